"""The fuzzy reading: typos, read last.

Reads a misspelt name (character trigrams, then :class:`difflib.SequenceMatcher`), scored
lower and a match only when the best candidate is well ahead of the next; the words naming a
known entity are not swapped (round 17).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from itertools import chain, compress, repeat
from operator import add, itemgetter, le, truediv

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..normalise import (
    common_subsequence,
    folded_form,
    phonetic_key,
    place_masks,
    split_qualifier,
    transliterated,
    trigrams,
)
from ..succession import STATE_KINDS
from .answers import _ambiguous, _declined
from .text import (
    _ACRONYM,
    _CONTINENT_EN,
    _CONTINENT_STEM,
    _DIRECTIONS,
    _LEADING_KEPT,
    _TOPIC_HEADS,
    _all_names,
    _edits,
    _holds_code,
    _prefix_ends,
)

# fuzzy thresholds: a fuzzy candidate is a match when its ratio is at least FUZZY_MATCH and at
# least FUZZY_GAP above the next distinct entity's
FUZZY_CUTOFF = 0.72


FUZZY_MATCH = 0.85


FUZZY_GAP = 0.08


FUZZY_MIN_LEN = 5


#: session 26: how many folded names' near forms (:meth:`Fuzzy._near_forms`) are remembered;
#: when full, all are forgotten
NEAR_KEPT = 20_000


def _all_capitals(text: str) -> bool:
    """A name written in capitals only, three letters or more ("CAFTA", "DR-CAFTA").

    >>> _all_capitals("CAFTA-DR"), _all_capitals("Ca-tă"), _all_capitals("EU")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _continent_differs(a: str, b: str) -> bool:
    """True when both names have a continent word and the words differ: the word after
    "châu" (Vietnamese) or an English continent word.

    >>> _continent_differs("Liên minh châu Phi", "Liên minh châu Âu")
    True
    >>> _continent_differs("Europan Union", "European Union")
    False
    >>> _continent_differs("African Unoin", "African Union")
    False
    """
    def words(t: str) -> set[str]:
        ws = [folded_form(w) for w in t.split()]
        out = {w for w in ws if w in _CONTINENT_EN}
        out |= {f"chau {ws[i + 1]}" for i, w in enumerate(ws[:-1]) if w == "chau"}
        return out
    wa, wb = words(a), words(b)
    return bool(wa) and bool(wb) and wa != wb


#: round 17: a possessive ending ("UN's", "EU’s")
_POSSESSIVE = re.compile(r"['’]s$")


def _head_dropped(a: str, names: list[str]) -> bool:
    """Round 17: ``a`` has a generic head of a body (``_TOPIC_HEADS``: "body", "agency",
    "court"; singular or plural) that none of ``names`` (the name read and the other names of
    its entity) has: reading ``a`` as that entity drops what kind of body the name names
    ("the UN human rights body" is not the Office of the High Commissioner, read as "UN
    Human Rights"). A head another name of the entity has is kept ("Sava Commission", read
    as "Savakommission", the International Sava River Basin Commission).

    >>> _head_dropped("the UN human rights body", ["UN Human Rights"])
    True
    >>> _head_dropped("Sava Commission", ["Savakommission", "Sava River Basin Commission"])
    False
    """
    def heads(t: str) -> set[str]:
        return {w[:-1] if w.endswith("s") and w[:-1] in _TOPIC_HEADS else w
                for w in (folded_form(x) for x in t.split())} & _TOPIC_HEADS
    mine = heads(a)
    for n in names:
        mine -= heads(n)
    return bool(mine)


def _continent_words(t: str) -> set[str]:
    """Round 17: the continents ``t`` names (English words, their adjectives read as the
    name; Vietnamese "châu" + the word after it)."""
    ws = [folded_form(w) for w in t.replace("-", " ").split()]
    out = {_CONTINENT_STEM.get(w, w) for w in ws if w in _CONTINENT_EN}
    out |= {f"chau {ws[i + 1]}" for i, w in enumerate(ws[:-1]) if w == "chau"}
    return out


def _continent_dropped(a: str, names: list[str]) -> bool:
    """Round 17: ``a`` names a continent none of ``names`` (the name read and the other
    names of its entity) names: reading ``a`` as that entity drops a place it names.

    >>> _continent_dropped("Inter-American Development Bank of Africa",
    ...                    ["Inter-American Development Bank"])
    True
    >>> _continent_dropped("Afrian Union", ["African Union"]), _continent_dropped(
    ...     "Asian Developmnet Bank", ["Asian Development Bank"])
    (False, False)
    """
    mine = _continent_words(a)
    for n in names:
        mine -= _continent_words(n)
    return bool(mine)


#: round 18: linking words
_LINK_WORDS = frozenset(
    "of the for and on in to at by a an de la le les des du el los las del y et und der die "
    "das von fur cac ve va cua".split())


def _word_dropped(a: str, b: str) -> bool:
    """Round 18: ``b`` (the name a fuzzy reading found) is ``a`` (word for word, a slip
    allowed per word) after one leading word that qualifies it, not a generic or place word
    (``_LEADING_KEPT``, a continent's name or adjective): reading ``a`` as ``b`` drops what
    tells the body apart from the one ``a`` names ("Residual Special Court for Sierra Leone",
    the successor of the Special Court).

    >>> _word_dropped("Special Court for Sierra Leone", "Residual Special Court for Sierra Leone")
    True
    >>> _word_dropped("Carribean Development Bank", "Caribbean Development Bank")
    False
    >>> _word_dropped("Atomic Energy Agency", "International Atomic Energy Agency")
    False
    """
    wa = [folded_form(w) for w in a.split()]
    wb = [folded_form(w) for w in b.split()]
    if wa and wa[0] == "the":
        wa = wa[1:]
    if len(wb) != len(wa) + 1 or len(wa) < 2:
        return False
    lead = wb[0]
    if (len(lead) < 4 or not lead.isalpha() or lead in _LINK_WORDS or lead in _LEADING_KEPT
            or lead in _CONTINENT_EN or lead in _CONTINENT_STEM):
        return False
    return all(x == y or _typo(x, y) for x, y in zip(wa, wb[1:], strict=True))


def _word_replaced(a: str, b: str) -> bool:
    """True when two names of as many words (two or more) differ by a whole word, not a typo:
    "Anh Quốc" is not a misspelt "Hàn Quốc".

    >>> _word_replaced("Anh Quốc", "Hàn Quốc"), _word_replaced("Untied Nations", "United Nations")
    (True, False)

    Round 13: names of different lengths are aligned word by word first, and the words one
    replaces by as many others are judged the same way (a word added or left out is not):
    "Ủy ban Ma túy Liên Hợp Quốc" is no misspelt "Ban Thư ký Liên Hợp Quốc".

    >>> _word_replaced("Ủy ban Ma túy Liên Hợp Quốc", "Ban Thư ký Liên Hợp Quốc")
    True
    >>> _word_replaced("Untied Nations Security Council", "United Nations Council")
    False
    """
    wa, wb = a.split(), b.split()
    if len(wa) < 2:
        return False
    if len(wa) != len(wb):
        fa, fb = [folded_form(w) for w in wa], [folded_form(w) for w in wb]
        pairs: list[tuple[str, str]] = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, fa, fb, autojunk=False
        ).get_opcodes():
            if op == "replace" and i2 - i1 == j2 - j1:
                pairs += zip(wa[i1:i2], wb[j1:j2], strict=True)
        wa, wb = [x for x, _ in pairs], [y for _, y in pairs]
    sm = difflib.SequenceMatcher(autojunk=False)
    for x, y in zip(wa, wb, strict=True):
        fx, fy = folded_form(x), folded_form(y)
        if fx != fy and phonetic_key(fx) != phonetic_key(fy):  # "Sô" is "Xô" said alike
            sm.set_seqs(fx, fy)
            if sm.ratio() < 0.75:
                return True
    return False


def _typo(a: str, b: str) -> bool:
    """True when ``a`` may be ``b`` mistyped: the words they do not share, as many on each
    side, differ by at most one edit (insertion, deletion, substitution or swap of two letters)
    per five letters, at least one. A made-up name near a real one is not a typo: "Latveria" is
    two insertions from "Latvia", and "Cộng hòa Latveria" is no misspelt "Cộng hoà Lát-vi-a"
    (the long-form words they share do not count). A word left out or added ("Security
    Council") is not judged here.

    >>> _typo("Mongolai", "Mongolia"), _typo("Phillipines", "Philippines")
    (True, True)
    >>> _typo("Latveria", "Latvia"), _typo("Cộng hòa Latveria", "Cộng hoà Lát-vi-a")
    (False, False)
    >>> _typo("Security Council", "United Nations Security Council")
    True
    """
    wa = [folded_form(w) for w in a.split()]
    wb = [folded_form(w) for w in b.split()]
    while wa and wb and wa[0] == wb[0]:
        wa, wb = wa[1:], wb[1:]
    while wa and wb and wa[-1] == wb[-1]:
        wa, wb = wa[:-1], wb[:-1]
    if len(wa) != len(wb) or not wa:
        # a word left out or added is no typo when it is a direction ("Cộng hòa Bắc Síp" is
        # not Cyprus, "Northern Cyprus" another entity than "Cyprus")
        return not any(w in _DIRECTIONS for w in [*wa, *wb])
    x, y = "".join(wa), "".join(wb)
    # round 17: a letter doubled or not is one slip ("Carribean" for "Caribbean": two
    # edits, one each way, are none once runs of a letter are read as one)
    if _single_letters(x) == _single_letters(y):
        return True
    return _edits(x, y) <= max(1, min(len(x), len(y)) // 5)


def _single_letters(t: str) -> str:
    """Round 17: ``t`` with each run of one letter written once ("carribean" ->
    "caribean").

    >>> _single_letters("carribean") == _single_letters("caribbean")
    True
    """
    return re.sub(r"(.)\1+", r"\1", t)


def _shortlist(counter: Counter[int], n_q: int, lengths: list[int], n: int,
               shortest: int = 0) -> list[int]:
    """The ``n`` forms sharing the most trigrams with a name, by Dice score ``2 * shared /
    (n_q + len(form))`` (``n_q`` the name's length plus 4), in the order
    ``heapq.nlargest(n, counter.items(), key=score)`` gives (ties in the counter's order).

    Session 19 (issue #11): a name the registry lacks shares a trigram with ~2,000 forms, and
    scoring each with a Python key function was the matcher's largest cost. The scores are the
    same expression (``2 * shared`` and ``n_q + len(form)`` are exact integers, divided once)
    computed by builtins over the whole counter. With ``t`` the ``n``-th largest score, a form
    scoring below ``t`` has ``n`` forms ahead of it and is not in the full ranking's first
    ``n``; so is one scoring below any ``v`` that ``n`` scores reach (then ``t >= v``). Only
    the forms scoring at least such a ``v`` are ranked, by score then the counter's order
    (``nlargest`` is a stable sort: among equal scores the first counted comes first).
    ``tests/linking/test_matcher_speed.py`` checks this against ``nlargest`` on every list's
    names, random variants of them and random counters full of ties.

    Session 26: the forms are ranked by half the score, ``shared / (n_q + len(form))``: a
    float halved is exact (a power of two scales the correctly rounded quotient), so every
    comparison, and every tie, is the full score's. The lengths are read by one
    ``itemgetter`` and the arithmetic is done by ``operator``'s functions rather than bound
    methods of ints (each call of which cost about twice as much).

    Session 27: most forms share one or two trigrams with the name, and scoring them was most
    of the shortlist's cost. Only the forms sharing at least ``c`` trigrams are scored; with
    ``v`` the ``n``-th largest of their scores, a form sharing fewer scores at most
    ``(c - 1) / (n_q + shortest)`` (``shortest`` no more than any form's length; a float
    division of exact integers is monotone), and when that bound is below ``v`` no such form
    reaches the ``n``-th place (each scores below ``v``, ties included): the forms scored are
    ranked as above. Otherwise ``c`` is lowered to a count the bound allows, and at 1 every
    form is scored as before. ``c`` starts two below the least count that ``n`` forms reach
    (where the bound most often holds on the evaluation lists' names: a count too high costs
    a second pass, one too low a larger ranking; neither changes the shortlist).

    Session 28: ``c`` starts at 2 at least (when ``n`` forms share two trigrams or more):
    half of the every-list batch's names have an ``n``-th count of 2 or 3, and started two
    below it they were scored in full; from 2 the forms sharing one trigram are left out when
    the bound allows (any ``c`` from 2 up to the ``n``-th count keeps ``n`` forms scored and
    the proof above), which scores 432k forms instead of 911k over the batch's names.

    >>> c = Counter({0: 3, 1: 5, 2: 3, 3: 1})
    >>> _shortlist(c, 9, [4, 8, 4, 4], 2)
    [1, 0]
    """
    if len(counter) > n:
        shared = list(counter.values())
        least, reached = 0, 0
        for count, times in sorted(Counter(shared).items(), reverse=True):
            least, reached = count, reached + times
            if reached >= n:
                break
        # (session 28: at 2 at least, where a name whose ``n``-th count is 2 or 3 had every
        # form scored: the bound may hold there, and when it does not the walk goes on to
        # 1, the full scoring, as before)
        least = max(least - 2, 2) if least >= 2 else 1
        while least > 1:
            keep = list(map(le, repeat(least), shared))
            some = list(compress(counter, keep))
            lens = itemgetter(*some)(lengths) if len(some) > 1 else [lengths[i] for i in some]
            scores = list(map(truediv, compress(shared, keep), map(add, repeat(n_q), lens)))
            v = sorted(scores, reverse=True)[n - 1]
            c = least
            while c > 1 and (c - 1) / (n_q + shortest) >= v:
                c -= 1
            if c == least:
                ranked = zip(scores, compress(range(0, -len(shared), -1), keep), some,
                             strict=True)
                return [i for _s, _p, i in sorted(ranked, reverse=True)[:n]]
            least = c
    ids = list(counter)
    lens = itemgetter(*ids)(lengths) if len(ids) > 1 else [lengths[i] for i in ids]
    scores = list(map(truediv, counter.values(), map(add, repeat(n_q), lens)))
    ranked = zip(scores, range(0, -len(ids), -1), ids, strict=True)  # (score, -place, form)
    if len(ids) > n:
        # any ``v`` with ``n`` scores at least ``v`` has ``t >= v``: the forms scoring below
        # ``v`` are left out before sorting (half and a quarter of the best score are tried,
        # the first that keeps ``n``; else every form is sorted)
        top = max(scores)
        for v in (top / 2, top / 4):
            keep = list(map(le, repeat(v), scores))
            if keep.count(True) >= n:
                ranked = compress(ranked, keep)
                break
    return [i for _s, _p, i in sorted(ranked, reverse=True)[:n]]


class Fuzzy:
    """The fuzzy reading of a misspelt name."""

    def _near_forms(self, fo: str) -> tuple[tuple[str, float], ...] | None:
        """The registry's folded forms near the folded name ``fo``, with difflib's ratio, in
        the shortlist's order (:func:`_shortlist`): those whose ratio is at least
        ``FUZZY_CUTOFF``; None when no form shares a trigram with it.

        Session 26: this depends on the folded name alone, not on the kinds asked or the name
        as written, and the readings ask it again for one name under several kinds and for
        names written alike ("UN", "un"): it is remembered per folded name (at most
        :data:`NEAR_KEPT`, then forgotten, as the answers are), and forgotten with the
        answers (:meth:`~diplograph.linking.matcher.Matcher.forget`)."""
        remembered = self.__dict__.get("_fuzzy_near")
        if remembered is None:
            remembered = self.__dict__["_fuzzy_near"] = {}
        elif fo in remembered:
            return remembered[fo]
        # (session 26: every trigram's forms counted in one call, in the same order)
        counter: Counter[int] = Counter(chain.from_iterable(
            map(self._grams.get, trigrams(fo), repeat(()))))
        near: tuple[tuple[str, float], ...] | None = None
        if counter:
            shortest = self.__dict__.get("_form_shortest")
            if shortest is None:
                shortest = self.__dict__["_form_shortest"] = min(self._form_lengths, default=0)
            shortlist = _shortlist(counter, len(fo) + 4, self._form_lengths, 40, shortest)
            found: list[tuple[str, float]] = []
            sm = difflib.SequenceMatcher(autojunk=False)
            sm.set_seq2(fo)
            lb, in_name, places = len(fo), Counter(fo).get, place_masks(fo)
            counts = self.__dict__.setdefault("_form_letters", {})
            for i in shortlist:
                form = self._forms[i]
                made = counts.get(i)
                if made is None:
                    c = Counter(form)
                    made = counts[i] = (len(form), tuple(c), tuple(c.values()))
                la, letters, times = made
                # difflib's real_quick_ratio and quick_ratio (upper bounds of the ratio),
                # computed as difflib does (2.0 * matches / (la + lb)), the shared letters
                # counted by builtins from the form's letters counted once (session 19: the
                # same answers)
                if (2.0 * min(la, lb) / (la + lb) < FUZZY_CUTOFF
                        or 2.0 * sum(map(min, times, map(in_name, letters, repeat(0))))
                        / (la + lb) < FUZZY_CUTOFF
                        # session 27: the longest common subsequence's bound (about a tenth
                        # of the ratio's cost; it leaves out about four forms in five the
                        # ratio would, on the every-list batch)
                        or 2.0 * common_subsequence(places, lb, form) / (la + lb)
                        < FUZZY_CUTOFF):
                    continue
                sm.set_seq1(form)
                ratio = sm.ratio()
                if ratio >= FUZZY_CUTOFF:
                    found.append((form, ratio))
            near = tuple(found)
        if len(remembered) >= NEAR_KEPT:
            remembered.clear()
        remembered[fo] = near
        return near

    def _fuzzy(self, query: str, text: str, kinds: frozenset[str] | None) -> MatchResult:
        fo = folded_form(text)
        if len(fo) < 4:
            return MatchResult(query, [], False, "no match")
        near = self._near_forms(fo)
        if near is None:
            return MatchResult(query, [], False, "no match")
        best: dict[int, tuple[float, Entity, str]] = {}
        for form, ratio in near:
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
        words = [folded_form(t) for t in text.split()]
        generic = len(words) in _prefix_ends(words, self._state_forms | self._vi_org_heads)
        is_match = (
            len(fo) >= FUZZY_MIN_LEN
            and not generic  # generic words only ("Khối Thịnh vượng chung") name no one state
            and top_ratio >= FUZZY_MATCH
            and top_ratio - second >= FUZZY_GAP
            and not _word_replaced(text, top_text)
            and _typo(text, top_text)
            # round 16: an all-capitals name ("CAFTA") is only a fuzzy equal of another such
            # name, never of a transliteration ("Ca-tă", Qatar); a continent word that differs
            # ("châu Phi", Africa; "châu Âu", Europe) is never a typo
            and (not _all_capitals(text) or _all_capitals(top_text))
            and not _continent_differs(text, top_text)
            # round 17: nor a name whose owner words differ: an acronym of a known body or
            # state ("UN", "EU's", "U.N.") is evidence like a continent word ("the UN drugs
            # agency" is no misspelt "EU Drugs Agency"), and a fuzzy reading may not drop a
            # generic head the name gives ("the UN human rights body" is not "UN Human Rights")
            and self._owner_words_kept(text, top_text)
            and not _head_dropped(text, [top_text, *_all_names(top_e)])
            # round 17: nor drop a continent word of the name ("Inter-American Development
            # Bank of Africa" is no longer read as the Inter-American Development Bank)
            and not _continent_dropped(text, [top_text, *_all_names(top_e)])
            # round 18: nor drop a whole qualifying word of the name read ("Special Court
            # for Sierra Leone" is not the Residual Special Court for Sierra Leone)
            and not _word_dropped(text, top_text)
        )
        cands = [
            Candidate(
                e, round(88.0 * r, 1), is_match and e is top_e, "fuzzy",
                f"closest name {t!r} (similarity {r:.2f})",
            )
            for r, e, t in ranked
        ]
        amb = self._ambiguous.get(folded_form(top_text)) if is_match else None
        if amb:
            members = [e for e in amb if kinds is None or e.kind in kinds]
            if len(members) > 1:
                r = _ambiguous(query, members, 80.0)
                return MatchResult(query, r.candidates, True, f"{r.note} (read as {top_text!r})")
        if is_match:
            note = f"fuzzy: read as {top_text!r}"
            extra = self._note(top_e)
            note = f"{note}; {extra}" if extra else note
        else:
            note = "no confident match; closest: " + ", ".join(
                describe(c.entity) for c in cands[:3]
            )
        return MatchResult(query, cands, False, note)

    def _owner_words(self, text: str) -> set[str]:
        """Round 17: the words of ``text`` that name a known entity on their own: an acronym
        (two or more capitals, dots and a possessive "'s" left out: "U.N.'s" is "UN") that a
        state or an organisation of the registry holds as a code or a name."""
        out = set()
        for t in text.split():
            w = _POSSESSIVE.sub("", t).replace(".", "").strip("()[],;:")
            if len(w) >= 2 and w.isalpha() and w.isupper() and self._codes.get(w):
                out.add(w)
        return out

    def _owner_words_kept(self, text: str, other: str) -> bool:
        """Round 17: a fuzzy reading of ``text`` as ``other`` does not swap the words naming a
        known entity: when both names have such words, they are the same ("the UN drugs
        agency" is not "EU Drugs Agency"; "the EU's top court" is not "U.N.'s top court"). A
        word only one name has is left to the other rules ("Security Council" is still read
        as "UN Security Council"). A registry acronym is a code of a body or a state: the
        rule holds for any of them, not for a list of names."""
        mine, theirs = self._owner_words(text), self._owner_words(other)
        return not (mine and theirs and mine != theirs)

    def _fuzzy_read(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult:
        """The fuzzy reading (:meth:`_fuzzy`), declined when the name gives in brackets an
        acronym the closest body does not hold (round 16), and when the name is a
        transliteration (the phonetic reading declined it: "Ai-xơ-len" is not a misspelt
        "Ai-rơ-len"). Always answers: the last reading of the table before its retries."""
        result = self._fuzzy(query, text, kinds)
        bracket = split_qualifier(text)
        if (result.best is not None and bracket is not None
                and _ACRONYM.fullmatch(bracket[1])
                and result.best.entity.kind in KIND_GROUPS["organisation"]
                and not _holds_code(result.best.entity, bracket[1])):
            # round 16: a fuzzy reading whose body does not hold the acronym the name
            # gives in brackets is no reading of the name
            result = _declined(result, "the acronym in brackets "
                               f"{bracket[1]!r} is not the closest body's")
        if result.best is not None and len(text) <= 60 and transliterated(text):
            # a transliteration the phonetic pass declined is not read as a typo of
            # another transliteration ("Ai-xơ-len" is not a misspelt "Ai-rơ-len")
            result = _declined(result)
        if (result.best is not None and result.best.entity.kind in STATE_KINDS
                and self._capital_codes(text)[1]):
            # round 24: a capital's name (by COW, or by CLDR's names of the city) is a city,
            # no misspelt state ("Lagos", Nigeria's capital to 1991, is not "Laos")
            result = _declined(result, f"{text!r} is a capital's name (COW capitals), "
                               "no misspelt state's")
        return result
