"""The classes of names the thirty-seventh linking round handles (docs/linking.md,
"Thirty-seventh round"), sorted by construction from the wrong answers of
``names_test53.csv`` to ``names_test56.csv`` (round 36's unseen lists, this round's
development lists), and tried here on names of no evaluation list:

- a year in which the one record read began or ended and a historical record of the same
  line by the registry's succession ended or began, the name no label of the record read (a
  byname, an adjective, a seat: "the Soviet authorities in 1922"): ambiguous between both; a
  record's own label keeps it ("the Yemen Arab Republic in 1962");
- a capital's government in the year its record with no start year ended ("the Beijing
  authorities in 1912": Qing China and the Republic of China, its successor), or in the
  year today's state it names began by COW's or Archigos' first year ("the Vienna
  authorities in 1918": Austria-Hungary and Austria, which the registry does not link);
- a body by field and seat, a rival seated by a street address in the same country ("the
  Nordic organisation in Copenhagen": the Nordic Council and the Council of Ministers, whose
  SupraVerden headquarters are "Ved Stranden 18, Denmark"; convention J);
- an organ's word with an organisation's acronym before a seat ("the ECOWAS regional court in
  Abuja"): the organ that has the word, not the organ seated there that has it not;
- an organisation's acronym before words of its own name ("the BCEAO central bank"): the
  organisation itself, not a body of it.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test57.csv", "names_test58.csv"})

MATCHES = [
    # a record's own label with the year it began or ended keeps that record
    ("the Yemen Arab Republic in 1962", "YAR", "qualified-period"),
    ("West Germany in 1990", "GFR", "qualified-period"),
    ("the Qing government in 1912", "QING", "qualified-period"),
    ("the Vienna authorities in 1919", "AUT", "qualified-period"),
    # an organ's word with the organisation's acronym and a seat
    ("the ECOWAS regional court in Abuja", "ECOWAS-Court-of-Justice", "seat-narrowed"),
    ("the Abuja-based ECOWAS Community Court", "ECOWAS-Court-of-Justice", "seat-narrowed"),
    # an acronym before words of its own name (no match or ambiguous before the round)
    ("the BCEAO central bank", "BCEAO", "body-by-field"),
    ("the EIB investment bank", "EIB", "body-by-field"),
    ("the AfDB development bank", "AfDB", "body-by-field"),
]

AMBIGUOUS = [
    # a byname, an adjective or a seat in the year one record of the line ended and the next
    # began (each answered with one record before the round)
    ("the Soviet authorities in 1922", {"SUN", "RSFSR"}),
    ("the Russian Soviet government in 1922", {"SUN", "RSFSR"}),
    ("chính quyền Nam Việt Nam năm 1955", {"RVN", "STATE-OF-VIETNAM"}),
    # a capital's government in the year its record with no start year ended
    ("the Beijing authorities in 1912", {"QING", "TWN"}),
    ("the Vienna authorities in 1918", {"AUH", "AUT"}),
    ("chính phủ Vienna năm 1918", {"AUH", "AUT"}),
    # two bodies of one field and seat, one seated by a street address (convention J)
    ("the Nordic organisation in Copenhagen", {"NordC", "NCM"}),
    ("the Copenhagen-based Nordic organisation", {"NordC", "NCM"}),
]

NO_MATCH = [
    # a year no record of the line held
    "the Soviet government in 1910",
    "Nam Việt Nam năm 1930",
    # a court with no organisation's acronym: another organisation's court may be meant
    "the Minsk-based Eurasian court",
]


(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
