# Shared by the benchmark scripts that run the distribution on a throwaway PostgreSQL database. Source it after
# setting PG_HOST, PG_PORT, PG_USER, work (a temporary folder) and db (the database name); start_server starts the
# distribution (or set launcher and server to the launcher's and the server's process ids once they run). On exit it
# stops them, drops the database and removes the work folder (kept with BENCH_KEEP=1).
launcher=
server=
psql_() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
    if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
        kill -TERM "$launcher" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$launcher" 2>/dev/null || break; sleep 1; done
        kill -KILL "$launcher" 2>/dev/null || true
    fi
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server" 2>/dev/null || true; fi
    psql_ -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local p
    for _ in $(seq 1 100); do
        p=$((20000 + RANDOM % 40000))
        if ! port_busy "$p"; then echo "$p"; return; fi
    done
    return 1
}
# the server JVM the launcher started (its child running caart-server.jar)
find_server() {
    local pid
    for pid in $(pgrep -P "$1" 2>/dev/null || true); do
        if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'caart-server\.jar'; then echo "$pid"; return; fi
    done
}
# Starts the distribution $DIST on database $db (already created) and a free port, with the usual settings (no broker
# URL, no SMTP host, data in $work/data, heap BENCH_HEAP or 1g, database password PGPASSWORD) plus the NAME=value
# settings given as arguments; waits up to READY_TIMEOUT (default 240) seconds for "CAaRT is ready" and sets port,
# base, launcher and server. The launcher's output is $work/launcher.out.
start_server() {
    local timeout=${READY_TIMEOUT:-240} start
    port=$(free_port) || { echo "no free port" >&2; exit 1; }
    echo "starting $DIST on port $port, database $db on $PG_HOST:$PG_PORT, heap ${BENCH_HEAP:-1g}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    env -u CAART_BROKER_URL -u CAART_SMTP_HOST \
        CAART_HTTP_PORT="$port" CAART_DATA_DIR="$work/data" CAART_HEAP="${BENCH_HEAP:-1g}" \
        CAART_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" CAART_DB_USER="$PG_USER" CAART_DB_PASSWORD="$PGPASSWORD" \
        CAART_START_TIMEOUT="$timeout" "$@" "$DIST/bin/caart" >"$work/launcher.out" 2>&1 &
    launcher=$!
    start=$(date +%s)
    until grep -q '^CAaRT is ready' "$work/launcher.out" 2>/dev/null; do
        if ! kill -0 "$launcher" 2>/dev/null || [ $(( $(date +%s) - start )) -gt "$timeout" ]; then
            echo "the server did not become ready; launcher output:" >&2
            tail -n 30 "$work/launcher.out" >&2
            exit 1
        fi
        sleep 1
    done
    server=$(find_server "$launcher")
    [ -n "$server" ] || { echo "Payara Micro process not found under launcher $launcher" >&2; exit 1; }
    base="http://127.0.0.1:$port"
    echo "ready after $(( $(date +%s) - start )) s (server pid $server)"
}
