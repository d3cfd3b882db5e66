"""The twenty-third round of extraction (issue 16): day ranges told in narrative, numbered
meetings, with `corpus/test24/` and `corpus/test25/` as development and every part measured.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts


def _visits(text: str, registry, lang: str | None = None) -> list[tuple]:
    """(visitor, host, date, start, end) of the text's visits."""
    out = []
    for v in facts(text, registry, "event", lang):
        if v["event_type"] != "visit":
            continue
        who = {p["role"]: p["actor"] for p in v["participants"]}
        out.append((who.get("visitor"), who.get("host"), v.get("date"), v.get("start"),
                    v.get("end")))
    return sorted(out, key=str)


# --- 1. day ranges told in narrative ------------------------------------------------------------


def test_a_visit_counted_from_a_flight_in(registry) -> None:
    got = _visits("SUVA, March 6 (2025) - The President of Chile and his wife had flown in on "
                  "Tuesday for a three-day state visit to Fiji.", registry)
    assert ("Chile", "Fiji", None, "2025-03-04", "2025-03-06") in got


def test_the_leg_before_ends_on_the_day_of_arrival(registry) -> None:
    got = _visits("SUVA, March 6 (2025) - The President of Chile had flown in on Tuesday from "
                  "New Zealand, where he ended a five-day tour, for a three-day state visit to "
                  "Fiji.", registry)
    assert ("Chile", "New Zealand", None, "2025-02-28", "2025-03-04") in got
    assert ("Chile", "Fiji", None, "2025-03-04", "2025-03-06") in got


def test_a_leg_needs_its_length(registry) -> None:
    # guard: "where he ended a tour" gives no first day: no leg is invented
    got = _visits("SUVA, March 6 (2025) - The President of Chile had flown in on Tuesday from "
                  "New Zealand, where he ended a tour, for a three-day state visit to Fiji.",
                  registry)
    assert not any(host == "New Zealand" for _, host, *_ in got)


def test_the_second_day_of_a_visit_of_given_length(registry) -> None:
    got = _visits("OTTAWA, June 12, 2025 - Prime Minister Mark Carney welcomed Irish President "
                  "Michael Higgins to Ottawa on Thursday for a state visit. Higgins, on the "
                  "second day of a four-day state visit, held talks with Carney.", registry)
    assert ("Ireland", "Canada", None, "2025-06-11", "2025-06-14") in got


def test_the_second_day_of_a_visit_without_length_gives_its_start_only(registry) -> None:
    got = _visits("OTTAWA, June 12, 2025 - Irish President Michael Higgins held talks with Prime "
                  "Minister Mark Carney in Ottawa on Thursday, the second day of a visit that is "
                  "his first to Canada.", registry)
    assert ("Ireland", "Canada", None, "2025-06-11", None) in got


def test_the_second_day_of_another_day_is_not_read(registry) -> None:
    # guard: the sentence's own day is not the visit's: the visit keeps its date
    got = _visits("OTTAWA, June 12, 2025 - Irish President Michael Higgins arrived in Ottawa on "
                  "Thursday for a state visit. On 20 June, the second day of a visit to Mexico, "
                  "he met students.", registry)
    assert ("Ireland", "Canada", "2025-06-12", None, None) in got


def test_a_year_in_a_name_does_not_date_the_visit(registry) -> None:
    got = _visits("Hà Nội, 10/3/2025 - Thủ tướng đang thăm chính thức Brazil và dự Diễn đàn "
                  "Kinh tế G20 2025 từ ngày 8 đến 11/3.", registry, "vi")
    assert ("Vietnam", "Brazil", None, "2025-03-08", "2025-03-11") in got


def test_a_plain_year_still_dates_the_visit(registry) -> None:
    # guard: "năm 2019" is the visit's year, not a name's
    got = _visits("Thủ tướng Việt Nam thăm chính thức Brazil năm 2019.", registry, "vi")
    assert ("Vietnam", "Brazil", "2019", None, None) in got
