"""Serve the SPARQL service with gunicorn (``python -m diplograph.server.run --help``).

One gunicorn worker *process* (gthread, ``threads`` request threads) holds the read-write
store, because RocksDB allows one writer; queries run in the QueryService's own killable
worker processes (``workers``). See docs/endpoint.md for the choice of gunicorn over waitress.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

__all__ = ["serve", "DiplographServer"]


class DiplographServer(BaseApplication):  # type: ignore[misc]
    """A gunicorn application that builds the Flask app in its (single) worker process."""

    def __init__(self, app_config: dict[str, Any], options: dict[str, Any]) -> None:
        self.app_config = app_config
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from .app import create_app

        return create_app(self.app_config)


def _has_setting(name: str) -> bool:
    from gunicorn.config import KNOWN_SETTINGS

    return any(s.name == name for s in KNOWN_SETTINGS)


def _worker_exit(server: Any, worker: Any) -> None:
    app = getattr(worker, "wsgi", None)
    qs = getattr(app, "extensions", {}).get("diplograph") if app is not None else None
    if qs is not None:
        qs.close()


def serve(
    store: Path | str,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 2,
    threads: int = 8,
    timeout: float = 30.0,
    update_token: str | None = None,
    cors: bool = False,
    allow_federation: Sequence[str] = (),
    base: str = "https://diplograph.org/",
    max_rows: int = 100_000,
    cache_mb: int = 64,
) -> None:
    """Run the service until interrupted. ``workers`` = query worker processes."""
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app_config: dict[str, Any] = {
        "DIPLOGRAPH_STORE": str(store),
        "DIPLOGRAPH_QUERY_TIMEOUT": timeout,
        "DIPLOGRAPH_QUERY_WORKERS": workers,
        "DIPLOGRAPH_UPDATE_TOKEN": update_token,
        "DIPLOGRAPH_CORS": cors,
        "DIPLOGRAPH_ALLOW_FEDERATION": tuple(allow_federation),
        "DIPLOGRAPH_BASE": base,
        "DIPLOGRAPH_MAX_ROWS": max_rows,
        "DIPLOGRAPH_CACHE_MB": cache_mb,
    }
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": 1,  # one process owns the read-write store
        "worker_class": "gthread",
        "threads": threads,
        # The heartbeat runs in gthread's main loop, so long requests do not trip it;
        # queries themselves are bounded by `timeout` in the QueryService.
        "timeout": max(60, int(timeout * 2) + 10),
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": None,  # the app logs one line per request with its duration
        "errorlog": "-",
        "loglevel": "info",
        "worker_exit": _worker_exit,
        "limit_request_line": 16384,  # long GET queries
    }
    if _has_setting("control_socket_disable"):
        options["control_socket_disable"] = True  # gunicorn >= 24: no socket in $HOME
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/sparql"
    print(f"diplograph: serving {url} (store {store})", file=sys.stderr, flush=True)
    DiplographServer(app_config, options).run()


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m diplograph.server.run``: the same options as ``diplograph serve``."""
    from .cli import serve as serve_command

    serve_command.main(args=list(argv) if argv is not None else None,
                       prog_name="python -m diplograph.server.run")


if __name__ == "__main__":
    main()
