"""A name with a qualifier: in brackets, inverted after a comma, or a capital after a hyphen.

Reads ``WTO (tourism)``, ``Yemen (Aden)``, ``Liên minh châu Phi (AU)`` (an acronym in brackets
the body must hold, round 16), ``Korea, South`` and ``Guinea-Conakry`` (round 13: the capital
chooses the state).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..glossary import content_words
from ..normalise import folded_form, split_qualifier, tokens, uninvert
from ..succession import STATE_KINDS
from .answers import _rescore, _single
from .text import _ACRONYM, _DIRECTIONS, _SEAT_GENERIC, _holds_code, _join, _unique

#: round 24: the generic heads of a body's name, no evidence that two names are one body's
_GENERIC_HEADS = _SEAT_GENERIC | {
    "commission", "committee", "council", "board", "bank", "fund", "institute", "union",
    "association", "office", "centre", "center", "programme", "program", "network",
    "conference", "community", "forum", "secretariat", "authority", "foundation", "the", "of",
    "and", "for", "in", "on"}


def _words_of(e: Entity) -> set[str]:
    words: set[str] = set()
    for t in [*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms, e.key]:
        words |= tokens(t)
    return words


class Qualifiers:
    """Readings of a name with a qualifier around it."""

    def _qualified(
        self,
        query: str,
        head: str,
        qual: str,
        kinds: frozenset[str] | None,
        lang: str | None,
    ) -> MatchResult | None:
        if folded_form(qual) in _DIRECTIONS:
            # round 15: a direction in brackets is the direction of the name ("Vietnam
            # (South)" = "South Vietnam", the Republic of Vietnam; "Yemen (North)" = "North
            # Yemen"), never the state the head names alone
            for other in (f"{qual} {head}", f"{head} {qual}"):
                r1 = self._match(other, kinds, lang)
                if r1 is not None and (r1.best is not None or r1.ambiguous):
                    cands = [Candidate(c.entity, min(c.score, 90.0), c.match,
                                       "qualified" if c.match else c.method,
                                       _join(f"read as {other!r}", c.evidence))
                             for c in r1.candidates]
                    return MatchResult(query, cands, r1.ambiguous, r1.note)
        self._with_years += 1
        try:
            r = self._match(head, kinds, lang)
        finally:
            self._with_years -= 1
        if r is None:
            return None
        want = tokens(qual)
        cands = list(r.candidates)
        by_capital = self._by_capital(query, head, qual, r, kinds)
        if by_capital is not None:
            return by_capital
        by_period = self._by_period(query, head, qual, kinds)
        if by_period is not None:
            return by_period
        if not r.ambiguous:
            if r.best is not None and want & _words_of(r.best.entity):
                return _rescore(r, query, -10.0, "qualified")
            # a Factbook-style split of the acronym (WTrO/WToO for WTO, ICCt for ICC): the
            # qualifier chooses among the entities whose acronym has these capitals
            split = [h.entity for h in self._split_codes.get(head, ()) if h.text != head]
            extra = [Candidate(e, 80.0, False, "acronym") for e in _unique(split)]
            if not extra:
                return _rescore(r, query, -10.0, "qualified")
            cands += [c for c in extra if all(c.entity is not x.entity for x in cands)]
        scored = []
        for c in cands:
            e = c.entity
            words: set[str] = set()
            for t in [*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms, e.key]:
                words |= tokens(t)
            scored.append((len(want & words), c))
        scored.sort(key=lambda x: -x[0])
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            e = scored[0][1].entity
            return _single(
                query, e, 90.0, "qualified", self._note(e),
                f"{head!r} narrowed by the qualifier {qual!r}",
            )
        if not r.ambiguous:
            return _rescore(r, query, -10.0, "qualified")
        return MatchResult(query, r.candidates, True, r.note)

    def _with_acronym(
        self, query: str, head: str, code: str, kind: str | Collection[str] | None,
        lang: str | None, limit: int,
    ) -> MatchResult | None:
        """Round 16: a name with an acronym in brackets ("Liên minh châu Phi (AU)"): the
        name without it, when the body it is read as holds that acronym; when the body holds
        another acronym, no match (the name's two parts name different bodies). None when the
        name without the acronym is not read (the other readings follow)."""
        r = self.match(head, kind=kind, lang=lang, limit=limit)
        if r.best is None and r.ambiguous:
            # round 42: an ambiguous name whose candidates the acronym parts ("Cộng đồng Kinh
            # tế Tây Phi (CEAO)": the CEAO, not ECOWAS): the one candidate holding it
            holders = [c for c in r.candidates if _holds_code(c.entity, code)]
            if len(holders) == 1:
                e = holders[0].entity
                return _single(query, e, 88.0, "qualified-acronym", self._note(e),
                               _join(f"the acronym in brackets {code!r} is one of its "
                                     f"acronyms or names; {head!r} alone is ambiguous",
                                     holders[0].evidence))
        if r.best is None:
            return None if r.ambiguous else self._acronym_decides(query, head, code, kind)
        e = r.best.entity
        if _holds_code(e, code):
            return _single(query, e, min(r.best.score, 95.0), "qualified-acronym",
                           self._note(e),
                           _join(f"the acronym in brackets {code!r} is one of its acronyms "
                                 "or names",
                                 r.best.evidence))
        if e.kind not in KIND_GROUPS["organisation"] or not e.acronyms:
            return None
        return MatchResult(
            query, [Candidate(e, 60.0, False, r.best.method, r.best.evidence)], False,
            f"no match: {head!r} reads as {describe(e)}, which does not hold the acronym in "
            f"brackets {code!r}")

    def _acronym_decides(
        self, query: str, head: str, code: str, kind: str | Collection[str] | None,
    ) -> MatchResult | None:
        """Round 24: a name read as nothing with an acronym in brackets that one body holds
        ("Sáng kiến Trung Âu (CEI)", "Ủy ban Helsinki (HELCOM)"): that body, when the name
        shares a word with one of the body's names beyond the generic heads (the name read
        word by word through the glossary, a word it does not list kept as written: "Trung
        Âu", central; "Helsinki"). The acronym is the name's own evidence, the shared word
        says the two parts name one body. None otherwise."""
        a = self.match(code, kind=kind)
        if a.ambiguous or a.best is None or not a.best.match:
            return None
        e = a.best.entity
        if e.kind not in KIND_GROUPS["organisation"] or not _holds_code(e, code):
            return None
        mine = self._word_stems(self._head_words(head))
        theirs = self._word_stems(
            {w for n, _ in e.names() for w in content_words(n)})
        shared = sorted(mine & theirs)
        if not shared:
            return None
        return _single(query, e, 88.0, "acronym-decides", self._note(e),
                       _join(f"{head!r} is read as no entity; the acronym in brackets {code!r} "
                             f"is {describe(e)}'s, and the name shares the word(s) "
                             f"{', '.join(shared)} with its names", a.best.evidence))

    @staticmethod
    def _word_stems(words: Collection[str]) -> set[str]:
        """Round 24: the first five letters of each word that is no generic head."""
        return {folded_form(w)[:5] for w in words
                if len(w) > 2 and folded_form(w) not in _GENERIC_HEADS}

    def _head_words(self, head: str) -> set[str]:
        """Round 24: the English words of a name: its English content words and, read
        through the glossary's longest phrases, its Vietnamese words (a word no phrase lists
        kept as written)."""
        g = self._calques.glossary
        words = [folded_form(w) for w in re.findall(r"\w+", head)]
        out = set(content_words(head))
        longest = max((len(k) for k in g.phrases), default=1)
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                seg = tuple(words[i : i + n])
                if seg in g.phrases:
                    for option in g.phrases[seg]:
                        out |= option
                    i += n
                    break
            else:
                if words[i] not in g.stop_vi:
                    out.add(words[i])
                i += 1
        return out

    def _by_capital(
        self, query: str, head: str, qual: str, r: MatchResult, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 11: a state named with its capital in brackets ("Yemen (Aden)", "Yemen
        (Sanaa)"): of the states of that name, the one whose COW capital it is; when several
        had it (Sanaa: North Yemen's, then united Yemen's), the one that shared the name with a
        state of another capital at the same time (the brackets are there to tell the two
        apart). None when the qualifier is no COW capital or chooses nothing new."""
        codes = self._cow_capitals.codes(qual)
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not codes or not state_kinds:
            return None
        named = self._named(head, state_kinds)
        pool = [e for e in named if e.cow_code in codes]
        if len(pool) > 1:
            years = self._cow_capitals.years
            rivals = [e for e in named if e.cow_code is not None and e.cow_code not in codes
                      and e.cow_code in years]

            def overlaps(e: Entity) -> bool:
                a = years.get(e.cow_code) if e.cow_code is not None else None
                return a is not None and any(
                    a[0] < years[x.cow_code][1] and years[x.cow_code][0] < a[1]  # type: ignore[index]
                    for x in rivals)

            pool = [e for e in pool if overlaps(e)]
        if len(pool) != 1 or (r.best is not None and pool[0] is r.best.entity):
            return None
        e = pool[0]
        ev = (f"{head!r} narrowed by the capital {qual!r}: COW names it the capital of "
              f"{e.label} (COW {e.cow_code})")
        return _single(query, e, 90.0, "qualified", self._note(e), ev)

    def _acronym_in_brackets(
        self, query: str, text: str, kind: str | Collection[str] | None, lang: str | None,
        limit: int,
    ) -> MatchResult | None:
        """Round 16: an acronym in brackets after a name ("Liên minh châu Phi (AU)") is the
        name's own evidence: the body the name is read as must hold it (:meth:`_with_acronym`)."""
        qual = split_qualifier(text)
        if qual is None or not _ACRONYM.fullmatch(qual[1]):
            return None
        return self._with_acronym(query, qual[0], qual[1], kind, lang, limit)

    def _bracketed(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """A name with a qualifier in brackets or after a comma (:meth:`_qualified`)."""
        qual = split_qualifier(text)
        if qual is None:
            return None
        return self._qualified(query, qual[0], qual[1], kinds, lang)

    def _inverted(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """A name written inverted ("Korea, South"), read in the usual order and scored 10
        lower."""
        inv = uninvert(text)
        if inv is None:
            return None
        r = self._match(inv, kinds, lang)
        return None if r is None else _rescore(r, query, -10.0, "inverted")

    def _capital_after_hyphen(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """Round 13: a state named with its capital after a hyphen ("Guinea-Conakry", as
        "Congo-Brazzaville" is written): read as "Guinea (Conakry)", and only when the
        capital chooses the state (:meth:`_by_capital`)."""
        hy = re.fullmatch(r"(\w[\w ]*\w)-(\w[\w ]*\w)", text)
        if hy is None:
            return None
        r = self._match(hy.group(1), kinds, lang)
        if r is None:
            return None
        return self._by_capital(query, hy.group(1), hy.group(2), r, kinds)
