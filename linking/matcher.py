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

The readings live in :mod:`diplograph.linking.readings`, one module per family of names; the
order they are tried in is one table, :data:`diplograph.linking.readings.table.READINGS`
(``docs/linking.md``, "The matcher").

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

import re
import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from operator import attrgetter
from pathlib import Path

import yaml

from ..graph import yaml_text
from ..graph.errors import DiplographError
from ..graph.registry import Entity, Registry
from .candidates import KIND_GROUPS, Candidate, MatchResult, _Name, describe
from .code_systems import CodeClash, code_clashes, gw_abbreviations
from .glossary import Calques, normal_spelling
from .names import (
    adjective_records,
    body_heads,
    extra_names,
    name_words,
    read_yaml,
    resolve_target,
    same_bodies,
)
from .normalise import (
    exact_form,
    folded_form,
    looks_like_code,
    phonetic_key,
    split_qualifier,
    strip_diacritics,
    trigrams,
    uninvert,
)
from .readings.acronyms import Acronyms
from .readings.calques import CalqueReadings
from .readings.frames import Frames
from .readings.fuzzy import Fuzzy
from .readings.generic import GenericBodies
from .readings.institutions import Institutions
from .readings.long_forms import LongForms
from .readings.lookup import Lookup
from .readings.offices import Offices
from .readings.pairs import Pairs
from .readings.periods import Periods
from .readings.qualifiers import Qualifiers
from .readings.regimes import Regimes
from .readings.rewrites import Rewrites
from .readings.rulers import Rulers
from .readings.seats import Seats
from .readings.short_forms import ShortForms
from .readings.sounds import Sounds
from .readings.table import READINGS
from .readings.text import (
    _all_names,
    _capitals,
    _iy_form,
    _join,
    _prefix_ends,
    _spans,
    _unique,
    _variant_of,
    short_names,
)
from .reference import MatcherReference
from .succession import STATE_KINDS, year_span

ALIASES_FILE = Path(__file__).with_name("aliases.yaml")


def load_extra(path: Path | None = None) -> dict:
    """The parsed ``aliases.yaml`` (extra names, ambiguous and preferred lists)."""
    p = path or ALIASES_FILE
    try:
        data = yaml_text.load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise DiplographError("internal", f"cannot read the linking aliases file {p}: {e}") from e
    return data


def _units(items: Iterable[str]) -> set[tuple[str, ...]]:
    """Folded multi-word units (``"cong hoa"`` -> ``("conghoa"... )`` per whitespace word)."""
    return {tuple(folded_form(w) for w in str(x).split()) for x in items if str(x).strip()}


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


#: round 17: the marks of an enlarged grouping: "OPEC+", "ASEAN+3", "ASEAN Plus Three",
#: "OPEC mở rộng" (Vietnamese: enlarged)
_PLUS = re.compile(r"\w\s*\+|\bplus\b|\bm[ởo]\s+r[ộo]ng\b", re.IGNORECASE)


#: round 49: a name that says it names two states ("the two states sharing the island of
#: Timor", "both Koreas", "the Korean peninsula's two governments", "the two Gulf
#: monarchies", "hai nước chung đảo Ti-mo", "nhà cầm quyền hai miền Triều Tiên"): never one
#: state (``Matcher._read``); "two" before another word ("Poland between the two world wars")
#: says nothing of the kind
_TWO_STATES = re.compile(
    r"\b(?i:two|both)\s+(?:(?:[\w-]+\s+)?(?i:states|countries|nations|governments|neighbou?rs"
    r"|republics|kingdoms|monarchies|regimes|sides|halves|leaderships)|[A-Z]\w*s['’]?)(?:\s|$)"
    r"|(?:^|\s)(?i:hai|cả\s+hai|ca\s+hai)\s+(?i:nước|quốc\s+gia|miền|nhà\s+nước|bên|chính\s+phủ"
    r"|nuoc|quoc\s+gia|mien|nha\s+nuoc|ben|chinh\s+phu)(?:\s|$)")


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


#: the matcher's own state that the readings set while they read a part of a name and restore
#: afterwards (in a ``finally``): a reading's answer depends on it as on the name, so it is part
#: of the key of a remembered answer (:meth:`Matcher.match`). A reading that adds such state
#: names it here (``tests/linking/test_matcher_memo.py`` checks every ``finally`` of the package)
CONTEXT: tuple[str, ...] = ("_with_years", "_years_now", "_body_years")
_context_of = attrgetter(*CONTEXT)
#: how many answers a matcher remembers; when full, it forgets them all and starts again (a
#: server's matcher lives as long as its store's generation)
ANSWERS_KEPT = 20_000


class Matcher(
    Lookup, Qualifiers, Periods, Rulers, Seats, Frames, Pairs, Offices, LongForms,
    Regimes, ShortForms, Sounds, Acronyms, GenericBodies, CalqueReadings, Institutions,
    Fuzzy, Rewrites,
):
    """Name -> registry entity matcher (no I/O after construction; thread-safe: one thread
    matches at a time)."""

    def __init__(self, registry: Registry, extra: Mapping | None = None,
                 reference: MatcherReference | None = None) -> None:
        self.registry = registry
        #: remembered answers (:meth:`match`) and the lock of the reading's context
        self._answers: dict[tuple, MatchResult] = {}
        self._answering = threading.RLock()
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
        # (session 26: frozen, so that the readings' prefix and suffix scans make their
        # lengths and reversed forms once: ``_prefix_ends``, ``_suffix_starts``)
        self._state_forms = frozenset(_units(
            [*forms["state_forms"]["vi"], *forms["state_forms"]["en"],
             *(forms["state_forms"].get("native") or []),
             *(forms["state_forms"].get("imperial") or [])]
        ))
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
        self._cow_holders: dict[int, list[Entity]] | None = None  # round 24 (periods)
        # round 41 (periods): record IRI -> (COW code, years) naming it (state-periods.csv)
        self._cow_named: dict[str, list[tuple[int, int, int]]] | None = None
        # round 36 (seats): organisations' acronyms by their sorted letters, made when needed
        self._letters_index: dict[str, list[tuple[str, Entity]]] | None = None
        #: round 17: rulers and dynasties -> (the state they ruled, years, evidence)
        #: (predecessors.yaml ``rulers``)
        self._rulers: dict[str, list[tuple[Entity, str, str]]] = defaultdict(list)
        #: round 26: and ``leaders`` (leaders after Archigos' last year, those it writes
        #: otherwise, Vietnamese names of leaders), each row with its source
        for row in [*(read_yaml("predecessors.yaml").get("rulers") or []),
                    *(read_yaml("predecessors.yaml").get("leaders") or [])]:
            ruled = resolve_target(registry, row["target"])
            if ruled is None:
                continue
            evidence = str(row.get("evidence", ""))
            if row.get("source"):
                evidence += f" (source: {row['source']})"
            span = year_span(str(row.get("years", "")))
            if row.get("source") and span is not None and span[0] > 2015:
                evidence += "; a leader after Archigos' last year (2015)"
            for text in row.get("names") or []:
                self._rulers[folded_form(str(text))].append(
                    (ruled, str(row.get("years", "")), evidence))
        #: round 39: the names of historical states predecessors.yaml knows and the registry
        #: does not hold (the Slovak State, the Independent State of Croatia: regimes under
        #: convention G), folded word by word: a leader the tables lack is not read as a
        #: leader of today's state whose name or adjective one of them holds
        self._regimes_unheld: list[tuple[str, ...]] = [
            tuple(folded_form(w) for w in str(row["name"]).split())
            for row in read_yaml("predecessors.yaml").get("names") or []
            if row.get("relation") == "historical-state"
            and resolve_target(registry, row["target"]) is None]
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
        #: round 27: regimes of today's states other than a monarchy that Wikidata holds
        #: apart (predecessors.yaml ``regimes_apart``): id of the state -> (first, last year,
        #: evidence)
        self._regimes_apart: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for row in read_yaml("predecessors.yaml").get("regimes_apart") or []:
            apart = resolve_target(registry, row["target"])
            span = year_span(str(row.get("years", "")))
            if apart is not None and span is not None:
                self._regimes_apart[id(apart)].append(
                    (span[0], span[1], str(row.get("evidence", ""))))
        #: round 30 (convention G): the Archigos spells of the heads of governments set up
        #: under a foreign occupation (predecessors.yaml ``occupation_regimes``): spell ->
        #: (the regime, its years, its state)
        self._occupation_spells: dict[str, tuple[str, str, Entity | None]] = {}
        #: round 40: id of today's state -> the years of its governments set up under an
        #: occupation (the same rows, convention G)
        self._occupied_years: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row in read_yaml("predecessors.yaml").get("occupation_regimes") or []:
            state = resolve_target(registry, row["target"])
            for spell in row.get("archigos") or []:
                self._occupation_spells[str(spell)] = (
                    str(row["regime"]), str(row.get("years", "")), state)
            span = year_span(str(row.get("years", "")))
            if state is not None and span is not None:
                self._occupied_years[id(state)].append(span)
        #: round 30: organs named by their role ("the EU legislature", organ_roles.yaml):
        #: (folded name of the owner, folded role) -> (the organ, the owner, the source)
        self._organ_roles: dict[tuple[str, str], tuple[Entity, Entity, str]] = {}
        #: a row whose owner or organ this registry lacks (a store holding part of the
        #: registry) is left out; every row names records of the full registry
        #: (tests/linking/test_name_tables.py)
        for row in read_yaml("organ_roles.yaml").get("organ_roles") or []:
            owner = resolve_target(registry, str(row.get("owner", "")))
            organ = resolve_target(registry, str(row.get("organ", "")))
            if owner is None or organ is None:
                continue
            owner_names = {folded_form(n) for n, _ in owner.names()} | {
                folded_form(str(n)) for n in row.get("also") or []}
            for role in [*(row.get("roles_en") or []), *(row.get("roles_vi") or [])]:
                for n in owner_names:
                    self._organ_roles.setdefault(
                        (n, folded_form(str(role))), (organ, owner, str(row.get("source", ""))))
        #: round 45: the heads of bodies (body_heads.yaml): (the body, each of the holder's
        #: names as its folded words, the surname's folded words, the term's years); a row
        #: whose body this registry lacks is left out
        self._body_heads: list[tuple[Entity, tuple[frozenset[str], ...], frozenset[str],
                                     int, int | None]] = []
        for head in body_heads():
            held = resolve_target(registry, head.body)
            if held is not None:
                self._body_heads.append((held, tuple(name_words(n) for n in head.names),
                                         name_words(head.surname), head.start, head.end))
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
        # round 52: head words of a body's seat, read at the name's start only (forms.yaml
        # organisation_seat_heads); the words of a body without them, for any other name
        self._seat_heads = _units(forms.get("organisation_seat_heads") or ())
        self._institution_words_inner = _units(
            [*forms["institution_words"]["en"], *forms["institution_words"]["vi"]]
        )
        self._institution_words = self._institution_words_inner | self._seat_heads
        # round 29: names a state bore for some years that today name another state
        # (predecessors.yaml dated_names): folded name -> [(state, first year, last year, why)]
        self._dated_names: dict[str, list[tuple[Entity, int, int, str]]] = {}
        for row in read_yaml("predecessors.yaml").get("dated_names") or ():
            held = resolve_target(registry, row["target"])
            span = year_span(str(row["years"]))
            if span is None:
                raise DiplographError("internal", "predecessors.yaml dated_names: "
                                      f"years {row['years']!r} of {row['target']} is no span")
            if held is None:
                continue
            for n in row["names"]:
                self._dated_names.setdefault(folded_form(n), []).append(
                    (held, span[0], span[1], str(row["evidence"])))
        # round 29: today's federations whose names do not say so (forms.yaml)
        self._federal_states = frozenset(forms.get("federal_states") or {})
        # round 29: convention F's bodies that stand for their organisation (forms.yaml)
        self._organisation_seats = _units(
            [*forms["organisation_seats"]["en"], *forms["organisation_seats"]["vi"]]
        ) | self._seat_heads
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
        #: round 44: (sounds, folded name) of the COW capitals (``Sounds._capital_heard``)
        self._capital_keys: list[tuple[str, str]] | None = None
        #: round 45: the names read only as Sino-Vietnamese readings (``Sounds._sino_only``)
        self._sino: frozenset[tuple[str, int]] | None = None
        #: round 23: above 0 while the head of a qualified name (a year, a period, a bracket)
        #: is read: a capital's government is then not read as today's state alone
        self._with_years = 0
        #: round 40: the years of the qualified name whose head is read (the outermost), or
        #: None: a former COW capital of today's state is read in its years only
        self._years_now: tuple[int, int] | None = None
        #: round 45: the years of a body's reading with its years (``_body_in_years``), for
        #: the terms of its heads (``Rewrites._body_by_head``)
        self._body_years: tuple[int, int] | None = None
        #: round 40: seats of government the COW capitals table lacks (capital_names.yaml
        #: ``seats``): folded name -> (the record, the spans of years it was the seat); a row
        #: whose record this registry lacks is left out
        self._seats_lacking: dict[str, list[tuple[Entity, list[tuple[int, int]]]]] = (
            defaultdict(list))
        for row in read_yaml("capital_names.yaml").get("seats") or []:
            seated = resolve_target(registry, row["target"])
            spans = [sp for part in str(row.get("years", "")).split(",")
                     if (sp := year_span(part.strip())) is not None]
            if seated is not None and spans:
                for name in row.get("names") or []:
                    self._seats_lacking[folded_form(str(name))].append((seated, spans))
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

    def match(
        self,
        name: str,
        *,
        kind: str | Collection[str] | None = None,
        lang: str | None = None,
        limit: int = 5,
    ) -> MatchResult:
        """Candidates for ``name``; ``kind`` ('state' | 'organisation' or a registry kind) and
        ``lang`` ('en' | 'vi') are hints that narrow ties. ``limit`` caps the candidates.

        The readings of :data:`~.readings.table.READINGS` are tried in their order: each while
        none before it has read the name; the retries only after the fallback (the fuzzy
        reading) when it matched nothing and found no ambiguity; the answer of a ``finished``
        reading (the name written another way, matched again) is returned as it is.

        Session 25: an answer is remembered, keyed by the arguments and the reading's context
        (:data:`CONTEXT`): the readings match the parts of a name again (a qualified name's
        head, a rewritten form), and the same parts recur across names ("government" under a
        state kind is read hundreds of times in a list), so about half of the calls an
        evaluation list makes are answered from the memo (``docs/linking.md``, "The answers
        remembered"). The answers are frozen, so a remembered one is returned as it is. One
        thread matches at a time (the context is the matcher's own state)."""
        query = name if isinstance(name, str) else str(name)
        hint = kind if kind is None or isinstance(kind, str) else ("any of", frozenset(kind))
        with self._answering:
            key = (query, hint, lang, limit, *_context_of(self))
            answers = self._answers
            result = answers.get(key)
            if result is None:
                result = self._read(query, kind, lang, limit)
                if len(answers) >= ANSWERS_KEPT:
                    answers.clear()
                answers[key] = result
            return result

    def forget(self) -> None:
        """Forget every answer remembered: the next calls match again (a benchmark's warm
        batch of names measured as matching, not as remembering)."""
        with self._answering:
            self._answers.clear()
            # (session 26: and the fuzzy reading's near forms, remembered per folded name)
            self.__dict__.pop("_fuzzy_near", None)

    def __getstate__(self) -> dict:
        """A pickled matcher (the search index's builder shares one) carries no memo and no
        lock: the other process makes its own."""
        state = dict(self.__dict__)
        state["_answers"] = {}
        state.pop("_fuzzy_near", None)
        del state["_answering"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._answering = threading.RLock()

    def _read(
        self, query: str, kind: str | Collection[str] | None, lang: str | None, limit: int
    ) -> MatchResult:
        """:meth:`match` without the memo."""
        kinds = _kinds(kind)
        text = query.strip()
        if not text:
            return MatchResult(query, [], False, "empty name")
        given = {"query": query, "text": text, "kind": kind, "kinds": kinds, "lang": lang,
                 "limit": limit}
        result: MatchResult | None = None
        for reading in READINGS:
            if result is None:
                result = reading.read(self, *[given[f] for f in reading.takes])
                if result is not None and reading.finished:
                    return self._disagreeing_acronym(
                        query, text, self._seat_contradicts(query, text, result))
                if result is not None and reading.stage != "fallback":
                    break  # read: no later row is tried (the retries follow the fallback)
            elif reading.stage == "retry" and result.best is None and not result.ambiguous:
                result = reading.read(self, *[given[f] for f in reading.takes]) or result
        if result is None:  # the fallback always answers
            raise AssertionError(f"no reading answered {query!r}")
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
        # round 36: an acronym's body whose seat the name contradicts
        result = self._disagreeing_acronym(query, text,
                                           self._seat_contradicts(query, text, result))
        result = self._not_one_of_two(query, text, result)
        return MatchResult(
            result.query, result.candidates[: max(1, limit)], result.ambiguous, result.note
        )

    @staticmethod
    def _not_one_of_two(query: str, text: str, result: MatchResult) -> MatchResult:
        """Round 49: a name that says it names two states (:data:`_TWO_STATES`) is never one
        state: a reading that found one in it ("the two states sharing the island of Timor":
        a press frame around "Timor" read Timor-Leste) answers no match, unless the state's
        own names hold the words ("the Two Sicilies", "Vương quốc Hai Sicilia")."""
        best = result.best
        if (best is None or result.ambiguous or best.entity.kind not in STATE_KINDS
                or not _TWO_STATES.search(text)):
            return result
        if any(w in ("two", "both", "hai") for n in _all_names(best.entity)
               for w in re.findall(r"\w+", n.lower())):
            return result
        return MatchResult(
            query, [Candidate(best.entity, min(best.score, 60.0), False, best.method,
                              best.evidence)], False,
            f"no match: {text!r} names two states, and a reading found one in it "
            f"({describe(best.entity)}); no reading gave the pair")

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
