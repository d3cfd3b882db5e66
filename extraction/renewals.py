"""Renewals of agreements: "renewed the 1999 fisheries agreement for another five years",
"the treaty was extended in 2021", "agreed to extend the memorandum", Vietnamese "gia hạn (thêm
5 năm) Hiệp định …", "tái ký". The candidate is an agreement with ``renewed`` (the date of the
renewal, never the signing) and ``renewed_for`` (an ISO 8601 duration: P5Y); a signing year the
text gives with the instrument ("signed in 2001", "ký năm 2001", "the 2001 treaty") is its
``signed``. A planned or hoped-for renewal ("plan to extend", "sẽ gia hạn") is an intention.

>>> term("for another five years"), term("thêm 5 năm"), term("for a further 10-year period")
('P5Y', 'P5Y', 'P10Y')
"""

from __future__ import annotations

import re

from .agreements import INSTRUMENT, _clean_title, _fields, _parties, _title_end, instrument
from .context import Candidate, Context, Sentence, modal, negated
from .dates import NUMBERS, DateMention

RENEW = re.compile(r"\b(?:renew(?:ed|s|al\s+of)?|extend(?:ed|s)?|extension\s+of|prolong(?:ed|s)?"
                   r"|re-signed)\b|gia hạn|tái ký|kéo dài hiệu lực", re.I)
TERM = re.compile(r"(?:for\s+(?:another|a\s+further|an\s+additional|a\s+new|a)?\s*|thêm\s+)"
                  r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|một|hai|ba|bốn"
                  r"|năm|mười)[\s-]+(?:years?|năm)", re.I)
SIGNED = re.compile(r"(?:signed|concluded|ký(?:\s+kết)?)\s+(?:(?:in|on|vào|năm|ngày)\s+)*$", re.I)


def term(text: str) -> str | None:
    """The renewal's term as an ISO 8601 duration ("for another five years" is P5Y)."""
    m = TERM.search(text)
    if not m:
        return None
    n = m.group(1).lower()
    return f"P{int(n) if n.isdigit() else NUMBERS[n]}Y"


#: an announced end of an agreement ("announced it would terminate the agreement", "tuyên bố
#: chấm dứt hiệp định"): an intention of the state that announced it
TERMINATE = re.compile(r"(?:announc\w*|notif\w*|threaten\w*|decided|tuyên bố|thông báo|quyết định)"
                       r"\s+(?:(?:it|that\s+it|they|would|will|to|the|its)\s+){0,3}"
                       r"(?:terminat\w*|end(?:ing)?|scrap\w*|withdraw\w*\s+from|chấm dứt|rút khỏi)",
                       re.I)


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        for m in RENEW.finditer(ctx.text, s.start, s.end):
            c = _renewal(ctx, s, m)
            if c is not None:
                out.append(c)
        for m in TERMINATE.finditer(ctx.text, s.start, s.end):
            c = _termination(ctx, s, m)
            if c is not None:
                out.append(c)
    return out


def _termination(ctx: Context, s: Sentence, m: re.Match) -> Candidate | None:
    text = ctx.text
    inst = [x for x in INSTRUMENT.finditer(text, m.end(), min(s.end, m.end() + 40))
            if re.fullmatch(r"\s*(?:the\s+|this\s+|its\s+)?", text[m.end() : x.start()], re.I)]
    if not inst:
        return None
    from .context import group_before

    subj = [x for x in group_before(ctx, s.start, m.start()) if x.is_state and x.key]
    if not subj:
        return None
    end = _title_end(ctx, inst[0].start(), inst[0].end(), s.end)
    return Candidate("claim", {"claim_type": "intention", "modality": "intended",
                               "subjects": [ctx.label(x.key) for x in subj]},
                     subj[0].start, end, 0.6, "agreement-termination-announced")


def _renewal(ctx: Context, s: Sentence, m: re.Match) -> Candidate | None:
    text = ctx.text
    a, b = m.start(), m.end()
    if negated(ctx, a, s.start):
        return None
    insts = list(INSTRUMENT.finditer(text, s.start, s.end))
    after = [x for x in insts if b <= x.start() <= b + 60]
    passive = [x for x in insts if x.end() <= a and re.fullmatch(
        r"[^.;]{0,40}?\b(?:was|were|has\s+been|have\s+been|been|được)\s+", text[x.end() : a])]
    if after:
        inst_m, before_verb = after[0], False
    elif passive:
        inst_m, before_verb = passive[-1], True
    else:
        return None
    start = inst_m.start()
    lead = re.match(r"(?:(?:the|The|a|an|its|their)\s+)+", inst_m.group())
    if lead:
        start += lead.end()
    end = _title_end(ctx, start, inst_m.end(), s.end)
    stop = re.search(r"\s(?:ký|signed|concluded|for\s|thêm\s|was\s|were\s|được\s)", text[start:end])
    if stop and start + stop.start() >= inst_m.end() - 1:
        end = start + stop.start()
    title = _clean_title(text[start:end])
    # the instrument's own year: "the 2001 treaty", "signed in 2001", "ký năm 2001"
    signed: DateMention | None = None
    own = [d for d in ctx.dates_in(max(s.start, start - 12), s.end)
           if d.value is not None and isinstance(d.value, str)
           and (d.end <= start + 1 and start - d.end <= 6
                or SIGNED.search(text[max(end, d.start - 25) : d.start]) and d.start >= end)]
    if own:
        signed = own[0]
    clause_a = s.start
    parties = _parties(ctx, clause_a, a if not before_verb else start, b, s.end)
    between = re.search(r"\b(?:between|giữa)\s+", text[end : s.end])
    if between:
        from .context import group_after

        ms = group_after(ctx, end + between.end(), s.end, states_only=False)
        ks = [x.key for x in ms if x.key and (x.is_state or x.key == "EU")]
        if len(ks) >= 2:
            parties = ks
    flags: list[str] = []
    if len(parties) < 2 and len(ctx.pair) == 2:
        parties = list(ctx.pair)
        flags.append("pair-from-document")
    if len(parties) < 2:
        return None
    dates = [d for d in ctx.dates_in(s.start, s.end) if d.value is not None
             and isinstance(d.value, str) and d is not signed and d is not ctx.dateline
             and d.kind in ("point", "asof")]
    # the renewal's date: after the verb first ("extended in 2021"), then the clause's opening
    when = next((d for d in dates if d.start >= b and not (start <= d.start < end)), None)
    if when is None:
        earlier = [d for d in dates if d.end <= a]
        when = earlier[-1] if earlier else None
    span_end = max(end, b)
    if modal(ctx, a, s.start):
        return Candidate("claim", {"claim_type": "intention", "modality": "intended",
                                   "subjects": [ctx.label(k) for k in parties]},
                         max(s.start, a - 40), span_end, 0.6, "renewal-intended", flags)
    data: dict = {"instrument": instrument(title), "title": {ctx.lang: title},
                  "parties": [ctx.label(k) for k in parties]}
    if signed is not None:
        data["signed"] = signed.value
    if when is not None:
        data["renewed"] = when.value
        flags += [f for f in when.flags if f != "unresolved"]
    t = term(text[b : s.end]) if not before_verb else term(text[a : s.end])
    if t:
        data["renewed_for"] = t
    fields = _fields(title)
    if fields:
        data["fields"] = fields
    lo = min(a, start)
    if when is not None and when.start < lo and when.start >= s.start:
        lo = when.start
    hi = max(span_end, when.end if when is not None else 0,
             signed.end if signed is not None else 0)
    tm = TERM.search(text, b, s.end)
    if tm:
        hi = max(hi, tm.end())
    return Candidate("agreement", data, lo, min(hi, s.end), 0.75,
                     f"agreement-renewal-{data['instrument']}", flags)
