"""A review round-trip of a seed on the curation page, in headless Chromium against the server
as a process (issue 16, point 5): on a copy of the Vietnamese seed, the curator edits a fact,
accepts it and others (which re-renders the cards), rejects one and saves, while the file was
edited by hand in the meantime. Nothing typed and nothing written by hand may be lost, and the
edited fact keeps its layout (``id``, ``type``, ``quote`` first; no added ``offsets`` or
``review: accepted``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .conftest import MISSING, _wait, registry_store, serving
from .test_curation_browser import _wait_text, sign_in

if MISSING:
    pytestmark = pytest.mark.skip(reason=MISSING)

SOURCES = Path(__file__).resolve().parents[2] / "sources"
SEED = "000_68460debbf1317d8"
TOKEN = "seed-review-token"


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("seed-review")
    cur = tmp / "curation"
    cur.mkdir()
    for suffix in (".txt", ".facts.yaml"):
        shutil.copy(SOURCES / (SEED + suffix), cur / (SEED + suffix))
    with serving(tmp, "--store", str(registry_store(tmp / "store")), "--update-token", TOKEN,
                 env={"DIPLOGRAPH_CURATION_DIR": str(cur)}) as url:
        yield url, cur


def test_a_seed_review_keeps_typed_values_and_hand_edits(seed_copy, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    url, folder = seed_copy
    path = folder / (SEED + ".facts.yaml")
    text = (folder / (SEED + ".txt")).read_text("utf-8")
    d = browser
    sign_in(d, url, TOKEN)
    _wait(d, "#doc-select option")
    Select(d.find_element(By.ID, "doc-select")).select_by_value(path.name)  # type: ignore[attr-defined]
    _wait_text(d, "#message", "loaded " + path.name)
    _wait(d, "#facts .cand")

    # every fact's highlight is its quote, and the quote is in the document
    cards = d.find_elements(By.CSS_SELECTOR, "#facts .cand")  # type: ignore[attr-defined]
    ids = [c.get_attribute("data-id") for c in cards]
    assert len(ids) == len(yaml.safe_load(path.read_text("utf-8"))["facts"])
    for fid in ids:
        quote = d.find_element(By.CSS_SELECTOR, f"#fact-{fid} blockquote").text  # type: ignore[attr-defined]
        shown = d.execute_script(  # type: ignore[attr-defined]
            "return Array.from(document.querySelectorAll('#doc-text span.hl')).filter(s => "
            "s.dataset.facts.split(' ').includes(arguments[0])).map(s => s.textContent).join('')",
            fid)
        assert shown.strip() == quote.strip() and quote.strip() in text, fid

    # edit a value, then accept it and another fact (each click re-renders every card)
    card = d.find_element(By.ID, "fact-hue-festival-participation")  # type: ignore[attr-defined]
    field = card.find_element(By.CSS_SELECTOR, "[data-key=recurrence]")
    field.clear()
    field.send_keys("repeated")
    card.find_element(By.CSS_SELECTOR, "button[data-action=accept]").click()
    d.find_element(By.CSS_SELECTOR,  # type: ignore[attr-defined]
                   "#fact-traditional-friends button[data-action=accept]").click()
    d.find_element(By.CSS_SELECTOR,  # type: ignore[attr-defined]
                   "#fact-vietnam-strong-goods button[data-action=reject]").click()
    assert d.find_element(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, "#fact-hue-festival-participation [data-key=recurrence]"
    ).get_attribute("value") == "repeated"

    # meanwhile, a curator edits the file by hand
    before = path.read_text("utf-8")
    hand = before.replace("facts:\n", "facts:\n  # reviewed by hand and on the page\n", 1)
    hand = hand.replace("  - id: student-exchange\n",
                        "  - id: student-exchange\n    note: \"Hand edit.\"\n", 1)
    assert hand.count("Hand edit.") == 1
    path.write_text(hand, encoding="utf-8")

    d.find_element(By.ID, "save").click()  # type: ignore[attr-defined]
    _wait_text(d, "#message", "saved:")
    after = path.read_text("utf-8")
    assert "  # reviewed by hand and on the page\n" in after and "Hand edit." in after
    facts = {f["id"]: f for f in yaml.safe_load(after)["facts"]}
    hue = facts["hue-festival-participation"]
    assert hue["recurrence"] == "repeated" and str(hue["start"]) == "2014"
    assert list(hue)[:3] == ["id", "type", "quote"]
    assert "offsets" not in hue and "review" not in hue
    assert facts["vietnam-strong-goods"]["review"] == "rejected"
    assert "review" not in facts["traditional-friends"]  # accepted stays as written
    # every other fact's block is as it was, byte for byte
    untouched = [b for b in hand.split("\n\n  - id: ")
                 if not b.startswith(("hue-festival-participation", "vietnam-strong-goods"))]
    assert all(b in after for b in untouched)
