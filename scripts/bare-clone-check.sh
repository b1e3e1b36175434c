#!/usr/bin/env bash
# Clones the repository's HEAD into an empty temporary folder, with nothing beside it, and runs the
# README's install and the unit tests there: a test that reads something outside the repository
# (a folder only the team's machines have) fails here rather than on a user's clone.
set -euo pipefail

source_repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

git clone --quiet --no-local "$source_repo" "$scratch/mentorlog"
cd "$scratch/mentorlog"
echo "bare clone of $(git rev-parse --short HEAD) in $scratch/mentorlog; beside it: $(ls -A "$scratch" | tr '\n' ' ')"
npm ci --prefer-offline --no-audit --no-fund
npm run test:unit
