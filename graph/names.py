"""Name normalisation, the one used everywhere a name is matched: the registry's resolver
(:mod:`.registry`), the extraction of mentions and the linking to Wikidata
(:mod:`diplograph.linking.normalise` builds its rewritings on these).

* :func:`exact_form`: NFC, case-folded, whitespace collapsed, typographic quotes and dashes
  made plain (``"  Holy   See"`` -> ``"holy see"``);
* :func:`folded_form`: diacritics removed (``đ`` -> ``d``), ``&`` -> ``and``, a leading "the"
  dropped, punctuation and spaces removed (``"Việt Nam"`` -> ``"vietnam"``).

>>> folded_form("Việt Nam Dân chủ Cộng hòa") == folded_form("Viet Nam Dan Chu Cong Hoa")
True
>>> folded_form("The Holy See")
'holysee'
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["exact_form", "folded_form", "strip_diacritics"]

_PUNCT = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    """Remove combining marks; ``đ``/``Đ`` become ``d``/``D``.

    >>> strip_diacritics("Đông Đức, Tiệp Khắc")
    'Dong Duc, Tiep Khac'
    """
    if text.isascii():  # no mark to remove, and both normal forms of ASCII are itself
        return text
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@functools.lru_cache(maxsize=1 << 17)
def exact_form(text: str) -> str:
    """NFC, case-folded, whitespace collapsed; typographic quotes and dashes made plain.
    Remembered for the last 131,072 names (session 19: the matcher asks it of the same names
    again for each reading).

    >>> exact_form("  Mongolia’s   People ")
    "mongolia's people"
    """
    text = unicodedata.normalize("NFC", text)
    text = (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u2013", "-")
        .replace("\u2014", "-")
    )
    return _SPACES.sub(" ", text.casefold()).strip()


@functools.lru_cache(maxsize=1 << 17)
def folded_form(text: str) -> str:
    """Diacritics, case, punctuation and whitespace folded; ``&`` -> ``and``; leading "the" dropped.

    Remembered for the last 131,072 texts: the matcher folds the same registry names again
    for every name it reads (docs/linking.md, "Speed").

    >>> folded_form("Trade & Development") == folded_form("trade and development")
    True
    >>> folded_form("G-77") == folded_form("G77")
    True
    """
    t = strip_diacritics(exact_form(text)).replace("&", " and ")
    t = _PUNCT.sub(" ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t.replace(" ", "")
