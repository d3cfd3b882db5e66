"""The classes of names the forty-third linking round handles (docs/linking.md, "Forty-third
round"), sorted by construction from the wrong answers and misses of ``names_test67.csv`` and
``names_test68.csv`` (round 42's unseen lists, this round's development lists) and counted over
the lists of other writers (``names_test31.csv`` to ``names_test66.csv``), and tried here on
names of no evaluation list:

- a state's delegation, side or delegates at a conference or a body with one year after the
  venue's preposition ("the Korean delegation at the UN in 1991", "the Vietnamese side at the
  1954 Geneva conference", "phái đoàn Yemen tại Liên Hợp Quốc năm 1980"): the state's
  government in that year, so two states of the name in that year are ambiguous; without a
  year, or answering anything but states, it is not read;
- an acronym that is a state's code and an organisation's acronym alike ("AU") with a year:
  those of them that lived in it; both: ambiguous (it was the state by its code), unless an
  event clause says it replaced a body ("when it replaced the OAU", "khi thay thế OAU", a
  construction of six writers' lists): then its one organisation;
- "Ủy ban sông <river>" (the river's commission), whose calque read one body whose English
  name lacks the word for river: the bodies the English description "the <river> river
  commission" reads as, parted by years after.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test69.csv", "names_test70.csv"})

MATCHES = [
    # a delegation in a year only one state of the name lived through
    ("the French delegation at the UN in 1975", "FRA", "qualified-period"),
    ("the Indian delegation at the Bandung conference in 1955", "IND", "qualified-period"),
    ("phái đoàn Pháp tại Hội nghị Paris năm 1973", "FRA", "qualified-period"),
    # an acronym of a state and a body, in years only one of them lived through
    ("AU in 1985", "AUS", "qualified-period"),
    # ... and a clause that says it replaced a body: the organisation
    ("AU năm 2002 khi thay thế Tổ chức Thống nhất châu Phi", "AU", "replaced-body"),
    # the river's commission in a year only one of its bodies lived through
    ("Ủy ban sông Danube năm 1950", "Danube", "organisation-in-years"),
]

AMBIGUOUS = [
    ("the Chinese delegation at the UN in 1960", {"CHN", "TWN"}),
    ("the Korean side at the 1953 armistice talks", {"KOR", "PRK"}),
    ("phái đoàn Yemen tại Hội nghị Cairo năm 1975", {"YAR", "YMD"}),
    ("đoàn đại biểu Đức dự Hội nghị Helsinki năm 1975", {"GFR", "DDR"}),
    ("the AU in 2010", {"AUS", "AU"}),
    # (a clause that names no body replaced parts nothing)
    ("the AU in 2002 when it hosted the summit", {"AUS", "AU"}),
    ("Ủy ban sông Danube năm 2005", {"Danube", "ICPDR"}),
    # (round 11 had the bare name as the Danube Commission alone, a tuner's name: four
    # writers give the river's commission ambiguous)
    ("Ủy ban sông Danube", {"Danube", "ICPDR", "ECCD"}),
]

NO_MATCH = [
    # an organisation's delegation is no state's
    "the EU delegation at the UN in 2010",
    # without a year (or with two) a delegation is not read
    "the Korean delegation at the UN",
    "the Korean delegation at the UN in 1991 and 1992",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
