"""Reading a document to extract from: the checks that refuse bad input before any work.

An empty, binary, non-UTF-8 or too large file, or a text in neither English nor Vietnamese,
raises :class:`DiplographError` (``bad-input``) with a message a person can act on.
"""

from __future__ import annotations

from pathlib import Path

from ..graph.errors import DiplographError
from .language import LANGUAGES, detect, scores

#: the largest text ``diplograph extract`` reads (a long article is ~50 kB)
MAX_BYTES = 1_000_000


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of ``path``, checked: UTF-8, not binary, not empty, not above ``max_bytes``."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise DiplographError("bad-input", f"{path}: cannot read: {e.strerror}") from e
    if not path.is_file():
        raise DiplographError("bad-input", f"{path}: not a file")
    if size > max_bytes:
        raise DiplographError(
            "bad-input",
            f"{path}: refused: {size / 1e6:.1f} MB is more than the {max_bytes / 1e6:.0f} MB "
            "a document may have; split it into articles and extract each",
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise DiplographError("bad-input", f"{path}: refused: the file is empty")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DiplographError(
            "bad-input", f"{path}: refused: not UTF-8 (a UTF-16 byte-order mark); convert it, "
            "e.g. iconv -f UTF-16 -t UTF-8")
    if b"\x00" in raw[:65536]:
        raise DiplographError(
            "bad-input", f"{path}: refused: a binary file (NUL bytes), not a text document"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DiplographError(
            "bad-input",
            f"{path}: refused: not UTF-8 (byte {e.start}: {raw[e.start:e.start + 1]!r}); "
            "convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8",
        ) from e
    if text.startswith("\ufeff"):
        raise DiplographError(
            "bad-input", f"{path}: refused: starts with a byte-order mark; remove it so that "
            "character offsets match the text"
        )
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t")
    if controls > 0.01 * min(len(text), 65536):
        raise DiplographError(
            "bad-input", f"{path}: refused: {controls} control characters; not a text document"
        )
    return text


def language_of(text: str, lang: str | None, name: str = "the text") -> str:
    """The language to extract in: ``lang`` when given (checked), else the detected one."""
    if lang is not None:
        if lang not in LANGUAGES:
            raise DiplographError(
                "bad-input", f"unsupported language {lang!r}; supported: {', '.join(LANGUAGES)}"
            )
        return lang
    found = detect(text)
    if found is None:
        s = scores(text)
        raise DiplographError(
            "bad-input",
            f"{name}: refused: neither English nor Vietnamese (Vietnamese-marked words "
            f"{s['vi']:.0%}, English function words {s['en']:.0%}); diplograph extract reads "
            "English and Vietnamese only (force one with --lang)",
        )
    return found
