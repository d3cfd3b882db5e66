"""diplograph extract: dates, names, the rules per fact type, the candidates file, bad input.

The sentences here are written for these tests (not taken from the evaluation corpus), so the
tests check the behaviour the docs promise, not the corpus figures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.extraction.dates import find_dates
from diplograph.extraction.language import detect
from diplograph.extraction.names import gazetteer
from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.facts import parse_facts_file

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
EXE = [sys.executable, "-m", "diplograph"]


def run(*args: str, input: str | None = None, cwd: Path | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, *args], capture_output=True, text=True, input=input, cwd=cwd,
                          timeout=120)


def facts(text: str, lang: str | None = None) -> list[tuple[str, dict]]:
    return [(c.type, c.data) for c in extract_text(text, lang).candidates]


# --- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "precision"), [
    ("ngày 17/11/1954", "1954-11-17", "day"),
    ("vào tháng 11/2019", "2019-11", "month"),
    ("ngày 23 tháng 9 năm 2024", "2024-09-23", "day"),
    ("in the 1990s", "1990s", "decade"),
    ("trong thập niên 1990", "1990s", "decade"),
    ("on 5 May 2015", "2015-05-05", "day"),
    ("on March 4, 2021", "2021-03-04", "day"),
    ("in July 2023", "2023-07", "month"),
    ("since 1992", "1992", "year"),
])
def test_dates_keep_their_precision(text: str, value: str, precision: str) -> None:
    d = find_dates(text)
    assert [(x.value, x.precision) for x in d] == [(value, precision)]


def test_partial_periods_and_since() -> None:
    d = find_dates("in the first eight months of 2023")[0]
    assert d.value == {"from": "2023-01", "to": "2023-08"} and d.partial
    d = find_dates("trong 8 tháng đầu năm 2024")[0]
    assert d.value == {"from": "2024-01", "to": "2024-08"} and d.partial
    assert find_dates("an observer since 2012")[0].kind == "since"


def test_relative_dates_resolve_only_when_anchored() -> None:
    anchored = find_dates("HANOI, June 14, 2024 - The ministers met on Wednesday.")
    assert [(d.value, d.flags) for d in anchored][1] == ("2024-06-12", ("relative",))
    assert find_dates("signed in 2015 and renewed three years later")[1].value == "2018"
    lonely = find_dates("The ministers met on Wednesday.")[0]
    assert lonely.value is None and "unresolved" in lonely.flags


# --- names and language ------------------------------------------------------------------------

def test_names_resolve_in_both_languages_with_and_without_diacritics() -> None:
    g = gazetteer()
    keys = [m.key for m in g.mentions("Việt Nam, Viet Nam, Nhật Bản, Nhat Ban, Hàn Quốc và Nga")]
    assert keys == ["VNM", "VNM", "JPN", "JPN", "KOR", "RUS"]


def test_capitals_stand_for_their_state_and_historical_names_stay_historical() -> None:
    g = gazetteer()
    ms = g.mentions("Moscow and Hanoi; the Soviet Union")
    assert [(m.key, m.how) for m in ms] == [("RUS", "capital"), ("VNM", "capital"),
                                            ("SUN", "name")]


def test_short_names_must_be_written_exactly() -> None:
    # "anh" is a common Vietnamese word; only "Anh" (capital A) is the United Kingdom
    g = gazetteer()
    assert [m.key for m in g.mentions("anh ấy đến Anh")] == ["GBR"]


def test_language_detection() -> None:
    assert detect("Hai nước thiết lập quan hệ ngoại giao năm 1973.") == "vi"
    assert detect("The two countries established diplomatic relations in 1973.") == "en"
    assert detect("Les deux pays ont établi des relations diplomatiques en 1973.") is None


# --- the rules ----------------------------------------------------------------------------------

def test_relation_with_date_and_the_negative_as_claim() -> None:
    out = facts("Vietnam and Brazil established diplomatic relations on 8 May 1989. "
                "Brazil has not yet established diplomatic relations with Bhutan.")
    assert ("relation", {"parties": ["Vietnam", "Brazil"], "status": "established",
                         "date": "1989-05-08"}) in out
    assert not any(t == "relation" and "Bhutan" in d["parties"] for t, d in out)
    assert any(t == "claim" and set(d["subjects"]) == {"Brazil", "Bhutan"} for t, d in out)


def test_severed_and_restored_in_one_sentence() -> None:
    out = facts("Egypt broke off relations with Iran in 1980 and Iran restored relations "
                "with Egypt in 1991.")
    rel = [(d["status"], d.get("date")) for t, d in out if t == "relation"]
    assert rel == [("severed", "1980"), ("restored", "1991")]


def test_two_countries_is_the_documents_pair_with_lower_confidence() -> None:
    ex = extract_text("Chile and Vietnam signed a free trade agreement in 2011. Chile is far from "
                      "Vietnam. The two countries established diplomatic relations in 1971.", "en")
    rel = [c for c in ex.candidates if c.type == "relation"][0]
    assert set(rel.data["parties"]) == {"Chile", "Vietnam"}
    assert "pair-from-document" in rel.flags and rel.confidence < 0.9


def test_plural_agreements_are_one_per_partner() -> None:
    out = facts("In 1998, Laos signed cooperation agreements with Thailand and Cambodia.")
    agreements = [d for t, d in out if t == "agreement"]
    assert sorted(d["parties"][1] for d in agreements) == ["Cambodia", "Thailand"]
    assert all(d["signed"] == "1998" and d["parties"][0] == "Laos" for d in agreements)


def test_memberships_with_shared_years_and_observer_lists() -> None:
    out = facts("The forum grew: Brazil (2003), Chile, Peru and Mexico (2010) joined ASEAN. "
                "Papua New Guinea has been an observer of ASEAN since 1976.")
    got = {(d["member"], d.get("start"), tuple(d.get("roles", ["full"])))
           for t, d in out if t == "membership"}
    assert ("Brazil", "2003", ("full",)) in got
    assert ("Peru", "2010", ("full",)) in got and ("Chile", "2010", ("full",)) in got
    assert ("Papua New Guinea", "1976", ("observer",)) in got


def test_did_not_join_until_is_a_start() -> None:
    out = facts("Switzerland did not join the United Nations until 2002.")
    assert ("membership", {"member": "Switzerland", "organization": "United Nations",
                           "start": "2002"}) in out


def test_a_change_is_not_a_value_and_fdi_is_not_trade() -> None:
    out = facts("Bilateral trade between Vietnam and Chile reached 1.9 billion USD in 2022, "
                "up 47% from 2021. Chile's registered investment in Vietnam stood at 20 million "
                "USD by the end of 2022.")
    trade = [d for t, d in out if t == "trade"]
    inv = [d for t, d in out if t == "investment"]
    assert len(trade) == 1 and trade[0]["value"] == 1.9 and trade[0]["period"] == "2022"
    assert len(inv) == 1 and inv[0]["investor"] == "Chile" and inv[0]["value"] == 20
    assert inv[0]["multiplier"] == 6


def test_intentions_are_claims_never_facts() -> None:
    out = facts("Chile and Vietnam would consider a new agreement on mining. Vietnam hopes to "
                "join the Pacific Alliance.")
    claims = [d for t, d in out if t == "claim"]
    assert {d["modality"] for d in claims} == {"intended", "hoped"}
    assert not [t for t, _ in out if t in ("agreement", "membership")]


def test_vietnamese_visit_partnership_and_trade() -> None:
    text = ("Từ ngày 2 đến 4/6/2024, Thủ tướng Phạm Minh Chính thăm chính thức Hàn Quốc. "
            "Hai nước nâng cấp quan hệ lên Đối tác chiến lược toàn diện tháng 12/2022. "
            "Kim ngạch thương mại năm 2023 đạt 76 tỷ USD, giảm 13% so với năm 2022.")
    out = facts(text)
    visit = [d for t, d in out if t == "event"][0]
    assert visit["start"] == "2024-06-02" and visit["end"] == "2024-06-04"
    assert visit["participants"][0]["post"]["office"] == "prime-minister"
    assert [d["framework"] for t, d in out if t == "partnership"] == [
        "comprehensive-strategic-partnership"]
    assert [(d["value"], d["period"]) for t, d in out if t == "trade"] == [(76, "2023")]


# --- the candidates file and the command --------------------------------------------------------

def test_candidates_file_is_valid_and_loads_nothing_until_reviewed(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Vietnam and Chile established diplomatic relations on 25 March 1971. "
                   "Vietnam and Ruritania signed a memorandum of understanding in 2020.",
                   encoding="utf-8")
    r = run("extract", str(doc), "-o", str(tmp_path / "doc.facts.yaml"))
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "doc.facts.yaml").read_text(encoding="utf-8")
    assert "review: candidate" in text and "offsets: [" in text and "rule: " in text
    parsed = parse_facts_file(tmp_path / "doc.facts.yaml")
    assert parsed.facts == []  # nothing accepted yet


def test_a_candidates_file_outside_the_documents_folder_is_flagged(tmp_path: Path) -> None:
    """The loader reads `file:` only inside the facts file's folder: extract says so (the file
    is still written: evaluation reads it where it is)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "out").mkdir()
    doc = tmp_path / "docs" / "doc.txt"
    doc.write_text("Vietnam and Chile established diplomatic relations on 25 March 1971.",
                   encoding="utf-8")
    r = run("extract", str(doc), "-o", str(tmp_path / "out" / "doc.facts.yaml"))
    assert r.returncode == 0 and "is not inside" in r.stderr and "beside the document" in r.stderr
    assert (tmp_path / "out" / "doc.facts.yaml").exists()
    above = tmp_path / "doc.facts.yaml"  # a folder above the document's is fine: no note
    r = run("extract", str(doc), "-o", str(above))
    assert r.returncode == 0 and "is not inside" not in r.stderr
    assert parse_facts_file(above).facts == []


def test_unresolved_names_are_kept_and_marked(tmp_path: Path) -> None:
    from diplograph.extraction.context import Candidate
    from diplograph.extraction.output import candidate_dict
    from diplograph.loaders.registry import load_registry

    c = Candidate("relation", {"parties": ["Vietnam", "Ruritania"], "status": "established"},
                  0, 7, 0.8, "test")
    d = candidate_dict(c, 1, "Vietnam and Ruritania", load_registry())
    assert d["parties"] == ["Vietnam", "Ruritania"] and d["unresolved"] == ["Ruritania"]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Vi\u1ec7t Nam".encode("utf-16"), "not UTF-8"),
    ("Die beiden Staaten nahmen 1975 diplomatische Beziehungen auf und die Botschaft wurde "
     "eröffnet.".encode(), "neither English nor Vietnamese"),
])
def test_bad_input_is_refused_and_nothing_is_written(tmp_path: Path, content: bytes,
                                                     message: str) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(content)
    out = tmp_path / "out.facts.yaml"
    r = run("extract", str(doc), "-o", str(out))
    assert r.returncode == 1
    assert message in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_a_ten_megabyte_file_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "big.txt"
    doc.write_bytes(b"Vietnam and Laos signed an agreement in 1977. " * 220_000)
    out = tmp_path / "out.facts.yaml"
    r = run("extract", str(doc), "-o", str(out))
    assert r.returncode == 1 and "MB" in r.stderr and "split" in r.stderr
    assert not out.exists()


def test_an_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Vietnam and Chile established diplomatic relations in 1971.", "utf-8")
    out = tmp_path / "doc.facts.yaml"
    out.write_text("# reviewed by hand\n", "utf-8")
    r = run("extract", str(doc), "-o", str(out))
    assert r.returncode == 1 and "--force" in r.stderr
    assert out.read_text("utf-8") == "# reviewed by hand\n"
