#!/usr/bin/env bash
# EAR smoke test: deploys the JMS adapter (standalone, so its name is caart-jms) and then ear/target/caart.ear
# to a fresh Payara Server Full domain on free ports, and checks
#   (a) /health/ready answers 200 with the "database" check UP,
#   (b) /login.xhtml answers 200 with the login form,
#   (c) a JMS round trip: a probe posted through the operator API is consumed by the MDB and stored.
# Self-contained and idempotent: the server zip comes from Maven Central (through ~/.m2), everything it writes
# lives under ear/target/payara-smoke/ (recreated on every run), and the domain is always stopped on exit.
# Builds the RAR and EAR first when they are missing (CAART_SMOKE_BUILD=1 forces a rebuild).
# Prints one PASS/FAIL line per check and ends with "EAR smoke: N passed, M failed"; exits non-zero on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK="$ROOT/ear/target/payara-smoke"
EAR="$ROOT/ear/target/caart.ear"
RAR="$ROOT/jms-rar/target/caart-jms.rar"
DOMAIN=caart-smoke
ADMIN_EMAIL=ops@example.test
# A throwaway credential for a throwaway domain; never used anywhere else.
# shellcheck source=lib/secret.sh
. "$ROOT/scripts/lib/secret.sh"
ADMIN_PASSWORD=$(random_secret)
READY_TIMEOUT=${CAART_SMOKE_READY_TIMEOUT:-180}
PROBE_TIMEOUT=60

log() { printf "[ear-smoke %s] %s\n" "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; echo "EAR smoke: 0 passed, 3 failed"; exit 1; }

for tool in mvn java curl unzip; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed"
done

# Payara Server version: the parent pom's payara-server.version property (one place to change it).
PAYARA_VERSION=$(sed -n 's:.*<payara-server.version>\(.*\)</payara-server.version>.*:\1:p' "$ROOT/pom.xml" | head -n1)
[ -n "$PAYARA_VERSION" ] || die "payara-server.version not found in $ROOT/pom.xml"

# --- build what is missing -------------------------------------------------------------------------------------
if [ "${CAART_SMOKE_BUILD:-0}" = 1 ] || [ ! -f "$EAR" ] || [ ! -f "$RAR" ]; then
    log "building jms-rar and ear (mvn -pl jms-rar,ear -am install -DskipTests)"
    (cd "$ROOT" && mvn -q -B -pl jms-rar,ear -am install -DskipTests) || die "the build failed"
fi

# --- fresh Payara Server -----------------------------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK/data"
log "fetching fish.payara.distributions:payara:$PAYARA_VERSION:zip"
mvn -q -B -N -f "$ROOT/pom.xml" dependency:copy \
    -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip" \
    -DoutputDirectory="$WORK" -Dmdep.overWriteReleases=true >"$WORK/fetch.log" 2>&1 \
    || { cat "$WORK/fetch.log" >&2; die "could not fetch the Payara Server zip"; }
unzip -q "$WORK/payara-$PAYARA_VERSION.zip" -d "$WORK"
rm -f "$WORK/payara-$PAYARA_VERSION.zip"
ASADMIN="$WORK/payara6/bin/asadmin"
[ -x "$ASADMIN" ] || die "no asadmin in the Payara zip ($ASADMIN)"

# --- free ports: a port base none of whose domain ports (base+9 .. base+86) anybody listens on ----------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
block_free() {
    local base=$1 offset
    for offset in 9 37 38 39 48 66 76 80 81 86; do
        if port_busy $((base + offset)); then return 1; fi
    done
}
PORTBASE=
for _ in $(seq 1 50); do
    candidate=$(( (RANDOM % 300 + 200) * 100 ))   # 20000 .. 49900
    if block_free "$candidate"; then PORTBASE=$candidate; break; fi
done
[ -n "$PORTBASE" ] || die "no free port block found"
ADMIN_PORT=$((PORTBASE + 48))
HTTP_PORT=$((PORTBASE + 80))
BASE_URL="http://127.0.0.1:$HTTP_PORT"
log "Payara Server $PAYARA_VERSION, domain $DOMAIN, port base $PORTBASE (admin $ADMIN_PORT, http $HTTP_PORT)"

asadmin() { "$ASADMIN" --interactive=false --host 127.0.0.1 --port "$ADMIN_PORT" "$@"; }

"$ASADMIN" --interactive=false --user admin create-domain --nopassword=true --portbase "$PORTBASE" "$DOMAIN" \
    >"$WORK/create-domain.log" 2>&1 || { cat "$WORK/create-domain.log" >&2; die "create-domain failed"; }
SERVER_LOG="$WORK/payara6/glassfish/domains/$DOMAIN/logs/server.log"

stop_domain() {
    local pid_file="$WORK/payara6/glassfish/domains/$DOMAIN/config/pid"
    if [ -f "$pid_file" ]; then
        log "stopping the domain"
        "$ASADMIN" --interactive=false stop-domain --kill=false "$DOMAIN" >/dev/null 2>&1 || true
        local pid
        pid=$(cat "$pid_file" 2>/dev/null || true)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            log "the domain is still running; killing process $pid"
            kill "$pid" 2>/dev/null || true
            sleep 5
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
}
trap stop_domain EXIT
trap 'exit 130' INT TERM

# --- the server JVM's configuration ---------------------------------------------------------------------------
# start-domain hands its environment to the server JVM, which is where the application's ${ENV=...} resource
# definitions and MicroProfile Config read CAART_* from.
export CAART_DATA_DIR="$WORK/data"
export CAART_DB_URL="jdbc:h2:file:$WORK/data/db/caart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
export CAART_ADMIN_EMAIL="$ADMIN_EMAIL"
export CAART_ADMIN_PASSWORD="$ADMIN_PASSWORD"
export CAART_PUBLIC_URL="$BASE_URL"
unset CAART_DB_USER CAART_DB_PASSWORD CAART_DB_DATASOURCE CAART_BROKER_URL CAART_SMTP_HOST CAART_TEST_DB_URL || true

# The embedded broker keeps its KahaDB store under the domain's config directory (the server's working
# directory), which is inside $WORK and so recreated on every run.
log "starting the domain"
if ! "$ASADMIN" --interactive=false start-domain "$DOMAIN" >"$WORK/start-domain.log" 2>&1; then
    cat "$WORK/start-domain.log" >&2
    die "start-domain failed"
fi

deploy() {
    log "deploying $(basename "$1")"
    if ! asadmin deploy "${@:2}" "$1" >"$WORK/deploy.log" 2>&1; then
        cat "$WORK/deploy.log" >&2
        log "server.log (last 60 lines):"
        tail -n 60 "$SERVER_LOG" >&2 || true
        die "deploying $(basename "$1") failed"
    fi
}
deploy "$RAR" --name caart-jms
deploy "$EAR" --name caart

# --- checks --------------------------------------------------------------------------------------------------------
passed=0
failed=0
pass() { echo "PASS $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# HTTP GET/POST: the body to $1, prints the status code.
http() {
    local out=$1
    shift
    curl -s -o "$out" -w '%{http_code}' --max-time 20 "$@" || echo 000
}

# Is the check named $2 UP in the MicroProfile Health JSON $1?
check_up() {
    local compact checks
    compact=$(tr -d ' \n\r\t' <"$1")
    # drop the checks' "data" objects, then look at the check object carrying the name
    checks=$(printf '%s' "$compact" | sed 's/"data":{[^{}]*}//g')
    printf '%s' "$checks" | grep -o "{[^{}]*\"name\":\"$2\"[^{}]*}" | grep -q '"status":"UP"'
}

# (a) readiness
deadline=$((SECONDS + READY_TIMEOUT))
code=000
while :; do
    code=$(http "$WORK/ready.json" "$BASE_URL/health/ready")
    if [ "$code" = 200 ] && check_up "$WORK/ready.json" database; then break; fi
    if [ $SECONDS -ge $deadline ]; then break; fi
    sleep 2
done
if [ "$code" = 200 ] && check_up "$WORK/ready.json" database; then
    pass "(a) GET /health/ready: 200, database UP ($(tr -d '\n' <"$WORK/ready.json" | cut -c1-300))"
else
    fail "(a) GET /health/ready: HTTP $code, body: $(tr -d '\n' <"$WORK/ready.json" 2>/dev/null | cut -c1-400)"
fi

# (b) the login page
code=$(http "$WORK/login.html" "$BASE_URL/login.xhtml")
if [ "$code" = 200 ] && grep -q '<form id="login"' "$WORK/login.html" && grep -q 'type="password"' "$WORK/login.html"; then
    pass "(b) GET /login.xhtml: 200 with the login form"
else
    fail "(b) GET /login.xhtml: HTTP $code, form found: $(grep -c '<form' "$WORK/login.html" 2>/dev/null || echo 0)"
fi

# (c) JMS round trip through the probe API
code=$(http "$WORK/probe.json" -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -X POST -H 'Accept: application/json' \
    "$BASE_URL/api/system/pipeline/probes")
probe_id=$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' "$WORK/probe.json" 2>/dev/null | head -n1)
if [ "$code" != 202 ] || [ -z "$probe_id" ]; then
    fail "(c) POST /api/system/pipeline/probes: HTTP $code, body: $(tr -d '\n' <"$WORK/probe.json" 2>/dev/null | cut -c1-300)"
else
    deadline=$((SECONDS + PROBE_TIMEOUT))
    received=
    while :; do
        code=$(http "$WORK/probe-state.json" -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Accept: application/json' \
            "$BASE_URL/api/system/pipeline/probes/$probe_id")
        if [ "$code" = 200 ] && grep -q '"receivedAt" *: *"' "$WORK/probe-state.json"; then received=yes; break; fi
        if [ $SECONDS -ge $deadline ]; then break; fi
        sleep 1
    done
    if [ -n "$received" ]; then
        pass "(c) JMS round trip: probe $probe_id consumed by the MDB and stored ($(tr -d '\n' <"$WORK/probe-state.json"))"
    else
        fail "(c) JMS round trip: probe $probe_id not received within ${PROBE_TIMEOUT}s (HTTP $code: $(tr -d '\n' <"$WORK/probe-state.json" 2>/dev/null | cut -c1-300))"
    fi
fi

if [ "$failed" -gt 0 ]; then
    log "server.log (last 80 lines):"
    tail -n 80 "$SERVER_LOG" >&2 || true
fi
echo "EAR smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
