"""The name matcher of a start is kept in the user's cache folder and a start on the same data
with the same code reuses it (server/search_index.py, "The name matcher"): real servers on
copies of the fixture store, each with a cache folder of its test."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server_support import AUTH, LiveServer, copy_fixture_store  # noqa: E402

pytestmark = pytest.mark.e2e


def _matcher_line(server: LiveServer, timeout: float = 60) -> str:
    """The builder's line on the matcher of generation 0, once it is written."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in server.log.read_text(errors="replace").splitlines():
            if "name matcher of generation 0" in line and "for the workers" in line:
                return line
        time.sleep(0.1)
    raise AssertionError(f"no matcher line:\n{server.log.read_text(errors='replace')}")


def _search(server: LiveServer, q: str) -> list[str]:
    r = requests.get(f"{server.url}/search.json", params={"q": q}, timeout=60)
    assert r.status_code == 200, r.text
    return [h["iri"] for h in r.json()["results"]]


def _started(store: Path, **env: str) -> LiveServer:
    if not store.exists():
        copy_fixture_store(store)
    return LiveServer(store, env=env)


def test_a_start_on_the_same_data_reuses_the_matcher_and_other_data_makes_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    answers = []
    for name in ("a", "b"):  # two copies of one store: the same data
        server = _started(tmp_path / name / "store")
        try:
            line = _matcher_line(server)
            answers.append(_search(server, "Mong Co"))
        finally:
            server.stop()
        if name == "a":
            assert "made for the workers" in line, line
            kept = list((cache / "diplograph" / "matchers").glob("matcher-*.pickle"))
            assert len(kept) == 1, kept
        else:
            assert "reused for the workers" in line, line
    assert answers[0] == answers[1] == ["https://diplograph.org/id/state/MNG"]

    # a write changes the data: the next start makes the matcher of its data, and keeps it
    server = _started(tmp_path / "a" / "store")
    try:
        _matcher_line(server)
        r = requests.post(server.url + "/update", headers=AUTH, timeout=30, data={
            "update": "INSERT DATA { GRAPH <https://diplograph.org/graph/registry> { "
                      "<https://diplograph.org/id/state/KAZ> a <https://diplograph.org/ontology#State> ; "
                      "<http://www.w3.org/2000/01/rdf-schema#label> \"Kazakhstan\"@en } }"})
        assert r.status_code == 204, r.text
    finally:
        server.stop()
    server = _started(tmp_path / "a" / "store")
    try:
        assert "made for the workers" in _matcher_line(server)
        assert _search(server, "Kazakstan") == ["https://diplograph.org/id/state/KAZ"]
    finally:
        server.stop()
    assert len(list((cache / "diplograph" / "matchers").glob("matcher-*.pickle"))) == 2


def test_no_cache_keeps_no_matcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    server = _started(tmp_path / "store", DIPLOGRAPH_NO_CACHE="1")
    try:
        assert "made for the workers" in _matcher_line(server)
    finally:
        server.stop()
    assert not (cache / "diplograph" / "matchers").exists()
