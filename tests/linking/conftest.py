"""Fixtures for the linking tests: the real registry, a matcher, and a real on-disk store.

The store is built with the lead's pipeline (``diplograph.loaders.build.build``) when it works;
while that pipeline is being written, the fallback loads the same registry and the bundled facts
files with the real loaders (``Registry.quads`` + ``load_facts_file``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # reconcile_checks

from diplograph.linking.matcher import Matcher
from diplograph.linking.reference import STORE_DATASETS
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="session")
def matcher(registry):
    return Matcher(registry)


def _build(path) -> ox.Store:
    store = ox.Store(str(path))
    try:
        from diplograph.loaders.build import build

        # the registry, the documents' facts, the COW capitals (scored by reconciliation), the
        # state lists, OWID's places, the adjectives, the same-body pairs and SupraVerden's
        # records (the matcher's reference tables: linking/reference.py)
        report = build(store, with_datasets=True, datasets=list(STORE_DATASETS))
        if not report.failures:
            return store
    except Exception:  # noqa: BLE001 - the pipeline is still being written
        pass
    from diplograph.loaders.build import sources_dir
    from diplograph.loaders.facts import facts_files, load_facts_file

    reg = load_registry()
    store.extend(list(reg.quads()))
    for p in facts_files(sources_dir()):
        load_facts_file(store, p, reg)
    return store


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("linking-store") / "store"
    s = _build(d)
    s.flush()
    s.optimize()  # compacted, as the run's full build (tests/conftest.py)
    del s
    return d
