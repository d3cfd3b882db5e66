"""The classes of names the thirtieth linking round handles (docs/linking.md, "Thirtieth
round"), named by the lead from round 29's unseen run (``names_test39.csv`` and
``names_test40.csv``, this round's development lists) and tried here on names of no
evaluation list:

- convention G: a government set up under a foreign occupation in rivalry with the state's
  own is no match, also when named by its leader, even where Archigos codes that leader as
  the state's (``occupation_regimes`` of predecessors.yaml); a leader with other tenures of
  the state ("Laval's France") is still read as the state;
- the wrong answers' classes (a body read as its organisation, precision first): a
  Vietnamese description of an organ before an acronym ("cơ quan hành pháp", executive; one
  ending in "của", of; one ending in a side of the body, "sườn nam", southern flank) is not
  the acronym's holder; a press label that heads another body's name holding the
  organisation's ("forum": the ASEAN Regional Forum) is not the organisation; a body whose
  name holds a longer organisation's name ("Assembly of the Western European Union") is no
  body of the shorter one's (the EU); a federation's words before a state whose constitution
  names it a federation ("Liên bang Mỹ") are that state, no other state's regime.
"""

from __future__ import annotations

import pytest
from name_checks import assert_matches, assert_no_match, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test41.csv", "names_test42.csv"})

MATCHES = [
    # convention C still holds for a leader with tenures outside an occupation regime
    ("Laval's France", "FRA", "ruler"),
    ("the Reynaud government", "FRA", "ruler"),
    # a body of the EU by its field: the EU's, not the Western European Union's
    ("nghị viện của Liên minh châu Âu", "EP", "body-by-field"),
    # federal_states of forms.yaml
    ("Liên bang Mexico", "MEX", "official-form"),
    ("Liên bang Venezuela", "VEN", "official-form"),
]

#: convention G: the names the lead's brief asks to answer no match, and more of the class
G_BRIEF = [
    "Vichy France",
    "Pétain's France",
    "the Pétain regime",
    "chính phủ Vichy",
    "chính quyền Uông Tinh Vệ",
]

NO_MATCH = [
    *G_BRIEF,
    "France under Pétain",
    "Pháp thời Pétain",
    "China under Wang Jingwei",
    "the Chen Gongbo government",
    "Quisling's Norway",
    "Na Uy thời Quisling",
    "the Wang Kemin government",
    # a body read as its organisation (the wrong answers' classes)
    "cơ quan hành pháp AU",
    "nhóm Craiova sườn nam EU",
    "Nhóm Liên lạc của OSCE",
    "the ASEAN defence forum",
]


def _tried() -> list[str]:
    return [n for n, _, _ in MATCHES] + [n for n in NO_MATCH if n not in G_BRIEF]


def test_the_names_tried_beyond_the_list_are_in_no_list():
    """(The brief's own G names are older lists' names or the lead's examples.)"""
    names = list_names(LATER_LISTS)
    assert not [n for n in _tried() if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), MATCHES)
def test_the_classes_match_names_beyond_the_list(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_convention_g_names_the_regime_and_offers_the_state(matcher):
    """The no-match of a leader of an occupation regime names the regime and convention G,
    and offers the state Archigos codes as a non-matching candidate."""
    res = matcher.match("Pétain's France")
    assert res.best is None and not res.ambiguous, res
    assert res.candidates and res.candidates[0].entity.key == "FRA", res
    assert not res.candidates[0].match
    assert "Vichy France" in res.note and "convention G" in res.note, res.note
