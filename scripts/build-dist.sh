#!/usr/bin/env bash
# Compiles the package into dist/ and builds the bundles of dist/provider/bundles/ from it
# (scripts/bundle.mjs). Every command that builds dist/ for running goes through here, so a bundle
# is never older than the modules it is made of.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
tsc -p tsconfig.build.json
node scripts/bundle.mjs
