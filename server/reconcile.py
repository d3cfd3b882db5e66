"""Reconciliation Service API (W3C Entity Reconciliation CG: version 0.2, and the stable parts of
the 1.0 draft), as OpenRefine uses it.

* ``GET /reconcile`` - the service manifest (``callback=`` gives JSONP);
* ``GET|POST /reconcile`` with ``queries={"q0": {"query": "Mông Cổ", "type": "State", "limit": 3,
  "properties": [{"pid": "iso3166Alpha3", "v": "MNG"}]}}`` (form field, query parameter or a
  JSON body) - a batch. Each query is answered on its own: a bad query (unknown type, unknown
  property, a name too long) gets ``{"result": [], "error": {...}}`` and the others are answered;
* ``GET /reconcile/suggest/entity|type|property?prefix=Việt[&type=State]`` - auto-complete:
  exact and prefix matches first, then the matcher's best guesses, filtered by ``type``;
* ``GET /reconcile/preview?id=state/MNG`` - an HTML card for every id the service returns
  (registry entities and the store's agreements and events);
* ``POST /reconcile`` with ``extend={"ids": [...], "properties": [{"id": "qid"}]}`` - data
  extension; ``GET /reconcile/propose_properties?type=State`` - the properties to extend with.

Entity ids are the path of our IRIs under ``https://diplograph.org/id/`` (``state/MNG``). The
manifest's ``view.url`` and ``preview.url`` point at this server: the configured public URL
(``DIPLOGRAPH_PUBLIC_URL``, default ``http://127.0.0.1:8000/``), never the request's Host header.

Scoring: the matcher's score (0-100), then each property value that agrees with the entity adds
5 and each one that contradicts it takes 30 and clears ``match``. Among the candidates of an
ambiguous name, the one property values single out becomes the match ("Guinea" with
``iso3166Alpha3 = GNB``).

CORS is always on for these routes (``Access-Control-Allow-Origin: *``).
"""

from __future__ import annotations

import bisect
import html
import json
import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, current_app, request

from ..graph.errors import status_for
from ..graph.namespaces import DG, ID
from ..graph.registry import Entity
from ..linking.candidates import Candidate
from ..linking.capitals import CapitalIndex
from ..linking.features import choice_features
from ..linking.matcher import Matcher
from ..linking.normalise import exact_form, folded_form, tokens
from .matcher_start import build_matcher

bp = Blueprint("reconcile", __name__)
log = logging.getLogger(__name__)

MAX_QUERIES = 1000  # per batch (OpenRefine sends 10 to 50)
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_LIMIT = 100
MAX_NAME = 1000  # characters of a name
MAX_EXTEND_IDS = 1000
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000/"
_JSONP = re.compile(r"^[A-Za-z_$][\w$.]{0,63}$")

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
    "q6256": "State",
    "q3624078": "State",
    "organisation": "InternationalOrganization",
    "organization": "InternationalOrganization",
    "org": "InternationalOrganization",
    "q484652": "InternationalOrganization",
    "agreement": "Agreement",
    "treaty": "Agreement",
    "q131569": "Agreement",
    "event": "DiplomaticEvent",
}
KIND_TYPE = {
    "state": "State",
    "historical-state": "State",
    "organisation": "InternationalOrganization",
    "forum": "InternationalOrganization",
    "ngo": "InternationalOrganization",
}


def _year(text: str | None) -> str | None:
    m = re.match(r"^\s*(-?\d{4})", text or "")
    return m.group(1) if m else None


def _qid_of(e: Entity) -> str | None:
    return e.qid if e.qid and e.confidence in ("verified", "single-source") else None


#: properties of registry entities: id -> (name, Wikidata id, getter, comparison)
#: comparison "code" is exact (case-insensitive), "year" compares the first four digits.
ENTITY_PROPERTIES: dict[str, tuple[str, str, Callable[[Entity], Any], str]] = {
    "qid": ("Wikidata QID", "", _qid_of, "code"),
    "iso3166Alpha2": ("ISO 3166-1 alpha-2", "P297", lambda e: e.iso2, "code"),
    "iso3166Alpha3": ("ISO 3166-1 alpha-3", "P298", lambda e: e.iso3, "code"),
    "cowCode": ("COW state number", "", lambda e: e.cow_code, "code"),
    "cowAbbrev": ("COW abbreviation", "", lambda e: e.cow_abbrev, "code"),
    "existedFrom": ("existed from (year)", "P571",
                    lambda e: e.existed_from or e.founded, "year"),
    "existedUntil": ("existed until (year)", "P576",
                     lambda e: e.existed_until or e.dissolved, "year"),
    "labelVi": ("Vietnamese label", "", lambda e: e.labels.get("vi"), "name"),
    "labelEn": ("English label", "", lambda e: e.labels.get("en"), "name"),
    "kind": ("registry kind", "", lambda e: e.kind, "code"),
    "succeededBy": ("succeeded by (id)", "P1366",
                    lambda e: f"state/{e.succeeded_by}" if e.succeeded_by else None, "code"),
    "capital": ("capital (a city name or place id, any period)", "P36",
                lambda e: _capitals().names.get(e.iri) or None, "capital"),
}
#: Wikidata property ids accepted for ours
_WD_PIDS = {v[1]: k for k, v in ENTITY_PROPERTIES.items() if v[1]}
#: properties of agreements and events (from the store)
FACT_PROPERTIES = {
    "party": "party (a state or organisation name or id)",
    "date": "date (year or ISO date)",
}
#: properties accepted and not scored (none at present)
RECOGNISED_UNSCORED: dict[str, str] = {}
#: hints, not properties of the entity
HINTS = {"lang", "language"}

_lock = threading.Lock()
_cache: dict[str, Any] = {}


class BadRequest(Exception):
    """A client error: the whole request (400) or, raised inside one query, that query."""


def _install(generation: tuple[str, int], m: Matcher,
             names: list[tuple[str, str, str]]) -> None:
    _cache["generation"] = generation
    _cache["prefix"] = names
    _cache["descriptions"] = (m, {})  # candidates' descriptions, made from these
    _cache["matcher"] = m


def _matcher() -> Matcher:
    """The matcher of this app's store (:func:`build_matcher`), read again after each write.
    The one of a start's generation 0 is made by the search index's builder and loaded
    (:func:`.search_index.shared_matcher`: waited for while it is made) rather than made
    again by each worker."""
    qs = current_app.extensions["diplograph"]
    # the store and its write generation: a process may hold apps on several stores (tests)
    generation = (qs.store_path, qs.generation)
    with _lock:
        m = _cache.get("matcher")
        if m is None or _cache.get("generation") != generation:
            from .search_index import shared_matcher

            t0 = time.perf_counter()
            shared = shared_matcher(qs, generation[1])
            if shared is not None:
                m, names = shared
                how = "loaded as the builder made it"
            else:
                m, names = build_matcher(qs.read_store(), current_app.logger.warning)
                how = "made in this worker"
            _install(generation, m, names)
            log.info("name matcher of generation %d %s in %.2f s", generation[1], how,
                     time.perf_counter() - t0)
        return m


def matcher_ready() -> bool:
    """Whether this worker holds the matcher of its store's newest generation (a search that
    needs it is answered at once)."""
    qs = current_app.extensions["diplograph"]
    with _lock:
        return (_cache.get("matcher") is not None
                and _cache.get("generation") == (qs.store_path, qs.generation))


def matcher() -> Matcher:
    """The name matcher of this app's store (:func:`_matcher`), for the other views that
    resolve names (search)."""
    return _matcher()


def _capitals() -> CapitalIndex:
    """The states' capitals in the graph (``dg:CapitalSpell`` of the COW capitals), read with
    the matcher's reference tables in one query (``linking/capitals.capital_tables``) and so
    read again after each write; empty when the store has no capitals (then ``capital`` is
    not evidence either way)."""
    return _matcher().reference.capital_index


def public_url() -> str:
    """The public URL of this server (``DIPLOGRAPH_PUBLIC_URL``), ending with ``/``."""
    url = str(current_app.config.get("DIPLOGRAPH_PUBLIC_URL") or DEFAULT_PUBLIC_URL)
    return url if url.endswith("/") else url + "/"


def _type_id(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        if len(value) > 1:
            raise BadRequest("give one type per query")
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
    raise BadRequest(f"unknown type {value[:100]!r}; the types are: {', '.join(TYPES)}")


def _type_list(tid: str) -> list[dict[str, str]]:
    return [{"id": tid, "name": TYPES[tid][1]}]


def manifest() -> dict[str, Any]:
    """The service manifest (0.2; also valid for the 1.0 draft's fields used here)."""
    root = public_url() + "reconcile"
    return {
        "versions": ["0.2"],
        "name": "diplograph reconciliation (states, organisations, agreements, events)",
        "identifierSpace": ID(""),
        "schemaSpace": DG(""),
        "defaultTypes": [{"id": t, "name": n} for t, (_k, n) in TYPES.items()],
        "view": {"url": public_url() + "id/{{id}}"},
        "preview": {"url": root + "/preview?id={{id}}", "width": 400, "height": 140},
        "suggest": {
            kind: {"service_url": root, "service_path": f"/suggest/{kind}"}
            for kind in ("entity", "type", "property")
        },
        "extend": {
            "propose_properties": {"service_url": root, "service_path": "/propose_properties"},
            "property_settings": [],
        },
        "batchSize": 50,
    }


def _entity_id(e: Entity) -> str:
    return e.iri[len(ID("")) :]


def _description(e: Entity) -> str:
    """What tells candidates apart: type, dates, ISO code and capital, headquarters, QID (with
    its confidence)."""
    m = _matcher()
    reference = m.reference
    owner, kept = _cache["descriptions"]
    cache: dict[str, str] = kept if owner is m else {}  # a newer matcher's: not kept
    out = cache.get(e.iri)
    if out is None:
        text = choice_features(e, reference.capital_index.names, reference.supraverden).text()
        out = cache[e.iri] = f"{text} ({e.confidence})" if _qid_of(e) else text
    return out  # type: ignore[no-any-return]


def _entity_result(c: Candidate, score: float, match: bool) -> dict[str, Any]:
    e = c.entity
    tid = KIND_TYPE.get(e.kind)
    out = {
        "id": _entity_id(e),
        "name": e.label,
        "score": round(max(0.0, min(100.0, float(score))), 2),
        "match": bool(match),
        "type": _type_list(tid) if tid else [{"id": e.kind, "name": e.kind}],
        "description": _description(e),
    }
    if c.evidence:
        out["features"] = [{"id": "name", "value": round(float(c.score), 2)}]
        out["evidence"] = c.evidence
    return out


def _values(p: dict[str, Any]) -> list[str]:
    v = p.get("v")
    items = v if isinstance(v, list) else [v]
    out = []
    for x in items:
        if isinstance(x, dict):
            x = x.get("id") or x.get("name") or x.get("str")
        if x is None:
            continue
        if not isinstance(x, str | int | float):
            raise BadRequest("a property value must be a string, a number or {'id': ...}")
        out.append(str(x).strip())
    return [x for x in out if x]


def _properties(q: dict[str, Any], allowed: set[str]) -> tuple[list[tuple[str, list[str]]], str]:
    """(pid, values) pairs and the language hint; unknown pids raise :class:`BadRequest`."""
    props = q.get("properties") or []
    if not isinstance(props, list):
        raise BadRequest("'properties' must be a list of {'pid': ..., 'v': ...}")
    out: list[tuple[str, list[str]]] = []
    lang = ""
    for p in props[:50]:
        if not isinstance(p, dict) or not isinstance(p.get("pid"), str):
            raise BadRequest("each property must be an object with a 'pid' string")
        pid = p["pid"].strip()
        if pid.startswith(str(DG(""))):
            pid = pid[len(DG("")) :]
        pid = _WD_PIDS.get(pid, pid)
        vals = _values(p)
        if pid in HINTS:
            lang = vals[0] if vals and vals[0] in ("en", "vi") else ""
            continue
        if pid in RECOGNISED_UNSCORED:
            continue
        if pid not in allowed:
            raise BadRequest(
                f"unknown property {pid[:100]!r}; the properties are: "
                f"{', '.join(sorted(allowed | HINTS | set(RECOGNISED_UNSCORED)))}"
            )
        out.append((pid, vals))
    return out, lang


def _agree(e: Entity, pid: str, vals: list[str]) -> bool | None:
    """True if the entity agrees with one of ``vals``, False if it contradicts them, None if
    the entity has no value for ``pid``."""
    _name, _wd, get, how = ENTITY_PROPERTIES[pid]
    have = get(e)
    if have is None or have == "":
        return None
    if how == "capital":
        return _capitals().agree(e.iri, vals)
    if how == "year":
        return _year(str(have)) in {_year(v) for v in vals}
    if how == "name":
        return folded_form(str(have)) in {folded_form(v) for v in vals}
    return str(have).casefold() in {v.casefold() for v in vals}


def _score_entities(
    cands: list[Candidate], props: list[tuple[str, list[str]]], ambiguous: bool
) -> list[dict[str, Any]]:
    rows = []
    for c in cands:
        score, match, agreed, contradicted = c.score, c.match, 0, 0
        for pid, vals in props:
            a = _agree(c.entity, pid, vals)
            if a is True:
                score, agreed = score + 5, agreed + 1
            elif a is False:
                score, match, contradicted = score - 30, False, contradicted + 1
        rows.append((c, score, match, agreed, contradicted))
    if props and ambiguous:
        fits = [r for r in rows if r[3] > 0 and r[4] == 0]
        if len(fits) == 1:
            c, score, _m, ag, co = fits[0]
            rows = [(c, max(score, 95.0), True, ag, co)] + [r for r in rows if r is not fits[0]]
    rows.sort(key=lambda r: (-r[2], -r[1]))
    return [_entity_result(c, s, m) for c, s, m, _a, _c in rows]


# -- agreements and events (from the store) -------------------------------------------------

_FACTS_QUERY = """
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?f ?id ?text ?party ?date WHERE {{
  ?f a dg:{cls} ; dg:factId ?id .
  {{ ?f dg:title ?text }} UNION {{ ?f rdfs:label ?text }} UNION {{ ?f dg:quote ?text }}
  UNION {{ ?f rdfs:comment ?text }} UNION {{ ?f dg:party ?party }} UNION {{ ?f dg:involves ?party }}
  UNION {{ ?f dg:signingDate ?date }} UNION {{ ?f dg:date ?date }} UNION {{ ?f dg:startDate ?date }}
}}
"""


def _facts(tid: str) -> dict[str, dict[str, Any]]:
    """id -> {name, names (titles in both languages), tokens, parties, dates, quote}, cached
    per process (the store's facts change only with a rebuild)."""
    key = f"facts:{current_app.extensions['diplograph'].store_path}:{tid}"
    with _lock:
        if key in _cache:
            return _cache[key]  # type: ignore[no-any-return]
    cls = "Agreement" if tid == "Agreement" else "DiplomaticEvent"
    out: dict[str, dict[str, Any]] = {}
    try:
        rows = current_app.extensions["diplograph"].select(_FACTS_QUERY.format(cls=cls))
        for b in rows:
            fid = b["f"].value[len(ID("")) :]
            f = out.setdefault(
                fid,
                {"id": fid, "slug": b["id"].value, "texts": [], "parties": set(),
                 "dates": set(), "type": tid},
            )
            if "text" in b:
                f["texts"].append(b["text"].value)
            if "party" in b:
                f["parties"].add(b["party"].value)
            if "date" in b:
                f["dates"].add(b["date"].value)
    except Exception:  # noqa: BLE001 - no store or no facts: no candidates of this type
        current_app.logger.warning("reconcile: cannot read %s facts", cls, exc_info=True)
        out = {}
    for f in out.values():
        f["tokens"] = set(tokens(f["slug"].replace("-", " ")))
        for t in f["texts"]:
            f["tokens"] |= tokens(t)
        f["name"] = _fact_name(f)
    with _lock:
        _cache[key] = out
    return out


def _fact_name(f: dict[str, Any]) -> str:
    # a title (the shortest text) reads best; else the slug
    short = sorted((t for t in f["texts"] if len(t) <= 120), key=len)
    return short[0] if short else f["slug"]


def _fact_results(
    tid: str, text: str, limit: int, props: list[tuple[str, list[str]]]
) -> list[dict[str, Any]]:
    want = tokens(text)
    if not want:
        return []
    ex = exact_form(text)
    scored = []
    for f in _facts(tid).values():
        overlap = len(want & f["tokens"])
        if not overlap:
            continue
        score = 100.0 * overlap / len(want)
        if any(exact_form(t) == ex for t in f["texts"]) or f["slug"] == text.strip():
            score = 100.0
        score = min(score, 100.0) - 0.1 * max(0, len(f["tokens"]) - len(want)) / 10
        contradicted = False
        for pid, vals in props:
            if pid == "party":
                ids = {_party_iri(v) for v in vals}
                ids.discard(None)
                if ids and ids <= f["parties"]:
                    score += 5
                elif ids:
                    score, contradicted = score - 30, True
            elif pid == "date":
                years = {_year(v) for v in vals}
                if {_year(d) for d in f["dates"]} & years:
                    score += 5
                elif f["dates"]:
                    score, contradicted = score - 30, True
        scored.append((score, contradicted, f))
    scored.sort(key=lambda x: (-x[0], x[2]["id"]))
    top = scored[:limit]
    res = []
    for i, (score, contradicted, f) in enumerate(top):
        ahead = (
            i == 0 and not contradicted and score >= 60
            and (len(top) == 1 or top[1][0] < score - 20)
        )
        res.append({
            "id": f["id"], "name": f["name"], "score": round(max(0.0, min(score, 100.0)), 2),
            "match": ahead, "type": _type_list(tid),
            "description": f"{tid} from {f['id'].split('/')[1]}",
        })
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


def _party_iri(v: str) -> str | None:
    if "/" in v and not v.startswith("http"):
        return ID(v)
    if v.startswith(ID("")):
        return v
    best = _matcher().match(v).best
    return best.entity.iri if best else None


# -- queries ---------------------------------------------------------------------------------


def answer(q: Any) -> dict[str, Any]:
    """The result object for one query object; raises :class:`BadRequest` for a bad query."""
    if isinstance(q, str):
        q = {"query": q}
    if not isinstance(q, dict):
        raise BadRequest("each query must be a JSON object with a 'query' string")
    text = q.get("query")
    if not isinstance(text, str):
        raise BadRequest("each query needs a 'query' string")
    if len(text) > MAX_NAME:
        raise BadRequest(f"the name is {len(text):,} characters long; the limit is {MAX_NAME:,}")
    limit = q.get("limit", 5)
    if isinstance(limit, str):
        limit = count_arg(limit, 0)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise BadRequest("'limit' must be a positive integer")
    limit = min(limit, MAX_LIMIT)
    tid = _type_id(q.get("type"))
    if tid in ("Agreement", "DiplomaticEvent"):
        props, _lang = _properties(q, set(FACT_PROPERTIES))
        return {"result": _fact_results(tid, text, limit, props)}
    props, lang = _properties(q, set(ENTITY_PROPERTIES))
    kind = TYPES[tid][0] if tid else None
    r = _matcher().match(text, kind=kind, lang=lang or None, limit=max(limit, 10))
    out: dict[str, Any] = {"result": _score_entities(r.candidates, props, r.ambiguous)[:limit]}
    if r.ambiguous:
        out["ambiguous"] = True
    if r.note:
        out["note"] = r.note
    return out


def _answer_each(queries: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in queries.items():
        try:
            _check_text(v, f"query {k!r}")
            out[str(k)] = answer(v)
        except BadRequest as e:
            out[str(k)] = {"result": [], "error": {"type": "bad-input", "message": str(e)}}
    return out


def _respond(payload: Any, status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False)
    cb = request.args.get("callback") or request.form.get("callback")
    if cb:
        if not _JSONP.match(cb):
            body = json.dumps({"error": "bad-input", "message": "invalid callback name"})
            return _cors(Response(body, status=400, mimetype="application/json"))
        return _cors(Response(f"{cb}({body});", status=status, mimetype="text/javascript"))
    return _cors(Response(body, status=status, mimetype="application/json"))


def _cors(resp: Response) -> Response:
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    resp.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


def _error(message: str, kind: str = "bad-input") -> Response:
    return _respond({"error": kind, "message": message}, status_for(kind))


def _json_param(name: str) -> tuple[Any, Response | None]:
    raw = request.values.get(name)
    if raw is None and request.is_json and request.method == "POST":
        raw = request.get_data(as_text=True)
        try:
            body = json.loads(raw)
        except ValueError as e:
            return None, _error(f"the JSON body is not valid JSON: {e}")
        if isinstance(body, dict) and name in body and name != "queries":
            return body[name], None
        if name == "queries":
            if isinstance(body, dict) and set(body) == {"queries"}:
                body = body["queries"]  # {"queries": {...}} as some clients wrap it
            return body, None
        return None, None
    if raw is None:
        return None, None
    try:
        return json.loads(raw), None
    except ValueError as e:
        return None, _error(f"{name!r} is not valid JSON: {e}")


@bp.route("/reconcile", methods=["GET", "POST", "OPTIONS"])
def reconcile() -> Response:
    """Manifest, one query, a batch, or a data extension."""
    if request.method == "OPTIONS":
        return _cors(Response(status=204))
    if "extend" in request.values:
        ext, err = _json_param("extend")
        return err or extend(ext)
    if "queries" in request.values or (request.method == "POST" and request.is_json):
        queries, err = _json_param("queries")
        if err:
            return err
        if not isinstance(queries, dict):
            return _error('\'queries\' must be a JSON object: {"q0": {"query": "..."}, ...}')
        if len(queries) > MAX_QUERIES:
            return _error(
                f"too many queries in one batch ({len(queries):,} > {MAX_QUERIES:,}); "
                "send them in batches (OpenRefine sends 10 to 50)", "too-large"
            )
        try:  # a key that is not text cannot carry its answer: the whole batch is refused
            _check_text(list(queries), "a query key")
        except BadRequest as e:
            return _error(str(e))
        return _respond(_answer_each(queries))
    single = request.values.get("query")
    if single is not None:
        q: Any = single
        if single.lstrip().startswith("{"):
            try:
                q = json.loads(single)
            except ValueError as e:
                return _error(f"'query' is not valid JSON: {e}")
        try:
            _check_text(q, "the query")
            return _respond(answer(q))
        except BadRequest as e:
            return _error(str(e))
    return _respond(manifest())


# -- suggest ---------------------------------------------------------------------------------


def _prefix_arg() -> str:
    prefix = (request.args.get("prefix") or "").strip()
    if len(prefix) > MAX_NAME:
        raise BadRequest(f"the prefix is longer than {MAX_NAME:,} characters")
    return prefix


@bp.route("/reconcile/suggest/entity", methods=["GET", "OPTIONS"])
def suggest_entity() -> Response:
    """Entities for ``prefix``: exact names first, then names starting with it (shorter
    names first), then the matcher's guesses; ``type`` filters."""
    if request.method == "OPTIONS":
        return _cors(Response(status=204))
    try:
        prefix = _prefix_arg()
        tid = _type_id(request.args.get("type"))
    except BadRequest as e:
        return _error(str(e))
    return _respond({"result": suggest_entities(prefix, tid, _limit_arg(10))})


def count_arg(raw: str | None, default: int) -> int:
    """A count written in ASCII digits (at most 9 of them), else ``default``.

    ``str.isdigit`` also accepts "²" and other digits ``int`` refuses, and ``int`` refuses
    more than 4,300 digits: either used to be a 500.

    >>> count_arg("12", 5), count_arg("²", 5), count_arg("9" * 10_000, 5), count_arg(None, 5)
    (12, 5, 5, 5)
    """
    if raw is None or not (0 < len(raw) <= 9) or not raw.isascii() or not raw.isdigit():
        return default
    return int(raw)


def _limit_arg(default: int) -> int:
    return min(count_arg(request.args.get("limit"), default) or default, MAX_LIMIT)


def suggest_entities(prefix: str, tid: str | None, limit: int) -> list[dict[str, Any]]:
    """The entity suggestions for ``prefix`` (of type ``tid`` when given), best first."""
    m = _matcher()
    if tid in ("Agreement", "DiplomaticEvent"):
        res = _fact_results(tid, prefix, limit, [])
        return [{"id": r["id"], "name": r["name"], "description": r["description"]} for r in res]
    kinds = None
    if tid:
        from ..linking.candidates import KIND_GROUPS

        kinds = KIND_GROUPS[TYPES[tid][0]]
    f = folded_form(prefix)
    ranked: dict[str, tuple[tuple[int, int, int, str], Entity]] = {}

    def add(e: Entity, rank: tuple[int, int, int, str]) -> None:
        if kinds is not None and e.kind not in kinds:
            return
        k = e.iri
        if k not in ranked or rank < ranked[k][0]:
            ranked[k] = (rank, e)

    if f:
        names = _cache["prefix"]
        i = bisect.bisect_left(names, (f, "", ""))
        seen = 0
        while i < len(names) and names[i][0].startswith(f) and seen < 5000:
            form, _text, iri = names[i]
            e = m.registry.by_iri(iri)
            if e is not None:
                current = e.kind in ("state", "organisation")
                # exact before prefix; current states and organisations before historical
                # ones; shorter names first
                add(e, (0 if form == f else 1, 0 if current else 1, len(form), e.label))
            i += 1
            seen += 1
        for c in m.match(prefix, limit=5).candidates:
            add(c.entity, (0 if c.match else 2, 0, 0, c.entity.label))
    return [
        {"id": _entity_id(e), "name": e.label, "description": _description(e)}
        for _r, e in sorted(ranked.values(), key=lambda x: x[0])[:limit]
    ]


@bp.route("/reconcile/suggest/type", methods=["GET", "OPTIONS"])
def suggest_type() -> Response:
    """The types whose id or name starts with (or contains) ``prefix``."""
    if request.method == "OPTIONS":
        return _cors(Response(status=204))
    return _respond({"result": suggest_types(request.args.get("prefix", ""))})


def suggest_types(prefix: str) -> list[dict[str, str]]:
    """The types whose id or name starts with (or contains) ``prefix``."""
    p = folded_form(prefix[:MAX_NAME])
    rows = []
    for tid, (_k, name) in TYPES.items():
        keys = [folded_form(tid), *(folded_form(w) for w in name.split())]
        if not p or any(k.startswith(p) for k in keys):
            rows.append((0 if folded_form(tid).startswith(p) else 1, tid, name))
        elif p in folded_form(name):
            rows.append((2, tid, name))
    return [{"id": t, "name": n} for _r, t, n in sorted(rows)]


def _all_properties() -> list[tuple[str, str, str]]:
    out = [(pid, v[0], "entity") for pid, v in ENTITY_PROPERTIES.items()]
    out += [(pid, name, "fact") for pid, name in FACT_PROPERTIES.items()]
    return out


@bp.route("/reconcile/suggest/property", methods=["GET", "OPTIONS"])
def suggest_property() -> Response:
    """The properties whose id or name starts with ``prefix`` (then those containing it)."""
    if request.method == "OPTIONS":
        return _cors(Response(status=204))
    try:
        tid = _type_id(request.args.get("type"))
    except BadRequest as e:
        return _error(str(e))
    return _respond({"result": suggest_properties(request.args.get("prefix", ""), tid)})


def suggest_properties(prefix: str, tid: str | None) -> list[dict[str, str]]:
    """The properties (of type ``tid``) whose id or name starts with, then contains,
    ``prefix``."""
    p = folded_form(prefix[:MAX_NAME])
    rows = []
    for pid, name, scope in _all_properties():
        if tid and (scope == "fact") != (tid in ("Agreement", "DiplomaticEvent")):
            continue
        fid, fname = folded_form(pid), folded_form(name)
        if not p or fid.startswith(p) or fname.startswith(p):
            rows.append((0, pid, name))
        elif p in fid or p in fname:
            rows.append((1, pid, name))
    return [{"id": i, "name": n} for _r, i, n in sorted(rows)]


# -- preview ---------------------------------------------------------------------------------


@bp.route("/reconcile/preview", methods=["GET"])
def preview() -> Response:
    """An HTML card for any id the service returns (``state/MNG``, ``fact/…``)."""
    body, status = preview_html((request.args.get("id") or "")[:500])
    return _cors(Response(body, status=status, mimetype="text/html"))


def preview_html(eid: str) -> tuple[str, int]:
    """The HTML card of ``eid`` and the HTTP status (404 for an unknown id); every value is
    escaped."""
    e = _matcher().registry.by_iri(ID(eid))
    view = html.escape(public_url() + "id/" + eid, quote=True)
    if e is not None:
        labels = ", ".join(
            f"{html.escape(v)} ({html.escape(k)})"
            for k, v in sorted(e.labels.items()) if k in ("en", "vi")
        )
        return (
            f'<div style="font:13px sans-serif"><a href="{view}" target="_blank"><b>'
            f"{html.escape(e.label)}</b></a> <code>{html.escape(eid)}</code><br>{labels}<br>"
            f"{html.escape(_description(e))}</div>"
        ), 200
    for tid in ("Agreement", "DiplomaticEvent"):
        f = _facts(tid).get(eid)
        if f is not None:
            texts = "<br>".join(html.escape(t[:300]) for t in dict.fromkeys(f["texts"]))
            return (
                f'<div style="font:13px sans-serif"><a href="{view}" target="_blank"><b>'
                f"{html.escape(f['name'])}</b></a> <code>{html.escape(eid)}</code> "
                f"({html.escape(tid)})<br>{texts}</div>"
            ), 200
    return f"<p>unknown id <code>{html.escape(eid)}</code></p>", 404


# -- data extension --------------------------------------------------------------------------


@bp.route("/reconcile/propose_properties", methods=["GET", "OPTIONS"])
def propose_properties() -> Response:
    """Properties for data extension of a type."""
    if request.method == "OPTIONS":
        return _cors(Response(status=204))
    try:
        tid = _type_id(request.args.get("type")) or "State"
    except BadRequest as e:
        return _error(str(e))
    limit = count_arg(request.args.get("limit"), 50)
    return _respond({"type": tid, "properties": proposals(tid)[:limit], "limit": limit})


def proposals(tid: str) -> list[dict[str, str]]:
    """The properties a data extension of type ``tid`` can fetch."""
    return [
        {"id": pid, "name": name}
        for pid, name, scope in _all_properties()
        if (scope == "fact") == (tid in ("Agreement", "DiplomaticEvent"))
    ]


def extend(ext: Any) -> Response:
    """Data extension: the values of ``properties`` for each id in ``ids``."""
    try:
        meta, rows = extension(ext)
    except BadRequest as e:
        return _error(str(e), "too-large" if str(e).startswith("too many") else "bad-input")
    return _respond({"meta": meta, "rows": rows})


def extension(ext: Any) -> tuple[list[dict[str, Any]], dict[str, dict[str, list[Any]]]]:
    """(meta, rows) of a data extension query ``{"ids": [...], "properties": [{"id": ...}]}``;
    raises :class:`BadRequest` (whose message starts with "too many" for a request too
    large)."""
    if not isinstance(ext, dict) or not isinstance(ext.get("ids"), list):
        raise BadRequest('\'extend\' must be {"ids": [...], "properties": [{"id": ...}]}')
    ids = ext["ids"]
    props = ext.get("properties") or []
    if len(ids) > MAX_EXTEND_IDS:
        raise BadRequest(f"too many ids ({len(ids):,} > {MAX_EXTEND_IDS:,})")
    if not isinstance(props, list) or not all(
        isinstance(p, dict) and isinstance(p.get("id"), str) for p in props
    ):
        raise BadRequest("'properties' must be a list of {\"id\": ...}")
    known = {pid: name for pid, name, _s in _all_properties()}
    pids = [_WD_PIDS.get(p["id"], p["id"]) for p in props]
    bad = [p for p in pids if p not in known]
    if bad:
        raise BadRequest(
            f"unknown propert{'y' if len(bad) == 1 else 'ies'} "
            f"{', '.join(repr(b[:100]) for b in bad)}; "
            f"see /reconcile/propose_properties"
        )
    reg = _matcher().registry
    rows: dict[str, dict[str, list[Any]]] = {}
    for raw in ids:
        if not isinstance(raw, str):
            raise BadRequest("each id must be a string")
        row: dict[str, list[Any]] = {}
        e = reg.by_iri(ID(raw))
        fact = None if e else (_facts("Agreement").get(raw) or _facts("DiplomaticEvent").get(raw))
        for pid in pids:
            row[pid] = _extend_values(e, fact, pid)
        rows[raw] = row
    meta: list[dict[str, Any]] = [{"id": pid, "name": known[pid]} for pid in pids]
    for m in meta:
        if m["id"] == "succeededBy":
            m["type"] = _type_list("State")[0]
        if m["id"] == "party":
            m["type"] = {"id": "State", "name": TYPES["State"][1]}
    return meta, rows


def _extend_values(
    e: Entity | None, fact: dict[str, Any] | None, pid: str
) -> list[dict[str, Any]]:
    if e is not None and pid in ENTITY_PROPERTIES:
        v = ENTITY_PROPERTIES[pid][2](e)
        if v is None or v == "":
            return []
        if pid == "succeededBy":
            s = _matcher().registry.by_iri(ID(str(v)))
            return [{"id": str(v), "name": s.label if s else str(v)}]
        if pid == "cowCode":
            return [{"int": int(v)}]
        if isinstance(v, list):
            return [{"str": str(x)} for x in v]
        return [{"str": str(v)}]
    if fact is not None:
        if pid == "party":
            reg = _matcher().registry
            out = []
            for iri in sorted(fact["parties"]):
                p = reg.by_iri(iri)
                out.append({"id": iri[len(ID("")) :], "name": p.label if p else iri})
            return out
        if pid == "date":
            return [{"str": d} for d in sorted(fact["dates"])]
    return []
