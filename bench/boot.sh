#!/usr/bin/env bash
# Boot figures of the Payara Micro distribution, against the targets of the foundation issue:
#   time from the launcher's start to the first successful /health/ready (200 with the "database" check) < 30 s,
#   resident memory (VmRSS) of the Payara Micro process after boot < 1 GiB.
# Each run starts distribution/target/caart/bin/caart with a fresh CAART_DATA_DIR on a free port (embedded
# defaults: H2, embedded broker), measures, and stops it with SIGTERM to the launcher.
# Usage: bench/boot.sh [runs]      (default 3; needs a built tree: mvn -B -DskipTests install)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CAART="$ROOT/distribution/target/caart/bin/caart"
RUNS=${1:-3}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-180}
SETTLE_SECONDS=${BENCH_SETTLE_SECONDS:-5}
TARGET_READY_MS=30000
TARGET_RSS_KB=$((1024 * 1024))

[ -x "$CAART" ] || { echo "no distribution at $CAART; build it first: mvn -B -DskipTests install" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }

launcher=
server=
data=
cleanup() {
    if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
        kill -TERM "$launcher" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$launcher" 2>/dev/null || break; sleep 1; done
        kill -KILL "$launcher" 2>/dev/null || true
    fi
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -KILL "$server" 2>/dev/null || true
    fi
    if [ -n "$data" ]; then rm -rf "$data"; fi
    launcher= server= data=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local p
    for _ in $(seq 1 100); do
        p=$((20000 + RANDOM % 40000))
        if ! port_busy "$p"; then echo "$p"; return; fi
    done
    return 1
}
status_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
# The Payara Micro child: a java process whose parent is the launcher and whose command line has caart-server.jar.
find_server() {
    local pid
    for pid in $(pgrep -P "$1" 2>/dev/null || true); do
        if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'caart-server\.jar'; then echo "$pid"; return; fi
    done
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }

echo "CAaRT boot figures: $RUNS run(s) of $CAART"
echo "machine: $(nproc) core(s), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -n1)"
echo "RSS measured ${SETTLE_SECONDS}s after readiness; peak = VmHWM of the Payara Micro process;"
echo "micro = Payara Micro's own 'ready in' figure (runtime boot and deployments);"
echo "load = the machine's 1-minute load average when the run started (other work slows the boot)."
echo
ready_list=()
rss_list=()
printf '%-4s %-6s %6s %10s %12s %14s %15s %16s\n' run port load "ready (s)" "micro (s)" "server RSS" "server peak" "launcher RSS"
for run in $(seq 1 "$RUNS"); do
    data=$(mktemp -d "${TMPDIR:-/tmp}/caart-bench.XXXXXX")
    port=$(free_port) || { echo "no free port" >&2; exit 1; }
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(now_ms)
    CAART_HTTP_PORT=$port CAART_DATA_DIR="$data/data" "$CAART" >"$data/launcher.out" 2>&1 &
    launcher=$!
    ready_ms=
    deadline=$((start + READY_TIMEOUT * 1000))
    while [ "$(now_ms)" -lt "$deadline" ]; do
        body=$(curl -s --max-time 2 -w '\n%{http_code}' "http://127.0.0.1:$port/health/ready" 2>/dev/null || true)
        if [ "${body##*$'\n'}" = 200 ] && [[ "$body" == *'"database"'* ]]; then
            ready_ms=$(( $(now_ms) - start ))
            break
        fi
        kill -0 "$launcher" 2>/dev/null || break
        sleep 0.2
    done
    if [ -z "$ready_ms" ]; then
        echo "run $run: not ready within ${READY_TIMEOUT}s; launcher output:" >&2
        tail -n 30 "$data/launcher.out" >&2
        exit 1
    fi
    server=$(find_server "$launcher")
    [ -n "$server" ] || { echo "run $run: Payara Micro process not found under launcher $launcher" >&2; exit 1; }
    sleep "$SETTLE_SECONDS"
    rss=$(status_kb "$server" VmRSS)
    hwm=$(status_kb "$server" VmHWM)
    lrss=$(status_kb "$launcher" VmRSS)
    # Payara Micro's own "ready in N (ms)" (boot and deployments, without the JVM start and the first health call)
    micro_ms=$(grep -ho 'ready in [0-9,.]* (ms)' "$data/data/logs/server.log" "$data/launcher.out" 2>/dev/null \
        | head -n1 | tr -dc '0-9')
    micro=$([ -n "$micro_ms" ] && secs "$micro_ms" || echo "?")
    printf '%-4s %-6s %6s %10s %12s %10s MiB %11s MiB %12s MiB\n' "$run" "$port" "$load" "$(secs "$ready_ms")" "$micro" "$(mib "$rss")" \
        "$(mib "$hwm")" "$(mib "$lrss")"
    ready_list+=("$ready_ms")
    rss_list+=("$rss")
    # stop: SIGTERM to the launcher, which stops the server
    kill -TERM "$launcher"
    wait "$launcher" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$server" 2>/dev/null; then echo "run $run: server $server still alive after the launcher stopped" >&2; fi
    cleanup
done

ready_median=$(printf '%s\n' "${ready_list[@]}" | median)
rss_median=$(printf '%s\n' "${rss_list[@]}" | median)
echo
verdict() { if [ "$1" -lt "$2" ]; then echo "met"; else echo "MISSED"; fi; }
printf 'median: ready %s s (target < 30 s: %s), server RSS %s MiB (target < 1024 MiB: %s)\n' \
    "$(secs "$ready_median")" "$(verdict "$ready_median" "$TARGET_READY_MS")" \
    "$(mib "$rss_median")" "$(verdict "$rss_median" "$TARGET_RSS_KB")"
[ "$ready_median" -lt "$TARGET_READY_MS" ] && [ "$rss_median" -lt "$TARGET_RSS_KB" ]
