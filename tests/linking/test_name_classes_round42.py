"""The classes of names the forty-second linking round handles (docs/linking.md, "Forty-second
round"), sorted by construction from the wrong answers and misses of ``names_test65.csv`` and
``names_test66.csv`` (round 41's unseen lists, this round's development lists) and counted over
the lists of other writers (``names_test31.csv`` to ``names_test64.csv``), and tried here on
names of no evaluation list:

- a Vietnamese state office (its foreign ministry, its head's seat: "Phủ Tổng thống", "Văn
  phòng Thủ tướng", "Dinh Tổng thống") with the place it stands in after "ở" or "tại": the
  state, when the place is a capital's government of that state, a Vietnamese transliteration
  that sounds as one of its COW capitals, or a place no table holds that reads as nothing (a
  district or building); a government ("chính phủ", "chính quyền") keeps round 31's check of
  the capital (a colony's or an exile's government is no seat of the state);
- a Vietnamese transliteration of a body's seat ("ở A-bu Đa-bi", "ở Gi-bu-ti") compared by
  its sounds with the seat SupraVerden gives;
- a year with an event clause written without diacritics ("nam 1993 sau …", "nam 1968 trong
  …"), read as round 38's clause;
- today's state in the one year its monarchy ended (predecessors.yaml ``monarchies_ended``):
  the republic or successor regime began in that year too, so it is today's state ("Iran in
  1979"), as the writers of five lists gave it; the monarchy's own words stay convention B's;
- a Vietnamese calque that reads a body which has ended, when a body of today has the same
  English name with only the word for its member states added ("Cộng đồng Kinh tế Tây Phi":
  the CEAO of 1973–1994 and ECOWAS): ambiguous between them; years, a founding treaty or an
  acronym in brackets part them.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test67.csv", "names_test68.csv"})

MATCHES = [
    # a state office with the place it stands in
    ("Văn phòng Thủ tướng Nhật Bản ở Nagatacho", "JPN", "label"),
    ("Bộ Ngoại giao Đức ở Werderscher Markt", "DEU", "label"),
    ("Dinh Tổng thống Phi-líp-pin ở Malacañang", "PHL", "common-name"),
    ("Phủ Tổng thống Ai Cập ở Cai-rô", "EGY", "label"),
    # a government with its capital transliterated
    ("chính phủ Na Uy ở Ô-xlô", "NOR", "government-form"),
    # a body with its seat transliterated
    ("Ngân hàng Phát triển châu Phi ở A-bi-gian", "AfDB", "calque-vi"),
    ("Ủy ban Kinh tế và Xã hội Liên Hợp Quốc về Tây Á ở Bê-rút", "ESCWA", "calque-vi"),
    ("Cơ quan Liên chính phủ về Phát triển có trụ sở ở Gi-bu-ti", "IGAD", "calque-vi"),
    # a year with an event clause, no diacritics
    ("Ba Lan nam 1989 khi Cong doan Doan ket thang cu", "POL", "qualified-period"),
    ("Chi-lê nam 1973 sau dao chinh", "CHL", "qualified-period"),
    # the year a monarchy ended
    ("Ai Cập năm 1953 khi tuyên bố cộng hòa", "EGY", "qualified-period"),
    ("Libya in 1969", "LBY", "qualified-period"),
    ("Bồ Đào Nha năm 1910", "PRT", "qualified-period"),
    # a calque of an ended body and a body of today, parted by the years or the treaty
    ("Cộng đồng Kinh tế Tây Phi năm 2015", "ECOWAS", "organisation-in-years"),
    ("Cộng đồng Kinh tế Tây Phi năm 1974", "CEAO", "organisation-in-years"),
    ("Cộng đồng Kinh tế Tây Phi năm 1975 theo Hiệp ước Lagos", "ECOWAS",
     "organisation-in-years"),
]

AMBIGUOUS = [
    # a year both bodies lived through
    ("Cộng đồng Kinh tế Tây Phi năm 1985", {"CEAO", "ECOWAS"}),
    # a leader no table holds parts nothing
    ("Cộng đồng Kinh tế Tây Phi thời ông Alpha Diallo", {"CEAO", "ECOWAS"}),
]

NO_MATCH = [
    # a COW capital of an occupation regime (convention G) keeps round 31's check
    "chính phủ Pháp ở Vichy",
    # a government at another state's capital (in exile), or in a colony
    "chính phủ Ba Lan ở Luân Đôn",
    "chính quyền Bồ Đào Nha ở Ma Cao",
    # an office at another state's capital, or in a region named by its compass word
    "Phủ Tổng thống Ai Cập ở Baghdad",
    "Bộ Ngoại giao Pháp ở Đông Dương",
    # a transliterated seat that is not the body's
    "Quỹ Tiền tệ A-rập ở Ri-át",
    # the monarchy's own words in its last year (convention B), and a year before it ended
    "the Kingdom of Laos in 1975",
    "Iran in 1978",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
