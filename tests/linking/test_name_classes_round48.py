"""The classes of names the forty-eighth linking round handles (docs/linking.md, "Forty-eighth
round"), sorted by construction from the misses of ``names_test77.csv`` and ``names_test78.csv``
(this round's development lists) and counted over every earlier writer's list, and tried here
on names of no evaluation list:

- a state's post abroad (an embassy, a consulate, a high commission, a legation, a permanent
  mission, representation or delegation), its defence ministry or its negotiating team, which
  stand for the state under convention H as the lead extended it in session 25 ("the Chilean
  embassy in Oslo", "the Permanent Mission of Finland to the United Nations", "Đại sứ quán
  Chi-lê tại Ô-xlô", "Bộ Quốc phòng Mông Cổ", "đoàn đàm phán Phi-líp-pin"): the state, where
  the post stands not read; with one year, the state's government in that year (ambiguous where
  two records of the name held it);
- guards: a body's post ("the AU mission in Mali": "AU" names the African Union as much as
  Australia's code; "the EU delegation in Hanoi"), a region's or a people's (convention E), a
  post with no state named, a bare "phái đoàn" (an earlier writer gave it no match), and a post
  at an event with no year ("the Vietnamese delegation at the Geneva talks": the event's day
  may belong to another record of the state) stay unmatched.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test79.csv", "names_test80.csv"})

MATCHES = [
    # posts abroad, in English, after the state's adjective or possessive
    ("the Chilean embassy in Oslo", "CHL", "government-form"),
    ("the Moroccan consulate in Lyon", "MAR", "government-form"),
    ("Ghana's high commission in London", "GHA", "government-form"),
    ("Norway's permanent delegation to NATO", "NOR", "government-form"),
    # before the state's name
    ("the Permanent Mission of Finland to the United Nations", "FIN", "government-form"),
    ("the Ministry of Defence of Estonia", "EST", "government-form"),
    # a defence ministry and negotiators
    ("the Mongolian defence ministry in Ulaanbaatar", "MNG", "government-form"),
    ("the Philippine negotiating team in Kuala Lumpur", "PHL", "government-form"),
    ("Vietnamese negotiators in Brussels", "VNM", "government-form"),
    # with one year: the state's government in that year
    ("the Bolivian legation in Lima in 1930", "BOL", "qualified-period"),
    ("the Yugoslav embassy in Washington in 1960", "YUG", "qualified-period"),
    ("Đại sứ quán Nam Tư tại Oa-sinh-tơn năm 1960", "YUG", "qualified-period"),
    # in Vietnamese, before the state's name
    ("Đại sứ quán Chi-lê tại Ô-xlô", "CHL", "alias"),
    ("Lãnh sự quán Ma-rốc ở Ly-ông", "MAR", "label"),
    ("Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh", "JPN", "label"),
    ("Dai su quan Phan Lan tai Ha Noi", "FIN", "label-folded"),
    ("đoàn đàm phán Phi-líp-pin ở Cu-a-la Lăm-pơ", "PHL", "common-name"),
    ("Bộ Quốc phòng Mông Cổ", "MNG", "label"),
    ("Bo Quoc phong Estonia", "EST", "label"),
    ("đoàn đại biểu Chính phủ Mông Cổ", "MNG", "government-form"),
    ("Phái đoàn thường trực Phần Lan tại Liên Hợp Quốc", "FIN", "label"),
    # guards of rounds 20 and 45 until convention H was extended in session 25
    ("Đại sứ quán Hoa Kỳ tại Hà Nội", "USA", "label"),
    ("the French embassy in Moscow in 1985", "FRA", "qualified-period"),
    ("Đại sứ quán Mỹ tại Hà Nội năm 2000", "USA", "qualified-period"),
]

#: a post in a year two records of the name held: still ambiguous (round 45's reading answers
#: them first; this round's rule, reading the same year, gives the same answer)
AMBIGUOUS = [
    ("the Yemeni embassy in Cairo in 1980", {"YAR", "YMD"}),
    ("the German consulate in Lyon in 1970", {"GFR", "DDR"}),
]

NO_MATCH = [
    # a body's post: the subject names a body
    "the AU mission in Mali",
    "the EU delegation in Hanoi",
    "the UN mission in Haiti",
    "the OSCE mission to Moldova",
    "the WHO delegation to Laos",
    "the NATO delegation in Kyiv",
    "the ASEAN negotiating team",
    "Phái đoàn Liên minh châu Âu tại Lào",
    # a region's, a people's or an authority's (convention E)
    "the Kurdish delegation in Moscow",
    "the Scottish negotiating team in London",
    "the Catalan delegation in Brussels",
    "the Palestinian Authority's mission in Oslo",
    # a post at an event with no year: the event's day may be another record's
    "the Finnish delegation at the Paris peace conference",
    "the Vietnamese delegation at the Geneva talks",
    "đoàn đại biểu Đức tại hội nghị Pa-ri",
    # no state named
    "the embassy in Hanoi",
    "Đại sứ quán tại Hà Nội",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
