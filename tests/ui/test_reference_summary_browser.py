"""In headless Chromium, against the real server as a process: a folded reference-data group
opens from the keyboard, a long one reads its rows when opened, and the alliance and conflict
charts and maps of a state render (tests/ui/test_reference_summary.py and
tests/ui/test_lazy_tables.py have the store's rows and check the numbers)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from diplograph.graph.store import open_store
from diplograph.loaders.lookup_tables import TABLES
from diplograph.loaders.registry import default_data_dir
from diplograph.server import worldmap

from .conftest import MISSING, QUERIES, load_fixture, serving
from .test_lazy_tables import LEADERS, leaders_data
from .test_reference_summary import SPELLS, _data

if MISSING:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytestmark = pytest.mark.skipif(False, reason="")

        def test_browser_is_installed_under_ci() -> None:
            pytest.fail(f"CI is set but the browser test cannot run: {MISSING}")
    else:
        pytestmark = pytest.mark.skip(reason=MISSING)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("refsum-browser")
    store_dir = tmp / "store"
    load_fixture(store_dir)
    store = open_store(store_dir)
    store.load((_data() + "\n" + leaders_data()).encode(), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://diplograph.org/graph/dataset/test-conflicts"))
    table = TABLES["iso3166-numeric"]  # the build's ISO table, by which the map names states
    store.load("".join(table.quads(default_data_dir())).encode(), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode(table.DATASET.graph))
    store.flush()
    del store
    with serving(tmp, "--store", str(store_dir),
                 env={"DIPLOGRAPH_QUERIES_DIR": str(QUERIES)}) as url:
        yield url


def test_folded_group_opens_from_the_keyboard(site: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(site + "page/state/MNG")  # type: ignore[attr-defined]
    group = d.find_element(By.ID, "alliances")  # type: ignore[attr-defined]
    details = group.find_element(By.CSS_SELECTOR, "details.reference")
    rows = group.find_elements(By.CSS_SELECTOR, "details.reference tr[id^='fact-']")
    assert len(rows) == len(SPELLS)
    assert not details.get_property("open")
    assert not any(r.is_displayed() for r in rows)  # folded
    assert group.find_element(By.CSS_SELECTOR, ".ref-summary").is_displayed()
    summary = details.find_element(By.TAG_NAME, "summary")
    d.execute_script("arguments[0].scrollIntoView(); arguments[0].focus()", summary)  # type: ignore[attr-defined]
    assert d.switch_to.active_element == summary  # type: ignore[attr-defined]  # focusable
    summary.send_keys(Keys.ENTER)
    assert details.get_property("open")
    assert all(r.is_displayed() for r in rows)


def test_a_long_folded_group_reads_its_rows_when_opened(site: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    d = browser
    d.get(site + "page/state/MNG")  # type: ignore[attr-defined]
    group = d.find_element(By.ID, "leaders")  # type: ignore[attr-defined]
    details = group.find_element(By.CSS_SELECTOR, "details.reference")
    assert not details.get_property("open")
    assert not group.find_elements(By.CSS_SELECTOR, "tr[id^='fact-']")  # not in the page
    summary = details.find_element(By.TAG_NAME, "summary")
    d.execute_script("arguments[0].scrollIntoView(); arguments[0].focus()", summary)  # type: ignore[attr-defined]
    summary.send_keys(Keys.ENTER)
    rows = WebDriverWait(d, 20).until(  # the group's view, fetched and put in place
        lambda drv: group.find_elements(By.CSS_SELECTOR, "details.reference tr[id^='fact-']"))
    assert len(rows) == LEADERS and all(r.is_displayed() for r in rows)
    assert not group.find_elements(By.CSS_SELECTOR, ".lazy-rows")  # the link was replaced
    assert details.get_attribute("aria-busy") is None
    assert "Leader number 0" in group.text


def _loaded_image(d: object, css: str) -> tuple[int, int]:
    from selenium.webdriver.support.ui import WebDriverWait

    def size(drv: object) -> tuple[int, int] | bool:
        w, h = drv.execute_script(  # type: ignore[attr-defined]
            "const i = document.querySelector(arguments[0]); i.scrollIntoView();"
            "return i.complete ? [i.naturalWidth, i.naturalHeight] : [0, 0]", css)
        return (w, h) if w > 0 else False

    return WebDriverWait(d, 20).until(size)  # type: ignore[no-any-return]


def test_alliance_and_conflict_pictures_render(site: str, browser: object) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    d = browser
    d.get(site + "page/state/MNG")  # type: ignore[attr-defined]
    for series in ("alliances", "conflicts"):
        w, h = _loaded_image(d, f"img[src*='series={series}']")
        # a broken image has no size; a drawn SVG has its viewBox's shape (640 x 220)
        assert w > 0 and abs(h / w - 220 / 640) < 0.02, (series, w, h)
    if not worldmap.available():
        return
    for by in ("alliances", "opponents"):
        shapes = WebDriverWait(d, 20).until(lambda drv, by=by: drv.execute_script(  # type: ignore[misc]
            "const o = document.querySelector(`object[data*='by=${arguments[0]}']`);"
            "o.scrollIntoView(); const doc = o.contentDocument;"
            "return doc && doc.querySelectorAll('path').length", by))
        assert shapes > 150, by
