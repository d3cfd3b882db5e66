"""The fingerprint of a store's data, read from its files (no store is opened): equal for the
same data, different after any write. What readers key the things they derive from the data
by across openings (the search index: server/search_index.py).
"""

from __future__ import annotations

import hashlib
import os

__all__ = ["FINGERPRINT_TAIL", "content_fingerprint"]

#: how much of the end of each table file :func:`content_fingerprint` reads: RocksDB writes a
#: table's properties there (among them the identity of the database and of the session that
#: wrote it, its file number, its sequence numbers and entry counts), then its meta-index and
#: its footer (with the checksum of its index)
FINGERPRINT_TAIL = 8192


def content_fingerprint(path: str | os.PathLike[str]) -> str | None:
    """A fingerprint of the data in the closed store or checkpoint (``Store.backup``) at
    ``path``, or None when it cannot be told from the files.

    RocksDB keeps a store's data in immutable table files (``*.sst``) and, until it flushes
    them, in its write-ahead logs (``*.log``). The fingerprint is made of every table file's
    name, size and last :data:`FINGERPRINT_TAIL` bytes (its properties, which name the
    database and the session that wrote it, and its footer): two directories with the same
    fingerprint hold the same tables, so the same data. It is None when a write-ahead log is
    not empty (data outside the tables). ``Store.backup`` flushes before it links the files,
    so a checkpoint's logs are empty. The other files (``MANIFEST``, ``OPTIONS``, the logs'
    names) change at every opening and are left out. A compaction rewrites the tables (same
    data, another fingerprint): never a false match, at worst a miss.

    >>> import tempfile, pyoxigraph as ox
    >>> from pathlib import Path
    >>> d = Path(tempfile.mkdtemp())
    >>> s = ox.Store(str(d / "a")); s.update("INSERT DATA { <http://e/s> <http://e/p> 1 }")
    >>> s.backup(str(d / "cp1")); s.backup(str(d / "cp2"))
    >>> s.update("INSERT DATA { <http://e/s> <http://e/p> 2 }"); s.backup(str(d / "cp3"))
    >>> fp = [content_fingerprint(d / f"cp{i}") for i in (1, 2, 3)]
    >>> fp[0] == fp[1], fp[1] == fp[2], len(fp[0])
    (True, False, 64)
    """
    digest = hashlib.sha256(b"diplograph store content 1\n")
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
        for e in entries:
            stem, _, ext = e.name.partition(".")
            if not stem.isdigit() or ext not in ("sst", "blob", "log"):
                continue
            size = e.stat().st_size
            if ext == "log":
                if size:
                    return None
                continue
            with open(e.path, "rb") as f:
                f.seek(max(size - FINGERPRINT_TAIL, 0))
                tail = f.read(FINGERPRINT_TAIL)
            digest.update(f"{e.name} {size} ".encode())
            digest.update(hashlib.sha256(tail).digest())
    except OSError:
        return None
    return digest.hexdigest()
