"""Media types and content negotiation for the SPARQL service (pure: no web framework).

``negotiate`` parses an ``Accept`` header fully (q-values, ``*/*``, ``type/*``, ``q=0``
refusals) and picks the offer the client likes most, breaking ties by the server's order.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SELECT_TYPES)
'application/sparql-results+xml'
>>> negotiate(None, GRAPH_TYPES)
'text/turtle'
>>> negotiate("*/*", GRAPH_TYPES)   # N-Quads/TriG only when asked by name
'text/turtle'
>>> negotiate("application/n-quads", GRAPH_TYPES)
'application/n-quads'
>>> negotiate("text/*, text/turtle;q=0", GRAPH_TYPES) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "JSON", "XML", "CSV", "TSV", "TURTLE", "NTRIPLES", "RDFXML", "JSONLD", "NQUADS", "TRIG",
    "SELECT_TYPES", "ASK_TYPES", "GRAPH_TYPES", "DATASET_TYPES", "RDF_INPUT_TYPES",
    "EXPLICIT_ONLY", "FORMAT_ALIASES", "MediaRange", "parse_accept", "quality", "negotiate",
    "offers_for_form", "from_format_alias", "prefers_html", "base_type", "FORMAT_IRIS",
]

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"
JSONLD = "application/ld+json"
NQUADS = "application/n-quads"
TRIG = "application/trig"

#: Offers in server preference order (the first is the default).
SELECT_TYPES: tuple[str, ...] = (JSON, XML, CSV, TSV)
ASK_TYPES: tuple[str, ...] = (JSON, XML)
GRAPH_TYPES: tuple[str, ...] = (TURTLE, NTRIPLES, RDFXML, JSONLD, NQUADS, TRIG)
DATASET_TYPES: tuple[str, ...] = (NQUADS, TRIG)
#: Offers that wildcards never select: the client must name them.
EXPLICIT_ONLY: frozenset[str] = frozenset({NQUADS, TRIG})
#: Payload types accepted by the Graph Store Protocol (a graph, not a dataset).
RDF_INPUT_TYPES: tuple[str, ...] = (TURTLE, NTRIPLES, RDFXML, JSONLD, "text/n3")

FORMAT_ALIASES: dict[str, str] = {
    "json": JSON, "srj": JSON, "xml": XML, "srx": XML, "csv": CSV, "tsv": TSV,
    "turtle": TURTLE, "ttl": TURTLE, "ntriples": NTRIPLES, "nt": NTRIPLES,
    "n-triples": NTRIPLES, "rdfxml": RDFXML, "rdf": RDFXML, "rdf+xml": RDFXML,
    "jsonld": JSONLD, "json-ld": JSONLD, "nquads": NQUADS, "nq": NQUADS,
    "n-quads": NQUADS, "trig": TRIG,
}

#: The W3C format IRIs (http://www.w3.org/ns/formats/) of each media type.
FORMAT_IRIS: dict[str, str] = {
    JSON: "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    XML: "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    CSV: "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    TSV: "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    TURTLE: "http://www.w3.org/ns/formats/Turtle",
    NTRIPLES: "http://www.w3.org/ns/formats/N-Triples",
    RDFXML: "http://www.w3.org/ns/formats/RDF_XML",
    JSONLD: "http://www.w3.org/ns/formats/JSON-LD",
    NQUADS: "http://www.w3.org/ns/formats/N-Quads",
    TRIG: "http://www.w3.org/ns/formats/TriG",
    "text/n3": "http://www.w3.org/ns/formats/N3",
}


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


def base_type(media_type: str) -> str:
    """The lower-cased ``type/subtype`` without parameters.

    >>> base_type("Text/Turtle; charset=UTF-8")
    'text/turtle'
    """
    return media_type.split(";", 1)[0].strip().lower()


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


def negotiate(accept: str | None, offers: Sequence[str],
              explicit_only: frozenset[str] = EXPLICIT_ONLY) -> str | None:
    """The offer to send, or ``None`` when nothing is acceptable (answer 406).

    Offers in ``explicit_only`` are only chosen when the client names them.
    """
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for mt in offers:
        q = quality(ranges, mt, explicit_only=mt in explicit_only)
        if q > best_q:
            best, best_q = mt, q
    return best


def offers_for_form(form: str) -> tuple[str, ...]:
    """The media types a query form can be answered in (server preference first).

    >>> offers_for_form("ask")
    ('application/sparql-results+json', 'application/sparql-results+xml')
    """
    return {"select": SELECT_TYPES, "ask": ASK_TYPES}.get(form, GRAPH_TYPES)


def from_format_alias(name: str) -> str | None:
    """The media type for a ``format=`` value (an alias or a media type), else ``None``.

    >>> from_format_alias("JSON"), from_format_alias("text/turtle"), from_format_alias("x")
    ('application/sparql-results+json', 'text/turtle', None)
    """
    key = name.strip().lower()
    if key in FORMAT_ALIASES:
        return FORMAT_ALIASES[key]
    if key in FORMAT_IRIS:
        return key
    return None


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
