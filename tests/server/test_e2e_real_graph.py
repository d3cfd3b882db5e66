"""End to end on the real graph: the server process started on a copy of the full build
answers SPARQLWrapper and plain HTTP exactly as `diplograph query` does in-process."""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from diplograph.graph.named_queries import bind, get_query, substitutions
from diplograph.graph.query import run_query

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server_support import LiveServer  # noqa: E402

pytestmark = pytest.mark.e2e

QUERIES = [
    # memberships of Mongolia with their source and precision
    """SELECT ?org ?start ?prec ?doc WHERE { ?m org:member dgr:state\\/MNG ; org:organization ?org ;
         dg:statedIn ?doc . OPTIONAL { ?m dg:startDate ?start ; dg:startDatePrecision ?prec } }""",
    # the trade series with partial periods
    """SELECT ?o ?start ?end ?v ?partial WHERE { ?o a dg:TradeObservation ; dg:periodStart ?start ;
         dg:periodEnd ?end . OPTIONAL { ?o dg:valueUSD ?v } OPTIONAL { ?o dg:partialPeriod ?partial } }""",
    # every quote of the Vietnamese article
    """SELECT ?f ?q ?s ?e WHERE { ?f dg:statedIn dgr:source\\/vn-mn-relations-2023 ; dg:quote ?q ;
         dg:quoteStart ?s ; dg:quoteEnd ?e }""",
    # an aggregate over the COW data set
    """SELECT ?org (COUNT(?m) AS ?n) WHERE { GRAPH dgg:dataset\\/cow-igo-v3 { ?m org:organization ?org } }
       GROUP BY ?org ORDER BY DESC(?n) LIMIT 20""",
    "ASK { dgr:state\\/MNG skos:exactMatch wd:Q711 }",
    # a Wikidata Query Service query, unchanged
    "SELECT ?org ?start WHERE { wd:Q711 p:P463 ?st . ?st ps:P463 ?org ; pq:P580 ?start }",
]


def _rows(doc: dict) -> object:
    if "boolean" in doc:
        return doc["boolean"]
    return sorted(
        json.dumps({k: (v["type"], v["value"], v.get("datatype"), v.get("xml:lang"))
                    for k, v in b.items()}, sort_keys=True)
        for b in doc["results"]["bindings"]
    )


def _found(server: LiveServer, q: str, **params: str) -> list[str]:
    r = requests.get(f"{server.url}/search.json", params={"q": q, **params}, timeout=120)
    assert r.status_code == 200, r.text
    return [h["iri"] for h in r.json()["results"]]


#: the answer to the search the server was asked first (``real_server``)
FIRST_SEARCH: dict[str, list[str]] = {}


@pytest.fixture(scope="module")
def real_server(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server on a copy of the full build for the file. Its first request after the
    start's own readiness query is a search no indexed name holds (kept in ``FIRST_SEARCH``
    for ``test_a_search_read_by_the_matcher_is_answered_from_the_first_request``, which had a
    server of its own for it: docs/testing.md, "Session 15")."""
    dest = tmp_path_factory.mktemp("real") / "store"
    shutil.copytree(built_store_path, dest, ignore=shutil.ignore_patterns("LOCK"))
    server = LiveServer(dest, timeout=20.0)
    try:
        FIRST_SEARCH["Ceylon"] = _found(server, "Ceylon")
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("query", QUERIES)
def test_sparqlwrapper_matches_in_process(real_server: LiveServer, built_store: ox.Store, query: str) -> None:
    local = json.loads(run_query(built_store, query, fmt="json"))
    client = SPARQLWrapper(real_server.url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    remote = client.query().convert()
    assert _rows(remote) == _rows(local)
    assert local.get("boolean", True) is True
    if "results" in local:
        assert local["results"]["bindings"], "each query has answers"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("state-memberships", {"state": "Mông Cổ"}),
        ("trade-series", {"a": "Vietnam", "b": "Mongolia"}),
        ("agreements", {"party": "Mongolia", "year": "1991"}),
        ("events-in-range", {"from": "2019-11", "to": "2019-11"}),
        ("source-disagreements", {"member": "Mongolia"}),
        ("wikidata-qid", {"entity": "Holy See"}),
    ],
)
def test_named_queries_over_http_match_in_process(real_server: LiveServer, built_store: ox.Store,
                                                  name: str, args: dict[str, str]) -> None:
    q = get_query(name)
    local = json.loads(run_query(built_store, q.text, fmt="json", substitutions=substitutions(bind(q, args, store=built_store))))
    r = requests.get(f"{real_server.url}/queries/{name}", params=args,
                     headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.status_code == 200, r.text
    assert _rows(r.json()) == _rows(local)
    assert local["results"]["bindings"]


def test_entity_pages_answer_quickly_on_the_real_graph(real_server: LiveServer) -> None:
    for path in ("state/MNG", "org/UN", "source/vn-mn-relations-2023",
                 "fact/vn-mn-relations-2023/defence-minister-visit-2019"):
        r = requests.get(f"{real_server.url}/id/{path}", headers={"Accept": "text/html"}, timeout=30)
        assert r.status_code == 200 and r.url.endswith(f"/page/{path}"), (path, r.status_code)
        assert "diplograph" in r.text
        ttl = requests.get(f"{real_server.url}/id/{path}", headers={"Accept": "text/turtle"}, timeout=30)
        assert ttl.status_code == 200 and ttl.headers["Content-Type"].startswith("text/turtle")
        assert len(ox.Dataset(ox.parse(ttl.content, format=ox.RdfFormat.TURTLE))) > 5
    mng = requests.get(f"{real_server.url}/page/state/MNG", timeout=30).text
    assert "Mông Cổ" in mng and "Q711" in mng and "17/11/1954" in mng


def test_search_reads_a_name_the_index_lacks_with_the_linking_matcher(
        real_server: LiveServer) -> None:
    """One resolver (#12 point 1): an old name no label of the graph holds (`Ceylon`, Sri
    Lanka's name until 1972, ``linking/names/predecessors.yaml``) and a Vietnamese name of a
    body the graph has no label for are found through the matcher when the index finds
    nothing; a kind filter still applies, and a name nothing reads still finds nothing."""
    def found(q: str, **params: str) -> list[str]:
        r = requests.get(f"{real_server.url}/search.json", params={"q": q, **params}, timeout=60)
        assert r.status_code == 200, r.text
        return [h["iri"] for h in r.json()["results"]]

    assert found("Ceylon") == ["https://diplograph.org/id/state/LKA"]
    assert found("Tổ chức Hiệp ước Bắc Đại Tây Dương") == ["https://diplograph.org/id/org/NATO"]
    assert found("Ceylon", kind="organisation") == []
    assert found("Qwxzv Blorf") == []
    page = requests.get(f"{real_server.url}/search", params={"q": "Ceylon"},
                        headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 200 and "Sri Lanka" in page.text and "state/LKA" in page.text


def _matcher_lines(log: Path) -> list[bytes]:
    return [line for line in log.read_bytes().splitlines()
            if b"name matcher of generation" in line]


def test_a_search_read_by_the_matcher_is_answered_from_the_first_request(
        real_server: LiveServer) -> None:
    """#12, "every page ≤ 0.5 s": a search no indexed name holds is read by the linking
    matcher (server/search.py), which a worker used to make at the first such search (about
    2 s on the full graph). Now the builder of the start makes it once and every worker
    loads it when idle (server/search_index.py, "the name matcher"): a search asked as the
    very first request is answered right (it waits for the matcher or makes it, never says
    "no results"), and once the workers hold it no search makes or loads it again. The
    first request is the module's server's (``real_server``), asked before any test."""
    server = real_server
    assert FIRST_SEARCH["Ceylon"] == ["https://diplograph.org/id/state/LKA"]  # the first request
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        log = server.log.read_bytes()
        if re.search(rb"name matcher of generation 0 (made|reused) for the workers", log) and \
                len(_matcher_lines(server.log)) >= 3:  # the builder's, and each worker's
            break
        time.sleep(0.2)
    lines = _matcher_lines(server.log)
    # made by this start's builder, or reused as an earlier start on the same data kept it
    assert any(b"made for the workers" in x or b"reused for the workers" in x
               for x in lines), lines
    assert any(b"loaded as the builder made it" in x for x in lines), lines
    for _ in range(4):  # both workers, whichever answers
        assert _found(server, "Ceylon") == ["https://diplograph.org/id/state/LKA"]
        assert _found(server, "Tổ chức Hiệp ước Bắc Đại Tây Dương") == [
            "https://diplograph.org/id/org/NATO"]
    assert _matcher_lines(server.log) == lines  # none made or loaded again
    assert b"could not be" not in server.log.read_bytes()
