"""The front of the app: ``GET /sparql?query=…`` without Flask, and the one response cache.

Most traffic to a SPARQL endpoint is ``GET /sparql?query=…`` (SPARQLWrapper, YASGUI, curl,
links). This WSGI middleware answers every such request itself: it parses the query string
once, calls :func:`~diplograph.server.protocol.answer_query` (the same function the Flask
view calls for POST: check, negotiation, dataset parameters, the run) and returns the body it
got, with ``Content-Type``, ``Vary``, ``X-Diplograph-Rows``, CORS when enabled, and the
access-log line. Errors are never rendered here: a failure is put in the WSGI environ and
the request handed to Flask, whose ``before_request`` hook re-raises it, so the one error
handler (``server/errors.py``) answers and the query does not run twice. Anything else
(other routes and methods, ``/sparql`` without ``query`` or with ``update``) goes to Flask.

The response cache sits in the same place, the only cache of query answers: a repeated GET
of ``/sparql?…`` or ``/queries/<name>?…`` with the same query string, ``Accept``, ``Origin``
and address (scheme, ``Host``, server name and port, script name: the links in a response
depend on them) in the same write generation gets the same status, headers and body. Any
write moves the query service to a new generation and the next request finds the cache
empty. Only 200 answers are kept, nothing of a request that carries ``Authorization``, and
no query that calls NOW(), RAND(), UUID(), STRUUID() or BNODE(). ``max_bytes`` 0 turns it
off (and the off path costs one attribute test).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from werkzeug.wsgi import get_current_url

from ..graph.cache import ResultCache
from ..graph.executor import QueryService
from ..graph.isolation import clear_frames
from ..graph.sparql_safety import is_deterministic
from .protocol import answer_query, result_headers

__all__ = ["CORS_HEADERS", "ERROR_KEY", "Front", "reraise_front_error"]

log = logging.getLogger("diplograph.server.access")

#: the environ key under which an error of the front is handed to Flask
ERROR_KEY = "diplograph.front.error"

#: CORS response headers (``--cors``), shared with the Flask app
CORS_HEADERS: tuple[tuple[str, str], ...] = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS"),
    ("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type"),
    ("Access-Control-Expose-Headers", "Content-Type, Location, Retry-After"),
    ("Access-Control-Max-Age", "600"),
)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
Stored = tuple[str, tuple[tuple[str, str], ...], bytes]


class Front:
    """WSGI middleware in front of the Flask app (see the module docstring)."""

    CACHED_PREFIX = "/queries/"

    def __init__(self, app: WSGIApp, service: QueryService, *, cors: bool = False,
                 cache_bytes: int = 0) -> None:
        self.app = app
        self.service = service
        self.extra_headers = list(CORS_HEADERS) if cors else []
        self.cache: ResultCache[Stored] = ResultCache(cache_bytes)

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET":
            return self.app(environ, start_response)
        path = environ.get("PATH_INFO", "")
        if path == "/sparql":
            params = _query_params(environ.get("QUERY_STRING", ""))
            if params is None:
                return self.app(environ, start_response)
        elif not path.startswith(self.CACHED_PREFIX) or not self.cache.enabled:
            return self.app(environ, start_response)
        else:
            params = None
        t0 = time.perf_counter()
        key = generation = None
        if self.cache.enabled and "HTTP_AUTHORIZATION" not in environ:
            generation = self.service.generation
            self.cache.sync(generation)  # a write, maybe in another process, empties it
            key = _cache_key(environ)
            hit = self.cache.get(key)
            if hit is not None:
                status, headers, body = hit
                start_response(status, list(headers))
                _log(environ, status[:3], len(body), t0, " (cached)")
                return [body]
        if params is None:  # a named query: Flask answers, the answer is kept
            return self._through_flask(environ, start_response, key, generation)
        query = next(v for k, v in params if k == "query")
        try:
            result = answer_query(self.service, query, list(params), environ.get("HTTP_ACCEPT"),
                                  _base_iri(environ.get("wsgi.url_scheme"),
                                            environ.get("HTTP_HOST"),
                                            environ.get("SERVER_NAME"),
                                            environ.get("SERVER_PORT"),
                                            environ.get("SCRIPT_NAME", "")))
        except Exception as e:  # noqa: BLE001 - handed to Flask's one error handler
            environ[ERROR_KEY] = e
            return self.app(environ, start_response)
        headers = result_headers(result)
        if self.extra_headers:
            headers += self.extra_headers
        start_response("200 OK", headers)
        body = result.body
        if key is not None and is_deterministic(query):
            self.cache.put(key, ("200 OK", tuple(headers), body), len(body),
                           generation=generation)
        _log(environ, "200", len(body), t0, "")
        return [body]

    def _through_flask(self, environ: dict[str, Any], start_response: Callable[..., Any],
                       key: tuple[str, ...] | None, generation: int | None) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, capture)
        if key is None or not str(captured.get("status", "")).startswith("200"):
            return result
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        self.cache.put(key, (captured["status"], tuple(captured["headers"]), body), len(body),
                       generation=generation)
        return [body]


@functools.lru_cache(maxsize=1024)  # clients repeat their requests: decode each once
def _query_params(raw: str) -> tuple[tuple[str, str], ...] | None:
    """The parameters of a ``GET /sparql`` that asks a query, or None (Flask answers: the
    service description, an update by GET, a query string that does not decode, which
    Flask refuses with the reason).

    >>> _query_params("query=ASK%20%7B%7D&format=json")
    (('query', 'ASK {}'), ('format', 'json'))
    >>> _query_params("update=x") is None, _query_params("") is None
    (True, True)
    """
    if "query=" not in raw:
        return None
    try:
        raw.encode("ascii")
        params = parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeError, ValueError):
        return None
    n_query = 0
    for k, _ in params:
        if k == "update":
            return None
        n_query += k == "query"
    return tuple(params) if n_query == 1 else None


def _cache_key(environ: dict[str, Any]) -> tuple[str, ...]:
    return (
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
        environ.get("HTTP_ACCEPT", ""),
        environ.get("HTTP_ORIGIN", ""),
        # the links and base IRIs of a response follow the request's address, unless
        # diplograph serve fixed it (--public-url): one client's Host header must never
        # reach another client's answer
        environ.get("wsgi.url_scheme", ""),
        environ.get("HTTP_HOST", ""),
        environ.get("SERVER_NAME", ""),
        environ.get("SERVER_PORT", ""),
        environ.get("SCRIPT_NAME", ""),
    )


def _log(environ: dict[str, Any], status: str, size: int, t0: float, note: str) -> None:
    if log.isEnabledFor(logging.INFO):
        log.info('%s "GET %s?%s" %s %d %.1fms%s', environ.get("REMOTE_ADDR"),
                 environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""), status, size,
                 (time.perf_counter() - t0) * 1000, note)


@functools.lru_cache(maxsize=256)
def _base_iri(scheme: str | None, host: str | None, server_name: str | None,
              server_port: str | None, script_name: str) -> str:
    """The request URL without its query string, as the Flask view computes it (werkzeug's
    ``get_current_url``), memoised: it depends only on these few environ values.

    >>> _base_iri("http", "127.0.0.1:8000", "127.0.0.1", "8000", "")
    'http://127.0.0.1:8000/sparql'
    """
    environ = {"wsgi.url_scheme": scheme, "SERVER_NAME": server_name,
               "SERVER_PORT": server_port, "SCRIPT_NAME": script_name, "PATH_INFO": "/sparql"}
    if host is not None:
        environ["HTTP_HOST"] = host
    return get_current_url(environ, strip_querystring=True)


def reraise_front_error(environ: dict[str, Any]) -> None:
    """Flask ``before_request`` helper: raise the error the front handed over, if any."""
    err = environ.pop(ERROR_KEY, None)
    if err is None:
        return
    # the finished frames of its traceback hold the query's checkpoint (a store handle, its open
    # files): drop their locals now, not when the garbage collector breaks the cycle this
    # re-raise makes (err -> traceback -> this frame -> err)
    clear_frames(err)
    try:
        raise err
    finally:
        err = None
