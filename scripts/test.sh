#!/usr/bin/env bash
# The test command: set up (with the headless browser for the UI tests), lint (ruff, and mypy on
# the core: scripts/lint.sh), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --bench
if [ -f scripts/install_engines.sh ]; then
  bash scripts/install_engines.sh || echo "test: Virtuoso could not be installed" >&2
fi
if [ -f scripts/install_jena.sh ]; then
  bash scripts/install_jena.sh || echo "test: Apache Jena could not be installed" >&2
fi
if [ -f scripts/install_browser.sh ]; then
  bash scripts/install_browser.sh || echo "test: headless Chromium could not be installed" >&2
fi
bash scripts/lint.sh
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then echo "test: pytest collected no tests" >&2; exit 1; fi
exit "$rc"
