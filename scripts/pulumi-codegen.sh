#!/usr/bin/env bash
# Writes the SDK of schema.json for one language with the code generator of the pinned Pulumi CLI's
# own Go module (scripts/pulumi-codegen), built once and cached. For language hosts that cannot
# generate: those scripts/engine.sh builds from sdk/v3@v3.68.0 predate `pulumi package gen-sdk`.
#
#   bash scripts/pulumi-codegen.sh python|nodejs OUTDIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/pulumi-gomod.sh"
log() { echo "pulumi-codegen: $*" >&2; }
[ $# -eq 2 ] && { [ "$1" = python ] || [ "$1" = nodejs ]; } || { log "usage: pulumi-codegen.sh python|nodejs OUTDIR"; exit 2; }

V=${PULUMI_ENGINE_VERSION:-$(node -p "require('$here/package.json').devDependencies?.['@pulumi/pulumi'] ?? require('$here/package.json').dependencies['@pulumi/pulumi']" 2>/dev/null || echo 3.259.0)}
V=${V#^}; V=${V#~}
cache=${APIIDENTITY_CODEGEN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/apiidentity/codegen}
gen="$cache/pulumi-codegen-v$V-$(sha256sum "$here/scripts/pulumi-codegen/main.go" | cut -c1-8)"

if [ ! -x "$gen" ]; then
  command -v go >/dev/null || { log "no Go toolchain to build scripts/pulumi-codegen: install Go >= 1.25, or a Pulumi CLI whose language hosts generate SDKs"; exit 1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp "$here/scripts/pulumi-codegen/main.go" "$work/"
  pulumi_gomod apiidentity.invalid/pulumi-codegen "$V" > "$work/go.mod"
  log "building the SDK generators from github.com/pulumi/pulumi/pkg/v3@v$V (first time only)"
  mkdir -p "$cache"
  (cd "$work" && GOTOOLCHAIN=local GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$gen.tmp$$" . >&2)
  mv "$gen.tmp$$" "$gen"
fi
rm -rf "$2"
"$gen" "$1" "$here/schema.json" "$2"
