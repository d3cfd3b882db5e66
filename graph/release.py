"""Versioned releases of the whole graph: the dump files, a catalogue and checksums.

A release is one directory (``diplograph release -o DIR``) holding:

- ``diplograph-{version}.nq.gz``: every quad, N-Quads, lines sorted bytewise (what
  :mod:`.diff` merges), gzip;
- ``diplograph-{version}.trig.gz``: TriG with the project's prefixes, gzip;
- ``diplograph-{version}.jsonld.gz``: compact JSON-LD with an ``@context``, named graphs kept;
- ``graphs/{name}.ttl.gz``: Turtle, one file per named graph;
- ``catalog.ttl``: the VoID and DCAT description: the release's version, date and software
  version; per graph its title, source, licence, citation and triple count (from
  ``data/catalogue/graphs.csv``); per file its media type, size and SHA-256;
- ``changes.md``, ``changes.html``, ``changes.json``: what changed since the previous release
  (:mod:`.diff`), when there is one;
- ``release.json``: the manifest (version, date, graphs, files);
- ``SHA256SUMS``: the checksum of every other file (``sha256sum -c SHA256SUMS`` checks them).

The dump files are written from one read of the store (:mod:`.release_dumps`). The same
quads give byte-identical files: every graph's triples sorted in every format, gzip headers
with no time stamp, and a release date taken from the store's build metadata (the newest
``prov:endedAtTime``) unless one is given, never from the clock. The on-disk format (manifest,
checksums, sorted N-Quads) is :mod:`.release_files`, which :mod:`.diff` reads too.

Writing is safe: everything goes into a hidden temporary directory beside ``DIR``, the
checksums are verified by reading the files back, and only then is the directory renamed to
``DIR``. A failure at any point (a full disk included) removes the temporary directory, so no
half-written release ever looks complete. Memory stays flat in the graph size: triples are
streamed a chunk of subjects at a time, and each graph is sorted in runs of at most
``sort_bytes`` merged from disk.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from .diff import diff_nquads, write_reports
from .errors import DiplographError
from .namespaces import BASE, DCTERMS, PROV, RDF, RDFS, SCHEMA, VOID, XSD
from .release_dumps import GraphDump, write_dumps
from .release_files import (
    CATALOG,
    FORMAT_ID,
    MANIFEST,
    SUMS,
    Release,
    find_previous,
    list_releases,
    media_type,
    read_release,
    sha256_file,
    verify,
    write_sorted_nquads,
)
from .terms import Term, solutions, to_bytes, value

__all__ = [  # the release's files on disk are read with release_files (re-exported here)
    "CATALOG",
    "MANIFEST",
    "SUMS",
    "GraphInfo",
    "Release",
    "catalogue_rows",
    "describe_graphs",
    "find_previous",
    "list_releases",
    "make_release",
    "media_type",
    "read_release",
    "release_date",
    "software_version",
    "verify",
    "write_sorted_nquads",
]

DCAT = "http://www.w3.org/ns/dcat#"
SPDX = "http://spdx.org/rdf/terms#"
SD = "http://www.w3.org/ns/sparql-service-description#"
IANA = "https://www.iana.org/assignments/media-types/"
_VERSION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

Progress = Callable[[str], None]


def software_version() -> str:
    """diplograph's version from the package metadata (the source's ``__version__`` when the
    package is not installed)."""
    from importlib import metadata

    try:
        return metadata.version("diplograph")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        from .. import __version__

        return __version__


# ---------------------------------------------------------------- the catalogue of graphs


@dataclass(frozen=True)
class CatalogueRow:
    """One row of ``data/catalogue/graphs.csv``."""

    graph: str
    title: str
    source: str
    licence: str
    licence_label: str
    citation: str

    def matches(self, iri: str) -> bool:
        """Does this row describe the graph ``iri`` (exactly, or as a ``*`` prefix)?"""
        if self.graph.endswith("*"):
            return iri.startswith(self.graph[:-1])
        return iri == self.graph


@dataclass
class GraphInfo:
    """What a release says about one named graph."""

    graph: str
    triples: int
    title: str = ""
    source: str = ""
    licence: str = ""
    licence_label: str = ""
    citation: str = ""
    file: str = ""


def catalogue_path() -> Path:
    """``data/catalogue/graphs.csv``: graphs → title, source, licence, citation."""
    from .. import data

    return Path(data.__file__).parent / "catalogue" / "graphs.csv"


def catalogue_rows(path: Path | None = None) -> list[CatalogueRow]:
    """The rows of the graph catalogue (``path`` default: the bundled one).

    >>> rows = catalogue_rows()
    >>> next(r for r in rows if r.matches("https://diplograph.org/graph/dataset/cow-igo-v3")).title
    'COW Intergovernmental Organizations v3: membership spells'
    """
    path = path or catalogue_path()
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            want = {"graph", "title", "source", "licence", "licence_label", "citation"}
            missing = want - set(reader.fieldnames or ())
            if missing:
                raise DiplographError(
                    "bad-input", f"{path}:1: missing column(s) {', '.join(sorted(missing))}")
            rows = []
            for lineno, r in enumerate(reader, 2):
                if not (r["graph"] or "").strip():
                    raise DiplographError("bad-input", f"{path}:{lineno}: graph: empty")
                rows.append(CatalogueRow(**{k: (r[k] or "").strip() for k in want}))
            return rows
    except OSError as e:
        raise DiplographError("storage", f"cannot read the graph catalogue {path}: {e}") from e


_GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_STATED = f"""SELECT ?g ?x ?p ?o WHERE {{ VALUES ?p {{ <{DCTERMS('license')}>
  <{DCTERMS('bibliographicCitation')}> }} GRAPH ?g {{ ?x ?p ?o }} }}"""


def describe_graphs(
    store: ox.Store, rows: list[CatalogueRow] | None = None, counts: dict[str, int] | None = None
) -> list[GraphInfo]:
    """Every named graph of ``store`` with its triple count, title, source, licence and
    citation, sorted by graph IRI. A graph matched only by a ``*`` row takes the licence and
    citation its own data state (``dcterms:license``, ``dcterms:bibliographicCitation``).
    ``counts`` (graph → triples, known from a dump) saves counting (a scan of the store)."""
    rows = catalogue_rows() if rows is None else rows
    if counts is None:
        counts = {value(r["g"]): int(value(r["n"]))
                  for r in solutions(store.query(_GRAPH_COUNTS))}
    else:
        counts = dict(counts)
    for named in store.named_graphs():
        if isinstance(named, ox.NamedNode):
            counts.setdefault(named.value, 0)
    stated: dict[str, dict[str, list[tuple[str, Term]]]] = {}
    for r in solutions(store.query(_STATED)):
        g = value(r["g"])
        stated.setdefault(g, {}).setdefault(value(r["p"]), []).append(
            (value(r["x"]), r["o"]))
    out = []
    for g in sorted(counts):
        info = GraphInfo(g, counts[g])
        row = next((r for r in rows if r.matches(g)), None)
        if row is not None:
            info.title, info.source = row.title, row.source
            info.licence, info.licence_label, info.citation = (
                row.licence, row.licence_label, row.citation)
        if row is None or row.graph.endswith("*"):
            said = stated.get(g, {})
            for node, lic in sorted(said.get(DCTERMS("license"), []), key=str):
                if isinstance(lic, ox.NamedNode):
                    info.licence = lic.value
                else:
                    info.licence_label = value(lic)
                info.source = node
            for _node, cit in sorted(said.get(DCTERMS("bibliographicCitation"), []), key=str):
                info.citation = value(cit)
                break
        out.append(info)
    return out


_ENDED = f"SELECT (MAX(?t) AS ?last) WHERE {{ ?a <{PROV('endedAtTime')}> ?t }}"


def release_date(store: ox.Store) -> dt.date | None:
    """The date of the store's newest build step (``prov:endedAtTime``), if it records one."""
    for r in solutions(store.query(_ENDED, use_default_graph_as_union=True)):
        last = r["last"]
        if last is not None:
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(value(last)[:10])
    return None


# ---------------------------------------------------------------- writing helpers


def graph_file_name(iri: str) -> str:
    """The file name (without ``.ttl.gz``) of a graph's Turtle dump.

    >>> graph_file_name("https://diplograph.org/graph/dataset/cow-igo-v3")
    'dataset-cow-igo-v3'
    >>> graph_file_name("http://example.org/g?x=1")
    'http-example.org-g-x-1'
    """
    name = iri[len(BASE + "graph/"):] if iri.startswith(BASE + "graph/") else iri
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "graph"


# ---------------------------------------------------------------- reading releases


# ---------------------------------------------------------------- making a release


def _check_target(out: Path, version: str) -> None:
    if out.exists() or out.is_symlink():
        if (out / MANIFEST).is_file():
            try:
                other = read_release(out).version
            except DiplographError:
                other = "?"
            raise DiplographError(
                "conflict", f"{out} already holds release {other}: releases are never "
                "overwritten; give another -o")
        raise DiplographError(
            "conflict", f"{out} exists and is not a release: give a new directory for -o "
            "(it is created)")
    for r in list_releases(out.parent):
        if r.version == version:
            raise DiplographError(
                "conflict", f"version {version} is already released in {r.path}: give "
                "another --version")


def make_release(
    store: ox.Store,
    out: str | os.PathLike[str],
    *,
    version: str | None = None,
    date: dt.date | None = None,
    previous: str | os.PathLike[str] | None = None,
    base_url: str | None = None,
    progress: Progress = lambda _m: None,
    compresslevel: int = 6,
    sort_bytes: int = 32 * 2**20,
    workers: int = 2,
    parallel: bool = True,
    catalogue: list[CatalogueRow] | None = None,
) -> Release:
    """Write a release of ``store`` to the new directory ``out`` (see the module docstring).

    ``version`` defaults to the release date; ``date`` to the store's build date
    (:func:`release_date`); ``previous`` (a release directory) to the newest release beside
    ``out``; ``base_url`` (where the files will be published) to
    ``https://diplograph.org/dumps/{name of out}/``; ``workers``: threads reading the store;
    ``parallel``: TriG, Turtle and JSON-LD written by a second process, beside the N-Quads
    (:func:`~.release_dumps.write_dumps`; the same bytes either way)."""
    out = Path(out).absolute()
    if date is None:
        date = release_date(store)
        if date is None:
            raise DiplographError(
                "bad-input", "the store records no build date (prov:endedAtTime): give --date")
    version = version or date.isoformat()
    if not _VERSION_RE.match(version):
        raise DiplographError(
            "bad-input", f"--version {version!r}: use letters, digits, '.', '_' and '-' "
            "(at most 64)")
    _check_target(out, version)
    prev: Release | None = None
    if previous is not None:
        prev = read_release(previous)
    else:
        prev = find_previous(out.parent, before=date.isoformat(), exclude=out)
    base_url = base_url or f"{BASE}dumps/{quote(out.name)}/"
    if not base_url.endswith("/"):
        base_url += "/"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    work = tmp / ".work"
    try:
        work.mkdir()
        (tmp / "graphs").mkdir()
        stem = f"diplograph-{version}"
        names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        files = {g: f"graphs/{graph_file_name(g)}.ttl.gz" for g in names}
        if len(set(files.values())) != len(names):  # pragma: no cover
            raise DiplographError("internal", "two graphs map to one file name")
        progress(f"writing release {version} ({date.isoformat()}) into {out}")
        to_dump = [GraphDump(g, files[g]) for g in names]
        if _has_default_graph(store):
            to_dump.insert(0, GraphDump(None))
        sorted_nq = work / "sorted.nq" if prev is not None else None
        dumps = write_dumps(store, tmp, stem, to_dump, work=work, sort_bytes=sort_bytes,
                            compresslevel=compresslevel, workers=workers,
                            parallel=parallel, sorted_copy=sorted_nq, progress=progress,
                            sizes=_sizes(prev))
        sums = dict(dumps.sums)
        n_lines = dumps.quads
        graphs = describe_graphs(store, catalogue, {g: dumps.counts[g] for g in names})
        for g in graphs:
            g.file = files[g.graph]
        progress(f"  N-Quads ({n_lines:,} quads, sorted) written")
        changes: dict[str, Any] | None = None
        if prev is not None:
            assert sorted_nq is not None
            report = diff_nquads(prev.nquads, sorted_nq, old_label=f"release {prev.version}",
                                 new_label=f"release {version}", tmp_dir=work)
            for name in write_reports(report, tmp, stem="changes"):
                sums[name] = (sha256_file(tmp / name), (tmp / name).stat().st_size)
            changes = report["summary"]
            progress(f"  changes since {prev.version}: {changes}")
        shutil.rmtree(work)
        total = sum(g.triples for g in graphs)
        info = {
            "format": FORMAT_ID,
            "version": version,
            "date": date.isoformat(),
            "software_version": software_version(),
            "base_url": base_url,
            "triples": n_lines,
            "triples_in_named_graphs": total,
            "previous": prev.version if prev else None,
            "changes": changes,
            "graphs": [asdict(g) for g in graphs],
            "files": [{"name": n, "bytes": s, "sha256": h, "media_type": media_type(n),
                       "compressed": n.endswith(".gz")}
                      for n, (h, s) in sorted(sums.items())],
        }
        catalog = catalogue_triples(info)
        (tmp / CATALOG).write_bytes(to_bytes(catalog, ox.RdfFormat.TURTLE,
                                             prefixes=CATALOG_PREFIXES))
        (tmp / MANIFEST).write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        for name in (CATALOG, MANIFEST):
            sums[name] = (sha256_file(tmp / name), (tmp / name).stat().st_size)
        (tmp / SUMS).write_text("".join(f"{h}  {n}\n" for n, (h, _) in sorted(sums.items())),
                                encoding="ascii")
        verify(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp made it private
        _check_target(out, version)  # another release may have appeared meanwhile
        os.rename(tmp, out)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise DiplographError(
            "storage", f"cannot write the release (nothing was kept; is the disk full?): {e}"
        ) from e
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    progress(f"release {version}: {len(sums) + 1} files in {out}")
    return read_release(out)


def _sizes(prev: Release | None) -> dict[str, int]:
    """The triples of each graph in the release ``prev`` (none without one)."""
    sizes: dict[str, int] = {}
    for g in prev.graphs if prev is not None else []:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            sizes[str(g["graph"])] = int(g["triples"])
    return sizes


def _has_default_graph(store: ox.Store) -> bool:
    first = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    return first is not None


# ---------------------------------------------------------------- the catalogue (VoID + DCAT)


CATALOG_PREFIXES = {
    "dcat": DCAT, "dcterms": str(DCTERMS), "void": str(VOID), "prov": str(PROV),
    "rdfs": str(RDFS), "schema": str(SCHEMA), "spdx": SPDX, "sd": SD, "xsd": str(XSD),
}


def catalogue_triples(info: dict[str, Any]) -> list[ox.Triple]:
    """The VoID and DCAT description of a release, from its manifest ``info``."""
    base = info["base_url"]
    n = ox.NamedNode
    out: list[ox.Triple] = []

    def add(s: str, p: str, o: Term) -> None:
        out.append(ox.Triple(n(s), n(p), o))

    def lit(v: object, datatype: str | None = None) -> ox.Literal:
        return ox.Literal(str(v), datatype=n(datatype)) if datatype else ox.Literal(str(v))

    version, date = info["version"], info["date"]
    cat, ds = base, base + "#dataset"
    agent = base + "#software"
    activity = base + "#release"
    add(cat, RDF("type"), n(DCAT + "Catalog"))
    add(cat, DCTERMS("title"), ox.Literal(f"diplograph release {version}", language="en"))
    add(cat, DCTERMS("issued"), lit(date, XSD("date")))
    add(cat, DCAT + "dataset", n(ds))
    for t in (DCAT + "Dataset", VOID("Dataset")):
        add(ds, RDF("type"), n(t))
    add(ds, DCTERMS("title"), ox.Literal(f"diplograph {version}", language="en"))
    add(ds, DCTERMS("description"), ox.Literal(
        "A knowledge graph of international relations: facts from source documents, each "
        "with its quote, and from reference data sets, each with its rows; a registry of "
        "actors linked to Wikidata. Every named graph keeps its own licence.", language="en"))
    add(ds, DCAT + "version", lit(version))
    add(ds, DCTERMS("issued"), lit(date, XSD("date")))
    add(ds, DCTERMS("modified"), lit(date, XSD("date")))
    add(ds, DCTERMS("rights"), ox.Literal(
        "Mixed: each named graph (void:subset) states its own licence and citation; "
        "cite the data sets as they ask.", language="en"))
    add(ds, DCTERMS("bibliographicCitation"), lit(
        f"diplograph contributors. diplograph: a knowledge graph of international relations, "
        f"release {version} ({date}). {base}"))
    add(ds, VOID("triples"), lit(info["triples"], XSD("integer")))
    add(ds, VOID("uriSpace"), lit(BASE + "id/"))
    add(ds, PROV("wasGeneratedBy"), n(activity))
    add(activity, RDF("type"), n(PROV("Activity")))
    add(activity, PROV("wasAssociatedWith"), n(agent))
    add(agent, RDF("type"), n(PROV("SoftwareAgent")))
    add(agent, RDF("type"), n(SCHEMA("SoftwareApplication")))
    add(agent, RDFS("label"), lit(f"diplograph {info['software_version']}"))
    add(agent, SCHEMA("softwareVersion"), lit(info["software_version"]))
    if info.get("previous"):
        add(ds, DCAT + "previousVersion", n(base + "../" + quote(info["previous"]) + "/#dataset"))
    for f in info["files"]:
        url = base + quote(f["name"])
        dist = url
        if f["name"].endswith((".nq.gz", ".trig.gz", ".jsonld.gz")):
            add(ds, VOID("dataDump"), n(url))
        add(ds, DCAT + "distribution", n(dist))
        add(dist, RDF("type"), n(DCAT + "Distribution"))
        add(dist, DCAT + "downloadURL", n(url))
        add(dist, DCAT + "mediaType", n(IANA + f["media_type"]))
        if f["compressed"]:
            add(dist, DCAT + "compressFormat", n(IANA + "application/gzip"))
        add(dist, DCAT + "byteSize", lit(f["bytes"], XSD("nonNegativeInteger")))
        ck = url + "#sha256"
        add(dist, SPDX + "checksum", n(ck))
        add(ck, RDF("type"), n(SPDX + "Checksum"))
        add(ck, SPDX + "algorithm", n(SPDX + "checksumAlgorithm_sha256"))
        add(ck, SPDX + "checksumValue", lit(f["sha256"], XSD("hexBinary")))
    for g in info["graphs"]:
        sub = base + "#graph-" + graph_file_name(g["graph"])
        add(ds, VOID("subset"), n(sub))
        for t in (VOID("Dataset"), DCAT + "Dataset"):
            add(sub, RDF("type"), n(t))
        add(sub, SD + "name", n(g["graph"]))
        add(sub, VOID("triples"), lit(g["triples"], XSD("integer")))
        if g["title"]:
            add(sub, DCTERMS("title"), ox.Literal(g["title"], language="en"))
        if g["source"]:
            add(sub, DCTERMS("source"), n(g["source"]) if g["source"].startswith("http")
                else lit(g["source"]))
        if g["licence"]:
            add(sub, DCTERMS("license"), n(g["licence"]))
        if g["licence_label"]:
            add(sub, DCTERMS("rights"), lit(g["licence_label"]))
        if g["citation"]:
            add(sub, DCTERMS("bibliographicCitation"), lit(g["citation"]))
        if g.get("file"):
            add(sub, VOID("dataDump"), n(base + quote(g["file"])))
    return out
