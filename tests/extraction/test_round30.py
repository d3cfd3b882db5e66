"""The thirtieth round of extraction (issue 16): the five conventions the lead settled in
session 16 followed by the rules (``extraction/conventions.py``, the meeting rule's ``host``),
and constructions behind wrong candidates of ``test38/`` and ``test39/``, each in both
languages or in two forms.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _cands(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def _org(registry, name: str) -> str:
    """The registry key of an organisation (labels may change; keys do not)."""
    return registry.resolve(name).key


def _mem(text: str, registry) -> set[tuple]:
    return {(d["member"], _org(registry, d["organization"]), d.get("start"), d.get("end"),
             d.get("end_reason")) for d in _cands(text, registry, "membership")}


def _roles(d: dict) -> dict[str, str]:
    return {p["actor"]: p["role"] for p in d["participants"]}


def _events(text: str, registry, event_type: str) -> list[dict]:
    return [d for d in _cands(text, registry, "event") if d["event_type"] == event_type]


# --- convention: a membership stated in the present with no date is no fact -----------------

def test_present_undated_membership_is_no_fact(registry) -> None:
    assert _mem("Kenya and Ghana are both members of the Commonwealth.", registry) == set()


def test_present_undated_membership_is_no_fact_in_vietnamese(registry) -> None:
    text = ("Việt Nam và Chile cùng là thành viên Liên Hợp Quốc và Diễn đàn Hợp tác Kinh tế "
            "châu Á - Thái Bình Dương.")
    assert _mem(text, registry) == set()


def test_guard_a_founding_membership_in_the_present_stays(registry) -> None:
    got = _mem("Kenya is a founding member of the Organisation of African Unity.", registry)
    assert {m[:2] for m in got} == {("Kenya", "OAU")}


def test_guard_the_dated_membership_of_the_sentence_stays(registry) -> None:
    text = "Kenya joined the Commonwealth in 1963 and is a member of the Non-Aligned Movement."
    assert _mem(text, registry) == {("Kenya", "COMMONWEALTH", "1963", None, None)}


# --- convention: a membership and its end told together are one fact ------------------------

def test_membership_and_its_withdrawal_one_fact(registry) -> None:
    got = _mem("Ecuador joined OPEC in 1973 but withdrew in 1992.", registry)
    assert got == {("Ecuador", "OPEC", "1973", "1992",
                    "withdrawal")}


def test_membership_and_its_withdrawal_one_fact_in_vietnamese(registry) -> None:
    got = _mem("Qatar gia nhập OPEC năm 1961 và rút khỏi tổ chức này ngày 1/1/2019.", registry)
    assert got == {("Qatar", "OPEC", "1961",
                    "2019-01-01", "withdrawal")}


def test_a_return_and_its_withdrawal_one_fact(registry) -> None:
    text = ("Rwanda returned to the Economic Community of Central African States in 2015 but "
            "withdrew again in 2025.")
    assert _mem(text, registry) == {("Rwanda", "ECCAS",
                                     "2015", "2025", "withdrawal")}


def test_guard_a_suspension_stays_its_own_fact(registry) -> None:
    got = _mem("Nigeria joined the Commonwealth in 1960 and was suspended from it in 1995.",
               registry)
    assert got == {("Nigeria", "COMMONWEALTH", "1960", None, None),
                   ("Nigeria", "COMMONWEALTH", None, "1995", "suspension")}


# --- convention: a visit dated by its arrival takes ``date`` --------------------------------

def test_visit_begun_on_a_day_with_its_length_has_its_span(registry) -> None:
    # (round 30 dated it by its first day; round 41, the lead's convention of session 23: a
    # span the text gives, here by its length, is ``start`` and ``end``)
    text = ("TOKYO, March 6, 2024 - Kenyan President William Ruto began a four-day visit to "
            "Japan on 5 March 2024 and held talks with Prime Minister Fumio Kishida.")
    visits = _events(text, registry, "visit")
    assert [(v.get("date"), v.get("start"), v.get("end")) for v in visits] == [
        (None, "2024-03-05", "2024-03-08")]


def test_guard_a_visit_whose_span_the_text_gives_keeps_start_and_end(registry) -> None:
    text = ("Kenyan Foreign Minister Musalia Mudavadi visited Japan from 6 to 9 May 2024 and "
            "held talks with Japanese Foreign Minister Yoko Kamikawa on 7 May 2024.")
    visits = _events(text, registry, "visit")
    assert [(v.get("start"), v.get("end")) for v in visits] == [("2024-05-06", "2024-05-09")]


# --- convention: the side the text says received the other is the host ----------------------

def test_received_gives_the_receiving_side_host(registry) -> None:
    text = ("BEIJING, March 26, 2024 - President Xi Jinping received Prime Minister Roosevelt "
            "Skerrit of Dominica in Beijing on 25 March 2024.")
    (m,) = _events(text, registry, "meeting")
    assert _roles(m) == {"China": "host", "Dominica": "participant"}


def test_tiep_gives_the_receiving_side_host(registry) -> None:
    text = ("Hôm thứ Hai 25/3/2024, Chủ tịch Trung Quốc Tập Cận Bình đã tiếp Thủ tướng Dominica "
            "Roosevelt Skerrit tại Bắc Kinh.")
    (m,) = _events(text, registry, "meeting")
    assert _roles(m) == {"China": "host", "Dominica": "participant"}


def test_received_by_gives_the_agent_host(registry) -> None:
    text = ("Kenyan Foreign Minister Musalia Mudavadi was received by Japanese Prime Minister "
            "Fumio Kishida in Tokyo on 7 May 2024.")
    (m,) = _events(text, registry, "meeting")
    assert _roles(m) == {"Japan": "host", "Kenya": "participant"}


def test_guard_talks_stay_participant_and_participant(registry) -> None:
    text = ("Chinese President Xi Jinping held talks with Kenyan President William Ruto in "
            "Beijing on 25 April 2024.")
    (m,) = _events(text, registry, "meeting")
    assert _roles(m) == {"China": "participant", "Kenya": "participant"}


# --- names and anaphora --------------------------------------------------------------------

def test_chdc_congo_is_the_democratic_republic(registry) -> None:
    (a,) = _cands("Ngày 4/3/2023, Pháp và CHDC Congo ký một thỏa thuận hợp tác về y tế.",
                  registry, "agreement")
    assert set(a["parties"]) == {"France", "Democratic Republic of the Congo"}


def test_this_commission_is_the_commission_named_before(registry) -> None:
    text = ("In 1984 Madagascar, Mauritius and Seychelles set up the Indian Ocean Commission. "
            "Two years later Comoros joined this commission.")
    assert ("Comoros", "IOCom", "1986", None, None) in _mem(text, registry)


def test_uy_ban_nay_is_the_commission_named_before(registry) -> None:
    text = ("Năm 1984, Madagascar, Mauritius và Seychelles thành lập Ủy ban Ấn Độ Dương. Hai "
            "năm sau, Comoros gia nhập ủy ban này.")
    assert ("Comoros", "IOCom", "1986", None, None) in _mem(text, registry)


# --- suspensions: the organisation before an active verb, and "the two organisations" ------

def test_the_organisation_before_an_active_suspension_is_its_subject(registry) -> None:
    # a text on one state: "it" is the text's state, the organisation before the verb its
    # subject (not the organisation of the clause before, nor the text's first one)
    text = ("Foreign relations of Mali\nMali joined the United Nations on 28 September 1960. "
            "After the coup of August 2020 the AU suspended Mali on 19 August 2020, and ECOWAS "
            "also suspended it two days later.")
    got = _mem(text, registry)
    assert ("Mali", "ECOWAS", None, "2020-08-21",
            "suspension") in got
    assert ("Mali", "AU", None, "2020-08-21", "suspension") not in got


def test_the_organisation_before_an_active_suspension_in_vietnamese(registry) -> None:
    text = ("Quan hệ đối ngoại của Mali\nMali gia nhập Liên Hợp Quốc ngày 28/9/1960. Sau cuộc "
            "đảo chính tháng 8/2020, AU đình chỉ tư cách thành viên của Mali ngày 19/8/2020, và "
            "ECOWAS cũng đình chỉ nước này hai ngày sau.")
    got = _mem(text, registry)
    assert ("Mali", "ECOWAS", None, "2020-08-21",
            "suspension") in got
    assert ("Mali", "UN", None, "2020-08-21", "suspension") not in got


def test_the_two_organisations_return_to_each(registry) -> None:
    text = ("Năm 2021, ECOWAS đình chỉ tư cách thành viên của Mali ngày 30/5/2021, và AU cũng "
            "đình chỉ nước này ngày 1/6/2021. Hai tổ chức khôi phục tư cách thành viên cho Mali "
            "vào tháng 3/2024.")
    got = _mem(text, registry)
    assert ("Mali", "AU", "2024-03", None, None) in got
    assert ("Mali", "ECOWAS", "2024-03", None, None) in got


# --- dates -----------------------------------------------------------------------------------

def test_thirty_years_later(registry) -> None:
    text = ("Kenya joined the Commonwealth in 1963. Thirty years later, Kenya joined the Indian "
            "Ocean Rim Association.")
    assert ("Kenya", "Indian-Ocean-Rim-Association", "1993", None, None) in _mem(text, registry)


def test_a_visit_running_from_one_weekday_to_another(registry) -> None:
    text = ("NAIROBI, May 5, 2024 - Japanese Prime Minister Fumio Kishida held talks with "
            "President William Ruto on Sunday, the first full day of a state visit to Kenya that "
            "runs from Saturday to Tuesday.")
    (v,) = _events(text, registry, "visit")
    assert (v.get("start"), v.get("end")) == ("2024-05-04", "2024-05-07")


def test_earlier_in_the_day_is_the_day_its_clause_named(registry) -> None:
    text = ("NAIROBI, May 5, 2024 - Japanese Prime Minister Fumio Kishida landed in Nairobi late "
            "on Saturday after a half-day visit to Ethiopia earlier in the day.")
    dates = {v["place"]: v.get("date") for v in _events(text, registry, "visit")}
    assert dates == {"Kenya": "2024-05-04", "Ethiopia": "2024-05-04"}


# --- posts, envoys, invitations, plans ------------------------------------------------------

def test_deputy_foreign_minister_sent_as_envoy_is_the_visitor(registry) -> None:
    text = ("Viet Nam's Deputy Foreign Minister Vu Hong Nam visited Senegal from 13 to 15 April "
            "2017 as special envoy of President Tran Dai Quang.")
    (v,) = _events(text, registry, "visit")
    visitor = next(p for p in v["participants"] if p["role"] == "visitor")
    assert (visitor["actor"], visitor["post"]["office"]) == ("Vietnam", "vice-minister")


def test_envoy_in_vietnamese_is_not_the_visitor(registry) -> None:
    text = ("Bộ trưởng Ngoại giao Kenya Musalia Mudavadi thăm Nhật Bản từ ngày 6 đến 9/5/2024 "
            "với tư cách Đặc phái viên của Tổng thống William Ruto.")
    (v,) = _events(text, registry, "visit")
    visitor = next(p for p in v["participants"] if p["role"] == "visitor")
    assert visitor["post"]["office"] == "minister-of-foreign-affairs"


def test_minister_of_external_relations_is_the_foreign_minister(registry) -> None:
    text = ("Cameroonian Minister of External Relations Lejeune Mbella Mbella began a four-day "
            "visit to Viet Nam on 27 December 2017.")
    (v,) = _events(text, registry, "visit")
    visitor = next(p for p in v["participants"] if p["role"] == "visitor")
    assert (visitor["actor"], visitor["post"]["office"]) == ("Cameroon",
                                                             "minister-of-foreign-affairs")


def test_a_letter_inviting_him_to_visit_is_no_visit(registry) -> None:
    text = ("Deputy Foreign Minister Vu Hong Nam visited Senegal from 13 to 15 April 2017; he "
            "handed President Macky Sall a letter inviting him to visit Viet Nam.")
    assert [v["place"] for v in _events(text, registry, "visit")] == ["Senegal"]


def test_due_to_witness_the_signing_is_no_agreement(registry) -> None:
    text = ("LUSAKA, May 3, 2024 - Kenyan President William Ruto held talks with President "
            "Hakainde Hichilema on Friday. Ruto is due to witness the signing of an agreement on "
            "trade before he leaves.")
    assert _cands(text, registry, "agreement") == []


# --- the two sides sign after dated talks -----------------------------------------------------

def test_the_two_sides_signed_after_dated_talks(registry) -> None:
    text = ("Kenyan Foreign Minister Musalia Mudavadi visited Japan from 6 to 9 May 2024 and "
            "held talks with Japanese Foreign Minister Yoko Kamikawa on 7 May 2024. The two sides "
            "signed an agreement on visa exemption.")
    (a,) = _cands(text, registry, "agreement")
    assert (set(a["parties"]), a.get("signed")) == ({"Kenya", "Japan"}, "2024-05-07")


def test_hai_ben_ky_after_dated_talks(registry) -> None:
    text = ("Ngày 7/5/2024, Bộ trưởng Ngoại giao Kenya Musalia Mudavadi hội đàm với Bộ trưởng "
            "Ngoại giao Nhật Bản Yoko Kamikawa tại Tokyo. Hai bên đã ký hiệp định miễn thị thực.")
    (a,) = _cands(text, registry, "agreement")
    assert (set(a["parties"]), a.get("signed")) == ({"Kenya", "Japan"}, "2024-05-07")


# --- a withdrawal procedure announced is no end -----------------------------------------------

def test_a_withdrawal_procedure_announced_is_no_end(registry) -> None:
    text = ("In February 2021 Kiribati announced it would begin the procedure to withdraw from "
            "the Pacific Islands Forum.")
    assert _mem(text, registry) == set()
    claims = _cands(text, registry, "claim")
    assert any(c["claim_type"] == "intention" and c["subjects"] == ["Kiribati"] for c in claims)


def test_thu_tuc_rut_khoi_announced_is_no_end(registry) -> None:
    text = ("Tháng 2/2021, Kiribati và Nauru tuyên bố sẽ bắt đầu thủ tục rút khỏi Diễn đàn các "
            "đảo Thái Bình Dương.")
    assert _mem(text, registry) == set()


# --- a day without its year takes no year past a semicolon -------------------------------------

def test_a_day_takes_no_year_past_a_semicolon(registry) -> None:
    text = ("Kenyan President Jomo Kenyatta visited Japan from 8 to 11 April 1974 and held talks "
            "with Prime Minister Kakuei Tanaka in Tokyo on 9 April; President William Ruto "
            "visited Japan from 6 to 9 February 2024.")
    assert [m.get("date") for m in _events(text, registry, "meeting")] == ["1974-04-09"]


def test_a_day_takes_no_year_past_a_semicolon_in_vietnamese(registry) -> None:
    text = ("Tổng thống Kenya Jomo Kenyatta thăm Nhật Bản từ ngày 8 đến 11/4/1974 và hội đàm với "
            "Thủ tướng Nhật Bản Kakuei Tanaka tại Tokyo ngày 9/4; Tổng thống William Ruto thăm "
            "Nhật Bản từ ngày 6 đến 9/2/2024.")
    assert [m.get("date") for m in _events(text, registry, "meeting")] == ["1974-04-09"]


# --- a founding membership dated by the participle of founding after its organisation ---------

def test_founding_member_of_a_body_formed_in_a_month(registry) -> None:
    text = ("Grenada joined the UN in 1974. It is a founding member of the Community of Latin "
            "American and Caribbean States, formed in Caracas in December 2011.")
    got = _mem(text, registry)
    assert ("Grenada", "CELAC", "2011-12", None,
            None) in got


def test_founding_member_of_a_body_duoc_thanh_lap(registry) -> None:
    text = ("Kenya gia nhập Liên Hợp Quốc năm 1963. Nước này là thành viên sáng lập Liên minh "
            "châu Phi, được thành lập tại Durban tháng 7/2002.")
    assert ("Kenya", "AU", "2002-07", None, None) in _mem(text, registry)


# --- names: the Vietnamese "Saint … và …" of two Caribbean states ------------------------------

def test_saint_vincent_va_grenadines_and_saint_kitts_va_nevis(registry) -> None:
    text = ("Saint Vincent và Grenadines gia nhập Liên Hợp Quốc ngày 16/9/1980; Saint Kitts và "
            "Nevis gia nhập ngày 23/9/1983.")
    got = {m[:3] for m in _mem(text, registry)}
    assert ("Saint Vincent and the Grenadines", "UN", "1980-09-16") in got
    assert ("Saint Kitts and Nevis", "UN", "1983-09-23") in got


def test_vietnamese_names_of_caribbean_bodies(registry) -> None:
    text = ("Haiti là thành viên sáng lập Hiệp hội các quốc gia Caribe năm 1994 và trở thành thành "
            "viên đầy đủ của Cộng đồng Caribe ngày 2/7/2002. Dominica là thành viên sáng lập Tổ "
            "chức các quốc gia Đông Caribe năm 1981.")
    got = {m[:3] for m in _mem(text, registry)}
    assert ("Haiti", "ACS", "1994") in got
    assert ("Haiti", "CARICOM", "2002-07-02") in got
    assert ("Dominica", "OECS", "1981") in got


# --- a list of memberships that goes on after a membership's clause --------------------------

def test_a_list_of_memberships_after_a_founding_one(registry) -> None:
    text = ("Dominica joined the United Nations in 1978. It is a founding member of the "
            "Organisation of Eastern Caribbean States (1981), a member of the WTO since 1995, the "
            "Non-Aligned Movement (2006) and ALBA since 2008.")
    got = {m[:3] for m in _mem(text, registry)}
    assert ("Dominica", "WTrO", "1995") in got
    assert ("Dominica", "NAM-org", "2006") in got
    assert ("Dominica", "ALBA", "2008") in got


def test_a_list_of_memberships_after_a_founding_one_in_vietnamese(registry) -> None:
    text = ("Dominica gia nhập Liên Hợp Quốc năm 1978. Nước này là thành viên sáng lập Tổ chức các "
            "quốc gia Đông Caribe (1981), thành viên WTO từ năm 1995 và Phong trào Không liên kết "
            "(2006).")
    got = {m[:3] for m in _mem(text, registry)}
    assert ("Dominica", "WTrO", "1995") in got
    assert ("Dominica", "NAM-org", "2006") in got


def test_guard_a_list_item_without_its_own_date_ends_the_list(registry) -> None:
    text = ("Dominica joined the United Nations in 1978. It is a founding member of the "
            "Organisation of Eastern Caribbean States (1981), the WTO and the Non-Aligned "
            "Movement (2006).")
    # (the clause reader reads the coordination as before; the list rule adds nothing)
    cands = extract_text(text, None, registry).candidates
    assert not [c for c in cands if c.rule == "membership-listed-after"]


def test_the_founding_role_goes_on_until_an_item_names_its_own_membership(registry) -> None:
    text = ("Côte d'Ivoire gia nhập Liên Hợp Quốc ngày 20/9/1960. Nước này là thành viên sáng lập "
            "Cộng đồng Kinh tế các quốc gia Tây Phi (ECOWAS, 1975) và Liên minh Kinh tế và Tiền tệ "
            "Tây Phi (UEMOA, 1994), đồng thời là thành viên Tổ chức Thương mại Thế giới từ năm "
            "1995.")
    got = {(_org(registry, d["organization"]), tuple(d.get("roles") or ["full"]), d.get("start"))
           for d in _cands(text, registry, "membership")}
    assert ("ECOWAS", ("founding", "full"), "1975") in got
    assert ("UEMOA", ("founding", "full"), "1994") in got
    assert ("WTrO", ("full",), "1995") in got


def test_the_founding_role_goes_on_in_english(registry) -> None:
    text = ("Côte d'Ivoire joined the United Nations in 1960. It is a founding member of ECOWAS "
            "(1975) and the West African Economic and Monetary Union (1994), and also a member of "
            "the WTO since 1995.")
    got = {(_org(registry, d["organization"]), tuple(d.get("roles") or ["full"]), d.get("start"))
           for d in _cands(text, registry, "membership")}
    assert ("UEMOA", ("founding", "full"), "1994") in got
    assert ("WTrO", ("full",), "1995") in got


# --- a hosted meeting whose long Vietnamese name runs into its date ---------------------------

def test_dang_cai_a_long_named_meeting_dated_after_its_name(registry) -> None:
    text = ("Quan hệ đối ngoại của Kenya\nKenya gia nhập Liên Hợp Quốc ngày 16/12/1963. Nairobi "
            "đăng cai Hội nghị Bộ trưởng Tổ chức Thương mại Thế giới lần thứ mười từ ngày 15 đến "
            "19/12/2015.")
    got = [(m["participants"], m.get("start"), m.get("end"))
           for m in _events(text, registry, "meeting")]
    assert got == [([{"actor": "Kenya", "role": "host"}], "2015-12-15", "2015-12-19")]


# --- suspensions told by reference: "did the same", "lifted the suspension" two sentences on ----

def test_an_organisation_that_did_the_same(registry) -> None:
    text = ("Foreign relations of Mali\nMali joined the United Nations on 28 September 1960. "
            "ECOWAS suspended Mali on 30 May 2021, and the African Union did the same on 1 June "
            "2021.")
    assert ("Mali", "AU", None, "2021-06-01", "suspension") in _mem(text, registry)


def test_cung_lam_nhu_vay(registry) -> None:
    text = ("Quan hệ đối ngoại của Mali\nMali gia nhập Liên Hợp Quốc ngày 28/9/1960. ECOWAS đình "
            "chỉ tư cách thành viên của Mali ngày 30/5/2021, và AU cũng làm như vậy ngày 1/6/2021.")
    assert ("Mali", "AU", None, "2021-06-01", "suspension") in _mem(text, registry)


def test_a_suspension_lifted_two_sentences_after_it(registry) -> None:
    text = ("Foreign relations of Mali\nMali joined the United Nations on 28 September 1960. The "
            "African Union suspended Mali on 1 June 2021. The Organisation of Islamic Cooperation "
            "placed the country under partial suspension later that month. The junta promised "
            "elections, and the African Union lifted the suspension on 3 March 2024.")
    assert ("Mali", "AU", "2024-03-03", None, None) in _mem(text, registry)
