"""Round 52 (session 28): visits, meetings and agreements as unseen pages tell them.

1. A dotted range of days in one month ("06-07.09.2014", "3-6.11.2015"), as European and South
   Asian ministry pages write them, is a range of days (never inside a longer run of dotted
   numbers; a range whose first day is not before its last is none).
2. The sides of a Vietnamese ministry page's visits list named in the page's own voice,
   "Phía ta:" (Viet Nam) and "Phía bạn:" (the partner the page is about), as round 24's list
   reader reads "Phía Việt Nam:" and "Phía Mông Cổ:".
3. A yearless dateline takes its year from an anniversary whose two ends the text gives in
   brackets ("kỷ niệm 50 năm thiết lập quan hệ ngoại giao (20/2/1975 - 20/2/2025)"): the later
   end is the article's year, when the bracket spans exactly the years the anniversary counts.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

from fact_checks import facts, key  # (the registry: conftest.py)

from diplograph.extraction.dates import find_dates, year_from_text


def _values(text: str) -> list:
    return [d.value for d in find_dates(text)]


def test_a_dotted_range_of_days_is_a_range() -> None:
    assert _values("The minister was in Ljubljana on 06-07.09.2014.") == [
        {"from": "2014-09-06", "to": "2014-09-07"}]
    assert _values("Visits: Premier A to Slovenia, 3-6.11.2015 | Premier B") == [
        {"from": "2015-11-03", "to": "2015-11-06"}]


def test_a_dotted_run_that_is_no_range_stays_as_before() -> None:
    assert _values("release 1.2-3.4.2010.5 of the software") == []
    # a first day after the last: the dotted day alone, as before
    assert _values("on 7-6.11.2015") == ["2015-11-06"]
    assert _values("member from 14.5.1993") == ["1993-05-14"]


def test_a_visit_dated_by_a_dotted_range(registry) -> None:  # noqa: ANN001
    text = ("Slovenia - Portugal Relations\n\n"
            "Prime Minister Janez Novak of Slovenia visited Portugal on 11-13.06.2019, the "
            "first such visit in a decade.")
    visits = [e for e in facts(text, registry, "event") if e["event_type"] == "visit"]
    assert any(e.get("start") == "2019-06-11" and e.get("end") == "2019-06-13"
               for e in visits)


_PAGE = ("Trang chủ > Các nước và vùng lãnh thổ > Châu Á > Mông Cổ\n"
         "MÔNG CỔ\n"
         "III. QUAN HỆ VỚI VIỆT NAM\n"
         "1. Quan hệ chính trị: Hai nước thiết lập quan hệ ngoại giao ngày 17/11/1954.\n"
         "2. Các chuyến thăm:\n"
         "- Phía ta: Bộ trưởng Ngoại giao Nguyễn Văn Hòa (12-14/4/1999); Phó Thủ tướng Trần "
         "Minh Quân (8-9/10/2006).\n"
         "- Phía bạn: Thủ tướng Ba-ta-ren (20-22/6/2001); Chủ tịch Quốc hội Đa-va-a (2011).\n")


def _visits(text: str, registry) -> dict[tuple[str, str], dict]:  # noqa: ANN001
    out = {}
    for e in facts(text, registry, "event", "vi"):
        if e["event_type"] != "visit":
            continue
        roles = {p["role"]: p for p in e["participants"]}
        out[(key(registry, roles["visitor"]["actor"]), e.get("start") or e.get("date"))] = e
    return out


def test_the_sides_of_a_list_in_the_pages_own_voice(registry) -> None:  # noqa: ANN001
    got = _visits(_PAGE, registry)
    vnm, mng = key(registry, "Vietnam"), key(registry, "Mongolia")
    ours = got.get((vnm, "1999-04-12"))
    assert ours is not None and ours["end"] == "1999-04-14"
    assert key(registry, ours["place"]) == mng
    theirs = got.get((mng, "2001-06-20"))
    assert theirs is not None and key(registry, theirs["place"]) == vnm
    assert (theirs["participants"][0].get("post") or {}).get("office") == "prime-minister"
    assert (mng, "2011") in got


def test_own_voice_sides_need_a_page_of_viet_nam_and_one_partner(registry) -> None:  # noqa: ANN001
    text = _PAGE.replace("QUAN HỆ VỚI VIỆT NAM", "QUAN HỆ VỚI TRUNG QUỐC").replace(
        "Hai nước thiết lập", "Mông Cổ và Trung Quốc thiết lập")
    vnm = key(registry, "Vietnam")
    assert not any(k[0] == vnm for k in _visits(text, registry))


def test_an_anniversary_span_in_brackets_gives_a_yearless_dateline_its_year() -> None:
    text = ("Hà Nội, 14/5 (TTXVN) - Sáng 14/5, Phó Thủ tướng tiếp Đại sứ Mông Cổ. Năm nay "
            "hai nước kỷ niệm 70 năm thiết lập quan hệ ngoại giao (17/11/1954 - 17/11/2024), "
            "và đầu năm 2023 hai bên đã ký kế hoạch hợp tác.")
    assert year_from_text(text, find_dates(text)) == 2024


def test_a_bracket_that_does_not_span_the_anniversary_gives_no_year() -> None:
    text = ("Hà Nội, 14/5 (TTXVN) - Sáng 14/5, Phó Thủ tướng tiếp Đại sứ Mông Cổ. Hai nước "
            "kỷ niệm 70 năm thiết lập quan hệ ngoại giao (1954 - 2020) và năm 2023 hai bên "
            "đã ký kế hoạch hợp tác.")
    assert year_from_text(text, find_dates(text)) is None


def test_an_anniversary_in_a_year_the_sentence_names_gives_no_year() -> None:
    text = ("Hà Nội, 14/5 (TTXVN) - Sáng 14/5, Phó Thủ tướng tiếp Đại sứ Mông Cổ. Hai bên nhất "
            "trí tăng cường trao đổi đoàn, nhất là trong năm 2024, khi hai nước kỷ niệm 70 năm "
            "thiết lập quan hệ ngoại giao (17/11/1954 - 17/11/2024).")
    assert year_from_text(text, find_dates(text)) is None


def test_that_month_is_the_month_of_the_year_just_named() -> None:
    assert _values("The embassy opened in March 1994, and its consulate opened that "
                   "October.") == ["1994-03", "1994-10"]
    # a capitalised month only: "that may" is a verb; a day after the month is a date
    assert _values("In 2010 the minister said that may be so.") == ["2010"]


_ANNIVERSARY = ("Hà Nội, 14/5 (TTXVN) - Sáng nay, Chủ tịch nước chủ trì lễ đón Tổng thống Mông Cổ "
                "Ba-ta-ren, đang thăm cấp Nhà nước Việt Nam từ ngày 13 đến ngày 15/5. Đây là lần "
                "đầu Tổng thống Ba-ta-ren sang thăm Việt Nam, vào dịp hai nước kỷ niệm 70 năm "
                "thiết lập quan hệ ngoại giao (17/11/1954 - 17/11/2024). Cùng ngày, Thủ tướng "
                "tiếp Tổng thống Ba-ta-ren tại Trụ sở Chính phủ.")


def test_the_same_day_is_not_an_end_of_an_anniversary_span() -> None:
    got = {_ANNIVERSARY[d.start : d.end]: d.value for d in find_dates(_ANNIVERSARY)}
    assert got["Cùng ngày"] == "2024-05-14"


def test_an_anniversary_span_after_a_visit_does_not_date_it(registry) -> None:  # noqa: ANN001
    events = facts(_ANNIVERSARY, registry, "event", "vi")
    assert not any(e.get("date") in ("1954-11-17", "2024-11-17") for e in events)
    relations = facts(_ANNIVERSARY, registry, "relation", "vi")
    assert any(r.get("date") == "1954-11-17" for r in relations)
