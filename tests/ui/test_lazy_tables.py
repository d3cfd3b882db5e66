"""A folded reference table of more than ``LAZY_ROWS`` rows is not written into its page
(server/page_layout.py, server/linked_data.py): the page reads and writes only its summary and
a link to the group's own view, where the table is open; ``pages.js`` fetches that view when the
table is opened (tests/ui/test_reference_summary_browser.py, in Chromium). A real on-disk
store: the UI fixture plus Mongolia's leaders (Archigos-shaped, more than ``LAZY_ROWS``) and
three alliance spells (fewer: written into the page, folded, as before)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask

from diplograph.server.page_layout import LAZY_ROWS

from .conftest import BASE, fixture_app_with
from .test_reference_summary import SPELLS, _data

HTML = {"Accept": "text/html"}
ID = BASE + "id/"
DG = "https://diplograph.org/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
#: Mongolia's leaders written here: more than a page's folded table holds
LEADERS = LAZY_ROWS + 5


def leaders_data() -> str:
    """Turtle of :data:`LEADERS` leader tenures of Mongolia, one year each from 1921."""
    out = [f"<{ID}dataset/archigos> a <{DG}ReferenceDataset> ; "
           f'<http://purl.org/dc/terms/title> "Archigos 4.1 (test rows)"@en .']
    for n in range(LEADERS):
        year = 1921 + n
        f, person = f"<{ID}fact/archigos/MON-test-{n}>", f"<{ID}leader/MON-test-{n}>"
        out.append(
            f"{f} a <{DG}Fact>, <{DG}LeaderTenure> ; <{DG}involves> <{ID}state/MNG> ; "
            f"<{DG}leader> {person} ; "
            f'<{DG}startDateEarliest> "{year}-01-01"^^<{XSD}date> ; '
            f'<{DG}endDateLatest> "{year}-12-31"^^<{XSD}date> ; '
            f"<{PROV}wasDerivedFrom> <{ID}dataset/archigos> .")
        out.append(f'{person} <{RDFS}label> "Leader number {n}"@en .')
    return "\n".join(out)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with fixture_app_with(tmp_path_factory.mktemp("lazy") / "store",
                          _data() + "\n" + leaders_data(),
                          "https://diplograph.org/graph/dataset/test-lazy") as app:
        yield app


def _section(html: str, group: str) -> str:
    section = html[html.index(f'<section class="panel facts" id="{group}"'):]
    return section[:section.index("</section>")]


def test_a_long_folded_table_is_a_link_and_a_short_one_is_written(app: Flask) -> None:
    page = app.test_client().get("/page/state/MNG", headers=HTML).get_data(as_text=True)
    leaders = _section(page, "leaders")
    # the summary line counts every row; the table is not in the page, a link stands for it
    assert re.search(rf"<strong>{LEADERS}</strong> from reference data sets", leaders)
    assert '<details class="reference" data-rows="?kind=leaders" data-group="leaders">' in leaders
    assert f"Show the table ({LEADERS})" in leaders
    assert '<a href="?kind=leaders#leaders">Open this table on its own page</a>' in leaders
    assert '<tr id="fact-' not in leaders and "Leader number" not in leaders
    # a short reference table is written into the page, folded, as before
    alliances = _section(page, "alliances")
    assert "data-rows" not in alliances
    assert alliances.count('<tr id="fact-') == len(SPELLS)
    assert "pages.js" in page


def test_the_link_opens_the_table_with_every_row(app: Flask) -> None:
    page = app.test_client().get("/page/state/MNG?kind=leaders",
                                 headers=HTML).get_data(as_text=True)
    leaders = _section(page, "leaders")
    assert '<details class="reference" open>' in leaders
    assert leaders.count('<tr id="fact-') == LEADERS
    assert all(f">Leader number {n}</a>" in leaders for n in range(LEADERS))


def test_the_other_filters_go_along_to_the_groups_view(app: Flask) -> None:
    page = app.test_client().get("/page/state/MNG?source=data&from=1920&to=2000",
                                 headers=HTML).get_data(as_text=True)
    # asked for the data sets' rows: every reference table is open, none left out
    assert "data-rows" not in page
    page = app.test_client().get("/page/state/MNG?from=1900&to=2000",
                                 headers=HTML).get_data(as_text=True)
    assert 'data-rows="?from=1900&amp;to=2000&amp;kind=leaders"' in _section(page, "leaders")
