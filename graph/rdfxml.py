"""RDF/XML input without document type declarations.

pyoxigraph's RDF/XML parser expands the internal entities of a ``<!DOCTYPE … [<!ENTITY …>]>``
declaration, wherever it stands in the document: nested entities turn a 572-byte payload into
a 30 MB literal ("billion laughs"). RDF/XML never needs a DTD, so a payload holding
``<!DOCTYPE`` or ``<!ENTITY`` (in any case) is refused before it is parsed, as most XML
services do. The text is refused even inside a comment or CDATA section: a rare false
alarm, with a clear message, is cheaper than parsing XML twice.

>>> refuse_doctype(b'<?xml version="1.0"?><!-- note --><rdf:RDF/>', "payload")
>>> refuse_doctype(b'<rdf:RDF><!doctype x [<!ENTITY a "x">]></rdf:RDF>', "f.rdf")
Traceback (most recent call last):
...
diplograph.graph.errors.DiplographError: f.rdf: refused: RDF/XML with a document type \
declaration (<!DOCTYPE, <!ENTITY): entities are not expanded here; remove the declaration
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import DiplographError

__all__ = ["refuse_doctype", "refuse_doctype_in_file"]

_DECLARATION = re.compile(rb"<!(?:doctype|entity)", re.IGNORECASE)
_CHUNK = 2**20


def _refused(source: str) -> DiplographError:
    return DiplographError(
        "bad-input",
        f"{source}: refused: RDF/XML with a document type declaration (<!DOCTYPE, <!ENTITY): "
        "entities are not expanded here; remove the declaration",
    )


def refuse_doctype(data: bytes, source: str) -> None:
    """Raise 'bad-input' if the RDF/XML ``data`` (from ``source``) declares a DTD."""
    if _DECLARATION.search(data):
        raise _refused(source)


def refuse_doctype_in_file(path: str | Path) -> None:
    """:func:`refuse_doctype` for a file, read in 1 MB chunks (flat memory)."""
    tail = b""
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            if _DECLARATION.search(tail + chunk):
                raise _refused(str(path))
            tail = chunk[-8:]
