"""The classes of names the thirty-fifth linking round handles (docs/linking.md,
"Thirty-fifth round"), sorted by construction from the failures of ``names_test49.csv`` and
``names_test50.csv`` (round 34's unseen lists, this round's development lists) and counted
over the earlier writers' lists, and tried here on names of no evaluation list:

- an English description opened by the body's seat and closed by its acronym or one-word
  name ("the Hague crime-fighting office Europol"): the acronym's one body when the seat is
  its SupraVerden headquarters and no linking word ("of", "the") makes the acronym an owner;
- a body's full name followed by its acronym ("the Eurasian Development Bank EDB"): the name's
  body when the acronym reads as the same body or, read as nothing, is the initials of one of
  its English names (an acronym of another body, the owner of an organ, is not read);
- a Vietnamese kind word and an acronym, then a description or a seat ("nhóm FATF chống rửa
  tiền ở Paris"): the body, when the head reads as the acronym's own body (an organ's word,
  "tòa án", "ngân hàng", keeps the organ apart).
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test51.csv", "names_test52.csv"})

MATCHES = [
    # a seat, a description, the body's acronym or one-word name
    ("the Hague crime-fighting office Europol", "Europol", "described-acronym"),
    ("the Brussels flight control body Eurocontrol", "EUROCONTROL", "described-acronym"),
    ("the Harare trademark office ARIPO", "ARIPO", "described-acronym"),
    ("the Kuwait petroleum club OAPEC", "OAPEC", "described-acronym"),
    # a full name and its acronym
    # (the earlier readings read a full name with an acronym the registry holds, "Quỹ Tiền tệ
    # Quốc tế IMF"; this reading adds the acronyms it lacks, the initials of an English
    # name: the bodies of the development lists' Vietnamese rows, written in English here)
    ("the Eurasian Development Bank EDB", "Eurasian-Development-Bank", "named-acronym"),
    ("Organization of Turkic States OTS", "Organization-of-Turkic-States", "named-acronym"),
    ("European Investment Fund EIF", "European-Investment-Fund", "named-acronym"),
    # a Vietnamese kind word and an acronym, then a description or a seat
    ("nhóm FATF chống rửa tiền ở Paris", "FATF", "headed-acronym"),
    ("khối ASEAN các nước Đông Nam Á", "ASEAN", "headed-acronym"),
    ("liên minh NATO của các nước phương Tây", "NATO", "headed-acronym"),
]

AMBIGUOUS: list[tuple[str, set[str]]] = []

NO_MATCH = [
    # a seat that is not the body's
    "the Lagos police agency Europol",
    # a seat the acronym's body has, but a linking word: the body's court, not the body
    "the Brussels court of the EU",
    # a one-word name of another body than the seat's
    "the Hague police agency Interpol",
    # an organ's word before the acronym: the body's bank, which the head does not name
    "ngân hàng ECOWAS ở Lomé",
]


# the names tried beyond the lists: in no list, matched, left unmatched (three of the four
# tests every round file makes, tests/linking/name_checks.py; this round has no ambiguous
# names, so the ambiguity test is not bound: an empty one would be collected as a skip)
(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 _no_ambiguous_names,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
