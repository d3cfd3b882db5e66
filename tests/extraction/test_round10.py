"""The tenth round of extraction rules (issue 16), from the misses of `corpus/test11/` read by
class, written as general rules rather than phrases: date ranges across two months; years
counted from the dateline ("last year", "năm nay"); the verbs of travel as visits in both
languages ("travelled to", "sang thăm", a bare "thăm X"); "Vice Premier" and "Ngoại trưởng" as
posts; an event dated only by the sentence before; "N days after <state>" counted for the
other state; an instrument named in one sentence and signed in the next; a signing in a clause
of time; a date opening the sentence for the first of two coordinated clauses; an agreement
*about* an accession.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

import pytest

from diplograph.extraction.dates import find_dates
from diplograph.extraction.pipeline import extract_text


def facts(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def events(text: str, registry, event_type: str) -> list[dict]:
    return [e for e in facts(text, registry, "event") if e["event_type"] == event_type]


def offices(e: dict) -> dict[str, str | None]:
    return {p["actor"]: (p.get("post") or {}).get("office") for p in e["participants"]}


# --- dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["from 28 June to 2 July 2019", "June 28 - July 2, 2019",
                                  "28 June – 2 July 2019"])
def test_a_range_across_two_months_keeps_both_ends(text: str) -> None:
    d = find_dates(text)[0]
    assert (d.kind, d.value) == ("range", {"from": "2019-06-28", "to": "2019-07-02"})


def test_a_visit_across_two_months_is_dated_by_its_range(registry) -> None:
    [v] = events("German Chancellor Olaf Scholz paid an official visit to India from 24 February to "
                 "1 March 2023.", registry, "visit")
    assert (v.get("start"), v.get("end")) == ("2023-02-24", "2023-03-01")


@pytest.mark.parametrize(("text", "value"), [
    ("OTTAWA, May 3, 2022 - Canada reopened the office in March of last year.", "2021-03"),
    ("OTTAWA, May 3, 2022 - The talks resumed this year.", "2022"),
    ("HÀ NỘI, 3/5/2022 - Hai bên ký thỏa thuận vào tháng 9 năm ngoái.", "2021-09"),
    ("HÀ NỘI, 3/5/2022 - Hai bên đã gặp nhau hồi tháng 2 năm nay.", "2022-02"),
])
def test_a_year_counted_from_the_dateline(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text) if "relative" in d.flags] == [value]


def test_last_year_without_a_dateline_stays_unresolved() -> None:
    [d] = find_dates("The embassy opened last year.")
    assert d.value is None and "unresolved" in d.flags


def test_the_previous_year_counts_back_from_the_date_before() -> None:
    ds = find_dates("Estonia joined in 2004; its neighbour had applied the previous year.")
    assert [d.value for d in ds] == ["2004", "2003"]


def test_an_event_without_a_date_takes_the_one_of_the_sentence_before(registry) -> None:
    text = ("Chile and Thailand signed a visa waiver on 12 May 2023 in Santiago. Thailand's "
            "foreign minister also met President Gabriel Boric.")
    [m] = events(text, registry, "meeting")
    assert m.get("date") == "2023-05-12"
    assert offices(m) == {"Thailand": "minister-of-foreign-affairs", "Chile": "president"}


def test_a_date_is_not_carried_into_another_paragraph(registry) -> None:
    text = ("Chile and Thailand signed a visa waiver on 12 May 2023.\n\nThailand's foreign "
            "minister also met President Gabriel Boric.")
    assert [m.get("date") for m in events(text, registry, "meeting")] == [None]


def test_n_days_after_another_state_dates_that_state_back(registry) -> None:
    text = ("GENEVA, 10/7/2019 - Bosnia và Herzegovina hôm nay trở thành thành viên thứ 165 "
            "của WTO, mười ngày sau Belarus.")
    got = sorted((m["member"], m.get("start")) for m in facts(text, registry, "membership"))
    assert got == [("Belarus", "2019-06-30"), ("Bosnia and Herzegovina", "2019-07-10")]


def test_a_date_opening_the_sentence_dates_the_first_of_two_clauses(registry) -> None:
    text = ("Ngày 1/7/1997, Vanuatu cắt đứt quan hệ ngoại giao với Israel và tuyên bố hủy "
            "Hiệp định hợp tác ký năm 1990.")
    rels = facts(text, registry, "relation")
    assert [(r["status"], r.get("date")) for r in rels] == [("severed", "1997-07-01")]


# --- visits and posts -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "host", "office"), [
    ("Indonesian President Joko Widodo travelled to Kenya in August 2023.", "Kenya",
     "president"),
    ("Japanese Prime Minister Fumio Kishida flew to Ghana on 1 May 2023.", "Ghana",
     "prime-minister"),
    ("Năm 2019, Thủ tướng Ấn Độ sang thăm Bhutan.", "Bhutan", "prime-minister"),
    ("Tháng 4/2018, Chủ tịch Cuba Raúl Castro thăm Venezuela.", "Venezuela", "president"),
    ("Japanese Prime Minister Fumio Kishida landed in Kenya on 3 May 2023.", "Kenya",
     "prime-minister"),
    ("Tháng 3/2019, Thủ tướng Ai Cập công du Kazakhstan.", "Kazakhstan", "prime-minister"),
])
def test_the_verbs_of_travel_are_visits(registry, text: str, host: str, office: str) -> None:
    [v] = events(text, registry, "visit")
    assert v["place"] == host and office in offices(v).values()


@pytest.mark.parametrize("text", ["The general came to power in 2021.",
                                  "Bộ trưởng đã thăm hỏi các gia đình bị ảnh hưởng.",
                                  "The delegation went to dinner after the talks."])
def test_travel_without_a_state_as_destination_is_no_visit(registry, text: str) -> None:
    assert events(text, registry, "visit") == []


@pytest.mark.parametrize(("text", "office"), [
    ("Chinese Vice Premier Liu He visited Switzerland in January 2023.",
     "deputy-prime-minister"),
    ("Ngoại trưởng Ai Cập thăm Thổ Nhĩ Kỳ tháng 4/2023.", "minister-of-foreign-affairs"),
])
def test_vice_premier_and_ngoai_truong_are_their_own_posts(registry, text: str,
                                                           office: str) -> None:
    [v] = events(text, registry, "visit")
    assert office in offices(v).values()


def test_a_state_at_the_end_of_a_headline_does_not_name_the_next_lines_post(registry) -> None:
    text = ("Quan hệ Ai Cập - Israel\n\nTổng thống Anwar Sadat thăm Israel tháng 11/1977.")
    [v] = events(text, registry, "visit")
    assert v["participants"][0]["actor"] == "Egypt"


@pytest.mark.parametrize("text", [
    "Japanese Prime Minister Fumio Kishida conferred with President Nana Akufo-Addo of Ghana "
    "in Accra on 1 May 2023.",
    "Ngày 2/5/2023, Tổng thống Ghana tiếp kiến Thủ tướng Nhật Bản tại Accra.",
])
def test_more_verbs_of_meeting(registry, text: str) -> None:
    [m] = events(text, registry, "meeting")
    assert set(offices(m)) == {"Ghana", "Japan"}


# --- agreements -------------------------------------------------------------------------------

def test_inked_is_a_signing(registry) -> None:
    ags = facts("Ghana and Japan inked a technical cooperation agreement on 1 May 2023.",
                registry, "agreement")
    assert [(sorted(a["parties"]), a.get("signed")) for a in ags] == [
        (["Ghana", "Japan"], "2023-05-01")]


def test_an_instrument_signed_in_the_next_sentence(registry) -> None:
    text = ("Egypt and Israel concluded the Camp David talks in September 1978. The Egypt-Israel "
            "Peace Treaty followed. It was signed in Washington on 26 March 1979 and entered "
            "into force on 25 April 1979.")
    ags = facts(text, registry, "agreement")
    assert [(a["instrument"], sorted(a["parties"]), a.get("signed"), a.get("in_force"))
            for a in ags] == [("treaty", ["Egypt", "Israel"], "1979-03-26", "1979-04-25")]


def test_a_vietnamese_instrument_in_force_today_and_signed_in_the_next_sentence(registry) -> None:
    text = ("SEOUL, 1/12/2024 - Hiệp định Thương mại tự do giữa Hàn Quốc và Campuchia chính "
            "thức có hiệu lực từ hôm nay, hơn một năm sau khi được ký kết. Hiệp định được ký "
            "ngày 10/2/2022 tại Phnôm Pênh.")
    ags = facts(text, registry, "agreement")
    assert [(sorted(a["parties"]), a.get("signed"), a.get("in_force")) for a in ags] == [
        (["Cambodia", "South Korea"], "2022-02-10", "2024-12-01")]


def test_a_signing_in_a_clause_of_time_has_no_date_of_the_sentence(registry) -> None:
    text = ("LIMA, 2/3/2021 - Hiệp định Thương mại giữa Peru và Úc có hiệu lực từ hôm nay, "
            "hai năm sau khi được ký kết.")
    ags = facts(text, registry, "agreement")
    assert [a.get("signed") for a in ags] == [None]


# --- memberships ------------------------------------------------------------------------------

def test_an_agreement_about_an_accession_is_not_the_accession(registry) -> None:
    text = ("Tháng 5/2000, hai nước ký thỏa thuận về việc Việt Nam gia nhập WTO. Ngày 11/1/2007, "
            "Việt Nam trở thành thành viên chính thức của WTO.")
    ms = facts(text, registry, "membership")
    assert [(m["member"], m.get("start")) for m in ms] == [("Vietnam", "2007-01-11")]


def test_an_explicit_date_after_a_relative_one_opens_the_sentence(registry) -> None:
    text = ("Nga nộp đơn năm 1993. Mười chín năm sau, ngày 22/8/2012, Nga trở thành thành viên "
            "của WTO.")
    ms = [m for m in facts(text, registry, "membership") if m.get("start")]
    assert [(m["member"], m["start"]) for m in ms] == [("Russia", "2012-08-22")]


# --- claims -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "modality"), [
    ("Peru và Chile đặt mục tiêu nâng kim ngạch thương mại lên 5 tỷ USD.", "intended"),
    ("Kazakhstan hy vọng gia nhập tổ chức này trước năm 2030.", "hoped"),
    ("Peru and Chile set a new target of doubling trade by 2030.", "intended"),
])
def test_targets_and_hopes_are_claims(registry, text: str, modality: str) -> None:
    claims = facts(text, registry, "claim")
    assert [c["modality"] for c in claims] == [modality]
    assert facts(text, registry, "trade") == [] and facts(text, registry, "membership") == []


def test_no_plan_is_no_intention(registry) -> None:
    text = "Hai bên chưa có kế hoạch mở lãnh sự quán."
    assert [c for c in facts(text, registry, "claim") if c.get("modality") == "intended"] == []
