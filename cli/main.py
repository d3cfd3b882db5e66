"""The ``diplograph`` command line.

Results go to standard output; progress and errors to standard error. Exit codes: 0 success,
1 a failure (a facts file refused, nothing found), 2 a usage or query syntax error.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from .. import __version__
from ..graph import formats
from ..graph.errors import DiplographError
from ..graph.store import default_store_path, open_store
from .engine import engine_query, optional_engine_options, push, push_after_build
from .extract import evaluate, extract, review
from .link import link
from .options import store_option
from .serve import serve

EXIT_FAILURE = 1
EXIT_USAGE = 2


#: error kinds that are a usage error (exit 2): the command line itself must change
USAGE_KINDS = ("syntax", "not-acceptable")


def _fail(e: DiplographError, *, usage: bool = False) -> None:
    click.echo(f"error: {e}", err=True)
    sys.exit(EXIT_USAGE if usage or e.kind in USAGE_KINDS else EXIT_FAILURE)


def _open(store_path: Path | None, *, read_only: bool = False):  # noqa: ANN202
    try:
        return open_store(store_path, read_only=read_only)
    except DiplographError as e:
        if "lock" in str(e).lower():
            e = DiplographError(
                "storage",
                f"{e.message} (is `diplograph serve` running on this store? stop it, or give "
                "another --store)",
            )
        _fail(e)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
def main() -> None:
    """diplograph: a knowledge graph of international relations.

    Build the graph from the bundled sources with `diplograph build`, then query it with
    `diplograph query` or serve it with `diplograph serve`.
    """


def _served(store_path: Path | None) -> bool:
    """True when `diplograph serve` holds the store at ``store_path``."""
    from ..graph.checkpoints import check_not_served

    try:
        check_not_served(store_path or default_store_path())
    except DiplographError:
        return True
    return False


def _write(store_path: Path | None, change):  # noqa: ANN001, ANN202
    """Run ``change(store)`` on the store, read-write.

    When `diplograph serve` is running on it, the service's own write path is used: the
    change runs under the service's write lock (``<store>.snapshots/WRITE.lock``) on the live
    store, and a new checkpoint is published, exactly as a worker does for /update; every
    later query of every worker sees it, with no restart (docs/endpoint.md)."""
    if _served(store_path):
        from ..graph.checkpoints import Checkpoints

        where = store_path or default_store_path()
        click.echo(
            f"the store at {where} is being served: writing under the service's write lock, "
            "then publishing a new checkpoint",
            err=True,
        )
        # superseded checkpoints are left for the service to sweep (it knows its time limit)
        return Checkpoints(where, keep_seconds=float("inf")).write(change)
    return change(_open(store_path))


def _keep_search_index(store_path: Path | None, quiet: bool = False) -> None:
    """After a build or load on the command line: make the search index of the new data and
    keep it beside the store, so that the next `diplograph serve` reuses it instead of
    building it at its start (server/search_index.py; nothing when a service holds the
    store, which brings its own index up to date, or with DIPLOGRAPH_NO_CACHE)."""
    from ..server.search_index import keep_for_next_start

    t0 = time.perf_counter()
    done = keep_for_next_start(store_path or default_store_path())
    if done is not None and done[0] == "kept" and not quiet:
        click.echo(f"search index kept for the next start ({done[1]:,} entities, "
                   f"{time.perf_counter() - t0:.1f} s)", err=True)


@main.command()
@store_option
@click.option(
    "--sources",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Folder of *.facts.yaml files [default: the bundled sources/].",
)
@click.option("--no-datasets", is_flag=True, help="Skip the reference data sets.")
@click.option(
    "-d",
    "--dataset",
    "datasets",
    multiple=True,
    metavar="NAME",
    help="Build only this reference data set (repeatable; see `diplograph datasets`).",
)
@click.option("--force", is_flag=True, help="Rebuild every graph, also those that are current.")
@click.option(
    "--optimize/--no-optimize",
    default=True,
    show_default=True,
    help="Compact the store once the graphs are written (about 3-4 s of CPU for the full "
    "graph). Without it the store is left as the bulk loads wrote it, and its pages and "
    "heavier queries are 1.4-1.9x slower until `diplograph optimize` runs.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
@optional_engine_options
def build(
    store_path: Path | None,
    sources: Path | None,
    no_datasets: bool,
    datasets: tuple[str, ...],
    force: bool,
    optimize: bool,
    quiet: bool,
    engine: str | None,
    update_url: str | None,
    gsp_url: str | None,
    auth_kind: str,
    user: str | None,
    password_env: str,
    engine_timeout: float,
) -> None:
    """Build the graph: ontology, registry, reference data sets and every source's facts.

    Only the graphs whose inputs changed (files, loader code, ontology version) are rebuilt,
    unless --force. Works while `diplograph serve` runs on the store: the next query sees the
    new graphs. With --engine, the built graphs then go to that SPARQL engine too (only those
    it does not have yet; docs/engines.md)."""
    from ..loaders.build import build as run_build

    if no_datasets and datasets:
        raise click.UsageError("give --no-datasets or --dataset, not both")
    t0 = time.perf_counter()
    where = store_path or default_store_path()
    if not quiet:
        click.echo(f"building the graph in {where}", err=True)
    say = (lambda m: None) if quiet else (lambda m: click.echo(m, err=True))

    def change(store):  # noqa: ANN001, ANN202
        report = run_build(
            store,
            sources=sources,
            with_datasets=not no_datasets,
            datasets=datasets or None,
            force=force,
            progress=say,
        )
        if report.steps:
            store.flush()
            if optimize:
                store.optimize()  # compact: bulk-loaded files read several times slower
        return report

    try:
        report = _write(store_path, change)
    except DiplographError as e:
        _fail(e)
    n = sum(t for _, t, _ in report.steps)
    if report.steps:
        click.echo(
            f"rebuilt {len(report.steps)} graph(s), {n:,} triples written; "
            f"{len(report.skipped)} up to date; in {time.perf_counter() - t0:.1f} s",
            err=True,
        )
    else:
        click.echo(
            f"nothing to rebuild: all {len(report.skipped)} graphs are up to date "
            f"({time.perf_counter() - t0:.1f} s)",
            err=True,
        )
    _keep_search_index(store_path, quiet)
    if engine:
        push_after_build(store_path, engine, update_url, gsp_url, auth_kind, user, password_env,
                         engine_timeout)
    if report.failures:
        click.echo(f"error: {len(report.failures)} step(s) failed, the other steps were built:",
                   err=True)
        for failure in report.failures:
            click.echo(f"  {failure.message}", err=True)
        sys.exit(EXIT_FAILURE)


@main.command()
@store_option
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def optimize(store_path: Path | None, quiet: bool) -> None:
    """Compact the store for reading (what `oxigraph optimize` does).

    `diplograph build` and `diplograph load` of RDF files do it after they write, unless
    --no-optimize: a store of bulk-loaded tables that was never compacted is served as it is
    (the service reads checkpoints, which are never compacted), its entity pages and heavier
    queries 1.4-1.9x slower (docs/benchmarks.md, "Session 15 (s15-build)"). Works while
    `diplograph serve` runs on the store: the service then reads the compacted store."""
    t0 = time.perf_counter()

    def change(store):  # noqa: ANN001, ANN202
        store.flush()
        store.optimize()

    try:
        _write(store_path, change)
    except DiplographError as e:
        _fail(e)
    if not quiet:
        click.echo(f"compacted the store for reading in {time.perf_counter() - t0:.1f} s",
                   err=True)
    _keep_search_index(store_path, quiet)


@main.command("datasets")
def datasets_cmd() -> None:
    """List the reference data sets `diplograph build` loads (name, graph, title)."""
    from ..loaders.catalogue import all_datasets

    for info, _ in all_datasets():
        click.echo(f"{info.name}\t<{info.graph}>\t{info.title}")


@main.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option("--no-shacl", is_flag=True, help="Skip the SHACL check.")
def validate(files: tuple[Path, ...], no_shacl: bool) -> None:
    """Check facts files without loading them. Prints one line per problem."""
    from ..loaders.facts import check_shapes, document_quads, parse_facts_file

    bad = 0
    for f in files:
        try:
            doc = parse_facts_file(f)
            quads = document_quads(doc)
            if not no_shacl:
                check_shapes(doc, quads)
            click.echo(f"{f}: ok ({len(doc.facts)} facts, {len(quads)} triples)")
        except DiplographError as e:
            bad += 1
            click.echo(str(e), err=True)
        except Exception as e:  # noqa: BLE001 - a bug: reported for this file, the others go on
            bad += 1
            click.echo(f"{f}: internal error while checking ({type(e).__name__}: {e}); please "
                       "report it", err=True)
    if bad:
        sys.exit(EXIT_FAILURE)


@main.command()
@click.argument("sparql", required=False)
@store_option
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.File("r", encoding="utf-8"),
    help="Read the query from a file ('-' for standard input).",
)
@click.option("-n", "--named", help="Run a named query from queries/ (see `diplograph queries`).")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter of the named query, bound as an RDF term (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.NAMES),
    default=None,
    help="Result format [default: json for SELECT/ASK, turtle for graphs].",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    envvar="DIPLOGRAPH_QUERY_TIMEOUT",
    default=30.0,
    show_default=True,
    help="Stop the query after this many seconds, as the endpoint does (0: no limit) "
    "[env DIPLOGRAPH_QUERY_TIMEOUT].",
)
def query(
    sparql: str | None,
    store_path: Path | None,
    query_file,
    named: str | None,  # noqa: ANN001
    params: tuple[str, ...],
    fmt: str | None,
    timeout: float,
) -> None:
    """Run a SPARQL query on the store (the default graph is the union of all graphs).

    Like the endpoint, a query that runs past --timeout is stopped (exit 1)."""
    import os

    from ..graph.named_queries import bind, get_query
    from ..graph.timed import query_with_limit

    subs = None
    try:
        if named:
            if sparql or query_file:
                raise click.UsageError("give either a query or --named, not both")
            try:
                q = get_query(named)
            except DiplographError as e:
                _fail(e, usage=True)
            args = {}
            for p in params:
                k, sep, v = p.partition("=")
                if not sep:
                    raise click.UsageError(f"--param {p!r}: expected NAME=VALUE")
                args[k] = v
            text = q.text
            store = _open(store_path, read_only=True)  # names resolve against its registry
            try:
                subs = bind(q, args, store=store)
            except DiplographError as e:  # a missing, unknown or malformed parameter
                _fail(e, usage=True)
        else:
            if params:
                raise click.UsageError("--param goes with --named")
            text = query_file.read() if query_file else sparql
            if not text:
                raise click.UsageError("give a query, --file or --named")
            store = _open(store_path, read_only=True)
        out = query_with_limit(store, text, fmt=fmt, substitutions=subs, timeout=timeout)
    except DiplographError as e:
        if e.kind == "timeout":  # the query goes on in its thread: leave at once
            click.echo(f"error: {e}", err=True)
            sys.stderr.flush()
            os._exit(EXIT_FAILURE)
        _fail(e)
    sys.stdout.buffer.write(out)
    if not out.endswith(b"\n"):
        sys.stdout.buffer.write(b"\n")


@main.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@store_option
@click.option(
    "-g",
    "--graph",
    help="Load triples into this named graph (an IRI) [default: the "
    "graphs of a quad file; the default graph for triple formats].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(formats.RDF_FILE_FORMATS)),
    default=None,
    help="[default: from the file name]",
)
@click.option(
    "--atomic",
    is_flag=True,
    help="All or nothing, in one transaction (holds the file in memory; slower).",
)
@click.option(
    "--no-optimize",
    is_flag=True,
    help="Skip the compaction after loading (faster import, slower queries until the "
    "store is compacted).",
)
def load(
    files: tuple[Path, ...],
    store_path: Path | None,
    graph: str | None,
    fmt: str | None,
    atomic: bool,
    no_optimize: bool,
) -> None:
    """Load files into the store: a source document (FILE.facts.yaml) into its graph, or RDF
    files (bulk loader by default, like `oxigraph load`).

    A facts file is validated first (structure, quotes, dates, names, SHACL); a refused file
    changes nothing. Its graph is replaced atomically.

    The bulk loader is fast but not atomic: an RDF file that fails midway may leave part of it.
    Use --atomic for all-or-nothing. Afterwards the store is compacted (what `oxigraph
    optimize` does, and `oxigraph serve` in the background): the bulk loader's files read
    several times slower at 10 M quads, and the service reads checkpoints, which are never
    compacted in place.

    Works while `diplograph serve` runs on the store: the next query sees the change.
    """
    facts = [f for f in files if f.name.endswith((".facts.yaml", ".facts.yml"))]
    rdf = [f for f in files if f not in facts]
    if facts:
        if graph or fmt or atomic:
            raise click.UsageError("--graph, --format and --atomic apply to RDF files only")
        _load_facts(facts, store_path)
    if rdf:
        _load_rdf(rdf, store_path, graph, fmt, atomic, no_optimize)


def _load_facts(files: list[Path], store_path: Path | None) -> None:
    """Validate every facts file, then (only if all are valid) replace their graphs."""
    from ..loaders.build import facts_fingerprint, record_graph
    from ..loaders.facts import check_shapes, document_quads, parse_facts_file, replace_graph
    from ..loaders.registry import load_registry

    registry = load_registry()
    docs = []
    for f in files:
        try:
            doc = parse_facts_file(f, registry.resolve)
            quads = document_quads(doc)
            check_shapes(doc, quads)
        except DiplographError as e:
            _fail(e)  # names the file and line; nothing was written
        docs.append((f, doc, quads, facts_fingerprint(f)))

    def change(store):  # noqa: ANN001, ANN202
        out = []
        for f, doc, quads, (key, fp, manifest) in docs:
            t0 = time.perf_counter()
            n = replace_graph(store, doc.graph, quads)
            record_graph(store, key, doc.graph, fp, manifest)
            out.append((f, doc, n, time.perf_counter() - t0))
        return out

    try:
        done = _write(store_path, change)
    except DiplographError as e:
        _fail(e)
    for f, doc, n, took in done:
        click.echo(
            f"{f}: {len(doc.facts)} facts, {n:,} triples loaded into <{doc.graph}> in "
            f"{took:.2f} s",
            err=True,
        )
    _keep_search_index(store_path)


def _load_rdf(
    files: list[Path],
    store_path: Path | None,
    graph: str | None,
    fmt: str | None,
    atomic: bool,
    no_optimize: bool,
) -> None:
    import pyoxigraph as ox

    from ..graph.export import format_for_path

    for f in files:
        name = fmt or format_for_path(f)
        if name is None:
            _fail(DiplographError("bad-input", f"{f}: cannot tell the format; give --format"),
                  usage=True)
        if name == "rdfxml":
            from ..graph.rdfxml import refuse_doctype_in_file

            try:
                refuse_doctype_in_file(f)
            except DiplographError as e:
                _fail(e)

    def change(store):  # noqa: ANN001, ANN202
        for f in files:
            name = fmt or format_for_path(f)
            # counting is a full scan (about 0.2 s per million quads): skip it for an empty store
            empty = next(iter(store.quads_for_pattern(None, None, None, None)), None) is None
            before = 0 if empty else len(store)
            t0 = time.perf_counter()
            kwargs: dict[str, object] = {"path": str(f),
                                         "format": formats.RDF_FILE_FORMATS[name]}
            if graph:
                kwargs["to_graph"] = ox.NamedNode(graph)
            try:
                if atomic:
                    store.load(**kwargs)
                else:
                    store.bulk_load(**kwargs)
            except (SyntaxError, ValueError) as e:
                raise DiplographError("bad-input", f"{f}: {e}") from None
            dt_s = time.perf_counter() - t0
            n = len(store) - before
            click.echo(
                f"{f}: {n:,} quads loaded in {dt_s:.1f} s ({n / max(dt_s, 1e-9):,.0f}/s)",
                err=True,
            )
        store.flush()
        if not no_optimize:
            t0 = time.perf_counter()
            store.optimize()
            click.echo(f"compacted the store for reading in {time.perf_counter() - t0:.1f} s",
                       err=True)

    try:
        _write(store_path, change)
    except DiplographError as e:
        _fail(e)
    _keep_search_index(store_path)


@main.command("queries")
def list_named_queries() -> None:
    """List the named queries with their parameters."""
    from ..graph.named_queries import list_queries

    for q in list_queries():
        params = " ".join(f"{p.name}:{p.type}{'' if p.required else '?'}" for p in q.parameters)
        click.echo(f"{q.name:32} {q.title}" + (f"  [{params}]" if params else ""))


@main.command()
@store_option
@click.option("-g", "--graph", help="Export only this named graph (an IRI).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(formats.RDF_FILE_FORMATS)),
    default=None,
    help="[default: from the file name, else turtle]",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file ('.gz' compresses) [default: standard output].",
)
@click.option(
    "-j",
    "--threads",
    type=click.IntRange(min=1),
    default=None,
    help="Graphs serialised at once (Turtle, N-Triples, N-Quads of the whole store) "
    "[default: the number of CPUs].",
)
def export(
    store_path: Path | None, graph: str | None, fmt: str | None, output: Path | None,
    threads: int | None,
) -> None:
    """Export the store (or one graph) as RDF, streaming; Turtle by default."""
    from ..graph.export import count_quads, export_to_path
    from ..graph.export import export as do_export

    store = _open(store_path, read_only=True)
    try:
        if output:
            used = export_to_path(store, output, fmt=fmt, graph=graph, workers=threads)
            where = f"{output} ({used})"
        else:
            do_export(store, sys.stdout.buffer, fmt=fmt or "turtle", graph=graph,
                      workers=threads)
            sys.stdout.buffer.flush()
            where = f"standard output ({fmt or 'turtle'})"
        n = count_quads(store, graph)
        click.echo(f"exported {n:,} {'triples' if graph else 'quads'} to {where}", err=True)
    except DiplographError as e:
        _fail(e, usage=e.kind == "bad-input")


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def stats(store_path: Path | None, as_json: bool) -> None:
    """Counts: quads, graphs, entities per class, facts."""
    from ..graph.stats import stats as compute

    s = compute(_open(store_path, read_only=True))
    if as_json:
        click.echo(json.dumps(s, indent=2))
        return
    click.echo(
        f"quads: {s['quads']:,}   distinct triples: {s['distinct_triples']:,}   "
        f"facts: {s['facts']:,}"
    )
    click.echo("graphs:")
    for g, n in s["graphs"].items():
        click.echo(f"  {n:>9,}  {g}")
    click.echo("classes (dg:):")
    for c, n in s["classes"].items():
        click.echo(f"  {n:>9,}  {c.rsplit('#', 1)[-1]}")


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None):  # noqa: ANN202
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@main.command()
@store_option
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The new release directory (created; its parent holds the earlier releases).",
)
@click.option("--version", "version", help="Release version [default: the release date].")
@click.option(
    "--date",
    callback=_iso_date,
    help="Release date, YYYY-MM-DD [default: the store's build date].",
)
@click.option(
    "--previous",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="The release to compare with [default: the newest release beside the output].",
)
@click.option(
    "--base-url",
    help="Where the release will be published (the catalogue's IRIs) "
    "[default: https://diplograph.org/dumps/NAME/].",
)
@click.option(
    "--gzip-level",
    type=click.IntRange(1, 9),
    default=6,
    show_default=True,
    help="gzip compression level of the dump files: 1 is fastest, 9 smallest (on the real "
    "graph level 3 takes about a third of level 6's CPU for files about a third larger).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def release(
    store_path: Path | None, output: Path, version: str | None, date, previous: Path | None,  # noqa: ANN001
    base_url: str | None, gzip_level: int, quiet: bool,
) -> None:
    """Write a citable release: dumps in N-Quads, TriG, JSON-LD and Turtle per graph (gzip),
    a VoID/DCAT catalogue, SHA256SUMS and what changed since the previous release."""
    from ..graph.release import make_release

    store = _open(store_path, read_only=True)
    t0 = time.perf_counter()
    try:
        r = make_release(
            store, output, version=version, date=date, previous=previous, base_url=base_url,
            compresslevel=gzip_level,
            progress=(lambda m: None) if quiet else (lambda m: click.echo(m, err=True)),
        )
    except DiplographError as e:
        _fail(e, usage=e.kind == "bad-input")
    click.echo(
        f"released {r.version} ({r.date}): {r.triples:,} quads, {len(r.files) + 3} files in "
        f"{output} in {time.perf_counter() - t0:.1f} s", err=True)


@main.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json"]),
    default="markdown",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file [default: standard output].",
)
def diff(old: Path, new: Path, fmt: str, output: Path | None) -> None:
    """What changed from OLD to NEW (each a release, a store or a sorted N-Quads file):
    facts added, removed and changed, by graph and type, with their quotes or data-set rows."""
    from ..graph.diff import diff_paths, render_html, render_markdown

    try:
        report = diff_paths(old, new)
    except DiplographError as e:
        _fail(e)
    if fmt == "json":
        text = json.dumps(report, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    elif fmt == "html":
        text = render_html(report)
    else:
        text = render_markdown(report)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    s = report["summary"]
    click.echo(f"{s['facts_added']:,} facts added, {s['facts_removed']:,} removed, "
               f"{s['facts_changed']:,} changed; {s['other_subjects_changed']:,} other subjects "
               "changed", err=True)


for _command in (serve, link, extract, evaluate, review, push, engine_query):
    main.add_command(_command)
