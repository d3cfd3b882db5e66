"""Vietnamese names of organisations read word by word (``linking/names/glossary_vi.yaml``).

Vietnamese names of international organisations are calques of their English (or French) names
with the head word first: "Quỹ Nhi đồng Liên Hợp Quốc" is fund + children + United Nations, the
"United Nations Children's Fund". :class:`Glossary` reads a folded Vietnamese name phrase by
phrase (the longest listed phrase first) into every combination of the phrases' English
readings, and :class:`Calques` finds the organisations whose English name has exactly those
content words (word order, "of", "the", "and" do not count). A name with one word the glossary
does not list is not read at all, so an English or unknown name never goes through here.

>>> g = Glossary.load()
>>> sorted(sorted(r) for r in g.readings("Tòa án Công lý Quốc tế"))
[['court', 'international', 'justice'], ['court', 'justice', 'universal'],
 ['international', 'justice', 'tribunal'], ['justice', 'tribunal', 'universal']]
>>> g.readings("Narnia")
[]
>>> sorted(content_words("United Nations Children’s Fund"))
['children', 'fund', 'nations', 'united']
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from ..graph.names import exact_form, strip_diacritics
from .names import read_yaml

#: at most this many readings of one name are tried (the product of the phrases' readings)
MAX_READINGS = 256
#: round 14: a name with one run of at most GAP_WORDS unlisted words is read from its other
#: words (GAP_PHRASES listed phrases at least) as an organisation's English name with at most
#: GAP_EXTRA more words, each a word no listed phrase gives. Chosen on a simulation
#: (docs/linking.md, fourteenth round): each phrase of each list name the glossary reads was
#: dropped in turn; with these bounds 147 of 628 names were read right and none wrong (with
#: runs of four words and two more English words: 8 wrong of 252)
GAP_WORDS = 2
GAP_PHRASES = 2
GAP_EXTRA = 1
#: round 15: a name with up to GAPS_WORDS unlisted Vietnamese words (in at most GAPS_RUNS runs)
#: is read from its listed phrases (GAPS_PHRASES at least) when exactly one body's English name
#: has every word read and one to GAPS_EXTRA more that no listed phrase gives, and no other
#: body's name has every word read and at most as many more as words were left unread. Chosen
#: on round 14's kind of simulation with the glossary's phrases dropped one and two at a time
#: (docs/linking.md, fifteenth round): 121 of 869 and 38 of 1,089 trials read right, none wrong
GAPS_WORDS = 4
GAPS_RUNS = 2
GAPS_PHRASES = 2
GAPS_EXTRA = 2

_WORD = re.compile(r"[^\W_]+")

_DATA = read_yaml("glossary_vi.yaml")
_STOP_EN = frozenset(_DATA.get("stop_en") or ())
_SPELLINGS = {str(k): str(v) for k, v in (_DATA.get("spellings") or {}).items()}


def _folded_words(text: str) -> list[str]:
    """Lower-case words without diacritics (``đ`` -> ``d``), punctuation dropped."""
    return _WORD.findall(strip_diacritics(exact_form(text)))


def normal_spelling(text: str) -> str:
    """``text`` in lower case without diacritics, each word in one spelling (``organisation``
    = ``organization``, ``programme`` = ``program``).

    >>> normal_spelling("World Health Organisation")
    'world health organization'
    """
    return " ".join(_SPELLINGS.get(w, w) for w in _folded_words(text.replace("-", " ")))


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """The content words of an English name: folded, one spelling per word (``organisation`` =
    ``organization``), without ``of``/``the``/``and`` and one-letter pieces (``Children’s``).
    Remembered for the last 65,536 names (the readings ask it of the registry's names again
    for every name they read)."""
    out = set()
    for w in _folded_words(text.replace("-", " ")):
        w = _SPELLINGS.get(w, w)
        if len(w) > 1 and w not in _STOP_EN:
            out.add(w)
    return frozenset(out)


def _proper_words(text: str) -> set[str]:
    """The capitalised words of an English name (not acronyms such as ``EU``), folded.

    >>> sorted(_proper_words("Council of the Baltic Sea States (CBSS)"))
    ['baltic', 'council', 'sea', 'states']
    """
    out = set()
    for w in re.findall(r"[^\W\d_]+", text):
        if len(w) > 2 and w[0].isupper() and not w.isupper():
            out |= content_words(w)
    return out


@dataclass(frozen=True)
class Glossary:
    """Vietnamese phrases (folded words) -> English readings (word sets)."""

    phrases: dict[tuple[str, ...], tuple[frozenset[str], ...]]
    stop_vi: frozenset[str]
    optional_tail: frozenset[tuple[str, ...]]
    optional_head: frozenset[tuple[str, ...]] = frozenset()
    #: words a Vietnamese name keeps as they are (the proper names of the registry's English
    #: names: "Kế hoạch Colombo" = "Colombo Plan"), read as themselves in whole names only
    proper: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> Glossary:
        """The project's glossary."""
        phrases = {
            tuple(str(k).split()): tuple(content_words(str(r)) for r in v)
            for k, v in (_DATA.get("phrases") or {}).items()
        }
        tails = frozenset(tuple(str(t).split()) for t in _DATA.get("optional_tail") or ())
        heads = frozenset(tuple(str(t).split()) for t in _DATA.get("optional_head") or ())
        return cls(phrases, frozenset(_DATA.get("stop_vi") or ()), tails, heads)

    def with_proper(self, words: Iterable[str]) -> Glossary:
        """This glossary reading ``words`` (folded) as themselves in a whole name that has
        listed Vietnamese phrases too (at least as many as kept words).

        >>> g = Glossary.load().with_proper(["colombo", "plan"])
        >>> [sorted(r) for r in g.readings("Kế hoạch Colombo")]
        [['colombo', 'plan']]
        >>> g.readings("Colombo Plan")
        []
        """
        return replace(self, proper=frozenset(words))

    @cached_property
    def _longest(self) -> int:
        """The most words of a listed phrase."""
        return max((len(k) for k in self.phrases), default=0)

    def _segment(self, words: list[str], proper: bool = False) -> list[tuple[str, ...]] | None:
        longest = self._longest
        out: list[tuple[str, ...]] = []
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                if tuple(words[i : i + n]) in self.phrases:
                    out.append(tuple(words[i : i + n]))
                    i += n
                    break
            else:
                # a stop word, unless it begins a listed phrase (round 11: "ve" is "về", of,
                # and the first word of "vệ tinh", satellite; "o" of "ô liu", olive)
                if words[i] in self.stop_vi:
                    i += 1
                    continue
                if not (proper and words[i] in self.proper):
                    return None
                out.append((words[i],))
                i += 1
        if proper:
            kept = sum(1 for s in out if s not in self.phrases)
            listed = [s for s in out if s in self.phrases and not set(s) <= self.proper]
            if kept and len(listed) < kept:
                return None
        return out or None

    def _options(self, seg: tuple[str, ...]) -> tuple[frozenset[str], ...]:
        """The readings of one segment (a kept proper word reads as itself)."""
        return self.phrases.get(seg) or (frozenset(seg),)

    def phrase_readings(self, text: str) -> list[frozenset[str]]:
        """The English readings of a few Vietnamese words (one phrase or more, e.g. the body
        in "Ủy ban EU"); none when a word is not listed.

        >>> sorted(sorted(r) for r in Glossary.load().phrase_readings("Ủy ban"))
        [['board'], ['commission'], ['commissions'], ['committee']]
        """
        segs = self._segment(_folded_words(text))
        if not segs:
            return []
        out: dict[frozenset[str], None] = {}
        for combo in itertools.islice(itertools.product(*(self.phrases[s] for s in segs)),
                                      MAX_READINGS):
            out.setdefault(frozenset().union(*combo), None)
        return list(out)

    def readings(self, name: str) -> list[frozenset[str]]:
        """Every English word set ``name`` can be read as (none when a word is not listed)."""
        return [r for group in self.reading_groups(name) for r in group]

    def gap_readings(self, name: str) -> list[tuple[frozenset[str], str]]:
        """Round 14: (reading, unread words) of a name that has one run of one or two words no
        phrase lists ("vây xanh" in "Ủy ban Bảo tồn Cá ngừ vây xanh phương Nam", bluefin),
        every other word read; at least three phrases must be read. None for a name the
        glossary reads whole.

        >>> [(sorted(r), gap) for r, gap in Glossary.load().gap_readings(
        ...     "Ủy ban Bảo tồn Cá ngừ Xứzw")][:1]
        [(['commission', 'conservation', 'tuna'], 'xuzw')]
        >>> Glossary.load().gap_readings("Ngân hàng Phát triển Xyzw")  # a foreign word
        []
        """
        words = _folded_words(name)
        written = _WORD.findall(exact_form(name).lower())
        if len(words) < 4 or len(written) != len(words) or self._segment(words, proper=True):
            return []
        out: dict[tuple[frozenset[str], str], None] = {}
        for n in range(1, GAP_WORDS + 1):
            for i in range(len(words) - n + 1):
                gap = words[i : i + n]
                if gap[0] in self.stop_vi or gap[-1] in self.stop_vi:
                    continue
                if not any(not w.isascii() for w in written[i : i + n]):
                    # Vietnamese words (one with its diacritics at least), not a foreign proper
                    # name kept as it is ("Ngân hàng Phát triển Xyzw")
                    continue
                segs = self._segment(words[:i] + words[i + n :], proper=True)
                if not segs or len(set(segs)) < len(segs) or sum(
                        1 for x in segs if x in self.phrases) < GAP_PHRASES:
                    continue
                options = [self._options(x) for x in segs]
                for combo in itertools.islice(itertools.product(*options), MAX_READINGS):
                    out.setdefault((frozenset().union(*combo), " ".join(gap)), None)
        return list(out)

    def gapped_readings(
        self, name: str, max_words: int = GAPS_WORDS, max_runs: int = GAPS_RUNS,
        min_phrases: int = GAPS_PHRASES,
    ) -> list[tuple[frozenset[str], str, int]]:
        """Round 15: (reading, unread words, number of unread words) of a name read phrase by
        phrase (the longest phrase first) with up to ``max_words`` words no phrase lists, in at
        most ``max_runs`` runs; a run must hold a word written with Vietnamese diacritics (a
        foreign proper name kept as it is, "Zambezi", is no unread Vietnamese word); at least
        ``min_phrases`` listed phrases. None for a name the glossary reads whole.

        >>> [(sorted(r), gap) for r, gap, _ in Glossary.load().gapped_readings(
        ...     "Ủy ban Bảo tồn Cá ngừ Xứzw Qướq")][:1]
        [(['commission', 'conservation', 'tuna'], 'xuzw quoq')]
        """
        words = _folded_words(name)
        written = _WORD.findall(exact_form(name).lower())
        if len(words) < 4 or len(written) != len(words) or self._segment(words, proper=True):
            return []
        longest = self._longest
        # a transliteration's syllables joined by hyphens ("Ban-tích", the Baltic) are one
        # foreign word: never read as listed phrases ("ban", board)
        locked: set[int] = set()
        j = 0
        for tok in exact_form(name).split():
            n = len(_WORD.findall(tok.lower()))
            if n > 1 and "-" in tok:
                locked.update(range(j, j + n))
            j += n
        segs: list[tuple[str, ...]] = []
        runs: list[list[int]] = []
        i = 0
        last_gap = -2
        while i < len(words):
            if i in locked:
                if last_gap == i - 1 and runs:
                    runs[-1].append(i)
                else:
                    runs.append([i])
                last_gap = i
                i += 1
                continue
            for n in range(min(longest, len(words) - i), 0, -1):
                if any(k in locked for k in range(i, i + n)):
                    continue
                if tuple(words[i : i + n]) in self.phrases:
                    segs.append(tuple(words[i : i + n]))
                    i += n
                    break
            else:
                if words[i] in self.stop_vi:
                    i += 1
                    continue
                if words[i] in self.proper:
                    segs.append((words[i],))
                elif last_gap == i - 1 and runs:
                    runs[-1].append(i)
                    last_gap = i
                else:
                    runs.append([i])
                    last_gap = i
                i += 1
        unread = sum(len(r) for r in runs)
        listed = [x for x in segs if x in self.phrases]
        if (not runs or unread > max_words or len(runs) > max_runs
                or len(listed) < min_phrases
                or len(set(segs)) < len(segs)
                or any(all(written[j].isascii() for j in r) for r in runs)):
            return []
        gap = " ".join(words[j] for r in runs for j in r)
        out: dict[frozenset[str], None] = {}
        for combo in itertools.islice(itertools.product(*(self._options(x) for x in segs)),
                                      MAX_READINGS):
            out.setdefault(frozenset().union(*combo), None)
        return [(r, gap, unread) for r in out]

    def reading_groups(self, name: str) -> list[list[frozenset[str]]]:
        """The readings of the whole name, then (when it ends with an affiliation such as
        ``Liên Hợp Quốc``) those of the name without it, then (when it begins with a generic
        head such as ``Diễn đàn``, forum) those without the head."""
        segs = self._segment(_folded_words(name), proper=True)
        if not segs or len(segs) < 2 or len(set(segs)) < len(segs):
            return []  # a phrase said twice is no organisation's name
        variants = [segs]
        if len(segs) > 2 and segs[-1] in self.optional_tail:
            variants.append(segs[:-1])
        elif len(segs) > 2 and any(x in self.optional_tail for x in segs[1:-1]):
            # the affiliation inside the name ("Văn phòng Cao ủy Liên Hợp Quốc về Nhân quyền")
            variants.append([x for x in segs if x not in self.optional_tail])
        # a generic head the English name leaves out ("Diễn đàn" forum: APEC)
        for v in list(variants):
            if len(v) > 2 and v[0] in self.optional_head:
                variants.append(v[1:])
        groups = []
        for v in variants:
            out: dict[frozenset[str], None] = {}
            options = [self._options(s) for s in v]
            for combo in itertools.islice(itertools.product(*options), MAX_READINGS):
                out.setdefault(frozenset().union(*combo), None)
            groups.append(list(out))
        return groups


#: an affiliation an English name may begin with and a Vietnamese one leave out; round 14:
#: "International", which the Vietnamese press drops ("Ủy ban Bảo tồn Cá ngừ Đại Tây Dương" =
#: the International Commission for the Conservation of Atlantic Tunas)
_AFFILIATIONS = ("united nations", "international")


class Calques:
    """Organisations indexed by the content words of their English names."""

    def __init__(self, names: Iterable[tuple[object, str]], glossary: Glossary | None = None):
        """``names``: (entity, English name) pairs."""
        names = list(names)
        glossary = glossary or Glossary.load()
        #: the words of the English names no listed phrase gives (mostly proper names: Colombo,
        #: Baltic, Maghreb), which a Vietnamese name keeps as they are
        glossed = {w for readings in glossary.phrases.values() for r in readings for w in r}
        keys = {w for k in glossary.phrases for w in k}
        self.glossary = glossary.with_proper(
            w for _, text in names for w in _proper_words(text)
            if w not in glossed and w not in keys)
        self._glossed = glossed
        self._index: dict[frozenset[str], list[tuple[object, str]]] = defaultdict(list)
        #: the same names without a leading "United Nations" ("United Nations Trusteeship
        #: Council" = "Hội đồng Quản thác") or "International", read only when no whole name is
        self._bare: dict[frozenset[str], list[tuple[object, str]]] = defaultdict(list)
        self._gap_index: dict[frozenset[str], list[tuple[object, str, str]]] | None = None
        #: round 15: the same names with each word in the singular ("Peaceful Uses of Outer
        #: Space" read "sử dụng", use), read only when no name has the words as read
        self._singular: dict[frozenset[str], list[tuple[object, str]]] = defaultdict(list)
        for ent, text in names:
            words = content_words(text)
            if len(words) >= 2 and all(e is not ent for e, _ in self._index[words]):
                self._index[words].append((ent, text))
            sing = frozenset(singular_form(w) for w in words)
            if len(sing) >= 2 and all(e is not ent for e, _ in self._singular[sing]):
                self._singular[sing].append((ent, text))
            for affiliation in _AFFILIATIONS:
                if normal_spelling(text).startswith(affiliation + " "):
                    bare = words - content_words(affiliation)
                    if len(bare) >= 2 and all(e is not ent for e, _ in self._bare[bare]):
                        self._bare[bare].append((ent, text))

    def find(self, name: str) -> list[tuple[object, str, frozenset[str]]]:
        """(entity, English name, reading) for each organisation the Vietnamese ``name`` reads
        as; the readings with the whole name come first."""
        out: list[tuple[object, str, frozenset[str]]] = []
        groups = self.glossary.reading_groups(name)
        for group in groups:
            for reading in group:
                for ent, text in self._index.get(reading, ()):
                    if all(e is not ent for e, _, _ in out):
                        out.append((ent, text, reading))
            if out:
                return out
        for group in groups[:1]:
            for reading in group:
                sing = frozenset(singular_form(w) for w in reading)
                for ent, text in self._singular.get(sing, ()):
                    if all(e is not ent for e, _, _ in out):
                        out.append((ent, text, reading))
            if out:
                return out
        for group in self.glossary.reading_groups(name):
            for reading in group:
                for ent, text in self._bare.get(reading, ()):
                    if (not normal_spelling(text).startswith(_AFFILIATIONS[0] + " ")
                            and any(e is not ent for e, _, _ in self.containing(reading))):
                        # without "International", the words of other bodies' names too
                        # ("Tòa án Tư pháp": the ICJ, but also the CJEU, the ECOWAS Court of
                        # Justice): a generic name, not this body's
                        continue
                    if all(e is not ent for e, _, _ in out):
                        out.append((ent, text, reading))
            if out:
                return out
        return out

    def find_with_gap(self, name: str) -> list[tuple[object, str, frozenset[str], str, str]]:
        """Round 14: (entity, English name, reading, unread Vietnamese words, the English words
        they stand for) for each organisation whose English name has exactly the words read
        and one or two more: words no listed phrase gives (so the glossary could not have read
        them; "Đối thoại An ninh Bốn bên" = the Quadrilateral Security Dialogue, "bốn bên" =
        "quadrilateral"), or, with ``""`` for the English words, listed ones (a rival: the
        unread words may be their Vietnamese in another spelling)."""
        if self._gap_index is None:
            index: dict[frozenset[str], list[tuple[object, str, str]]] = defaultdict(list)
            for key, held in self._index.items():
                for ent, text in held:
                    # an acronym in the name ("COE Development Bank") is no word to read
                    caps = {t.lower() for t in re.findall(r"[^\W\d_]+", text) if t.isupper()}
                    for n in range(1, GAP_EXTRA + 1):
                        for extra in itertools.combinations(sorted(key), n):
                            rest = key - set(extra)
                            if len(rest) < 2:
                                continue
                            # every organisation whose name has the words read and n more is
                            # indexed (a rival); only one whose extra words no phrase gives
                            # can be the match
                            unread = all(w not in self._glossed and w not in caps
                                         and len(w) > 3 for w in extra)
                            index[rest].append((ent, text, " ".join(extra) if unread else ""))
            self._gap_index = index
        out: list[tuple[object, str, frozenset[str], str, str]] = []
        for reading, gap in self.glossary.gap_readings(name):
            for ent, text, w in self._gap_index.get(reading, ()):
                if all(e is not ent for e, *_ in out):
                    out.append((ent, text, reading, gap, w))
        return out  # an entry with no English word ("") is a rival, never a match

    def find_with_gaps(
        self, name: str, max_extra: int = GAPS_EXTRA, **bounds: int
    ) -> list[tuple[object, str, frozenset[str], str, bool]]:
        """Round 15: (entity, English name, reading, unread words, fits) for each organisation
        a name with several unread words can be (:meth:`Glossary.gapped_readings`): its English
        name has every word read and at most as many more as words were left unread; it
        *fits* when those are one to ``max_extra`` more. The caller matches only when one body
        is listed and it fits (the others are rivals: the unread words may be theirs)."""
        out: list[tuple[object, str, frozenset[str], str, bool]] = []
        for reading, gap, unread in self.glossary.gapped_readings(name, **bounds):
            for e, t, n in self.containing(reading):
                if n > max(unread, 1) or any(x is e for x, *_ in out):
                    continue
                # as in round 14, the English words the unread ones stand for must be words
                # no listed phrase gives (else the glossary would have read them: the unread
                # words may be another body's listed words in another spelling)
                caps = {w.lower() for w in re.findall(r"[^\W\d_]+", t) if w.isupper()}
                extra = content_words(t) - reading
                fits = n <= max_extra and all(
                    w not in self._glossed and w not in caps and len(w) > 3 for w in extra)
                out.append((e, t, reading, gap, fits))
        return out

    def singular_keys(self) -> list[tuple[frozenset[str], list[tuple[object, str]]]]:
        """Each name's words in the singular with the names' holders, in the index's order
        (session 19, made once; session 26: shared with the generic-body reading)."""
        keys = self.__dict__.get("_singular_keys")
        if keys is None or len(keys) != len(self._index):
            keys = self.__dict__["_singular_keys"] = [
                (frozenset(singular_form(w) for w in key), held)
                for key, held in self._index.items()]
        return keys

    def containing(
        self, words: frozenset[str], singular: bool = False
    ) -> list[tuple[object, str, int]]:
        """(entity, English name, number of other words) for each organisation whose English
        name has every one of ``words`` and more (a generic name such as "European Court");
        ``singular``: a plural and its singular count as one word ("Tuna Commission" is in
        "... Conservation of Atlantic Tunas").

        >>> c = Calques([("a", "International Commission for the Conservation of Atlantic Tunas")])
        >>> [e for e, _, _ in c.containing(frozenset({"tuna", "commission"}))]
        []
        >>> [e for e, _, _ in c.containing(frozenset({"tuna", "commission"}), singular=True)]
        ['a']
        """
        out: list[tuple[object, str, int]] = []
        keys: Sequence[tuple[frozenset[str], list[tuple[object, str]]]]
        if singular:
            words = frozenset(singular_form(w) for w in words)
            keys = self.singular_keys()
        else:
            keys = self.index_keys()
        if not words:
            walked: Iterable[tuple[frozenset[str], list[tuple[object, str]]]] = keys
        else:
            # (session 28: a name holding every one of ``words`` holds the rarest of them:
            # only the names holding it are tested, in the index's order, where the scan of
            # every name tested them all; the others fail ``words < key`` there)
            places = self._word_places(singular)
            lists = [places.get(w, ()) for w in words]
            walked = map(keys.__getitem__, min(lists, key=len))
        for key, held in walked:
            if words < key:
                out += [(ent, text, len(key) - len(words)) for ent, text in held]
        return out

    def index_keys(self) -> list[tuple[frozenset[str], list[tuple[object, str]]]]:
        """The index's (words, holders) in its order, listed once (session 28)."""
        keys = self.__dict__.get("_index_keys")
        if keys is None or len(keys) != len(self._index):
            keys = self.__dict__["_index_keys"] = list(self._index.items())
        return keys

    def _word_places(self, singular: bool) -> dict[str, list[int]]:
        """Session 28: each word of the names (in the singular with ``singular``) -> the
        places in :meth:`singular_keys` (or :meth:`index_keys`) of the names that hold it, in
        increasing order; made once, and again should the index grow."""
        keys = self.singular_keys() if singular else self.index_keys()
        attr = "_singular_places" if singular else "_word_places_made"
        made = self.__dict__.get(attr)
        if made is None or made[0] is not keys:
            places: dict[str, list[int]] = defaultdict(list)
            for i, (key, _held) in enumerate(keys):
                for w in key:
                    places[w].append(i)
            made = self.__dict__[attr] = (keys, dict(places))
        return made[1]


@lru_cache(maxsize=1 << 16)
def singular_form(word: str) -> str:
    """An English plural in ``s`` without it (``tunas`` -> ``tuna``; not ``ss``, ``us``, ``is``
    or words of three letters).

    >>> [singular_form(w) for w in ("tunas", "funds", "affairs", "congress", "status", "gas")]
    ['tuna', 'fund', 'affair', 'congress', 'status', 'gas']
    """
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
