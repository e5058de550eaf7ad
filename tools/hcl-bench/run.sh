#!/usr/bin/env bash
# Times the HCL parser: 1,000 generated .tf files, and single files of 0.25 to 2 MB. Prints numbers; asserts nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--q} test-compile
java -cp target/classes:target/test-classes dev.roleplan.input.hcl.syntax.ParseBenchmark testdata/hcl target/hcl-bench
