"""Loader for source-facts files (``sources/*.facts.yaml``, format ``diplograph-facts/1``).

The format is specified in ``docs/facts-format.md`` and the RDF it produces in
``docs/model.md``. :func:`parse_facts_file` checks a file completely, without touching any
store. :func:`load_facts_file` then replaces the document's named graph in one transaction,
so a file that fails changes nothing. The format's rules live in :mod:`.facts_schema`, and the
RDF writing in :mod:`.facts_rdf`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pyoxigraph as ox

from ..graph.errors import DiplographError
from ..graph.namespaces import DG, ID, PROV, RDF, RDFS
from ..graph.terms import to_bytes
from .facts_rdf import _nn, agent_iri, agent_quads, document_quads
from .facts_schema import (
    COMMON,
    DOCUMENT_KEYS,
    DOCUMENT_KINDS,
    FORMAT,
    LANGUAGE_TAG,
    REQUIRED,
    REVIEW_STATUSES,
    TYPES,
    Fact,
    FactsDocument,
    LoadReport,
    Resolver,
    _check_value,
    _Errors,
    _shown,
)
from .yaml_lines import load_with_lines

__all__ = [
    "FORMAT",
    "Fact",
    "FactsDocument",
    "LoadReport",
    "agent_iri",
    "agent_quads",
    "document_quads",
    "facts_files",
    "load_facts_file",
    "parse_facts_file",
    "replace_graph",
]


def _occurrences(text: str, quote: str) -> list[int]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append(i)
        i = text.find(quote, i + 1)
    return out


#: The largest facts file read (the bundled ones are about 20 KB).
MAX_FILE_BYTES = 5 * 2**20
#: The largest document text read (the bundled ones are a few KB).
MAX_TEXT_BYTES = 5 * 2**20
#: The most facts one file may state.
MAX_FACTS = 5_000


def _read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; ``OSError`` or ``ValueError`` (with a
    message) if it is not a regular file or is larger than ``limit``."""
    with open(path, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise ValueError("not a regular file")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit // 2**20} MB (the limit)")
    return data


def _document_file(folder: Path, name: str) -> tuple[Path | None, str]:
    """The document file ``name`` inside ``folder``, or None and why not.

    Only a relative path that stays inside the folder of the facts file is allowed: no
    absolute path, no ``..``, no symbolic link that leads out of the folder.

    >>> _document_file(Path("/tmp"), "../etc/passwd")[1]
    "must be a path inside the facts file's folder (no '..'), got '../etc/passwd'"
    """
    pure = PurePosixPath(name)
    if pure.is_absolute() or name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return None, f"must be a relative path inside the facts file's folder, got {name!r}"
    if ".." in pure.parts or "\\" in name:
        return None, f"must be a path inside the facts file's folder (no '..'), got {name!r}"
    candidate = folder / pure
    try:
        real, root = candidate.resolve(strict=True), folder.resolve(strict=True)
    except (OSError, RuntimeError) as e:  # missing, or a symlink loop
        return None, f"cannot read the document {candidate}: {getattr(e, 'strerror', e) or e}"
    if not real.is_relative_to(root):
        return None, (f"must stay inside the facts file's folder; {name!r} leads to {real} "
                      "(a symbolic link out of the folder)")
    return candidate, ""


def parse_facts_file(path: str | Path, resolve: Resolver | None = None) -> FactsDocument:
    """Read and check a facts file completely. Raise ``DiplographError`` listing every problem.

    ``resolve`` maps a name to a registry entity (default: the bundled registry). Any
    failure, whatever the input, is a ``DiplographError`` with ``file:line: field:``
    details; nothing else escapes.
    """
    path = Path(path)
    filename = str(path)
    try:
        raw = _read_capped(path, MAX_FILE_BYTES)
    except OSError as e:
        raise DiplographError("bad-input", f"{filename}: cannot read: {e.strerror or e}") from e
    except ValueError as e:
        raise DiplographError(
            "bad-input", f"{filename}: refused; nothing was loaded",
            [f"{filename}:0: (file): {e}"]) from e
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise DiplographError(
            "bad-input", f"{filename}: refused: not UTF-8; nothing was loaded",
            [f"{filename}:{line}: (file): not UTF-8 (byte {e.start}: {e.reason})"],
        ) from e
    data, lines = load_with_lines(content, filename)
    err = _Errors(filename, lines)
    if not isinstance(data, dict):
        err.add((), "the file must be a map with keys 'format', 'document' and 'facts'")
        err.raise_if_any()
    for key in sorted(set(data) - {"format", "document", "facts"}):
        err.add((key,), "unknown top-level key; allowed: format, document, facts")
    if data.get("format") != FORMAT:
        err.add(("format",), f"must be {FORMAT!r}, got {_shown(data.get('format'))}")

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
    if meta.get("language") and not LANGUAGE_TAG.fullmatch(meta["language"]):
        err.add(("document", "language"),
                f"not a BCP 47 language tag: {_shown(meta['language'])}")
    text = ""
    text_path = path.parent / "-"
    if meta.get("file"):
        found, problem = _document_file(path.parent, meta["file"])
        if found is None:
            err.add(("document", "file"), problem)
        else:
            text_path = found
            try:
                text = _read_capped(text_path, MAX_TEXT_BYTES).decode("utf-8")
            except (OSError, ValueError) as exc:  # UnicodeDecodeError is a ValueError
                why = getattr(exc, "strerror", "") or exc
                err.add(("document", "file"), f"cannot read the document {text_path}: {why}")

    # --- facts
    facts_raw = data.get("facts")
    if not isinstance(facts_raw, list) or not facts_raw:
        err.add(("facts",), "missing or not a non-empty list")
        facts_raw = []
    elif len(facts_raw) > MAX_FACTS:
        err.add(("facts",), f"{len(facts_raw):,} facts; at most {MAX_FACTS:,} in one file: "
                            "split it")
        facts_raw = []
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for i, f in enumerate(facts_raw):
        p: tuple[str | int, ...] = ("facts", i)
        if not isinstance(f, dict):
            err.add(p, "a fact must be a map")
            continue
        if f.get("review", "accepted") != "accepted":
            # an extracted candidate (or a rejected one): kept in the file, never loaded
            if f.get("review") not in REVIEW_STATUSES:
                err.add((*p, "review"), f"must be one of {', '.join(REVIEW_STATUSES)}")
            continue
        ftype = f.get("type")
        if not isinstance(ftype, str) or ftype not in TYPES:
            err.add(
                (*p, "type"),
                f"unknown or missing fact type {_shown(ftype)}; valid: {', '.join(TYPES)}",
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
            else:
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
            start, end = values.get("start"), values.get("end")
            if start and end and end.latest < start.earliest:
                err.add((*p, "end"), f"ends ({end}) before it starts ({start})")
        if ftype == "place" and not any(k in f for k in ("located_in", "named_after",
                                                          "capital_of")):
            err.add(p, "a place fact says at least one of 'located_in', 'named_after', "
                       "'capital_of'")
        if ftype == "partnership" and values.get("parties") and len(values["parties"]) != 2:
            err.add(
                (*p, "parties"),
                f"a partnership has exactly two parties, got {len(values['parties'])}",
            )
        if ftype in ("trade", "investment"):
            has_v = "value" in f
            has_range = "value_min" in f or "value_max" in f
            if has_v == has_range or (has_range and not ("value_min" in f and "value_max" in f)):
                err.add(
                    p, f"a {ftype} fact has either 'value' or both 'value_min' and 'value_max'"
                )
            elif (
                has_range
                and values.get("value_min") is not None
                and values.get("value_max") is not None
                and values["value_min"] > values["value_max"]
            ):
                err.add((*p, "value_min"), "value_min is greater than value_max")
        if ftype == "claim" and values.get("claim_type") == "count" and "count" not in f:
            err.add(p, "a count claim needs 'count'")
        # the quote
        quote = values.get("quote")
        start = end = -1
        if quote and text:
            occ = _occurrences(text, quote)
            n = values.get("occurrence") or 1
            offsets = values.get("offsets")
            if offsets and "occurrence" not in f and offsets[0] in occ:
                occ, n = [offsets[0]], 1  # an extracted fact's offsets pick the occurrence
            elif offsets and "occurrence" in f and 0 < n <= len(occ) and occ[n - 1] == offsets[0]:
                pass  # both given (as `diplograph extract` writes them), and they agree
            elif offsets:
                err.add((*p, "offsets"), f"{offsets} is not where the quote stands in the document")
            if not occ:
                err.add(
                    (*p, "quote"), "not found in the document (quotes must be exact substrings)"
                )
            elif len(occ) > 1 and "occurrence" not in f:
                err.add(
                    (*p, "quote"), f"occurs {len(occ)} times in the document; add 'occurrence: N'"
                )
            elif n > len(occ):
                err.add((*p, "occurrence"), f"the quote occurs {len(occ)} time(s), not {n}")
            else:
                start = occ[n - 1]
                end = start + len(quote)
        facts.append(
            Fact(fid or f"#{i}", ftype, values, quote or "", start, end, lines.get(p, 0), i)
        )

    # fact references (``seen`` maps an id to its index in the file, ``type_of`` to its type)
    type_of = {fact.id: fact.type for fact in facts}
    for fact in facts:
        i = fact.index
        for key in ("signed_at", "part_of"):
            ref = fact.data.get(key)
            if isinstance(ref, str) and ref.startswith("fact:") and ref[5:] not in seen:
                err.add(("facts", i, key), f"no fact with id {_shown(ref[5:])} in this file")
        ref = fact.data.get("signed_at")
        if ref and ref[5:] in seen and type_of.get(ref[5:]) != "event":
            err.add(("facts", i, "signed_at"), "must point to an event fact")

    # names
    if resolve is None:
        from .registry import load_registry

        registry = load_registry()

        def resolve(name: str) -> Any:
            return registry.resolve(name)

    entities: dict[str, Any] = {}
    for fact in facts:
        i = fact.index
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
    return FactsDocument(path, meta["id"], text_path, text, meta, facts, entities,
                         lines.get(("document",), 0))


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


#: Predicates whose values change from one load of a file to the next (the load's time) and
#: that no shape reads: left out of the key of a remembered SHACL verdict.
VOLATILE = frozenset({PROV("endedAtTime")})


def check_shapes(doc: FactsDocument, quads: list[ox.Quad]) -> None:
    """Validate the document's quads (plus the classes of the entities they name) with SHACL.

    Triples that conformed before are not checked again (``ontology/shacl_verdicts.py``: the
    same triples, shapes and checker; the load's time left out of the key)."""
    from ..ontology.shacl_verdicts import known_to_conform, remember_conforms, verdict_key

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    for entity in doc.entities.values():
        cls = KIND_CLASS.get(entity.kind)
        if cls:
            triples.append(ox.Triple(_nn(entity.iri), _nn(RDF("type")), _nn(DG(cls))))
        for lang, label in entity.labels.items():
            triples.append(
                ox.Triple(_nn(entity.iri), _nn(RDFS("label")), ox.Literal(label, language=lang))
            )
    key = verdict_key(triples, volatile=VOLATILE)
    if known_to_conform(key):
        return
    from ..ontology.shacl import check_terms

    messages = check_terms(triples)
    if messages:
        raise DiplographError(
            "bad-input",
            f"{doc.path}: refused: the facts break the SHACL shapes; nothing was loaded",
            [_shape_message(doc, m) for m in messages],
        )
    remember_conforms(key)


def _shape_message(doc: FactsDocument, message: str) -> str:
    """``file:line: field: shape: message``: the fact (or the document) a SHACL message is
    about, found from its focus node."""
    focus = message[len("focus <"):].split(">", 1)[0] if message.startswith("focus <") else ""
    for fact in doc.facts:
        iri = ID(f"fact/{doc.id}/{fact.id}")
        if focus == iri or focus.startswith(iri + "/"):
            return f"{doc.path}:{fact.line}: facts[{fact.index}]: shape: {message}"
    return f"{doc.path}:{doc.line}: document: shape: {message}"


def replace_graph(store: ox.Store, graph: str, quads: list[ox.Quad] | Iterator[ox.Quad]) -> int:
    """Replace the named graph ``graph`` by ``quads`` in one atomic SPARQL update.

    The quads are serialised by pyoxigraph (N-Triples escaping), so no value is pasted as text.
    """
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    body = to_bytes(triples, ox.RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""
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
        check_shapes(doc, quads)
    replaced = any(True for _ in store.quads_for_pattern(None, None, None, _nn(doc.graph)))
    n = replace_graph(store, doc.graph, quads)
    return LoadReport(doc.id, doc.graph, len(doc.facts), n, replaced)


def facts_files(directory: Path) -> list[Path]:
    """The facts files of a sources folder, in name order."""
    return sorted(directory.glob("*.facts.yaml"))
