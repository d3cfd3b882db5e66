"""The Reconciliation Service API draft 1.0 endpoint (``/reconcile/v1``) in the real app, on a
real store, checked against the 1.0-draft schemas (``reconcile_checks.*_v1``)."""

from __future__ import annotations

import json
import shutil

import pytest

from . import reconcile_checks as check

V1 = "/reconcile/v1"


@pytest.fixture(scope="module")
def app(store_dir, tmp_path_factory):
    from diplograph.server.app import create_app

    d = tmp_path_factory.mktemp("reconcile-v1") / "store"
    shutil.copytree(store_dir, d)  # the app holds its store open (writable) until exit
    app = create_app({"DIPLOGRAPH_STORE": str(d), "DIPLOGRAPH_CORS": False,
                      "DIPLOGRAPH_PUBLIC_URL": "https://example.org/dg/"})
    yield app
    app.extensions["diplograph"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def name(v, **kw):
    return {"matchType": "name", "v": v, **kw}


def prop(pid, v, **kw):
    return {"matchType": "property", "pid": pid, "v": v, **kw}


def run(client, queries):
    body = {"queries": queries}
    r = client.post(V1 + "/reconcile", json=body)
    assert r.status_code == 200, r.data[:300]
    out = r.get_json()
    check.result_batch_v1(out)
    assert len(out["results"]) == len(queries)
    return out["results"]


def test_manifest_is_a_1_0_draft_manifest_pointing_at_this_server(client):
    r = client.get(V1)
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    m = r.get_json()
    check.manifest_v1(m)
    assert m["versions"] == ["1.0-draft"]
    assert m["view"]["url"] == "https://example.org/dg/id/{id}"
    assert m["suggest"] == {"entity": True, "property": True, "type": True}
    assert m["extend"]["proposeProperties"] is True and m["standardizedScore"] is True
    # the 0.2 manifest keeps its own shape (a 1.0 manifest's suggest/preview/extend differ)
    old = client.get("/reconcile").get_json()
    check.manifest(old)
    assert "1.0-draft" not in old["versions"]


def test_batch_in_order_with_conditions(client):
    queries = [
        {"conditions": [name("Mông Cổ")], "type": "State", "limit": 3},
        {"conditions": [name("Lào"), prop("iso3166Alpha3", "LAO")]},
        {"conditions": [name("NATO")], "type": "InternationalOrganization"},
    ]
    check.query_batch_v1({"queries": queries})
    res = run(client, queries)
    assert [r["candidates"][0]["id"] for r in res] == ["state/MNG", "state/LAO", "org/NATO"]
    assert res[0]["candidates"][0]["match"] is True and len(res[0]["candidates"]) <= 3
    top = res[1]["candidates"][0]
    assert all(0 <= c["score"] <= 100 for r in res for c in r["candidates"])
    assert all(f["name"] for f in top.get("features", []))


def test_required_condition_filters_and_none_excludes(client):
    queries = [
        {"conditions": [name("Guinea"), prop("iso3166Alpha3", "GNB", required=True)]},
        {"conditions": [name("Guinea"), prop("iso3166Alpha3", ["GIN", "GNB"],
                                             matchQuantifier="none")]},
        {"conditions": [name("Guinea"), prop("iso3166Alpha3", "GNB")]},
    ]
    check.query_batch_v1({"queries": queries})
    req, none, scored = run(client, queries)
    assert [c["id"] for c in req["candidates"]] == ["state/GNB"]
    ids = {c["id"] for c in none["candidates"]}
    assert "state/GIN" not in ids and "state/GNB" not in ids
    assert scored["candidates"][0]["id"] == "state/GNB" and scored["candidates"][0]["match"]


def test_one_bad_query_does_not_fail_the_batch(client):
    res = run(client, [
        {"conditions": [name("Mongolia")]},
        {"query": "Mongolia"},  # the 0.2 shape: not a 1.0 query
        {"conditions": []},
        {"conditions": [prop("iso3166Alpha3", "MNG")]},  # no name to search by
        {"conditions": [name("Mongolia"), prop("shoeSize", "42")]},
        {"conditions": [name("x")], "type": "Planet"},
        {"conditions": [name("M" * 1_000_000)]},
        [1, 2],
    ])
    assert res[0]["candidates"][0]["id"] == "state/MNG"
    assert "unknown field 'query'" in res[1]["error"]["message"]
    assert all(r["candidates"] == [] and r["error"]["type"] == "bad-input" for r in res[1:])
    assert "name condition" in res[3]["error"]["message"]
    assert "unknown property 'shoeSize'" in res[4]["error"]["message"]
    assert "limit is 1,000" in res[6]["error"]["message"]


def test_whole_request_errors(client):
    r = client.post(V1 + "/reconcile", data="{not json", content_type="application/json")
    assert r.status_code == 400 and "not valid JSON" in r.get_json()["message"]
    r = client.post(V1 + "/reconcile", json={"queries": {"q0": {"query": "x"}}})
    assert r.status_code == 400 and "JSON array" in r.get_json()["message"]
    big = {"queries": [{"conditions": [name("Mongolia")]}] * 10_000}
    r = client.post(V1 + "/reconcile", json=big)
    assert r.status_code == 413 and "too many queries" in r.get_json()["message"]


def test_script_in_names_is_never_reflected_unescaped(client):
    s = '<script>alert("x")</script>'
    r = client.post(V1 + "/reconcile", json={"queries": [{"conditions": [name(s)], "type": s}]})
    assert r.mimetype == "application/json" and r.headers["X-Content-Type-Options"] == "nosniff"
    p = client.get(V1 + "/preview", query_string={"id": s})
    assert p.status_code == 404 and "<script>" not in p.get_data(as_text=True)
    assert "&lt;script&gt;" in p.get_data(as_text=True)


def test_suggest_with_cursor_and_type(client):
    full = client.get(V1 + "/suggest/entity", query_string={"prefix": "Việt", "limit": 6})
    check.suggest_v1(full.get_json())
    ids = [x["id"] for x in full.get_json()["result"]]
    assert ids and ids[0] == "state/VNM"
    nxt = client.get(V1 + "/suggest/entity",
                     query_string={"prefix": "Việt", "limit": 3, "cursor": 1}).get_json()
    assert [x["id"] for x in nxt["result"]] == ids[1:4]
    orgs = client.get(V1 + "/suggest/entity", query_string={
        "prefix": "ASEAN", "type": "InternationalOrganization"}).get_json()
    assert orgs["result"] and all(x["id"].startswith("org/") for x in orgs["result"])
    for kind, prefix in (("type", "Sta"), ("property", "iso")):
        r = client.get(f"{V1}/suggest/{kind}", query_string={"prefix": prefix}).get_json()
        check.suggest_v1(r)
        assert r["result"]
    assert client.get(V1 + "/suggest/planet").status_code == 404


def test_preview_for_every_id_returned(client):
    res = run(client, [{"conditions": [name("Congo")]}])
    for c in res[0]["candidates"]:
        p = client.get(V1 + "/preview", query_string={"id": c["id"]})
        assert p.status_code == 200 and p.mimetype == "text/html", c["id"]


def test_data_extension_and_proposals(client):
    prop_r = client.get(V1 + "/extend/propose", query_string={"type": "State"}).get_json()
    check.property_proposal_v1(prop_r)
    assert {"iso3166Alpha3", "qid"} <= {p["id"] for p in prop_r["properties"]}
    body = {"ids": ["state/MNG", "state/SUN"],
            "properties": [{"id": "iso3166Alpha3"}, {"id": "qid"}, {"id": "succeededBy"}]}
    r = client.post(V1 + "/extend", json=body)
    assert r.status_code == 200, r.data[:300]
    out = r.get_json()
    check.extension_response_v1(out)
    rows = {row["id"]: {p["id"]: p["values"] for p in row["properties"]} for row in out["rows"]}
    assert [row["id"] for row in out["rows"]] == ["state/MNG", "state/SUN"]
    assert rows["state/MNG"]["iso3166Alpha3"] == [{"str": "MNG"}]
    assert rows["state/SUN"]["succeededBy"][0]["id"] == "state/RUS"
    bad = client.post(V1 + "/extend", json={"ids": ["state/MNG"], "properties": [{"id": "x"}]})
    assert bad.status_code == 400 and "unknown property" in bad.get_json()["message"]
    many = client.post(V1 + "/extend", json={"ids": ["state/MNG"] * 5000, "properties": []})
    assert many.status_code == 413


def test_historical_states_carry_their_verified_qids(client):
    """The QIDs two public sources agree on (data/registry/curated.yaml) reach the service."""
    body = {"ids": ["state/GFR", "state/AUH", "state/VDR"], "properties": [{"id": "qid"}]}
    out = client.post(V1 + "/extend", json=body).get_json()
    vals = {row["id"]: row["properties"][0]["values"] for row in out["rows"]}
    assert vals["state/GFR"] == [{"str": "Q713750"}]
    assert vals["state/AUH"] == [{"str": "Q28513"}]
    assert vals["state/VDR"] == []  # one reliable source only: no QID, never guessed
    json.dumps(out)
