"""A SPARQL lexer for the checks the engine cannot do for us.

pyoxigraph has no query-parsing API, and it fetches ``SERVICE <url>`` and ``LOAD <url>`` over
HTTP with no switch to turn that off. The endpoint therefore inspects the text itself, in
**one pass** (:func:`analyze`, memoised): the query form, the keywords, the SERVICE/LOAD
targets and the nesting depth all come from the same tokens.

The lexer follows the terminals of the SPARQL 1.1 grammar (W3C, section 19.8) as pyoxigraph
reads them: white space is only space, tab, CR and LF; a comment runs from ``#`` to the end
of the line, but not inside an IRI, a string or a prefixed name, where ``\\#`` is an escape
(PLX); strings know ``\\t \\b \\n \\r \\f \\" \\' \\\\`` and ``\\uXXXX``/``\\UXXXXXXXX``
(pyoxigraph reads ``"\\u0022"`` as a quote *inside* the string); IRIs may hold ``\\u``
escapes (decoded before they are resolved); a keyword cannot be escaped. One reading of the
engine is not that of a longest-match lexer, and the SERVICE/LOAD check follows the engine:
its keywords need no word boundary, so ``SERVICE:x``, ``SERVICEex:x``, ``SERVICE SILENTex:x``,
``1SERVICE`` and ``trueSERVICE`` all reach ``x``.

This check is not the guarantee: the processes that evaluate queries for the server cannot
open network sockets at all (:mod:`.egress`). It gives the clear 400 that names the target,
and it is the only guard when the operator allow-lists federation targets.

>>> query_form('PREFIX ex: <http://e/> # SELECT in a comment\\n ASK { ?s ex:p "SELECT" }')
'ask'
>>> external_targets('SELECT * { SERVICE <http://other/sparql> { ?s ?p ?o } }')
['http://other/sparql']
>>> external_targets('SELECT * { ?s ?p "SERVICE <http://x/>" }  # service <http://y/>')
[]
>>> external_targets('PREFIX : <http://x/> SELECT * { SERVICE:y { ?s ?p ?o } }')
['http://x/y']
>>> check_external_access('select * { service silent <http://x/> {} }')  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
diplograph.graph.errors.DiplographError: SERVICE <http://x/> is not allowed: this endpoint ...
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urljoin

from .errors import DiplographError
from .namespaces import QUERY_PREFIXES

__all__ = [
    "Token",
    "Limits",
    "Analysis",
    "analyze",
    "check_limits",
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


#: A token: ``kind`` is 'iri', 'string', 'var', 'lang', 'name' (one run of name characters:
#: a keyword, prefixed name, blank node label or number), 'punct', or 'error' (a character
#: that starts no SPARQL terminal: the engine will refuse the text).
class Token(NamedTuple):
    kind: str
    text: str
    pos: int

    @property
    def upper(self) -> str:
        return self.text.upper()


_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ECHAR = r"\\[tbnrf\"'\\]"
_STR_ESC = _ECHAR + "|" + _UCHAR
_STRING = (
    r'"""(?:(?:"|"")?(?:[^"\\]|' + _STR_ESC + r'))*"""'
    r"|'''(?:(?:'|'')?(?:[^'\\]|" + _STR_ESC + r"))*'''"
    r'|"(?:[^"\\\n\r]|' + _STR_ESC + r')*"'
    r"|'(?:[^'\\\n\r]|" + _STR_ESC + r")*'"
)
_LEX = re.compile(
    r"[ \t\r\n]*(?:"  # white space goes with the token after it: one match per token
    r"(?P<comment>#[^\r\n]*)"
    r"|(?P<iri><(?:[^<>\"{}|^`\\\x00-\x20]|" + _UCHAR + r")*>)"
    r"|(?P<string>" + _STRING + r")"
    r"|(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)"
    r"|(?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)"
    r"|(?P<name>(?:[\w:%\-.\u00b7\u0300-\u036f\u203f-\u2040]|\\[_~.\-!$&'()*+,;=/?#@%])+)"
    r"|(?P<punct>\^\^|\|\||&&|!=|<=|>=|[{}()\[\];,=<>!+\-*/|^?$@&])"
    r"|(?P<error>.))",
    re.DOTALL,
)


def _tokens(text: str) -> Iterator[Token]:
    new = tuple.__new__
    for m in _LEX.finditer(text):
        kind = m.lastgroup
        if kind is None or kind == "comment":  # every alternative of the lexer is a group
            continue
        i = m.start(kind)
        if kind == "name":
            word = m.group(kind)
            if word[0] == ".":  # '.' ends a triple; no name starts with it
                yield new(Token, ("punct", ".", i))
                yield from (Token(t.kind, t.text, t.pos + i + 1) for t in _tokens(word[1:]))
                continue
            stripped = word.rstrip(".")
            if stripped != word and not stripped.endswith("\\"):  # 'ex:a.' = 'ex:a' '.'
                yield new(Token, ("name", stripped, i))
                for k in range(len(stripped), len(word)):
                    yield new(Token, ("punct", ".", i + k))
                continue
            yield new(Token, ("name", word, i))
        elif kind == "iri":
            yield new(Token, ("iri", m.group(kind)[1:-1], i))
        else:
            # 'error': no terminal starts here (an unterminated string, a bad escape, a
            # stray character); the lexer goes on after it
            yield new(Token, (kind, m.group(kind), i))


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of ``text`` (comments and white space skipped), memoised with the rest of
    :func:`analyze`.

    A character that starts no SPARQL terminal comes out as an 'error' token, so the lexer
    never fails: syntax errors are the engine's job.

    >>> [t.kind for t in tokenize('SELECT ?x { <a> ?p "b#c" } # x')]
    ['name', 'var', 'punct', 'iri', 'var', 'string', 'punct']
    >>> [t.text for t in tokenize('PREFIX : <x:> ASK { ?a :b%23c.d ?e. }')][-4:]
    [':b%23c.d', '?e', '.', '}']
    """
    a = analyze(text)
    return a.tokens if a.complete else tuple(_tokens(text))


def keywords(text: str) -> frozenset[str]:
    """The upper-cased 'name' tokens of ``text`` (keywords, prefixed names), memoised; for a
    text over 20,000 characters, only those the checks ask about (see :func:`analyze`).

    >>> sorted(keywords('select * { ?s <http://e/LOAD> "SERVICE" } # FROM'))
    ['SELECT']
    """
    return analyze(text).keywords


# ---------------------------------------------------------------- limits


@dataclass(frozen=True)
class Limits:
    """Bounds on a query or update text, checked before the engine sees it.

    The engine (pyoxigraph 0.5) parses and evaluates recursively: about 2,100 nested groups
    ``{{{…}}}``, 2,400 nested subqueries, 4,500 nested parentheses, 2,500 chained ``MINUS``
    or 6,000-9,000 chained ``UNION``, ``OPTIONAL``, ``||``, ``+``, ``!``, ``FILTER`` overflow
    its stack and kill the process (measured in a query thread with the default 8 MiB stack,
    docs/endpoint.md). The defaults stay well under that and well over real queries.
    """

    #: characters in the text (413 beyond)
    max_length: int = 1_048_576
    #: nesting of ``{`` ``(`` ``[`` (400 beyond)
    max_depth: int = 200
    #: operators that build the engine's expression and algebra trees (400 beyond)
    max_operators: int = 1_000


#: The defaults: 1 MiB of text, 200 levels, 1,000 operators.
DEFAULT_LIMITS = Limits()
#: SPARQL Update texts (INSERT DATA of a file's worth of triples) may be larger.
DEFAULT_UPDATE_LIMITS = Limits(max_length=16 * 1_048_576)

#: tokens that add a node to the engine's trees (binary and unary operators, algebra joins)
_OPERATOR_PUNCT = frozenset({"||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/",
                             "|", "^", "!"})
_OPERATOR_WORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "SERVICE",
                             "GRAPH", "IN", "EXISTS"})

# ---------------------------------------------------------------- the analysis

_FORMS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "construct", "DESCRIBE": "describe"}
_UPDATE_WORDS = frozenset({
    "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH",
})
#: SERVICE or LOAD inside one run of name characters, as the engine finds it
_EXTERNAL_IN_RUN = re.compile(r"service|load", re.IGNORECASE)
#: what may come before it in the same run and still end a token of the engine's
#: (a number, true/false, SILENT, the verb 'a', UNDEF)
_ENDS_A_TOKEN = re.compile(r"[0-9.eE+\-]*|true|false|silent|a|undef", re.IGNORECASE)
_SILENT = re.compile(r"silent", re.IGNORECASE)
_PN_PREFIX = re.compile(r"(?:[^\W\d_](?:[\w\-.\u00b7\u0300-\u036f\u203f-\u2040]*[\w\-\u00b7"
                        r"\u0300-\u036f\u203f-\u2040])?)?")
_PLX_ESCAPE = re.compile(r"\\(.)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_UCHAR_ESCAPE = re.compile(_UCHAR)


@dataclass(frozen=True)
class Target:
    """One SERVICE or LOAD found in a text: the keyword, the IRI it would fetch (``None``
    when unknown before running, ``SERVICE ?var``, or not resolvable), its spelling and
    position."""

    keyword: str
    iri: str | None
    spelling: str
    pos: int
    #: a relative IRI and no BASE before it: the request's base decides
    relative: bool = False


@dataclass(frozen=True)
class Analysis:
    """Everything the checks need from one text, from one pass of the lexer."""

    tokens: tuple[Token, ...]
    keywords: frozenset[str]
    #: 'select' | 'ask' | 'construct' | 'describe' | 'update' | None (neither)
    form: str | None
    #: SERVICE/LOAD occurrences (see :class:`Target`); resolved against the text's own
    #: PREFIX and BASE declarations, QUERY_PREFIXES and no request base
    targets: tuple[Target, ...]
    #: the deepest nesting of ``{`` ``(`` ``[``, and where it is reached
    depth: int
    depth_pos: int
    #: operator tokens (see :class:`Limits`)
    operators: int
    #: position of the first character no terminal starts with, or None
    error_pos: int | None
    #: whether ``tokens`` holds every token (long texts: empty, made again on demand)
    complete: bool = True


def analyze(text: str) -> Analysis:
    """The :class:`Analysis` of ``text``, memoised (the server asks for the form, the
    targets, the depth and the cache keys of each request).

    Texts up to 20,000 characters are lexed token by token and kept in an LRU cache. Longer
    ones (a query with a long VALUES list) take a faster path: strings, IRIs and comments are
    blanked out by one regular-expression pass, and depth, operators and keywords are counted
    on what is left; the tokens are made only when SERVICE or LOAD is in the code, and the
    keywords are only those the checks ask about (FROM, USING, WITH, SERVICE, LOAD, NOW,
    RAND, UUID, STRUUID, BNODE). The last long text of each thread is kept, so one request
    analyses it once.

    >>> a = analyze('PREFIX e: <http://e/> SELECT * { { ?s e:p ?o FILTER(?o > 1) } }')
    >>> a.form, a.depth, a.operators, [t.iri for t in a.targets]
    ('select', 3, 3, [])
    >>> b = analyze('SELECT * { VALUES ?x { ' + '"a}" ' * 5000 + '} FILTER(?x > 1) }')
    >>> b.form, b.depth, b.operators, b.complete
    ('select', 2, 3, False)
    """
    if len(text) <= _MEMO_MAX:
        return _cached_analysis(text)
    slot = getattr(_last_long, "slot", None)
    if slot is not None and (slot[0] is text or slot[0] == text):
        return slot[1]  # type: ignore[no-any-return]
    a = _analyze_long(text)
    _last_long.slot = (text, a)
    return a


#: texts up to this length are memoised (longer ones are rare and would crowd the caches)
_MEMO_MAX = 20_000
_last_long = threading.local()


def _analyze(text: str) -> Analysis:
    toks = tuple(_tokens(text))
    depth = max_depth = depth_pos = operators = 0
    error_pos: int | None = None
    names: set[str] = set()
    for t in toks:
        kind = t.kind
        if kind == "punct":
            c = t.text
            if c in "{([":
                depth += 1
                if depth > max_depth:
                    max_depth, depth_pos = depth, t.pos
            elif c in "})]":
                depth -= 1
            elif c in _OPERATOR_PUNCT:
                operators += 1
        elif kind == "name":
            up = t.text.upper()
            names.add(up)
            if up in _OPERATOR_WORDS:
                operators += 1
        elif kind == "error" and error_pos is None:
            error_pos = t.pos
    lowered = text.lower()
    targets: tuple[Target, ...] = ()
    if "service" in lowered or "load" in lowered:
        targets = tuple(_find_targets(toks))
    return Analysis(toks, frozenset(names), _form(toks), targets, max_depth, depth_pos,
                    operators, error_pos)


_cached_analysis = functools.lru_cache(maxsize=4096)(_analyze)

_CODE_ONLY = re.compile(
    r"(?P<comment>#[^\r\n]*)"
    r"|(?P<iri><(?:[^<>\"{}|^`\\\x00-\x20]|" + _UCHAR + r")*>)"
    r"|(?P<string>" + _STRING + r")"
    r"|(?P<plx>\\[_~.\-!$&'()*+,;=/?#@%])",
    re.DOTALL,
)
_BLANKS = {"comment": " ", "iri": " \x01 ", "string": " \x02 ", "plx": "_"}
_BRACKET = re.compile(r"[{}()\[\]]")
_OPERATOR_RE = re.compile(r"\|\||&&|!=|<=|>=|[=<>*/|^!]|(?<![\w.%:\-])[+\-]")
_OPERATOR_WORD_RE = re.compile(
    r"(?<![\w:%\-.])(?:" + "|".join(sorted(_OPERATOR_WORDS)).lower() + r")(?![\w:%\-.])")
#: the keywords the checks ask about (long texts record only these)
_CHECKED_WORDS = ("FROM", "USING", "WITH", "SERVICE", "LOAD", "NOW", "RAND", "UUID", "STRUUID",
                  "BNODE")
_CHECKED_WORD_RE = re.compile(
    r"(?<![\w:%\-.?$])(?:" + "|".join(_CHECKED_WORDS).lower() + r")(?![\w:%\-.])")


def _analyze_long(text: str) -> Analysis:
    """:func:`_analyze` for long texts, at the speed of the regular-expression engine.

    Strings, IRIs, comments and escapes are blanked out in one pass that reads them exactly
    as :func:`_tokens` does (the leftmost match wins in both), so what is left is the code.
    """
    code = _CODE_ONLY.sub(lambda m: _BLANKS[m.lastgroup], text)  # type: ignore[index]
    low = code.lower()
    depth = max_depth = 0
    for c in _BRACKET.findall(code):
        if c in "{([":
            depth += 1
            if depth > max_depth:
                max_depth = depth
        else:
            depth -= 1
    operators = len(_OPERATOR_RE.findall(code)) + len(_OPERATOR_WORD_RE.findall(low))
    kw = frozenset(w.upper() for w in set(_CHECKED_WORD_RE.findall(low)))
    # a quote that no string took, or a backslash outside an escape: the lexer's 'error'
    stray = [i for i in (code.find('"'), code.find("'"), code.find("\\")) if i >= 0]
    error_pos = min(stray) if stray else None
    form = _form(_tokens(text))  # stops after the prologue
    targets: tuple[Target, ...] = ()
    if "service" in low or "load" in low:
        toks = tuple(_tokens(text))
        targets = tuple(_find_targets(toks))
        error_pos = next((t.pos for t in toks if t.kind == "error"), None)
    return Analysis((), kw, form, targets, max_depth, 0, operators, error_pos, complete=False)


def _form(toks: Iterable[Token]) -> str | None:
    for tok in toks:
        if tok.kind != "name":
            if tok.kind == "iri":  # BASE <x> / PREFIX p: <x>
                continue
            return None
        word = tok.upper
        if word in ("BASE", "PREFIX"):
            continue
        if word in _FORMS:
            return _FORMS[word]
        if word in _UPDATE_WORDS:
            return "update"
        if word.endswith(":") or word.startswith("PREFIX"):  # a declared prefix name
            continue
        return None
    return None


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
    form = analyze(sparql).form
    if form == "update":
        raise DiplographError("syntax", "this is an update, not a query: send it to /update")
    if form is None:
        raise DiplographError(
            "syntax", "not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form


# ---------------------------------------------------------------- SERVICE and LOAD


def _unescape_iri(iri: str) -> str:
    if "\\" not in iri:
        return iri
    return _UCHAR_ESCAPE.sub(lambda m: chr(int(m.group()[2:], 16)), iri)


def _find_targets(toks: Sequence[Token]) -> Iterator[Target]:
    """Every SERVICE/LOAD the engine could read in ``toks``, with its target.

    A candidate counts only where the engine's grammar could take it: SERVICE followed by its
    target and ``{``; LOAD followed by its target and then ``INTO``, ``;`` or the end.

    Prefixes and the base are tracked in text order; a prefix declared twice with different
    IRIs, or a relative IRI after a second BASE, gives an unknown target (refused even when
    federation is allow-listed)."""
    prefixes: dict[str, str | None] = {}
    base: str | None = None
    bases = 0
    n = len(toks)

    def declare(name: str, iri: str) -> None:
        iri = _unescape_iri(iri)
        iri = urljoin(base, iri) if base else iri
        if name in prefixes and prefixes[name] != iri:
            prefixes[name] = None  # ambiguous: unknown from now on
        else:
            prefixes[name] = iri

    def resolve(tok: Token | None, spelled: str | None = None) -> str | None:
        if spelled is None:
            if tok is None or tok.kind not in ("iri", "name"):
                return None
            if tok.kind == "iri":
                iri = _unescape_iri(tok.text)
                if _SCHEME.match(iri):
                    return iri
                return urljoin(base, iri) if base and bases == 1 else None
            spelled = tok.text
        pfx, colon, local = spelled.partition(":")
        if not colon or not _PN_PREFIX.fullmatch(pfx):
            return None
        if pfx in prefixes:
            ns = prefixes[pfx]
        else:
            ns = QUERY_PREFIXES.get(pfx)
        if ns is None:
            return None
        return ns + _PLX_ESCAPE.sub(r"\1", local)

    for i, tok in enumerate(toks):
        if tok.kind != "name":
            continue
        word = tok.upper
        nxt = toks[i + 1] if i + 1 < n else None
        if word.startswith("PREFIX"):
            rest = tok.text[6:]
            if rest == "" and nxt is not None and nxt.kind == "name" and nxt.text.endswith(":"):
                after = toks[i + 2] if i + 2 < n else None
                if after is not None and after.kind == "iri":
                    declare(nxt.text[:-1], after.text)
            elif rest.endswith(":") and nxt is not None and nxt.kind == "iri":
                declare(rest[:-1], nxt.text)  # PREFIX:<x> (the empty prefix), PREFIXex:<x>
            continue
        if word == "BASE" and nxt is not None and nxt.kind == "iri":
            given = _unescape_iri(nxt.text)
            base = urljoin(base, given) if base else given
            bases += 1
            continue
        for m in _EXTERNAL_IN_RUN.finditer(tok.text):
            before = tok.text[:m.start()]
            if ":" in before or not _ENDS_A_TOKEN.fullmatch(before):
                continue  # inside a longer name (ex:service, myservice:x)
            keyword = m.group().upper()
            rest = tok.text[m.end():]
            j = i + 1
            silent = _SILENT.match(rest)
            if silent:
                rest = rest[silent.end():]
            elif rest == "" and j < n and toks[j].kind == "name" and _SILENT.match(toks[j].text):
                rest = toks[j].text[6:]  # SILENT, or SILENTex:x
                j += 1
            relative = False
            if rest:
                spelling, iri, k = rest, resolve(None, rest), j
                target_tok = None
            else:
                target_tok = toks[j] if j < n else None
                spelling = target_tok.text if target_tok is not None else ""
                iri = resolve(target_tok)
                relative = (target_tok is not None and target_tok.kind == "iri"
                            and bases == 0 and not _SCHEME.match(_unescape_iri(spelling)))
                if target_tok is not None and target_tok.kind == "iri":
                    spelling = f"<{spelling}>"
                k = j + 1
            if keyword == "SERVICE":
                # a SERVICE clause is SERVICE [SILENT] target { … }: anything else is not
                # one (the engine refuses it, or reads a name such as service:x)
                after = toks[k] if k < n else None
                if after is None or after.text != "{" or after.kind != "punct":
                    continue
                if target_tok is not None and target_tok.kind not in ("iri", "name", "var"):
                    continue
            else:
                # LOAD [SILENT] iri [INTO GRAPH g] ends the text or comes before ';'
                after = toks[k] if k < n else None
                if after is not None and after.text != ";" and not (
                        after.kind == "name" and after.upper.startswith("INTO")):
                    continue
            yield Target(keyword, iri, spelling, tok.pos, relative)
            break


def external_targets(sparql: str, base_iri: str | None = None) -> list[str | None]:
    """The IRIs that ``SERVICE`` and ``LOAD`` in ``sparql`` would fetch.

    ``None`` stands for a target that cannot be known before running (``SERVICE ?var``) or
    cannot be resolved. Prefixed names are resolved with the text's PREFIX declarations (and
    the predeclared ones), relative IRIs with its BASE (or ``base_iri``).

    >>> external_targets('PREFIX e: <http://e/> SELECT * { SERVICE e:q {} SERVICE ?s {} }')
    ['http://e/q', None]
    >>> external_targets('LOAD SILENT <http://d/x.ttl> INTO GRAPH <http://g/>')
    ['http://d/x.ttl']
    >>> external_targets('PREFIX e: <http://e/> SELECT * { SERVICEe:a\\\\#b {} }')
    ['http://e/a#b']
    """
    return [urljoin(base_iri, _unescape_iri(t.spelling[1:-1])) if t.relative and base_iri
            else t.iri for t in analyze(sparql).targets]


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


def _shown(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def check_external_access(
    sparql: str, *, allow: Sequence[str] = (), base_iri: str | None = None
) -> None:
    """Raise ``DiplographError('bad-input')`` (400) if ``sparql`` would fetch a non-allowed IRI.

    When the text holds SERVICE or LOAD and a character the lexer cannot read, it is refused
    as well: the check cannot be sure what the engine would make of it.
    """
    a = analyze(sparql)
    if not a.targets:
        return
    if a.error_pos is not None:
        raise DiplographError(
            "bad-input",
            f"the text uses SERVICE or LOAD and cannot be read at character {a.error_pos + 1} "
            f"({a.tokens and repr(sparql[a.error_pos])}): it is refused")
    resolved = external_targets(sparql, base_iri)
    for t, target in zip(a.targets, resolved, strict=True):
        if target is None:
            raise DiplographError(
                "bad-input",
                f"{t.keyword} {_shown(t.spelling) or '(no target)'} is not allowed: a variable or "
                "unresolvable target cannot be checked against the allow-list"
                if allow else
                f"{t.keyword} {_shown(t.spelling) or '(no target)'} is not allowed: this endpoint "
                "does not query other servers")
        if not is_allowed(target, allow):
            raise DiplographError(
                "bad-input",
                f"{t.keyword} <{_shown(target)}> is not allowed: it is not on this endpoint's "
                "federation allow-list" if allow else
                f"{t.keyword} <{_shown(target)}> is not allowed: this endpoint does not query "
                "other servers")


def check_limits(sparql: str, limits: Limits = DEFAULT_LIMITS, *, what: str = "query") -> Analysis:
    """Refuse a text the engine should not see; return its :class:`Analysis`.

    Longer than ``limits.max_length`` characters: ``DiplographError('too-large')`` (413),
    before any lexing. Nested deeper than ``limits.max_depth`` or with more than
    ``limits.max_operators`` operators: ``DiplographError('bad-input')`` (400). The depth is
    counted over ``{`` ``(`` ``[`` outside strings, IRIs and comments; when the lexer meets a
    character it cannot read, over every bracket of the raw text as well (the larger count
    wins), so a misread string cannot hide brackets.

    >>> check_limits('ASK {' + '{' * 300 + '}' * 300 + '}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: the query nests 301 levels of { ( [ deep; the ...
    """
    n = len(sparql)
    if n > limits.max_length:
        raise DiplographError(
            "too-large",
            f"the {what} is {n:,} characters long; the limit is {limits.max_length:,}: "
            "split it, or pass long lists of values in several requests")
    # a text with few brackets cannot nest deep: count them at C speed first
    a = analyze(sparql)
    depth = a.depth
    if a.error_pos is not None:
        depth = max(depth, _raw_depth(sparql))
    if depth > limits.max_depth:
        raise DiplographError(
            "bad-input",
            f"the {what} nests {depth:,} levels of {{ ( [ deep; the limit is "
            f"{limits.max_depth:,}")
    if a.operators > limits.max_operators:
        raise DiplographError(
            "bad-input",
            f"the {what} has {a.operators:,} operators (UNION, OPTIONAL, FILTER, ||, +, / …); "
            f"the limit is {limits.max_operators:,}: use VALUES for long lists of "
            "alternatives")
    return a


def _raw_depth(text: str) -> int:
    depth = best = 0
    for c in text:
        if c in "{([":
            depth += 1
            best = max(best, depth)
        elif c in "})]":
            depth = max(depth - 1, 0)
    return best


# ---------------------------------------------------------------- other keywords


def has_dataset_clause(sparql: str) -> bool:
    """Whether a query names its dataset with ``FROM`` / ``FROM NAMED``.

    >>> has_dataset_clause('SELECT * FROM <http://g/> { ?s ?p "FROM" }')
    True
    >>> has_dataset_clause('SELECT * { ?s <http://e/from> ?o } # FROM <x>')
    False
    """
    return "FROM" in analyze(sparql).keywords


def update_dataset_keywords(sparql: str) -> list[str]:
    """The dataset keywords (``USING``, ``USING NAMED``, ``WITH``) in an update text.

    >>> update_dataset_keywords('WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }')
    ['WITH']
    >>> update_dataset_keywords('INSERT DATA { <a:b> <c:d> "using with" }')
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
    a = analyze(sparql)
    if not NON_DETERMINISTIC & a.keywords:
        return True
    toks = a.tokens if a.complete else tuple(_tokens(sparql))
    return not any(
        t.kind == "name" and t.upper in NON_DETERMINISTIC and i + 1 < len(toks)
        and toks[i + 1].text == "("
        for i, t in enumerate(toks)
    )
