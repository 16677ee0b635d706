#!/usr/bin/env bash
# Installs headless Chromium from Debian's packages, for the tests that render the weekly e-mail to a screenshot.
# Needs root (CI runs as root). Safe to run again: does nothing when chromium is already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium
