"""A bounded in-memory cache of serialised query results.

Public endpoints see the same requests again and again (the named queries, the examples of
a UI). A cache hit skips the query workers altogether. The key is everything that decides the
answer: the query text, the dataset parameters, the substitutions, the base IRI and the
response media type. Any write clears the cache, so a hit is never stale. The cache is bounded
by the total size of the cached bodies (least recently used first out). A size of 0 turns it
off.

>>> c = ResultCache(max_bytes=10, max_entry_fraction=1.0)
>>> c.put(("q", "json"), "r1", 6)
>>> c.get(("q", "json"))
'r1'
>>> c.put(("q2", "json"), "r2", 6)     # over 10 bytes in all: the least recently used goes
>>> c.get(("q", "json")) is None, c.get(("q2", "json"))
(True, 'r2')

Every write moves the store to a new generation (writes may happen in another process).
:meth:`ResultCache.sync` with a newer one empties the cache, and ``put`` with the generation a
value was computed on keeps it only if that is still the newest one seen:

>>> c.sync(1); c.get(("q2", "json")) is None
True
>>> c.put(("q", "json"), "old", 3, generation=0); c.get(("q", "json")) is None
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class BoundedLRU(Generic[T]):
    """Values by key, least recently used out first, bounded by their total size in bytes;
    thread-safe. The caches below (and the page cache of the server) build on it.

    >>> lru: BoundedLRU[str] = BoundedLRU(10, max_entry_fraction=1.0)
    >>> lru._keep("a", "A", 6); lru._keep("b", "B", 6)   # over 10 bytes: "a" goes
    >>> lru._lookup("a"), lru._lookup("b"), lru.stats()["bytes"]
    (None, 'B', 6)
    """

    def __init__(self, max_bytes: int, *, max_entry_fraction: float = 0.25) -> None:
        self.max_bytes = max(int(max_bytes), 0)
        #: an entry larger than this share of the cache is not kept (it would evict everything)
        self.max_entry = int(self.max_bytes * max_entry_fraction)
        self._items: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        #: the newest write generation seen; None until the first
        self.generation: int | None = None
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def _lookup(self, key: Hashable) -> T | None:
        """The value for ``key``, or None (and the entry becomes the most recent)."""
        if not self.enabled:
            return None
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[0]

    def _keep(self, key: Hashable, value: T, size: int, generation: int | None = None) -> None:
        """Keep ``value`` (``size`` bytes), evicting the least recently used entries; nothing
        is kept if it is too large, or if ``generation`` is given and is not the newest seen."""
        if not self.enabled or size > self.max_entry:
            return
        with self._lock:
            if generation is not None and generation != self.generation:
                return
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= old[1]
            self._items[key] = (value, size)
            self._size += size
            while self._size > self.max_bytes and self._items:
                _, (_, s) = self._items.popitem(last=False)
                self._size -= s

    def _clear(self) -> None:
        """Empty the cache (the caller holds the lock)."""
        self._items.clear()
        self._size = 0

    def stats(self) -> dict[str, int]:
        """Entries, bytes, hits and misses (for /health and the benchmarks)."""
        with self._lock:
            return {
                "entries": len(self._items),
                "bytes": self._size,
                "max_bytes": self.max_bytes,
                "hits": self.hits,
                "misses": self.misses,
            }


class ResultCache(BoundedLRU[T]):
    """LRU cache of results bounded by bytes, emptied by any newer write; thread-safe."""

    def get(self, key: Hashable) -> T | None:
        """The cached value for ``key``, or None (and the entry becomes the most recent)."""
        return self._lookup(key)

    def sync(self, generation: int) -> None:
        """Note the store's newest write ``generation``: a newer one empties the cache. An
        older one (a request that looked before another saw the write) changes nothing."""
        if not self.enabled or generation == self.generation:
            return
        with self._lock:
            if self.generation is None or generation > self.generation:
                self._clear()
                self.generation = generation

    def put(self, key: Hashable, value: T, size: int, *, generation: int | None = None) -> None:
        """Keep ``value`` (``size`` bytes), evicting the least recently used entries.

        With ``generation`` (the one the value was computed on), nothing is kept unless it is
        still the newest one :meth:`sync` saw."""
        self._keep(key, value, size, generation)
