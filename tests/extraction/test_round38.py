"""Round 38 (session 22): the vocabulary of posts and arrival verbs, as data.

1. ``extraction/vocabulary.yaml``'s posts: forms of offices read before the built-in ones
   ("Phó Chủ tịch Quốc hội" with no office code, a deputy prime minister who is foreign
   minister, "Quốc vụ khanh", a lower-case "ngoại trưởng", a lower-case "president" after a
   state's adjective or possessive, a "counterpart" / "người đồng cấp" with the office of the
   post named before it).
2. Its arrival verbs: "đến" / "tới" and a state or its capital right after the traveller.
3. The file is checked: a bad row is refused with the file, the row and the field.

Every form of the table is tried in a sentence written for these tests (in no corpus part).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.extraction import vocabulary
from diplograph.extraction.pipeline import extract_text
from diplograph.graph.errors import DiplographError
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _posts(text: str, registry, lang: str | None = None) -> list[tuple]:  # noqa: ANN001
    ex = extract_text(text, lang, registry, verify=False)
    return [(p.label, p.office, p.state) for p in ex.context.posts]


def _visits(text: str, registry) -> set[tuple]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    out = set()
    for c in ex.candidates:
        if c.type == "event" and c.data.get("event_type") == "visit":
            ps = tuple(sorted((p["actor"], p["role"], (p.get("post") or {}).get("office"))
                              for p in c.data["participants"]))
            out.add((ps, c.data.get("date") or c.data.get("start")))
    return out


# --- 1. posts ------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["Phó Chủ tịch Quốc hội", "Phó Chủ tịch Hạ viện",
                                   "Phó Chủ tịch Thượng viện"])
def test_vice_chair_of_a_chamber_has_no_office(registry, title: str) -> None:  # noqa: ANN001
    got = _posts(f"Ngày 3/4/2024, {title} Ba Lan Anna Nowak thăm chính thức Việt Nam.",
                 registry)
    assert (title, "", "POL") in got, got
    assert not any(o == "speaker-of-parliament" for _, o, _ in got), got


@pytest.mark.parametrize("title", [
    "National Assembly Chairman", "National Assembly Chairwoman",
    "Chairman of the National Assembly", "Chairwoman of the National Assembly"])
def test_chair_en_is_the_speaker(registry, title: str) -> None:  # noqa: ANN001
    """Round 45: the chair of a national assembly holds speaker-of-parliament (the corpus
    README's "Two posts", the lead, session 22)."""
    text = f"On 3 April 2024 Polish {title} Anna Nowak visited Thailand."
    assert (title, "speaker-of-parliament", "POL") in _posts(text, registry)


@pytest.mark.parametrize("title", [
    "Vice Chairman of the National Assembly", "Vice Chairwoman of the National Assembly",
    "National Assembly Vice Chairman", "National Assembly Vice Chairwoman"])
def test_vice_chair_en_has_no_office(registry, title: str) -> None:  # noqa: ANN001
    text = f"On 3 April 2024 Polish {title} Anna Nowak visited Thailand."
    assert (title, "", "POL") in _posts(text, registry)
    got = _visits(text, registry)
    assert ((("Poland", "visitor", None), ("Thailand", "host", None)), "2024-04-03") in got, got


def test_vice_chair_visit_has_no_speaker_post(registry) -> None:  # noqa: ANN001
    got = _visits("Ngày 3/4/2024, Phó Chủ tịch Quốc hội Ba Lan Anna Nowak thăm chính thức "
                  "Việt Nam.", registry)
    assert ((("Poland", "visitor", None), ("Vietnam", "host", None)), "2024-04-03") in got, got


def test_chair_of_the_assembly_is_still_the_speaker(registry) -> None:  # noqa: ANN001
    got = _posts("Ngày 3/4/2024, Chủ tịch Quốc hội Ba Lan Anna Nowak thăm chính thức Việt Nam.",
                 registry)
    assert any(o == "speaker-of-parliament" for _, o, _ in got), got


@pytest.mark.parametrize("title", [
    "Phó Thủ tướng, Bộ trưởng Ngoại giao", "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao",
    "Phó Thủ tướng kiêm Bộ trưởng Ngoại giao", "Phó Thủ tướng kiêm Bộ trưởng Bộ Ngoại giao"])
def test_deputy_prime_minister_and_foreign_minister_vi(registry, title: str) -> None:  # noqa: ANN001
    got = _posts(f"Ngày 9/10/2024, {title} Ba Lan Adam Nowak thăm chính thức Thái Lan.",
                 registry)
    assert (title, "minister-of-foreign-affairs", "POL") in got, got


@pytest.mark.parametrize("title", [
    "Deputy Prime Minister and Foreign Minister",
    "Deputy Prime Minister and Minister of Foreign Affairs",
    "Deputy Prime Minister and Minister for Foreign Affairs"])
def test_deputy_prime_minister_and_foreign_minister_en(registry, title: str) -> None:  # noqa: ANN001
    got = _visits(f"On 9 October 2024 Polish {title} Adam Nowak visited Thailand.", registry)
    assert ((("Poland", "visitor", "minister-of-foreign-affairs"), ("Thailand", "host", None)),
            "2024-10-09") in got, got


def test_deputy_prime_minister_and_defence_minister_stays_deputy(registry) -> None:  # noqa: ANN001
    got = _posts("On 9 October 2024 Polish Deputy Prime Minister and Defence Minister Adam "
                 "Nowak visited Thailand.", registry)
    assert not any(o == "minister-of-foreign-affairs" for _, o, _ in got), got


def test_minister_of_state_vi_has_no_office(registry) -> None:  # noqa: ANN001
    got = _posts("Ngày 2/5/2024, Quốc vụ khanh Bộ Ngoại giao Ghana Kofi Mensah thăm Việt Nam.",
                 registry)
    assert any(label == "Quốc vụ khanh" and office == "" for label, office, _ in got), got


def test_lower_case_foreign_minister_vi(registry) -> None:  # noqa: ANN001
    got = _posts("Đây là chuyến thăm Nhật Bản đầu tiên của một ngoại trưởng Ba Lan.", registry)
    assert ("ngoại trưởng", "minister-of-foreign-affairs", "POL") in got, got


@pytest.mark.parametrize(("title", "office"), [
    ("president", "president"), ("vice-president", "vice-president"),
    ("vice president", "vice-president")])
def test_lower_case_office_after_a_state(registry, title: str, office: str) -> None:  # noqa: ANN001
    got = _visits(f"From 3 to 5 May 2011 the Chilean {title}, Ana Rojas, paid a visit to Peru.",
                  registry)
    assert any(("Chile", "visitor", office) in ps for ps, _ in got), got
    got = _posts(f"In 2012 Peru's {title} Ana Rojas visited Chile.", registry)
    assert (title, office, "PER") in got, got


def test_lower_case_office_without_a_state_is_no_post(registry) -> None:  # noqa: ANN001
    got = _posts("The president said on 4 May 2011 that talks with Peru would go on; the "
                 "vice-president agreed.", registry)
    assert not any(label in ("president", "vice-president") for label, _, _ in got), got


def test_counterpart_takes_the_office_named_before(registry) -> None:  # noqa: ANN001
    got = _posts("On 4 March 2024 Chile's Foreign Minister Ana Rojas and her Peruvian "
                 "counterpart Luis Vega met in Lima.", registry)
    assert ("counterpart", "minister-of-foreign-affairs", "PER") in got, got


def test_counterpart_vi_takes_the_office_named_before(registry) -> None:  # noqa: ANN001
    got = _posts("Ngày 4/3/2024, Thủ tướng Chile Ana Rojas hội đàm với người đồng cấp Peru "
                 "Luis Vega tại Lima.", registry)
    assert any(label == "người đồng cấp" and office == "prime-minister"
               for label, office, _ in got), got


def test_counterpart_with_no_post_before_is_no_post(registry) -> None:  # noqa: ANN001
    got = _posts("Ngày 4/3/2024, đoàn Chile gặp người đồng cấp Peru tại Lima.", registry)
    assert not any(label == "người đồng cấp" for label, _, _ in got), got


# --- 2. arrival verbs ----------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["đến", "tới"])
def test_arrival_after_an_office_holder(registry, verb: str) -> None:  # noqa: ANN001
    got = _visits(f"Ngày 14/9/2024, Tổng thống Chile Ana Rojas {verb} Lima và hội đàm với "
                  "các bộ trưởng.", registry)
    assert ((("Chile", "visitor", "president"), ("Peru", "host", None)), "2024-09-14") in got, \
        got


def test_arrival_after_honorific_and_name(registry) -> None:  # noqa: ANN001
    got = _visits("Tổng thống Chile Ana Rojas thăm Argentina ngày 10/9/2024. Ngày 14/9/2024, "
                  "bà Rojas đã tới Lima.", registry)
    assert any(d == "2024-09-14" and ("Peru", "host", None) in ps for ps, d in got), got


def test_arrival_verb_not_after_a_traveller(registry) -> None:  # noqa: ANN001
    got = _visits("Ngày 14/9/2024, các vấn đề liên quan đến Peru được thảo luận; hàng hóa "
                  "được chở từ Santiago đến Lima.", registry)
    assert not any(("Peru", "host", None) in ps for ps, _ in got), got


def test_arrival_with_a_visit_word_after_is_that_visit(registry) -> None:  # noqa: ANN001
    got = _visits("Ngày 14/9/2024, Tổng thống Chile Ana Rojas tới Lima, bắt đầu chuyến thăm "
                  "chính thức Peru.", registry)
    assert len([1 for ps, _ in got if ("Peru", "host", None) in ps]) == 1, got


def test_undated_arrival_is_left_out(registry) -> None:  # noqa: ANN001
    got = _visits("Tổng thống Chile Ana Rojas tới Lima bằng chuyên cơ.", registry)
    assert not any(("Peru", "host", None) in ps for ps, _ in got), got


# --- 3. the file is checked ----------------------------------------------------------------

def _with_file(tmp_path: Path, monkeypatch, text: str) -> None:  # noqa: ANN001
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(vocabulary, "VOCABULARY_FILE", path)
    vocabulary._data.cache_clear()
    vocabulary.post_forms.cache_clear()
    vocabulary.arrival_verbs.cache_clear()


@pytest.fixture
def clean_cache():  # noqa: ANN201
    yield
    vocabulary._data.cache_clear()
    vocabulary.post_forms.cache_clear()
    vocabulary.arrival_verbs.cache_clear()


@pytest.mark.parametrize(("text", "where"), [
    ("posts: [{lang: en, form: X, parts: [], note: n}]\narrival_verbs: []\n",
     "posts[0].office"),
    ("posts: [{lang: fr, form: X, office: '', parts: [], note: n}]\narrival_verbs: []\n",
     "posts[0].lang"),
    ("posts: []\narrival_verbs: [{lang: vi, form: đến, note: n}]\n", "arrival_verbs[0]"),
    ("posts: []\n", "arrival_verbs"),
])
def test_bad_row_is_refused_with_file_row_and_field(tmp_path: Path, monkeypatch, clean_cache,
                                                    text: str, where: str) -> None:  # noqa: ANN001
    _with_file(tmp_path, monkeypatch, text)
    with pytest.raises(DiplographError) as e:
        vocabulary.post_forms("en")
    assert str(tmp_path / "vocabulary.yaml") in str(e.value)
    assert where in str(e.value)


def test_every_row_of_the_shipped_file_is_tried_here() -> None:
    """Each form of the table appears in a sentence of this file."""
    here = Path(__file__).read_text(encoding="utf-8")
    data = vocabulary._data()
    for row in data["posts"] + data["arrival_verbs"]:
        assert row["form"] in here, row["form"]
