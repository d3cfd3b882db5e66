"""What a write touched (graph/changes.py): for a data-only update, a superset of the subjects and
objects of every quad it changes in a real store; for anything else, "unknown" (None)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from diplograph.graph.changes import (
    DEFAULT_GRAPH,
    predicate_marker,
    touched_graphs,
    touched_terms,
)

BEFORE = """PREFIX ex: <http://e/>
INSERT DATA { ex:a ex:p ex:b . GRAPH ex:g { ex:c ex:q "x"@en . ex:d a ex:C } }"""

DATA_ONLY = [
    "PREFIX ex: <http://e/> INSERT DATA { GRAPH ex:g2 { ex:n ex:p ex:a, 1, true, -2.5e3 } }",
    "PREFIX ex: <http://e/> DELETE DATA { GRAPH ex:g { ex:c ex:q \"x\"@en } }",
    "PREFIX ex: <http://e/> DELETE DATA { ex:a ex:p ex:b } ; INSERT DATA { ex:a ex:p ex:z }",
    "BASE <http://e/> INSERT DATA { <rel> <p> <a> }",
    "PREFIX : <http://e/> INSERT DATA { :x\\#y :p [ :q :r ] }",
    "INSERT DATA { <http://e/a> <http://e/p> \"}\" } # a comment with DELETE WHERE",
    "PREFIX ex: <http://e/>\nINSERT DATA { ex:d a ex:D }",
]

UNKNOWN = [
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://e/> WITH ex:g DELETE { ex:c ex:q ?o } WHERE { ex:c ex:q ?o }",
    "CLEAR ALL",
    "DROP GRAPH <http://e/g>",
    "LOAD <http://e/x>",
    "COPY <http://e/g> TO <http://e/h>",
    "INSERT DATA { <http://e/a> <http://e/p> 1 } ; DELETE WHERE { ?s ?p ?o }",
    "INSERT DATA { <http://e/a> <http://e/p> 1 } ; CLEAR ALL",
    "DELETEWHERE:x{}",
    "INSERT DATA { <http://e/a> <http://e/p> ?o }",
    "INSERT DATA { <http://e/a> <http://e/p> }",  # a syntax error: the engine refuses it
    "INSERT { <http://e/a> <http://e/p> 1 } WHERE {}",
]


def _quads(store: ox.Store) -> set[ox.Quad]:
    return set(store)


@pytest.mark.parametrize("update", DATA_ONLY)
def test_data_updates_name_every_changed_term(update: str) -> None:
    store = ox.Store()
    store.update(BEFORE)
    before = _quads(store)
    store.update(update, base_iri="http://e/")
    changed = before ^ _quads(store)
    assert changed, "each case changes the store"
    touched = touched_terms(update, "http://e/")
    assert touched is not None
    for q in changed:
        for node in (q.subject, q.object):
            if isinstance(node, ox.NamedNode):
                assert node.value in touched, (node, touched)
        assert predicate_marker(q.predicate.value) in touched


@pytest.mark.parametrize("update", UNKNOWN)
def test_other_updates_are_unknown(update: str) -> None:
    assert touched_terms(update, "http://e/") is None


def test_large_texts_are_unknown() -> None:
    triples = " ".join(f"<http://e/s{i}> <http://e/p> {i} ." for i in range(25_000))
    assert touched_terms(f"INSERT DATA {{ {triples} }}") is None


#: updates and the graphs their text says they may change
GRAPH_UPDATES = [
    ("DELETE WHERE { GRAPH <http://e/g> { ?s ?p ?o } }", {"http://e/g"}),
    ("PREFIX ex: <http://e/> WITH ex:g DELETE { ex:c ex:q ?o } WHERE { ex:c ex:q ?o }",
     {"http://e/g"}),
    ("PREFIX ex: <http://e/> DELETE { GRAPH ex:g { ?s a ?c } } INSERT { GRAPH ex:h { ?s a ?c } "
     "?s ex:was ?c } USING NAMED ex:g WHERE { GRAPH ex:g { ?s a ?c } }",
     {"http://e/g", "http://e/h", DEFAULT_GRAPH}),
    ("INSERT { ?s <http://e/seen> true } WHERE { GRAPH ?g { ?s ?p ?o } }", {DEFAULT_GRAPH}),
    ("DELETE WHERE { ?s ?p ?o }", {DEFAULT_GRAPH}),
    ("CLEAR GRAPH <http://e/g> ; DROP SILENT DEFAULT", {"http://e/g", DEFAULT_GRAPH}),
    ("CREATE GRAPH <http://e/new>", set()),
    ("COPY <http://e/g> TO GRAPH <http://e/h>", {"http://e/h"}),
    ("MOVE GRAPH <http://e/g> TO DEFAULT", {"http://e/g", DEFAULT_GRAPH}),
    ("ADD DEFAULT TO <http://e/h>", {"http://e/h"}),
    ("PREFIX ex: <http://e/> INSERT DATA { GRAPH ex:g { ex:n ex:p [ ex:q ex:r ] } . ex:a ex:p 1 }",
     {"http://e/g", DEFAULT_GRAPH}),
    ("# DROP ALL\nINSERT { GRAPH <http://e/g> { ?s ?p \"GRAPH ?g\" } } WHERE { ?s ?p ?o }",
     {"http://e/g"}),
]

GRAPHS_UNKNOWN = [
    "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "CLEAR ALL", "DROP NAMED", "DROP GRAPH <relative>", "LOAD <http://e/x> INTO GRAPH ?g",
    "PREFIX ex: <http://e/> WITH nope:g DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o }", "INSERT { ?s ?p ?o }",
]


def _by_graph(store: ox.Store) -> dict[str, set[ox.Quad]]:
    out: dict[str, set[ox.Quad]] = {}
    for q in store:
        g = DEFAULT_GRAPH if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.setdefault(g, set()).add(q)
    return out


@pytest.mark.parametrize(("update", "graphs"), GRAPH_UPDATES)
def test_the_graphs_an_update_changes_are_read_from_its_text(update: str,
                                                              graphs: set[str]) -> None:
    """What the search index reads again after a write that does not say which terms it
    touched: every graph whose quads the update changes in a real store is among them."""
    assert touched_graphs(update) == graphs
    store = ox.Store()
    store.update(BEFORE + " ; INSERT DATA { GRAPH <http://e/h> { <http://e/h1> a <http://e/C> } }")
    before = _by_graph(store)
    store.update(update)
    after = _by_graph(store)
    changed = {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}
    assert changed <= graphs


@pytest.mark.parametrize("update", GRAPHS_UNKNOWN)
def test_an_update_whose_graphs_are_not_named_is_unknown(update: str) -> None:
    assert touched_graphs(update) is None
