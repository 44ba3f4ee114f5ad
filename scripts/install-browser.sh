#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's chromium (never a downloaded browser); the
# CJK font lets Chinese screens render in screenshots. Does nothing when chromium is there.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  echo "install-browser: installing chromium and fonts-wqy-microhei (Debian packages)" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
