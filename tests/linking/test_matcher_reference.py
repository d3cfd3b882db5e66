"""The matcher's reference tables (capitals, state lists, place names: ``linking/reference.py``)
read from ``data/`` and from the store the build wrote from the same files give the same
tables and the same answers, on every name of the evaluation lists."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.registry import Registry
from diplograph.linking.code_systems import code_clashes, gw_abbreviations
from diplograph.linking.evaluate import read_list
from diplograph.linking.matcher import Matcher, MatchResult
from diplograph.linking.reference import MatcherReference

EVAL = sorted((Path(__file__).resolve().parent / "eval").glob("*.csv"))


@pytest.fixture(scope="module")
def store(store_dir) -> ox.Store:
    return ox.Store.read_only(str(store_dir))


@pytest.fixture(scope="module")
def references(store) -> tuple[MatcherReference, MatcherReference]:
    return MatcherReference.from_data(), MatcherReference.from_store(store)


def test_tables_are_the_same(references) -> None:
    data, stored = references
    assert (data.origin, stored.origin) == ("data", "store")
    assert stored.missing() == data.missing() == []
    assert stored.capitals == data.capitals and len(stored.capitals.by_capital) > 150
    assert sorted(stored.capitals.codes("Aden")) == [680]
    assert list(stored.place_names.items()) == list(data.place_names.items())
    assert stored.place_names["guam"] == "Guam (GUM)"
    assert stored.codes.spells == data.codes.spells and len(stored.codes.spells) > 400


def test_code_clashes_are_the_same(references, store) -> None:
    data, stored = references
    reg = Registry.from_store(store)
    clashes = code_clashes(reg, codes=stored.codes)
    assert clashes == code_clashes(reg, codes=data.codes)
    assert {"AUS", "MNG", "VNM", "YUG"} <= set(clashes)
    assert "COW AUS (305 Austria)" in clashes["AUS"].evidence
    gw = gw_abbreviations(reg, codes=stored.codes)
    assert gw == gw_abbreviations(reg, codes=data.codes) and gw


def test_empty_store_gives_empty_tables() -> None:
    ref = MatcherReference.from_store(ox.Store())
    assert not ref.capitals.by_capital and not ref.place_names and not ref.codes.spells
    assert ref.missing() == ["cow-capitals", "state-systems", "owid-countries-regions"]


def _answer(r: MatchResult) -> tuple:
    return (r.ambiguous, r.note, [(c.entity.iri, c.score, c.match, c.method, c.evidence)
                                  for c in r.candidates])


def test_matcher_answers_are_the_same_on_every_list(references, store) -> None:
    data, stored = references
    reg = Registry.from_store(store)  # the registry the server reads
    by_data, by_store = Matcher(reg, reference=data), Matcher(reg, reference=stored)
    assert by_store.reference is stored
    rows = [row for path in EVAL for row in read_list(path)]
    assert len(rows) > 2000 and len(EVAL) >= 18
    differ = []
    for row in rows:
        lang = row.lang if row.lang in ("en", "vi") else None
        a = by_data.match(row.name, kind=row.kind or None, lang=lang)
        b = by_store.match(row.name, kind=row.kind or None, lang=lang)
        if _answer(a) != _answer(b):
            differ.append(row.name)
    assert not differ, differ[:20]
    # the names the three tables decide
    assert by_store.match("Yemen (Aden)").best.entity.key == "YMD"
    mng = by_store.match("MNG")
    assert mng.best is None and [c.entity.key for c in mng.candidates][:2] == ["MNG", "MNE"]
    guam = by_store.match("Guam")
    assert guam.best is None and "Guam (GUM)" in guam.note
