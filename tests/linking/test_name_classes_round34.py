"""The classes of names the thirty-fourth linking round handles (docs/linking.md,
"Thirty-fourth round"), sorted by construction from the failures of ``names_test47.csv`` and
``names_test48.csv`` (round 33's unseen lists, this round's development lists) and counted
over the earlier writers' lists, and tried here on names of no evaluation list:

- a capital in a state's place in the constructions of a ruler ("<capital> under <leader>",
  "<leader>'s <capital>", "<capital> thời Tổng thống <leader>"): the states the capital was
  the capital of, the ruler choosing among them as with a state's name (Archigos, the
  ``rulers`` table, or a leader of today when the city was the capital of today's state
  alone);
- a leader's name after an office's title or a Vietnamese honorific ("thời Tổng thống ...",
  "thời bà ...", "của ông ...") read as a person's, never as a fuzzy reading of an entity's
  name;
- a month before a year ("in April 1915", "tháng 6 năm 1991"): the year;
- a body with the person who leads or led it ("the IMF under Lagarde", "Stoltenberg's
  NATO", "Quỹ IMF thời bà Georgieva") or the term of office ("nhiệm kỳ 2014-2019"): the body,
  when it reads as one organisation and the person as no entity;
- a body's seat between its possessive and its organ ("ECOWAS's Abuja headquarters"):
  convention F's organ, the seat checked against SupraVerden's;
- a capital alone before a year ("Warsaw in 1980", "Belgrade in 1992"): the government
  seated there then, as "the <capital> government in <year>" reads it;
- a body by its seat before what it does, with no name ("the Vienna atomic agency"): read as
  "the Vienna-based atomic agency" is, the last word a description's, in lower case.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test49.csv", "names_test50.csv"})

MATCHES = [
    # a capital in a state's place before or after a leader
    ("Kigali under Kagame", "RWA", "ruler"),
    ("Ankara under Erdogan", "TUR", "ruler"),
    ("Lima under Fujimori", "PER", "ruler"),
    ("Nkrumah's Accra", "GHA", "ruler"),
    ("Bonn under Helmut Schmidt", "GFR", "ruler"),
    ("Canberra under Albanese", "AUS", "ruler"),
    ("Lusaka thời Tổng thống Hichilema", "ZMB", "ruler"),
    # a leader after an office's title: a person, not a fuzzy reading of an entity's name
    ("Peru thời Tổng thống Boluarte", "PER", "ruler"),
    # a Vietnamese honorific before a leader after "của"
    ("chính phủ Ba Lan của ông Tusk", "POL", "ruler"),
    # a month before the year
    ("Nam Tư tháng 6 năm 1991", "YUG", "qualified-period"),
    ("the Ottoman Empire in April 1915", "OTTOMAN-EMPIRE", "qualified-period"),
    # a body with the person who leads it, or the term of office
    ("the IMF under Lagarde", "IMF", "key"),
    ("the WHO under Tedros", "WHO", "key"),
    ("Stoltenberg's NATO", "NATO", "key"),
    ("Quỹ IMF thời bà Georgieva", "IMF", "own-head"),
    ("Ủy ban châu Âu nhiệm kỳ 2014-2019", "European-Commission", "common-name"),
    # a body's seat between its possessive and its organ
    ("NATO's Brussels headquarters", "NATO", "organisation-seat"),
    ("ECOWAS's Abuja headquarters", "ECOWAS", "organisation-seat"),
    # a capital alone before a year
    ("Warsaw in 1980", "POL", "qualified-period"),
    ("Aden in 1980", "YMD", "qualified-period"),
    # a body by its seat before what it does, with no name
    ("the Vienna atomic agency", "IAEA", "seat-and-field"),
    ("the Bern postal union", "UPU", "seat-and-field"),
]

AMBIGUOUS = [
    # a capital alone in a year of change: the state that ended and its successor
    ("Moscow in 1991", {"SUN", "RUS"}),
    ("Belgrade in 1992", {"YUG", "SCG"}),
    # a seat and a field two bodies there share
    ("the Rome food agency", {"FAO", "WFP"}),
]

NO_MATCH = [
    # a seat that is not the body's (SupraVerden's headquarters)
    "NATO's Paris headquarters",
    # a state after "under" is no person leading a body
    "the OAU under Ghana",
    # a city that is no COW capital stands for no state
    "Geneva under Calvin",
    # a body's own name that begins with a city is no seat before a field
    "the Abu Dhabi Fund for Development",
    # a named period after "thời" is no person: the period reading checks the body's years
    # (NATO was founded in 1949)
    "khối NATO thời Chiến tranh thế giới thứ nhất",
]


# the names tried beyond the lists: in no list, matched, ambiguous, left unmatched
# (the four tests every round file makes, tests/linking/name_checks.py)
(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
