"""Facts that the layout of a text states rather than a verb: the lines, tables and lists of
encyclopedia and ministry pages on a state's foreign relations.

- a **labelled date** ("Member of ASEAN: 26 October 2025", "Thiết lập quan hệ ngoại giao:
  30/12/1964", "Đối tác chiến lược: 6/2013"): the label says which fact of the text's subject
  (and of the section's partner) the date is;
- a **table row** under a heading on relations ("Country / Relations established", then
  "Russia<TAB>22 October 1992"): relations of the subject with the row's state;
- a **run of names with dates** after a colon whose clause establishes relations ("…thiết lập
  quan hệ với Lào đầu thập niên 1960: Liên Xô (7/10/1960), Trung Quốc (25/4/1961)"), or a
  group sharing one in a section on relations ("India, Israel and Turkey (all 1992) were
  among …");
- a **list of memberships** under a heading that is not a known one: organisations of the
  subject ("Other memberships, with the year of entry: OSCE (1992), OIC (1995)"), or states of
  the text's organisation ("Partner states, by year of joining: Kenya, Tanzania, Uganda (2000);
  Burundi, Rwanda (2007)"), each name with the next date in brackets.
"""

from __future__ import annotations

import re

from .context import ORG_FROM_DOCUMENT, Candidate, Context, Sentence
from .dates import DateMention
from .names import Mention
from .partnerships import framework

#: a label that names the establishment of relations
RELATION_LABEL = re.compile(r"(?:established|establishment\s+of)\s+(?:diplomatic\s+)?relations"
                            r"|(?:diplomatic\s+)?relations\s+established"
                            r"|thiết lập quan hệ(?:\s+ngoại giao)?"
                            r"|^[\s\-•*]*(?:diplomatic\s+relations|quan hệ ngoại giao)\s*$", re.I)
#: a label that names a signing: "Free Trade Agreement signed", "Ký Hiệp định thương mại"
SIGNED_LABEL = re.compile(r"\bsigned\b|\bsigning\b|(?<!\w)ký(?!\w)", re.I)
#: a label that names a membership
MEMBER_LABEL = re.compile(r"\bmember\b|\bmembership\b|\badmitted\b|\bjoined\b|\baccession\b"
                          r"|gia nhập|thành viên|kết nạp", re.I)
#: a heading that lists memberships
LIST_LABEL = re.compile(r"\bmember(?:s|ships?)?\b|\bjoin(?:ing|ed)?\b|\baccession\b"
                        r"|\bpartner\s+states\b|\bparticipation\b|gia nhập|thành viên|tham gia"
                        # round 49: a label that is only the organisations' noun ("Tổ chức quốc
                        # tế: Liên hợp quốc (14/12/1961), …", test69/, test82/): the items'
                        # own dated brackets still decide (``bracketed_orgs``)
                        r"|^\s*(?:các\s+)?tổ\s+chức\s+quốc\s+tế\s*$"
                        r"|^\s*international\s+organi[sz]ations\s*$",
                        re.I)
#: a clause that establishes relations, before a colon
RELATION_CLAUSE = re.compile(r"\bestablish\w*\s+(?:diplomatic\s+)?(?:relations|ties)"
                             r"|\bset\s+up\s+(?:diplomatic\s+)?relations"
                             # round 46: "Three more states opened relations in 1986: Libya (30
                             # May), the Soviet Union (30 June) and the United States (…)"
                             r"|\bopened\s+(?:diplomatic\s+)?(?:relations|ties)"
                             r"|thiết lập quan hệ", re.I)
#: a verb that opens a labelled line's value: "…: thiết lập ngày 3/2/1988", "…: established on
#: 5 May 1970", "…: ký năm 2009", "…: joined in 1995"
LABEL_VERB = re.compile(r"\s*(?P<verb>thiết\s+lập|established|set\s+up|ký(?:\s+kết)?|signed"
                        r"|gia\s+nhập|joined|admitted|được\s+kết\s+nạp)\s*"
                        r"(?P<prep>(?:ngày|năm|tháng|vào|on|in)\s+)?", re.I)
#: a negation (lower case in Vietnamese: "Phong trào Không liên kết" is a name)
NEGATIVE = re.compile(r"\b(?i:not|never|no)\b|(?<!\w)(?:chưa|không)(?!\w)")
_SEP = re.compile(r"\s*(?:\t+|\s{2,}|\s[–—-]\s|:|\|)\s*")
#: a row's number before its first cell: "1 | Japan | …", "3. Japan …"
_ROW_NUMBER = re.compile(r"\s*(?:\d{1,3}\s*(?:\||\.|\)|\t)|[-•*–]\s)\s*")


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        if NEGATIVE.search(s.text):
            continue
        out += _labelled_date(ctx, s) or _org_labelled(ctx, s) or _table_row(ctx, s) \
            or _lists(ctx, s)
    return out


def _line_of(ctx: Context, s: Sentence) -> bool:
    """The sentence is a whole line."""
    a = ctx.text.rfind("\n", 0, s.start) + 1
    b = ctx.text.find("\n", s.end)
    b = len(ctx.text) if b < 0 else b
    return not ctx.text[a : s.start].strip(" -•*\t") and not ctx.text[s.end : b].strip()


def _opens_line(ctx: Context, s: Sentence) -> bool:
    """Round 20: the sentence opens a line of a list ("- LABEL:DATE. Another sentence …")."""
    a = ctx.text.rfind("\n", 0, s.start) + 1
    return bool(re.fullmatch(r"\s*(?:[-•*+]\s*)?", ctx.text[a : s.start])) and bool(
        re.match(r"\s*[-•*+]\s", ctx.text[a : s.end]))


def _whole_date(ctx: Context, a: int, b: int) -> DateMention | None:
    """The one date that fills ``[a, b)`` but for a final stop."""
    ds = [d for d in ctx.dates_in(a, b) if isinstance(d.value, str)]
    if len(ds) != 1 or ctx.text[a : ds[0].start].strip() or ctx.text[ds[0].end : b].strip(" ."):
        return None
    return ds[0]


def _partner(ctx: Context, a: int, b: int) -> str | None:
    """The state other than the subject that a label or its section names."""
    named = [m.key for m in ctx.mentions_in(a, b) if m.is_state and m.key
             and m.key != ctx.subject and m.how != "demonym"]
    if len(set(named)) == 1:
        return named[0]
    # the section's partner, else the document's other state ("Country briefs | China")
    return ctx.section_at(a)[0] or (ctx.other(ctx.subject) if ctx.subject else None)


def _labelled_date(ctx: Context, s: Sentence) -> list[Candidate]:
    """"LABEL: DATE" lines of the subject."""
    if ctx.subject is None or not (_line_of(ctx, s) or _opens_line(ctx, s)):
        return []
    colon = s.text.find(":")
    if colon < 3:
        return []
    label = s.text[:colon]
    a, b = s.start, s.start + colon
    d = _whole_date(ctx, b + 1, s.end)
    verb = LABEL_VERB.match(ctx.text, b + 1, s.end) if d is None else None
    if verb is not None:
        # "Quan hệ ngoại giao với Trung Quốc: thiết lập ngày 3/2/1988", "Diplomatic relations
        # with Chile: established on 5 May 1970": the verb after the colon belongs to the label
        d = _whole_date(ctx, verb.end(), s.end)
        if d is None and verb.group("prep"):
            d = _whole_date(ctx, verb.start("prep"), s.end)
        label = f"{label} {verb.group('verb')}"
        if re.search(r"quan hệ|relations", label, re.I) and re.match(
                r"thiết lập|established|set up", verb.group("verb"), re.I):
            label = f"{label} thiết lập quan hệ"
    if d is None:
        return []
    conf = 0.8
    fw = framework(label)
    partner = _partner(ctx, a, b)
    if fw and partner:
        return [Candidate("partnership", {"parties": [ctx.label(ctx.subject), ctx.label(partner)],
                                          "framework": fw, "date": d.value},
                          s.start, s.end, conf, "structure-labelled-date")]
    old = [m.key for m in ctx.mentions_in(a, b) if m.key and m.kind == "historical-state"
           and m.key != ctx.subject]
    if RELATION_LABEL.search(label) and len(set(old)) == 1 and ctx.other(ctx.subject):
        # round 20: "Ngày thiết lập quan hệ ngoại giao (với Tiệp Khắc): 2/2/1950" on the page of
        # today's state: the relations were the predecessor's, with the page's other state
        return [Candidate("relation", {"parties": [ctx.label(ctx.other(ctx.subject)),
                                                   ctx.label(old[0])],
                                       "status": "established", "date": d.value},
                          s.start, s.end, conf, "structure-labelled-date")]
    if RELATION_LABEL.search(label) and partner:
        return [Candidate("relation", {"parties": [ctx.label(ctx.subject), ctx.label(partner)],
                                       "status": "established", "date": d.value},
                          s.start, s.end, conf, "structure-labelled-date")]
    if SIGNED_LABEL.search(label) and partner and not fw:
        from .agreements import instrument

        kind = instrument(label)
        if kind != "agreement" or re.search(r"\bagreement\b|\btreaty\b|\bMoU\b", label, re.I):
            title = re.sub(r"\s*\b(?:signed|signing)\b|(?<!\w)ký(?!\w)\s*", " ",
                           label).strip(" -•*")
            return [Candidate("agreement", {"instrument": kind, "title": {ctx.lang: title},
                                            "parties": [ctx.label(ctx.subject),
                                                        ctx.label(partner)],
                                            "signed": d.value},
                              s.start, s.end, 0.75, "structure-labelled-date")]
    orgs = [m for m in ctx.mentions_in(a, b) if m.is_org and m.key]
    # (round 46: a body's name and its bracketed acronym are one: "Gia nhập Tổ chức Thống nhất
    # châu Phi (OAU): tháng 6/1993")
    if MEMBER_LABEL.search(label) and len({m.key for m in orgs}) == 1:
        roles = ["observer"] if re.search(r"observer|quan sát", label, re.I) else (
            ["founding", "full"] if re.search(r"founding|sáng lập", label, re.I) else ["full"])
        data = {"member": ctx.label(ctx.subject), "organization": ctx.label(orgs[0].key),
                "start": d.value}
        if roles != ["full"]:
            data["roles"] = roles
        return [Candidate("membership", data, s.start, s.end, conf, "structure-labelled-date")]
    return []


#: round 46: what follows the colon of a line labelled by an organisation, before its date:
#: "United Nations: member since 2 March 1992", "Non-Aligned Movement: full member from 1995",
#: "World Trade Organization: observer status granted in July 2020", "OSCE: 30 January 1992";
#: round 48: any run of the words of membership, role and time before the date, in any order
#: ("admitted", "accession completed", "participating State since", "State Party since",
#: "full member,", "observer (1999)")
_ORG_VALUE = re.compile(r"(?:(?:(?:full|founding|associate|non-member|member(?:ship)?|observer"
                        r"|status|participating|state|party|admitted|joined|acceded|accession"
                        r"|completed|granted|since|from|in|on|as|an?)\b|[\s,(]+))*", re.I)
#: round 48: the words of the value that say it is a membership, under any heading
_ORG_SAID = re.compile(r"\b(?:member|membership|observer|participating|party|admitted|joined"
                       r"|acceded|accession)\b", re.I)
#: round 48: between a line's organisations and its value: a colon, or a dash between spaces
#: ("- United Nations: admitted …", "League of Arab States — full member since …")
_ORG_SEP = re.compile(r"\)?\s*(?::|\s[—–-]\s|[—–])\s*")
#: round 48: what may stand between two organisations of one label, and before the first
_ORG_JOIN = re.compile(r"[\s\-•*+,()]*(?:(?:and|&|và)[\s,()]*)*")


def _org_labelled(ctx: Context, s: Sentence) -> list[Candidate]:
    """"ORGANISATION: [member since] DATE" lines and list items (a bullet, a dash, a number or
    none; a colon or a dash between spaces) of a page of one state's memberships: a membership
    of the page's state in each organisation the label names, from the date of the value.
    Under a heading on organisations any value of the words of membership, role and time
    before the date is read ("OSCE: 30 January 1992", "… : accession completed 21 July
    2010"); under any other heading the value must say membership itself ("UNESCO: admitted
    31 October 2011", "INTERPOL: member since 27 September 2017"). Round 48: one reader of the
    class, after round 46's colon lines under a heading."""
    if ctx.subject is None or not (_line_of(ctx, s) or _opens_line(ctx, s) or _starts_line(
            ctx, s)):
        return []
    ms = [m for m in ctx.mentions_in(s.start, s.end) if m.key]
    number = _ROW_NUMBER.match(ctx.text, s.start)
    first = number.end() if number else s.start
    if not ms or ctx.text[first : ms[0].start].strip(" -•*+\t"):
        return []
    named = [ms[0]]
    for m in ms[1:]:
        if m.start < named[-1].end:
            continue
        if not _ORG_JOIN.fullmatch(ctx.text, named[-1].end, m.start) or ":" in ctx.text[
                named[-1].end : m.start]:
            break
        named.append(m)
    if not all(m.is_org for m in named):
        return []
    sep = _ORG_SEP.match(ctx.text, named[-1].end, s.end)
    if sep is None:
        return []
    v = _ORG_VALUE.match(ctx.text, sep.end(), s.end)
    ds = [d for d in ctx.dates_in(v.end(), s.end) if d.start == v.end()]
    if not ds or not isinstance(ds[0].value, str) or not re.match(
            r"\)?\s*(?:[;.(]|$)", ctx.text[ds[0].end : s.end]):
        return []
    value = ctx.text[sep.end() : v.end()]
    if ctx.section_at(s.start)[1] != "memberships" and not _ORG_SAID.search(value):
        return []
    roles = ["observer"] if re.search(r"\bobserver\b", value, re.I) else ["founding", "full"] \
        if re.search(r"\bfounding\b", value, re.I) else ["associate"] if re.search(
            r"\bassociate\b", value, re.I) else ["full"]
    out: list[Candidate] = []
    for key in dict.fromkeys(m.key for m in named):
        data = {"member": ctx.label(ctx.subject), "organization": ctx.label(key),
                "start": ds[0].value}
        if roles != ["full"]:
            data["roles"] = roles
        out.append(Candidate("membership", data, named[0].start, ds[0].end, 0.75,
                             "structure-org-labelled"))
    return out


def _starts_line(ctx: Context, s: Sentence) -> bool:
    """Round 48: the sentence begins its line, after a bullet, a dash or nothing ("Viet Nam -
    diplomatic relations: 7 June 1994. No resident embassy in Hanoi.")."""
    a = ctx.text.rfind("\n", 0, s.start) + 1
    return not ctx.text[a : s.start].strip(" -•*+\t")


#: round 47: a row's own word for the establishment before its date
_ROW_ESTABLISHED = re.compile(r"(?:(?:diplomatic\s+)?relations\s+)?(?:established|set\s+up"
                              r"|thiết\s+lập(?:\s+quan\s+hệ(?:\s+ngoại\s+giao)?)?)"
                              r"(?:\s+(?:on|in|ngày|năm|tháng))?\s+"
                              # round 48: a row's own label of the relations before a colon
                              # ("Viet Nam - diplomatic relations: 7 June 1994")
                              r"|(?:diplomatic\s+relations|quan\s+hệ\s+ngoại\s+giao)"
                              r"(?:\s+(?:established|thiết\s+lập))?\s*:\s*", re.I)


def _table_row(ctx: Context, s: Sentence) -> list[Candidate]:
    """"STATE<TAB>DATE", "1 | STATE | DATE" under a heading on relations."""
    if ctx.subject is None or not (_line_of(ctx, s) or _starts_line(ctx, s)):
        return []
    whole = _line_of(ctx, s)
    first_bar = ctx.text.find("|", s.start, s.end)
    # (round 47: a row with no bar has no second cell to cut at, whatever bars the page has
    # before it)
    bar = ctx.text.find("|", first_bar + 1, s.end) if first_bar >= 0 else -1
    # the first two cells only: "China | 1 July 1975 | See China–Thailand relations"
    ms = [m for m in ctx.mentions_in(s.start, bar if bar >= 0 else s.end) if m.key]
    if not whole or "|" not in ctx.text[s.start : s.end]:
        # round 48: a row's first cell only, where the line goes on after its date ("Russian
        # Federation - diplomatic relations: 25 May 1992; embassies in Moscow and …")
        ds0 = ctx.dates_in(s.start, s.end)
        ms = [m for m in ms if not ds0 or m.end <= ds0[0].start]
    number = _ROW_NUMBER.match(ctx.text, s.start)
    first = number.end() if number else s.start
    if len(ms) != 1 or not ms[0].is_state or ms[0].start != first or ms[0].key == ctx.subject:
        return []
    sep = _SEP.match(ctx.text, ms[0].end)
    if sep is None:
        return []
    cell = sep.end()
    # round 47: a row that says so itself, under any heading ("- Costa Rica — established 11
    # June 1992"); else the heading is on relations
    said = _ROW_ESTABLISHED.match(ctx.text, cell, s.end) if sep.group().strip() in "–—-:" \
        else None
    if said is not None:
        cell = said.end()
    elif ctx.section_at(s.start)[1] != "relations" or not whole:
        return []
    cell_end = ctx.text.find("|", cell, s.end) if "|" in sep.group() else -1
    if said is not None and cell_end < 0:
        # round 48: a row that says so itself ends its cell at a semicolon
        cell_end = ctx.text.find(";", cell, s.end)
    # "China | 1 July 1975 | See China–Thailand relations": the date fills its own cell
    d = _whole_date(ctx, cell, cell_end if cell_end >= 0 else s.end)
    if d is None:
        return []
    return [Candidate("relation", {"parties": [ctx.label(ctx.subject), ctx.label(ms[0].key)],
                                   "status": "established", "date": d.value},
                      s.start, s.end, 0.8, "structure-table-row")]


def _dated_names(ctx: Context, a: int, b: int, want) -> list[tuple[Mention, DateMention]] | None:
    """"A (1992), B, C (2000); D (2007)" in ``[a, b)``: each name ``want`` accepts with the
    next date in brackets; None when anything else stands between them."""
    ms = [m for m in ctx.mentions_in(a, b) if m.key and want(m)]
    if len(ms) < 2:
        return None
    out: list[tuple[Mention, DateMention]] = []
    waiting: list[Mention] = []
    pos = a
    for m in ms:
        gap = ctx.text[pos : m.start]
        dates = [d for d in ctx.dates_in(pos, m.start) if isinstance(d.value, str)]
        if not re.fullmatch(r"\s*(?:\((?:all\s+|cả\s+)?[^()]*\)\s*)?(?:[,;]|\band\b|\bvà\b)?"
                            r"\s*(?:and\s+|và\s+)?(?:the\s+)?", gap) and pos != a:
            return None
        if dates and waiting:
            out += [(w, dates[0]) for w in waiting]
            waiting = []
        waiting.append(m)
        pos = m.end
    tail = [d for d in ctx.dates_in(pos, b) if isinstance(d.value, str)
            and re.fullmatch(r"\s*\((?:all\s+|cả\s+)?", ctx.text[pos : d.start])]
    if waiting and tail:
        out += [(w, tail[0]) for w in waiting]
    return out if out and len(out) == len(ms) else None


#: round 43: a bracket after a body's name on a labelled list: its date, its role ("GCC,
#: thành viên sáng lập, 25/5/1981"), a date the names before it share ("cùng năm 1992", "both")
_BRACKET = re.compile(r"\s*\(([^()]{1,60})\)")
_SHARED = re.compile(r"\s*(?:cùng|cả|both|all)\b", re.I)
_FOUNDING = re.compile(r"sáng\s+lập|founding|founder", re.I)
#: what may stand between two names of such a line: items the gazetteer does not name ("…,
#: Hội đồng các nước biển Ban-tích,"), with their brackets, and a word or three before a
#: name ("Tổ chức Pháp ngữ": the gazetteer names "Pháp ngữ")
_LIST_GAP = re.compile(r"\s*(?:[,;]\s*)?(?:[^,;()\n]{1,50}(?:\s*\([^()\n]{0,60}\))?\s*[,;]\s*)*"
                       r"(?:(?:and|và)\s+)?(?:[^\s,;()]+\s+){0,3}?"
                       # a name the gazetteer knows only by the abbreviation in its bracket
                       # ("Cộng đồng các Quốc gia Mỹ La-tinh và Ca-ri-bê (CELAC)")
                       r"(?:[^,;()\n]{1,60}\(\s*)?")


def bracketed_orgs(ctx: Context, a: int, b: int) -> list[tuple[Mention, DateMention, bool]] | None:
    """Round 43: a labelled line of bodies, each followed by a bracket of its own ("NATO
    (29/3/2004), EU (1/5/2004), OECD (2000), Hội đồng châu Âu, OSCE"): each body whose bracket
    holds a date, with that date and whether the bracket calls it a founder; a body with no
    bracket shares the next one only when that bracket says so ("OIC, ECO (cùng năm 1992)", "A
    and B (both 1995)"), else it has no date here (the line lists it undated). None unless at
    least two bodies carry a dated bracket of their own and nothing but names, brackets and
    commas stands between them."""
    ms = [m for m in ctx.mentions_in(a, b) if m.key]
    items: list[tuple[Mention, tuple[int, int] | None]] = []
    pos = a
    for m in ms:
        if pos > m.start:
            continue  # a name inside the bracket before ("Hội đồng … (GCC, …)")
        if not _LIST_GAP.fullmatch(ctx.text, pos, m.start) or not m.is_org:
            return None
        br = _BRACKET.match(ctx.text, m.end, b)
        items.append((m, (br.start(1), br.end(1)) if br else None))
        pos = br.end() if br else m.end
        if br is None and ctx.text[pos : pos + 1] == ")" and re.search(
                r"\(\s*$", ctx.text[max(a, m.start - 3) : m.start]):
            # round 47: a body known only by the abbreviation in its bracket ("Liên minh Thuế
            # quan miền Nam châu Phi (SACU), …"): its item ends after the bracket
            pos += 1
    if ctx.text[pos:b].strip(" \t.;,)") or len(items) < 2:
        return None
    out: list[tuple[Mention, DateMention, bool]] = []
    waiting: list[Mention] = []
    own = 0
    for m, span in items:
        dates = [d for d in ctx.dates_in(*span) if isinstance(d.value, str)] if span else []
        if span is not None and any(x.is_org and x.key and x.key != m.key
                                    for x in ctx.mentions_in(*span)):
            # round 49: a bracket naming another body dates that body ("Cộng đồng Phát triển
            # Nam Phi (thành viên sáng lập SADCC 1/4/1980)": its forerunner's founding)
            dates = []
        if span is None:
            waiting.append(m)
            continue
        if len(dates) == 1:
            founding = bool(_FOUNDING.search(ctx.text, span[0], span[1]))
            if _SHARED.match(ctx.text, span[0]):
                out += [(w, dates[0], founding) for w in waiting]
            out.append((m, dates[0], founding))
            own += 1
        waiting = []
    return out if own >= 2 else None


_FRAMEWORK_ITEM = re.compile(r"\s*([^;:()]{6,80}?)\s*\(([^()]{4,20})\)\s*(?:[;,.]|$)")


def _frameworks(ctx: Context, s: Sentence, colon: int) -> list[Candidate]:
    """"Khuôn khổ quan hệ: Đối tác chiến lược (4/2009); Đối tác chiến lược sâu rộng (3/2014)":
    each framework with its bracketed date, of the subject and the section's partner."""
    if ctx.subject is not None:
        first, partner = ctx.subject, _partner(ctx, s.start, colon)
    elif len(ctx.pair) == 2:
        first, partner = ctx.pair  # a bilateral page ("Quan hệ Việt Nam - Hàn Quốc")
    else:
        return []
    out: list[Candidate] = []
    pos = colon + 1
    while pos < s.end:
        m = _FRAMEWORK_ITEM.match(ctx.text, pos, s.end)
        if not m:
            return out if pos >= s.end - 1 else []
        fw = framework(m.group(1))
        ds = [d for d in ctx.dates_in(m.start(2), m.end(2)) if isinstance(d.value, str)]
        if not fw or not ds or partner is None:
            return []
        out.append(Candidate("partnership", {"parties": [ctx.label(first),
                                                         ctx.label(partner)],
                                             "framework": fw, "date": ds[0].value},
                             m.start(1), m.end(2) + 1, 0.75, "structure-framework-run"))
        pos = m.end()
    return out


#: a label of the instruments signed: "Các văn kiện chính:", "Các hiệp định đã ký:", "Main
#: agreements:", "Key documents signed:"
DOCUMENTS_LABEL = re.compile(r"^[\s\-•*]*(?:(?:các|những)\s+)?(?:văn\s+kiện|hiệp\s+định"
                             r"|thỏa\s+thuận|thoả\s+thuận)(?:\s+(?:chính|quan\s+trọng|(?:đã\s+)?(?:được\s+)?ký(?:\s+kết)?"
                             r"|hợp\s+tác))*\s*$"
                             r"|^[\s\-•*]*(?:main|key|principal|bilateral)?\s*(?:agreements|treaties"
                             r"|documents|instruments)(?:\s+signed)?\s*$", re.I)
_ITEM_YEAR = re.compile(r"\(\s*(?:(?:ký\s+)?(?:năm|ngày|signed\s+(?:in|on)?)\s*)?([^()]{4,20})\)")


def _agreement_list(ctx: Context, s: Sentence, colon: int) -> list[Candidate]:
    """"Các văn kiện chính: Hiệp định A (2009); Hiệp định B (2010)": one agreement per item of
    the subject and the section's partner (or the document's other state), signed at the date
    in its brackets."""
    from .agreements import INSTRUMENT, instrument

    partner = _partner(ctx, s.start, colon)
    if ctx.subject is None or partner is None or partner == ctx.subject:
        return []
    out: list[Candidate] = []
    pos = colon + 1
    for item in re.split(r"(?<=\));|;", ctx.text[colon + 1 : s.end]):
        a = pos + len(item) - len(item.lstrip())
        pos += len(item) + 1
        body = item.strip().rstrip(".")
        inst = INSTRUMENT.match(body)
        when = _ITEM_YEAR.search(body)
        if inst is None or when is None:
            continue
        ds = [d for d in ctx.dates_in(a + when.start(1), a + when.end(1) + 1)
              if isinstance(d.value, str)]
        if len(ds) != 1:
            continue
        title = body[: when.start()].strip()
        out.append(Candidate("agreement", {"instrument": instrument(title),
                                           "title": {ctx.lang: title},
                                           "parties": [ctx.label(ctx.subject), ctx.label(partner)],
                                           "signed": ds[0].value},
                             a, a + when.end(), 0.7, "structure-agreement-list"))
    return out


#: round 49: a heading or label on the page's relations with one state, at a line's start
_PARTNER_HEADING = re.compile(r"(?:^|\n)[ \t]*(?:[\dIVX]+\.\s*)?(?:Quan\s+hệ\s+với|QUAN\s+HỆ\s+VỚI"
                              r"|Relations\s+with|RELATIONS\s+WITH)\s+(?:the\s+)?$")


def _partner_heading(ctx: Context, key: str) -> bool:
    """The text heads a section or a label with its relations with ``key``'s state."""
    return any(m.key == key and _PARTNER_HEADING.search(ctx.text, max(0, m.start - 40), m.start)
               for m in ctx.mentions)


def _lists(ctx: Context, s: Sentence) -> list[Candidate]:
    out: list[Candidate] = []
    text = ctx.text
    colon = text.find(":", s.start, s.end)
    head = text[s.start : colon] if colon >= 0 else ""
    if colon >= 0 and DOCUMENTS_LABEL.search(head):
        return _agreement_list(ctx, s, colon)
    if colon >= 0 and framework(text[colon + 1 : s.end]):
        runs = _frameworks(ctx, s, colon)
        if len(runs) >= 2 or runs and (_line_of(ctx, s) or re.fullmatch(
                # round 44: the label's own sentence where the scrape ran the page's labelled
                # lines together ("…: 21/8/1973.Khuôn khổ quan hệ: Đối tác toàn diện
                # (11/2017).Việt Nam mở …")
                r"\s*(?:Khuôn\s+khổ\s+(?:quan\s+hệ|hợp\s+tác)|Framework\s+of\s+relations"
                r"|Relationship\s+framework)\s*", head, re.I)):
            # (round 20: one framework on a line of its own, "Khuôn khổ quan hệ: Đối tác chiến
            # lược (từ 20/1/2025)")
            return runs
    if colon >= 0 and RELATION_CLAUSE.search(head):
        # "…thiết lập quan hệ với Lào …: Liên Xô (7/10/1960), Trung Quốc (25/4/1961)"
        obj = [m.key for m in ctx.mentions_in(s.start, colon) if m.is_state and m.key]
        other = obj[-1] if obj else ctx.subject
        items = _dated_names(ctx, colon + 1, s.end, lambda m: m.is_state)
        for m, d in items or []:
            if other and m.key != other:
                out.append(Candidate(
                    "relation", {"parties": [ctx.label(m.key), ctx.label(other)],
                                 "status": "established", "date": d.value},
                    m.start, d.end + 1, 0.75, "structure-dated-run"))
        return out
    if colon >= 0 and LIST_LABEL.search(head) and not RELATION_CLAUSE.search(head):
        member = ctx.subject or (ctx.pair[0] if ctx.pair else None)
        if member is not None and _partner_heading(ctx, member):
            # round 49: a page with a heading on its relations with a state is no page about
            # that state ("3. Quan hệ với Việt Nam: …" on a page whose own state's name the
            # gazetteer lacks): its labelled memberships are not that state's
            member = None
        bracketed = bracketed_orgs(ctx, colon + 1, s.end)
        if bracketed is not None and member:
            # round 43: "Là thành viên: NATO (29/3/2004), EU (1/5/2004), …, OSCE": each body
            # with its own bracket; one with no date of its own is no fact of the line
            for m, d, founding in bracketed:
                data = {"member": ctx.label(member), "organization": ctx.label(m.key),
                        "start": d.value}
                if founding:
                    data["roles"] = ["full", "founding"]
                out.append(Candidate("membership", data, m.start, d.end + 1, 0.75,
                                     "structure-list"))
            return out
        orgs = _dated_names(ctx, colon + 1, s.end, lambda m: m.is_org)
        if orgs and member:
            for m, d in orgs:
                out.append(Candidate("membership", {"member": ctx.label(member),
                                                    "organization": ctx.label(m.key),
                                                    "start": d.value},
                                     s.start, s.end, 0.75, "structure-list"))
            return out
        head_orgs = [m.key for m in ctx.mentions_in(s.start, colon) if m.is_org and m.key]
        org = head_orgs[0] if head_orgs else ctx.most_named_org("structure-list")
        states = _dated_names(ctx, colon + 1, s.end, lambda m: m.is_state)
        if states and org:
            roles = ["observer"] if re.search(r"observer|quan sát", head, re.I) else ["full"]
            for m, d in states:
                data = {"member": ctx.label(m.key), "organization": ctx.label(org),
                        "start": d.value}
                if roles != ["full"]:
                    data["roles"] = roles
                out.append(Candidate("membership", data, s.start, s.end, 0.75, "structure-list",
                                     [] if head_orgs else [ORG_FROM_DOCUMENT]))
        return out
    if ctx.subject is not None and ctx.section_at(s.start)[1] == "relations":
        # "India, Israel and Turkey (all 1992) were among the other early partners"
        items = _dated_names(ctx, s.start, s.end, lambda m: m.is_state)
        for m, d in items or []:
            if m.key != ctx.subject and m.start >= s.start:
                out.append(Candidate(
                    "relation", {"parties": [ctx.label(m.key), ctx.label(ctx.subject)],
                                 "status": "established", "date": d.value},
                    s.start, s.end, 0.7, "structure-dated-run"))
    return out
