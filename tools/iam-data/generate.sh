#!/usr/bin/env bash
# Regenerates roleplan's bundled IAM data from the versions pinned in package-lock.json.
# Needs node and npm and the npm registry; the build and the tests never run this.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
node extract.mjs
