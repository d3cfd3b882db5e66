"""Accept parsing and negotiation (server/conneg.py) on the format table (graph/formats.py)."""

from __future__ import annotations

import pytest

from diplograph.graph import formats as f
from diplograph.server import conneg as c


@pytest.mark.parametrize("accept,offers,want", [
    (None, c.SELECT_TYPES, f.JSON),
    ("", c.SELECT_TYPES, f.JSON),
    ("*/*", c.SELECT_TYPES, f.JSON),
    ("text/*", c.SELECT_TYPES, f.CSV),
    ("text/tab-separated-values, text/csv", c.SELECT_TYPES, f.CSV),  # tie: server order
    ("text/csv;q=0.4, text/tab-separated-values;q=0.5", c.SELECT_TYPES, f.TSV),
    ("application/sparql-results+xml;q=0.9, */*;q=0.1", c.SELECT_TYPES, f.XML),
    ("text/csv", c.ASK_TYPES, f.CSV),  # "true", as Fuseki and Oxigraph answer it
    ("application/json", c.SELECT_TYPES, f.JSON),  # Fuseki's and Blazegraph's alias
    ("application/json", c.ASK_TYPES, f.JSON),
    ("application/json", c.GRAPH_TYPES, f.JSONLD),
    ("application/xml", c.SELECT_TYPES, f.XML),
    ("text/xml", c.ASK_TYPES, f.XML),
    ("application/xml", c.GRAPH_TYPES, f.RDFXML),
    ("application/json;q=0, */*", c.SELECT_TYPES, f.XML),  # an alias refused by name
    ("application/sparql-results+json;q=0.1, application/json", c.SELECT_TYPES, f.JSON),
    ("application/json, application/sparql-results+xml;q=0.5", c.SELECT_TYPES, f.JSON),
    ("text/n3", c.GRAPH_TYPES, f.N3),
    ("text/*", c.GRAPH_TYPES, f.TURTLE),  # N3 only when named
    ("*/*;q=0", c.SELECT_TYPES, None),
    ("*/*, application/sparql-results+json;q=0", c.SELECT_TYPES, f.XML),
    ("TEXT/TURTLE", c.GRAPH_TYPES, f.TURTLE),
    ("application/*", c.GRAPH_TYPES, f.NTRIPLES),
    ("*/*", c.GRAPH_TYPES, f.TURTLE),
    ("application/n-quads;q=0.5, text/turtle;q=0.4", c.GRAPH_TYPES, f.NQUADS),
    ("application/trig", c.GRAPH_TYPES, f.TRIG),
    ("text/turtle;charset=utf-8;q=0.8, application/rdf+xml;q=0.9", c.GRAPH_TYPES, f.RDFXML),
    ("garbage, ,;;, text/turtle", c.GRAPH_TYPES, f.TURTLE),
    ("text/turtle;q=abc", c.GRAPH_TYPES, None),
])
def test_negotiate(accept, offers, want):
    assert c.negotiate(accept, offers) == want


def test_q_values_clamped_and_order():
    r = c.parse_accept("a/b;q=2, c/d;q=-1, */*")
    assert [(x.type, x.q) for x in r] == [("a", 1.0), ("c", 0.0), ("*", 1.0)]


def test_prefers_html():
    assert c.prefers_html("text/html")
    assert c.prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert not c.prefers_html("*/*")
    assert not c.prefers_html("text/turtle")
    assert not c.prefers_html("text/html;q=0.5, text/turtle")


def test_every_offer_has_a_format_iri():
    for mt in (*f.SELECT_TYPES, *f.GRAPH_TYPES, *f.RDF_INPUT_TYPES):
        assert f.FORMAT_IRIS[mt].startswith("http://www.w3.org/ns/formats/")
    assert all(f.from_format_alias(a) == mt for a, mt in f.FORMAT_ALIASES.items())


def test_every_format_is_pyoxigraphs():
    """The table's media types and extensions are pyoxigraph's own."""
    for fmt in f.FORMATS:
        enum = type(fmt.pyoxigraph)
        assert enum.from_media_type(fmt.media_type) == fmt.pyoxigraph
        assert enum.from_extension(fmt.extension) == fmt.pyoxigraph
        assert f.pyoxigraph_format(fmt.content_type) == fmt.pyoxigraph


@pytest.mark.parametrize("values,accept,offers,want", [
    (["tsv", "text/tab-separated-values"], None, f.SELECT_TYPES, f.TSV),  # SPARQLWrapper
    (["rdf+xml", "application/rdf+xml"], None, f.GRAPH_TYPES, f.RDFXML),
    (["json-ld", "application/ld+json,application/x-json+ld"], None, f.GRAPH_TYPES, f.JSONLD),
    (["json-ld", ""], None, f.GRAPH_TYPES, f.JSONLD),  # an empty value says nothing
    (["xml", "xml", "xml"], "application/rdf+xml", f.GRAPH_TYPES, f.RDFXML),
    (["json"], None, f.GRAPH_TYPES, f.JSONLD),
    (["n3"], None, f.GRAPH_TYPES, f.N3),
    (["JSON"], "text/csv", f.SELECT_TYPES, f.JSON),  # format= wins over Accept
    ([], "application/xml", f.ASK_TYPES, f.XML),
])
def test_choose(values, accept, offers, want):
    assert c.choose(values, accept, offers) == want


@pytest.mark.parametrize("values,accept,offers,kind,words", [
    (["json", "xml"], None, f.SELECT_TYPES, "bad-input", ["'json'", "'xml'", "different"]),
    (["csv", "text/tab-separated-values"], None, f.SELECT_TYPES, "bad-input", ["'csv'", "tab-separated"]),
    (["nope"], None, f.SELECT_TYPES, "bad-input", ["unknown format='nope'", "json"]),
    (["csv"], None, f.GRAPH_TYPES, "not-acceptable", ["format=csv", "turtle"]),
    ([], "image/png", f.SELECT_TYPES, "not-acceptable", ["image/png", "format=NAME"]),
])
def test_choose_refuses(values, accept, offers, kind, words):
    from diplograph.graph.errors import DiplographError

    with pytest.raises(DiplographError) as e:
        c.choose(values, accept, offers)
    assert e.value.kind == kind
    for w in words:
        assert w in e.value.message
