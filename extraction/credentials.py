"""An ambassador's presentation of credentials, as the corpus annotates it (the lead's
convention of session 17, tests/extraction/corpus/README.md): a `meeting` in which the
ambassador is a `participant` with the post `ambassador` and the receiving state, whose head
(or the head's stand-in) the text names, is `host`.

"On 24 January 2024 Ambassador A presented his credentials to President B in Riga", "Ngày
15/9/2022, Đại sứ A trình thư ủy nhiệm lên Thân vương kế vị B tại Vaduz", a caption "Đại sứ A
trình Quốc thư lên Tổng thống B, Paramaribo, 26/7/2024". Only where the text says to whom
("presented his credentials." alone is no meeting of two named sides), and only where both
states are told: by the posts ("Đại sứ Việt Nam"), the place, or the text's own state (an
ambassador presenting credentials in a text on one state presents them to it, the other of
the text's pair sending him).
"""

from __future__ import annotations

import re

from .context import Candidate, Context, Post, pick_date
from .events import _participant
from .names import Mention

#: the presentation, up to the receiver: "presented his credentials (online) to", "trình Thư ủy
#: nhiệm lên", "trình Quốc thư lên"
PRESENTED = re.compile(
    r"\bpresented\s+(?:his|her|their|the)\s+(?:credentials|letters?\s+of\s+credence)"
    r"(?:\s+(?:online|virtually|in\s+person))?\s+to\s+(?:the\s+)?"
    r"|(?<!\w)trình\s+(?:[Tt]hư\s+ủy\s+nhiệm|[Qq]uốc\s+thư|ủy\s+nhiệm\s+thư)"
    r"(?:\s+(?:trực\s+tuyến))?\s+lên\s+")
#: a place in the receiver's clause: "in Riga", "tại Vaduz", or a caption's ", Paramaribo,"
_PLACE = re.compile(r"\s+(?:in|at|tại|ở)\s+|,\s+(?=\S+(?:\s+\S+)?,\s*\d)")
#: a presentation not made in person: no place
ONLINE = re.compile(r"\b(?:online|virtually|by\s+video)\b|trực\s+tuyến", re.IGNORECASE)
#: where the receiver's clause ends
_CLAUSE_END = re.compile(r"[,;.]|\s+(?:and|và|who|which|người)\s|$")


def _state(ctx: Context, pos: int, b: int) -> Mention | None:
    return next((x for x in ctx.mentions_in(pos, b) if x.start == pos and x.key
                 and x.is_state), None)


def _place(ctx: Context, a: int, b: int) -> Mention | None:
    for m in _PLACE.finditer(ctx.text, a, b):
        x = _state(ctx, m.end(), b)
        if x is not None:
            return x
    return None


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    text = ctx.text
    for s in ctx.sents:
        for m in PRESENTED.finditer(text, s.start, s.end):
            envoy = next((p for p in reversed(ctx.posts_in(s.start, m.start()))
                          if p.office == "ambassador"), None)
            if envoy is None or re.search(r"[;.]", text[envoy.end : m.start()]):
                continue
            receiver: Post | None = next((p for p in ctx.posts_in(m.end(), s.end)
                                          if p.start == m.end()), None)
            # the receiver's clause: after the receiver's name (a post, else a title and a
            # name the rules cannot tell apart) up to a comma or a new clause ("…, who told
            # him …"), a caption's place and date kept
            after = receiver.end if receiver is not None else m.end()
            caption = re.match(r"[^,;.]*,\s+\S+(?:\s+\S+)?,\s*\d", text[after : s.end])
            stop = _CLAUSE_END.search(text, after + 1, s.end)
            end = s.end if caption else (stop.start() if stop else s.end)
            # (a place stated in the envoy's own clause: "Đại sứ A công tác tại Suriname,
            # trình Quốc thư lên …")
            place = _place(ctx, after, end) or _place(ctx, envoy.end, m.start())
            sender = envoy.state
            host = receiver.state if receiver is not None and receiver.state else (
                place.key if place is not None else None)
            if host is None and ctx.subject is not None and sender != ctx.subject:
                host = ctx.subject
            if sender is None and host is not None and len(ctx.pair) == 2 and host in ctx.pair:
                sender = ctx.pair[0] if ctx.pair[1] == host else ctx.pair[1]
            if sender is None or host is None or sender == host:
                continue
            d = pick_date(ctx, s.start, end, m.start())
            data: dict = {"event_type": "meeting", "participants": [
                _participant(ctx, sender, "participant", envoy),
                _participant(ctx, host, "host", receiver)]}
            if place is not None:
                data["place"] = ctx.label(place.key or "")
            elif not ONLINE.search(text, s.start, end):
                # round 40: credentials are presented in the receiving state (the gold's
                # practice, 30 of 32 facts in 13 parts); a city the registry does not know
                # ("tại Pooc Vi-la") or none told leaves the place to the host
                data["place"] = ctx.label(host)
            if d is not None and isinstance(d.value, str):
                data["date"] = d.value
            elif d is not None and isinstance(d.value, dict):
                data["start"], data["end"] = d.value["from"], d.value["to"]
            out.append(Candidate("event", data, envoy.start, max(m.end(), end), 0.65,
                                 "event-credentials",
                                 [f for f in (d.flags if d else ()) if f != "unresolved"]))
    return out
