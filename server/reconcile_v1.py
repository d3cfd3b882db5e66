"""Reconciliation Service API, draft 1.0 (W3C Entity Reconciliation CG, ``1.0-draft``), beside the
0.2 service of :mod:`.reconcile` and answered by the same code.

The draft changed the shapes, not the idea, so it lives at its own endpoint,
``/reconcile/v1``, with the routes the draft fixes relative to it:

* ``GET /reconcile/v1`` - the manifest (``versions: ["1.0-draft"]``; ``suggest``, ``preview`` and
  ``extend`` announce the routes below instead of giving URLs);
* ``POST /reconcile/v1/reconcile`` with ``{"queries": [{"conditions": [{"matchType": "name",
  "v": "Mông Cổ"}, {"matchType": "property", "pid": "iso3166Alpha3", "v": "MNG",
  "required": true}], "type": "State", "limit": 3}]}`` - a batch (an array, answered in order:
  ``{"results": [{"candidates": [...]}]}``). A bad query gets ``{"candidates": [], "error":
  {...}}`` and the others are answered;
* ``GET /reconcile/v1/suggest/entity|property|type?prefix=…[&type=…][&cursor=n]``;
* ``GET /reconcile/v1/preview?id=state/MNG`` - the same HTML card as 0.2;
* ``POST /reconcile/v1/extend`` with ``{"ids": [...], "properties": [{"id": "iso3166Alpha3"}]}``
  and ``GET /reconcile/v1/extend/propose?type=State``.

Conditions: one ``name`` condition (the name to reconcile) and any ``property`` conditions, with
the 0.2 service's properties and scoring. ``required: true`` keeps only the candidates that agree
with the condition; ``matchQuantifier`` is ``any`` (default), ``all`` or ``none``. A query without
a name condition is refused (this service finds candidates by name). The manifest sets
``standardizedScore``: scores are 0-100.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, request

from ..graph.namespaces import DG, ID
from . import reconcile as r02

bp = Blueprint("reconcile_v1", __name__)

ROOT = "/reconcile/v1"
FEATURE_NAMES = {"name": "name similarity (0-100)"}


def manifest() -> dict[str, Any]:
    """The 1.0-draft service manifest."""
    base = r02.public_url()
    return {
        "versions": ["1.0-draft"],
        "name": "diplograph reconciliation (states, organisations, agreements, events)",
        "identifierSpace": ID(""),
        "schemaSpace": DG(""),
        "documentation": base + "reconcile",
        "defaultTypes": [{"id": t, "name": n} for t, (_k, n) in r02.TYPES.items()],
        "view": {"url": base + "id/{id}"},
        "preview": {"width": 400, "height": 140},
        "suggest": {"entity": True, "property": True, "type": True},
        "extend": {"proposeProperties": True, "propertySettings": []},
        "batchSize": 50,
        "standardizedScore": True,
    }


def _respond(payload: Any, status: int = 200) -> Response:
    return r02._cors(
        Response(json.dumps(payload, ensure_ascii=False), status=status,
                 mimetype="application/json")
    )


def _error(message: str, kind: str = "bad-input") -> Response:
    return r02._error(message, kind)


def _body(name: str) -> tuple[Any, Response | None]:
    """The JSON body (or a form field ``name`` holding JSON)."""
    raw = request.form.get(name)
    if raw is None:
        raw = request.get_data(as_text=True)
        if not raw.strip():
            return None, _error(f"send a JSON body: {{\"{name}\": ...}}")
    try:
        value = json.loads(raw)
    except ValueError as e:
        return None, _error(f"the body is not valid JSON: {e}")
    if request.form.get(name) is not None:
        return value, None
    if not isinstance(value, dict) or name not in value:
        return None, _error(f"the body must be a JSON object with a {name!r} field")
    return value[name], None


# -- reconciliation ---------------------------------------------------------------------------


def _to_02(q: Any) -> tuple[dict[str, Any], list[tuple[str, list[Any], str]]]:
    """A 1.0 query as a 0.2 query, and the required conditions (pid, values, quantifier)."""
    if not isinstance(q, dict):
        raise r02.BadRequest("each query must be a JSON object with 'conditions'")
    unknown = set(q) - {"conditions", "type", "limit", "lang", "dir"}
    if unknown:
        raise r02.BadRequest(
            f"unknown field{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(u[:50]) for u in sorted(unknown))} in a 1.0 query "
            "(the name to match is a condition: {\"matchType\": \"name\", \"v\": ...})"
        )
    conds = q.get("conditions")
    if not isinstance(conds, list) or not conds:
        raise r02.BadRequest("'conditions' must be a non-empty list")
    names: list[str] = []
    props: list[dict[str, Any]] = []
    required: list[tuple[str, list[Any], str]] = []
    for c in conds[:50]:
        if not isinstance(c, dict) or c.get("matchType") not in ("name", "property"):
            raise r02.BadRequest("each condition needs 'matchType': 'name' or 'property'")
        if "v" not in c:
            raise r02.BadRequest("each condition needs a value 'v'")
        quant = c.get("matchQuantifier", "any")
        if quant not in ("any", "all", "none"):
            raise r02.BadRequest("'matchQuantifier' must be 'any', 'all' or 'none'")
        if c["matchType"] == "name":
            vals = c["v"] if isinstance(c["v"], list) else [c["v"]]
            if len(vals) != 1 or not isinstance(vals[0], str) or names or quant != "any":
                raise r02.BadRequest("give one name condition with one string value")
            names.append(vals[0])
            continue
        if not isinstance(c.get("pid"), str):
            raise r02.BadRequest("a property condition needs a 'pid' string")
        vals = c["v"] if isinstance(c["v"], list) else [c["v"]]
        if quant != "none":  # scored like the 0.2 properties
            props.append({"pid": c["pid"], "v": vals})
        if c.get("required") is True or quant == "none":
            required.append((c["pid"], vals, quant))
    if not names:
        raise r02.BadRequest("this service finds candidates by name: give a name condition")
    out: dict[str, Any] = {"query": names[0], "properties": props}
    if q.get("type") is not None:
        out["type"] = q["type"]
    if q.get("limit") is not None:
        out["limit"] = q["limit"]
    if isinstance(q.get("lang"), str):
        out["properties"].append({"pid": "lang", "v": q["lang"].split("-")[0].lower()})
    return out, required


def _keeps(cand: dict[str, Any], required: list[tuple[str, list[Any], str]]) -> bool:
    """Whether a candidate passes the required conditions."""
    e = r02._matcher().registry.by_iri(ID(cand["id"]))
    for pid, vals, quant in required:
        pid = pid[len(DG("")):] if pid.startswith(str(DG(""))) else pid
        pid = r02._WD_PIDS.get(pid, pid)
        texts = [str(v.get("id") if isinstance(v, dict) else v).strip() for v in vals]
        if e is None or pid not in r02.ENTITY_PROPERTIES:
            return False  # a fact's properties are scored, not filtered
        agree = [r02._agree(e, pid, [t]) is True for t in texts]
        if quant == "all" and not all(agree):
            return False
        if quant == "none" and any(agree):
            return False
        if quant == "any" and not any(agree):
            return False
    return True


def answer(q: Any) -> dict[str, Any]:
    """The reconciliation result of one 1.0 query; raises :class:`reconcile.BadRequest`."""
    q02, required = _to_02(q)
    res = r02.answer(q02)
    cands = [c for c in res["result"] if _keeps(c, required)] if required else res["result"]
    for c in cands:
        for f in c.get("features", []):
            f.setdefault("name", FEATURE_NAMES.get(f["id"], f["id"]))
    out: dict[str, Any] = {"candidates": cands}
    if res.get("ambiguous"):
        out["ambiguous"] = True
    return out


@bp.route(ROOT, methods=["GET", "OPTIONS"])
def root() -> Response:
    """The manifest."""
    if request.method == "OPTIONS":
        return r02._cors(Response(status=204))
    return _respond(manifest())


@bp.route(ROOT + "/reconcile", methods=["POST", "OPTIONS"])
def reconcile() -> Response:
    """A reconciliation query batch."""
    if request.method == "OPTIONS":
        return r02._cors(Response(status=204))
    queries, err = _body("queries")
    if err:
        return err
    if not isinstance(queries, list):
        return _error("'queries' must be a JSON array of queries (draft 1.0)")
    if len(queries) > r02.MAX_QUERIES:
        return _error(
            f"too many queries in one batch ({len(queries):,} > {r02.MAX_QUERIES:,}); "
            "send them in batches (the manifest's batchSize is 50)", "too-large"
        )
    results = []
    for i, q in enumerate(queries):
        try:
            r02._check_text(q, f"query {i}")
            results.append(answer(q))
        except r02.BadRequest as e:
            results.append({"candidates": [], "error": {"type": "bad-input", "message": str(e)}})
    return _respond({"results": results})


# -- suggest, preview, extension ------------------------------------------------------------


def _cursor_limit() -> tuple[int, int]:
    cursor = r02.count_arg(request.args.get("cursor"), 0)
    return min(cursor, 10_000), r02._limit_arg(10)


@bp.route(ROOT + "/suggest/<kind>", methods=["GET", "OPTIONS"])
def suggest(kind: str) -> Response:
    """Suggest entities, properties or types for ``prefix`` (``cursor`` skips that many)."""
    if request.method == "OPTIONS":
        return r02._cors(Response(status=204))
    if kind not in ("entity", "property", "type"):
        return _error(f"no suggest service {kind[:50]!r}: entity, property or type", "not-found")
    try:
        prefix = r02._prefix_arg()
        tid = r02._type_id(request.args.get("type"))
    except r02.BadRequest as e:
        return _error(str(e))
    cursor, limit = _cursor_limit()
    if kind == "entity":
        rows = r02.suggest_entities(prefix, tid, cursor + limit)
    elif kind == "type":
        rows = r02.suggest_types(prefix)
    else:
        rows = r02.suggest_properties(prefix, tid)
    return _respond({"result": rows[cursor : cursor + limit]})


@bp.route(ROOT + "/preview", methods=["GET"])
def preview() -> Response:
    """The HTML card of an entity, agreement or event (404 for an unknown id)."""
    body, status = r02.preview_html((request.args.get("id") or "")[:500])
    return r02._cors(Response(body, status=status, mimetype="text/html"))


@bp.route(ROOT + "/extend/propose", methods=["GET", "OPTIONS"])
def propose() -> Response:
    """Properties to extend entities of ``type`` with."""
    if request.method == "OPTIONS":
        return r02._cors(Response(status=204))
    try:
        tid = r02._type_id(request.args.get("type")) or "State"
    except r02.BadRequest as e:
        return _error(str(e))
    limit = r02._limit_arg(50)
    return _respond({"type": tid, "properties": r02.proposals(tid)[:limit], "limit": limit})


@bp.route(ROOT + "/extend", methods=["POST", "OPTIONS"])
def extend() -> Response:
    """A data extension query: rows in the order of ``ids``, each with its properties."""
    if request.method == "OPTIONS":
        return r02._cors(Response(status=204))
    ext = request.form.get("extend")
    if ext is None:
        raw = request.get_data(as_text=True)
        try:
            body = json.loads(raw) if raw.strip() else None
        except ValueError as e:
            return _error(f"the body is not valid JSON: {e}")
    else:
        try:
            body = json.loads(ext)
        except ValueError as e:
            return _error(f"'extend' is not valid JSON: {e}")
    try:
        meta, rows = r02.extension(body)
    except r02.BadRequest as e:
        return _error(str(e), "too-large" if str(e).startswith("too many") else "bad-input")
    out_rows = [
        {"id": eid, "properties": [{"id": pid, "values": vals} for pid, vals in row.items()]}
        for eid, row in rows.items()
    ]
    return _respond({"meta": meta, "rows": out_rows})
