"""The classes of names the twenty-fourth linking round handles (docs/linking.md, "Twenty-fourth
round"), found in ``names_test27.csv`` and ``names_test28.csv`` (round 23's unseen lists, round
24's development lists) and tried here on names of no evaluation list:

- a capital's authorities and a military government by its seat, a capital by a name CLDR
  gives the city ("Viêng Chăn", "Kyiv"); a capital's name is no misspelt state;
- a generic head before an acronym that restates the body's own head ("Ngân hàng AfDB");
- a name read as nothing with an acronym in brackets one body holds, sharing a word with it;
  an English description before an acronym compared by its words' first letters;
- leaders after an office's title, leaders after Archigos' last year in Vietnamese frames
  ("thời", "dưới thời", "của"), one surname of one state's leaders;
- an ambiguous name or a pair of states with one year: the states of those that existed then;
- a state after the press's epithets and no frame ("landlocked Bolivia");
- a body's name with a press label after it (or a label for its head), or a place its own
  names hold;
- a body's name after "<city>-based" where no reference table holds the city.
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test29.csv", "names_test30.csv"})

MATCHES = [
    # a capital's authorities, a military government by its seat, CLDR's names of a capital
    ("the Kigali authorities", "RWA", "capital-government"),
    ("giới chức Nairobi", "KEN", "capital-government"),
    ("nhà chức trách Bangkok", "THA", "capital-government"),
    ("chính quyền quân sự ở Bamako", "MLI", "capital-government"),
    ("the military government in Bamako", "MLI", "capital-government"),
    ("chính quyền Mát-xcơ-va", "RUS", "capital-government"),
    ("the Kyiv regime", "UKR", "capital-government"),
    # a generic head that restates the body's own head, before its acronym
    ("Ngân hàng AfDB", "AfDB", "own-head"),
    ("the renewable energy agency IRENA", "IRENA", "own-head"),
    # an acronym in brackets after a name read as nothing; a description's words by stems
    ("Tổ chức Bảo vệ Thực vật Bắc Mỹ (NAPPO)", "NAPPO", "acronym-decides"),
    ("the ocean sciences committee SCOR", "SCOR", "described-acronym"),
    # leaders: a title read off, later leaders in Vietnamese frames, one family of one state
    ("Brazil under President Lula", "BRA", "ruler"),
    ("Kenya thời Ruto", "KEN", "ruler"),
    ("Argentina dưới thời Milei", "ARG", "ruler"),
    ("Senegal của Faye", "SEN", "ruler"),
    ("Tanzania của Magufuli", "TZA", "ruler"),
    ("Nicaragua under the Somozas", "NIC", "ruler"),
    # a body's name with a press label or a place of its own names after it
    ("the Andean Community trade bloc", "Andean", "label"),  # its label since session 16
    ("the Caribbean Development Bank for the Caribbean region", "CDB", "label"),
    ("the Nordic grouping", "NordC", "label"),   # the label for the head: the Nordic Council
    # a body's exact name after a seat the reference tables do not hold
    ("the Ebène-based Indian Ocean Commission", "IOCom", "label"),
    # the press's epithets before a state's name
    ("landlocked Bolivia", "BOL", "epithet-frame"),
    ("war-torn Yemen", "YEM", "epithet-frame"),
    ("French-speaking Benin", "BEN", "epithet-frame"),
    ("nước giàu dầu mỏ Brunei", "BRN", "epithet-frame"),
    ("quốc gia không giáp biển Lào", "LAO", "epithet-frame"),
]

AMBIGUOUS = [
    ("Korea in 1975", {"KOR", "PRK"}),
    ("Congo in 1970", {"COG", "COD"}),
    ("hai nước Yemen năm 1980", {"YAR", "YMD"}),
    ("the two Koreas in 1980", {"KOR", "PRK"}),
]

NO_MATCH = [
    "the two Germanys in 1995",   # one Germany then
    "Korea in 1930",              # the Korean Empire ended in 1905, the Koreas began in 1948
    "Tổ chức Xyzw (MRC)",         # no word shared with the body the acronym names
    "Tổ chức Thương mại (OHADA)",
    "landlocked Panama Canal",    # no state after the epithet
    "oil-rich Gulf",
    "the Council of Europe for the Baltic Sea",   # a place none of its names holds
    "the Arab grouping",          # no one head makes one body's name
    "the Lyonville-based OECD",   # a seat no table holds, and SupraVerden seats it in Paris
    "Kuwait City",                # a capital, no misspelt state
    "Bamako",
]


def _tried() -> list[str]:
    return [n for n, _, _ in MATCHES] + [n for n, _ in AMBIGUOUS] + NO_MATCH


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    assert not [n for n in _tried() if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), MATCHES)
def test_the_classes_match_names_beyond_the_list(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(("name", "keys"), AMBIGUOUS)
def test_a_name_with_a_year_names_the_states_of_that_year(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_a_capital_by_cldrs_name_is_read_as_cows(matcher):
    """CLDR's Vietnamese name of Vientiane and English name of Kiev give COW's capitals."""
    assert matcher._capital_codes("Viêng Chăn")[0] == "Vientiane"
    assert matcher._capital_codes("Kyiv")[0] == "Kiev"
    assert not matcher._capital_codes("Xyzw")[1]


def test_a_capital_in_a_government_frame_is_no_ruler(matcher):
    """"chính quyền <capital>" is the capital's government even where a leader of another
    state bears a word of the capital's name (round 24: Viêng Chăn was read as PNG's Chan)."""
    res = matcher.match("chính quyền Bình Nhưỡng")
    assert res.best is not None and res.best.entity.key == "PRK", res.note
    assert res.best.method == "capital-government"


def test_a_leader_of_a_monarchy_stays_no_match_after_a_title(matcher):
    """The title read off for the lookup is kept for convention C's monarchy test."""
    res = matcher.match("Libya under King Idris")
    assert res.best is None and not res.ambiguous, res.note


def test_the_khmer_republic_under_its_leader_is_cambodia(matcher):
    """The lead's decision 1 (round 24): a republic's former name is today's state."""
    assert_matches(matcher, "Lon Nol's Khmer Republic", "KHM", "ruler")


def test_the_united_arab_republic_is_no_longer_egypt(matcher):
    """The lead's decision 1: a union of two states the registry has no record of."""
    res = matcher.match("United Arab Republic")
    assert res.best is None, res.note
