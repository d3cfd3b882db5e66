"""Find entities by name: the index behind the search box, its autocompletion and the index pages.

The index holds every entity of a known kind (``kinds.yaml``: states, organisations, people,
places, agreements, events, documents, data sets) with all its names (labels in every language,
alternative labels, acronyms, titles) and codes (ISO 3166, COW, Wikidata QIDs). A query text is
folded the way the linking matcher folds names (:mod:`.normalise`: case, diacritics,
punctuation), so "viet nam", "Việt Nam" and "VNM" all find Vietnam.

The index is built from the rows of :data:`INDEX_QUERY` (run by the caller on whatever store it
has), so this module needs no store and no HTTP:

>>> rows = [
...     ("https://diplograph.org/id/state/VNM", "state", "Vietnam", "en"),
...     ("https://diplograph.org/id/state/VNM", "state", "Việt Nam", "vi"),
...     ("https://diplograph.org/id/state/VNM", "state", "VNM", "code"),
...     ("https://diplograph.org/id/state/SUN", "state", "Soviet Union", "en"),
...     ("https://diplograph.org/id/state/SUN", "state", "Liên Xô", "vi"),
...     ("https://diplograph.org/id/org/ASEAN", "organisation", "ASEAN", "acronym"),
...     ("https://diplograph.org/id/org/ASEAN", "organisation",
...      "Association of Southeast Asian Nations", "en"),
... ]
>>> index = SearchIndex.from_rows(rows)
>>> [h.label for h in index.search("viet").hits]  # a word start ranks above "So-viet"
['Vietnam', 'Soviet Union']
>>> index.search("lien xo").hits[0].iri
'https://diplograph.org/id/state/SUN'
>>> index.search("asean").hits[0].matched
'ASEAN'
>>> index.search("nations", kinds={"state"}).total
0
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..graph import yaml_text
from ..graph.errors import DiplographError
from ..graph.namespaces import DCTERMS, DG, ORG, RDFS, SEM, SKOS
from .normalise import exact_form, folded_form, strip_diacritics

__all__ = [
    "Hit",
    "Kind",
    "MAX_TEXT",
    "Results",
    "SearchIndex",
    "RDF_TYPE",
    "index_predicates",
    "class_query",
    "index_query",
    "subjects_query",
    "LABEL_RANK",
    "kinds",
]

#: The longest search text accepted (longer texts are refused, not cut).
MAX_TEXT = 200

KINDS_FILE = Path(__file__).with_name("kinds.yaml")

_PREFIXES = {"dg": DG(""), "sem": SEM(""), "org": ORG("")}


@dataclass(frozen=True)
class Kind:
    """A kind of entity: its facet name, IRI segment, classes and labels."""

    kind: str
    segment: str | None
    classes: tuple[str, ...]
    labels: dict[str, str]
    weight: int

    def label(self, lang: str = "en") -> str:
        """The kind's name in ``lang`` (English if there is none)."""
        return self.labels.get(lang) or self.labels.get("en") or self.kind


@functools.cache
def kinds() -> tuple[Kind, ...]:
    """The kinds of ``kinds.yaml``, in file order.

    >>> [k.kind for k in kinds()][:3]
    ['state', 'organisation', 'person']
    >>> next(k for k in kinds() if k.kind == "state").label("vi")
    'Quốc gia'
    """
    out = []
    for item in yaml_text.load(KINDS_FILE.read_text(encoding="utf-8")):
        classes = []
        for c in item["classes"]:
            prefix, _, local = c.partition(":")
            classes.append(_PREFIXES[prefix] + local)
        out.append(Kind(item["kind"], item.get("segment"), tuple(classes),
                        dict(item["labels"]), int(item.get("weight", 0))))
    return tuple(out)


def kind_named(name: str) -> Kind | None:
    """The kind called ``name``, or None."""
    return next((k for k in kinds() if k.kind == name), None)


def kind_of_segment(segment: str) -> Kind | None:
    """The kind whose entities live under ``id/<segment>/``, or None.

    >>> kind_of_segment("org").kind
    'organisation'
    """
    return next((k for k in kinds() if k.segment == segment), None)


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: Name properties, and the tag a row of :func:`index_query` carries for each: a language for
#: labels, ``acronym``/``code`` for short forms that must match whole.
_NAME_PROPS = {
    RDFS("label"): None,
    str(SKOS) + "prefLabel": None,
    str(SKOS) + "altLabel": None,
    DCTERMS("title"): None,
    DG("title"): None,
    DG("acronym"): "acronym",
    DG("iso3166Alpha2"): "code",
    DG("iso3166Alpha3"): "code",
    DG("cowAbbrev"): "code",
    DG("qid"): "code",
    # a verified Wikidata match (only verified links are stated as skos:exactMatch): its QID,
    # read from the IRI, is a code (`Q881`)
    str(SKOS) + "exactMatch": "qid",
}
#: the IRIs whose end :data:`_NAME_PROPS`' ``qid`` rows index (as codes)
_WD_ENTITY = "http://www.wikidata.org/entity/"


def index_predicates() -> frozenset[str]:
    """Every predicate :func:`index_query` reads: a change to none of them leaves the index
    as it is.

    >>> RDFS("label") in index_predicates(), DG("startDate") in index_predicates()
    (True, False)
    """
    return frozenset({RDF_TYPE, RDFS("subClassOf"), *_NAME_PROPS})


def class_query() -> str:
    """The SELECT of the classes an index reads, with their kind (``?class ?kind``): the kinds'
    classes and their subclasses (``rdfs:subClassOf*``)."""
    roots = " ".join(f'(<{c}> "{k.kind}")' for k in kinds() for c in k.classes)
    return ("SELECT DISTINCT ?class ?kind WHERE {\n"
            f"  VALUES (?root ?kind) {{ {roots} }}\n"
            f"  ?class <{RDFS('subClassOf')}>* ?root .\n"
            "}")


#: How a name property ranks as an entity's display label in a language (lower first): a
#: label or preferred label before a title, an alternative label last. Which label shows is
#: decided by this rank, then by the name itself (shortest, then in code-point order), never by
#: the order in which the store returns the rows.
LABEL_RANK = {
    RDFS("label"): 0,
    str(SKOS) + "prefLabel": 1,
    DCTERMS("title"): 2,
    DG("title"): 3,
    str(SKOS) + "altLabel": 4,
}


@functools.cache
def index_query(classes: tuple[tuple[str, str], ...] | None = None) -> str:
    """The SELECT whose rows (``?s ?kind ?name ?tag ?rank``) make the index.

    ``?tag`` is the language of a label, ``acronym`` or ``code``; ``?rank`` the property's
    :data:`LABEL_RANK` (9 for codes and acronyms). The kinds' classes are matched with their
    subclasses (``rdfs:subClassOf*``) or, given ``classes`` (the ``(class, kind)`` rows of
    :func:`class_query`, read beforehand), named: the same rows in half the time on the real
    graph (pyoxigraph then starts from each class's members).
    """
    return _index_query(classes)


def subjects_query(classes: tuple[tuple[str, str], ...], subjects: Iterable[str]) -> str:
    """:func:`index_query` for the given subjects only (the entities a write may have
    renamed, retyped or removed): their rows, all of them, to replace theirs in an index
    (:meth:`SearchIndex.replacing`).

    The subjects' own triples are read first (a subquery): joined the other way, pyoxigraph
    read every member of the kinds' classes (0.6 s on the full graph for 20 subjects; 0.003 s
    this way).

    >>> q = subjects_query((("http://e/C", "state"),), ["http://e/a"])
    >>> "VALUES ?s { <http://e/a> }" in q
    True
    """
    named = " ".join(f'(<{c}> "{k}")' for c, k in classes)
    values = " ".join(str(ox.NamedNode(s)) for s in subjects)
    return (
        "SELECT DISTINCT ?s ?kind ?name ?tag ?rank WHERE {\n"
        f"  {{ SELECT ?s ?class ?p ?o WHERE {{ VALUES ?s {{ {values} }}\n"
        "      ?s a ?class ; ?p ?o\n"
        f"      FILTER(isLiteral(?o) || STRSTARTS(STR(?o), \"{_WD_ENTITY}Q\")) }} }}\n"
        f"  VALUES (?class ?kind) {{ {named} }}\n"
        f"  VALUES (?p ?ptag ?rank) {{ {_props()} }}\n"
        + _NAME_AND_TAG
        + "}"
    )


#: the end of :func:`index_query` and :func:`subjects_query`: ``?o`` (the value of name
#: property ``?p``, tagged ``?ptag``) as the row's ``?name`` and ``?tag``: a literal as it is,
#: tagged by its language or by ``?ptag``; a Wikidata entity's IRI (``qid``) as its QID, a code
_NAME_AND_TAG = (
    f'  FILTER(IF(?ptag = "qid", STRSTARTS(STR(?o), "{_WD_ENTITY}Q"), isLiteral(?o)))\n'
    f'  BIND(IF(?ptag = "qid", STRAFTER(STR(?o), "{_WD_ENTITY}"), ?o) AS ?name)\n'
    '  BIND(IF(?ptag = "", LANG(?o), IF(?ptag = "qid", "code", ?ptag)) AS ?tag)\n'
)


def _props() -> str:
    return " ".join(f'(<{p}> "{t or ""}" {LABEL_RANK.get(p, 9)})' for p, t in _NAME_PROPS.items())


def _index_query(classes: tuple[tuple[str, str], ...] | None) -> str:
    if classes is None:
        roots = " ".join(f'(<{c}> "{k.kind}")' for k in kinds() for c in k.classes)
        which = (f"  VALUES (?root ?kind) {{ {roots} }}\n"
                 f"  ?class <{RDFS('subClassOf')}>* ?root .\n")
    else:
        named = " ".join(f'(<{c}> "{k}")' for c, k in classes)
        which = f"  VALUES (?class ?kind) {{ {named} }}\n"
    # the entities and their kinds first, once each (an entity of several classes of one
    # kind, or typed in several graphs, is one row), then their names: the same rows in 0.38 s
    # instead of 0.67 s of pyoxigraph's CPU on the full graph
    return (
        "SELECT DISTINCT ?s ?kind ?name ?tag ?rank WHERE {\n"
        "  { SELECT DISTINCT ?s ?kind WHERE {\n"
        + which
        + "  ?s a ?class .\n"
        "  FILTER(isIRI(?s)) } }\n"
        f"  VALUES (?p ?ptag ?rank) {{ {_props()} }}\n"
        "  ?s ?p ?o .\n"
        + _NAME_AND_TAG
        + "}"
    )


@dataclass(frozen=True)
class Hit:
    """One entity found: its IRI, kind, display label, the name that matched, and the score."""

    iri: str
    kind: str
    label: str
    matched: str
    score: int
    labels: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, object]:
        return {"iri": self.iri, "kind": self.kind, "label": self.label,
                "matched": self.matched, "score": self.score}


@dataclass(frozen=True)
class Results:
    """A page of hits, the number of all hits, and the number of hits of each kind."""

    hits: list[Hit]
    total: int
    facets: dict[str, int]


@dataclass
class _Entry:
    iri: str
    kind: str
    weight: int
    labels: dict[str, str] = field(default_factory=dict)  # lang -> display label
    names: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (shown text, folded key, exact key without diacritics, tag), preferred names first

    def label(self, lang: str) -> str:
        for key in (lang, "en", ""):
            if key in self.labels:
                return self.labels[key]
        if self.labels:
            return self.labels[min(self.labels)]
        return self.names[0][0] if self.names else self.iri.rsplit("/", 1)[-1]


def _words(text: str) -> list[str]:
    return exact_form(strip_diacritics(text)).replace("-", " ").split()


#: A row of :func:`index_query`: ``(iri, kind, name, tag)`` or ``(iri, kind, name, tag, rank)``
Row = tuple[Any, ...]


def _entries(rows: Iterable[Row]) -> dict[str, _Entry]:
    """The entries of ``rows``, whatever their order: an entity's kind is the first of its
    kinds in ``kinds.yaml``; its label in a language the name of the best :data:`LABEL_RANK`,
    then the shortest, then the first in code-point order; its names in that order too."""
    order = {k.kind: i for i, k in enumerate(kinds())}
    weights = {k.kind: k.weight for k in kinds()}
    found: dict[str, tuple[str, dict[tuple[str, str], int]]] = {}
    for row in rows:
        iri, kind, name, tag = row[0], row[1], row[2], row[3]
        if kind not in order or not name or not name.strip():
            continue
        rank = int(row[4]) if len(row) > 4 and row[4] is not None else 0
        had = found.get(iri)
        if had is None:
            had = found[iri] = (kind, {})
        elif order[kind] < order[had[0]]:
            had = found[iri] = (kind, had[1])
        key = (" ".join(name.split()), tag or "")
        old = had[1].get(key)
        if old is None or rank < old:
            had[1][key] = rank
    entries: dict[str, _Entry] = {}
    for iri, (kind, names) in found.items():
        e = _Entry(iri, kind, weights[kind])
        for (name, tag), _rank in sorted(
                names.items(), key=lambda item: (item[1], len(item[0][0]), item[0])):
            if tag not in ("acronym", "code"):
                e.labels.setdefault(tag, name)
            folded = folded_form(name)
            if folded:
                e.names.append((name, folded, " ".join(_words(name)), tag))
        if e.names:
            entries[iri] = e
    return entries


class SearchIndex:
    """An in-memory index of entity names; :meth:`search` ranks the entities for a text.

    The same rows in any order make the same index (entries in IRI order; labels and names
    chosen by rule, see :func:`_entries`)."""

    def __init__(self, entries: Iterable[_Entry]) -> None:
        self._entries = sorted(entries, key=lambda e: e.iri)
        self._by_iri: dict[str, _Entry] | None = None
        # sorted (folded key, entry number, name number) for prefix look-ups by bisection
        keys = []
        for i, e in enumerate(self._entries):
            for j, (_, folded, _, _) in enumerate(e.names):
                keys.append((folded, i, j))
        keys.sort()
        self._keys = keys
        self._folded = [k[0] for k in keys]

    @classmethod
    def from_rows(cls, rows: Iterable[Row]) -> SearchIndex:
        """Build the index from ``(iri, kind, name, tag[, rank])`` rows (see
        :func:`index_query`), in any order.

        An entity that belongs to several kinds is listed under the first in ``kinds.yaml``.
        """
        return cls(_entries(rows).values())

    def replacing(self, subjects: Iterable[str], rows: Iterable[Row]) -> SearchIndex:
        """A new index: this one with the entries of ``subjects`` replaced by those ``rows``
        make (all the rows of those subjects, :func:`subjects_query`); a subject without
        rows leaves the index. The result is the index :meth:`from_rows` would build from
        the whole store.

        >>> old = SearchIndex.from_rows([("http://e/a", "state", "Aa", "en"),
        ...                              ("http://e/b", "state", "Bb", "en")])
        >>> new = old.replacing({"http://e/a", "http://e/c"}, [("http://e/c", "state", "Cc", "en")])
        >>> [e.iri for e in new._entries], old.label_of("http://e/a")
        (['http://e/b', 'http://e/c'], 'Aa')
        """
        gone = set(subjects)
        fresh = _entries(rows)
        kept = [e for e in self._entries if e.iri not in gone and e.iri not in fresh]
        return SearchIndex([*kept, *fresh.values()])

    def to_data(self) -> list[list[object]]:
        """The index as JSON-ready lists (:meth:`from_data` reads them back), for another
        process to load instead of reading the store again.

        >>> index = SearchIndex.from_rows([("http://e/a", "state", "Aa", "en", "0")])
        >>> SearchIndex.from_data(index.to_data()).same_as(index)
        True
        """
        return [[e.iri, e.kind, e.weight, e.labels, [list(n) for n in e.names]]
                for e in self._entries]

    @classmethod
    def from_data(cls, data: list[list[Any]]) -> SearchIndex:
        """The index :meth:`to_data` wrote."""
        return cls(_Entry(iri, kind, int(weight), dict(labels),
                          [(n[0], n[1], n[2], n[3]) for n in names])
                   for iri, kind, weight, labels, names in data)

    def iris(self) -> frozenset[str]:
        """The IRIs of every indexed entity."""
        return frozenset(e.iri for e in self._entries)

    def same_as(self, other: SearchIndex) -> bool:
        """Whether both indexes hold the same entities, kinds, labels and names in the same
        order (what every search, completion and index page reads)."""
        return [(e.iri, e.kind, e.weight, e.labels, e.names) for e in self._entries] == \
            [(e.iri, e.kind, e.weight, e.labels, e.names) for e in other._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def label_of(self, iri: str, lang: str = "en") -> str | None:
        """The display label of an indexed entity, or None.

        >>> SearchIndex.from_rows([("http://e/x", "state", "Iks", "en")]).label_of("http://e/x")
        'Iks'
        """
        if self._by_iri is None:
            self._by_iri = {e.iri: e for e in self._entries}
        entry = self._by_iri.get(iri)
        return entry.label(lang) if entry is not None else None

    def hits_for(self, iris: Iterable[str], matched: str, *, kinds: set[str] | None = None,
                 lang: str = "en") -> Results:
        """Hits for entities another resolver found (the linking matcher's reading of a name
        the index holds no form of), in the given order; IRIs the index lacks, or of other
        ``kinds``, are left out.

        >>> index = SearchIndex.from_rows([("http://e/lk", "state", "Sri Lanka", "en")])
        >>> found = index.hits_for(["http://e/lk", "http://e/x"], "Ceylon")
        >>> [(h.label, h.matched) for h in found.hits]
        [('Sri Lanka', 'Ceylon')]
        """
        if self._by_iri is None:
            self._by_iri = {e.iri: e for e in self._entries}
        hits: list[Hit] = []
        for iri in dict.fromkeys(iris):
            e = self._by_iri.get(iri)
            if e is not None and (kinds is None or e.kind in kinds):
                hits.append(self._hit(e, matched, 0, lang))
        return Results(hits, len(hits), dict(Counter(h.kind for h in hits)))

    def kind_counts(self) -> dict[str, int]:
        """How many entities of each kind the index holds."""
        return dict(Counter(e.kind for e in self._entries))

    def entities(self, kind: str, *, lang: str = "en", only: set[str] | None = None,
                 ) -> list[Hit]:
        """All entities of ``kind`` sorted by label (for index pages); ``only`` keeps those IRIs."""
        out = [self._hit(e, e.label(lang), 0, lang) for e in self._entries
               if e.kind == kind and (only is None or e.iri in only)]
        out.sort(key=lambda h: (folded_form(h.label), h.iri))
        return out

    def search(self, text: str, *, kinds: set[str] | None = None, limit: int = 20,
               offset: int = 0, lang: str = "en") -> Results:
        """Rank the entities whose names match ``text``.

        Scores: a code or acronym equal to the text 100, a name equal to it 95, a name that
        starts with it 80, names whose words start with its words 65, a name that contains it
        40; matches with the same diacritics as the text get 3 more. Ties go to the kind's
        weight, then to the shorter label.

        >>> SearchIndex.from_rows([]).search("x" * 201)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        diplograph.graph.errors.DiplographError: the search text has 201 characters; ...
        """
        text = " ".join(text.split())
        if len(text) > MAX_TEXT:
            raise DiplographError(
                "bad-input",
                f"the search text has {len(text):,} characters; the limit is {MAX_TEXT}")
        folded = folded_form(text)
        if not folded:
            return Results([], 0, {})
        words = _words(text)
        exact = exact_form(text)
        upper = text.upper()
        scored: dict[int, tuple[int, str]] = {}

        def consider(i: int, score: int, name: str) -> None:
            old = scored.get(i)
            if old is None or score > old[0]:
                scored[i] = (score, name)

        # prefix (and equal) matches by bisection over the sorted folded names
        lo = bisect.bisect_left(self._folded, folded)
        for k in range(lo, len(self._keys)):
            key, i, j = self._keys[k]
            if not key.startswith(folded):
                break
            name, _, _, tag = self._entries[i].names[j]
            if key == folded:
                score = 100 if tag in ("acronym", "code") and name.upper() == upper else 95
            elif tag in ("acronym", "code"):
                continue  # "UN" is not "UNESCO"
            else:
                score = 80
            if exact_form(name).startswith(exact):
                score += 3
            consider(i, score, name)
        # word-prefix and substring matches need a scan (names are short: this is cheap)
        if len(folded) >= 2:
            for i, e in enumerate(self._entries):
                for name, key, plain, tag in e.names:
                    if tag in ("acronym", "code") or key.startswith(folded):
                        continue
                    name_words = plain.split()
                    if words and all(any(w.startswith(q) for w in name_words) for q in words):
                        score = 65
                    elif len(folded) >= 3 and folded in key:
                        score = 40
                    else:
                        continue
                    if exact in exact_form(name):
                        score += 3
                    consider(i, score, name)
        facets = Counter(self._entries[i].kind for i in scored)
        chosen = [(i, s) for i, s in scored.items()
                  if kinds is None or self._entries[i].kind in kinds]
        chosen.sort(key=lambda item: (-item[1][0], -self._entries[item[0]].weight,
                                      len(self._entries[item[0]].label(lang)),
                                      self._entries[item[0]].label(lang),
                                      self._entries[item[0]].iri))
        page = chosen[offset:offset + limit] if limit > 0 else []
        hits = [self._hit(self._entries[i], name, score, lang) for i, (score, name) in page]
        return Results(hits, len(chosen), dict(facets))

    @staticmethod
    def _hit(e: _Entry, matched: str, score: int, lang: str) -> Hit:
        return Hit(e.iri, e.kind, e.label(lang), matched, score, dict(e.labels))
