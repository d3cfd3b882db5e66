"""Releases: every file, checksums, the catalogue, byte-identical output, and safe writing."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import resource
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.release import (
    catalogue_rows,
    describe_graphs,
    list_releases,
    make_release,
    read_release,
    release_date,
    software_version,
    verify,
)

from ..conftest import ROOT, read_lines

DCTERMS = "http://purl.org/dc/terms/"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SD = "http://www.w3.org/ns/sparql-service-description#"
DAY = dt.date(2026, 1, 31)


@pytest.fixture(scope="module")
def released(built_store: ox.Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole graph's release, its files compressed at gzip level 1 (``--gzip-level 1``):
    what the tests of this release check (every graph with its count and its file, the
    checksums, the catalogue, the refusals) holds at any level, and level 1 spends about a
    third of the default level 6's compression CPU on it (docs/releases.md; about 4 s less
    a run, docs/testing.md, "Session 21"). That every level gives the same contents and
    that the levels differ only in size is ``test_gzip_level_changes_the_sizes_not_the_contents``'s
    claim; the default level's files are read back on the sample's release
    (``sample_released``) and are byte-identical twice (``test_same_store_gives_byte_identical_files``)."""
    out = tmp_path_factory.mktemp("releases") / "r1"
    make_release(built_store, out, version="1.0", date=DAY, compresslevel=1)
    return out


def _parsed(data: bytes, fmt: ox.RdfFormat, graph: str | None = None) -> list[bytes]:
    """A release file's quads as sorted N-Quads lines: parsed by pyoxigraph's parser and
    written back as N-Quads by its serialiser, both in Rust, streaming (no store between:
    filling an in-memory store and dumping it cost about 2 times the CPU, 38 s for the three
    read-backs of the whole graph against 22; docs/testing.md, "Session 12"). pyoxigraph
    writes each term one way (the same quads give the same lines) and no graph of the build
    holds a blank node; a quad written twice would stay as two lines, so the comparison with
    the store's lines is of sets and of counts. ``graph``: the IRI of the graph a Turtle
    file's triples are put in (an N-Triples line ends with " .\n", which no term holds:
    N-Triples escapes a literal's line ends)."""
    if graph is None:
        text = ox.serialize(ox.parse(data, format=fmt), format=ox.RdfFormat.N_QUADS)
    else:
        text = ox.serialize(ox.parse(data, format=fmt), format=ox.RdfFormat.N_TRIPLES)
        text = text.replace(b" .\n", f" <{graph}> .\n".encode())
    assert text is not None
    lines = text.splitlines()
    lines.sort()
    return lines


@pytest.fixture(scope="module")
def sample_released(sample_store: ox.Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release of the build's sample (every graph cut to its first 3,000 quads): the same
    graphs, kinds of terms and writers as the whole graph's release, at a size whose every
    format can be read back in seconds."""
    out = tmp_path_factory.mktemp("sample-releases") / "r1"
    make_release(sample_store, out, version="1.0", date=DAY)
    return out


def _graph_of_line(line: bytes) -> bytes:
    """The graph IRI of an N-Quads line of a named graph (an IRI holds no space: the last
    " <" starts it)."""
    return line[line.rindex(b" <") + 2:-3]


def test_release_has_every_format_and_each_gives_back_the_store(
    sample_store: ox.Store, sample_released: Path
) -> None:
    """The claim is the writers' (N-Quads, TriG, JSON-LD, per-graph Turtle, each of every
    graph of the build, each giving back the store's quads): read back on a release of the
    build's sample (re-parsing the whole graph's three formats cost about 22 s of CPU a run;
    docs/testing.md, "Session 13"). The whole graph's release is checked against the build
    in the next test."""
    released = sample_released
    names = {p.relative_to(released).as_posix() for p in released.rglob("*") if p.is_file()}
    assert {"diplograph-1.0.nq.gz", "diplograph-1.0.trig.gz", "diplograph-1.0.jsonld.gz",
            "catalog.ttl", "release.json", "SHA256SUMS"} <= names
    # each file compared with the store as sorted N-Quads lines (``_parsed``)
    store = sorted((sample_store.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines())
    assert len(store) == len(sample_store) > 10_000
    # the N-Quads file is the store's own lines, byte for byte, sorted
    nquads = gzip.decompress((released / "diplograph-1.0.nq.gz").read_bytes()).splitlines()
    assert nquads == store
    for name, fmt in (("diplograph-1.0.trig.gz", ox.RdfFormat.TRIG),
                      ("diplograph-1.0.jsonld.gz", ox.RdfFormat.JSON_LD)):
        assert _parsed(gzip.decompress((released / name).read_bytes()), fmt) == store, name
    # every graph's Turtle file read as its graph's quads, all of them together the store's
    files = [n for n in names if n.startswith("graphs/") and n.endswith(".ttl.gz")]
    assert files
    rel = read_release(released)
    assert {x["graph"] for x in rel.graphs} == {g.value for g in sample_store.named_graphs()}
    assert sorted(x["file"] for x in rel.graphs) == sorted(files)
    per_graph: list[bytes] = []
    for x in rel.graphs:
        per_graph += _parsed(gzip.decompress((released / x["file"]).read_bytes()),
                             ox.RdfFormat.TURTLE, x["graph"])
    per_graph.sort()
    assert per_graph == store


def test_the_whole_graph_s_release_has_every_graph_with_the_store_s_count(
    built_store: ox.Store, export_lines_path: Path, released: Path
) -> None:
    """The release of the whole graph: its N-Quads are the build's quads, sorted, byte for
    byte (the run's shared export of the build, its lines sorted, tests/conftest.py; that it
    is the build, tests/graph/test_export.py); its manifest names
    every graph of the build with the build's count of that graph, and a Turtle file for
    each; every format is there. (Its TriG, JSON-LD and Turtle are not parsed back here: the
    writers are read back on the sample's release, above.)"""
    names = {p.relative_to(released).as_posix() for p in released.rglob("*") if p.is_file()}
    assert {"diplograph-1.0.nq.gz", "diplograph-1.0.trig.gz", "diplograph-1.0.jsonld.gz",
            "catalog.ttl", "release.json", "SHA256SUMS"} <= names
    store = read_lines(export_lines_path)
    assert len(store) == len(built_store) > 2_000_000
    nquads = gzip.decompress((released / "diplograph-1.0.nq.gz").read_bytes()).splitlines()
    assert nquads == store  # sorted: the shared export's lines are
    del nquads
    counts = {g.decode(): n for g, n in Counter(map(_graph_of_line, store)).items()}
    del store
    assert set(counts) == {g.value for g in built_store.named_graphs()}
    rel = read_release(released)
    assert {x["graph"]: x["triples"] for x in rel.graphs} == counts
    files = sorted(n for n in names if n.startswith("graphs/") and n.endswith(".ttl.gz"))
    assert sorted(x["file"] for x in rel.graphs) == files
    for name in files:  # each a whole gzip member, not empty
        data = (released / name).read_bytes()
        assert data[:2] == b"\x1f\x8b" and len(data) > 20, name
    for kind in ("trig", "jsonld"):
        assert (released / f"diplograph-1.0.{kind}.gz").stat().st_size > 1_000_000, kind


def test_jsonld_is_compact_with_graphs(sample_store: ox.Store, sample_released: Path) -> None:
    """The JSON-LD's compaction (the context, the graphs named by compact IRIs) is the
    writer's and read on the release of the build's sample (every graph's first 3,000
    quads): parsing the whole graph's JSON-LD as JSON cost about 7 s of CPU. (The whole
    graph's N-Quads are sorted: the test above.)"""
    sample = sample_released
    doc = json.loads(gzip.decompress((sample / "diplograph-1.0.jsonld.gz").read_bytes()))
    assert doc["@context"]["dg"] == "https://diplograph.org/ontology#"
    graphs = {node["@id"] for node in doc["@graph"] if "@graph" in node}
    assert "dgg:dataset/cow-igo-v3" in graphs and "dgg:registry" in graphs
    # every graph, each named by its compact IRI
    assert graphs == {"dgg:" + g.value.rsplit("/graph/", 1)[1]
                      for g in sample_store.named_graphs()}


def test_checksums_verify_with_sha256sum(released: Path) -> None:
    listed = verify(released)
    files = {p.relative_to(released).as_posix() for p in released.rglob("*") if p.is_file()}
    assert set(listed) == files - {"SHA256SUMS"}
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=released, check=True)
    (released / "catalog.ttl").write_bytes((released / "catalog.ttl").read_bytes())
    copy = released.parent / "tampered"
    shutil.copytree(released, copy)
    with open(copy / "release.json", "a") as f:
        f.write(" ")
    with pytest.raises(DiplographError, match="release.json: checksum mismatch"):
        verify(copy)
    shutil.rmtree(copy)


def test_catalogue_states_version_date_software_and_per_graph_licence(
    built_store: ox.Store, released: Path
) -> None:
    cat = ox.Store()
    cat.load(path=str(released / "catalog.ttl"), format=ox.RdfFormat.TURTLE)
    base = read_release(released).path.name
    assert base == "r1"

    def one(q: str) -> list[ox.QuerySolution]:
        return list(cat.query(q))  # type: ignore[arg-type]

    ds = one(f"""SELECT ?v ?d ?sw ?n WHERE {{ ?ds a <{DCAT}Dataset>, <{VOID}Dataset> ;
        <{DCAT}version> ?v ; <{DCTERMS}issued> ?d ; <{VOID}triples> ?n ;
        <http://www.w3.org/ns/prov#wasGeneratedBy>/<http://www.w3.org/ns/prov#wasAssociatedWith>
        /<https://schema.org/softwareVersion> ?sw }}""")
    assert len(ds) == 1
    assert (ds[0]["v"].value, ds[0]["d"].value) == ("1.0", "2026-01-31")  # type: ignore[union-attr]
    assert ds[0]["sw"].value == software_version()  # type: ignore[union-attr]
    assert int(ds[0]["n"].value) == len(built_store)  # type: ignore[union-attr]
    subsets = {r["g"].value: r for r in one(f"""SELECT ?g ?n ?lic ?cit ?dump WHERE {{
        ?ds <{VOID}subset> ?sub . ?sub <{SD}name> ?g ; <{VOID}triples> ?n ; <{VOID}dataDump> ?dump
        OPTIONAL {{ ?sub <{DCTERMS}license> ?lic }} OPTIONAL {{ ?sub <{DCTERMS}bibliographicCitation> ?cit }} }}""")}  # type: ignore[union-attr,index]
    assert set(subsets) == {g.value for g in built_store.named_graphs()}
    cow = subsets["https://diplograph.org/graph/dataset/cow-igo-v3"]
    assert "Pevehouse" in cow["cit"].value  # type: ignore[union-attr,index]
    wiki = subsets["https://diplograph.org/graph/source/wikipedia-foreign-relations-of-mongolia"]
    assert wiki["lic"].value == "https://creativecommons.org/licenses/by-sa/4.0/"  # type: ignore[union-attr,index]
    counts = {g.graph: g.triples for g in describe_graphs(built_store)}
    for g, r in subsets.items():
        assert int(r["n"].value) == counts[g]  # type: ignore[union-attr,index]
    dists = one(f"""SELECT ?url ?size ?sum WHERE {{ ?ds <{DCAT}distribution> ?d .
        ?d <{DCAT}downloadURL> ?url ; <{DCAT}byteSize> ?size ;
           <http://spdx.org/rdf/terms#checksum>/<http://spdx.org/rdf/terms#checksumValue> ?sum }}""")
    sums = dict(reversed(line.split("  ")) for line in
                (released / "SHA256SUMS").read_text().splitlines())
    assert dists
    for d in dists:
        name = d["url"].value.split("/r1/", 1)[1]  # type: ignore[union-attr,index]
        assert sums[name] == d["sum"].value  # type: ignore[union-attr,index]
        assert int(d["size"].value) == (released / name).stat().st_size  # type: ignore[union-attr,index]


def test_every_graph_of_the_build_has_a_licence_or_a_rights_statement(
    built_store: ox.Store,
) -> None:
    rows = catalogue_rows()
    for g in describe_graphs(built_store, rows):
        assert g.title and (g.licence or g.licence_label), g.graph
        assert g.citation, g.graph


def test_same_store_gives_byte_identical_files(sample_store: ox.Store, sample_released: Path,
                                              tmp_path: Path) -> None:
    """Every graph of the build (cut to a sample, so that it can be released twice: the
    module's release of it and one more here)."""
    released = sample_released
    again = tmp_path / "elsewhere" / "r1"
    make_release(sample_store, again, version="1.0", date=DAY)
    assert (again / "SHA256SUMS").read_bytes() == (released / "SHA256SUMS").read_bytes()
    for p in released.rglob("*"):
        if p.is_file():
            assert (again / p.relative_to(released)).read_bytes() == p.read_bytes(), p.name


def test_release_date_comes_from_the_build_not_the_clock(built_store: ox.Store) -> None:
    day = release_date(built_store)
    assert day is not None
    ended = next(iter(built_store.query(
        "SELECT ?t WHERE { GRAPH ?g { ?a <http://www.w3.org/ns/prov#endedAtTime> ?t } } LIMIT 1")))
    assert day.isoformat() == ended["t"].value[:10]  # type: ignore[index,union-attr]


def test_existing_directory_same_version_and_existing_release_are_refused(
    built_store: ox.Store, released: Path, tmp_path: Path
) -> None:
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine")
    with pytest.raises(DiplographError, match="exists and is not a release"):
        make_release(built_store, taken, version="2", date=DAY)
    assert [p.name for p in taken.iterdir()] == ["notes.txt"]
    with pytest.raises(DiplographError, match="already holds release 1.0"):
        make_release(built_store, released, version="9", date=DAY)
    with pytest.raises(DiplographError, match="version 1.0 is already released"):
        make_release(built_store, released.parent / "r-again", version="1.0", date=DAY)
    assert not (released.parent / "r-again").exists()
    with pytest.raises(DiplographError, match="--version"):
        make_release(built_store, tmp_path / "x", version="../evil", date=DAY)
    assert not [p for p in released.parent.iterdir() if p.name.startswith(".")]


def test_a_full_disk_leaves_no_release(built_store_path: Path, tmp_path: Path) -> None:
    """The disk fills mid-release (a file size limit: writes past 1 MB fail with EFBIG): a
    clear error, exit 1, and nothing left that looks like a release, nor any temporary."""
    out = tmp_path / "rels" / "r"

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    p = subprocess.run(
        [sys.executable, "-m", "diplograph", "release", "--store", str(built_store_path),
         "-o", str(out), "--version", "x", "--date", "2026-01-01", "-q"],
        capture_output=True, text=True, cwd=ROOT, preexec_fn=limit, check=False)
    assert p.returncode == 1, p.stderr
    assert "error:" in p.stderr and ("too large" in p.stderr.lower() or "27" in p.stderr)
    assert not out.exists()
    assert list((tmp_path / "rels").iterdir()) == []
    assert list_releases(tmp_path / "rels") == []


def test_the_second_process_failing_is_a_clear_error(tmp_path: Path) -> None:
    """The process writing TriG, Turtle and JSON-LD reports its failure (here: a chunk that
    is not N-Triples) to the release, which raises it; nothing of it is left running."""
    from diplograph.graph.release_dumps import FormatsProcess

    formats = FormatsProcess(tmp_path, "x")
    formats.start("https://diplograph.org/graph/g", "g.ttl.gz")
    formats.chunk(b"<http://e/s> <http://e/p> <http://e/o> .\n")
    formats.chunk(b"not N-Triples\n")
    formats.end()
    with pytest.raises(DiplographError, match="TriG, Turtle and JSON-LD failed"):
        formats.finish()
    formats.abort()
    assert formats._proc.returncode == 1


def _small_store(built: ox.Store) -> ox.Store:
    """The two document graphs of the build, in memory (a small, real store)."""
    s = ox.Store()
    for g in ("source/vn-mn-relations-2023", "source/wikipedia-foreign-relations-of-mongolia"):
        s.extend(built.quads_for_pattern(None, None, None,
                                         ox.NamedNode("https://diplograph.org/graph/" + g)))
    return s


def test_second_release_carries_its_changes(built_store: ox.Store, tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    first = _small_store(built_store)
    make_release(first, folder / "v1", version="v1", date=dt.date(2026, 1, 1))
    first.update("""DELETE { GRAPH ?g { ?x ?p ?o } } WHERE { GRAPH ?g { ?x ?p ?o
      FILTER(STRSTARTS(STR(?x), "https://diplograph.org/id/fact/vn-mn-relations-2023/traditional-friends")) } }""")
    r2 = make_release(first, folder / "v2", version="v2", date=dt.date(2026, 2, 1))
    assert r2.previous == "v1"
    report = json.loads((folder / "v2" / "changes.json").read_text())
    assert report["summary"]["facts_removed"] == 1 and report["summary"]["facts_added"] == 0
    md = (folder / "v2" / "changes.md").read_text()
    assert "Việt Nam và Mông Cổ là bạn bè truyền thống" in md and "release v1" in md
    assert "changes.md" in (folder / "v2" / "SHA256SUMS").read_text()
    html = (folder / "v2" / "changes.html").read_text()
    assert html.startswith("<!doctype html>") and "traditional-friends" in html
    # an earlier date never takes a later release as its previous one
    r0 = make_release(first, folder / "v0", version="v0", date=dt.date(2025, 12, 1))
    assert r0.previous is None and not (folder / "v0" / "changes.md").exists()
    assert [r.version for r in list_releases(folder)] == ["v0", "v1", "v2"]


def test_store_order_and_sort_runs_do_not_change_a_byte(
    built_store: ox.Store, tmp_path: Path
) -> None:
    """Two stores holding the same quads, filled in opposite orders, give the same files; so
    does sorting in many small runs merged from disk instead of in memory, with one thread
    reading the store instead of two, and with TriG, Turtle and JSON-LD written in this
    process instead of a second one."""
    small = _small_store(built_store)
    other = ox.Store()
    other.extend(reversed(list(small)))
    a = make_release(small, tmp_path / "a" / "r", version="1", date=DAY)
    b = make_release(other, tmp_path / "b" / "r", version="1", date=DAY, sort_bytes=2048,
                     workers=1, parallel=False)
    names = sorted(p.relative_to(a.path).as_posix() for p in a.path.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(b.path).as_posix() for p in b.path.rglob("*")
                           if p.is_file())
    for name in names:
        assert (a.path / name).read_bytes() == (b.path / name).read_bytes(), name
    for graph in read_release(a.path).graphs:  # each graph's Turtle is sorted by subject
        quads = ox.parse(gzip.decompress((a.path / graph["file"]).read_bytes()),
                         format=ox.RdfFormat.TURTLE)
        subjects = [str(s) for s, _ in itertools.groupby(q.subject for q in quads)]
        assert subjects == sorted(subjects), graph["file"]  # as N-Triples lines sort


def test_jsonld_of_a_release_reads_the_same_in_rdflib(
    built_store: ox.Store, tmp_path: Path
) -> None:
    """pyoxigraph's JSON-LD compacted on the bytes is standard JSON-LD: an independent
    processor (rdflib) reads exactly the store's quads, named graphs included."""
    import rdflib

    small = _small_store(built_store)
    r = make_release(small, tmp_path / "r", version="1", date=DAY)
    text = gzip.decompress((r.path / "diplograph-1.jsonld.gz").read_bytes())
    doc = json.loads(text)
    node = next(n for g in doc["@graph"] for n in g["@graph"] if "dg:quote" in n)
    assert node["@id"].startswith("dgr:fact/") and "dg:Fact" in node["@type"]
    assert all(isinstance(q, (str, dict)) for q in node["dg:quote"])
    def lines(data: bytes, fmt: str) -> set[str]:  # rdflib normalises some literals: both
        ds = rdflib.Dataset()
        ds.parse(data=data, format=fmt)
        return {line for line in ds.serialize(format="nquads").splitlines() if line}

    expected = lines(gzip.decompress((r.path / "diplograph-1.nq.gz").read_bytes()), "nquads")
    assert len(expected) == len(small)
    assert lines(text, "json-ld") == expected


def test_gzip_level_changes_the_sizes_not_the_contents(built_store: ox.Store, tmp_path: Path
                                                       ) -> None:
    """``--gzip-level``: level 1 writes larger files holding the same bytes as level 9's, and
    each level is deterministic (the same files twice)."""
    small = _small_store(built_store)
    fast = make_release(small, tmp_path / "l1" / "r", version="1", date=DAY, compresslevel=1)
    best = make_release(small, tmp_path / "l9" / "r", version="1", date=DAY, compresslevel=9)
    again = make_release(small, tmp_path / "l1b" / "r", version="1", date=DAY, compresslevel=1)
    for name in ("diplograph-1.nq.gz", "diplograph-1.trig.gz", "diplograph-1.jsonld.gz"):
        a, b = (fast.path / name).read_bytes(), (best.path / name).read_bytes()
        assert gzip.decompress(a) == gzip.decompress(b), name
        assert len(a) > len(b), name
        assert (again.path / name).read_bytes() == a, name
    verify(fast.path)
    from click.testing import CliRunner

    from diplograph.cli import main

    bad = CliRunner().invoke(main, ["release", "-o", str(tmp_path / "x"), "--gzip-level", "0"])
    assert bad.exit_code == 2 and "--gzip-level" in bad.output


def test_gzip_headers_hold_no_name_and_no_time(built_store: ox.Store, tmp_path: Path) -> None:
    """As ``gzip -n``: the same quads released under two versions give the same N-Quads,
    TriG and JSON-LD bytes (only the names of the files differ)."""
    small = _small_store(built_store)
    a = make_release(small, tmp_path / "a" / "r", version="1", date=DAY)
    b = make_release(small, tmp_path / "b" / "r", version="2", date=DAY)
    for kind in ("nq", "trig", "jsonld"):
        data = (a.path / f"diplograph-1.{kind}.gz").read_bytes()
        assert data[:2] == b"\x1f\x8b" and data[3] == 0, kind  # FLG: no FNAME, no FCOMMENT
        assert data[4:8] == b"\0\0\0\0", kind  # MTIME 0
        assert (b.path / f"diplograph-2.{kind}.gz").read_bytes() == data, kind
    for g in read_release(a.path).graphs:
        assert (a.path / g["file"]).read_bytes()[3] == 0, g["file"]


def test_the_largest_graph_known_is_dumped_first_and_every_graph_is_whole(
    tmp_path: Path,
) -> None:
    """With the previous release's counts, the dumper takes the largest graph first (its
    dump is the longest step) while holding one more file on disk; every graph's file still
    holds exactly its triples and is handed over in order (no slot left waiting). Without
    counts the order is the graphs' own."""
    from diplograph.graph.release_dumps import GraphDump, _Dumper

    store = ox.Store()
    sizes = {f"http://e/g/{k}": n for k, n in enumerate([5, 1, 7, 2, 3, 1, 4, 40])}
    for g, n in sizes.items():
        store.extend(ox.Quad(ox.NamedNode(f"{g}/s{i}"), ox.NamedNode("http://e/p"),
                             ox.Literal(str(i)), ox.NamedNode(g)) for i in range(n))
    graphs = [GraphDump(g) for g in sizes]
    assert _Dumper.largest(graphs, sizes) == 7
    assert _Dumper.largest(graphs, {}) is None
    assert _Dumper.largest(graphs, {graphs[0].iri: 9, graphs[1].iri: 2}) is None  # first
    paths = [tmp_path / f"{k}.nt" for k in range(len(graphs))]
    dumper = _Dumper(store, graphs, paths, workers=2, sizes=sizes)
    try:
        for i in range(len(graphs)):
            dumper.wait(i)
            assert len(paths[i].read_bytes().splitlines()) == list(sizes.values())[i]
            dumper.done(i)
    finally:
        dumper.stop()
