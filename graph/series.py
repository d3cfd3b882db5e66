"""Series and counterparts of a state read from the reference data sets: alliances in force
by year (ATOP spells), militarized disputes and wars under way by year (MID, COW), the
alliance partners of a year and the opponents in disputes and wars.

The queries are static text; the state is the substituted variable ``?s`` (an N-Triples term).
Each function takes ``select(query, {"s": term})``, which returns rows of terms with a
``.value`` (pyoxigraph's or the server's query service), so the same counting serves the
server's pictures and a script over a store (:func:`store_select`).

>>> rows = [{"start": _Lit("1949-01-01"), "end": _Lit("1951-12-31"), "f": _Lit("a")},
...         {"start": _Lit("1950-01-01"), "end": _Lit("1950-12-31"), "f": _Lit("b")}]
>>> by_year(rows)
[(1949, 1), (1950, 2), (1951, 1)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

__all__ = ["ALLIANCE_SPELLS", "CONFLICTS", "OPPONENTS", "Partner", "Select",
           "alliance_partners", "alliances_by_year", "by_year", "conflicts_by_year",
           "opponents", "store_select"]

#: ``select(query, substitutions)``: rows of ``{variable: term}``, each term with ``.value``
Select = Callable[[str, Mapping[str, str]], Iterable[Mapping[str, Any]]]

_P = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

#: ATOP alliance spells of ?s: one row per spell, partner and obligation (first and last year)
ALLIANCE_SPELLS = _P + """SELECT ?s ?f ?other ?start ?end ?o ?obligation WHERE {
  ?f dg:party ?s ; a dg:AllianceObligation ; dg:party ?other ; dg:startDateEarliest ?start .
  FILTER(?other != ?s)
  OPTIONAL { ?f dg:endDateLatest ?end }
  OPTIONAL { ?f dg:obligation ?o OPTIONAL { ?o skos:prefLabel ?obligation
                                           FILTER(LANGMATCHES(LANG(?obligation), "en")) } }
}"""

#: the disputes (MID) and wars (COW) ?s took part in: one row each, with its span and class
CONFLICTS = _P + """SELECT ?s ?f ?cls ?start ?end WHERE {
  VALUES ?cls { dg:MilitarizedDispute dg:War }
  ?f dg:involves ?s ; a ?cls ; dg:startDateEarliest ?start .
  OPTIONAL { ?f dg:endDateLatest ?end }
}"""

#: the states on the other side of ?s in a dispute or a war (its participation episodes' sides)
OPPONENTS = _P + """SELECT ?s ?f ?cls ?other WHERE {
  VALUES ?cls { dg:MilitarizedDispute dg:War }
  ?f dg:involves ?s ; a ?cls ; dg:participantEpisode ?mine, ?theirs .
  ?mine dg:participant ?s ; dg:side ?side .
  ?theirs dg:participant ?other ; dg:side ?otherSide .
  FILTER(?side != ?otherSide && ?other != ?s)
}"""

_DISPUTE = "https://diplograph.org/ontology#MilitarizedDispute"
_WAR = "https://diplograph.org/ontology#War"


class _Lit:
    """A term with a value (for the doctests)."""

    def __init__(self, value: str) -> None:
        self.value = value


def store_select(store: ox.Store) -> Select:
    """A :data:`Select` over a pyoxigraph store (every graph)."""
    def select(query: str, substitutions: Mapping[str, str]) -> Iterable[Mapping[str, Any]]:
        bound: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): _parse_term(v) for k, v in substitutions.items()}
        res = store.query(query, use_default_graph_as_union=True, substitutions=bound)
        assert isinstance(res, ox.QuerySolutions)
        return [{v.value: s[v] for v in res.variables if s[v] is not None} for s in res]
    return select


def _parse_term(term: str) -> ox.NamedNode:
    return ox.NamedNode(term[1:-1] if term.startswith("<") else term)


def _year(term: Any) -> int | None:
    try:
        return int(str(term.value)[:4]) if term is not None else None
    except ValueError:
        return None


def by_year(rows: Iterable[Mapping[str, Any]], key: str = "f") -> list[tuple[int, int]]:
    """How many distinct ``key`` (facts) are under way each year, from the first start to the
    last end (a fact without an end counts in its start year only)."""
    spans: dict[str, tuple[int, int]] = {}
    for r in rows:
        start = _year(r.get("start"))
        if start is None:
            continue
        end = _year(r.get("end")) or start
        k = str(r[key].value)
        old = spans.get(k)
        spans[k] = (min(start, old[0]), max(end, old[1])) if old else (start, end)
    if not spans:
        return []
    first = min(s for s, _ in spans.values())
    last = max(e for _, e in spans.values())
    counts = [0] * (last - first + 1)
    for s, e in spans.values():
        for y in range(s, e + 1):
            counts[y - first] += 1
    return [(first + i, n) for i, n in enumerate(counts)]


def alliances_by_year(select: Select, state: str) -> list[tuple[int, int]]:
    """``[(year, alliance spells in force)]`` of ``state`` (an N-Triples term); a spell binds one
    pair of states, so this is the number of allies that year."""
    return by_year(select(ALLIANCE_SPELLS, {"s": state}))


def conflicts_by_year(select: Select, state: str) -> dict[str, list[tuple[int, int]]]:
    """``{"disputes": [(year, n)], "wars": [(year, n)]}``: militarized disputes and wars of
    ``state`` under way each year, both over the same years (zeros where none)."""
    rows = list(select(CONFLICTS, {"s": state}))
    parts = {"disputes": by_year(r for r in rows if r["cls"].value == _DISPUTE),
             "wars": by_year(r for r in rows if r["cls"].value == _WAR)}
    years = [y for series in parts.values() for y, _ in series]
    if not years:
        return {"disputes": [], "wars": []}
    first, last = min(years), max(years)
    out = {}
    for name, series in parts.items():
        got = dict(series)
        out[name] = [(y, got.get(y, 0)) for y in range(first, last + 1)]
    return out


@dataclass
class Partner:
    """A counterpart of a state: the facts with it and what they say."""

    iri: str
    facts: set[str] = field(default_factory=set)
    what: set[str] = field(default_factory=set)  # obligations, or "dispute"/"war"
    disputes: int = 0
    wars: int = 0


def alliance_partners(select: Select, state: str, year: int | None = None,
                      ) -> tuple[int | None, dict[str, Partner]]:
    """The allies of ``state`` in ``year`` (default: the last year of its spells) with their
    obligations: ``(year, {partner IRI: Partner})``."""
    rows = list(select(ALLIANCE_SPELLS, {"s": state}))
    spans = [(_year(r.get("start")), _year(r.get("end")) or _year(r.get("start"))) for r in rows]
    if year is None:
        year = max((e for _, e in spans if e is not None), default=None)
    out: dict[str, Partner] = {}
    for r, (s, e) in zip(rows, spans, strict=True):
        if year is None or s is None or e is None or not s <= year <= e:
            continue
        p = out.setdefault(str(r["other"].value), Partner(str(r["other"].value)))
        p.facts.add(str(r["f"].value))
        if r.get("obligation") is not None:
            p.what.add(str(r["obligation"].value))
        elif r.get("o") is not None:  # a concept without an English label: its IRI's end
            p.what.add(str(r["o"].value).rstrip("/").rsplit("/", 1)[-1])
    return year, out


def opponents(select: Select, state: str) -> dict[str, Partner]:
    """The states on the other side of ``state`` in its disputes and wars, with how many of
    each: ``{opponent IRI: Partner}``."""
    seen: dict[str, dict[str, str]] = defaultdict(dict)
    for r in select(OPPONENTS, {"s": state}):
        seen[str(r["other"].value)][str(r["f"].value)] = str(r["cls"].value)
    out = {}
    for other, facts in seen.items():
        p = Partner(other, set(facts))
        p.disputes = sum(1 for c in facts.values() if c == _DISPUTE)
        p.wars = sum(1 for c in facts.values() if c == _WAR)
        out[other] = p
    return out
