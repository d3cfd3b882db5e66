"""Round 49 (session 27): memberships told in prose, read by the clause reader.

1. (A) An organisation, or one of its organs, as the agent of a state's admission: the
   organisations coordinated right before "admitted", "voted to admit", "accepted … as a
   member", "took … in", "kết nạp", "tiếp nhận"; the member right after the word (a state's
   name, or "it", "the country", "nước này" for the text's state); in Vietnamese also the
   passive "X (đã) được ORG … kết nạp". The date is the agent's own clause's.
2. (B) A verb of joining without its object ("acceded in 1980", "acceded to it in 1963",
   "gia nhập liên minh năm 1980"): the organisation is the one the sentence names before it
   (else the sentence before it in the paragraph), read only when exactly one is named.
3. Negated, refused or modal admissions, observers, two organisations named before, and a
   pronoun inside a relative clause give nothing.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

from fact_checks import memberships


def _of(text: str, registry, member: str, lang: str = "en") -> dict[str, str | None]:  # noqa: ANN001
    return {org: start for (m, org), (_, start) in memberships(text, registry, lang).items()
            if m == member}


def test_an_organisation_admitting_a_named_state(registry) -> None:  # noqa: ANN001
    got = _of("After a long campaign, the Asian Development Bank and the World Bank admitted "
              "Bhutan on 3 March 1982.", registry, "Bhutan")
    assert got.get("Asian Development Bank") == "1982-03-03"
    assert got.get("International Bank for Reconstruction and Development") == "1982-03-03"


def test_an_organ_of_the_organisation_and_a_pronoun(registry) -> None:  # noqa: ANN001
    text = ("Moldova declared independence in 1991.\n"
            "The World Health Organization's Assembly, sitting in Geneva, voted to admit it "
            "on 10 May 1992.")
    assert _of(text, registry, "Moldova").get("World Health Organization") == "1992-05-10"


def test_accepted_as_a_member_and_taken_in(registry) -> None:  # noqa: ANN001
    text = ("Fiji became independent in 1970.\n"
            "The Commonwealth accepted it as a full member on 10 October 1970. The Pacific "
            "Islands Forum took the country in in 1971.")
    got = _of(text, registry, "Fiji")
    assert got.get("Commonwealth of Nations") == "1970-10-10"


def test_vietnamese_agent_and_passive(registry) -> None:  # noqa: ANN001
    got = _of("Tổ chức Thương mại Thế giới (WTO) kết nạp Lào ngày 2/2/2013.", registry, "Laos",
              "vi")
    assert got.get("World Trade Organization") == "2013-02-02"
    got = _of("Năm 1995, Việt Nam được Hiệp hội các quốc gia Đông Nam Á (ASEAN) tại Brunei "
              "kết nạp ngày 28/7/1995.", registry, "Vietnam", "vi")
    assert got.get("Association of Southeast Asian Nations") == "1995-07-28"


def test_a_refused_or_observer_admission_is_no_membership(registry) -> None:  # noqa: ANN001
    assert not _of("In 2011 the Security Council refused to admit Palestine.", registry,
                   "State of Palestine").get("United Nations Security Council")
    # an observer is the earlier rules' reading (round 49 adds no full membership)
    got = memberships("The United Nations admitted Switzerland as an observer in 1948.",
                      registry)
    assert {roles for (m, org), (roles, _) in got.items()
            if m == "Switzerland" and org == "United Nations"} == {("observer",)}


def test_a_verb_of_joining_whose_body_is_named_before(registry) -> None:  # noqa: ANN001
    text = ("Kenya, Tanzania and Uganda set up the East African Community in 1967; Rwanda "
            "acceded in 2007.")
    assert _of(text, registry, "Rwanda").get("East African Community") == "2007"
    text = ("The Andean Community was founded in 1969. Venezuela acceded to it in 1973.")
    assert _of(text, registry, "Venezuela").get("Andean Community") == "1973"


def test_no_body_when_two_are_named_before(registry) -> None:  # noqa: ANN001
    text = ("Colombia joined the United Nations in 1945 and the OAS in 1948; Ecuador acceded "
            "in 1950.")
    got = _of(text, registry, "Ecuador")
    assert "United Nations" not in got
    assert "Organization of American States" not in got


def test_a_pronoun_in_a_relative_clause_is_no_subject(registry) -> None:  # noqa: ANN001
    text = ("Russia keeps a base in Tajikistan. Kazakhstan remains in the Eurasian Economic "
            "Union, the bloc it helped to design; the union it joined in 2015 has grown.")
    assert "Eurasian Economic Union" not in _of(text, registry, "Russia")


# 4. (C) structure: a label that is only the organisations' noun; a page with a heading on its
#    relations with a state lists no memberships of that state; a bracket naming another body


PAGE_VI = ("Bộ Ngoại giao | Thông tin cơ bản về các nước | Châu Âu\n"
           "CỘNG HÒA MÔN-ĐÔ-VA (MOLDOVA)\n"
           "Thủ đô: Ki-si-nhốp\n"
           "Tổ chức quốc tế: Liên hợp quốc (2/3/1992), OSCE (30/1/1992), Hội đồng châu Âu "
           "(13/7/1995), WTO (thành viên từ khi GATT 1/1/1995)\n"
           "QUAN HỆ VỚI VIỆT NAM\n"
           "Ngày thiết lập quan hệ ngoại giao: 11/6/1992\n")


def test_a_label_of_international_organisations(registry) -> None:  # noqa: ANN001
    got = _of(PAGE_VI, registry, "Moldova", "vi")
    assert got.get("United Nations") == "1992-03-02"
    assert got.get("Council of Europe") == "1995-07-13"
    # the bracket names another body: its date is that body's
    assert got.get("World Trade Organization") is None


def test_no_memberships_of_the_state_a_relations_heading_names(registry) -> None:  # noqa: ANN001
    page = ("Bộ Ngoại giao | Thông tin cơ bản về các nước | Châu Đại Dương\n"
            "Trang chủ > Các nước và vùng lãnh thổ > Xa-lô-môn-đơ\n\n"
            "CỘNG HÒA XA-LÔ-MÔN-ĐƠ (Republic of Xalomond)\n"
            "Ngày thiết lập quan hệ ngoại giao với Việt Nam:(đang cập nhật)\n\n"
            "1. Chính sách đối ngoại: ưu tiên quan hệ với Ốt-xtrây-li-a, Niu Di-lân và các nước "
            "Thái Bình Dương.\n"
            "- Là thành viên: LHQ (12/12/1970), Khối Thịnh vượng chung (1970), Phong trào Không "
            "liên kết (1983), WTO (1996).\n"
            "2. Quan hệ với Việt Nam: Hai nước chưa lập cơ quan đại diện. Việt Nam và "
            "Xa-lô-môn-đơ thường xuyên ủng hộ lẫn nhau tại Liên hợp quốc.\n")
    # the page's own state is a name the gazetteer lacks: its list is no one's
    assert not _of(page, registry, "Vietnam", "vi")


def test_a_gapped_clause_after_the_body_named_before(registry) -> None:  # noqa: ANN001
    text = ("Kenya, Tanzania and Uganda set up the East African Community in 1967; Rwanda "
            "acceded in 2007, and Somalia in 2024.")
    assert _of(text, registry, "Somalia").get("East African Community") == "2024"
    # a clause that goes on after the gapped date is no gapped membership
    text = ("Kenya, Tanzania and Uganda set up the East African Community in 1967; Rwanda "
            "acceded in 2007, and Ghana in 2008 signed a trade deal.")
    assert "East African Community" not in _of(text, registry, "Ghana")


def test_a_pronoun_opening_its_clause_is_the_texts_state(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Rwanda\n\n"
            "Rwanda became independent in 1962. Kenya, Tanzania and Uganda set up the East "
            "African Community in 1967; it acceded in 2007.")
    assert _of(text, registry, "Rwanda").get("East African Community") == "2007"
