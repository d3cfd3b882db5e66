"""The classes of names the twenty-eighth linking round handles (docs/linking.md,
"Twenty-eighth round"), named by the lead from round 27's unseen run (``names_test35.csv``
and ``names_test36.csv``, this round's development lists) and tried here on names of no
evaluation list:

- press epithets of region and kind before a state: new regions of ``press_regions``
  (the Adriatic, the Alps, Central Europe, the Mediterranean and its east, the South Caucasus,
  Iberia, Benelux, the steppe), "vùng" before a region, the heads "đất nước" and "cường quốc",
  a region after the name ("ở vùng Benelux"), "X-speaking" and a region among the epithets,
  "the former <power> colony of", Vietnamese epithets after the name, press nicknames after
  "xứ sở" or "đất nước";
- a state by a leader's era ("Nasser-era Egypt");
- convention D: a period name of a republic ("the Third French Republic", "Đệ ngũ Cộng hòa
  Pháp") is today's state where COW counts it from before 1945, else no match;
- convention E: territories and an authority that are not the State of Palestine are no match;
- a capital in the possessive for its government ("Hanoi's leadership", "Ottawa's foreign
  ministry");
- a state's government of the moment ("the Ghanaian junta", "caretaker government"), a
  monarch's court with its years ("the Ottoman court in 1880");
- bodies by seat and field: "regulator" and "watchdog" say no field, a one-word name or an
  acronym after an English description, press labels ("lender", "regional", "cartel"), a
  Vietnamese description with "cơ quan" and a seat, a leader clause after a proper name;
- a seat after "in", "ở", "tại" named by its state or by another name of its capital
  ("Viêng Chăn"), checked against the body's headquarters; a historical state's adjective
  before one lower-case word of its form ("the Saxon kingdom");
- the wrong answers removed: a year in which a state ended beside its successor is ambiguous;
  a monarchy's head in a press frame reads the historical state; a state after "giáp"
  (bordering) is the neighbour.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test37.csv", "names_test38.csv"})

MATCHES = [
    # press epithets of region and kind
    ("the Alpine state of Liechtenstein", "LIE", "region-frame"),
    ("the former French colony of Senegal", "SEN", "region-frame"),
    ("the former Belgian colony of Rwanda", "RWA", "region-frame"),
    ("the gas-producing Gulf state of Qatar", "QAT", "region-frame"),
    ("nước cộng hòa vùng Kavkaz Armenia", "ARM", "region-frame"),
    ("đất nước Trung Âu Slovakia", "SVK", "region-frame"),
    # (round 54: read first by the role reader of forms.yaml's bloc_roles, "cường quốc")
    ("cường quốc Đông Á Nhật Bản", "JPN", "label"),
    ("quốc đảo vùng Caribe Jamaica", "JAM", "region-frame"),
    ("vương quốc Bỉ ở vùng Benelux", "BEL", "region-frame"),
    ("vương quốc Bahrain giàu dầu mỏ", "BHR", "epithet-frame"),
    ("xứ sở hoa tulip Hà Lan", "NLD", "epithet-frame"),
    ("đất nước triệu voi Lào", "LAO", "epithet-frame"),
    # leaders by era
    ("Sarkozy-era France", "FRA", "ruler"),
    ("Nasser-era Egypt", "EGY", "ruler"),
    # convention D
    ("the Third French Republic", "FRA", "ordinal-republic"),
    ("the Second Portuguese Republic", "PRT", "ordinal-republic"),
    ("Đệ ngũ Cộng hòa Pháp", "FRA", "ordinal-republic"),
    # a government of the moment, a court with its years
    ("the Ghanaian junta", "GHA", "government-form"),
    ("the Burkinabe military government", "BFA", "government-form"),
    ("the Thai caretaker government", "THA", "government-form"),
    ("the Ottoman court in 1880", "OTTOMAN-EMPIRE", "qualified-period"),
    ("triều đình nhà Thanh năm 1880", "QING", "qualified-period"),
    # bodies by seat and field
    ("the Nairobi-based environment watchdog", "UNEP", "seat-and-field"),
    ("the Lyon-based police body Interpol", "Interpol", "described-acronym"),
    ("the Hague-based law enforcement agency Europol", "Europol", "described-acronym"),
    ("the Vienna-based nuclear watchdog IAEA", "IAEA", "described-acronym"),
    # (round 54: read first by the role reader of forms.yaml's bloc_roles, "lender")
    ("the Jeddah-based lender IsDB", "ISDB", "acronym"),
    ("cơ quan y tế WHO ở Geneva", "WHO", "described-acronym"),
    ("cơ quan nông nghiệp FAO ở Roma", "FAO", "described-acronym"),
    ("Liên minh Kinh tế Á-Âu do Nga lãnh đạo", "EAEU", "calque-vi"),
    # (round 35: the name with "và" read as "and" is now read by headed-acronym, the same body)
    ("tổ chức SCO do Nga và Trung Quốc dẫn đầu", "SCO", "headed-acronym"),
    # a capital in the possessive for its government
    ("Ottawa's foreign ministry", "CAN", "capital-government"),
    ("Hanoi's leadership", "VNM", "capital-government"),
    # a seat named by its state or by another name of its capital, the headquarters checked
    ("Ngân hàng Phát triển châu Á ở Philippines", "AsDB", "label"),
    ("NATO in Belgium", "NATO", "key"),
    # a historical state's adjective before one lower-case word of its form
    ("the Bavarian kingdom", "BAV", "adjectival-form"),
    # the wrong answers' classes, answered right
    ("the Karađorđević kingdom of Serbia", "SER", "label"),
    ("quốc gia Bắc Âu Na Uy giáp Thụy Điển", "NOR", "label"),
]

#: a state's capital for its government in the year its state ended and its successor began
AMBIGUOUS = [
    ("the Moscow government in 1922", {"RSFSR", "SUN"}),
]

NO_MATCH = [
    "the Savoy kingdom of Italy",        # a monarchy's head: the Kingdom of Italy (convention B)
    "the Second Philippine Republic",    # D: before the Philippines' COW years (1946)
    "First Republic of Armenia",         # D: before Armenia's COW years (1991)
    "Gaza",                              # E: a territory
    "Chính quyền Dân tộc Palestine",     # E: a governing body
    "Bờ Tây",                            # E: the West Bank
    "the Palestinian National Authority",  # E: a governing body
    "the Adriatic state of Austria",     # the region contradicts the name
    "vương quốc miền núi Nepal",         # "vương quốc" does not fit Nepal (convention B)
    "the World Bank in Kenya",           # its headquarters are not in Kenya (an office there)
]


# the names tried beyond the lists: in no list, matched, ambiguous, left unmatched
# (the four tests every round file makes, tests/linking/name_checks.py)
(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)


def test_a_state_that_ended_in_the_year_names_its_successor(matcher):
    """The ambiguity of a capital's government in a year of change says which state ended."""
    res = matcher.match("the Moscow government in 1991")
    assert res.ambiguous and {c.entity.key for c in res.candidates} >= {"SUN", "RUS"}, res.note
    assert "the successor of a state that ended in 1991" in res.note, res.note


def test_an_ordinal_republic_says_cow_counts_the_state(matcher):
    """Convention D's evidence names COW's years; a younger state's says why it is no match."""
    res = matcher.match("the Third French Republic")
    assert res.best is not None and "convention D" in res.best.evidence, res.best
    res = matcher.match("the Second Philippine Republic")
    assert res.best is None and "counts only from 1946" in res.note, res.note
