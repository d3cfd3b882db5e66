"""The twenty-sixth round of extraction (issue 16): readings of constructions that carry to new
writers' texts (a year-less dateline's year from the elapsed time the text states, ...), every
corpus part measured.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.dates import find_dates, year_from_text
from diplograph.extraction.pipeline import extract_text


def _events(text: str, registry) -> list[tuple]:
    return [(c.data["event_type"], c.data.get("date"), c.data.get("start"), tuple(c.flags))
            for c in extract_text(text, None, registry).candidates if c.type == "event"]


# --- 1. a year-less dateline's year from the elapsed time the text states ----------------------

def test_elapsed_years_since_a_year_in_the_same_sentence() -> None:
    text = ("Lào và Campuchia ký hiệp định mới\n\nViêng Chăn, 14/3 (diplograph) - Sáng nay hai "
            "thủ tướng hội đàm. Đây là cuộc hội đàm đầu tiên sau 9 năm, kể từ năm 2021.")
    found = find_dates(text)
    line = found[0]
    assert (line.value, line.flags) == ("2030-03-14", ("year-from-text",))
    # "Sáng nay" is now the dateline's day
    assert any(d.value == "2030-03-14" and "relative" in d.flags for d in found)


def test_decades_in_words_and_a_year_two_sentences_later() -> None:
    text = ("OSLO, Feb 3 - Chile's president arrived in Norway on Monday, the first such visit "
            "in three decades. He was met by the king. The last one came in May 2001.")
    assert find_dates(text)[0].value == "2031-02-03"


def test_an_anniversary_of_relations_counted_from_their_year() -> None:
    text = ("SUVA, Nov 9 - The two leaders unveiled a plaque marking forty years of diplomatic "
            "relations, which the two states established in 1992.")
    assert find_dates(text)[0].value == "2032-11-09"


def test_guard_two_readings_that_disagree_give_no_year() -> None:
    text = ("SUVA, Nov 9 - The leaders marked forty years of relations established in 1992. "
            "It was the first visit in ten years, after one in 2015.")
    assert year_from_text(text, find_dates(text)) is None
    assert "year-from-text" not in find_dates(text)[0].flags


def test_guard_no_elapsed_time_no_year() -> None:
    # a year-less dateline and a year in the text, but nothing says how long ago it was
    text = "SUVA, Nov 9 - The two leaders met on Monday. Their states signed a treaty in 1992."
    found = find_dates(text)
    assert found[0].value is None and "unresolved" in found[0].flags


def test_guard_a_duration_with_several_years_in_its_sentence() -> None:
    text = ("SUVA, Nov 9 - It was his first visit in 12 years; the two states signed treaties "
            "in 1990 and 2004.")
    assert year_from_text(text, find_dates(text)) is None


def test_guard_a_dated_dateline_is_never_changed() -> None:
    text = "SUVA, Nov 9, 2027 - It was his first visit in 12 years, after one in 2001."
    assert find_dates(text)[0].value == "2027-11-09"


def test_a_meeting_of_a_yearless_dateline_is_dated(registry) -> None:
    text = ("Thủ tướng Lào hội đàm với Thủ tướng Campuchia\n\nPhnôm Pênh, 5/6 (diplograph) - "
            "Chiều nay, Thủ tướng Campuchia hội đàm với Thủ tướng Lào. Đây là chuyến thăm "
            "Campuchia đầu tiên của một Thủ tướng Lào sau 11 năm, kể từ năm 2020.")
    got = _events(text, registry)
    assert ("meeting", "2031-06-05") in [(t, d) for t, d, _, _ in got]
