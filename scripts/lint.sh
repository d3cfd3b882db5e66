#!/usr/bin/env bash
# The lint (`make lint`, and the first step of scripts/test.sh): ruff on the whole tree, mypy on
# the core (graph/, ontology/, loaders/; configuration in pyproject.toml, [tool.mypy]).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check .
# mypy names a module after its folders, and the repository's root is the package `diplograph`
# whatever the checkout is called: check the core through a link that carries the package's name,
# from a folder that holds only that link (mypy searches the current folder first, where the
# root's __main__.py would stand for the standard library's __main__)
mkdir -p build/typecheck
ln -sfn "$PWD" build/typecheck/diplograph
cd build/typecheck
MYPYPATH=. ../../.venv/bin/mypy --config-file ../../pyproject.toml -p diplograph.graph \
  -p diplograph.ontology -p diplograph.loaders
