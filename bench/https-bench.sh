#!/usr/bin/env bash
# HTTPS vs plain HTTP on the same netbench server (--threads 1), with the real wrk and netbench wrk
# taking turns, keep-alive and Connection: close (a TCP and a TLS handshake per request): req/s
# and the HTTPS/plain ratio, ROUNDS rounds, medians. Usage: bench/https-bench.sh [duration 3s] [rounds 3]
source "$(dirname "$0")/common.sh"
D=${1:-3s}; ROUNDS=${2:-3}
HP=$(free_port); SP=$(free_port)
"${NETBENCH[@]}" server --no-qperf --threads 1 --http-port "$HP" --https-port "$SP" >/dev/null 2>&1 & PIDS+=($!)
wait_port "$HP"; wait_port "$SP"
# The server's JIT warm-up runs plain HTTP only: compile the TLS path (and the JDK's first handshake) first.
wrk -t2 -c50 -d10s "https://127.0.0.1:$SP/" >/dev/null
# rps TOOL SCHEME PORT [header...]: requests/sec of one run, "err" if the tool reported errors
rps() {
  local tool=$1 scheme=$2 port=$3; shift 3
  local out
  if [ "$tool" = wrk ]; then out=$(wrk -t2 -c50 -d"$D" "$@" "$scheme://127.0.0.1:$port/")
  else out=$("${NETBENCH[@]}" wrk -k --warmup 2s -t2 -c50 -d"$D" "$@" "$scheme://127.0.0.1:$port/"); fi
  grep -q "Socket errors" <<<"$out" && { echo err; return; }
  awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "netbench server --threads 1, -t2 -c50 -d$D, $ROUNDS rounds taking turns, $(nproc) CPUs: req/s (median, min-max)"
printf "%-14s %-11s %22s %22s %7s\n" client connection plain https ratio
for tool in wrk netbench; do
  for mode in keep-alive close; do
    hdr=(); [ "$mode" = close ] && hdr=(-H "Connection: close")
    rps "$tool" http "$HP" "${hdr[@]}" >/dev/null; rps "$tool" https "$SP" "${hdr[@]}" >/dev/null  # warm-up
    p=(); s=()
    for _ in $(seq "$ROUNDS"); do
      p+=("$(rps "$tool" http "$HP" "${hdr[@]}")"); s+=("$(rps "$tool" https "$SP" "${hdr[@]}")")
    done
    pm=$(printf "%s\n" "${p[@]}" | median); sm=$(printf "%s\n" "${s[@]}" | median)
    pr="$pm ($(printf "%s\n" "${p[@]}" | sort -n | head -1)-$(printf "%s\n" "${p[@]}" | sort -n | tail -1))"
    sr="$sm ($(printf "%s\n" "${s[@]}" | sort -n | head -1)-$(printf "%s\n" "${s[@]}" | sort -n | tail -1))"
    printf "%-14s %-11s %22s %22s %7s\n" "$tool" "$mode" "$pr" "$sr" "$(ratio "$sm" "$pm")"
  done
done
