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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..graph.namespaces import ID
from .normalise import folded_form

#: the capitals of every state in the graph, oldest first (union of graphs)
CAPITALS_QUERY = """
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?state ?name ?place WHERE {
  ?f a dg:CapitalSpell ; dg:state ?state ; dg:capital ?place .
  ?place rdfs:label ?name .
  OPTIONAL { ?f dg:startDate ?start }
} ORDER BY ?state ?start ?name
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
        return cls.from_rows(
            (s["state"].value, s["name"].value, s["place"].value)
            for s in store.query(CAPITALS_QUERY, use_default_graph_as_union=True)
        )

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
