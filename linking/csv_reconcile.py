"""Reconcile a column of names in a CSV or TSV file: ``diplograph link names.csv --column NAME``.

The input may be UTF-8 (with or without a BOM) or UTF-16 (with a BOM); comma, semicolon or tab
separated (by extension ``.tsv``/``.tab``, otherwise sniffed from the first lines). The output
has the same rows and columns plus ``iri``, ``qid``, ``label``, ``score``, ``match`` and
``note``, and is written to a temporary file in the target folder, then renamed: a failure never
leaves a half-written file.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..graph.errors import DiplographError
from .candidates import MatchResult
from .features import choice_features
from .matcher import Matcher

ADDED_COLUMNS = ("iri", "qid", "label", "score", "match", "note")
MAX_CELL = 1000


@dataclass
class ReconcileSummary:
    """Counts of one run."""

    rows: int = 0
    matched: int = 0
    ambiguous: int = 0
    unmatched: int = 0
    skipped: int = 0


def decode(data: bytes, name: str = "input") -> str:
    """Bytes -> text: UTF-16 when it starts with a UTF-16 BOM, else UTF-8 (BOM stripped).

    >>> decode(codecs.BOM_UTF8 + "Mông Cổ".encode())
    'Mông Cổ'
    >>> decode("Mông Cổ".encode("utf-16"))
    'Mông Cổ'
    """
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DiplographError(
            "bad-input",
            f"{name}: not UTF-8 or UTF-16 text (byte {e.start}: {e.reason}); "
            "save it as UTF-8 and retry",
        ) from e


def sniff_delimiter(text: str, filename: str = "") -> str:
    """``\\t`` for ``.tsv``/``.tab`` files, else the delimiter the first lines suggest.

    >>> sniff_delimiter("a\\tb\\n1\\t2\\n"), sniff_delimiter("a;b\\n1;2\\n")
    ('\\t', ';')
    >>> sniff_delimiter("name\\nX\\n")
    ','
    """
    suffix = Path(filename).suffix.lower()
    if suffix in (".tsv", ".tab"):
        return "\t"
    head = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        counts = {d: first.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_table(path: str | os.PathLike[str]) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, delimiter) of a CSV/TSV file. Raises ``bad-input`` for an unreadable file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise DiplographError("bad-input", f"cannot read {p}: {e.strerror or e}") from e
    text = decode(data, str(p))
    if not text.strip():
        raise DiplographError("bad-input", f"{p}: the file is empty (a header row is needed)")
    delim = sniff_delimiter(text, p.name)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error as e:
        raise DiplographError("bad-input", f"{p}: not a readable CSV/TSV file: {e}") from e
    header = [h.strip() for h in rows[0]]
    return header, rows[1:], delim


def find_column(header: list[str], column: str) -> int:
    """Index of ``column`` (exact, then case-insensitive); a ``bad-input`` error lists the columns.

    >>> find_column(["id", "Name"], "name")
    1
    """
    if column in header:
        return header.index(column)
    folded = [h.casefold() for h in header]
    if column.casefold() in folded:
        return folded.index(column.casefold())
    if column.isdigit() and 1 <= int(column) <= len(header):
        return int(column) - 1
    raise DiplographError(
        "bad-input",
        f"no column {column!r}; the columns are: {', '.join(repr(h) for h in header) or '(none)'}",
    )


def result_cells(res: MatchResult | None, skip: str | None = None) -> list[str]:
    """The six added cells for one row."""
    if skip is not None:
        return ["", "", "", "", "false", skip]
    assert res is not None
    best = res.best
    if best is not None:
        e = best.entity
        return [e.iri, best.qid or "", e.label, f"{best.score:g}", "true", res.note or best.method]
    top = res.candidates[0] if res.candidates else None
    if top is None:
        return ["", "", "", "", "false", res.note or "no match"]
    if res.ambiguous:
        # never one guessed entity: every candidate, with what tells them apart
        cands = " | ".join(
            f"{c.entity.iri}: {c.entity.label} ({choice_features(c.entity).text()})"
            for c in res.candidates
        )
        return ["", "", "", "", "false", f"ambiguous, {len(res.candidates)} candidates: {cands}"]
    # not a match: the best guess is shown for review, the note says why it is not a match
    return [top.entity.iri, top.qid or "", top.entity.label, f"{top.score:g}", "false", res.note]


def reconcile_rows(
    matcher: Matcher,
    rows: list[list[str]],
    col: int,
    *,
    kind: str | None = None,
    lang: str | None = None,
    summary: ReconcileSummary | None = None,
) -> Iterator[list[str]]:
    """Each row extended with the six result cells."""
    s = summary or ReconcileSummary()
    for row in rows:
        s.rows += 1
        cell = row[col] if col < len(row) else None
        if cell is None:
            s.skipped += 1
            yield row + result_cells(None, "skipped: the row has no such column")
            continue
        name = cell.strip()
        if not name:
            s.skipped += 1
            yield row + result_cells(None, "skipped: empty name")
            continue
        if len(name) > MAX_CELL:
            s.skipped += 1
            yield row + result_cells(None, f"skipped: cell longer than {MAX_CELL} characters")
            continue
        res = matcher.match(name, kind=kind, lang=lang, limit=3)
        if res.best is not None:
            s.matched += 1
        elif res.ambiguous:
            s.ambiguous += 1
        else:
            s.unmatched += 1
        yield row + result_cells(res)


def write_atomic(
    path: str | os.PathLike[str], header: list[str], rows: Iterator[list[str]], delim: str
) -> None:
    """Write a CSV/TSV (UTF-8, no BOM) to a temporary file next to ``path``, then rename it."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise DiplographError("bad-input", f"cannot write {p}: no folder {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=delim, lineterminator="\n")
            w.writerow(header)
            for r in rows:
                w.writerow(r)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def reconcile_file(
    matcher: Matcher | Callable[[], Matcher],
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    column: str,
    *,
    kind: str | None = None,
    lang: str | None = None,
    prefix: str | None = None,
) -> ReconcileSummary:
    """Read ``src``, reconcile ``column``, write ``dst`` atomically. Returns the counts.

    ``prefix`` goes before the names of the added columns (``link_note``); without it, the
    added columns are prefixed ``link_`` only when the input already has one of them (a
    ``note`` column, say). ``matcher`` may be a function that makes one: it is called only
    once the input is read and checked, so a bad file is refused without that cost (a
    matcher of the whole registry takes 1-2 s to make)."""
    header, rows, delim = read_table(src)
    col = find_column(header, column)
    if prefix is None:
        prefix = "link_" if any(c in header for c in ADDED_COLUMNS) else ""
    added = [prefix + c for c in ADDED_COLUMNS]
    clash = [c for c in added if c in header]
    if clash:
        raise DiplographError(
            "bad-input",
            f"the input already has the output column(s) {', '.join(clash)}; rename them or "
            "give another --prefix",
        )
    out_delim = (
        "\t"
        if Path(dst).suffix.lower() in (".tsv", ".tab")
        else (delim if Path(dst).suffix.lower() not in (".csv",) else ",")
    )
    if not isinstance(matcher, Matcher):
        matcher = matcher()
    summary = ReconcileSummary()
    results = list(reconcile_rows(matcher, rows, col, kind=kind, lang=lang, summary=summary))
    write_atomic(dst, header + added, iter(results), out_delim)
    return summary
