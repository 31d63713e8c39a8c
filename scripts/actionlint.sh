#!/usr/bin/env bash
# Checks every GitHub Actions workflow (.github/workflows/*.yml, *.yaml, and the examples' own,
# examples/*/.github/workflows/) with actionlint. The
# actionlint binary is an actionlint of the pinned version on PATH, else one built once from the Go
# module proxy (github.com/rhysd/actionlint) and cached, as scripts/engine.sh caches the engine; no
# binary is downloaded.
#
#   bash scripts/actionlint.sh         # build if needed, then check the workflows
#   bash scripts/actionlint.sh --bin   # build if needed, print the binary's path
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
V=${APIIDENTITY_ACTIONLINT_VERSION:-v1.7.12}
cache=${APIIDENTITY_ACTIONLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/apiidentity/actionlint-$V}
bin="$cache/actionlint"
log() { echo "actionlint: $*" >&2; }

# An actionlint of the pinned version on PATH serves as well (as a pulumi on PATH does for engine.sh).
if onpath=$(command -v actionlint 2>/dev/null) && [ "$("$onpath" -version 2>/dev/null | head -n 1)" = "$V" ]; then
  bin=$onpath
elif ! { [ -x "$bin" ] && "$bin" -version >/dev/null 2>&1; }; then
  command -v go >/dev/null || { log "no actionlint $V on PATH or in $cache, and no Go toolchain to build it: install Go >= 1.25 (or actionlint $V) and run again"; exit 1; }
  log "building github.com/rhysd/actionlint/cmd/actionlint@$V from the Go module proxy (first time only)"
  t0=$SECONDS
  mkdir -p "$cache"
  gobin=$(mktemp -d)
  trap 'rm -rf "$gobin"' EXIT
  GOTOOLCHAIN=local GOFLAGS="-buildvcs=false" CGO_ENABLED=0 GOBIN="$gobin" \
    go install -trimpath -ldflags "-s -w" "github.com/rhysd/actionlint/cmd/actionlint@$V" >&2
  mv "$gobin/actionlint" "$bin.tmp$$"
  mv "$bin.tmp$$" "$bin"
  log "built in $((SECONDS - t0))s: $bin"
fi

if [ "${1:-}" = "--bin" ]; then echo "$bin"; exit 0; fi

cd "$here"
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml examples/*/.github/workflows/*.yml examples/*/.github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then log "no workflows in .github/workflows"; exit 0; fi
# actionlint also checks the run: scripts with shellcheck (and pyflakes) when on PATH, its default;
# GitHub's Ubuntu runners have shellcheck.
"$bin" -no-color "${workflows[@]}"
log "${#workflows[@]} workflow(s) pass: ${workflows[*]}"
