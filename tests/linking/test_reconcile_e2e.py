"""The reconciliation service in the real server process (granian), with OpenRefine's request
shapes: form-encoded ``queries=`` on POST, ``queries`` on GET, JSONP ``callback``, suggest,
preview and data extension; every answer checked against the shapes of the 0.2 JSON schemas."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
import reconcile_checks as check
import requests

UA = {"User-Agent": "OpenRefine/3.8 (test)", "Accept": "application/json"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_dir, tmp_path_factory):
    d = tmp_path_factory.mktemp("reconcile-e2e") / "store"
    shutil.copytree(store_dir, d)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    env["DIPLOGRAPH_PUBLIC_URL"] = "http://refine.test:9999/"
    log = open(d.parent / "server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "serve", "--store", str(d), "--port", str(port),
         "--workers", "1", "--threads", "4"],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError((d.parent / "server.log").read_text())
        try:
            if requests.get(url + "/reconcile", timeout=5).status_code == 200:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            proc.terminate()
            raise RuntimeError("server did not start")
        time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
    log.close()


def test_manifest(server):
    r = requests.get(server + "/reconcile", headers=UA, timeout=30)
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    m = r.json()
    check.manifest(m)
    # links point at the configured public URL of this server
    assert m["view"]["url"] == "http://refine.test:9999/id/{{id}}"
    assert m["preview"]["url"].startswith("http://refine.test:9999/reconcile/preview")
    j = requests.get(server + "/reconcile", params={"callback": "jQuery123_456"}, timeout=30)
    assert j.text.startswith("jQuery123_456(") and j.text.endswith(");")


def test_openrefine_batch_shapes(server):
    # OpenRefine 3.x: POST application/x-www-form-urlencoded, queries=<JSON>
    queries = {
        "q0": {"query": "Mông Cổ", "type": "State", "type_strict": "should", "limit": 5},
        "q1": {"query": "Guinea", "type": "State",
               "properties": [{"pid": "iso3166Alpha3", "v": "GNB"}]},
        "q2": {"query": "Zaire"},
        "q3": {"query": "x", "type": "Planet"},
        "q4": {"query": "Hội đồng Bảo an Liên Hợp Quốc", "type": "InternationalOrganization"},
    }
    r = requests.post(server + "/reconcile", data={"queries": json.dumps(queries)}, headers=UA,
                      timeout=60)
    assert r.status_code == 200
    out = r.json()
    check.result_batch(out)
    assert out["q0"]["result"][0]["id"] == "state/MNG" and out["q0"]["result"][0]["match"]
    assert out["q1"]["result"][0]["id"] == "state/GNB" and out["q1"]["result"][0]["match"]
    assert out["q2"]["result"][0]["id"] == "state/COD"
    assert out["q3"]["result"] == [] and "unknown type" in out["q3"]["error"]["message"]
    assert out["q4"]["result"][0]["id"] == "org/UNSC"
    # GET with queries= (older clients), and JSONP
    g = requests.get(server + "/reconcile", params={"queries": json.dumps({"a": {"query": "Lào"}})},
                     timeout=30)
    check.result_batch(g.json())
    assert g.json()["a"]["result"][0]["id"] == "state/LAO"
    j = requests.get(server + "/reconcile", params={
        "queries": json.dumps({"a": {"query": "Lào"}}), "callback": "cb"}, timeout=30)
    assert j.text.startswith("cb(") and "state/LAO" in j.text


def test_suggest_preview_extend(server):
    s = requests.get(server + "/reconcile/suggest/entity", params={"prefix": "Việt"}, timeout=30)
    check.suggest(s.json())
    assert s.json()["result"][0]["id"] == "state/VNM"
    for kind in ("type", "property"):
        check.suggest(requests.get(server + f"/reconcile/suggest/{kind}",
                                   params={"prefix": "s"}, timeout=30).json())
    out = requests.post(server + "/reconcile", data={"queries": json.dumps({
        "a": {"query": "Thỏa thuận hợp tác quốc phòng", "type": "Agreement"},
        "b": {"query": "Mongolia"}})}, timeout=60).json()
    for q in out.values():
        for c in q["result"]:
            p = requests.get(server + "/reconcile/preview", params={"id": c["id"]}, timeout=30)
            assert p.status_code == 200 and p.headers["Content-Type"].startswith("text/html")
    pp = requests.get(server + "/reconcile/propose_properties", params={"type": "State"},
                      timeout=30).json()
    assert pp["properties"]
    ext = {"ids": ["state/MNG", "state/USA"], "properties": [{"id": p["id"]} for p in
                                                            pp["properties"]]}
    r = requests.post(server + "/reconcile", data={"extend": json.dumps(ext)}, timeout=60)
    check.extension_response(r.json())
    assert r.json()["rows"]["state/USA"]["iso3166Alpha2"] == [{"str": "US"}]


def test_bad_input_is_bounded_and_the_server_stays_up(server):
    r = requests.post(server + "/reconcile", data={"queries": "{\"q0\": "}, timeout=30)
    assert r.status_code == 400 and "not valid JSON" in r.json()["message"]
    big = {f"q{i}": {"query": "Mongolia"} for i in range(10_000)}
    t0 = time.monotonic()
    r = requests.post(server + "/reconcile", data={"queries": json.dumps(big)}, timeout=60)
    assert r.status_code == 413 and time.monotonic() - t0 < 30
    r = requests.post(server + "/reconcile", data={"queries": json.dumps(
        {"q": {"query": "<img src=x onerror=alert(1)>" * 40_000}})}, timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    assert "error" in r.json()["q"] and "<img" not in r.json()["q"]["error"]["message"]
    assert requests.get(server + "/reconcile", timeout=30).status_code == 200


def test_wdqs_label_service_over_the_sparql_endpoint(server):
    """The server's query path rewrites SERVICE wikibase:label locally (no federation needed)."""
    q = """SELECT ?org ?orgLabel WHERE {
      wd:Q711 wdt:P463 ?org .
      SERVICE wikibase:label { bd:serviceParam wikibase:language "vi,en". }
    }"""
    r = requests.get(server + "/sparql", params={"query": q},
                     headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert r.status_code == 200, r.text[:300]
    rows = r.json()["results"]["bindings"]
    labels = {b["org"]["value"]: b["orgLabel"] for b in rows}
    assert labels["http://www.wikidata.org/entity/Q1065"]["value"] == "Liên Hợp Quốc"
    # any other SERVICE is still refused
    r = requests.get(server + "/sparql", params={
        "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, timeout=30)
    assert r.status_code == 400


def test_draft_1_0_endpoint_in_the_real_server(server):
    """The draft 1.0 service (``/reconcile/v1``) through the real server: manifest, a JSON batch
    with conditions, suggest, extension, and a 10,000-query batch refused with the server up."""
    v1 = server + "/reconcile/v1"
    m = requests.get(v1, headers=UA, timeout=30).json()
    check.manifest_v1(m)
    assert m["view"]["url"] == "http://refine.test:9999/id/{id}"
    queries = [
        {"conditions": [{"matchType": "name", "v": "Việt Nam"}], "type": "State", "limit": 3},
        {"conditions": [{"matchType": "name", "v": "Guinea"},
                        {"matchType": "property", "pid": "P298", "v": "GNQ", "required": True}]},
    ]
    check.query_batch_v1({"queries": queries})
    r = requests.post(v1 + "/reconcile", json={"queries": queries}, headers=UA, timeout=60)
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    out = r.json()
    check.result_batch_v1(out)
    assert out["results"][0]["candidates"][0]["id"] == "state/VNM"
    assert [c["id"] for c in out["results"][1]["candidates"]] == ["state/GNQ"]
    s = requests.get(v1 + "/suggest/entity", params={"prefix": "Liên"}, headers=UA, timeout=30)
    check.suggest_v1(s.json())
    e = requests.post(v1 + "/extend", json={"ids": ["state/YUG"], "properties": [{"id": "qid"}]},
                      headers=UA, timeout=30).json()
    check.extension_response_v1(e)
    assert e["rows"][0]["properties"][0]["values"] == [{"str": "Q36704"}]
    big = {"queries": [{"conditions": [{"matchType": "name", "v": "Lào"}]}] * 10_000}
    r = requests.post(v1 + "/reconcile", json=big, headers=UA, timeout=60)
    assert r.status_code == 413 and "too many queries" in r.json()["message"]
    assert requests.get(v1, headers=UA, timeout=30).status_code == 200
