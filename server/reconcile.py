"""Reconciliation Service API (W3C Entity Reconciliation CG, version 0.2; used by OpenRefine).

* ``GET /reconcile`` - the service manifest;
* ``GET|POST /reconcile?queries={"q0": {"query": "Mông Cổ", "type": "State", "limit": 3}}`` - a
  batch of queries (form field or query parameter ``queries``, JSON object) -> ``{"q0": {"result":
  [{"id", "name", "score", "match", "type": [{"id", "name"}], "description"}]}}``;
* ``GET /reconcile?query=Mongolia`` - one query (answers ``{"result": [...]}``);
* ``GET /reconcile/suggest/entity?prefix=Mon`` - entity auto-complete;
* ``GET /reconcile/preview?id=state/MNG`` - a small HTML card.

Entity ids are the path of our IRIs under ``https://diplograph.org/id/`` (``state/MNG``), so the
view template is ``{base}id/{{id}}``. Types: ``State``, ``InternationalOrganization``,
``Agreement``, ``DiplomaticEvent`` (local names of ``dg:``; the words ``state``, ``organisation``,
``agreement``, ``event`` and full IRIs are accepted too). Agreements and events are the facts of
the store, matched on their titles and ids.

CORS is always on for these routes (``Access-Control-Allow-Origin: *``), whatever the server's
CORS setting, because browser-based clients need it. ``callback=name`` gives JSONP.
"""

from __future__ import annotations

import bisect
import html
import json
import re
import threading
from typing import Any

from flask import Blueprint, Response, current_app, request

from ..graph.namespaces import BASE, DG, ID
from ..linking.matcher import Matcher
from ..linking.normalise import folded_form, tokens

bp = Blueprint("reconcile", __name__)

MAX_QUERIES = 5000
MAX_LIMIT = 100
_JSONP = re.compile(r"^[A-Za-z_$][\w$.]{0,63}$")
_SURROGATE = re.compile("[\ud800-\udfff]")

TYPES = {
    "State": ("state", "state (sovereign or historical)"),
    "InternationalOrganization": ("organisation", "international organization, forum or NGO"),
    "Agreement": ("agreement", "agreement (from the source documents)"),
    "DiplomaticEvent": ("event", "diplomatic event (from the source documents)"),
}
_TYPE_ALIASES = {
    "state": "State",
    "states": "State",
    "country": "State",
    "organisation": "InternationalOrganization",
    "organization": "InternationalOrganization",
    "org": "InternationalOrganization",
    "agreement": "Agreement",
    "treaty": "Agreement",
    "event": "DiplomaticEvent",
}
KIND_TYPE = {
    "state": "State",
    "historical-state": "State",
    "organisation": "InternationalOrganization",
    "forum": "InternationalOrganization",
    "ngo": "InternationalOrganization",
}

_lock = threading.Lock()
_cache: dict[str, Any] = {}


class BadRequest(Exception):
    """A client error answered with 400 and a JSON message."""


def _matcher() -> Matcher:
    with _lock:
        m = _cache.get("matcher")
        if m is None:
            from ..loaders.registry import load_registry

            m = _cache["matcher"] = Matcher(load_registry())
            names = []
            for e in m.registry.entities:
                for text in {*e.labels.values(), *(a for a, _ in e.aliases)}:
                    f = folded_form(text)
                    if f:
                        names.append((f, text, e.key))
            names.sort()
            _cache["prefix"] = names
        return m


def _base() -> str:
    return str(current_app.config.get("DIPLOGRAPH_BASE") or BASE).rstrip("/") + "/"


def _type_id(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    if isinstance(value, dict):
        value = value.get("id")
    if not isinstance(value, str):
        raise BadRequest("'type' must be a string (a type id)")
    v = value.strip()
    if v.startswith(str(DG(""))):
        v = v[len(DG("")) :]
    if v in TYPES:
        return v
    if v.casefold() in _TYPE_ALIASES:
        return _TYPE_ALIASES[v.casefold()]
    raise BadRequest(f"unknown type {value!r}; the types are: {', '.join(TYPES)}")


def _type_list(tid: str) -> list[dict[str, str]]:
    return [{"id": tid, "name": TYPES[tid][1]}]


def manifest() -> dict[str, Any]:
    """The service manifest (spec 0.2)."""
    base = _base()
    root = request.url_root.rstrip("/")
    return {
        "versions": ["0.2"],
        "name": "diplograph reconciliation (states, organisations, agreements, events)",
        "identifierSpace": ID(""),
        "schemaSpace": DG(""),
        "defaultTypes": [{"id": t, "name": n} for t, (_k, n) in TYPES.items()],
        "view": {"url": base + "id/{{id}}"},
        "preview": {"url": root + "/reconcile/preview?id={{id}}", "width": 400, "height": 120},
        "suggest": {
            "entity": {"service_url": root + "/reconcile", "service_path": "/suggest/entity"}
        },
        "batchSize": 50,
    }


def _entity_result(e: Any, score: float, match: bool) -> dict[str, Any]:
    qid = e.qid if e.qid and e.confidence in ("verified", "single-source") else None
    desc = [e.kind]
    if qid:
        desc.append(f"Wikidata {qid} ({e.confidence})")
    if e.existed_from or e.existed_until:
        desc.append("–".join(x for x in (e.existed_from, e.existed_until) if x))
    tid = KIND_TYPE.get(e.kind)
    return {
        "id": e.iri[len(ID("")) :],
        "name": e.label,
        "score": round(float(score), 2),
        "match": bool(match),
        "type": _type_list(tid) if tid else [{"id": e.kind, "name": e.kind}],
        "description": "; ".join(desc),
    }


def _facts(tid: str) -> list[tuple[str, str, set[str]]]:
    """(id, name, tokens) of the store's agreements or events, cached per process."""
    key = "facts:" + tid
    with _lock:
        if key in _cache:
            return _cache[key]  # type: ignore[no-any-return]
    cls = "Agreement" if tid == "Agreement" else "DiplomaticEvent"
    q = (
        "PREFIX dg: <https://diplograph.org/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"SELECT ?f ?id (SAMPLE(?t) AS ?title) WHERE {{ ?f a dg:{cls} ; dg:factId ?id . "
        "OPTIONAL { { ?f dg:title ?t } UNION { ?f rdfs:label ?t } UNION { ?f dg:name ?t } } } "
        "GROUP BY ?f ?id ORDER BY ?f"
    )
    out: list[tuple[str, str, set[str]]] = []
    try:
        res = current_app.extensions["diplograph"].query(
            q, media_type="application/sparql-results+json"
        )
        for b in json.loads(res.body)["results"]["bindings"]:
            iri = b["f"]["value"]
            name = (b.get("title") or b["id"])["value"]
            out.append(
                (
                    iri[len(ID("")) :],
                    name,
                    tokens(name) | tokens(b["id"]["value"].replace("-", " ")),
                )
            )
    except Exception:  # noqa: BLE001 - no store or no facts: no candidates of this type
        current_app.logger.warning(
            "reconcile: cannot read %s facts from the store", cls, exc_info=True
        )
        out = []
    with _lock:
        _cache[key] = out
    return out


def _fact_results(tid: str, text: str, limit: int) -> list[dict[str, Any]]:
    want = tokens(text)
    if not want:
        return []
    scored = []
    for fid, name, toks in _facts(tid):
        overlap = len(want & toks)
        if overlap:
            scored.append((100.0 * overlap / len(want | toks), fid, name))
    scored.sort(key=lambda x: (-x[0], x[1]))
    top = scored[:limit]
    res = []
    for i, (score, fid, name) in enumerate(top):
        ahead = i == 0 and score >= 60 and (len(top) == 1 or top[1][0] < score - 20)
        res.append(
            {
                "id": fid,
                "name": name,
                "score": round(score, 2),
                "match": ahead,
                "type": _type_list(tid),
            }
        )
    return res


def _check_text(value: Any, where: str) -> None:
    """Refuse strings that are not text: a lone surrogate (a ``\\ud800`` escape in JSON)
    cannot be matched or written back as UTF-8.

    >>> _check_text({"query": "Mông Cổ", "properties": [{"v": "x"}]}, "q0")
    >>> _check_text({"query": chr(0xD800)}, "q0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.server.reconcile.BadRequest: q0 holds a lone surrogate ...
    """
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if _SURROGATE.search(v):
                raise BadRequest(f"{where} holds a lone surrogate (a \\udXXX escape that is not "
                                 "half of a pair): not text")
        elif isinstance(v, dict):
            stack += [*v.keys(), *v.values()]
        elif isinstance(v, list):
            stack += v


def answer(q: Any) -> dict[str, Any]:
    """The result object for one query object."""
    if isinstance(q, str):
        q = {"query": q}
    if not isinstance(q, dict):
        raise BadRequest("each query must be a JSON object with a 'query' string")
    text = q.get("query")
    if not isinstance(text, str):
        raise BadRequest("each query needs a 'query' string")
    limit = q.get("limit", 5)
    if isinstance(limit, str) and limit.isdigit():
        limit = int(limit)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise BadRequest("'limit' must be a positive integer")
    limit = min(limit, MAX_LIMIT)
    tid = _type_id(q.get("type"))
    if len(text) > 1000:
        return {"result": []}
    if tid in ("Agreement", "DiplomaticEvent"):
        return {"result": _fact_results(tid, text, limit)}
    kind = TYPES[tid][0] if tid else None
    lang = None
    properties = q.get("properties") or []
    if not isinstance(properties, list) or not all(isinstance(p, dict) for p in properties):
        raise BadRequest("'properties' must be a list of objects {\"pid\": ..., \"v\": ...}")
    for p in properties:
        if p.get("pid") in ("lang", "language") and p.get("v") in ("en", "vi"):
            lang = p["v"]
    r = _matcher().match(text, kind=kind, lang=lang, limit=limit)
    return {"result": [_entity_result(c.entity, c.score, c.match) for c in r.candidates[:limit]]}


def _respond(payload: Any, status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False)
    cb = request.args.get("callback")
    if cb:
        if not _JSONP.match(cb):
            payload, status = {"error": "bad-input", "message": "invalid callback name"}, 400
            body = json.dumps(payload)
        else:
            return _cors(
                Response(f"{cb}({body});", status=status, mimetype="application/javascript")
            )
    return _cors(Response(body, status=status, mimetype="application/json"))


def _cors(resp: Response) -> Response:
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    resp.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    return resp


def _error(message: str) -> Response:
    return _respond({"error": "bad-input", "message": message}, 400)


@bp.route("/reconcile", methods=["GET", "POST", "OPTIONS"])
def reconcile() -> Response:
    """Manifest, one query or a batch."""
    if request.method == "OPTIONS":
        return _cors(Response(status=204))
    raw = request.values.get("queries")
    if raw is None and request.is_json:
        raw = request.get_data(as_text=True)
    single = request.values.get("query")
    try:
        if raw is not None:
            try:
                queries = json.loads(raw)
            except ValueError as e:
                return _error(f"'queries' is not valid JSON: {e}")
            if not isinstance(queries, dict):
                return _error('\'queries\' must be a JSON object: {"q0": {"query": "..."}, ...}')
            if len(queries) > MAX_QUERIES:
                return _error(f"too many queries in one batch ({len(queries)} > {MAX_QUERIES})")
            out = {}
            for k, v in queries.items():
                try:
                    _check_text(k, "its key")
                    _check_text(v, "it")
                    out[k] = answer(v)
                except BadRequest as e:
                    raise BadRequest(f"query {k!r}: {e}") from None
            return _respond(out)
        if single is not None:
            q: Any = single
            if single.lstrip().startswith("{"):
                try:
                    q = json.loads(single)
                except ValueError as e:
                    return _error(f"'query' is not valid JSON: {e}")
            _check_text(q, "the query")
            return _respond(answer(q))
    except BadRequest as e:
        return _error(str(e))
    return _respond(manifest())


@bp.route("/reconcile/suggest/entity", methods=["GET", "OPTIONS"])
def suggest_entity() -> Response:
    """Entities whose name starts with ``prefix`` (folded), plus the matcher's best guesses."""
    if request.method == "OPTIONS":
        return _cors(Response(status=204))
    prefix = (request.args.get("prefix") or "").strip()
    m = _matcher()
    out: dict[str, dict[str, Any]] = {}
    if prefix:
        for c in m.match(prefix, limit=3).candidates:
            r = _entity_result(c.entity, c.score, c.match)
            out.setdefault(
                r["id"], {"id": r["id"], "name": r["name"], "description": r["description"]}
            )
        f = folded_form(prefix)
        names = _cache["prefix"]
        i = bisect.bisect_left(names, (f, "", ""))
        while i < len(names) and names[i][0].startswith(f) and len(out) < 10:
            e = m.registry.get(names[i][2])
            if e is not None:
                r = _entity_result(e, 0, False)
                out.setdefault(
                    r["id"], {"id": r["id"], "name": r["name"], "description": r["description"]}
                )
            i += 1
    return _respond({"result": list(out.values())[:10]})


@bp.route("/reconcile/preview", methods=["GET"])
def preview() -> Response:
    """A small HTML card for an entity id (``state/MNG``)."""
    eid = request.args.get("id", "")
    e = _matcher().registry.by_iri(ID(eid))
    if e is None:
        return _cors(Response("<p>unknown id</p>", status=404, mimetype="text/html"))
    r = _entity_result(e, 0, False)
    labels = ", ".join(
        f"{html.escape(v)} ({html.escape(k)})"
        for k, v in sorted(e.labels.items())
        if k in ("en", "vi")
    )
    body = (
        f'<div style="font:13px sans-serif"><b>{html.escape(e.label)}</b> '
        f"<code>{html.escape(eid)}</code><br>{labels}<br>{html.escape(r['description'])}</div>"
    )
    return _cors(Response(body, mimetype="text/html"))
