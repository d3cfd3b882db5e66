"""WCAG 2.1 AA contrast (success criterion 1.4.3) of the pages and the query UI, measured in
headless Chromium.

For every element that shows text of its own, the script below takes the colours the browser
computed: the text colour over the background it is drawn on (the element's and its
ancestors' background colours, translucent ones blended, white at the root), and the
contrast ratio of WCAG's relative luminance. The bound is 4.5:1, or 3:1 for large text
(24 px, or 18.66 px bold). Hidden text (``display: none``, ``visibility: hidden``, the
screen-reader-only 1 px box) and disabled controls are exempt, as WCAG says. Text drawn over a
background image is reported apart: its contrast cannot be read from the colours.
Server and browser as in :mod:`tests.ui.test_browser` (the same skip rules).
"""

from __future__ import annotations

import time

import pytest

from .conftest import MISSING

if MISSING:
    pytestmark = pytest.mark.skip(reason=MISSING)

#: every page kind, in both languages, and the query UIs
PAGES = [
    "", "?ui=basic", "page/state/MNG", "page/state/MNG?lang=vi", "page/org/UN",
    "page/fact/vn-mn-relations-2023/un-member", "page/fact/vn-mn-relations-2023/pm-visit",
    "page/source/vn-mn-relations-2023",
    "page/state/", "search?q=mong", "search?q=", "queries",
    "queries/memberships?state=https://diplograph.org/id/state/MNG", "page/state/XXX",
]

CONTRAST = r"""
function parse(c) {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, under) {  // top (r, g, b, a) composited over an opaque colour
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]);
}
function lum(c) {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function background(el) {
  const layers = [];
  let image = false;
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.backgroundImage && s.backgroundImage !== 'none') image = true;
    const c = parse(s.backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let bg = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return [bg, image];
}
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || el.closest('svg, script, style, noscript, template')) continue;
  if (el.disabled || el.closest('[disabled], [aria-disabled="true"], .disabled')) continue;
  const s = getComputedStyle(el);
  if (s.visibility !== 'visible' || !el.getClientRects().length) continue;
  const r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) continue;
  let hidden = false;
  for (let e = el; e; e = e.parentElement) {
    const es = getComputedStyle(e);
    if (es.display === 'none' || Number(es.opacity) === 0) { hidden = true; break; }
  }
  if (hidden) continue;
  const [bg, image] = background(el);
  const fg = over(parse(s.color), bg);
  const l1 = lum(fg), l2 = lum(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
  const large = size >= 24 || (size >= 18.66 && bold);
  const need = large ? 3 : 4.5;
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  out.push({name, text: el.textContent.trim().slice(0, 40), fg: s.color,
            bg: 'rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + ')',
            ratio: Math.round(ratio * 100) / 100, need, image});
}
return out;
"""


def _measure(driver: object, url: str) -> list[dict[str, object]]:
    driver.get(url)  # type: ignore[attr-defined]
    time.sleep(0.5)  # scripts (YASGUI) draw their parts
    return driver.execute_script(CONTRAST)  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("page", PAGES)
def test_text_contrast_is_wcag_aa(server: str, browser: object, page: str) -> None:
    checked = _measure(browser, server + page)
    assert len(checked) >= 5, f"{page}: only {len(checked)} text elements found"
    failing = [c for c in checked if not c["image"] and c["ratio"] < c["need"]]
    assert not failing, "\n".join(
        f"{page}: {c['name']} {c['text']!r}: {c['fg']} on {c['bg']} = {c['ratio']}:1 "
        f"(needs {c['need']}:1)" for c in failing[:25])


def test_the_measure_finds_a_failure(server: str, browser: object) -> None:
    """The script reports low contrast when there is some (grey on white is 2.3:1)."""
    browser.get(server + "page/state/MNG")  # type: ignore[attr-defined]
    browser.execute_script(  # type: ignore[attr-defined]
        "document.querySelector('h1').style.color = '#aaaaaa';"
        "document.querySelector('h1').style.fontSize = '16px';")
    checked = browser.execute_script(CONTRAST)  # type: ignore[attr-defined]
    h1 = [c for c in checked if c["name"].startswith("h1")]
    assert h1 and h1[0]["ratio"] < 2.4 and h1[0]["need"] == 4.5, h1


def test_query_results_contrast_is_wcag_aa(server: str, browser: object) -> None:
    """The query UI with a result table drawn (YASR), not only the editor."""
    from selenium.webdriver.common.by import By

    from .test_browser import _wait

    d = browser
    d.get(server)  # type: ignore[attr-defined]
    _wait(d, ".yasqe")
    d.find_element(By.CSS_SELECTOR, '.open-query[data-name="states"]').click()  # type: ignore[attr-defined]
    _wait(d, ".tabPanel.active .yasqe_queryButton").click()  # type: ignore[attr-defined]
    _wait(d, ".tabPanel.active .yasr table", timeout=30)
    checked = d.execute_script(CONTRAST)  # type: ignore[attr-defined]
    assert any(c["text"] == "Mongolia" or "Mongolia" in c["text"] for c in checked)
    failing = [c for c in checked if not c["image"] and c["ratio"] < c["need"]]
    assert not failing, "\n".join(
        f"results: {c['name']} {c['text']!r}: {c['fg']} on {c['bg']} = {c['ratio']}:1 "
        f"(needs {c['need']}:1)" for c in failing[:25])
