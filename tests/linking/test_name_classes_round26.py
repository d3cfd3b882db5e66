"""The classes of names the twenty-sixth linking round handles (docs/linking.md, "Twenty-sixth
round"), found in ``names_test31.csv`` (its errors read first), ``names_test32.csv`` (read
after its in-round carry run) and the classes the lead named from round 25's unseen run, and
tried here on names of no evaluation list:

- a state's government named plainly, by the state's name or adjective (the new reading
  ``government-form``): "the Tajik authorities", "Estonia's government", "chính phủ Hungary";
  an adjective of two states of today is ambiguous;
- a government in years when two states of today of its name held one (the People's Republic
  and the Republic of China after 1949); an adjective's imperial sense left out ("the German
  government in 1975": West and East Germany);
- more seats of a presidency (``press_en.yaml``);
- leaders from the sourced table ``predecessors.yaml``'s ``leaders``: after Archigos' last year (2015), written
  otherwise than Archigos writes them, and Vietnamese names of leaders; a leader's name with a
  letter that has no mark to strip ("Gomułka");
- an English description of a body's field before its acronym, at least half its field words
  in the body's name, also among an acronym's several holders; a Vietnamese body with an
  acronym and the place it sits in after it;
- a generic word of a kind of organisation before an acronym is no body of it ("nhóm NB8" is
  not the G8); a parliamentary assembly read as an organisation's only when it names it;
- the Caspian Sea's states, a coast as a word of no state, the Gallic rooster, two states by
  their adjective ("the two German states");
- an organisation's body by its field in the organisation's own family of bodies (SupraVerden's
  ``Org_family``, now a column of the store's ``supraverden-records`` table): "the EU's
  auditors", "cơ quan dược phẩm của Liên minh châu Phi"; a body of another organisation's
  family is none of it;
- a seat as the press shortens it, before a particle of the city's full name ("Torrejon" of
  SupraVerden's "Torrejón de Ardoz").
"""

from __future__ import annotations

import re

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test33.csv", "names_test34.csv"})

MATCHES = [
    # a state's government by its name or adjective
    ("the Estonian authorities", "EST", "government-form"),
    ("Latvia's government", "LVA", "government-form"),
    ("the government of Mongolia", "MNG", "government-form"),
    ("the Kyrgyz side", "KGZ", "government-form"),
    ("chính phủ Hungary", "HUN", "government-form"),
    # seats of a presidency
    ("Aso Rock", "NGA", "press-description"),
    ("the Union Buildings", "ZAF", "press-description"),
    ("the Quirinale", "ITA", "press-description"),
    # leaders of predecessors.yaml's leaders
    ("Sunak's Britain", "GBR", "ruler"),
    ("Ardern's New Zealand", "NZL", "ruler"),
    ("Peru under Pedro Castillo", "PER", "ruler"),
    ("Hàn Quốc thời Phác Chính Hy", "KOR", "ruler"),
    ("Trung Quốc thời Tập Cận Bình", "CHN", "ruler"),
    ("Poland under Gomułka", "POL", "ruler"),
    ("Alexander I's Serbia", "SER", "ruler"),
    # a field description before an acronym; a Vietnamese seat after a body with one
    ("the Rome-based food agency FAO", "FAO", "described-acronym"),
    ("the Cali-based tropical agriculture centre CIAT", "CIAT-org", "described-acronym"),
    ("tổ chức WHO tại Geneva", "WHO", "own-head"),
    # the Caspian's states, the Gallic rooster, the Second Reich in Vietnamese
    ("the Caspian state of Turkmenistan", "TKM", "region-frame"),
    ("Đất nước Gà trống Gô-loa", "FRA", "common-name"),
    ("Đế chế thứ hai", "GERMAN-REICH", "historical-name"),
    # a body by field in the organisation's family of bodies (SupraVerden's Org_family)
    ("the AU's energy commission", "AFREC", "body-by-field"),
    ("the EU's court of auditors", "ECA-org", "body-by-field"),
    # a seat the press shortens before a particle of the city's name
    ("the Torrejon-based EU satellite body", "EUSC", "seat-and-field"),
]

AMBIGUOUS = [
    ("the Congolese government", {"COD", "COG"}),
    ("the Chinese government in 1955", {"CHN", "TWN"}),
    ("the German government in 1975", {"GFR", "DDR"}),
    ("the two Yemeni states", {"YAR", "YMD"}),
    ("the two Congolese republics", {"COD", "COG"}),
]

NO_MATCH = [
    "the Korean side",              # "Korean" names the Korean Empire only (its imperial sense)
    "the Vichy government",         # no state's name or adjective
    "the Caspian state of Georgia",  # the region does not hold the state
    "Nghị viện ASEAN",              # the Asian Parliamentary Assembly does not name ASEAN
    "the First German Republic",    # no ordinal republic is read (round 26 left it out)
]


def _tried() -> list[str]:
    return [n for n, _, _ in MATCHES] + [n for n, _ in AMBIGUOUS] + NO_MATCH


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    assert not [n for n in _tried() if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), MATCHES)
def test_the_classes_match_names_beyond_the_list(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(("name", "keys"), AMBIGUOUS)
def test_these_names_stay_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_a_generic_head_before_an_acronym_is_no_body_of_it(matcher):
    """'nhóm' (group) before the Nordic-Baltic Eight's acronym restates its kind: the NB8
    itself, never 'The Group of Eight' read as a group of it."""
    res = matcher.match("nhóm NB8")
    assert res.best is not None and res.best.entity.key == "NB8", res.note


def test_a_later_leader_of_a_table_row_names_the_source(matcher):
    """A leader of predecessors.yaml's leaders is read with the row's source in the evidence."""
    res = matcher.match("Scholz's Germany")
    assert res.best is not None and res.best.entity.key == "DEU", res.note
    assert "source:" in res.best.evidence and "leaders" in res.best.evidence


def test_every_leader_row_is_sourced_and_resolves(matcher):
    """Each row of predecessors.yaml's leaders has names, years a-b, evidence and a source, and its target
    is a registry state; no bare name of it is Archigos' leader of another state (else that
    leader would be lost: "Johnson" is Archigos' American), but for 'Petro' (Archigos' first
    name of Ukraine's Poroshenko, documented in the file)."""
    from diplograph.linking.names import read_yaml, resolve_target
    from diplograph.linking.normalise import folded_form

    rows = read_yaml("predecessors.yaml").get("leaders") or []
    assert len(rows) >= 60
    archigos = matcher.reference.leaders.by_name
    for row in rows:
        assert row.get("names") and row.get("evidence") and row.get("source"), row
        assert re.fullmatch(r"\d{4}-\d{4}", str(row.get("years", ""))), row
        target = resolve_target(matcher.registry, row["target"])
        assert target is not None and target.kind in ("state", "historical-state"), row
        for name in row["names"]:
            held = archigos.get(folded_form(name.replace("-", " ")), ())
            others = {t.state for t in held} - {target.iri}
            assert not others or name == "Petro", (name, others)


def test_a_body_of_another_family_is_no_body_of_the_organisation(matcher):
    """'the AU's civil aviation body': the East African Community's aviation agency (its
    family in SupraVerden) is not the African Union's, whatever its place word."""
    res = matcher.match("the AU's civil aviation body")
    assert res.best is None or res.best.entity.key != "CASSOA", res.best


def test_the_family_of_bodies_is_read_from_supraverden(matcher):
    """SupraVerden's Org_family reaches the matcher (from the store alike:
    test_matcher_reference.py compares the tables read both ways)."""
    fam = {r.family for r in matcher.reference.supraverden.values() if r.family}
    assert {"EU institutions and bodies", "African Union entities"} <= fam
