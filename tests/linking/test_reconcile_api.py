"""The Reconciliation Service API blueprint (spec 0.2) in the real app, on a real store."""

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
    app = create_app({"DIPLOGRAPH_STORE": str(d), "DIPLOGRAPH_CORS": False,
                      "DIPLOGRAPH_ISOLATION": "thread"})
    if "reconcile" not in app.blueprints:
        app.register_blueprint(bp)
    yield app
    app.extensions["diplograph"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def batch(client, queries, **kw):
    r = client.post("/reconcile", data={"queries": json.dumps(queries), **kw})
    assert r.status_code == 200, r.data[:300]
    return r.get_json()


def test_manifest_links_point_at_this_server(client):
    r = client.get("/reconcile", headers={"Host": "evil.example"})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    m = r.get_json()
    assert m["versions"] == ["0.2"]
    assert m["identifierSpace"] == "https://diplograph.org/id/"
    assert m["schemaSpace"] == "https://diplograph.org/ontology#"
    # the configured public URL (localhost by default), never the request's Host
    assert m["view"]["url"] == "http://127.0.0.1:8000/id/{{id}}"
    assert "evil.example" not in r.get_data(as_text=True)
    assert set(m["suggest"]) == {"entity", "type", "property"}
    assert m["extend"]["propose_properties"]["service_path"] == "/propose_properties"
    assert {t["id"] for t in m["defaultTypes"]} == {
        "State", "InternationalOrganization", "Agreement", "DiplomaticEvent",
    }


def test_batch_post_and_get(client):
    out = batch(client, {
        "q0": {"query": "Mông Cổ", "type": "State", "limit": 3},
        "q1": {"query": "WTO"},
        "q2": {"query": "Liên Xô"},
        "q3": {"query": "Mongolia", "type": "InternationalOrganization"},
        "q4": {"query": "Congo"},
    })
    top = out["q0"]["result"][0]
    assert top["id"] == "state/MNG" and top["match"] is True and top["type"][0]["id"] == "State"
    assert 0 <= top["score"] <= 100 and top["evidence"]
    wto = out["q1"]["result"][0]
    assert wto["id"] == "org/WTrO" and wto["match"] and "COW IGO v3" in wto["evidence"]
    assert out["q2"]["result"][0]["id"] in ("state/SUN", "state/USSR")
    assert not any(x["match"] for x in out["q3"]["result"])
    assert out["q4"]["ambiguous"] is True and not any(x["match"] for x in out["q4"]["result"])
    assert {x["id"] for x in out["q4"]["result"]} >= {"state/COG", "state/COD"}
    r = client.get("/reconcile", query_string={"queries": json.dumps({"a": {"query": "Hoa Ky"}})})
    assert r.get_json()["a"]["result"][0]["id"] == "state/USA"


def test_properties_are_scored(client):
    out = batch(client, {
        "right": {"query": "Guinea", "properties": [{"pid": "iso3166Alpha3", "v": "GNB"}]},
        "wd": {"query": "Guinea", "properties": [{"pid": "P298", "v": "GNQ"}]},
        "wrong": {"query": "Mongolia", "properties": [{"pid": "iso3166Alpha2", "v": "VN"}]},
        "plain": {"query": "Mongolia"},
        "year": {"query": "Soviet Union", "properties": [{"pid": "existedUntil", "v": "1991"}]},
        "cow": {"query": "Vietnam", "properties": [{"pid": "cowCode", "v": "816"}]},
    })
    assert out["right"]["result"][0]["id"] == "state/GNB" and out["right"]["result"][0]["match"]
    assert out["wd"]["result"][0]["id"] == "state/GNQ" and out["wd"]["result"][0]["match"]
    wrong, plain = out["wrong"]["result"][0], out["plain"]["result"][0]
    assert wrong["id"] == "state/MNG" and not wrong["match"] and wrong["score"] < plain["score"]
    assert out["year"]["result"][0]["match"] and out["year"]["result"][0]["score"] == 100
    assert out["cow"]["result"][0]["id"] == "state/VNM" and out["cow"]["result"][0]["match"]


def test_capital_is_scored_from_the_graph(client):
    """COW capitals (dg:CapitalSpell) are in the store: a capital that is the candidate's agrees
    (any period, names folded), one that is another state's contradicts, an unknown spelling is
    no evidence."""
    out = batch(client, {
        "gnb": {"query": "Guinea", "properties": [{"pid": "capital", "v": "Bissau"}]},
        "gin": {"query": "Guinea", "properties": [{"pid": "P36", "v": "Conakry"}]},
        "vi": {"query": "Vietnam", "properties": [{"pid": "capital", "v": "Hà Nội"}]},
        "old": {"query": "Brazil", "properties": [{"pid": "capital", "v": "Rio de Janeiro"}]},
        "wrong": {"query": "Mongolia", "properties": [{"pid": "capital", "v": "Hanoi"}]},
        "unknown": {"query": "Mongolia", "properties": [{"pid": "capital", "v": "Urga"}]},
        "plain": {"query": "Mongolia"},
        "place": {"query": "Guinea", "properties": [{"pid": "capital", "v": "place/bissau"}]},
    })
    for key, want in (("gnb", "state/GNB"), ("gin", "state/GIN"), ("place", "state/GNB")):
        top = out[key]["result"][0]
        assert top["id"] == want and top["match"], (key, out[key])
    assert out["vi"]["result"][0]["score"] == 100 and out["vi"]["result"][0]["match"]
    assert out["old"]["result"][0]["id"] == "state/BRA" and out["old"]["result"][0]["match"]
    plain = out["plain"]["result"][0]
    wrong, unknown = out["wrong"]["result"][0], out["unknown"]["result"][0]
    assert not wrong["match"] and wrong["score"] == plain["score"] - 30
    assert unknown["match"] and unknown["score"] == plain["score"]
    # capitals are in the description and in data extension
    assert "capital Bissau" in out["gnb"]["result"][0]["description"]
    ext = client.post("/reconcile", data={"extend": json.dumps(
        {"ids": ["state/BRA"], "properties": [{"id": "capital"}]})}).get_json()
    assert ext["rows"]["state/BRA"]["capital"] == [{"str": "Rio de Janeiro"}, {"str": "Brasilia"}]


def test_ambiguous_names_give_every_candidate_with_what_tells_them_apart(client):
    """IDB: the Inter-American Development Bank, the Inter-American Defense Board and the
    Islamic Development Bank (IsDB), none a match, each with type, dates, headquarters, QID."""
    out = batch(client, {"idb": {"query": "IDB"}, "congo": {"query": "Congo", "type": "State"}})
    idb = out["idb"]
    assert idb["ambiguous"] and not any(r["match"] for r in idb["result"])
    by_id = {r["id"]: r for r in idb["result"]}
    assert {"org/IADB", "org/IADefB", "org/ISDB"} <= set(by_id)
    isdb = by_id["org/ISDB"]["description"]
    assert "international organization" in isdb and "founded 1974" in isdb
    assert "Jeddah, Saudi Arabia" in isdb and "Q41230" in isdb
    assert "Washington" in by_id["org/IADB"]["description"]
    congo = {r["id"]: r["description"] for r in out["congo"]["result"]}
    assert "ISO COG" in congo["state/COG"] and "capital Brazzaville" in congo["state/COG"]
    assert "ISO COD" in congo["state/COD"] and "capital Kinshasa" in congo["state/COD"]


def test_one_bad_query_does_not_fail_the_batch(client):
    out = batch(client, {
        "ok": {"query": "Mongolia"},
        "type": {"query": "x", "type": "Planet"},
        "prop": {"query": "Mongolia", "properties": [{"pid": "shoeSize", "v": "42"}]},
        "limit": {"query": "x", "limit": -1},
        "long": {"query": "M" * 1_000_000},
        "notobj": [1, 2],
    })
    assert out["ok"]["result"][0]["id"] == "state/MNG"
    assert "unknown type 'Planet'" in out["type"]["error"]["message"]
    assert "unknown property 'shoeSize'" in out["prop"]["error"]["message"]
    assert out["limit"]["error"]["type"] == "bad-input"
    assert "limit is 1,000" in out["long"]["error"]["message"]
    assert out["notobj"]["result"] == [] and out["notobj"]["error"]


def test_whole_request_errors(client):
    r = client.post("/reconcile", data={"queries": "{not json"})
    assert r.status_code == 400 and "not valid JSON" in r.get_json()["message"]
    r = client.post("/reconcile", data={"queries": "[1, 2]"})
    assert r.status_code == 400
    big = {f"q{i}": {"query": "Mongolia"} for i in range(10_000)}
    r = client.post("/reconcile", data={"queries": json.dumps(big)})
    assert r.status_code == 413 and "too many queries" in r.get_json()["message"]
    assert client.get("/reconcile?callback=alert(1)").status_code == 400


def test_script_in_names_is_never_reflected_unescaped(client):
    name = '<script>alert("x")</script>'
    out = batch(client, {"q": {"query": name}, "t": {"query": "x", "type": name}})
    body = json.dumps(out, ensure_ascii=False)
    assert "unknown type" in out["t"]["error"]["message"]
    r = client.post("/reconcile", data={"queries": json.dumps({"t": {"query": "x", "type": name}})})
    assert r.mimetype == "application/json" and r.headers["X-Content-Type-Options"] == "nosniff"
    p = client.get("/reconcile/preview", query_string={"id": name})
    assert p.status_code == 404 and "<script>" not in p.get_data(as_text=True)
    assert "&lt;script&gt;" in p.get_data(as_text=True)
    assert body  # JSON strings are data, served as application/json, never as HTML


def test_jsonp_get_and_post(client):
    r = client.get("/reconcile?callback=cb&query=Mongolia")
    assert r.data.startswith(b"cb(") and r.mimetype == "text/javascript"
    r = client.post("/reconcile?callback=cb", data={"queries": json.dumps({"q": "Lào"})})
    assert r.data.startswith(b"cb(") and b"state/LAO" in r.data


def test_suggest_ranking_and_type_filter(client):
    s = client.get("/reconcile/suggest/entity?prefix=Việt").get_json()["result"]
    ids = [x["id"] for x in s]
    assert ids[0] == "state/VNM", ids
    if "state/USSR" in ids or "state/SUN" in ids:
        assert ids.index("state/VNM") < ids.index(next(i for i in ids if i.endswith(("SUN", "USSR"))))
    s = client.get("/reconcile/suggest/entity?prefix=Mong&type=InternationalOrganization")
    assert all(not x["id"].startswith("state/") for x in s.get_json()["result"])
    s = client.get("/reconcile/suggest/entity?prefix=Mong&type=State").get_json()["result"]
    assert s[0]["id"] == "state/MNG"
    t = client.get("/reconcile/suggest/type?prefix=sta").get_json()["result"]
    assert t[0]["id"] == "State"
    p = client.get("/reconcile/suggest/property?prefix=iso").get_json()["result"]
    assert {x["id"] for x in p[:2]} == {"iso3166Alpha2", "iso3166Alpha3"}  # prefix matches first


def test_preview_answers_for_every_id_returned(client):
    out = batch(client, {
        "a": {"query": "Mongolia"},
        "b": {"query": "defence cooperation", "type": "Agreement"},
        "c": {"query": "Festival Huế", "type": "DiplomaticEvent"},
        "d": {"query": "Guinea"},
    })
    ids = [r["id"] for q in out.values() for r in q["result"]]
    assert any(i.startswith("fact/") for i in ids)
    for i in ids:
        p = client.get("/reconcile/preview", query_string={"id": i})
        assert p.status_code == 200, i


def test_agreements_and_events_in_both_languages(client):
    out = batch(client, {
        "en": {"query": "Arrangement on cooperation in the field of defence", "type": "Agreement"},
        "vi": {"query": "Thỏa thuận hợp tác trong lĩnh vực quốc phòng", "type": "Agreement"},
        "party": {"query": "defence", "type": "Agreement",
                  "properties": [{"pid": "party", "v": "Mông Cổ"}]},
        "badparty": {"query": "defence", "type": "Agreement",
                     "properties": [{"pid": "party", "v": "France"}]},
        "ev": {"query": "Festival Huế", "type": "DiplomaticEvent"},
    })
    for k in ("en", "vi"):
        top = out[k]["result"][0]
        assert top["id"].endswith("/defence-agreement-2019") and top["match"], out[k]
    assert out["party"]["result"][0]["score"] > out["badparty"]["result"][0]["score"]
    assert out["ev"]["result"][0]["id"].endswith("hue-festival-participation")


def test_data_extension(client):
    r = client.get("/reconcile/propose_properties?type=State").get_json()
    assert r["type"] == "State" and {"iso3166Alpha3", "qid"} <= {p["id"] for p in r["properties"]}
    ext = {"ids": ["state/MNG", "state/GNB", "nope/x"],
           "properties": [{"id": "qid"}, {"id": "iso3166Alpha3"}, {"id": "P297"}]}
    r = client.post("/reconcile", data={"extend": json.dumps(ext)})
    assert r.status_code == 200
    out = r.get_json()
    assert [m["id"] for m in out["meta"]] == ["qid", "iso3166Alpha3", "iso3166Alpha2"]
    assert out["rows"]["state/MNG"]["qid"] == [{"str": "Q711"}]
    assert out["rows"]["state/GNB"]["iso3166Alpha3"] == [{"str": "GNB"}]
    assert out["rows"]["nope/x"]["qid"] == []
    bad = client.post("/reconcile", data={"extend": json.dumps(
        {"ids": ["state/MNG"], "properties": [{"id": "shoeSize"}]})})
    assert bad.status_code == 400 and "shoeSize" in bad.get_json()["message"]


def test_json_body_batches(client):
    for body in ({"q0": {"query": "Mông Cổ"}}, {"queries": {"q0": {"query": "Mông Cổ"}}}):
        r = client.post("/reconcile", json=body)
        assert r.status_code == 200
        assert r.get_json()["q0"]["result"][0]["id"] == "state/MNG"
    r = client.post("/reconcile", data="{oops", content_type="application/json")
    assert r.status_code == 400 and "not valid JSON" in r.get_json()["message"]


@pytest.mark.parametrize("bad", ["²", "9" * 10_000, "-3", "1e3", "٣"])
def test_counts_that_are_not_plain_numbers_get_the_default_never_a_500(client, bad):
    """``str.isdigit`` accepts "²" and Arabic-Indic digits, and ``int`` refuses more than 4,300
    digits: a ``limit`` or ``cursor`` like that used to be a 500."""
    for url in ("/reconcile/suggest/entity?prefix=Mon&limit=", "/reconcile/propose_properties?limit=",
                "/reconcile/v1/suggest/entity?prefix=Mon&cursor=",
                "/reconcile/v1/suggest/entity?prefix=Mon&limit=", "/reconcile/v1/extend/propose?limit="):
        r = client.get(url + bad)
        assert r.status_code == 200, (url, r.data[:200])
        assert r.get_json()
    r = client.post("/reconcile", data={"queries": json.dumps({"q": {"query": "Mongolia", "limit": bad}})})
    assert r.status_code == 200
    assert "'limit' must be a positive integer" in r.get_json()["q"]["error"]["message"]
