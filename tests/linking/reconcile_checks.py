"""Shape checks of the Reconciliation Service API 0.2 and 1.0-draft responses, written by hand
from the specification's JSON schemas (https://reconciliation-api.github.io/specs/0.2/ and
.../specs/draft/, W3C Entity Reconciliation Community Group; the ``*_v1`` functions follow the
1.0-draft schemas). The schemas themselves are not copied into this repository; each function
checks what the schema of the same name requires."""

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


# -- draft 1.0 (https://reconciliation-api.github.io/specs/draft/, schemas of 1.0-draft) --------


def manifest_v1(m: Any) -> None:
    """1.0-draft manifest.json: versions contains "1.0-draft"; name and view required; view.url
    (and featureView.url) a template with {…id…}; suggest has the booleans entity, property and
    type (all three required when suggest is given); preview has integer width and height;
    extend has an optional boolean proposeProperties and a propertySettings list of settings
    (type number/text/checkbox/select, id, name; choices for select); defaultTypes unique;
    standardizedScore boolean."""
    assert isinstance(m, dict)
    for k in ("versions", "name", "view"):
        assert k in m, k
    assert isinstance(m["versions"], list) and "1.0-draft" in m["versions"]
    assert all(isinstance(v, str) for v in m["versions"])
    assert isinstance(m["name"], str)
    for k in ("view", "featureView"):
        if k in m:
            assert re.fullmatch(r".*\{.*id.*\}.*", m[k]["url"]), m[k]
    if "defaultTypes" in m:
        ts = m["defaultTypes"]
        assert len({json_key(t) for t in ts}) == len(ts)
        for t in ts:
            _type_item(t)
    if "suggest" in m:
        s = m["suggest"]
        assert set(s) >= {"entity", "property", "type"}
        assert all(isinstance(s[k], bool) for k in ("entity", "property", "type"))
    if "preview" in m:
        p = m["preview"]
        assert isinstance(p["width"], int) and isinstance(p["height"], int)
        assert not isinstance(p["width"], bool) and not isinstance(p["height"], bool)
    if "extend" in m:
        e = m["extend"]
        if "proposeProperties" in e:
            assert isinstance(e["proposeProperties"], bool)
        for s in e.get("propertySettings", []):
            assert s["type"] in ("number", "text", "checkbox", "select")
            assert isinstance(s["id"], str) and isinstance(s["name"], str)
            if s["type"] == "select":
                assert all(isinstance(c["value"], str) and isinstance(c["name"], str)
                           for c in s["choices"])
    if "standardizedScore" in m:
        assert isinstance(m["standardizedScore"], bool)
    for k in ("documentation", "logo", "serviceVersion"):
        if k in m:
            assert isinstance(m[k], str)


def json_key(t: Any) -> str:
    return t if isinstance(t, str) else repr(sorted(t.items()))


def query_batch_v1(b: Any) -> None:
    """1.0-draft reconciliation-query-batch.json, used to check the requests the tests send:
    {"queries": [...]}, each query only type/limit/lang/dir/conditions, conditions non-empty,
    each with matchType name|property and v; matchQuantifier any|all|none."""
    assert isinstance(b, dict) and isinstance(b["queries"], list)
    for q in b["queries"]:
        assert set(q) <= {"type", "limit", "lang", "dir", "conditions"}, q
        assert isinstance(q["conditions"], list) and q["conditions"]
        for c in q["conditions"]:
            assert c["matchType"] in ("name", "property") and "v" in c
            assert c.get("matchQuantifier", "any") in ("any", "all", "none")
            if "required" in c:
                assert isinstance(c["required"], bool)


def result_batch_v1(b: Any) -> None:
    """1.0-draft reconciliation-result-batch.json: {"results": [{"candidates": [...]}]}; each
    candidate has id and name strings, number score, boolean match, type items (id objects or
    strings), features with id, name (strings) and a boolean or number value."""
    assert isinstance(b, dict) and isinstance(b["results"], list)
    for r in b["results"]:
        assert isinstance(r, dict) and isinstance(r["candidates"], list), r
        for c in r["candidates"]:
            assert isinstance(c["id"], str) and isinstance(c["name"], str)
            if "score" in c:
                assert isinstance(c["score"], NUMBER) and not isinstance(c["score"], bool)
            if "match" in c:
                assert isinstance(c["match"], bool)
            for k in ("description", "image"):
                if k in c:
                    assert isinstance(c[k], str)
            for t in c.get("type", []):
                _type_item(t)
            for f in c.get("features", []):
                assert isinstance(f["id"], str) and isinstance(f["name"], str)
                assert isinstance(f["value"], bool | int | float)


def suggest_v1(r: Any) -> None:
    """1.0-draft suggest-*-response.json: {"result": [{"id", "name" (strings), description?,
    notable? (entity suggest)}]}."""
    suggest(r)
    for x in r["result"]:
        for t in x.get("notable", []):
            _type_item(t)


def extension_response_v1(r: Any) -> None:
    """1.0-draft data-extension-response.json: meta [{id, name, type?, service?}], rows a list
    of {id, properties: [{id, values: [...]}]} where a value is exactly one of {}, {id, name,
    description?}, {str}, {float}, {int}, {date}."""
    assert isinstance(r, dict) and isinstance(r["meta"], list) and isinstance(r["rows"], list)
    for m in r["meta"]:
        assert isinstance(m["id"], str) and isinstance(m["name"], str)
        if "type" in m:
            assert isinstance(m["type"]["id"], str)
    for row in r["rows"]:
        assert isinstance(row["id"], str)
        for p in row["properties"]:
            assert isinstance(p["id"], str)
            for v in p["values"]:
                assert set(v) in (
                    set(), {"id", "name"}, {"id", "name", "description"}, {"str"}, {"float"},
                    {"int"}, {"date"},
                ), v


def property_proposal_v1(r: Any) -> None:
    """1.0-draft data-extension-property-proposal.json: properties [{id, name}], type string,
    limit number."""
    assert isinstance(r, dict) and isinstance(r["properties"], list)
    for p in r["properties"]:
        assert isinstance(p["id"], str) and isinstance(p["name"], str)
    if "type" in r:
        assert isinstance(r["type"], str)
    if "limit" in r:
        assert isinstance(r["limit"], NUMBER)
