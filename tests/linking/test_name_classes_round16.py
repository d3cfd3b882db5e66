"""The classes of names the sixteenth linking round handles (docs/linking.md, "Sixteenth
round"), found in ``names_test17.csv`` (round 15's unseen list, round 16's development list):
its five wrong matches were two general faults, each fixed by a general rule and tried here on
names of no evaluation list:

1. the name's own evidence before the fuzzy pass: an acronym in brackets after a name must be
   held by the body the name is read as ("Liên minh châu Phi (AU)"); an all-capitals name is no
   fuzzy equal of a transliteration ("CAFTA" is not "Ca-tă", Qatar); a continent word that
   differs is never a typo ("châu Phi" Africa, "châu Âu" Europe);
2. a body of an organisation must carry a word of that organisation's name beyond the body's
   own words ("Ủy ban châu Âu về sông Danube" is no body of the Danube Commission named the
   European Commission);
3. a span of years after a native or long-form name is read like one after the English name
   ("Bundesrepublik Deutschland (1949–1990)": West Germany, which bore that long form), and a
   historical state's span is also read from its label's brackets ("Montenegro (1852-1918)");
4. (recall) English press descriptions of states and bodies, a table with an evidence column
   (``linking/names/press_en.yaml``: "the UN's nuclear watchdog", "the Hermit Kingdom");
5. (recall) romanised official names of states in other scripts, rows with their sources in
   ``linking/names/native_long_forms.yaml`` ("Daehan Minguk", "Rossiyskaya Federatsiya").
"""

from __future__ import annotations

from name_checks import assert_matches, beyond_the_list_tests

#: (name, registry key, method): matches of the round's classes on names no list holds
BEYOND_MATCHES = [
    # (1) an acronym in brackets the body holds
    ("African Union (AU)", "AU", "qualified-acronym"),
    ("Ngân hàng Phát triển châu Á (ADB)", "AsDB", "qualified-acronym"),
    ("Asian Development Bank (ADB)", "AsDB", "qualified-acronym"),
    # ... a typo of a continent's name is still a typo
    ("Europan Union", "EU", "fuzzy"),
    # (3) a long form before the years: the historical state that bore it
    ("Federal Republic of Germany (1949–1990)", "GFR", "qualified-period"),
    ("Bundesrepublik Deutschland (1960)", "GFR", "qualified-period"),
    # ... a span read from the label's brackets when the registry gives no start
    ("Montenegro (1900)", "MONTENEGRO-KINGDOM", "qualified-period"),
    ("Crna Gora (1910–1918)", "MONTENEGRO-KINGDOM", "qualified-period"),
    # (4) English press descriptions (linking/names/press_en.yaml), with or without "the",
    # with "UN", "UN's" or "U.N."
    ("the UN weather agency", "WMO", "press-description"),
    ("the U.N. aviation agency", "ICAO", "press-description"),
    ("UN's labour agency", "ILO", "press-description"),
    ("the Emerald Isle", "IRL", "press-description"),
    ("Land of the Thunder Dragon", "BTN", "press-description"),
    ("the Southeast Asian bloc", "ASEAN", "press-description"),
    # (5) romanised official names of states written in other scripts (rows of
    # linking/names/native_long_forms.yaml, with their sources)
    ("Nippon-koku", "JPN", "native-long-form"),
    ("Ratcha-anachak Thai", "THA", "native-long-form"),
    ("Kypriaki Dimokratia", "CYP", "native-long-form"),
    ("Dawlat Qatar", "QAT", "native-long-form"),
    ("Joseon Minjujuui Inmin Gonghwaguk", "PRK", "native-long-form"),
    ("Hayastani Hanrapetutyun", "ARM", "native-long-form"),
]

#: (name, candidates): ambiguous names of the round's classes that no list holds
BEYOND_AMBIGUOUS = [
    # (3) an endonym, no long form: both states of those years, as "Germany (1970)"
    ("Deutschland (1970)", {"GFR", "DDR"}),
]

#: names the round's rules must leave unmatched (precision guards)
NO_MATCH = [
    "Liên minh châu Phi (EU)",   # the acronym names another body than the name
    "African Union (ASEAN)",
    "Liên minh châu Mỹ",         # no body; not the European Union by its letters
    "CAFTA",                     # an all-capitals name is no transliteration (Qatar)
    "NAFTAA",
    "DR-CAFTA",
]


#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test18.csv"})


(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    BEYOND_MATCHES, BEYOND_AMBIGUOUS, NO_MATCH, LATER_LISTS)


def test_an_acronym_in_brackets_is_evidence(matcher):
    res = matcher.match("Liên minh châu Phi (EU)")
    assert "does not hold the acronym in brackets 'EU'" in res.note, res.note
    res = matcher.match("African Union (AU)")
    assert "the acronym in brackets 'AU'" in res.best.evidence, res.best.evidence
    # a state's short name in brackets counts as its code; a typo before it is still read
    assert_matches(matcher, "Untied Kingdom (UK)", "GBR", "qualified-acronym")


def test_a_body_must_carry_a_word_of_its_organisation(matcher):
    """names_test17's wrong match: the European Commission's words are all the body's own
    words, so the name names no body of the Danube Commission by them."""
    res = matcher.match("Ủy ban châu Âu về sông Danube")
    assert res.best is None or res.best.entity.key != "European-Commission", res.note
    # a body whose name carries its organisation's word is read as before
    assert_matches(matcher, "EU Parliament", "EP", "body-of-organisation")
    assert_matches(matcher, "Ủy ban EU", "European-Commission", "body-of-organisation")


def test_a_period_after_a_long_form_never_gives_todays_state(matcher):
    for name in ("Bundesrepublik Deutschland (1949–1990)", "Deutschland (1970)"):
        res = matcher.match(name)
        assert "DEU" not in {c.entity.key for c in res.candidates if c.match}, (name, res.note)
    # a year after today's state's own start is read as before
    # (round 25: today's state in its own years, read by the period reading itself)
    assert_matches(matcher, "Montenegro (2010)", "MNE", "qualified-period")


def test_every_press_description_names_its_target_and_gives_evidence(matcher):
    """Every row of the table has evidence and is matched to its own target, with and without
    "the"."""
    from diplograph.linking.names import read_yaml

    rows = read_yaml("press_en.yaml")["names"]
    assert len(rows) >= 50
    for row in rows:
        assert row["evidence"].strip(), row
        key = row["target"].split("/", 1)[1]
        for text in (row["name"], "the " + row["name"]):
            res = matcher.match(text)
            assert res.best is not None and res.best.entity.key == key, (text, res.note)
            assert res.best.method == "press-description", (text, res.best.method)
