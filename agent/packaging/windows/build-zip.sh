#!/bin/sh
# Builds the Windows zip of the agent: agent/target/packages/caart-agent-VERSION-windows-x64.zip, one folder
# caart-agent\ with bin\caart-agent.cmd, bin\make-runtime.cmd, lib\caart-agent.jar, the licences and README.md.
# With CAART_WINDOWS_JDK set to an unpacked Windows x64 JDK 17 (its jmods\ folder; the same feature version as the
# JDK running this script), it also puts a jlink'd runtime\ in the zip, made here for Windows; without it the zip
# has no runtime and bin\make-runtime.cmd makes one on the Windows host from a JDK there (README.md, step 0).
# Then it checks the zip: files, CRLF line ends of the .cmd files, the module list equal to the Linux packages',
# no Wazuh test policy.
#   agent/packaging/windows/build-zip.sh      (run after: mvn -pl agent -am package)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd -P)
AGENT=$(cd "$HERE/../.." && pwd -P)
DIST="$AGENT/target/dist"
OUT="$AGENT/target/packages"
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -f "$DIST/lib/caart-agent.jar" ] || { echo "no $DIST: run mvn -pl agent -am package first" >&2; exit 2; }
VERSION=$("$JAVA_HOME/bin/java" -jar "$DIST/lib/caart-agent.jar" --version | awk '{print $2}')
ZIP="$OUT/caart-agent-$VERSION-windows-x64.zip"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
APP="$WORK/caart-agent"
mkdir -p "$APP/bin" "$APP/lib" "$OUT"
cp "$DIST/bin/caart-agent.cmd" "$DIST/bin/make-runtime.cmd" "$APP/bin/"
cp "$DIST/lib/caart-agent.jar" "$APP/lib/"
cp "$DIST/LICENSE" "$DIST/NOTICE" "$DIST/THIRD-PARTY.txt" "$APP/"
cp "$HERE/README.md" "$APP/README.md"

failures=0
check() { # description, command...
    description=$1; shift
    if "$@" >/dev/null 2>&1; then echo "ok   $description"; else echo "FAIL $description"; failures=$((failures + 1)); fi
}
LINUX_MODULES=$(sed -n 's/^MODULES=//p' "$AGENT/packaging/linux/build-packages.sh")
check "make-runtime.cmd links the same modules as the Linux packages ($LINUX_MODULES)" \
    grep -q -- "--add-modules $LINUX_MODULES " "$APP/bin/make-runtime.cmd"

if [ -n "${CAART_WINDOWS_JDK:-}" ]; then
    [ -d "$CAART_WINDOWS_JDK/jmods" ] || { echo "CAART_WINDOWS_JDK=$CAART_WINDOWS_JDK has no jmods folder" >&2; exit 2; }
    echo "jlink for Windows from $CAART_WINDOWS_JDK/jmods: $LINUX_MODULES"
    "$JAVA_HOME/bin/jlink" --module-path "$CAART_WINDOWS_JDK/jmods" --add-modules "$LINUX_MODULES" \
        --output "$APP/runtime" --strip-debug --no-man-pages --no-header-files --compress=2
    check "the runtime is a Windows one (runtime/bin/java.exe)" test -f "$APP/runtime/bin/java.exe"
else
    echo "note: CAART_WINDOWS_JDK is not set: the zip has no runtime\\ (no Windows JDK is reachable from this" \
        "machine); bin\\make-runtime.cmd makes it on the Windows host"
fi

rm -f "$ZIP"
(cd "$WORK" && zip -q -r -X "$ZIP" caart-agent)
LIST=$(unzip -Z1 "$ZIP")
for f in caart-agent/bin/caart-agent.cmd caart-agent/bin/make-runtime.cmd caart-agent/lib/caart-agent.jar \
        caart-agent/LICENSE caart-agent/NOTICE caart-agent/THIRD-PARTY.txt caart-agent/README.md; do
    check "zip holds $f" sh -c "echo '$LIST' | grep -qx '$f'"
done
check "no Linux launcher in the Windows zip" sh -c "! echo '$LIST' | grep -qx 'caart-agent/bin/caart-agent'"
for f in caart-agent.cmd make-runtime.cmd; do
    check "$f has CRLF line ends on every line" sh -c \
        "unzip -p '$ZIP' caart-agent/bin/$f | awk '!/\\r\$/ {bad=1} END {exit bad}'"
done
check "caart-agent.cmd prefers the runtime beside it" sh -c \
    "unzip -p '$ZIP' caart-agent/bin/caart-agent.cmd | grep -q 'runtime\\\\bin\\\\java.exe'"
check "no Wazuh SCA test policy in the zip" sh -c "! echo '$LIST' | grep -q 'cis_.*\\.yml' && \
    ! unzip -p '$ZIP' caart-agent/lib/caart-agent.jar | grep -aqE '# *Copyright \\(C\\) [0-9]{4}, Wazuh Inc\\.'"
check "the jar in the zip says its version" sh -c "unzip -p '$ZIP' caart-agent/lib/caart-agent.jar > '$WORK/a.jar' && \
    '$JAVA_HOME/bin/java' -jar '$WORK/a.jar' --version | grep -qx 'caart-agent $VERSION'"
if [ "$failures" -ne 0 ]; then echo "windows zip: $failures FAILED"; exit 1; fi
echo "built $ZIP ($(du -h "$ZIP" | cut -f1))"
