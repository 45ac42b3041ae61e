#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists. On Debian/Ubuntu as root, install Debian's
# `chromium-headless-shell` (Chromium's headless-only build: page loads in the browser tests take
# about a third less CPU than with `chromium`); anywhere else, print the exact command and fail
# (the browser tests must run). tests/test_browser.py looks for the binaries in the same order.
set -euo pipefail
found() { command -v "$1" >/dev/null 2>&1; }
if [ -n "${CHROMIUM:-}" ] && found "$CHROMIUM" || found chromium-headless-shell; then
  exit 0
fi
if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium-headless-shell for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  # fonts-wqy-microhei (small): Chinese glyphs in the browser tests' screenshots and PDFs, which
  # would otherwise be empty boxes. The site itself needs no CJK font: readers' systems have theirs.
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium-headless-shell \
       fonts-dejavu-core fonts-wqy-microhei >/dev/null && found chromium-headless-shell; then
    exit 0
  fi
fi
for candidate in chromium chromium-browser google-chrome; do
  found "$candidate" && exit 0
done
mac_chrome="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
[ -x "$mac_chrome" ] && exit 0
cat >&2 <<'MSG'
The browser tests need Chromium, and none was found. Install it, then run `make test` again:
  Debian:         sudo apt-get install chromium-headless-shell   (or chromium)
  Ubuntu:         sudo snap install chromium
  macOS:          brew install --cask chromium
Or point CHROMIUM at an existing Chromium or Chrome binary: CHROMIUM=/path/to/chrome make test
MSG
exit 1
