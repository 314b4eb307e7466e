#!/usr/bin/env bash
# qperf and netbench side by side on loopback, in one run: each client against each server over
# -oo msg_size:1:256K:*64 tcp_bw tcp_lat. Prints bandwidth (MB/s) and latency (us) per size and
# the ratios netbench/qperf. Usage: bench/qperf-bench.sh [seconds per test, default 2]
source "$(dirname "$0")/common.sh"
T=${1:-2}
QP=$(free_port); qperf -lp "$QP" >/dev/null 2>&1 & PIDS+=($!)
NP=$(free_port); "${NETBENCH[@]}" server --no-http --threads 2 --port "$NP" >/dev/null 2>&1 & PIDS+=($!)
wait_port "$QP"; wait_port "$NP"
# run CLIENT PORT -> lines "tcp_bw SIZE MB/s" and "tcp_lat SIZE us"
run() {
  local out
  if [ "$1" = qperf ]; then out=$(qperf 127.0.0.1 -lp "$2" -t "$T" -oo msg_size:1:256K:*64 -vu tcp_bw tcp_lat)
  else out=$("${NETBENCH[@]}" qperf 127.0.0.1 -lp "$2" -t "$T" -oo msg_size:1:256K:*64 -vu tcp_bw tcp_lat); fi
  awk '
    BEGIN { split("bytes/sec 1e-6 KB/sec 1e-3 MB/sec 1 GB/sec 1e3 ns 1e-3 us 1 ms 1e3 sec 1e6", u)
            for (i = 1; i < 16; i += 2) f[u[i]] = u[i + 1] }
    /^tcp_(bw|lat):/ { test = $1; sub(":", "", test) }
    $1 == "bw" || $1 == "latency" { v = $3; gsub(",", "", v); val = v * f[$4] }
    $1 == "msg_size" { s = $3; gsub(",", "", s); m = ($4 == "KiB") ? 1024 : ($4 == "MiB") ? 1048576 : 1
      print test, s * m, val }' <<<"$out"
}
declare -A R
for pair in "qperf $QP qq" "netbench $NP nn" "qperf $NP qn" "netbench $QP nq"; do
  set -- $pair
  while read -r test size value; do R[$3,$test,$size]=$value; done < <(run "$1" "$2")
done
echo "loopback, $(nproc) CPUs, $T s per test; qq = qperf->qperf, nn = netbench->netbench, qn = qperf client->netbench server, nq = netbench client->qperf server"
printf "%-8s | %10s %10s %10s %10s %6s | %8s %8s %8s %8s %6s\n" size "bw qq" "bw nn" "bw qn" "bw nq" "nn/qq" "lat qq" "lat nn" "lat qn" "lat nq" "nn/qq"
for size in 1 64 4096 262144; do
  printf "%-8s | %10.1f %10.1f %10.1f %10.1f %6s | %8.1f %8.1f %8.1f %8.1f %6s\n" "$size" \
    "${R[qq,tcp_bw,$size]}" "${R[nn,tcp_bw,$size]}" "${R[qn,tcp_bw,$size]}" "${R[nq,tcp_bw,$size]}" \
    "$(ratio "${R[nn,tcp_bw,$size]}" "${R[qq,tcp_bw,$size]}")" \
    "${R[qq,tcp_lat,$size]}" "${R[nn,tcp_lat,$size]}" "${R[qn,tcp_lat,$size]}" "${R[nq,tcp_lat,$size]}" \
    "$(ratio "${R[nn,tcp_lat,$size]}" "${R[qq,tcp_lat,$size]}")"
done
echo "(bw in MB/s, higher is better; lat in us, lower is better)"
