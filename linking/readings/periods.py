"""Historical states by a span of years or a century after the name (rounds 15, 17, 18, 23).

Reads ``Vietnam (1955–1975)``, ``Germany 1949–1990``, ``Russia in the 19th century``,
``Ba Lan thế kỷ XVIII``: the state of the name (or of its family: the states linked by
succession or holding its name) whose span holds the years.
"""

from __future__ import annotations

import re

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..normalise import folded_form
from ..succession import STATE_KINDS, linked_by_succession, span_of, succession_links, year_span
from .answers import _ambiguous, _single
from .text import (
    _TRAILING_YEARS,
    _century,
    _first_fullmatch,
    _name_words,
    _prefix_ends,
    _state_office,
    _unique,
)

#: round 25: the words of a long form in an English label ("Republic of Vietnam"), whose
#: words other states' long forms hold too ("Democratic Republic of Vietnam"), and the compass
#: words of a state one of two of a name ("North Korea")
_FORM_WORDS = frozenset({"republic", "kingdom", "democratic", "federal", "people's", "peoples",
                         "socialist", "empire", "state", "union", "federation", "confederation"})
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern",
                            "eastern", "western"})


#: round 40: the compass words of a Vietnamese name, first in it ("Nam Xu-đăng", "Bắc
#: Triều Tiên"), folded
_VI_COMPASS_WORDS = frozenset({"nam", "bac", "dong", "tay"})


def _compass_written(head: str) -> bool:
    """Round 40: whether ``head`` begins with a compass word, English or Vietnamese.

    >>> [_compass_written(n) for n in ("Nam Xu-đăng", "the South Sudanese", "Triều Tiên")]
    [True, True, False]
    """
    words = re.sub(r"(?i)^the\s+", "", head.strip()).split()[:1]
    return bool(words) and (words[0].lower() in _COMPASS_WORDS
                            or folded_form(words[0]) in _VI_COMPASS_WORDS)


#: round 31: the readings of a head that name a state by its seat of government (a capital's
#: government, a seat's building of press_en.yaml or common_vi.yaml), which in the year a
#: state ended or began may be either's (``Periods._edge_of_span``)
_SEAT_METHODS = frozenset({"capital-government", "press-description", "common-name"})


#: round 25: a state's government before its years (``Matcher._government_in``)
_GOVERNMENT = (
    re.compile(r"(?:the\s+)?(?P<state>[A-Z].*?)(?:'s|’s)?\s+(?:government|authorities|court)",
               re.IGNORECASE),
    re.compile(r"(?:chính\s+phủ|chinh\s+phu|triều\s+đình|trieu\s+dinh)\s+(?P<state>\S.*)",
               re.IGNORECASE),
    # round 38: the government before the state's name ("the government of China in 1955")
    re.compile(r"(?:the\s+)?(?:government|authorities)\s+of\s+(?:the\s+)?(?P<state>[A-Z].*)",
               re.IGNORECASE),
)
# (round 28: a monarch's court, "the Qing court in 1900", "triều đình nhà Thanh năm 1895", is
# the government of the state with its years)


#: round 36: a republic's word in a long form, English or Vietnamese (convention E)
#: round 43: a head written as an acronym of capitals (with or without its article)
_CAPS_HEAD = re.compile(r"(?:the\s+)?[A-Z]{2,4}")
_REPUBLIC_WORD = re.compile(r"\b(?:republic|cộng\s+hòa|cộng\s+hoà|cong\s+hoa)\b", re.IGNORECASE)


def _names_of(e: Entity) -> list[str]:
    """Round 36: ``e``'s labels and aliases."""
    return [*e.labels.values(), *(t for t, _ in e.aliases)]


def _holds_words(text: str, name: str) -> bool:
    """Round 38: whether ``text`` holds the words of ``name`` in a row (each word folded).

    >>> _holds_words("nước Đức thời Hoàng đế Wilhelm I", "Đức")
    True
    >>> _holds_words("Vương quốc Phổ", "Đức")
    False
    """
    ws = [folded_form(w) for w in text.split()]
    ns = [folded_form(w) for w in name.split()]
    n = len(ns)
    return n > 0 and any(ws[i:i + n] == ns for i in range(len(ws) - n + 1))


class Periods:
    """Readings of a state's name with its years."""

    def _by_period(
        self, query: str, head: str, qual: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 23: :meth:`_by_period_read` with :attr:`_with_years` raised (the head's
        capital government is not read as today's state alone)."""
        self._with_years += 1
        outer = self._years_now
        if outer is None:
            self._years_now = year_span(qual)
        try:
            return self._by_period_read(query, head, qual, kinds)
        finally:
            self._with_years -= 1
            self._years_now = outer

    def _body_acronym(self, head: str) -> list[Entity] | None:
        """Round 43: the candidates of ``head`` read as written with no kind, when it is
        ambiguous between a state and an organisation (an acronym both write: "AU")."""
        r = self._match(head, None, None)
        if r is None or not r.ambiguous:
            return None
        ents = [c.entity for c in r.candidates]
        if any(e.kind in KIND_GROUPS["organisation"] for e in ents) and any(
                e.kind in STATE_KINDS for e in ents):
            return ents
        return None

    def _lived(self, e: Entity, a: int, b: int) -> bool:
        """Round 43: whether ``e`` lived through some of the years ``a`` to ``b``: a state by
        its years (COW's, or the registry's span), an organisation by its founding and
        dissolution (either unknown: not checked)."""
        if e.kind in STATE_KINDS:
            ys = self._years_of(e)
            return ys is not None and ys[0] <= b and a <= ys[1]
        start = year_span(e.founded) if e.founded else None
        end = year_span(e.dissolved) if e.dissolved else None
        return not ((start is not None and b < start[0]) or (end is not None and a > end[1]))

    def _by_period_read(
        self, query: str, head: str, qual: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 15: a state named with a span of years ("Vietnam (1955–1975)", "Germany
        (1949–1990)"): the historical states that have the name's words in a row in one of
        their names and whose registry span (existed_from to existed_until) overlaps those
        years. Two or more: ambiguous between them, never today's state (a divided state named
        by its period); one, whose span holds the years: that state. None when no historical
        state of the name fits (today's state is read as before) or the qualifier is no span."""
        span = year_span(qual)
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if span is None or not state_kinds:
            return None
        a, b = span
        if _CAPS_HEAD.fullmatch(head) and (both := self._body_acronym(head)) is not None:
            # round 43: an acronym that is a state's code and an organisation's acronym alike
            # ("AU": Australia's ISO code and the African Union's acronym, ambiguous written
            # alone) is read with its years as both: those that lived in them; the body alone:
            # the organisation's reading of years after this one ("the AU in 1960" was
            # Australia by its code, "the AU in 2002 when it replaced the OAU" too)
            lived = [e for e in both if self._lived(e, a, b)]
            if not any(e.kind in STATE_KINDS for e in lived):
                return None
            if any(e.kind in KIND_GROUPS["organisation"] for e in lived):
                amb = _ambiguous(query, lived, 80.0)
                return MatchResult(
                    query, amb.candidates, True,
                    f"{amb.note} ({head!r} is a state's code and an organisation's acronym, "
                    f"and each lived in {qual})")

        def fitting(named: list[Entity]) -> list[tuple[Entity, int, int]]:
            out = []
            for e in named:
                es = span_of(e) if e.kind != "state" else None
                if es is None and e.kind != "state" and e.existed_until and a == b:
                    # round 20: a span open before its end (the registry gives no start:
                    # the Russian Empire) holds a year up to its end, as in _family_fit
                    es = (0, int(e.existed_until[:4]))
                if es is None:
                    continue
                s, t = es
                if s < b and a < t if a < b else s <= a <= t:
                    out.append((e, s, t))
            return out

        fit = fitting(self._named(head, state_kinds))
        r = self._match(head, STATE_KINDS, None) if not fit else None
        if not fit and r is None:
            # round 17: a head that only a later reading names ("nước Đức", the country word
            # before "Đức")
            r = self.match(head, kind=STATE_KINDS)
        x = r.best.entity if (r is not None and r.best is not None and r.best.match) else None
        label = x.labels.get("en", "") if x is not None else ""
        if not fit and x is not None and x.kind == "state" and label and (
                folded_form(label) != folded_form(head)):
            # round 16: a native or long-form name before the years ("Bundesrepublik
            # Deutschland (1949–1990)") is read like the English name of the state it names:
            # the historical states of that name, and of them the ones that bore the same
            # long form (a name of theirs read as that state's long form)
            fit = fitting(self._named(label, state_kinds))
            if len(fit) > 1 and r is not None and r.best is not None and self._long_form(
                    head, r.best.method):
                bore = [f for f in fit if self._bore_long_form(f[0], x)]
                fit = bore or fit
            if fit:
                head = f"{head} ({label})"
        how = "named"
        if fit and a == b:
            # round 20: one year that saw several regimes of the state ("Russia in 1917": the
            # Empire, the Provisional Government's republic, the RSFSR) is ambiguous between
            # them all: the states of the name's family (by its adjective and by succession)
            # whose spans hold the year join those named so
            r0 = self._match(head, STATE_KINDS, None)
            if r0 is None or r0.best is None:
                # round 25: a head only a later reading names ("nước Nga": the country word
                # before "Nga"), read as at the start of this method
                r0 = self.match(head, kind=STATE_KINDS)
            x0 = r0.best.entity if (r0 is not None and r0.best is not None
                                    and r0.best.match and not r0.ambiguous) else None
            label0 = x0.labels.get("en", "") if x0 is not None else ""
            if label0 and folded_form(label0) != folded_form(head) and not (
                    r0 is not None and r0.best is not None
                    and self._long_form(head, r0.best.method)) and not (
                    set(label0.lower().split()) & _FORM_WORDS):
                # round 25: a name in another language is read as the English name of the
                # state it names ("Nam Tư năm 1992" as "Yugoslavia in 1992": Yugoslavia and
                # Serbia and Montenegro, whose English names hold the name; "nước Nga năm
                # 1917" as "Russia in 1917")
                fit = fit + [f for f in fitting(self._named(label0, state_kinds))
                             if all(f[0] is not g[0] for g in fit)]
            if (x0 is not None and x0.kind == "state" and r0 is not None
                    and r0.best is not None and not self._long_form(head, r0.best.method)):
                # (the states of its name only, by its adjective: succession alone links
                # states that never bore the name; a long form keeps round 16's reading)
                of_name = self._of_name(x0, state_kinds)
                more = [f for f in self._family_fit(x0, a, b, state_kinds)
                        if all(f[0] is not g[0] for g in fit)
                        and any(f[0] is n for n in of_name)]
                if more:
                    fit = fit + more
                    how = "named, or linked by succession to a state named"
        xs = span_of(x) if x is not None and x.kind == "historical-state" else None
        words = head.split()
        if (not fit and xs is not None and a == b and r is not None and r.best is not None
                and r.best.method == "adjectival-form" and len(words) == 2
                and words[1].lower() in ("state", "nation", "country")):
            # round 27: an adjective before the plain word for a state, with one year ("the
            # Soviet state in 1922", "the Yugoslav state in 1992"): the states named by the
            # adjective or by the state's name whose spans hold the year; several: ambiguous
            # (the RSFSR and the Soviet Union; Yugoslavia and Serbia and Montenegro)
            named = _unique([*self._named(words[0], state_kinds),
                             *self._named(x.labels.get("en", ""), state_kinds)])
            both = fitting(named)
            if len(both) > 1:
                fit = both
                how = "named by the adjective or by the state's name"
        if (not fit and xs is not None and a == b and r is not None and r.best is not None
                and r.best.method == "official-form" and not self._long_form(head, "")):
            # round 38: the word for a state before a historical state's name ("Nhà nước Nam
            # Tư năm 1992"), no long form it bore, is read as the name alone ("Nam Tư năm
            # 1992": Yugoslavia and Serbia and Montenegro)
            words = head.split()
            ends = _prefix_ends([folded_form(w) for w in words], self._state_forms)
            rest = " ".join(words[max(ends):]) if ends else ""
            if rest and rest != head:
                return self._by_period_read(query, rest, qual, kinds)
        if not fit and xs is not None and xs[0] <= a and b <= xs[1] and r is not None and (
                r.best is not None and r.best.method != "fuzzy"):
            # round 23: a head read as one historical state whose span holds the years is
            # that state ("North Yemen under Saleh in 1980": "North" decides, not the
            # states linked to the Yemen Arab Republic by succession)
            fit = [(x, xs[0], xs[1])]
        if not fit and x is not None:
            # round 17: the states that held the name or succeeded one another under it:
            # those named by the state's name or its adjective ("Russian Empire" for
            # "Russia"; a span left open before its end when the registry gives no start),
            # and their predecessors and successors in the registry (succeeded_by; a full span
            # needed: "Russia in 1950" is the Soviet Union)
            fit = self._family_fit(x, a, b, state_kinds)
            how = "named, or linked by succession to a state named"
        if not fit and a == b and r is not None and r.ambiguous:
            # round 24: an ambiguous name with one year ("Korea in 1985"): those of its states
            # whose years hold the year, today's states by the state lists (COW's first year:
            # South Korea from 1949, North Korea from 1948)
            for c in r.candidates:
                ys = self._years_of(c.entity)
                if c.entity.kind in state_kinds and ys is not None and ys[0] <= a <= ys[1]:
                    fit.append((c.entity, ys[0], ys[1]))
                elif (c.entity.kind == "state" and c.entity.kind in state_kinds
                      and self._coded_then(c.entity, a, b, state_kinds) == [c.entity]):
                    # round 41: or in years another COW code names it by state-periods.csv
                    # ("the Beijing government in 1925": COW 710's capital, the Republic of
                    # China's from 1912 to 1949)
                    fit.append((c.entity, a, b))
            if any(e.kind == "state" and (s_, t_) == (a, b) for e, s_, t_ in fit):
                # (round 41: with such a state, a historical record of the name whose span,
                # open before its end, ends in the year: "the Beijing government in 1912",
                # Qing China to February and the Republic of China from January)
                fit += [(c.entity, 0, a) for c in r.candidates
                        if c.entity.kind == "historical-state" and c.entity.kind in state_kinds
                        and span_of(c.entity) is None
                        and (c.entity.existed_until or "")[:4] == str(a)
                        and all(c.entity is not f for f, _, _ in fit)]
            how = "of the ambiguous name (today's states from COW's first year)"
        former = r is not None and r.best is not None and r.best.method == "predecessor"
        if not fit and x is not None and x.kind == "state" and r is not None and (
                r.best is not None and not r.ambiguous
                and r.best.method not in ("fuzzy", "historical-name")
                and (not set(label.lower().split()[:1]) & _COMPASS_WORDS
                     # round 40: a head that writes the compass word itself names that one
                     # state ("Nam Xu-đăng năm 2011"; "Triều Tiên" writes none)
                     or _compass_written(head)
                     # round 31: a seat of a state one of two of a name, named by its
                     # building ("Nhà Xanh năm 2015", the Blue House), names that one state
                     or r.best.method in ("press-description", "common-name",
                                          # round 40: so do its capital's government and
                                          # its leader ("Kim Il-sung's Pyongyang in 1975")
                                          "capital-government", "ruler"))):
            # round 25: today's state in years no other record of its name or family holds
            # ("Hungary in 1956"), when its own years (COW's, as for an ambiguous name) hold
            # them and no monarchy of predecessors.yaml's monarchies_ended reigned then (a
            # monarchy Wikidata holds apart is no match, convention B: "Iran in 1970"). Not
            # for a former name read as the state ("Rhodesia in 1970", a regime Wikidata holds
            # apart) nor a state one of two of a name ("North Korea": "Triều Tiên năm 1970")
            # Round 27: a former name of the same state (predecessors.yaml, relation
            # "renamed": "Zaire in 1990", "Siam in 1930", "Xiêm năm 1930") is read so too,
            # unless its years fall in a regime Wikidata holds apart (predecessors.yaml
            # regimes_apart: "Rhodesia in 1970")
            ys = self._years_of(x)
            coded = self._coded_then(x, a, b, state_kinds)
            if coded:
                # round 41: the records COW's code of today's state names in those years by
                # the registry's state-periods.csv ("the Chinese government in 1930": COW
                # 710 names the Republic of China, TWN, from 1912 to September 1949;
                # "Trung Hoa Dân Quốc năm 1937": TWN, whose own code 713 begins in 1949);
                # a year both held ("in 1949") names both
                if len(coded) > 1:
                    amb = _ambiguous(query, coded, 88.0)
                    return MatchResult(
                        query, amb.candidates, True,
                        f"{amb.note} ({head!r} with the years {qual!r}: COW's code "
                        f"{x.cow_code} names each in those years, by state-periods.csv)")
                return _single(query, coded[0], 86.0, "qualified-period",
                               self._note(coded[0]),
                               f"{head!r} with the years {qual!r}: a COW code names "
                               f"{coded[0].label} in those years (state-periods.csv)")
            crowned = any(s0 <= b and a <= t0 and not (a == b == t0)
                          # (round 42: one year in which the monarchy ended, the state's
                          # republic or its successor regime began in it too: "I-ran năm 1979
                          # sau Cách mạng Hồi giáo", "Nê-pan năm 2008", "Lào năm 1975": today's
                          # state, as the writers of five lists gave it; the monarchy's own
                          # words, "the Kingdom of Laos in 1975", are read by convention B's
                          # readings before this one)
                          for s0, t0, _ev in self._monarchies_ended.get(id(x), ()))
            apart = former and any(s0 <= b and a <= t0
                                   for s0, t0, _ev in self._regimes_apart.get(id(x), ()))
            if ys is not None and ys[0] <= a and b <= ys[1] and not crowned and not apart:
                why = (f"a former name of {x.label}" if former
                       else "no other record of its name or of its predecessors holds them")
                return _single(query, x, 86.0, "qualified-period", self._note(x),
                               f"{head!r} with the years {qual!r}: {why}; {x.label} from "
                               f"{ys[0]} (COW's first year, or its predecessors' end)")
        if not fit:
            return None
        spans = ", ".join(f"{e.label} {s}–{t}" for e, s, t in fit)
        if len(fit) > 1:
            r = _ambiguous(query, [e for e, _, _ in fit], 88.0)
            return MatchResult(
                query, r.candidates, True,
                f"{r.note} (the states {how} {head!r} whose registry spans overlap the "
                f"years {qual!r}: {spans}; today's state is not read for a past period)")
        e, s, t = fit[0]
        if not (s <= a and b <= t):
            return None
        edge = (self._edge_of_span(e, s, t, a, b)
                if r is not None and s < t and (
                    r.ambiguous or any(c.method in _SEAT_METHODS for c in r.candidates[:1]))
                else [])
        if not edge and s < t and a == b and a in (s, t) and e.kind == "historical-state":
            # round 32: today's state's own name read as a historical record of its line in
            # the year that record ended or began ("Serbia in 1918": the Kingdom of Serbia,
            # whose successor Yugoslavia began in 1918; "the Turkish government in 1922"):
            # the registry's succession says the year is both's. A historical state's own
            # name keeps its record ("West Germany in 1990")
            today = r if r is not None else self._match(head, STATE_KINDS, None)
            if (today is not None and not today.ambiguous and today.best is not None
                    and today.best.match and today.best.entity.kind == "state"
                    and today.best.method not in ("fuzzy", "historical-name", "predecessor")):
                edge = self._edge_of_span(e, s, t, a, b)
                # round 38: the name of today's state names one side of the change only
                # when the other's names (and its predecessors') do not hold it ("nước Đức
                # năm 1871", "Germany in 1871": the German Reich, whose names hold "Đức"
                # and "Germany", not the Kingdom of Prussia); "Serbia in 1918" keeps
                # Yugoslavia (its predecessor the Kingdom of Serbia), "the Turkish
                # government in 1922" Turkey (today's state itself)
                edge = [f for f in edge
                        if self._names_today(f, today.best.entity)]
        if (not edge and s < t and a == b and a in (s, t) and e.kind == "historical-state"
                and not any(folded_form(n) in folded_form(query)
                            for n in e.labels.values() if n)):
            # round 37: a year in which the one record read began or ended and a historical
            # record of the same line by the registry's succession ended or began, the name
            # being no label of the record read (a byname, an adjective, a seat: "the Soviet
            # government in 1922", the RSFSR to 30 December and the Soviet Union after;
            # "the North Yemen government in 1962"; "Nam Việt Nam năm 1955"): the year is
            # both's. A record's own label keeps it ("the Soviet Union in 1922")
            edge = [f for f in self._edge_of_span(e, s, t, a, b)
                    if f.kind == "historical-state"]
            today = r if r is not None else self._match(head, STATE_KINDS, None)
            if (edge and today is not None and not today.ambiguous and today.best is not None
                    and today.best.match):
                # round 38: a name of today's state names the other side only when the
                # other's names or its predecessors' hold it (above); a ruler's record read
                # by a name holding its line's state of today is read so ("nước Đức thời
                # Hoàng đế Wilhelm I năm 1871": the Reich; "Nga thời Lenin năm 1922" keeps
                # both, the Soviet Union's predecessor being named "Nga")
                x_today = today.best.entity
                if x_today.kind != "state" and today.best.method == "ruler":
                    x_today = self._state_of_line(x_today, query)
                if x_today is not None and x_today.kind == "state":
                    edge = [f for f in edge if self._names_today(f, x_today)]
        if edge and r is not None and r.ambiguous:
            # (an ambiguous head: only the states it names, "chính quyền Vienna": the capital
            # of the Austrian Empire, Austria-Hungary and Austria)
            edge = [f for f in edge if any(c.entity is f for c in r.candidates)] or (
                # round 36: or a predecessor whose COW capital holds a word of the name
                # ("chính phủ Berlin năm 1990": East Germany, capital East Berlin)
                self._capital_predecessors([e], head, a, b))
        # round 31: a head that names a seat of government, no name of the state (a capital's
        # government, a seat's building: the state's own name with its year stays that state,
        # "the Soviet Union in 1991"), or names several states, with one year in which the
        # one state read ended and its successor began, or began and its predecessor ended
        # ("the Bonn government in 1990": West Germany and Germany; "chính quyền Vienna năm
        # 1867": the Austrian Empire and Austria-Hungary): both held the year, so the name is
        # ambiguous between them
        why = (f"{'ends' if t == a else 'begins'} in it, and {{}} "
               f"{'succeeded' if t == a else 'preceded'} it by the registry's succession")
        if (not edge and r is not None and r.ambiguous and a == b and t == a
                and e.kind == "historical-state"):
            # round 37: an ambiguous head ("chính quyền Vienna") in the year the one record
            # read ended: of the states it names, today's state whose first year (COW's or
            # Archigos', ``Frames._first_year``) it is (Austria, from November 1918)
            edge = [c.entity for c in r.candidates if c.entity.kind == "state"
                    and c.entity is not e and self._first_year(c.entity) == a]
            why = ("ends in it, and {}, which the name gives too, began in it (COW's or "
                   "Archigos' first year)")
        if edge:
            amb = _ambiguous(query, [e, *edge], 88.0)
            return MatchResult(
                query, amb.candidates, True,
                f"{amb.note} ({head!r} with the year {qual!r}: {e.label}'s span {s}–{t} "
                + why.format(", ".join(describe(f) for f in edge)) + ")")
        if (e.kind == "historical-state" and x is not None and x.kind == "state"
                and r is not None and r.best is not None and label
                and _REPUBLIC_WORD.search(head)
                and self._long_form(head, r.best.method)
                and not any(folded_form(label) in folded_form(n) for n in _names_of(e))):
            # round 36 (convention E): a republic's long form of today's state in years when
            # the state of its line was a union of other names ("the Socialist Republic of
            # Serbia in 1989": Yugoslavia then) names the constituent republic, which the
            # registry holds no record of: no match, the union the closest
            return MatchResult(
                query, [Candidate(e, 50.0, False, "qualified-period")], False,
                f"no match: {head!r} is a republic's long form of {describe(x)}; in {qual} "
                f"its line was {describe(e)}, whose names do not hold {label!r}: a "
                "constituent republic, which the registry holds no record of (convention E)")
        return _single(query, e, 88.0, "qualified-period", self._note(e),
                       f"{head!r} narrowed by the years {qual!r}: of the states {how} so, "
                       f"only {spans} covers them")

    def _state_of_line(self, e: Entity, query: str) -> Entity | None:
        """Round 38: today's state at the end of ``e``'s line by the registry's succession,
        when the name ``query`` holds its English or Vietnamese label; else None."""
        if self._successors is None:
            self._successors = succession_links(self.registry)
        x: Entity | None = e
        for _ in range(8):
            if x is None or x.kind == "state":
                break
            x = self._successors[0].get(id(x))
        if x is None or x.kind != "state":
            return None
        labels = [n for n in (x.labels.get("en"), x.labels.get("vi")) if n]
        return x if any(_holds_words(query, n) for n in labels) else None

    def _names_today(self, f: Entity, x: Entity) -> bool:
        """Round 38: whether today's state ``x``'s English or Vietnamese label is a name, or
        words of a name, of ``f`` or of a predecessor of ``f`` by the registry's succession
        (``f`` being ``x`` counts)."""
        if f is x:
            return True
        if self._successors is None:
            self._successors = succession_links(self.registry)
        own = [n for n in (x.labels.get("en"), x.labels.get("vi")) if n]
        return any(_holds_words(n, o) for g in (f, *self._successors[1].get(id(f), []))
                   for n in _names_of(g) for o in own)

    def _years_of(self, e: Entity) -> tuple[int, int] | None:
        """Round 24: a state's years: a historical state's span (:func:`span_of`); today's
        state's from the COW capitals' years of its COW code when no other record holds that
        code (South Korea from 1949; Germany's 255 is Prussia's and the Reich's too: None),
        from the end of its predecessors by succession if later, open at the end. Not the
        state lists' periods, which the files and the store give differently."""
        if e.kind != "state":
            return span_of(e)
        if e.cow_code is None or any(x is not e and x.cow_code == e.cow_code
                                     for x in self._by_cow_code(e.cow_code)):
            return None
        cow = self._cow_capitals.years.get(e.cow_code)
        if cow is None:
            return None
        if self._successors is None:
            self._successors = succession_links(self.registry)
        # (a state begins when its predecessors end: Vietnam, COW's 816 from 1954, after the
        # Democratic Republic and the Republic of Vietnam, 1976)
        ends = [sp[1] for p in self._successors[1].get(id(e), []) if (sp := span_of(p))]
        # (round 41: and from the first year the code names it by state-periods.csv: COW's
        # 710 names China, the People's Republic, from October 1949, the Republic of China
        # from 1912 to September 1949)
        own = [s for s, _t in self._cow_named_own(e)]
        return max([cow[0], *ends, *own[:1]]), 9999

    def _coded_then(self, x: Entity, a: int, b: int,
                    state_kinds: frozenset[str]) -> list[Entity]:
        """Round 41: the records of ``state_kinds`` that the COW codes naming today's state
        ``x`` name in the years ``a``-``b`` (``SystemCodes.spans``, read from the registry's
        ``state-periods.csv`` or the store): x's own code's spans holding any of the years,
        and x itself when a span of another code names x in all of them (the Republic of China
        by COW 710 from 1912 to 1949). Empty when x's code names no other record in those
        years and no other code names x then, or names one other record alone whose names do
        not hold x's English name: the reading is left as it was."""
        if x.cow_code is None:
            return []
        if self._cow_named is None:
            named: dict[str, list[tuple[int, int, int]]] = {}
            for (system, code), spans in self.reference.codes.spans.items():
                if system == "cow":
                    for s, t, iri in spans:
                        named.setdefault(iri, []).append((code, s.year, t.year))
            self._cow_named = named
        out: list[Entity] = []
        for s, t, iri in self.reference.codes.spans.get(("cow", x.cow_code), ()):
            e = self.registry.by_iri(iri)
            if e is not None and e.kind in state_kinds and s.year <= b and a <= t.year:
                out.append(e)
        out = _unique(out)
        if len(out) == 1 and out[0] is not x and not any(
                _holds_words(n, x.labels.get("en", "")) for n in _names_of(out[0])):
            # (one other record alone must bear the state's English name: "China in 1930"
            # is the Republic of China's; "Germany in 1850" is not Prussia's, round 17)
            return []
        if not any(e is not x for e in out):
            if any(c != x.cow_code and s <= a and b <= t
                   for c, s, t in self._cow_named.get(x.iri, ())):
                return [x]
            return []
        return out

    def _cow_named_own(self, x: Entity) -> list[tuple[int, int]]:
        """Round 41: the years x's own COW code names x (``SystemCodes.spans``)."""
        return [(s.year, t.year) for s, t, iri in
                self.reference.codes.spans.get(("cow", x.cow_code), ()) if iri == x.iri]

    def _edge_of_span(self, e: Entity, s: int, t: int, a: int, b: int) -> list[Entity]:
        """Round 31: for one year (``a == b``) that is the last year of ``e``'s span, its
        successor by the registry's ``succeeded_by`` whose own years hold the year; for the
        first year, its predecessors whose spans end in it. Empty otherwise."""
        if a != b or not (t == a or s == a):
            return []
        if self._successors is None:
            self._successors = succession_links(self.registry)
        nxt, prev = self._successors
        out: list[Entity] = []
        if t == a and (f := nxt.get(id(e))) is not None:
            ys = self._years_of(f)
            if ys is not None and ys[0] <= a <= ys[1]:
                out.append(f)
        if s == a:
            out += [p for p in prev.get(id(e), []) if (p.existed_until or "")[:4] == str(a)]
        return _unique(out)

    def _by_cow_code(self, code: int) -> list[Entity]:
        """Round 24: the registry's records with the COW code ``code``."""
        if self._cow_holders is None:
            held: dict[int, list[Entity]] = {}
            for x in self.registry.entities:
                if x.cow_code is not None:
                    held.setdefault(x.cow_code, []).append(x)
            self._cow_holders = held
        return self._cow_holders.get(code, [])

    def _family_fit(
        self, x: Entity, a: int, b: int, state_kinds: frozenset[str]
    ) -> list[tuple[Entity, int, int]]:
        """Round 17: the historical states of ``x``'s name whose spans overlap the years
        ``a``-``b`` (one year: hold it): those with ``x``'s English name or its adjective in a
        name ("Austrian Empire", "Russian Soviet Federative Socialist Republic"), whose span
        may be open before its end when the registry gives no start (the Russian Empire, Qing
        China), and the states linked to them or to ``x`` by the registry's succession
        (``succeeded_by``, both ways), whose span must be whole."""
        named = [e for e in self._of_name(x, state_kinds) if e.kind == "historical-state"]
        linked = self._succession(x, named)
        out = []
        for e in _unique([*named, *linked]):
            if e.kind != "historical-state" or e.kind not in state_kinds:
                continue
            es = span_of(e)
            if es is None and e.existed_until and any(e is n for n in named):
                es = (0, int(e.existed_until[:4]))
            if es is None:
                continue
            s_, t = es
            if (s_ < b and a < t) if a < b else (s_ <= a <= t):
                out.append((e, s_, t))
        return out

    def _family(self, x: Entity, state_kinds: frozenset[str]) -> list[Entity]:
        """Round 17: ``x`` and the states of its name: those with its English name or its
        adjective in a name, and the states linked to them by succession."""
        named = self._of_name(x, state_kinds)
        return _unique([x, *named, *self._succession(x, named)])

    def _of_name(self, x: Entity, state_kinds: frozenset[str]) -> list[Entity]:
        """Round 17: the states with ``x``'s English name or its adjective in a name (of
        :func:`_family` and :func:`_family_fit`), each once."""
        label = x.labels.get("en", "")
        named = self._named(label, state_kinds) if label else []
        for words, held in self._adjectives.items():
            if any(e is x for e, _, _ in held):
                n = len(words)
                named += [e for e in self._having_word(words[0] if words else None)
                          if e.kind in state_kinds and any(
                    tuple(ws[i:i + n]) == words for ws in _name_words(e)
                    for i in range(len(ws) - n + 1))]
        return _unique(named)

    def _succession(self, x: Entity, named: list[Entity]) -> list[Entity]:
        """Round 17: every state linked to ``x`` or to one of ``named`` by the registry's
        ``succeeded_by``, forwards and backwards, transitively."""
        if self._successors is None:
            self._successors = succession_links(self.registry)
        return linked_by_succession(x, named, self._successors)

    def _years_after(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 15: a span of years after the name without brackets ("Germany 1949–1990",
        "Vietnam, 1955-1975"), read as in brackets (:meth:`_by_period`)."""
        yr = _TRAILING_YEARS.fullmatch(text)
        if yr is None:
            return None
        gov = _first_fullmatch(_GOVERNMENT, yr.group("head"))
        if gov is None and (office := _state_office(yr.group("head"))) is not None:
            # round 40: a state's office with its years is its government of those years
            # ("the Chinese foreign ministry in 1960", as "the Chinese government in 1960")
            gov = _first_fullmatch(_GOVERNMENT, office)
        if gov is not None:
            got = self._government_in(query, gov.group("state").strip(), yr.group("years"),
                                      kinds)
            if got is not None or gov.re is not _GOVERNMENT[1] or not self._capital_codes(
                    gov.group("state").strip())[1]:
                return got
            # round 31: a capital's government with its years in Vietnamese ("chính phủ Hà
            # Nội năm 1965"), when the capital is read as no state: the whole head read with
            # the years, as "chính quyền Hà Nội năm 1965" is (the English "the Hanoi
            # government in 1965" is the period qualifier's, frames.py)
        r = self._dated_rival(query, yr.group("head"), yr.group("years"),
                              self._by_period(query, yr.group("head"), yr.group("years"),
                                              kinds))
        if r is None:
            r = self._body_in_years(query, yr.group("head"), yr.group("years"), kinds)
        if r is None and (state := self._unread_leader(yr.group("head"),
                                                            yr.group("years"))) is not None:
            # round 41: a leader no table holds, as a qualifier between the state's name and
            # its year ("Zagreb under Franjo Tuđman in 1995"): the state with the year
            got = self.match(state + text[yr.end("head"):],
                             kind=STATE_KINDS if kinds is None else kinds & STATE_KINDS)
            if got is not None and got.candidates and all(
                    c.entity.kind in STATE_KINDS for c in got.candidates) and (
                    got.ambiguous or got.best is not None):
                why = (f"the leader after {state!r} is in no table of rulers and is read as a "
                       "qualifier only")
                return MatchResult(query, [Candidate(c.entity, c.score, c.match, c.method,
                                                     f"{c.evidence}; {why}" if c.evidence
                                                     else why) for c in got.candidates],
                                   got.ambiguous, got.note)
        return r

    def _body_in_years(self, query: str, head: str, years: str,
                       kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 29: an organisation named with a year or years ("khối SEATO năm 1960",
        "Tổ chức Thống nhất châu Phi năm 1975"): the body the name reads plainly, when the
        years fall within its founding and dissolution years as the registry gives them
        (either unknown: not checked); years outside them are no match, the body the
        closest. None when the head reads no one organisation."""
        org_kinds = KIND_GROUPS["organisation"]
        if kinds is not None and not kinds & org_kinds:
            return None
        span = year_span(years)
        if span is None:
            return None
        outer = self._body_years
        self._body_years = span  # round 45: the years a body's head must have served in
        try:
            r = self.match(head, kind=org_kinds if kinds is None else kinds & org_kinds)
        finally:
            self._body_years = outer
        if r.best is None and r.ambiguous and r.candidates and all(
                c.entity.kind in org_kinds for c in r.candidates) and (
                # (not a generic description's bodies, read by their subject: "the Western
                # European Union of" is the union and its assembly only as a generic name)
                "generic name" not in r.note):
            return self._bodies_in_years(query, head, years, span, r)
        if r.best is None or r.ambiguous or not r.best.match:
            return None
        if r.best.method == "key-folded" and self._capital_codes(
                re.sub(r"^(?:the|The)\s+", "", head.strip()))[1]:
            # round 44: a COW capital's name that is only a body's key in the data ("Oslo",
            # "Bonn", "Colombo": COW's keys of the Oslo Commission, the Bonn Agreement, the
            # Colombo Plan's council) is the capital with a year, read as its state's
            # government ("Colombo in 2009"), not the body the key names
            return None
        e = r.best.entity
        start = year_span(e.founded) if e.founded else None
        end = year_span(e.dissolved) if e.dissolved else None
        ev = f"{head!r} read as {describe(e)} ({r.best.method}), {years}"
        if (start is not None and span[0] < start[0]) or (end is not None and span[1] > end[1]):
            lived = f"founded {e.founded or '?'}, dissolved {e.dissolved or '-'}"
            return MatchResult(query, [Candidate(e, 60.0, False, "organisation-in-years", ev)],
                               False, f"no match: {ev} is outside its years ({lived})")
        return _single(query, e, min(r.best.score, 88.0), "organisation-in-years",
                       self._note(e), f"{ev}: within its years")

    def _bodies_in_years(self, query: str, head: str, years: str, span: tuple[int, int],
                         r: MatchResult) -> MatchResult | None:
        """Round 42: an ambiguous name of organisations with years that some of them did
        not live through ("Cộng đồng Kinh tế Tây Phi năm 2020": ECOWAS, the CEAO having ended
        in 1994): the bodies whose registry years (founded to dissolved, either unknown: not
        checked) hold the years; one: that body; several: ambiguous between them. None when
        the years rule all out (the name's other readings follow); ambiguous as before
        when they rule none out."""
        def lived(e: Entity) -> bool:
            start = year_span(e.founded) if e.founded else None
            end = year_span(e.dissolved) if e.dissolved else None
            return not ((start is not None and span[0] < start[0])
                        or (end is not None and span[1] > end[1]))

        fit = [c for c in r.candidates if lived(c.entity)]
        if not fit:
            return None
        if len(fit) == len(r.candidates):
            return MatchResult(query, r.candidates, True,
                               f"{r.note} ({head!r} is ambiguous, and each of its bodies "
                               f"lived in {years})")
        out = [c.entity for c in r.candidates if c not in fit]
        why = (f"{head!r} is ambiguous; in {years}, "
               + ", ".join(f"{describe(e)} (founded {e.founded or '?'}, dissolved "
                           f"{e.dissolved or '-'})" for e in out)
               + " had not begun or had ended")
        if len(fit) == 1:
            e = fit[0].entity
            return _single(query, e, min(fit[0].score, 85.0), "organisation-in-years",
                           self._note(e), why)
        amb = _ambiguous(query, [c.entity for c in fit], 85.0)
        return MatchResult(query, amb.candidates, True, f"{amb.note} ({why})")

    def _dated_rival(self, query: str, head: str, years: str,
                     r: MatchResult | None) -> MatchResult | None:
        """Round 29: a state read with its years whose name another state bore in those
        years (``dated_names`` of predecessors.yaml: "Cộng hòa Congo năm 1962", the
        Léopoldville republic as well as Brazzaville's): ambiguous between both; ``r`` as it
        is otherwise."""
        span = year_span(years)
        if r is None or r.ambiguous or r.best is None or span is None:
            return r
        name = re.sub(r"(?i)^the\s+", "", head.strip())
        rivals = [(e, why) for e, a, b, why in self._dated_names.get(folded_form(name), ())
                  if e is not r.best.entity and a <= span[1] and span[0] <= b]
        if not rivals:
            return r
        amb = _ambiguous(query, [r.best.entity, *(e for e, _ in rivals)], 85.0)
        return MatchResult(query, amb.candidates, True,
                           f"{amb.note} ({name!r} in {years}: " + "; ".join(w for _, w in rivals)
                           + ")")

    def _government_in(self, query: str, state: str, years: str,
                       kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 25: a state's government with its years ("the Yemeni government in 1979",
        "Korea's government in 1953", "chính phủ Việt Nam năm 1962"): the state read with the
        years (:meth:`_by_period`), an adjective read as the name of the state it is the
        adjective of (the country adjectives: "Vietnamese", Vietnam); an adjective of several
        states ("Congolese") gives those whose own years (:meth:`_years_of`) hold the years,
        ambiguous when several."""
        held = self._adjectives.get(tuple(folded_form(w) for w in state.split()))
        states = _unique(e for e, _, _ in held) if held else []
        # round 26: an adjective of one state of today and of empires (its imperial sense:
        # "German", Germany and the German Reich) names that state's government ("the German
        # government in 1970": Germany in 1970, West and East Germany)
        plain = _unique(e for e, _, imperial in held or () if not imperial)
        if len(states) > 1 and len(plain) == 1:
            states = plain
        if len(states) == 1 and states[0].labels.get("en"):
            got = self._changed_hands(query, state, years, self._claimed(
                query, self._by_period(query, states[0].labels["en"], years, kinds), years,
                kinds))
            if got is not None or plain:
                return got
            # round 40: an adjective of an empire alone ("Korean": the Korean Empire) outside
            # the empire's years is read as written with them ("the Korean government in
            # 1960": Korea in 1960, South and North Korea), only when it gives several states
            # (one of them alone by COW's first year is no evidence: "the Korean government
            # in 1948", when both were proclaimed, would be the North's alone)
            got = self._claimed(query, self._by_period(query, state, years, kinds), years,
                                kinds)
            return got if got is not None and got.ambiguous else None
        if len(states) > 1:
            span = year_span(years)
            if span is None:
                return None
            fit = [e for e in states if (ys := self._years_of(e)) is not None
                   and ys[0] <= span[0] and span[1] <= ys[1]]
            if len(fit) > 1:
                amb = _ambiguous(query, fit, 85.0)
                return MatchResult(query, amb.candidates, True,
                                   f"{amb.note} (the states of the adjective {state!r} whose "
                                   f"years hold {years!r})")
            return None
        return self._changed_hands(
            query, state, years,
            self._claimed(query, self._by_period(query, state, years, kinds), years, kinds))

    def _changed_hands(self, query: str, state: str, years: str,
                       r: MatchResult | None) -> MatchResult | None:
        """Round 41: a government named by its state's name in the one year its record
        began or ended, the registry's succession giving the record on the other side of that
        year ("chính phủ Đức năm 1871": the Kingdom of Prussia and the German Reich, as "chính
        phủ Berlin năm 1871" and "the Italian government in 1861" are): ambiguous between
        them, when that record is historical too. The state's name alone keeps round 38's
        reading ("nước Đức năm 1871"). ``r`` as it is otherwise."""
        span = year_span(years)
        if (r is None or r.ambiguous or r.best is None or span is None or span[0] != span[1]
                or r.best.entity.kind != "historical-state"
                or r.best.method != "qualified-period"):
            return r
        e, a = r.best.entity, span[0]
        es = span_of(e)
        if es is None or es[0] >= es[1] or a not in es:
            return r
        # (historical records only: today's state on the other side is left to the readings
        # of its own name, "the Soviet government in 1991" stays the Soviet Union's)
        edge = [f for f in self._edge_of_span(e, es[0], es[1], a, a)
                if f.kind == "historical-state"]
        if not edge:
            return r
        amb = _ambiguous(query, [e, *edge], 85.0)
        return MatchResult(
            query, amb.candidates, True,
            f"{amb.note} (the government of {state!r} in {a}: {e.label}'s span {es[0]}–"
            f"{es[1]} {'begins' if es[0] == a else 'ends'} in it, and "
            + ", ".join(describe(f) for f in edge) + " held it too by the registry's "
            "succession)")

    def _claimed(self, query: str, r: MatchResult | None, years: str,
                 kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 26: a government of today's state in years when another state of today
        named by its name held a government too ("chính phủ Trung Quốc năm 1950": the
        People's Republic and the Republic of China, whose government still claimed China):
        ambiguous between them; ``r`` as it is otherwise."""
        if r is None or r.ambiguous or r.best is None or r.best.entity.kind != "state":
            return r
        e = r.best.entity
        span = year_span(years)
        if span is None or not e.labels.get("en"):
            return r
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        rivals = [x for x in self._named(e.labels["en"], state_kinds)
                  if x is not e and x.kind == "state" and (ys := self._years_of(x)) is not None
                  and ys[0] <= span[0] and span[1] <= ys[1]]
        if not rivals:
            return r
        amb = _ambiguous(query, [e, *rivals], 85.0)
        return MatchResult(query, amb.candidates, True,
                           f"{amb.note} (the states of today named {e.labels['en']!r} whose "
                           f"governments both held {years!r})")

    def _century_after(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 18: a century after the name ("Đế quốc Ottoman thế kỷ 19", "Russia in the
        19th century", "Ba Lan thế kỷ XVIII"), read as its span of years (:meth:`_by_period`)."""
        cy = _century(text)
        if cy is None:
            return None
        return self._by_period(query, cy[0], cy[1], kinds)
