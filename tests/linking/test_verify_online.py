"""``--verify-online`` against a local HTTP server on 127.0.0.1 replaying recorded responses."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner

from diplograph.cli.link import link
from diplograph.graph.registry import Entity
from diplograph.linking.verify_online import verify

RECORDED = Path(__file__).parent / "recorded"


def _entities() -> dict:
    out: dict = {}
    for p in sorted(RECORDED.glob("wbgetentities-*.json")):
        out.update(json.loads(p.read_text(encoding="utf-8"))["entities"])
    return out


class _Replay(BaseHTTPRequestHandler):
    entities = _entities()
    seen: list[dict] = []

    def do_GET(self):  # noqa: N802
        url = urlparse(self.path)
        if url.path == "/broken/api.php":
            self.send_response(500)
            self.end_headers()
            return
        q = parse_qs(url.query)
        _Replay.seen.append(q)
        assert q["action"] == ["wbgetentities"] and q["format"] == ["json"]
        out = {}
        for qid in q["ids"][0].split("|"):
            hit = self.entities.get(qid) or next(
                (
                    v
                    for v in self.entities.values()
                    if (v.get("redirects") or {}).get("from") == qid
                ),
                None,
            )
            out[hit["id"] if hit else qid] = hit or {"id": qid, "missing": ""}
        body = json.dumps({"entities": out, "success": 1}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Replay)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _e(key, label, qid):
    return Entity(
        key=key,
        iri="https://diplograph.org/id/x/" + key,
        kind="state",
        labels={"en": label},
        qid=qid,
        confidence="verified",
    )


def test_statuses(api, registry):
    ents = [
        registry.get("MNG"),
        registry.get("SUN"),
        registry.get("Intelsat"),
        registry.get("WTrO"),
        _e("GONE", "Nowhere", "Q99999999999"),
        _e("OLD", "World Tourism Organization", "Q90000001"),
        _e("ODD", "Mongolian State", "Q711"),
    ]
    res = {r.key: r for r in verify(ents, api=api + "/w/api.php")}
    assert res["MNG"].status == "ok" and res["MNG"].wikidata_label == "Mongolia"
    assert res["SUN"].status == "ok"
    assert res["Intelsat"].status == "ok"
    assert res["WTrO"].status == "ok"
    assert res["GONE"].status == "missing"
    assert res["OLD"].status == "redirect" and "Q61923" in res["OLD"].detail
    assert res["ODD"].status == "label-differs"
    assert _Replay.seen[-1]["ids"][0].startswith("Q711|")


def test_errors_are_reported_not_raised(api, registry):
    res = verify([registry.get("MNG")], api=api + "/broken/api.php")
    assert res[0].status == "error" and "500" in res[0].detail


def test_cli_verify_online(api):
    r = CliRunner().invoke(link, ["--verify-online", "--wikidata-api", api + "/w/api.php"])
    # seed entities the recording lacks come back "missing": the command says so and exits 1
    assert r.exit_code == 1
    assert "ok             MNG" in r.output and "summary:" in r.output
    r = CliRunner().invoke(link, ["--verify-online", "--wikidata-api", "file:///etc/passwd"])
    assert r.exit_code == 1 and "http(s) URL" in r.output
