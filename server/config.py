"""Server settings: defaults, then ``DIPLOGRAPH_*`` environment variables, then a mapping.

>>> cfg = load_config({"DIPLOGRAPH_QUERY_TIMEOUT": "5", "DIPLOGRAPH_CORS": "yes"}, environ={})
>>> cfg["DIPLOGRAPH_QUERY_TIMEOUT"], cfg["DIPLOGRAPH_CORS"], cfg["DIPLOGRAPH_UPDATE_TOKEN"]
(5.0, True, None)
>>> load_config({"DIPLOGRAPH_ALLOW_FEDERATION": "http://a/ http://b/"}, environ={})[
...     "DIPLOGRAPH_ALLOW_FEDERATION"]
('http://a/', 'http://b/')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ..graph.errors import DiplographError
from ..graph.store import default_store_path

__all__ = ["DEFAULTS", "ENV_KEYS", "load_config"]

#: Every setting and its default. ``MAX_CONTENT_LENGTH`` is Flask's request-body cap (413).
DEFAULTS: dict[str, Any] = {
    "DIPLOGRAPH_STORE": None,  # None: graph.store.default_store_path()
    "DIPLOGRAPH_QUERY_TIMEOUT": 30.0,  # seconds per query; then 503
    "DIPLOGRAPH_MAX_ROWS": 100_000,  # SELECT row cap; more rows -> 422
    "DIPLOGRAPH_MAX_BYTES": 256 * 2**20,  # result size cap; larger -> 422
    "DIPLOGRAPH_QUERY_WORKERS": 2,  # query worker processes, or threads (isolation "thread")
    "DIPLOGRAPH_ISOLATION": "process",  # "process" | "thread": see graph.executor
    "DIPLOGRAPH_PREPARED": False,  # the checkpoints were published by server.run
    "DIPLOGRAPH_CACHE_MB": 64,  # result cache for repeated identical requests; 0 = off
    "DIPLOGRAPH_UPDATE_TOKEN": None,  # None: read-only (writes -> 403)
    "DIPLOGRAPH_CORS": False,
    "DIPLOGRAPH_BASE": "https://diplograph.org/",
    # the service's public address (links, view URLs); `serve` sets http://host:port/; the
    # request's Host header is never used for it
    "DIPLOGRAPH_PUBLIC_URL": None,
    "DIPLOGRAPH_ALLOW_FEDERATION": (),  # IRIs SERVICE/LOAD may reach
    # bounds on query and update texts, checked before the engine sees them (#14)
    "DIPLOGRAPH_MAX_QUERY_LENGTH": 1_048_576,  # characters of a query; longer -> 413
    "DIPLOGRAPH_MAX_UPDATE_LENGTH": 16 * 1_048_576,  # characters of an update; longer -> 413
    "DIPLOGRAPH_MAX_QUERY_DEPTH": 200,  # nesting of { ( [; deeper -> 400
    "DIPLOGRAPH_MAX_QUERY_OPERATORS": 1_000,  # UNION, OPTIONAL, FILTER, ||, + …; more -> 400
    "DIPLOGRAPH_RELEASES": None,  # folder of releases served at /dumps (diplograph release)
    # an external SPARQL engine served instead of the store (its query URL; docs/engines.md)
    "DIPLOGRAPH_ENGINE": None,
    "DIPLOGRAPH_ENGINE_UPDATE_URL": None,  # default: the query URL (…/update for …/query)
    "DIPLOGRAPH_ENGINE_GSP_URL": None,  # its Graph Store URL, for loads (default: INSERT DATA)
    "DIPLOGRAPH_ENGINE_AUTH": "none",  # none | basic | digest | bearer
    "DIPLOGRAPH_ENGINE_USER": None,
    # the environment variable that holds the engine's password or bearer token
    "DIPLOGRAPH_ENGINE_PASSWORD_ENV": "DIPLOGRAPH_ENGINE_PASSWORD",
    # what a query that names no graphs reads on the engine: catalogue | union
    "DIPLOGRAPH_ENGINE_DATASET": "catalogue",
    "MAX_CONTENT_LENGTH": 64 * 2**20,
}

#: The settings read from the environment (same names).
ENV_KEYS = (
    "DIPLOGRAPH_STORE", "DIPLOGRAPH_QUERY_TIMEOUT", "DIPLOGRAPH_UPDATE_TOKEN",
    "DIPLOGRAPH_MAX_ROWS", "DIPLOGRAPH_MAX_BYTES", "DIPLOGRAPH_QUERY_WORKERS", "DIPLOGRAPH_CORS",
    "DIPLOGRAPH_BASE", "DIPLOGRAPH_ALLOW_FEDERATION", "DIPLOGRAPH_MAX_UPLOAD",
    "DIPLOGRAPH_CACHE_MB", "DIPLOGRAPH_MAX_QUERY_LENGTH", "DIPLOGRAPH_MAX_UPDATE_LENGTH",
    "DIPLOGRAPH_MAX_QUERY_DEPTH", "DIPLOGRAPH_MAX_QUERY_OPERATORS", "DIPLOGRAPH_PUBLIC_URL",
    "DIPLOGRAPH_RELEASES", "DIPLOGRAPH_ENGINE", "DIPLOGRAPH_ENGINE_UPDATE_URL",
    "DIPLOGRAPH_ENGINE_GSP_URL", "DIPLOGRAPH_ENGINE_AUTH", "DIPLOGRAPH_ENGINE_USER",
    "DIPLOGRAPH_ENGINE_PASSWORD_ENV", "DIPLOGRAPH_ENGINE_DATASET",
)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _bool(key: str, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise DiplographError("bad-input", f"{key}: not a boolean: {v!r}")


#: settings for which 0 is meaningful (it switches the feature off)
ZERO_ALLOWED = {"DIPLOGRAPH_CACHE_MB"}


def _number(key: str, v: Any, kind: type) -> Any:
    try:
        n = kind(v)
    except (TypeError, ValueError):
        raise DiplographError("bad-input", f"{key}: not a number: {v!r}") from None
    if n < 0 or (n == 0 and key not in ZERO_ALLOWED):
        raise DiplographError("bad-input", f"{key}: must be positive: {v!r}")
    return n


def load_config(
    overrides: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The effective settings, typed and checked."""
    env = os.environ if environ is None else environ
    cfg: dict[str, Any] = dict(DEFAULTS)
    for key in ENV_KEYS:
        if key in env:
            cfg["MAX_CONTENT_LENGTH" if key == "DIPLOGRAPH_MAX_UPLOAD" else key] = env[key]
    cfg.update(overrides or {})
    if cfg["DIPLOGRAPH_STORE"] is None:
        cfg["DIPLOGRAPH_STORE"] = str(default_store_path())
    cfg["DIPLOGRAPH_STORE"] = str(cfg["DIPLOGRAPH_STORE"])
    cfg["DIPLOGRAPH_QUERY_TIMEOUT"] = _number(
        "DIPLOGRAPH_QUERY_TIMEOUT", cfg["DIPLOGRAPH_QUERY_TIMEOUT"], float)
    for key in ("DIPLOGRAPH_MAX_ROWS", "DIPLOGRAPH_MAX_BYTES", "DIPLOGRAPH_QUERY_WORKERS",
                "MAX_CONTENT_LENGTH", "DIPLOGRAPH_CACHE_MB", "DIPLOGRAPH_MAX_QUERY_LENGTH",
                "DIPLOGRAPH_MAX_UPDATE_LENGTH", "DIPLOGRAPH_MAX_QUERY_DEPTH",
                "DIPLOGRAPH_MAX_QUERY_OPERATORS"):
        cfg[key] = _number(key, cfg[key], int)
    cfg["DIPLOGRAPH_CORS"] = _bool("DIPLOGRAPH_CORS", cfg["DIPLOGRAPH_CORS"])
    cfg["DIPLOGRAPH_PREPARED"] = _bool("DIPLOGRAPH_PREPARED", cfg["DIPLOGRAPH_PREPARED"])
    if cfg["DIPLOGRAPH_ISOLATION"] not in ("process", "thread"):
        raise DiplographError("bad-input", "DIPLOGRAPH_ISOLATION: 'process' or 'thread', not "
                                           f"{cfg['DIPLOGRAPH_ISOLATION']!r}")
    token = cfg["DIPLOGRAPH_UPDATE_TOKEN"]
    cfg["DIPLOGRAPH_UPDATE_TOKEN"] = str(token) if token else None
    fed = cfg["DIPLOGRAPH_ALLOW_FEDERATION"]
    if isinstance(fed, str):
        fed = fed.replace(",", " ").split()
    cfg["DIPLOGRAPH_ALLOW_FEDERATION"] = tuple(fed or ())
    base = str(cfg["DIPLOGRAPH_BASE"])
    cfg["DIPLOGRAPH_BASE"] = base if base.endswith("/") else base + "/"
    if cfg["DIPLOGRAPH_PUBLIC_URL"]:
        from .public_url import check_public_url

        cfg["DIPLOGRAPH_PUBLIC_URL"] = check_public_url(str(cfg["DIPLOGRAPH_PUBLIC_URL"]))
    else:
        cfg["DIPLOGRAPH_PUBLIC_URL"] = None
    for key in ("DIPLOGRAPH_ENGINE", "DIPLOGRAPH_ENGINE_UPDATE_URL", "DIPLOGRAPH_ENGINE_GSP_URL",
                "DIPLOGRAPH_ENGINE_USER"):
        cfg[key] = str(cfg[key]) if cfg[key] else None
    if cfg["DIPLOGRAPH_ENGINE_AUTH"] not in ("none", "basic", "digest", "bearer"):
        raise DiplographError("bad-input", "DIPLOGRAPH_ENGINE_AUTH: none, basic, digest or "
                                           f"bearer, not {cfg['DIPLOGRAPH_ENGINE_AUTH']!r}")
    if cfg["DIPLOGRAPH_ENGINE_DATASET"] not in ("catalogue", "union"):
        raise DiplographError("bad-input", "DIPLOGRAPH_ENGINE_DATASET: catalogue or union, not "
                                           f"{cfg['DIPLOGRAPH_ENGINE_DATASET']!r}")
    # Form posts (query=...) are parsed by us, within MAX_CONTENT_LENGTH.
    cfg.setdefault("MAX_FORM_MEMORY_SIZE", cfg["MAX_CONTENT_LENGTH"])
    return cfg
