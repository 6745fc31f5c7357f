#!/usr/bin/env bash
# Browser tests drive Debian's chromium (Playwright's own download cannot work on these machines).
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium at $chromium_path. Install it, then run the tests again:
  sudo apt-get update && sudo apt-get install -y chromium
(or point CHROMIUM_PATH at another Chromium binary).
MSG
exit 1
