"""Every GROUP_CONCAT the server or a named query sends to a store writes its separator out.

Virtuoso refuses one without it ("Required argument DELIM … not supplied to
DB.DBA.GROUP_CONCAT_ACC", ``../shared/notes``' engine traps), although SPARQL 1.1 makes " " the
default: session 12's one-row-per-fact summary query (``server/linked_data.REFERENCE_PARTS``)
was sent without one, and France's page answered 502 on Virtuoso
(``tests/engines/test_serve_engine.py::test_pages_and_reconciliation``, which needs the engine;
this check reads the texts)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
#: the code that sends queries to a store (the core, the server, linking) and the named queries
SOURCES = [*ROOT.glob("server/*.py"), *ROOT.glob("graph/*.py"), *ROOT.glob("linking/*.py"),
           *ROOT.glob("loaders/*.py"), *ROOT.glob("queries/*.rq")]


def _calls(text: str) -> list[str]:
    """Each ``GROUP_CONCAT( … )`` with its balanced parentheses."""
    out = []
    for m in re.finditer(r"GROUP_CONCAT\s*\(", text):
        depth, i = 1, m.end()
        while depth and i < len(text):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        out.append(text[m.start():i])
    return out


def test_every_group_concat_names_its_separator() -> None:
    found = {p.relative_to(ROOT).as_posix(): _calls(p.read_text(encoding="utf-8"))
             for p in SOURCES}
    assert sum(map(len, found.values())) >= 8  # the named queries' and the pages' at least
    missing = [(name, call) for name, calls in found.items() for call in calls
               if not re.search(r";\s*separator\s*=", call, re.I)]
    assert not missing, missing
