"""The names and codes as written: the first reading of every name.

Reads a name the indexes hold: the ambiguous list (never a match), the preferred list, codes
case-sensitively (ISO 3166, registry keys, acronyms the data sets agree on, COW codes, with
their clashes), labels, aliases and extra names exact then folded, codes in another case, the
Vietnamese i/y and English spellings; and the note a historical name carries.
"""

from __future__ import annotations

import re

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, _Name, describe
from ..code_systems import CodeClash
from ..glossary import normal_spelling
from ..normalise import exact_form, folded_form, looks_like_code
from ..succession import STATE_KINDS
from .answers import _ambiguous, _single
from .text import _iy_form, _join, _unique, acronym_support


def _support_text(code: str, e: Entity, support: list[str]) -> str:
    return f"{code!r} is {e.label}'s identifier in {' and '.join(support)}"


def _name_evidence(n: _Name) -> str:
    where = {"label": "registry label", "alias": "registry alias", "key": "registry key",
             "iso-code": "ISO 3166-1 code", "acronym": "acronym", "cow-code": "COW code"}
    lang = f" ({n.lang})" if n.lang else ""
    return f"{where.get(n.method, n.method)}{lang} {n.text!r}"


def _body_of(body: Entity, org: Entity) -> bool:
    """True when ``body``'s English name contains the whole English name of the other
    organisation ``org`` ("Preparatory Commission for the Comprehensive Nuclear Test-Ban Treaty
    Organization" is a body of the "Comprehensive Nuclear-Test-Ban Treaty Organisation").

    >>> a = Entity(key="A", iri="a", kind="organisation", labels={"en": "Alpha Organisation"})
    >>> b = Entity(key="B", iri="b", kind="organisation",
    ...            labels={"en": "Preparatory Commission for the Alpha Organization"})
    >>> _body_of(b, a), _body_of(a, b)
    (True, False)
    """
    def norm(t: str) -> str:
        return folded_form(t).replace("organiz", "organis")

    inner = norm(org.labels.get("en", ""))
    outer = norm(body.labels.get("en", ""))
    return bool(inner) and len(inner) >= 8 and inner in outer and inner != outer


def _with_article(text: str, ents: list[Entity]) -> tuple[Entity, str] | None:
    """The one entity among ``ents`` whose long form carries ``text``'s article: "The Sudan" is
    the Sudan of "Republic of the Sudan" (ISO's "Sudan (the)"), not South Sudan; "the Congo"
    stays ambiguous (the "Republic of the Congo" and the "Democratic Republic of the Congo").

    >>> a = Entity(key="A", iri="a", kind="state", labels={"en": "Republic of the Sudan"})
    >>> b = Entity(key="B", iri="b", kind="state", labels={"en": "Republic of South Sudan"})
    >>> _with_article("The Sudan", [a, b])[0].key
    'A'
    >>> _with_article("Sudan", [a, b]) is None
    True
    """
    m = re.fullmatch(r"(?i)the\s+(.+)", text.strip())
    if not m:
        return None
    rest = folded_form(m.group(1))
    found: list[tuple[Entity, str]] = []
    for e in ents:
        for name in [*e.labels.values(), *(a for a, _ in e.aliases)]:
            f = exact_form(name)
            if re.search(r"\bthe\s*$", f.replace("(", " ").replace(")", " ")) and \
                    folded_form(re.sub(r"\(the\)\s*$", "", f)) == rest:
                found.append((e, name))
                break
            if re.search(r"\bof the ", f) and folded_form(f).endswith("ofthe" + rest):
                found.append((e, name))
                break
    return found[0] if len(found) == 1 else None


class Lookup:
    """The readings of a name as the indexes hold it (:meth:`_match`) and how a find is decided."""

    def _acronym_support(self, e: Entity, code: str) -> list[str]:
        """:func:`acronym_support` with SupraVerden's records of this matcher's reference."""
        return acronym_support(e, code, self.reference.supraverden)

    def _split_holders(self, code: str) -> list[Entity]:
        """Entities whose acronym is ``code`` with lower-case letters inserted (``IsDB`` for
        ``IDB``): code-like acronyms of two or more capitals only."""
        out = []
        for h in self._split_codes.get(code, ()):
            t = h.text
            if t != code and looks_like_code(t) and t[:1].isupper() and len(code) >= 2:
                out.append(h.entity)
        return _unique(out)

    def _match(
        self, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        ex, fo = exact_form(text), folded_form(text)
        if not fo:
            return MatchResult(text, [], False, "no letters or digits in the name")
        unheld = self._unheld.get(fo)
        if unheld is not None:
            return MatchResult(
                text, [], False,
                f"no match: {text!r} names what the registry does not hold ({unheld.evidence})",
            )
        amb = self._ambiguous.get(fo)
        if amb:
            members = [e for e in amb if kinds is None or e.kind in kinds]
            if len(members) == 1:
                return _single(
                    text, members[0], 97.0, "ambiguous-narrowed-by-kind", self._note(members[0]),
                    "the only candidate of the requested type",
                )
            article = _with_article(text, members)
            if article is not None:
                e, name = article
                return _single(
                    text, e, 95.0, "article", self._note(e),
                    f"{text!r} with its article is the name in {e.label}'s long form {name!r} "
                    "and in no other candidate's",
                )
            if members:
                return _ambiguous(text, members, 90.0)
        pref = self._preferred.get(ex)
        if pref is not None and (kinds is None or pref.kind in kinds):
            disputed = self._disputed(text, pref, kinds)
            if disputed is not None:
                return disputed
            sup = self._acronym_support(pref, text)
            ev = _support_text(text, pref, sup) if sup else "the registry's preferred list"
            return MatchResult(
                text, [Candidate(pref, 99.0, True, "preferred", ev)], False,
                _join(ev if sup else "", self._note(pref)),
            )
        # a word with Vietnamese diacritics is no code written in another case ("Mã" is not
        # MA); the Vietnamese i/y of a final syllable are one sound ("Thụy Sỹ" = "Thụy Sĩ")
        plain = all(c.isascii() for c in text if c.isalpha())
        clash = self._clashes.get(text.upper()) if plain and (
            text.isupper() or text.islower()) else None
        if clash is not None:
            return self._code_clash(text, clash, kinds)
        for index, form, base, folded in (
            (self._codes, text, 100.0, False),
            (self._exact, ex, 100.0, False),
            (self._folded, fo, 96.0, True),
            (self._codes_ci, fo if plain else "", 92.0, True),
            (self._iy_folded, None, 94.0, True),
        ):
            if form is None:
                form = _iy_form(text)
            hits = index.get(form) if form else None
            if not hits:
                continue
            place = self._place_names.get(fo) if not text.isupper() else None
            if place is not None:
                # round 11: a country's or territory's name written as a word ("Guam") is not
                # the acronym a body holds ("GUAM")
                acr = [h for h in hits if h.text.isupper() and h.entity.kind not in STATE_KINDS]
                hits = [h for h in hits if not any(h is a for a in acr)]
                if acr and not hits:
                    return MatchResult(
                        text, [Candidate(acr[0].entity, 60.0, False, "acronym")], False,
                        f"no match: {text!r} is the name of {place} (ISO 3166, in the data "
                        f"set owid-countries-regions), not the acronym {acr[0].text!r} of "
                        f"{describe(acr[0].entity)}")
                if not hits:
                    continue
            r = self._decide(text, hits, kinds, lang, base, folded)
            if r is not None:
                return r
        if plain:
            # one English spelling ("Organisation of American States")
            sp = folded_form(normal_spelling(text))
            hits = [*self._spelled.get(sp, ()), *(self._folded.get(sp, ()) if sp != fo else ())]
            if hits:
                return self._decide(text, hits, kinds, lang, 94.0, True)
        return None

    def _code_clash(
        self, text: str, clash: CodeClash, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A three-letter code ISO gives to one state and COW or Gleditsch-Ward to another
        (round 10): ambiguous, the ISO state first; the ``kind`` hint may leave one."""
        ents = [e for e in clash.entities if kinds is None or e.kind in kinds]
        if not ents:
            return None
        if len(ents) == 1:
            return _single(text, ents[0], 97.0, "ambiguous-narrowed-by-kind",
                           self._note(ents[0]), clash.evidence)
        r = _ambiguous(text, ents, 90.0)
        cands = [Candidate(c.entity, c.score, False, "code-systems", clash.evidence)
                 for c in r.candidates]
        return MatchResult(
            text, cands, True,
            f"{r.note} (the code names different states in two code systems: "
            f"{clash.evidence}; the reconciliation properties iso3166Alpha3 and cowAbbrev "
            "say which system is meant)",
        )

    def _disputed(
        self, code: str, pref: Entity, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A preferred acronym of an organisation that another organisation carries as its own
        identifier in as many data sets (``IOC``: internacia's Olympic Committee, SupraVerden's
        International Olive Council): the data sets do not agree, so the name is ambiguous,
        the preferred entity ranked first (more data sets for the preferred entity are the
        acronym's dominant meaning: ``ICC``, the Criminal Court in COW IGO v3 and SupraVerden,
        the Cricket Council in internacia). None when no data set disputes the preference (a
        state's ISO code is another kind of identifier: ``NAM``; a body of the organisation
        named after it is no rival: ``CTBTO``; nor is another record of the same body)."""
        org_kinds = KIND_GROUPS["organisation"]
        if pref.kind not in org_kinds:
            return None
        head = self._same.get(pref.iri, (pref, ""))[0]
        own = self._acronym_support(pref, code)
        rivals: dict[int, tuple[Entity, list[str]]] = {}
        for h in self._codes.get(code, ()):
            e = h.entity
            if (e is pref or e.kind not in org_kinds or e.confidence == "conflicting"
                    or self._same.get(e.iri, (e, ""))[0] is head or _body_of(e, pref)):
                continue
            sup = self._acronym_support(e, code)
            # a rival disputes the preference when as many data sets back it: more data sets
            # giving the acronym to the preferred entity are its dominant meaning
            if sup and len(sup) >= len(own):
                rivals[id(e)] = (e, sup)
        if not rivals:
            return None
        holders = [h.entity for h in self._codes.get(code, ())]
        ents = _unique([pref, *(e for e, _ in rivals.values()), *holders,
                        *self._split_holders(code)])
        ents = [e for e in ents if (kinds is None or e.kind in kinds)
                and e.kind in org_kinds and not _body_of(e, pref)]
        r = _ambiguous(code, ents, 90.0)
        why = "; ".join(_support_text(code, e, sup) for e, sup in rivals.values())
        mine = _support_text(code, pref, own) if own else f"{pref.label} is the preferred entity"
        return MatchResult(
            code, r.candidates, True,
            f"{r.note} (the data sets do not agree: {mine}; {why}; ranked first by the "
            "registry's preferred list)",
        )

    def _decide(
        self,
        text: str,
        hits: list[_Name],
        kinds: frozenset[str] | None,
        lang: str | None,
        base: float,
        folded: bool,
    ) -> MatchResult | None:
        hits = [h for h in hits if kinds is None or h.entity.kind in kinds]
        if not hits:
            return None
        best_rank = min(h.rank for h in hits)
        top = [h for h in hits if h.rank == best_rank]
        ents = _unique(h.entity for h in top)
        if len(ents) == 1 and top[0].method == "key" and all(
            h.method in ("key", "iso-code") for h in top
        ):
            # a registry key is the acronym the entity happened to get first (a clash gets
            # "-org"): it is not evidence against another entity carrying the same acronym as
            # its own identifier in as many data sets (ECA: the Economic Commission for Africa
            # and the European Court of Auditors, both SupraVerden's abbreviation)
            rivals = _unique(h.entity for h in hits if h.entity is not ents[0]
                             and h.method in ("acronym", "key"))
            # (an entity whose data sets give conflicting QIDs may merge two bodies: its
            # identifiers are no evidence, unless more data sets give it the acronym than give
            # it to the key's entity: the QIDs disagree, the names do not; ITC, the Trade
            # Centre in SupraVerden and internacia, the Tin Council in COW IGO v3)
            own = len(self._acronym_support(ents[0], text))
            rivals = [r for r in rivals if r.confidence != "conflicting"
                      or len(self._acronym_support(r, text)) > max(1, own)]
            # (a body named after the organisation, "ECO Trade and Development Bank", carries
            # the organisation's acronym in a data set by confusion: no rival either)
            # (round 11: a state's code is no organisation's name: "CAF - Development Bank of
            # Latin America" holds CAF as its own acronym, not after the Central African
            # Republic)
            rivals = [r for r in rivals if ents[0].kind in STATE_KINDS
                      or not any(text in t.split() and t.strip() != text
                                 for t in r.labels.values())]
            # (nor is a body of the organisation named after it: the CTBTO's Preparatory
            # Commission)
            rivals = [r for r in rivals if not _body_of(r, ents[0])]
            # a rival that carries the acronym in a data set at all (internacia's acronyms
            # list, SupraVerden's abbreviation) when the key's entity is not backed by two data
            # sets, or a rival backed by a data set's identifier: the data sets do not agree
            if rivals and (own < 2 or any(self._acronym_support(r, text) for r in rivals)):
                ents = [ents[0], *rivals]
                top = [h for h in hits if h.entity in ents]
        if len(ents) > 1 and not all(h.method in ("iso-code", "acronym", "cow-code", "key")
                                     for h in top):
            # round 15: a name two records hold, one of them a record whose data sets give
            # conflicting QIDs (it may merge two bodies: the OPEC Fund's record carries OPEC's
            # "Organisation of the Petroleum Exporting Countries"): the clean record is the
            # name's, as for acronyms
            clean = [e for e in ents if e.confidence != "conflicting"]
            if len(clean) == 1:
                ents = clean
                top = [h for h in top if h.entity is clean[0]]
        if len(ents) > 1 and lang:
            in_lang = _unique(h.entity for h in top if h.lang == lang)
            if len(in_lang) == 1:
                ents = in_lang
        if len(ents) > 1 and kinds is None:
            # a current state beats a historical one and an organisation beats a forum only
            # when the tie is between different kinds (ISO "NAM" vs the movement is in the
            # preferred list; nothing is guessed here)
            pass
        code_hit = all(h.method in ("iso-code", "acronym", "cow-code", "key") for h in top)
        if code_hit and len(ents) == 1 and ents[0].kind not in STATE_KINDS:
            # round 10: a state's COW or G-W abbreviation that a body holds as its acronym or
            # key (ALG: Algeria in COW, the Liptako-Gourma Authority): ambiguous, the state
            # first, as a state's ISO code a body holds (round 9)
            states = _unique(h.entity for h in hits if h.method == "cow-code"
                             and h.entity.kind in STATE_KINDS)
            if states:
                r = _ambiguous(text, [*states, *ents], base - 10)
                return MatchResult(
                    text, r.candidates, True,
                    f"{r.note} (the COW/Gleditsch-Ward abbreviation of "
                    + ", ".join(e.label for e in states) + " and an organisation's "
                    "acronym)")
        if len(ents) > 1 and code_hit:
            # an acronym the data sets agree on: one entity carries it as its own identifier
            # in two or more data sets and no other candidate in any (a split of one acronym
            # into two, as the CIA World Factbook writes WTrO/WToO, is a convention, not
            # evidence of ambiguity)
            support = {id(e): self._acronym_support(e, text) for e in ents}
            backed = [e for e in ents if support[id(e)]]
            if len(backed) == 1 and len(support[id(backed[0])]) >= 2:
                e = backed[0]
                ev = _support_text(text, e, support[id(e)])
                cands = [Candidate(e, base - 3, True, "acronym-evidence", ev)]
                cands += [
                    Candidate(o, max(0.0, base - 30), False, "acronym", "") for o in ents
                    if o is not e
                ]
                return MatchResult(text, cands, False, _join(ev, self._note(e)))
        if len(ents) > 1:
            # every entity the name can denote, not only those of the best tier: the other
            # holders of the name, then (for an acronym) the entities whose acronym is this one
            # with lower-case letters inserted (IsDB, AfDB: the Factbook's way to tell apart
            # two bodies that both write IDB, ADB)
            more = [h.entity for h in hits if h.rank > best_rank]
            if code_hit:
                more += self._split_holders(text)
            return _ambiguous(text, _unique([*ents, *more]), base - 10 - 2 * best_rank)
        e = ents[0]
        first = next(h for h in top if h.entity is e)
        method = first.method
        if folded:
            method += "-folded" if not method.endswith("-folded") else ""
        score = base - 2 * best_rank
        evidence = first.evidence or _name_evidence(first)
        if code_hit:
            sup = self._acronym_support(e, text)
            if sup:
                evidence = _support_text(text, e, sup)
        others = _unique(h.entity for h in hits if h.entity is not e)
        cands = [Candidate(e, score, True, method, evidence)]
        cands += [Candidate(o, max(0.0, score - 20), False, method) for o in others]
        return MatchResult(text, cands, False, self._note(e))

    def _note(self, e: Entity) -> str:
        if e.key in self._historical_notes:
            return self._historical_notes[e.key]
        if e.kind == "historical-state":
            span = "–".join(x for x in (e.existed_from, e.existed_until) if x)
            succ = self.registry.get(e.succeeded_by) if e.succeeded_by else None
            tail = f", succeeded by {succ.label} ({succ.key})" if succ else ""
            return f"historical state{f' ({span})' if span else ''}{tail}"
        return ""
