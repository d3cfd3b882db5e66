"""The one table of result and RDF formats, built on pyoxigraph's format enums.

Each :class:`Format` joins what pyoxigraph knows (``QueryResultsFormat`` / ``RdfFormat``: media
type, file extension) with what this project adds: a short name (``--format``, ``format=``),
other names clients use, the query forms it can answer, and whether a wildcard may select it.
Everything else (the offers of a query form, the W3C format IRIs, the pyoxigraph format of a
media type, the names a client may give) is derived from :data:`FORMATS`, in server order.

Content negotiation (``Accept`` headers) is a protocol rule and lives in ``server/conneg.py``.

>>> by_media_type("text/csv; charset=utf-8").name
'csv'
>>> pyoxigraph_format("application/ld+json")
<RdfFormat JSON-LD>
>>> offers_for_form("ask")[:2]
('application/sparql-results+json', 'application/sparql-results+xml')
>>> media_type_for_name("xml", GRAPH_TYPES), media_type_for_name("xml", SELECT_TYPES)
('application/rdf+xml', 'application/sparql-results+xml')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = [
    "Format", "FORMATS", "JSON", "XML", "CSV", "TSV", "TURTLE", "NTRIPLES", "RDFXML", "JSONLD",
    "NQUADS", "TRIG", "N3", "SELECT_TYPES", "ASK_TYPES", "GRAPH_TYPES", "DATASET_TYPES",
    "RDF_INPUT_TYPES", "EXPLICIT_ONLY", "FORMAT_ALIASES", "FORMAT_IRIS", "base_type",
    "by_media_type", "pyoxigraph_format", "offers_for_form", "media_type_for_name",
    "names_for", "content_type", "from_format_alias", "by_name", "NAMES", "RDF_FILE_FORMATS",
    "DATASET_NAMES",
]

_R = ox.QueryResultsFormat
_G = ox.RdfFormat


@dataclass(frozen=True)
class Format:
    """One serialisation: its pyoxigraph format and how clients name it."""

    name: str  #: the short name (``--format``, ``format=``)
    pyoxigraph: ox.QueryResultsFormat | ox.RdfFormat
    forms: frozenset[str]  #: the query forms it answers (``dataset``: whole-store dumps)
    names: tuple[str, ...] = ()  #: other names for ``format=`` (file extensions, habits)
    #: media types that some clients send in ``Accept`` for this format (never chosen by a
    #: wildcard: only when named)
    accept_aliases: tuple[str, ...] = ()
    explicit_only: bool = False  #: wildcards never select it: the client must name it
    readable: bool = False  #: accepted as a Graph Store payload
    iri: str = ""  #: the W3C format IRI (``http://www.w3.org/ns/formats/``)

    @property
    def media_type(self) -> str:
        """The base media type (pyoxigraph's, without parameters)."""
        return base_type(self.pyoxigraph.media_type)

    @property
    def extension(self) -> str:
        """The file extension (pyoxigraph's)."""
        return self.pyoxigraph.file_extension

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` to send: text formats say their charset."""
        return content_type(self.media_type)


def base_type(media_type: str) -> str:
    """The lower-cased ``type/subtype`` without parameters.

    >>> base_type("Text/Turtle; charset=UTF-8")
    'text/turtle'
    """
    return media_type.split(";", 1)[0].strip().lower()


_W3C = "http://www.w3.org/ns/formats/"
_QUERY = frozenset({"select", "ask"})
_GRAPH = frozenset({"construct", "describe"})

#: Every format, in server preference order within each group (the first is the default).
FORMATS: tuple[Format, ...] = (
    Format("json", _R.JSON, _QUERY, ("srj", "application/json"), ("application/json",),
           iri=_W3C + "SPARQL_Results_JSON"),
    Format("xml", _R.XML, _QUERY, ("srx", "application/xml"),
           ("application/xml", "text/xml"), iri=_W3C + "SPARQL_Results_XML"),
    Format("csv", _R.CSV, _QUERY, (), iri=_W3C + "SPARQL_Results_CSV"),
    Format("tsv", _R.TSV, _QUERY, (), iri=_W3C + "SPARQL_Results_TSV"),
    Format("turtle", _G.TURTLE, _GRAPH, ("ttl",), ("application/x-turtle", "application/turtle"),
           readable=True, iri=_W3C + "Turtle"),
    Format("ntriples", _G.N_TRIPLES, _GRAPH, ("nt", "n-triples"), readable=True,
           iri=_W3C + "N-Triples"),
    Format("rdfxml", _G.RDF_XML, _GRAPH, ("rdf", "rdf+xml", "xml", "application/xml", "owl"),
           ("application/xml", "text/xml"), readable=True, iri=_W3C + "RDF_XML"),
    Format("jsonld", _G.JSON_LD, _GRAPH, ("json-ld", "json", "application/json"),
           ("application/json",), readable=True, iri=_W3C + "JSON-LD"),
    Format("nquads", _G.N_QUADS, _GRAPH | {"dataset"}, ("nq", "n-quads"), explicit_only=True,
           iri=_W3C + "N-Quads"),
    Format("trig", _G.TRIG, _GRAPH | {"dataset"}, (), explicit_only=True, iri=_W3C + "TriG"),
    Format("n3", _G.N3, _GRAPH, (), ("text/rdf+n3", "application/n3"), explicit_only=True,
           readable=True, iri=_W3C + "N3"),
)

_BY_TYPE: dict[str, Format] = {f.media_type: f for f in FORMATS}

JSON, XML, CSV, TSV = (f.media_type for f in FORMATS[:4])
TURTLE, NTRIPLES, RDFXML, JSONLD, NQUADS, TRIG, N3 = (f.media_type for f in FORMATS[4:])


def _offers(form: str) -> tuple[str, ...]:
    return tuple(f.media_type for f in FORMATS if form in f.forms)


#: Offers in server preference order (the first is the default).
SELECT_TYPES: tuple[str, ...] = _offers("select")
ASK_TYPES: tuple[str, ...] = _offers("ask")
GRAPH_TYPES: tuple[str, ...] = _offers("construct")
DATASET_TYPES: tuple[str, ...] = _offers("dataset")
#: Offers that wildcards never select: the client must name them.
EXPLICIT_ONLY: frozenset[str] = frozenset(f.media_type for f in FORMATS if f.explicit_only)
#: Payload types accepted by the Graph Store Protocol (a graph, not a dataset).
RDF_INPUT_TYPES: tuple[str, ...] = tuple(f.media_type for f in FORMATS if f.readable)
#: The W3C format IRIs (http://www.w3.org/ns/formats/) of each media type.
FORMAT_IRIS: dict[str, str] = {f.media_type: f.iri for f in FORMATS}
#: Every name a ``format=`` value may take -> the media type it means for SELECT/ASK results
#: (or the only one it can mean); :func:`media_type_for_name` resolves by query form.
FORMAT_ALIASES: dict[str, str] = {
    n: f.media_type for f in reversed(FORMATS)  # the results formats win "xml" and "json"
    for n in (f.name, *f.names) if "/" not in n
}

#: Every short name, in table order (``diplograph query --format``).
NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)
#: The RDF formats of files (``diplograph load`` and ``export``): short name -> pyoxigraph format.
RDF_FILE_FORMATS: dict[str, ox.RdfFormat] = {
    f.name: f.pyoxigraph for f in FORMATS if isinstance(f.pyoxigraph, ox.RdfFormat)
}
#: The short names of the formats that keep named graphs (N-Quads, TriG).
DATASET_NAMES: frozenset[str] = frozenset(f.name for f in FORMATS if "dataset" in f.forms)


def by_name(name: str) -> Format | None:
    """The format of a short name (``None`` if there is none).

    >>> by_name("ntriples").media_type, by_name("ttl")
    ('application/n-triples', None)
    """
    return next((f for f in FORMATS if f.name == name), None)


def by_media_type(media_type: str) -> Format | None:
    """The format of a media type (parameters ignored), or ``None``."""
    return _BY_TYPE.get(base_type(media_type))


def pyoxigraph_format(media_type: str) -> ox.QueryResultsFormat | ox.RdfFormat:
    """The pyoxigraph format to serialise or parse ``media_type`` with (``KeyError`` if none)."""
    f = by_media_type(media_type)
    if f is None:
        raise KeyError(media_type)
    return f.pyoxigraph


def content_type(media_type: str) -> str:
    """The ``Content-Type`` header value for a media type: text formats say ``charset``.

    >>> content_type("text/csv"), content_type("text/turtle")
    ('text/csv; charset=utf-8', 'text/turtle')
    """
    mt = base_type(media_type)
    return f"{mt}; charset=utf-8" if mt in (CSV, TSV) else mt


def offers_for_form(form: str) -> tuple[str, ...]:
    """The media types a query form can be answered in (server preference first)."""
    return {"select": SELECT_TYPES, "ask": ASK_TYPES}.get(form, GRAPH_TYPES)


def names_for(offers: Sequence[str]) -> list[str]:
    """The short names of ``offers`` (for messages).

    >>> names_for(ASK_TYPES)
    ['json', 'xml', 'csv', 'tsv']
    """
    return [f.name for mt in offers if (f := by_media_type(mt)) is not None]


def media_type_for_name(name: str, offers: Sequence[str] = ()) -> str | None:
    """The media type a format name (``json``, ``ttl``, a media type …) means among
    ``offers`` (the first fitting one); else the one it means at all; else ``None``.

    A name can mean one format for solutions and another for graphs, as Fuseki and
    SPARQLWrapper use them: ``xml`` is SPARQL XML results or RDF/XML, ``json`` is SPARQL
    JSON results or JSON-LD.

    >>> media_type_for_name("JSON", GRAPH_TYPES), media_type_for_name("text/turtle")
    ('application/ld+json', 'text/turtle')
    >>> media_type_for_name("tsv", GRAPH_TYPES), media_type_for_name("nope")
    ('text/tab-separated-values', None)
    """
    key = name.strip().lower()
    if not key:
        return None
    meant = [f.media_type for f in FORMATS
             if key in (f.name, f.media_type, *f.names, *f.accept_aliases)]
    if "/" in key and key not in _BY_TYPE:  # a media type pyoxigraph knows by another name
        for enum in (_R, _G):
            try:
                known = enum.from_media_type(key)
            except ValueError:
                known = None
            if known is not None and base_type(known.media_type) not in meant:
                meant.append(base_type(known.media_type))
    for mt in meant:
        if mt in offers:
            return mt
    return meant[0] if meant else None


def from_format_alias(name: str) -> str | None:
    """The media type for a ``format=`` value regardless of the query form (results first).

    >>> from_format_alias("JSON"), from_format_alias("text/turtle"), from_format_alias("x")
    ('application/sparql-results+json', 'text/turtle', None)
    """
    return media_type_for_name(name)
