"""Offices and bodies of organisations described by place or field (round 22).

Reads ``the UNHCR office in Amman``, ``văn phòng FAO tại Hà Nội`` (no match: an office is not
the body), ``the UN rights office``, ``cơ quan thương mại của LHQ`` (the UN's body of that
field, after every other reading) and, round 25, any other organisation's body by its field
(``the EU's space agency``, ``tòa án của khối ECOWAS``: a body whose own name says it is that
organisation's).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Collection

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..features import supraverden_of
from ..glossary import content_words, singular_form
from ..normalise import folded_form, looks_like_code
from ..succession import STATE_KINDS
from .answers import _ambiguous, _single
from .text import _SEAT_GENERIC, _first_fullmatch, _folded_words_of, _unique

#: round 22: a body's office in a place (``Matcher._local_office``)
_OFFICE_FRAMES = (
    re.compile(r"(?:the\s+)?(?P<body>\S.*?)(?:'s|’s)?\s+(?:country\s+|field\s+|liaison\s+"
               r"|local\s+|regional\s+|representative\s+)?office\s+(?:in|at|for)\s+(?P<place>\S.*)",
               re.IGNORECASE),
    re.compile(r"(?:văn\s+phòng|van\s+phong)\s+(?:đại\s+diện\s+|dai\s+dien\s+|quốc\s+gia\s+"
               r"|quoc\s+gia\s+)?(?:của\s+|cua\s+)?(?P<body>\S.*?)\s+(?:tại|ở|tai|o)\s+"
               r"(?P<place>\S.*)", re.IGNORECASE),
)


#: session 26: SupraVerden's family of the UN's bodies, whose country or regional offices
#: convention F reads as the agency (``Matcher._local_office``)
_UN_FAMILY = "UN and affiliates"


#: round 22: a UN body described by its field (``Matcher._un_body``)
_UN_BODY_EN = re.compile(
    r"(?:the\s+)?(?:UN|U\.N\.|United\s+Nations)(?:'s|’s)?\s+(?P<field>\S.*?)\s+"
    r"(?P<head>agency|body|office|organi[sz]ation|entity)")


_UN_BODY_VI = re.compile(
    r"(?P<head>cơ\s+quan|tổ\s+chức|văn\s+phòng|co\s+quan|to\s+chuc|van\s+phong)\s+"
    r"(?P<field>\S.*?)\s+(?:của\s+|cua\s+)?(?:LHQ|Liên\s+[Hh]ợp\s+[Qq]uốc"
    r"|Lien\s+[Hh]op\s+[Qq]uoc)", re.IGNORECASE)


#: round 22: the head words of a UN body's description (folded) -> the head words its name
#: must hold (an agency is an agency, a programme, a fund, an entity, an office or an
#: organisation, not a council, a commission, a panel or a secretariat, which a generic
#: description leaves ambiguous with the bodies that serve them; "body" is read as an agency
#: or a conference; "cơ quan" as "agency", "văn phòng" as "office", "tổ chức" as
#: "organisation")
_AGENCY_HEADS = frozenset({"agency", "programme", "program", "fund", "entity", "organization",
                           "organisation", "office"})


_UN_HEADS: dict[str, frozenset[str]] = {
    "body": _AGENCY_HEADS | {"conference"}, "agency": _AGENCY_HEADS,
    "entity": frozenset({"entity"}),
    "office": frozenset({"office"}), "organisation": frozenset({"organization", "organisation"}),
    "organization": frozenset({"organization", "organisation"}),
    "co quan": _AGENCY_HEADS, "van phong": frozenset({"office"}),
    "to chuc": frozenset({"organization", "organisation"}),
}


#: round 25: another organisation's body described by its field (``Matcher._field_body``):
#: "the EU's space agency", "the ECOWAS court", "the space agency of the EU"
_FIELD_BODY_EN = (
    re.compile(r"(?:the\s+)?(?P<org>\S.*?)(?:'s|’s)\s+(?P<desc>\S.*)", re.IGNORECASE),
    re.compile(r"(?:the\s+)?(?P<org>[A-Z][A-Za-z]*[A-Z])\s+(?P<desc>[a-z].*)"),
    re.compile(r"(?:the\s+)?(?P<desc>[a-z]\S*(?:\s+[a-z]\S*)*)\s+of\s+(?:the\s+)?(?P<org>\S.*)"),
)


#: "cơ quan vũ trụ của EU", "tòa án của khối ECOWAS", "ngân hàng thuộc Liên minh châu Phi"
_FIELD_BODY_VI = re.compile(
    r"(?P<desc>\S.*?)\s+(?:của|thuộc|cua|thuoc)\s+(?:(?P<bloc>khối|khoi)\s+|(?P<pre>tổ\s+chức"
    r"|to\s+chuc|liên\s+minh|lien\s+minh)\s+)?(?P<org>\S.*)", re.IGNORECASE)


#: the generic heads of a description (singular, as the glossary reads "cơ quan", "văn phòng",
#: "tổ chức"), which say only that it is a body: the name must then hold one of
#: ``_FIELD_HEADS``; every other word of the description must be in the body's name
_GENERIC_HEADS = frozenset({"agency", "body", "office", "organization", "organisation",
                            "entity", "authority", "service", "institution"})
_FIELD_HEADS = frozenset({"agency", "authority", "office", "organization", "organisation",
                          "entity", "programme", "program", "fund"})


#: the generic words of an organisation's own name ("Union" of the African Union), left out
#: to find the place or people word a body's name may say it by
_ORG_GENERIC = frozenset({"union", "community", "league", "organisation", "organization",
                          "association", "council", "commission", "state", "nation",
                          "cooperation", "economic", "common", "market", "group", "forum",
                          "conference", "country", "monetary", "customs", "free", "trade",
                          "area", "bloc", "development", "integration", "system", "treaty"})


#: the kinds of body a description may name with no field ("the bloc's bank")
_BODY_KINDS = frozenset({"bank", "fund", "court", "tribunal", "parliament", "assembly",
                         "council", "commission", "committee", "centre", "center", "institute",
                         "secretariat", "forum", "parliamentary"})


def _holds(word: str, words: set[str]) -> bool:
    """Round 25: ``words`` hold ``word`` as it is or as its adjective in "-al" ("education":
    "educational", "culture": "cultural"), or the other way round."""
    if word in words:
        return True
    return any(v.endswith("al") and len(v) > 6 and word.startswith(v[:-2])
               or word.endswith("al") and len(word) > 6 and v.startswith(word[:-2])
               for v in words)



def _field_names(e: Entity) -> list[tuple[str, frozenset[str]]]:
    """Session 19: the English label and aliases of ``e`` (no code) with their content words
    in the singular, made once per entity (``_field_body`` reads them of every organisation
    for every name it reads; shared, never changed)."""
    out = _FIELD_NAMES.get(e)
    if out is None:
        names = [e.labels.get("en", ""),
                 *(t for t, lg in e.aliases if lg in (None, "en") and not looks_like_code(t))]
        out = _FIELD_NAMES[e] = [(n, frozenset(singular_form(w) for w in content_words(n)))
                                 for n in names if n]
    return out


#: :func:`_field_names` of each entity while the entity lives
_FIELD_NAMES: weakref.WeakKeyDictionary[Entity, list[tuple[str, frozenset[str]]]] = (
    weakref.WeakKeyDictionary())


def _hyphened(text: str) -> frozenset[str]:
    """Round 40: the words of ``text`` joined by hyphens, lower case ("ibero-american")."""
    return frozenset(t.lower() for t in text.replace(",", " ").split() if "-" in t)


def _plain_words(text: str, allowed: frozenset[str]) -> frozenset[str]:
    """Round 40: the content words of an English name, singular, but those only inside a
    hyphened word ``allowed`` lacks: "American" of the "Ibero-American General Secretariat"
    is no place word of the Organization of American States' ("Inter-American" is:
    :data:`_AMONG_PREFIXES`)."""
    return frozenset(singular_form(w) for t in text.replace(",", " ").split()
                     if "-" not in t or t.lower() in allowed
                     or t.lower().split("-", 1)[0] in _AMONG_PREFIXES for w in content_words(t))


#: round 40: the first parts of a hyphened word that keep its place word the organisation's
#: ("Inter-American" and "Pan-American" are the Organization of American States' word;
#: "Ibero-American" is not)
_AMONG_PREFIXES = frozenset({"inter", "pan"})


def _word_seq(text: str) -> list[str]:
    """Round 27: the content words of an English name in their order, singular."""
    return [singular_form(w) for t in text.replace("-", " ").split()
            for w in content_words(t)]


def _in_a_row(words: list[str], name: list[str]) -> bool:
    """Round 27: whether ``words`` stand in ``name`` in a row."""
    n = len(words)
    return n > 0 and any(name[i:i + n] == words for i in range(len(name) - n + 1))

class Offices:
    """Readings of an organisation's offices and of UN bodies by field."""

    def _local_office(self, query: str, text: str, lang: str | None) -> MatchResult | None:
        """Round 22: an organisation's office in a place ("the UNHCR office in Amman", "the
        WHO country office in Viet Nam", "văn phòng FAO tại Hà Nội"): under the lists'
        conventions an office of a body in a country or city is no record of the registry and
        not the body: no match, the body named in the note. None when the words before
        "office" are no organisation's name or the place is neither a seat city nor a state."""
        if len(text) > 120:
            return None
        m = _first_fullmatch(_OFFICE_FRAMES, text)
        if m is None:
            return None
        body, place = m.group("body").strip(), m.group("place").strip()
        if not body or not place:
            return None
        org_kinds = KIND_GROUPS["organisation"]
        r = self._match(body, org_kinds, lang)
        if r is None or r.best is None or not r.best.match or r.ambiguous:
            return None
        in_place = folded_form(place) in self._seat_cities()
        if not in_place:
            p = self._match(place, STATE_KINDS, lang)
            in_place = p is not None and (p.ambiguous or (p.best is not None and p.best.match))
        if not in_place:
            return None
        e = r.best.entity
        family = self._family_of_bodies(e)
        if family == _UN_FAMILY and family.split()[0] not in e.acronyms:
            # session 26 (convention F, the lead): a UN agency's country or regional office
            # is the agency ("the UNICEF office in Kabul", "Văn phòng WHO tại Hà Nội"); the
            # UN's own office in a city (Geneva's, Nairobi's) is a body of its own the
            # registry does not hold, and every other organisation's office stays no match
            return _single(query, e, 85.0, "agency-office", self._note(e),
                           f"{text!r} names the office of {describe(e)} in {place!r}, a "
                           "body of SupraVerden's UN family: the agency (convention F)")
        return MatchResult(
            query, [Candidate(e, 60.0, False, "local-office", r.best.evidence)], False,
            f"no match: {text!r} names an office of {describe(e)} in {place!r}, not the body "
            "itself (the lists' conventions: a body's country or field office is no match)")

    def _un_body(self, query: str, text: str,
                 kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 22: a UN body described by its field ("the UN rights office", "the UN trade
        and development body", "cơ quan dân số của LHQ"): the field's words (English, or the
        Vietnamese read with the glossary) with a generic head (agency, body, office ...; "cơ
        quan", "tổ chức", "văn phòng"), and "UN" / "LHQ": the bodies whose own English names
        say they are the United Nations' ("United Nations ...", "UN ...") and hold every word
        of the field. One: a match; several: ambiguous; none: None (a UN body whose name does
        not say it, the WMO or the ICAO, is not found this way)."""
        org_kinds = KIND_GROUPS["organisation"]
        if (kinds is not None and not kinds & org_kinds) or len(text) > 100:
            return None
        m = _UN_BODY_EN.fullmatch(text)
        if m is not None:
            readings = [frozenset(content_words(m.group("field")))]
        else:
            m = _UN_BODY_VI.fullmatch(text)
            if m is None:
                return None
            readings = [frozenset(r) for r in
                        self._calques.glossary.phrase_readings(m.group("field"))]
        heads = _UN_HEADS[" ".join(_folded_words_of(m.group("head")))]
        readings = [frozenset(singular_form(w) for w in r - _SEAT_GENERIC) for r in readings]
        readings = [r for r in readings if r]
        if not readings or len(readings) > 64:
            return None
        found = []
        for e in self.registry.entities:
            if e.kind not in org_kinds or e.confidence == "conflicting" or (
                    kinds is not None and e.kind not in kinds):
                continue
            names = [e.labels.get("en", ""),
                     *(t for t, lg in e.aliases if lg in (None, "en") and not looks_like_code(t))]
            for n in names:
                words = {singular_form(w) for w in content_words(n)}
                un = {"united", "nation"} <= words or n.startswith("UN ")
                if un and words & heads and any(r <= words for r in readings):
                    found.append(self._same.get(e.iri, (e, ""))[0])
                    break
        found = _unique(found)
        if not found:
            return None
        fields = " | ".join(" + ".join(sorted(r)) for r in readings[:4])
        ev = (f"a UN body by its field ({fields}): the bodies whose English names say they "
              "are the United Nations' and hold those words")
        if len(found) > 1:
            amb = _ambiguous(query, found, 80.0)
            return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        e = found[0]
        return _single(query, e, 85.0, "un-body-by-field", self._note(e), f"{ev}: {e.label!r}")

    def _field_orgs_saying(self, words: Collection[str],
                           codes: Collection[str]) -> list[Entity]:
        """Session 26: of the organisations :meth:`_field_body` reads (not in conflict, in the
        registry's order), those that may hold a name saying whose body they are: a name
        (:func:`_field_names`) with one of ``words`` (the rarest is taken: a name holding all
        of them, as the reading asks, holds it) among its words, or one of ``codes`` among its
        tokens (its text split at commas and spaces, as the reading splits it). No ``words``:
        by the codes alone. From an index of each word's and each token's organisations, made
        once; an organisation none of whose names passes these tests is one the reading skips
        (``tests/linking/test_matcher_speed.py`` checks the reading's outcome against the full
        scan)."""
        made = self.__dict__.get("_field_index")
        if made is None:
            org_kinds = KIND_GROUPS["organisation"]
            orgs = self.__dict__["_field_orgs"] = [
                e for e in self.registry.entities
                if e.kind in org_kinds and e.confidence != "conflicting"]
            by_word: dict[str, list[Entity]] = {}
            by_token: dict[str, list[Entity]] = {}
            for e in orgs:
                for n, ws in _field_names(e):
                    for index, keys in ((by_word, ws), (by_token, n.replace(",", " ").split())):
                        for k in keys:
                            held = index.setdefault(k, [])
                            if not held or held[-1] is not e:
                                held.append(e)
            place = {id(e): i for i, e in enumerate(orgs)}
            made = self.__dict__["_field_index"] = (orgs, place, by_word, by_token)
        orgs, place, by_word, by_token = made
        found: dict[int, Entity] = {}
        if words:
            rarest = min(sorted(words), key=lambda w: len(by_word.get(w, ())))
            found.update((id(e), e) for e in by_word.get(rarest, ()))
        for code in codes:
            found.update((id(e), e) for e in by_token.get(code, ()))
        return sorted(found.values(), key=lambda e: place[id(e)])

    def _field_body(self, query: str, text: str,
                    kinds: frozenset[str] | None, lang: str | None) -> MatchResult | None:
        """Round 25: an organisation's body described by its field ("the EU's space agency",
        "the ECOWAS court", "cơ quan vũ trụ của EU", "tòa án của khối ECOWAS"): the words before
        (English) or after (Vietnamese, "của" / "thuộc", with or without "khối") name one
        organisation, the rest describe the body (English words, or the Vietnamese read with the
        glossary): the bodies whose own English names say they are that organisation's (all the
        words of its English label, or one of its acronyms) and hold every word of the
        description (a generic head, "agency", "cơ quan", asks for one of the heads of
        ``_FIELD_HEADS``). One: a match; several: ambiguous; none: None (a body whose name does
        not say whose it is, the European Court of Auditors, is not found this way). The UN's
        bodies are round 22's reading (``_un_body``)."""
        org_kinds = KIND_GROUPS["organisation"]
        if (kinds is not None and not kinds & org_kinds) or len(text) > 100:
            return None
        by_role = self._organ_by_role(query, text)
        if by_role is not None:
            return by_role
        m = None
        if text.isascii() or "’" in text:
            m = _first_fullmatch(_FIELD_BODY_EN, text)
        vi = m is None
        if vi:
            m = _FIELD_BODY_VI.fullmatch(text)
        if m is None:
            return None
        org_text, desc = m.group("org").strip(), m.group("desc").strip()
        r = self._match(org_text, org_kinds, lang)
        if vi and m.group("pre") and (r is None or r.best is None):
            # round 26: the organisation's own name with its head word ("Liên minh châu
            # Phi", the African Union), read as written without a fuzzy step
            whole = self.match(f"{m.group('pre')} {org_text}", kind=org_kinds, lang=lang)
            if (whole.best is not None and whole.best.match and not whole.ambiguous
                    and whole.best.method != "fuzzy"):
                r = whole
        if vi and m.group("bloc") and (r is None or r.best is None):
            # a bloc named by its people or faith, no organisation's name ("của khối Ả Rập")
            return self._bloc_body(query, desc, org_text, kinds)
        if r is None or r.best is None or not r.best.match or r.ambiguous:
            return None
        owner = self._same.get(r.best.entity.iri, (r.best.entity, ""))[0]
        if owner.key in ("UN", "UNO") or "united nations" in owner.label.lower():
            return None
        if vi:
            if desc.isascii() and not any(c.isspace() for c in desc):
                return None
            readings = [frozenset(x) for x in self._calques.glossary.phrase_readings(desc)]
        else:
            readings = [frozenset(content_words(desc))]
        readings = [frozenset(singular_form(w) for w in x) for x in readings]
        readings = [x for x in readings if x - _GENERIC_HEADS]
        if not readings or len(readings) > 64:
            return None
        if any(all(_holds(w, words) for w in x - _GENERIC_HEADS)
               for _n, words in _field_names(owner) for x in readings):
            # round 37: the organisation's own field after its name ("the BEAC central bank":
            # the Bank of the Central African States, whose name holds "central" and "bank"):
            # the organisation itself, not a body of it
            return _single(query, owner, 84.0, "body-by-field", self._note(owner),
                           f"{org_text!r} with {desc!r}, words of its own English name: "
                           f"{describe(owner)} itself")
        own_words = {singular_form(w) for w in content_words(owner.labels.get("en", ""))}
        own_codes = {a for a in owner.acronyms if len(a) >= 2}
        # round 27: the organisation's name says whose a body is with its words in a row ("the
        # African Parliamentary Union" holds "African" and "Union" apart: no body of the AU)
        own_seq = _word_seq(owner.labels.get("en", ""))
        if not own_words and not own_codes:
            return None
        # a name that says whose the body is by the organisation's place or people word
        # alone ("African" of the African Union: the African Space Agency), read only when no
        # name says it whole and one body alone has those words and the field's, and only of
        # a body founded when the organisation was
        # (a body older than the organisation is no body of it: the European Space Agency,
        # 1975, for the EU, 1993)
        own_place = own_words - _ORG_GENERIC
        own_hyphened = _hyphened(owner.labels.get("en", ""))
        own_year = self._founded_year(owner)
        found: list[Entity] = []
        by_place: list[Entity] = []
        # (session 19: the organisations not in conflict listed once, in the registry's order;
        # session 26: only those one of whose names may say whose it is, from an index)
        for e in self._field_orgs_saying(own_place or (own_words if len(own_words) > 1
                                                       else frozenset()), own_codes):
            if e is owner or (kinds is not None and e.kind not in kinds):
                continue
            for n, words in _field_names(e):
                says = (len(own_words) > 1 and own_words <= words
                        and _in_a_row(own_seq, _word_seq(n))
                        and not any(x != _word_seq(n) and _in_a_row(x, _word_seq(n))
                                    for x in self._longer_names(owner, own_seq))) or bool(
                    own_codes & set(n.replace(",", " ").split()))
                if not says and not (own_place and own_place <= words
                                     and own_place <= _plain_words(n, own_hyphened)):
                    continue
                if any(all(_holds(w, words) for w in x - _GENERIC_HEADS)
                       and (not x & _GENERIC_HEADS or words & _FIELD_HEADS) for x in readings):
                    (found if says else by_place).append(self._same.get(e.iri, (e, ""))[0])
                    break
        found = [e for e in _unique(found) if e is not owner]
        how = f"say they are {owner.label}'s"
        placed = [e for e in _unique(by_place) if e is not owner]
        family = self._family_of_bodies(owner)
        if family is not None:
            # round 26: a body SupraVerden gives another organisation's family of bodies is
            # none of this one's ("the AU's civil aviation body" is not the East African
            # Community's aviation agency)
            placed = [e for e in placed if self._family_of_bodies(e) in (None, family)]
        if not found and own_year is not None and len(placed) == 1:
            # (one body alone: several of the place's bodies with the field's words, "the EU
            # environment agency", are left to the later readings)
            found = [e for e in placed
                     if (y := self._founded_year(e)) is not None and y >= own_year]
            how = (f"hold {' '.join(sorted(own_place))!r} of {owner.label!r}, founded in or "
                   f"after its year {own_year}")
        if not found and placed:
            # round 26: of those bodies, the one SupraVerden gives the organisation's own family
            # of bodies ("EU institutions and bodies": the European Court of Auditors, 1977, and
            # the European Investment Bank, 1958, are the EU's; "African Union entities")
            kin = [e for e in placed if family is not None and self._family_of_bodies(e) == family]
            if len(kin) == 1:
                found = kin
                how = (f"hold {' '.join(sorted(own_place))!r} of {owner.label!r}, in its "
                       f"family of bodies in SupraVerden ({family!r})")
        if not found:
            return None
        fields = " | ".join(" + ".join(sorted(x)) for x in readings[:4])
        ev = (f"a body of {describe(owner)} by its field ({fields}): the bodies whose English "
              f"names {how} and hold those words (or their adjectives in -al)")
        if len(found) > 1:
            amb = _ambiguous(query, found, 80.0)
            return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        e = found[0]
        return _single(query, e, 85.0, "body-by-field", self._note(e), f"{ev}: {e.label!r}")

    def _organ_by_role(self, query: str, text: str) -> MatchResult | None:
        """Round 30: an organ named by its role before or after its organisation's name
        ("the EU legislature", "the euro area's rate-setter", "the EU markets watchdog",
        "cơ quan hành pháp của EU", "câu lạc bộ các nước giàu OECD"): the words split in two,
        one an owner's name and the other a role of the table ``organ_roles.yaml`` (exactly,
        folded), with "'s", "of the", "của" or "thuộc" between them. The organ the table
        names (the organisation itself under convention F). None otherwise."""
        if not self._organ_roles or len(text) > 90:
            return None
        words = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).split()
        if len(words) < 2:
            return None
        if len(words) > 2 and words[-1].isupper():
            # an acronym of the organ after the description ("cơ quan giám sát thị trường
            # chứng khoán EU ESMA"): the organ the rest names must hold it
            before = self._organ_by_role(query, " ".join(words[:-1]))
            if before is not None and before.best is not None and (
                    words[-1] in before.best.entity.acronyms
                    or words[-1] == before.best.entity.key):
                return before
        for i in range(1, len(words)):
            first, second = " ".join(words[:i]), " ".join(words[i:])
            # (the owner first: "the EU's executive"; the role first: "the executive of the
            # EU", "cơ quan hành pháp của EU")
            owner = re.sub(r"(?:'s|’s|')$", "", first)
            role_after = re.sub(r"^(?:of\s+)?(?:the\s+)?", "", second, flags=re.IGNORECASE)
            role = re.sub(r"\s+(?:of(?:\s+the)?|của|thuộc|cua|thuoc)$", "", first,
                          flags=re.IGNORECASE)
            for o, r in ((owner, second), (role_after, role)):
                got = self._organ_roles.get((folded_form(o), folded_form(r)))
                if got is None:
                    continue
                organ, holder, source = got
                how = ("the organisation itself (convention F: the registry holds no record of "
                       "that organ)" if organ is holder else describe(organ))
                return _single(query, organ, 86.0, "organ-by-role", self._note(organ),
                               f"{r!r} of {o!r} ({describe(holder)}), the role "
                               f"organ_roles.yaml gives {how}: {source}")
        return None

    def _longer_names(self, owner: Entity, own_seq: list[str]) -> list[list[str]]:
        """Round 30: the English labels of the other organisations that hold ``owner``'s
        label in a row and more words ("Western European Union" beside "European Union"): a
        body whose name holds one of them is that organisation's, not ``owner``'s ("Assembly
        of the Western European Union" is no body of the EU). Made once per organisation."""
        cache = self.__dict__.setdefault("_longer_names_cache", {})
        got = cache.get(owner.iri)
        if got is None:
            got = []
            for x in self.registry.entities:
                if x is owner or x.kind not in KIND_GROUPS["organisation"]:
                    continue
                seq = _word_seq(x.labels.get("en", ""))
                if len(seq) > len(own_seq) and _in_a_row(own_seq, seq):
                    got.append(seq)
            cache[owner.iri] = got
        return got

    def _bloc_body(self, query: str, desc: str, bloc: str,
                   kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 25: a body of a bloc named by its people, faith or region rather than by an
        organisation ("quỹ tiền tệ của khối Ả Rập": the Arab Monetary Fund; "ngân hàng phát
        triển của khối Hồi giáo": the Islamic Development Bank): the one body whose English
        name holds the bloc's words (read with the glossary) and the description's, no
        generic head alone. Several or none: None."""
        glossary = self._calques.glossary
        places = [frozenset(singular_form(w) for w in x)
                  for x in glossary.phrase_readings(bloc)[:16]]
        fields = [frozenset(singular_form(w) for w in x) - _GENERIC_HEADS
                  for x in glossary.phrase_readings(desc)[:32]]
        places = [p for p in places if p]
        # (a field beyond the kind of body: "ngân hàng" alone, a bank, names no field)
        fields = [f for f in fields if f - _BODY_KINDS]
        if not places or not fields:
            return None
        org_kinds = KIND_GROUPS["organisation"]
        found: list[Entity] = []
        for e in self.registry.entities:
            if e.kind not in org_kinds or e.confidence == "conflicting" or (
                    kinds is not None and e.kind not in kinds):
                continue
            words = {singular_form(w) for w in content_words(e.labels.get("en", ""))}
            if any(p <= words for p in places) and any(
                    all(_holds(w, words) for w in f) for f in fields):
                found.append(self._same.get(e.iri, (e, ""))[0])
        found = _unique(found)
        if len(found) != 1:
            return None
        e = found[0]
        read = " | ".join(" + ".join(sorted(p)) for p in places[:3])
        ev = (f"a body of the bloc {bloc!r} ({read}) by its field {desc!r}: the one body "
              "whose English name holds both")
        return _single(query, e, 82.0, "body-by-field", self._note(e), f"{ev}: {e.label!r}")

    def _family_of_bodies(self, e: Entity) -> str | None:
        """Round 26: SupraVerden's family of bodies of ``e`` (``Org_family``), when its
        records give one alone."""
        fams = {r.family for r in supraverden_of(e, self.reference.supraverden) if r.family}
        return fams.pop() if len(fams) == 1 else None

    def _founded_year(self, e: Entity) -> int | None:
        """Round 25: the year ``e`` was founded: the registry's, else its SupraVerden
        record's; None when no source gives it."""
        years = [e.founded or "", e.existed_from or "",
                 *(r.established or "" for r in supraverden_of(e, self.reference.supraverden))]
        got = [int(y[:4]) for y in years if y[:4].isdigit()]
        return min(got) if got else None
