#!/usr/bin/env bash
# Differential test of roleplan's HCL parser against HashiCorp's (through @cdktf/hcl2json).
# Builds the corpus (every .tf under testdata/hcl plus seeded mutants), parses it with HashiCorp's parser in
# node, then runs HclDifferentialTest, which parses the same files with ours and fails on any disagreement.
# Exits non-zero on disagreement. Set MVN_FLAGS to change the Maven flags (default: -q -o).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/target/hcl-diff"

cd "$here"
if [ ! -d node_modules/@cdktf/hcl2json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mapfile -t fixtures < <(find "$root/testdata/hcl" -name '*.tf' | LC_ALL=C sort)
node hcl2json.js "$out" "${fixtures[@]}"

cd "$root"
# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--q -o} test -Dtest=HclDifferentialTest -Dhcl.diff.dir="$out" -Dhcl.diff.required=true \
  -Dsurefire.failIfNoSpecifiedTests=false
echo "report: $out/report.txt"
