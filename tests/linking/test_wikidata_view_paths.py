"""The view's statement mappings evaluated in Python (the build's path: the data sets' triples
kept as they are written, :class:`ViewInputs`) give exactly what their SPARQL patterns give over
the store, and the view the build writes is the one read back from the store.

Built by the real pipeline from the bundled data (every data set, the largest files cut to
their first rows, the MID's participants to those of the disputes kept: every mapping still
finds rows, the build and the SPARQL cost about half) and the bundled source documents, into
an on-disk store. (The build's sample, ``sample_store``, is not enough: it holds no row of
the dispute-participant and conflict mappings.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.loaders.wikidata_view import (
    READ_PREDICATES,
    STATEMENT_MAPPINGS,
    VIEW_GRAPH,
    ViewInputs,
    _rows,
    mapping_rows,
    wikidata_view_lines,
    write_view,
)

CUT = {
    "peace-science/atop_alliance.csv": 600,
    "peace-science/archigos.csv": 600,
    "cow-igo-v3/state_igo_membership_spells.csv": 800,
    "peace-science/ucdp_acd.csv": 600,
    "peace-science/gml_mid_disps.csv": 400,
}
#: files cut to the rows whose first column names a row kept in another file's cut
CUT_WITH = {"peace-science/gml_part.csv": "peace-science/gml_mid_disps.csv"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from diplograph.loaders.build import build
    from diplograph.loaders.registry import default_data_dir

    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(default_data_dir(), data, ignore=shutil.ignore_patterns("__pycache__"))
    for name, n in CUT.items():
        p = data / name
        lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
        p.write_text("".join(lines[:n]), encoding="utf-8")
    for name, by in CUT_WITH.items():  # the MID's participants of the disputes kept
        kept = {line.split(",", 1)[0] for line in
                (data / by).read_text(encoding="utf-8").splitlines()[1:]}
        p = data / name
        lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
        p.write_text("".join([lines[0], *(x for x in lines[1:] if x.split(",", 1)[0] in kept)]),
                     encoding="utf-8")
    st = ox.Store(str(tmp_path_factory.mktemp("store") / "s"))
    report = build(st, data_dir=Path(data))  # every data set and source document
    assert not report.failures
    return st


@pytest.fixture(scope="module")
def inputs(store):
    """Every graph of the store read as the view reads it."""
    return ViewInputs().complete(store)


def _view(store: ox.Store) -> set[bytes]:
    dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(VIEW_GRAPH))
    return set((dump or b"").splitlines())


@pytest.mark.parametrize("mapping", STATEMENT_MAPPINGS, ids=lambda m: m.name)
def test_each_mapping_gives_the_rows_of_its_sparql_pattern(store, inputs, mapping):
    by_sparql = sorted(set(_rows(store, mapping.query())),
                       key=lambda r: tuple("" if t is None else t for t in r))
    got = mapping_rows(mapping, inputs)
    assert by_sparql, f"{mapping.name}: the sample store has no such fact"
    assert got == by_sparql


def test_every_mapping_finds_data_set_and_document_facts_alike(inputs):
    """The sample covers both kinds of provenance (a document's quote, a data set's rows)."""
    membership = mapping_rows(STATEMENT_MAPPINGS[0], inputs)
    assert any(r[3] is not None for r in membership)  # ?doc: a source document
    assert any(r[5] is not None for r in membership)  # ?dataset: COW IGO rows


def test_the_build_writes_the_view_read_back_from_the_store(store):
    """The build's view (its data sets' triples kept as they were written) is the view
    computed from the store alone, and the one from a mix (a graph kept, the rest read)."""
    built = _view(store)
    assert len(built) > 10_000
    from_store = wikidata_view_lines(store)
    assert {line.rstrip("\n").encode() for line in from_store} == built
    assert len(from_store) == len(built)  # each triple written once
    mixed = ViewInputs()
    graph = next(g for g in store.named_graphs() if g.value.endswith("/dataset/atop"))
    mixed.read_graph(store, graph)
    assert wikidata_view_lines(store, mixed) == from_store
    assert write_view(store) == len(built)  # rewriting from the store changes nothing
    assert _view(store) == built


def test_kept_lines_are_what_the_store_holds(store):
    """What :meth:`ViewInputs.collect` keeps of a data set's lines equals what
    :meth:`ViewInputs.read_graph` reads of the graph they were loaded into."""
    graph = next(g for g in store.named_graphs() if g.value.endswith("/dataset/mid"))
    dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
    kept, read = ViewInputs(), ViewInputs()
    part = kept.part()
    lines = dump.splitlines(keepends=True)
    assert list(kept.collect(part, lines)) == lines
    kept.keep(graph.value, part)
    read.read_graph(store, graph)
    assert any(kept.by_p[p] for p in READ_PREDICATES)
    for p in READ_PREDICATES:
        assert {s: sorted(o) for s, o in kept.by_p[p].items()} == \
            {s: sorted(o) for s, o in read.by_p[p].items()}, p
    assert kept.types == read.types


def test_the_writer_keeps_each_line_once_in_the_order_first_written() -> None:
    """The view's writer compares a line only with those about the same node: the result is
    what writing every line and keeping the first of each gives."""
    from diplograph.loaders.wikidata_view import _Fact, _Writer

    w = _Writer()
    f = "<http://e/fact/1>"
    one = _Fact(f, None, None, "<http://e/dataset>", None, "<http://e/rows/1>")
    two = _Fact(f, None, None, "<http://e/dataset>", None, "<http://e/rows/2>")
    st = "<http://e/fact/1/wd/P710>"
    for fact in (one, one, two):
        w.statement("<http://e/a>", "P710", "<http://e/b>", st, fact)
        w.time_qualifier(st, "P580", "1990", "year")
        w.time_qualifier(st, "P580", "1991" if fact is two else "1990", "year")
        w.add(st, "<http://e/q>", "<http://e/v>")
    lines = w.lines()
    assert len(lines) == len(set(lines))
    reference = _Writer()  # every line written, then the first of each kept
    everything: list[str] = []
    for fact in (one, one, two):
        reference.out = []
        reference._about.clear()
        reference._seen.clear()
        reference.statement("<http://e/a>", "P710", "<http://e/b>", st, fact)
        reference.time_qualifier(st, "P580", "1990", "year")
        reference.time_qualifier(st, "P580", "1991" if fact is two else "1990", "year")
        reference.add(st, "<http://e/q>", "<http://e/v>")
        everything += reference.out
    assert lines == list(dict.fromkeys(everything))
    assert any("rows/2" in line for line in lines) and any('"1991' in line for line in lines)
