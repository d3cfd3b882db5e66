"""The capitals of the reconciliation service are one table from one query, read again with the
matcher after a write (issue 15): before, the ``capital`` property read its own copy once per
process and never again, while the matcher read the same graph again per write generation."""

from __future__ import annotations

import json
import shutil

import pytest

from diplograph.graph.namespaces import GRAPH, ID

VNM = ID("state/VNM")
PLACE = ID("place/test-testopolis")
SPELL = ID("capital/test-testopolis")
#: a capital spell of Viet Nam since 2020 at a place "Testopolis", in the COW graph
ADD_CAPITAL = f"""
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {{ GRAPH <{GRAPH("dataset/cow-capitals")}> {{
  <{SPELL}> a dg:CapitalSpell ; dg:state <{VNM}> ; dg:stateCode 816 ; dg:capital <{PLACE}> ;
    dg:startDate "2020-01-01"^^xsd:date .
  <{PLACE}> rdfs:label "Testopolis"@en .
}} }}
"""


@pytest.fixture()
def app(store_dir, tmp_path):
    from diplograph.server.app import create_app

    d = tmp_path / "store"
    shutil.copytree(store_dir, d)
    app = create_app({"DIPLOGRAPH_STORE": str(d), "DIPLOGRAPH_ISOLATION": "thread"})
    yield app
    app.extensions["diplograph"].close()


def _batch(client, queries) -> dict:
    r = client.post("/reconcile", data={"queries": json.dumps(queries)})
    assert r.status_code == 200, r.data[:300]
    return r.get_json()


def _ask(client) -> tuple[dict, dict, dict]:
    out = _batch(client, {"plain": {"query": "Mongolia"},
                          "other": {"query": "Mongolia",
                                    "properties": [{"pid": "capital", "v": "Testopolis"}]},
                          "vnm": {"query": "Viet Nam", "type": "state"}})
    return out["plain"]["result"][0], out["other"]["result"][0], out["vnm"]["result"][0]


def test_a_capital_written_to_the_store_counts_after_the_write(app) -> None:
    client = app.test_client()
    plain, other, vnm = _ask(client)
    # a name no capital has: no evidence either way
    assert other["id"] == "state/MNG" and other["score"] == plain["score"] and other["match"]
    assert vnm["id"] == "state/VNM" and "Testopolis" not in vnm["description"]
    before = app.extensions["diplograph"].generation
    app.extensions["diplograph"].update(ADD_CAPITAL)
    assert app.extensions["diplograph"].generation > before
    plain, other, vnm = _ask(client)
    # now Viet Nam's capital: it contradicts Mongolia
    assert other["id"] == "state/MNG" and other["score"] == plain["score"] - 30
    assert not other["match"]
    assert "capital Testopolis" in vnm["description"]  # the newest capital, described again
    ext = client.post("/reconcile", data={"extend": json.dumps(
        {"ids": ["state/VNM"], "properties": [{"id": "capital"}]})}).get_json()
    assert ext["rows"]["state/VNM"]["capital"][-1] == {"str": "Testopolis"}
    # the matcher's capitals in brackets read the same rows
    from diplograph.server.reconcile import _cache

    assert _cache["matcher"].reference.capitals.codes("Testopolis") == {816}
