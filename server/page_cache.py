"""The cache of server-made pages that survives writes to what a page did not read.

An entity page reads the triples around one node (the entity, the facts that involve it, the
labels of what those name …) and costs a few hundred milliseconds for the busiest entities.
The response cache of :mod:`.front` is emptied by every write; this one keeps each page with
the **terms it read** (the IRIs in subject or object position of every triple it used, the
facts of its index, and markers for the patterns that pass through nodes it does not keep),
and a write drops only the pages whose terms meet the terms the write touched
(:func:`diplograph.graph.changes.touched_terms`). A write that does not say what it touched
(a ``DELETE … WHERE``, ``CLEAR``, a graph replaced through the Graph Store Protocol) empties
the cache, as before. So a write to one document's graph, or a benchmark's scratch graph, no
longer costs the UN its page, while a new fact about the UN is on its page at once.

Writes may happen in any process: every process keeps its own cache and, on each look-up,
reads the touched terms of the generations it has not seen (``<store>.snapshots/touched/``).
A page one worker process made is also written, with its terms and generation, to
``<store>.snapshots/pages/`` (:class:`SharedPages`, bounded by the same size): another worker
that misses takes it from there if no write since touched what it read, so a page is made once
per write that touches it, not once per worker.

>>> c = PageCache(max_bytes=10_000)
>>> c.sync(0, lambda old, new: frozenset())
>>> c.put(("/page/org/UN",), "<html>UN</html>", frozenset({"urn:UN", "urn:f1"}), 0)
>>> c.put(("/page/state/MNG",), "<html>MNG</html>", frozenset({"urn:MNG"}), 0)
>>> c.sync(1, lambda old, new: frozenset({"urn:other"}))  # an unrelated write
>>> c.get(("/page/org/UN",))
'<html>UN</html>'
>>> c.sync(2, lambda old, new: frozenset({"urn:f1"}))  # a write to one of the UN's facts
>>> c.get(("/page/org/UN",)) is None, c.get(("/page/state/MNG",))
(True, '<html>MNG</html>')
>>> c.sync(3, lambda old, new: None)  # a write that did not say: everything goes
>>> c.get(("/page/state/MNG",)) is None
True
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Hashable
from pathlib import Path

from ..graph.cache import BoundedLRU

__all__ = ["PageCache", "SharedPages", "page_cache", "serve_cached"]

#: bytes counted per term a page keeps (a Python string in a frozenset, roughly)
TERM_BYTES = 120


class PageCache(BoundedLRU[tuple[str, frozenset[str]]]):
    """Pages with the terms they read; LRU, bounded by bytes; thread-safe."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(max_bytes)
        self.dropped = self.flushes = 0
        #: misses answered by a page another worker made (:class:`SharedPages`)
        self.shared_hits = 0

    def sync(self, generation: int,
             touched_between: Callable[[int, int], frozenset[str] | None]) -> None:
        """Account for the writes up to ``generation``: drop the pages whose terms meet what
        they touched (``touched_between(old, new)``; None: everything goes)."""
        if not self.enabled or generation == self.generation:
            return
        with self._lock:
            old = self.generation
            if old is not None and generation <= old:
                return
            touched = None if old is None else touched_between(old, generation)
            if touched is None:
                self.flushes += bool(self._items)
                self._clear()
            elif touched:
                for key in [k for k, ((_, terms), _) in self._items.items()
                            if not terms.isdisjoint(touched)]:
                    self._size -= self._items.pop(key)[1]
                    self.dropped += 1
            self.generation = generation

    def get(self, key: Hashable) -> str | None:
        """The page kept for ``key``, or None."""
        found = self._lookup(key)
        return None if found is None else found[0]

    def put(self, key: Hashable, html: str, terms: frozenset[str], generation: int) -> None:
        """Keep ``html``, made at ``generation`` from what ``terms`` name, unless a write came
        in since (it might have changed what the page read half-way)."""
        self._keep(key, (html, terms), len(html) + TERM_BYTES * len(terms), generation)

    def stats(self) -> dict[str, int]:
        """Entries, bytes, hits, misses, pages dropped by a write, full flushes, and misses
        answered by another worker's page."""
        return super().stats() | {"dropped": self.dropped, "flushes": self.flushes,
                                  "shared_hits": self.shared_hits}


class SharedPages:
    """Pages shared by the worker processes of one server: one file per page (a header line
    with the key and the generation it was made at, a line of terms, the body), written
    atomically, the oldest deleted past ``max_bytes``.

    >>> import tempfile
    >>> shared = SharedPages(Path(tempfile.mkdtemp()), max_bytes=1000)
    >>> shared.put(("/page/org/UN",), "<html>UN</html>", frozenset({"urn:UN"}), 3)
    >>> shared.get(("/page/org/UN",), 5, lambda old, new: frozenset({"urn:other"}))
    ('<html>UN</html>', frozenset({'urn:UN'}))
    >>> shared.get(("/page/org/UN",), 5, lambda old, new: frozenset({"urn:UN"})) is None
    True
    """

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder, self.max_bytes = folder, max_bytes

    def _file(self, key: Hashable) -> Path:
        return self.folder / (hashlib.sha256(repr(key).encode()).hexdigest() + ".page")

    def get(self, key: Hashable, generation: int,
            touched_between: Callable[[int, int], frozenset[str] | None]
            ) -> tuple[str, frozenset[str]] | None:
        """The body and terms kept for ``key`` if no write up to ``generation`` touched them."""
        try:
            text = self._file(key).read_text(encoding="utf-8")
        except OSError:
            return None
        head, _, rest = text.partition("\n")
        line, _, body = rest.partition("\n")
        try:
            meta = json.loads(head)
        except ValueError:
            return None
        made = meta.get("generation")
        if meta.get("key") != repr(key) or not isinstance(made, int) or made > generation:
            return None
        terms = frozenset(line.split(" ")) if line else frozenset()
        if made < generation:
            touched = touched_between(made, generation)
            if touched is None or not terms.isdisjoint(touched):
                return None
        return body, terms

    def put(self, key: Hashable, body: str, terms: frozenset[str], generation: int) -> None:
        """Write the page for the other workers (a full disk only loses the sharing)."""
        path = self._file(key)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"key": repr(key), "generation": generation}) + "\n"
                           + " ".join(sorted(terms)) + "\n" + body, encoding="utf-8")
            os.replace(tmp, path)
            self._trim()
        except OSError:
            tmp.unlink(missing_ok=True)

    def _trim(self) -> None:
        files = []
        for f in self.folder.glob("*.page"):
            try:
                st = f.stat()
            except OSError:
                continue
            files.append((st.st_mtime, st.st_size, f))
        total = sum(size for _, size, _ in files)
        for _, size, f in sorted(files):
            if total <= self.max_bytes:
                break
            f.unlink(missing_ok=True)
            total -= size


def page_cache() -> PageCache:
    """The app's page cache, as large as the response cache (``DIPLOGRAPH_CACHE_MB``)."""
    from flask import current_app

    cache = current_app.extensions.get("diplograph.pages")
    if cache is None:
        cache = current_app.extensions.setdefault(
            "diplograph.pages", PageCache(current_app.config["DIPLOGRAPH_CACHE_MB"] * 2**20))
    return cache  # type: ignore[no-any-return]


def serve_cached(render: Callable[[], tuple[str, frozenset[str]]]) -> str:
    """The body for the current request: the one kept for its path, query string, interface
    language and script root if no write touched what it read, else ``render()``'s (the body
    and the terms it read), kept. An error raised by ``render`` is not kept."""
    from flask import request

    from .i18n import ui_lang
    from .ui import query_service

    cache, qs = page_cache(), query_service()
    if not cache.enabled or not hasattr(qs, "touched_between"):
        return render()[0]
    generation = qs.generation
    cache.sync(generation, qs.touched_between)
    key = (request.path, request.query_string, ui_lang(), request.script_root)
    body = cache.get(key)
    if body is not None:
        return body
    shared = _shared_pages(qs, cache)
    found = shared.get(key, generation, qs.touched_between) if shared is not None else None
    if found is not None:
        body, terms = found
        cache.shared_hits += 1
        cache.put(key, body, terms, generation)
        return body
    body, terms = render()
    cache.put(key, body, terms, generation)
    if shared is not None:
        shared.put(key, body, terms, generation)
    return body


def _shared_pages(qs: object, cache: PageCache) -> SharedPages | None:
    """The pages shared by the workers, beside the store's checkpoints (None: not served from
    checkpoints)."""
    checkpoints = getattr(qs, "checkpoints", None)
    root = getattr(checkpoints, "root", None)
    if root is None:
        return None
    return SharedPages(Path(root) / "pages", cache.max_bytes)
