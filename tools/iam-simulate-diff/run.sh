#!/usr/bin/env bash
# Differential test of roleplan's policy evaluator against @cloud-copilot/iam-simulate (issue 3 item 5).
# iam-simulate is AGPL-3.0: it is installed here by npm for this test only and never bundled or shipped.
#
# usage: tools/iam-simulate-diff/run.sh [SEED] [EXACT] [CONDITIONAL]   (defaults: 20261122 10000 2000)
# env:   MVN_FLAGS (default "-q"; add -o to build offline)
# Exit status 0 when all cases agree.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seed="${1:-20261122}"
exact="${2:-10000}"
conditional="${3:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

cd "$root"
# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--q} test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
java -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" dev.roleplan.iam.DifferentialCases \
    "$seed" "$exact" "$conditional" "$work/cases.jsonl"
node "$here/compare.mjs" "$work/cases.jsonl"
