#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine (Node 22 and pnpm when missing,
# the locked packages, Debian's Chromium and a CJK font for the dashboard's browser
# tests) and runs every test: type checks, schema checks, server and dashboard suites.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
set -euo pipefail
pnpm install --frozen-lockfile

# The browser tests drive Debian's chromium (never a downloaded browser); the CJK font
# lets Chinese screens render in screenshots.
if [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  echo "test: installing chromium and fonts-wqy-microhei (Debian packages)" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi

pnpm test
