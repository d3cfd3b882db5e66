"""Shared fixtures: one real graph built from the bundled sources, on disk, per test run.

The test run may be spread over processes (``pytest -n N``, pytest-xdist, as ``make test``
runs it): the full build is then made once, by the first process that needs it, under a file
lock in the run's shared temporary folder, and read by the others. Each test process keeps
its caches (``XDG_CACHE_HOME``: the registry cache of ``loaders/registry.py``) in a folder
of its own, never the user's ``~/.cache``.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


def pytest_configure(config: pytest.Config) -> None:
    cache = tempfile.mkdtemp(prefix="diplograph-test-cache-")
    config.add_cleanup(lambda: shutil.rmtree(cache, ignore_errors=True))
    os.environ["XDG_CACHE_HOME"] = cache


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Under ``--dist loadfile``: the files that share a costly fixture in one process, the
    longest first (``tests/scheduling.py``)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from .scheduling import make_scheduler

    return make_scheduler(config, log)


def shared_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: every test process's, under pytest-xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def registry():
    """The reference registry built from the bundled data/ (``load_registry``)."""
    from diplograph.loaders.registry import load_registry

    return load_registry()


@pytest.fixture(scope="session")
def built_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory holding the full build (ontology, registry, datasets, both sources),
    built once per test run. Read it (``built_store``) or copy it (``store_copy``); never
    write to it.

    ``DIPLOGRAPH_TEST_BUILT_STORE=DIR`` reads the store directory ``DIR`` instead, a full
    build of the same code (a copy of an earlier run's ``built/store``), to run one test file
    again and again without building; ``make test`` never sets it."""
    from diplograph.loaders.build import build

    given = os.environ.get("DIPLOGRAPH_TEST_BUILT_STORE")
    if given:
        return Path(given)
    root = shared_tmp(tmp_path_factory)
    path = root / "built" / "store"
    done = root / "built" / "DONE"
    with open(root / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(path.parent, ignore_errors=True)
            path.parent.mkdir()
            store = ox.Store(str(path))
            report = build(store)
            assert not report.failures, "\n".join(str(f) for f in report.failures)
            store.flush()
            # compacted once (about 4 s of CPU): the build's graph replacements leave
            # RocksDB levels full of overwritten and deleted keys, which every later read
            # walks through; compacted, a whole-store dump costs about 12 s of CPU instead of
            # 21, and the event tests about 0.6 of their CPU (docs/testing.md, "Session
            # 8"). The quads are the same.
            store.optimize()
            del store
            done.touch()
    return path


@pytest.fixture(scope="session")
def export_lines_path(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file holding the full build exported whole through the exporter (``graph/export.py``:
    every graph in threads, copied in order into one N-Quads file), its lines sorted, written
    once per test run (under a file lock, as the build). ``tests/graph/test_export.py`` checks
    that it is the build (every line a quad of the store, none twice, as many as the store
    holds); the whole-graph checks that compare a file with the build read it (about 1 s)
    instead of each serialising the store again (about 13 s of CPU each). Until session 16 it
    was a dump of the store (``store.dump``), and the exporter's own output a second whole
    serialisation compared with it (docs/testing.md, "Session 16"). pyoxigraph writes each
    term one way and no graph of the build holds a blank node, so equal lines are equal
    quads. Read it; never write to it."""
    from diplograph.graph.export import export_to_path

    root = shared_tmp(tmp_path_factory)
    path = root / "export-lines" / "sorted.nq"
    done = path.parent / "DONE"
    with open(root / "export-lines.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(path.parent, ignore_errors=True)
            path.parent.mkdir()
            store = ox.Store.read_only(str(built_store_path))
            raw = path.parent / "export.nq"
            export_to_path(store, raw)
            del store
            lines = raw.read_bytes().splitlines()
            raw.unlink()
            lines.sort()
            with open(path, "wb") as f:
                for line in lines:
                    f.write(line + b"\n")
            done.touch()
    return path


def read_lines(path: Path) -> list[bytes]:
    """The lines of ``export_lines_path`` (sorted, without their ends)."""
    return path.read_bytes().splitlines()


@pytest.fixture(scope="session")
def built_store(built_store_path: Path) -> ox.Store:
    """The built store, opened read-only (a snapshot)."""
    return ox.Store.read_only(str(built_store_path))


@pytest.fixture(scope="session")
def sample_store(built_store: ox.Store) -> ox.Store:
    """Every graph of the full build cut to its first 3,000 quads, in memory: the same kinds
    of terms and graphs at a size a test can serialise several times or give to an
    independent parser (rdflib) in seconds. Checks of the whole graph read ``built_store``."""
    sample = ox.Store()
    for g in built_store.named_graphs():
        quads = built_store.quads_for_pattern(None, None, None, g)
        sample.extend(q for _, q in zip(range(3000), quads, strict=False))
    return sample


@pytest.fixture(scope="session")
def sample_store_path(sample_store: ox.Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``sample_store`` in a store directory on disk (read it; never write to it): for a
    command run as a process whose check does not need the whole graph (a full export of the
    whole graph through the command line costs about 25 s of CPU)."""
    path = tmp_path_factory.mktemp("sample") / "store"
    store = ox.Store(str(path))
    store.extend(sample_store)
    store.flush()
    del store
    return path


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
