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

import difflib
import functools
import re

from ..graph.names import exact_form, folded_form, strip_diacritics

__all__ = ["common_subsequence", "exact_form", "folded_form", "looks_like_code", "phonetic_key",
           "place_masks", "split_qualifier", "strip_diacritics", "tokens", "transliterated",
           "trigrams", "uninvert"]

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


def place_masks(text: str) -> dict[str, int]:
    """Each character of ``text`` with the places it holds, as the bits of an integer (bit
    ``i`` for ``text[i]``): what :func:`common_subsequence` reads ``text`` by.

    >>> place_masks("abca") == {"a": 0b1001, "b": 0b10, "c": 0b100}
    True
    """
    masks: dict[str, int] = {}
    for i, c in enumerate(text):
        masks[c] = masks.get(c, 0) | 1 << i
    return masks


def common_subsequence(masks: dict[str, int], n: int, other: str) -> int:
    """The length of the longest common subsequence of a text of ``n`` characters, read by its
    :func:`place_masks`, and ``other`` (bit-parallel, Hyyrö's form of Allison and Dix's
    algorithm: a few operations on integers per character of ``other``).

    Session 27: an upper bound of difflib's ratio, cheaper than the ratio by about ten times on
    names. ``SequenceMatcher``'s matching blocks are increasing and do not overlap in either
    sequence, so their characters are a common subsequence: ``matches <= lcs``, and
    ``2.0 * lcs / (la + lb) >= ratio()`` (a float division of exact integers is monotone),
    whatever the junk. A form whose bound is below a cutoff has a ratio below it.

    >>> common_subsequence(place_masks("kazakhstan"), 10, "kasakstan")
    8
    >>> common_subsequence(place_masks(""), 0, "abc"), common_subsequence(place_masks("ab"), 2, "")
    (0, 0)
    """
    full = (1 << n) - 1
    v = full
    get = masks.get
    for c in other:
        u = v & get(c, 0)
        v = (v + u) | (v - u)
    return n - (v & full).bit_count()


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


# Vietnamese phonetic transliteration ("Ác-hen-ti-na", "Ca-dắc-xtan") and the names it renders,
# reduced to the sounds they share: digraphs first, then classes of letters Vietnamese spelling
# writes alike (x for s and z, d for z, c for k and hard g, p for f, i for y), r and h dropped
_DIGRAPHS = (("ph", "f"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("ch", "k"), ("qu", "k"),
             ("gi", "d"), ("ck", "k"))
_CLASSES = str.maketrans({"c": "k", "q": "k", "g": "k", "z": "s", "x": "s", "j": "s", "d": "s",
                          "f": "p", "b": "p", "w": "v", "y": "i", "u": "o", "l": "n",
                          "h": None})
_INNER_H = re.compile(r"(?<=.)h")
_SOFT_C = re.compile(r"c(?=[eiy])")
_GLIDE_W = re.compile(r"w(?=[aeiouy])")
_R = re.compile(r"r(?=[^aeiouy]|$)")
_LOWER_AFTER_HYPHEN = re.compile(r"-[^\W\d_A-Z]")
_SYLLABLES = re.compile(r"^[^\W\d_]{1,7}(?:[- ][^\W\d_]{1,7})+$")


@functools.lru_cache(maxsize=1 << 16)
def phonetic_key(text: str) -> str:
    """The sounds of a name as Vietnamese transliteration writes them (for comparing a
    transliteration with the name it renders). Remembered for the last 65,536 texts (session
    26: the readings ask it of the same names again; it depends on the text alone).

    >>> phonetic_key("Ác-hen-ti-na") == phonetic_key("Argentina")
    True
    >>> phonetic_key("Ca-dắc-xtan") == phonetic_key("Kazakhstan")
    True
    >>> phonetic_key("Áp-ga-ni-xtan") == phonetic_key("Afghanistan")
    True
    >>> phonetic_key("Ma-xê-đô-ni-a") == phonetic_key("Macedonia")
    True
    >>> phonetic_key("Ê-xoa-ti-ni") == phonetic_key("Eswatini")
    True
    """
    s = "".join(c for c in strip_diacritics(exact_form(text)) if c.isalpha())
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    # a soft c is said s (Macedonia, Ma-xê-đô-ni-a); Vietnamese writes k before e and i
    s = _SOFT_C.sub("s", s)
    # round 14: a w before a vowel is a glide Vietnamese writes o ("Ê-xoa-ti-ni" Eswatini,
    # "Bốt-xoa-na" Botswana, "Ma-la-uy" Malawi: u is o's class)
    s = _GLIDE_W.sub("o", s)
    # an initial h is said (Hung-ga-ri, Hungary); one inside a word mostly is not (Ác-hen-ti-na)
    s = _INNER_H.sub("", _R.sub("", s))
    s = ("h" + s[1:].translate(_CLASSES)) if s.startswith("h") else s.translate(_CLASSES)
    return re.sub(r"(.)\1+", r"\1", s)


def consonants(key: str) -> str:
    """The consonants of a :func:`phonetic_key` (its vowel classes a, e, i, o left out).

    >>> consonants("ponkari")
    'pnkr'
    """
    return "".join(c for c in key if c not in "aeio")


def sounds_alike(key: str, other: str) -> float:
    """How alike two :func:`phonetic_key` keys sound: the mean of their similarity
    (``difflib``'s ratio) and that of their :func:`consonants`, or their similarity alone when
    ``key`` has no consonant. The readings that compare one key with many (``readings/sounds``,
    ``readings/rulers``) compute the same with their matchers set once.

    >>> round(sounds_alike(phonetic_key("Ghi-nê Bít-xao"), phonetic_key("Ghi-nê Bi-xau")), 3)
    0.915
    """
    full = difflib.SequenceMatcher(None, key, other, autojunk=False).ratio()
    ck = consonants(key)
    if not ck:
        return full
    co = consonants(other)
    return (full + difflib.SequenceMatcher(None, ck, co, autojunk=False).ratio()) / 2


def transliterated(text: str) -> bool:
    """True for a name written in hyphenated syllables, as Vietnamese transliteration writes
    foreign names (``Ác-hen-ti-na``, ``Xy-ri``, ``Cô-xta Ri-ca``): short syllables, and a
    lower-case letter after a hyphen (English hyphenates capitalised names: ``Guinea-Bissau``).

    >>> transliterated("Ác-hen-ti-na"), transliterated("Xy-ri"), transliterated("Guinea-Bissau")
    (True, True, False)
    >>> transliterated("Peru")
    False
    """
    t = text.strip()
    return bool(_SYLLABLES.match(t)) and bool(_LOWER_AFTER_HYPHEN.search(t))
