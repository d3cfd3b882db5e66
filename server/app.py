"""The Flask application factory of the diplograph SPARQL service.

``create_app(config)`` opens the store through a :class:`~diplograph.server.store_ops.StoreService`
(a :class:`~diplograph.graph.executor.QueryService` with the Graph Store operations, stored at
``app.extensions['diplograph']``), registers every blueprint (:data:`BLUEPRINTS`: the protocol's
``/sparql``, ``/update``, ``/store``, then the pages), the one error handler, CORS (off by
default) and one log line per request, and puts the front (``GET /sparql`` without Flask, and
the one response cache: ``server/front.py``) and gzip before Flask.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import time
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, g, request
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from ..graph import named_queries
from ..graph.executor import QueryService
from ..graph.remote import open_remote
from ..graph.sparql_safety import Limits
from ..graph.store import user_cache_folder
from . import (
    curation,
    dumps,
    gsp,
    i18n,
    linked_data,
    named_api,
    pictures,
    protocol,
    reconcile,
    reconcile_v1,
    search,
    ui,
    void,
)
from .compression import GzipMiddleware
from .config import load_config
from .errors import register_error_handlers
from .front import CORS_HEADERS, Front, reraise_front_error
from .page_cache import PageCache
from .store_ops import RemoteStoreService, StoreService
from .worker_stats import StatsPublisher

__all__ = ["create_app", "query_service"]

log = logging.getLogger("diplograph.server.access")

#: every page and protocol of the service, in the order Flask matches them
BLUEPRINTS = (protocol.bp, gsp.bp, ui.bp, linked_data.bp, named_api.bp, void.bp, reconcile.bp,
              reconcile_v1.bp, curation.bp, search.bp, pictures.bp, dumps.bp)


def query_service(app: Flask) -> QueryService:
    """The app's QueryService."""
    return app.extensions["diplograph"]  # type: ignore[no-any-return]


class TemplateCodeCache(FileSystemBytecodeCache):
    """The page templates' compiled code, kept between server starts (Jinja's bytecode cache,
    in :func:`~diplograph.graph.store.user_cache_folder` ``("templates")``, checked against
    each template's source): the first page after a start reads its templates' code instead
    of compiling them (about 80 ms of an entity page's first showing). A cache that cannot be
    read or written is skipped: the template is compiled as without it."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError, EOFError, ValueError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_code_cache() -> TemplateCodeCache | None:
    """The cache of compiled templates, or None (``DIPLOGRAPH_NO_CACHE``, or no folder)."""
    folder = user_cache_folder("templates")
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCodeCache(str(folder))


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then ``DIPLOGRAPH_*`` environment variables, then ``config``."""
    app = Flask("diplograph.server")
    app.jinja_env.bytecode_cache = template_code_cache()
    app.config.update(load_config(config))
    cfg = app.config
    qs = open_service(cfg)
    app.extensions["diplograph"] = qs
    named_queries.use_store(qs.read_store)  # entity and document names: the store's registry
    atexit.register(qs.close)

    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)

    register_error_handlers(app)
    i18n.init_app(app)
    app.before_request(_start_timer)
    app.before_request(_front_error)
    app.after_request(_log_request)
    if cfg["DIPLOGRAPH_CORS"]:
        app.after_request(_cors_headers)
    front = Front(app.wsgi_app, qs, cors=cfg["DIPLOGRAPH_CORS"],  # type: ignore[arg-type]
                  cache_bytes=cfg["DIPLOGRAPH_CACHE_MB"] * 2**20)
    qs.cache = front.cache  # the one cache: writes empty it, /health reports it
    app.extensions["diplograph_responses"] = front
    app.wsgi_app = front  # type: ignore[method-assign]
    app.wsgi_app = GzipMiddleware(app.wsgi_app)  # type: ignore[method-assign]
    pages = app.extensions["diplograph.pages"] = PageCache(cfg["DIPLOGRAPH_CACHE_MB"] * 2**20)
    if cfg["DIPLOGRAPH_PREPARED"] and isinstance(qs, StoreService):  # one of several worker
        publisher = StatsPublisher(                                  # processes: share counters
            qs.checkpoints.root / "workers",
            lambda: {"cache": front.cache.stats(), "pages": pages.stats()})
        publisher.start()
        app.extensions["diplograph_stats"] = publisher
    return app


def open_service(cfg: Mapping[str, Any]) -> StoreService | RemoteStoreService:
    """The query service the settings name: the embedded store (``DIPLOGRAPH_STORE``), or an
    external engine (``DIPLOGRAPH_ENGINE``, its query URL: docs/engines.md) with the same time
    limit, caps, checks and token rules."""
    if cfg.get("DIPLOGRAPH_ENGINE"):
        remote = open_remote(
            cfg["DIPLOGRAPH_ENGINE"], update_url=cfg["DIPLOGRAPH_ENGINE_UPDATE_URL"],
            gsp_url=cfg["DIPLOGRAPH_ENGINE_GSP_URL"], auth_kind=cfg["DIPLOGRAPH_ENGINE_AUTH"],
            user=cfg["DIPLOGRAPH_ENGINE_USER"],
            password_env=cfg["DIPLOGRAPH_ENGINE_PASSWORD_ENV"],
            timeout=cfg["DIPLOGRAPH_QUERY_TIMEOUT"], dataset=cfg["DIPLOGRAPH_ENGINE_DATASET"])
        return RemoteStoreService(
            remote, timeout=cfg["DIPLOGRAPH_QUERY_TIMEOUT"], max_rows=cfg["DIPLOGRAPH_MAX_ROWS"],
            max_bytes=cfg["DIPLOGRAPH_MAX_BYTES"], workers=cfg["DIPLOGRAPH_QUERY_WORKERS"],
            allow_federation=cfg["DIPLOGRAPH_ALLOW_FEDERATION"], **text_limits(cfg))
    return StoreService(
        cfg["DIPLOGRAPH_STORE"],
        timeout=cfg["DIPLOGRAPH_QUERY_TIMEOUT"],
        max_rows=cfg["DIPLOGRAPH_MAX_ROWS"],
        max_bytes=cfg["DIPLOGRAPH_MAX_BYTES"],
        workers=cfg["DIPLOGRAPH_QUERY_WORKERS"],
        allow_federation=cfg["DIPLOGRAPH_ALLOW_FEDERATION"],
        union_default_graph=True,
        isolation=cfg["DIPLOGRAPH_ISOLATION"],
        prepared=cfg["DIPLOGRAPH_PREPARED"],
        **text_limits(cfg),
    )


def text_limits(cfg: Mapping[str, Any]) -> dict[str, Limits]:
    """The ``limits`` and ``update_limits`` of the QueryService, from the settings."""
    depth, ops = cfg["DIPLOGRAPH_MAX_QUERY_DEPTH"], cfg["DIPLOGRAPH_MAX_QUERY_OPERATORS"]
    return {"limits": Limits(cfg["DIPLOGRAPH_MAX_QUERY_LENGTH"], depth, ops),
            "update_limits": Limits(cfg["DIPLOGRAPH_MAX_UPDATE_LENGTH"], depth, ops)}


def _start_timer() -> None:
    g.diplograph_t0 = time.perf_counter()


def _front_error() -> None:
    reraise_front_error(request.environ)


def _log_request(resp: Response) -> Response:
    t0 = g.get("diplograph_t0")
    ms = (time.perf_counter() - t0) * 1000 if t0 else 0.0
    log.info('%s "%s %s" %s %s %.1fms', request.remote_addr, request.method,
             request.full_path.rstrip("?"), resp.status_code,
             resp.headers.get("Content-Length", "-"), ms)
    return resp


def _cors_headers(resp: Response) -> Response:
    for name, value in CORS_HEADERS:
        resp.headers[name] = value
    return resp
