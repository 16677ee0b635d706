#!/usr/bin/env bash
# Installs headless Chromium from Debian's packages, for the tests that render the weekly e-mail to a screenshot.
# Needs root (CI runs as root). Safe to run again: does nothing when chromium is already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "install-chromium.sh: installing Debian's 'chromium' package needs root or passwordless sudo." >&2
    echo "Install it yourself (apt-get install chromium), then run the tests again." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium
