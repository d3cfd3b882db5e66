"""Capitals and seats: a state by its capital's government, a body by its seat (rounds 20–22).

Reads ``the Kigali government``, ``chính quyền Bamako`` (round 21), ``the Vienna-based atomic
agency`` (round 22) and names with their seat (``the Geneva-based WTO``, round 20).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..features import supraverden_of
from ..glossary import content_words, singular_form
from ..names import read_yaml
from ..normalise import folded_form, looks_like_code
from ..succession import STATE_KINDS, span_of
from .answers import _ambiguous, _single
from .text import (
    _BUILDING_WORDS,
    _DOMAIN_WORDS,
    _SEAT_GENERIC,
    _VI_UPPER,
    _first_fullmatch,
    _folded_words_of,
    _unique,
)

#: round 21: a capital in a frame of government words (``Matcher._capital_government``)
_CAPITAL_FRAMES = (
    # (round 28: with the possessive, and "leadership" and "foreign ministry": "Cairo's
    # leadership", "Rabat's foreign ministry")
    # (round 40: "es" too, "the Dar es Salaam government")
    re.compile(r"(?:the\s+)?(?P<city>[A-Z][\w'’-]*?(?:\s+(?:(?:de|del|da|do|es)\s+)?"
               r"[A-Z][\w'’-]*?)?)"
               r"(?:['’]s)?\s+(?:government|regime|junta|administration|authorities|leadership"
               r"|foreign\s+ministry|officials)"),
    # (round 36: or a monarch's court, "triều đình Vienna": the government of a crown)
    # (round 39: the government word with a capital, as a name's first word is written:
    # "Chính phủ Belgrade năm 1918")
    re.compile(r"(?i:chính\s+quyền|chính\s+phủ|chinh\s+quyen|chinh\s+phu|triều\s+đình"
               r"|trieu\s+dinh)\s+"
               r"(?P<city>" + _VI_UPPER + r"[\w'’-]*(?:\s+(?:(?:de|del|da|do)\s+)?"
               + _VI_UPPER + r"[\w'’-]*)?)"),
    # (round 27: a city's name may hold a particle: "chính quyền Santiago de Chile")
    # round 24: the authorities and a military government by their seat, in both languages
    # ("the military government in Niamey", "giới chức Kyiv", "chính quyền quân sự ở Niamey")
    # (round 46: and the officials there, "officials in Tehran", "quan chức ở Tehran")
    re.compile(r"(?:the\s+)?(?:military\s+)?(?:government|regime|junta|authorities|officials)"
               r"\s+in\s+"
               r"(?P<city>[A-Z][\w'’-]*(?:\s+(?:(?:de|del|da|do)\s+)?[A-Z][\w'’-]*)?)"),
    re.compile(r"(?i:chính\s+quyền|chính\s+phủ|giới\s+chức|nhà\s+chức\s+trách|nhà\s+cầm\s+quyền"
               r"|quan\s+chức|chinh\s+quyen|chinh\s+phu|gioi\s+chuc|nha\s+chuc\s+trach"
               r"|nha\s+cam\s+quyen|quan\s+chuc)"
               r"(?:\s+(?:quân\s+sự|quan\s+su))?(?:\s+(?:ở|tại|o|tai))?\s+"
               r"(?P<city>" + _VI_UPPER + r"[\w'’-]*(?:\s+(?:(?:de|del|da|do)\s+)?"
               + _VI_UPPER + r"[\w'’-]*)?)"),
)


#: round 36: a monarch's court before a capital (``Seats._capital_government``)
_COURT = re.compile(r"(?:triều\s+đình|trieu\s+dinh)\s", re.IGNORECASE)


#: round 26: a state's government named plainly, by the state's name or adjective
#: (``Matcher._government_form``): "the Kazakh authorities", "the Uzbek side", "Slovenia's
#: government", "the government of Kazakhstan", "chính phủ Slovenia"; round 27: "the Spanish
#: executive"
_GOVERNMENT_FORMS = (
    re.compile(r"(?:the\s+)?(?P<state>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)(?:'s|’s)?"
               r"\s+(?:government|authorities|side|leadership|cabinet|executive"
               # round 28: a government of the moment ("the Malian junta", "the Lebanese
               # caretaker government", "the Pakistani military establishment")
               r"|(?:military\s+)?junta|military\s+(?:government|establishment)"
               # round 29: a regime of the moment ("the Brazilian military regime", "the
               # Uruguayan military dictatorship")
               r"|military\s+(?:regime|dictatorship)"
               r"|(?:caretaker|interim|transitional)\s+government"
               # round 46: the people who act for the state ("Georgian officials", "the
               # Russian diplomats"), and the government with its form ("the Somali federal
               # government", "the Thai royal government": the form checked below)
               r"|officials|diplomats|(?P<form>federal|central|royal)\s+government)"),
    # (round 46: the government's form before "of": "the Royal Government of Bhutan", "the
    # Federal Government of Nigeria")
    re.compile(r"(?:the\s+)?(?:(?P<form>(?i:federal|central|royal))\s+)?"
               r"(?:(?i:government)|authorities|leadership|officials)\s+of\s+(?P<state>[A-Z].*)"),
    # (round 46: "quan chức" (officials) as "giới chức", and "phía" (the side of) after the
    # press frame, which reads only a state's names: "phía UAE", a code; "Chính phủ Hoàng
    # gia Na Uy" (the royal government) and "chính phủ liên bang" (federal) with the form
    # before the state)
    re.compile(r"(?:(?i:chính\s+phủ|chinh\s+phu)\s+(?P<form>(?i:hoàng\s+gia|hoang\s+gia"
               r"|liên\s+bang|lien\s+bang))\s+"
               # (round 47: the heads with a capital letter too, as a name begins: "Chính
               # phủ Cộng hòa Ấn Độ", the government of a state's long form, was read by no
               # reading)
               r"|(?i:(?:các\s+|cac\s+)?(?:chính\s+phủ|giới\s+chức|nhà\s+chức\s+trách"
               r"|nhà\s+cầm\s+quyền|quan\s+chức|chinh\s+phu|gioi\s+chuc|nha\s+chuc\s+trach"
               r"|nha\s+cam\s+quyen|quan\s+chuc|phía|phia"
               # (round 49: "giới lãnh đạo", the leadership, and "cơ quan chức năng", the
               # competent authorities, as the English reading takes "leadership" and
               # "authorities")
               r"|giới\s+lãnh\s+đạo|cơ\s+quan\s+chức\s+năng|gioi\s+lanh\s+dao"
               r"|co\s+quan\s+chuc\s+nang)\s+(?:nước\s+)?))"
               r"(?P<state>" + _VI_UPPER + r".*)"),
    # (round 47: a state's long form with "of" before the possessive: "the Kingdom of
    # Eswatini's government", "the Sultanate of Oman's authorities"; the long form is read
    # as a name of a state, as the other forms are)
    re.compile(r"(?:the\s+)?(?P<state>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+of\s+"
               r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,3}?)(?:'s|’s)"
               r"\s+(?:government|authorities|leadership|cabinet|executive|officials|diplomats"
               r"|(?P<form>federal|central|royal)\s+government)"),
)

#: round 46: the government's form words of :data:`_GOVERNMENT_FORMS`, folded: "royal" names
#: a monarchy's government, read only for a state that is a monarchy today (the royal
#: government of Laos in 1965 is the Kingdom of Laos, no record: convention B)
_ROYAL_FORMS = frozenset({"royal", "hoanggia"})


#: round 29: a monarch's court named with no years (``Seats._government_form``)
_COURT = re.compile(r"(?i:triều\s+đình|trieu\s+dinh)\s+(?P<state>(?i:nhà\s+|nha\s+)?"
                    + _VI_UPPER + r".*)"
                    r"|(?i:the\s+)?(?P<en>[A-Z][\w'’-]*)\s+court")


def _city_before_particle(city: str) -> str | None:
    """Round 26: the folded name of a city before a particle of its full name, as the press
    shortens it ("Torrejón de Ardoz": Torrejon; "Frankfurt am Main": Frankfurt), or None.

    >>> _city_before_particle("Torrejón de Ardoz"), _city_before_particle("Geneva")
    ('torrejon', None)
    """
    m = re.fullmatch(r"(?P<head>\S+)\s+(?:de|del|de la|am|an der|upon|sur|sul)\s+\S.*",
                     city.strip())
    return folded_form(m.group("head")) if m else None


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Round 40: the other names of COW capitals (``capital_names.yaml``): folded name ->
    COW's name of the capital."""
    return {folded_form(str(r["name"])): str(r["capital"])
            for r in read_yaml("capital_names.yaml").get("names") or []}


@lru_cache(maxsize=1)
def _cldr_city_names() -> dict[str, tuple[str, ...]]:
    """Round 24: the names of one city in CLDR's time-zone data (Babel, already read for
    the CLDR country names): the city of the zone's identifier and its English and
    Vietnamese exemplar names ("Asia/Vientiane": Vientiane, Viêng Chăn; "Europe/Kyiv": Kyiv,
    Kiev), each folded name to every name of its zone."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global
    from babel.languages import get_official_languages

    zones: dict[str, set[str]] = {}
    for code in ("en", "vi"):
        for zone, names in Locale.parse(code).time_zones.items():
            city = names.get("city")
            if city:
                zones.setdefault(zone, {zone.rsplit("/", 1)[-1].replace("_", " ")}).add(city)
    # round 27: and the city's name in the official languages of the zone's territory, as
    # Vietnamese frames may write a capital ("chính quyền Warszawa", "chính quyền Santiago de
    # Chile": CLDR's Polish and Spanish names of the zones Europe/Warsaw, America/Santiago)
    locales: dict[str, Any] = {}
    for zone, territory in get_global("zone_territories").items():
        for lang in get_official_languages(territory, de_facto=True):
            if lang not in locales:
                try:
                    locales[lang] = Locale.parse(lang).time_zones
                except (UnknownLocaleError, ValueError):
                    locales[lang] = {}
            city = (locales[lang].get(zone) or {}).get("city")
            if isinstance(city, str) and city:
                zones.setdefault(zone, {zone.rsplit("/", 1)[-1].replace("_", " ")}).add(city)
    out: dict[str, tuple[str, ...]] = {}
    for names in zones.values():
        for n in names:
            out.setdefault(folded_form(n), ())
            out[folded_form(n)] += tuple(sorted(names - {n}))
    return out




def _seat_words(e: Entity) -> frozenset[str]:
    """Session 19: the content words, in the singular, of the English label and aliases (no
    code) of ``e``, made once per entity (``_seat_domain`` reads them of every organisation
    for every name it reads)."""
    words = _SEAT_WORDS.get(e)
    if words is None:
        names = [e.labels.get("en", ""),
                 *(t for t, lg in e.aliases if lg in (None, "en") and not looks_like_code(t))]
        words = _SEAT_WORDS[e] = frozenset().union(
            *(frozenset(singular_form(w) for w in content_words(n)) for n in names))
    return words


#: :func:`_seat_words` of each entity while the entity lives
_SEAT_WORDS: weakref.WeakKeyDictionary[Entity, frozenset[str]] = weakref.WeakKeyDictionary()


#: round 36: a seat said at the end of a name ("... in Washington", "... ở Washington") or
#: before it ("the Jeddah-based ..."), and an acronym token (:meth:`Seats._seat_contradicts`)
_SEAT_AT_END = re.compile(r"\s(?:in|at|ở|tại)\s+(?P<city>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})"
                          r"\s*$")
_SEAT_BASED = re.compile(r"(?:the\s+)?(?P<city>[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){0,2})"
                         r"-based\s")
_ACRONYM_TOKEN = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")


class Seats:
    """Readings of a name by the city a state is governed from or a body sits in."""

    def _government_form(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 26: a state's government named plainly (:data:`_GOVERNMENT_FORMS`): an
        adjective of one state of today (the country adjectives; an adjective's imperial
        sense is no government of today: "the Korean side" is no match) or of several
        ("the Congolese government": ambiguous), or a name read as a state without a fuzzy
        step (round 46: or with the fuzzy reading's confident answer, when that is a state of
        today: "Kyrgzstan's government"); a royal government only of a state that is a
        monarchy today (round 46). None when the words around it name no state."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 80:
            return None
        m = _first_fullmatch(_GOVERNMENT_FORMS, text)
        court = None if m is not None else _COURT.fullmatch(text)
        if court is not None:
            # round 29: a monarch's court with no years ("triều đình Mãn Thanh", "the Qing
            # court") is the historical state the name reads (a court is a monarchy's: never
            # today's state, which may be a republic now)
            named = court.group("state") or court.group("en")
            held = [e for e, _, _ in self._adjectives.get(
                tuple(folded_form(w) for w in named.split()), ())
                if e.kind == "historical-state" and e.kind in state_kinds]
            if len(_unique(held)) == 1:
                # "the Ottoman court": a historical state's adjective
                e = held[0]
                return _single(query, e, 88.0, "government-form", self._note(e),
                               f"the court of the state of the adjective {named!r}")
            r = self.match(named, kind=state_kinds)
            b = r.best
            if (b is None or r.ambiguous or not b.match or b.method == "fuzzy"
                    or b.entity.kind != "historical-state" or b.entity.kind not in state_kinds):
                return None
            return _single(query, b.entity, min(b.score, 88.0), "government-form",
                           self._note(b.entity),
                           f"the court of {named!r} ({b.method}), a monarchy's")
        if m is None:
            return None
        state = re.sub(r"(?:'s|’s)$", "", m.group("state").strip())
        form = m.groupdict().get("form")
        royal = form is not None and folded_form(form) in _ROYAL_FORMS
        held = self._adjectives.get(tuple(folded_form(w) for w in state.split()))
        if held:
            plain = [e for e in _unique(e for e, _, imperial in held if not imperial)
                     if e.kind in state_kinds
                     and (not royal or id(e) in self._monarchies)]
            why = f"the government of the state of the adjective {state!r}"
            if len(plain) == 1:
                return _single(query, plain[0], 90.0, "government-form", self._note(plain[0]),
                               why)
            if len(plain) > 1:
                amb = _ambiguous(query, plain, 85.0)
                return MatchResult(query, amb.candidates, True, f"{amb.note} ({why}s)")
            return None
        r = self.match(state, kind=state_kinds)
        if r.ambiguous:
            if all(c.entity.kind in state_kinds for c in r.candidates):
                return MatchResult(query, r.candidates, True, r.note)
            return None
        b = r.best
        if b is None or not b.match or b.entity.kind not in state_kinds:
            return None
        if b.method == "fuzzy" and b.entity.kind != "state":
            # round 46: a misspelt name of today's state is read as the name alone is
            # ("Kyrgzstan's government", "the government of Ethopia": the fuzzy reading's own
            # confident answer); a historical state's is not
            return None
        if royal and id(b.entity) not in self._monarchies:
            # round 46: a royal government of a state that is no monarchy today
            return None
        return _single(query, b.entity, min(b.score, 90.0), "government-form",
                       self._note(b.entity), f"the government of {state!r} ({b.method})")

    def _capital_government(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 21: a capital in a frame of government words ("the Kigali government", "the
        Naypyidaw junta", "chính quyền Tehran", "chinh quyen Damascus"): the states the COW
        capitals table gives the city to, each COW code read through the state lists'
        periods (``SystemCodes.spans``: Bonn's code 260 is West Germany); one state: a match,
        several (Moscow: the Russian Empire, the RSFSR, the Soviet Union, Russia): ambiguous.
        None when the city is no COW capital."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 60:
            return None
        m = _first_fullmatch(_CAPITAL_FRAMES, text)
        if m is None:
            return None
        city, codes = self._capital_codes(m.group("city"))
        if not codes and text[m.end("city"):m.end("city") + 2] in ("'s", "’s"):
            # round 53: a capital whose name ends in a possessive, read off as the frame's
            # ("the St George's government": COW's "St. George's", Grenada's)
            city, codes = self._capital_codes(text[m.start("city"):m.end("city") + 2])
            if not codes:
                city = m.group("city")
        if not codes and (lacking := self._seats_lacking.get(folded_form(city))):
            return self._seat_lacking(query, text, city, lacking, state_kinds)
        if not codes:
            # round 23: a city the registry holds as a place under another name ("Ulan
            # Bator", the place Ulaanbaatar): the COW capital of one of its names; the frame
            # names a government, never the place record
            r = self.match(city)
            place = r.best.entity if r.best is not None and r.best.match else None
            if place is None or place.kind != "place":
                return None
            for name, _tier in place.names():
                codes = self._cow_capitals.codes(name)
                if codes:
                    city = name
                    break
            else:
                return MatchResult(
                    query, [Candidate(place, 40.0, False, "capital-government")], False,
                    f"no match: {city!r} is a place ({describe(place)}) that is no COW "
                    "capital: a government named by its seat is a state's, not the place's")
        states: list[Entity] = []
        for code in sorted(codes):
            for _a, _b, iri in self.reference.codes.spans.get(("cow", code), ()):
                e = self.registry.by_iri(iri)
                if e is None or e.kind not in state_kinds:
                    continue
                if e.kind == "state" and self._cow_capitals.latest.get(
                        code) != folded_form(city) and not self._former_seat(
                            e, code, city, _a.year, _b.year):
                    # (today's state is read only from its last COW capital: "chính phủ
                    # Vichy", France's capital 1940-1944, names a regime the registry does
                    # not hold, convention B; round 40: or from an earlier one in its years)
                    continue
                now = self._years_now
                if e.kind == "state" and now is not None and not (
                        _a.year <= now[1] and now[0] <= _b.year):
                    # (round 40: in the years of the name, today's state only when the code
                    # names it then: "chính quyền Bắc Kinh năm 1960" is China's, not the
                    # Republic of China's, which COW's code 710 names from 1912 to 1949)
                    continue
                states.append(e)
        states = _unique(states)
        if states and _COURT.match(text):
            # round 36: a monarch's court is no government of a state that is no monarchy
            # today (convention B): of today's states, the monarchies only ("triều đình
            # Bangkok": Thailand; "triều đình Vienna": the Austrian Empire or Austria-Hungary,
            # never Austria)
            crowned = [e for e in states if e.kind != "state" or id(e) in self._monarchies]
            if not crowned:
                return MatchResult(
                    query, [Candidate(states[0], 50.0, False, "capital-government")], False,
                    f"no match: a monarch's court at {city!r}, whose state is no monarchy "
                    "today; the registry holds no record of its crown (convention B)")
            states = crowned
        if not states:
            return None
        ev = (f"{city!r} is the COW capital of COW "
              + ", ".join(str(c) for c in sorted(codes)) + ", read through the state lists' "
              "periods: " + ", ".join(describe(e) for e in states))
        today = [e for e in states if e.kind == "state"]
        if len(states) > 1 and len(today) == 1 and not self._with_years:
            # round 23: with no year, the press's present: the state whose capital the city
            # is today ("chính quyền Ankara": Turkey, not the Ottoman Empire); a year is read
            # by the qualified readings before this one ("the Hanoi government in 1968")
            e = today[0]
            return _single(query, e, 86.0, "capital-government", self._note(e),
                           f"a capital for its government, no year: today's state of the "
                           f"city ({ev})")
        return self._seat_answer(query, states, ev)

    def _seat_answer(self, query: str, states: list[Entity], ev: str) -> MatchResult:
        """A capital (or seat) for its government: the one state of ``states``, or all of them
        as ambiguous, with the evidence ``ev``."""
        if len(states) > 1:
            amb = _ambiguous(query, states, 85.0)
            return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        e = states[0]
        return _single(query, e, 88.0, "capital-government", self._note(e),
                       f"a capital for its government: {ev}")

    def _seat_lacking(self, query: str, text: str, city: str,
                      rows: list[tuple[Entity, list[tuple[int, int]]]],
                      state_kinds: frozenset[str]) -> MatchResult | None:
        """Round 40: a capital's government at a seat the COW capitals table lacks
        (``capital_names.yaml`` ``seats``: "the Lhasa government in 1930", "Constantinople
        in 1908", "triều đình Huế năm 1884", "the Nationalist government in Nanjing in
        1930"): a historical record as the capital frames read one (its years then checked
        by the period readings); today's state only in years the name gives, inside one of
        the row's spans and inside no government of it set up under an occupation
        (convention G). A monarch's court is read only of a record that is no state of
        today or a monarchy today (convention B, as for COW's capitals). None when no row
        fits."""
        now = self._years_now
        states: list[Entity] = []
        for e, spans in rows:
            if e.kind not in state_kinds:
                continue
            if e.kind == "state" and (now is None or not any(
                    a <= now[0] and now[1] <= b for a, b in spans) or self._occupied(e, now)):
                continue
            if _COURT.match(text) and e.kind == "state" and id(e) not in self._monarchies:
                continue
            states.append(e)
        states = _unique(states)
        if not states:
            return None
        ev = (f"{city!r} was the seat of {', '.join(describe(e) for e in states)} "
              "(capital_names.yaml seats; the COW capitals table lacks it)")
        return self._seat_answer(query, states, ev)

    def _former_seat(self, e: Entity, code: int, city: str, first: int, last: int) -> bool:
        """Round 40: whether ``city``, an earlier COW capital of today's state ``e`` (COW
        ``code``), was its seat in the years of the name being read ("Gowon's Lagos in 1970",
        "the Almaty government in 1995": Nigeria's capital 1960-1991, Kazakhstan's
        1991-1998), those years inside the spell, inside the years the code names ``e``
        (``first`` to ``last``: Saint Petersburg, Russia's seat to 1918, is no seat of today's
        Russia) and inside no government of ``e`` set up under an occupation (convention G:
        "the Vichy government in 1942" stays no match)."""
        now = self._years_now
        if now is None or not (first <= now[0] and now[1] <= last):
            return False
        spell = self._cow_capitals.former.get((code, folded_form(city)))
        if spell is None or not (spell[0] <= now[0] and now[1] <= spell[1]):
            return False
        return not self._occupied(e, now)

    def _occupied(self, e: Entity, years: tuple[int, int]) -> bool:
        """Round 40: whether ``years`` meet a government of today's state ``e`` set up under
        an occupation (predecessors.yaml ``occupation_regimes``, convention G)."""
        return any(a <= years[1] and years[0] <= b for a, b in self._occupied_years.get(id(e), ()))

    def _capital_codes(self, city: str, heard: bool = True) -> tuple[str, frozenset[int]]:
        """The COW codes of the states ``city`` was the capital of, and the name COW writes
        it by; round 24: a name CLDR gives the same city ("Kyiv", "Viêng Chăn": COW's Kiev,
        Vientiane), read through :func:`_cldr_city_names` when COW has none."""
        codes = self._cow_capitals.codes(city)
        if not codes:
            for other in _cldr_city_names().get(folded_form(city), ()):
                if codes := self._cow_capitals.codes(other):
                    return other, codes
            # round 40: a name of the capital COW and CLDR do not write (capital_names.yaml:
            # "Viên", "Moskva", "Petrograd", "Saigon")
            other = _capital_names().get(folded_form(city))
            if other is not None:
                # (a seat that is no COW capital, "Genève", is given by its English name for
                # the seat checks, with no COW code)
                return other, self._cow_capitals.codes(other)
            # round 44: a Vietnamese transliteration of a COW capital ("chính phủ Bu-ca-rét",
            # "chính phủ Khác-tum"): the capital whose sounds are alike, well ahead of the rest
            # (``heard`` False: not so read, for round 42's own check of a state's capitals)
            sounded = self._capital_heard(city) if heard else None
            if sounded is not None:
                return sounded, self._cow_capitals.codes(sounded)
        return city, codes

    def _holding_seat_words(self, want: Sequence[str]) -> list[Entity]:
        """Session 26: the registry's organisations not in conflict whose English names'
        words (:func:`_seat_words`) hold every word of ``want``, in the registry's order, as
        a scan of every entity gives them. From an index made once of the organisations
        holding each word (in the registry's order): a body holding every word holds the
        rarest, so only those are tested."""
        index: dict[str | None, list[Entity]] | None = self.__dict__.get("_seat_word_index")
        if index is None:
            org_kinds = KIND_GROUPS["organisation"]
            index = {None: []}  # None: every one
            for e in self.registry.entities:
                if e.kind in org_kinds and e.confidence != "conflicting":
                    index[None].append(e)
                    for w in _seat_words(e):
                        index.setdefault(w, []).append(e)
            self.__dict__["_seat_word_index"] = index
        rarest: str | None = min(want, key=lambda w: len(index.get(w, ())), default=None)
        wanted = frozenset(want)
        return [e for e in index.get(rarest, ()) if wanted <= _seat_words(e)]

    def _seat_domain(self, query: str, rest: str, city: str,
                     kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 22: a body described by its seat and its field ("the Vienna-based atomic
        agency", "the Abidjan-based lender"): the bodies whose SupraVerden headquarters are in
        ``city`` and whose English names hold every word of the description but the generic
        heads (body, agency, organisation ...; "UN"), a word read through
        :data:`_DOMAIN_WORDS` ("lender": a bank). One body: a match; several: ambiguous; none
        (or a description of generic words only): None (the later readings may still read
        the name; none of them reads a seat and a field)."""
        org_kinds = KIND_GROUPS["organisation"]
        if kinds is not None and not kinds & org_kinds:
            return None
        # (sorted: the note names them in one order whatever the run's string hashing)
        words = [singular_form(w) for w in sorted(content_words(rest.replace("'s", " ")))
                 if w not in _SEAT_GENERIC]
        if not words or len(words) > 5:
            return None
        want = [_DOMAIN_WORDS.get(w, w) for w in words]
        place = folded_form(city)
        found, unsure, countries = [], [], set()
        # (session 19: the words first, each name's made once: both tests are pure, the
        # cheaper one first gives the same bodies; session 26: from an index of the words)
        for e in self._holding_seat_words(want):
            if kinds is not None and e.kind not in kinds:
                continue
            hqs = [[p.strip() for p in r.headquarters.split(",")]
                   for r in supraverden_of(e, self.reference.supraverden) if r.headquarters]
            if not hqs:
                continue
            head = self._same.get(e.iri, (e, ""))[0]
            if any(folded_form(h[0]) == place or _city_before_particle(h[0]) == place
                   or len(h) > 1 and folded_form(h[-1]) == place for h in hqs):
                # (round 28: or the country of the headquarters, a state named as the seat:
                # "the Malta-based asylum agency", SupraVerden's "Marsa, Malta")
                found.append(head)
                countries |= {folded_form(h[-1]) for h in hqs if len(h) > 1}
            elif all(set(_folded_words_of(h[0])) & _BUILDING_WORDS
                     or any(w.isdigit() for w in h[0].split()) for h in hqs):
                # a headquarters written as a building ("Centre William Rappard,
                # Switzerland"): its city is unknown, the body may sit in ``city``; round
                # 37: or as a street and its number ("Ved Stranden 18, Denmark": the Nordic
                # Council of Ministers beside the Nordic Council of Copenhagen, convention J)
                unsure.append((head, {folded_form(h[-1]) for h in hqs if len(h) > 1}))
        # a body of these words whose seat is a building in the same country is a rival
        found = _unique([*found, *(e for e, cs in unsure if found and cs & countries)])
        ev = (f"the bodies seated in {city!r} (SupraVerden's headquarters) whose English names "
              f"hold {' + '.join(want)}")
        if not found:
            return None
        if len(found) > 1:
            amb = _ambiguous(query, found, 82.0)
            return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        e = found[0]
        return _single(query, e, 86.0, "seat-and-field", self._note(e), f"{ev}: {e.label!r}")

    def _seat_contradicts(self, query: str, text: str, result: MatchResult) -> MatchResult:
        """Round 36: a body matched through its acronym in a name that gives its seat ("in",
        "at", "ở", "tại" a city at the end, or "the <city>-based"), where SupraVerden seats
        the body elsewhere and seats in that city one other body whose acronym has the same
        letters in another order (the order of another language's words: "Ngân hàng BID ở
        Washington", BID being the Islamic Development Bank's French acronym in the
        registry, Jeddah, and the Spanish one of the Inter-American Development Bank, IDB,
        seated in Washington): that body, read by its seat and its letters. ``result`` as it
        is otherwise: SupraVerden's seats are often a district or an older seat (OPEC's
        "Innere Stadt", the ADB's Mandaluyong), so a seat that merely differs decides
        nothing (tried: it lost 51 rows of the lists)."""
        best = result.best
        if best is None or not best.match or best.entity.kind not in KIND_GROUPS["organisation"]:
            return result
        m = _SEAT_AT_END.search(text) or _SEAT_BASED.match(text)
        if m is None:
            return result
        e = best.entity
        me = self._same.get(e.iri, (e, ""))[0]
        tokens = [t for t in _ACRONYM_TOKEN.findall(text)
                  if any(self._same.get(h.entity.iri, (h.entity, ""))[0] is me
                         for h in self._codes.get(t, ()))]
        city = m.group("city")
        if not tokens or self._seated_in(e, city) or folded_form(city) not in self._seat_cities():
            return result
        if not any((r.headquarters or "").strip()
                   for r in supraverden_of(e, self.reference.supraverden)):
            # round 45: a body SupraVerden gives no headquarters is seated nowhere else
            # ("UNHCR in Geneva": the refugee agency, whose record has no seat, is not the
            # Human Rights Council of Geneva, whose acronym has the same letters)
            return result
        if self._letters_index is None:
            index: dict[str, list[tuple[str, Entity]]] = {}
            for code, hits in self._codes.items():
                if 2 < len(code) <= 8 and code.isalpha():
                    for h in hits:
                        if h.entity.kind in KIND_GROUPS["organisation"]:
                            index.setdefault("".join(sorted(code.upper())), []).append(
                                (code, h.entity))
            self._letters_index = index
        others = _unique(self._same.get(x.iri, (x, ""))[0]
                         for t in tokens
                         for code, x in self._letters_index.get("".join(sorted(t.upper())), ())
                         if code.upper() != t.upper() and self._seated_in(x, city))
        others = [x for x in others if x is not me]
        if not others:
            return result
        if len(others) > 1:
            # (two bodies of those letters in that city, "the Inter-American Development
            # Bank" and "the Inter-American Defense Board" in Washington: either, never the
            # acronym's body seated elsewhere)
            amb = _ambiguous(query, others, 82.0)
            return MatchResult(
                query, amb.candidates, True,
                f"{amb.note} ({tokens[0]!r} is {describe(e)}'s acronym, seated elsewhere by "
                f"SupraVerden; these sit in {city!r} and write the same letters)")
        o = others[0]
        held = next(code for t in tokens
                    for code, x in self._letters_index.get("".join(sorted(t.upper())), ())
                    if self._same.get(x.iri, (x, ""))[0] is o)
        return _single(query, o, 84.0, "seat-and-letters", self._note(o),
                       f"{tokens[0]!r} is {describe(e)}'s acronym, seated elsewhere by "
                       f"SupraVerden; {describe(o)} sits in {city!r} (SupraVerden's "
                       f"headquarters) and writes the same letters as {held!r}")

    def _span_allows(self, e: Entity, a: int, b: int) -> bool:
        """Round 20: whether ``e``'s span overlaps the years ``a``-``b``: its registry span,
        else the founding year of its SupraVerden record as its start; open at an end no
        source gives."""
        es = span_of(e)
        s = int(e.existed_from[:4]) if e.existed_from else (es[0] if es else None)
        if s is None:
            years = [int(r.established[:4]) for r in supraverden_of(
                e, self.reference.supraverden) if r.established
                and r.established[:4].isdigit()]
            s = min(years) if years else None
        t = int(e.existed_until[:4]) if e.existed_until else (es[1] if es else None)
        return (s is None or s <= b) and (t is None or a <= t)

    def _seat_cities(self) -> frozenset[str]:
        """Round 20: the folded names of the cities bodies sit in or states are governed
        from: SupraVerden's headquarters (the city before the first comma) and the COW
        capitals."""
        cached = getattr(self, "_seat_city_set", None)
        if cached is None:
            out = {folded_form(r.headquarters.split(",")[0])
                   for r in self.reference.supraverden.values() if r.headquarters}
            out |= {folded_form(c) for c in self._cow_capitals.by_capital}
            cached = frozenset(c for c in out if len(c) >= 4)
            self._seat_city_set = cached
        return cached

    def _state_seat(self, place: str) -> bool:
        """Round 28: whether ``place`` is read plainly as one current state (a seat named by
        its country)."""
        r = self._match(place, frozenset({"state"}), None)
        return bool(r is not None and r.best is not None and r.best.match and not r.ambiguous
                    and r.best.entity.kind == "state" and "code" not in r.best.method
                    and r.best.method not in ("key", "acronym", "fuzzy"))

    def _seat_reading(self, text: str) -> tuple[str, str] | None:
        """Round 20: (the name, the city) of a name with its seat: "the <city>-based <name>",
        "<name> <city>", "<name> tại|ở|in <city>"; None when the city is none of
        :meth:`_seat_cities` (round 24: any capitalised city before "-based" or
        "-headquartered")."""
        cities = self._seat_cities()
        m = re.fullmatch(r"(?:the\s+)?(?P<city>\w[\w .'’-]*?)-(?:based|headquartered)\s+"
                         r"(?P<rest>\S.*)", text, re.IGNORECASE)
        # (round 25: a city of several words may hold a hyphen or a lower-case particle:
        # "Bobo-Dioulasso", "Dar es Salaam")
        if m is not None and (folded_form(m.group("city")) in cities or re.fullmatch(
                r"[A-Z][\w'’]*(?:[ -](?:[A-Z][\w'’]*|es|de|del|da|al|el|la|le)){0,3}",
                m.group("city"))):
            # round 24: "-based" (or "-headquartered") says a seat whatever the city: one the
            # reference tables do not hold is read as a seat too ("the Trieste-based Central
            # European Initiative"); the name must then be read plainly as one body
            return m.group("rest"), m.group("city")
        words = text.split()
        for n in (1, 2, 3):
            if len(words) <= n:
                break
            city = " ".join(words[-n:])
            if words[-n - 1] == "The":
                # round 29: a city whose name holds its article ("ở The Hague"): the city is
                # read with it, not after it
                continue
            said = len(words) > n + 1 and words[-n - 1].lower() in ("tại", "ở", "in")
            if not city[:1].isupper() or (folded_form(city) not in cities and (
                    city.isupper() or folded_form(city) + "city" not in cities) and not (
                    said and (self._capital_codes(city)[1] or self._state_seat(city)))):
                # (round 28: a capital written without its "City": "Panama", "Guatemala";
                # after "ở", "tại" or "in", a capital by another name CLDR gives ("Viêng
                # Chăn") or a state, the country of the seat ("Ủy hội Ấn Độ Dương ở
                # Mauritius"), whose headquarters are then checked)
                continue
            rest = words[:-n]
            if len(rest) > 1 and rest[-1].lower() in ("tại", "ở", "in", "at"):
                rest = rest[:-1]
                # round 28: "có trụ sở ở", "đặt trụ sở tại" (has its seat in) before the city
                while len(rest) > 1 and rest[-1].lower() in ("có", "đặt", "trụ", "sở"):
                    rest = rest[:-1]
            return " ".join(rest), city
        return None
