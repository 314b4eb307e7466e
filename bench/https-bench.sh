#!/usr/bin/env bash
# HTTPS on the netbench server (--threads 1), two tables, ROUNDS rounds taking turns, medians (min-max):
# 1. clients: the real wrk and netbench wrk, each against the server's plain and HTTPS ports, kept
#    alive and with Connection: close (a TCP and a TLS handshake per request), and the HTTPS/plain ratio;
# 2. servers: nginx over TLS (1 worker, its defaults: session tickets on) against the netbench server's
#    HTTPS port, the same RSA-2048 certificate, the real wrk, and the netbench/nginx ratio.
# Usage: bench/https-bench.sh [duration 3s] [rounds 3]
source "$(dirname "$0")/common.sh"
D=${1:-3s}; ROUNDS=${2:-3}
TLS=$(mktemp -d); trap 'cleanup; rm -rf "$TLS"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TLS/key.pem" -out "$TLS/cert.pem" -days 2 \
  -subj /CN=localhost 2>/dev/null
HP=$(free_port); SP=$(free_port); NP=$(free_port)
"${NETBENCH[@]}" server --no-qperf --threads 1 --http-port "$HP" --https-port "$SP" --tls-cert "$TLS/cert.pem" \
  --tls-key "$TLS/key.pem" >/dev/null 2>&1 & PIDS+=($!)
wait_port "$HP"; wait_port "$SP"
start_nginx "$NP" "$TLS/cert.pem" "$TLS/key.pem"
# The server's JIT warm-up runs plain HTTP only: compile the TLS path (and the first handshakes) first.
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
spread() { local s; s=$(printf "%s\n" "$@" | sort -n); echo "$(median <<<"$s") ($(head -1 <<<"$s")-$(tail -1 <<<"$s"))"; }
# table ROWNAME TOOL SCHEME_A PORT_A SCHEME_B PORT_B: one row per connection mode, B/A as the ratio
table() {
  local name=$1 tool=$2 sa=$3 pa=$4 sb=$5 pb=$6
  for mode in keep-alive close; do
    local hdr=(); [ "$mode" = close ] && hdr=(-H "Connection: close")
    rps "$tool" "$sa" "$pa" "${hdr[@]}" >/dev/null; rps "$tool" "$sb" "$pb" "${hdr[@]}" >/dev/null  # warm-up
    local a=() b=()
    for _ in $(seq "$ROUNDS"); do
      a+=("$(rps "$tool" "$sa" "$pa" "${hdr[@]}")"); b+=("$(rps "$tool" "$sb" "$pb" "${hdr[@]}")")
    done
    printf "%-14s %-11s %22s %22s %7s\n" "$name" "$mode" "$(spread "${a[@]}")" "$(spread "${b[@]}")" \
      "$(ratio "$(printf "%s\n" "${b[@]}" | median)" "$(printf "%s\n" "${a[@]}" | median)")"
  done
}
echo "netbench server --threads 1 (TLS: $("${NETBENCH[@]}" info | sed -n 's/^tls: *//p')), -t2 -c50 -d$D, $ROUNDS rounds" \
  "taking turns, $(nproc) CPUs: req/s, median (min-max)"
printf "%-14s %-11s %22s %22s %7s\n" client connection plain https ratio
table wrk wrk http "$HP" https "$SP"
table netbench netbench http "$HP" https "$SP"
printf "%-14s %-11s %22s %22s %7s\n" "server (wrk)" connection "nginx https" "netbench https" ratio
table "" wrk https "$NP" https "$SP"
