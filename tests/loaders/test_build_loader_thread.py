"""The build's loader thread (loaders/build.py): a data set's graph is loaded while the next
one is read; a load that fails is reported as that step's failure, its graph and fingerprint
are not written, the other data sets load, and the next build loads it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.loaders import build as build_module
from diplograph.loaders.build import build, recorded

from ..conftest import SOURCES

VI = "000_68460debbf1317d8"
MAJORS = "https://diplograph.org/graph/dataset/cow-majors"
CAPITALS = "https://diplograph.org/graph/dataset/cow-capitals"


def _count(store: ox.Store, graph: str) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


@pytest.mark.parametrize("thread", [True, False], ids=["loader-thread", "inline"])
def test_a_failed_load_is_that_steps_failure_and_the_next_build_loads_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, thread: bool) -> None:
    if not thread:  # a platform without a thread's CPU clock loads inline
        monkeypatch.setattr(build_module._Loader, "available", staticmethod(lambda: False))
    assert build_module._Loader.available() is thread
    src = tmp_path / "src"
    src.mkdir()
    for suffix in (".txt", ".facts.yaml"):
        shutil.copy(SOURCES / f"{VI}{suffix}", src / f"{VI}{suffix}")
    store = ox.Store(str(tmp_path / "s"))
    real = build_module.replace_graph_atomically

    def failing(store, graph, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if graph == MAJORS:
            raise DiplographError("storage", "disk full (test)")
        return real(store, graph, *args, **kwargs)

    monkeypatch.setattr(build_module, "replace_graph_atomically", failing)
    lines: list[str] = []
    report = build(store, sources=src, datasets=["cow-majors", "cow-capitals"],
                   progress=lines.append)
    assert [e.message for e in report.failures] == ["disk full (test)"]
    assert _count(store, MAJORS) == 0 and _count(store, CAPITALS) > 0
    assert "dataset cow-majors" not in recorded(store)
    assert any("cow-majors" in line and "FAILED" in line for line in lines)
    # progress lines keep the order of the steps
    numbers = [int(line[1:line.index("/")]) for line in lines if line.startswith("[")]
    assert numbers == sorted(numbers)
    monkeypatch.setattr(build_module, "replace_graph_atomically", real)
    again = build(store, sources=src, datasets=["cow-majors", "cow-capitals"])
    assert not again.failures
    assert any(name.startswith("cow-majors") for name in again.rebuilt)
    assert not any(name.startswith("cow-capitals") for name in again.rebuilt)
    assert _count(store, MAJORS) > 0
