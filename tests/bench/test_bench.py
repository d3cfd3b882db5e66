"""Smoke tests of the benchmark harness (bench/) at tiny sizes. No timing assertions."""

from __future__ import annotations

import io
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench import generate, loadgen, mixes, report  # noqa: E402

DG = "https://diplograph.org/ontology#"
PREFIXES = (f"PREFIX dg: <{DG}>\nPREFIX org: <http://www.w3.org/ns/org#>\n"
            "PREFIX oa: <http://www.w3.org/ns/oa#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")


def _nq(triples: int, seed: int) -> bytes:
    buf = io.StringIO()
    generate.write_nquads(buf, triples, seed)
    return buf.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    path = tmp_path_factory.mktemp("bench") / "tiny.nq"
    generate.generate_file(path, 2000, seed=3)
    store = ox.Store(str(path.parent / "store"))
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def test_generator_is_deterministic() -> None:
    a, b = _nq(2000, 5), _nq(2000, 5)
    assert a == b
    assert _nq(2000, 6) != a
    assert a.count(b"\n") >= 2000


def test_generated_data_parses_and_has_the_model_shape(tiny_store: ox.Store) -> None:
    def ask(q: str) -> bool:
        return bool(tiny_store.query(PREFIXES + q, use_default_graph_as_union=True))

    assert len(tiny_store) > 1500
    graphs = {g.value for g in tiny_store.named_graphs()}
    assert "https://diplograph.org/graph/registry" in graphs
    assert sum(g.startswith("https://diplograph.org/graph/source/") for g in graphs) >= 1
    assert not any(True for _ in tiny_store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    # labels in English and Vietnamese
    assert ask('ASK { ?s a dg:State ; rdfs:label ?en, ?vi FILTER(LANG(?en) = "en" && '
               'LANG(?vi) = "vi") }')
    # every fact has its provenance: document, quote, annotation with two selectors
    assert not ask("ASK { ?f a dg:Fact FILTER NOT EXISTS { ?f dg:statedIn ?d ; dg:quote ?q ; "
                   "dg:quoteStart ?s ; dg:quoteEnd ?e . ?a oa:hasBody ?f ; oa:hasTarget ?t . "
                   "?t oa:hasSelector ?qs, ?ps . ?qs a oa:TextQuoteSelector . "
                   "?ps a oa:TextPositionSelector } }")
    # facts live in their document's graph
    assert not ask("ASK { GRAPH ?g { ?f dg:statedIn ?d } "
                   "FILTER(STRAFTER(STR(?g), '/graph/source/') != STRAFTER(STR(?d), '/source/')) }")
    # memberships: member, organisation, role, dated start with precision and bounds
    assert ask("ASK { ?m a dg:Membership ; org:member ?s ; org:organization ?o ; org:role ?r ; "
               "dg:startDate ?d ; dg:startDatePrecision ?p ; dg:startDateEarliest ?lo ; "
               "dg:startDateLatest ?hi ; org:memberDuring ?i FILTER(?lo <= ?hi) }")
    for cls in ("DiplomaticRelation", "Agreement", "DiplomaticEvent", "TradeObservation"):
        assert ask(f"ASK {{ ?f a dg:{cls} }}"), cls
    assert ask("ASK { ?e a dg:DiplomaticEvent ; dg:participation ?r . ?r dg:actor ?a ; "
               "dg:participantRole ?pr }")


def test_mixes_are_valid_sparql_with_answers(tiny_store: ox.Store) -> None:
    params = mixes.sample_params(tiny_store, seed=1)
    assert params.states and params.orgs and params.documents
    for name in mixes.MIXES:
        reqs = mixes.build_mix(name, params, seed=1, n=60)
        sizes = mixes.expected_sizes(tiny_store, reqs)  # raises on a syntax error
        assert sizes
        floors = mixes.floors(tiny_store, reqs, per_kind=1)
        assert set(floors) == set(sizes)
    named = mixes.build_mix("named", params, seed=1, n=10)
    assert all(r.named and r.named.startswith("/queries/") for r in named)


class _Counter(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    count = 0
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802
        with _Counter.lock:
            _Counter.count += 1
        status = 500 if "fail" in self.path else 200
        body = b'{"boolean": true}'
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_load_generator_counts_against_a_local_server() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        port = server.server_address[1]
        targets = [("/sparql?query=ASK", "application/sparql-results+json"),
                   ("/sparql?query=fail", "application/sparql-results+json")]
        res = loadgen.run_cell(port, targets, concurrency=3, duration=0.8, warmup=0.2)
        assert res.completed > 0 and res.errors > 0
        assert res.statuses.get("200") == res.completed
        assert res.statuses.get("500") == res.errors
        # the server saw at least every measured request (plus warm-up ones)
        assert _Counter.count >= res.completed + res.errors
        assert res.rps == res.completed / 0.8
        assert 0 < res.p50_ms <= res.p99_ms
    finally:
        server.shutdown()
        server.server_close()


def test_report_renders(tmp_path: Path) -> None:
    doc = {
        "meta": {"size": "tiny", "date": "2026-01-01", "data": "synthetic", "quads": 2000,
                 "machine": {"nproc": 2, "cpu": "x", "mem_gb": 1}, "notes": ["busy"]},
        "load": [{"name": "oxigraph load", "seconds": 1.0, "quads_per_s": 2000,
                  "peak_rss_mb": 30.0, "returncode": 0, "note": ""},
                 {"name": "diplograph load", "seconds": 2.0, "quads_per_s": 1000,
                  "peak_rss_mb": 40.0, "returncode": 0, "note": ""}],
        "ceiling": [{"connections": 8, "rps": 10000.0, "p50_ms": 0.5}],
        "cells": [{"mix": "light", "concurrency": c, "server": s, "round": r, "rps": v,
                   "p50_ms": 1.0, "p99_ms": 3.0, "errors": 0}
                  for c in (1, 8) for s, v in (("oxigraph", 100.0), ("diplograph", 40.0))
                  for r in range(3)],
        "floors": {"light": {"label": 0.05}},
    }
    md = report.render(doc)
    assert "| light | 8 | diplograph | 40.0 | 0.40× |" in md
    assert "| diplograph load | 2.00 | 1,000 | 0.50× |" in md
    assert "note: busy" in md and "10,000 req/s" in md
    j, m = report.write(doc, tmp_path, "tiny")
    assert j.exists() and m.read_text(encoding="utf-8").startswith("# Benchmark: tiny")
    assert (tmp_path / "raw" / "tiny.json").exists()


def test_report_compares_cache_on_and_off() -> None:
    cells = [{"mix": "named", "concurrency": 8, "server": s, "round": r, "rps": v,
              "p50_ms": 1.0, "p99_ms": p99, "errors": 0,
              **({"cache_hits": 9, "cache_misses": 1} if s == "diplograph" else {})}
             for s, v, p99 in (("oxigraph", 100.0, 4.0), ("diplograph", 300.0, 2.0),
                               ("diplograph-nocache", 60.0, 8.0),
                               ("diplograph (/queries)", 240.0, 2.0),
                               ("diplograph-nocache (/queries)", 40.0, 8.0))
             for r in range(3)]
    rows = {r["server"]: r for r in report.summarise({"cells": cells})}
    assert rows["diplograph"]["ratio_rps"] == 3.0 and rows["diplograph"]["ratio_nocache"] == 5.0
    assert rows["diplograph (/queries)"]["ratio_nocache"] == 6.0
    assert rows["diplograph"]["cache_hit_rate"] == 0.9
    assert rows["diplograph"]["ratio_p99"] == 0.5 and rows["diplograph-nocache"]["ratio_p99"] == 2.0
    assert "ratio_nocache" not in rows["oxigraph"]
    md = report.render({"cells": cells})
    assert "| named | 8 | diplograph | 300.0 | 3.00× |" in md
    assert md.count("cache on vs off") == 2  # the column and its legend
    assert "| 5.00× | 90% |" in md


def test_diplograph_variants_start_with_cache_on_and_off(tmp_path: Path) -> None:
    """Real servers on a copy of the tiny store: the cache-off variant never hits."""
    from bench import servers

    if not servers.has_diplograph_serve():
        pytest.skip("diplograph serve is not available")
    src = tmp_path / "src"
    nq = tmp_path / "tiny.nq"
    generate.generate_file(nq, 1500, seed=4)
    ox.Store(str(src)).bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    ask = "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
    seen = {}
    for name, cache_mb in (("on", None), ("off", 0)):
        store = servers.copy_store(src, tmp_path / f"store-{name}")
        srv = servers.start_diplograph(store, tmp_path / f"{name}.log", cache_mb=cache_mb,
                                       name=name)
        try:
            for _ in range(6):
                assert servers.fetch(srv.port, ask, "application/sparql-results+json")[0] == 200
            seen[name] = srv.cache_stats()
        finally:
            srv.stop()
    # each worker process misses once at most (2 by default); /health sums them all
    assert seen["on"] is not None and seen["on"]["processes"] >= 1
    assert seen["on"]["hits"] >= 6 - seen["on"]["processes"] and seen["on"]["max_bytes"] > 0
    assert seen["off"] is not None and seen["off"]["hits"] == 0
    assert seen["off"]["max_bytes"] == 0


@pytest.fixture(scope="module")
def closed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny store on disk that no process holds open (children open it read-only)."""
    d = tmp_path_factory.mktemp("closed")
    generate.generate_file(d / "tiny.nq", 1500, seed=5)
    store = ox.Store(str(d / "store"))
    store.bulk_load(path=str(d / "tiny.nq"), format=ox.RdfFormat.N_QUADS)
    del store
    return d / "store"


def test_engine_ceiling_counts_answered_requests(closed_store: Path, tmp_path: Path) -> None:
    from bench import engine

    st = ox.Store.read_only(str(closed_store))
    reqs = mixes.build_mix("light", mixes.sample_params(st, seed=1), seed=1, n=20)
    del st
    r = engine.ceiling(closed_store, reqs, processes=2, threads=2, duration=0.5,
                       scratch=tmp_path)
    assert (r["processes"], r["threads"]) == (2, 2)
    assert r["done"] > 0 and 0.5 <= r["seconds"] < 5
    assert r["rps"] == pytest.approx(r["done"] / r["seconds"], rel=0.01)  # seconds rounded
    assert not list(tmp_path.glob("engine-requests-*.json"))  # the request file is removed


def test_engine_ceiling_fails_loudly_on_a_bad_store(tmp_path: Path) -> None:
    from bench import engine

    bad = [mixes.Request("ask", "ASK { ?s ?p ?o }")]
    with pytest.raises(RuntimeError, match="did not start"):
        engine.ceiling(tmp_path / "no-such-store", bad, 1, 1, 0.2, tmp_path)


def test_python_minimal_answers_like_pyoxigraph(closed_store: Path, tmp_path: Path) -> None:
    """The minimal server gives the same answers as pyoxigraph in process, and 400 on a
    syntax error."""
    from bench import servers

    st = ox.Store.read_only(str(closed_store))
    reqs = mixes.build_mix("light", mixes.sample_params(st, seed=2), seed=2, n=40)
    want = [mixes.expected_sizes(st, [r])[r.kind] for r in reqs]  # each request's own answer
    del st
    srv = servers.start_python_minimal(closed_store, tmp_path / "minimal.log")
    try:
        assert len(srv.pids()) >= 2  # the parent and one process per CPU
        got = []
        for r in reqs:
            status, body = servers.fetch(srv.port, r.target("/sparql"), r.accept)
            assert status == 200
            got.append(mixes.result_size(body, r.accept))
        assert got == want and any(got)
        status, body = servers.fetch(srv.port, "/sparql?query=SELEC", mixes.JSON)
        assert status == 400 and body
    finally:
        srv.stop()
    assert all(not psutil_alive(p) for p in srv.pids())


def psutil_alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def test_report_renders_the_engine_ceiling() -> None:
    cells = [{"mix": "light", "concurrency": c, "server": "oxigraph", "round": 0,
              "rps": 1000.0 * c, "p50_ms": 1.0, "p99_ms": 2.0, "errors": 0} for c in (8, 32)]
    engine = [{"mix": "light", "processes": 2, "threads": 1, "done": 10, "seconds": 1.0,
               "rps": 4000.0}]
    md = report.render({"cells": cells, "engine": engine})
    assert "## Engine ceiling" in md
    assert "| light | 2 process(es) × 1 thread(s) | 4,000.0 | 0.50× | 0.12× |" in md


def test_side_by_side_table_shows_the_median_of_per_round_ratios_and_cpu() -> None:
    from bench.side_by_side import table

    def cell(rps: float, rounds: list[float], ratios: list[float], cpu: float) -> dict:
        return {"rps": rps, "p50_ms": 1.0, "p99_ms": 9.0, "errors": 0, "rounds_rps": rounds,
                "ratio_per_round": ratios, "cpu_us_per_request": cpu}

    row = {"mix": "light", "concurrency": 8,
           "after": cell(300, [100, 300, 500], [0.1, 0.5, 0.9], 250),
           "oxigraph": cell(1000, [1000, 600, 560], [1, 1, 1], 100)}
    out = table([row], ["after", "oxigraph"]).strip().splitlines()
    assert out[0].startswith("| mix | c | after req/s | oxigraph req/s | after vs oxigraph |")
    assert out[2] == "| light | 8 | 300 | 1,000 | 0.50× | 9.0 / 9.0 | 250 / 100 |"


def test_hot_path_and_granian_floor_doctests() -> None:
    import doctest

    from bench import granian_floor, hot_path

    for mod in (hot_path, granian_floor):
        assert doctest.testmod(mod).failed == 0
