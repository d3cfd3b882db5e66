"""A local ``SERVICE wikibase:label``: the Wikidata Query Service's label service, done by
rewriting the query text before it runs (never a network call).

WDQS fills ``?xLabel`` (and ``?xDescription``) for every variable ``?x`` of the query, in the
languages of ``bd:serviceParam wikibase:language "vi,en"`` (first that has one), falling back to
the entity's id (``Q711``) when no label exists. :func:`rewrite_label_service` removes the
``SERVICE`` block and adds, at the end of the group that held it::

    OPTIONAL { ?x rdfs:label ?x__xLabel_0 FILTER(LANG(?x__xLabel_0) = "vi") }
    OPTIONAL { ?x rdfs:label ?x__xLabel_1 FILTER(LANG(?x__xLabel_1) = "en") }
    BIND(COALESCE(?x__xLabel_0, ?x__xLabel_1, <the id of ?x>) AS ?xLabel)

Manual mode (``?x rdfs:label ?name`` inside the block) binds the named variables instead.
The query is tokenised (IRIs, strings, comments and prefixed names are read as such), so a
``SERVICE`` in a string or a comment is left alone; a query without the service is returned
unchanged. ``SELECT *`` also shows the helper variables (``?x__xLabel_0`` ...).

>>> q = ('SELECT ?x ?xLabel WHERE { ?x a ?c . '
...      'SERVICE wikibase:label { bd:serviceParam wikibase:language "vi,en" . } }')
>>> out = rewrite_label_service(q)
>>> "SERVICE" in out, 'LANG(?x__xLabel_0) = "vi"' in out, "AS ?xLabel)" in out
(False, True, True)
>>> rewrite_label_service("SELECT * WHERE { ?s ?p ?o }")
'SELECT * WHERE { ?s ?p ?o }'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import DiplographError

WIKIBASE = "http://wikiba.se/ontology#"
BD = "http://www.bigdata.com/rdf#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SCHEMA_DESCRIPTION = "http://schema.org/description"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
#: prefixes assumed when the query does not declare them (WDQS predefines them)
DEFAULT_PREFIXES = {
    "wikibase": WIKIBASE,
    "bd": BD,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
#: the language of ``[AUTO_LANGUAGE]`` (WDQS: the user interface language)
AUTO_LANGUAGE = "en"

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<lstring>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w\u00B7\u00C0-\uFFFF.-]*)?:
               (?:[\w\u00C0-\uFFFF%:.-]*[\w\u00C0-\uFFFF%:-])?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    """One token: its kind, text and start offset."""

    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        """The offset after the token."""
        return self.start + len(self.text)


def tokenize(text: str) -> list[Token]:
    """SPARQL tokens (whitespace and comments dropped).

    >>> [t.text for t in tokenize('SELECT ?x { ?x rdfs:label "a # b" } # c')]
    ['SELECT', '?x', '{', '?x', 'rdfs:label', '"a # b"', '}']
    """
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind in ("ws", "comment"):
            continue
        out.append(Token(kind, m.group(), m.start()))
    return out


def _prefixes(tokens: list[Token]) -> dict[str, str]:
    out = dict(DEFAULT_PREFIXES)
    for i, t in enumerate(tokens[:-2]):
        if t.kind == "word" and t.text.upper() == "PREFIX" and tokens[i + 1].kind == "pname":
            if tokens[i + 2].kind == "iri":
                out[tokens[i + 1].text[:-1]] = tokens[i + 2].text[1:-1]
    return out


def _iri(t: Token, prefixes: dict[str, str]) -> str | None:
    if t.kind == "iri":
        return t.text[1:-1]
    if t.kind == "pname":
        pfx, _, local = t.text.partition(":")
        base = prefixes.get(pfx)
        return base + local if base is not None else None
    if t.kind == "word" and t.text == "a":
        return "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    return None


def _unescape(lit: str) -> str:
    body = lit[3:-3] if lit[:3] in ('"""', "'''") else lit[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


@dataclass
class _Block:
    start: int  # offset of SERVICE
    end: int  # offset after the block's closing brace
    group_end: int  # offset of the brace closing the enclosing group
    languages: list[str]
    manual: list[tuple[str, str, str]]  # (subject var, predicate IRI, output var)


def _find_blocks(text: str, toks: list[Token]) -> list[_Block]:
    prefixes = _prefixes(toks)
    blocks: list[_Block] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not (t.kind == "word" and t.text.upper() == "SERVICE"):
            i += 1
            continue
        j = i + 1
        if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "SILENT":
            j += 1
        if j >= len(toks) or _iri(toks[j], prefixes) != WIKIBASE + "label":
            i += 1
            continue
        if j + 1 >= len(toks) or toks[j + 1].text != "{":
            raise DiplographError("syntax", "SERVICE wikibase:label must be followed by { ... }")
        depth, k = 0, j + 1
        while k < len(toks):
            if toks[k].text == "{" and toks[k].kind == "punct":
                depth += 1
            elif toks[k].text == "}" and toks[k].kind == "punct":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        if k >= len(toks):
            raise DiplographError("syntax", "SERVICE wikibase:label { ... } is not closed")
        inner = toks[j + 2 : k]
        languages: list[str] = []
        manual: list[tuple[str, str, str]] = []
        for n, x in enumerate(inner):
            if _iri(x, prefixes) == WIKIBASE + "language" and n + 1 < len(inner):
                lit = inner[n + 1]
                if lit.kind not in ("string", "lstring"):
                    raise DiplographError("syntax", "wikibase:language needs a string")
                for lang in _unescape(lit.text).split(","):
                    lang = lang.strip()
                    if lang == "[AUTO_LANGUAGE]":
                        lang = AUTO_LANGUAGE
                    if lang and re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", lang):
                        languages.append(lang.lower())
                    elif lang:
                        raise DiplographError("syntax", f"not a language code: {lang[:40]!r}")
            if (
                x.kind == "var" and n + 2 < len(inner) and inner[n + 2].kind == "var"
                and _iri(inner[n + 1], prefixes) in (RDFS_LABEL, SCHEMA_DESCRIPTION, SKOS_ALT)
            ):
                pred = _iri(inner[n + 1], prefixes) or ""
                manual.append((x.text[1:], pred, inner[n + 2].text[1:]))
        # the brace that closes the group around the block
        depth, g = 0, k + 1
        while g < len(toks):
            if toks[g].kind == "punct" and toks[g].text == "{":
                depth += 1
            elif toks[g].kind == "punct" and toks[g].text == "}":
                if depth == 0:
                    break
                depth -= 1
            g += 1
        if g >= len(toks):
            raise DiplographError("syntax", "SERVICE wikibase:label outside a group { ... }")
        langs = list(dict.fromkeys(languages)) or [AUTO_LANGUAGE]
        blocks.append(_Block(t.start, toks[k].end, toks[g].start, langs, manual))
        i = k + 1
    return blocks


def _fill(subject: str, pred: str, out: str, langs: list[str], fallback: bool) -> str:
    parts = []
    helpers = []
    for n, lang in enumerate(langs):
        h = f"?{subject}__{out}_{n}"
        helpers.append(h)
        parts.append(
            f"OPTIONAL {{ ?{subject} <{pred}> {h} FILTER(LANG({h}) = \"{lang}\") }}"
        )
    default = (
        f', IF(isIRI(?{subject}), REPLACE(STR(?{subject}), "^.*[/#]", ""), STR(?{subject}))'
        if fallback else ""
    )
    parts.append(f"BIND(COALESCE({', '.join(helpers)}{default}) AS ?{out})")
    return " ".join(parts)


def rewrite_label_service(sparql: str) -> str:
    """The query with each ``SERVICE wikibase:label { ... }`` replaced by local patterns.

    Raises :class:`DiplographError` (``syntax``) for a malformed label service block.
    """
    if "label" not in sparql or ("wikibase:" not in sparql and WIKIBASE not in sparql):
        return sparql
    toks = tokenize(sparql)
    blocks = _find_blocks(sparql, toks)
    if not blocks:
        return sparql
    variables = {t.text[1:] for t in toks if t.kind == "var"}
    edits: list[tuple[int, int, str]] = []
    for b in blocks:
        patterns = []
        if b.manual:
            for subject, pred, out in b.manual:
                patterns.append(_fill(subject, pred, out, b.languages, pred == RDFS_LABEL))
        else:
            for v in sorted(variables):
                for suffix, pred, fallback in (
                    ("Label", RDFS_LABEL, True),
                    ("Description", SCHEMA_DESCRIPTION, False),
                ):
                    base = v[: -len(suffix)]
                    if v.endswith(suffix) and base in variables:
                        patterns.append(_fill(base, pred, v, b.languages, fallback))
        edits.append((b.start, b.end, " "))
        edits.append((b.group_end, b.group_end, " " + " ".join(patterns) + " "))
    out = sparql
    for start, end, repl in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:start] + repl + out[end:]
    return out
