"""The classes of names the fifteenth linking round handles (docs/linking.md, "Fifteenth
round"), found in ``names_test16.csv`` (round 14's unseen list, round 15's development list),
each by a general mechanism or a sourced table, tried here on names of no evaluation list:

1. a divided state named by a span of years (in brackets or after the name): the historical
   states of that name whose registry spans overlap it, ambiguous when several ("Germany
   (1970)"), never today's state; a direction in brackets ("Vietnam (South)");
2. today's states' official long forms in their own languages: the long-form words of many
   languages before the state's endonym ("Republik Singapura"), and a sourced table of the
   forms no such reading reaches (``linking/names/native_long_forms.yaml``: "Eesti Vabariik");
   a monarchy's words keep convention B ("Reino de Italia": no match);
3. the press's nicknames: more cores, each with its evidence, after more words for a land
   ("Đảo quốc Sương mù"); a nickname is no sound of a state's name;
4. Vietnamese names of bodies: more readings of the heads (board, institutions) and ordinary
   words; a name with up to four unread words in one or two runs read when one body alone
   fits (``calque-vi-gaps``);
5. generic names of several institutes or joint undertakings, and of the bodies on one
   subject ("Coffee organisation"), ambiguous with all of them;
6. "chính quyền"/"chế độ" before a state's name, "Royal"/"Imperial" before a name, a long
   form's words without the name when one state alone has them, "the Marshalls".

Each class is tried beyond the list: the names below are in no evaluation list (checked here).
"""

from __future__ import annotations

from name_checks import assert_matches, assert_no_match, beyond_the_list_tests

#: (name, registry key, method): matches of the round's classes on names no list holds
BEYOND_MATCHES = [
    # (1) a span inside one historical state's span: that state
    ("Germany (1939–1945)", "GERMAN-REICH", "qualified-period"),
    # ... and a direction in brackets, the direction of the name (was today's state)
    ("Vietnam (South)", "RVN", "qualified"),
    ("Yemen (North)", "YAR", "qualified"),
    # (2) long-form words of the state's own language + its endonym
    ("Republik Singapura", "SGP", "official-form"),
    ("Koninkrijk Nederland", "NLD", "official-form"),
    ("République du Tchad", "TCD", "official-form"),
    # ... and the sourced table
    ("Republika Hrvatska", "HRV", "native-long-form"),
    ("Slovenská republika", "SVK", "native-long-form"),
    ("Lietuvos Respublika", "LTU", "native-long-form"),
    ("Eesti Vabariik", "EST", "native-long-form"),
    ("Confédération suisse", "CHE", "native-long-form"),
    # (3) nicknames with any word for a land
    ("Đất nước Lá phong", "CAN", "common-name"),
    ("Xứ sở Gấu trúc", "CHN", "common-name"),
    ("Đảo quốc Sương mù", "GBR", "common-name"),
    ("Xứ sở Cối xay gió", "NLD", "common-name"),
    ("Vùng đất Samba", "BRA", "common-name"),
    # (4) Vietnamese names of bodies: the heads' other readings, ordinary words
    ("Hội đồng Kiểm soát Ma túy Quốc tế", "INCB", "calque-vi"),
    ("Viện Nghiên cứu Lúa gạo Quốc tế", "IRRI", "calque-vi"),
    ("Ủy ban Ranh giới Quốc tế", "International-Boundary-Commission", "calque-vi"),
    # ... and from Vietnamese names written for a random sample of registry bodies
    ("Nhóm Nghiên cứu Đồng Quốc tế", "ICSG", "calque-vi"),
    ("Chương trình Tình nguyện viên Liên Hợp Quốc", "UNV", "calque-vi"),
    ("Văn phòng Giống cây trồng Cộng đồng", "CPVO", "calque-vi"),
    ("Ủy ban Nghề cá chung Địa Trung Hải", "GFCM", "calque-vi"),
    ("Cơ quan Quyền lực Đáy biển Quốc tế", "ISA", "calque-vi"),
    ("Hội đồng Dầu khí Thế giới", "WPC", "calque-vi"),
    ("Hội nghị La Hay về Tư pháp Quốc tế", "HCPIL", "calque-vi"),
    ("Tổ chức châu Âu về An toàn Không lưu", "EUROCONTROL", "calque-vi"),
    # ... several unread words ("Mớiz" and the transliteration "Ban-tích", Baltic, whose
    # syllable "ban" is no listed word here)
    ("Hội đồng Mớiz các Quốc gia Biển Ban-tích", "CBSS", "calque-vi-gaps"),
    # (6) regime words, royal and imperial adjectives, long-form words alone, plurals
    ("chính quyền Liên Xô", "SUN", "label"),
    ("chế độ Việt Nam Cộng hòa", "RVN", "label"),
    ("Imperial Austria", "AUSTRIAN-EMPIRE", "official-form"),
    ("the Oriental Republic", "URY", "official-form"),
    ("the Co-operative Republic", "GUY", "official-form"),
    ("the Marshalls", "MHL", "islands"),
]

#: (name, candidates): ambiguous names of the round's classes that no list holds
BEYOND_AMBIGUOUS = [
    # (1) a divided state named by its period: both states of those years
    ("Germany (1970)", {"GFR", "DDR"}),
    ("Vietnam (1960)", {"VDR", "RVN"}),
    ("Yemen (1980–1985)", {"YAR", "YMD"}),
    ("Yemen in 1980", {"YAR", "YMD"}),          # the years without brackets
    ("Đức năm 1970", {"GFR", "DDR"}),
    # (5) generic names of several institutes
    ("UN institute", {"UNIDIR", "UNITAR", "UNRISD", "UNICRI"}),
    ("Viện của Liên Hợp Quốc", {"UNIDIR", "UNITAR", "UNRISD", "UNICRI"}),
    # ... and of the bodies on one subject (a word in the names of two to eight bodies)
    ("Coffee organisation", {"ICfO", "AMCO", "CACB", "IACB"}),
    ("Tổ chức Cà phê", {"ICfO", "AMCO", "CACB", "IACB"}),
    ("Cocoa organisation", {"ICCO", "CCPA"}),
]

#: names the round's mechanisms must leave unmatched (precision guards)
NO_MATCH = [
    "Reino de Italia",       # a former monarchy in Spanish (convention B)
    "Regatul României",      # the same in Romanian
    "Royal Italy",           # "Kingdom of Italy" (convention B)
    "Imperial Japan",        # an empire the registry does not hold
    "the Grand Duchy",       # a monarchy's words alone: Luxembourg today, Baden once
    "the Federal Republic",  # the words of several states' long forms
    "EU coffee agency",      # an affiliation none of the coffee bodies has
]


#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
#: (`names_test26.csv`, session 14, happens to hold `Hội nghị La Hay về Tư pháp Quốc tế`)
LATER_LISTS: frozenset[str] = frozenset({"names_test17.csv", "names_test26.csv"})


def _not_matched(matcher, name):
    """Round 15's guards: no match (an ambiguous report may stand)."""
    res = matcher.match(name)
    assert res.best is None, (name, res.best.entity.key if res.best else None, res.note)


(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    BEYOND_MATCHES, BEYOND_AMBIGUOUS, NO_MATCH, LATER_LISTS, guard=_not_matched)


def test_a_period_never_gives_todays_state(matcher):
    """The three wrong matches of names_test16.csv were this class: a span that overlaps two
    historical states of the name is both of them, never the current state."""
    for name, today in (("Germany (1955–1960)", "DEU"), ("Vietnam (1970–1972)", "VNM"),
                        ("Yemen (1975)", "YEM")):
        res = matcher.match(name)
        assert res.ambiguous and res.best is None, (name, res.note)
        assert today not in {c.entity.key for c in res.candidates}, (name, res.note)
    # a span no historical state of the name covers is today's state (round 25: read by the
    # period reading itself, today's state in its own years, no longer by the bracket's)
    assert_matches(matcher, "Vietnam (2000)", "VNM", "qualified-period")


def test_every_native_long_form_names_its_state_and_cites_a_source(matcher):
    """Every row of the sourced table has a source and is matched to its own state."""
    from diplograph.linking.names import read_yaml

    rows = read_yaml("native_long_forms.yaml")["forms"]
    assert len(rows) >= 100
    for row in rows:
        assert row["source"].strip(), row
        res = matcher.match(row["name"])
        assert res.best is not None and res.best.entity.key == row["state"], (row, res.note)


def test_a_subject_reading_comes_after_every_reading_of_one_body(matcher):
    """The bodies on one subject are read last: a name one body's fuzzy reading takes stays
    that body's."""
    assert_matches(matcher, "Rubber study group", "IRSG", "fuzzy")
    # an affiliation the name states must be the bodies' too: no coffee body is the EU's
    assert_no_match(matcher, "EU coffee agency")


def test_a_record_of_conflicting_qids_is_no_rival_for_a_name(matcher):
    """Found beyond the lists: OPEC's full name with its article was ambiguous with the OPEC
    Fund's record, which merges data sets giving two QIDs and carries OPEC's names."""
    for name in ("Organisation of the Petroleum Exporting Countries",
                 "Organization of the Petroleum Exporting Countries"):
        res = matcher.match(name)
        assert res.best is not None and res.best.entity.key == "OPEC", (name, res.note)
    assert_matches(matcher, "OPEC Fund", "OPEC-Fund-for-International-Development", "acronym")


def test_a_reading_with_several_unread_words_names_them(matcher):
    res = matcher.match("Hội đồng Mớiz các Quốc gia Biển Ban-tích")
    assert "'moiz ban tich'" in res.best.evidence, res.best.evidence
    assert res.best.score < 82.0  # below a reading with one run of unread words


def test_a_nickname_is_no_transliteration(matcher):
    """A list's name (names_test7.csv): "Nước Samba", a nickname made of a head and a core,
    had taken this transliteration of Luxembourg by its sounds."""
    assert_matches(matcher, "Lúc-xăm-bua", "LUX", "transliteration-vi")
    assert_no_match(matcher, "Xứ Sămbaơ")
