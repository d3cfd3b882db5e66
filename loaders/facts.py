"""Loader for source-facts files (``sources/*.facts.yaml``, format ``diplograph-facts/1``).

The format is specified in ``docs/facts-format.md`` and the RDF it produces in
``docs/model.md``. :func:`parse_facts_file` checks a file completely, without touching any
store. :func:`load_facts_file` then replaces the document's named graph in one transaction,
so a file that fails changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import __version__
from ..graph.dates import DateValue, parse_date
from ..graph.errors import DiplographError
from ..graph.namespaces import (
    DCTERMS,
    DG,
    DGC,
    GRAPH,
    ID,
    OA,
    ORG,
    PROV,
    QB,
    RDF,
    RDFS,
    SCHEMA,
    SDMX_ATTRIBUTE,
    SDMX_CODE,
    SDMX_DIMENSION,
    SEM,
    TIME,
    XSD,
)
from .yaml_lines import load_with_lines

FORMAT = "diplograph-facts/1"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
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
}
TYPES: dict[str, dict[str, str]] = {
    "membership": {
        "member": "name",
        "organization": "name",
        "roles": "codes:role",
        "start": "date",
        "end": "date",
    },
    "relation": {"parties": "names", "status": "code:relation-status", "date": "date"},
    "agreement": {
        "instrument": "code:instrument",
        "title": "text",
        "parties": "names",
        "signed": "date",
        "fields": "codes:field",
        "signed_at": "factref",
        "quantity": "quantity",
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
        "currency": "string",
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


def _check_value(kind: str, value: Any, path: tuple[str | int, ...], err: _Errors) -> Any:
    """Check one value against its kind; return the normalised value (or None after an error)."""
    if kind == "slug":
        if not isinstance(value, str) or not SLUG.match(value):
            err.add(
                path, f"must be a slug ([a-z0-9-], starting with a letter or digit), got {value!r}"
            )
            return None
        return value
    if kind == "string":
        if not isinstance(value, str) or not value.strip():
            err.add(path, f"must be a non-empty string, got {type(value).__name__} {value!r}")
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
                and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", k)
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
            err.add(path, f"must be an integer, got {value!r}")
            return None
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            err.add(path, f"must be a number, got {value!r}")
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation:
            err.add(path, f"must be a number, got {value!r}")
            return None
    if kind == "bool":
        if not isinstance(value, bool):
            err.add(path, f"must be true or false, got {value!r}")
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
            err.add(path, f"must be an ISO 8601 duration such as P2Y, got {value!r}")
            return None
        return value
    if kind == "quantity":
        if value == "many" or (
            isinstance(value, int) and not isinstance(value, bool) and value > 0
        ):
            return value
        err.add(path, f"must be a positive integer or 'many', got {value!r}")
        return None
    if kind.startswith("code:") or kind.startswith("codes:"):
        scheme = kind.split(":", 1)[1]
        valid = _codes(scheme)
        values = value if kind.startswith("codes:") else [value]
        if kind.startswith("codes:") and (not isinstance(value, list) or not value):
            err.add(path, f"must be a non-empty list of {scheme} codes")
            return None
        ok = True
        for i, v in enumerate(values):
            p = (*path, i) if kind.startswith("codes:") else path
            if not isinstance(v, str) or v not in valid:
                err.add(p, f"unknown {scheme} code {v!r}; valid: {', '.join(sorted(valid))}")
                ok = False
        if not ok:
            return None
        return list(values) if kind.startswith("codes:") else value
    if kind in ("name", "name-or-fact", "factref"):
        if not isinstance(value, str) or not value.strip():
            err.add(path, f"must be a name (string), got {value!r}")
            return None
        if kind == "factref" and not value.startswith("fact:"):
            err.add(path, f"must be a reference 'fact:ID', got {value!r}")
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
        if not isinstance(value, list) or not value:
            err.add(path, "must be a non-empty list of {actor, role, post}")
            return None
        out = []
        for i, p in enumerate(value):
            pp = (*path, i)
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
        if not isinstance(value, list) or not value:
            err.add(path, "must be a non-empty list of {from, to, date}")
            return None
        out = []
        for i, c in enumerate(value):
            pp = (*path, i)
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


def _occurrences(text: str, quote: str) -> list[int]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append(i)
        i = text.find(quote, i + 1)
    return out


def parse_facts_file(path: str | Path, resolve: Resolver | None = None) -> FactsDocument:
    """Read and check a facts file completely. Raise ``DiplographError`` listing every problem.

    ``resolve`` maps a name to a registry entity (default: the bundled registry).
    """
    path = Path(path)
    filename = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DiplographError("bad-input", f"{filename}: cannot read: {e.strerror}") from e
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DiplographError(
            "bad-input", f"{filename}: refused: not UTF-8 ({e}); nothing was loaded"
        ) from e
    data, lines = load_with_lines(content, filename)
    err = _Errors(filename, lines)
    if not isinstance(data, dict):
        err.add((), "the file must be a map with keys 'format', 'document' and 'facts'")
        err.raise_if_any()
    for key in sorted(set(data) - {"format", "document", "facts"}):
        err.add((key,), "unknown top-level key; allowed: format, document, facts")
    if data.get("format") != FORMAT:
        err.add(("format",), f"must be {FORMAT!r}, got {data.get('format')!r}")

    # --- document
    meta: dict[str, Any] = {}
    doc = data.get("document")
    if not isinstance(doc, dict):
        err.add(("document",), "missing or not a map")
        doc = {}
    for key in sorted(set(doc) - set(DOCUMENT_KEYS)):
        err.add(("document", key), f"unknown key; allowed: {', '.join(DOCUMENT_KEYS)}")
    for key in ("id", "file", "language", "title"):
        if key not in doc:
            err.add(("document",), f"missing required key {key!r}")
    for key, kind in DOCUMENT_KEYS.items():
        if key in doc and doc[key] is not None:
            meta[key] = _check_value(kind, doc[key], ("document", key), err)
        elif key in doc and key not in ("publisher", "note", "url", "licence"):
            err.add(("document", key), "must not be empty")
    if meta.get("kind") and meta["kind"] not in DOCUMENT_KINDS:
        err.add(
            ("document", "kind"),
            f"unknown kind {meta['kind']!r}; valid: {', '.join(DOCUMENT_KINDS)}",
        )
    if meta.get("language") and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", meta["language"]):
        err.add(("document", "language"), f"not a BCP 47 language tag: {meta['language']!r}")
    text = ""
    text_path = path.parent / str(meta.get("file") or "")
    if meta.get("file"):
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            err.add(("document", "file"), f"cannot read the document {text_path}: {e}")

    # --- facts
    facts_raw = data.get("facts")
    if not isinstance(facts_raw, list) or not facts_raw:
        err.add(("facts",), "missing or not a non-empty list")
        facts_raw = []
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for i, f in enumerate(facts_raw):
        p: tuple[str | int, ...] = ("facts", i)
        if not isinstance(f, dict):
            err.add(p, "a fact must be a map")
            continue
        ftype = f.get("type")
        if ftype not in TYPES:
            err.add(
                (*p, "type"), f"unknown or missing fact type {ftype!r}; valid: {', '.join(TYPES)}"
            )
            continue
        spec = {**COMMON, **TYPES[ftype]}
        for key in sorted(set(f) - set(spec)):
            err.add((*p, key), f"unknown key for a {ftype} fact; allowed: {', '.join(spec)}")
        for key in ("id", "quote", *REQUIRED[ftype]):
            if key not in f:
                err.add(p, f"missing required key {key!r} for a {ftype} fact")
        values: dict[str, Any] = {}
        for key, kind in spec.items():
            if key in f and key != "type":
                if f[key] is None:
                    err.add((*p, key), "must not be empty")
                    continue
                values[key] = _check_value(kind, f[key], (*p, key), err)
        fid = values.get("id")
        if fid:
            if fid in seen:
                err.add((*p, "id"), f"duplicate fact id {fid!r} (first at facts[{seen[fid]}])")
            seen[fid] = i
        # type-specific rules
        if ftype == "relation" and values.get("parties") and len(values["parties"]) != 2:
            err.add(
                (*p, "parties"), f"a relation has exactly two parties, got {len(values['parties'])}"
            )
        if (
            ftype in ("agreement", "mechanism")
            and values.get("parties")
            and len(values["parties"]) < 2
        ):
            err.add((*p, "parties"), f"a {ftype} needs at least two parties")
        if ftype == "membership":
            s, e = values.get("start"), values.get("end")
            if s and e and e.latest < s.earliest:
                err.add((*p, "end"), f"ends ({e}) before it starts ({s})")
        if ftype == "trade":
            has_v = "value" in f
            has_range = "value_min" in f or "value_max" in f
            if has_v == has_range or (has_range and not ("value_min" in f and "value_max" in f)):
                err.add(p, "a trade fact has either 'value' or both 'value_min' and 'value_max'")
            elif (
                has_range
                and values.get("value_min") is not None
                and values.get("value_max") is not None
                and values["value_min"] > values["value_max"]
            ):
                err.add((*p, "value_min"), "value_min is greater than value_max")
            if values.get("currency") and values["currency"] != "USD":
                err.add((*p, "currency"), f"unknown currency {values['currency']!r}; valid: USD")
        if ftype == "claim" and values.get("claim_type") == "count" and "count" not in f:
            err.add(p, "a count claim needs 'count'")
        # the quote
        quote = values.get("quote")
        start = end = -1
        if quote and text:
            occ = _occurrences(text, quote)
            n = values.get("occurrence") or 1
            if not occ:
                err.add(
                    (*p, "quote"), "not found in the document (quotes must be exact substrings)"
                )
            elif len(occ) > 1 and "occurrence" not in f:
                err.add(
                    (*p, "quote"), f"occurs {len(occ)} times in the document; add 'occurrence: N'"
                )
            elif n < 1 or n > len(occ):
                err.add((*p, "occurrence"), f"the quote occurs {len(occ)} time(s), not {n}")
            else:
                start = occ[n - 1]
                end = start + len(quote)
        facts.append(Fact(fid or f"#{i}", ftype, values, quote or "", start, end, lines.get(p, 0)))

    # fact references
    for i, fact in enumerate(facts):
        for key in ("signed_at", "part_of"):
            ref = fact.data.get(key)
            if isinstance(ref, str) and ref.startswith("fact:") and ref[5:] not in seen:
                err.add(("facts", i, key), f"no fact with id {ref[5:]!r} in this file")
        if (
            fact.data.get("signed_at")
            and facts[seen.get(fact.data["signed_at"][5:], i)].type != "event"
        ):
            err.add(("facts", i, "signed_at"), "must point to an event fact")

    # names
    if resolve is None:
        from .registry import load_registry

        registry = load_registry()

        def resolve(name: str) -> Any:
            return registry.resolve(name)

    entities: dict[str, Any] = {}
    for i, fact in enumerate(facts):
        for key, value in fact.data.items():
            kind = {**COMMON, **TYPES[fact.type]}.get(key, "")
            names: list[tuple[tuple[str | int, ...], str]] = []
            if (
                kind in ("name", "name-or-fact")
                and isinstance(value, str)
                and not value.startswith("fact:")
            ):
                names.append((("facts", i, key), value))
            elif kind == "names" and isinstance(value, list):
                names += [(("facts", i, key, j), v) for j, v in enumerate(value)]
            elif kind == "participants" and isinstance(value, list):
                names += [
                    (("facts", i, key, j, "actor"), v["actor"])
                    for j, v in enumerate(value)
                    if v.get("actor")
                ]
            for npath, name in names:
                if name in entities:
                    continue
                try:
                    entities[name] = resolve(name)
                except DiplographError as e:
                    err.add(npath, e.message)
    err.raise_if_any()
    return FactsDocument(path, meta["id"], text_path, text, meta, facts, entities)


# --- RDF ---------------------------------------------------------------------------------------


def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _typed(value: str, dtype: str) -> ox.Literal:
    return ox.Literal(value, datatype=_nn(XSD(dtype)))


class _Writer:
    def __init__(self, graph: str) -> None:
        self.g = _nn(graph)
        self.quads: list[ox.Quad] = []

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = _nn(o) if isinstance(o, str) else o
        self.quads.append(ox.Quad(_nn(s), _nn(p), obj, self.g))

    def text(self, s: str, p: str, value: str | dict[str, str], lang: str) -> None:
        items = value.items() if isinstance(value, dict) else [(lang, value)]
        for lg, v in items:
            self.add(s, p, ox.Literal(v, language=lg))

    def date(self, s: str, prop: str, d: DateValue) -> None:
        """``dg:{prop}`` with its precision and bounds (docs/model.md, "Dates")."""
        self.add(s, DG(prop), _typed(d.lexical, d.datatype))
        self.add(s, DG(prop + "Precision"), DGC(f"precision/{d.precision}"))
        self.add(s, DG(prop + "Earliest"), _typed(d.earliest.isoformat(), "date"))
        self.add(s, DG(prop + "Latest"), _typed(d.latest.isoformat(), "date"))

    def instant(self, s: str, d: DateValue) -> None:
        self.add(s, RDF("type"), TIME("Instant"))
        prop = {"date": "inXSDDate", "gYearMonth": "inXSDgYearMonth", "gYear": "inXSDgYear"}[
            d.datatype
        ]
        self.add(s, TIME(prop), _typed(d.lexical, d.datatype))
        self.add(
            s,
            TIME("unitType"),
            TIME(
                {
                    "day": "unitDay",
                    "month": "unitMonth",
                    "year": "unitYear",
                    "decade": "unitDecade",
                }[d.precision]
            ),
        )


def agent_iri() -> str:
    """The IRI of this version of diplograph as a PROV software agent."""
    return ID(f"agent/diplograph/{__version__}")


def agent_quads(graph: str) -> list[ox.Quad]:
    """The description of the software agent, stated once (in ``dgg:meta``)."""
    w = _Writer(graph)
    w.add(agent_iri(), RDF("type"), PROV("SoftwareAgent"))
    w.add(agent_iri(), RDFS("label"), ox.Literal(f"diplograph {__version__}"))
    return w.quads


def document_quads(doc: FactsDocument, *, loaded_at: dt.datetime | None = None) -> list[ox.Quad]:
    """All quads of the document's named graph (document, facts, provenance)."""
    w = _Writer(doc.graph)
    lang = doc.meta["language"]
    d_iri = doc.iri
    activity = ID(f"activity/load/{doc.id}")
    agent = agent_iri()

    # the document
    for cls in (DG("SourceDocument"), PROV("Entity"), SCHEMA("CreativeWork")):
        w.add(d_iri, RDF("type"), cls)
    w.text(d_iri, DCTERMS("title"), doc.meta["title"], lang)
    w.add(d_iri, DCTERMS("language"), ox.Literal(lang))
    w.add(d_iri, DG("fileName"), ox.Literal(doc.text_path.name))
    w.add(d_iri, DG("sha256"), ox.Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest()))
    w.add(d_iri, DG("characterCount"), _typed(str(len(doc.text)), "integer"))
    if doc.meta.get("kind"):
        w.add(d_iri, DG("documentKind"), ox.Literal(doc.meta["kind"]))
    if doc.meta.get("publisher"):
        w.add(d_iri, DCTERMS("publisher"), ox.Literal(doc.meta["publisher"]))
    if doc.meta.get("licence"):
        w.add(d_iri, DCTERMS("license"), ox.Literal(doc.meta["licence"]))
    if doc.meta.get("url"):
        w.add(d_iri, DCTERMS("source"), ox.Literal(doc.meta["url"]))
    if doc.meta.get("note"):
        w.add(d_iri, RDFS("comment"), ox.Literal(doc.meta["note"], language="en"))
    if doc.meta.get("as_of"):
        w.date(d_iri, "asOf", doc.meta["as_of"])
    w.add(d_iri, DG("factCount"), _typed(str(len(doc.facts)), "integer"))

    # the load activity
    w.add(activity, RDF("type"), PROV("Activity"))
    w.add(activity, RDFS("label"), ox.Literal(f"diplograph load of {doc.path.name}", language="en"))
    w.add(activity, PROV("used"), d_iri)
    w.add(activity, PROV("wasAssociatedWith"), agent)
    if loaded_at is not None:
        w.add(activity, PROV("endedAtTime"), _typed(loaded_at.isoformat(), "dateTime"))

    for fact in doc.facts:
        _fact_quads(w, doc, fact, lang, activity)
    return w.quads


def _entity(doc: FactsDocument, name: str) -> str:
    return doc.entities[name].iri


def _ref(doc: FactsDocument, value: str) -> str:
    if value.startswith("fact:"):
        return ID(f"fact/{doc.id}/{value[5:]}")
    return _entity(doc, value)


CLASS_OF = {
    "membership": ("Membership", ORG("Membership")),
    "relation": ("DiplomaticRelation", None),
    "agreement": ("Agreement", None),
    "event": ("DiplomaticEvent", SEM("Event")),
    "mechanism": ("BilateralMechanism", ORG("OrganizationalCollaboration")),
    "trade": ("TradeObservation", QB("Observation")),
    "cooperation": ("Cooperation", None),
    "claim": ("Claim", None),
}


def _fact_quads(w: _Writer, doc: FactsDocument, fact: Fact, lang: str, activity: str) -> None:
    f = ID(f"fact/{doc.id}/{fact.id}")
    v = fact.data
    cls, extra = CLASS_OF[fact.type]
    w.add(f, RDF("type"), DG("Fact"))
    w.add(f, RDF("type"), DG(cls))
    if extra:
        w.add(f, RDF("type"), extra)
    w.add(f, DG("factId"), ox.Literal(fact.id))
    w.add(f, DG("factType"), ox.Literal(fact.type))
    w.add(f, DG("statedIn"), doc.iri)
    w.add(f, DG("quote"), ox.Literal(fact.quote, language=lang))
    w.add(f, DG("quoteStart"), _typed(str(fact.start), "integer"))
    w.add(f, DG("quoteEnd"), _typed(str(fact.end), "integer"))
    w.add(f, PROV("wasDerivedFrom"), doc.iri)
    w.add(f, PROV("wasGeneratedBy"), activity)
    if v.get("note"):
        w.add(f, RDFS("comment"), ox.Literal(v["note"], language="en"))
    # evidence: a Web Annotation with a quote and a position selector
    ann, target, qsel, psel = f + "/annotation", f + "/target", f + "/quote", f + "/position"
    w.add(ann, RDF("type"), OA("Annotation"))
    w.add(ann, OA("motivatedBy"), OA("describing"))
    w.add(ann, OA("hasBody"), f)
    w.add(ann, OA("hasTarget"), target)
    w.add(target, RDF("type"), OA("SpecificResource"))
    w.add(target, OA("hasSource"), doc.iri)
    w.add(target, OA("hasSelector"), qsel)
    w.add(target, OA("hasSelector"), psel)
    w.add(qsel, RDF("type"), OA("TextQuoteSelector"))
    w.add(qsel, OA("exact"), ox.Literal(fact.quote))
    w.add(qsel, OA("prefix"), ox.Literal(doc.text[max(0, fact.start - CONTEXT_CHARS) : fact.start]))
    w.add(qsel, OA("suffix"), ox.Literal(doc.text[fact.end : fact.end + CONTEXT_CHARS]))
    w.add(psel, RDF("type"), OA("TextPositionSelector"))
    w.add(psel, OA("start"), _typed(str(fact.start), "nonNegativeInteger"))
    w.add(psel, OA("end"), _typed(str(fact.end), "nonNegativeInteger"))

    involved: list[str] = []

    def party_list(key: str, prop: str) -> None:
        for name in v.get(key) or []:
            iri = _entity(doc, name)
            w.add(f, prop, iri)
            involved.append(iri)

    def fields() -> None:
        for code in v.get("fields") or []:
            w.add(f, DG("field"), DGC(f"field/{code}"))

    t = fact.type
    if t == "membership":
        member, org = _entity(doc, v["member"]), _entity(doc, v["organization"])
        w.add(f, ORG("member"), member)
        w.add(f, ORG("organization"), org)
        involved += [member, org]
        for role in v.get("roles") or ["full"]:
            w.add(f, ORG("role"), DGC(f"role/{role}"))
        interval = f + "/interval"
        if v.get("start") or v.get("end"):
            w.add(f, ORG("memberDuring"), interval)
            w.add(interval, RDF("type"), TIME("Interval"))
        if v.get("start"):
            w.date(f, "startDate", v["start"])
            w.add(interval, TIME("hasBeginning"), interval + "/beginning")
            w.instant(interval + "/beginning", v["start"])
        if v.get("end"):
            w.date(f, "endDate", v["end"])
            w.add(interval, TIME("hasEnd"), interval + "/end")
            w.instant(interval + "/end", v["end"])
    elif t == "relation":
        party_list("parties", DG("party"))
        w.add(f, DG("relationStatus"), DGC(f"relation-status/{v['status']}"))
        if v.get("date"):
            w.date(f, "date", v["date"])
    elif t == "agreement":
        party_list("parties", DG("party"))
        w.add(f, DG("instrumentType"), DGC(f"instrument/{v['instrument']}"))
        if v.get("title"):
            w.text(f, DG("title"), v["title"], lang)
        if v.get("signed"):
            w.date(f, "signingDate", v["signed"])
        if v.get("signed_at"):
            w.add(f, DG("signedAt"), _ref(doc, v["signed_at"]))
        q = v.get("quantity")
        if q is not None:
            w.add(
                f, DG("quantity"), ox.Literal("many") if q == "many" else _typed(str(q), "integer")
            )
        fields()
    elif t == "event":
        w.add(f, DG("eventType"), DGC(f"event-type/{v['event_type']}"))
        for n, p in enumerate(v.get("participants") or [], 1):
            node = f"{f}/role/{n}"
            actor = _entity(doc, p["actor"])
            involved.append(actor)
            w.add(f, DG("participation"), node)
            w.add(f, SEM("hasActor"), actor)
            w.add(node, RDF("type"), DG("Participation"))
            w.add(node, DG("actor"), actor)
            w.add(node, DG("participantRole"), DGC(f"participant-role/{p['role']}"))
            if p.get("post"):
                post = f"{f}/post/{n}"
                w.add(node, DG("post"), post)
                w.add(post, RDF("type"), DG("Post"))
                w.add(post, RDF("type"), ORG("Post"))
                w.text(post, RDFS("label"), p["post"]["label"], lang)
                w.add(post, ORG("postIn"), actor)
                if p["post"].get("office"):
                    w.add(post, DG("office"), DGC(f"office/{p['post']['office']}"))
        if v.get("place"):
            place = _entity(doc, v["place"])
            w.add(f, DG("place"), place)
            involved.append(place)
        for key, prop in (("date", "date"), ("start", "startDate"), ("end", "endDate")):
            if v.get(key):
                w.date(f, prop, v[key])
        if v.get("recurrence"):
            w.add(f, DG("recurrence"), ox.Literal(v["recurrence"]))
        if v.get("periodicity"):
            w.add(f, DG("periodicity"), _typed(v["periodicity"], "duration"))
        if v.get("part_of"):
            w.add(f, DG("partOf"), _ref(doc, v["part_of"]))
        if v.get("about"):
            about = _entity(doc, v["about"])
            w.add(f, DG("about"), about)
            involved.append(about)
        fields()
    elif t == "mechanism":
        party_list("parties", DG("party"))
        w.text(f, DG("name"), v["name"], lang)
        w.text(f, RDFS("label"), v["name"], lang)
        if v.get("founded"):
            w.date(f, "foundedDate", v["founded"])
        if v.get("level"):
            w.add(f, DG("level"), DGC(f"level/{v['level']}"))
        for n, c in enumerate(v.get("level_changes") or [], 1):
            node = f"{f}/level-change/{n}"
            w.add(f, DG("levelChange"), node)
            w.add(node, RDF("type"), DG("LevelChange"))
            w.add(node, RDF("type"), ORG("ChangeEvent"))
            if c.get("from"):
                w.add(node, DG("fromLevel"), DGC(f"level/{c['from']}"))
            w.add(node, DG("toLevel"), DGC(f"level/{c['to']}"))
            if c.get("date"):
                w.date(node, "date", c["date"])
        if v.get("periodicity"):
            w.add(f, DG("periodicity"), _typed(v["periodicity"], "duration"))
        if v.get("session_count") is not None:
            w.add(f, DG("sessionCount"), _typed(str(v["session_count"]), "integer"))
            if doc.meta.get("as_of"):
                w.date(f, "countAsOf", doc.meta["as_of"])
        fields()
    elif t == "trade":
        rep, par = _entity(doc, v["reporter"]), _entity(doc, v["partner"])
        involved += [rep, par]
        w.add(f, QB("dataSet"), ID("dataset/bilateral-trade"))
        w.add(f, DG("reporter"), rep)
        w.add(f, DG("partner"), par)
        w.add(f, DG("flow"), DGC(f"trade-flow/{v.get('flow') or 'total'}"))
        a, b = v["period"]
        period = f + "/period"
        w.add(f, SDMX_DIMENSION("refPeriod"), period)
        w.add(period, RDF("type"), TIME("ProperInterval"))
        w.add(period, TIME("hasBeginning"), period + "/beginning")
        w.instant(period + "/beginning", a)
        w.add(period, TIME("hasEnd"), period + "/end")
        w.instant(period + "/end", b)
        precision = a.precision
        w.add(period, DG("periodPrecision"), DGC(f"precision/{precision}"))
        w.add(period, RDFS("label"), ox.Literal(str(a) if a == b else f"{a}/{b}"))
        w.add(f, DG("periodStart"), _typed(a.earliest.isoformat(), "date"))
        w.add(f, DG("periodEnd"), _typed(b.latest.isoformat(), "date"))
        if v.get("partial_period") is not None:
            w.add(
                f,
                DG("partialPeriod"),
                _typed("true" if v["partial_period"] else "false", "boolean"),
            )
        mult = v.get("multiplier") or 0
        w.add(f, SDMX_ATTRIBUTE("unitMeasure"), DGC(f"currency/{v['currency']}"))
        w.add(f, SDMX_ATTRIBUTE("unitMult"), SDMX_CODE(f"unitMult-{mult}"))
        for key, prop, usd in (
            ("value", "tradeValue", "valueUSD"),
            ("value_min", "tradeValueMin", "valueUSDMin"),
            ("value_max", "tradeValueMax", "valueUSDMax"),
        ):
            if v.get(key) is not None:
                w.add(f, DG(prop), _typed(str(v[key]), "decimal"))
                w.add(f, DG(usd), _typed(format(v[key] * Decimal(10) ** mult, "f"), "decimal"))
    elif t == "cooperation":
        party_list("parties", DG("party"))
        fields()
        for key, prop in (("assessment", "assessment"), ("description", "description")):
            if v.get(key):
                w.text(f, DG(prop), v[key], lang)
        if v.get("start"):
            w.date(f, "startDate", v["start"])
        if v.get("recurrence"):
            w.add(f, DG("recurrence"), ox.Literal(v["recurrence"]))
    elif t == "claim":
        w.add(f, DG("claimType"), DGC(f"claim-type/{v['claim_type']}"))
        party_list("subjects", DG("subject"))
        party_list("objects", DG("object"))
        if v.get("count") is not None:
            w.add(f, DG("count"), _typed(str(v["count"]), "integer"))
        if v.get("count_scope"):
            scope = _entity(doc, v["count_scope"])
            w.add(f, DG("countScope"), scope)
            involved.append(scope)
        w.text(f, DG("statement"), v.get("statement") or fact.quote, lang)
        w.add(f, DG("modality"), DGC(f"modality/{v.get('modality') or 'asserted'}"))
    for iri in dict.fromkeys(involved):
        w.add(f, DG("involves"), iri)


# --- writing ----------------------------------------------------------------------------------


KIND_CLASS = {
    "state": "State",
    "historical-state": "HistoricalState",
    "organisation": "InternationalOrganization",
    "forum": "Forum",
    "ngo": "NonGovernmentalOrganization",
    "person": "Person",
    "place": "Place",
    "event-series": "EventSeries",
}


def _shacl_check(doc: FactsDocument, quads: list[ox.Quad]) -> None:
    """Validate the document's quads (plus the classes of the entities they name) with SHACL."""
    import rdflib

    from ..ontology.shacl import check

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    for entity in doc.entities.values():
        cls = KIND_CLASS.get(entity.kind)
        if cls:
            triples.append(ox.Triple(_nn(entity.iri), _nn(RDF("type")), _nn(DG(cls))))
        for lang, label in entity.labels.items():
            triples.append(
                ox.Triple(_nn(entity.iri), _nn(RDFS("label")), ox.Literal(label, language=lang))
            )
    g = rdflib.Graph()
    g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    messages = check(g)
    if messages:
        raise DiplographError(
            "bad-input",
            f"{doc.path}: refused: the facts break the SHACL shapes; nothing was loaded",
            [f"{doc.path}: shape: {m}" for m in messages],
        )


def replace_graph(store: ox.Store, graph: str, quads: list[ox.Quad] | Iterator[ox.Quad]) -> int:
    """Replace the named graph ``graph`` by ``quads`` in one atomic SPARQL update.

    The quads are serialised by pyoxigraph (N-Triples escaping), so no value is pasted as text.
    """
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""
    g = str(ox.NamedNode(graph))
    store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}}} }}")
    return len(triples)


def load_facts_file(
    store: ox.Store,
    path: str | Path,
    registry: Any | None = None,
    *,
    shacl: bool = True,
    loaded_at: dt.datetime | None = None,
) -> LoadReport:
    """Check ``path`` and replace its document's named graph in ``store``.

    Nothing is written unless the whole file is valid. ``registry`` is the registry to
    resolve names against (default: the bundled one).
    """
    resolve = registry.resolve if registry is not None else None
    doc = parse_facts_file(path, resolve)
    quads = document_quads(
        doc, loaded_at=loaded_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    )
    if shacl:
        _shacl_check(doc, quads)
    replaced = any(True for _ in store.quads_for_pattern(None, None, None, _nn(doc.graph)))
    n = replace_graph(store, doc.graph, quads)
    return LoadReport(doc.id, doc.graph, len(doc.facts), n, replaced)


def facts_files(directory: Path) -> list[Path]:
    """The facts files of a sources folder, in name order."""
    return sorted(directory.glob("*.facts.yaml"))
