"""``diplograph push`` and ``diplograph engine-query``: the graph on an external SPARQL engine.

The graph is built into the embedded store (``diplograph build``); ``push`` copies its graphs to
an engine (Oxigraph server, Virtuoso, Fuseki, GraphDB …), each replaced all or nothing as the
engine's readers see it, with its triple count checked. See docs/engines.md.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..graph.errors import DiplographError
from .options import store_option

if TYPE_CHECKING:  # imported where used: every command would pay for its HTTP client
    from ..graph.remote import RemoteStore

__all__ = ["engine_dataset_option", "engine_options", "engine_query", "optional_engine_options",
           "push", "push_after_build", "push_store", "remote_from_options",
           "remote_settings_options"]


def _engine_options(required: bool):  # noqa: ANN202
    def decorate(f):  # noqa: ANN001, ANN202
        engine = (click.option("--engine", "engine", required=True, envvar="DIPLOGRAPH_ENGINE",
                               metavar="URL",
                               help="The engine's SPARQL query URL [env DIPLOGRAPH_ENGINE].")
                  if required else
                  click.option("--engine", "engine", default=None, metavar="URL",
                               help="Also push the built graphs to this SPARQL engine (its "
                                    "query URL): only what changed, each graph all or nothing."))
        for option in reversed([engine, *_ENGINE_DETAILS]):
            f = option(f)
        return f

    return decorate


#: how to write to and authenticate with an engine (the options after ``--engine``)
_ENGINE_DETAILS = [
    click.option("--update-url", default=None, metavar="URL",
                 help="Its SPARQL Update URL [default: the query URL; …/update "
                      "for …/query]."),
    click.option("--gsp-url", default=None, metavar="URL",
                 help="Its Graph Store URL, for fast loads (e.g. …/store on Oxigraph, "
                      "…/sparql-graph-crud on Virtuoso) [default: INSERT DATA "
                      "requests]."),
    click.option("--auth", "auth_kind", default="none", show_default=True,
                 type=click.Choice(["none", "basic", "digest", "bearer"])),
    click.option("--user", default=None, envvar="DIPLOGRAPH_ENGINE_USER"),
    click.option("--password-env", default="DIPLOGRAPH_ENGINE_PASSWORD",
                 show_default=True,
                 help="The environment variable holding the password or bearer token "
                      "(never on the command line)."),
    click.option("--engine-timeout", default=60.0, show_default=True,
                 type=click.FloatRange(1), help="Seconds per request to the engine."),
]


#: ``--engine-dataset catalogue|union``: what a query that names no graphs reads on the engine
engine_dataset_option = click.option(
    "--engine-dataset", "engine_dataset", default="catalogue", show_default=True,
    envvar="DIPLOGRAPH_ENGINE_DATASET", type=click.Choice(["catalogue", "union"]),
    help="What a query that names no graphs reads: our published graphs, named in each "
         "request (catalogue), or the engine's own default graph (union: for a read-only "
         "engine that holds only our graphs, filled by its bulk loader, with a union default "
         "graph; writes are refused) [env DIPLOGRAPH_ENGINE_DATASET]. See docs/engines.md.")


def remote_settings_options(f):  # noqa: ANN001, ANN201
    """``serve``'s engine options: ``--engine URL`` (optional) and how to write to,
    authenticate with and read the engine; the time limit of each request is the query time
    limit."""
    for option in reversed([
        click.option("--engine", "engine", default=None, envvar="DIPLOGRAPH_ENGINE",
                     metavar="URL",
                     help="Serve this external SPARQL engine (its query URL) instead of the "
                          "store [env DIPLOGRAPH_ENGINE]."),
        *_ENGINE_DETAILS[:-1],
        engine_dataset_option,
    ]):
        f = option(f)
    return f


#: ``--engine URL`` (required) and how to write to and authenticate with it
engine_options = _engine_options(required=True)
#: the same with ``--engine`` optional (``diplograph build --engine URL``)
optional_engine_options = _engine_options(required=False)


def remote_from_options(engine: str, update_url: str | None, gsp_url: str | None,
                        auth_kind: str, user: str | None, password_env: str,
                        engine_timeout: float, dataset: str | None = None) -> RemoteStore:
    """The engine the options name (the secret read from the environment variable);
    ``dataset``: ``--engine-dataset`` (None: ``DIPLOGRAPH_ENGINE_DATASET``, else catalogue)."""
    from ..graph.remote import open_remote

    return open_remote(engine, update_url=update_url, gsp_url=gsp_url, auth_kind=auth_kind,
                       user=user, password_env=password_env, timeout=engine_timeout,
                       dataset=dataset)


def _fail(e: DiplographError) -> None:
    click.echo(f"error: {e}", err=True)
    sys.exit(2 if e.kind in ("syntax", "bad-input") else 1)


@click.command()
@store_option
@engine_options
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Push only this graph (repeatable) [default: every graph of the store].")
@click.option("--force", is_flag=True,
              help="Push every graph, also those the engine already has.")
@click.option("--prune", is_flag=True,
              help="Remove from the engine our graphs that the store no longer has.")
def push(store_path: Path | None, engine: str, update_url: str | None, gsp_url: str | None,
         auth_kind: str, user: str | None, password_env: str, engine_timeout: float,
         graphs: tuple[str, ...], force: bool, prune: bool) -> None:
    """Copy the store's graphs to an external SPARQL engine, each all or nothing.

    Only the graphs whose content the engine does not have yet are sent (their fingerprint is
    recorded on the engine with each graph), unless --force."""
    from ..graph.store import open_store

    try:
        remote = remote_from_options(engine, update_url, gsp_url, auth_kind, user,
                                     password_env, engine_timeout)
        store = open_store(store_path, read_only=True)
        push_store(store, remote, graphs=list(graphs) or None, force=force, prune=prune)
    except DiplographError as e:
        _fail(e)


def push_store(store: object, remote: RemoteStore, *, graphs: list[str] | None = None,
               force: bool = False, prune: bool = False) -> None:
    """Publish ``store`` on ``remote`` with progress lines on standard error (also what
    ``diplograph build --engine URL`` runs after the build: see :func:`push_after_build`)."""
    from ..graph.remote import publish

    t0 = time.perf_counter()
    report = publish(store, remote, graphs=graphs, force=force, prune=prune,  # type: ignore[arg-type]
                     progress=lambda m: click.echo(m, err=True))
    total = sum(n for _, n, _ in report.replaced)
    click.echo(f"pushed {total:,} triples in {len(report.replaced)} graphs to {remote.name} "
               f"({len(report.current)} up to date, {len(report.removed)} removed, "
               f"{len(report.swept)} left-over versions swept) in "
               f"{time.perf_counter() - t0:.1f} s", err=True)


@click.command("engine-query")
@engine_options
@engine_dataset_option
@click.argument("sparql")
def engine_query(engine: str, update_url: str | None, gsp_url: str | None, auth_kind: str,
                 user: str | None, password_env: str, engine_timeout: float,
                 engine_dataset: str, sparql: str) -> None:
    """Run a query on an external engine over our published graphs (or, with
    --engine-dataset union, its own default graph); CSV on standard output."""
    import csv

    import pyoxigraph as ox

    try:
        remote = remote_from_options(engine, update_url, gsp_url, auth_kind, user,
                                     password_env, engine_timeout, dataset=engine_dataset)
        answer = remote.query(sparql)
    except DiplographError as e:
        _fail(e)
        return
    if isinstance(answer, bool):
        click.echo("true" if answer else "false")
        return
    if answer and isinstance(answer[0], ox.Triple):
        sys.stdout.buffer.write(ox.serialize(answer, format=ox.RdfFormat.N_TRIPLES))
        return
    rows = answer
    columns = list(dict.fromkeys(k for r in rows for k in r))  # type: ignore[union-attr]
    w = csv.writer(sys.stdout)
    w.writerow(columns)
    for r in rows:
        w.writerow([r[c].value if c in r else "" for c in columns])  # type: ignore[index,union-attr]


def push_after_build(store_path: Path | None, engine: str, update_url: str | None,
                     gsp_url: str | None, auth_kind: str, user: str | None, password_env: str,
                     engine_timeout: float) -> None:
    """``diplograph build --engine URL``: once the build has written the store, push to the
    engine the graphs it does not have yet (also removing ours the store no longer has, e.g. a
    deleted source's). A graph whose step failed is as it was in the store, so the engine
    keeps it as it was. Exits with an error message on an engine failure."""
    from ..graph.store import open_store

    try:
        remote = remote_from_options(engine, update_url, gsp_url, auth_kind, user,
                                     password_env, engine_timeout)
        push_store(open_store(store_path, read_only=True), remote, prune=True)
    except DiplographError as e:
        _fail(e)
