"""Regimes and former states: a long form that names an earlier regime of a state.

Reads ``Democratic Yemen`` (a regime word, round 11), ``Socialist Yugoslavia`` (a federal unit,
round 21), a republic's long form before a historical state's name (round 17), ``Empire of
Austria`` (a monarchy's or empire's long form) and ``former Soviet Union``, ``Nam Tư cũ``.
"""

from __future__ import annotations

import re

from ...graph.registry import Entity
from ..candidates import Candidate, MatchResult, describe
from ..normalise import folded_form
from ..succession import STATE_KINDS, span_of
from .answers import _single
from .text import _VI_UPPER, _join, _name_words, _plain_reading, _spans

_FORMER = re.compile(r"(?i)(?:(?:the\s+)?former\s+|ex-\s*)(?P<en>.+)|(?P<vi>.+?)\s+c[uũ]")


#: round 21: a socialist regime's long-form words (folded), and the year the socialist
#: federations began to end (the registry's Soviet Union ends in 1991, its Yugoslavia in 1992;
#: ISO 3166-3 withdrew CSK in 1993): a state the COW list holds only from then was no
#: sovereign socialist republic (``Matcher._federal_unit``)
_SOCIALIST_WORDS = ("socialist", "soviet", "people's", "peoples", "xa hoi chu nghia", "nhan dan",
                    "xo viet")


_FEDERATIONS_ENDED = 1991

#: round 31: "social" in a long form, not "socialist" (folded words: "xa hoi" not before
#: "chu nghia"; "social")
_SOCIAL_FORM = re.compile(r"(?:^| )(?:xa hoi(?! chu nghia)|social)(?: |$)")


#: round 28 (the lead's convention D): an ordinal before a republic's name ("the Second Polish
#: Republic", "the Fourth French Republic", "Đệ tứ Cộng hòa Pháp")
_ORDINAL_REPUBLIC = re.compile(
    r"(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+"
    r"(?P<rest>(?:[\w'’-]+\s+)?republic(?:\s+of\s+\S.*)?)"
    r"|(?:nền\s+)?(?P<vi_ord>đệ\s+(?:nhất|nhị|tam|tứ|ngũ|lục))\s+(?P<vi_rest>cộng\s+hòa\s+\S.*)"
    # round 29: the ordinal after the name ("the French Fourth Republic"; in Vietnamese with
    # "thứ": "Cộng hòa Pháp thứ tư", "Cộng hòa Áo thứ nhất")
    r"|(?:the\s+)?(?P<adj>[\w'’-]+)\s+(?P<ord_in>first|second|third|fourth|fifth|sixth)\s+"
    r"republic"
    r"|(?:nền\s+)?(?P<vi_rest_first>cộng\s+hòa\s+\S.*?)\s+"
    r"(?P<vi_ord_after>thứ\s+(?:nhất|hai|ba|tư|năm|sáu))",
    re.IGNORECASE)


#: round 28: an ordinal republic is today's state only when the COW list counts the state
#: from before this year: a younger state's numbered republics fall before its COW years (the
#: Second Philippine Republic of 1943, the First Republic of Armenia of 1918) and are no match
_ORDINAL_REPUBLIC_BEFORE = 1945

#: round 28: the year the numbered republics after the First World War began (Poland,
#: Austria, Germany's Weimar Republic): a historical record of the state's name that held it
#: may be the period's record (``Matcher._ordinal_republic``)
_NUMBERED_REPUBLICS_FROM = 1919


#: round 29: a federation named after a state, a year after it or not ("the Mali Federation",
#: "Federation of Mali", "Liên bang Mali năm 1960"; ``Regimes._federation``)
_YEAR_AFTER = r"(?:\s*,?\s+(?:in|of|năm)\s+\d{4}|\s+\(\d{4}\)|\s+\d{4})?"
_FEDERATION = re.compile(
    r"(?:the\s+)?(?P<en_after>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+Federation" + _YEAR_AFTER
    + r"|(?:the\s+)?Federation\s+of\s+(?:the\s+)?(?P<en_before>[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?)" + _YEAR_AFTER
    + r"|(?:nhà\s+nước\s+)?[Ll]iên\s+bang\s+(?P<vi>" + _VI_UPPER + r"[^\s\d]*"
    r"(?:\s+" + _VI_UPPER + r"[^\s\d]*)?)" + _YEAR_AFTER)
#: the folded words that make a state's name a federation's or a union's (English, Vietnamese
#: and the states' own languages: "Bundesrepublik", "Confédération suisse", "Persekutuan"; the
#: Vietnamese "Liên bang" renders "Union" too: "Liên bang Miến Điện", the Union of Burma)
_FEDERAL_NAME = re.compile(r"feder|lien\s*bang|bundes|confedera|eidgenoss|savez|persekutuan"
                           r"|union|lien\s*hiep")


class Regimes:
    """Readings of a state's earlier regimes."""

    def _regime(
        self, query: str, best: Candidate, form_words: list[str], form: str, rest: str,
        state_kinds: frozenset[str],
    ) -> MatchResult | None:
        """Round 11: a regime's word before a name several states held ("Democratic Yemen",
        "Democratic Germany") that no name of the state the name matches has: the one other
        state of that name whose names have it (the People's Democratic Republic of Yemen, not
        today's Yemen). None when the state's own names have the words."""
        want = {w for w in form_words if w not in ("of", "the")}
        covered = _spans(form_words, self._regime_forms)
        if not best.match or not want or any(
                w not in ("of", "the") and i not in covered for i, w in enumerate(form_words)):
            return None

        if any(want <= set(ws) for ws in _name_words(best.entity)):
            return None
        if best.entity.iso3 in self._federal_states and _FEDERAL_NAME.search(
                " ".join(folded_form(w) for w in form_words)):
            # round 30: a federation's words before a state whose constitution names it a
            # federation (``federal_states`` of forms.yaml: "Liên bang Mỹ", the United
            # States) say what the state is, no other state's regime
            return None
        fit = [e for e in self._named(rest, state_kinds)
               if e is not best.entity and any(want <= set(ws) for ws in _name_words(e))]
        if not fit:
            return self._federal_unit(query, best.entity, form_words, form, rest)
        if len(fit) != 1:
            return None
        e = fit[0]
        ev = (f"the words {form!r} before {rest!r} are in no name of {describe(best.entity)}; "
              f"of the states named {rest!r}, only {e.label}'s names have them")
        return _single(query, e, 90.0, "official-form", self._note(e), ev)

    def _social_republic(
        self, query: str, e: Entity, form_words: list[str], form: str, rest: str
    ) -> MatchResult | None:
        """Round 31: "Social" ("Xã hội" without "chủ nghĩa", socialist) in a long form that no
        name of the state has ("Cộng hòa Xã hội Ý", the Italian Social Republic of 1943–1945,
        a government under a foreign occupation: convention G): a regime the registry holds
        no record of, no match, the state the closest. None otherwise."""
        joined = " ".join(form_words)
        if not _SOCIAL_FORM.search(joined) or any(
                _SOCIAL_FORM.search(" ".join(ws)) for ws in _name_words(e)):
            return None
        return MatchResult(
            query, [Candidate(e, 55.0, False, "official-form")], False,
            f"no match: {form!r} before {rest!r} is a social republic's long form that no "
            f"name of {describe(e)} has: a regime the registry holds no record of")

    def _federal_unit(
        self, query: str, e: Entity, form_words: list[str], form: str, rest: str
    ) -> MatchResult | None:
        """Round 21: a socialist regime's words ("Socialist", "People's", "Soviet", "Xã hội
        chủ nghĩa", "Nhân dân", "Xô viết") that no name of the state has, before the name of
        a state that entered the COW state list in or after :data:`_FEDERATIONS_ENDED` (the
        year the Soviet Union ended, the Yugoslav and Czechoslovak federations following):
        the state never was a sovereign socialist republic, so the name is that of a unit
        of a federation ("the Socialist Republic of Croatia", SFR Yugoslavia's; "Ukrainian
        Soviet Socialist Republic") or of a regime the registry does not hold: no match,
        never today's state (convention B). None otherwise (the "Socialist Republic of
        Romania" is Romania's continuity, COW 360 from 1878)."""
        if e.kind != "state" or e.cow_code is None:
            return None
        def has(text: str) -> bool:
            return any(re.search(rf"(?:^| ){re.escape(w)}(?: |$)", text)
                       for w in _SOCIALIST_WORDS)

        if not has(" ".join(form_words)) or any(has(" ".join(ws)) for ws in _name_words(e)):
            return None
        years = self._cow_capitals.years.get(e.cow_code)
        if years is None or years[0] < _FEDERATIONS_ENDED:
            return None
        return MatchResult(
            query, [Candidate(e, 55.0, False, "official-form")], False,
            f"no match: {form!r} before {rest!r} is a socialist regime's long form that no "
            f"name of {describe(e)} has, and COW lists that state only from {years[0]}: the "
            "name is a federal unit's or a former regime's the registry holds no record of")

    def _other_form(
        self, query: str, best: Candidate, form_words: list[str], form: str, rest: str
    ) -> MatchResult | None:
        """Round 17: a republic's long form before the name of a historical state none of
        whose own names is a republic's names another, later state of that name ("Freistaat
        Bayern", "Republic of Baden": German Länder of the 20th century, not the kingdom or
        grand duchy of 1816-1871); and a monarchy's form before the name of a historical state
        whose names are a republic's and no monarchy's ("Kingdom of Venice"). The state's
        form is read from its names, or from ``held_forms`` in predecessors.yaml for a
        record whose names are bare ("Bavaria"); a record of neither form ("Czechoslovakia")
        is not judged. No match then: the record does not say the state had that form.
        None otherwise."""
        e = best.entity
        if not best.match or e.kind != "historical-state":
            return None
        names = _name_words(e)
        held = self._held_forms.get(id(e))
        republic = held == "republic" or any(_spans(ws, self._republic_forms) for ws in names)
        monarchy = held == "monarchy" or any(_spans(ws, self._monarchy_forms) for ws in names)
        own = (f"the registry holds it as a {held} (predecessors.yaml)" if held else
               "its names in the registry are a {}'s, none a {}'s")
        if _spans(form_words, self._republic_forms) and monarchy and not republic:
            kind, own = "a republic's", own.format("monarchy", "republic")
        elif (_spans(form_words, self._monarchy_forms) and republic and not monarchy
              and not _spans(form_words, self._republic_forms)):
            kind, own = "a monarchy's", own.format("republic", "monarchy")
        else:
            return None
        return MatchResult(
            query, [Candidate(e, 60.0, False, "official-form")], False,
            f"no match: {form!r} before {rest!r} is {kind} long form; {rest!r} is "
            f"{describe(e)}, and {own} (another state of that name, which the registry does "
            "not hold)")

    def _imperial(
        self, query: str, best: Candidate, form_words: list[str], how: str,
        state_kinds: frozenset[str],
    ) -> MatchResult | None:
        """A monarchy's or an empire's long form of a current state's name: the historical
        state the same name and form denote ("Empire of Austria": the Austrian Empire;
        "Đế quốc Đức": the German Reich); an empire the registry does not hold is no match
        ("Empire of Japan" is not today's Japan). None when the form names the state itself."""
        if not best.match or best.entity.kind != "state":
            return None
        past = self._imperial_of.get(id(best.entity))
        if past is not None and past.kind in state_kinds and _spans(
            form_words, self._imperial_forms
        ):
            ev = (f"official long form of a monarchy or an empire: {how} names {past.label}, "
                  f"not today's {best.entity.label}")
            return _single(query, past, 90.0, "official-form", self._note(past), ev)
        if _spans(form_words, self._empire_forms):
            return MatchResult(
                query, [Candidate(best.entity, 60.0, False, "official-form")], False,
                f"no match: {how} names an empire, and the registry holds no historical state "
                f"for it (never today's {describe(best.entity)})",
            )
        if (_spans(form_words, self._monarchy_forms)
                and id(best.entity) not in self._monarchies):
            # round 10: a monarchy's form of a state that is no monarchy today names a former
            # regime (Wikidata holds the Kingdom of Italy apart from Italy)
            return MatchResult(
                query, [Candidate(best.entity, 60.0, False, "official-form")], False,
                f"no match: {how} names a former monarchy ({best.entity.label}'s own long "
                "forms name none today), and the registry holds no historical state for it "
                f"(never today's {describe(best.entity)})",
            )
        return None

    def _former(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """"former Soviet Union", "ex-Yugoslavia", "Nam Tư cũ": a historical state or an
        older name with the word for "former" (never today's state)."""
        m = _FORMER.fullmatch(text.strip())
        if not m:
            return None
        rest = (m.group("en") or m.group("vi") or "").strip()
        if not rest:
            return None
        r = self._match(rest, kinds, lang) or self._official_form(rest, rest, kinds, lang)
        if r is None or r.best is None:
            return None
        c = r.best
        if c.entity.kind != "historical-state" and not c.method.startswith(
            ("predecessor", "historical-name")
        ):
            return None
        ev = _join(f"'former' + {rest!r}", c.evidence)
        return _single(query, c.entity, 92.0, "former", self._note(c.entity), ev)

    def _ordinal_republic(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """Round 28 (the lead's convention D): a period name of a republic ("the Second Polish
        Republic", "the Fourth French Republic", "Đệ tứ Cộng hòa Pháp"): the republic's name
        without the ordinal, read plainly as one state. A historical record it names is that
        record ("the First Czechoslovak Republic"); today's state when the COW list counts it
        as one state from before 1945 (COW's continuity, round 24's decision 1); else no
        match, today's state as the closest. None when the text is no such name."""
        m = _ORDINAL_REPUBLIC.fullmatch(text.strip())
        if m is None:
            return None
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds:
            return None
        ordinal = (m.group("ord") or m.group("vi_ord") or m.group("ord_in")
                   or m.group("vi_ord_after"))
        adj = m.group("adj") or ""
        possessive = re.fullmatch(r"(?P<name>.+?)(?:'s|’s)", adj)
        # round 30: a state's name in the possessive before the ordinal ("France's Fifth
        # Republic"): the republic of that name
        rest = (m.group("rest") or m.group("vi_rest") or m.group("vi_rest_first")
                or (f"Republic of {possessive.group('name')}" if possessive
                    else f"{adj} Republic"))
        r = self.match(rest, kind=state_kinds, lang=lang)
        if r.best is None or r.ambiguous or not r.best.match or not _plain_reading(
                r.best.method):
            return None
        e = r.best.entity
        ev = f"{ordinal!r} + {rest!r}, a period name of the republic ({r.best.evidence})"
        if e.kind == "historical-state":
            return _single(query, e, 88.0, "ordinal-republic", self._note(e),
                           f"{ev}: the registry's record of the republic")
        held = [f for f in self._family(e, STATE_KINDS) if f.kind == "historical-state"
                and (sp := span_of(f)) is not None and sp[0] <= _NUMBERED_REPUBLICS_FROM <= sp[1]]
        if held:
            # a historical record of the state's name held the years the numbered republics
            # of the First World War's end began ("the First German Republic": the registry's
            # German Reich, 1871-1945, holds the Weimar years): the period may be that
            # record's, which the name does not say; not read (no match)
            return None
        years = self._cow_capitals.years.get(e.cow_code) if e.cow_code is not None else None
        if years is None or years[0] >= _ORDINAL_REPUBLIC_BEFORE:
            return MatchResult(
                query, [Candidate(e, 60.0, False, "ordinal-republic", ev)], False,
                f"no match: {text!r} names a period of {describe(e)}, which the COW list "
                + (f"counts only from {years[0]}" if years else "does not hold")
                + " (convention D reads a republic's period as today's state only where COW "
                "counts the state throughout)")
        return _single(query, e, 88.0, "ordinal-republic", self._note(e),
                       f"{ev}: the COW list counts {describe(e)} as one state from {years[0]} "
                       "(convention D)")


    def _federation(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """Round 29: a federation named after one of today's states ("the Mali Federation",
        "Federation of Mali", "Liên bang Mali năm 1960"), a year after it or not, whose own
        names (the registry's labels and aliases, any language) name no federation: a union
        of states the registry holds no record of (the Mali Federation of Senegal and French
        Sudan, 1959–1960), no match with today's state as the closest, as the United Arab
        Republic under convention B. A state whose long forms are a federation's ("Liên bang
        Nga", "Federation of Russia") is left to the other readings, and so is a historical
        record. None when the text is no such name."""
        m = _FEDERATION.fullmatch(text.strip())
        if m is None:
            return None
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds:
            return None
        name = m.group("en_after") or m.group("en_before") or m.group("vi")
        r = self.match(name, kind=state_kinds, lang=lang)
        if r.best is None or r.ambiguous or not r.best.match or not _plain_reading(
                r.best.method):
            return None
        e = r.best.entity
        if e.kind != "state" or e.iso3 in self._federal_states or any(
                _FEDERAL_NAME.search(folded_form(n)) for n, _ in e.names()):
            return None
        ev = (f"{name!r} read as {describe(e)}, none of whose names is a federation's: "
              f"{text!r} names a union of states the registry holds no record of")
        return MatchResult(query, [Candidate(e, 60.0, False, "federation", ev)], False,
                           f"no match: {ev}; closest: {describe(e)}")
