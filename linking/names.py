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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..graph.errors import DiplographError
from ..graph.namespaces import ID
from ..graph.registry import Entity, Registry

NAMES_DIR = Path(__file__).with_name("names")


@dataclass(frozen=True)
class NameRecord:
    """One extra name of an entity, with where it comes from."""

    text: str
    lang: str | None
    target: tuple[str, ...]  # entity ids, first existing wins
    method: str  # cldr | predecessor | historical-name | common-name
    evidence: str
    source: str = "file"  # cldr | iso3166-3 | file


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
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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
        for text in split_iso_name(h.name):
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
    for row in read_yaml("common_vi.yaml").get("names") or []:
        yield NameRecord(
            str(row["name"]), row.get("lang", "vi"), targets(row["target"]), "common-name",
            row["evidence"],
        )


def extra_names(registry: Registry) -> tuple[list[ResolvedName], list[NameRecord]]:
    """(names whose target exists, names whose targets are all missing: *pending*)."""
    resolved: list[ResolvedName] = []
    pending: list[NameRecord] = []
    for rec in (*cldr_records(registry), *iso3166_3_records(), *file_records()):
        e = resolve_target(registry, list(rec.target))
        if e is None:
            pending.append(rec)
            continue
        resolved.append(
            ResolvedName(rec.text, rec.lang, e, rec.method, rec.evidence, rec.source)
        )
    return resolved, pending


ADJECTIVES_CSV = ("country-adjectives", "adjectivals.csv")


def adjective_records(registry: Registry) -> list[tuple[str, Entity, str, bool]]:
    """(adjective, entity, evidence, imperial only): the English adjectives of current states
    (``data/country-adjectives``, by ISO alpha-2) and of historical states
    (``names/adjectives.yaml``; *imperial only*: the adjective names the historical state only
    before "Empire", "Kingdom")."""
    import csv

    from ..loaders.registry import default_data_dir

    by_iso2 = {e.iso2: e for e in registry.entities if e.iso2 and e.kind == "state"}
    out: list[tuple[str, Entity, str, bool]] = []
    path = default_data_dir().joinpath(*ADJECTIVES_CSV)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                iso2, adj = (row.get("iso2") or "").strip(), (row.get("adjective") or "").strip()
                if not iso2 or not adj:
                    raise DiplographError("internal", f"{path}: line {i}: empty iso2 or adjective")
                e = by_iso2.get(iso2)
                if e is not None:
                    out.append((adj, e, f"English adjective {adj!r} of {e.label} "
                                        "(data/country-adjectives)", False))
    except OSError as e:
        raise DiplographError("internal", f"cannot read {path}: {e}") from e
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
