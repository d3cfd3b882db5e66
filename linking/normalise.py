"""Name normalisation for matching: case, diacritics, punctuation and word order.

Three forms of a name are used by :mod:`diplograph.linking.matcher`:

* :func:`exact_form`: NFC, case-folded, whitespace collapsed (``"  Holy   See"`` -> ``"holy see"``);
* :func:`folded_form`: diacritics removed (``đ`` -> ``d``), ``&`` -> ``and``, a leading "the"
  dropped, punctuation and spaces removed (``"Việt Nam"`` -> ``"vietnam"``);
* :func:`variants`: rewritings tried when the name itself is unknown (``"Korea, South"`` ->
  ``"South Korea"``; ``"WTO (tourism)"`` -> ``"WTO"`` with the qualifier ``"tourism"``).

>>> folded_form("Việt Nam Dân chủ Cộng hòa") == folded_form("Viet Nam Dan Chu Cong Hoa")
True
>>> folded_form("The Holy See")
'holysee'
"""

from __future__ import annotations

import re

from ..graph.names import exact_form, folded_form, strip_diacritics

__all__ = ["exact_form", "folded_form", "looks_like_code", "split_qualifier", "strip_diacritics",
           "tokens", "trigrams", "uninvert"]

_PUNCT = re.compile(r"[\W_]+")
_PAREN = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<qual>[^()]+)\)\s*$")


def tokens(text: str) -> set[str]:
    """Folded words of ``text`` (for qualifier overlap).

    >>> sorted(tokens("Congo (Brazzaville)"))
    ['brazzaville', 'congo']
    """
    return {w for w in _PUNCT.sub(" ", strip_diacritics(exact_form(text))).split() if w}


def split_qualifier(text: str) -> tuple[str, str] | None:
    """``"WTO (tourism)"`` -> ``("WTO", "tourism")``; None when there is no trailing qualifier.

    >>> split_qualifier("Congo (Kinshasa)")
    ('Congo', 'Kinshasa')
    >>> split_qualifier("Congo") is None
    True
    """
    m = _PAREN.match(text.strip())
    return (m.group("head").strip(), m.group("qual").strip()) if m else None


def uninvert(text: str) -> str | None:
    """The Factbook's inverted form ``"Korea, South"`` -> ``"South Korea"``; None otherwise.

    >>> uninvert("Korea, North")
    'North Korea'
    >>> uninvert("Micronesia, Federated States of")
    'Federated States of Micronesia'
    >>> uninvert("Mongolia") is None
    True
    """
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        return None
    return f"{parts[1]} {parts[0]}"


def trigrams(form: str) -> set[str]:
    """Character trigrams of a folded form, padded at both ends.

    >>> sorted(trigrams("lao"))
    ['$$l', '$la', 'ao$', 'lao', 'o$$']
    """
    padded = f"$${form}$$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def looks_like_code(text: str) -> bool:
    """A short token without spaces that has at least one capital letter or digit (ISO code,
    acronym): matched case-sensitively before labels.

    >>> looks_like_code("WTO"), looks_like_code("G-77")
    (True, True)
    >>> looks_like_code("Mongolia"), looks_like_code("Nga")
    (False, False)
    """
    t = text.strip()
    if not t or " " in t or len(t) > 12:
        return False
    upper = sum(1 for c in t if c.isupper() or c.isdigit())
    return upper >= 2 or (upper >= 1 and len(t) <= 3 and t[0].isupper() and not t[1:].islower())
