"""Issue 14, defect 2 (first half): over-nested and over-long texts never reach the engine.

``ASK{`` + 3,000 × ``{`` + 3,000 × ``}`` + ``}`` (7.5 KB) overflowed pyoxigraph's stack and
killed the worker (three of them took the service down). Such texts now get a 400 that says
how deep they nest and what the limit is, before the engine sees them; the bounds are well
under the engine's (measured: ~2,100 nested groups, ~4,500 parentheses, ~2,500 MINUS).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "tests" / "server") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests" / "server"))

from server_support import AUTH, LiveServer, fill_store, make_app  # noqa: E402

from diplograph.graph.errors import DiplographError  # noqa: E402
from diplograph.graph.sparql_safety import Limits, analyze, check_limits  # noqa: E402

GROUPS = "ASK{" + "{" * 3000 + "}" * 3000 + "}"
#: shapes that overflow the engine's stack, each well past its limit here
DEEP = {
    "groups": GROUPS,
    "parentheses": "ASK{FILTER(" + "(" * 6000 + "1" + ")" * 6000 + ")}",
    "union": "ASK{" + " UNION ".join(["{}"] * 7000) + "}",
    "or": "ASK{FILTER(" + "||".join(["true"] * 9000) + ")}",
    "plus": "ASK{FILTER(" + "+".join(["1"] * 7000) + " > 0)}",
    "minus": "ASK{" + "MINUS{} " * 3000 + "}",
    "subqueries": "ASK{" + "{SELECT * WHERE " * 2500 + "{}" + "}" * 2500 + "}",
}


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[object]:
    app = make_app(tmp_path / "store")
    yield app.test_client()
    app.extensions["diplograph"].close()


def test_the_engine_dies_on_the_reported_query() -> None:
    """The premise: 3,000 nested groups kill the process that evaluates them."""
    code = ("import sys, threading, pyoxigraph as ox\n"
            "t = threading.Thread(target=lambda: ox.Store().query(sys.stdin.read()))\n"
            "t.start(); t.join()\n")
    proc = subprocess.run([sys.executable, "-c", code], input=GROUPS, text=True,
                          capture_output=True, timeout=120)
    assert proc.returncode != 0


@pytest.mark.parametrize("shape", sorted(DEEP))
def test_deep_and_long_shapes_are_refused(shape: str) -> None:
    with pytest.raises(DiplographError) as e:
        check_limits(DEEP[shape])
    assert e.value.kind == "bad-input"
    assert "the limit is" in e.value.message


def test_message_says_how_deep_and_the_limit() -> None:
    with pytest.raises(DiplographError) as e:
        check_limits(GROUPS)
    assert e.value.message == "the query nests 3,001 levels of { ( [ deep; the limit is 200"


def test_real_queries_stay_within_the_defaults() -> None:
    """Every named query of the project, and a deep but sane one, pass."""
    from diplograph.graph.named_queries import list_queries

    for q in list_queries():
        check_limits(q.text)
    check_limits("ASK{" + "{" * 150 + "}" * 150 + "}")
    check_limits("SELECT * { VALUES ?x { " + " ".join(map(str, range(50_000))) + " } }")


def test_brackets_in_strings_iris_and_comments_do_not_count() -> None:
    text = ('SELECT * { ?s ?p "' + "{" * 500 + '" . ?s ?p \'' + "(" * 500 + "' }\n# "
            + "[" * 500)
    assert analyze(text).depth == 1
    check_limits(text)


def test_the_count_is_not_fooled_by_a_misread_string() -> None:
    """A text the lexer cannot read (a bad escape in a string) is counted on every bracket
    of the raw text: what the engine makes of it cannot be deeper than that."""
    text = 'ASK { FILTER("a\\q' + "(" * 300 + '") }'
    with pytest.raises(DiplographError):
        check_limits(text)


def test_long_texts_take_the_fast_path_with_the_same_counts() -> None:
    """Over 20,000 characters the counts come from one regular-expression pass; they agree
    with the token-by-token counts."""
    from diplograph.graph.sparql_safety import _analyze, _analyze_long

    body = ('?s <p:q> "x{(" . FILTER(?a > 1 || ?b != "}") OPTIONAL { ?s <p:r> ?o } '
            "# a ( comment\n")
    text = "PREFIX p: <urn:p:> SELECT * { " + body * 300 + " }"
    assert len(text) > 20_000
    short, long = _analyze(text), _analyze_long(text)
    assert (short.form, short.depth, short.operators) == (long.form, long.depth, long.operators)


def test_limits_are_configurable() -> None:
    with pytest.raises(DiplographError):
        check_limits("ASK{{{{}}}}", Limits(max_depth=3))
    check_limits(GROUPS, Limits(max_depth=5000))


def test_over_http_query_and_update(client) -> None:  # noqa: ANN001
    r = client.post("/sparql", data=GROUPS.encode(),
                    headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400 and b"3,001 levels" in r.data
    deep_update = "INSERT { <urn:x:a> <urn:x:b> 1 } WHERE " + "{" * 3000 + "}" * 3000
    r = client.post("/update", data={"update": deep_update}, headers=AUTH)
    assert r.status_code == 400 and b"the update nests" in r.data
    r = client.get("/sparql", query_string={"query": DEEP["union"]})
    assert r.status_code == 400 and b"operators" in r.data


def test_settings_change_the_bounds(tmp_path: Path) -> None:
    fill_store(tmp_path / "store")
    app = make_app(tmp_path / "store", DIPLOGRAPH_MAX_QUERY_DEPTH=3,
                   DIPLOGRAPH_MAX_QUERY_OPERATORS=2)
    try:
        c = app.test_client()
        assert c.get("/sparql", query_string={"query": "ASK{{{}}}"}).status_code == 200
        r = c.get("/sparql", query_string={"query": "ASK{{{{}}}}"})
        assert r.status_code == 400 and b"the limit is 3" in r.data
        r = c.get("/sparql", query_string={"query": "ASK{FILTER(1+1+1>0)}"})
        assert r.status_code == 400 and b"the limit is 2" in r.data
    finally:
        app.extensions["diplograph"].close()


def test_cli_query_refuses(tmp_path: Path) -> None:
    from diplograph.cli import main

    store = tmp_path / "store"
    fill_store(store)
    r = CliRunner().invoke(main, ["query", "--store", str(store), GROUPS])
    assert r.exit_code != 0 and "3,001 levels" in r.output


@pytest.mark.e2e
def test_the_server_survives_the_reported_requests(tmp_path: Path) -> None:
    """Before: each request killed a worker, and three took the service down."""
    store = tmp_path / "store"
    fill_store(store)
    server = LiveServer(store)
    try:
        for shape in ("groups", "groups", "groups", "parentheses", "minus", "subqueries"):
            r = requests.post(server.url + "/sparql", data=DEEP[shape].encode(),
                              headers={"Content-Type": "application/sparql-query"}, timeout=30)
            assert r.status_code == 400, (shape, r.status_code)
        r = requests.post(server.url + "/update", headers={**AUTH, "Content-Type":
                          "application/sparql-update"}, data=("INSERT DATA {} ;" + GROUPS[3:]
                                                              ).encode(), timeout=30)
        assert r.status_code == 400
        r = requests.get(server.url + "/sparql", params={"query": "ASK {}"}, timeout=30)
        assert r.status_code == 200
        assert "Unexpected exit" not in server.log.read_text()
    finally:
        server.stop()
