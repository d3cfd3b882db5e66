"""Checkpoints shared between services, thread isolation, and the serving lock.

Two QueryService instances on one store stand for two worker processes of the server: one
publishes the checkpoints (as ``server/run.py`` does before it starts its workers), the other
is ``prepared`` and only reads what is published.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from diplograph.graph.checkpoints import Checkpoints, check_not_served
from diplograph.graph.errors import DiplographError
from diplograph.graph.executor import QueryService
from diplograph.graph.store import open_store
from diplograph.server.store_ops import StoreService

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: about 3 s in pyoxigraph over 300 triples: past a 0.5 s limit, then it ends by itself
CROSS_JOIN_3 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def count(qs: QueryService) -> int:
    body = json.loads(qs.query(COUNT).body)
    return int(body["results"]["bindings"][0]["n"]["value"])


@pytest.fixture()
def pair(tmp_path: Path):
    owner = StoreService(tmp_path / "store", isolation="thread", workers=2, timeout=5)
    other = StoreService(tmp_path / "store", isolation="thread", workers=2, timeout=5,
                         prepared=True)
    yield owner, other
    other.close()
    owner.close()


def test_a_write_in_one_service_is_seen_by_the_other(pair) -> None:
    owner, other = pair
    assert count(owner) == count(other) == 0
    g0 = other.generation
    other.update("INSERT DATA { <http://e/a> <http://e/p> 1 }")  # written by the reader
    assert owner.generation == other.generation == g0 + 1
    assert count(owner) == count(other) == 1
    owner.update("INSERT DATA { <http://e/b> <http://e/p> 2 }")
    assert count(other) == 2


def test_a_write_elsewhere_clears_the_response_cache(pair) -> None:
    """The response cache of one process (server/front.py) over ``other``: a write made by
    ``owner`` (another process) empties it before the next answer."""
    from werkzeug.test import EnvironBuilder

    from diplograph.server.front import Front

    owner, other = pair
    front = Front(lambda environ, start: [], other, cache_bytes=2**20)

    def get() -> int:
        env = EnvironBuilder(path="/sparql", query_string={"query": COUNT}).get_environ()
        body = b"".join(front(env, lambda status, headers, exc=None: None))
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    assert get() == 0
    assert get() == 0
    assert front.cache.stats()["hits"] == 1
    owner.update("INSERT DATA { <http://e/a> <http://e/p> 1 }")
    assert get() == 1  # not the cached 0


def test_graph_store_reads_follow_the_newest_checkpoint(pair) -> None:
    owner, other = pair
    assert other.put_graph("http://e/g", b"<http://e/s> <http://e/p> 1 .", "text/turtle")
    assert owner.has_graph("http://e/g")
    assert b"http://e/s" in (owner.get_graph("http://e/g") or b"")
    assert owner.delete_graph("http://e/g") is True
    assert not other.has_graph("http://e/g")
    assert other.delete_graph("http://e/g") is False


def test_superseded_checkpoints_are_swept(tmp_path: Path) -> None:
    cps = Checkpoints(tmp_path / "store", keep_seconds=0.0)
    cps.prepare()
    first = cps.current().path
    for i in range(3):
        time.sleep(0.01)
        cps.write(lambda store, i=i: store.update(f"INSERT DATA {{ <http://e/{i}> <http://e/p> {i} }}"))
    assert cps.current().generation == 3
    left = sorted(p.name for p in cps.root.iterdir() if p.name[:1].isdigit())
    assert not Path(first).exists()
    assert len(left) <= 2 and left[-1] == Path(cps.current().path).name


def test_a_failed_write_changes_nothing(pair) -> None:
    owner, other = pair
    with pytest.raises(DiplographError) as e:
        other.update("INSERT DATA { <http://e/a> <http://e/p> 1 } ; NOT SPARQL")
    assert e.value.kind == "syntax"
    assert count(owner) == 0
    other.update("INSERT DATA { <http://e/a> <http://e/p> 1 }")  # the store was released
    with pytest.raises(DiplographError):
        other.put_graph("http://e/g", b"not turtle at all <", "text/turtle")
    with pytest.raises(DiplographError):
        other.update("DROP GRAPH <http://e/absent>")  # fails in the engine
    owner.update("INSERT DATA { <http://e/b> <http://e/p> 1 }")
    assert count(other) == 2


def test_serving_lock_refuses_a_second_service_and_cli_writes(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with QueryService(store, isolation="thread", workers=1):
        with pytest.raises(DiplographError, match="another diplograph service"):
            QueryService(store, isolation="thread", workers=1)
        with pytest.raises(DiplographError, match="being served"):
            open_store(store)
        with pytest.raises(DiplographError, match="being served"):
            check_not_served(store)
        open_store(store, read_only=True)  # reading beside the service is fine
    open_store(store)  # released on close
    assert not Path(str(store) + ".snapshots").exists()


def test_thread_isolation_timeout_calls_on_overrun(tmp_path: Path) -> None:
    overruns: list[int] = []
    with QueryService(tmp_path / "store", isolation="thread", workers=2, timeout=0.5) as qs:
        qs.on_overrun = lambda: overruns.append(os.getpid())
        triples = " ".join(f"<http://e/{i}> <http://e/p> {i} ." for i in range(300))
        # written in this process: an update's child process may take longer than the 0.5 s
        # limit to start on a loaded machine, and the limit under test is the query's
        qs.write(lambda store: store.update(f"INSERT DATA {{ {triples} }}"))
        t = time.perf_counter()
        with pytest.raises(DiplographError) as e:
            qs.query(CROSS_JOIN_3)
        elapsed = time.perf_counter() - t
        assert e.value.kind == "timeout" and "0.5 s" in e.value.message
        assert 0.45 <= elapsed < 1.5
        assert overruns == [os.getpid()]
        # the other thread still answers while the runaway one finishes
        t = time.perf_counter()
        assert json.loads(qs.query("ASK { <http://e/1> ?p ?o }").body)["boolean"] is True
        assert time.perf_counter() - t < 0.5


def test_isolation_is_checked(tmp_path: Path) -> None:
    with pytest.raises(DiplographError, match="isolation"):
        QueryService(tmp_path / "store", isolation="fibre")
