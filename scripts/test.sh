#!/usr/bin/env bash
# `npm test`: lint, typecheck, build, generated files up to date, then every test (unit,
# integration, end-to-end through the real pulumi CLI). Ends with one "N passed, N failed" line.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
nodebin=$(bash scripts/node22.sh)
export PATH="$nodebin:$here/node_modules/.bin:$PATH"

echo "== lint"; eslint .
echo "== typecheck"; tsc -p tsconfig.json --noEmit
echo "== build"; bash scripts/build-dist.sh; node scripts/gen-plugin-sdk.mjs --build
echo "== examples typecheck"; tsc -p examples/tsconfig.json
echo "== generated files"; node scripts/gen-schema.mjs --check; node scripts/gen-docs.mjs --check; node scripts/gen-audit-schema.mjs --check; node scripts/gen-plugin-sdk.mjs --check
echo "== workflows"; bash scripts/actionlint.sh
echo "== engine"
APIIDENTITY_ENGINE_BIN=$(bash scripts/engine.sh | tail -n 1)
export APIIDENTITY_ENGINE_BIN
echo "$APIIDENTITY_ENGINE_BIN"

echo "== tests"
report=$(mktemp)
set +e
vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
code=$?
set -e
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$report" || true
rm -f "$report"
exit $code
