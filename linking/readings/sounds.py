"""Transliteration and sounds: a state's name written as it sounds, and variants of ambiguous names.

Reads ``Ác-hen-ti-na``, ``Ca-dắc-xtan`` (a phonetic transliteration: the state whose name
sounds alike) and ``Corea``, ``Kongo``, ``Xu-đan`` (a spelling variant of an ambiguous name is
ambiguous).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from itertools import compress, repeat

from ...graph.registry import Entity
from ..candidates import MatchResult
from ..names import unheld_territory_names
from ..normalise import (
    common_subsequence,
    consonants,
    folded_form,
    phonetic_key,
    place_masks,
    strip_diacritics,
    transliterated,
)
from ..succession import STATE_KINDS
from .answers import _ambiguous, _single
from .text import _prefix_ends, _unique, _variant_of

# a Vietnamese transliteration is read as the state whose name sounds alike (phonetic_key):
# similarity at least TRANSLIT_MATCH and TRANSLIT_GAP above the next state's
TRANSLIT_MATCH = 0.85


TRANSLIT_GAP = 0.08


# names whose sounds are less alike than this are not compared further
TRANSLIT_FLOOR = 0.7


#: round 18: the vowels of a phonetic key (phonetic_key folds u into o, y into i)
_VOWEL_KEYS = frozenset("aeiou")


#: zeros for ``dict.get`` over a form's letters (a letter the key lacks counts 0)
_ZEROS = repeat(0)

_FINAL_T = re.compile(r"t(?=[-\s]|$)", re.IGNORECASE)


class Sounds:
    """Readings of a name by its sounds."""

    def _letter_counts(self) -> dict[str, tuple[int, tuple[str, ...], tuple[int, ...]]]:
        """Session 19: each form of :meth:`_phonetic_index` with its length, its letters and
        how often each comes (for difflib's upper bounds of a ratio without a matcher), made
        once."""
        out = self.__dict__.get("_letter_counts_made")
        if out is None:
            out = {}
            for form, _e, _n, _f in self._phonetic_index():
                c = Counter(form)
                out[form] = (len(form), tuple(c), tuple(c.values()))
            self.__dict__["_letter_counts_made"] = out
        return out

    def _phonetic_tiers(
        self,
    ) -> dict[bool, tuple[list[tuple[str, Entity, str]], list[int]]]:
        """Session 26: the forms of :meth:`_phonetic_index` of each tier (its last field), in
        its order, with their lengths, made once."""
        out = self.__dict__.get("_phonetic_tiers_made")
        if out is None:
            out = {tier: ([(form, e, name) for form, e, name, first in self._phonetic_index()
                           if first is tier],
                          [len(form) for form, _e, _n, first in self._phonetic_index()
                           if first is tier])
                   for tier in (True, False)}
            self.__dict__["_phonetic_tiers_made"] = out
        return out

    def _sound_forms(self, tier: bool, key_lengths: list[int]) -> Iterator[tuple[str, Entity, str]]:
        """Session 26: the forms of :meth:`_phonetic_index` of ``tier`` (form, entity, name),
        in its order, but those whose length fails difflib's first bound of the ratio
        (``real_quick_ratio``, below ``TRANSLIT_FLOOR``) against a key of every length of
        ``key_lengths``: :meth:`_transliteration` skips such a form for each of its keys."""
        entries, lengths = self._phonetic_tiers()[tier]
        let_through = {la for la in set(lengths) if any(
            2.0 * min(la, lb) / (la + lb) >= TRANSLIT_FLOOR for lb in key_lengths)}
        return compress(entries, map(let_through.__contains__, lengths))

    def _sino_only(self) -> frozenset[tuple[str, int]]:
        """Round 45: (name, entity id) of the states' names read only as Sino-Vietnamese
        readings of their Chinese names (no other source of the same entity gives the same
        text), built on first use."""
        if self._sino is None:
            by: dict[tuple[str, int], set[str]] = {}
            for names in self._folded.values():
                for h in names:
                    by.setdefault((h.text, id(h.entity)), set()).add(h.method)
            self._sino = frozenset(k for k, methods in by.items()
                                   if methods == {"sino-vietnamese"})
        return self._sino

    def _phonetic_index(self) -> list[tuple[str, Entity, str, bool]]:
        if self._phonetic is None:
            seen: set[tuple[str, int]] = set()
            out = []
            for names in self._folded.values():
                for h in names:
                    # French names too: Vietnamese transliterations often render them
                    # ("Mô-ri-xơ" Maurice, "An-giê-ri" Algérie, "Tuy-ni-di" Tunisie)
                    if h.entity.kind not in STATE_KINDS or h.lang not in (None, "en", "vi",
                                                                          "fr"):
                        continue
                    if not all(c.isascii() or not c.isalpha() for c in strip_diacritics(h.text)):
                        continue
                    if h.text in self._nicknames:
                        continue
                    if any(c.isdigit() for c in h.text):
                        # round 44: a numeral is no sound a transliteration renders ("the No
                        # 10", Downing Street for Britain, sounded "teno": "A-ten" is Athens)
                        continue
                    if "(" in h.text:
                        # "Montenegro (1852-1918)": the qualifier tells apart a name another
                        # entity holds bare; its sounds are that entity's
                        continue
                    key = phonetic_key(h.text)
                    bare = re.sub(r"\s+Islands$", "", h.text)
                    if bare != h.text and len(phonetic_key(bare)) >= 4 and h.lang != "vi":
                        # round 14: a state of islands said without the word ("Xô-lô-môn",
                        # "Mác-san"; as _islands reads "CH Marshall")
                        bkey = phonetic_key(bare)
                        if (bkey, id(h.entity)) not in seen:
                            seen.add((bkey, id(h.entity)))
                            out.append((bkey, h.entity, h.text, True))
                    if len(key) >= 4 and (key, id(h.entity)) not in seen:
                        seen.add((key, id(h.entity)))
                        # a transliteration renders the foreign name (or is another
                        # transliteration); older Vietnamese names written in separate
                        # syllables ("Ba Lan", "Lục Xâm Bảo") come second
                        first = h.lang != "vi" or transliterated(h.text)
                        out.append((key, h.entity, h.text, first))
                        if (h.lang != "vi" and key.endswith("s") and len(key) >= 6
                                and key[-2] in "aeio"
                                and (key[:-1], id(h.entity)) not in seen):
                            # round 14: a final s a transliteration does not render (French
                            # Comores and English Comoros said without it: "Cô-mô-rô")
                            seen.add((key[:-1], id(h.entity)))
                            out.append((key[:-1], h.entity, h.text, first))
            self._phonetic = out
        return self._phonetic

    def _transliteration(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A state's name in Vietnamese phonetic transliteration ("Ác-hen-ti-na",
        "Ca-dắc-xtan"): the state whose name sounds alike (:func:`phonetic_key`), when it is
        well ahead of the next state."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds:
            return None
        key = phonetic_key(text)
        if len(key) < 4:
            return None
        # a syllable's final t often renders an s before a consonant or at the end
        # ("Hon-đu-rát" Honduras, "Ma-đa-gát-xca" Madagascar, "Ét-xtô-ni-a" Estonia): the
        # sounds are also read with that t as s, the better reading counts
        keys = [key]
        alt = phonetic_key(_FINAL_T.sub("s", strip_diacritics(text)))
        if alt != key and len(alt) >= 4:
            keys.append(alt)
        # the consonants carry a transliteration (its vowels follow Vietnamese spelling:
        # "Bê-nanh" for Benin), so the similarity is the mean of the whole sounds' and the
        # consonants' ("Bun-ga-ri" has Bulgaria's consonants, not Hungary's)
        readers = []
        for k in keys:
            sm = difflib.SequenceMatcher(autojunk=False)
            sm.set_seq2(k)
            sk = difflib.SequenceMatcher(autojunk=False)
            sk.set_seq2(consonants(k))
            readers.append((sm, sk, bool(consonants(k)), len(k), Counter(k).get,
                            place_masks(k)))
        # session 19: each form's letters counted once (``_letter_counts``)
        counts = self._letter_counts()
        found = None
        tiers: dict[bool, list[tuple[float, Entity, str]]] = {}
        # round 45: a hyphenated transliteration that only sounds like a Sino-Vietnamese
        # reading of a Chinese name (two renderings away from the foreign name) is not heard
        # as it: "Bát-đa" (Baghdad) is no "Bất Đan" (Bhutan), "Ca-dắc" (Kazakh) no "Khoa Uy
        # Đặc" (Kuwait). The reading written out, folded, is still read by the look-up
        # ("Gia-bông", Gabon's "Gia Bông"; a rule that dropped it too lost that row of
        # names_test23.csv for one of names_test66.csv, "ở Đa-ca", Dakar read as Togo's "Đa Ca")
        unheard = self._sino_only() if "-" in text else frozenset()
        # session 26: the forms of each tier listed apart (in the index's order), and only
        # those of a length some reader's first bound lets through are walked: a form that
        # fails it for every reader is skipped by each of them below
        key_lengths = [lb for _sm, _sk, _skel, lb, _in_key, _places in readers]
        for tier in (True, False):
            best: dict[int, tuple[float, Entity, str]] = {}
            for form, e, name in self._sound_forms(tier, key_lengths):
                if e.kind not in state_kinds or (name, id(e)) in unheard:
                    continue
                la, letters, times = counts[form]
                for sm, sk, skel, lb, in_key, places in readers:
                    # three upper bounds of the ratio, cheapest first (the same answers):
                    # difflib's real_quick_ratio and quick_ratio, computed as difflib does
                    # (2.0 * matches / (la + lb)) with the letters the two share counted by
                    # builtins (session 19), and the longest common subsequence's (session
                    # 27: it leaves out all but about one in forty of the forms the ratio
                    # would)
                    if (2.0 * min(la, lb) / (la + lb) < TRANSLIT_FLOOR
                            or 2.0 * sum(map(min, times, map(in_key, letters, _ZEROS)))
                            / (la + lb) < TRANSLIT_FLOOR
                            or 2.0 * common_subsequence(places, lb, form) / (la + lb)
                            < TRANSLIT_FLOOR):
                        continue
                    sm.set_seq1(form)
                    full = sm.ratio()
                    if full < TRANSLIT_FLOOR:
                        continue
                    sk.set_seq1(consonants(form))
                    r = (full + sk.ratio()) / 2 if skel else full
                    if id(e) not in best or best[id(e)][0] < r:
                        best[id(e)] = (r, e, name)
            ranked = sorted(best.values(), key=lambda x: (-x[0], x[1].key))
            tiers[tier] = ranked
            if found is not None or not ranked or ranked[0][0] < TRANSLIT_MATCH:
                continue
            second = ranked[1][0] if len(ranked) > 1 else 0.0
            if ranked[0][0] - second < TRANSLIT_GAP:
                found = self._same_name_holder(ranked, state_kinds)
                if found is None:
                    return None
                continue
            found = ranked[0]
        if found is None:
            return None
        # another state's older Vietnamese name that sounds closer overrules the first tier
        # ("Gru-di-a" renders Gruzia, Georgia, exactly; Russia's "Russia" only sounds alike):
        # the closer state is taken when well ahead, else nothing is
        rival = next((x for x in tiers.get(False, []) if x[1] is not found[1]), None)
        if rival is not None and rival[0] > found[0]:
            if rival[0] - found[0] < TRANSLIT_GAP:
                return None
            found = rival
        r, e, name = found
        # round 18: a transliteration renders a closed final syllable only for a name that
        # ends in a consonant (it adds vowels: "Ma-đa-gát-xca", never a consonant the name
        # lacks): one whose sounds end in a consonant is no state whose every name (English,
        # French, Vietnamese) ends in a vowel ("Xa-mác-can", Samarkand, is not Jamaica)
        if all(k[-1] not in _VOWEL_KEYS for k in keys) and not any(
                form[-1] not in _VOWEL_KEYS
                for form, x, _n, _f in self._phonetic_index() if x is e):
            return None
        # round 14: a territory no registry state holds that sounds as much alike ("Ca-y-man",
        # the Cayman Islands, is not the Comoros) leaves the transliteration unread
        for form in self._territory_sounds():
            for sm, sk, skel, lb, _in_key, places in readers:
                sm.set_seq1(form)
                if (sm.real_quick_ratio() < r - TRANSLIT_GAP
                        or 2.0 * common_subsequence(places, lb, form) / (len(form) + lb)
                        < r - TRANSLIT_GAP
                        or sm.ratio() < r - TRANSLIT_GAP):
                    continue
                sk.set_seq1(consonants(form))
                t = (sm.ratio() + sk.ratio()) / 2 if skel else sm.ratio()
                if t > r - TRANSLIT_GAP:
                    return None
        # round 18: nor one that sounds more like a COW capital no entity holds as a name
        # ("Tbi-li-xi" is Tbilisi, not Tunisia; a tie is left to the state: "Ca-bun" sounds
        # as Kabul and as Gabon, and is read Gabon, as "Ga-bông" must be)
        for form in self._capital_sounds():
            for sm, sk, skel, lb, _in_key, places in readers:
                sm.set_seq1(form)
                if (sm.real_quick_ratio() <= r - 0.1
                        or 2.0 * common_subsequence(places, lb, form) / (len(form) + lb)
                        <= r - 0.1
                        or sm.ratio() <= r - 0.1):
                    continue
                sk.set_seq1(consonants(form))
                t = (sm.ratio() + sk.ratio()) / 2 if skel else sm.ratio()
                if t > r:
                    return None
        amb = self._ambiguous.get(folded_form(name))
        if amb and len([x for x in amb if x.kind in state_kinds]) > 1:
            return _ambiguous(query, [x for x in amb if x.kind in state_kinds], 80.0)
        ev = f"Vietnamese transliteration of {name!r} (sounds alike: similarity {r:.2f})"
        return _single(query, e, round(86.0 * r, 1), "transliteration-vi", self._note(e), ev)

    def _capital_sounds(self) -> list[str]:
        """Round 18: the sounds of the COW capitals no entity holds as a name."""
        if self._capitals_heard is None:
            self._capitals_heard = sorted({
                k for text in self._cow_capitals.by_capital
                if text not in self._folded and len(k := phonetic_key(text)) >= 4})
        return self._capitals_heard

    def _capital_heard(self, city: str) -> str | None:
        """Round 44: the COW capital a Vietnamese transliteration in a capital frame sounds
        like ("chính phủ Bu-ca-rét", Bucharest; "chính phủ Khác-tum", Khartoum): the capital
        whose sounds are alike (as :meth:`_transliteration` compares a state's, the whole
        sounds' and the consonants' similarity, a final t also read as s) and well ahead of
        every other capital; COW's name of it (folded), or None."""
        if not transliterated(city) or folded_form(city) in self._folded:
            # (a name the registry holds is its entity's, never a capital heard in it:
            # "chính phủ Phi-gi" is Fiji by its alias, as for the territories' sounds)
            return None
        key = phonetic_key(city)
        # (four sounds at least, as for the territories' names: three are heard in too many
        # capitals; "Phi-gi", sounded "pis", was heard as Bissau on names_test72, round 44's
        # unseen list; the lead, session 23)
        if len(key) < 4:
            return None
        keys = {key}
        alt = phonetic_key(_FINAL_T.sub("s", strip_diacritics(city)))
        if len(alt) >= 4:
            keys.add(alt)
        if self._capital_keys is None:
            heard: list[tuple[str, str]] = []
            for name in sorted(self._cow_capitals.by_capital):
                k = phonetic_key(name)
                if len(k) >= 3:
                    heard.append((k, name))
                if len(k) >= 5 and k.endswith("s"):
                    # (a final s a transliteration does not render, as for a state's name:
                    # "A-ten", Athens)
                    heard.append((k[:-1], name))
            self._capital_keys = heard
        best: dict[str, float] = {}
        for k in keys:
            sm = difflib.SequenceMatcher(autojunk=False)
            sm.set_seq2(k)
            sk = difflib.SequenceMatcher(autojunk=False)
            sk.set_seq2(consonants(k))
            places, lb = place_masks(k), len(k)
            for form, name in self._capital_keys:
                sm.set_seq1(form)
                if (sm.real_quick_ratio() < TRANSLIT_FLOOR or sm.quick_ratio() < TRANSLIT_FLOOR
                        # (session 27: the longest common subsequence's bound, as above)
                        or 2.0 * common_subsequence(places, lb, form) / (len(form) + lb)
                        < TRANSLIT_FLOOR):
                    continue
                full = sm.ratio()
                if full < TRANSLIT_FLOOR:
                    continue
                sk.set_seq1(consonants(form))
                r = (full + sk.ratio()) / 2 if consonants(k) else full
                if r > best.get(name, 0.0):
                    best[name] = r
        ranked = sorted(best.items(), key=lambda x: (-x[1], x[0]))
        if not ranked or ranked[0][1] < TRANSLIT_MATCH:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < TRANSLIT_GAP:
            return None
        return ranked[0][0]

    def _territory_sounds(self) -> list[str]:
        """The sounds of the territories no registry state holds (built on first use)."""
        if self._territories is None:
            # (a name an entity of the registry holds is that entity's: "Kosovo", XK in CLDR)
            self._territories = sorted({
                k for text, _ in unheld_territory_names(self.registry)
                if folded_form(text) not in self._folded and len(k := phonetic_key(text)) >= 4}
)
        return self._territories

    def _same_name_holder(
        self, ranked: list[tuple[float, Entity, str]], kinds: frozenset[str]
    ) -> tuple[float, Entity, str] | None:
        """When the closest sounds are one written name that several states hold ("Vatican":
        the Holy See, and the Papal States by the alias), the holder the name itself is
        matched to ("Va-ti-căng" -> the Holy See), if the next other name is well behind."""
        score, _, name = ranked[0]
        tied = [x for x in ranked if score - x[0] < TRANSLIT_GAP]
        if len(tied) < 2 or any(x[2] != name for x in tied):
            return None
        r = self._match(name, kinds, None)
        if r is None or r.best is None or r.ambiguous:
            return None
        e = r.best.entity
        return (score, e, name) if any(x[1] is e for x in tied) else None

    def _ambiguous_variant(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A spelling variant of an ambiguous name ("Corea", "Kongo", "Xu-đan"): the same
        sounds, or one sound in five apart (:func:`_variant_of`), reported ambiguous with the
        candidates of that name, never "no match"."""
        fo = folded_form(text)
        if len(fo) < 4 or len(text.split()) > 3:
            return None
        words = [folded_form(t) for t in text.split()]
        if len(words) in _prefix_ends(words, self._state_forms | self._institution_words):
            return None  # long-form or body words only ("Cộng hòa"), no name
        hits = [(n, ents) for k, n, ents in self._ambiguous_keys
                if abs(len(n) - len(fo)) <= 2 and _variant_of(text, n, k)]
        if not hits:
            return None
        ents = _unique(e for _n, group in hits for e in group
                       if kinds is None or e.kind in kinds)
        if not ents:
            return None
        r = _ambiguous(query, ents, 80.0)
        names = ", ".join(repr(n) for n, _ in hits)
        return MatchResult(query, r.candidates, True,
                           f"{r.note} (a spelling variant of the ambiguous name {names})")

    def _sounds_of_state(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A name of at most 60 characters written as a transliteration, and not after
        long-form words (round 14: long-form words are no sounds of a name, as in
        :meth:`_official_form`): :meth:`_transliteration`."""
        words = text.split()
        if len(words) > 1 and folded_form(words[0]) == "phia":
            # round 46: "phía" (the side of) is no syllable of the name: the name after it is
            # heard alone ("phía Hung-ga-ri" heard whole, "phia hung ga ri", sounds like
            # Bulgaria), and the side of a state is the state, as the press frame reads it
            text = " ".join(words[1:])
        if (len(text) <= 60 and transliterated(text)
                and not _prefix_ends([folded_form(t) for t in text.split()],
                                     self._state_forms)):
            return self._transliteration(query, text, kinds)
        return None
