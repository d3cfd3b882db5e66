"""The classes of names the fifty-third linking round handles (docs/linking.md, "Fifty-third
round"), from the misses of ``names_test87.csv`` and ``names_test88.csv`` (this round's
development lists), counted over every earlier writer's list, and tried here on names of no
evaluation list:

- two names of one entity joined by "now", "today's", "forerunner of", "tức" or "nay là"
  (``joined_names`` of forms.yaml; brackets are left to the bracket readings): each side read alone; the one record both read to,
  the head of a forerunner or heir frame, no match where the two name two records;
- a state's diplomats or foreign service, "Nhà nước và nhân dân" (the lead's decision of
  session 27, H; ``state_agents`` of forms.yaml, read by the post reader): the state, or the
  states of the name in its year;
- a body's board of governors or directors or its staff (F; ``body_agents`` of forms.yaml,
  read by the spokesperson reader): the body;
- a monarch's court by its seat or its people with a year: the historical state.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test89.csv", "names_test90.csv"})

MATCHES = [
    # two names of one entity joined
    ("Ceylon, now Sri Lanka", "LKA", "predecessor"),
    ("Dahomey, today's Benin", "BEN", "predecessor"),
    ("Xiêm, nay là Thái Lan", "THA", "predecessor"),
    ("Suomi, tức Phần Lan", "FIN", "endonym"),
    ("Hellas, tức Hy Lạp", "GRC", "label"),
    # a forerunner joined to its heir: the name's head (two records of bodies)
    ("the EEC, forerunner of the EU", "EEC", "key-folded"),
    # a state's diplomats, foreign service, state and people (H)
    ("Ghana's foreign service", "GHA", "government-form"),
    ("các nhà ngoại giao Xri Lan-ca", "LKA", "transliteration-vi"),
    ("Nhà nước và nhân dân Lào", "LAO", "label"),
    # a body's board or staff (F)
    ("the EBRD Board of Directors", "EBRD", "key-folded"),
    ("Hội đồng quản trị EBRD", "EBRD", "key"),
    ("OECD staff in Paris", "OECD", "key"),
    ("nhân viên OECD ở Pa-ri", "OECD", "key"),
    # a monarch's court with its year
    ("the Karlsruhe court in 1850", "BAD", "qualified-period"),
    ("the Kassel court in 1850", "HSE", "qualified-period"),
]

AMBIGUOUS = [
    # diplomats of a name two states bear
    ("Congolese diplomats in Paris", {"COD", "COG"}),
    ("Korean diplomats in Geneva in 2000", {"KOR", "PRK"}),
]

NO_MATCH = [
    # two names joined as one entity's that name two records
    "Kirghizia, now Kazakhstan",
    "Bạch Nga, nay là Ukraina",
    # no state or body named
    "the diplomats",
    "the board of directors",
    # a court of today's state in a year is no monarch's
    "the Paris court in 1850",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_the_ambiguous_names_beyond_the_list,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
