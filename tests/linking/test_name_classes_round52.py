"""The classes of names the fifty-second linking round handles (docs/linking.md, "Fifty-second
round"), from the misses of ``names_test85.csv`` and ``names_test86.csv`` (this round's
development lists), counted over every earlier writer's list, and tried here on names of no
evaluation list:

- a post abroad other than an embassy (an honorary consulate, a nunciature, an embassy's
  consular or visa section, a trade mission) is the sending state under H (the lead's decision
  of session 27; ``posts_abroad``, ``post_sections`` and ``post_senders`` of forms.yaml, read by
  round 48's post reader); an apostolic or papal nunciature is the Holy See's;
- a state after a bloc it belongs to and its role there is the state, when the words before
  the role read as one organisation (``bloc_roles`` of forms.yaml);
- "trụ sở" (headquarters) before a body's name is the body under F, as the English "X's
  headquarters" is;
- a Vietnamese body's name rendered word for word from its English name, with this round's
  glossary words ("công", public; "không gian", area).
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test87.csv", "names_test88.csv"})

MATCHES = [
    # a post abroad other than an embassy: the sending state (H)
    ("the honorary consulate of Latvia in Da Nang", "LVA", "government-form"),
    ("Lãnh sự quán danh dự Đan Mạch tại Đà Nẵng", "DNK", "label"),
    ("the apostolic nunciature in Lima", "VAT", "government-form"),
    ("Tòa Sứ thần Tòa Thánh tại Phi-líp-pin", "VAT", "label"),
    ("the visa section of the Austrian embassy in Bangkok", "AUT", "government-form"),
    ("Bộ phận lãnh sự Đại sứ quán Pháp tại Hà Nội", "FRA", "label"),
    ("the Indian trade mission in Taipei", "IND", "government-form"),
    ("Thương vụ Nhật Bản tại Hà Nội", "JPN", "label"),
    # a state after its bloc and its role there
    ("fellow ASEAN member Laos", "LAO", "label"),
    ("EU candidate country Albania", "ALB", "label"),
    ("ASEAN observer Timor-Leste", "TLS", "label"),
    ("thành viên ASEAN Lào", "LAO", "label"),
    ("nước ứng cử viên EU Xéc-bi-a", "SRB", "transliteration-vi"),
    # "trụ sở" before a body's name: the body (F)
    ("trụ sở WHO ở Giơ-ne-vơ", "WHO", "organisation-seat"),
    ("trụ sở IAEA tại Viên", "IAEA", "organisation-seat"),
    # a body's name rendered word for word
    ("Không gian Schengen", "SCHENGENAREA", "calque-vi"),
]

AMBIGUOUS: list[tuple[str, set[str]]] = []

NO_MATCH = [
    # a post with no state named
    "the honorary consulate",
    # a bloc's role with no state ("fellow member Paraguay", a role with no bloc, is
    # Paraguay since round 54: the lead's decision of session 28, H, a state named by a
    # role is that state)
    "a NATO member state",
    # a partnership's rank is no bloc
    "đối tác chiến lược toàn diện",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 _no_ambiguous_names_this_round,  # (AMBIGUOUS is empty: not collected, so never skipped)
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
