"""Generic and topic names of bodies, and names held by one body only (rounds 15, 18).

Reads ``European Court``, ``Tòa án Quốc tế`` (a generic name of a court or council),
``African locust control organisation`` (the bodies on one subject, round 15) and a name whose
content words are all in one name of one body (round 18).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable

from ...graph.registry import Entity
from ..candidates import KIND_GROUPS, MatchResult
from ..glossary import content_words, singular_form
from ..normalise import folded_form
from ..succession import STATE_KINDS
from .answers import _ambiguous, _single
from .text import (
    _ACRONYM,
    _CONTINENT_EN,
    _CONTINENT_STEM,
    _LEADING_KEPT,
    _TOPIC_HEADS,
    _all_names,
    _unique,
)

#: the head words of a generic name of a court or a council (content words, folded)
#: round 14: and a fund, a foundation, an agency or a bank ("Nordic fund", "EU executive
#: agency"), compared in the singular ("Tuna Commission": the ICCAT's "Tunas" too)
#: round 15: an institute and a joint undertaking ("UN research institute": UNIDIR, UNITAR,
#: UNICRI, UNRISD; "EU joint undertaking")
_GENERIC_HEADS = frozenset({"court", "council", "tribunal", "commission", "fund", "foundation",
                            "agency", "bank", "institute", "undertaking"})


#: round 15: affiliations a generic name of bodies on one subject states (all its bodies have it)
_TOPIC_AFFILIATIONS = (frozenset({"united", "nation"}), frozenset({"european", "union"}),
                       frozenset({"un"}), frozenset({"eu"}))


#: round 18: geographic words and the prepositions of a place ("against Ukraine") a name
#: may leave out of a body's name (``_only_holder``)
_GEO_WORDS = frozenset(
    "island islands sea ocean gulf lake river basin watercourse region regional against north "
    "south east "
    "west northern southern eastern western central".split())


@functools.lru_cache(maxsize=1 << 16)
def _holder_words(text: str) -> frozenset[str]:
    """Round 18: the content words of a name, without a possessive or a leading "the", and
    read singular by ``singular_form`` (a final s dropped: both sides alike, so "fisherie"
    matches "fisherie") (``_only_holder``). Session 26: remembered for the last 65,536
    texts (it depends on the text alone; the set is frozen).

    >>> sorted(_holder_words("the Forum Fisheries Agency's"))
    ['agency', 'fisherie', 'forum']
    """
    text = _POSSESSIVE_ANY.sub("", text)
    return frozenset(singular_form(w) for w in content_words(text) if w.isalpha())


#: a possessive ending anywhere in a name
_POSSESSIVE_ANY = re.compile(r"['’]s\b")


class GenericBodies:
    """Readings of a generic name of bodies."""

    def _generic_body(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A generic name of a court or a council ("European Court", "Tòa án Quốc tế", "Tòa
        án Nhân quyền"): the organisations whose English names contain all its words; two or
        more make it ambiguous, listing them (fewest other words first). One is no evidence
        (it is left to the passes after this one)."""
        if kinds is not None and not (kinds & KIND_GROUPS["organisation"]):
            return None
        plain = all(c.isascii() for c in text if c.isalpha())
        if plain:
            # (round 11: an organisation's acronym written out: "UN Economic Commission")
            toks, short = [], []
            for t in text.split():
                holders = _unique(h.entity for h in self._codes.get(t, ())
                                  if h.entity.kind in KIND_GROUPS["organisation"])
                en = holders[0].labels.get("en") if len(holders) == 1 and t.isupper() else None
                toks.append(en or t)
                # round 14: or its first word, an adjective its bodies' names begin with ("EU
                # executive agency": the European ... Executive Agencies)
                first = (en or "").split()[0] if en and len(en.split()) > 1 else ""
                short.append(first if first.lower().endswith("an") else t)
            readings = [content_words(" ".join(toks))]
            if short != text.split():
                readings.append(content_words(" ".join(short)))
            fallback: list[frozenset[str]] | None = None
        else:
            # (round 15: the whole name's readings first; those without an affiliation or a
            # generic head the English names may leave out only when they find fewer than two:
            # "Viện nghiên cứu của Liên Hợp Quốc" is a UN research institute, not any one)
            groups = self._calques.glossary.reading_groups(text)
            readings = groups[0] if groups else []
            fallback = [r for g in groups[1:] for r in g] or None
            if any(folded_form(t) == "vung" for t in text.split()):
                # round 14: "vùng" before a place is the place ("Tòa án vùng Caribe": a
                # Caribbean court), not a word of the body's name
                readings += self._calques.glossary.readings(
                    " ".join(t for t in text.split() if folded_form(t) != "vung"))
        found = self._generic_found(readings, kinds)
        if len(found) < 2 and fallback:
            found = self._generic_found(fallback, kinds)
        if len(found) < 2:
            return None
        ranked = sorted(found.values(), key=lambda t: (t[0], t[2]))[:8]
        r = _ambiguous(query, [e for _, e, _ in ranked], 80.0)
        names = "; ".join(f"{e.key}: {n!r}" for _, e, n in ranked)
        note = (f"{r.note}; a generic name: every word of it is in the names of "
                f"{len(ranked)} bodies ({names})")
        return MatchResult(r.query, r.candidates, True, note)

    def _topic_body(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 15: a generic name of the bodies on one subject, ambiguous with all of them
        (:meth:`_topic_found`); read last, when nothing matched the name."""
        if kinds is not None and not (kinds & KIND_GROUPS["organisation"]):
            return None
        if all(c.isascii() for c in text if c.isalpha()):
            readings = [content_words(text)]
        else:
            groups = self._calques.glossary.reading_groups(text)
            readings = groups[0] if groups else []
        found, topic = self._topic_found(readings, kinds)
        if len(found) < 2:
            return None
        ranked = sorted(found.values(), key=lambda t: (t[0], t[2]))[:8]
        r = _ambiguous(query, [e for _, e, _ in ranked], 78.0)
        names = "; ".join(f"{e.key}: {n!r}" for _, e, n in ranked)
        return MatchResult(
            query, r.candidates, True,
            f"{r.note}; a generic name of the bodies on one subject: the rare word {topic!r} "
            f"of it is in the names of {len(found)} bodies ({names})")

    def _topic_found(
        self, readings: Iterable[frozenset[str]], kinds: frozenset[str] | None
    ) -> tuple[dict[int, tuple[int, Entity, str]], str]:
        """Round 15: a generic name of bodies on one subject ("African locust control
        organisation"): two to five words with a generic head (an organisation, a
        commission, a body …) and one rare word (in the names of two to eight bodies:
        "locust"), each other word in more bodies' names than it; the bodies whose names have
        the rare word (fewest other words first). Empty when no reading has such a word."""
        freq = self._body_word_counts()
        for words in readings:
            sing = {singular_form(w) for w in words}
            if not 2 <= len(sing) <= 5 or not sing & _TOPIC_HEADS:
                continue
            rest = sorted(sing - _TOPIC_HEADS, key=lambda w: (freq.get(w, 0), w))
            if not rest or not 2 <= freq.get(rest[0], 0) <= 8 or any(
                    freq.get(w, 0) <= freq[rest[0]] for w in rest[1:]):
                continue
            rare = rest[:1]
            # an affiliation the name states is no description: its bodies must have it ("Ủy
            # ban Cà phê Liên Hợp Quốc" names no UN body on coffee, so none of the coffee bodies)
            need = set().union(*(a for a in _TOPIC_AFFILIATIONS if a <= sing))
            found: dict[int, tuple[int, Entity, str]] = {}
            # (session 26: each name's words in the singular made once, in the index's order)
            for ks, held in self._calques.singular_keys():
                if rare[0] not in ks or not need <= ks:
                    continue
                for ent, name in held:
                    if not isinstance(ent, Entity):
                        continue
                    e = self._same.get(ent.iri, (ent, ""))[0]
                    if (kinds is None or e.kind in kinds) and e.confidence != "conflicting":
                        extra = len(ks - sing)
                        if id(e) not in found or extra < found[id(e)][0]:
                            found[id(e)] = (extra, e, name)
            if len(found) >= 2:
                return found, rare[0]
        return {}, ""

    def _body_word_counts(self) -> dict[str, int]:
        """Each word (singular) of the bodies' English names -> the number of bodies (one
        body held twice counts once) with it in a name."""
        if self._body_words is None:
            holders: dict[str, set[int]] = defaultdict(set)
            for key, held in self._calques._index.items():
                for ent, _ in held:
                    if isinstance(ent, Entity):
                        body = self._same.get(ent.iri, (ent, ""))[0]
                        for w in key:
                            holders[singular_form(w)].add(id(body))
            self._body_words = {w: len(v) for w, v in holders.items()}
        return self._body_words

    def _generic_found(
        self, readings: Iterable[frozenset[str]], kinds: frozenset[str] | None
    ) -> dict[int, tuple[int, Entity, str]]:
        """The bodies whose English names hold every word of a reading of two or three words
        with a generic head (fewest other words kept per body)."""
        found: dict[int, tuple[int, Entity, str]] = {}
        for words in readings:
            # (round 11: "United Nations" counts as one word: "UN Economic Commission", the
            # five regional commissions)
            size = len(words) - (1 if {"united", "nations"} <= words else 0)
            if not (2 <= size <= 3 and {singular_form(w) for w in words} & _GENERIC_HEADS):
                continue
            for ent, name, extra in self._calques.containing(words, singular=True):
                e = self._same.get(ent.iri, (ent, ""))[0]
                if (kinds is None or e.kind in kinds) and e.confidence != "conflicting":
                    if id(e) not in found or extra < found[id(e)][0]:
                        found[id(e)] = (extra, e, name)
        return found

    def _holder_index(self) -> tuple[dict[str, set[int]], list[tuple[Entity, str]],
                                     frozenset[str]]:
        """Round 18: each content word (singular) -> the names (indexes into the list of
        ``(entity, name)``) holding it, and the place words: the words of the states' names,
        continent and geographic words (built on first use)."""
        if self._holders is None:
            index: dict[str, set[int]] = defaultdict(set)
            names: list[tuple[Entity, str]] = []
            places: set[str] = (set(_CONTINENT_EN) | set(_CONTINENT_STEM) | _GEO_WORDS
                                | _LEADING_KEPT | {"inter"})
            for e in self.registry.entities:
                for n in {*_all_names(e)}:
                    ws = _holder_words(n)
                    if e.kind in STATE_KINDS and "(" not in n:
                        places |= ws
                    if len(ws) < 2:
                        continue
                    names.append((e, n))
                    for w in ws:
                        index[w].add(len(names) - 1)
            self._holders = (index, names, frozenset(places - _TOPIC_HEADS))
        return self._holders

    def _only_holder(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 18: a name of two content words or more, every one of them in one name of
        one body (not a state) and all of them in no name of another entity, where that
        name's other words are place words or generic words of reach only (the words of
        states' names, continents, "islands", "against"; "international", "inter-"): the
        name leaves out where the body works ("the Forum Fisheries Agency", the Pacific
        Islands Forum Fisheries Agency; "Special Tribunal for the Crime of Aggression", the
        tribunal against Ukraine). A name that holds a qualifying word the
        query lacks ("Residual") is not read."""
        if len(text) > 120:
            return None
        # a state's code in the name is read as one of the state's English names ("the
        # Iran-US claims tribunal": the Iran-United States Claims Tribunal), when one state
        # alone holds it
        options: list[list[str]] = []
        for tok in re.split(r"([\s\-–/]+)", text):
            held = {id(h.entity): h.entity for h in self._codes.get(tok, ())
                    if h.entity.kind in STATE_KINDS} if _ACRONYM.fullmatch(tok) else {}
            if len(held) == 1:
                e = next(iter(held.values()))
                options.append([n for n in {e.labels.get("en", ""), *(a for a, lang in e.aliases
                                                                       if lang == "en")}
                                if n and "(" not in n][:6] or [tok])
            else:
                options.append([tok])
        for parts in itertools.islice(itertools.product(*options), 12):
            r = self._only_holder_words(query, _holder_words("".join(parts)), kinds)
            if r is not None:
                return r
        return None

    def _only_holder_words(
        self, query: str, words: frozenset[str], kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 18: :meth:`_only_holder` for the content words of a name."""
        if len(words) < 2:
            return None
        index, names, places = self._holder_index()
        pools = [index.get(w) for w in words]
        if any(not p for p in pools):
            return None
        hits = set.intersection(*pools)  # type: ignore[arg-type]
        owners: dict[int, tuple[Entity, list[str]]] = {}
        for i in sorted(hits):
            e, n = names[i]
            body = self._same.get(e.iri, (e, ""))[0]
            owners.setdefault(id(body), (body, []))[1].append(n)
        if len(owners) != 1:
            return None
        e, held = next(iter(owners.values()))
        if (kinds is not None and e.kind not in kinds) or e.kind in STATE_KINDS:
            # a state's other words are its own name's, not a place where it works
            # ("Northern Ireland" is no name of the United Kingdom)
            return None
        # of the body's names holding the words, one whose other words are all place words
        # (the fewest; "International Seabed Authority", not "Int'l Seabed Authority")
        fits = sorted((len(x), n, x) for n in held
                      if (x := _holder_words(n) - words) <= places)
        if not fits:
            return None
        _, n, extra = fits[0]
        ev = (f"every content word of the name is in {n!r} and in no name of another entity; "
              + (f"its other words name places only ({', '.join(sorted(extra))})" if extra
                 else "it has no other content words"))
        return _single(query, e, 80.0, "only-holder", self._note(e), ev)
