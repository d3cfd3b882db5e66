"""The thirty-second round of extraction (issue 16): constructions behind the misses of
``test42/`` and ``test43/`` (development parts this round), each in both languages where the
construction has two.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _cands(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def _key(registry, name: str) -> str:
    """The registry key of a state or organisation (labels may change; keys do not)."""
    return registry.resolve(name).key


def _mem(text: str, registry) -> set[tuple]:
    return {(_key(registry, d["member"]), _key(registry, d["organization"]), d.get("start"))
            for d in _cands(text, registry, "membership")}


# --- the ministry's transliterations: "Cáp-ve", "Xao Tô-mê" ----------------------------------

def test_cape_verde_transliterated_vi(registry) -> None:
    text = ("Cáp-ve là một quốc đảo ở Đại Tây Dương. Cáp-ve gia nhập Liên hợp quốc ngày "
            "16/9/1975.")
    assert ("CPV", "UN", "1975-09-16") in _mem(text, registry)


def test_sao_tome_transliterated_as_place_vi(registry) -> None:
    text = "Thủ tướng Cáp-ve dự Hội nghị thượng đỉnh CPLP tại Xao Tô-mê ngày 12/3/2021."
    places = {_key(registry, d["place"]) for d in _cands(text, registry, "event") if d.get("place")}
    assert places == {"STP"}


# --- "thành viên sáng lập A (1970), tiền thân của X, của B (1975) và của C (1994)" ------------

def _founding(text: str, registry) -> dict[str, str | None]:
    return {_key(registry, d["organization"]): d.get("start")
            for d in _cands(text, registry, "membership")
            if "founding" in (d.get("roles") or [])}


def _orgs(text: str, registry) -> set[str]:
    return {_key(registry, d["organization"]) for d in _cands(text, registry, "membership")}


def test_founding_of_each_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Bê-nanh\n\nBê-nanh được kết nạp vào Liên hợp quốc ngày "
            "20/9/1960. Nước này là thành viên sáng lập Cơ quan Hợp tác Văn hóa và Kỹ thuật "
            "(ACCT, 1970), tiền thân của Tổ chức Quốc tế Pháp ngữ, của Cộng đồng Kinh tế các "
            "quốc gia Tây Phi (ECOWAS, 1975) và của Liên minh Kinh tế và Tiền tệ Tây Phi "
            "(UEMOA, 1994).")
    got = _founding(text, registry)
    assert got == {"ACCT": "1970", "ECOWAS": "1975", "UEMOA": "1994"}
    # the body the apposition names is no membership of Benin
    assert "International-Organisation-of-La-Francophonie" not in _orgs(text, registry)


def test_founding_of_each_en(registry) -> None:
    text = ("Foreign relations of Benin\n\nBenin was admitted to the United Nations on 20 "
            "September 1960. It is a founding member of the Agency for Cultural and Technical "
            "Cooperation (1970), the forerunner of the International Organisation of La "
            "Francophonie, of the Economic Community of West African States (1975) and of the "
            "West African Economic and Monetary Union (1994).")
    got = _founding(text, registry)
    assert got == {"ACCT": "1970", "ECOWAS": "1975", "UEMOA": "1994"}
    assert "International-Organisation-of-La-Francophonie" not in _orgs(text, registry)


def test_of_each_needs_a_founding_head(registry) -> None:
    # a plain membership with "of" repeated makes no founder
    text = ("Foreign relations of Benin\n\nBenin is a member of the Economic Community of West "
            "African States (1975) and of the West African Economic and Monetary Union (1994).")
    assert _founding(text, registry) == {}


# --- a styled title alone ("The Kingdom", "Vương quốc này"), a pronoun across a paragraph ------

_TONGA_EN = ("Taiwan and the Kingdom of Tonga\n\nTaiwan opened an embassy in the Kingdom of Tonga "
             "in 1972. The Kingdom has never recognised Beijing before 1998.\nBefore its "
             "independence, as a protected state, it joined the Pacific Islands Forum on 5 August "
             "1971. It joined the Commonwealth in 1970 and the International Monetary Fund in "
             "1985.\n")
_TONGA_VI = ("Đài Loan và Vương quốc Tonga\n\nĐài Loan mở đại sứ quán tại Vương quốc Tonga năm "
             "1972. Vương quốc này chưa công nhận Bắc Kinh trước năm 1998.\nTrước khi độc lập, "
             "với tư cách một xứ bảo hộ, nước này gia nhập Diễn đàn các đảo Thái Bình Dương ngày "
             "5/8/1971. Nước này gia nhập Khối thịnh vượng chung năm 1970 và Quỹ Tiền tệ Quốc tế "
             "năm 1985.\n")


def test_styled_title_and_pronoun_chain_en(registry) -> None:
    assert _mem(_TONGA_EN, registry) == {
        ("TON", "Pacific-Islands-Forum", "1971-08-05"), ("TON", "COMMONWEALTH", "1970"),
        ("TON", "IMF", "1985")}


def test_styled_title_and_pronoun_chain_vi(registry) -> None:
    assert _mem(_TONGA_VI, registry) == {
        ("TON", "Pacific-Islands-Forum", "1971-08-05"), ("TON", "COMMONWEALTH", "1970"),
        ("TON", "IMF", "1985")}


def test_styled_title_of_two_states_is_nobody(registry) -> None:
    # two kingdoms styled in full: "the Kingdom" stands for neither
    text = ("Tonga and Bhutan\n\nThe Kingdom of Tonga and the Kingdom of Bhutan met in 2019. "
            "The Kingdom joined the International Monetary Fund in 1985.")
    assert not any(org == "IMF" for _, org, _ in _mem(text, registry))


def test_independent_from_is_no_member_en(registry) -> None:
    text = ("Taiwan and Saint Lucia\n\nThe State of Saint Lucia became independent from "
            "Britain on 22 February 1979 and was admitted to the United Nations seven months "
            "later.")
    assert _mem(text, registry) == {("LCA", "UN", "1979-09")}


def _rel(text: str, registry) -> set[tuple]:
    return {(frozenset(_key(registry, p) for p in d["parties"]), d.get("status"), d.get("date"))
            for d in _cands(text, registry, "relation")}


def test_peoples_republic_alone_en(registry) -> None:
    text = ("Foreign relations of Malawi\n\nMalawi recognised the People's Republic of China in "
            "2007 after decades of ties with Taiwan. In 2010 Lilongwe and Taipei quarrelled; "
            "Malawi and the People's Republic restored relations on 4 June 2012.")
    assert (frozenset({"MWI", "CHN"}), "restored", "2012-06-04") in _rel(text, registry)
    assert not any("TWN" in p and s == "restored" for p, s, _ in _rel(text, registry))


def test_peoples_republic_of_two_is_nobody_en(registry) -> None:
    text = ("Foreign relations of Malawi\n\nMalawi recognised the People's Republic of China and "
            "the Democratic People's Republic of Korea in 1971. Malawi and the People's Republic "
            "restored relations on 4 June 2012.")
    assert not any(frozenset({"MWI", "CHN"}) == p and s == "restored"
                   for p, s, _ in _rel(text, registry))


# --- a possibility of joining is no membership -----------------------------------------------

def test_possibility_of_joining_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Ghana\n\nTháng 3/2025, Bộ trưởng Ngoại giao cho biết Ghana "
            "không loại trừ khả năng gia nhập Liên minh các quốc gia Sahel.")
    assert not _mem(text, registry)


def test_possibility_of_joining_en(registry) -> None:
    text = ("Foreign relations of Ghana\n\nIn March 2025 the foreign minister said that Ghana did "
            "not rule out joining the Alliance of Sahel States. Ghana raised the possibility of "
            "joining the Alliance of Sahel States again in May 2025.")
    assert not _mem(text, registry)


def test_joined_without_possibility_en(registry) -> None:
    text = "Foreign relations of Ghana\n\nGhana joined the Alliance of Sahel States in May 2025."
    assert _mem(text, registry) == {("GHA", "AES", "2025-05")}


# --- a relative date after the organisation's acronym: "(OIC) hai năm sau đó" -----------------

def test_relative_date_after_acronym_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Togo\n\nTogo trở thành thành viên Tổ chức Thương mại Thế giới "
            "năm 1995, gia nhập Tổ chức Hợp tác Hồi giáo (OIC) hai năm sau đó.")
    # (the registry holds the OIC under two records; the Vietnamese name reads as the older)
    assert {d for _, o, d in _mem(text, registry) if o != "WTrO"} == {"1997"}


def test_relative_date_after_acronym_en(registry) -> None:
    text = ("Foreign relations of Togo\n\nTogo became a member of the World Trade Organization in "
            "1995 and joined the Organisation of Islamic Cooperation (OIC) two years later.")
    got = {o: d for _, o, d in _mem(text, registry)}
    assert got["Organisation-of-Islamic-Cooperation"] == "1997"


# --- "A, B và C lập Liên minh …": the bare verb before a body's name founds it -----------------

def _founders(text: str, registry) -> set[tuple[str, str]]:
    return {(_key(registry, d["member"]), _key(registry, d["organization"]))
            for d in _cands(text, registry, "membership") if "founding" in (d.get("roles") or [])}


def test_bare_verb_lap_founds_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Benin\n\nSau khi Mali, Burkina Faso và Niger lập Liên minh các "
            "quốc gia Sahel (AES), Benin tăng cường hợp tác an ninh với Ghana.")
    assert _founders(text, registry) == {("MLI", "AES"), ("BFA", "AES"), ("NER", "AES")}


def test_formed_founds_en(registry) -> None:
    text = ("Foreign relations of Benin\n\nAfter Mali, Burkina Faso and Niger formed the Alliance "
            "of Sahel States (AES), Benin stepped up security cooperation with Ghana.")
    assert _founders(text, registry) == {("MLI", "AES"), ("BFA", "AES"), ("NER", "AES")}


def test_lap_quan_he_founds_nothing_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Benin\n\nNăm 1972, Benin lập quan hệ ngoại giao với Trung Quốc "
            "và lập Ủy ban hỗn hợp với Ghana.")
    assert not _founders(text, registry)


def test_main_clause_date_is_not_the_founding_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Togo\n\nSau khi Mali, Burkina Faso và Niger lập Liên minh các "
            "quốc gia Sahel (AES), tháng 1/2025 Bộ trưởng Ngoại giao Togo thăm Bamako.")
    assert {d for m, o, d in _mem(text, registry) if o == "AES"} == {None}


def test_main_clause_date_is_not_the_founding_en(registry) -> None:
    text = ("Foreign relations of Togo\n\nAfter Mali, Burkina Faso and Niger formed the Alliance "
            "of Sahel States (AES), in January 2025 Togo's foreign minister visited Bamako.")
    assert {d for m, o, d in _mem(text, registry) if o == "AES"} == {None}


def test_subordinate_clause_keeps_its_own_date_en(registry) -> None:
    text = ("Foreign relations of Togo\n\nAfter Mali, Burkina Faso and Niger formed the Alliance "
            "of Sahel States (AES) in September 2023, Togo's foreign minister visited Bamako.")
    assert {d for m, o, d in _mem(text, registry) if o == "AES"} == {"2023-09"}


# --- credentials presented: a meeting, the receiving side host (the lead's convention) ---------

def _events(text: str, registry) -> list[dict]:
    return [d for d in _cands(text, registry, "event") if d.get("event_type") == "meeting"]


def _sides(d: dict, registry) -> set[tuple]:
    return {(_key(registry, p["actor"]), p["role"], (p.get("post") or {}).get("office"))
            for p in d["participants"]}


def test_credentials_en(registry) -> None:
    text = ("Viet Nam and Estonia\n\nThe two countries established relations in 1992. On 3 "
            "March 2023 Ambassador Nguyen Van A presented his credentials to President Alar "
            "Karis in Tallinn.")
    got = _events(text, registry)
    assert len(got) == 1
    assert _sides(got[0], registry) == {("VNM", "participant", "ambassador"),
                                        ("EST", "host", "president")}
    assert (got[0]["date"], _key(registry, got[0]["place"])) == ("2023-03-03", "EST")


def test_credentials_vi(registry) -> None:
    text = ("Quan hệ Việt Nam - Estonia\n\nHai nước thiết lập quan hệ ngoại giao năm 1992. Ngày "
            "3/3/2023, Đại sứ Việt Nam Nguyễn Văn A trình Thư ủy nhiệm lên Tổng thống Alar Karis "
            "tại Tallinn.")
    got = _events(text, registry)
    assert len(got) == 1
    assert _sides(got[0], registry) == {("VNM", "participant", "ambassador"),
                                        ("EST", "host", "president")}
    assert (got[0]["date"], _key(registry, got[0]["place"])) == ("2023-03-03", "EST")


def test_credentials_caption_vi(registry) -> None:
    text = ("Quan hệ Việt Nam - Estonia\n\nHai nước thiết lập quan hệ ngoại giao năm 1992.\n"
            "[Ảnh] Đại sứ Nguyễn Văn A trình Quốc thư lên Tổng thống Alar Karis, Tallinn, "
            "3/3/2023\n")
    got = _events(text, registry)
    assert len(got) == 1 and _key(registry, got[0]["place"]) == "EST"
    assert got[0]["date"] == "2023-03-03"


def test_credentials_without_receiver_is_nothing(registry) -> None:
    text = ("Foreign relations of Estonia\n\nIn March 2023 the first ambassador of Chile to "
            "Estonia, resident in Helsinki, presented his credentials.")
    assert not _events(text, registry)


# --- "the kingdom" in lower case; a second visit told by "returned to" / "trở lại" ------------

_ESWATINI_EN = ("Taiwan and the Kingdom of Eswatini\n\nTaiwan and the Kingdom of Eswatini "
                "established diplomatic relations in September 1968. President Tsai Ing-wen paid "
                "a state visit to the kingdom from 17 to 21 April 2018. President Tsai returned "
                "to Eswatini in September 2023.")
_ESWATINI_VI = ("Đài Loan và Vương quốc Eswatini\n\nĐài Loan và Vương quốc Eswatini thiết lập "
                "quan hệ ngoại giao tháng 9/1968. Tổng thống Thái Anh Văn thăm cấp Nhà nước vương "
                "quốc này từ ngày 17 đến 21/4/2018. Tổng thống Thái Anh Văn trở lại Eswatini "
                "tháng 9/2023.")


def _visits(text: str, registry) -> set[tuple]:
    return {(frozenset(_sides(d, registry)), d.get("date") or (d.get("start"), d.get("end")))
            for d in _cands(text, registry, "event") if d.get("event_type") == "visit"}


def test_kingdom_lower_case_and_returned_en(registry) -> None:
    sides = frozenset({("TWN", "visitor", "president"), ("SWZ", "host", None)})
    assert _visits(_ESWATINI_EN, registry) == {(sides, ("2018-04-17", "2018-04-21")),
                                               (sides, "2023-09")}


def test_kingdom_lower_case_and_returned_vi(registry) -> None:
    sides = frozenset({("TWN", "visitor", "president"), ("SWZ", "host", None)})
    assert _visits(_ESWATINI_VI, registry) == {(sides, ("2018-04-17", "2018-04-21")),
                                               (sides, "2023-09")}


def test_returned_home_is_no_visit_en(registry) -> None:
    text = ("Foreign relations of Eswatini\n\nKing Mswati III visited Taiwan in June 2018 and "
            "returned to Eswatini on 12 June 2018.")
    assert all(d.get("date") != "2018-06-12" for d in _cands(text, registry, "event"))


def test_returned_home_is_no_visit_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Eswatini\n\nQuốc vương Mswati III thăm Đài Loan tháng 6/2018 "
            "rồi trở lại Eswatini ngày 12/6/2018.")
    assert all(d.get("date") != "2018-06-12" for d in _cands(text, registry, "event"))


# --- "the Presidential Office" names no president -----------------------------------------------

def test_presidential_office_is_no_post_en(registry) -> None:
    text = ("Taiwan and Palau\n\nPalau's President Surangel Whipps Jr. has visited Taiwan often. "
            "Whipps held talks with her at the Presidential Office on 3 June 2024, during an "
            "official visit from 1 to 5 June.")
    events = _cands(text, registry, "event")
    # "the Presidential Office" gives Taiwan no president in a meeting
    assert not any(("TWN", "participant", "president") in _sides(d, registry) for d in events)
    assert any(d.get("event_type") == "visit" and d.get("start") == "2024-06-01"
               for d in events)


# --- agreements listed by subject, the preposition repeated; the count before is the same set ---

def _agreements(text: str, registry) -> list[dict]:
    return _cands(text, registry, "agreement")


def test_agreements_listed_each_en(registry) -> None:
    text = ("PORT LOUIS, Mauritius, May 4, 2022 - India and Mauritius signed three agreements on "
            "Wednesday.\nAfter their talks, the two leaders watched ministers sign agreements on "
            "maritime security, on health and on the training of diplomats.")
    got = _agreements(text, registry)
    assert len(got) == 3
    assert {d["signed"] for d in got} == {"2022-05-04"}
    assert all("quantity" not in d for d in got)
    assert {d["title"]["en"] for d in got} == {
        "agreement on maritime security", "agreement on health",
        "agreement on the training of diplomats"}


def test_agreements_listed_each_vi(registry) -> None:
    text = ("Tổng thống Ghana thăm Trung Quốc\n\nNgày 2/9/2024, tại Bắc Kinh, Chủ tịch Trung Quốc "
            "hội đàm với Tổng thống Ghana. Sau hội đàm, hai nhà lãnh đạo chứng kiến lễ ký các "
            "văn kiện hợp tác về y tế, về nông nghiệp và về giáo dục.")
    got = _agreements(text, registry)
    assert len(got) == 3
    assert {d["signed"] for d in got} == {"2024-09-02"}
    assert {d["title"]["vi"] for d in got} == {"văn kiện về y tế", "văn kiện về nông nghiệp",
                                               "văn kiện về giáo dục"}


def test_agreements_on_a_day_are_not_listed_en(registry) -> None:
    text = ("PORT LOUIS, Mauritius, May 4, 2022 - India and Mauritius signed three agreements on "
            "Wednesday, on the second day of the visit.")
    got = _agreements(text, registry)
    assert len(got) == 1 and got[0].get("quantity") == 3


# --- the object of the clause before is no subject of "…, và cùng ngày thiết lập …" -----------

def test_object_before_is_no_subject_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Cộng hòa Dominica\n\nNgày 1/5/2018, Cộng hòa Dominica cắt đứt "
            "quan hệ với Đài Loan, chấm dứt 77 năm quan hệ ngoại giao với Đài Bắc, và cùng ngày "
            "thiết lập quan hệ ngoại giao với Trung Quốc.")
    got = _rel(text, registry)
    assert (frozenset({"DOM", "CHN"}), "established", "2018-05-01") in got
    assert not any(p == frozenset({"TWN", "CHN"}) for p, _, _ in got)


def test_object_before_is_no_subject_en(registry) -> None:
    text = ("Foreign relations of the Dominican Republic\n\nOn 1 May 2018 the Dominican Republic "
            "broke off relations with Taiwan, ending 77 years of ties with Taipei, and the same "
            "day established diplomatic relations with China.")
    got = _rel(text, registry)
    assert (frozenset({"DOM", "CHN"}), "established", "2018-05-01") in got
    assert not any(p == frozenset({"TWN", "CHN"}) for p, _, _ in got)


# --- "giữa A và B"; "ngay khi tổ chức này ra đời"; a clause of contrast keeps its date ----------

def test_relations_between_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Honduras\n\nNgày 25/3/2023, Tegucigalpa tuyên bố cắt đứt quan "
            "hệ với Đài Bắc, và ngày hôm sau, tại Bắc Kinh, hai ngoại trưởng ký thông cáo chung "
            "thiết lập quan hệ ngoại giao giữa Honduras và Trung Quốc.")
    got = _rel(text, registry)
    assert (frozenset({"HND", "CHN"}), "established", "2023-03-26") in got
    assert not any(p == frozenset({"HND", "TWN"}) and s == "established" for p, s, _ in got)


def test_member_from_the_birth_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Honduras\n\nHonduras gia nhập Tổ chức Thương mại Thế giới ngay "
            "khi tổ chức này ra đời ngày 1/1/1995.")
    assert ("HND", "WTrO") in _founders(text, registry)


def test_member_from_the_birth_en(registry) -> None:
    text = ("Foreign relations of Honduras\n\nHonduras joined the World Trade Organization as "
            "soon as the organisation came into being on 1 January 1995.")
    assert ("HND", "WTrO") in _founders(text, registry)


def _spells(text: str, registry) -> set[tuple]:
    return {(_key(registry, d["member"]), _key(registry, d["organization"]), d.get("start"),
             d.get("end")) for d in _cands(text, registry, "membership")}


def test_contrast_clause_keeps_its_date_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Honduras\n\nTháng 8/2008, dưới thời Tổng thống Manuel Zelaya, "
            "Honduras gia nhập Liên minh Bolivar vì nhân dân châu Mỹ (ALBA), nhưng Quốc hội đã "
            "bỏ phiếu rút khỏi khối này vào tháng 1/2010.")
    assert ("HND", "ALBA", "2008-08", "2010-01") in _spells(text, registry)


def test_contrast_clause_keeps_its_date_en(registry) -> None:
    text = ("Foreign relations of Honduras\n\nIn August 2008, under President Manuel Zelaya, "
            "Honduras joined the Bolivarian Alliance for the Peoples of Our America (ALBA), but "
            "Congress voted to withdraw from the bloc in January 2010.")
    assert not any(o == "ALBA" and s == "2010-01" for _, o, s, _ in _spells(text, registry))


# --- the World Bank as the corpus writes it: the IBRD record -----------------------------------

def test_world_bank_is_ibrd_en(registry) -> None:
    text = ("Foreign relations of Kiribati\n\nKiribati joined the International Monetary Fund and "
            "the World Bank in June 1986.")
    assert ("KIR", "IBRD", "1986-06") in _mem(text, registry)


def test_world_bank_is_ibrd_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Kiribati\n\nKiribati gia nhập Quỹ Tiền tệ Quốc tế và Ngân hàng "
            "Thế giới tháng 6/1986.")
    assert ("KIR", "IBRD", "1986-06") in _mem(text, registry)


# --- a country page's labelled name line when the scrape ran its title into the breadcrumb -----

def test_subject_from_name_line_vi(registry) -> None:
    text = ("Trang chủ > Quốc gia và vùng lãnh thổ > Châu Phi > SeychellesSEYCHELLES - THÔNG TIN "
            "CƠ BẢN\nCập nhật: 10/2025 | In trang\nTên nước: Cộng hòa Seychelles\nNgày gia nhập "
            "Liên Hợp Quốc: 21/9/1976\n")
    assert _mem(text, registry) == {("SYC", "UN", "1976-09-21")}


def test_subject_from_name_line_en(registry) -> None:
    text = ("Home > Countries > Africa > SeychellesSEYCHELLES - COUNTRY BRIEF\nUpdated: 10/2025 | "
            "Print\nOfficial name: Republic of Seychelles\nThe island nation joined the "
            "Commonwealth in 1976.\n")
    assert _mem(text, registry) == {("SYC", "COMMONWEALTH", "1976")}


def test_name_line_of_two_states_is_nobody_en(registry) -> None:
    text = ("Home > Countries > SeychellesMAURITIUS - COUNTRY BRIEF\nOfficial name: Republic of "
            "Seychelles and Republic of Mauritius\nThe island nation joined the Commonwealth in "
            "1976.\n")
    assert not _mem(text, registry)


# --- a membership "since independence" starts on the independence day the text gives ----------

def test_since_independence_en(registry) -> None:
    text = ("Foreign relations of Malawi\n\nMalawi became independent from the United Kingdom on "
            "6 July 1964. It has been a member of the Commonwealth since independence and joined "
            "the United Nations on 1 December 1964.")
    assert ("MWI", "COMMONWEALTH", "1964-07-06") in _mem(text, registry)


def test_since_independence_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Malawi\n\nMalawi giành độc lập từ Anh ngày 6/7/1964. Malawi gia "
            "nhập Liên hợp quốc ngày 1/12/1964 và là thành viên Khối Thịnh vượng chung từ khi độc "
            "lập.")
    assert ("MWI", "COMMONWEALTH", "1964-07-06") in _mem(text, registry)


def test_since_independence_without_its_day_en(registry) -> None:
    text = ("Foreign relations of Malawi\n\nMalawi became independent in 1964. It has been a "
            "member of the Commonwealth since independence and joined the United Nations on 1 "
            "December 1964.")
    assert not any(o == "COMMONWEALTH" and d for _, o, d in _mem(text, registry))
