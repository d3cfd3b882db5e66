"""Diplomatic missions reopened, in the forms the events rules (``events.MISSION``) do not
read: "Vietnam's embassy in Islamabad reopened in December 2005" (a possessive subject), "A
withdrew its embassy from Hanoi in 1980 and reopened it in October 2000" (the pronoun), each an
`embassy-opening` event with its sender, its host (the state of the city named) and its date.
"""

from __future__ import annotations

import re

from .context import Candidate, Context, group_before, negated, pick_date, span_of
from .names import Mention

# (round 36: "A's own embassy in B reopened only in 2013")
_MISSION = (r"(?:(?:new\s+|resident\s+|own\s+)?(?:embass(?:y|ies)|high\s+commission"
            r"|consulate(?:-general)?|(?:resident\s+|diplomatic\s+)mission)|(?-i:Embassy|High\s+Commission)"
            r"|đại\s+sứ\s+quán|tổng\s+lãnh\s+sự\s+quán|lãnh\s+sự\s+quán)")
#: "A's embassy in B reopened in …"
PASSIVE = re.compile(rf"['’]s\s+{_MISSION}\s+(?:in|at)\s+", re.I)
#: "A withdrew its embassy from B in 1980 and reopened it in 2000": the reopening
REOPENED_IT = re.compile(rf"\b(?:withdrew|closed)\s+(?:its|their)\s+{_MISSION}\s+(?:from|in)\s+",
                         re.I)
#: round 24: a mission working since a date: "The High Commission of India in Dar es Salaam has
#: functioned since 19 November 1961", "the Embassy of Chile in Hanoi has operated since …"
OF_SINCE = re.compile(rf"\b{_MISSION}\s+of\s+(?:the\s+)?", re.I)
_SINCE_AFTER = re.compile(r"\s+(?:has|have|had)\s+(?:functioned|operated|worked|been\s+(?:open"
                          r"|operating|functioning|working))\s+since\s+(?=\d)")
#: round 24: an opening ceremony attended by the sender's leader: "Tổng thống A dự lễ mở lại Đại
#: sứ quán Paraguay tại Jerusalem", "President A attended the opening of Paraguay's embassy in …"
ATTENDED = re.compile(rf"(?<!\w)dự\s+lễ\s+(?:khai\s+trương|mở\s+lại|mở\s+cửa|mở|khánh\s+thành)\s+"
                      rf"{_MISSION}\s+(?=\S)"
                      r"|\battended\s+the\s+(?:re-?)?opening\s+(?:ceremony\s+)?of\s+(?:the\s+)?"
                      r"(?=\S)", re.I)
_OPENED_AFTER = re.compile(r"\s+(?:was\s+|were\s+)?(?:opened|reopened|re-opened|inaugurated)\b")


def _state_at(ctx: Context, pos: int, limit: int) -> Mention | None:
    """The state of the city (or the state) named at ``pos``."""
    ms = [x for x in ctx.mentions_in(pos, limit) if x.start == pos and x.key and x.is_state]
    return ms[0] if ms else None


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        for m in PASSIVE.finditer(ctx.text, s.start, s.end):
            host = _state_at(ctx, m.end(), s.end)
            if host is None:
                continue
            after = _OPENED_AFTER.match(ctx.text, host.end)
            if after is None:
                continue
            sender = [x for x in ctx.mentions_in(s.start, m.start()) if x.key and x.is_state
                      and x.end == m.start()]
            if not sender or sender[0].key == host.key:
                continue
            out.append(_mk(ctx, s, sender[0], host, sender[0].start, after.end(), after.end()))
        for m in REOPENED_IT.finditer(ctx.text, s.start, s.end):
            host = _state_at(ctx, m.end(), s.end)
            sender = [x for x in group_before(ctx, s.start, m.start()) if x.key][-1:]
            again = re.match(r"[^;.]*?\s+and\s+(?:later\s+)?reopened\s+it\b", ctx.text[
                host.end : s.end]) if host is not None else None
            if host is None or not sender or again is None or sender[0].key == host.key:
                continue
            at = host.end + again.end()
            out.append(_mk(ctx, s, sender[0], host, at - len("reopened it"), at, at))
        for m in ATTENDED.finditer(ctx.text, s.start, s.end):
            sender = _state_at(ctx, m.end(), s.end)
            if sender is None:
                continue
            rest = re.match(rf"(?:['’]s)?\s+(?:{_MISSION}\s+)?(?:tại|ở|in|at)\s+",
                            ctx.text[sender.end : s.end], re.I)
            host = _state_at(ctx, sender.end + rest.end(), s.end) if rest else None
            if host is None or host.key == sender.key or negated(ctx, m.start(), s.start):
                continue
            c = _mk(ctx, s, sender, host, m.start(), sender.end + rest.end(), host.end)
            posts = [p for p in ctx.posts if s.start <= p.start and p.end <= m.start()
                     and p.state in (None, sender.key) and p.office != "ambassador"
                     and not re.search(r"[,;]", ctx.text[p.end : m.start()])]
            if posts:  # the leader who attended: the sender's post
                c.data["participants"][0]["post"] = {"label": {ctx.lang: posts[-1].label},
                                                     "office": posts[-1].office}
            d = [x for x in ctx.dates_in(s.start, m.start()) if isinstance(x.value, str)]
            if d:  # the day fronted before the leader ("ngày 12/12/2024 Tổng thống …")
                c.data["date"] = d[-1].value
            out.append(c)
        for m in OF_SINCE.finditer(ctx.text, s.start, s.end):
            sender = _state_at(ctx, m.end(), s.end)
            at = re.match(r"\s+(?:in|at)\s+", ctx.text[sender.end : s.end]) if sender else None
            host = _state_at(ctx, sender.end + at.end(), s.end) if at else None
            since = _SINCE_AFTER.match(ctx.text, host.end) if host is not None else None
            if since is None or sender.key == host.key:
                continue
            c = _mk(ctx, s, sender, host, m.start(), since.end(), since.end())
            ds = [d for d in ctx.dates_in(since.end(), s.end)
                  if d.start == since.end() and isinstance(d.value, str)]
            if ds:  # (the date after "since" is the opening's)
                c.data["date"] = ds[0].value
                c.end = max(c.end, min(ds[0].end, s.end))
            out.append(c)
        for m in OPENED_THEN.finditer(ctx.text, s.start, s.end):
            host = _state_at(ctx, m.end(), s.end)
            sender = [x for x in group_before(ctx, s.start, m.start()) if x.key and x.is_state]
            semi = ctx.text.find(";", m.end(), s.end)
            limit = semi if semi >= 0 else s.end
            again = REOPENED_GAPPED.search(ctx.text, host.end, limit) if host is not None \
                else None
            if host is None or not sender or again is None or sender[-1].key == host.key \
                    or re.search(r"(?-i:[A-ZĐ])\w+\s+(?:mở|opened)",
                                 ctx.text[host.end : again.start()]):
                continue
            out.append(_mk(ctx, s, sender[-1], host, again.start(1), again.end(), again.end()))
    return out


#: "Việt Nam mở Đại sứ quán tại Oslo năm 1978, đóng cửa năm 1982 rồi mở lại ngày 23/12/2009",
#: "A opened an embassy in B in 1978, closed it in 1982 and reopened it in 2009": the
#: reopening shares the first clause's sender and host
OPENED_THEN = re.compile(rf"(?<!\w)(?:mở|opened)\s+(?:an?\s+|its\s+)?{_MISSION}\s+(?:tại|ở|in)\s+",
                         re.I)
REOPENED_GAPPED = re.compile(r"(?:,\s*|\s)(?:rồi|và|and|then)\s+(?:đã\s+|later\s+)?"
                             r"((?<!\w)mở\s+lại|tái\s+mở|reopened\s+(?:it|them)|re-opened\s+it)(?!\w)",
                             re.I)


def _mk(ctx: Context, s, sender: Mention, host: Mention, a: int, b: int, after: int
        ) -> Candidate:
    semi = ctx.text.find(";", after, s.end)
    clause_end = semi if semi >= 0 else s.end
    nxt = re.search(r",?\s+(?:and|và)\s+(?:\w+\s+){0,3}?(?:opened|reopened|mở)\b",
                    ctx.text[after:clause_end])
    clause_end = after + nxt.start() if nxt else clause_end
    d = pick_date(ctx, after, clause_end, after) or pick_date(ctx, s.start, a, a)
    data: dict = {"event_type": "embassy-opening",
                  "participants": [{"actor": ctx.label(sender.key), "role": "sender"},
                                   {"actor": ctx.label(host.key), "role": "host"}],
                  "place": ctx.label(host.key)}
    flags: list[str] = []
    if d is not None and isinstance(d.value, str):
        data["date"] = d.value
        flags = [f for f in d.flags if f != "unresolved"]
    span = span_of((min(a, sender.start), b), d) if d is not None else (min(a, sender.start), b)
    return Candidate("event", data, max(span[0], s.start), min(span[1], s.end), 0.7,
                     "event-embassy-opening", flags)
