#!/usr/bin/env bash
# Installs everything and runs every test (type checks, schema check, integration tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
pnpm install --frozen-lockfile
pnpm test
