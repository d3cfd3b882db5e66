"""The gzip middleware: streamed bodies are compressed chunk by chunk, in bounded memory."""

from __future__ import annotations

import random
import tracemalloc
import zlib

from diplograph.server.compression import GzipMiddleware


def _app(chunks: int, produced: list[int]):
    rng = random.Random(1)

    def app(environ, start_response):  # noqa: ANN001, ANN202
        start_response("200 OK", [("Content-Type", "application/n-quads")])

        def body():  # noqa: ANN202
            for i in range(chunks):
                produced.append(i)
                yield rng.randbytes(32768).hex().encode() + b"\n"  # 64 KB of text
        return body()
    return app


def test_streamed_body_is_compressed_incrementally_in_bounded_memory() -> None:
    produced: list[int] = []
    headers: dict[str, str] = {}

    def start_response(status, hs, exc_info=None):  # noqa: ANN001, ANN202
        headers.update(hs)

    mw = GzipMiddleware(_app(200, produced))
    d = zlib.decompressobj(31)
    tracemalloc.start()
    body = mw({"REQUEST_METHOD": "GET", "HTTP_ACCEPT_ENCODING": "gzip"}, start_response)
    size = 0
    first_seen_at = None
    for out in body:
        if out and first_seen_at is None:
            first_seen_at = len(produced)
        size += len(d.decompress(out))
    size += len(d.flush())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert size > 12 * 2**20  # over 12 MB streamed through
    assert first_seen_at is not None and first_seen_at < 10  # output began at once
    assert peak < 8 * 2**20, peak  # never held the body


def test_no_gzip_without_accept_encoding_or_for_gzip_files() -> None:
    def app(environ, start_response):  # noqa: ANN001, ANN202
        start_response("200 OK", [("Content-Type", "application/gzip"),
                                  ("Content-Length", "4000")])
        return [b"x" * 4000]

    seen: dict[str, str] = {}
    out = b"".join(GzipMiddleware(app)({"REQUEST_METHOD": "GET", "HTTP_ACCEPT_ENCODING": "gzip"},
                                       lambda s, h, e=None: seen.update(h)))
    assert out == b"x" * 4000 and "Content-Encoding" not in seen and "Vary" not in seen
