"""Partnership frameworks established or raised ("upgraded ties to a Comprehensive Strategic
Partnership", "nâng lên Đối tác chiến lược vào tháng 3/2018"), each with its own date.

>>> framework("an extensive strategic partnership")
'extensive-strategic-partnership'
>>> framework("Đối tác Chiến lược Toàn diện")
'comprehensive-strategic-partnership'
"""

from __future__ import annotations

import re

from .context import (
    Candidate,
    Context,
    group_before,
    keys,
    modal,
    negated,
    pick_date,
    point,
    span_of,
)

FRAMEWORKS = [
    (r"comprehensive\s+strategic\s+cooperative\s+partner(?:ship|s)"
     r"|đối tác hợp tác chiến lược toàn diện", "comprehensive-strategic-cooperative-partnership"),
    # "greeted Brazil as a comprehensive strategic partner, the level the two countries
    # reached in 2012": a level named by its partner
    (r"comprehensive\s+strategic\s+partner(?:ship|s|(?=,\s+the\s+level\b))"
     r"|đối tác chiến lược toàn diện",
     "comprehensive-strategic-partnership"),
    (r"extensive\s+strategic\s+partner(?:ship|s)|đối tác chiến lược sâu rộng",
     "extensive-strategic-partnership"),
    (r"strategic\s+cooperative\s+partner(?:ship|s)|đối tác hợp tác chiến lược",
     "strategic-cooperative-partnership"),
    # "comprehensive cooperative partnership" (China and South Korea, 2003): the ontology's
    # comprehensive partnership
    (r"comprehensive\s+(?:cooperative\s+)?partner(?:ship|s)|đối tác (?:hợp tác )?toàn diện",
     "comprehensive-partnership"),
    (r"strategic\s+partner(?:ship|s)|đối tác chiến lược", "strategic-partnership"),
]
_RX = re.compile("|".join(f"(?P<f{i}>{p})" for i, (p, _) in enumerate(FRAMEWORKS)), re.I)
VERB = re.compile(
    r"\b(?:rais|upgrad|elevat|lift|establish|set(?:ting)?\s+up|forg|launch|bec[oa]m"
    r"|agreed\s+(?:on|to)\s+(?:a|an|the)\s+(?=\w+\s+(?:\w+\s+)?[Pp]artnership)"
    r"|form|sign)\w*|nâng cấp|nâng lên|nâng tầm|nâng\s+(?:\S+\s+){1,3}lên|xác lập|thiết lập"
    r"|trở thành|ký|tuyên bố",
    re.I,
)


def framework(text: str) -> str | None:
    m = _RX.search(text)
    if not m:
        return None
    i = int(next(k for k, v in m.groupdict().items() if v)[1:])
    return FRAMEWORKS[i][1]


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        found = list(_RX.finditer(ctx.text, s.start, s.end))
        if not found:
            out += _this_framework(ctx, s)
        out += _negated(ctx, s, found)
        if not found or not VERB.search(ctx.text, s.start, s.end):
            continue
        states = keys([m for m in ctx.mentions_in(s.start, s.end) if m.is_state])
        conf, flags = 0.85, []
        if len(states) == 2:
            parties = states
        elif (pw := ctx.pair_word_in(s.start, s.end)) and len(ctx.pair_near(pw[0])) == 2 \
                and set(states) <= set(ctx.pair_near(pw[0])):
            # "Hai nước nâng quan hệ lên …" after a sentence on two states
            parties, conf = ctx.pair_near(pw[0]), 0.75
            flags.append("pair-from-document")
        elif len(ctx.pair) == 2 and (not states or set(states) <= set(ctx.pair)):
            parties, conf = list(ctx.pair), 0.75
            flags.append("pair-from-document")
        else:
            continue
        prev = s.start
        for n, m in enumerate(found):
            right = found[n + 1].start() if n + 1 < len(found) else s.end
            agreed = re.search(r"\bagreed\s+(?:to|on)\s+(?:a|an|the)\s+$",
                               ctx.text[max(prev, m.start() - 20) : m.start()], re.I)
            if negated(ctx, m.start(), prev) or (modal(ctx, m.start(), prev) and not agreed) \
                    or PROPOSAL.search(ctx.text[prev : m.start()]):
                # "ông Hun Sen đề nghị nâng quan hệ lên …", "proposed raising ties to …": a
                # proposal, not the framework
                prev = m.end()
                continue
            if re.match(r"\s+(?:Agreement|Treaty|Framework\s+Agreement)\b",
                        ctx.text[m.end() : m.end() + 25]) or re.search(
                    r"(?<!\w)(?:Hiệp định|Hiệp ước)\s+$",
                    ctx.text[max(prev, m.start() - 20) : m.start()]):
                prev = m.end()  # "signed the Comprehensive Strategic Partnership Agreement":
                continue  # an instrument's title, not the framework's establishment
            if SECTORAL.match(ctx.text, m.end()):
                # a sectoral partnership ("Đối tác chiến lược về nông nghiệp bền vững", "a
                # strategic partnership on climate adaptation"): no framework of the relationship
                prev = m.end()
                continue
            if re.match(r"\s+mọi thời tiết", ctx.text[m.end() : m.end() + 16]) or re.search(
                    r"\ball-weather\s+$", ctx.text[max(prev, m.start() - 14) : m.start()], re.I):
                prev = m.end()  # "đối tác chiến lược toàn diện mọi thời tiết …", "an
                continue  # all-weather … partnership": a framework the ontology does not have
            # (the group that matched: a lookahead past the match cannot be searched again)
            code = FRAMEWORKS[int(next(k for k, v in m.groupdict().items() if v)[1:])][1]
            semi = ctx.text.find(";", m.end(), right)
            right = semi if semi >= 0 else right  # "…; năm 2012, quan hệ được nâng lên …"
            goal = re.search(r"\s(?:và|and)\s+(?:cùng\s+)?(?:đặt|đề\s+ra|set|agreed|nhất\s+trí"
                             r"|cam\s+kết|pledged|vowed)\b", ctx.text[m.end() : right], re.I)
            right = m.end() + goal.start() if goal else right  # "… và đặt mục tiêu … vào năm
            # 2028": the target's year is not the upgrade's
            d = pick_date(ctx, prev, right, m.end())
            if d is None and n == 0:
                d = pick_date(ctx, s.start, right, m.end())
            fl = list(flags)
            data = {"parties": [ctx.label(k) for k in parties], "framework": code}
            c = conf
            if d is None and ctx.dateline is not None:
                # news: the upgrade is the event the article reports; date it by the nearest
                # earlier dated sentence of the paragraph, else by the dateline
                d = context_date(ctx, s)
                if d is not None:
                    fl.append("date-from-context")
                    c -= 0.15
            occasion = None
            if d is None and OCCASION.search(ctx.text, s.start, m.start()):
                # "Nhân dịp này, hai nước nâng cấp …", "On this occasion": the previous
                # sentence's date; a visit's days within one month give that month
                occasion = _occasion_date(ctx, s)
            if occasion is not None:
                data["date"] = occasion
                fl.append("date-from-context")
                c -= 0.15
            elif d is not None and point(d):
                data["date"] = point(d)
                fl += [f for f in d.flags if f != "unresolved"]
            verbs = [v for v in VERB.finditer(ctx.text, prev, m.start())]
            start = verbs[-1].start() if verbs else prev if n else s.start
            subj = group_before(ctx, prev, start)
            pw = ctx.pair_word_in(prev, start)
            start = subj[0].start if subj else pw[0] if pw else start
            out.append(Candidate("partnership", data, *span_of((start, m.end())),
                                 round(c, 2), "partnership", fl))
            prev = m.end()
    return out


#: a framework the pair has not reached: "Hà Lan chưa phải Đối tác chiến lược toàn diện của Việt
#: Nam", "Chile is not yet a comprehensive strategic partner of …", "has no strategic
#: partnership with …"
NOT_A = re.compile(r"(?<!\w)(?:chưa|không)\s+(?:phải\s+)?(?:là\s+)?(?:một\s+)?$"
                   r"|\b(?:is|are|was|were)\s+not\s+(?:yet\s+)?(?:an?\s+|the\s+)?(?:\w+['’]s\s+)?$"
                   r"|\bha(?:s|ve)\s+(?:no|not\s+(?:yet\s+)?(?:formed|set\s+up|established)\s+an?)"
                   r"\s+$", re.I)


def _negated(ctx: Context, s, found: list) -> list[Candidate]:
    """A framework a text says the pair has not reached: a characterisation of the two."""
    out: list[Candidate] = []
    for m in found:
        neg = NOT_A.search(ctx.text, max(s.start, m.start() - 30), m.start())
        if neg is None:
            continue
        states = keys([x for x in ctx.mentions_in(s.start, s.end) if x.is_state
                       and x.how != "demonym"])
        parties = states if len(states) == 2 else list(ctx.pair) if len(ctx.pair) == 2 and set(
            states) <= set(ctx.pair) else []
        if len(parties) != 2:
            continue
        subj = [x for x in ctx.mentions_in(s.start, neg.start()) if x.is_state]
        out.append(Candidate("claim", {"claim_type": "characterisation",
                                       "subjects": [ctx.label(k) for k in parties]},
                             subj[-1].start if subj else neg.start(), m.end(), 0.6,
                             "partnership-negated"))
    return out


#: a sectoral partnership after the framework's name ("Đối tác chiến lược về nông nghiệp bền
#: vững", "a strategic partnership on water management"): no framework of the relationship
SECTORAL = re.compile(r"\s+(?:về|trong\s+lĩnh\s+vực)\s+(?!(?:năm|tháng|ngày|dịp|việc)\b)"
                      r"(?-i:[a-zđà-ỹ])"
                      r"|\s+(?:on|for)\s+(?!(?:the|a|an|this|that|their|its|his|her|both)\b)"
                      r"(?-i:[a-z])\w+\s+(?-i:[a-z])", re.I)
#: a proposal to raise ties, not the raising: "đề nghị nâng quan hệ lên", "proposed raising"
PROPOSAL = re.compile(r"(?<!\w)(?:đề nghị|đề xuất|kiến nghị)\s+(?:\S+\s+){0,4}$"
                      r"|\b(?:proposed|suggested|called\s+for)\s+(?:\S+\s+){0,5}$", re.I)
#: "hai nước chính thức xác lập khuôn khổ này", "formally established that framework"
THIS_FRAMEWORK = re.compile(r"(?<!\w)(?:xác lập|thiết lập|nâng lên)\s+khuôn khổ\s+(?:này|đó|ấy)"
                            r"(?!\w)|\b(?:established|formali[sz]ed|launched|adopted)\s+"
                            r"(?:this|that|the)\s+(?:new\s+)?framework\b", re.I)


def _this_framework(ctx: Context, s) -> list[Candidate]:
    """"Năm 2023, … hai nước chính thức xác lập khuôn khổ này": the framework the paragraph
    named last (a proposal of it, before), between the pair of states near."""
    m = THIS_FRAMEWORK.search(ctx.text, s.start, s.end)
    if m is None or negated(ctx, m.start(), s.start) or modal(ctx, m.start(), s.start):
        return []
    before = [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph]
    named = [f for p in before for f in _RX.finditer(ctx.text, p.start, p.end)]
    parties = ctx.pair_near(m.start())
    if not named or len(parties) != 2:
        return []
    data: dict = {"parties": [ctx.label(k) for k in parties],
                  "framework": framework(named[-1].group())}
    d = pick_date(ctx, s.start, s.end, m.end())
    if d is not None and point(d):
        data["date"] = point(d)
    return [Candidate("partnership", data, *span_of((s.start, m.end())), 0.7,
                      "partnership-this-framework", ["framework-from-context"])]


OCCASION = re.compile(r"\b(?:on\s+(?:this|that|the)\s+occasion|during\s+the\s+visit)\b"
                      r"|(?<!\w)(?:nhân\s+dịp\s+(?:này|đó)|trong\s+chuyến\s+thăm\s+(?:này|đó))(?!\w)",
                      re.I)


def _occasion_date(ctx: Context, s) -> str | None:
    prev = [x for x in ctx.sents if x.end <= s.start and x.paragraph == s.paragraph]
    if not prev:
        return None
    ds = [d for d in ctx.dates_in(prev[-1].start, prev[-1].end) if d.value is not None]
    if not ds:
        return None
    v = ds[0].value
    if isinstance(v, dict):
        a, b = str(v.get("from")), str(v.get("to"))
        return a[:7] if a[:7] == b[:7] else a
    return v


def context_date(ctx: Context, s):
    earlier = [d for d in ctx.dates if d.end <= s.start and d.value is not None
               and ctx.sentence_of(d.start).paragraph == s.paragraph and d.precision == "day"]
    # a day named ("Chiều 10/3") before the range of a visit ("từ ngày 9 đến 11/3/2025")
    points = [d for d in earlier if isinstance(d.value, str)]
    earlier = points or earlier
    # (a date of an aside about the visit's start is not the day being told: "… on Friday, the
    # third day of a state visit that began in Shanghai on Wednesday")
    told = [d for d in earlier if not re.search(
        r"\b(?:that|which)\s+(?:had\s+)?(?:began|started|opened)\b[^,.;]*$|(?<!\w)bắt\s+đầu\s+từ[^,.;]*$",
        ctx.text[max(0, d.start - 60) : d.start], re.I)]
    earlier = told or earlier
    if earlier:
        return earlier[-1]
    return ctx.dateline
