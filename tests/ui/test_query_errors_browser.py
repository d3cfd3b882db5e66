"""The query editor in headless Chromium: predefined prefixes, errors in words, local links
(issue 15, point 5). Same server and browser fixtures as ``test_browser.py``."""

from __future__ import annotations

import os
import time

import pytest

from .conftest import MISSING, VENDOR, _wait

if MISSING and os.environ.get("CI", "").lower() not in ("1", "true", "yes"):
    pytestmark = pytest.mark.skip(reason=MISSING)  # test_browser.py fails this under CI

needs_yasgui = pytest.mark.skipif(not (VENDOR / "yasgui.min.js").exists(),
                                  reason="YASGUI is not vendored (run scripts/install_ui.sh)")

SET = "var y = window.diplographYasgui.getTab().getYasqe(); y.setValue(arguments[0]);"


def _editor_errors(d: object, query: str) -> list[str]:
    """The parse errors YASQE marks for ``query`` (its token states)."""
    return d.execute_script(  # type: ignore[attr-defined,no-any-return]
        SET + "var out = [];"
        "for (var l = 0; l < y.lineCount(); l++) y.getLineTokens(l).forEach(function (t) {"
        "  if (t.state && t.state.errorMsg && out.indexOf(t.state.errorMsg) < 0)"
        "    out.push(t.state.errorMsg); });"
        "return out;", query)


@needs_yasgui
def test_predefined_prefixes_are_not_errors_in_the_editor(server: str, browser: object) -> None:
    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    assert _editor_errors(d, "SELECT ?s ?l WHERE { ?s a dg:State ; rdfs:label ?l ; "
                             "org:memberOf ?o . ?o wdt:P31 wd:Q484652 }") == []
    assert d.execute_script(  # type: ignore[attr-defined]
        "return document.querySelectorAll('.tabPanel.active .parseErrorIcon').length") == 0
    # an undeclared one is still marked
    assert _editor_errors(d, "SELECT * WHERE { ?s dgs:x ?o }") == ["Prefix 'dgs' is not defined"]


@needs_yasgui
@pytest.mark.parametrize("query,words", [
    ("SELECT * WHERE { ?s dgs:x ?o }", ["unknown prefix 'dgs:'", "predefined here: ", "dg:"]),
    ("SELECT ?s (COUNT(*) AS ?n) WHERE {\n  ?s a dg:State\n}",
     ["line 1, column 8", "?s is selected but neither grouped nor aggregated"]),
    ("SELECT * WHERE {\n  ?s a dg:State\n", ["line 1, column 16", "unbalanced '{'"]),
])
def test_an_error_shows_its_message_not_json(server: str, browser: object, query: str,
                                             words: list[str]) -> None:
    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    d.execute_script(SET + "y.query();", query)  # type: ignore[attr-defined]
    box = _wait(d, ".tabPanel.active .yasr .diplograph-error", timeout=30)
    text = box.text  # type: ignore[attr-defined]
    assert "Error 400 (syntax)" in text
    for w in words:
        assert w in text
    assert '"error"' not in text and "{" not in text.splitlines()[0]
    # the query line with a caret under the place
    assert box.find_element("css selector", "pre.error-details").text.endswith("^")  # type: ignore[attr-defined]


@needs_yasgui
def test_result_iris_link_to_this_servers_pages(server: str, browser: object) -> None:
    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    d.execute_script(SET + "y.query();",  # type: ignore[attr-defined]
                     "SELECT ?s WHERE { ?s a dg:State } ORDER BY ?s")
    _wait(d, ".tabPanel.active .yasr table", timeout=30)
    time.sleep(0.3)  # the links are rewritten as the table is drawn
    links = d.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('.tabPanel.active .yasr table a[data-iri]'))"
        ".map(function (a) { return [a.href, a.dataset.iri]; });")
    assert links, "no result link was made local"
    for href, iri in links:
        assert iri.startswith("https://diplograph.org/id/")
        assert href == server + "page/" + iri.removeprefix("https://diplograph.org/id/")
    d.get(links[0][0])  # type: ignore[attr-defined]
    assert _wait(d, "h1").text  # type: ignore[attr-defined]


def test_basic_page_shows_the_message_and_the_caret(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "?ui=basic")  # type: ignore[attr-defined]
    box = d.find_element(By.ID, "query")  # type: ignore[attr-defined]
    box.clear()
    box.send_keys("SELECT * WHERE { ?s dgs:x ?o }")
    d.find_element(By.ID, "run").click()  # type: ignore[attr-defined]
    _wait(d, "#status.error")
    status = d.find_element(By.ID, "status").text  # type: ignore[attr-defined]
    assert "Error 400: SPARQL syntax error at line 1, column 21: unknown prefix 'dgs:'" in status
    assert _wait(d, "#results pre.error-details").text.splitlines() == [  # type: ignore[attr-defined]
        "line 1: SELECT * WHERE { ?s dgs:x ?o }", " " * 28 + "^"]
