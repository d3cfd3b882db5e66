"""Reconcile a free-text name (English or Vietnamese) to a registry entity and its Wikidata QID.

The matcher reads the registry (:func:`diplograph.loaders.registry.load_registry`) and the
project's extra names in ``linking/aliases.yaml``. It tries, in order, and stops at the first
pass that finds something:

1. the ambiguous list (``Congo``, ``Guinea``, ``Korea``, ``Sudan``, ``WTO``...): never a match;
2. the preferred list (``NAM`` -> Non-Aligned Movement, ``ICC`` -> the Criminal Court...);
3. codes, case-sensitively: ISO 3166 alpha-2/alpha-3, registry keys, acronyms (CIA World Factbook
   forms such as ``ICCt``, ``WToO``, ``WTrO``, ``AsDB``), COW abbreviations;
4. labels and aliases, case-folded; then with diacritics, punctuation and spaces folded
   (``Viet Nam Dan Chu Cong Hoa`` = ``Việt Nam Dân chủ Cộng hòa``);
5. codes case-insensitively (``mng``, ``g77``);
6. rewritings: ``Korea, South`` -> ``South Korea``; ``WTO (tourism)`` -> ``WTO`` narrowed by the
   qualifier;
7. a fuzzy pass (character trigrams, then :class:`difflib.SequenceMatcher`) for typos: scored
   lower, and a match only when the best candidate is well ahead of the next one.

A candidate is a ``match`` only when the pass found exactly one entity (after the ``kind`` and
``lang`` hints). Scores are 0..100: 100 a label or code, 98 an alias, 96/94 folded, 92 a code in
another case, 90 a rewriting, below 88 fuzzy.

>>> from diplograph.loaders.registry import load_registry
>>> m = Matcher(load_registry())
>>> r = m.match("Liên Xô")
>>> r.best.entity.key, r.best.qid, r.best.method
('SUN', 'Q15180', 'label')
>>> m.match("WTO").note
'ambiguous: World Trade Organization (WTrO, Q7825), World Tourism Organization (WToO, Q61923)'
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..graph.errors import DiplographError
from ..graph.registry import Entity, Registry
from .normalise import (
    exact_form,
    folded_form,
    looks_like_code,
    split_qualifier,
    tokens,
    trigrams,
    uninvert,
)

#: ``kind`` hints accepted by :meth:`Matcher.match` and the registry kinds they stand for.
KIND_GROUPS: dict[str, frozenset[str]] = {
    "state": frozenset({"state", "historical-state"}),
    "organisation": frozenset({"organisation", "forum", "ngo"}),
    "organization": frozenset({"organisation", "forum", "ngo"}),
    "historical-state": frozenset({"historical-state"}),
    "forum": frozenset({"forum"}),
    "ngo": frozenset({"ngo"}),
    "person": frozenset({"person"}),
    "place": frozenset({"place"}),
    "event-series": frozenset({"event-series"}),
}

#: confidences whose QID may be shown
USABLE_CONFIDENCE = ("verified", "single-source")

ALIASES_FILE = Path(__file__).with_name("aliases.yaml")

# fuzzy thresholds: a fuzzy candidate is a match when its ratio is at least FUZZY_MATCH and at
# least FUZZY_GAP above the next distinct entity's
FUZZY_CUTOFF = 0.72
FUZZY_MATCH = 0.85
FUZZY_GAP = 0.08
FUZZY_MIN_LEN = 5


@dataclass(frozen=True)
class Candidate:
    """One entity proposed for a name."""

    entity: Entity
    score: float
    match: bool
    method: str

    @property
    def qid(self) -> str | None:
        """The entity's QID when it is verified or single-source, else None."""
        e = self.entity
        return e.qid if e.qid and e.confidence in USABLE_CONFIDENCE else None

    @property
    def label(self) -> str:
        """The English label."""
        return self.entity.label


@dataclass(frozen=True)
class MatchResult:
    """The candidates for one name, best first."""

    query: str
    candidates: list[Candidate] = field(default_factory=list)
    ambiguous: bool = False
    note: str = ""

    @property
    def best(self) -> Candidate | None:
        """The matched candidate (``match`` true), or None."""
        return self.candidates[0] if self.candidates and self.candidates[0].match else None


@dataclass(frozen=True)
class _Name:
    entity: Entity
    text: str
    lang: str | None
    method: str
    rank: int  # 0 best


def describe(entity: Entity) -> str:
    """``Label (KEY, Q123)`` or ``Label (KEY, no QID)`` as used in notes.

    >>> describe(Entity(key="MNG", iri="x", kind="state", labels={"en": "Mongolia"}, qid="Q711",
    ...                 confidence="verified"))
    'Mongolia (MNG, Q711)'
    """
    qid = entity.qid if entity.qid and entity.confidence in USABLE_CONFIDENCE else None
    return f"{entity.label} ({entity.key}, {qid or 'no QID'})"


def load_extra(path: Path | None = None) -> dict:
    """The parsed ``aliases.yaml`` (extra names, ambiguous and preferred lists)."""
    p = path or ALIASES_FILE
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise DiplographError("internal", f"cannot read the linking aliases file {p}: {e}") from e
    return data


class Matcher:
    """Name -> registry entity matcher (no I/O after construction, thread-safe for reading)."""

    def __init__(self, registry: Registry, extra: Mapping | None = None) -> None:
        self.registry = registry
        extra = load_extra() if extra is None else extra
        self._codes: dict[str, list[_Name]] = defaultdict(list)  # case-sensitive
        self._codes_ci: dict[str, list[_Name]] = defaultdict(list)  # folded
        self._exact: dict[str, list[_Name]] = defaultdict(list)
        self._folded: dict[str, list[_Name]] = defaultdict(list)
        for e in registry.entities:
            for n in self._names_of(e):
                self._add(n)
        for key, names in (extra.get("aliases") or {}).items():
            e = self._need(key)
            for text, lang in names:
                self._add(_Name(e, str(text), lang, "alias", 0))
        # ambiguous and preferred lists: the registry's (if it exposes them), then ours
        self._ambiguous: dict[str, list[Entity]] = {}
        for name, ents in (getattr(registry, "_ambiguous", None) or {}).items():
            self._ambiguous[folded_form(name)] = list(ents)
        for name, keys in (extra.get("ambiguous") or {}).items():
            self._ambiguous[folded_form(name)] = [self._need(k) for k in keys]
        self._preferred: dict[str, Entity] = {}
        for name, ent in (getattr(registry, "_preferred", None) or {}).items():
            self._preferred[name] = ent
        for name, key in (extra.get("preferred") or {}).items():
            self._preferred[exact_form(name)] = self._need(key)
        for form in list(self._preferred):
            if folded_form(form) in self._ambiguous:
                del self._preferred[form]
        self._historical_notes: dict[str, str] = dict(extra.get("notes") or {})
        # fuzzy index over folded names
        self._forms = sorted(f for f in self._folded if len(f) >= 4)
        self._grams: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(self._forms):
            for g in trigrams(f):
                self._grams[g].append(i)

    # -- index -------------------------------------------------------------------------------

    def _need(self, key: str) -> Entity:
        e = self.registry.get(key)
        if e is None:
            raise DiplographError(
                "internal", f"linking/aliases.yaml names an unknown registry key {key!r}"
            )
        return e

    @staticmethod
    def _names_of(e: Entity) -> Iterable[_Name]:
        if looks_like_code(e.key):
            yield _Name(e, e.key, None, "key", 0)
        else:
            yield _Name(e, e.key, None, "key", 1)
        for code in (e.iso2, e.iso3):
            if code:
                yield _Name(e, code, None, "iso-code", 0)
        for lang, text in e.labels.items():
            yield _Name(e, text, lang, "label", 0)
        for text in e.primary_names:
            yield _Name(e, text, None, "acronym" if looks_like_code(text) else "label", 0)
        for text in e.acronyms:
            yield _Name(e, text, None, "acronym", 1)
        for text, lang in e.aliases:
            yield _Name(e, text, lang, "alias", 1)
        if e.cow_abbrev:
            yield _Name(e, e.cow_abbrev, None, "cow-code", 2)

    def _add(self, n: _Name) -> None:
        code = n.method in ("iso-code", "acronym", "cow-code") or (
            n.method == "key" and looks_like_code(n.text)
        )
        if code:
            self._codes[n.text.strip()].append(n)
            f = folded_form(n.text)
            if f:
                self._codes_ci[f].append(n)
            return
        ex, fo = exact_form(n.text), folded_form(n.text)
        if ex:
            self._exact[ex].append(n)
        if fo:
            self._folded[fo].append(n)

    # -- matching ----------------------------------------------------------------------------

    def match(
        self,
        name: str,
        *,
        kind: str | Collection[str] | None = None,
        lang: str | None = None,
        limit: int = 5,
    ) -> MatchResult:
        """Candidates for ``name``; ``kind`` ('state' | 'organisation' or a registry kind) and
        ``lang`` ('en' | 'vi') are hints that narrow ties. ``limit`` caps the candidates."""
        kinds = _kinds(kind)
        query = name if isinstance(name, str) else str(name)
        text = query.strip()
        if not text:
            return MatchResult(query, [], False, "empty name")
        result = self._match(text, kinds, lang)
        if result is None:
            qual = split_qualifier(text)
            inv = uninvert(text)
            if qual is not None:
                result = self._qualified(query, qual[0], qual[1], kinds, lang)
            if result is None and inv is not None:
                r = self._match(inv, kinds, lang)
                if r is not None:
                    result = _rescore(r, query, -10.0, "inverted")
        if result is None:
            result = self._fuzzy(query, text, kinds)
        return MatchResult(
            result.query, result.candidates[: max(1, limit)], result.ambiguous, result.note
        )

    def _match(
        self, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        ex, fo = exact_form(text), folded_form(text)
        if not fo:
            return MatchResult(text, [], False, "no letters or digits in the name")
        amb = self._ambiguous.get(fo)
        if amb:
            members = [e for e in amb if kinds is None or e.kind in kinds]
            if len(members) == 1:
                return _single(
                    text, members[0], 97.0, "ambiguous-narrowed-by-kind", self._note(members[0])
                )
            if members:
                return _ambiguous(text, members, 90.0)
        pref = self._preferred.get(ex)
        if pref is not None and (kinds is None or pref.kind in kinds):
            return _single(text, pref, 99.0, "preferred", self._note(pref))
        for index, form, base, folded in (
            (self._codes, text, 100.0, False),
            (self._exact, ex, 100.0, False),
            (self._folded, fo, 96.0, True),
            (self._codes_ci, fo, 92.0, True),
        ):
            hits = index.get(form)
            if not hits:
                continue
            r = self._decide(text, hits, kinds, lang, base, folded)
            if r is not None:
                return r
        return None

    def _decide(
        self,
        text: str,
        hits: list[_Name],
        kinds: frozenset[str] | None,
        lang: str | None,
        base: float,
        folded: bool,
    ) -> MatchResult | None:
        hits = [h for h in hits if kinds is None or h.entity.kind in kinds]
        if not hits:
            return None
        best_rank = min(h.rank for h in hits)
        top = [h for h in hits if h.rank == best_rank]
        ents = _unique(h.entity for h in top)
        if len(ents) > 1 and lang:
            in_lang = _unique(h.entity for h in top if h.lang == lang)
            if len(in_lang) == 1:
                ents = in_lang
        if len(ents) > 1 and kinds is None:
            # a current state beats a historical one and an organisation beats a forum only
            # when the tie is between different kinds (ISO "NAM" vs the movement is in the
            # preferred list; nothing is guessed here)
            pass
        if len(ents) > 1:
            return _ambiguous(text, ents, base - 10 - 2 * best_rank)
        e = ents[0]
        method = next(h.method for h in top if h.entity is e)
        if folded:
            method += "-folded" if not method.endswith("-folded") else ""
        score = base - 2 * best_rank
        others = _unique(h.entity for h in hits if h.entity is not e)
        cands = [Candidate(e, score, True, method)]
        cands += [Candidate(o, max(0.0, score - 20), False, method) for o in others]
        return MatchResult(text, cands, False, self._note(e))

    def _qualified(
        self,
        query: str,
        head: str,
        qual: str,
        kinds: frozenset[str] | None,
        lang: str | None,
    ) -> MatchResult | None:
        r = self._match(head, kinds, lang)
        if r is None:
            return None
        if not r.ambiguous:
            return _rescore(r, query, -10.0, "qualified")
        want = tokens(qual)
        scored = []
        for c in r.candidates:
            e = c.entity
            words: set[str] = set()
            for t in [*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms, e.key]:
                words |= tokens(t)
            scored.append((len(want & words), c))
        scored.sort(key=lambda x: -x[0])
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            e = scored[0][1].entity
            return _single(query, e, 90.0, "qualified", self._note(e))
        return MatchResult(query, r.candidates, True, r.note)

    def _fuzzy(self, query: str, text: str, kinds: frozenset[str] | None) -> MatchResult:
        fo = folded_form(text)
        if len(fo) < 4:
            return MatchResult(query, [], False, "no match")
        counts: dict[int, int] = defaultdict(int)
        for g in trigrams(fo):
            for i in self._grams.get(g, ()):
                counts[i] += 1
        if not counts:
            return MatchResult(query, [], False, "no match")
        n_q = len(fo) + 2
        shortlist = sorted(counts, key=lambda i: -2 * counts[i] / (n_q + len(self._forms[i]) + 2))[
            :40
        ]
        best: dict[int, tuple[float, Entity, str]] = {}
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(fo)
        for i in shortlist:
            form = self._forms[i]
            sm.set_seq1(form)
            if sm.real_quick_ratio() < FUZZY_CUTOFF or sm.quick_ratio() < FUZZY_CUTOFF:
                continue
            ratio = sm.ratio()
            if ratio < FUZZY_CUTOFF:
                continue
            for h in self._folded[form]:
                e = h.entity
                if kinds is not None and e.kind not in kinds:
                    continue
                r = ratio - 0.01 * h.rank
                if id(e) not in best or best[id(e)][0] < r:
                    best[id(e)] = (r, e, h.text)
        if not best:
            return MatchResult(query, [], False, "no match")
        ranked = sorted(best.values(), key=lambda x: (-x[0], x[1].key))
        top_ratio, top_e, top_text = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        is_match = (
            len(fo) >= FUZZY_MIN_LEN
            and top_ratio >= FUZZY_MATCH
            and top_ratio - second >= FUZZY_GAP
        )
        cands = [
            Candidate(e, round(88.0 * r, 1), is_match and e is top_e, "fuzzy")
            for r, e, _t in ranked
        ]
        if is_match:
            note = f"fuzzy: read as {top_text!r}"
            extra = self._note(top_e)
            note = f"{note}; {extra}" if extra else note
        else:
            note = "no confident match; closest: " + ", ".join(
                describe(c.entity) for c in cands[:3]
            )
        return MatchResult(query, cands, False, note)

    def _note(self, e: Entity) -> str:
        if e.key in self._historical_notes:
            return self._historical_notes[e.key]
        if e.kind == "historical-state":
            span = "–".join(x for x in (e.existed_from, e.existed_until) if x)
            succ = self.registry.get(e.succeeded_by) if e.succeeded_by else None
            tail = f", succeeded by {succ.label} ({succ.key})" if succ else ""
            return f"historical state{f' ({span})' if span else ''}{tail}"
        return ""


def _kinds(kind: str | Collection[str] | None) -> frozenset[str] | None:
    if kind is None or kind == "":
        return None
    items = [kind] if isinstance(kind, str) else list(kind)
    out: set[str] = set()
    for k in items:
        k = k.strip().lower()
        if k not in KIND_GROUPS:
            raise DiplographError(
                "bad-input", f"unknown type {k!r}: use one of {', '.join(sorted(KIND_GROUPS))}"
            )
        out |= KIND_GROUPS[k]
    return frozenset(out)


def _unique(ents: Iterable[Entity]) -> list[Entity]:
    seen: dict[int, Entity] = {}
    for e in ents:
        seen.setdefault(id(e), e)
    return list(seen.values())


def _single(query: str, e: Entity, score: float, method: str, note: str = "") -> MatchResult:
    return MatchResult(query, [Candidate(e, score, True, method)], False, note)


def _ambiguous(query: str, ents: list[Entity], score: float) -> MatchResult:
    cands = [Candidate(e, score - 0.5 * i, False, "ambiguous") for i, e in enumerate(ents)]
    return MatchResult(query, cands, True, "ambiguous: " + ", ".join(describe(e) for e in ents))


def _rescore(r: MatchResult, query: str, delta: float, method: str) -> MatchResult:
    cands = [
        Candidate(c.entity, max(0.0, min(90.0, c.score + delta)), c.match, method)
        for c in r.candidates
    ]
    return MatchResult(query, cands, r.ambiguous, r.note)
