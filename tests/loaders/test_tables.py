"""The shared data-set reader and writer (loaders/tables.py) and the atomic replacement of a
graph (graph/store.py): the text the loaders write is valid N-Triples, parsed strictly, and is
exactly what pyoxigraph writes for the same terms; a graph is replaced by the new lines or
kept; bad cells name file, line and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.store import replace_graph_atomically
from diplograph.loaders.build import replace_streamed
from diplograph.loaders.catalogue import all_datasets
from diplograph.loaders.datasets import DatasetInfo
from diplograph.loaders.registry import default_data_dir
from diplograph.loaders.state_periods import StatePeriods
from diplograph.loaders.tables import Out, Table, literal

INFO = DatasetInfo("demo", "Demo", ("x/a.csv",), "cite", "1", "licence", "conduit")


@pytest.mark.parametrize(
    "text", ["plain", 'quote " and \\ backslash', "tab\tnew\nline\rcr", "\x00\x01\x08\x0c\x1f\x7f",
             "é ü 越南 😀", "", "\u2028 \ufeff", "ends with \\"])
def test_literals_are_written_as_pyoxigraph_writes_them(text: str) -> None:
    for lang, datatype in ((None, None), ("en", None), (None, "http://e/dt")):
        term = ox.Literal(text, language=lang) if lang else (
            ox.Literal(text, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(text))
        assert literal(text, lang, datatype) == str(term)
        line = f"<http://e/s> <http://e/p> {literal(text, lang, datatype)} .\n"
        [t] = ox.parse(line, format=ox.RdfFormat.N_TRIPLES)
        assert t.object == term


def test_out_lines_match_pyoxigraph_for_dates_and_numbers() -> None:
    out = Out(INFO)
    s = out.iri("http://e/s")
    lines = [*out.date(s, "startDate", 1999), *out.date(s, "endDate", 2000, 2),
             *out.day_date(s, "endDate", dt.date(2001, 3, 4)), out.integer(s, "n", -12),
             out.boolean(s, "b", True), out.gyear(s, "year", 812), *out.dataset_node()]
    for line in lines:
        [t] = ox.parse(line, format=ox.RdfFormat.N_TRIPLES)
        assert line == str(t) + " .\n"


@pytest.fixture(scope="module")
def periods() -> StatePeriods:
    return StatePeriods.load()


@pytest.mark.parametrize("entry", all_datasets(), ids=lambda e: e[0].name)
def test_every_data_set_writes_strict_n_triples(entry, periods) -> None:  # noqa: ANN001
    """The build bulk-loads the loaders' text leniently (no IRI checks, for speed): this is
    the check that it would pass the strict parser, line for line, and that it is the
    store's own form (so a rebuild of the same data compares equal and writes nothing).
    The text goes to the store through the strict parser (``Store.load``, not lenient), and
    the store's lines are the loader's lines: so each line is one triple (a line of none or of
    two would leave a line of the one set out of the other) written as the store writes it.
    (Until session 20 the triples were parsed into Python objects and added one by one, about
    twice the CPU: docs/testing.md, "Session 20".)"""
    info, fn = entry
    lines = [x for x in fn(default_data_dir(), periods, lambda _m: None)]
    assert lines and all(isinstance(x, str) and x.endswith(" .\n") for x in lines)
    store = ox.Store()
    store.load("".join(lines), format=ox.RdfFormat.N_TRIPLES,  # strict
               to_graph=ox.NamedNode(info.graph))
    dumped = set(store.dump(format=ox.RdfFormat.N_TRIPLES,
                            from_graph=ox.NamedNode(info.graph)).decode().splitlines())
    assert dumped == {x[:-1] for x in lines}


def _csv(tmp_path: Path, text: str) -> Table:
    (tmp_path / "x").mkdir(exist_ok=True)
    (tmp_path / "x" / "a.csv").write_text(text, encoding="utf-8")
    return Table(tmp_path, "x/a.csv", ("code", "day"))


def test_table_errors_name_file_line_and_column(tmp_path: Path) -> None:
    t = _csv(tmp_path, "code,day,other\n2,2000-01-01,x\n3x,2000-01-02,y\n")
    with pytest.raises(DiplographError) as err:
        for _line, (code, day) in t:
            t.int(code, "code")
            t.date(day, "day")
    assert "x/a.csv:3: code: '3x' is not a whole number" in str(err.value)
    t = _csv(tmp_path, "code,other\n1,2\n")
    with pytest.raises(DiplographError, match=r"x/a.csv:1: day: missing column"):
        list(t)
    t = _csv(tmp_path, "code,day\n1,2,3\n")
    with pytest.raises(DiplographError, match=r"x/a.csv:2: \(row\): 3 cells"):
        list(t.dicts())
    t = _csv(tmp_path, "code,day\n1,1999-02-30\n")
    with pytest.raises(DiplographError, match=r"x/a.csv:2: day: '1999-02-30' is not a YYYY-MM-DD"):
        for _line, row in enumerate(t.dicts()):
            t.date(row["day"], "day")


def _nt(path: Path, objects: list[str]) -> Path:
    path.write_text("".join(f'<http://e/s> <http://e/p> "{o}" .\n' for o in objects))
    return path


def test_replacing_writes_only_the_difference_and_nothing_for_the_same(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    g = "http://e/g"
    other = ox.Quad(ox.NamedNode("http://e/x"), ox.NamedNode("http://e/p"), ox.Literal("kept"),
                    ox.NamedNode("http://e/other"))
    store.add(other)
    assert replace_graph_atomically(store, g, _nt(tmp_path / "a.nt", list("abc")), 3) == 3
    assert replace_graph_atomically(store, g, _nt(tmp_path / "b.nt", list("abc")), 3) == 0
    assert replace_graph_atomically(store, g, _nt(tmp_path / "c.nt", list("bcd")), 3) == 2
    objs = sorted(q.object.value for q in store.quads_for_pattern(None, None, None,
                                                                  ox.NamedNode(g)))
    assert objs == ["b", "c", "d"]
    assert other in store


def test_a_refused_data_set_leaves_its_graph(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    g = "http://e/g"
    replace_streamed(store, g, ['<http://e/s> <http://e/p> "old" .\n'])

    def failing():  # noqa: ANN202
        yield '<http://e/s> <http://e/p> "new" .\n'
        raise DiplographError("bad-input", "x.csv:3: col: bad")

    with pytest.raises(DiplographError):
        replace_streamed(store, g, failing())
    assert [q.object.value for q in store] == ["old"]


def test_blank_nodes_are_refused_in_a_replaced_graph(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    replace_graph_atomically(store, "http://e/g", _nt(tmp_path / "a.nt", ["a"]), 1)
    (tmp_path / "b.nt").write_text('_:b1 <http://e/p> "b" .\n')
    with pytest.raises(DiplographError, match="blank nodes"):
        replace_graph_atomically(store, "http://e/g", tmp_path / "b.nt", 1)
    assert [q.object.value for q in store] == ["a"]


def test_a_graph_in_several_files_is_loaded_whole_and_compared_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A graph larger than PART_LINES is written in several files, bulk-loaded two at a time
    when new, and compared over all its files when it exists; the files are removed."""
    import tempfile

    from diplograph.graph import store as store_module

    monkeypatch.setattr(store_module, "PART_LINES", 3)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    lines = [f'<http://e/s> <http://e/p> "{i}" .\n' for i in range(10)]
    files, n = store_module.write_parts("http://e/g", lines)
    assert n == 10 and len(files) == 4
    assert [len(Path(f).read_text().splitlines()) for f in files] == [3, 3, 3, 1]
    store_module.discard(files)
    store = ox.Store(str(tmp_path / "store"))
    kept: list[object] = []
    assert replace_streamed(store, "http://e/g", lines, tap=kept.extend) == 10
    assert kept == lines  # the tap saw every line, in order
    assert sorted(int(q.object.value) for q in store) == list(range(10))
    assert replace_streamed(store, "http://e/g", lines) == 10  # same lines: nothing written
    assert len(store) == 10
    replace_streamed(store, "http://e/g", lines[2:] + ['<http://e/s> <http://e/p> "x" .\n'])
    assert sorted(q.object.value for q in store) == sorted([*map(str, range(2, 10)), "x"])
    assert not list(tmp_path.glob("diplograph-*.nt"))


def test_a_refused_data_set_leaves_no_files(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from diplograph.graph import store as store_module

    monkeypatch.setattr(store_module, "PART_LINES", 2)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def failing():  # noqa: ANN202
        yield from [f'<http://e/s> <http://e/p> "{i}" .\n' for i in range(5)]
        raise DiplographError("bad-input", "x.csv:7: col: bad")

    with pytest.raises(DiplographError, match="x.csv:7"):
        store_module.write_parts("http://e/g", failing())
    assert not list(tmp_path.glob("diplograph-*.nt"))


def test_parts_are_held_in_memory_up_to_a_budget_then_written_to_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """write_parts holds parts as bytes while they fit the memory budget, then writes files;
    both kinds load a new graph and replace an existing one; discard removes only files."""
    import tempfile

    from diplograph.graph import store as store_module

    monkeypatch.setattr(store_module, "PART_LINES", 3)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    lines = [f'<http://e/s> <http://e/p> "{i}" .\n' for i in range(8)]
    budget = len("".join(lines[:3]).encode()) + 1  # the first part fits, the second passes it
    parts, n = store_module.write_parts("http://e/g", lines, memory=budget)
    assert n == 8 and len(parts) == 3
    assert [type(p) for p in parts] == [bytes, bytes, str]
    assert parts[0] == "".join(lines[:3]).encode()
    assert Path(parts[2]).read_text() == "".join(lines[6:])
    store = ox.Store(str(tmp_path / "store"))
    assert store_module.replace_graph_atomically(store, "http://e/g", parts, n) == 8
    assert sorted(int(q.object.value) for q in store) == list(range(8))
    store_module.discard(parts)
    assert not list(tmp_path.glob("diplograph-*.nt"))
    # an existing graph: compared with parts held in memory
    again, m = store_module.write_parts("http://e/g", lines[1:], memory=10**9)
    assert all(isinstance(p, bytes) for p in again)
    assert store_module.replace_graph_atomically(store, "http://e/g", again, m) == 1
    assert sorted(int(q.object.value) for q in store) == list(range(1, 8))
