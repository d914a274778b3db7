#!/bin/sh
# Run first by `pnpm test`: the browser end-to-end tests drive Debian's Chromium at
# /usr/bin/chromium (never a downloaded browser). When it is missing, install it with
# apt-get (as root, or through sudo); when neither is possible, say what to do and fail.
# PARALLAX_SKIP_CHROMIUM=1 skips the check (e.g. to run only the unit suites without it).
set -eu
CHROMIUM=/usr/bin/chromium
[ "${PARALLAX_SKIP_CHROMIUM:-}" = 1 ] && exit 0
[ -x "$CHROMIUM" ] && exit 0

echo "ensure-chromium: $CHROMIUM not found; installing Debian's chromium package" >&2
if [ "$(id -u)" = 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=sudo
else
  echo "ensure-chromium: cannot install Chromium (not root and no password-less sudo)." >&2
  echo "  Install it yourself, then run the tests again:  sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: apt-get not found: this needs Debian (or Ubuntu) with its chromium package at $CHROMIUM." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "ensure-chromium: installed $($CHROMIUM --version 2>/dev/null || echo chromium)" >&2
