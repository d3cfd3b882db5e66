"""Shape checks of the Reconciliation Service API 0.2 responses, written by hand from the
specification's JSON schemas (https://reconciliation-api.github.io/specs/0.2/, W3C Entity
Reconciliation Community Group). The schemas themselves are not copied into this repository; each
function checks what the schema of the same name requires."""

from __future__ import annotations

import re
from typing import Any

NUMBER = (int, float)


def _type_item(t: Any) -> None:
    assert isinstance(t, str) or (isinstance(t, dict) and isinstance(t.get("id"), str)), t
    if isinstance(t, dict) and "name" in t:
        assert isinstance(t["name"], str)


def manifest(m: Any) -> None:
    """manifest.json: versions (with "0.2"), name, identifierSpace, schemaSpace required; view,
    preview and suggest shapes; {{id}} in the URL templates."""
    assert isinstance(m, dict)
    for k in ("versions", "name", "identifierSpace", "schemaSpace"):
        assert k in m, k
    assert isinstance(m["versions"], list) and "0.2" in m["versions"]
    assert all(isinstance(v, str) for v in m["versions"])
    for k in ("name", "identifierSpace", "schemaSpace"):
        assert isinstance(m[k], str)
    if "view" in m:
        assert re.search(r"\{\{id\}\}", m["view"]["url"])
    if "preview" in m:
        p = m["preview"]
        assert re.search(r"\{\{id\}\}", p["url"])
        assert isinstance(p["width"], int) and isinstance(p["height"], int)
    if "defaultTypes" in m:
        ids = [t["id"] for t in m["defaultTypes"]]
        assert len(ids) == len(set(ids))
        for t in m["defaultTypes"]:
            assert isinstance(t["id"], str) and isinstance(t.get("name", ""), str)
    for kind, sd in (m.get("suggest") or {}).items():
        assert kind in ("entity", "property", "type")
        for k in ("service_url", "service_path"):
            assert isinstance(sd.get(k, ""), str)
    ext = m.get("extend")
    if ext is not None:
        pp = ext.get("propose_properties", {})
        assert all(isinstance(pp.get(k, ""), str) for k in ("service_url", "service_path"))
        assert isinstance(ext.get("property_settings", []), list)


def result_batch(b: Any) -> None:
    """reconciliation-result-batch.json: every value has a "result" array of candidates with
    id, name (strings) and score (number); match boolean; type items; features id/value."""
    assert isinstance(b, dict)
    for v in b.values():
        assert isinstance(v, dict) and isinstance(v["result"], list), v
        for c in v["result"]:
            assert isinstance(c["id"], str) and isinstance(c["name"], str)
            assert isinstance(c["score"], NUMBER) and not isinstance(c["score"], bool)
            if "match" in c:
                assert isinstance(c["match"], bool)
            if "description" in c:
                assert isinstance(c["description"], str)
            for t in c.get("type", []):
                _type_item(t)
            for f in c.get("features", []):
                assert isinstance(f["id"], str) and isinstance(f["value"], bool | int | float)


def suggest(r: Any) -> None:
    """suggest-*-response.json: {"result": [{"id", "name", ...}]}."""
    assert isinstance(r, dict) and isinstance(r["result"], list)
    for x in r["result"]:
        assert isinstance(x["id"], str) and isinstance(x["name"], str)
        if "description" in x:
            assert isinstance(x["description"], str)


def extension_response(r: Any) -> None:
    """data-extension-response.json: meta [{id, name, type?}], rows {id: {pid: [value]}} where
    a value is exactly one of {}, {id, name[, description]}, {str}, {float}, {int}, {date}."""
    assert isinstance(r, dict) and isinstance(r["meta"], list) and isinstance(r["rows"], dict)
    for m in r["meta"]:
        assert isinstance(m["id"], str) and isinstance(m["name"], str)
        if "type" in m:
            assert isinstance(m["type"]["id"], str)
    for row in r["rows"].values():
        for vals in row.values():
            assert isinstance(vals, list)
            for v in vals:
                keys = set(v)
                assert keys in (
                    set(), {"id", "name"}, {"id", "name", "description"}, {"str"}, {"float"},
                    {"int"}, {"date"},
                ), v
                if "str" in v:
                    assert isinstance(v["str"], str)
                if "int" in v:
                    assert isinstance(v["int"], int)
                if "float" in v:
                    assert isinstance(v["float"], NUMBER)
                if "id" in v:
                    assert isinstance(v["id"], str) and isinstance(v["name"], str)
