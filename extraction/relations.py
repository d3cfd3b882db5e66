"""Diplomatic relations established, severed, restored or maintained (and their negation, which
becomes a claim, never a relation).

Parties: the names before the verb and those after "with"/"với"; "the two countries" / "hai
nước" is the document's pair (lower confidence); a clause without a subject ("… and restored
them in 1991") shares the previous clause's parties.
"""

from __future__ import annotations

import re

from .context import (
    Candidate,
    Context,
    Sentence,
    group_after,
    group_before,
    keys,
    modal,
    negated,
    pick_date,
    point,
    span_of,
)
from .dates import MONTHS
from .memberships import independence_days

#: (round 36: China's embassy pages quote Taiwan's relations: 'established so-called "diplomatic
#: relations" with the Taiwan authorities', 'broke off its "ties" with Taiwan')
_QUOTED = r"(?:so-called\s+)?[\"“]?"
_REL = (rf"{_QUOTED}(?:full\s+|formal\s+|official\s+)?(?:diplomatic\s+)?(?:relations|ties)\b"
        r"[\"”]?")
#: the determiners a verb of relations takes: "severed its own ties", "restored all relations"
_DET = (r"(?:(?:its|their|all|the|her|his)\s+(?:own\s+)?)?"
        # round 31: a pair with a dash ("restoring China-Nicaragua diplomatic relations")
        r"(?:(?-i:[A-Z])[\w'’]+(?:\s(?-i:[A-Z])[\w'’]+)?\s*[-–]\s*"
        r"(?-i:[A-Z])[\w'’]+(?:\s(?-i:[A-Z])[\w'’]+)?\s+)?")
TRIGGERS = [
    (re.compile(rf"\b(?:re-?establish(?:ed|es|ing)?|restor(?:e|ed|es|ing)|resum(?:e|ed|es|ing)"
                rf"|renew(?:ed|s|ing)?|revive[ds]?|reviving)\s+{_DET}{_REL}"
                r"|\brestor(?:e|ed)\s+them\b", re.I), "restored"),
    (re.compile(rf"\b(?:establish(?:ed|es|ing)?|normali[sz](?:ed|es|ing|e)|forg(?:ed|es|e|ing)"
                rf"|open(?:ed|s)?|set(?:s|ting)?\s+up)\s+{_DET}{_REL}", re.I),
     "established"),
    (re.compile(rf"\b(?:sever(?:ed|s|ing)?|cut(?:s|ting)?|broke(?:n)?\s+off|break(?:s|ing)?\s+off"
                rf"|terminat(?:ed|es|e|ing)|end(?:ed|s)?)"
                rf"\s+{_DET}{_QUOTED}(?:full\s+|formal\s+|official\s+)?diplomatic\s+"
                rf"(?:relations|ties)\b[\"”]?"
                rf"|\b(?:sever(?:ed|s|ing)?|cut(?:s|ting)?|broke(?:n)?\s+off|break(?:s|ing)?\s+off"
                rf"|froze|freez(?:e|es|ing))\s+{_DET}{_REL}"
                # round 24: "It ended relations with Taiwan on 15 January 2024"
                rf"|\bend(?:ed|s)\s+{_DET}{_REL}(?=\s+with\s)"
                # "Indonesia and China set up relations in 1950. Jakarta froze them in 1967"
                r"|\b(?:severed|froze|broke\s+off)\s+them\b(?=[^.;]{0,30}\b(?:in|on)\s+\d)"
                # round 19: "Georgia broke them off in 2008"
                r"|\b(?:broke|cut)\s+them\s+off\b(?=[^.;]{0,30}\b(?:in|on)\s+\d)",
                re.I), "severed"),
    # round 28: a suspension is its own status (the ontology's `suspended`): "Belize
    # suspended its diplomatic relations with X", "Beijing suspended relations with Belmopan",
    # "tuyên bố đình chỉ quan hệ ngoại giao với Nicaragua", "tạm ngừng quan hệ ngoại giao"
    (re.compile(rf"\bsuspend(?:ed|s|ing)?\s+{_DET}{_REL}"
                r"|(?:đình\s+chỉ|tạm\s+ngừng|tạm\s+đình\s+chỉ)\s+quan\s+hệ(?:\s+ngoại\s+giao)?",
                re.I), "suspended"),
    # round 28: a recognition of one government in place of another ("In October 1989 it
    # recognised the Republic of China instead"): relations established with it
    (re.compile(r"\brecogni[sz]ed(?=\s+(?:the\s+)?(?-i:[A-Z])[^.;,]{2,50}?\s+instead\b)", re.I),
     "established"),
    # round 29: a recognition of one of the two Chinese governments ("Ngày 20/11/1998, Majuro
    # công nhận Đài Loan", "In 1998 it recognised Taipei"): relations established with it (the
    # corpus convention for a switch of recognition); other recognitions are left alone
    (re.compile(r"\brecogni[sz]ed(?=\s+(?:Taiwan|Taipei|Beijing|the\s+People's\s+Republic\s+of\s+"
                r"China|the\s+Republic\s+of\s+China)\b(?!['’]s))"
                r"|(?<!\w)(?<!chưa\s)(?<!không\s)(?<!bao\sgiờ\s)công\s+nhận(?=\s+(?:Đài\s+Loan|Đài\s+Bắc"
                r"|Bắc\s+Kinh|Cộng\s+hòa\s+Nhân\s+dân\s+Trung\s+Hoa)(?!\w))"),
     "established"),
    # a participle after the relations: "the seventieth year of diplomatic relations between
    # the two countries, established in 1954"
    (re.compile(r"\bdiplomatic\s+(?:relations|ties)\s+between\s+(?:the\s+two\s+"
                r"(?:countries|nations|states)|both\s+countries)\s*,\s+(?:first\s+)?established"
                r"(?=\s+(?:in|on)\s)", re.I),
     "established"),
    # round 24: "Relations with Russia, established on 6 April 1992, have been strained …" (the
    # text's state and the state after "with")
    (re.compile(r"\b(?:relations|ties)\s+with\s+(?=(?:the\s+)?(?-i:[A-Z])[^,;.]{0,40},\s+(?:first\s+)?"
                r"established\s+(?:in|on)\s)", re.I),
     "established"),
    # round 24: "… resumed diplomatic relations, which had first been established in 2002"
    (re.compile(r"(?:(?<=relations,\s)|(?<=ties,\s))which\s+(?:had\s+)?(?:first\s+|originally\s+)?"
                r"been\s+established(?=\s+(?:in|on)\s)", re.I),
     "established"),
    (re.compile(r"\b(?:continues?|continued)\s+to\s+recogni[sz]e\b"
                r"|\bmaintain(?:s|ed)?\s+(?:diplomatic\s+)?relations\b"
                # round 29: "duy trì quan hệ chính thức với Đài Bắc" (official relations)
                r"|(?<!\w)duy trì quan hệ (?:ngoại giao|chính thức)", re.I), "maintained"),
    # round 29: "The two countries have had formal ties since November 1998", "A has had
    # diplomatic relations with B since 1963", "hai nước có quan hệ ngoại giao chính thức từ
    # năm 1998": relations established at the date after "since" / "từ"
    (re.compile(rf"\bha(?:s|ve|d)\s+had\s+{_REL}(?=(?:\s+with\s[^.;]{{2,50}}?)?\s+since\s)"
                r"|(?<!\w)(?:đã\s+)?có\s+quan\s+hệ\s+(?:ngoại\s+giao\s+)?(?:chính\s+thức\s+)?"
                r"(?=(?:với\s[^.;]{2,50}?)?\s*(?:từ|kể\s+từ)\s+(?:năm\s+|tháng\s+|ngày\s+)?\d)",
                re.I), "established"),
    # "X has diplomatic relations with Y": relations exist, i.e. were established (the seeds'
    # convention); "continues to recognise" is "maintained"
    (re.compile(r"\bha(?:s|ve)\s+(?:full\s+)?diplomatic\s+relations\s+with\b", re.I),
     "established"),
    (re.compile(r"\b(?:ha(?:s|ve)|had)\s+no\s+(?:diplomatic\s+)?relations\b", re.I), "none"),
    (re.compile(r"(?:thiết lập|bình thường hóa|bình thường hoá)\s+quan hệ(?:\s+ngoại giao)?"
                r"(?!\s+(?:Đối tác|đối tác))"
                r"|(?<!\w)(?<!thiết\s)(?<!thành\s)lập\s+quan hệ\s+ngoại giao"
                # round 44: "Hai nước đặt quan hệ ngoại giao trực tiếp năm 1927", "… chính thức
                # đặt quan hệ ngoại giao ngày 14/2/1965" (test69, test72; "đặt" as "lập")
                r"|(?<!\w)đặt\s+quan hệ\s+ngoại giao", re.I),
     "established"),
    (re.compile(r"(?:khôi phục|nối lại|tái lập|tái thiết lập)\s+quan hệ(?:\s+ngoại giao)?", re.I),
     "restored"),
    (re.compile(r"(?:cắt đứt|cắt|đoạn tuyệt)\s+quan hệ(?:\s+ngoại giao)?"
                r"|chấm dứt\s+quan hệ\s+ngoại giao"
                # round 19: "… và chấm dứt quan hệ với Đài Loan" (never "quan hệ đối tác")
                r"|chấm dứt\s+quan hệ(?=\s+với\s)", re.I), "severed"),
]


def _paren_date(ctx: Context, m, b: int):  # noqa: ANN001, ANN202
    """The first parenthesised date after mention ``m`` before ``b`` (shared by the names
    before it)."""
    for d in ctx.dates_in(m.end, b):
        if "(" in ctx.text[max(m.end, d.start - 8) : d.start] and d.value is not None:
            return d
    return None


def _actor(m) -> bool:  # noqa: ANN001
    """States, their capitals and adjectives, and the EU can hold diplomatic relations."""
    return m.is_state or m.how in ("demonym", "capital") or m.key == "EU"


def _actors_after(ctx: Context, b: int, right: int) -> list:
    """The states (and the EU) named after "with": a coordinated list, never past a semicolon
    ("… with the new state; China was the first …")."""
    stop = ctx.text.find(";", b, right)
    return group_after(ctx, b, stop if stop >= 0 else right, states_only=False, keep=_actor)


def local_pair(ctx: Context, s: Sentence, pos: int) -> list[str]:
    """"The two countries" / "hai nước": the two states the sentence names before ``pos``
    ("A established relations with B in 1974, but the two countries severed them in 1975"),
    else the document's pair."""
    named = keys([x for x in ctx.mentions_in(s.start, pos) if _actor(x) and x.how != "demonym"
                  and not (x.how in ("capital", "city") and re.search(
                      # round 20: "Ngày …, tại Belgrade, A và B ký …": the place is no party
                      r"(?:\b(?:in|at)|(?<!\w)(?:tại|ở))\s+$", ctx.text[max(0, x.start - 5)
                                                                       : x.start]))])
    if len(named) == 1 and ctx.subject is not None and named[0] != ctx.subject:
        # a text on one state: "Relations with Belarus were frozen in 2021; the two countries
        # have not restored them since" (the subject and Belarus)
        return [ctx.subject, named[0]]
    # (round 27: else the pair the context reads there: the state of the section's heading, of
    # the sentence before in a text on one state — "Macedonia công nhận Kosovo tháng 10/2008.
    # Sau khi …, hai nước thiết lập quan hệ ngoại giao …")
    return named if len(named) == 2 else list(ctx.local_pair(pos))


PASSIVE = re.compile(
    r"\b(?:full\s+|formal\s+)?(?:diplomatic\s+)?relations(?:,\s+which)?\s+"
    r"(?:(?:between|with)\s+[^.;]{3,60}?\s+)?"
    r"(?:were|was|(?:have|has|had)\s+(?:not\s+|never\s+)?been)\s+(?:(re-?established|restored|resumed)|(established"
    r"|normali[sz]ed)|(severed|broken\s+off|cut))\b"
    r"|quan hệ ngoại giao(?:\s+giữa\s+[^.;]{3,60}?)?\s+(?:đã\s+)?được\s+(?:(khôi phục|nối lại)"
    r"|(thiết lập|bình thường hóa))", re.I)


#: "quan hệ bị đóng băng từ năm 1967 và được khôi phục ngày 8/8/1990", "relations were frozen"
PASSIVE_STATE = re.compile(
    r"(?:(?<!\w)quan hệ(?:\s+ngoại giao)?(?:\s+(?:đầy đủ|chính thức))?(?:\s+với\s+[^.;,]{2,40}?)?"
    r"\s+(?:đã\s+)?"
    r"|(?<!\w)và\s+(?:đã\s+)?)"
    r"(?:bị\s+(cắt đứt|đóng băng|gián đoạn)|được\s+(khôi phục|nối lại)|được\s+(bình thường hóa"
    r"|bình thường hoá|thiết lập))"
    r"|\b(?:diplomatic\s+)?relations\s+(?:with\s+[^.;,]{2,40}?\s+)?(?:were|was)\s+(frozen|suspended)\b"
    # "They were fully restored in January 2022" after "Relations with X were downgraded …"
    r"|\b(?:They|These\s+ties|Ties)\s+were\s+(?:fully\s+|formally\s+)?(restored|normali[sz]ed)\b"
    # "Full diplomatic relations followed in January 1980"
    r"|\b(?:full\s+|formal\s+)?(?:diplomatic\s+)?relations\s+(followed|came)\b"
    # "Relations with Japan date from 26 January 1992"
    r"|\b(?:diplomatic\s+)?relations\s+with\s+[^.;,]{2,40}?\s+(date\s+(?:from|back\s+to)"
    r"|began\s+(?:in|on))\b", re.I)


def _passive_state(ctx: Context) -> list[Candidate]:
    """Relations that were frozen or severed and then restored, in the passive, with the
    sentence's two states (or the document's pair)."""
    out = []
    for s in ctx.sents:
        for m in PASSIVE_STATE.finditer(ctx.text, s.start, s.end):
            if m.group().lower().startswith("và") and not re.search(
                    r"quan hệ", ctx.text[max(s.start, m.start() - 60) : m.start()], re.I):
                continue
            if re.match(r"\s*(?:Đối tác|đối tác)", ctx.text[m.end() : m.end() + 8]):
                continue
            status = "restored" if m.group(2) or m.group(5) else "established" if (
                m.group(3) or m.group(6) or m.group(7)) else "suspended" if (
                # round 28: "relations were suspended in 1967" (frozen relations stay severed,
                # the corpus convention)
                (m.group(4) or "").lower() == "suspended") else "severed"
            if negated(ctx, m.start(), s.start) or modal(ctx, m.start(), s.start):
                continue
            named = keys([x for x in ctx.mentions_in(s.start, m.end()) if _actor(x)
                          and x.how != "demonym"])
            if m.group(5) and m.start() != s.start:
                # "… broke off diplomatic relations with Israel in June 1967; they were
                # restored in 1990": the relations of the clause before, in the sentence
                if not re.search(r";\s*$|,\s+and\s+$", ctx.text[s.start : m.start()]) \
                        or not re.search(r"\b(?:relations|ties)\b", ctx.text[s.start : m.start()]) \
                        or len(named) != 2:
                    continue
            elif m.group(5):
                # "They …": the relations the sentence before is about ("Relations with Saudi
                # Arabia were downgraded …")
                before = [p for p in ctx.sents if p.end <= s.start]
                about = re.match(r"\s*(?:Diplomatic\s+)?[Rr]elations\s+with\s+", before[-1].text) \
                    if before else None
                if about is None:
                    continue
                at = before[-1].start + about.end()
                named = keys([x for x in ctx.mentions_in(at, before[-1].end) if _actor(x)
                              and x.start == at])
            if len(named) == 1 and ctx.subject is not None and named[0] != ctx.subject:
                # "Quan hệ với Nhật Bản được bình thường hóa năm 1965" in a text on one state
                named = [ctx.subject, named[0]]
            elif len(named) != 2 and not named and ctx.pair_word_in(s.start, m.start()):
                # "Quan hệ hai nước xấu đi … và được khôi phục …": the pair named before
                named = ctx.pair_near(m.start())
            elif len(named) != 2:
                named = list(ctx.pair)
            if len(named) != 2 or not (ctx.subject or ctx.pair_strong or len(keys(
                    [x for x in ctx.mentions_in(s.start, m.start()) if _actor(x)])) == 2):
                continue
            # (an explicit day after a comma is the clause's: "formal relations came only five
            # years later, on 7 February 1957")
            stop = re.search(r"[,;](?!\s*(?:on|in)\s+\d)|\svà\s|\sand\s", ctx.text[m.end() : s.end])
            d = pick_date(ctx, m.end(), m.end() + stop.start() if stop else s.end, m.end())
            data = {"parties": [ctx.label(k) for k in named], "status": status}
            flags = ["pair-from-document"]
            if d is not None and point(d):
                data["date"] = point(d)
                flags += [f for f in d.flags if f != "unresolved"]
            out.append(Candidate("relation", data, *span_of((m.start(), m.end()), d), 0.7,
                                 f"relation-{status}-passive", flags))
            if m.group(7) and ctx.subject in named:
                # round 47: "Relations with Japan date from May 1971, with Mexico from 23
                # December 1975 and with Guyana from 24 May 1977": the other partners of the
                # shared verb, as after "were established" (round 29)
                out += _gapped_partners(ctx, d.end if d is not None else m.end(), s.end,
                                        ctx.subject, status, 0.7, flags)
    return out


#: a participle sharing the subject of a passive relation: ", suspended in 1979 and restored in"
_CHAIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:were\s+|was\s+)?(?:then\s+|later\s+)?"
                    r"(suspended|severed|broken\s+off|cut|frozen|restored|resumed"
                    r"|re-?established)\s+(?:in|on)\s+", re.I)


def _passive(ctx: Context) -> list[Candidate]:
    """"Diplomatic relations were established on that day", "relations between A and B were
    restored in 1991", "quan hệ ngoại giao được thiết lập ngày …": the states named in the
    clause, else (with lower confidence) the document's pair."""
    out = []
    for s in ctx.sents:
        for m in PASSIVE.finditer(ctx.text, s.start, s.end):
            status = "restored" if (m.group(1) or m.group(4)) else \
                "established" if (m.group(2) or m.group(5)) else "severed"
            if modal(ctx, m.start(), s.start):
                continue
            is_negated = negated(ctx, m.start(), s.start) or bool(
                re.search(r"\b(?:not|never)\s+been\b", m.group(), re.I))
            named = keys([x for x in ctx.mentions_in(m.start(), m.end()) if _actor(x)])
            conf, flags = 0.8, []
            if len(named) == 1 and ctx.subject is not None and named[0] != ctx.subject \
                    and re.search(r"\bwith\s", m.group()):
                # "Relations with China were established on …" in a text on one state
                named, conf = [ctx.subject, named[0]], 0.75
                flags.append("party-from-document")
            if len(named) < 2 and ctx.subject is not None:
                # a text on one state: the sentence's (or the sentence before's) two states, or
                # the section's partner; never the whole text's pair ("On 5 June 2017 A, B, C and
                # D cut ties with Qatar. Relations were restored in January 2021")
                near = ctx.pair_near(m.start())
                section = ctx.section_at(m.start())[0]
                named = near if near != list(ctx.pair) else (
                    [ctx.subject, section] if section else [])
                conf = 0.65
            elif len(named) < 2 and len(local_pair(ctx, s, m.start())) == 2 and ctx.pair_strong:
                named, conf = local_pair(ctx, s, m.start()), 0.65
                flags.append("pair-from-document")
            if len(named) != 2:
                continue
            if is_negated:
                # "Relations have not been broken off, although …": a characterisation of the
                # two, never a relation
                out.append(Candidate("claim", {"claim_type": "characterisation",
                                               "subjects": [ctx.label(k) for k in named]},
                                     m.start(), m.end(), round(conf - 0.1, 2),
                                     "relation-negated-passive", flags))
                continue
            stop = re.search(r"[,;]", ctx.text[m.end() : s.end])
            d = pick_date(ctx, m.end(), m.end() + stop.start() if stop else s.end, m.end())
            data = {"parties": [ctx.label(k) for k in named], "status": status}
            if d is not None and point(d):
                data["date"] = point(d)
                flags += [f for f in d.flags if f != "unresolved"]
            out.append(Candidate("relation", data, *span_of((m.start(), m.end()), d), conf,
                                 f"relation-{status}-passive", flags))
            # "… were established on 25 April 1961, suspended in 1979 and restored in 1989":
            # the participles that share the subject, each with its own date
            pos = d.end if d is not None else m.end()
            while (more := _CHAIN.match(ctx.text, pos, s.end)) is not None:
                nxt = [x for x in ctx.dates_in(more.end(), s.end) if x.start == more.end()
                       and point(x)]
                if not nxt:
                    break
                word = more.group(1).lower()
                st = "restored" if word.startswith(("rest", "resum", "re-", "reest")) \
                    else "severed"  # (a suspension of relations is read as severed)
                out.append(Candidate("relation", {"parties": data["parties"], "status": st,
                                                  "date": point(nxt[0])},
                                     more.start(1), nxt[0].end, round(conf - 0.05, 2),
                                     f"relation-{st}-passive-chained", list(flags)))
                pos = nxt[0].end
            if ctx.subject in named:
                # "…, and with Vietnam on 7 June 1978"
                out += _gapped_partners(ctx, d.end if d is not None else m.end(), s.end,
                                        ctx.subject, status, conf, flags)
    return out


#: "Among the first states to establish diplomatic relations with Kazakhstan were Japan, South
#: Korea and Vietnam (all in 1992)"
AMONG_FIRST = re.compile(r"\bAmong\s+the\s+(?:first|earliest)\s+(?:\w+\s+)?(?:states|countries"
                         r"|nations)\s+to\s+(?:establish|open)\s+(?:full\s+)?(?:diplomatic\s+)?"
                         r"(?:relations|ties)\s+with\s+", re.I)


def _among_first(ctx: Context) -> list[Candidate]:
    """The states listed after "Among the first states to establish relations with X were",
    each with X, dated by the list's shared year ("(all in 1992)") or its own."""
    out = []
    for m in AMONG_FIRST.finditer(ctx.text):
        s = ctx.sentence_of(m.start())
        host = [x for x in ctx.mentions_in(m.end(), s.end) if x.start == m.end() and _actor(x)]
        verb = re.match(r"\s+(?:were|was|are)\s+", ctx.text[host[0].end : s.end]) if host \
            else None
        if not host or verb is None:
            continue
        at = host[0].end + verb.end()
        group = [x for x in group_after(ctx, at, s.end) if _actor(x) and x.key != host[0].key]
        if not group or group[0].start != at:
            continue
        shared = re.match(r"\s*\(\s*(?:all|both|each)\s+(?:in\s+)?",
                          ctx.text[group[-1].end : s.end])
        for x in group:
            d = None
            if shared:
                d = pick_date(ctx, group[-1].end, s.end, group[-1].end)
            else:
                own = re.match(r"\s*\(", ctx.text[x.end : x.end + 3])
                d = pick_date(ctx, x.end, x.end + 12, x.end) if own else None
            data = {"parties": [ctx.label(host[0].key), ctx.label(x.key)], "status": "established"}
            flags: list[str] = []
            if d is not None and point(d):
                data["date"] = point(d)
                flags += [f for f in d.flags if f != "unresolved"]
            out.append(Candidate("relation", data, *span_of((m.start(), x.end), d), 0.75,
                                 "relation-among-first", flags))
    return out


#: a pronoun opening a clause right before its verb: "…, and it cut ties …", "; nước này cắt …"
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but)\s+|(?<!\w)(?:và|nhưng)\s+)"
                              r"(?-i:it|It|nước\s+này|Nước\s+này)\s+"
                              r"(?:(?:has|had|also|then|later|đã|cũng|sau\s+đó)\s+)*$")


def _restored_after_severance(ctx: Context, out: list[Candidate], a: int,
                              status: str | None = "severed") -> list[str]:
    """Round 19: a restoration that names no partner ("Ngày 18/3/2009, Tổng thống X ký sắc lệnh
    khôi phục quan hệ") restores the relations whose severance the text told last, within the
    two sentences before."""
    i = next((n for n, x in enumerate(ctx.sents) if x.start <= a < x.end), 0)
    floor = ctx.sents[max(0, i - 2)].start
    cut = [c for c in out if c.type == "relation" and status in (None, c.data.get("status"))
           and floor <= c.start < a and len(c.data.get("parties", [])) == 2]
    by_label = {ctx.label(m.key): m.key for m in ctx.mentions if m.key}
    return [by_label[x] for x in cut[-1].data["parties"] if x in by_label] if cut else []


#: round 22: a restoration "with all four", "with both", "với cả bốn nước", "with all of them"
#: round 28: a relative clause of severance after a restoration's object: "to restore the
#: relations they broke off in 2016", "khôi phục quan hệ … đã cắt đứt từ năm 2016"
_RELATIVE_CUT = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:they|the\s+two\s+(?:countries|governments|states|sides))\s+"
    r"(?:had\s+|have\s+)?(?:broke(?:n)?\s+off|cut(?:\s+off)?|severed|suspended|froze|frozen)\b"
    r"|\s+(?:mà\s+)?(?:hai\s+(?:nước|bên)\s+)?(?:đã\s+)?(?:bị\s+)?cắt\s+đứt\b", re.I)

_ALL_OF_THEM = re.compile(
    r"\s+(?:(?:diplomatic\s+)?(?:relations|ties)\s+|quan\s+hệ(?:\s+ngoại\s+giao)?\s+)?"
    r"(?:with|với)\s+(?:all|both|each|cả|tất\s+cả)\b", re.I)


def _severed_together(ctx: Context, out: list[Candidate], a: int) -> list[tuple[str, str]]:
    """Round 22: the pairs of the severance :func:`_restored_after_severance` reads, and of every
    severance told in the same sentence with the same party ("broke off relations with A, B, C
    and D. It restored relations with all four …")."""
    i = next((n for n, x in enumerate(ctx.sents) if x.start <= a < x.end), 0)
    floor = ctx.sents[max(0, i - 2)].start
    cut = [c for c in out if c.type == "relation" and c.data.get("status") == "severed"
           and floor <= c.start < a and len(c.data.get("parties", [])) == 2]
    if not cut:
        return []
    sent = next((x for x in ctx.sents if x.start <= cut[-1].start < x.end), None)
    if sent is None:
        return []
    by_label = {ctx.label(m.key): m.key for m in ctx.mentions if m.key}
    last = set(cut[-1].data["parties"])
    pairs: list[tuple[str, str]] = []
    for c in cut:
        if sent.start <= c.start < sent.end and last & set(c.data["parties"]):
            x, y = c.data["parties"]
            if x in by_label and y in by_label and (by_label[x], by_label[y]) not in pairs:
                pairs.append((by_label[x], by_label[y]))
    return pairs if len(pairs) > 1 else []


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = _passive(ctx) + _passive_state(ctx) + _among_first(ctx)
    for s in ctx.sents:
        found = []
        for rx, status in TRIGGERS:
            for m in rx.finditer(ctx.text, s.start, s.end):
                if re.search(r"(?<!\w)(?:hiệp\s+định|thỏa\s+thuận|thoả\s+thuận|hiệp\s+ước"
                             r"|nghị\s+định\s+thư|tuyên\s+bố\s+chung)\s+(?:về\s+(?:việc\s+)?)?$"
                             r"|\b(?:agreement|treaty|accord|protocol|communiqu[eé])\s+on\s+"
                             r"(?:the\s+)?$", ctx.text[max(s.start, m.start() - 30) : m.start()],
                             re.I):
                    continue  # round 20: a title ("ký Hiệp định bình thường hóa quan hệ"): the
                    # agreement is the fact, the relation it provides for is not stated here
                if not any(m.start() < b and a < m.end() for a, b, _ in found):
                    found.append((m.start(), m.end(), status))
        found.sort()
        prev_parties: list[str] = []
        prev_subject: list[str] = []
        prev_end = s.start
        for n, (a, b, status) in enumerate(found):
            every: list[tuple[str, str]] = []
            right = found[n + 1][0] if n + 1 < len(found) else s.end
            semi = ctx.text.find(";", b, right)
            right = semi if semi >= 0 else right  # a clause's date and partners end at ";"
            other = re.search(r",\s+(?:and|but|while|và|còn|nhưng)\s+(?-i:[A-ZĐ])"
                              # "…, rồi khôi phục năm 2023", "…, then restored them in 2023": a
                              # second verb's clause, with its own date
                              r"|,?\s+(?:rồi|and\s+then|then|sau\s+đó)\s+(?:(?:đã|lại)\s+)?"
                              r"(?:khôi\s+phục|nối\s+lại|restored|resumed|re-?established|cắt"
                              r"|severed|broke)", ctx.text[b:right], re.I)
            right = b + other.start() if other else right  # ", and Iran reopened …"
            cut = _RELATIVE_CUT.match(ctx.text, b, right) if status == "restored" else None
            cut_date = None
            if cut is not None:
                # round 28: "agreed to restore the relations they broke off in 2016": the
                # severance is a fact of its own, dated in the relative clause; the
                # restoration takes the clause's date before it (or none)
                cut_date = pick_date(ctx, cut.end(), right, cut.end())
                right = b
            if ctx.lang == "vi" and status == "established" and "ngoại giao" not in ctx.text[a:b] \
                    and "công nhận" not in ctx.text[a:b] \
                    and "bình thường" not in ctx.text[a:b].lower() and not _dated_partners(
                        ctx, b, right):
                continue  # "thiết lập quan hệ" alone is often a partnership
            if re.search(r"(?:(?<!\w)(?:kể\s+)?từ\s+khi|\bsince|\bever\s+since)\s+(?:(?:hai\s+nước"
                         r"|the\s+two\s+(?:countries|states|nations))\s+)?(?:(?:đã|first)\s+)?$",
                         ctx.text[max(s.start, a - 30) : a], re.I) \
                    and not ctx.dates_in(b, min(right, b + 25)):
                # round 19: "… chuyến thăm đầu tiên … kể từ khi hai nước thiết lập quan hệ ngoại
                # giao", "the first visit since the two countries established relations": a
                # reference to the establishment, dated elsewhere, never by this sentence
                prev_end = b
                continue
            if re.search(r"(?<!\w)kỷ\s+niệm\s+(?:\S+\s+){1,3}năm\s+(?:ngày\s+)?$|\banniversary\s+of"
                         r"\s+(?:the\s+)?$"
                         # round 20: a count of years before the verb ("đúng dịp 75 năm thiết
                         # lập quan hệ ngoại giao", "after 30 years of establishing relations")
                         r"|(?<![\w/.])\d{1,3}\s+(?:năm|years\s+(?:of|since))\s+(?:ngày\s+)?$",
                         ctx.text[max(s.start, a - 30) : a], re.I) \
                    and "(" not in ctx.text[b : b + 20]:
                continue  # "kỷ niệm 30 năm thiết lập quan hệ": the anniversary, not its date
            def _place(m) -> bool:  # noqa: ANN001
                return m.how in ("capital", "city") and bool(re.search(
                    r"\b(?:in|at|from)\s+$|(?<!\w)(?:tại|ở)\s+$",
                    ctx.text[max(0, m.start - 6) : m.start]))  # "agreed in Beijing …"

            near = group_before(ctx, prev_end, a, states_only=False)
            aside = re.search(r",\s+(?:in|at|during|after)\s[^,;]{0,40}$",
                              ctx.text[max(prev_end, near[0].start - 45) : near[0].start]) \
                if near else None
            if aside is not None and re.fullmatch(r"\s*,\s*to\s+", ctx.text[near[-1].end : a]):
                # round 28: "Riyadh and Tehran agreed, in talks hosted by Beijing, to restore
                # …": the names of the aside are no subject; the group before it is
                at = max(prev_end, near[0].start - 45) + aside.start()
                near = group_before(ctx, prev_end, at, states_only=False)
            subj = [m for m in near if _actor(m) and not _place(m)]
            if subj and prev_subject and re.search(r"(?:\bwith|(?<!\w)với)\s+(?:the\s+)?$",
                                                   ctx.text[max(s.start, subj[0].start - 10)
                                                            : subj[0].start], re.I) \
                    and re.match(r"\s*,?\s+(?:and|và)\s", ctx.text[subj[-1].end : a]):
                # round 32: "A cắt đứt quan hệ với Đài Loan, chấm dứt … với Đài Bắc, và cùng
                # ngày thiết lập quan hệ … với Trung Quốc", "A broke off relations with
                # Taipei and the same day established relations with Beijing": the object of
                # the clause before is no subject; the shared subject is
                subj = []
            if near and not subj and all(_place(m) for m in near) and re.fullmatch(
                    r"\s*(?:,\s*)?(?:to|on|and\s+to|,\s+to)\s+", ctx.text[near[-1].end : a], re.I):
                # round 28: "Riyadh and Tehran agreed in Beijing to restore …": the subject is
                # the group before the place
                subj = [m for m in group_before(ctx, prev_end, near[0].start, states_only=False)
                        if _actor(m) and not _place(m)]
            if ctx.subject is not None and _PRONOUN_SUBJECT.search(
                    ctx.text, max(prev_end, s.start, a - 40), a):
                # round 19: "…, which followed Russia, and it cut ties with Syria": the pronoun
                # opening the clause is the text's state, never the name before it
                subj = [x for x in ctx.mentions if x.key == ctx.subject][:1]
            recognise = re.search(r"recogni|công\s+nhận", ctx.text[a:b], re.I)
            obj = _actors_after(ctx, b, right) if recognise or re.match(
                r"\s*(?:,\s*)?(?:with|với|between|giữa)\s+", ctx.text[b:right], re.I) or \
                re.search(r"(?:with|với)\s*$", ctx.text[max(0, b - 6) : b]) else []
            if len(obj) >= 2 and n + 1 < len(found) and re.fullmatch(
                    r"\s*,\s*", ctx.text[obj[-2].end : obj[-1].start]) and re.fullmatch(
                    r"\s*(?:(?:tuyên\s+bố|announced|đã|then|also|later|in\s+turn)\s+)*",
                    ctx.text[obj[-1].end : found[n + 1][0]], re.I):
                # round 28: "… khôi phục quan hệ với Đài Bắc, Trung Quốc tuyên bố đình chỉ
                # quan hệ …": the last name after a comma is the next verb's subject
                obj = obj[:-1]
            if subj and not obj:
                # "… Triều Tiên, nước mà La Habana thiết lập quan hệ …", "North Korea, with
                # which Havana established relations …": the state the relative clause is about
                rel = re.search(r"(?:,\s*|\s)(?:(?:nước|quốc gia)\s+mà|with\s+which|với\s+(?:nước|"
                                r"quốc gia)\s+(?:này\s+)?(?:mà\s+)?)\s*$",
                                ctx.text[max(s.start, subj[0].start - 30) : subj[0].start], re.I)
                if rel:
                    at = max(s.start, subj[0].start - 30) + rel.start()
                    antecedent = [x for x in ctx.mentions_in(s.start, at) if _actor(x)
                                  and not ctx.text[x.end : at].strip()] or [
                        # "North Korea as the only United Nations member with which Seoul …"
                        x for x in ctx.mentions_in(max(s.start, at - 60), at)
                        if x.is_state and x.key and x.how == "name"
                        and re.match(r"\s+as\s+(?:the|a|an)\s", ctx.text[x.end : at])]
                    obj = antecedent[-1:]
            pair_word = ctx.pair_word_in(prev_end, a)
            if not obj and status == "established":
                # round 42: the pair named after the verb, as a joint communiqué's title and
                # its caption name it: "Thông cáo chung về việc thiết lập quan hệ ngoại giao
                # giữa hai nước", "… thiết lập quan hệ ngoại giao Việt Nam - Tu-va-lu"
                two = re.match(r"\s*(?:giữa\s+hai\s+(?:nước|quốc\s+gia)|between\s+the\s+two"
                               r"\s+(?:countries|states|nations))(?!\w)", ctx.text[b:right], re.I)
                dash = [x for x in ctx.mentions_in(b, right) if _actor(x)][:2]
                if two and len(ctx.pair) == 2 and ctx.pair_word_in(b, b + two.end()):
                    pair_word, subj = ctx.pair_word_in(b, b + two.end()), []
                elif len(dash) == 2 and re.fullmatch(r"\s+", ctx.text[b : dash[0].start]) \
                        and re.fullmatch(r"\s*[-–]\s*", ctx.text[dash[0].end : dash[1].start]):
                    subj, obj = [], dash
            conf, flags = 0.9, []
            parties = keys(subj) + [k for k in keys(obj) if k not in keys(subj)]
            if subj and pair_word and pair_word[0] > subj[-1].end and len(ctx.pair) == 2:
                # "A recognised B in 1950, and the two governments opened diplomatic relations
                # on …": the pair word is the clause's subject, not the name before it
                subj = []
            if not subj and pair_word and len(ctx.pair) == 2:
                two = local_pair(ctx, s, pair_word[0])
                parties, conf = two + [k for k in keys(obj) if k not in two], 0.75
                flags.append("pair-from-document")
            elif not subj and prev_parties:
                # a shared subject ("A cut ties with B and restored relations with C")
                parties = prev_subject + [k for k in keys(obj) if k not in prev_subject] \
                    if obj and prev_subject else prev_parties
            elif not subj:
                # "it broke off …": the nearest state earlier in the sentence
                earlier = group_before(ctx, s.start, a)
                before = [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph]
                if not earlier and obj and before and re.fullmatch(
                        r"\s*(?-i:It|They)\s+(?:(?:then|also|later|formally|officially)\s+)?",
                        ctx.text[s.start : a]):
                    # round 24: "… Nauru switched recognition from Taipei to Beijing. It ended
                    # relations with Taiwan on …": the state opening the sentence before
                    first = [x for x in ctx.mentions_in(before[-1].start, before[-1].end)
                             if _actor(x) and x.is_state]
                    earlier = first[:1] if first and not re.search(
                        r"[,;:]", ctx.text[before[-1].start : first[0].start]) else []
                if earlier:
                    parties = keys(earlier)[:1] + [k for k in keys(obj) if k not in keys(earlier)]
            mutual = len(keys(subj)) == 2 and (not re.match(
                r"\s*,?\s*(?:with|với)\s", ctx.text[b:right], re.I) or re.match(
                r"\s*,?\s*(?:with\s+(?:each\s+other|one\s+another)|với\s+nhau)(?!\w)",
                ctx.text[b:right], re.I)) and not re.search(
                r"\b(?:all|both|each)\b|(?<!\w)đều(?!\w)", ctx.text[subj[-1].end : a], re.I)
            if ctx.subject is not None and len(subj) >= 2 and not obj and not mutual \
                    and ctx.subject not in keys(subj):
                # "China, Australia and Portugal established diplomatic relations with the new
                # state": each with the text's subject
                parties = [*keys(subj), ctx.subject]
                flags.append("party-from-document")
            elif len(parties) == 1 and ctx.subject is not None \
                    and not s.text.rstrip().endswith(":"):
                # a text on one state's relations: the subject is the other party, or the
                # sentence's one other state ("it recognised Kazakhstan … and established
                # diplomatic relations the next day")
                others = [k for k in keys([x for x in ctx.mentions_in(s.start, s.end)
                                           if _actor(x)]) if k != ctx.subject]
                other = ctx.subject if parties[0] != ctx.subject else (
                    others[0] if len(others) == 1 else None)
                if other is not None:
                    parties.append(other)
                    conf -= 0.1
                    flags.append("party-from-document")
            elif len(parties) == 1 and ctx.other(parties[0]) and ctx.pair_strong \
                    and not s.text.rstrip().endswith(":"):
                parties.append(ctx.other(parties[0]))
                conf -= 0.15
                flags.append("party-from-document")
            is_negated = status == "none" or negated(ctx, a, max(prev_end, a - 40))
            if status == "none" or is_negated:
                if parties:
                    out.append(Candidate(
                        "claim",
                        {"claim_type": "characterisation",
                         "subjects": [ctx.label(k) for k in parties]},
                        *span_of(subj, obj, (a, b)), conf - 0.1, "relation-negated", flags))
                prev_end, prev_parties = (obj[-1].end if obj else b), parties
                prev_subject = keys(subj) or prev_subject
                continue
            if modal(ctx, a, prev_end) and not re.search(r"\bagree", ctx.text[prev_end:a], re.I):
                out.append(Candidate(
                    "claim",
                    {"claim_type": "intention", "modality": "intended",
                     "subjects": [ctx.label(k) for k in parties]},
                    *span_of(subj, (a, b)), conf - 0.1, "relation-intended", flags))
                prev_end, prev_parties = (obj[-1].end if obj else b), parties
                prev_subject = keys(subj) or prev_subject
                continue
            if len(parties) < 2 and status == "severed" and not obj and re.search(
                    r"\bthem\b", ctx.text[a:b]):
                # round 19: "Relations with Russia were established on …. Georgia broke them
                # off in 2008": the relations of the sentence before
                cut = _restored_after_severance(ctx, out, a, None)
                if len(cut) == 2 and (not parties or parties[0] in cut):
                    parties, conf = cut, conf - 0.1
                    flags.append("pair-from-sentence-before")
            if len(parties) < 2 and status == "restored" and not obj:
                cut = _restored_after_severance(ctx, out, a)
                if len(cut) == 2 and (not parties or parties[0] in cut):
                    parties, conf = cut, conf - 0.1
                    flags.append("pair-from-severance")
                    if _ALL_OF_THEM.match(ctx.text, b, right):
                        # round 22: "It restored relations with all four in November 2000":
                        # every pair the severance told, not only its last
                        every = _severed_together(ctx, out, a)
            if len(parties) < 2:
                # (round 28: the clause's objects are its own, never the next one's subject)
                prev_end = obj[-1].end if obj else b
                continue
            date_floor = subj[0].start if subj else prev_end
            d = pick_date(ctx, date_floor, right, b)
            est = re.match(r"(?:the\s+)?[^,;.]{0,40},\s+(?:first\s+)?established\s+(?:in|on)\s+",
                           ctx.text[b:right]) if status == "established" else None
            if est is not None and re.search(r"\bwith\s+$", ctx.text[a:b]):
                # round 24: "Relations with Russia, established on 6 April 1992, …": the date
                # of the participle
                own = [x for x in ctx.dates_in(b + est.end(), right)
                       if x.start == b + est.end() and isinstance(x.value, str)]
                d = own[0] if own else d
            if d is None and subj:
                # a date fronted before the subject: "Cách đây đúng 30 năm, A và B … thiết lập"
                fronted = [x for x in ctx.dates_in(s.start, subj[0].start) if x.value is not None
                           and re.fullmatch(r"\s*,\s*(?:(?:chính|cả|đích\s+thân|even)\s+)?",
                                            ctx.text[x.end : subj[0].start], re.I)]
                d = fronted[-1] if fronted else None
            if d is None and not subj and n > 0 and re.search(
                    r"\s(?:và|and)\s+(?:(?:then|also|later|cũng|đã)\s+)?$", ctx.text[prev_end:a]):
                # round 19: "Tháng 6/2007, A thiết lập quan hệ … với B và chấm dứt quan hệ với
                # C": a coordinated clause without a subject shares the date opening the sentence
                opening = [x for x in ctx.dates_in(s.start, found[0][0]) if x.value is not None
                           and x is not ctx.dateline
                           and len(ctx.text[s.start : x.start].split()) <= 2
                           and re.match(r"\s*,", ctx.text[x.end : x.end + 3])]
                d = opening[0] if opening else None
            if d is not None and status == "maintained" and re.search(
                    r"(?:\bafter|\bsince|(?<!\w)sau|(?<!\w)từ)\s+(?:năm\s+|the\s+)?$",
                    ctx.text[max(0, d.start - 12) : d.start], re.I):
                d = None  # "vẫn duy trì quan hệ … sau năm 1975": no date of the relation
            if d is None and subj and n > 0:
                # "…, and on the same day South Korea severed …": a date opening the clause
                opening = [x for x in ctx.dates_in(prev_end, subj[0].start)
                           if x.value is not None and x is not ctx.dateline]
                d = opening[-1] if opening else None
            if d is None and subj and n == 1 and re.match(
                    r"(?:[^,;]{0,25},\s+){1,2}(?:sau\s+khi|after|when|khi)\s",
                    ctx.text[s.start : found[0][0]], re.I):
                # round 28: "Tháng 11/1990, sau khi A khôi phục quan hệ với B, C đình chỉ quan
                # hệ …": the main clause after the subordinate one takes the fronted date
                opening = [x for x in ctx.dates_in(s.start, found[0][0]) if x.value is not None
                           and x is not ctx.dateline and x.explicit]
                d = opening[0] if len(opening) == 1 else None
            if d is not None and subj and n == 0 and d.start > b \
                    and re.search(r"\s(?:và|and)\s", ctx.text[b : d.start]):
                # "Cùng ngày, Washington cắt đứt quan hệ … và thông báo chấm dứt Hiệp ước … ký
                # năm 1954": a date after a coordinated clause is that clause's; the date
                # opening the sentence dates the first
                opening = [x for x in ctx.dates_in(s.start, subj[0].start)
                           if x.value is not None and x is not ctx.dateline
                           and len(ctx.text[s.start : x.start].split()) <= 2
                           and re.match(r"\s*,", ctx.text[x.end : x.end + 3])]
                d = opening[-1] if opening else d
            if d is None and subj and n == 0 and len(found) > 1 and re.search(
                    r"\s(?:và|and)\s+(?:(?:then|also|later|cũng|đã)\s+)?$",
                    ctx.text[b : found[1][0]]) and not [
                        x for x in group_before(ctx, b, found[1][0]) if _actor(x)
                        and re.search(r"\s(?:và|and)\s+$", ctx.text[b : x.start])]:
                # "Managua cut ties with Taiwan and re-established relations with Beijing in
                # December 2021": the second clause, without a subject of its own, closes
                # with the date of both
                nxt_right = found[2][0] if len(found) > 2 else s.end
                shared = pick_date(ctx, found[1][1], nxt_right, found[1][1])
                d = shared if shared is not None and shared.explicit else None
            if d is None and subj and n == 0:
                # "Tháng 6/2017, A, B và C cắt đứt quan hệ …": a date opening the sentence
                # (or "On that day", resolved against the sentence before)
                opening = [x for x in ctx.dates_in(s.start, subj[0].start)
                           if x.value is not None and x is not ctx.dateline
                           and (x.explicit or x.start == s.start or re.match(
                               r"(?:On|In|Vào|Cùng)\s+$", ctx.text[s.start : x.start]))
                           and len(ctx.text[s.start : x.start].split()) <= 2]
                d = opening[-1] if len(opening) == 1 else None
            subject, objects = parties[0], parties[1:]
            if len(subj) >= 2 and not obj and parties[-1] == ctx.subject \
                    and ctx.subject not in keys(subj):
                pairs = [(x, ctx.subject) for x in keys(subj)]
            elif len(subj) >= 2 and not obj:
                pairs = [(subj_k, o) for subj_k, o in [(parties[0], parties[1])]]
            elif len(subj) >= 2 and obj:
                pairs = [(x, o) for x in keys(subj) for o in keys(obj)]
            else:
                pairs = [(subject, o) for o in objects]
            if every:
                pairs = every
            # "Egypt (1980) and Jordan (1994) …", "Panama (2017) and A and B (2018) …": each
            # subject has its own parenthesised year, or shares the next one
            own = {x.key: _paren_date(ctx, x, a) for x in subj} if len(subj) >= 2 else {}
            if not any(own.values()):
                own = {}
            if len(obj) >= 2 and len(subj) <= 1:
                # "thiết lập quan hệ ngoại giao với Liên Xô (30/9/1990), Trung Quốc (24/8/1992)
                # và Việt Nam (22/12/1992)": each partner its own bracketed date
                mine = [_paren_date(ctx, x, right) for x in obj]
                mine = [d if d is not None and d.start < (obj[i + 1].start if i + 1 < len(obj)
                                                          else right) else None
                        for i, d in enumerate(mine)]
                if all(mine):
                    own = {x.key: d for x, d in zip(obj, mine, strict=True)}
                    pairs = [(subject, x.key) for x in obj]
            for x, y in pairs:
                if x == y:
                    continue  # "Spain – Mexico broke off relations with … Spain": a line's lead
                data = {"parties": [ctx.label(x), ctx.label(y)], "status": status}
                fl = list(flags)
                d = own.get(x) or own.get(y) or (d if not own else None)
                if d is not None:
                    data["date"] = point(d)
                    fl += [f for f in d.flags if f != "unresolved"]
                c = conf - (0.1 if d is not None and not d.explicit else 0)
                out.append(Candidate("relation", data, *span_of(subj, obj, (a, b), d),
                                     round(c, 2), f"relation-{status}", fl))
                if cut is not None and cut_date is not None:
                    sev = {"parties": [ctx.label(x), ctx.label(y)], "status": "severed",
                           "date": point(cut_date)}
                    out.append(Candidate("relation", sev, a, max(cut.end(), cut_date.end),
                                         round(conf - 0.1, 2), "relation-severed-relative",
                                         [*flags, *[f for f in cut_date.flags
                                                    if f != "unresolved"]]))
            actor = [k for k in parties if k not in keys(obj)]
            if obj and actor:
                out += _gapped_partners(ctx, obj[-1].end, right, actor[0], status, conf, flags)
            prev_end, prev_parties = (obj[-1].end if obj else b), parties
            prev_subject = keys(subj) or prev_subject
    out += _together(ctx, out)
    out = out + _followed(ctx, out) + _then(ctx, out) + _labelled(ctx) + _headed(ctx) \
        + _they(ctx, out) + _gapped_subject(ctx, out)
    _dash_pairs(ctx, out)
    return out


#: round 31: the pair a relation names with a dash: "khôi phục quan hệ ngoại giao Trung Quốc -
#: Nicaragua", "restoring China-Nicaragua diplomatic relations"
_DASH = re.compile(r"\s*[-–]\s*")
_RELATION_WORDS_BEFORE = re.compile(r"quan\s+hệ(?:\s+ngoại\s+giao)?\s+$")
_RELATION_WORDS_AFTER = re.compile(r"\s+(?:diplomatic\s+)?(?:relations|ties)\b")


def _dash_pairs(ctx: Context, out: list[Candidate]) -> None:
    """A relation whose words name their pair with a dash right there ("… quan hệ ngoại giao
    A - B", "A-B diplomatic relations", inside the candidate's span or right after it) is of
    that pair, whatever pair the clause's anaphora ("hai bên", "the two sides") gave it."""
    states = [m for m in ctx.mentions if m.key and _actor(m)]
    for x, y in zip(states, states[1:], strict=False):
        if x.key == y.key or not _DASH.fullmatch(ctx.text, x.end, y.start):
            continue
        s = ctx.sentence_of(x.start)
        if _RELATION_WORDS_BEFORE.search(ctx.text[max(s.start, x.start - 25) : x.start]):
            at = x.start
        elif _RELATION_WORDS_AFTER.match(ctx.text, y.end):
            at = y.end
        else:
            continue
        near = [c for c in out if c.type == "relation" and s.start <= c.start <= at
                and at <= c.end + 3]
        for c in near:
            pair = [ctx.label(x.key), ctx.label(y.key)]
            if set(c.data["parties"]) != set(pair):
                c.data["parties"] = pair
                c.flags = [*c.flags, "parties-from-dash-pair"]


#: round 28: the companions of a subject ("Bahrain cut its ties with Qatar on 5 June 2017,
#: together with A, B and C"; "A, together with B and C, severed relations with D"; "cùng với")
_TOGETHER = re.compile(r"\btogether\s+with\s+(?:the\s+)?|(?<!\w)cùng\s+với\s+", re.I)


def _together(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """One relation for each state named "together with" the subject of a relation of the
    sentence (the same partner, status and date): one fact each, as the corpus writes them."""
    out: list[Candidate] = []
    rel = [c for c in found if c.type == "relation" and len(c.data.get("parties") or []) == 2]
    have = {(frozenset(c.data["parties"]), c.data["status"]) for c in rel}
    for s in ctx.sents:
        mine = [c for c in rel if s.start <= c.start < s.end]
        if not mine or len({c.data["status"] for c in mine}) != 1 \
                or len({c.data["parties"][1] for c in mine}) != 1:
            continue  # one clause of relations only: whose companions they are is plain
        base = mine[0]
        partner = base.data["parties"][1]
        for t in _TOGETHER.finditer(ctx.text, s.start, s.end):
            group = group_after(ctx, t.end(), s.end)
            names = [x for x in group if _actor(x) and x.key and x.how != "demonym"]
            if not names or group[0].start != t.end():
                continue
            # "A, together with B and C, severed …": the state right before is a subject too
            lead = [x for x in ctx.mentions_in(s.start, t.start()) if _actor(x) and x.key
                    and re.fullmatch(r"\s*,?\s*", ctx.text[x.end : t.start()])]
            other = partner
            if lead and ctx.label(lead[-1].key or "") in base.data["parties"] and re.search(
                    r"(?:\bwith|(?<!\w)với)\s+(?:the\s+)?$",
                    ctx.text[max(s.start, lead[-1].start - 12) : lead[-1].start], re.I):
                # round 29: "… cũng cắt quan hệ với Qatar, cùng với A, B và C": the name before
                # the phrase is the partner of the verb, and the companions' partner too
                other, lead = ctx.label(lead[-1].key or ""), []
            for x in lead + names:
                label = ctx.label(x.key)
                key = (frozenset((label, other)), base.data["status"])
                if label == other or key in have:
                    continue
                have.add(key)
                data = {**base.data, "parties": [label, other]}
                out.append(Candidate("relation", data, base.start, max(base.end, names[-1].end),
                                     round(base.confidence - 0.05, 2), base.rule,
                                     [*base.flags, "together-with"]))
    return out


def _gapped_subject(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """"Trung Quốc thiết lập quan hệ ngoại giao với Uzbekistan ngày 2/1/1992, Nga ngày
    20/3/1992." in a text on Uzbekistan: the name after the comma stands for the subject, with
    its own date, when the object is the text's state and the subject is not."""
    out: list[Candidate] = []
    main = {ctx.subject} if ctx.subject else set(ctx.pair)
    for c in found:
        if c.type != "relation" or "date" not in c.data or len(c.data["parties"]) != 2:
            continue
        subject, obj = (ctx.gazetteer.registry.resolve(x).key for x in c.data["parties"])
        if obj not in main or subject in main:
            continue
        s = ctx.sentence_of(c.start)
        m = re.match(r",\s*", ctx.text[c.end : s.end])
        if m is None:
            continue
        at = c.end + m.end()
        name = [x for x in ctx.mentions_in(at, s.end) if x.start == at and _actor(x) and x.key]
        if not name or name[0].key in (subject, obj):
            continue
        d = [x for x in ctx.dates_in(name[0].end, s.end) if point(x) and re.fullmatch(
            r"\s+(?:ngày|năm|tháng|on|in)\s+", ctx.text[name[0].end : x.start])]
        if not d or not re.match(r"\s*(?:[.;]|$)", ctx.text[d[0].end : s.end]):
            continue
        out.append(Candidate("relation", {"parties": [ctx.label(name[0].key), ctx.label(obj)],
                                          "status": c.data["status"], "date": point(d[0])},
                             name[0].start, d[0].end, round(c.confidence - 0.1, 2),
                             c.rule + "-gapped-subject", list(c.flags)))
    return out


#: "They were restored in August 2022." opening the sentence after a severance
_THEY = re.compile(r"\s*(?:They|Relations|Ties)\s+were\s+(?:(?:only|finally|later|fully)\s+)?"
                   r"(?P<verb>restored|re-established|resumed|normali[sz]ed)\b", re.I)


def _they(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """"Caracas broke off relations with Bogotá on 23 February 2019. They were restored in
    August 2022": the relations the sentence before severed, restored on the new date."""
    out: list[Candidate] = []
    for n, s in enumerate(ctx.sents[1:], 1):
        m = _THEY.match(ctx.text, s.start, s.end)
        prev = ctx.sents[n - 1]
        if m is None or prev.paragraph != s.paragraph:
            continue
        cut = [c for c in found if c.type == "relation" and c.data.get("status") == "severed"
               and prev.start <= c.start < prev.end]
        d = pick_date(ctx, m.end(), s.end, m.end())
        # round 46: two readings of one severance (the same two parties, before the duplicates
        # are dropped) are one ("Britain cut its ties with Kampala in July 1976, …; it was the
        # first time London had severed relations with … They were resumed in 1979")
        if len({frozenset(c.data["parties"]) for c in cut}) != 1 or d is None or not point(d):
            continue
        c = cut[0]
        out.append(Candidate("relation", {"parties": list(c.data["parties"]), "status": "restored",
                                          "date": point(d)},
                             s.start + len(ctx.text[s.start : m.end()]) - len(
                                 ctx.text[s.start : m.end()].lstrip()), d.end,
                             round(c.confidence - 0.1, 2), "relation-restored-they",
                             list(c.flags) + [f for f in d.flags if f != "unresolved"]))
    return out


#: a ministry brief's labelled line: "Ngày thiết lập quan hệ ngoại giao: 17/1/1992."
LABELLED = re.compile(r"(?m)^[ \t]*(?:Ngày\s+thiết\s+lập\s+quan\s+hệ\s+ngoại\s+giao"
                      r"|(?:Date\s+of\s+)?(?:establishment\s+of\s+)?diplomatic\s+relations"
                      r"(?:\s+established)?)\s*:\s*", re.I)


#: round 46: a paragraph headed by a partner's name on a page about one state, its first words
#: the relations' date ("China. Diplomatic relations: 6 January 1992.", "United States.
#: Diplomatic relations date from 19 April 1782, …")
HEADED = re.compile(r"(?m)^[ \t]*(?P<head>[^\n.:;,]{2,60})\.[ \t]+(?:Diplomatic\s+relations"
                    r"(?:\s*:|\s+(?:date\s+(?:from|back\s+to)|were\s+established(?:\s+on|\s+in)?))"
                    r"|(?:Ngày\s+)?[Tt]hiết\s+lập\s+quan\s+hệ\s+ngoại\s+giao\s*:)[ \t]*")


def _headed(ctx: Context) -> list[Candidate]:
    """"China. Diplomatic relations: 6 January 1992." on a page about one state: the relations
    of the heading's state and the page's, established on the date right after the label."""
    out: list[Candidate] = []
    if ctx.subject is None:
        return out
    for m in HEADED.finditer(ctx.text):
        head = [x for x in ctx.mentions_in(m.start("head"), m.end("head")) if x.key]
        if len(head) != 1 or not head[0].is_state or head[0].key == ctx.subject or re.search(
                r"\S", ctx.text[m.start("head") : head[0].start] + ctx.text[head[0].end : m.end(
                    "head")]) and not re.fullmatch(
                    r"(?:(?:The\s+)?(?:[A-Z]\w+\s+){0,2}(?:Republic|Kingdom|Federation|State)"
                    r"\s+of\s+(?:the\s+)?)?", ctx.text[m.start("head") : head[0].start]):
            continue  # the heading is one state's name (its long form at most), nothing else
        d = [x for x in ctx.dates_in(m.end(), m.end() + 40) if x.start == m.end()
             and x.value is not None and x.kind == "point"]
        if not d:
            continue
        data = {"parties": [ctx.label(head[0].key), ctx.label(ctx.subject)],
                "status": "established", "date": point(d[0])}
        out.append(Candidate("relation", data, m.start("head"), d[0].end, 0.75, "relation-headed",
                             [f for f in d[0].flags if f != "unresolved"]))
    return out


def _labelled(ctx: Context) -> list[Candidate]:
    """"Ngày thiết lập quan hệ ngoại giao: 17/1/1992." in a brief on one pair: the pair's
    relations, established that day (the date right after the label, nothing else)."""
    out: list[Candidate] = []
    if len(ctx.pair) != 2:
        return out
    for m in LABELLED.finditer(ctx.text):
        d = [x for x in ctx.dates_in(m.end(), m.end() + 40) if x.start == m.end()
             and x.value is not None and x.kind == "point"]
        if not d:
            continue
        data = {"parties": [ctx.label(k) for k in ctx.pair], "status": "established",
                "date": point(d[0])}
        out.append(Candidate("relation", data, m.start() + len(m.group()) - len(
            m.group().lstrip()), d[0].end, 0.75, "relation-labelled",
            [f for f in d[0].flags if f != "unresolved"] + ["pair-from-document"]))
    return out


#: a second verb on the same relations: "… cắt đứt quan hệ ngoại giao với Thái Lan năm 2003
#: rồi khôi phục năm 2004", "… broke off relations in 1967 and restored them in 1990"
#: (round 31: "… và chỉ nối lại mười năm sau, vào tháng 7/1975", "… but only restored them …")
_THEN = re.compile(r"\s*,?\s+(?:rồi|và|sau đó|nhưng|and(?:\s+then)?|but)\s+(?:đã\s+|later\s+)?"
                   r"(?:(?:chỉ|mãi|only)\s+)?"
                   r"(khôi phục|nối lại|tái lập|cắt đứt|restored|resumed|re-?established|severed"
                   r"|broke)(?:\s+(?:them|it|ties|relations|quan hệ))?(?:\s+off)?\s+"
                   r"(?:vào\s+)?(?:(?:năm|ngày|tháng|in|on)\s+)?(?=\S)", re.I)


def _then(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in found:
        if c.type != "relation" or "date" not in c.data or c.rule.endswith("-then"):
            continue
        s = ctx.sentence_of(c.start)
        m = _THEN.match(ctx.text, c.end, s.end)
        if m is None:
            continue
        ds = [d for d in ctx.dates_in(m.end() - 12, s.end) if point(d) and d.start >= c.end
              and not ctx.text[m.end() : d.start].strip()
              or (point(d) and d.start < m.end() <= d.end)]
        if not ds:
            continue
        word = m.group(1).lower()
        status = "severed" if word in ("cắt đứt", "severed", "broke") else "restored"
        if status == c.data.get("status"):
            continue
        d = ds[0]
        # round 31: a relative date then its exact one after a comma ("mười năm sau, vào tháng
        # 7/1975", "ten years later, in July 1975")
        more = re.match(r",\s*(?:(?:vào|in|on)\s+)?", ctx.text[d.end : s.end])
        exact = [x for x in ctx.dates_in(d.end, s.end) if more and x.start == d.end + more.end()
                 and point(x) and str(point(x)).startswith(str(point(d)))]
        d = exact[0] if exact else d
        out.append(Candidate("relation", {"parties": list(c.data["parties"]), "status": status,
                                          "date": point(d)},
                             m.start(1), d.end, round(c.confidence - 0.05, 2),
                             f"relation-{status}-then", list(c.flags)))
    return out


#: "Russia followed on 20 March 1992." right after the sentence of another state's relations
_FOLLOWED = re.compile(r"\s*(?:(?:Then|Later|Next),?\s+)?(?P<state>.+?)\s+followed\s+(?:suit\s+)?"
                       r"(?:on|in)\s+", re.I)


def _followed(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """An elliptic sentence "X followed on DATE" after the sentence that established the
    relations of the text's subject with another state: X's relations, established that day."""
    out: list[Candidate] = []
    if ctx.subject is None:
        return out
    subject = ctx.label(ctx.subject)
    for i, s in enumerate(ctx.sents[1:], start=1):
        m = _FOLLOWED.match(s.text)
        if m is None:
            continue
        state = [x for x in ctx.mentions_in(s.start, s.start + m.end("state")) if x.key
                 and x.is_state and x.how == "name" and x.key != ctx.subject]
        if len(state) != 1 or ctx.text[s.start : state[0].start].strip(" ,") not in (
                "", "Then", "Later", "Next") or state[0].end != s.start + m.end("state"):
            continue
        prev = ctx.sents[i - 1]
        before = [c for c in found if c.type == "relation" and prev.start <= c.start < prev.end
                  and c.data.get("status") == "established" and subject in c.data["parties"]]
        ds = [d for d in ctx.dates_in(s.start + m.end(), s.end) if isinstance(d.value, str)]
        if not before or not ds:
            continue
        out.append(Candidate("relation", {"parties": [subject, ctx.label(state[0].key)],
                                          "status": "established", "date": ds[0].value},
                             state[0].start, ds[0].end, 0.65, "relation-established-followed",
                             ["party-from-document"]))
    for c in found:
        # "The United States re-established relations with Vilnius on 2 September 1991, and
        # Russia followed on 9 October 1991": the same relations of that state, at its date
        if c.type != "relation" or subject not in c.data["parties"]:
            continue
        s = ctx.sentence_of(c.start)
        m = _AND_FOLLOWED.match(ctx.text, c.end, s.end)
        if m is None or m.group("verb") is None and not m.group("vi"):
            continue
        state = [x for x in ctx.mentions_in(m.start("state"), m.end("state")) if x.key
                 and x.is_state and x.how == "name" and x.key != ctx.subject]
        if len(state) != 1 or state[0].start != m.start("state"):
            continue
        date = _followed_date(ctx, m.end(), s.end, c.data.get("date"))
        if date is None:
            continue
        out.append(Candidate("relation", {"parties": [subject, ctx.label(state[0].key)],
                                          "status": c.data["status"], "date": date[0]},
                             state[0].start, date[1], 0.65,
                             f"relation-{c.data['status']}-followed", ["party-from-document"]))
    return out


#: "…, and Russia followed on 9 October 1991", round 37: "…, and Cuba followed the next year,
#: on 11 March 1983", "…, and Russia did so on the same day", "…; Slovakia làm điều tương tự
#: vào ngày 9/12 cùng năm": another state's same relations, at its own date
_AND_FOLLOWED = re.compile(
    r"[^.;]{0,40}?(?:,?\s+and\s+|;\s*)(?:the\s+)?(?P<state>\S[^,;]{0,40}?)\s+"
    r"(?:(?P<verb>followed(?:\s+suit)?|did\s+(?:so|the\s+same)|(?P<vi>(?:cũng\s+)?(?:đã\s+)?"
    r"làm\s+(?:điều|việc)\s+tương\s+tự)))"
    r"(?:\s+(?:the\s+(?:next|following)\s+year|năm\s+sau),?)?\s*(?:(?:on|in|vào)\s+)?")
#: the date after it: its own ("on 11 March 1983"), the same day as the relations before it
#: ("on the same day", "cùng ngày"), or a day of the same year ("ngày 9/12 cùng năm", "in
#: February of the same year")
_SAME_DAY = re.compile(r"(?:the\s+same\s+day|cùng\s+ngày|ngày\s+hôm\s+đó)\b")
_OF_SAME_YEAR = re.compile(r"(?:ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})\s+cùng\s+năm"
                           r"|(?P<month>January|February|March|April|May|June|July|August"
                           r"|September|October|November|December)\s+of\s+the\s+same\s+year)\b")


def _followed_date(ctx: Context, at: int, end: int, before: object) -> tuple[str, int] | None:
    """(date, end) of an elliptic "X followed / did so / làm điều tương tự" at ``at``."""
    same = _SAME_DAY.match(ctx.text, at, end)
    if same:
        return (before, same.end()) if isinstance(before, str) else None
    rel = _OF_SAME_YEAR.match(ctx.text, at, end)
    if rel:
        if not isinstance(before, str) or not re.match(r"\d{4}", before):
            return None
        if rel.group("month"):
            return f"{before[:4]}-{MONTHS[rel.group('month').lower()]:02d}", rel.end()
        day, month = int(rel.group("d")), int(rel.group("m"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return f"{before[:4]}-{month:02d}-{day:02d}", rel.end()
    ds = [d for d in ctx.dates_in(at, end) if d.start == at and isinstance(d.value, str)]
    return (ds[0].value, ds[0].end) if ds else None


#: "…, và với Nhật Bản ngày 23/7/1956", "… and with Japan on …": the verb is shared
_GAPPED = re.compile(r"(?:\s+(?:ngày|năm|tháng|on|in|from)\s+[^,;]{1,20}?)?"
                     r"(?:,(?!\s*(?:với|with)\s)[^,;]{0,50})?\s*"
                     r"(?:,?\s*(?:và|and)\s+|,\s*)(?:với|with)\s+", re.I)


def _gapped_partners(ctx: Context, pos: int, right: int, subject: str, status: str,
                     conf: float, flags: list[str]) -> list[Candidate]:
    """Another partner of the same verb, with its own date: "thiết lập quan hệ ngoại giao với
    Hoa Kỳ ngày 4/7/1946, …, và với Nhật Bản ngày 23/7/1956"."""
    m = _GAPPED.match(ctx.text, pos, right)
    if m is None:
        return []
    partners = _actors_after(ctx, m.end(), right)
    if not partners or partners[0].start != m.end():
        return []
    stop = re.search(r"[,;]|\s(?:và|and)\s", ctx.text[partners[-1].end : right])
    end = partners[-1].end + stop.start() if stop else right
    d = pick_date(ctx, partners[-1].end, end, partners[-1].end)
    out = _gapped_partners(ctx, partners[-1].end, right, subject, status, conf, flags)
    for x in keys(partners):
        if x == subject:
            continue
        data = {"parties": [ctx.label(subject), ctx.label(x)], "status": status}
        if d is not None and point(d):
            data["date"] = point(d)
        out.append(Candidate("relation", data, *span_of(partners, d), round(conf - 0.05, 2),
                             f"relation-{status}-gapped", list(flags)))
    return out


def _dated_partners(ctx: Context, b: int, right: int) -> bool:
    """"thiết lập quan hệ với Liên Xô (2/6/1976) và Việt Nam (12/7/1976)": partners each with
    a bracketed date are relations, not a partnership."""
    if not re.match(r"\s+(?:với|with)\s+", ctx.text[b:right]):
        return False
    partners = _actors_after(ctx, b, right)
    return bool(partners) and all(_paren_date(ctx, x, right) is not None for x in partners)


#: round 33: "…, đồng thời chấm dứt quan hệ với Đài Loan", "…, and at the same time broke off
#: relations with Taipei": the clause happened on the day of the clause before
_SAME_TIME = re.compile(r",\s*(?:(?:và|and)\s+)?(?:đồng\s+thời|at\s+the\s+same\s+time"
                        r"|simultaneously)\s+"
                        # round 34: the other side's answer joined by "và" / "and" ("… nối lại
                        # quan hệ với Đài Loan và Bắc Kinh đình chỉ quan hệ với Managua")
                        r"|,?\s+(?:và|and)\s+(?=(?-i:[A-ZĐ])[^,.;]{0,30}?\s(?:đình\s+chỉ|cắt"
                        r"|suspended|severed|broke\s+off)(?!\w))", re.I)


def same_time(ctx: Context, out: list[Candidate]) -> None:
    """Round 33: an undated relation whose clause opens with "đồng thời" / "at the same time"
    right after a dated relation of the same sentence takes that relation's date (flag
    ``date-from-clause-before``); never where the clause names a date of its own."""
    rels = [c for c in out if c.type == "relation"]
    for c in rels:
        if c.data.get("date"):
            continue
        s = ctx.sentence_of(c.start)
        for m in _SAME_TIME.finditer(ctx.text, s.start, s.end):
            if not m.end() <= c.end or c.start - m.end() > 40 or m.start() > c.start + 40:
                continue
            before = [p for p in rels if p is not c and p.data.get("date")
                      and s.start <= p.start < m.start() and not set(p.data["parties"])
                      .isdisjoint(c.data["parties"])]
            if not before or ctx.dates_in(m.end(), c.end):
                continue
            c.data = {**c.data, "date": max(before, key=lambda p: p.start).data["date"]}
            c.flags = [*c.flags, "date-from-clause-before"]
            break


#: round 34: "established diplomatic relations with Suva on the day of independence", "on its
#: independence day", "ngay trong ngày độc lập", "được thiết lập ngay từ ngày độc lập"
_ON_INDEPENDENCE_DAY = re.compile(
    r"\bon\s+(?:the\s+(?:very\s+)?day\s+of\s+(?:its\s+|their\s+)?independence"
    r"|(?:its|their|the)\s+independence\s+day)\b"
    r"|(?<!\w)(?:ngay\s+)?(?:trong|từ|vào)\s+(?:chính\s+)?ngày\s+độc\s+lập(?!\w)", re.I)


def on_independence_day(ctx: Context, out: list[Candidate]) -> None:
    """Round 34: an undated relation of the text's state whose clause says it was set up on
    the day of independence takes the one independence day the text gives (flag
    ``date-from-independence``); none where the text gives two, or the clause a date."""
    if ctx.subject is None:
        return
    days = independence_days(ctx)
    if len(days) != 1:
        return
    day = next(iter(days))
    for c in out:
        if c.type != "relation" or c.data.get("date") \
                or ctx.label(ctx.subject) not in c.data.get("parties", []):
            continue
        s = ctx.sentence_of(c.start)
        m = _ON_INDEPENDENCE_DAY.search(ctx.text, c.start, min(s.end, c.end + 60))
        if m is None or ctx.dates_in(s.start, m.start()) or negated(ctx, c.start, s.start):
            continue
        c.data = {**c.data, "date": day}
        c.flags = [*c.flags, "date-from-independence"]
