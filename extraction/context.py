"""What every rule sees: the text cut into sentences, its names, dates and posts, the document's
pair of states, and the candidate facts the rules propose.

>>> [s.text for s in sentences("It opened.The talks ended. Next.\\nU.S. aid rose 4.5% in 2022.")]
['It opened.', 'The talks ended.', 'Next.', 'U.S. aid rose 4.5% in 2022.']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .dates import DateMention, find_dates, in_span_bracket
from .names import Gazetteer, Mention
from .vocabulary import SAME_OFFICE, leader_names, leaders_alone, post_forms


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


_BOUNDARY = re.compile(r"(?<=[.!?])(?:[\"”’)]?)(?:\[\d{1,3}\])*(?:\s+|(?=[A-ZÀ-Ỹ\"“]))")
POSSESSIVE = re.compile(r"['’]s\s+")  # "Thailand's foreign minister"


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets: a line break ends one, and so does ``.``/``!``/``?``
    before a space or a capital ("lost spaces" of scraped text: ``ended.The``), except after
    a one-letter abbreviation ("U.S.") or between digits."""
    out: list[Sentence] = []
    para = 0
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            para += 1
            continue
        start = 0
        for m in _BOUNDARY.finditer(line):
            cut = m.start()
            before = line[max(0, cut - 3) : cut]
            if re.search(r"(?:^|[\s.])[A-Z]\.$", before) or re.search(r"\bNo\.$", before):
                continue
            # a title ("Marcos Jr. đã …", "Mr. Kim") or a lower-case word after the stop: the
            # sentence goes on
            # (round 24: the honorifics of Indian pages, "President Smt. Droupadi Murmu")
            title = re.search(r"\b(?:Jr|Sr|Dr|Mr|Mrs|Ms|St|Gen|Lt|Col|Prof|Smt|Shri|Sri|Hon)\.$",
                              line[max(0, cut - 5) : cut])
            if title or line[m.end() : m.end() + 1].islower():
                continue
            piece = line[start:cut]
            if piece.strip():
                _add(out, line_start + start, piece, para)
            start = m.end()
        if line[start:].strip():
            _add(out, line_start + start, line[start:], para)
        para += 0
    return out


def _add(out: list[Sentence], offset: int, piece: str, para: int) -> None:
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    out.append(Sentence(offset + lead, offset + lead + len(piece), piece, para))


#: a name inside a currency's: "US dollars", "U.S. dollar", "Australian dollars", "đô la Mỹ"
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|cents?)\b", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:đô[\s-]?la|(?<!hội\s)đồng|USD)\s+$", re.I)  # not "Hội đồng"


#: the words of a state's form before its name ("Cộng hòa Liên bang", "Vương quốc")
_STATE_FORM_VI = re.compile(r"(?<!\w)(?-i:(?:(?:Cộng\s+hòa|Cộng\s+hoà|Liên\s+bang|Vương\s+quốc"
                            r"|Dân\s+chủ|Nhân\s+dân|Xã\s+hội\s+chủ\s+nghĩa|Hồi\s+giáo)"
                            r"\s+)+)$")


def _in_a_person_name(text: str, m: Mention, surnames: list[str]) -> bool:
    """Round 20: a state's one-word Vietnamese name inside a person's name ("Tổng Bí thư Nông
    Đức Mạnh", "Lê Đức Anh"): the run of capitalised syllables before it opens with a family
    name and reaches the mention without a break. The family name itself is never masked
    ("Hà Lan" is the Netherlands)."""
    if not m.is_state or not surnames:
        return False
    run = re.search(r"(?:^|(?<=[\s(,]))((?:[^\W\d_]+\s+){1,3})$",
                    text[max(0, m.start - 40) : m.start])
    if run is None:
        return False
    words = run.group(1).split()
    for i, w in enumerate(words):
        if w in surnames:
            return all(x[:1].isupper() for x in words[i:])
    return False


def _currency(text: str, m: Mention) -> bool:
    """The mention names a currency, not its state."""
    return bool(_CURRENCY_AFTER.match(text, m.end)
                or _CURRENCY_BEFORE.search(text[max(0, m.start - 12) : m.start]))


#: "Foreign relations of X", "Quan hệ đối ngoại của X", "Thông tin cơ bản về X"
TITLE_OF = re.compile(r"(?:\bof|\bon|(?<!\w)của|(?<!\w)về|\|)\s+(?:the\s+)?$", re.I)
#: headings of the sections on relations and on memberships
RELATION_TOPIC = re.compile(r"diplomatic relations|relations established|established relations"
                            r"|quan hệ ngoại giao|thiết lập quan hệ", re.I)
MEMBERSHIP_TOPIC = re.compile(r"\borgani[sz]ations?\b|\bmembership|\bmembers\b|tổ chức"
                              r"|thành viên", re.I)


#: a description of a text's subject state followed by its verb: "The island was …", "the
#: kingdom joined …", "the archipelago nation became …", "Đảo quốc này gia nhập …"
SUBJECT_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Tt]his)\s+(?:(?:island|archipelago|landlocked|Himalayan|Gulf|Caribbean"
    r"|Pacific|Baltic|Balkan|Andean|African|Asian|small|tiny|oil-rich)\s+)?"
    r"(?:island|kingdom|sultanate|archipelago|emirate|principality|republic|city-state"
    r"|federation|monarchy)(?:\s+(?:nation|state|country))?"
    r"|\b(?:[Tt]he|[Tt]his)\s+(?:island|archipelago|landlocked|Himalayan|Gulf|Caribbean"
    r"|Pacific|Baltic|Balkan|Andean|small|tiny|oil-rich|new)\s+(?:nation|state|country)"
    # round 31: "Công quốc gia nhập …" (the principality), "The new state was admitted …"
    r"|(?<!\w)(?:[Đđ]ảo quốc|[Qq]uốc đảo|[Vv]ương quốc|[Tt]iểu vương quốc|(?<!Đại )[Cc]ông quốc)"
    r"(?:\s+(?:này|nhỏ bé))?"
    r"|(?<![\w,]\s)\bThe\s+(?:country|nation)"
    r"(?=\s*,|\s+(?:was|is|has|had|have|joined|became|founded|co-founded|entered|also|then"
    r"|later|signed|established|hosted|did|left|withdrew|remains|remained|stayed|applied"
    r"|opened|gained|took|won|went|đã|gia nhập|là|trở thành|được|thiết lập|ký|cũng|tham gia"
    r"|chính thức|sau đó)\b)")

#: round 32: a state's styled title standing alone ("The Federation joined …", "the Kingdom's
#: envoy", "Liên bang này gia nhập …"), not the title before the name ("the Kingdom of Tonga")
STYLED_ALONE = re.compile(
    r"\b[Tt]he\s+(?P<en>(?i:federation|kingdom|principality|sultanate|emirate|grand\s+duchy)"
    r"|People['’]s\s+Republic)\b"
    r"(?!\s+of\b)"
    r"|(?<!\w)(?P<vi>[Ll]iên\s+bang|[Vv]ương\s+quốc|(?<!Đại\s)[Cc]ông\s+quốc|[Đđ]ại\s+công\s+quốc"
    r"|[Tt]iểu\s+vương\s+quốc)"
    r"\s+này\b")

#: a name after these words is no actor: "independence from France", "độc lập từ Pháp",
#: "with the mediation of Algeria", "với sự trung gian của Qatar", "brokered by Oman"
OBLIQUE_BEFORE = re.compile(r"(?:\bindependence|(?<!\w)độc\s+lập)\s+(?:from|từ|khỏi)\s+(?:the\s+)?$"
                            r"|(?:\bmediation|\bmediated|\bbrokered|\bbrokering|\bgood\s+offices"
                            r"|(?<!\w)trung\s+gian(?:\s+hòa\s+giải)?|(?<!\w)môi\s+giới)\s+(?:of|by|của)"
                            r"\s+(?:the\s+)?$"
                            # round 29: a statute named after its city ("Quy chế Rome")
                            r"|(?<!\w)Quy\s+chế\s+$", re.I)
#: "a Qatar-brokered deal", "US-mediated talks"; round 29: "the Rome Statute"
OBLIQUE_AFTER = re.compile(r"-(?:brokered|mediated)\b|\s+Statute\b", re.I)

# --- posts: "Vietnamese President Vo Van Thuong", "Thủ tướng Phạm Minh Chính" ----------------

OFFICES_EN = [
    # round 30: "Deputy Foreign Minister Vu Hong Nam" (the Vietnamese "Thứ trưởng")
    (r"(?:Deputy|Vice)[- ](?:Foreign Minister|Minister of Foreign Affairs"
     r"|Minister for Foreign Affairs)", "vice-minister"),
    (r"(?:Deputy|Vice)[- ](?:Prime Minister|Premier)", "deputy-prime-minister"),
    (r"Prime Minister|Premier|PM(?= (?-i:[A-Z]))", "prime-minister"),
    (r"Vice[- ]President", "vice-president"),
    # round 36: "Chad's transitional president, General …", "the interim President"
    (r"(?:[Tt]ransitional|[Ii]nterim) [Pp]resident", "president"),
    (r"President", "president"),
    (r"[Ff]oreign [Mm]inister(?!s)|Minister of Foreign Affairs|Minister for Foreign Affairs"
     r"|Foreign Secretary|Secretary of State|External Affairs Minister"
     r"|Minister of External Affairs|EAM(?= (?-i:[A-Z]))"
     # round 30: the title of Cameroon's, Brazil's and Angola's foreign ministers
     r"|Minister (?:of|for) External Relations", "minister-of-foreign-affairs"),
    (r"Defen[cs]e Minister|Minister of Defen[cs]e|Minister for Defen[cs]e|Defen[cs]e Secretary"
     r"|Secretary of Defen[cs]e", "minister-of-defence"),
    (r"Treasury Secretary|Secretary of the Treasury|Commerce Secretary|Secretary of Commerce",
     "minister"),
    (r"General Secretary|Secretary[- ]General of the \w+ Party", "party-general-secretary"),
    (r"Speaker", "speaker-of-parliament"),
    (r"Ambassador", "ambassador"),
    (r"Chancellor", "head-of-government"),
    (r"King|Queen|Emperor|Emir|Sultan", "head-of-state"),
    (r"Minister", "minister"),
    # round 24: a title that names its state (TITLE_STATES); the lead's decision of session 21:
    # the Pope's office is head-of-state (the Holy See's sovereign), as four writers' gold has it
    (r"Pope", "head-of-state"),
]
#: offices of the United States' cabinet, which name no state ("Secretary of State X")
US_OFFICES = re.compile(r"Secretary of State|Treasury Secretary|Secretary of the Treasury"
                        r"|Commerce Secretary|Secretary of Commerce|Defen[cs]e Secretary"
                        r"|Secretary of Defen[cs]e")
OFFICES_VI = [
    (r"Phó Thủ tướng", "deputy-prime-minister"),
    (r"Thủ tướng", "prime-minister"),
    (r"Phó Chủ tịch nước|Phó Tổng thống", "vice-president"),
    (r"Tổng Bí thư", "party-general-secretary"),
    # round 36: "Tổng thống chuyển tiếp Buốc-ki-na Pha-xô …" (the state after the whole title)
    (r"Tổng thống (?:chuyển tiếp|lâm thời)", "president"),
    (r"Chủ tịch nước|Tổng thống|Chủ tịch(?= [A-ZĐ])(?! Quốc hội| Thượng viện| Hạ viện"
     r"| Nghị viện)", "president"),
    (r"Bộ trưởng (?:Bộ )?Ngoại giao|Ngoại trưởng", "minister-of-foreign-affairs"),
    (r"Bộ trưởng (?:Bộ )?Quốc phòng", "minister-of-defence"),
    # (round 20: the speaker of either chamber, "Chủ tịch Thượng viện", "Chủ tịch Hạ viện")
    (r"Chủ tịch (?:Quốc hội|Thượng viện|Hạ viện|Nghị viện)", "speaker-of-parliament"),
    (r"Đại sứ", "ambassador"),
    (r"Thứ trưởng", "vice-minister"),
    (r"Bộ trưởng", "minister"),
    (r"Nhà vua|Quốc vương", "head-of-state"),
    (r"Giáo hoàng", "head-of-state"),
]
#: round 24: titles that name their state (the state is the title's; since session 21 the post
#: has the office head-of-state, the lead's decision in tests/extraction/corpus/README.md)
TITLE_STATES = {"Pope": "VAT", "Giáo hoàng": "VAT"}


def _person_end(text: str, end: int, mention_starts: set[int]) -> int:
    """The end of a person's name after an office: up to five capitalised words."""
    pos, n = end, 0
    while n < 5:
        m = re.match(r"[ \t]+([\w'’\-]+)", text[pos : pos + 60])
        if not m or not m.group(1)[:1].isupper() or pos + m.start(1) in mention_starts:
            break
        pos, n = pos + m.end(), n + 1
    return pos


@dataclass(frozen=True)
class Post:
    """An office holder named in the text, with the state of the office when the text says it."""

    start: int
    end: int
    office: str
    label: str
    state: str | None  # registry key


def _short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Round 19: a short form the text defines in brackets after a state's name ("Papua New
    Guinea (PNG)", "Papua New Guinea(PNG)" on a scraped page) names that state wherever the
    text uses it again, when the gazetteer does not read it already."""
    taken = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    for m in mentions:
        if not (m.is_state and m.key):
            continue
        d = re.match(r"\s?\(((?-i:[A-Z]{2,6}))\)", text[m.end : m.end + 10])
        if d is None:
            continue
        short = d.group(1)
        for x in re.finditer(rf"(?<![\w(]){short}(?![\w)])", text):
            if any(x.start() < b and a < x.end() for a, b in taken):
                continue
            out.append(Mention(x.start(), x.end(), short, m.key, m.kind, "acronym"))
            taken.append((x.start(), x.end()))
    return sorted(out, key=lambda x: x.start)


#: round 29: a state named "Quần đảo X" (islands), the bare "X" after it ("Quần đảo Marshall …
#: Cùng năm đó, Marshall trở thành thành viên …")
_ISLANDS_VI = re.compile(r"(?-i:Quần\s+đảo)\s+((?-i:[A-Z])\w+)")


def _island_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """The bare name of a state the text names "Quần đảo X" names that state after its first
    full mention, where the gazetteer reads nothing there (never inside a longer capitalised
    name: "Kế hoạch Marshall Mới" stays unread by the next word's capital)."""
    taken = [(m.start, m.end) for m in mentions]
    out = list(mentions)
    done: set[str] = set()
    for m in mentions:
        d = _ISLANDS_VI.fullmatch(m.surface) if m.is_state and m.key else None
        if d is None or d.group(1) in done:
            continue
        done.add(d.group(1))
        for x in re.finditer(rf"(?<![\w-]){d.group(1)}(?![\w-])(?!\s+(?-i:[A-Z]))", text[m.end :]):
            a, b = m.end + x.start(), m.end + x.end()
            if any(a < e and s < b for s, e in taken):
                continue
            out.append(Mention(a, b, d.group(1), m.key, m.kind, "name"))
            taken.append((a, b))
    return sorted(out, key=lambda x: x.start)


@dataclass
class Candidate:
    """A fact a rule proposes: its facts-format keys, its evidence and how sure the rule is."""

    type: str
    data: dict[str, Any]
    start: int
    end: int
    confidence: float
    rule: str
    flags: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


#: Round 24: the flag of a candidate whose organisation no clause named: the text's most named
#: one, taken as a last resort (the curator sees that it was inferred)
ORG_FROM_DOCUMENT = "organisation-from-document"

#: Round 24: the rules that may name the text's most named organisation when the clause they
#: read names none, and why each may. A rule asks by its name through
#: :meth:`Context.most_named_org`; a name not listed here is a programming error, so no rule
#: reaches the fallback implicitly (``tests/extraction/test_round24.py`` lists them).
MOST_NAMED_ORG_ASKERS: dict[str, str] = {
    "membership-join": '"X became a member in 1995", "X gia nhập năm 1995": a join with no '
                       "organisation named in its clause, in a text mostly about one",
    "membership-negated": '"Turkmenistan is not a member": a negated membership (a '
                          "characterisation claim) with no organisation named in its sentence",
    "membership-founding": '"the six founding members are A, B …": founders of the text\'s '
                           "organisation",
    "membership-list": '"Members: A, B, C" in a text about one organisation',
    "membership-end": '"X withdrew in 2019", "X was suspended": an end with no organisation '
                      "named in its sentence or the sentence before",
    "structure-list": '"Observers: A (2009), B (2011)" under a heading that names no '
                      "organisation",
}


#: round 35: the word before an office that makes it a building's or an office's name ("Phủ
#: Tổng thống", "Dinh Tổng thống", "Văn phòng Thủ tướng")
_BUILDING_OF_OFFICE = re.compile(r"(?<!\w)(?-i:Phủ|Dinh|Cung\s+điện|Văn\s+phòng|Trụ\s+sở)\s+$")


@dataclass
class Context:
    """One document as the rules see it."""

    text: str
    lang: str
    gazetteer: Gazetteer
    anchor: str | None = None
    sents: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    pair: tuple[str, ...] = ()
    #: the text's most named organisation: read only through :meth:`most_named_org`
    _most_named: str | None = None
    dateline: DateMention | None = None
    pair_spans: list[tuple[int, int]] = field(default_factory=list)
    pair_strong: bool = False  # both states of the pair are named at least three times
    #: the state a "foreign relations of X" text is about (its title's state), else None
    subject: str | None = None
    #: the document's headings: (start, end of the section it opens, the state it names or
    #: None, its topic: "relations", "memberships" or None)
    sections: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)
    #: round 27: the starts of the posts read from a family name alone ("Modi landed …")
    by_surname: set[int] = field(default_factory=set)
    #: round 54: the starts of the posts whose state is the page's subject, not written
    by_page: set[int] = field(default_factory=set)

    @classmethod
    def build(cls, text: str, lang: str, gazetteer: Gazetteer, anchor: str | None = None
              ) -> Context:
        from .dates import dateline

        c = cls(text, lang, gazetteer, anchor)
        c.sents = sentences(text)
        c.mentions = [m for m in gazetteer.mentions(text) if not _currency(text, m)]
        c.mentions = _short_forms(text, c.mentions)
        if lang == "vi":
            c.mentions = _island_short_forms(text, c.mentions)
        # a name that is no actor of the clause: "independence from France", "với sự trung
        # gian của Hoa Kỳ", "brokered by Qatar", "a Qatar-brokered deal" (nor of the pair)
        c.mentions = [m for m in c.mentions if not c.oblique(m)]
        if lang == "vi":
            # round 20: the words of a state's form before its name belong to the name
            # ("Cộng hòa Liên bang Nam Tư", "Vương quốc Campuchia"): the name then starts there,
            # so "Croatia và Cộng hòa Liên bang Nam Tư ký …" is one group of two signatories
            c.mentions = [
                replace(m, start=m.start - f.end() + f.start(),
                        surface=text[m.start - f.end() + f.start() : m.end])
                if m.is_state and (f := _STATE_FORM_VI.search(text, max(0, m.start - 60), m.start))
                else m for m in c.mentions]
            surnames = gazetteer.config.get("person_surnames_vi") or []
            c.mentions = [m for m in c.mentions if not _in_a_person_name(text, m, surnames)]
        # round 19: an organisation owning the organisation after it ("NATO's Partnership for
        # Peace"): the programme is the body joined, its owner no party of the clause
        org_starts = {m.start for m in c.mentions if m.is_org and m.key}
        c.mentions = [m for m in c.mentions if not (
            m.is_org and (own := re.match(r"['’]s\s+", text[m.end : m.end + 4]))
            and m.end + own.end() in org_starts)]
        c.dates = find_dates(text, anchor)
        c.dateline = dateline(text, c.dates)
        if c.dateline is not None and (
                br := re.match(r"\s*\(\d{4}\)", text[c.dateline.end : c.dateline.end + 10])):
            # round 22: "Feb 27 (2025)": the bracketed year is the dateline's, no date of its own
            c.dates = [d for d in c.dates
                       if not c.dateline.end <= d.start < c.dateline.end + br.end()]
        c.posts = c._find_posts()
        c.posts = c._stated_by_name(c.posts)
        by_name = c._surname_posts()
        c.by_surname = {p.start for p in by_name}
        c.posts = sorted(c.posts + by_name, key=lambda p: p.start)
        c.pair = c._pair()
        c.subject = c._subject()
        c.posts = c._stated_by_page(c.posts)
        if c.subject is not None and c.pair:
            rest = [k for k in c.pair if k != c.subject]
            c.pair = (c.subject, rest[0]) if rest else c.pair
        c.sections = c._sections()
        starts = gazetteer.config.get("financial_year_start") or {}
        fy = next((starts[k] for k in (c.subject, *c.pair) if k in starts), None)
        if fy is not None:
            from .dates import resolve_financial_years

            resolve_financial_years(c.dates, int(fy))
        c.mentions = sorted(c.mentions + c._descriptions(), key=lambda m: (m.start, -m.end))
        orgs = Counter(m.key for m in c.mentions if m.is_org and m.key)
        top = orgs.most_common(2)
        # (a text naming several organisations once each has no main one: the first named
        # is no default for "was admitted" — "has never sought membership of NATO")
        c._most_named = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]
                                           or top[0][1] > 1) else None
        words = gazetteer.config.get("pair_words", {}).get(lang, [])
        if words:
            rx = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
            c.pair_spans = [(m.start(), m.end()) for m in rx.finditer(text)]
        return c

    def most_named_org(self, rule: str) -> str | None:
        """The text's most named organisation (None when no one organisation is named more
        than the others), for ``rule`` only when it is one of :data:`MOST_NAMED_ORG_ASKERS`:
        a last resort that a rule asks for by name, never a default of a helper."""
        if rule not in MOST_NAMED_ORG_ASKERS:
            raise ValueError(f"rule {rule!r} may not fall back to the text's most named "
                             "organisation (MOST_NAMED_ORG_ASKERS)")
        return self._most_named

    def oblique(self, m: Mention) -> bool:
        """The state named is the source of an independence or the broker of a deal, never a
        party of the clause's fact."""
        return m.is_state and bool(OBLIQUE_BEFORE.search(self.text, max(0, m.start - 40),
                                                         m.start)
                                   or OBLIQUE_AFTER.match(self.text, m.end))

    # -- the document's pair of states -------------------------------------------------------
    def _pair(self) -> tuple[str, ...]:
        counts: Counter[str] = Counter()
        first_line_end = self.text.find("\n")
        first = self.text[:first_line_end].strip()
        titled = 0 < len(first) < 120 and not first.endswith(".")
        for m in self.mentions:
            if (m.is_state or m.key == "EU") and m.key:
                counts[m.key] += 3 if titled and 0 <= m.start < first_line_end else 1
        if self.lang == "vi" and counts.get("VNM"):
            # the Vietnamese press names Viet Nam's leaders without the state ("Chủ tịch nước
            # Lương Cường", "Tổng Bí thư Tô Lâm"): each stands for a mention of Viet Nam
            counts["VNM"] += sum(1 for p in self.posts if p.state is None and re.match(
                r"(?:Chủ tịch nước|Tổng Bí thư)\b", p.label))
        top = counts.most_common(2)
        self.pair_strong = len(top) == 2 and top[1][1] >= 3
        if len(top) == 1 and self.lang == "vi" and top[0][0] != "VNM":
            # a Vietnamese text naming one partner: "hai nước" are Vietnam and that partner
            return ("VNM", top[0][0])
        return tuple(k for k, _ in top) if len(counts) >= 2 else ()

    # -- the genre "foreign relations of a state": its subject, its sections ------------------
    def _subject(self) -> str | None:
        """The state a text is about when its title says so: "Foreign relations of Kazakhstan",
        "Quan hệ đối ngoại của Lào", "Bộ Ngoại giao | Thông tin cơ bản về Indonesia và …", a
        title naming one state (and no organisation). A title naming two states without "of" /
        "của" / "về" ("Quan hệ Việt Nam - Canada") has none: its pair is the document's."""
        pos = 0
        while (nav := re.match(r"[^\n]*\|[^\n]*\|[^\n]*\n", self.text[pos:])) and re.match(
                # (round 46: or "Skip to main content | Ministry of … | Home > …": a scraped
                # page's accessibility link before its site's navigation)
                r"\s*(?:Trang\s+chủ|Home|Skip\s+to\s+(?:main\s+)?content\s*\|)", nav.group(), re.I):
            # round 19: a scraped page's first line is its site's navigation ("Trang chủ |
            # Giới thiệu | … | In trang"): the title is the line after it
            pos += nav.end()
        masthead: list[str] = []
        while chrome := re.match(
                # round 47: the same chrome on lines of its own: "Skip to main content" alone, a
                # breadcrumb ("Home » Foreign Policy » Diplomatic Relations") and the site's
                # masthead ("Government of St. Kitts and Nevis | Ministry of Foreign Affairs"),
                # whose state is the page's when its title names none ("… OF THE FEDERATION")
                r"[ \t]*(?:Skip\s+to\s+(?:main\s+)?content[ \t]*"
                r"|(?:Trang\s+chủ|Home)[ \t]*[»>›][^\n]*"
                # (or the ministry's name, then its state: "Ministry of Foreign Affairs and
                # International Cooperation | Kingdom of Eswatini Home | … Home > …"; the
                # masthead ends where a breadcrumb begins)
                r"|(?=[^\n]*\|)(?P<mast>(?:Government\s+of|Ministry\s+of\s+Foreign\s+Affairs)\s[^\n>»›]{3,150})"
                r"[^\n]*)\n", self.text[pos:], re.I):
            if not chrome.group("mast") and any(
                    m.is_state and pos <= m.start < pos + chrome.end() for m in self.mentions):
                break  # a breadcrumb that names a state is the title, as before ("Trang chủ >
                # Các nước > Tuốc-mê-ni-xtan")
            if chrome.group("mast"):
                masthead += [m.key for m in self.mentions if m.key and m.is_state
                             and pos + chrome.start("mast") <= m.start
                             and m.end <= pos + chrome.end("mast")]
            pos += chrome.end()
        end = self.text.find("\n", pos)
        first = self.text[: end if end >= 0 else len(self.text)]
        # (round 47: a first line too long for a title, the breadcrumb, title and review date a
        # scrape ran into one line, still has the labelled line below it)
        titled = 0 < len(first[pos:].strip()) < 120 and not first.rstrip().endswith(".")
        got = self._title_subject(first, pos) if titled else None
        if got is not None and all(
                re.search(r"(?:quan\s+hệ|relations?)\s+(?:với|with)\s+(?:the\s+)?$",
                          first[max(pos, m.start - 20) : m.start], re.I)
                for m in self.mentions if pos <= m.start and m.end <= len(first)
                and m.key == got):
            # round 43: a title whose only state is the partner of "… VÀ QUAN HỆ VỚI VIỆT NAM"
            # (the page's own state lost in a breadcrumb the scrape ran into it, "… >
            # Lát-vi-aLÁT-VI-A - TÀI LIỆU CƠ BẢN VÀ QUAN HỆ VỚI VIỆT NAM") is not about that
            # state: the labelled line below names the page's state (else the title's stands)
            partner, got = got, None
        else:
            partner = None
        if got is None and (titled or re.match(r"\s*(?:Trang\s+chủ|Home)\s*[>»›|]", first)):
            # round 32: a country page whose title the scrape ran into its breadcrumb
            # ("… > MaldivesMALDIVES - THÔNG TIN CƠ BẢN") names its state on a labelled line
            # near the top ("Tên nước: Cộng hòa Maldives", "Official name: …")
            head = self.text[: max(0, self.text.find("\n", len(first) + 1)) + 400]
            # (round 44: a bulleted line too, "- Tên nước: Cộng hòa U-gan-đa")
            label = re.search(r"(?m)^[ \t]*(?:[-–•*+][ \t]*)?"
                              r"(?:Tên\s+nước|Tên\s+chính\s+thức|Official\s+name"
                              r"|Country\s+name|Full\s+name)\s*:\s*", head)
            if label is not None:
                line_end = self.text.find("\n", label.end())
                named = [m for m in self.mentions if label.end() <= m.start
                         and m.end <= (line_end if line_end >= 0 else len(self.text))
                         and m.key and m.is_state and m.how != "demonym"]
                if len({m.key for m in named}) == 1:
                    return named[0].key
        if got is None and partner is None and len(set(masthead)) == 1:
            return masthead[0]
        return got if got is not None else partner

    def _title_subject(self, first: str, pos: int) -> str | None:
        """The state the title line ``first`` (from ``pos``) says the text is about."""
        ms = [m for m in self.mentions if pos <= m.start and m.end <= len(first) and m.key]
        states = [m for m in ms if m.is_state and m.how != "demonym"]
        if not states or any(m.is_org for m in ms):
            return None
        if len({m.key for m in states}) == 1:
            return states[0].key
        of = [m for m in states if TITLE_OF.search(first[max(0, m.start - 12) : m.start])]
        if not of and len({m.key for m in states}) == 2 and re.search(
                r"(?:quan\s+hệ|relations?)\s+(?:với|with)\s+$",
                first[states[0].end : states[-1].start], re.I) and not re.search(
                r"(?:quan\s+hệ|relations?)\s+(?:với|with)", first[: states[0].start], re.I):
            # a country brief: "CỘNG HÒA BỒ ĐÀO NHA – THÔNG TIN CƠ BẢN VÀ QUAN HỆ VỚI VIỆT NAM"
            # is about the first state (its relations with the second)
            of = states[:1]
        return of[0].key if of else None

    def _sections(self) -> list[tuple[int, int, str | None, str | None]]:
        """Headings and the spans they govern: a short line of its own without final stop
        ("China", "Diplomatic relations", "III. Quan hệ với Việt Nam") opens a section that
        runs to the next such line; a line led by a state and a stop, colon or dash ("China. The
        two countries …", "Trung Quốc: hai nước …", "China — Relations …") is a section of one
        line."""
        out: list[tuple[int, int, str | None, str | None]] = []
        heads: list[tuple[int, int, str | None, str | None]] = []
        pos = self.text.find("\n") + 1 if self.subject else 0
        if pos <= 0:
            return out
        for line in self.text[pos:].split("\n"):
            a, b = pos, pos + len(line)
            pos = b + 1
            body = line.strip()
            if not body:
                continue
            ms = [m for m in self.mentions_in(a, b) if m.key]
            states = list(dict.fromkeys(m.key for m in ms if m.is_state and m.how != "demonym"
                                        and m.key != self.subject))
            # (round 47: a heading's closing note in brackets, "(selected)", does not count
            # against its length: "Relations established in the first years of independence
            # (selected)")
            short = re.sub(r"\s*\([^()\n]{1,20}\)$", "", body)
            # (round 48: a list item with a value after its colon is no heading, whatever the
            # value: "- Council of Europe: member from 14.5.1993", a date the reader lacks)
            item = re.match(r"[-•*+]\s", body) and re.search(r":\s*\S", body)
            if len(short) <= 60 and not re.search(r"[.!?;,]$", body) and not self.dates_in(a, b) \
                    and not item:
                topic = ("relations" if RELATION_TOPIC.search(body) else
                         "memberships" if MEMBERSHIP_TOPIC.search(body) else None)
                state = states[0] if len(states) == 1 and not any(m.is_org for m in ms) else None
                if topic is None and heads and re.search(r"\||\t", body):
                    # a table's header row ("# | Country | Date") keeps the heading's topic
                    topic = heads[-1][3]
                heads.append((a, b, state, topic))
                continue
            lead = ms[0] if ms else None
            if lead is not None and lead.is_state and lead.key != self.subject \
                    and not self.text[a : lead.start].strip() \
                    and re.match(r"\s*(?:[.:]|\s[—–-])\s", self.text[lead.end : lead.end + 4]):
                out.append((a, b, lead.key, None))
        for i, (a, _, state, topic) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else len(self.text)
            out.append((a, end, state, topic))
        return sorted(out, key=lambda x: (x[0], -x[1]))

    def _descriptions(self) -> list[Mention]:
        """Descriptions standing for the subject of a text on one state, as mentions of it:
        "The island was a founding member of …", "the archipelago nation joined …", "Đảo quốc
        này gia nhập …" (never inside a section on another state, never "the Kingdom of …");
        round 32: a state's styled title used alone after the text gave it in full ("the
        Federation of Saint Kitts and Nevis … The Federation joined …")."""
        if self.subject is None:
            return self._titles()
        ent = self.gazetteer.entity(self.subject)
        kind = ent.kind if ent is not None else "state"
        out: list[Mention] = []
        for m in SUBJECT_DESCRIPTION.finditer(self.text):
            if self.section_at(m.start())[0] not in (None, self.subject) or any(
                    x.start < m.end() and m.start() < x.end for x in self.mentions):
                continue
            out.append(Mention(m.start(), m.end(), m.group(), self.subject, kind, "description"))
        return out + [x for x in self._titles() if not any(
            y.start < x.end and x.start < y.end for y in out)]

    def _titles(self) -> list[Mention]:
        """Round 32: "the Federation" (or "the Kingdom", "Liên bang này", …) for the one state
        the text styled so in full before ("the Federation of Saint Kitts and Nevis", "Liên
        bang Saint Kitts và Nevis"); none where the text so styled two states."""
        out: list[Mention] = []
        for m in STYLED_ALONE.finditer(self.text):
            head = m.group("en") or m.group("vi")
            if any(x.start < m.end() and m.start() < x.end for x in self.mentions):
                continue
            styled = [(x, d) for d in re.finditer(rf"(?<!\w){head}\s+(?:of\s+(?:the\s+)?)?",
                                                   self.text[: m.start()], re.I)
                      for x in self.mentions if x.is_state and x.key
                      # the name after the title, or a name that holds the title ("Kingdom of
                      # Tonga", "the Democratic People's Republic of Korea")
                      and (x.start == d.end() or x.start <= d.start() < x.end)]
            keys = {x.key for x, _ in styled}
            if styled and not any(x.start == d.end() or re.fullmatch(
                    r"(?i:the\s+)?", self.text[x.start : d.start()]) for x, d in styled):
                # round 47: only names that hold the title after another word ("the United
                # Kingdom" for "the kingdom" of a text on Eswatini): no state so styled
                keys = set()
            if len(keys) == 1:
                key = keys.pop()
                ent = self.gazetteer.entity(key)
                out.append(Mention(m.start(), m.end(), m.group(), key,
                                   ent.kind if ent is not None else "state", "description"))
        return out

    def section_at(self, pos: int) -> tuple[str | None, str | None]:
        """(state, topic) of the sections holding ``pos``: the innermost one's state, the
        heading's topic."""
        state: str | None = None
        topic: str | None = None
        for a, b, st, tp in self.sections:
            if a <= pos < b:
                state, topic = st, tp if tp is not None else topic
        return state, topic

    def pair_near(self, pos: int) -> list[str]:
        """"The two countries" at ``pos``: the two states its sentence names, else the two the
        nearest sentence before that names a state (same paragraph) names ("Trung Quốc và Lào
        thiết lập … Quan hệ hai nước xấu đi … Năm 2009, hai bên xác lập …"), else the
        document's pair."""
        s = self.sentence_of(pos)
        for a, b in ((s.start, s.end), *[(p.start, p.end) for p in self.sents
                                         if p.end <= s.start and p.paragraph == s.paragraph][::-1]):
            named = list(dict.fromkeys(m.key for m in self.mentions_in(a, b) if m.key
                                       and m.is_state and m.how != "demonym" and not (
                # round 20: a capital after "tại" / "in" is the place, not one of the two
                m.how in ("capital", "city") and re.search(
                    r"(?:\b(?:in|at)|(?<!\w)(?:tại|ở))\s+$", self.text[max(0, m.start - 5)
                                                                 : m.start]))))
            if len(named) == 2:
                return named
            if a == s.start and len(named) == 1 and named[0] not in self.pair \
                    and self.lang == "vi" and "VNM" in self.pair and named[0] != "VNM" and any(
                        m.key == named[0] and m.start < pos for m in self.mentions_in(a, b)):
                # "… đã thăm cấp Nhà nước Indonesia; tại cuộc hội đàm …, hai nước cũng nâng
                # quan hệ …": Viet Nam and the one other state its sentence names
                return ["VNM", named[0]]
            if a == s.start and len(named) == 1 and self.subject is not None \
                    and named[0] != self.subject and any(m.key == named[0] and m.start < pos
                                                         for m in self.mentions_in(a, b)):
                # a text on one state: "Relations with Belarus were frozen in 2021; the two
                # countries have not restored them since" are the subject and Belarus
                return [self.subject, named[0]]
            if named and (a != s.start or any(m.key and m.is_state and m.start < pos
                                              for m in self.mentions_in(a, b))):
                break  # the sentence names one state: not the one before's pair
        return list(self.pair)

    def other(self, key: str) -> str | None:
        """The other state of the document's pair."""
        if len(self.pair) == 2 and key in self.pair:
            return self.pair[1] if self.pair[0] == key else self.pair[0]
        return None

    # -- lookups -------------------------------------------------------------------------------
    def sentence_of(self, pos: int) -> Sentence:
        for s in self.sents:
            if s.start <= pos < s.end:
                return s
        return self.sents[-1]

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        return [m for m in self.mentions if a <= m.start and m.end <= b]

    def dates_in(self, a: int, b: int) -> list[DateMention]:
        return [d for d in self.dates if a <= d.start and d.end <= b]

    def posts_in(self, a: int, b: int) -> list[Post]:
        return [p for p in self.posts if a <= p.start and p.end <= b]

    def pair_word_in(self, a: int, b: int) -> tuple[int, int] | None:
        return next(((x, y) for x, y in self.pair_spans if a <= x and y <= b), None)

    def local_pair(self, pos: int) -> tuple[str, ...]:
        """Round 20: the two states "the two countries" / "hai nước" at ``pos`` stand for. In a
        text on one state, a sentence naming no state but the subject after one naming exactly
        one other ("Với Slovenia, tranh chấp … tồn tại từ khi hai nước độc lập. Ngày …, thủ
        tướng hai nước ký …") is about the subject and that state; else the document's pair."""
        if self.subject is None:
            return self.pair
        s = self.sentence_of(pos)
        i = self.sents.index(s)
        topic = re.match(r"\s*(?:Với|With|As\s+for|Regarding)\s+", s.text)
        first = [m for m in self.mentions_in(s.start + topic.end(), s.end)
                 if m.start == s.start + topic.end() and m.key and m.is_state] if topic else []
        if first and first[0].key != self.subject and first[0].start < pos and re.match(
                r"\s*,", self.text[first[0].end :]):
            # round 24: "Với Bolivia, hai nước chấm dứt Chiến tranh Chaco bằng Hiệp ước …": the
            # subject and the state the sentence is fronted with
            return (self.subject, first[0].key)

        def others(x: Sentence) -> set[str]:
            return {m.key for m in self.mentions_in(x.start, x.end) if m.key and m.is_state
                    and m.how == "name" and m.key != self.subject}

        heading, _ = self.section_at(pos)
        if heading is not None and heading != self.subject \
                and self.gazetteer.entity(heading) is not None \
                and self.gazetteer.entity(heading).kind == "state":
            # round 27: under a heading naming one state ("United States", "Quan hệ với Nhật
            # Bản"), "both countries" are the subject and that state
            return (self.subject, heading)
        if others(s) or i == 0:
            return self.pair
        prev = self.sents[i - 1]
        if prev.paragraph != s.paragraph:
            return self.pair
        got = others(prev)
        return (self.subject, got.pop()) if len(got) == 1 else self.pair

    def label(self, key: str) -> str:
        return self.gazetteer.label(key)

    # -- posts ---------------------------------------------------------------------------------
    def _find_posts(self) -> list[Post]:
        # round 38: the vocabulary table's forms first (extraction/vocabulary.yaml), then the
        # built-in ones; a table form marked needs_state counts only with its state before it
        table = post_forms("vi" if self.lang == "vi" else "en")
        offices = [(f.pattern, f.office) for f in table] + (
            OFFICES_VI if self.lang == "vi" else OFFICES_EN)
        needs_state = {i for i, f in enumerate(table) if f.needs_state}
        # (round 32: never the adjective or the office's noun: "the Presidential Office", "the
        # Presidency", "Ministerial")
        rx = re.compile("(?:" + "|".join(f"(?P<o{i}>{p})" for i, (p, _) in enumerate(offices))
                        + r")(?!ial\b|ials\b|cy\b|cies\b|ry\b)")
        out: list[Post] = []
        for m in rx.finditer(self.text):
            if _BUILDING_OF_OFFICE.search(self.text, max(0, m.start() - 12), m.start()):
                # round 35: a building or office named after the office ("tại Phủ Tổng thống",
                # "Phủ Chủ tịch", "Văn phòng Thủ tướng") is a place, not a person's post
                continue
            i = int(next(k for k, v in m.groupdict().items() if v)[1:])
            office = offices[i][1]
            if office == SAME_OFFICE:
                # round 38: "his Belarusian counterpart Sergei Aleinik", "hội đàm với người đồng
                # cấp Walid al-Moualem": the office of the post named last in the sentence
                last = out[-1] if out else None
                if last is None or not last.office or m.start() - last.end > 150 \
                        or re.search(r"[.;\n]", self.text[last.end : m.start()]):
                    continue
                office = last.office
            start, end = m.start(), m.end()
            state: str | None = None
            # an adjective or a state just before ("Vietnamese President", "Chinese Foreign
            # Minister", "Korean")
            # (or a possessive: "Thailand's foreign minister")
            before = [x for x in self.mentions if x.end <= start and "\n" not in
                      self.text[x.end : start] and (start - x.end <= 2 and not re.search(
                          r"[,;:.]", self.text[x.end : start]) or POSSESSIVE.fullmatch(
                          self.text, x.end, start))]  # never across lines
            if before and before[-1].is_state or before and before[-1].how == "demonym":
                state, start = before[-1].key, before[-1].start
            # Vietnamese: the state right after the office ("Tổng thống Hoa Kỳ Joe Biden")
            after = [x for x in self.mentions if 0 <= x.start - end <= 1]
            # (round 24: never a capital: "Tổng thống Santiago Peña" is a name)
            if state is None and after and (after[0].is_state or after[0].key == "EU") \
                    and after[0].how not in ("capital", "city"):
                state, end = after[0].key, after[0].end
            if state is None and m.group() in TITLE_STATES:
                state = TITLE_STATES[m.group()]  # "Pope Francis": the Holy See
            if state is None and US_OFFICES.fullmatch(m.group()) and not re.match(
                    r"\s+for\b", self.text[m.end() : m.end() + 5]):
                state = "USA"  # "Secretary of State Antony Blinken", "Treasury Secretary …"
            if state is None and i in needs_state:
                continue  # round 38: "the president said": a common noun, no post
            # the person's name
            end = _person_end(self.text, end, {x.start for x in self.mentions})
            # "President Yoon Suk Yeol of the Republic of Korea"
            of = re.match(r",?\s+(?:of|của)\s+(?:the\s+)?", self.text[end:])
            if state is None and of:
                nxt = [x for x in self.mentions if x.start == end + of.end() and x.is_state]
                if nxt:
                    state, end = nxt[0].key, nxt[0].end
            if state is None:
                # round 41: a leader the vocabulary names ("Thủ tướng Phạm Minh Chính" on a page
                # about Armenia and China): the state of that person's office
                person = self.text[m.end() : end]
                # (a name is a name in either language's text: both tables are read)
                state = next((k for rx_, k in leader_names("vi") + leader_names("en")
                              if rx_.search(person)), None)
            prev = out[-1] if out else None
            sep = self.text[prev.end : m.start()] if prev is not None else ""
            if prev is not None and self.text[prev.start : prev.end].endswith(prev.label) \
                    and (prev.state is None or state in (None, prev.state)) and (
                    sep in (", ", ",", " and ")
                    and prev.office in ("party-general-secretary", "deputy-prime-minister")
                    or re.fullmatch(r"\s+kiêm\s+", sep)):
                # "Tổng Bí thư, Chủ tịch nước Tô Lâm", "General Secretary and President To
                # Lam": one person holding two offices, named by the first; round 44, the
                # corpus convention of a double post (the lead, session 25): "Phó Tổng thống
                # kiêm Bộ trưởng Ngoại giao", "Phó Thủ tướng kiêm Bộ trưởng Quốc phòng" (kiêm:
                # concurrently) hold the first post's office and keep the whole title as the
                # label (a deputy prime minister who is foreign minister is the vocabulary's
                # row, read as one form before this)
                out[-1] = Post(prev.start, end, prev.office or office,
                               self.text[prev.start : m.end()], prev.state or state)
                continue
            out.append(Post(start, end, office, self.text[m.start() : m.end()], state))
        # "hội kiến nhà lãnh đạo Trung Quốc", "met the Chinese leader": the office holder of
        # that state the text named last
        for m in re.finditer(r"(?<!\w)(?:nhà\s+)?lãnh\s+đạo\s+(?=\S)|\b(?:the|The)\s+(?=\S+\s+"
                             r"leader\b)", self.text):
            x = next((x for x in self.mentions if x.start == m.end() and x.key
                      and (x.is_state or x.how == "demonym")), None)
            if x is None or self.text[x.end : x.end + 7].strip().startswith(("hai", "các")):
                continue
            end = x.end
            if self.lang != "vi":
                lead = re.match(r"\s+leader\b", self.text[x.end :])
                if lead is None:
                    continue
                end = x.end + lead.end()
            earlier = [p for p in out if p.end <= m.start() and p.state == x.key]
            if earlier:
                out.append(Post(m.start(), end, earlier[-1].office, self.text[m.start() : end],
                                x.key))
        out.extend(self._leaders_alone(out))
        out.sort(key=lambda p: p.start)
        return out

    def _leaders_alone(self, posts: list[Post]) -> list[Post]:
        """Round 42: a leader the vocabulary marks ``alone`` ("Xi Jinping paid a state visit
        to Ashgabat"), named where the text gives that person no office anywhere: a post of
        the person's state with no office and no label (the visitor's post is the one the text
        gives, none here). Where an office names the person somewhere, the name alone is left
        to ``events.named_post`` (that post, as session 23's convention asks)."""
        named = [self.text[p.start : p.end] for p in posts]
        out: list[Post] = []
        for rx, state in leaders_alone():
            if any(rx.search(t) for t in named):
                continue
            for m in rx.finditer(self.text):
                if any(p.start < m.end() and m.start() < p.end for p in posts + out) \
                        or re.match(r"\s+Thought\b|['’]s\s+Thought\b", self.text[m.end() :]):
                    continue  # ("Xi Jinping Thought": a doctrine)
                # a post told right after the name ("Hu Yaobang, then General Secretary of
                # the CPC Central Committee, paid …"): that post is the person's
                gap = re.match(r",?\s+(?:(?:then|now|later|the|who\s+was|at\s+the\s+time)\s+)?",
                               self.text[m.end() :])
                after = next((i for i, p in enumerate(posts) if gap and p.office
                              and p.start == m.end() + gap.end()), None)
                if after is not None:
                    if posts[after].state is None:  # (and the person's state is the post's)
                        posts[after] = replace(posts[after], state=state)
                    continue
                out.append(Post(m.start(), m.end(), "", "", state))
        return out


    def _surname_posts(self) -> list[Post]:
        """Round 27: a person named once with office and state ("Indian Prime Minister Narendra
        Modi") holds that post wherever the text names them again by the family name alone
        ("Modi landed on Thursday", "Modi and Prime Minister Kyriakos Mitsotakis"). The family
        name is the last word of the name; a name two posts of different states share, one the
        gazetteer reads, or a word inside another post is not used. English only: a Vietnamese
        name ends with the given name."""
        # (round 28: in Vietnamese, the name after the honorific "ông" / "bà" — "Bà Murmu đến
        # Paramaribo ngày 4/6", "ông Santokhi": the last word of a name either way)
        vi = self.lang == "vi"
        found: dict[str, Post | None] = {}
        for p in self.posts:
            if p.state is None:
                continue
            at = self.text.find(p.label, p.start, p.end)
            if at < 0:
                continue
            words = re.findall(r"[\w'’\-.]+", self.text[at + len(p.label) : p.end])
            if len(words) < 2:
                continue
            last = words[-1]
            if not (re.fullmatch(r"(?-i:[A-Z])[a-z][\w'’\-]{2,}", last) or (
                    vi and len(last) >= 3 and last[0].isupper() and last[1:].islower())):
                continue
            if vi and re.match(r"\s+(?:da|de|do|dos|das|del|van|von|la|le|bin|ibn|al)\s",
                               self.text[p.end : p.end + 6]):
                continue  # "Luiz Inácio Lula da Silva": the name goes on past the post's span
            held = found.get(last, p)
            found[last] = p if held is not None and (held.state, held.office) == (
                p.state, p.office) else None
        spans = [(p.start, p.end) for p in self.posts]
        named = [(m.start, m.end) for m in self.mentions]
        out: list[Post] = []
        for last, p in found.items():
            if p is None:
                continue
            for m in re.finditer(rf"(?<![\w'’\-]){re.escape(last)}(?![\w\-])", self.text):
                if m.start() < p.end or any(a <= m.start() < b for a, b in spans + named):
                    continue
                if vi and not re.search(r"(?<!\w)(?:ông|bà)\s+$",
                                        self.text[max(0, m.start() - 5) : m.start()], re.I):
                    continue
                out.append(Post(m.start(), m.end(), p.office, p.label, p.state))
        return out

    @staticmethod
    def _name_word(w: str, vi: bool) -> bool:
        return bool(re.fullmatch(r"(?-i:[A-Z])[a-z][\w'’\-]{2,}", w) or (
            vi and len(w) >= 3 and w[0].isupper() and w[1:].islower()))

    def _stated_by_name(self, posts: list[Post]) -> list[Post]:
        """Round 53: an office holder named with no state ("Prime Minister Albanese", "Tổng
        thống Ali") whom the text introduced earlier with an office and a state ("Australian
        Prime Minister Anthony Albanese"): that state, when every word of the name is a word
        of the earlier name and those earlier names are of one state only. Never a later
        introduction, never a name the text gives no state anywhere before it."""
        stated = [p for p in posts if p.state is not None]
        out: list[Post] = []
        for p in posts:
            if p.state is not None or not p.label:
                out.append(p)
                continue
            at = self.text.find(p.label, p.start, p.end)
            words = [w for w in re.findall(r"[\w'’\-.]+", self.text[at + len(p.label) : p.end])
                     if self._name_word(w, self.lang == "vi") and w not in _NOT_A_NAME] \
                if at >= 0 else []
            states = set()
            for q in stated:
                if q.start >= p.start:
                    continue
                qa = self.text.find(q.label, q.start, q.end)
                qwords = re.findall(r"[\w'’\-.]+", self.text[qa + len(q.label) : q.end]) \
                    if qa >= 0 and q.label else []
                # (every word of the name is one of the introduction's: "Lee Hsien Loong" is
                # not "President Lee Jae-myung" of another state)
                if len(qwords) >= 2 and words and all(w in qwords for w in words):
                    states.add(q.state)
            out.append(replace(p, state=states.pop()) if len(states) == 1 else p)
        return out

    def _stated_by_page(self, posts: list[Post]) -> list[Post]:
        """Round 54: on a page about one state (its title, labelled line or masthead:
        :attr:`subject`), an office holder named with an office and a name but no state
        ("President Museveni", "Thủ tướng Ariel Henry") holds that state's office, unless the
        post's sentence or the one before names another state the office could be of (a
        state no post of those sentences already holds) or names the page's state itself (a
        guest of it: "Vice President X visited Iceland" on a page about Iceland), or where a
        holder of the page's state or a second holder with no state is named there. Never a
        name a Vietnamese name could be (the Vietnamese press names Viet Nam's leaders without
        their state), never on a page about Viet Nam. The starts go to :attr:`by_page` (a
        side taken this way)."""
        if self.subject is None or self.subject == "VNM":
            return posts
        out: list[Post] = []
        for p in posts:
            if p.state is not None or not p.label or not foreign_name(self, p):
                out.append(p)
                continue
            s = self.sentence_of(p.start)
            i = self.sents.index(s) if s in self.sents else -1
            a = self.sents[i - 1].start if i > 0 and self.sents[i - 1].paragraph == s.paragraph \
                else s.start
            held = {q.state for q in posts if a <= q.start < s.end and q.state}
            others = {m.key for m in self.mentions_in(a, s.end) if m.key and m.is_state
                      and m.how not in ("capital", "city") and m.key != self.subject
                      and m.key not in held}
            # (a holder of the page's state already named there, or a second holder with no
            # state in the sentence: "President Kovind with President Edgar Lungu", "Prime
            # Minister Luxon and Prime Minister Fiamē" on a bilateral page: one is the guest)
            alone = {self.text[q.start : q.end] for q in posts
                     if s.start <= q.start < s.end and q.state is None and q.label}
            if others or self.subject in held or len(alone) > 1 \
                    or any(m.key == self.subject for m in self.mentions_in(a, s.end)):
                # the office may be that state's; and a sentence that names the page's own
                # state (or its capital) is often about a guest of it ("Vice President X
                # visited Iceland" on a page about Iceland): the page's own holders go unnamed
                out.append(p)
                continue
            out.append(replace(p, state=self.subject))
            self.by_page.add(p.start)
        return out


#: round 53: words of a name that are honorifics or shared by too many holders to name one
_NOT_A_NAME = frozenset({
    "Sheikh", "Shaikh", "Sir", "Dame", "Prince", "Princess", "King", "Queen", "Emir", "Sultan",
    "Crown", "His", "Her", "General", "Gen", "Colonel", "Dr", "Mr", "Mrs", "Ms", "Madam",
    "Abdul", "Abu", "Mohammed", "Muhammad", "Mohamed", "Mohammad", "Ahmed", "Hoàng", "Thái"})


#: round 39: a state named as the ruler a member became independent of ("became independent
#: from Britain", "giành độc lập từ Anh", "the former British protectorate of Nyasaland", "do
#: Anh và Pháp cùng cai quản", "quần đảo Ê-li-xơ thuộc Anh") is never the member that joins
_RULER_BEFORE = re.compile(r"(?:\bindependen(?:t|ce)\s+from|(?<!\w)độc\s+lập\s+(?:khỏi|từ)"
                           r"|\b(?:protectorate|colony|mandate|dominion)\s+of|(?<!\w)(?<!phụ\s)thuộc"
                           r"|(?<!\w)thuộc\s+địa\s+(?:của\s+)?)\s+(?:the\s+)?(?:joint\s+)?"
                           r"(?:[\w-]+-)?$", re.I)
_RULER_AFTER = re.compile(r"(?:-[\w-]+)?\s+(?:protectorate|condominium|colony|colonial|mandate"
                          r"|trusteeship)\b|(?:\s+(?:và|and)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)?"
                          r"\s+(?:cùng\s+)?(?:cai\s+quản|cai\s+trị|đô\s+hộ)", re.I)


def no_member(ctx: Context, m: Mention) -> bool:
    """Round 39: whether ``m`` names a state that cannot be the member a membership's clause
    names: the ruler it became independent of, or a language ("lấy tiếng Anh làm ngôn ngữ
    chính thức")."""
    return bool(_RULER_BEFORE.search(ctx.text, max(0, m.start - 40), m.start)
                or _RULER_AFTER.match(ctx.text, m.end)
                or m.how != "demonym" and re.search(r"(?<!\w)tiếng\s+$",
                                                    ctx.text[max(0, m.start - 8) : m.start]))


# round 39: one syllable of Vietnamese as it is written (an onset, one to three vowels, a final
# consonant of the six Vietnamese allows), with or without its diacritics ("Phạm Minh Chính",
# "Pham Binh Minh"); a name holding a word that is none ("Bill Clinton", "Giorgia Meloni",
# "Xi-ti-vê-ni Ra-bu-ca", "Kiir", "Fico") is a foreign person's
_VI_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_VI_SYLLABLE = re.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
                          rf"[{_VI_VOWELS}]{{1,3}}(?:ch|ng|nh|[cmnpt])?", re.I)


def foreign_name(ctx: Context, post: Post) -> bool:
    """Round 39: whether the person a post names (the words after its office) has a name no
    Vietnamese name could be: a word that is no Vietnamese syllable, or a transliteration
    with hyphens. False when the post names nobody."""
    at = ctx.text.find(post.label, post.start, post.end)
    if at < 0:
        return False
    words = re.findall(r"[\w'’\-]+", ctx.text[at + len(post.label) : post.end])
    return any("-" in w or not _VI_SYLLABLE.fullmatch(w) for w in words)


def every_verb_after(ctx: Context, c: Candidate, verbs: re.Pattern[str],
                     before: re.Pattern[str]) -> bool:
    """Whether ``c``'s span holds a verb of ``verbs`` and each has ``before`` right before it
    (searched back at most 50 characters, within its sentence): round 39's joinings told as
    an aim (``memberships.intended``), round 40's acts told in the future
    (``futures.told_as_future``)."""
    found = list(verbs.finditer(ctx.text, c.start, c.end))
    if not found:
        return False
    s = ctx.sentence_of(c.start)
    return all(before.search(ctx.text, max(s.start, v.start() - 50), v.start()) for v in found)


# --- shared helpers of the rules -----------------------------------------------------------------

_JOIN = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\bvà\b|\bhoặc\b|&|–|-|/|\(\S+\)|\(since \d{4}\))?\s*"
                   r"(?:,\s*)?(?:and\s+|và\s+|either\s+)?(?:the\s+)?", re.I)


# a name the registry does not know inside a list ("Trung Quốc, Hồng Kông và Đài Loan")
_UNKNOWN_IN_LIST = re.compile(r"\s*,\s*(?:[A-ZĐ][\w’'-]*\s+){0,2}[A-ZĐ][\w’'-]*\s*"
                              r"(?:,\s*|,?\s*(?:and|và)\s+)(?:the\s+)?")
# an alias in brackets after a name ("Đài Loan (với tên gọi Đài Bắc Trung Hoa)")
_ALIAS = re.compile(r"\((?:với tên gọi|dưới tên|tức|as|known as|under the name)\s[^()]{1,40}\)",
                    re.I)


def _in_alias(ctx: Context, m: Mention) -> bool:
    open_ = ctx.text.rfind("(", max(0, m.start - 40), m.start)
    if open_ < 0 or ctx.text.find(")", open_, m.start) >= 0:
        return False
    return bool(_ALIAS.match(ctx.text, open_))


def group_before(ctx: Context, a: int, pos: int, states_only: bool = True) -> list[Mention]:
    """The coordinated names ("A, B and C", "Việt Nam - Ấn Độ") ending nearest before ``pos``."""
    ms = [m for m in ctx.mentions_in(a, pos) if (m.is_state or m.how == "demonym"
                                                 or not states_only) and (m.key or m.candidates)
          and not _in_alias(ctx, m)]
    if not ms:
        return []
    group = [ms[-1]]
    for m in reversed(ms[:-1]):
        gap = ctx.text[m.end : group[0].start]
        if _JOIN.fullmatch(gap) or _UNKNOWN_IN_LIST.fullmatch(gap):
            group.insert(0, m)
        else:
            break
    return group


#: an aside between commas right before a verb, opening in lower case (a participle, an
#: adjective, a relative clause): "Bolivia, landlocked since Chile's victory, hopes to …"
_ASIDE_BEFORE = re.compile(r",\s+(?-i:[a-zà-ỹđ])[^,;.()]{0,90},\s*$")


def before_aside(ctx: Context, a: int, pos: int) -> int:
    """Round 19: the end of the head before an aside that ends at ``pos`` ("Bolivia, landlocked
    since Chile's victory in 1884, hopes to …": Bolivia, not Chile, hopes), when a name ends
    right at the aside's comma; else ``pos``."""
    m = _ASIDE_BEFORE.search(ctx.text, max(a, pos - 100), pos)
    if m is None or m.end() != pos:
        return pos
    head = [x for x in ctx.mentions_in(a, m.start() + 1) if x.end == m.start() and x.key]
    return m.start() if head else pos


#: a name that is the object of a preposition, never a clause's subject: "cùng ngày với Myanmar",
#: "để phản đối việc Malaysia vào …", "together with Belarus"
_OBJECT_BEFORE = re.compile(r"(?:\bwith|\bagainst|\bthan|(?<!\w)với|(?<!\w)việc|(?<!\w)hơn"
                            r"|(?<!\w)như)\s+(?:the\s+)?$", re.I)


def is_object(ctx: Context, m: Mention, floor: int = 0) -> bool:
    """The name is the object of a preposition ("cùng ngày với Myanmar")."""
    return bool(_OBJECT_BEFORE.search(ctx.text, max(floor, m.start - 12), m.start))


#: round 21: an apposition opening with a possessive name right before a verb: "Burkina Faso,
#: Ghana's northern neighbour, was suspended …"
_POSSESSIVE_ASIDE = re.compile(r",\s+(?:the\s+)?(?-i:[A-ZĐ])[\w.-]*(?:\s+(?-i:[A-ZĐ])[\w.-]*){0,3}"
                               r"['’]s\s+(?-i:[a-z])[^,;.()]{0,60},\s*"
                               r"(?:(?:was|were|is|are|has|have|had|been|also|then)\s+)*$")


def subject_group(ctx: Context, a: int, pos: int) -> list[Mention]:
    """``group_before``, unless that group is the object of a preposition; a possessive
    apposition before ``pos`` ("A, B's neighbour, was …") is skipped for the name before it."""
    ap = _POSSESSIVE_ASIDE.search(ctx.text, max(a, pos - 100), pos)
    if ap is not None and ap.end() == pos and any(
            x.end == ap.start() and x.key for x in ctx.mentions_in(a, ap.start() + 1)):
        pos = ap.start()
    group = group_before(ctx, a, pos)
    return [] if group and is_object(ctx, group[0], a) else group


#: the link between a head and its companions: "A cùng B, C", "A cùng người đồng cấp B và C",
#: "A, together with B and C", "A, along with the leaders of B and C", "A and his counterparts
#: from B and C"
COMPANION_LINK = re.compile(
    r"(?:(?<!\w)cùng(?:\s+với)?(?:\s+(?:người|những\s+người|các)\s+đồng\s+cấp(?:\s+của)?"
    r"|\s+(?:các\s+)?(?:nhà\s+lãnh\s+đạo|nguyên\s+thủ)(?:\s+của)?"
    # "Uruguay cùng các nước Nam Mỹ và Mexico": a group the registry does not name, then more
    r"|\s+(?:các|những)\s+(?:nước|quốc\s+gia)(?:\s+[^\s,;.]+){0,3}?\s+(?:và|cùng))?"
    r"|,?\s*(?:together|along)\s+with(?:\s+(?:the\s+)?(?:leaders|presidents|heads\s+of\s+state"
    r"|counterparts|foreign\s+ministers)\s+(?:of|from))?"
    r"|\s+and\s+(?:his|her|their|its)\s+counterparts\s+(?:from|of))\s+(?:the\s+)?$", re.I)


def companion_head(ctx: Context, a: int, group: list[Mention]) -> list[Mention]:
    """The state heading the companions ``group`` ("Uruguay" of "Tổng thống Uruguay cùng người
    đồng cấp Argentina, Brazil và Paraguay ký …", "Morocco, together with Algeria and Tunisia,
    signed …"); empty when the group follows no such head."""
    if not group:
        return []
    w = COMPANION_LINK.search(ctx.text, a, group[0].start)
    if w is None:
        return []
    head = [m for m in group_before(ctx, a, w.start()) if m.is_state and m.key]
    if head and not ctx.text[head[-1].end : w.start()].strip() and not is_object(ctx, head[-1], a):
        return head[-1:]
    if ctx.subject is not None and re.search(r"(?:^|[,;]\s*|\s)(?:nước này|Nước này|it|It)\s*$",
                                             ctx.text[max(a, w.start() - 20) : w.start()]):
        # "Năm 1969, nước này cùng Bolivia, Colombia … ký …": the text's state heads them
        return [m for m in ctx.mentions if m.key == ctx.subject][:1]
    s = ctx.sentence_of(w.start())
    if ctx.subject is not None and re.match(r"\s*(?:Nước\s+này|It|The\s+country)\s",
                                            ctx.text[s.start : w.start()]) \
            and _COMPANION_AFTER_JOIN.search(ctx.text[s.start : w.start()]) \
            and not any(m.is_state for m in ctx.mentions_in(s.start, w.start())):
        # round 31: "Nước này tham gia A năm 1968, rồi ngày 4/7/1973 cùng B, C và D ký …", "It
        # joined A in 1968, then on 4 July 1973 signed with B, C and D …": the sentence's
        # pronoun, the text's state
        return [m for m in ctx.mentions if m.key == ctx.subject][:1]
    return []


#: a coordinated clause, a fronted date at most, right before "cùng" (round 31)
_COMPANION_AFTER_JOIN = re.compile(r"(?:,\s*|\s)(?:rồi|và|then|and(?:\s+then)?)\s+"
                                   r"(?:(?:ngày|tháng|năm|on|in)\s+[\w/]+(?:\s+\w+){0,2}\s*,?\s*)?"
                                   r"(?:signed\s+)?$")


#: a coordinated clause with no subject of its own: "…, và là thành viên sáng lập …", "… and
#: was admitted …", "…, rồi gia nhập …"
_COORDINATED = re.compile(r"(?:,\s*|\s)(?:và|and|rồi|then|đồng\s+thời|while\s+also)\s+")
#: round 31: a comma right before a verb of joining coordinates its clause too ("…, joined the
#: OIC in 1969 and …", "…, tham gia OIC năm 1969 và …")
_COMMA_JOINED = re.compile(r",\s*(?=(?:tham\s+gia|gia\s+nhập|joined)\s)")
_NO_SUBJECT = re.compile(r"\s*(?:(?:đã|cũng|là|sau\s+đó|was|is|has|had|have|been|then|later|also"
                         r"|subsequently|tham\s+gia|took\s+part\s+in|helped(?:\s+to)?)\s+)*", re.I)


def shared_subject(ctx: Context, s: Sentence, verb: int) -> list[Mention]:
    """The subject of a coordinated clause that has none of its own, its verb at ``verb``: the
    states opening the sentence (after a fronted date or phrase: "Năm 1961, A …", "In 1990, A
    …"), or the text's subject for a pronoun opening it ("Nước này …", "It …"). Empty when the
    clause before ``verb`` is not such a clause, or the sentence opens with no subject."""
    semi = ctx.text.rfind(";", s.start, verb)
    floor = semi + 1 if semi >= 0 else s.start
    joins = [j for j in _COORDINATED.finditer(ctx.text, floor, verb)
             if _NO_SUBJECT.fullmatch(ctx.text, j.end(), verb)]
    comma = _COMMA_JOINED.search(ctx.text, max(floor, verb - 3))
    if comma is not None and comma.end() == verb:
        joins.append(comma)
    if not joins:
        return []
    j = joins[-1]
    lead = re.match(r"\s*(?:(?:In|On|After|By|Since|Năm|Ngày|Tháng|Sau|Từ|Cuối|Đầu)\s[^,;]{0,30}"
                    r"|\d[^,;]{0,20}),\s*"
                    # "After decades of neutrality it applied … and was admitted …"
                    r"|\s*(?:After|Following|Despite|Sau)\s[^,;]{0,40}?\s(?=(?:it|nước\s+này)\s)",
                    ctx.text[floor : j.start()])
    at = floor + (lead.end() if lead else 0)
    if re.match(r"(?:It|it|Nước\s+này|nước\s+này|The\s+country|the\s+country)\s", ctx.text[at:])\
            and ctx.subject is not None:
        return [m for m in ctx.mentions if m.key == ctx.subject][:1]
    first = next((m for m in ctx.mentions_in(at, j.start()) if m.key), None)
    if first is None or not (first.is_state or first.how == "description") or re.search(
            # (round 32: a styled title before the name, "The Federation of St. Kitts …")
            r"\S", re.sub(r"(?:(?-i:[A-ZĐ])\w*\s+(?:of\s+(?:the\s+)?)?)*", "",
                          ctx.text[at : first.start], count=1)):
        return []  # the sentence does not open with its subject
    return [m for m in group_after(ctx, first.start, j.start()) if m.key]


#: where a clause ends: a semicolon, or a comma before a clause of contrast ("…, while B …",
#: "…, còn B …", "…, whereas …", "…, but …")
CLAUSE_CUT = re.compile(r";|,\s+(?:while|whereas|but|còn|nhưng|trong\s+khi)\s", re.I)


def clause_bounds(ctx: Context, s: Sentence, pos: int) -> tuple[int, int]:
    """The clause of ``pos`` in its sentence: from the last cut before it to the next one."""
    a = s.start
    for m in CLAUSE_CUT.finditer(ctx.text, s.start, pos):
        a = m.end()
    nxt = CLAUSE_CUT.search(ctx.text, pos, s.end)
    return a, nxt.start() if nxt else s.end


def group_after(ctx: Context, pos: int, b: int, states_only: bool = True,
                keep: Callable[[Mention], bool] | None = None) -> list[Mention]:
    """The coordinated names starting nearest after ``pos`` (those ``keep`` accepts)."""
    ms = [m for m in ctx.mentions_in(pos, b) if (m.is_state or m.how == "demonym"
                                                 or not states_only) and (m.key or m.candidates)
          and (keep is None or keep(m))]
    if not ms:
        return []
    group = [ms[0]]
    partners = re.search(r"(?:\bwith|(?<!\w)với)\s+$", ctx.text[max(0, ms[0].start - 8) :
                                                            ms[0].start], re.I)
    for m in ms[1:]:
        gap = ctx.text[group[-1].end : m.start]
        if partners and _AND.fullmatch(gap) and _CLAUSE_VERB.match(ctx.text, m.end):
            break  # round 34: "… với Đài Loan và Bắc Kinh đình chỉ quan hệ": a new clause
        if _JOIN.fullmatch(gap) or _UNKNOWN_IN_LIST.fullmatch(gap):
            group.append(m)
        else:
            break
    return group


#: round 34: in a list of partners ("với", "with"), a name after "và" / "and" that a verb of
#: relations follows opens a new clause
#: ("nối lại quan hệ với Đài Loan và Bắc Kinh đình chỉ quan hệ với Managua", "restored
#: relations with Taipei and Beijing suspended them"): it is that clause's subject, not one
#: more partner of the list
_AND = re.compile(r"\s+(?:và|and)\s+", re.I)
_CLAUSE_VERB = re.compile(
    r"\s+(?:(?:đã|cũng|then|also|in\s+turn)\s+)?(?:đình\s+chỉ|cắt|chấm\s+dứt|tuyên\s+bố"
    r"|nối\s+lại|khôi\s+phục|thiết\s+lập|suspended|severed|broke|cut|ended|restored"
    r"|established|announced|recogni[sz]ed|switched)(?!\w)", re.I)


NEGATION = re.compile(r"\b(?:not|no|never|n't|yet\s+to|neither|nor)\b|\bchưa\b|\bkhông\b", re.I)
MODAL = re.compile(
    r"\b(?:would|will|shall|plans?\s+to|intends?\s+to|hopes?\s+to|aims?\s+to|seeks?\s+to"
    r"|expects?\s+to|wants?\s+to|consider(?:s|ing)?|(?-i:may)|might|could|to\s*$)\b"
    # a plan: "where he is due to hold talks with …", "Modi was to lay a wreath …"
    r"|\b(?:is|are|was|were)\s+(?:(?:due|scheduled|set|slated)\s+)?to\s+\w+\s+$"
    # round 30: "Tsai is due to witness the signing of an agreement …" (a planned signing)
    r"|\b(?:due|scheduled|slated)\s+to\s+(?:witness|attend|oversee|sign|see)\s+the\s+$"
    r"|\b(?:sẽ|dự kiến|mong muốn|cân nhắc|xem xét|phấn đấu|hướng tới|nhằm|sớm)\b"
    # round 20: "mong muốn hoàn tất việc gia nhập" (a wish further than four words), "mở tiến
    # trình xét kết nạp" (an accession process opened, no admission)
    r"|(?<!\w)(?:muốn|tiến\s+trình|xét|cam\s+kết)(?!\w)"
    # round 32: a possibility ("không loại trừ khả năng gia nhập", "did not rule out joining",
    # "the possibility of joining")
    r"|(?<!\w)khả\s+năng(?!\w)|\bpossib(?:ility|ly|le)\b|\brul(?:e|ed|ing)\s+out\b"
    r"|\b(?:committed|pledged|undertook)\s+(?:themselves\s+|itself\s+)?to\b",
    re.I,
)


def window_before(ctx: Context, pos: int, words: int = 4, floor: int = 0) -> str:
    """The ``words`` words before ``pos`` (not before ``floor``)."""
    a = max(floor, pos - 60)
    chunk = ctx.text[a:pos]
    parts = re.split(r"(?<=\s)", chunk)
    return "".join(parts[-words - 1 :]) if len(parts) > words else chunk


def negated(ctx: Context, pos: int, floor: int = 0) -> bool:
    return bool(NEGATION.search(window_before(ctx, pos, 4, floor)))


def modal(ctx: Context, pos: int, floor: int = 0) -> bool:
    return bool(MODAL.search(window_before(ctx, pos, 4, floor)))


def keys(ms: list[Mention]) -> list[str]:
    return list(dict.fromkeys(m.key for m in ms if m.key))


# a relative clause about something else: ", which it had recognised since 1949"
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose)\s+(?:it|they|he|she|had|has|have|was"
                              r"|were|arrived|came|flew)\b|,\s+người\s+(?:đã\s+)?(?:đến|tới|sang|vừa)\s"
                              # "…, hơn ba mươi năm sau khi hai nước thiết lập quan hệ … năm
                              # 1992", "…, more than thirty years after they established …": a
                              # counted clause of time is that clause's date
                              r"|,\s+(?:(?:hơn|gần|khoảng|more\s+than|nearly|almost|about|some)\s+)?"
                              r"(?:\S+\s+){1,3}?(?:năm|tháng|thập\s+kỷ|years?|months?|decades?)\s+"
                              r"(?:sau\s+khi|trước\s+khi|after|before)\s"
                              # "…, chuyến thăm đầu tiên kể từ khi hai nước thiết lập quan hệ
                              # vào tháng 3": a clause of "since" keeps its date
                              r"|(?<!\w)(?:kể\s+từ\s+khi|từ\s+khi)\s|\bsince\s+(?:the\s+two|they|both)\s"
                              # a historical aside: "…, the first visit … since Morarji Desai
                              # came in 1979", "…, which falls in the seventieth year of …",
                              # "…, established in 1954"
                              r"|\bsince\s+(?:he|she|they|it)\s+(?:was|were|had|has|took|came|won)\s"
                              r"|\bsince\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,3}\s+(?:came"
                              r"|visited|went|travell?ed|was|were|had|made|last)\b"
                              r"|,\s+which\s+(?:falls|fell|marks|marked|coincides|coincided|comes)\b"
                              # earlier visits named in passing: "…, sau các chuyến thăm tháng
                              # 6/2014 và tháng 4/2019", "…, after visits in 2014 and 2019"
                              r"|(?<!\w)sau\s+(?:các|những|hai|ba)\s+chuyến\s+thăm\s"
                              r"|\b(?:after|following)\s+(?:(?:his|her|their|earlier|previous)\s+)?"
                              r"(?:visits|trips)\s+(?:there\s+)?(?:in|on)\s"
                              r"|,\s+(?:established|founded|set\s+up|first\s+established)\s+(?:in|on)\s",
                              re.I)


#: a horizon, not a date of the fact: "kế hoạch … đến năm 2030", "a vision to 2045"
HORIZON = re.compile(r"(?<!mãi\s)(?<!\w)(?:đến|tới)\s+năm\s*$|\b(?:through|towards?)\s+$"
                     r"|\bby\s+(?:the\s+year\s+)?$|\bvision\s+(?:to|for)\s+$", re.I)


#: a date something was put off from: "a state visit he had put off in March" dates nothing
PUT_OFF = re.compile(r"\b(?:put\s+off|postponed|called\s+off|cancell?ed|delayed)\s+"
                     r"(?:(?:it|them|twice|once)\s+)?(?:in|on|from)\s+$"
                     r"|(?<!\w)(?:hoãn|hủy|huỷ)\s+(?:vào\s+|từ\s+)?$", re.I)


#: round 31: a comma that closes a counted offset's clause ("…, a day after taking office, X
#: …"), not one that opens a relative clause inside it ("…, five years after the enlargement,
#: in which A and B became members")
CLAUSE_CLOSED = re.compile(r",\s+(?!(?:in\s+)?which\b|where\b|when\b|(?:trong\s+)?đó\b|khi\b"
                           r"|mà\b)", re.I)


#: round 22: an apposition "…, his first trip to X since …" (its dates are of the earlier event)
_FIRST_SINCE = re.compile(r",\s+(?:his|her|its|their|the)\s+first\b[^.;]{0,80}?\bsince\b", re.I)


def pick_date(ctx: Context, a: int, b: int, pos: int,
              kinds: tuple[str, ...] = ("point", "range", "since", "until", "asof", "period")
              ) -> DateMention | None:
    """The date of a fact whose trigger is at ``pos`` in the clause ``[a, b)``: an explicit
    date after the trigger first, then before it; a relative one only when no explicit one.
    Round 25: a year the text narrows right after it ("Cũng trong năm 1955, ngày 14/12, …",
    "In 1955, on 14 December, …") is that day."""
    return narrowed(ctx, _pick_date(ctx, a, b, pos, kinds))


def narrowed(ctx: Context, d: DateMention | None) -> DateMention | None:
    """Round 25: a year the text narrows right after it ("Cũng trong năm 1955, ngày 14/12,
    …", "In 1955, on 14 December, …") is that day; any other date is itself."""
    if d is None or not isinstance(d.value, str) or not re.fullmatch(r"\d{4}", d.value):
        return d
    nxt = next((x for x in ctx.dates if x.start >= d.end), None)
    if nxt is not None and nxt.kind == "point" and isinstance(nxt.value, str) \
            and nxt.value.startswith(d.value + "-") and re.fullmatch(
                r"\s*,\s*(?:on\s+|vào\s+)?", ctx.text[d.end : nxt.start]):
        return nxt
    return d


def _pick_date(ctx: Context, a: int, b: int, pos: int, kinds: tuple[str, ...]
               ) -> DateMention | None:
    ds = [d for d in ctx.dates_in(a, b) if d.value is not None and d.kind in kinds
          and d is not ctx.dateline and not HORIZON.search(ctx.text, max(0, d.start - 12),
                                                           d.start)
          and not PUT_OFF.search(ctx.text, max(0, d.start - 30), d.start)]
    # round 52: "… sang thăm Việt Nam …, vào dịp hai nước kỷ niệm 42 năm thiết lập quan hệ
    # ngoại giao (5/8/1973 - 5/8/2015)": the anniversary's span after the fact dates the
    # anniversary, not the fact
    ds = [d for d in ds if not (d.start > pos and in_span_bracket(ctx.text, d) and re.search(
        r"(?<!\w)kỷ\s+niệm(?!\w)|\banniversary\b", ctx.text[pos : d.start], re.I))]
    if not ds:
        return None
    after = [d for d in ds if d.start >= pos]
    for aside in _RELATIVE_CLAUSE.finditer(ctx.text, pos, b):
        # "…, which it had recognised since 1949": a date of a relative clause after the fact
        # is that clause's, not the fact's (every such clause after the trigger)
        close = ctx.text.find(",", aside.end(), b)
        inside = range(aside.start(), close if close >= 0 else b)
        after = [d for d in after if d.start not in inside]
        ds = [d for d in ds if d.start not in inside]
    # round 22: "…for an official visit, his first trip to the capital since a port deal …
    # last year": a date of the "first … since" apposition dates what came before, not the fact
    after = [d for d in after if not _FIRST_SINCE.search(ctx.text, pos, d.start)]
    gov = next((d for d in ctx.dates_in(pos, b) if d.governs), None)
    offset = gov.start if gov is not None else None
    if gov is not None:
        # round 43: "… five days after independence, on 14 December 1961": an explicit date
        # right after the counted offset restates it (the fact's date), not its clause's
        close = re.compile(r"\s*(?:(?:its|the|that)\s+)?(?:\w+)?\s*,\s*(?:on\s+|in\s+)?")
        restated = next((d for d in ctx.dates_in(gov.end, b) if "relative" not in d.flags
                         and close.fullmatch(ctx.text, gov.end, d.start)), None)
        if restated is not None:
            offset = restated.end
    if offset is not None:
        # "…, more than 14 years after it applied (4/3/2011)": the dates after a counted
        # offset belong to the clause it introduces
        after = [d for d in after if d.start < offset]
    before = [d for d in ds if d.start < pos][::-1]
    # round 31: "Ngày 11/1/2007, một ngày sau khi nhậm chức, Tổng thống … ký …", "On 11 January
    # 2007, a day after taking office, …": a counted offset whose clause a comma closes before
    # the trigger dates that clause only
    before = [d for d in before if not (d.governs and CLAUSE_CLOSED.search(ctx.text[d.end : pos]))]
    semi = ctx.text.rfind(";", a, pos)
    joint = list(re.finditer(r",\s+(?:and|và)\s", ctx.text[a:pos]))
    if joint and any(d.start > a + joint[-1].start() and "relative" in d.flags for d in before):
        # "…, và cũng trong năm đó tham gia thành lập …": the coordinated clause's own
        # (relative) date
        semi = max(semi, a + joint[-1].start())
    if semi >= 0 and any(d.start > semi for d in before):
        # "…ngày 22/2/1974 …; cũng trong năm đó Bangladesh trở thành thành viên OIC": the
        # trigger's own clause dates it
        before = [d for d in before if d.start > semi]
    if after and before and all("relative" in d.flags for d in after) and re.search(
            r",\s+(?:and|và|rồi)\s", ctx.text[pos : after[0].start]) and any(
            "relative" not in d.flags for d in before):
        # "Ngày 4/4/1949, Na Uy … trở thành thành viên sáng lập NATO, và cũng trong năm đó
        # tham gia …": a relative date of the next coordinated clause is that clause's
        after = []
    if after and "relative" in after[0].flags and after[0].start - pos < 40 and not re.search(
            r"[,;:()]", ctx.text[pos : after[0].start]) and any(
            "relative" not in d.flags and re.search(r"[,;]", ctx.text[after[0].end : d.start])
            # (not an apposition restating it: "four months later, on 27 September 2002")
            and len(re.findall(r"\w+", ctx.text[after[0].end : d.start])) > 3
            for d in after[1:]):
        # round 20: "visited Beijing in November last year, …, and … met in March": a relative
        # date attached to the trigger is its date, not an explicit one of a later clause
        return after[0]
    opening = [d for d in before if "relative" not in d.flags and re.fullmatch(
        r"\s*(?:(?:in|on|vào|ngày)\s+)?", ctx.text[a : d.start], re.I)]
    if after and opening and re.search(r"(?:,\s*|\s)(?:và|and|rồi)\s",
                                       ctx.text[pos : after[0].start]):
        # round 25: "Ngày 29/3/2004, Slovenia trở thành thành viên NATO và hơn một tháng sau,
        # ngày 1/5/2004, gia nhập EU": the date opening the clause is the trigger's; one after
        # a coordinator is the next clause's
        return opening[-1]
    if before and "relative" in before[0].flags and before[0].pending[:1] in (
            ("days",), ("months",), ("years",), ("next-day",)) \
            and not any("relative" not in d.flags for d in after) \
            and not re.search(r"[;.]", ctx.text[before[0].end : pos]):
        # round 39: "admitted to the OSCE on 22 June 2006 and, six days later, became the
        # 192nd member", "độc lập ngày 22/9/1960 và chỉ sáu ngày sau được kết nạp": a counted
        # offset opening the trigger's coordinated clause dates it, not the date it counts from
        prior = next((d for d in before[1:] if "relative" not in d.flags), None)
        if prior is not None and re.search(
                r"(?:,\s*|\s)(?:and|và|rồi)\s*,?\s*(?:(?:only|just|chỉ|then)\s+)?$",
                ctx.text[prior.end : before[0].start], re.I):
            return before[0]
    for n, side in enumerate((after, before)):
        if n == 1 and side and side[0].governs:
            return side[0]  # "…, nine days before it re-established relations"
        if n == 1 and side and "relative" in side[0].flags and side[0].pending[:1] == (
                "years",) and re.search(r"[;,]\s*$", ctx.text[max(a, side[0].start - 3)
                                                             : side[0].start]):
            return side[0]  # "… tháng 1/1995; hai năm sau, Argentina mở Đại sứ quán …"
        explicit = [d for d in side if "relative" not in d.flags]
        if explicit:
            return explicit[0]
        if side:
            return side[0]
    return None


def span_of(*parts: Any) -> tuple[int, int]:
    """The smallest span covering the given mentions, dates, posts and (start, end) pairs."""
    starts, ends = [], []
    for p in parts:
        if p is None:
            continue
        if isinstance(p, re.Match):
            starts.append(p.start())
            ends.append(p.end())
        elif isinstance(p, tuple):
            starts.append(p[0])
            ends.append(p[1])
        elif isinstance(p, list):
            for x in p:
                starts.append(x.start)
                ends.append(x.end)
        else:
            starts.append(p.start)
            ends.append(p.end)
    return min(starts), max(ends)


def date_value(d: DateMention | None) -> Any:
    if d is None:
        return None
    return d.value


def point(d: DateMention | None) -> str | None:
    """A single date: the start of a range or period."""
    if d is None or d.value is None:
        return None
    return d.first
