#!/usr/bin/env bash
# The test command: set up (with the headless browser for the UI tests), lint (ruff, and mypy on
# the core: scripts/lint.sh), run every test (arguments go to pytest: `bash scripts/test.sh tests/server -x`).
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
# bytecode caches for the run, kept in .venv/pycache (the tree is left as it is): where the
# environment sets PYTHONDONTWRITEBYTECODE, every one of the run's ~200 `python -m diplograph`
# processes (commands, servers) and both test processes compiled the package's modules again,
# about 0.2 s of CPU per process (docs/testing.md, "Session 11")
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX="${PYTHONPYCACHEPREFIX:-$PWD/.venv/pycache}"
# the suite spread over the cores (pytest-xdist), one test file per process at a time so that
# each file's server and store are set up once; DIPLOGRAPH_TEST_WORKERS=0 runs it in one process.
# One process more than the cores: the engine, browser and server tests spend much of their
# time waiting on their processes (docs/testing.md, "Session 17"; session 7 fixed the time-limit
# failure that had kept it at one per core)
workers=${DIPLOGRAPH_TEST_WORKERS:-$(( $(nproc) + 1 ))}
parallel=()
if [ "$workers" != 0 ]; then parallel=(-n "$workers" --dist loadfile); fi
set +e
.venv/bin/python -m pytest "${parallel[@]}" "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then echo "test: pytest collected no tests" >&2; exit 1; fi
exit "$rc"
