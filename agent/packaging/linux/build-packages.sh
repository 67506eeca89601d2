#!/bin/sh
# Builds the Linux packages of the agent from agent/target/dist: a jlink'd Java runtime, the launcher and the jar in
# /usr/lib/caart-agent, /usr/bin/caart-agent, the systemd unit, /etc/caart/agent.properties and the maintainer
# scripts. Writes agent/target/packages/caart-agent_VERSION_ARCH.deb and, when rpmbuild is installed (Debian package
# 'rpm'), caart-agent-VERSION.ARCH.rpm. Needs a JDK 17+ with jmods (Debian: openjdk-17-jdk-headless) and dpkg-deb.
#   agent/packaging/linux/build-packages.sh [VERSION]     (run after: mvn -pl agent -am package)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd -P)
AGENT=$(cd "$HERE/../.." && pwd -P)
DIST="$AGENT/target/dist"
OUT="$AGENT/target/packages"
[ -f "$DIST/lib/caart-agent.jar" ] || { echo "missing $DIST/lib/caart-agent.jar: run mvn -pl agent -am package" >&2; exit 2; }
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -d "$JAVA_HOME/jmods" ] || { echo "no jmods in $JAVA_HOME: install a full JDK (openjdk-17-jdk-headless)" >&2; exit 2; }
VERSION=${1:-$("$JAVA_HOME/bin/java" -jar "$DIST/lib/caart-agent.jar" --version | awk '{print $2}')}
# Debian: 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT (sorts before 0.1.0); RPM: no '-' in Version
DEB_VERSION=$(echo "$VERSION" | sed 's/-/~/g')-1
RPM_VERSION=$(echo "$VERSION" | sed 's/-/~/g')
ARCH=$(dpkg --print-architecture)
# the modules jdeps finds, plus what it cannot see: logging backend, elliptic-curve TLS
MODULES=java.base,java.desktop,java.logging,java.net.http,java.sql,jdk.crypto.ec,jdk.unsupported

rm -rf "$OUT/root" "$OUT/deb" "$OUT/rpm" "$OUT"/caart-agent*.deb "$OUT"/caart-agent*.rpm
ROOT="$OUT/root"
LIB="$ROOT/usr/lib/caart-agent"
mkdir -p "$LIB/bin" "$LIB/lib" "$ROOT/usr/bin" "$ROOT/lib/systemd/system" "$ROOT/etc/caart" \
    "$ROOT/usr/share/doc/caart-agent" "$ROOT/usr/share/man/man1" "$ROOT/usr/share/lintian/overrides"

echo "jlink: $MODULES"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --output "$LIB/runtime" --strip-debug --no-man-pages \
    --no-header-files --compress=2 --generate-cds-archive
# jlink copies the JDK's legal notices as symbolic links into the JDK; keep real files
find "$LIB/runtime/legal" -type l | while read -r link; do cp --remove-destination "$(readlink -f "$link")" "$link"; done
# Debian's JDK ships its native code with symbols; strip them (binutils) and give files the usual modes
find "$LIB/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) \
    -exec strip --strip-unneeded --remove-section=.comment --remove-section=.note {} +
find "$LIB/runtime" -type f -perm /u+x -exec chmod 0755 {} +
find "$LIB/runtime" -type f ! -perm /u+x -exec chmod 0644 {} +
install -m 0755 "$DIST/bin/caart-agent" "$LIB/bin/caart-agent"
install -m 0644 "$DIST/lib/caart-agent.jar" "$LIB/lib/caart-agent.jar"
ln -s ../lib/caart-agent/bin/caart-agent "$ROOT/usr/bin/caart-agent"
install -m 0644 "$HERE/caart-agent.service" "$ROOT/lib/systemd/system/caart-agent.service"
install -m 0644 "$HERE/agent.properties" "$ROOT/etc/caart/agent.properties"
# copyright: the project's license (LICENSE, Apache-2.0) and the generated list of bundled libraries
[ -f "$DIST/THIRD-PARTY.txt" ] || { echo "missing $DIST/THIRD-PARTY.txt: run mvn -pl agent -am package" >&2; exit 2; }
sed -n '/^[^ ]/p; /^  - /p' "$DIST/THIRD-PARTY.txt" | tail -n +3 | sed 's/^/ /' > "$OUT/third-party.dep5"
awk -v list="$OUT/third-party.dep5" '/^@THIRD_PARTY@$/ { while ((getline line < list) > 0) print line; next } { print }' \
    "$HERE/deb/copyright" > "$ROOT/usr/share/doc/caart-agent/copyright"
chmod 0644 "$ROOT/usr/share/doc/caart-agent/copyright"
install -m 0644 "$DIST/THIRD-PARTY.txt" "$ROOT/usr/share/doc/caart-agent/THIRD-PARTY.txt"
gzip -9n -c "$HERE/deb/caart-agent.1" > "$ROOT/usr/share/man/man1/caart-agent.1.gz"
chmod 0644 "$ROOT/usr/share/man/man1/caart-agent.1.gz"
DATE=$(date -R -d "@${SOURCE_DATE_EPOCH:-$(stat -c %Y "$DIST/lib/caart-agent.jar")}")
printf 'caart-agent (%s) unstable; urgency=medium\n\n  * Built from the CAaRT repository.\n\n -- CAaRT maintainers <maintainers@users.noreply.r-seed-2c813c0c.example>  %s\n' \
    "$DEB_VERSION" "$DATE" | gzip -9n > "$ROOT/usr/share/doc/caart-agent/changelog.Debian.gz"
install -m 0644 "$HERE/deb/lintian-overrides" "$ROOT/usr/share/lintian/overrides/caart-agent"
find "$ROOT" -type d -exec chmod 0755 {} +

# .deb
PKG="$OUT/deb/caart-agent"
mkdir -p "$OUT/deb"
cp -a "$ROOT" "$PKG"
mkdir -p "$PKG/DEBIAN"
SIZE=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" "$HERE/deb/control" > "$PKG/DEBIAN/control"
install -m 0644 "$HERE/deb/conffiles" "$PKG/DEBIAN/conffiles"
for script in postinst prerm postrm; do install -m 0755 "$HERE/deb/$script" "$PKG/DEBIAN/$script"; done
(cd "$PKG" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort | xargs md5sum) \
    > "$PKG/DEBIAN/md5sums"
chmod 0644 "$PKG/DEBIAN/md5sums"
DEB="$OUT/caart-agent_${DEB_VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1))"

# .rpm (same files; scriptlets in the spec)
if command -v rpmbuild >/dev/null 2>&1; then
    RPM_ARCH=$(uname -m)
    mkdir -p "$OUT/rpm"
    sed -e "s/@VERSION@/$RPM_VERSION/" "$HERE/rpm/caart-agent.spec" > "$OUT/rpm/caart-agent.spec"
    rpmbuild -bb --quiet --define "_topdir $OUT/rpm" --define "_rpmdir $OUT" --define "caart_root $ROOT" \
        --target "$RPM_ARCH" "$OUT/rpm/caart-agent.spec" >/dev/null
    RPM=$(find "$OUT" -maxdepth 2 -name "caart-agent-*.rpm" | head -n 1)
    mv "$RPM" "$OUT/" 2>/dev/null || true
    echo "built $OUT/$(basename "$RPM")"
else
    echo "rpmbuild not installed (Debian package 'rpm'): no .rpm"
fi
