"""Reconcile a free-text name (English or Vietnamese) to a registry entity and its Wikidata QID.

The matcher reads the registry (:func:`diplograph.loaders.registry.load_registry`), the project's
extra names in ``linking/aliases.yaml`` and the name sources of :mod:`diplograph.linking.names`
(CLDR territory names via babel, ISO 3166-3 formerly used names via pycountry, predecessor and
historical names, common Vietnamese press names). It tries, in order, and stops at the first
pass that finds something:

1. the ambiguous list (``Congo``, ``Guinea``, ``Korea``, ``Sudan``...): never a match;
2. the preferred list (``NAM`` -> Non-Aligned Movement, ``ICC`` -> the Criminal Court...);
3. codes, case-sensitively: ISO 3166 alpha-2/alpha-3, registry keys, acronyms, COW
   abbreviations. An acronym several entities carry is a match only when the data sets agree:
   one entity has it as its own identifier in two or more data sets and no other in any
   (``WTO``: COW IGO v3, SupraVerden and internacia give it to the trade body; the Factbook's
   ``WTrO``/``WToO`` split is a convention, not ambiguity). A registry key is no evidence
   against another entity's same acronym (``ECA``). An ambiguous name lists every entity it
   can denote: all holders of the name and, for an acronym, those that write it with lower-case
   letters inserted (``IDB``: ``IADB``, ``IADefB`` and ``IsDB``);
4. labels, aliases and the extra names, case-folded; then with diacritics, punctuation and
   spaces folded (``Viet Nam Dan Chu Cong Hoa`` = ``Việt Nam Dân chủ Cộng hòa``);
5. codes case-insensitively (``mng``, ``g77``);
6. rewritings: ``Korea, South`` -> ``South Korea``; ``WTO (tourism)`` -> the entity the
   qualifier names;
7. official long forms in both languages: the words of ``linking/names/forms.yaml`` then a
   state's name (``Vương quốc Na Uy``, ``Đại Công quốc Luxembourg``, ``Kingdom of Norway``);
8. bodies of organisations: ``UN Secretariat`` = ``United Nations Secretariat`` (an acronym
   written out); ``ASEAN Summit`` is never ASEAN itself (no match, with a note);
9. a fuzzy pass (character trigrams, then :class:`difflib.SequenceMatcher`) for typos: scored
   lower, and a match only when the best candidate is well ahead of the next one (a name read
   as an ambiguous one is reported ambiguous).

After the passes, the records of one body the registry holds more than once (once per data
set: :func:`~.names.same_bodies`) become one candidate, the record with the QID, the others named
in its evidence; a name whose candidates are all one body is a match (``SPC``, ``OIC``).

A candidate is a ``match`` only when the pass found exactly one entity (after the ``kind`` and
``lang`` hints). Scores (the confidence) are 0..100: 100 a label or code, 98 an alias, 97 an
acronym the data sets agree on, 96/94 folded, 93 an official long form, 92 a code in another
case, 90 a rewriting, below 88 fuzzy. Every candidate carries its ``evidence``.

>>> from diplograph.loaders.registry import load_registry
>>> m = Matcher(load_registry())
>>> r = m.match("Liên Xô")
>>> r.best.qid, r.best.entity.kind
('Q15180', 'historical-state')
>>> ev = m.match("WTO").best.evidence
>>> ev.startswith("'WTO' is World Trade Organization's identifier in COW IGO v3 ioname")
True
>>> m.match("Congo").note
'ambiguous: Republic of the Congo (COG, Q971), Democratic Republic of the Congo (COD, Q974)'
"""

from __future__ import annotations

import difflib
import heapq
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..graph.errors import DiplographError
from ..graph.registry import Entity, Registry
from .code_systems import CodeClash, code_clashes, gw_abbreviations
from .features import SupraVerdenRecord, supraverden_of
from .glossary import Calques, content_words, normal_spelling, singular_form
from .names import (
    adjective_records,
    extra_names,
    read_yaml,
    resolve_target,
    same_bodies,
    unheld_territory_names,
)
from .normalise import (
    exact_form,
    folded_form,
    looks_like_code,
    phonetic_key,
    split_qualifier,
    strip_diacritics,
    tokens,
    transliterated,
    trigrams,
    uninvert,
)
from .reference import MatcherReference
from .succession import (
    STATE_KINDS,
    linked_by_succession,
    span_of,
    succession_links,
    year_span,
)

#: ``kind`` hints accepted by :meth:`Matcher.match` and the registry kinds they stand for.
KIND_GROUPS: dict[str, frozenset[str]] = {
    "state": frozenset({"state", "historical-state"}),
    "organisation": frozenset({"organisation", "forum", "ngo"}),
    "organization": frozenset({"organisation", "forum", "ngo"}),
    "historical-state": frozenset({"historical-state"}),
    "forum": frozenset({"forum"}),
    "ngo": frozenset({"ngo"}),
    "person": frozenset({"person"}),
    "place": frozenset({"place"}),
    "event-series": frozenset({"event-series"}),
}

#: confidences whose QID may be shown
USABLE_CONFIDENCE = ("verified", "single-source")

ALIASES_FILE = Path(__file__).with_name("aliases.yaml")

# fuzzy thresholds: a fuzzy candidate is a match when its ratio is at least FUZZY_MATCH and at
# least FUZZY_GAP above the next distinct entity's
FUZZY_CUTOFF = 0.72
FUZZY_MATCH = 0.85
FUZZY_GAP = 0.08
FUZZY_MIN_LEN = 5
# a Vietnamese transliteration is read as the state whose name sounds alike (phonetic_key):
# similarity at least TRANSLIT_MATCH and TRANSLIT_GAP above the next state's
TRANSLIT_MATCH = 0.85
TRANSLIT_GAP = 0.08
# names whose sounds are less alike than this are not compared further
TRANSLIT_FLOOR = 0.7
#: round 18: the vowels of a phonetic key (phonetic_key folds u into o, y into i)
_VOWEL_KEYS = frozenset("aeiou")
# the longest official long form has fewer words ("Great Socialist People's Libyan Arab
# Jamahiriya", "Liên hiệp Vương quốc Anh và Bắc Ireland"): longer names skip the long-form and
# word-by-word passes, which keeps a long name's time bounded
MAX_FORM_WORDS = 16


@dataclass(frozen=True)
class Candidate:
    """One entity proposed for a name."""

    entity: Entity
    score: float
    match: bool
    method: str
    #: why this entity: the name source, data sets agreeing on an acronym, a rewriting
    evidence: str = ""

    @property
    def qid(self) -> str | None:
        """The entity's QID when it is verified or single-source, else None."""
        e = self.entity
        return e.qid if e.qid and e.confidence in USABLE_CONFIDENCE else None

    @property
    def label(self) -> str:
        """The English label."""
        return self.entity.label


@dataclass(frozen=True)
class MatchResult:
    """The candidates for one name, best first."""

    query: str
    candidates: list[Candidate] = field(default_factory=list)
    ambiguous: bool = False
    note: str = ""

    @property
    def best(self) -> Candidate | None:
        """The matched candidate (``match`` true), or None."""
        return self.candidates[0] if self.candidates and self.candidates[0].match else None


@dataclass(frozen=True)
class _Name:
    entity: Entity
    text: str
    lang: str | None
    method: str
    rank: int  # 0 best
    evidence: str = ""


def describe(entity: Entity) -> str:
    """``Label (KEY, Q123)`` or ``Label (KEY, no QID)`` as used in notes.

    >>> describe(Entity(key="MNG", iri="x", kind="state", labels={"en": "Mongolia"}, qid="Q711",
    ...                 confidence="verified"))
    'Mongolia (MNG, Q711)'
    """
    qid = entity.qid if entity.qid and entity.confidence in USABLE_CONFIDENCE else None
    return f"{entity.label} ({entity.key}, {qid or 'no QID'})"


def load_extra(path: Path | None = None) -> dict:
    """The parsed ``aliases.yaml`` (extra names, ambiguous and preferred lists)."""
    p = path or ALIASES_FILE
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise DiplographError("internal", f"cannot read the linking aliases file {p}: {e}") from e
    return data



def _first_fullmatch(patterns: Sequence[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The match of the first of ``patterns`` that matches the whole of ``text``, or None."""
    for pattern in patterns:
        m = pattern.fullmatch(text)
        if m is not None:
            return m
    return None

class Matcher:
    """Name -> registry entity matcher (no I/O after construction, thread-safe for reading)."""

    def __init__(self, registry: Registry, extra: Mapping | None = None,
                 reference: MatcherReference | None = None) -> None:
        self.registry = registry
        extra = load_extra() if extra is None else extra
        #: the capitals, state lists and place names (``linking/reference.py``): the caller's
        #: choice, by default the files of ``data/`` (a server passes its store's)
        self.reference = reference = (
            MatcherReference.from_data() if reference is None else reference)
        self._codes: dict[str, list[_Name]] = defaultdict(list)  # case-sensitive
        self._codes_ci: dict[str, list[_Name]] = defaultdict(list)  # folded
        self._exact: dict[str, list[_Name]] = defaultdict(list)
        self._folded: dict[str, list[_Name]] = defaultdict(list)
        for e in registry.entities:
            for n in self._names_of(e):
                self._add(n)
        #: keys of linking/aliases.yaml the registry does not hold (a store built from part of
        #: the data: their names are left out; the full registry holds every one, tested)
        self.unknown_keys: list[str] = []
        for key, names in (extra.get("aliases") or {}).items():
            e = self._need(key)
            if e is None:
                continue
            for text, lang in names:
                self._add(_Name(e, str(text), lang, "alias", 0, "linking/aliases.yaml"))
        for key, texts in (extra.get("english_names") or {}).items():
            e = self._need(key)
            if e is not None:
                for text in texts:
                    self._add(_Name(e, str(text), "en", "alias", 0,
                                    "linking/aliases.yaml english_names"))
        # round 10: the Gleditsch-Ward state abbreviations the registry does not hold (RUM)
        for code, e, ev in gw_abbreviations(registry, codes=reference.codes):
            self._add(_Name(e, code, None, "cow-code", 2, ev))
        # CLDR, ISO 3166-3, predecessor and common Vietnamese names (linking/names/)
        resolved, self.pending_names = extra_names(registry)
        #: round 12: the pending names (a state or body the registry does not hold, with its
        #: evidence) are no match, never a match on another entity ("Slovak State", 1939-1945:
        #: not today's Slovakia; convention B)
        self._unheld = {folded_form(r.text): r for r in self.pending_names}
        #: names of the well-kept lists left out because they already name another entity
        #: (ISO 3166-3 writes "Viet-Nam, Democratic Republic of": "Viet-Nam" alone is not
        #: the DRV's name)
        self.skipped_names: list[tuple[str, str]] = []
        #: round 15: the press nicknames (a land's word + what the state is known for) are
        #: no sounds of a state's name ("Nước Samba" is no transliteration of Luxembourg)
        self._nicknames: set[str] = set()
        for rn in resolved:
            if rn.source == "nickname":
                self._nicknames.add(rn.text)
            if rn.source in ("cldr", "iso3166-3", "sino-vietnamese", "cldr-endonym",
                             "native-long-form"):
                taken = self._folded.get(folded_form(rn.text), [])
                if any(h.entity is not rn.entity for h in taken) or (
                    rn.source in ("sino-vietnamese", "cldr-endonym")
                    and folded_form(rn.text) in self._ambiguous_names(extra)
                ) or (
                    # round 13: an endonym that is another entity's code or acronym
                    rn.source == "cldr-endonym"
                    and any(h.entity is not rn.entity
                            for h in self._codes_ci.get(folded_form(rn.text), []))
                ):
                    self.skipped_names.append((rn.text, rn.entity.key))
                    continue
            rank = 1 if rn.source in ("cldr", "iso3166-3", "sino-vietnamese",
                                      "cldr-endonym", "native-long-form") else 0
            self._add(_Name(rn.entity, rn.text, rn.lang, rn.method, rank, rn.evidence))
        # round 11: a registry alias written inverted ("Macedonia, The Former Yugoslav
        # Republic Of") read in the usual order without its leading article ("Former Yugoslav
        # Republic of Macedonia"), when no other entity holds that name
        for e in registry.entities:
            for text, lang in e.aliases:
                inv = uninvert(text)
                if (inv is None or lang not in (None, "en") or " of " in text.split(",")[0]
                        or "." in text):
                    # ("Nation of Brunei, Abode of Peace" is no inverted name; "Congo, Dem.
                    # Rep.": abbreviations are written out by their own pass)
                    continue
                inv = re.sub(r"^(?:the|The)\s+", "", inv)
                for form in {inv, re.sub(r"\s+of\s+the$", "", inv, flags=re.I)}:
                    held = self._folded.get(folded_form(form), [])
                    if form and not any(h.entity is not e for h in held):
                        self._add(_Name(e, form, lang, "alias", 1,
                                        f"registry alias {text!r} read in the usual order"))
        # round 11: a dynasty's state "Nhà X" also as "triều X", "X triều" (names/forms.yaml)
        dyn = read_yaml("forms.yaml").get("vi_dynasty") or {}
        if dyn:
            for held in list(self._exact.values()):
                for h in list(held):
                    words = h.text.split()
                    if (h.entity.kind != "historical-state" or len(words) < 2
                            or folded_form(words[0]) != folded_form(dyn["head"])):
                        continue
                    rest = " ".join(words[1:])
                    forms_ = [f"{b} {rest}" for b in dyn.get("before") or ()]
                    forms_ += [f"{rest} {a}" for a in dyn.get("after") or ()]
                    for form in forms_:
                        taken = self._folded.get(folded_form(form), [])
                        if not any(x.entity is not h.entity for x in taken):
                            self._add(_Name(h.entity, form, "vi", "historical-name", 1,
                                            f"{h.text!r} (a dynasty's state) written {form!r}"))
        # the first part of a state's name made of two ("Sao Tome" of "Sao Tome and Principe")
        for n in short_names(self._folded.values()):
            self._add(n)
        # a label with its dates ("Tây Tạng (1913-1950)"): the name without them, when no other
        # entity holds it ("Korea (1887-1905)" gives nothing: Korea is ambiguous)
        # round 8: or with another of its own names ("South African Republic (Transvaal)":
        # "Transvaal" is an alias of the same entity), so that its own long form beats a
        # current state's ("South African Republic" is not South Africa)
        for held in list(self._exact.values()):
            for h in list(held):
                qual = split_qualifier(h.text)
                if h.method != "label" or qual is None:
                    continue
                dated = any(c.isdigit() for c in qual[1])
                own = not dated and any(
                    n.entity is h.entity and n.text != h.text
                    for n in self._folded.get(folded_form(qual[1]), ())
                )
                if not (dated or own):
                    continue
                fo = folded_form(qual[0])
                if fo in self._folded or fo in self._ambiguous_names(extra):
                    continue
                why = "its dates" if dated else f"its other name {qual[1]!r}"
                self._add(_Name(h.entity, qual[0], h.lang, "label-head", 1,
                                f"the registry label {h.text!r} without {why}"))
        forms = read_yaml("forms.yaml")
        self._state_forms = _units(
            [*forms["state_forms"]["vi"], *forms["state_forms"]["en"],
             *(forms["state_forms"].get("native") or []),
             *(forms["state_forms"].get("imperial") or [])]
        )
        self._vi_suffixes = _units(forms.get("vi_suffixes") or [])
        #: heads that end a long form in the older Vietnamese word order ("Mông Cổ Nhân dân
        #: Cộng hòa"), and the long-form words Vietnamese abbreviates by their initials
        #: ("CHDCND" = "Cộng hòa Dân chủ Nhân dân")
        self._vi_heads = _units(forms.get("vi_heads") or [])
        self._vi_org_heads = _units(forms.get("vi_org_heads") or [])
        self._vi_initials: dict[str, str] = {}
        for unit in forms.get("vi_initials") or []:
            words = str(unit).split()
            self._vi_initials["".join(w[0] for w in words).upper()] = " ".join(words)
        self._vi_to_en = {
            tuple(folded_form(w) for w in str(k).split()): str(v)
            for k, v in (forms.get("vi_to_en") or {}).items()
        }
        #: forms that name a monarchy or an empire: an adjective before them names the
        #: historical state first ("Austro-Hungarian Empire")
        self._imperial_forms = _units(forms["state_forms"].get("imperial") or [])
        self._empire_forms = _units(forms["state_forms"].get("empire") or [])
        #: round 10: states that are monarchies today: one of their own long forms (registry
        #: labels and aliases, linking/aliases.yaml, CLDR and common names; not the names of
        #: earlier regimes) has a monarchy's words ("Kingdom of Norway", "Vương quốc Anh")
        self._monarchy_forms = _units(forms["state_forms"].get("monarchy") or [])
        self._monarchies: set[int] = {
            id(h.entity) for held in self._exact.values() for h in held
            if h.entity.kind == "state" and h.method in ("label", "alias", "cldr", "common-name",
                                                         "native-long-form")
            and _spans([folded_form(t) for t in h.text.split()], self._monarchy_forms)
        }
        self._cow_adjectives = {
            tuple(folded_form(w) for w in str(k).split()): str(v)
            for k, v in (forms["state_forms"].get("cow_adjectives") or {}).items()
        }
        self._cow_only = _units(forms["state_forms"].get("cow_only") or [])
        self._regime_forms = _units(forms["state_forms"].get("regime") or [])
        #: round 17: a republic's long-form words, and the form of government of historical
        #: states whose registry names are bare (predecessors.yaml ``held_forms``)
        self._republic_forms = _units(forms["state_forms"].get("republic") or [])
        self._successors: tuple[dict[int, Entity], dict[int, list[Entity]]] | None = None
        #: round 17: rulers and dynasties -> (the state they ruled, years, evidence)
        #: (predecessors.yaml ``rulers``)
        self._rulers: dict[str, list[tuple[Entity, str, str]]] = defaultdict(list)
        for row in read_yaml("predecessors.yaml").get("rulers") or []:
            ruled = resolve_target(registry, row["target"])
            if ruled is None:
                continue
            for text in row.get("names") or []:
                self._rulers[folded_form(str(text))].append(
                    (ruled, str(row.get("years", "")), str(row.get("evidence", ""))))
        #: round 23: the monarchies of today's states that are no monarchy today
        #: (predecessors.yaml ``monarchies_ended``): id of the state -> (first, last year,
        #: evidence)
        self._monarchies_ended: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for row in read_yaml("predecessors.yaml").get("monarchies_ended") or []:
            ended = resolve_target(registry, row["target"])
            span = year_span(str(row.get("years", "")))
            if ended is not None and span is not None:
                self._monarchies_ended[id(ended)].append(
                    (span[0], span[1], str(row.get("evidence", ""))))
        self._held_forms: dict[int, str] = {}
        for row in read_yaml("predecessors.yaml").get("held_forms") or []:
            held = resolve_target(registry, row["target"])
            if held is not None:
                self._held_forms[id(held)] = str(row["form"])
        self._adjectives: dict[tuple[str, ...], list[tuple[Entity, str, bool]]] = (
            defaultdict(list)
        )
        for adj, ent, ev, imperial_only in adjective_records(registry, reference.adjectives):
            key = tuple(folded_form(w) for w in adj.split())
            if all(e is not ent for e, _, _ in self._adjectives[key]):
                self._adjectives[key].append((ent, ev, imperial_only))
        #: a current state -> the historical monarchy or empire the same adjective names
        #: ("Austrian": Austria, the Austrian Empire): "Empire of Austria" is the empire
        self._imperial_of: dict[int, Entity] = {}
        #: round 11: COW capitals, for "Yemen (Aden)"
        self._cow_capitals = reference.capitals
        #: round 11: the names of the countries and territories with an ISO code (OWID's table)
        self._place_names = reference.place_names
        for held in self._adjectives.values():
            past = [e for e, _, only in held if only and e.kind == "historical-state"]
            if len(past) == 1:
                for e, _, only in held:
                    if not only and e.kind == "state":
                        self._imperial_of[id(e)] = past[0]
        for row in read_yaml("adjectives.yaml").get("imperial_adjectives") or []:
            past = resolve_target(registry, row["target"])
            for spec in row.get("states") or []:
                now = resolve_target(registry, spec)
                if past is not None and now is not None:
                    self._imperial_of.setdefault(id(now), past)
        #: the names of states' long forms without their long-form words, folded ("Liên hiệp
        #: Vương quốc Anh và Bắc Ireland" -> "anhvabacireland"): a long form whose words come
        #: in another order ("Vương quốc Liên hiệp Anh và Bắc Ireland") names the same state
        self._cores: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
        for held in self._exact.values():
            for h in held:
                if h.entity.kind not in STATE_KINDS:
                    continue
                toks = h.text.split()
                ends = _prefix_ends([folded_form(t) for t in toks], self._state_forms)
                if len(toks) in ends:
                    continue  # long-form words only ("Arab Republic"): no name in it
                if ends:
                    core = folded_form(" ".join(toks[max(ends):]))
                    if core and all(e is not h.entity for e, _ in self._cores[core]):
                        self._cores[core].append((h.entity, h.text))
        #: Vietnamese names of organisations abbreviated by their syllables' initials, as the
        #: press writes them ("HĐBA" Hội đồng Bảo an, "NHTG" Ngân hàng Thế giới; an acronym
        #: inside the name stays whole: "ĐHĐ LHQ" Đại Hội đồng LHQ)
        #: and states' long forms abbreviated the same way, in Vietnamese ("VNCH" Việt Nam Cộng
        #: hòa, "CHXHCNVN") and in English ("LPDR", "PDRY")
        self._initialisms: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
        self._initials3: dict[str, list[tuple[Entity, str, int]]] = defaultdict(list)
        org_kinds_all = KIND_GROUPS["organisation"]
        for held in self._exact.values():
            for h in held:
                if h.method in ("cldr",) or any(c in h.text for c in "-,.()/"):
                    continue  # transliterations, data sets' inverted or shortened names
                words = [folded_form(t) for t in h.text.split()]
                if h.entity.kind in org_kinds_all and h.lang == "vi":
                    inis = {_vi_initials(h.text)}
                elif (h.entity.kind in org_kinds_all and h.lang == "en"
                      and h.method == "label"):
                    # round 8: an organisation's English name by its initials, four or
                    # more ("IORA", the Indian Ocean Rim Association's acronym since its
                    # 2013 renaming, where the data sets still give IOR-ARC)
                    inis = _en_initials(h.text)
                elif h.entity.kind in STATE_KINDS and h.lang == "vi" and _spans(
                    words, self._state_forms
                ):
                    inis = {_vi_initials(h.text)}  # a long form ("Việt Nam Cộng hòa": VNCH)
                elif h.entity.kind in STATE_KINDS and h.lang in (None, "en") and _spans(
                    words, self._state_forms
                ):
                    inis = _en_initials(h.text)  # a long form (LPDR)
                else:
                    continue
                for ini in inis:
                    # four letters or more: three-letter initials collide with too many
                    # acronyms of other things (IRA, SAR, CDC)
                    if len(ini) >= 4 and all(e is not h.entity
                                             for e, _ in self._initialisms[ini]):
                        self._initialisms[ini].append((h.entity, h.text))
                    elif (len(ini) == 3 and h.entity.kind in STATE_KINDS
                          and h.lang in (None, "en")
                          and all(e is not h.entity for e, _, _ in self._initials3[ini])):
                        # round 10: a state's English long form by three initials, kept with
                        # how many of them are the name's own words ("Republic of the Marshall
                        # Islands": RMI, two; "Islamic Republic of Afghanistan": IRA, one)
                        self._initials3[ini].append(
                            (h.entity, h.text, _name_initials(h.text, self._state_forms)))
        # round 10: a COW/Gleditsch-Ward abbreviation that is no ISO code and is the initials
        # of another state's English long form (DRV: COW's Vietnam, 816; the initials of the
        # "Democratic Republic of Vietnam") names both: ambiguous, the COW state first
        self._clashes = code_clashes(registry, codes=reference.codes)
        iso3 = {e.iso3 for e in registry.entities if e.iso3}
        for e in registry.entities:
            code = e.cow_abbrev
            if not code or code in iso3 or code in self._clashes or e.kind not in STATE_KINDS:
                continue
            rivals = _unique(x for x, _, _ in self._initials3.get(code, ()) if x is not e)
            if rivals:
                named = "; ".join(f"the initials of {t!r} ({x.label})"
                                  for x, t, _ in self._initials3[code] if x is not e)
                self._clashes[code] = CodeClash(
                    code, e, tuple(rivals),
                    f"COW {code} ({e.cow_code}): {e.label}; {named}")
        self._institution_words = _units(
            [*forms["institution_words"]["en"], *forms["institution_words"]["vi"]]
        )
        # Vietnamese names of organisations read word by word (linking/names/glossary_vi.yaml)
        org_kinds = KIND_GROUPS["organisation"]
        self._calques = Calques(
            (e, text)
            for e in registry.entities
            if e.kind in org_kinds
            for text in [
                *(t for lg, t in e.labels.items() if lg == "en"),
                *(t for t, lg in e.aliases if lg in (None, "en") and not looks_like_code(t)),
                # round 17: and the English names of bodies whose registry label is in
                # another language (linking/aliases.yaml english_names: "International
                # Volleyball Federation" of the FIVB)
                *(str(t) for t in (extra.get("english_names") or {}).get(e.key, ())),
            ]
        )
        #: round 17: the English press descriptions of bodies (press_en.yaml, without their
        #: article), read word by word for their Vietnamese renderings
        #: ("Diễn đàn Davos": the Davos forum) when no body's own name is read; kept apart
        #: from the names the generic readings search
        self._press_calques = Calques(
            ((rn.entity, rn.text) for rn in resolved
             if rn.method == "press-description" and rn.entity.kind in org_kinds
             and not rn.text.lower().startswith("the ")),
            glossary=self._calques.glossary)
        # ambiguous and preferred lists: the registry's (if it exposes them), then ours
        self._ambiguous: dict[str, list[Entity]] = {}
        for name, ents in (getattr(registry, "_ambiguous", None) or {}).items():
            self._ambiguous[folded_form(name)] = list(ents)
        for name, keys in (extra.get("ambiguous") or {}).items():
            found = [resolve_target(registry, k) for k in keys]
            ents = _unique(e for e in found if e is not None)
            if len(ents) > 1:
                self._ambiguous[folded_form(name)] = ents
        self._preferred: dict[str, Entity] = {}
        for name, ent in (getattr(registry, "_preferred", None) or {}).items():
            self._preferred[name] = ent
        for name, key in (extra.get("preferred") or {}).items():
            preferred = self._need(key)
            if preferred is not None:
                self._preferred[exact_form(name)] = preferred
        for form in list(self._preferred):
            if folded_form(form) in self._ambiguous:
                del self._preferred[form]
        self._historical_notes: dict[str, str] = dict(extra.get("notes") or {})
        # the same name in another language is as ambiguous ("Soudan", the French label of
        # Sudan, is "Sudan"): labels of the entities of an ambiguous name, in a language other
        # than English and Vietnamese, that are a spelling variant of it
        for amb_name, ents in list(self._ambiguous.items()):
            for e in ents:
                for lg, text in e.labels.items():
                    fo = folded_form(text)
                    if (lg not in ("en", "vi") and fo not in self._ambiguous
                            and _variant_of(text, amb_name)):
                        self._ambiguous[fo] = ents
        #: (phonetic key, folded name, entities) of the ambiguous names: a spelling variant of
        #: one (``Corea``, ``Kongo``) is reported ambiguous, never "no match"
        self._ambiguous_keys = [(phonetic_key(n), n, ents) for n, ents in self._ambiguous.items()
                                if len(n) >= 4]
        #: records of one body the registry holds more than once (once per data set): a name
        #: they share is not ambiguous, and a match names the record that stands for the body
        self._same: dict[str, tuple[Entity, str]] = same_bodies(registry, reference.same_body)
        self._phonetic: list[tuple[str, Entity, str, bool]] | None = None
        self._state_words: dict[str, set[int]] | None = None
        self._body_words: dict[str, int] | None = None
        self._territories: list[str] | None = None
        self._capitals_heard: list[str] | None = None
        #: round 23: above 0 while the head of a qualified name (a year, a period, a bracket)
        #: is read: a capital's government is then not read as today's state alone
        self._with_years = 0
        #: round 23: the folded words of every registry name (a word of one is no person's
        #: name: "People's Republic of Ukraine"), built on first use
        self._name_vocabulary: frozenset[str] | None = None
        self._holders: tuple[dict[str, set[int]], list[tuple[Entity, str]],
                             frozenset[str]] | None = None
        self._iy_folded: dict[str, list[_Name]] = defaultdict(list)
        #: names in one English spelling ("Organisation of American States" = "Organization
        #: of American States", "Programme"/"Program", "Labour"/"Labor")
        self._spelled: dict[str, list[_Name]] = defaultdict(list)
        for fo_key, held in self._folded.items():
            for h in held:
                if h.lang == "vi":
                    self._iy_folded[_iy_form(h.text)].append(h)
                elif h.lang in (None, "en"):
                    sp = folded_form(normal_spelling(h.text))
                    if sp and sp != fo_key:
                        self._spelled[sp].append(h)
        self._org_words: dict[str, set[str]] | None = None
        # fuzzy index over folded names
        self._forms = sorted(f for f in self._folded if len(f) >= 4)
        self._grams: dict[str, list[int]] = defaultdict(list)
        self._form_lengths = [len(f) for f in self._forms]
        # acronyms by their capitals (WTrO, WToO -> WTO): a Factbook-style split
        self._split_codes: dict[str, list[_Name]] = defaultdict(list)
        for names in self._codes.values():
            for h in names:
                if h.method == "acronym":
                    self._split_codes[_capitals(h.text)].append(h)
        for i, f in enumerate(self._forms):
            for g in trigrams(f):
                self._grams[g].append(i)

    # -- index -------------------------------------------------------------------------------

    def _acronym_support(self, e: Entity, code: str) -> list[str]:
        """:func:`acronym_support` with SupraVerden's records of this matcher's reference."""
        return acronym_support(e, code, self.reference.supraverden)

    def _ambiguous_names(self, extra: Mapping) -> set[str]:
        """The folded names of the ambiguous lists (the registry's and ``aliases.yaml``)."""
        names = {folded_form(n) for n in (getattr(self.registry, "_ambiguous", None) or {})}
        return names | {folded_form(n) for n in (extra.get("ambiguous") or {})}

    def _need(self, key: str) -> Entity | None:
        e = resolve_target(self.registry, key)
        if e is None:
            self.unknown_keys.append(key)
        return e

    @staticmethod
    def _names_of(e: Entity) -> Iterable[_Name]:
        if looks_like_code(e.key):
            yield _Name(e, e.key, None, "key", 0)
        else:
            yield _Name(e, e.key, None, "key", 1)
        for code in (e.iso2, e.iso3):
            if code:
                yield _Name(e, code, None, "iso-code", 0)
        for lang, text in e.labels.items():
            yield _Name(e, text, lang, "label", 0)
        for text in e.primary_names:
            yield _Name(e, text, None, "acronym" if looks_like_code(text) else "label", 0)
        for text in e.acronyms:
            yield _Name(e, text, None, "acronym", 1)
        for text, lang in e.aliases:
            yield _Name(e, text, lang, "alias", 1)
        if e.cow_abbrev:
            yield _Name(e, e.cow_abbrev, None, "cow-code", 2)

    def _add(self, n: _Name) -> None:
        code = n.method in ("iso-code", "acronym", "cow-code") or (
            n.method == "key" and looks_like_code(n.text)
        )
        if code:
            self._codes[n.text.strip()].append(n)
            f = folded_form(n.text)
            if f:
                self._codes_ci[f].append(n)
            return
        ex, fo = exact_form(n.text), folded_form(n.text)
        if ex:
            self._exact[ex].append(n)
        if fo:
            self._folded[fo].append(n)

    def _split_holders(self, code: str) -> list[Entity]:
        """Entities whose acronym is ``code`` with lower-case letters inserted (``IsDB`` for
        ``IDB``): code-like acronyms of two or more capitals only."""
        out = []
        for h in self._split_codes.get(code, ()):
            t = h.text
            if t != code and looks_like_code(t) and t[:1].isupper() and len(code) >= 2:
                out.append(h.entity)
        return _unique(out)

    # -- matching ----------------------------------------------------------------------------

    def match(
        self,
        name: str,
        *,
        kind: str | Collection[str] | None = None,
        lang: str | None = None,
        limit: int = 5,
    ) -> MatchResult:
        """Candidates for ``name``; ``kind`` ('state' | 'organisation' or a registry kind) and
        ``lang`` ('en' | 'vi') are hints that narrow ties. ``limit`` caps the candidates."""
        kinds = _kinds(kind)
        query = name if isinstance(name, str) else str(name)
        text = query.strip()
        if not text:
            return MatchResult(query, [], False, "empty name")
        result = self._match(text, kinds, lang)
        if result is None:
            # round 22: a body's office in a country or city ("the UNHCR office in Amman",
            # "văn phòng FAO tại Hà Nội") is not the body: no match
            result = self._local_office(query, text, lang)
        if result is None:
            # the name written another way, matched again: abbreviations written out (a fuzzy
            # read counts), the older Sino-Vietnamese order of a continent's name ("Âu châu" =
            # "châu Âu", Europe), a foreign name joined by the Vietnamese "và" ("Saint Kitts
            # và Nevis"), the Vietnamese word for a land or region before a name ("Xứ Hessen",
            # "xứ Bayern", as vi.wikipedia writes German lands); for the last three a fuzzy
            # read of the other writing is no evidence
            rewrites: tuple[tuple[Callable[[str], str | None], str, bool], ...] = (
                (_expand_abbreviations, "abbreviations written out: {!r}", True),
                (_continent_order, "read in today's word order: {!r}", False),
                (_and_for_va, "'và' read as 'and': {!r}", False),
                (_after_region_word, "region word 'xứ' before {!r}", False),
                # round 11: "Đặc khu (hành chính)", a special (administrative) region
                (_after_special_region, "'đặc khu' (special region) before {!r}", False),
                # round 15: "chính quyền" / "chế độ" (the government, the regime of) before a
                # state's name; "Royal" / "Imperial" before a name, a kingdom's or an empire's
                # long form ("Royal Yugoslavia" = "Kingdom of Yugoslavia"; convention B holds:
                # "Royal Italy" is no match)
                (_after_regime_word, "'chính quyền'/'chế độ' (the regime of) before {!r}", False),
                (_royal_form, "read as the long form {!r}", False),
                # round 17: a leading "the" before a name read by a later pass ("the Qing
                # Empire")
                (_without_article, "read without its article: {!r}", False),
                # round 18: a press descriptor before a state's name ("nước chủ nhà Qatar",
                # the host country; "quốc đảo Tuvalu", the island state)
                (_after_descriptor, "a press descriptor before {!r}", False),
                # round 22: a count of members before a known name ("the 193-member General
                # Assembly") is just the name
                (_without_member_count, "a count of members before {!r}", False),
            )
            for rewrite, why, fuzzy_counts in rewrites:
                other = rewrite(text)
                if other is None or other == text:
                    continue
                r = self.match(other, kind=kind, lang=lang, limit=limit)
                if rewrite in (_after_descriptor, _after_regime_word) and not all(
                        c.entity.kind in STATE_KINDS for c in r.candidates[:1]):
                    # a state's descriptor names a state; so does a regime word (round 23:
                    # "chính quyền Ulan Bator" is no place record, read by the capital frame)
                    continue
                if r.ambiguous or (r.best is not None
                                   and (fuzzy_counts or r.best.method != "fuzzy")):
                    return _reread(query, r, why.format(other))
        if result is None:
            qual = split_qualifier(text)
            inv = uninvert(text)
            if qual is not None and _ACRONYM.fullmatch(qual[1]):
                # round 16: an acronym in brackets after a name ("Liên minh châu Phi (AU)")
                # is the name's own evidence: the body the name is read as must hold it
                result = self._with_acronym(query, qual[0], qual[1], kind, lang, limit)
            if result is None and qual is not None:
                result = self._qualified(query, qual[0], qual[1], kinds, lang)
            if result is None and inv is not None:
                r = self._match(inv, kinds, lang)
                if r is not None:
                    result = _rescore(r, query, -10.0, "inverted")
        if result is None:
            # round 15: a span of years after the name without brackets ("Germany
            # 1949–1990", "Vietnam, 1955-1975"), read as in brackets
            yr = _TRAILING_YEARS.fullmatch(text)
            if yr is not None:
                result = self._by_period(query, yr.group("head"), yr.group("years"), kinds)
        if result is None:
            # round 18: a century after the name ("Đế quốc Ottoman thế kỷ 19", "Russia in the
            # 19th century", "Ba Lan thế kỷ XVIII"), read as its span of years
            cy = _century(text)
            if cy is not None:
                result = self._by_period(query, cy[0], cy[1], kinds)
        if result is None:
            # round 17: a state's regime named by its ruler or dynasty ("Tito's Yugoslavia",
            # "nước Đức thời Hitler", "the Kerensky government"), from a sourced table only
            result = self._by_ruler(query, text, kinds)
        if result is None:
            # round 22: two states named together ("the two Koreas", "hai nước Yemen"):
            # ambiguous with the records of the name that coexisted, never one of them
            result = self._pair_of_states(query, text, kinds, lang)
        if result is None:
            # round 21: a capital standing for its state's government ("the Kigali
            # government", "chính quyền Bamako")
            result = self._capital_government(query, text, kinds)
        if result is None:
            # round 22: a state in a press frame of region, kind and regime words ("the West
            # African state of Benin", "đảo quốc Thái Bình Dương Vanuatu", "chính quyền quân
            # sự Mali"), read when the region holds the state's COW code
            result = self._region_frame(query, text, kinds, lang)
        if result is None:
            # round 21: a state by its role of the moment ("ASEAN chair Laos", "COP29 host
            # Azerbaijan", "nước Chủ tịch ASEAN 2025 Malaysia")
            result = self._role_frame(query, text, kinds, lang)
        if result is None:
            # round 13: a state named with its capital after a hyphen ("Guinea-Conakry", as
            # "Congo-Brazzaville" is written): read as "Guinea (Conakry)", and only when the
            # capital chooses the state
            hy = re.fullmatch(r"(\w[\w ]*\w)-(\w[\w ]*\w)", text)
            if hy is not None:
                r = self._match(hy.group(1), kinds, lang)
                if r is not None:
                    result = self._by_capital(query, hy.group(1), hy.group(2), r, kinds)
        if result is None:
            result = self._official_form(query, text, kinds, lang)
        if result is None:
            result = self._islands(query, text, kinds, lang)
        if result is None:
            result = self._bare_long_form(query, text, kinds)
        if result is None:
            result = self._former(query, text, kinds, lang)
        if result is None:
            result = self._older_order(query, text, kinds, lang)
        if result is None:
            result = self._vi_abbreviation(query, text, kinds, lang)
        if (result is None and len(text) <= 60 and transliterated(text)
                and not _prefix_ends([folded_form(t) for t in text.split()],
                                     self._state_forms)):
            # (round 14: long-form words are no sounds of a name, as in _official_form)
            result = self._transliteration(query, text, kinds)
        if result is None:
            result = self._calque(query, text, kinds)
        if result is None:
            result = self._institution(query, text, kinds, lang)
        if result is None:
            result = self._org_head(query, text, kinds, lang)
        if result is None:
            result = self._initialism(query, text, kinds)
        if result is None:
            result = self._split_only(query, text, kinds)
        if result is None:
            result = self._numbered(query, text, kinds)
        if result is None:
            result = self._generic_body(query, text, kinds)
        if result is None:
            result = self._press_frame(query, text, kind, lang, limit)
        if result is None:
            result = self._qualifier_frame(query, text, kind, kinds, lang, limit)
        if result is None:
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
            if result.best is None and not result.ambiguous:
                # round 22: "the UN <field> agency", "cơ quan <field> của LHQ": the UN's body
                # of that field, by its own name (after every other reading: a generic name
                # that reading finds several bodies for stays ambiguous)
                result = self._un_body(query, text, kinds) or result
            if result.best is None and not result.ambiguous:
                result = self._ambiguous_variant(query, text, kinds) or result
            if result.best is None and not result.ambiguous:
                # round 15: after every reading of one body, a generic name of bodies on one
                # subject ("African locust control organisation")
                result = self._topic_body(query, text, kinds) or result
            if result.best is None and not result.ambiguous:
                # round 18: a name whose content words are all in one name of one entity
                # and of no other, the rest of that name being place words
                result = self._only_holder(query, text, kinds) or result
        result = self._one_body(result)
        if result.best is not None and _PLUS.search(text) and not any(
                _PLUS.search(n) for n in _all_names(result.best.entity)):
            # round 17: "OPEC+", "ASEAN Plus", "OPEC mở rộng" name a grouping larger than the
            # body whose name they hold: no match unless the body's own names say so
            e = result.best.entity
            result = MatchResult(
                query, [Candidate(e, min(result.best.score, 60.0), False, result.best.method,
                                  result.best.evidence)], False,
                f"no match: {text!r} names a grouping enlarged beyond {describe(e)} ('+', "
                "'Plus' or 'mở rộng'), which none of its names in the registry says")
        return MatchResult(
            result.query, result.candidates[: max(1, limit)], result.ambiguous, result.note
        )

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

    def stands_for(self, iri: str) -> str:
        """The IRI of the record that stands for the body ``iri`` is a record of (``iri``
        itself unless the registry holds the body more than once)."""
        same = self._same.get(iri)
        return same[0].iri if same else iri

    def same_body(self, iri: str) -> tuple[Entity | None, str]:
        """(the record that stands for the body ``iri`` is another record of, the evidence of
        the join), or ``(None, "")`` when the registry holds that body once or ``iri`` stands
        for it."""
        same = self._same.get(iri)
        if same is None or same[0].iri == iri:
            return None, ""
        return same[0], same[1]

    def _one_body(self, r: MatchResult) -> MatchResult:
        """Candidates that are records of one body (:func:`~.names.same_bodies`) become one
        candidate, the record that stands for the body, with the others named in its evidence;
        an ambiguous name whose candidates are all one body is a match."""
        if not any(c.entity.iri in self._same for c in r.candidates):
            return r
        out: list[Candidate] = []
        scores: dict[int, float] = {}
        for c in r.candidates:
            head, ev = self._same.get(c.entity.iri, (c.entity, ""))
            scores[id(head)] = max(scores.get(id(head), 0.0), c.score)
            if any(o.entity is head for o in out):
                continue
            out.append(Candidate(head, c.score, c.match, c.method, _join(c.evidence, ev)))
        if r.ambiguous and len(out) == 1:
            head = out[0].entity
            ev = _join("every candidate is a record of one body", out[0].evidence)
            score = min(97.0, scores[id(head)] + 10.0)
            return MatchResult(r.query, [Candidate(head, score, True, "same-body", ev)], False,
                               self._note(head))
        if r.ambiguous:
            return MatchResult(r.query, out, True,
                               "ambiguous: " + ", ".join(describe(c.entity) for c in out))
        return MatchResult(r.query, out, False, r.note)

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

    def _qualified(
        self,
        query: str,
        head: str,
        qual: str,
        kinds: frozenset[str] | None,
        lang: str | None,
    ) -> MatchResult | None:
        if folded_form(qual) in _DIRECTIONS:
            # round 15: a direction in brackets is the direction of the name ("Vietnam
            # (South)" = "South Vietnam", the Republic of Vietnam; "Yemen (North)" = "North
            # Yemen"), never the state the head names alone
            for other in (f"{qual} {head}", f"{head} {qual}"):
                r1 = self._match(other, kinds, lang)
                if r1 is not None and (r1.best is not None or r1.ambiguous):
                    cands = [Candidate(c.entity, min(c.score, 90.0), c.match,
                                       "qualified" if c.match else c.method,
                                       _join(f"read as {other!r}", c.evidence))
                             for c in r1.candidates]
                    return MatchResult(query, cands, r1.ambiguous, r1.note)
        self._with_years += 1
        try:
            r = self._match(head, kinds, lang)
        finally:
            self._with_years -= 1
        if r is None:
            return None
        want = tokens(qual)
        cands = list(r.candidates)
        by_capital = self._by_capital(query, head, qual, r, kinds)
        if by_capital is not None:
            return by_capital
        by_period = self._by_period(query, head, qual, kinds)
        if by_period is not None:
            return by_period
        if not r.ambiguous:
            if r.best is not None and want & _words_of(r.best.entity):
                return _rescore(r, query, -10.0, "qualified")
            # a Factbook-style split of the acronym (WTrO/WToO for WTO, ICCt for ICC): the
            # qualifier chooses among the entities whose acronym has these capitals
            split = [h.entity for h in self._split_codes.get(head, ()) if h.text != head]
            extra = [Candidate(e, 80.0, False, "acronym") for e in _unique(split)]
            if not extra:
                return _rescore(r, query, -10.0, "qualified")
            cands += [c for c in extra if all(c.entity is not x.entity for x in cands)]
        scored = []
        for c in cands:
            e = c.entity
            words: set[str] = set()
            for t in [*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms, e.key]:
                words |= tokens(t)
            scored.append((len(want & words), c))
        scored.sort(key=lambda x: -x[0])
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            e = scored[0][1].entity
            return _single(
                query, e, 90.0, "qualified", self._note(e),
                f"{head!r} narrowed by the qualifier {qual!r}",
            )
        if not r.ambiguous:
            return _rescore(r, query, -10.0, "qualified")
        return MatchResult(query, r.candidates, True, r.note)

    def _with_acronym(
        self, query: str, head: str, code: str, kind: str | Collection[str] | None,
        lang: str | None, limit: int,
    ) -> MatchResult | None:
        """Round 16: a name with an acronym in brackets ("Liên minh châu Phi (AU)"): the
        name without it, when the body it is read as holds that acronym; when the body holds
        another acronym, no match (the name's two parts name different bodies). None when the
        name without the acronym is not read (the other readings follow)."""
        r = self.match(head, kind=kind, lang=lang, limit=limit)
        if r.best is None:
            return None
        e = r.best.entity
        if _holds_code(e, code):
            return _single(query, e, min(r.best.score, 95.0), "qualified-acronym",
                           self._note(e),
                           _join(f"the acronym in brackets {code!r} is one of its acronyms "
                                 "or names",
                                 r.best.evidence))
        if e.kind not in KIND_GROUPS["organisation"] or not e.acronyms:
            return None
        return MatchResult(
            query, [Candidate(e, 60.0, False, r.best.method, r.best.evidence)], False,
            f"no match: {head!r} reads as {describe(e)}, which does not hold the acronym in "
            f"brackets {code!r}")

    def _press_frame(self, query: str, text: str, kind: str | Collection[str] | None,
                     lang: str | None, limit: int) -> MatchResult | None:
        """Round 19 (the lead): a name inside a press frame ("phía Nhật Bản", the Japanese
        side; "quốc gia Đông Phi Kenya", the East African country Kenya; "the Himalayan
        kingdom of Bhutan"), read when every other reading failed: the longest remainder
        (:func:`press_frame_readings`) read as a state without a fuzzy step (after "phía",
        any entity: "phía EU")."""
        for other, states_only in press_frame_readings(text):
            r = self.match(other, kind=kind, lang=lang, limit=limit)
            top = r.candidates[:1]
            if not top or (states_only and top[0].entity.kind not in STATE_KINDS):
                continue
            best = r.best
            if r.ambiguous or (best is not None and best.method != "fuzzy"
                               and "code" not in best.method and "translit" not in best.method):
                # (a code or a transliteration read from a region's last word is no name:
                # "quốc gia châu Phi", the African country, is not 'PHI', the Philippines)
                return _reread(query, r, f"a press frame around {other!r}")
        return None

    def _qualifier_frame(self, query: str, text: str, kind: str | Collection[str] | None,
                         kinds: frozenset[str] | None, lang: str | None,
                         limit: int) -> MatchResult | None:
        """Round 20: a known name with a qualifier around it, read when every other reading
        failed (just before the fuzzy pass): a seat ("the Geneva-based League of Nations",
        "Hội Quốc liên Geneva": a city of the seats and capitals of the reference tables), a
        period ("Liên hợp quốc thời Chiến tranh Lạnh", "the Habsburg Empire in 1850", "X of
        the 1920s": the period must not contradict the entity's span, and narrows a name
        several entities hold), or a description before an acronym ("Hội đồng Tương trợ Kinh
        tế SEV", "Quỹ Phát triển Quốc tế OPEC": :meth:`_described_acronym`). The name inside
        must be read without a fuzzy step, a code or a transliteration."""
        seat = self._seat_reading(text)
        if seat is not None:
            rest, city = seat
            r = self.match(rest, kind=kind, lang=lang, limit=limit)
            if (r.best is not None and not r.ambiguous and _plain_reading(r.best.method)
                    and r.best.entity.kind in KIND_GROUPS["organisation"]):
                return _reread(query, r, f"{rest!r} with its seat {city!r} (a city of the "
                               "reference tables' seats and capitals)")
            if (r.best is None or not _plain_reading(r.best.method)) and re.search(
                    r"-based\s|\s(?:in|at|tại|ở)\s", text, re.IGNORECASE):
                # (a seat said as one: "-based", "in", "tại"; a city's name ending a name is
                # no seat: "Principality of Monaco", misspelt, is read by the fuzzy pass)
                domain = self._seat_domain(query, rest, city, kinds)
                if domain is not None:
                    return domain
        period = _period_qualifier(text)
        if period is not None:
            head, (a, b), what = period
            self._with_years += 1
            try:
                r = self.match(head, kind=kind, lang=lang, limit=limit)
            finally:
                self._with_years -= 1
            fit = [c for c in r.candidates
                   if (r.ambiguous or c is r.best) and _plain_reading(c.method)
                   and self._span_allows(c.entity, a, b)]
            if r.best is not None and not r.ambiguous and fit:
                e = r.best.entity
                if e.kind in STATE_KINDS:
                    # a state read for a past period is read as the state's regimes then
                    # (round 15-17's reading by period), never today's state on its own
                    return self._by_period(query, head, f"{a}–{b}", kinds)
                return _reread(query, r, f"{head!r} qualified by the period {what!r} "
                               f"({a}–{b}), which its registry span does not contradict")
            if r.ambiguous and fit:
                ents = _unique(c.entity for c in fit if span_of(c.entity) is not None
                               or c.entity.existed_until)
                ev = (f"{head!r} names several entities; the period {what!r} ({a}–{b}) "
                      "narrows them to those whose registry spans hold it")
                if len(ents) == 1:
                    return _single(query, ents[0], 85.0, "qualified-period",
                                   self._note(ents[0]), ev)
                if len(ents) > 1:
                    amb = _ambiguous(query, ents, 85.0)
                    return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        return self._described_acronym(query, text, kind, lang, limit)

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

    def _seat_domain(self, query: str, rest: str, city: str,
                     kinds: frozenset[str] | None) -> MatchResult | None:
        """Round 22: a body described by its seat and its field ("the Vienna-based atomic
        agency", "the Abidjan-based lender"): the bodies whose SupraVerden headquarters are in
        ``city`` and whose English names hold every word of the description but the generic
        heads (body, agency, organisation ...; "UN"), a word read through
        :data:`_DOMAIN_WORDS` ("lender": a bank). One body: a match; several: ambiguous; none
        (or a description of generic words only): None (the later readings may still read
        the name; none of them reads a seat and a field)."""
        org_kinds = KIND_GROUPS["organisation"]
        if kinds is not None and not kinds & org_kinds:
            return None
        words = [singular_form(w) for w in content_words(rest.replace("'s", " "))
                 if w not in _SEAT_GENERIC]
        if not words or len(words) > 5:
            return None
        want = [_DOMAIN_WORDS.get(w, w) for w in words]
        place = folded_form(city)
        found, unsure, countries = [], [], set()
        for e in self.registry.entities:
            if e.kind not in org_kinds or e.confidence == "conflicting" or (
                    kinds is not None and e.kind not in kinds):
                continue
            hqs = [[p.strip() for p in r.headquarters.split(",")]
                   for r in supraverden_of(e, self.reference.supraverden) if r.headquarters]
            if not hqs:
                continue
            names = [e.labels.get("en", ""),
                     *(t for t, lg in e.aliases if lg in (None, "en") and not looks_like_code(t))]
            held = set().union(*({singular_form(w) for w in content_words(n)} for n in names))
            if not all(w in held for w in want):
                continue
            head = self._same.get(e.iri, (e, ""))[0]
            if any(folded_form(h[0]) == place for h in hqs):
                found.append(head)
                countries |= {folded_form(h[-1]) for h in hqs if len(h) > 1}
            elif all(set(_folded_words_of(h[0])) & _BUILDING_WORDS for h in hqs):
                # a headquarters written as a building ("Centre William Rappard,
                # Switzerland"): its city is unknown, the body may sit in ``city``
                unsure.append((head, {folded_form(h[-1]) for h in hqs if len(h) > 1}))
        # a body of these words whose seat is a building in the same country is a rival
        found = _unique([*found, *(e for e, cs in unsure if found and cs & countries)])
        ev = (f"the bodies seated in {city!r} (SupraVerden's headquarters) whose English names "
              f"hold {' + '.join(want)}")
        if not found:
            return None
        if len(found) > 1:
            amb = _ambiguous(query, found, 82.0)
            return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        e = found[0]
        return _single(query, e, 86.0, "seat-and-field", self._note(e), f"{ev}: {e.label!r}")

    def _span_allows(self, e: Entity, a: int, b: int) -> bool:
        """Round 20: whether ``e``'s span overlaps the years ``a``-``b``: its registry span,
        else the founding year of its SupraVerden record as its start; open at an end no
        source gives."""
        es = span_of(e)
        s = int(e.existed_from[:4]) if e.existed_from else (es[0] if es else None)
        if s is None:
            years = [int(r.established[:4]) for r in supraverden_of(
                e, self.reference.supraverden) if r.established
                and r.established[:4].isdigit()]
            s = min(years) if years else None
        t = int(e.existed_until[:4]) if e.existed_until else (es[1] if es else None)
        return (s is None or s <= b) and (t is None or a <= t)

    def _seat_cities(self) -> frozenset[str]:
        """Round 20: the folded names of the cities bodies sit in or states are governed
        from: SupraVerden's headquarters (the city before the first comma) and the COW
        capitals."""
        cached = getattr(self, "_seat_city_set", None)
        if cached is None:
            out = {folded_form(r.headquarters.split(",")[0])
                   for r in self.reference.supraverden.values() if r.headquarters}
            out |= {folded_form(c) for c in self._cow_capitals.by_capital}
            cached = frozenset(c for c in out if len(c) >= 4)
            self._seat_city_set = cached
        return cached

    def _seat_reading(self, text: str) -> tuple[str, str] | None:
        """Round 20: (the name, the city) of a name with its seat: "the <city>-based <name>",
        "<name> <city>", "<name> tại|ở|in <city>"; None when the city is none of
        :meth:`_seat_cities`."""
        cities = self._seat_cities()
        m = re.fullmatch(r"(?:the\s+)?(?P<city>\w[\w .'’]*?)-based\s+(?P<rest>\S.*)", text,
                         re.IGNORECASE)
        if m is not None and folded_form(m.group("city")) in cities:
            return m.group("rest"), m.group("city")
        words = text.split()
        for n in (1, 2, 3):
            if len(words) <= n:
                break
            city = " ".join(words[-n:])
            if not city[:1].isupper() or folded_form(city) not in cities:
                continue
            rest = words[:-n]
            if len(rest) > 1 and rest[-1].lower() in ("tại", "ở", "in", "at"):
                rest = rest[:-1]
            return " ".join(rest), city
        return None

    def _described_acronym(self, query: str, text: str, kind: str | Collection[str] | None,
                           lang: str | None, limit: int) -> MatchResult | None:
        """Round 20: a description before an acronym ("Hội đồng Tương trợ Kinh tế SEV",
        "Nhóm các nền kinh tế lớn G20"): the acronym decides, read alone without a fuzzy
        step; the words before it must not contradict it. They contradict it when their
        head (the first phrase the glossary reads, not a generic head such as "Nhóm", group)
        is no word of the body's English names, or when the glossary reads them whole and
        those words (less generic heads) are not all in one of its names. A body whose
        English name holds the acronym as a word and every word read from the description
        ("OPEC Fund for International Development" for "Quỹ Phát triển Quốc tế OPEC") is
        read first."""
        m = re.fullmatch(r"(?P<desc>\S.*?)\s+(?P<code>[A-Z][\w-]{1,9})", text)
        if m is None:
            return None
        desc, code = m.group("desc"), m.group("code")
        if not _ACRONYM.fullmatch(code) and not (
                code[:1].isupper() and len(code) <= 5 and desc.split()[-1].islower()):
            # a short name in title case ("Quad") only after a lower-case word: after a
            # capitalised one it ends a name ("Việt Nam")
            return None
        r = self.match(code, kind=kind, lang=lang, limit=limit)
        if r.best is None or r.ambiguous or not _plain_reading(r.best.method):
            return None
        holder = r.best.entity
        if holder.kind not in KIND_GROUPS["organisation"]:
            return None
        glossary = self._calques.glossary
        vi = _has_vi_letters(desc)
        whole = glossary.phrase_readings(desc) if vi else [
            frozenset(content_words(desc)) - _GENERIC_HEADS_EN]
        words = _folded_words_of(desc)
        head: list[frozenset[str]] = []
        for n in range(min(4, len(words)), 0, -1):
            head = glossary.phrase_readings(" ".join(words[:n])) if vi else []
            if head:
                break
        code_word = folded_form(code).replace("-", "")
        cands = [holder] + [e for e in self.registry.entities
                            if e is not holder and e.kind in KIND_GROUPS["organisation"]
                            and any(code_word in {w.replace("-", "") for w in ws}
                                    for ws in _english_word_sets(e))]

        def fits(e: Entity) -> bool:
            sets = _english_word_sets(e)
            if head and not any(not (h - _GENERIC_HEADS_EN) or any(h <= ws for ws in sets)
                                for h in head):
                return False
            return not whole or any(not (w - _GENERIC_HEADS_EN)
                                    or any(w - _GENERIC_HEADS_EN <= ws for ws in sets)
                                    for w in whole)

        found = [e for e in cands if fits(e)]
        if not found or (vi and not head):
            return None  # (a Vietnamese description must be read at least in its head)
        # a body whose name holds the acronym and the description is read before the holder
        e = found[1] if len(found) > 1 and found[0] is holder and whole else found[0]
        if len(found) > 2 and e is not holder:
            return None
        return _single(query, e, 85.0, "described-acronym", self._note(e),
                       f"the acronym {code!r} read as {describe(holder)}; the words before it "
                       f"({desc!r}) do not contradict "
                       + ("it" if e is holder else f"and name {describe(e)}"))

    def _fuzzy(self, query: str, text: str, kinds: frozenset[str] | None) -> MatchResult:
        fo = folded_form(text)
        if len(fo) < 4:
            return MatchResult(query, [], False, "no match")
        counter: Counter[int] = Counter()
        for g in trigrams(fo):
            counter.update(self._grams.get(g, ()))
        if not counter:
            return MatchResult(query, [], False, "no match")
        n_q = len(fo) + 4
        lengths = self._form_lengths
        shortlist = heapq.nlargest(
            40, counter.items(), key=lambda kv: 2 * kv[1] / (n_q + lengths[kv[0]])
        )
        shortlist = [i for i, _n in shortlist]
        best: dict[int, tuple[float, Entity, str]] = {}
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(fo)
        for i in shortlist:
            form = self._forms[i]
            sm.set_seq1(form)
            if sm.real_quick_ratio() < FUZZY_CUTOFF or sm.quick_ratio() < FUZZY_CUTOFF:
                continue
            ratio = sm.ratio()
            if ratio < FUZZY_CUTOFF:
                continue
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
                other = self._federal_unit(query, best.entity, words[:k], form, rest)
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
        return [e for e in self.registry.entities if e.kind in state_kinds and any(
            ws[i:i + n] == words for ws in _name_words(e) for i in range(len(ws) - n + 1))]

    def _by_capital(
        self, query: str, head: str, qual: str, r: MatchResult, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 11: a state named with its capital in brackets ("Yemen (Aden)", "Yemen
        (Sanaa)"): of the states of that name, the one whose COW capital it is; when several
        had it (Sanaa: North Yemen's, then united Yemen's), the one that shared the name with a
        state of another capital at the same time (the brackets are there to tell the two
        apart). None when the qualifier is no COW capital or chooses nothing new."""
        codes = self._cow_capitals.codes(qual)
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not codes or not state_kinds:
            return None
        named = self._named(head, state_kinds)
        pool = [e for e in named if e.cow_code in codes]
        if len(pool) > 1:
            years = self._cow_capitals.years
            rivals = [e for e in named if e.cow_code is not None and e.cow_code not in codes
                      and e.cow_code in years]

            def overlaps(e: Entity) -> bool:
                a = years.get(e.cow_code) if e.cow_code is not None else None
                return a is not None and any(
                    a[0] < years[x.cow_code][1] and years[x.cow_code][0] < a[1]  # type: ignore[index]
                    for x in rivals)

            pool = [e for e in pool if overlaps(e)]
        if len(pool) != 1 or (r.best is not None and pool[0] is r.best.entity):
            return None
        e = pool[0]
        ev = (f"{head!r} narrowed by the capital {qual!r}: COW names it the capital of "
              f"{e.label} (COW {e.cow_code})")
        return _single(query, e, 90.0, "qualified", self._note(e), ev)

    def _by_period(
        self, query: str, head: str, qual: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 23: :meth:`_by_period_read` with :attr:`_with_years` raised (the head's
        capital government is not read as today's state alone)."""
        self._with_years += 1
        try:
            return self._by_period_read(query, head, qual, kinds)
        finally:
            self._with_years -= 1

    def _by_period_read(
        self, query: str, head: str, qual: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 15: a state named with a span of years ("Vietnam (1955–1975)", "Germany
        (1949–1990)"): the historical states that have the name's words in a row in one of
        their names and whose registry span (existed_from to existed_until) overlaps those
        years. Two or more: ambiguous between them, never today's state (a divided state named
        by its period); one, whose span holds the years: that state. None when no historical
        state of the name fits (today's state is read as before) or the qualifier is no span."""
        span = year_span(qual)
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if span is None or not state_kinds:
            return None
        a, b = span

        def fitting(named: list[Entity]) -> list[tuple[Entity, int, int]]:
            out = []
            for e in named:
                es = span_of(e) if e.kind != "state" else None
                if es is None and e.kind != "state" and e.existed_until and a == b:
                    # round 20: a span open before its end (the registry gives no start:
                    # the Russian Empire) holds a year up to its end, as in _family_fit
                    es = (0, int(e.existed_until[:4]))
                if es is None:
                    continue
                s, t = es
                if s < b and a < t if a < b else s <= a <= t:
                    out.append((e, s, t))
            return out

        fit = fitting(self._named(head, state_kinds))
        r = self._match(head, STATE_KINDS, None) if not fit else None
        if not fit and r is None:
            # round 17: a head that only a later reading names ("nước Đức", the country word
            # before "Đức")
            r = self.match(head, kind=STATE_KINDS)
        x = r.best.entity if (r is not None and r.best is not None and r.best.match) else None
        label = x.labels.get("en", "") if x is not None else ""
        if not fit and x is not None and x.kind == "state" and label and (
                folded_form(label) != folded_form(head)):
            # round 16: a native or long-form name before the years ("Bundesrepublik
            # Deutschland (1949–1990)") is read like the English name of the state it names:
            # the historical states of that name, and of them the ones that bore the same
            # long form (a name of theirs read as that state's long form)
            fit = fitting(self._named(label, state_kinds))
            if len(fit) > 1 and r is not None and r.best is not None and self._long_form(
                    head, r.best.method):
                bore = [f for f in fit if self._bore_long_form(f[0], x)]
                fit = bore or fit
            if fit:
                head = f"{head} ({label})"
        how = "named"
        if fit and a == b:
            # round 20: one year that saw several regimes of the state ("Russia in 1917": the
            # Empire, the Provisional Government's republic, the RSFSR) is ambiguous between
            # them all: the states of the name's family (by its adjective and by succession)
            # whose spans hold the year join those named so
            r0 = self._match(head, STATE_KINDS, None)
            x0 = r0.best.entity if (r0 is not None and r0.best is not None
                                    and r0.best.match) else None
            if (x0 is not None and x0.kind == "state" and r0 is not None
                    and r0.best is not None and not self._long_form(head, r0.best.method)):
                # (the states of its name only, by its adjective: succession alone links
                # states that never bore the name; a long form keeps round 16's reading)
                of_name = self._of_name(x0, state_kinds)
                more = [f for f in self._family_fit(x0, a, b, state_kinds)
                        if all(f[0] is not g[0] for g in fit)
                        and any(f[0] is n for n in of_name)]
                if more:
                    fit = fit + more
                    how = "named, or linked by succession to a state named"
        xs = span_of(x) if x is not None and x.kind == "historical-state" else None
        if not fit and xs is not None and xs[0] <= a and b <= xs[1] and r is not None and (
                r.best is not None and r.best.method != "fuzzy"):
            # round 23: a head read as one historical state whose span holds the years is
            # that state ("North Yemen under Saleh in 1980": "North" decides, not the
            # states linked to the Yemen Arab Republic by succession)
            fit = [(x, xs[0], xs[1])]
        if not fit and x is not None:
            # round 17: the states that held the name or succeeded one another under it:
            # those named by the state's name or its adjective ("Russian Empire" for
            # "Russia"; a span left open before its end when the registry gives no start),
            # and their predecessors and successors in the registry (succeeded_by; a full span
            # needed: "Russia in 1950" is the Soviet Union)
            fit = self._family_fit(x, a, b, state_kinds)
            how = "named, or linked by succession to a state named"
        if not fit:
            return None
        spans = ", ".join(f"{e.label} {s}–{t}" for e, s, t in fit)
        if len(fit) > 1:
            r = _ambiguous(query, [e for e, _, _ in fit], 88.0)
            return MatchResult(
                query, r.candidates, True,
                f"{r.note} (the states {how} {head!r} whose registry spans overlap the "
                f"years {qual!r}: {spans}; today's state is not read for a past period)")
        e, s, t = fit[0]
        if not (s <= a and b <= t):
            return None
        return _single(query, e, 88.0, "qualified-period", self._note(e),
                       f"{head!r} narrowed by the years {qual!r}: of the states {how} so, "
                       f"only {spans} covers them")

    def _family_fit(
        self, x: Entity, a: int, b: int, state_kinds: frozenset[str]
    ) -> list[tuple[Entity, int, int]]:
        """Round 17: the historical states of ``x``'s name whose spans overlap the years
        ``a``-``b`` (one year: hold it): those with ``x``'s English name or its adjective in a
        name ("Austrian Empire", "Russian Soviet Federative Socialist Republic"), whose span
        may be open before its end when the registry gives no start (the Russian Empire, Qing
        China), and the states linked to them or to ``x`` by the registry's succession
        (``succeeded_by``, both ways), whose span must be whole."""
        named = [e for e in self._of_name(x, state_kinds) if e.kind == "historical-state"]
        linked = self._succession(x, named)
        out = []
        for e in _unique([*named, *linked]):
            if e.kind != "historical-state" or e.kind not in state_kinds:
                continue
            es = span_of(e)
            if es is None and e.existed_until and any(e is n for n in named):
                es = (0, int(e.existed_until[:4]))
            if es is None:
                continue
            s_, t = es
            if (s_ < b and a < t) if a < b else (s_ <= a <= t):
                out.append((e, s_, t))
        return out

    def _family(self, x: Entity, state_kinds: frozenset[str]) -> list[Entity]:
        """Round 17: ``x`` and the states of its name: those with its English name or its
        adjective in a name, and the states linked to them by succession."""
        named = self._of_name(x, state_kinds)
        return _unique([x, *named, *self._succession(x, named)])

    def _of_name(self, x: Entity, state_kinds: frozenset[str]) -> list[Entity]:
        """Round 17: the states with ``x``'s English name or its adjective in a name (of
        :func:`_family` and :func:`_family_fit`), each once."""
        label = x.labels.get("en", "")
        named = self._named(label, state_kinds) if label else []
        for words, held in self._adjectives.items():
            if any(e is x for e, _, _ in held):
                n = len(words)
                named += [e for e in self.registry.entities if e.kind in state_kinds and any(
                    tuple(ws[i:i + n]) == words for ws in _name_words(e)
                    for i in range(len(ws) - n + 1))]
        return _unique(named)

    def _by_ruler(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 17: a state's regime named by its ruler or its dynasty, read only from the
        table ``rulers`` of predecessors.yaml: "Tito's Yugoslavia", "Germany under Hitler",
        "Nam Tư thời Tito", "Việt Nam thời nhà Nguyễn", "Nguyen dynasty Vietnam" (the ruler's
        state, when it is the state named or a state of its name or succession: "Tito's
        Germany" is no match), "the Kerensky government", "chính quyền Ngô Đình Diệm" (the
        ruler's state). A ruler of two such states ("Lenin's Russia": the RSFSR and the
        Soviet Union) makes the name ambiguous. None when no pattern holds a listed ruler."""
        if (not self._rulers and not self.reference.leaders) or len(text) > 80:
            return None
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds:
            return None
        for pattern in _RULER_PATTERNS:
            m = pattern.fullmatch(text)
            if m is None:
                continue
            ruler = m.group("ruler")
            state = m.groupdict().get("state")
            rows = self._rulers.get(folded_form(ruler))
            source = "predecessors.yaml rulers: "
            if not rows:
                rows, source = self._archigos(ruler), ""
            if not rows and state:
                # round 23: a name several leaders hold ("Franco", "Orban", "Castro") read
                # among the leaders of the states the name names
                among = self._states_named(state, state_kinds)
                if among:
                    rows = self._archigos(ruler, frozenset(e.iri for e in among))
            if not rows:
                if state:
                    unknown = self._unknown_ruler(query, ruler, state, state_kinds)
                    if unknown is not None:
                        return unknown
                    if pattern is _RULER_PATTERNS[0]:
                        later = self._later_leader(query, ruler, state, state_kinds)
                        if later is not None:
                            return later
                continue
            ruled = _unique(e for e, _, _ in rows)
            if state:
                r = self.match(state, kind=state_kinds)
                named = ([c.entity for c in r.candidates] if r.ambiguous
                         else [r.best.entity] if r.best is not None else [])
                if not named:
                    continue
                family = _unique(f for x in named for f in self._family(x, state_kinds))
                fit = [e for e in ruled if any(e is f for f in family)]
                # round 21: a ruler's tenure of today's state in years a historical record
                # of the state's family covers whole is that record's ("Mông Cổ thời
                # Tsedenbal", 1952-1984: the Mongolian People's Republic)
                fit = _unique(self._record_of_years(e, rows, family) for e in fit)
                if not source and fit:
                    # round 23 (convention C): an earlier leader of today's state is that
                    # state, unless the leader led a monarchy it no longer is (a regime
                    # Wikidata holds apart, the registry has no record of: convention B)
                    held = [(e, why) for e in fit if not self._current_tenure(e, rows)
                            and (why := self._monarchy_then(e, rows, ruler))]
                    kept = [e for e in fit if not any(e is h for h, _ in held)]
                    if held and not kept:
                        e, why = held[0]
                        return MatchResult(
                            query, [Candidate(e, 50.0, False, "ruler")], False,
                            f"no match: Archigos gives {ruler!r} as a leader of today's "
                            f"{describe(e)} when it was a monarchy ({why}), a former regime "
                            "the registry holds no record of (conventions B and C)")
                    swords = [folded_form(w) for w in state.split()]
                    if kept and (not r.ambiguous and (r.best is None or not r.best.match)
                                 or _spans(swords, self._republic_forms)
                                 and all(id(e) in self._monarchies for e in kept)):
                        # a name with a former regime's own words is no match whoever is
                        # named ("Cộng hòa Khmer thời Lon Nol", a republic's words for a
                        # monarchy of today: convention B)
                        why = (f"{state!r} has a republic's words, and today's "
                               f"{describe(kept[0])} is a monarchy"
                               if r.best is not None and r.best.match
                               else f"{state!r} alone is no match ({r.note or 'no record'})")
                        return MatchResult(query, [Candidate(kept[0], 50.0, False, "ruler")],
                                           False, f"no match: {why}: a former regime's name; "
                                           f"the leader {ruler!r} does not make it today's "
                                           "state (conventions B and C)")
                    fit = kept
                if len(fit) > 1:
                    # round 21: of the states the ruler ruled, those the name names ("Bismarck's
                    # Prussia": Prussia, not the German Reich he also led; "Bismarck's
                    # Germany": the German Reich, "Germany (1871-1945)"; "Lenin's Russia": the
                    # RSFSR, "Soviet Russia", not the Soviet Union); several when the name is
                    # in several's names ("Milosevic's Yugoslavia")
                    # (the English name of the state read: "Nam Tư", Yugoslavia, is in the
                    # name of Serbia and Montenegro's "Federal Republic of Yugoslavia" too)
                    own = _unique([*named, *self._named(state, state_kinds), *(
                        o for x in named if x.labels.get("en")
                        for o in self._named(x.labels["en"], state_kinds))])
                    fit = [e for e in fit if any(e is o for o in own)] or fit
                if not fit and not source and not any(
                        ev.startswith(f"Archigos 4.1: {ruler}, ") for _, _, ev in rows):
                    # round 23: Archigos' leader was found by a word of the name only ("Ali
                    # Nasir": the Maldives' "Nasir"), and led none of these states: another
                    # person, read as a ruler in no table
                    unknown = self._unknown_ruler(query, ruler, state, state_kinds)
                    if unknown is not None:
                        return unknown
                if not fit:
                    return MatchResult(
                        query, [Candidate(named[0], 50.0, False, "ruler")], False,
                        f"no match: {ruler!r} ({source}" + ", ".join(f"{e.label}" for e in ruled)
                        + f") ruled none of the states named {state!r}")
            else:
                fit = [e for e in ruled if source or self._current_tenure(e, rows)]
            fit = [e for e in fit if e.kind in state_kinds]
            if not fit:
                return None
            ev = "; ".join(f"{ev} ({yrs})" for e, yrs, ev in rows if any(e is f for f in fit))
            if not ev:
                ev = "; ".join(f"{ev} ({yrs})" for _, yrs, ev in rows)
            if len(fit) > 1:
                amb = _ambiguous(query, fit, 85.0)
                return MatchResult(query, amb.candidates, True,
                                   f"{amb.note} (the ruler {ruler!r} ruled each: {ev})")
            e = fit[0]
            how = f"of {state!r}, " if state else ""
            return _single(query, e, 90.0, "ruler", self._note(e),
                           f"the regime of {ruler!r} {how}read from {source}{ev}")
        return None

    def _capital_government(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 21: a capital in a frame of government words ("the Kigali government", "the
        Naypyidaw junta", "chính quyền Tehran", "chinh quyen Damascus"): the states the COW
        capitals table gives the city to, each COW code read through the state lists'
        periods (``SystemCodes.spans``: Bonn's code 260 is West Germany); one state: a match,
        several (Moscow: the Russian Empire, the RSFSR, the Soviet Union, Russia): ambiguous.
        None when the city is no COW capital."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 60:
            return None
        m = _first_fullmatch(_CAPITAL_FRAMES, text)
        if m is None:
            return None
        city = m.group("city")
        codes = self._cow_capitals.codes(city)
        if not codes:
            # round 23: a city the registry holds as a place under another name ("Ulan
            # Bator", the place Ulaanbaatar): the COW capital of one of its names; the frame
            # names a government, never the place record
            r = self.match(city)
            place = r.best.entity if r.best is not None and r.best.match else None
            if place is None or place.kind != "place":
                return None
            for name, _tier in place.names():
                codes = self._cow_capitals.codes(name)
                if codes:
                    city = name
                    break
            else:
                return MatchResult(
                    query, [Candidate(place, 40.0, False, "capital-government")], False,
                    f"no match: {city!r} is a place ({describe(place)}) that is no COW "
                    "capital: a government named by its seat is a state's, not the place's")
        states: list[Entity] = []
        for code in sorted(codes):
            for _a, _b, iri in self.reference.codes.spans.get(("cow", code), ()):
                e = self.registry.by_iri(iri)
                if e is None or e.kind not in state_kinds:
                    continue
                if e.kind == "state" and self._cow_capitals.latest.get(code) != folded_form(city):
                    # (today's state is read only from its last COW capital: "chính phủ
                    # Vichy", France's capital 1940-1944, names a regime the registry does
                    # not hold, convention B)
                    continue
                states.append(e)
        states = _unique(states)
        if not states:
            return None
        ev = (f"{city!r} is the COW capital of COW "
              + ", ".join(str(c) for c in sorted(codes)) + ", read through the state lists' "
              "periods: " + ", ".join(describe(e) for e in states))
        today = [e for e in states if e.kind == "state"]
        if len(states) > 1 and len(today) == 1 and not self._with_years:
            # round 23: with no year, the press's present: the state whose capital the city
            # is today ("chính quyền Ankara": Turkey, not the Ottoman Empire); a year is read
            # by the qualified readings before this one ("the Hanoi government in 1968")
            e = today[0]
            return _single(query, e, 86.0, "capital-government", self._note(e),
                           f"a capital for its government, no year: today's state of the "
                           f"city ({ev})")
        if len(states) > 1:
            amb = _ambiguous(query, states, 85.0)
            return MatchResult(query, amb.candidates, True, f"{amb.note} ({ev})")
        e = states[0]
        return _single(query, e, 88.0, "capital-government", self._note(e),
                       f"a capital for its government: {ev}")

    def _role_frame(self, query: str, text: str, kinds: frozenset[str] | None,
                    lang: str | None) -> MatchResult | None:
        """Round 21: a role word (chair, host, president, presidency; Vietnamese chủ tịch, chủ
        nhà, chủ trì) with at most an acronym, a number or a year after it, then a name read
        as one state by a plain reading (no fuzzy step, no transliteration), written with a
        capital: that state ("2025 G20 host South Africa"). None otherwise ("the host
        country", "Chủ tịch nước Việt Nam", the President of Viet Nam).
        What comes before the role word is not read: the role is the state's of the
        moment, not evidence of which state."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 80:
            return None
        m = _ROLE_WORDS.search(text)
        if m is None:
            return None
        rest = text[m.end():].split()
        i = 0
        while i < len(rest) - 1 and (_ACRONYM.fullmatch(rest[i]) or rest[i].isdigit()):
            i += 1
        name = " ".join(rest[i:])
        if not name or not name[:1].isupper():
            # (a lower-case word after the role is an office's: "Chủ tịch nước Việt Nam", the
            # President of Viet Nam, a person; "the president of France")
            return None
        r = self._match(name, state_kinds, lang)
        if (r is None or r.best is None or r.ambiguous or not r.best.match
                or not _plain_reading(r.best.method)):
            return None
        e = r.best.entity
        return _single(query, e, 86.0, "role-frame", self._note(e),
                       f"a state by its role {text[:m.end()].strip()!r}"
                       + (f" {' '.join(rest[:i])!r}" if i else "")
                       + f": {name!r} ({r.best.method})")

    def _pair_of_states(self, query: str, text: str, kinds: frozenset[str] | None,
                        lang: str | None) -> MatchResult | None:
        """Round 22: two states named together by one name ("the two Koreas", "the two
        Germanys", "hai miền Triều Tiên", "hai nước Yemen"): the name read as a state (or
        several), the English name they share (a compass word left out: "North Korea" gives
        "Korea"), the states of that name (:meth:`_named`, :meth:`_of_name`: "German Reich"
        by its adjective), and of those the ones whose spans overlap another's (the registry's
        years and its succession: a successor begins when its predecessor ends): ambiguous
        with them, never one record
        ("the two Germanys": West and East Germany, not today's Germany, which succeeded
        both). Fewer than two that coexisted: no match."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 60:
            return None
        m = _first_fullmatch(_PAIR_FRAMES, text)
        name = m.group("name").strip() if m is not None else None
        if m is None or not name:
            return None
        tries = [name]
        if m.re is _PAIR_FRAMES[0]:
            # the plural written on the name: "Koreas", "Germanys" (the pattern took the "s")
            tries = [name, name + "e"] if not name.endswith("e") else [name]
        read: list[Entity] = []
        for t in tries:
            r = self._match(t, state_kinds, lang)
            if r is None or not r.candidates:
                continue
            if r.ambiguous:
                read = [c.entity for c in r.candidates if c.entity.kind in state_kinds]
            elif r.best is not None and r.best.match and _plain_reading(r.best.method):
                read = [r.best.entity]
            if read:
                name = t
                break
        if not read:
            return None
        family: list[Entity] = []
        for x in read:
            family += [x, *self._of_name(x, state_kinds)]
            label = x.labels.get("en", "")
            words = label.split()
            if len(words) > 1 and words[0].lower() in _COMPASS_WORDS:
                family += self._named(" ".join(words[1:]), state_kinds)
        family = [e for e in _unique(family) if e.kind in state_kinds]
        if self._successors is None:
            self._successors = succession_links(self.registry)
        nxt, prev = self._successors
        spans = {id(e): self._coexistence_span(e, nxt, prev) for e in family}

        def overlap(a: Entity, b: Entity) -> bool:
            # two states of today (no end) coexist; otherwise only known years tell (the
            # registry gives no start for today's Koreas: the Korean Empire, 1887-1905, is
            # not read as coexisting with them)
            (s1, t1), (s2, t2) = spans[id(a)], spans[id(b)]
            if t1 == t2 == float("inf"):
                return True
            known = all(abs(v) != float("inf") for v in (s1, s2)) and (
                t1 != float("inf") or t2 != float("inf"))
            return known and s1 < t2 and s2 < t1

        both = [e for e in family if any(f is not e and overlap(e, f) for f in family)]
        if len(both) < 2:
            return MatchResult(
                query, [], False,
                f"no match: {text!r} names two states of the name {name!r} together, and the "
                "registry holds no two such states at one time")
        amb = _ambiguous(query, both, 85.0)
        ev = ", ".join(f"{describe(e)} {self._years_text(spans[id(e)])}" for e in both)
        return MatchResult(
            query, amb.candidates, True,
            f"{amb.note} (two states named together by the name {name!r}: the states of that "
            f"name whose years overlap: {ev})")

    def _coexistence_span(self, e: Entity, nxt: Mapping[int, Entity],
                          prev: Mapping[int, list[Entity]]) -> tuple[float, float]:
        """Round 22: the years ``e`` existed, as far as the registry says (an end it does not
        give is open): its span, and its succession (a state begins when its predecessor
        ends and ends when its successor begins). The state lists' periods are not read: the
        files and the store give them differently (open ends in the periods file, the
        system's membership in the store), and the answer must not depend on which."""
        lo, hi = float("-inf"), float("inf")
        es = span_of(e)
        if e.existed_from:
            lo = float(int(e.existed_from[:4]))
        if e.existed_until:
            hi = float(int(e.existed_until[:4]))
        if es is not None:
            lo, hi = max(lo, es[0]), min(hi, es[1])
        for p in prev.get(id(e), []):
            ps = span_of(p)
            if ps is not None:
                lo = max(lo, float(ps[1]))
        f = nxt.get(id(e))
        if f is not None and f.existed_from:
            hi = min(hi, float(int(f.existed_from[:4])))
        return lo, hi

    @staticmethod
    def _years_text(span: tuple[float, float]) -> str:
        a, b = span
        return "(" + (str(int(a)) if a != float("-inf") else "?") + "–" + (
            str(int(b)) if b != float("inf") else "") + ")"

    def _region_frame(self, query: str, text: str, kinds: frozenset[str] | None,
                      lang: str | None) -> MatchResult | None:
        """Round 22: a state's name after a descriptor made only of a region's words
        (``press_regions`` of ``linking/names/forms.yaml``), words of a kind of state and a
        head word of a kind of state or a regime ("the West African state of Benin", "the
        oil-rich Central Asian state of Kazakhstan", "đảo quốc Thái Bình Dương Vanuatu",
        "vương quốc Himalaya Bhutan", "chính quyền quân sự Mali"): the state, when a plain
        reading gives one and
        the region holds its COW code; a region that does not hold it contradicts the name (no
        match: "the West African state of Nepal"). A monarchy's head word must fit the state's
        own long forms (convention B: "vương quốc" + the name read as the state). None when
        the text is no such frame, or the state has no COW code to check."""
        state_kinds = STATE_KINDS if kinds is None else kinds & STATE_KINDS
        if not state_kinds or len(text) > 90:
            return None
        regions, kind_words = _region_vocabulary()
        head = region = name = None
        m = _REGION_FRAME_EN.fullmatch(text)
        if m is not None:
            mods = [w for w in m.group("mods").lower().split() if w not in kind_words]
            region = " ".join(mods)
            if folded_form(region) not in regions:
                return None
            head, name = " ".join(m.group("head").lower().split()), m.group("name").strip()
        else:
            m = _REGION_FRAME_VI.fullmatch(text)
            if m is None:
                return None
            head = " ".join(m.group("head").split())
            words = m.group("rest").split()
            military = _folded_words_of(head)[-2:] == ["quan", "su"]
            for i in range(len(words) - 1, -1, -1):
                if i == 0 and not military:
                    break
                if i == 0 or folded_form(" ".join(words[:i])) in regions:
                    region = " ".join(words[:i]) if i else None
                    name = " ".join(words[i:])
                    break
            if name is None:
                return None
        if not name[:1].isupper():
            return None
        r = self._match(name, state_kinds, lang)
        if (r is None or r.best is None or r.ambiguous or not r.best.match
                or not _plain_reading(r.best.method)):
            return None
        e = r.best.entity
        if " ".join(_folded_words_of(head)) in _MONARCHY_HEADS:
            form = f"{head} {name}" if m.re is _REGION_FRAME_VI else f"{head} of {name}"
            f = self.match(form, kind=state_kinds)
            if f.best is None or f.best.entity is not e:
                return MatchResult(
                    query, [Candidate(e, 60.0, False, "region-frame", r.best.evidence)], False,
                    f"no match: {head!r} (a monarchy) does not fit {describe(e)}: {form!r} "
                    f"is not read as it ({f.note or 'another reading'})")
        if region is not None and (e.cow_code is None or not any(
                a <= e.cow_code <= b for a, b in regions[folded_form(region)][0])):
            ranges, meaning = regions[folded_form(region)]
            if e.cow_code is None:
                return None
            return MatchResult(
                query, [Candidate(e, 60.0, False, "region-frame", r.best.evidence)], False,
                f"no match: the region {region!r} ({meaning}) does not hold "
                f"{describe(e)} (COW {e.cow_code}): the descriptor contradicts the name")
        if press_frame_readings(text):
            # a frame round 19's press reading knows ("quốc gia Tây Phi Senegal", "the Gulf
            # emirate of Qatar") is read by it, now that the region does not contradict it
            old = self._press_frame(query, text, state_kinds, lang, 5)
            if old is not None and old.best is not None and old.best.entity is e:
                return old
        ev = f"{name!r} after a press descriptor ({head!r}"
        if region is not None:
            ranges, meaning = regions[folded_form(region)]
            if e.cow_code is None:
                return None
            if not any(a <= e.cow_code <= b for a, b in ranges):
                return MatchResult(
                    query, [Candidate(e, 60.0, False, "region-frame", r.best.evidence)], False,
                    f"no match: the region {region!r} ({meaning}) does not hold "
                    f"{describe(e)} (COW {e.cow_code}): the descriptor contradicts the name")
            ev += f"; the region {region!r}, {meaning}, holds its COW code {e.cow_code}"
        ev += f"): {r.best.method}"
        return _single(query, e, 87.0, "region-frame", self._note(e), ev)

    def _archigos(self, ruler: str,
                  among: frozenset[str] | None = None) -> list[tuple[Entity, str, str]]:
        """Round 21: the states ``ruler`` led by Archigos (``leaders.py``), as the rows of the
        ``rulers`` table: (state, years, evidence). Only a name of a person: capitalised, no
        digits. Round 23: ``among``, the IRIs of the states the name names, keeps their
        leaders only (``Leaders.named``)."""
        if not ruler[:1].isupper() or any(c.isdigit() for c in ruler):
            return []
        if among is not None and folded_form(ruler.split()[-1]) in _MONARCH_TITLES:
            # round 23: a title is no leader's name ("the Shah", "Zahir Shah": not Archigos'
            # "Mohammed Ali Shah" or "Nadir Shah" of the same state)
            return []
        out = []
        for t in self.reference.leaders.named(ruler, among):
            e = self.registry.by_iri(t.state)
            if e is None:
                continue
            out.append((e, f"{t.start}-{t.end}",
                        f"Archigos 4.1: {t.name}, effective leader of {e.label}"))
        return out

    def _later_leader(self, query: str, ruler: str, state: str,
                      state_kinds: frozenset[str]) -> MatchResult | None:
        """Round 23 (convention C): "<person>'s <state>" where Archigos (to 2015) and the
        ``rulers`` table hold no leader of that name ("Milei's Argentina"): a leader of today,
        so today's state. Only when the name before the possessive is a person's name (one to
        three capitalised words, no title, no word of a registry name, read as no entity:
        "Europe's Union", "People's Republic of Ukraine" name no leader), the name after it
        reads as one of today's states, and that state has no historical record in its family
        and no monarchy of
        ``monarchies_ended`` (whose rulers may be meant: "Pahlavi's Iran"). None otherwise."""
        words = ruler.split()
        if not 1 <= len(words) <= 3 or not all(
                re.fullmatch(r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?", w) for w in words):
            return None
        folded = [folded_form(w) for w in words]
        if self._name_vocabulary is None:
            self._name_vocabulary = frozenset(
                w for e in self.registry.entities for ws in _name_words(e)
                # (a plural or a possessive folded: "peoples" holds "people")
                for x in ws for w in (x.strip("'’(),."), x[:-1] if x.endswith("s") else "")
                if w)
        if (any(w in _MONARCH_TITLES or w in self._name_vocabulary for w in folded)
                or self.reference.leaders.by_name.get(folded[-1])
                or self.reference.leaders.by_name.get(" ".join(folded))):
            return None
        who = self.match(ruler)
        if (who.ambiguous or who.best is not None and who.best.score >= 60
                or " ".join(folded) in _region_vocabulary()[0]
                or any(k in self._cow_capitals.by_capital for k in (ruler, " ".join(folded)))):
            # a place (a region, a capital) or an entity's name is no leader
            return None
        r = self.match(state, kind=state_kinds)
        if r.ambiguous or r.best is None or not r.best.match:
            return None
        e = r.best.entity
        if (e.kind != "state" or r.best.method.startswith(("iso-code", "key", "cow-code",
                                                           "acronym"))
                or id(e) in self._monarchies_ended
                or any(f.kind == "historical-state" for f in self._family(e, state_kinds))):
            return None
        return _single(query, e, 85.0, "ruler", self._note(e),
                       f"{ruler!r} read as a leader of today (in neither Archigos, which ends in "
                       f"2015, nor predecessors.yaml rulers); {state!r}: {r.best.method}")

    def _states_named(self, state: str, state_kinds: frozenset[str]) -> list[Entity]:
        """Round 23: the states ``state`` names and their families (:meth:`_family`)."""
        r = self.match(state, kind=state_kinds)
        named = ([c.entity for c in r.candidates] if r.ambiguous
                 else [r.best.entity] if r.best is not None and r.best.match else [])
        return _unique(f for x in named for f in self._family(x, state_kinds))

    def _monarchy_then(self, e: Entity, rows: list[tuple[Entity, str, str]],
                       ruler: str) -> str | None:
        """Round 23 (convention C): why ``ruler``'s tenures of today's state ``e`` were a
        monarchy's that ``e`` no longer is: every tenure within one span of
        predecessors.yaml ``monarchies_ended``, or a monarch's title or a regnal number in
        the ruler's name or Archigos' ("the Shah", "Faisal II") while ``e``'s own long forms
        name no monarchy today. None when neither holds."""
        if e.kind != "state":
            return None
        years = [year_span(yrs) for x, yrs, _ in rows if x is e]
        if years and all(y is not None for y in years):
            a = min(y[0] for y in years if y)
            b = max(y[1] for y in years if y)
            for start, end, ev in self._monarchies_ended.get(id(e), ()):
                if start <= a and b <= end:
                    return f"{a}-{b}, within {ev}"
        if id(e) in self._monarchies:
            return None
        names = [ruler, *(ev for x, _, ev in rows if x is e)]
        for text in names:
            for w in re.split(r"[\s,:]+", text):
                f = folded_form(w)
                if f in _MONARCH_TITLES or (len(f) > 1 and re.fullmatch(r"[ivx]+", f)
                                            and w.isupper()):
                    return f"{w!r} names a monarch"
        return None

    @staticmethod
    def _current_tenure(e: Entity, rows: list[tuple[Entity, str, str]]) -> bool:
        """Round 21: ``e`` is a historical state, or today's state with an Archigos tenure
        that began in :data:`_CURRENT_FORMS_FROM` or later: before then today's state's
        record may stand for a regime the registry holds no record of (the Ethiopian Empire
        of Haile Selassie, Pahlavi Iran, the Derg: convention B), so an earlier leader is
        not read as today's state."""
        if e.kind != "state":
            return True
        return any((y := year_span(yrs)) is not None and y[0] >= _CURRENT_FORMS_FROM
                   for x, yrs, _ in rows if x is e)

    def _record_of_years(self, e: Entity, rows: list[tuple[Entity, str, str]],
                         family: list[Entity]) -> Entity:
        """Round 21: the historical state of ``family`` whose registry span holds every year
        of ``rows``' tenures of ``e`` (today's state), else ``e``."""
        if e.kind != "state":
            return e
        years = [year_span(yrs) for x, yrs, _ in rows if x is e]
        if not years or any(y is None for y in years):
            return e
        a = min(y[0] for y in years if y)
        b = max(y[1] for y in years if y)
        held = [f for f in family if f.kind == "historical-state" and (sp := span_of(f))
                and sp[0] <= a and b <= sp[1]]
        return held[0] if len(held) == 1 else e

    def _unknown_ruler(self, query: str, ruler: str, state: str,
                       state_kinds: frozenset[str]) -> MatchResult | None:
        """Round 21: a ruler in neither table, after a name that reads as one historical
        state ("Vương quốc Bayern thời Ludwig II" where Archigos lacks the king): that state,
        the ruler read as no more than a ruler's name; several records: ambiguous. None when
        the ruler is no person's name (lower case, a year, a named period) or the name is
        today's state (its regime then is not known: "Nhật Bản thời Minh Trị" is no match)."""
        swords = [folded_form(w) for w in state.split()]
        rwords = [folded_form(w) for w in ruler.split()]
        if (not ruler[:1].isupper() or any(c.isdigit() for c in ruler)
                or _prefix_ends(swords, self._state_forms) and swords[0] in ("republic", "of")
                or any(w in rwords for w in ("federal", "people", "democratic", "socialist"))
                or _period_qualifier(f"{state} thời {ruler}") is not None
                or _period_qualifier(f"{state} during {ruler}") is not None):
            return None
        r = self.match(state, kind=state_kinds)
        named = ([c.entity for c in r.candidates] if r.ambiguous
                 else [r.best.entity] if r.best is not None else [])
        if not named or any(e.kind != "historical-state" for e in named):
            return None
        if len(named) > 1:
            amb = _ambiguous(query, named, 85.0)
            return MatchResult(query, amb.candidates, True,
                               f"{amb.note} (the ruler {ruler!r} is in no table of rulers)")
        e = named[0]
        return _single(query, e, 85.0, "ruler", self._note(e),
                       f"{state!r} read as one historical state ({r.best.method if r.best else ''}"
                       f"); the ruler {ruler!r} is in neither Archigos nor predecessors.yaml "
                       "rulers, and is not read")

    def _succession(self, x: Entity, named: list[Entity]) -> list[Entity]:
        """Round 17: every state linked to ``x`` or to one of ``named`` by the registry's
        ``succeeded_by``, forwards and backwards, transitively."""
        if self._successors is None:
            self._successors = succession_links(self.registry)
        return linked_by_succession(x, named, self._successors)

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

    def _regime(
        self, query: str, best: Candidate, form_words: list[str], form: str, rest: str,
        state_kinds: frozenset[str],
    ) -> MatchResult | None:
        """Round 11: a regime's word before a name several states held ("Democratic Yemen",
        "Democratic Germany") that no name of the state the name matches has: the one other
        state of that name whose names have it (the People's Democratic Republic of Yemen, not
        today's Yemen). None when the state's own names have the words."""
        want = {w for w in form_words if w not in ("of", "the")}
        covered = _spans(form_words, self._regime_forms)
        if not best.match or not want or any(
                w not in ("of", "the") and i not in covered for i, w in enumerate(form_words)):
            return None

        if any(want <= set(ws) for ws in _name_words(best.entity)):
            return None
        fit = [e for e in self._named(rest, state_kinds)
               if e is not best.entity and any(want <= set(ws) for ws in _name_words(e))]
        if not fit:
            return self._federal_unit(query, best.entity, form_words, form, rest)
        if len(fit) != 1:
            return None
        e = fit[0]
        ev = (f"the words {form!r} before {rest!r} are in no name of {describe(best.entity)}; "
              f"of the states named {rest!r}, only {e.label}'s names have them")
        return _single(query, e, 90.0, "official-form", self._note(e), ev)

    def _federal_unit(
        self, query: str, e: Entity, form_words: list[str], form: str, rest: str
    ) -> MatchResult | None:
        """Round 21: a socialist regime's words ("Socialist", "People's", "Soviet", "Xã hội
        chủ nghĩa", "Nhân dân", "Xô viết") that no name of the state has, before the name of
        a state that entered the COW state list in or after :data:`_FEDERATIONS_ENDED` (the
        year the Soviet Union ended, the Yugoslav and Czechoslovak federations following):
        the state never was a sovereign socialist republic, so the name is that of a unit
        of a federation ("the Socialist Republic of Croatia", SFR Yugoslavia's; "Ukrainian
        Soviet Socialist Republic") or of a regime the registry does not hold: no match,
        never today's state (convention B). None otherwise (the "Socialist Republic of
        Romania" is Romania's continuity, COW 360 from 1878)."""
        if e.kind != "state" or e.cow_code is None:
            return None
        def has(text: str) -> bool:
            return any(re.search(rf"(?:^| ){re.escape(w)}(?: |$)", text)
                       for w in _SOCIALIST_WORDS)

        if not has(" ".join(form_words)) or any(has(" ".join(ws)) for ws in _name_words(e)):
            return None
        years = self._cow_capitals.years.get(e.cow_code)
        if years is None or years[0] < _FEDERATIONS_ENDED:
            return None
        return MatchResult(
            query, [Candidate(e, 55.0, False, "official-form")], False,
            f"no match: {form!r} before {rest!r} is a socialist regime's long form that no "
            f"name of {describe(e)} has, and COW lists that state only from {years[0]}: the "
            "name is a federal unit's or a former regime's the registry holds no record of")

    def _other_form(
        self, query: str, best: Candidate, form_words: list[str], form: str, rest: str
    ) -> MatchResult | None:
        """Round 17: a republic's long form before the name of a historical state none of
        whose own names is a republic's names another, later state of that name ("Freistaat
        Bayern", "Republic of Baden": German Länder of the 20th century, not the kingdom or
        grand duchy of 1816-1871); and a monarchy's form before the name of a historical state
        whose names are a republic's and no monarchy's ("Kingdom of Venice"). The state's
        form is read from its names, or from ``held_forms`` in predecessors.yaml for a
        record whose names are bare ("Bavaria"); a record of neither form ("Czechoslovakia")
        is not judged. No match then: the record does not say the state had that form.
        None otherwise."""
        e = best.entity
        if not best.match or e.kind != "historical-state":
            return None
        names = _name_words(e)
        held = self._held_forms.get(id(e))
        republic = held == "republic" or any(_spans(ws, self._republic_forms) for ws in names)
        monarchy = held == "monarchy" or any(_spans(ws, self._monarchy_forms) for ws in names)
        own = (f"the registry holds it as a {held} (predecessors.yaml)" if held else
               "its names in the registry are a {}'s, none a {}'s")
        if _spans(form_words, self._republic_forms) and monarchy and not republic:
            kind, own = "a republic's", own.format("monarchy", "republic")
        elif (_spans(form_words, self._monarchy_forms) and republic and not monarchy
              and not _spans(form_words, self._republic_forms)):
            kind, own = "a monarchy's", own.format("republic", "monarchy")
        else:
            return None
        return MatchResult(
            query, [Candidate(e, 60.0, False, "official-form")], False,
            f"no match: {form!r} before {rest!r} is {kind} long form; {rest!r} is "
            f"{describe(e)}, and {own} (another state of that name, which the registry does "
            "not hold)")

    def _imperial(
        self, query: str, best: Candidate, form_words: list[str], how: str,
        state_kinds: frozenset[str],
    ) -> MatchResult | None:
        """A monarchy's or an empire's long form of a current state's name: the historical
        state the same name and form denote ("Empire of Austria": the Austrian Empire;
        "Đế quốc Đức": the German Reich); an empire the registry does not hold is no match
        ("Empire of Japan" is not today's Japan). None when the form names the state itself."""
        if not best.match or best.entity.kind != "state":
            return None
        past = self._imperial_of.get(id(best.entity))
        if past is not None and past.kind in state_kinds and _spans(
            form_words, self._imperial_forms
        ):
            ev = (f"official long form of a monarchy or an empire: {how} names {past.label}, "
                  f"not today's {best.entity.label}")
            return _single(query, past, 90.0, "official-form", self._note(past), ev)
        if _spans(form_words, self._empire_forms):
            return MatchResult(
                query, [Candidate(best.entity, 60.0, False, "official-form")], False,
                f"no match: {how} names an empire, and the registry holds no historical state "
                f"for it (never today's {describe(best.entity)})",
            )
        if (_spans(form_words, self._monarchy_forms)
                and id(best.entity) not in self._monarchies):
            # round 10: a monarchy's form of a state that is no monarchy today names a former
            # regime (Wikidata holds the Kingdom of Italy apart from Italy)
            return MatchResult(
                query, [Candidate(best.entity, 60.0, False, "official-form")], False,
                f"no match: {how} names a former monarchy ({best.entity.label}'s own long "
                "forms name none today), and the registry holds no historical state for it "
                f"(never today's {describe(best.entity)})",
            )
        return None

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
            if described and words[k:] != ["state"]:
                continue  # "the Mongolian state" describes, it does not name
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
            sk.set_seq2(_consonants(k))
            readers.append((sm, sk, bool(_consonants(k))))
        found = None
        tiers: dict[bool, list[tuple[float, Entity, str]]] = {}
        for tier in (True, False):
            best: dict[int, tuple[float, Entity, str]] = {}
            for form, e, name, first in self._phonetic_index():
                if e.kind not in state_kinds or first is not tier:
                    continue
                for sm, sk, skel in readers:
                    sm.set_seq1(form)
                    if sm.real_quick_ratio() < TRANSLIT_FLOOR:
                        continue
                    full = sm.ratio()
                    if full < TRANSLIT_FLOOR:
                        continue
                    sk.set_seq1(_consonants(form))
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
            for sm, sk, skel in readers:
                sm.set_seq1(form)
                if sm.real_quick_ratio() < r - TRANSLIT_GAP or sm.ratio() < r - TRANSLIT_GAP:
                    continue
                sk.set_seq1(_consonants(form))
                t = (sm.ratio() + sk.ratio()) / 2 if skel else sm.ratio()
                if t > r - TRANSLIT_GAP:
                    return None
        # round 18: nor one that sounds more like a COW capital no entity holds as a name
        # ("Tbi-li-xi" is Tbilisi, not Tunisia; a tie is left to the state: "Ca-bun" sounds
        # as Kabul and as Gabon, and is read Gabon, as "Ga-bông" must be)
        for form in self._capital_sounds():
            for sm, sk, skel in readers:
                sm.set_seq1(form)
                if sm.real_quick_ratio() <= r - 0.1 or sm.ratio() <= r - 0.1:
                    continue
                sk.set_seq1(_consonants(form))
                t = (sm.ratio() + sk.ratio()) / 2 if skel else sm.ratio()
                if t > r:
                    return None
        amb = self._ambiguous.get(folded_form(name))
        if amb and len([x for x in amb if x.kind in state_kinds]) > 1:
            return _ambiguous(query, [x for x in amb if x.kind in state_kinds], 80.0)
        ev = f"Vietnamese transliteration of {name!r} (sounds alike: similarity {r:.2f})"
        return _single(query, e, round(86.0 * r, 1), "transliteration-vi", self._note(e), ev)

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

    def _capital_sounds(self) -> list[str]:
        """Round 18: the sounds of the COW capitals no entity holds as a name."""
        if self._capitals_heard is None:
            self._capitals_heard = sorted({
                k for text in self._cow_capitals.by_capital
                if text not in self._folded and len(k := phonetic_key(text)) >= 4})
        return self._capitals_heard

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

    def _former(
        self, query: str, text: str, kinds: frozenset[str] | None, lang: str | None
    ) -> MatchResult | None:
        """"former Soviet Union", "ex-Yugoslavia", "Nam Tư cũ": a historical state or an
        older name with the word for "former" (never today's state)."""
        m = _FORMER.fullmatch(text.strip())
        if not m:
            return None
        rest = (m.group("en") or m.group("vi") or "").strip()
        if not rest:
            return None
        r = self._match(rest, kinds, lang) or self._official_form(rest, rest, kinds, lang)
        if r is None or r.best is None:
            return None
        c = r.best
        if c.entity.kind != "historical-state" and not c.method.startswith(
            ("predecessor", "historical-name")
        ):
            return None
        ev = _join(f"'former' + {rest!r}", c.evidence)
        return _single(query, c.entity, 92.0, "former", self._note(c.entity), ev)

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
            if k >= len(toks) or k > 3:
                break
            rest = " ".join(toks[k:])
            r = self._match(rest, kinds or org_kinds, lang)
            if r is not None and r.best is not None:
                e = r.best.entity
                ev = _join(f"the generic word {' '.join(toks[:k])!r} + {rest!r}",
                           r.best.evidence)
                return _single(query, e, 90.0, "generic-head", self._note(e), ev)
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
            for key, held in self._calques._index.items():
                ks = {singular_form(w) for w in key}
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

    def _calque(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """A Vietnamese name of an organisation read word by word ("Quỹ Nhi đồng Liên Hợp
        Quốc" = "United Nations Children's Fund"): a match when one organisation's English name
        has exactly the words read; several such organisations are reported ambiguous."""
        if kinds is not None and not kinds & KIND_GROUPS["organisation"]:
            return None
        if len(text.split()) > 2 * MAX_FORM_WORDS:
            return None
        found = [(e, t, r) for e, t, r in self._calques.find(text)
                 if isinstance(e, Entity) and (kinds is None or e.kind in kinds)]
        if len(found) > 1:
            # an entity whose data sets give conflicting QIDs (it may merge two bodies) is no
            # rival, as for acronyms ("Tổ chức các nước xuất khẩu dầu mỏ": OPEC, not the OPEC
            # Fund's merged record)
            found = [f for f in found if f[0].confidence != "conflicting"] or found
        what = "the English name"
        if not found:
            # round 17: or an English press description of one body ("Diễn đàn Davos")
            found = _unique_found(
                (e, t, r) for e, t, r in self._press_calques.find(text)
                if isinstance(e, Entity) and (kinds is None or e.kind in kinds))
            what = "the English press description (press_en.yaml)"
            if len(found) != 1:
                found = []
        if not found:
            return self._calque_with_gap(query, text, kinds)
        if len(found) > 1:
            return _ambiguous(query, [e for e, _, _ in found], 80.0)
        e, name, reading = found[0]
        ev = (f"Vietnamese name read word by word (linking/names/glossary_vi.yaml) as "
              f"{' + '.join(sorted(reading))} = {what} {name!r}")
        if (_folded_words_of(text)[:2] == ["to", "chuc"]
                and not {"organization", "organisation"} & set(reading)
                and content_words(name) & _INSTRUMENT_WORDS):
            # (the head word read into no word of the name: "Tổ chức Hiệp ước Bắc Đại Tây
            # Dương" reads it as NATO's "Organization" and stays NATO)
            return self._organisation_of_instrument(query, e, name, kinds, ev)
        return _single(query, e, 88.0, "calque-vi", self._note(e), ev)

    def _organisation_of_instrument(self, query: str, inst: Entity, name: str,
                                    kinds: frozenset[str] | None, ev: str) -> MatchResult:
        """Round 22: "tổ chức" (an organisation) before the words of an instrument's name
        ("tổ chức Công ước Vũ khí Hóa học": the organisation of the Chemical Weapons
        Convention): the instrument is not the organisation the head word asks for. The one
        organisation whose English name has every content word of the instrument's but the
        instrument word (chemical, weapons), and no instrument word, is read; none or several:
        no match."""
        want = {singular_form(w) for w in content_words(name) - _INSTRUMENT_WORDS}
        org_kinds = KIND_GROUPS["organisation"]
        found = []
        for e in self.registry.entities:
            if (e is inst or e.kind not in org_kinds or e.confidence == "conflicting"
                    or (kinds is not None and e.kind not in kinds)):
                continue
            words = {singular_form(w) for w in content_words(e.labels.get("en", ""))}
            if want and want <= words and not words & _INSTRUMENT_WORDS:
                found.append(self._same.get(e.iri, (e, ""))[0])
        found = _unique(found)
        if len(found) != 1:
            return MatchResult(
                query, [], False,
                f"no match: 'tổ chức' (an organisation) before the name of an instrument, "
                f"{describe(inst)} ({ev}); {len(found)} organisations have its other words")
        o = found[0]
        return _single(query, o, 84.0, "organisation-of-instrument", self._note(o),
                       f"'tổ chức' (an organisation) before the name of an instrument, "
                       f"{describe(inst)} ({ev}): the only organisation whose English name "
                       f"has its words {' + '.join(sorted(want))} and names no instrument, "
                       f"{o.label!r}")

    def _calque_with_gap(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 14: a Vietnamese name of an organisation with one word the glossary lacks (an
        ordinary word: each list has brought new ones), read from all its other words (three
        phrases at least) when exactly one organisation's English name has those words and one
        more that no listed phrase gives; the unread word is named in the evidence. Two such
        organisations are no match (the unread word may be either)."""
        found, bodies = self._gap_readings(self._calques.find_with_gap(text), kinds)
        if not found:
            return self._calque_with_gaps(query, text, kinds)
        if len(bodies) != 1 or not any(f[4] for f in found):
            return None
        e, name, reading, gap, word = next(f for f in found if f[4])
        e = bodies[0]
        ev = (f"Vietnamese name read word by word (linking/names/glossary_vi.yaml) as "
              f"{' + '.join(sorted(reading))}, and {gap!r} (no listed reading) as {word!r}: "
              f"the only English name of these words and one more, {name!r}")
        return _single(query, e, 82.0, "calque-vi-gap", self._note(e), ev)

    def _gap_readings(
        self, readings: Iterable[tuple[object, str, frozenset[str], str, object]],
        kinds: frozenset[str] | None,
    ) -> tuple[list[tuple[object, str, frozenset[str], str, object]], list[Entity]]:
        """The readings of a name with unread words that name an entity of ``kinds`` (none of
        conflicting records), and the bodies they name, a body the registry holds twice once."""
        found = [f for f in readings
                 if isinstance(f[0], Entity) and (kinds is None or f[0].kind in kinds)
                 and f[0].confidence != "conflicting"]
        return found, _unique(self._same.get(f[0].iri, (f[0], ""))[0] for f in found)

    def _calque_with_gaps(
        self, query: str, text: str, kinds: frozenset[str] | None
    ) -> MatchResult | None:
        """Round 15: a Vietnamese name of an organisation with up to four words the glossary
        lacks in one or two runs, read from its listed phrases (three at least, more than the
        unread words) when one body alone has every word read and one or two more, and no
        other body has every word read and at most as many more as words were unread
        (:meth:`Calques.find_with_gaps`); score 80, the unread words named in the evidence."""
        found, bodies = self._gap_readings(self._calques.find_with_gaps(text), kinds)
        if len(bodies) != 1 or not any(f[4] for f in found):
            return None
        _, name, reading, gap, _ = next(f for f in found if f[4])
        e = bodies[0]
        ev = (f"Vietnamese name read word by word (linking/names/glossary_vi.yaml) as "
              f"{' + '.join(sorted(reading))}, with {gap!r} unread: the only English name "
              f"with these words and at most as many more, {name!r}")
        return _single(query, e, 80.0, "calque-vi-gaps", self._note(e), ev)

    @staticmethod
    def _names_hold(o: Entity, words: list[str]) -> bool:
        """Round 23: a name of ``o`` holds one of ``words`` (folded): the label is then a
        word of its own name ("the Rio Group" is the group itself, read as before)."""
        return any(w in ws for ws in _name_words(o) for w in words)

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
        spans = _spans(words, self._institution_words)
        if not spans:
            return None
        keep = [t for j, t in enumerate(toks) if j not in spans]
        while keep and folded_form(keep[0]) in ("of", "the", "cua", "thuoc"):
            keep.pop(0)
        if not keep or len(keep) == len(toks):
            return None
        r = self._match(" ".join(keep), org_kinds, lang)
        if r is None or not r.candidates:
            return None
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
        parents = ", ".join(describe(c.entity) for c in r.candidates[:3])
        return MatchResult(
            query, [], False,
            f"no match: names a body of {parents}, not the organisation itself; "
            "the registry holds no such body",
        )

    def _own_head(self, org: Entity, body: list[str]) -> str | None:
        """Round 17: the English reading of the body words ``body`` (folded; Vietnamese read
        with the glossary) when each of its words is a word of ``org``'s English label ("quỹ":
        fund, of the International Monetary Fund), else None."""
        label = org.labels.get("en", "")
        if not label or not body:
            return None
        own = {singular_form(w) for w in content_words(label)}
        readings = self._calques.glossary.phrases.get(tuple(body)) or (frozenset(body),)
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
            if named and want <= own:
                continue  # the organisation's own words ("CIS Council": a council's name)
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

    def _note(self, e: Entity) -> str:
        if e.key in self._historical_notes:
            return self._historical_notes[e.key]
        if e.kind == "historical-state":
            span = "–".join(x for x in (e.existed_from, e.existed_until) if x)
            succ = self.registry.get(e.succeeded_by) if e.succeeded_by else None
            tail = f", succeeded by {succ.label} ({succ.key})" if succ else ""
            return f"historical state{f' ({span})' if span else ''}{tail}"
        return ""


#: data set prefixes of ``Entity.source_ids`` and how evidence names them
SOURCE_NAMES = {
    "cow-igo-v3": "COW IGO v3 ioname",
    "internacia": "internacia id",
    "owid-countries-regions": "OWID code",
    "supraverden-igos": "SupraVerden Abbreviation_en",
}


def acronym_support(e: Entity, code: str,
                    supraverden: Mapping[str, SupraVerdenRecord] | None = None) -> list[str]:
    """The data sets whose own identifier for ``e`` is exactly ``code`` (an acronym, ISO or COW
    code), e.g. ``['COW IGO v3 ioname', 'internacia id']`` for the WTO and the trade body
    (``supraverden``: SupraVerden's records, default the file's)."""
    out = []
    for sid in e.source_ids:
        ds, _, local = sid.partition(":")
        if local == code and ds in SOURCE_NAMES:
            out.append(SOURCE_NAMES[ds])
    if any(r.abbreviation == code for r in supraverden_of(e, supraverden)):
        out.append(SOURCE_NAMES["supraverden-igos"])
    if code in (e.iso2, e.iso3):
        out.append("ISO 3166-1")
    if e.cow_abbrev == code:
        out.append("COW state abbreviation")
    return sorted(set(out))


def _consonants(key: str) -> str:
    """The consonants of a :func:`~.normalise.phonetic_key` (``ponkari`` -> ``pnkr``)."""
    return "".join(c for c in key if c not in "aeio")


def _name_words(e: Entity) -> list[list[str]]:
    """The folded words of each label and alias of ``e``."""
    return [[folded_form(w) for w in t.split()]
            for t in [*e.labels.values(), *(a for a, _ in e.aliases)]]


def _capitals(code: str) -> str:
    """The capitals and digits of an acronym (``WToO`` -> ``WTO``)."""
    return "".join(c for c in code if c.isupper() or c.isdigit())


def _words_of(e: Entity) -> set[str]:
    words: set[str] = set()
    for t in [*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms, e.key]:
        words |= tokens(t)
    return words


def _support_text(code: str, e: Entity, support: list[str]) -> str:
    return f"{code!r} is {e.label}'s identifier in {' and '.join(support)}"


def _name_evidence(n: _Name) -> str:
    where = {"label": "registry label", "alias": "registry alias", "key": "registry key",
             "iso-code": "ISO 3166-1 code", "acronym": "acronym", "cow-code": "COW code"}
    lang = f" ({n.lang})" if n.lang else ""
    return f"{where.get(n.method, n.method)}{lang} {n.text!r}"


def _reread(query: str, r: MatchResult, why: str) -> MatchResult:
    """The answer for ``query`` that another writing of it (``r``) gave: its candidates,
    scored at most 95, with ``why`` before their evidence."""
    cands = [Candidate(c.entity, min(c.score, 95.0), c.match, c.method, _join(why, c.evidence))
             for c in r.candidates]
    return MatchResult(query, cands, r.ambiguous, r.note)


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _units(items: Iterable[str]) -> set[tuple[str, ...]]:
    """Folded multi-word units (``"cong hoa"`` -> ``("conghoa"... )`` per whitespace word)."""
    return {tuple(folded_form(w) for w in str(x).split()) for x in items if str(x).strip()}


def _prefix_ends(words: list[str], units: set[tuple[str, ...]]) -> list[int]:
    """Ends of the prefixes of ``words`` made only of ``units``, shortest first.

    >>> _prefix_ends(["conghoa", "danchu", "lao"], {("conghoa",), ("danchu",)})
    [1, 2]
    """
    ends: set[int] = set()
    frontier = {0}
    lengths = sorted({len(u) for u in units})
    while frontier:
        i = frontier.pop()
        for n in lengths:
            if tuple(words[i : i + n]) in units and i + n not in ends:
                ends.add(i + n)
                frontier.add(i + n)
    return sorted(ends)


_FORMER = re.compile(r"(?i)(?:(?:the\s+)?former\s+|ex-\s*)(?P<en>.+)|(?P<vi>.+?)\s+c[uũ]")

_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "upper", "lower", "new", "bac", "nam", "dong", "tay", "tan",
                         "thuong", "ha"})

_STOP_WORDS = frozenset({"of", "the", "and", "for", "on", "in"})

#: the Vietnamese word for a land or region (xứ) before a name, with its diacritic only
#: ("Xu" without it begins transliterations: "Xu-đăng")
_REGION_WORD = re.compile(r"(?:xứ|Xứ|XỨ)\s+(?P<rest>\S.*)")
_FINAL_T = re.compile(r"t(?=[-\s]|$)", re.IGNORECASE)


_SPECIAL_REGION = re.compile(r"đặc\s+khu(?:\s+hành\s+chính)?\s+(?P<rest>\S.*)", re.IGNORECASE)


def _after_special_region(text: str) -> str | None:
    """The name after the Vietnamese "đặc khu" (special region: "Đặc khu Hồng Kông"), or None.

    >>> _after_special_region("Đặc khu hành chính Ma Cao"), _after_special_region("Hồng Kông")
    ('Ma Cao', None)
    """
    m = _SPECIAL_REGION.fullmatch(text)
    return m.group("rest") if m else None


_REGIME_WORD = re.compile(r"(?:chính\s+quyền|chế\s+độ)\s+(?P<rest>\S.*)", re.IGNORECASE)
_ROYAL = re.compile(r"(?P<adj>Royal|Imperial)\s+(?P<rest>[A-Z]\S*(?:\s+\S+)?)")


def _after_regime_word(text: str) -> str | None:
    """Round 15: the name after the Vietnamese "chính quyền" or "chế độ" (the government, the
    regime of), or None.

    >>> _after_regime_word("chính quyền Việt Nam Cộng hòa")
    'Việt Nam Cộng hòa'
    """
    m = _REGIME_WORD.fullmatch(text)
    return m.group("rest") if m else None


def _royal_form(text: str) -> str | None:
    """Round 15: "Royal X" as "Kingdom of X", "Imperial X" as "Empire of X", or None.

    >>> _royal_form("Royal Yugoslavia"), _royal_form("Royal Society")
    ('Kingdom of Yugoslavia', 'Kingdom of Society')
    """
    m = _ROYAL.fullmatch(text)
    if m is None:
        return None
    return f"{'Kingdom' if m.group('adj') == 'Royal' else 'Empire'} of {m.group('rest')}"


def _after_region_word(text: str) -> str | None:
    """The name after the Vietnamese region word "xứ", or None; round 17: or after "miền"
    (a part of a country) before a direction ("Miền Bắc Việt Nam" = "Bắc Việt Nam", North
    Vietnam)."""
    m = _REGION_WORD.fullmatch(text) or _DIRECTION_REGION.fullmatch(text)
    return m.group("rest") if m else None


#: round 17: "miền" before a direction word ("Miền Nam Việt Nam", the South of Vietnam)
_DIRECTION_REGION = re.compile(
    r"(?:miền|mien)\s+(?P<rest>(?:bắc|nam|đông|tây|bac|dong|tay)\s+\S.*)", re.IGNORECASE)


#: round 18: Vietnamese press descriptors of a state before its name: the host country, the
#: neighbouring country, the island state, the land of, the friendly country, the member state
_DESCRIPTOR = re.compile(
    r"(?:nước\s+chủ\s+nhà|nước\s+láng\s+giềng|nước\s+bạn|quốc\s+đảo|đảo\s+quốc"
    r"|xứ\s+sở|đất\s+nước|quốc\s+gia\s+thành\s+viên|nước\s+thành\s+viên"
    r"|nước\s+cộng\s+hòa\s+láng\s+giềng|nước\s+đăng\s+cai|nước\s+nội\s+lục)"
    r"\s+(?P<rest>\S.*)", re.IGNORECASE)


def _after_descriptor(text: str) -> str | None:
    """Round 18: the name after a Vietnamese press descriptor of a state ("nước chủ nhà
    Qatar", "nước láng giềng Campuchia", "quốc đảo Tuvalu", "xứ sở Nepal"), or None.

    >>> _after_descriptor("nước chủ nhà Qatar"), _after_descriptor("quốc đảo Tuvalu")
    ('Qatar', 'Tuvalu')
    >>> _after_descriptor("Qatar") is None
    True
    """
    m = _DESCRIPTOR.fullmatch(text.strip())
    return m.group("rest") if m else None


#: round 19: the Vietnamese words that open a press frame around a state's name: "phía" (the
#: side of, a party to talks), "người bạn" (the friend), "quốc gia" (the country) followed by
#: a region ("quốc gia vùng Vịnh Oman", "quốc gia Nam Mỹ Paraguay")
_VI_FRAME = re.compile(r"(?P<frame>phía|phia|người\s+bạn|quốc\s+gia|quoc\s+gia)\s+(?P<rest>\S.*)",
                       re.IGNORECASE)

#: round 19: an English appositive frame, "the <modifiers> <kind of state> of <name>" ("the
#: Himalayan kingdom of Bhutan", "the oil-rich emirate of Kuwait", "the Pacific island nation
#: of Kiribati"); "state" alone is no head ("the US state of Georgia" is no country); the
#: article is part of the frame ("Abode of Peace Nation of Brunei", an official name's two
#: parts inverted, is no press description)
_EN_FRAME = re.compile(
    r"the\s+(?P<mods>(?:[\w'’.-]+\s+){1,6}?)"
    r"(?:island\s+state|city-state|nation|kingdom|republic|emirate|sultanate|principality"
    r"|country|monarchy|archipelago|islands?)\s+of\s+(?P<rest>\S.*)", re.IGNORECASE)

#: modifiers that name a form, a regime or a period, not a description: a frame with one of
#: them is a different entity ("the Socialist Republic of Croatia", "the Second Polish
#: Republic", "the Autonomous Republic of Crimea"), never read through
_FORM_WORDS = frozenset("""
    socialist people's peoples democratic federal federative soviet autonomous islamic arab
    provisional revolutionary first second third fourth fifth sixth united free independent
    national constitutional royal imperial grand papal former old ancient medieval colonial
    breakaway self-proclaimed unrecognised unrecognized puppet occupied
""".split())


#: words that bind the next word into a region's name ("châu Phi", "vùng Vịnh", "Nam Á"),
#: and the continents' and seas' words they bind
_BINDS_NEXT = frozenset({"chau", "vung", "mien", "khu", "dong", "tay", "nam", "bac", "trung",
                         "can", "tieu"})
_REGION_TAIL = frozenset({"phi", "a", "au", "my", "dong", "duong", "vinh", "latinh", "uc"})


#: round 20: English words of a generic head a description may open with and a body's name
#: may leave out ("Nhóm", group; "Tổ chức", organization; "Khối", bloc; "Diễn đàn" is not one:
#: a forum is a kind of body)
_GENERIC_HEADS_EN = frozenset({"group", "groups", "organization", "organizations", "bloc",
                               "blocs", "grouping"})


def _plain_reading(method: str) -> bool:
    """Round 20: a reading with no fuzzy step, no code read from a word and no
    transliteration (of the readings inside a qualifier frame)."""
    return method != "fuzzy" and "code" not in method and "translit" not in method


def _has_vi_letters(text: str) -> bool:
    """Round 20: whether ``text`` has a letter with a diacritic (or đ): read as Vietnamese."""
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)) or (
        "đ" in text.lower())


def _folded_words_of(text: str) -> list[str]:
    return [folded_form(w) for w in text.split()]


def _english_word_sets(e: Entity) -> list[frozenset[str]]:
    """Round 20: the content words of each English name of ``e`` (its label, its English
    aliases and its acronyms, lower-cased)."""
    names = [e.labels.get("en", ""), *(a for a, lang in e.aliases if lang in ("en", None))]
    out = [frozenset(singular_form(w) for w in content_words(n)) | frozenset(content_words(n))
           for n in names if n]
    return out + [frozenset({folded_form(a)}) for a in e.acronyms]


#: round 20: named periods (the table ``periods`` of linking/names/predecessors.yaml):
#: folded name -> (first, last year)
_PERIODS: dict[str, tuple[int, int]] = {}
for _row in read_yaml("predecessors.yaml").get("periods") or []:
    for _n in _row["names"]:
        _PERIODS[" ".join(folded_form(str(_n)).split())] = (int(_row["years"][0]),
                                                           int(_row["years"][1]))

def _period_qualifier(text: str) -> tuple[str, tuple[int, int], str] | None:
    """Round 20: (the name, its years, the period as written) of a name followed by a
    period, or None.

    >>> _period_qualifier("Liên hợp quốc thời Chiến tranh Lạnh")
    ('Liên hợp quốc', (1947, 1991), 'Chiến tranh Lạnh')
    >>> _period_qualifier("the League of Nations of the 1920s")
    ('the League of Nations', (1920, 1929), 'the 1920s')
    >>> _period_qualifier("the Habsburg Empire in 1850"), _period_qualifier("Nhóm G20")
    (('the Habsburg Empire', (1850, 1850), '1850'), None)
    """
    words = text.split()
    for i in range(1, len(words)):
        head = " ".join(words[:i]).rstrip(",")
        tail = " ".join(words[i:])
        m = re.fullmatch(r"(?:(?:thời\s+kỳ|thời|trong|vào|during|in|of)\s+)?(?P<what>.+)",
                         tail, re.IGNORECASE)
        if m is None:
            continue
        what = m.group("what")
        if what == tail and not re.match(r"(?:the\s+)?\d", what):
            continue  # a named period needs its preposition
        span: tuple[int, int] | None = None
        d = re.fullmatch(r"(?:the\s+)?(1[5-9]\d0|20[0-2]0)s|(?:những\s+năm|thập\s+niên)\s+"
                         r"(1[5-9]\d0|20[0-2]0)", what, re.IGNORECASE)
        if d is not None:
            y = int(d.group(1) or d.group(2))
            span = (y, y + 9)
        elif re.fullmatch(r"1[5-9]\d\d|20[0-2]\d", what) and what != tail:
            span = (int(what), int(what))
        else:
            span = _PERIODS.get(" ".join(folded_form(what).split()))
        if span is not None:
            return head, span, what
    return None


def press_frame_readings(text: str) -> list[tuple[str, bool]]:
    """Round 19: the names a press frame may hold, longest first, each with whether only a
    state may be read from it: after "phía" the rest (any entity); after "người bạn" the rest;
    after "quốc gia" every tail of the rest (a region comes between); in an English appositive
    frame the name after "of". [] when the text has no frame.

    >>> press_frame_readings("quốc gia Tây Phi Bờ Biển Ngà")[:2]
    [('Tây Phi Bờ Biển Ngà', True), ('Bờ Biển Ngà', True)]
    >>> press_frame_readings("phía Nhật Bản")
    [('Nhật Bản', False)]
    >>> press_frame_readings("the Himalayan kingdom of Bhutan")
    [('Bhutan', True)]
    >>> press_frame_readings("the Socialist Republic of Croatia"), press_frame_readings("Kenya")
    ([], [])
    """
    text = text.strip()
    m = _VI_FRAME.fullmatch(text)
    if m is not None:
        frame = " ".join(m.group("frame").lower().split())
        rest = m.group("rest").strip()
        if frame in ("phía", "phia"):
            return [(rest, False)]
        if frame == "người bạn":
            return [(rest, True)]
        words = rest.split()
        # a tail never starts inside a region's name: a continent's or a sea's word after
        # "châu", "vùng" or a direction ("quốc gia châu Phi" holds no "Phi", "quốc gia Bắc
        # Mỹ" no "Mỹ"; "quốc gia Nam Phi" is South Africa, "quốc gia Trung Đông Jordan" Jordan)
        return [(" ".join(words[i:]), True) for i in range(len(words))
                if i == 0 or folded_form(words[i - 1]) not in _BINDS_NEXT
                or folded_form(words[i]) not in _REGION_TAIL]
    m = _EN_FRAME.fullmatch(text)
    if m is not None:
        mods = [w.lower().strip(".") for w in m.group("mods").split()]
        if not any(w in _FORM_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", w) for w in mods):
            return [(m.group("rest").strip(), True)]
    return []


def _without_article(text: str) -> str | None:
    """Round 17: an English name without its leading "the" ("the Qing Empire"), or None."""
    m = re.fullmatch(r"(?i)the\s+(?P<rest>\S.*)", text)
    return m.group("rest") if m else None


_TWO_PART = re.compile(r"(.+?)\s+(?:and|&|và)\s+(.+)", re.IGNORECASE)


def short_names(held: Iterable[list[_Name]]) -> list[_Name]:
    """The first part of a current state's name made of two parts joined by "and" ("Sao Tome"
    of "Sao Tome and Principe", "Antigua" of "Antigua và Barbuda"), as the press writes it: a
    name of the state when that part names nothing else and is a name on its own (no "of",
    no comma, four letters or more).

    >>> e = Entity(key="STP", iri="x", kind="state", labels={"en": "Sao Tome and Principe"})
    >>> [n.text for n in short_names([[_Name(e, "Sao Tome and Principe", "en", "label", 0)]])]
    ['Sao Tome']
    """
    names = [n for group in held for n in group]
    taken: dict[str, set[int]] = defaultdict(set)
    for n in names:
        taken[folded_form(n.text)].add(id(n.entity))
    out: dict[tuple[str, int], _Name] = {}
    for n in names:
        if n.entity.kind != "state" or n.method not in ("label", "alias", "cldr"):
            continue
        m = _TWO_PART.fullmatch(n.text.strip())
        if not m:
            continue
        head = m.group(1).strip()
        fo = folded_form(head)
        words = [folded_form(w) for w in head.split()]
        if (len(fo.replace(" ", "")) < 4 or "," in head or "(" in head
                or any(w in ("of", "the", "cua") for w in words)):
            continue
        if taken.get(fo, set()) - {id(n.entity)}:
            continue
        out.setdefault((fo, id(n.entity)), _Name(
            n.entity, head, n.lang, "short-name", 1,
            f"the first part of the state's name {n.text!r}",
        ))
    return list(out.values())


#: abbreviated words of English names of states ("S. Korea", "Dem. Rep. Congo", "St. Lucia")
_ABBREVIATIONS = {"s.": "South", "n.": "North", "e.": "East", "w.": "West", "rep.": "Republic",
                  "dem.": "Democratic", "fed.": "Federal", "st.": "Saint", "st": "Saint",
                  "is.": "Islands", "isl.": "Islands", "utd.": "United", "peo.": "People's",
                  "un.": "United", "soc.": "Socialist", "k.": "Kingdom", "sts.": "States",
                  "dpr": "Democratic People's Republic", "pdr": "People's Democratic Republic"}


def _expand_abbreviations(text: str) -> str:
    """``text`` with the abbreviated words of state names written out.

    >>> _expand_abbreviations("Dem. Rep. Congo"), _expand_abbreviations("S. Korea")
    ('Democratic Republic Congo', 'South Korea')
    >>> _expand_abbreviations("Mongolia")
    'Mongolia'
    """
    toks = text.split()
    out = [_ABBREVIATIONS.get(t.lower(), t) for t in toks]
    return " ".join(out) if out != toks else text


def _and_for_va(text: str) -> str:
    """``text`` with the Vietnamese "và" (and) between two foreign words, written without
    Vietnamese letters, read as "and" (a state's name written in its own spelling inside a
    Vietnamese sentence).

    >>> _and_for_va("Liên bang Saint Kitts và Nevis")
    'Liên bang Saint Kitts and Nevis'
    >>> _and_for_va("Anh và Bắc Ireland")
    'Anh và Bắc Ireland'
    """
    toks = text.split()
    out = list(toks)
    for i in range(1, len(toks) - 1):
        if toks[i].lower() == "và" and toks[i - 1].isascii() and toks[i + 1].isascii():
            out[i] = "and"
    return " ".join(out) if out != toks else text


#: the head words of a generic name of a court or a council (content words, folded)
#: round 14: and a fund, a foundation, an agency or a bank ("Nordic fund", "EU executive
#: agency"), compared in the singular ("Tuna Commission": the ICCAT's "Tunas" too)
#: round 15: an institute and a joint undertaking ("UN research institute": UNIDIR, UNITAR,
#: UNICRI, UNRISD; "EU joint undertaking")
_GENERIC_HEADS = frozenset({"court", "council", "tribunal", "commission", "fund", "foundation",
                            "agency", "bank", "institute", "undertaking"})

#: round 15: the heads of a generic name of bodies on one subject (singular, folded)
_TOPIC_HEADS = frozenset({"organization", "commission", "council", "body", "service", "agency",
                          "board", "committee", "association", "union", "group", "center",
                          "institute", "fund", "bank", "court", "office", "bureau", "authority"})

#: round 15: affiliations a generic name of bodies on one subject states (all its bodies have it)
_TOPIC_AFFILIATIONS = (frozenset({"united", "nation"}), frozenset({"european", "union"}),
                       frozenset({"un"}), frozenset({"eu"}))

_CONTINENT_ORDER = re.compile(r"\b(Âu|Á|Phi|Mỹ|Úc)\s+(châu)\b", re.IGNORECASE)


def _continent_order(text: str) -> str:
    """``text`` with a continent's name in the older Sino-Vietnamese order ("Âu châu", 歐洲)
    written in today's ("châu Âu").

    >>> _continent_order("Hội đồng Âu châu"), _continent_order("Hội đồng châu Âu")
    ('Hội đồng châu Âu', 'Hội đồng châu Âu')
    """
    return _CONTINENT_ORDER.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)


_FINAL_Y = re.compile(r"\b([bcdghklmnpqrstvx]{1,2})y\b")


def _iy_form(text: str) -> str:
    """The folded form with a Vietnamese syllable's final y written i (the two spellings of
    one sound: "Sỹ"/"Sĩ", "Kỳ"/"Kì", "Mỹ"/"Mĩ").

    >>> _iy_form("Thụy Sỹ") == _iy_form("Thụy Sĩ"), _iy_form("Hoa Kỳ") == _iy_form("Hoa Kì")
    (True, True)
    """
    return folded_form(_FINAL_Y.sub(r"\1i", strip_diacritics(text).lower()))


def _vi_initials(name: str) -> str:
    """The initials of a Vietnamese name of three syllables or more, folded and upper-case (an
    acronym in it kept whole); "" otherwise.

    >>> _vi_initials("Hội đồng Bảo an"), _vi_initials("Đại Hội đồng LHQ"), _vi_initials("Lào")
    ('HDBA', 'DHDLHQ', '')
    """
    parts = []
    for tok in re.findall(r"[^\W\d_]+", name):
        if len(tok) > 1 and tok.isupper():
            parts.append(tok)
        else:
            parts.append(tok[0])
    if len(parts) < 3:
        return ""
    return strip_diacritics("".join(parts)).replace("đ", "d").replace("Đ", "D").upper()


def _en_initials(name: str) -> set[str]:
    """The initials of an English long name of three words or more, not counting "of", "the",
    "and" ("KSA"); empty otherwise.

    >>> _en_initials("Kingdom of Saudi Arabia"), _en_initials("Laos")
    ({'KSA'}, set())
    """
    words = re.findall(r"[^\W\d_]+(?:'s)?", name.replace("-", " "))
    core = [w for w in words if w.lower() not in ("of", "the", "and")]
    if len(core) < 3 or len(core) > 8:
        return set()
    return {strip_diacritics("".join(w[0] for w in core).upper())}


def _name_initials(name: str, forms: set[tuple[str, ...]]) -> int:
    """How many of a long name's initials (:func:`_en_initials`) are not long-form words.

    >>> forms = {("republic",), ("islamic",)}
    >>> _name_initials("Republic of the Marshall Islands", forms)
    2
    >>> _name_initials("Islamic Republic of Afghanistan", forms)
    1
    """
    words = re.findall(r"[^\W\d_]+(?:'s)?", name.replace("-", " "))
    core = [w for w in words if w.lower() not in ("of", "the", "and")]
    return sum(1 for w in core if (folded_form(w),) not in forms)


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


def _variant_of(name: str, folded: str, key: str | None = None) -> bool:
    """True when ``name`` is a spelling variant of the folded name ``folded`` (not the same
    name): their sounds (:func:`~.normalise.phonetic_key`) are the same or one edit apart per
    five, and they begin with the same sound.

    >>> _variant_of("Corea", "korea"), _variant_of("Kongo", "congo")
    (True, True)
    >>> _variant_of("Soudan", "sudan"), _variant_of("Guyana", "guinea")
    (True, False)
    >>> _variant_of("Korea", "korea"), _variant_of("Tonga", "congo")
    (False, False)
    """
    fa = folded_form(name)
    if fa == folded or len(fa) < 4 or not any(c.islower() for c in name):
        return False  # the same name, or an acronym
    ka, kb = phonetic_key(fa), key if key is not None else phonetic_key(folded)
    if len(ka) < 3 or len(kb) < 3 or ka[0] != kb[0]:
        return False
    # the letters too may differ only as a respelling does (two edits, or one in three)
    if _edits(fa, folded) > max(2, min(len(fa), len(folded)) // 3):
        return False
    return _edits(ka, kb) <= max(1, min(len(ka), len(kb)) // 5)


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


def _declined(r: MatchResult,
              why: str = "a transliteration no state's name sounds like") -> MatchResult:
    """A fuzzy result turned into no match (its candidates kept as the closest names)."""
    cands = [Candidate(c.entity, c.score, False, c.method, c.evidence) for c in r.candidates]
    return MatchResult(
        r.query, cands, False,
        f"no confident match ({why}); closest: "
        + ", ".join(describe(c.entity) for c in cands[:3]),
    )


#: an acronym in brackets: two to ten capitals or digits, with "-" / "&" inside
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-]{1,9}")

#: continent words, English and Vietnamese (the word after "châu"): two names that differ by
#: one of them name different places, whatever their letters
_CONTINENT_EN = frozenset({"africa", "african", "europe", "european", "asia", "asian",
                           "america", "american", "americas", "oceania", "arctic",
                           "antarctic", "pacific", "atlantic", "eurasian", "eurasia"})


def _holds_code(e: Entity, code: str) -> bool:
    """``code`` is one of ``e``'s acronyms or a name of it ("UK" of the United Kingdom)."""
    return code in e.acronyms or code in e.labels.values() or any(
        a == code for a, _ in e.aliases)


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


#: round 17: the marks of an enlarged grouping: "OPEC+", "ASEAN+3", "ASEAN Plus Three",
#: "OPEC mở rộng" (Vietnamese: enlarged)
_PLUS = re.compile(r"\w\s*\+|\bplus\b|\bm[ởo]\s+r[ộo]ng\b", re.IGNORECASE)


def _all_names(e: Entity) -> list[str]:
    """Every label, alias and acronym of ``e``."""
    return [*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms]


#: round 17: number words of groupings ("Group of Seven", "Visegrad Four")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({folded_form(w): n for w, n in (
    ("twenty-four", "24"), ("thirty", "30"), ("seventy-seven", "77"))})

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


#: round 17: a continent's adjective read as its name
_CONTINENT_STEM = {"african": "africa", "european": "europe", "asian": "asia",
                   "american": "america", "americas": "america", "eurasian": "eurasia"}


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


#: round 18: leading words a name may leave out of a body's name (generic or geographic
#: words, not qualifying: "Lake Chad Basin Commission" is the Chad Basin Commission)
_LEADING_KEPT = frozenset(
    "international intl intergovernmental inter-governmental global world united regional "
    "multilateral interstate inter-state lake river sea ocean gulf mount mountain".split())

#: round 18: linking words
_LINK_WORDS = frozenset(
    "of the for and on in to at by a an de la le les des du el los las del y et und der die "
    "das von fur cac ve va cua".split())


#: round 18: geographic words and the prepositions of a place ("against Ukraine") a name
#: may leave out of a body's name (``_only_holder``)
_GEO_WORDS = frozenset(
    "island islands sea ocean gulf lake river basin watercourse region regional against north "
    "south east "
    "west northern southern eastern western central".split())


def _holder_words(text: str) -> frozenset[str]:
    """Round 18: the content words of a name, without a possessive or a leading "the", and
    read singular by ``singular_form`` (a final s dropped: both sides alike, so "fisherie"
    matches "fisherie") (``_only_holder``).

    >>> sorted(_holder_words("the Forum Fisheries Agency's"))
    ['agency', 'fisherie', 'forum']
    """
    text = _POSSESSIVE_ANY.sub("", text)
    return frozenset(singular_form(w) for w in content_words(text) if w.isalpha())


#: a possessive ending anywhere in a name
_POSSESSIVE_ANY = re.compile(r"['’]s\b")


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


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits).

    >>> _edits("mongolai", "mongolia"), _edits("latveria", "latvia")
    (1, 2)
    """
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def _suffix_starts(words: list[str], units: set[tuple[str, ...]]) -> list[int]:
    """Starts (at least 1) of the suffixes of ``words`` made only of ``units``, longest
    suffix first.

    >>> _suffix_starts(["polish", "peoples", "republic"], {("peoples",), ("republic",)})
    [1, 2]
    """
    rev = [tuple(reversed(u)) for u in units]
    ends = _prefix_ends(list(reversed(words)), set(rev))
    return sorted(len(words) - e for e in ends if len(words) - e >= 1)


def _spans(words: list[str], units: set[tuple[str, ...]]) -> set[int]:
    """Positions of ``words`` covered by one of ``units`` (longest first at each position)."""
    covered: set[int] = set()
    lengths = sorted({len(u) for u in units}, reverse=True)
    i = 0
    while i < len(words):
        for n in lengths:
            if tuple(words[i : i + n]) in units:
                covered.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    return covered


def _kinds(kind: str | Collection[str] | None) -> frozenset[str] | None:
    if kind is None or kind == "":
        return None
    items = [kind] if isinstance(kind, str) else list(kind)
    out: set[str] = set()
    for k in items:
        k = k.strip().lower()
        if k not in KIND_GROUPS:
            raise DiplographError(
                "bad-input", f"unknown type {k!r}: use one of {', '.join(sorted(KIND_GROUPS))}"
            )
        out |= KIND_GROUPS[k]
    return frozenset(out)


def _unique_found(found: Iterable[tuple[Entity, str, frozenset[str]]]
                  ) -> list[tuple[Entity, str, frozenset[str]]]:
    """Round 17: calque readings, one per entity (the first)."""
    out: list[tuple[Entity, str, frozenset[str]]] = []
    for f in found:
        if all(f[0] is not o[0] for o in out):
            out.append(f)
    return out


def _unique(ents: Iterable[Entity]) -> list[Entity]:
    seen: dict[int, Entity] = {}
    for e in ents:
        seen.setdefault(id(e), e)
    return list(seen.values())


def _single(
    query: str, e: Entity, score: float, method: str, note: str = "", evidence: str = ""
) -> MatchResult:
    return MatchResult(query, [Candidate(e, score, True, method, evidence)], False, note)


def _ambiguous(query: str, ents: list[Entity], score: float) -> MatchResult:
    cands = [Candidate(e, score - 0.5 * i, False, "ambiguous") for i, e in enumerate(ents)]
    return MatchResult(query, cands, True, "ambiguous: " + ", ".join(describe(e) for e in ents))


def _rescore(r: MatchResult, query: str, delta: float, method: str) -> MatchResult:
    cands = [
        Candidate(
            c.entity, max(0.0, min(90.0, c.score + delta)), c.match, method,
            _join(f"read as {method}", c.evidence),
        )
        for c in r.candidates
    ]
    return MatchResult(query, cands, r.ambiguous, r.note)


_TRAILING_YEARS = re.compile(
    r"(?P<head>\D*?\w)[,\s]+(?:in\s+|năm\s+|(?-i:nam)\s+|thời\s+kỳ\s+)?"
    r"(?P<years>(?:1[5-9]|20)\d\d(?:\s*(?:[-–—]|to)\s*(?:1[5-9]|20)\d\d)?)", re.IGNORECASE)


#: round 18: a century after a name, in English or Vietnamese (Arabic or Roman numerals)
_CENTURY = re.compile(
    r"(?P<head>\D*?\w)[,\s]+(?:(?:in\s+)?(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century"
    r"|(?:vào\s+|thời\s+)?thế\s+k[ỷỉ]\s+(?P<m>\d{1,2}|[XVI]{1,5}))", re.IGNORECASE)
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _century(text: str) -> tuple[str, str] | None:
    """Round 18: ``(head, "first year–last year")`` of a name ending in a century.

    >>> _century("Đế quốc Ottoman thế kỷ 19"), _century("Russia in the 19th century")
    (('Đế quốc Ottoman', '1801–1900'), ('Russia', '1801–1900'))
    >>> _century("Ba Lan thế kỷ XVIII"), _century("Russia")
    (('Ba Lan', '1701–1800'), None)
    """
    m = _CENTURY.fullmatch(text.strip())
    if m is None:
        return None
    raw = m.group("n") or m.group("m")
    if raw.isdigit():
        n = int(raw)
    else:
        vals = [_ROMAN[c] for c in raw.upper()]
        n = sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    if not 15 <= n <= 21:
        return None
    return m.group("head"), f"{(n - 1) * 100 + 1}–{n * 100}"


#: round 17: a state's regime named by its ruler or dynasty (the ruler read from the table
#: ``rulers`` of predecessors.yaml): "Tito's Yugoslavia", "Germany under Hitler", "Nam Tư
#: thời Tito", "nước Đức dưới thời Hitler", "Nguyen dynasty Vietnam", "the Kerensky
#: government", "chính quyền Ngô Đình Diệm"
_RULER_PATTERNS = (
    re.compile(r"(?:the\s+)?(?P<ruler>[^'’]+?)['’]s?\s+(?P<state>.+)", re.IGNORECASE),
    re.compile(r"(?P<state>.+?)\s+under\s+(?:the\s+)?(?P<ruler>.+?)"
               r"(?:\s+(?:dynasty|regime|rule))?", re.IGNORECASE),
    re.compile(r"(?P<state>.+?)\s+(?:dưới\s+|duoi\s+)?(?:thời|thoi)\s+(?:kỳ\s+|ky\s+)?"
               r"(?P<ruler>.+)", re.IGNORECASE),
    re.compile(r"(?:the\s+)?(?P<ruler>.+?\s+dynasty)\s+(?P<state>.+)", re.IGNORECASE),
    re.compile(r"(?:the\s+)?(?P<ruler>.+?)\s+(?:government|regime|era|administration)",
               re.IGNORECASE),
    re.compile(r"(?:chính\s+quyền|chế\s+độ|chinh\s+quyen|che\s+do)\s+(?P<ruler>.+)",
               re.IGNORECASE),
)

#: round 21: a socialist regime's long-form words (folded), and the year the socialist
#: federations began to end (the registry's Soviet Union ends in 1991, its Yugoslavia in 1992;
#: ISO 3166-3 withdrew CSK in 1993): a state the COW list holds only from then was no
#: sovereign socialist republic (``Matcher._federal_unit``)
_SOCIALIST_WORDS = ("socialist", "soviet", "people's", "peoples", "xa hoi chu nghia", "nhan dan",
                    "xo viet")
_FEDERATIONS_ENDED = 1991
#: round 21: the year from which an Archigos tenure of today's state's record is read as that
#: record (the Cold War's end; a tenure begun before it may be a regime's the registry does
#: not hold)
_CURRENT_FORMS_FROM = 1990

#: round 23: a monarch's titles (folded, English and Vietnamese words) in a ruler's name
_MONARCH_TITLES = frozenset({
    "shah", "king", "queen", "emperor", "empress", "sultan", "emir", "amir", "imam", "nizam",
    "tsar", "czar", "tsarina", "kaiser", "negus", "khan", "maharaja", "bey", "vua",
    "hoang de", "quoc vuong",
})

#: round 21: the words of a state's role of the moment (``Matcher._role_frame``)
_ROLE_WORDS = re.compile(
    r"(?:^|\s)(?:chair|host|president|presidency|chủ\s+tịch|chủ\s+nhà|chủ\s+trì"
    r"|chu\s+tich|chu\s+nha|chu\s+tri)(?=\s)", re.IGNORECASE)

#: round 21: a capital in a frame of government words (``Matcher._capital_government``)
_CAPITAL_FRAMES = (
    re.compile(r"(?:the\s+)?(?P<city>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+"
               r"(?:government|regime|junta|administration|authorities)"),
    re.compile(r"(?:chính\s+quyền|chính\s+phủ|chinh\s+quyen|chinh\s+phu)\s+"
               r"(?P<city>[A-ZĐ][\w'’-]*(?:\s+[A-ZĐ][\w'’-]*)?)"),
)

#: round 17: words that say "country" before a state's name, no official long form
_COUNTRY_WORDS = frozenset({"nuoc", "nha", "quoc", "gia", "the", "of", "country"})

#: the methods by which a name is read as a state's official long form
_LONG_FORM_METHODS = frozenset({"native-long-form", "official-form"})

#: round 22: two states named together by one name ("the two Koreas", "both Sudans", "hai
#: miền Triều Tiên", "hai nước Yemen"; ``Matcher._pair_of_states``)
_PAIR_FRAMES = (
    re.compile(r"(?:the\s+)?(?:two|both)\s+(?P<name>[A-Z][\w'’ -]*?)(?:e?s)", re.IGNORECASE),
    re.compile(r"(?:cả\s+|ca\s+)?hai\s+(?:miền|nước|quốc\s+gia|nhà\s+nước|mien|nuoc|quoc\s+gia"
               r"|nha\s+nuoc)\s+(?P<name>\S.*)", re.IGNORECASE),
)
#: round 22: the compass words that tell two states of one name apart ("North Korea", "South
#: Sudan", "East Germany"), left out of a state's English name to find the name they share
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern",
                            "eastern", "western"})

#: round 22: the words that say a body is a bloc (folded: "khối", "bloc"), read before or
#: after an acronym as the acronym's body itself (``Matcher._institution``)
_BLOC_WORDS = frozenset({"khoi", "bloc", "blocs"})
#: round 23: the press's labels of a grouping, which say what kind of body it is and no field
#: ("the GUAM group", "the AUKUS pact"), and a political colour ("the leftist ALBA bloc"):
#: with one organisation's acronym and nothing else, the acronym decides
_PRESS_LABEL_WORDS = frozenset({"group", "grouping", "pact", "alliance", "partnership", "club",
                                "forum", "leftist", "left-wing", "rightist", "right-wing"})
#: round 22: the words of an instrument's English name (folded), which name no organisation
#: (``Matcher._organisation_of_instrument``)
_INSTRUMENT_WORDS = frozenset({"convention", "treaty", "agreement", "protocol", "pact",
                               "covenant"})

#: round 22: a body's office in a place (``Matcher._local_office``)
_OFFICE_FRAMES = (
    re.compile(r"(?:the\s+)?(?P<body>\S.*?)(?:'s|’s)?\s+(?:country\s+|field\s+|liaison\s+"
               r"|local\s+|representative\s+)?office\s+(?:in|at|for)\s+(?P<place>\S.*)",
               re.IGNORECASE),
    re.compile(r"(?:văn\s+phòng|van\s+phong)\s+(?:đại\s+diện\s+|dai\s+dien\s+|quốc\s+gia\s+"
               r"|quoc\s+gia\s+)?(?:của\s+|cua\s+)?(?P<body>\S.*?)\s+(?:tại|ở|tai|o)\s+"
               r"(?P<place>\S.*)", re.IGNORECASE),
)

#: round 22: a state's name after a descriptor of region and kind words (``_region_frame``)
_REGION_FRAME_EN = re.compile(
    r"the\s+(?P<mods>(?:[\w'’-]+\s+){1,5}?)(?P<head>state|nation|country|kingdom|sultanate"
    r"|emirate|republic|monarchy|archipelago|city-state|principality|island\s+nation"
    r"|island\s+state|island\s+country)\s+of\s+(?P<name>\S.*)", re.IGNORECASE)
_REGION_FRAME_VI = re.compile(
    r"(?P<head>đảo\s+quốc|quốc\s+đảo|tiểu\s+vương\s+quốc|vương\s+quốc|quốc\s+gia|nước"
    r"|chính\s+quyền\s+quân\s+sự|chế\s+độ\s+quân\s+sự|dao\s+quoc|quoc\s+dao"
    r"|tieu\s+vuong\s+quoc|vuong\s+quoc|quoc\s+gia|nuoc|chinh\s+quyen\s+quan\s+su"
    r"|che\s+do\s+quan\s+su)\s+(?P<rest>\S.*)", re.IGNORECASE)
#: the head words of a monarchy (folded), which must fit the state's own long forms
_MONARCHY_HEADS = frozenset({"kingdom", "sultanate", "emirate", "principality", "monarchy",
                             "vuong quoc", "tieu vuong quoc"})


_REGIONS: tuple[dict[str, tuple[list[tuple[int, int]], str]], frozenset[str]] | None = None


def _region_vocabulary() -> tuple[dict[str, tuple[list[tuple[int, int]], str]], frozenset[str]]:
    """Round 22: ``press_regions`` of ``linking/names/forms.yaml`` read once: the folded
    words of each region -> (its COW code ranges, its meaning), and the words of a kind of
    state."""
    global _REGIONS
    if _REGIONS is None:
        data = read_yaml("forms.yaml")
        regions: dict[str, tuple[list[tuple[int, int]], str]] = {}
        for row in data.get("press_regions") or []:
            ranges = [(int(a), int(b)) for a, b in row["cow"]]
            for w in [*(row.get("en") or []), *(row.get("vi") or [])]:
                regions[folded_form(str(w))] = (ranges, str(row["meaning"]))
        kinds = data.get("press_kind_words") or {}
        words = frozenset(str(w).lower() for lg in ("en", "vi") for w in kinds.get(lg) or [])
        _REGIONS = (regions, words)
    return _REGIONS

#: round 22: the generic heads of a body's description, which say no field ("the Geneva-based
#: trade body"); "UN" says whose system, not which body (``Matcher._seat_domain``)
_SEAT_GENERIC = frozenset({"body", "agency", "organization", "organisation", "institution",
                           "group", "bloc", "un", "entity", "international"})
#: round 22: the press's words for a body's field, read as the word its name holds
_DOMAIN_WORDS = {"lender": "bank", "atomic": "atomic", "nuclear": "atomic"}
#: round 22: words of a building's name: a headquarters written as one ("Centre William
#: Rappard, Switzerland") gives the country, not the city (``Matcher._seat_domain``)
_BUILDING_WORDS = frozenset({"centre", "center", "building", "headquarters", "palace", "palais",
                             "house", "tower", "campus", "complex"})


_MEMBER_COUNT = re.compile(r"(?:the\s+)?\d{1,3}[- ](?:member|nation|country|state)\s+"
                           r"(?P<rest>\S.*)", re.IGNORECASE)


def _without_member_count(text: str) -> str | None:
    """Round 22: the name after a count of members ("the 15-member Security Council"), or
    None.

    >>> _without_member_count("the 15-member Security Council")
    'Security Council'
    >>> _without_member_count("Group of 77") is None
    True
    """
    m = _MEMBER_COUNT.fullmatch(text.strip())
    return m.group("rest") if m else None

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
