"""States' capitals (COW capitals in the graph, ``dg:CapitalSpell``) for reconciliation scoring.

The Reconciliation API lets a client send a ``capital`` property with a name
(``{"pid": "capital", "v": "Bissau"}``); the service scores it against the capitals the graph
holds for each candidate, over the state's whole history (Bonn was West Germany's capital, Rio
de Janeiro Brazil's until 1960). A value agrees when it is one of the candidate's capitals (names
compared folded: ``Hà Nội`` = ``Hanoi``; or our place id ``place/hanoi``); it contradicts only
when it is the capital of another state in the graph (``Conakry`` for Guinea-Bissau); a name the
graph does not know (another spelling, ``Kyiv`` where COW writes ``Kiev``) is no evidence either
way.

>>> idx = CapitalIndex.from_rows([
...     ("https://diplograph.org/id/state/GIN", "Conakry", "https://diplograph.org/id/place/conakry"),
...     ("https://diplograph.org/id/state/GNB", "Bissau", "https://diplograph.org/id/place/bissau"),
... ])
>>> idx.agree("https://diplograph.org/id/state/GNB", ["Bissau"])
True
>>> idx.agree("https://diplograph.org/id/state/GNB", ["Conakry"])
False
>>> idx.agree("https://diplograph.org/id/state/GNB", ["Timbuktu"]) is None
True
>>> idx.agree("https://diplograph.org/id/state/GNB", ["place/bissau"])
True
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..graph.namespaces import GRAPH, ID
from .normalise import folded_form

#: every capital spell of the COW capitals (``loaders/capitals.py``): the state, the row's COW
#: code, the capital's name and place, oldest first. The one query of the capitals: both the
#: reconciliation's ``capital`` property (:class:`CapitalIndex`) and the matcher's capitals in
#: brackets (:class:`CowCapitals`) are read from its rows (:func:`capital_tables`).
CAPITALS_QUERY = f"""
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?state ?code ?name ?place ?start WHERE {{
  GRAPH <{GRAPH("dataset/cow-capitals")}> {{
    ?f a dg:CapitalSpell ; dg:state ?state ; dg:stateCode ?code ; dg:capital ?place .
    ?place rdfs:label ?name .
    OPTIONAL {{ ?f dg:startDate ?start }}
  }}
}} ORDER BY ?state ?start ?name
"""
#: the days of the COW system's membership spells, by code (``loaders/state_systems.py``)
COW_YEARS_QUERY = f"""
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?system ?code ?start ?end WHERE {{
  GRAPH <{GRAPH("dataset/state-systems")}> {{
    ?f a dg:SystemMembership ; org:organization ?system ; dg:systemCode ?code ;
       dg:startDate ?start .
    OPTIONAL {{ ?f dg:endDate ?end }}
  }}
}}
"""


@dataclass
class CapitalIndex:
    """State IRI -> its capitals (names, oldest first), and every capital name -> its states."""

    names: dict[str, list[str]] = field(default_factory=dict)
    _forms: dict[str, set[str]] = field(default_factory=dict)  # state -> folded names, ids
    _states_of: dict[str, set[str]] = field(default_factory=dict)  # folded name/id -> states

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> CapitalIndex:
        """From ``(state IRI, capital name, place IRI)`` rows, oldest first."""
        idx = cls()
        forms: dict[str, set[str]] = defaultdict(set)
        states_of: dict[str, set[str]] = defaultdict(set)
        for state, name, place in rows:
            got = idx.names.setdefault(state, [])
            if name not in got:
                got.append(name)
            keys = {folded_form(name)}
            if place.startswith(ID("")):
                keys.add(folded_form(place[len(ID("")) :]))
            for k in keys - {""}:
                forms[state].add(k)
                states_of[k].add(state)
        idx._forms, idx._states_of = dict(forms), dict(states_of)
        return idx

    @classmethod
    def from_store(cls, store: ox.Store) -> CapitalIndex:
        """Read the capitals from a store (empty when the ``cow-capitals`` data set is not
        built)."""
        return capital_tables(store)[0]

    def __len__(self) -> int:
        return len(self.names)

    def agree(self, state: str, values: Iterable[str]) -> bool | None:
        """True when a value is one of ``state``'s capitals; False when the values are
        capitals of other states only; None when the graph cannot tell."""
        mine = self._forms.get(state, set())
        if not mine:
            return None
        verdict: bool | None = None
        for v in values:
            f = folded_form(v)
            if f in mine:
                return True
            if self._states_of.get(f):
                verdict = False
        return verdict


@dataclass(frozen=True)
class CowCapitals:
    """Round 11: the COW states' capitals and years, read from the repository's data
    (``peace-science/cow_capitals.csv``, ``cow-igo-v3/cow_states2016.csv``: :meth:`load`) or
    from the graphs the build wrote from them (:meth:`from_store`), for names that give a
    state's capital in brackets ("Yemen (Aden)", "Congo (Brazzaville)").

    >>> caps = CowCapitals.load()
    >>> sorted(caps.codes("Aden")), sorted(caps.codes("Sanaa"))
    ([680], [678, 679])
    >>> caps.years[680]
    (1967, 1990)
    """

    #: folded capital name -> COW codes of the states it was the capital of
    by_capital: dict[str, frozenset[int]]
    #: COW code -> folded capital names
    capitals_of: dict[int, frozenset[str]]
    #: COW code -> (first year, last year) in the state system
    years: dict[int, tuple[int, int]]
    #: round 21: COW code -> the folded name of its last capital (the table's last spell
    #: of the code: Paris for France, not Vichy; Naypyidaw for Myanmar)
    latest: dict[int, str] = field(default_factory=dict)
    #: round 40: (COW code, folded capital name) -> (first year, last year) of each capital
    #: spell but the code's last (Lagos for Nigeria 1960-1991, Vichy for France 1940-1942;
    #: the last year is the next spell's first, the year the seat moved)
    former: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> CowCapitals:
        """From the package's data folder (empty when the files are absent)."""
        from ..loaders.registry import default_data_dir

        folder = data_dir or default_data_dir()
        by_capital: dict[str, set[int]] = defaultdict(set)
        capitals_of: dict[int, set[str]] = defaultdict(set)
        years: dict[int, tuple[int, int]] = {}
        latest: dict[int, tuple[str, str]] = {}
        starts: list[tuple[int, str, str]] = []
        caps = folder / "peace-science" / "cow_capitals.csv"
        if caps.is_file():
            with caps.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    code, name = int(row["ccode"]), folded_form(row["capital"])
                    by_capital[name].add(code)
                    capitals_of[code].add(name)
                    starts.append((code, name, row["stdate"]))
                    if code not in latest or row["stdate"] >= latest[code][0]:
                        latest[code] = (row["stdate"], name)
        states = folder / "cow-igo-v3" / "cow_states2016.csv"
        if states.is_file():
            with states.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    code = int(row["ccode"])
                    first, last = int(row["styear"]), int(row["endyear"])
                    old = years.get(code)
                    years[code] = (min(first, old[0]), max(last, old[1])) if old else (first, last)
        return cls({k: frozenset(v) for k, v in by_capital.items()},
                   {k: frozenset(v) for k, v in capitals_of.items()}, years,
                   {k: v[1] for k, v in latest.items()}, _former_spells(starts))

    @classmethod
    def from_store(cls, store: ox.Store) -> CowCapitals:
        """From the graphs the build wrote from the same files: the capital spells of
        ``dgg:dataset/cow-capitals`` (their row's code, ``dg:stateCode``) and the COW spells of
        ``dgg:dataset/state-systems`` (first and last year of each code). Empty parts when
        those data sets are not built."""
        return capital_tables(store)[1]

    @classmethod
    def from_spells(cls, spells: Iterable[tuple[int, str, str]],
                    store: ox.Store) -> CowCapitals:
        """From ``(COW code, capital name, first day)`` of each capital spell, and the COW
        spells' years read from ``store``."""
        from ..loaders.state_systems import SYSTEMS, system_iri

        by_capital: dict[str, set[int]] = defaultdict(set)
        capitals_of: dict[int, set[str]] = defaultdict(set)
        years: dict[int, tuple[int, int]] = {}
        latest: dict[int, tuple[str, str]] = {}
        starts: list[tuple[int, str, str]] = []
        for code, text, start in spells:
            name = folded_form(text)
            starts.append((code, name, start))
            by_capital[name].add(code)
            capitals_of[code].add(name)
            if code not in latest or start >= latest[code][0]:
                latest[code] = (start, name)
        last = SYSTEMS["cow"][2].year
        for b in store.query(COW_YEARS_QUERY, substitutions={
                ox.Variable("system"): ox.NamedNode(system_iri("cow"))}):
            code = int(b["code"].value)
            first = int(b["start"].value[:4])
            end = int(b["end"].value[:4]) if b["end"] is not None else last
            old = years.get(code)
            years[code] = (min(first, old[0]), max(end, old[1])) if old else (first, end)
        return cls({k: frozenset(v) for k, v in by_capital.items()},
                   {k: frozenset(v) for k, v in capitals_of.items()}, years,
                   {k: v[1] for k, v in latest.items()}, _former_spells(starts))

    def codes(self, name: str) -> frozenset[int]:
        """The COW codes of the states ``name`` was the capital of."""
        return self.by_capital.get(folded_form(name), frozenset())


def _former_spells(starts: Iterable[tuple[int, str, str]]
                   ) -> dict[tuple[int, str], tuple[int, int]]:
    """Round 40: the years of each capital spell of a code but its last, from ``(code,
    folded name, first day)``: from its first year to the next spell's first year.

    >>> _former_spells([(475, "lagos", "1960-01-01"), (475, "abuja", "1991-12-12")])
    {(475, 'lagos'): (1960, 1991)}
    """
    by_code: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for code, name, start in starts:
        if start[:4].isdigit():
            by_code[code].append((start, name))
    out: dict[tuple[int, str], tuple[int, int]] = {}
    for code, rows in by_code.items():
        rows.sort()
        for (start, name), (nxt, _) in zip(rows, rows[1:], strict=False):
            if name != rows[-1][1]:
                old = out.get((code, name))
                first, last = int(start[:4]), int(nxt[:4])
                out[(code, name)] = (min(first, old[0]), max(last, old[1])) if old else (
                    first, last)
    return out


def capital_tables(store: ox.Store) -> tuple[CapitalIndex, CowCapitals]:
    """Both capitals tables from one reading of :data:`CAPITALS_QUERY` (empty when the
    ``cow-capitals`` data set is not built)."""
    rows = [(b["state"].value, int(b["code"].value), b["name"].value, b["place"].value,
             b["start"].value if b["start"] is not None else "")
            for b in store.query(CAPITALS_QUERY)]
    return (CapitalIndex.from_rows((state, name, place) for state, _, name, place, _ in rows),
            CowCapitals.from_spells(((code, name, start) for _, code, name, _, start in rows),
                                    store))
