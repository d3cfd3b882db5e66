#!/usr/bin/env bash
# The main job: set up, build the graph from the bundled sources into the default store (or
# $DIPLOGRAPH_STORE), then serve it on http://127.0.0.1:8000/ (DIPLOGRAPH_PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/diplograph build
exec .venv/bin/diplograph serve --host "${DIPLOGRAPH_HOST:-127.0.0.1}" --port "${DIPLOGRAPH_PORT:-8000}"
