"""Round 39 (session 23): the precision round, classes of wrong facts the rules make in many
writers' parts.

1. A foreign leader a Vietnamese text names by office and name without a state ("Tổng thống
   Bill Clinton", "Thủ tướng Giorgia Meloni") is not Viet Nam's: the name holds a word no
   Vietnamese syllable is.
2. The ruler a state became independent of ("giành độc lập từ Anh", "the former British
   protectorate of …", "do Anh và Pháp cùng cai quản") is never the member that joins.
3. A meeting of a visit's two states, with no place of its own, on the day of a visit dated by
   that day (or in the month of a visit dated by that month) is in the visited state.
4. A counted offset opening the trigger's coordinated clause ("… on 22 June 2006 and, six days
   later, became …", "… ngày 22/9/1960 và chỉ sáu ngày sau được kết nạp") dates the membership,
   not the date it counts from.
5. "tham gia" a movement (the Non-Aligned Movement, which the registry holds as a forum) is a
   full membership, as every writer's gold gives it; a forum's participant stays one.
6. Taking part in an initiative the registry does not hold ("tham gia "Vành đai và Con
   đường"", the Belt and Road) is no membership of the text's most named organisation.
7. A joining told as an aim, an intention or an application ("hai mục tiêu: gia nhập NATO",
   "không có ý định xin gia nhập", "applied to rejoin") is no membership.

Every sentence here was written for these tests (in no corpus part); each class's wrong fact is
shown gone and the right fact kept.
"""

from __future__ import annotations

import pytest

from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _events(text: str, registry, kind: str) -> set[tuple]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    out = set()
    for c in ex.candidates:
        if c.type == "event" and c.data.get("event_type") == kind:
            ps = tuple(sorted((p["actor"], p["role"]) for p in c.data["participants"]))
            out.add((ps, c.data.get("date") or c.data.get("start"), c.data.get("place")))
    return out


def _memberships(text: str, registry) -> set[tuple]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    return {(c.data["member"], c.data["organization"], c.data.get("start"))
            for c in ex.candidates if c.type == "membership"}


# --- 1. a foreign name is no Vietnamese leader's ---------------------------------------------

VI_PAGE = ("Quan hệ đối ngoại của Peru\n\nPeru và Việt Nam thiết lập quan hệ ngoại giao ngày "
           "14/11/1994. ")


@pytest.mark.parametrize("sentence, visitor, host", [
    # the text's state travels: its leader, named without the state
    ("Tháng 3/2019, Tổng thống Martín Vizcarra thăm chính thức Chile.", "Peru", "Chile"),
    ("Tháng 6/2021, Thủ tướng Violeta Bermúdez thăm Ecuador.", "Peru", "Ecuador"),
    # a transliteration with hyphens
    ("Tháng 6/2021, Thủ tướng Vi-ô-lê-ta Béc-mu-đết thăm Ecuador.", "Peru", "Ecuador"),
])
def test_foreign_name_is_the_texts_state(registry, sentence: str, visitor: str,  # noqa: ANN001
                                         host: str) -> None:
    got = _events(VI_PAGE + sentence, registry, "visit")
    parties = {ps for ps, _, _ in got}
    assert ((host, "host"), (visitor, "visitor")) in {tuple(sorted(p)) for p in parties}, got
    assert not any(("Vietnam", "visitor") in ps for ps in parties), got


def test_foreign_visitor_to_the_texts_state_is_not_vietnam(registry) -> None:  # noqa: ANN001
    # a third state's leader visits the text's state: no state for the visitor is said, so no
    # visit is proposed (before: Viet Nam's)
    got = _events(VI_PAGE + "Tháng 11/2016, chuyến thăm Lima của Thủ tướng Justin Trudeau "
                  "mở ra giai đoạn mới.", registry, "visit")
    assert not any(("Vietnam", "visitor") in ps for ps, _, _ in got), got


@pytest.mark.parametrize("name", ["Nguyễn Xuân Phúc", "Pham Binh Minh", "Võ Thị Ánh Xuân"])
def test_vietnamese_name_stays_vietnams(registry, name: str) -> None:  # noqa: ANN001
    got = _events(f"Tháng 5/2019, Thủ tướng {name} thăm chính thức Chile.", registry, "visit")
    assert any(("Vietnam", "visitor") in ps and ("Chile", "host") in ps for ps, _, _ in got), got


# --- 2. the former ruler is no member ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Quan hệ đối ngoại của Belize\n\nBelize giành độc lập từ Anh ngày 21/9/1981 và trở thành "
    "thành viên Khối Thịnh vượng chung ngay trong ngày độc lập.",
    "Quan hệ đối ngoại của Belize\n\nBelize, trước đây là thuộc địa Honduras thuộc Anh, giành "
    "độc lập ngày 21/9/1981 và trở thành thành viên Khối Thịnh vượng chung ngay trong ngày độc "
    "lập.",
    "Foreign relations of Belize\n\nBelize became independent from Britain on 21 September 1981 "
    "and joined the Commonwealth of Nations the same day.",
    "Foreign relations of Belize\n\nBelize, the former British colony of British Honduras, "
    "became independent on 21 September 1981 and joined the Commonwealth of Nations that day.",
])
def test_former_ruler_is_no_member(registry, text: str) -> None:  # noqa: ANN001
    got = _memberships(text, registry)
    assert ("Belize", "Commonwealth of Nations", "1981-09-21") in got, got
    assert not any(m == "United Kingdom" for m, _, _ in got), got


def test_a_language_is_no_member(registry) -> None:  # noqa: ANN001
    got = _memberships("Quan hệ đối ngoại của Belize\n\nBelize, nước lấy tiếng Anh làm ngôn ngữ "
                       "chính thức, trở thành thành viên Khối Thịnh vượng chung ngày "
                       "21/9/1981.", registry)
    assert not any(m == "United Kingdom" for m, _, _ in got), got


def test_two_rulers_are_no_members(registry) -> None:  # noqa: ANN001
    got = _memberships("Quan hệ đối ngoại của Vanuatu\n\nVa-nu-a-tu, trước đây do Anh và Pháp "
                       "cùng cai quản, giành độc lập ngày 30/7/1980 và trở thành thành viên "
                       "Khối Thịnh vượng chung cùng ngày.", registry)
    assert not any(m in ("United Kingdom", "France") for m, _, _ in got), got


def test_a_state_that_joins_with_another_is_still_a_member(registry) -> None:  # noqa: ANN001
    got = _memberships("Anh và Pháp gia nhập Liên hợp quốc ngày 24/10/1945.", registry)
    assert {m for m, _, _ in got} >= {"United Kingdom", "France"}, got


# --- 3. a meeting placed by its visit -----------------------------------------------------------

def test_meeting_on_the_day_of_a_visit_is_in_the_visited_state(registry) -> None:  # noqa: ANN001
    got = _events("Indian President Droupadi Murmu held talks with Chilean President Gabriel "
                  "Boric in Santiago on 2 April 2025, on a state visit to Chile. The same day "
                  "Murmu and Boric met again.", registry, "meeting")
    assert got and all(place == "Chile" for _, _, place in got), got


def test_meeting_in_the_month_of_a_visit_is_in_the_visited_state(registry) -> None:  # noqa: ANN001
    text = ("Indian President Droupadi Murmu visited Chile in April 2025. On 2 April 2025 Murmu "
            "held talks with President Gabriel Boric.")
    got = _events(text, registry, "meeting")
    assert ((("Chile", "participant"), ("India", "participant")), "2025-04-02", "Chile") in got, got


def test_meeting_on_another_day_than_a_visit_keeps_no_place(registry) -> None:  # noqa: ANN001
    text = ("Indian Prime Minister Narendra Modi arrived in Accra on 2 July 2025 for a state "
            "visit to Ghana. On 9 September 2025 Modi held talks with President John Mahama.")
    got = _events(text, registry, "meeting")
    assert got and not any(place for _, _, place in got), got


# --- 4. a counted offset dates its own clause ---------------------------------------------------

@pytest.mark.parametrize("text, member, org, start", [
    ("Montenegro was admitted to the OSCE on 22 June 2006 and, six days later, became the 192nd "
     "member of the United Nations.", "Montenegro", "United Nations", "2006-06-28"),
    ("Ma-li tuyên bố độc lập ngày 22/9/1960 và chỉ sáu ngày sau được kết nạp vào Liên hợp "
     "quốc.", "Mali", "United Nations", "1960-09-28"),
])
def test_counted_offset_dates_the_membership(registry, text: str, member: str,  # noqa: ANN001
                                             org: str, start: str) -> None:
    got = _memberships(text, registry)
    assert (member, org, start) in got, got


def test_date_opening_the_first_clause_is_kept(registry) -> None:  # noqa: ANN001
    got = _memberships("Montenegro was admitted to the OSCE on 22 June 2006 and, six days "
                       "later, became the 192nd member of the United Nations.", registry)
    assert ("Montenegro", "Organization for Security and Cooperation in Europe",
            "2006-06-22") in got, got


# --- 5. a movement has members ----------------------------------------------------------------

def test_joining_the_non_aligned_movement_is_full(registry) -> None:  # noqa: ANN001
    ex = extract_text("Quan hệ đối ngoại của Liban\n\nLiban tham gia Phong trào Không liên kết "
                      "từ năm 1961.", None, registry, verify=False)
    got = [(c.data["member"], c.data["organization"], tuple(c.data.get("roles") or ["full"]))
           for c in ex.candidates if c.type == "membership"]
    assert ("Lebanon", "Non-Aligned Movement", ("full",)) in got, got


def test_a_forum_keeps_its_participants(registry) -> None:  # noqa: ANN001
    ex = extract_text("Quan hệ đối ngoại của Liban\n\nLiban tham gia Diễn đàn Khu vực ASEAN "
                      "(ARF) từ năm 2005.", None, registry, verify=False)
    roles = [tuple(c.data.get("roles") or ["full"]) for c in ex.candidates
             if c.type == "membership"]
    assert all(r == ("participant",) for r in roles), roles


# --- 6. an initiative is no organisation of the text -------------------------------------------

SL_PAGE = ("Quan hệ đối ngoại của Sierra Leone\n\nSierra Leone gia nhập Liên hợp quốc năm 1961. "
           "Liên hợp quốc hỗ trợ Sierra Leone sau nội chiến. ")


@pytest.mark.parametrize("sentence", [
    "Năm 2018, Sierra Leone ký bản ghi nhớ tham gia \"Vành đai và Con đường\".",
    "Năm 2018, bản ghi nhớ về Sáng kiến Vành đai và Con đường đưa Sierra Leone trở thành thành "
    "viên.",
])
def test_initiative_is_no_membership_of_the_most_named(registry, sentence: str  # noqa: ANN001
                                                      ) -> None:
    got = _memberships(SL_PAGE + sentence, registry)
    assert ("Sierra Leone", "United Nations", "1961") in got, got
    assert not any(start == "2018" for _, _, start in got), got


# --- 7. an aim, an intention or an application is no membership ---------------------------------

@pytest.mark.parametrize("text, org", [
    ("Quan hệ đối ngoại của Moldova\n\nChính sách đối ngoại của Chișinău xoay quanh hai mục "
     "tiêu: gia nhập NATO và Liên minh châu Âu.", "North Atlantic Treaty Organization"),
    ("Quan hệ đối ngoại của Áo\n\nÁo nhiều lần khẳng định không có ý định xin gia nhập NATO.",
     "North Atlantic Treaty Organization"),
    ("Quan hệ đối ngoại của Thụy Sĩ\n\nThụy Sĩ chưa từng nộp đơn xin gia nhập Liên minh châu "
     "Âu.", "European Union"),
    ("Foreign relations of Gambia\n\nGambia left the Commonwealth in 2013. Gambia applied to "
     "rejoin the Commonwealth in 2017.", "Commonwealth of Nations"),
])
def test_intention_is_no_membership(registry, text: str, org: str) -> None:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    got = [(c.rule, c.data) for c in ex.candidates if c.type == "membership"
           and c.data["organization"] == org and "end" not in c.data]
    assert not got, got


def test_application_then_joining_keeps_the_joining(registry) -> None:  # noqa: ANN001
    got = _memberships("Montenegro applied for membership in 2008 and joined NATO on 5 June "
                       "2017.", registry)
    assert ("Montenegro", "North Atlantic Treaty Organization", "2017-06-05") in got, got


@pytest.mark.parametrize("text, member, org, start", [
    ("Lào gia nhập WTO năm 2013. Đông Timor, nước nộp đơn xin gia nhập cuối năm 2016, được kết "
     "nạp vào WTO ngày 30/8/2024.", "Timor-Leste", "World Trade Organization", "2024-08-30"),
    ("Năm 2019, San Marino nộp đơn xin gia nhập Quỹ Tiền tệ Quốc tế và ngày 3/9/2021 trở thành "
     "thành viên của tổ chức này.", "San Marino", "International Monetary Fund", "2021-09-03"),
])
def test_application_then_admission_keeps_the_admission(registry, text: str,  # noqa: ANN001
                                                        member: str, org: str,
                                                        start: str) -> None:
    got = _memberships(text, registry)
    assert (member, org, start) in got, got
