#!/usr/bin/env bash
# qperf and netbench side by side on loopback, in one run: each client against each server over
# -oo msg_size:1:256K:*64 tcp_bw tcp_lat (with "udp": msg_size:1:4K:*64 udp_bw udp_lat, as a
# datagram carries 64 KiB at most), the four pairs taking turns for ROUNDS rounds (the machine is
# shared and noisy; the order changes from round to round so that over 4 rounds each pair follows
# each other pair once). Prints the median bandwidth (MB/s; udp_bw's recv_bw) and latency (us) per
# size, the ratio netbench/qperf of the medians, and the lowest and highest per-round ratio.
# Usage: bench/qperf-bench.sh [seconds per test, default 2] [rounds, default 3] [tcp|udp, default tcp]
source "$(dirname "$0")/common.sh"
T=${1:-2}
ROUNDS=${2:-3}
PROTO=${3:-tcp}
case "$PROTO" in
  tcp) LOOP=msg_size:1:256K:*64; SIZES="1 64 4096 262144" ;;
  udp) LOOP=msg_size:1:4K:*64; SIZES="1 64 4096" ;;
  *) echo "bench/qperf-bench.sh: $PROTO: expected tcp or udp" >&2; exit 2 ;;
esac
QP=$(free_port); qperf -lp "$QP" >/dev/null 2>&1 & PIDS+=($!)
NP=$(free_port); "${NETBENCH[@]}" server --no-http --threads 2 --port "$NP" >/dev/null 2>&1 & PIDS+=($!)
wait_port "$QP"; wait_port "$NP"
# run CLIENT PORT -> lines "bw SIZE MB/s" and "lat SIZE us"
run() {
  local out
  local tests=("${PROTO}_bw" "${PROTO}_lat")
  if [ "$1" = qperf ]; then out=$(qperf 127.0.0.1 -lp "$2" -t "$T" -e 4 -oo "$LOOP" -vu "${tests[@]}")
  else out=$("${NETBENCH[@]}" qperf 127.0.0.1 -lp "$2" -t "$T" -e 4 -oo "$LOOP" -vu "${tests[@]}"); fi
  awk '
    BEGIN { split("bytes/sec 1e-6 KB/sec 1e-3 MB/sec 1 GB/sec 1e3 ns 1e-3 us 1 ms 1e3 sec 1e6", u)
            for (i = 1; i < 16; i += 2) f[u[i]] = u[i + 1] }
    /^(tcp|udp)_(bw|lat):/ { test = $1; sub(":", "", test); sub("^(tcp|udp)_", "", test) }
    $1 == "bw" || $1 == "recv_bw" || $1 == "latency" { v = $3; gsub(",", "", v); val = v * f[$4] }
    $1 == "msg_size" { s = $3; gsub(",", "", s); m = ($4 == "KiB") ? 1024 : ($4 == "MiB") ? 1048576 : 1
      print test, s * m, val }' <<<"$out"
}
declare -A R
PAIRS=("qperf $QP qq" "netbench $NP nn" "qperf $NP qn" "netbench $QP nq")
ORDERS=("0 1 3 2" "1 2 0 3" "2 3 1 0" "3 0 2 1") # a balanced (Williams) design for four
for round in $(seq 0 $((ROUNDS - 1))); do
  for i in ${ORDERS[round % 4]}; do
    set -- ${PAIRS[i]}
    while read -r test size value; do R[$3,$test,$size]+="$value "; done < <(run "$1" "$2")
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# spread A B: the lowest and highest of the per-round ratios A/B
spread() { paste <(tr ' ' '\n' <<<"$1" | grep .) <(tr ' ' '\n' <<<"$2" | grep .) |
  awk '{ r = $1 / $2; lo = (NR == 1 || r < lo) ? r : lo; hi = (NR == 1 || r > hi) ? r : hi } END { printf "%.2f-%.2f", lo, hi }'; }
echo "$PROTO on loopback, $(nproc) CPUs, $T s per test, medians of $ROUNDS rounds; qq = qperf->qperf, nn = netbench->netbench, qn = qperf client->netbench server, nq = netbench client->qperf server"
printf "%-7s| %8s %8s %8s %8s %5s %9s | %6s %6s %6s %6s %5s %9s\n" size "bw qq" "bw nn" "bw qn" "bw nq" "nn/qq" "(rounds)" \
  "lat qq" "lat nn" "lat qn" "lat nq" "nn/qq" "(rounds)"
for size in $SIZES; do
  declare -A M=()
  for key in qq nn qn nq; do
    M[$key,bw]=$(median "${R[$key,bw,$size]}"); M[$key,lat]=$(median "${R[$key,lat,$size]}")
  done
  printf "%-7s| %8.2f %8.2f %8.2f %8.2f %5s %9s | %6.1f %6.1f %6.1f %6.1f %5s %9s\n" "$size" \
    "${M[qq,bw]}" "${M[nn,bw]}" "${M[qn,bw]}" "${M[nq,bw]}" "$(ratio "${M[nn,bw]}" "${M[qq,bw]}")" \
    "$(spread "${R[nn,bw,$size]}" "${R[qq,bw,$size]}")" \
    "${M[qq,lat]}" "${M[nn,lat]}" "${M[qn,lat]}" "${M[nq,lat]}" "$(ratio "${M[nn,lat]}" "${M[qq,lat]}")" \
    "$(spread "${R[nn,lat,$size]}" "${R[qq,lat,$size]}")"
done
echo "(bw in MB/s, higher is better; lat in us, lower is better)"
