#!/usr/bin/env bash
# Builds a class-data-sharing archive (AppCDS, dynamic archive, Java 17+) for roleplan.jar, to cut start-up.
# Optional: the build does not need it and roleplan runs the same without it.
#
#   tools/bench/cds.sh                       # archive for target/roleplan.jar -> target/roleplan.jsa
#   tools/bench/cds.sh JAR ARCHIVE [PLAN]     # other jar / archive path / training plan
#
# Then run roleplan with it (JDK_JAVA_OPTIONS is read by the java launcher, so `java -jar` needs no change):
#
#   export JDK_JAVA_OPTIONS="-XX:SharedArchiveFile=target/roleplan.jsa -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr"
#   java -jar target/roleplan.jar check plan.json
#
# -XX:TieredStopAtLevel=1 (C1 only) is independent of the archive and saves more: the C2 compiler spends
# seconds of CPU compiling a few hot methods in a run that ends soon after. Both numbers are in
# tools/bench/RESULTS.md. The archive is only valid for the exact jar file (path and modification time)
# and the JVM that wrote it; with anything else the JVM warns and runs without it, so rebuild it after every
# `mvn package`. The JVM writes that warning to standard output by default, where it would corrupt a report
# written to stdout: -Xlog:disable -Xlog:all=warning:stderr sends JVM warnings to stderr instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=${1:-target/roleplan.jar}
ARCHIVE=${2:-target/roleplan.jsa}
PLAN=${3:-testdata/example/plan.json}

[ -f "$JAR" ] || { echo "cds: $JAR missing; build it with: mvn -q -DskipTests package" >&2; exit 1; }
[ -f "$PLAN" ] || { echo "cds: training plan $PLAN missing" >&2; exit 1; }

rm -f "$ARCHIVE"
# A training run that loads what a check loads: the CLI, the plan reader, the resolver, every rule, the
# IAM data and the report writers (lambda proxies included). Exit 1 only means the plan has findings.
set +e
java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$JAR" check "$PLAN" --format json --output /dev/null 2>/tmp/roleplan-cds.$$.log
rc=$?
set -e
if [ "$rc" -gt 1 ] || [ ! -s "$ARCHIVE" ]; then
    echo "cds: the training run failed (exit $rc):" >&2
    tail -n 5 /tmp/roleplan-cds.$$.log >&2
    rm -f /tmp/roleplan-cds.$$.log
    exit 1
fi
rm -f /tmp/roleplan-cds.$$.log
echo "cds: wrote $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)); use it with:"
echo "  export JDK_JAVA_OPTIONS=\"-XX:SharedArchiveFile=$ARCHIVE -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr\""
