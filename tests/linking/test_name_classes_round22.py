"""The classes of names the twenty-second linking round handles (docs/linking.md, "Twenty-second
round"), found in ``names_test23.csv`` and ``names_test24.csv`` (round 21's unseen lists, round
22's development lists) and tried here on names of no evaluation list:

- precision: a bloc word before an acronym ("khối", "bloc") says what the body is, and the
  acronym decides (not a body whose name holds the bloc word and a word of the acronym's
  name); "tổ chức" (an organisation) before the words of an instrument's name reads the
  organisation of the instrument, never the instrument; a body's office in a country or a
  city is no match (the lists' conventions);
- two states named together ("the two Koreas", "hai nước Yemen"): ambiguous with the states
  of the name whose years overlap, never one record.
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, key_of, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test25.csv", "names_test26.csv"})

#: a bloc word before or after an acronym: the acronym's body (the Vietnamese head before the
#: acronym is round 7's generic-head reading, which the body-of-organisation reading no longer
#: overrides)
BLOCS = [
    ("khối ASEAN", "ASEAN", "generic-head"),
    ("the NATO bloc", "NATO", "acronym-with-kind-word"),
    ("the SADC bloc", "SADC", "acronym-with-kind-word"),
    ("khoi EU", "EU", "generic-head"),
]

#: "tổ chức" before an instrument's name: the organisation of the instrument
INSTRUMENTS = [
    ("Tổ chức Công ước Vũ khí Hóa học", "OPCW", "organisation-of-instrument"),
]

#: names the instrument guard must leave as they were: "tổ chức" read as a word of the name
INSTRUMENTS_KEPT = [
    ("Tổ chức Hiệp ước An ninh Tập thể", "CSTO"),      # Collective Security Treaty Organization
    ("Tổ chức Hiệp ước Bắc Đại Tây Dương", "NATO"),   # an earlier list's row
    ("Công ước Vũ khí Hóa học", "CWC"),                 # no head word: the convention
]

#: a body's office in a place: no match (session 26: a UN agency's office is the agency under
#: convention F, tried in ``test_name_classes_round50.py``; another organisation's is not)
OFFICES = [
    "the OSCE office in Bishkek",
    "văn phòng ASEAN tại Hà Nội",
    "van phong ASEAN tai Viet Nam",
    "the EU office in Bangkok",
]

#: two states named together: ambiguous with these records
PAIRS = [
    ("the two Yemens", {"YAR", "YMD"}),
    ("both Germanys", {"GFR", "DDR"}),
    ("the two Congos", {"COG", "COD"}),
    ("hai miền Việt Nam", {"RVN", "VDR"}),
    ("hai nuoc Sudan", {"SDN", "SSD"}),
]


def _tried() -> list[str]:
    return ([n for n, _, _ in BLOCS] + [n for n, _, _ in INSTRUMENTS]
            + [n for n, _ in INSTRUMENTS_KEPT] + OFFICES + [n for n, _ in PAIRS]
            + ["the two Frances", "the UNHCR office", "the two Koreas"])


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    # (two are lists' own rows, checked here because the new readings sit on them)
    own_rows = {"the two Koreas", "Tổ chức Hiệp ước Bắc Đại Tây Dương"}
    tried = [n for n in _tried() if n not in own_rows]
    assert not [n for n in tried if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), BLOCS)
def test_a_bloc_word_with_an_acronym_is_the_acronyms_body(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


def test_the_bloc_word_names_no_body_of_the_acronym(matcher):
    """COMESA's name holds "Eastern": "khối" (bloc) + "Eastern" is the Eastern Bloc's name,
    which no reading may give for "khối COMESA" (names_test23.csv's wrong answer)."""
    res = matcher.match("khối COMESA")
    assert key_of(res) == "COMESA", res.note


@pytest.mark.parametrize(("name", "key", "method"), INSTRUMENTS)
def test_an_organisation_of_an_instrument(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(("name", "key"), INSTRUMENTS_KEPT)
def test_the_instrument_guard_keeps_these(matcher, name, key):
    res = matcher.match(name)
    assert key_of(res) == key and not res.ambiguous, (name, res.note)


@pytest.mark.parametrize("name", OFFICES)
def test_a_bodys_office_in_a_place_is_no_match(matcher, name):
    assert_no_match(matcher, name)
    assert "names an office of" in matcher.match(name).note


def test_an_office_without_a_place_is_read_as_before(matcher):
    """Without a place the office words restate the body's own head ("Office of the United
    Nations High Commissioner for Refugees"): round 17's reading stays."""
    assert key_of(matcher.match("the UNHCR office")) == "UNHCR"


@pytest.mark.parametrize(("name", "keys"), PAIRS)
def test_two_states_named_together_are_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


def test_a_pair_holds_only_the_states_that_coexisted(matcher):
    """Today's Germany succeeded both; the German Reich ended in 1945; the Korean Empire
    (1887-1905) is not read as coexisting with today's Koreas, whose start the registry does
    not give."""
    got = {c.entity.key for c in matcher.match("both Germanys").candidates}
    assert got == {"GFR", "DDR"}
    got = {c.entity.key for c in matcher.match("the two Koreas").candidates}
    assert got == {"KOR", "PRK"}


def test_a_pair_of_one_state_is_no_match(matcher):
    res = matcher.match("the two Frances")
    assert res.best is None and not res.ambiguous and res.note.startswith("no match: ")


#: a state after a descriptor of region, kind and regime words (none of these in a list)
REGION_FRAMES = [
    ("the Balkan state of Serbia", "SRB"),
    ("the East African state of Kenya", "KEN"),
    ("đảo quốc Thái Bình Dương Fiji", "FJI"),
    ("vương quốc Trung Đông Jordan", "JOR"),
    ("chính quyền quân sự Myanmar", "MMR"),
]

#: frames round 19's press reading knows: read by it, the region checked first (none in a list)
REGION_FRAMES_ROUND19 = [
    ("the East African nation of Kenya", "KEN"),
    ("quốc gia Đông Nam Á Lào", "LAO"),
]

#: descriptors that contradict the state: no match
REGION_CONTRADICTIONS = [
    "the West African state of Nepal",        # COW 790: not Western Africa
    "quốc gia Tây Phi Nhật Bản",               # Japan, COW 740
    "the Himalayan kingdom of Nepal",          # a monarchy Nepal's long forms no longer name
    "đảo quốc Caribe Fiji",                    # Fiji, COW 950: not the Caribbean
]


@pytest.mark.parametrize(("name", "key"), REGION_FRAMES)
def test_a_state_after_a_region_descriptor(matcher, name, key):
    assert_matches(matcher, name, key, "region-frame")


@pytest.mark.parametrize(("name", "key"), REGION_FRAMES_ROUND19)
def test_a_round19_frame_is_still_read_by_it(matcher, name, key):
    res = matcher.match(name)
    assert key_of(res) == key and "a press frame around" in res.best.evidence, res.note


@pytest.mark.parametrize("name", REGION_CONTRADICTIONS)
def test_a_descriptor_that_contradicts_the_state_is_no_match(matcher, name):
    assert_no_match(matcher, name)


def test_the_region_evidence_names_the_cow_code(matcher):
    ev = matcher.match("the East African state of Kenya").best.evidence
    assert "COW code 501" in ev and "Eastern Africa (M49)" in ev


def test_a_region_descriptor_leaves_a_state_of_that_name_alone(matcher):
    """"Nam Phi" is a region's words and South Africa's Vietnamese name: with nothing after
    it, it stays the state."""
    assert key_of(matcher.match("quốc gia Nam Phi")) == "ZAF"


def test_the_region_names_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = ([n for n, _ in REGION_FRAMES + REGION_FRAMES_ROUND19] + REGION_CONTRADICTIONS
             + ["quốc gia Nam Phi"])
    assert not [n for n in tried if n.lower() in names]


#: a body by its seat and field (SupraVerden's headquarters; none of these in a list)
SEATS = [
    ("the Paris-based lender", "Council-of-Europe-Development-Bank"),
    ("the Vienna-based nuclear agency", "IAEA"),         # "nuclear" read as "atomic"
    ("the Abidjan-based development bank", "AfDB"),
]


@pytest.mark.parametrize(("name", "key"), SEATS)
def test_a_body_by_its_seat_and_field(matcher, name, key):
    assert_matches(matcher, name, key, "seat-and-field")


def test_several_bodies_of_one_seat_and_field_are_ambiguous(matcher):
    assert_ambiguous(matcher, "the Rome-based food agency", {"FAO", "WFP"})


def test_a_seat_written_as_a_building_makes_a_rival(matcher):
    """EFTA sits in Geneva; the WTO's headquarters are written as a building in Switzerland
    (SupraVerden: "Centre William Rappard"), so it may sit in Geneva too: a description both
    names fit is ambiguous; one only EFTA's name fits ("free") is EFTA."""
    assert_ambiguous(matcher, "the Geneva-based trade organisation", {"EFTA", "WTrO"})
    assert_matches(matcher, "the Geneva-based free trade body", "EFTA", "seat-and-field")


@pytest.mark.parametrize("name", ["the Lyon-based lender",        # no bank sits in Lyon
                                  "the Vienna-based shipping agency"])
def test_a_seat_with_no_fitting_body_is_no_match(matcher, name):
    assert_no_match(matcher, name)


@pytest.mark.parametrize(("name", "key"), [("the 57-member OIC",
                                            "Organisation-of-Islamic-Cooperation"),
                                           ("the 21-member APEC", "APEC")])
def test_a_count_of_members_before_a_name_is_the_name(matcher, name, key):
    assert key_of(matcher.match(name)) == key


def test_the_seat_names_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = [n for n, _ in SEATS] + ["the Lyon-based lender", "the Vienna-based shipping agency",
                                     "the Rome-based food agency", "the 57-member OIC",
                                     "the 21-member APEC", "the Geneva-based free trade body",
                                     "the Geneva-based trade organisation"]
    assert not [n for n in tried if n.lower() in names]


#: a UN body by its field, its own English name saying it is the UN's (none in a list)
UN_BODIES = [
    ("the UN population agency", "UNFPA"),
    ("the UN's trade and development body", "UNCTAD"),
]


@pytest.mark.parametrize(("name", "key"), UN_BODIES)
def test_a_un_body_by_its_field(matcher, name, key):
    assert_matches(matcher, name, key, "un-body-by-field")


@pytest.mark.parametrize("name", ["the UN climate agency",       # a secretariat, a panel
                                  "the UN human rights agency"])  # a council, an office
def test_a_un_body_whose_head_does_not_fit_is_not_read(matcher, name):
    res = matcher.match(name)
    assert res.best is None, (name, res.note)


def test_the_un_body_names_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = [n for n, _ in UN_BODIES] + ["the UN climate agency", "the UN human rights agency"]
    assert not [n for n in tried if n.lower() in names]


@pytest.mark.parametrize(("words", "reading"), [
    ("kiến tạo hòa bình", {"peacebuilding"}),
    ("an sinh xã hội", {"social", "security"}),
    ("thủy điện", {"hydropower"}),
    ("đáy đại dương", {"seabed"}),
    ("châu Mỹ Latinh", {"latin", "america"}),
    ("vận tải hàng không", {"air", "transport"}),
])
def test_the_rounds_general_vocabulary(words, reading):
    """Round 22's glossary words (ordinary Vietnamese words with their English meaning)."""
    from diplograph.linking.glossary import Glossary

    assert frozenset(reading) in Glossary.load().phrase_readings(words)
