"""The classes of names the forty-sixth linking round handles (docs/linking.md, "Forty-sixth
round"), sorted by construction from the misses of ``names_test73.csv`` and ``names_test74.csv``
(this round's development lists) and counted over every earlier writer's list, and tried here
on names of no evaluation list:

- a current state's second English adjective that the adjectives data set lacks ("Tajik": the
  data set holds "tajikistani" only; "East Timorese", "Cape Verdean" from the world-countries
  data set's demonyms), read wherever the state's adjectives are ("the Tajik authorities");
- the people who act for a state, after its adjective or name or before its capital
  ("Georgian officials", "the Chilean diplomats", "officials in Lima", "quan chức Hà Lan"):
  the state, as "the X government" and "the X authorities" are (an adjective of several
  states stays ambiguous; a region's or a people's officials stay unmatched, convention E);
- a misspelt name of today's state in a government form or after "phía" ("Kyrgzstan's
  government", "the government of Ethopia", "phía Rumani"): the fuzzy reading's own confident
  answer, when it is a state of today; "phía" with a state's code ("phía UAE");
- a state's government with its form ("the Royal Government of Cambodia", "the Nepali
  federal government", "Chính phủ Hoàng gia Đan Mạch"): the state; a royal government only of
  a state that is a monarchy today (the royal government of Laos was the Kingdom of Laos,
  which the registry does not hold: convention B);
- the side of a state in Vietnamese with its name transliterated ("phía Hung-ga-ri"): the name
  heard without "phía" (heard whole, "phia hung ga ri" sounded like Bulgaria);
- a state's name in its own language romanised ("Tojikiston", "Qazaqstan", "Ellada"): CLDR's
  name of the state in an alphabetic script (Cyrillic, Greek, Armenian, Georgian) or in
  Chinese, romanised letter by letter (``linking/names/romanised_endonyms.yaml``).
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test75.csv", "names_test76.csv"})

MATCHES = [
    # a second adjective of a current state
    ("the Tajik authorities", "TJK", "government-form"),
    ("the Tajik side", "TJK", "government-form"),
    ("the East Timorese government", "TLS", "government-form"),
    ("the Cape Verdean authorities", "CPV", "government-form"),
    # the people who act for a state
    ("Moldovan officials", "MDA", "government-form"),
    ("the Chilean diplomats", "CHL", "government-form"),
    ("Tajik officials", "TJK", "government-form"),
    ("officials of Lesotho", "LSO", "government-form"),
    ("officials in Lima", "PER", "capital-government"),
    ("quan chức Hà Lan", "NLD", "government-form"),
    ("các quan chức Ai Cập", "EGY", "government-form"),
    # a state's government with its form
    ("the Royal Government of Cambodia", "KHM", "government-form"),
    ("the Federal Government of Ethiopia", "ETH", "government-form"),
    ("the Nepali federal government", "NPL", "government-form"),
    ("the Danish royal government", "DNK", "government-form"),
    ("Chính phủ Hoàng gia Đan Mạch", "DNK", "government-form"),
    ("chinh phu Hoang gia Ma-rốc", "MAR", "government-form"),
    # the side of a state named by a Vietnamese transliteration: the name heard without "phía"
    ("phía Bun-ga-ri", "BGR", "transliteration-vi"),
    ("phía Ru-ma-ni", "ROU", "transliteration-vi"),
    ("phía Ca-ta", "QAT", "transliteration-vi"),
    # the side of a state by a code or a misspelt name, after the press frame
    ("phía ROK", "KOR", "government-form"),
    ("phía Venezuala", "VEN", "government-form"),
    # a misspelt name of today's state in a government form
    ("Venezuala's government", "VEN", "government-form"),
    ("the government of Kazakstan", "KAZ", "government-form"),
    # a state's name in its own language, romanised from CLDR's name in an alphabetic script
    ("Ellada", "GRC", "endonym"),
    ("Kypros", "CYP", "endonym"),
    ("Uzbekiston", "UZB", "endonym"),
    ("Severna Makedonija", "MKD", "endonym"),
]

AMBIGUOUS = [
    # an adjective of two states
    ("Congolese officials", {"COD", "COG"}),
]

NO_MATCH = [
    # a royal government of a state that is no monarchy today (convention B)
    "the Royal Government of Laos",
    "Chính phủ Hoàng gia Lào",
    "the Libyan royal government",
    # a region's or a people's officials (convention E)
    "Scottish officials",
    "Kurdish officials",
    # no state named
    "the royal government",
    "senior officials",
    # the side of a region, a movement or a compass point
    "phía Scotland",
    "phía Taliban",
    "phía Bắc",
    # a romanised endonym that is also the English name of a people and an empire (left out)
    "Mongol",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
