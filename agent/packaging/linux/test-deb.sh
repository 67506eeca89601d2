#!/bin/sh
# Installs the agent's .deb on this machine and checks it: lintian, files and modes, the system user, the bundled
# runtime, caart-agent --version and a scan, enrollment at installation from /etc/caart/enroll.properties (against
# an address where no server listens: the install must go on and say so), then remove (identity and configuration
# stay) and purge (they go). Needs root; leaves the machine as it found it (the system user stays, as after a purge).
#   agent/packaging/linux/test-deb.sh [agent/target/packages/caart-agent_*.deb]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd -P)
DEB=${1:-$(ls "$HERE"/../../target/packages/caart-agent_*.deb 2>/dev/null | head -n 1)}
[ "$(id -u)" = 0 ] || { echo "run as root (dpkg -i)" >&2; exit 2; }
[ -f "$DEB" ] || { echo "no .deb: run agent/packaging/linux/build-packages.sh first" >&2; exit 2; }
if dpkg-query -W -f='${Status}' caart-agent 2>/dev/null | grep -q installed; then
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
# root's own runs of caart-agent keep their class-data archive here, not in /var/lib/caart
CAART_CACHE_DIR=$(mktemp -d)
export CAART_CACHE_DIR
trap 'rm -rf "$LOG" "$CAART_CACHE_DIR"; dpkg -P caart-agent >/dev/null 2>&1 || true' EXIT

echo "== lintian $(basename "$DEB")"
if command -v lintian >/dev/null; then
    lintian --fail-on error,warning "$DEB" >"$LOG" 2>&1 && status=0 || status=$?
    grep -E '^[EW]:' "$LOG" || true
    check "lintian: no error, no warning" test "$status" = 0
else
    echo "FAIL lintian is not installed (apt-get install lintian)"; failures=$((failures + 1))
fi

echo "== licenses and test data"
CONTENT=$(mktemp -d)
dpkg-deb -x "$DEB" "$CONTENT"
check "copyright: the agent is Apache-2.0 and the bundled libraries are listed" sh -c \
    "grep -q '^License: Apache-2.0' '$CONTENT/usr/share/doc/caart-agent/copyright' && grep -q 'jna-platform' '$CONTENT/usr/share/doc/caart-agent/copyright'"
check "THIRD-PARTY.txt installed" test -s "$CONTENT/usr/share/doc/caart-agent/THIRD-PARTY.txt"
# the Wazuh SCA policies are GPLv2 test data of the repository: never in a package (by name, or by their header)
check "no Wazuh SCA test policy in the package" sh -c "! find '$CONTENT' -name 'cis_*.yml' | grep -q . && \
    ! unzip -p '$CONTENT/usr/lib/caart-agent/lib/caart-agent.jar' 2>/dev/null | grep -aqE '# *Copyright \\(C\\) [0-9]{4}, Wazuh Inc\\.' && \
    ! grep -rqE '# *Copyright \\(C\\) [0-9]{4}, Wazuh Inc\\.' '$CONTENT/usr/lib/caart-agent/bin' '$CONTENT/etc' '$CONTENT/usr/share'"
rm -rf "$CONTENT"

echo "== dpkg -i (with an enrollment file pointing where no server listens)"
mkdir -p /etc/caart
printf 'server=http://127.0.0.1:9\ntoken=%s\n' "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    > /etc/caart/enroll.properties
dpkg -i "$DEB" >"$LOG" 2>&1 && status=0 || status=$?
check "dpkg -i succeeds although enrollment fails" test "$status" = 0
check "postinst says enrollment failed and how to enroll later" grep -q "enrollment failed" "$LOG"
check "the enrollment file is kept for a retry, mode 0600" test "$(mode /etc/caart/enroll.properties)" = "600 root:root"
check "system user caart-agent with no login shell" sh -c 'getent passwd caart-agent | grep -qE ":(/usr)?/sbin/nologin$"'
check "/usr/bin/caart-agent links to /usr/lib/caart-agent" test "$(readlink -f /usr/bin/caart-agent)" = /usr/lib/caart-agent/bin/caart-agent
check "bundled runtime /usr/lib/caart-agent/runtime/bin/java" test -x /usr/lib/caart-agent/runtime/bin/java
check "the launcher picks the bundled runtime" sh -c 'sh -x /usr/bin/caart-agent --version 2>&1 | grep -q "JAVA=/usr/lib/caart-agent/runtime/bin/java"'
check "systemd unit installed" test -f /lib/systemd/system/caart-agent.service
check "unit runs /usr/bin/caart-agent run as caart-agent" sh -c 'grep -q "^ExecStart=/usr/bin/caart-agent run$" /lib/systemd/system/caart-agent.service && grep -q "^User=caart-agent$" /lib/systemd/system/caart-agent.service'
check "/etc/caart/agent.properties 0640 root:caart-agent" test "$(mode /etc/caart/agent.properties)" = "640 root:caart-agent"
check "/var/lib/caart-agent 0700 caart-agent" test "$(mode /var/lib/caart-agent)" = "700 caart-agent:caart-agent"
check "/var/cache/caart-agent 0700 caart-agent" test "$(mode /var/cache/caart-agent)" = "700 caart-agent:caart-agent"
VERSION=$(dpkg-query -W -f='${Version}' caart-agent | sed 's/-[^-]*$//; s/~/-/g')
check "caart-agent --version prints $VERSION" sh -c "caart-agent --version | grep -qx 'caart-agent $VERSION'"
check "caart-agent --version works for the service user" sh -c "runuser -u caart-agent -- env CAART_CACHE_DIR=/var/cache/caart-agent caart-agent --version | grep -qx 'caart-agent $VERSION'"
runuser -u caart-agent -- env CAART_CACHE_DIR=/var/cache/caart-agent caart-agent scan caart-debian-baseline --quiet \
    >"$LOG" 2>&1 && status=0 || status=$?
check "a scan runs on the bundled runtime (exit 0, 1 or 3)" sh -c "[ $status -le 3 ] && [ $status -ne 2 ] && grep -q '^Checks: ' '$LOG'"
if command -v systemd-analyze >/dev/null; then
    check "systemd-analyze verify accepts the unit" systemd-analyze verify /lib/systemd/system/caart-agent.service
fi

echo "== dpkg -r: identity and configuration stay"
printf '{}' > /var/lib/caart-agent/agent.json
chown caart-agent:caart-agent /var/lib/caart-agent/agent.json
dpkg -r caart-agent >"$LOG" 2>&1 && status=0 || status=$?
check "dpkg -r succeeds" test "$status" = 0
check "the agent is gone" test ! -e /usr/lib/caart-agent
check "/usr/bin/caart-agent is gone" test ! -e /usr/bin/caart-agent
check "the identity stays (/var/lib/caart-agent/agent.json)" test -f /var/lib/caart-agent/agent.json
check "the configuration stays (/etc/caart/agent.properties)" test -f /etc/caart/agent.properties

echo "== dpkg -P: everything goes but the system user"
dpkg -P caart-agent >"$LOG" 2>&1 && status=0 || status=$?
check "dpkg -P succeeds" test "$status" = 0
check "/var/lib/caart-agent is gone" test ! -e /var/lib/caart-agent
check "/var/cache/caart-agent is gone" test ! -e /var/cache/caart-agent
check "/etc/caart/agent.properties is gone" test ! -e /etc/caart/agent.properties
check "/etc/caart/enroll.properties is gone" test ! -e /etc/caart/enroll.properties
check "the system user stays (Debian policy)" getent passwd caart-agent

echo
if [ "$failures" -eq 0 ]; then echo "deb install test: PASSED"; else echo "deb install test: $failures FAILED"; exit 1; fi
