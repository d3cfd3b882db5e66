"""How an entity page lays out its facts: groups, filters, pages and the timeline's rows.

A state or an organisation can be involved in thousands of facts (every membership spell of a
reference data set, every treaty, event and dispute). The page therefore shows

- a table of contents with the number of facts of each group;
- one compact table per group (one row per fact: counterpart, details, span, source, quote on
  demand), the facts stated in documents first and the reference-data spells folded below;
- at most :data:`PAGE_SIZE` rows per group, with links to the group's other pages;
- filters by source (documents or data sets), period and kind, as plain query parameters (they
  work without JavaScript): ``?source=documents&from=1990&to=2000&kind=memberships``;
- a timeline of at most :data:`TIMELINE_MAX` rows (document facts first), whose period follows
  the filter, so narrowing the period zooms it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..graph.errors import DiplographError

__all__ = ["FactGroup", "PageFilter", "PageLayout", "ReferenceSummary", "layout_page", "page_of",
           "slug", "summarise_reference"]

#: rows of one group shown on one page
PAGE_SIZE = 100
#: rows of the timeline at most
TIMELINE_MAX = 150
#: a folded reference table with more rows than this is not written into the page: its
#: details are read, and its rows written, when it is opened (``pages.js`` fetches them from
#: the group's own view, the page filtered to its kind; without JavaScript a link goes there)
LAZY_ROWS = 20
#: the years a filter may name
YEARS = (1000, 2200)

SOURCES = {"all": "all sources", "documents": "documents", "data": "reference data sets"}


def slug(title: str) -> str:
    """The anchor and parameter name of a group.

    >>> slug("Diplomatic relations")
    'diplomatic-relations'
    """
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


@dataclass(frozen=True)
class PageFilter:
    """What the reader asked to see (from the query string)."""

    source: str = "all"
    start: int | None = None
    end: int | None = None
    kind: str | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> PageFilter:
        """Read and check ``source``, ``from``, ``to`` and ``kind``.

        >>> PageFilter.from_args({"source": "data", "from": "1990"})
        PageFilter(source='data', start=1990, end=None, kind=None)
        >>> PageFilter.from_args({"from": "199x"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        diplograph.graph.errors.DiplographError: 'from' must be a year (a whole number ...
        """
        source = args.get("source") or "all"
        if source not in SOURCES:
            raise DiplographError(
                "bad-input", f"'source' must be one of {', '.join(SOURCES)}, not {source!r}")
        years = []
        for name in ("from", "to"):
            raw = (args.get(name) or "").strip()
            if not raw:
                years.append(None)
                continue
            if not re.fullmatch(r"-?\d{1,4}", raw) or not YEARS[0] <= int(raw) <= YEARS[1]:
                raise DiplographError(
                    "bad-input",
                    f"'{name}' must be a year (a whole number from {YEARS[0]} to {YEARS[1]})")
            years.append(int(raw))
        start, end = years
        if start is not None and end is not None and start > end:
            raise DiplographError("bad-input", f"'from' ({start}) is after 'to' ({end})")
        kind = args.get("kind") or None
        return cls(source, start, end, kind)

    @property
    def active(self) -> bool:
        return self != PageFilter()

    def keeps(self, fact: Any) -> bool:
        """Whether a fact passes the source and period filters (the kind is a group matter)."""
        if self.source == "documents" and fact.reference:
            return False
        if self.source == "data" and not fact.reference:
            return False
        if self.start is None and self.end is None:
            return True
        first = fact.start
        if first is None:
            return False  # an undated fact has no place in a period
        last = fact.end or (dt.date.today() if fact.kind == "Membership" else first)
        if self.start is not None and last.year < self.start:
            return False
        return not (self.end is not None and first.year > self.end)

    def args(self, **changes: Any) -> dict[str, Any]:
        """The query parameters of this filter with ``changes`` (for links)."""
        current = {"source": None if self.source == "all" else self.source,
                   "from": self.start, "to": self.end, "kind": self.kind}
        current.update(changes)
        return {k: v for k, v in current.items() if v is not None}


@dataclass(frozen=True)
class ReferenceSummary:
    """One line that says what a group's reference-data facts hold, so that their table can
    stay folded: "43 facts with 28 counterparts, 1949–2018, from ATOP 5.1"."""

    facts: int
    counterparts: int
    first: int | None
    last: int | None
    #: the data sets, as ``(label, link)``
    data_sets: tuple[tuple[str, str | None], ...] = ()

    @property
    def span(self) -> str:
        if self.first is None:
            return ""
        if self.last is None or self.last == self.first:
            return str(self.first)
        return f"{self.first}–{self.last}"


def summarise_reference(facts: Sequence[Any],
                        parts: Mapping[str, tuple[Sequence[str], Sequence[tuple[str, str | None]]]]
                        ) -> ReferenceSummary:
    """The summary of ``facts`` (each with ``iri``, ``start``, ``end``); ``parts`` maps a fact's
    IRI to its counterparts (IRIs) and its data sets (label, link).

    >>> import datetime as dt
    >>> class F:
    ...     def __init__(self, iri, a, b): self.iri, self.start, self.end = iri, a, b
    >>> facts = [F("f1", dt.date(1949, 4, 4), dt.date(1960, 1, 1)),
    ...          F("f2", dt.date(1955, 1, 1), dt.date(2018, 12, 31)), F("f3", None, None)]
    >>> parts = {"f1": (["us", "uk"], [("ATOP 5.1", "/id/dataset/atop")]),
    ...          "f2": (["uk"], [("ATOP 5.1", "/id/dataset/atop")])}
    >>> s = summarise_reference(facts, parts)
    >>> s.facts, s.counterparts, s.span, s.data_sets
    (3, 2, '1949–2018', (('ATOP 5.1', '/id/dataset/atop'),))
    """
    others: set[str] = set()
    sets: dict[tuple[str, str | None], None] = {}
    years: list[int] = []
    for f in facts:
        found = parts.get(f.iri)
        if found is not None:
            others.update(found[0])
            sets.update(dict.fromkeys(found[1]))
        years.extend(d.year for d in (f.start, f.end) if d is not None)
    return ReferenceSummary(len(facts), len(others), min(years, default=None),
                            max(years, default=None), tuple(sorted(sets)))


@dataclass
class FactGroup:
    """One group of facts of a page (one fact class), paged."""

    title: str
    slug: str
    documents: list[Any]
    reference: list[Any]
    total: int
    page: int = 1
    pages: int = 1
    #: nodes of this page of the group that are not facts (a large page lists every node that
    #: points at its entity through one property: source rows, a fact's own nodes …)
    others: list[Any] = field(default_factory=list)
    #: every reference-data fact of the group that the filter keeps (not only this page's),
    #: for :attr:`summary`
    reference_all: list[Any] = field(default_factory=list)
    #: what those hold, in one line (filled in once their counterparts are read)
    summary: ReferenceSummary | None = None

    #: the reader asked for these rows (a page past the first, this kind or the data sets
    #: only): their table is shown open rather than folded under the summary line
    asked: bool = False

    @property
    def reference_open(self) -> bool:
        """Whether the reference table is shown open: when asked for, or when no summary
        line stands for it and the group has nothing else to show."""
        return self.asked or (self.summary is None and not self.documents)

    @property
    def reference_lazy(self) -> bool:
        """Whether the folded reference table is left out of the page (read when opened): a
        summary line stands for it (every reference fact the filter keeps is summarised), the
        reader did not ask for it, and it has more than :data:`LAZY_ROWS` rows.

        >>> g = FactGroup("Leaders", "leaders", [], list(range(30)), 30, reference_all=[1],
        ...               summary=ReferenceSummary(30, 0, 1921, 1950))
        >>> g.reference_lazy, g.reference_open
        (True, False)
        >>> FactGroup("Leaders", "leaders", [], list(range(30)), 30, reference_all=[1],
        ...           asked=True).reference_lazy
        False
        """
        return bool(self.reference_all) and not self.asked and len(self.reference) > LAZY_ROWS

    @property
    def reference_sources(self) -> list[str]:
        names = []
        for f in self.reference:
            if f.document is not None and f.document.text not in names:
                names.append(f.document.text)
        return names


@dataclass
class PageLayout:
    """Groups, contents, timeline rows and the filter of one page."""

    filter: PageFilter
    groups: list[FactGroup]
    contents: list[tuple[str, str, int]]  # (title, anchor, count)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    timeline_axis: list[dict[str, Any]] = field(default_factory=list)
    timeline_omitted: int = 0
    hidden: int = 0  # facts left out by the filter
    #: a large page (a concept or a data set that tens of thousands of facts point at): its
    #: groups are the properties that point at it, read a page at a time (no period filter,
    #: no timeline)
    large: bool = False
    #: how many statements point at the entity (a large page's summary)
    uses: int = 0


def page_of(args: Mapping[str, str], group: str, pages: int) -> int:
    raw = args.get(f"page-{group}")
    if raw is None:
        return 1
    # ASCII digits only (str.isdigit() takes "²", which int() refuses); a number too long to
    # be a page is past the last page (int() refuses 10,000 digits)
    digits = raw.lstrip("0")
    if not re.fullmatch(r"[0-9]+", raw) or not digits:
        raise DiplographError("bad-input", f"'page-{group}' must be a page number (1, 2, …)")
    page = int(digits) if len(digits) <= 12 else pages + 1
    if page > pages:
        shown = digits if len(digits) <= 12 else digits[:12] + "…"
        raise DiplographError(
            "not-found", f"{group} has {pages} page{'s' if pages > 1 else ''}; "
                         f"there is no page {shown}")
    return page


def layout_page(groups: Sequence[tuple[str, list[Any]]], facts: Sequence[Any],
                args: Mapping[str, str], timeline: Any) -> PageLayout:
    """Lay out the grouped facts of a page for the request's ``args``.

    ``timeline`` is the function that turns facts into timeline rows and axis ticks.
    """
    filt = PageFilter.from_args(args)
    known = {slug(title) for title, _ in groups}
    if filt.kind is not None and filt.kind not in known:
        raise DiplographError(
            "bad-input", f"'kind' must be one of {', '.join(sorted(known)) or '(none here)'}")
    out: list[FactGroup] = []
    contents: list[tuple[str, str, int]] = []
    kept_all: list[Any] = []
    hidden = 0
    for title, members in groups:
        name = slug(title)
        kept = [f for f in members if filt.keeps(f)]
        if filt.kind is not None and name != filt.kind:
            hidden += len(members)
            continue
        hidden += len(members) - len(kept)
        if not kept:
            continue
        kept_all.extend(kept)
        ordered = [f for f in kept if not f.reference] + [f for f in kept if f.reference]
        pages = max((len(ordered) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
        page = page_of(args, name, pages)
        shown = ordered[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        out.append(FactGroup(title, name, [f for f in shown if not f.reference],
                             [f for f in shown if f.reference], len(kept), page, pages,
                             reference_all=[f for f in kept if f.reference],
                             asked=page > 1 or filt.kind == name or filt.source == "data"))
        contents.append((title, name, len(kept)))
    dated = [f for f in kept_all if not f.reference] + [f for f in kept_all if f.reference]
    dated = [f for f in dated if f.start is not None]
    rows, axis = timeline(dated[:TIMELINE_MAX])
    return PageLayout(filt, out, contents, rows, axis, max(len(dated) - TIMELINE_MAX, 0), hidden)
