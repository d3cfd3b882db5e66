"""Issue 12, "every page ≤ 0.5 s": the search index is kept across server starts.

A start on a store whose data has not changed reads the index the last start built (kept
beside the store, ``<store>.search-index/``, keyed by the fingerprint of the store's tables:
server/search_index.py), instead of building it again, so that index pages and search right
after a start do not wait for a build. A store whose data changed (a write through the
endpoint, ``diplograph load`` or ``build``, a store copied over it) never gets a stale index.

The real server as a process on a real on-disk store; whether the index was reused is read in
the server's log (the builder's line), never inferred from timing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from issue_support import AUTH, LiveServer, fill_store, wait_for  # noqa: E402

ID = "https://diplograph.org/id/"
REGISTRY = "https://diplograph.org/graph/registry"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
REUSED = b"search index of generation 0 reused"
BUILT = b"search index of generation 0 built at start"
KEPT_AFTER_WRITE = b"for the next start after a write"


def _start(store: Path) -> LiveServer:
    return LiveServer(store, timeout=60.0)


def _found(server: LiveServer, text: str) -> list[str]:
    r = requests.get(server.url + "/search.json", params={"q": text}, timeout=60)
    assert r.status_code == 200, r.text
    return [h["label"] for h in r.json()["results"]]


def _stop(server: LiveServer) -> bytes:
    """Stop the server once its start's index is in place (built and kept, or reused); its
    log."""
    wait_for(lambda: REUSED in server.log.read_bytes()
             or b"search index kept" in server.log.read_bytes(), 60)
    server.stop()
    return server.log.read_bytes()


def _run(store: Path) -> tuple[bytes, dict[str, list[str]]]:
    """One start: search for a few names at once, the index page of states; the log."""
    server = _start(store)
    try:
        found = {text: _found(server, text) for text in ("mongolia", "mongol uls", "viet")}
        r = requests.get(server.url + "/page/state/", timeout=60)
        assert r.status_code == 200 and "Viet Nam" in r.text
    finally:
        log = _stop(server)
    assert b"could not be" not in log, log.decode(errors="replace")
    return log, found


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    fill_store(path)
    return path


def _saved(store: Path) -> list[Path]:
    return sorted(store.with_name(store.name + ".search-index").glob("*.json"))


@pytest.fixture(scope="module")
def first_start(tmp_path_factory: pytest.TempPathFactory,
                ) -> tuple[Path, bytes, dict[str, list[str]]]:
    """The fixture store after its first start (``_run``), which built the index and kept it
    beside the store; the start's log and answers. Made once for the file: every test below
    but the last begins with such a start, and copies the store and its kept index
    (``started``) instead of starting a server for it (about 1.5 s of CPU a start;
    docs/testing.md, "Session 15")."""
    path = tmp_path_factory.mktemp("first-start") / "store"
    fill_store(path)
    log, found = _run(path)
    return path, log, found


@pytest.fixture()
def started(first_start: tuple[Path, bytes, dict[str, list[str]]], tmp_path: Path) -> Path:
    """A private copy of the store of ``first_start`` with the index its start kept: the same
    files (the index is keyed by the content fingerprint of the store's tables, not by its
    folder), as after that start in this folder."""
    path = tmp_path / "store"
    shutil.copytree(first_start[0], path, ignore=shutil.ignore_patterns("LOCK"))
    saved = first_start[0].with_name(first_start[0].name + ".search-index")
    shutil.copytree(saved, path.with_name(path.name + ".search-index"))
    return path


def test_a_restart_on_an_unchanged_store_reuses_the_index(
        first_start: tuple[Path, bytes, dict[str, list[str]]], started: Path) -> None:
    _, log, found = first_start
    store = started
    assert BUILT in log and REUSED not in log
    assert found["mongolia"] == ["Mongolia"]
    [kept] = _saved(store)
    header = json.loads(kept.read_bytes().split(b"\n", 1)[0])
    assert header["entities"] == 3 and header["stores"]
    for _ in range(2):
        log, again = _run(store)
        assert REUSED in log and BUILT not in log
        assert again == found
    assert _saved(store) == [kept]


def test_a_write_through_the_endpoint_then_a_restart_finds_the_new_name(started: Path) -> None:
    store = started  # after its first start: the index built and kept
    server = _start(store)
    try:
        update = (f'DELETE DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{LABEL}> '
                  f'"Mongolia"@en }} }} ; INSERT DATA {{ GRAPH <{REGISTRY}> {{ '
                  f'<{ID}state/MNG> <{LABEL}> "Mongol Uls"@en }} }}')
        r = requests.post(server.url + "/update", data={"update": update}, headers=AUTH,
                          timeout=60)
        assert r.status_code == 204, r.text
        assert _found(server, "mongol uls") == ["Mongol Uls"]
        # the worker that took the write keeps its index of the new data for the next start
        assert wait_for(lambda: KEPT_AFTER_WRITE + b" (generation 1," in server.log.read_bytes(),
                        60)
    finally:
        _stop(server)
    log, found = _run(store)
    assert REUSED in log and BUILT not in log  # (session 11: it was built again)
    assert found["mongol uls"] == ["Mongol Uls"] and found["mongolia"] == []
    # and the start after that reuses it too
    log, again = _run(store)
    assert REUSED in log and again == found


def test_several_writes_then_a_restart_reuse_the_index_of_the_last(started: Path) -> None:
    """Writes in a row (taken by either worker), a name changed twice and back, an entity
    added: the index kept is that of the data the last write left, never of an earlier one,
    and the same as one built from the store."""
    store = started  # after its first start: the index built and kept
    server = _start(store)
    try:
        for label in ("Mongol Uls", "Outer Mongolia", "Mongolia"):
            update = (f'DELETE {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{LABEL}> ?l }} }} '
                      f'INSERT {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{LABEL}> '
                      f'"{label}"@en }} }} WHERE {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> '
                      f'<{LABEL}> ?l FILTER(lang(?l) = "en") }} }}')
            r = requests.post(server.url + "/update", data={"update": update}, headers=AUTH,
                              timeout=60)
            assert r.status_code == 204, r.text
        update = (f'INSERT DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/KAZ> <{TYPE}> '
                  f'<https://diplograph.org/ontology#State> . <{ID}state/KAZ> <{LABEL}> '
                  f'"Kazakhstan"@en }} }}')
        r = requests.post(server.url + "/update", data={"update": update}, headers=AUTH,
                          timeout=60)
        assert r.status_code == 204, r.text
        # the index of the last write's data (a worker keeps at most one per 10 s)
        assert wait_for(lambda: KEPT_AFTER_WRITE + b" (generation 4," in server.log.read_bytes(),
                        60)
    finally:
        _stop(server)
    server = _start(store)
    try:
        reused = {text: _found(server, text)
                  for text in ("mongolia", "mongol uls", "outer mongolia", "kazakh")}
    finally:
        assert REUSED in _stop(server)
    assert reused["mongolia"] == ["Mongolia"]
    assert "Outer Mongolia" not in reused["outer mongolia"]  # an earlier write's name
    assert reused["kazakh"] == ["Kazakhstan"]
    # the same as an index built from the store
    shutil.rmtree(store.with_name(store.name + ".search-index"))
    server = _start(store)
    try:
        built = {text: _found(server, text) for text in reused}
    finally:
        assert BUILT in _stop(server)
    assert built == reused


def test_a_load_on_the_command_line_then_a_restart_finds_the_new_name(started: Path,
                                                                      tmp_path: Path) -> None:
    store = started  # after its first start: the index built and kept
    data = tmp_path / "more.nq"
    data.write_text(f'<{ID}state/KAZ> <{TYPE}> <https://diplograph.org/ontology#State> '
                    f'<{REGISTRY}> .\n'
                    f'<{ID}state/KAZ> <{LABEL}> "Kazakhstan"@en <{REGISTRY}> .\n')
    subprocess.run([sys.executable, "-m", "diplograph", "load", "--store", str(store),
                    str(data)], check=True, capture_output=True)
    server = _start(store)
    try:
        assert _found(server, "kazakh") == ["Kazakhstan"]
    finally:
        log = _stop(server)
    # the load kept the index of the new data (test_12_index_after_build.py): never the old one
    assert REUSED in log and BUILT not in log


def test_a_store_copied_over_the_served_one_never_gets_its_index(started: Path,
                                                                 tmp_path: Path) -> None:
    """Two copies of one store (the same database identity) written differently, then one
    copied over the other: each keeps its own index."""
    store = started  # after its first start: the index built and kept
    other = tmp_path / "other"
    shutil.copytree(store, other, ignore=shutil.ignore_patterns("LOCK"))
    s = ox.Store(str(other))
    s.update(f'DELETE DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{LABEL}> "Mongolia"@en '
             f'}} }} ; INSERT DATA {{ GRAPH <{REGISTRY}> {{ <{ID}state/MNG> <{LABEL}> '
             f'"Mongol Uls"@en }} }}')
    del s
    shutil.rmtree(store)
    shutil.copytree(other, store)
    log, found = _run(store)
    assert BUILT in log and REUSED not in log
    assert found["mongol uls"] == ["Mongol Uls"] and found["mongolia"] == []


@pytest.mark.slow
def test_a_rebuild_then_a_restart_finds_the_built_names(started: Path, tmp_path: Path) -> None:
    """``diplograph build`` (the registry of every state, no data sets, no sources) over the
    fixture store."""
    store = started  # after its first start: the index built and kept
    (tmp_path / "sources").mkdir()
    subprocess.run([sys.executable, "-m", "diplograph", "build", "--store", str(store),
                    "--no-datasets", "--sources", str(tmp_path / "sources"), "-q"],
                   check=True, capture_output=True)
    server = _start(store)
    try:
        assert "Kazakhstan" in _found(server, "kazakhstan")
    finally:
        log = _stop(server)
    assert REUSED in log and BUILT not in log  # the build kept the index of what it built
    log2 = _stop(_start(store))
    assert REUSED in log2 and BUILT not in log2


@pytest.mark.parametrize("damage", ["truncated", "changed", "no header"])
def test_a_damaged_saved_index_is_ignored_and_built_again(started: Path, damage: str) -> None:
    store = started  # after its first start: the index built and kept
    [kept] = _saved(store)
    raw = kept.read_bytes()
    if damage == "truncated":
        kept.write_bytes(raw[: len(raw) * 2 // 3])
    elif damage == "changed":  # the same length, one name changed: only the hash tells
        kept.write_bytes(raw.replace(b"Mongolia", b"Mongolix"))
    else:
        kept.write_bytes(raw[raw.index(b"\n") + 1:])
    log, found = _run(store)
    assert BUILT in log and REUSED not in log
    assert b"WARNING" in log and (b"is damaged" in log or b"has no header" in log)
    assert found["mongolia"] == ["Mongolia"]
    [again] = _saved(store)
    assert again.read_bytes().split(b"\n", 1)[1] == raw.split(b"\n", 1)[1]  # the same index
    assert REUSED in _run(store)[0]


def test_an_index_saved_by_other_search_code_is_not_read(started: Path) -> None:
    store = started  # after its first start: the index built and kept
    [kept] = _saved(store)
    head, body = kept.read_bytes().split(b"\n", 1)
    header = json.loads(head)
    header["code"] = "0" * 16
    kept.unlink()
    other = kept.with_name("0" * 16 + kept.name[16:])
    other.write_bytes(json.dumps(header).encode() + b"\n" + body)
    log, found = _run(store)
    assert BUILT in log and REUSED not in log
    assert found["mongolia"] == ["Mongolia"]
    assert _saved(store) == [other, kept]  # (the other code's is dropped once KEEP_SAVED newer exist)


def test_concurrent_requests_on_every_worker_right_after_a_restart(started: Path) -> None:
    """Both workers (and eight threads each) asked at once, as soon as the server answers:
    every answer complete and equal, the index reused by the start, read by each worker."""
    store = started  # after its first start: the index built and kept
    server = _start(store)
    results: list[tuple[list[str], bool]] = []
    try:
        def ask() -> None:
            labels = _found(server, "viet")
            page = requests.get(server.url + "/page/state/", timeout=60)
            results.append((labels, page.status_code == 200 and "Mongolia" in page.text))

        threads = [threading.Thread(target=ask) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        log = _stop(server)
    assert len(results) == 16
    assert all(r == (["Viet Nam"], True) for r in results), results
    assert log.count(REUSED) == 1 and BUILT not in log


def test_no_cache_keeps_nothing(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``DIPLOGRAPH_NO_CACHE``: nothing is kept beside the store (the index is built at every
    start)."""
    from diplograph.server.search_index import saved_folder

    assert saved_folder(store) == store.with_name("store.search-index")
    monkeypatch.setenv("DIPLOGRAPH_NO_CACHE", "1")
    assert saved_folder(store) is None
