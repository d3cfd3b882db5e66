"""Issue 12's quality bars, found missing by the session 10 audit (docs/ui.md, "Session 10
audit"), in a real browser (headless Chromium, the shared fixture server of ``conftest.py``):

- "readable on a phone": no page is wider than a phone's screen (wide tables scroll inside
  their own box). The search page's box and the named queries' parameters pushed the whole
  page sideways here; on the full graph a document's long statements did too;
- "labelled controls": every visible form control has an accessible name, the query editor's
  input (CodeMirror's textarea inside YASGUI) included, in the interface's language.

Skipped as the other browser tests are (``MISSING``), failed under ``CI=true``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .conftest import MISSING, VENDOR, _wait

if MISSING:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytestmark = pytest.mark.skipif(False, reason="")

        def test_browser_is_installed_under_ci() -> None:
            pytest.fail(f"CI is set but the browser test cannot run: {MISSING}")
    else:
        pytestmark = pytest.mark.skip(reason=MISSING)

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
PAGES = ["search?q=viet", "page/source/vn-mn-relations-2023", "queries", "page/state/MNG",
         "page/org/UN", "page/state/", "page/state/NOPE", "page/fact/vn-mn-relations-2023/un-member"]

#: every visible form control without an accessible name (its label, aria-label or
#: aria-labelledby, title, text or value)
UNLABELLED = """
const out = [];
for (const el of document.querySelectorAll('input, select, textarea, button')) {
  if (el.type === 'hidden' || el.offsetParent === null) continue;  // (hidden menus count)
  const name = (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title
    || (el.labels && el.labels.length ? el.labels[0].textContent : '')
    || (el.tagName === 'BUTTON' ? el.textContent : '') || (el.type === 'submit' ? el.value : '')
    || '').trim();
  if (!name) out.push(el.outerHTML.slice(0, 160));
}
return out;
"""


@pytest.fixture()
def phone(browser: object) -> Iterator[object]:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)  # type: ignore[attr-defined]
    try:
        yield browser
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})  # type: ignore[attr-defined]


@pytest.mark.parametrize("page", PAGES)
def test_no_page_is_wider_than_a_phone(server: str, phone: object, page: str) -> None:
    d = phone
    d.get(server + page)  # type: ignore[attr-defined]
    _wait(d, "h1")
    width, page_width = d.execute_script(  # type: ignore[attr-defined]
        "return [window.innerWidth, document.documentElement.scrollWidth]")
    assert width == PHONE["width"]
    assert page_width <= width, f"{page}: {page_width} px wide on a {width} px screen"


@pytest.mark.parametrize("page", PAGES[:6])
def test_every_form_control_has_a_name(server: str, browser: object, page: str) -> None:
    d = browser
    d.get(server + page)  # type: ignore[attr-defined]
    _wait(d, "h1")
    assert d.execute_script(UNLABELLED) == []  # type: ignore[attr-defined]


@pytest.mark.skipif(not (VENDOR / "yasgui.min.js").exists(),
                    reason="YASGUI is not vendored (run scripts/install_ui.sh)")
@pytest.mark.parametrize(("lang", "label"), [("en", "SPARQL query editor"),
                                             ("vi", "Trình soạn truy vấn SPARQL")])
def test_the_query_editor_is_labelled(server: str, browser: object, lang: str,
                                      label: str) -> None:
    d = browser
    d.get(server + f"?lang={lang}")  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    editor = d.find_element("css selector", ".yasqe .CodeMirror textarea")  # type: ignore[attr-defined]
    assert editor.get_attribute("aria-label") == label
    assert d.execute_script(UNLABELLED) == []  # type: ignore[attr-defined]
    endpoint = d.find_element("css selector", ".autocompleteWrapper input")  # type: ignore[attr-defined]
    assert endpoint.get_attribute("aria-label") == ("SPARQL endpoint" if lang == "en"
                                                    else "Điểm truy vấn SPARQL")
    d.get(server + "?lang=en")  # type: ignore[attr-defined]  (the cookie back to English)
