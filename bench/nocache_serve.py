"""``python -m bench.nocache_serve ARGS``: ``diplograph serve ARGS`` with the result cache off.

A stand-in for ``diplograph serve --cache-mb 0`` while that flag cannot boot the server
(``server/config.py`` rejects ``DIPLOGRAPH_CACHE_MB = 0`` as "must be positive", although the
CLI and ``graph/cache.py`` document 0 as "off"). It runs the same gunicorn application with
the same options, builds the Flask app with a 1 MiB cache and then disables that cache
(``max_bytes = 0``: :attr:`ResultCache.enabled` is false, so every request goes to the query
workers, exactly the cache-off path). :func:`bench.servers.start_diplograph` uses it only
when the real flag fails, and the report says so.
"""

from __future__ import annotations

import sys
from typing import Any


def main(argv: list[str]) -> None:
    """Serve with the cache switched off after the app is built."""
    from diplograph.server import run

    original = run.DiplographServer.load

    def load(self: Any) -> Any:
        self.app_config = {**self.app_config, "DIPLOGRAPH_CACHE_MB": 1}
        app = original(self)
        cache = app.extensions["diplograph"].cache
        cache.max_bytes = cache.max_entry = 0
        return app

    run.DiplographServer.load = load  # type: ignore[method-assign]
    run.main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
