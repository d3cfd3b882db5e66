"""Offices and bodies of organisations described by place or field (round 22).

Reads ``the UNHCR office in Amman``, ``văn phòng FAO tại Hà Nội`` (no match: an office is not
the body) and ``the UN rights office``, ``cơ quan thương mại của LHQ`` (the UN's body of that
field, after every other reading).
"""

from __future__ import annotations

import re

from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..glossary import content_words, singular_form
from ..normalise import folded_form, looks_like_code
from ..succession import STATE_KINDS
from .answers import _ambiguous, _single
from .text import _SEAT_GENERIC, _first_fullmatch, _folded_words_of, _unique

#: round 22: a body's office in a place (``Matcher._local_office``)
_OFFICE_FRAMES = (
    re.compile(r"(?:the\s+)?(?P<body>\S.*?)(?:'s|’s)?\s+(?:country\s+|field\s+|liaison\s+"
               r"|local\s+|representative\s+)?office\s+(?:in|at|for)\s+(?P<place>\S.*)",
               re.IGNORECASE),
    re.compile(r"(?:văn\s+phòng|van\s+phong)\s+(?:đại\s+diện\s+|dai\s+dien\s+|quốc\s+gia\s+"
               r"|quoc\s+gia\s+)?(?:của\s+|cua\s+)?(?P<body>\S.*?)\s+(?:tại|ở|tai|o)\s+"
               r"(?P<place>\S.*)", re.IGNORECASE),
)


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
