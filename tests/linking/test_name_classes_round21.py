"""The classes of names the twenty-first linking round handles (docs/linking.md, "Twenty-first
round"), found in ``names_test22.csv`` and ``names_test21.csv`` (rounds 19-20's unseen lists,
round 21's development lists) and tried here on names of no evaluation list:

- precision: a former regime's or a federal unit's own name must not fall through to today's
  state or to a state of a similar name (convention B): a socialist regime's long-form words
  before the name of a state the COW list holds only from 1991 ("the Socialist Republic of
  Slovenia": SFR Yugoslavia's unit, not today's Slovenia); Vietnamese long-form words before
  the rest of another state's long form whose own form words they contradict ("Cộng hòa" + the
  name of the "Các Tiểu Vương quốc ..." without its form words);
"""

from __future__ import annotations

import pytest
from name_checks import assert_no_match, key_of, list_names

#: names the round's guards must leave unmatched (each was today's state on ``main``)
NO_MATCH = [
    "Socialist Republic of Slovenia",       # SFR Yugoslavia's unit (COW: Slovenia from 1992)
    "People's Republic of Ukraine",         # no name of Ukraine holds "People's"; COW from 1991
    "Cộng hòa Xã hội chủ nghĩa Slovenia",   # the same in Vietnamese
    "Socialist Republic of Bosnia and Herzegovina",
    "Liên bang Ả Rập Thống nhất",           # "Liên bang" (federation) + the emirates' name
]

#: names the guards must leave as they were (a state's own long form or its continuity; some are
#: earlier lists' own rows, checked here because the guards sit on their reading)
KEPT = [
    ("Socialist Republic of Romania", "ROU"),   # COW 360 from 1878: Romania's continuity
    ("Cộng hòa Nhân dân Bangladesh", "BGD"),    # a name of Bangladesh holds "People's"
    ("Cộng hòa Xã hội chủ nghĩa Việt Nam", "VNM"),
    ("Đế chế Ottoman", "OTTOMAN-EMPIRE"),       # "Đế chế": a form the glossary cannot read
]

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test23.csv", "names_test24.csv"})


def test_the_names_tried_beyond_the_list_are_in_no_list():
    names = list_names(LATER_LISTS)
    tried = list(NO_MATCH)
    assert not [n for n in tried if n.lower() in names]


@pytest.mark.parametrize("name", NO_MATCH)
def test_the_guards_leave_these_unmatched(matcher, name):
    assert_no_match(matcher, name)


def test_the_federal_unit_is_said_in_the_note(matcher):
    note = matcher.match("Socialist Republic of Slovenia").note
    assert note.startswith("no match: ") and "COW lists that state only from 1992" in note


@pytest.mark.parametrize(("name", "key"), KEPT)
def test_the_guards_keep_these(matcher, name, key):
    res = matcher.match(name)
    assert key_of(res) == key and not res.ambiguous, (name, res.note)
