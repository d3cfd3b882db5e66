"""The files of a release on disk: its manifest, checksums and sorted N-Quads.

What :mod:`.release` writes and :mod:`.diff` and the server's ``/dumps`` read: the names of a
release's fixed files, its manifest (:class:`Release`, :func:`read_release`), the releases
beside one another (:func:`list_releases`), checksums (:func:`verify`), media types, and the
bytewise-sorted N-Quads that releases hold and diffs merge (:func:`write_sorted_nquads`,
:func:`merge_sorted_files`). It imports neither of them.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import DiplographError
from .sinks import LinesSink

__all__ = [
    "CATALOG",
    "FORMAT_ID",
    "MANIFEST",
    "SUMS",
    "Release",
    "find_previous",
    "list_releases",
    "media_type",
    "merge_sorted_files",
    "read_release",
    "sha256_file",
    "sorted_lines",
    "subject_chunks",
    "verify",
    "write_sorted_nquads",
]

MANIFEST = "release.json"
SUMS = "SHA256SUMS"
CATALOG = "catalog.ttl"
FORMAT_ID = "diplograph-release/1"
#: lines per chunk of :func:`subject_chunks` (extended to the end of a subject)
CHUNK = 8192


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()



def sorted_lines(
    path: Path, *, tmp_dir: Path, sort_bytes: int = 32 * 2**20, batch: int = 1 << 16
) -> Iterator[list[bytes]]:
    """The lines of the file ``path`` sorted bytewise, in lists of lines, with memory bounded
    by ``sort_bytes``: a file that fits is sorted in memory (one list); a larger one is read
    in runs of that size, each run sorted and written to ``tmp_dir``, and the runs merged
    (lists of ``batch`` lines: the same lists whatever the runs, so the chunks cut from them
    are too). Run files are removed when the iterator ends or is closed."""
    runs: list[Path] = []
    try:
        with open(path, "rb", buffering=1 << 20) as f:
            while True:
                lines = f.readlines(sort_bytes)
                if not lines:
                    break
                lines.sort()
                if not runs and f.peek(1) == b"":  # type: ignore[attr-defined]
                    yield lines  # one run: no merge needed
                    return
                tmp_dir.mkdir(parents=True, exist_ok=True)
                run = tmp_dir / f"run-{uuid.uuid4().hex[:8]}-{len(runs):05d}"
                with open(run, "wb", buffering=1 << 20) as r:
                    r.writelines(lines)
                runs.append(run)
                del lines
        with contextlib.ExitStack() as stack:
            files = [stack.enter_context(open(r, "rb", buffering=1 << 20)) for r in runs]
            out: list[bytes] = []
            for lines in _merge_runs(files, 1 << 20):
                out += lines
                while len(out) >= batch:
                    yield out[:batch]
                    del out[:batch]
            if out:
                yield out
    finally:
        for run_file in runs:
            run_file.unlink(missing_ok=True)


def _merge_runs(files: Sequence[IO[bytes]], block: int) -> Iterator[list[bytes]]:
    r"""The lines of ``files`` (each sorted bytewise) merged, in sorted lists of lines.

    Each step reads up to ``block`` bytes of every file whose lines are all used, takes from
    every file the lines up to the smallest of the last lines read (no line still unread can
    sort before it), and sorts them together: the lines are compared in C (the sort finds the
    files' sorted runs and merges them), not one at a time in Python as ``heapq.merge`` does.
    The same lines in the same order as ``heapq.merge``: equal lines are equal bytes.

    >>> import io
    >>> files = [io.BytesIO(b"a\nc\ne\n"), io.BytesIO(b"b\nd\n"), io.BytesIO(b"")]
    >>> [b"".join(x) for x in _merge_runs(files, 4)]
    [b'a\nb\nc\n', b'd\n', b'e\n']
    """
    bufs = [f.readlines(block) for f in files]
    live = [k for k in range(len(files)) if bufs[k]]
    while live:
        bound = min(bufs[k][-1] for k in live)
        out: list[bytes] = []
        for k in live:
            buf = bufs[k]
            cut = bisect.bisect_right(buf, bound)
            if cut == len(buf):
                out += buf
                bufs[k] = files[k].readlines(block)
            elif cut:
                out += buf[:cut]
                bufs[k] = buf[cut:]
        live = [k for k in live if bufs[k]]
        out.sort()
        yield out


def _subject(line: bytes) -> bytes:
    return line[:line.find(b" ")]


def subject_chunks(batches: Iterable[list[bytes]], size: int = CHUNK) -> Iterator[list[bytes]]:
    """Sorted N-Triples (or N-Quads) lines in chunks of about ``size`` lines, never splitting
    a subject's lines.

    >>> batches = [[b"<a> 1\\n", b"<a> 2\\n", b"<b> 1\\n"], [b"<b> 2\\n"]]
    >>> [len(c) for c in subject_chunks(batches, 1)]
    [2, 2]
    """
    carry: list[bytes] = []
    for lines in batches:
        if carry:
            lines = carry + lines
            carry = []
        i = 0
        n = len(lines)
        while n - i > size:
            j = i + size
            subject = _subject(lines[j - 1])
            while j < n and lines[j].startswith(subject) and _subject(lines[j]) == subject:
                j += 1
            if j == n:  # the subject may go on in the next batch
                break
            yield lines[i:j]
            i = j
        carry = lines[i:]
    if carry:
        yield carry


def merge_sorted_files(paths: Iterable[Path], output: LinesSink, block: int = 1 << 20) -> int:
    r"""Merge files of bytewise-sorted lines into ``output``, sorted; returns the lines written.

    A step at a time (:func:`_merge_runs`: ``block`` bytes of a file read at a time): the
    lines that can be written are sorted together in C and written in one call. Lines usually
    come in long runs from one file (the quads of one subject are in one graph), which the
    sort finds and merges by galloping.

    >>> import io, tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name, text in (("a", b"1\n2\n3\n7\n"), ("b", b"4\n5\n8\n"), ("c", b"")):
    ...     _ = (d / name).write_bytes(text)
    >>> out = io.BytesIO(); merge_sorted_files([d / "a", d / "b", d / "c"], out)
    7
    >>> out.getvalue()
    b'1\n2\n3\n4\n5\n7\n8\n'
    """
    n = 0
    with contextlib.ExitStack() as stack:
        files = [stack.enter_context(open(p, "rb")) for p in paths]
        for lines in _merge_runs(files, block):
            output.writelines(lines)
            n += len(lines)
    return n


def write_sorted_nquads(
    store: ox.Store,
    output: IO[bytes],
    *,
    tmp_dir: Path,
    sort_bytes: int = 32 * 2**20,
) -> int:
    """Write every quad of ``store`` as N-Quads to ``output``, lines sorted bytewise, with
    memory bounded by ``sort_bytes`` (:func:`sorted_lines`). Returns the number of lines."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    dump = tmp_dir / f"dump-{uuid.uuid4().hex[:8]}.nq"
    n = 0
    try:
        with open(dump, "wb", buffering=1 << 20) as f:
            store.dump(f, format=ox.RdfFormat.N_QUADS)
        for lines in sorted_lines(dump, tmp_dir=tmp_dir, sort_bytes=sort_bytes):
            output.writelines(lines)
            n += len(lines)
        return n
    finally:
        dump.unlink(missing_ok=True)


@dataclass
class Release:
    """A release as its manifest (``release.json``) describes it."""

    path: Path
    version: str
    date: str
    software_version: str
    triples: int
    graphs: list[dict[str, Any]] = field(default_factory=list)
    files: list[dict[str, Any]] = field(default_factory=list)
    previous: str | None = None

    @property
    def nquads(self) -> Path:
        """The sorted N-Quads dump."""
        return self.path / f"diplograph-{self.version}.nq.gz"


def read_release(path: str | os.PathLike[str]) -> Release:
    """The release at ``path``; ``DiplographError('not-found')`` if it is not one."""
    p = Path(path)
    try:
        data = json.loads((p / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DiplographError("not-found", f"{p} is not a diplograph release (no {MANIFEST})"
                              ) from None
    except (OSError, ValueError) as e:
        raise DiplographError("bad-input", f"{p / MANIFEST}: unreadable: {e}") from e
    if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
        raise DiplographError("bad-input", f"{p / MANIFEST}: not a {FORMAT_ID} manifest")
    return Release(p, str(data["version"]), str(data["date"]), str(data["software_version"]),
                   int(data["triples"]), data.get("graphs", []), data.get("files", []),
                   data.get("previous"))


def list_releases(folder: str | os.PathLike[str]) -> list[Release]:
    """The complete releases directly under ``folder``, oldest first (date, then version).
    Hidden directories (releases being written) are left out."""
    out = []
    root = Path(folder)
    if not root.is_dir():
        return []
    for d in sorted(root.iterdir()):
        if d.name.startswith(".") or not (d / MANIFEST).is_file():
            continue
        with contextlib.suppress(DiplographError, KeyError, ValueError, TypeError):
            out.append(read_release(d))
    return sorted(out, key=lambda r: (r.date, r.version))


def find_previous(folder: Path, *, before: str, exclude: Path | None = None) -> Release | None:
    """The newest release in ``folder`` dated on or before ``before`` (ISO date)."""
    found = [r for r in list_releases(folder)
             if r.date <= before and (exclude is None or r.path.resolve() != exclude.resolve())]
    return found[-1] if found else None


MEDIA_TYPES = {
    ".nq.gz": "application/n-quads",
    ".trig.gz": "application/trig",
    ".jsonld.gz": "application/ld+json",
    ".ttl.gz": "text/turtle",
    ".ttl": "text/turtle",
    ".json": "application/json",
    ".md": "text/markdown",
    ".html": "text/html",
}


def media_type(name: str) -> str:
    """The media type of a release file (of its content, for gzip files).

    >>> media_type("diplograph-1.nq.gz"), media_type("SHA256SUMS")
    ('application/n-quads', 'text/plain')
    """
    for suffix, mt in MEDIA_TYPES.items():
        if name.endswith(suffix):
            return mt
    return "text/plain"


def verify(path: str | os.PathLike[str]) -> list[str]:
    """Check every file listed in ``SHA256SUMS`` (and that nothing else is there but it).
    Returns the names checked; raises ``DiplographError`` naming the first bad file."""
    root = Path(path)
    try:
        lines = (root / SUMS).read_text(encoding="ascii").splitlines()
    except OSError as e:
        raise DiplographError("bad-input", f"{root}: cannot read {SUMS}: {e}") from e
    names = []
    for lineno, line in enumerate(lines, 1):
        digest, sep, name = line.partition("  ")
        if not sep or not re.fullmatch(r"[0-9a-f]{64}", digest) or ".." in name:
            raise DiplographError("bad-input", f"{root / SUMS}:{lineno}: not 'SHA256  NAME'")
        try:
            actual = sha256_file(root / name)
        except OSError as e:
            raise DiplographError("storage", f"{root / name}: cannot read: {e}") from e
        if actual != digest:
            raise DiplographError("storage", f"{root / name}: checksum mismatch (the file "
                                  "was not written completely or has changed)")
        names.append(name)
    return names
