"""The classes of names the eighteenth linking round handles (docs/linking.md, "Eighteenth
round"), found in ``names_test19.csv`` (round 17's unseen list, round 18's development list).
General rules first, each tried here on names of no evaluation list:

1. precision: a Vietnamese transliteration whose sounds end in a consonant is no state whose
   every name ends in a vowel ("Xa-mác-can", Samarkand, is not Jamaica), nor one that sounds
   more like a COW capital no entity holds ("Tbi-li-xi", Tbilisi, is not Tunisia); a fuzzy
   reading never drops a leading qualifying word of the name it reads ("Special Court for
   Sierra Leone" is not the Residual Special Court);
2. a name whose content words are all in one body's name and in no other entity's, that
   name's other words being place words or words of reach ("the Tropical Tuna Commission":
   the Inter-American Tropical Tuna Commission); a century after a state's name read as its
   span of years ("Nga thế kỷ 19", "Prussia in the 18th century");
3. Vietnamese institutional words in the glossary ("chì và kẽm", "hỗn hợp", "giải trừ vũ
   trang"), and press descriptors before a state ("nước láng giềng Lào", "quốc đảo Nauru").
"""

from __future__ import annotations

from name_checks import assert_matches, assert_no_match, beyond_the_list_tests

#: (name, registry key, method): matches of the round's classes on names no list holds; each
#: was no match, or a wrong match, before the round
BEYOND_MATCHES = [
    # (2) every content word in one body's name only, the rest place words or words of reach
    ("the Tropical Tuna Commission", "IATTC", "only-holder"),
    ("the Seabed Authority", "ISA", "only-holder"),
    ("the Lake Chad commission", "LCBC", "only-holder"),
    # a state's code read as its English name
    ("the US-Iran claims tribunal", "Iran-United-States-Claims-Tribunal", "only-holder"),
    # (2) a century after a state's name
    ("Prussia in the 18th century", "PRUSSIA", "qualified-period"),
    ("Nga thế kỷ 19", "RUSSIAN-EMPIRE", "qualified-period"),
    ("Trung Quốc thế kỷ XIX", "QING", "qualified-period"),
    ("Russia in the 19th century", "RUSSIAN-EMPIRE", "qualified-period"),
    # (3) glossary words
    ("Nhóm Nghiên cứu Chì và Kẽm Quốc tế", "ILZSG", "calque-vi"),
    ("Ủy ban Hỗn hợp Quốc tế", "International-Joint-Commission", "calque-vi"),
    ("Ủy ban Giải trừ Vũ trang", "UNDC", "calque-vi"),
    # (3) a press descriptor before a state (the method is the reading of the state's name)
    ("nước láng giềng Lào", "LAO", "label"),
    ("quốc đảo Nauru", "NRU", "label"),
    ("xứ sở Bhutan", "BTN", "label"),  # was Japan, fuzzily read as "Xứ sở Phù Tang"
    ("nước chủ nhà Brazil", "BRA", "label"),
]

#: (name, candidates): ambiguous names of the round's classes that no list holds
BEYOND_AMBIGUOUS = [
    # a century that two historical states of the name share
    ("Áo thế kỷ 19", {"AUSTRIAN-EMPIRE", "AUH"}),
    # the words in two bodies' names: not one holder (the topic reading lists both)
    ("the Salmon Conservation Organization", {"NASCO", "Pacific-Salmon-Commission"}),
]

#: names the round's rules must leave unmatched (precision guards)
NO_MATCH = [
    "Tbi-li-xi",                      # was Tunisia: Tbilisi, a COW capital
    "Special Court of Sierra Leone",  # the Residual court's leading word would be dropped
    "quốc đảo châu Á",                # a descriptor before no state
]


#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
#: (`names_test27.csv`, session 14, happens to hold `quốc đảo Nauru`)
LATER_LISTS: frozenset[str] = frozenset({"names_test20.csv", "names_test27.csv"})


(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    BEYOND_MATCHES, BEYOND_AMBIGUOUS, NO_MATCH, LATER_LISTS)


def test_a_transliteration_ending_in_a_consonant_is_no_state_ending_in_a_vowel(matcher):
    """Samarkand's transliteration was Jamaica; Jamaica's own is still read."""
    assert_no_match(matcher, "Xa-mác-can")
    assert_matches(matcher, "Gia-mai-ca", "JAM", "transliteration-vi")
    # a state whose name ends in a consonant is still read from a closed final syllable
    assert_matches(matcher, "Ga-bông", "GAB", "transliteration-vi")


def test_a_fuzzy_reading_keeps_generic_leading_words_and_typos(matcher):
    """Only a qualifying leading word blocks a fuzzy reading: typos are still read, and the
    only-holder reading names the words the body's name adds."""
    assert_matches(matcher, "Carribean Development Bank", "CDB", "fuzzy")
    res = matcher.match("the Tropical Tuna Commission")
    ev = res.best.evidence
    assert "in no name of another entity" in ev and "american" in ev, ev
    # a state's own name words are no place a body works in: "Northern Ireland" is not the
    # United Kingdom of Great Britain and Northern Ireland by this reading
    res = matcher.match("Northern Ireland")
    assert res.best is None or res.best.method != "only-holder", res.note


def test_a_descriptor_before_a_body_is_not_read(matcher):
    """A state's descriptor read before a name that is no state's gives no match."""
    res = matcher.match("quốc đảo ASEAN")
    assert res.best is None, res.note
