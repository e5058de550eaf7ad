#!/usr/bin/env bash
# Validates action.yml and the example workflows in docs/github-action.md with the published
# @action-validator schemas. Installs exactly the locked versions (npm ci), then validates.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node validate.mjs "$root/action.yml" "$root/docs/github-action.md"
