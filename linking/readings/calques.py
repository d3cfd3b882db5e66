"""Vietnamese names of organisations read word by word (calques).

Reads ``Quỹ Nhi đồng Liên Hợp Quốc`` (the glossary of ``linking/names/glossary_vi.yaml``),
with one word the glossary lacks (round 14) or up to four (round 15), and ``tổ chức Công ước
Vũ khí Hóa học`` (the organisation of an instrument, round 22).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, MatchResult, describe
from ..glossary import content_words, singular_form
from ..normalise import folded_form
from .answers import _ambiguous, _single
from .text import _VI_SEAT_TAIL, MAX_FORM_WORDS, _folded_words_of, _name_words, _unique


def _unique_found(found: Iterable[tuple[Entity, str, frozenset[str]]]
                  ) -> list[tuple[Entity, str, frozenset[str]]]:
    """Round 17: calque readings, one per entity (the first)."""
    out: list[tuple[Entity, str, frozenset[str]]] = []
    for f in found:
        if all(f[0] is not o[0] for o in out):
            out.append(f)
    return out


#: round 22: the words of an instrument's English name (folded), which name no organisation
#: (``Matcher._organisation_of_instrument``)
_INSTRUMENT_WORDS = frozenset({"convention", "treaty", "agreement", "protocol", "pact",
                               "covenant"})


#: round 42: the words for a body's members that a Vietnamese name often leaves out
#: (:meth:`CalqueReadings._members_rivals`)
_MEMBERS_WORDS = frozenset({"states", "countries", "nations"})


#: round 43: a commission named by its river in Vietnamese ("Ủy ban sông Danube"; "Ủy hội",
#: the Danube Commission's own Vietnamese word, is not read so)
_RIVER_COMMISSION = re.compile(r"(?i:ủy|uỷ|uy)\s+(?i:ban)\s+(?i:sông|song)\s+(?P<river>\S.*)")


class CalqueReadings:
    """Readings of an organisation's name word by word."""

    def _calque(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A Vietnamese name of an organisation read word by word ("Quỹ Nhi đồng Liên Hợp
        Quốc" = "United Nations Children's Fund"): a match when one organisation's English name
        has exactly the words read; several such organisations are reported ambiguous."""
        if kinds is not None and not kinds & KIND_GROUPS["organisation"]:
            return None
        if len(text.split()) > 2 * MAX_FORM_WORDS:
            return None
        found = [(e, t, r) for e, t, r in self._calques.find(text)
                 if isinstance(e, Entity) and (kinds is None or e.kind in kinds)]
        if len(found) > 1:
            # an entity whose data sets give conflicting QIDs (it may merge two bodies) is no
            # rival, as for acronyms ("Tổ chức các nước xuất khẩu dầu mỏ": OPEC, not the OPEC
            # Fund's merged record)
            found = [f for f in found if f[0].confidence != "conflicting"] or found
        what = "the English name"
        if not found:
            # round 17: or an English press description of one body ("Diễn đàn Davos")
            found = _unique_found(
                (e, t, r) for e, t, r in self._press_calques.find(text)
                if isinstance(e, Entity) and (kinds is None or e.kind in kinds))
            what = "the English press description (press_en.yaml)"
            if len(found) != 1:
                found = []
        if not found:
            return self._calque_with_gap(query, text, kinds)
        if len(found) > 1:
            return _ambiguous(query, [e for e, _, _ in found], 80.0)
        e, name, reading = found[0]
        owner = self._owner_after_cua(text, e)
        if owner is not None:
            # round 27: "X của <organisation>" names a body of that organisation; a body whose
            # English name does not hold the organisation's name in a row is none of it
            # ("nghị viện của Liên minh châu Phi" is not the African Parliamentary Union)
            return MatchResult(
                query, [], False,
                f"no match: {text!r} names a body of {describe(owner)}, and {name!r} (its "
                f"words read one by one) does not hold that organisation's name")
        ev = (f"Vietnamese name read word by word (linking/names/glossary_vi.yaml) as "
              f"{' + '.join(sorted(reading))} = {what} {name!r}")
        if (_folded_words_of(text)[:2] == ["to", "chuc"]
                and not {"organization", "organisation"} & set(reading)
                and content_words(name) & _INSTRUMENT_WORDS):
            # (the head word read into no word of the name: "Tổ chức Hiệp ước Bắc Đại Tây
            # Dương" reads it as NATO's "Organization" and stays NATO)
            return self._organisation_of_instrument(query, e, name, kinds, ev)
        rivals = self._members_rivals(e, name)
        if rivals:
            amb = _ambiguous(query, [e, *rivals], 80.0)
            return MatchResult(
                query, amb.candidates, True,
                f"{amb.note} ({ev}; {describe(e)} ended in {e.dissolved[:4]}, and "
                f"{', '.join(describe(x) for x in rivals)}, whose English name adds only "
                "the word for its member states, is read so too: a Vietnamese name often "
                "leaves that word out)")
        river = _RIVER_COMMISSION.fullmatch(text.strip())
        if river is not None and "river" not in content_words(name):
            rivals = self._river_rivals(e, river.group("river"))
            if rivals:
                # round 43: "Ủy ban sông Danube" is "the Danube river commission", a generic
                # description the English lists give ambiguous (the Danube Commission, the
                # ICPDR): the word for river, which the one body's English name lacks, reads
                # as its writer's description; its years part them after this reading
                amb = _ambiguous(query, [e, *rivals], 80.0)
                return MatchResult(
                    query, amb.candidates, True,
                    f"{amb.note} ({ev}; the river's commission in English, "
                    f"'the {river.group('river')} river commission', is read as each of them)")
        return _single(query, e, 88.0, "calque-vi", self._note(e), ev)

    def _river_rivals(self, e: Entity, river: str) -> list[Entity]:
        """Round 43: the other bodies the English description "the <river> river commission"
        reads as (ambiguous, ``e`` among them), or none."""
        r = self.match(f"the {river} river commission", kind=KIND_GROUPS["organisation"])
        if not r.ambiguous or all(c.entity is not e for c in r.candidates):
            return []
        return [c.entity for c in r.candidates if c.entity is not e]

    def _members_rivals(self, e: Entity, name: str) -> list[Entity]:
        """Round 42: the bodies that exist today whose English name has the words of
        ``name`` and only the word for their members besides (:data:`_MEMBERS_WORDS`), when
        ``e``, the body ``name`` names, has ended: "Cộng đồng Kinh tế Tây Phi" reads word by
        word as "West African Economic Community", the CEAO (1973–1994), and is as often the
        press's name of ECOWAS, the "Economic Community of West African States" (the gold of
        four writers' lists: ambiguous bare, ECOWAS with a qualifier of today). The index
        of names is made once, from the registry's English labels."""
        if not e.dissolved:
            return []
        index: dict[frozenset[str], list[Entity]] | None = self.__dict__.get(
            "_members_index_made")
        if index is None:
            index = {}
            for x in self.registry.entities:
                label = x.labels.get("en", "")
                if x.kind not in KIND_GROUPS["organisation"] or not label:
                    continue
                words = content_words(label)
                if words & _MEMBERS_WORDS:
                    index.setdefault(words - _MEMBERS_WORDS, []).append(x)
            self.__dict__["_members_index_made"] = index
        return [x for x in index.get(content_words(name), ())
                if x is not e and not x.dissolved]

    def _owner_after_cua(self, text: str, body: Entity) -> Entity | None:
        """Round 27: the organisation named after the last "của" (of) of ``text`` when
        ``body``'s English name holds that organisation's English words but not in a row (nor
        is the organisation itself); else None."""
        if " của " not in text:
            return None
        after = text.rsplit(" của ", 1)[1].strip()
        r = self._match(after, KIND_GROUPS["organisation"], None)
        if r is not None and r.best is not None and r.best.match and not r.ambiguous:
            owner = r.best.entity
        else:
            # (an organisation's Vietnamese name, itself read word by word: "Liên minh châu
            # Phi", the African Union)
            named = _unique(e for e, _t, _r in self._calques.find(after) if isinstance(e, Entity))
            if len(named) != 1:
                return None
            owner = named[0]
        if owner is body:
            return None
        own = [singular_form(w) for t in owner.labels.get("en", "").replace("-", " ").split()
               for w in content_words(t)]
        apart = False
        for n in [body.labels.get("en", ""), *(t for t, lg in body.aliases if lg in (None, "en"))]:
            seq = [singular_form(w) for t in n.replace("-", " ").split() for w in content_words(t)]
            k = len(own)
            if k and any(seq[i:i + k] == own for i in range(len(seq) - k + 1)):
                return None
            apart = apart or bool(own) and set(own) <= set(seq)
        # (only a body whose name holds the organisation's words apart: the words read one by
        # one were the organisation's; "cơ quan y tế của LHQ" stays the WHO)
        return owner if apart else None

    def _organisation_of_instrument(self, query: str, inst: Entity, name: str,
                                    kinds: frozenset[str] | None, ev: str) -> MatchResult:
        """Round 22: "tổ chức" (an organisation) before the words of an instrument's name
        ("tổ chức Công ước Vũ khí Hóa học": the organisation of the Chemical Weapons
        Convention): the instrument is not the organisation the head word asks for. The one
        organisation whose English name has every content word of the instrument's but the
        instrument word (chemical, weapons), and no instrument word, is read; none or several:
        no match."""
        want = {singular_form(w) for w in content_words(name) - _INSTRUMENT_WORDS}
        org_kinds = KIND_GROUPS["organisation"]
        found = []
        for e in self.registry.entities:
            if (e is inst or e.kind not in org_kinds or e.confidence == "conflicting"
                    or (kinds is not None and e.kind not in kinds)):
                continue
            words = {singular_form(w) for w in content_words(e.labels.get("en", ""))}
            if want and want <= words and not words & _INSTRUMENT_WORDS:
                found.append(self._same.get(e.iri, (e, ""))[0])
        found = _unique(found)
        if len(found) != 1:
            return MatchResult(
                query, [], False,
                f"no match: 'tổ chức' (an organisation) before the name of an instrument, "
                f"{describe(inst)} ({ev}); {len(found)} organisations have its other words")
        o = found[0]
        return _single(query, o, 84.0, "organisation-of-instrument", self._note(o),
                       f"'tổ chức' (an organisation) before the name of an instrument, "
                       f"{describe(inst)} ({ev}): the only organisation whose English name "
                       f"has its words {' + '.join(sorted(want))} and names no instrument, "
                       f"{o.label!r}")

    def _calque_with_gap(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 14: a Vietnamese name of an organisation with one word the glossary lacks (an
        ordinary word: each list has brought new ones), read from all its other words (three
        phrases at least) when exactly one organisation's English name has those words and one
        more that no listed phrase gives; the unread word is named in the evidence. Two such
        organisations are no match (the unread word may be either)."""
        found, bodies = self._gap_readings(self._calques.find_with_gap(text), kinds)
        if not found:
            return self._calque_with_gaps(query, text, kinds)
        if len(bodies) != 1 or not any(f[4] for f in found):
            return None
        e, name, reading, gap, word = next(f for f in found if f[4])
        e = bodies[0]
        ev = (f"Vietnamese name read word by word (linking/names/glossary_vi.yaml) as "
              f"{' + '.join(sorted(reading))}, and {gap!r} (no listed reading) as {word!r}: "
              f"the only English name of these words and one more, {name!r}")
        return _single(query, e, 82.0, "calque-vi-gap", self._note(e), ev)

    def _gap_readings(
        self, readings: Iterable[tuple[object, str, frozenset[str], str, object]],
        kinds: frozenset[str] | None,
    ) -> tuple[list[tuple[object, str, frozenset[str], str, object]], list[Entity]]:
        """The readings of a name with unread words that name an entity of ``kinds`` (none of
        conflicting records), and the bodies they name, a body the registry holds twice once."""
        found = [f for f in readings
                 if isinstance(f[0], Entity) and (kinds is None or f[0].kind in kinds)
                 and f[0].confidence != "conflicting"]
        return found, _unique(self._same.get(f[0].iri, (f[0], ""))[0] for f in found)

    def _calque_with_gaps(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 15: a Vietnamese name of an organisation with up to four words the glossary
        lacks in one or two runs, read from its listed phrases (three at least, more than the
        unread words) when one body alone has every word read and one or two more, and no
        other body has every word read and at most as many more as words were unread
        (:meth:`Calques.find_with_gaps`); score 80, the unread words named in the evidence."""
        found, bodies = self._gap_readings(self._calques.find_with_gaps(text), kinds)
        if len(bodies) != 1 or not any(f[4] for f in found):
            return None
        _, name, reading, gap, _ = next(f for f in found if f[4])
        seat = _VI_SEAT_TAIL.fullmatch(text.strip())
        if seat is not None and folded_form(seat.group("place")) in folded_form(gap):
            # round 31: the place of a seat said after the name ("Hội đồng Bắc Cực tại
            # Tromsø") is no unread word of the name: it is read by the seat's readings
            return None
        e = bodies[0]
        ev = (f"Vietnamese name read word by word (linking/names/glossary_vi.yaml) as "
              f"{' + '.join(sorted(reading))}, with {gap!r} unread: the only English name "
              f"with these words and at most as many more, {name!r}")
        return _single(query, e, 80.0, "calque-vi-gaps", self._note(e), ev)

    @staticmethod
    def _names_hold(o: Entity, words: list[str]) -> bool:
        """Round 23: a name of ``o`` holds one of ``words`` (folded): the label is then a
        word of its own name ("the Rio Group" is the group itself, read as before)."""
        return any(w in ws for ws in _name_words(o) for w in words)
