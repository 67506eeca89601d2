#!/bin/sh
# Benchmark: 100 Linux fixes on one (fixture) host applied and re-checked, then rolled back, agent side, through the
# agent's real remediator, journal and checks; and how many fix kinds restore exactly. Build the agent first:
#   mvn -q -B -pl contract,policy,agent -am install -DskipTests && bench/remediation.sh
# Run as root to include owner changes (file-mode fixes chown the fixture files).
# Targets (issue 14): apply + re-check < 10 s, rollback < 10 s, every fix kind restores exactly.
set -u
HERE=$(cd "$(dirname "$0")" && pwd -P)
PROJECT=$(cd "$HERE/.." && pwd -P)
JAR="$PROJECT/agent/target/caart-agent.jar"
[ -r "$JAR" ] || { echo "missing $JAR: build first (mvn -q -B -pl contract,policy,agent -am install -DskipTests)" >&2; exit 2; }
exec java -cp "$JAR" "$HERE/remediation/RemediationBench.java"
