"""Fixtures for the SPARQL service: a small real store on disk, the app, a live server."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server_support import LiveServer, fill_store, make_app  # noqa: E402


@pytest.fixture()
def app(tmp_path: Path):
    app = make_app(tmp_path / "store")
    yield app
    app.extensions["diplograph"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    store = tmp_path_factory.mktemp("live") / "store"
    fill_store(store)
    server = LiveServer(store, timeout=2.0)
    yield server
    server.stop()
