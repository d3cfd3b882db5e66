"""SPARQL syntax errors in words a person can act on.

pyoxigraph's parser reports where it stopped and what its grammar would have taken there:
for an undeclared prefix that is "expected one of OPTIONAL, Prefix not found, ['%'], ['-' |
'0' ..= '9' | '\\u{00B7}' …" over several lines. :func:`syntax_error` reads the text itself
and names the usual causes, with line and column:

* an unknown prefix, with the prefixes predefined here (and the nearest one);
* an unbalanced ``{``, ``(`` or ``[``;
* a variable selected beside an aggregate without being grouped;
* a variable that ``BIND`` assigns although the group already binds it;

and otherwise keeps the parser's position and the words of its message, without the
character classes. Used by every face (the endpoint, the CLI, named queries, the pages).

>>> e = syntax_error("error at 1:26: expected one of OPTIONAL, Prefix not found, ['%']",
...                  "SELECT * WHERE { ?s dgs:x ?o }")
>>> e.kind
'syntax'
>>> print(e.message)  # doctest: +ELLIPSIS
SPARQL syntax error at line 1, column 21: unknown prefix 'dgs:' (did you mean 'dg:'?); ...
>>> e.details
['line 1: SELECT * WHERE { ?s dgs:x ?o }', '                           ^']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .errors import DiplographError
from .namespaces import QUERY_PREFIXES

__all__ = ["syntax_error", "explain", "Problem"]

# One token of SPARQL, in the order the alternatives must be tried.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
              |'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)
              |"(?:[^"\\\n]|\\.)*"?
              |'(?:[^'\\\n]|\\.)*'?)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:[\w.\-]*)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w:%\-]|\\.|\.(?=[\w:%\-]))*)
  | (?P<word>[^\W\d][\w]*)
  | (?P<number>\d[\d.eE+\-]*)
  | (?P<punct>\^\^|\|\||&&|!=|<=|>=|.)
    """,
    re.VERBOSE | re.DOTALL,
)

_OPEN = {"{": "}", "(": ")", "[": "]"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"}
_POSITION = re.compile(r"(?:error at |line )(\d+)(?::| column )(\d+)")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    offset: int


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where (0-based character offset in the text)."""

    message: str
    offset: int | None


def _tokens(text: str) -> Iterator[Token]:
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield Token(kind, m.group(), m.start())


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    line = min(max(line, 1), len(lines))
    return sum(len(x) + 1 for x in lines[: line - 1]) + max(column - 1, 0)


def _unbalanced(toks: list[Token]) -> Problem | None:
    stack: list[Token] = []
    for t in toks:
        if t.kind != "punct":
            continue
        if t.text in _OPEN:
            stack.append(t)
        elif t.text in _CLOSE:
            if not stack:
                return Problem(f"unbalanced '{t.text}': there is no '{_CLOSE[t.text]}' to close",
                               t.offset)
            if stack[-1].text != _CLOSE[t.text]:
                o = stack[-1]
                return Problem(f"unbalanced '{t.text}': the '{o.text}' before it is not closed "
                               f"(a '{_OPEN[o.text]}' is missing)", t.offset)
            stack.pop()
    if stack:
        o = stack[-1]
        return Problem(f"unbalanced '{o.text}': it is never closed (a '{_OPEN[o.text]}' is "
                       "missing)", o.offset)
    return None


def _unknown_prefix(toks: list[Token], predefined: Mapping[str, str]) -> Problem | None:
    declared: set[str] = set()
    for i, t in enumerate(toks):
        if t.kind == "word" and t.text.upper() == "PREFIX" and i + 1 < len(toks) \
                and toks[i + 1].kind == "pname":
            declared.add(toks[i + 1].text.split(":", 1)[0])
    for i, t in enumerate(toks):
        if t.kind != "pname" or (i and toks[i - 1].text.upper() == "PREFIX"):
            continue
        prefix = t.text.split(":", 1)[0]
        if prefix in declared or prefix in predefined:
            continue
        names = sorted(predefined)
        near = difflib.get_close_matches(prefix, [*names, *declared], n=1, cutoff=0.6)
        hint = f" (did you mean '{near[0]}:'?)" if near else ""
        listed = ", ".join(f"{p}:" for p in names)
        if not names:
            return Problem(f"unknown prefix '{prefix}:'{hint}: declare it with "
                           f"PREFIX {prefix}: <…>", t.offset)
        return Problem(f"unknown prefix '{prefix}:'{hint}; predefined here: {listed}; declare "
                       f"any other with PREFIX {prefix}: <…>", t.offset)
    return None


def _closing(toks: list[Token], i: int) -> int:
    """The index of the bracket closing the one at ``i``."""
    depth = 0
    for j in range(i, len(toks)):
        if toks[j].kind == "punct" and toks[j].text in _OPEN:
            depth += 1
        elif toks[j].kind == "punct" and toks[j].text in _CLOSE:
            depth -= 1
            if depth == 0:
                return j
    return len(toks) - 1


def _ungrouped(toks: list[Token]) -> Problem | None:
    """A variable projected beside an aggregate (or GROUP BY) but neither grouped nor
    aggregated, in any SELECT of the text."""
    for i, t in enumerate(toks):
        if t.kind != "word" or t.text.upper() != "SELECT":
            continue
        plain: list[Token] = []
        aggregated = False
        j = i + 1
        while j < len(toks) and toks[j].text != "{" and toks[j].text.upper() not in (
                "WHERE", "FROM"):
            tok = toks[j]
            if tok.text == "(":
                end = _closing(toks, j)
                aggregated |= any(x.kind == "word" and x.text.upper() in _AGGREGATES
                                  for x in toks[j:end])
                j = end + 1
                continue
            if tok.kind == "var":
                plain.append(tok)
            j += 1
        while j < len(toks) and toks[j].text != "{":
            j += 1
        if j >= len(toks):
            continue
        k = _closing(toks, j) + 1
        grouped: set[str] = set()
        has_group = False
        depth = 0
        while k < len(toks):
            tok = toks[k]
            if tok.text in _OPEN:
                depth += 1
            elif tok.text in _CLOSE:
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and tok.kind == "word" and tok.text.upper() == "GROUP":
                has_group = True
            elif has_group and tok.kind == "word" and tok.text.upper() in (
                    "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"):
                break
            elif has_group and tok.kind == "var":
                grouped.add(tok.text[1:])
            k += 1
        if not (aggregated or has_group):
            continue
        for v in plain:
            if v.text[1:] not in grouped:
                how = (f"add it to GROUP BY, or select an aggregate of it such as "
                       f"(SAMPLE({v.text}) AS ?{v.text[1:]}_)")
                return Problem(f"{v.text} is selected but neither grouped nor aggregated: {how}",
                               v.offset)
    return None


def _rebound(toks: list[Token]) -> Problem | None:
    """``BIND(… AS ?v)`` where ?v is already used earlier in the same group."""
    for i, t in enumerate(toks):
        if not (t.kind == "word" and t.text.upper() == "AS" and i + 1 < len(toks)
                and toks[i + 1].kind == "var"):
            continue
        # the BIND keyword that opened this expression
        depth, j = 0, i
        while j > 0:
            j -= 1
            if toks[j].text == ")":
                depth += 1
            elif toks[j].text == "(":
                if depth == 0:
                    break
                depth -= 1
        if not (j > 0 and toks[j - 1].kind == "word" and toks[j - 1].text.upper() == "BIND"):
            continue
        name = toks[i + 1].text[1:]
        depth, k = 0, j - 1
        while k > 0:
            k -= 1
            if toks[k].text == "}":
                depth += 1
            elif toks[k].text == "{":
                if depth == 0:
                    break
                depth -= 1
            elif toks[k].kind == "var" and toks[k].text[1:] == name:
                return Problem(f"BIND assigns ?{name}, which this group already binds "
                               f"before it: use another name", toks[i + 1].offset)
    return None


def _clean(message: str) -> str:
    """pyoxigraph's message without its position and character classes."""
    message = re.sub(r"^(?:Parser )?error at (?:line )?\d+(?::| column )\d+:\s*", "", message)
    m = re.match(r"expected (?:one of )?(.*)", message, re.DOTALL)
    if not m:
        return message.strip()
    items = [x.strip() for x in re.split(r",\s*(?![^\[]*\])", m.group(1))]
    words = [x for x in items if x and not x.startswith("[") and " " not in x]
    phrases = [x for x in items if " " in x and not x.startswith("[")]
    out = []
    if phrases:
        out.append("; ".join(p[0].lower() + p[1:] if p[1:2].islower() else p
                             for p in phrases))
    if words:
        out.append("expected " + ("one of " if len(words) > 1 else "") + ", ".join(words))
    return "; ".join(out)


def explain(message: str, text: str,
            prefixes: Mapping[str, str] = QUERY_PREFIXES) -> Problem:
    """The problem of ``text`` that the parser reported as ``message``, in words."""
    toks = list(_tokens(text))
    for check in (_unbalanced, lambda t: _unknown_prefix(t, prefixes), _ungrouped, _rebound):
        problem = check(toks)
        if problem is not None:
            return problem
    m = _POSITION.search(message)
    offset = _offset(text, int(m.group(1)), int(m.group(2))) if m else None
    words = _clean(message)
    if offset is None:
        return Problem(words, None)
    # the parser reports the furthest point it reached: the token there, or the last before
    at = [t for t in toks if t.offset <= offset]
    tok = at[-1] if at else None
    if tok is not None and tok.offset + len(tok.text) < offset and offset < len(text.rstrip()):
        nxt = next((t for t in toks if t.offset >= offset), None)
        tok = nxt or tok
    if tok is None:
        return Problem(words, offset)
    if "IRI parsing failed" in message and tok.kind == "iri":
        return Problem(f"{tok.text} is not a valid IRI", tok.offset)
    if "IRI parsing failed" in message:
        iris = [t for t in at if t.kind == "iri"]
        if iris:
            return Problem(f"{iris[-1].text} is not a valid IRI", iris[-1].offset)
    return Problem(f"unexpected '{tok.text[:40]}'; the parser expected "
                   + words.removeprefix("expected ") if words.startswith("expected ")
                   else f"unexpected '{tok.text[:40]}'" + (f"; {words}" if words else ""),
                   tok.offset)

def syntax_error(error: SyntaxError | str, text: str, *,
                 prefixes: Mapping[str, str] = QUERY_PREFIXES,
                 what: str = "SPARQL") -> DiplographError:
    """The ``DiplographError('syntax')`` for pyoxigraph's ``error`` on ``text``: a message in
    words with line and column, and the line itself with a caret in ``details``."""
    problem = explain(str(error), text, prefixes)
    details: list[str] = []
    where = ""
    if problem.offset is not None:
        offset = min(problem.offset, len(text))
        line, column = _position(text, offset)
        where = f" at line {line}, column {column}"
        source = text.split("\n")[line - 1]
        if len(source) <= 200:
            head = f"line {line}: "
            details = [head + source, " " * (len(head) + column - 1) + "^"]
    return DiplographError("syntax", f"{what} syntax error{where}: {problem.message}", details)
