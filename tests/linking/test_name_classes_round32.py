"""The classes of names the thirty-second linking round handles (docs/linking.md,
"Thirty-second round"), named by the lead from round 31's unseen run (``names_test43.csv``
and ``names_test44.csv``, this round's development lists) and tried here on names of no
evaluation list:

- a body the registry says was dissolved before an organisation was founded is no body of
  it: "the OECS Commission" is the OECS under convention F, never the Caribbean Commission
  (1946-1959), whose name has the OECS's "Caribbean";
- today's state's own name with the one year in which the historical record of its line read
  for that year ended and its successor by the registry's succession began is ambiguous
  between them ("the Serbian government in 1918": the Kingdom of Serbia and Yugoslavia;
  "Turkey in 1922": the Ottoman Empire and Turkey); a year inside one span stays that record,
  and a historical state's own name keeps its record ("the Kingdom of Serbia in 1918").
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test45.csv", "names_test46.csv"})

MATCHES = [
    # convention F: the organisation, not a body dissolved before it was founded
    ("the OECS Commission", "OECS", "organisation-seat"),
    ("the OECS commission in Castries", "OECS", "organisation-seat"),
    ("Ủy ban OECS", "OECS", "organisation-seat"),
    # a year inside one span, or a historical state's own name, keeps its record
    ("Serbia in 1917", "SER", "qualified-period"),
    ("Serbia in 1919", "YUG", "qualified-period"),
    ("Turkey in 1921", "OTTOMAN-EMPIRE", "qualified-period"),
    ("Turkey in 1923", "TUR", "qualified-period"),
    ("the Kingdom of Serbia in 1918", "SER", "qualified-period"),
    ("the Ottoman Empire in 1922", "OTTOMAN-EMPIRE", "qualified-period"),
    ("the Soviet Union in 1922", "SUN", "qualified-period"),
]

AMBIGUOUS = [
    # today's state's name in the year its line's record ended and the successor began
    ("the Serbian government in 1918", {"SER", "YUG"}),
    ("chính phủ Serbia năm 1918", {"SER", "YUG"}),
    ("the Montenegrin government in 1918", {"MONTENEGRO-KINGDOM", "YUG"}),
    ("Turkey in 1922", {"OTTOMAN-EMPIRE", "TUR"}),
    ("Russia in 1922", {"RSFSR", "SUN"}),
]



def _tried() -> list[str]:
    return [n for n, _, _ in MATCHES] + [n for n, _ in AMBIGUOUS]


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    assert not [n for n in _tried() if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), MATCHES)
def test_the_classes_match_names_beyond_the_list(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(("name", "keys"), AMBIGUOUS)
def test_a_state_in_the_year_its_record_ended_is_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


def test_a_body_dissolved_before_the_organisation_is_no_body_of_it(registry, matcher):
    """The Caribbean Commission (dissolved 1959 by the registry) has the OECS's "Caribbean"
    and a commission's word, but the OECS was founded in 1981: it is no body of it."""
    ccomm, oecs = registry.get("CComm"), registry.get("OECS")
    assert ccomm is not None and oecs is not None
    assert ccomm.dissolved is not None and oecs.founded is not None
    assert int(ccomm.dissolved) < int(oecs.founded)
    res = matcher.match("the OECS Commission")
    assert all(c.entity.key != "CComm" for c in res.candidates), res


def test_the_ambiguity_names_the_succession(matcher):
    res = matcher.match("the Serbian government in 1918")
    assert res.best is None and res.ambiguous, res
    assert "succeeded" in res.note and "1918" in res.note, res.note
