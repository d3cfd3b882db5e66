"""Named queries: ``queries/*.rq`` files with a metadata header.

A named query is a SPARQL file whose leading comment lines describe it::

    #+ title: Organisations a state belongs to
    #+ description: Memberships of a state, with role, dates and the source quote.
    #+ param: state entity required -- the member state (name, ISO code, key or IRI)
    #+ param: year year optional -- only memberships that had begun by this year

A parameter is bound to the query variable of the same name (``?state``) as an RDF term,
through pyoxigraph's ``substitutions``. Values are never pasted into the query text.

Entity and document parameters take names, resolved by the registry and the source documents
*as the store holds them* (:meth:`~.registry.Registry.from_store`): give ``bind`` the store
(``store=``), or let the server name its store once (:func:`use_store`).

>>> q = parse_named_query("demo", '''#+ title: Demo
... #+ description: A demo.
... #+ param: n integer optional=3 -- how many
... SELECT * WHERE { BIND(?n AS ?m) }''')
>>> q.title, [p.name for p in q.parameters], q.parameters[0].default
('Demo', ['n'], '3')
>>> bind(q, {})
{'n': <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>}
>>> bind(q, {"n": "three"})
Traceback (most recent call last):
...
diplograph.graph.errors.DiplographError: parameter 'n': not an integer: 'three'
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import yaml_text
from .dates import parse_date
from .errors import DiplographError
from .namespaces import ID, XSD
from .registry import Registry
from .terms import Term, value

PARAM_TYPES = (
    "iri", "entity", "document", "string", "integer", "date", "date-end", "year", "lang",
)
_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
_PARAM_RE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[\w-]+)\s+"
    r"(?P<req>required|optional(?:=(?P<default>\S+))?)\s*(?:--\s*(?P<desc>.*))?$"
)


@dataclass(frozen=True)
class Parameter:
    """A typed parameter of a named query."""

    name: str
    type: str
    required: bool
    default: str | None
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query kept as a file, with its metadata."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    path: Path | None = None

    def to_json(self) -> dict[str, object]:
        """A JSON-ready description (no query text)."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "default": p.default,
                    "description": p.description,
                }
                for p in self.parameters
            ],
        }


def queries_dir() -> Path:
    """The folder of the bundled named queries (``queries/``)."""
    from .. import queries

    return Path(queries.__file__).parent


def parse_named_query(name: str, text: str, path: Path | None = None) -> NamedQuery:
    """Parse the ``#+`` header of a named query."""
    where = str(path) if path else name
    if not _NAME_RE.match(name):
        raise DiplographError("bad-input", f"{where}: query name {name!r} is not a slug")
    title = description = ""
    params: list[Parameter] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, _, value = line[2:].partition(":")
        key, value = key.strip(), value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description = (description + " " + value).strip()
        elif key == "param":
            m = _PARAM_RE.match(value)
            if not m or m["type"] not in PARAM_TYPES:
                raise DiplographError(
                    "bad-input",
                    f"{where}:{lineno}: param: expected 'NAME TYPE required|optional[=DEFAULT]"
                    f" -- description' with TYPE one of {', '.join(PARAM_TYPES)}",
                )
            params.append(
                Parameter(
                    name=m["name"],
                    type=m["type"],
                    required=m["req"] == "required",
                    default=m["default"],
                    description=(m["desc"] or "").strip(),
                )
            )
        else:
            raise DiplographError("bad-input", f"{where}:{lineno}: unknown header key {key!r}")
    if not title:
        raise DiplographError("bad-input", f"{where}: missing '#+ title:' header")
    return NamedQuery(name, title, description, tuple(params), text, path)


@cache
def _load_dir(directory: Path) -> tuple[NamedQuery, ...]:
    return tuple(
        parse_named_query(p.stem, p.read_text(encoding="utf-8"), p)
        for p in sorted(directory.glob("*.rq"))
    )


def list_queries(directory: Path | None = None) -> list[NamedQuery]:
    """All named queries of ``directory`` (default: the bundled ``queries/``), by name."""
    return list(_load_dir((directory or queries_dir()).resolve()))


def get_query(name: str, directory: Path | None = None) -> NamedQuery:
    """The named query ``name``; ``DiplographError('not-found')`` if there is none."""
    for q in list_queries(directory):
        if q.name == name:
            return q
    raise DiplographError("not-found", f"no named query {name!r}")


@dataclass(frozen=True)
class DocumentRef:
    """A source document as the facts files name it: id, titles (every language), file."""

    id: str
    iri: str
    titles: tuple[str, ...]
    file: str


@cache
def _documents(directory: Path) -> tuple[DocumentRef, ...]:
    import yaml

    out = []
    for path in sorted(directory.glob("*.facts.yaml")):
        try:
            head = yaml_text.load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue  # a broken facts file is reported by `build`/`validate`, not here
        doc = head.get("document") if isinstance(head, dict) else None
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            continue
        titles = doc.get("title") or {}
        if isinstance(titles, str):
            titles = {"": titles}
        out.append(DocumentRef(doc["id"], ID(f"source/{doc['id']}"),
                               tuple(str(t) for t in titles.values() if t),
                               str(doc.get("file") or "")))
    return tuple(out)


def documents(directory: Path | None = None, *,
              store: ox.Store | None = None) -> tuple[DocumentRef, ...]:
    """The source documents: those of the facts files in ``directory``, or else those the
    store holds (``store``, or the one named by :func:`use_store`)."""
    if directory is not None:
        return _documents(directory.resolve())
    return _from_store(store)[1]


_DOCUMENTS = """
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?d ?title ?file WHERE {
  ?d a dg:SourceDocument ; dg:fileName ?file . OPTIONAL { ?d dcterms:title ?title }
}"""

#: the store the server reads (:func:`use_store`): a function giving its newest state
_store_of_server: Callable[[], ox.Store] | None = None
_last: list[Any] = []  # [store, registry, documents] of the last store read
_last_lock = threading.Lock()


def use_store(newest: Callable[[], ox.Store] | None) -> None:
    """Resolve entity and document names against the store ``newest()`` gives (the server
    calls this once with its query service's newest checkpoint)."""
    global _store_of_server
    _store_of_server = newest


def _from_store(store: ox.Store | None) -> tuple[Registry, tuple[DocumentRef, ...]]:
    """The registry and the source documents of ``store`` (default: the server's), read once
    per store."""
    if store is None:
        if _store_of_server is None:
            raise DiplographError(
                "bad-input", "names of entities and documents are resolved against a store: "
                             "none is given (give an IRI instead)")
        store = _store_of_server()
    with _last_lock:
        if _last and _last[0] is store:
            return _last[1], _last[2]
    from .runner import select

    registry = Registry.from_store(store)
    docs: dict[str, tuple[list[str], str]] = {}
    prefix = ID("source/")
    for row in select(store, _DOCUMENTS):
        iri = value(row["d"])
        if not iri.startswith(prefix):
            continue
        titles, _ = docs.setdefault(iri, ([], value(row["file"])))
        if "title" in row and value(row["title"]) not in titles:
            titles.append(value(row["title"]))
    refs = tuple(DocumentRef(iri[len(prefix):], iri, tuple(t), f)
                 for iri, (t, f) in sorted(docs.items()))
    with _last_lock:
        _last[:] = [store, registry, refs]
    return registry, refs


def resolve_document(name: str, directory: Path | None = None, *,
                     store: ox.Store | None = None) -> str:
    """The IRI of a source document named by its IRI, id, title (any language, case and
    spacing ignored) or text file name; ``DiplographError('not-found')`` if none matches.

    >>> from .. import sources
    >>> folder = Path(sources.__file__).parent
    >>> resolve_document("vn-mn-relations-2023", folder)
    'https://diplograph.org/id/source/vn-mn-relations-2023'
    >>> resolve_document("foreign relations of  MONGOLIA", folder)
    'https://diplograph.org/id/source/wikipedia-foreign-relations-of-mongolia'
    """
    def norm(text: str) -> str:
        return " ".join(text.casefold().split())

    want = norm(name)
    docs = documents(directory, store=store)
    for d in docs:
        if want in (norm(d.id), norm(d.iri), norm(d.file)):
            return d.iri
    hits = sorted({d.iri for d in docs if any(norm(t) == want for t in d.titles)})
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise DiplographError("bad-input", f"{name!r} is the title of several documents: "
                              + ", ".join(hits) + "; give the document's id")
    raise DiplographError(
        "not-found", f"no source document {name!r} (give its id, title or IRI; known ids: "
        + ", ".join(d.id for d in docs) + ")")


def _term_for(p: Parameter, raw: str, resolve: Callable[[str], str] | None,
              store: ox.Store | None) -> Term:
    def bad(why: str) -> DiplographError:
        return DiplographError("bad-input", f"parameter {p.name!r}: {why}: {raw!r}")

    def iri() -> ox.NamedNode:
        try:
            return ox.NamedNode(raw)
        except ValueError as e:
            raise bad(f"not a valid IRI ({e})") from e

    if p.type == "iri":
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", raw):
            raise bad("not an absolute IRI")
        return iri()
    if p.type in ("entity", "document") and re.match(r"^https?://\S+$", raw):
        return iri()
    if p.type == "entity":
        try:
            found = resolve(raw) if resolve is not None else _from_store(store)[0].resolve(raw).iri
            return ox.NamedNode(found)
        except DiplographError as e:
            try:  # a source document, by id or title, is an entity facts can be about too
                return ox.NamedNode(resolve_document(raw, store=store))
            except DiplographError:
                pass
            raise DiplographError("bad-input", f"parameter {p.name!r}: {e.message}") from e
    if p.type == "document":
        try:
            return ox.NamedNode(resolve_document(raw, store=store))
        except DiplographError as e:
            raise DiplographError("bad-input", f"parameter {p.name!r}: {e.message}") from e
    if p.type == "string":
        return ox.Literal(raw)
    if p.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", raw.strip()):
            raise bad("not an integer")
        return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD("integer")))
    if p.type == "year":
        if not re.fullmatch(r"-?\d{4}", raw.strip()):
            raise bad("not a year (YYYY)")
        return ox.Literal(raw.strip(), datatype=ox.NamedNode(XSD("gYear")))
    if p.type in ("date", "date-end"):
        try:
            d = parse_date(raw)
        except ValueError as e:
            raise bad(str(e)) from e
        # Range parameters compare with the derived xsd:date bounds: a "date" binds the earliest
        # day of what was given ("2019" -> 2019-01-01), a "date-end" the latest (2019-12-31).
        day = d.earliest if p.type == "date" else d.latest
        return ox.Literal(day.isoformat(), datatype=ox.NamedNode(XSD("date")))
    if p.type == "lang":
        if not re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*", raw):
            raise bad("not a language tag")
        return ox.Literal(raw.lower())
    raise bad(f"unknown parameter type {p.type}")  # pragma: no cover - checked at parse time


def bind(
    q: NamedQuery,
    args: Mapping[str, str],
    *,
    resolve: Callable[[str], str] | None = None,
    store: ox.Store | None = None,
) -> dict[str, Term]:
    """Check ``args`` against the parameters of ``q``. Return the substitutions.

    The result maps each variable name to an RDF term. Unknown, missing or malformed
    parameters raise ``DiplographError('bad-input')`` naming the parameter and the reason.
    ``resolve`` turns an entity name into an IRI (default: the registry of ``store``, or
    of the server's store, :func:`use_store`).
    """
    known = {p.name for p in q.parameters}
    extra = sorted(set(args) - known - {"format"})
    if extra:
        raise DiplographError(
            "bad-input",
            f"unknown parameter {extra[0]!r} for query {q.name!r}; it takes: "
            + (", ".join(sorted(known)) or "no parameters"),
        )
    out: dict[str, Term] = {}
    for p in q.parameters:
        raw = args.get(p.name)
        if raw is None or raw == "":
            if p.required:
                raise DiplographError("bad-input", f"parameter {p.name!r} is required ({p.type})")
            if p.default is None:
                continue
            raw = p.default
        out[p.name] = _term_for(p, raw, resolve, store)
    return out


def substitutions(bound: Mapping[str, Term | str]) -> dict[ox.Variable, Term]:
    """:func:`bind`'s terms as pyoxigraph ``substitutions`` (a term given as text, in
    N-Triples syntax, is read).

    >>> subs = substitutions({"x": ox.Literal("a", language="en"), "y": '"b"'})
    >>> subs[ox.Variable("x")] == ox.Literal("a", language="en"), subs[ox.Variable("y")]
    (True, <Literal value=b datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>)
    """
    from .runner import variables

    return variables(bound)
