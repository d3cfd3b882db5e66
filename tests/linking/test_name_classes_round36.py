"""The classes of names the thirty-sixth linking round handles (docs/linking.md, "Thirty-sixth
round"), sorted by construction from the failures of ``names_test51.csv`` and
``names_test52.csv`` (round 35's unseen lists, this round's development lists) and counted
over the earlier writers' lists, and tried here on names of no evaluation list:

- a leader whom Archigos writes by an initial ("M. Rutte") or with the article spelt "al"
  ("al-Sisi"), named in full or with "el";
- a leader of today after a republic's office, of a state whose historical records ended in
  Archigos' years ("Slovenia thời Thủ tướng Golob": Yugoslavia's leaders are in Archigos, and
  the name is none of them); the sourced rulers table after an office's title;
- a monarch of a state that is a monarchy today, whose crown never ended and whose line the
  registry holds no other record of ("Qatar under Emir Tamim"); a tenure within a crown that
  ended is convention B's, also from 1990 on ("Nepal under King Birendra": no match); one
  tenure holding most of a monarchy is its ruler's ("Albania under Zog": no match);
- a monarch's court before a capital ("triều đình Bangkok"): the monarchies only;
- a capital's government in the year its state began, beside the predecessor that ended then
  whose COW capital holds the city's name ("the Berlin authorities in 1990");
- a republic's long form of today's state in years when its line was a union of other names
  ("the Socialist Republic of Serbia in 1975": a constituent republic, no match, E);
- a body's name, then a place no reference table holds as a seat ("the Boao Forum for Asia in
  Qionghai"): the body, unless SupraVerden seats it elsewhere, the name is an office's, or
  the place is a state that no known headquarters names (a seat or a country office);
- a count of members after a body's name ("the African Union of 55 members", "Liên minh châu
  Phi gồm 55 thành viên") or between a Vietnamese kind word and the name ("khối 55 thành viên
  Liên minh châu Phi"): the name, as round 22 read a count before it;
- a foreign ministry with a second field ("Bộ Ngoại giao và Thương mại Ireland", "the
  Ministry of Foreign Affairs and International Cooperation of Italy"): the state (H);
- a full name followed by another body's acronym ("the World Trade Organization WHO"): the
  two bodies, ambiguous (an organ's name with its owner's acronym keeps its reading);
- an acronym seated elsewhere whose letters, in another order, the bodies seated in the city
  given write ("the BID in Washington": the Inter-American bank and board, not the Islamic
  Development Bank of Jeddah).
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test53.csv", "names_test54.csv",
                                         "names_test55.csv", "names_test56.csv"})

MATCHES = [
    # Archigos' initials and article (each no match before the round)
    ("Netherlands under Mark Rutte", "NLD", "ruler"),
    ("Azerbaijan under Heydar Aliyev", "AZE", "ruler"),
    ("Egypt under el-Sisi", "EGY", "ruler"),
    # a republic's office before a leader of today; the sourced table after a title
    ("Montenegro under President Milatovic", "MNE", "ruler"),
    ("South Africa under President Ramaphosa", "ZAF", "ruler"),
    # a monarch of today's monarchy, by the state or its capital
    ("Qatar under Emir Tamim", "QAT", "ruler"),
    ("Doha under Emir Tamim", "QAT", "ruler"),
    ("Bhutan thời vua Jigme Khesar", "BTN", "ruler"),
    ("Monaco under Prince Albert II", "MCO", "ruler"),
    # a monarch's court: a monarchy today
    ("triều đình Bangkok", "THA", "capital-government"),
    # a body's name, then a place no reference table holds as a seat (the name's reading)
    ("the Boao Forum for Asia in Qionghai", "BFA-org", "label"),
    ("the Asia/Pacific Group on Money Laundering in Sydney", "APG", "label-folded"),
    # a count of members after the name, or between a Vietnamese kind word and the name
    ("the African Union of 55 members", "AU", "label"),
    ("Liên minh châu Phi gồm 55 thành viên", "AU", "calque-vi"),
    # a foreign ministry with a second field (convention H)
    ("Bộ Ngoại giao và Thương mại Ireland", "IRL", "label"),
    ("the Ministry of Foreign Affairs and International Cooperation of Italy", "ITA",
     "government-form"),
]

AMBIGUOUS = [
    # the year a state began at a capital its predecessor of that year held too
    ("the Berlin authorities in 1990", {"DEU", "DDR"}),
    # a monarch's court at a capital of two crowns, no year: never today's republic
    ("triều đình Vienna", {"AUSTRIAN-EMPIRE", "AUH"}),
    # an acronym whose letters the bodies of the seat given write
    ("the BID in Washington", {"IADB", "IADefB"}),
    # a full name and another body's acronym: the two bodies, neither matched
    ("the World Trade Organization WHO", {"WTrO", "WHO"}),
    ("Ngân hàng Thế giới IMF", {"WB", "IMF"}),
]

NO_MATCH = [
    # a crown that ended (B)
    "Albania under Zog",
    "Nepal under King Birendra",
    # a monarch's court of a state that is no monarchy today (B)
    "triều đình Paris",
    # a constituent republic (E)
    "the Socialist Republic of Serbia in 1975",
    "Cộng hòa Xã hội chủ nghĩa Serbia năm 1985",
    # a place that SupraVerden's headquarters of the body do not name; an office in a place
    "UNICEF in Da Nang",
    "the IAEA mission in Tehran",
    # a state as the place, no seat known: a seat or a country office
    "the Nile Basin Initiative in Uganda",
    # a count that is the name's
    "the Group of Seven nations",
    # a ministry's words and no state
    "Bộ Ngoại giao và Thương mại",
]


(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
