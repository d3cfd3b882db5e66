"""Every query in docs/cookbook.md runs on the built graph and has answers."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from diplograph.graph.query import select

from ..conftest import ROOT

BLOCKS = re.findall(r"```sparql\n(.*?)```", (ROOT / "docs/cookbook.md").read_text(encoding="utf-8"), re.S)


def test_the_cookbook_has_queries() -> None:
    assert len(BLOCKS) >= 12


@pytest.mark.parametrize("query", BLOCKS, ids=[f"q{i + 1}" for i in range(len(BLOCKS))])
def test_cookbook_query_has_answers(built_store: ox.Store, query: str) -> None:
    from diplograph.graph.namespaces import QUERY_PREFIXES

    rows = select(built_store, "".join(f"PREFIX {p}: <{i}>\n" for p, i in QUERY_PREFIXES.items()) + query)
    assert rows, query


def test_cookbook_answers_are_the_documents_facts(built_store: ox.Store) -> None:
    from diplograph.graph.namespaces import QUERY_PREFIXES

    prefixes = "".join(f"PREFIX {p}: <{i}>\n" for p, i in QUERY_PREFIXES.items())
    first = select(built_store, prefixes + BLOCKS[0])
    assert {(r["date"].value, r["precision"].value, r["status"].value) for r in first} == {
        ("1954-11-17", "day", "established")}
    committee = select(built_store, prefixes + BLOCKS[5])[0]
    assert (committee["founded"].value, committee["raised"].value, committee["toLevel"].value,
            committee["periodicity"].value, committee["sessions"].value) == (
        "1979", "2012", "minister", "P2Y", "18")
    defence = select(built_store, prefixes + BLOCKS[4])[0]
    assert defence["signed"].value == "2019-11" and defence["post"].value == "Minister of Defence of Mongolia"


def test_cookbook_alliance_answers_are_the_atop_rows(built_store: ox.Store) -> None:
    """The USSR's defence allies of 1980 in the cookbook are exactly those of the ATOP rows."""
    import csv

    from diplograph.graph.namespaces import QUERY_PREFIXES
    from diplograph.loaders.peace_science import entity_in_year
    from diplograph.loaders.state_periods import StatePeriods

    prefixes = "".join(f"PREFIX {p}: <{i}>\n" for p, i in QUERY_PREFIXES.items())
    block = next(b for b in BLOCKS if "dgr:state\\/SUN, ?ally" in b)
    got = {r["ally"].value for r in select(built_store, prefixes + block)}
    periods = StatePeriods.load()
    with (ROOT / "data/peace-science/atop_alliance.csv").open(encoding="utf-8") as fh:
        expected = {
            entity_in_year(periods, "cow", int(r["ccode2"]), 1980)
            for r in csv.DictReader(fh)
            if r["year"] == "1980" and r["atop_defense"] == "1" and "365" in (r["ccode1"], r["ccode2"])
            for r in [r if r["ccode1"] == "365" else {**r, "ccode2": r["ccode1"]}]
        }
    assert got == expected
