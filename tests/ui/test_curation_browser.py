"""The curation page in a real browser: headless Chromium against the server as a process.

Opens the page with the update token, accepts a highlighted candidate, adds a fact from a text
selection, saves, and checks the facts file and the running graph.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .conftest import MISSING, _wait, registry_store, serving

if MISSING:
    pytestmark = pytest.mark.skip(reason=MISSING)

CORPUS = Path(__file__).resolve().parents[1] / "extraction" / "corpus"
TOKEN = "curation-test-token"
NAME = "doc.facts.yaml"


@pytest.fixture(scope="module")
def curation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("curation")
    cur = tmp / "curation"
    cur.mkdir()
    shutil.copy(CORPUS / "dev" / "en-saudi-iran-2023.txt", cur / "doc.txt")
    r = subprocess.run([sys.executable, "-m", "diplograph", "extract", str(cur / "doc.txt"),
                        "-o", str(cur / NAME)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    with serving(tmp, "--store", str(registry_store(tmp / "store")), "--update-token", TOKEN,
                 env={"DIPLOGRAPH_CURATION_DIR": str(cur)}) as url:
        yield url, cur


def _facts_in_graph(url: str) -> int:
    q = ("PREFIX dg: <https://diplograph.org/ontology#> SELECT (COUNT(?f) AS ?n) WHERE { "
         "GRAPH <https://diplograph.org/graph/source/doc> { ?f a dg:Fact } }")
    req = urllib.request.Request(url + "sparql?" + urllib.parse.urlencode({"query": q}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310
        return int(json.load(resp)["results"]["bindings"][0]["n"]["value"])


def _wait_text(driver: object, css: str, text: str, timeout: float = 30) -> str:
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + timeout
    got = ""
    while time.monotonic() < deadline:
        got = driver.find_element(By.CSS_SELECTOR, css).text  # type: ignore[attr-defined]
        if text in got:
            return got
        time.sleep(0.2)
    raise AssertionError(f"{css}: waited for {text!r}, got {got!r}")


def sign_in(driver: object, url: str, token: str) -> None:
    """Open the curation page with no token kept in the tab, and give ``token``."""
    from selenium.webdriver.common.by import By

    driver.get(url + "curate/")  # type: ignore[attr-defined]
    driver.execute_script("sessionStorage.clear()")  # type: ignore[attr-defined]
    driver.get(url + "curate/")  # type: ignore[attr-defined]
    driver.find_element(By.ID, "token").send_keys(token)  # type: ignore[attr-defined]
    driver.find_element(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, "#token-form button[type=submit]").click()


SELECT_JS = """
const [a, b] = arguments;
const box = document.getElementById('doc-text');
function at(pos) {
  for (const span of box.querySelectorAll('span[data-start]')) {
    const s = Number(span.dataset.start), n = span.textContent.length;
    if (pos >= s && pos <= s + n) { return [span.firstChild, pos - s]; }
  }
}
const r = document.createRange();
const [n1, o1] = at(a), [n2, o2] = at(b);
r.setStart(n1, o1); r.setEnd(n2, o2);
const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
document.dispatchEvent(new Event('selectionchange'));
"""


def test_accept_a_candidate_and_add_a_fact_from_a_selection(curation, browser) -> None:
    from selenium.webdriver.common.by import By

    url, folder = curation
    d = browser
    d.get(url + "curate/")  # type: ignore[attr-defined]
    d.find_element(By.ID, "token").send_keys(TOKEN)  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, "#token-form button[type=submit]").click()  # type: ignore[attr-defined]
    _wait(d, "#facts .cand")
    _wait_text(d, "#message", "loaded doc.facts.yaml")
    cards = d.find_elements(By.CSS_SELECTOR, "#facts .cand")  # type: ignore[attr-defined]
    spans = d.find_elements(By.CSS_SELECTOR, "#doc-text span.hl")  # type: ignore[attr-defined]
    assert len(cards) >= 5 and spans

    # click a highlight: its fact is selected; accept it and save
    spans[0].click()
    card = d.find_element(By.CSS_SELECTOR, "#facts .cand.sel")  # type: ignore[attr-defined]
    fact_id = card.get_attribute("data-id")
    card.find_element(By.CSS_SELECTOR, "button[data-action=accept]").click()
    d.find_element(By.ID, "save").click()  # type: ignore[attr-defined]
    _wait_text(d, "#message", "saved: 1 accepted")
    facts = {f["id"]: f for f in yaml.safe_load((folder / NAME).read_text("utf-8"))["facts"]}
    assert facts[fact_id]["review"] == "accepted"
    assert _facts_in_graph(url) == 1

    # select a passage, add a fact from it, fill it in, save
    text = (folder / "doc.txt").read_text("utf-8")
    phrase = "The two countries had already broken off relations once before, in 1988"
    a = text.index(phrase)
    d.execute_script(SELECT_JS, a, a + len(phrase))  # type: ignore[attr-defined]
    d.find_element(By.ID, "add-selection").click()  # type: ignore[attr-defined]
    new = _wait(d, "#fact-new-1")
    parties = new.find_element(By.CSS_SELECTOR, "[data-key=parties]")  # type: ignore[attr-defined]
    parties.clear()
    parties.send_keys("Saudi Arabia, Iran")
    status = new.find_element(By.CSS_SELECTOR, "[data-key=status]")  # type: ignore[attr-defined]
    status.clear()
    status.send_keys("severed")
    d.find_element(By.ID, "save").click()  # type: ignore[attr-defined]
    _wait_text(d, "#message", "saved: 2 accepted")
    added = [f for f in yaml.safe_load((folder / NAME).read_text("utf-8"))["facts"]
             if f["id"].startswith("relation-added")]
    assert len(added) == 1 and added[0]["quote"] == phrase
    assert added[0]["parties"] == ["Saudi Arabia", "Iran"] and added[0]["status"] == "severed"
    assert _facts_in_graph(url) == 2


def test_a_wrong_token_shows_an_error(curation, browser) -> None:
    url, _ = curation
    d = browser
    sign_in(d, url, "wrong")
    msg = _wait_text(d, "#message", "403")
    assert "not valid" in msg


def test_the_facts_can_be_ordered_by_confidence(curation, browser) -> None:
    """The curator can order the facts by confidence, highest first (the learned verifier's
    estimate, docs/extraction.md): the same facts, the confidences of the file non-increasing
    (a fact with none, reviewed by hand, counts as 1), and back in the file's order."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    url, folder = curation
    d = browser
    sign_in(d, url, TOKEN)
    _wait(d, "#facts .cand")
    _wait_text(d, "#message", "loaded doc.facts.yaml")

    def ids() -> list[str]:
        return [c.get_attribute("data-id") for c in  # type: ignore[attr-defined]
                d.find_elements(By.CSS_SELECTOR, "#facts .cand")]  # type: ignore[attr-defined]

    facts = yaml.safe_load((folder / NAME).read_text("utf-8"))["facts"]
    in_file = [f["id"] for f in facts]
    conf = {f["id"]: f.get("confidence", 1.0) for f in facts}
    assert ids() == in_file and len(set(conf.values())) > 1
    Select(d.find_element(By.ID, "order")).select_by_value("confidence")  # type: ignore[attr-defined]
    by_conf = ids()
    assert sorted(by_conf) == sorted(in_file) and by_conf != in_file
    values = [conf[i] for i in by_conf]
    assert values == sorted(values, reverse=True), values
    Select(d.find_element(By.ID, "order")).select_by_value("text")  # type: ignore[attr-defined]
    assert ids() == in_file
