"""The thirty-first round of extraction (issue 16): constructions behind the memberships with no
candidate in ``test40/`` and ``test41/`` (development parts this round), each in both languages.

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
    return {(registry.resolve(d["member"]).key, _org(registry, d["organization"]), d.get("start"))
            for d in _cands(text, registry, "membership")}


# --- a noun for the text's state: "Công quốc", "the new state" ------------------------------

def test_principality_as_subject_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Monaco\n\nMonaco là một công quốc nhỏ ven Địa Trung Hải. "
            "Công quốc gia nhập Liên hợp quốc ngày 28/5/1993.")
    assert ("MCO", "UN", "1993-05-28") in _mem(text, registry)


def test_new_state_as_subject_en(registry) -> None:
    text = ("Foreign relations of Belize\n\nBelize became independent in September 1981. "
            "The new state was admitted to the United Nations on 25 September 1981.")
    assert ("BLZ", "UN", "1981-09-25") in _mem(text, registry)


# --- a pronoun after a semicolon: the state the sentence opens with --------------------------

def test_pronoun_after_semicolon_vi(registry) -> None:
    text = ("Tổng thống Senegal thăm Việt Nam. Senegal là thành viên Liên hợp quốc từ năm 1960; "
            "nước này gia nhập Liên minh Kinh tế và Tiền tệ Tây Phi (UEMOA) năm 1994.")
    assert ("SEN", "UEMOA", "1994") in _mem(text, registry)


def test_pronoun_after_semicolon_en(registry) -> None:
    text = ("The president of Senegal visits Viet Nam. Senegal has been a member of the United "
            "Nations since 1960; it joined the West African Economic and Monetary Union in 1994.")
    assert ("SEN", "UEMOA", "1994") in _mem(text, registry)


def test_pronoun_after_semicolon_two_states_is_nobody(registry) -> None:
    text = ("Mali và Senegal là thành viên Liên hợp quốc từ năm 1960; nước này gia nhập UEMOA "
            "năm 1994.")
    assert not any(org == "UEMOA" for _, org, _ in _mem(text, registry))


# --- a clause joined by a comma before its verb of joining -----------------------------------

def test_comma_joined_clause_vi(registry) -> None:
    text = ("Ghi-nê được kết nạp vào Liên hợp quốc ngày 12/12/1958.Nước này là thành viên sáng "
            "lập Tổ chức Thống nhất châu Phi (OAU, 1963), tham gia Tổ chức Hợp tác Hồi giáo "
            "(OIC) năm 1969 và Liên minh sông Mano năm 1980.")
    got = _mem(text, registry)
    assert ("GIN", "MRU", "1980") in got
    oic = {(m, o, d) for m, o, d in got if o in ("OIC", "Organisation-of-Islamic-Cooperation")}
    # one membership, dated by its own year (not the founding clause's 1963), its acronym in
    # brackets no second organisation
    assert oic == {("GIN", "OIC", "1969")}


def test_comma_joined_clause_en(registry) -> None:
    text = ("Guinea was admitted to the United Nations on 12 December 1958. It is a founding "
            "member of the Organisation of African Unity (1963), joined the Organisation of "
            "Islamic Cooperation (OIC) in 1969 and the Mano River Union in 1980.")
    got = _mem(text, registry)
    assert ("GIN", "MRU", "1980") in got
    assert {d for _, o, d in got if o in ("OIC", "Organisation-of-Islamic-Cooperation")} == {"1969"}


def test_tham_gia_a_meeting_is_no_membership(registry) -> None:
    text = "Năm 2019, Ghi-nê tham gia hội nghị thượng đỉnh Liên minh châu Phi tại Niamey."
    assert _mem(text, registry) == set()


# --- one year said of a list of three ---------------------------------------------------------

def test_year_shared_by_three_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Bahamas\n\nBahamas độc lập năm 1973. Nước này cũng tham gia "
            "Ngân hàng Phát triển Caribe, Quỹ Tiền tệ Quốc tế và Ngân hàng Thế giới (cùng năm "
            "1973).")
    got = _mem(text, registry)
    assert ("BHS", "CDB", "1973") in got
    assert ("BHS", "IMF", "1973") in got


def test_year_shared_by_three_en(registry) -> None:
    text = ("Foreign relations of Kenya\n\nKenya became independent in 1963. It also joined the "
            "African Development Bank, the International Monetary Fund and the Commonwealth (all "
            "in 1964).")
    got = _mem(text, registry)
    assert {o for _, o, d in got if d == "1964"} >= {
        _org(registry, "African Development Bank"), "IMF", _org(registry, "Commonwealth")}


# --- founders named in a relative clause after the organisation -------------------------------

def test_founders_in_relative_clause_en(registry) -> None:
    text = ("Senegal has not joined the Alliance of Sahel States, which Mali, Burkina Faso and "
            "Niger formed in September 2023.")
    got = {(m, d) for m, o, d in _mem(text, registry) if o == "AES"}
    assert got == {("MLI", "2023-09"), ("BFA", "2023-09"), ("NER", "2023-09")}
    roles = {tuple(d.get("roles") or ()) for d in _cands(text, registry, "membership")}
    assert roles == {("founding", "full")}


def test_founders_in_relative_clause_vi(registry) -> None:
    text = ("Senegal chưa gia nhập Liên minh các quốc gia Sahel (AES), do Mali, Burkina Faso và "
            "Niger thành lập tháng 9/2023.")
    got = {(m, d) for m, o, d in _mem(text, registry) if o == "AES"}
    assert got == {("MLI", "2023-09"), ("BFA", "2023-09"), ("NER", "2023-09")}


def test_relative_clause_with_no_state_founds_nothing(registry) -> None:
    text = ("Senegal has not joined the Alliance of Sahel States, which three military "
            "governments formed in September 2023.")
    assert not any(o == "AES" for _, o, _ in _mem(text, registry))


# --- relations: a restoration after "only", a pair written with a dash ------------------------

def _rel(text: str, registry) -> set[tuple]:
    return {(frozenset(registry.resolve(p).key for p in d["parties"]), d["status"], d.get("date"))
            for d in _cands(text, registry, "relation")}


def test_restored_only_later_vi(registry) -> None:
    text = ("Ghi-nê cắt quan hệ ngoại giao với Pháp tháng 11/1965 và chỉ nối lại mười năm sau, "
            "vào tháng 7/1975.")
    assert (frozenset({"GIN", "FRA"}), "restored", "1975-07") in _rel(text, registry)


def test_restored_only_later_en(registry) -> None:
    text = ("Guinea severed diplomatic relations with France in November 1965 but only restored "
            "them ten years later, in July 1975.")
    assert (frozenset({"GIN", "FRA"}), "restored", "1975-07") in _rel(text, registry)


def test_dash_pair_names_the_parties_vi(registry) -> None:
    text = ("Ngày 9/12/2021, Nicaragua cắt đứt quan hệ ngoại giao với Đài Loan; ngày hôm sau, hai "
            "bên ký tại Thiên Tân thông cáo chung khôi phục quan hệ ngoại giao Trung Quốc - "
            "Nicaragua.")
    got = _rel(text, registry)
    assert (frozenset({"CHN", "NIC"}), "restored", "2021-12-10") in got
    assert not any(st == "restored" and "TWN" in p for p, st, _ in got)


def test_dash_pair_names_the_parties_en(registry) -> None:
    text = ("On 9 December 2021 Nicaragua broke off diplomatic relations with Taiwan; the next "
            "day the two sides signed in Tianjin a joint communique restoring China-Nicaragua "
            "diplomatic relations.")
    got = _rel(text, registry)
    assert (frozenset({"CHN", "NIC"}), "restored", "2021-12-10") in got
    assert not any(st == "restored" and "TWN" in p for p, st, _ in got)


# --- the companions of a pronoun's coordinated clause ----------------------------------------

def _founders(text: str, registry, org: str) -> set[str]:
    return {m for m, o, _ in _mem(text, registry) if o == org}


def test_companions_after_pronoun_clause_vi(registry) -> None:
    text = ("Thông tin cơ bản về Guyana\n\nGuyana gia nhập Liên hợp quốc năm 1966.Nước này tham "
            "gia Hiệp hội Thương mại tự do Caribe (CARIFTA) năm 1968, rồi ngày 4/7/1973 cùng "
            "Barbados, Trinidad và Tobago và Jamaica ký Hiệp ước Chaguaramas thành lập Cộng đồng "
            "Caribe (CARICOM).")
    assert _founders(text, registry, "CARICOM") == {"GUY", "BRB", "TTO", "JAM"}
    treaty = [d for d in _cands(text, registry, "agreement")]
    assert {registry.resolve(p).key for p in treaty[0]["parties"]} == {"GUY", "BRB", "TTO", "JAM"}


def test_companions_after_pronoun_clause_en(registry) -> None:
    text = ("Foreign relations of Guyana\n\nGuyana joined the United Nations in 1966. It joined "
            "CARIFTA in 1968, then on 4 July 1973, together with Barbados, Trinidad and Tobago "
            "and Jamaica, signed the Treaty of Chaguaramas establishing the Caribbean Community.")
    assert _founders(text, registry, "CARICOM") == {"GUY", "BRB", "TTO", "JAM"}


# --- a counted offset whose clause a comma closes dates nothing after it ----------------------

def test_offset_clause_closed_by_comma_vi(registry) -> None:
    text = ("Ngày 11/1/2007, một ngày sau khi nhậm chức, Tổng thống Ortega ký văn kiện đưa "
            "Nicaragua gia nhập Liên minh Bolivar vì các dân tộc châu Mỹ (ALBA).")
    assert ("NIC", "ALBA", "2007-01-11") in _mem(text, registry)


def test_offset_clause_closed_by_comma_en(registry) -> None:
    text = ("On 11 January 2007, a day after taking office, President Ortega signed the "
            "document by which Nicaragua joined ALBA.")
    assert ("NIC", "ALBA", "2007-01-11") in _mem(text, registry)


def test_offset_clause_with_relative_inside_keeps_its_date(registry) -> None:
    text = ("Albania and Croatia joined NATO on 1 April 2009, five years after the alliance's "
            "largest enlargement, in which Bulgaria and Romania became members.")
    got = _mem(text, registry)
    assert ("BGR", "NATO", "2004") in got and ("ROU", "NATO", "2004") in got
