"""QuickStatements (v1) export of our dated facts, read from the Wikidata-shaped view.

One line per dated statement whose subject and object both have a verified QID::

    Q711|P463|Q1065|P580|+1961-00-00T00:00:00Z/9|S854|"https://diplograph.org/id/source/…"|S1683|en:"…"

Syntax (Wikidata ``Help:QuickStatements``, v1): item, property, value, then qualifier pairs
(``P580``, a time ``+YYYY-MM-DDT00:00:00Z/precision`` with unknown parts written ``00``), then
source pairs (``S854`` reference URL as a quoted string, ``S1683`` quote as monolingual text
``lang:"text"``). Columns are separated by ``|`` (``--separator tab`` gives the tab-separated
form of the QuickStatements text box). Statements are skipped, and counted, when:

* the subject or the object has no verified QID (agreements are our own items: no QID);
* the statement has a role qualifier with no Wikidata item (the observer role: writing the
  membership without the role would state something the source does not say);
* the statement has no date;
* the statement comes from a reference data set (no document to cite as its source).

Double quotes inside a quote become typographic quotes, and tabs, ``|`` and line breaks become
spaces, because QuickStatements v1 has no escape syntax.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..loaders.wikidata_view import WD, WIKIDATA_PREFIXES, quickstatements_time

STATEMENTS = """
SELECT ?s ?prop ?o ?st ?q ?t ?prec ?url ?quote WHERE {
  ?s ?p ?st . ?st a wikibase:Statement ; wikibase:rank ?rank .
  FILTER(STRSTARTS(STR(?p), "http://www.wikidata.org/prop/P"))
  BIND(STRAFTER(STR(?p), "http://www.wikidata.org/prop/") AS ?prop)
  ?st ?ps ?o . FILTER(STR(?ps) = CONCAT("http://www.wikidata.org/prop/statement/", ?prop))
  OPTIONAL {
    VALUES ?q { "P580" "P582" }
    ?st ?pqv ?v . FILTER(STR(?pqv) = CONCAT("http://www.wikidata.org/prop/qualifier/value/", ?q))
    ?v wikibase:timeValue ?t ; wikibase:timePrecision ?prec .
  }
  OPTIONAL { ?st prov:wasDerivedFrom ?ref . ?ref pr:P854 ?url ; pr:P1683 ?quote }
} ORDER BY ?s ?prop ?o ?st ?q
"""

ROLE_QUALIFIERS = "SELECT ?st ?role WHERE { ?st pq:P2868 ?role }"


@dataclass
class QuickStatementsExport:
    """The lines and what was left out."""

    lines: list[str] = field(default_factory=list)
    skipped_no_qid: int = 0
    skipped_role: int = 0
    skipped_undated: int = 0
    skipped_dataset: int = 0

    def text(self) -> str:
        """The file content (one command per line, final newline)."""
        return "".join(line + "\n" for line in self.lines)


def _qid(iri: str) -> str | None:
    return iri[len(WD) :] if iri.startswith(WD + "Q") else None


def _clean(text: str) -> str:
    """Make text safe inside a QuickStatements string.

    >>> _clean('a "b"|c\\nd')
    'a “b” c d'
    """
    out, opened = [], False
    for ch in text:
        if ch == '"':
            out.append("”" if opened else "“")
            opened = not opened
        elif ch in "|\t\r\n":
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def _precision_name(prec: int) -> str:
    return {11: "day", 10: "month", 9: "year", 8: "decade"}.get(prec, "year")


def quickstatements(
    view_quads: Iterable[ox.Quad], *, separator: str = "|"
) -> QuickStatementsExport:
    """QuickStatements lines from the quads of :func:`~.wikidata_view.wikidata_view_quads`."""
    store = ox.Store()
    store.extend(list(view_quads))
    kw = {"prefixes": WIKIDATA_PREFIXES, "use_default_graph_as_union": True}
    roles: dict[str, list[str]] = {}
    for r in store.query(ROLE_QUALIFIERS, **kw):
        roles.setdefault(r["st"].value, []).append(r["role"].value)
    grouped: dict[str, dict] = {}
    for r in store.query(STATEMENTS, **kw):
        st = r["st"].value
        g = grouped.setdefault(
            st,
            {
                "s": r["s"].value,
                "prop": r["prop"].value,
                "o": r["o"],
                "times": {},
                "url": None,
                "quote": None,
            },
        )
        if r["q"] is not None:
            g["times"][r["q"].value] = (r["t"].value, int(r["prec"].value))
        if r["url"] is not None:
            g["url"], g["quote"] = r["url"].value, r["quote"]
    out = QuickStatementsExport()
    for st in sorted(
        grouped, key=lambda k: (grouped[k]["s"], grouped[k]["prop"], str(grouped[k]["o"]), k)
    ):
        g = grouped[st]
        subj = _qid(g["s"])
        obj = _qid(g["o"].value) if isinstance(g["o"], ox.NamedNode) else None
        if g["prop"] in ("P31", "P1891", "P585"):
            out.skipped_no_qid += 1  # agreements are our own items
            continue
        if subj is None or obj is None:
            out.skipped_no_qid += 1
            continue
        if any(_qid(x) is None for x in roles.get(st, [])):
            out.skipped_role += 1
            continue
        if not g["times"]:
            out.skipped_undated += 1
            continue
        if g["url"] is None:
            out.skipped_dataset += 1  # from a reference data set: no document to cite
            continue
        cols = [subj, g["prop"], obj]
        for q, (t, prec) in sorted(g["times"].items()):
            cols += [q, quickstatements_time(t[:10].lstrip("+"), _precision_name(prec))]
        for x in roles.get(st, []):
            cols += ["P2868", _qid(x) or ""]
        if g["url"]:
            cols += ["S854", f'"{g["url"]}"']
        quote = g["quote"]
        if quote is not None:
            lang = quote.language or "en"
            cols += ["S1683", f'{lang}:"{_clean(quote.value)}"']
        out.lines.append(separator.join(cols))
    return out
