"""Reviewing candidates in a facts file: accept, reject, edit, add — without losing a curator's
hand edits.

Changes are made to the YAML *text*, fact by fact: setting a status rewrites one ``review:``
line, editing a fact rewrites that fact's block only, adding a fact appends a block. Facts are
found by ``id`` in the file as it is on disk at the moment of saving, so edits made by hand in
the meantime (comments, other facts, the document block) are kept. A save is checked with the
facts loader on a temporary copy first and then replaces the file atomically: a change that
would make the file invalid writes nothing.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..graph.errors import DiplographError
from ..loaders.yaml_lines import load_with_lines
from .output import dump

STATUSES = ("candidate", "accepted", "rejected")


@dataclass
class FactsText:
    """A facts file as text, with its parsed data and the line of every value."""

    path: Path
    text: str
    data: dict[str, Any]
    lines: dict[tuple, int]

    @classmethod
    def read(cls, path: str | Path) -> FactsText:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DiplographError("bad-input", f"{path}: cannot read: {e}") from e
        data, lines = load_with_lines(text, str(path))
        if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
            raise DiplographError("bad-input", f"{path}: not a facts file (no 'facts' list)")
        return cls(path, text, data, lines)

    @property
    def facts(self) -> list[dict[str, Any]]:
        return self.data["facts"]

    def index_of(self, fact_id: str) -> int:
        for i, f in enumerate(self.facts):
            if isinstance(f, dict) and f.get("id") == fact_id:
                return i
        raise DiplographError("not-found", f"{self.path}: no fact with id {fact_id!r}")

    def block(self, i: int) -> tuple[int, int]:
        """0-based line range [a, b) of fact ``i``'s block (its "- " line to the next fact)."""
        lines = self.text.split("\n")
        a = self.lines[("facts", i)] - 1
        while a > 0 and not lines[a].lstrip().startswith("- "):
            a -= 1
        if i + 1 < len(self.facts):
            b = self.lines[("facts", i + 1)] - 1
            while b > a and not lines[b].lstrip().startswith("- "):
                b -= 1
        else:
            b = len(lines)
        while b - 1 > a and (not lines[b - 1].strip()):
            b -= 1
        return a, b

    def document_text(self) -> str:
        doc = self.data.get("document") or {}
        p = self.path.parent / str(doc.get("file") or "")
        try:
            return p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DiplographError("bad-input", f"{self.path}: cannot read the document {p}: {e}") \
                from e


def set_status(ft: FactsText, fact_id: str, status: str) -> str:
    """The file's text with fact ``fact_id``'s ``review:`` set to ``status``."""
    if status not in STATUSES:
        raise DiplographError("bad-input", f"unknown review status {status!r}")
    i = ft.index_of(fact_id)
    lines = ft.text.split("\n")
    key = ("facts", i, "review")
    if key in ft.lines:
        n = ft.lines[key] - 1
        lines[n] = re.sub(r"(review:\s*)[\w-]+", rf"\g<1>{status}", lines[n], count=1)
        return "\n".join(lines)
    # a fact written by hand has no review key: add one after its id
    n = ft.lines[("facts", i, "id")] - 1
    indent = re.match(r"\s*(?:-\s+)?", lines[n]).group()
    indent = " " * len(indent)
    if "{" in lines[n]:
        raise DiplographError(
            "bad-input", f"{ft.path}: fact {fact_id!r} is a one-line map; edit it by hand")
    lines.insert(n + 1, f"{indent}review: {status}")
    return "\n".join(lines)


def _block_text(fact: dict[str, Any], indent: str) -> list[str]:
    body = dump({"facts": [fact]}).split("\n", 1)[1].rstrip("\n").split("\n")
    return [indent + line for line in body if line.strip()]


def _in_order_of(new: Any, old: Any) -> Any:
    """``new`` with its keys in the order ``old`` (the fact as written) has them, nested maps
    too, new keys after: a curator's file keeps its layout when a fact is edited."""
    if not isinstance(new, dict):
        if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
            return [_in_order_of(x, y) for x, y in zip(new, old, strict=True)]
        return new
    old = old if isinstance(old, dict) else {}
    keys = [k for k in old if k in new] + [k for k in new if k not in old]
    return {k: _in_order_of(new[k], old.get(k)) for k in keys}


def replace_fact(ft: FactsText, fact_id: str, fact: dict[str, Any]) -> str:
    """The file's text with fact ``fact_id``'s block replaced by ``fact``: in the key order of
    the fact as written (``id``, ``type``, ``quote`` first), without the ``offsets`` the page
    computed for a fact that had none, and without ``review: accepted`` for a fact that had no
    ``review`` (absent means accepted)."""
    i = ft.index_of(fact_id)
    old = ft.facts[i] if isinstance(ft.facts[i], dict) else {}
    fact = dict(fact)
    if "offsets" not in old:
        fact.pop("offsets", None)
    if "review" not in old and fact.get("review") == "accepted":
        fact.pop("review")
    head = {k: fact[k] for k in ("id", "type", "quote") if k in fact}
    fact = _in_order_of({**head, **fact}, {**{k: None for k in head}, **old})
    a, b = ft.block(i)
    lines = ft.text.split("\n")
    indent = re.match(r"\s*", lines[a]).group()
    return "\n".join(lines[:a] + _block_text(fact, indent) + lines[b:])


def append_fact(ft: FactsText, fact: dict[str, Any]) -> str:
    """The file's text with ``fact`` added after the last fact."""
    if any(isinstance(f, dict) and f.get("id") == fact.get("id") for f in ft.facts):
        raise DiplographError("bad-input", f"a fact with id {fact.get('id')!r} exists already")
    lines = ft.text.split("\n")
    if ft.facts:
        a, b = ft.block(len(ft.facts) - 1)
        indent = re.match(r"\s*", lines[a]).group()
    else:
        b, indent = len(lines), ""
    return "\n".join(lines[:b] + [""] + _block_text(fact, indent) + lines[b:])


def new_id(ft: FactsText, ftype: str) -> str:
    ids = {f.get("id") for f in ft.facts if isinstance(f, dict)}
    n = 1
    while f"{ftype}-added-{n}" in ids:
        n += 1
    return f"{ftype}-added-{n}"


def check_and_write(path: Path, text: str, *, shapes: bool = True,
                    resolve: Callable[[str], Any] | None = None) -> Any:
    """Check ``text`` with the facts loader (on a temporary file beside ``path``; with the
    SHACL shapes too unless ``shapes`` is false; names resolved with ``resolve``, default the
    registry of the package's ``data/``), then replace ``path`` atomically. Returns the parsed
    document. Raises and writes nothing when invalid."""
    import datetime as dt

    from ..loaders.facts import check_shapes, document_quads, parse_facts_file

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            doc = parse_facts_file(tmp, resolve)
            if shapes and doc.facts:
                check_shapes(doc, document_quads(doc, loaded_at=dt.datetime.now(dt.UTC)))
        except DiplographError as e:
            details = [d.replace(tmp, str(path)) for d in e.details]
            raise DiplographError("bad-input", e.message.replace(tmp, str(path)), details) \
                from None
        os.replace(tmp, path)
        tmp = ""
        doc.path = path
        return doc
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def apply_operations(path: Path, operations: list[dict[str, Any]],
                     resolve: Callable[[str], Any] | None = None) -> Any:
    """Apply a curator's operations to the facts file at ``path`` as it is now, check the result
    and write it (or nothing). Operations: ``{"op": "status", "id", "status"}``,
    ``{"op": "replace", "id", "fact"}``, ``{"op": "add", "fact"}`` (an id is made when the fact
    has none). Returns the parsed document (the accepted facts). ``resolve``: as for
    :func:`check_and_write` (a server passes its store's registry)."""
    if not isinstance(operations, list) or not operations:
        raise DiplographError("bad-input", "no operations: send a non-empty list")
    ft = FactsText.read(path)
    text = ft.text
    for n, op in enumerate(operations):
        if not isinstance(op, dict) or op.get("op") not in ("status", "replace", "add"):
            raise DiplographError("bad-input",
                                  f"operation {n}: 'op' must be status, replace or add")
        if op["op"] == "status":
            text = set_status(ft, str(op.get("id")), str(op.get("status")))
        else:
            fact = op.get("fact")
            if not isinstance(fact, dict) or not fact.get("type"):
                raise DiplographError("bad-input", f"operation {n}: 'fact' must be a map with "
                                      "a 'type'")
            if op["op"] == "replace":
                fact = {**fact, "id": str(op.get("id"))}
                text = replace_fact(ft, str(op.get("id")), fact)
            else:
                if not fact.get("id"):
                    fact = {"id": new_id(ft, str(fact["type"])), **fact}
                text = append_fact(ft, fact)
        data, lines = load_with_lines(text, str(path))
        ft = FactsText(path, text, data, lines)
    return check_and_write(path, text, resolve=resolve)


def load_document(store: Any, doc: Any) -> int:
    """Replace the document's named graph in ``store`` by its accepted facts (SHACL-checked);
    the number of triples written."""
    import datetime as dt

    from ..loaders.facts import check_shapes, document_quads, replace_graph

    quads = document_quads(doc, loaded_at=dt.datetime.now(dt.UTC).replace(microsecond=0))
    check_shapes(doc, quads)
    return replace_graph(store, doc.graph, quads)
