"""The query UI in a real browser: headless Chromium (Debian) driven by Selenium.

The server runs as a subprocess (``python -m diplograph serve``) on a fixture store; it and
the browser are started once per test run (``server`` and ``browser`` in ``conftest.py``).
Skipped, with the reason, only when Chromium/chromedriver or Selenium are missing and the
``CI`` environment variable is not set; under ``CI=true`` a missing browser fails the test.
Install with ``scripts/install_browser.sh``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import CHROMEDRIVER, CHROMIUM, MISSING, VENDOR, _wait

if MISSING:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytestmark = pytest.mark.skipif(False, reason="")

        def test_browser_is_installed_under_ci() -> None:
            pytest.fail(f"CI is set but the browser test cannot run: {MISSING}")
    else:
        pytestmark = pytest.mark.skip(reason=MISSING)


def test_basic_page_runs_a_named_query(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "?ui=basic")  # type: ignore[attr-defined]
    assert "Query the graph" in d.page_source  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, '.open-query[data-name="memberships"]').click()  # type: ignore[attr-defined]
    field = _wait(d, "#param-state")
    field.send_keys("https://diplograph.org/id/state/MNG")  # type: ignore[attr-defined]
    d.find_element(By.ID, "run-named").click()  # type: ignore[attr-defined]
    table = _wait(d, "#results-table")
    text = table.text  # type: ignore[attr-defined]
    assert "United Nations" in text
    assert "Mongolia did not join the UN until 1961" in text
    assert "1 row" in d.find_element(By.ID, "status").text  # type: ignore[attr-defined]


def test_basic_page_reports_a_bad_parameter(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "?ui=basic#memberships")  # type: ignore[attr-defined]
    _wait(d, "#param-state").send_keys("not an iri")  # type: ignore[attr-defined]
    d.find_element(By.ID, "run-named").click()  # type: ignore[attr-defined]
    _wait(d, "#status.error")
    status = d.find_element(By.ID, "status").text  # type: ignore[attr-defined]
    assert "400" in status and "state" in status


def test_basic_page_runs_free_sparql(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "?ui=basic")  # type: ignore[attr-defined]
    box = d.find_element(By.ID, "query")  # type: ignore[attr-defined]
    box.clear()
    box.send_keys("SELECT ?l WHERE { <https://diplograph.org/id/state/MNG> "
                  "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
    d.find_element(By.ID, "run").click()  # type: ignore[attr-defined]
    assert "Mông Cổ" in _wait(d, "#results-table").text  # type: ignore[attr-defined]


@pytest.mark.skipif(not (VENDOR / "yasgui.min.js").exists(),
                    reason="YASGUI is not vendored (run scripts/install_ui.sh)")
def test_yasgui_runs_a_named_query_tab(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    d.find_element(By.CSS_SELECTOR, '.open-query[data-name="states"]').click()  # type: ignore[attr-defined]
    _wait(d, ".tabPanel.active .yasqe_queryButton").click()  # type: ignore[attr-defined]
    table = _wait(d, ".tabPanel.active .yasr table", timeout=30)
    assert "Mongolia" in table.text and "Vietnam" in table.text  # type: ignore[attr-defined]
    # Nothing was requested from another host.
    hosts = d.execute_script(  # type: ignore[attr-defined]
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).host)"
    )
    assert set(hosts) <= {server.split("//")[1].rstrip("/")}, hosts


def test_screenshots(server: str, browser: object) -> None:
    """Screenshots of ``/`` and an entity page for a human look (in $TMPDIR)."""
    d = browser
    out = Path(os.environ.get("DIPLOGRAPH_SCREENSHOTS", "/tmp"))
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, "h1")
    d.save_screenshot(str(out / "diplograph-index.png"))  # type: ignore[attr-defined]
    d.get(server + "page/state/MNG")  # type: ignore[attr-defined]
    assert "Mông Cổ" in _wait(d, "#labels").text  # type: ignore[attr-defined]
    d.save_screenshot(str(out / "diplograph-entity.png"))  # type: ignore[attr-defined]
    d.get(server + "page/fact/vn-mn-relations-2023/un-member")  # type: ignore[attr-defined]
    assert "until 1961" in _wait(d, "mark.exact").text  # type: ignore[attr-defined]
    d.save_screenshot(str(out / "diplograph-fact.png"))  # type: ignore[attr-defined]


def test_search_box_suggests_and_opens_an_entity(server: str, browser: object) -> None:
    """Typing in the header's search box lists suggestions (keyboard-navigable); Enter on one
    opens its page; the page's timeline axis stays in view while its rows scroll."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(server + "page/state/VNM")  # type: ignore[attr-defined]
    box = _wait(d, "#site-search")
    box.send_keys("Mông")  # type: ignore[attr-defined]
    option = _wait(d, "#site-search-list li")
    assert "Mongolia" in option.text  # type: ignore[attr-defined]
    assert box.get_attribute("aria-expanded") == "true"  # type: ignore[attr-defined]
    box.send_keys(Keys.ARROW_DOWN)  # type: ignore[attr-defined]
    assert box.get_attribute("aria-activedescendant") == "site-search-option-0"  # type: ignore[attr-defined]
    box.send_keys(Keys.ENTER)  # type: ignore[attr-defined]
    assert "Mông Cổ" in _wait(d, "#labels").text  # type: ignore[attr-defined]
    assert d.current_url.endswith("/page/state/MNG")  # type: ignore[attr-defined]
    axis = d.find_element(By.CSS_SELECTOR, ".tl-axis")  # type: ignore[attr-defined]
    d.execute_script("document.querySelector('.tl').scrollTop = 200")  # type: ignore[attr-defined]
    assert d.execute_script(  # type: ignore[attr-defined]
        "return getComputedStyle(arguments[0]).position", axis) == "sticky"


def test_search_works_without_javascript(server: str, tmp_path_factory: pytest.TempPathFactory,
                                         ) -> None:
    """With JavaScript off the search box is a plain form: submitting it lists results."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--no-first-run", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-nojs')}"):
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        d.get(server + "page/state/")
        assert "Mongolia" in d.find_element(By.ID, "entities").text
        box = d.find_element(By.ID, "site-search")
        box.send_keys("lien hop quoc")
        box.submit()
        hits = d.find_element(By.ID, "hits")
        assert "United Nations" in hits.text
        assert d.find_element(By.ID, "site-search-list").get_attribute("hidden") is not None
    finally:
        d.quit()


@pytest.mark.skipif(not (VENDOR / "yasgui.min.js").exists(),
                    reason="YASGUI is not vendored (run scripts/install_ui.sh)")
def test_yasgui_completes_entity_names_to_iris(server: str, browser: object) -> None:
    """In the query editor, a name followed by Ctrl+Space offers our entities by label and
    inserts the chosen one's IRI."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    d.execute_script(  # type: ignore[attr-defined]
        "var y = window.diplographYasgui.getTab().getYasqe();"
        "y.setValue('SELECT * WHERE { ?m <http://www.w3.org/ns/org#member> '); y.focus();"
        "y.setCursor({line: 0, ch: 200});")
    area = d.find_element(By.CSS_SELECTOR, ".tabPanel.active .CodeMirror textarea")  # type: ignore[attr-defined]
    area.send_keys("mong")
    area.send_keys(Keys.CONTROL, Keys.SPACE)
    first = _wait(d, ".CodeMirror-hints li")
    assert first.text.startswith("Mongolia (state)")  # type: ignore[attr-defined]
    area.send_keys(Keys.ENTER)
    value = d.execute_script("return window.diplographYasgui.getTab().getYasqe().getValue()")  # type: ignore[attr-defined]
    assert value.endswith("<https://diplograph.org/id/state/MNG>")


@pytest.mark.skipif(not (VENDOR / "yasgui.min.js").exists(),
                    reason="YASGUI is not vendored (run scripts/install_ui.sh)")
def test_yasgui_result_views(server: str, browser: object) -> None:
    """A result of states and counts can be seen as a chart (and a map where the shapes are
    installed), drawn by the server from the result the page already has."""
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    d.execute_script(  # type: ignore[attr-defined]
        "var y = window.diplographYasgui.getTab().getYasqe();"
        "y.setValue('SELECT ?state (COUNT(?m) AS ?n) WHERE { ?m "
        "<http://www.w3.org/ns/org#member> ?state } GROUP BY ?state'); y.query();")
    _wait(d, ".tabPanel.active .yasr table", timeout=30)
    names = [b.text for b in d.find_elements(By.CSS_SELECTOR, ".tabPanel.active .yasr_btnGroup button")]  # type: ignore[attr-defined]
    assert any("Chart" in n for n in names) and any("Map" in n for n in names)
    d.execute_script("window.diplographYasgui.getTab().getYasr().selectPlugin('chartView')")  # type: ignore[attr-defined]
    chart = _wait(d, ".tabPanel.active .result-view svg.chart")
    assert "Result as a chart" in chart.get_attribute("aria-label")  # type: ignore[attr-defined]
