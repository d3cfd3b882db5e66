"""Names in a text: every mention of a registry entity, found with the registry as gazetteer.

A mention is a run of words whose folded form (``graph.registry.fold``: no case, no
diacritics, no spaces or hyphens) is an English or Vietnamese label or alias of an entity, an
acronym written exactly, a capital (which stands for its state's government), another city (a
place only) or an adjective of nationality (``extraction/gazetteer.yaml``). Short names (four
letters or fewer once folded: "Nga", "Lào", "Mỹ", "Iran") must be written exactly, capital
first, so the Vietnamese word "anh" is not the United Kingdom ("Anh"). The longest run wins.

>>> g = gazetteer()
>>> [(m.surface, m.key, m.how) for m in g.mentions("Riyadh severed ties with Tehran.")]
[('Riyadh', 'SAU', 'capital'), ('Tehran', 'IRN', 'capital')]
>>> [(m.surface, m.key) for m in g.mentions("Việt Nam và Nga, Ả Rập Xê Út")]
[('Việt Nam', 'VNM'), ('Nga', 'RUS'), ('Ả Rập Xê Út', 'SAU')]
>>> [m.key for m in g.mentions("Viet Nam and the People's Republic of China")]
['VNM', 'CHN']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..graph import yaml_text
from ..graph.errors import DiplographError
from ..graph.registry import Entity, Registry, fold

GAZETTEER_FILE = Path(__file__).resolve().parent / "gazetteer.yaml"
#: kinds an extracted fact may name, best first when one name fits several entities
KIND_ORDER = ("state", "organisation", "forum", "historical-state", "place", "event-series", "ngo")
MAX_WORDS = 9
WORD = re.compile(r"\w+", re.UNICODE)
#: what may stand between two words of one name
GAP = re.compile(r"[ \t\-–'’]{0,3}|\.[ ]?")


@dataclass(frozen=True)
class Mention:
    """One mention: its span, what it names, and how it was recognised."""

    start: int
    end: int
    surface: str
    key: str | None  # registry key, None when unresolved
    kind: str  # entity kind ("state", "organisation", …), "" when unresolved
    how: str  # name | acronym | capital | city | demonym
    candidates: tuple[str, ...] = ()  # keys, when ambiguous

    @property
    def is_state(self) -> bool:
        return self.kind in ("state", "historical-state")

    @property
    def is_org(self) -> bool:
        return self.kind in ("organisation", "forum", "ngo")


@dataclass
class _Entry:
    key: str
    kind: str
    tier: int
    how: str
    exact: str | None = None  # the surface must be exactly this (short names, acronyms)


@dataclass
class Gazetteer:
    """The folded-name index over the registry and the extraction gazetteer."""

    registry: Registry
    index: dict[str, list[_Entry]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    config: dict[str, Any] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # label() cache
    #: round 45: (name, key) of every state's name of two or more words
    state_names: list[tuple[str, str]] = field(default_factory=list)
    #: round 45: a state's name (folded) -> the longer names of other states that begin with
    #: it as whole words ("Ghi-nê" -> "Ghi-nê Bi-xau", "Ghi-nê Xích Đạo")
    longer: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, text: str, entry: _Entry) -> None:
        form = fold(text)
        if not form:
            return
        if len(form) <= 4 or entry.how == "acronym":
            entry.exact = unicodedata.normalize("NFC", text)
        bucket = self.index.setdefault(form, [])
        same = [e for e in bucket if e.key == entry.key and e.exact == entry.exact]
        if not same:
            bucket.append(entry)
        elif entry.tier < same[0].tier:
            # round 32: a name the gazetteer file lists outranks the registry's own alias of
            # the same record ("World Bank": the IBRD record, as the corpus writes it)
            bucket[bucket.index(same[0])] = entry
        words = WORD.findall(text)
        if words:
            self.first_words.add(fold(words[0]))
        if entry.kind == "state" and entry.how == "name" and " " in text.strip():
            self.state_names.append((text.strip(), entry.key))

    def entity(self, key: str) -> Entity | None:
        return self.registry.get(key)

    def label(self, key: str, lang: str = "en") -> str:
        """The label a facts file uses for ``key`` (English, else any)."""
        if (key, lang) not in self.labels:
            self.labels[key, lang] = self._label(key, lang)
        return self.labels[key, lang]

    def _label(self, key: str, lang: str) -> str:
        e = self.registry.get(key)
        if e is None:
            return key
        text = e.labels.get(lang) or e.label
        # a label the loader would not resolve back to this entity ("Sudan" is also a name
        # of South Sudan) is written as the registry key, which always resolves
        try:
            if self.registry.resolve(text).key == key:
                return text
        except DiplographError:
            pass
        return key

    def _longer_name(self, text: str, start: int, end: int, key: str) -> tuple[int, str] | None:
        """Round 45: a state's name followed by more words of a transliteration that, with
        it, sound like a longer name of another state beginning with it: "Ghi-nê Bít-xao"
        (the ministry's writing) is Guinea-Bissau ("Ghi-nê Bi-xau" in the registry), not
        Guinea. The end of the longer run and its state, or None. The similarity and its
        thresholds are the linking matcher's transliteration reading's (TRANSLIT_MATCH, ahead
        of the next state by TRANSLIT_GAP)."""
        from ..linking.normalise import phonetic_key, sounds_alike
        from ..linking.readings.sounds import TRANSLIT_GAP, TRANSLIT_MATCH

        # the name may close a longer run ("Cộng hòa Ghi-nê"): its last words
        names: list[tuple[str, str]] = []
        for m in re.finditer(r"(?:^|(?<=[ ]))\S", text[start:end]):
            names = self.longer.get(fold(text[start + m.start() : end]), [])
            if names:
                start += m.start()
                break
        if not names:
            return None
        ends: list[int] = []
        pos = end
        for _ in range(2):
            m = _TRANSLIT_WORD.match(text, pos)
            if m is None:
                break
            pos = m.end()
            ends.append(pos)
        for stop in reversed(ends):  # the longest run first
            run = text[start:stop]
            n = len(run.split(" "))
            scores: dict[str, float] = {}
            for name, other in names:
                if len(name.split(" ")) != n:
                    continue
                r = sounds_alike(phonetic_key(run), phonetic_key(name))
                scores[other] = max(r, scores.get(other, 0.0))
            ranked = sorted(scores.items(), key=lambda x: -x[1])
            if not ranked or ranked[0][1] < TRANSLIT_MATCH:
                continue
            if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < TRANSLIT_GAP:
                return None
            if ranked[0][0] == key:
                return None
            return stop, ranked[0][0]
        return None

    def lookup(self, surface: str) -> list[_Entry]:
        """The entries a surface form may name, best first (exact forms checked)."""
        nfc = unicodedata.normalize("NFC", surface)
        found = [
            e for e in self.index.get(fold(surface), []) if e.exact is None or e.exact == nfc
        ]
        if not found:
            return []
        if not (surface[:1].isupper() or surface[:1].isdigit()):
            return []
        best = min(e.tier for e in found)
        return sorted(
            (e for e in found if e.tier == best),
            key=lambda e: KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 99,
        )

    def mentions(self, text: str) -> list[Mention]:
        """Every entity mention in ``text``, in order, longest match first."""
        words = list(WORD.finditer(text))
        out: list[Mention] = []
        i = 0
        while i < len(words):
            if fold(words[i].group()) not in self.first_words:
                i += 1
                continue
            found = None
            # the longest run of words (joined by spaces, hyphens, apostrophes) that is a name
            j_max = i
            for j in range(i + 1, min(i + MAX_WORDS, len(words))):
                gap = text[words[j - 1].end() : words[j].start()]
                if not GAP.fullmatch(gap) or "\n" in gap:
                    break
                j_max = j
            for j in range(j_max, i - 1, -1):
                start, end = words[i].start(), words[j].end()
                if end < len(text) and text[end] == "." and j > i and len(words[j].group()) == 1:
                    end += 1  # "U.S."
                surface = text[start:end]
                entries = self.lookup(surface)
                if entries:
                    found = (j, start, end, surface, entries)
                    break
            if found is None:
                i += 1
                continue
            j, start, end, surface, entries = found
            if i > 0 and GAP.fullmatch(text[words[i - 1].end() : start]) and any(
                    e.how == "not-a-name" for e in self.index.get(
                        fold(text[words[i - 1].start() : end]), [])):
                # round 25: a region in lower case, "các dân tộc châu Mỹ" (the Americas), is
                # not Mỹ (the United States), as "Nam Mỹ" is not
                i = j + 1
                continue
            keys = list(dict.fromkeys(e.key for e in entries))
            states = [e for e in entries if e.kind in ("state", "historical-state")]
            if len(keys) > 1 and len({e.key for e in states}) == 1:
                keys = [states[0].key]
            if len(keys) > 1:
                try:  # the registry's own preference ("IOC" is the Olympic committee)
                    preferred = self.registry.resolve(surface).key
                except DiplographError:
                    preferred = None
                if preferred in keys:
                    keys = [preferred]
            e0 = next(e for e in entries if e.key == keys[0])
            if e0.how == "not-a-name" or re.match(
                    r"[ \t]+(?-i:House|Palace|Hall|Square|Street|Road|Avenue|Airport)\b",
                    text[end : end + 12]):
                # "Nam Mỹ" (South America) is not Mỹ (the United States); "Hyderabad House"
                # (a building in New Delhi) is not Hyderabad
                i = j + 1
                continue
            if len(keys) == 1 and e0.kind == "state" and self.longer:
                longer = self._longer_name(text, start, end, keys[0])
                if longer is not None:
                    # round 45: the longest run, read by its sounds ("Ghi-nê Bít-xao")
                    end, key = longer
                    surface = text[start:end]
                    keys = [key]
                    while j + 1 < len(words) and words[j + 1].start() < end:
                        j += 1
            if len(keys) == 1:
                out.append(Mention(start, end, surface, keys[0], e0.kind, e0.how))
            else:
                out.append(Mention(start, end, surface, None, "", e0.how, tuple(keys)))
            i = j + 1
        return out


def _longer_names(g: Gazetteer) -> None:
    """Round 45: index the states' names of two or more words by each shorter beginning of
    whole words that names another state ("Ghi-nê Bi-xau" under "Ghi-nê", Guinea)."""
    for text, key in g.state_names:
        parts = text.split(" ")
        for n in range(1, len(parts)):
            head = " ".join(parts[:n])
            if any(e.kind == "state" and e.key != key and e.exact in (None, head)
                   for e in g.index.get(fold(head), [])):
                bucket = g.longer.setdefault(fold(head), [])
                if (text, key) not in bucket:
                    bucket.append((text, key))


#: round 45: a word of a Vietnamese transliteration, capitalised ("Bít-xao", "Xích")
_TRANSLIT_WORD = re.compile(r"[ ](?-i:[A-ZĐÀ-Ỹ])[^\W\d_]*(?:-[^\W\d_]+)*", re.UNICODE)


def _registry_names(e: Entity) -> list[tuple[str, int, str]]:
    """(name, tier, how) of one entity: English and Vietnamese labels, aliases, acronyms."""
    out: list[tuple[str, int, str]] = []
    if e.kind in ("organisation", "forum", "ngo") and re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,9}",
                                                                    e.key):
        out.append((e.key, 2, "acronym"))  # COW abbreviations: "ICFTU", "Interpol"
    for lang in ("en", "vi"):
        if e.labels.get(lang):
            out.append((e.labels[lang], 1, "name"))
    for text in e.primary_names:
        out.append((text, 1, "acronym" if text.isupper() else "name"))
    for text, lang in e.aliases:
        if lang in (None, "en", "vi") and "(" not in text:
            out.append((text, 2, "name"))
    for text in e.acronyms:
        if re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,9}", text) and any(c.isupper() for c in text[1:]):
            out.append((text, 2, "acronym"))
    return out


@cache
def gazetteer(registry: Registry | None = None) -> Gazetteer:
    """The gazetteer over ``registry`` (default: the bundled registry), built once."""
    if registry is None:
        from ..loaders.registry import load_registry

        registry = load_registry()
    config = yaml_text.load(GAZETTEER_FILE.read_text(encoding="utf-8"))
    g = Gazetteer(registry, config=config)
    from ..linking.names import same_bodies

    # a body the registry holds twice is named by the record that stands for it ("PIF" and
    # "Pacific Islands Forum" are one body: COW's record and SupraVerden's/internacia's)
    same = same_bodies(registry)
    for e in registry.entities:
        if e.kind == "person":
            continue
        owner = same.get(e.iri, (e, ""))[0]
        for text, tier, how in _registry_names(e):
            g.add(text, _Entry(owner.key, owner.kind, tier, how))
    for section, how, tier in (
        ("aliases", "name", 0),
        ("capitals", "capital", 1),
        ("cities", "city", 1),
        ("demonyms", "demonym", 1),
    ):
        for key, names in (config.get(section) or {}).items():
            e = registry.get(key)
            if e is None:
                continue
            for text in names:
                kind = e.kind
                g.add(text, _Entry(e.key, kind, tier, "acronym" if text.isupper() else how))
    # every state's capital today from the COW capitals list (loaders.capitals), besides the
    # spellings above; a name that is already an entry (Singapore, Djibouti) is left alone
    from ..graph.namespaces import ID
    from ..loaders.capitals import current_capitals

    for ident, names in current_capitals().items():
        state = registry.by_iri(ID(ident))
        if state is None:
            continue
        for text in names:
            if fold(text) not in g.index:
                g.add(text, _Entry(state.key, state.kind, 1, "capital"))
    _add_data_capitals(g, registry, config)
    for text in config.get("not_names") or []:
        g.add(text, _Entry("", "", -1, "not-a-name"))
    _add_sourced_names(g, registry)
    _add_matcher_transliterations(g, registry)
    _add_initials_forms(g)
    _longer_names(g)
    return g


def _add_matcher_transliterations(g: Gazetteer, registry: Registry) -> None:
    """Round 45: the states' Vietnamese transliterations that the linking matcher's sourced
    name tables hold (``linking/names/common_vi.yaml``, CLDR: "Đô-mi-ni-ca-na", "Cô-mo",
    "Xê-út"), written in hyphenated syllables (``linking.normalise.transliterated``), below
    the registry's names. A form that already names something is left alone; the tables'
    one-syllable press names ("Trung", "Thái") and nicknames are not transliterations."""
    from ..linking.names import extra_names
    from ..linking.normalise import transliterated

    resolved, _ = extra_names(registry)
    for rn in resolved:
        e = rn.entity
        if (e.kind != "state" or rn.lang not in (None, "vi") or rn.source == "nickname"
                or rn.method not in ("common-name", "cldr") or not transliterated(rn.text)):
            continue
        if fold(rn.text) not in g.index:
            g.add(rn.text, _Entry(e.key, e.kind, 2, "name"))


def _add_initials_forms(g: Gazetteer) -> None:
    """Round 45: the states' Vietnamese long forms with their long-form words written by their
    initials, as the linking matcher reads them (``linking/names/forms.yaml`` ``vi_initials``:
    "CHDC Công-gô" = "Cộng hòa Dân chủ Công-gô", the Democratic Republic of the Congo, not
    "Công-gô"; "CHND Trung Hoa"). Made from every state's name in the gazetteer whose leading
    words are such units, followed by a name; a form that already names something is left
    alone."""
    from ..linking.names import read_yaml
    from ..linking.normalise import strip_diacritics

    units = sorted((str(u).split() for u in read_yaml("forms.yaml").get("vi_initials") or []),
                   key=len, reverse=True)
    for text, key in list(g.state_names):
        words = text.split(" ")
        plain = [strip_diacritics(w).lower() for w in words]
        i = 0
        while i < len(words):
            unit = next((u for u in units if plain[i : i + len(u)] == u), None)
            if unit is None:
                break
            i += len(unit)
        rest = " ".join(words[i:])
        if i == 0 or not rest[:1].isupper():
            continue
        short = "".join(strip_diacritics(w)[:1].upper() for w in words[:i]) + " " + rest
        if fold(short) not in g.index:
            g.add(short, _Entry(key, "state", 2, "name"))


def _add_sourced_names(g: Gazetteer, registry: Registry) -> None:
    """The CLDR names of the territories the registry does not hold as states ("French
    Polynesia", "Polynesia thuộc Pháp") as runs that name nothing, so that the longest run keeps
    "French" in them from naming France. A name already in the gazetteer is left alone."""
    try:
        import pycountry
        from babel import Locale
    except ImportError:  # pragma: no cover - both are dependencies
        return
    from ..linking.names import split_cldr_name

    states = {e.iso2 for e in registry.entities if e.iso2 and e.kind == "state"}
    for lang in ("en", "vi"):
        for code, name in Locale(lang).territories.items():
            if code in states or not pycountry.countries.get(alpha_2=code):
                continue
            for text in split_cldr_name(name):
                if fold(text) not in g.index:
                    g.add(text, _Entry("", "", -1, "not-a-name"))


def _add_data_capitals(g: Gazetteer, registry: Registry, config: dict) -> None:
    """Every independent state's capital from the bundled country list (internacia's
    `countries.csv`), below the curated `capitals` of the gazetteer: "severed its own ties with
    Quito", "travelled to Tarawa". A capital that already names something, is shared by two
    states or is listed in `capitals_skip` (names of other places too: Santiago, Victoria) is
    left out."""
    import csv

    from ..loaders.registry import default_data_dir

    path = Path(default_data_dir()) / "internacia" / "countries.csv"
    if not path.exists():
        return
    skip = {fold(x) for x in config.get("capitals_skip") or []}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("independent") == "True"
                and (r.get("capital") or "").strip()]
    counts: dict[str, int] = {}
    for r in rows:
        counts[fold(r["capital"])] = counts.get(fold(r["capital"]), 0) + 1
    for r in rows:
        name, form = r["capital"].strip(), fold(r["capital"])
        e = registry.get(r.get("iso3") or "")
        if e is None or form in skip or counts[form] > 1 or form in g.index:
            continue
        g.add(name, _Entry(e.key, e.kind, 2, "capital"))
    # adjectives of nationality from the bundled list ("Samoan Prime Minister"), below the
    # curated `demonyms`; one shared by two states (Congolese) is left out
    adjectives = Path(default_data_dir()) / "country-adjectives" / "adjectivals.csv"
    if not adjectives.exists():
        return
    iso3 = {r["code"]: r["iso3"] for r in rows}
    with adjectives.open(encoding="utf-8", newline="") as fh:
        pairs = [(r["iso2"], r["adjective"].strip()) for r in csv.DictReader(fh)
                 if (r.get("adjective") or "").strip()]
    seen: dict[str, int] = {}
    for _, adj in pairs:
        seen[fold(adj)] = seen.get(fold(adj), 0) + 1
    for code, adj in pairs:
        e = registry.get(iso3.get(code, ""))
        form = fold(adj)
        if e is None or seen[form] > 1 or form in g.index:
            continue
        g.add(" ".join(w[:1].upper() + w[1:] for w in adj.split()), _Entry(e.key, e.kind, 2,
                                                                              "demonym"))
