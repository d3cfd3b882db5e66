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


def _distinct_triples(store: ox.Store) -> int:
    return len({(q.subject, q.predicate, q.object) for q in store})


def test_turtle_export_roundtrips_to_the_store_triple_count(
    built_store: ox.Store, tmp_path: Path
) -> None:
    out = tmp_path / "all.ttl"
    export_to_path(built_store, out)
    text = out.read_bytes()
    assert text.startswith(b"@prefix")
    n = _distinct_triples(built_store)
    assert n == len(built_store), "no triple is stated in two graphs, so triples == quads"
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) == n
    assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))) >= n
    assert len(ox.Dataset(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))) == n


def test_export_is_deterministic_and_gzip_works(built_store: ox.Store, tmp_path: Path) -> None:
    a = tmp_path / "a.ttl.gz"
    export_to_path(built_store, a)
    first = a.read_bytes()
    export_to_path(built_store, a)
    assert a.read_bytes() == first
    assert gzip.decompress(first).startswith(b"@prefix")
    plain = tmp_path / "a.ttl"
    export_to_path(built_store, plain)
    assert gzip.decompress(first) == plain.read_bytes()


def test_nquads_keeps_every_quad(built_store: ox.Store, tmp_path: Path) -> None:
    out = tmp_path / "all.nq"
    export_to_path(built_store, out)
    assert len(ox.Dataset(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))) == len(built_store)


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
