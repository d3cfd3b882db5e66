"""Three-letter codes that name different states in the two code systems the data sets use.

The data sets write states by ISO 3166-1 alpha-3 codes (OWID, internacia; the retired ISO
3166-3 codes for states that ended) and by the Correlates of War / Gleditsch–Ward state
abbreviations (COW IGO v3, the peace-science sets). Some codes are in both systems for
different states: ``AUS`` is Australia by ISO and Austria by COW, ``MNG`` Mongolia by ISO and
Montenegro by COW. A bare code of that kind is ambiguous: it names the ISO state and the
state(s) the COW/G-W abbreviation names, and nothing in the code says which system is meant
(the reconciliation service's ``iso3166Alpha3`` and ``cowAbbrev`` properties say it).

The set is computed from the data, never written by hand: the registry's ISO codes (alpha-3 of
current states; the ISO 3166-3 codes mapped in ``names/predecessors.yaml``) against every
abbreviation of ``cow-igo-v3/cow_states2016.csv`` and ``peace-science/gw_states.csv``, each
spell read through ``registry/state-periods.csv`` (the states a code names in those days).
The lists come from one place, :class:`SystemCodes`: the files of ``data/``
(:meth:`SystemCodes.from_data`, offline) or the graph the build wrote from them,
``dgg:dataset/state-systems`` (:meth:`SystemCodes.from_store`, the server).
A code is ambiguous when, in a system that uses it, the state holding it at the end of its
last spell is not the ISO state (``YUG``: ISO's Yugoslavia, COW's 345 ending with Serbia); a
code both systems give to the same state stays that state's (``RUS``: COW 365 names the Russian
Empire and the USSR in their days, and Russia, ISO's ``RUS``, holds it today).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..graph.errors import DiplographError
from ..graph.namespaces import GRAPH
from ..graph.registry import Entity, Registry
from .names import read_yaml, resolve_target

#: the abbreviation lists of the two state systems: (system, file, code column, name column,
#: start and end columns)
SYSTEM_FILES = (
    ("cow", ("cow-igo-v3", "cow_states2016.csv"), "ccode", "statenme"),
    ("gw", ("peace-science", "gw_states.csv"), "gwcode", "statename"),
)
SYSTEM_NAMES = {"cow": "COW", "gw": "Gleditsch-Ward"}


@dataclass(frozen=True)
class CodeClash:
    """A three-letter code the ISO and the COW/G-W systems give to different states."""

    code: str
    #: the state ISO gives the code to (for a COW/G-W abbreviation that is no ISO code and is
    #: the initials of another state's long form: the state COW/G-W give it to)
    first: Entity
    #: the other states the code names (the COW/G-W abbreviation's, the holder of its last
    #: spell first; or the state whose long form has these initials)
    others: tuple[Entity, ...]
    #: why, in words ("ISO 3166-1 AUS: Australia; COW AUS (305 Austria): Austria")
    evidence: str

    @property
    def entities(self) -> list[Entity]:
        """Every state the code names, the ISO state first."""
        return [self.first, *self.others]


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _spells(data_dir: Path) -> list[tuple[str, str, int, str, dt.date | None]]:
    """``(system, abbreviation, code, name, last day)`` for every row of the two lists."""
    out = []
    for system, parts, code_col, name_col in SYSTEM_FILES:
        path = data_dir.joinpath(*parts)
        try:
            fh = path.open(encoding="utf-8", newline="")
        except OSError as e:
            raise DiplographError("internal", f"cannot read {path}: {e}") from e
        with fh:
            for row in csv.DictReader(fh):
                try:
                    code = int(float(row[code_col]))
                except (KeyError, ValueError):
                    continue
                if system == "cow":
                    try:
                        end = dt.date(int(row["endyear"]), max(1, int(row["endmonth"])),
                                      max(1, int(row["endday"])))
                    except (KeyError, ValueError):
                        end = None
                else:
                    end = _date(row.get("enddate") or "")
                out.append((system, (row.get("stateabb") or "").strip(), code,
                            row.get(name_col) or "", end))
    return out


#: one row of a state list: (system, abbreviation, code, name, last day)
Spell = tuple[str, str, int, str, dt.date | None]
#: the days a code names each state: (first day, last day, state IRI), oldest first
Span = tuple[dt.date, dt.date, str]

#: the spells of both lists with their abbreviations and names, split by the states the code
#: names (``loaders/state_systems.py``), one row per part, the row's line first
SPELLS_QUERY = f"""
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?system ?file ?line ?code ?abbrev ?name ?member ?start ?end WHERE {{
  GRAPH <{GRAPH("dataset/state-systems")}> {{
    ?f a dg:SystemMembership ; org:organization ?system ; dg:systemCode ?code ;
       org:member ?member ; dg:startDate ?start ; prov:wasDerivedFrom ?rows .
    ?rows a dg:SourceRows ; dg:file ?file ; dg:rows ?line .
    OPTIONAL {{ ?f dg:systemAbbreviation ?abbrev }}
    OPTIONAL {{ ?f dg:systemStateName ?name }}
    OPTIONAL {{ ?f dg:endDate ?end }}
  }}
}}
"""


PERIODS_QUERY = f"""
PREFIX dg: <https://diplograph.org/ontology#>
SELECT ?system ?code ?state ?start ?end WHERE {{
  GRAPH <{GRAPH("dataset/state-systems")}> {{
    ?p a dg:CodePeriod ; dg:stateSystem ?system ; dg:stateCode ?code ; dg:state ?state .
    OPTIONAL {{ ?p dg:startDate ?start }}
    OPTIONAL {{ ?p dg:endDate ?end }}
  }}
}}
"""


@dataclass(frozen=True)
class SystemCodes:
    """The rows of the COW and G-W state lists and the states each code names over time: what
    :func:`code_clashes` and :func:`gw_abbreviations` read, from one place."""

    #: every row of the two lists, in file order (COW first)
    spells: tuple[Spell, ...]
    #: (system, code) -> the days it names each state; a code the periods do not know is absent
    spans: Mapping[tuple[str, int], tuple[Span, ...]]

    @classmethod
    def from_data(cls, data_dir: Path | None = None) -> SystemCodes:
        """From the two lists and ``registry/state-periods.csv`` of ``data_dir`` (default: the
        package's data folder)."""
        from ..loaders.registry import default_data_dir
        from ..loaders.state_periods import StatePeriods

        data_dir = Path(data_dir or default_data_dir())
        periods = StatePeriods.load(data_dir)
        spells = tuple(_spells(data_dir))
        spans: dict[tuple[str, int], tuple[Span, ...]] = {}
        for system, _abbrev, code, _name, _end in spells:
            if (system, code) in spans:
                continue
            try:
                spans[(system, code)] = tuple(periods.spans(system, code))
            except DiplographError:
                continue
        return cls(spells, spans)

    @classmethod
    def from_store(cls, store: ox.Store) -> SystemCodes:
        """From the graph ``dgg:dataset/state-systems`` (empty when the data set is not built):
        a row is the parts its spell was split into (one ``dg:SourceRows`` each), its last day
        the last part's (the list's last day when the part has no end); the days a code names
        each state are its ``dg:CodePeriod`` rows (``state-periods.csv`` in the graph; an
        unstated start or end is open, as in the file). A graph built before the periods were
        stored (loader version 2) gives the days of the code's membership spells instead."""
        from ..loaders.state_periods import MAX_DATE, MIN_DATE
        from ..loaders.state_systems import COW_FILE, GW_FILE, SYSTEMS, system_iri

        system_of = {system_iri(k): k for k in SYSTEMS}
        order = {COW_FILE: 0, GW_FILE: 1}
        rows: dict[tuple[int, int], list] = {}  # (file, line) -> a Spell, as a list
        by_code: dict[tuple[str, int], set[Span]] = {}
        for b in store.query(SPELLS_QUERY):
            system = system_of.get(b["system"].value)
            start = _date(b["start"].value)
            if system is None or start is None:
                continue
            end = _date(b["end"].value) if b["end"] is not None else SYSTEMS[system][2]
            if end is None:
                continue
            code = int(b["code"].value)
            key = (order.get(b["file"].value, 2), int(b["line"].value.split("-")[0]))
            row = rows.setdefault(key, [system, "", code, "", end])
            row[1] = b["abbrev"].value if b["abbrev"] is not None else row[1]
            row[3] = b["name"].value if b["name"] is not None else row[3]
            row[4] = max(row[4], end)
            by_code.setdefault((system, code), set()).add((start, end, b["member"].value))
        spells = tuple((r[0], r[1], r[2], r[3], r[4]) for _k, r in sorted(rows.items()))
        periods: dict[tuple[str, int], set[Span]] = {}
        for b in store.query(PERIODS_QUERY):
            system = system_of.get(b["system"].value)
            if system is None:
                continue
            start = _date(b["start"].value) if b["start"] is not None else MIN_DATE
            end = _date(b["end"].value) if b["end"] is not None else MAX_DATE
            if start is None or end is None:
                continue
            periods.setdefault((system, int(b["code"].value)), set()).add(
                (start, end, b["state"].value))
        return cls(spells, {k: tuple(sorted(v)) for k, v in (periods or by_code).items()})


def iso_codes(registry: Registry) -> dict[str, Entity]:
    """ISO alpha-3 code -> state: the registry's current codes and the ISO 3166-3 (retired)
    codes mapped in ``names/predecessors.yaml`` to a state the registry holds."""
    out: dict[str, Entity] = {}
    for spec in (read_yaml("predecessors.yaml").get("iso3166_3") or {}).items():
        code, row = spec
        e = resolve_target(registry, row["target"])
        if e is not None and row.get("relation") == "historical-state":
            out[str(code)] = e
    for e in registry.entities:
        if e.iso3 and e.kind in ("state", "historical-state"):
            out[e.iso3] = e
    return out


def code_clashes(registry: Registry, data_dir: Path | None = None,
                 codes: SystemCodes | None = None) -> dict[str, CodeClash]:
    """The codes ISO gives to one state and COW or G-W to another (see the module's text),
    from ``codes`` (default: :meth:`SystemCodes.from_data` of ``data_dir``)."""
    codes = codes if codes is not None else SystemCodes.from_data(data_dir)
    iso = iso_codes(registry)
    # abbreviation -> [(system, states named over its spells, the holder of the last spell)]
    named: dict[str, list[tuple[str, int, str, list[Entity], Entity | None]]] = {}
    for system, abbrev, code, name, end in sorted(
        codes.spells, key=lambda s: (s[0], s[1], s[4] or dt.date.max)
    ):
        if abbrev not in iso:
            continue
        spans = codes.spans.get((system, code))
        if spans is None:
            continue
        ents = [e for _s, _e, iri in spans if (e := registry.by_iri(iri)) is not None]
        last = None
        if end is not None:
            last = next((registry.by_iri(iri) for s, e_, iri in spans if s <= end <= e_), None)
        named.setdefault(abbrev, []).append((system, code, name, ents, last))
    out: dict[str, CodeClash] = {}
    for abbrev, rows in sorted(named.items()):
        state = iso[abbrev]
        holders = [r[4] for r in rows if r[4] is not None]
        if not holders or all(h is state for h in holders):
            continue
        others: list[Entity] = []
        for h in [*holders, *(e for r in rows for e in reversed(r[3]))]:
            if h is not state and all(h is not o for o in others):
                others.append(h)
        systems = []
        for system, code, name, _ents, last in rows:
            what = f"{SYSTEM_NAMES[system]} {abbrev} ({code} {name})"
            if last is not None:
                what += f": {last.label}"
            if what not in systems:
                systems.append(what)
        ev = f"ISO 3166 {abbrev}: {state.label}; " + "; ".join(systems)
        out[abbrev] = CodeClash(abbrev, state, tuple(others), ev)
    return out



def gw_abbreviations(registry: Registry, data_dir: Path | None = None,
                     codes: SystemCodes | None = None) -> list[tuple[str, Entity, str]]:
    """``(abbreviation, state, evidence)`` for the Gleditsch-Ward abbreviations that are neither
    an ISO code nor the registry's COW abbreviation of the state holding them at the end of
    their spell (``RUM``: Romania, COW's ``ROM``; ``HSD``: Hesse-Darmstadt, COW's ``HSG``),
    from ``codes`` (default: :meth:`SystemCodes.from_data` of ``data_dir``)."""
    codes = codes if codes is not None else SystemCodes.from_data(data_dir)
    iso = iso_codes(registry)
    taken = {e.cow_abbrev for e in registry.entities if e.cow_abbrev} | {
        e.key for e in registry.entities}
    out: list[tuple[str, Entity, str]] = []
    for system, abbrev, code, name, end in codes.spells:
        if system != "gw" or not abbrev or abbrev in iso or abbrev in taken or end is None:
            continue
        spans = codes.spans.get((system, code))
        if spans is None:
            continue
        e = next((registry.by_iri(iri) for s, e_, iri in spans if s <= end <= e_), None)
        if e is not None and all(x is not e or a != abbrev for a, x, _ in out):
            out.append((abbrev, e, f"Gleditsch-Ward abbreviation {abbrev} ({code} {name})"))
    return out
