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
  and a historical state's own name keeps its record ("the Kingdom of Serbia in 1918");
- seats of government and foreign ministries (convention H) the tables lacked, each row with
  the public page it was read from (press_en.yaml): the Casa de Nariño, the Maximos Mansion,
  the Palácio do Planalto, Global Affairs Canada, the Auswärtiges Amt, and the Wilhelmstrasse
  for the German Reich; "Điện <seat>" (palace) read as "Cung điện <seat>" is;
- a ruler's realm by its generic word ("Franz Joseph's empire in 1900"): the historical
  records the ruler ruled (predecessors.yaml rulers, Archigos), narrowed by a year to those
  whose rows hold it; never today's state.
"""

from __future__ import annotations

import pytest
from name_checks import beyond_the_list_tests

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
    # seats and foreign ministries, with their city, kind of building or year
    ("Bogotá's Casa de Nariño", "COL", "press-description"),
    ("the Casa de Nariño in Bogotá", "COL", "press-description"),
    ("the Megaro Maximou", "GRC", "press-description"),
    ("the Maximos Mansion in Athens", "GRC", "press-description"),
    ("the Palácio do Planalto", "BRA", "press-description"),
    ("Điện Casa Rosada", "ARG", "press-description"),
    ("the German Foreign Office", "DEU", "press-description"),
    ("the Auswärtiges Amt in 1914", "GERMAN-REICH", "qualified-period"),
    ("the Wilhelmstraße in 1936", "GERMAN-REICH", "qualified-period"),
    # a ruler's realm by its generic word
    ("Franz Josef's empire in 1880", "AUH", "qualified-period"),
    ("Wilhelm II's empire", "GERMAN-REICH", "ruler"),
    ("Nicholas II's empire", "RUSSIAN-EMPIRE", "ruler"),
]

AMBIGUOUS = [
    # today's state's name in the year its line's record ended and the successor began
    ("the Serbian government in 1918", {"SER", "YUG"}),
    ("chính phủ Serbia năm 1918", {"SER", "YUG"}),
    ("the Montenegrin government in 1918", {"MONTENEGRO-KINGDOM", "YUG"}),
    ("Turkey in 1922", {"OTTOMAN-EMPIRE", "TUR"}),
    ("Russia in 1922", {"RSFSR", "SUN"}),
    # a ruler of two historical records, no year
    ("the empire under Franz Joseph", {"AUSTRIAN-EMPIRE", "AUH"}),
]


NO_MATCH = [
    # a seat with a city that is no capital of its state
    "the Maximos Mansion in Rome",
    "the Casa de Nariño in Lima",
    # "Điện" before a name that is no seat
    "Điện Biên Phủ",
    # a year the ruler did not rule; a realm the registry holds no record of (convention B)
    "Franz Joseph's empire in 1930",
    "Napoleon III's empire",
]


# the names tried beyond the lists: in no list, matched, ambiguous, left unmatched
# (the four tests every round file makes, tests/linking/name_checks.py)
(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)


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


@pytest.mark.parametrize(("name", "what"), [
    ("Casa de Nariño", "President of Colombia"),
    ("Maximos Mansion", "Prime Minister of Greece"),
    ("Palácio do Planalto", "President of Brazil"),
    ("Global Affairs Canada", "diplomatic and consular"),
    ("Auswärtiges Amt", "foreign ministry"),
    ("Wilhelmstrasse", "Foreign Office"),
])
def test_a_new_seat_row_carries_its_source(matcher, name, what):
    """Each seat row of this round says what the building or body is and where that was
    read."""
    res = matcher.match(name)
    assert res.best is not None and res.best.method == "press-description", res
    assert what in res.best.evidence, res.best.evidence
    assert "encyclopedia page" in res.best.evidence, res.best.evidence
