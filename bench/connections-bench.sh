#!/usr/bin/env bash
# Connection storms (#23): the real wrk -t2 opening -c2000 and -c9000 connections at once against
# nginx (1 worker, backlog 4096) and netbench server --threads 1, taking turns for ROUNDS rounds;
# the netbench server is fresh (just warmed up) for its first burst. A third load, 2000/close, is a
# storm that never ends: -c2000 with "Connection: close", a new connection for every request, so
# that its req/s and CPU per request are what a server spends per connection. Per run: req/s, wrk's
# timeouts and connect errors, the slowest /healthz on netbench's admin port and on the loaded
# port itself (curl every 0.2 s during the burst, "fail" past 2 s; nginx answers its own /healthz
# with the Hello body), and each server's RSS growth per open connection (mid-burst; the first
# burst of a fresh server shows what connections cost, later ones reuse its memory), and the
# server's CPU time (all threads, user and system) per request served: less noisy than req/s on a
# shared machine, and what decides req/s once the server's core is the bottleneck.
# Where io_uring works (netbench info says available: the kernel allows it and no seccomp profile
# blocks it), a third server takes its turns too: netbench server --transport io_uring, as "uring".
# Then what a busy and an idle connection cost at -c1000 and -c9000, from a second server's own
# /metrics (netbench_memory_bytes) mid-burst, and with as many connections open that send nothing,
# less with none, per open connection: its live heap, its RSS outside the (fixed) heap, and Netty's
# allocator, for each transport. Needs jcmd (the JDK) for the full GCs.
# Usage: bench/connections-bench.sh [duration, default 5s] [rounds, default 3]
source "$(dirname "$0")/common.sh"
D=${1:-5s}; ROUNDS=${2:-3}
ulimit -n 20000 2>/dev/null || true
NG=$(free_port); start_nginx "$NG"
NGW=""; for _ in $(seq 50); do NGW=$(pgrep -P "${PIDS[-1]}" | head -1) && break; sleep 0.1; done # nginx's one worker
[ -n "$NGW" ] || { echo "nginx started no worker" >&2; exit 1; }
# the servers taking turns: their HTTP port, the process to measure, the port of the second probe
declare -A PORT PID SECOND
SERVERS=(netbench nginx); PORT[nginx]=$NG; PID[nginx]=$NGW; SECOND[nginx]=$NG
TRANSPORTS=(auto)
"${NETBENCH[@]}" info 2>/dev/null | grep -q '^  io_uring  available' && SERVERS+=(uring) && TRANSPORTS+=(io_uring)
for s in "${SERVERS[@]}"; do
  [ "$s" = nginx ] && continue
  transport=auto; [ "$s" = uring ] && transport=io_uring
  PORT[$s]=$(free_port); SECOND[$s]=$(free_port)
  "${NETBENCH[@]}" server --no-qperf --threads 1 --transport "$transport" --http-port "${PORT[$s]}" \
    --admin-port "${SECOND[$s]}" >/dev/null 2>&1 & PID[$s]=$!; PIDS+=($!)
  wait_port "${PORT[$s]}"
done
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
# the CPU time a process has used, all threads, user and system, in clock ticks
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# probe PORT: the slowest of the /healthz answers while wrk runs (ms), "fail" if one did not come within 2 s
probe() {
  local worst=0 t
  while [ -e "$PROBE_FLAG" ]; do
    t=$(curl -s -o /dev/null -m 2 -w '%{time_total}' "http://127.0.0.1:$1/healthz") || { echo fail; return; }
    worst=$(awk -v a="$worst" -v b="$t" 'BEGIN { print (b * 1000 > a) ? b * 1000 : a }')
    sleep 0.2
  done
  printf "%.0f\n" "$worst"
}
# run TARGET PORT CONNS: one wrk burst; prints "req/s timeouts connect-errors admin-ms http-ms rss-per-conn-bytes cpu-us-per-request"
run() {
  local name=$1 port=$2 c=${3%/close} out a=- h=- per=- base mid pid=${PID[$1]} cpu0 second=${SECOND[$1]} header=()
  [ "$c" != "$3" ] && header=(-H "Connection: close")
  cpu0=$(ticks "$pid")
  base=$(rss_kb "$pid")
  PROBE_FLAG=$(mktemp)
  # Both servers get the same two probes and the same mid-burst readings, so that the curls and ss
  # share the machine equally with each (nginx has no admin port: its second probe is not shown).
  probe "$second" > "$PROBE_FLAG.a" &
  probe "$port" > "$PROBE_FLAG.h" &
  wrk -t2 -c"$c" -d"$D" --timeout 2s "${header[@]}" "http://127.0.0.1:$port/" > "$PROBE_FLAG.w" &
  local w=$!
  sleep "$(awk -v d="${D%s}" 'BEGIN { print d * 0.7 }')"
  mid=$(rss_kb "$pid"); open=$(ss -Htn state established "( sport = :$port )" | wc -l)
  wait "$w"; local cpu1; cpu1=$(ticks "$pid"); rm -f "$PROBE_FLAG"; wait
  out=$(cat "$PROBE_FLAG.w")
  h=$(cat "$PROBE_FLAG.h")
  [ "$name" != nginx ] && a=$(cat "$PROBE_FLAG.a")
  per=$(awk -v m="$mid" -v b="$base" -v o="$open" 'BEGIN { if (o > 0) printf "%.0f", (m - b) * 1024 / o; else print "-" }')
  rm -f "$PROBE_FLAG".*
  local rps to ce
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  to=$(awk '/Socket errors/ { gsub(",", ""); print $NF }' <<<"$out"); to=${to:-0}
  ce=$(awk '/Socket errors/ { gsub(",", ""); print $4 }' <<<"$out"); ce=${ce:-0}
  local us; us=$(awk -v t="$((cpu1 - cpu0))" -v hz="$(getconf CLK_TCK)" -v n="$(awk '/requests in/ { print $1 }' <<<"$out")" \
    'BEGIN { if (n > 0) printf "%.1f", t * 1e6 / hz / n; else print "-" }')
  echo "$rps $to $ce $a $h $per $us"
}
declare -A RPS RATIOS CPU
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "wrk -t2 -d$D --timeout 2s, nginx (1 worker) vs netbench server --threads 1" \
  "(${SERVERS[*]}; uring: --transport io_uring), $ROUNDS rounds, $(nproc) CPUs"
printf "%-5s %-10s %-9s %11s %8s %8s %9s %9s %10s %10s\n" round conns server req/s timeouts connerr admin-ms http-ms rss/conn cpu-us/req
for r in $(seq "$ROUNDS"); do
  for c in 2000 9000 2000/close; do
    # taking turns: each round starts one server later than the round before
    n=${#SERVERS[@]}; order=()
    for i in $(seq 0 $((n - 1))); do order+=("${SERVERS[$(((r - 1 + i) % n))]}"); done
    for s in "${order[@]}"; do
      read -r rps to ce a h per us <<<"$(run "$s" "${PORT[$s]}" "$c")"
      printf "%-5s %-10s %-9s %11s %8s %8s %9s %9s %10s %10s\n" "$r" "$c" "$s" "$rps" "$to" "$ce" "$a" "$h" "$per" "$us"
      RPS[$s]=$rps; CPU[$c $s]="${CPU[$c $s]:-} $us"
      sleep 1
    done
    for s in "${SERVERS[@]}"; do
      [ "$s" != nginx ] && RATIOS[$c $s]="${RATIOS[$c $s]:-} $(ratio "${RPS[$s]}" "${RPS[nginx]}")"
    done
  done
done
for c in 2000 9000 2000/close; do
  for s in "${SERVERS[@]}"; do
    [ "$s" = nginx ] && continue
    echo "req/s $s/nginx at -c$c by round:${RATIOS[$c $s]}, median $(median "${RATIOS[$c $s]}");" \
      "CPU us per request, medians: $s $(median "${CPU[$c $s]}"), nginx $(median "${CPU[$c nginx]}")"
  done
done
# Memory: a second, fresh server (no burst has grown its allocator yet), measured idle and mid-burst
# by its own /metrics after a full GC (jcmd), so only what stays alive counts. Its heap is fixed and
# touched at start (512 MiB), so that RSS moves only with what lies outside the heap (Netty's direct
# memory, native and JVM structures) and not with the heap's growing and shrinking.
# snapshot: the server's /metrics after a full GC; mem AREA TEXT: one netbench_memory_bytes figure
snapshot() { jcmd "$MEMPID" GC.run >/dev/null 2>&1; curl -s -m 5 "http://127.0.0.1:$MP/metrics" || true; }
mem() { awk -v a="area=\"$1\"" 'index($0, "netbench_memory_bytes{" a "}") == 1 { print $2; exit }' <<<"$2"; }
# per AREA LOADED: that figure in the LOADED snapshot less the one without connections ($base), per open connection
per() { awk -v b="$(mem "$1" "$2")" -v i="$(mem "$1" "$base")" -v o="$open" \
  'BEGIN { if (o > 0 && b != "" && i != "") printf "%.0f", (b - i) / o; else print "-" }'; }
# costs LABEL LOADED: the line of what each of $open connections costs in the LOADED snapshot
costs() {
  local outside heap; outside=$(per resident "$2"); heap=$(per jvm_heap_used "$2")
  echo "-c$c $1: $open open: live heap $heap + RSS outside the heap $outside" \
    "= $(awk -v h="$heap" -v o="$outside" 'BEGIN { print h + o }'); Netty's allocator: direct" \
    "$(per netty_direct "$2"), heap $(per netty_heap "$2")"
}
open_now() { awk '/^netbench_http_connections_open / { print $2 - 1; exit }' <<<"$1"; }
# hold_idle PORT N: opens N connections that send nothing and holds them until killed
hold_idle() {
  exec python3 -c 'import socket, sys, time
held = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(int(sys.argv[2]))]
time.sleep(600)' "$1" "$2"
}
for transport in "${TRANSPORTS[@]}"; do
  MP=$(free_port)
  java "${JVM_FLAGS[@]}" -Xms512m -Xmx512m -XX:+AlwaysPreTouch -jar "$JAR" server --no-qperf --threads 1 \
    --transport "$transport" --http-port "$MP" >/dev/null 2>&1 & MEMPID=$!; PIDS+=($MEMPID)
  wait_port "$MP"
  on=$transport; [ "$on" = auto ] && on="its default transport"
  echo "memory per open connection (bytes), a fresh netbench server on $on, busy (mid-burst) and idle" \
    "(connected, sending nothing), less no connections, after a full GC:"
  for c in 1000 9000; do
    base=$(snapshot)
    wrk -t2 -c"$c" -d"$D" --timeout 2s "http://127.0.0.1:$MP/" >/dev/null & w=$!
    sleep "$(awk -v d="${D%s}" 'BEGIN { print d * 0.7 }')"
    busy=$(snapshot); open=$(open_now "$busy")
    wait "$w"
    costs busy "$busy"
    sleep 1
    base=$(snapshot)
    hold_idle "$MP" "$c" & h=$!; PIDS+=($h)
    # wait for them without a full GC each time, then take the one snapshot
    for _ in $(seq 100); do
      [ "$(open_now "$(curl -s -m 5 "http://127.0.0.1:$MP/metrics")")" -ge "$c" ] 2>/dev/null && break; sleep 0.1
    done
    idle=$(snapshot); open=$(open_now "$idle")
    costs idle "$idle"
    kill "$h"; wait "$h" 2>/dev/null || true
    sleep 1
  done
  kill "$MEMPID"; wait "$MEMPID" 2>/dev/null || true
done
