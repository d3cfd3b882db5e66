"""The thirty-second round of extraction (issue 16): constructions behind the misses of
``test42/`` and ``test43/`` (development parts this round), each in both languages where the
construction has two.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _cands(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def _key(registry, name: str) -> str:
    """The registry key of a state or organisation (labels may change; keys do not)."""
    return registry.resolve(name).key


def _mem(text: str, registry) -> set[tuple]:
    return {(_key(registry, d["member"]), _key(registry, d["organization"]), d.get("start"))
            for d in _cands(text, registry, "membership")}


# --- the ministry's transliterations: "Cáp-ve", "Xao Tô-mê" ----------------------------------

def test_cape_verde_transliterated_vi(registry) -> None:
    text = ("Cáp-ve là một quốc đảo ở Đại Tây Dương. Cáp-ve gia nhập Liên hợp quốc ngày "
            "16/9/1975.")
    assert ("CPV", "UN", "1975-09-16") in _mem(text, registry)


def test_sao_tome_transliterated_as_place_vi(registry) -> None:
    text = "Thủ tướng Cáp-ve dự Hội nghị thượng đỉnh CPLP tại Xao Tô-mê ngày 12/3/2021."
    places = {_key(registry, d["place"]) for d in _cands(text, registry, "event") if d.get("place")}
    assert places == {"STP"}
