"""Fixtures for the UI, Linked Data and named-query tests.

A real on-disk pyoxigraph store in ``tmp_path`` is loaded with ``fixture.trig`` (shaped like
docs/model.md), then ``create_app`` runs on it with the named queries of ``queries/`` here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from diplograph.graph.store import open_store
from diplograph.server.app import create_app

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture.trig"
QUERIES = HERE / "queries"
BASE = "https://diplograph.org/"


def load_fixture(store_dir: Path) -> int:
    """Load ``fixture.trig`` into a new store at ``store_dir``; the number of quads."""
    store = open_store(store_dir)
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    n = len(store)
    del store
    return n


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-store") / "store"
    load_fixture(path)
    return path


@pytest.fixture(scope="module")
def app(store_dir: Path) -> Iterator[Flask]:
    app = create_app(
        {
            "DIPLOGRAPH_STORE": str(store_dir),
            "DIPLOGRAPH_QUERIES_DIR": str(QUERIES),
            "DIPLOGRAPH_QUERY_WORKERS": 1,
            "DIPLOGRAPH_BASE": BASE,
            "TESTING": True,
        }
    )
    yield app
    app.extensions["diplograph"].close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()
