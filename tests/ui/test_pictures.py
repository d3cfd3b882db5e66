"""Maps, charts and networks drawn on the server (real build, Flask test client). Each
picture's numbers are checked against a query of their own on the same store."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from diplograph.loaders.lookup_tables import read_rows
from diplograph.server import worldmap
from diplograph.server.app import create_app

SVG = "{http://www.w3.org/2000/svg}"
MNG = "https://diplograph.org/id/state/MNG"


@pytest.fixture(scope="module")
def built(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory,
          ) -> Iterator[tuple[FlaskClient, ox.Store]]:
    store = tmp_path_factory.mktemp("pictures") / "store"
    shutil.copytree(built_store_path, store, ignore=shutil.ignore_patterns("LOCK"))
    app = create_app({"DIPLOGRAPH_STORE": str(store), "DIPLOGRAPH_QUERY_WORKERS": 1,
                      "DIPLOGRAPH_ISOLATION": "thread", "TESTING": True})
    yield app.test_client(), ox.Store.read_only(str(built_store_path))
    app.extensions["diplograph"].close()


def svg(client: FlaskClient, url: str) -> ET.Element:
    r = client.get(url)
    assert r.status_code == 200, r.get_data(as_text=True)
    assert r.mimetype == "image/svg+xml"
    return ET.fromstring(r.data)


def titles(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}title")]


needs_shapes = pytest.mark.skipif(not worldmap.available(),
                                  reason="world-atlas not vendored (scripts/install_ui.sh)")


@needs_shapes
def test_shared_memberships_map_matches_a_query(built: tuple[FlaskClient, ox.Store]) -> None:
    client, store = built
    root = svg(client, "/pictures/map/state/MNG.svg")
    assert len(root.findall(f".//{SVG}path")) > 150  # every country is drawn
    expected = int(next(iter(store.query(
        "PREFIX org: <http://www.w3.org/ns/org#> SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {"
        f" ?a org:member <{MNG}> ; org:organization ?o . ?b org:organization ?o ;"
        " org:member <https://diplograph.org/id/state/VNM> }",
        use_default_graph_as_union=True)))["n"].value)
    assert f"Vietnam: {expected} organisations shared" in titles(root)
    assert "Mongolia: this page's state" in titles(root)


#: the shared-memberships query as first written (one row per pair of membership spells)
PLAIN_SHARED = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?s ?code ?other (COUNT(DISTINCT ?o) AS ?n) WHERE {
  ?m1 org:member ?s ; org:organization ?o .
  ?m2 org:organization ?o ; org:member ?other .
  FILTER(?other != ?s)
  ?other dg:iso3166Alpha3 ?code .
} GROUP BY ?s ?code ?other"""


@pytest.mark.parametrize("state", ["FRA", "MNG", "VNM", "SUN"])
def test_the_faster_shared_memberships_query_gives_the_plain_ones_rows(
        built: tuple[FlaskClient, ox.Store], state: str) -> None:
    from diplograph.server.pictures import MAP_SHARED

    _, store = built
    s = {ox.Variable("s"): ox.NamedNode(f"https://diplograph.org/id/state/{state}")}

    def rows(query: str) -> set[tuple[str, str, str]]:
        return {(r["code"].value, r["other"].value, r["n"].value)
                for r in store.query(query, use_default_graph_as_union=True, substitutions=s)}

    plain = rows(PLAIN_SHARED)
    assert plain and rows(MAP_SHARED) == plain


@needs_shapes
def test_members_map_colours_every_member(built: tuple[FlaskClient, ox.Store]) -> None:
    client, store = built
    root = svg(client, "/pictures/map/org/UN.svg")
    members = {r["c"].value for r in store.query(
        "PREFIX org: <http://www.w3.org/ns/org#> PREFIX dg: <https://diplograph.org/ontology#>"
        " SELECT DISTINCT ?c WHERE { ?m org:organization <https://diplograph.org/id/org/UN> ;"
        " org:member ?s . ?s dg:iso3166Alpha3 ?c }", use_default_graph_as_union=True)}
    drawn = {t.split(":")[0] for t in titles(root) if ": member" in t}
    codes = worldmap.numeric_to_alpha3(read_rows(store, "iso3166-numeric"))
    assert len(codes) > 240  # the store's ISO table (the build's iso3166-numeric)
    on_map = {code for code in members if code in worldmap.shapes(codes)}
    assert len(drawn) == len(on_map) > 150


def test_network_of_a_state(built: tuple[FlaskClient, ox.Store]) -> None:
    client, _ = built
    root = svg(client, "/pictures/network/state/MNG.svg")
    names = {t.text for t in root.iter(f"{SVG}text")}
    assert {"Mongolia", "Vietnam"} <= names
    edges = [t for t in titles(root) if t.startswith("Mongolia – Vietnam: ")]
    assert len(edges) >= 3  # relations, agreements, events … each its own edge


def test_membership_chart_counts_spells(built: tuple[FlaskClient, ox.Store]) -> None:
    client, _ = built
    root = svg(client, "/pictures/chart/state/MNG.svg")
    points = {t.split(":")[0]: int(t.split(":")[1].split()[0].replace(",", ""))
              for t in titles(root) if ": " in t and t[:4].isdigit()}
    assert points["1961"] >= 1 and points["2010"] > points["1961"]


def test_trade_chart_marks_the_partial_period(built: tuple[FlaskClient, ox.Store]) -> None:
    client, store = built
    root = svg(client, "/pictures/chart/state/MNG.svg?series=trade")
    n = len(list(store.query(
        "PREFIX dg: <https://diplograph.org/ontology#> SELECT ?o WHERE { ?o a"
        f" dg:TradeObservation ; dg:reporter|dg:partner <{MNG}> }}",
        use_default_graph_as_union=True)))
    bars = [r for r in root.iter(f"{SVG}rect") if "bar" in (r.get("class") or "")]
    assert len(bars) == n and sum("partial" in r.get("class", "") for r in bars) == 1
    assert any("partial period" in t for t in titles(root))


def test_pictures_refuse_bad_requests(built: tuple[FlaskClient, ox.Store]) -> None:
    client, _ = built
    assert client.get("/pictures/map/state/MNG.svg?by=planets").status_code == 400
    assert client.get("/pictures/chart/state/MNG.svg?series=x").status_code == 400
    assert client.get("/pictures/network/state/XXX.svg").status_code == 404
    assert client.get("/pictures/chart/state/VAT.svg?series=trade").status_code == 404
    assert client.get("/pictures/map/state/..%2F..%2Fetc.svg").status_code in (400, 404)


def test_entity_page_embeds_its_pictures(built: tuple[FlaskClient, ox.Store]) -> None:
    client, _ = built
    page = client.get("/page/state/MNG", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'id="pictures"' in page and "/pictures/chart/state/MNG.svg" in page
    assert "/pictures/network/state/MNG.svg" in page
