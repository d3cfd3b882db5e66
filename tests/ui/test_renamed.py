"""Renamed IRIs (``data/registry/renamed.csv``) answer 301 to their new IRI, for pages, the IRI
itself (content negotiation) and data, sub-nodes and query strings included. The server reads
the table from its store (the ``renamed-iris`` graph the build writes from the file:
``loaders/lookup_tables.py``); a store without it moves nothing, and a write that adds a row
moves that IRI too."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from diplograph.graph.errors import DiplographError
from diplograph.graph.store import open_store
from diplograph.loaders.lookup_tables import TABLES
from diplograph.loaders.registry import default_data_dir
from diplograph.server.renamed import default_file, new_path, read_renamed

from .conftest import fixture_app, load_fixture

RENAMED = TABLES["renamed-iris"]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The UI's fixture store with the ``renamed-iris`` table the build writes."""
    path = tmp_path_factory.mktemp("renamed-store") / "store"
    load_fixture(path)
    store = open_store(path)
    store.load("".join(RENAMED.quads(default_data_dir())).encode(),
               format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(RENAMED.DATASET.graph))
    store.flush()
    del store
    return path

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
ROWS = list(csv.DictReader(default_file().open(encoding="utf-8", newline="")))


@pytest.mark.parametrize("row", ROWS, ids=[r["old"] for r in ROWS])
def test_every_renamed_iri_moves_permanently(client: FlaskClient, row: dict[str, str]) -> None:
    old, new = row["old"], row["new"]
    for url, target in [(f"/id/{old}", f"/id/{new}"), (f"/page/{old}", f"/page/{new}"),
                        (f"/data/{old}.ttl", f"/data/{new}.ttl"),
                        (f"/id/{old}.jsonld", f"/id/{new}.jsonld"),
                        (f"/id/{old}.html", f"/id/{new}.html"),
                        (f"/id/{old}/wikidata", f"/id/{new}/wikidata")]:
        for headers in (HTML, {"Accept": "text/turtle"}, {}):
            r = client.get(url, headers=headers)
            assert r.status_code == 301, (url, headers, r.status_code)
            assert r.headers["Location"].endswith(target), (url, r.headers["Location"])
    kept = client.get(f"/page/{old}?lang=vi&source=data", headers=HTML)
    assert kept.headers["Location"].endswith(f"/page/{new}?lang=vi&source=data")


def test_the_new_iris_are_registry_states() -> None:
    """Each new key is a state of the registry (the entity column of state-periods.csv)."""
    periods = Path(default_file()).with_name("state-periods.csv")
    keys = {r["entity"] for r in csv.DictReader(periods.open(encoding="utf-8", newline=""))}
    assert ROWS
    for row in ROWS:
        assert row["new"].startswith("state/") and row["new"].split("/", 1)[1] in keys, row
        assert row["old"].split("/", 1)[1] not in keys, row


def test_a_current_iri_is_not_moved(client: FlaskClient) -> None:
    assert client.get("/id/state/MNG", headers=HTML).status_code == 303
    assert new_path("state/USSRX") is None and new_path("state/US") is None


def test_a_bad_row_names_file_line_and_field(tmp_path: Path) -> None:
    f = tmp_path / "renamed.csv"
    f.write_text("old,new,reason,date\nstate/A,state/B,x,2026-01-01\nstate/C,state/D,,2026-01-01\n",
                 encoding="utf-8")
    with pytest.raises(DiplographError, match=r"renamed.csv:3: reason"):
        read_renamed(f)
    f.write_text("old,new,reason,date\nstate/A,state/B,x,2026-01-01\nstate/B,state/C,x,2026-01-02\n",
                 encoding="utf-8")
    with pytest.raises(DiplographError, match=r"renamed again"):
        read_renamed(f)
    f.write_text("old,new,reason,date\nstate/A b,state/B,x,2026-01-01\n", encoding="utf-8")
    with pytest.raises(DiplographError, match=r"renamed.csv:2: old"):
        read_renamed(f)


def test_a_store_without_the_table_moves_nothing(tmp_path: Path) -> None:
    load_fixture(tmp_path / "store")
    app = fixture_app(tmp_path / "store")
    try:
        assert app.test_client().get("/id/state/USSR", headers=HTML).status_code == 404
    finally:
        app.extensions["diplograph"].close()


def test_a_row_written_to_the_store_moves_its_iri(store_dir: Path, tmp_path: Path) -> None:
    """The table is read again after a write (the write generation), not once per process."""
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy, ignore=shutil.ignore_patterns("LOCK"))
    app = fixture_app(copy)
    try:
        client = app.test_client()
        assert client.get("/id/state/MNGX", headers=HTML).status_code == 404
        row = RENAMED.row_iri(99)
        app.extensions["diplograph"].update(
            f"INSERT DATA {{ GRAPH <{RENAMED.DATASET.graph}> {{ <{row}> a "
            f"<http://www.w3.org/ns/csvw#Row> ; <http://www.w3.org/ns/csvw#rownum> 99 ; "
            f"<{RENAMED.column('old')}> 'state/MNGX' ; <{RENAMED.column('new')}> 'state/MNG' ; "
            f"<{RENAMED.column('reason')}> 'a test' ; <{RENAMED.column('date')}> '2026-12-05' ; "
            f"<http://www.w3.org/ns/prov#wasDerivedFrom> <{row}/rows> . <{row}/rows> "
            f"<https://diplograph.org/ontology#rows> '99' }} }}")
        r = client.get("/id/state/MNGX", headers=HTML)
        assert r.status_code == 301 and r.headers["Location"].endswith("/id/state/MNG")
    finally:
        app.extensions["diplograph"].close()
