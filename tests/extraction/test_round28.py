"""The twenty-eighth round of extraction (issue 16): relations, memberships and agreements
written in constructions the rules had not read (a suspension, a recognition "instead", states
acting "together with" others, a restoration with its severance in a relative clause, capitals
for governments, a subject after a subordinate clause, …).

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _cands(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def _rel(text: str, registry) -> set[tuple]:
    return {(frozenset(d["parties"]), d["status"], d.get("date"))
            for d in _cands(text, registry, "relation")}


# --- 1. a suspension is its own status --------------------------------------------------------

def test_active_suspension_of_relations(registry) -> None:
    text = "In March 2031 Uruguay suspended its diplomatic relations with Paraguay over a dispute."
    assert _rel(text, registry) == {
        (frozenset({"Uruguay", "Paraguay"}), "suspended", "2031-03")}


def test_capitals_suspend_relations_for_their_governments(registry) -> None:
    text = "In May 2030 Lima suspended relations with Quito."
    assert _rel(text, registry) == {(frozenset({"Peru", "Ecuador"}), "suspended", "2030-05")}


def test_passive_suspension_is_suspended_and_frozen_stays_severed(registry) -> None:
    got = _rel("Ghana established relations with Togo in 1960, but relations were suspended "
               "in 2029.", registry)
    assert (frozenset({"Ghana", "Togo"}), "suspended", "2029") in got
    got = _rel("Ghana established relations with Togo in 1960, but relations were frozen "
               "in 2029.", registry)
    assert (frozenset({"Ghana", "Togo"}), "severed", "2029") in got


def test_vietnamese_suspension(registry) -> None:
    text = "Năm 2032, Peru tuyên bố đình chỉ quan hệ ngoại giao với Bolivia."
    assert _rel(text, registry) == {(frozenset({"Peru", "Bolivia"}), "suspended", "2032")}


def test_guard_a_negated_suspension_is_no_relation(registry) -> None:
    text = "In 2031 Uruguay did not suspend its diplomatic relations with Paraguay."
    assert not [d for d in _cands(text, registry, "relation") if d["status"] == "suspended"]


# --- 2. a recognition "instead" ----------------------------------------------------------------

def test_recognition_of_taipei_instead_is_relations_established(registry) -> None:
    text = "Nauru recognised the Republic of China instead in August 2030."
    assert _rel(text, registry) == {
        (frozenset({"Nauru", "Republic of China"}), "established", "2030-08")}


def test_guard_a_recognition_without_instead_is_not_read_here(registry) -> None:
    text = "In August 2030 Nauru recognised the Republic of China's passports."
    assert not _cands(text, registry, "relation")


# --- 3. "together with" ------------------------------------------------------------------------

def test_companions_after_the_clause_share_partner_status_and_date(registry) -> None:
    text = ("Kenya broke off diplomatic relations with Somalia on 4 April 2033, together with "
            "Uganda and Tanzania.")
    got = _rel(text, registry)
    assert got == {(frozenset({x, "Somalia"}), "severed", "2033-04-04")
                   for x in ("Kenya", "Uganda", "Tanzania")}


def test_the_state_before_together_with_is_a_subject_too(registry) -> None:
    text = ("Kenya, together with Uganda and Tanzania, severed relations with Somalia in "
            "April 2033.")
    got = _rel(text, registry)
    assert got == {(frozenset({x, "Somalia"}), "severed", "2033-04")
                   for x in ("Kenya", "Uganda", "Tanzania")}


def test_vietnamese_cung_voi(registry) -> None:
    text = ("Ngày 4/4/2033, Kenya cùng với Uganda và Tanzania cắt đứt quan hệ ngoại giao với "
            "Somalia.")
    got = _rel(text, registry)
    assert got == {(frozenset({x, "Somalia"}), "severed", "2033-04-04")
                   for x in ("Kenya", "Uganda", "Tanzania")}


def test_guard_two_clauses_of_relations_take_no_companions(registry) -> None:
    text = ("Kenya established relations with Chile in 2030 and severed relations with Peru in "
            "2031, together with Uganda.")
    assert not [d for d in _cands(text, registry, "relation") if "Uganda" in d["parties"]]


# --- 4. a restoration with its severance in a relative clause ----------------------------------

def test_restore_the_relations_they_broke_off(registry) -> None:
    text = ("In June 2034 Canberra and Wellington agreed in Suva to restore the ties they had "
            "broken off in 2029.")
    got = _rel(text, registry)
    pair = frozenset({"Australia", "New Zealand"})
    assert got == {(pair, "restored", "2034-06"), (pair, "severed", "2029")}


def test_guard_a_plain_restoration_keeps_its_own_date(registry) -> None:
    text = "Canberra and Wellington agreed to restore relations on 3 June 2034."
    assert _rel(text, registry) == {
        (frozenset({"Australia", "New Zealand"}), "restored", "2034-06-03")}


# --- 5. a subject after a subordinate clause ---------------------------------------------------

def test_the_name_after_a_comma_is_the_next_verbs_subject(registry) -> None:
    text = ("Tháng 5/2031, sau khi Paraguay khôi phục quan hệ với Đài Bắc, Trung Quốc tuyên bố "
            "đình chỉ quan hệ ngoại giao với Paraguay.")
    got = _rel(text, registry)
    assert (frozenset({"China", "Paraguay"}), "suspended", "2031-05") in got
    assert not [g for g in got if g[0] == frozenset({"Republic of China", "China"})]


def test_english_after_clause_dates_the_main_clause(registry) -> None:
    text = ("In 2031, after Paraguay restored relations with Taipei, China suspended relations "
            "with Asunción.")
    got = _rel(text, registry)
    assert (frozenset({"China", "Paraguay"}), "suspended", "2031") in got


# --- 6. memberships: the member, the start years ------------------------------------------------

def _mem(text: str, registry) -> set[tuple]:
    return {(d["member"], d["organization"], d.get("start"))
            for d in _cands(text, registry, "membership")}


def test_the_state_left_at_independence_is_no_member(registry) -> None:
    text = ("Vanuatu became independent from France on 30 July 2030 and was admitted to the "
            "United Nations in September.")
    got = _mem(text, registry)
    assert {m for m, _, _ in got} == {"Vanuatu"}


def test_one_bracket_of_years_for_coordinated_organisations(registry) -> None:
    text = ("Tonga, a small kingdom, was a founding member of the Association of Caribbean "
            "States and of the World Trade Organization (2031 and 2033).")
    got = _mem(text, registry)
    assert ("Tonga", "Association of Caribbean States", "2031") in got
    assert ("Tonga", "World Trade Organization", "2033") in got


def test_guard_a_bracket_with_another_count_of_years_is_not_shared(registry) -> None:
    text = ("Tonga was a founding member of the Association of Caribbean States and of the "
            "World Trade Organization (2031).")
    got = _mem(text, registry)
    assert ("Tonga", "Association of Caribbean States", "2031") not in got


def test_a_successor_apposition_neither_member_nor_date_thief(registry) -> None:
    text = ("Foreign relations of Fiji\nFiji is an island state. As a colony, Fiji joined the "
            "Caribbean Free Trade Association in 2031; it entered the Caribbean Community, "
            "CARIFTA's successor, in 2034, a year after it took its present name.")
    got = _mem(text, registry)
    assert ("Fiji", "Caribbean Community", "2034") in got
    assert not [g for g in got if g[1] == "Caribbean Free Trade Association" and g[2] != "2031"]


def test_british_honduras_is_belize(registry) -> None:
    text = "In 1971 British Honduras became a member of the Caribbean Free Trade Association."
    assert _mem(text, registry) == {("Belize", "Caribbean Free Trade Association", "1971")}


# --- 7. a month counted back from the dateline; the subject before an aside --------------------

def test_last_month_and_an_aside_of_place(registry) -> None:
    text = ("CANBERRA, June 5, 2034 - Fiji and Samoa restored relations on Monday.\n\nThe "
            "decision follows others. Last month Canberra and Wellington agreed, at a meeting "
            "hosted by Tokyo, to restore the ties they had broken off in 2029.")
    got = _rel(text, registry)
    pair = frozenset({"Australia", "New Zealand"})
    assert {(pair, "restored", "2034-05"), (pair, "severed", "2029")} <= got
    assert not [g for g in got if "Japan" in g[0]]


def test_vietnamese_months_ago(registry) -> None:
    text = ("HÀ NỘI, 5/6/2034 - Fiji và Samoa khôi phục quan hệ ngoại giao hôm nay.\n\nBa tháng "
            "trước, Tokyo là nơi Úc và New Zealand đạt thỏa thuận khôi phục quan hệ ngoại giao.")
    got = _rel(text, registry)
    assert (frozenset({"Australia", "New Zealand"}), "restored", "2034-03") in got


def test_guard_months_before_an_event_is_not_counted_from_the_dateline(registry) -> None:
    from diplograph.extraction import pipeline
    from diplograph.extraction.context import Context

    text = "HÀ NỘI, 5/6/2034 - Hai tháng trước khi Fiji ký hiệp định, Samoa đã gặp Tonga."
    ctx = Context.build(text, "vi", pipeline.gazetteer(registry))
    assert not [d for d in ctx.dates if d.value == "2034-04"]


# --- 8. agreements: the date of the talks, the state of a place, "it" entered into force -------

def _agr(text: str, registry) -> list[dict]:
    return _cands(text, registry, "agreement")


def test_signing_after_the_talks_takes_the_talks_day(registry) -> None:
    text = ("PARIS, June 9, 2031 - President Anne Roux of France held talks with Chilean "
            "President Luis Mena on Monday, the second day of a visit that ends on June 12.\n\n"
            "Mena reached Paris on Sunday. After the talks the two leaders looked on as ministers "
            "signed a memorandum of understanding on water management.")
    got = _agr(text, registry)
    assert [(set(d["parties"]), d.get("signed")) for d in got] == [
        ({"France", "Chile"}, "2031-06-09")]


def test_vietnamese_signing_after_the_talks(registry) -> None:
    text = ("HÀ NỘI, 9/6/2031 - Chủ tịch nước Việt Nam và Tổng thống Chile đã hội đàm hôm nay. "
            "Tổng thống Chile đến Hà Nội ngày 8/6 và rời Việt Nam ngày 11/6.\n\nSau hội đàm, "
            "hai bên ký Bản ghi nhớ về hợp tác nông nghiệp.")
    got = _agr(text, registry)
    assert [(set(d["parties"]), d.get("signed")) for d in got] == [
        ({"Vietnam", "Chile"}, "2031-06-09")]


def test_the_state_of_a_place_of_signing_signs_nothing(registry) -> None:
    text = ("U.S.-Palau relations\nPalau and the United States keep close ties, and Palau and "
            "the United States talk often.\nOn 14 May 2031, in Suva, Fiji, the two sides "
            "signed a Fisheries Agreement.")
    got = _agr(text, registry)
    assert [set(d["parties"]) for d in got] == [{"Palau", "United States"}]


def test_guard_states_after_the_place_that_sign_are_signatories(registry) -> None:
    text = "On 2 May 2031, at the OAS in Washington, Ghana and Togo signed a trade agreement."
    got = _agr(text, registry)
    assert [set(d["parties"]) for d in got] == [{"Ghana", "Togo"}]


def test_it_entered_into_force_is_the_agreement_named_last(registry) -> None:
    text = ("U.S.-Palau relations\nPalau and the United States keep close ties.On 1 May 2030 the "
            "Compact of Free Association between the two countries entered into force.\n"
            "The two governments signed a Fisheries Agreement in Koror on 3 March 2031; it "
            "entered into force only on 9 July 2032.")
    got = [d for d in _agr(text, registry) if d.get("signed") == "2031-03-03"]
    assert [d.get("in_force") for d in got] == ["2032-07-09"]


# --- 9. a past month after the article's own month is of the year before -----------------------

def _dates(text: str, registry, lang: str = "en") -> dict[str, object]:
    from diplograph.extraction import pipeline
    from diplograph.extraction.context import Context

    ctx = Context.build(text, lang, pipeline.gazetteer(registry))
    return {text[d.start : d.end]: d.value for d in ctx.dates}


def test_a_past_month_after_the_datelines_is_last_year(registry) -> None:
    text = ("SUVA, February 3, 2031 - Fiji's president held talks on Monday, the first visit "
            "since the two countries restored diplomatic relations in October.")
    assert _dates(text, registry)["October"] == "2030-10"


def test_vietnamese_past_day_after_the_dateline(registry) -> None:
    text = "HÀ NỘI, 3/2/2031 - Hai nước đã thiết lập quan hệ ngoại giao ngày 14/11 tại New York."
    assert _dates(text, registry, "vi")["ngày 14/11"] == "2030-11-14"


def test_guard_a_future_month_stays_in_the_datelines_year(registry) -> None:
    text = ("SUVA, February 3, 2031 - Fiji's president held talks on Monday; the two sides "
            "will meet again in October.")
    assert _dates(text, registry)["October"] == "2031-10"


def test_guard_a_day_before_the_dateline_keeps_its_year(registry) -> None:
    text = "HÀ NỘI, 15/2/2031 - Hai nước đã thiết lập quan hệ ngoại giao ngày 14/2 tại New York."
    assert _dates(text, registry, "vi")["ngày 14/2"] == "2031-02-14"


# --- 10. a visit's last day told as its length -------------------------------------------------

def _visits(text: str, registry) -> list[dict]:
    return [d for d in _cands(text, registry, "event") if d["event_type"] == "visit"]


def test_a_visit_that_runs_until_a_day(registry) -> None:
    text = ("SUVA, June 9, 2031 - Chilean President Luis Mena, who arrived in Fiji on Sunday for "
            "a state visit that lasts until June 12, held talks with the Fijian prime minister.")
    got = _visits(text, registry)
    assert [(d.get("start"), d.get("end"), d.get("date")) for d in got] == [
        ("2031-06-08", "2031-06-12", None)]


def test_guard_a_length_beyond_two_weeks_is_not_the_visits(registry) -> None:
    text = ("SUVA, June 9, 2031 - Chilean President Luis Mena, who arrived in Fiji on Sunday for "
            "a state visit, opened an exhibition that runs until August 30.")
    got = _visits(text, registry)
    assert all("end" not in d for d in got)


# --- 11. a family name after "ông" / "bà" in Vietnamese ------------------------------------------

def _surname_posts(text: str, registry) -> list[tuple]:
    from diplograph.extraction import pipeline
    from diplograph.extraction.context import Context

    ctx = Context.build(text, "vi", pipeline.gazetteer(registry))
    return [(text[p.start : p.end], p.office, p.state) for p in ctx.posts
            if p.start in ctx.by_surname]


def test_vietnamese_family_name_after_the_honorific_holds_the_post(registry) -> None:
    text = ("HÀ NỘI, 9/6/2031 - Tổng thống Chile Luis Mena hội đàm với Chủ tịch nước Việt Nam "
            "hôm nay. Trong chuyến thăm tháng 5/2027 của ông Mena, hai nước ký hiệp định. Mena "
            "là luật sư.")
    assert _surname_posts(text, registry) == [("Mena", "president", "CHL")]


def test_guard_a_name_that_goes_on_past_the_post_is_not_used(registry) -> None:
    text = ("HÀ NỘI, 9/6/2031 - Tổng thống Brazil Pedro Alves da Costa hội đàm với Chủ tịch "
            "nước Việt Nam hôm nay. Đây là lần thứ hai ông Alves thăm Việt Nam.")
    assert _surname_posts(text, registry) == []
