"""Content negotiation: the one negotiator of the service (``Accept`` and ``format=``).

``negotiate`` parses an ``Accept`` header fully (q-values, ``*/*``, ``type/*``, ``q=0``
refusals) and picks the offer the client likes most, breaking ties by the server's order.
Media types that clients send for a format under another name (``application/json`` for
SPARQL JSON results or JSON-LD, ``application/xml`` for SPARQL XML results or RDF/XML, as
Fuseki and Blazegraph answer them) count when they are named, never through a wildcard.
:func:`choose` adds the ``format=`` parameter (Fuseki's and Virtuoso's habit; SPARQLWrapper
sends it several times, e.g. ``format=tsv&format=text/tab-separated-values``).

The formats themselves (media types, names, pyoxigraph enums) are the table of
:mod:`diplograph.graph.formats`.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SELECT_TYPES)
'application/sparql-results+xml'
>>> negotiate(None, GRAPH_TYPES)
'text/turtle'
>>> negotiate("*/*", GRAPH_TYPES)   # N-Quads/TriG only when asked by name
'text/turtle'
>>> negotiate("application/json", SELECT_TYPES), negotiate("application/json", GRAPH_TYPES)
('application/sparql-results+json', 'application/ld+json')
>>> negotiate("text/*, text/turtle;q=0", GRAPH_TYPES) is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..graph.errors import DiplographError
from ..graph.formats import (
    ASK_TYPES,
    DATASET_TYPES,
    EXPLICIT_ONLY,
    FORMAT_ALIASES,
    FORMATS,
    GRAPH_TYPES,
    SELECT_TYPES,
    media_type_for_name,
    names_for,
)

__all__ = [
    "MediaRange", "parse_accept", "quality", "negotiate", "prefers_html", "choose",
    "SELECT_TYPES", "ASK_TYPES", "GRAPH_TYPES", "DATASET_TYPES", "EXPLICIT_ONLY",
]


@dataclass(frozen=True)
class MediaRange:
    """One element of an Accept header."""

    type: str
    subtype: str
    q: float
    order: int

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        t, _, s = media_type.partition("/")
        return (self.type in ("*", t)) and (self.subtype in ("*", s))


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header; malformed elements are skipped, a missing header is ``*/*``.

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/*;q=0.3, application/json")]
    [('text', '*', 0.3), ('application', 'json', 1.0)]
    """
    if header is None or not header.strip():
        return [MediaRange("*", "*", 1.0, 0)]
    out: list[MediaRange] = []
    for order, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        mt = pieces[0].lower()
        if "/" not in mt:
            if mt == "*":
                mt = "*/*"
            else:
                continue
        t, _, s = mt.partition("/")
        if not t or not s or (t == "*" and s != "*"):
            continue
        q = 1.0
        for p in pieces[1:]:
            k, _, v = p.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = min(max(float(v.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        out.append(MediaRange(t, s, q, order))
    return out


def quality(ranges: Sequence[MediaRange], media_type: str, *, explicit_only: bool = False) -> float:
    """The q-value ``ranges`` give ``media_type``: that of the most specific matching range.

    >>> quality(parse_accept("text/*;q=0.5, text/csv;q=0"), "text/csv")
    0.0
    >>> quality(parse_accept("text/*;q=0.5, text/csv;q=0"), "text/turtle")
    0.5
    """
    best: MediaRange | None = None
    for r in ranges:
        if not r.matches(media_type):
            continue
        if explicit_only and r.specificity < 2:
            continue
        if best is None or r.specificity > best.specificity:
            best = r
    return best.q if best else 0.0


_ACCEPT_ALIASES: dict[str, tuple[str, ...]] = {f.media_type: f.accept_aliases for f in FORMATS}


def _offer_quality(ranges: Sequence[MediaRange], offer: str, explicit_only: bool) -> float:
    """The q-value of an offer: its own name first; else the best of the other names
    clients give it (named exactly); else what a wildcard gives it."""
    if any(r.specificity == 2 and r.matches(offer) for r in ranges):
        return quality(ranges, offer)
    aliases = _ACCEPT_ALIASES.get(offer, ())
    named = [r.q for r in ranges if r.specificity == 2
             and any(r.matches(a) for a in aliases)]
    if named:
        return max(named)
    return quality(ranges, offer, explicit_only=explicit_only)


def negotiate(accept: str | None, offers: Sequence[str],
              explicit_only: frozenset[str] = EXPLICIT_ONLY) -> str | None:
    """The offer to send, or ``None`` when nothing is acceptable (answer 406).

    Offers in ``explicit_only`` are only chosen when the client names them. Memoised: clients
    send the same few ``Accept`` headers again and again.
    """
    if accept is not None and len(accept) > 512:  # a rare, long header: not kept
        return _negotiate.__wrapped__(accept, tuple(offers), explicit_only)
    return _negotiate(accept, tuple(offers), explicit_only)


@functools.lru_cache(maxsize=1024)
def _negotiate(accept: str | None, offers: tuple[str, ...],
               explicit_only: frozenset[str]) -> str | None:
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for mt in offers:
        q = _offer_quality(ranges, mt, mt in explicit_only)
        if q > best_q:
            best, best_q = mt, q
    return best


def prefers_html(accept: str | None, rdf_offers: Sequence[str] = GRAPH_TYPES) -> bool:
    """Whether the client (a browser) prefers HTML to any RDF offer.

    >>> prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> prefers_html("text/turtle, text/html;q=0.5") or prefers_html(None)
    False
    """
    if accept is None:
        return False
    ranges = parse_accept(accept)
    html_q = max(quality(ranges, "text/html"), quality(ranges, "application/xhtml+xml"))
    if html_q <= 0 or not any(r.specificity == 2 and r.q > 0 and r.matches("text/html")
                              or r.specificity == 2 and r.matches("application/xhtml+xml")
                              for r in ranges):
        return False
    rdf_q = max((quality(ranges, mt, explicit_only=mt in EXPLICIT_ONLY) for mt in rdf_offers),
                default=0.0)
    return html_q > rdf_q


def _format_value(value: str, offers: Sequence[str]) -> str | None:
    """The media type one ``format=`` value means among ``offers``. A value may list several
    media types (SPARQLWrapper sends ``application/ld+json,application/x-json+ld``): the first
    one that is offered, else the first one known."""
    known = [mt for part in value.split(",") if (mt := media_type_for_name(part, offers))]
    return next((mt for mt in known if mt in offers), known[0] if known else None)


def choose(format_values: Iterable[str], accept: str | None, offers: Sequence[str],
           explicit_only: frozenset[str] = EXPLICIT_ONLY, what: str = "this result") -> str:
    """The media type to answer in: the ``format=`` values if any (all must mean the same
    format), else the ``Accept`` header. Raises ``bad-input`` (an unknown or inconsistent
    ``format=``) or ``not-acceptable`` (406).

    >>> choose(["tsv", "text/tab-separated-values"], None, SELECT_TYPES)
    'text/tab-separated-values'
    >>> choose(["xml", "application/rdf+xml"], "application/rdf+xml", GRAPH_TYPES)
    'application/rdf+xml'
    >>> choose(["json", "xml"], None, SELECT_TYPES)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: the format parameter was given twice with ...
    """
    values = [v for v in format_values if v.strip()]  # an empty value says nothing
    if values:
        meant: dict[str, str] = {}
        for v in values:
            mt = _format_value(v, offers)
            if mt is None:
                raise DiplographError(
                    "bad-input", f"unknown format={v!r}; use one of "
                    f"{', '.join(sorted(FORMAT_ALIASES))} or a media type")
            meant.setdefault(mt, v)
        if len(meant) > 1:
            (a, ma), (b, mb) = list(meant.items())[:2]
            raise DiplographError(
                "bad-input", f"the format parameter was given twice with different formats: "
                f"{ma!r} ({a}) and {mb!r} ({b}); give one")
        mt = next(iter(meant))
        if mt not in offers:
            raise DiplographError(
                "not-acceptable", f"format={values[0]} ({mt}) does not suit {what}; "
                f"available: {', '.join(names_for(offers))} ({', '.join(offers)})")
        return mt
    mt = negotiate(accept, offers, explicit_only)
    if mt is None:
        raise DiplographError(
            "not-acceptable",
            f"nothing in 'Accept: {accept}' is available for {what}; available: "
            f"{', '.join(offers)} (or add format=NAME: {', '.join(names_for(offers))})")
    return mt

