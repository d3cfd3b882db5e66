"""Institutions and organs: a body of an organisation.

Reads ``UN Secretariat``, ``EU Parliament``, ``Ủy ban châu Âu`` (the body itself, never the
organisation: ``ASEAN Summit`` is no match for ASEAN, with a note).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, Candidate, MatchResult, describe
from ..glossary import content_words, singular_form
from ..normalise import folded_form, looks_like_code, tokens
from .answers import _ambiguous, _single
from .text import _STOP_WORDS, _region_vocabulary, _spans, _unique

#: round 22: the words that say a body is a bloc (folded: "khối", "bloc"), read before or
#: after an acronym as the acronym's body itself (``Matcher._institution``)
_BLOC_WORDS = frozenset({"khoi", "bloc", "blocs"})


#: round 23: the press's labels of a grouping, which say what kind of body it is and no field
#: ("the GUAM group", "the AUKUS pact"), and a political colour ("the leftist ALBA bloc"):
#: with one organisation's acronym and nothing else, the acronym decides
_PRESS_LABEL_WORDS = frozenset({"group", "grouping", "pact", "alliance", "partnership", "club",
                                "forum", "leftist", "left-wing", "rightist", "right-wing"})


#: round 26: words of a kind of organisation, no body's own (``Matcher._organ``)
_GENERIC_HEADS = frozenset({"group", "grouping", "organization", "organisation", "bloc",
                            "forum", "alliance", "association"})
#: round 26: bodies many organisations of a region have, read as one organisation's only when
#: their names name it (``Matcher._organ``)
_NAMING_BODIES = frozenset({frozenset({"parliamentary", "assembly"})})


#: round 30: the English heads of an organ's name, whose record is no organisation convention
#: F reads a secretariat of
_ORGAN_HEADS_EN = frozenset({"commission", "secretariat", "committee", "council", "court",
                             "parliament", "assembly"})


class Institutions:
    """Readings of an organisation's bodies."""

    def _institution(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """A body of an organisation ("ASEAN Summit", "UN Secretariat", "Ủy ban châu Âu"):
        matched only as the body itself (an acronym written out: "UN Secretariat" = "United
        Nations Secretariat"), never as the organisation."""
        toks = text.split()
        words = [folded_form(t) for t in toks]
        org_kinds = KIND_GROUPS["organisation"]
        if kinds is not None and not kinds & org_kinds:
            return None
        # acronyms of one organisation written out, in both word orders
        for i, t in enumerate(toks):
            hits = [h for h in self._codes.get(t, ()) if h.entity.kind in org_kinds]
            orgs = _unique(h.entity for h in hits)
            if len(orgs) > 1 and len(toks) > 1:
                # round 12: an acronym of several organisations ("CIS": the Commonwealth of
                # Independent States and another body) names the one of them that has a body
                # of these words ("Economic Court of the CIS"), when only one has
                organs = [r for r in (self._organ(query, o, toks[:i] + toks[i + 1 :], kinds,
                                                  named=True)
                                      for o in orgs) if r is not None]
                if len(organs) == 1 and not organs[0].ambiguous:
                    return organs[0]
            if len(orgs) != 1 or len(toks) == 1:
                continue
            o = orgs[0]
            rest = " ".join(toks[:i] + toks[i + 1 :])
            kind_words = [folded_form(t) for t in toks[:i] + toks[i + 1:]
                          if folded_form(t) not in ("the", "of")]
            if kind_words and all(w in _BLOC_WORDS or w in _PRESS_LABEL_WORDS
                                  for w in kind_words) and (
                    any(w in _BLOC_WORDS for w in kind_words)
                    or not self._names_hold(o, kind_words)):
                # round 22: "khối COMESA", "the ASEAN bloc": the word says what the body is,
                # a bloc; the acronym decides, and the bloc word names no body of it (not the
                # Eastern Bloc by "Eastern" of COMESA's name); a Vietnamese generic head
                # before the acronym is round 7's reading ("Khối NATO")
                head = self._org_head(query, text, kinds, lang)
                if head is not None:
                    return head
                return _single(query, o, 92.0, "acronym-with-kind-word", self._note(o),
                               f"{t!r} is {describe(o)}'s acronym; "
                               f"{' '.join(kind_words)!r} (a bloc) says what it is")
            own = self._own_head(o, kind_words) if i == len(toks) - 1 else None
            if own is not None:
                # round 24: a generic head before the acronym that restates the body's own
                # head ("Ngân hàng BOAD": a bank, and the West African Development Bank is
                # one) is that body, not a body of it (round 17's own head, read before the
                # acronym as after a written-out name)
                return _single(query, o, 90.0, "own-head", self._note(o),
                               f"{t!r} is {describe(o)}'s acronym; "
                               f"{' '.join(toks[:i])!r} ({own}) is a word of "
                               f"{o.label!r} itself, no body of it")
            organ = self._organ(query, o, toks[:i] + toks[i + 1 :], kinds)
            if organ is not None:
                return organ
            for name in dict.fromkeys(o.labels.values()):
                for cand in (
                    " ".join([*toks[:i], name, *toks[i + 1 :]]),
                    f"{rest} of the {name}",
                    f"{rest} of {name}",
                ):
                    r = self._match(cand, kinds or org_kinds, lang)
                    if r is not None and r.best is not None and r.best.entity is not o:
                        ev = f"{t!r} written out as {name!r}: {cand!r}"
                        c = r.best
                        return MatchResult(
                            query, [Candidate(c.entity, 90.0, True, "acronym-expanded", ev)],
                            False, "",
                        )
        # the organisation named with the words of a body: no match
        # (round 52: a seat's head word, "trụ sở", counts at the name's start only: "X có trụ
        # sở tại Y" says where X sits, which the seat readings check)
        spans = _spans(words, self._institution_words if any(
            tuple(words[:len(u)]) == u for u in self._seat_heads)
            else self._institution_words_inner)
        if not spans:
            return None
        keep = [t for j, t in enumerate(toks) if j not in spans]
        while keep and folded_form(keep[0]) in ("of", "the", "cua", "thuoc"):
            keep.pop(0)
        if not keep or len(keep) == len(toks):
            return None
        r = self._match(" ".join(keep), org_kinds, lang)
        if r is None or not r.candidates:
            return self._seat_of_calque(query, toks, words, spans, keep, lang)
        if r.best is not None:
            # the body named with its organisation's name in another word order ("General
            # Assembly of the United Nations" = "United Nations General Assembly")
            body = [t for j, t in enumerate(toks) if j in spans]
            organ = self._organ(query, r.best.entity, body, kinds)
            if organ is not None:
                return organ
        if r.best is not None and r.best.match and not r.ambiguous:
            # round 17: the body words only restate the organisation's own head ("Quỹ IMF":
            # quỹ, a fund, and the International Monetary Fund is one): the organisation
            at = [j for j in sorted(spans) if j < len(words)]
            own = self._own_head(r.best.entity, [words[j] for j in at])
            if own is not None:
                e = r.best.entity
                ev = (f"{' '.join(toks[j] for j in at)!r} ({own}) is a word of "
                      f"{e.label!r} itself, no body of it")
                return _single(query, e, 90.0, "own-head", self._note(e), ev)
        if r.ambiguous and r.best is None:
            # round 25: body words that restate the own head of every body the name may be
            # ("quỹ ADF": a fund, and both the Asian and the African Development Fund are
            # one): the name stays ambiguous between them, no body of theirs
            at = [j for j in sorted(spans) if j < len(words)]
            ents = _unique(c.entity for c in r.candidates if c.entity.kind in org_kinds)
            if len(ents) > 1 and all(self._own_head(e, [words[j] for j in at]) is not None
                                     for e in ents):
                return MatchResult(query, r.candidates, True,
                                   f"{r.note} ({' '.join(toks[j] for j in at)!r} restates "
                                   "the head of each)")
        if r.best is not None and r.best.match and not r.ambiguous:
            # round 29, convention F: a secretariat, an executive commission or headquarters
            # the registry holds no record of (no body of the organisation was read above)
            # stands for the organisation, as a seat of government for its state
            at = [j for j in sorted(spans) if j < len(words) and j < len(toks)]
            body = tuple(words[j] for j in at)
            if at and body in self._organisation_seats and not any(
                    # (round 51: another body the name may be whose own head the organ's
                    # words are, "CIS Council": the International Science Council, also
                    # "CIS", is a council itself; no organ of the Commonwealth is read)
                    c.entity is not r.best.entity
                    and self._own_head(c.entity, [words[j] for j in at]) is not None
                    for c in r.candidates[1:]):
                e = r.best.entity
                rivals = self._organ_word_bodies(e, [toks[j] for j in at])
                if len(rivals) >= 2:
                    # round 49: an organ word of which the registry holds several bodies of
                    # the organisation ("Ủy ban của LHQ": the UN has sixteen commissions,
                    # ESCAP, the Commission on Narcotic Drugs ...) names one of them, not
                    # its executive, and the name does not say which
                    amb = _ambiguous(query, rivals, 80.0)
                    return MatchResult(
                        query, amb.candidates, True,
                        f"{amb.note} ({' '.join(toks[j] for j in at)!r} of {describe(e)} "
                        f"names one of the {len(rivals)} bodies of it of that word the "
                        "registry holds, not its executive (convention F), and the name does "
                        "not say which)")
                if not rivals:
                    # round 51: a body of the organisation the registry holds under the
                    # organ's words in another of its names ("the EU Council of Ministers":
                    # the Council of the European Union, whose alias is "Council of
                    # ministers"): the registry holds the organ itself, so the organ
                    held = self._organ_word_bodies(e, [toks[j] for j in at], any_name=True)
                    if len(held) == 1:
                        return _single(
                            query, held[0], 86.0, "organ-of-body", self._note(held[0]),
                            f"{' '.join(toks[j] for j in at)!r} of {describe(e)}: one of "
                            f"{held[0].label!r}'s names says it is {e.label}'s, another "
                            "holds the organ's words")
                    if held:
                        amb = _ambiguous(query, held, 80.0)
                        return MatchResult(
                            query, amb.candidates, True,
                            f"{amb.note} ({' '.join(toks[j] for j in at)!r} of "
                            f"{describe(e)} names one of the {len(held)} bodies of it of "
                            "that word the registry holds)")
                ev = (f"{' '.join(toks[j] for j in at)!r} names {e.label}'s "
                      "secretariat, executive, headquarters, council or head (forms.yaml "
                      "organisation_seats), of which the registry holds no record: the "
                      "organisation (convention F)")
                return _single(query, e, 86.0, "organisation-seat", self._note(e), ev)
        parents = ", ".join(describe(c.entity) for c in r.candidates[:3])
        return MatchResult(
            query, [], False,
            f"no match: names a body of {parents}, not the organisation itself; "
            "the registry holds no such body",
        )

    def _organ_word_bodies(self, org: Entity, body: list[str],
                           any_name: bool = False) -> list[Entity]:
        """Round 49: the registry's bodies of ``org`` that an organ's words ``body`` (English,
        or Vietnamese read with the glossary: "ủy ban", commission or committee) may name:
        organisations whose English names (label or alias) say they are ``org``'s (all the
        words of one of its English names, or one of its acronyms) and hold every word of one
        reading of ``body``. Two or more: convention F's organ word names one of them, not
        the executive of ``org`` (the United Nations, whose executive is its Secretariat,
        holds sixteen commissions in the registry; the African Union, ECOWAS or UEMOA,
        whose executives are commissions, none)."""
        key = (org.iri, tuple(folded_form(t) for t in body), any_name)
        cache = self.__dict__.setdefault("_organ_word_cache", {})
        if key in cache:
            return cache[key]
        if all(t.isascii() for t in body):
            readings = [frozenset(singular_form(w) for t in body for w in content_words(t))]
        else:
            readings = [frozenset(singular_form(w) for w in r) for r in
                        self._calques.glossary.phrase_readings(" ".join(body))[:16]]
        readings = [r for r in readings if r]
        names = [*(t for lg, t in org.labels.items() if lg == "en"),
                 *(t for t, lg in org.aliases if lg in (None, "en") and not looks_like_code(t))]
        whole = [n for n in (tokens(t) - _STOP_WORDS for t in names) if n]
        codes = {w for t in org.acronyms for w in tokens(t)}
        me = self._same.get(org.iri, (org, ""))[0]
        family = self._family_of_bodies(org) if any_name else None
        own_words = {singular_form(w) for t in names for w in content_words(t)}
        found: list[Entity] = []
        if readings and (whole or codes):
            org_kinds = KIND_GROUPS["organisation"]
            for e in self.registry.entities:
                if e.kind not in org_kinds or e.confidence == "conflicting":
                    continue
                if self._same.get(e.iri, (e, ""))[0] is me:
                    continue
                names_of = [e.labels.get("en", ""), *(t for t, lg in e.aliases
                                                      if lg in (None, "en"))]
                if any_name:
                    # round 51: one name says it is ``org``'s, or SupraVerden gives it
                    # ``org``'s family of bodies ("European Council": the EU's), and one name
                    # (the same or another) holds the organ's words
                    said_any = any(bool((ws := tokens(n)) & codes) or any(w <= ws for w in whole)
                                   for n in names_of) or (
                        family is not None and self._family_of_bodies(e) == family
                        # (a name of the organ's words and the organisation's own only: the
                        # African Civil Aviation Commission is no "AU Commission")
                        and any({singular_form(w) for w in content_words(n)}
                                <= r | own_words for n in names_of for r in readings))
                    if said_any and any(
                            any(r <= {singular_form(w) for w in content_words(n)}
                                for r in readings) for n in names_of):
                        found.append(self._same.get(e.iri, (e, ""))[0])
                    continue
                for n in names_of:
                    ws = tokens(n)
                    said = bool(ws & codes) or any(w <= ws for w in whole)
                    held = {singular_form(w) for w in content_words(n)}
                    if said and any(r <= held for r in readings):
                        found.append(self._same.get(e.iri, (e, ""))[0])
                        break
        cache[key] = out = _unique(found)
        return out

    def _seat_of_calque(self, query: str, toks: list[str], words: list[str], spans: set[int],
                        keep: list[str], lang: str | None) -> MatchResult | None:
        """Round 29, convention F: a secretariat or headquarters before an organisation's
        name the lookup does not hold but a full reading does ("Ban Thư ký Liên minh châu
        Phi": the African Union's Vietnamese name, read word by word): the organisation, when
        no body of it in the registry has the words. None otherwise."""
        at = [j for j in sorted(spans) if j < len(words) and j < len(toks)]
        if not at or tuple(words[j] for j in at) not in self._organisation_seats:
            return None
        if " ".join(keep).isascii() or looks_like_code(" ".join(keep)) or any(
                t.isupper() and len(t) > 1 for t in keep):
            # only a Vietnamese name read word by word: an English name or an acronym with
            # more words ("the CEFTA secretariat in Brussels", which the registry holds) is
            # the other readings'
            return None
        org_kinds = KIND_GROUPS["organisation"]
        r = self.match(" ".join(keep), kind=org_kinds, lang=lang)
        b = r.best
        if b is None or r.ambiguous or not b.match or b.method == "fuzzy":
            return None
        if self._organ(query, b.entity, [toks[j] for j in at], org_kinds) is not None:
            return None  # the registry holds a body of those words: not this reading's
        if self._own_head(b.entity, [words[j] for j in at]) is not None or any(
                folded_form(w) in _ORGAN_HEADS_EN
                for w in (b.entity.labels.get("en") or "").split()):
            # round 30: the words read are themselves a commission's or a secretariat's
            # ("Ủy ban châu Âu về sông Danube": "châu Âu về sông Danube" read as the European
            # Commission), no organisation whose secretariat this is
            return None
        e = b.entity
        ev = (f"{' '.join(toks[j] for j in at)!r} names {e.label}'s secretariat, executive "
              f"commission or headquarters ({' '.join(keep)!r} read by {b.method}), of which "
              "the registry holds no record: the organisation (convention F)")
        return _single(query, e, 84.0, "organisation-seat", self._note(e), ev)

    def _own_head(self, org: Entity, body: list[str]) -> str | None:
        """Round 17: the English reading of the body words ``body`` (folded; Vietnamese read
        with the glossary) when each of its words is a word of ``org``'s English label ("quỹ":
        fund, of the International Monetary Fund), else None."""
        label = org.labels.get("en", "")
        if not label or not body:
            return None
        own = {singular_form(w) for w in content_words(label)}
        readings = self._calques.glossary.phrases.get(tuple(body)) or (frozenset(body),)
        if len(body) > 2 and readings == (frozenset(body),):
            # round 25: words the glossary reads as several phrases ("Ngân hàng Phát triển":
            # bank + development), not only as one
            readings = tuple(frozenset(r) for r in self._calques.glossary.phrase_readings(
                " ".join(body))[:64]) or readings
        for reading in readings:
            if reading and all(singular_form(w) in own for w in reading):
                return " ".join(sorted(reading))
        return None

    def _organ(
        self, query: str, org: Entity, body: list[str], kinds: frozenset[str] | None,
        named: bool = False,
    ) -> MatchResult | None:
        """The registry's body of ``org`` named by the words ``body`` ("EU Parliament": the
        European Parliament; "General Assembly" of the United Nations): an organisation whose
        English name is the body's words and words of ``org``'s names, and no other word (never
        ``org`` itself). Several such bodies make the name ambiguous ("EU Council": the European
        Council and the Council of the European Union); none gives None."""
        org_kinds = KIND_GROUPS["organisation"]
        wants = [{w for t in body for w in tokens(t)} - _STOP_WORDS]
        if any(not t.isascii() for t in body):
            # Vietnamese words of the body ("Ủy ban EU"), read with the glossary
            wants = [set(r) - _STOP_WORDS for r in self._calques.glossary.phrase_readings(
                " ".join(body))]
        wants = [w for w in wants if w]
        if not wants:
            return None
        names = [*(t for lg, t in org.labels.items() if lg == "en"),
                 *(t for t, lg in org.aliases if lg in (None, "en") and not looks_like_code(t))]
        own = {w for t in [*names, *org.acronyms] for w in tokens(t)} - _STOP_WORDS
        # round 12: the body's name names ``org`` itself: all the words of one of its English
        # names, or one of its acronyms ("ECOWAS Court of Justice"; not the ICJ for a body of
        # the International Science Council, which shares only "international")
        whole = [n for n in (tokens(t) - _STOP_WORDS for t in names) if n]
        codes = {w for t in org.acronyms for w in tokens(t)}

        def names_org(words: set[str]) -> bool:
            return bool(words & codes) or any(n <= words for n in whole)

        index = self._org_word_index()
        found = []
        for want in wants:
            if want <= own:
                # the organisation's own words ("CIS Council": a council's name); round 28:
                # after an acronym too ("CAF development bank": CAF's own "Development Bank",
                # no body of it)
                continue
            pool = set.intersection(*(index.get(w, set()) for w in want))
            for key in sorted(pool):
                e = self.registry.get(key)
                if e is None or e is org or e.confidence == "conflicting":
                    continue
                if kinds is not None and e.kind not in kinds or e.kind not in org_kinds:
                    continue
                words = tokens(e.labels.get("en", "")) - _STOP_WORDS
                # round 16: a word of ``org`` the body's own words do not give must be in the
                # name ("Ủy ban châu Âu về sông Danube": the European Commission's words are
                # all the body's own, so it names no body of the Danube Commission)
                if not (want <= words and (words - want) & own):
                    continue
                if named and not names_org(words):
                    continue
                if _apart_in_time(e, org):
                    # round 32: a body dissolved before the organisation was founded (or
                    # founded after it was dissolved) is no body of it ("the OECS Commission":
                    # the Caribbean Commission, 1946-1959, has the OECS's "Caribbean" and
                    # ended 22 years before the OECS began in 1981)
                    continue
                if (not names_org(words)
                        and all(w in _region_vocabulary()[0] for w in (words - want) & own)
                        and (fo := self._family_of_bodies(org)) is not None
                        and self._family_of_bodies(e) != fo):
                    # round 51: a body that shares only a region's word with ``org``, does not
                    # name it and is not of the family of bodies SupraVerden gives ``org`` is
                    # no body of it ("Cơ quan Vũ trụ EU": the European Space Agency has the
                    # EU's "European" only, and is no EU body; the European Parliament and
                    # the European Environment Agency are of the EU's family)
                    continue
                if not names_org(words) and self._family_apart(e, org):
                    # round 31: a body SupraVerden gives another organisation's family of
                    # bodies, whose name does not name ``org``, is no body of it ("the CEMAC
                    # commission": the UN's Economic Commission for Africa has CEMAC's
                    # "economic" and "Africa", and is of the UN's family)
                    continue
                if (want <= _GENERIC_HEADS or want in _NAMING_BODIES) and not names_org(words):
                    # round 26: a generic word of a kind of organisation before an acronym
                    # ("nhóm NB8", "tổ chức CARDI") restates the organisation's own kind: a
                    # body of it must name it ("The Group of Eight" is no group of the
                    # Nordic-Baltic Eight, nor the "Caribbean Organization" CARDI's); so
                    # must a parliamentary assembly ("Nghị viện NATO": the NATO
                    # Parliamentary Assembly; the Asian Parliamentary Assembly is no ASEAN's
                    # by the place word "Asian" alone)
                    continue
                if words <= want | own:
                    found.append(e)
                elif ("court" in want and words <= want | own | {"justice"}
                      and names_org(words)):
                    # a court's full name adds "of Justice" to the court ("ECOWAS Court": the
                    # ECOWAS Court of Justice)
                    found.append(e)
        found = _unique(self._same.get(e.iri, (e, ""))[0] for e in found)
        if not found:
            return None
        if len(found) > 1:
            r = _ambiguous(query, found, 85.0)
            return MatchResult(query, r.candidates, True,
                               f"{r.note} (bodies of {describe(org)})")
        e = found[0]
        ev = (f"a body of {org.label}: {e.label!r} is the words {' '.join(body)!r} and words of "
              f"{org.label!r}")
        return _single(query, e, 88.0, "body-of-organisation", self._note(e), ev)

    def _family_apart(self, e: Entity, org: Entity) -> bool:
        """Round 31: whether SupraVerden gives ``e`` and ``org`` each one family of bodies,
        and not the same one."""
        fe, fo = self._family_of_bodies(e), self._family_of_bodies(org)
        return fe is not None and fo is not None and fe != fo

    def _org_word_index(self) -> dict[str, set[str]]:
        """English label words -> keys of the organisations that have them (built once)."""
        if self._org_words is None:
            index: dict[str, set[str]] = defaultdict(set)
            for e in self.registry.entities:
                if e.kind in KIND_GROUPS["organisation"]:
                    for w in tokens(e.labels.get("en", "")) - _STOP_WORDS:
                        index[w].add(e.key)
            self._org_words = dict(index)
        return self._org_words


def _apart_in_time(e: Entity, org: Entity) -> bool:
    """Round 32: whether the registry's years of ``e`` and ``org`` never meet: one was
    dissolved before the other was founded. Unknown years never set them apart."""
    def year(value: str | None) -> int | None:
        m = re.match(r"-?\d{1,4}", value or "")  # a year, or a date's year ("1959-05-01")
        return int(m.group()) if m else None

    def before(end: str | None, start: str | None) -> bool:
        a, b = year(end), year(start)
        return a is not None and b is not None and a < b

    return before(e.dissolved, org.founded) or before(org.dissolved, e.founded)
