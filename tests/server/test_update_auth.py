"""Writes need the bearer token: 401 without, 403 with a wrong one, 403 when read-only."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from server_support import TOKEN, make_app

UPD = "INSERT DATA { GRAPH <http://x/g> { <http://a/> <http://b/> 1 } }"
TTL = b"<http://a/> <http://b/> 1 ."


def writes(client, headers):
    g = "/store?graph=" + quote("http://x/h")
    return [
        client.post("/update", data={"update": UPD}, headers=headers),
        client.put(g, data=TTL, content_type="text/turtle", headers=headers),
        client.post(g, data=TTL, content_type="text/turtle", headers=headers),
        client.post("/store", data=TTL, content_type="text/turtle", headers=headers),
        client.delete(g, headers=headers),
    ]


def nothing_written(client) -> bool:
    r = client.get("/sparql", query_string={"query": "ASK { ?s <http://b/> ?o }"})
    return b"false" in r.data


def test_no_token_is_401_with_challenge(client):
    for r in writes(client, {}):
        assert r.status_code == 401
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert nothing_written(client)


@pytest.mark.parametrize("auth", [f"Bearer {TOKEN}x", "Bearer wrong", f"Basic {TOKEN}"])
def test_wrong_token(client, auth):
    codes = {r.status_code for r in writes(client, {"Authorization": auth})}
    assert codes <= {401, 403} and (codes == {403} or auth.startswith("Basic"))
    assert nothing_written(client)


def test_right_token(client):
    codes = [r.status_code for r in writes(client, {"Authorization": f"Bearer {TOKEN}"})]
    assert codes == [204, 201, 204, 201, 204]


def test_read_only_without_configured_token(tmp_path):
    app = make_app(tmp_path / "s", DIPLOGRAPH_UPDATE_TOKEN=None)
    try:
        c = app.test_client()
        for r in writes(c, {"Authorization": "Bearer anything"}):
            assert r.status_code == 403
            assert b"read-only" in r.data
        assert nothing_written(c)
        assert c.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    finally:
        app.extensions["diplograph"].close()
