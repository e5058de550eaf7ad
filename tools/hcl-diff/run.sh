#!/usr/bin/env bash
# Differential test of roleplan's HCL parser against HashiCorp's (through @cdktf/hcl2json).
#
#   tools/hcl-diff/run.sh                builds the corpus, then runs HclDifferentialTest with Maven
#   tools/hcl-diff/run.sh --corpus-only  builds the corpus only; a later `mvn test -Dhcl.diff.required=true`
#                                        then runs the comparison as part of the whole suite
#
# The corpus is every .tf under testdata/hcl plus seeded mutants, parsed by HashiCorp's parser in node and
# written to target/hcl-diff/. HclDifferentialTest parses the same files with ours and fails on any disagreement
# in accept/reject, block structure or literal values. Exits non-zero on disagreement.
# MVN_FLAGS sets the Maven flags (default -q; use "-q -o" offline once ~/.m2 holds the build's plugins).
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
if [ "${1:-}" = "--corpus-only" ]; then
  exit 0
fi

cd "$root"
# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--q} test -Dtest=HclDifferentialTest -Dhcl.diff.dir="$out" -Dhcl.diff.required=true \
  -Dsurefire.failIfNoSpecifiedTests=false
echo "report: $out/report.txt"
