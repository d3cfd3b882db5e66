"""Round 47 (session 26): ministry pages whose state the rules did not know, and rows of their
lists of relations.

1. (A) The ministry's Vietnamese transliterations of three states' names ("Xanh Kít và
   Nê-vít", "Xanh Lu-xi-a", "Ét-xoa-ti-ni").
2. (B) A page's state from its labelled "Tên nước:" line when the scrape ran breadcrumb, title
   and review date into one long first line.
3. (C) Chrome on lines of its own ("Skip to main content" alone, a breadcrumb "Home » …", a
   masthead "Government of X | Ministry …") is skipped, and the masthead's state is the page's
   when the title names none.
4. (D) A heading's closing note in brackets ("(selected)") does not count against its length.
5. (E) A row that says "established" before its date is a relation under any heading, and a
   row with no bar is no longer cut at a bar earlier on the page.
6. (F) "The Nth anniversary of X" is an elapsed time for a yearless dateline, a year in a later
   sentence counting only when that sentence shares a common word with X.
7. (G) The Preferential Trade Area for Eastern and Southern Africa under its COW IGO record.
8. (H) A body known only by the acronym in its bracket does not end a labelled list of bodies
   with dated brackets.
9. (I) "Relations with X date from DATE, with Y from DATE": the gapped partners.
10. (J) "the kingdom" is not the United Kingdom because "Kingdom" ends its name.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest
from fact_checks import facts as _facts  # (the registry: conftest.py)

from diplograph.extraction.context import Context
from diplograph.extraction.dates import find_dates, year_from_text
from diplograph.extraction.names import gazetteer


def _subject(text: str, lang: str, registry) -> str | None:  # noqa: ANN001
    return Context.build(text, lang, gazetteer(registry), None).subject


@pytest.mark.parametrize("name, key", [
    ("Xanh Kít và Nê-vít", "KNA"), ("Xanh Lu-xi-a", "LCA"), ("Ét-xoa-ti-ni", "SWZ"),
])
def test_the_ministrys_transliterations(name, key, registry) -> None:  # noqa: ANN001
    text = f"{name} gia nhập Liên hợp quốc năm 1990."
    ctx = Context.build(text, "vi", gazetteer(registry), None)
    assert key in {m.key for m in ctx.mentions}


def test_a_long_breadcrumb_title_line_and_the_labelled_name(registry) -> None:  # noqa: ANN001
    text = ("Trang chủ > Các nước và khu vực > Châu Phi > Ét-xoa-ti-ni TÀI LIỆU CƠ BẢN VỀ "
            "VƯƠNG QUỐC ÉT-XOA-TI-NI VÀ QUAN HỆ VỚI VIỆT NAM Cập nhật: 01/2025 | In trang\n"
            "Tên nước: Vương quốc Ét-xoa-ti-ni\n"
            "Ét-xoa-ti-ni là thành viên của Liên hợp quốc (từ 24/9/1968).\n")
    assert _subject(text, "vi", registry) == "SWZ"


def test_a_long_first_sentence_is_still_no_title(registry) -> None:  # noqa: ANN001
    # a first line that is a long sentence, not a breadcrumb, gives no subject as before
    text = ("Hai nước Việt Nam và Ét-xoa-ti-ni đã ký một bản ghi nhớ về hợp tác nông nghiệp "
            "trong chuyến thăm của đoàn đại biểu cấp cao tháng trước, theo tin từ Hà Nội hôm qua\n"
            "Tên nước: Vương quốc Ét-xoa-ti-ni\n")
    assert _subject(text, "vi", registry) is None


PAGE = ("Skip to main content\n"
        "Government of Saint Lucia | Ministry of External Affairs\n"
        "Home » Foreign Policy » Partners\n"
        "PARTNERS OF THE NATION\n"
        "Updated: May 2025 | Print\n\n"
        "Relations established in the years after independence (partial)\n"
        "- Chile: 4 March 1981\n"
        "- Sweden: June 1982\n\n"
        "Further partners\n"
        "- Malaysia — established 9 May 1990\n")


def test_a_masthead_gives_the_pages_state(registry) -> None:  # noqa: ANN001
    assert _subject(PAGE, "en", registry) == "LCA"


def test_rows_under_a_bracketed_heading_and_rows_that_say_established(registry) -> None:  # noqa: ANN001
    got = {(tuple(sorted(r["parties"])), r.get("date"))
           for r in _facts(PAGE, registry, "relation")}
    assert (("Chile", "Saint Lucia"), "1981-03-04") in got
    assert (("Saint Lucia", "Sweden"), "1982-06") in got
    assert (("Malaysia", "Saint Lucia"), "1990-05-09") in got


def test_a_row_without_established_needs_a_heading_on_relations(registry) -> None:  # noqa: ANN001
    text = PAGE.replace("Relations established in the years after independence (partial)",
                        "Embassies opened")
    got = {tuple(sorted(r["parties"])) for r in _facts(text, registry, "relation")}
    assert ("Chile", "Saint Lucia") not in got
    assert ("Malaysia", "Saint Lucia") in got


def test_a_ministry_masthead_with_its_state_after_the_bar(registry) -> None:  # noqa: ANN001
    text = ("Ministry of Foreign Affairs and Trade | Kingdom of Eswatini Home | Media "
            "Home > Integration > Overview\n"
            "REGIONAL INTEGRATION\n"
            "The Kingdom values its neighbours.\n")
    assert _subject(text, "en", registry) == "SWZ"


def test_a_breadcrumb_names_no_masthead_state(registry) -> None:  # noqa: ANN001
    # the state after the breadcrumb's arrow is the partner the page is filed under
    text = ("Ministry of Foreign Affairs | Home > Countries > Chile\n"
            "BILATERAL NOTES\n"
            "Relations are warm.\n")
    assert _subject(text, "en", registry) is None


def test_an_anniversary_dates_a_yearless_dateline() -> None:
    text = ("LUSAKA, Oct 2 - The minister arrived on Monday. The trip marks the 40th anniversary "
            "of the republic's independence.\n\nThe territory became independent in October "
            "1964 after decades of British rule.")
    assert year_from_text(text, find_dates(text)) == 2004


def test_an_anniversary_needs_a_sentence_about_what_it_celebrates() -> None:
    text = ("LUSAKA, Oct 2 - The envoy came in March for the 60th anniversary of the end of the "
            "war. A trade office had opened in 1990.")
    assert year_from_text(text, find_dates(text)) is None


def test_the_preferential_trade_area(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Zambia\n\nZambia joined the Preferential Trade Area for "
            "Eastern and Southern Africa in 1982.")
    got = [(m["organization"], m.get("start")) for m in _facts(text, registry, "membership")]
    assert ("Preferential Trade Agreement for Southern & Eastern Africa", "1982") in got


def test_an_acronym_only_body_keeps_the_list_going(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Ét-xoa-ti-ni\n\nÉt-xoa-ti-ni là thành viên của: Liên hợp "
            "quốc (từ 24/9/1968), Một tổ chức khu vực nào đó (SACU), Tổ chức Thương mại Thế "
            "giới (từ 1995).")
    got = {(m["organization"], m.get("start")) for m in _facts(text, registry, "membership")}
    assert ("World Trade Organization", "1995") in got
    assert ("United Nations", "1968-09-24") in got
    assert not any(org == "Southern African Customs Union" for org, _ in got)  # undated


def test_gapped_partners_after_date_from(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Lesotho\n\nRelations with Chile date from March 1980, with "
            "Peru from 2 June 1984 and with Fiji from 9 May 1990.")
    got = {(tuple(sorted(r["parties"])), r.get("date")) for r in _facts(text, registry, "relation")}
    assert (("Chile", "Lesotho"), "1980-03") in got
    assert (("Lesotho", "Peru"), "1984-06-02") in got
    assert (("Fiji", "Lesotho"), "1990-05-09") in got


def test_the_kingdom_is_not_the_united_kingdom(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Lesotho\n\nLesotho became independent from the United "
            "Kingdom in 1966. Two ministers paid visits to the kingdom in 2010.")
    ctx = Context.build(text, "en", gazetteer(registry), None)
    at = text.index("the kingdom")
    assert not [m for m in ctx.mentions if m.start == at and m.key == "GBR"]
