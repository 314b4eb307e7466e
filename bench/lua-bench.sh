#!/usr/bin/env bash
# netbench wrk against netbench server (1 thread) without a script, with a script that only sets
# the method and a header (request built once), and with a request() hook on every request.
# Usage: bench/lua-bench.sh [duration, default 10s]
source "$(dirname "$0")/common.sh"
D=${1:-10s}
NB=$(free_port); "${NETBENCH[@]}" server --no-qperf --threads 1 --http-port "$NB" >/dev/null 2>&1 & PIDS+=($!)
wait_port "$NB"
dir=$(mktemp -d)
printf 'wrk.method = "GET"\nwrk.headers["X-Bench"] = "1"\n' > "$dir/static.lua"
printf 'request = function()\n  return wrk.format(nil, "/")\nend\n' > "$dir/request.lua"
rps() { "${NETBENCH[@]}" wrk -t1 -c50 -d"$D" "$@" "http://127.0.0.1:$NB/" 2>/dev/null | awk '/^Requests\/sec:/ { print $2 }'; }
rps >/dev/null
plain=$(rps); static=$(rps -s "$dir/static.lua"); dynamic=$(rps -s "$dir/request.lua")
echo "netbench wrk -t1 -c50 -d$D against netbench server --threads 1, $(nproc) CPUs: req/s"
printf "%-22s %12s %8s\n" script "req/s" "vs none"
printf "%-22s %12s %8s\n" none "$plain" 1.00
printf "%-22s %12s %8s\n" "static (built once)" "$static" "$(ratio "$static" "$plain")"
printf "%-22s %12s %8s\n" "request() per call" "$dynamic" "$(ratio "$dynamic" "$plain")"
rm -rf "$dir"
