"""Round 43 (session 25): constructions that recur in several writers' parts.

1. (A) A scraped Vietnamese country page lists the state's memberships on a labelled line, each
   body with a bracket of its own ("Là thành viên: NATO (29/3/2004), EU (1/5/2004), OECD (2000),
   Hội đồng châu Âu, OSCE"): each body with a date in its bracket is a membership of the page's
   state from that date (a founder where the bracket says "thành viên sáng lập"); a body with no
   bracket gives no fact, unless the next bracket says the date is shared ("OIC, ECO (cùng năm
   1992)"). The page's state is the one its "Tên nước:" line names when the title names only
   the partner ("… > Lát-vi-aLÁT-VI-A - TÀI LIỆU CƠ BẢN VÀ QUAN HỆ VỚI VIỆT NAM": the breadcrumb
   swallowed the state's own name). "SNG" is the CIS.
2. (B) Joinings told by other verbs: "took its seat in / at" (not an elected council's seat),
   "Admission to X came (only) on …".
3. (C) A date right after a counted offset restates it ("… five days after independence, on
   14 December 1961"): the fact's date; "a year after it applied, in 1962" is not.
4. (D) A membership "on independence", "at independence", "ngay khi độc lập" starts on the day
   the text gives the independence (round 32's "since independence"); one "in the year of
   independence" / "ngay trong năm độc lập" in its year.
5. (E) A stop on the way is a visit ("Premier A stopped in Fiji in June 1992 on his way to
   …"); "talks stopped in 2005" is none.
6. (F) A reception of a counterpart named by the visitor's adjective ("Prime Minister A
   received his Mauritian counterpart B"): a meeting, the receiving side the host.
7. (G) A listed visit whose bracket opens with its kind ("phía Thụy Sĩ có Tổng thống A (8/2008),
   Phó Tổng thống B (thăm chính thức, 4-6/8/2021)") is the item's own visit, with its own post
   (not the list's first).

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest

from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _members(text: str, registry) -> list[tuple]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    return sorted((c.data["member"], c.data["organization"], c.data.get("start"),
                   tuple(c.data.get("roles", ())))
                  for c in ex.candidates if c.type == "membership")


UN = "United Nations"
OSCE = "Organization for Security and Cooperation in Europe"
COE = "Council of Europe"
EU = "European Union"
WTO = "World Trade Organization"
OECD = "Organization for Economic Cooperation and Development"
CIS = "Commonwealth of Independent States"
OAU = "Organization for African Unity"


# --- 1. a labelled line of bodies with brackets ------------------------------------------------

_PAGE = ("Trang chủ > Các nước và vùng lãnh thổ > Châu Âu > Ét-xtô-ni-aÉT-XTÔ-NI-A - TÀI LIỆU CƠ "
         "BẢN VÀ QUAN HỆ VỚI VIỆT NAM\nCập nhật: 3/2026 | In trang\nI. THÔNG TIN CƠ BẢN\n"
         "Tên nước: Cộng hòa Estonia (Republic of Estonia)\nThủ đô: Tallinn\n{line}\n"
         "II. QUAN HỆ VỚI VIỆT NAM\nNăm thiết lập quan hệ ngoại giao: 1992.\n")


def test_page_state_named_on_its_line_when_the_title_names_the_partner(registry) -> None:  # noqa: ANN001
    line = "Là thành viên: Liên hợp quốc (17/9/1991), Hội đồng châu Âu (14/5/1993)."
    assert _members(_PAGE.format(line=line), registry) == [
        ("Estonia", COE, "1993-05-14", ()), ("Estonia", UN, "1991-09-17", ())]


def test_undated_bodies_of_the_line_give_no_fact(registry) -> None:  # noqa: ANN001
    line = ("Là thành viên: Liên minh châu Âu (1/5/2004), OECD (9/12/2010), WTO (1999), "
            "Hội đồng châu Âu, OSCE")
    assert _members(_PAGE.format(line=line), registry) == [
        ("Estonia", EU, "2004-05-01", ()), ("Estonia", OECD, "2010-12-09", ()),
        ("Estonia", WTO, "1999", ())]


def test_a_body_between_two_dated_ones_has_no_date_of_the_next(registry) -> None:  # noqa: ANN001
    line = "Là thành viên: Liên hợp quốc (17/9/1991), OSCE, WTO (13/11/1999)"
    assert _members(_PAGE.format(line=line), registry) == [
        ("Estonia", UN, "1991-09-17", ()), ("Estonia", WTO, "1999-11-13", ())]


def test_a_date_the_bracket_says_is_shared(registry) -> None:  # noqa: ANN001
    line = "Là thành viên: SNG, OSCE (cùng năm 1991), Hội đồng châu Âu (14/5/1993)"
    assert _members(_PAGE.format(line=line), registry) == [
        ("Estonia", CIS, "1991", ()), ("Estonia", COE, "1993-05-14", ()),
        ("Estonia", OSCE, "1991", ())]


def test_a_founder_in_the_bracket_and_an_unknown_body_between(registry) -> None:  # noqa: ANN001
    line = ("Thành viên các tổ chức quốc tế: Liên hợp quốc (17/9/1991), Hội đồng các nước biển "
            "Ban-tích (thành viên sáng lập, 3/1992), Liên minh châu Âu (1/5/2004)")
    assert _members(_PAGE.format(line=line), registry) == [
        ("Estonia", EU, "2004-05-01", ()), ("Estonia", UN, "1991-09-17", ())]


def test_a_body_named_by_the_abbreviation_in_its_bracket(registry) -> None:  # noqa: ANN001
    line = ("Tổ chức quốc tế tham gia: Liên hợp quốc (17/9/1991), Hội đồng châu Âu (14/5/1993), "
            "Liên minh phòng thủ Bắc Đại Tây Dương (NATO).")
    assert _members(_PAGE.format(line=line), registry) == [
        ("Estonia", COE, "1993-05-14", ()), ("Estonia", UN, "1991-09-17", ())]


def test_a_founder_bracket(registry) -> None:  # noqa: ANN001
    line = ("Là thành viên: Liên hợp quốc (17/9/1991), Cộng đồng các quốc gia độc lập (thành "
            "viên sáng lập, 21/12/1991)")
    assert _members(_PAGE.format(line=line), registry) == [
        ("Estonia", CIS, "1991-12-21", ("full", "founding")),
        ("Estonia", UN, "1991-09-17", ())]


def test_a_title_naming_its_own_state_keeps_it(registry) -> None:  # noqa: ANN001
    text = ("CỘNG HÒA ESTONIA – THÔNG TIN CƠ BẢN VÀ QUAN HỆ VỚI VIỆT NAM\n"
            "Là thành viên: Liên hợp quốc (17/9/1991), Hội đồng châu Âu (14/5/1993).\n")
    assert _members(text, registry) == [
        ("Estonia", COE, "1993-05-14", ()), ("Estonia", UN, "1991-09-17", ())]


# --- 2. joinings told by other verbs -----------------------------------------------------------

_EN = "Foreign relations of Botswana\n\nBotswana became independent on 30 September 1966. {s}\n"


@pytest.mark.parametrize(("sentence", "want"), [
    ("Two weeks later, on 17 October 1966, it took its seat at the United Nations.",
     ("Botswana", UN, "1966-10-17", ())),
    ("It took its seat in the Organisation of African Unity in 1966.",
     ("Botswana", OAU, "1966", ())),
    ("Admission to the Commonwealth came only on 30 September 1966.",
     ("Botswana", "Commonwealth of Nations", "1966-09-30", ())),
])
def test_joinings_told_by_other_verbs(registry, sentence: str, want: tuple) -> None:  # noqa: ANN001
    assert want in _members(_EN.format(s=sentence), registry)


def test_an_elected_council_seat_is_no_membership_of_this_reading(registry) -> None:  # noqa: ANN001
    got = _members(_EN.format(s="In 2017 Botswana took its seat in the Human Rights Council."),
                   registry)
    assert not [m for m in got if "Council" in m[1]]


# --- 3. a date restating a counted offset ------------------------------------------------------

def test_a_date_restating_the_offset_dates_the_fact(registry) -> None:  # noqa: ANN001
    text = _EN.format(s="Botswana joined the United Nations three weeks after independence, on "
                        "17 October 1966.")
    assert ("Botswana", UN, "1966-10-17", ()) in _members(text, registry)


def test_a_date_of_the_offsets_own_clause_does_not(registry) -> None:  # noqa: ANN001
    text = _EN.format(s="Botswana joined the World Trade Organization a year after it applied, "
                        "in 1994.")
    assert ("Botswana", WTO, None, ()) in _members(text, registry)


# --- 4. memberships at independence ------------------------------------------------------------

_INDEPENDENT = ("Foreign relations of Botswana\n\nBotswana became independent from the United "
                "Kingdom on 30 September 1966. {s}\n")


@pytest.mark.parametrize("sentence", [
    "It joined the Commonwealth of Nations on independence.",
    "At independence Botswana also entered the Commonwealth of Nations.",
])
def test_a_membership_on_independence_starts_that_day(registry, sentence: str) -> None:  # noqa: ANN001
    got = _members(_INDEPENDENT.format(s=sentence), registry)
    assert ("Botswana", "Commonwealth of Nations", "1966-09-30", ()) in got


def test_a_membership_in_the_year_of_independence_vi(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Botswana\n\nBotswana giành độc lập từ Anh ngày 30/9/1966. Ngay "
            "trong năm độc lập, Botswana được kết nạp vào Liên Hợp Quốc.\n")
    assert ("Botswana", UN, "1966", ()) in _members(text, registry)


def test_after_independence_is_not_at_it(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Botswana\n\nBotswana giành độc lập từ Anh ngày 30/9/1966. Vài "
            "năm sau khi độc lập, Botswana gia nhập Phong trào Không liên kết.\n")
    assert not [m for m in _members(text, registry) if m[2] == "1966-09-30"]


# --- 5. a stop on the way ----------------------------------------------------------------------

def _events(text: str, registry) -> list[dict]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    return [c.data for c in ex.candidates if c.type == "event"]


def test_a_stop_on_the_way_is_a_visit(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Fiji\n\nPrime Minister Jacinda Ardern of New Zealand stopped in "
            "Fiji in February 2020 on her way to Australia.\n")
    visits = [e for e in _events(text, registry) if e["event_type"] == "visit"]
    assert [(sorted((p["actor"], p["role"]) for p in v["participants"]), v.get("date"))
            for v in visits] == [([("Fiji", "host"), ("New Zealand", "visitor")], "2020-02")]


def test_talks_that_stopped_are_no_visit(registry) -> None:  # noqa: ANN001
    text = "Foreign relations of Fiji\n\nThe talks with Tonga stopped in 2005.\n"
    assert not [e for e in _events(text, registry) if e["event_type"] == "visit"]


# --- 6. a counterpart received -----------------------------------------------------------------

def test_a_counterpart_received(registry) -> None:  # noqa: ANN001
    text = ("CANBERRA, Australia, June 4, 2026 - Australian Prime Minister Anthony Albanese "
            "received his Fijian counterpart Sitiveni Rabuka at Parliament House on Thursday.\n")
    meetings = [e for e in _events(text, registry) if e["event_type"] == "meeting"]
    assert [sorted((p["actor"], p["role"], p.get("post", {}).get("office"))
                   for p in m["participants"]) for m in meetings] == [
        [("Australia", "host", "prime-minister"), ("Fiji", "participant", "prime-minister")]]


# --- 7. a listed visit whose bracket opens with its kind ---------------------------------------

def test_a_listed_visit_with_its_kind_in_the_bracket_keeps_its_post(registry) -> None:  # noqa: ANN001
    text = ("Trang chủ > Châu Âu > Ét-xtô-ni-aÉT-XTÔ-NI-A - THÔNG TIN CƠ BẢN\n"
            "Tên nước: Cộng hòa Estonia\nIII. QUAN HỆ VỚI VIỆT NAM\n"
            "Các chuyến thăm cấp cao: phía Estonia có Tổng thống A-la Ca-ri (5/2019), Phó Thủ "
            "tướng Ma-ri-ô Tam (thăm chính thức, 3-5/4/2022); phía Việt Nam có Phó Chủ tịch nước "
            "Võ Thị Ánh Xuân (6/2023), Thủ tướng Phạm Minh Chính (thăm làm việc, 10-11/9/2024).\n")
    visits = sorted((v["participants"][0]["actor"], v["participants"][0]["post"]["office"],
                     v.get("date"), v.get("start"), v.get("end"))
                    for v in _events(text, registry) if v["event_type"] == "visit")
    assert ("Estonia", "deputy-prime-minister", None, "2022-04-03", "2022-04-05") in visits
    assert ("Vietnam", "prime-minister", None, "2024-09-10", "2024-09-11") in visits
    assert not [v for v in visits if v[3] == "2022-04-03" and v[1] != "deputy-prime-minister"]
