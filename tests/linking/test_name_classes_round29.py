"""The classes of names the twenty-ninth linking round handles (docs/linking.md,
"Twenty-ninth round"), named by the lead from round 28's unseen run (``names_test37.csv`` and
``names_test38.csv``, this round's development lists) and tried here on names of no evaluation
list:

- convention F: an organisation's secretariat or headquarters the registry holds no record of
  is the organisation ("the OECS Secretariat", "Ban Thư ký OPEC", "the NATO headquarters", and
  before a Vietnamese name read word by word: "Ban Thư ký Cộng đồng Caribe"); an
  organ with a function of its own stays no match ("SADC Tribunal");
- a city whose name holds its article after "ở" ("ở The Hague");
- governments by a leader alone (convention C: "the Carter administration", "the Sukarno
  government") and a military regime or dictatorship after a state's adjective;
- convention D in the Vietnamese word order ("Cộng hòa Tây Ban Nha thứ hai") and with the
  ordinal after the adjective ("the Austrian First Republic");
- a body with a year within its founding and dissolution years ("Hội Quốc Liên năm 1930"),
  no match outside them; a monarch's court without years ("the Ottoman court", "triều đình
  nhà Nguyễn"), only a historical state; an island state's nickname ("đảo quốc ... Nhật Bản");
- the wrong answers' classes: a federation named after one of today's states none of whose
  names is a federation's or a union's is no match ("Federation of Senegal"); a name another
  state bore in the years given is ambiguous ("Republic of the Congo in 1961"); another body's
  acronym heading a description names that body, not the last acronym's; a description whose
  words are the holder's own names the holder, not a body of it ("the West African grouping
  ECOWAS", not the ECOWAS Court).
"""

from __future__ import annotations

from name_checks import assert_matches, beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test39.csv", "names_test40.csv"})

MATCHES = [
    # convention F
    ("the OECS Secretariat", "OECS", "organisation-seat"),
    ("the IGAD Secretariat", "IGAD", "organisation-seat"),
    ("Ban Thư ký OPEC", "OPEC", "organisation-seat"),
    ("the NATO headquarters", "NATO", "organisation-seat"),
    ("Ban Thư ký Cộng đồng Caribe", "CARICOM", "organisation-seat"),
    # a seat whose name holds its article
    ("Tòa án Công lý Quốc tế ở The Hague", "ICJ", "calque-vi"),
    # governments by a leader (convention C) or a regime of the moment
    ("the Carter administration", "USA", "ruler"),
    ("the Sukarno government", "IDN", "ruler"),
    ("the Argentine military dictatorship", "ARG", "government-form"),
    ("the Peruvian military regime", "PER", "government-form"),
    # convention D in other word orders
    ("Cộng hòa Tây Ban Nha thứ hai", "ESP", "ordinal-republic"),
    ("the Austrian First Republic", "AUT", "ordinal-republic"),
    # bodies with a year within their years; courts of monarchies; an island state's nickname
    ("Hội Quốc Liên năm 1930", "LoN", "organisation-in-years"),
    ("khối ASEAN năm 1990", "ASEAN", "organisation-in-years"),
    ("the Ottoman court", "OTTOMAN-EMPIRE", "government-form"),
    ("triều đình nhà Nguyễn", "DAI-NAM", "government-form"),
    ("đảo quốc mặt trời mọc Nhật Bản", "JPN", "epithet-frame"),
    # the wrong answers' classes, answered right
    ("the West African grouping ECOWAS", "ECOWAS", "described-acronym"),
    ("the regional economic community ECOWAS", "ECOWAS", "described-acronym"),
    ("Liên bang Canada", "CAN", "official-form"),
]

AMBIGUOUS = [
    # the Léopoldville state was the Republic of the Congo in 1960-1964, as Brazzaville's was
    ("Republic of the Congo in 1961", {"COG", "COD"}),
]

NO_MATCH = [
    "the IGAD Tribunal",             # F: a court has a function of its own
    "Federation of Senegal",         # a union the registry has no record of
    "Liên bang Senegal năm 1959",    # the same in Vietnamese, with a year
    "Cộng hòa Philippines thứ hai",  # D: before the Philippines' COW years (1946)
    "the EU in 1960",                # before the body's founding year (1993)
    "the French court",              # a court is a monarchy's: never today's France
]


# the names tried beyond the lists: in no list, matched, ambiguous, left unmatched
# (the four tests every round file makes, tests/linking/name_checks.py)
(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)


def test_a_federation_names_the_closest_state_and_says_why(matcher):
    """The no-match of a federation offers today's state as a non-matching candidate."""
    res = matcher.match("Federation of Senegal")
    assert res.best is None and res.candidates[0].entity.key == "SEN", res
    assert "names a union of states the registry holds no record of" in res.note, res.note


def test_a_federal_state_whose_names_do_not_say_so_is_read(matcher):
    """``federal_states`` of forms.yaml: Malaysia's constitution names it a federation."""
    assert_matches(matcher, "Liên bang Malaysia", "MYS", "official-form")


def test_convention_f_evidence_names_the_convention(matcher):
    res = matcher.match("the OECS Secretariat")
    assert res.best is not None and "convention F" in res.best.evidence, res.best


def test_another_bodys_acronym_heading_the_description_is_not_read_as_the_last(matcher):
    """"nhóm NB8 ở phía bắc NATO": the Nordic-Baltic Eight's acronym heads the description."""
    res = matcher.match("nhóm NB8 ở phía bắc NATO")
    assert res.best is None or res.best.entity.key != "NATO", res
