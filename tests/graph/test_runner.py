"""The one query runner (graph/runner.py): checks, dataset, substitutions as terms, data and
serialisation within the caps."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from diplograph.graph import runner
from diplograph.graph.errors import DiplographError
from diplograph.graph.sparql_safety import Limits

G1, G2 = ox.NamedNode("http://e/g1"), ox.NamedNode("http://e/g2")
P = ox.NamedNode("http://e/p")


@pytest.fixture()
def store() -> ox.Store:
    s = ox.Store()
    for i, g in ((1, G1), (2, G2)):
        s.add(ox.Quad(ox.NamedNode(f"http://e/s{i}"), P, ox.Literal(str(i)), g))
    return s


def test_select_ask_construct_return_terms(store: ox.Store) -> None:
    rows = runner.select(store, "SELECT ?s ?o WHERE { ?s <http://e/p> ?o } ORDER BY ?o")
    assert [r["o"] for r in rows] == [ox.Literal("1"), ox.Literal("2")]
    assert isinstance(rows[0]["s"], ox.NamedNode)
    assert runner.ask(store, "ASK { ?s ?p $o }", {"o": ox.Literal("2")}) is True
    triples = runner.construct(store, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert len(triples) == 2 and all(isinstance(t, ox.Triple) for t in triples)
    assert runner.describe(store, "DESCRIBE <http://e/s1>")


def test_wrong_form_is_refused(store: ox.Store) -> None:
    with pytest.raises(DiplographError, match="not a SELECT query: a ASK"):
        runner.select(store, "ASK {}")


def test_default_graph_is_the_union_unless_from_or_a_dataset(store: ox.Store) -> None:
    q = runner.check("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert q.union
    assert runner.to_data(runner.evaluate(store, q))[0]["n"].value == "2"  # type: ignore[index]
    with_from = runner.check("SELECT (COUNT(*) AS ?n) FROM <http://e/g1> WHERE { ?s ?p ?o }")
    assert not with_from.union
    assert runner.to_data(runner.evaluate(store, with_from))[0]["n"].value == "1"  # type: ignore[index]
    ds = runner.Dataset(default=(G2,))
    assert runner.to_data(runner.evaluate(store, with_from, dataset=ds))[0]["n"].value == "1"  # type: ignore[index]


def test_substitutions_are_terms_never_text(store: ox.Store) -> None:
    # a value that would break out of the text if it were pasted
    evil = ox.Literal('1" } UNION { ?s ?p ?o } #')
    assert runner.select(store, "SELECT ?s ?v WHERE { ?s ?p ?v }", {"v": evil}) == []
    assert runner.variables({"v": '"1"'})[ox.Variable("v")] == ox.Literal("1")
    with pytest.raises(DiplographError, match="not a variable name"):
        runner.variables({"v w": ox.Literal("1")})


def test_checks_live_in_the_runner(store: ox.Store) -> None:
    with pytest.raises(DiplographError) as e:
        runner.select(store, "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert e.value.kind == "bad-input" and "SERVICE" in e.value.message
    with pytest.raises(DiplographError) as e:
        runner.check("ASK {}", limits=Limits(3, 10, 10))
    assert e.value.kind == "too-large"
    with pytest.raises(DiplographError) as e:
        runner.check("INSERT DATA {}")
    assert e.value.kind == "syntax" and "update" in e.value.message
    with pytest.raises(DiplographError) as e:  # the parser's own error, as a syntax error
        runner.select(store, "SELECT ?x WHERE { ?x a undeclared:Thing }")
    assert e.value.kind == "syntax"


def test_the_label_service_is_rewritten_once_here(store: ox.Store) -> None:
    q = runner.check("SELECT ?s ?sLabel WHERE { ?s ?p ?o SERVICE wikibase:label { "
                     'bd:serviceParam wikibase:language "en" } }')
    assert "wikibase:label" not in q.text
    assert len(runner.select(store, q.text)) == 2


def test_serialize_caps(store: ox.Store) -> None:
    q = runner.check("SELECT ?s ?o WHERE { ?s ?p ?o }")
    body, rows = runner.serialize(runner.evaluate(store, q), ox.QueryResultsFormat.CSV)
    assert rows == 2 and body.startswith(b"s,o")
    with pytest.raises(DiplographError) as e:
        runner.serialize(runner.evaluate(store, q), ox.QueryResultsFormat.JSON, max_rows=1)
    assert e.value.kind == "result-too-large"
    with pytest.raises(DiplographError) as e:
        runner.serialize(runner.evaluate(store, q), ox.QueryResultsFormat.JSON, max_bytes=20)
    assert e.value.kind == "result-too-large"
    with pytest.raises(DiplographError) as e:
        runner.serialize(runner.evaluate(store, q), ox.RdfFormat.TURTLE)
    assert e.value.kind == "not-acceptable"


@pytest.mark.parametrize("text, needs", [
    ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT * { ?s rdfs:label ?l }", False),
    ("SELECT * { ?s rdfs:label ?l }", True),
    ("prefix rdfs: <http://x/> SELECT * { ?s rdfs:label ?l . ?s dg:x ?y }", True),
    ("SELECT * { ?s <http://e/p> ?o }", False),
    ("SELECT * { ?s <http://e/p> 'rdf:x' }", True),  # a string that looks like one: safe side
    ("SELECT ?x WHERE { ?x a ?t }", False),
])
def test_predefined_prefixes_are_passed_only_when_the_text_may_use_them(text: str,
                                                                         needs: bool) -> None:
    assert runner.check(text).prefixes is needs


@pytest.mark.parametrize("text", [
    "SELECT ?l { <http://e/s1> rdfs:label ?l }",
    "SELECT * { ?s ?p ?o.rdfs:x ?p ?o }",  # a use the test misses: run again with them
    "SELECT (xsd:integer(?o) AS ?n) { ?s <http://e/p> ?o }",
])
def test_a_text_runs_the_same_with_or_without_the_shortcut(store: ox.Store, text: str) -> None:
    q = runner.check(text)
    with_all = runner.evaluate(store, runner.Checked(q.text, q.form, q.union, prefixes=True))
    assert runner.serialize(runner.evaluate(store, q), ox.QueryResultsFormat.JSON) \
        == runner.serialize(with_all, ox.QueryResultsFormat.JSON)


def test_an_undeclared_unknown_prefix_is_still_named_in_the_error(store: ox.Store) -> None:
    with pytest.raises(DiplographError, match="unknown prefix 'nope:'"):
        runner.select(store, "SELECT * { ?s nope:x ?o }")
