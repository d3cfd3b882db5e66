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
>>> next(quads(default_data_dir(), StatePeriods.load()))[:60]
'<https://diplograph.org/id/dataset/cow-igo-v3> <http://purl.'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

from ..graph.namespaces import DGC, GRAPH, ID, ORG, RDFS, XSD
from ..graph.registry import Registry
from .datasets import DatasetInfo
from .registry import clean_cow_igo_name, default_data_dir, load_registry, org_for_cow
from .state_periods import StatePeriods
from .tables import Out, Table, literal

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
    return fact_iri_quoted(ccode, quote(ioname, safe=""), start_year)


def fact_iri_quoted(ccode: int | str, quoted: str, start_year: int | str) -> str:
    """:func:`fact_iri` of an IGO name already percent-encoded."""
    return ID(f"fact/{DATASET.name}/{ccode}-{quoted}-{start_year}")


def quads(
    data_dir: Path, periods: StatePeriods, progress: Callable[[str], None] = lambda _m: None
) -> Iterator[str]:
    """Every COW IGO membership spell as N-Triples lines of its graph (``loaders/tables.py``;
    deterministic order: the CSV's row order)."""
    registry = load_registry()
    out = Out(DATASET)
    yield from out.dataset_node(typed=False)  # dgg:registry types it (its state list)
    meta = Table(data_dir, META_FILE, ("ioname", "orgname", "longorgname", "sdate", "deaddate"))
    life: dict[str, tuple[int | None, int | None]] = {}
    for row in meta.dicts():
        ioname = meta.text(row["ioname"], "ioname")
        life[ioname] = (
            meta.int(row["sdate"], "sdate", lo=1800, hi=2014, optional=True),
            meta.int(row["deaddate"], "deaddate", lo=1800, hi=2014, optional=True),
        )
        org = org_for_cow(registry, ioname)
        for col in ("orgname", "longorgname"):
            _clean, fixes = clean_cow_igo_name(row[col])
            for fix in fixes:
                msg = f"COW IGO v3 {col} of {ioname} ({META_FILE}:{meta.line}): {fix}"
                progress(f"  fixed: {msg}")
                yield out.note(out.iri(org.iri), msg + f"; registry name {org.label!r}")
    spells = Table(
        data_dir, SPELLS_FILE, ("ccode", "ioname", "status_label", "start_year", "end_year")
    )
    flagged = 0
    member, organization, role_p = (out.iri(ORG(x)) for x in ("member", "organization", "role"))
    comment = out.iri(RDFS("comment"))
    source_row, involves = out.dg("sourceRow"), out.dg("involves")
    # the text after a fact's IRI that every spell shares (one template per kind of line)
    is_fact, is_membership = (f" {out.a} {out.dg(c)} .\n" for c in ("Fact", "Membership"))
    derived = f" {out.derived} "
    from_dataset = f" {out.derived} {out.dataset} .\n"
    end_tail = f" {comment} {literal(END_COMMENT, 'en')} .\n"
    ongoing_tail = f" {comment} {literal(ONGOING_COMMENT, 'en')} .\n"
    fact_type = f" {out.dg('factType')} {literal('membership')} .\n"
    row_tail = f'"^^<{XSD("integer")}> .\n'
    roles = {k: f" {role_p} {out.iri(DGC('role/' + v))} .\n" for k, v in ROLES.items()}
    note = out.dg("note")
    orgs: dict[str, tuple[str, str]] = {}  # ioname -> (org IRI, its IRI quoted for a fact's)
    for line, (c_ccode, c_ioname, c_status, c_start, c_end) in spells:
        ccode = spells.int(c_ccode, "ccode", lo=1, hi=999)
        ioname = spells.text(c_ioname, "ioname")
        if ioname not in life:
            raise spells.error("ioname", f"{ioname!r} is not in {META_FILE}")
        role = roles.get(c_status)
        if role is None:
            raise spells.error("status_label", f"{c_status!r} is not one of {', '.join(ROLES)}")
        start = spells.int(c_start, "start_year", lo=1815, hi=COVERAGE_END)
        end = spells.int(c_end, "end_year", lo=1815, hi=COVERAGE_END)
        if end < start:
            raise spells.error("end_year", f"{end} is before start_year {start}")
        try:
            parts = periods.split_years("cow", ccode, start, end)
        except Exception as e:  # unknown code
            raise spells.error("ccode", str(getattr(e, "message", e))) from None
        known = orgs.get(ioname)
        if known is None:
            known = orgs[ioname] = (out.iri(org_for_cow(registry, ioname).iri),
                                    quote(ioname, safe=""))
        org_n, quoted = known
        rows_node, rows_lines = out.rows(SPELLS_FILE, (line,))
        notes = _implausible(ioname, start, end, life[ioname])
        gaps = [(a, b) for a, b, iri in parts if iri is None]
        for a, b in gaps:
            notes.append(
                f"COW code {ccode} names no state in {a}-{b} (state-periods.csv); those years "
                "are left out"
            )
        if notes:
            flagged += 1
        yield from rows_lines
        for first, last, state in parts:
            if state is None:
                continue
            f = out.iri(fact_iri_quoted(ccode, quoted, first))
            state_n = out.iri(state)
            lines = [
                f + is_fact,
                f + is_membership,
                f + derived + rows_node + " .\n",
                f + from_dataset,
                f"{f} {member} {state_n} .\n",
                f"{f} {organization} {org_n} .\n",
                f + role,
                *out.date(f, "startDate", first),
            ]
            if last < COVERAGE_END:
                lines += out.date(f, "endDate", last)
                lines.append(f + end_tail)
            else:
                lines.append(f + ongoing_tail)
            if len(parts) > 1:
                lines.append(out.note(
                    f, f"COW spell {start}-{end} of code {ccode} split at the boundary of the "
                    f"states the code names (state-periods.csv): this part is {first}-{last}"))
            for n in notes:
                lines.append(f"{f} {note} {literal(n, 'en')} .\n")
            lines += (
                f + fact_type,
                f"{f} {involves} {state_n} .\n",
                f"{f} {involves} {org_n} .\n",
                f'{f} {source_row} "{line}{row_tail}',
            )
            yield from lines
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
) -> Iterator[str]:
    """The lines of :func:`quads` with the bundled state periods (kept for older callers)."""
    return quads(Path(data_dir or default_data_dir()), StatePeriods.load(data_dir))
