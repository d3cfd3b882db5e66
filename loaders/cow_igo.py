"""COW IGO v3 membership spells -> ``dg:Membership`` facts in ``dgg:dataset/cow-igo-v3``.

One fact per row of ``data/cow-igo-v3/state_igo_membership_spells.csv`` and per state entity:
a spell of a COW code that names several entities over time (365: the USSR, then Russia) is
split at the boundary (``loaders/state_periods.py``, year rule), each part with its own fact
and the same source row. The spell's end is the last year COW observed the status
(observations are 5-yearly before 1965 and stop in 2014), not an exit date; each fact says so in
``rdfs:comment``. Implausible spells (starting before the IGO was founded, ending after it was
dissolved, or in years when the code names no state) are flagged with ``dg:note``. IGO names
with stray characters or cut off in COW's file are fixed in the registry
(:func:`~diplograph.loaders.registry.clean_cow_igo_name`); each fix is reported and recorded
with ``dg:note`` on the organisation in this graph. The facts are never merged with the facts
of the source documents.

>>> from diplograph.loaders.state_periods import StatePeriods
>>> from diplograph.loaders.registry import default_data_dir
>>> q = next(quads(default_data_dir(), StatePeriods.load()))
>>> q.graph_name.value
'https://diplograph.org/graph/dataset/cow-igo-v3'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from ..graph.namespaces import DG, DGC, GRAPH, ID, ORG, PROV, RDF, RDFS, XSD
from ..graph.registry import Registry
from .datasets import CsvRows, DatasetInfo, dataset_quads, note_quad, source_rows
from .registry import clean_cow_igo_name, default_data_dir, load_registry, org_for_cow
from .state_periods import StatePeriods

SPELLS_FILE = "cow-igo-v3/state_igo_membership_spells.csv"
META_FILE = "cow-igo-v3/igo_meta.csv"
DATASET = DatasetInfo(
    name="cow-igo-v3",
    title="Correlates of War IGO v3.0: state membership spells in intergovernmental organisations",
    files=(SPELLS_FILE, META_FILE, "registry/state-periods.csv"),
    citation=(
        "Pevehouse, J. C. W., Nordstrom, T., McManus, R. W. & Jamison, A. S. (2020). Tracking "
        "Organizations in the World: The Correlates of War IGO Version 3.0 Datasets. Journal of "
        "Peace Research 57(3): 492-503. doi:10.1177/0022343319881175"
    ),
    version="3.0",
    licence="COW terms of use: free for research with citation; values only",
    conduit="R package igoR 1.0.3 (dieghernan/igoR, commit 4d83330), read with pyreadr",
    loader_version="2",
)
COW_GRAPH = GRAPH("dataset/" + DATASET.name)
ROLES = {"full": "full", "associate": "associate", "observer": "observer"}
END_COMMENT = (
    "COW IGO v3: the end year is the last year the status was observed (5-yearly before 1965; "
    "coverage ends 2014), not an exit date."
)
#: The last year COW IGO v3 observes: a spell that reaches it was still going on.
COVERAGE_END = 2014
ONGOING_COMMENT = (
    "COW IGO v3 observes this membership up to the end of its coverage (2014), so no end is "
    "recorded."
)


def fact_iri(ccode: int | str, ioname: str, start_year: int | str) -> str:
    """IRI of one spell (or of the part of a split spell that starts in ``start_year``).

    >>> fact_iri(712, "UN", 1961)
    'https://diplograph.org/id/fact/cow-igo-v3/712-UN-1961'
    """
    return ID(f"fact/{DATASET.name}/{ccode}-{quote(ioname, safe='')}-{start_year}")


def _year_quads(fact: NamedNode, prop: str, year: int, g: NamedNode) -> Iterator[Quad]:
    yield Quad(
        fact, NamedNode(DG(prop)), Literal(f"{year:04d}", datatype=NamedNode(XSD("gYear"))), g
    )
    yield Quad(fact, NamedNode(DG(prop + "Precision")), NamedNode(DGC("precision/year")), g)
    date = NamedNode(XSD("date"))
    yield Quad(
        fact, NamedNode(DG(prop + "Earliest")), Literal(f"{year:04d}-01-01", datatype=date), g
    )
    yield Quad(fact, NamedNode(DG(prop + "Latest")), Literal(f"{year:04d}-12-31", datatype=date), g)


_nn = functools.lru_cache(maxsize=None)(NamedNode)
_A = NamedNode(RDF("type"))
_FACT, _MEMBERSHIP = NamedNode(DG("Fact")), NamedNode(DG("Membership"))
_DERIVED = NamedNode(PROV("wasDerivedFrom"))
_DATASET_N = NamedNode(DATASET.iri)
_MEMBER, _ORGANIZATION, _ROLE = (NamedNode(ORG(x)) for x in ("member", "organization", "role"))
_COMMENT, _NOTE = NamedNode(RDFS("comment")), NamedNode(DG("note"))
_END_COMMENT = Literal(END_COMMENT, language="en")
_ONGOING_COMMENT = Literal(ONGOING_COMMENT, language="en")
_FACT_TYPE, _MEMBERSHIP_TYPE = NamedNode(DG("factType")), Literal("membership")
_INVOLVES, _SOURCE_ROW = NamedNode(DG("involves")), NamedNode(DG("sourceRow"))
_INTEGER = NamedNode(XSD("integer"))


@functools.cache
def _year_pairs(prop: str, year: int) -> tuple[tuple[NamedNode, Literal | NamedNode], ...]:
    """(predicate, object) pairs of a year-precision ``dg:{prop}`` (interned)."""
    return tuple((q.predicate, q.object) for q in _year_quads(_A, prop, year, _A))


def quads(
    data_dir: Path, periods: StatePeriods, progress: Callable[[str], None] = lambda _m: None
) -> Iterator[Quad]:
    """Every COW IGO membership spell as quads (deterministic order: the CSV's row order)."""
    registry = load_registry()
    g = NamedNode(COW_GRAPH)
    yield from dataset_quads(DATASET, typed=False)  # dgg:registry types it (its state list)
    meta = CsvRows(data_dir, META_FILE, ("ioname", "orgname", "longorgname", "sdate", "deaddate"))
    life: dict[str, tuple[int | None, int | None]] = {}
    for row in meta:
        ioname = meta.text(row, "ioname")
        life[ioname] = (
            meta.int(row, "sdate", lo=1800, hi=2014, optional=True),
            meta.int(row, "deaddate", lo=1800, hi=2014, optional=True),
        )
        org = org_for_cow(registry, ioname)
        for col in ("orgname", "longorgname"):
            _clean, fixes = clean_cow_igo_name(row[col])
            for fix in fixes:
                msg = f"COW IGO v3 {col} of {ioname} ({META_FILE}:{meta.line}): {fix}"
                progress(f"  fixed: {msg}")
                yield note_quad(NamedNode(org.iri), DATASET, msg + f"; registry name {org.label!r}")
    spells = CsvRows(
        data_dir, SPELLS_FILE, ("ccode", "ioname", "status_label", "start_year", "end_year")
    )
    flagged = 0
    for row in spells:
        line = spells.line
        ccode = spells.int(row, "ccode", lo=1, hi=999)
        ioname = spells.text(row, "ioname")
        if ioname not in life:
            raise spells.error("ioname", f"{ioname!r} is not in {META_FILE}")
        role = ROLES.get(row["status_label"])
        if role is None:
            raise spells.error(
                "status_label", f"{row['status_label']!r} is not one of {', '.join(ROLES)}"
            )
        start = spells.int(row, "start_year", lo=1815, hi=COVERAGE_END)
        end = spells.int(row, "end_year", lo=1815, hi=COVERAGE_END)
        if end < start:
            raise spells.error("end_year", f"{end} is before start_year {start}")
        try:
            parts = periods.split_years("cow", ccode, start, end)
        except Exception as e:  # unknown code
            raise spells.error("ccode", str(getattr(e, "message", e))) from None
        org = org_for_cow(registry, ioname)
        rows_node, rows_quads = source_rows(DATASET, SPELLS_FILE, line)
        notes = _implausible(ioname, start, end, life[ioname])
        gaps = [(a, b) for a, b, iri in parts if iri is None]
        for a, b in gaps:
            notes.append(
                f"COW code {ccode} names no state in {a}-{b} (state-periods.csv); those years "
                "are left out"
            )
        if notes:
            flagged += 1
        yield from rows_quads
        for first, last, state in parts:
            if state is None:
                continue
            f = NamedNode(fact_iri(ccode, ioname, first))
            state_n, org_n = _nn(state), _nn(org.iri)
            yield Quad(f, _A, _FACT, g)
            yield Quad(f, _A, _MEMBERSHIP, g)
            yield Quad(f, _DERIVED, rows_node, g)
            yield Quad(f, _DERIVED, _DATASET_N, g)
            yield Quad(f, _MEMBER, state_n, g)
            yield Quad(f, _ORGANIZATION, org_n, g)
            yield Quad(f, _ROLE, _nn(DGC("role/" + role)), g)
            for p, o in _year_pairs("startDate", first):
                yield Quad(f, p, o, g)
            if last < COVERAGE_END:
                for p, o in _year_pairs("endDate", last):
                    yield Quad(f, p, o, g)
                yield Quad(f, _COMMENT, _END_COMMENT, g)
            else:
                yield Quad(f, _COMMENT, _ONGOING_COMMENT, g)
            if len(parts) > 1:
                yield Quad(
                    f, _NOTE,
                    Literal(
                        f"COW spell {start}-{end} of code {ccode} split at the boundary of the "
                        f"states the code names (state-periods.csv): this part is {first}-{last}",
                        language="en",
                    ),
                    g,
                )
            for n in notes:
                yield note_quad(f, DATASET, n)
            yield Quad(f, _FACT_TYPE, _MEMBERSHIP_TYPE, g)
            yield Quad(f, _INVOLVES, state_n, g)
            yield Quad(f, _INVOLVES, org_n, g)
            yield Quad(f, _SOURCE_ROW, Literal(str(line), datatype=_INTEGER), g)
    if flagged:
        progress(f"  flagged {flagged:,} implausible spells with dg:note")


def _implausible(
    ioname: str, start: int, end: int, life: tuple[int | None, int | None]
) -> list[str]:
    """Why a spell is implausible, if it is.

    >>> _implausible("X", 1950, 1960, (1955, None))
    ['the spell starts in 1950, before X was founded (1955 in igo_meta.csv)']
    """
    founded, dead = life
    out = []
    if founded is not None and start < founded:
        out.append(
            f"the spell starts in {start}, before {ioname} was founded ({founded} in igo_meta.csv)"
        )
    if dead is not None and end > dead:
        out.append(
            f"the spell ends in {end}, after {ioname} was dissolved ({dead} in igo_meta.csv)"
        )
    return out


def cow_membership_quads(
    registry: Registry | None = None, data_dir: Path | None = None
) -> Iterator[Quad]:
    """The quads of :func:`quads` with the bundled state periods (kept for older callers)."""
    return quads(Path(data_dir or default_data_dir()), StatePeriods.load(data_dir))
