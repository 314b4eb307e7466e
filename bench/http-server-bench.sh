#!/usr/bin/env bash
# The real wrk against nginx (1 worker) and against netbench server --threads 1, alternating in
# one run, -t2 -c100 and -c1000. Usage: bench/http-server-bench.sh [duration, default 10s]
source "$(dirname "$0")/common.sh"
D=${1:-10s}
NG=$(free_port); start_nginx "$NG"
NB=$(free_port); "${NETBENCH[@]}" server --no-qperf --threads 1 --http-port "$NB" >/dev/null 2>&1 & PIDS+=($!)
wait_port "$NB"
rps() { wrk -t2 -c"$1" -d"$D" "http://127.0.0.1:$2/" | awk '/^Requests\/sec:/ { print $2 }'; }
echo "wrk -t2 -d$D on loopback, $(nproc) CPUs: req/s"
printf "%-6s %12s %12s %8s\n" conns nginx netbench ratio
for c in 100 1000; do
  rps "$c" "$NB" >/dev/null   # warm the JVM once per setting, not counted
  n=$(rps "$c" "$NG"); b=$(rps "$c" "$NB")
  printf "%-6s %12s %12s %8s\n" "$c" "$n" "$b" "$(ratio "$b" "$n")"
done
