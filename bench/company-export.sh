#!/usr/bin/env bash
# Figures of company export and import (issue 19) on PostgreSQL, against its goals:
#   export of a company with 1 million results in < 60 s using < 128 MiB of extra heap; import in < 120 s.
# It creates a fresh PostgreSQL database, starts the distribution on it on a free port, signs an owner up through
# the portal, creates the company through the API, seeds 1,000,000 results with SQL (bench/export/seed.sql: 100
# endpoints x 50 completed audits x 200 checks, 20 % failing, CIS-sized texts stored once), then
#   1. times POST /api/companies/{id}/data/export (the archive streamed to a file by curl);
#   2. exports again while the server's live heap is sampled: Java Flight Recorder records the heap after each GC,
#      and a full GC is forced every BENCH_GC_EVERY seconds, so "after GC" is the live set; the extra heap is the
#      largest live set during the export minus the live set just before it;
#   3. times the operator's POST /api/system/companies/import of the archive (checked, then one transaction) as a
#      new company of the same instance, and counts its results.
# Usage: bench/company-export.sh   (needs a built distribution: mvn -pl distribution -am package -DskipTests; psql,
#                                    curl, unzip and a JDK 17+ with jcmd and jfr). Run it through /work/itslot on a
#                                    shared machine; it prints the load average.
# Settings (environment): BENCH_DIST, BENCH_PG_HOST/PORT/USER/PASSWORD, BENCH_HEAP (server heap, 1g),
#   BENCH_ENDPOINTS/AUDITS/CHECKS (100, 50, 200), BENCH_GC_EVERY (2), BENCH_KEEP=1 keeps the work folder.
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
ENDPOINTS=${BENCH_ENDPOINTS:-100}
AUDITS=${BENCH_AUDITS:-50}
CHECKS=${BENCH_CHECKS:-200}
GC_EVERY=${BENCH_GC_EVERY:-2}
ADMIN_EMAIL=operator@bench.test
ADMIN_PASSWORD=$(random_secret)
OWNER_EMAIL=owner@bench.test
OWNER_PASSWORD=$(random_secret)

[ -x "$DIST/bin/caart" ] || { echo "no distribution at $DIST; build it first: mvn -pl distribution -am package -DskipTests" >&2; exit 1; }
for tool in psql java curl jcmd jfr; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/caart-export.XXXXXX")
db="caart_bench_export_$$"
# shellcheck source=lib/server.sh
. "$ROOT/bench/lib/server.sh"
psqldb() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -v ON_ERROR_STOP=1 "$@"; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

psql_ -c "CREATE DATABASE $db" >/dev/null
start_server CAART_ADMIN_EMAIL="$ADMIN_EMAIL" CAART_ADMIN_PASSWORD="$ADMIN_PASSWORD"

# the owner signs up through the portal (a Faces form: view state and nonce from the page)
jar="$work/cookies"
page=$(curl -sS -c "$jar" -b "$jar" "$base/signup.xhtml")
viewstate=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
nonce=$(grep -o '<script[^>]* nonce="[^"]*"' <<<"$page" | head -1 | sed 's/.*nonce="//; s/"$//' || true)
code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/signup.xhtml" \
    --data-urlencode "signUp=signUp" --data-urlencode "signUp:firstName=Bench" --data-urlencode "signUp:lastName=Owner" \
    --data-urlencode "signUp:email=$OWNER_EMAIL" --data-urlencode "signUp:password=$OWNER_PASSWORD" \
    --data-urlencode "signUp:confirmation=$OWNER_PASSWORD" --data-urlencode "signUp:submit=" \
    --data-urlencode "jakarta.faces.ViewState=$viewstate" --data-urlencode "primefaces.nonce=$nonce")
[ "$code" = 302 ] || [ "$code" = 303 ] || { echo "sign-up answered $code" >&2; exit 1; }
company=$(curl -sS -u "$OWNER_EMAIL:$OWNER_PASSWORD" -H 'Content-Type: application/json' "$base/api/companies" \
    --data '{"name":"Export bench","clientOs":"DEBIAN","timeZone":"Europe/Berlin"}' | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
[ -n "$company" ] || { echo "no company created" >&2; exit 1; }

t0=$(date +%s%N)
psqldb -q -v company="$company" -v endpoints="$ENDPOINTS" -v audits="$AUDITS" -v checks="$CHECKS" \
    -f "$ROOT/bench/export/seed.sql" >/dev/null
results=$(psqldb -qAt -c "SELECT COUNT(*) FROM check_result WHERE company_id = $company")
echo "seeded company $company: $results results ($ENDPOINTS endpoints x $AUDITS audits x $CHECKS checks) in $(ms_since "$t0") ms"

export_once() { # file
    local code
    code=$(curl -sS -o "$1" -w '%{http_code}' -u "$OWNER_EMAIL:$OWNER_PASSWORD" -X POST "$base/api/companies/$company/data/export")
    [ "$code" = 200 ] || { echo "export answered $code: $(head -c 300 "$1")" >&2; exit 1; }
}

# 1. time
echo "load average before the export: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s%N)
export_once "$work/company.zip"
export_ms=$(ms_since "$t0")
zip_bytes=$(stat -c %s "$work/company.zip")
unzip -p "$work/company.zip" manifest.json >"$work/manifest.json"
exported=$(grep -A3 '"audit/check_result.jsonl"' "$work/manifest.json" | grep -o '"rows" : [0-9]*' | grep -o '[0-9]*')
echo "export: $export_ms ms, $zip_bytes bytes, $exported results in the archive"

# 2. live heap during a second export
jcmd "$server" JFR.start name=export settings=default filename="$work/export.jfr" >/dev/null
jcmd "$server" GC.run >/dev/null
sleep 1
export_once "$work/again.zip" &
exporter=$!
forced=0
while kill -0 "$exporter" 2>/dev/null; do
    sleep "$GC_EVERY"
    kill -0 "$exporter" 2>/dev/null && { jcmd "$server" GC.run >/dev/null; forced=$((forced + 1)); }
done
wait "$exporter"
jcmd "$server" JFR.stop name=export >/dev/null
heap=$(jfr print --events jdk.GCHeapSummary "$work/export.jfr" | awk '
    function bytes(v, u) { return u == "kB" ? v * 1024 : u == "MB" ? v * 1048576 : u == "GB" ? v * 1073741824 : v }
    /when = "After GC"/ { after = 1; next }
    /when = "Before GC"/ { after = 0; next }
    /heapUsed = / && after { b = bytes($3, $4); if (n++ == 0) first = b; if (b > max) max = b }
    END { printf "%d %d %d", first / 1048576, max / 1048576, (max - first) / 1048576 }')
read -r live_before live_max extra <<<"$heap"
echo "heap: live set before the export $live_before MiB, largest live set during it $live_max MiB ($forced full GCs forced): extra $extra MiB"

# 3. import as a new company of this instance
t0=$(date +%s%N)
code=$(curl -sS -o "$work/import.json" -w '%{http_code}' -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/zip' \
    --data-binary "@$work/company.zip" "$base/api/system/companies/import?owner=$OWNER_EMAIL&name=Imported%20bench")
import_ms=$(ms_since "$t0")
[ "$code" = 201 ] || { echo "import answered $code: $(head -c 500 "$work/import.json")" >&2; exit 1; }
copy=$(grep -o '"companyId":[0-9]*' "$work/import.json" | cut -d: -f2)
imported=$(psqldb -qAt -c "SELECT COUNT(*) FROM check_result r JOIN audit_run a ON a.id = r.run_id WHERE a.company_id = $copy")
echo "import: $import_ms ms, company $copy with $imported results"

verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v < g ? "goal met" : "GOAL MISSED") }'; }
echo
echo "=== summary (load average now $(cut -d' ' -f1-3 /proc/loadavg)) ==="
echo "export of $exported results: $(awk -v ms="$export_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s (goal < 60 s, $(verdict "$export_ms" 60000)); archive $((zip_bytes / 1048576)) MiB"
echo "extra heap during the export: $extra MiB (goal < 128 MiB, $(verdict "$extra" 128))"
echo "import of $imported results: $(awk -v ms="$import_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s (goal < 120 s, $(verdict "$import_ms" 120000))"
[ "$imported" = "$exported" ] || { echo "the import holds $imported results, the archive $exported" >&2; exit 1; }
