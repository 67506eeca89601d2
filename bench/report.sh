#!/usr/bin/env bash
# Report figures of the Payara Micro distribution on PostgreSQL, against the goals of issue 15:
#   the company CSV and OCSF exports of 1,000 endpoints x 200 checks (200,000 results, their standing runs) stream
#   in < 10 s with < 64 MiB extra heap; one audit's PDF in < 2 s.
# It creates a fresh PostgreSQL database, starts the distribution on it with a fresh CAART_DATA_DIR on a free port,
# creates a company through the API (the operator is its owner), seeds it with SQL (bench/report/seed.sql), then
# downloads through the REST API with curl (the time is curl's, from the request to the last byte):
#   1. each export once to warm up, then BENCH_RUNS timed runs each (best and median printed);
#   2. the extra heap: the live heap before the export, and the largest live heap sampled every 0.5 s while the export
#      streams (a slower run, not timed), the difference printed with the classes that grew most. A live heap is the
#      total of jcmd's GC.class_histogram, which runs a full GC first: reachable objects only, in both generations.
# Usage: bench/report.sh   (needs a built distribution: mvn -B -pl distribution -am package -DskipTests; psql, curl,
#                           a JDK 17+ with jcmd)
# Settings (environment):
#   BENCH_DIST          distribution to run (default distribution/target/caart)
#   BENCH_PG_HOST/PORT/USER/PASSWORD   PostgreSQL server (default 127.0.0.1 5432 postgres, empty password)
#   BENCH_HEAP          server heap (CAART_HEAP, default 1g)
#   BENCH_ENDPOINTS, BENCH_CHECKS, BENCH_PDF_ENDPOINTS   1000, 200, 10 (the PDF audit: 10 x 200 = 2,000 results)
#   BENCH_RUNS          timed runs per format (3)
#   BENCH_PHASES        time,heap (default) or heap (the heap measurement alone)
#   BENCH_KEEP          1 keeps the work folder (server log, the downloaded files)
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
ENDPOINTS=${BENCH_ENDPOINTS:-1000}
CHECKS=${BENCH_CHECKS:-200}
PDF_ENDPOINTS=${BENCH_PDF_ENDPOINTS:-10}
RUNS=${BENCH_RUNS:-3}
ADMIN_EMAIL=operator@bench.test
ADMIN_PASSWORD=$(random_secret)

[ -x "$DIST/bin/caart" ] || { echo "no distribution at $DIST; build it first: mvn -B -pl distribution -am package -DskipTests" >&2; exit 1; }
for tool in psql java jcmd curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/caart-report.XXXXXX")
db="caart_bench_report_$$"
# shellcheck source=lib/server.sh
. "$ROOT/bench/lib/server.sh"
psqldb() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -v ON_ERROR_STOP=1 "$@"; }

psql_ -c "CREATE DATABASE $db" >/dev/null
start_server CAART_ADMIN_EMAIL="$ADMIN_EMAIL" CAART_ADMIN_PASSWORD="$ADMIN_PASSWORD"

# a member who owns the company: signed up through the portal's form (the operator belongs to no company)
USER_EMAIL=owner@bench.test
USER_PASSWORD=$(random_secret)
curl -sS -c "$work/cookies" -b "$work/cookies" -o "$work/signup.html" "$base/signup.xhtml"
view_state=$(sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' "$work/signup.html" | head -1)
nonce=$(sed -n 's/.*<script[^>]* nonce="\([^"]*\)".*/\1/p' "$work/signup.html" | head -1)
[ -n "$view_state" ] || { echo "no sign-up form" >&2; exit 1; }
landed=$(curl -sS -L -c "$work/cookies" -b "$work/cookies" -o /dev/null -w '%{url_effective}' "$base/signup.xhtml" \
    --data-urlencode "signUp=signUp" --data-urlencode "signUp:firstName=Bench" --data-urlencode "signUp:lastName=Reports" \
    --data-urlencode "signUp:email=$USER_EMAIL" --data-urlencode "signUp:password=$USER_PASSWORD" \
    --data-urlencode "signUp:confirmation=$USER_PASSWORD" --data-urlencode "signUp:submit=" \
    --data-urlencode "jakarta.faces.ViewState=$view_state" --data-urlencode "primefaces.nonce=$nonce")
case "$landed" in *"/app/dashboard.xhtml"*) ;; *) echo "sign-up failed (landed on $landed)" >&2; exit 1 ;; esac
ADMIN_EMAIL=$USER_EMAIL
ADMIN_PASSWORD=$USER_PASSWORD
company=$(curl -sS -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X POST "$base/api/companies" \
    --data '{"name":"Bench reports","clientOs":"DEBIAN","timeZone":"Europe/Berlin","postalAddress":"1 Main St"}' \
    | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)
[ -n "$company" ] || { echo "no company created" >&2; exit 1; }
t0=$(date +%s%N)
psqldb -q -v base=1000000 -v company="$company" -v endpoints="$ENDPOINTS" -v checks="$CHECKS" \
    -v pdf_endpoints="$PDF_ENDPOINTS" -f "$ROOT/bench/report/seed.sql" >/dev/null
echo "seeded company $company: $ENDPOINTS endpoints x $CHECKS checks ($(psqldb -qAt -c 'SELECT COUNT(*) FROM check_result') results) in $(( ($(date +%s%N) - t0) / 1000000 )) ms"

fetch() { # path file -> prints "seconds bytes"
    local code
    code=$(curl -sS -o "$2" -w '%{http_code} %{time_total} %{size_download}' -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" "$base$1")
    case "$code" in 200\ *) echo "${code#200 }" ;; *) echo "GET $1 answered $code: $(head -c 300 "$2")" >&2; exit 1 ;; esac
}
live_kb() { # the live heap in KiB: the total of a class histogram, which jcmd takes after a full GC (so only
            # reachable objects count, whatever the generation); the histogram is kept in $work/histo.now
    local kb="" attempt
    for attempt in 1 2 3 4 5; do
        jcmd "$server" GC.class_histogram >"$work/histo.now" 2>/dev/null || continue
        kb=$(awk '$1 == "Total" { printf "%d", $3 / 1024 }' "$work/histo.now")
        [ -n "$kb" ] && break
    done
    [ -n "$kb" ] || { echo "jcmd could not read the server's heap" >&2; exit 1; }
    echo "$kb"
}
grown() { # before after: the classes whose live bytes grew most between two histograms (KiB, instances)
    awk 'FNR == NR { if ($1 ~ /^[0-9]+:$/) { b[$4] = $3; n[$4] = $2 } next }
         $1 ~ /^[0-9]+:$/ { d = $3 - b[$4]; if (d > 0) printf "%10d KiB %+9d  %s\n", d / 1024, $2 - n[$4], $4 }' "$1" "$2" \
        | sort -rn | head -n "${BENCH_HISTO_CLASSES:-8}"
}

SUMMARY=()
measure() { # label path goal_seconds
    local label=$1 path=$2 goal=$3 file="$work/${1// /-}" times=() i out secs bytes
    fetch "$path" "$file" >/dev/null
    for i in $(seq 1 "$RUNS"); do
        out=$(fetch "$path" "$file")
        read -r secs bytes <<<"$out"
        times+=("$secs")
    done
    local sorted best median
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    best=$(echo "$sorted" | head -1)
    median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
    local lines
    lines=$(wc -l <"$file")
    local verdict
    verdict=$(awk -v s="$median" -v g="$goal" 'BEGIN { print (s < g ? "goal met" : "GOAL MISSED") }')
    echo ">>> $label: $bytes bytes, $lines lines; runs ${times[*]} s: best $best s, median $median s (goal < $goal s, $verdict)"
    SUMMARY+=("$label: median $median s, best $best s, $bytes bytes (goal < $goal s, $verdict)")
}

heap() { # label path
    local label=$1 path=$2 before peak=0 now_kb samples=0
    before=$(live_kb)
    cp "$work/histo.now" "$work/histo.before"
    curl -sS -o /dev/null -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" "$base$path" &
    local client=$!
    while kill -0 "$client" 2>/dev/null; do
        now_kb=$(live_kb)
        samples=$((samples + 1))
        if [ -n "$now_kb" ] && [ "$now_kb" -gt "$peak" ]; then peak=$now_kb; cp "$work/histo.now" "$work/histo.peak"; fi
        sleep 0.5
    done
    wait "$client"
    local extra_mib verdict
    extra_mib=$(awk -v p="$peak" -v b="$before" 'BEGIN { e = (p - b) / 1024; if (e < 0) e = 0; printf "%.1f", e }')
    verdict=$(awk -v e="$extra_mib" 'BEGIN { print (e < 64 ? "goal met" : "GOAL MISSED") }')
    echo ">>> $label: live heap before $(( before / 1024 )) MiB, largest live heap while streaming $(( peak / 1024 )) MiB ($samples samples): extra $extra_mib MiB (goal < 64 MiB, $verdict)"
    if [ "$peak" -gt 0 ]; then
        echo "    grown most at the largest sample (live KiB, instances, class):"
        grown "$work/histo.before" "$work/histo.peak" | sed 's/^/    /'
    fi
    SUMMARY+=("$label: extra live heap $extra_mib MiB (goal < 64 MiB, $verdict)")
}

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_PHASES:-time,heap}" != heap ]; then
measure "company CSV" "/api/companies/$company/reports/company?format=csv" 10
measure "company OCSF" "/api/companies/$company/reports/company?format=ocsf" 10
measure "audit PDF ($PDF_ENDPOINTS x $CHECKS results)" "/api/companies/$company/reports/audits/1000002?format=pdf" 2
measure "company XCCDF" "/api/companies/$company/reports/company?format=xccdf" 20
fi
heap "company CSV heap" "/api/companies/$company/reports/company?format=csv"
heap "company OCSF heap" "/api/companies/$company/reports/company?format=ocsf"
echo
echo "=== summary (load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores) ==="
printf '%s\n' "${SUMMARY[@]}"
if grep -q 'SEVERE' "$work/data/logs/server.log"* 2>/dev/null; then
    echo "the server logged $(cat "$work/data/logs/server.log"* | grep -c 'SEVERE') SEVERE record(s) during the run"
fi
