"""The classes of names the twenty-fifth linking round handles (docs/linking.md, "Twenty-fifth
round"), found in ``names_test29.csv`` (its errors read first) and ``names_test30.csv`` (read
after its in-round carry run), round 24's unseen lists and round 25's development lists, and
tried here on names of no evaluation list:

- a government by the seat of its head, in English and Vietnamese (sourced rows of
  ``press_en.yaml`` and ``common_vi.yaml``);
- an organisation's body by its field ("the EU's space agency", "tòa án của khối ECOWAS"), by
  the organisation's place word when one body alone has it, and a bloc's body by its people
  or faith;
- a year at a state's change read through the English name; today's state in years no other
  record of its name holds; a government with its years;
- leaders Archigos writes otherwise, after a particle, a title or an honorific, and later
  leaders of states whose monarchy ended before 1950;
- states after a kind or region of the press ("the city-state of ...", "the Red Sea state of
  ...", "nước cộng hòa Trung Á ...", "Buddhist ...");
- bodies' acronyms in their other official languages, former names of renamed agencies, the
  UN's regional commissions by their UN-prefixed acronyms (sourced rows of ``aliases.yaml``);
- a body's seat of several words, a body with the region it works in;
- a generic word before an acronym several bodies hold leaves it ambiguous.
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, list_names

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test31.csv", "names_test32.csv"})

MATCHES = [
    # a government by the seat of its head
    ("the Kantei", "JPN", "press-description"),
    ("Zhongnanhai", "CHN", "press-description"),
    ("the Casa Rosada", "ARG", "press-description"),
    ("Number 10", "GBR", "press-description"),
    ("Trung Nam Hải", "CHN", "common-name"),
    ("Điện Élysée", "FRA", "common-name"),
    # an organisation's body by its field; by the organisation's place word
    ("cơ quan đường sắt của EU", "ERA", "body-by-field"),
    ("cơ quan hàng hải của EU", "EMSA", "body-by-field"),
    ("the space agency of the European Union", "EUSPA", "body-by-field"),
    ("ngân hàng đầu tư của khối ECOWAS", "EBID", "body-by-field"),
    ("the EU's coast guard agency", "European-Border-and-Coast-Guard-Agency", "body-by-field"),
    # today's state in years no other record holds; a government with its years
    ("Hungary in 1970", "HUN", "qualified-period"),
    ("Ba Lan năm 1965", "POL", "qualified-period"),
    ("the Polish government in 1960", "POL", "qualified-period"),
    # leaders written otherwise, after a particle or a title; later leaders
    ("India under Rajiv Gandhi", "IND", "ruler"),
    ("Kadhafi's Libya", "LBY", "ruler"),
    ("de Gaulle's France", "FRA", "ruler"),
    ("Saudi Arabia under Crown Prince Mohammed bin Salman", "SAU", "ruler"),
    ("Romania under Iohannis", "ROU", "ruler"),
    ("Brazil under Temer", "BRA", "ruler"),
    # states after a kind or a region of the press
    ("the city-state of Monaco", "MCO", "region-frame"),
    ("the Red Sea state of Djibouti", "DJI", "region-frame"),
    ("nước cộng hòa Trung Á Kyrgyzstan", "KGZ", "region-frame"),
    ("the twin-island state of Trinidad and Tobago", "TTO", "region-frame"),
    ("Buddhist Thailand", "THA", "epithet-frame"),
    # other official languages' acronyms, former names, UN-prefixed acronyms
    ("OCDE", "OECD", "alias"),
    ("OIT", "ILO", "alias"),
    ("UNECA", "ECA", "alias"),
    ("OHIM", "EUIPO", "alias"),
    ("European GNSS Agency", "EUSPA", "alias"),
    # a seat of several words; a body with the region it works in
    ("the Bobo-Dioulasso-based WAHO", "WAHO", "key"),
    ("khối SADC ở miền nam châu Phi", "SADC", "generic-head"),
]

AMBIGUOUS = [
    ("the Congolese government in 1970", {"COG", "COD"}),
    ("Korea's government in 1960", {"KOR", "PRK"}),
    ("chính phủ Đức năm 1980", {"GFR", "DDR"}),
    ("tổ chức IOC", {"IOC", "IOC-org"}),
]

NO_MATCH = [
    "Iran in 1970",             # a monarchy then (predecessors.yaml monarchies_ended)
    "India in 1900",            # before COW's first year of India
    "Rhodesia in 1975",         # a former name read as the state is no state of those years
    "Pahlavi's Iran",           # a dynasty's name, and a monarchy that ended after 1950
    "Louis Philippe's France",  # a monarchy that ended before Archigos' first year
    "the Red Sea state of Chad",  # the region does not hold the state
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
def test_these_names_stay_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_a_field_body_the_organisation_predates_is_no_body_of_it(matcher):
    """A body older than the organisation is no body of it: the European Space Agency (1975)
    is not the EU's (1993), and a generic body of several such names is left to later
    readings (the EU's environment bodies)."""
    res = matcher.match("the EU's space body")
    assert res.best is not None and res.best.entity.key == "EUSPA", res.note
    res = matcher.match("the EU's environment body")
    assert res.best is None or res.best.method != "body-by-field", res.best


def test_a_generic_head_read_as_several_phrases_restates_the_body(matcher):
    """'Ngân hàng Phát triển' (bank + development) restates the CAF bank's own head: the bank
    itself, no longer the Caribbean Development Bank read as a body of it."""
    res = matcher.match("Ngân hàng Phát triển CAF")
    assert res.best is not None, res.note
    assert res.best.entity.key == "CAF-Development-Bank-of-Latin-America-and-the-Caribbean"


def test_a_leader_sharing_an_earlier_leaders_surname_is_no_longer_named_in_the_note(matcher):
    """'Abiy Ahmed' is no Bangladeshi 'Ahmed': a later leader of Ethiopia (convention C)."""
    res = matcher.match("Ethiopia under Abiy Ahmed")
    assert res.best is not None and res.best.entity.key == "ETH", res.note
    assert "Bangladesh" not in res.best.evidence


def test_the_sourced_rows_of_round_25_each_name_their_source():
    """Every round-25 row of the tables grown (press_en.yaml, common_vi.yaml) has evidence."""
    from diplograph.linking.names import read_yaml

    for file in ("press_en.yaml", "common_vi.yaml"):
        for row in read_yaml(file).get("names") or []:
            assert row.get("evidence"), (file, row)
