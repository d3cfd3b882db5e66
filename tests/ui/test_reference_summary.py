"""Reference-data groups folded under a one-line summary; alliance and conflict charts and
map modes of a state (server/linked_data.py, server/pictures.py, graph/series.py; #12).

A real on-disk store holds the UI fixture plus, in a data-set graph, Mongolia's alliance
spells (ATOP-shaped: three spells with two partners), two militarized disputes and one war
with their participation episodes and sides. Every number the tests expect is counted from
the rows written here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from diplograph.loaders.lookup_tables import TABLES
from diplograph.loaders.registry import default_data_dir
from diplograph.server import worldmap

from .conftest import BASE, fixture_app_with

HTML = {"Accept": "text/html"}
SVG = "{http://www.w3.org/2000/svg}"
DG = "https://diplograph.org/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
ID = BASE + "id/"

#: (id, partner, first year, last year, obligations)
SPELLS = [("a1", "VNM", 1950, 1960, ["defence"]),
          ("a2", "VNM", 1970, 1991, ["defence", "consultation"]),
          ("a3", "CUB", 1962, 2018, ["consultation"])]
#: (class, id, first year, last year, [(state, side)])
CONFLICTS = [("MilitarizedDispute", "mid/9001", 1939, 1939, [("MNG", "a"), ("JPN", "b")]),
             ("MilitarizedDispute", "mid/9002", 1945, 1946,
              [("MNG", "a"), ("CUB", "a"), ("CHN", "b")]),
             ("War", "cow-wars/9003", 1945, 1945, [("MNG", "a"), ("JPN", "b")])]


def _data() -> str:
    out = [f"<{ID}dataset/atop> a <{DG}ReferenceDataset> ; <http://purl.org/dc/terms/title> "
           '"ATOP v5.1 alliance treaty obligations (test rows)"@en .',
           f"<{ID}state/CUB> a <{DG}State> ; <http://www.w3.org/2000/01/rdf-schema#label> "
           f'"Cuba"@en ; <{DG}iso3166Alpha3> "CUB" .',
           f"<{ID}state/JPN> a <{DG}State> ; <http://www.w3.org/2000/01/rdf-schema#label> "
           f'"Japan"@en ; <{DG}iso3166Alpha3> "JPN" .',
           f"<{ID}state/CHN> a <{DG}State> ; <http://www.w3.org/2000/01/rdf-schema#label> "
           f'"China"@en ; <{DG}iso3166Alpha3> "CHN" .']
    for name, other, a, b, obligations in SPELLS:
        f = f"<{ID}fact/atop/test-{name}>"
        obl = " ; ".join(f"<{DG}obligation> <{ID}concept/obligation/{o}>" for o in obligations)
        out.append(
            f"{f} a <{DG}Fact>, <{DG}AllianceObligation> ; "
            f"<{DG}party> <{ID}state/MNG>, <{ID}state/{other}> ; "
            f"<{DG}involves> <{ID}state/MNG>, <{ID}state/{other}> ; {obl} ; "
            f'<{DG}startDate> "{a}"^^<{XSD}gYear> ; <{DG}startDateEarliest> "{a}-01-01"^^<{XSD}date> ; '
            f'<{DG}endDate> "{b}"^^<{XSD}gYear> ; <{DG}endDateLatest> "{b}-12-31"^^<{XSD}date> ; '
            f"<{PROV}wasDerivedFrom> <{ID}dataset/atop> .")
    for cls, name, a, b, sides in CONFLICTS:
        f = f"<{ID}fact/{name}>"
        involves = ", ".join(f"<{ID}state/{s}>" for s, _ in sides)
        episodes = ", ".join(f"<{ID}fact/{name}/participant/{s}>" for s, _ in sides)
        out.append(
            f"{f} a <{DG}Fact>, <{DG}{cls}> ; <{DG}involves> {involves} ; "
            f"<{DG}participantEpisode> {episodes} ; "
            f'<{DG}startDateEarliest> "{a}-01-01"^^<{XSD}date> ; '
            f'<{DG}endDateLatest> "{b}-12-31"^^<{XSD}date> ; '
            f"<{PROV}wasDerivedFrom> <{ID}dataset/mid> .")
        for s, side in sides:
            out.append(f"<{ID}fact/{name}/participant/{s}> <{DG}participant> <{ID}state/{s}> ; "
                       f"<{DG}side> <{ID}concept/side/{side}> .")
    return "\n".join(out)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with fixture_app_with(tmp_path_factory.mktemp("refsum") / "store", _data(),
                          "https://diplograph.org/graph/dataset/test-conflicts") as app:
        # the map names states by the ISO table the build writes (loaders/lookup_tables.py)
        table = TABLES["iso3166-numeric"]
        app.extensions["diplograph"].update(
            f"INSERT DATA {{ GRAPH <{table.DATASET.graph}> "
            f"{{ {''.join(table.quads(default_data_dir()))} }} }}")
        yield app


def _section(html: str, group: str) -> str:
    section = html[html.index(f'<section class="panel facts" id="{group}"'):]
    return section[:section.index("</section>")]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_a_reference_group_is_folded_under_a_summary_line(app: Flask) -> None:
    c: FlaskClient = app.test_client()
    page = c.get("/page/state/MNG", headers=HTML).get_data(as_text=True)
    alliances = _section(page, "alliances")
    summary = re.search(r'<p class="ref-summary" id="summary-alliances">(.*?)</p>', alliances)
    assert summary, alliances[:500]
    partners = {other for _, other, *_ in SPELLS}
    first = min(a for *_, a, _, _ in SPELLS)
    last = max(b for *_, b, _ in SPELLS)
    assert _text(summary.group(1)) == (
        f"{len(SPELLS)} from reference data sets, with {len(partners)} counterparts, "
        f"{first}–{last}: ATOP v5.1 alliance treaty obligations")
    assert 'href="/id/dataset/atop"' in summary.group(1)  # the data set, linked
    # the table is there (it works without JavaScript) but folded
    assert '<details class="reference">' in alliances
    assert "<summary>" in alliances and alliances.count('<tr id="fact-') == len(SPELLS)
    # a group of document facts stays open: its table is not inside a <details>
    memberships = _section(page, "memberships")
    head = memberships.split("<details", 1)[0]
    assert '<tr id="fact-' in head


def test_asking_for_a_group_opens_its_table(app: Flask) -> None:
    c: FlaskClient = app.test_client()
    for query in ("?kind=alliances", "?source=data"):
        page = c.get("/page/state/MNG" + query, headers=HTML).get_data(as_text=True)
        alliances = _section(page, "alliances")
        assert '<details class="reference" open>' in alliances, query
        assert 'id="summary-alliances"' in alliances
    # a period filter counts only the spells it keeps, in the summary too
    page = c.get("/page/state/MNG?from=1990&to=2000", headers=HTML).get_data(as_text=True)
    kept = [s for s in SPELLS if s[3] >= 1990 and s[2] <= 2000]
    summary = re.search(r'id="summary-alliances">(.*?)</p>', page)
    assert summary and _text(summary.group(1)).startswith(
        f"{len(kept)} from reference data sets, with {len({s[1] for s in kept})} counterparts, "
        f"{min(s[2] for s in kept)}–{max(s[3] for s in kept)}")


def _in_force(year: int) -> int:
    return sum(1 for _, _, a, b, _ in SPELLS if a <= year <= b)


def _under_way(cls: str, year: int) -> int:
    return sum(1 for c, _, a, b, _ in CONFLICTS if c == cls and a <= year <= b)


def _svg(c: FlaskClient, url: str) -> ET.Element:
    r = c.get(url)
    assert r.status_code == 200, r.get_data(as_text=True)
    assert r.mimetype == "image/svg+xml"
    return ET.fromstring(r.data)


def _titles(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}title")]


def test_alliance_chart_counts_the_spells_in_force(app: Flask) -> None:
    c: FlaskClient = app.test_client()
    root = _svg(c, "/pictures/chart/state/MNG.svg?series=alliances")
    titles = _titles(root)
    assert titles[0] == "Mongolia: allies by year (alliance spells in force, ATOP)"
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "from 1950 to 2018" in (desc.text or "")
    for year in (1950, 1961, 1965, 1980, 1995, 2018):
        assert f"{year}: {_in_force(year)} allies" in titles
    # the axis: years below, the unit named
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "1960" in texts and "allies by year" in texts


def test_conflict_chart_counts_disputes_and_wars_by_year(app: Flask) -> None:
    c: FlaskClient = app.test_client()
    root = _svg(c, "/pictures/chart/state/MNG.svg?series=conflicts")
    titles = _titles(root)
    for year in range(1939, 1947):
        assert (f"{year}: {_under_way('MilitarizedDispute', year)} disputes, "
                f"{_under_way('War', year)} wars") in titles
    assert len(root.findall(f".//{SVG}polyline")) == 2  # disputes and wars
    assert root.find(f"{SVG}desc") is not None
    # a state without any: a clear 404, and the page does not embed it
    assert c.get("/pictures/chart/state/VNM.svg?series=conflicts").status_code == 404
    vnm = c.get("/page/state/VNM", headers=HTML).get_data(as_text=True)
    assert "series=conflicts" not in vnm
    mng = c.get("/page/state/MNG", headers=HTML).get_data(as_text=True)
    assert "series=alliances" in mng and "series=conflicts" in mng


needs_shapes = pytest.mark.skipif(not worldmap.available(),
                                  reason="world-atlas not vendored (scripts/install_ui.sh)")


@needs_shapes
def test_alliance_map_colours_the_allies_of_a_year(app: Flask) -> None:
    c: FlaskClient = app.test_client()
    latest = _titles(_svg(c, "/pictures/map/state/MNG.svg?by=alliances"))
    assert latest[0].startswith("Allies of Mongolia in 2018")
    assert "Cuba: allied in 2018: consultation" in latest
    assert "Vietnam: none" in latest  # its spells ended in 1991
    y1975 = _titles(_svg(c, "/pictures/map/state/MNG.svg?by=alliances&year=1975"))
    assert "Vietnam: allied in 1975: consultation, defence" in y1975
    assert "Cuba: allied in 1975: consultation" in y1975
    for bad in ("19x", "99999", "<script>"):
        r = c.get("/pictures/map/state/MNG.svg?by=alliances&year=" + bad)
        assert r.status_code == 400 and b"<script>" not in r.data


@needs_shapes
def test_opponent_map_colours_the_other_side(app: Flask) -> None:
    c: FlaskClient = app.test_client()
    titles = _titles(_svg(c, "/pictures/map/state/MNG.svg?by=opponents"))
    assert titles[0].startswith("Opponents of Mongolia")
    assert "Japan: opponent in 1 dispute, 1 war" in titles
    assert "China: opponent in 1 dispute" in titles
    assert "Cuba: none" in titles  # on Mongolia's side
    page = c.get("/page/state/MNG", headers=HTML).get_data(as_text=True)
    assert "by=alliances" in page and "by=opponents" in page
