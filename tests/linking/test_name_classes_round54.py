"""The classes of names the fifty-fourth linking round handles (docs/linking.md, "Fifty-fourth
round"), from the misses of ``names_test89.csv`` and ``names_test90.csv`` (this round's
development lists), counted over every earlier writer's list, and tried here on names of no
evaluation list:

- a role before a state's or body's name (the lead's decision of session 28, H: a state named
  by a role it holds in others' affairs is that state; round 52's bloc-member reader with the
  roles of ``bloc_roles`` in forms.yaml): the name, read alone;
- a state's or body's part in others' affairs after its name or demonym ("as guarantor of",
  "mediators at", "với vai trò trung gian"): the state or body, dated by the qualifier's year;
- a body's troika (I) and its organs' long names (Council of Ministers of Foreign Affairs,
  Conference of Heads of State and Government; F): the body;
- a state's presidency under its demonym (H): the state.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test91.csv", "names_test92.csv"})

MATCHES = [
    # a role before the name
    ("key mediator Qatar", "QAT", "label"),
    ("top creditor Japan", "JPN", "label"),
    ("regional heavyweight Kenya", "KEN", "label"),
    ("UNMISS troop contributor Rwanda", "RWA", "label"),
    ("co-guarantor ECOWAS", "ECOWAS", "key"),
    ("lender the African Development Bank", "AfDB", "label-folded"),
    ("nước trung gian Na Uy", "NOR", "label"),
    ("chủ nợ lớn nhất Nhật Bản", "JPN", "label"),
    ("nhà tài trợ AfDB", "AfDB", "key"),
    ("Ủy viên không thường trực HĐBA Ê-cu-a-đo", "ECU", "transliteration-vi"),
    # a part in others' affairs after the name
    ("the Qatari mediators at the Doha talks in 2020", "QAT", "qualified-period"),
    ("the Norwegian facilitators of the Sri Lankan peace process", "NOR", "government-form"),
    ("Egypt as guarantor of the Gaza truce", "EGY", "label"),
    ("các nhà trung gian Ca-ta tại đàm phán Đô-ha năm 2020", "QAT", "alias-folded"),
    ("Na Uy với vai trò trung gian trong tiến trình hòa bình Xri Lan-ca", "NOR", "label"),
    ("the IGAD mediators in the South Sudan talks", "IGAD", "key"),
    # a body's troika, its organs' long names
    ("the ECOWAS troika", "ECOWAS", "key-folded"),
    ("Troika EU", "EU", "key"),
    ("the BSEC Council of Ministers of Foreign Affairs", "BSEC", "organisation-seat"),
    ("the ECCAS Conference of Heads of State and Government", "ECCAS", "organisation-seat"),
    # a state's presidency
    ("the Zambian presidency in Lusaka", "ZMB", "government-form"),
]

AMBIGUOUS = [
    # a role before, or a part after, a name two states bear
    ("peace broker Congo", {"COD", "COG"}),
    ("the Congolese mediators in Luanda", {"COD", "COG"}),
]

NO_MATCH = [
    # a role with no name
    "the mediators",
    "top troop contributor",
    "nước trung gian",
    "the host of the talks",
    # a capital after a role is the city
    "Olympic host Paris",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_the_ambiguous_names_beyond_the_list,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
