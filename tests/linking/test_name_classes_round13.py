"""The classes of names the thirteenth linking round handles (docs/linking.md, "Thirteenth
round"), found in ``names_test14.csv`` (round 12's unseen list, round 13's development list):

1. endonyms: each state's name in its own official languages, from CLDR as shipped by babel
   (the territory language data and each language's territory names), in its own script; a
   non-Latin name is matched as written (no romanisation is shipped offline, so "Nippon",
   "Hellas" stay unmatched), and an endonym another entity or an ambiguous list holds is left
   out;
2. ordinary Vietnamese words the glossary lacked, counted from the registry's English names of
   bodies (grains, potato, maize, wheat, livestock, exhibition, vine, islands, regions, tunas,
   political, high level; "thuế quan" customs, "bình ổn" stability, "bảo vệ" guard);
3. historical names of held historical states ("Kingdom of Piedmont", "Đệ tam Đế chế"), a
   state named with its capital after a hyphen ("Guinea-Conakry", read as "Guinea (Conakry)"
   only when the capital chooses), and names of two or more entities reported ambiguous
   ("Danube Monarchy", "Yugoslav Federation", the UN regional commissions' generic name).

Each class is tried beyond the list: the names below are in no evaluation list (checked here).
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, list_names

#: (name, registry key, method): matches of the round's classes on names no list holds
BEYOND_MATCHES = [
    # (1) endonyms, Latin and other scripts
    ("Polska", "POL", "endonym"),
    ("Magyarország", "HUN", "endonym"),
    ("Norge", "NOR", "endonym"),
    ("Danmark", "DNK", "endonym"),
    ("Lietuva", "LTU", "endonym"),
    ("Latvija", "LVA", "endonym"),
    ("Srbija", "SRB", "endonym"),
    ("Slovensko", "SVK", "endonym"),
    ("Nederland", "NLD", "endonym"),
    ("Schweiz", "CHE", "endonym"),
    ("België", "BEL", "endonym"),
    ("Україна", "UKR", "endonym"),
    ("Ελλάδα", "GRC", "endonym"),
    # (2) glossary words, on bodies no list names
    ("Văn phòng Quốc tế về Nho và Rượu vang", "IVWO", "calque-vi"),
    ("Nhóm Hành động Tài chính Caribe", "CFATF", "calque-vi"),
    ("Diễn đàn Bảo vệ Bờ biển Bắc Cực", "ACGF", "calque-vi"),
    ("Cơ quan Nghề cá Diễn đàn Quần đảo Thái Bình Dương", "FFA", "calque-vi"),
    ("Văn phòng Giáo dục Quốc tế", "IBE", "calque-vi"),
    # (3) historical names and a state with its capital
    ("Kingdom of Piedmont-Sardinia", "SARDINIA", "historical-name"),
    ("Đệ nhị Đế chế", "GERMAN-REICH", "historical-name"),
    ("Đế quốc Đại Thanh", "QING", "historical-name"),
    ("Guinea-Malabo", "GNQ", "qualified"),
    ("Yemen-Aden", "YMD", "qualified"),
]

#: (name, candidates): ambiguous names of the round's classes that no list holds
BEYOND_AMBIGUOUS = [
    ("Donaumonarchie", ["AUSTRIAN-EMPIRE", "AUH"]),
    ("Federation of Yugoslavia", ["YUG", "SCG"]),
    ("UN regional commission", ["ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"]),
    ("Ủy ban khu vực của Liên Hợp Quốc", ["ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"]),
]


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names()
    tried = [n for n, _, _ in BEYOND_MATCHES] + [n for n, _ in BEYOND_AMBIGUOUS]
    assert not [n for n in tried if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), BEYOND_MATCHES)
def test_the_classes_match_names_beyond_the_list(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(("name", "keys"), BEYOND_AMBIGUOUS)
def test_names_of_two_or_more_entities_beyond_the_list_are_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, set(keys))


@pytest.mark.parametrize("name", ["Guinea-Paris", "Korea-Tokyo"])
def test_a_hyphenated_city_that_is_no_capital_chooses_nothing(matcher, name):
    """The hyphen reading needs the state's capital: another city is no evidence."""
    assert_no_match(matcher, name)


def test_an_endonym_carries_its_source(matcher):
    res = matcher.match("Magyarország")
    assert res.best is not None
    assert "CLDR" in res.best.evidence and "official language" in res.best.evidence


def test_endonyms_cover_most_states(matcher):
    """Most registry states gain a name in an official language of their own (the round's
    count is in docs/linking.md)."""
    states = {h.entity.key for held in matcher._folded.values() for h in held
              if h.method == "endonym"}
    assert len(states) >= 140


def test_an_ambiguous_endonym_is_left_out(matcher):
    """French CLDR calls Guinea "Guinée", a name ``linking/aliases.yaml`` lists as ambiguous
    (Guinea, Guinea-Bissau, Equatorial Guinea): the endonym is left out (``skipped_names``)
    and the name stays ambiguous."""
    assert ("Guinée", "GIN") in matcher.skipped_names


@pytest.mark.parametrize("name", ["Nippon", "Hellas"])
def test_no_romanisation_is_guessed(matcher, name):
    """A romanised endonym needs a sourced romanisation; none is shipped offline."""
    assert_no_match(matcher, name)


def test_a_readable_name_is_read_before_any_fuzzy_reading(matcher):
    """Round 12 read "Ủy ban Ma túy Liên Hợp Quốc" fuzzily as the UN Secretariat ("Ban Thư ký
    Liên Hợp Quốc": "ma túy" and "thư ký" differ by a few letters once folded) because the
    glossary could not read the name whole; read word by word it is the Commission on
    Narcotic Drugs, and a body word the glossary lacks still gives no confident match."""
    assert_matches(matcher, "Ủy ban Ma túy Liên Hợp Quốc", "CND", "calque-vi")
    assert_no_match(matcher, "Ủy ban Cà phê Liên Hợp Quốc")


def test_a_fuzzy_reading_never_replaces_whole_words(matcher):
    """Why round 12's fuzzy pass read "Ủy ban Ma túy Liên Hợp Quốc" as the Secretariat: the
    check that two names differ by a whole word, not a typo, compared names of as many words
    only, and this one has a word more ("Ủy"). Names of different lengths are now aligned word
    by word first: "ma túy" for "thư ký" is two words replaced, no typo (the pass is tried
    directly, as the glossary now reads the name before it); a real typo still reads."""
    q = "Ủy ban Ma túy Liên Hợp Quốc"
    assert matcher._fuzzy(q, q, None).best is None
    q = "Ban Thư kí Liên Hợp Quốc"
    r = matcher._fuzzy(q, q, None)
    assert r.best is not None and r.best.entity.key == "United-Nations-Secretariat"
