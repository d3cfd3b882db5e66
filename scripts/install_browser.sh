#!/usr/bin/env bash
# Install headless Chromium and its driver (Debian packages) and Selenium (into .venv) for the
# browser test tests/ui/test_browser.py. Needs root for apt-get.
#
#   scripts/install_browser.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium chromium-driver
"$ROOT/.venv/bin/pip" install "selenium>=4.20,<5"
chromium --version || true
chromedriver --version
