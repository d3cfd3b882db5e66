"""Round 30: the annotation conventions the lead settled in session 16, applied to the rules'
candidates after they are deduplicated (``tests/extraction/corpus/README.md``, "What the gold
files annotate"). The parts written before the conventions keep their gold; what following
the conventions costs them is measured in ``docs/extraction.md`` (round 30).

- **A membership and its end told together** ("joined in 1975 but withdrew in 1995") are one
  fact with ``start``, ``end`` and ``end_reason`` (:func:`membership_with_end`).
- **A visit dated by one day** (its arrival, or the day the text gives) takes ``date``;
  ``start`` and ``end`` only where the text gives the span, also by a length told with its
  first day (round 41, the lead's convention of session 23; :func:`visit_by_one_day`).
- **A membership stated in the present with no date** ("both are members of the UN", "và là
  thành viên …") is no fact; one with a year, a founding, an accession or an observer's seat
  is (:func:`present_undated_memberships`).

The meeting roles (``host`` only for the side the text says received or hosted the meeting)
are written by the meeting rule itself (``events._meetings``).
"""

from __future__ import annotations

import re

from .context import Candidate, Context
from .events import END_FROM_LENGTH

#: a membership in the present tense: "is a member of", "are both members of", "belongs to",
#: "là thành viên", "cùng là thành viên", "và là thành viên"
PRESENT_MEMBER = re.compile(
    r"\b(?:is|are|remains?)\s+(?:\w+\s+){0,3}?members?\b|\bbelongs?\s+to\b"
    r"|(?<!\w)(?:là|vẫn là)\s+(?:\w+\s+){0,2}?thành\s+viên(?!\w)", re.I)
#: a membership's start told in the past after the present words ("is a member of … since it
#: joined …") makes it no present statement
_PAST_AFTER = re.compile(r"\b(?:joined|was\s+admitted|became|since)\b|gia nhập|trở thành|kết nạp"
                         r"|(?<!\w)từ\s+(?:năm|khi)", re.I)
_UNDATED_RULES = ("membership-join", "membership-join-coordinated")
#: the ends that close a membership; a suspension suspends it ("readmitted in 2019, suspended
#: again in 2021": two facts, as the gold files write them)
_ENDS = ("withdrawal", "expulsion", "expiry")


def apply(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """The candidates written to the conventions (a new list; merged ones are dropped)."""
    cands = present_undated_memberships(ctx, cands)
    cands = membership_with_end(ctx, cands)
    visit_by_one_day(cands)
    return cands


def present_undated_memberships(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Drop a full membership with no date, no end and no other role whose words are in the
    present ("Viet Nam and Saint Vincent and the Grenadines are both members of the UN")."""
    out = []
    for c in cands:
        d = c.data
        if c.type == "membership" and c.rule in _UNDATED_RULES and not any(
                k in d for k in ("start", "end", "end_reason")) \
                and set(d.get("roles") or ["full"]) == {"full"}:
            quote = ctx.text[c.start : c.end]
            present = list(PRESENT_MEMBER.finditer(quote))
            if present and not _PAST_AFTER.search(quote, present[-1].end()):
                continue
        out.append(c)
    return out


def membership_with_end(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """A membership's end in the sentence of its start, after it, of the same member and
    organisation, joins the start's fact (an accession's or a return's: "returned to it in 2015
    but withdrew again in 2025"): ``end`` (when dated) and ``end_reason``; an end
    dated before the start ("readmitted in 2023 after its suspension of 2011") is another
    membership's."""
    starts = [c for c in cands if c.type == "membership" and "start" in c.data
              and "end" not in c.data and "end_reason" not in c.data]
    gone: set[int] = set()
    merged: set[int] = set()
    for e in cands:
        if e.type != "membership" or "start" in e.data \
                or e.data.get("end_reason") not in _ENDS:
            continue
        sent = ctx.sentence_of(e.start)
        before = [s for s in starts if id(s) not in gone and s.start <= e.start
                  and s.end < e.end and sent.start <= s.start < sent.end
                  and str(e.data.get("end", "9999")) >= str(s.data["start"])
                  and s.data["member"] == e.data["member"]
                  and s.data["organization"] == e.data["organization"]]
        if not before:
            continue
        s = max(before, key=lambda x: (x.start, x.end))  # the nearest start before the end
        for k in ("end", "end_reason"):
            if k in e.data:
                s.data[k] = e.data[k]
        s.end = max(s.end, e.end)
        s.flags = s.flags + [f for f in e.flags if f not in s.flags]
        gone.add(id(s))  # one end per start
        merged.add(id(e))
    return [c for c in cands if id(c) not in merged]


def visit_by_one_day(cands: list[Candidate]) -> None:
    """A visit with a start and no end (counted from its arrival), or a start and an end of one
    day, is dated by that day (in place). Round 41: an arrival whose last day the rule counted
    from the visit's length ("began a four-day visit on 27 December 2017", flag
    ``end-from-length``) keeps its span: the text gives both ends (the lead's convention of
    session 23, "a visit's span told anywhere"; rounds 30-40 dated it by its first day)."""
    for c in cands:
        d = c.data
        if c.type == "event" and d.get("event_type") == "visit" and "start" in d and (
                d.get("end") in (None, d["start"])):
            d["date"] = d.pop("start")
            d.pop("end", None)
            c.flags = [f for f in c.flags if f != END_FROM_LENGTH]
