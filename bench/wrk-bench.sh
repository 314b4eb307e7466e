#!/usr/bin/env bash
# The real wrk and netbench wrk against one nginx (1 worker), alternating in one run, -t2 -c100
# and -c1000. Usage: bench/wrk-bench.sh [duration, default 10s]
source "$(dirname "$0")/common.sh"
D=${1:-10s}
NG=$(free_port); start_nginx "$NG"
URL="http://127.0.0.1:$NG/"
echo "-t2 -d$D against nginx (1 worker) on loopback, $(nproc) CPUs: req/s"
printf "%-6s %12s %12s %8s\n" conns wrk netbench ratio
for c in 100 1000; do
  w=$(wrk -t2 -c"$c" -d"$D" "$URL" | awk '/^Requests\/sec:/ { print $2 }')
  n=$("${NETBENCH[@]}" wrk -t2 -c"$c" -d"$D" "$URL" 2>/dev/null | awk '/^Requests\/sec:/ { print $2 }')
  printf "%-6s %12s %12s %8s\n" "$c" "$w" "$n" "$(ratio "$n" "$w")"
done
