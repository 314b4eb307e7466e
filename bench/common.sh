# Shared by the bench scripts: the jar, free ports, and stopping what we started (by PID).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# NETBENCH_JAR=other.jar measures another build (e.g. the one before a change) with the same script.
JAR="${NETBENCH_JAR:-$ROOT/netbench-cli/target/netbench.jar}"
[ -f "$JAR" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
# netbench runs with the JVM flags of the image's entrypoint (the GC, the heap), as in a pod and
# as bin/netbench runs it.
mapfile -t JVM_FLAGS < <("$ROOT/bin/jvm-flags")
NETBENCH=(java "${JVM_FLAGS[@]}" -jar "$JAR")
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# (netbench server warms up before it listens: allow it 30 s)
wait_port() { for _ in $(seq 300); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }
# start_nginx PORT [CERT KEY]: one worker returning the 13-byte body, as in shared/baseline.md;
# with CERT and KEY (PEM), over TLS (nginx's defaults: TLS 1.2/1.3, session tickets on)
start_nginx() {
  local tls=""; [ $# -eq 3 ] && tls="ssl; ssl_certificate $2; ssl_certificate_key $3"
  local dir; dir=$(mktemp -d); mkdir -p "$dir/logs"
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1; daemon off; pid $dir/nginx.pid; error_log $dir/logs/error.log;
events { worker_connections 20000; }
http { access_log off; client_body_temp_path $dir; proxy_temp_path $dir; fastcgi_temp_path $dir;
  uwsgi_temp_path $dir; scgi_temp_path $dir;
  server { listen 127.0.0.1:$1 backlog=4096 $tls; location / { return 200 "Hello, World!"; } } }
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" & PIDS+=($!); wait_port "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
