"""The classes of names the fortieth linking round handles (docs/linking.md, "Fortieth
round"), sorted by construction from the wrong answers and misses of ``names_test61.csv`` and
``names_test62.csv`` (round 39's unseen lists, this round's development lists) and counted
over the lists of other writers (``names_test31.csv`` to ``names_test60.csv``), and tried here
on names of no evaluation list:

- a state's office with its year is the state's government of that year ("the Chinese foreign
  ministry in 1960", "Bộ Ngoại giao Trung Hoa năm 1955"): China and the Republic of China,
  which both held a government of China then, as the lists' gold writes "the Chinese
  government in 1960" (round 39's two wrong answers);
- an organisation's place word inside another hyphened word ("Ibero-American") is no word of
  its own bodies ("the OAS secretariat" was the Ibero-American General Secretariat, round 39's
  third wrong answer; "Inter-American" still is the OAS's word);
- a COW capital of today's state before its last one ("Gowon's Lagos in 1970", "the Almaty
  government in 1995"), read in the years of its spell, in years COW's code names the state,
  and never in years of a government set up under an occupation (convention G: Vichy);
- a state one of two of a name ("North Korea", "South Sudan") read with a year by its capital,
  its leader, or a compass word written in the name ("Kim Il-sung's Pyongyang in 1975", "Nam
  Xu-đăng năm 2011");
- an adjective of an empire alone ("Korean") outside the empire's years, read as written when
  that gives several states ("the Korean government in 1960": South and North Korea);
- a capital's government named by a name COW does not write (``capital_names.yaml``: "chính
  phủ Viên năm 1918", "chính quyền Moskva năm 1991", "the Saigon government in 1960", "the
  Petrograd government in 1917"), read as COW's name of the capital is;
- a body's seat written by a Vietnamese or French name of the city (``capital_names.yaml``:
  "Genève", "Giơ-ne-vơ", "La Haye", "Vác-sa-va"), compared with SupraVerden's headquarters by
  its English name;
- a seat of government the COW capitals table lacks (``capital_names.yaml`` ``seats``:
  Lhasa, Constantinople, Huế, Nanjing, Dar es Salaam), read in its spans of years only for a
  state of today, never in years of an occupation regime.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test63.csv", "names_test64.csv"})

MATCHES = [
    # an office with its year of a state no other government claimed
    ("Bộ Ngoại giao Pháp năm 1962", "FRA", "qualified-period"),
    # the OAS's own secretariat (SupraVerden gives it no record): the organisation
    ("the OAS secretariat under José Miguel Insulza", "OAS", "organisation-seat"),
    # an earlier COW capital in its years
    ("the Lagos government in 1975", "NGA", "qualified-period"),
    ("the Karachi government in 1952", "PAK", "qualified-period"),
    ("the Rio de Janeiro government in 1955", "BRA", "qualified-period"),
    # a state one of two of a name, by its capital or a compass word written
    ("the Pyongyang government in 1985", "PRK", "qualified-period"),
    ("Park Chung-hee's Seoul in 1970", "KOR", "qualified-period"),
    ("Nam Xu-đăng năm 2015", "SSD", "qualified-period"),
    # a capital by a name COW does not write
    ("chính quyền Moskva năm 1960", "SUN", "qualified-period"),
    ("chính phủ Viên năm 1930", "AUT", "qualified-period"),
    ("the Saigon government in 1970", "RVN", "qualified-period"),
    ("chính phủ Luân Đôn năm 1950", "GBR", "qualified-period"),
    ("the Washington government in 1985", "USA", "qualified-period"),
    # a seat the COW capitals table lacks (capital_names.yaml seats)
    ("the Lhasa government in 1925", "TBT", "qualified-period"),
    ("chính quyền Lạp Tát năm 1925", "TBT", "qualified-period"),
    ("Constantinople in 1890", "OTTOMAN-EMPIRE", "qualified-period"),
    ("the Dar es Salaam government in 1980", "TZA", "qualified-period"),
    # a body's seat written by a name SupraVerden does not write
    ("Tổ chức Sở hữu Trí tuệ Thế giới ở Giơ-ne-vơ", "WIPO", "label"),
    ("Tổ chức Thương mại Thế giới ở Genève", "WTrO", "label"),
    # Beijing in 1913: the Republic of China's seat, which COW's code 710 names to 1949; China
    # (the PRC) is not read for a year its code did not name it. Round 40 left it no match
    # (COW counts today's Republic of China from 1949 only); round 41 reads the code's periods
    # of state-periods.csv, as the lists' writers do ("Yuan Shikai's Beijing in 1913")
    ("chính phủ Bắc Kinh năm 1913", "TWN", "qualified-period"),
]

AMBIGUOUS = [
    # an office with its year: both governments of China
    ("the Chinese foreign ministry in 1965", {"CHN", "TWN"}),
    ("Bộ Ngoại giao Trung Hoa năm 1962", {"CHN", "TWN"}),
    # an empire's adjective in a year after the empire
    ("the Korean government in 1965", {"KOR", "PRK"}),
    # a capital by a name COW does not write, in a year of change
    ("chính quyền Viên năm 1918", {"AUH", "AUT"}),
    ("the Petrograd authorities in 1917", {"RUSSIAN-EMPIRE", "RUSSIAN-REPUBLIC", "RSFSR"}),
]

NO_MATCH = [
    # an earlier capital outside its spell, or in the years of an occupation regime
    "the Lagos government in 1995",
    "the Vichy government in 1943",
    # Saint Petersburg was the capital of the Russian Empire, never of today's Russia
    "the Saint Petersburg government in 1995",
    # an empire's adjective in years no state of the name held
    "the Korean government in 1947",
    # a seat the COW capitals lack, outside its spans or in an occupation regime's years
    # (convention G: Wang Jingwei's government at Nanjing, 1940-1945)
    "the Lhasa government in 1960",
    "the Dar es Salaam government in 2010",
    "the Nanjing government in 1942",
]


(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
