#!/usr/bin/env bash
# SIEM feed figure (issue 15): 10,000 change events delivered to rsyslog in under 10 s, none lost or duplicated in
# sequence.
# It creates a fresh PostgreSQL database, starts the distribution on it on a free port (loopback destinations
# allowed: CAART_FEED_REFUSED_NETWORKS=none), starts Debian's rsyslogd on a free loopback port (imtcp, every message
# written as received to a file), creates a company with its feed on and one JSON (OCSF) destination with SQL, waits
# until the server holds the connection, then inserts BENCH_EVENTS (10,000) check.changed events in one transaction,
# as the audit component stores them when a run completes, and times from that commit until rsyslog has written the
# last number: numbering (the sequencer, every 2 s), reading, formatting, sending. Repeated BENCH_ROUNDS (3) times;
# each round checks the received numbers are exactly the round's, in order, none twice.
# Usage: bench/feed.sh   (needs a built distribution: mvn -B -pl distribution -am package -DskipTests; psql,
#                         rsyslogd from Debian's rsyslog package)
# Settings (environment): BENCH_DIST, BENCH_PG_HOST/PORT/USER/PASSWORD, BENCH_HEAP (512m), BENCH_EVENTS (10000),
#   BENCH_ROUNDS (3), BENCH_PAYLOAD (JSON or CEF), BENCH_KEEP=1 keeps the work folder and the database.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${BENCH_DIST:-$ROOT/distribution/target/caart}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
export PGPASSWORD=${BENCH_PG_PASSWORD:-}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-240}
EVENTS=${BENCH_EVENTS:-10000}
ROUNDS=${BENCH_ROUNDS:-3}
PAYLOAD=${BENCH_PAYLOAD:-JSON}
COMPANY=7000001

[ -x "$DIST/bin/caart" ] || { echo "no distribution at $DIST; build it first: mvn -B -pl distribution -am package -DskipTests" >&2; exit 1; }
for tool in psql java /usr/sbin/rsyslogd; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (rsyslogd: apt-get install rsyslog)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/caart-feed.XXXXXX")
db="caart_bench_feed_$$"
# shellcheck source=lib/server.sh
. "$ROOT/bench/lib/server.sh"
rsyslog=
trap 'cleanup; [ -n "$rsyslog" ] && kill "$rsyslog" 2>/dev/null || true' EXIT
psqldb() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }

syslog_port=$(free_port)
mkdir -p "$work/rsyslog"
cat >"$work/rsyslog/rsyslog.conf" <<CONF
global(workDirectory="$work/rsyslog" maxMessageSize="64k")
module(load="imtcp")
template(name="raw" type="string" string="%rawmsg%\n")
ruleset(name="caart") { action(type="omfile" file="$work/rsyslog/received.log" template="raw") }
input(type="imtcp" port="$syslog_port" address="127.0.0.1" ruleset="caart")
CONF
/usr/sbin/rsyslogd -n -f "$work/rsyslog/rsyslog.conf" -i "$work/rsyslog/pid" >"$work/rsyslog/out" 2>&1 &
rsyslog=$!

psql_ -c "CREATE DATABASE $db" >/dev/null
BENCH_HEAP=${BENCH_HEAP:-512m}
echo "rsyslogd on 127.0.0.1:$syslog_port"
start_server CAART_FEED_REFUSED_NETWORKS=none

psqldb -c "INSERT INTO company (id, name, postal_address, client_os, time_zone, created_at, version)
        VALUES ($COMPANY, 'Feed bench', '1 Main St', 'DEBIAN', 'UTC', now(), 1);
    INSERT INTO feed_company (company_id, enabled, snapshot_daily, last_seq, updated_at, version)
        VALUES ($COMPANY, TRUE, FALSE, 0, now(), 1);
    INSERT INTO feed_destination (id, company_id, name, host, port, tls, payload, enabled, delivered_seq, failures,
        created_at, version) VALUES (nextval('feed_destination_seq'), $COMPANY, 'rsyslog', '127.0.0.1', $syslog_port,
        FALSE, '$PAYLOAD', TRUE, 0, 0, now(), 1)"
# the server connects within a tick or two
for _ in $(seq 1 30); do
    [ "$(psqldb -c "SELECT COUNT(*) FROM feed_destination WHERE lease_owner IS NOT NULL")" = 1 ] && break
    sleep 1
done

last=0
status=0
for round in $(seq 1 "$ROUNDS"); do
    from=$((last + 1))
    to=$((last + EVENTS))
    t0=$(ms)
    psqldb -c "INSERT INTO feed_event (id, company_id, occurred_at, type, severity, endpoint_id, hostname, policy,
            check_id, subject, before_value, after_value, detail)
        SELECT nextval('feed_event_seq'), $COMPANY, now(), 'check.changed', 'high', 1000 + n % 1000,
            'host-' || (n % 1000), 'CIS Debian Linux 12 Benchmark v1.1.0', '1.' || (n % 200),
            'Ensure permissions on /etc/ssh/sshd_config are configured (check ' || n || ')', 'PASSED', 'FAILED',
            'observed before: 0600; now: 0644'
        FROM generate_series(1, $EVENTS) n"
    until grep -q "seq=\"$to\"" "$work/rsyslog/received.log" 2>/dev/null; do
        if [ $(( $(ms) - t0 )) -gt 120000 ]; then
            echo "round $round: not all delivered within 120 s" >&2
            status=1
            break 2
        fi
        sleep 0.05
    done
    t1=$(ms)
    got=$(grep -o "company=\"$COMPANY\" seq=\"[0-9]*\"" "$work/rsyslog/received.log" | sed 's/.*seq="\([0-9]*\)"/\1/' \
        | awk -v from="$from" -v to="$to" '$1 >= from && $1 <= to')
    count=$(echo "$got" | wc -l)
    distinct=$(echo "$got" | sort -un | wc -l)
    inorder=$(echo "$got" | awk -v from="$from" 'BEGIN { e = from; ok = 1 } { if ($1 != e) ok = 0; e++ } END { print ok ? "yes" : "no" }')
    printf 'round %d: events %d..%d delivered in %.2f s (%d messages, %d distinct, in order: %s)\n' "$round" "$from" \
        "$to" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$count" "$distinct" "$inorder"
    if [ "$count" != "$EVENTS" ] || [ "$distinct" != "$EVENTS" ] || [ "$inorder" != yes ]; then status=1; fi
    last=$to
    sleep 3
done
echo "rsyslog file: $(wc -l <"$work/rsyslog/received.log") lines, $(du -h "$work/rsyslog/received.log" | cut -f1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "goal: $EVENTS events in < 10 s, none lost or repeated, in order"
exit $status
