"""bench/build_optimize.py and bench.build's report: the store compacted alone (a real on-disk
store of several bulk loads), and the like-for-like rows of the build's report."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from diplograph.bench import build as build_bench
from diplograph.bench.build_optimize import store_alone, tables

from ..conftest import ROOT


def test_optimize_alone_compacts_a_copy_and_leaves_the_store(tmp_path: Path) -> None:
    src = tmp_path / "store"
    store = ox.Store(str(src))
    for i in range(6):  # six ingestions: six sets of tables until something compacts them
        part = tmp_path / f"part{i}.nt"
        part.write_text("".join(f"<http://e/s{i}-{j}> <http://e/p> \"{j}\" .\n"
                                for j in range(2000)), encoding="utf-8")
        store.bulk_load(path=str(part), format=ox.RdfFormat.N_TRIPLES,
                        to_graph=ox.NamedNode(f"http://e/g{i}"))
    store.flush()
    del store
    before = tables(src)
    row = store_alone(src, None, work=tmp_path)
    assert row["sst_before"] == before[0]
    # (RocksDB may have merged some of them in the background already: at most as many)
    assert row["optimize_cpu_s"] >= 0 and row["sst_after"] <= row["sst_before"]
    assert tables(src) == before  # the copy was compacted, not the store
    assert len(ox.Store.read_only(str(src))) == 12_000


def test_build_report_shows_the_build_without_optimize_when_measured() -> None:
    result = json.loads((ROOT / "bench" / "results" / "build-2026-12-06-s15-build-warm.json")
                        .read_text(encoding="utf-8"))
    text = build_bench.markdown(result)
    assert "`diplograph build --no-optimize` (36.13 s CPU" in text and "**0.81x**" in text
    assert "`oxigraph load` + `oxigraph optimize` (4.16 s CPU" in text
    older = json.loads((ROOT / "bench" / "results" / "build-2026-12-06-s14-quiet-warm.json")
                       .read_text(encoding="utf-8"))
    assert "--no-optimize" not in build_bench.markdown(older)
