#!/usr/bin/env bash
# Figures of the daily patch check on PostgreSQL, against the goal of the patch issue:
#   the daily evaluation of 100,000 devices across 100 companies completes in < 5 s on this machine; print the
#   time and the number of SQL statements it issued.
# It creates a fresh PostgreSQL database, starts the distribution on it (Flyway creates the schema) with
# CAART_TEST_MODE=true on a free port, seeds BENCH_COMPANIES x BENCH_DEVICES devices with SQL
# (bench/patch/seed.sql: ~70% current, 10% due soon, 15% overdue, 5% unknown; ten time zones UTC-5..UTC+9; a
# couple of overrides; 1-2 CISO / security-technician members per company), moves the server clock to 13:30 UTC
# on a January day (every company is past its check hour, all on the same local date), runs
# POST /api/system/jobs/tick and times it, then reads the figures from the database (bench/patch/report.sql).
# Two days: the first (every overdue device is newly overdue: trail rows and a WARNING per device) and the next
# (steady state: only the devices whose expiry passed overnight are new). Then it stops the server and drops the
# database.
# Usage: bench/patch-check.sh       (needs a built distribution: mvn -B -o -pl distribution -am package -DskipTests;
#                                     psql, curl and a JDK 17+)
# Settings (environment):
#   BENCH_DIST          distribution to run (default distribution/target/caart)
#   BENCH_PG_HOST/PORT/USER/PASSWORD   PostgreSQL server (default 127.0.0.1 5432 postgres, empty password)
#   BENCH_HEAP          server heap (CAART_HEAP, default 1g)
#   BENCH_COMPANIES, BENCH_DEVICES   companies and devices per company (100, 1000)
#   BENCH_DAY           the first day (2026-01-14; keep it in winter: the zones' offsets are assumed standard time)
#   BENCH_SQL_LOG       1 (default): log_statement=all on the benchmark database, to count the statements
#                       PostgreSQL received during each tick (needs the server log at BENCH_PG_LOG readable)
#   BENCH_PG_LOG        PostgreSQL's log file (/var/log/postgresql/postgresql-15-main.log)
#   BENCH_GOAL          seconds (5)
#   BENCH_JFR           1: record each tick with Java Flight Recorder and print the hottest frames (needs jcmd, jfr)
#   BENCH_KEEP          1 keeps the work folder (server log)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/secret.sh
. "$ROOT/scripts/lib/secret.sh"
DIST=${BENCH_DIST:-$ROOT/distribution/target/caart}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
export PGPASSWORD=${BENCH_PG_PASSWORD:-}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-240}
COMPANIES=${BENCH_COMPANIES:-100}
DEVICES=${BENCH_DEVICES:-1000}
DAY1=${BENCH_DAY:-2026-01-14}
DAY2=$(date -u -d "$DAY1 + 1 day" +%F)
GOAL=${BENCH_GOAL:-5}
SQL_LOG=${BENCH_SQL_LOG:-1}
PG_LOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
ADMIN_EMAIL=operator@bench.test
ADMIN_PASSWORD=$(random_secret)

[ -x "$DIST/bin/caart" ] || { echo "no distribution at $DIST; build it first: mvn -B -o -pl distribution -am package -DskipTests" >&2; exit 1; }
for tool in psql java curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
if [ "$SQL_LOG" = 1 ] && ! [ -r "$PG_LOG" ]; then
    echo "note: $PG_LOG is not readable; not counting statements on the PostgreSQL side" >&2
    SQL_LOG=0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/caart-patch.XXXXXX")
db="caart_bench_patch_$$"
# shellcheck source=lib/server.sh
. "$ROOT/bench/lib/server.sh"
psqldb() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -v ON_ERROR_STOP=1 "$@"; }
api() { # method path [json]
    local args=(-sS -o "$work/reply" -w '%{http_code}' -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -X "$1"
                -H 'Accept: application/json' "http://127.0.0.1:$port$2")
    [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data "$3")
    local code
    code=$(curl "${args[@]}")
    case "$code" in 2??) ;; *) echo "$1 $2 answered $code: $(head -c 500 "$work/reply")" >&2; exit 1 ;; esac
}
server_log() { cat "$work/data/logs/server.log"* 2>/dev/null || true; }

psql_ -c "CREATE DATABASE $db" >/dev/null
# every statement the server's connections send is logged (the pool connects after this, psql opts out below)
[ "$SQL_LOG" = 1 ] && psql_ -c "ALTER DATABASE $db SET log_statement = 'all'" >/dev/null
start_server CAART_TEST_MODE=true CAART_ADMIN_EMAIL="$ADMIN_EMAIL" CAART_ADMIN_PASSWORD="$ADMIN_PASSWORD"

t0=$(date +%s%N)
PGOPTIONS="-c log_statement=none" psqldb -q -v base=1000000 -v companies="$COMPANIES" -v devices="$DEVICES" \
    -v today="$DAY1" -f "$ROOT/bench/patch/seed.sql" >/dev/null
echo "seeded $COMPANIES companies x $DEVICES devices in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
PGOPTIONS="-c log_statement=none" psqldb -qAt -F' ' -c "SELECT 'patch dates as of $DAY1 (max age per rule):',
    COUNT(*) FILTER (WHERE last_patch_date IS NULL) || ' unknown', COUNT(*) || ' devices' FROM device"

run_day() { # label day
    local label=$1 day=$2 since
    since="${day}T13:30:00Z"
    api PUT /api/system/clock "{\"now\":\"$since\"}"
    local warnings_before log_before t1 t2 ms
    warnings_before=$(server_log | grep -c 'Patch check: device' || true)
    log_before=0
    [ "$SQL_LOG" = 1 ] && log_before=$(stat -c %s "$PG_LOG")
    [ "${BENCH_JFR:-0}" = 1 ] && jcmd "$server" JFR.start name=tick settings=profile >/dev/null
    t1=$(date +%s%N)
    api POST /api/system/jobs/tick
    t2=$(date +%s%N)
    if [ "${BENCH_JFR:-0}" = 1 ]; then
        jcmd "$server" JFR.stop name=tick filename="$work/tick-$day.jfr" >/dev/null
        echo "hottest frames of the tick ($work/tick-$day.jfr), top of stack, samples:"
        jfr print --events jdk.ExecutionSample "$work/tick-$day.jfr" | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|^--' \
            | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -15
        echo "samples by application frame (first org.caart frame on the stack):"
        jfr print --events jdk.ExecutionSample "$work/tick-$day.jfr" | awk '/stackTrace = \[/ {s=1; next} s && /org\.caart/ {sub(/line:.*/, ""); gsub(/^ +/, ""); print; s=0} /^}/ {s=0}' \
            | sort | uniq -c | sort -rn | head -15
    fi
    ms=$(( (t2 - t1) / 1000000 ))
    sleep 1   # let the server log flush
    local warnings pg_statements=
    warnings=$(( $(server_log | grep -c 'Patch check: device' || true) - warnings_before ))
    if [ "$SQL_LOG" = 1 ]; then
        pg_statements=$(tail -c +"$((log_before + 1))" "$PG_LOG" | grep -E "@$db LOG:  (statement|execute)" \
            | grep -vcE 'LOG:  (statement|execute [^:]*): (BEGIN|COMMIT|ROLLBACK|SET |SHOW |select 1|SELECT 1)' || true)
    fi
    echo
    echo "=== $label: tick at $since (companies' local date $day) ==="
    PGOPTIONS="-c log_statement=none" psqldb -v day="$day" -v since="$since" -f "$ROOT/bench/patch/report.sql"
    local row
    row=$(PGOPTIONS="-c log_statement=none" psqldb -qAt -F' ' -c "SELECT COUNT(*), COALESCE(SUM(devices), 0),
        COALESCE(SUM(statements), 0), COALESCE(SUM(newly_overdue), 0), COALESCE(SUM(mails), 0),
        COALESCE(ROUND(CAST(SUM(EXTRACT(EPOCH FROM finished_at - started_at)) AS NUMERIC), 3), 0)
        FROM patch_check WHERE kind = 'DAILY' AND run_date = DATE '$day'")
    local m n s newly mails sum_s
    read -r m n s newly mails sum_s <<<"$row"
    echo "tick (client side, HTTP round trip incl. the nightly compliance run and the outbox purge): $ms ms"
    echo "WARNING lines 'Patch check: device ...' in the server log: $warnings"
    [ -n "$pg_statements" ] && echo "statements PostgreSQL received from the benchmark database during the tick (all server sessions, without BEGIN/COMMIT): $pg_statements"
    local secs verdict
    secs=$(awk -v ms="$ms" 'BEGIN { printf "%.2f", ms / 1000 }')
    verdict=$(awk -v ms="$ms" -v g="$GOAL" 'BEGIN { print (ms < g * 1000 ? "goal met" : "GOAL MISSED") }')
    echo ">>> $label: evaluation of $n devices across $m companies: $secs s (goal < $GOAL s, $verdict), $s SQL statements (recorded in patch_check; sum of per-company checks $sum_s s); $newly newly overdue, $mails mail(s) queued"
    SUMMARY+=("$label: evaluation of $n devices across $m companies: $secs s (goal < $GOAL s, $verdict), $s SQL statements${pg_statements:+ ($pg_statements seen by PostgreSQL)}; $newly newly overdue, $mails mails")
}

SUMMARY=()
run_day "day 1 (first check)" "$DAY1"
run_day "day 2 (steady state)" "$DAY2"
api DELETE /api/system/clock
echo
echo "=== summary ==="
printf '%s\n' "${SUMMARY[@]}"
if server_log | grep -q 'SEVERE'; then
    echo "the server logged $(server_log | grep -c 'SEVERE') SEVERE record(s) during the run"
fi
