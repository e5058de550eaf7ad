#!/usr/bin/env bash
# Benchmark harness for roleplan on generated plans. Run by hand, not by CI:
#
#   tools/bench/run.sh                 # 10MB 100MB 1GB
#   tools/bench/run.sh 10MB 100MB      # chosen sizes
#   REPEAT=5 ROLEPLAN_JAVA_OPTS=-Xmx1g tools/bench/run.sh 1GB
#
# For each size: generates the plan (tools/gen-plan, cached by seed, size and generator version), then runs
#   floor     a raw Jackson streaming pass that only tokenizes the file (tools/bench/RawTokenize.java)
#   roleplan  java -jar target/roleplan.jar check FILE --format json --output /dev/null
# Also start-up (roleplan --version), a small plan end to end, and `roleplan check DIR` on 1,000 generated .tf
# files (HCL mode; the tree comes from tools/hcl-bench/run.sh).
# The options bin/roleplan uses: ROLEPLAN_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" FLOOR_JAVA_OPTS=" "
# REPEAT times each and reports the median wall time, CPU time (user+sys) and peak RSS measured by GNU time,
# and the ratio roleplan/floor. Also start-up (roleplan --version) and a small plan end to end.
#
# Environment:
#   REPEAT              runs per measurement, median reported (default 3)
#   SEED                generator seed (default 42)
#   TASK_DEFS_PER_10MB  ECS task definitions per 10 MB of plan (gen-plan's default 10, ~3% of the bytes ECS/IAM;
#                       1 gives a plan whose ECS/IAM part is 0.4% of the bytes, as in a big mixed monorepo)
#   ROLEPLAN_JAR        jar to measure (default target/roleplan.jar; built with mvn if missing)
#   ROLEPLAN_JAVA_OPTS  JVM options for roleplan, e.g. -Xmx1g (default none)
#   FLOOR_JAVA_OPTS     JVM options for the floor (default: ROLEPLAN_JAVA_OPTS, so both get the same heap)
#   PLAN_CACHE          where generated plans are kept (default ${TMPDIR:-/tmp}/roleplan-bench-plans)
#   BENCH_OUT           where results go (default bench-out/, gitignored)
#   MVN_ARGS            arguments for building the jar (default: -q -DskipTests package)
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)

REPEAT=${REPEAT:-3}
SEED=${SEED:-42}
TASK_DEFS_PER_10MB=${TASK_DEFS_PER_10MB:-}
ROLEPLAN_JAR=${ROLEPLAN_JAR:-target/roleplan.jar}
ROLEPLAN_JAVA_OPTS=${ROLEPLAN_JAVA_OPTS:-}
FLOOR_JAVA_OPTS=${FLOOR_JAVA_OPTS:-$ROLEPLAN_JAVA_OPTS}
PLAN_CACHE=${PLAN_CACHE:-${TMPDIR:-/tmp}/roleplan-bench-plans}
BENCH_OUT=${BENCH_OUT:-bench-out}
MVN_ARGS=${MVN_ARGS:--q -DskipTests package}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(10MB 100MB 1GB)
fi

die() { echo "bench: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------------------
if ! /usr/bin/time --version 2>&1 | grep -q "GNU"; then
    die "GNU time (/usr/bin/time) is missing; install it with: apt-get update && apt-get install -y time"
fi
command -v java >/dev/null || die "java not found on PATH"
command -v javac >/dev/null || die "javac not found on PATH (a JDK 17+ is needed)"

mkdir -p "$BENCH_OUT/classes" "$PLAN_CACHE"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$BENCH_OUT/results-$STAMP.txt"
TSV="$BENCH_OUT/results-$STAMP.tsv"
LOGDIR="$BENCH_OUT/logs-$STAMP"
mkdir -p "$LOGDIR"

JACKSON_VERSION=$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' pom.xml | head -n1)
[ -n "$JACKSON_VERSION" ] || die "cannot read <jackson.version> from pom.xml"
M2=${M2_REPO:-$HOME/.m2/repository}
JACKSON_CORE="$M2/com/fasterxml/jackson/core/jackson-core/$JACKSON_VERSION/jackson-core-$JACKSON_VERSION.jar"
[ -f "$JACKSON_CORE" ] || die "jackson-core $JACKSON_VERSION not found at $JACKSON_CORE (run mvn -DskipTests package once)"

if [ ! -f "$ROLEPLAN_JAR" ]; then
    [ "$ROLEPLAN_JAR" = target/roleplan.jar ] || die "ROLEPLAN_JAR=$ROLEPLAN_JAR does not exist"
    echo "bench: $ROLEPLAN_JAR missing, building: mvn $MVN_ARGS" >&2
    # shellcheck disable=SC2086
    mvn $MVN_ARGS || echo "bench: the build failed; roleplan runs will be reported as failed" >&2
fi

# Compile the generator and the floor once: with the source launcher every run would also pay javac.
GEN_SRC=tools/gen-plan/GenPlan.java
GEN_VERSION=$(sha256sum "$GEN_SRC" | cut -c1-10)
javac -nowarn -d "$BENCH_OUT/classes" "$GEN_SRC" 2>"$LOGDIR/javac-gen.txt" || die "GenPlan.java does not compile: see $LOGDIR/javac-gen.txt"
javac -nowarn -cp "$JACKSON_CORE" -d "$BENCH_OUT/classes" tools/bench/RawTokenize.java 2>"$LOGDIR/javac-floor.txt" \
    || die "RawTokenize.java does not compile: see $LOGDIR/javac-floor.txt"

# --- measurement -------------------------------------------------------------------------------------
# measure NAME CMD... : runs CMD REPEAT times under GNU time; sets M_WALL M_CPU M_RSS (medians) and M_STATUS.
# Exit codes 0 and 1 count as success (roleplan exits 1 when it has findings).
measure() {
    local name=$1; shift
    local walls=() cpus=() rsss=()
    M_STATUS=ok
    for ((i = 1; i <= REPEAT; i++)); do
        local tf="$LOGDIR/$name.$i.time" err="$LOGDIR/$name.$i.stderr"
        set +e
        /usr/bin/time -f '%e %U %S %M %x' -o "$tf" "$@" >"$LOGDIR/$name.$i.stdout" 2>"$err"
        local rc=$?
        set -e
        local line
        line=$(tail -n1 "$tf")
        if [ "$rc" -gt 1 ] || ! [[ "$line" =~ ^[0-9] ]]; then
            M_STATUS="failed (exit $rc)"
            echo "bench: $name failed (exit $rc): $*" >&2
            tail -n 5 "$err" | sed 's/^/bench:   /' >&2
            return 0
        fi
        read -r wall user sys rss _ <<<"$line"
        walls+=("$wall")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
        rsss+=("$rss")
    done
    M_WALL=$(median "${walls[@]}")
    M_CPU=$(median "${cpus[@]}")
    M_RSS=$(awk -v k="$(median "${rsss[@]}")" 'BEGIN { printf "%.0f", k / 1024 }')
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'
}

ROWS=()
row() { ROWS+=("$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s' "$@")"); }

# shellcheck disable=SC2206
RP_OPTS=($ROLEPLAN_JAVA_OPTS)
# shellcheck disable=SC2206
FL_OPTS=($FLOOR_JAVA_OPTS)

plan_for() { # SIZE-or-small: sets PLAN to the cached plan (generated if missing) and GEN_NOTE
    local size=$1 file
    local density=""
    if [ -n "$TASK_DEFS_PER_10MB" ] && [ "$size" != small ]; then density="-td$TASK_DEFS_PER_10MB"; fi
    file="$PLAN_CACHE/plan-seed$SEED-$size$density-$GEN_VERSION.json"
    GEN_NOTE="cached"
    if [ ! -s "$file" ]; then
        local args=(--seed "$SEED" --out "$file.tmp")
        if [ "$size" = small ]; then args+=(--small); else args+=(--size "$size"); fi
        if [ -n "$density" ]; then args+=(--task-defs-per-10mb "$TASK_DEFS_PER_10MB"); fi
        /usr/bin/time -f '%e %U %S %M' -o "$LOGDIR/gen-$size.time" \
            java -cp "$BENCH_OUT/classes" GenPlan "${args[@]}" 2>"$LOGDIR/gen-$size.stderr" \
            || { cat "$LOGDIR/gen-$size.stderr" >&2; die "generating $size failed"; }
        mv "$file.tmp" "$file"
        read -r wall user sys rss < <(tail -n1 "$LOGDIR/gen-$size.time")
        GEN_NOTE="generated in ${wall}s (cpu $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')s, rss $((rss / 1024))MB)"
    fi
    PLAN=$file
}

echo "roleplan benchmark $STAMP on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); REPEAT=$REPEAT SEED=$SEED${TASK_DEFS_PER_10MB:+ TASK_DEFS_PER_10MB=$TASK_DEFS_PER_10MB}" | tee "$RESULTS"
echo "java: $(java -version 2>&1 | head -n1); roleplan opts: '${ROLEPLAN_JAVA_OPTS}'; floor opts: '${FLOOR_JAVA_OPTS}'" | tee -a "$RESULTS"

# start-up and a small plan end to end
measure startup java "${RP_OPTS[@]}" -jar "$ROLEPLAN_JAR" --version
row "-" "roleplan --version" "${M_WALL:--}" "${M_CPU:--}" "${M_RSS:--}" "-" "$M_STATUS"
unset M_WALL M_CPU M_RSS
plan_for small
echo "plan small: $PLAN ($(stat -c %s "$PLAN") bytes, $GEN_NOTE)" | tee -a "$RESULTS"
measure small-roleplan java "${RP_OPTS[@]}" -jar "$ROLEPLAN_JAR" check "$PLAN" --format json --output /dev/null
row "small" "roleplan check" "${M_WALL:--}" "${M_CPU:--}" "${M_RSS:--}" "-" "$M_STATUS"
unset M_WALL M_CPU M_RSS

# HCL mode: one root module of 1,000 generated .tf files (tools/hcl-bench writes them, and times the parser alone)
HCL_TREE=target/hcl-bench/files
if [ ! -d "$HCL_TREE" ]; then
    bash tools/hcl-bench/run.sh >"$LOGDIR/hcl-bench.txt" 2>&1 || echo "bench: tools/hcl-bench/run.sh failed: see $LOGDIR/hcl-bench.txt" >&2
fi
if [ -d "$HCL_TREE" ]; then
    echo "tree hcl1000: $HCL_TREE ($(find "$HCL_TREE" -name '*.tf' | wc -l) files, $(du -sk "$HCL_TREE" | cut -f1) KB)" | tee -a "$RESULTS"
    measure hcl1000-roleplan java "${RP_OPTS[@]}" -jar "$ROLEPLAN_JAR" check "$HCL_TREE" --format json --output /dev/null
    row "hcl1000" "roleplan check DIR" "${M_WALL:--}" "${M_CPU:--}" "${M_RSS:--}" "-" "$M_STATUS"
    unset M_WALL M_CPU M_RSS
fi

for size in "${SIZES[@]}"; do
    plan_for "$size"
    echo "plan $size: $PLAN ($(stat -c %s "$PLAN") bytes, $GEN_NOTE)" | tee -a "$RESULTS"
    measure "$size-floor" java "${FL_OPTS[@]}" -cp "$BENCH_OUT/classes:$JACKSON_CORE" RawTokenize "$PLAN"
    F_WALL=${M_WALL:-0} F_CPU=${M_CPU:-0} F_STATUS=$M_STATUS
    row "$size" "floor (jackson tokenize)" "${M_WALL:--}" "${M_CPU:--}" "${M_RSS:--}" "-" "$M_STATUS"
    unset M_WALL M_CPU M_RSS
    # plans above the default 512 MB input limit need it raised, as a user would
    measure "$size-roleplan" java "${RP_OPTS[@]}" -jar "$ROLEPLAN_JAR" check "$PLAN" --max-input-size 4g --format json --output /dev/null
    if [ "$M_STATUS" = ok ] && [ "$F_STATUS" = ok ]; then
        row "$size" "roleplan check" "$M_WALL" "$M_CPU" "$M_RSS" "$(ratio "$M_WALL" "$F_WALL") / $(ratio "$M_CPU" "$F_CPU")" ok
    else
        row "$size" "roleplan check" "${M_WALL:--}" "${M_CPU:--}" "${M_RSS:--}" "-" "$M_STATUS"
    fi
    unset M_WALL M_CPU M_RSS
done

{
    echo
    printf '%-7s %-26s %9s %9s %10s %16s  %s\n' size tool "wall s" "cpu s" "RSS MB" "wall/cpu ratio" status
    for r in "${ROWS[@]}"; do
        IFS=$'\t' read -r s t w c m q st <<<"$r"
        printf '%-7s %-26s %9s %9s %10s %16s  %s\n' "$s" "$t" "$w" "$c" "$m" "$q" "$st"
    done
    echo
    echo "ratio = roleplan / floor on the same file (wall / cpu). Logs: $LOGDIR"
} | tee -a "$RESULTS"
printf 'size\ttool\twall_s\tcpu_s\trss_mb\tratio\tstatus\n' >"$TSV"
printf '%s\n' "${ROWS[@]}" >>"$TSV"
echo "results: $RESULTS and $TSV"
