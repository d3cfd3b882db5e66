#!/usr/bin/env bash
# Install headless Chromium and its driver (Debian packages) and Selenium (into .venv) for the
# browser test tests/ui/test_browser.py. Needs root for apt-get.
#
#   scripts/install_browser.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium chromium-driver
fi
"$ROOT/.venv/bin/python" -c "import selenium" 2>/dev/null || "$ROOT/.venv/bin/pip" install "selenium>=4.20,<5"
chromium --version || true
chromedriver --version
