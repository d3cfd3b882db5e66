"""Issue 12, "every page ≤ 0.5 s", the first start after ``diplograph build`` or ``load``.

That start used to build the search index (index pages and search waited for it: 2.19 s for
``/page/state/`` on the full graph). Now the build and the load make the index as they end and
keep it beside the store keyed as the next start keys it (server/search_index.py,
``keep_for_next_start``): that start reuses it.

Real commands (``python -m diplograph build``/``load``) on a real on-disk store, then the
real server as a process. Whether the start reused the kept index is read in the server's log
(the builder's line) and in the kept folder (the same file, byte for byte), never inferred
from timing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

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
KEPT_LINE = "search index kept for the next start"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    env.update(extra)
    return env


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "diplograph", *args], capture_output=True,
                          text=True, env=_env(**env), timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc


def _build(store: Path, sources: Path, **env: str) -> str:
    """``diplograph build`` of the registry (no data sets, no sources); its messages."""
    sources.mkdir(exist_ok=True)
    return _cli("build", "--store", str(store), "--no-datasets", "--sources", str(sources),
                **env).stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A store made by ``_build``, with the index the build kept beside it; the folder of
    sources it was built from; the build's messages. Made once for the file: the two tests
    that begin with such a build work on copies (``built_copy``) instead of a build each
    (about 1.8 s of CPU: docs/testing.md, "Session 18")."""
    tmp = tmp_path_factory.mktemp("built")
    said = _build(tmp / "store", tmp / "sources")
    return tmp / "store", tmp / "sources", said


@pytest.fixture()
def built_copy(built: tuple[Path, Path, str], tmp_path: Path) -> tuple[Path, Path, str]:
    """A private copy of ``built``'s store with the index its build kept: the same files (the
    index is keyed by the content of the store's tables, not by its folder, as a start keys
    it), as after that build in this folder; the sources and the messages of ``built``."""
    store, sources, said = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("LOCK"))
    kept = store.with_name(store.name + ".search-index")
    if kept.exists():
        shutil.copytree(kept, copy.with_name(copy.name + ".search-index"))
    return copy, sources, said


def _kept(store: Path) -> dict[str, bytes]:
    """The kept indexes beside ``store``: file name -> content."""
    folder = store.with_name(store.name + ".search-index")
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def _header(raw: bytes) -> dict:
    return json.loads(raw.split(b"\n", 1)[0])


def _found(server: LiveServer, text: str) -> list[str]:
    r = requests.get(server.url + "/search.json", params={"q": text}, timeout=60)
    assert r.status_code == 200, r.text
    return [h["label"] for h in r.json()["results"]]


def _stop(server: LiveServer) -> bytes:
    wait_for(lambda: REUSED in server.log.read_bytes()
             or b"search index kept" in server.log.read_bytes(), 60)
    server.stop()
    return server.log.read_bytes()


def test_the_first_start_after_a_build_reuses_the_index_the_build_kept(
        built: tuple[Path, Path, str], built_copy: tuple[Path, Path, str]) -> None:
    store, _, said = built_copy
    assert KEPT_LINE in said, said
    kept = _kept(store)
    assert len(kept) == 1
    [raw] = kept.values()
    assert _header(raw)["entities"] > 100 and _header(raw)["stores"]
    # the build's own opening of the store leaves no checkpoints behind (beside the store it
    # built: the copy holds only the store and its kept index)
    assert not built[0].with_name("store.snapshots").exists()
    server = LiveServer(store, timeout=60.0)
    try:
        assert "Kazakhstan" in _found(server, "kazakhstan")
        assert "Vietnam" in _found(server, "việt nam")
        for page, name in (("/page/state/?q=kazakh", "Kazakhstan"),
                           ("/page/org/?q=united+nations", "United Nations")):
            r = requests.get(server.url + page, timeout=60)
            assert r.status_code == 200 and name in r.text, page
    finally:
        log = _stop(server)
    assert REUSED in log and BUILT not in log, log.decode(errors="replace")
    assert _kept(store) == kept  # nothing written again: the same file, byte for byte


def test_a_build_with_nothing_to_rebuild_keeps_no_second_index(
        built_copy: tuple[Path, Path, str]) -> None:
    store, sources, _ = built_copy
    kept = _kept(store)
    assert kept  # the first build's
    said = _build(store, sources)
    assert "nothing to rebuild" in said and KEPT_LINE not in said, said
    assert _kept(store) == kept


def test_no_cache_keeps_no_index_after_a_build(tmp_path: Path) -> None:
    store = tmp_path / "store"
    said = _build(store, tmp_path / "sources", DIPLOGRAPH_NO_CACHE="1")
    assert KEPT_LINE not in said
    assert not store.with_name("store.search-index").exists()
    assert not store.with_name("store.snapshots").exists()


@pytest.mark.parametrize("kind", ["rdf", "facts"])
def test_the_first_start_after_a_load_finds_the_loaded_names_in_the_kept_index(
        tmp_path: Path, kind: str) -> None:
    store = tmp_path / "store"
    fill_store(store)
    if kind == "rdf":
        data = tmp_path / "more.nq"
        data.write_text(f'<{ID}state/KAZ> <{TYPE}> <https://diplograph.org/ontology#State> '
                        f'<{REGISTRY}> .\n'
                        f'<{ID}state/KAZ> <{LABEL}> "Kazakhstan"@en <{REGISTRY}> .\n')
        name = ("kazakh", "Kazakhstan")
    else:  # a source document: its graph and its title (a document is an entity of search)
        data = Path(__file__).resolve().parents[2] / "sources" / "000_68460debbf1317d8.facts.yaml"
        name = ("vietnam mongolia relations", "Vietnam–Mongolia relations")
        assert name[1] in data.read_text(encoding="utf-8")
    said = _cli("load", "--store", str(store), str(data)).stderr
    assert KEPT_LINE in said, said
    [raw] = _kept(store).values()
    server = LiveServer(store, timeout=60.0)
    try:
        assert name[1] in _found(server, name[0])
        assert "Mongolia" in _found(server, "mongolia")  # the fixture's names stay
        r = requests.get(server.url + "/page/state/", timeout=60)
        assert r.status_code == 200 and "Mongolia" in r.text
    finally:
        log = _stop(server)
    assert REUSED in log and BUILT not in log, log.decode(errors="replace")
    # the same index (an opening that compacted the load's tables adds its key to the header)
    [again] = _kept(store).values()
    assert again.split(b"\n", 1)[1] == raw.split(b"\n", 1)[1]
    assert set(_header(raw)["stores"]) <= set(_header(again)["stores"])


def test_the_next_opening_after_a_load_finds_a_key_the_keeper_kept(tmp_path: Path) -> None:
    """The first start after a load reuses the kept index only if one of its keys is one the
    keeper kept. Each opening of a freshly loaded store runs a step of RocksDB's compactions
    (4 openings for this store), and a step that ended before the start's checkpoint gave the
    start only keys of other tables (an intermittent rebuild at the start: docs/testing.md,
    "Session 20: fresh-clone runs"). The start now also keys the store's tables as its
    opening found them, the keeper's last; whatever the opening compacts, a key matches."""
    from diplograph.graph.checkpoints import Checkpoints

    store = tmp_path / "store"
    fill_store(store)
    data = Path(__file__).resolve().parents[2] / "sources" / "000_68460debbf1317d8.facts.yaml"
    said = _cli("load", "--store", str(store), str(data)).stderr
    assert KEPT_LINE in said, said
    [raw] = _kept(store).values()
    checkpoints = Checkpoints(store)
    checkpoints.prepare()
    keys = checkpoints.content_keys()
    assert set(keys) & set(_header(raw)["stores"]), (keys, _header(raw)["stores"])


def test_a_load_while_the_store_is_served_leaves_the_service_alone(tmp_path: Path) -> None:
    """The load writes through the service's checkpoints; the index is the service's to
    bring up to date (nothing kept by the load, none of the service's checkpoints touched)."""
    store = tmp_path / "store"
    fill_store(store)
    server = LiveServer(store, timeout=60.0)
    try:
        assert _found(server, "mongolia") == ["Mongolia"]
        current = (tmp_path / "store.snapshots" / "CURRENT").read_text()
        data = tmp_path / "more.nq"
        data.write_text(f'<{ID}state/KAZ> <{TYPE}> <https://diplograph.org/ontology#State> '
                        f'<{REGISTRY}> .\n'
                        f'<{ID}state/KAZ> <{LABEL}> "Kazakhstan"@en <{REGISTRY}> .\n')
        said = _cli("load", "--store", str(store), str(data)).stderr
        assert "being served" in said and KEPT_LINE not in said, said
        after = (tmp_path / "store.snapshots" / "CURRENT").read_text()
        assert after != current and (tmp_path / "store.snapshots" / after.strip()).is_dir()
        assert _found(server, "kazakh") == ["Kazakhstan"]
        r = requests.post(server.url + "/update", headers=AUTH, timeout=60,
                          data={"update": "INSERT DATA { <http://e/s> <http://e/p> 1 }"})
        assert r.status_code == 204, r.text
        assert server.proc.poll() is None
    finally:
        _stop(server)
