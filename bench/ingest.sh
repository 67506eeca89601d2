#!/usr/bin/env bash
# Ingest figures of the Payara Micro distribution on PostgreSQL, against the targets of the ingest issue:
#   simulated agents posting 300-result batches over HTTP: >= 100 batches/s (30,000 results/s) committed with the
#   queue not growing, on this machine with the load generator included; server / raw batched JDBC >= 0.3;
#   p99 from the 202 to the results being visible < 2 s at 50 batches/s.
# It creates a fresh PostgreSQL database, starts the distribution on it with a fresh CAART_DATA_DIR on a free
# port, runs bench/ingest/IngestBench.java (sign-up, company, enrolled agents, audits, the load phases, raw JDBC,
# JSON timing, CPU accounting and a JFR profile of the server), then stops the server and drops the database.
# Usage: bench/ingest.sh            (needs a built tree: mvn -B -DskipTests install; psql and a JDK 17+ with jcmd)
# Settings (environment):
#   BENCH_DIST          distribution to run (default distribution/target/caart; copy it elsewhere when the tree is
#                       being rebuilt meanwhile)
#   BENCH_PG_HOST/PORT/USER/PASSWORD   PostgreSQL server (default 127.0.0.1 5432 postgres, empty password)
#   BENCH_HEAP          server heap (CAART_HEAP, default 1g)
#   BENCH_AGENTS        simulated agents (40; a real fleet sending 100/s has hundreds); BENCH_RESULTS results per batch (300)
#   BENCH_PROFILE       cis (texts as long as the CIS Debian 12 policy's, ~1.2 KB per result) or lean (~0.3 KB)
#   BENCH_WARMUP, BENCH_MEASURE   seconds (15, 60)
#   BENCH_GOAL_RATE, BENCH_LATENCY_RATE   batches/s (100, 50)
#   BENCH_PREWARM, BENCH_PREWARM_MAX   seconds of load before the first measurement (120), longer while the
#                       server's JIT threads use over 150 CPU-ms/s or queue over 100 methods, up to BENCH_PREWARM_MAX (360)
#   BENCH_JFR           true/false: profile the server with Java Flight Recorder in the goal window (true)
#   BENCH_KEEP          1 keeps the work folder (server log, JFR recording)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${BENCH_DIST:-$ROOT/distribution/target/caart}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
export PGPASSWORD=${BENCH_PG_PASSWORD:-}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-240}

[ -x "$DIST/bin/caart" ] || { echo "no distribution at $DIST; build it first: mvn -B -DskipTests install" >&2; exit 1; }
for tool in psql java jcmd unzip curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/caart-ingest.XXXXXX")
db="caart_bench_ingest_$$"
# shellcheck source=lib/server.sh
. "$ROOT/bench/lib/server.sh"

# the class path of the benchmark: the PostgreSQL driver, JSON-B, Jackson, caart-contract and caart-ejb (its batch
# reader), all from the distribution
mkdir -p "$work/lib"
unzip -q -o -j "$DIST/lib/caart-server.jar" 'MICRO-INF/runtime/yasson.jar' 'MICRO-INF/runtime/jakarta.json.bind-api.jar' \
    'MICRO-INF/runtime/jakarta.json.jar' -d "$work/lib"
unzip -q -o -j "$DIST/deploy/ROOT.war" 'WEB-INF/lib/caart-contract-*.jar' 'WEB-INF/lib/caart-ejb-*.jar' 'WEB-INF/lib/jackson-*.jar' \
    'WEB-INF/lib/postgresql-*.jar' -d "$work/lib"

psql_ -c "CREATE DATABASE $db" >/dev/null
start_server

java -Xmx1g -XX:+UseParallelGC -cp "$work/lib/*" \
    -Dbench.url="http://127.0.0.1:$port" \
    -Dbench.jdbc="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" -Dbench.dbUser="$PG_USER" -Dbench.dbPassword="$PGPASSWORD" \
    -Dbench.serverPid="$server" -Dbench.work="$work" \
    -Dbench.agents="${BENCH_AGENTS:-40}" -Dbench.results="${BENCH_RESULTS:-300}" -Dbench.profile="${BENCH_PROFILE:-cis}" \
    -Dbench.warmup="${BENCH_WARMUP:-15}" -Dbench.measure="${BENCH_MEASURE:-60}" \
    -Dbench.goalRate="${BENCH_GOAL_RATE:-100}" -Dbench.latencyRate="${BENCH_LATENCY_RATE:-50}" \
    -Dbench.prewarm="${BENCH_PREWARM:-120}" -Dbench.prewarmMax="${BENCH_PREWARM_MAX:-360}" -Dbench.jfr="${BENCH_JFR:-true}" \
    "$ROOT/bench/ingest/IngestBench.java"
status=$?
if grep -q 'SEVERE' "$work/data/logs/server.log" 2>/dev/null; then
    echo "the server logged $(grep -c 'SEVERE' "$work/data/logs/server.log") SEVERE record(s) during the run"
fi
exit $status
