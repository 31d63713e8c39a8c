#!/usr/bin/env bash
# Generates the Python SDK of this package from schema.json and installs it, with PyPI's `pulumi`,
# into a virtual environment. Prints, as its last line, the absolute path of that environment: put
# its bin/ first on PATH (or `source <venv>/bin/activate`) before running `pulumi` on a Python
# program.
#
#   bash scripts/python-sdk.sh            # venv cached under ~/.cache/apiidentity/python/
#   bash scripts/python-sdk.sh --sdk DIR  # only write the generated SDK to DIR
#
# The SDK comes from `pulumi package gen-sdk schema.json --language python`. A Python language host
# that cannot generate (the one scripts/engine.sh builds from sdk/v3@v3.68.0 predates that call)
# falls back to the same generator built from the Pulumi CLI's own Go module (scripts/pulumi-codegen.sh).
# The venv is keyed by the schema's content and the `pulumi` version, so it is made once per change.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
schema="$here/schema.json"
log() { echo "python-sdk: $*" >&2; }

# The PyPI `pulumi` matches the CLI and @pulumi/pulumi we pin (package.json).
V=${PULUMI_ENGINE_VERSION:-$(node -p "require('$here/package.json').devDependencies?.['@pulumi/pulumi'] ?? require('$here/package.json').dependencies['@pulumi/pulumi']" 2>/dev/null || echo 3.259.0)}
V=${V#^}; V=${V#~}
PY_PULUMI=${APIIDENTITY_PYTHON_PULUMI:-$V}
PYTHON=${APIIDENTITY_PYTHON:-python3}
cache=${APIIDENTITY_PYTHON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/apiidentity/python}

# Writes the SDK of schema.json to $1.
generate() {
  local out=$1 bin
  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  if bin=$(command -v pulumi 2>/dev/null) && "$bin" package gen-sdk "$schema" --language python --out "$out.gen" >/dev/null 2>"$out.err" \
    && [ -f "$out.gen/python/pulumi_apiidentity/__init__.py" ]; then
    mv "$out.gen/python" "$out"; rm -rf "$out.gen" "$out.err"; return 0
  fi
  [ -f "$out.err" ] && log "pulumi package gen-sdk: $(tr '\n' ' ' < "$out.err")— using scripts/pulumi-codegen"
  rm -rf "$out.gen" "$out.err"
  bash "$here/scripts/pulumi-codegen.sh" python "$out"
}

if [ "${1:-}" = "--sdk" ]; then
  [ -n "${2:-}" ] || { log "usage: python-sdk.sh --sdk DIR"; exit 2; }
  generate "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  echo "$2"
  exit 0
fi

key=$( (cat "$schema"; echo "$PY_PULUMI") | sha256sum | cut -c1-12)
venv="$cache/venv-$key"
if [ -f "$venv/.ready" ]; then echo "$venv"; exit 0; fi

t0=$SECONDS
rm -rf "$venv" "$venv.sdk"
generate "$venv.sdk"
log "creating $venv with pulumi==$PY_PULUMI and the generated SDK (pip, from PyPI)"
"$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pulumi==$PY_PULUMI" "$venv.sdk" >&2
rm -rf "$venv.sdk"
touch "$venv/.ready"
log "ready in $((SECONDS - t0))s"
echo "$venv"
