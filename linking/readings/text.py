"""Pure helpers on the words of a name, shared by the readings of :mod:`~.readings`.

Reads no name itself: regular expressions, word lists and functions on text and entities
(initials, continent words, the spans of long-form words, years and centuries) that several
readings use. Tables only one reading uses live in that reading's module.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from ...graph.registry import Entity
from ..candidates import _Name
from ..features import SupraVerdenRecord, supraverden_of
from ..names import read_yaml
from ..normalise import folded_form, phonetic_key, strip_diacritics

# the longest official long form has fewer words ("Great Socialist People's Libyan Arab
# Jamahiriya", "Liên hiệp Vương quốc Anh và Bắc Ireland"): longer names skip the long-form and
# word-by-word passes, which keeps a long name's time bounded
MAX_FORM_WORDS = 16


#: round 33: a capital letter that may begin a Vietnamese name, with every tone mark over
#: every vowel (the class written before this round lacked the letters with two marks, so
#: "Ấn Độ" was read after no regime or government word)
_VI_UPPER = ("[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ"
             "ẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]")

def _first_fullmatch(patterns: Sequence[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The match of the first of ``patterns`` that matches the whole of ``text``, or None."""
    for pattern in patterns:
        m = pattern.fullmatch(text)
        if m is not None:
            return m
    return None


#: data set prefixes of ``Entity.source_ids`` and how evidence names them
SOURCE_NAMES = {
    "cow-igo-v3": "COW IGO v3 ioname",
    "internacia": "internacia id",
    "owid-countries-regions": "OWID code",
    "supraverden-igos": "SupraVerden Abbreviation_en",
}


def acronym_support(e: Entity, code: str,
                    supraverden: Mapping[str, SupraVerdenRecord] | None = None) -> list[str]:
    """The data sets whose own identifier for ``e`` is exactly ``code`` (an acronym, ISO or COW
    code), e.g. ``['COW IGO v3 ioname', 'internacia id']`` for the WTO and the trade body
    (``supraverden``: SupraVerden's records, default the file's)."""
    out = []
    for sid in e.source_ids:
        ds, _, local = sid.partition(":")
        if local == code and ds in SOURCE_NAMES:
            out.append(SOURCE_NAMES[ds])
    if any(r.abbreviation == code for r in supraverden_of(e, supraverden)):
        out.append(SOURCE_NAMES["supraverden-igos"])
    if code in (e.iso2, e.iso3):
        out.append("ISO 3166-1")
    if e.cow_abbrev == code:
        out.append("COW state abbreviation")
    return sorted(set(out))


def _name_words(e: Entity) -> list[list[str]]:
    """The folded words of each label and alias of ``e`` (made once per entity: the readings
    ask for them of every state for every name they read; the lists are shared, never
    changed)."""
    words = _NAME_WORDS.get(e)
    if words is None:
        words = _NAME_WORDS[e] = [[folded_form(w) for w in t.split()]
                                  for t in [*e.labels.values(), *(a for a, _ in e.aliases)]]
    return words


#: :func:`_name_words` of each entity while the entity lives
_NAME_WORDS: weakref.WeakKeyDictionary[Entity, list[list[str]]] = weakref.WeakKeyDictionary()


def _capitals(code: str) -> str:
    """The capitals and digits of an acronym (``WToO`` -> ``WTO``)."""
    return "".join(c for c in code if c.isupper() or c.isdigit())


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


@lru_cache(maxsize=16)
def _unit_lengths(units: frozenset[tuple[str, ...]]) -> list[int]:
    """Session 26: the lengths of ``units``, sorted, each once (made once per set of units:
    :func:`_prefix_ends` is asked thousands of times with the matcher's state forms).
    Callers only read it."""
    return sorted(set(map(len, units)))


@lru_cache(maxsize=16)
def _reversed_units(units: frozenset[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Session 26: ``units`` with the words of each in reverse order (for
    :func:`_suffix_starts`), made once per set of units."""
    return frozenset(tuple(reversed(u)) for u in units)


def _prefix_ends(words: list[str], units: set[tuple[str, ...]]) -> list[int]:
    """Ends of the prefixes of ``words`` made only of ``units``, shortest first.

    >>> _prefix_ends(["conghoa", "danchu", "lao"], {("conghoa",), ("danchu",)})
    [1, 2]
    """
    ends: set[int] = set()
    frontier = {0}
    # (session 19: by builtins, the same lengths; session 26: made once for a frozenset)
    lengths = (_unit_lengths(units) if isinstance(units, frozenset)
               else sorted(set(map(len, units))))
    while frontier:
        i = frontier.pop()
        for n in lengths:
            if tuple(words[i : i + n]) in units and i + n not in ends:
                ends.add(i + n)
                frontier.add(i + n)
    return sorted(ends)


_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "upper", "lower", "new", "bac", "nam", "dong", "tay", "tan",
                         "thuong", "ha"})


_STOP_WORDS = frozenset({"of", "the", "and", "for", "on", "in"})


#: the Vietnamese word for a land or region (xứ) before a name, with its diacritic only
#: ("Xu" without it begins transliterations: "Xu-đăng")
_REGION_WORD = re.compile(r"(?:xứ|Xứ|XỨ)\s+(?P<rest>\S.*)")


_SPECIAL_REGION = re.compile(r"đặc\s+khu(?:\s+hành\s+chính)?\s+(?P<rest>\S.*)", re.IGNORECASE)


def _after_special_region(text: str) -> str | None:
    """The name after the Vietnamese "đặc khu" (special region: "Đặc khu Hồng Kông"), or None.

    >>> _after_special_region("Đặc khu hành chính Ma Cao"), _after_special_region("Hồng Kông")
    ('Ma Cao', None)
    """
    m = _SPECIAL_REGION.fullmatch(text)
    return m.group("rest") if m else None


_REGIME_WORD = re.compile(r"(?:chính\s+quyền|chế\s+độ)\s+(?P<rest>\S.*)", re.IGNORECASE)


_ROYAL = re.compile(r"(?P<adj>Royal|Imperial)\s+(?P<rest>[A-Z]\S*(?:\s+\S+)?)")


def _after_regime_word(text: str) -> str | None:
    """Round 15: the name after the Vietnamese "chính quyền" or "chế độ" (the government, the
    regime of), or None.

    >>> _after_regime_word("chính quyền Việt Nam Cộng hòa")
    'Việt Nam Cộng hòa'
    """
    m = _REGIME_WORD.fullmatch(text)
    return m.group("rest") if m else None


def _royal_form(text: str) -> str | None:
    """Round 15: "Royal X" as "Kingdom of X", "Imperial X" as "Empire of X", or None.

    >>> _royal_form("Royal Yugoslavia"), _royal_form("Royal Society")
    ('Kingdom of Yugoslavia', 'Kingdom of Society')
    """
    m = _ROYAL.fullmatch(text)
    if m is None:
        return None
    return f"{'Kingdom' if m.group('adj') == 'Royal' else 'Empire'} of {m.group('rest')}"


def _after_region_word(text: str) -> str | None:
    """The name after the Vietnamese region word "xứ", or None; round 17: or after "miền"
    (a part of a country) before a direction ("Miền Bắc Việt Nam" = "Bắc Việt Nam", North
    Vietnam)."""
    m = _REGION_WORD.fullmatch(text) or _DIRECTION_REGION.fullmatch(text)
    return m.group("rest") if m else None


#: round 17: "miền" before a direction word ("Miền Nam Việt Nam", the South of Vietnam)
_DIRECTION_REGION = re.compile(
    r"(?:miền|mien)\s+(?P<rest>(?:bắc|nam|đông|tây|bac|dong|tay)\s+\S.*)", re.IGNORECASE)


#: round 18: Vietnamese press descriptors of a state before its name: the host country, the
#: neighbouring country, the island state, the land of, the friendly country, the member state
_DESCRIPTOR = re.compile(
    r"(?:nước\s+chủ\s+nhà|nước\s+láng\s+giềng|nước\s+bạn|quốc\s+đảo|đảo\s+quốc"
    r"|xứ\s+sở|đất\s+nước|quốc\s+gia\s+thành\s+viên|nước\s+thành\s+viên"
    r"|nước\s+cộng\s+hòa\s+láng\s+giềng|nước\s+đăng\s+cai|nước\s+nội\s+lục)"
    r"\s+(?P<rest>\S.*)", re.IGNORECASE)


def _after_descriptor(text: str) -> str | None:
    """Round 18: the name after a Vietnamese press descriptor of a state ("nước chủ nhà
    Qatar", "nước láng giềng Campuchia", "quốc đảo Tuvalu", "xứ sở Nepal"), or None.

    >>> _after_descriptor("nước chủ nhà Qatar"), _after_descriptor("quốc đảo Tuvalu")
    ('Qatar', 'Tuvalu')
    >>> _after_descriptor("Qatar") is None
    True
    """
    m = _DESCRIPTOR.fullmatch(text.strip())
    return m.group("rest") if m else None


#: round 19: the Vietnamese words that open a press frame around a state's name: "phía" (the
#: side of, a party to talks), "người bạn" (the friend), "quốc gia" (the country) followed by
#: a region ("quốc gia vùng Vịnh Oman", "quốc gia Nam Mỹ Paraguay")
_VI_FRAME = re.compile(r"(?P<frame>phía|phia|người\s+bạn|quốc\s+gia|quoc\s+gia)\s+(?P<rest>\S.*)",
                       re.IGNORECASE)


#: round 19: an English appositive frame, "the <modifiers> <kind of state> of <name>" ("the
#: Himalayan kingdom of Bhutan", "the oil-rich emirate of Kuwait", "the Pacific island nation
#: of Kiribati"); "state" alone is no head ("the US state of Georgia" is no country); the
#: article is part of the frame ("Abode of Peace Nation of Brunei", an official name's two
#: parts inverted, is no press description)
_EN_FRAME = re.compile(
    r"the\s+(?P<mods>(?:[\w'’.-]+\s+){1,6}?)"
    r"(?P<head>island\s+state|city-state|nation|kingdom|republic|emirate|sultanate|principality"
    r"|country|monarchy|archipelago|islands?)\s+of\s+(?P<rest>\S.*)", re.IGNORECASE)


#: modifiers that name a form, a regime or a period, not a description: a frame with one of
#: them is a different entity ("the Socialist Republic of Croatia", "the Second Polish
#: Republic", "the Autonomous Republic of Crimea"), never read through
_FORM_WORDS = frozenset("""
    socialist people's peoples democratic federal federative soviet autonomous islamic arab
    provisional revolutionary first second third fourth fifth sixth united free independent
    national constitutional royal imperial grand papal former old ancient medieval colonial
    breakaway self-proclaimed unrecognised unrecognized puppet occupied
""".split())


#: round 28: the Vietnamese word that says the state right after it borders the one framed
#: ("giáp Nga", and so "tiếp giáp Nga"), folded ("giáp với Nga" is not read)
_VI_NEIGHBOUR_WORDS = frozenset({"giap"})


#: words that bind the next word into a region's name ("châu Phi", "vùng Vịnh", "Nam Á"),
#: and the continents' and seas' words they bind
_BINDS_NEXT = frozenset({"chau", "vung", "mien", "khu", "dong", "tay", "nam", "bac", "trung",
                         "can", "tieu"})


_REGION_TAIL = frozenset({"phi", "a", "au", "my", "dong", "duong", "vinh", "latinh", "uc"})


def _plain_reading(method: str) -> bool:
    """Round 20: a reading with no fuzzy step, no code read from a word and no
    transliteration (of the readings inside a qualifier frame)."""
    return method != "fuzzy" and "code" not in method and "translit" not in method


def _has_vi_letters(text: str) -> bool:
    """Round 20: whether ``text`` has a letter with a diacritic (or đ): read as Vietnamese."""
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)) or (
        "đ" in text.lower())


def _folded_words_of(text: str) -> list[str]:
    return [folded_form(w) for w in text.split()]


#: round 20: named periods (the table ``periods`` of linking/names/predecessors.yaml):
#: folded name -> (first, last year)
_PERIODS: dict[str, tuple[int, int]] = {}
for _row in read_yaml("predecessors.yaml").get("periods") or []:
    for _n in _row["names"]:
        _PERIODS[" ".join(folded_form(str(_n)).split())] = (int(_row["years"][0]),
                                                           int(_row["years"][1]))


#: round 34: a month and its year after a name, in English or Vietnamese ("in December
#: 1991", "tháng 12 năm 1991"), read as the year
_MONTH_YEAR = re.compile(
    r"(?:(?:in|vào|trong)\s+)?(?P<what>(?:(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)|tháng\s+(?:1[0-2]|0?[1-9])\s+năm)\s+"
    r"(?P<year>1[5-9]\d\d|20[0-2]\d))")


def _period_qualifier(text: str) -> tuple[str, tuple[int, int], str] | None:
    """Round 20: (the name, its years, the period as written) of a name followed by a
    period, or None.

    >>> _period_qualifier("Liên hợp quốc thời Chiến tranh Lạnh")
    ('Liên hợp quốc', (1947, 1991), 'Chiến tranh Lạnh')
    >>> _period_qualifier("the League of Nations of the 1920s")
    ('the League of Nations', (1920, 1929), 'the 1920s')
    >>> _period_qualifier("the Habsburg Empire in 1850"), _period_qualifier("Nhóm G20")
    (('the Habsburg Empire', (1850, 1850), '1850'), None)
    """
    words = text.split()
    for i in range(1, len(words)):
        head = " ".join(words[:i]).rstrip(",")
        tail = " ".join(words[i:])
        month = _MONTH_YEAR.fullmatch(tail)
        if month is not None:
            # round 34: a month before the year ("in December 1991", "tháng 12 năm 1991")
            return head, (int(month.group("year")),) * 2, month.group("what")
        m = re.fullmatch(r"(?:(?:thời\s+kỳ|thời|trong|vào|during|in|of)\s+)?(?P<what>.+)",
                         tail, re.IGNORECASE)
        if m is None:
            continue
        what = m.group("what")
        if what == tail and not re.match(r"(?:the\s+)?\d", what):
            continue  # a named period needs its preposition
        span: tuple[int, int] | None = None
        d = re.fullmatch(r"(?:the\s+)?(1[5-9]\d0|20[0-2]0)s|(?:những\s+năm|thập\s+niên)\s+"
                         r"(1[5-9]\d0|20[0-2]0)", what, re.IGNORECASE)
        if d is not None:
            y = int(d.group(1) or d.group(2))
            span = (y, y + 9)
        elif re.fullmatch(r"1[5-9]\d\d|20[0-2]\d", what) and what != tail:
            span = (int(what), int(what))
        else:
            span = _PERIODS.get(" ".join(folded_form(what).split()))
        if span is not None:
            return head, span, what
    return None


def press_frame_readings(text: str) -> list[tuple[str, bool]]:
    """Round 19: the names a press frame may hold, longest first, each with whether only a
    state may be read from it: after "phía" the rest (any entity); after "người bạn" the rest;
    after "quốc gia" every tail of the rest (a region comes between); in an English appositive
    frame the name after "of". [] when the text has no frame.

    >>> press_frame_readings("quốc gia Tây Phi Bờ Biển Ngà")[:2]
    [('Tây Phi Bờ Biển Ngà', True), ('Bờ Biển Ngà', True)]
    >>> press_frame_readings("phía Nhật Bản")
    [('Nhật Bản', False)]
    >>> press_frame_readings("the Himalayan kingdom of Bhutan")
    [('Bhutan', True)]
    >>> press_frame_readings("the Socialist Republic of Croatia"), press_frame_readings("Kenya")
    ([], [])
    """
    text = text.strip()
    m = _VI_FRAME.fullmatch(text)
    if m is not None:
        frame = " ".join(m.group("frame").lower().split())
        rest = m.group("rest").strip()
        if frame in ("phía", "phia"):
            return [(rest, False)]
        if frame == "người bạn":
            return [(rest, True)]
        words = rest.split()
        for i, w in enumerate(words):
            if (i and folded_form(w) in _VI_NEIGHBOUR_WORDS and i + 1 < len(words)
                    and words[i + 1][:1].isupper() and folded_form(words[i - 1]) != "khong"):
                # ("không giáp biển", landlocked, is a kind of state: no neighbour)
                # round 28: "quốc gia Bắc Âu Phần Lan giáp Nga": the state named after "giáp"
                # (bordering) is the neighbour, never the state framed
                words = words[:i]
                break
        # a tail never starts inside a region's name: a continent's or a sea's word after
        # "châu", "vùng" or a direction ("quốc gia châu Phi" holds no "Phi", "quốc gia Bắc
        # Mỹ" no "Mỹ"; "quốc gia Nam Phi" is South Africa, "quốc gia Trung Đông Jordan" Jordan)
        return [(" ".join(words[i:]), True) for i in range(len(words))
                if i == 0 or folded_form(words[i - 1]) not in _BINDS_NEXT
                or folded_form(words[i]) not in _REGION_TAIL]
    m = _EN_FRAME.fullmatch(text)
    if m is not None:
        mods = [w.lower().strip(".") for w in m.group("mods").split()]
        if not any(w in _FORM_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", w) for w in mods):
            return [(m.group("rest").strip(), True)]
    return []


def _without_article(text: str) -> str | None:
    """Round 17: an English name without its leading "the" ("the Qing Empire"), or None."""
    m = re.fullmatch(r"(?i)the\s+(?P<rest>\S.*)", text)
    return m.group("rest") if m else None


_TWO_PART = re.compile(r"(.+?)\s+(?:and|&|và)\s+(.+)", re.IGNORECASE)


def short_names(held: Iterable[list[_Name]]) -> list[_Name]:
    """The first part of a current state's name made of two parts joined by "and" ("Sao Tome"
    of "Sao Tome and Principe", "Antigua" of "Antigua và Barbuda"), as the press writes it: a
    name of the state when that part names nothing else and is a name on its own (no "of",
    no comma, four letters or more).

    >>> e = Entity(key="STP", iri="x", kind="state", labels={"en": "Sao Tome and Principe"})
    >>> [n.text for n in short_names([[_Name(e, "Sao Tome and Principe", "en", "label", 0)]])]
    ['Sao Tome']
    """
    names = [n for group in held for n in group]
    taken: dict[str, set[int]] = defaultdict(set)
    for n in names:
        taken[folded_form(n.text)].add(id(n.entity))
    out: dict[tuple[str, int], _Name] = {}
    for n in names:
        if n.entity.kind != "state" or n.method not in ("label", "alias", "cldr"):
            continue
        m = _TWO_PART.fullmatch(n.text.strip())
        if not m:
            continue
        head = m.group(1).strip()
        fo = folded_form(head)
        words = [folded_form(w) for w in head.split()]
        if (len(fo.replace(" ", "")) < 4 or "," in head or "(" in head
                or any(w in ("of", "the", "cua") for w in words)):
            continue
        if taken.get(fo, set()) - {id(n.entity)}:
            continue
        out.setdefault((fo, id(n.entity)), _Name(
            n.entity, head, n.lang, "short-name", 1,
            f"the first part of the state's name {n.text!r}",
        ))
    return list(out.values())


#: abbreviated words of English names of states ("S. Korea", "Dem. Rep. Congo", "St. Lucia")
_ABBREVIATIONS = {"s.": "South", "n.": "North", "e.": "East", "w.": "West", "rep.": "Republic",
                  "dem.": "Democratic", "fed.": "Federal", "st.": "Saint", "st": "Saint",
                  "is.": "Islands", "isl.": "Islands", "utd.": "United", "peo.": "People's",
                  "un.": "United", "soc.": "Socialist", "k.": "Kingdom", "sts.": "States",
                  "dpr": "Democratic People's Republic", "pdr": "People's Democratic Republic"}


def _expand_abbreviations(text: str) -> str:
    """``text`` with the abbreviated words of state names written out.

    >>> _expand_abbreviations("Dem. Rep. Congo"), _expand_abbreviations("S. Korea")
    ('Democratic Republic Congo', 'South Korea')
    >>> _expand_abbreviations("Mongolia")
    'Mongolia'
    """
    toks = text.split()
    out = [_ABBREVIATIONS.get(t.lower(), t) for t in toks]
    return " ".join(out) if out != toks else text


def _and_for_va(text: str) -> str:
    """``text`` with the Vietnamese "và" (and) between two foreign words, written without
    Vietnamese letters, read as "and" (a state's name written in its own spelling inside a
    Vietnamese sentence).

    >>> _and_for_va("Liên bang Saint Kitts và Nevis")
    'Liên bang Saint Kitts and Nevis'
    >>> _and_for_va("Anh và Bắc Ireland")
    'Anh và Bắc Ireland'
    """
    toks = text.split()
    out = list(toks)
    for i in range(1, len(toks) - 1):
        if toks[i].lower() == "và" and toks[i - 1].isascii() and toks[i + 1].isascii():
            out[i] = "and"
    return " ".join(out) if out != toks else text


#: round 15: the heads of a generic name of bodies on one subject (singular, folded)
_TOPIC_HEADS = frozenset({"organization", "commission", "council", "body", "service", "agency",
                          "board", "committee", "association", "union", "group", "center",
                          "institute", "fund", "bank", "court", "office", "bureau", "authority"})


_CONTINENT_ORDER = re.compile(r"\b(Âu|Á|Phi|Mỹ|Úc)\s+(châu)\b", re.IGNORECASE)


def _continent_order(text: str) -> str:
    """``text`` with a continent's name in the older Sino-Vietnamese order ("Âu châu", 歐洲)
    written in today's ("châu Âu").

    >>> _continent_order("Hội đồng Âu châu"), _continent_order("Hội đồng châu Âu")
    ('Hội đồng châu Âu', 'Hội đồng châu Âu')
    """
    return _CONTINENT_ORDER.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)


_FINAL_Y = re.compile(r"\b([bcdghklmnpqrstvx]{1,2})y\b")


@lru_cache(maxsize=1 << 16)
def _iy_form(text: str) -> str:
    """The folded form with a Vietnamese syllable's final y written i (the two spellings of
    one sound: "Sỹ"/"Sĩ", "Kỳ"/"Kì", "Mỹ"/"Mĩ"). Remembered for the last 65,536 texts
    (session 26: the look-up asks it of every name and part of a name it reads; it depends
    on the text alone).

    >>> _iy_form("Thụy Sỹ") == _iy_form("Thụy Sĩ"), _iy_form("Hoa Kỳ") == _iy_form("Hoa Kì")
    (True, True)
    """
    return folded_form(_FINAL_Y.sub(r"\1i", strip_diacritics(text).lower()))


def _variant_of(name: str, folded: str, key: str | None = None) -> bool:
    """True when ``name`` is a spelling variant of the folded name ``folded`` (not the same
    name): their sounds (:func:`~.normalise.phonetic_key`) are the same or one edit apart per
    five, and they begin with the same sound.

    >>> _variant_of("Corea", "korea"), _variant_of("Kongo", "congo")
    (True, True)
    >>> _variant_of("Soudan", "sudan"), _variant_of("Guyana", "guinea")
    (True, False)
    >>> _variant_of("Korea", "korea"), _variant_of("Tonga", "congo")
    (False, False)
    """
    fa = folded_form(name)
    if fa == folded or len(fa) < 4 or not any(c.islower() for c in name):
        return False  # the same name, or an acronym
    ka, kb = phonetic_key(fa), key if key is not None else phonetic_key(folded)
    if len(ka) < 3 or len(kb) < 3 or ka[0] != kb[0]:
        return False
    # the letters too may differ only as a respelling does (two edits, or one in three)
    if _edits(fa, folded) > max(2, min(len(fa), len(folded)) // 3):
        return False
    return _edits(ka, kb) <= max(1, min(len(ka), len(kb)) // 5)


#: an acronym in brackets: two to ten capitals or digits, with "-" / "&" inside
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-]{1,9}")


#: continent words, English and Vietnamese (the word after "châu"): two names that differ by
#: one of them name different places, whatever their letters
_CONTINENT_EN = frozenset({"africa", "african", "europe", "european", "asia", "asian",
                           "america", "american", "americas", "oceania", "arctic",
                           "antarctic", "pacific", "atlantic", "eurasian", "eurasia"})


def _holds_code(e: Entity, code: str) -> bool:
    """``code`` is one of ``e``'s acronyms or a name of it ("UK" of the United Kingdom)."""
    return code in e.acronyms or code in e.labels.values() or any(
        a == code for a, _ in e.aliases)


def _all_names(e: Entity) -> list[str]:
    """Every label, alias and acronym of ``e``."""
    return [*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms]


#: round 17: a continent's adjective read as its name
_CONTINENT_STEM = {"african": "africa", "european": "europe", "asian": "asia",
                   "american": "america", "americas": "america", "eurasian": "eurasia"}


#: round 18: leading words a name may leave out of a body's name (generic or geographic
#: words, not qualifying: "Lake Chad Basin Commission" is the Chad Basin Commission)
_LEADING_KEPT = frozenset(
    "international intl intergovernmental inter-governmental global world united regional "
    "multilateral interstate inter-state lake river sea ocean gulf mount mountain".split())


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits).

    >>> _edits("mongolai", "mongolia"), _edits("latveria", "latvia")
    (1, 2)
    """
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def _suffix_starts(words: list[str], units: set[tuple[str, ...]]) -> list[int]:
    """Starts (at least 1) of the suffixes of ``words`` made only of ``units``, longest
    suffix first.

    >>> _suffix_starts(["polish", "peoples", "republic"], {("peoples",), ("republic",)})
    [1, 2]
    """
    # (session 26: the units reversed made once for a frozenset, the matcher's state forms)
    rev = (_reversed_units(units) if isinstance(units, frozenset)
           else {tuple(reversed(u)) for u in units})
    ends = _prefix_ends(list(reversed(words)), rev)
    return sorted(len(words) - e for e in ends if len(words) - e >= 1)


def _spans(words: list[str], units: set[tuple[str, ...]]) -> set[int]:
    """Positions of ``words`` covered by one of ``units`` (longest first at each position)."""
    covered: set[int] = set()
    lengths = sorted({len(u) for u in units}, reverse=True)
    i = 0
    while i < len(words):
        for n in lengths:
            if tuple(words[i : i + n]) in units:
                covered.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    return covered


def _unique(ents: Iterable[Entity]) -> list[Entity]:
    seen: dict[int, Entity] = {}
    for e in ents:
        seen.setdefault(id(e), e)
    return list(seen.values())


_TRAILING_YEARS = re.compile(
    r"(?P<head>\D*?\w)[,\s]+(?:in\s+|năm\s+|(?-i:nam)\s+|thời\s+kỳ\s+)?"
    r"(?P<years>(?:1[5-9]|20)\d\d(?:\s*(?:[-–—]|to)\s*(?:1[5-9]|20)\d\d)?)", re.IGNORECASE)


#: round 18: a century after a name, in English or Vietnamese (Arabic or Roman numerals)
_CENTURY = re.compile(
    r"(?P<head>\D*?\w)[,\s]+(?:(?:in\s+)?(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century"
    r"|(?:vào\s+|thời\s+)?thế\s+k[ỷỉ]\s+(?P<m>\d{1,2}|[XVI]{1,5}))", re.IGNORECASE)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _century(text: str) -> tuple[str, str] | None:
    """Round 18: ``(head, "first year–last year")`` of a name ending in a century.

    >>> _century("Đế quốc Ottoman thế kỷ 19"), _century("Russia in the 19th century")
    (('Đế quốc Ottoman', '1801–1900'), ('Russia', '1801–1900'))
    >>> _century("Ba Lan thế kỷ XVIII"), _century("Russia")
    (('Ba Lan', '1701–1800'), None)
    """
    m = _CENTURY.fullmatch(text.strip())
    if m is None:
        return None
    raw = m.group("n") or m.group("m")
    if raw.isdigit():
        n = int(raw)
    else:
        vals = [_ROMAN[c] for c in raw.upper()]
        n = sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    if not 15 <= n <= 21:
        return None
    return m.group("head"), f"{(n - 1) * 100 + 1}–{n * 100}"


_REGIONS: tuple[dict[str, tuple[list[tuple[int, int]], str]], frozenset[str]] | None = None


def _region_vocabulary() -> tuple[dict[str, tuple[list[tuple[int, int]], str]], frozenset[str]]:
    """Round 22: ``press_regions`` of ``linking/names/forms.yaml`` read once: the folded
    words of each region -> (its COW code ranges, its meaning), and the words of a kind of
    state."""
    global _REGIONS
    if _REGIONS is None:
        data = read_yaml("forms.yaml")
        regions: dict[str, tuple[list[tuple[int, int]], str]] = {}
        for row in data.get("press_regions") or []:
            ranges = [(int(a), int(b)) for a, b in row["cow"]]
            for w in [*(row.get("en") or []), *(row.get("vi") or [])]:
                regions[folded_form(str(w))] = (ranges, str(row["meaning"]))
        kinds = data.get("press_kind_words") or {}
        words = frozenset(str(w).lower() for lg in ("en", "vi") for w in kinds.get(lg) or [])
        _REGIONS = (regions, words)
    return _REGIONS


#: round 22: words of a building's name: a headquarters written as one ("Centre William
#: Rappard, Switzerland") gives the country, not the city (``Seats._seat_domain``,
#: ``Frames._seat_may_be``)
_BUILDING_WORDS = frozenset({"centre", "center", "building", "headquarters", "palace", "palais",
                             "house", "tower", "campus", "complex"})


#: round 22: a press word of a body's field read as a word of its name ("lender": a bank;
#: "nuclear": atomic)
_DOMAIN_WORDS = {"lender": "bank", "atomic": "atomic", "nuclear": "atomic"}


#: round 22: the generic heads of a body's description, which say no field ("the Geneva-based
#: trade body"); "UN" says whose system, not which body (``Matcher._seat_domain``)
_SEAT_GENERIC = frozenset({"body", "agency", "organization", "organisation", "institution",
                           "group", "bloc", "un", "entity", "international",
                           # round 28: the press's words for an agency that rules or watches
                           "regulator", "watchdog"})


#: round 27: a count in English words ("the ten-member ASEAN bloc", "twenty-one")
_EN_COUNT = (r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|"
             r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
             r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_MEMBER_COUNT = re.compile(r"(?:the\s+)?" + _EN_COUNT + r"[- ](?:member|nation|country|state|"
                           r"economy)\s+(?P<rest>\S.*)", re.IGNORECASE)


#: round 36: a count of members after a body's name, in English and Vietnamese, or between a
#: Vietnamese kind word and the name (``_without_member_count``)
_MEMBER_COUNT_AFTER = (
    re.compile(r"(?P<rest>\S.*?)\s+of\s+" + _EN_COUNT + r"\s+(?:members|member\s+states"
               r"|member\s+countries|states|nations|countries|economies)", re.IGNORECASE),
    re.compile(r"(?P<rest>\S.*?)\s+(?:gồm\s+|có\s+|với\s+)?\d{1,3}\s+(?:thành\s+viên"
               r"|nước\s+thành\s+viên|quốc\s+gia\s+thành\s+viên)", re.IGNORECASE),
    re.compile(r"(?:khối|tổ\s+chức|liên\s+minh)\s+\d{1,3}\s+(?:thành\s+viên|nước)\s+"
               r"(?P<rest>[A-ZĐÂÊÔƠƯ]\S*.*)"),
)


def _without_member_count(text: str) -> str | None:
    """Round 22: the name after a count of members ("the 15-member Security Council"), or
    None.

    >>> _without_member_count("the 15-member Security Council")
    'Security Council'
    >>> _without_member_count("Group of 77") is None
    True
    """
    m = _MEMBER_COUNT.fullmatch(text.strip())
    if m is None:
        # round 36: the count after the name ("the OECD of 38 members", "Hội đồng Bảo an gồm
        # 15 thành viên") or between a Vietnamese kind word and the name ("khối 55 thành viên
        # Liên minh châu Phi")
        m = _first_fullmatch(_MEMBER_COUNT_AFTER, text.strip())
        if m is not None and (re.search(r"(?i)\b(?:group|g)$", m.group("rest"))
                              or m.re is _MEMBER_COUNT_AFTER[0]
                              and not m.group("rest").split()[-1][:1].isupper()):
            # ("the Group of Seven nations": the count is the name's; an English description
            # before it, "the Strasbourg human rights body of 46 states", is left to the
            # readings of the whole name: without its count, a seat-and-field reading answers
            # the court)
            return None
    return m.group("rest") if m else None


#: round 30: the state or the people that leads, backs or founded a body, before its name
#: ("the Soviet-led Warsaw Pact", "the Moscow-led CSTO", "the US-backed coalition", "the
#: Kazakh-initiated CICA", "the Tripoli-founded CEN-SAD"): one or two capitalised words
_LED_BY = re.compile(
    r"(?:the\s+)?[A-Z][\w'’.]*(?:[\s-][A-Z][\w'’.]*)?-(?:led|backed|dominated|initiated"
    r"|founded|sponsored|brokered)\s+(?P<rest>\S.*)")


def _without_led(text: str) -> str | None:
    """Round 30: the name after the state or people that leads or founded it ("the
    Soviet-led Warsaw Pact": "Warsaw Pact"), or None.

    >>> _without_led("the Moscow-led CSTO")
    'CSTO'
    >>> _without_led("the West African bloc") is None
    True
    """
    m = _LED_BY.fullmatch(text.strip())
    return m.group("rest") if m else None


#: round 34: a person's name, one to four capitalised words with the particles a name may
#: hold ("Juncker", "Mahmoud Ali Youssouf", "Sidi Ould Tah", "von der Leyen")
_PERSON_NAME = (r"(?:(?:de|van|von|der|al|bin|el)\s+)*[A-Z][\w’'.-]*"
                r"(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|der|bin|ibn|al|el|ould)){0,3}")
#: round 34: the title of a body's head before the person's name ("under President Lagarde")
_HEAD_TITLE = (r"(?:(?:President|Secretary-General|Secretary\s+General|Director-General"
               r"|Director\s+General|Chairman|Chairwoman|Chair|Governor|Commissioner)\s+)?")
#: round 34: a body named with the person who leads or led it, the English press's
#: construction ("the European Commission under Juncker", "the ECB under Draghi", "Rutte's
#: NATO"): the body's name, read alone; the possessive only before an acronym or a name in
#: title case
#: round 38: the Vietnamese title of a body's head, required after "thời" ("Ủy hội châu Âu
#: thời Tổng thư ký Alain Berset", "Ngân hàng IDB thời Chủ tịch Ilan Goldfajn")
_VI_HEAD_TITLE = (r"(?:(?:ông|bà)\s+)?(?i:tổng\s+thư\s+ký|tổng\s+giám\s+đốc|thư\s+ký\s+điều\s+hành"
                  r"|giám\s+đốc\s+điều\s+hành|giám\s+đốc|chủ\s+tịch\s+ủy\s+ban|chủ\s+tịch"
                  r"|tong\s+thu\s+ky|tong\s+giam\s+doc|chu\s+tich\s+uy\s+ban|chu\s+tich)\s+")
_BODY_UNDER = (
    re.compile(r"(?P<body>.+?)\s+under\s+(?:the\s+)?" + _HEAD_TITLE + r"(?P<person>"
               + _PERSON_NAME + r")"),
    re.compile(r"(?P<body>.+?)\s+(?i:thời|thoi)\s+" + _VI_HEAD_TITLE + r"(?P<person>"
               + _PERSON_NAME + r")"),
    re.compile(r"(?P<person>" + _PERSON_NAME + r")['’]s\s+(?P<body>(?:the\s+)?"
               r"[A-Z][\w.&-]*(?:\s+(?:[A-Z][\w.&-]*|of|for|and|the|on|in)){0,6})"),
)


def _body_under_leader(text: str) -> tuple[str, str] | None:
    """Round 34: a body's name and the person named as its head ("the ECB under Draghi":
    ("the ECB", "Draghi")), or None. Whether the body is an organisation and the person no
    entity is the rewrite's check (:meth:`Rewrites._body_leader_fits`).

    >>> _body_under_leader("the European Commission under Juncker")
    ('the European Commission', 'Juncker')
    >>> _body_under_leader("Rutte's NATO")
    ('NATO', 'Rutte')
    >>> _body_under_leader("the AU under Mahmoud Ali Youssouf")
    ('the AU', 'Mahmoud Ali Youssouf')
    >>> _body_under_leader("Ủy hội châu Âu thời Tổng thư ký Alain Berset")
    ('Ủy hội châu Âu', 'Alain Berset')
    >>> _body_under_leader("Europe's largest lender") is None
    True
    """
    m = _first_fullmatch(_BODY_UNDER, text.strip())
    return (m.group("body"), m.group("person")) if m is not None else None


def _without_body_leader(text: str) -> str | None:
    """Round 34: the body's name of :func:`_body_under_leader`, or None."""
    found = _body_under_leader(text)
    return found[0] if found else None


#: round 45: a person's name as the press writes a body's head, the lower-case particles of
#: names of several languages allowed, alone or joined to the next word by a hyphen ("Haitham
#: al-Ghais", "José Manuel Durão Barroso", "Ursula von der Leyen", "Lord Ismay"); one to six
#: words, one at least capitalised
_PARTICLE = r"(?:al|el|bin|ibn|ould|de|da|das|do|dos|del|della|di|du|la|le|van|von|der|den|ten|ter)"
_NAME_WORD = r"(?:[A-Z\u00c0-\u024f\u1e00-\u1eff][\w’'.-]*|" + _PARTICLE + r"-[A-Z][\w’'.-]*)"
_HEAD_PERSON = (r"(?:" + _PARTICLE + r"\s+)*" + _NAME_WORD
                + r"(?:\s+(?:" + _NAME_WORD + "|" + _PARTICLE + r")){0,5}")
#: round 45: the Vietnamese words before a body's head's name after "thời": "ông" or "bà"
#: (Mr, Mrs), a title, or both ("thời ông Donald Tusk", "thời Chủ tịch Van Rompuy")
_VI_HEAD_WORDS = (r"(?:(?i:ông|bà|ong|ba)\s+)?(?:(?i:tổng\s+thư\s+ký|tổng\s+giám\s+đốc"
                  r"|thư\s+ký\s+điều\s+hành|giám\s+đốc\s+điều\s+hành|giám\s+đốc"
                  r"|chủ\s+tịch\s+ủy\s+ban|chủ\s+tịch|tong\s+thu\s+ky|tong\s+giam\s+doc"
                  r"|thu\s+ky\s+dieu\s+hanh|giam\s+doc|chu\s+tich\s+uy\s+ban|chu\s+tich)\s+)?")
_BODY_HEAD = (
    re.compile(r"(?P<body>.+?)\s+under\s+(?:the\s+)?" + _HEAD_TITLE + r"(?P<person>"
               + _HEAD_PERSON + r")"),
    re.compile(r"(?P<body>.+?)\s+(?i:thời|thoi)\s+" + _VI_HEAD_WORDS + r"(?P<person>"
               + _HEAD_PERSON + r")"),
    re.compile(r"(?P<person>" + _HEAD_PERSON + r")['’]s\s+(?P<body>.+)"),
)


#: round 47: a state's foreign ministry with the minister who heads or headed it ("Egypt's
#: foreign ministry under Badr Abdelatty", "the State Department under Secretary Rubio", "Bộ
#: Ngoại giao Pháp thời ông Fabius", "Bộ Ngoại giao Nga của ông Lavrov"): the ministry's words
#: (:func:`_ministry_under_minister`); no table gives ministers' years, so the caller reads the
#: ministry only as a state of today that no record of the registry precedes or follows
_MINISTRY_UNDER_MINISTER = (
    re.compile(r"(?P<office>.*?\b(?i:foreign\s+ministry|foreign\s+office"
               r"|ministry\s+of\s+foreign\s+affairs|ministry\s+of\s+external\s+affairs"
               r"|state\s+department|department\s+of\s+state))\s+under\s+"
               r"(?:(?i:foreign\s+minister|minister|secretary\s+of\s+state|secretary)\s+)?"
               r"(?P<person>" + _HEAD_PERSON + r")"),
    re.compile(r"(?P<office>(?i:bộ\s+ngoại\s+giao|bo\s+ngoai\s+giao)\s+\S.*?)\s+"
               r"(?i:thời|thoi|của|cua)\s+(?:(?i:ông|bà|ong|ba)\s+)?"
               r"(?:(?i:ngoại\s+trưởng|bộ\s+trưởng\s+ngoại\s+giao|bộ\s+trưởng|ngoai\s+truong"
               r"|bo\s+truong\s+ngoai\s+giao|bo\s+truong)\s+)?"
               r"(?P<person>" + _HEAD_PERSON + r")"),
)


def _ministry_under_minister(text: str) -> str | None:
    """Round 47: a state's foreign ministry without the minister named after it
    (:data:`_MINISTRY_UNDER_MINISTER`), or None; none with a year (read by the periods).

    >>> _ministry_under_minister("Egypt's foreign ministry under Badr Abdelatty")
    "Egypt's foreign ministry"
    >>> _ministry_under_minister("Bộ Ngoại giao Pháp thời ông Fabius")
    'Bộ Ngoại giao Pháp'
    >>> _ministry_under_minister("Bo Ngoai giao Ukraine thoi ong Kuleba")
    'Bo Ngoai giao Ukraine'
    >>> _ministry_under_minister("the foreign ministry under Lavrov in 2010") is None
    True
    """
    if re.search(r"\d", text):
        return None
    m = _first_fullmatch(_MINISTRY_UNDER_MINISTER, text.strip())
    return m.group("office") if m is not None else None


def _body_and_head(text: str) -> tuple[str, str] | None:
    """Round 45: a body's words and the person named as its head, for the table of bodies'
    heads (``names/body_heads.yaml``, :meth:`Rewrites._body_by_head`), or None. Looser than
    round 34's :func:`_body_under_leader` (particles, "ông"/"bà" alone, any words after a
    possessive): the table, not the pattern, says whether the person heads a body.

    >>> _body_and_head("OPEC under Haitham al-Ghais")
    ('OPEC', 'Haitham al-Ghais')
    >>> _body_and_head("Hội đồng châu Âu thời ông Donald Tusk")
    ('Hội đồng châu Âu', 'Donald Tusk')
    >>> _body_and_head("Lagarde's central bank")
    ('central bank', 'Lagarde')
    >>> _body_and_head("the alliance under the leadership of Washington") is None
    True
    """
    m = _first_fullmatch(_BODY_HEAD, text.strip())
    return (m.group("body"), m.group("person")) if m is not None else None


def _without_named_head(text: str) -> str | None:
    """Round 45: the body's words of :func:`_body_and_head`, or None."""
    found = _body_and_head(text)
    return found[0] if found else None


#: round 38: a year with the event that dates it after it ("Thụy Điển năm 2024 khi gia nhập
#: NATO", "the EU in 2004 when ten states joined", "the UN Security Council in 1950 on
#: Korea", "Việt Nam Dân chủ Cộng hòa năm 1954 sau Điện Biên Phủ"): the clause's first word
#: says when or about what; and a body at its founding ("the OAU at its founding in Addis
#: Ababa in 1963", "ADB's founding in Manila in 1966"), read as the body in that year
_EVENT_CLAUSE = re.compile(
    r"(?P<head>.+?\s(?i:năm|in|nam)\s+\d{3,4})\s+"
    r"(?i:khi|trước|sau|về|với|lúc|when|after|before|on|over|amid|during|following"
    # round 42: the Vietnamese words written without diacritics ("Ac-hen-ti-na nam 1982 khi
    # chien tranh Malvinas", "Campuchia nam 1993 sau tong tuyen cu")
    r"|truoc|voi|luc"
    # round 39: where or against what ("SAARC in 1985 at its founding in Dhaka", "the ICJ in
    # 2019 in The Gambia v Myanmar", "Diễn đàn APEC năm 2006 ở Hà Nội")
    r"|at|against|in|ở|tại|o|tai|ve)\s+\S.*")
_AT_FOUNDING = re.compile(
    r"(?P<body>.+?)(?:\s+at\s+its|'s|’s)\s+(?i:founding|foundation|creation)"
    r"(?:\s+(?i:in|at)\s+[A-Z][^\d]*?)?\s+in\s+(?P<year>\d{4})")


#: round 43: an event clause saying the body replaced another ("when it replaced the OAU in
#: Durban", "khi thay thế OAU"), written on six writers' lists
_REPLACED_BODY = re.compile(
    r".*?\s(?:(?i:when|after)\s+it\s+(?i:replaced|succeeded)|(?i:khi|sau\s+khi)\s+"
    r"(?i:thay\s+thế|thay\s+the|kế\s+tục))\s+(?P<body>.+?)(?:\s+(?i:in|at|ở|tại)\s+[A-Z]\S*"
    r"(?:\s+[A-Z]\S*)*)?")


def _replaced_body(text: str) -> str | None:
    """Round 43: the body an event clause says the name's body replaced, or None.

    >>> _replaced_body("the AU in 2002 when it replaced the OAU in Durban")
    'the OAU'
    >>> _replaced_body("Liên minh châu Phi năm 2002 khi thay thế OAU")
    'OAU'
    >>> _replaced_body("Cuba năm 1962 khi xảy ra khủng hoảng tên lửa") is None
    True
    """
    m = _REPLACED_BODY.fullmatch(text.strip())
    return m.group("body") if m else None


def _without_event_clause(text: str) -> str | None:
    """Round 38: the name with its year and without the event that dates it, or None.

    >>> _without_event_clause("Cuba năm 1962 khi xảy ra khủng hoảng tên lửa")
    'Cuba năm 1962'
    >>> _without_event_clause("the African Union in 2002 when it replaced the OAU")
    'the African Union in 2002'
    >>> _without_event_clause("the OAU at its founding in Addis Ababa in 1963")
    'the OAU in 1963'
    >>> _without_event_clause("ADB's founding in Manila in 1966")
    'ADB in 1966'
    >>> _without_event_clause("SAARC in 1985 at its founding in Dhaka")
    'SAARC in 1985'
    >>> _without_event_clause("EFTA năm 1960 theo Công ước Stockholm")
    'EFTA năm 1960'
    >>> _without_event_clause("Hy Lạp năm 2010 trong khủng hoảng nợ")
    'Hy Lạp năm 2010'
    >>> _without_event_clause("Campuchia nam 1993 sau tong tuyen cu")
    'Campuchia nam 1993'
    >>> _without_event_clause("Sai Gon nam 1968 trong Tet Mau Than")
    'Sai Gon nam 1968'
    >>> _without_event_clause("Cuba năm 1962 theo báo chí") is None
    True
    >>> _without_event_clause("Cuba năm 1962") is None
    True
    """
    t = text.strip()
    m = _EVENT_CLAUSE.fullmatch(t)
    if m is not None:
        return m.group("head")
    f = _AT_FOUNDING.fullmatch(t)
    if f is not None:
        return f"{f.group('body')} in {f.group('year')}"
    v = _VI_TREATY_OR_DURING.fullmatch(t)
    if v is not None and (v.group("how").lower() == "trong" or _TREATY_WORDS.match(
            v.group("rest"))):
        # round 39: "theo" (by) only before a treaty's name; "trong" (during) before any
        # event ("Ai-xơ-len năm 2008 trong khủng hoảng ngân hàng")
        return v.group("head")
    return None


#: round 39: an organisation with the event it is named in, and no year before it ("PAHO
#: during the Zika outbreak", "the European Court of Human Rights in its Hirst ruling", "the
#: Atlantic alliance at its 75th anniversary", "the Council of Europe after Russia's
#: expulsion in 2022"): the body's name, with the event's year when it gives one
_EVENT_TAIL = re.compile(
    r"(?P<head>[^\d]+?)\s+(?:during|amid|after|following|when\s+it|in\s+its|at\s+its)\s+"
    r"(?P<event>\S.*)")


def _without_event_tail(text: str) -> str | None:
    """Round 39: the name before an event clause that no year precedes, with the clause's year
    ("in YEAR") when it holds one, or None.

    >>> _without_event_tail("PAHO during the Zika outbreak")
    'PAHO'
    >>> _without_event_tail("the Council of Europe after Russia's expulsion in 2022")
    'the Council of Europe in 2022'
    >>> _without_event_tail("the EU in 2004 when ten states joined") is None
    True
    >>> _without_event_tail("NATO during the Cold War") is None
    True
    """
    m = _EVENT_TAIL.fullmatch(text.strip())
    if m is None:
        return None
    event = " ".join(folded_form(m.group("event")).split())
    if event in _PERIODS or f"the {event}" in _PERIODS:
        return None  # a period the period readings name ("NATO during the Cold War")
    years = re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", m.group("event"))
    if len(set(years)) > 1:
        return None
    return f"{m.group('head')} in {years[0]}" if years else m.group("head")


#: round 44: a capital (or its government, with the possessive) named with an event that no
#: year precedes ("Lisbon after the Carnation Revolution", "Sarajevo's government during the
#: siege", "Tallinn during the 2007 cyberattacks"), read as the capital's government
_CAPITAL_EVENT_TAIL = re.compile(
    r"(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)(?:['’]s\s+government)?\s+"
    r"(?:during|amid|after|following)\s+(?P<event>\S.*)")


def _capital_event_city(text: str) -> str | None:
    """Round 44: the city of a name read by :func:`_capital_event_tail`, or None."""
    m = _CAPITAL_EVENT_TAIL.fullmatch(text.strip())
    return m.group("city") if m is not None else None


def _capital_event_tail(text: str) -> str | None:
    """Round 44: "the <city> government" for a city named with an event clause that no year
    precedes, with the clause's year ("in YEAR") when it holds one, or None; the city must be
    a capital (checked by the rewrite's caller).

    >>> _capital_event_tail("Lisbon after the Carnation Revolution")
    'the Lisbon government'
    >>> _capital_event_tail("Tegucigalpa after the 2009 coup")
    'the Tegucigalpa government in 2009'
    >>> _capital_event_tail("Sarajevo's government during the siege")
    'the Sarajevo government'
    >>> _capital_event_tail("NATO during the Cold War") is None
    True
    """
    m = _CAPITAL_EVENT_TAIL.fullmatch(text.strip())
    if m is None:
        return None
    event = " ".join(folded_form(m.group("event")).split())
    if event in _PERIODS or f"the {event}" in _PERIODS:
        return None
    years = re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", m.group("event"))
    if len(set(years)) > 1:
        return None
    city = m.group("city")
    return f"the {city} government in {years[0]}" if years else f"the {city} government"


#: round 39: a treaty, convention, pact or act named in the event clause ("Cộng đồng Kinh tế
#: Tây Phi năm 1975 khi ký Hiệp ước Lagos", "EFTA năm 1960 theo Công ước Stockholm"): an
#: organisation so dated must have been founded by it, in that year or the next
_TREATY_WORDS = re.compile(
    r"(?i)\b(?:hiệp\s+ước|công\s+ước|hiệp\s+định|treaty|convention|pact|accords?)\b")
#: round 39: a Vietnamese year read by a treaty ("EU năm 1993 theo Hiệp ước Maastricht") or
#: during an event ("Hy Lạp năm 2010 trong khủng hoảng nợ")
_VI_TREATY_OR_DURING = re.compile(
    r"(?P<head>.+?\s(?i:năm|nam)\s+\d{3,4})\s+(?P<how>(?i:theo|trong))\s+(?P<rest>\S.*)")


def _event_treaty_year(text: str) -> int | None:
    """Round 39: the year of a name dated by an event clause that names a treaty, or None.

    >>> _event_treaty_year("Cộng đồng Kinh tế Tây Phi năm 1975 khi ký Hiệp ước Lagos")
    1975
    >>> _event_treaty_year("Chile năm 1973 khi đảo chính") is None
    True
    """
    t = text.strip()
    m = _EVENT_CLAUSE.fullmatch(t) or _VI_TREATY_OR_DURING.fullmatch(t)
    if m is None or not _TREATY_WORDS.search(t[len(m.group("head")):]):
        return None
    return int(m.group("head").rsplit(None, 1)[1])


#: round 38: a body under the state that chairs it or holds its presidency ("AOSIS under
#: Samoa's chair", "the SCO under Kazakhstan's 2024 chairmanship", "the Council of the EU
#: under the Danish presidency", "Mercosur thời Brazil giữ ghế chủ tịch luân phiên năm
#: 2025"): the body's name (the rewrite's answer must be an organisation, the state a state)
_UNDER_CHAIR = (
    re.compile(r"(?P<body>.+?)\s+under\s+(?:the\s+)?(?P<state>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)"
               r"(?:['’]s)?\s+(?:\d{4}\s+)?(?:rotating\s+|pro\s+tempore\s+)?"
               r"(?:chair|chairmanship|chairship|chairpersonship|presidency)"),
    re.compile(r"(?P<body>.+?)\s+(?i:thời|khi)\s+(?P<state>\S.*?)\s+(?i:giữ\s+ghế\s+chủ\s+tịch"
               r"|làm\s+chủ\s+tịch|giữ\s+chức\s+chủ\s+tịch)(?:\s+\S.*)?"),
    # round 41: the chair's term before the state ("Hội đồng Bắc Cực dưới nhiệm kỳ chủ tịch
    # của Đan Mạch", "Mercosur thời Chủ tịch luân phiên Brazil")
    re.compile(r"(?P<body>.+?)\s+(?i:(?:dưới\s+|trong\s+)?nhiệm\s+kỳ\s+chủ\s+tịch"
               r"(?:\s+luân\s+phiên)?|thời\s+chủ\s+tịch\s+luân\s+phiên)\s+(?i:của\s+)?"
               r"(?P<state>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]\S*(?:\s+\S+){0,2})"),
)


def _body_under_chair(text: str) -> tuple[str, str] | None:
    """Round 38: a body's name and the state that chairs it, or None.

    >>> _body_under_chair("AOSIS under Samoa's chair")
    ('AOSIS', 'Samoa')
    >>> _body_under_chair("the Council of the EU under the Danish presidency")
    ('the Council of the EU', 'Danish')
    >>> _body_under_chair("Hội đồng EU thời Đan Mạch giữ ghế chủ tịch")
    ('Hội đồng EU', 'Đan Mạch')
    >>> _body_under_chair("Hội đồng Bắc Cực dưới nhiệm kỳ chủ tịch của Đan Mạch")
    ('Hội đồng Bắc Cực', 'Đan Mạch')
    >>> _body_under_chair("the ECB under Draghi") is None
    True
    """
    m = _first_fullmatch(_UNDER_CHAIR, text.strip())
    return (m.group("body"), m.group("state")) if m is not None else None


def _without_chair(text: str) -> str | None:
    """Round 38: the body's name of :func:`_body_under_chair`, or None."""
    found = _body_under_chair(text)
    return found[0] if found else None


#: round 38: a cabinet by its leader's name before its capital ("the Tusk government in
#: Warsaw", "the Babis cabinet in Prague"): read as "Warsaw under Tusk", whose checks are the
#: later-leader reading's (a person's name no entity holds, a capital of one state of today,
#: no historical record of its family; an occupation regime's head is no match)
_LEADER_CABINET_AT = re.compile(
    r"(?:the\s+)?(?P<person>" + _PERSON_NAME + r")\s+(?:government|cabinet)\s+in\s+"
    r"(?P<city>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})(?P<year>\s+in\s+\d{4})?")


#: round 44: one word in the form of an English adjective of a people or a region ("Flemish",
#: "Scottish", "Kurdish", "Maltese"), never a leader's surname in this frame: "the Flemish
#: government in Brussels" is a region's government at the state's capital (convention E)
_PEOPLE_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ish|ese)")


def _leader_cabinet_at(text: str) -> str | None:
    """Round 38: "the <person> government in <capital>" as "<capital> under <person>", or
    None.

    >>> _leader_cabinet_at("the Frederiksen government in Copenhagen")
    'Copenhagen under Frederiksen'
    >>> _leader_cabinet_at("the Orpo cabinet in Helsinki in 2024")
    'Helsinki under Orpo in 2024'
    >>> _leader_cabinet_at("the Kenyan government") is None
    True
    >>> _leader_cabinet_at("the Flemish government in Brussels") is None
    True
    """
    m = _LEADER_CABINET_AT.fullmatch(text.strip())
    if m is None or _PEOPLE_ADJECTIVE.fullmatch(m.group("person")):
        return None
    return f"{m.group('city')} under {m.group('person')}{m.group('year') or ''}"


#: round 36: the second field of a foreign ministry's name (Australia's and New Zealand's
#: trade, Cambodia's and Italy's international cooperation, Ireland's and Canada's trade and
#: development, Luxembourg's European affairs), Vietnamese and English
_VI_MINISTRY_FIELDS = (r"(?:Thương\s+mại|Hợp\s+tác\s+Quốc\s+tế|Hợp\s+tác\s+quốc\s+tế"
                       r"|Ngoại\s+thương|Hợp\s+tác|Phát\s+triển|Châu\s+Âu|châu\s+Âu"
                       r"|Thương\s+mại\s+Quốc\s+tế)")
#: (round 47: any further fields, one to four words each after "and" or a comma, as a
#: ministry's title adds them: "Ministry of Foreign Affairs and Regional Integration", "Ministry
#: of Foreign Affairs, African Cooperation and Moroccan Expatriates"; round 36 listed six)
_EN_FIELD_WORD = r"(?!(?:of|in|at|under|on|for|from|since|during)\b)[A-Za-z][\w'’-]*"
_EN_MINISTRY_FIELDS = (r"(?:(?:,\s*|\s+and\s+)" + _EN_FIELD_WORD + r"(?:\s+" + _EN_FIELD_WORD
                       + r"){0,3}?){0,3}")
#: round 47: a foreign ministry's title with another field before "Foreign Affairs" ("the
#: Ministry for Europe and Foreign Affairs") or named "international relations" ("the
#: Department of International Relations and Cooperation", South Africa's and Namibia's
#: titles)
_EN_MINISTRY_OTHER = (r"|(?:ministry|department)\s+(?:of|for)\s+" + _EN_FIELD_WORD
                      + r"(?:\s+" + _EN_FIELD_WORD + r"){0,2}?\s+and\s+foreign\s+affairs"
                      r"|(?:ministry|department)\s+of\s+international\s+relations"
                      + _EN_MINISTRY_FIELDS)


#: round 31: a state's office that stands for the state (convention H: its foreign ministry;
#: the seat of its head of state or government named by the office): the office's words
#: before the state's name in Vietnamese ("Bộ Ngoại giao Lào", "Phủ Thủ tướng Nhật Bản",
#: "Văn phòng Tổng thống Ukraine"), after its name or capital in English ("Kazakhstan's
#: foreign ministry", "the Lao foreign ministry") or before it ("the foreign ministry of
#: Laos"); read as the state's government in English, as the state's name in Vietnamese
#: (:func:`_state_office`)
#: round 51: the offices of ``state_offices`` in forms.yaml (a cabinet organ, a foreign
#: ministry's other titles), as alternatives of :data:`_STATE_OFFICE`'s words
_STATE_OFFICE_WORDS = read_yaml("forms.yaml").get("state_offices") or {}
_STATE_OFFICE_EN = "".join(
    "|" + r"\s+".join(re.escape(p) for p in str(w).split())
    for w in sorted(_STATE_OFFICE_WORDS.get("en") or (), key=len, reverse=True))
_STATE_OFFICE_VI = "".join(
    "|" + r"\s+".join(re.escape(p) for p in form.split())
    for w in sorted(_STATE_OFFICE_WORDS.get("vi") or (), key=len, reverse=True)
    for form in dict.fromkeys((str(w), folded_form(str(w)))))
_STATE_OFFICE = (
    re.compile(r"(?:(?i:bộ\s+ngoại\s+giao|phủ\s+thủ\s+tướng|phủ\s+tổng\s+thống"
               + _STATE_OFFICE_VI +
               r"|văn\s+phòng\s+(?:tổng\s+thống|thủ\s+tướng)|dinh\s+tổng\s+thống"
               r"|bo\s+ngoai\s+giao|phu\s+thu\s+tuong|phu\s+tong\s+thong))\s+"
               # (round 36: a foreign ministry's second field, "Bộ Ngoại giao và Thương mại
               # Australia", "Bộ Ngoại giao và Hợp tác Quốc tế Campuchia")
               r"(?:(?i:và)\s+" + _VI_MINISTRY_FIELDS + r"\s+)?"
               r"(?:nước\s+)?(?P<vi>" + _VI_UPPER + r".*)"),
    re.compile(r"(?:the\s+)?(?P<en>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)(?:'s|’s)?\s+"
               r"(?i:foreign\s+ministry|(?:ministry|department)\s+of\s+foreign\s+affairs"
               + _EN_MINISTRY_FIELDS + _EN_MINISTRY_OTHER +
               r"|presidential\s+office|prime\s+minister['’]s\s+office" + _STATE_OFFICE_EN
               + r")"),
    re.compile(r"(?:the\s+)?(?i:foreign\s+ministry|(?:ministry|department)\s+of\s+foreign"
               r"\s+affairs" + _EN_MINISTRY_FIELDS + _EN_MINISTRY_OTHER
               + r")\s+of\s+(?:the\s+)?(?P<of>[A-Z].*)"),
)


_POSSESSIVE_END = re.compile(r"['’]s$")


#: round 43: a state's delegation, side or delegates at a conference or a body, the English
#: press's construction ("the Korean delegation at the UN in 1991", "the Vietnamese side at
#: the 1954 Geneva conference"): the state's adjective or name, and what follows the venue's
#: preposition (the year is the conference's, wherever it is written after it)
_DELEGATION_EN = re.compile(
    r"(?:the\s+)?(?P<state>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:delegations?|delegates"
    r"|side|negotiators|representatives?)\s+(?:at|to)\s+(?P<tail>.+)")
#: round 43: the Vietnamese construction ("phái đoàn Yemen tại Liên Hợp Quốc năm 1980",
#: "đoàn đại biểu Đức dự Hội nghị Helsinki 1975"), with or without diacritics
_DELEGATION_VI = re.compile(
    r"(?i:phái\s+đoàn|phai\s+doan|đoàn\s+đại\s+biểu|doan\s+dai\s+bieu)\s+(?P<state>.+?)"
    r"\s+(?i:tại|dự|tham\s+dự|ở|tai|du|tham\s+du)\s+(?P<tail>.+)")
_YEAR_IN = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def _delegation_state(text: str) -> str | None:
    """Round 43: a state's delegation or side at a conference or a body with one year after
    the venue's preposition, written as the state's government in that year (the state it
    answers is checked by the caller), or None.

    >>> _delegation_state("the Korean delegation at the UN in 1991")
    'the Korean government in 1991'
    >>> _delegation_state("the Vietnamese side at the 1954 Geneva conference")
    'the Vietnamese government in 1954'
    >>> _delegation_state("phái đoàn Yemen tại Liên Hợp Quốc năm 1980")
    'Yemen năm 1980'
    >>> _delegation_state("the Korean delegation at the UN") is None
    True
    """
    return _state_in_one_year(text, _DELEGATION_EN, _DELEGATION_VI)


def _state_in_one_year(text: str, english: re.Pattern[str], vietnamese: re.Pattern[str]
                       ) -> str | None:
    """The state's government in the one year of the name's tail, for a name that one of the
    two patterns (groups ``state`` and ``tail``) reads whole: "the X government in YEAR" or
    "X năm YEAR" (rounds 43 and 45), or None."""
    t = text.strip()
    m = english.fullmatch(t)
    vi = m is None
    if vi:
        m = vietnamese.fullmatch(t)
    if m is None:
        return None
    years = set(_YEAR_IN.findall(m.group("tail")))
    if len(years) != 1:
        return None
    year = years.pop()
    if vi:
        return f"{m.group('state')} năm {year}"
    return f"the {m.group('state')} government in {year}"


#: round 45: a state's embassy, army, troops, seat or member named with one year, the press's
#: construction for a state of two records in that year ("the Yemeni embassy in Moscow in
#: 1985", "the Congolese army in 1997", "the Chinese member of the Security Council in 1971",
#: "đại sứ quán Y-ê-men ở Mát-xcơ-va năm 1985", "quân đội Công-gô năm 1997", "ghế Trung Quốc
#: tại Hội đồng Bảo an năm 1971"): the state's adjective or name and what follows the organ
_STATE_ORGAN_EN = re.compile(
    r"(?:the\s+)?(?P<state>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:embassy|consulate|army"
    r"|armed\s+forces|troops|forces|soldiers|seat|member)\b(?P<tail>.*)")
_STATE_ORGAN_VI = re.compile(
    r"(?i:đại\s+sứ\s+quán|lãnh\s+sự\s+quán|quân\s+đội|binh\s+sĩ|lính|ghế|dai\s+su\s+quan"
    r"|quan\s+doi)\s+(?P<state>" + _VI_UPPER + r"\S*(?:\s+" + _VI_UPPER + r"\S*)?)"
    r"(?P<tail>\s.*)")


def _state_organ_in_year(text: str) -> str | None:
    """Round 45: a state's embassy, army, troops, seat or member with one year after it
    (:data:`_STATE_ORGAN_EN`, :data:`_STATE_ORGAN_VI`), written as the state's government in
    that year; the caller takes it only when it names two states or more (an embassy of one
    state is an office, no match: the lists' convention), or None.

    >>> _state_organ_in_year("the Yemeni embassy in Moscow in 1985")
    'the Yemeni government in 1985'
    >>> _state_organ_in_year("quân đội Công-gô năm 1997")
    'Công-gô năm 1997'
    >>> _state_organ_in_year("the Congolese army") is None
    True
    """
    return _state_in_one_year(text, _STATE_ORGAN_EN, _STATE_ORGAN_VI)


def _state_office(text: str) -> str | None:
    """Round 31: a state's office written as the state's government, or None.

    >>> _state_office("Bộ Ngoại giao Mông Cổ")
    'Mông Cổ'
    >>> _state_office("Chile's Ministry of Foreign Affairs")
    "Chile's government"
    >>> _state_office("Kazakhstan's foreign ministry")
    "Kazakhstan's government"
    >>> _state_office("the foreign ministry of Laos")
    'the government of Laos'
    >>> _state_office("Peru's Ministry of Foreign Affairs and Regional Integration")
    "Peru's government"
    >>> _state_office("the Ministry for Europe and Foreign Affairs of Ireland")
    'the government of Ireland'
    >>> _state_office("the foreign ministry") is None
    True
    >>> _state_office("Bộ Ngoại giao Trung Hoa năm 1955")
    'chính phủ Trung Hoa năm 1955'
    """
    m = _first_fullmatch(_STATE_OFFICE, text.strip())
    if m is None:
        return None
    g = m.groupdict()
    if g.get("vi"):
        # round 40: with its year the office is read as the government of that year ("Bộ
        # Ngoại giao Trung Hoa năm 1955": the government word lets the year's claimants of
        # the name be read, as "chính phủ Trung Hoa năm 1950" is)
        if _TRAILING_YEARS.fullmatch(g["vi"]):
            return "chính phủ " + str(g["vi"])
        return str(g["vi"])
    if g.get("en"):
        return _POSSESSIVE_END.sub("", g["en"]) + "'s government"
    return f"the government of {g['of']}"


#: round 48: a state's post abroad, defence ministry or negotiating team, which stand for the
#: state under convention H as the lead extended it in session 25 (an embassy, a consulate, a
#: permanent mission or representation, a legation, a delegation, its defence ministry, its
#: negotiators): the post's words after the state's name, adjective or possessive in English
#: ("the Peruvian embassy", "Brazil's permanent mission", "the Indonesian defence ministry",
#: "the Ethiopian negotiating team") or before it ("the Permanent Mission of Mexico"), before
#: it in Vietnamese ("Đại sứ quán Pê-ru", "Tổng Lãnh sự quán Mê-hi-cô", "đoàn đàm phán Ấn Độ",
#: "Bộ Quốc phòng Nhật Bản"); where the post is, or whom it is sent to, follows a preposition
#: and is not read (a post abroad stands in another state's city), its one year is
#: (:func:`_state_post`). A bare "phái đoàn" (a mission, of a state or of a body) is left to
#: round 43's reading with a year: an earlier writer gave it no match without one.
#: round 52: the words of ``posts_abroad``, ``post_sections`` and ``post_senders`` of
#: forms.yaml (an honorary consulate, a nunciature, a trade mission; an embassy's consular or
#: visa section, read off before the post; a post whose words name its sender), as
#: alternatives of :data:`_STATE_POST` (the lead's decision of session 27, convention H)
_POSTS_ABROAD = read_yaml("forms.yaml").get("posts_abroad") or {}
_POST_SECTIONS = read_yaml("forms.yaml").get("post_sections") or {}
_POST_SENDERS: dict[str, str] = {
    str(k).lower(): str(v) for k, v in (read_yaml("forms.yaml").get("post_senders") or {}).items()}


def _words_alternatives(words: Iterable[object], fold: bool = False) -> str:
    """The regex alternatives of ``words`` (longest first; their spaces any run of spaces,
    a hyphen or a space where one is written), with their forms without diacritics when
    ``fold``."""
    forms = {str(w) for w in words}
    if fold:
        forms |= {strip_diacritics(w) for w in forms}
    return "|".join(r"[\s-]+".join(re.escape(p) for p in re.split(r"[\s-]+", w))
                    for w in sorted(forms, key=len, reverse=True))


#: round 53: a state's diplomats, its foreign service (``state_agents`` of forms.yaml, the
#: lead's decision of session 27, convention H), read as its posts are
_STATE_AGENTS = read_yaml("forms.yaml").get("state_agents") or {}
_POSTS_ABROAD_EN = _words_alternatives([*(_POSTS_ABROAD.get("en") or ()), *_POST_SENDERS,
                                        *(_STATE_AGENTS.get("en") or ())])
_POSTS_ABROAD_VI = _words_alternatives([*(_POSTS_ABROAD.get("vi") or ()),
                                        *(_STATE_AGENTS.get("vi") or ())], fold=True)
_SECTION_EN = (r"(?:(?:the\s+)?(?i:" + _words_alternatives(_POST_SECTIONS.get("en") or ())
               + r")\s+of\s+)?") if _POST_SECTIONS.get("en") else ""
_SECTION_VI = (r"(?:(?i:" + _words_alternatives(_POST_SECTIONS.get("vi") or (), fold=True)
               + r")\s+(?:của\s+|cua\s+)?)?") if _POST_SECTIONS.get("vi") else ""
_EN_POST = ((r"(?:" + _POSTS_ABROAD_EN + r"|" if _POSTS_ABROAD_EN else r"(?:")
            + r"embassy|consulate(?:[\s-]general)?|legation|high\s+commission"
            r"|(?:permanent\s+)?(?:mission|representation|delegation)"
            r"|(?:government\s+|army\s+|military\s+|official\s+)?delegation"
            r"|defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e"
            r"|negotiating\s+team|negotiators)")
#: round 50: the press's abbreviations of a state's posts ("ĐSQ", "TLSQ"), from
#: ``glossary_vi.yaml``'s ``post_abbreviations`` (with their forms without diacritics), as
#: alternatives of the Vietnamese post words of :data:`_STATE_POST`
_POST_ABBREVIATIONS_VI = "".join(
    re.escape(a) + "|" + (re.escape(folded_form(a)) + "|" if folded_form(a) != a else "")
    for a in sorted(read_yaml("glossary_vi.yaml").get("post_abbreviations") or {},
                    key=len, reverse=True))
_POST_TAIL_EN = (r"(?:,?\s+(?P<prep>in|to|at|on|for|with|near)\s+(?P<tail>\S.*))?")
_STATE_POST = (
    re.compile(_SECTION_EN + r"(?:the\s+)?(?P<en>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)"
               r"(?:'s|’s)?\s+(?i:" + _EN_POST + r")" + _POST_TAIL_EN),
    re.compile(_SECTION_EN + r"(?:the\s+)?(?i:" + _EN_POST + r")\s+of\s+(?:the\s+)?"
               r"(?P<of>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)" + _POST_TAIL_EN),
    re.compile(_SECTION_VI + r"(?i:" + _POST_ABBREVIATIONS_VI
               + (_POSTS_ABROAD_VI + "|" if _POSTS_ABROAD_VI else "")
               + r"đại\s+sứ\s+quán|(?:tổng\s+)?lãnh\s+sự\s+quán|đoàn\s+đại\s+biểu"
               r"|phái\s+đoàn\s+thường\s+trực|đoàn\s+đàm\s+phán|bộ\s+quốc\s+phòng"
               r"|dai\s+su\s+quan|(?:tong\s+)?lanh\s+su\s+quan|doan\s+dai\s+bieu"
               r"|phai\s+doan\s+thuong\s+truc|doan\s+dam\s+phan|bo\s+quoc\s+phong)\s+"
               r"(?:nước\s+|nuoc\s+)?(?P<vi>" + _VI_UPPER + r".*?)"
               r"(?:\s+(?i:tại|ở|bên\s+cạnh|tai|o|ben\s+canh)\s+(?P<tail>\S.*))?"),
)


#: round 48: the words of an event in a post's tail ("at the Congress of Vienna", "tại hội
#: nghị Giơ-ne-vơ"): the event dates the post, so with no year written the name is not read
#: (the state of the event's day may be another record: "the Austrian delegation at the
#: Congress of Vienna" is the Austrian Empire's) (:func:`_post_tail_dated`)
_POST_EVENT_WORDS = re.compile(
    r"(?i:\b(?:conference|congress|talks|summit|negotiations?|discussions|meeting|signing"
    r"|treaty|accords?|agreement|session|founding)\b|hội\s+nghị|đàm\s+phán|hội\s+đàm"
    r"|thượng\s+đỉnh|hiệp\s+định|hiệp\s+ước|lễ\b|khóa\b|hoi\s+nghi|dam\s+phan)")


_POST_SENDER = re.compile(
    r"(?:the\s+)?(?P<post>(?i:" + _words_alternatives(_POST_SENDERS) + r"))\b(?P<rest>.*)",
    re.S) if _POST_SENDERS else None


def _with_post_sender(text: str) -> str:
    """Round 52: a post whose own words name its sender (``post_senders`` of forms.yaml)
    written with the sender after "of", for :data:`_STATE_POST`; any other name as it is.

    >>> _with_post_sender("the apostolic nunciature in Kyiv")
    'the apostolic nunciature of Holy See in Kyiv'
    >>> _with_post_sender("the Peruvian embassy")
    'the Peruvian embassy'
    """
    m = _POST_SENDER.fullmatch(text.strip()) if _POST_SENDER is not None else None
    if m is None or m.group("rest").lstrip().lower().startswith("of "):
        return text
    sender = _POST_SENDERS[re.sub(r"[\s-]+", " ", m.group("post").lower())]
    return f"the {m.group('post')} of {sender}{m.group('rest')}"


def _post_tail_dated(text: str) -> bool:
    """Round 48: whether a post's tail (:data:`_STATE_POST`) places it at an event or a
    meeting (an English "at", "on", "for" or "with", or an event's words) with no year: an
    event has its date, which the tail does not give.

    >>> _post_tail_dated("the Austrian delegation at the Congress of Vienna")
    True
    >>> _post_tail_dated("the Peruvian embassy in Hanoi")
    False
    >>> _post_tail_dated("đoàn đại biểu Đức tại hội nghị Pa-ri")
    True
    """
    m = _first_fullmatch(_STATE_POST, text.strip())
    if m is None or not m.group("tail"):
        return False
    tail = m.group("tail")
    if _YEAR_IN.search(tail):
        return False
    return (m.groupdict().get("prep") in ("at", "on", "for", "with")
            or _POST_EVENT_WORDS.search(tail) is not None)


def _state_post_subject(text: str) -> str | None:
    """Round 48: the words that name the post's state (:data:`_STATE_POST`), or None; the
    rewrite's reader asks that they name no body ("the AU mission in Somalia": "AU" is the
    African Union's as much as Australia's code).

    >>> _state_post_subject("Brazil's permanent mission to the United Nations")
    'Brazil'
    >>> _state_post_subject("Đại sứ quán Pê-ru tại Hà Nội")
    'Pê-ru'
    """
    m = _first_fullmatch(_STATE_POST, _with_post_sender(text).strip())
    if m is None:
        return None
    g = m.groupdict()
    if g.get("en"):
        return _POSSESSIVE_END.sub("", g["en"])
    return str(g.get("of") or g.get("vi"))


def _state_post(text: str) -> str | None:
    """Round 48: a state's post abroad, defence ministry or negotiating team
    (:data:`_STATE_POST`) written as the state's government, with the one year of its tail,
    or None (no year in the tail, or two years).

    >>> _state_post("the Chilean embassy in Oslo")
    "Chilean's government"
    >>> _state_post("the Permanent Mission of Peru to the United Nations")
    'the government of Peru'
    >>> _state_post("Đại sứ quán Pê-ru tại Hà Nội")
    'Pê-ru'
    >>> _state_post("Đại sứ quán Liên Xô tại Hà Nội năm 1975")
    'chính phủ Liên Xô năm 1975'
    >>> _state_post("the Bavarian legation in Berlin in 1870")
    'the Bavarian government in 1870'
    >>> _state_post("the embassy") is None
    True
    >>> _state_post("the Austrian delegation at the Congress of Vienna") is None
    True
    """
    text = _with_post_sender(text)
    m = _first_fullmatch(_STATE_POST, text.strip())
    if m is None or _post_tail_dated(text):
        return None
    g = m.groupdict()
    years = set(_YEAR_IN.findall(g.get("tail") or ""))
    if len(years) > 1:
        return None
    year = years.pop() if years else None
    if g.get("vi"):
        vi = str(g["vi"])
        if year is not None:
            return f"chính phủ {vi} năm {year}"
        if _TRAILING_YEARS.fullmatch(vi):
            return "chính phủ " + vi
        return vi
    if g.get("en"):
        en = _POSSESSIVE_END.sub("", g["en"])
        if year is not None:
            return f"the {en} government in {year}"
        return en + "'s government"
    if year is not None:
        return f"the government of {g['of']} in {year}"
    return f"the government of {g['of']}"


#: round 52: a state named after a bloc it belongs to and its role there ("fellow Mercosur
#: member Paraguay", "EU candidate country Moldova", "tân thành viên NATO Thụy Điển", "nước ứng
#: cử viên EU Gruzia"): the words of ``bloc_roles`` in forms.yaml (:func:`_bloc_member_splits`)
_BLOC_ROLES = read_yaml("forms.yaml").get("bloc_roles") or {}
_BLOC_MEMBER_EN = re.compile(
    r"(?:(?:a|the)\s+)?(?:(?i:" + _words_alternatives(_BLOC_ROLES.get("en_before") or ())
    + r")\s+)?(?:(?P<body>[\w'’.&-]+(?:\s+[\w'’.&-]+){0,3}?)\s+)??(?i:"
    + _words_alternatives(_BLOC_ROLES.get("en") or ()) + r")(?<=\w)(?P<role>)\s+"
    r"(?P<state>(?:the\s+)?[A-Z].*)"
) if _BLOC_ROLES.get("en") else None
_BLOC_MEMBER_VI = re.compile(
    r"(?:(?i:các|những|cac|nhung)\s+)?(?i:" + _words_alternatives(
        _BLOC_ROLES.get("vi") or (), fold=True) + r")\s+"
    r"(?P<rest>\S.*)") if _BLOC_ROLES.get("vi") else None
#: round 54: the most words read off between a Vietnamese role and the name after it
_ROLE_WORDS_VI = 7
#: round 54: a state's or body's part in others' affairs after its name or demonym (forms.yaml
#: ``bloc_roles``' ``en_after``, ``vi_as``), the words after the role a qualifier
_NAME_WORDS_EN = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,4}?"
_ROLE_AFTER = [re.compile(
    r"(?:the\s+)?(?P<name>" + _NAME_WORDS_EN + r")(?:'s|’s)?\s+(?:as\s+(?:the\s+|a\s+)?)?"
    r"(?i:" + _words_alternatives(_BLOC_ROLES.get("en_after") or ()) + r")"
    r"(?:\s+(?P<tail>(?:of|at|in|for|between|on|to|with)\s.*))?")] if _BLOC_ROLES.get(
        "en_after") else []
if _BLOC_ROLES.get("vi_as"):
    _ROLE_AFTER.append(re.compile(
        r"(?P<name>" + _VI_UPPER + r".*?)\s+(?i:" + _words_alternatives(
            _BLOC_ROLES["vi_as"], fold=True) + r")\s+(?P<tail>\S.*)"))
if _BLOC_ROLES.get("vi"):
    _ROLE_AFTER.append(re.compile(
        r"(?P<name>" + _VI_UPPER + r"[^,]*?)\s*,\s*(?i:" + _words_alternatives(
            _BLOC_ROLES["vi"], fold=True) + r")\s+(?P<tail>\S.*)"))
#: round 54: the Vietnamese words that end a name after a role (its qualifier follows)
_ROLE_TAIL_VI = frozenset(folded_form(str(w)) for w in _BLOC_ROLES.get("vi_tail") or ())


_ROLE_STATE_HEADS = frozenset(folded_form(str(w)) for w in _BLOC_ROLES.get("state_heads") or ())
_ROLE_BODY_HEADS = frozenset(folded_form(str(w)) for w in _BLOC_ROLES.get("body_heads") or ())


def _role_kind(text: str) -> str | None:
    """Round 54: "state" or "organisation" where the role's head word says which (forms.yaml
    ``bloc_roles``' ``state_heads`` and ``body_heads``: the Vietnamese role's first word, the
    English role's last), else None.

    >>> _role_kind("nước trung gian Ma-lai-xi-a"), _role_kind("troop-contributing country Fiji")
    ('state', 'state')
    >>> _role_kind("cơ quan lưu chiểu Công ước I-xtan-bun"), _role_kind("Gulf mediator Oman")
    ('organisation', None)
    """
    words = text.split()
    if words and folded_form(words[0]) in ("cac", "nhung"):
        words = words[1:]
    heads = []
    if words and _BLOC_MEMBER_VI is not None and _BLOC_MEMBER_VI.fullmatch(text.strip()):
        heads = [folded_form(words[0]), folded_form(" ".join(words[:2]))]
    elif _BLOC_MEMBER_EN is not None:
        m = _BLOC_MEMBER_EN.fullmatch(text.strip())
        if m is not None:
            heads = [folded_form(text[:m.start("role")].split()[-1])]
    if any(h in _ROLE_STATE_HEADS for h in heads):
        return "state"
    if any(h in _ROLE_BODY_HEADS for h in heads):
        return "organisation"
    return None


def _role_year(words: str) -> str | None:
    """Round 54: the one year of a role's qualifier, or None.

    >>> _role_year("at the Istanbul talks in 2022")
    '2022'
    """
    years = set(_YEAR_IN.findall(words))
    return years.pop() if len(years) == 1 else None


def _bloc_member_splits(text: str) -> list[tuple[str, str]]:
    """Round 52: the ways ``text`` parts into a bloc's name and a state's after the bloc's
    role words (:data:`_BLOC_MEMBER_EN`, :data:`_BLOC_MEMBER_VI`), the bloc first; round 54:
    any role of ``bloc_roles`` (a mediator, a donor, a creditor, a troop contributor), the
    words before it (English) or between it and the name (Vietnamese, up to six) a body's, a
    region's or adjectives, or none (""); the Vietnamese name is the rest from a capital
    letter, the shortest words before it first (the reader keeps the first split whose name
    reads as one state or body).

    >>> _bloc_member_splits("fellow Mercosur member Paraguay")
    [('Mercosur', 'Paraguay')]
    >>> _bloc_member_splits("top troop contributor Bangladesh")
    [('top', 'Bangladesh')]
    >>> _bloc_member_splits("donor the Asian Development Bank")
    [('', 'the Asian Development Bank')]
    >>> _bloc_member_splits("nước ứng cử viên EU Gruzia")
    [('', 'EU Gruzia'), ('EU', 'Gruzia')]
    >>> _bloc_member_splits("chủ nợ lớn nhất Trung Quốc")
    [('lớn nhất', 'Trung Quốc'), ('lớn nhất Trung', 'Quốc')]
    >>> _bloc_member_splits("the Peruvian embassy")
    []
    """
    text = text.strip()
    if _BLOC_MEMBER_EN is not None:
        m = _BLOC_MEMBER_EN.fullmatch(text)
        if m is not None:
            return [(m.group("body") or "", m.group("state"))]
    m = _first_fullmatch(_ROLE_AFTER, text)
    if m is not None:
        return [(m.group("tail") or "", _POSSESSIVE_END.sub("", m.group("name")))]
    m = _BLOC_MEMBER_VI.fullmatch(text) if _BLOC_MEMBER_VI is not None else None
    if m is None:
        return []
    words = m.group("rest").split()
    if folded_form(words[0]) in _ROLE_TAIL_VI:
        # (a role and its qualifier, no name: "nước chủ nhà của Ban Thư ký OSCE")
        return []
    for i, w in enumerate(words[1:], 1):
        if folded_form(w) in _ROLE_TAIL_VI:
            # (the role's qualifier: "nước bảo đảm Na Uy trong đàm phán với FARC"; its
            # year is read by the reader)
            return [(" ".join(words[:k] + words[i:]), " ".join(words[k:i]))
                    for k in range(min(i, _ROLE_WORDS_VI)) if re.match(_VI_UPPER, words[k])]
    # (round 54: the words before the name, a bloc's or a qualifier's, "lớn nhất", "song
    # phương", "Hội đồng Bảo an", are not read; the name starts with a capital)
    return [(" ".join(words[:k]), " ".join(words[k:]))
            for k in range(min(len(words), _ROLE_WORDS_VI))
            if re.match(_VI_UPPER, words[k])]


def _state_after_bloc(text: str) -> str | None:
    """Round 52: the state of the first of :func:`_bloc_member_splits` (the rewrite's reader
    tries them all), or None.

    >>> _state_after_bloc("NATO newcomer Finland")
    'Finland'
    """
    splits = _bloc_member_splits(text)
    return splits[0][1] if splits else None


#: round 51: a spokesperson of a government, a ministry, a head's office or a body, which
#: speaks for the state or body (the lead's decision of session 26; conventions H and F): the
#: words of ``speakers`` in forms.yaml after the name ("the Thai government spokesperson",
#: "the AU Commission's spokesperson", "the Korean foreign ministry's spokesman in Seoul"),
#: before it with "of" or "for" ("the spokesman of the Iranian foreign ministry"), or before
#: it in Vietnamese ("người phát ngôn Bộ Ngoại giao Ấn Độ") (:func:`_without_speaker`)
#: round 53: and a body's board of governors or directors or its staff (``body_agents`` of
#: forms.yaml; the lead's decision of session 27, convention F), whose rest must read as one
#: organisation (:func:`_body_agent`)
_SPEAKERS = read_yaml("forms.yaml").get("speakers") or {}
_BODY_AGENTS = read_yaml("forms.yaml").get("body_agents") or {}
_SPEAKER_EN = _words_alternatives([*(_SPEAKERS.get("en") or ()), *(_BODY_AGENTS.get("en") or ())])
_SPEAKER_VI = _words_alternatives([*(_SPEAKERS.get("vi") or ()), *(_BODY_AGENTS.get("vi") or ())],
                                  fold=True)
_BODY_AGENT = re.compile(
    r"(?<!\w)(?i:" + _words_alternatives([*(_BODY_AGENTS.get("en") or ()),
                                         *(_BODY_AGENTS.get("vi") or ())], fold=True)
    + r")(?!\w)") if _BODY_AGENTS else None
_WITHOUT_SPEAKER = (
    re.compile(r"(?:(?:a|an|the)\s+)?(?P<name>[A-Z].*?)(?:['’]s?)?\s+(?i:" + _SPEAKER_EN
               + r")(?P<tail>\s+(?:in|at)\s+[A-Z].*)?"),
    re.compile(r"(?:(?:a|an|the)\s+)?(?i:" + _SPEAKER_EN + r")\s+(?:of|for)\s+(?P<name>.+)"),
    re.compile(r"(?i:" + _SPEAKER_VI + r")\s+(?:của\s+|cua\s+)?(?P<name>.+)"),
) if _SPEAKER_EN and _SPEAKER_VI else ()


def _without_speaker(text: str) -> str | None:
    """Round 51: the name a spokesperson speaks for, without the spokesperson's words
    (:data:`_WITHOUT_SPEAKER`; the place after an English name kept for the readings of a
    government or an office at its seat), or None.

    >>> _without_speaker("a Thai foreign ministry spokesman")
    'the Thai foreign ministry'
    >>> _without_speaker("the AU Commission's spokesperson")
    'the AU Commission'
    >>> _without_speaker("the spokesman of the Iranian foreign ministry")
    'the Iranian foreign ministry'
    >>> _without_speaker("người phát ngôn Bộ Ngoại giao Ấn Độ")
    'Bộ Ngoại giao Ấn Độ'
    >>> _without_speaker("the Korean foreign ministry's spokesman in Seoul")
    'the Korean foreign ministry in Seoul'
    >>> _without_speaker("the spokesman") is None
    True
    >>> _without_speaker("the AfDB Board of Governors")
    'the AfDB'
    >>> _without_speaker("UNRWA staff in Gaza")
    'the UNRWA in Gaza'
    >>> _without_speaker("Hội đồng quản trị BOAD")
    'BOAD'
    """
    m = _first_fullmatch(_WITHOUT_SPEAKER, text.strip())
    if m is None:
        return None
    name = m.group("name").strip()
    if m.re is _WITHOUT_SPEAKER[0]:
        name = "the " + name + (m.group("tail") or "")
    return name or None


def _body_agent(text: str) -> bool:
    """Round 53: whether the words :func:`_without_speaker` reads off are a body's board or
    staff (``body_agents`` of forms.yaml), whose rest must be an organisation.

    >>> _body_agent("the Arab Monetary Fund Board of Governors")
    True
    >>> _body_agent("the Thai government spokesperson")
    False
    """
    text = text.strip()
    m = _first_fullmatch(_WITHOUT_SPEAKER, text)
    if m is None or _BODY_AGENT is None:
        return False
    return _BODY_AGENT.search(text[: m.start("name")] + " " + text[m.end("name"):]) is not None


#: round 53: a monarch's court by its seat, its people's adjective or its dynasty, with a year
#: ("the Dresden court in 1860", "the Neapolitan court in 1859", "the Habsburg court in Vienna
#: in 1848", "the court of Hue in 1880"), read as the government of that year there
#: (:func:`_court_as_government`); the words of a court's rank before "court" are read off
_COURT_EN = (
    re.compile(r"(?:the\s+)?(?P<x>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)"
               r"(?:\s+(?i:royal|imperial|grand[\s-]ducal|ducal|princely))?\s+court"
               r"(?:\s+(?:in|at)\s+(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?))?"
               r"\s+in\s+(?P<year>\d{4})"),
    re.compile(r"(?:the\s+)?(?:(?i:royal|imperial)\s+)?court\s+of\s+"
               r"(?P<x>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)"
               r"(?:\s+(?:in|at)\s+(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?))?"
               r"\s+in\s+(?P<year>\d{4})"),
)


def _court_as_government(text: str) -> str | None:
    """Round 53: a monarch's court with its year (:data:`_COURT_EN`) as the government of
    that year, or None; the rewrite's reader asks that the answer be historical states, and
    that a seat after it not read as another.

    >>> _court_as_government("the Dresden court in 1860")
    'the Dresden government in 1860'
    >>> _court_as_government("the Tuscan grand-ducal court in Florence in 1859")
    'the Tuscan government in 1859'
    >>> _court_as_government("the court of Hue in 1880")
    'the Hue government in 1880'
    >>> _court_as_government("the Dresden court") is None
    True
    """
    m = _first_fullmatch(_COURT_EN, text.strip())
    return f"the {m.group('x')} government in {m.group('year')}" if m else None


def _court_seat(text: str) -> str | None:
    """Round 53: the seat after a court (:data:`_COURT_EN`) as its government of that year,
    or None."""
    m = _first_fullmatch(_COURT_EN, text.strip())
    if m is None or not m.group("city"):
        return None
    return f"the {m.group('city')} government in {m.group('year')}"


#: round 53: two names of one entity joined (``joined_names`` of forms.yaml; the lead's
#: decisions of session 27): an old name and today's, an endonym and its gloss, a forerunner
#: or an heir ("Kirghizia, now Kyrgyzstan", "Hayastan, tức Armenia", "SICA, heir to the
#: Organization of Central American States"), each side read alone by
#: :meth:`Rewrites._joined_name` (:func:`_joined_parts`)
_JOINED = read_yaml("forms.yaml").get("joined_names") or {}
_YEAR_VI = r"(?:trước|sau|từ|truoc|tu)\s+(?:năm|nam)\s+\d{4}"
_JOINED_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("same", re.compile(r"(?P<a>[^,]+?),\s+(?i:" + _words_alternatives(_JOINED.get("same_en") or ())
                        + r")\s+(?:(?:the\s+)?(?i:today['’]s)\s+)?(?P<b>[^,]+?)"
                        r"(?:\s+(?:since|from|in)\s+\d{4})?")),
    ("heir", re.compile(r"(?P<a>[^,]+?),\s+(?:the\s+|an?\s+)?(?i:"
                        + _words_alternatives(_JOINED.get("heir_en") or ())
                        + r")\s+(?:(?:the\s+)?(?i:today['’]s)\s+)?(?P<b>[^,]+?)"
                        r"(?:\s+(?:since|from|in)\s+\d{4})?")),
    ("same", re.compile(r"(?P<a>[^,]+?),\s+(?:" + _YEAR_VI + r"\s+)?(?i:"
                        + _words_alternatives(_JOINED.get("same_vi") or (), fold=True)
                        + r"|(?<=\d{4}\s)là|(?<=\d{4}\s)la)\s+(?P<b>[^,]+?)"
                        r"(?:\s+" + _YEAR_VI + r")?")),
    ("heir", re.compile(r"(?P<a>[^,]+?),\s+(?:" + _YEAR_VI + r"\s+)?(?i:"
                        + _words_alternatives(_JOINED.get("heir_vi") or (), fold=True)
                        + r")\s+(?P<b>[^,]+?)(?:\s+" + _YEAR_VI + r")?")),
) if _JOINED else ()


def _joined_parts(text: str) -> tuple[str, str, str] | None:
    """Round 53: (how the two names are joined: "same" or "heir"; the first name; the
    second), or None (:data:`_JOINED_PATTERNS`). A name with another in brackets is left to
    the readings of brackets (rounds 15, 16 and 24: "Vietnam (South)", "African Union (AU)",
    "Tổ chức Xyzw (MRC)", whose rules the side readings would skip).

    >>> _joined_parts("Kirghizia, now Kyrgyzstan")
    ('same', 'Kirghizia', 'Kyrgyzstan')
    >>> _joined_parts("the CSCE, forerunner of today's OSCE")
    ('heir', 'the CSCE', 'OSCE')
    >>> _joined_parts("Cộng hòa Moldova, trước năm 1991 gọi là Moldavia")
    ('same', 'Cộng hòa Moldova', 'Moldavia')
    >>> _joined_parts("ALADI, tổ chức kế thừa LAFTA từ năm 1980")
    ('heir', 'ALADI', 'LAFTA')
    >>> _joined_parts("Mercado Común del Sur (Thị trường chung Nam Mỹ)") is None
    True
    """
    for how, pattern in _JOINED_PATTERNS:
        m = pattern.fullmatch(text.strip())
        if m is not None and m.group("a").strip() and m.group("b").strip():
            return how, m.group("a").strip(), m.group("b").strip()
    return None


def _joined_head(text: str) -> str | None:
    """Round 53: the first of two joined names (:func:`_joined_parts`), or None; the rewrite's
    reader reads both (:meth:`Rewrites._joined_name`)."""
    parts = _joined_parts(text)
    return parts[1] if parts else None


_VI_PLACE_WORDS = (_VI_UPPER + r"\S*"
                   r"(?:\s+" + _VI_UPPER + r"\S*){0,3}")
#: round 31: a seat of government (a row of press_en.yaml or common_vi.yaml) with its kind of
#: building or its city around it: "the Ak Orda presidential palace", "El Mouradia Palace",
#: "Dinh Casa Rosada", "Cung điện Miraflores", "the Palacio Nacional in Mexico City", "New
#: Delhi's South Block" (:func:`_seat_building`; the city is checked by the rewrite's reader)
_SEAT_BUILDING = (
    re.compile(r"(?:the\s+)?(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)['’]s\s+"
               r"(?:the\s+)?(?P<seat>[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,3})"),
    re.compile(r"(?:the\s+)?(?P<seat>[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,3}?)\s+"
               r"(?:in|at)\s+(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"),
    re.compile(r"(?P<seat>\S.*?)\s+(?:ở|tại)\s+(?P<city>" + _VI_PLACE_WORDS + ")"),
    re.compile(r"(?:the\s+)?(?P<seat>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)\s+"
               r"(?i:(?:presidential\s+)?palace|presidential\s+(?:complex|residence))"),
    # (round 32: "điện" alone, palace, as in "Điện Kremlin": "Điện Planalto")
    re.compile(r"(?i:dinh|cung\s+điện|điện|tòa\s+nhà|cung\s+dien|toa\s+nha)\s+"
               r"(?P<seat>" + _VI_UPPER + r"[\w'’.-]*(?:\s+" + _VI_UPPER + r"[\w'’.-]*){0,2})"),
)


def _seat_building(text: str) -> str | None:
    """Round 31: the seat's own name without its kind of building or its city, or None.

    >>> _seat_building("the Ak Orda presidential palace")
    'Ak Orda'
    >>> _seat_building("New Delhi's South Block")
    'South Block'
    >>> _seat_building("Cung điện Miraflores")
    'Miraflores'
    >>> _seat_building("Điện Planalto")
    'Planalto'
    >>> _seat_building("the government of Laos") is None
    True
    """
    m = _first_fullmatch(_SEAT_BUILDING, text.strip())
    return m.group("seat") if m else None


def _seat_building_city(text: str) -> str | None:
    """Round 31: the city :func:`_seat_building` read around the seat, or None."""
    m = _first_fullmatch(_SEAT_BUILDING, text.strip())
    return m.groupdict().get("city") if m else None


#: round 31: a capital's government with a qualifier of the moment, no regime's ("Warsaw's
#: ruling coalition", "Kyiv's wartime government", "Tashkent's reformist government"; not
#: "communist" or "military", which may name a regime of other years): read as the capital's
#: government (:func:`_qualified_capital`)
_QUALIFIED_CAPITAL = (
    re.compile(
        r"(?:the\s+)?(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)(?:['’]s)?\s+"
        r"(?i:(?:ruling|wartime|war-time|reformist|reform-minded|new|newly\s+elected|elected"
        r"|incoming|outgoing|current|coalition|centrist|conservative|liberal|nationalist)\s+"
        r"(?:coalition\s+)?(?:government|cabinet|coalition|administration)"
        r"|ruling\s+(?:coalition|party))"),
    # round 33: the government's form of the moment after a capital's possessive ("Addis
    # Ababa's federal government", "Juba's transitional government", "Khartoum's army-led
    # government", "N'Djamena's military council", "Chisinau's pro-European government";
    # never "provisional", which names a government of its own: the Russian Provisional
    # Government of 1917; without the possessive, "the Thai military government", the word
    # before may be an adjective, read by the other readings)
    re.compile(
        r"(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)['’]s\s+"
        r"(?i:federal|transitional|interim|caretaker|military-led|army-led|army-backed"
        r"|military-backed|junta-led|military)\s+"
        r"(?i:government|cabinet|administration|authorities|council|transition|junta)"),
    re.compile(
        r"(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)['’]s\s+"
        r"pro-[A-Z][a-z]+\s+(?i:government|cabinet|administration|coalition)"),
)


#: round 33: a Vietnamese government with the form of the moment between its word and the
#: state's name ("chính phủ chuyển tiếp Burkina Faso", "chính phủ liên bang Ethiopia",
#: "chính quyền quân đội Sudan", "hội đồng quân sự Chad", "Chính phủ Đoàn kết Dân tộc
#: Libya"; never "lâm thời", provisional, which names a government of its own: "Chính phủ
#: Lâm thời Nga"), read as the state's government (:func:`_vi_qualified_government`)
_VI_QUALIFIED_GOVERNMENT = re.compile(
    r"(?i:chính\s+phủ|chính\s+quyền|chinh\s+phu|chinh\s+quyen)\s+"
    r"(?i:liên\s+bang|chuyển\s+tiếp|quân\s+đội|đoàn\s+kết\s+dân\s+tộc"
    r"|do\s+quân\s+đội\s+lãnh\s+đạo|lien\s+bang|chuyen\s+tiep)\s+"
    r"(?P<state>" + _VI_UPPER + r"\S*(?:\s+\S+){0,3})"
    # ("chính quyền quân sự Mali" is read by the region frame since round 22)
    r"|(?i:hội\s+đồng\s+quân\s+sự|hoi\s+dong\s+quan\s+su|chính\s+phủ\s+quân\s+sự"
    r"|chinh\s+phu\s+quan\s+su)\s+"
    r"(?P<state2>" + _VI_UPPER + r"\S*(?:\s+\S+){0,3})")


def _vi_qualified_government(text: str) -> str | None:
    """Round 33: a Vietnamese government without its form of the moment, or None.

    >>> _vi_qualified_government("chính phủ chuyển tiếp Burkina Faso")
    'chính phủ Burkina Faso'
    >>> _vi_qualified_government("hội đồng quân sự Chad")
    'chính phủ Chad'
    >>> _vi_qualified_government("Chính phủ Lâm thời Nga") is None
    True
    """
    m = _VI_QUALIFIED_GOVERNMENT.fullmatch(text.strip())
    if m is None:
        return None
    return f"chính phủ {m.group('state') or m.group('state2')}"


def _qualified_capital(text: str) -> str | None:
    """Round 31: a capital's government without its qualifier, or None.

    >>> _qualified_capital("Warsaw's ruling coalition")
    'the Warsaw government'
    >>> _qualified_capital("Kyiv's wartime government")
    'the Kyiv government'
    >>> _qualified_capital("Havana's communist government") is None
    True
    """
    m = _first_fullmatch(_QUALIFIED_CAPITAL, text.strip())
    return f"the {_POSSESSIVE_END.sub('', m.group('city'))} government" if m else None


#: round 31: a state's government with its seat after it ("the Lithuanian government in
#: Vilnius", "chính phủ Armenia ở Yerevan"): the government, the seat checked by the
#: rewrite's reader as a capital of the state read (:func:`_government_at_seat`)
_GOVERNMENT_AT_SEAT = (
    # (round 47: with the heads and forms the government-form reading takes, and "regime",
    # which the capital frames take before "in <capital>": "the Saudi leadership in Riyadh",
    # "Jamaican officials in Kingston", "the Somali federal government in Mogadishu", "the
    # Eritrean regime in Asmara"; a long form with "of": "the Kingdom of Eswatini's
    # government in Mbabane"; the seat is checked as before)
    re.compile(r"(?P<gov>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*)"
               r"{0,4}?(?:['’]s)?\s+"
               r"(?:(?:federal|central|royal|transitional|interim|caretaker|military)\s+)?"
               r"(?:(?i:government|authorities|cabinet|administration|foreign\s+ministry"
               r"|(?:ministry|department)\s+of\s+foreign\s+affairs)"
               r"|leadership|executive|officials|diplomats|junta|(?P<regime>regime)))"
               r"\s+(?:in|at)\s+"
               r"(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"),
    # (round 33: and a foreign ministry, convention H: "Bộ Ngoại giao Ấn Độ ở New Delhi")
    re.compile(r"(?P<gov>(?i:chính\s+phủ|chính\s+quyền|chinh\s+phu|chinh\s+quyen"
               r"|bộ\s+ngoại\s+giao|bo\s+ngoai\s+giao"
               # (round 49: the heads of the government-form reading, as round 47 gave the
               # English reading its heads: "nhà chức trách Ai Cập ở Cai-rô", the authorities;
               # "giới chức", "quan chức", officials; "nhà cầm quyền", the rulers; "giới lãnh
               # đạo", the leadership; "cơ quan chức năng", the competent authorities)
               r"|giới\s+chức|nhà\s+chức\s+trách|nhà\s+cầm\s+quyền|quan\s+chức"
               r"|giới\s+lãnh\s+đạo|cơ\s+quan\s+chức\s+năng"
               r"|gioi\s+chuc|nha\s+chuc\s+trach|nha\s+cam\s+quyen|quan\s+chuc"
               r"|gioi\s+lanh\s+dao|co\s+quan\s+chuc\s+nang"
               # (round 42: the seat of its head of state or government, named by the office,
               # as _STATE_OFFICE reads it: "Phủ Tổng thống Ai Cập ở Cairo", "Văn phòng Thủ
               # tướng Ấn Độ ở New Delhi", "Dinh Tổng thống Ba Lan ở Vác-sa-va")
               r"|phủ\s+thủ\s+tướng|phủ\s+tổng\s+thống|văn\s+phòng\s+(?:tổng\s+thống|thủ\s+tướng)"
               r"|dinh\s+tổng\s+thống)\s+(?:quân\s+sự\s+|quan\s+su\s+)?"
               + _VI_UPPER + r".*?)\s+(?:ở|tại|o|tai)\s+"
               r"(?P<city>" + _VI_PLACE_WORDS + ")"),
)


def _government_at_seat(text: str) -> str | None:
    """Round 31: a state's government without its seat after it, or None.

    >>> _government_at_seat("Kosovo's government in Pristina")
    "Kosovo's government"
    >>> _government_at_seat("chính phủ Hà Lan ở The Hague")
    'chính phủ Hà Lan'
    >>> _government_at_seat("Phủ Tổng thống Ai Cập ở Cairo")
    'Phủ Tổng thống Ai Cập'
    >>> _government_at_seat("the Eritrean regime in Asmara")
    'the Eritrean government'
    >>> _government_at_seat("Jamaican officials in Kingston")
    'Jamaican officials'
    """
    m = _first_fullmatch(_GOVERNMENT_AT_SEAT, text.strip())
    if m is None:
        return None
    if m.groupdict().get("regime"):
        # (round 47: a regime at its seat is the state's government there, as the capital
        # frames read "the regime in Tehran"; the words before it are read as a government's)
        return m.group("gov")[: m.start("regime") - m.start("gov")] + "government"
    return m.group("gov")


def _government_seat_city(text: str) -> str | None:
    """Round 31: the seat :func:`_government_at_seat` read, or None."""
    m = _first_fullmatch(_GOVERNMENT_AT_SEAT, text.strip())
    return m.group("city") if m else None


#: round 31: convention F's organ of an organisation written with a possessive or with its
#: seat after it ("Mercosur's secretariat in Montevideo", "the NBI secretariat in Entebbe",
#: "Ủy ban UEMOA ở Ouagadougou"): the organisation and the organ's word, matched again
#: (:func:`_f_organ_at_seat`; the seat checked by the rewrite's reader)
_F_WORDS_EN = (r"(?i:general\s+secretariat|secretariat|headquarters|executive\s+commission"
               r"|executive\s+committee|commission)")
_F_ORGAN_AT_SEAT = (
    re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+[A-Za-z][\w'’.&-]*){0,5}?)['’]s?\s+"
               r"(?P<word>" + _F_WORDS_EN + r")(?:\s+(?:in|at|near)\s+(?P<city>[A-Z][\w'’.-]*"
               r"(?:\s+[A-Z][\w'’.-]*){0,2}))?"),
    re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+[A-Za-z][\w'’.&-]*){0,5}?)\s+"
               r"(?P<word>" + _F_WORDS_EN + r")\s+(?:in|at|near)\s+(?P<city>[A-Z][\w'’.-]*"
               r"(?:\s+[A-Z][\w'’.-]*){0,2})"),
    re.compile(r"(?P<word>(?i:ban\s+thư\s+ký|ban\s+tổng\s+thư\s+ký|ủy\s+ban|trụ\s+sở"
               r"|tổng\s+hành\s+dinh))\s+(?P<org>" + _VI_UPPER + r"[\w'’.&-]*(?:\s+"
               + _VI_UPPER + r"[\w'’.&-]*){0,1})"
               r"\s+(?:ở|tại)\s+(?P<city>" + _VI_PLACE_WORDS + ")"),
    # round 34: the seat between the possessive and the organ ("ASEAN's Jakarta
    # secretariat", "the ADB's Manila headquarters")
    re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+[A-Za-z][\w'’.&-]*){0,5}?)['’]s\s+"
               r"(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+"
               r"(?P<word>" + _F_WORDS_EN + r")"),
)


def _f_organ_at_seat(text: str) -> str | None:
    """Round 31: convention F's organ without its possessive or its seat, or None.

    >>> _f_organ_at_seat("Mercosur's secretariat in Montevideo")
    'Mercosur secretariat'
    >>> _f_organ_at_seat("Ủy ban UEMOA ở Ouagadougou")
    'Ủy ban UEMOA'
    >>> _f_organ_at_seat("the NBI secretariat") is None
    True
    """
    m = _first_fullmatch(_F_ORGAN_AT_SEAT, text.strip())
    if m is None:
        return None
    if m.re is _F_ORGAN_AT_SEAT[2]:
        # (a headquarters said as "trụ sở" is read as "Tổng hành dinh", F's word for it)
        word = m.group("word")
        word = "Tổng hành dinh" if folded_form(word) == "tru so" else word
        return f"{word} {m.group('org')}"
    return f"{m.group('org')} {m.group('word')}"


def _f_organ_city(text: str) -> str | None:
    """Round 31: the seat :func:`_f_organ_at_seat` read, or None."""
    m = _first_fullmatch(_F_ORGAN_AT_SEAT, text.strip())
    return m.group("city") if m else None


#: round 31: the movements that ruled a state (``movements`` of predecessors.yaml): folded
#: name -> [(the state's English name, first year, last year)], and folded adjective -> the same
_MOVEMENT_NAMES: dict[str, list[tuple[str, int, int]]] = {}
_MOVEMENT_ADJECTIVES: dict[str, list[tuple[str, int, int]]] = {}
for _row in read_yaml("predecessors.yaml").get("movements") or []:
    _ruled = (str(_row["state"]), int(_row["years"][0]), int(_row["years"][1]))
    for _table, _key in ((_MOVEMENT_NAMES, "names"), (_MOVEMENT_ADJECTIVES, "adjectives")):
        for _n in _row.get(_key) or []:
            _held = _table.setdefault(folded_form(str(_n)), [])
            if _ruled not in _held:
                _held.append(_ruled)

_MOVEMENT_GOVERNMENT = (
    re.compile(r"(?:the\s+)?(?P<mov>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+(?i:government|regime"
               r"|authorities|administration)(?:\s+(?:in|at)\s+(?P<city>[A-Z][\w'’.-]*"
               r"(?:\s+[A-Z][\w'’.-]*)?))?(?:\s+(?:in|of)\s+(?P<year>\d{4}))?"),
    re.compile(r"(?i:chính\s+quyền|chính\s+phủ|chế\s+độ|chinh\s+quyen|chinh\s+phu|che\s+do)\s+"
               r"(?P<mov>" + _VI_UPPER + r"[\w'’.-]*(?:\s+[A-ZĐ\w][\w'’.-]*){0,2}?)"
               r"(?:\s+(?:ở|tại)\s+(?P<city>" + _VI_PLACE_WORDS + r"))?"
               r"(?:\s+(?:năm|nam)\s+(?P<year>\d{4}))?"),
    re.compile(r"(?P<adj>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+(?P<state>[A-Z][\w'’.-]*"
               r"(?:\s+[A-Za-z][\w'’.-]*){0,3}?)(?:\s+(?:in|of)\s+(?P<year>\d{4}))?"),
)


def _movement_city(text: str) -> str | None:
    """Round 31: the seat :func:`_movement_state` read, or None."""
    m = _first_fullmatch(_MOVEMENT_GOVERNMENT, text.strip())
    return m.groupdict().get("city") if m else None


def _movement_state(text: str) -> str | None:
    """Round 31: a government named by the movement that ruled its state, written as the
    state with the movement's years (or the year given, which must fall within them), or None.

    >>> _movement_state("the Khmer Rouge government in 1977")
    'Cambodia in 1977'
    >>> _movement_state("Ba'athist Iraq")
    'Iraq (1968–2003)'
    >>> _movement_state("the Khmer Rouge government in 1985") is None
    True
    >>> _movement_state("Ba'athist Jordan") is None
    True
    >>> _movement_state("chính quyền Quốc dân đảng ở Đài Bắc năm 1960")
    'Republic of China in 1960'
    """
    m = _first_fullmatch(_MOVEMENT_GOVERNMENT, text.strip())
    if m is None:
        return None
    g = m.groupdict()
    if g.get("adj"):
        rows = [r for r in _MOVEMENT_ADJECTIVES.get(folded_form(g["adj"]), [])
                if folded_form(r[0]) == folded_form(g["state"])]
    else:
        rows = _MOVEMENT_NAMES.get(folded_form(g["mov"]), [])
    if len(rows) != 1:
        return None
    state, a, b = rows[0]
    if g.get("year"):
        year = int(g["year"])
        return f"{state} in {year}" if a <= year <= b else None
    return f"{state} ({a}–{b})"


#: round 30: a period of a state before its name (convention D: the state of those years):
#: "interwar Czechoslovakia" (the years between the world wars), "rump Yugoslavia in 1996",
#: "communist Romania in 1980" (these only with years: the period alone says no years)
_PERIOD_WORD = re.compile(
    r"(?:the\s+)?(?P<word>inter-?war|rump|communist|socialist|post-?war|war-?time)\s+"
    r"(?P<state>[A-Z][^\d]*?)(?:\s*,?\s+(?:in|of)\s+(?P<years>\d{4}(?:\s*[-–]\s*\d{2,4})?))?",
    re.IGNORECASE)
#: the years a period word names by itself
_PERIOD_YEARS = {"interwar": "1919–1938", "inter-war": "1919–1938"}
#: the period words that name a regime's years: not read for a state whose COW membership
#: had a gap (the Baltic states' Soviet years are no years of theirs: convention E)
PERIOD_REGIME_WORDS = frozenset({"communist", "socialist"})


def _period_word_state(text: str) -> str | None:
    """Round 30: the state with the years of a period word before it ("interwar
    Czechoslovakia": "Czechoslovakia (1919–1938)"; "communist Romania in 1980": "Romania in
    1980"), or None (a period word whose years are not given and not its own).

    >>> _period_word_state("interwar Czechoslovakia")
    'Czechoslovakia (1919–1938)'
    >>> _period_word_state("rump Yugoslavia in 1996")
    'Yugoslavia in 1996'
    >>> _period_word_state("communist Romania") is None
    True
    """
    m = _PERIOD_WORD.fullmatch(text.strip())
    if m is None:
        return None
    if m.group("years"):
        return f"{m.group('state')} in {m.group('years')}"
    span = _PERIOD_YEARS.get(m.group("word").lower())
    return f"{m.group('state')} ({span})" if span else None


#: round 26: a Vietnamese tail naming where a body sits or whose it is, after a name that
#: holds an acronym ("trung tâm ICDT ở Casablanca", "tổ chức OIC có trụ sở tại Jeddah",
#: "trung tâm IFC-IOR của Ấn Độ")
#: a Vietnamese place's name: up to four capitalised words
_VI_PLACE = (_VI_UPPER + r"\S*"
             r"(?:\s+" + _VI_UPPER + r"\S*){0,3}")
_VI_SEAT_TAIL = re.compile(
    r"(?P<name>\S.*?)\s+(?:ở|tại|có\s+trụ\s+sở\s+(?:tại|ở)|đặt\s+tại|đóng\s+tại|trụ\s+sở"
    r"\s+(?:tại|ở)|của)\s+(?P<place>" + _VI_PLACE + ")")


#: round 39: a Vietnamese name of a body with the place it sits in after it, whatever the
#: name ("Tổ chức Lao động Quốc tế ở Genève", "Hiệp hội Thương mại Tự do châu Âu ở Genève",
#: "cơ quan lao động của EU ở Bratislava"): the place ends the name
_VI_AT_PLACE = re.compile(
    r"(?P<name>\S+\s+\S.*?)\s+(?:(?:có\s+)?trụ\s+sở\s+|đặt\s+|đóng\s+)?(?:ở|tại)\s+"
    r"(?P<place>" + _VI_PLACE + ")")


def _vi_body_place(text: str) -> tuple[str, str] | None:
    """Round 39: a Vietnamese body's name and the place after "ở" or "tại", or None.

    >>> _vi_body_place("Tổ chức Lao động Quốc tế ở Genève")
    ('Tổ chức Lao động Quốc tế', 'Genève')
    >>> _vi_body_place("Liên minh châu Phi có trụ sở tại Addis Ababa")
    ('Liên minh châu Phi', 'Addis Ababa')
    >>> _vi_body_place("ủy ban nghề cá ở vùng biển") is None
    True
    """
    m = _VI_AT_PLACE.fullmatch(text.strip())
    return (m.group("name"), m.group("place")) if m is not None else None


def _without_vi_place(text: str) -> str | None:
    """Round 39: the body's name of :func:`_vi_body_place`, or None (an office, a mission, a
    delegation there is the body's local one: "văn phòng UNESCO ở Hà Nội" is not read)."""
    found = _vi_body_place(text)
    if found is None or re.search(r"(?i)văn\s+phòng|phái\s+đoàn|van\s+phong|phai\s+doan|"
                                  r"đại\s+sứ\s+quán|lãnh\s+sự", found[0]):
        return None
    return found[0]


#: round 30: the words that say a seat as one ("có trụ sở tại", "đặt tại", "trụ sở ở")
_VI_SEAT_SAID = re.compile(r"\s(?:có\s+trụ\s+sở|trụ\s+sở|đặt|đóng)\s+(?:tại|ở)\s")


#: round 27: an acronym with lower-case letters inside ("AfDB", "IsDB")
_MIXED_ACRONYM = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]{0,6}")


def _holds_acronym(name: str) -> bool:
    """Round 27: whether a word of the name is an acronym (:data:`_ACRONYM`, or one with
    lower-case letters inside: "AfDB")."""
    return any(_ACRONYM.fullmatch(w) or _MIXED_ACRONYM.fullmatch(w) for w in name.split())


#: round 27: a Vietnamese count ("mười", "15", "hai mươi mốt") of a body's members
_VI_COUNT = (r"(?:\d{1,3}|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm)"
             r"(?:\s+(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm)){0,3})")
#: round 27: what the Vietnamese press says of a body with an acronym besides its name: a
#: count of its members after it ("khối ASEAN mười nước", "khối ECOWAS 15 thành viên"), the
#: state that leads it ("ngân hàng AIIB do Trung Quốc dẫn dắt", "liên minh quân sự do Nga
#: dẫn đầu CSTO") and the currency it uses ("khối UEMOA dùng đồng franc CFA")
_VI_BODY_CLAUSES = (
    # (round 33: the count may be followed by what the members are: "khối ECOWAS 15 nước
    # Tây Phi", "nhóm BIMSTEC bảy nước quanh vịnh Bengal")
    re.compile(r"\s+" + _VI_COUNT + r"\s+(?:nước|thành\s+viên|quốc\s+gia|nền\s+kinh\s+tế)"
               r"(?:\s+\S+){0,5}$"),
    # (round 33: or the state that launched or founded it: "Hội nghị CICA do Kazakhstan khởi
    # xướng")
    re.compile(r"\s+do\s+" + _VI_PLACE + r"(?:\s+và\s+" + _VI_PLACE + r")?"
               r"\s+(?:dẫn\s+dắt|dẫn\s+đầu|lãnh\s+đạo|đứng\s+đầu|khởi\s+xướng|sáng\s+lập"
               r"|thành\s+lập)"
               r"(?=\s|$)"),
    re.compile(r"\s+(?:dùng|sử\s+dụng)\s+đồng\s+\S.*$"),
    # round 30: its members listed ("khối Liên minh Thái Bình Dương gồm Mexico, Colombia, Peru
    # và Chile") and the kind of states it joins ("khối SEV của các nước xã hội chủ nghĩa")
    re.compile(r"\s+gồm\s+" + _VI_PLACE + r"(?:\s*,\s*" + _VI_PLACE + r")*\s+và\s+"
               + _VI_PLACE + r"$"),
    re.compile(r"\s+của\s+các\s+(?:nước|quốc\s+gia)(?:\s+[a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩị"
               r"òóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ-]+)+$"),
    # round 33: the kind of states it joins named by their region ("nhóm MSG của các nước
    # Melanesia"), its members listed after "của" ("khối GUAM của Gruzia, Ukraine và
    # Moldova"), an event of its history ("khối ASEAN sau khi kết nạp Đông Timor") and the
    # person who leads it ("Ủy ban châu Âu dưới thời bà von der Leyen", "ngân hàng ECB của bà
    # Lagarde"): what is said of the body, not another body
    re.compile(r"\s+của\s+các\s+(?:nước|quốc\s+gia)\s+" + _VI_PLACE + r"$"),
    re.compile(r"\s+của\s+" + _VI_PLACE + r"(?:\s*,?\s+" + _VI_PLACE + r")*\s+và\s+"
               + _VI_PLACE + r"$"),
    re.compile(r"\s+sau\s+khi\s+(?:kết\s+nạp|gia\s+nhập|mở\s+rộng|thành\s+lập)\s+\S.*$"),
    re.compile(r"\s+(?:dưới\s+thời|của)\s+(?:bà|ông|Tổng\s+thư\s+ký|Chủ\s+tịch)\s+\S.*$"),
    # round 34: the person or the time named after "thời" (in the time of) with no "dưới"
    # ("ngân hàng ECB thời bà Lagarde", "khối ALBA thời Chavez", "tổ chức OEEC thời Kế hoạch
    # Marshall"), a capital after it (a person's name, a plan's), and a term of office
    # ("Ủy ban châu Âu nhiệm kỳ 2019-2024")
    re.compile(r"\s+(?:dưới\s+)?thời\s+(?:(?:bà|ông|Tổng\s+thư\s+ký|Chủ\s+tịch|Tổng\s+giám"
               r"\s+đốc|Thống\s+đốc)\s+)?" + _VI_UPPER + r"\S*(?:\s+\S+){0,4}$"),
    re.compile(r"\s+nhiệm\s+kỳ\s+\d{4}(?:\s*[-–]\s*\d{4})?$"),
)


def _without_vi_body_clause(text: str) -> str | None:
    """Round 27: a Vietnamese name of a body with an acronym without what the press says of
    it besides (:data:`_VI_BODY_CLAUSES`: its count of members, the state that leads it, its
    currency), or None (no such clause, or no acronym left in the name).

    >>> _without_vi_body_clause("khối ASEAN mười nước")
    'khối ASEAN'
    >>> _without_vi_body_clause("liên minh quân sự do Nga dẫn đầu CSTO")
    'liên minh quân sự CSTO'
    >>> _without_vi_body_clause("khối UEMOA dùng đồng franc CFA")
    'khối UEMOA'
    >>> _without_vi_body_clause("Nhóm 77 nước") is None
    True
    >>> _without_vi_body_clause("tổ chức SCO do Trung Quốc và Nga dẫn dắt")
    'tổ chức SCO'
    """
    out = text.strip()
    for clause in _VI_BODY_CLAUSES:
        if clause is _VI_BODY_CLAUSES[-2] and _period_qualifier(out) is not None:
            # (round 34: a named period after "thời" is the period reading's, which checks
            # the body's years: "Liên minh châu Âu thời Chiến tranh Lạnh" is no match)
            continue
        out = clause.sub("", out, count=1).strip()
    if out == text.strip() or not (_holds_acronym(out) or len(out.split()) >= 3
                                   and out[:1].isupper() or len(out.split()) >= 2
                                   and any(w[:1].isupper() for w in out.split()[1:])):
        # (round 28: or a name written as a proper name, of three words or more: "Liên minh
        # Kinh tế Á-Âu do Nga dẫn dắt"; round 30: or a head and a proper name, "nhóm
        # Visegrad bốn nước"; never a count that is the name's own, "Nhóm 77 nước")
        return None
    return out


def _without_vi_seat(text: str) -> str | None:
    """Round 26: a Vietnamese name of a body with an acronym, without the place after it
    (:data:`_VI_SEAT_TAIL`), or None (no such tail, or no acronym in the name before it).

    >>> _without_vi_seat("trung tâm ICDT ở Casablanca")
    'trung tâm ICDT'
    >>> _without_vi_seat("tổ chức OIC có trụ sở tại Jeddah")
    'tổ chức OIC'
    >>> _without_vi_seat("Ủy ban châu Âu về sông Danube") is None
    True
    """
    m = _VI_SEAT_TAIL.fullmatch(text.strip())
    if m is None:
        return None
    name = m.group("name")
    if not _holds_acronym(name) and not (
            _VI_SEAT_SAID.search(text) and len(name.split()) >= 3 and name[:1].isupper()):
        # (round 30: a seat said in words, "có trụ sở tại", after a proper name of three
        # words or more: "Tổ chức Hợp tác Thượng Hải có trụ sở tại Bắc Kinh")
        return None
    return name

