# diplograph: the two commands of the README.
#   make run    set up, build the graph from the bundled sources, serve it on http://127.0.0.1:8000/
#   make test   set up (including the test browser), run the whole test suite
# Both work on a fresh machine with Python 3.11+; see scripts/*.sh.

.PHONY: run test setup build serve lint bench clean

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

lint:
	bash scripts/lint.sh

bench:
	bash scripts/setup.sh --bench && .venv/bin/python -m bench run --size 1m

clean:
	rm -rf .venv build *.egg-info server/static/vendor node_modules
