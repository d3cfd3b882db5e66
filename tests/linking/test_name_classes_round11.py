"""The classes of names the eleventh linking round handles (docs/linking.md, "Eleventh round"),
found in ``names_test12.csv`` (round 10's unseen list, round 11's development list):

1. Vietnamese names of organisations whose ordinary words the glossary lacked: the glossary now
   covers the most frequent content words of the registry's own English organisation names, and
   a proper name a Vietnamese name keeps as it is ("Kế hoạch Colombo") is read as itself;
2. a state named with its capital in brackets ("Yemen (Aden)") or with a regime's word
   ("Democratic Yemen"): the state of that name the capital or the word points to;
3. historical states' other names (an inverted registry alias read in the usual order, a
   dynasty's state written "X triều", era names), a colony's name that ISO 3166-3 gives to its
   successor's code (no match), a territory's name that a body holds as its acronym (no match);
4. a state's ISO code that a body holds as its own acronym (ambiguous), a generic name shared by
   the bodies of one family ("UN Economic Commission": the five regional commissions).

Each class is tried beyond the list: for (1), Vietnamese names of organisations that no
evaluation list holds (checked here)."""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, key_of, list_names

from diplograph.linking.candidates import KIND_GROUPS
from diplograph.linking.glossary import Glossary, content_words

# -- (1) the glossary covers the registry's own vocabulary -----------------------------------

#: Vietnamese names of organisations in no evaluation list (each written from the English name
#: with the glossary's usual renderings; the key is the registry entity)
NEW_VI_ORGS = [
    ("Tổ chức Cà phê Quốc tế", "ICfO"),  # International Coffee Organization
    ("Tổ chức Ca cao Quốc tế", "ICCO"),  # International Cocoa Organization
    ("Trường Đại học Liên Hợp Quốc", "UNU"),  # United Nations University
    # (round 43: "Ủy ban sông Danube", the Danube Commission with "sông", river, left out, is
    # now the Danube's river commissions, ambiguous, as four writers' lists (24, 49, 63, 67)
    # give "the Danube river commission" and its Vietnamese forms: test_name_classes_round43.py)
    ("Viện Nghiên cứu Lúa gạo Quốc tế", "IRRI"),  # International Rice Research Institute
    ("Văn phòng Sáng chế châu Âu", "EPO"),  # European Patent Office
    ("Ủy ban Cá ngừ Ấn Độ Dương", "IOTC"),  # Indian Ocean Tuna Commission
    ("Tổ chức Gỗ Nhiệt đới Quốc tế", "ITTO"),  # International Tropical Timber Organization
    ("Ủy ban Bảo vệ Môi trường Biển Baltic", "HELCOM"),  # Baltic Marine Env. Protection Comm.
    ("Ủy ban Cá voi Quốc tế", "IWhale"),  # International Whaling Commission
]


#: lists written after these names, independently of them (names_test13.csv, the round's unseen
#: list, happens to hold the tropical timber organisation's name too)
LATER_LISTS = frozenset({"names_test13.csv", "names_test14.csv", "names_test15.csv"})


def test_the_new_names_are_in_no_list():
    names = list_names(LATER_LISTS)
    assert not [n for n, _ in NEW_VI_ORGS if n.lower() in names]


@pytest.mark.parametrize(("name", "key"), NEW_VI_ORGS)
def test_vietnamese_names_beyond_the_lists_are_read_word_by_word(matcher, name, key):
    assert_matches(matcher, name, key, "calque-vi")


def test_the_glossary_covers_most_of_the_registrys_organisation_words(registry):
    """The measured coverage (docs/linking.md): of the distinct content words of the English
    labels of the registry's organisations, the share the glossary gives; and the share of
    organisations whose every label word it gives (before round 11: 0.134 and 0.215)."""
    g = Glossary.load()
    glossed = {w for readings in g.phrases.values() for r in readings for w in r}
    orgs = [e.labels["en"] for e in registry.entities
            if e.kind in KIND_GROUPS["organisation"] and "en" in e.labels]
    words = set().union(*(content_words(t) for t in orgs))
    assert len(orgs) > 1000 and len(words) > 1000
    assert len(words & glossed) / len(words) >= 0.33
    full = sum(1 for t in orgs if content_words(t) <= glossed)
    assert full / len(orgs) >= 0.50


def test_a_kept_proper_name_reads_as_itself_only_beside_vietnamese_words(matcher):
    assert_matches(matcher, "Kế hoạch Colombo", "Colombo-Plan", "calque-vi")
    assert_matches(matcher, "Liên minh Maghreb Ả Rập", "AMU", "calque-vi")
    g = matcher._calques.glossary
    assert "colombo" in g.proper and "maghreb" in g.proper
    # an English name is not read through the glossary (no Vietnamese word in it)
    assert g.readings("Colombo Plan") == []
    # an acronym written in capitals in the registry is no kept word ("Hội đồng EU" stays
    # ambiguous between the two councils)
    assert "eu" not in g.proper
    assert_ambiguous(matcher, "Hội đồng EU", {"EUCO", "Council-of-the-European-Union"})


# -- (2) a capital in brackets, a regime's word ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Yemen (Aden)", "YMD"),
        ("Yemen (Sanaa)", "YAR"),  # Sanaa: North Yemen's, then united Yemen's; the brackets
        # tell apart states of one name at one time
        ("Germany (Bonn)", "GFR"),  # beyond the list
        ("Korea (Pyongyang)", "PRK"),
    ],
)
def test_a_state_named_with_its_capital_in_brackets(matcher, name, key):
    assert_matches(matcher, name, key, "qualified")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Democratic Yemen", "YMD"),
        ("Arab Yemen", "YAR"),  # beyond the list
        ("People's Yemen", "YMD"),
        ("Democratic Germany", "DDR"),
        ("Democratic Vietnam", "VDR"),
        ("Dân chủ Yemen", "YMD"),
    ],
)
def test_a_regime_word_before_a_shared_name(matcher, name, key):
    assert_matches(matcher, name, key, "official-form")


@pytest.mark.parametrize(
    ("name", "key"),
    # the state's own long forms have the word, or the word is no regime's: unchanged
    [("Federal Germany", "DEU"), ("Islamic Iran", "IRN"), ("Republic of Mongolia", "MNG"),
     ("Nước Nga", "RUS"), ("Nước Nhật", "JPN"), ("Yemen", "YEM")],
)
def test_other_forms_stay_with_todays_state(matcher, name, key):
    assert key_of(matcher.match(name)) == key


# -- (3) historical states' other names, colonies, territories ------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Former Yugoslav Republic of Macedonia", "MKD"),
        ("FYR Macedonia", "MKD"),  # beyond the list: World Bank's "Macedonia, FYR"
    ],
)
def test_an_inverted_registry_alias_in_the_usual_order(matcher, name, key):
    assert_matches(matcher, name, key, "alias")


def test_no_false_uninverted_name(matcher):
    assert_no_match(matcher, "Abode of Peace Nation of Brunei")


@pytest.mark.parametrize(
    ("name", "key"),
    [("Thanh triều", "QING"), ("Triều Thanh", "QING"), ("Vương triều Thanh", "QING"),
     ("Triều đại Nguyễn", "DAI-NAM"), ("Wilhelmine Germany", "GERMAN-REICH"),
     ("Second Reich", "GERMAN-REICH")],
)
def test_historical_states_other_names(matcher, name, key):
    assert_matches(matcher, name, key, "historical-name")


def test_a_colony_name_iso_gives_its_successors_code_is_no_match(matcher):
    assert_no_match(matcher, "Southern Rhodesia")
    assert key_of(matcher.match("Rhodesia")) == "ZWE"  # the state COW counts from 1965


def test_a_territory_is_not_the_body_holding_its_name_as_acronym(matcher):
    res = matcher.match("Guam")
    assert res.best is None and not res.ambiguous
    assert "Guam (GUM)" in res.note
    assert key_of(matcher.match("GUAM")) == "GUAM-Organization-for-Democracy-and-Economic-Development"
    # an acronym written as a word is still the body when it is no place's name
    assert key_of(matcher.match("Nato")) == "NATO"


# -- (4) ambiguity -----------------------------------------------------------------------------


def test_a_states_iso_code_a_body_holds_as_its_own_acronym_is_ambiguous(matcher):
    assert_ambiguous(matcher, "CAF",
                     ["CAF", "CAF-Development-Bank-of-Latin-America-and-the-Caribbean"])
    # an organisation's acronym a body named after it carries is still the organisation
    assert key_of(matcher.match("ECO")) == "ECO"


FIVE = {"ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"}


@pytest.mark.parametrize(
    "name", ["UN Economic Commission", "Ủy ban Kinh tế Liên Hợp Quốc",
             "United Nations Economic Commission", "Economic Commission", "Ủy ban Kinh tế"],
)
def test_a_generic_name_of_the_regional_commissions_is_ambiguous(matcher, name):
    assert_ambiguous(matcher, name, FIVE)


# -- single names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Đặc khu Hồng Kông", "đặc khu Hong Kong", "Đặc khu hành chính Hồng Kông"])
def test_the_special_region_word_before_a_territorys_name(matcher, name):
    assert key_of(matcher.match(name)) == "hong-kong"


def test_the_special_region_word_alone_names_nothing(matcher):
    assert_no_match(matcher, "Đặc khu Kinh tế")


def test_a_stop_word_that_begins_a_listed_phrase_is_read_as_the_phrase(matcher):
    """"ve" is "về" (of, left out) and the first word of "vệ tinh" (satellite); "o" is "ở"
    and the first word of "ô liu" (olive): the phrase is tried first."""
    assert_matches(matcher, "Trung tâm Vệ tinh Liên minh châu Âu", "EUSC", "calque-vi")
    assert_matches(matcher, "Hội đồng Ô liu Quốc tế", "IOC-org", "calque-vi")
    # "về" before a word that begins no phrase is still left out
    assert_matches(matcher, "Hội nghị La Haye về Tư pháp Quốc tế", "HCPIL", "calque-vi")
