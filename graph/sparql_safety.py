"""A small SPARQL tokenizer for the checks the engine cannot do for us.

pyoxigraph has no query-parsing API, and it fetches ``SERVICE <url>`` and ``LOAD <url>`` over
HTTP with no switch to turn that off. The endpoint therefore inspects the text itself: this
tokenizer skips comments, string literals (all four quote styles) and IRIs, so a keyword only
counts where the SPARQL grammar would see it.

>>> query_form('PREFIX ex: <http://e/> # SELECT in a comment\\n ASK { ?s ex:p "SELECT" }')
'ask'
>>> external_targets('SELECT * { SERVICE <http://other/sparql> { ?s ?p ?o } }')
['http://other/sparql']
>>> external_targets('SELECT * { ?s ?p "SERVICE <http://x/>" }  # service <http://y/>')
[]
>>> check_external_access('select * { service silent <http://x/> {} }', allow=())
Traceback (most recent call last):
...
diplograph.graph.errors.DiplographError: SERVICE/LOAD of <http://x/> is not allowed on this endpoint
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from .errors import DiplographError

__all__ = [
    "Token",
    "tokenize",
    "query_form",
    "external_targets",
    "check_external_access",
    "is_allowed",
    "update_dataset_keywords",
    "has_dataset_clause",
    "is_deterministic",
    "keywords",
]

#: A token: ``kind`` is 'iri', 'string', 'var', 'name' (keyword or prefixed name), 'punct'.
@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    pos: int

    @property
    def upper(self) -> str:
        return self.text.upper()


_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'",
    re.DOTALL,
)
_VAR = re.compile(r"[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]*")
# keywords, prefixed names (ex:name, :name, ex:), blank node labels (_:b), numbers
_NAME = re.compile(r"(?:[^\W\d]|_)[\w\-.]*(?::[\w\-.:%\\]*)?|:[\w\-.:%\\]*|\d[\w.+\-]*")
_WS = re.compile(r"\s+")
_COMMENT = re.compile(r"#[^\n\r]*")


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of ``text`` (comments and white space skipped), memoised: the query form and
    :func:`keywords` are computed from them, and an update is checked more than once.

    Unknown characters come out as one-character 'punct' tokens, so the tokenizer never fails:
    syntax errors are the engine's job.

    >>> [t.kind for t in tokenize('SELECT ?x { <a> ?p "b#c" } # x')]
    ['name', 'var', 'punct', 'iri', 'var', 'string', 'punct']
    """
    return _cached_tokens(text) if len(text) <= _MEMO_MAX else tuple(_tokens(text))


#: texts up to this length are memoised (longer ones are rare and would crowd the caches)
_MEMO_MAX = 20_000


@functools.lru_cache(maxsize=512)
def _cached_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_tokens(text))


def keywords(text: str) -> frozenset[str]:
    """The upper-cased 'name' tokens of ``text`` (keywords, prefixed names), memoised.

    The hot path asks only "does this text use SERVICE, LOAD, FROM or NOW?"; a set answers
    that without walking the tokens again. SPARQL keywords cannot be escaped (pyoxigraph
    reads ``\\u0053ERVICE`` as a syntax error), so a keyword absent from this set is absent
    from the query.

    >>> sorted(keywords('select * { ?s <http://e/LOAD> "SERVICE" } # FROM'))
    ['SELECT']
    """
    return _cached_keywords(text) if len(text) <= _MEMO_MAX else _keywords(text)


def _keywords(text: str) -> frozenset[str]:
    return frozenset(t.upper for t in tokenize(text) if t.kind == "name")


_cached_keywords = functools.lru_cache(maxsize=4096)(_keywords)


def _tokens(text: str) -> Iterator[Token]:
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            continue
        if c == "#":
            i = _COMMENT.match(text, i).end()  # type: ignore[union-attr]
            continue
        if c == "<":
            m = _IRI.match(text, i)
            if m:
                yield Token("iri", m.group()[1:-1], i)
                i = m.end()
                continue
        if c in "\"'":
            m = _STRING.match(text, i)
            if m:
                yield Token("string", m.group(), i)
                i = m.end()
                continue
            # An unterminated string: the rest is a string to us, a syntax error to the engine.
            yield Token("string", text[i:], i)
            return
        if c in "?$":
            m = _VAR.match(text, i)
            yield Token("var", m.group(), i)  # type: ignore[union-attr]
            i = m.end()  # type: ignore[union-attr]
            continue
        m = _NAME.match(text, i)
        if m and m.end() > i:
            word = m.group()
            # A trailing '.' ends a triple, it is not part of the name.
            stripped = word.rstrip(".")
            if stripped and stripped != word and not stripped[0].isdigit():
                word = stripped
            yield Token("name", word, i)
            i += len(word)
            continue
        yield Token("punct", c, i)
        i += 1


_FORMS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "construct", "DESCRIBE": "describe"}
_UPDATE_WORDS = {
    "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH",
}


def query_form(sparql: str) -> str:
    """The form of a query: 'select', 'ask', 'construct' or 'describe'.

    The prologue (BASE, PREFIX), comments, strings and IRIs are skipped.

    >>> query_form('BASE <http://x/> PREFIX construct: <http://c/> select * {}')
    'select'
    >>> query_form('INSERT DATA {}')
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: this is an update, not a query: send it to /update
    """
    return _cached_form(sparql) if len(sparql) <= _MEMO_MAX else _form(sparql)


def _form(sparql: str) -> str:
    for tok in tokenize(sparql):
        if tok.kind != "name":
            continue
        word = tok.upper
        if word in ("BASE", "PREFIX"):
            continue
        if word in _FORMS:
            return _FORMS[word]
        if word in _UPDATE_WORDS:
            raise DiplographError("syntax", "this is an update, not a query: send it to /update")
        if word.endswith(":"):  # the prefix name of a PREFIX declaration
            continue
        break
    raise DiplographError(
        "syntax", "not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE"
    )


_cached_form = functools.lru_cache(maxsize=4096)(_form)  # errors are raised, never cached


def _resolve(tok: Token, prefixes: dict[str, str], base: str | None) -> str | None:
    if tok.kind == "iri":
        return urljoin(base, tok.text) if base else tok.text
    if tok.kind == "name" and ":" in tok.text:
        pfx, _, local = tok.text.partition(":")
        if pfx in prefixes:
            return prefixes[pfx] + local.replace("\\", "")
    return None


_EXTERNAL = frozenset({"SERVICE", "LOAD"})


def external_targets(sparql: str, base_iri: str | None = None) -> list[str | None]:
    """The IRIs that ``SERVICE`` and ``LOAD`` in ``sparql`` would fetch.

    ``None`` stands for a target that cannot be known before running (``SERVICE ?var``) or
    cannot be resolved. Prefixed names are resolved with the text's PREFIX declarations and
    relative IRIs with its BASE (or ``base_iri``).

    >>> external_targets('PREFIX e: <http://e/> SELECT * { SERVICE e:q {} SERVICE ?s {} }')
    ['http://e/q', None]
    >>> external_targets('LOAD SILENT <http://d/x.ttl> INTO GRAPH <http://g/>')
    ['http://d/x.ttl']
    """
    if not _EXTERNAL & keywords(sparql):
        return []
    prefixes: dict[str, str] = {}
    base = base_iri
    toks = list(tokenize(sparql))
    out: list[str | None] = []
    for i, tok in enumerate(toks):
        if tok.kind != "name":
            continue
        word = tok.upper
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            name = toks[i + 1].text
            if name.endswith(":"):
                iri = toks[i + 2].text
                prefixes[name[:-1]] = urljoin(base, iri) if base else iri
        elif word == "BASE" and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            iri = toks[i + 1].text
            base = urljoin(base, iri) if base else iri
        elif word in ("SERVICE", "LOAD"):
            j = i + 1
            if j < len(toks) and toks[j].kind == "name" and toks[j].upper == "SILENT":
                j += 1
            out.append(_resolve(toks[j], prefixes, base) if j < len(toks) else None)
    return out


def is_allowed(iri: str, allow: Sequence[str]) -> bool:
    """Whether ``iri`` is on the allow-list.

    An entry matches the same IRI, or any IRI under it when the entry ends with ``/``.

    >>> is_allowed('https://query.wikidata.org/sparql', ['https://query.wikidata.org/sparql'])
    True
    >>> is_allowed('https://query.wikidata.org/sparql?x', ['https://query.wikidata.org/sparql'])
    False
    >>> is_allowed('http://a/b/c', ['http://a/'])
    True
    """
    return any(iri == a or (a.endswith("/") and iri.startswith(a)) for a in allow)


def check_external_access(
    sparql: str, *, allow: Sequence[str] = (), base_iri: str | None = None
) -> None:
    """Raise ``DiplographError('bad-input')`` (400) if ``sparql`` would fetch a non-allowed IRI."""
    for target in external_targets(sparql, base_iri):
        if target is None:
            raise DiplographError(
                "bad-input",
                "SERVICE/LOAD with a variable or unresolvable target is not allowed here",
            )
        if not is_allowed(target, allow):
            raise DiplographError(
                "bad-input", f"SERVICE/LOAD of <{target}> is not allowed on this endpoint"
            )


def has_dataset_clause(sparql: str) -> bool:
    """Whether a query names its dataset with ``FROM`` / ``FROM NAMED``.

    >>> has_dataset_clause('SELECT * FROM <http://g/> { ?s ?p "FROM" }')
    True
    >>> has_dataset_clause('SELECT * { ?s <http://e/from> ?o } # FROM <x>')
    False
    """
    return "FROM" in keywords(sparql)


def update_dataset_keywords(sparql: str) -> list[str]:
    """The dataset keywords (``USING``, ``USING NAMED``, ``WITH``) in an update text.

    >>> update_dataset_keywords('WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }')
    ['WITH']
    >>> update_dataset_keywords('INSERT DATA { <http://a/> <http://b/> "using with" }')
    []
    """
    return [t.upper for t in tokenize(sparql) if t.kind == "name" and t.upper in ("USING", "WITH")]


#: Functions whose value changes from one evaluation to the next: a query that calls one
#: must not be answered from a cache.
NON_DETERMINISTIC = frozenset({"NOW", "RAND", "UUID", "STRUUID", "BNODE"})


def is_deterministic(sparql: str) -> bool:
    """False if ``sparql`` calls NOW(), RAND(), UUID(), STRUUID() or BNODE().

    Names inside strings, IRIs and comments do not count.

    >>> is_deterministic("SELECT * WHERE { ?s ?p ?o }")
    True
    >>> is_deterministic("SELECT (NOW() AS ?t) WHERE {}")
    False
    >>> is_deterministic('SELECT ("RAND()" AS ?x) {}')
    True
    """
    if not NON_DETERMINISTIC & keywords(sparql):
        return True
    toks = list(tokenize(sparql))
    return not any(
        t.kind == "name" and t.upper in NON_DETERMINISTIC and i + 1 < len(toks)
        and toks[i + 1].text == "("
        for i, t in enumerate(toks)
    )
