"""The classes of names the thirty-third linking round handles (docs/linking.md,
"Thirty-third round"), sorted by construction from the failures of ``names_test45.csv`` and
``names_test46.csv`` (round 32's unseen lists, this round's development lists) and counted
over the earlier writers' lists, and tried here on names of no evaluation list:

- a government with its form of the moment between its word and the state or capital
  ("Juba's transitional government", "N'Djamena's military council", "chính phủ liên bang
  Ethiopia", "hội đồng quân sự Chad"): the state's government; never "provisional" / "lâm
  thời", which names a government of its own (the Russian Provisional Government);
- a Vietnamese description before a body's acronym or one-word name whose field words the
  glossary reads but which are not all in the body's name ("cơ quan an toàn hàng không
  ASECNA"), or which parts the bodies holding an acronym ("cơ quan môi trường EEA": the
  environment agency, not the Economic Area); a description of a kind of body and of states
  only says nothing, and the acronym decides ("nhóm các nước BRICS"), never the states alone
  ("các nước ASEAN");
- what the Vietnamese press says of a body after its name: a count of members with what
  they are ("khối ECOWAS 15 nước Tây Phi"), the state that launched it ("do Kazakhstan khởi
  xướng"), its members after "của", an event of its history ("sau khi kết nạp ..."), the
  person who leads it ("dưới thời bà ...");
- a Vietnamese name that begins with a capital letter of two marks ("Ấn Độ", "Ả Rập Xê Út",
  "Úc", "Ý", "Áo") after a government word: the regular expressions' class of capitals lacked
  them;
- a foreign ministry with its seat after it ("Bộ Ngoại giao Ấn Độ ở New Delhi", "the Indian
  foreign ministry in New Delhi"): the state (convention H), the seat a capital of it.
"""

from __future__ import annotations

from name_checks import beyond_the_list_tests

#: lists written after these names, independently of them (the lead sets it when a later list
#: is added)
LATER_LISTS: frozenset[str] = frozenset({"names_test47.csv", "names_test48.csv"})

MATCHES = [
    # a government with its form of the moment
    ("Lusaka's transitional government", "ZMB", "capital-government"),
    ("Abuja's federal government", "NGA", "capital-government"),
    ("Conakry's military council", "GIN", "capital-government"),
    ("Bamako's army-led government", "MLI", "capital-government"),
    ("Kyiv's pro-Western government", "UKR", "capital-government"),
    ("Port-au-Prince's interim government", "HTI", "capital-government"),
    ("chính phủ chuyển tiếp Mali", "MLI", "government-form"),
    ("chính phủ liên bang Nigeria", "NGA", "government-form"),
    ("chính phủ liên bang Brazil ở Brasília", "BRA", "government-form"),
    ("hội đồng quân sự Niger", "NER", "government-form"),
    ("Chính phủ Đoàn kết Dân tộc Liban", "LBN", "government-form"),
    # a state whose Vietnamese name begins with a capital of two marks (Ấ, Ả, Ú, Ý...)
    # after a government word
    ("chính phủ Úc", "AUS", "government-form"),
    ("giới chức Ý", "ITA", "government-form"),
    ("chính phủ Ả Rập Xê Út", "SAU", "government-form"),
    ("nhà chức trách Ấn Độ", "IND", "government-form"),
    # a foreign ministry with its seat (convention H)
    ("Bộ Ngoại giao Úc ở Canberra", "AUS", "common-name"),
    ("the Austrian foreign ministry in Vienna", "AUT", "government-form"),
    # a Vietnamese description before an acronym or a one-word name
    ("cơ quan y tế WHO", "WHO", "described-acronym"),
    ("cơ quan môi trường châu Âu EEA", "EEA", "described-acronym"),
    ("cơ quan vũ trụ ESA", "ESA", "described-acronym"),
    ("Tổ chức Kiểm soát Không lưu Eurocontrol", "EUROCONTROL", "described-acronym"),
    # a description of a kind of body and of states only: the acronym decides
    ("nhóm các nước BRICS", "BRICS", "described-acronym"),
    # what the press says of a body after its name
    ("khối SADC 16 nước miền nam châu Phi", "SADC", "generic-head"),
    ("Hội nghị CICA do Kazakhstan sáng lập", "CICA", "own-head"),
    ("khối CARICOM của các nước Caribe", "CARICOM", "generic-head"),
    ("khối NATO sau khi kết nạp Phần Lan", "NATO", "generic-head"),
    ("Ngân hàng Trung ương châu Âu dưới thời ông Draghi", "ECB", "calque-vi"),
]

AMBIGUOUS = [
    # a river's name after its word is no body's one-word name: the bodies of that river
    ("cơ quan hàng hải sông Danube", {"Danube", "ECCD"}),
]

NO_MATCH = [
    # provisional names a government of its own
    "Petrograd's provisional government",
    "chính phủ lâm thời Pháp",
    # the states of an acronym are no body (a description of states only)
    "các nước ASEAN",
    # a seat that is no capital of the state
    "Bộ Ngoại giao Ấn Độ ở Bắc Kinh",
    "the Austrian foreign ministry in Paris",
    # a description that names no field of any body holding the acronym
    "cơ quan hàng hải EEA",
]


# the names tried beyond the lists: in no list, matched, ambiguous, left unmatched
# (the four tests every round file makes, tests/linking/name_checks.py)
(test_the_names_tried_beyond_the_list_are_in_no_list,
 test_the_classes_match_names_beyond_the_list,
 test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
 test_the_guards_leave_these_unmatched) = beyond_the_list_tests(
    MATCHES, AMBIGUOUS, NO_MATCH, LATER_LISTS)
