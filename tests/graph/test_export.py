"""Export: Turtle round-trips through rdflib and pyoxigraph; gzip; deterministic; graphs."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import rdflib

from diplograph.graph.export import export_to_path
from diplograph.graph.namespaces import GRAPH

from ..conftest import read_lines


def _distinct_triples(store: ox.Store) -> int:
    """How many distinct triples the store's graphs hold (counted by the store: a Python set
    of the whole graph's 2 million triples cost about 30 s of CPU, the query about 5)."""
    [row] = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE "
                        "{ GRAPH ?g { ?s ?p ?o } } }")
    return int(row["n"].value)  # type: ignore[index]


def _triples_in_turtle(path: Path) -> set[bytes]:
    """The distinct triples of a Turtle file, each as its N-Triples line without the final
    " ." (as ``_triples_of_lines`` gives them): parsed and written back as N-Triples by
    pyoxigraph, both in Rust, streaming (about half the CPU of filling an in-memory store
    and counting it, as before: docs/testing.md, "Session 12"). An N-Triples line ends with
    " .\n", which no term holds (N-Triples escapes a literal's line ends)."""
    text = ox.serialize(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE),
                        format=ox.RdfFormat.N_TRIPLES)
    assert text is not None
    return set(text.replace(b" .\n", b"\n").splitlines())


def _triples_of_lines(lines: list[bytes]) -> tuple[set[bytes], list[bytes]]:
    """The distinct triples of a store's N-Quads lines (each line without its graph), and
    the triples met again in another graph. A line of a named graph ends with its graph's
    IRI, which holds no space: the last " <" starts it. (Read from the run's shared sorted
    export of the build, about 2 s of CPU; the same counts by SPARQL over the store cost about
    20 s: the count of distinct triples 4 s, the join of every graph with every other 16 s.)"""
    seen: set[bytes] = set()
    again: list[bytes] = []
    for line in lines:
        triple = line[:line.rindex(b" <")]
        if triple in seen:
            again.append(triple)
        else:
            seen.add(triple)
    return seen, again


def _with_a_triple_in_two_graphs(sample_store: ox.Store) -> tuple[ox.Store, ox.Quad]:
    """A copy of the build's sample with one triple of the registry stated again in another
    graph (the sample alone states none in two graphs), and that registry quad."""
    store = ox.Store()
    store.extend(sample_store)
    registry = ox.NamedNode(GRAPH("registry"))
    q = next(iter(store.quads_for_pattern(None, None, None, registry)))
    other = next(g for g in store.named_graphs() if g != registry)
    store.add(ox.Quad(q.subject, q.predicate, q.object, other))
    return store, q


def test_turtle_export_roundtrips_to_the_store_s_triples(
    sample_store: ox.Store, tmp_path: Path
) -> None:
    """The Turtle export of every graph (Turtle has no graphs: the union of them) holds the
    store's distinct triples, each one, a triple stated in two graphs once. The claim is the
    writer's: read back on the build's sample (every graph's first 3,000 quads) with one
    triple of the registry stated again in another graph (the whole graph's read-back cost
    about 20 s of CPU a run; docs/testing.md, "Session 13"). The whole graph's export is
    checked against the build in the next test, and which triples the build states in two
    graphs in the one after."""
    store, q = _with_a_triple_in_two_graphs(sample_store)
    out = tmp_path / "all.ttl"
    export_to_path(store, out)
    assert out.read_bytes().startswith(b"@prefix")
    lines = sorted((store.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines())
    assert len(lines) == len(store) > 10_000
    triples, again = _triples_of_lines(lines)
    assert f"{q.subject} {q.predicate} {q.object}".encode() in again
    n = len(triples)
    assert n == _distinct_triples(store) < len(store)
    # the file's distinct triples are the store's (their count, and each one)
    in_file = _triples_in_turtle(out)
    assert len(in_file) == n
    assert in_file == triples


def test_the_whole_graph_s_export_is_the_build(
    built_store: ox.Store, export_lines_path: Path
) -> None:
    """The whole graph through the exporter (every graph, in threads, copied in order into one
    file: the run's shared export, its lines sorted, tests/conftest.py) is the build: as many
    lines as the build holds quads, none twice, and each a quad of the build (looked up in the
    store), so exactly the build's quads; every quad in a named graph. (Until session 16 the
    build was dumped whole for this and the export made again here: two serialisations of the
    whole graph, about 30 s of CPU, against one and the look-ups, about 20 s; docs/testing.md,
    "Session 16".)"""
    lines = read_lines(export_lines_path)
    assert len(lines) == len(built_store) > 2_000_000
    assert all(a < b for a, b in zip(lines, lines[1:], strict=False)), "a quad written twice"
    del lines
    assert not any(True for _ in built_store.quads_for_pattern(None, None, None,
                                                               ox.DefaultGraph()))
    n, missing = 0, []
    for q in ox.parse(path=str(export_lines_path), format=ox.RdfFormat.N_QUADS):
        n += 1
        if q not in built_store:
            missing.append(q)
    assert n == len(built_store)  # one quad a line
    assert missing == [], missing[:5]


def test_the_build_states_a_triple_in_two_graphs_only_for_data_sets(
    built_store: ox.Store, export_lines_path: Path
) -> None:
    """A triple stated in two graphs of the build (written once in a whole-graph Turtle
    export): the only ones are descriptions of a data set that both its own graph and the
    registry's (which it feeds) give. (The build's lines: the run's shared export, checked
    to be the build by the test above.)"""
    lines = read_lines(export_lines_path)
    triples, again = _triples_of_lines(lines)
    assert again
    assert [t for t in again if not t.startswith(b"<https://diplograph.org/id/dataset/")] == []
    assert len(triples) < len(built_store)


def test_distinct_triples_of_lines_match_the_store_s_count(sample_store: ox.Store) -> None:
    """``_triples_of_lines`` (used above on the whole build) counts what the store's SPARQL
    count gives, and finds a triple stated in a second graph: the build's sample, with one
    triple of the registry copied into another graph."""
    store, q = _with_a_triple_in_two_graphs(sample_store)
    lines = sorted(store.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    triples, again = _triples_of_lines(lines)
    assert len(triples) == _distinct_triples(store) < len(store)
    copied = f"{q.subject} {q.predicate} {q.object}".encode()
    assert copied in triples and copied in again


def test_turtle_export_is_read_by_an_independent_parser(
    sample_store: ox.Store, tmp_path: Path
) -> None:
    out = tmp_path / "sample.ttl"
    export_to_path(sample_store, out)
    n = _distinct_triples(sample_store)
    assert len(list(sample_store.named_graphs())) > 10
    assert len(rdflib.Graph().parse(out, format="turtle")) == n > 10_000


def test_export_is_deterministic_and_gzip_works(sample_store: ox.Store, tmp_path: Path) -> None:
    a = tmp_path / "a.ttl.gz"
    export_to_path(sample_store, a)
    first = a.read_bytes()
    export_to_path(sample_store, a)
    assert a.read_bytes() == first
    assert gzip.decompress(first).startswith(b"@prefix")
    plain = tmp_path / "a.ttl"
    export_to_path(sample_store, plain)
    assert gzip.decompress(first) == plain.read_bytes()


def test_nquads_keeps_every_quad(sample_store: ox.Store, tmp_path: Path) -> None:
    """Every quad of the store, each once: the file's lines, sorted, are the store's
    (pyoxigraph writes each term one way). On the build's sample (every graph cut to its first
    3,000 quads): the claim is the exporter's (the graphs written in threads, each to a file,
    and copied in order into one N-Quads file), and the whole graph adds only scale, which
    bench/ measures (the N-Quads export of the real graph, docs/benchmarks.md). The whole
    graph still goes through this exporter in N-Quads above, compared with the build, and
    through the release (tests/graph/test_release.py)."""
    out = tmp_path / "all.nq"
    export_to_path(sample_store, out)
    lines = sorted(out.read_bytes().splitlines())
    assert len(lines) == len(sample_store) > 10_000
    assert lines == sorted(sample_store.dump(format=ox.RdfFormat.N_QUADS).splitlines())


def test_single_graph_export(built_store: ox.Store, tmp_path: Path) -> None:
    g = GRAPH("source/vn-mn-relations-2023")
    out = tmp_path / "vi.ttl"
    export_to_path(built_store, out, graph=g)
    n = sum(1 for _ in built_store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    assert len(rdflib.Graph().parse(out, format="turtle")) == n > 100


def test_cli_export_to_stdout(built_store_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "diplograph",
            "export",
            "--store",
            str(built_store_path),
            "--format",
            "ntriples",
            "--graph",
            GRAPH("source/wikipedia-foreign-relations-of-mongolia"),
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert len(rdflib.Graph().parse(data=out, format="nt")) > 100


def test_parallel_export_writes_the_same_bytes_as_one_thread(
    sample_store: ox.Store, tmp_path: Path
) -> None:
    """Graphs are serialised in several threads and copied in index order: the output does
    not depend on the number of threads, and N-Quads keeps every quad in its graph."""
    for fmt in ("turtle", "ntriples", "nquads"):
        outs = []
        for workers in (1, 2, 5):
            out = tmp_path / f"{fmt}-{workers}"
            export_to_path(sample_store, out, fmt=fmt, workers=workers)
            outs.append(out.read_bytes())
        assert outs[0] == outs[1] == outs[2], fmt
    quads = ox.Dataset(ox.parse(outs[0], format=ox.RdfFormat.N_QUADS))
    assert quads == ox.Dataset(sample_store)
    assert not list(tmp_path.glob("diplograph-export-*")), "no graph file is left behind"


def test_trig_export_keeps_every_quad(sample_store: ox.Store, tmp_path: Path) -> None:
    """Every graph (a sample of each; the release tests read the whole graph's TriG)."""
    out = tmp_path / "all.trig"
    export_to_path(sample_store, out)
    assert ox.Dataset(ox.parse(path=str(out), format=ox.RdfFormat.TRIG)) == ox.Dataset(sample_store)


class _FailingStore:
    """A store whose serialisation of one graph fails (a full disk, say)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.calls = 0

    def named_graphs(self):  # noqa: ANN201
        return self.store.named_graphs()

    def dump(self, output, **kwargs):  # noqa: ANN001, ANN003, ANN201
        self.calls += 1
        if self.calls == 4:
            raise OSError("No space left on device")
        return self.store.dump(output, **kwargs)


def test_a_failing_graph_fails_the_export_and_leaves_nothing(
    built_store: ox.Store, tmp_path: Path
) -> None:
    import pytest

    out = tmp_path / "all.ttl"
    with pytest.raises(OSError, match="No space left"):
        export_to_path(_FailingStore(built_store), out, workers=2)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == [], "no output, no .part file, no graph files"


def test_jsonld_export_is_compact_keeps_the_graphs_and_round_trips(
    built_store: ox.Store, sample_store: ox.Store, tmp_path: Path
) -> None:
    """Every graph (a sample of each; the release tests read the whole graph's JSON-LD)."""
    import json

    out = tmp_path / "all.jsonld"
    export_to_path(sample_store, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["dg"] == "https://diplograph.org/ontology#"
    named = {n["@id"] for n in doc["@graph"] if "@graph" in n}
    assert named == {"dgg:" + g.value.rsplit("/graph/", 1)[1] for g in built_store.named_graphs()}
    assert set(ox.parse(path=str(out), format=ox.RdfFormat.JSON_LD)) == set(sample_store)
    # an independent JSON-LD processor (rdflib) reads the same quads
    one = tmp_path / "vi.jsonld"
    g = GRAPH("source/vn-mn-relations-2023")
    export_to_path(built_store, one, graph=g)
    n = sum(1 for _ in built_store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    assert len(rdflib.Graph().parse(one, format="json-ld")) == n > 100
    assert out.stat().st_size < 0.6 * len(ox.serialize(sample_store, format=ox.RdfFormat.JSON_LD))


def test_jsonld_compaction_never_touches_a_literal(tmp_path: Path) -> None:
    """Literals that look like the serialiser's own JSON (keys, ids, value objects, escaped
    quotes and backslashes) and IRIs that must not be compacted come back exactly."""
    import json

    import pytest

    from diplograph.graph.errors import DiplographError
    from diplograph.graph.jsonld import write_jsonld

    dg, dgr = "https://diplograph.org/ontology#", "https://diplograph.org/id/"
    tricky = ['"@id":"https://diplograph.org/id/x"', ',"https://diplograph.org/ontology#p":[',
              '{"@value":"x"}', 'a \\" b \\\\" c', "]},{\"@id\":", "https://diplograph.org/id/y",
              '"rdf:type":[{"@id":"x"}]']
    s = ox.Store()
    g = ox.NamedNode("https://diplograph.org/graph/test")
    subject = ox.NamedNode(dgr + "state/MNG")
    for i, text in enumerate(tricky):
        s.add(ox.Quad(subject, ox.NamedNode(dg + f"p{i}"), ox.Literal(text), g))
        s.add(ox.Quad(subject, ox.NamedNode(dg + f"p{i}"), ox.Literal(text, language="mn"), g))
    for odd in (dgr + "/x", dgr + "//x", "http://example.org/a#b", "urn:isbn:1"):
        s.add(ox.Quad(ox.NamedNode(odd), ox.NamedNode(dg + "q"), subject, g))
    s.add(ox.Quad(subject, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                  ox.NamedNode(dg + "State")))
    out = tmp_path / "t.jsonld"
    with open(out, "wb") as f:
        write_jsonld(s, f, tmp_dir=tmp_path)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@graph"][0] == {"@id": "dgr:state/MNG", "@type": ["dg:State"]}
    ids = {n["@id"] for n in doc["@graph"][1]["@graph"]}
    assert {"dgr:/x", "https://diplograph.org/id///x", "urn:isbn:1"} <= ids
    assert set(ox.parse(path=str(out), format=ox.RdfFormat.JSON_LD)) == set(s)
    ds = rdflib.Dataset()
    ds.parse(out, format="json-ld")
    back = set(ox.parse(ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS))
    assert back == set(s)
    clash = ox.Store()
    clash.add(ox.Quad(ox.NamedNode("dg:x"), ox.NamedNode(dg + "q"), subject))
    with open(tmp_path / "c.jsonld", "wb") as f, pytest.raises(DiplographError, match="scheme"):
        write_jsonld(clash, f, tmp_dir=tmp_path)
