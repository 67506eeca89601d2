#!/bin/sh
# Checks the agent's .rpm: rpmlint (with the filters in rpm/caart-agent.rpmlintrc, each with its reason), then a real
# installation on this machine with rpm (Debian's rpm package: its own database; --nodeps because Debian's util-linux
# and passwd are not in that database), running the package's own scriptlets: the system user, files and modes, the
# bundled runtime, --version and a scan, enrollment at installation against an address where no server listens (the
# install goes on and says so); then rpm -e: the agent goes, the identity and the edited configuration stay (RPM
# keeps an edited %config file as .rpmsave). Needs root and no caart-agent installed by dpkg (run after test-deb.sh);
# leaves the machine as it found it (the system user stays).
#   agent/packaging/linux/test-rpm.sh [agent/target/packages/caart-agent-*.rpm]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd -P)
RPM=${1:-$(ls "$HERE"/../../target/packages/caart-agent-*.rpm 2>/dev/null | head -n 1)}
[ "$(id -u)" = 0 ] || { echo "run as root (rpm -i)" >&2; exit 2; }
[ -f "$RPM" ] || { echo "no .rpm: run agent/packaging/linux/build-packages.sh with rpmbuild installed first" >&2; exit 2; }
if [ -e /usr/lib/caart-agent ] || rpm -q caart-agent >/dev/null 2>&1; then
    echo "caart-agent is already installed here; not touching it" >&2
    exit 2
fi
failures=0
check() { # description, command...
    description=$1; shift
    if "$@" >/dev/null 2>&1; then echo "ok   $description"; else echo "FAIL $description"; failures=$((failures + 1)); fi
}
mode() { stat -c '%a %U:%G' "$1"; }
LOG=$(mktemp)
CAART_CACHE_DIR=$(mktemp -d)
export CAART_CACHE_DIR
cleanup() {
    rpm -e caart-agent >/dev/null 2>&1 || true
    rm -rf "$LOG" "$CAART_CACHE_DIR" /var/lib/caart-agent /var/cache/caart-agent /etc/caart/agent.properties \
        /etc/caart/agent.properties.rpmsave /etc/caart/enroll.properties
    rmdir /etc/caart 2>/dev/null || true
}
trap cleanup EXIT

echo "== rpmlint $(basename "$RPM")"
if command -v rpmlint >/dev/null; then
    rpmlint -r "$HERE/rpm/caart-agent.rpmlintrc" "$RPM" >"$LOG" 2>&1 && status=0 || status=$?
    grep -E ': [EW]: ' "$LOG" || true
    check "rpmlint: no error, no warning (filters in rpm/caart-agent.rpmlintrc)" sh -c \
        "[ $status = 0 ] && grep -q ' 0 errors, 0 warnings' '$LOG'"
else
    echo "FAIL rpmlint is not installed (apt-get install rpmlint)"; failures=$((failures + 1))
fi

echo "== package metadata"
check "License names Apache-2.0 for the agent" sh -c "rpm -qp --qf '%{LICENSE}' '$RPM' | grep -q '^Apache-2.0'"
check "no Wazuh SCA test policy in the package" sh -c "! rpm -qlp '$RPM' | grep -q 'cis_.*\\.yml'"
check "the state folders are 0700 caart-agent in the package" sh -c \
    "rpm -qp --dump '$RPM' | grep -E '^/var/(lib|cache)/caart-agent ' | awk '{print \$5, \$6, \$7}' | grep -c '^040700 caart-agent caart-agent$' | grep -qx 2"

echo "== rpm -i (with an enrollment file pointing where no server listens)"
mkdir -p /etc/caart
printf 'server=http://127.0.0.1:9\ntoken=%s\n' "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    > /etc/caart/enroll.properties
chmod 600 /etc/caart/enroll.properties
rpm -i --nodeps "$RPM" >"$LOG" 2>&1 && status=0 || status=$?
cat "$LOG"
check "rpm -i succeeds although enrollment fails" test "$status" = 0
check "%post says enrollment failed" grep -q "enrollment at installation failed" "$LOG"
check "the enrollment file is kept for a retry" test -f /etc/caart/enroll.properties
check "system user caart-agent with no login shell" sh -c 'getent passwd caart-agent | grep -qE ":(/usr)?/sbin/nologin$"'
check "bundled runtime /usr/lib/caart-agent/runtime/bin/java" test -x /usr/lib/caart-agent/runtime/bin/java
check "the launcher picks the bundled runtime" sh -c 'sh -x /usr/bin/caart-agent --version 2>&1 | grep -q "JAVA=/usr/lib/caart-agent/runtime/bin/java"'
check "systemd unit installed" test -f /lib/systemd/system/caart-agent.service
check "/etc/caart/agent.properties 0640 root:caart-agent" test "$(mode /etc/caart/agent.properties)" = "640 root:caart-agent"
check "/var/lib/caart-agent 0700 caart-agent" test "$(mode /var/lib/caart-agent)" = "700 caart-agent:caart-agent"
check "/var/cache/caart-agent 0700 caart-agent" test "$(mode /var/cache/caart-agent)" = "700 caart-agent:caart-agent"
VERSION=$(rpm -q --qf '%{VERSION}' caart-agent | sed 's/~/-/g')
check "caart-agent --version prints $VERSION" sh -c "caart-agent --version | grep -qx 'caart-agent $VERSION'"
runuser -u caart-agent -- env CAART_CACHE_DIR=/var/cache/caart-agent caart-agent scan caart-debian-baseline --quiet \
    >"$LOG" 2>&1 && status=0 || status=$?
check "a scan runs as the service user on the bundled runtime (exit 0, 1 or 3)" sh -c \
    "[ $status -le 3 ] && [ $status -ne 2 ] && grep -q '^Checks: ' '$LOG'"
check "rpm -V: the installed files are as packaged" rpm -V --nodeps caart-agent

echo "== rpm -e: the agent goes, identity and edited configuration stay"
printf '{}' > /var/lib/caart-agent/agent.json
chown caart-agent:caart-agent /var/lib/caart-agent/agent.json
echo "# edited" >> /etc/caart/agent.properties
rpm -e caart-agent >"$LOG" 2>&1 && status=0 || status=$?
check "rpm -e succeeds" test "$status" = 0
check "the agent is gone" test ! -e /usr/lib/caart-agent
check "/usr/bin/caart-agent is gone" test ! -e /usr/bin/caart-agent
check "the identity stays (/var/lib/caart-agent/agent.json)" test -f /var/lib/caart-agent/agent.json
check "the edited configuration stays (agent.properties.rpmsave)" test -f /etc/caart/agent.properties.rpmsave
check "the system user stays" getent passwd caart-agent

echo
if [ "$failures" -eq 0 ]; then echo "rpm install test: PASSED"; else echo "rpm install test: $failures FAILED"; exit 1; fi
