"""The classes of names the twenty-third linking round handles (docs/linking.md, "Twenty-third
round"), found in ``names_test25.csv`` and ``names_test26.csv`` (round 22's unseen lists, round
23's development lists) and tried here on names of no evaluation list:

- convention C: a state named by an earlier leader Archigos holds is today's state when the
  registry holds no record of those years and the leader led no monarchy the state no longer
  is (``monarchies_ended`` of predecessors.yaml, or a monarch's title or regnal number);
  a name with a former regime's own words stays no match whoever is named;
- a leader Archigos shares with other states' leaders is read among the leaders of the state
  named; a word of a title or of another leader's name is no surname;
- a leader after Archigos' last year ("<person>'s <state>"): today's state, never a place's
  or an entity's name before the possessive.
"""

from __future__ import annotations

import pytest
from name_checks import assert_matches, assert_no_match, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test27.csv", "names_test28.csv"})

#: convention C: an earlier leader of a state that was no monarchy then: today's state
EARLIER_LEADERS = [
    ("Kadar's Hungary", "HUN"),
    ("Stroessner's Paraguay", "PRY"),
    ("Nyerere's Tanzania", "TZA"),
    ("Chile under Allende", "CHL"),
    ("Nkrumah's Ghana", "GHA"),
    ("Salazar's Portugal", "PRT"),        # the Portuguese monarchy ended in 1910
    ("Perón's Argentina", "ARG"),
    ("Sihanouk's Cambodia", "KHM"),       # a monarchy today
]

#: a name Archigos gives leaders of several states: read among the state's leaders
SHARED_NAMES = [
    ("Cuba under Fidel Castro", "CUB"),   # Archigos' "Castro", not "Raul Castro"
    ("Ecuador under Castro", "ECU"),
]

#: convention C with B: a leader of a monarchy the state no longer is, the registry holding no
#: record of it; a republic's words for a monarchy of today
MONARCHY_THEN = [
    "Farouk's Egypt",
    "Idris's Libya",
    "Iraq under Faisal II",
    "Mussolini's Italy",
    "Laos thời Souvanna Phouma",
]

#: a leader after Archigos' last year (2015): today's state
LATER_LEADERS = [
    ("Tinubu's Nigeria", "NGA"),
    ("Albanese's Australia", "AUS"),
]

#: a place or an entity's name before the possessive is no leader
NO_LEADER = ["Europe's Union", "Africa's Kenya", "Nairobi's Kenya"]


def _tried() -> list[str]:
    return ([n for n, _ in EARLIER_LEADERS] + [n for n, _ in SHARED_NAMES] + MONARCHY_THEN
            + [n for n, _ in LATER_LEADERS] + NO_LEADER + ["nhà Thanh thời Gia Khánh"])


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    assert not [n for n in _tried() if n.lower() in names]


@pytest.mark.parametrize(("name", "key"), EARLIER_LEADERS + SHARED_NAMES + LATER_LEADERS)
def test_a_leader_names_todays_state(matcher, name, key):
    assert_matches(matcher, name, key, "ruler")


@pytest.mark.parametrize("name", MONARCHY_THEN)
def test_a_leader_of_a_monarchy_it_no_longer_is_is_no_match(matcher, name):
    assert_no_match(matcher, name)


def test_the_note_names_the_monarchy_and_its_years(matcher):
    res = matcher.match("Idris's Libya")
    assert "when it was a monarchy" in res.note and "1951-1969" in res.note, res.note
    assert res.candidates and res.candidates[0].entity.key == "LBY"


def test_a_republics_former_name_under_its_leader_is_todays_state(matcher):
    """round 24 (the lead's decision 1): a republic's former name of a state that is a monarchy
    today is a renaming of the same state, so its leader's name gives today's state (round 23
    had it as no match)."""
    assert_matches(matcher, "Khmer Republic under Lon Nol", "KHM", "ruler")


@pytest.mark.parametrize("name", NO_LEADER)
def test_a_place_before_the_possessive_is_no_leader(matcher, name):
    res = matcher.match(name)
    assert not (res.best and res.best.method == "ruler"), (name, res.note)
    assert res.best is None or res.best.entity.kind != "state", (name, res.note)


def test_a_later_leader_says_archigos_does_not_hold_him(matcher):
    res = matcher.match("Tinubu's Nigeria")
    assert "Archigos" in res.best.evidence and "2015" in res.best.evidence


def test_a_word_of_another_leaders_name_is_no_surname(matcher):
    # "Khánh" is no Archigos leader of the Qing state: the name reads the one historical state
    res = matcher.match("nhà Thanh thời Gia Khánh")
    assert res.best is not None and res.best.entity.key == "QING", res.note
    assert "in neither Archigos nor" in res.best.evidence


def test_the_leaders_of_a_state_are_read_among_its_states(matcher):
    lead = matcher.reference.leaders
    # several leaders are named "Castro"; among Cuba's, the one whose whole name it is
    assert not lead.named("Castro")
    cuba = matcher.registry.by_key("CUB") if hasattr(matcher.registry, "by_key") else None
    iri = cuba.iri if cuba is not None else "https://diplograph.org/id/state/CUB"
    got = lead.named("Fidel Castro", frozenset({iri}))
    assert {t.name for t in got} == {"Castro"}


#: a capital for its government with no year: the state whose capital it is today (several
#: records of the capital, one of today); a city the registry holds as a place under another
#: name is read through that name's COW capital, never as the place
CAPITALS_TODAY = [
    ("the Belgrade authorities", "SRB"),     # also the Kingdom of Serbia's, Yugoslavia's ...
    ("the Berlin government", "DEU"),        # also the German Reich's
    ("chính quyền Rome", "ITA"),
    ("the Ulan Bator government", "MNG"),    # the place Ulaanbaatar, COW's capital of 712
]


@pytest.mark.parametrize(("name", "key"), CAPITALS_TODAY)
def test_a_capital_with_no_year_is_todays_state(matcher, name, key):
    assert_matches(matcher, name, key, "capital-government")


def test_a_capital_with_a_year_still_reads_the_year(matcher):
    res = matcher.match("the Moscow government in 1950")
    assert res.best is not None and res.best.entity.key == "SUN", res.note


def test_a_regime_word_before_a_place_gives_no_place(matcher):
    res = matcher.match("chế độ Ulan Bator")
    assert res.best is None or res.best.entity.kind != "place", res.note


def test_the_capital_names_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = [n for n, _ in CAPITALS_TODAY] + ["the Moscow government in 1950",
                                              "chế độ Ulan Bator"]
    assert not [n for n in tried if n.lower() in names]


#: a press label (a kind of grouping, a political colour) with one organisation's acronym and
#: nothing else: the acronym's body
PRESS_LABELS = [
    ("the BRICS group", "BRICS"),
    ("the SCO grouping", "SCO"),
    ("the NATO alliance", "NATO"),
    ("the APEC forum", "APEC"),
    ("the leftist CELAC bloc", "CELAC"),
]

#: a head read as one historical state whose span holds the year: that state (the compass word
#: decides), not the states linked to it by succession
ONE_STATE_BY_YEAR = [
    ("North Vietnam under Ho Chi Minh in 1960", "VDR"),
    ("Bắc Yemen năm 1985", "YAR"),
]


@pytest.mark.parametrize(("name", "key"), PRESS_LABELS)
def test_a_press_label_with_an_acronym_is_its_body(matcher, name, key):
    assert_matches(matcher, name, key, "acronym-with-kind-word")


@pytest.mark.parametrize(("name", "key"), ONE_STATE_BY_YEAR)
def test_a_historical_state_whose_span_holds_the_year(matcher, name, key):
    assert_matches(matcher, name, key, "qualified-period")


def test_a_label_word_of_the_bodys_own_name_is_read_as_before(matcher):
    res = matcher.match("the Rio Group")
    assert res.best is not None and res.best.method != "acronym-with-kind-word", res.note


def test_the_label_and_year_names_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = [n for n, _ in PRESS_LABELS] + [n for n, _ in ONE_STATE_BY_YEAR]
    assert not [n for n in tried if n.lower() in names]
