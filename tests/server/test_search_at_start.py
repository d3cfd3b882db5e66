"""The search index at a start (server/search_index.py ``start_builder``, server/search.py):
``diplograph serve`` builds it in a process of its own that holds the shared lock from before
the workers start; the workers wait for that build and load it, and search is correct from the
first request.

A real on-disk store, the builder as the real child process, and, last, the real server.
"""

from __future__ import annotations

import fcntl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from server_support import (
    AUTH,
    REGISTRY,
    LiveServer,
    copy_fixture_store,
    fill_store,
    make_app,
)

from diplograph.graph.executor import QueryService
from diplograph.server.search import _Requests, answering
from diplograph.server.search_index import IndexHolder, _save, _StepAside, start_builder
from diplograph.server.supervisor import InFlight, request_record

ID = "https://diplograph.org/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


@pytest.fixture()
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QueryService]:
    """The fixture store with generation 0 of its checkpoints published (as ``serve`` does
    before it starts the builder and the workers); the builder finds it by the environment."""
    store = tmp_path / "store"
    copy_fixture_store(store)
    monkeypatch.setenv("DIPLOGRAPH_STORE", str(store))
    qs = QueryService(store, workers=1, isolation="thread", timeout=60.0)
    yield qs
    qs.close()


def _locked(path: Path) -> bool:
    """Whether another process holds the lock on ``path``."""
    with open(path, "a+b") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
        return False


class _NoReading:
    """A query service that must not be read (the index is loaded, not built)."""

    def __init__(self, qs: QueryService) -> None:
        self.checkpoints = qs.checkpoints
        self.generation = qs.generation

    def select(self, *_: object) -> None:
        raise AssertionError("the store was read")


def test_the_builder_holds_the_lock_until_it_has_written_the_index(
        service: QueryService) -> None:
    root = Path(service.checkpoints.root)
    proc = start_builder(root)
    # held from before the child even started: a worker cannot slip in and build it too
    assert _locked(root / "search-index.lock")
    assert proc.wait(60) == 0
    assert not _locked(root / "search-index.lock")
    assert (root / "search-index" / "0.json").exists()
    # a worker then loads it without reading the store, and it is the index of the store
    loaded = IndexHolder().get(_NoReading(service))
    assert loaded.same_as(IndexHolder()._read(service, 0).index)
    assert [h.label for h in loaded.search("mongolia").hits] == ["Mongolia"]


def test_the_builder_waits_for_the_workers_to_start(service: QueryService,
                                                   tmp_path: Path) -> None:
    """It reads nothing while the workers start (it would slow the start), lock held."""
    root = Path(service.checkpoints.root)
    started = tmp_path / "in-flight"
    started.mkdir()
    proc = start_builder(root, workers=2, started=started)
    (started / "4241").touch()
    (started / "4241.drain").touch()  # not a worker
    time.sleep(1.5)
    assert proc.running() and _locked(root / "search-index.lock")
    assert not (root / "search-index" / "0.json").exists()
    (started / "4242").touch()
    assert proc.wait(60) == 0
    assert (root / "search-index" / "0.json").exists()


def test_the_builder_steps_aside_while_a_page_is_answered(tmp_path: Path) -> None:
    """Before each query the builder waits while a worker answers a page (read in the
    workers' in-flight slots), within its budget; a search (which waits for the build) does
    not hold it."""
    slots = InFlight(tmp_path, pid=4242)
    slots.enter(request_record("GET", "/page/state/FRA", "", None))
    step = _StepAside(tmp_path, budget=0.6)
    t0 = time.monotonic()
    step()  # the page stays in flight: the whole budget
    assert 0.55 <= time.monotonic() - t0 < 5 and step.budget <= 0.05
    slots.leave()
    slots.enter(request_record("GET", "/search.json", "q=viet", None))
    step = _StepAside(tmp_path, budget=5.0)
    t0 = time.monotonic()
    step()  # only the quiet moment
    assert time.monotonic() - t0 < 2.0
    slots.leave()

    def a_page() -> None:  # (a slot per request thread)
        slots.enter(request_record("GET", "/page/state/FRA", "", None))
        time.sleep(0.3)
        slots.leave()

    threading.Thread(target=a_page).start()
    time.sleep(0.05)
    step = _StepAside(tmp_path, budget=5.0)
    t0 = time.monotonic()
    step()  # until the page is answered, then the quiet moment
    assert 0.25 <= time.monotonic() - t0 < 3.0


def test_a_request_meanwhile_waits_for_the_build_and_is_never_answered_empty(
        service: QueryService) -> None:
    """While the builder holds the lock, a worker's ``get`` waits; it then loads the build."""
    root = Path(service.checkpoints.root)
    lock = open(root / "search-index.lock", "a+b")  # noqa: SIM115 - standing in for the builder
    fcntl.flock(lock, fcntl.LOCK_EX)
    got: list[object] = []
    t = threading.Thread(target=lambda: got.append(IndexHolder().get(service)), daemon=True)
    t.start()
    time.sleep(0.5)
    assert got == []  # waiting, not answering from an empty or partial index
    # the "builder" writes the index and lets the lock go
    index = IndexHolder()._read(service, 0)
    _save(index, root / "search-index", root / "search-index" / "0.json")
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()
    t.join(30)
    assert len(got) == 1 and got[0].same_as(index.index)  # type: ignore[attr-defined]


def test_a_failed_builder_lets_the_workers_build_it(service: QueryService,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(service.checkpoints.root)
    monkeypatch.setenv("DIPLOGRAPH_STORE", str(root.parent / "no-such-store"))
    proc = start_builder(root)
    assert proc.wait(60) == 1
    assert not _locked(root / "search-index.lock")
    assert not (root / "search-index" / "0.json").exists()
    holder = IndexHolder()
    assert [h.label for h in holder.get(service).search("viet nam").hits] == ["Viet Nam"]
    assert holder.counts == {"built": 1}


def test_idle_means_no_request_in_flight() -> None:
    r = _Requests()
    assert r.wait_idle(0)
    r.enter()
    assert not r.wait_idle(0.05)
    threading.Timer(0.1, r.leave).start()
    assert r.wait_idle(10)


def test_every_request_is_counted_out_again(tmp_path: Path) -> None:
    """The count the loading at start waits on goes back to zero after every kind of answer
    (a page, a 404, a 400, an error raised before the view)."""
    app = make_app(tmp_path / "store")
    try:
        c = app.test_client()
        for path in ("/page/state/MNG", "/page/state/XXX", "/search?q=mong&page=0",
                     "/search.json?q=" + "x" * 10_000, "/page/nowhere/", "/sparql?query=%7B"):
            c.get(path)
            assert answering.n == 0, path
    finally:
        app.extensions["diplograph"].close()


def test_the_server_answers_search_right_after_its_start_and_after_a_write(
        tmp_path: Path) -> None:
    """The real server: the first request is a search, answered in full (the builder's index,
    loaded); the builder has exited; every worker sees a rename at once."""
    store = tmp_path / "store"
    fill_store(store)
    server = LiveServer(store, timeout=60.0)
    try:
        def found(text: str) -> list[tuple[str, str]]:
            r = requests.get(server.url + "/search.json", params={"q": text}, timeout=60)
            assert r.status_code == 200
            return [(h["iri"], h["label"]) for h in r.json()["results"]]

        assert found("mongolia") == [(ID + "state/MNG", "Mongolia")]
        assert found("un") == [(ID + "org/UN", "United Nations")]
        r = requests.get(server.url + "/page/state/", timeout=60)
        assert r.status_code == 200 and "Viet Nam" in r.text
        deadline = time.monotonic() + 30
        while b"built at start" not in server.log.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert b"search index of generation 0 built at start" in server.log.read_bytes()
        update = (f'DELETE DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{RDFS}label> '
                  f'"Mongolia"@en }} }} ; INSERT DATA {{ GRAPH <{REGISTRY}> {{ '
                  f'<{ID}state/MNG> <{RDFS}label> "Mongol Uls"@en }} }}')
        r = requests.post(server.url + "/update", data={"update": update}, headers=AUTH,
                          timeout=60)
        assert r.status_code == 204, r.text
        for _ in range(4):  # (reaches both workers)
            assert found("mongolia") == []
            assert found("mongol uls") == [(ID + "state/MNG", "Mongol Uls")]
    finally:
        server.stop()
    assert b"could not be built" not in server.log.read_bytes()
