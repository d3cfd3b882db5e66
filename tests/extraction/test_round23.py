"""The twenty-third round of extraction (issue 16): day ranges told in narrative, numbered
meetings, with `corpus/test24/` and `corpus/test25/` as development and every part measured.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts


def _visits(text: str, registry, lang: str | None = None) -> list[tuple]:
    """(visitor, host, date, start, end) of the text's visits."""
    out = []
    for v in facts(text, registry, "event", lang):
        if v["event_type"] != "visit":
            continue
        who = {p["role"]: p["actor"] for p in v["participants"]}
        out.append((who.get("visitor"), who.get("host"), v.get("date"), v.get("start"),
                    v.get("end")))
    return sorted(out, key=str)


# --- 1. day ranges told in narrative ------------------------------------------------------------


def test_a_visit_counted_from_a_flight_in(registry) -> None:
    got = _visits("SUVA, March 6 (2025) - The President of Chile and his wife had flown in on "
                  "Tuesday for a three-day state visit to Fiji.", registry)
    # (round 30 dated it by its arrival; round 41, the convention of session 23: the span its
    # length gives)
    assert ("Chile", "Fiji", None, "2025-03-04", "2025-03-06") in got


def test_the_leg_before_ends_on_the_day_of_arrival(registry) -> None:
    got = _visits("SUVA, March 6 (2025) - The President of Chile had flown in on Tuesday from "
                  "New Zealand, where he ended a five-day tour, for a three-day state visit to "
                  "Fiji.", registry)
    assert ("Chile", "New Zealand", None, "2025-02-28", "2025-03-04") in got
    # (round 30: by its arrival; round 41, the convention of session 23: its span)
    assert ("Chile", "Fiji", None, "2025-03-04", "2025-03-06") in got


def test_a_leg_needs_its_length(registry) -> None:
    # guard: "where he ended a tour" gives no first day: no leg is invented
    got = _visits("SUVA, March 6 (2025) - The President of Chile had flown in on Tuesday from "
                  "New Zealand, where he ended a tour, for a three-day state visit to Fiji.",
                  registry)
    assert not any(host == "New Zealand" for _, host, *_ in got)


def test_the_second_day_of_a_visit_of_given_length(registry) -> None:
    got = _visits("OTTAWA, June 12, 2025 - Prime Minister Mark Carney welcomed Irish President "
                  "Michael Higgins to Ottawa on Thursday for a state visit. Higgins, on the "
                  "second day of a four-day state visit, held talks with Carney.", registry)
    assert ("Ireland", "Canada", None, "2025-06-11", "2025-06-14") in got


def test_the_second_day_of_a_visit_without_length_gives_its_start_only(registry) -> None:
    got = _visits("OTTAWA, June 12, 2025 - Irish President Michael Higgins held talks with Prime "
                  "Minister Mark Carney in Ottawa on Thursday, the second day of a visit that is "
                  "his first to Canada.", registry)
    # (round 30, the convention of session 16: a visit dated by one day takes ``date``)
    assert ("Ireland", "Canada", "2025-06-11", None, None) in got


def test_the_second_day_of_another_day_is_not_read(registry) -> None:
    # guard: the sentence's own day is not the visit's: the visit keeps its date
    got = _visits("OTTAWA, June 12, 2025 - Irish President Michael Higgins arrived in Ottawa on "
                  "Thursday for a state visit. On 20 June, the second day of a visit to Mexico, "
                  "he met students.", registry)
    assert ("Ireland", "Canada", "2025-06-12", None, None) in got


def test_a_year_in_a_name_does_not_date_the_visit(registry) -> None:
    got = _visits("Hà Nội, 10/3/2025 - Thủ tướng đang thăm chính thức Brazil và dự Diễn đàn "
                  "Kinh tế G20 2025 từ ngày 8 đến 11/3.", registry, "vi")
    assert ("Vietnam", "Brazil", None, "2025-03-08", "2025-03-11") in got


def test_a_plain_year_still_dates_the_visit(registry) -> None:
    # guard: "năm 2019" is the visit's year, not a name's
    got = _visits("Thủ tướng Việt Nam thăm chính thức Brazil năm 2019.", registry, "vi")
    assert ("Vietnam", "Brazil", "2019", None, None) in got



def test_an_arrival_then_a_departure_on_a_day_of_the_month(registry) -> None:
    got = _visits("Indian President Droupadi Murmu arrived in Samoa on 21 October 2024 for a "
                  "state visit. She left on the 26th for Tonga.", registry)
    assert ("India", "Samoa", None, "2024-10-21", "2024-10-26") in got


def test_a_departure_in_vietnamese(registry) -> None:
    got = _visits("Chủ tịch nước Lương Cường thăm chính thức Chile ngày 9/11/2024, rời Chile ngày "
                  "12/11.", registry, "vi")
    assert ("Vietnam", "Chile", None, "2024-11-09", "2024-11-12") in got


def test_a_departure_with_its_day_fronted_in_the_next_sentence(registry) -> None:
    got = _visits("Thủ tướng Phạm Minh Chính thăm chính thức Ba Lan từ ngày 14/3/2025. Ngày 16/3, "
                  "Thủ tướng rời Warszawa, kết thúc chuyến thăm.", registry, "vi")
    assert ("Vietnam", "Poland", None, "2025-03-14", "2025-03-16") in got


def test_a_visit_concluded_on_a_day(registry) -> None:
    got = _visits("Indian President Droupadi Murmu arrived in Samoa on 21 October 2024 for a "
                  "state visit. She concluded her visit on 24 October.", registry)
    assert ("India", "Samoa", None, "2024-10-21", "2024-10-24") in got


def test_leaving_another_state_does_not_end_the_visit(registry) -> None:
    # guard: the state left is not the host: the visit keeps its arrival day
    got = _visits("Indian President Droupadi Murmu arrived in Samoa on 21 October 2024 for a "
                  "state visit. The Prime Minister of Tonga left Fiji on 24 October.", registry)
    assert ("India", "Samoa", "2024-10-21", None, None) in got


def test_a_departure_weeks_later_is_not_the_visits_end(registry) -> None:
    # guard: more than two weeks after the arrival is no end of that visit
    got = _visits("Indian President Droupadi Murmu arrived in Samoa on 2 October 2024 for a state "
                  "visit. She left on the 28th.", registry)
    assert ("India", "Samoa", "2024-10-02", None, None) in got


def test_left_at_the_end_of_a_visit_of_given_length(registry) -> None:
    got = _visits("Indian President Droupadi Murmu left Samoa on 26 October 2024 at the end of a "
                  "five-day state visit.", registry)
    assert ("India", "Samoa", None, "2024-10-22", "2024-10-26") in got


def test_the_following_day_she_flew_on(registry) -> None:
    got = _visits("Indian President Droupadi Murmu visited Fiji on 5 August 2024. The following "
                  "day she flew to New Zealand.", registry)
    assert ("India", "New Zealand", "2024-08-06", None, None) in got


def test_a_day_after_a_lost_space_takes_its_own_sentences_year(registry) -> None:
    # a scraped page: "… on 19 October.The …" then a date of 2018 in the next sentence
    got = [e.get("date") for e in facts(
        "Vice President Vo Thi Anh Xuan paid an official visit to Estonia on 8-9 May 2019 and met "
        "President Kersti Kaljulaid in Tallinn on 8 May.The two ministries held consultations "
        "in Hanoi on 4 June 2020.", registry, "event") if e["event_type"] == "meeting"]
    assert "2019-05-08" in got and "2020-05-08" not in got

# --- 2. numbered summits and sessions -----------------------------------------------------------


def _meetings(text: str, registry, lang: str | None = None) -> list[tuple]:
    """(event type, {(actor, role)}, place, date or (start, end), ordinal) of the meetings and
    sessions."""
    out = []
    for e in facts(text, registry, "event", lang):
        if e["event_type"] not in ("meeting", "committee-session"):
            continue
        when = e.get("date") or (e.get("start"), e.get("end"))
        out.append((e["event_type"], frozenset((p["actor"], p["role"]) for p in e["participants"]),
                    e.get("place"), when, e.get("ordinal")))
    return out


def test_a_numbered_summit_held_in_a_state(registry) -> None:
    got = _meetings("Leaders of the Pacific Islands Forum opened their 54th Leaders Meeting in "
                    "Tonga on 26 August 2025 under heavy rain.", registry)
    assert ("meeting", frozenset({("Tonga", "host")}), "Tonga", "2025-08-26", 54) in got


def test_a_summit_opened_on_a_day_and_closing_later(registry) -> None:
    got = _meetings("NUKU'ALOFA, Aug 26 (2025) - Pacific leaders opened their 54th Leaders "
                    "Meeting in Tonga on Tuesday. Ministers hope for a statement on fisheries "
                    "before the meeting closes on Friday.", registry)
    assert ("meeting", frozenset({("Tonga", "host")}), "Tonga", ("2025-08-26", "2025-08-29"),
            54) in got


def test_a_numbered_summit_in_vietnamese_with_the_body_in_a_genitive(registry) -> None:
    got = _meetings("Ngày 5/7/2023, tại hội nghị thượng đỉnh lần thứ 62 của khối ở Puerto "
                    "Iguazú (Argentina), các nước thành viên thông qua tuyên bố chung.", registry,
                    "vi")
    assert ("meeting", frozenset({("Argentina", "host")}), "Argentina", "2023-07-05", 62) in got


def test_a_summit_attended_is_not_a_hosted_one(registry) -> None:
    # guard: "attended the 15th … summit": the attending state's one-participant meeting (the
    # round-20 rule), never a meeting with the place as host
    got = _meetings("Chilean President Gabriel Boric attended the 15th summit of the bloc in "
                    "Brazil in July 2025.", registry)
    assert not any(("Brazil", "host") in who for _, who, *_ in got)


def test_a_numbered_summit_without_its_place_is_left(registry) -> None:
    # guard: the summit only names the occasion of an admission; no place, no meeting
    got = _meetings("JAKARTA, 10/5/2026 - Chiều nay, tại Hội nghị Cấp cao ASEAN lần thứ 48, các "
                    "nhà lãnh đạo thông qua tuyên bố chung.", registry, "vi")
    assert not any(o == 48 for *_, o in got)


def test_a_summit_named_after_its_parties_is_not_hosted(registry) -> None:
    # guard: "the 1st India-CARICOM Summit" is India's and CARICOM's meeting, not New York's
    got = _meetings("The 1st India-CARICOM Summit had been held in New York in September 2019.",
                    registry)
    assert not any(("United States", "host") in who for _, who, *_ in got)


def test_which_hosted_the_previous_meeting(registry) -> None:
    got = _meetings("Samoa took over the chair from Kenya, which hosted the previous meeting in "
                    "Nairobi in May 2023.", registry)
    assert ("meeting", frozenset({("Kenya", "host")}), "Kenya", "2023-05", None) in got


def test_a_session_written_khoa_hop(registry) -> None:
    got = _meetings("Khóa họp lần thứ 5 Ủy ban liên chính phủ Việt Nam - Hungary diễn ra tại "
                    "Budapest tháng 4/2024.", registry, "vi")
    assert ("committee-session", frozenset({("Vietnam", "participant"),
                                            ("Hungary", "participant")}),
            "Hungary", "2024-04", 5) in got


def test_a_committee_that_met_hop_khoa(registry) -> None:
    got = _meetings("Ủy ban liên chính phủ Việt Nam - Hungary họp khóa thứ 6 tại Hà Nội ngày "
                    "3-4/6/2025.", registry, "vi")
    assert any(kind == "committee-session" and o == 6 and when == ("2025-06-03", "2025-06-04")
               for kind, _, _, when, o in got)



def test_a_city_that_was_the_venue_of_a_numbered_summit(registry) -> None:
    got = _meetings("Valletta was the venue of the Commonwealth's 25th summit in November 2015.",
                    registry)
    assert ("meeting", frozenset({("Malta", "host")}), "Malta", "2015-11", 25) in got


def _posts(text: str, registry, lang: str | None = None) -> list[set]:
    """Per committee session, its {(actor, office)}."""
    return [{(p["actor"], (p.get("post") or {}).get("office")) for p in e["participants"]}
            for e in facts(text, registry, "event", lang) if e["event_type"] == "committee-session"]


def test_a_session_co_chaired_by_two_ministers(registry) -> None:
    got = _posts("The 12th meeting of the New Zealand-Fiji Joint Commission was held in Suva on 3 "
                 "May 2024, co-chaired by Foreign Minister Winston Peters and Fiji's Minister for "
                 "Foreign Affairs Sitiveni Rabuka.", registry)
    assert {("New Zealand", "minister-of-foreign-affairs"),
            ("Fiji", "minister-of-foreign-affairs")} in got


def test_a_visitor_who_co_chaired_a_session_with_a_host_minister(registry) -> None:
    got = _posts("Foreign Minister Penny Wong visited Suva on 3 May 2024 and co-chaired the 12th "
                 "meeting of the Australia-Fiji Joint Commission with Foreign Minister Rabuka.",
                 registry)
    assert {("Australia", "minister-of-foreign-affairs"),
            ("Fiji", "minister-of-foreign-affairs")} in got


def test_an_earlier_session_in_the_sentence_gets_no_co_chairs(registry) -> None:
    # guard: "… the 12th meeting … with B, two years after the 11th meeting in Canberra": the
    # 11th is another session, its co-chairs are not told
    got = _posts("Foreign Minister Penny Wong visited Suva on 3 May 2024 and co-chaired the 12th "
                 "meeting of the Australia-Fiji Joint Commission with Foreign Minister Rabuka, two "
                 "years after the 11th meeting in Canberra.", registry)
    assert {("Australia", None), ("Fiji", None)} in got


def test_a_summit_attended_keeps_its_number_and_a_fronted_day_range(registry) -> None:
    got = [(e.get("start"), e.get("end"), e.get("ordinal"))
           for e in facts("Ngày 10-11/11/2026, Chủ tịch nước dự Hội nghị Thượng đỉnh Pháp ngữ lần "
                          "thứ 20 tại Campuchia.", registry, "event", "vi")
           if e["event_type"] == "meeting"]
    assert ("2026-11-10", "2026-11-11", 20) in got

# --- 3. visits of several ministers together ----------------------------------------------------


def _visitors(text: str, registry, lang: str | None = None) -> list[list[tuple]]:
    """Per visit, its visitors' (actor, office)."""
    return [sorted((p["actor"], (p.get("post") or {}).get("office")) for p in v["participants"]
                   if p["role"] == "visitor")
            for v in facts(text, registry, "event", lang) if v["event_type"] == "visit"]


def test_coordinated_ministers_are_one_visit_with_each_a_visitor(registry) -> None:
    got = _visitors("New Zealand Foreign Minister Winston Peters, Defence Minister Judith Collins "
                    "and Trade Minister Todd McClay visited Fiji in May 2024.", registry)
    assert len(got) == 1 and len(got[0]) == 3
    assert {a for a, _ in got[0]} == {"New Zealand"}
    assert ("New Zealand", "minister-of-foreign-affairs") in got[0]


def test_coordinated_ministers_in_vietnamese(registry) -> None:
    got = _visitors("Bộ trưởng Ngoại giao Bùi Thanh Sơn và Bộ trưởng Công Thương Nguyễn Hồng "
                    "Diên thăm chính thức Chile tháng 4/2025.", registry, "vi")
    assert any(len(v) == 2 for v in got)


def test_a_companion_after_the_visit_is_not_added(registry) -> None:
    # guard: "accompanied by …": no gold convention makes the companion a visitor
    got = _visitors("New Zealand Foreign Minister Winston Peters visited Fiji in May 2024, "
                    "accompanied by Trade Minister Todd McClay.", registry)
    assert got and all(len(v) == 1 for v in got)


def test_a_host_named_before_is_not_a_co_visitor(registry) -> None:
    # guard: the one welcoming is no visitor
    got = _visitors("Fijian Prime Minister Sitiveni Rabuka welcomed New Zealand Foreign Minister "
                    "Winston Peters, who visited Fiji in May 2024.", registry)
    assert all(len(v) <= 1 for v in got)


# --- 4. claims in encyclopedic prose ------------------------------------------------------------


def _claims(text: str, registry, lang: str | None = None) -> list[tuple]:
    """(claim type, modality, subjects) of the text's claims."""
    return [(c["claim_type"], c.get("modality"), tuple(sorted(c["subjects"])))
            for c in facts(text, registry, "claim", lang)]


def test_a_neutrality_declared_by_parliament_is_a_position(registry) -> None:
    got = _claims("Foreign relations of Ireland\n\nIn 1939 parliament passed an act declaring "
                  "the country's wartime neutrality.", registry)
    assert ("position", None, ("Ireland",)) in got


def test_a_neutrality_proclaimed_by_a_named_state(registry) -> None:
    got = _claims("Turkmenistan proclaimed permanent neutrality in December 1995.", registry)
    assert ("position", None, ("Turkmenistan",)) in got


def test_a_neutrality_that_is_only_a_description_is_no_position(registry) -> None:
    # guard: "which is neutral" describes; nothing was proclaimed
    got = _claims("Switzerland, which is neutral, hosts many organisations.", registry)
    assert not any(t == "position" for t, *_ in got)


def test_sanctions_not_joined_is_a_position(registry) -> None:
    got = _claims("Hungary has not aligned itself with the sanctions against Belarus.", registry)
    assert ("position", None, ("Hungary",)) in got


def test_what_a_capital_says_is_not_so_is_its_position(registry) -> None:
    got = _claims("Several states want a debate on debt relief, which Paris says is not on the "
                  "table.", registry)
    assert ("position", None, ("France",)) in got


def test_a_plan_a_state_backs_is_its_position(registry) -> None:
    got = _claims("Chile has proposed a fisheries fund, a plan that Peru backs with money.",
                  registry)
    assert ("position", None, ("Peru",)) in got


def test_refusing_to_take_part_in_an_intervention_is_a_position(registry) -> None:
    got = _claims("Năm 1979, Nam Tư từ chối tham gia cuộc can thiệp vào Afghanistan.", registry,
                  "vi")
    assert ("position", None, ("Yugoslavia",)) in got


def test_declining_an_invitation_stays_a_characterisation(registry) -> None:
    # guard: the corpus convention for an invitation declined
    got = _claims("Năm 2024, Indonesia từ chối lời mời gia nhập khối.", registry, "vi")
    assert ("characterisation", None, ("Indonesia",)) in got
    assert not any(t == "position" for t, *_ in got)


def test_a_confidence_reported_is_a_hope_not_a_second_intention(registry) -> None:
    got = _claims("Peruvian President Dina Boluarte met Chilean officials in Lima in May 2024. "
                  "Boluarte said she was confident the talks would succeed.", registry)
    assert ("intention", "hoped", ("Peru",)) in got
    assert not any(m == "intended" and s == ("Peru",) for _, m, s in got)


def test_an_offer_and_what_it_intends_are_one_claim(registry) -> None:
    got = _claims("Rwanda has offered to train police officers for the mission and said it "
                  "intends to send 200 of them.", registry)
    assert got.count(("intention", "intended", ("Rwanda",))) == 1


def test_a_vietnamese_confidence_is_a_hope(registry) -> None:
    got = _claims("Thủ tướng Việt Nam bày tỏ tin tưởng hội nghị sẽ thành công.", registry, "vi")
    assert ("intention", "hoped", ("Vietnam",)) in got


def test_an_offer_is_an_intention(registry) -> None:
    got = _claims("Rwanda has offered to train police officers for the mission.", registry)
    assert ("intention", "intended", ("Rwanda",)) in got


def test_aims_named_by_every_government_are_the_states_intention(registry) -> None:
    got = _claims("Foreign relations of Moldova\n\nMoldova became independent in 1991. Every "
                  "government since then has named membership of the European Union as the aim "
                  "of its foreign policy.", registry)
    assert ("intention", "intended", ("Moldova",)) in got


def test_negotiations_agreed_a_request_and_a_step_under_way_are_intentions(registry) -> None:
    got = _claims("Viet Nam and Estonia agreed to open negotiations on an investment agreement.",
                  registry)
    assert any(t == "intention" and set(s) == {"Estonia", "Vietnam"} for t, _, s in got)
    got = _claims("Việt Nam đề nghị Estonia sớm phê chuẩn hiệp định.", registry, "vi")
    assert ("intention", "intended", ("Vietnam",)) in got
    got = _claims("Phía Estonia đang xúc tiến việc mở Lãnh sự danh dự tại Đà Nẵng.", registry, "vi")
    assert ("intention", "intended", ("Estonia",)) in got


def test_a_leaders_planned_attendance_is_an_intention(registry) -> None:
    got = _claims("Trong những ngày tới, Chủ tịch nước sẽ dự Hội nghị Cấp cao APEC.", registry,
                  "vi")
    assert ("intention", "intended", ("Vietnam",)) in got


def test_a_proposal_at_someones_request_is_no_intention(registry) -> None:
    # guard: "theo đề nghị của …" (at the proposal of) is no request "đề nghị X sớm …"
    got = _claims("Theo đề nghị của Estonia, hai bên tổ chức hội thảo năm 2024.", registry, "vi")
    assert not any(m == "intended" and s == ("Estonia",) for _, m, s in got)
