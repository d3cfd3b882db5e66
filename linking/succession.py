"""The registry's succession of states (``succeeded_by``) and the spans of historical states:
the round-15/17 code of the linking matcher's reading of a state named by years ("Russia in
1950"), in a module of its own (round 22) so that the extraction can read a state named by
today's name for a past date (``extraction/states_in_time.py``) without loading the matcher.
:mod:`.matcher` imports these functions back under the names it always used."""

from __future__ import annotations

import re
from collections import defaultdict

from ..graph.registry import Entity, Registry
from .normalise import split_qualifier

#: the kinds of entity that are states (as ``matcher.STATE_KINDS``)
STATE_KINDS = frozenset({"state", "historical-state"})


def succession_links(
    registry: Registry,
) -> tuple[dict[int, Entity], dict[int, list[Entity]]]:
    """Round 17: the registry's succession of states (``succeeded_by``), as (successor of
    each state, predecessors of each state), keyed by ``id()`` of the entity; of
    :meth:`Matcher._succession`, and (round 22) of the extraction's reading of a state named
    by today's name for a past date (``extraction/states_in_time.py``)."""
    nxt: dict[int, Entity] = {}
    prev: dict[int, list[Entity]] = defaultdict(list)
    for e in registry.entities:
        if e.succeeded_by and e.kind in STATE_KINDS:
            f = registry.get(e.succeeded_by)
            if f is not None:
                nxt[id(e)] = f
                prev[id(f)].append(e)
    return nxt, prev


def linked_by_succession(
    x: Entity, named: list[Entity],
    links: tuple[dict[int, Entity], dict[int, list[Entity]]],
) -> list[Entity]:
    """Round 17: every state linked to ``x`` or to one of ``named`` by ``links``
    (:func:`succession_links`), forwards and backwards, transitively; ``x`` left out."""
    nxt, prev = links
    seen = {id(x): x, **{id(e): e for e in named}}
    todo = list(seen.values())
    while todo:
        e = todo.pop()
        for f in [*([nxt[id(e)]] if id(e) in nxt else []), *prev.get(id(e), [])]:
            if id(f) not in seen:
                seen[id(f)] = f
                todo.append(f)
    return [e for e in seen.values() if e is not x]


def span_of(e: Entity) -> tuple[int, int] | None:
    """Round 16: a historical state's span of years: its registry span (existed_from to
    existed_until), else the years its label gives in brackets ("Montenegro (1852-1918)")."""
    if e.existed_from and e.existed_until:
        return int(e.existed_from[:4]), int(e.existed_until[:4])
    for label in e.labels.values():
        q = split_qualifier(label)
        span = year_span(q[1]) if q else None
        if span is not None and span[0] < span[1]:
            return span
    return None


def year_span(qual: str) -> tuple[int, int] | None:
    """Round 15: a qualifier that is a span of years ("1955–1975", "1949-1990") or one year.

    >>> year_span("1955–1975")
    (1955, 1975)
    >>> year_span("1990") , year_span("tourism")
    ((1990, 1990), None)
    """
    m = re.fullmatch(r"(\d{4})\s*(?:[-–—]|to)\s*(\d{4})|(\d{4})", qual.strip())
    if m is None:
        return None
    if m.group(3):
        y = int(m.group(3))
        return y, y
    a, b = int(m.group(1)), int(m.group(2))
    return (a, b) if a <= b else None
