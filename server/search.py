"""Search and the index pages: ``/search``, ``/search.json`` and ``/page/<segment>/``.

- ``GET /search?q=…[&kind=…][&page=N]``: a results page with a facet per kind (HTML), or the
  same as JSON (``Accept: application/json``, or ``/search.json``);
- ``GET /search.json?q=…&limit=8``: what the search box's autocompletion asks for;
- ``GET /page/state/``, ``/page/org/`` …: every entity of one kind, sorted by name, with a
  filter box and pages of :data:`PAGE_SIZE`.

The index (:class:`~diplograph.linking.search.SearchIndex`) is built once per worker process
from the store and rebuilt after a write (the checkpoint generation changes). Every text is
escaped by the templates; the JSON never echoes markup unescaped into a page.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request

from ..graph.changes import predicate_marker
from ..graph.errors import DiplographError
from ..linking.search import (
    MAX_TEXT,
    RDF_TYPE,
    Results,
    SearchIndex,
    index_predicates,
    index_query,
    kind_named,
    kind_of_segment,
    kinds,
)
from .conneg import prefers_html
from .i18n import ui_lang
from .ui import href, query_service, select

bp = Blueprint("search", __name__, template_folder="templates")
log = logging.getLogger(__name__)

#: entities per page of results and of index pages
PAGE_SIZE = 50
#: the most suggestions one autocompletion request may ask for
MAX_LIMIT = 50

_lock = threading.Lock()
_cached: dict[str, Any] = {"generation": None, "index": None, "classes": frozenset()}


#: The predicates an index is made of (:func:`.linking.search.index_query`) but rdf:type: a
#: write that touched none of them, and typed or untyped nothing as one of the kinds' classes,
#: leaves every name and kind as it was.
NAME_MARKERS = frozenset(predicate_marker(p) for p in index_predicates() if p != RDF_TYPE)
TYPE_MARKER = predicate_marker(RDF_TYPE)


def _index_classes() -> frozenset[str]:
    """The kinds' classes and their subclasses (what ``rdf:type`` must name to matter)."""
    roots = " ".join(f"<{c}>" for k in kinds() for c in k.classes)
    query = ("SELECT DISTINCT ?c WHERE { VALUES ?root { " + roots + " } "
             "?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?root }")
    return frozenset(r["c"].value for r in query_service().select(query)
                     if isinstance(r.get("c"), ox.NamedNode))


def _still_valid(qs: Any, generation: int) -> bool:
    """Whether the writes since the index was built left it as it is (they said what they
    touched, and no name, type or subclass is among it)."""
    old = _cached["generation"]
    if _cached["index"] is None or old is None or _cached.get("service") is not qs:
        return False  # (several apps in one process, as in tests: each its own store)
    if old == generation:
        return True
    if generation < old or not hasattr(qs, "touched_between"):
        return False
    touched = qs.touched_between(old, generation)
    if touched is None or touched & NAME_MARKERS:
        return False
    return TYPE_MARKER not in touched or not (touched & _cached["classes"])


@bp.record_once
def _build_at_start(state: Any) -> None:
    """In the worker processes of ``diplograph serve``, build the index in the background as
    the worker starts, so that the first search, index page or named-query page does not wait
    a second for it (tests and embedded apps build it on first use)."""
    app = state.app
    if not app.config.get("DIPLOGRAPH_PREPARED"):
        return

    def build() -> None:
        try:
            with app.app_context():
                search_index()
        except Exception:  # noqa: BLE001 - the first request builds it (and reports the error)
            log.warning("the search index could not be built at start", exc_info=True)

    threading.Thread(target=build, name="search-index", daemon=True).start()


def search_index() -> SearchIndex:
    """The index of this worker, rebuilt when a write since it was built may have changed a
    name or a kind (building it reads every entity's names: about a second on the real
    graph, which the first search or index page after any write used to pay)."""
    qs = query_service()
    generation = qs.generation
    with _lock:
        if _still_valid(qs, generation):
            _cached["generation"] = generation
        else:
            rows = [(r["s"].value, r["kind"].value, r["name"].value,
                     r["tag"].value if "tag" in r else None)
                    for r in select(index_query())]
            _cached["classes"] = _index_classes()
            _cached["index"] = SearchIndex.from_rows(rows)
            _cached["generation"] = generation
            _cached["service"] = qs
        return _cached["index"]  # type: ignore[no-any-return]


@bp.app_template_global("term_label")
def term_label(iri: str) -> str:
    """Template helper: what a link to ``iri`` shows: the entity's label in the interface's
    language when search knows it, else the end of the IRI (``role/full`` …)."""
    try:
        label = search_index().label_of(iri, ui_lang())
    except DiplographError:  # the index could not be built: show the IRI's end
        label = None
    if label:
        return label
    tail = iri.split("/id/", 1)[1] if "/id/" in iri else iri.rstrip("/#").rsplit("/", 1)[-1]
    return tail.rsplit("#", 1)[-1] or iri


def _int_arg(name: str, default: int, lo: int, hi: int | None = None) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise DiplographError("bad-input", f"'{name}' must be a whole number") from None
    if value < lo or (hi is not None and value > hi):
        bound = f"from {lo} to {hi}" if hi is not None else f"at least {lo}"
        raise DiplographError("bad-input", f"'{name}' must be {bound}")
    return value


def _kinds_arg() -> set[str] | None:
    names = [k for v in request.args.getlist("kind") for k in v.split(",") if k]
    if not names:
        return None
    unknown = [k for k in names if kind_named(k) is None]
    if unknown:
        known = ", ".join(k.kind for k in kinds())
        raise DiplographError("bad-input", f"unknown kind {unknown[0]!r}; known kinds: {known}")
    return set(names)


def _wants_json() -> bool:
    if request.path.endswith(".json") or request.args.get("format") == "json":
        return True
    return not prefers_html(request.headers.get("Accept"), ["application/json"])


def _json(data: object) -> Response:
    # "<" as \u003c (the same JSON): the query text comes back in it, and a JSON body opened
    # as a page must not carry markup
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return Response(text, mimetype="application/json")


@bp.get("/search.json", endpoint="search_json")
@bp.get("/search")
def search() -> Any:
    """Search every kind of entity by name; facets per kind; paging."""
    text = request.args.get("q", "")
    lang = ui_lang()
    selected = _kinds_arg()
    as_json = _wants_json()
    if as_json:
        limit = _int_arg("limit", 10, 1, MAX_LIMIT)
        offset = _int_arg("offset", 0, 0)
        results = search_index().search(text, kinds=selected, limit=limit, offset=offset,
                                        lang=lang)
        return _json({
            "query": text,
            "total": results.total,
            "facets": results.facets,
            "results": [dict(h.to_json(), url=href(h.iri)) for h in results.hits],
        })
    page = _int_arg("page", 1, 1)
    results = (search_index().search(text, kinds=selected, limit=PAGE_SIZE,
                                     offset=(page - 1) * PAGE_SIZE, lang=lang)
               if text.strip() else Results([], 0, {}))
    pages = max((results.total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    if text.strip() and page > pages:
        raise DiplographError("not-found",
                              f"page {page} is past the last page of results ({pages})")
    return render_template(
        "search.html", q=text, results=results, kinds=kinds(), selected=selected or set(),
        page=page, pages=pages, offset=(page - 1) * PAGE_SIZE, lang=lang, max_text=MAX_TEXT)


@bp.get("/page/<segment>/")
def kind_index(segment: str) -> Any:
    """Every entity of one kind (``/page/state/``, ``/page/org/`` …), with a filter and pages."""
    kind = kind_of_segment(segment)
    if kind is None:
        abort(404, f"there is no index of '{segment}': the index pages are "
                   + ", ".join(f"/page/{k.segment}/" for k in kinds() if k.segment))
    lang = ui_lang()
    text = request.args.get("q", "").strip()
    page = _int_arg("page", 1, 1)
    index = search_index()
    if text:
        found = index.search(text, kinds={kind.kind}, limit=10_000, lang=lang)
        entities = sorted(found.hits, key=lambda h: (-h.score, h.label))
    else:
        entities = index.entities(kind.kind, lang=lang)
    pages = max((len(entities) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    if page > pages:
        raise DiplographError("not-found", f"page {page} is past the last page ({pages})")
    shown = entities[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    return render_template(
        "kind_index.html", kind=kind, kinds=kinds(), entities=shown, total=len(entities),
        q=text, page=page, pages=pages, lang=lang, max_text=MAX_TEXT)
