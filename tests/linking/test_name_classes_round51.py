"""The classes of names the fifty-first linking round handles (docs/linking.md, "Fifty-first
round"), from the misses of ``names_test83.csv`` and ``names_test84.csv`` (this round's
development lists), counted over every earlier writer's list, and tried here on names of no
evaluation list:

- a spokesperson of a government, a ministry, a head's office or a body is the state or body
  it speaks for (the lead's decision of session 26; ``speakers`` of forms.yaml);
- an organ or a post of an organisation the registry holds no record of (a council, its
  standing or summit forms, a presidium, a joint staff, a permanent secretariat, the
  secretary-general, the president) is the organisation under F (``organisation_seats`` of
  forms.yaml); an organisation with several bodies of the word stays ambiguous (round 49);
- a cabinet organ or another title of a foreign ministry with its state is the state under H
  (``state_offices`` of forms.yaml);
- a state under a leader whom Archigos writes by the surname alone or spells otherwise
  ("Bê-nanh thời Ma-thi-ơ Kê-rê-cu": Kerekou; "Iraq under Abd al-Karim Qasim": Kassem);
- precision: a state's adjective before "government" is no ruler's name ("the Thai
  government" was read as Thanh Thai's Vietnam).
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test85.csv", "names_test86.csv"})

MATCHES = [
    # a spokesperson: the state or body it speaks for
    ("the Vietnamese foreign ministry spokeswoman", "VNM", "government-form"),
    ("người phát ngôn Bộ Ngoại giao Nhật Bản", "JPN", "label"),
    ("the spokesperson of the Mexican foreign ministry", "MEX", "government-form"),
    ("the OAS General Secretariat's spokesperson", "OAS", "organisation-seat"),
    # an organ or a post of an organisation the registry does not hold: the organisation (F)
    ("the SCO Council of Foreign Ministers", "SCO", "organisation-seat"),
    ("the SADC Council of Ministers", "SADC", "organisation-seat"),
    ("Hội đồng Bộ trưởng ECOWAS", "ECOWAS", "organisation-seat"),
    ("Tổng Thư ký OPEC", "OPEC", "organisation-seat"),
    # an organ the registry holds under another of its names: the organ, not the body
    ("the European Union Council of Ministers", "Council-of-the-European-Union",
     "organ-of-body"),
    ("Hội đồng Bộ trưởng Liên minh châu Âu", "Council-of-the-European-Union", "organ-of-body"),
    # a body sharing only a region's word with the EU and of no EU family is no EU body
    ("Cơ quan Vũ trụ EU", "EUSPA", "described-acronym"),
    # the registry's two records of one body (same-body.csv): the record with the QID
    ("Desert Locust Control Organization for East Africa",
     "Desert-Locust-Control-Organisation-for-Eastern-Africa", "label"),
    # a cabinet organ or a foreign ministry's other title with its state (H)
    ("the Indian Ministry of External Affairs", "IND", "government-form"),
    ("the Danish chancellery", "DNK", "government-form"),
    ("Quốc vụ viện Trung Hoa", "CHN", "alias"),
    # a state under a leader Archigos writes by the surname or otherwise: the leader heard
    # among the state's leaders (a transliteration by its surname too; a name in Latin
    # letters by its last word)
    ("Tan-da-ni-a thời Giu-li-út Ni-ê-rê-rê", "TZA", "ruler"),
    ("Dăm-bi-a thời Kên-nơ Ca-un-đa", "ZMB", "ruler"),
    ("Kê-ni-a thời Giô-mô Ken-ny-át-ta", "KEN", "ruler"),
    ("Libya under Muammar al-Gaddafi", "LBY", "ruler"),
    # a state's adjective before "government" is no ruler's name
    ("the Thai government", "THA", "government-form"),
]

AMBIGUOUS: list[tuple[str, set[str]]] = [
    # the UN holds several councils in the registry: the organ word names one of them
    ("the UN council", {"UNSC", "ECOSOC", "UNHRC"}),
]

NO_MATCH = [
    # a spokesperson of no one named
    "the spokesman",
    "người phát ngôn",
    # the English "Council of State" is left out of the cabinet organs (a court in France)
    "the French Council of State",
]

(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_the_ambiguous_names_beyond_the_list_stay_ambiguous,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
