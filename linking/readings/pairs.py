"""Two states named together (round 22).

Reads ``the two Koreas``, ``hai nước Yemen``: ambiguous with the records of the name that
coexisted, never one of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...graph.registry import Entity
from ..candidates import MatchResult, describe
from ..normalise import folded_form
from ..succession import STATE_KINDS, span_of, succession_links
from .answers import _ambiguous
from .text import _first_fullmatch, _plain_reading, _unique

#: round 22: two states named together by one name ("the two Koreas", "both Sudans", "hai
#: miền Triều Tiên", "hai nước Yemen"; ``Matcher._pair_of_states``)
_PAIR_FRAMES = (
    re.compile(r"(?:the\s+)?(?:two|both)\s+(?P<name>[A-Z][\w'’ -]*?)(?:e?s)", re.IGNORECASE),
    re.compile(r"(?:cả\s+|ca\s+)?hai\s+(?:miền|nước|quốc\s+gia|nhà\s+nước|mien|nuoc|quoc\s+gia"
               r"|nha\s+nuoc)\s+(?P<name>\S.*)", re.IGNORECASE),
)


#: round 26: two states by their adjective ("the two German states"; ``_pair_of_states``)
_PAIR_OF_ADJECTIVE = re.compile(
    r"(?:the\s+)?(?:two|both)\s+(?P<adj>[A-Z][\w-]+)\s+(?:states|nations|countries|"
    r"governments|republics)")


#: round 24: a year after the pair ("hai nước Đức năm 1970", "the two Koreas in 1990")
_YEAR_AFTER = re.compile(r"(?P<rest>.+?)\s+(?:năm|nam|in)\s+(?P<year>\d{4})", re.IGNORECASE)


#: round 49: the pair's organ or people, which stand for the pair (convention H: a state's
#: government, head, negotiators, delegation): "the two Koreas' negotiators in 1972", "the two
#: Congos' presidents", "nhà cầm quyền hai miền Triều Tiên năm 1953" (``_pair_of_states``)
_PAIR_ORGAN_EN = (r"governments?|leaders(?:hips?)?|presidents|heads\s+of\s+state"
                  r"|prime\s+ministers|foreign\s+ministers|foreign\s+ministries|negotiators"
                  r"|delegations|authorities|regimes|administrations|officials")
_PAIR_ORGAN_VI = (r"nhà\s+cầm\s+quyền|chính\s+phủ|chính\s+quyền|giới\s+lãnh\s+đạo"
                  r"|(?:các\s+)?(?:nhà\s+)?lãnh\s+đạo|đoàn\s+đàm\s+phán|giới\s+chức"
                  r"|nhà\s+chức\s+trách|bộ\s+ngoại\s+giao"
                  r"|nha\s+cam\s+quyen|chinh\s+phu|chinh\s+quyen|gioi\s+lanh\s+dao"
                  r"|(?:cac\s+)?(?:nha\s+)?lanh\s+dao|doan\s+dam\s+phan|gioi\s+chuc"
                  r"|nha\s+chuc\s+trach")
_PAIR_ORGAN = (
    re.compile(r"(?P<pair>(?:the\s+)?(?:two|both)\s+[A-Z][\w-]*s)['’]\s+(?:" + _PAIR_ORGAN_EN
               + r")(?P<year>\s+in\s+\d{4})?"),
    re.compile(r"(?i:" + _PAIR_ORGAN_VI + r")\s+(?P<pair>(?i:cả\s+|ca\s+)?(?i:hai)\s+\S.*?)"
               r"(?P<year>\s+(?i:năm|nam)\s+\d{4})?"),
)


#: round 22: the compass words that tell two states of one name apart ("North Korea", "South
#: Sudan", "East Germany"), left out of a state's English name to find the name they share
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern",
                            "eastern", "western"})


class Pairs:
    """Readings of a name that names a pair of states."""

    def _pair_of_states(self, query: str, text: str, kinds: frozenset[str] | None,
                        lang: str | None) -> MatchResult | None:
        """Round 22: two states named together by one name ("the two Koreas", "the two
        Germanys", "hai miền Triều Tiên", "hai nước Yemen"): the name read as a state (or
        several), the English name they share (a compass word left out: "North Korea" gives
        "Korea"), the states of that name (:meth:`_named`, :meth:`_of_name`: "German Reich"
        by its adjective), and of those the ones whose spans overlap another's (the registry's
        years and its succession: a successor begins when its predecessor ends): ambiguous
        with them, never one record
        ("the two Germanys": West and East Germany, not today's Germany, which succeeded
        both). Fewer than two that coexisted: no match."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 60:
            return None
        organ = _first_fullmatch(_PAIR_ORGAN, text)
        if organ is not None:
            # round 49: the pair's organ or people ("the two Yemens' governments in 1989"):
            # the pair, with its year
            pair = organ.group("pair") + (organ.group("year") or "")
            r = self._pair_of_states(query, pair, kinds, lang)
            if r is None or not r.ambiguous:
                return r
            said = (text[:organ.start("pair")] + text[organ.end("pair"):]).strip()
            return MatchResult(query, r.candidates, True,
                               f"{r.note} (read without the pair's organ: {said!r})")
        y = _YEAR_AFTER.fullmatch(text)
        if y is not None:
            return self._pair_in_year(query, y.group("rest"), int(y.group("year")), kinds, lang)
        adj = _PAIR_OF_ADJECTIVE.fullmatch(text)
        if adj is not None:
            # round 26: "the two German states", "the two Korean governments": the name of
            # the one state of today the adjective names, read as "the two Germanys"
            held = self._adjectives.get(tuple(folded_form(w) for w in adj.group("adj").split()))
            plain = _unique(e for e, _, imperial in held or () if not imperial)
            names = _unique(e for e, _, _ in held or ())
            one = plain if len(plain) == 1 else names if len(names) == 1 else []
            if len(plain) == 2 and all(e.kind in state_kinds for e in plain):
                # two states of today of one adjective ("the two Congolese republics")
                amb = _ambiguous(query, plain, 85.0)
                return MatchResult(query, amb.candidates, True,
                                   f"{amb.note} (the two states of the adjective "
                                   f"{adj.group('adj')!r})")
            if len(one) != 1 or not one[0].labels.get("en"):
                return None
            text = f"the two {one[0].labels['en']}s"
        m = _first_fullmatch(_PAIR_FRAMES, text)
        name = m.group("name").strip() if m is not None else None
        if m is None or not name:
            return None
        tries = [name]
        if m.re is _PAIR_FRAMES[0]:
            # the plural written on the name: "Koreas", "Germanys" (the pattern took the "s")
            tries = [name, name + "e"] if not name.endswith("e") else [name]
        read: list[Entity] = []
        for t in tries:
            r = self._match(t, state_kinds, lang)
            if r is None or not r.candidates:
                continue
            if r.ambiguous:
                read = [c.entity for c in r.candidates if c.entity.kind in state_kinds]
            elif r.best is not None and r.best.match and _plain_reading(r.best.method):
                read = [r.best.entity]
            if read:
                name = t
                break
        if not read:
            return None
        family: list[Entity] = []
        for x in read:
            family += [x, *self._of_name(x, state_kinds)]
            label = x.labels.get("en", "")
            words = label.split()
            if len(words) > 1 and words[0].lower() in _COMPASS_WORDS:
                family += self._named(" ".join(words[1:]), state_kinds)
        family = [e for e in _unique(family) if e.kind in state_kinds]
        if self._successors is None:
            self._successors = succession_links(self.registry)
        nxt, prev = self._successors
        spans = {id(e): self._coexistence_span(e, nxt, prev) for e in family}

        def overlap(a: Entity, b: Entity) -> bool:
            # two states of today (no end) coexist; otherwise only known years tell (the
            # registry gives no start for today's Koreas: the Korean Empire, 1887-1905, is
            # not read as coexisting with them)
            (s1, t1), (s2, t2) = spans[id(a)], spans[id(b)]
            if t1 == t2 == float("inf"):
                return True
            known = all(abs(v) != float("inf") for v in (s1, s2)) and (
                t1 != float("inf") or t2 != float("inf"))
            return known and s1 < t2 and s2 < t1

        both = [e for e in family if any(f is not e and overlap(e, f) for f in family)]
        if len(both) < 2:
            return MatchResult(
                query, [], False,
                f"no match: {text!r} names two states of the name {name!r} together, and the "
                "registry holds no two such states at one time")
        amb = _ambiguous(query, both, 85.0)
        ev = ", ".join(f"{describe(e)} {self._years_text(spans[id(e)])}" for e in both)
        return MatchResult(
            query, amb.candidates, True,
            f"{amb.note} (two states named together by the name {name!r}: the states of that "
            f"name whose years overlap: {ev})")

    def _pair_in_year(self, query: str, text: str, year: int, kinds: frozenset[str] | None,
                      lang: str | None) -> MatchResult | None:
        """Round 24: two states named together with a year ("hai nước Đức năm 1970", "the
        two Koreas in 1990"): the pair, of which the states whose years hold the year (an
        end or a start the registry does not give is open); fewer than two: no match."""
        r = self._pair_of_states(query, text, kinds, lang)
        if r is None or not r.ambiguous:
            return r
        if self._successors is None:
            self._successors = succession_links(self.registry)
        nxt, prev = self._successors
        held = [c.entity for c in r.candidates
                if (sp := self._coexistence_span(c.entity, nxt, prev))[0] <= year <= sp[1]]
        if len(held) < 2:
            return MatchResult(
                query, [], False,
                f"no match: {text!r} names two states together, and fewer than two of them "
                f"({', '.join(describe(c.entity) for c in r.candidates)}) existed in {year}")
        amb = _ambiguous(query, held, 85.0)
        return MatchResult(query, amb.candidates, True,
                           f"{amb.note} (two states named together in {year}: {r.note})")

    def _coexistence_span(self, e: Entity, nxt: Mapping[int, Entity],
                          prev: Mapping[int, list[Entity]]) -> tuple[float, float]:
        """Round 22: the years ``e`` existed, as far as the registry says (an end it does not
        give is open): its span, and its succession (a state begins when its predecessor
        ends and ends when its successor begins). The state lists' periods are not read: the
        files and the store give them differently (open ends in the periods file, the
        system's membership in the store), and the answer must not depend on which."""
        lo, hi = float("-inf"), float("inf")
        es = span_of(e)
        if e.existed_from:
            lo = float(int(e.existed_from[:4]))
        if e.existed_until:
            hi = float(int(e.existed_until[:4]))
        if es is not None:
            lo, hi = max(lo, es[0]), min(hi, es[1])
        for p in prev.get(id(e), []):
            ps = span_of(p)
            if ps is not None:
                lo = max(lo, float(ps[1]))
        f = nxt.get(id(e))
        if f is not None and f.existed_from:
            hi = min(hi, float(int(f.existed_from[:4])))
        return lo, hi

    @staticmethod
    def _years_text(span: tuple[float, float]) -> str:
        a, b = span
        return "(" + (str(int(a)) if a != float("-inf") else "?") + "–" + (
            str(int(b)) if b != float("inf") else "") + ")"
