"""The SPARQL tokenizer: SERVICE/LOAD detection, query forms, dataset keywords."""

from __future__ import annotations

import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.sparql_safety import (
    check_external_access,
    external_targets,
    has_dataset_clause,
    query_form,
    update_dataset_keywords,
)


@pytest.mark.parametrize("text", [
    'SELECT * { ?s ?p "SERVICE <http://x/> {}" }',
    "SELECT * { ?s ?p 'service <http://x/>' }",
    'SELECT * { ?s ?p """a\nSERVICE <http://x/> {}\n""" }',
    "SELECT * { ?s ?p '''SERVICE <http://x/>''' }",
    "SELECT * { ?s ?p ?o } # SERVICE <http://x/> { }",
    "# LOAD <http://x/>\nSELECT * {}",
    "SELECT * { ?s <http://e/SERVICE> ?o }",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:service ?o . ?service ?p ex:load }",
    'SELECT * { ?s ?p "escaped \\" SERVICE <http://x/>" }',
    "SELECT * { FILTER(?a<?b) ?s ?p ?o }",
    'PREFIX service: <http://e/> SELECT * { ?s service:x "#" . }',
])
def test_no_false_positive(text):
    assert external_targets(text) == []
    check_external_access(text)


@pytest.mark.parametrize("text,target", [
    ("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }", "http://x/sparql"),
    ("select * { service <http://x/sparql> { ?s ?p ?o } }", "http://x/sparql"),
    ("SELECT * { SeRvIcE SILENT <http://x/sparql> {} }", "http://x/sparql"),
    ("PREFIX e: <http://x/> SELECT * { SERVICE e:sparql {} }", "http://x/sparql"),
    ("BASE <http://x/> SELECT * { SERVICE <sparql> {} }", "http://x/sparql"),
    ("SELECT * { ?s ?p ?o OPTIONAL {SERVICE<http://x/sparql>{}} }", "http://x/sparql"),
    ("SELECT * {\n# comment\nSERVICE # a comment\n <http://x/sparql> {} }", "http://x/sparql"),
    ("LOAD <http://x/sparql>", "http://x/sparql"),
    ("load silent <http://x/sparql> into graph <http://g/>", "http://x/sparql"),
    ('INSERT DATA { <a:b> <c:d> "x" } ; LOAD <http://x/sparql>', "http://x/sparql"),
])
def test_detects_and_refuses(text, target):
    assert external_targets(text) == [target]
    with pytest.raises(DiplographError) as e:
        check_external_access(text)
    assert e.value.kind == "bad-input" and target in e.value.message
    check_external_access(text, allow=[target])
    check_external_access(text, allow=["http://x/"])


def test_variable_service_is_refused_even_with_allow_list():
    with pytest.raises(DiplographError):
        check_external_access("SELECT * { SERVICE ?ep { ?s ?p ?o } }", allow=["http://x/"])


def test_allow_list_is_exact_or_prefix():
    text = "SELECT * { SERVICE <http://x/sparql2> {} }"
    with pytest.raises(DiplographError):
        check_external_access(text, allow=["http://x/sparql"])


@pytest.mark.parametrize("text,form", [
    ("SELECT * {}", "select"),
    ("  # comment ASK\n PREFIX ex: <http://e/select> construct { ?s ?p ?o } WHERE {}", "construct"),
    ("BASE <http://x/> DESCRIBE <a>", "describe"),
    ("ask{}", "ask"),
    ("PREFIX ask: <http://e/> SELECT * {}", "select"),
])
def test_query_form(text, form):
    assert query_form(text) == form


@pytest.mark.parametrize("text", ["", "# only a comment", "INSERT DATA {}", "PREFIX x: <y:>"])
def test_query_form_refuses(text):
    with pytest.raises(DiplographError) as e:
        query_form(text)
    assert e.value.kind == "syntax"


def test_dataset_keywords():
    assert update_dataset_keywords("INSERT { ?s ?p ?o } USING NAMED <g:1> WHERE {}") == ["USING"]
    assert update_dataset_keywords('INSERT DATA { <a:b> <c:d> "WITH USING" }') == []
    assert has_dataset_clause("SELECT * FROM NAMED <g:x> {}")
    assert not has_dataset_clause("SELECT * { ?s ?p 'from' }")


def test_service_refused_over_http(client):
    r = client.get("/sparql", query_string={
        "query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 400 and b"not allowed" in r.data
    r = client.post("/update", data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"},
                    headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 400


def test_keyword_fast_exit_premise_escaped_keywords_do_not_parse():
    """``external_targets`` and friends skip texts whose keyword set lacks SERVICE/LOAD/FROM.
    That is sound only if a keyword cannot be written with a codepoint escape: the engine
    must refuse ``\\u0053ERVICE`` rather than read it as SERVICE."""
    import pyoxigraph as ox

    store = ox.Store()
    for text in ("SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                 "SELECT * \\u0046ROM <http://g/> { ?s ?p ?o }"):
        assert external_targets(text) == [] and not has_dataset_clause(text)
        with pytest.raises(SyntaxError):
            store.query(text)


@pytest.mark.parametrize("text,dataset,deterministic", [
    ("select * from <http://g/> { ?s ?p ?o }", True, True),
    ('SELECT * { ?s ?p "FROM NOW()" } # from <x> now()', False, True),
    ("SELECT (now() AS ?t) {}", False, False),
    ("PREFIX now: <http://e/> SELECT * { ?s now:x ?o }", False, True),
    ("SELECT ?now { BIND(1 AS ?now) }", False, True),
])
def test_dataset_and_determinism_checks(text, dataset, deterministic):
    from diplograph.graph.sparql_safety import is_deterministic

    assert has_dataset_clause(text) is dataset
    assert is_deterministic(text) is deterministic
    assert has_dataset_clause(text) is dataset  # memoised: the same answer again


def test_memoised_query_form_refuses_every_time():
    for _ in range(3):
        with pytest.raises(DiplographError):
            query_form("INSERT DATA {}")
    assert query_form("ask {}") == "ask" and query_form("ask {}") == "ask"
