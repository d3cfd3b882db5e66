"""The twenty-ninth round of extraction (issue 16): a year in a bracket said of two
coordinated organisations ("(both 1969)", "(cùng từ 1993)"), and relations that have existed
"since" a date ("have had formal ties since …", "có quan hệ ngoại giao từ năm …").

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _cands(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def _mem(text: str, registry) -> set[tuple]:
    return {(d["member"], d["organization"], d.get("start"))
            for d in _cands(text, registry, "membership")}


def _rel(text: str, registry) -> set[tuple]:
    return {(frozenset(d["parties"]), d["status"], d.get("date"))
            for d in _cands(text, registry, "relation")}


# --- 1. one year in a bracket, said of both organisations before it -----------------------------

def test_both_year_after_two_organisations(registry) -> None:
    text = ("Kenya was admitted to the United Nations in December 1963. It entered the "
            "International Monetary Fund and the Non-Aligned Movement (both 1964).")
    got = _mem(text, registry)
    assert ("Kenya", "International Monetary Fund", "1964") in got
    assert ("Kenya", "Non-Aligned Movement", "1964") in got


def test_both_since_year_in_vietnamese(registry) -> None:
    text = ("Peru là thành viên Liên Hợp Quốc (từ 1945), Quỹ Tiền tệ Quốc tế và Phong trào "
            "Không liên kết (cùng từ 1973).")
    got = _mem(text, registry)
    assert ("Peru", "International Monetary Fund", "1973") in got
    assert ("Peru", "Non-Aligned Movement", "1973") in got
    assert ("Peru", "United Nations", "1945") in got


def test_both_year_when_the_second_body_is_unknown(registry) -> None:
    # the second name is no record of the registry: the first still takes the year
    text = ("Peru là thành viên Liên Hợp Quốc (từ 1945), Quỹ Tiền tệ Quốc tế và Quỹ Hạt giống "
            "Vùng cao (cùng từ 1973).")
    assert ("Peru", "International Monetary Fund", "1973") in _mem(text, registry)


def test_guard_a_dated_membership_keeps_its_own_year(registry) -> None:
    text = ("Kenya joined the International Monetary Fund in 1964 and the Non-Aligned Movement "
            "in 1970 (both 1970 according to the ministry).")
    got = _mem(text, registry)
    assert ("Kenya", "International Monetary Fund", "1964") in got


# --- 2. relations that have existed since a date -----------------------------------------------

def test_have_had_formal_ties_since(registry) -> None:
    text = "Kenya and Japan have had formal ties since May 1963."
    assert _rel(text, registry) == {(frozenset({"Kenya", "Japan"}), "established", "1963-05")}


def test_has_had_relations_with_since(registry) -> None:
    text = "Ghana has had diplomatic relations with Brazil since 1961."
    assert _rel(text, registry) == {(frozenset({"Ghana", "Brazil"}), "established", "1961")}


def test_vietnamese_relations_since_a_year(registry) -> None:
    text = "Kenya và Nhật Bản có quan hệ ngoại giao chính thức từ năm 1963."
    assert _rel(text, registry) == {(frozenset({"Kenya", "Japan"}), "established", "1963")}


def test_guard_had_relations_without_since_is_not_established_here(registry) -> None:
    # no "since": not this reading (a past state of relations, no date of their start)
    text = "Ghana had had formal ties with Brazil for a decade when the crisis began."
    assert not [r for r in _rel(text, registry) if r[2] is not None]


# --- 3. the clause's date before its organisations, shared by the coordinated ones ---------------

_KENYA = "Kenya's foreign relations\n\nKenya became independent in 1963. "


def test_same_year_before_two_organisations(registry) -> None:
    text = _KENYA + ("Kenya was admitted to the United Nations on 16 December 1963, and in the "
                     "same year it joined the Organisation of African Unity and the Commonwealth.")
    got = _mem(text, registry)
    assert ("Kenya", "Organization for African Unity", "1963") in got
    assert ("Kenya", "Commonwealth of Nations", "1963") in got


def test_fronted_year_before_two_organisations(registry) -> None:
    text = _KENYA + "In 1964 Kenya joined the Organisation of African Unity and the Commonwealth."
    assert ("Kenya", "Commonwealth of Nations", "1964") in _mem(text, registry)


def test_guard_a_date_after_the_first_organisation_is_its_own(registry) -> None:
    text = _KENYA + "Kenya joined the Organisation of African Unity in 1964 and the Commonwealth."
    got = _mem(text, registry)
    assert ("Kenya", "Organization for African Unity", "1964") in got
    assert ("Kenya", "Commonwealth of Nations", "1964") not in got


# --- 4. "Quần đảo X", then the bare "X" -----------------------------------------------------------

def test_bare_name_of_islands_after_the_full_name(registry) -> None:
    text = ("Quần đảo Solomon gia nhập Liên Hợp Quốc ngày 19/9/1978. Cùng năm đó, Solomon trở "
            "thành thành viên Khối Thịnh vượng chung.")
    got = _mem(text, registry)
    assert ("Solomon Islands", "United Nations", "1978-09-19") in got
    assert ("Solomon Islands", "Commonwealth of Nations", "1978") in got


def test_guard_bare_name_before_the_full_name_or_inside_a_longer_name(registry) -> None:
    # before the text names "Quần đảo Solomon", and inside a longer capitalised name, the bare
    # word names no state
    text = ("Năm 1970, Solomon gia nhập Khối Thịnh vượng chung. Quần đảo Solomon gia nhập Liên Hợp "
            "Quốc năm 1978; năm 1980, Solomon Airlines gia nhập Quỹ Tiền tệ Quốc tế.")
    got = _mem(text, registry)
    assert ("Solomon Islands", "United Nations", "1978") in got
    assert not [m for m in got if m[2] in ("1970", "1980")]


# --- 5. relations with one of the two Chinese governments: recognised, maintained ----------------

def test_recognition_of_taipei_is_relations_established(registry) -> None:
    assert _rel("In March 2031 Kiribati recognised Taipei.", registry) == {
        (frozenset({"Kiribati", "Republic of China"}), "established", "2031-03")}


def test_vietnamese_recognition_by_a_capital(registry) -> None:
    text = "Ngày 5/3/2031, Tarawa công nhận Đài Loan."
    assert _rel(text, registry) == {
        (frozenset({"Kiribati", "Republic of China"}), "established", "2031-03-05")}


def test_guard_a_recognition_never_given_is_no_relation(registry) -> None:
    text = "Kiribati thiết lập quan hệ ngoại giao với Trung Quốc năm 1980 và chưa bao giờ công nhận Đài Loan."
    assert _rel(text, registry) == {(frozenset({"Kiribati", "China"}), "established", "1980")}


def test_guard_recognition_of_another_state_is_left_alone(registry) -> None:
    assert not _rel("In March 2031 Kiribati recognised Kosovo.", registry)


def test_vietnamese_official_relations_maintained(registry) -> None:
    text = "Kiribati là một trong số ít quốc gia duy trì quan hệ chính thức với Đài Bắc."
    assert _rel(text, registry) == {
        (frozenset({"Kiribati", "Republic of China"}), "maintained", None)}


def test_guard_a_recognition_of_a_possession_is_no_relation(registry) -> None:
    assert not _rel("In March 2031 Kiribati recognised Taipei's passports.", registry)


# --- 6. a statute named after its city: the city's state is no member ----------------------------

def test_rome_statute_names_no_member_in_vietnamese(registry) -> None:
    text = ("Kenya phê chuẩn Quy chế Rome ngày 15/3/2005 và trở thành thành viên Tòa án Hình sự "
            "Quốc tế năm 2005.")
    got = _mem(text, registry)
    assert ("Kenya", "International Criminal Court", "2005") in got
    assert not [m for m in got if m[0] == "Italy"]


def test_guard_rome_statute_names_no_member_in_english(registry) -> None:
    text = "Under the Rome Statute, Kenya became a member of the International Criminal Court in 2005."
    got = _mem(text, registry)
    assert not [m for m in got if m[0] == "Italy"]


# --- 7. companions "cùng với" after the partner of a verb whose subject is a pronoun -------------

def test_companions_after_the_partner_share_it_in_vietnamese(registry) -> None:
    text = ("Quan hệ đối ngoại của Mali\n\nNăm 2030, chính phủ Mali cắt quan hệ ngoại giao với "
            "Pháp. Tháng 6/2031, chính phủ này cũng cắt quan hệ với Qatar, cùng với Niger, "
            "Ghana và Senegal.")
    got = _rel(text, registry)
    for state in ("Mali", "Niger", "Ghana", "Senegal"):
        assert (frozenset({state, "Qatar"}), "severed", "2031-06") in got
    assert not [r for r in got if r[0] in (frozenset({"Niger", "Mali"}),
                                           frozenset({"Ghana", "Mali"}))]


def test_companions_after_the_partner_in_english(registry) -> None:
    text = ("Foreign relations of Mali\n\nIn 2030 Mali cut its ties with France. In June 2031 "
            "the government also cut relations with Qatar, together with Niger and Senegal.")
    got = _rel(text, registry)
    assert (frozenset({"Niger", "Qatar"}), "severed", "2031-06") in got
    assert (frozenset({"Senegal", "Qatar"}), "severed", "2031-06") in got
