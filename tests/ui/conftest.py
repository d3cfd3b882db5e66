"""Fixtures for the UI, Linked Data and named-query tests.

A real on-disk pyoxigraph store in ``tmp_path`` is loaded with ``fixture.trig`` (shaped like
docs/model.md), then ``create_app`` runs on it with the named queries of ``queries/`` here, in
query threads as the production server runs them.

The browser tests share one server process on that fixture store (``server``) and one headless
Chromium (``browser``; its cookies and site storage are cleared for each test module). They
are skipped, with the reason, when Chromium/chromedriver or Selenium are missing and ``CI`` is
not set (``MISSING``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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


def fixture_app(store_dir: Path) -> Flask:
    """``create_app`` on the store at ``store_dir`` as the production server runs it (query
    threads), with the named queries of ``queries/`` here; close it with
    ``app.extensions["diplograph"].close()``."""
    return create_app(
        {
            "DIPLOGRAPH_STORE": str(store_dir),
            "DIPLOGRAPH_QUERIES_DIR": str(QUERIES),
            "DIPLOGRAPH_QUERY_WORKERS": 1,
            "DIPLOGRAPH_ISOLATION": "thread",
            "DIPLOGRAPH_BASE": BASE,
            "TESTING": True,
        }
    )


@contextmanager
def fixture_app_with(store_dir: Path, turtle: str, graph: str) -> Iterator[Flask]:
    """The app on the fixture store with ``turtle`` loaded into ``graph`` besides."""
    load_fixture(store_dir)
    store = open_store(store_dir)
    store.load(turtle.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    store.flush()
    del store
    app = fixture_app(store_dir)
    try:
        yield app
    finally:
        app.extensions["diplograph"].close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-store") / "store"
    load_fixture(path)
    return path


@pytest.fixture(scope="module")
def app(store_dir: Path) -> Iterator[Flask]:
    app = fixture_app(store_dir)
    yield app
    app.extensions["diplograph"].close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
VENDOR = Path(__file__).resolve().parents[2] / "server" / "static" / "vendor" / "yasgui"


def _missing() -> str | None:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        return "chromium/chromedriver not installed (run scripts/install_browser.sh)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed (run scripts/install_browser.sh)"
    return None


MISSING = _missing()
#: the origins of the shared server (their site storage is cleared for each test module)
_ORIGINS: list[str] = []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def registry_store(store_dir: Path) -> Path:
    """A new store at ``store_dir`` holding the registry graph the build writes (a curation
    server resolves its documents' names with its store's registry); ``store_dir``."""
    from diplograph.loaders.registry import load_registry

    store = open_store(store_dir)
    store.extend(list(load_registry().quads()))
    store.flush()
    del store
    return store_dir


def add_iso_table(app: Flask) -> None:
    """Write the ISO table the build writes (``loaders/lookup_tables.py``), by which the world
    map names states, into ``app``'s store (the fixture holds no data set)."""
    from diplograph.loaders.lookup_tables import TABLES
    from diplograph.loaders.registry import default_data_dir

    table = TABLES["iso3166-numeric"]
    app.extensions["diplograph"].update(
        f"INSERT DATA {{ GRAPH <{table.DATASET.graph}> "
        f"{{ {''.join(table.quads(default_data_dir()))} }} }}")


@contextmanager
def serving(tmp: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``diplograph serve ARGS`` as a process on a free port of 127.0.0.1 (its log in
    ``tmp/server.log``), until ``/health`` answers; its base URL. Stopped on exit."""
    port = _free_port()
    log = open(tmp / "server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "serve", *args,
         "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, **(env or {})),
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "health", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.close()
            pytest.fail("server did not start:\n" + (tmp / "server.log").read_text())
        time.sleep(0.2)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server process on a fixture store, read-only, shared by the browser tests; its
    base URL."""
    tmp = tmp_path_factory.mktemp("browser")
    store = tmp / "store"
    load_fixture(store)
    with serving(tmp, "--store", str(store), env={"DIPLOGRAPH_QUERIES_DIR": str(QUERIES)}) as url:
        _ORIGINS.append(url.rstrip("/"))
        yield url


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium with a fresh profile and no background networking, started once."""
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage", "--window-size=1280,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _wait(driver: object, css: str, timeout: float = 20) -> object:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, css))
    )


@pytest.fixture(scope="module")
def browser(chromium: object) -> Iterator[object]:
    """The browser, with no cookies or site storage (YASGUI keeps its tabs in
    ``localStorage``) left by the test modules before: each module starts as on a fresh
    profile."""
    chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})  # type: ignore[attr-defined]
    for origin in _ORIGINS:
        chromium.execute_cdp_cmd("Storage.clearDataForOrigin",  # type: ignore[attr-defined]
                                 {"origin": origin, "storageTypes": "all"})
    yield chromium
