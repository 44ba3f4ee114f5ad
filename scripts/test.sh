#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine (Node 22 and pnpm when missing,
# the locked packages, Debian's Chromium and a CJK font for the dashboard's browser
# tests) and runs every test: type checks, schema checks, server and dashboard suites.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
set -euo pipefail
pnpm install --frozen-lockfile

./scripts/install-browser.sh

pnpm test
