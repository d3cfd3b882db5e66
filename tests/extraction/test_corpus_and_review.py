"""The evaluation corpus, ``diplograph evaluate`` and ``diplograph review`` (with real stdin)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from diplograph.extraction.evaluate import compare, read_facts
from diplograph.loaders.facts import parse_facts_file
from diplograph.loaders.registry import load_registry

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
EXE = [sys.executable, "-m", "diplograph"]


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, *args], capture_output=True, text=True, input=input,
                          timeout=180)


def golds(part: str) -> list[Path]:
    return sorted((CORPUS / part).glob("*.gold.facts.yaml"))


def test_corpus_has_the_promised_size_and_split() -> None:
    dev, test = golds("dev"), golds("test")
    assert len(dev) + len(test) >= 12
    vi = [p for p in dev + test if p.name.startswith("vi-")]
    assert len(vi) >= 5 and len([p for p in test if p.name.startswith("vi-")]) >= 2
    readme = (CORPUS / "README.md").read_text("utf-8")
    assert "written by the diplograph project" in readme and "test/" in readme


@pytest.mark.parametrize("part", ["test10", "test11", "test12", "test13", "test14", "test15", "test16", "test17", "test18", "test19", "test20", "test21", "test22", "test23", "test24", "test25", "test26", "test27", "test28", "test29", "test30", "test31", "test32", "test33", "test34", "test35", "test36", "test37", "test38", "test39", "test40", "test41", "test42", "test43", "test44", "test45", "test46", "test47", "test48", "test49", "test50", "test51", "test52", "test53", "test54", "test55", "test56", "test57", "test58", "test59", "test60", "test61", "test62", "test63", "test64", "test65", "test66", "test67", "test68", "test69", "test70", "test71", "test72", "test73", "test74", "test75", "test76", "test77", "test78", "test79", "test80", "test81", "test82", "test83", "test84", "test85", "test86", "test87", "test88", "test89", "test90", "test91", "test92", "test93"])
def test_the_later_held_out_parts_have_six_documents_half_vietnamese(part: str) -> None:
    texts = sorted((CORPUS / part).glob("*.txt"))
    assert len(texts) >= 6 and len(texts) == len(golds(part))
    assert len([p for p in texts if p.name.startswith("vi-")]) >= len(texts) / 2


@pytest.mark.parametrize("gold", sorted(CORPUS.glob("*/*.gold.facts.yaml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_gold_file_is_a_valid_facts_file(gold: Path) -> None:
    doc = parse_facts_file(gold)
    assert doc.facts and doc.meta["language"] in ("en", "vi")
    assert not re.search(r"mongolia|mông cổ", doc.text[:200], re.I)  # kept for later


def test_evaluate_scores_gold_against_itself_as_perfect_and_sees_a_wrong_date() -> None:
    reg = load_registry()
    _, gold = read_facts(CORPUS / "dev" / "vi-australia-2024.gold.facts.yaml")
    perfect = compare(gold, gold, reg)
    assert all(s.strict == s.gold == s.extracted for s in perfect.values())
    changed = [dict(f) for f in gold]
    rel = next(f for f in changed if f["type"] == "relation")
    rel["date"] = "1973"  # right year, wrong precision
    scores = compare(changed, gold, reg)
    assert scores["relation"].strict == scores["relation"].gold - 1
    assert scores["relation"].lenient == scores["relation"].gold


def test_evaluate_command_on_extracted_folder(tmp_path: Path) -> None:
    out = tmp_path / "dev"
    out.mkdir()
    for txt in sorted((CORPUS / "dev").glob("*.txt"))[:2]:
        r = run("extract", str(txt), "-o", str(out / (txt.stem + ".facts.yaml")))
        assert r.returncode == 0, r.stderr
    r = run("evaluate", str(out), str(CORPUS / "dev"))
    assert r.returncode == 0, r.stderr
    assert "strict P" in r.stdout and "TARGET TYPES" in r.stdout
    # six gold files have no extracted file: they are reported, not silently skipped
    assert r.stderr.count("no extracted file") == len(golds("dev")) - 2


@pytest.fixture()
def reviewed(tmp_path: Path) -> Path:
    txt = tmp_path / "doc.txt"
    shutil.copy(CORPUS / "dev" / "vi-an-do-2024.txt", txt)
    r = run("extract", str(txt), "-o", str(tmp_path / "doc.facts.yaml"))
    assert r.returncode == 0, r.stderr
    return tmp_path / "doc.facts.yaml"


def test_review_with_real_stdin_keeps_hand_edits(reviewed: Path) -> None:
    # a curator's hand edits before the review: a comment and a note on the second fact
    text = reviewed.read_text("utf-8")
    text = text.replace("facts:\n", "# checked against the ministry page\nfacts:\n", 1)
    lines = text.split("\n")
    second = [i for i, ln in enumerate(lines) if ln.startswith("- id: ")][1]
    lines.insert(second + 1, "  note: checked by hand")
    reviewed.write_text("\n".join(lines), "utf-8")
    ids = [f["id"] for f in yaml.safe_load(reviewed.read_text("utf-8"))["facts"]]

    r = run("review", str(reviewed), input="a\nr\ns\nq\n")
    assert r.returncode == 0, r.stderr
    assert "1 accepted" in r.stderr and "1 rejected" in r.stderr

    after = reviewed.read_text("utf-8")
    data = yaml.safe_load(after)
    status = {f["id"]: f["review"] for f in data["facts"]}
    assert status[ids[0]] == "accepted" and status[ids[1]] == "rejected"
    assert all(status[i] == "candidate" for i in ids[2:])
    assert "# checked against the ministry page" in after and "note: checked by hand" in after
    doc = parse_facts_file(reviewed)
    assert [f.id for f in doc.facts] == [ids[0]]  # only the accepted fact loads


def test_review_refuses_to_accept_an_invalid_fact(reviewed: Path) -> None:
    text = reviewed.read_text("utf-8")
    first = re.search(r"parties: \[([^\]]+)\]", text)
    assert first
    broken = text.replace(first.group(0), "parties: [Vietnam, Ruritania]", 1)
    reviewed.write_text(broken, "utf-8")
    r = run("review", str(reviewed), input="a\nq\n")
    assert "not saved" in r.stderr and "Ruritania" in r.stderr
    assert reviewed.read_text("utf-8") == broken  # nothing written


def test_the_loader_loads_only_accepted_facts(reviewed: Path) -> None:
    text = reviewed.read_text("utf-8").replace("review: candidate", "review: accepted", 2)
    reviewed.write_text(text, "utf-8")
    doc = parse_facts_file(reviewed)
    assert len(doc.facts) == 2
    bad = text.replace("review: candidate", "review: maybe", 1)
    reviewed.write_text(bad, "utf-8")
    r = run("validate", str(reviewed))
    assert r.returncode == 1 and "review" in r.stderr
