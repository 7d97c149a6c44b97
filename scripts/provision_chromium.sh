#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the browser tests (driven by the playwright wheel;
# never `playwright install`). Idempotent: does nothing when /usr/bin/chromium exists.
set -euo pipefail
CHROMIUM=${TIGHTROPE_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "provision: $CHROMIUM is missing; installing Debian's chromium for the browser tests (apt-get, about 1-2 minutes)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    echo "provision: chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
    exit 0
fi
echo "make test: the browser tests need Chromium at $CHROMIUM and it is missing." >&2
echo "Install it with:  sudo apt-get update && sudo apt-get install -y chromium" >&2
echo "(or set TIGHTROPE_CHROMIUM to a Chromium binary), then run make test again." >&2
exit 1
