"""The ``diplograph-facts/1`` format: its keys and value kinds, and how one value is checked.

``docs/facts-format.md`` describes the format for curators. :mod:`.facts` parses a file with
these rules, and :mod:`.facts_rdf` writes what a checked file states.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..graph.dates import parse_date
from ..graph.errors import DiplographError
from ..graph.namespaces import GRAPH, ID

FORMAT = "diplograph-facts/1"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: a BCP 47 language tag as RDF accepts it: a 2-3 letter language, then subtags of 1-8
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
#: a number as a curator writes it in a quoted string: digits, an optional fraction
DECIMAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
#: at most this many significant digits in a number (amounts are "as written")
MAX_DIGITS = 30
CONTEXT_CHARS = 32

# --- the schema of the format --------------------------------------------------------------
# kind of each key: name, names, date, interval-or-date, text, string, integer, number, bool,
# code:<scheme>, codes:<scheme>, factref, name-or-fact, participants, level-changes,
# duration, quantity
COMMON = {
    "id": "slug",
    "type": "string",
    "quote": "string",
    "occurrence": "integer",
    "note": "string",
    # review keys of extracted candidates (docs/extraction.md): only accepted facts are loaded
    "review": "code:review",
    "confidence": "number",
    "rule": "string",
    "offsets": "offsets",
    "unresolved": "strings",
    "flags": "strings",
}
#: review statuses; a fact without ``review`` was written by hand and counts as accepted
REVIEW_STATUSES = ("candidate", "accepted", "rejected")
TYPES: dict[str, dict[str, str]] = {
    "membership": {
        "member": "name",
        "organization": "name",
        "roles": "codes:role",
        "start": "date",
        "end": "date",
        "end_reason": "code:membership-end",
    },
    "relation": {"parties": "names", "status": "code:relation-status", "date": "date"},
    "agreement": {
        "instrument": "code:instrument",
        "title": "text",
        "parties": "names",
        "signed": "date",
        "fields": "codes:field",
        "obligations": "codes:obligation",
        "signed_at": "factref",
        "quantity": "quantity",
        "renewed": "date",
        "renewed_for": "duration",
        "in_force": "date",
    },
    "event": {
        "event_type": "code:event-type",
        "participants": "participants",
        "place": "name",
        "date": "date",
        "start": "date",
        "end": "date",
        "recurrence": "string",
        "periodicity": "duration",
        "part_of": "name-or-fact",
        "about": "name",
        "fields": "codes:field",
        "ordinal": "integer",
    },
    "partnership": {
        "parties": "names",
        "framework": "code:partnership-framework",
        "date": "date",
    },
    "investment": {
        "investor": "name",
        "recipient": "name",
        "period": "period",
        "cumulative": "bool",
        "value": "number",
        "value_min": "number",
        "value_max": "number",
        "currency": "code:currency",
        "multiplier": "integer",
    },
    "mechanism": {
        "name": "text",
        "parties": "names",
        "founded": "date",
        "level": "code:level",
        "level_changes": "level-changes",
        "periodicity": "duration",
        "session_count": "integer",
        "fields": "codes:field",
    },
    "trade": {
        "reporter": "name",
        "partner": "name",
        "flow": "code:trade-flow",
        "period": "period",
        "partial_period": "bool",
        "value": "number",
        "value_min": "number",
        "value_max": "number",
        "currency": "code:currency",
        "multiplier": "integer",
    },
    "cooperation": {
        "parties": "names",
        "fields": "codes:field",
        "assessment": "text",
        "description": "text",
        "start": "date",
        "recurrence": "string",
    },
    "place": {
        "place": "name",
        "located_in": "name",
        "named_after": "name",
        "capital_of": "name",
    },
    "claim": {
        "claim_type": "code:claim-type",
        "subjects": "names",
        "objects": "names",
        "count": "integer",
        "count_scope": "name",
        "statement": "text",
        "modality": "code:modality",
    },
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "membership": ("member", "organization"),
    "relation": ("parties", "status"),
    "agreement": ("instrument", "parties"),
    "event": ("event_type",),
    "mechanism": ("name", "parties"),
    "trade": ("reporter", "partner", "period", "currency"),
    "cooperation": ("parties", "fields"),
    "claim": ("claim_type",),
    "partnership": ("parties", "framework"),
    "investment": ("investor", "recipient", "currency"),
    "place": ("place",),
}
DOCUMENT_KEYS = {
    "id": "slug",
    "file": "string",
    "title": "text",
    "language": "string",
    "kind": "string",
    "publisher": "string",
    "licence": "string",
    "as_of": "date",
    "note": "string",
    "url": "string",
}
DOCUMENT_KINDS = ("news-article", "ministry-page", "encyclopedia-article", "other")
#: the allowed range of each integer key (inclusive); a key not listed takes 0 to 10^9
INTEGER_RANGES: dict[str, tuple[int, int]] = {
    "occurrence": (1, 10**6),
    "multiplier": (0, 15),  # a power of ten: 3 thousand, 6 million, 9 billion, 12 trillion
    "session_count": (0, 10**6),
    "count": (0, 10**9),
}
#: number keys that cannot be negative
NON_NEGATIVE = frozenset({"value", "value_min", "value_max"})

Resolver = Callable[[str], Any]  # name -> registry Entity (with .iri), raises DiplographError


@dataclass
class Fact:
    """One checked fact, ready to be written."""

    id: str
    type: str
    data: dict[str, Any]
    quote: str
    start: int
    end: int
    line: int
    index: int = -1  # its position in the file's list of facts


@dataclass
class FactsDocument:
    """A checked facts file: its document and facts, with resolved names."""

    path: Path
    id: str
    text_path: Path
    text: str
    meta: dict[str, Any]
    facts: list[Fact]
    entities: dict[str, Any] = field(default_factory=dict)  # name -> Entity
    line: int = 0  # the line of the ``document`` key

    @property
    def iri(self) -> str:
        return ID(f"source/{self.id}")

    @property
    def graph(self) -> str:
        return GRAPH(f"source/{self.id}")


@dataclass
class LoadReport:
    """What a load wrote."""

    document: str
    graph: str
    facts: int
    triples: int
    replaced: bool


class _Errors:
    def __init__(self, filename: str, lines: dict[tuple[str | int, ...], int]) -> None:
        self.filename = filename
        self.lines = lines
        self.items: list[tuple[int, str]] = []

    def add(self, path: tuple[str | int, ...], message: str) -> None:
        line = 0
        for n in range(len(path), -1, -1):
            if path[:n] in self.lines:
                line = self.lines[path[:n]]
                break
        where = ""
        for part in path:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else part)
        self.items.append((line, f"{self.filename}:{line}: {where or '(file)'}: {message}"))

    def raise_if_any(self) -> None:
        if self.items:
            n = len(self.items)
            raise DiplographError(
                "bad-input",
                f"{self.filename}: refused ({n} error{'s' if n > 1 else ''}); nothing was loaded",
                [m for _, m in sorted(self.items, key=lambda t: t[0])],
            )


def _codes(scheme: str) -> frozenset[str]:
    from ..ontology import codes

    return codes(scheme)


def _list_items(value: Any, path: tuple[str | int, ...], err: _Errors,
                what: str) -> list[tuple[tuple[str | int, ...], Any]] | None:
    """The items of a non-empty list, each with its path; None (and an error) otherwise."""
    if not isinstance(value, list) or not value:
        err.add(path, f"must be a non-empty list of {what}")
        return None
    return [((*path, i), item) for i, item in enumerate(value)]


def _shown(value: Any) -> str:
    """A value for a message, with its YAML kind when that is the problem.

    >>> _shown(True), _shown([1]), _shown("x")
    ('true (a boolean)', '[1] (a list)', "'x'")
    """
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    what = {list: "a list", dict: "a map", float: "a decimal number"}.get(type(value))
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} ({what})" if what else text


def _check_number(value: Any, path: tuple[str | int, ...], err: _Errors) -> Decimal | None:
    """A finite number as written: an integer, a decimal, or a quoted ``123.45``.

    NaN, infinities, booleans, exponents and numbers of more than :data:`MAX_DIGITS`
    digits are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        err.add(path, f"must be a number, got {_shown(value)}")
        return None
    if isinstance(value, float) and not math.isfinite(value):
        err.add(path, f"must be a finite number, got {_shown(value)}")
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    if isinstance(value, float) or isinstance(value, int):
        if isinstance(value, float) and ("e" in text or "E" in text):
            text = format(Decimal(text), "f")
    elif not DECIMAL.fullmatch(text):
        err.add(path, f"must be a number written with digits (such as 85 or 1.5), "
                      f"got {_shown(value)}")
        return None
    digits = sum(ch.isdigit() for ch in text)
    if digits > MAX_DIGITS:
        err.add(path, f"a number of {digits} digits (at most {MAX_DIGITS})")
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the text was checked above
        err.add(path, f"must be a number, got {_shown(value)}")
        return None
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if key in NON_NEGATIVE and number < 0:
        err.add(path, f"cannot be negative, got {text}")
        return None
    return number


def _check_value(kind: str, value: Any, path: tuple[str | int, ...], err: _Errors) -> Any:
    """Check one value against its kind; return the normalised value (or None after an error)."""
    if kind == "slug":
        if not isinstance(value, str) or not SLUG.fullmatch(value):
            err.add(path, "must be a slug ([a-z0-9-], starting with a letter or digit), got "
                          f"{_shown(value)}")
            return None
        return value
    if kind == "string":
        if not isinstance(value, str) or not value.strip():
            err.add(path, f"must be a non-empty string, got {_shown(value)}")
            return None
        return value
    if kind == "text":
        if isinstance(value, str) and value.strip():
            return value
        if (
            isinstance(value, dict)
            and value
            and all(
                isinstance(k, str)
                and LANGUAGE_TAG.fullmatch(k)
                and isinstance(v, str)
                and v.strip()
                for k, v in value.items()
            )
        ):
            return dict(value)
        err.add(path, "must be a string or a map {language: text}")
        return None
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            err.add(path, f"must be an integer, got {_shown(value)}")
            return None
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        low, high = INTEGER_RANGES.get(key, (0, 10**9))
        if not low <= value <= high:
            err.add(path, f"must be between {low} and {high}, got {value}"
                    + (" (it must be 1 or more)" if low == 1 and value < 1 else ""))
            return None
        return value
    if kind == "number":
        return _check_number(value, path, err)
    if kind == "bool":
        if not isinstance(value, bool):
            err.add(path, f"must be true or false, got {_shown(value)}")
            return None
        return value
    if kind == "date":
        try:
            return parse_date(value)
        except ValueError as e:
            err.add(path, str(e))
            return None
    if kind == "period":
        if isinstance(value, dict):
            if set(value) != {"from", "to"}:
                err.add(path, "an interval must have exactly the keys 'from' and 'to'")
                return None
            a = _check_value("date", value["from"], (*path, "from"), err)
            b = _check_value("date", value["to"], (*path, "to"), err)
            if a and b and b.latest < a.earliest:
                err.add(path, f"interval runs backwards: {a} to {b}")
                return None
            return (a, b) if a and b else None
        d = _check_value("date", value, path, err)
        return (d, d) if d else None
    if kind == "duration":
        if not isinstance(value, str) or not re.fullmatch(
            r"P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?", value
        ):
            err.add(path, f"must be an ISO 8601 duration such as P2Y, got {_shown(value)}")
            return None
        return value
    if kind == "quantity":
        if value == "many" or (
            isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 10**9
        ):
            return value
        err.add(path, f"must be a positive integer (at most 10^9) or 'many', "
                      f"got {_shown(value)}")
        return None
    if kind == "offsets":
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
            or value[1] < value[0]
        ):
            err.add(path, f"must be [start, end] character offsets, got {value!r}")
            return None
        return list(value)
    if kind == "strings":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            err.add(path, "must be a list of strings")
            return None
        return list(value)
    if kind.startswith("code:") or kind.startswith("codes:"):
        scheme = kind.split(":", 1)[1]
        valid = frozenset(REVIEW_STATUSES) if scheme == "review" else _codes(scheme)
        values = value if kind.startswith("codes:") else [value]
        if kind.startswith("codes:") and (not isinstance(value, list) or not value):
            err.add(path, f"must be a non-empty list of {scheme} codes")
            return None
        ok = True
        for i, v in enumerate(values):
            p = (*path, i) if kind.startswith("codes:") else path
            if not isinstance(v, str) or v not in valid:
                err.add(p, f"unknown {scheme} code {_shown(v)}; "
                           f"valid: {', '.join(sorted(valid))}")
                ok = False
        if not ok:
            return None
        return list(values) if kind.startswith("codes:") else value
    if kind in ("name", "name-or-fact", "factref"):
        if not isinstance(value, str) or not value.strip():
            err.add(path, f"must be a name (string), got {_shown(value)}")
            return None
        if kind == "factref" and not value.startswith("fact:"):
            err.add(path, f"must be a reference 'fact:ID', got {_shown(value)}")
            return None
        return value.strip()
    if kind == "names":
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            err.add(path, "must be a non-empty list of names")
            return None
        return [v.strip() for v in value]
    if kind == "participants":
        items = _list_items(value, path, err, "{actor, role, post}")
        if items is None:
            return None
        out = []
        for pp, p in items:
            if not isinstance(p, dict) or "actor" not in p:
                err.add(pp, "must be a map with at least 'actor'")
                continue
            unknown = set(p) - {"actor", "role", "post"}
            if unknown:
                err.add(
                    pp, f"unknown key(s) {', '.join(sorted(unknown))}; allowed: actor, role, post"
                )
            actor = _check_value("name", p["actor"], (*pp, "actor"), err)
            role = _check_value(
                "code:participant-role", p.get("role", "participant"), (*pp, "role"), err
            )
            post = None
            if "post" in p:
                post_v = p["post"]
                if (
                    not isinstance(post_v, dict)
                    or "label" not in post_v
                    or set(post_v) - {"label", "office"}
                ):
                    err.add((*pp, "post"), "must be a map {label: text, office: code}")
                else:
                    label = _check_value("text", post_v["label"], (*pp, "post", "label"), err)
                    office = (
                        _check_value("code:office", post_v["office"], (*pp, "post", "office"), err)
                        if "office" in post_v
                        else None
                    )
                    post = {"label": label, "office": office}
            out.append({"actor": actor, "role": role, "post": post})
        return out
    if kind == "level-changes":
        items = _list_items(value, path, err, "{from, to, date}")
        if items is None:
            return None
        out = []
        for pp, c in items:
            if not isinstance(c, dict) or set(c) - {"from", "to", "date"} or "to" not in c:
                err.add(pp, "must be a map {from: level, to: level, date: date}")
                continue
            out.append(
                {
                    "from": _check_value("code:level", c["from"], (*pp, "from"), err)
                    if "from" in c
                    else None,
                    "to": _check_value("code:level", c["to"], (*pp, "to"), err),
                    "date": _check_value("date", c["date"], (*pp, "date"), err)
                    if "date" in c
                    else None,
                }
            )
        return out
    raise AssertionError(f"unknown kind {kind}")  # pragma: no cover
