"""The sixteenth round of extraction (issue 16), from the errors of `corpus/test17/` (a
held-out part by a fourth independent writer, development since this round) read by class.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts, memberships


def agreements(text: str, registry, lang: str = "en") -> list[tuple[frozenset, str | None]]:
    return sorted(((frozenset(a["parties"]), a.get("signed"))
                   for a in facts(text, registry, "agreement", lang)), key=str)


# --- multilateral founding instruments -------------------------------------------------------

def test_a_named_instrument_signed_with_several_states_is_one_agreement(registry) -> None:
    text = ("Foreign relations of Paraguay\n\nOn 26 March 1991 Paraguay signed the Asunción "
            "Treaty with Argentina, Brazil and Uruguay.")
    assert agreements(text, registry) == [
        (frozenset({"Paraguay", "Argentina", "Brazil", "Uruguay"}), "1991-03-26")]


def test_plural_agreements_with_several_states_stay_one_per_partner(registry) -> None:
    text = ("Foreign relations of Chile\n\nIn 2019 Chile signed trade agreements with "
            "Indonesia and Brazil.")
    got = agreements(text, registry)
    assert {p for p, _ in got} == {frozenset({"Chile", "Indonesia"}),
                                   frozenset({"Chile", "Brazil"})}


def test_a_founding_treaty_in_apposition_makes_its_signatories_founders(registry) -> None:
    text = ("Foreign relations of Uruguay\n\nOn 26 March 1991 Uruguay signed the Asunción "
            "Treaty with Argentina, Brazil and Paraguay, the founding treaty of what is now "
            "Mercosur.")
    got = memberships(text, registry)
    founders = {m for m, o in got if o == "Southern Common Market"}
    assert founders == {"Uruguay", "Argentina", "Brazil", "Paraguay"}
    assert {got[(m, "Southern Common Market")] for m in founders} == {
        (("founding", "full"), "1991-03-26")}
    # one agreement of the four, not another "treaty" for the apposition
    assert len(agreements(text, registry)) == 1


def test_launched_together_with_is_a_founding_dated_by_its_own_clause(registry) -> None:
    text = ("Foreign relations of Kenya\n\nIn November 1999 it launched the East African "
            "Community together with Tanzania and Uganda;the three presidents signed a "
            "customs agreement on 2 March 2004.")
    got = memberships(text, registry)
    assert {m for m, _ in got} == {"Kenya", "Tanzania", "Uganda"}
    assert set(got.values()) == {(("founding", "full"), "1999-11")}
    # "the three presidents": the subject and its two companions
    assert agreements(text, registry) == [
        (frozenset({"Kenya", "Tanzania", "Uganda"}), "2004-03-02")]


def test_vietnamese_counted_leaders_sign_one_statement(registry) -> None:
    text = ("Hội nghị ba bên tại Hà Nội\n\nHÀ NỘI, 12/3/2024 - Thủ tướng Lào, Thủ tướng "
            "Campuchia và Thủ tướng Việt Nam đã gặp nhau tại Hà Nội hôm qua. Kết thúc cuộc gặp, "
            "ba nhà lãnh đạo cùng ký một tuyên bố chung.")
    got = agreements(text, registry, "vi")
    assert [p for p, _ in got] == [frozenset({"Laos", "Cambodia", "Vietnam"})]


def test_an_organisation_s_charter_signed_is_a_founding_not_an_agreement(registry) -> None:
    text = ("Foreign relations of Peru\n\nPeru signed the United Nations Charter in 1945 as one "
            "of the organisation's original members. Relations with Japan were established "
            "in 1873.")
    assert not facts(text, registry, "agreement")
    assert memberships(text, registry)[("Peru", "United Nations")] == (
        ("founding", "full"), "1945")


def test_a_pact_signed_as_a_founding_member_is_that_membership(registry) -> None:
    text = ("Foreign relations of Thailand\n\nIn its first years it sought allies: it signed "
            "the Manila Pact in September 1954 as a founding member of the Southeast Asia Treaty "
            "Organization, and it joined the Colombo Plan in 1954. Thailand and Laos set up "
            "relations in 1950.")
    assert not facts(text, registry, "agreement")
    got = memberships(text, registry)
    assert got[("Thailand", "Southeast Asia Treaty Organization")] == (
        ("founding", "full"), "1954-09")
    assert not any(m == "Philippines" for m, _ in got)


def test_a_vietnamese_protocol_signed_on_becoming_a_founder_is_no_agreement(registry) -> None:
    text = ("Thông tin cơ bản về Kazakhstan\n\nNgày 21/12/1991, Kazakhstan tham gia ký Nghị định "
            "thư Alma-Ata, trở thành thành viên sáng lập Cộng đồng các Quốc gia Độc lập. Việt "
            "Nam và Kazakhstan thiết lập quan hệ ngoại giao ngày 29/6/1992.")
    assert not facts(text, registry, "agreement", "vi")


def test_an_agreement_not_yet_signed_is_a_negation(registry) -> None:
    text = ("Hai nước ký tắt hiệp định\n\nBAKU, 3/4/2025 - Ngoại trưởng Armenia và Ngoại trưởng "
            "Azerbaijan ký tắt hiệp định về biên giới. Hiệp định này chưa được ký chính thức.")
    assert not facts(text, registry, "agreement", "vi")
    claims = facts(text, registry, "claim", "vi")
    assert any(c["claim_type"] == "characterisation" for c in claims)


# --- a foreign-relations page's run of memberships -------------------------------------------

def test_vietnamese_the_alliance_is_the_one_its_paragraph_named(registry) -> None:
    text = ("Quan hệ đối ngoại của Na Uy\n\nNa Uy gia nhập EFTA năm 1960.\n\nNăm 1948, Bỉ và Hà Lan "
            "cùng đàm phán với NATO. Bỉ trở thành thành viên sáng lập của liên minh ngày "
            "4/4/1949, còn Tây Đức phải đến ngày 9/5/1955 mới được kết nạp.")
    got = memberships(text, registry, "vi")
    nato = "North Atlantic Treaty Organization"
    assert got[("West Germany", nato)][1] == "1955-05-09"
    assert not any(o == "European Free Trade Association" and m != "Norway" for m, o in got)


def test_a_founding_after_a_semicolon_is_its_own_subject_s(registry) -> None:
    text = ("Quan hệ đối ngoại của Áo\n\nNgày 1/1/1995, Áo cùng Phần Lan và Thụy Điển gia nhập "
            "Liên minh châu Âu; cũng từ ngày đó, nước này là thành viên sáng lập của Tổ chức "
            "Thương mại Thế giới.")
    got = memberships(text, registry, "vi")
    assert {m for m, o in got if o == "European Union"} == {"Austria", "Finland", "Sweden"}
    assert {m for m, o in got if o == "World Trade Organization"} == {"Austria"}


def test_a_return_after_an_aside_is_the_first_clause_s_member(registry) -> None:
    text = ("Foreign relations of South Africa\n\nSouth Africa left the Commonwealth on 31 May "
            "1961, as several members condemned Rhodesia, and came back on 1 June 1994.")
    got = [m for m in facts(text, registry, "membership") if "start" in m]
    assert [(m["member"], m["start"]) for m in got] == [("South Africa", "1994-06-01")]


def test_an_embassy_withdrawn_is_no_end_of_a_membership(registry) -> None:
    text = ("Foreign relations of Ghana\n\nGhana joined the United Nations on 8 March 1957. Ghana "
            "withdrew its embassy from Havana in 1966.")
    assert not [m for m in facts(text, registry, "membership") if "end" in m]


def test_a_headline_signing_restated_by_three_leaders_is_one_agreement(registry) -> None:
    text = ("Lào và Campuchia ký tuyên bố chung tại Bắc Kinh\n\nBẮC KINH, 5/6/2024 - Thủ tướng "
            "Lào và Thủ tướng Campuchia đã gặp nhau tại Bắc Kinh hôm qua theo lời mời của Chủ "
            "tịch Trung Quốc. Kết thúc cuộc gặp, ba nhà lãnh đạo cùng ký một tuyên bố chung, "
            "còn bộ trưởng hai nước ký tắt hiệp định về biên giới.")
    got = agreements(text, registry, "vi")
    assert [p for p, _ in got] == [frozenset({"Laos", "Cambodia", "China"})]


# --- a ministry brief's labelled lines -------------------------------------------------------

def relations(text: str, registry, lang: str = "vi") -> list[tuple[frozenset, str, str | None]]:
    return sorted(((frozenset(r["parties"]), r["status"], r.get("date"))
                   for r in facts(text, registry, "relation", lang)), key=str)


def test_a_labelled_line_dates_the_pair_s_relations(registry) -> None:
    text = ("CỘNG HÒA KYRGYZSTAN – THÔNG TIN CƠ BẢN\n\nI. Khái quát\nThủ đô: Bishkek.\n\n"
            "II. Quan hệ với Việt Nam\nNgày thiết lập quan hệ ngoại giao: 3/4/1992.\n"
            "Năm 2017, hai nước kỷ niệm 25 năm thiết lập quan hệ ngoại giao.")
    assert relations(text, registry) == [
        (frozenset({"Kyrgyzstan", "Vietnam"}), "established", "1992-04-03")]


def test_an_anniversary_with_its_bracketed_dates_still_dates_the_relations(registry) -> None:
    text = ("Thủ tướng thăm Hàn Quốc\n\nHÀ NỘI, 2/7/2022 - Chuyến thăm diễn ra đúng dịp hai "
            "nước Việt Nam và Hàn Quốc kỷ niệm 30 năm thiết lập quan hệ ngoại giao "
            "(22/12/1992 – 22/12/2022).")
    got = relations(text, registry)
    assert (frozenset({"Vietnam", "South Korea"}), "established", "1992-12-22") in got


# --- embassy openings ------------------------------------------------------------------------

def openings(text: str, registry, lang: str = "en") -> list[tuple[str, str, str | None]]:
    out = []
    for e in facts(text, registry, "event", lang):
        if e["event_type"] != "embassy-opening":
            continue
        roles = {p["role"]: p["actor"] for p in e["participants"]}
        out.append((roles["sender"], roles["host"], e.get("date")))
    return sorted(out, key=str)


def test_a_high_commission_and_a_resident_mission_are_openings(registry) -> None:
    text = ("Foreign relations of Malaysia\n\nMalaysia opened its High Commission in Canberra in "
            "March 1957, and Ghana set up a resident mission in Kuala Lumpur the following year.")
    assert openings(text, registry) == [("Ghana", "Malaysia", "1958"),
                                        ("Malaysia", "Australia", "1957-03")]


def test_a_possessive_embassy_reopened_and_an_embassy_reopened_it(registry) -> None:
    text = ("Foreign relations of Egypt\n\nEgypt withdrew its embassy from Tehran in 1980 and "
            "reopened it in May 1991; Iran's embassy in Cairo reopened in June 1991.")
    assert openings(text, registry) == [("Egypt", "Iran", "1991-05"),
                                        ("Iran", "Egypt", "1991-06")]
    # the embassy withdrawn ends no membership
    assert not [m for m in facts(text, registry, "membership") if "end" in m]


# --- trade in scraped text -------------------------------------------------------------------

def test_us_dollars_name_no_trading_state(registry) -> None:
    text = ("Peru in the world\n\nRelations with Thailand were established on 1 July 1969. "
            "According to Thai figures, two-way trade reached US$520 million in 2022.")
    got = facts(text, registry, "trade")
    # the pair is the text's subject and the state its sentence names (which of the two
    # reports, "According to Thai figures", is not read yet)
    assert [({t["reporter"], t["partner"]}, t["value"]) for t in got] == [
        ({"Peru", "Thailand"}, 520)]


# --- relations --------------------------------------------------------------------------------

def test_the_two_governments_after_a_named_clause_are_the_pair(registry) -> None:
    text = ("Foreign relations of India\n\nChina\nIndia recognised the People's Republic in "
            "December 1949, and the two governments opened diplomatic relations on 1 April 1950.")
    assert relations(text, registry, "en") == [
        (frozenset({"India", "China"}), "established", "1950-04-01")]


def test_they_were_restored_after_a_severance_in_the_sentence_before(registry) -> None:
    text = ("Neighbours\n\nRiyadh broke off relations with Tehran on 3 January 2016. They were "
            "restored in March 2023, after talks in Beijing.")
    got = relations(text, registry, "en")
    assert (frozenset({"Saudi Arabia", "Iran"}), "restored", "2023-03") in got
    assert (frozenset({"Saudi Arabia", "Iran"}), "severed", "2016-01-03") in got


# --- visits and meetings ----------------------------------------------------------------------

def test_a_month_the_visit_was_put_off_from_dates_no_meeting(registry) -> None:
    text = ("Petro meets Lula\n\nBRASILIA, June 9, 2023 - Colombian President Gustavo Petro held "
            "talks with Brazilian President Luiz Inacio Lula da Silva on Friday, on a visit he had "
            "postponed in May.")
    meetings = [e for e in facts(text, registry, "event") if e["event_type"] == "meeting"]
    assert [m.get("date") for m in meetings] == ["2023-06-09"]


def test_a_second_visitor_after_a_comma_has_their_own_post(registry) -> None:
    text = ("Quan hệ đối ngoại của Na Uy\n\nVề phía Việt Nam, Thủ tướng Võ Văn Kiệt thăm Na Uy "
            "tháng 4/1995, Chủ tịch nước Trần Đức Lương thăm nước này tháng 3/2004.")
    got = {e.get("date"): e["participants"][0]["post"]["office"]
           for e in facts(text, registry, "event", "vi") if e["event_type"] == "visit"}
    assert got == {"1995-04": "prime-minister", "2004-03": "president"}


def test_the_newest_member_dated_by_its_admission_clause_and_a_companion(registry) -> None:
    text = ("Thượng đỉnh BRICS\n\nKAZAN, 24/10/2024 - Hội nghị diễn ra hôm nay. Ai Cập trở thành "
            "thành viên của BRICS năm 2024, cùng lúc với Ethiopia. Thành viên mới nhất là "
            "Indonesia, được kết nạp tháng 1/2025.")
    got = memberships(text, registry, "vi")
    assert got[("Ethiopia", "BRICS")][1] == got[("Egypt", "BRICS")][1] == "2024"
    assert got[("Indonesia", "BRICS")][1] == "2025-01"


def test_a_meeting_at_the_inviter_s_place_has_the_inviter_as_host(registry) -> None:
    text = ("Serbia và Kosovo gặp nhau tại Nhà Trắng\n\nWASHINGTON, 5/9/2020 - Tổng thống Serbia "
            "Aleksandar Vučić và Thủ tướng Kosovo Avdullah Hoti đã gặp nhau tại Nhà Trắng hôm qua "
            "theo lời mời của Tổng thống Mỹ Donald Trump.")
    meetings = [e for e in facts(text, registry, "event", "vi") if e["event_type"] == "meeting"]
    roles = {(p["actor"], p["role"]) for p in meetings[0]["participants"]}
    assert ("United States", "host") in roles
    assert ("Serbia", "participant") in roles


def test_a_place_in_the_clause_before_is_no_applicant(registry) -> None:
    text = ("Quan hệ đối ngoại của Thụy Điển\n\nSau khi Nga mở chiến dịch quân sự tại Ukraine, "
            "Thụy Điển và Phần Lan cùng nộp đơn xin gia nhập NATO ngày 18/5/2022.")
    claims = [c for c in facts(text, registry, "claim", "vi") if c["claim_type"] == "intention"]
    assert [set(c["subjects"]) for c in claims] == [{"Sweden", "Finland"}]


def test_walked_out_then_admitted_and_took_part_in_founding_two_bodies(registry) -> None:
    text = ("Foreign relations of Iran\n\nThe revolution changed its alignments. It walked out of "
            "CENTO in March 1979 and was admitted to the Non-Aligned Movement six months "
            "later.\n\nIran took part in founding OPEC in 1960 and the Economic Cooperation "
            "Organization in 1985.")
    got = facts(text, registry, "membership")
    ends = [(m["organization"], m["end"], m["end_reason"]) for m in got if "end" in m]
    assert ends == [("Central Treaty Organization", "1979-03", "withdrawal")]
    starts = {(m["organization"], m["start"], tuple(m.get("roles", ["full"])))
              for m in got if "start" in m}
    assert ("Non-Aligned Movement", "1979-09", ("full",)) in starts
    assert {(o, d) for o, d, r in starts if r == ("founding", "full")} == {
        ("Organization of the Petroleum Exporting Countries", "1960"),
        ("Economic Cooperation Organization", "1985")}


def test_a_second_verb_after_va_cung_shares_the_members(registry) -> None:
    text = ("Estonia và Latvia\n\nRIGA, 2/1/2023 - Hôm nay hai nước gặp nhau. Estonia và Latvia "
            "cùng được kết nạp vào Liên hợp quốc ngày 17/9/1991 và cùng trở thành thành viên Liên "
            "minh châu Âu ngày 1/5/2004.")
    got = memberships(text, registry, "vi")
    assert got[("Estonia", "European Union")][1] == "2004-05-01"
    assert got[("Latvia", "European Union")][1] == "2004-05-01"


def test_an_observer_status_counted_back_from_the_full_membership(registry) -> None:
    text = ("Foreign relations of Iran\n\nAfter 18 years as an observer, it was admitted as "
            "a full member of the Shanghai Cooperation Organisation on 4 July 2023, together "
            "with India.")
    got = sorted((m["member"], tuple(m.get("roles", ["full"])), m["start"])
                 for m in facts(text, registry, "membership"))
    # the count is the subject's ("it"), not the companion's
    assert got == [("India", ("full",), "2023-07-04"), ("Iran", ("full",), "2023-07-04"),
                   ("Iran", ("observer",), "2005")]


# --- intentions -------------------------------------------------------------------------------

def test_a_leader_named_again_is_scheduled_to_fly_on(registry) -> None:
    text = ("Macron in Hanoi\n\nHANOI, May 26, 2025 - French President Emmanuel Macron held talks "
            "with Vietnamese leaders on Monday. Macron is scheduled to fly on to Indonesia on "
            "Tuesday.")
    claims = [c for c in facts(text, registry, "claim") if c["claim_type"] == "intention"]
    assert [set(c["subjects"]) for c in claims] == [{"France", "Indonesia"}]


def test_ong_named_again_se_gap_is_an_intention(registry) -> None:
    text = ("Thượng đỉnh BRICS\n\nKAZAN, 23/10/2024 - Thủ tướng Ấn Độ Narendra Modi đã hội đàm với "
            "Chủ tịch Trung Quốc Tập Cận Bình hôm nay. Theo kế hoạch, ông Modi sẽ gặp Tổng thống "
            "Iran Masoud Pezeshkian trước khi về nước.")
    claims = [c for c in facts(text, registry, "claim", "vi") if c["claim_type"] == "intention"]
    assert [set(c["subjects"]) for c in claims] == [{"India", "Iran"}]


def test_accession_talks_are_no_membership(registry) -> None:
    text = ("Thông tin cơ bản về Turkmenistan\n\nTurkmenistan gia nhập Liên hợp quốc ngày 2/3/1992. "
            "Turkmenistan chưa phải là thành viên WTO; các cuộc đàm phán gia nhập vẫn đang tiếp "
            "diễn.")
    got = memberships(text, registry, "vi")
    assert got == {("Turkmenistan", "United Nations"): (("full",), "1992-03-02")}


def test_a_return_visit_swaps_the_first_visit_s_roles(registry) -> None:
    text = ("Foreign relations of Laos\n\nCuba\nPresident Kaysone Phomvihane visited Cuba in "
            "March 1990, and President Fidel Castro made a return visit in December 2002.")
    visits = sorted((e.get("date"), {p["role"]: p["actor"] for p in e["participants"]}["visitor"],
                     e["place"]) for e in facts(text, registry, "event")
                    if e["event_type"] == "visit")
    assert visits == [("1990-03", "Laos", "Cuba"), ("2002-12", "Cuba", "Laos")]


def test_a_gapped_subject_with_its_own_date(registry) -> None:
    text = ("Quan hệ đối ngoại của Kazakhstan\n\nHoa Kỳ thiết lập quan hệ ngoại giao với Kazakhstan "
            "ngày 26/12/1991, Trung Quốc ngày 3/1/1992.")
    got = relations(text, registry)
    assert (frozenset({"China", "Kazakhstan"}), "established", "1992-01-03") in got
    assert (frozenset({"United States", "Kazakhstan"}), "established", "1991-12-26") in got
    assert not any(p == frozenset({"United States", "China"}) for p, _, _ in got)


def test_a_level_named_by_its_partner_is_dated_by_the_apposition(registry) -> None:
    text = ("Modi in Hanoi\n\nHANOI, July 5, 2024 - Vietnamese leaders held talks with Indian "
            "Prime Minister Narendra Modi on Friday.\n\nHanoi greeted India as a comprehensive "
            "strategic partner, the level the two countries reached in 2016, nine years after "
            "they became strategic partners in 2007.")
    got = sorted((p["framework"], p.get("date")) for p in facts(text, registry, "partnership"))
    assert got == [("comprehensive-strategic-partnership", "2016"),
                   ("strategic-partnership", "2007")]
