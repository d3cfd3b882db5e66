"""The classes of names the twelfth linking round handles (docs/linking.md, "Twelfth round"),
found in ``names_test13.csv`` (round 11's unseen list, round 12's development list):

1. the Vietnamese press's nicknames of states ("Xứ sở Kim chi", "Đất nước Triệu voi"), each
   with a page that uses it (``linking/names/common_vi.yaml``); a nickname given to two states
   ("Xứ sở Chùa Vàng": Thailand and Myanmar) is ambiguous;
2. bodies the registry holds that were refused as "a body the registry does not hold": a court
   named without its "of Justice" ("ECOWAS Court"), a body of an organisation whose acronym
   another body shares ("Economic Court of the CIS"), the Vietnamese "Hội đồng Nghị viện"
   (Parliamentary Assembly);
3. historical states: a regime the registry does not hold is no match, never today's state
   (convention B: "Slovak State", "Independent State of Croatia"); older names of held
   historical states ("Turkish Empire", "Nizam's Hyderabad");
4. one name for two historical states ("Habsburg Monarchy", "Boer Republic") or one office
   title for two offices ("UN High Commissioner"): ambiguous, in both languages;
5. Vietnamese words and press abbreviations the glossary lacked (whaling, pepper, commodities,
   chemicals, prosecutor; "UB", "HĐNQ"), and transliterations of forms the registry does not
   write (the spoken "Gai-a-na", the French "Cô-mo").

Each class is tried beyond the list: the names below are in no evaluation list (checked here).
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, list_names

#: (name, registry key, method): matches of the round's classes on names no list holds
BEYOND_MATCHES = [
    # (1) press nicknames of one state
    ("Đất nước Mặt trời mọc", "JPN", "common-name"),
    ("Xứ Phù Tang", "JPN", "common-name"),
    ("Miền đất Triệu voi", "LAO", "common-name"),
    ("Đất nước Chùa Tháp", "KHM", "common-name"),
    # (2) bodies the registry holds
    ("Tòa án ECOWAS", "ECOWAS-Court-of-Justice", "body-of-organisation"),
    ("CIS Economic Court", "Economic-Court-of-the-Commonwealth-of-Independent-States",
     "body-of-organisation"),
    ("EU Court", "CJEU", "body-of-organisation"),
    # (3) an older name of a held historical state
    ("Nizam's Dominions", "HYD", "historical-name"),
    # (5) glossary words and press abbreviations
    ("Hội đồng Nhân quyền LHQ", "UNHRC", "calque-vi"),
    ("UB Kinh tế châu Âu", "ECE", "calque-vi"),
    ("Xoa-di-lan", "SWZ", "common-name"),
]

#: (name, candidates): ambiguous names of the round's classes that no list holds
BEYOND_AMBIGUOUS = [
    ("Đất nước Chùa Vàng", ["THA", "MMR"]),
    ("Habsburg Empire", ["AUSTRIAN-EMPIRE", "AUH"]),
    ("Quân chủ Habsburg", ["AUSTRIAN-EMPIRE", "AUH"]),
    ("United Nations High Commissioner", ["UNHCR", "OHCHR"]),
    ("Cao ủy Liên Hợp Quốc", ["UNHCR", "OHCHR"]),
]

#: regimes the registry does not hold (convention B): no match, never today's state
BEYOND_NO_MATCH = ["First Slovak Republic", "Nhà nước Slovakia", "NDH"]


#: lists written after these names, independently of them (names_test14.csv, the round's unseen
#: list, happens to hold two of them: `Habsburg Empire`, `Quân chủ Habsburg`)
LATER_LISTS = frozenset({"names_test14.csv", "names_test15.csv"})


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = [n for n, _, _ in BEYOND_MATCHES] + [n for n, _ in BEYOND_AMBIGUOUS] + BEYOND_NO_MATCH
    assert not [n for n in tried if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), BEYOND_MATCHES)
def test_the_classes_match_names_beyond_the_list(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(("name", "keys"), BEYOND_AMBIGUOUS)
def test_names_of_two_entities_beyond_the_list_are_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, set(keys))


@pytest.mark.parametrize("name", BEYOND_NO_MATCH)
def test_a_regime_the_registry_does_not_hold_is_no_match(matcher, name):
    assert_no_match(matcher, name)
    res = matcher.match(name)
    assert "does not hold" in res.note, res.note


def test_a_nickname_carries_its_source(matcher):
    res = matcher.match("Xứ sở Kim chi")
    assert res.best is not None and res.best.entity.key == "KOR"
    assert "toplist.vn" in res.best.evidence


def test_todays_states_keep_their_names(matcher):
    """The regimes' names take nothing from today's states."""
    assert_matches(matcher, "Slovakia", "SVK", "label")
    assert_matches(matcher, "Slovak Republic", "SVK", "alias")
    assert_matches(matcher, "Republic of Croatia", "HRV", "alias")


@pytest.mark.parametrize("name", ["CIS Council", "Court of the CIS", "IMO Court", "UN Court"])
def test_a_body_must_name_its_organisation(matcher, name):
    """The body fix stays precision-safe: a body's name must name the organisation (one of its
    English names whole, or its acronym); a court is not any court that shares a word with the
    organisation ("Court of the CIS" is not the International Court of Justice through the
    International Science Council, which also writes CIS), and an organisation's own words
    name no body ("CIS Council")."""
    assert_no_match(matcher, name)


def test_generic_court_names_stay_ambiguous(matcher):
    """A court named without "of Justice" matches only as a body of a named organisation; a
    generic name ("International Court", "Tòa án Caribe") stays ambiguous."""
    assert_ambiguous(matcher, "Tòa án Quốc tế", {"ICJ", "ICCt"})
    assert_ambiguous(matcher, "Tòa án Caribe",
                     {"Caribbean-Court-of-Justice", "Eastern-Caribbean-Supreme-Court"})
