"""The classes of names the thirty-first linking round handles (docs/linking.md,
"Thirty-first round"), named by the lead from round 30's unseen run (``names_test41.csv``
and ``names_test42.csv``, this round's development lists) and tried here on names of no
evaluation list:

- convention H: a state's office that stands for the state, read as its government: its
  foreign ministry in both languages ("Bộ Ngoại giao X", "X's foreign ministry", "the
  foreign ministry of X", "<capital>'s foreign ministry"), and the offices of its head of
  state or government in Vietnamese ("Phủ Thủ tướng X", "Phủ Tổng thống X", "Văn phòng
  Tổng thống X"); an organisation is no state ("Bộ Ngoại giao NATO");
- seats of government named by a building (rows of press_en.yaml and common_vi.yaml, each
  with its source) with their kind of building or their city around them ("the Casa Rosada
  presidential palace", "Buenos Aires's Casa Rosada"): the city must be a capital of the
  state the seat names;
- governments by a capital with a qualifier of the moment ("Lima's ruling coalition"; not
  "communist", a regime's word), by a state with its seat after it ("the Hungarian
  government in Budapest"; the seat checked), and "chính phủ <capital> năm <year>" read as
  "chính quyền" is;
- a capital or a seat with the year a state ended or began is ambiguous between the state
  and its successor or predecessor ("the Kremlin in 1922"); the state's own name with that
  year stays the state ("the Soviet Union in 1991");
- convention F's organ of an organisation with a possessive or its seat after it
  ("CARICOM's secretariat in Georgetown", "Ban Thư ký CARICOM ở Georgetown"): the organisation,
  the seat checked where SupraVerden gives the headquarters;
- a government by the movement that ruled the state, in its years ("the Khmer Rouge
  authorities in 1976", "Ba'athist Syria"; ``movements`` of predecessors.yaml);
- the wrong answers' classes: a body SupraVerden gives another organisation's family of
  bodies is no body of an organisation whose name its name does not hold ("the SADC
  commission" is SADC under F, never a UN commission); "Xã hội" (social) in a long form no
  name of the state has is no match (the Italian Social Republic, convention G).
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test43.csv", "names_test44.csv"})

MATCHES = [
    # convention H: foreign ministries, and offices of a head of state or government
    ("Bộ Ngoại giao Peru", "PER", "label"),
    ("Bộ Ngoại giao Hy Lạp", "GRC", "label"),
    ("Phủ Tổng thống Indonesia", "IDN", "label"),
    ("Văn phòng Thủ tướng Thái Lan", "THA", "label"),
    ("the Peruvian foreign ministry", "PER", "government-form"),
    ("Ghana's foreign ministry", "GHA", "government-form"),
    ("the foreign ministry of Kenya", "KEN", "government-form"),
    ("Norway's Ministry of Foreign Affairs", "NOR", "government-form"),
    ("Ankara's foreign ministry", "TUR", "capital-government"),
    # seats by their building, with their kind of building or their city
    ("the Casa Rosada presidential palace", "ARG", "press-description"),
    ("Buenos Aires's Casa Rosada", "ARG", "press-description"),
    ("the Casa Rosada in Buenos Aires", "ARG", "press-description"),
    ("the Kantei in Tokyo", "JPN", "press-description"),
    ("the Quirinal Palace in Rome", "ITA", "press-description"),
    ("Seoul's Blue House", "KOR", "press-description"),
    ("the Blue House in 2010", "KOR", "qualified-period"),
    # governments by a capital with a qualifier, by a state with its seat
    ("Lima's ruling coalition", "PER", "capital-government"),
    ("Bratislava's new government", "SVK", "capital-government"),
    ("Tallinn's coalition government", "EST", "capital-government"),
    ("the Hungarian government in Budapest", "HUN", "government-form"),
    ("Kenya's government in Nairobi", "KEN", "government-form"),
    ("chính phủ Ba Lan ở Warszawa", "POL", "government-form"),
    ("chính phủ Phnom Penh năm 1980", "KHM", "qualified-period"),
    ("chính phủ Hà Nội năm 1970", "VDR", "qualified-period"),
    # the state's own name with the year it ended stays that state
    ("the Soviet Union in 1991", "SUN", "qualified-period"),
    ("West Germany in 1990", "GFR", "qualified-period"),
    # F still reads a commission the registry lacks as its organisation
    ("the SADC commission in Gaborone", "SADC", "organisation-seat"),
    # F's organ with a possessive or its seat after it
    ("CARICOM's secretariat in Georgetown", "CARICOM", "organisation-seat"),
    ("the IGAD secretariat in Djibouti", "IGAD", "organisation-seat"),
    ("Ban Thư ký CARICOM ở Georgetown", "CARICOM", "organisation-seat"),
    ("ECOWAS's commission in Abuja", "ECOWAS", "organisation-seat"),
    ("the Andean Community's general secretariat in Lima", "Andean", "organisation-seat"),
    # a government by the movement that ruled the state (movements of predecessors.yaml)
    ("the Khmer Rouge authorities in 1976", "KHM", "qualified-period"),
    ("Sandinista Nicaragua in 1985", "NIC", "qualified-period"),
    ("the KMT government in 1955", "TWN", "qualified-period"),
    ("chính quyền Bôn-sê-vích năm 1920", "RSFSR", "qualified-period"),
    ("Ba'athist Syria", "SYR", "qualified-period"),
]

AMBIGUOUS = [
    # a seat or a capital with the year a state ended and its successor began
    ("the Kremlin in 1922", ["RSFSR", "SUN"]),
    ("Moscow's Kremlin in 1991", ["SUN", "RUS"]),
]

NO_MATCH = [
    # an organisation has no foreign ministry of a state's
    "Bộ Ngoại giao NATO",
    "the NATO foreign ministry",
    # a seat with a city that is no capital of its state
    "the Casa Rosada in Santiago",
    "the Kantei in Seoul",
    # a state's government with a seat that is none of its capitals
    "the Hungarian government in Vienna",
    "chính phủ Ba Lan ở Praha",
    # "communist" is a regime's word, not a qualifier of the moment
    "Santiago's communist government",
    # a social republic's long form no name of the state has
    "Cộng hòa Xã hội Đức",
    # a movement in a year it did not rule, before a state it did not rule, or with a seat
    # that is no capital of its state
    "the Khmer Rouge government in 1985",
    "Ba'athist Jordan",
    "the Kuomintang government in Seoul in 1960",
]


# the names tried beyond the lists: in no list, matched, ambiguous, left unmatched
# (the four tests every round file makes, tests/linking/name_checks.py)
(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)


def test_an_office_names_how_it_was_read(matcher):
    """The evidence of a foreign ministry says it was read as the state's government."""
    res = matcher.match("Bộ Ngoại giao Peru")
    assert res.best is not None and "office" in res.best.evidence, res.best


def test_a_new_seat_row_carries_its_source(matcher):
    """The seat rows of this round name what the building houses and where that was read."""
    res = matcher.match("South Block")
    assert res.best is not None and res.best.entity.key == "IND", res
    assert "Ministry of External Affairs" in res.best.evidence, res.best.evidence  # what
    assert "The Telegraph" in res.best.evidence, res.best.evidence  # where it was read
    assert "External Affairs" in res.best.evidence, res.best.evidence


def test_a_social_republic_offers_the_state_as_the_closest(matcher):
    res = matcher.match("Cộng hòa Xã hội Đức")
    assert res.best is None and not res.ambiguous, res
    assert res.candidates and res.candidates[0].entity.key == "DEU", res
    assert "social republic" in res.note, res.note


def test_a_body_of_another_family_is_no_body_of_the_organisation(matcher):
    """The UN's Economic Commission for Africa has CEMAC's words "economic" and "Africa" but
    is of the UN's family of bodies: "the CEMAC commission" is CEMAC (F), not it."""
    res = matcher.match("the CEMAC commission")
    assert res.best is not None and res.best.entity.key == "CEMAC", res
