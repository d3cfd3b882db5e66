"""The one SPARQL query runner: every face (the endpoint, ``diplograph query``, named
queries, entity pages, reconciliation) runs its queries through these functions.

A query is first *checked* (:func:`check`): ``SERVICE wikibase:label`` is rewritten into
local patterns, the text must be within the size, nesting and operator limits
(:mod:`.sparql_safety`), must be a query (not an update), and may not reach another host with
SERVICE or LOAD outside the allow-list. The checked text is then *evaluated*
(:func:`evaluate`) on a store, with its dataset (the union of the named graphs by default;
FROM/FROM NAMED in the text, or a :class:`Dataset` given by the caller, decide otherwise) and
its substitutions bound as RDF terms (never pasted into the text). The result is pyoxigraph's
own: solutions, a boolean or triples, which :func:`to_data` turns into plain Python data and
:func:`serialize` writes in a format within a row and a byte cap.

>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x"),
...                   ox.NamedNode("http://e/g")))
>>> select(store, "SELECT ?o WHERE { ?s ?p ?o }")[0]["o"].value
'x'
>>> ask(store, "ASK { ?s ?p $v }", {"v": ox.Literal("x")})
True
>>> serialize(evaluate(store, check("ASK {}")), ox.QueryResultsFormat.TSV)
(b'true', None)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from .errors import DiplographError
from .label_service import rewrite_label_service
from .namespaces import QUERY_PREFIXES
from .sparql_errors import syntax_error
from .sparql_safety import (
    DEFAULT_LIMITS,
    Limits,
    check_external_access,
    check_limits,
    has_dataset_clause,
    query_form,
)

__all__ = ["Checked", "DataQueries", "Dataset", "Term", "ask", "check", "construct", "describe",
           "evaluate", "parse_term", "raise_if_unsupported", "select", "serialize", "to_data"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Format = ox.QueryResultsFormat | ox.RdfFormat
#: variable (name or :class:`pyoxigraph.Variable`) -> term
Substitutions = Mapping[str, Term] | Mapping[ox.Variable, Term]


@dataclass(frozen=True)
class Checked:
    """A query text that passed :func:`check`: the text that runs, and what it is."""

    text: str  # the label service rewritten
    form: str  # 'select' | 'ask' | 'construct' | 'describe'
    #: the default graph is the union of the named graphs (no FROM / FROM NAMED in the text)
    union: bool
    #: the text may use a predefined prefix it does not declare (:func:`uses_predefined`)
    prefixes: bool = True


@dataclass(frozen=True)
class Dataset:
    """A dataset given with the query (the protocol's default-graph-uri / named-graph-uri):
    it replaces FROM / FROM NAMED; an absent half is empty."""

    default: tuple[ox.NamedNode, ...] = ()
    named: tuple[ox.NamedNode, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


@functools.lru_cache(maxsize=2048)
def _check(sparql: str, limits: Limits, allow: tuple[str, ...], base_iri: str | None,
           union: bool) -> Checked:
    text = rewrite_label_service(sparql)
    check_limits(text, limits)
    try:
        form = query_form(text)
    except DiplographError as e:
        if "update" in e.message:
            raise
        _raise_parser_message(text)
        raise
    check_external_access(text, allow=allow, base_iri=base_iri)
    return Checked(text, form, union and not has_dataset_clause(text), uses_predefined(text))


#: ``name:`` where a prefixed name may start (not inside a word, an IRI scheme or a variable)
_PREFIX_USE = re.compile(r"(?<![\w.\-:<>?$@#%/])([A-Za-z][\w.\-]*)?:")
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.\-]*)?\s*:", re.IGNORECASE)


def uses_predefined(text: str) -> bool:
    """Whether ``text`` may use a predefined prefix (:data:`QUERY_PREFIXES`) without declaring
    it. Handing pyoxigraph the 31 predefined prefixes costs about 12 µs per query (half the
    engine's own time on a light query), so a text that declares every prefix it uses runs
    without them. The test errs on the safe side: anything that looks like ``p:`` for a
    predefined ``p`` (in a string or an IRI too) counts, and :func:`evaluate` runs a text
    again with the prefixes if the parser refuses it without them.

    >>> uses_predefined("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    ...                 "SELECT * { ?s rdfs:label ?l }")
    False
    >>> uses_predefined("SELECT * { ?s rdfs:label ?l }"), uses_predefined("ASK {}")
    (True, False)
    >>> uses_predefined("CONSTRUCT { <http://x/a> ?p ?o } WHERE { <http://x/a> ?p ?o }")
    False
    """
    used = {m or "" for m in _PREFIX_USE.findall(text)}
    if not used & _PREDEFINED:
        return False
    declared = {m or "" for m in _PREFIX_DECL.findall(text)}
    return bool((used - declared) & _PREDEFINED)


_PREDEFINED = frozenset(QUERY_PREFIXES)


def check(sparql: str, *, limits: Limits = DEFAULT_LIMITS, allow_federation: tuple[str, ...] = (),
          base_iri: str | None = None, union: bool = True) -> Checked:
    """``sparql`` checked (see the module docstring), or ``DiplographError`` (``too-large``
    413, ``syntax`` or ``bad-input`` 400). Memoised: a repeated text costs a dictionary look-up.

    >>> check("PREFIX x: <http://x/> ASK FROM <http://g/> {}")
    Checked(text='PREFIX x: <http://x/> ASK FROM <http://g/> {}', form='ask', union=False, \
prefixes=False)
    >>> check("SELECT * { SERVICE <http://127.0.0.1/> {} }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: SERVICE <http://127.0.0.1/> is not allowed: ...
    """
    return _check(sparql, limits, tuple(allow_federation), base_iri, union)


def _raise_parser_message(text: str) -> None:
    """Raise the parser's own message (line and column) for a text that is no query form."""
    try:
        ox.Store().query(text, prefixes=QUERY_PREFIXES)
    except SyntaxError as e:
        raise syntax_error(e, text) from e
    except (OSError, RuntimeError, ValueError):
        pass


def parse_term(text: str) -> Term:
    """One RDF term written in N-Triples syntax (a substitution value read from text).

    >>> parse_term('<https://diplograph.org/id/state/MNG>')
    <NamedNode value=https://diplograph.org/id/state/MNG>
    >>> parse_term('"1961"^^<http://www.w3.org/2001/XMLSchema#gYear>').value
    '1961'
    >>> parse_term('"x" . <a> <b> <c>')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: not one RDF term in N-Triples syntax: ...
    """
    doc = f"<urn:x-s:s> <urn:x-s:p> {text.strip()} .\n"
    try:
        triples = list(ox.parse(doc.encode(), format=ox.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as e:
        raise DiplographError("bad-input", f"not one RDF term in N-Triples syntax: {text!r}",
                              [str(e)]) from e
    if len(triples) != 1:
        raise DiplographError("bad-input", f"not one RDF term in N-Triples syntax: {text!r}")
    return triples[0].object  # type: ignore[no-any-return]


_VARIABLE = re.compile(r"\w+")


def variables(substitutions: Substitutions | Mapping[str, Term | str] | None
              ) -> dict[ox.Variable, Term]:
    """Substitutions keyed by :class:`pyoxigraph.Variable`; a value given as text is read as
    one N-Triples term (a clear 400 when it is not one).

    >>> variables({"s": ox.NamedNode("http://e/a"), "y": '"1961"'})[ox.Variable("y")].value
    '1961'
    """
    out: dict[ox.Variable, Term] = {}
    for k, v in (substitutions or {}).items():
        if not isinstance(k, ox.Variable):
            if not _VARIABLE.fullmatch(k):
                raise DiplographError("bad-input", f"not a variable name: {k!r}")
            k = ox.Variable(k)
        out[k] = parse_term(v) if isinstance(v, str) else v
    return out


def evaluate(store: ox.Store, query: Checked, *, dataset: Dataset | None = None,
             substitutions: Mapping[ox.Variable, Term] | None = None,
             base_iri: str | None = None) -> Result:
    """Run a checked query on ``store``; pyoxigraph's result (lazy: iterating or serialising
    it does the work, so both belong under the same time limit)."""
    kwargs: dict[str, Any] = {"prefixes": QUERY_PREFIXES} if query.prefixes else {}
    if base_iri is not None:
        kwargs["base_iri"] = base_iri
    if dataset:
        kwargs["default_graph"] = list(dataset.default)
        kwargs["named_graphs"] = list(dataset.named)
    elif query.union:
        kwargs["use_default_graph_as_union"] = True
    if substitutions:
        kwargs["substitutions"] = substitutions
    try:
        try:
            return store.query(query.text, **kwargs)
        except SyntaxError:
            if query.prefixes:
                raise
        # :func:`uses_predefined` missed a use: the text runs as it always would have
        return store.query(query.text, prefixes=QUERY_PREFIXES, **kwargs)
    except SyntaxError as e:
        raise syntax_error(e, query.text) from e
    except OSError as e:
        raise DiplographError("storage", f"query failed: {e}") from e
    except (ValueError, TypeError, RuntimeError) as e:
        raise DiplographError("bad-input", str(e)) from e


def to_data(result: Result) -> list[dict[str, Term]] | bool | list[ox.Triple]:
    """A result as data: rows of ``{variable: term}`` (unbound ones left out), a boolean, or
    triples."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return list(result)
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in result]


# ---------------------------------------------------------------- data for the core's callers


def expect_form(q: Checked, want: tuple[str, ...]) -> Checked:
    """``q`` if its form is one of ``want``, else a 'bad-input' error naming both.

    >>> expect_form(check("ASK {}"), ("select",))
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: not a SELECT query: a ASK
    """
    if q.form not in want:
        raise DiplographError("bad-input", f"not a {' or '.join(w.upper() for w in want)} "
                                           f"query: a {q.form.upper()}")
    return q


def _run(store: ox.Store, sparql: str, want: tuple[str, ...],
         substitutions: Substitutions | None, **check_kw: Any) -> Any:
    q = expect_form(check(sparql, **check_kw), want)
    return to_data(evaluate(store, q, substitutions=variables(substitutions)))


def select(store: ox.Store, sparql: str, substitutions: Substitutions | None = None,
           **check_kw: Any) -> list[dict[str, Term]]:
    """Run a SELECT; rows as dicts of variable name -> term (unbound ones left out)."""
    return _run(store, sparql, ("select",), substitutions, **check_kw)  # type: ignore[no-any-return]


def ask(store: ox.Store, sparql: str, substitutions: Substitutions | None = None,
        **check_kw: Any) -> bool:
    """Run an ASK."""
    return _run(store, sparql, ("ask",), substitutions, **check_kw)  # type: ignore[no-any-return]


def construct(store: ox.Store, sparql: str, substitutions: Substitutions | None = None,
              **check_kw: Any) -> list[ox.Triple]:
    """Run a CONSTRUCT (or DESCRIBE); the triples."""
    return _run(store, sparql, ("construct", "describe"), substitutions,  # type: ignore[no-any-return]
                **check_kw)


describe = construct


# ---------------------------------------------------------------- serialisation


class _Sink:
    """A write-only buffer that refuses to grow past ``limit`` bytes.

    pyoxigraph needs only ``write`` (it buffers, and writes a small result in one call); a
    plain class, not an ``io.RawIOBase``, whose set-up and finaliser cost more than the
    write itself on a light query."""

    __slots__ = ("chunks", "limit", "size")

    def __init__(self, limit: int) -> None:
        self.chunks: list[bytes] = []
        self.limit = limit
        self.size = 0

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        pass

    def write(self, b: Any) -> int:
        n = len(b)
        self.size += n
        if self.size > self.limit:
            raise _TooLarge
        self.chunks.append(bytes(b))
        return n


class _TooLarge(Exception):
    pass


_ROW_START_JSON = re.compile(rb'\},\{"[^},]')
_JSON = ox.QueryResultsFormat.JSON
_XML = ox.QueryResultsFormat.XML
_CSV = ox.QueryResultsFormat.CSV
_TSV = ox.QueryResultsFormat.TSV


def count_rows(body: bytes, fmt: ox.QueryResultsFormat) -> int:
    """Count the solutions in a serialised SELECT result, without parsing it row by row.

    JSON: escapes are removed, then strings; a row boundary is ``},{"name``. CSV: quoted
    fields are removed, then lines counted. TSV: lines. XML: ``<result>`` elements.

    >>> count_rows(b'{"head":{"vars":["x"]},"results":{"bindings":[]}}', _JSON)
    0
    >>> count_rows(b'x\\r\\n"a\\r\\nb"\\r\\nc\\r\\n', _CSV)
    2
    """
    if fmt == _XML:
        return body.count(b"<result>")
    if fmt == _TSV:
        return max(body.count(b"\n") - 1, 0)
    if fmt == _CSV:
        return max(b"".join(body.split(b'"')[::2]).count(b"\n") - 1, 0)
    if b'"bindings":[]' in body:
        return 0
    plain = body.replace(b"\\\\", b"").replace(b'\\"', b"")  # no quote left inside strings
    if b"[{" not in b"".join(plain.split(b'"')[::2]):
        return 0
    return len(_ROW_START_JSON.findall(plain)) + 1


def _too_large(max_bytes: int) -> DiplographError:
    return DiplographError(
        "result-too-large", f"the result is larger than {max_bytes} bytes (the size cap): "
        "add LIMIT or narrow the query")


def serialize(result: Result, fmt: Format, *, max_bytes: int = 2**62,
              max_rows: int = 2**62) -> tuple[bytes, int | None]:
    """Write ``result`` as ``fmt`` into memory, refusing to pass ``max_bytes`` (and, for
    solutions, ``max_rows``): the body and the number of solutions (None for other forms).

    Raises ``DiplographError``: ``result-too-large`` (422) past a cap, ``not-acceptable``
    (406) when ``fmt`` cannot express the result (a boolean as CSV is fine; a graph as
    SPARQL results is not)."""
    if isinstance(result, ox.QueryTriples) != isinstance(fmt, ox.RdfFormat):
        kind = "graph" if isinstance(result, ox.QueryTriples) else "solutions or boolean"
        raise DiplographError("not-acceptable", f"a {kind} result cannot be written as "
                                                f"{fmt.name}")
    if isinstance(result, ox.QueryBoolean):  # a few bytes: no sink needed
        assert isinstance(fmt, ox.QueryResultsFormat)  # checked above
        return result.serialize(format=fmt) or b"", None
    sink = _Sink(max_bytes)
    try:
        result.serialize(sink, format=fmt)  # type: ignore[arg-type]
    except _TooLarge:
        raise _too_large(max_bytes) from None
    except OSError as e:
        if isinstance(e.__context__, _TooLarge) or "TooLarge" in repr(e):
            raise _too_large(max_bytes) from None
        raise_if_unsupported(e, fmt.media_type)
        raise DiplographError("internal", f"query evaluation failed: {e}") from e
    body = sink.chunks[0] if len(sink.chunks) == 1 else b"".join(sink.chunks)
    if not isinstance(result, ox.QuerySolutions):
        return body, None
    rows = count_rows(body, fmt)  # type: ignore[arg-type]
    if rows > max_rows:
        raise DiplographError(
            "result-too-large", f"the result has {rows} rows, more than the cap of "
            f"{max_rows}: add LIMIT (and page with OFFSET)")
    return body, rows


def raise_if_unsupported(e: OSError, media_type: str) -> None:
    """Raise 'not-acceptable' (406) if ``e`` says the format cannot express the data (JSON-LD
    and RDF 1.2 triple terms, in pyoxigraph 0.5)."""
    text = str(e)
    if "does not support" in text or "RDF 1.2" in text:
        raise DiplographError(
            "not-acceptable",
            f"this result cannot be written as {media_type} ({text}): it holds triple "
            "terms (RDF 1.2, << >>); ask for Turtle, TriG, N-Triples or N-Quads",
        ) from None


class DataQueries:
    """``select``/``ask``/``construct``/``describe`` returning terms, for a query service that
    implements ``_data(sparql, forms, substitutions, dataset)`` (the embedded store's and a
    remote engine's: the pages and named queries call these, whichever they have), and the
    checks both make with the service's :attr:`limits`, allow-list and default graph."""

    limits: Limits
    allow_federation: tuple[str, ...]
    union_default_graph: bool

    def check(self, sparql: str, base_iri: str | None = None) -> Checked:
        """``sparql`` checked by the runner with this service's limits and allow-list."""
        return check(sparql, limits=self.limits, allow_federation=self.allow_federation,
                     base_iri=base_iri, union=self.union_default_graph)

    def check_query(self, sparql: str) -> str:
        """The form of ``sparql`` ('select', 'ask', …) once its size (413), nesting and
        operators (400) are within :attr:`limits`."""
        check_limits(sparql, self.limits)
        return self.check(sparql).form

    def _data(self, sparql: str, want: tuple[str, ...],
              substitutions: Mapping[str, Term | str] | None, dataset: Dataset | None) -> Any:
        raise NotImplementedError

    def select(self, sparql: str, substitutions: Mapping[str, Term | str] | None = None, *,
               dataset: Dataset | None = None) -> list[dict[str, Term]]:
        """Run a SELECT; rows of ``{variable: term}`` (unbound ones left out)."""
        return self._data(sparql, ("select",), substitutions, dataset)  # type: ignore[no-any-return]

    def ask(self, sparql: str, substitutions: Mapping[str, Term | str] | None = None, *,
            dataset: Dataset | None = None) -> bool:
        """Run an ASK."""
        return self._data(sparql, ("ask",), substitutions, dataset)  # type: ignore[no-any-return]

    def construct(self, sparql: str, substitutions: Mapping[str, Term | str] | None = None,
                  *, dataset: Dataset | None = None) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE; the triples."""
        return self._data(sparql, ("construct", "describe"),  # type: ignore[no-any-return]
                          substitutions, dataset)

    describe = construct
