"""The ``serve`` command (the lead adds it to the ``diplograph`` group)."""

from __future__ import annotations

from pathlib import Path

import click

from ..graph.store import default_store_path
from .engine import remote_settings_options
from .options import store_option

__all__ = ["serve"]


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="HTTP worker processes, each answering queries in its own threads "
                   "[default: the number of CPUs].")
@click.option("--threads", default=None, type=click.IntRange(1, 256),
              help="Request threads (and query threads) per worker process "
                   "[default: 2 × CPUs + 1, at most 8].")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              envvar="DIPLOGRAPH_QUERY_TIMEOUT", help="Query time limit in seconds (then 503).")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              envvar="DIPLOGRAPH_MAX_ROWS", help="SELECT row cap (more rows: 422).")
@click.option("--update-token", default=None, envvar="DIPLOGRAPH_UPDATE_TOKEN",
              help="Bearer token for writes; without one the service is read-only.")
@click.option("--cors", is_flag=True, envvar="DIPLOGRAPH_CORS",
              help="Send CORS headers (Access-Control-Allow-Origin: *).")
@click.option("--allow-federation", multiple=True, metavar="IRI",
              help="An IRI that SERVICE/LOAD may reach (repeatable; none by default).")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0),
              envvar="DIPLOGRAPH_CACHE_MB",
              help="Result cache for repeated identical requests, in MiB (0: off).")
@click.option("--base", default="https://diplograph.org/", show_default=True,
              envvar="DIPLOGRAPH_BASE", help="Public base of the /id/ IRIs.")
@click.option("--public-url", default=None, envvar="DIPLOGRAPH_PUBLIC_URL", metavar="URL",
              help="The address users reach the service at, the base of every link it "
                   "writes (never taken from the request's Host) [default: "
                   "http://HOST:PORT/].")
@click.option("--releases", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, envvar="DIPLOGRAPH_RELEASES",
              help="Folder of releases (`diplograph release`) to serve at /dumps.")
@remote_settings_options
def serve(store_path: Path | None, host: str, port: int, workers: int | None, threads: int | None,
          timeout: float, max_rows: int, update_token: str | None, cors: bool,
          allow_federation: tuple[str, ...], cache_mb: int, base: str,
          public_url: str | None, releases: Path | None, engine: str | None,
          update_url: str | None, gsp_url: str | None, auth_kind: str, user: str | None,
          password_env: str, engine_dataset: str) -> None:
    """Serve the SPARQL 1.1 endpoint (/sparql, /update, /store) with granian.

    With --engine URL, the same endpoint, pages, named queries and reconciliation are served
    over an external SPARQL engine (see docs/engines.md) instead of the store."""
    import os

    from ..server.run import serve as run_serve

    if releases is not None:  # read by every worker process's configuration
        os.environ["DIPLOGRAPH_RELEASES"] = str(releases.resolve())

    run_serve(store_path or default_store_path(), host=host, port=port, workers=workers,
              threads=threads, timeout=timeout, update_token=update_token, cors=cors,
              allow_federation=allow_federation, base=base, max_rows=max_rows,
              cache_mb=cache_mb, public_url=public_url,
              engine=None if not engine else {
                  "DIPLOGRAPH_ENGINE": engine, "DIPLOGRAPH_ENGINE_UPDATE_URL": update_url,
                  "DIPLOGRAPH_ENGINE_GSP_URL": gsp_url, "DIPLOGRAPH_ENGINE_AUTH": auth_kind,
                  "DIPLOGRAPH_ENGINE_USER": user,
                  "DIPLOGRAPH_ENGINE_PASSWORD_ENV": password_env,
                  "DIPLOGRAPH_ENGINE_DATASET": engine_dataset})
