#!/usr/bin/env bash
# How close /delay/N lands to N: against netbench server --threads 1 with each transport, a client
# that polls its non-blocking socket (so that no wake-up of its own is counted) sends / and
# /delay/N in turns on one kept-alive connection, and prints, per N, the median of /delay/N less
# N less the median round trip of / (us), and that round trip (the client's own costs, which vary
# by a few tens of us, are in it). Best of 3 tries of 25 pairs each: noise only adds.
# Usage: bench/delay-bench.sh [pairs per try, default 25]
source "$(dirname "$0")/common.sh"
PAIRS=${1:-25}
poll() {
  python3 - "$1" "$PAIRS" <<'PY'
import socket, statistics, sys, time
port, pairs = int(sys.argv[1]), int(sys.argv[2])
s = socket.create_connection(("127.0.0.1", port)); s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
s.setblocking(False)
def trip(path):
    req = ("GET %s HTTP/1.1\r\nHost: t\r\n\r\n" % path).encode()
    begin = time.perf_counter_ns(); s.sendall(req); got = b""
    while not got.endswith(b"Hello, World!"):
        if time.perf_counter_ns() - begin > 5e9: sys.exit("no whole response to %s in 5 s" % path)
        try: got += s.recv(4096)
        except BlockingIOError: pass
    return time.perf_counter_ns() - begin
for _ in range(200): trip("/"); trip("/delay/1")       # warm the server's JIT and its timers' lead
cells, plains = [], []
for ms in (2, 5, 20):
    tries = []
    for _ in range(3):
        plain, delayed = [], []
        for _ in range(pairs): plain.append(trip("/")); delayed.append(trip("/delay/%d" % ms))
        if min(delayed) < ms * 1e6: sys.exit("/delay/%d answered early: %d ns" % (ms, min(delayed)))
        plains.append(statistics.median(plain) / 1e3)
        tries.append((statistics.median(delayed) - statistics.median(plain) - ms * 1e6) / 1e3)
    cells.append("%.0f" % min(tries))
print(" ".join(cells), "%.0f" % statistics.median(plains))
PY
}
echo "/delay/N less N less the round trip of /, median, best of 3 tries (us), $(nproc) CPUs"
printf "%-10s %8s %8s %8s %10s\n" transport N=2 N=5 N=20 "/ itself"
for t in epoll nio; do
  P=$(free_port)
  "${NETBENCH[@]}" server --no-qperf --threads 1 --transport "$t" --http-port "$P" >/dev/null 2>&1 & PIDS+=($!)
  wait_port "$P"
  read -r a b c r <<<"$(poll "$P")"
  printf "%-10s %8s %8s %8s %10s\n" "$t" "$a" "$b" "$c" "$r"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
done
