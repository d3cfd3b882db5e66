"""Accept parsing and negotiation (graph/conneg.py)."""

from __future__ import annotations

import pytest

from diplograph.graph import conneg as c


@pytest.mark.parametrize("accept,offers,want", [
    (None, c.SELECT_TYPES, c.JSON),
    ("", c.SELECT_TYPES, c.JSON),
    ("*/*", c.SELECT_TYPES, c.JSON),
    ("text/*", c.SELECT_TYPES, c.CSV),
    ("text/tab-separated-values, text/csv", c.SELECT_TYPES, c.CSV),  # tie: server order
    ("text/csv;q=0.4, text/tab-separated-values;q=0.5", c.SELECT_TYPES, c.TSV),
    ("application/sparql-results+xml;q=0.9, */*;q=0.1", c.SELECT_TYPES, c.XML),
    ("text/csv", c.ASK_TYPES, None),
    ("application/json", c.SELECT_TYPES, None),
    ("*/*;q=0", c.SELECT_TYPES, None),
    ("*/*, application/sparql-results+json;q=0", c.SELECT_TYPES, c.XML),
    ("TEXT/TURTLE", c.GRAPH_TYPES, c.TURTLE),
    ("application/*", c.GRAPH_TYPES, c.NTRIPLES),
    ("*/*", c.GRAPH_TYPES, c.TURTLE),
    ("application/n-quads;q=0.5, text/turtle;q=0.4", c.GRAPH_TYPES, c.NQUADS),
    ("application/trig", c.GRAPH_TYPES, c.TRIG),
    ("text/turtle;charset=utf-8;q=0.8, application/rdf+xml;q=0.9", c.GRAPH_TYPES, c.RDFXML),
    ("garbage, ,;;, text/turtle", c.GRAPH_TYPES, c.TURTLE),
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
    for mt in (*c.SELECT_TYPES, *c.GRAPH_TYPES, *c.RDF_INPUT_TYPES):
        assert c.FORMAT_IRIS[mt].startswith("http://www.w3.org/ns/formats/")
    assert all(c.from_format_alias(a) == mt for a, mt in c.FORMAT_ALIASES.items())
