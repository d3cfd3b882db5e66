"""The classes of names the sixth linking round handles by general means (docs/linking.md,
"Sixth round"): a transliteration the phonetic pass declines is never a fuzzy typo, an empire's
long form over a name several states share, the first part of a two-part state name, former
English names of Soviet republics, an older Sino-Vietnamese name and glossary words. The names
are of the development lists (``names_test7.csv`` became one) or new; none of
``names_test8.csv`` (the round's unseen list) is used here."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from diplograph.graph.registry import Entity
from diplograph.linking.candidates import _Name
from diplograph.linking.readings.text import short_names

EVAL = Path(__file__).parent / "eval"


def _key(res):
    return res.best.entity.key if res.best else None


@pytest.mark.parametrize(
    ("name", "key", "method"),
    [
        # a transliteration of a spoken name no sound rule reaches (common_vi.yaml), and its
        # spelling without diacritics; never the fuzzy read of Ireland's "Ai-rơ-len"
        ("Ai-xơ-len", "ISL", "common-name"),
        ("Ai-xo-len", "ISL", "common-name-folded"),
        # the first part of a state's name of two parts, as the press writes it
        ("Sao Tome", "STP", "short-name"),
        ("Antigua", "ATG", "short-name"),
        ("Trinidad", "TTO", "short-name"),
        ("Saint Kitts", "KNA", "short-name"),
        # Soviet-era English names of the republics (predecessors.yaml, with evidence)
        ("Kyrgyzia", "KGZ", "predecessor"),
        ("Kirghizia", "KGZ", "predecessor"),
        ("Turkmenia", "TKM", "predecessor"),
        # an older Sino-Vietnamese name
        ("Mãn Thanh", "QING", "common-name"),
        # an empire's long form over a name several states share: the one historical state
        ("Empire of Korea", "KOREAN-EMPIRE", "official-form"),
        # glossary words: thanh toán (settlements), quản thác (trusteeship)
        ("Ngân hàng Thanh toán Quốc tế", "BIS", "calque-vi"),
        ("Hội đồng Quản thác Liên Hợp Quốc", "United-Nations-Trusteeship-Council", None),
    ],
)
def test_round6_classes(matcher, name, key, method):
    res = matcher.match(name)
    assert _key(res) == key, res
    assert not res.ambiguous
    if method:
        assert res.best.method == method, res.best
    assert res.best.evidence


def test_a_declined_transliteration_is_no_fuzzy_match(matcher):
    """"Ai-rơ-lăng" sounds like no state's name well enough for the phonetic pass; the fuzzy
    pass, which would read it as Ireland's "Ai-rơ-len" by its letters, gives no match and names
    the closest state instead."""
    res = matcher.match("Ai-rơ-lăng")
    assert res.best is None and not res.ambiguous
    assert "closest: Ireland" in res.note
    # the same letters without hyphens are not a transliteration: a typo is still read
    assert _key(matcher.match("Mongolai")) == "MNG"


def test_an_empire_form_without_a_historical_state_stays_ambiguous(matcher):
    """"Kingdom of Congo": no historical state shares the name, so the name stays ambiguous
    between the two current Congos (never one of them guessed)."""
    res = matcher.match("Kingdom of Congo")
    assert res.ambiguous and res.best is None
    assert {c.entity.key for c in res.candidates} >= {"COG", "COD"}


def test_short_names_leave_out_a_part_another_entity_holds_and_non_names():
    a = Entity(key="AAA", iri="a", kind="state", labels={"en": "Alpha and Beta"})
    b = Entity(key="BBB", iri="b", kind="state", labels={"en": "Alpha"})
    c = Entity(key="CCC", iri="c", kind="state", labels={"en": "Republic of Gamma and Delta"})
    d = Entity(key="DDD", iri="d", kind="historical-state", labels={"en": "Epsilon and Zeta"})
    held = [[_Name(e, e.labels["en"], "en", "label", 0)] for e in (a, b, c, d)]
    assert short_names(held) == []
    e = Entity(key="EEE", iri="e", kind="state", labels={"vi": "Antigua và Barbuda"})
    (n,) = short_names([[_Name(e, "Antigua và Barbuda", "vi", "label", 0)]])
    assert (n.text, n.lang, n.method) == ("Antigua", "vi", "short-name")
    assert "Antigua và Barbuda" in n.evidence


def test_no_unseen_name_is_used_by_the_round_tests():
    with (EVAL / "names_test8.csv").open(encoding="utf-8", newline="") as fh:
        unseen = {r["name"] for r in csv.DictReader(fh)}
    text = Path(__file__).read_text(encoding="utf-8")
    used = [n for n in unseen if f'"{n}"' in text]
    assert not used, used
