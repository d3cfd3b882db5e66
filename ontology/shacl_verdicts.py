"""Remembered SHACL verdicts: triples that conformed once are not checked again until they,
the shapes, the ontology or the checking code change.

pySHACL costs about a third of a second to import and parse the shapes, and a fifth of a
second per facts file; a full ``diplograph build`` checks every facts file, though most did
not change since the last build (in this store or another). Only *conforming* verdicts are
remembered: a file that breaks a shape is checked by pySHACL every time, so its refusal always
names file, line and field.

The verdict's key is the SHA-256 of the triples checked (their N-Triples lines, sorted), of the
shapes, ontology and concept files and of ``ontology/shacl.py``, and of the Python, pySHACL and
rdflib versions. ``volatile`` predicates (the time of a load, ``prov:endedAtTime``) enter the
key without their values: no shape reads them (``tests/ontology/test_shacl_verdicts.py``
checks that the shapes never name them), so their value cannot change the verdict.

A verdict is an empty file ``$XDG_CACHE_HOME/diplograph/shacl/{key}`` (as the registry's
cache, ``loaders/registry.py``); ``DIPLOGRAPH_NO_CACHE=1`` turns it off.

>>> import pyoxigraph as ox
>>> t = ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("1"))
>>> verdict_key([t]) == verdict_key([t])
True
>>> verdict_key([t]) == verdict_key([ox.Triple(t.subject, t.predicate, ox.Literal("2"))])
False
>>> verdict_key([t], volatile=frozenset({"http://e/p"})) == verdict_key(
...     [ox.Triple(t.subject, t.predicate, ox.Literal("2"))], volatile=frozenset({"http://e/p"}))
True
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from ..graph.store import user_cache_folder
from . import CONCEPTS_FILE, ONTOLOGY_DIR, ONTOLOGY_FILE, SHAPES_FILE

#: bumped when the meaning of a verdict changes
_FORMAT = "diplograph-shacl-verdict/1"


@cache
def _checker_digest() -> bytes:
    """The SHA-256 of what decides a verdict besides the data: the shapes, the ontology and
    the concepts (the check adds their class hierarchy and schemes), the checking code, and
    the versions of Python, pySHACL and rdflib."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(_FORMAT.encode())
    h.update(sys.version.encode())
    for dist in ("pyshacl", "rdflib"):
        try:
            h.update(f"\0{dist} {version(dist)}".encode())
        except PackageNotFoundError:
            h.update(f"\0{dist} ?".encode())
    for path in (SHAPES_FILE, ONTOLOGY_FILE, CONCEPTS_FILE, ONTOLOGY_DIR / "shacl.py"):
        h.update(b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.digest()


def verdict_key(triples: Iterable[ox.Triple], volatile: frozenset[str] = frozenset()) -> str:
    """The key of the verdict on ``triples`` (see the module docstring); the objects of the
    ``volatile`` predicates (IRIs) are left out."""
    lines = []
    for t in triples:
        if t.predicate.value in volatile:
            lines.append(f"{t.subject} {t.predicate} ?")
        else:
            lines.append(str(t))
    h = hashlib.sha256(_checker_digest())
    h.update("\n".join(sorted(lines)).encode("utf-8"))
    return h.hexdigest()


def _folder() -> Path | None:
    return user_cache_folder("shacl")


def known_to_conform(key: str) -> bool:
    """Whether triples of this key were checked and conformed before."""
    folder = _folder()
    return folder is not None and (folder / key).is_file()


def remember_conforms(key: str) -> None:
    """Record that the triples of this key conform (nothing if the cache is off or cannot be
    written: the next check runs pySHACL again)."""
    folder = _folder()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        (folder / key).touch()


__all__ = ["known_to_conform", "remember_conforms", "verdict_key"]
