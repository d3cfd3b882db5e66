"""Official long forms of states, in both languages.

Reads ``Vương quốc Na Uy``, ``Kingdom of Norway``, ``Cộng hòa Ba Lan``: the words of
``linking/names/forms.yaml`` then a state's name, the words in another order, an adjective
before the long-form words (``Congo Republic``, ``Polish People's Republic``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...graph.registry import Entity
from ..candidates import Candidate, MatchResult, describe
from ..normalise import folded_form, split_qualifier, transliterated
from ..succession import STATE_KINDS
from .answers import _ambiguous, _single
from .text import (
    MAX_FORM_WORDS,
    _has_vi_letters,
    _name_words,
    _prefix_ends,
    _spans,
    _suffix_starts,
    _unique,
)

#: round 17: words that say "country" before a state's name, no official long form
_COUNTRY_WORDS = frozenset({"nuoc", "nha", "quoc", "gia", "the", "of", "country"})


#: the methods by which a name is read as a state's official long form
_LONG_FORM_METHODS = frozenset({"native-long-form", "official-form"})


class LongForms:
    """Readings of a state's official long form."""

    def _official_form(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """"Cộng hòa Ba Lan", "Kingdom of Norway": the words of an official long form, then a
        name that matches a state on its own (the shortest such form first)."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds:
            return None
        toks = text.split()
        if len(toks) > MAX_FORM_WORDS:
            return None
        words = [folded_form(t) for t in toks]
        same = [(e, t) for e, t in self._cores.get(folded_form(text), ()) if e.kind in state_kinds]
        if len(same) == 1 and len(toks) > 1:
            # the name of a long form without its long-form words ("Great Britain and Northern
            # Ireland" of the "United Kingdom of Great Britain and Northern Ireland")
            e, name = same[0]
            ev = f"the name in the long form {name!r}, without its long-form words"
            return _single(query, e, 90.0, "official-form", self._note(e), ev)
        for k in _prefix_ends(words, self._state_forms):
            if k >= len(toks):
                break
            rest = " ".join(toks[k:])
            form = " ".join(toks[:k])
            # COW's "Hesse Electoral" for the "Electorate of Hesse"
            head = tuple(w for w in words[:k] if w not in ("of", "the"))
            adj = self._cow_adjectives.get(head)
            r = self._match(f"{rest} {adj}", state_kinds, lang) if adj else None
            if r is not None and r.best is not None:
                ev = f"long form {form!r} + {rest!r} = COW's name '{rest} {adj}'"
                e = r.best.entity
                return _single(query, e, 90.0, "official-form", self._note(e), ev)
            if adj:
                # the name in another spelling ("Hessen"), of several states: the one COW
                # names with the form's adjective ("Hesse Grand Ducal")
                r0 = self._match(rest, state_kinds, lang)
                pool = ([c.entity for c in r0.candidates] if r0 is not None and r0.ambiguous
                        else [r0.best.entity] if r0 is not None and r0.best is not None else [])
                fit = [e for e in pool if any(folded_form(t).endswith(folded_form(adj))
                                              for t in e.labels.values())]
                if len(fit) == 1:
                    e = fit[0]
                    of = ", ".join(describe(x) for x in pool)
                    ev = (f"long form {form!r} + {rest!r}: of {of}, the one COW names "
                          f"'... {adj}' ({e.label})")
                    return _single(query, e, 90.0, "official-form", self._note(e), ev)
            if _spans(words[:k], self._cow_only):
                continue
            en = self._english_form(words[:k])
            for cand in ((f"{en} of the {rest}", f"{en} of {rest}") if en else ()):
                # the same long form in English names a historical state ("Công quốc Serbia" =
                # "Principality of Serbia"; "Vương quốc Yemen" = "Kingdom of Yemen")
                r2 = self._match(cand, state_kinds, None)
                if (r2 is not None and r2.best is not None
                        and r2.best.entity.kind == "historical-state"):
                    e = r2.best.entity
                    ev = f"official long form {form!r} read as {cand!r} ({r2.best.method})"
                    return _single(query, e, 92.0, "official-form", self._note(e), ev)
            r = self._match(rest, state_kinds, lang)
            if r is None:
                r = self._islands(rest, rest, state_kinds, lang, bare=True)
            if r is None and transliterated(rest) and not _prefix_ends(words[k:],
                                                                       self._state_forms):
                # round 14: only the name is read by its sounds, never long-form words left
                # before it ("Cong hoa" + "Hoi giao Pa-ki-xtan" sounded like Uzbekistan; the
                # longer form "Cong hoa Hoi giao" + "Pa-ki-xtan" is Pakistan)
                r = self._transliteration(rest, rest, state_kinds)
            if r is None:
                same = [(e, t) for e, t in self._cores.get(folded_form(rest), ())
                        if e.kind in state_kinds]
                if len(same) == 1 and not self._form_fits(words[:k], same[0][1]):
                    # round 21: the name is a long form's without its own form words, and the
                    # form words before it are others ("Cộng hòa" + "Ả Rập Thống nhất", a
                    # republic, of "Các Tiểu Vương quốc Ả Rập Thống nhất", emirates): the name
                    # of another state, no reading of this one
                    continue
                if len(same) == 1:
                    e, name = same[0]
                    imperial = self._imperial(
                        query, Candidate(e, 92.0, True, "official-form"), words[:k],
                        f"{form!r} + {rest!r}", state_kinds)
                    if imperial is not None:
                        return imperial
                    ev = (f"official long form {form!r} + {rest!r}: the long form {name!r} "
                          "with its words in another order")
                    return _single(query, e, 92.0, "official-form", self._note(e), ev)
            if r is None or not r.candidates:
                continue
            if r.ambiguous:
                # the Vietnamese form words say which one: "Cộng hòa Dân chủ Congo" is the
                # "Democratic Republic of the Congo", "Cộng hòa Congo" the "Republic of the Congo"
                en = self._english_form(words[:k])
                cands = [f"{en} of the {rest}", f"{en} of {rest}"] if en else []
                if words[k - 1] not in ("of", "the") and all(w.isascii() for w in words[:k]):
                    # English form words without "of" ("Democratic Republic Congo")
                    cands += [f"{form} of the {rest}", f"{form} of {rest}"]
                for cand in cands:
                    r2 = self._match(cand, state_kinds, None)
                    if r2 is not None and r2.best is not None:
                        ev = f"official long form {form!r} read as {cand!r}"
                        return _single(query, r2.best.entity, 92.0, "official-form", r2.note, ev)
                if _spans(words[:k], self._imperial_forms):
                    # an empire's or a monarchy's form over a name several states share: the
                    # one historical state among them ("Empire of Korea": the Korean Empire)
                    past = [c.entity for c in r.candidates
                            if c.entity.kind == "historical-state"]
                    if len(past) == 1 and past[0].kind in state_kinds:
                        ev = (f"official long form of a monarchy or an empire: {form!r} + "
                              f"{rest!r}, the one historical state among "
                              + ", ".join(describe(c.entity) for c in r.candidates))
                        return _single(query, past[0], 90.0, "official-form",
                                       self._note(past[0]), ev)
                return MatchResult(query, r.candidates, True, r.note)
            best = r.candidates[0]
            shared = self._shared_form(words[:k], rest, state_kinds)
            if best.match and len(shared) > 1 and any(e is best.entity for e, _ in shared):
                # round 10: the form's words are in the long forms of several states of that
                # name ("Liên bang Nam Tư": the SFR Yugoslavia's "Cộng hòa Liên bang Xã hội chủ
                # nghĩa Nam Tư" and the FR Yugoslavia's "Cộng hòa Liên bang Nam Tư")
                amb = _ambiguous(query, _unique(e for e, _ in shared), 88.0)
                return MatchResult(
                    query, amb.candidates, True,
                    f"{amb.note} (the words {form!r} + {rest!r} are in the long forms "
                    + ", ".join(repr(t) for _, t in shared) + ")")
            imperial = self._imperial(query, best, words[:k], f"{form!r} + {rest!r}",
                                      state_kinds)
            if imperial is not None:
                return imperial
            regime = self._regime(query, best, words[:k], form, rest, state_kinds)
            if regime is not None:
                return regime
            other = self._other_form(query, best, words[:k], form, rest)
            if other is None and best.match:
                other = (self._social_republic(query, best.entity, words[:k], form, rest)
                         or self._federal_unit(query, best.entity, words[:k], form, rest))
            if other is not None:
                return other
            ev = f"official long form: {form!r} + {rest!r} ({best.method})"
            cands = [
                Candidate(c.entity, min(c.score, 93.0) if c.match else c.score - 5, c.match,
                          "official-form" if c.match else c.method, ev if c.match else "")
                for c in r.candidates
            ]
            return MatchResult(query, cands, False, r.note)
        return self._adjectival_form(query, toks, words, state_kinds, lang)

    def _form_fits(self, form_words: list[str], long_form: str) -> bool:
        """Round 21: False when the long-form words ``form_words`` of a name contradict those
        of ``long_form``, the long form whose other words the name holds: both read in
        English (``forms.yaml`` ``vi_to_en``) and sharing no word, or, where only the name's
        are read, both Vietnamese and sharing no word ("Cộng hòa", Republic, and "Các Tiểu
        Vương quốc", Emirates). A form the glossary cannot read is no contradiction ("Đế chế
        Ottoman", "Repubblica di Venezia")."""
        toks = [folded_form(w) for w in long_form.split()]
        ends = [k for k in _prefix_ends(toks, self._state_forms) if k < len(toks)]
        if not ends:
            return True
        stop = {"of", "the"}
        mine = self._english_form(form_words)
        if not mine:
            return True
        theirs = self._english_form(toks[: max(ends)])
        if theirs:
            return bool({folded_form(w) for w in mine.split()} & {
                folded_form(w) for w in theirs.split()} - stop)
        # a Vietnamese long form whose words the glossary does not read ("Các Tiểu Vương
        # quốc"): Vietnamese form words before the name must share one of its words
        return not _has_vi_letters(long_form) or bool(
            (set(form_words) - stop) & set(toks[: max(ends)]))

    def _shared_form(
        self, form_words: list[str], rest: str, state_kinds: frozenset[str]
    ) -> list[tuple[Entity, str]]:
        """The states with a long form of the name ``rest`` whose long-form words include
        every word of ``form_words`` (one long form each)."""
        want = {w for w in form_words if w not in ("of", "the")}
        out: list[tuple[Entity, str]] = []
        for e, text in self._cores.get(folded_form(rest), ()):
            if e.kind not in state_kinds or any(x is e for x, _ in out):
                continue
            toks = [folded_form(t) for t in text.split()]
            ends = _prefix_ends(toks, self._state_forms)
            if ends and want <= set(toks[: max(ends)]):
                out.append((e, text))
        return out

    def _named(self, head: str, state_kinds: frozenset[str]) -> list[Entity]:
        """The states with a name that has the words of ``head`` in a row ("Yemen" in
        "People's Democratic Republic of Yemen")."""
        words = [folded_form(w) for w in head.split()]
        n = len(words)
        return [e for e in self._having_word(words[0] if words else None)
                if e.kind in state_kinds and any(
            ws[i:i + n] == words for ws in _name_words(e) for i in range(len(ws) - n + 1))]

    def _having_word(self, word: str | None) -> Sequence[Entity]:
        """Session 19: the registry's entities (in its order) with ``word`` in one of their
        names (:func:`_name_words`), from an index made once; every entity when ``word`` is
        None. A name that holds a run of words holds its first word, so scanning these gives
        what scanning every entity gives, in the same order."""
        if word is None:
            return self.registry.entities
        index = self.__dict__.get("_word_index")
        if index is None:
            index = {}
            for e in self.registry.entities:
                for w in {w for ws in _name_words(e) for w in ws}:
                    index.setdefault(w, []).append(e)
            self.__dict__["_word_index"] = index
        return index.get(word, ())

    def _long_form(self, name: str, method: str) -> bool:
        """A state's name read as its official long form: by a long-form reading, or a name
        that begins with long-form words ("Federal Republic of", "Cộng hòa Liên bang").
        Round 17: a country word alone before the name is no long form ("nước Đức", "the
        State of ..." is read as before only with other words)."""
        words = [folded_form(w) for w in name.split()]
        ends = _prefix_ends(words, self._state_forms)
        if ends and all(w in _COUNTRY_WORDS for w in words[:max(ends)]):
            return False
        return method in _LONG_FORM_METHODS or bool(
            _prefix_ends([folded_form(w) for w in name.split()], self._state_forms))

    def _bore_long_form(self, e: Entity, x: Entity) -> bool:
        """Round 16: the historical state ``e`` holds a name (its bracketed years left out)
        that is read as a long form of today's state ``x`` ("Cộng hòa Liên bang Đức
        (1949-1990)", a name of West Germany, is Germany's Vietnamese long form)."""
        for n in [*e.labels.values(), *(t for t, _ in e.aliases)]:
            q = split_qualifier(n)
            n = q[0] if q else n
            r = self._match(n, None, None)
            if (r is not None and r.best is not None and r.best.entity is x
                    and self._long_form(n, r.best.method)):
                return True
        return False

    def _english_form(self, words: list[str]) -> str | None:
        """The English words of a Vietnamese long form (``cong hoa dan chu`` -> "Democratic
        Republic"), read with ``forms.yaml`` ``vi_to_en``; None when a word is not listed."""
        out: list[str] = []
        i = 0
        longest = max((len(k) for k in self._vi_to_en), default=0)
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                en = self._vi_to_en.get(tuple(words[i : i + n]))
                if en is not None:
                    out.append(en)
                    i += n
                    break
            else:
                return None
        # Vietnamese puts the head first ("Cộng hòa Dân chủ"), English last
        return " ".join(w for w in reversed(out) if w) or None

    def _adjectival_form(
        self, query: str, toks: list[str], words: list[str], state_kinds: frozenset[str],
        lang: str | None,
    ) -> MatchResult | None:
        """The words of a long form after a name or an adjective: "Congo Republic" = "Republic
        of the Congo"; "Polish People's Republic", "Austro-Hungarian Empire" (the adjective of
        one state; before "Empire" or "Kingdom" a historical state's adjective first)."""
        for n in sorted({len(u) for u in self._empire_forms}, reverse=True):
            if len(words) > n and tuple(words[-n:]) in self._empire_forms:
                # "Đại Hàn Đế quốc": a name, then the word for an empire
                head = " ".join(toks[:-n])
                r = self._match(head, state_kinds, lang)
                if r is not None and r.best is not None and not r.best.method.startswith(
                    ("iso-code", "key", "cow-code", "acronym")
                ):
                    form = " ".join(toks[-n:])
                    found = self._imperial(query, r.best, words[-n:], f"{head!r} + {form!r}",
                                           state_kinds)
                    if found is not None:
                        return found
                    if r.best.entity.kind == "historical-state":
                        ev = f"{head!r} + {form!r} (empire)"
                        e = r.best.entity
                        return _single(query, e, 90.0, "official-form", self._note(e), ev)
                break
        if len(words) >= 2 and (words[-1],) in self._vi_suffixes:
            # "Anh Quốc", "Pháp Quốc": a Vietnamese short name and quốc (country)
            head = " ".join(toks[:-1])
            r = self._match(head, state_kinds, lang)
            if r is not None and r.best is not None and not r.best.method.startswith(
                ("iso-code", "key", "cow-code", "acronym")
            ):  # a name, not a code ("Đế quốc" is an empire, not DE)
                ev = f"{head!r} + {toks[-1]!r} (country)"
                return _single(query, r.best.entity, 90.0, "official-form", r.note, ev)
        for k in _suffix_starts(words, self._state_forms):
            described = not all(t[:1].isupper() or t in ("of", "the") for t in toks[k:])
            if described and words[k:] not in (["state"], ["kingdom"], ["republic"],
                                               ["duchy"], ["grand", "duchy"], ["electorate"]):
                # "the Mongolian state" describes, it does not name; round 28: nor does "the
                # Italian republic", but a historical state's adjective before one word of its
                # form names that state, as before "state" ("the Saxon kingdom", "the
                # Venetian republic": below, only a historical state is read so)
                continue
            head, form = " ".join(toks[:k]), " ".join(toks[k:])
            for cand in () if described else (f"{form} of the {head}", f"{form} of {head}"):
                r = self._match(cand, state_kinds, lang)
                if r is not None and r.best is not None:
                    ev = f"long form written after the name: {query!r} = {cand!r}"
                    return _single(query, r.best.entity, 90.0, "official-form-reordered",
                                   r.note, ev)
            # the name alone, when it names one state ("Transvaal Republic": Transvaal)
            r = None if described else self._match(head, state_kinds, lang)
            if r is not None and r.best is not None and not r.best.method.startswith(
                ("iso-code", "key", "cow-code", "acronym")
            ):
                imperial = self._imperial(query, r.best, words[k:], f"{head!r} + {form!r}",
                                          state_kinds)
                if imperial is not None:
                    return imperial
                ev = f"{head!r} + the long-form words {form!r} after it"
                e = r.best.entity
                return _single(query, e, 90.0, "official-form-reordered", r.note, ev)
            imperial = bool(_spans(words[k:], self._imperial_forms))
            held = [(e, ev) for e, ev, only in self._adjectives.get(tuple(words[:k]), ())
                    if e.kind in state_kinds and (imperial or not only)]
            if described:
                # round 14: "Hessian state", "Bavarian state": a historical state's adjective
                # and "state" name that state (or, for two, are ambiguous); a current state's
                # ("the Mongolian state") still only describes
                held = [(e, ev) for e, ev in held if e.kind == "historical-state"]
            if not held:
                continue
            first = [(e, ev) for e, ev in held if (e.kind == "historical-state") == imperial]
            held = first or held
            if len(held) > 1:
                return _ambiguous(query, [e for e, _ in held], 85.0)
            e, ev = held[0]
            if e.kind == "state" and _spans(words[k:], self._empire_forms):
                return MatchResult(
                    query, [Candidate(e, 60.0, False, "adjectival-form")], False,
                    f"no match: {query!r} names an empire, and the registry holds no "
                    f"historical state for it (never today's {describe(e)})",
                )
            if (e.kind == "state" and _spans(words[k:], self._monarchy_forms)
                    and id(e) not in self._monarchies):
                # round 10: "Italian Kingdom", as "Kingdom of Italy"
                return MatchResult(
                    query, [Candidate(e, 60.0, False, "adjectival-form")], False,
                    f"no match: {query!r} names a former monarchy ({e.label}'s own long "
                    "forms name none today), and the registry holds no historical state for "
                    f"it (never today's {describe(e)})",
                )
            return _single(query, e, 90.0, "adjectival-form", self._note(e),
                           f"{ev} + the long-form words {form!r}")
        return None
