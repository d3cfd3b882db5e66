"""The classes of names the forty-fourth linking round handles (docs/linking.md, "Forty-fourth
round"), sorted by construction from the wrong answers and misses of ``names_test69.csv`` and
``names_test70.csv`` (round 43's unseen lists, this round's development lists) and counted over
the lists of other writers (``names_test31.csv`` to ``names_test68.csv``), and tried here on
names of no evaluation list:

- a Vietnamese government frame with a capital in hyphenated transliteration ("chính phủ
  Bu-ca-rét năm 2007", "chính quyền Gia-các-ta"): the COW capital whose sounds are alike and
  well ahead of every other capital, read as that capital's government; a name of the state's
  with a numeral ("the No 10") is no sound a transliteration renders ("A-ten" is Athens);
- a capital with a year whose name is only a body's key in the data ("Colombo in 2009", "Oslo
  in 1905", "Bonn in 1955"): the capital's government in that year, not the body;
- a capital, or its government, with an event clause no year precedes ("Lisbon after the
  Carnation Revolution", "Reykjavík during the Cod Wars"): the capital's government (in the
  clause's year, if it holds one); with no year, only a city COW gives to one record;
- states of one name in a year dated by a treaty clause ("chính phủ Việt Nam năm 1973 khi ký
  Hiệp định Pa-ri"): ambiguous, as without the clause;
- wrong answers left unmatched: a people's or a region's adjective is no leader's name ("the
  Flemish government in Brussels", convention E), and a possessive before a press label names
  what the body holds, not the body ("the Soviet bloc's military alliance").
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test71.csv", "names_test72.csv"})

MATCHES = [
    # a capital in Vietnamese transliteration in a government frame
    ("chính phủ Xtốc-khôm năm 1995", "SWE", "qualified-period"),
    ("chính quyền Ha-va-na năm 1962", "CUB", "qualified-period"),
    ("chính phủ Bu-đa-pét năm 1999", "HUN", "qualified-period"),
    ("chính phủ Lu-xa-ca năm 1990", "ZMB", "qualified-period"),
    ("chính quyền Ca-ra-cát năm 2019", "VEN", "qualified-period"),
    ("chính phủ A-ten năm 2010 khi khủng hoảng nợ", "GRC", "qualified-period"),
    # a capital with a year, whose name is only a body's key
    ("Colombo in 1990", "LKA", "qualified-period"),
    ("Oslo in 1994", "NOR", "qualified-period"),
    ("Bonn in 1970", "GFR", "qualified-period"),
    ("Colombo in 1987 when the Indian troops arrived", "LKA", "qualified-period"),
    # a capital with an event clause no year precedes
    ("Helsinki during the Winter War", "FIN", "capital-government"),
    ("Dublin after the Good Friday Agreement", "IRL", "capital-government"),
    ("Canberra during the 2020 bushfires", "AUS", "qualified-period"),
    ("Kathmandu's government after the 2015 earthquake", "NPL", "qualified-period"),
]

AMBIGUOUS = [
    # (the clause's year holds both states of the capital)
    ("Moscow during the 1991 coup", {"SUN", "RUS"}),
    # states of one name dated by a treaty clause stay ambiguous (both Germanys signed)
    ("chính phủ Đức năm 1972 khi ký Hiệp ước Cơ bản", {"GFR", "DDR"}),
]

NO_MATCH = [
    # a region's or a people's government at the state's capital (convention E)
    "the Faroese government in Copenhagen",
    "the Kurdish government in Baghdad",
    # a bloc's alliance is not the bloc
    "the Arab bloc's military alliance",
    # an event and no year, at a capital of several records
    "Berlin after the war",
    "Hanoi after the war",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
