"""The classes of names the forty-ninth linking round handles (docs/linking.md, "Forty-ninth
round"), sorted by construction from the wrong answers and the misses of ``names_test79.csv``
and ``names_test80.csv`` (this round's development lists) and counted over every earlier
writer's list, and tried here on names of no evaluation list:

- precision: a commission "of" an organisation of which the registry holds several
  commissions (the United Nations: sixteen) names one of them, not the organisation's
  executive under convention F: ambiguous between them ("the UN commission"), or the one
  seated where the name says ("Ủy ban của LHQ có trụ sở ở Xan-ti-a-gô", by the seat read after
  a Vietnamese name with an acronym; "the UN commission in Santiago", by the English
  seat-and-field reading); a name that says it names two states is never one state ("the two
  states of the island of Cyprus");
- ambiguity: a pair of states with its organ or people ("the two Sudans' presidents", "the two
  Vietnams' leaders in 1968", "giới lãnh đạo hai miền Triều Tiên năm 2000"): the pair;
- recall: the Vietnamese authorities, officials and rulers of a state at its capital
  ("nhà chức trách Pê-ru ở Li-ma", "quan chức Ca-na-đa ở Ốt-ta-oa"), as round 47 reads the
  English ones, and "giới lãnh đạo" (the leadership), "cơ quan chức năng" (the competent
  authorities) before a state's name.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test81.csv", "names_test82.csv"})

MATCHES = [
    # the Vietnamese authorities and officials of a state at its capital
    ("nhà chức trách Pê-ru ở Li-ma", "PER", "government-form"),
    ("quan chức Ca-na-đa ở Ốt-ta-oa", "CAN", "government-form"),
    ("cơ quan chức năng Việt Nam ở Hà Nội", "VNM", "government-form"),
    # the leadership and the competent authorities before a state's name
    ("giới lãnh đạo Cu-ba", "CUB", "government-form"),
    ("cơ quan chức năng Lào", "LAO", "government-form"),
    # convention F still reads the commission of an organisation that holds no commissions
    # in the registry (its executive)
    ("CEMAC's commission in Bangui", "CEMAC", "organisation-seat"),
    # a UN commission by its seat: the English reading that parts them by the seat, and the
    # Vietnamese one with an acronym and a place said after it
    ("the UN commission in Santiago", "ECLAC", "seat-and-field"),
    ("Ủy ban của LHQ có trụ sở ở Xan-ti-a-gô", "ECLAC", "seat-narrowed"),
    ("ủy ban kinh tế của LHQ ở A-đi A-ba-ba", "ECA", "seat-narrowed"),
]

#: a pair of states with its organ or people: the pair, in the year if one is given
AMBIGUOUS = [
    ("the two Sudans' presidents", {"SDN", "SSD"}),
    ("the two Vietnams' leaders in 1968", {"VDR", "RVN"}),
    ("the two Germanys' foreign ministers in 1985", {"GFR", "DDR"}),
    ("giới lãnh đạo hai miền Triều Tiên năm 2000", {"KOR", "PRK"}),
    ("chính phủ hai nước Yemen năm 1980", {"YAR", "YMD"}),
    # a commission of the United Nations with no seat: one of the sixteen the registry holds
    ("the UN commission", {"ESCAP", "CND"}),
    ("Ủy ban LHQ", {"ESCAP", "CND"}),
]

NO_MATCH = [
    # two states named, one found
    "the two states of the island of Cyprus",
    # a government abroad or in exile: the seat is checked as before
    "nhà chức trách Ba Lan ở Luân Đôn năm 1942",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
