"""Round 45 (session 25): states' names the extractor's gazetteer lacked.

1. (A) A state's name followed by more words of a transliteration that, together, sound like a
   longer name of another state beginning with it is that state: a Guinea-Bissau written
   "Ghi-nê Bít-xao" (the registry holds "Ghi-nê Bi-xau") is not Guinea, "Ghi-nê". The
   similarity and its thresholds are the linking matcher's transliteration reading's.
2. (B) The states' Vietnamese transliterations held by the linking matcher's sourced name
   tables ("Đô-mi-ni-ca-na", "Xê-út") are gazetteer names: the longest run wins.
3. (D) A state's Vietnamese long form with its long-form words written by their initials
   ("CHDC Công-gô", the Democratic Republic of the Congo, not "Công-gô"), as the matcher reads
   it (``linking/names/forms.yaml``, ``vi_initials``).

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest

from diplograph.extraction.names import gazetteer
from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _keys(text: str, registry) -> list[tuple[str, str | None]]:  # noqa: ANN001
    return [(m.surface, m.key) for m in gazetteer(registry).mentions(text)]


@pytest.mark.parametrize("text, expected", [
    ("Quan hệ giữa Ghi-nê Bít-xao và Lào", [("Ghi-nê Bít-xao", "GNB"), ("Lào", "LAO")]),
    ("Cộng hòa Ghi-nê Bít-xao ở Tây Phi", [("Cộng hòa Ghi-nê Bít-xao", "GNB")]),
    ("CỘNG HÒA GHI-NÊ BÍT-XAO - HỒ SƠ", [("CỘNG HÒA GHI-NÊ BÍT-XAO", "GNB")]),
])
def test_longer_name_by_its_sounds(text, expected, registry) -> None:  # noqa: ANN001
    assert _keys(text, registry) == expected


@pytest.mark.parametrize("text, expected", [
    # a person's name after the state's is no part of it
    ("Thủ tướng Ghi-nê Ma-ma-đu đến thăm", [("Ghi-nê", "GIN")]),
    ("giáp Ghi-nê Xích Đạo và Ghi-nê.", [("Ghi-nê Xích Đạo", "GNQ"), ("Ghi-nê", "GIN")]),
    ("Ghi-nê Bi-xau", [("Ghi-nê Bi-xau", "GNB")]),
])
def test_shorter_name_kept(text, expected, registry) -> None:  # noqa: ANN001
    assert _keys(text, registry) == expected


def test_transliterations_of_the_matchers_tables(registry) -> None:  # noqa: ANN001
    assert _keys("Đô-mi-ni-ca-na và Đô-mi-ni-ca", registry) == [
        ("Đô-mi-ni-ca-na", "DOM"), ("Đô-mi-ni-ca", "DMA")]
    assert _keys("Ả Rập Xê-út", registry)[-1][1] == "SAU"


def test_membership_of_the_longer_state(registry) -> None:  # noqa: ANN001
    text = "Ghi-nê Bít-xao gia nhập Liên hợp quốc ngày 12/10/1975."
    ex = extract_text(text, None, registry, verify=False)
    members = [(c.data["member"], c.data["organization"]) for c in ex.candidates
               if c.type == "membership"]
    assert members and all(m == "Guinea-Bissau" for m, _ in members)


@pytest.mark.parametrize("text, expected", [
    ("giáp CHDC Công-gô và Ru-an-đa", ("CHDC Công-gô", "COD")),
    ("CHND Trung Hoa", ("CHND Trung Hoa", "CHN")),
    ("CHLB Đức", ("CHLB Đức", "DEU")),
])
def test_long_form_words_by_their_initials(text, expected, registry) -> None:  # noqa: ANN001
    """(D) a state's long form with its long-form words written by their initials (the
    linking matcher's ``forms.yaml`` units)."""
    assert _keys(text, registry)[0] == expected
