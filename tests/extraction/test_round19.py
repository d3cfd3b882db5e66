"""The nineteenth round of extraction (issue 16): general mechanisms behind the classes of
error that recur on the unseen parts, with `corpus/test20/` as the development part.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts

from diplograph.extraction.dates import find_dates


def _claims(text: str, registry, lang: str = "en") -> list[tuple]:
    return [(c["claim_type"], c.get("modality"), tuple(c["subjects"]))
            for c in facts(text, registry, "claim", lang)]


def _relations(text: str, registry, lang: str = "en") -> set[tuple]:
    return {(frozenset(r["parties"]), r["status"], r.get("date"))
            for r in facts(text, registry, "relation", lang)}


def _memberships(text: str, registry, lang: str = "en") -> set[tuple]:
    return {(m["member"], m["organization"], m.get("start"), m.get("end"), m.get("end_reason"))
            for m in facts(text, registry, "membership", lang)}


# --- dates: a year that is part of a name ------------------------------------------------------

def test_a_year_in_a_programme_name_is_no_date() -> None:
    def values(t: str) -> list:
        return [d.value for d in find_dates(t)]

    assert values("Kenya adopted Vision 2030 in 2008.") == ["2008"]
    assert values("Ông dự Hội nghị Mục tiêu toàn cầu 2030(P4G) tại Hà Nội (14-17/4/2025).") == [
        {"from": "2025-04-14", "to": "2025-04-17"}]
    # a date's preposition before the bracket keeps the year
    assert values("It was founded in 1963 (OAU).") == ["1963"]
    assert values("thành lập năm 1963 (OAU)") == ["1963"]


def test_a_relative_clause_year_is_not_carried_in_a_dated_article() -> None:
    text = ("HANOI, May 9, 2018 - text.\n\nThe town, which a panel awarded to Chad in April "
            "2002, is small. On 5 June, Niger said yes.")
    got = {text[d.start : d.end]: d.value for d in find_dates(text)}
    assert got["5 June"] == "2018-06-05"
    # a year of the main clause is still carried
    text2 = "HANOI, May 9, 2018 - text.\n\nThe panel ruled in April 2002. On 5 June, Niger said yes."
    got2 = {text2[d.start : d.end]: d.value for d in find_dates(text2)}
    assert got2["5 June"] == "2002-06-05"


# --- claims --------------------------------------------------------------------------------------

def test_the_head_before_an_aside_is_the_subject(registry) -> None:
    got = _claims("Bolivia, landlocked since Chile's victory in 1884, hopes to regain access to "
                  "the Pacific.", registry)
    assert got == [("intention", "hoped", ("Bolivia",))]
    got = _claims("Ghana, which borders Togo, hopes to join the bloc.", registry)
    assert got == [("intention", "hoped", ("Ghana",))]


def test_votes_aims_plans_and_sought_memberships_are_intentions(registry) -> None:
    assert _claims("Kenya's parliament voted to leave the Commonwealth on 3 May 2001.",
                   registry) == [("intention", "intended", ("Kenya",))]
    assert _claims("Senegal has long sought full membership of ASEAN.", registry) == [
        ("intention", "hoped", ("Senegal",))]
    text = ("Foreign relations of Kenya\n\nSince 2004 its governments have set membership of the "
            "African Union as the main goal of foreign policy.")
    assert _claims(text, registry) == [("intention", "intended", ("Kenya",))]
    assert _claims("Tập đoàn Samsung của Hàn Quốc công bố kế hoạch đầu tư vào Lào.", registry,
                   "vi") == [("intention", "intended", ("South Korea",))]
    assert _claims("Lào đang đàm phán gia nhập WTO.", registry, "vi") == [
        ("intention", "intended", ("Laos",))]


# --- relations -----------------------------------------------------------------------------------

MOLDOVA = ("Foreign relations of Moldova\n\nDiplomatic relations with Belarus were established "
           "on 5 March 1993. Moldova broke them off in 2011, after a dispute over gas. Moldova "
           "does not have relations with Bhutan, which followed Belarus, and it cut ties with "
           "Libya in 2014 when Tripoli expelled its envoy.")


def test_broke_them_off_takes_the_relations_of_the_sentence_before(registry) -> None:
    assert (frozenset({"Moldova", "Belarus"}), "severed", "2011") in _relations(MOLDOVA, registry)


def test_a_pronoun_opening_the_clause_is_the_texts_state(registry) -> None:
    got = _relations(MOLDOVA, registry)
    assert (frozenset({"Moldova", "Libya"}), "severed", "2014") in got
    assert not any("Belarus" in p and "Libya" in p for p, _, _ in got)


PANAMA = ("Quan hệ đối ngoại của Panama\n\nTháng 5/2017, Panama thiết lập quan hệ ngoại giao với "
          "Trung Quốc và chấm dứt quan hệ với Đài Loan. Ngày 2/3/1962, Tổng thống Chiari ra sắc "
          "lệnh cắt đứt quan hệ ngoại giao với Cuba. Gần nửa thế kỷ sau, ngày 20/8/2009, Tổng "
          "thống Martinelli ký sắc lệnh khôi phục quan hệ; La Habana chấp thuận ngay hôm sau.")


def test_a_coordinated_severance_shares_the_fronted_date(registry) -> None:
    got = _relations(PANAMA, registry, "vi")
    assert (frozenset({"Panama", "China"}), "established", "2017-05") in got
    assert (frozenset({"Panama", "Republic of China"}), "severed", "2017-05") in got


def test_a_restoration_without_partner_restores_the_last_severance(registry) -> None:
    got = _relations(PANAMA, registry, "vi")
    assert (frozenset({"Panama", "Cuba"}), "severed", "1962-03-02") in got
    assert (frozenset({"Panama", "Cuba"}), "restored", "2009-08-20") in got


# --- memberships ---------------------------------------------------------------------------------

def test_a_self_suspension_is_the_subjects_not_the_states_after_it(registry) -> None:
    got = _memberships("Ghana was admitted to the United Nations on 8 March 1957. It suspended "
                       "its membership of the regional bloc ECOWAS in 2009 over Togo's dispute "
                       "with Benin.", registry)
    ecowas = "Economic Community of West African States"
    assert ("Ghana", ecowas, None, "2009", "suspension") in got
    assert not [m for m in got if m[0] in ("Togo", "Benin")]
    # an organisation suspending states keeps its reading
    got = _memberships("ECOWAS suspended Mali in May 2021 and Guinea in September 2021.",
                       registry)
    assert ("Mali", ecowas, None, "2021-05", "suspension") in got


def test_a_withdrawal_ends_when_it_took_effect_not_at_the_vote(registry) -> None:
    got = _memberships("Kenya entered the Commonwealth of Independent States in 1995 and in 2009 "
                       "became the first member to leave it: parliament voted to withdraw on 1 "
                       "May 2008 and the withdrawal took effect a year later, on 3 June 2009.",
                       registry)
    cis = "Commonwealth of Independent States"
    # (round 30, the convention of session 16: the membership and its end, told together,
    # are one fact)
    assert ("Kenya", cis, "1995", "2009-06-03", "withdrawal") in got
    assert not [m for m in got if m[3] == "2008-05-01"]


def test_an_organisations_programme_is_the_body_joined(registry) -> None:
    got = _memberships("Foreign relations of Moldova\n\nMoldova joined NATO's Partnership for "
                       "Peace on 16 March 1994 but is not a member of the alliance.", registry)
    assert got == {("Moldova", "Partnership for Peace", "1994-03-16", None, None)}


def test_the_league_of_nations_in_vietnamese_is_no_un(registry) -> None:
    got = _memberships("Tài liệu cơ bản Mali\n\nMali là quốc gia lâu đời, gia nhập Hội Quốc liên "
                       "năm 1925 và là thành viên sáng lập Liên hợp quốc(1945).", registry, "vi")
    assert ("Mali", "League of Nations", "1925", None, None) in got
    assert ("Mali", "United Nations", "1925", None, None) not in got


# --- names ---------------------------------------------------------------------------------------

def test_a_short_form_defined_in_brackets_names_the_state_again(registry) -> None:
    text = ("Papua New Guinea country brief\n\nAustralia and Papua New Guinea(PNG) are "
            "neighbours.Prime Minister Jane Doe visited PNG in March 2022.")
    got = facts(text, registry, "event", "en")
    assert [(e["event_type"], [p["actor"] for p in e["participants"]], e.get("date"))
            for e in got] == [("visit", ["Australia", "Papua New Guinea"], "2022-03")]


def test_a_vietnamese_month_without_its_year_takes_the_years_before() -> None:
    text = ("Hà Nội, 5/5/2025 - abc.\n\nHai nước thiết lập quan hệ ngoại giao ngày 21/7/1970; năm "
            "nay hai nước kỷ niệm 55 năm quan hệ. Hồi tháng 3, ông A đã thăm chính thức Lào.")
    got = {text[d.start : d.end]: d.value for d in find_dates(text)}
    assert got["tháng 3"] == "2025-03"
    got = {d.value for d in find_dates("Năm 2019, A thăm B. Vào tháng 11, C thăm D.")}
    assert got == {"2019", "2019-11"}


# --- events --------------------------------------------------------------------------------------

def test_a_numbered_bilateral_forum_is_a_committee_session(registry) -> None:
    text = ("Fiji country brief\n\nAustralia and Fiji work together. The 12th Ministerial Forum "
            "was held in Suva on 3–4 May 2023, co-chaired by the two foreign ministers. The 11th "
            "Forum met in Canberra on 9 March 2022. The 4th Forum for Peace in Asia is an NGO "
            "event.")
    got = [(e["event_type"], e["ordinal"], e.get("place"), e.get("date") or e.get("start"))
           for e in facts(text, registry, "event", "en")]
    assert sorted(got) == [("committee-session", 11, "Australia", "2022-03-09"),
                           ("committee-session", 12, "Fiji", "2023-05-03")]


def test_an_object_pronoun_of_a_reception_is_the_visitor_of_the_sentence_before(registry) -> None:
    vi = ("Tổng thống Chile thăm Việt Nam\n\nHà Nội, 5/5/2025 – Sáng nay, Chủ tịch nước Lương Cường "
          "chủ trì lễ đón chính thức Tổng thống Chile Gabriel Boric tại Phủ Chủ tịch.\n\nTổng thống "
          "Boric đến Hà Nội sáng hôm qua, bắt đầu chuyến thăm cấp Nhà nước Việt Nam từ ngày 4 đến "
          "6/5. Chiều cùng ngày, Tổng Bí thư Tô Lâm đã tiếp ông tại Trụ sở Trung ương Đảng.")
    got = [e for e in facts(vi, registry, "event", "vi") if e["event_type"] == "meeting"
           and e.get("date") == "2025-05-04"]
    # (round 35: the pronoun takes the post the text gave the person it stands for, the lead's
    # pronoun decision of session 18; round 19 wrote it without a post)
    assert [[(p["actor"], p.get("post", {}).get("office")) for p in e["participants"]]
            for e in got] == [[("Vietnam", "party-general-secretary"), ("Chile", "president")]]
    en = ("Kenya and Chile sign pact\n\nNAIROBI, March 3, 2019 - Chilean President Ana Diaz arrived "
          "on Sunday for a two-day visit. Kenyan President Paul Mwangi received her at the "
          "airport and held talks with her the same afternoon.")
    got = [e for e in facts(en, registry, "event", "en") if e["event_type"] == "meeting"]
    assert [{p["actor"] for p in e["participants"]} for e in got] == [{"Kenya", "Chile"}]


def test_since_the_establishment_is_a_reference_not_a_date(registry) -> None:
    text = ("Tài liệu cơ bản về Mali\n\nThủ tướng Mali thăm chính thức Việt Nam (4-6/5/2024), "
            "chuyến thăm đầu tiên của một lãnh đạo Mali kể từ khi hai nước thiết lập quan hệ "
            "ngoại giao.")
    assert not [r for r in facts(text, registry, "relation", "vi") if r.get("date") == "2024-05-04"]
    en = ("Foreign relations of Mali\n\nIts prime minister visited Chile in May 2024, the first "
          "such visit since the two countries established diplomatic relations.")
    assert not [r for r in facts(en, registry, "relation", "en") if r.get("date")]


def test_a_scraped_pages_navigation_line_is_not_its_title(registry) -> None:
    text = ("Trang chủ | Giới thiệu | Tư liệu cơ bản các nước | In trang\nTÀI LIỆU CƠ BẢN VỀ "
            "CỘNG HÒA MALI VÀ QUAN HỆ VỚI VIỆT NAM\n\nIII. QUAN HỆ VỚI VIỆT NAM\n- Ngày thiết "
            "lập quan hệ ngoại giao:30/10/1960.")
    assert _relations(text, registry, "vi") == {
        (frozenset({"Mali", "Vietnam"}), "established", "1960-10-30")}
