"""Organisations by acronyms, initials and numbers.

Reads ``Khối NATO``, ``Nhóm G7`` (a generic word before an acronym), ``HĐBA``, ``VNCH``,
``IORA`` (initials), ``WTrO`` for ``WTO`` (an acronym split by lower-case letters) and
``Group of Seven``, ``the Visegrad Four`` (round 17: a grouping by its number).
"""

from __future__ import annotations

import re

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, MatchResult, describe
from ..normalise import folded_form, strip_diacritics
from .answers import _ambiguous, _single
from .text import (
    _ACRONYM,
    _STOP_WORDS,
    _all_names,
    _capitals,
    _has_vi_letters,
    _join,
    _name_words,
    _plain_reading,
    _prefix_ends,
    _unique,
)

#: round 17: number words of groupings ("Group of Seven", "Visegrad Four")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({folded_form(w): n for w, n in (
    ("twenty-four", "24"), ("thirty", "30"), ("seventy-seven", "77"))})


#: round 35: Vietnamese words that open a time after a body's name (thời, năm, dưới, trước,
#: sau, từ, đến, giai đoạn, thập niên, nhiệm kỳ, thế kỷ, tháng, khi, hồi), folded
_VI_TIME_WORDS = frozenset({"thoi", "nam", "duoi", "truoc", "sau", "tu", "den", "giai",
                            "thap", "nhiem", "the", "thang", "khi", "hoi"})


class Acronyms:
    def _disagreeing_acronym(self, query: str, text: str,
                             result: MatchResult) -> MatchResult:
        """Round 36: a body's full name followed by the acronym of another body ("Tổ chức
        Thương mại Thế giới WHO": the WTO's Vietnamese name, the WHO's acronym; "Ngân hàng
        Thế giới IMF"): the name and the acronym each name one organisation, and neither is
        the other's owner (an organ's name holds its owner's: "Hội đồng Bảo an LHQ" keeps its
        reading). The writer meant one of the two and the name does not say which, so the
        answer is ambiguous between them, the full name's body first (a full name is less
        often mistyped than three capitals), never one of them matched. ``result`` as it is
        otherwise."""
        if result.best is None or not result.best.match:
            return result
        head, _, code = text.rpartition(" ")
        head = re.sub(r"^the\s+", "", head, flags=re.IGNORECASE)
        if (not head[:1].isupper() or head.isupper() or len(head.split()) < 2
                or not _ACRONYM.fullmatch(code) or not code.isascii()):
            # (a name, capitalised, not a description: "the 21-member common market COMESA")
            return result
        org_kinds = KIND_GROUPS["organisation"]
        named = self._match(head, org_kinds, None)
        alone = self._match(code, org_kinds, None)
        if (named is None or alone is None or named.best is None or alone.best is None
                or named.ambiguous or alone.ambiguous or not named.best.match
                or not alone.best.match):
            return result
        a = self._same.get(named.best.entity.iri, (named.best.entity, ""))[0]
        b = self._same.get(alone.best.entity.iri, (alone.best.entity, ""))[0]
        if a is b or not {a.iri, b.iri} & {
                self._same.get(result.best.entity.iri, (result.best.entity, ""))[0].iri}:
            return result
        names_a = " ".join(n for n, _ in a.names()).lower()
        names_b = " ".join(n for n, _ in b.names()).lower()
        if (b.labels.get("en", "").lower() in names_a or a.labels.get("en", "").lower() in names_b
                or any(x.lower() in names_a.split() for x in b.acronyms)):
            # (one is the other's organ or owner: "Security Council" and the UN)
            return result
        amb = _ambiguous(query, [a, b], 80.0)
        return MatchResult(
            query, amb.candidates, True,
            f"{amb.note} ({head!r} names {describe(a)}, the acronym {code!r} "
            f"{describe(b)}: the name and its acronym disagree)")

    """Readings of an organisation's acronym, initials or number."""

    def _org_head(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """A Vietnamese generic word before an organisation's acronym or name ("Khối NATO",
        "Nhóm G7", "Tổ chức WTO"; ``forms.yaml`` ``vi_org_heads``): the organisation."""
        org_kinds = KIND_GROUPS["organisation"]
        if kinds is not None and not kinds & org_kinds:
            return None
        toks = text.split()
        words = [folded_form(t) for t in toks]
        for k in _prefix_ends(words, self._vi_org_heads):
            if k >= len(toks) or k > 4:
                # (round 27: four words, "liên minh quân sự", a military alliance)
                break
            rest = " ".join(toks[k:])
            r = self._match(rest, kinds or org_kinds, lang)
            if r is not None and r.best is not None:
                e = r.best.entity
                ev = _join(f"the generic word {' '.join(toks[:k])!r} + {rest!r}",
                           r.best.evidence)
                return _single(query, e, 90.0, "generic-head", self._note(e), ev)
            if r is not None and r.ambiguous and r.candidates and all(
                    c.entity.kind in org_kinds for c in r.candidates):
                # round 25: the generic word says nothing of which: an acronym several bodies
                # hold stays ambiguous ("tổ chức ACU")
                return MatchResult(query, r.candidates, True,
                                   f"{r.note} (after the generic word "
                                   f"{' '.join(toks[:k])!r})")
        return None

    def _named_acronym(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """Round 35: a body's full name followed by its acronym ("Ngân hàng Phát triển Á-Âu
        EDB", "Quỹ Đầu tư châu Âu EIF", "Tổ chức các Quốc gia Turk OTS"): the words before
        the acronym, matched with no fuzzy step, name one organisation, and the acronym agrees
        with it: it reads as that body (alone or among several), or, read as nothing, it is
        the initials of one of the body's English names (its words less "of", "the", "and",
        "for", "on", "in"). An acronym naming another entity ("Hội đồng Bảo an LHQ", the
        Security Council of the UN) names the body's owner, not the body: None."""
        org_kinds = KIND_GROUPS["organisation"]
        if kinds is not None and not kinds & org_kinds:
            return None
        head, _, code = text.rpartition(" ")
        if len(head.split()) < 2 or not _ACRONYM.fullmatch(code) or not code.isascii() or (
                head.isupper()):
            # (a name written all in capitals has no acronym apart from its words)
            return None
        r = self.match(head, kind=org_kinds if kinds is None else kinds & org_kinds,
                       lang=lang)
        if r.best is None or r.ambiguous or not _plain_reading(r.best.method) or (
                r.best.entity.kind not in org_kinds):
            return None
        e = r.best.entity
        body = self._same.get(e.iri, (e, ""))[0]
        alone = self.match(code)
        if alone.candidates and (alone.best is not None or alone.ambiguous):
            held = {self._same.get(c.entity.iri, (c.entity, ""))[0].iri
                    for c in alone.candidates}
            if body.iri not in held:
                return None
            how = f"the acronym {code!r} is the body's own"
        else:
            initials = {"".join(w[:1] for w in name.split()
                                if w.lower() not in _STOP_WORDS).upper()
                        for name in e.labels.values()}
            if code.replace("-", "") not in initials:
                return None
            how = f"the acronym {code!r} is the initials of its English name"
        return _single(query, e, 88.0, "named-acronym", self._note(e),
                       _join(f"the name {head!r} read as {describe(e)}; {how}",
                             r.best.evidence))

    def _headed_acronym(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """Round 35: a Vietnamese name that opens with a kind word and a body's acronym (or
        one-word name) and goes on with a description or a seat ("nhóm GIABA chống rửa tiền ở
        Dakar", "khối OIC các nước Hồi giáo", "cơ quan biên phòng Frontex ở Warsaw", "Ngân
        hàng NDB của khối BRICS"): Vietnamese puts the head first, so the words up to the
        acronym name the body and the rest describes it. Read when those words match an
        organisation with no fuzzy step and the acronym alone reads as the same body (a kind
        word naming an organ, "tòa án ECOWAS", names another body: None); the rest must open
        with a word in lower case."""
        org_kinds = KIND_GROUPS["organisation"]
        if kinds is not None and not kinds & org_kinds:
            return None
        words = text.split()
        if len(words) < 3 or lang == "en" or not (lang == "vi" or _has_vi_letters(text)):
            return None
        for k in range(1, min(len(words) - 1, 5)):
            code = words[k]
            if not (_ACRONYM.fullmatch(code) or re.fullmatch(r"[A-Z][a-z]{3,11}", code)
                    and words[k - 1].islower()) or not code.isascii():
                continue
            if not words[k + 1][:1].islower() or "-" in words[0] or not all(
                    w.islower() for w in [words[0][1:] or "x", *words[1:k]]):
                # (the words before it are a kind word, lower case but for the first letter,
                # not a seat: "the Lomé-based ECOWAS bank" is the ECOWAS bank)
                return None
            if folded_form(words[0]) in ("the", "a", "an") or folded_form(
                    words[k + 1]) in _VI_TIME_WORDS or any(
                    ch.isdigit() for w in words[k + 1:] for ch in w):
                # (a time after the body is a period the period readings check against the
                # body's years: "khối NATO thời Chiến tranh thế giới thứ nhất" is no match)
                return None
            alone = self.match(code, kind=org_kinds)
            if alone.best is None or alone.ambiguous or not _plain_reading(alone.best.method):
                return None
            body = self._same.get(alone.best.entity.iri, (alone.best.entity, ""))[0]
            head = " ".join(words[: k + 1])
            r = self.match(head, kind=org_kinds if kinds is None else kinds & org_kinds,
                           lang=lang)
            if r.best is None or r.ambiguous or not _plain_reading(r.best.method):
                return None
            e = r.best.entity
            if self._same.get(e.iri, (e, ""))[0].iri != body.iri:
                return None
            return _single(query, e, 86.0, "headed-acronym", self._note(e),
                           _join(f"the head {head!r} read as {describe(e)}, the words after "
                                 f"it ({' '.join(words[k + 1:])!r}) describe it",
                                 r.best.evidence))
        return None

    def _initialism(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A name written as its words' initials (four or more; three of a state's English long
        form, round 10): an organisation's Vietnamese
        name ("HĐBA", "NHTG", "ĐHĐ LHQ"), a state's long form in Vietnamese ("VNCH") or English
        ("LPDR"): the entity whose name has them; several make it ambiguous."""
        compact = "".join(text.split())
        if not (3 <= len(compact) <= 12 and compact.isalpha() and compact.isupper()):
            return None
        key = strip_diacritics(compact).replace("đ", "d").replace("Đ", "D").upper()
        found = [(e, t) for e, t in self._initialisms.get(key, ())
                 if kinds is None or e.kind in kinds]
        if len(key) == 3:
            # round 10: three initials of a state's English long form, two of them the name's
            # own words ("RMI", "CAR", "RSA"; not "IRA", "SAR", whose one name word is too
            # little evidence against the acronyms of other things)
            held = [(e, t, own) for e, t, own in self._initials3.get(key, ())
                    if kinds is None or e.kind in kinds]
            # (only when every state with these initials has two name words in them, and one
            # state has: "SAR", the South African Republic's and the Syrian Arab Republic's,
            # is not read, as round 7 decided for IRA, SAR, CDC)
            found = ([(e, t) for e, t, _ in held]
                     if held and all(own >= 2 for _, _, own in held) else [])
        if not found:
            return None
        ents = _unique(self._same.get(e.iri, (e, ""))[0] for e, _ in found)
        if len(ents) > 1:
            return _ambiguous(query, ents, 80.0)
        e = ents[0]
        ev = f"the initials of the name {found[0][1]!r}"
        return _single(query, e, 88.0, "initials", self._note(e), ev)

    def _split_only(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """An acronym no entity holds as written, whose capitals are those of exactly one
        entity's acronym written with lower-case letters inserted (COW IGO v3 writes the
        International Coffee Organization's ICO as ``ICfO``): that entity; several make it
        ambiguous (the Factbook's ``IsDB``, ``IDB``)."""
        if not (2 <= len(text) <= 8 and text.isascii() and text.isalpha() and text.isupper()):
            return None
        ents = [e for e in self._split_holders(text) if kinds is None or e.kind in kinds]
        ents = _unique(self._same.get(e.iri, (e, ""))[0] for e in ents)
        if not ents:
            return None
        if len(ents) > 1:
            return _ambiguous(query, ents, 80.0)
        e = ents[0]
        code = next(t for t in e.acronyms if _capitals(t) == text and t != text)
        ev = (f"no entity holds {text!r} as written; {e.label}'s acronym {code!r} "
              "is the same capitals with lower-case letters inserted (a data set's way to tell "
              "apart two bodies that write the same letters), and no other entity's is")
        sup = self._acronym_support(e, code)
        if sup:
            ev += f" ({', '.join(sup)})"
        return _single(query, e, 86.0, "acronym-split", self._note(e), ev)

    def _numbered(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 17: a grouping named by words and a number ("Group of Seven", "the Visegrad
        Four", "Group of 20"): the body that holds, as its acronym, the initials of the words
        and the number in digits (G7, V4, G20 or G-20), when one of its names has the first
        word ("Group", "Visegrad") or the acronym is one of its names. None otherwise."""
        words = text.split()
        if words and folded_form(words[0]) == "the":
            words = words[1:]
        if not 2 <= len(words) <= 5:
            return None
        n = _NUMBER_WORDS.get(folded_form(words[-1])) or (
            words[-1] if words[-1].isdigit() else None)
        content = [w for w in words[:-1] if folded_form(w) not in _STOP_WORDS]
        if n is None or not content or not all(w[:1].isalpha() for w in content):
            return None
        initials = "".join(w[0].upper() for w in content)
        first = folded_form(content[0])
        found: list[Entity] = []
        code = ""
        for c in (f"{initials}{n}", f"{initials}-{n}"):
            for h in self._codes.get(c, ()):
                e = h.entity
                if e.kind not in KIND_GROUPS["organisation"] or (
                        kinds is not None and e.kind not in kinds):
                    continue
                if any(first in ws for ws in _name_words(e)) or c in _all_names(e):
                    found.append(e)
                    code = code or c
        found = _unique(found)
        if len(found) != 1:
            return None
        e = found[0]
        ev = (f"{' '.join(words)!r}: the initials of its words and its number, {code!r}, "
              f"are {e.label}'s acronym")
        return _single(query, e, 90.0, "numbered-acronym", self._note(e), ev)
