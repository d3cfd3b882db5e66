"""The twenty-seventh round of extraction (issue 16): constructions of events, agreements and
memberships written in ways the rules had not read (a leader named again by the family name, an
onward leg of a tour, talks inside a visit's sentence, a visit's last day in the next sentence,
a list of years, signatories "together with" a list, "both countries" under a heading, …).

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction import pipeline
from diplograph.extraction.agreements import _named
from diplograph.extraction.context import Context
from diplograph.extraction.dates import find_dates, year_from_text
from diplograph.extraction.pipeline import extract_text


def _cands(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def _who(data: dict) -> set[tuple]:
    return {(p["actor"], p["role"], (p.get("post") or {}).get("office"))
            for p in data["participants"]}


def _context(text: str, registry, lang: str = "en") -> Context:
    return Context.build(text, lang, pipeline.gazetteer(registry))


# --- 1. a leader named again by the family name ---------------------------------------------------

def test_family_name_holds_the_post_the_text_gave_it(registry) -> None:
    text = ("Chilean President Gabriel Boric arrived in Wellington on Monday. Boric and Prime "
            "Minister Christopher Luxon held talks on fisheries.")
    ctx = _context(text, registry)
    again = [p for p in ctx.posts if text[p.start : p.end] == "Boric"]
    assert [(p.office, p.state, p.label) for p in again] == [("president", "CHL", "President")]
    assert again[0].start in ctx.by_surname


def test_guard_a_family_name_two_states_share_is_not_read(registry) -> None:
    text = ("Peruvian President Ana Silva met Bolivian President Luis Silva in Lima. Silva then "
            "flew home.")
    ctx = _context(text, registry)
    assert not ctx.by_surname
    assert not [p for p in ctx.posts if text[p.start : p.end] == "Silva"]


def test_guard_the_office_holder_before_the_family_name_is_the_visitor(registry) -> None:
    text = ("PORT LOUIS, 12 March 2031 - Mauritian Prime Minister Paul Rivet and Indian Prime "
            "Minister Arjun Desai opened a hospital on Friday.\n\nRivet, who took office in 2029, "
            "greeted Desai when the Indian leader landed in Port Louis on Thursday for a "
            "two-day state visit.")
    visits = _cands(text, registry, "event")
    visit = [v for v in visits if v["event_type"] == "visit"]
    assert visit and all(("India", "visitor", "prime-minister") in _who(v) for v in visit)


# --- 2. "held delegation-level talks" ---------------------------------------------------------

def test_talks_with_a_word_before_them(registry) -> None:
    text = ("SUVA, 8 May 2031 - Fijian Prime Minister Jone Vula and Tongan Prime Minister Sione "
            "Tupou held delegation-level talks in Suva on Thursday.")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    assert [(_who(m), m.get("place"), m.get("date")) for m in meetings] == [
        ({("Fiji", "participant", "prime-minister"), ("Tonga", "participant", "prime-minister")},
         "Fiji", "2031-05-08")]


def test_guard_talks_held_on_the_sidelines_are_no_new_form(registry) -> None:
    # "held … talks on the sidelines of" is left to the rules that read summits
    from diplograph.extraction.events import MEET

    assert MEET.search("They held bilateral talks on the sidelines of the summit.") is None
    assert MEET.search("They held bilateral talks in Apia.") is not None


# --- 3. a year from two statements of one first ------------------------------------------------

def test_first_in_years_and_first_since_a_year(registry) -> None:
    text = ("Kenya's president makes first visit in 14 years\n\nOSLO, June 2 (diplograph) - "
            "William Kariuki arrived in Oslo on Tuesday. He was welcomed by the king. His trip "
            "is the first by a Kenyan head of state since 2007.")
    # (round 47: ten years back, so that the year is not after the present one, 0d1d3efb)
    assert year_from_text(text, find_dates(text)) == 2021
    assert find_dates(text)[0].value == "2021-06-02"


def test_guard_two_firsts_since_different_years_give_no_year(registry) -> None:
    text = ("Kenya's president makes first visit in 14 years\n\nOSLO, June 2 (diplograph) - "
            "He arrived on Tuesday. He was welcomed. He met the king. It is the first such trip "
            "since 2017 and the first state banquet since 2015.")
    assert year_from_text(text, find_dates(text)) is None


# --- 4. the onward leg of a tour ----------------------------------------------------------------

def test_an_onward_leg_is_counted_from_its_arrival(registry) -> None:
    text = ("LIMA, 3 May 2031 - Canadian Prime Minister Anne Roy held talks with Peruvian "
            "President Jorge Paz on Saturday. Roy flew on Saturday evening to Quito, the next "
            "stop of her tour.")
    visits = [v for v in _cands(text, registry, "event") if v["event_type"] == "visit"]
    # (round 30, the convention of session 16: dated by its arrival, ``date``)
    assert [(v["place"], v.get("start"), v.get("date")) for v in visits] == [
        ("Ecuador", None, "2031-05-03")]


def test_an_onward_leg_after_a_visit_in_its_sentence(registry) -> None:
    text = ("Foreign relations of Chile\n\nPresident Lucia Vera of Uruguay visited Chile from "
            "10 to 12 March 2031 and flew on to Peru on the last of those days.")
    visits = [v for v in _cands(text, registry, "event") if v["event_type"] == "visit"]
    peru = [v for v in visits if v["place"] == "Peru"]
    # (round 30, the convention of session 16: dated by its arrival, ``date``)
    assert [(_who(v), v.get("date"), v.get("end")) for v in peru] == [
        ({("Uruguay", "visitor", "president"), ("Peru", "host", None)}, "2031-03-12", None)]


# --- 5. talks in a visit's sentence, a visit gone to before its tour's name ----------------------

def test_talks_in_the_visits_sentence_are_in_the_visited_state(registry) -> None:
    text = ("Nepal's Foreign Minister Hari Sharma arrived in Dhaka on 4 March 2031 for a "
            "three-day visit and held talks with Bangladeshi Foreign Minister Rafiq Alam the "
            "next day, after which Nepal said its consulate in Kathmandu would be expanded.")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    assert [(m.get("place"), m.get("date")) for m in meetings] == [("Bangladesh", "2031-03-05")]


def test_guard_talks_of_another_subject_keep_their_own_place(registry) -> None:
    text = ("Fiji's Prime Minister Jone Vula visited Samoa in May 2031, and Foreign Minister "
            "Tavita Lemalu held talks with Foreign Minister Mere Tora in Suva in June.")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    assert all(m.get("place") != "Samoa" for m in meetings)


def test_a_visit_gone_to_before_the_name_of_its_tour(registry) -> None:
    text = ("Quan hệ Hoa Kỳ - Jamaica\n\nNgày 9/4/2031, Bộ trưởng Quốc phòng Hoa Kỳ John Reed "
            "đến Kingston trong chuyến công du Trung Mỹ và hội đàm với Thủ tướng Paul Grant.")
    events = _cands(text, registry, "event")
    assert [(e["event_type"], e["place"], e.get("date")) for e in events] == [
        ("visit", "Jamaica", "2031-04-09"), ("meeting", "Jamaica", "2031-04-09")]


# --- 6. a visit's last day in the next sentence --------------------------------------------------

def test_the_next_sentence_gives_the_visits_last_day_vi(registry) -> None:
    text = ("HÀ NỘI, 6/5/2031 - Tối 5/5, Tổng thống Chile Lucia Vera đã tới Hà Nội, bắt đầu "
            "chuyến thăm chính thức Việt Nam. Chuyến thăm kéo dài đến hết ngày 8/5.")
    visits = [v for v in _cands(text, registry, "event") if v["event_type"] == "visit"]
    assert [(v.get("start"), v.get("end")) for v in visits] == [("2031-05-05", "2031-05-08")]


def test_the_next_sentence_gives_the_visits_last_day_en(registry) -> None:
    text = ("CANBERRA, 3 March 2031 - Prime Minister Jone Vula of Fiji arrived in Australia on "
            "Monday for an official visit. The visit lasts until Thursday, 6 March.")
    visits = [v for v in _cands(text, registry, "event") if v["event_type"] == "visit"]
    assert [(v.get("start"), v.get("end")) for v in visits] == [("2031-03-03", "2031-03-06")]


def test_guard_a_last_day_more_than_two_weeks_on_is_not_taken(registry) -> None:
    text = ("CANBERRA, 3 March 2031 - Prime Minister Jone Vula of Fiji arrived in Australia on "
            "Monday for an official visit. The visit lasts until 30 March.")
    visits = [v for v in _cands(text, registry, "event") if v["event_type"] == "visit"]
    assert [(v.get("date"), v.get("end")) for v in visits] == [("2031-03-03", None)]


# --- 7. places, dates and posts ---------------------------------------------------------------

def test_a_town_with_name_particles_before_its_bracketed_state(registry) -> None:
    text = ("Ngày 3/6/2031, Thủ tướng Việt Nam Lê Văn Nam dự Hội nghị thượng đỉnh G20 tại "
            "Belo do Sul (Brazil).")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    assert [m.get("place") for m in meetings] == ["Brazil"]


def test_an_embassy_opening_dated_by_its_fronted_date(registry) -> None:
    text = ("Foreign relations of Paraguay\n\nParaguay has long ties with Taiwan. Taiwan is a "
            "partner.\n\nMiddle East\n\nOn 21 May 2031, three days after the United States "
            "moved its own embassy, Paraguay opened its embassy in Jerusalem, leaving Tel Aviv.")
    openings = [e for e in _cands(text, registry, "event") if e["event_type"] == "embassy-opening"]
    assert [(o["place"], o["date"]) for o in openings] == [("Israel", "2031-05-21")]


def test_a_vietnamese_president_without_state_is_the_pages_other_state(registry) -> None:
    text = ("Quan hệ Việt Nam - Honduras\n\nViệt Nam và Honduras thiết lập quan hệ ngoại giao "
            "năm 1997. Tổng thống Ramos thăm cấp Nhà nước Nhật Bản tháng 5/2031 và hội đàm với "
            "Thủ tướng Sato tại Tokyo.")
    events = _cands(text, registry, "event")
    assert [(e["event_type"], _who(e)) for e in events] == [
        ("visit", {("Honduras", "visitor", "president"), ("Japan", "host", None)}),
        ("meeting", {("Honduras", "participant", "president"),
                     ("Japan", "participant", "prime-minister")})]


def test_a_list_of_years_is_one_visit_each(registry) -> None:
    text = ("Quan hệ Việt Nam - Na Uy\n\nPhía Na Uy: Thái tử Haakon thăm Việt Nam các năm "
            "2001, 2011 và 2021; Chủ tịch Quốc hội Na Uy Ola Berg thăm Việt Nam năm 2024.")
    visits = [v for v in _cands(text, registry, "event") if v["event_type"] == "visit"]
    assert sorted((v.get("date"), (_who(v) & {("Norway", "visitor", "speaker-of-parliament")})
                   != set()) for v in visits) == [
        ("2001", False), ("2011", False), ("2021", False), ("2024", True)]


# --- 8. agreements and founders -----------------------------------------------------------------

def test_a_treaty_the_registry_names_as_a_body_is_read_as_the_instrument(registry) -> None:
    text = ("On 2 May 2031 Guatemala, Honduras, Belize and Panama signed in Panama City the "
            "General Treaty on Central American Economic Integration.")
    agreements = _cands(text, registry, "agreement")
    assert [(sorted(a["parties"]), a.get("signed")) for a in agreements] == [
        (["Belize", "Guatemala", "Honduras", "Panama"], "2031-05-02")]


def test_both_countries_under_a_states_heading(registry) -> None:
    text = ("Foreign relations of Peru\n\nPeru has relations with most states; Japan is its "
            "oldest partner in Asia. Japan and Peru trade fish. Japan funds Peruvian ports.\n\n"
            "Canada\n\nCanada is a large investor in Peruvian mines, as is Japan. "
            "Both countries are parties to the Andes-Pacific Free Trade Agreement, signed on 29 "
            "May 2008, which entered into force on 1 August 2009.")
    agreements = _cands(text, registry, "agreement")
    assert [(sorted(a["parties"]), a.get("signed"), a.get("in_force")) for a in agreements] == [
        (["Canada", "Peru"], "2008-05-29", "2009-08-01")]


def test_signatories_together_with_a_list_after_the_body_created(registry) -> None:
    text = ("Foreign relations of Chile\n\nOn 5 May 2031 it signed the treaty of Arica that "
            "created the Andean Community, together with Bolivia, Peru and Ecuador.")
    agreements = _cands(text, registry, "agreement")
    assert [sorted(a["parties"]) for a in agreements] == [["Bolivia", "Chile", "Ecuador", "Peru"]]
    founders = _cands(text, registry, "membership")
    assert sorted((m["member"], tuple(m["roles"]), m.get("start")) for m in founders) == [
        (k, ("founding", "full"), "2031-05-05") for k in ("Bolivia", "Chile", "Ecuador", "Peru")]


def test_a_named_instrument_in_lower_case() -> None:
    assert (_named("treaty of Arica"), _named("treaty of friendship")) == (True, False)


def test_the_two_governments_after_a_fronted_state(registry) -> None:
    text = ("Quan hệ đối ngoại của Slovenia\n\nSlovenia thiết lập quan hệ với Nhật Bản năm "
            "1992.\n\nVới Croatia, láng giềng phía nam của Slovenia, hai chính phủ ký Hiệp ước "
            "hợp tác biên giới ngày 4/5/2031.")
    agreements = _cands(text, registry, "agreement")
    assert [sorted(a["parties"]) for a in agreements] == [["Croatia", "Slovenia"]]


def test_guard_the_two_governments_of_another_pair(registry) -> None:
    # the state before the pair words is not of the local pair: it is not taken as a party
    text = ("KIGALI, 9 June 2031 - Rwandan President Paul Mugisha received Kenyan President "
            "Ruth Wanjiru on Monday.\n\nWanjiru arrived from Tanzania, where on Sunday the two "
            "governments signed a transport agreement.")
    agreements = _cands(text, registry, "agreement")
    assert all("Tanzania" not in a["parties"] or len(a["parties"]) == 2 for a in agreements)
    assert not any(sorted(a["parties"]) == ["Rwanda", "Tanzania"] for a in agreements)


def test_the_two_countries_of_the_sentence_before(registry) -> None:
    text = ("Quan hệ đối ngoại của Slovenia\n\nSlovenia thiết lập quan hệ với Nhật Bản năm "
            "1992.\n\nSlovenia công nhận Montenegro tháng 6/2006. Sau khi hoàn tất đàm phán, "
            "hai nước thiết lập quan hệ ngoại giao ngày 9/8/2006.")
    relations = _cands(text, registry, "relation")
    assert ("2006-08-09", ["Montenegro", "Slovenia"]) in [
        (r.get("date"), sorted(r["parties"])) for r in relations]


# --- 9. photo captions, founding treaties without signatories ---------------------------------

def test_a_caption_of_two_office_holders_is_their_meeting(registry) -> None:
    text = ("Quan hệ Việt Nam - Chile\n\nViệt Nam và Chile thiết lập quan hệ ngoại giao năm "
            "1971.\n\n[Ảnh] Chủ tịch nước Lê Văn Nam và Tổng thống Chile Lucia Vera tại Tokyo, "
            "tháng 4/2031.")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    assert [(_who(m), m["place"], m["date"]) for m in meetings] == [
        ({("Vietnam", "participant", "president"), ("Chile", "participant", "president")},
         "Japan", "2031-04")]


def test_a_caption_of_two_holders_of_one_office_takes_the_pair(registry) -> None:
    text = ("India-Chile Bilateral Brief\n\nIndia and Chile established relations in 1949. "
            "India and Chile trade copper.\n\n[Photo] President Ravi Rao with President Lucia "
            "Vera at La Moneda, Santiago, 2 May 2031")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    assert [(_who(m), m["place"], m["date"]) for m in meetings] == [
        ({("India", "participant", "president"), ("Chile", "participant", "president")},
         "Chile", "2031-05-02")]


def test_guard_a_caption_without_a_place_or_a_date_is_no_meeting(registry) -> None:
    for caption in ("[Photo] President Ravi Rao with President Lucia Vera at La Moneda",
                    "[Photo] President Ravi Rao with President Lucia Vera, May 2031"):
        text = ("India-Chile Bilateral Brief\n\nIndia and Chile established relations in 1949. "
                "India and Chile trade copper.\n\n" + caption)
        assert not [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]


def test_guard_a_founding_treaty_without_signatories_is_no_agreement_of_the_pair(
        registry) -> None:
    text = ("Quan hệ Việt Nam - Gambia\n\nViệt Nam và Gambia thiết lập quan hệ ngoại giao năm "
            "1973.\n\nHiệp ước Banjul thành lập Liên minh châu Phi (AU) được ký ngày 2/5/2031 "
            "tại thủ đô của Gambia.")
    assert not _cands(text, registry, "agreement")


# --- 10. claims: a recognition refused ----------------------------------------------------------

def test_a_recognition_refused_is_a_position_of_its_subject(registry) -> None:
    for text, who in (
            ("Foreign relations of Peru\n\nPeru long disputed the border with Ecuador, and it "
             "refused to recognise the new line drawn in 2031.", ["Peru"]),
            ("When the junta took power in 2031, Chile did not recognise its government.",
             ["Chile"]),
            ("Lào không công nhận kết quả cuộc bầu cử năm 2031 của Myanmar.", ["Laos"])):
        claims = [c for c in _cands(text, registry, "claim") if c["claim_type"] == "position"]
        assert [c["subjects"] for c in claims] == [who], text


# --- 11. claims: intentions agreed by the two sides ----------------------------------------------

def test_an_aim_agreed_by_both_leaders_after_another_name(registry) -> None:
    text = ("LIMA, 3 May 2031 - Peruvian President Jorge Paz and Chilean President Lucia Vera "
            "met in Lima on Saturday. Peru backed Chile's bid to host the APEC summit, and both "
            "leaders agreed to work for closer ties between Peru and the Pacific Alliance.")
    intents = [c for c in _cands(text, registry, "claim") if c["claim_type"] == "intention"]
    assert [sorted(c["subjects"]) for c in intents] == [["Chile", "Peru"]]


def test_they_agreed_to_work_together_in_a_text_on_two_states(registry) -> None:
    text = ("LIMA, 3 May 2031 - Peru and Chile signed a fisheries accord on Saturday. Peru and "
            "Chile share a long border. Peru and Chile trade copper.\n\nThey praised the talks, "
            "and they agreed in a joint statement to work together against drug trafficking.")
    intents = [c for c in _cands(text, registry, "claim") if c["claim_type"] == "intention"]
    assert [sorted(c["subjects"]) for c in intents] == [["Chile", "Peru"]]


# --- 12. a pronoun two sentences on, through "His visit …" ----------------------------------

def test_he_two_sentences_after_the_post_through_his(registry) -> None:
    text = ("QUITO, 5 May 2031 - Peruvian President Jorge Paz landed in Quito on Monday. His "
            "visit is the first by a Peruvian leader since 2019. Before the talks he called on "
            "President Ana Cruz of Ecuador at the Carondelet Palace.")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    # (round 35: a call on a head of state in that state makes that head of state the host,
    # the lead's decision of session 19; round 27 wrote participant / participant)
    assert [_who(m) for m in meetings] == [
        {("Peru", "participant", "president"), ("Ecuador", "host", "president")}]


def test_guard_the_sentence_between_names_another_person(registry) -> None:
    text = ("QUITO, 5 May 2031 - Peruvian President Jorge Paz landed in Quito on Monday. In "
            "June, Senate Chairman Luis Mora visited Chile. He met President Ana Cruz of Ecuador "
            "the next day.")
    meetings = [m for m in _cands(text, registry, "event") if m["event_type"] == "meeting"]
    assert not any(("Peru", "participant", "president") in _who(m) for m in meetings)


# --- 13. founders ------------------------------------------------------------------------------

def test_among_the_republics_that_signed_the_charter_of_a_body(registry) -> None:
    text = ("Foreign relations of Peru\n\nIn 1948 it was among the twenty-one American republics "
            "that signed the Charter of the Organization of American States in Bogota.")
    founders = _cands(text, registry, "membership")
    assert [(m["member"], m.get("roles"), m.get("start")) for m in founders] == [
        ("Peru", ["founding", "full"], "1948")]


def test_a_founder_with_a_companion(registry) -> None:
    text = ("Nepal, a member of the United Nations since 14 December 1955, was with Ghana one of "
            "the founding members of the Non-Aligned Movement at Belgrade in 1961.")
    founders = [m for m in _cands(text, registry, "membership")
                if m.get("roles") == ["founding", "full"]]
    assert sorted((m["member"], m.get("start")) for m in founders) == [
        ("Ghana", "1961"), ("Nepal", "1961")]
    # the apposition's membership is still read
    assert ("Nepal", "1955-12-14") in [(m["member"], m.get("start"))
                                       for m in _cands(text, registry, "membership")]


def test_guard_a_capital_in_an_instruments_name_is_no_founder(registry) -> None:
    text = ("Foreign relations of Panama\n\nPanama is a founding member of the Central American "
            "Integration System (SICA), set up by the Protocol of Tegucigalpa in December 1991.")
    founders = _cands(text, registry, "membership")
    assert [m["member"] for m in founders] == ["Panama"]


def test_a_gapped_and_of_after_an_aside(registry) -> None:
    text = ("Foreign relations of Chile\n\nChile is a founding member of the Pacific Alliance, "
            "set up by the Declaration of Lima in April 2011, and of the Union of South American "
            "Nations (2008).")
    members = _cands(text, registry, "membership")
    assert sorted((m["organization"], m.get("start")) for m in members) == [
        ("Pacific Alliance", "2011-04"), ("Union of South American Nations", "2008")]


def test_two_counts_of_documents_exchanged(registry) -> None:
    text = ("SUVA, 8 May 2031 - Fijian Prime Minister Jone Vula and Tongan Prime Minister Sione "
            "Tupou held talks in Suva on Thursday and then watched officials exchange five "
            "memoranda of understanding and two agreements.")
    docs = _cands(text, registry, "agreement")
    assert sorted((a["instrument"], a["quantity"], a.get("signed")) for a in docs) == [
        ("agreement", 2, "2031-05-08"), ("mou", 5, "2031-05-08")]


def test_a_numbered_leaders_meeting_hosted(registry) -> None:
    text = ("Samoa hosted the 60th Pacific Islands Forum Leaders Meeting in Apia from 8 to 11 "
            "September 2031.")
    meetings = _cands(text, registry, "event")
    assert [(m["place"], m.get("ordinal"), m.get("start"), m.get("end")) for m in meetings] == [
        ("Samoa", 60, "2031-09-08", "2031-09-11")]
