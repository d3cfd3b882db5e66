"""The classes of names the forty-first linking round handles (docs/linking.md, "Forty-first
round"), sorted by construction from the wrong answers and misses of ``names_test63.csv`` and
``names_test64.csv`` (round 40's unseen lists, this round's development lists) and counted over
the lists of other writers (``names_test31.csv`` to ``names_test62.csv``), and tried here on
names of no evaluation list:

- a state's name, adjective or government with years in which its COW code names another
  record by the registry's ``state-periods.csv`` (COW 710: the Republic of China, ``TWN``,
  from 1912 to September 1949): that record ("the Chinese government in 1935", "Trung Hoa Dân
  Quốc năm 1920", and by COW 710's capital, "chính quyền Bắc Kinh năm 1920"); a year both
  records held names both ("China's government in 1949", "chính quyền Bắc Kinh năm 1912"); the
  same reading gives Sardinia and Italy for a government of Italy in 1861, when COW's 325
  passed from one to the other;
- a government named by its state's name or adjective in the one year its historical record
  began or ended, the registry's succession giving the historical record on the other side
  ("the German government in 1871": Prussia and the German Reich, as "chính phủ Berlin năm
  1871" is); today's state on the other side is not added ("the Soviet government in 1991");
- a leader no table holds, between a state's (or its capital's) name and the name's year, read
  as a qualifier only: the state with the year, by the period readings ("Ghana under Kofi
  Mensah in 1975"); never a monarch's title, never in years of an occupation regime
  (convention G), never a leader either table holds (the ruler reading's answer stands).
- a body under the chair's term of a state in Vietnamese ("dưới nhiệm kỳ chủ tịch (của) X",
  "thời Chủ tịch luân phiên X") and a "pro tempore presidency" in English, read as round 38's
  "under X's presidency": the body, when the chair reads as one state ("Hội đồng Liên minh châu
  Âu năm 2025 dưới nhiệm kỳ chủ tịch Ba Lan" was Poland, by the role frame).
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test65.csv", "names_test66.csv"})

MATCHES = [
    # China between 1912 and 1949: the Republic of China by COW 710's period
    ("the Chinese government in 1935", "TWN", "qualified-period"),
    ("chính phủ Trung Quốc năm 1928", "TWN", "qualified-period"),
    ("Chinese authorities in 1940", "TWN", "qualified-period"),
    ("Trung Hoa Dân Quốc năm 1920", "TWN", "qualified-period"),
    ("the Republic of China in 1925", "TWN", "qualified-period"),
    # COW 710's capital in those years (the capital frame's states read through the periods)
    ("chính quyền Bắc Kinh năm 1920", "TWN", "qualified-period"),
    # and before 1912 the Qing, as before
    ("China in 1905", "QING", "qualified-period"),
    # a leader no table holds, as a qualifier before the year
    ("Ghana under Kofi Mensah in 1975", "GHA", "qualified-period"),
    ("Budapest under Ferenc Szabo in 1998", "HUN", "qualified-period"),
    ("Paris under Jean Dupont in 1950", "FRA", "qualified-period"),
    # a body under the chair's term of a state (the chair read off, the body read)
    ("ASEAN dưới nhiệm kỳ chủ tịch của Lào", "ASEAN", "key"),
    ("Hội đồng Bắc Cực dưới nhiệm kỳ chủ tịch Na Uy", "ArticC", "calque-vi"),
    ("Hội đồng Liên minh châu Âu trong nhiệm kỳ chủ tịch của Pháp",
     "Council-of-the-European-Union", "common-name"),
    ("Mercosur thời Chủ tịch luân phiên Paraguay", "Mercosur", "acronym"),
    ("the OSCE under Malta's pro tempore presidency", "OSCE", "key"),
    # today's state after the year its record ended is not added to the government's year
    ("the Soviet government in 1991", "SUN", "qualified-period"),
    # the state's name alone keeps round 38's reading
    ("nước Đức năm 1871", "GERMAN-REICH", "qualified-period"),
]

AMBIGUOUS = [
    # a year both records of COW 710 held
    ("China's government in 1949", {"CHN", "TWN"}),
    ("the Italian authorities in 1861", {"SARDINIA", "ITA"}),
    # the capital in the year the Qing ended and the Republic began
    ("chính quyền Bắc Kinh năm 1912", {"QING", "TWN"}),
    # a government in the year its historical record began
    ("the German government in 1871", {"GERMAN-REICH", "PRUSSIA"}),
]

NO_MATCH = [
    # an unknown leader in years of an occupation regime (convention G: Vichy)
    "Paris under Jean Dupont in 1942",
    # a monarch's title before an unknown name (convention B: Pahlavi Iran)
    "Iran under Shah Reza Nouri in 1970",
    # the Republic of China before its first year
    "the Republic of China in 1911",
]


(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
