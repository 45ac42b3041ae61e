#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists. On Debian/Ubuntu as root, install Debian's
# `chromium`; anywhere else, print the exact command and fail (the browser tests must run).
set -euo pipefail
for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome; do
  if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1; then
    exit 0
  fi
done
mac_chrome="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
[ -x "$mac_chrome" ] && exit 0
if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # fonts-wqy-microhei (small): Chinese glyphs in the browser tests' screenshots and PDFs, which
  # would otherwise be empty boxes. The site itself needs no CJK font: readers' systems have theirs.
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-wqy-microhei >/dev/null
  command -v chromium >/dev/null && exit 0
fi
cat >&2 <<'MSG'
The browser tests need Chromium, and none was found. Install it, then run `make test` again:
  Debian/Ubuntu:  sudo apt-get install chromium        (Ubuntu: sudo snap install chromium)
  macOS:          brew install --cask chromium
Or point CHROMIUM at an existing Chromium or Chrome binary: CHROMIUM=/path/to/chrome make test
MSG
exit 1
