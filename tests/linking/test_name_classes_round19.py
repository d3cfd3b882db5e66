"""The class of names the nineteenth linking round handles (docs/linking.md, "Nineteenth
round"), found in ``names_test20.csv`` (round 18's unseen list, round 19's development list):
a name inside a press frame, read when every other reading failed. Tried here on names of no
evaluation list:

- Vietnamese "phía X" (X's side, a party to talks; any entity), "người bạn X" (the friend),
  "quốc gia <region> X" (the country of a region: every tail of the rest, longest first, never
  one that starts inside the region's own name);
- English appositives "the <description> <nation|kingdom|emirate|...> of X", unless a
  modifier names a form, a regime or a period ("the Socialist Republic of ...").

The remainder must be read without a fuzzy step, a code or a transliteration.
"""

from __future__ import annotations

import pytest
from name_checks import assert_no_match, candidates, key_of, list_names

#: (name, registry key): each was no match before the round
BEYOND_MATCHES = [
    ("phía Thái Lan", "THA"),
    ("phia Malaysia", "MYS"),
    ("phía Liên minh châu Âu", "EU"),   # "phía": any entity, not only a state
    ("người bạn Lào", "LAO"),
    ("quốc gia Trung Á Kazakhstan", "KAZ"),
    ("quốc gia vùng Baltic Estonia", "EST"),
    ("quốc gia Tây Phi Senegal", "SEN"),
    ("quốc gia Nam Á Sri Lanka", "LKA"),
    ("quốc gia Trung Đông Li-băng", "LBN"),
    ("quốc gia Đông Nam Á Thái Lan", "THA"),
    ("the Andean nation of Bolivia", "BOL"),
    ("the Gulf emirate of Qatar", "QAT"),
    ("the tiny Alpine principality of Liechtenstein", "LIE"),
    ("the Indian Ocean archipelago of the Maldives", "MDV"),
    ("the West African country of Togo", "TGO"),
]

#: names the round's reading must leave unmatched (precision guards)
NO_MATCH = [
    "the US state of Georgia",           # "state" alone is no head: a US state is no country
    "the Autonomous Republic of Crimea",  # a form word: another entity
    "the Greek island of Crete",         # the rest is no state
    "the Chinese province of Taiwan",    # "province" is no head
    "quốc gia châu Phi",                 # "Phi" is Africa's word here, not the Philippines
    "quốc gia Bắc Mỹ",                   # "Mỹ" is America's word here, not the United States
    "phía đối tác",                      # the partner's side: no name
]

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset()


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = [n for n, _ in BEYOND_MATCHES] + NO_MATCH
    assert not [n for n in tried if n.lower() in names]


@pytest.mark.parametrize(("name", "key"), BEYOND_MATCHES)
def test_a_name_in_a_press_frame_is_read(matcher, name, key):
    res = matcher.match(name)
    assert key_of(res) == key and not res.ambiguous, (name, res.note, candidates(res))
    assert "a press frame around" in res.best.evidence, res.best.evidence
    assert res.best.score <= 95.0


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_a_name_the_registry_holds_whole_is_not_read_through_its_frame(matcher):
    """The frame is read only when every other reading failed: the State of Vietnam's own name
    ("Quốc gia Việt Nam") keeps its reading by period, and South Africa's is the whole rest."""
    res = matcher.match("Quốc gia Việt Nam (1949–1955)")
    assert key_of(res) == "STATE-OF-VIETNAM", (res.note, candidates(res))
    assert "press frame" not in res.best.evidence
    assert key_of(matcher.match("quốc gia Nam Phi")) == "ZAF"
