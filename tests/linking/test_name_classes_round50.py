"""The classes of names the fiftieth linking round handles (docs/linking.md, "Fiftieth
round"), from the wrong answers of ``names_test81.csv`` and ``names_test82.csv`` (this round's
development lists) and the lead's session-26 decision on a UN agency's office, counted over
every earlier writer's list, and tried here on names of no evaluation list:

- convention F (the lead, session 26): a UN agency's country or regional office in a place is
  the agency (a body of SupraVerden's UN family); the UN's own office in a city and any other
  organisation's office stay no match (``test_name_classes_round22.py``);
- recall: the Vietnamese press's abbreviations of a state's posts ("ĐSQ", "TLSQ", "LSQ",
  ``glossary_vi.yaml``'s ``post_abbreviations``, sourced) read as the words they stand for.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test83.csv", "names_test84.csv"})

MATCHES = [
    # a UN agency's country or regional office: the agency (convention F, session 26)
    ("the WFP country office in Dhaka", "WFP", "agency-office"),
    ("UNESCO's office in Dakar", "UNESCO", "agency-office"),
    ("the WHO country office in Vietnam", "WHO", "agency-office"),
    ("the UNDP regional office in Bangkok", "UNDP", "agency-office"),
    ("văn phòng UNFPA tại Hà Nội", "UNFPA", "agency-office"),
    ("van phong UNICEF tai Viet Nam", "UNICEF", "agency-office"),
    ("văn phòng Ngân hàng Thế giới ở Hà Nội", "WB", "agency-office"),
    # the press's abbreviations of a state's posts (glossary_vi.yaml's post_abbreviations):
    # the state under convention H, as the words they stand for are read
    ("ĐSQ Thái Lan tại Hà Nội", "THA", "label"),
    ("TLSQ Hoa Kỳ tại TP Hồ Chí Minh", "USA", "label"),
    ("dsq Phap tai Ha Noi", "FRA", "label-folded"),
]

AMBIGUOUS: list[tuple[str, set[str]]] = []

NO_MATCH = [
    # the UN's own office in a city is a body of its own the registry does not hold
    "the UN office in Nairobi",
    "the UN office in Vienna",
    # another organisation's office in a place
    "the AU liaison office in Khartoum",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 _no_ambiguous_names_this_round,  # (AMBIGUOUS is empty: not collected, so never skipped)
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
