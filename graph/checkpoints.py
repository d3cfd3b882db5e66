"""Read-only checkpoints of a store, shared by every process that serves it.

RocksDB lets one process at a time open a store read-write, and a read-only handle on the live
directory breaks when the writer compacts. So readers never open the live store: they open a
*checkpoint* (``Store.backup``: hard links, ~10 ms) under ``<store>.snapshots/``, and the file
``CURRENT`` names the newest one. A write, from any process:

1. takes an exclusive ``flock`` on ``<store>.snapshots/WRITE.lock`` (one writer at a time);
2. opens the live store read-write, applies the change (atomically, in pyoxigraph), closes it;
3. takes a checkpoint named ``<generation>-<random>``, generation = the current one + 1;
4. publishes it by atomically replacing ``CURRENT`` (after ``touched/<generation>``, the terms
   the write touched when the writer knows them: :mod:`.changes`, and ``graphs/<generation>``,
   the graphs it may have changed, when known);
5. deletes checkpoints superseded longer ago than ``keep_seconds`` (the query time limit plus
   a margin: no query can still be reading them).

Readers ``stat`` ``CURRENT`` on each request (a few microseconds) and reopen when it changed,
so a write is visible to every later query in every process.

>>> import tempfile, pyoxigraph as ox
>>> d = Path(tempfile.mkdtemp()) / "store"
>>> cps = Checkpoints(d)
>>> cps.prepare().generation
0
>>> cps.write(lambda store: store.update("INSERT DATA { <http://e/s> <http://e/p> 1 }"))
>>> cps.current().generation
1
>>> len(ox.Store.read_only(cps.current().path))
1
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from .changes import DEFAULT_GRAPH  # noqa: F401 - how the lists name the default graph
from .errors import DiplographError
from .fingerprint import content_fingerprint

__all__ = ["Checkpoint", "Checkpoints"]

T = TypeVar("T")

CURRENT = "CURRENT"
WRITE_LOCK = "WRITE.lock"
#: the folder of the lists of terms each write touched (one file per generation)
TOUCHED = "touched"
#: the folder of the lists of graphs each write changed (one file per generation; the default
#: graph as :data:`DEFAULT_GRAPH`), for readers that keep something per graph
GRAPHS = "graphs"
#: the fingerprints of generation 0's data (:meth:`Checkpoints.content_keys`)
CONTENT = "CONTENT"
#: how many generations of those lists are kept
TOUCHED_KEEP = 1000


@dataclass(frozen=True)
class Checkpoint:
    """One published checkpoint: its write generation and its directory."""

    generation: int
    path: str


class Checkpoints:
    """The checkpoints of the store at ``store_path`` (see the module docstring)."""

    def __init__(self, store_path: str | Path, keep_seconds: float = 60.0) -> None:
        self.store_path = Path(store_path)
        self.root = self.store_path.with_name(self.store_path.name + ".snapshots")
        self.serving_lock = serving_lock_path(self.store_path)
        self._serving: Any = None
        self.keep_seconds = keep_seconds
        self._seen: tuple[int, int, int] | None = None
        self._current: Checkpoint | None = None
        self._current_file = str(self.root / CURRENT)  # stat'ed on every request

    # ------------------------------------------------------------ serving

    def hold_serving(self) -> None:
        """Mark the store as served by this process until :meth:`release_serving` (or exit).

        A second service on the same store, or a command-line write beside the service
        (``diplograph load``), would bypass the checkpoints: both are refused."""
        self.serving_lock.parent.mkdir(parents=True, exist_ok=True)
        f = open(self.serving_lock, "a+b")  # noqa: SIM115 - held until released
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.close()
            raise DiplographError(
                "storage", f"another diplograph service is serving the store at "
                f"{self.store_path}: stop it first") from None
        self._serving = f

    def release_serving(self) -> None:
        """Undo :meth:`hold_serving`."""
        if self._serving is not None:
            self._serving.close()
            self._serving = None

    # ------------------------------------------------------------ publishing

    def prepare(self) -> Checkpoint:
        """Start afresh: drop earlier checkpoints, take generation 0 of the live store.

        Called once by whoever starts serving (not by every worker process)."""
        self.store_path.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)  # leftovers of an earlier run
        self.root.mkdir(parents=True, exist_ok=True)
        with self._locked():
            # the closed store's tables as this opening finds them: an opening may compact
            # them before its checkpoint is taken (a race on a small store), and whoever keyed
            # something by the store as it last closed still finds it by this key
            before = content_fingerprint(self.store_path)
            store = self._open_live()
            try:
                checkpoint = self._publish(store, 0)
            finally:
                del store
            self._note_content(checkpoint, before)
        return checkpoint

    def _note_content(self, checkpoint: Checkpoint, before: str | None = None) -> None:
        """Write :data:`CONTENT`: the fingerprints (:func:`.fingerprint.content_fingerprint`) of
        generation 0's data: its checkpoint's, the live store's as it was just closed (an
        opening may compact, rewriting the same data into other tables: the next start's
        checkpoint then has the tables of the closed store), and ``before``, the store's as
        this opening found it (the same data: an opening writes none). Taken under the write
        lock before anyone serves: nothing else has changed the store."""
        keys = dict.fromkeys(k for k in (content_fingerprint(checkpoint.path),
                                         content_fingerprint(self.store_path), before) if k)
        tmp = self.root / f".{CONTENT}.{uuid.uuid4().hex[:8]}"
        try:
            tmp.write_text("".join(f"{k}\n" for k in keys), encoding="utf-8")
            os.replace(tmp, self.root / CONTENT)
        except OSError:  # unknown: readers keep nothing across starts
            tmp.unlink(missing_ok=True)

    def content_keys(self) -> tuple[str, ...]:
        """The fingerprints of the data of generation 0 (:meth:`prepare`): the keys of two
        starts on the same data share one; empty when unknown. Readers may key what they derive from
        the store's data by them (the search index: server/search_index.py).

        >>> import tempfile
        >>> cps = Checkpoints(Path(tempfile.mkdtemp()) / "store")
        >>> _ = cps.prepare(); keys = cps.content_keys()
        >>> _ = cps.prepare(); bool(set(cps.content_keys()) & set(keys)), len(keys[0])
        (True, 64)
        >>> cps.write(lambda s: s.update("INSERT DATA { <http://e/s> <http://e/p> 1 }"))
        >>> _ = cps.prepare(); set(cps.content_keys()) & set(keys)
        set()
        """
        try:
            text = (self.root / CONTENT).read_text(encoding="utf-8")
        except OSError:
            return ()
        return tuple(line for line in text.split("\n") if line)

    def write(self, change: Callable[[ox.Store], T],
              touched: Iterable[str] | None = None,
              graphs: Iterable[str] | None = None) -> T:
        """Apply ``change`` to the live store, opened read-write, and publish a new checkpoint
        (also when the change failed: a failed pyoxigraph update changed nothing, and
        publishing keeps every reader's view in step with the store). The store is closed
        before the write lock is released, so ``change`` must not keep it.

        ``touched``: the terms the change touches, if known (:meth:`touched_between`);
        ``graphs``: the graphs it may change, if known (:meth:`graphs_between`)."""
        with self._locked():
            generation = self.current().generation + 1
            store = self._open_live()
            try:
                return change(store)
            except BaseException as e:
                # the traceback's frames would keep the store open past this write
                traceback.clear_frames(e.__traceback__)
                raise
            finally:
                with contextlib.suppress(OSError):
                    store.flush()
                try:
                    self._publish(store, generation, touched, graphs)
                except BaseException as e:
                    _release_frames(e)  # or the store stays open and locked (a full disk)
                    raise
                finally:
                    del store  # closes it: RocksDB allows one handle per process

    def write_external(self, change: Callable[[], T],
                       touched: Iterable[str] | None = None,
                       graphs: Iterable[str] | None = None) -> T:
        """Like :meth:`write`, for a change made by another process that opens the live store
        itself and has closed it when ``change`` returns (an update with a time limit,
        ``graph/update_worker.py``). The write lock is held around it; a checkpoint is
        published after it, also when it failed."""
        with self._locked():
            generation = self.current().generation + 1
            try:
                return change()
            finally:
                store = self._open_live()
                try:
                    with contextlib.suppress(OSError):
                        store.flush()
                    self._publish(store, generation, touched, graphs)
                except BaseException as e:
                    _release_frames(e)
                    raise
                finally:
                    del store

    def _open_live(self) -> ox.Store:
        try:
            return ox.Store(str(self.store_path))
        except OSError as e:
            raise DiplographError(
                "storage", f"cannot open the store at {self.store_path} for writing: {e}"
            ) from e

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / WRITE_LOCK, "a+b") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def _publish(self, store: ox.Store, generation: int,
                 touched: Iterable[str] | None = None,
                 graphs: Iterable[str] | None = None) -> Checkpoint:
        name = f"{generation:06d}-{uuid.uuid4().hex[:8]}"
        path = self.root / name
        try:
            store.backup(str(path))
        except OSError as e:
            raise DiplographError("storage", f"cannot checkpoint the store: {e}") from e
        # before CURRENT: whoever sees the generation finds them
        for folder_name, items in ((TOUCHED, touched), (GRAPHS, graphs)):
            if items is None:
                continue
            folder = self.root / folder_name
            tmp_list = folder / f".{generation}.{uuid.uuid4().hex[:8]}"
            try:
                folder.mkdir(exist_ok=True)
                tmp_list.write_text("\n".join(sorted(items)), encoding="utf-8")
                os.replace(tmp_list, folder / str(generation))
            except OSError:  # no list: readers take it that anything may have changed
                tmp_list.unlink(missing_ok=True)
        tmp = self.root / f".{CURRENT}.{uuid.uuid4().hex[:8]}"
        tmp.write_text(name + "\n")
        os.replace(tmp, self.root / CURRENT)
        self._sweep(keep=name)
        return Checkpoint(generation, str(path))

    def _sweep(self, keep: str) -> None:
        """Delete checkpoints superseded more than ``keep_seconds`` ago, and the lists of
        touched terms older than :data:`TOUCHED_KEEP` generations.

        A checkpoint's superseded time is the modification time of its successor's
        directory; the newest one (``keep``) always stays."""
        newest = int(keep.split("-", 1)[0])
        for folder in (self.root / TOUCHED, self.root / GRAPHS):
            if folder.is_dir():
                for f in folder.iterdir():
                    if f.name.isdigit() and int(f.name) <= newest - TOUCHED_KEEP:
                        f.unlink(missing_ok=True)
        names = sorted(p.name for p in self.root.iterdir()
                       if p.is_dir() and p.name[:6].isdigit())
        now = time.time()
        for older, newer in zip(names, names[1:], strict=False):
            if older == keep:
                continue
            try:
                superseded = (self.root / newer).stat().st_mtime
            except FileNotFoundError:
                continue
            if now - superseded > self.keep_seconds:
                shutil.rmtree(self.root / older, ignore_errors=True)

    # ------------------------------------------------------------ reading

    def current(self) -> Checkpoint:
        """The newest published checkpoint (one ``stat`` when nothing changed)."""
        try:
            st = os.stat(self._current_file)
        except FileNotFoundError:
            raise DiplographError(
                "storage", f"no checkpoint of the store is published under {self.root}: "
                "is the service started?") from None
        seen = (st.st_ino, st.st_mtime_ns, st.st_size)
        if seen != self._seen or self._current is None:
            name = (self.root / CURRENT).read_text().strip()
            self._current = Checkpoint(int(name.split("-", 1)[0]), str(self.root / name))
            self._seen = seen
        return self._current

    def touched_between(self, old: int, new: int) -> frozenset[str] | None:
        """The terms the writes after generation ``old`` up to ``new`` touched, or None when
        one of them did not say (or its list is gone): then anything may have changed.

        >>> import tempfile
        >>> cps = Checkpoints(Path(tempfile.mkdtemp()) / "store"); _ = cps.prepare()
        >>> cps.write(lambda s: None, touched=["http://e/a"])
        >>> cps.write(lambda s: None, touched=["http://e/b"])
        >>> sorted(cps.touched_between(0, 2))
        ['http://e/a', 'http://e/b']
        >>> cps.write(lambda s: None)
        >>> cps.touched_between(1, 3) is None, cps.touched_between(3, 3)
        (True, frozenset())
        """
        return self._lists_between(TOUCHED, old, new)

    def graphs_between(self, old: int, new: int) -> frozenset[str] | None:
        """The graphs the writes after generation ``old`` up to ``new`` may have changed (the
        default graph as :data:`DEFAULT_GRAPH`), or None when one of them did not say.

        >>> import tempfile
        >>> cps = Checkpoints(Path(tempfile.mkdtemp()) / "store"); _ = cps.prepare()
        >>> cps.write(lambda s: None, graphs=["http://e/g"])
        >>> cps.write(lambda s: None, touched=[], graphs=[DEFAULT_GRAPH])
        >>> sorted(cps.graphs_between(0, 2)), cps.touched_between(0, 2)
        (['DEFAULT', 'http://e/g'], None)
        >>> cps.write(lambda s: None)
        >>> cps.graphs_between(1, 3) is None, cps.graphs_between(3, 3)
        (True, frozenset())
        """
        return self._lists_between(GRAPHS, old, new)

    def _lists_between(self, folder: str, old: int, new: int) -> frozenset[str] | None:
        if new - old > TOUCHED_KEEP:
            return None
        items: set[str] = set()
        for generation in range(old + 1, new + 1):
            try:
                text = (self.root / folder / str(generation)).read_text(encoding="utf-8")
            except OSError:
                return None
            items.update(line for line in text.split("\n") if line)
        return frozenset(items)

    def remove_all(self) -> None:
        """Delete every checkpoint (when the service stops)."""
        shutil.rmtree(self.root, ignore_errors=True)


def _release_frames(e: BaseException) -> None:
    """Drop the local variables of the frames an exception (and its causes) keeps, so that
    no store handle outlives a failed write."""
    seen: set[int] = set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        traceback.clear_frames(e.__traceback__)
        e = e.__cause__ or e.__context__  # type: ignore[assignment]


def serving_lock_path(store_path: str | Path) -> Path:
    """The lock file a running service holds for the store at ``store_path``."""
    p = Path(store_path)
    return p.with_name(p.name + ".serving.lock")


def check_not_served(store_path: str | Path) -> None:
    """Raise unless no service holds the store at ``store_path`` (for command-line writes,
    which would bypass the service's checkpoints).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "store"
    >>> check_not_served(d)
    >>> cps = Checkpoints(d); cps.hold_serving()
    >>> check_not_served(d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: the store at ... is being served ...
    >>> cps.release_serving(); check_not_served(d)
    """
    lock = serving_lock_path(store_path)
    if not lock.exists():
        return
    with open(lock, "a+b") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DiplographError(
                "storage", f"the store at {store_path} is being served by diplograph serve: "
                "write through its /update or /store endpoints, or stop it first") from None
        fcntl.flock(f, fcntl.LOCK_UN)


def prepare_in_subprocess(store_path: str | Path, keep_seconds: float = 60.0) -> Checkpoint:
    """:meth:`Checkpoints.prepare` in a short-lived child process.

    For a parent that forks afterwards (the HTTP server): RocksDB's background threads do not
    survive ``fork``, so a process that opened a store read-write before forking leaves its
    children with a store engine whose flushes never finish."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "diplograph.graph.checkpoints", str(store_path),
         str(keep_seconds)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise DiplographError("storage", (proc.stderr.strip() or proc.stdout.strip()
                                          or f"exit status {proc.returncode}"))
    return Checkpoints(store_path, keep_seconds).current()


if __name__ == "__main__":
    import sys

    try:
        Checkpoints(sys.argv[1], float(sys.argv[2])).prepare()
    except DiplographError as e:
        print(e.message, file=sys.stderr)
        sys.exit(1)
