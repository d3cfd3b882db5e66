"""The classes of names the eighth linking round handles (docs/linking.md, "Eighth round"):
Vietnamese press short names and Sino-Vietnamese names, long-form words still unknown in round 7
("Hiệp chủng quốc", "Thân vương quốc"), "và" between foreign words, English abbreviations of
states from sourced tables, historical states' own long forms (a qualified label's head), the
British spelling of an organisation's charter name, Vietnamese names of organisations and UN
bodies, generic names of courts and councils (ambiguous, with their candidates), the older
order of a continent's Vietnamese name, acronyms held only in a data set's split form, and
initials of organisations' English names. The names are of the development list
(``names_test9.csv``, round 7's unseen list) or new (each class is tried beyond the list)."""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, key_of


@pytest.mark.parametrize(
    ("name", "key", "method"),
    [
        # press short names and Sino-Vietnamese names (linking/names/common_vi.yaml)
        ("Hung", "HUN", "common-name"),
        ("Thổ", "TUR", "common-name"),
        ("TBN", "ESP", "common-name"),
        ("Xê-út", "SAU", "common-name"),
        ("Tuy-ni-di", "TUN", "common-name"),
        ("Phổ Lỗ Sĩ", "PRUSSIA", "common-name"),
        ("Hương Cảng", "hong-kong", "common-name"),
        # long-form words: Hiệp chủng quốc (United States), Thân vương quốc (Principality);
        # new names beside the list's
        ("Hiệp chủng quốc Hoa Kỳ", "USA", "official-form"),
        ("Hiệp chủng quốc Mỹ", "USA", "official-form"),
        ("Thân vương quốc Monaco", "MCO", "official-form"),
        ("Thân vương quốc Liechtenstein", "LIE", "official-form"),
        ("Thân vương quốc Andorra", "AND", "official-form"),
        # "và" between foreign words is "and", after long-form words too
        ("Liên bang Saint Kitts và Nevis", "KNA", "official-form"),
        ("Cộng hòa Trinidad và Tobago", "TTO", "official-form"),
        # English abbreviations of states, each from a cited table (linking/aliases.yaml)
        ("KSA", "SAU", "alias"),
        ("CAR", "CAF", "alias"),
        ("HKSAR", "hong-kong", "alias"),
        ("Hong Kong SAR, China", "hong-kong", "alias"),
        # historical states' own long forms and abbreviations
        ("ČSSR", "CSK", "historical-name"),
        ("ČSFR", "CSK", "historical-name"),
        ("Czech and Slovak Federative Republic", "CSK", "historical-name"),
        ("Weimar Germany", "GERMAN-REICH", "historical-name"),
        # a label whose qualifier is the entity's own other name: its head names it
        ("South African Republic", "TRA", "label-head"),
        # the charter name in the other English spelling
        ("Organisation of African Unity", "OAU", "alias-folded"),
        ("Organization of African Unity", "OAU", "alias"),
        # bynames and short names of bodies
        ("World Court", "ICJ", "alias"),
        ("UN Human Rights Office", "OHCHR", "alias"),
        # Vietnamese names of organisations: the glossary's new words, and the names it cannot
        # read word for word
        ("Hội đồng Bộ trưởng Bắc Âu", "NCM", "calque-vi"),
        ("Ủy ban Xây dựng Hòa bình Liên Hợp Quốc", "PBC", "calque-vi"),
        ("Ủy hội sông Mê Công quốc tế", "MRC", "common-name"),
        ("Tổ chức Liên nghị viện ASEAN", "AIPA", "common-name"),
        ("Ngân hàng Thế giới", "WB", "common-name"),
        ("Nhóm Ngân hàng Thế giới", "World-Bank-Group", "common-name"),
        # initials of an organisation's English name, four or more letters
        ("IORA", "Indian-Ocean-Rim-Association", "initials"),
        # a continent's name in the older order ("Âu châu")
        ("Nghị viện Âu châu", "EP", "common-name"),
        # the same classes beyond the list: headline short names (a tone tells Miến, Myanmar,
        # from Miên, Cambodia), the press's spellings of Saudi Arabia, more long-form words
        ("Trung", "CHN", "common-name"),
        ("Đài", "TWN", "common-name"),
        ("Miến", "MMR", "common-name"),
        ("Miên", "KHM", "common-name"),
        ("Arab Saudi", "SAU", "common-name"),
        ("Ả Rập Saudi", "SAU", "official-form"),
        ("RSA", "ZAF", "alias"),
        ("Cộng hòa Hợp tác Guyana", "GUY", "official-form"),
        ("Cộng hòa Bolivar Venezuela", "VEN", "official-form"),
        # UN bodies in Vietnamese: a name without the "United Nations" its English name begins
        # with, "tòa án" as a tribunal, and the English stop word "on" (YAML had read it as
        # true, so "Office on Drugs and Crime" kept an "on" no Vietnamese reading has)
        ("Hội đồng Quản thác", "United-Nations-Trusteeship-Council", "calque-vi"),
        ("Tòa án Quốc tế về Luật Biển", "ITLOS", "calque-vi"),
        ("Ủy ban Luật pháp Quốc tế", "ILC", "calque-vi"),
        ("Văn phòng Liên Hợp Quốc về Ma túy và Tội phạm", "UNODC", "calque-vi"),
        # an organisation's earlier name (one body renamed): the CSCE is the OSCE
        ("CSCE", "OSCE", "alias"),
        ("Hội nghị An ninh và Hợp tác châu Âu", "OSCE", "alias"),
        ("Sublime Porte", "OTTOMAN-EMPIRE", "historical-name"),
        # organisations' Vietnamese names: Sino-Vietnamese (Hội Quốc Liên) and word by word
        ("Hội Quốc Liên", "LoN", "common-name"),
        ("Thị trường chung Nam Mỹ", "Mercosur", "calque-vi"),
        ("Cộng đồng Than Thép châu Âu", "ECSC", "calque-vi"),
    ],
)
def test_round8_classes_match(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        # generic names of courts and councils: every body whose English name holds the words
        ("European Court", {"CJEU", "ECHR"}),
        ("Tòa án châu Âu", {"CJEU", "ECHR"}),
        ("Tòa án Quốc tế", {"ICJ", "ICCt"}),
        ("International Court", {"ICJ", "ICCt"}),
        ("Tòa án Nhân quyền", {"ECHR", "Inter-American-Court-of-Human-Rights"}),
        ("Human Rights Court", {"ECHR", "Inter-American-Court-of-Human-Rights"}),
        # "Âu châu" is "châu Âu": as ambiguous as "Hội đồng châu Âu"
        ("Hội đồng Âu châu", {"EUCO", "COE"}),
        # an acronym that no entity holds as written, split by COW into three bodies
        ("ICO", {"ICfO", "IChemO", "IComO"}),
        # the data sets do not agree on ESA (COW IGO v3: the Space Agency; SupraVerden: the
        # Euratom Supply Agency): ambiguous, as round 7 decided for IOC
        ("ESA", {"ESA", "ESA-org"}),
    ],
)
def test_round8_generic_names_are_ambiguous(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


def test_generic_name_note_names_each_body(matcher):
    r = matcher.match("European Court")
    assert "a generic name" in r.note and "'European Court of Human Rights'" in r.note


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # the names the generic rule must leave alone: a body's own name, a state's
        ("European Council", "EUCO"),
        ("Council of Europe", "COE"),
        ("Nordic Council", "NordC"),
        ("International Court of Justice", "ICJ"),
        ("Tòa án Hình sự Quốc tế", "ICCt"),
        ("Tòa án Công lý Quốc tế", "ICJ"),
        ("Hội đồng Nhân quyền", "UNHRC"),
        # "và" between Vietnamese words is not read as "and"
        ("Liên hiệp Vương quốc Anh và Bắc Ireland", "GBR"),
        # "South Africa" and its long forms stay South Africa
        ("South Africa", "ZAF"),
        ("Republic of South Africa", "ZAF"),
        ("Cộng hòa Nam Phi", "ZAF"),
        # the World Bank is not the group
        ("World Bank", "WB"),
        ("World Bank Group", "World-Bank-Group"),
        # an acronym held as written is not read as a split one
        ("IDB", None),
    ],
)
def test_round8_rules_leave_other_names_alone(matcher, name, key):
    r = matcher.match(name)
    assert key_of(r) == key, (name, r.note)


@pytest.mark.parametrize("name", ["Court", "Council", "Arab Court", "XQZ", "Phi châu"])
def test_round8_no_match_for_bare_or_unknown_words(matcher, name):
    assert_no_match(matcher, name)


def test_names_test9_after_reading_its_errors(evaluations):
    """round 8's development list: the targets hold after its errors were read (its unseen run
    at the end of round 7 was 0.989 / 0.859 / 3 of 8); two gold rows the round disputes with
    evidence (``ESA``, ``ICO``: docs/linking.md) stay counted wrong."""
    ev = evaluations("names_test9.csv")  # the shared matcher on the whole list, once per run
    assert len(ev.outcomes) == 240
    assert ev.precision >= 0.98 and ev.recall >= 0.95
    assert ev.ambiguous_reported == ev.ambiguous_total == 8
    assert {o.row.name for o in ev.failures()} <= {"ESA", "ICO"}
