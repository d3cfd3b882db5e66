"""Press, region and role frames around a known name (rounds 19–22).

Reads ``phía Nhật Bản`` (a press frame, round 19), a qualifier around a known name (round 20),
a description before an acronym (``Nhóm các nền kinh tế lớn G20``, round 20), ``the West
African state of Benin`` (a region frame, round 22) and ``ASEAN chair Laos`` (a role, round 21).
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Collection

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..features import supraverden_of
from ..glossary import content_words, singular_form
from ..names import read_yaml
from ..normalise import exact_form, folded_form, phonetic_key, transliterated
from ..succession import STATE_KINDS, span_of, succession_links
from .answers import _ambiguous, _reread, _single
from .text import (
    _ACRONYM,
    _BUILDING_WORDS,
    _DOMAIN_WORDS,
    _folded_words_of,
    _has_vi_letters,
    _period_qualifier,
    _plain_reading,
    _region_vocabulary,
    _unique,
    press_frame_readings,
)

#: round 20: English words of a generic head a description may open with and a body's name
#: may leave out ("Nhóm", group; "Tổ chức", organization; "Khối", bloc; "Diễn đàn" is not one:
#: a forum is a kind of body)
_GENERIC_HEADS_EN = frozenset({"group", "groups", "organization", "organizations", "bloc",
                               "blocs", "grouping",
                               # round 28: press labels of a body's scope or kind
                               # ("the regional bloc ECOWAS", "the oil cartel OPEC")
                               "regional", "cartel", "watchdog", "regulator"})


#: round 28: the readings of the Vietnamese "cơ quan" (a body of any kind) in the head of a
#: description before an acronym
_VI_KIND_HEADS = frozenset({"agency", "authority", "service", "body"})


#: round 28: a press word of a description before an acronym read as a word of the body's
#: name: :data:`.text._DOMAIN_WORDS` ("the lender ADB": a bank) and "oil" ("the oil cartel
#: OPEC": Petroleum)
_DESCRIPTION_WORDS = {**_DOMAIN_WORDS, "oil": "petroleum"}
#: round 33: Vietnamese words of a kind of place before a one-word name ("sông Danube", the
#: river): the name is the place's, not a body's (folded)
_VI_GEOGRAPHIC_WORDS = frozenset({"song", "ho", "bien", "vinh", "nui", "dao", "eo", "cang",
                                  "thanh", "pho", "tinh", "vung", "mien"})
#: round 33: words of a kind of state or of its people, no field's ("quốc đảo", an island
#: state, holds no field of the Association of Southeast Asian Nations)
_STATE_WORDS_EN = frozenset({"nation", "nations", "state", "states", "country", "countries",
                             "republic", "kingdom", "people", "peoples", "national"})
#: round 26: words of a kind of body, no field's (``Matcher._field_described``)
_KIND_WORDS_EN = frozenset({"body", "bodies", "agency", "centre", "center", "network",
                            "institute", "institution", "commission", "office", "council",
                            "committee", "organisation", "forum", "secretariat", "regional",
                            "international", "intergovernmental"})


def _stems(words: frozenset[str]) -> frozenset[str]:
    """Round 24: the first five letters of each word."""
    return frozenset(w[:5] for w in words)


def _english_word_sets(e: Entity) -> list[frozenset[str]]:
    """Round 20: the content words of each English name of ``e`` (its label, its English
    aliases and its acronyms, lower-cased). Made once per entity (shared, never changed)."""
    out = _WORD_SETS.get(e)
    if out is None:
        names = [e.labels.get("en", ""), *(a for a, lang in e.aliases if lang in ("en", None))]
        out = [frozenset(singular_form(w) for w in content_words(n))
               | frozenset(content_words(n)) for n in names if n]
        out += [frozenset({folded_form(a)}) for a in e.acronyms]
        _WORD_SETS[e] = out
    return out


#: :func:`_english_word_sets` of each entity while the entity lives
_WORD_SETS: weakref.WeakKeyDictionary[Entity, list[frozenset[str]]] = (
    weakref.WeakKeyDictionary())


def _bare_words(e: Entity) -> frozenset[str]:
    """Session 19: every word of :func:`_english_word_sets` of ``e`` without its hyphens (a
    word is in one of the sets, hyphens left out, when it is in this one), made once."""
    out = _BARE_WORDS.get(e)
    if out is None:
        out = _BARE_WORDS[e] = frozenset(
            w.replace("-", "") for ws in _english_word_sets(e) for w in ws)
    return out


#: :func:`_bare_words` of each entity while the entity lives
_BARE_WORDS: weakref.WeakKeyDictionary[Entity, frozenset[str]] = weakref.WeakKeyDictionary()


def _un_word_sets(e: Entity) -> list[frozenset[str]]:
    """Round 28: :func:`_english_word_sets`, with "un" a word of each when an English name of
    ``e`` holds "United Nations" ("the UN commission ECLAC")."""
    sets = _english_word_sets(e)
    names = [e.labels.get("en", ""), *(a for a, lang in e.aliases if lang in ("en", None))]
    if any("united nations" in n.lower() for n in names):
        return [ws | {"un"} for ws in sets]
    return sets


#: round 21: the words of a state's role of the moment (``Matcher._role_frame``)
_ROLE_WORDS = re.compile(
    r"(?:^|\s)(?:chair|host|president|presidency|chủ\s+tịch|chủ\s+nhà|chủ\s+trì"
    r"|chu\s+tich|chu\s+nha|chu\s+tri)(?=\s)", re.IGNORECASE)


#: round 25: a body's name with the region it works in (``Matcher._qualifier_frame``)
_IN_REGION = re.compile(r"(?P<rest>\S.*?)\s+(?:ở|tại|in|o|tai)\s+(?:the\s+)?(?P<place>\S.*)",
                        re.IGNORECASE)


#: round 36: a place after a body's name: one to three capitalised words (``_body_at_place``)
_PLACE_WORDS = re.compile(r"[A-ZĐÉ][\w'’.-]*(?:\s[A-ZĐÉ][\w'’.-]*){0,2}")
#: (the words of a body's office or mission in a place)
_OFFICE_WORDS = re.compile(r"(?i)\b(?:office|offices|mission|delegation|representation|bureau)"
                           r"\b|văn\s+phòng|phái\s+đoàn|van\s+phong|phai\s+doan")
#: (folded month names, English and Vietnamese "tháng", are times, no places)
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december", "thang"})


#: round 22: a state's name after a descriptor of region and kind words (``_region_frame``)
_REGION_FRAME_EN = re.compile(
    r"the\s+(?P<mods>(?:[\w'’-]+\s+){0,5}?)(?P<head>state|nation|country|kingdom|sultanate"
    r"|emirate|republic|monarchy|archipelago|city-state|principality|island\s+nation"
    r"|island\s+state|island\s+country|federation|colony)\s+of\s+(?P<name>\S.*)", re.IGNORECASE)


#: (round 28: "đất nước", the country, and "cường quốc", a power, are heads too)
_REGION_FRAME_VI = re.compile(
    r"(?P<head>đảo\s+quốc|quốc\s+đảo|tiểu\s+vương\s+quốc|vương\s+quốc|quốc\s+gia"
    r"|nước\s+cộng\s+hòa|nuoc\s+cong\s+hoa|đất\s+nước|dat\s+nuoc|cường\s+quốc"
    r"|cuong\s+quoc|xứ\s+sở|xu\s+so|nước"
    r"|chính\s+quyền\s+quân\s+sự|chế\s+độ\s+quân\s+sự|dao\s+quoc|quoc\s+dao"
    r"|tieu\s+vuong\s+quoc|vuong\s+quoc|quoc\s+gia|nuoc|chinh\s+quyen\s+quan\s+su"
    r"|che\s+do\s+quan\s+su)\s+(?P<rest>\S.*)", re.IGNORECASE)


#: round 24: a body's name with a press label after it ("the Group of Three trade pact") or
#: a place it covers ("the Helsinki Commission for the Baltic Sea"; ``Matcher._with_tail``)
_TAIL_LABEL = re.compile(r"(?:the\s+)?(?P<name>[A-Z].*?)(?P<tail>(?:\s+[a-z][a-z-]*)?"
                         r"\s+(?P<label>[a-z-]+))")
_TAIL_PLACE = re.compile(r"(?:the\s+)?(?P<name>[A-Z].*?)\s+(?P<tail>(?:for|of|in)\s+the\s+"
                         r"[A-Z].*)")
#: round 44: a name ending in a possessive ("the Soviet bloc's")
_POSSESSIVE_END = re.compile(r"['’]s$")
_PRESS_LABEL_WORDS = frozenset({"group", "grouping", "pact", "alliance", "partnership", "club",
                                "forum", "bloc"})
#: round 24: the generic heads a press label may stand for ("grouping" for "Association")
_LABELLED_HEADS = ("Association", "Organization", "Organisation", "Community", "Council",
                   "Union", "Group", "Forum", "Alliance", "Initiative", "Partnership")
_PLACE_KIND_WORDS = frozenset({"sea", "ocean", "river", "basin", "region", "area", "lake",
                               "gulf", "coast", "islands"})


#: round 24: a language's speakers before a state's name ("Dutch-speaking Suriname")
_SPEAKING = re.compile(r"[A-Z][a-z]+-speaking")


#: round 28: the Vietnamese words before a region's name ("vùng Baltic", "khu vực Trung Âu")
_VI_REGION_WORDS = re.compile(r"(?:vùng|vung|khu\s+vực|khu\s+vuc)\s+(?P<region>\S.*)",
                              re.IGNORECASE)


#: round 28: a Vietnamese state's name with its region after it ("Hà Lan ở vùng Benelux")
_VI_REGION_AFTER = re.compile(r"(?P<name>\S.*?)\s+(?:ở|o|thuộc|thuoc)\s+(?P<region>\S.*)",
                              re.IGNORECASE)


def _colonial_powers() -> frozenset[str]:
    """Round 28: ``press_colonial_powers`` of ``linking/names/forms.yaml`` (lower case)."""
    return frozenset(str(w).lower() for w in read_yaml("forms.yaml").get(
        "press_colonial_powers") or [])


def _region_key(words: str, regions: Collection[str]) -> str | None:
    """Round 28: the words of a region of ``press_regions`` (folded keys) that ``words``
    name, with or without a Vietnamese word for a region before it ("vùng Alps": "Alps"), or
    None."""
    if folded_form(words) in regions:
        return words
    m = _VI_REGION_WORDS.fullmatch(words.strip())
    if m is not None and folded_form(m.group("region")) in regions:
        return m.group("region")
    return None


#: round 28: the Vietnamese heads of a press nickname before a state's name (folded)
_NICKNAME_HEADS = frozenset({"xu so", "dat nuoc",
                             # round 29: an island state's nickname ("đảo quốc sư tử
                             # Singapore", the lion island state)
                             "dao quoc", "quoc dao"})


#: the head words of a monarchy (folded), which must fit the state's own long forms
_MONARCHY_HEADS = frozenset({"kingdom", "sultanate", "emirate", "principality", "monarchy",
                             "vuong quoc", "tieu vuong quoc"})


#: round 28: an English press frame whose head is a monarchy's ("the Obrenovic kingdom of
#: Serbia")
_EN_FRAME_HEAD = re.compile(r"the\s+(?:[\w'’.-]+\s+){1,6}?(?P<head>kingdom|emirate|sultanate"
                            r"|principality|monarchy)\s+of\s+\S.*", re.IGNORECASE)


#: round 29: words after which a description places or relates the body it heads
_LOCATIVE_WORDS = frozenset({"o", "tai", "trong", "cua", "in", "at", "on", "of"})
#: round 30: a side of a body or a place and its direction in Vietnamese ("sườn đông NATO",
#: NATO's eastern flank; "phía nam", "bờ tây"), folded
_POSITION_WORDS_VI = frozenset({"suon", "phia", "bo", "canh", "mien", "vung"})
_DIRECTION_WORDS_VI = frozenset({"dong", "tay", "nam", "bac"})


#: round 35: words that link a description to another name ("court of the EAC")
_LINK_WORDS_EN = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "by", "with",
                            "under", "from", "'s"})




#: round 37: the words that name an organ's kind: a body seated in a city is read for a name
#: holding one of them only when its own English names hold it too
#: (not a secretariat nor a commission: a body's, convention F)
_ORGAN_WORDS = frozenset({"court", "tribunal", "parliament", "assembly", "bank", "fund"})

def _last_year(e: Entity) -> int | None:
    """Round 37: the last year of a record's registry span, or of its end alone when the
    registry gives no start (Qing China: to 1912)."""
    sp = span_of(e)
    if sp is not None:
        return sp[1]
    return int(e.existed_until[:4]) if (e.existed_until or "")[:4].isdigit() else None

#: round 42: how alike the sounds of a transliterated seat and the city it renders must be
SEAT_SOUNDS_MATCH = 0.8


def _sounds_as(place: str, city: str) -> bool:
    """Round 42: whether ``place``, a Vietnamese transliteration ("A-bu Đa-bi", "Đa-ca",
    "Nu-mê-a"), sounds as ``city`` (Abu Dhabi, Dakar, Nouméa), by
    :func:`~..normalise.phonetic_key`.

    >>> _sounds_as("A-bu Đa-bi", "Abu Dhabi"), _sounds_as("Đa-ca", "Dakar")
    (True, True)
    >>> _sounds_as("Đa-ca", "Doha"), _sounds_as("Abuja", "Abuja")
    (False, False)
    """
    if not transliterated(place) or not city.strip():
        return False
    import difflib

    return difflib.SequenceMatcher(None, phonetic_key(place), phonetic_key(city)).ratio() >= (
        SEAT_SOUNDS_MATCH)


class Frames:
    """Readings of a known name inside a frame of words."""

    def _plain_state(self, name: str, state_kinds: frozenset[str],
                     lang: str | None) -> MatchResult | None:
        """``name`` read as one state by a plain reading (no fuzzy step, no transliteration),
        the frames' test of the name after their words; None otherwise."""
        r = self._match(name, state_kinds, lang)
        if (r is None or r.best is None or r.ambiguous or not r.best.match
                or not _plain_reading(r.best.method)):
            return None
        return r

    def _press_frame(self, query: str, text: str, kind: str | Collection[str] | None,
                     lang: str | None, limit: int) -> MatchResult | None:
        """Round 19 (the lead): a name inside a press frame ("phía Nhật Bản", the Japanese
        side; "quốc gia Đông Phi Kenya", the East African country Kenya; "the Himalayan
        kingdom of Bhutan"), read when every other reading failed: the longest remainder
        (:func:`press_frame_readings`) read as a state without a fuzzy step (after "phía",
        any entity: "phía EU")."""
        monarchy = _EN_FRAME_HEAD.fullmatch(text)
        for other, states_only in press_frame_readings(text):
            r = self.match(other, kind=kind, lang=lang, limit=limit)
            if monarchy is not None and r.best is not None and not r.ambiguous:
                # round 28: a monarchy's head before the name ("the Obrenovic kingdom of
                # Serbia"): the name with the head ("Kingdom of Serbia") must read as the same
                # state; the historical state it reads as is the answer (the registry's
                # Kingdom of Serbia), and a former monarchy it does not read is no match
                form = f"{monarchy.group('head')} of {other}"
                f = self.match(form, kind=STATE_KINDS, lang=lang, limit=limit)
                if f.best is not None and f.best.entity is not r.best.entity:
                    return _reread(query, f, f"a press frame around {form!r}")
                if f.best is None:
                    return MatchResult(query, f.candidates, False,
                                       f"no match: {form!r} is not read as "
                                       f"{describe(r.best.entity)} ({f.note or 'no reading'})")
            top = r.candidates[:1]
            if not top or (states_only and top[0].entity.kind not in STATE_KINDS):
                continue
            best = r.best
            if r.ambiguous or (best is not None and best.method != "fuzzy"
                               and "code" not in best.method and "translit" not in best.method):
                # (a code or a transliteration read from a region's last word is no name:
                # "quốc gia châu Phi", the African country, is not 'PHI', the Philippines)
                return _reread(query, r, f"a press frame around {other!r}")
        return None

    def _qualifier_frame(self, query: str, text: str, kind: str | Collection[str] | None,
                         kinds: frozenset[str] | None, lang: str | None,
                         limit: int) -> MatchResult | None:
        """Round 20: a known name with a qualifier around it, read when every other reading
        failed (just before the fuzzy pass): a seat ("the Geneva-based League of Nations",
        "Hội Quốc liên Geneva": a city of the seats and capitals of the reference tables), a
        period ("Liên hợp quốc thời Chiến tranh Lạnh", "the Habsburg Empire in 1850", "X of
        the 1920s": the period must not contradict the entity's span, and narrows a name
        several entities hold), or a description before an acronym ("Hội đồng Tương trợ Kinh
        tế SEV", "Quỹ Phát triển Quốc tế OPEC": :meth:`_described_acronym`). The name inside
        must be read without a fuzzy step, a code or a transliteration."""
        seat = self._seat_reading(text)
        if seat is not None:
            rest, city = seat
            r = self.match(rest, kind=kind, lang=lang, limit=limit)
            if (r.best is not None and not r.ambiguous and _plain_reading(r.best.method)
                    and r.best.entity.kind in KIND_GROUPS["organisation"]
                    and self._seat_may_be(r.best.entity, city, strict=bool(re.search(
                        r"trụ\s+sở", text, re.IGNORECASE)) or (
                        "-based" not in text and folded_form(city) not in self._seat_cities()
                        and folded_form(city) + "city" not in self._seat_cities()
                        and not self._capital_codes(city)[1]))):
                return _reread(query, r, f"{rest!r} with its seat {city!r} (a city of the "
                               "reference tables' seats and capitals)")
            if (r.best is None or not _plain_reading(r.best.method)) and re.search(
                    r"-based\s|\s(?:in|at|tại|ở)\s", text, re.IGNORECASE):
                # (a seat said as one: "-based", "in", "tại"; a city's name ending a name is
                # no seat: "Principality of Monaco", misspelt, is read by the fuzzy pass)
                domain = self._seat_domain(query, rest, city, kinds)
                if domain is not None:
                    return domain
            if r.ambiguous and re.search(r"-based\s|\s(?:in|at|tại|ở)\s", text,
                                         re.IGNORECASE):
                # round 28: a seat said as one parts the bodies a name gives ("Hội đồng châu
                # Âu có trụ sở ở Strasbourg": the Council of Europe, not the European
                # Council): the one whose SupraVerden headquarters are in the city
                seated = [c.entity for c in r.candidates if _plain_reading(c.method)
                          and c.entity.kind in KIND_GROUPS["organisation"]
                          and self._seated_in(c.entity, city)]
                organ = {singular_form(w) for w in content_words(rest)} & _ORGAN_WORDS
                if organ:
                    # round 37: an organ's word in the name ("the ECOWAS Community Court in
                    # Abuja") is one the body seated there must have: a parliament seated in
                    # the city is no court (the court's own seat no source gives)
                    seated = [e for e in seated
                              if any(organ <= ws for ws in _english_word_sets(e))]
                    codes = {folded_form(w) for w in rest.split()
                             if len(w) >= 3 and w.isupper()}
                    holders = _unique(
                        c.entity for c in r.candidates if _plain_reading(c.method)
                        and c.entity.kind in KIND_GROUPS["organisation"]
                        and any(organ <= ws for ws in _english_word_sets(c.entity))
                        and all(any(k in ws for ws in _english_word_sets(c.entity))
                                for k in codes)) if codes and not seated else []
                    if len(holders) == 1 and not any(
                            x.headquarters for x in supraverden_of(
                                holders[0], self.reference.supraverden)):
                        # (of the bodies an organisation's acronym gives, one only has the
                        # organ's word, and no source seats it elsewhere: that body; with no
                        # acronym, a court of another organisation may be meant, "the
                        # Eurasian court in Minsk")
                        e = holders[0]
                        return _single(query, e, 84.0, "seat-narrowed", self._note(e),
                                       f"{rest!r} names {len(r.candidates)} bodies; of them "
                                       f"only {describe(e)} is a {' '.join(sorted(organ))}, "
                                       f"and no source seats it elsewhere than {city!r}")
                if len(seated) == 1:
                    e = seated[0]
                    return _single(query, e, 85.0, "seat-narrowed", self._note(e),
                                   f"{rest!r} names {len(r.candidates)} bodies; of them only "
                                   f"{describe(e)} sits in {city!r} (SupraVerden's "
                                   "headquarters)")
        if seat is None:
            described = self._seat_before_field(query, text, kinds)
            if described is not None:
                return described
        where = _IN_REGION.fullmatch(text)
        if where is not None and folded_form(where.group("place")) in _region_vocabulary()[0]:
            # round 25: a body with the region it works in ("khối ECCAS ở Trung Phi", "the
            # IGAD bloc in the Horn of Africa"): the body, read plainly as one organisation
            r = self.match(where.group("rest"), kind=kind, lang=lang, limit=limit)
            if (r.best is not None and not r.ambiguous and r.best.match
                    and _plain_reading(r.best.method)
                    and r.best.entity.kind in KIND_GROUPS["organisation"]):
                return _reread(query, r, f"{where.group('rest')!r} with the region "
                               f"{where.group('place')!r} (forms.yaml press_regions)")
        if where is not None:
            placed = self._body_at_place(query, where.group("rest"), where.group("place"),
                                         kind, lang, limit)
            if placed is not None:
                return placed
        period = _period_qualifier(text)
        if period is not None:
            head, (a, b), what = period
            head = self._capital_with_year(head, a, b, kinds)
            self._with_years += 1
            outer = self._years_now
            if outer is None:
                self._years_now = (a, b)
            try:
                r = self.match(head, kind=kind, lang=lang, limit=limit)
            finally:
                self._with_years -= 1
                self._years_now = outer
            fit = [c for c in r.candidates
                   if (r.ambiguous or c is r.best) and _plain_reading(c.method)
                   and self._span_allows(c.entity, a, b)]
            if r.best is not None and not r.ambiguous and fit:
                e = r.best.entity
                if e.kind in STATE_KINDS:
                    # a state read for a past period is read as the state's regimes then
                    # (round 15-17's reading by period), never today's state on its own
                    return self._by_period(query, head, f"{a}–{b}", kinds)
                return _reread(query, r, f"{head!r} qualified by the period {what!r} "
                               f"({a}–{b}), which its registry span does not contradict")
            if r.ambiguous and fit:
                ents = _unique(c.entity for c in fit if span_of(c.entity) is not None
                               or c.entity.existed_until)
                ev = (f"{head!r} names several entities; the period {what!r} ({a}–{b}) "
                      "narrows them to those whose registry spans hold it")
                if not ents:
                    # round 30: no record's span holds the years ("the Hanoi government in
                    # 1985": the Democratic Republic of Vietnam ended in 1976): today's state
                    # among them whose own years (COW's first year, :meth:`_years_of`) hold
                    # them, unless a monarchy or a regime Wikidata holds apart reigned then
                    # (predecessors.yaml ``monarchies_ended``, ``regimes_apart``: convention B)
                    ents = _unique(
                        c.entity for c in fit if c.entity.kind == "state"
                        and (ys := self._years_of(c.entity)) is not None
                        and ys[0] <= a and b <= ys[1]
                        and not any(s0 <= b and a <= t0 for s0, t0, _ev in [
                            *self._monarchies_ended.get(id(c.entity), ()),
                            *self._regimes_apart.get(id(c.entity), ())]))
                    ev = (f"{head!r} names several entities; the period {what!r} ({a}–{b}) "
                          "is held by no record's registry span, and by today's state's own "
                          "years (COW's first year on)")
                    if more := self._capital_predecessors(ents, head, a, b):
                        ents = [*ents, *more]
                        ev += (f", and {', '.join(describe(f) for f in more)}, a predecessor "
                               f"that ended in {b} and whose COW capital holds a word of it")
                named = {id(c.entity) for c in r.candidates}
                # (round 37: a record with no start year counts its last, "the Beijing
                # government in 1912": Qing China, then the Republic of China)
                ended = [f for e in ents if a == b and _last_year(e) == b and e.succeeded_by
                         and (f := self.registry.get(e.succeeded_by)) is not None
                         and id(f) in named and f not in ents]
                if a == b and ents and all(_last_year(e) == b for e in ents):
                    # round 37: of the states it names, today's state whose first year (COW's,
                    # or Archigos' first leader of it) is the year every record read ended
                    # ("the Vienna government in 1918": Austria-Hungary to 13 November,
                    # Austria from Renner's government of 12 November, COW's Austria from
                    # 1919; the registry gives Austria-Hungary no successor, it broke up)
                    ended += [c.entity for c in r.candidates
                              if c.entity.kind == "state" and c.entity not in ents
                              and c.entity not in ended and self._first_year(c.entity) == b]
                if ended:
                    # round 28: a year in which a state it names ended and its successor,
                    # which it names too, began ("the Moscow government in 1991": the Soviet
                    # Union and Russia; "the Belgrade government in 2006"): both held it
                    ents = _unique([*ents, *ended])
                    ev += (f", and {', '.join(describe(f) for f in ended)}, the successor of "
                           f"a state that ended in {b}")
                if len(ents) == 1:
                    return _single(query, ents[0], 85.0, "qualified-period",
                                   self._note(ents[0]), ev)
                if len(ents) > 1:
                    amb = _ambiguous(query, ents, 85.0)
                    return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        tail = self._with_tail(query, text, kind, lang, limit)
        if tail is not None:
            return tail
        return self._described_acronym(query, text, kind, lang, limit)

    def _seat_before_field(self, query: str, text: str,
                           kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 34: a body named by its seat before what it does, with no name of it ("the
        Lyon police organisation", "the Geneva migration agency", "the Parma food safety
        agency"): the seat, one to three capitalised words that are a city of
        :meth:`_seat_cities` (SupraVerden's headquarters, the COW capitals), and the words
        after it read by :meth:`_seat_domain` as the "-based" form is ("the Lyon-based police
        organisation"); None when no split of the name reads so. English only: the last word
        must be in lower case, a description's head ("the Kuwait Fund for Arab Economic
        Development" is a name of its own, not the Kuwait-based Arab fund)."""
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) < 2 or len(words) > 8:
            return None
        cities = self._seat_cities()
        for n in (1, 2, 3):
            if len(words) <= n:
                break
            city, rest = " ".join(words[:n]), words[n:]
            if (not all(w[:1].isupper() for w in words[:n])
                    or folded_form(city) not in cities
                    or not rest[-1][:1].islower()):
                continue
            found = self._seat_domain(query, " ".join(rest), city, kinds)
            if found is not None:
                return found
        return None

    def _capital_with_year(self, head: str, a: int, b: int,
                           kinds: frozenset[str] | None) -> str:
        """Round 34: a capital alone before a year ("Prague in 1968", "East Berlin in 1961",
        "Sanaa in 1962") names the government seated there then, as "the <capital>
        government" does (:meth:`Seats._capital_government`, then the period's reading);
        ``head`` unchanged when it is no COW capital (CLDR's names of the city count), is
        written with a word in lower case, or reads plainly as a state itself ("Kuwait",
        "Singapore"). In the last year of the one record the reading gives, a year of change
        ("Vienna in 1918": Austria-Hungary ended, the republic began, which COW's list dates
        from 1919), the capital alone is not read (precision first)."""
        city = head.strip()
        if (not city[:1].isupper() or len(city) > 30 or any(w[:1].islower() for w in
                                                            city.split())
                or kinds is not None and not kinds & STATE_KINDS
                or not self._capital_codes(city)[1]
                # (round 40: or a seat the COW capitals lack, capital_names.yaml seats:
                # "Constantinople in 1878")
                and not self._seats_lacking.get(folded_form(city))):
            return head
        r = self.match(city)
        if r.ambiguous or r.best is not None and r.best.match and (
                r.best.entity.kind in STATE_KINDS or r.best.entity.kind == "place"):
            # (a state's own name, or a place the registry holds: "Ulan Bator" is read by
            # the capital frame through its place record)
            if r.best is None or r.best.entity.kind != "place":
                return head
        if a == b:
            g = self.match(f"the {city} government in {a}", kind=STATE_KINDS)
            if (not g.ambiguous and g.best is not None and g.best.match
                    and (sp := span_of(g.best.entity)) is not None and sp[1] == a):
                return head
        return f"the {city} government"

    def _label_for_head(self, query: str, m: re.Match[str], kind: str | Collection[str] | None,
                        lang: str | None) -> MatchResult | None:
        """Round 24: a press label standing for a body's generic head ("the Indian Ocean rim
        grouping": the Indian Ocean Rim Association): the words before the label with one
        head of :data:`_LABELLED_HEADS` after them, read plainly as one organisation and by
        one head only. None otherwise."""
        words = " ".join(m.group(0).split()[:-1])
        words = re.sub(r"^the\s+", "", words, flags=re.IGNORECASE)
        found = []
        for head in _LABELLED_HEADS:
            r = self._match(f"{words} {head}", KIND_GROUPS["organisation"], lang)
            if (r is not None and r.best is not None and not r.ambiguous and r.best.match
                    and _plain_reading(r.best.method)):
                found.append((head, r))
        if len({id(r.best.entity) for _, r in found if r.best is not None}) != 1:
            return None
        head, r = found[0]
        return _reread(query, r, f"the press label {m.group('label')!r} for the head {head!r} "
                       f"of {words!r}")

    def _seat_may_be(self, e: Entity, city: str, strict: bool = False) -> bool:
        """Round 24: a city the reference tables do not hold (read as a seat only before
        "-based") may be ``e``'s seat unless SupraVerden seats ``e`` elsewhere. A city they
        hold is not checked: SupraVerden's seat is not always the one the press names (Tokyo
        for the UN University, Hamburg for ITLOS: checking it lost eight rows of the lists)."""
        if folded_form(city) in self._seat_cities() and not strict:
            # (round 28, ``strict``: a seat said in words, "có trụ sở tại", the body's
            # headquarters are checked whatever the city)
            return True
        hqs = [r.headquarters for r in supraverden_of(e, self.reference.supraverden)
               if r.headquarters]
        # (round 28: a headquarters written as a building, "Fram Centre, Norway", gives no
        # city: the body may sit in ``city``)
        if strict and not hqs:
            return False
        if strict and self._state_seat(city):
            # round 28: a state named as the seat must be the headquarters' country
            return any(folded_form(h.split(",")[-1]) == folded_form(city)
                       # (round 42: or a Vietnamese transliteration of it, "Gi-bu-ti")
                       or _sounds_as(city, h.split(",")[-1]) for h in hqs)
        names = {folded_form(city), folded_form(self._capital_codes(city)[0])}
        return not hqs or any(any(n in folded_form(h) for n in names) or set(_folded_words_of(
            h.split(",")[0])) & _BUILDING_WORDS or _sounds_as(city, h.split(",")[0])
            for h in hqs)

    def _body_at_place(self, query: str, rest: str, place: str,
                       kind: str | Collection[str] | None, lang: str | None,
                       limit: int) -> MatchResult | None:
        """Round 36: a body's name, then "in", "at", "ở" or "tại" and a place the reference
        tables do not hold as a seat ("the Indian Ocean Commission in Ebène", "the Boao Forum
        for Asia in Hainan", "Hội đồng Bắc Cực ở Tromsø"): the body, when the name before the
        place reads plainly as one organisation and the place (one to three capitalised
        words, no digit, no month) does not contradict its SupraVerden headquarters: none
        known, a building, or the place a part of them. A state's name must be their country
        (with none known, a seat and a country office are not told apart: "the World Bank in
        Kenya" is no match). A headquarters elsewhere leaves the name to the office and seat
        readings ("UNESCO in Hanoi" is an office, no match)."""
        if (not _PLACE_WORDS.fullmatch(place) or folded_form(place.split()[0]) in _MONTHS
                or f"{rest} {place}".isupper() or _OFFICE_WORDS.search(rest)):
            # (a name all in capitals, "UN COMMAND IN KOREA", is not read: its "IN" may be a
            # word of the name, and the place's case says nothing)
            # (an office, a mission, a delegation in a place is the body's there: round 22's
            # local office, "the UNHCR office in Cox's Bazar", no match)
            return None
        r = self.match(rest, kind=kind, lang=lang, limit=limit)
        if (r.best is None or r.ambiguous or not r.best.match
                or not _plain_reading(r.best.method)
                or r.best.entity.kind not in KIND_GROUPS["organisation"]):
            return None
        e = r.best.entity
        hqs = [h for x in supraverden_of(e, self.reference.supraverden)
               if (h := x.headquarters)]
        where = folded_form(place)
        if self._state_seat(place):
            # (a state: the headquarters' country must be it; with none known, or a building
            # in another country, a seat and a country office cannot be told apart: "the World
            # Bank in Kenya" is the bank's office there, no match)
            if not any(len(h.split(",")) > 1 and folded_form(h.split(",")[-1]) == where
                       for h in hqs):
                return None
        elif hqs and not any(where == folded_form(p) for h in hqs for p in h.split(",")) and (
                not all(set(_folded_words_of(h.split(",")[0])) & _BUILDING_WORDS for h in hqs)):
            # (a headquarters written as a building, "Fram Centre, Norway", gives no city)
            return None
        said = (f"SupraVerden's headquarters {'; '.join(hqs)!r} name it" if hqs
                else "no source gives its seat")
        return _reread(query, r, f"{rest!r} at the place {place!r} ({said})")

    def _capital_predecessors(self, ents: list[Entity], head: str, a: int,
                              b: int) -> list[Entity]:
        """Round 36: for a capital's government in one year read as today's state alone
        (``ents``), the state's predecessors by the registry's succession that ended in that
        year and whose COW capital holds a word of the name ("the Berlin government in
        1990": the German Democratic Republic, capital East Berlin, ended in 1990, when
        Germany began; not West Germany, capital Bonn): both held the year. Empty
        otherwise."""
        if a != b or len(ents) != 1 or ents[0].kind != "state":
            return []
        if self._successors is None:
            self._successors = succession_links(self.registry)
        words = {folded_form(w) for w in head.split() if len(w) >= 4}
        return [p for p in self._successors[1].get(id(ents[0]), [])
                if (p.existed_until or "")[:4] == str(a) and p.cow_code is not None
                and any(w in cap for cap in self._cow_capitals.capitals_of.get(p.cow_code, ())
                        for w in words)]

    def _first_year(self, e: Entity) -> int | None:
        """Round 37: the first year of today's state ``e``: the earlier of its own years'
        start (:meth:`_years_of`, COW's first year) and the first year of its first leader
        in Archigos (the tenures are split between states by ``state-periods.csv``)."""
        first = self.__dict__.get("_archigos_first")
        if first is None:
            first = {}
            for tenures in self.reference.leaders.by_name.values():
                for t in tenures:
                    if t.state not in first or t.start < first[t.state]:
                        first[t.state] = t.start
            self.__dict__["_archigos_first"] = first
        ys = self._years_of(e)
        years = [y for y in (ys[0] if ys is not None else None, first.get(e.iri))
                 if y is not None]
        return min(years) if years else None

    def _seated_in(self, e: Entity, city: str) -> bool:
        """Round 28: whether SupraVerden's headquarters of ``e`` name ``city`` (or the same
        city by another name CLDR gives, "Warszawa" for Warsaw) before the first comma."""
        names = {folded_form(city), folded_form(self._capital_codes(city)[0])}
        for r in supraverden_of(e, self.reference.supraverden):
            first = folded_form((r.headquarters or "").split(",")[0])
            if first and any(first == n or first == n + "city" for n in names):
                return True
        return False

    def _with_tail(self, query: str, text: str, kind: str | Collection[str] | None,
                   lang: str | None, limit: int) -> MatchResult | None:
        """Round 24: a body's name with a tail that names no other body: a press label with
        at most one field word ("the Group of Three trade pact": round 23's labels, after a
        name now as after an acronym), or "for/of/in the ..." whose content words are all in
        one of the body's own names, less the words of a kind of place ("the Helsinki
        Commission for the Baltic Sea": Baltic, of the Baltic Marine Environment Protection
        Commission).
        The name before it must be read plainly as one organisation. None otherwise."""
        m = _TAIL_LABEL.fullmatch(text)
        why = None
        if (m is not None and folded_form(m.group("label")) in _PRESS_LABEL_WORDS
                and _POSSESSIVE_END.search(m.group("name"))):
            # round 44: a possessive before the label names what the body holds, not the body
            # ("the Soviet bloc's military alliance" is the bloc's alliance, not the bloc)
            return None
        if m is not None and folded_form(m.group("label")) in _PRESS_LABEL_WORDS:
            why = f"the press label {m.group('tail').strip()!r} after it"
        else:
            m = _TAIL_PLACE.fullmatch(text)
        if m is None:
            return None
        r = self.match(m.group("name"), kind=kind, lang=lang, limit=limit)
        if (r.best is None or r.ambiguous or not _plain_reading(r.best.method)
                or r.best.entity.kind not in KIND_GROUPS["organisation"]):
            return self._label_for_head(query, m, kind, lang) if why is not None else None
        e = r.best.entity
        if why is not None and self._body_of_label(e, m.group("name"), m.group("label")):
            # round 30: a label that is the head of another body's name holding this one's
            # ("the ASEAN security forum": the ASEAN Regional Forum) names that body, not the
            # organisation
            return None
        if why is None:
            words = content_words(m.group("tail")) - _PLACE_KIND_WORDS
            own = [content_words(n) for n, _ in e.names()]
            if not words or not any(words <= ws for ws in own):
                return None
            why = (f"{m.group('tail').strip()!r} after it, whose words are in one of "
                   f"{describe(e)}'s names")
        return _reread(query, r, f"{m.group('name')!r} with {why}")

    def _body_of_label(self, e: Entity, name: str, label: str) -> list[Entity]:
        """Round 30: the other organisations one of whose English names holds the press
        label ``label`` and ``name`` (a name or an acronym of ``e``) whole, word for word:
        "ASEAN" with "forum" gives the ASEAN Regional Forum."""
        lw = folded_form(label)
        nw = frozenset(content_words(name))
        if not nw:
            return []
        return [x for x in self.registry.entities
                if x is not e and x.kind in KIND_GROUPS["organisation"]
                and any(lw in ws and nw <= ws for ws in _english_word_sets(x))]

    def _organisations_with_word(self, word: str) -> list[Entity]:
        """Session 28: the organisations one of whose :func:`_bare_words` is ``word``, in the
        registry's order, from an index of each word's organisations made once (a scan of
        every entity per call before; ``tests/linking/test_matcher_speed.py``)."""
        index = self.__dict__.get("_org_bare_index")
        if index is None:
            index = defaultdict(list)
            for e in self.registry.entities:
                if e.kind in KIND_GROUPS["organisation"]:
                    for w in _bare_words(e):
                        index[w].append(e)
            index = self.__dict__["_org_bare_index"] = dict(index)
        return index.get(word, [])

    def _described_acronym(self, query: str, text: str, kind: str | Collection[str] | None,
                           lang: str | None, limit: int) -> MatchResult | None:
        """Round 20: a description before an acronym ("Hội đồng Tương trợ Kinh tế SEV",
        "Nhóm các nền kinh tế lớn G20"): the acronym decides, read alone without a fuzzy
        step; the words before it must not contradict it. They contradict it when their
        head (the first phrase the glossary reads, not a generic head such as "Nhóm", group)
        is no word of the body's English names, or when the glossary reads them whole and
        those words (less generic heads) are not all in one of its names. A body whose
        English name holds the acronym as a word and every word read from the description
        ("OPEC Fund for International Development" for "Quỹ Phát triển Quốc tế OPEC") is
        read first."""
        m = re.fullmatch(r"(?P<desc>\S.*?)\s+(?P<code>[A-Z][\w-]{1,11})", text)
        if m is None:
            return None
        desc, code = m.group("desc"), m.group("code")
        if not _ACRONYM.fullmatch(code) and not (
                code[:1].isupper() and len(code) <= 5 and desc.split()[-1].islower()) and not (
                re.fullmatch(r"[A-Z][a-z]{4,8}", code) and desc.isascii()
                and all(w.islower() or _ACRONYM.fullmatch(w) for w in desc.split())) and not (
                re.fullmatch(r"[A-Z][a-z]{4,11}", code) and code.isascii()
                and _has_vi_letters(desc)
                and folded_form(desc.split()[-1]) not in _VI_GEOGRAPHIC_WORDS and any(
                    h.entity.kind in KIND_GROUPS["organisation"]
                    for h in self._exact.get(exact_form(code), ()))):
            # (round 33: a body's one-word name, as its label or alias, after a Vietnamese
            # description the glossary reads: "Tổ chức Vệ tinh Ả Rập Arabsat")
            # a short name in title case ("Quad") only after a lower-case word: after a
            # capitalised one it ends a name ("Việt Nam"); round 28: a body's one-word name
            # of up to nine letters ("Frontex", "Cedefop") after an English description of
            # lower-case words only ("border agency Frontex")
            lead = [w for i, w in enumerate(desc.split()) if i or w.lower() != "the"]
            if (re.fullmatch(r"[A-Z][a-z]{4,11}", code) and desc.isascii() and len(lead) >= 2
                    and lead[-1].islower() and lead[0][:1].isupper()):
                # round 35: a one-word name after its seat ("the Hague police agency
                # Europol"), read only when the seat agrees (the name as written only: a
                # cheap look-up, no fuzzy step)
                alone = self._match(code, KIND_GROUPS["organisation"], lang)
                if (alone is not None and alone.best is not None and not alone.ambiguous
                        and _plain_reading(alone.best.method)
                        and alone.best.entity.kind in KIND_GROUPS["organisation"]):
                    return self._seated_described(query, desc, code, alone.best.entity, alone)
            return None
        r = self.match(code, kind=kind, lang=lang, limit=limit)
        vi = _has_vi_letters(desc)
        if r.ambiguous and not vi:
            return self._field_described(query, desc, code,
                                         [c.entity for c in r.candidates], ambiguous=True)
        if r.ambiguous and vi:
            # round 33: a Vietnamese description read by the glossary as a field parts the
            # bodies holding the acronym ("cơ quan môi trường EEA": the environment agency)
            return self._vi_field_described(query, desc, code,
                                            [c.entity for c in r.candidates], ambiguous=True)
        if r.best is None or r.ambiguous or not _plain_reading(r.best.method):
            return None
        holder = r.best.entity
        if holder.kind not in KIND_GROUPS["organisation"]:
            return None
        dw = desc.split()
        if any(_ACRONYM.fullmatch(w) and j + 1 < len(dw)
               and folded_form(dw[j + 1]) in _LOCATIVE_WORDS and any(
                   h.entity is not holder and h.entity.kind in KIND_GROUPS["organisation"]
                   for h in self._codes.get(w, ())) for j, w in enumerate(dw[:2])):
            # round 29: another body's acronym heading the description, a place or a
            # relation after it ("nhóm B9 ở sườn đông NATO": the B9, a group on NATO's flank),
            # names that body, not the last acronym's ("the AU police body Afripol" is read)
            return None
        glossary = self._calques.glossary
        # (round 28: "cơ quan" says no field, unless the description ends in "của" (of): "cơ
        # quan hành pháp của EU" names a body of the EU, never the EU)
        kind_heads = frozenset() if folded_form(desc.split()[-1]) == "cua" else _VI_KIND_HEADS
        whole = [w - kind_heads or w for w in glossary.phrase_readings(desc)] if vi else [
            frozenset(_DESCRIPTION_WORDS.get(w, w) for w in content_words(desc)
                      if not w.endswith("-based")) - _GENERIC_HEADS_EN]
        # (round 28: a description of generic words only describes nothing: "the regional
        # bloc ECOWAS" is ECOWAS, not a body whose name holds "ECOWAS")
        whole = [w for w in whole if w]
        words = _folded_words_of(desc)
        head: list[frozenset[str]] = []
        for n in range(min(4, len(words)), 0, -1):
            head = glossary.phrase_readings(" ".join(words[:n])) if vi else []
            if head:
                break
        code_word = folded_form(code).replace("-", "")
        cands = [holder] + [e for e in self._organisations_with_word(code_word)
                            if e is not holder]

        def fits(e: Entity) -> bool:
            sets = _un_word_sets(e)
            if head and not any(not (h - _GENERIC_HEADS_EN) or any(
                    h - kind_heads <= ws for ws in sets) for h in head):
                # (round 28: "cơ quan", an agency or a body, says the kind, not the field:
                # "cơ quan môi trường SPREP" holds the field "environment")
                return False
            # round 24: an English description's words compared by their first five
            # letters ("ocean" of "Oceanic", "administrations" of "Administrations"); the
            # seat ("the Budapest-based ...") is no word of the name
            stems = [_stems(ws) for ws in sets] if not vi else []
            return not whole or any(not (w - _GENERIC_HEADS_EN)
                                    or any(w - _GENERIC_HEADS_EN <= ws for ws in sets)
                                    or (stems and any(_stems(w - _GENERIC_HEADS_EN) <= st
                                                      for st in stems))
                                    for w in whole)

        found = [e for e in cands if fits(e)]
        if not found and not vi:
            return (self._field_described(query, desc, code, [holder])
                    or self._seated_described(query, desc, code, holder, r))
        if not found and head:
            # round 33: a Vietnamese description whose field's words are not all in the
            # body's names ("cơ quan an toàn hàng không ASECNA": aviation safety)
            return self._vi_field_described(query, desc, code, [holder])
        if not found or (vi and not head):
            return None  # (a Vietnamese description must be read at least in its head)
        # a body whose name holds the acronym and the description is read before the holder
        # (round 29: unless the holder's own names hold the description's words: "the West
        # African bloc ECOWAS" is ECOWAS, whose name says "West African", not its court)
        own_words = any(w - _GENERIC_HEADS_EN <= ws for ws in _un_word_sets(holder)
                        for w in whole)
        e = (found[1] if len(found) > 1 and found[0] is holder and whole and not own_words
             else found[0])
        if len(found) > 2 and e is not holder:
            return None
        if e is holder and vi and not whole and (
                folded_form(dw[-1]) in ("cua", "thuoc") or len(dw) >= 2
                and folded_form(dw[-2]) in _POSITION_WORDS_VI
                and folded_form(dw[-1]) in _DIRECTION_WORDS_VI):
            # round 30: a description the glossary does not read whole that ends in "của"
            # (of: "Nhóm Minsk của OSCE", a group of the OSCE) or in a side of the acronym's
            # holder ("… sườn đông NATO", on NATO's eastern flank) names something of that
            # body or beside it, not the body itself
            return None
        return _single(query, e, 85.0, "described-acronym", self._note(e),
                       f"the acronym {code!r} read as {describe(holder)}; the words before it "
                       f"({desc!r}) do not contradict "
                       + ("it" if e is holder else f"and name {describe(e)}"))

    def _seated_described(self, query: str, desc: str, code: str, holder: Entity,
                          alone: MatchResult) -> MatchResult | None:
        """Round 35: an English description that opens with the body's own seat before its
        acronym or one-word name ("the Hague police agency Europol", "the Harare patent office
        ARIPO", "the Kuwait oil ministers' club OAPEC"): the acronym, read alone, names one
        body; the description's first capitalised words (after "the") are the city of that
        body's SupraVerden headquarters; the rest are lower-case words naming no other entity
        (a description, not a name). The seat agrees where the field's words (not all in the
        body's names: "police" of "Law Enforcement") cannot. None otherwise."""
        if len(alone.candidates) != 1:
            return None
        words = desc.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        n = 0
        while n < len(words) and n < 3 and words[n][:1].isupper():
            n += 1
        rest = words[n:]
        if not n or not rest or not all(w[:1].islower() for w in rest) or len(rest) > 5 or (
                {w.lower() for w in rest} & _LINK_WORDS_EN):
            # (a linking word makes the acronym the owner: "the Arusha court of the EAC" is
            # the EAC's court, not the EAC)
            return None
        city = folded_form(" ".join(words[:n]))
        # (SupraVerden writes "City of Brussels"; the folded form drops "The" of "The Hague")
        hqs = {re.sub(r"^cityof", "", folded_form(r.headquarters.split(",")[0]))
               for r in supraverden_of(holder, self.reference.supraverden) if r.headquarters}
        if city not in hqs:
            return None
        return _single(query, holder, 85.0, "described-acronym", self._note(holder),
                       f"the acronym {code!r} read as {describe(holder)}, seated in "
                       f"{' '.join(words[:n])!r} (SupraVerden's headquarters) as the words "
                       f"before it ({desc!r}) say")

    def _field_described(self, query: str, desc: str, code: str, held: list[Entity],
                         ambiguous: bool = False) -> MatchResult | None:
        """Round 26: an English description of a body's field before its acronym whose
        words are not all in the body's names ("the Beijing-based bamboo and rattan body
        INBAR", "the Dakar-based air navigation agency ASECNA", "the Panama-based tax
        administrations centre CIAT" of an acronym three bodies hold): the field's words
        (less the seat, generic heads and words of a kind of body, :data:`_KIND_WORDS_EN`)
        must be at least half in one name of the body, compared by their first five letters;
        of several bodies holding the acronym, exactly one may fit. None otherwise."""
        field = frozenset(w for w in content_words(desc) if not w.endswith("-based")
                          ) - _GENERIC_HEADS_EN - _KIND_WORDS_EN
        if not field or any(e.kind not in KIND_GROUPS["organisation"] for e in held):
            return None
        stems = _stems(field)

        def share(e: Entity) -> int:
            return max((len(stems & _stems(ws)) for ws in _english_word_sets(e)), default=0)

        fit = [e for e in held if 2 * share(e) >= len(stems) and share(e) > 0]
        if len(fit) != 1:
            return None
        e = fit[0]
        return self._field_answer(query, e, code, held, ambiguous,
                                  f"described before it ({desc!r})")

    def _vi_field_described(self, query: str, desc: str, code: str, held: list[Entity],
                            ambiguous: bool = False) -> MatchResult | None:
        """Round 33: :meth:`_field_described` for a Vietnamese description: each English
        reading the glossary gives of the whole description, less the words of a kind of
        body, is a field; the body one of whose English names holds the largest part of a
        field (first five letters), at least half of it, alone of the bodies holding the
        acronym, is read.
        A description the glossary does not read whole says nothing. None otherwise."""
        if any(e.kind not in KIND_GROUPS["organisation"] for e in held):
            return None
        if {folded_form(w) for w in desc.split()} & {"cua", "thuoc"}:
            # (a body of the acronym's holder: "cơ quan hành pháp của EU", "ngân hàng trung
            # ương của khối CEMAC")
            return None
        fields = {frozenset(w for w in reading if not w.endswith("-based"))
                  - _GENERIC_HEADS_EN - _KIND_WORDS_EN - _VI_KIND_HEADS - _STATE_WORDS_EN
                  for reading in self._calques.glossary.phrase_readings(desc)}
        readings = self._calques.glossary.phrase_readings(desc)
        if (fields and not any(fields) and not ambiguous and len(held) == 1 and all(
                r & (_GENERIC_HEADS_EN | _KIND_WORDS_EN | _VI_KIND_HEADS) for r in readings)):
            # a description of words of a kind of body (and of states) only describes
            # nothing: the acronym decides ("khối các nước SNG", the bloc of the states SNG;
            # never the states alone, "các nước ASEAN", the members)
            e = held[0]
            return _single(query, e, 85.0, "described-acronym", self._note(e),
                           f"the acronym {code!r} read as {describe(e)}; the words before it "
                           f"({desc!r}) name only a kind of body or of state")
        fields = {f for f in fields if f}
        if not fields:
            return None

        def share(e: Entity) -> float:
            sets = [_stems(ws) for ws in _english_word_sets(e)]
            return max((len(_stems(f) & st) / len(_stems(f)) for f in fields for st in sets),
                       default=0.0)

        # (the body whose name holds the largest part of a field, at least half of it: "cơ
        # quan môi trường châu Âu EEA" holds "European" of both bodies and "Environment" of
        # one)
        shares = {id(e): share(e) for e in held}
        top = max(shares.values(), default=0.0)
        fit = [e for e in held if shares[id(e)] == top]
        if top < 0.5 or len(fit) != 1:
            return None
        e = fit[0]
        return self._field_answer(query, e, code, held, ambiguous,
                                  f"the glossary reads in {desc!r}")

    def _field_answer(self, query: str, e: Entity, code: str, held: list[Entity],
                      ambiguous: bool, where: str) -> MatchResult:
        """The answer of :meth:`_field_described` and :meth:`_vi_field_described`: ``e``, the
        one of the bodies ``held`` holding ``code`` whose name holds the field's words."""
        how = (f"of the {len(held)} bodies holding {code!r}, the one whose name holds"
               if ambiguous else f"the acronym {code!r} read as {describe(e)}, whose name holds")
        return _single(query, e, 85.0, "described-acronym", self._note(e),
                       f"{how} words of the field {where}")

    def _region_frame(self, query: str, text: str, kinds: frozenset[str] | None,
                      lang: str | None) -> MatchResult | None:
        """Round 22: a state's name after a descriptor made only of a region's words
        (``press_regions`` of ``linking/names/forms.yaml``), words of a kind of state and a
        head word of a kind of state or a regime ("the West African state of Benin", "the
        oil-rich Central Asian state of Kazakhstan", "đảo quốc Thái Bình Dương Vanuatu",
        "vương quốc Himalaya Bhutan", "chính quyền quân sự Mali"): the state, when a plain
        reading gives one and
        the region holds its COW code; a region that does not hold it contradicts the name (no
        match: "the West African state of Nepal"). A monarchy's head word must fit the state's
        own long forms (convention B: "vương quốc" + the name read as the state). None when
        the text is no such frame, or the state has no COW code to check."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 90:
            return None
        regions, kind_words = _region_vocabulary()
        head = region = name = None
        m = _REGION_FRAME_EN.fullmatch(text)
        if m is not None:
            mods = [w for w in m.group("mods").split()
                    if w.lower() not in kind_words and not _SPEAKING.fullmatch(w)]
            mods = [w.lower() for w in mods]
            if m.group("head").lower() == "colony":
                # round 28: "the former Dutch colony of Suriname": the state that was the
                # colony, after "former" and a colonial power's adjective only
                if mods[:1] != ["former"] or len(mods) != 2 or mods[1] not in _colonial_powers():
                    return None
                mods = []
            # round 25: a head of a kind of state alone ("the city-state of Singapore", "the
            # twin-island federation of ..."): no region
            region = " ".join(mods) or None
            if region is not None and folded_form(region) not in regions:
                return None
            if region is None and not m.group("mods").split() and m.group(
                    "head").lower() not in ("city-state", "federation", "archipelago", "colony",
                                            "island nation", "island state", "island country",
                                            "principality", "sultanate", "emirate"):
                return None
            head, name = " ".join(m.group("head").lower().split()), m.group("name").strip()
        else:
            m = _REGION_FRAME_VI.fullmatch(text)
            if m is None:
                return None
            head = " ".join(m.group("head").split())
            words = m.group("rest").split()
            military = _folded_words_of(head)[-2:] == ["quan", "su"]
            for i in range(len(words) - 1, -1, -1):
                if i == 0 and not military:
                    break
                if i == 0 or _region_key(" ".join(words[:i]), regions) is not None:
                    region = _region_key(" ".join(words[:i]), regions) if i else None
                    name = " ".join(words[i:])
                    break
            after = _VI_REGION_AFTER.fullmatch(m.group("rest"))
            if name is None and after is not None:
                # round 28: the region after the name ("vương quốc Hà Lan ở vùng Benelux")
                region = _region_key(after.group("region"), regions)
                if region is not None:
                    name = after.group("name")
            if name is None:
                return None
        if not name[:1].isupper():
            return None
        r = self._plain_state(name, state_kinds, lang)
        if r is None or r.best is None:
            return None
        e = r.best.entity
        if " ".join(_folded_words_of(head)) in _MONARCHY_HEADS:
            form = f"{head} {name}" if m.re is _REGION_FRAME_VI else f"{head} of {name}"
            f = self.match(form, kind=state_kinds)
            if f.best is None or f.best.entity is not e:
                return MatchResult(
                    query, [Candidate(e, 60.0, False, "region-frame", r.best.evidence)], False,
                    f"no match: {head!r} (a monarchy) does not fit {describe(e)}: {form!r} "
                    f"is not read as it ({f.note or 'another reading'})")
        if region is not None and (e.cow_code is None or not any(
                a <= e.cow_code <= b for a, b in regions[folded_form(region)][0])):
            ranges, meaning = regions[folded_form(region)]
            if e.cow_code is None:
                return None
            return MatchResult(
                query, [Candidate(e, 60.0, False, "region-frame", r.best.evidence)], False,
                f"no match: the region {region!r} ({meaning}) does not hold "
                f"{describe(e)} (COW {e.cow_code}): the descriptor contradicts the name")
        if press_frame_readings(text):
            # a frame round 19's press reading knows ("quốc gia Tây Phi Senegal", "the Gulf
            # emirate of Qatar") is read by it, now that the region does not contradict it
            old = self._press_frame(query, text, state_kinds, lang, 5)
            if old is not None and old.best is not None and old.best.entity is e:
                return old
        ev = f"{name!r} after a press descriptor ({head!r}"
        if region is not None:
            ranges, meaning = regions[folded_form(region)]
            if e.cow_code is None:
                return None
            if not any(a <= e.cow_code <= b for a, b in ranges):
                return MatchResult(
                    query, [Candidate(e, 60.0, False, "region-frame", r.best.evidence)], False,
                    f"no match: the region {region!r} ({meaning}) does not hold "
                    f"{describe(e)} (COW {e.cow_code}): the descriptor contradicts the name")
            ev += f"; the region {region!r}, {meaning}, holds its COW code {e.cow_code}"
        ev += f"): {r.best.method}"
        return _single(query, e, 87.0, "region-frame", self._note(e), ev)

    def _epithet_frame(self, query: str, text: str, kinds: frozenset[str] | None,
                       lang: str | None) -> MatchResult | None:
        """Round 24: a state's name after the press's epithets and no frame ("landlocked
        Paraguay", "junta-led Burkina Faso", "Dutch-speaking Suriname", "tiểu vương quốc giàu
        khí đốt Qatar"): every word before the name one of ``press_kind_words``
        (``linking/names/forms.yaml``) or a language's "X-speaking", after a Vietnamese head
        word of a kind of state at most; the state when a plain reading gives one. A
        monarchy's head word must fit the state's own long forms, as in the region frame
        (convention B). None otherwise."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 80:
            return None
        _regions, kind_words = _region_vocabulary()
        head = None
        rest = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
        vi = _REGION_FRAME_VI.fullmatch(text)
        if vi is not None and not _folded_words_of(vi.group("head"))[-2:] == ["quan", "su"]:
            head, rest = " ".join(vi.group("head").split()), vi.group("rest")
        words = rest.split()
        if head is not None:
            # round 28: Vietnamese epithets after the name ("tiểu vương quốc Qatar giàu khí
            # đốt") are read as before it
            for n in (3, 2, 1):
                if len(words) > n and " ".join(words[-n:]).lower() in kind_words:
                    words = words[-n:] + words[:-n]
                    break
        j = 0
        region = None
        if head is not None and " ".join(_folded_words_of(head)) in _NICKNAME_HEADS:
            # round 28: a press nickname of lower-case words between "xứ sở" or "đất nước" and
            # the name ("xứ sở nụ cười Thái Lan", "đất nước mặt trời mọc Nhật Bản"): the state
            # named, when a plain reading gives one
            while j < min(len(words) - 1, 4) and words[j].islower():
                j += 1
        while j < len(words) - 1:
            for n in (3, 2, 1):
                phrase = " ".join(words[j : j + n]).lower()
                if j + n < len(words) and (phrase in kind_words
                                           or n == 1 and _SPEAKING.fullmatch(words[j])):
                    j += n
                    break
                if (j + n < len(words) and region is None and j > 0
                        and folded_form(phrase) in _regions and phrase.isascii()):
                    # round 28: a region's word among the epithets ("the energy-rich steppe
                    # giant Kazakhstan"), after one epithet at least: its COW codes must
                    # hold the state's
                    region = folded_form(phrase)
                    j += n
                    break
            else:
                break
        name = " ".join(words[j:])
        if j == 0 or not name[:1].isupper():
            return None
        r = self._plain_state(name, state_kinds, lang)
        if r is None or r.best is None:
            return None
        e = r.best.entity
        if region is not None and (e.cow_code is None or not any(
                a <= e.cow_code <= b for a, b in _regions[region][0])):
            return None
        if head is not None and " ".join(_folded_words_of(head)) in _MONARCHY_HEADS:
            f = self.match(f"{head} {name}", kind=state_kinds)
            if f.best is None or f.best.entity is not e:
                return None
        epithets = " ".join(words[:j])
        if head is not None and " ".join(_folded_words_of(head)) in _NICKNAME_HEADS and all(
                w.islower() and w not in kind_words for w in words[:j]):
            return _single(query, e, 86.0, "epithet-frame", self._note(e),
                           f"{name!r} after the press nickname {head!r} + {epithets!r}: "
                           f"{r.best.method}")
        return _single(query, e, 86.0, "epithet-frame", self._note(e),
                       f"{name!r} after the press's epithet {epithets!r} "
                       f"(linking/names/forms.yaml press_kind_words): {r.best.method}")

    def _role_frame(self, query: str, text: str, kinds: frozenset[str] | None,
                    lang: str | None) -> MatchResult | None:
        """Round 21: a role word (chair, host, president, presidency; Vietnamese chủ tịch, chủ
        nhà, chủ trì) with at most an acronym, a number or a year after it, then a name read
        as one state by a plain reading (no fuzzy step, no transliteration), written with a
        capital: that state ("2025 G20 host South Africa"). None otherwise ("the host
        country", "Chủ tịch nước Việt Nam", the President of Viet Nam).
        What comes before the role word is not read: the role is the state's of the
        moment, not evidence of which state."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 80:
            return None
        m = _ROLE_WORDS.search(text)
        if m is None:
            return None
        rest = text[m.end():].split()
        i = 0
        while i < len(rest) - 1 and (_ACRONYM.fullmatch(rest[i]) or rest[i].isdigit()):
            i += 1
        name = " ".join(rest[i:])
        if not name or not name[:1].isupper():
            # (a lower-case word after the role is an office's: "Chủ tịch nước Việt Nam", the
            # President of Viet Nam, a person; "the president of France")
            return None
        r = self._plain_state(name, state_kinds, lang)
        if r is None or r.best is None:
            return None
        e = r.best.entity
        return _single(query, e, 86.0, "role-frame", self._note(e),
                       f"a state by its role {text[:m.end()].strip()!r}"
                       + (f" {' '.join(rest[:i])!r}" if i else "")
                       + f": {name!r} ({r.best.method})")
