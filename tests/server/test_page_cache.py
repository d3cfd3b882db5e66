"""The page cache (server/page_cache.py): a page is kept until a write touches what it read.

A real on-disk store and the app over it; writes go through ``POST /update`` as a client
sends them. A write elsewhere (another graph, other nodes) keeps the UN's page; a new fact about
the UN, a new label of a counterpart it shows, or a write that does not say what it touched
(``DELETE WHERE``, the Graph Store Protocol) gives the reader the new page at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from server_support import AUTH, make_app

from diplograph.server.app import create_app

HTML = {"Accept": "text/html"}
ID = "https://diplograph.org/id/"
PREFIXES = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def _fact(name: str, state: str, org: str = "UN", year: int = 1961) -> str:
    return (f"GRAPH <https://diplograph.org/graph/dataset/test-cache> {{ <{ID}fact/test-cache/"
            f"{name}> a dg:Fact, dg:Membership ; org:member <{ID}state/{state}> ; "
            f"org:organization <{ID}org/{org}> ; dg:involves <{ID}state/{state}>, <{ID}org/{org}> ;"
            f' dg:startDateEarliest "{year}-01-01"^^<http://www.w3.org/2001/XMLSchema#date> ; '
            f"prov:wasDerivedFrom <{ID}dataset/test-cache> }}")


@pytest.fixture()
def app(tmp_path: Path):
    app = make_app(tmp_path / "store", DIPLOGRAPH_QUERY_TIMEOUT=60.0)  # a loaded machine
    client = app.test_client()
    _write(client, PREFIXES + "INSERT DATA { " + _fact("mng-un", "MNG") + " }")
    yield app
    app.extensions["diplograph"].close()


def _write(client: FlaskClient, update: str) -> None:
    r = client.post("/update", data={"update": update}, headers=AUTH)
    assert r.status_code == 204, r.get_data(as_text=True)


def _page(client: FlaskClient, path: str) -> str:
    r = client.get(path, headers=HTML)
    assert r.status_code == 200
    return r.get_data(as_text=True)


def _stats(app: Flask) -> dict[str, int]:
    return app.extensions["diplograph.pages"].stats()  # type: ignore[no-any-return]


def test_a_page_is_made_once(app: Flask) -> None:
    c = app.test_client()
    first = _page(c, "/page/org/UN")
    assert "mng-un" in first and "Mongolia" in first
    hits = _stats(app)["hits"]
    assert _page(c, "/page/org/UN") == first
    assert _stats(app)["hits"] == hits + 1


def test_a_write_elsewhere_keeps_the_page(app: Flask) -> None:
    c = app.test_client()
    first = _page(c, "/page/org/UN")
    _write(c, "INSERT DATA { GRAPH <urn:x-test:other> { <urn:x-test:a> <urn:x-test:p> 1 } }")
    _write(c, PREFIXES + f'INSERT DATA {{ <{ID}state/VNM> rdfs:comment "elsewhere" }}')
    hits = _stats(app)["hits"]
    assert _page(c, "/page/org/UN") == first
    assert _stats(app)["hits"] == hits + 1


def test_a_new_fact_is_on_the_page_at_once(app: Flask) -> None:
    c = app.test_client()
    un, mng = _page(c, "/page/org/UN"), _page(c, "/page/state/MNG")
    assert "vnm-un" not in un
    _write(c, PREFIXES + "INSERT DATA { " + _fact("vnm-un", "VNM") + " }")
    assert "vnm-un" in _page(c, "/page/org/UN")
    assert _page(c, "/page/state/MNG") == mng  # not about Mongolia: kept
    _write(c, PREFIXES + f"DELETE DATA {{ GRAPH <https://diplograph.org/graph/dataset/test-cache>"
                         f" {{ <{ID}fact/test-cache/vnm-un> dg:involves <{ID}org/UN> ; "
                         f"org:organization <{ID}org/UN> }} }}")
    assert "vnm-un" not in _page(c, "/page/org/UN")


def test_a_new_label_of_a_counterpart_is_on_the_page(app: Flask) -> None:
    c = app.test_client()
    assert "Mongolia" in _page(c, "/page/org/UN")
    _write(c, PREFIXES + f'DELETE DATA {{ GRAPH <https://diplograph.org/graph/registry> {{ '
                         f'<{ID}state/MNG> rdfs:label "Mongolia"@en }} }} ; INSERT DATA {{ GRAPH '
                         f'<https://diplograph.org/graph/registry> {{ <{ID}state/MNG> '
                         f'rdfs:label "Mongolia (renamed)"@en }} }}')
    assert "Mongolia (renamed)" in _page(c, "/page/org/UN")


def test_a_write_that_does_not_say_empties_the_cache(app: Flask) -> None:
    c = app.test_client()
    _page(c, "/page/org/UN")
    flushes = _stats(app)["flushes"]
    _write(c, "DELETE WHERE { GRAPH <urn:x-test:nothing> { ?s ?p ?o } }")
    misses = _stats(app)["misses"]
    _page(c, "/page/org/UN")
    assert _stats(app)["flushes"] == flushes + 1
    assert _stats(app)["misses"] == misses + 1
    # the Graph Store Protocol names a graph, but replaces what it held: everything goes too
    r = c.put("/store?graph=urn:x-test:gsp", data='<urn:x-test:s> <urn:x-test:p> "1" .',
              headers={**AUTH, "Content-Type": "application/n-triples"})
    assert r.status_code in (201, 204), r.get_data(as_text=True)
    _page(c, "/page/org/UN")
    assert _stats(app)["flushes"] == flushes + 2


def test_each_language_has_its_page(app: Flask) -> None:
    c = app.test_client()
    en = _page(c, "/page/org/UN?lang=en")
    vi = _page(c, "/page/org/UN?lang=vi")
    assert '<html lang="vi">' in vi and '<html lang="en">' in en
    assert _page(c, "/page/org/UN?lang=en") == en and _page(c, "/page/org/UN?lang=vi") == vi


def test_health_reports_the_page_cache(app: Flask) -> None:
    c = app.test_client()
    _page(c, "/page/org/UN")
    _page(c, "/page/org/UN")
    pages = c.get("/health").get_json()["pages"]
    assert pages["hits"] >= 1 and pages["entries"] >= 1 and pages["bytes"] > 0


def test_off_when_the_cache_size_is_zero(tmp_path: Path) -> None:
    app = make_app(tmp_path / "store", DIPLOGRAPH_CACHE_MB=0, DIPLOGRAPH_QUERY_TIMEOUT=60.0)
    try:
        c = app.test_client()
        _page(c, "/page/state/MNG")
        _page(c, "/page/state/MNG")
        assert _stats(app)["hits"] == 0 and _stats(app)["entries"] == 0
    finally:
        app.extensions["diplograph"].close()


def test_a_picture_is_kept_until_a_write_names_what_it_reads(app: Flask) -> None:
    c = app.test_client()
    url = "/pictures/chart/state/MNG.svg?series=memberships"
    first = c.get(url)
    assert first.status_code == 200 and first.mimetype == "image/svg+xml"
    hits = _stats(app)["hits"]
    # a predicate none of the chart's queries names: the chart is kept
    _write(c, f"INSERT DATA {{ <{ID}state/MNG> <urn:x-test:note> 1 }}")
    assert c.get(url).get_data() == first.get_data()
    assert _stats(app)["hits"] == hits + 1
    # a new dated membership: the chart is drawn again, with it
    _write(c, PREFIXES + "INSERT DATA { " + _fact("mng-asean", "MNG", "ASEAN", 1950) + " }")
    again = c.get(url)
    assert again.status_code == 200 and again.get_data() != first.get_data()
    assert _stats(app)["hits"] == hits + 1


def test_a_page_made_by_one_worker_serves_the_others(app: Flask) -> None:
    """Two apps on one served store stand for two worker processes of ``diplograph serve``."""
    other = create_app({"DIPLOGRAPH_STORE": app.config["DIPLOGRAPH_STORE"],
                        "DIPLOGRAPH_PREPARED": True, "DIPLOGRAPH_QUERY_TIMEOUT": 60.0})
    try:
        c1, c2 = app.test_client(), other.test_client()
        first = _page(c1, "/page/org/UN")
        assert _page(c2, "/page/org/UN") == first
        assert _stats(other)["shared_hits"] == 1
        _write(c1, "INSERT DATA { GRAPH <urn:x-test:other> { <urn:x-test:a> <urn:x-test:p> 1 } }")
        assert _page(c2, "/page/org/UN") == first  # kept in its own memory
        assert _page(c2, "/page/org/UN?lang=en") == _page(c1, "/page/org/UN?lang=en")
        assert _stats(app)["shared_hits"] == 1  # made by the other, this time
        _write(c1, PREFIXES + "INSERT DATA { " + _fact("vnm-un", "VNM") + " }")
        assert "vnm-un" in _page(c2, "/page/org/UN")  # the shared page is stale: made again
        assert "vnm-un" in _page(c1, "/page/org/UN?lang=en")
        assert _stats(other)["shared_hits"] == 1
    finally:
        other.extensions["diplograph"].close()


def test_the_search_index_is_kept_until_a_write_may_change_a_name(app: Flask) -> None:
    """Building the index reads every entity's names (about a second on the real graph): a
    write that touches no name, type or subclass keeps it; one that may (or does not say what
    it touched) has it built again, with the change."""
    from diplograph.server.search import search_index

    c = app.test_client()
    assert c.get("/search.json?q=freedonia").get_json()["total"] == 0
    with app.app_context():
        built = search_index()
    _write(c, PREFIXES + "INSERT DATA { " + _fact("vnm-un", "VNM") + " }")  # no name in it
    with app.app_context():
        assert search_index() is built
    _write(c, PREFIXES + f'INSERT DATA {{ <{ID}state/FRD> a dg:State ; rdfs:label "Freedonia"@en }}')
    hits = c.get("/search.json?q=freedonia").get_json()
    assert hits["total"] == 1 and hits["results"][0]["iri"] == f"{ID}state/FRD"
    with app.app_context():
        built = search_index()
    _write(c, f"DELETE WHERE {{ <{ID}state/FRD> ?p ?o }}")  # says nothing of what it touched
    with app.app_context():
        assert search_index() is not built
    assert c.get("/search.json?q=freedonia").get_json()["total"] == 0
