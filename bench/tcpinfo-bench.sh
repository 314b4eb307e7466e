#!/usr/bin/env bash
# What sampling the network counters (#20) costs: netbench qperf tcp_lat 64 B against a netbench
# server, and netbench wrk -t2 -c100 against nginx (1 worker), each with the counters on (the
# default) and off (-Dnetbench.netCounters=false), interleaved round by round, the order swapped
# every round. Prints each round, then per case the median, min-max and the on/off ratio.
# Usage: bench/tcpinfo-bench.sh [rounds, default 5] [wrk duration, default 3s]
source "$(dirname "$0")/common.sh"
ROUNDS=${1:-5}
D=${2:-3s}
QP=$(free_port)
"${NETBENCH[@]}" server --no-http --threads 1 -lp "$QP" >/dev/null 2>&1 & PIDS+=($!)
NG=$(free_port); start_nginx "$NG"
wait_port "$QP"
run() { # run on|off qperf|wrk: prints the figure (latency in us, or req/s)
  local opt=(); [ "$1" = off ] && opt=(-Dnetbench.netCounters=false)
  if [ "$2" = qperf ]; then
    java "${opt[@]}" -jar "$JAR" qperf 127.0.0.1 -lp "$QP" -t 2 -m 64 --json tcp_lat 2>/dev/null \
      | python3 -c 'import json,sys; print("%.2f" % (json.load(sys.stdin)["tests"][0]["metrics"]["latency_ns"] / 1000))'
  else
    java "${opt[@]}" -jar "$JAR" wrk -t2 -c100 -d"$D" --json "http://127.0.0.1:$NG/" 2>/dev/null \
      | python3 -c 'import json,sys; print("%.0f" % json.load(sys.stdin)["tests"][0]["metrics"]["requests_per_sec"])'
  fi
}
declare -A SEEN
echo "round case on off   ($(nproc) CPUs; tcp_lat 64 B in us, lower is better; wrk -c100 in req/s)"
for r in $(seq "$ROUNDS"); do
  for t in qperf wrk; do
    if [ $((r % 2)) -eq 1 ]; then a=$(run on $t); b=$(run off $t); else b=$(run off $t); a=$(run on $t); fi
    echo "$r $t $a $b"
    SEEN[$t-on]+="$a "; SEEN[$t-off]+="$b "
  done
done
summary() { python3 - "$@" <<'PY'
import statistics, sys
name, on, off = sys.argv[1], list(map(float, sys.argv[2].split())), list(map(float, sys.argv[3].split()))
m_on, m_off = statistics.median(on), statistics.median(off)
print(f"{name:6} on  median {m_on:10.2f} ({min(on):.2f}-{max(on):.2f})  off median {m_off:10.2f} "
      f"({min(off):.2f}-{max(off):.2f})  on/off {m_on / m_off:.3f}")
PY
}
summary tcp_lat "${SEEN[qperf-on]}" "${SEEN[qperf-off]}"
summary wrk "${SEEN[wrk-on]}" "${SEEN[wrk-off]}"
