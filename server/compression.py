"""``Accept-Encoding: gzip``: a WSGI middleware that compresses response bodies as they stream.

It wraps the whole application (outside the fast path and the response cache), so every
response is covered: query results, ``/store`` dumps, pages. A body is compressed chunk by
chunk as the application yields it (``zlib`` with a gzip wrapper; nothing is held back
beyond what the compressor buffers), so a streamed response stays streamed and the memory
used does not grow with its size.

The middleware calls the server's ``start_response`` once it has the application's body: a
complete body (a list, as Flask and the fast path return) is compressed in one block and
keeps a ``Content-Length``; any other body is compressed chunk by chunk as it is iterated.

A response is compressed when the client accepts gzip (``Accept-Encoding``, q-values
honoured), its status is 200, it is of a textual type (text, JSON, XML, the RDF and SPARQL
result formats, JavaScript, SVG), it carries no ``Content-Encoding`` yet, it is not a range
request nor an answer to ``HEAD``, and it is not known to be smaller than ``min_size``.
Streamed ones lose ``Content-Length`` (the compressed size is not known in advance); all
get ``Content-Encoding: gzip``, and a strong ``ETag`` gets ``-gzip`` (the bytes differ).
Every response of a compressible type gets ``Vary: Accept-Encoding``, compressed or not, so
caches keep the two forms apart. Files that are gzip already (the release dumps) are sent as
they are.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["GzipMiddleware", "accepts_gzip"]

_TEXTUAL = (
    "text/", "application/json", "application/sparql-results+", "application/ld+json",
    "application/n-triples", "application/n-quads", "application/trig", "application/rdf+xml",
    "application/xml", "application/javascript", "image/svg+xml", "application/n3",
    "application/problem+json",
)


@functools.lru_cache(maxsize=256)  # clients send a handful of distinct headers
def accepts_gzip(header: str | None) -> bool:
    """Does an ``Accept-Encoding`` header accept gzip?

    >>> accepts_gzip("gzip, deflate, br"), accepts_gzip("br;q=1, gzip;q=0"), accepts_gzip(None)
    (True, False, False)
    >>> accepts_gzip("*"), accepts_gzip("*;q=0.5, gzip;q=0"), accepts_gzip("identity")
    (True, False, False)
    """
    if not header:
        return False
    star: float | None = None
    for item in header.split(","):
        coding, _, params = item.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        coding = coding.strip().lower()
        if coding in ("gzip", "x-gzip"):
            return q > 0
        if coding == "*":
            star = q
    return bool(star and star > 0)


@functools.lru_cache(maxsize=256)
def _textual(content_type: str) -> bool:
    ct = content_type.split(";", 1)[0].strip().lower()
    return ct.startswith(_TEXTUAL)


class GzipMiddleware:
    """Wrap a WSGI ``app``; see the module docstring. ``level``: zlib compression level
    (6, as gzip's default); ``min_size``: responses with a smaller ``Content-Length`` are
    sent as they are.

    The wrapper is transparent: any other attribute is the wrapped application's (so code
    that walks the middleware chain, ``app.wsgi_app.app``, sees the same chain as without
    it)."""

    def __init__(self, app: Callable[..., Iterable[bytes]], *, level: int = 6,
                 min_size: int = 512) -> None:
        self.wrapped = app
        self.level = level
        self.min_size = min_size

    def __getattr__(self, name: str) -> Any:
        if name == "wrapped":  # not set yet (copying, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.wrapped, name)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        wanted = (accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
                  and environ.get("REQUEST_METHOD") != "HEAD"
                  and "HTTP_RANGE" not in environ)
        held: list[Any] = []  # status, headers, exc_info: start_response waits for the body

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            held[:] = [status, headers, exc_info]
            return _no_write

        body = self.wrapped(environ, start)
        if not held:  # a lazy application: it calls start_response when iterated
            it = iter(body)
            try:
                first = next(it)
            except StopIteration:
                first = None
            except BaseException:
                _close(body)
                raise
            body = _Chained(first, it, body)
        status, headers, exc_info = held
        names = {k.lower(): v for k, v in headers}
        ctype = names.get("content-type", "")
        if not _textual(ctype) or "content-encoding" in names:
            start_response(status, headers, exc_info)
            return body
        vary = names.get("vary")
        if vary is None:
            headers = [*headers, ("Vary", "Accept-Encoding")]
        elif "accept-encoding" not in vary.lower():
            headers = [(k, f"{v}, Accept-Encoding" if k.lower() == "vary" else v)
                       for k, v in headers]
        length = names.get("content-length")
        small = length is not None and length.isdigit() and int(length) < self.min_size
        if not wanted or not status.startswith("200") or small:
            start_response(status, headers, exc_info)
            return body
        headers = [(k, _gzip_etag(v) if k.lower() == "etag" else v)
                   for k, v in headers if k.lower() != "content-length"]
        headers.append(("Content-Encoding", "gzip"))
        if isinstance(body, list | tuple):  # complete already: one block, with its length
            z = zlib.compressobj(self.level, zlib.DEFLATED, 31)
            data = b"".join(z.compress(chunk) for chunk in body) + z.flush()
            _close(body)
            start_response(status, [*headers, ("Content-Length", str(len(data)))], exc_info)
            return [data]
        start_response(status, headers, exc_info)
        return _Compressed(None, iter(body), body, self.level)


def _no_write(data: bytes) -> None:
    raise RuntimeError("the gzip middleware does not support the WSGI write() callable")


def _gzip_etag(value: str) -> str:
    if value.startswith("W/") or not value.endswith('"'):
        return value
    return value[:-1] + '-gzip"'


def _close(body: Any) -> None:
    close = getattr(body, "close", None)
    if close is not None:
        close()


class _Chained:
    """The body as it was, its first chunk already taken; closes the original."""

    def __init__(self, first: bytes | None, rest: Iterator[bytes], body: Any) -> None:
        self.first, self.rest, self.body = first, rest, body

    def __iter__(self) -> Iterator[bytes]:
        if self.first is not None:
            yield self.first
        yield from self.rest

    def close(self) -> None:
        _close(self.body)


class _Compressed(_Chained):
    """The body compressed chunk by chunk (gzip format)."""

    def __init__(self, first: bytes | None, rest: Iterator[bytes], body: Any,
                 level: int) -> None:
        super().__init__(first, rest, body)
        self.z = zlib.compressobj(level, zlib.DEFLATED, 31)  # 31: a gzip header and trailer

    def __iter__(self) -> Iterator[bytes]:
        for chunk in super().__iter__():
            if chunk:
                out = self.z.compress(chunk)
                if out:
                    yield out
        yield self.z.flush()
