"""Issue 15, point 5: errors a person can act on.

Parser errors came through raw: an undeclared prefix said "expected OPTIONAL" or printed
lines of Unicode ranges. Now they name the problem in words (graph/sparql_errors.py) with
line and column, the same in the endpoint, the CLI and the named-query API; and every face
takes the status of an error kind from one map (graph/errors.STATUS).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "tests" / "server") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests" / "server"))

from server_support import AUTH, make_app  # noqa: E402

from diplograph.graph.errors import STATUS, DiplographError, status_for  # noqa: E402
from diplograph.graph.namespaces import QUERY_PREFIXES  # noqa: E402
from diplograph.graph.sparql_errors import syntax_error  # noqa: E402

#: (query, the words its message must have, line, column)
CASES = [
    ("SELECT * WHERE { ?s dgs:x ?o }",
     ["unknown prefix 'dgs:'", "(did you mean 'dg:'?)", "predefined here: ", "dgr:", "wdt:",
      "PREFIX dgs: <…>"], 1, 21),
    ("SELECT ?s (COUNT(*) AS ?n) WHERE {\n  ?s ?p ?o\n} GROUP BY ?p",
     ["?s is selected but neither grouped nor aggregated", "GROUP BY", "SAMPLE(?s)"], 1, 8),
    ("SELECT ?p WHERE {\n  { SELECT ?s (MAX(?o) AS ?m) WHERE { ?s ?p ?o } }\n}",
     ["?s is selected but neither grouped nor aggregated"], 2, 12),
    ("SELECT * WHERE {\n  ?s ?p ?o .\n  OPTIONAL { ?s ?q ?r \n}",
     ["unbalanced '{'", "never closed", "'}' is missing"], 1, 16),
    ("SELECT * WHERE { ?s ?p ?o } }", ["unbalanced '}'", "no '{' to close"], 1, 29),
    ("SELECT * WHERE { FILTER((?o > 1) }", ["unbalanced '}'", "'(' before it"], 1, 34),
    ("SELECT ?x WHERE { ?s ?p ?o . BIND(1 AS ?o) }",
     ["BIND assigns ?o", "already binds"], 1, 40),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 1 x", ["unexpected 'x'"], 1, 37),
]


def _parser_error(query: str) -> SyntaxError:
    try:
        ox.Store().query(query, prefixes=QUERY_PREFIXES)
    except SyntaxError as e:
        return e
    raise AssertionError(f"pyoxigraph parsed {query!r}")


@pytest.mark.parametrize("query,words,line,column", CASES)
def test_message_in_words(query: str, words: list[str], line: int, column: int) -> None:
    e = syntax_error(_parser_error(query), query)
    assert e.kind == "syntax" and e.status == 400
    assert e.message.startswith(f"SPARQL syntax error at line {line}, column {column}: ")
    for w in words:
        assert w in e.message
    assert "\\u{" not in e.message and "expected OPTIONAL" not in e.message
    # the line itself, and a caret under the column
    assert e.details[0] == f"line {line}: " + query.split("\n")[line - 1]
    assert e.details[1] == " " * (len(f"line {line}: ") + column - 1) + "^"


def test_valid_prefix_less_query_runs() -> None:
    """The predefined prefixes are declared for the parser: no error to explain."""
    ox.Store().query("SELECT * WHERE { ?s a dg:State ; rdfs:label ?l }", prefixes=QUERY_PREFIXES)


def test_update_errors_list_no_predefined_prefixes() -> None:
    text = "INSERT DATA { dgs:a dgs:b 1 }"
    with pytest.raises(SyntaxError) as raw:
        ox.Store().update(text)
    e = syntax_error(raw.value, text, prefixes={}, what="SPARQL Update")
    assert e.message == ("SPARQL Update syntax error at line 1, column 15: unknown prefix "
                         "'dgs:': declare it with PREFIX dgs: <…>")


# ------------------------------------------------------------------ every face


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    queries = tmp_path_factory.mktemp("queries")
    (queries / "broken.rq").write_text(
        "#+ title: Broken\n#+ description: a named query with a syntax error\n"
        "SELECT ?s (COUNT(*) AS ?n) WHERE {\n  ?s a dg:State\n}\n")
    app = make_app(tmp_path_factory.mktemp("s") / "store", DIPLOGRAPH_QUERIES_DIR=str(queries))
    yield app.test_client()
    app.extensions["diplograph"].close()


@pytest.mark.parametrize("query,words,line,column", CASES[:4])
def test_endpoint(client, query: str, words: list[str], line: int, column: int) -> None:
    r = client.get("/sparql", query_string={"query": query},
                   headers={"Accept": "application/json"})
    assert r.status_code == 400
    body = json.loads(r.data)
    assert body["error"] == "syntax" and body["status"] == 400
    assert f"at line {line}, column {column}: " in body["message"]
    assert all(w in body["message"] for w in words)
    assert body["details"][1].endswith("^")
    r = client.post("/sparql", data={"query": query})  # plain text: message, line, caret
    assert r.status_code == 400 and r.mimetype == "text/plain"
    text = r.data.decode()
    assert text.splitlines()[0] == body["message"] and text.rstrip().endswith("^")


def test_update_endpoint(client) -> None:
    r = client.post("/update", data={"update": "INSERT DATA {\n  dgs:a dgs:b 1 }"}, headers=AUTH)
    assert r.status_code == 400
    assert r.data.decode().splitlines() == [
        "SPARQL Update syntax error at line 2, column 3: unknown prefix 'dgs:': declare it with "
        "PREFIX dgs: <…>", "line 2:   dgs:a dgs:b 1 }", " " * 10 + "^"]


def test_named_query_api(client) -> None:
    r = client.get("/queries/broken", headers={"Accept": "application/json"})
    assert r.status_code == 400
    body = json.loads(r.data)
    assert "line 3, column 8: ?s is selected but neither grouped" in body["message"]


def test_named_query_page_is_4xx(client) -> None:
    r = client.get("/queries/broken", headers={"Accept": "text/html"})
    assert r.status_code == 400
    assert "neither grouped nor aggregated" in r.data.decode()


def test_cli(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.add(ox.Quad(ox.NamedNode("http://a/"), ox.NamedNode("http://b/"), ox.Literal("c"),
                      ox.NamedNode("http://g/")))
    store.flush()
    del store
    env = {**os.environ, "DIPLOGRAPH_STORE": str(tmp_path / "store")}
    proc = subprocess.run([sys.executable, "-m", "diplograph", "query",
                           "SELECT * WHERE {\n  ?s dgs:x ?o\n}"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("error: SPARQL syntax error at line 2, column 6: unknown prefix "
                               "'dgs:'")
    assert lines[1:] == ["line 2:   ?s dgs:x ?o", " " * 13 + "^"]


# ------------------------------------------------------------------ one status map


def test_one_status_map() -> None:
    assert status_for("syntax") == 400 and status_for("not-acceptable") == 406
    assert status_for("nope") == 500
    assert DiplographError("timeout", "t").status == 503
    from diplograph.server import errors

    assert errors.STATUS is STATUS and errors.status_for is status_for


def test_reconciliation_statuses_come_from_the_map(client) -> None:
    r = client.get("/reconcile", query_string={"queries": "[1, 2]"})
    assert r.status_code == 400 and json.loads(r.data)["error"] == "bad-input"
