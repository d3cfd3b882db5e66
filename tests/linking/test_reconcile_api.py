"""The Reconciliation Service API blueprint (spec 0.2) in the real app."""

from __future__ import annotations

import json
import shutil

import pytest

from diplograph.server.reconcile import bp


@pytest.fixture(scope="module")
def app(store_dir, tmp_path_factory):
    from diplograph.server.app import create_app

    d = tmp_path_factory.mktemp("reconcile") / "store"
    shutil.copytree(store_dir, d)  # the app holds its store open (writable) until exit
    app = create_app({"DIPLOGRAPH_STORE": str(d), "DIPLOGRAPH_CORS": False})
    if "reconcile" not in app.blueprints:
        app.register_blueprint(bp)
    yield app
    app.extensions["diplograph"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def test_manifest(client):
    r = client.get("/reconcile")
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    m = r.get_json()
    assert m["versions"] == ["0.2"]
    assert m["identifierSpace"] == "https://diplograph.org/id/"
    assert m["schemaSpace"] == "https://diplograph.org/ontology#"
    assert m["view"]["url"].endswith("/id/{{id}}")
    assert {t["id"] for t in m["defaultTypes"]} == {
        "State",
        "InternationalOrganization",
        "Agreement",
        "DiplomaticEvent",
    }


def test_batch_post_and_get(client):
    queries = {
        "q0": {"query": "Mông Cổ", "type": "State", "limit": 3},
        "q1": {"query": "WTO"},
        "q2": {"query": "Liên Xô"},
        "q3": {"query": "Mongolia", "type": "InternationalOrganization"},
    }
    r = client.post("/reconcile", data={"queries": json.dumps(queries)})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    out = r.get_json()
    top = out["q0"]["result"][0]
    assert top["id"] == "state/MNG" and top["match"] is True and top["type"][0]["id"] == "State"
    assert 0 <= top["score"] <= 100
    assert [x["match"] for x in out["q1"]["result"]] == [False, False]
    assert out["q2"]["result"][0]["id"] == "state/SUN"
    assert not any(x["match"] for x in out["q3"]["result"])
    r = client.get("/reconcile", query_string={"queries": json.dumps({"a": {"query": "Hoa Ky"}})})
    assert r.get_json()["a"]["result"][0]["id"] == "state/USA"


def test_bad_requests(client):
    r = client.post("/reconcile", data={"queries": "{not json"})
    assert r.status_code == 400 and "not valid JSON" in r.get_json()["message"]
    r = client.post("/reconcile", data={"queries": "[1, 2]"})
    assert r.status_code == 400
    r = client.post(
        "/reconcile", data={"queries": json.dumps({"q0": {"query": "x", "type": "Planet"}})}
    )
    assert r.status_code == 400 and "unknown type" in r.get_json()["message"]
    r = client.post("/reconcile", data={"queries": json.dumps({"q0": {"query": "x", "limit": -1}})})
    assert r.status_code == 400


def test_jsonp_suggest_preview_and_agreements(client):
    r = client.get("/reconcile?callback=cb&query=Mongolia")
    assert r.data.startswith(b"cb(") and r.mimetype == "application/javascript"
    assert client.get("/reconcile?callback=alert(1)").status_code == 400
    s = client.get("/reconcile/suggest/entity?prefix=Mong").get_json()
    assert any(x["id"] == "state/MNG" for x in s["result"])
    p = client.get("/reconcile/preview?id=state/MNG")
    assert p.status_code == 200 and "Mông Cổ" in p.get_data(as_text=True)
    a = client.post(
        "/reconcile",
        data={"queries": json.dumps({"q0": {"query": "defence cooperation", "type": "Agreement"}})},
    ).get_json()
    assert a["q0"]["result"] and a["q0"]["result"][0]["id"].startswith("fact/")
