"""Long forms cut short, written in another order or abbreviated.

Reads ``Solomon`` / ``Solomon Islands`` (islands, round 14), ``the Hashemite Kingdom`` (a long
form without the name, round 15), ``Mông Cổ Nhân dân Cộng hòa`` (the older Vietnamese order)
and ``CHDCND Lào``, ``LB Nga`` (long-form words by their initials).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ...graph.registry import Entity
from ..candidates import MatchResult
from ..normalise import folded_form, strip_diacritics
from ..succession import STATE_KINDS
from .answers import _single
from .text import MAX_FORM_WORDS, _join, _name_words, _prefix_ends, _suffix_starts


def _unit_split(toks: list[str], units: set[tuple[str, ...]]) -> list[list[str]]:
    """``toks`` cut into the (folded) ``units`` they are made of, longest first; a word that is
    no unit stands alone.

    >>> _unit_split(["Nhân", "dân", "Dân", "chủ"], {("nhan", "dan"), ("dan", "chu")})
    [['Nhân', 'dân'], ['Dân', 'chủ']]
    """
    words = [folded_form(t) for t in toks]
    lengths = sorted({len(u) for u in units}, reverse=True)
    out: list[list[str]] = []
    i = 0
    while i < len(toks):
        for n in lengths:
            if tuple(words[i : i + n]) in units:
                out.append(toks[i : i + n])
                i += n
                break
        else:
            out.append([toks[i]])
            i += 1
    return out


def _initials_split(code: str, initials: Mapping[str, str]) -> list[str] | None:
    """``"CHDCND"`` -> ``["cong hoa", "dan chu", "nhan dan"]`` with the initials of
    ``forms.yaml`` ``vi_initials`` (the fewest units; None when the code is not made of them).

    >>> _initials_split("CHLB", {"CH": "cong hoa", "LB": "lien bang"})
    ['cong hoa', 'lien bang']
    >>> _initials_split("CHX", {"CH": "cong hoa"}) is None
    True
    """
    best: dict[int, list[str]] = {0: []}
    for i in range(len(code)):
        if i not in best:
            continue
        for ini, unit in initials.items():
            j = i + len(ini)
            if code.startswith(ini, i) and (j not in best or len(best[j]) > len(best[i]) + 1):
                best[j] = [*best[i], unit]
    return best.get(len(code))


class ShortForms:
    """Readings of a state's long form written short."""

    def _islands(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None,
        bare: bool = False,
    ) -> MatchResult | None:
        """Round 14: a state of islands named with or without its word for islands, when the
        other form names one state by its label, an alias or a common name: "Maldive Islands"
        (the Maldives), "Cape Verde Islands"; "Marshall", "Quần đảo Marshall" (the Marshall
        Islands; the bare name, ``bare``, only after long-form words: "CH Marshall"). A name
        of another kind (a territory the registry does not hold: "Falkland Islands") finds no
        state and stays no match."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        toks = text.split()
        if not state_kinds or len(toks) > MAX_FORM_WORDS:
            return None
        words = [folded_form(t) for t in toks]
        if len(toks) >= 2 and words[-1] in ("islands", "isles"):
            name = " ".join(toks[:-1])
            cands = [name, name + "s"]
        elif len(toks) >= 3 and words[:2] == ["quan", "dao"]:
            name = " ".join(toks[2:])
            cands = [name, name + " Islands"]
        elif bare:
            cands = [text + " Islands", "Quần đảo " + text]
        else:
            return None
        for cand in cands:
            r = self._match(cand, state_kinds, lang)
            if (r is not None and r.best is not None and not r.ambiguous
                    and r.best.method in ("label", "alias", "label-folded", "alias-folded",
                                          "cldr", "cldr-folded", "common-name")):
                e = r.best.entity
                ev = _join(f"a state of islands: {query!r} read as {cand!r}", r.best.evidence)
                return _single(query, e, 90.0, "islands", self._note(e), ev)
        return None

    def _bare_long_form(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 15: a long form's words without the name ("the Hashemite Kingdom", "the
        Plurinational State"), when exactly one state's registry names begin with them and go
        on with its name; and a state of islands named by its plural ("the Solomons" =
        "Solomon Islands"). Two words at least; a form several states share ("the Federal
        Republic", "the Kingdom") is no match."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        toks = text.split()
        if not state_kinds or not 1 <= len(toks) <= MAX_FORM_WORDS:
            return None
        if toks[0].lower() == "the":
            toks = toks[1:]
        if len(toks) == 1 and toks[0].endswith("s") and toks[0][:1].isupper() and len(toks[0]) > 4:
            r = self._match(f"{toks[0][:-1]} Islands", state_kinds, None)
            if r is not None and r.best is not None and not r.ambiguous:
                e = r.best.entity
                return _single(query, e, 88.0, "islands", self._note(e),
                               f"{toks[0]!r}: the plural of {toks[0][:-1]!r} for "
                               f"{r.best.entity.label!r}")
            return None
        words = [folded_form(t) for t in toks]
        if len(words) < 2 or len(words) not in _prefix_ends(words, self._state_forms):
            return None
        n = len(words)
        fit: dict[int, tuple[Entity, str]] = {}
        for held in self._exact.values():
            for h in held:
                e = h.entity
                if e.kind not in state_kinds or h.method not in ("label", "alias"):
                    continue
                ws = [folded_form(t) for t in h.text.split()]
                if ws[:1] == ["the"]:
                    ws = ws[1:]
                if len(ws) > n + 1 and ws[:n] == words and ws[n] in ("of", "the"):
                    fit.setdefault(id(e), (e, h.text))
        if len(fit) != 1:
            return None
        # a word of the form must be rare among the states' names (in those of three states
        # at most: "Hashemite", "Plurinational") and no monarchy's word: "the Grand Duchy" is
        # Luxembourg today, but also Baden's, Tuscany's, Hesse's (the registry holds them
        # under their short names)
        monarchy = {w for unit in self._monarchy_forms for w in unit}
        if not any(len(self._state_word_holders().get(w, ())) <= 3
                   for w in words if w not in ("of", "the") and w not in monarchy):
            return None
        e, name = next(iter(fit.values()))
        return _single(query, e, 85.0, "official-form", self._note(e),
                       f"the long-form words of {name!r} without its name; no other state's "
                       "names begin with them")

    def _state_word_holders(self) -> dict[str, set[int]]:
        """Each folded word of the states' names -> the states (ids) with it in a name."""
        if self._state_words is None:
            out: dict[str, set[int]] = defaultdict(set)
            for e in self.registry.entities:
                if e.kind in STATE_KINDS:
                    for ws in _name_words(e):
                        for w in ws:
                            out[w].add(id(e))
            self._state_words = dict(out)
        return self._state_words

    def _older_order(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """A long form in the older Vietnamese word order, the name first and the head last
        ("Mông Cổ Nhân dân Cộng hòa", "Trung Hoa Nhân dân Cộng hòa quốc", as "Việt Nam Dân chủ
        Cộng hòa"): read in today's order ("Cộng hòa Nhân dân Mông Cổ"), the words between the
        name and the head kept in their order and then reversed ("Lào Nhân dân Dân chủ Cộng
        hòa" = "Cộng hòa Dân chủ Nhân dân Lào")."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds:
            return None
        toks = text.split()
        if len(toks) < 3 or len(toks) > MAX_FORM_WORDS:
            return None
        words = [folded_form(t) for t in toks]
        for n in sorted({len(u) for u in self._vi_heads}, reverse=True):
            if len(words) <= n or tuple(words[-n:]) not in self._vi_heads:
                continue
            head_toks = toks[-n:]
            if folded_form(head_toks[-1]) == "quoc" and n > 1:
                head_toks = head_toks[:-1]  # "Cộng hòa quốc": the republic
            body, bwords = toks[:-n], words[:-n]
            starts = _suffix_starts(bwords, self._state_forms)
            start = starts[0] if starts else len(bwords)
            name, mods = body[:start], body[start:]
            if not name:
                return None
            units = _unit_split(mods, self._state_forms)
            seen: set[str] = set()
            for order in (units, list(reversed(units))):
                cand = " ".join([*head_toks, *(w for u in order for w in u), *name])
                if cand in seen:
                    continue
                seen.add(cand)
                r = self._match(cand, state_kinds, lang)
                if r is None or r.best is None:
                    r = self._official_form(cand, cand, state_kinds, lang)
                if r is not None and r.best is not None:
                    e = r.best.entity
                    ev = _join(f"older Vietnamese word order (the name first, the head last) "
                               f"read as {cand!r}", r.best.evidence)
                    return _single(query, e, 92.0, "official-form-reordered", self._note(e), ev)
            return None
        return None

    def _vi_abbreviation(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """Vietnamese long-form words abbreviated by their initials ("CHDCND Lào", "CHLB Đức",
        "LB Nga"; ``forms.yaml`` ``vi_initials``): written out, then read as a long form."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        toks = text.split()
        if not state_kinds or len(toks) < 2 or len(toks) > MAX_FORM_WORDS:
            return None
        head = strip_diacritics(toks[0]).replace("đ", "d").replace("Đ", "D")
        if not (head.isalpha() and head.isupper() and len(head) >= 2):
            return None
        units = _initials_split(head, self._vi_initials)
        if units is None:
            return None
        cand = " ".join([*units, *toks[1:]])
        r = self._match(cand, state_kinds, lang)
        if r is None or r.best is None:
            r = self._official_form(cand, cand, state_kinds, lang)
        if r is None or r.best is None:
            r = self._older_order(cand, cand, state_kinds, lang)
        if r is None or r.best is None:
            return None
        e = r.best.entity
        ev = _join(f"Vietnamese abbreviation {toks[0]!r} written out: {cand!r}", r.best.evidence)
        return _single(query, e, 92.0, "official-form-abbreviated", self._note(e), ev)
