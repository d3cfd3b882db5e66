"""The curation API (server/curation.py) on a real store: token, reading, saving into the facts
file and the running graph, bad operations, hand edits kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from server_support import TOKEN, make_app

CORPUS = Path(__file__).resolve().parents[1] / "extraction" / "corpus"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NAME = "doc.facts.yaml"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document and the facts file ``diplograph extract`` (run as a process) writes for it,
    made once for the file: the extraction gives the same file every time, and each test
    edits a copy of its own (``folder``; an extraction per test cost about 1 s of CPU:
    docs/testing.md, "Session 18")."""
    cur = tmp_path_factory.mktemp("extracted")
    shutil.copy(CORPUS / "dev" / "en-saudi-iran-2023.txt", cur / "doc.txt")
    r = subprocess.run([sys.executable, "-m", "diplograph", "extract", str(cur / "doc.txt"),
                        "-o", str(cur / NAME)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return cur


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extracted: Path) -> Path:
    """The curation folder of a test: a copy of ``extracted``."""
    cur = tmp_path / "curation"
    shutil.copytree(extracted, cur)
    monkeypatch.setenv("DIPLOGRAPH_CURATION_DIR", str(cur))
    return cur


@pytest.fixture(scope="module")
def registry_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture store with the registry the build writes, written once for the file through
    the app's own write path; each test's app runs on a copy of it (``client``)."""
    from diplograph.loaders.registry import load_registry

    path = tmp_path_factory.mktemp("registry-store") / "store"
    app = make_app(path)
    quads = list(load_registry().quads())
    app.extensions["diplograph"]._write(lambda store: store.extend(quads))
    app.extensions["diplograph"].close()
    return path


@pytest.fixture()
def client(tmp_path: Path, folder: Path, registry_store: Path):
    """The app on a store holding the registry the build writes (the server resolves the
    documents' names with its store's registry, never one made from data/): a copy of
    ``registry_store`` for each test (writing the registry for each cost about 1 s of CPU)."""
    store = tmp_path / "store"
    shutil.copytree(registry_store, store, ignore=shutil.ignore_patterns("LOCK"))
    app = make_app(store)
    yield app.test_client()
    app.extensions["diplograph"].close()


def test_names_are_resolved_with_the_stores_registry(tmp_path: Path, folder: Path) -> None:
    """A store whose registry holds three entities (the fixture's): the document's names it
    lacks are refused, although the registry of data/ holds them; the file is not written."""
    app = make_app(tmp_path / "small-store")
    try:
        before = (folder / NAME).read_text("utf-8")
        rel = next(i for i, f in ids(folder).items() if f["type"] == "relation")
        r = app.test_client().post(f"/curate/api/documents/{NAME}", headers=AUTH, json={
            "operations": [{"op": "status", "id": rel, "status": "accepted"}]})
        text = r.get_data(as_text=True)
        assert r.status_code == 400 and "unknown name 'Saudi Arabia'" in text, text
        assert (folder / NAME).read_text("utf-8") == before
    finally:
        app.extensions["diplograph"].close()


def ids(folder: Path) -> dict[str, dict]:
    return {f["id"]: f for f in yaml.safe_load((folder / NAME).read_text("utf-8"))["facts"]}


def test_the_api_needs_the_token(client) -> None:
    assert client.get("/curate/api/documents").status_code == 401
    r = client.get("/curate/api/documents", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403
    assert client.get("/curate/").status_code == 200  # the shell holds no data


def test_a_document_with_its_candidates_and_offsets(client, folder: Path) -> None:
    r = client.get(f"/curate/api/documents/{NAME}", headers=AUTH)
    assert r.status_code == 200
    data = r.get_json()
    assert data["facts"] and all(f["review"] == "candidate" for f in data["facts"])
    for f in data["facts"]:
        a, b = f["offsets"]
        assert data["text"][a:b] == f["quote"]
    names = client.get("/curate/api/names?q=Viet Nam", headers=AUTH).get_json()["names"]
    assert names[0]["key"] == "VNM"


def test_saving_writes_the_file_and_the_graph(client, folder: Path) -> None:
    facts = ids(folder)
    rel = next(i for i, f in facts.items() if f["type"] == "relation")
    other = next(i for i, f in facts.items() if f["type"] == "event")
    # a hand edit made after the page was opened
    path = folder / NAME
    path.write_text(path.read_text("utf-8").replace("facts:\n", "# hand edit\nfacts:\n", 1),
                    "utf-8")
    edited = dict(facts[other], review="accepted")
    edited.pop("id")
    edited["note"] = "edited on the page"
    text = "Israel, which has no diplomatic relations"
    doc_text = (folder / "doc.txt").read_text("utf-8")
    start = doc_text.index(text)
    ops = [{"op": "status", "id": rel, "status": "accepted"},
           {"op": "replace", "id": other, "fact": edited},
           {"op": "add", "fact": {"type": "claim", "claim_type": "characterisation",
                                  "subjects": ["Israel", "Iran"], "quote": text,
                                  "offsets": [start, start + len(text)],
                                  "review": "accepted"}}]
    r = client.post(f"/curate/api/documents/{NAME}", json={"operations": ops}, headers=AUTH)
    assert r.status_code == 200, r.get_data(as_text=True)
    assert r.get_json()["saved"]["accepted"] == 3
    after = ids(folder)
    assert after[rel]["review"] == "accepted" and after[other]["note"] == "edited on the page"
    assert "# hand edit" in path.read_text("utf-8")
    q = ("PREFIX dg: <https://diplograph.org/ontology#> SELECT (COUNT(?f) AS ?n) WHERE { "
         "GRAPH <https://diplograph.org/graph/source/doc> { ?f a dg:Fact } }")
    res = client.get("/sparql", query_string={"query": q},
                     headers={"Accept": "application/sparql-results+json"}).get_json()
    assert res["results"]["bindings"][0]["n"]["value"] == "3"


def test_a_bad_operation_writes_nothing(client, folder: Path) -> None:
    before = (folder / NAME).read_text("utf-8")
    facts = ids(folder)
    rel = next(i for i, f in facts.items() if f["type"] == "relation")
    broken = dict(facts[rel], parties=["Saudi Arabia", "Ruritania"], review="accepted")
    r = client.post(f"/curate/api/documents/{NAME}",
                    json={"operations": [{"op": "replace", "id": rel, "fact": broken}]},
                    headers=AUTH)
    assert r.status_code == 400
    assert "Ruritania" in r.get_data(as_text=True)
    assert (folder / NAME).read_text("utf-8") == before
    r = client.post(f"/curate/api/documents/{NAME}", json={"operations": [{"op": "drop"}]},
                    headers=AUTH)
    assert r.status_code == 400
    r = client.get("/curate/api/documents/..%2Fsecret.facts.yaml", headers=AUTH)
    assert r.status_code in (400, 404)


def test_a_store_without_a_registry_says_to_build_first(tmp_path: Path, folder: Path) -> None:
    """On a store with no registry graph (an empty store, or one filled by `load` alone), a save
    and the name autocompletion answer 409 with what to do, not "unknown name" for every name;
    the file is not written and the server still answers."""
    from diplograph.graph.registry import REGISTRY_GRAPH

    app = make_app(tmp_path / "no-registry")
    try:
        app.extensions["diplograph"].update(f"DROP SILENT GRAPH <{REGISTRY_GRAPH}>")
        client = app.test_client()
        before = (folder / NAME).read_text("utf-8")
        rel = next(i for i, f in ids(folder).items() if f["type"] == "relation")
        r = client.post(f"/curate/api/documents/{NAME}", headers=AUTH, json={
            "operations": [{"op": "status", "id": rel, "status": "accepted"}]})
        text = r.get_data(as_text=True)
        assert r.status_code == 409 and "diplograph build" in text, text
        assert "unknown name" not in text
        assert (folder / NAME).read_text("utf-8") == before
        r = client.get("/curate/api/names?q=Viet Nam", headers=AUTH)
        assert r.status_code == 409 and "no registry" in r.get_data(as_text=True)
        assert client.get(f"/curate/api/documents/{NAME}", headers=AUTH).status_code == 200
    finally:
        app.extensions["diplograph"].close()
