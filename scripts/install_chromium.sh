#!/bin/sh
# Install Debian's chromium for the dashboard's browser tests when it is missing; quiet and idempotent.
set -eu
[ -x /usr/bin/chromium ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "install_chromium.sh: /usr/bin/chromium still missing" >&2; exit 1; }
