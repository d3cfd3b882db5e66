"""A state's regime named by its ruler or dynasty (rounds 17, 21, 23).

Reads ``Tito's Yugoslavia``, ``nước Đức thời Hitler``, ``the Kerensky government``: from the
``rulers`` table of ``linking/names/predecessors.yaml`` and Archigos' leaders
(:mod:`~..leaders`), never from a guess; a later leader or an unknown ruler is named in a note.
"""

from __future__ import annotations

import difflib
import re

from ...graph.registry import Entity
from ..candidates import Candidate, MatchResult, describe
from ..normalise import consonants, folded_form, phonetic_key, transliterated
from ..succession import STATE_KINDS, span_of, year_span
from .answers import _ambiguous, _single
from .text import _name_words, _period_qualifier, _prefix_ends, _region_vocabulary, _unique

#: round 17: a state's regime named by its ruler or dynasty (the ruler read from the table
#: ``rulers`` of predecessors.yaml): "Tito's Yugoslavia", "Germany under Hitler", "Nam Tư
#: thời Tito", "nước Đức dưới thời Hitler", "Nguyen dynasty Vietnam", "the Kerensky
#: government", "chính quyền Ngô Đình Diệm"
_RULER_PATTERNS = (
    re.compile(r"(?:the\s+)?(?P<ruler>[^'’]+?)['’]s?\s+(?P<state>.+)", re.IGNORECASE),
    re.compile(r"(?P<state>.+?)\s+under\s+(?:the\s+)?(?P<ruler>.+?)"
               r"(?:\s+(?:dynasty|regime|rule))?", re.IGNORECASE),
    re.compile(r"(?P<state>.+?)\s+(?:dưới\s+|duoi\s+)?(?:thời|thoi)\s+(?:kỳ\s+|ky\s+)?"
               r"(?P<ruler>.+)", re.IGNORECASE),
    re.compile(r"(?:the\s+)?(?P<ruler>.+?\s+dynasty)\s+(?P<state>.+)", re.IGNORECASE),
    re.compile(r"(?:the\s+)?(?P<ruler>.+?)\s+(?:government|regime|era|administration)",
               re.IGNORECASE),
    re.compile(r"(?:chính\s+quyền|chế\s+độ|chinh\s+quyen|che\s+do)\s+(?P<ruler>.+)",
               re.IGNORECASE),
    # round 24: the Vietnamese possessive ("Belarus của Lukashenko"), a person's name after it
    # (round 34: or with an honorific before the name, "chính phủ Slovakia của ông Fico")
    re.compile(r"(?P<state>.+?)\s+(?:của|cua)\s+(?P<ruler>(?:(?:ông|bà)\s+)?[A-ZĐ].+)"),
    # round 28: the English "-era" compound before the state ("Orban-era Hungary",
    # "Pinochet-era Chile"), a person's name of one to three words before the hyphen
    re.compile(r"(?:the\s+)?(?P<ruler>[A-Z][\w.]*(?:\s+(?:[A-Z][\w.]*|de|van|von|bin|al)){0,2})"
               r"-era\s+(?P<state>[A-Z].*)"),
)

#: round 24: the patterns whose ruler may be a leader after Archigos' last year
#: (``Matcher._later_leader``): the possessive in English and Vietnamese, "under", "thời"
#: (round 28: and "-era")
_LATER_LEADER_PATTERNS = (_RULER_PATTERNS[0], _RULER_PATTERNS[1], _RULER_PATTERNS[2],
                          _RULER_PATTERNS[6], _RULER_PATTERNS[7])

#: round 29: the patterns of a government named by its leader alone ("the Reagan
#: administration", "chính quyền Mobutu"), read as convention C reads a leader with a state
_GOVERNMENT_OF_LEADER = (_RULER_PATTERNS[4], _RULER_PATTERNS[5])

#: round 32: a monarch's realm by its generic word, with a year or none ("Franz Joseph's
#: empire in 1900"; :meth:`Rulers._by_ruler`)
_REALM = re.compile(r"(?:the\s+)?(?i:empire|kingdom|realm)(?:\s+in\s+(?P<year>\d{4}))?")

#: round 24: an office's title before a leader's name, in English and Vietnamese, read off
#: before the name is looked up ("Ấn Độ dưới thời Thủ tướng Modi", "India under President
#: Nehru", "nước Nga thời Sa hoàng Nicholas II"; the title itself is kept for the monarchy
#: test of convention C)
_TITLE = re.compile(
    r"(?:(?:the\s+)?(?:President|Prime\s+Minister|Premier|Chancellor|Chairman|General|Marshal"
    r"|Generalissimo|Dictator|Tsar|Czar|Tsarina|King|Queen|Emperor|Empress|Sheikh|Crown\s+Prince)"
    r"|Thủ\s+tướng|Tổng\s+thống|Chủ\s+tịch|Tổng\s+Bí\s+thư|Thống\s+chế|Đại\s+tướng|Tướng"
    r"|Sa\s+hoàng|Nga\s+hoàng|Hoàng\s+đế|Nữ\s+hoàng|Vua|Thái\s+tử"
    # (round 36: the rulers of emirates, sultanates and principalities)
    r"|Quốc\s+vương|Thân\s+vương|Tiểu\s+vương|Emir|Amir|Sultan|Prince"
    # (round 34: the Vietnamese honorifics before a leader's name, "thời bà Sheikh Hasina")
    r"|bà|ông"
    r"|Thu\s+tuong|Tong\s+thong|Chu\s+tich|Sa\s+hoang|Nga\s+hoang)\s+(?=[A-ZĐ])",
    re.IGNORECASE)


#: round 36: a monarch's title before a name (``Rulers._crowned_today``)
_CROWN_TITLE = re.compile(r"(?i:king|queen|emir|amir|sultan|sheikh|prince|vua|nhà\s+vua"
                          r"|quốc\s+vương|thân\s+vương|tiểu\s+vương)")


#: round 36: the folded words of a republic's office before a leader's name
_REPUBLIC_OFFICE = re.compile(r"(?:president|primeminister|premier|chancellor|tongthong"
                              r"|thutuong|chutich)")


#: round 21: the year from which an Archigos tenure of today's state's record is read as that
#: record (the Cold War's end; a tenure begun before it may be a regime's the registry does
#: not hold)
_CURRENT_FORMS_FROM = 1990


#: round 23: a monarch's titles (folded, English and Vietnamese words) in a ruler's name
_MONARCH_TITLES = frozenset({
    "shah", "king", "queen", "emperor", "empress", "sultan", "emir", "amir", "imam", "nizam",
    "tsar", "czar", "tsarina", "kaiser", "negus", "khan", "maharaja", "bey", "vua",
    "hoang de", "quoc vuong", "sa hoang", "nga hoang", "nu hoang",
})


#: round 25: the lower-case particles a person's name may begin with ("de Gaulle", "van
#: Rompuy", "bin Salman", "al-Assad"), read before the capitalised name
_PARTICLE = re.compile(r"(?:de|van|von|der|den|da|di|du|del|la|le|bin|ibn|al|el)[\s-](?=[A-Z])")


#: round 25: Archigos' first year: a monarchy of ``monarchies_ended`` that ended before it
#: has monarchs Archigos does not hold, so an unknown name of that state may be one of them
_ARCHIGOS_FROM = 1875


#: round 25: a monarchy that ended in this year or later may be named by a name of its dynasty
#: Archigos does not write as a leader's ("Pahlavi's Iran"): an unknown name of its state is
#: not read as a leader of today (unless Archigos holds a word of it as another state's leader)
_MONARCHY_REMEMBERED = 1950


#: round 45: how alike a Vietnamese transliteration and an Archigos leader of the state named
#: must sound (``Rulers._archigos_heard``), how far ahead of the next leader, and below what
#: the sounds are not compared further
_HEARD_MATCH = 0.75
_HEARD_GAP = 0.1
_HEARD_FLOOR = 0.6
#: round 51: how alike a name in Latin letters' last word and an Archigos leader's last word of
#: the state named must sound (Archigos' other spellings: "Qasim", "Kassem")
_HEARD_LATIN = 0.85


def _name_word(w: str) -> bool:
    """A word of a person's name: a capital and two letters or more in lower case, one
    hyphen at most (round 36: any script's letters, "Milatović", "Tuđman"; a lower-case
    syllable after the hyphen, "Jae-myung")."""
    parts = w.split("-")
    return (len(parts) <= 2 and all(len(p) >= 2 and p.isalpha() for p in parts)
            and parts[0][0].isupper() and parts[0][1:].islower()
            and (len(parts) == 1 or parts[1][1:].islower()))


def _person(name: str) -> bool:
    """Round 25: ``name`` begins as a person's name: a capital, or a lower-case particle
    before one ("de Gaulle")."""
    return name[:1].isupper() or _PARTICLE.match(name) is not None


#: the words of a monarch's title (a later leader is no monarch's name)
_MONARCH_TITLE_WORDS = frozenset(w for t in _MONARCH_TITLES for w in t.split()) | {"sa", "nga"}


#: round 41: a leader after a state's name, before the name's year ("Zagreb under Franjo
#: Tuđman in 1995", "Lisbon under António Costa in 2016"; :meth:`Rulers._unread_leader`)
_LEADER_TAIL = re.compile(r"(?P<state>.+?)\s+(?:under\s+|(?:dưới\s+)?thời\s+)(?P<ruler>.+)",
                          re.IGNORECASE)


class Rulers:
    """Readings of a state named by its ruler or dynasty."""

    def _unread_leader(self, head: str, years: str) -> str | None:
        """Round 41: the state's name of ``head`` when it is "<state> under <leader>" or
        "<state> thời <leader>", the leader a person's name (one to four words, after an
        office's title or none) that neither predecessors.yaml's rulers nor Archigos holds,
        in no monarch's title and no occupation regime's, the years in no occupation regime's
        of the state (convention G): the leader is then only a qualifier,
        and the name with its year is read as the state with the year (the period readings,
        which keep conventions B and G). None otherwise: a leader either table holds is the
        ruler reading's, whatever it answered."""
        m = _LEADER_TAIL.fullmatch(head)
        if m is None:
            return None
        state, ruler = m.group("state").strip(), m.group("ruler").strip()
        titled = _TITLE.match(ruler)
        bare = ruler[titled.end():] if titled else ruler
        words = bare.split()
        if not 1 <= len(words) <= 4 or not _name_word(words[0]) or not all(
                _name_word(w) or w in ("de", "van", "von", "bin", "al", "el", "da", "dos")
                for w in words):
            return None
        if titled and _MONARCH_TITLE_WORDS & set(folded_form(titled.group()).split()):
            return None
        if any(folded_form(w) in _MONARCH_TITLE_WORDS for w in words):
            return None
        if self._rulers.get(folded_form(ruler)) or self._rulers.get(folded_form(bare)):
            return None
        if self._archigos(bare):
            return None
        among = frozenset(e.iri for e in self._states_named(state, STATE_KINDS))
        if among and (self._archigos(bare, among) or self._archigos(bare, among, like=True)):
            return None
        if self._occupation_regime(head, bare) is not None:
            return None
        span = year_span(years)
        if span is None or any(
                st is not None and st.iri in among and (ys := year_span(yrs)) is not None
                and ys[0] <= span[1] and span[0] <= ys[1]
                for _regime, yrs, st in self._occupation_spells.values()):
            # (convention G: in years a government was set up under an occupation of the
            # state, a leader no table holds may be its head: "Belgrade under ... in 1942")
            return None
        return state

    def _by_ruler(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 17: a state's regime named by its ruler or its dynasty, read only from the
        table ``rulers`` of predecessors.yaml: "Tito's Yugoslavia", "Germany under Hitler",
        "Nam Tư thời Tito", "Việt Nam thời nhà Nguyễn", "Nguyen dynasty Vietnam" (the ruler's
        state, when it is the state named or a state of its name or succession: "Tito's
        Germany" is no match), "the Kerensky government", "chính quyền Ngô Đình Diệm" (the
        ruler's state). A ruler of two such states ("Lenin's Russia": the RSFSR and the
        Soviet Union) makes the name ambiguous. None when no pattern holds a listed ruler."""
        if (not self._rulers and not self.reference.leaders) or len(text) > 80:
            return None
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds:
            return None
        for pattern in _RULER_PATTERNS:
            m = pattern.fullmatch(text)
            if m is None:
                continue
            ruler = m.group("ruler")
            state = m.groupdict().get("state")
            if not state and self._capital_codes(ruler)[1]:
                # round 24: a capital (by any name CLDR gives it: "chính quyền Viêng Chăn",
                # Vientiane) names a government by its seat, no ruler (the capital reading's)
                continue
            if not state and self._adjectives.get(tuple(folded_form(ruler).split())):
                # round 51: a state's adjective names the state's government, no ruler ("the
                # Thai government" is Thailand's, not Thanh Thai's, an emperor whose name
                # holds the word; the government-form reading's)
                continue
            titled = _TITLE.match(ruler)
            bare = ruler[titled.end():] if titled else ruler
            rows = self._rulers.get(folded_form(ruler))
            if not rows and titled:
                # round 36: the sourced table's leader after an office's title ("Nam Phi thời
                # Tổng thống Ramaphosa"), as without it
                rows = self._rulers.get(folded_form(bare))
            source = "predecessors.yaml rulers and leaders: "
            if not rows:
                rows, source = self._archigos(bare), ""
            if not rows and state:
                # round 23: a name several leaders hold ("Franco", "Orban", "Castro") read
                # among the leaders of the states the name names
                among = self._states_named(state, state_kinds)
                if among:
                    rows = self._archigos(bare, frozenset(e.iri for e in among))
                    if not rows:
                        # round 25: a leader of those states Archigos writes otherwise
                        # ("Indira Gandhi", "Ben Ali", "Gaddafi")
                        rows = self._archigos(bare, frozenset(e.iri for e in among),
                                              like=True)
                    if not rows:
                        # round 45: a leader of those states written as a Vietnamese
                        # transliteration ("I-rắc thời Xát-đam Hu-xen", Saddam Hussein)
                        # (round 51: a name in Latin letters among the states the name
                        # reads as itself, not their whole family: "Montenegro" is no Serbia)
                        direct = self.match(state, kind=state_kinds)
                        rows = self._archigos_heard(
                            bare, frozenset(e.iri for e in among),
                            frozenset(c.entity.iri for c in direct.candidates
                                      if direct.ambiguous or c.match))
            if not rows and (occupied := self._occupation_regime(query, bare)) is not None:
                return occupied
            if not rows:
                if state:
                    unknown = self._unknown_ruler(query, ruler, state, state_kinds)
                    if unknown is not None:
                        return unknown
                    if titled and _CROWN_TITLE.fullmatch(titled.group().strip()):
                        crowned = self._crowned_today(query, bare, state, state_kinds,
                                                      titled.group().strip())
                        if crowned is not None:
                            return crowned
                    if pattern in _LATER_LEADER_PATTERNS and (
                            not titled or not _MONARCH_TITLE_WORDS & set(
                                folded_form(titled.group()).split())):
                        later = self._later_leader(query, bare, state, state_kinds,
                                                   titled=titled is not None,
                                                   office=titled.group() if titled else "")
                        if later is not None:
                            return later
                continue
            ruled = _unique(e for e, _, _ in rows)
            realm = _REALM.fullmatch(state.strip()) if state else None
            if realm is not None:
                # round 32: "<ruler>'s empire / kingdom / realm", with a year or none ("Franz
                # Joseph's empire in 1900"): the historical records the ruler ruled, those
                # whose rows' years hold the year; several make the name ambiguous. Never
                # today's state (a crown it no longer has is convention B's)
                year = int(realm.group("year")) if realm.group("year") else None
                fit = _unique(e for e, yrs, _ in rows if e.kind == "historical-state"
                              and (year is None or ((ys := year_span(yrs)) is not None
                                                    and ys[0] <= year <= ys[1])))
                state = None
            elif state:
                r = self.match(state, kind=state_kinds)
                named = ([c.entity for c in r.candidates] if r.ambiguous
                         else [r.best.entity] if r.best is not None else [])
                # round 34: a capital in the state's place ("Minsk under Lukashenko",
                # "Tito's Belgrade", "Harare thời Mugabe"): the states it was the capital of
                seat = False
                if not any(x.kind in state_kinds for x in named) and (
                        seats := self._seat_named(state, state_kinds)):
                    named, seat = seats, True
                if not named:
                    continue
                family = _unique(f for x in named for f in self._family(x, state_kinds))
                fit = [e for e in ruled if any(e is f for f in family)]
                # round 21: a ruler's tenure of today's state in years a historical record
                # of the state's family covers whole is that record's ("Mông Cổ thời
                # Tsedenbal", 1952-1984: the Mongolian People's Republic)
                fit = _unique(self._record_of_years(e, rows, family) for e in fit)
                if not source and fit:
                    # round 23 (convention C): an earlier leader of today's state is that
                    # state, unless the leader led a monarchy it no longer is (a regime
                    # Wikidata holds apart, the registry has no record of: convention B)
                    # (round 36: a tenure from 1990 on too, within a crown that ended:
                    # "Nepal thời vua Gyanendra", 2005-2006, the Kingdom of Nepal to 2008)
                    held = [(e, why) for e in fit
                            if (not self._current_tenure(e, rows) or self._in_ended_crown(e, rows))
                            and (why := self._monarchy_then(e, rows, ruler))]
                    kept = [e for e in fit if not any(e is h for h, _ in held)]
                    if held and not kept:
                        e, why = held[0]
                        return MatchResult(
                            query, [Candidate(e, 50.0, False, "ruler")], False,
                            f"no match: Archigos gives {ruler!r} as a leader of today's "
                            f"{describe(e)} when it was a monarchy ({why}), a former regime "
                            "the registry holds no record of (conventions B and C)")
                    if (kept and not seat and not r.ambiguous
                            and (r.best is None or not r.best.match)):
                        # a name with a former regime's own words is no match whoever is
                        # named ("Vương quốc Ý thời Mussolini": convention B). Round 24 (the
                        # lead's decision 1): a republic's former name of a state that is a
                        # monarchy today is a renaming of the same state, so its leader's
                        # name is today's state ("Cộng hòa Khmer thời Lon Nol": Cambodia)
                        why = f"{state!r} alone is no match ({r.note or 'no record'})"
                        return MatchResult(query, [Candidate(kept[0], 50.0, False, "ruler")],
                                           False, f"no match: {why}: a former regime's name; "
                                           f"the leader {ruler!r} does not make it today's "
                                           "state (conventions B and C)")
                    fit = kept
                if len(fit) > 1:
                    # round 21: of the states the ruler ruled, those the name names ("Bismarck's
                    # Prussia": Prussia, not the German Reich he also led; "Bismarck's
                    # Germany": the German Reich, "Germany (1871-1945)"; "Lenin's Russia": the
                    # RSFSR, "Soviet Russia", not the Soviet Union); several when the name is
                    # in several's names ("Milosevic's Yugoslavia")
                    # (the English name of the state read: "Nam Tư", Yugoslavia, is in the
                    # name of Serbia and Montenegro's "Federal Republic of Yugoslavia" too)
                    own = _unique([*named, *self._named(state, state_kinds), *(
                        o for x in named if x.labels.get("en")
                        for o in self._named(x.labels["en"], state_kinds))])
                    fit = [e for e in fit if any(e is o for o in own)] or fit
                if not fit and not source and not any(
                        ev.startswith(f"Archigos 4.1: {ruler}, ") for _, _, ev in rows):
                    # round 23: Archigos' leader was found by a word of the name only ("Ali
                    # Nasir": the Maldives' "Nasir"), and led none of these states: another
                    # person, read as a ruler in no table
                    unknown = self._unknown_ruler(query, ruler, state, state_kinds)
                    if unknown is not None:
                        return unknown
                    if pattern in _LATER_LEADER_PATTERNS and (
                            # (round 34: or after an office's title no monarch's)
                            not titled or not _MONARCH_TITLE_WORDS & set(
                                folded_form(titled.group()).split())):
                        # round 25: or a leader of today whose surname an earlier leader of
                        # another state bore ("Ethiopia thời Abiy Ahmed": not Bangladesh's
                        # "Ahmed")
                        later = self._later_leader(query, bare, state, state_kinds,
                                                   word_of_archigos=True,
                                                   titled=titled is not None,
                                                   office=titled.group() if titled else "")
                        if later is not None:
                            return later
                if not fit:
                    return MatchResult(
                        query, [Candidate(named[0], 50.0, False, "ruler")], False,
                        f"no match: {ruler!r} ({source}" + ", ".join(f"{e.label}" for e in ruled)
                        + f") ruled none of the states named {state!r}")
            elif realm is None:
                fit = [e for e in ruled if source or self._current_tenure(e, rows)]
                if not fit and pattern in _GOVERNMENT_OF_LEADER and not titled:
                    # round 29 (convention C): a government named by an earlier leader of
                    # today's state alone ("the Reagan administration", "chính quyền Mobutu")
                    # is the record of the state that leader led then, as with the state
                    # named: the historical record of those years, else today's state unless
                    # it was a monarchy then (convention B: no match)
                    fit = _unique(
                        rec for e in ruled if e.kind == "state"
                        for rec in [self._record_of_years(e, rows, self._family(e, state_kinds))]
                        if rec is not e or not self._monarchy_then(e, rows, ruler))
            fit = [e for e in fit if e.kind in state_kinds]
            if not fit:
                return None
            ev = "; ".join(f"{ev} ({yrs})" for e, yrs, ev in rows if any(e is f for f in fit))
            if not ev:
                ev = "; ".join(f"{ev} ({yrs})" for _, yrs, ev in rows)
            if len(fit) > 1:
                amb = _ambiguous(query, fit, 85.0)
                return MatchResult(query, amb.candidates, True,
                                   f"{amb.note} (the ruler {ruler!r} ruled each: {ev})")
            e = fit[0]
            how = f"of {state!r}, " if state else ""
            return _single(query, e, 90.0, "ruler", self._note(e),
                           f"the regime of {ruler!r} {how}read from {source}{ev}")
        return None

    def _archigos(self, ruler: str, among: frozenset[str] | None = None,
                  like: bool = False) -> list[tuple[Entity, str, str]]:
        """Round 21: the states ``ruler`` led by Archigos (``leaders.py``), as the rows of the
        ``rulers`` table: (state, years, evidence). Only a name of a person: capitalised, no
        digits. Round 23: ``among``, the IRIs of the states the name names, keeps their
        leaders only (``Leaders.named``)."""
        if not _person(ruler) or any(c.isdigit() for c in ruler):
            return []
        if among is not None and folded_form(ruler.split()[-1]) in _MONARCH_TITLES:
            # round 23: a title is no leader's name ("the Shah", "Zahir Shah": not Archigos'
            # "Mohammed Ali Shah" or "Nadir Shah" of the same state)
            return []
        out = []
        tenures = (self.reference.leaders.named_like(ruler, among) if like and among is not None
                   else self.reference.leaders.named(ruler, among))
        for t in tenures:
            if t.spell in self._occupation_spells:
                # round 30 (convention G): a head of a government set up under a foreign
                # occupation is no leader of the state's own (:meth:`_occupation_regime`)
                continue
            e = self.registry.by_iri(t.state)
            if e is None:
                continue
            out.append((e, f"{t.start}-{t.end}",
                        f"Archigos 4.1: {t.name}, effective leader of {e.label}"))
        return out

    def _archigos_heard(self, ruler: str, among: frozenset[str],
                        direct: frozenset[str] = frozenset()) -> list[tuple[Entity, str, str]]:
        """Round 45: the rows of :meth:`_archigos` for the one Archigos leader of the states
        ``among`` whose name sounds like ``ruler``, a Vietnamese transliteration of four sounds
        or more ("Xát-đam Hu-xen": Saddam Hussein; "Béc-lu-xcô-ni": Berlusconi). The sounds
        are compared as a capital's are (``Sounds._capital_heard``: the mean of the whole
        sounds' and the consonants' similarity) with the leader's whole name, its last word and
        its last two words; the leader must be alike (:data:`_HEARD_MATCH`) and ahead of every
        other leader of those states by :data:`_HEARD_GAP`. Only that state's leaders are
        compared, so a lower floor than a capital's holds. Empty otherwise (a name of no
        transliteration, or two leaders alike: "Pi-nô-chê" sounds like Pinochet and, less,
        like Bielech, both Chile's)."""
        heard_transliteration = transliterated(ruler)
        if not heard_transliteration and not (_person(ruler) and not any(
                c.isdigit() for c in ruler)):
            return []
        # round 51: the name's surname (its last word, or last two) is compared too, as the
        # leader's are: Archigos writes most leaders by their surname ("Khama", "Kerekou"),
        # the press by the whole name ("Xê-rét-xê Kha-ma", "Ma-thi-ơ Kê-rê-cu"). A name in
        # Latin letters that Archigos spells otherwise ("Abd al-Karim Qasim": "Karrim Kassem";
        # "Muammar Gaddafi": "Qaddafi") is heard by its last word alone, of five sounds or
        # more, with the leaders' last words, and must sound closer (:data:`_HEARD_LATIN`)
        rwords = ruler.split()
        if heard_transliteration:
            forms: tuple[str, ...] = (ruler, rwords[-1], " ".join(rwords[-2:]))
            floor, least = _HEARD_MATCH, 4
        elif not (among := among & direct) or _MONARCH_TITLE_WORDS & {
                folded_form(w) for w in rwords[:-1]}:
            # (among the states the name reads as itself only, ``direct``, not their family:
            # "Montenegro" is no Serbia, and "Spajić" no Dacic of Serbia; never after a
            # monarch's title: "Thiên hoàng Hirohito" is no Hirota, Japan's prime minister)
            return []
        else:
            forms, floor, least = (rwords[-1],), _HEARD_LATIN, 5
        keys = {k for form in forms if len(k := phonetic_key(form)) >= least}
        if not keys or len(phonetic_key(ruler)) < 4:
            return []
        # (session 28: the states' tenures from the Leaders index by state, not a walk of
        # every tenure; a set of names either way, and ``ranked`` below orders them in full)
        names = {t.name for t in self.reference.leaders._of_states(among)}
        best: dict[str, float] = {}
        for key in keys:
            sm = difflib.SequenceMatcher(autojunk=False)
            sm.set_seq2(key)
            sk = difflib.SequenceMatcher(autojunk=False)
            sk.set_seq2(consonants(key))
            for name in names:
                words = name.split()
                for form in ({name, words[-1], " ".join(words[-2:])} if heard_transliteration
                             else {words[-1]}):
                    k = phonetic_key(form)
                    sm.set_seq1(k)
                    if sm.quick_ratio() < _HEARD_FLOOR:
                        continue
                    full = sm.ratio()
                    sk.set_seq1(consonants(k))
                    r = (full + sk.ratio()) / 2 if consonants(key) else full
                    best[name] = max(best.get(name, 0.0), r)
        ranked = sorted(best.items(), key=lambda x: (-x[1], x[0]))
        if not ranked or ranked[0][1] < floor:
            return []
        heard = [n for n, r in ranked if ranked[0][1] - r < _HEARD_GAP]
        if len(heard) > 1 and len(among) != 1:
            # (leaders of one state alike, "Khama" and "Ian Khama", name that state either
            # way, and their years still choose its record; of several states, none)
            return []
        return [(e, years, f"{evidence} ({ruler!r} sounds like {name!r})")
                for name in heard for e, years, evidence in self._archigos(name, among)]

    def _occupation_regime(self, query: str, ruler: str) -> MatchResult | None:
        """Round 30 (convention G): a name of a government by its head ("Pétain's France",
        "the Wang Jingwei regime", "Quisling's Norway") where every Archigos tenure of that
        leader is a spell of ``occupation_regimes`` (predecessors.yaml): a government set up
        under a foreign occupation in rivalry with the state's own, which the registry holds
        no record of: no match, the state the closest. None when the leader has another
        tenure (read as the state's: "Laval's France", his governments of the 1930s) or
        none."""
        if not self._occupation_spells or not _person(ruler) or any(
                c.isdigit() for c in ruler):
            return None
        tenures = self.reference.leaders.named(ruler)
        if not tenures or any(t.spell not in self._occupation_spells for t in tenures):
            return None
        rows = [self._occupation_spells[t.spell] for t in tenures]
        states = _unique(s for _, _, s in rows if s is not None)
        which = "; ".join(dict.fromkeys(f"{r} ({y})" for r, y, _ in rows))
        names = ", ".join(sorted({t.name for t in tenures}))
        return MatchResult(
            query, [Candidate(s, 50.0, False, "ruler") for s in states], False,
            f"no match: Archigos 4.1 gives {names!r} as a leader of "
            + ", ".join(describe(s) for s in states)
            + f" only as the head of {which}, a government set up under a foreign occupation "
            "the registry holds no record of (convention G)")

    def _later_leader(self, query: str, ruler: str, state: str,
                      state_kinds: frozenset[str],
                      word_of_archigos: bool = False,
                      titled: bool = False, office: str = "") -> MatchResult | None:
        """Round 23 (convention C): "<person>'s <state>" where Archigos (to 2015) and the
        ``rulers`` table hold no leader of that name ("Milei's Argentina"): a leader of today,
        so today's state. Only when the name before the possessive is a person's name (one to
        three capitalised words, no title, no word of a registry name, read as no entity:
        "Europe's Union", "People's Republic of Ukraine" name no leader), the name after it
        reads as one of today's states, and that state has no historical record in its family
        and no monarchy of
        ``monarchies_ended`` (whose rulers may be meant: "Pahlavi's Iran"). None otherwise.
        Round 25: a monarchy that ended in Archigos' years (from 1875) and before 1950 has its
        monarchs in Archigos and no dynasty the press still names, so a name Archigos lacks is
        no monarch of it ("Brazil thời Bolsonaro"); a lower-case particle may begin the name
        ("de"); ``word_of_archigos``: Archigos' leaders of a word of the name led none of the
        states named, so that word is no bar, and the name is a person's, no dynasty's
        ("Ethiopia thời Abiy Ahmed")."""
        particle = _PARTICLE.match(ruler)
        words = ruler[particle.end():].split() if particle else ruler.split()
        # (a particle inside the name is no word of it: "Mohammed bin Salman"; after "bin" or
        # "ibn", son of, the last word is the father's name, no surname of the leader's)
        n = len(words)
        patronym = any(w in ("bin", "ibn") for w in words[1:-1])
        words = [w for i, w in enumerate(words)
                 if not (0 < i < n - 1 and _PARTICLE.match(f"{w} X"))]
        if not 1 <= len(words) <= 3 or not all(_name_word(w) for w in words):
            return None
        folded = [folded_form(w) for w in words]
        if self._name_vocabulary is None:
            self._name_vocabulary = frozenset(
                w for e in self.registry.entities for ws in _name_words(e)
                # (a plural or a possessive folded: "peoples" holds "people")
                for x in ws for w in (x.strip("'’(),."), x[:-1] if x.endswith("s") else "")
                if w)
        # round 38: a full name of two or three words that Archigos does not hold ("Anwar
        # Ibrahim", "Oligui Nguema") is no leader of Archigos' who shares its last word; the
        # family guard below still keeps a historical record's leaders apart
        full_unknown = len(folded) > 1 and not self.reference.leaders.by_name.get(
            " ".join(folded))
        if (any(w in _MONARCH_TITLES or w in self._name_vocabulary for w in folded)
                or not word_of_archigos and not patronym and not full_unknown
                and self.reference.leaders.by_name.get(folded[-1])
                or self.reference.leaders.by_name.get(" ".join(folded))):
            return None
        who = self.match(ruler)
        if (who.ambiguous or who.best is not None and who.best.score >= 60
                # (round 34: after an office's title the name is a person's, and a fuzzy
                # reading of it is no entity's: "thời Tổng thống Boric", not BRIC)
                and not (titled and who.best.method == "fuzzy")
                or " ".join(folded) in _region_vocabulary()[0]
                or any(k in self._cow_capitals.by_capital for k in (ruler, " ".join(folded)))):
            # a place (a region, a capital) or an entity's name is no leader
            return None
        r = self.match(state, kind=state_kinds)
        seats = ([] if r.ambiguous or r.best is not None and r.best.match
                 and r.best.entity.kind in state_kinds
                 else self._seat_named(state, state_kinds))
        if len(seats) == 1 and seats[0].kind == "state":
            # round 34: a capital that was the capital of today's state alone ("Nairobi thời
            # Tổng thống Ruto", "Ottawa under Carney")
            e, how = seats[0], f"the capital of {describe(seats[0])} alone (COW capitals)"
        elif r.ambiguous or r.best is None or not r.best.match:
            return None
        else:
            e, how = r.best.entity, r.best.method
        if (e.kind != "state" or how.startswith(("iso-code", "key", "cow-code", "acronym"))
                or any(end < _ARCHIGOS_FROM or end >= _MONARCHY_REMEMBERED
                       and not word_of_archigos
                       for _s, end, _ev in self._monarchies_ended.get(id(e), ())
                       # round 38: after a republic's office ("Mexico thời Tổng thống
                       # Obrador") no monarch of an ended crown is meant
                       if not _REPUBLIC_OFFICE.search(folded_form(office)))
                or any(f.kind == "historical-state" and not (
                    # round 36: after a republic's office ("Montenegro thời Tổng thống
                    # Milatović"), a record that ended in Archigos' years is no bar: Archigos
                    # holds its leaders, and the name is none of them
                    _REPUBLIC_OFFICE.search(folded_form(office))
                    and int((f.existed_until or "0")[:4] or 0) >= _ARCHIGOS_FROM)
                       for f in self._family(e, state_kinds))):
            return None
        unheld = "" if titled or office else self._regime_unheld(e)
        if unheld:
            # round 39 (convention G): "Bratislava under Tiso", "Zagreb under Pavelic": the
            # leader may be the head of a regime predecessors.yaml names and the registry
            # does not hold, so no leader of today is read (a leader with an office or an
            # honorific, "Croatia thời Tổng thống Tuđman", "chính phủ Croatia của ông
            # Plenković", is read as before: both kept two rows of the lists)
            return MatchResult(query, [Candidate(e, 50.0, False, "ruler", "")], False,
                               f"no match: {ruler!r} is in neither Archigos nor predecessors.yaml"
                               f" rulers and leaders, and {unheld!r} (predecessors.yaml, not "
                               f"in the registry) was a regime of {describe(e)}'s name: the "
                               "leader may be its head (convention G)")
        return _single(query, e, 85.0, "ruler", self._note(e),
                       f"{ruler!r} read as a leader of today (in neither Archigos, which ends in "
                       f"2015, nor predecessors.yaml rulers and leaders); {state!r}: "
                       f"{how}")

    def _regime_unheld(self, e: Entity) -> str:
        """Round 39: the name of a historical state predecessors.yaml knows and the registry
        does not hold whose words hold ``e``'s English name or one of its adjectives ("Slovak
        State": Slovakia), or ""."""
        keys = {tuple(folded_form(w) for w in (e.labels.get("en") or "").split())}
        keys |= {k for k, held in self._adjectives.items()
                 if any(x is e and not imperial for x, _, imperial in held)}
        keys.discard(())
        for words in self._regimes_unheld:
            if any(words[i:i + len(k)] == k for k in keys for i in range(len(words))):
                return " ".join(words)
        return ""

    def _crowned_today(self, query: str, name: str, state: str,
                       state_kinds: frozenset[str], title: str) -> MatchResult | None:
        """Round 36: "<state> thời vua <name>", "<capital> under Emir <name>": a monarch
        Archigos and the rulers table do not hold, of a state that is a monarchy today (its
        own long forms name one: :attr:`_monarchies`), whose crown never ended
        (``monarchies_ended``) and whose line the registry splits into no historical record
        ("Jordan thời vua Abdullah II", "Oman thời Quốc vương Qaboos", "Kuwait City under
        Emir Mishal"): any monarch of it reigned over today's state, so that state (the
        name is not read as a person of a list). None otherwise: a crown that ended is
        convention B's ("Zog's Albania"), a state with historical records may be one of
        theirs ("Phổ thời vua Friedrich Wilhelm IV")."""
        words = name.split()
        if not words or not 1 <= len(words) <= 4 or not all(
                _name_word(w) or re.fullmatch(r"[IVX]+", w) or w in ("bin", "ibn", "al")
                for w in words) or not _name_word(words[0]):
            return None
        r = self.match(state, kind=state_kinds)
        if r.ambiguous:
            return None
        if r.best is not None and r.best.match:
            e, how = r.best.entity, f"{state!r}: {r.best.method}"
        else:
            seats = self._seat_named(state, state_kinds)
            if len(seats) != 1:
                return None
            e, how = seats[0], f"{state!r}: the capital of {describe(seats[0])} alone"
        if (e.kind != "state" or id(e) not in self._monarchies
                or self._monarchies_ended.get(id(e))
                or any(f.kind == "historical-state" for f in self._family(e, state_kinds))):
            return None
        return _single(query, e, 85.0, "ruler", self._note(e),
                       f"{title} {name!r}, a monarch in neither Archigos nor predecessors.yaml "
                       f"rulers, of {describe(e)}, a monarchy today whose crown never ended "
                       f"and whose line the registry holds no other record of ({how})")

    def _states_named(self, state: str, state_kinds: frozenset[str]) -> list[Entity]:
        """Round 23: the states ``state`` names and their families (:meth:`_family`)."""
        r = self.match(state, kind=state_kinds)
        named = ([c.entity for c in r.candidates] if r.ambiguous
                 else [r.best.entity] if r.best is not None and r.best.match else [])
        if not any(x.kind in state_kinds for x in named):
            # round 34: a capital in the state's place
            named = self._seat_named(state, state_kinds) or named
        return _unique(f for x in named for f in self._family(x, state_kinds))

    def _seat_named(self, city: str, state_kinds: frozenset[str]) -> list[Entity]:
        """Round 34: the states a capital named in a state's place was the capital of, as
        the capital frame reads it (:meth:`Seats._capital_government`: each COW code read
        through the state lists' periods; today's state only when the city is its last COW
        capital), for a ruler to choose among: "Bonn under Willy Brandt" (West Germany),
        "Tito's Belgrade" (Yugoslavia). Empty when the name is no COW capital (CLDR's names
        of the city count) or a word of it is in lower case ("the Kremlin", "the Oval
        Office" name seats, not capitals)."""
        city = city.strip()
        if not city or len(city) > 30 or not city[:1].isupper() or not all(
                w[:1].isupper() or w in ("of", "de", "es", "el", "al") for w in city.split()):
            return []
        name, codes = self._capital_codes(city)
        states: list[Entity] = []
        for code in sorted(codes):
            for _a, _b, iri in self.reference.codes.spans.get(("cow", code), ()):
                e = self.registry.by_iri(iri)
                if e is None or e.kind not in state_kinds or (
                        e.kind == "state"
                        and self._cow_capitals.latest.get(code) != folded_form(name)):
                    continue
                states.append(e)
        if not codes and (lacking := self._seats_lacking.get(folded_form(city))):
            # round 40: a seat the COW capitals table lacks ("Chiang Kai-shek's Nanking in
            # 1936"), read as the capital frame reads it
            found = self._seat_lacking(city, city, city, lacking, state_kinds)
            states += [c.entity for c in found.candidates] if found is not None else []
        return _unique(states)

    def _monarchy_then(self, e: Entity, rows: list[tuple[Entity, str, str]],
                       ruler: str) -> str | None:
        """Round 23 (convention C): why ``ruler``'s tenures of today's state ``e`` were a
        monarchy's that ``e`` no longer is: every tenure within one span of
        predecessors.yaml ``monarchies_ended``, or a monarch's title or a regnal number in
        the ruler's name or Archigos' ("the Shah", "Faisal II") while ``e``'s own long forms
        name no monarchy today. None when neither holds."""
        if e.kind != "state":
            return None
        years = [year_span(yrs) for x, yrs, _ in rows if x is e]
        if years and all(y is not None for y in years):
            a = min(y[0] for y in years if y)
            b = max(y[1] for y in years if y)
            for start, end, ev in self._monarchies_ended.get(id(e), ()):
                if start <= a and b <= end:
                    return f"{a}-{b}, within {ev}"
                if any(y and y[0] <= start and end <= y[1]
                       and 2 * (end - start) >= y[1] - y[0] for y in years):
                    # round 36: one tenure that holds the whole monarchy, most of it the
                    # monarchy's: its ruler throughout ("Zog's Albania": Archigos' Zogu,
                    # 1925-1939, the Albanian Kingdom 1928-1939; not Bokassa, 1966-1979,
                    # whose empire was 1976-1979)
                    return f"{a}-{b}, holding the whole of {ev}"
        if id(e) in self._monarchies:
            return None
        names = [ruler, *(ev for x, _, ev in rows if x is e)]
        for text in names:
            for w in re.split(r"[\s,:]+", text):
                f = folded_form(w)
                if f in _MONARCH_TITLES or (len(f) > 1 and re.fullmatch(r"[ivx]+", f)
                                            and w.isupper()):
                    return f"{w!r} names a monarch"
        return None

    def _in_ended_crown(self, e: Entity, rows: list[tuple[Entity, str, str]]) -> bool:
        """Round 36: every tenure of ``e`` in ``rows`` falls within one span of
        predecessors.yaml ``monarchies_ended`` of ``e``."""
        years = [year_span(yrs) for x, yrs, _ in rows if x is e]
        if not years or any(y is None for y in years):
            return False
        a = min(y[0] for y in years if y)
        b = max(y[1] for y in years if y)
        return any(s0 <= a and b <= t0 for s0, t0, _ in self._monarchies_ended.get(id(e), ()))

    @staticmethod
    def _current_tenure(e: Entity, rows: list[tuple[Entity, str, str]]) -> bool:
        """Round 21: ``e`` is a historical state, or today's state with an Archigos tenure
        that began in :data:`_CURRENT_FORMS_FROM` or later: before then today's state's
        record may stand for a regime the registry holds no record of (the Ethiopian Empire
        of Haile Selassie, Pahlavi Iran, the Derg: convention B), so an earlier leader is
        not read as today's state."""
        if e.kind != "state":
            return True
        return any((y := year_span(yrs)) is not None and y[0] >= _CURRENT_FORMS_FROM
                   for x, yrs, _ in rows if x is e)

    def _record_of_years(self, e: Entity, rows: list[tuple[Entity, str, str]],
                         family: list[Entity]) -> Entity:
        """Round 21: the historical state of ``family`` whose registry span holds every year
        of ``rows``' tenures of ``e`` (today's state), else ``e``."""
        if e.kind != "state":
            return e
        years = [year_span(yrs) for x, yrs, _ in rows if x is e]
        if not years or any(y is None for y in years):
            return e
        a = min(y[0] for y in years if y)
        b = max(y[1] for y in years if y)
        held = [f for f in family if f.kind == "historical-state" and (sp := span_of(f))
                and sp[0] <= a and b <= sp[1]]
        return held[0] if len(held) == 1 else e

    def _unknown_ruler(self, query: str, ruler: str, state: str,
                       state_kinds: frozenset[str]) -> MatchResult | None:
        """Round 21: a ruler in neither table, after a name that reads as one historical
        state ("Vương quốc Bayern thời Ludwig II" where Archigos lacks the king): that state,
        the ruler read as no more than a ruler's name; several records: ambiguous. None when
        the ruler is no person's name (lower case, a year, a named period) or the name is
        today's state (its regime then is not known: "Nhật Bản thời Minh Trị" is no match)."""
        swords = [folded_form(w) for w in state.split()]
        rwords = [folded_form(w) for w in ruler.split()]
        if (not ruler[:1].isupper() or any(c.isdigit() for c in ruler)
                or _prefix_ends(swords, self._state_forms) and swords[0] in ("republic", "of")
                or any(w in rwords for w in ("federal", "people", "democratic", "socialist"))
                or _period_qualifier(f"{state} thời {ruler}") is not None
                or _period_qualifier(f"{state} during {ruler}") is not None):
            return None
        r = self.match(state, kind=state_kinds)
        named = ([c.entity for c in r.candidates] if r.ambiguous
                 else [r.best.entity] if r.best is not None else [])
        if not named or any(e.kind != "historical-state" for e in named):
            return None
        if len(named) > 1:
            amb = _ambiguous(query, named, 85.0)
            return MatchResult(query, amb.candidates, True,
                               f"{amb.note} (the ruler {ruler!r} is in no table of rulers)")
        e = named[0]
        return _single(query, e, 85.0, "ruler", self._note(e),
                       f"{state!r} read as one historical state ({r.best.method if r.best else ''}"
                       f"); the ruler {ruler!r} is in neither Archigos nor predecessors.yaml "
                       "rulers, and is not read")
