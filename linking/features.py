"""What a person chooses between candidates by: type, dates, country, description.

An ambiguous name (``IDB``, ``Congo``, ``ECA``) is never resolved to one guessed entity: the
matcher lists every candidate and each candidate carries the facts that tell them apart:

* the **type** (sovereign state, historical state, international organisation, forum, NGO);
* the **dates** (a state's span, an organisation's founding and dissolution years);
* the **country**: a state's ISO 3166-1 alpha-3 code, COW number and capital, an organisation's
  headquarters (SupraVerden's ``Headquarters``, e.g. ``Jeddah, Saudi Arabia``);
* the Wikidata QID when the registry's confidence allows it (never for an unverified entity).

SupraVerden (``data/supraverden-igos/general_list.json``, CC BY-SA 4.0) also gives each body its
English abbreviation (``Abbreviation_en``): the matcher counts it as that data set's own
identifier for the body when it weighs an acronym several entities carry.

>>> from diplograph.loaders.registry import load_registry
>>> reg = load_registry()
>>> choice_features(reg.get("ISDB")).text()
'international organization; founded 1974; headquarters Jeddah, Saudi Arabia; Wikidata Q41230'
>>> choice_features(reg.get("SUN")).dates
'1922–1991'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..graph.registry import Entity

#: confidences whose QID may be shown (as in the matcher)
USABLE_CONFIDENCE = ("verified", "single-source")

#: registry kind -> the type a person reads
KIND_NAMES = {
    "state": "sovereign state",
    "historical-state": "historical state",
    "organisation": "international organization",
    "forum": "international forum",
    "ngo": "non-governmental organization",
    "person": "person",
    "place": "place",
    "event-series": "recurring event",
}


@dataclass(frozen=True)
class SupraVerdenRecord:
    """The fields of one SupraVerden body used for linking."""

    sprvd_id: str
    abbreviation: str | None
    headquarters: str | None
    established: str | None
    #: round 26: SupraVerden's ``Org_family`` ("EU institutions and bodies", "African Union
    #: entities"; None for its "none"): the family of bodies of one organisation
    family: str | None = None


def _data_dir() -> Path:
    from ..loaders.registry import default_data_dir

    return default_data_dir()


@functools.cache
def supraverden_records(data_dir: Path | None = None) -> Mapping[str, SupraVerdenRecord]:
    """SPRVD id -> record, read once from ``supraverden-igos/general_list.json`` ({} when the
    file is absent: the registry can be built without it). Offline work; a server reads the
    same records from its store (``linking/reference.py``)."""
    from ..loaders.lookup_tables import TABLES

    table = TABLES["supraverden-records"]
    folder = Path(data_dir or _data_dir())
    if not (folder / table.file).is_file():
        return {}
    return supraverden_from_rows(table.records(folder))


def supraverden_from_rows(
    rows: Iterable[tuple[int, Mapping[str, str]]],
) -> Mapping[str, SupraVerdenRecord]:
    """SPRVD id -> record, from the rows of the ``supraverden-records`` table (a record's
    ``SPRVD_id``, ``Abbreviation_en``, ``Headquarters``, ``Year_established`` and, since round
    26, ``Org_family`` as written)."""
    out: dict[str, SupraVerdenRecord] = {}
    for _line, v in rows:
        def text(field: str, v: Mapping[str, str] = v) -> str | None:
            s = (v.get(field) or "").strip()
            return None if not s or s.startswith("[") or s in ("N/A", "nan") else s

        sid = v.get("SPRVD_id") or ""
        if not sid:
            continue
        year = text("Year_established")
        family = text("Org_family")
        out[sid] = SupraVerdenRecord(
            sid, text("Abbreviation_en"), text("Headquarters"),
            year.split(".")[0] if year else None,
            None if family is None or family.lower() == "none" else family,
        )
    return out


def supraverden_of(e: Entity,
                   records: Mapping[str, SupraVerdenRecord] | None = None,
                   ) -> list[SupraVerdenRecord]:
    """The SupraVerden records an entity was built from (``records``: default, the file's)."""
    recs = supraverden_records() if records is None else records
    out = []
    for sid in e.source_ids:
        ds, _, local = sid.partition(":")
        if ds == "supraverden-igos" and local in recs:
            out.append(recs[local])
    return out


@dataclass(frozen=True)
class ChoiceFeatures:
    """The facts that tell one candidate from another."""

    type: str
    dates: str | None = None
    country: str | None = None
    headquarters: str | None = None
    capital: str | None = None
    qid: str | None = None
    cow_code: int | None = None

    def text(self) -> str:
        """One line, as shown beside a candidate (reconciliation ``description``, CSV note)."""
        parts = [self.type]
        if self.dates:
            parts.append(self.dates)
        if self.country:
            parts.append(f"ISO {self.country}")
        if self.cow_code is not None:
            parts.append(f"COW {self.cow_code}")
        if self.capital:
            parts.append(f"capital {self.capital}")
        if self.headquarters:
            parts.append(f"headquarters {self.headquarters}")
        if self.qid:
            parts.append(f"Wikidata {self.qid}")
        return "; ".join(parts)


def _span(start: str | None, end: str | None, *, founded: bool) -> str | None:
    if founded:
        if start and end:
            return f"founded {start}, dissolved {end}"
        if start:
            return f"founded {start}"
        return f"dissolved {end}" if end else None
    if start and end:
        return f"{start}–{end}"
    if start:
        return f"from {start}"
    return f"until {end}" if end else None


def choice_features(e: Entity, capitals: Mapping[str, list[str]] | None = None,
                    supraverden: Mapping[str, SupraVerdenRecord] | None = None,
                    ) -> ChoiceFeatures:
    """The type, dates, country and QID of ``e``; ``capitals`` (entity IRI -> capital names,
    latest last) adds a state's capital; ``supraverden`` (default: the file's records) gives
    an organisation's headquarters."""
    qid = e.qid if e.qid and e.confidence in USABLE_CONFIDENCE else None
    kind = KIND_NAMES.get(e.kind, e.kind)
    if e.kind in ("state", "historical-state"):
        caps = (capitals or {}).get(e.iri) or []
        span = e.existed_from or e.existed_until
        return ChoiceFeatures(
            kind,
            _span(e.existed_from, e.existed_until, founded=False) if span else None,
            e.iso3,
            None,
            caps[-1] if caps else None,
            qid,
            e.cow_code,
        )
    hq = next((r.headquarters for r in supraverden_of(e, supraverden) if r.headquarters), None)
    return ChoiceFeatures(
        kind, _span(e.founded, e.dissolved, founded=True), None, hq, None, qid
    )
