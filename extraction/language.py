"""Which language a text is in: English, Vietnamese, or neither (refused).

Vietnamese is recognised by its letters (ă â đ ê ô ơ ư and the tone marks), English by its
most frequent function words. No model is needed for two languages this far apart.

>>> detect("Việt Nam và Mông Cổ thiết lập quan hệ ngoại giao ngày 17/11/1954.")
'vi'
>>> detect("Mongolia has diplomatic relations with all UN member states.")
'en'
>>> detect("Die Bundesrepublik unterhält diplomatische Beziehungen mit der Mongolei.") is None
True
"""

from __future__ import annotations

import re
import unicodedata

LANGUAGES = ("en", "vi")
_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VI_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_EN_WORDS = frozenset(
    "the and of to in a is was with on for by that as at from its it has have were are "
    "which their this an be or".split()
)


def scores(text: str) -> dict[str, float]:
    """The share of Vietnamese-marked words and of English function words."""
    words = re.findall(r"[^\W\d_]+", text[:20000])
    if not words:
        return {"vi": 0.0, "en": 0.0}
    vi = 0
    for w in words:
        decomposed = unicodedata.normalize("NFD", w)
        if any(c in _VI_LETTERS for c in w) or any(c in _VI_MARKS for c in decomposed):
            vi += 1
    en = sum(1 for w in words if w.lower() in _EN_WORDS)
    return {"vi": vi / len(words), "en": en / len(words)}


def detect(text: str) -> str | None:
    """``"vi"``, ``"en"``, or None when the text is in neither language."""
    s = scores(text)
    if s["vi"] >= 0.25:
        return "vi"
    if s["en"] >= 0.12 and s["vi"] < 0.1:
        return "en"
    return None
