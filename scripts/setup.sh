#!/usr/bin/env bash
# Set up a fresh clone: a virtual environment with diplograph and its test tools, and the
# offline query UI (YASGUI from the npm registry). Safe to run again: an install that is up to
# date is skipped (pip when pyproject.toml and the extras are unchanged since the last install,
# npm ci when package-lock.json is unchanged and the UI files are in place); --force redoes both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "diplograph needs Python >= 3.11 (found $("$PY" --version 2>&1))" >&2; exit 1
fi
extras="test"
force=0
for arg in "$@"; do
  case "$arg" in
    --bench) extras="test,bench" ;;
    --force) force=1 ;;
    *) echo "setup.sh: unknown option $arg (--bench, --force)" >&2; exit 2 ;;
  esac
done
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PY" -m venv .venv
fi

hash_of() { .venv/bin/python -c 'import hashlib, sys; print(hashlib.sha256(b"".join(open(p, "rb").read() for p in sys.argv[2:]) + sys.argv[1].encode()).hexdigest())' "$@"; }

# pip: skipped when pyproject.toml and the extras are those of the last successful install
stamp=.venv/.diplograph-install
want="$(hash_of "$extras" pyproject.toml)"
if [ "$force" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && .venv/bin/python -c "import diplograph, pyoxigraph" 2>/dev/null; then
  echo "setup: diplograph[$extras] is up to date in .venv (pyproject.toml unchanged)" >&2
else
  echo "setup: installing diplograph[$extras] into .venv" >&2
  rm -f "$stamp"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]" 2>&1 \
    | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
  .venv/bin/python -c "import diplograph, pyoxigraph" || { echo "setup: install failed" >&2; exit 1; }
  echo "$want" > "$stamp"
fi

# npm ci: skipped when package-lock.json is that of the last install and the UI files exist
ui=server/static/vendor/yasgui
ui_stamp=.venv/.diplograph-ui
if [ -f scripts/install_ui.sh ]; then
  ui_want="$(hash_of ui package-lock.json)"
  if [ "$force" = 0 ] && [ -f "$ui_stamp" ] && [ "$(cat "$ui_stamp")" = "$ui_want" ] \
     && [ -f "$ui/yasgui.min.js" ] && [ -f "$ui/yasgui.min.css" ]; then
    echo "setup: the YASGUI query UI is up to date (package-lock.json unchanged)" >&2
  elif bash scripts/install_ui.sh; then
    echo "$ui_want" > "$ui_stamp"
  else
    echo "setup: the YASGUI query UI could not be installed; the built-in query page is served instead" >&2
  fi
fi
