#!/usr/bin/env bash
# The seed's experiment on this machine: one netbench server on the host, one in a runc container on
# podman's bridge network behind published ports, and the same image on the host network (the JVM
# parity check), measured by the client on the host, in interleaved rounds (the order of the three
# changes every round). Then the real qperf through the published port, SIGTERM, --cpus 1.
# Usage: bench/container-bench.sh [rounds, default 5] [seconds per qperf step, default 2]
# Results (JSON, Markdown, HTML) go to $OUT (default: a new directory under /tmp, printed at the end).
# SKIP_BUILD=1 uses the netbench:latest there is instead of running bin/build-image first.
source "$(dirname "$0")/common.sh"
ROUNDS=${1:-5}; T=${2:-2}
OUT=${OUT:-$(mktemp -d /tmp/netbench-container-bench.XXXXXX)}
mkdir -p "$OUT"
IMAGE=${IMAGE:-netbench:latest}
SWEEP=msg_size:1:256K:*64
PODMAN_RUN=(podman run --runtime runc --ulimit nofile=20000:20000 --ulimit nproc=1024:1024)
RUNC=nbtest-bench-runc-$$; HOSTNET=nbtest-bench-hostnet-$$; CPUS1=nbtest-bench-cpus1-$$
remove_containers() { podman rm -f --ignore "$RUNC" "$HOSTNET" "$CPUS1" >/dev/null 2>&1 || true; }
trap 'cleanup; remove_containers' EXIT

[ "${SKIP_BUILD:-0}" = 1 ] || "$ROOT/bin/build-image"
# The host process runs with the image's JVM flags (its entrypoint between java and -jar).
mapfile -t FLAGS < <(podman image inspect "$IMAGE" --format '{{json .Config.Entrypoint}}' \
  | python3 -c 'import json,sys; e=json.load(sys.stdin); print("\n".join(e[1:e.index("-jar")]))' \
  | sed "s|/var/lib/netbench|$OUT/natives|")
mkdir -p "$OUT/natives"
HQ=$(free_port); HH=$(free_port); RQ=$(free_port); RH=$(free_port); NQ=$(free_port); NH=$(free_port)
java "${FLAGS[@]}" -jar "$JAR" server --bind 127.0.0.1 --port "$HQ" --http-port "$HH" >"$OUT/host-server.log" 2>&1 &
PIDS+=($!)
"${PODMAN_RUN[@]}" -d --name "$RUNC" -p "$RQ:19765/tcp" -p "$RQ:19765/udp" -p "$RH:8080" "$IMAGE" >/dev/null
"${PODMAN_RUN[@]}" -d --name "$HOSTNET" --network host "$IMAGE" server --bind 127.0.0.1 --port "$NQ" \
  --http-port "$NH" >/dev/null
await_log() { for _ in $(seq 600); do podman logs "$1" 2>&1 | grep -q "http listening" && return 0; sleep 0.2; done
  echo "$1 did not start: $(podman logs "$1" 2>&1 | tail -3)" >&2; return 1; }
wait_port "$HH"; await_log "$RUNC"; await_log "$HOSTNET"
echo "servers up: host $(grep warm-up "$OUT/host-server.log"), runc $(podman logs "$RUNC" 2>&1 | grep warm-up)," \
  "image on the host network $(podman logs "$HOSTNET" 2>&1 | grep warm-up)"

targets=(host runc image-hostnet)
qport() { case $1 in host) echo "$HQ";; runc) echo "$RQ";; *) echo "$NQ";; esac; }
hport() { case $1 in host) echo "$HH";; runc) echo "$RH";; *) echo "$NH";; esac; }
for r in $(seq "$ROUNDS"); do
  for i in 0 1 2; do
    t=${targets[$(( (i + r) % 3 ))]}
    [ $(( r % 2 )) = 0 ] && t=${targets[$(( (2 - i + r) % 3 ))]}
    "${NETBENCH[@]}" qperf 127.0.0.1 -lp "$(qport "$t")" -t "$T" -oo "$SWEEP" --json --label "runtime=$t" \
      -o "$OUT/$t-sweep-$r.json" tcp_bw tcp_lat
    "${NETBENCH[@]}" qperf 127.0.0.1 -lp "$(qport "$t")" -t "$T" --json --label "runtime=$t" \
      -o "$OUT/$t-udp-$r.json" udp_lat
    "${NETBENCH[@]}" wrk -t2 -c100 -d5s --json --label "runtime=$t" -o "$OUT/$t-wrk-$r.json" \
      "http://127.0.0.1:$(hport "$t")/"
    echo "round $r: $t done"
  done
done

echo; echo "## the real qperf through the published port, then against the host process"
qperf 127.0.0.1 -lp "$RQ" -t 1 tcp_lat 2>&1 | sed 's/^/  runc: /' || true
qperf 127.0.0.1 -lp "$HQ" -t 1 tcp_lat 2>&1 | sed 's/^/  host: /'

echo; echo "## host vs runc (bridge network, published ports): medians of $ROUNDS rounds, min-max"
"${NETBENCH[@]}" report --by runtime -o "$OUT/host-vs-runc.md" "$OUT"/host-*.json "$OUT"/runc-*.json
"${NETBENCH[@]}" report --by runtime --format html -o "$OUT/host-vs-runc.html" "$OUT"/host-*.json "$OUT"/runc-*.json
cat "$OUT/host-vs-runc.md"
echo; echo "## JVM parity: the same image on the host network vs the host process (same JVM, same flags)"
"${NETBENCH[@]}" report --by runtime -o "$OUT/jvm-parity.md" "$OUT"/host-*.json "$OUT"/image-hostnet-*.json
cat "$OUT/jvm-parity.md"

echo; echo "## SIGTERM, --cpus 1, image size"
begin=$(date +%s%N); podman stop -t 5 "$RUNC" >/dev/null; returned=$(date +%s%N)
finished=$(podman inspect "$RUNC" --format '{{.State.FinishedAt.UnixNano}}')
echo "podman stop: the server (PID 1) exited $(( (finished - begin) / 1000000 )) ms after SIGTERM, exit code" \
  "$(podman inspect "$RUNC" --format '{{.State.ExitCode}}'); podman stop returned after $(( (returned - begin) / 1000000 )) ms"
"${PODMAN_RUN[@]}" --rm --cpus 1 "$IMAGE" info | grep -E '^(cpus|cpu limit):'
CQ=$(free_port); CH=$(free_port)
"${PODMAN_RUN[@]}" -d --name "$CPUS1" --cpus 1 --network host "$IMAGE" server --no-warmup --bind 127.0.0.1 \
  --port "$CQ" --http-port "$CH" >/dev/null
await_log "$CPUS1"; podman logs "$CPUS1" 2>/dev/null | grep listening
"${PODMAN_RUN[@]}" --rm --cpus 1 --network host "$IMAGE" wrk -t1 -c2 -d1s --jit-warmup 0 --json \
  "http://127.0.0.1:$CH/" | python3 -c 'import json,sys; e=json.load(sys.stdin)["environment"]; print("wrk --json in the container: environment cpus", e.get("cpus"), "cpu_limit", e.get("cpu_limit"))'
echo "image: $(podman image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.1f MB", $1 / 1e6}')"
echo; echo "results: $OUT"
