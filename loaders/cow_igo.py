"""COW IGO v3 membership spells -> ``dg:Membership`` facts in ``dgg:dataset/cow-igo-v3``.

One fact per row of ``data/cow-igo-v3/state_igo_membership_spells.csv``. The spell's end is the
last year COW observed the status (observations are 5-yearly before 1965 and stop in 2014), not
an exit date; each fact says so in ``rdfs:comment``. The facts are never merged with the facts of
the source documents.

>>> from diplograph.loaders.registry import load_registry
>>> q = next(cow_membership_quads(load_registry()))
>>> q.graph_name.value
'https://diplograph.org/graph/dataset/cow-igo-v3'
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from ..graph.namespaces import DG, DGC, GRAPH, ID, ORG, PROV, RDF, RDFS, XSD
from ..graph.registry import Registry, dataset_iri
from .registry import default_data_dir, org_for_cow, state_for_cow

DATASET = "cow-igo-v3"
COW_GRAPH = GRAPH("dataset/" + DATASET)
ROLES = {"full": "full", "associate": "associate", "observer": "observer"}
END_COMMENT = (
    "COW IGO v3: the end year is the last year the status was observed (5-yearly before 1965; "
    "coverage ends 2014), not an exit date."
)


def fact_iri(ccode: int | str, ioname: str, start_year: int | str) -> str:
    """IRI of one spell.

    >>> fact_iri(712, "UN", 1961)
    'https://diplograph.org/id/fact/cow-igo-v3/712-UN-1961'
    """
    return ID(f"fact/{DATASET}/{ccode}-{quote(ioname, safe='')}-{start_year}")


#: The last year COW IGO v3 observes: a spell that reaches it was still going on.
COVERAGE_END = 2014
ONGOING_COMMENT = (
    "COW IGO v3 observes this membership up to the end of its coverage (2014), so no end is "
    "recorded."
)


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


def cow_membership_quads(registry: Registry, data_dir: Path | None = None) -> Iterator[Quad]:
    """Every COW IGO membership spell as quads (deterministic order: the CSV's row order)."""
    path = Path(data_dir or default_data_dir()) / DATASET / "state_igo_membership_spells.csv"
    g = NamedNode(COW_GRAPH)
    ds = NamedNode(dataset_iri(DATASET))
    a = NamedNode(RDF("type"))
    integer = NamedNode(XSD("integer"))
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            state = state_for_cow(registry, int(row["ccode"]))
            org = org_for_cow(registry, row["ioname"])
            start, end = int(row["start_year"]), int(row["end_year"])
            f = NamedNode(fact_iri(row["ccode"], row["ioname"], start))
            yield Quad(f, a, NamedNode(DG("Fact")), g)
            yield Quad(f, a, NamedNode(DG("Membership")), g)
            yield Quad(f, NamedNode(ORG("member")), NamedNode(state.iri), g)
            yield Quad(f, NamedNode(ORG("organization")), NamedNode(org.iri), g)
            yield Quad(
                f, NamedNode(ORG("role")), NamedNode(DGC("role/" + ROLES[row["status_label"]])), g
            )
            yield from _year_quads(f, "startDate", start, g)
            if end < COVERAGE_END:
                yield from _year_quads(f, "endDate", end, g)
                yield Quad(f, NamedNode(RDFS("comment")), Literal(END_COMMENT, language="en"), g)
            else:
                yield Quad(
                    f, NamedNode(RDFS("comment")), Literal(ONGOING_COMMENT, language="en"), g
                )
            yield Quad(f, NamedNode(DG("factType")), Literal("membership"), g)
            yield Quad(f, NamedNode(DG("involves")), NamedNode(state.iri), g)
            yield Quad(f, NamedNode(DG("involves")), NamedNode(org.iri), g)
            yield Quad(f, NamedNode(PROV("wasDerivedFrom")), ds, g)
            yield Quad(f, NamedNode(DG("sourceRow")), Literal(str(line), datatype=integer), g)
