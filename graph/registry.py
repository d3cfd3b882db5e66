"""The reference registry: states, organisations, persons, places and event series.

Pure Python (no I/O): :mod:`diplograph.loaders.registry` builds a :class:`Registry` from the data
sets in ``data/``. The registry resolves names written by curators (keys, ISO codes, acronyms,
labels and aliases in any language) to exactly one :class:`Entity`, and writes the graph
``dgg:registry`` (``docs/model.md``, "Actors").

>>> e = Entity(key="MNG", iri=ID("state/MNG"), kind="state",
...            labels={"en": "Mongolia", "vi": "Mông Cổ"},
...            iso2="MN", iso3="MNG", qid="Q711", confidence="verified")
>>> r = Registry([e])
>>> r.resolve("mong co").key
'MNG'
>>> r.resolve("Mongolai")
Traceback (most recent call last):
...
diplograph.graph.errors.DiplographError: unknown name 'Mongolai'; closest: Mongolia (MNG)
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store, Triple

from .errors import DiplographError
from .names import exact_form, folded_form
from .namespaces import DCTERMS, DG, DGC, GRAPH, ID, PROV, RDF, RDFS, SKOS, WD, XSD

KINDS = (
    "state",
    "historical-state",
    "organisation",
    "forum",
    "ngo",
    "person",
    "place",
    "event-series",
)
CONFIDENCES = ("verified", "single-source", "unverified", "conflicting")

#: rdf:type classes per kind (``docs/model.md``, "Actors").
KIND_CLASSES: dict[str, tuple[str, ...]] = {
    "state": ("State",),
    "historical-state": ("State", "HistoricalState"),
    "organisation": ("InternationalOrganization",),
    "forum": ("Forum",),
    "ngo": ("NonGovernmentalOrganization",),
    "person": ("Person",),
    "place": ("Place",),
    "event-series": ("EventSeries",),
}

#: IRI path segment per kind.
KIND_PATHS = {
    "state": "state",
    "historical-state": "state",
    "organisation": "org",
    "forum": "org",
    "ngo": "org",
    "person": "person",
    "place": "place",
    "event-series": "event",
}

REGISTRY_GRAPH = GRAPH("registry")


def dataset_iri(name: str) -> str:
    """IRI of a reference data set.

    >>> dataset_iri("cow-igo-v3")
    'https://diplograph.org/id/dataset/cow-igo-v3'
    """
    return ID("dataset/" + name)


def entity_iri(kind: str, key: str) -> str:
    """The minted IRI of an entity of ``kind`` with registry ``key``.

    >>> entity_iri("organisation", "UN")
    'https://diplograph.org/id/org/UN'
    """
    return ID(f"{KIND_PATHS[kind]}/{key}")


def fold(text: str) -> str:
    """The folded form of a name (:func:`.names.folded_form`: no case, diacritics,
    punctuation, spaces or leading "the").

    >>> fold("Mông Cổ") == fold("Mong-Co") == "mongco"
    True
    >>> fold("Đức")
    'duc'
    """
    return folded_form(text)


def exact(text: str) -> str:
    """The exact form of a name (:func:`.names.exact_form`: case-folded, whitespace
    collapsed).

    >>> exact("  Holy   See ")
    'holy see'
    """
    return exact_form(text)


@dataclass(frozen=True, eq=False)
class Entity:
    """One registry entity. Identity equality (entities are unique objects of a registry)."""

    key: str
    iri: str
    kind: str
    labels: Mapping[str, str]
    aliases: tuple[tuple[str, str | None], ...] = ()
    acronyms: tuple[str, ...] = ()
    iso2: str | None = None
    iso3: str | None = None
    cow_code: int | None = None
    cow_abbrev: str | None = None
    qid: str | None = None
    confidence: str = "unverified"
    evidence: str = ""
    un_status: str | None = None
    existed_from: str | None = None
    existed_until: str | None = None
    succeeded_by: str | None = None
    #: data set names (``dataset_iri``) the entity was built from
    sources: tuple[str, ...] = ()
    #: acronyms and names a curator marked as primary (resolve them before data-set acronyms)
    primary_names: tuple[str, ...] = ()
    founded: str | None = None
    dissolved: str | None = None
    diplomatic_actor: bool = False
    note: str | None = None
    #: ids in the source data sets, e.g. ("cow-igo-v3:UN", "internacia:UN")
    source_ids: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        """The English label (falls back to any label, then the key)."""
        return self.labels.get("en") or next(iter(self.labels.values()), self.key)

    def names(self) -> Iterator[tuple[str, int]]:
        """Every name with its tier: 0 key, 1 codes/labels/primary acronyms, 2 the rest."""
        yield self.key, 0
        for code in (self.iso2, self.iso3):
            if code:
                yield code, 1
        for text in self.labels.values():
            yield text, 1
        for text in self.primary_names:
            yield text, 1
        for text in self.acronyms:
            yield text, 2
        for text, _lang in self.aliases:
            yield text, 2
        if self.cow_abbrev:
            yield self.cow_abbrev, 2

    def codes(self) -> Iterator[str]:
        """The key and the codes (ISO 3166, COW abbreviation): identifiers written in capitals."""
        yield self.key
        for code in (self.iso2, self.iso3, self.cow_abbrev):
            if code:
                yield code

    def __repr__(self) -> str:
        return f"Entity({self.key!r}, {self.kind!r}, {self.label!r})"


def describe(entity: Entity) -> str:
    """``Label (KEY)`` as used in error messages.

    >>> describe(Entity(key="MNG", iri="x", kind="state", labels={"en": "Mongolia"}))
    'Mongolia (MNG)'
    """
    return f"{entity.label} ({entity.key})"


class Registry:
    """The entities, indexed for lookup by key, IRI and name."""

    def __init__(
        self,
        entities: list[Entity],
        datasets: Mapping[str, Mapping[str, str]] | None = None,
        preferred: Mapping[str, str] | None = None,
        ambiguous: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        """``datasets``: name -> {title, license, source}; ``preferred``: name -> key that wins;
        ``ambiguous``: name -> keys that the name must be reported ambiguous between."""
        self.entities = list(entities)
        self.datasets = dict(datasets or {})
        self._by_key: dict[str, Entity] = {}
        self._by_iri: dict[str, Entity] = {}
        for e in self.entities:
            if e.kind not in KINDS:
                raise DiplographError("internal", f"entity {e.key}: unknown kind {e.kind!r}")
            if e.confidence not in CONFIDENCES:
                raise DiplographError(
                    "internal", f"entity {e.key}: unknown confidence {e.confidence!r}"
                )
            if e.key.casefold() in self._by_key:
                raise DiplographError("internal", f"duplicate registry key {e.key!r}")
            self._by_key[e.key.casefold()] = e
            self._by_iri[e.iri] = e
        # name indexes: form -> tier -> entities (ordered, unique)
        self._exact: dict[str, dict[int, list[Entity]]] = {}
        self._folded: dict[str, dict[int, list[Entity]]] = {}
        # forms an entity matches only through its key or a code: "Nga" is Russia's
        # Vietnamese name and Nigeria's ISO code; written so, it means Russia
        self._code_only: set[tuple[str, str]] = set()
        for e in self.entities:
            codes = set(e.codes())
            named: set[str] = set()
            for text, tier in e.names():
                for index, form in ((self._exact, exact(text)), (self._folded, fold(text))):
                    if not form:
                        continue
                    if text not in codes:
                        named.add(form)
                    bucket = index.setdefault(form, {}).setdefault(tier, [])
                    if e not in bucket:
                        bucket.append(e)
            for code in codes:
                for form in (exact(code), fold(code)):
                    if form and form not in named:
                        self._code_only.add((form, e.key))
        #: the curated names as given (written to the graph, read back by :meth:`from_store`)
        self.preferred = dict(preferred or {})
        self.ambiguous = {k: tuple(v) for k, v in (ambiguous or {}).items()}
        self._preferred = {exact(k): self._need(v) for k, v in (preferred or {}).items()}
        self._preferred_folded = {fold(k): self._need(v) for k, v in (preferred or {}).items()}
        self._ambiguous = {
            exact(k): [self._need(x) for x in v] for k, v in (ambiguous or {}).items()
        }
        self._ambiguous_folded = {fold(k): v for k, v in self._ambiguous.items()}
        self._fuzzy_forms: list[str] | None = None

    def _need(self, key: str) -> Entity:
        e = self.get(key)
        if e is None:
            raise DiplographError("internal", f"registry key {key!r} is referenced but not defined")
        return e

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, key: str) -> Entity | None:
        """The entity with registry key ``key`` (case-insensitive), or None."""
        return self._by_key.get(key.casefold())

    def by_iri(self, iri: str) -> Entity | None:
        """The entity with IRI ``iri``, or None."""
        return self._by_iri.get(iri)

    # -- resolution ------------------------------------------------------------------------

    def _matches(self, name: str, kinds: Collection[str] | None) -> list[Entity] | None:
        """The entities of the first pass and tier matching ``name``; None if nothing does."""
        for index, pref, amb, form in (
            (self._exact, self._preferred, self._ambiguous, exact(name)),
            (self._folded, self._preferred_folded, self._ambiguous_folded, fold(name)),
        ):
            if not form:
                continue
            if form in amb:
                found = [e for e in amb[form] if kinds is None or e.kind in kinds]
                if found:
                    return found
            if form in pref and (kinds is None or pref[form].kind in kinds):
                return [pref[form]]
            tiers = index.get(form)
            if not tiers:
                continue
            # a name not written in capitals prefers an entity it names over one it codes
            as_code = name.strip() == name.strip().upper()
            coded: list[Entity] = []
            for tier in sorted(tiers):
                found = [e for e in tiers[tier] if kinds is None or e.kind in kinds]
                named = found if as_code else [
                    e for e in found if (form, e.key) not in self._code_only]
                if named:
                    return named
                coded = coded or found
            if coded:
                return coded
        return None

    def resolve(self, name: str, kinds: Collection[str] | None = None) -> Entity:
        """The one entity called ``name`` (optionally of one of ``kinds``).

        Raises :class:`DiplographError` (``bad-input``) for an unknown or ambiguous name.
        """
        found = self._matches(name, kinds)
        if found is None:
            close = [describe(e) for e, _ in self.candidates(name, kinds)[:5]]
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise DiplographError("bad-input", f"unknown name {name!r}{hint}")
        if len(found) > 1:
            raise DiplographError(
                "bad-input", f"ambiguous name {name!r}: {', '.join(describe(e) for e in found)}"
            )
        return found[0]

    def candidates(
        self, name: str, kinds: Collection[str] | None = None
    ) -> list[tuple[Entity, float]]:
        """Scored candidates for ``name``, best first (1.0 exact, 0.9 folded, < 0.85 fuzzy)."""
        scores: dict[int, tuple[Entity, float]] = {}

        def add(e: Entity, s: float) -> None:
            if kinds is not None and e.kind not in kinds:
                return
            if id(e) not in scores or scores[id(e)][1] < s:
                scores[id(e)] = (e, s)

        for index, form, base in ((self._exact, exact(name), 1.0), (self._folded, fold(name), 0.9)):
            for tier, ents in index.get(form, {}).items():
                for e in ents:
                    add(e, base - 0.02 * tier)
        form = fold(name)
        if form:
            if self._fuzzy_forms is None:
                self._fuzzy_forms = sorted(self._folded)
            for close in difflib.get_close_matches(form, self._fuzzy_forms, n=12, cutoff=0.6):
                ratio = difflib.SequenceMatcher(None, form, close).ratio()
                for tier, ents in self._folded[close].items():
                    for e in ents:
                        add(e, round(0.85 * ratio - 0.01 * tier, 4))
        return sorted(scores.values(), key=lambda es: (-es[1], es[0].key))

    # -- from the store ----------------------------------------------------------------------

    @classmethod
    def from_store(cls, store: Store) -> Registry:
        """The registry as the store holds it (the graph ``dgg:registry`` that
        :meth:`quads` wrote): what the server and the CLI read at run time, instead of the
        data sets. Curation that is not in the graph (names marked preferred or ambiguous,
        primary acronyms) is not known here: such a name resolves by its tier alone.

        >>> from pyoxigraph import Store
        >>> s = Store()
        >>> s.extend(Registry([Entity(key="MNG", iri=entity_iri("state", "MNG"), kind="state",
        ...                           labels={"en": "Mongolia", "vi": "Mông Cổ"}, iso3="MNG",
        ...                           qid="Q711", confidence="verified")]).quads())
        >>> r = Registry.from_store(s)
        >>> r.resolve("mong co").key, r.get("MNG").qid, r.get("MNG").kind
        ('MNG', 'Q711', 'state')
        """
        g = NamedNode(REGISTRY_GRAPH)
        by_subject: dict[str, list[tuple[str, NamedNode | Literal]]] = {}
        for q in store.quads_for_pattern(None, None, None, g):
            if isinstance(q.subject, NamedNode) and not isinstance(q.object, (Triple, BlankNode)):
                by_subject.setdefault(q.subject.value, []).append((q.predicate.value, q.object))
        datasets: dict[str, dict[str, str]] = {}
        dataset_prefix = dataset_iri("")
        for iri, props in by_subject.items():
            if iri.startswith(dataset_prefix):
                datasets[iri[len(dataset_prefix):]] = {
                    p[len(DCTERMS("")):]: o.value for p, o in props
                    if p in (DCTERMS("title"), DCTERMS("license"), DCTERMS("source"))}
        entities: list[Entity] = []
        successors: dict[str, str] = {}
        for iri, props in by_subject.items():
            e = _entity_from_rdf(iri, props, by_subject.get(iri + "/wikidata", []))
            if e is not None:
                entities.append(e)
                succ = next((o.value for p, o in props if p == DG("succeededBy")), None)
                if succ:
                    successors[e.key] = succ
        by_iri = {e.iri: e.key for e in entities}
        entities = [
            replace(e, succeeded_by=by_iri.get(successors[e.key])) if e.key in successors else e
            for e in entities]
        preferred: dict[str, str] = {}
        ambiguous: dict[str, list[str]] = {}
        for e in entities:
            for p, o in by_subject[e.iri]:
                if p == DG("preferredName"):
                    preferred[o.value] = e.key
                elif p == DG("ambiguousName"):
                    ambiguous.setdefault(o.value, []).append(e.key)
        return cls(entities, datasets, preferred, ambiguous)

    # -- RDF ---------------------------------------------------------------------------------

    def quads(self) -> Iterator[Quad]:
        """Every triple of ``dgg:registry``, deterministic order, IRIs only (no blank nodes)."""
        g = NamedNode(REGISTRY_GRAPH)
        a = NamedNode(RDF("type"))
        for name in sorted(self.datasets):
            meta = self.datasets[name]
            s = NamedNode(dataset_iri(name))
            yield Quad(s, a, NamedNode(DG("ReferenceDataset")), g)
            yield Quad(s, a, NamedNode(PROV("Entity")), g)
            for prop in ("title", "license", "source"):
                if meta.get(prop):
                    obj = NamedNode(meta[prop]) if prop == "source" else Literal(meta[prop])
                    yield Quad(s, NamedNode(DCTERMS(prop)), obj, g)
        for e in sorted(self.entities, key=lambda x: x.iri):
            yield from _entity_quads(e, g, self)


def _lit(text: str, lang: str | None) -> Literal:
    return Literal(text, language=lang) if lang else Literal(text)


def _entity_quads(e: Entity, g: NamedNode, reg: Registry) -> Iterator[Quad]:
    s = NamedNode(e.iri)

    def q(p: str, o: NamedNode | Literal, subj: NamedNode = s) -> Quad:
        return Quad(subj, NamedNode(p), o, g)

    classes = list(KIND_CLASSES[e.kind])
    if e.diplomatic_actor or e.kind in ("state", "historical-state"):
        classes.append("DiplomaticActor")
    for c in classes:
        yield q(RDF("type"), NamedNode(DG(c)))
    for lang in sorted(e.labels):
        yield q(RDFS("label"), _lit(e.labels[lang], lang))
        yield q(SKOS("prefLabel"), _lit(e.labels[lang], lang))
    seen = {(t, lang) for lang, t in e.labels.items()}
    for text, alias_lang in sorted(set(e.aliases), key=lambda x: (x[1] or "", x[0])):
        if (text, alias_lang) not in seen:
            yield q(SKOS("altLabel"), _lit(text, alias_lang))
    for acr in sorted(set(e.acronyms)):
        yield q(DG("acronym"), Literal(acr))
    if e.iso2:
        yield q(DG("iso3166Alpha2"), Literal(e.iso2))
    if e.iso3:
        yield q(DG("iso3166Alpha3"), Literal(e.iso3))
    if e.cow_code is not None:
        yield q(DG("cowCode"), Literal(str(e.cow_code), datatype=NamedNode(XSD("integer"))))
    if e.cow_abbrev:
        yield q(DG("cowAbbrev"), Literal(e.cow_abbrev))
    if e.un_status:
        yield q(DG("unStatus"), NamedNode(DGC("un-status/" + e.un_status)))
    for prop, year in (
        ("existedFrom", e.existed_from),
        ("existedUntil", e.existed_until or e.dissolved),
        ("foundedDate", e.founded),
    ):
        if year:
            yield q(DG(prop), Literal(year, datatype=NamedNode(XSD("gYear"))))
    if e.succeeded_by:
        succ = reg.get(e.succeeded_by)
        if succ is not None:
            yield q(DG("succeededBy"), NamedNode(succ.iri))
    if e.note:
        yield q(RDFS("comment"), Literal(e.note, language="en"))
    for name in sorted(set(e.primary_names)):
        yield q(DG("primaryName"), Literal(name))
    for sid in sorted(set(e.source_ids)):
        yield q(DG("sourceId"), Literal(sid))
    for name in sorted(n for n, key in reg.preferred.items() if key.casefold() == e.key.casefold()):
        yield q(DG("preferredName"), Literal(name))
    for name in sorted(n for n, keys in reg.ambiguous.items()
                       if e.key.casefold() in {k.casefold() for k in keys}):
        yield q(DG("ambiguousName"), Literal(name))
    for src in sorted(set(e.sources)):
        yield q(PROV("wasDerivedFrom"), NamedNode(dataset_iri(src)))
    # Wikidata link node
    link = NamedNode(e.iri + "/wikidata")
    if e.qid and e.confidence == "verified":
        yield q(SKOS("exactMatch"), NamedNode(WD(e.qid)))
    elif e.qid and e.confidence == "single-source":
        yield q(SKOS("closeMatch"), NamedNode(WD(e.qid)))
    yield q(DG("wikidataLink"), link)
    yield q(RDF("type"), NamedNode(DG("WikidataLink")), link)
    if e.qid and e.confidence in ("verified", "single-source"):
        yield q(DG("qid"), Literal(e.qid), link)
        yield q(DG("target"), NamedNode(WD(e.qid)), link)
    yield q(DG("confidence"), NamedNode(DGC("confidence/" + e.confidence)), link)
    yield q(DG("evidence"), Literal(e.evidence or "no data set gives a QID"), link)
    for src in sorted(set(e.sources)):
        yield q(PROV("wasDerivedFrom"), NamedNode(dataset_iri(src)), link)


_KIND_OF_CLASS = {DG(c[-1]): k for k, c in KIND_CLASSES.items()}
STATE_LIKE = ("state", "historical-state")


def _entity_from_rdf(iri: str, props: list[tuple[str, NamedNode | Literal]],
                     link: list[tuple[str, NamedNode | Literal]]) -> Entity | None:
    """The registry entity the triples ``props`` (and those of its Wikidata link node) of
    ``iri`` describe, or None when ``iri`` is not an entity of a known kind."""
    types = {o.value for p, o in props if p == RDF("type")}
    kind = next((k for c, k in _KIND_OF_CLASS.items() if c in types and
                 not (k == "state" and DG("HistoricalState") in types)), None)
    if kind is None or not iri.startswith(ID(KIND_PATHS[kind] + "/")):
        return None

    def one(p: str) -> str | None:
        return next((o.value for q, o in props if q == p), None)

    def lang(o: NamedNode | Literal) -> str | None:
        return o.language if isinstance(o, Literal) else None

    labels = {lang(o) or "": o.value for p, o in props if p == RDFS("label")}
    un_status = one(DG("unStatus"))
    cow = one(DG("cowCode"))
    confidence = next((o.value for p, o in link if p == DG("confidence")), DGC("confidence/"))
    return Entity(
        key=iri[len(ID(KIND_PATHS[kind] + "/")):], iri=iri, kind=kind, labels=labels,
        aliases=tuple((o.value, lang(o)) for p, o in props if p == SKOS("altLabel")),
        acronyms=tuple(o.value for p, o in props if p == DG("acronym")),
        iso2=one(DG("iso3166Alpha2")), iso3=one(DG("iso3166Alpha3")),
        cow_code=int(cow) if cow else None, cow_abbrev=one(DG("cowAbbrev")),
        qid=next((o.value for p, o in link if p == DG("qid")), None),
        confidence=confidence.rsplit("/", 1)[-1] or "unverified",
        evidence=next((o.value for p, o in link if p == DG("evidence")), ""),
        un_status=un_status.rsplit("/", 1)[-1] if un_status else None,
        existed_from=one(DG("existedFrom")),
        # the graph writes one end year: a state's existence, or an organisation's dissolution
        existed_until=one(DG("existedUntil")) if kind in STATE_LIKE else None,
        dissolved=None if kind in STATE_LIKE else one(DG("existedUntil")),
        founded=one(DG("foundedDate")),
        primary_names=tuple(o.value for p, o in props if p == DG("primaryName")),
        source_ids=tuple(o.value for p, o in props if p == DG("sourceId")),
        sources=tuple(o.value[len(dataset_iri("")):] for p, o in props
                      if p == PROV("wasDerivedFrom")),
        diplomatic_actor=DG("DiplomaticActor") in types and kind not in ("state",
                                                                          "historical-state"),
        note=one(RDFS("comment")),
    )
