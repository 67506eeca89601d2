# Shared by the benchmark scripts that run the distribution on a throwaway PostgreSQL database. Source it after
# setting PG_HOST, PG_PORT, PG_USER, work (a temporary folder) and db (the database name); set launcher and server
# to the launcher's and the server's process ids once they run. On exit it stops them, drops the database and
# removes the work folder (kept with BENCH_KEEP=1).
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
