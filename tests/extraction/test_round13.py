"""The thirteenth round of extraction rules (issue 16), from the misses of `corpus/test14/` (a
held-out part by an independent writer, development since this round) read by class: the dates
of an event (yesterday, "came N days after", a visit that ends today or lasts until a day, the
day of arrival), committee sessions (by ordinal words, of the committee just named, in the
dateline's city), summits of three states, agreements (a coordinated title, two titled
instruments of one signing, a plan's year), partnerships (a proposal, "this framework"), the
companions of an accession and founders dated by their organisation, and "the two countries"
of a paragraph.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts

from diplograph.extraction.dates import find_dates


def actors(event: dict) -> dict[str, tuple[str, str | None]]:
    return {p["actor"]: (p["role"], (p.get("post") or {}).get("office"))
            for p in event["participants"]}


# --- dates -------------------------------------------------------------------------------------

def test_yesterday_is_the_dateline_s_day_before() -> None:
    for text in ("SEOUL, March 12, 2024 - The minister arrived yesterday.",
                 "HÀ NỘI, 12/3/2024 - Bộ trưởng đã đến tối qua."):
        [d] = [d for d in find_dates(text) if "relative" in d.flags]
        assert d.value == "2024-03-11"


def test_came_n_days_after_counts_back_from_the_day_just_dated() -> None:
    text = ("OSLO, June 14, 2023 - Parliament approved the deal on Wednesday. The vote came four "
            "days after Prime Minister Jonas Store travelled to Helsinki.")
    [d] = [d for d in find_dates(text) if text[d.start : d.end].startswith("came")]
    assert d.value == "2023-06-10"


def test_a_visit_from_its_arrival_until_a_day(registry) -> None:
    text = ("BERLIN, 3/6/2024 - Tổng thống Pháp Emmanuel Macron đến Berlin tối qua, bắt đầu "
            "chuyến thăm cấp nhà nước kéo dài đến ngày 5/6.")
    [v] = [e for e in facts(text, registry, "event", "vi") if e["event_type"] == "visit"]
    assert (v.get("start"), v.get("end")) == ("2024-06-02", "2024-06-05")
    assert actors(v)["France"] == ("visitor", "president")


def test_a_visit_that_ends_today_counted_back_by_its_length(registry) -> None:
    text = ("PA-RI, 8/4/2024 - Thủ tướng Phạm Minh Chính hôm nay kết thúc chuyến thăm Pháp ba "
            "ngày theo lời mời của Thủ tướng Pháp.")
    [v] = [e for e in facts(text, registry, "event", "vi") if e["event_type"] == "visit"]
    assert (v.get("start"), v.get("end")) == ("2024-04-06", "2024-04-08")


def test_a_visit_s_length_from_its_first_day(registry) -> None:
    text = "Quan hệ Việt Nam – Thái Lan\n\nThủ tướng Thái Lan thăm Việt Nam ba ngày từ 5/6/2019."
    [v] = [e for e in facts(text, registry, "event", "vi") if e["event_type"] == "visit"]
    assert (v.get("start"), v.get("end")) == ("2019-06-05", "2019-06-07")


def test_the_evening_of_arrival_is_the_visit_s_first_day(registry) -> None:
    text = ("Quan hệ Việt Nam – Thái Lan\n\nThủ tướng Thái Lan thăm Việt Nam ngày 10 và "
            "11/5/2018 và hội đàm với Thủ tướng Việt Nam tại Hà Nội ngay tối hôm đến.")
    [m] = [e for e in facts(text, registry, "event", "vi") if e["event_type"] == "meeting"]
    assert m.get("date") == "2018-05-10"


def test_a_date_before_a_comma_without_a_year() -> None:
    text = "CAIRO, May 2, 2022 - The two sides signed it in Amman on March 13, during a visit."
    assert "2022-03-13" in [d.value for d in find_dates(text)]


# --- who and where -----------------------------------------------------------------------------

def test_external_affairs_minister_is_a_foreign_minister(registry) -> None:
    text = ("Sri Lanka-India Relations\n\nExternal Affairs Minister Arun Rao visited Sri Lanka on "
            "4 May 2019.")
    [v] = facts(text, registry, "event", "en")
    assert actors(v)["India"] == ("visitor", "minister-of-foreign-affairs")


def test_a_building_named_after_a_place_is_not_that_place(registry) -> None:
    text = ("Nepal-India Relations\n\nPrime Minister Ram Thapa held talks with Prime Minister "
            "Anil Rao at Hyderabad House, New Delhi on 2 May 2019.")
    [m] = facts(text, registry, "event", "en")
    assert m["place"] == "India"


def test_a_royal_of_one_side_of_a_pair_travels_for_it(registry) -> None:
    text = "Quan hệ Thái Lan – Nhật Bản\n\nHoàng thân Chakri Vong thăm Nhật Bản năm 1963."
    [v] = facts(text, registry, "event", "vi")
    assert actors(v) == {"Thailand": ("visitor", None), "Japan": ("host", None)}
    assert v["date"] == "1963"


def test_a_meeting_abroad_in_a_text_on_one_state(registry) -> None:
    text = ("Foreign relations of Chile\n\nChile trades with many states.\n\nPresident Gabriel "
            "Boric met President Lula da Silva in Brasilia on 17 October 2023.")
    [m] = [e for e in facts(text, registry, "event", "en") if e["event_type"] == "meeting"]
    assert set(actors(m)) == {"Chile", "Brazil"} and m["date"] == "2023-10-17"


def test_a_trilateral_summit_of_three_presidents(registry) -> None:
    text = ("ASTANA, Kazakhstan, June 2, 2024 - The presidents of Kazakhstan, Uzbekistan and "
            "Turkmenistan signed a declaration at a trilateral summit in the capital on Sunday.")
    [m] = [e for e in facts(text, registry, "event", "en") if e["event_type"] == "meeting"]
    assert actors(m) == {k: ("participant", "president")
                         for k in ("Kazakhstan", "Uzbekistan", "Turkmenistan")}
    assert m["date"] == "2024-06-02"


# --- committee sessions ------------------------------------------------------------------------

def test_sessions_by_ordinal_words_each_in_its_own_clause(registry) -> None:
    text = ("Japan-India Relations\n\nForeign Minister Taro Sato visited New Delhi on 3-4 March "
            "2021 and co-chaired the fifth meeting of the India-Japan Joint Commission on the "
            "first day, nearly two years after the fourth meeting in Tokyo.")
    sessions = {e["ordinal"]: e for e in facts(text, registry, "event", "en")
                if e["event_type"] == "committee-session"}
    assert sessions[5]["place"] == "India" and sessions[5]["date"] == "2021-03-03"
    assert sessions[4]["place"] == "Japan" and "date" not in sessions[4]


def test_a_session_of_the_committee_just_named_in_the_dateline_s_city(registry) -> None:
    text = ("VIÊNG CHĂN, 10/1/2025 - Hai Thủ tướng đồng chủ trì Kỳ họp lần thứ 47 Ủy ban liên "
            "Chính phủ Việt Nam – Lào hôm nay.\n\nKỳ họp lần thứ 46 đã diễn ra tại Hà Nội vào "
            "tháng 1/2024.")
    sessions = {e["ordinal"]: e for e in facts(text, registry, "event", "vi")
                if e["event_type"] == "committee-session"}
    assert sessions[47]["place"] == "Laos" and sessions[47]["date"] == "2025-01-10"
    assert sessions[46]["place"] == "Vietnam" and sessions[46]["date"] == "2024-01"


# --- agreements --------------------------------------------------------------------------------

def test_a_coordinated_complement_and_the_instrument_just_named(registry) -> None:
    text = ("Quan hệ Việt Nam – Hàn Quốc\n\nNgày 15/9/2003, hai nước ký Hiệp định về khuyến "
            "khích và bảo hộ đầu tư giữa hai nước; hiệp định có hiệu lực từ ngày 5/6/2004.")
    [a] = facts(text, registry, "agreement", "vi")
    assert a["instrument"] == "investment-treaty"
    assert (a["signed"], a["in_force"]) == ("2003-09-15", "2004-06-05")


def test_two_titled_instruments_of_one_signing_on_the_same_day(registry) -> None:
    text = ("Quan hệ Việt Nam – Campuchia\n\nNgày 20/7/1979, hai nước ký Hiệp ước Hòa bình và, "
            "cũng trong ngày này, Hiệp ước hoạch định biên giới chung.")
    agreements = facts(text, registry, "agreement", "vi")
    assert [a["signed"] for a in agreements] == ["1979-07-20", "1979-07-20"]


def test_the_year_of_a_plan_in_a_title_is_no_signing_date(registry) -> None:
    text = ("Quan hệ Việt Nam – Campuchia\n\nHai bên ký Thỏa thuận về Kế hoạch hợp tác năm 2026 "
            "tại kỳ họp.")
    [a] = facts(text, registry, "agreement", "vi")
    assert "signed" not in a


# --- partnerships and "the two countries" --------------------------------------------------------

def test_the_two_sides_are_the_paragraph_s_last_pair(registry) -> None:
    text = ("Quan hệ đối ngoại của Campuchia\n\nViệt Nam và Campuchia thiết lập quan hệ ngoại "
            "giao năm 1967.\n\nTrung Quốc và Campuchia thiết lập quan hệ ngoại giao năm 1958. "
            "Quan hệ hai nước xấu đi sau năm 1975 và được khôi phục vào năm 1991. Năm 2010, hai "
            "bên xác lập quan hệ Đối tác hợp tác chiến lược toàn diện; cầu nối Phnôm Pênh được "
            "khánh thành năm 2015.")
    [p] = facts(text, registry, "partnership", "vi")
    assert set(p["parties"]) == {"China", "Cambodia"} and p["date"] == "2010"
    restored = [r for r in facts(text, registry, "relation", "vi") if r["status"] == "restored"]
    assert [(set(r["parties"]), r.get("date")) for r in restored] == [
        ({"China", "Cambodia"}, "1991")]


def test_a_proposal_then_this_framework(registry) -> None:
    text = ("Quan hệ Thái Lan – Nhật Bản\n\nNăm 2021, ông Prayut đề nghị nâng quan hệ lên Đối tác "
            "chiến lược toàn diện. Năm 2022, hai nước chính thức xác lập khuôn khổ này.")
    [p] = facts(text, registry, "partnership", "vi")
    assert p["framework"] == "comprehensive-strategic-partnership" and p["date"] == "2022"


def test_an_all_weather_framework_is_not_the_ontology_s(registry) -> None:
    text = ("Quan hệ Trung Quốc – Serbia\n\nHai nước tuyên bố nâng quan hệ lên đối tác chiến "
            "lược toàn diện mọi thời tiết năm 2024.")
    assert facts(text, registry, "partnership", "vi") == []


# --- memberships -------------------------------------------------------------------------------

def test_companions_of_an_accession_on_the_same_day(registry) -> None:
    text = ("Quan hệ đối ngoại của Campuchia\n\nCampuchia được kết nạp vào Liên hợp quốc ngày "
            "14/12/1955, cùng đợt với Lào và Nepal.")
    ms = facts(text, registry, "membership", "vi")
    assert {(m["member"], m["start"]) for m in ms} == {
        ("Cambodia", "1955-12-14"), ("Laos", "1955-12-14"), ("Nepal", "1955-12-14")}


def test_a_vote_to_ratify_an_accession_then_a_coordinated_join(registry) -> None:
    text = ("Turkey's parliament voted to ratify Finland's accession to NATO in March 2023. "
            "Poland joined NATO on 12 March 1999, together with Hungary, and became a member of "
            "the European Union in 2004.")
    ms = {(m["member"], m["organization"]): m.get("start")
          for m in facts(text, registry, "membership", "en")}
    assert ("Finland", "North Atlantic Treaty Organization") not in ms
    assert ms[("Poland", "European Union")] == "2004"


def test_founders_dated_by_their_organisation_and_a_fronted_companion(registry) -> None:
    text = ("Foreign relations of Kazakhstan\n\nKazakhstan and Russia signed a treaty in 1992. "
            "Together with Belarus, the two countries are the founding members of the Eurasian "
            "Economic Union, which came into being on 1 January 2015.")
    ms = {m["member"]: m for m in facts(text, registry, "membership", "en")}
    assert set(ms) == {"Kazakhstan", "Russia", "Belarus"}
    assert all(m["start"] == "2015-01-01" and "founding" in m["roles"] for m in ms.values())


def test_a_coordinated_join_after_an_inserted_phrase(registry) -> None:
    text = ("Foreign relations of Kazakhstan\n\nIt was admitted to the United Nations on 2 March "
            "1992 and, after long negotiations, became a member of the World Trade Organization "
            "on 30 November 2015.")
    ms = {m["organization"]: m.get("start") for m in facts(text, registry, "membership", "en")}
    assert ms["World Trade Organization"] == "2015-11-30"


def test_the_companion_of_an_application(registry) -> None:
    text = ("Ukraine applied to join the European Union in February 2022, together with "
            "Moldova.")
    claims = facts(text, registry, "claim", "en")
    assert {tuple(c["subjects"]) for c in claims if c["claim_type"] == "intention"} == {
        ("Ukraine",), ("Moldova",)}


# --- relations, trade and investment -------------------------------------------------------------

def test_among_the_first_states_to_establish_relations(registry) -> None:
    text = ("Foreign relations of Uzbekistan\n\nAmong the first states to establish diplomatic "
            "relations with Uzbekistan were Turkey, India and Japan (all in 1992).")
    rels = facts(text, registry, "relation", "en")
    assert {(frozenset(r["parties"]), r.get("date")) for r in rels} == {
        (frozenset({"Uzbekistan", k}), "1992") for k in ("Turkey", "India", "Japan")}


def test_a_figure_whose_currency_and_period_are_gapped(registry) -> None:
    text = ("Foreign relations of Mongolia\n\nIn 2022, China's exports to Mongolia came to 3.1 "
            "billion dollars and its imports from Mongolia to 9.2 billion.")
    trade = {t["flow"]: t for t in facts(text, registry, "trade", "en")}
    assert trade["import"]["value"] == 9.2 and trade["import"]["period"] == "2022"
    assert trade["import"]["multiplier"] == 9


def test_an_investment_over_an_interval_of_years(registry) -> None:
    text = ("Quan hệ Hàn Quốc – Lào\n\nTrong giai đoạn 2001-2010, doanh nghiệp Hàn Quốc đầu tư "
            "khoảng 40 triệu USD vào Lào.")
    [i] = facts(text, registry, "investment", "vi")
    assert i["period"] == {"from": "2001", "to": "2010"} and i["cumulative"] is False


def test_the_leader_of_a_state_named_before_and_the_dateline_s_city(registry) -> None:
    text = ("HÀ NỘI, 6/11/2024 - Chủ tịch Trung Quốc Lý Minh hôm nay hội đàm với Thủ tướng Việt "
            "Nam tại Hà Nội. Trước đó, Chủ tịch nước Việt Nam Trần An đã hội kiến nhà lãnh đạo "
            "Trung Quốc.")
    meetings = [e for e in facts(text, registry, "event", "vi") if e["event_type"] == "meeting"]
    received = [m for m in meetings if actors(m)["Vietnam"] == ("participant", "president")]
    assert len(received) == 1
    assert actors(received[0])["China"] == ("participant", "president")
    assert received[0]["place"] == "Vietnam" and received[0]["date"] == "2024-11-06"


def test_officials_in_a_capital_said_they_hoped(registry) -> None:
    text = ("Officials in Tashkent said they hoped the deal would allow trade with Kazakhstan to "
            "grow.")
    claims = facts(text, registry, "claim", "en")
    assert any(c["modality"] == "hoped" and c["subjects"] == ["Uzbekistan"] for c in claims)


def test_a_mission_named_as_the_subject(registry) -> None:
    text = ("Other Bilateral Relations\n\nThe Embassy of Japan in Kathmandu opened on 1 March "
            "1968. Đại sứ quán Hàn Quốc tại Hà Nội được khai trương năm 1993.")
    events = {e["participants"][0]["actor"]: e for e in facts(text, registry, "event")
              if e["event_type"] == "embassy-opening"}
    assert events["Japan"]["place"] == "Nepal" and events["Japan"]["date"] == "1968-03-01"
    assert events["South Korea"]["place"] == "Vietnam" and events["South Korea"]["date"] == "1993"


def test_a_caption_restates_the_meeting_of_its_day(registry) -> None:
    text = ("Nepal-India Relations\n\nPrime Minister Ram Thapa paid an official visit to India "
            "from 1 to 3 May 2019. He held talks with Prime Minister Anil Rao in New Delhi on 2 "
            "May.\nPhoto: Prime Minister Ram Thapa and Prime Minister Anil Rao in New Delhi, 2 "
            "May 2019")
    meetings = [e for e in facts(text, registry, "event", "en") if e["event_type"] == "meeting"]
    assert len(meetings) == 2 and meetings[0] == meetings[1]
    assert meetings[0]["date"] == "2019-05-02"


def test_an_agreed_target_is_the_pair_s_intention(registry) -> None:
    text = ("Bhutan-India Relations\n\nThe two sides agreed that India would buy more "
            "electricity from Bhutan within five years.")
    claims = facts(text, registry, "claim", "en")
    assert [(c["modality"], set(c["subjects"])) for c in claims] == [
        ("intended", {"India", "Bhutan"})]
