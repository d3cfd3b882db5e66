"""Round 48 (session 26): one reader of a page's labelled items, whatever their words.

1. (A) A line or list item (a bullet, a dash or none) that begins with the names of
   organisations, then a colon or a dash between spaces, then any run of the words of
   membership, role and time ("admitted", "participating State from", "accession completed",
   "observer (…)"), then a date, is a membership of the page's state; under a heading on
   organisations a date alone suffices, under any other heading the value must say membership.
2. (B) A row led by a state and labelled "diplomatic relations:" before its date is a relation,
   where the line goes on after the date (a semicolon, another sentence).
3. (C) A list item with a value after its colon is no heading, even where the date reader does
   not know the value's date.
4. (D) A dotted day, month and year ("14.5.1993") is a date.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest
from fact_checks import facts as _facts  # (the registry: conftest.py)

from diplograph.extraction.dates import find_dates

PAGE = ("Home > Foreign policy > Multilateral\n"
        "ESTONIA IN THE WORLD\n"
        "Updated: March 2025\n\n"
        "Membership of international organisations\n"
        "• United Nations — admitted 17 September 1991\n"
        "• OSCE: participating State from 10 September 1991\n"
        "• Council of Europe: 14.5.1993\n"
        "• OECD: accession completed 9 December 2010\n"
        "• Organisation internationale de la Francophonie: observer (2010)\n\n"
        "Bilateral partners\n"
        "Japan - diplomatic relations: 6 March 1992; embassy in Tokyo\n"
        "Brazil - diplomatic relations: 29 April 1992. No resident embassy.\n\n"
        "Other bodies\n"
        "WTO: member since 13 November 1999\n"
        "Interpol: 1992\n")


def _members(text: str, registry) -> dict[str, tuple[str, list[str]]]:  # noqa: ANN001
    return {m["organization"]: (m["start"], m.get("roles", ["full"]))
            for m in _facts(text, registry, "membership") if m["member"] == "Estonia"}


def test_labelled_items_of_organisations_in_any_words(registry) -> None:  # noqa: ANN001
    got = _members(PAGE, registry)
    assert got["United Nations"] == ("1991-09-17", ["full"])
    assert got["Organization for Security and Cooperation in Europe"] == ("1991-09-10", ["full"])
    assert got["Organization for Economic Cooperation and Development"] == ("2010-12-09",
                                                                           ["full"])
    assert got["International Organisation of La Francophonie"] == ("2010", ["observer"])


def test_a_value_that_says_membership_under_any_heading(registry) -> None:  # noqa: ANN001
    got = _members(PAGE, registry)
    assert got["World Trade Organization"] == ("1999-11-13", ["full"])
    # a date alone needs a heading on organisations
    assert "International Criminal Police Organization" not in got


def test_a_list_item_is_no_heading_and_a_dotted_date(registry) -> None:  # noqa: ANN001
    assert _members(PAGE, registry)["Council of Europe"] == ("1993-05-14", ["full"])


def test_words_outside_the_vocabulary_and_negations_are_not_read(registry) -> None:  # noqa: ANN001
    text = PAGE.replace("• OECD: accession completed 9 December 2010",
                        "• OECD: talks opened 9 December 2010").replace(
        "• United Nations — admitted 17 September 1991",
        "• United Nations — not a member in 1991")
    got = _members(text, registry)
    assert "Organization for Economic Cooperation and Development" not in got
    assert "United Nations" not in got


def test_rows_labelled_diplomatic_relations(registry) -> None:  # noqa: ANN001
    got = {(tuple(sorted(r["parties"])), r.get("date"))
           for r in _facts(PAGE, registry, "relation")}
    assert (("Estonia", "Japan"), "1992-03-06") in got
    assert (("Brazil", "Estonia"), "1992-04-29") in got


def test_a_state_row_without_its_label_needs_a_heading_on_relations(registry) -> None:  # noqa: ANN001
    text = PAGE.replace("Japan - diplomatic relations: 6 March 1992",
                        "Japan - trade office: 6 March 1992")
    got = {tuple(sorted(r["parties"])) for r in _facts(text, registry, "relation")}
    assert ("Estonia", "Japan") not in got


@pytest.mark.parametrize("text, want", [
    ("joined on 14.5.1993", ["1993-05-14"]),
    ("signed 31.12.2020.", ["2020-12-31"]),
    ("release 1.2.2010.5 of the software", []),
    ("section 3.14.2001", []),
])
def test_a_dotted_day_month_year(text, want) -> None:  # noqa: ANN001
    assert [d.value for d in find_dates(text, "en")] == want
