"""Incremental builds, data-set selection, refused data sets, and `build`/`load` while the real
server serves the store (#17)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from diplograph.graph.errors import DiplographError
from diplograph.loaders.build import BUILD_GRAPH, build, recorded
from diplograph.loaders.registry import default_data_dir

from ..conftest import SOURCES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from server_support import LiveServer  # noqa: E402

VI = "000_68460debbf1317d8"
VI_GRAPH = "https://diplograph.org/graph/source/vn-mn-relations-2023"
MAJORS = "https://diplograph.org/graph/dataset/cow-majors"
CAPITALS = "https://diplograph.org/graph/dataset/cow-capitals"
CLI = [sys.executable, "-m", "diplograph"]


def _count(store: ox.Store, graph: str) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def _sources(dest: Path) -> Path:
    dest.mkdir()
    for suffix in (".txt", ".facts.yaml"):
        shutil.copy(SOURCES / f"{VI}{suffix}", dest / f"{VI}{suffix}")
    return dest


def test_second_build_skips_everything_and_force_rebuilds(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "s"))
    src = _sources(tmp_path / "src")
    first = build(store, sources=src, datasets=["cow-majors"])
    assert not first.failures and not first.skipped
    assert {"cow-majors: COW major powers (State System Membership v2016)"} <= set(first.rebuilt)
    fps = recorded(store)
    assert fps["dataset cow-majors"][0] == MAJORS and len(fps["dataset cow-majors"][1]) == 64
    second = build(store, sources=src, datasets=["cow-majors"])
    assert second.steps == [] and len(second.skipped) == len(first.steps)
    # a changed input (the facts file) rebuilds its graph and the view that depends on it, only
    text = (src / f"{VI}.facts.yaml").read_text(encoding="utf-8")
    (src / f"{VI}.facts.yaml").write_text(text + "\n# touched\n", encoding="utf-8")
    third = build(store, sources=src, datasets=["cow-majors"])
    assert sorted(third.rebuilt) == sorted(
        [f"facts {VI}.facts.yaml", "Wikidata-shaped view of the facts and reference data"])
    forced = build(store, sources=src, datasets=["cow-majors"], force=True)
    assert len(forced.steps) == len(first.steps) and not forced.skipped
    with pytest.raises(DiplographError) as err:
        build(store, sources=src, datasets=["no-such-set"])
    assert err.value.kind == "not-found" and "cow-majors" in err.value.message


def test_a_refused_data_set_keeps_its_graph_and_the_others_load(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data, ignore=shutil.ignore_patterns("__pycache__"))
    store = ox.Store(str(tmp_path / "s"))
    src = _sources(tmp_path / "src")
    assert not build(store, sources=src, data_dir=data, datasets=["cow-majors"]).failures
    before = _count(store, MAJORS)
    assert before > 0
    majors = data / "peace-science" / "cow_majors.csv"
    lines = majors.read_text(encoding="utf-8").splitlines()
    cells = lines[4].split(",")
    cells[1] = "19x6"  # styear of CSV line 5
    lines[4] = ",".join(cells)
    majors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build(store, sources=src, data_dir=data, datasets=["cow-majors", "cow-capitals"])
    assert len(report.failures) == 1
    msg = str(report.failures[0])
    assert "peace-science/cow_majors.csv:5: styear: '19x6' is not a whole number" in msg
    assert _count(store, MAJORS) == before, "the refused data set's graph stays as it was"
    assert _count(store, CAPITALS) > 0, "the other data set loads"
    # the refused set is not recorded as current: fixing the file rebuilds it
    cells[1] = "1900"
    lines[4] = ",".join(cells)
    majors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = build(store, sources=src, data_dir=data, datasets=["cow-majors", "cow-capitals"])
    assert not again.failures
    assert any(name.startswith("cow-majors") for name in again.rebuilt)
    assert not any(name.startswith("cow-capitals") for name in again.rebuilt)


def _run(*args: str, store: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    return subprocess.run([*CLI, *args, "--store", str(store)], capture_output=True, text=True,
                          env=env, timeout=600, check=False)


def _ask(server: LiveServer, query: str) -> int:
    r = requests.get(server.url + "/sparql", params={"query": query},
                     headers={"Accept": "text/csv"}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.text.splitlines()[1])


def test_load_and_build_while_the_server_runs(tmp_path: Path) -> None:
    """`diplograph load` and `diplograph build` write through the service's write lock and
    publish a checkpoint: the next query of the running server sees the change; a refused facts
    file changes nothing, on disk or in the server."""
    store = tmp_path / "store"
    src = _sources(tmp_path / "src")
    done = _run("build", "--no-datasets", "--sources", str(src), "-q", store=store)
    assert done.returncode == 0, done.stderr
    server = LiveServer(store)
    try:
        count_vi = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{VI_GRAPH}> {{ ?s ?p ?o }} }}"
        before = _ask(server, count_vi)
        assert before > 1000
        current = store.with_name(store.name + ".snapshots") / "CURRENT"
        generation = current.read_text()

        # a refused file: exit 1, the file and line named, nothing published, nothing changed
        bad = tmp_path / "bad.facts.yaml"
        bad.write_text("format: diplograph-facts/1\nfacts: [\n", encoding="utf-8")
        refused = _run("load", str(bad), store=store)
        assert refused.returncode == 1 and "bad.facts.yaml:3" in refused.stderr
        assert current.read_text() == generation
        assert _ask(server, count_vi) == before

        # a valid file with one fact fewer: loaded into the running server, seen by the next query
        text = (src / f"{VI}.facts.yaml").read_text(encoding="utf-8")
        shutil.copy(src / f"{VI}.txt", tmp_path / f"{VI}.txt")
        shorter = tmp_path / f"{VI}.facts.yaml"
        shorter.write_text(text[: text.rindex("\n  - id:") + 1], encoding="utf-8")
        loaded = _run("load", str(shorter), store=store)
        assert loaded.returncode == 0, loaded.stderr
        assert "being served" in loaded.stderr
        after = _ask(server, count_vi)
        assert 0 < after < before
        assert current.read_text() != generation

        # a data set built into the running server
        built = _run("build", "--sources", str(src), "--dataset", "cow-majors", store=store)
        assert built.returncode == 0, built.stderr
        assert "up to date" in built.stderr and "cow-majors" in built.stderr
        majors = _ask(server, "PREFIX dg: <https://diplograph.org/ontology#> "
                              "SELECT (COUNT(*) AS ?n) WHERE { ?f a dg:MajorPowerStatus }")
        assert majors > 14
        # the build record is in the store too, and a no-change build changes nothing
        assert _ask(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BUILD_GRAPH}> "
                            "{ ?g <https://diplograph.org/ontology#inputFingerprint> ?f } }") > 5
        nothing = _run("build", "--sources", str(src), "--dataset", "cow-majors", store=store)
        assert nothing.returncode == 0 and "nothing to rebuild" in nothing.stderr

        # the store compacted under the running server: a new checkpoint, the same answers
        generation, count = current.read_text(), _ask(server, count_vi)
        compacted = _run("optimize", store=store)
        assert compacted.returncode == 0, compacted.stderr
        assert "being served" in compacted.stderr
        assert current.read_text() != generation
        assert _ask(server, count_vi) == count
    finally:
        server.stop()


def _tables(store: Path) -> int:
    return sum(1 for f in store.iterdir() if f.suffix == ".sst")


def test_build_without_optimize_then_diplograph_optimize(tmp_path: Path) -> None:
    """`diplograph build --no-optimize` leaves the tables as the bulk loads wrote them (more
    table files than a build that compacts); `diplograph optimize` then compacts them into as
    many as the compacting build has, and the data stays the same."""
    src = _sources(tmp_path / "src")
    plain, compacted = tmp_path / "plain", tmp_path / "compacted"
    for store, extra in ((plain, ["--no-optimize"]), (compacted, [])):
        done = _run("build", "--no-datasets", "--sources", str(src), "-q", *extra, store=store)
        assert done.returncode == 0, done.stderr
    assert _tables(plain) > _tables(compacted)

    def quads(store: Path) -> set[ox.Quad]:
        s = ox.Store.read_only(str(store))
        return {q for q in s if q.predicate.value != "http://www.w3.org/ns/prov#endedAtTime"}

    before = quads(plain)
    assert len(before) > 10_000
    done = _run("optimize", store=plain)
    assert done.returncode == 0, done.stderr
    assert "compacted the store for reading" in done.stderr
    assert _tables(plain) == _tables(compacted)
    assert quads(plain) == before
