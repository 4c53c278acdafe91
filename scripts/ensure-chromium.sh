#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (a test tool's own browser download cannot work here).
# Installs it when missing, so a fresh machine's test command needs nothing done by hand.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install chromium' once, then the tests again." >&2
  exit 1
fi
echo "installing Debian's chromium for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium >&2
