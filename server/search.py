"""Search and the index pages: ``/search``, ``/search.json`` and ``/page/<segment>/``.

- ``GET /search?q=…[&kind=…][&page=N]``: a results page with a facet per kind (HTML), or the
  same as JSON (``Accept: application/json``, or ``/search.json``);
- ``GET /search.json?q=…&limit=8``: what the search box's autocompletion asks for;
- ``GET /page/state/``, ``/page/org/`` …: every entity of one kind, sorted by name, with a
  filter box and pages of :data:`PAGE_SIZE`.

The index (:class:`~diplograph.linking.search.SearchIndex`) is built once per worker process
from the store and brought up to date after a write (:mod:`.search_index`). Every text is
escaped by the templates; the JSON never echoes markup unescaped into a page.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

from flask import Blueprint, Response, abort, current_app, g, render_template, request

from ..graph.errors import DiplographError
from ..linking.search import (
    MAX_TEXT,
    Results,
    SearchIndex,
    kind_named,
    kind_of_segment,
    kinds,
)
from .conneg import prefers_html
from .i18n import ui_lang
from .search_index import IndexHolder
from .ui import href, query_service

bp = Blueprint("search", __name__, template_folder="templates")
log = logging.getLogger(__name__)

#: entities per page of results and of index pages
PAGE_SIZE = 50
#: the most suggestions one autocompletion request may ask for
MAX_LIMIT = 50

#: the index of this worker process (one per process; an app on another store builds its own)
holder = IndexHolder()


class _Requests:
    """How many requests this worker process is answering (Flask's, not those the response
    cache answers before it)."""

    def __init__(self) -> None:
        self.n = 0
        self._idle = threading.Condition()

    def enter(self) -> None:
        with self._idle:
            self.n += 1

    def leave(self) -> None:
        with self._idle:
            self.n -= 1
            if self.n == 0:
                self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no request is being answered (at most ``timeout`` s); whether so."""
        with self._idle:
            return self._idle.wait_for(lambda: self.n == 0, timeout)


answering = _Requests()
#: the longest the index's loading at start waits for the worker to have no request
IDLE_WAIT_S = 10.0


#: the methods of the requests that may write (``/update``, the Graph Store, ``/store``)
_WRITES = frozenset({"POST", "PUT", "DELETE", "PATCH"})


@bp.before_app_request
def _count_request() -> None:
    g.diplograph_counted = True
    answering.enter()
    if request.method in _WRITES and current_app.config.get("DIPLOGRAPH_PREPARED"):
        g.diplograph_generation = _generation()


@bp.teardown_app_request
def _uncount_request(_exc: BaseException | None) -> None:
    if g.pop("diplograph_counted", False):
        answering.leave()
    before = g.pop("diplograph_generation", None)
    if before is not None:
        after = _generation()
        if after is not None and after != before:
            keeper.wrote(current_app._get_current_object())  # type: ignore[attr-defined]


def _generation() -> int | None:
    try:
        return int(query_service().generation)
    except Exception:  # noqa: BLE001 - an engine, or no checkpoint: nothing to keep
        return None


class _Keeper:
    """After a write this worker took: once the writes have paused for :data:`KEEP_AFTER_S`
    (and :data:`KEEP_EVERY_S` after its last keeping) and the worker answers no request,
    bring its search index up to date and keep it for the next start
    (:func:`.search_index.keep_after_write`), in a thread of its own (one per worker process,
    started at the first write)."""

    def __init__(self) -> None:
        self._wrote = threading.Event()
        self._thread: threading.Thread | None = None
        self._app: Any = None
        self._lock = threading.Lock()
        #: how each keeping went (tests and logs): the last result
        self.last: tuple[str, int, int] | None = None

    def wrote(self, app: Any) -> None:
        with self._lock:
            self._app = app
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="search-index-keeper",
                                                daemon=True)
                self._thread.start()
        self._wrote.set()

    def _run(self) -> None:
        from .search_index import keep_after_write

        kept_at = -KEEP_EVERY_S
        while True:
            self._wrote.wait()
            while self._wrote.is_set():  # until the writes pause
                self._wrote.clear()
                time.sleep(KEEP_AFTER_S)
            # under a stream of writes, one keeping per KEEP_EVERY_S (each may read the whole
            # index again, for a write that does not say what it touched, and writes ~3.5 MB)
            time.sleep(max(kept_at + KEEP_EVERY_S - time.monotonic(), 0))
            self._wrote.clear()
            answering.wait_idle(IDLE_WAIT_S)
            kept_at = time.monotonic()
            try:
                with self._app.app_context():
                    t0 = time.perf_counter()
                    self.last = keep_after_write(holder, query_service())
                    if self.last is not None:
                        log.info("search index %s for the next start after a write "
                                 "(generation %d, %d entities, %.2f s)", self.last[0],
                                 self.last[2], self.last[1], time.perf_counter() - t0)
            except Exception:  # noqa: BLE001 - the next start builds it
                log.warning("the search index could not be kept after a write", exc_info=True)


keeper = _Keeper()
#: how long the writes must pause before the index is kept for the next start: long enough
#: for the pages asked right after a write to bring the index up to date themselves (shared
#: by the workers), so that the keeper mostly finds it done (not at a lower priority: a
#: thread of lower priority holding the shared build's lock would hold those pages back)
KEEP_AFTER_S = 2.0
#: the least time between two keepings of one worker (the last write's data is always kept
#: in the end, as long as the server runs)
KEEP_EVERY_S = 10.0


@bp.record_once
def _build_at_start(state: Any) -> None:
    """In the worker processes of ``diplograph serve``, bring up the index in the background
    as the worker starts, so that the first search, index page or named-query page does not
    wait for it (tests and embedded apps build it on first use).

    ``diplograph serve`` builds it in a process of its own meanwhile
    (:func:`.search_index.start_builder`): this waits for that build, then for a moment when
    the worker answers no request, and loads it, so that the first pages after a start do not
    share the worker with it. A request that needs the index meanwhile waits for the build
    and loads it at once."""
    app = state.app
    if not app.config.get("DIPLOGRAPH_PREPARED"):
        return

    def build() -> None:
        try:
            with app.app_context():
                holder.wait_for_shared_build(query_service())
                answering.wait_idle(IDLE_WAIT_S)
                search_index()
        except Exception:  # noqa: BLE001 - the first request builds it (and reports the error)
            log.warning("the search index could not be built at start", exc_info=True)
            return
        try:
            with app.app_context():
                _load_matcher_when_idle()
        except Exception:  # noqa: BLE001 - the first search that needs it makes it
            log.warning("the name matcher could not be loaded at start", exc_info=True)

    threading.Thread(target=build, name="search-index", daemon=True).start()


def _load_matcher_when_idle() -> None:
    """Load the linking matcher of generation 0 that the builder shares, once it is made and
    the worker answers no request (a search whose text no indexed name holds then needs no
    making of it: :func:`_resolved`). Nothing when the builder did not share one (a write
    came first, or it failed): the first such search makes it, as before."""
    from .reconcile import matcher, matcher_ready
    from .search_index import shared_matcher_made, wait_for_shared_matcher

    qs = query_service()
    wait_for_shared_matcher(qs)
    if not shared_matcher_made(qs):
        return
    answering.wait_idle(IDLE_WAIT_S)
    if qs.generation == 0 and not matcher_ready():
        matcher()


def search_index() -> SearchIndex:
    """The index of this worker, brought up to date after a write at the first request that
    needs it: kept when the write changed no name or kind, else only the entities or graphs
    the write changed read again, or (a write that says nothing) built again
    (:class:`.search_index.IndexHolder`)."""
    return holder.get(query_service())


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


def _resolved(text: str, selected: set[str] | None, lang: str) -> Results:
    """What the linking matcher reads a name as, when the index holds no form of it: old names
    (``Ceylon``), official long forms, Vietnamese names of bodies, press names (one resolver,
    ``docs/linking.md``). A match is one hit; an ambiguous name gives its candidates. The
    matcher is the reconciliation service's (made once per write generation)."""
    if len(text) > MAX_TEXT:
        return Results([], 0, {})
    from .reconcile import matcher

    r = matcher().match(text, limit=5)
    found = [c.entity.iri for c in r.candidates if c.match or r.ambiguous]
    return search_index().hits_for(found, text, kinds=selected, lang=lang)


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
        if not results.total and text.strip() and not offset:
            results = _resolved(text, selected, lang)
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
    if not results.total and text.strip():
        results = _resolved(text, selected, lang)
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
