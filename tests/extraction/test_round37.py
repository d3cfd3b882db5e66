"""Round 37 (session 21): constructions read across writers' parts.

1. A single signatory of an instrument followed at once by its founding word is a founder
   ("it signed the Treaty of X founding Y", "A cùng các nước Trung Mỹ ký Nghị định thư X thành
   lập Y"), and "was one of the N signatories of the Treaty of X, which founded Y".
2. Zaire / Da-ia, the state's name from 1971 to 1997, is the Democratic Republic of the Congo.

The sentences are written for these tests (not copied from the corpus).
"""

from __future__ import annotations

import pytest

from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _memberships(text: str, registry) -> set[tuple]:  # noqa: ANN001
    ex = extract_text(text, None, registry)
    return {(c.data["member"], c.data["organization"], tuple(c.data.get("roles") or ()),
             c.data.get("start")) for c in ex.candidates if c.type == "membership"}


def test_one_signatory_with_unnamed_regional_companions_vi(registry) -> None:  # noqa: ANN001
    got = _memberships("Ngày 13/12/1991, Honduras cùng các nước Trung Mỹ ký Nghị định thư "
                       "Tegucigalpa thành lập Hệ thống Hội nhập Trung Mỹ (SICA).", registry)
    assert ("Honduras", "Central American Integration System", ("founding", "full"),
            "1991-12-13") in got


def test_one_of_the_signatories_of_which_founded(registry) -> None:  # noqa: ANN001
    got = _memberships("Grenada is an island state in the Caribbean. On 18 June 1981 Grenada "
                       "was one of the seven signatories of the Treaty of Basseterre, which "
                       "founded the Organisation of Eastern Caribbean States.", registry)
    assert ("Grenada", "Organization of Eastern Caribbean States", ("founding", "full"),
            "1981-06-18") in got


def test_one_signatory_named_founding_en(registry) -> None:  # noqa: ANN001
    got = _memberships("On 26 March 1991 Paraguay signed the Treaty of Asuncion establishing "
                       "Mercosur.", registry)
    assert any(m[0] == "Paraguay" and m[2] == ("founding", "full") and m[3] == "1991-03-26"
               for m in got), got


def test_signing_without_founding_word_is_no_founding(registry) -> None:  # noqa: ANN001
    got = _memberships("On 5 May 2001 Honduras signed the Protocol of Tegucigalpa with the "
                       "Central American Integration System.", registry)
    assert not any("founding" in m[2] for m in got), got


def test_negated_signing_is_no_founding(registry) -> None:  # noqa: ANN001
    got = _memberships("Honduras did not sign the Protocol of Tegucigalpa founding the "
                       "Central American Integration System.", registry)
    assert not any(m[0] == "Honduras" and "founding" in m[2] for m in got), got


def test_zaire_is_the_democratic_republic_of_the_congo(registry) -> None:  # noqa: ANN001
    got = _memberships("Burundi, Rwanda and Zaire founded the Economic Community of the Great "
                       "Lakes Countries in 1976.", registry)
    assert ("Democratic Republic of the Congo", "Economic Community of the Great Lakes Countries",
            ("founding", "full"), "1976") in got
    assert ("Burundi", "Economic Community of the Great Lakes Countries", ("founding", "full"),
            "1976") in got


def test_da_ia_is_the_democratic_republic_of_the_congo_vi(registry) -> None:  # noqa: ANN001
    got = _memberships("Năm 1976, Ru-an-đa cùng Bu-run-đi và Da-ia thành lập Cộng đồng Kinh tế "
                       "các nước Hồ Lớn (CEPGL).", registry)
    assert any(m[0] == "Democratic Republic of the Congo" and m[2] == ("founding", "full")
               for m in got), got


def _visits(text: str, registry) -> set[tuple]:  # noqa: ANN001
    ex = extract_text(text, None, registry)
    out = set()
    for c in ex.candidates:
        if c.type == "event" and c.data.get("event_type") == "visit":
            parts = tuple(sorted((p["actor"], p["role"], (p.get("post") or {}).get("office"))
                                 for p in c.data["participants"]))
            out.add((parts, c.data.get("date")))
    return out


def test_earlier_visit_since_a_named_leader_came(registry) -> None:  # noqa: ANN001
    got = _visits("Prime Minister Narendra Modi paid a state visit to Guyana from 19-21 November "
                  "2024, the first visit by an Indian Prime Minister since Smt. Indira Gandhi "
                  "came in 1968.", registry)
    assert ((("Guyana", "host", None), ("India", "visitor", "prime-minister")), "1968") in got


def test_earlier_visit_since_a_named_leader_without_verb(registry) -> None:  # noqa: ANN001
    got = _visits("Prime Minister Narendra Modi paid a visit to Fiji on 19 November 2014, the "
                  "first by an Indian Prime Minister since Indira Gandhi in 1981.", registry)
    assert ((("Fiji", "host", None), ("India", "visitor", "prime-minister")), "1981") in got


def test_earlier_visit_after_a_possessive_visit(registry) -> None:  # noqa: ANN001
    got = _visits("Prime Minister Christopher Luxon made his first official visit to Tonga in "
                  "May 2024, the second by a New Zealand prime minister after Jacinda Ardern's "
                  "visit in 2019.", registry)
    assert ((("New Zealand", "visitor", "prime-minister"), ("Tonga", "host", None)), "2019") \
        in got


def test_earlier_visit_of_a_head_of_state_vi(registry) -> None:  # noqa: ANN001
    got = _visits("Tổng thống Chile thăm Việt Nam từ ngày 10 đến 12/3/2025. Đây là chuyến thăm "
                  "Việt Nam đầu tiên của một nguyên thủ Chile kể từ năm 2017.", registry)
    assert ((("Chile", "visitor", "head-of-state"), ("Vietnam", "host", None)), "2017") in got


def test_since_without_a_date_is_no_earlier_visit(registry) -> None:  # noqa: ANN001
    got = _visits("Prime Minister Narendra Modi paid a visit to Fiji on 19 November 2014, the "
                  "first by an Indian Prime Minister since independence.", registry)
    assert all(d == "2014-11-19" for _, d in got), got


def _relations(text: str, registry) -> set[tuple]:  # noqa: ANN001
    ex = extract_text(text, None, registry)
    return {(frozenset(c.data["parties"]), c.data["status"], c.data.get("date"))
            for c in ex.candidates if c.type == "relation"}


def test_did_so_on_the_same_day(registry) -> None:  # noqa: ANN001
    got = _relations("Foreign relations of Namibia\n\nChina established diplomatic relations "
                     "with Namibia on 22 March 1995, and Russia did so on the same day.",
                     registry)
    assert (frozenset({"Namibia", "Russia"}), "established", "1995-03-22") in got


def test_followed_the_next_year_on_a_day(registry) -> None:  # noqa: ANN001
    got = _relations("Foreign relations of Namibia\n\nNamibia established diplomatic relations "
                     "with Cuba on 21 March 1990, and Brazil followed the next year, on 4 June "
                     "1991.", registry)
    assert (frozenset({"Namibia", "Brazil"}), "established", "1991-06-04") in got


def test_followed_in_a_month_of_the_same_year(registry) -> None:  # noqa: ANN001
    got = _relations("Foreign relations of Moldova\n\nMoldova and Romania established "
                     "diplomatic relations on 27 August 1991, and the United States followed in "
                     "December of the same year.", registry)
    assert (frozenset({"Moldova", "United States"}), "established", "1991-12") in got


def test_lam_dieu_tuong_tu_on_a_day_of_the_same_year_vi(registry) -> None:  # noqa: ANN001
    got = _relations("Quan hệ đối ngoại của Moldova\n\nMoldova và Cộng hòa Séc lập quan hệ ngoại "
                     "giao ngày 13/7/1993; Slovakia làm điều tương tự vào ngày 9/12 cùng năm.",
                     registry)
    assert (frozenset({"Moldova", "Slovakia"}), "established", "1993-12-09") in got


def test_did_so_without_a_date_is_left_out(registry) -> None:  # noqa: ANN001
    got = _relations("Foreign relations of Moldova\n\nMoldova and Romania established "
                     "diplomatic relations on 27 August 1991, and Russia did so later.", registry)
    assert not any("Russia" in p for p, _, _ in got), got


def _agreements(text: str, registry) -> list[dict]:  # noqa: ANN001
    ex = extract_text(text, None, registry)
    return [c.data for c in ex.candidates if c.type == "agreement"]


def test_documents_counted_by_a_vietnamese_numeral(registry) -> None:  # noqa: ANN001
    got = _agreements("Ngày 12/6/2018, Thủ tướng Ấn Độ hội đàm với Tổng thống Chile; hai bên ký "
                      "bốn văn kiện hợp tác.", registry)
    assert any(a.get("quantity") == 4 and a["instrument"] == "agreement"
               and set(a["parties"]) == {"India", "Chile"} for a in got), got


def test_several_documents_signed_by_the_two_governments(registry) -> None:  # noqa: ANN001
    got = _agreements("On 14 May 2023 the presidents of Senegal and Ghana held talks in Dakar. "
                      "The two governments signed several cooperation documents.", registry)
    assert any(a.get("quantity") == "many" and set(a["parties"]) == {"Senegal", "Ghana"}
               for a in got), got


def test_several_documents_signed_by_a_third_party_are_left_out(registry) -> None:  # noqa: ANN001
    got = _agreements("On 14 May 2023 the presidents of Senegal and Ghana held talks in Dakar. "
                      "Their ministers said companies signed several documents.", registry)
    assert not any(a.get("quantity") == "many" for a in got), got


def test_several_documents_undated_are_left_out(registry) -> None:  # noqa: ANN001
    got = _agreements("The presidents of Senegal and Ghana held talks in Dakar. The two "
                      "governments signed several cooperation documents.", registry)
    assert not any(a.get("quantity") == "many" for a in got), got


def test_second_predicate_observer_with_its_own_date_vi(registry) -> None:  # noqa: ANN001
    got = _memberships("Moldova là thành viên Tổ chức Thương mại Thế giới (WTO) từ ngày "
                       "26/7/2001 và là quan sát viên của Tổ chức Quốc tế Pháp ngữ từ năm 1996.",
                       registry)
    assert ("Moldova", "International Organisation of La Francophonie", ("observer",), "1996") \
        in got


def test_second_predicate_observer_undated_is_left_out_vi(registry) -> None:  # noqa: ANN001
    got = _memberships("Moldova gia nhập Tổ chức Thương mại Thế giới ngày 26/7/2001 và là quan "
                       "sát viên của Phong trào Không liên kết.", registry)
    assert not any(m[2] == ("observer",) and m[3] == "2001-07-26" for m in got), got
