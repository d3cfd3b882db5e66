"""The classes of names the twentieth linking round handles (docs/linking.md, "Twentieth
round"), found in ``names_test20.csv`` (round 18's unseen list, rounds 19-20's development
list) and tried here on names of no evaluation list:

- a known name with a qualifier around it, read when every other reading failed: its seat ("the
  <city>-based X", "X <city>", "X tại <city>": a city of SupraVerden's headquarters or the COW
  capitals), a period after it ("X thời Chiến tranh Lạnh", "X in 1900", "X of the 1920s": the
  period must not contradict the entity's span, and narrows a name several states hold), a
  description before an acronym ("Hội đồng Hợp tác vùng Vịnh GCC": the acronym decides, the
  words before it must not contradict it);
- one year that saw several regimes of a state named by its own name is ambiguous between all
  of them (the states of its name whose spans hold the year), not answered with one.
"""

from __future__ import annotations

import pytest
from name_checks import assert_ambiguous, assert_no_match, candidates, key_of, list_names

#: (name, registry key, method): each was no match on ``main`` before the round
BEYOND_MATCHES = [
    ("the Geneva-based World Health Organization", "WHO", "label"),  # the seat before
    ("Tổ chức Y tế Thế giới Geneva", "WHO", "label"),                 # the seat after
    ("NATO tại Brussels", "NATO", "key"),                              # "tại": at
    ("NATO during the Cold War", "NATO", "key"),                       # a named period
    ("the Habsburg Empire in 1900", "AUH", "qualified-period"),       # narrows two empires
    # (round 25: the description, read as several phrases, restates the body's own head)
    ("Hội đồng Hợp tác vùng Vịnh GCC", "GCC", "own-head"),
    ("Hiệp ước SEATO", "SEATO", "own-head"),  # the treaty's body (round 24: read as its own head)
]

#: names the round's readings must leave unmatched (precision guards)
NO_MATCH = [
    "Liên minh châu Âu thời Chiến tranh Lạnh",  # the EU was founded after it (SupraVerden)
    "NATO in 1930",                             # NATO was founded after 1930
    "Liên hợp quốc thời Chiến tranh thế giới thứ nhất",  # the UN: founded 1945
    "Quỹ Tiền tệ NATO",                         # a fund: NATO's names hold no "fund"
    "the Paris-based Kenya",                    # a seat is a body's, not a state's
    "Tổng công ty Điện lực Việt Nam",           # "Nam" ends a name, it is no acronym (NAM)
    # ("Đại sứ quán Hoa Kỳ tại Hà Nội", an embassy, was a guard here until session 25: convention
    # H now reads a state's embassy as the state, so round 48's file checks it is the US)
]

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test21.csv", "names_test22.csv"})


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = [n for n, _, _ in BEYOND_MATCHES] + NO_MATCH + ["Austria in 1867"]
    assert not [n for n in tried if n.lower() in names]


@pytest.mark.parametrize(("name", "key", "method"), BEYOND_MATCHES)
def test_a_known_name_with_a_qualifier_is_read(matcher, name, key, method):
    res = matcher.match(name)
    assert key_of(res) == key and not res.ambiguous, (name, res.note, candidates(res))
    assert res.best.method == method, (name, res.best.method, res.best.evidence)
    assert res.best.evidence, name


def test_the_qualifier_is_in_the_evidence(matcher):
    assert "with its seat 'Geneva'" in matcher.match(
        "Tổ chức Y tế Thế giới Geneva").best.evidence
    assert "the period 'the Cold War'" in matcher.match(
        "NATO during the Cold War").best.evidence
    ev = matcher.match("Hội đồng Hợp tác vùng Vịnh GCC").best.evidence
    assert "'GCC' is Cooperation Council for the Arab States of the Gulf" in ev and "is a word of" in ev


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_a_year_of_several_regimes_is_ambiguous(matcher):
    """1867, the Compromise: the Austrian Empire ended and Austria-Hungary began; a state whose
    registry start is unknown (the Austrian Empire) holds every year up to its end."""
    assert_ambiguous(matcher, "Austria in 1867", {"AUSTRIAN-EMPIRE", "AUH"})
    # one regime in the year: still that one
    assert key_of(matcher.match("Austria in 1850")) == "AUSTRIAN-EMPIRE"


def test_succession_alone_adds_no_regime_to_a_year(matcher):
    """States linked only by succession (Serbia and Montenegro both before Yugoslavia) do not
    make a year ambiguous; nor does a long form (round 16's reading keeps it). Both names are
    rows of earlier lists (names_test18, names_test20) that a first version of the round broke:
    regression checks, not names tried beyond the lists."""
    assert key_of(matcher.match("Serbia in 1900")) == "SER"
    assert key_of(matcher.match("Cộng hòa Liên bang Đức năm 1980")) == "GFR"
