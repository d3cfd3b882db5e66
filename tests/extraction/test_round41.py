"""Round 41 (session 24): classes that recur in many writers' parts, read the way the newest
conventions (session 23) and most gold files write them.

1. A visit told by its first day and its length ("arrived … on 3 June 2024 for a four-day state
   visit", "bắt đầu chuyến thăm … ba ngày") has ``start`` and ``end``: the text gives both ends
   (the lead's convention of session 23, "a visit's span told anywhere"; 11 writers' parts
   write such a visit as its span, one as its first day). A visit told by one day and no
   length keeps ``date``.
2. The visitor received or welcomed by a named side and told by a pronoun ("President Yoon
   received him at the presidential office", "Biden received her in the Oval Office", "Xi held
   a welcoming ceremony for him") is a meeting: the side that receives is ``host`` (session
   16), the pronoun is the visitor of the visit told just before, with the post the text gave
   that person (session 18); it is dated by the day its own clause tells, or by the visit's
   first day; a day more than a fortnight after the visit is another occasion (no fact).
3. An invitation told in Vietnamese ("Chủ tịch nước mời Tổng thống Rahmon thăm Việt Nam", "trao
   thư mời … mời Tổng thống thăm Việt Nam") is no visit, as "invited X to visit" is none since
   round 21; a visit made "theo lời mời của" or "nhận lời mời của" someone is kept.
4. A leader the vocabulary names (``extraction/vocabulary.yaml``, "leaders") with a post and no
   state ("Thủ tướng Phạm Minh Chính hội kiến Thủ tướng Armenia" on a page about Armenia and
   China, "Chủ tịch Tập Cận Bình thăm … Peru") holds the office of that person's state, not of
   the page's other state or of Viet Nam; a state the text writes with the post wins.
5. The one who invited ("Theo lời mời của Chủ tịch nước Lương Cường, Tổng thống … thăm …", "At
   the invitation of President …, … paid a state visit") is no visitor of the visit.
6. Visits named in general or assessed ("thúc đẩy trao đổi các chuyến thăm", "exchanges of
   visits", "Bộ trưởng A đánh giá cao chuyến thăm") are no visit of their own (with class 4, a
   Vietnamese leader's post before them has a state, and the rule would make one).

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest

from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _events(text: str, registry, kind: str) -> list[dict]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    return [c.data for c in ex.candidates
            if c.type == "event" and c.data.get("event_type") == kind]


def _when(d: dict) -> tuple:
    return d.get("date"), d.get("start"), d.get("end")


EN = "Kenya and South Korea\n\n"
VI = "Kenya và Hàn Quốc\n\n"


# --- 1. a visit told by its first day and its length has its span ----------------------------

@pytest.mark.parametrize(("text", "span"), [
    (EN + "Kenyan President William Ruto arrived in Seoul on 3 June 2024 for a four-day state "
          "visit to South Korea.", (None, "2024-06-03", "2024-06-06")),
    (EN + "Kenyan President William Ruto began a three-day official visit to South Korea on "
          "3 June 2024.", (None, "2024-06-03", "2024-06-05")),
    (VI + "Tổng thống Kenya William Ruto tới Seoul ngày 3/6/2024, bắt đầu chuyến thăm cấp nhà "
          "nước ba ngày tới Hàn Quốc.", (None, "2024-06-03", "2024-06-05")),
])
def test_a_visit_with_its_length_has_its_span(registry, text: str, span: tuple) -> None:  # noqa: ANN001
    [v] = _events(text, registry, "visit")
    assert _when(v) == span


@pytest.mark.parametrize("text", [
    EN + "Kenyan President William Ruto arrived in Seoul on 3 June 2024 for a state visit to "
         "South Korea.",
    VI + "Tổng thống Kenya William Ruto tới Seoul ngày 3/6/2024, bắt đầu chuyến thăm cấp nhà "
         "nước Hàn Quốc.",
])
def test_guard_a_visit_told_by_one_day_keeps_its_date(registry, text: str) -> None:  # noqa: ANN001
    [v] = _events(text, registry, "visit")
    assert _when(v) == ("2024-06-03", None, None)


# --- 2. the visitor received by a named side, told by a pronoun --------------------------------

ARRIVAL = ("Kenyan President William Ruto arrived in Seoul on 3 June 2024 for a state visit to "
           "South Korea. ")


def _received(text: str, registry) -> list[tuple]:  # noqa: ANN001
    return [(tuple(sorted((p["actor"], p["role"], (p.get("post") or {}).get("office"))
                          for p in d["participants"])), d.get("date"), d.get("place"))
            for d in _events(text, registry, "meeting")]


@pytest.mark.parametrize(("tail", "day"), [
    ("On 4 June President Yoon Suk Yeol received him at the presidential office.", "2024-06-04"),
    ("President Yoon Suk Yeol held a welcoming ceremony for him on 4 June.", "2024-06-04"),
    ("President Yoon Suk Yeol received him at the presidential office on the 5th.", "2024-06-05"),
    ("President Yoon Suk Yeol received him at the presidential office.", "2024-06-03"),
])
def test_the_visitor_received_by_a_named_side(registry, tail: str, day: str) -> None:  # noqa: ANN001
    assert _received(EN + ARRIVAL + tail, registry) == [
        ((("Kenya", "participant", "president"), ("South Korea", "host", "president")), day,
         "South Korea")]


def test_a_name_alone_takes_the_post_that_introduced_it(registry) -> None:  # noqa: ANN001
    text = (EN + "President Yoon Suk Yeol of South Korea invited the Kenyan leader in March. "
            + ARRIVAL + "On 4 June Yoon received him at the presidential office.")
    assert _received(text, registry) == [
        ((("Kenya", "participant", "president"), ("South Korea", "host", "president")),
         "2024-06-04", "South Korea")]


def test_received_on_a_day_of_the_month_that_dates_the_visit(registry) -> None:  # noqa: ANN001
    text = (EN + "Kenyan President William Ruto visited South Korea in June 2024. On 4 June 2024 "
            "President Yoon Suk Yeol received him at the presidential office.")
    assert [m[1] for m in _received(text, registry)] == ["2024-06-04"]


@pytest.mark.parametrize("tail", [
    # another occasion, months after the visit told before
    "President Yoon Suk Yeol received him again on 20 September 2024.",
    # a pronoun for the one who receives: no named side
    "She received him at the presidential office on 4 June.",
    # two days in the clause: which one is the reception's is not told
    "President Yoon Suk Yeol received him on 4 June 2024 and again on 5 June 2024.",
])
def test_guard_no_reception_where_it_is_not_the_visit_or_no_side_is_named(
        registry, tail: str) -> None:  # noqa: ANN001
    assert _received(EN + ARRIVAL + tail, registry) == []


def test_guard_no_reception_without_a_visit_told_before(registry) -> None:  # noqa: ANN001
    text = EN + "President Yoon Suk Yeol received him at the presidential office on 4 June 2024."
    assert _received(text, registry) == []


def test_a_welcoming_ceremony_and_talks_in_one_sentence_are_one_meeting(registry) -> None:  # noqa: ANN001
    # (the session-16 decision: "held a welcome ceremony for him" names the side that
    # receives, ``host``; the talks of the same sentence are that meeting, no second one)
    text = (EN + ARRIVAL + "On 4 June President Yoon Suk Yeol held a welcoming ceremony for him "
            "and the two presidents held talks.")
    assert _received(text, registry) == [
        ((("Kenya", "participant", "president"), ("South Korea", "host", "president")),
         "2024-06-04", "South Korea")]


def test_vietnamese_reception_by_a_named_side(registry) -> None:  # noqa: ANN001
    text = (VI + "Tổng thống Kenya William Ruto tới Seoul ngày 3/6/2024, bắt đầu chuyến thăm "
            "cấp nhà nước Hàn Quốc. Ngày 4/6, Tổng thống Yoon Suk Yeol tiếp ông tại Phủ Tổng "
            "thống.")
    got = _received(text, registry)
    assert [(m[0], m[1]) for m in got] == [
        ((("Kenya", "participant", "president"), ("South Korea", "host", "president")),
         "2024-06-04")]


# --- 3. an invitation told in Vietnamese is no visit ------------------------------------------

VI_TJK = "Việt Nam và Tajikistan\n\n"


@pytest.mark.parametrize("text", [
    VI_TJK + "Ngày 23/9/2025, tại New York, Chủ tịch nước Lương Cường gặp Tổng thống Tajikistan "
             "Emomali Rahmon. Chủ tịch nước mời Tổng thống Rahmon thăm Việt Nam; Tổng thống "
             "Rahmon nhận lời.",
    VI_TJK + "Ngày 23/9/2025, Phó Chủ tịch nước trao thư mời của Chủ tịch nước Lương Cường, mời "
             "Tổng thống Rahmon sang thăm Việt Nam.",
])
def test_an_invitation_in_vietnamese_is_no_visit(registry, text: str) -> None:  # noqa: ANN001
    assert _events(text, registry, "visit") == []


@pytest.mark.parametrize("text", [
    VI_TJK + "Nhận lời mời của Chủ tịch nước Lương Cường Tổng thống Tajikistan Emomali Rahmon "
             "thăm cấp Nhà nước Việt Nam ngày 5/10/2025.",
    VI_TJK + "Tổng thống Tajikistan Emomali Rahmon, khách mời danh dự của diễn đàn, thăm cấp Nhà "
             "nước Việt Nam ngày 5/10/2025.",
])
def test_guard_a_visit_made_at_an_invitation_is_kept(registry, text: str) -> None:  # noqa: ANN001
    assert [_when(v) for v in _events(text, registry, "visit")] == [("2025-10-05", None, None)]


# --- 4. a leader the vocabulary names holds the office of that person's state -----------------

def _sides(text: str, registry, kind: str) -> list[list[tuple]]:  # noqa: ANN001
    return [sorted((p["actor"], p["role"]) for p in d["participants"])
            for d in _events(text, registry, kind)]


@pytest.mark.parametrize("text", [
    "Quan hệ Ai Cập - Ấn Độ\n\nNgày 10/3/2025, tại New Delhi, Thủ tướng Phạm Minh Chính hội "
    "kiến Thủ tướng Ai Cập Mostafa Madbouly.",
    "Egypt and India\n\nOn 10 March 2025, in New Delhi, Prime Minister Pham Minh Chinh met "
    "Egyptian Prime Minister Mostafa Madbouly.",
])
def test_a_vietnamese_leader_named_without_a_state(registry, text: str) -> None:  # noqa: ANN001
    assert _sides(text, registry, "meeting") == [[("Egypt", "participant"),
                                                  ("Vietnam", "participant")]]


def test_a_chinese_leader_named_in_vietnamese_without_a_state(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Peru\n\nViệt Nam và Peru thiết lập quan hệ ngoại giao năm "
            "1994. Tháng 11/2024, Chủ tịch Tập Cận Bình thăm cấp nhà nước Peru.")
    assert _sides(text, registry, "visit") == [[("China", "visitor"), ("Peru", "host")]]


def test_guard_a_state_written_with_the_post_wins(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ Ai Cập - Ấn Độ\n\nNgày 10/3/2025, Thủ tướng Ấn Độ Narendra Modi hội kiến "
            "Thủ tướng Ai Cập Mostafa Madbouly tại New Delhi.")
    assert _sides(text, registry, "meeting") == [[("Egypt", "participant"),
                                                  ("India", "participant")]]


# --- 5. the one who invited is no visitor ------------------------------------------------------

@pytest.mark.parametrize("text", [
    VI_TJK + "Theo lời mời của Chủ tịch nước Lương Cường, Tổng thống Tajikistan Emomali Rahmon "
             "thăm cấp Nhà nước Việt Nam ngày 5/10/2025.",
    "Viet Nam and Tajikistan\n\nAt the invitation of President Luong Cuong, Tajik President "
    "Emomali Rahmon paid a state visit to Viet Nam on 5 October 2025.",
])
def test_the_inviter_is_no_visitor(registry, text: str) -> None:  # noqa: ANN001
    [v] = _events(text, registry, "visit")
    assert sorted((p["actor"], p["role"]) for p in v["participants"]) == [
        ("Tajikistan", "visitor"), ("Vietnam", "host")]
    assert _when(v) == ("2025-10-05", None, None)


# --- 6. visits named in general or assessed are no visit of their own --------------------------

@pytest.mark.parametrize("text", [
    "Việt Nam và Nigeria\n\nNgày 26/10/2020, Bộ trưởng Ngoại giao Phạm Bình Minh điện đàm với "
    "Bộ trưởng Ngoại giao Nigeria Geoffrey Onyeama; hai bên nhất trí thúc đẩy trao đổi các chuyến "
    "thăm cấp cao.",
    "Viet Nam and Nigeria\n\nOn 26 October 2020 Foreign Minister Pham Binh Minh held a phone "
    "call with Nigerian Foreign Minister Geoffrey Onyeama; they agreed to promote exchanges of "
    "visits.",
])
def test_exchanges_of_visits_are_no_visit(registry, text: str) -> None:  # noqa: ANN001
    assert _events(text, registry, "visit") == []


def test_a_visit_assessed_is_the_visit_told_not_another(registry) -> None:  # noqa: ANN001
    text = ("Việt Nam và Benin\n\nBộ trưởng Ngoại giao Benin Olushegun Bakari thăm chính thức "
            "Việt Nam từ ngày 14 đến 16/12/2023. Tại hội đàm ngày 14/12, Bộ trưởng Bùi Thanh Sơn "
            "đánh giá cao chuyến thăm.")
    assert [(sorted((p["actor"], p["role"]) for p in v["participants"]), _when(v))
            for v in _events(text, registry, "visit")] == [
        ([("Benin", "visitor"), ("Vietnam", "host")], (None, "2023-12-14", "2023-12-16"))]
