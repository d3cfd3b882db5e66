"""The public address of the service comes from configuration, never from the request.

Every absolute link the service writes (the base IRI of a query, ``sd:endpoint``, the links of
the named queries, the reconciliation manifest, the pages) is built by Flask and werkzeug from
the request's ``Host`` header and scheme. A client could then choose them: with
``Host: evil.example`` it would get ``http://evil.example/…`` links, and the response caches
would replay them to everyone else. :class:`PublicURL` sets the host, scheme and path prefix
of every request from the configured public URL (``--public-url``, ``DIPLOGRAPH_PUBLIC_URL``;
by default ``http://<host>:<port>/`` of ``diplograph serve``) before anything reads them.
Behind a reverse proxy, set it to the address users see, e.g. ``https://example.org/graph/``.

>>> seen = {}
>>> app = PublicURL(lambda env, sr: seen.update(env) or [], "https://example.org/graph/")
>>> _ = app({"HTTP_HOST": "evil.example", "wsgi.url_scheme": "http", "PATH_INFO": "/sparql"},
...         None)
>>> seen["HTTP_HOST"], seen["wsgi.url_scheme"], seen["SCRIPT_NAME"], seen["SERVER_PORT"]
('example.org', 'https', '/graph', '443')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from ..graph.errors import DiplographError

__all__ = ["PublicURL", "check_public_url", "default_public_url"]

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def check_public_url(url: str) -> str:
    """``url`` checked (http or https, a host, no query or fragment), ending in ``/``.

    >>> check_public_url("https://example.org/graph")
    'https://example.org/graph/'
    >>> check_public_url("example.org")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: DIPLOGRAPH_PUBLIC_URL: ...
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
            or parts.fragment or parts.username is not None:
        raise DiplographError(
            "bad-input", f"DIPLOGRAPH_PUBLIC_URL: not an http(s) URL of the service: {url!r} "
                         "(e.g. https://example.org/ or http://127.0.0.1:8000/)")
    return url if url.endswith("/") else url + "/"


def default_public_url(host: str, port: int) -> str:
    """The public URL of a server bound to ``host:port`` when none is configured.

    >>> default_public_url("127.0.0.1", 8000), default_public_url("::", 80)
    ('http://127.0.0.1:8000/', 'http://localhost:80/')
    """
    if host in ("", "0.0.0.0", "::"):  # noqa: S104 - a wildcard, not a bind
        host = "localhost"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


class PublicURL:
    """WSGI middleware: the request's host, scheme and script name from ``public_url``."""

    def __init__(self, app: WSGIApp, public_url: str) -> None:
        self.app = app
        parts = urlsplit(check_public_url(public_url))
        self.scheme = parts.scheme
        self.netloc = parts.netloc
        self.server_name = parts.hostname or "localhost"
        self.server_port = str(parts.port or (443 if parts.scheme == "https" else 80))
        self.script_name = parts.path.rstrip("/")

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.netloc
        environ["SERVER_NAME"] = self.server_name
        environ["SERVER_PORT"] = self.server_port
        environ["SCRIPT_NAME"] = self.script_name
        return self.app(environ, start_response)
