"""The name written another way and matched again (rounds 8, 11, 15, 17, 18, 22, 30, 31).

Reads ``S. Korea`` (abbreviations written out), ``Âu châu`` (the older continent order),
``Saint Kitts và Nevis``, ``xứ Bayern``, ``đặc khu Hồng Kông``, ``chính quyền Kabul``,
``Royal Yugoslavia``, ``the Qing Empire`` (without its article), ``nước chủ nhà Qatar`` (a
press descriptor), ``the 193-member General Assembly``, ``the Soviet-led Warsaw Pact`` and
``interwar Czechoslovakia`` (round 30), ``Bộ Ngoại giao Lào``, ``the Ak Orda presidential
palace``, ``Warsaw's ruling coalition``, ``the Lithuanian government in Vilnius`` and
``Mercosur's secretariat in Montevideo`` (round 31): the table :data:`REWRITES`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection
from dataclasses import replace

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, MatchResult, describe
from ..features import supraverden_of
from ..names import name_words
from ..normalise import folded_form, phonetic_key, transliterated
from ..succession import STATE_KINDS, year_span
from .answers import _reread, _single
from .text import (
    _BLOC_MEMBER_EN,
    _PERIOD_WORD,
    _ROLE_AFTER,
    _VI_SEAT_SAID,
    _VI_SEAT_TAIL,
    _VI_UPPER,
    PERIOD_REGIME_WORDS,
    _after_descriptor,
    _after_regime_word,
    _after_region_word,
    _after_special_region,
    _and_for_va,
    _bloc_member_splits,
    _body_agent,
    _body_and_head,
    _body_under_chair,
    _body_under_leader,
    _capital_event_city,
    _capital_event_tail,
    _continent_order,
    _court_as_government,
    _court_seat,
    _delegation_state,
    _event_treaty_year,
    _expand_abbreviations,
    _f_organ_at_seat,
    _f_organ_city,
    _first_fullmatch,
    _government_at_seat,
    _government_seat_city,
    _holds_acronym,
    _joined_head,
    _joined_parts,
    _leader_cabinet_at,
    _ministry_under_minister,
    _movement_city,
    _movement_state,
    _period_word_state,
    _qualified_capital,
    _replaced_body,
    _role_kind,
    _role_year,
    _royal_form,
    _seat_building,
    _seat_building_city,
    _state_after_bloc,
    _state_office,
    _state_organ_in_year,
    _state_post,
    _state_post_subject,
    _vi_body_place,
    _vi_qualified_government,
    _without_article,
    _without_body_leader,
    _without_chair,
    _without_event_clause,
    _without_event_tail,
    _without_led,
    _without_member_count,
    _without_named_head,
    _without_speaker,
    _without_vi_body_clause,
    _without_vi_place,
    _without_vi_seat,
)

#: the name written another way, matched again (in this order): abbreviations written out (a
#: fuzzy read counts), the older Sino-Vietnamese order of a continent's name ("Âu châu" =
#: "châu Âu", Europe), a foreign name joined by the Vietnamese "và" ("Saint Kitts và Nevis"),
#: the Vietnamese word for a land or region before a name ("Xứ Hessen", "xứ Bayern", as
#: vi.wikipedia writes German lands); for the last three and those after them a fuzzy read of
#: the other writing is no evidence. Each row: (rewrite, why (``{!r}`` the other writing),
#: whether a fuzzy read of the other writing counts)
REWRITES: tuple[tuple[Callable[[str], str | None], str, bool], ...] = (
    (_expand_abbreviations, "abbreviations written out: {!r}", True),
    # round 53: two names of one entity joined ("Kirghizia, now Kyrgyzstan", "Hayastan, tức
    # Armenia", "SICA, heir to the Organization of Central American States"): each side read
    # alone (:meth:`Rewrites._joined_name`)
    (_joined_head, "{!r}, one of two names joined", False),
    # round 53: a monarch's court with its year ("the Dresden court in 1860", "the Habsburg
    # court in Vienna in 1848"), read as the government of that year, then by its seat; its
    # answer must be historical states (a court of today's state is a law court: "the
    # Luxembourg court in 2010")
    (_court_as_government, "a monarch's court read as {!r}", False),
    (_court_seat, "a monarch's court read by its seat, {!r}", False),
    (_continent_order, "read in today's word order: {!r}", False),
    (_and_for_va, "'và' read as 'and': {!r}", False),
    (_after_region_word, "region word 'xứ' before {!r}", False),
    # round 11: "Đặc khu (hành chính)", a special (administrative) region
    (_after_special_region, "'đặc khu' (special region) before {!r}", False),
    # round 15: "chính quyền" / "chế độ" (the government, the regime of) before a
    # state's name; "Royal" / "Imperial" before a name, a kingdom's or an empire's
    # long form ("Royal Yugoslavia" = "Kingdom of Yugoslavia"; convention B holds:
    # "Royal Italy" is no match)
    (_after_regime_word, "'chính quyền'/'chế độ' (the regime of) before {!r}", False),
    (_royal_form, "read as the long form {!r}", False),
    # round 17: a leading "the" before a name read by a later pass ("the Qing
    # Empire")
    (_without_article, "read without its article: {!r}", False),
    # round 18: a press descriptor before a state's name ("nước chủ nhà Qatar",
    # the host country; "quốc đảo Tuvalu", the island state)
    (_after_descriptor, "a press descriptor before {!r}", False),
    # round 22: a count of members before a known name ("the 193-member General
    # Assembly") is just the name
    (_without_member_count, "a count of members before {!r}", False),
    # round 30: the state or people that leads or founded a body before its name ("the
    # Soviet-led Warsaw Pact", "the Kazakh-initiated CICA"); its answer must be an
    # organisation (the leader is not checked)
    (_without_led, "{!r} with the state that leads or founded it before it", False),
    # round 30: a period of a state before its name ("interwar Czechoslovakia", "rump
    # Yugoslavia in 1996"), read as the state with those years (convention D); its answer
    # must be a state
    (_period_word_state, "a period word read as the years: {!r}", False),
    # round 31: a state's office that stands for the state (convention H: its foreign
    # ministry; its head's seat named by the office: "Phủ Thủ tướng Nhật Bản"), read as the
    # state's government; its answer must be a state
    (_state_office, "a state's office read as its government: {!r}", False),
    # round 47: a state's foreign ministry with its minister ("Egypt's foreign ministry under
    # Badr Abdelatty", "Bộ Ngoại giao Pháp thời ông Fabius"), read as the ministry; answers
    # only a state of today that no record of the registry precedes or follows (no table
    # gives a minister's years: "Moscow's foreign ministry under Gromyko" is the Soviet
    # Union's)
    (_ministry_under_minister, "a foreign ministry read as {!r} without its minister",
     False),
    # round 43: a state's delegation or side at a conference or a body in a year ("the
    # Korean delegation at the UN in 1991", "phái đoàn Yemen tại Liên Hợp Quốc năm 1980"),
    # read as the state's government in that year; its answer must be states (two states of
    # the name in that year: ambiguous, as the writers of six lists give it)
    (_delegation_state, "a state's delegation read as {!r}", False),
    # round 45: a state's embassy, army, troops, seat or member with one year ("the Yemeni
    # embassy in Moscow in 1985", "quân đội Công-gô năm 1997"), read as the state's government
    # in that year only when two states or more of the name held it: reported ambiguous, as
    # the writers of two lists give it; never a match (an embassy of one state is no match)
    (_state_organ_in_year, "a state's organ read as {!r}", False),
    # round 48: a state's post abroad (embassy, consulate, permanent mission, legation,
    # delegation), its defence ministry or its negotiating team, which stand for the state
    # under convention H as extended in session 25 ("the Peruvian embassy in Hanoi", "Đại sứ
    # quán Pê-ru tại Hà Nội", "Bộ Quốc phòng Nhật Bản"): where it stands is not read, its one
    # year is; its answer must be states (one, or several of the name in that year)
    (_state_post, "a state's post or team read as {!r}", False),
    # round 52: a state after a bloc it belongs to and its role there ("fellow Mercosur
    # member Paraguay", "tân thành viên NATO Thụy Điển"): the state, when the words before
    # it are the bloc's name, read as one organisation, and the role's words (forms.yaml
    # bloc_roles); its answer must be one state (:meth:`Rewrites._bloc_member`)
    (_state_after_bloc, "{!r} after a bloc it belongs to or a role", False),
    # round 51: a spokesperson of a government, a ministry, a head's office or a body (the
    # lead's decision of session 26, conventions H and F: the state or body it speaks for),
    # the name without the spokesperson's words; its answer must be one state or organisation
    # (round 53: and a body's board or staff, forms.yaml body_agents: the body, F)
    (_without_speaker, "a spokesperson, board or staff of {!r}", False),
    # round 31: a seat of government with its kind of building or its city ("the Ak Orda
    # presidential palace", "New Delhi's South Block"): the seat's own name, read as a row
    # of the seats (press_en.yaml, common_vi.yaml) naming a state; a city must be a capital
    # of that state
    (_seat_building, "the seat {!r} with its building or its city", False),
    # round 31: a capital's government with a qualifier of the moment ("Warsaw's ruling
    # coalition"), and a state's government with its seat after it ("the Lithuanian
    # government in Vilnius": the seat must be a capital of the state read); answers a state
    (_qualified_capital, "{!r} with a qualifier of the moment", False),
    (_government_at_seat, "{!r} with its seat after it", False),
    # round 33: a Vietnamese government with its form of the moment ("chính phủ chuyển tiếp
    # Burkina Faso", "hội đồng quân sự Chad"), read as the state's government; answers a
    # state
    (_vi_qualified_government, "{!r} with the government's form of the moment", False),
    # round 31: convention F's organ with a possessive or its seat ("Mercosur's secretariat
    # in Montevideo"): the organisation under F, the seat not contradicted by SupraVerden's
    (_f_organ_at_seat, "{!r} with its seat or a possessive", False),
    # round 31: a government by the movement that ruled the state ("the Khmer Rouge
    # government in 1977", "Ba'athist Iraq": movements of predecessors.yaml), read as the
    # state with the movement's years; answers a state
    (_movement_state, "a movement's government read as {!r} (predecessors.yaml movements)",
     False),
    # round 45: a body with the person who heads or headed it, the person a head of a body
    # in body_heads.yaml ("OPEC under Haitham al-Ghais", "Hội đồng châu Âu thời ông Donald
    # Tusk"): the body the person headed, when the words before the person read as that body
    # among their candidates or are only words of its names (before round 26's and 27's
    # Vietnamese tails, which read "thời ..." as what is said of the body and stop there)
    (_without_named_head, "{!r} with the person who heads it (body_heads.yaml)", False),
    # round 26: a Vietnamese tail naming where a body with an acronym sits ("trung tâm ICDT
    # ở Casablanca", "Viện IRRI ở Philippines"); its answer must be an organisation
    (_without_vi_seat, "{!r} with where it sits after it", False),
    # round 27: a Vietnamese body with an acronym and its count of members, the state that
    # leads it or its currency ("khối ASEAN mười nước", "ngân hàng AIIB do Trung Quốc dẫn
    # dắt"); its answer must be an organisation
    (_without_vi_body_clause, "{!r} with what is said of it", False),
    # round 34: a body with the person who leads or led it ("the ECB under Draghi", "Rutte's
    # NATO"); its answer must be one organisation, matched, and the person no entity
    (_without_body_leader, "{!r} with the person who leads it", False),
    # round 38: a year with the event that dates it after it ("Chile năm 1973 khi đảo
    # chính", "the African Union in 2002 when it replaced the OAU"), a body at its founding
    # ("the OAU at its founding in Addis Ababa in 1963"): the name with its year
    (_without_event_clause, "{!r} with the event that dates it", False),
    # round 38: a body under the state that chairs it ("AOSIS under Samoa's chair",
    # "Mercosur thời Brazil giữ ghế chủ tịch luân phiên năm 2025"); its answer must be one
    # organisation, matched, and the chair a state
    (_without_chair, "{!r} under the state that chairs it", False),
    # round 38: a cabinet by its leader's name before its capital ("the Tusk government in
    # Warsaw"), read as the capital under the leader; its answer must be one state read by a
    # ruler's reading
    (_leader_cabinet_at, "read as {!r}", False),
    # round 39: a Vietnamese body's name with the place it sits in after it ("Tổ chức Lao
    # động Quốc tế ở Genève"); its answer must be one organisation, matched by no fuzzy
    # step, whose SupraVerden headquarters the place does not contradict
    (_without_vi_place, "{!r} with the place it sits in after it", False),
    # round 39: an organisation with the event it is named in, no year before the clause
    # ("PAHO during the Zika outbreak", "the ECHR in its Hirst ruling"); its answer must be
    # one organisation, matched by no fuzzy step (a state's name with an event is left to
    # the period readings: "the Kremlin during the Cuban missile crisis" is the Soviet Union)
    (_without_event_tail, "{!r} with the event it is named in", False),
    # round 44: a capital (or its government) with the event it is named in, no year before
    # the clause ("Lisbon after the Carnation Revolution", "Reykjavík during the Cod Wars"):
    # the capital's government; the city must be a COW capital and the answer states only
    (_capital_event_tail, "{!r} with the event it is named in", False),
)


def _one_organisation(r: MatchResult) -> bool:
    """Whether ``r`` answers one organisation, matched, by no fuzzy step: what the readings
    that strip words around a body's name ask of the name left (rounds 34, 38, 39)."""
    b = r.best
    return (b is not None and not r.ambiguous and b.match and b.method != "fuzzy"
            and b.entity.kind in KIND_GROUPS["organisation"])


#: round 54: a Vietnamese word written with its capital
_VI_CAPITAL = re.compile(_VI_UPPER)


#: round 45: the words of a body's description that say nothing of it (articles, the
#: possessive's s), folded
_HEAD_FILLER = frozenset({"the", "s", "its", "of"})
#: round 45: words that name any body, in a description before its head's name
_ANY_BODY_WORDS = frozenset({"body", "organisation", "organization", "institution", "bloc",
                             "grouping", "group"})
#: round 45: press words for a kind of body and the words of its names that say that kind
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "lender": ("bank", "fund"),
    "alliance": ("treaty", "alliance", "pact"),
}


#: round 49: the limit under which every candidate of an ambiguous name is kept (a name the
#: registry holds more bodies of is not parted by a seat)
_ALL_CANDIDATES = 64


#: round 42: a region named by its compass word ("Đông Dương", Indochina; "Bắc Phi") is no
#: seat of a state's government (:meth:`Rewrites._seat_of_state`), folded
_COMPASS_PLACE_WORDS = frozenset({"dong", "tay", "nam", "bac", "mien", "vung", "chau"})
#: round 42: a Vietnamese office's word before the state's name (its ministry, its head's
#: seat), whose building stands in the state itself
_VI_OFFICE_WORD = re.compile(
    r"(?i:bộ\s+ngoại|bo\s+ngoai|phủ|phu|văn\s+phòng|van\s+phong|dinh)\s")


class Rewrites:
    """The reading of a name written another way."""

    def _rewritten(
        self, query: str, text: str, kind: str | Collection[str] | None, lang: str | None,
        limit: int,
    ) -> MatchResult | None:
        """The name written another way (:data:`REWRITES`, in order) and matched again from
        the start; the first other writing that is read (a match, or ambiguous) gives the
        answer."""
        for rewrite, why, fuzzy_counts in REWRITES:
            other = rewrite(text)
            if other is None or other == text:
                continue
            if rewrite is _joined_head:
                joined = self._joined_name(query, text, kind, lang, limit)
                if joined is None:
                    continue
                if joined.best is None and not joined.ambiguous:
                    return joined  # (two names of two records: no match, never a guess)
                return _reread(query, joined, why.format(other))
            if rewrite is _state_after_bloc:
                member = self._bloc_member(text, lang, limit)
                if member is None:
                    continue
                other, r = member
            else:
                r = self.match(other, kind=kind, lang=lang, limit=limit)
            if rewrite in (_court_as_government, _court_seat):
                if not r.candidates or not all(
                        c.entity.kind == "historical-state" for c in r.candidates):
                    continue
                seat = _court_seat(text) if rewrite is _court_as_government else None
                if seat is not None:
                    # (a seat after the court that reads as other states: no answer)
                    at = self.match(seat, kind=kind, lang=lang, limit=limit)
                    if at.candidates and at.best is not None and at.best.match and not {
                            self.stands_for(c.entity.iri) for c in at.candidates} & {
                            self.stands_for(c.entity.iri) for c in r.candidates}:
                        continue
            if rewrite is _without_event_clause and r.ambiguous:
                r = self._replacing_body(text, r)
            if rewrite is _without_event_clause:
                treaty = self._treaty_dated(text, other, r, kind, lang, limit)
                if treaty is None:
                    continue
                r = treaty
            if rewrite is _without_vi_place and not self._vi_place_fits(text, r):
                continue
            if rewrite is _without_event_tail and not _one_organisation(r):
                continue
            if rewrite is _capital_event_tail and not self._capital_event_fits(text, other, r):
                continue
            if rewrite is _without_vi_seat and not self._vi_seat_fits(text, other, r):
                continue
            if rewrite is _without_vi_seat and r.ambiguous:
                r = self._vi_seat_narrowed(text, r, self.match(other, kind=kind, lang=lang,
                                                               limit=_ALL_CANDIDATES))
            if rewrite in (_without_vi_seat, _without_vi_body_clause, _without_led) and not all(
                    c.entity.kind in KIND_GROUPS["organisation"] for c in r.candidates[:1]):
                continue
            if rewrite is _without_body_leader and not self._body_leader_fits(text, r):
                continue
            if rewrite is _without_named_head:
                headed = self._body_by_head(text, other, r, kind)
                if headed is None:
                    continue
                r = headed
            if rewrite is _leader_cabinet_at and (
                    r.ambiguous or r.best is None or r.best.method != "ruler"
                    or r.best.entity.kind not in STATE_KINDS
                    # (a people's or a country's adjective is no leader: "the Greek Cypriot
                    # government in Nicosia")
                    or any(self._adjectives.get((folded_form(w),))
                           for w in other.split(" under ", 1)[1].split())):
                continue
            if rewrite is _without_chair and not self._chair_fits(text, r):
                continue
            if rewrite is _period_word_state and not self._period_state_fits(text, r):
                continue
            if rewrite is _seat_building and not self._seat_building_fits(text, r):
                continue
            if rewrite is _f_organ_at_seat and not self._f_seat_fits(text, r):
                continue
            if rewrite is _movement_state and (self._with_years or not self._city_holds(
                    _movement_city(text), r)):
                # (inside a reading of a name with its years, the movement's own years are
                # not read: "the Khmer Rouge government in 1985" is no government of theirs)
                continue
            if rewrite is _government_at_seat and not self._seat_of_state(
                    _government_seat_city(text), r,
                    office=_VI_OFFICE_WORD.match(other) is not None):
                continue
            if rewrite is _ministry_under_minister and not (
                    r.best is not None and not r.ambiguous and r.best.match
                    and r.best.entity.kind == "state"
                    and not self._succession(r.best.entity, [])):
                continue
            if rewrite is _state_organ_in_year and not (
                    r.ambiguous and r.best is None and len(r.candidates) >= 2
                    and all(c.entity.kind in STATE_KINDS for c in r.candidates)):
                continue
            if rewrite is _state_post and (not (
                    (r.ambiguous and r.candidates
                     and all(c.entity.kind in STATE_KINDS for c in r.candidates))
                    or (not r.ambiguous and r.best is not None and r.best.match
                        and r.best.entity.kind in STATE_KINDS)) or self._names_a_body(
                        _state_post_subject(text), lang, limit)):
                continue
            if rewrite is _without_speaker and (
                    r.ambiguous or r.best is None or not r.best.match
                    or r.best.entity.kind not in (
                        # (round 53: a board's or a staff's rest is a body, no state)
                        KIND_GROUPS["organisation"] if _body_agent(text)
                        else STATE_KINDS | KIND_GROUPS["organisation"])):
                continue
            if rewrite is _delegation_state and not (r.candidates and all(
                    c.entity.kind in STATE_KINDS for c in r.candidates)):
                continue
            if rewrite in (_after_descriptor, _after_regime_word, _state_office,
                           _qualified_capital, _government_at_seat, _movement_state,
                           _vi_qualified_government) and not all(
                    c.entity.kind in STATE_KINDS for c in r.candidates[:1]):
                # a state's descriptor names a state; so does a regime word (round 23:
                # "chính quyền Ulan Bator" is no place record, read by the capital frame)
                continue
            if r.ambiguous or (r.best is not None
                               and (fuzzy_counts or r.best.method != "fuzzy")):
                return _reread(query, r, why.format(other))
        return None

    def _joined_name(self, query: str, text: str, kind: str | Collection[str] | None,
                     lang: str | None, limit: int) -> MatchResult | None:
        """Round 53: two names of one entity joined (:func:`_joined_parts`), each read alone:
        the one record both read to (the records of one body count as one, ``same-body.csv``),
        or that one reads to where the other reads to nothing or has it among its candidates;
        the first name (the name's head) where a forerunner or an heir is joined and both
        read to two bodies, or to two states the registry's succession links (the lead's
        decision of session 27: "SICA, heir to the Organization of Central American States"
        is SICA); where the joining words say the two names are one entity's and they read
        to two records, no match (no guess); None where nothing holds (the other readings go
        on). A side read by a fuzzy step counts only where the other side reads to the same
        record."""
        parts = _joined_parts(text)
        if parts is None:
            return None
        how, a, b = parts
        ra = self.match(a, kind=kind, lang=lang, limit=limit)
        rb = self.match(b, kind=kind, lang=lang, limit=limit)

        def one(r: MatchResult) -> Entity | None:
            c = r.best
            return c.entity if c is not None and c.match and not r.ambiguous else None

        def same(x: Entity, y: Entity) -> bool:
            return self.stands_for(x.iri) == self.stands_for(y.iri)

        def fuzzy(r: MatchResult) -> bool:
            return r.best is not None and r.best.method == "fuzzy"

        ea, eb = one(ra), one(rb)
        if ea is not None and eb is not None:
            if same(ea, eb):
                return rb if fuzzy(ra) else ra
            if how == "heir" and not fuzzy(ra) and not fuzzy(rb) and (
                    # (two states: the registry's succession must link them; two bodies:
                    # the registry holds no succession of bodies, the writer's word stands)
                    any(same(x, eb) for x in self._succession(ea, []))
                    if ea.kind in STATE_KINDS and eb.kind in STATE_KINDS
                    else ea.kind not in STATE_KINDS and eb.kind not in STATE_KINDS):
                return ra
            return MatchResult(
                query, [], False,
                f"no match: {a!r} ({describe(ea)}) and {b!r} ({describe(eb)}), joined as "
                + ("one entity's names" if how == "same" else "a forerunner and its heir")
                + ", name two records" + ("" if how == "same" else " the registry does not link"))
        for e, r, other in ((ea, ra, rb), (eb, rb, ra)):
            if e is None or fuzzy(r):
                continue
            if not other.candidates or any(same(c.entity, e) for c in other.candidates):
                return r
        return None

    def _bloc_member(self, text: str, lang: str | None,
                     limit: int) -> tuple[str, MatchResult] | None:
        """Round 52: the state after a bloc and its role (:func:`_bloc_member_splits`): the
        first split whose state's words read as one state, matched by no fuzzy step, with the
        state's answer; None when no split holds. Round 54: any role of ``bloc_roles``, and
        the words before it are not read (a bloc's, a region's, adjectives: "Gulf mediator
        Oman"); the name may be a body's ("co-guarantor IGAD"), or states of one name, then
        reported ambiguous ("troop contributor Congo")."""
        whole = (_BLOC_MEMBER_EN is not None and bool(_BLOC_MEMBER_EN.fullmatch(text.strip()))
                 ) or _first_fullmatch(_ROLE_AFTER, text.strip()) is not None
        kind = _role_kind(text)
        for words, name in _bloc_member_splits(text):
            r = self._role_holder(name, words, lang, limit)
            b = r.best
            # (a name's own capitalised words are not skipped for a body or a name of two
            # states: "Quỹ OPEC", the OPEC Fund, is no "OPEC"; "Đối tác Rừng lưu vực Congo" is
            # no Congo; a state's name may follow a body's, "HĐBA Xô-ma-li")
            own = whole or not any(_VI_CAPITAL.match(w) for w in words.split())
            if r.ambiguous:
                if own and kind != "organisation" and r.candidates and all(
                        c.entity.kind in STATE_KINDS and c.method != "fuzzy"
                        for c in r.candidates):
                    return name, r
                continue
            if b is None or not b.match or b.method == "fuzzy" or b.method.startswith("capital"):
                # (a capital after a role is the city: "Olympic host Paris")
                continue
            if b.entity.kind in STATE_KINDS and kind != "organisation":
                return name, r
            if b.entity.kind in KIND_GROUPS["organisation"] and own and kind != "state":
                return name, r
        return None

    def _role_holder(self, name: str, words: str, lang: str | None,
                     limit: int) -> MatchResult:
        """Round 54: the name after or before a role read alone; a demonym or a name its
        qualifier's one year dates as the government of that year ("the Turkish mediators at
        the Istanbul talks in 2022": "the Turkish government in 2022"), where that reads as
        states."""
        r = self.match(name, lang=lang, limit=limit)
        if r.best is not None and r.best.match and not r.ambiguous and r.best.method != "fuzzy":
            return r
        year = _role_year(words) if words else None
        vi = lang == "vi" or not name.isascii()
        if year is not None:
            dated = f"chính phủ {name} năm {year}" if vi else f"the {name} government in {year}"
            d = self.match(dated, lang=lang, limit=limit)
            if d.candidates and all(c.entity.kind in STATE_KINDS for c in d.candidates):
                return d
        if r.best is None and not r.ambiguous and not vi and not name.isupper():
            government = self.match(f"the {name} government", lang=lang, limit=limit)
            if government.candidates and all(
                    c.entity.kind in STATE_KINDS for c in government.candidates):
                return government
        return r

    def _names_a_body(self, words: str | None, lang: str | None, limit: int) -> bool:
        """Round 48: whether ``words`` alone are read as an organisation, or ambiguously with
        one among the candidates (a post's subject: "AU" is the African Union's as much as
        Australia's code, so "the AU mission in Somalia" is no state's post)."""
        if not words:
            return True
        w = self.match(words, lang=lang, limit=limit)
        if w.ambiguous:
            return any(c.entity.kind in KIND_GROUPS["organisation"] for c in w.candidates)
        return (w.best is not None and w.best.match
                and w.best.entity.kind in KIND_GROUPS["organisation"])

    def _capital_event_fits(self, text: str, other: str, r: MatchResult) -> bool:
        """Round 44: :func:`_capital_event_tail`'s reading holds when the city is a COW
        capital and the answer names states only; with no year in the clause, only a city the
        COW codes give to one record of the registry over all their periods (an event is no
        present: "Berlin after the war" names no one state, "Lisbon after the Carnation
        Revolution" does)."""
        _city, codes = self._capital_codes(_capital_event_city(text) or "")
        if not codes or not r.candidates or not all(
                c.entity.kind in STATE_KINDS for c in r.candidates):
            return False
        if " in " in other:
            return True
        held = {iri for code in codes for _a, _b, iri in self.reference.codes.spans.get(
            ("cow", code), ())}
        return len(held) == 1

    def _replacing_body(self, text: str, r: MatchResult) -> MatchResult:
        """Round 43: an ambiguous name dated by a clause saying it replaced a body ("the AU in
        2002 when it replaced the OAU in Durban": Australia's code and the African Union's
        acronym): its one candidate that is an organisation, when the body replaced reads as
        one organisation (a state replaces no body); ``r`` as it is otherwise."""
        body = _replaced_body(text)
        if body is None:
            return r
        orgs = [c for c in r.candidates if c.entity.kind in KIND_GROUPS["organisation"]]
        if len(orgs) != 1 or len(orgs) == len(r.candidates):
            return r
        old = self.match(body, kind=KIND_GROUPS["organisation"])
        if not _one_organisation(old) or old.best is None or old.best.entity is orgs[0].entity:
            return r
        e = orgs[0].entity
        return _single(r.query, e, min(orgs[0].score, 85.0), "replaced-body",
                       self._note(e),
                       f"{r.query!r} is ambiguous; the clause says it replaced "
                       f"{describe(old.best.entity)}, and of its candidates only "
                       f"{describe(e)} is an organisation")

    def _founded_in(self, r: MatchResult, year: int) -> bool | None:
        """Round 39: whether ``r`` answers one organisation founded in ``year`` or the next
        (a treaty signed one year, in force the next); None when it answers no organisation."""
        b = r.best
        if b is None or r.ambiguous or not b.match or b.entity.kind not in KIND_GROUPS[
                "organisation"]:
            return None
        start = year_span(b.entity.founded) if b.entity.founded else None
        return start is not None and start[0] in (year, year + 1)

    def _treaty_dated(self, text: str, other: str, r: MatchResult,
                      kind: str | Collection[str] | None, lang: str | None,
                      limit: int) -> MatchResult | None:
        """Round 39: a name dated by an event clause that names a treaty ("Cộng đồng Kinh tế
        Tây Phi năm 1975 khi ký Hiệp ước Lagos"): an organisation so read must have been
        founded in that year or the next, or the reading steps back (None); a body whose
        reading with the year is no match, founded the year after the treaty, is read without
        it ("Cộng đồng Kinh tế châu Âu năm 1957 theo Hiệp ước Rome": founded 1958). A state so
        dated is read as before."""
        year = _event_treaty_year(text)
        if year is None:
            return r
        if r.best is None and r.ambiguous and r.candidates and all(
                c.entity.kind in STATE_KINDS for c in r.candidates):
            # round 44: states of one name in the treaty's year ("chính phủ Việt Nam năm 1973
            # khi ký Hiệp định Pa-ri": both Vietnams signed): a state so dated is read as
            # before, ambiguous
            return r
        if r.best is None and r.ambiguous:
            # round 42: an ambiguous body dated by its founding treaty ("Cộng đồng Kinh tế Tây
            # Phi năm 1975 khi ký Hiệp ước Lagos": ECOWAS, founded 1975, not the CEAO of
            # 1973): the one candidate founded in that year or the next; none: the reading
            # steps back, as round 39's does for one body
            founded = [c for c in r.candidates
                       if c.entity.kind in KIND_GROUPS["organisation"] and c.entity.founded
                       and (y := year_span(c.entity.founded)) is not None
                       and y[0] in (year, year + 1)]
            if len(founded) == 1:
                e = founded[0].entity
                return _single(other, e, min(founded[0].score, 85.0), "organisation-in-years",
                               self._note(e), f"{other!r} is ambiguous; of its bodies only "
                               f"{describe(e)} was founded in {year} or the next year, as "
                               "the treaty named after it says")
            if not founded:
                return None  # (no body of the name founded by that treaty: step back)
        fits = self._founded_in(r, year)
        if fits is not None:
            return r if fits else None
        if r.best is not None or r.ambiguous:
            return r
        name = re.sub(r"\s+(?:năm|in)\s+\d{3,4}$", "", other)
        bare = self.match(name, kind=kind, lang=lang, limit=limit)
        if self._founded_in(bare, year) and bare.best is not None and (
                bare.best.method != "fuzzy"):
            return bare
        return r

    def _vi_place_fits(self, text: str, r: MatchResult) -> bool:
        """Round 39: a Vietnamese body read without the place after it answers one
        organisation, matched by no fuzzy step, and the place does not contradict its
        SupraVerden headquarters (round 24's rule: a city the reference tables hold as a seat
        is not checked; a state's name must be their country)."""
        b = r.best
        found = _vi_body_place(text)
        if found is None or b is None or not _one_organisation(r):
            return False
        place = found[1]
        # (a description of the body, "cơ quan tị nạn có trụ sở tại Valletta", and a seat said
        # in words, "có trụ sở tại", have the headquarters checked whatever the place, round
        # 30's strict reading: the UNHCR's are in Geneva; a proper name with "ở" or "tại"
        # alone follows round 24's rule)
        strict = bool(self._state_seat(place) or not found[0][:1].isupper()
                      or _VI_SEAT_SAID.search(text))
        return bool(self._seat_may_be(b.entity, place, strict=strict))

    def _body_leader_fits(self, text: str, r: MatchResult) -> bool:
        """Round 34: a body read without the person named as its head answers one
        organisation, matched by no fuzzy step, and the person's name reads as no entity
        ("the OAU under Ghana" is no person's body) and is no capital."""
        found = _body_under_leader(text)
        if found is None or not _one_organisation(r):
            return False
        who = self.match(found[1])
        body = re.sub(r"^the\s+", "", found[0])
        return not who.ambiguous and (who.best is None or not who.best.match) and not (
            self._capital_codes(found[1])[1] or self._capital_codes(body)[1])

    def _body_by_head(self, text: str, words: str, r: MatchResult,
                      kind: str | Collection[str] | None) -> MatchResult | None:
        """Round 45: a body named with the person who heads or headed it ("OPEC under Haitham
        al-Ghais", "Hội đồng châu Âu thời ông Donald Tusk", "the alliance under Lord Ismay"):
        the bodies ``body_heads.yaml`` says the person headed (every word of the person's name
        in one of the holder's names, the surname's among them), and of them the one that
        ``words`` (the name without the person) read as (``r``: its answer or, when it is
        ambiguous or no match, its candidates); when none of ``r``'s candidates is such a body
        and ``r`` is no confident match, the one body every content word of ``words`` is a word of
        (:meth:`_head_words_fit`). Inside a reading of the name with its years, only a term
        that meets those years counts ("the Commission under Delors in 2010" is no body). None
        otherwise: a name read as another entity ("Luxembourg under Jean-Claude Juncker", a
        state) is left to the readings of states."""
        found = _body_and_head(text)
        if found is None:
            return None
        person = found[1]
        said = name_words(person)
        # (inside a reading of the name with its years, a state's or a body's: its span)
        years = self._years_now or self._body_years
        bodies: list[tuple[Entity, int, int | None]] = []
        for body, names, surname, start, end in self._body_heads:
            if years is not None and not (start <= years[1] and years[0] <= (end or 9999)):
                continue  # (the person did not head the body in the name's years)
            if surname <= said and any(said <= n for n in names) and all(
                    b is not body for b, _, _ in bodies):
                bodies.append((body, start, end))
        if not bodies:
            return None
        if isinstance(kind, str):
            kinds: Collection[str] | None = KIND_GROUPS.get(kind, frozenset({kind}))
        else:
            kinds = kind
        bodies = [x for x in bodies if kinds is None or x[0].kind in kinds]

        def same(a: Entity, b: Entity) -> bool:
            return a is b or self.stands_for(a.iri) == self.stands_for(b.iri)

        confident = r.best is not None and not r.ambiguous and r.best.match
        among = [x for x in bodies if any(same(c.entity, x[0]) for c in r.candidates)]
        if confident and r.best is not None and not any(same(r.best.entity, x[0]) for x in among):
            return None
        if not among and not confident:
            # (no match, or an ambiguity of other bodies the limit cut the person's from:
            # "the development bank", several banks)
            among = [x for x in bodies if self._head_words_fit(words, x[0])]
        if len(among) != 1:
            return None
        body, start, end = among[0]
        term = f"{start}–{end}" if end is not None else f"since {start}"
        headed = f"{person} headed {describe(body)} ({term}; body_heads.yaml)"
        if confident and r.best is not None and r.best.method != "fuzzy":
            # (the words read as the body by themselves, as round 34 reads them: that
            # reading's method, the person's term added to its evidence; a misspelt name's
            # fuzzy reading is confirmed by the person instead, "the Europen Commission under
            # Jacques Delors", and answered as below)
            b = r.best
            return MatchResult(r.query, [replace(b, evidence=f"{b.evidence}; {headed}")],
                               False, r.note)
        score = min([c.score for c in r.candidates if same(c.entity, body)] or [90.0])
        return _single(r.query, body, min(score, 90.0), "body-head", self._note(body), headed)

    def _head_words_fit(self, words: str, body: Entity) -> bool:
        """Round 45: whether every content word of ``words`` (a body's description before
        its head's name: "the alliance", "the Luxembourg court") is a word of one of the
        body's names, or a word that names any body ("body", "organisation", "bloc"), or a
        press word for a kind of body one of its names holds ("lender": a bank; "alliance": a
        treaty organisation or an alliance). At least one word must be said."""
        said = [w for w in (folded_form(x) for x in re.findall(r"[^\W_]+", words))
                if w and w not in _HEAD_FILLER]
        if not said:
            return False
        held = {w for n, _ in body.names()
                for w in (folded_form(x) for x in re.findall(r"[^\W_]+", n)) if w}
        return all(w in held or w in _ANY_BODY_WORDS
                   or any(k in held for k in _KIND_WORDS.get(w, ())) for w in said)

    def _chair_fits(self, text: str, r: MatchResult) -> bool:
        """Round 38: a body read without the state that chairs it answers one organisation,
        matched by no fuzzy step, and the chair reads as one state (by its name or its
        adjective: "the Danish presidency")."""
        found = _body_under_chair(text)
        if found is None or not _one_organisation(r):
            return False
        chair = found[1]
        if self._adjectives.get(tuple(folded_form(w) for w in chair.split())):
            return True
        who = self.match(chair, kind=STATE_KINDS)
        return (not who.ambiguous and who.best is not None and who.best.match
                and who.best.method != "fuzzy")

    def _period_state_fits(self, text: str, r: MatchResult) -> bool:
        """Round 30: a period word's reading answers a state (one, or ambiguous states);
        a regime's period ("communist") not a state whose COW membership had a gap (two
        spells or more of its COW code: the Baltic states, whose Soviet years are a Soviet
        republic's, convention E)."""
        if not r.candidates or not all(c.entity.kind in STATE_KINDS for c in r.candidates[:1]):
            return False
        m = _PERIOD_WORD.fullmatch(text.strip())
        if m is None or m.group("word").lower() not in PERIOD_REGIME_WORDS:
            return True
        codes = {c.entity.cow_code for c in r.candidates if c.entity.cow_code is not None}
        return all(sum(1 for s in self.reference.codes.spells if s[0] == "cow" and s[2] == code)
                   == 1 for code in codes)

    def _seat_building_fits(self, text: str, r: MatchResult) -> bool:
        """Round 31: a seat read without its building or city answers one state by a row of
        the seats' tables (methods ``press-description``, ``common-name``), and the city named
        with it, if any, is read as a capital's government of that state ("the Palacio
        Nacional in Mexico City"; "the Palacio Nacional in Lima" is not read)."""
        b = r.best
        # (round 51: or a state's office read as its government, "the Albanian prime
        # minister's office in Tirana", "the Bankova presidential office in Kyiv": the city is
        # checked as for a seat)
        if (b is None or r.ambiguous or not b.match or b.entity.kind not in STATE_KINDS
                or b.method not in ("press-description", "common-name", "government-form")):
            return False
        return self._city_holds(_seat_building_city(text), r)

    def _vi_seat_narrowed(self, text: str, r: MatchResult, every: MatchResult) -> MatchResult:
        """Round 49: a Vietnamese name with an acronym, ambiguous between bodies, and the place
        it sits in after it ("ủy ban kinh tế khu vực của LHQ ở Xan-ti-a-gô"): the one body
        whose SupraVerden headquarters are in that place (:meth:`_seated_in`, the place read
        as a capital by CLDR, capital_names.yaml or its sounds, :meth:`_capital_codes`), as
        round 28 parts an English name's bodies by their seat; ``r`` as it is otherwise.
        ``every`` is the name before the place matched with all its candidates (``r`` keeps
        only as many as the caller asked for), so that the answer does not hang on the
        limit."""
        m = _VI_SEAT_TAIL.fullmatch(text.strip())
        if m is None or not every.ambiguous:
            return r
        place = m.group("place")
        seated = [c.entity for c in every.candidates
                  if c.entity.kind in KIND_GROUPS["organisation"]
                  and self._seated_in(c.entity, place)]
        if len(seated) != 1:
            return r
        e = seated[0]
        return _single(r.query, e, 85.0, "seat-narrowed", self._note(e),
                       f"{len(every.candidates)} bodies read; of them only {describe(e)} sits in "
                       f"{place!r} (SupraVerden's headquarters)")

    def _f_seat_fits(self, text: str, r: MatchResult) -> bool:
        """Round 31: convention F's reading of an organ answers one organisation (method
        ``organisation-seat``), and the seat named, if any, may be its seat
        (SupraVerden gives it no headquarters, or gives them there: :meth:`_seat_may_be`,
        strict; precision first, where SupraVerden's seat differs from the press's the name
        is left unread)."""
        b = r.best
        if b is None or r.ambiguous or not b.match or b.method != "organisation-seat":
            return False
        city = _f_organ_city(text)
        if city is None:
            return True
        if not any(x.headquarters for x in supraverden_of(b.entity, self.reference.supraverden)):
            return True
        return self._seat_may_be(b.entity, city, strict=True)

    def _seat_of_state(self, city: str | None, r: MatchResult, *, office: bool) -> bool:
        """Round 42: the place after a state's government or office ("chính phủ Hà Lan ở
        The Hague", "Phủ Tổng thống Ai Cập ở Cairo", "Bộ Ngoại giao Nhật Bản ở Kasumigaseki")
        may be its seat: a capital's government naming the state (:meth:`_city_holds`); else,
        for a place no table of capitals holds (COW's, CLDR's, capital_names.yaml), a
        Vietnamese transliteration that sounds as one of the state's COW capitals ("Stốc-khôm",
        Stockholm), or a place written otherwise that names no state, no capital of another
        state, no body, no region by its compass word and no occupation regime of
        predecessors.yaml, and is read as nothing at all (a district or building of the
        capital, a seat of government that is not COW's capital: "Putrajaya", "Kasumigaseki",
        "Quai d'Orsay"), after a Vietnamese office's name only (a ministry, a head's seat:
        buildings in the state itself; a government "ở" a place, "chính quyền Bồ Đào Nha ở Ma
        Cao", may be a colony's, and keeps round 31's check). A COW capital keeps round
        31's check: "chính phủ Pháp ở Vichy" (COW's capital of France in 1940-1942) stays
        unread, as does a government at another state's capital ("chính phủ Ba Lan ở
        London", in exile)."""
        if self._city_holds(city, r):
            return True
        b = r.best
        if city is None or b is None or r.ambiguous or not b.match or (
                b.entity.kind not in STATE_KINDS):
            return False
        place, codes = self._capital_codes(city, heard=False)
        if codes or folded_form(place) != folded_form(city):
            return False
        if transliterated(city):
            key = phonetic_key(city)
            own = self._cow_capitals.capitals_of.get(b.entity.cow_code or -1, frozenset())
            return any(difflib.SequenceMatcher(None, key, phonetic_key(c)).ratio() >= 0.85
                       for c in own)
        folded = folded_form(city)
        if not office or {folded_form(w) for w in city.split()} & _COMPASS_PLACE_WORDS or any(
                folded in folded_form(regime) for regime, _y, _s in
                self._occupation_spells.values()):
            return False
        seen = self._match(city, None, None)
        return seen is None or not seen.candidates

    def _city_holds(self, city: str | None, r: MatchResult) -> bool:
        """Round 31: no city named, or a city read as a capital's government naming the one
        state ``r`` matched (alone, or among the states it is ambiguous between)."""
        b = r.best
        if b is None or r.ambiguous or not b.match:
            return False
        if city is None:
            return True
        g = self.match(f"the {city} government", kind=STATE_KINDS)
        return any(c.entity is b.entity for c in g.candidates if c.match or g.ambiguous)

    def _vi_seat_fits(self, text: str, name: str, r: MatchResult) -> bool:
        """Round 30: a name with no acronym before a seat said in words (read by
        :func:`_without_vi_seat` since this round) is read so only as one body, matched, whose
        SupraVerden headquarters are in the place named (:meth:`_seat_may_be`, strict): an
        ambiguous name is left to the seat reading that parts the bodies by it, and a body
        whose seat no source gives is not read with a seat."""
        if _holds_acronym(name):
            return True
        b = r.best
        m = _VI_SEAT_TAIL.fullmatch(text.strip())
        if b is None or r.ambiguous or not b.match or m is None:
            return False
        return bool(self._seat_may_be(b.entity, m.group("place"), strict=True))
