#!/usr/bin/env bash
# Portal figures on PostgreSQL, against the goal of the portal issue (#16):
#   one company of 1,000 endpoints, 5 policies and 30 days of nightly audits (about 6 million results) plus 99
#   small companies; with 10 concurrent signed-in users, p95 under 300 ms for the dashboard, an audit page poll, a
#   filtered results page, an endpoint page and the patch board; no statement over 100 ms in PostgreSQL's log
#   while they run.
# It creates a fresh PostgreSQL database with log_min_duration_statement = 100 ms, starts the distribution on it
# (Flyway creates the schema) on a free port, signs up the users and creates the big company through the portal
# and the API (bench/portal/PortalBench.java setup), makes the other users members (viewers and admins), seeds
# the rest with SQL (bench/portal/seed.sql: generate_series, indexes built after the rows), analyses, then runs the
# users (PortalBench measure) and counts the statements PostgreSQL logged as slower than 100 ms meanwhile.
# Usage: bench/portal.sh       (needs a built distribution: mvn -B -pl distribution -am package -DskipTests;
#                               psql, curl and a JDK 17+; PostgreSQL's log readable at BENCH_PG_LOG)
# Settings (environment):
#   BENCH_DIST          distribution to run (default distribution/target/caart)
#   BENCH_PG_HOST/PORT/USER/PASSWORD   PostgreSQL server (default 127.0.0.1 5432 postgres, empty password)
#   BENCH_PG_LOG        PostgreSQL's log file (/var/log/postgresql/postgresql-15-main.log)
#   BENCH_HEAP          server heap (CAART_HEAP, default 1g)
#   BENCH_USERS (10), BENCH_ENDPOINTS (1000), BENCH_POLICIES (5), BENCH_DAYS (30), BENCH_CHECKS (200 per policy),
#   BENCH_SMALL (99 companies of BENCH_SMALL_ENDPOINTS 5 endpoints and BENCH_SMALL_CHECKS 50 checks)
#   BENCH_WARMUP, BENCH_MEASURE   seconds (30, 90)
#   BENCH_THINK_MS      a user waits 0..2x this between two pages (500)
#   BENCH_ENDPOINT_PAGE the endpoint page to measure, {company} replaced, {endpoint} one of the big company's
#                       endpoints at random per request (default '/app/endpoint.xhtml?company={company}&endpoint={endpoint}';
#                       '/app/endpoints.xhtml?company={company}' measures the endpoints list instead)
#   BENCH_RANDOM_PAGE_COST  set on the database (1.1, as docs/operations.md recommends on SSDs; empty: the server's)
#   BENCH_KEEP          1 keeps the work folder (server log) and the database (its name is printed)
#   BENCH_SEED_ONLY     1 stops after seeding (with BENCH_KEEP=1: a database to look at plans with EXPLAIN)
#   BENCH_DB            a database kept by an earlier run: no new database, no sign-up, no seeding (it is kept);
#                       give it the BENCH_USER_PASSWORD that run printed
#   BENCH_USER_PASSWORD the benchmark users' password (prefix; user N gets it plus "-N"): random for a new
#                       database, printed with BENCH_KEEP=1 so a kept database can be reused
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/lib/secret.sh
. "$ROOT/scripts/lib/secret.sh"
DIST=${BENCH_DIST:-$ROOT/distribution/target/caart}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
export PGPASSWORD=${BENCH_PG_PASSWORD:-}
PG_LOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-240}
USERS=${BENCH_USERS:-10}
if [ -n "${BENCH_DB:-}" ] && [ -z "${BENCH_USER_PASSWORD:-}" ]; then
    echo "BENCH_DB needs the BENCH_USER_PASSWORD printed by the run that kept the database" >&2
    exit 2
fi
export BENCH_USER_PASSWORD=${BENCH_USER_PASSWORD:-$(random_secret)}
ENDPOINTS=${BENCH_ENDPOINTS:-1000}
POLICIES=${BENCH_POLICIES:-5}
DAYS=${BENCH_DAYS:-30}
CHECKS=${BENCH_CHECKS:-200}
SMALL=${BENCH_SMALL:-99}
SMALL_ENDPOINTS=${BENCH_SMALL_ENDPOINTS:-5}
SMALL_CHECKS=${BENCH_SMALL_CHECKS:-50}
BASE=10000000

[ -x "$DIST/bin/caart" ] || { echo "no distribution at $DIST; build it first: mvn -B -pl distribution -am package -DskipTests" >&2; exit 1; }
for tool in psql java curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
[ -r "$PG_LOG" ] || { echo "PostgreSQL's log $PG_LOG is not readable: the slow statements cannot be counted" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/caart-portal.XXXXXX")
db="caart_bench_portal_$$"
# shellcheck source=lib/server.sh
. "$ROOT/bench/lib/server.sh"
# BENCH_KEEP=1 keeps the database too (a later run reuses it with BENCH_DB, or looks at plans with EXPLAIN)
psql_() {
    if [[ "$*" == *"DROP DATABASE"* ]] && [ "${BENCH_KEEP:-0}" = 1 ]; then
        # on stdout, so that a run's log (bench/portal.sh > file) says how to reuse its database
        echo "kept: reuse with BENCH_DB=$db BENCH_USER_PASSWORD=$BENCH_USER_PASSWORD"
        echo "database kept: $db"
    else
        psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
    fi
}
quiet() { PGOPTIONS="-c log_min_duration_statement=-1" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -v ON_ERROR_STOP=1 "$@"; }

if [ -n "${BENCH_DB:-}" ]; then
    db=$BENCH_DB
    BENCH_KEEP=1
else
    psql_ -c "CREATE DATABASE $db" >/dev/null
fi
# every statement of the server's connections slower than 100 ms goes to PostgreSQL's log (the pool connects
# after this; the seeding opts out)
psql_ -c "ALTER DATABASE $db SET log_min_duration_statement = 100" >/dev/null
# PostgreSQL's default random_page_cost (4, for spinning disks) makes it read all of check_result rather than an
# audit's rows through the index; docs/operations.md recommends 1.1 on SSDs, as here
if [ -n "${BENCH_RANDOM_PAGE_COST-1.1}" ]; then
    psql_ -c "ALTER DATABASE $db SET random_page_cost = ${BENCH_RANDOM_PAGE_COST-1.1}" >/dev/null
fi
start_server CAART_SIGNUP_MAX_PER_ADDRESS=1000 CAART_LOGIN_MAX_FAILURES_PER_ADDRESS=1000
url=$base

company=$((BASE - 1))
running=$((BASE + DAYS + 1))
last=$((BASE + DAYS))
if [ -z "${BENCH_DB:-}" ]; then
    echo "seeding company $company: $ENDPOINTS endpoints x $DAYS nights x $CHECKS checks ($POLICIES policies), and $SMALL small companies ..."
    t0=$(date +%s)
    quiet -q -v company="$company" -v base="$BASE" -v endpoints="$ENDPOINTS" -v policies="$POLICIES" -v days="$DAYS" \
        -v checks="$CHECKS" -v small="$SMALL" -v small_endpoints="$SMALL_ENDPOINTS" -v small_checks="$SMALL_CHECKS" \
        -f "$ROOT/bench/portal/seed.sql" >/dev/null
    t1=$(date +%s)
    quiet -q -c "VACUUM ANALYZE"
    echo "seeded in $((t1 - t0)) s, vacuumed and analysed in $(( $(date +%s) - t1 )) s"
else
    # the audit running now, as the seed left it (the server may have ended its runs as silent meanwhile)
    quiet -q -c "UPDATE audit_run SET status = CASE WHEN received = planned THEN 'COMPLETED'
            WHEN received > 0 THEN 'RUNNING' ELSE 'QUEUED' END, error = NULL,
            finished_at = CASE WHEN received = planned THEN now() - interval '2 minutes' END,
            last_batch_at = CASE WHEN received > 0 THEN now() - interval '30 seconds' END,
            start_deadline = now() + interval '30 minutes'
        WHERE audit_id = $running" \
        -c "UPDATE audit SET status = 'RUNNING', finished_at = NULL WHERE id = $running"
    echo "reusing database $db"
fi
quiet -qAt -F' ' -c "SELECT (SELECT COUNT(*) FROM company) || ' companies, ' || (SELECT COUNT(*) FROM endpoint)
    || ' endpoints, ' || (SELECT COUNT(*) FROM audit) || ' audits, ' || (SELECT COUNT(*) FROM audit_run) || ' runs, '
    || (SELECT COUNT(*) FROM check_result) || ' results (' || (SELECT COUNT(*) FROM check_result WHERE company_id = $company)
    || ' in the big company), database ' || pg_size_pretty(pg_database_size(current_database()))"
if [ -n "$url" ]; then
    if [ "$(quiet -qAt -c "SELECT COUNT(*) FROM user_account WHERE email = 'user1@portal.bench.test'")" = 0 ]; then
        # the users sign up through the portal, then join the big company: the first as its owner, the others
        # viewers and admins in turn
        java "$ROOT/bench/portal/PortalBench.java" setup "$url" "$work/users.txt" "$USERS"
        quiet -q -c "INSERT INTO membership (id, company_id, user_id, role, ciso, security_tech, created_at, version)
            SELECT $BASE - 1000 + n, $company, u.id,
                   CASE WHEN n = 1 THEN 'OWNER' WHEN n % 2 = 0 THEN 'VIEWER' ELSE 'ADMIN' END, n = 1, FALSE, now(), 1
            FROM user_account u CROSS JOIN LATERAL (SELECT CAST(substring(u.email FROM 'user([0-9]+)@') AS INTEGER)) x (n)
            WHERE u.email LIKE 'user%@portal.bench.test'"
    else
        for i in $(seq 1 "$USERS"); do echo "user$i@portal.bench.test $BENCH_USER_PASSWORD-$i"; done >"$work/users.txt"
    fi
fi
if [ "${BENCH_SEED_ONLY:-0}" = 1 ]; then
    echo "seeded; stopping (BENCH_SEED_ONLY=1)"
    exit 0
fi

ENDPOINT_PAGE=${BENCH_ENDPOINT_PAGE:-'/app/endpoint.xhtml?company={company}&endpoint={endpoint}'}
log_before=$(stat -c %s "$PG_LOG")
java "$ROOT/bench/portal/PortalBench.java" measure "$url" "$work/users.txt" "$company" "$running" "$last" \
    "${BENCH_WARMUP:-30}" "${BENCH_MEASURE:-90}" "${BENCH_THINK_MS:-500}" \
    "$ENDPOINT_PAGE" "$((BASE + 1))" "$ENDPOINTS"
sleep 1
tail -c +"$((log_before + 1))" "$PG_LOG" | grep -F "@$db " >"$work/slow.log" || true
slow=$(grep -c 'LOG:  duration:' "$work/slow.log" || true)
echo
echo "statements over 100 ms in PostgreSQL's log during the warm-up and the measured window: $slow (goal: none)"
if [ "$slow" -gt 0 ]; then
    echo "slowest kinds (count, longest ms, statement start):"
    grep 'LOG:  duration:' "$work/slow.log" | sed -E 's/.*duration: ([0-9.]+) ms +[a-z]+( [^:]*)?: (.*)/\1\t\3/' \
        | awk -F'\t' '{ k = substr($2, 1, 160); n[k]++; if ($1 > m[k]) m[k] = $1 } END { for (k in n) printf "%5d %9.1f  %s\n", n[k], m[k], k }' \
        | sort -k2 -nr | head -15
fi
if grep -q SEVERE "$work/data/logs/server.log" 2>/dev/null; then
    echo "the server logged $(grep -c SEVERE "$work/data/logs/server.log") SEVERE record(s)"
fi
