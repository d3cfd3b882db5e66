#!/usr/bin/env bash
# Set up a fresh clone: a virtual environment with diplograph and its test tools, and the
# offline query UI (YASGUI from the npm registry). Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "diplograph needs Python >= 3.11 (found $("$PY" --version 2>&1))" >&2; exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PY" -m venv .venv
fi
extras="test"
if [ "${1:-}" = "--bench" ]; then extras="test,bench"; fi
echo "setup: installing diplograph[$extras] into .venv" >&2
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]" 2>&1 \
  | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
.venv/bin/python -c "import diplograph, pyoxigraph" || { echo "setup: install failed" >&2; exit 1; }
if [ -f scripts/install_ui.sh ]; then
  bash scripts/install_ui.sh || echo "setup: the YASGUI query UI could not be installed; the built-in query page is served instead" >&2
fi
