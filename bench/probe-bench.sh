#!/usr/bin/env bash
# What a Kubernetes probe sees while the HTTP port takes a connection storm: a fresh
# `netbench server --threads 1 --admin-port`, the real wrk -t2 -cN against its HTTP port, and
# during the burst a curl every 100 ms to /healthz on the admin port (what deploy/'s probes hit)
# and, alternating, to /healthz on the HTTP port itself. Prints each side's count, median and
# max response time and how many exceeded a probe's 1 s timeout.
# Usage: bench/probe-bench.sh [connections, default 2000] [seconds, default 8] [rounds, default 3]
source "$(dirname "$0")/common.sh"
C=${1:-2000}; S=${2:-8}; ROUNDS=${3:-3}
[ "$(ulimit -n)" -ge $((C + 100)) ] || ulimit -n $((C + 1000))
summary() { sort -n | awk -v name="$1" '{ t[NR] = $1 } $1 > 1 { slow++ }
  END { if (NR == 0) { printf "  %-10s no answers\n", name; exit }
        printf "  %-10s %4d probes   median %7.1f ms   max %7.1f ms   over 1 s: %d\n",
               name, NR, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000, slow + 0 }'; }
probe() { curl -s -o /dev/null -m 10 -w '%{time_total}\n' "http://127.0.0.1:$1/healthz" || echo 10; }
echo "wrk -t2 -c$C -d${S}s against a fresh netbench server --threads 1, $(nproc) CPUs; /healthz every 100 ms"
for round in $(seq "$ROUNDS"); do
  HTTP=$(free_port); ADMIN=$(free_port)
  "${NETBENCH[@]}" server --no-qperf --threads 1 --http-port "$HTTP" --admin-port "$ADMIN" >/dev/null 2>&1 &
  SERVER=$!; PIDS+=("$SERVER")
  wait_port "$HTTP"
  wrk -t2 -c"$C" -d"${S}s" "http://127.0.0.1:$HTTP/" > /tmp/probe-bench-wrk.$$ &
  WRK=$!; PIDS+=("$WRK")
  # one loop per port, each bounded by count: a slow answer on one side never thins the other's samples
  probes() { for _ in $(seq $((S * 10))); do kill -0 "$WRK" 2>/dev/null || break; probe "$1"; sleep 0.1; done > "$2"; }
  probes "$ADMIN" /tmp/probe-bench-admin.$$ & A=$!
  probes "$HTTP" /tmp/probe-bench-http.$$ & H=$!
  PIDS+=("$A" "$H")
  wait "$A" "$H" || true
  wait "$WRK" || true
  echo "round $round: wrk $(awk '/^Requests\/sec:/ { rps = $2 } /Socket errors/ { sub(/^ */, ""); errors = ", " $0 }
    END { printf "%s req/s%s", rps, errors }' /tmp/probe-bench-wrk.$$)"
  summary admin < /tmp/probe-bench-admin.$$
  summary http-port < /tmp/probe-bench-http.$$
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done
rm -f /tmp/probe-bench-*.$$
