"""The classes of names the twenty-seventh linking round handles (docs/linking.md,
"Twenty-seventh round"), named by the lead from round 26's unseen run (``names_test33.csv``
and ``names_test34.csv``, this round's development lists) and tried here on names of no
evaluation list:

- a former name of a state with a year ("Dahomey in 1965", "Cao Miên năm 1960"): today's state
  when its own years hold the year (predecessors.yaml, relation ``renamed``), unless a monarchy
  ended or a regime Wikidata holds apart (the new table ``regimes_apart``: Rhodesia) held it;
- a Vietnamese body with an acronym and what the press says of it besides: its count of
  members, the state that leads it, its currency; an English count in words before a body
  ("the fifteen-member ECOWAS bloc"); "liên minh quân sự" (military alliance) as a generic
  word before an organisation; an acronym with lower-case letters before a Vietnamese seat
  ("ngân hàng IsDB có trụ sở tại Jeddah");
- seats of government by their short name and foreign ministries' seats (``press_en.yaml``);
- a capital in its own language in a Vietnamese frame (CLDR's names of the zone's city in
  the official languages of its territory), a capital's name with a particle;
- "executive" as a word of a state's government ("the Polish executive");
- a Vietnamese name "X của <organisation>" read word by word as a body whose English name
  does not hold the organisation's name in a row is no match; a body of an organisation by
  its field is said to be its own only by the organisation's name in a row;
- an adjective and "state" with one year two records of the name held ("the Yugoslav state
  in 1992"): ambiguous.
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test35.csv", "names_test36.csv"})

MATCHES = [
    # a former name with a year
    ("Dahomey in 1965", "BEN", "qualified-period"),
    ("Upper Volta in 1975", "BFA", "qualified-period"),
    ("Ceylon in 1955", "LKA", "qualified-period"),
    ("Swaziland in 1990", "SWZ", "qualified-period"),
    ("Cao Miên năm 1960", "KHM", "qualified-period"),
    ("the Khmer Republic in 1973", "KHM", "qualified-period"),
    # a body with a count, a leader or a currency
    ("khối SADC mười sáu nước", "SADC", "generic-head"),
    ("khối EU 27 nước", "EU", "generic-head"),
    ("khối G20 hai mươi nền kinh tế", "G-20", "generic-head"),
    ("khối EAC do Kenya dẫn đầu", "EAC", "generic-head"),
    ("liên minh NATO do Mỹ dẫn đầu", "NATO", "generic-head"),
    ("khối CEMAC dùng đồng franc CFA Trung Phi", "CEMAC", "generic-head"),
    ("the fifteen-member ECOWAS bloc", "ECOWAS", "acronym-with-kind-word"),
    ("liên minh quân sự NATO", "NATO", "generic-head"),
    ("ngân hàng IsDB có trụ sở tại Jeddah", "ISDB", "own-head"),
    # seats of government and foreign ministries
    ("the Farnesina", "ITA", "press-description"),
    ("Matignon", "FRA", "press-description"),
    ("Itamaraty", "BRA", "press-description"),
    # a capital in its own language, a capital's name with a particle
    ("chính quyền Wien", "AUT", "capital-government"),
    ("chính quyền København", "DNK", "capital-government"),
    ("chính quyền Lisboa", "PRT", "capital-government"),
    ("chính quyền Ciudad de México", "MEX", "capital-government"),
    # "executive"
    ("the Polish executive", "POL", "government-form"),
    ("Italy's executive", "ITA", "government-form"),
    # a body of an organisation by its field, the organisation's name in a row
    ("the AU's parliament", "PAP-org", "body-by-field"),
    # an adjective and "state" with a year that one state alone held
    ("the Soviet state in 1950", "SUN", "qualified-period"),
    ("the Yugoslav state in 1960", "YUG", "qualified-period"),
]

#: an adjective and "state" with a year two records of the name held (few such pairs exist:
#: the lists hold "the Soviet state in 1922" and "the Yugoslav state in 1992"; this is the
#: second without its article)
AMBIGUOUS = [
    ("Yugoslav state in 1992", {"YUG", "SCG"}),
]

NO_MATCH = [
    "Rhodesia in 1975",     # the regime Wikidata holds apart (regimes_apart)
    "Persia in 1920",       # a monarchy that ended (monarchies_ended)
    "Kirghizia in 1980",    # a Soviet republic: Kyrgyzstan's years begin in 1991
    "Zaire in 1950",        # before the Congo's first year (1960)
    "Nhóm 77 nước",         # a count with no acronym left is not read so
    "liên minh nghị viện của Liên minh châu Phi",  # the APU holds "African" and "Union" apart
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
def test_these_names_are_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_a_former_name_with_a_year_says_so(matcher):
    """The evidence says the name is a former name of the state."""
    res = matcher.match("Dahomey in 1965")
    assert res.best is not None and "a former name of" in res.best.evidence, res.best


def test_every_regime_apart_row_resolves(matcher):
    """Each row of predecessors.yaml's regimes_apart has years a-b and evidence, and its target
    is a registry state."""
    import re

    from diplograph.linking.names import read_yaml, resolve_target

    rows = read_yaml("predecessors.yaml").get("regimes_apart") or []
    assert rows
    for row in rows:
        assert row.get("evidence") and re.fullmatch(r"\d{4}-\d{4}", str(row["years"])), row
        target = resolve_target(matcher.registry, row["target"])
        assert target is not None and target.kind == "state", row
