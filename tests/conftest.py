"""Shared fixtures: one real graph built from the bundled sources, on disk, per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def built_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory holding the full build (ontology, registry, datasets, both sources)."""
    from diplograph.loaders.build import build

    path = tmp_path_factory.mktemp("built") / "store"
    store = ox.Store(str(path))
    report = build(store)
    assert not report.failures, "\n".join(str(f) for f in report.failures)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def built_store(built_store_path: Path) -> ox.Store:
    """The built store, opened read-only (a snapshot)."""
    return ox.Store.read_only(str(built_store_path))


@pytest.fixture()
def store_copy(built_store_path: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the built store."""
    dest = tmp_path / "store"
    shutil.copytree(built_store_path, dest, ignore=shutil.ignore_patterns("LOCK"))
    return dest


@pytest.fixture()
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DIPLOGRAPH_STORE"] = str(tmp_path / "cli-store")
    return env
