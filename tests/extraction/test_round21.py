"""The twenty-first round of extraction (issue 16): how attributes (dates, roles, members) are
assigned, with `corpus/test22/` as the development part and every part measured.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts

from diplograph.extraction.dates import find_dates

# --- dates: a visit's range with a lost space before the year ----------------------------------

def test_a_day_range_keeps_its_year_across_a_lost_space() -> None:
    got = [d.value for d in find_dates("The minister stayed in Lima from 7-9 March2019, then left.")]
    assert got == [{"from": "2019-03-07", "to": "2019-03-09"}]
    # a number glued to the year is no year
    assert all(d.value != {"from": "2019-03-07", "to": "2019-03-09"}
               for d in find_dates("Shipments of 7-9 March20190 units."))


def test_a_visit_over_a_range_gets_start_and_end(registry) -> None:
    visits = facts("Japanese Prime Minister Kenji Sato paid a state visit to Peru from 7-9 "
                   "March2019, his first.",
                   registry, "event")
    assert [(v.get("start"), v.get("end")) for v in visits if v["event_type"] == "visit"] == [
        ("2019-03-07", "2019-03-09")]


# --- memberships: a list's members keep the list's own date ------------------------------------

def _memberships(text: str, registry, lang: str = "en") -> set[tuple]:
    return {(m["member"], m.get("start"), tuple(m.get("roles") or ()))
            for m in facts(text, registry, "membership", lang)}


def test_a_join_after_a_semicolon_is_not_the_founders(registry) -> None:
    got = _memberships("ASEAN được thành lập tại Bangkok ngày 8/8/1967, với năm nước sáng lập là "
                       "Indonesia, Malaysia, Philippines, Singapore và Thái Lan; Brunei và Lào trở "
                       "thành thành viên năm 1999.", registry, "vi")
    joined_1999 = {m for m, start, _ in got if start == "1999"}
    assert joined_1999 == {"Brunei", "Laos"}
    assert ("Indonesia", "1967-08-08", ("founding", "full")) in got


# --- memberships: an end goes to the states its clause names ------------------------------------

def _ends(text: str, registry) -> set[tuple]:
    return {(m["member"], m.get("end"), m.get("end_reason"))
            for m in facts(text, registry, "membership") if m.get("end_reason")}


def test_a_possessive_apposition_is_not_the_suspended_state(registry) -> None:
    got = _ends("Senegal hosted the talks. Chad, Sudan's western neighbour, was suspended from the "
                "African Union in March 2021.", registry)
    assert got == {("Chad", "2021-03", "suspension")}


def test_a_pronoun_continues_the_clause_before_and_companions_share_the_end(registry) -> None:
    got = _ends("Senegal hosted the talks. Mali was suspended from the African Union in June 2021, "
                "and on 3 March 2024 it left the union together with Chad and Togo.", registry)
    assert got == {("Mali", "2021-06", "suspension"), ("Mali", "2024-03-03", "withdrawal"),
                   ("Chad", "2024-03-03", "withdrawal"), ("Togo", "2024-03-03", "withdrawal")}


# --- memberships: founders take the founding the text gives -----------------------------------

def test_a_founder_takes_the_date_of_a_participle_founding(registry) -> None:
    got = _memberships("Senegal hosted the talks. Chile is a founding member of the Pacific "
                       "Alliance, set up under the Lima Declaration in 2011, and its secretariat "
                       "rotates.", registry)
    assert ("Chile", "2011", ("founding", "full")) in got


def test_a_counted_founder_is_a_founding_member_with_the_founding_date(registry) -> None:
    got = _memberships("Senegal hosted the talks. Thailand was one of the five Asian states that "
                       "set up ASEAN in Bangkok in August 1967.", registry)
    assert got == {("Thailand", "1967-08", ("founding", "full"))}
    got = _memberships("Senegal hosted the talks. Five years later Thailand was among the five "
                       "states that founded ASEAN, signing a declaration in Bangkok on 8 August "
                       "1967.", registry)
    assert got == {("Thailand", "1967-08-08", ("founding", "full"))}


# --- dates: a day inside a range named before is one of its days --------------------------------

def test_a_day_inside_an_earlier_range_takes_the_range_year() -> None:
    text = ("The foreign minister visited Peru from 4 to 6 June 2022, the first such trip since a "
            "minister came in 1979. On 5 June, the two sides signed a memorandum.")
    got = [d.value for d in find_dates(text)]
    assert got == [{"from": "2022-06-04", "to": "2022-06-06"}, "1979", "2022-06-05"]
    # a day outside the range is left to the older rule (the nearest year before it)
    text = text.replace("On 5 June", "On 9 July")
    assert [d.value for d in find_dates(text)][-1] == "1979-07-09"


# --- events: an invitation to visit is no visit -------------------------------------------------

def test_an_invitation_to_visit_is_no_visit(registry) -> None:
    text = ("LIMA, May 4, 2023 - President Boric of Chile held talks in Lima. He invited the Peruvian "
            "president to pay a state visit to Chile.")
    assert [v for v in facts(text, registry, "event") if v["event_type"] == "visit"] == []


# --- memberships: an associate role read from the words after the verb --------------------------

def test_an_associate_state_in_vietnamese(registry) -> None:
    got = _memberships("Ngày 3/7/2023, Bolivia ký văn kiện gia nhập và trở thành quốc gia liên kết "
                       "của Mercosur.", registry, "vi")
    assert got == {("Bolivia", "2023-07-03", ("associate",))}


# --- dates: a headline's tie is the body's, with the body's day ---------------------------------

def test_a_headline_partnership_gives_way_to_the_body_with_its_day(registry) -> None:
    text = ("Chile and Peru lift ties to strategic partnership\n\n"
            "LIMA, May 4, 2023 - Chile and Peru raised their relationship to a strategic "
            "partnership on Tuesday, during a visit by the Chilean president.")
    got = [(sorted(p["parties"]), p.get("date")) for p in facts(text, registry, "partnership")]
    assert got == [(["Chile", "Peru"], "2023-05-02")]


def test_documents_exchanged_then_take_the_day_just_told(registry) -> None:
    text = ("LIMA, May 4, 2023 - The presidents of Chile and Peru held talks in Lima on Tuesday. "
            "The two governments then exchanged three memoranda of understanding.")
    got = [(sorted(a["parties"]), a.get("signed")) for a in facts(text, registry, "agreement")]
    assert got == [(["Chile", "Peru"], "2023-05-02")]


# --- events: a capital named after its state is a place in that state --------------------------

def test_a_city_named_after_its_state_is_the_meeting_place(registry) -> None:
    got = [m.get("place") for m in facts(
        "Ngày 5/3/2024, Ngoại trưởng Chile hội kiến Tổng thống Guatemala tại Thành phố Guatemala.",
        registry, "event", "vi") if m["event_type"] == "meeting"]
    assert got == ["Guatemala"]
    got = [m.get("place") for m in facts(
        "On 5 March 2024, Chilean President Gabriel Boric held talks with Kuwaiti Prime Minister "
        "Ahmad Abdullah in Kuwait City.",
        registry, "event") if m["event_type"] == "meeting"]
    assert got == ["Kuwait"]


def test_a_possessive_apposition_is_not_the_state_announcing_an_end(registry) -> None:
    text = ("Senegal hosted the talks. Chad, Sudan's western neighbour, was suspended from the "
            "African Union in March 2021 after the government announced its withdrawal.")
    subjects = [c["subjects"] for c in facts(text, registry, "claim")]
    assert not [x for x in subjects if "Sudan" in x or "SDN" in x]


# --- memberships: "cùng năm" after a second organisation and its acronym ------------------------

def test_the_same_year_after_a_coordinated_organisation(registry) -> None:
    got = {(m["organization"], m.get("start")) for m in facts(
        "Kenya gia nhập Liên hợp quốc ngày 16/12/1963 và Tổ chức Thống nhất châu Phi (OAU) cùng "
        "năm; năm 2000, nước này ký một hiệp định với Uganda.", registry, "membership", "vi")}
    assert ("Organization for African Unity", "1963") in got
    # "cùng năm nước" is "with five states", no date
    assert [d.value for d in find_dates("Lào cùng năm nước khác ký văn kiện.")] == []


# --- events: bare posts meeting on a day of a visit told before ---------------------------------

def test_bare_posts_meeting_during_a_visit_take_the_visit_sides(registry) -> None:
    text = ("Peru and Chile\nPrime Minister Ana Soto of Chile paid a state visit to Peru from 4-6 "
            "June 2022. On 5 June, Prime Minister held talks with President Luis Vera at the "
            "Government Palace.")
    got = [{(p["actor"], (p.get("post") or {}).get("office")) for p in m["participants"]}
           for m in facts(text, registry, "event") if m["event_type"] == "meeting"]
    assert got == [{("Chile", "prime-minister"), ("Peru", "president")}]


# --- claims: intentions in reported speech ------------------------------------------------------

def test_reported_intentions(registry) -> None:
    def intentions(text: str, lang: str = "en") -> list[set]:
        return [set(c["subjects"]) for c in facts(text, registry, "claim", lang)
                if c.get("claim_type") == "intention" and c.get("modality") == "intended"]
    assert {"Chile", "Peru"} in intentions(
        "Chile and Peru held talks in Lima. The two leaders said they wanted to triple "
        "their trade within ten years.")
    assert {"Chile", "Peru"} in intentions(
        "Ngày 5/3/2024, Chile và Peru hội đàm tại Lima; hai nước dự định tăng gấp ba kim ngạch "
        "thương mại.", "vi")
    assert {"Chile", "Peru"} in intentions(
        "Ngày 5/3/2024, Chile và Peru hội đàm tại Lima; hai bên nhất trí tăng cường trao đổi "
        "đoàn.", "vi")
