"""An entity page in many facts, read in steps: the counts, filters, pages and timeline come from
one row per fact, the details only for the facts shown (server/linked_data.py, #12 and #14).

A real on-disk store holds the UI fixture plus 250 reference-data membership spells of
Mongolia (one per year from 1765, in a data-set graph) and 3 document events: the page must
count all of them, show 100 rows a page in SPARQL order, page to the last 50, filter, and
draw at most 150 timeline rows, each with its full row of details.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .conftest import BASE, fixture_app_with

HTML = {"Accept": "text/html"}
SPELLS = 250
DG = "https://diplograph.org/ontology#"
ORG = "http://www.w3.org/ns/org#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _spells() -> str:
    rows = []
    for i in range(SPELLS):
        year = 1765 + i
        f = f"<{BASE}id/fact/test-spells/mng-{i:03d}>"
        rows.append(
            f"{f} a <{DG}Fact>, <{DG}Membership> ; <{ORG}member> <{BASE}id/state/MNG> ; "
            f"<{ORG}organization> <{BASE}id/org/UN> ; <{DG}involves> <{BASE}id/state/MNG> ; "
            f'<{DG}startDate> "{year}"^^<{XSD}gYear> ; '
            f'<{DG}startDateEarliest> "{year}-01-01"^^<{XSD}date> ; '
            f'<{DG}endDate> "{year}"^^<{XSD}gYear> ; '
            f'<{DG}endDateLatest> "{year}-12-31"^^<{XSD}date> ; '
            f"<http://www.w3.org/ns/prov#wasDerivedFrom> <{BASE}id/dataset/test-spells> .")
    return "\n".join(rows)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with fixture_app_with(tmp_path_factory.mktemp("paging") / "store", _spells(),
                          "https://diplograph.org/graph/dataset/test-spells") as app:
        yield app


def _rows(html: str, group: str) -> list[str]:
    section = html[html.index(f'id="{group}"'):]
    section = section[:section.index("</section>")]
    return re.findall(r'<tr id="fact-([^"]+)"', section)


def test_counts_pages_and_order(many: Flask) -> None:
    c: FlaskClient = many.test_client()
    page1 = c.get("/page/state/MNG", headers=HTML).get_data(as_text=True)
    # the document membership plus the 250 spells, all counted, 100 shown
    assert re.search(r'href="#memberships">[^<]*</a> <span class="muted">\(251\)', page1)
    # the first page's 99 spells are a folded table too long to write into the page
    # (page_layout.LAZY_ROWS): the document row is written, the table is read when opened,
    # from the group's own view, where it is open
    assert _rows(page1, "memberships") == ["un-member"]
    assert 'data-rows="?kind=memberships"' in page1
    assert "page 1 of 3" in page1
    view = c.get("/page/state/MNG?kind=memberships", headers=HTML).get_data(as_text=True)
    rows = _rows(view, "memberships")
    assert len(rows) == 100 and rows[0] == "un-member"  # documents first
    assert rows[1:] == [f"mng-{i:03d}" for i in range(99)]  # then by start
    last = c.get("/page/state/MNG?page-memberships=3", headers=HTML).get_data(as_text=True)
    assert _rows(last, "memberships") == [f"mng-{i:03d}" for i in range(199, 250)]
    assert c.get("/page/state/MNG?page-memberships=4", headers=HTML).status_code == 404


def test_filters_work_on_the_whole_index(many: Flask) -> None:
    c: FlaskClient = many.test_client()
    period = c.get("/page/state/MNG?from=1900&to=1909&kind=memberships",
                   headers=HTML).get_data(as_text=True)
    assert _rows(period, "memberships") == [f"mng-{y - 1765:03d}" for y in range(1900, 1910)]
    data = c.get("/page/state/MNG?source=data", headers=HTML).get_data(as_text=True)
    assert "un-member" not in _rows(data, "memberships")
    assert re.search(r'href="#memberships">[^<]*</a> <span class="muted">\(250\)', data)
    docs = c.get("/page/state/MNG?source=documents", headers=HTML).get_data(as_text=True)
    assert _rows(docs, "memberships") == ["un-member"]


def test_timeline_is_capped_and_its_rows_have_details(many: Flask) -> None:
    c: FlaskClient = many.test_client()
    html = c.get("/page/state/MNG", headers=HTML).get_data(as_text=True)
    timeline = html[html.index('class="tl"'):]
    timeline = timeline[:timeline.index("</section>")]
    rows = re.findall(r'<div class="tl-row"', timeline)
    assert len(rows) == 150
    assert "more dated facts are not drawn" in html
    # a spell drawn on the timeline but beyond the first table page still has its label
    assert "/id/fact/test-spells/mng-140" in timeline
    label = timeline[timeline.index("/id/fact/test-spells/mng-140"):][:300]
    assert "United Nations" in label, label


# A page that more than LARGE_INDEX statements point at (a concept such as precision/year, a
# data set such as cow-igo-v3 on the real graph) is read by property, a page at a time (#12).
# Here the threshold is lowered so that the 250 spells' data set is such a page.

def _large(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.server import linked_data

    monkeypatch.setattr(linked_data, "LARGE_INDEX", 200)


def test_a_large_page_counts_by_property_and_pages_to_every_fact(
        many: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    _large(monkeypatch)
    c: FlaskClient = many.test_client()
    first = c.get("/page/dataset/test-spells", headers=HTML)
    assert first.status_code == 200
    html = first.get_data(as_text=True)
    assert re.search(r'href="#was-derived-from">[^<]*</a> <span class="muted">\(250\)', html)
    assert 'id="large-note"' in html and "250 statements point at it" in html
    assert 'class="tl"' not in html and 'name="from"' not in html  # no period, no timeline
    seen = _rows(html, "was-derived-from")
    assert len(seen) == 100 and "page 1 of 3" in html
    # the pager is a plain link (works without JavaScript): follow it to the end
    for n in (2, 3):
        link = re.search(r'<a rel="next" href="([^"]+)"', html)
        assert link is not None and f"page-was-derived-from={n}" in link.group(1)
        html = c.get("/page/dataset/test-spells" + link.group(1).replace("&amp;", "&"),
                     headers=HTML).get_data(as_text=True)
        seen += _rows(html, "was-derived-from")
    assert "page 3 of 3" in html and 'rel="next"' not in html
    assert sorted(seen) == [f"mng-{i:03d}" for i in range(SPELLS)]  # each fact once
    # each row is a full fact row: counterpart and span
    assert "United Nations" in html and "1765" not in html.split('id="was-derived-from"')[0]


def test_a_large_page_filters_and_refuses_what_it_cannot_do(
        many: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    _large(monkeypatch)
    c: FlaskClient = many.test_client()
    data = c.get("/page/dataset/test-spells?source=data", headers=HTML).get_data(as_text=True)
    assert len(_rows(data, "was-derived-from")) == 100
    docs = c.get("/page/dataset/test-spells?source=documents", headers=HTML)
    assert docs.status_code == 200
    assert 'id="was-derived-from"' not in docs.get_data(as_text=True)  # no document states one
    kind = c.get("/page/dataset/test-spells?kind=was-derived-from", headers=HTML)
    assert kind.status_code == 200
    period = c.get("/page/dataset/test-spells?from=1990", headers=HTML)
    assert period.status_code == 400 and b"period" in period.data
    bad = c.get("/page/dataset/test-spells?kind=%3Cscript%3Ex", headers=HTML)
    assert bad.status_code == 400 and b"<script>x" not in bad.data
    assert c.get("/page/dataset/test-spells?page-was-derived-from=4",
                 headers=HTML).status_code == 404
    assert c.get("/page/dataset/test-spells?page-was-derived-from=x",
                 headers=HTML).status_code == 400
    assert c.get("/page/dataset/test-spells?page-was-derived-from=" + "9" * 10_000,
                 headers=HTML).status_code == 404


def test_a_page_under_the_threshold_is_not_large(many: Flask) -> None:
    c: FlaskClient = many.test_client()
    # (another address than the tests above: the page cache keeps the page they made)
    html = c.get("/page/dataset/test-spells?source=all", headers=HTML).get_data(as_text=True)
    assert 'id="large-note"' not in html and 'name="from"' in html
