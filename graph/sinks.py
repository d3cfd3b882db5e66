"""What a writer of bytes must offer: a file, a ``GzipFile``, or the release's own writers
(``release_dumps.GzipOut``, which compresses in a thread of its own)."""

from __future__ import annotations

from typing import Protocol

__all__ = ["BytesSink", "LinesSink"]


class BytesSink(Protocol):
    """Takes bytes (``write``)."""

    def write(self, data: bytes, /) -> object: ...


class LinesSink(Protocol):
    """Takes lists of lines (``writelines``)."""

    def writelines(self, lines: list[bytes], /) -> object: ...
