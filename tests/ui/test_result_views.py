"""Result views of the query UI (/pictures/results.svg): a posted result drawn as a map, a
timeline, a chart or a graph; bad results refused with a clear 4xx; no unsafe link drawn."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from flask import Flask
from flask.testing import FlaskClient

from diplograph.server import worldmap

from .conftest import add_iso_table

SVG = "{http://www.w3.org/2000/svg}"
XSD = "http://www.w3.org/2001/XMLSchema#"


def result(variables: list[str], rows: list[dict[str, dict[str, str]]]) -> bytes:
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": rows}}).encode()


def post(client: FlaskClient, view: str, body: bytes,
         media: str = "application/sparql-results+json"):  # noqa: ANN201
    return client.post(f"/pictures/results.svg?view={view}", data=body,
                       headers={"Content-Type": media})


def lit(v: str, dt: str | None = None) -> dict[str, str]:
    return {"type": "literal", "value": v, **({"datatype": XSD + dt} if dt else {})}


def uri(v: str) -> dict[str, str]:
    return {"type": "uri", "value": v}


def test_chart_has_a_bar_per_row(client: FlaskClient) -> None:
    body = result(["name", "n"], [{"name": lit(k), "n": lit(str(v), "integer")}
                                  for k, v in (("a", 3), ("b", 5), ("c", 1))])
    r = post(client, "chart", body)
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    bars = [e for e in ET.fromstring(r.data).iter(f"{SVG}rect") if "bar" in e.get("class", "")]
    assert len(bars) == 3


def test_timeline_draws_spans_and_points(client: FlaskClient) -> None:
    body = result(["what", "start", "end"], [
        {"what": lit("spell"), "start": lit("1961", "gYear"), "end": lit("1991", "gYear")},
        {"what": lit("visit"), "start": lit("2022-11-17", "date")}])
    root = ET.fromstring(post(client, "timeline", body).data)
    tips = [t.text for t in root.iter(f"{SVG}title")]
    assert "spell: 1961–1991" in tips and "visit: 2022" in tips


@pytest.fixture(scope="module", autouse=True)
def _iso_table(app: Flask) -> None:
    add_iso_table(app)  # the map names states by the build's ISO table


def test_map_counts_state_iris_and_draws_points(client: FlaskClient) -> None:
    if not worldmap.available():
        return
    body = result(["s", "wkt"], [
        {"s": uri("https://diplograph.org/id/state/MNG"),
         "wkt": {"type": "literal", "value": "POINT(106.9 47.9)",
                 "datatype": "http://www.opengis.net/ont/geosparql#wktLiteral"}},
        {"s": uri("https://diplograph.org/id/state/MNG")}])
    root = ET.fromstring(post(client, "map", body).data)
    tips = [t.text for t in root.iter(f"{SVG}title")]
    assert "Mongolia: 2 rows" in tips and len(list(root.iter(f"{SVG}circle"))) == 1


def test_graph_of_a_construct_result(client: FlaskClient) -> None:
    nt = (b"<https://diplograph.org/id/state/MNG> <http://e/p> <https://diplograph.org/id/org/UN> .\n"
          b"<https://diplograph.org/id/state/MNG> <http://e/q> <javascript:alert(1)> .\n"
          b"<https://diplograph.org/id/state/MNG> <http://e/p> \"lit\" .\n")
    r = post(client, "graph", nt, "application/n-triples")
    assert r.status_code == 200
    root = ET.fromstring(r.data)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert "/id/org/UN" in links and not any("javascript" in (h or "") for h in links)


def test_bad_results_are_refused(client: FlaskClient) -> None:
    assert post(client, "chart", b"{not json").status_code == 400
    assert post(client, "chart", result(["a"], [{"a": lit("x")}])).status_code == 400
    assert post(client, "sideways", result(["a"], [])).status_code == 400
    assert post(client, "chart", b"x", "image/png").status_code == 415
    assert post(client, "graph", b"<a> <b>", "application/n-triples").status_code == 400
    script = result(["name", "n"], [{"name": lit("<script>alert(1)</script>"),
                                     "n": lit("1", "integer")}])
    text = post(client, "chart", script).get_data(as_text=True)
    assert "<script>" not in text and "&lt;script&gt;" in text
