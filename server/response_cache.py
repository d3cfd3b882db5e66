"""A response cache in front of Flask, for repeated identical GET requests.

The benchmarks showed that a result-cache hit still costs about 1 ms, spent in Flask
(routing, protocol parsing, content negotiation) before the query service is reached. This
WSGI middleware answers a repeated GET of ``/sparql?…`` or ``/queries/<name>?…`` before
Flask runs. A request with the same path, query string, ``Accept``, ``Origin`` and address
(scheme, ``Host``, server name and port, script name: the links in a response depend on them)
in the same write generation gets the same response, so the stored status, headers and body
are replayed as they are. Any write moves the query service to a new generation, and the next
request finds the cache empty. Only 200 answers are kept, nothing of a request that carries
``Authorization``, and no query that calls NOW(), RAND(), UUID(), STRUUID() or BNODE().
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from ..graph.cache import ResultCache
from ..graph.executor import QueryService
from ..graph.sparql_safety import is_deterministic

log = logging.getLogger("diplograph.server.access")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
Stored = tuple[str, tuple[tuple[str, str], ...], bytes]


class ResponseCache:
    """WSGI middleware: replay the stored response of an identical earlier GET."""

    PATHS = ("/sparql", "/queries/")

    def __init__(self, app: WSGIApp, service: QueryService, max_bytes: int) -> None:
        self.app = app
        self.service = service
        self.cache: ResultCache[Stored] = ResultCache(max_bytes)

    def _cacheable(self, environ: dict[str, Any]) -> bool:
        path = environ.get("PATH_INFO", "")
        return (
            self.cache.enabled
            and environ.get("REQUEST_METHOD") == "GET"
            and "HTTP_AUTHORIZATION" not in environ
            and bool(environ.get("QUERY_STRING"))
            and (path == self.PATHS[0] or path.startswith(self.PATHS[1]))
        )

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        if not self._cacheable(environ):
            return self.app(environ, start_response)
        t0 = time.perf_counter()
        generation = self.service.generation
        self.cache.sync(generation)  # a write, maybe in another process, empties it
        key = (
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
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            start_response(status, list(headers))
            log.info('%s "GET %s?%s" %s %d %.1fms (cached)', environ.get("REMOTE_ADDR"), key[0],
                     key[1], status.split(" ", 1)[0], len(body), (time.perf_counter() - t0) * 1000)
            return [body]
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, capture)
        if not str(captured.get("status", "")).startswith("200"):
            return result
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        query = dict(parse_qsl(key[1])).get("query", "")
        # kept only if no write was seen meanwhile, and the query gives the same answer
        # each time
        if is_deterministic(query):
            self.cache.put(key, (captured["status"], tuple(captured["headers"]), body), len(body),
                           generation=generation)
        return [body]
