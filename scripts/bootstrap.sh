#!/usr/bin/env bash
# Brings Node 22 and pnpm from the npm registry when the machine's Node is older.
# Source it (`. scripts/bootstrap.sh`) so PATH changes stay in the caller's shell.
# On a machine that already has Node >= 22 and pnpm it does nothing.
# Being sourced, it must leave the caller's shell options as it found them: a caller
# running with `set -e` has to stay that way, or its later failures would go unnoticed.
case $- in *e*) _custos_errexit=1 ;; *) _custos_errexit=0 ;; esac
set -e
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_version=22.23.3
pnpm_version=10.34.9
tools_bin="$root/.tools/node_modules/.bin"

node_major() { node -v 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }

if [ -x "$tools_bin/node" ]; then
  export PATH="$tools_bin:$PATH"
fi
if [ "$(node_major)" -lt 22 ] || ! command -v pnpm >/dev/null 2>&1; then
  echo "bootstrap: installing node@$node_version and pnpm@$pnpm_version into .tools/" >&2
  npm i --no-save --prefix "$root/.tools" "node@$node_version" "pnpm@$pnpm_version" >&2
  export PATH="$tools_bin:$PATH"
fi
# `pnpm -v` alone takes seconds on a busy machine (it loads all of pnpm): name the one
# found instead of asking it.
echo "bootstrap: node $(node -v), pnpm $(command -v pnpm)" >&2
if [ "$_custos_errexit" = 0 ]; then set +e; fi
unset _custos_errexit
