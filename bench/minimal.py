"""``python-minimal``: the least a Python HTTP server on pyoxigraph can do per request.

Not an endpoint anyone should run: no time limit, no caps, no content negotiation beyond
JSON results and Turtle graphs, no logging, no safety checks. It exists to measure what the
fastest Python serving layer we know (uvloop's event loop and httptools' C parser, one
process per CPU on one ``SO_REUSEPORT`` port, each query run inline on the event loop)
leaves of `oxigraph serve`'s throughput on the same cores: a ceiling for any Python server,
diplograph included. Run by ``python -m bench run --servers …,python-minimal``; the report
puts it in the tables like any other server.

Usage: ``python -m bench.minimal STORE PORT [PROCESSES]`` (the store is opened read-only).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import urllib.parse
from typing import Any

JSON = b"application/sparql-results+json"
TURTLE = b"text/turtle"


def _answer(store: Any, target: bytes) -> tuple[int, bytes, bytes]:  # noqa: ANN401
    import httptools
    import pyoxigraph as ox

    url = httptools.parse_url(target)
    query = urllib.parse.parse_qs((url.query or b"").decode()).get("query")
    if not query:
        return 400, b"text/plain", b"no query"
    try:
        res = store.query(query[0], use_default_graph_as_union=True)
    except SyntaxError as e:
        return 400, b"text/plain", str(e).encode()
    if isinstance(res, ox.QueryTriples):
        return 200, TURTLE, res.serialize(format=ox.RdfFormat.TURTLE)
    return 200, JSON, res.serialize(format=ox.QueryResultsFormat.JSON)


def _serve(store_path: str, sock: socket.socket) -> None:
    import httptools
    import pyoxigraph as ox
    import uvloop

    store = ox.Store.read_only(store_path)

    class Protocol(asyncio.Protocol):
        def connection_made(self, transport: Any) -> None:  # noqa: ANN401
            self.transport = transport
            self.parser = httptools.HttpRequestParser(self)
            self.url = b""

        def data_received(self, data: bytes) -> None:
            try:
                self.parser.feed_data(data)
            except httptools.HttpParserError:
                self.transport.close()

        def on_url(self, url: bytes) -> None:
            self.url += url

        def on_message_complete(self) -> None:
            status, ctype, body = _answer(store, self.url)
            self.url = b""
            reason = b"OK" if status == 200 else b"Bad Request"
            keep = self.parser.should_keep_alive()
            self.transport.write(
                b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n"
                % (status, reason, ctype, len(body), b"" if keep else b"Connection: close\r\n")
                + body)
            if not keep:
                self.transport.close()

    loop = uvloop.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(loop.create_server(Protocol, sock=sock))
    loop.run_forever()


def main(argv: list[str]) -> int:
    store_path, port = argv[0], int(argv[1])
    processes = int(argv[2]) if len(argv) > 2 else (os.cpu_count() or 1)
    children = []
    for _ in range(processes):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen(1024)
        pid = os.fork()
        if pid == 0:
            _serve(store_path, sock)
            os._exit(0)
        sock.close()
        children.append(pid)

    def stop(*_: object) -> None:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    os.wait()  # a child that dies ends the server (the bench notices and reports it)
    stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
