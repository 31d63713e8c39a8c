#!/usr/bin/env bash
# Makes sure a Pulumi CLI, the Node.js, YAML and Python language hosts (with the Python host's exec
# script) and the dynamic-provider shim exist, without downloading any binary: a matching `pulumi` on
# PATH with those hosts, else a cached build, else a build from the Go modules (a cache that lacks
# only some hosts builds only those). Prints, as its last line, the absolute bin directory that holds
# them all.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/pulumi-gomod.sh"
V=${PULUMI_ENGINE_VERSION:-$(node -p "require('$here/package.json').devDependencies?.['@pulumi/pulumi'] ?? require('$here/package.json').dependencies['@pulumi/pulumi']" 2>/dev/null || echo 3.259.0)}
V=${V#^}; V=${V#~}
cache=${APIIDENTITY_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/apiidentity/pulumi-v$V}
log() { echo "engine: $*" >&2; }

# Runs a build step ("$@", output to stderr) and, while it runs, logs the step and the elapsed time
# every $every seconds: the first build takes minutes and must not look hung.
every=${APIIDENTITY_ENGINE_PROGRESS_SECONDS:-15}
step() {
  local name=$1; shift
  local t0=$SECONDS next=$((SECONDS + every)) pid code=0
  log "$name"
  "$@" >&2 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS >= next )) && kill -0 "$pid" 2>/dev/null; then
      log "$name: still running, $((SECONDS - t0))s for this step, $((SECONDS - begun))s in all"
      next=$((SECONDS + every))
    fi
  done
  wait "$pid" || code=$?
  if (( code != 0 )); then log "$name: failed (exit $code) after $((SECONDS - t0))s"; return "$code"; fi
  log "$name: done in $((SECONDS - t0))s"
}

write_shim() {
  # The engine starts this with the program directory as cwd. Resolve the SDK from there first
  # (as Pulumi's own script does), then fall back to this checkout's node_modules.
  local bin=$1
  cat > "$bin/pulumi-resource-pulumi-nodejs.tmp" <<SHIM
#!/bin/sh
NM="$here/node_modules"
P=\$(node -e "try{console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))}catch{}" 2>/dev/null)
if [ -z "\$P" ]; then
  P="\$NM/@pulumi/pulumi/cmd/dynamic-provider/index.js"
  export NODE_PATH="\$NM\${NODE_PATH:+:\$NODE_PATH}"
fi
exec node "\$P" "\$@"
SHIM
  chmod +x "$bin/pulumi-resource-pulumi-nodejs.tmp"
  mv "$bin/pulumi-resource-pulumi-nodejs.tmp" "$bin/pulumi-resource-pulumi-nodejs"
}

version_ok() { [ -x "$1" ] && [ "$("$1" version 2>/dev/null)" = "v$V" ]; }

# The language hosts a bin dir must hold. The Python host we build runs its exec script, which it
# looks for beside itself (a release's own Python host brings what it needs).
HOSTS="pulumi-language-nodejs pulumi-language-yaml pulumi-language-python"
hosts_in() { local h; for h in $HOSTS ${2:-}; do [ -x "$1/$h" ] || return 1; done; }

# 1. pulumi on PATH with the pinned version, and its language hosts beside it.
if onpath=$(command -v pulumi 2>/dev/null) && version_ok "$onpath"; then
  dir=$(dirname "$(readlink -f "$onpath")")
  if hosts_in "$dir" && [ -w "$dir" ]; then write_shim "$dir"; echo "$dir"; exit 0; fi
fi

# 2. cached build
if version_ok "$cache/bin/pulumi" && hosts_in "$cache/bin" pulumi-language-python-exec; then
  write_shim "$cache/bin"; echo "$cache/bin"; exit 0
fi

# 3. build from the Go modules
if ! command -v go >/dev/null; then
  cat >&2 <<MSG
engine: no Pulumi CLI v$V found and no Go toolchain to build one.
engine: install Pulumi v$V (https://www.pulumi.com/docs/install/) and put it on PATH,
engine: or install Go >= 1.25 and run 'npm run engine' again to build it from source.
MSG
  exit 1
fi
begun=$SECONDS
mkdir -p "$cache/bin"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0
ldf="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$V"
if ! version_ok "$cache/bin/pulumi"; then
  log "building Pulumi CLI v$V from Go modules (first time only; takes a few minutes)"
  mkdir -p "$work/cli" && cd "$work/cli"
  pulumi_gomod apiidentity.invalid/pulumi-build "$V" > go.mod
  step "[1/5] downloading the Go modules of Pulumi v$V" go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$V"
  step "[2/5] compiling the Pulumi CLI" go build -trimpath -tags osusergo,grpcnotrace -ldflags "$ldf" -o "$cache/bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  mv "$cache/bin/pulumi.tmp" "$cache/bin/pulumi"
fi
# The Node.js and Python language hosts are their own Go modules with no tagged release, and the
# module proxy does not serve them by commit. Until v3.68.0 both lived inside the sdk/v3 module, which
# the proxy does serve: those hosts speak the same LanguageRuntime protocol and run the @pulumi/pulumi
# and the PyPI `pulumi` we install.
LH_SDK=${PULUMI_LANGUAGE_HOST_SDK:-v3.68.0}
lh_module() {
  mkdir -p "$work/lh" && cd "$work/lh"
  [ -f go.mod ] || printf 'module apiidentity.invalid/language-host\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 %s\n' "$LH_SDK" > go.mod
}
if [ ! -x "$cache/bin/pulumi-language-nodejs" ]; then
  lh_module
  step "[3/5] building pulumi-language-nodejs from github.com/pulumi/pulumi/sdk/v3@$LH_SDK" \
    go build -trimpath -ldflags "-s -w" -o "$cache/bin/pulumi-language-nodejs.tmp$$" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
  mv "$cache/bin/pulumi-language-nodejs.tmp$$" "$cache/bin/pulumi-language-nodejs"
fi
if [ ! -x "$cache/bin/pulumi-language-yaml" ]; then
  # pulumi-yaml is served by the proxy with tags. It is built against the Pulumi packages its own
  # go.mod names (v1.25.0: pkg/sdk v3.206.0; their plugin API differs from v3.259's): a separate
  # binary talking to the CLI over gRPC, so the versions need not match.
  YAML_V=${PULUMI_YAML_VERSION:-v1.25.0}
  mkdir -p "$work/yaml" && cd "$work/yaml"
  printf 'module apiidentity.invalid/yaml-host\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi-yaml %s\n' "$YAML_V" > go.mod
  step "[4/5] building pulumi-language-yaml from github.com/pulumi/pulumi-yaml@$YAML_V" \
    go build -trimpath -ldflags "-s -w" -o "$cache/bin/pulumi-language-yaml.tmp$$" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
  mv "$cache/bin/pulumi-language-yaml.tmp$$" "$cache/bin/pulumi-language-yaml"
fi
if [ ! -x "$cache/bin/pulumi-language-python" ] || [ ! -x "$cache/bin/pulumi-language-python-exec" ]; then
  lh_module
  step "[5/5] building pulumi-language-python from github.com/pulumi/pulumi/sdk/v3@$LH_SDK" \
    go build -trimpath -ldflags "-s -w" -o "$cache/bin/pulumi-language-python.tmp$$" github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python
  # Its exec script (Python, not Go) ships in the same module: copy it from the module cache.
  sdkdir=$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)
  [ -f "$sdkdir/python/cmd/pulumi-language-python-exec" ] || { log "no python/cmd/pulumi-language-python-exec in github.com/pulumi/pulumi/sdk/v3@$LH_SDK ($sdkdir)"; exit 1; }
  install -m 0755 "$sdkdir/python/cmd/pulumi-language-python-exec" "$cache/bin/pulumi-language-python-exec.tmp$$"
  mv "$cache/bin/pulumi-language-python-exec.tmp$$" "$cache/bin/pulumi-language-python-exec"
  mv "$cache/bin/pulumi-language-python.tmp$$" "$cache/bin/pulumi-language-python"
fi
log "built in $((SECONDS - begun))s"
version_ok "$cache/bin/pulumi" || { log "built pulumi does not report v$V"; exit 1; }
write_shim "$cache/bin"
echo "$cache/bin"
