"""The twenty-fifth round of extraction (issue 16): attributes of facts already found (a
membership's date from its own clause, ...), every corpus part measured.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _memberships(text: str, registry) -> list[tuple]:
    """(member, organisation, roles, start, end) of every membership candidate."""
    return sorted([(c.data["member"], c.data["organization"], tuple(c.data.get("roles") or
                    ["full"]), c.data.get("start"), c.data.get("end"))
                   for c in extract_text(text, None, registry).candidates
                   if c.type == "membership"], key=str)


# --- 1. a membership's date from its own clause ------------------------------------------------

ASEAN = "Association of Southeast Asian Nations"


def test_founders_take_the_date_fronted_before_an_adverbial_of_place(registry) -> None:
    got = _memberships("Tháng 8/1967, tại một cuộc họp ở Bangkok, Thái Lan cùng Malaysia và "
                       "Philippines thành lập Hiệp hội các quốc gia Đông Nam Á (ASEAN).", registry)
    assert {(m, s) for m, _, _, s, _ in got} == {
        ("Thailand", "1967-08"), ("Malaysia", "1967-08"), ("Philippines", "1967-08")}
    assert all("founding" in r for _, _, r, _, _ in got)


def test_an_english_founding_with_a_fronted_date_and_place(registry) -> None:
    got = _memberships("In August 1967, at a meeting in Bangkok, Thailand, Malaysia and the "
                       "Philippines founded the Association of Southeast Asian Nations.",
                       registry)
    assert got and all(s == "1967-08" for _, _, _, s, _ in got)


def test_a_join_dated_after_an_opening_phrase(registry) -> None:
    got = _memberships("Sau nhiều năm đàm phán, ngày 23/7/1997 Lào trở thành thành viên thứ "
                       "chín của Hiệp hội các quốc gia Đông Nam Á (ASEAN).", registry)
    assert got == [("Laos", ASEAN, ("full",), "1997-07-23", None)]


def test_a_clause_after_but_fronts_its_own_date(registry) -> None:
    got = _memberships("Nghị định thư gia nhập được ký ngày 2/3/2029, nhưng phải đến ngày "
                       "4/5/2031, tại hội nghị thượng đỉnh lần thứ 70 của khối ở Bangkok (Thái "
                       "Lan), Lào mới chính thức trở thành thành viên đầy đủ của Hiệp hội các "
                       "quốc gia Đông Nam Á (ASEAN).", registry)
    assert ("Laos", ASEAN, ("full",), "2031-05-04", None) in got


def test_guard_a_second_date_in_the_sentence_leaves_the_membership_undated(registry) -> None:
    # two dates before the member: which one is the clause's is not told
    got = _memberships("Năm 1990, sau khi ký hiệp ước năm 1985, Lào trở thành thành viên của "
                       "Hiệp hội các quốc gia Đông Nam Á (ASEAN).", registry)
    assert [s for *_, s, _ in got] in ([], [None])


# --- 2. "tổ chức này", "this organisation": the organisation named last before it -----------

OAS = "Organization of American States"  # the registry's record of the Organization of American States
ALBA = "Alianza Bolivariana para los Pueblos de Nuestra América"
_OAS_TEXT = ("Ecuador là thành viên của Tổ chức các quốc gia châu Mỹ (OAS). OAS họp tại Lima. "
             "OAS có trụ sở ở Washington. ")


def test_a_demonstrative_names_the_organisation_named_just_before(registry) -> None:
    got = _memberships(_OAS_TEXT + "Ngày 3/5/2030, Bolivia và Ecuador ký văn kiện thành lập "
                       "Liên minh Bolivar cho các dân tộc châu Mỹ (ALBA); Bolivia và Ecuador vì vậy "
                       "là hai nước sáng lập tổ chức này.", registry)
    assert ("Bolivia", ALBA, ("founding", "full"), "2030-05-03", None) in got
    assert not any(m == "Bolivia" and o == OAS for m, o, *_ in got)


def test_an_english_demonstrative_in_the_sentence_after(registry) -> None:
    got = _memberships("Peru is a member of the Organization of American States. The "
                       "Organization of American States met in Lima. The Organization of "
                       "American States has its seat in Washington. In 2031 Peru and Chile set "
                       "up the Association of Southeast Asian Nations. Peru became a member of "
                       "this organisation in 2031.", registry)
    assert any(m == "Peru" and o == "Association of Southeast Asian Nations" and s == "2031"
               for m, o, _, s, _ in got)
    assert ("Peru", OAS, ("full",), "2031", None) not in got


def test_guard_a_demonstrative_with_no_organisation_before_it_names_none(registry) -> None:
    # the OAS is named two paragraphs before: no antecedent, and no fallback either
    got = _memberships(_OAS_TEXT + "\n\nQuan hệ song phương tốt đẹp.\n\nBolivia và Ecuador là "
                       "là hai nước sáng lập tổ chức này.", registry)
    assert not any(m == "Bolivia" for m, *_ in got)


# --- 3. founders, partners and invitations of the organisation their sentence names ---------

ECOWAS = "Economic Community of West African States"
_OAU_TEXT = ("Ghana là thành viên của Tổ chức Thống nhất châu Phi (OAU). OAU họp tại Accra. "
             "OAU có trụ sở ở Addis Ababa. ")


def test_founders_counted_after_the_body_their_sentence_founds(registry) -> None:
    got = _memberships(_OAU_TEXT + "Hiệp ước thành lập Cộng đồng Kinh tế các quốc gia Tây Phi "
                       "(ECOWAS) được ký ngày 2/3/2031 ở Accra, với Ghana là một trong 15 nước "
                       "sáng lập.", registry)
    assert ("Ghana", ECOWAS, ("founding", "full"), "2031-03-02", None) in got
    assert not any(o.startswith("Organization for African") and r != ("full",)
                   for _, o, r, _, _ in got)


def test_a_group_named_before_a_semicolon_is_the_group_of_the_clause_after(registry) -> None:
    got = _memberships(_OAU_TEXT + "Ghana chưa phải là thành viên chính thức của BRICS; ngày "
                       "4/4/2031, Ghana trở thành quốc gia đối tác thứ mười của nhóm.", registry)
    assert ("Ghana", "BRICS", ("participant",), "2031-04-04", None) in got


def test_an_invitation_to_join_is_no_membership(registry) -> None:
    assert _memberships("Tháng 3/2031, Hội đồng Hợp tác vùng Vịnh (GCC) mời Ghana và Peru gia "
                        "nhập khối.", registry) == []
    assert _memberships("In March 2031 the Gulf Cooperation Council invited Ghana and Peru to "
                        "join the bloc.", registry) == []


def test_guard_a_relative_clause_s_organisation_is_not_the_bloc(registry) -> None:
    # no semicolon: the bloc is not the organisation of the relative clause
    got = _memberships("ASEAN has ten members. ASEAN met in Jakarta. ASEAN grew. The United "
                       "Kingdom, which had taken part through the European Union, became the "
                       "bloc's twelfth dialogue partner in May 2031.", registry)
    assert not any(o == "European Union" for _, o, *_ in got)


def test_guard_a_joining_not_invited_is_a_membership(registry) -> None:
    got = _memberships("Tháng 3/2031, Ghana gia nhập Hội đồng Hợp tác vùng Vịnh (GCC).", registry)
    assert got == [("Ghana", "Cooperation Council for the Arab States of the Gulf", ("full",), "2031-03", None)]


def test_the_date_right_after_the_organisation_dates_the_first_of_a_list(registry) -> None:
    got = _memberships("Thành viên các tổ chức quốc tế: Ghana gia nhập Liên hợp quốc ngày "
                       "9/10/2031, Ủy hội châu Âu ngày 1/2/2032 và Tổ chức Thương mại Thế giới "
                       "(WTO) ngày 3/4/2033.", registry)
    assert ("Ghana", "United Nations", ("full",), "2031-10-09", None) in got
    assert ("Ghana", "Council of Europe", ("full",), "2032-02-01", None) in got


def test_guard_an_organisation_named_twice_apart_takes_no_date_after_either(registry) -> None:
    got = _memberships("Members: Ghana and Peru. The United Nations, which both joined, met; "
                       "the United Nations 9 October 2031 report followed.", registry)
    assert all(s != "2031-10-09" for _, _, _, s, _ in got)


def test_a_role_between_the_organisation_and_its_since_date(registry) -> None:
    got = _memberships("Peru là thành viên sáng lập OAS năm 1948. Nước này tham gia Phong trào "
                       "Không liên kết với tư cách quan sát viên từ năm 2031 và trở thành thành "
                       "viên chính thức năm 2035.", registry)
    assert ("Peru", "Non-Aligned Movement", ("observer",), "2031", None) in got
    assert ("Peru", "Non-Aligned Movement", ("full",), "2035", None) in got


# --- 6. a date opening the clause, not the next clause's ---------------------------------------


def test_a_date_after_a_coordinator_is_the_next_clause_s(registry) -> None:
    got = _memberships("Ngày 4/5/2031, Lào trở thành thành viên Hiệp hội các quốc gia Đông Nam Á "
                       "(ASEAN) và hơn một tháng sau, ngày 9/6/2031, gia nhập Liên minh châu Âu "
                       "(EU).", registry)
    assert ("Laos", ASEAN, ("full",), "2031-05-04", None) in got
    assert ("Laos", "European Union", ("full",), "2031-06-09", None) in got


def test_guard_with_no_coordinator_the_date_after_the_trigger_stays(registry) -> None:
    got = _memberships("Năm 2031, Lào trở thành thành viên Hiệp hội các quốc gia Đông Nam Á "
                       "(ASEAN) ngày 4/5/2031.", registry)
    assert ("Laos", ASEAN, ("full",), "2031-05-04", None) in got


# --- 7. an agreement's own date in brackets ---------------------------------------------------


def _signed(text: str, registry) -> list[tuple]:
    """(instrument, signing date) of every agreement candidate, in text order."""
    return [(c.data["instrument"], c.data.get("signed"))
            for c in extract_text(text, "vi", registry).candidates if c.type == "agreement"]


def test_each_instrument_of_a_list_takes_its_own_bracketed_date(registry) -> None:
    got = _signed("Việt Nam và Ghana là bạn. Hai bên đã ký Thỏa thuận khung về hợp tác giáo dục "
                  "(2029) và Bản ghi nhớ về hợp tác trong lĩnh vực y tế (tháng 3/2031).", registry)
    assert got == [("thoa-thuan", "2029"), ("mou", "2031-03")]


def test_a_title_cut_at_a_comma_still_takes_its_bracketed_date(registry) -> None:
    got = _signed("Việt Nam và Ghana là bạn. Hai bên đã ký Hiệp định vận chuyển hàng không (tháng "
                  "11/2029) và Hiệp định về thúc đẩy hợp tác kinh tế, thương mại (tháng 3/2031).",
                  registry)
    assert got == [("hiep-dinh", "2029-11"), ("hiep-dinh", "2031-03")]


# --- 8. a year-less dateline takes no year from a "since" clause ------------------------------


def test_a_yearless_dateline_takes_no_year_from_a_since_clause(registry) -> None:
    ex = extract_text("ACCRA, Mar 3 - Ghana and Peru raised ties to a strategic partnership on "
                      "Sunday, wrapping up the first visit by a Peruvian leader since Alan Garcia "
                      "went there in 1987.", "en", registry)
    dates = [c.data.get("date") for c in ex.candidates if c.type == "partnership"]
    assert dates and all(d is None or not str(d).startswith("1987") for d in dates)


def test_guard_a_year_after_the_dateline_outside_a_since_clause_still_counts(registry) -> None:
    ex = extract_text("ACCRA, Mar 3 - Ghana and Peru raised ties to a strategic partnership on "
                      "Sunday, and Ghana and Peru signed a trade agreement in March 2031.", "en",
                      registry)
    # the year-less "Mar 3" takes the year of the date after it, outside any "since" clause
    assert [d.value for d in ex.context.dates if ex.context.text[d.start : d.end] == "Mar 3"] \
        == ["2031-03-03"]


# --- 9. a dateline with the agency in brackets ----------------------------------------------


def test_a_dateline_with_an_agency_in_brackets_dates_the_article(registry) -> None:
    ex = extract_text("ACCRA, March 3, 2031 (Example Wire) - Ghana and Peru raised ties to a "
                      "strategic partnership on Monday.", "en", registry)
    assert ex.context.dateline is not None and ex.context.dateline.value == "2031-03-03"
    ex = extract_text("Accra, ngày 3/3/2031 (Thông tấn X) - Chiều nay, Ghana và Peru nâng quan "
                      "hệ lên Đối tác chiến lược.", "vi", registry)
    assert ex.context.dateline is not None and ex.context.dateline.value == "2031-03-03"


def test_guard_a_yearless_dateline_with_an_agency_stays_undated(registry) -> None:
    ex = extract_text("ACCRA, March 3 (Example Wire) - Ghana and Peru raised ties to a strategic "
                      "partnership on Monday.", "en", registry)
    assert ex.context.dateline is None


# --- 4. names (data): the Andean Pact's Vietnamese name, the United Kingdom's long names ------


def test_the_andean_pact_is_the_andean_community_not_the_text_s_organisation(registry) -> None:
    got = _memberships("Peru là thành viên OPEC. OPEC họp tại Viên. OPEC tăng sản lượng. Peru "
                       "gia nhập Khối Hiệp ước Andes năm 1970 nhưng rút khỏi khối năm 2031.",
                       registry)
    # (round 30, the convention of session 16: the membership and its end, one fact)
    assert ("Peru", "Andean Community", ("full",), "1970", "2031") in got
    assert not any(o.startswith("Organization of Petroleum") and e for _, o, _, _, e in got)


def test_the_long_vietnamese_name_of_the_united_kingdom_gives_its_leader_s_post(registry) -> None:
    ex = extract_text("Hà Nội, 3/3/2031 (diplograph) - Thủ tướng Liên hiệp Vương quốc Anh và Bắc "
                      "Ireland John Smith hội đàm với Chủ tịch nước Nguyễn Văn A tại Hà Nội.",
                      "vi", registry)
    posts = {p["actor"]: p.get("post", {}).get("office") for c in ex.candidates
             if c.type == "event" for p in c.data["participants"]}
    assert posts.get("United Kingdom") == "prime-minister"
    assert "Ireland" not in posts


# --- 5. a year narrowed right after it ----------------------------------------------------


def test_a_year_narrowed_by_the_day_after_it_dates_the_membership(registry) -> None:
    got = _memberships("Ghana ký hiệp ước ngày 2/2/2031. Cũng trong năm 2031, ngày 9/10, Ghana "
                       "được kết nạp vào Liên hợp quốc.", registry)
    assert ("Ghana", "United Nations", ("full",), "2031-10-09", None) in got
    got = _memberships("In 2031, on 9 October, Ghana was admitted to the United Nations.",
                       registry)
    assert got == [("Ghana", "United Nations", ("full",), "2031-10-09", None)]


def test_guard_a_day_of_another_year_does_not_narrow(registry) -> None:
    got = _memberships("Năm 2031, ngày 9/10/2030 được nhắc lại, Ghana được kết nạp vào Liên hợp "
                       "quốc.", registry)
    assert all(s != "2030-10-09" for _, _, _, s, _ in got)


def test_the_americas_in_lower_case_are_not_the_united_states(registry) -> None:
    ctx = extract_text("Peru ký tuyên bố thành lập Liên minh Bolivar cho các dân tộc châu Mỹ "
                       "(ALBA). Mỹ và Peru có quan hệ ngoại giao.", "vi", registry).context
    got = [(ctx.text[m.start : m.end], m.key) for m in ctx.mentions]
    assert ("Mỹ", "USA") in got  # the United States named on its own
    assert sum(1 for _, k in got if k == "USA") == 1  # not "châu Mỹ"
