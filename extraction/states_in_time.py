"""Round 22: a state named by today's name for a date its predecessor's record covers.

"Serbia broke off relations with the United States in March 1999": in 1999 the state was the
Federal Republic of Yugoslavia (the registry's `SCG`, 1992–2006), and in 1961 Yugoslavia
(`YUG`); "Russia" in 1960 is the Soviet Union. The corpus names the entity that existed at the
fact's date, and so does the graph (a fact of 1999 about `SRB` would be a fact about a state
the registry says did not exist then).

The family of a state is what the registry's succession links (``succeeded_by``) join to it,
forwards and backwards, read by the linking matcher's own round-17 functions, in
``linking/succession.py`` since round 22
(:func:`~diplograph.linking.succession.succession_links`,
:func:`~diplograph.linking.succession.linked_by_succession`; the spans by its
:func:`~diplograph.linking.succession.span_of`),
so that extraction does not load the matcher (about 0.2 s at start). A state of a fact is
replaced only when

- it is a state of today (kind ``state``) with a family in the registry, or a historical
  state named for a year outside its own span ("Cộng hòa Liên bang Nam Tư", read as
  Yugoslavia, 1918–1992, for November 2000: the FR Yugoslavia, `SCG`);
- the fact has a date (``date``, ``start``, ``signed``, ``period``; an ``end`` alone for an
  ending membership);
- exactly one member of the family held that year *inside* its span (a boundary year, when
  the predecessor ended and its successor began, is held by both: "Serbia" in 2006 is not
  read as Serbia and Montenegro).

Otherwise the name is kept. When the date falls inside the family's history but no single
member holds it (two states at once: "Germany" in 1970, "Vietnam" in 1960, "Yemen" in 1980;
a boundary year; a year before every recorded span), the confidence is lowered and the
candidate flagged ``state-at-date-unsure``: a curator decides. Undated facts are left alone
(nothing says which period they speak of). A state named by its historical name
("Yugoslavia", "Liên Xô") is resolved as before and never touched here.
"""

from __future__ import annotations

import re
from typing import Any

from ..graph.errors import DiplographError
from ..graph.registry import Entity, Registry
from .context import Candidate

#: the keys of a candidate that name one state or body
_ONE = ("member", "place", "reporter", "partner", "investor", "recipient", "visitor", "host")
#: the keys that hold a list of names
_MANY = ("parties", "subjects")
#: how much lower an unsure reading's confidence goes
UNSURE = 0.15
_YEAR = re.compile(r"^(\d{4})")


class _Family:
    """The registry's succession families, with the spans of their members (built once per
    registry)."""

    def __init__(self, registry: Registry) -> None:
        from ..linking.succession import linked_by_succession, span_of, succession_links

        self.registry = registry
        self.links = succession_links(registry)
        self._linked = linked_by_succession
        self.span_of = span_of
        self.cache: dict[str, list[tuple[Entity, int, int]]] = {}
        self.names: dict[str, Entity | None] = {}

    def of(self, x: Entity) -> list[tuple[Entity, int, int]]:
        """The historical states of ``x``'s succession family, with their spans."""
        if x.key not in self.cache:
            out = []
            for e in self._linked(x, [], self.links):
                span = self.span_of(e) if e.kind == "historical-state" else None
                if span is not None:
                    out.append((e, span[0], span[1]))
            self.cache[x.key] = out
        return self.cache[x.key]

    def entity(self, name: str) -> Entity | None:
        if name not in self.names:
            try:
                self.names[name] = self.registry.resolve(name)
            except DiplographError:
                self.names[name] = None
        return self.names[name]


_FAMILIES: dict[int, tuple[Registry, _Family]] = {}


def _family(registry: Registry) -> _Family:
    held = _FAMILIES.get(id(registry))
    if held is None or held[0] is not registry:
        held = (registry, _Family(registry))
        _FAMILIES[id(registry)] = held
    return held[1]


def fact_year(c: Candidate) -> int | None:
    """The year a candidate's fact happened: its date, start, signing or period; an end
    alone (a membership that ended) is its year. None when undated."""
    for k in ("date", "start", "signed", "period", "end"):
        v = c.data.get(k)
        if isinstance(v, dict):
            v = v.get("start") or v.get("date") or v.get("end")
        m = _YEAR.match(str(v)) if v else None
        if m:
            return int(m.group(1))
    return None


def at_date(x: Entity, year: int, families: _Family) -> tuple[Entity | None, bool]:
    """(the state of ``x``'s family that held ``year``, unsure): the one historical member
    whose span holds the year inside it; else (None, True) when the year falls inside the
    family's history (two members, a boundary year, before every span), (None, False) when it
    is after the family's last end (today's state) or ``x`` has no family."""
    fam = families.of(x)
    if not fam:
        return None, False
    holders = [(e, s, t) for e, s, t in fam if s <= year <= t]
    if len(holders) == 1 and holders[0][1] < year < holders[0][2]:
        return holders[0][0], False
    if holders or year < max(t for _, _, t in fam):
        return None, True
    return None, False


def _swap(name: Any, year: int, families: _Family, label: Any) -> tuple[Any, bool, bool]:
    """(the name of the state that held ``year``, changed, unsure) for one name of a fact."""
    if not isinstance(name, str):
        return name, False, False
    x = families.entity(name)
    if x is None or x.kind not in ("state", "historical-state"):
        return name, False, False
    if x.kind == "historical-state":
        # a historical name for a date after (or before) its own span: "Cộng hòa Liên bang Nam
        # Tư" read as Yugoslavia (1918–1992) for 2000 is its successor
        span = families.span_of(x)
        if span is None or span[0] <= year <= span[1]:
            return name, False, False
    e, unsure = at_date(x, year, families)
    if e is None:
        return name, False, unsure
    return label(e.key), True, False


def attribute(cands: list[Candidate], registry: Registry, label: Any) -> list[Candidate]:
    """Each candidate's states of today named for a date a predecessor's record covers,
    replaced by that predecessor (``label(key)`` gives the name a facts file writes)."""
    families = _family(registry)
    for c in cands:
        year = fact_year(c)
        if year is None:
            continue
        changed = unsure = False
        slots: list[tuple[Any, Any]] = [(c.data, k) for k in _ONE if k in c.data]
        for k in _MANY:
            if isinstance(c.data.get(k), list):
                slots += [(c.data[k], i) for i in range(len(c.data[k]))]
        slots += [(p, "actor") for p in c.data.get("participants") or []
                  if isinstance(p, dict) and "actor" in p]
        for holder, k in slots:
            holder[k], ch, u = _swap(holder[k], year, families, label)
            changed, unsure = changed or ch, unsure or u
        if changed:
            c.flags.append("state-at-date")
        elif unsure:
            c.flags.append("state-at-date-unsure")
            c.confidence = round(max(0.1, c.confidence - UNSURE), 2)
    return cands
