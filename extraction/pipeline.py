"""From a text to candidate facts: build the context, run every rule, drop duplicates."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..graph.registry import Registry
from . import (
    agreements,
    claims,
    clauses,
    conventions,
    credentials,
    economy,
    entry_into_force,
    events,
    futures,
    membership_ends,
    memberships,
    missions,
    partnerships,
    places,
    relations,
    renewals,
    states_in_time,
    structure,
    verifier,
)
from .context import Candidate, Context
from .language import detect
from .names import gazetteer

#: the rules, one module per fact type
RULES: list[tuple[str, Callable[[Context], list[Candidate]]]] = [
    ("relations", relations.extract),
    ("memberships", memberships.extract),
    ("membership ends", membership_ends.extract),
    ("partnerships", partnerships.extract),
    ("agreements", agreements.extract),
    ("renewals", renewals.extract),
    ("events", events.extract),
    ("missions", missions.extract),
    ("credentials", credentials.extract),
    ("economy", economy.extract),
    ("claims", claims.extract),
    ("places", places.extract),
    ("structure", structure.extract),
]


@dataclass
class Extraction:
    """What ``extract_text`` found."""

    text: str
    lang: str
    candidates: list[Candidate]
    context: Context
    notes: list[str] = field(default_factory=list)


def _key(c: Candidate, with_dates: bool = True) -> str:
    data = {k: v for k, v in c.data.items()
            if with_dates or k not in ("date", "start", "end", "signed", "period")}
    for k in ("parties", "subjects"):
        if isinstance(data.get(k), list):
            data[k] = sorted(data[k])
    if "participants" in data:
        data["participants"] = sorted(json.dumps(p, sort_keys=True) for p in data["participants"])
    title = data.pop("title", None)
    if c.type == "agreement" and "date-from-context" in c.flags and isinstance(title, dict):
        # two instruments signed together ("ký bản ghi nhớ về A và bản ghi nhớ về B") differ
        # by their titles only; an acronym in brackets does not make another title
        data["title"] = " ".join(re.sub(r"\([^)]*\)", " ", " ".join(map(str, title.values())))
                                 .lower().split())
    data.pop("fields", None)
    data.pop("place", None)
    return c.type + json.dumps(data, sort_keys=True, default=str)


def _two_titled(x: Candidate, c: Candidate) -> bool:
    """Two instruments of one signing, each named by its own title ("ký Hiệp ước Hữu nghị và
    Hợp tác và, cũng trong ngày này, Hiệp ước hoạch định biên giới")."""
    if x.type != "agreement" or c.type != "agreement" or "date-from-context" in x.flags + c.flags:
        return False
    a, b = (" ".join(map(str, (y.data.get("title") or {}).values())) for y in (x, c))
    return all(len(t.split()) >= 3 and t[:1].isupper() for t in (a, b)) \
        and a.lower() not in b.lower() and b.lower() not in a.lower()


def dedupe(cands: list[Candidate], headline_end: int = -1, titled: bool = False
           ) -> list[Candidate]:
    """One candidate per statement: identical ones merge; an undated one goes when the same
    fact is also found with a date; the most confident wins. ``titled``: the first line is a
    headline (short, no final stop)."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: -c.confidence):
        k = _key(c)
        if any(_key(x) == k and ((x.start < c.end and c.start < x.end)
                                 or "date-from-context" in c.flags + x.flags)
               and not _two_titled(x, c) for x in kept):
            continue
        kept.append(c)
    dated = {_key(c, False) for c in kept if any(x in c.data for x in ("date", "start", "signed",
                                                                         "period"))}
    out = []
    ended = {_key(c, False) for c in kept if "end_reason" in c.data and "end" in c.data}
    returned = {(c.data["member"], c.data["organization"]) for c in kept
                if c.rule == "membership-rejoin" and "start" in c.data}
    body_agreements = [(c.data.get("instrument"), set(c.data.get("parties") or []))
                       for c in kept if c.type == "agreement" and c.start > headline_end]
    body_ties = {_key(c, False) for c in kept if c.start > headline_end
                 and c.type in ("partnership", "relation")}
    for c in kept:
        if c.type in ("partnership", "relation") and c.end <= headline_end and titled \
                and _key(c, False) in body_ties:
            # round 21: "India and Ghana lift ties to comprehensive partnership", then the
            # body's upgrade with its own day: the headline's day is only the dateline's
            continue
        if c.type == "agreement" and c.end <= headline_end and titled and any(
                inst == c.data.get("instrument") and set(c.data.get("parties") or []) <= parties
                for inst, parties in body_agreements):
            # "Japan and the Philippines sign defence pact", then the body's signing (of
            # those two, or of them and a third: "ba nhà lãnh đạo cùng ký một tuyên bố chung")
            continue
        if c.rule == "membership-rejoin" and "start" not in c.data and (
                c.data["member"], c.data["organization"]) in returned:
            continue  # a headline's "Syria trở lại Liên đoàn Ả Rập", then the dated return
        undated = not any(x in c.data for x in ("date", "start", "signed", "period"))
        if undated and _key(c, False) in dated and (
                c.type not in ("membership", "claim") or c.end <= headline_end):
            continue  # a headline announces what the body states with its date
        if "end_reason" in c.data and "end" not in c.data and _key(c, False) in ended:
            continue  # "left UNESCO twice", then each time with its date
        out.append(c)
    return sorted(out, key=lambda c: (c.start, c.end, c.type))


def extract_text(text: str, lang: str | None = None, registry: Registry | None = None,
                 anchor: str | None = None, verify: bool | None = None) -> Extraction:
    """Candidate facts of ``text`` (language detected when not given). ``verify``: score the
    candidates with the learned verifier (``extraction/verifier.py``; default: unless
    ``DIPLOGRAPH_VERIFIER=off``)."""
    lang = lang or detect(text) or "en"
    ctx = Context.build(text, lang, gazetteer(registry), anchor)
    cands = _run(ctx)
    for a, b, state in _state_sections(ctx):
        # a section about one partner of the text's subject ("China. The two countries …"):
        # its pair is the subject and that partner
        sub = replace(ctx, pair=(ctx.subject, state), pair_strong=True,
                      sents=[s for s in ctx.sents if a <= s.start < b])
        cands = [c for c in cands if not a <= c.start < b] + [
            c for c in _run(sub) if a <= c.start < b]
    if ctx.by_page:
        # round 54: a side taken from the page's subject, not written ("President Museveni"
        # on a Uganda page), as sure as "the two countries" read as the pair: a little less
        for c in cands:
            if c.type in ("event", "agreement") and any(c.start <= x < c.end for x in ctx.by_page):
                c.confidence = round(c.confidence - 0.05, 2)
    cands = entry_into_force.attach(ctx, _renewed_once(_reported_once(cands)))
    first = text[: max(text.find("\n"), 0)].strip()
    kept = dedupe(cands, text.find("\n"), 0 < len(first) < 120 and not first.endswith("."))
    # round 30: the conventions of session 16 (a membership and its end one fact, a visit of
    # one day dated, present undated memberships none)
    kept = conventions.apply(ctx, kept)
    # round 50: a visit or a meeting no pass could date is flagged for the curator
    kept = events.flag_undated(kept)
    # round 22: a state named by today's name for a date its predecessor's record covers
    kept = states_in_time.attribute(kept, ctx.gazetteer.registry, ctx.gazetteer.label)
    # session 20: the learned verifier's score becomes the confidence (off: the rules' own)
    if verifier.enabled() if verify is None else verify:
        kept = verifier.apply(ctx, kept)
    return Extraction(text, lang, kept, ctx)


def _run(ctx: Context) -> list[Candidate]:
    cands: list[Candidate] = []
    for _, rule in RULES:
        cands += rule(ctx)
    # round 26: the clause reader proposes, at lower confidence, what no rule found
    out = cands + clauses.extract(ctx, cands)
    # round 39: a joining told as an aim, an intention or an application is no membership
    out = [c for c in out if not memberships.intended(ctx, c)]
    # round 40: a visit, meeting, agreement or partnership told in the future is none yet
    out = [c for c in out if not futures.told_as_future(ctx, c)]
    # round 29: "A and B (both 1969)": a year the rules and the clause reader left to one side
    memberships.both_year(ctx, out)
    # round 30: "a founding member of X, formed in Caracas in December 2011"
    memberships.founded_when(ctx, out)
    # round 30: "… là thành viên sáng lập A (1981), thành viên WTO từ năm 1995, NAM (2006) …"
    out = memberships.listed_after(ctx, out)
    # round 31: "the Alliance of Sahel States, which Mali, Burkina Faso and Niger formed in …"
    out = memberships.founded_by_which(ctx, out)
    # round 32: "thành viên sáng lập A (1970), của B (1975) và của C (1994)"
    out = memberships.founding_of_each(ctx, out)
    # round 32: "sign agreements on A, on B and on C", "ký các văn kiện về A, về B và về C"
    out = agreements.listed_each(ctx, out)
    # round 32: "a member of the Commonwealth since independence"
    memberships.since_independence(ctx, out)
    # round 33: "…, đồng thời chấm dứt quan hệ với Đài Loan"
    relations.same_time(ctx, out)
    # round 34: "established diplomatic relations with Suva on the day of independence"
    relations.on_independence_day(ctx, out)
    # round 34: "Tổng thống A đã ra tận sân bay đón ông", "was welcomed at the airport by A"
    out += events.airport_welcomes(ctx, out)
    # round 35: "President A greeted him on the tarmac" (the lead's decision of session 19)
    out += events.arrival_greetings(ctx, out)
    # round 33: "became independent … and stayed in the Commonwealth"
    out += memberships.kept_at_independence(ctx, out)
    return out


def _state_sections(ctx: Context) -> list[tuple[int, int, str]]:
    """Runs of sentences that sections give one partner state other than the subject."""
    if ctx.subject is None or not ctx.sections:
        return []
    out: list[tuple[int, int, str]] = []
    for s in ctx.sents:
        state = ctx.section_at(s.start)[0]
        if state is None or state == ctx.subject:
            continue
        if out and out[-1][2] == state and out[-1][1] >= s.start - 2 and all(
                ctx.section_at(x.start)[0] == state for x in ctx.sents
                if out[-1][1] <= x.start < s.start):
            out[-1] = (out[-1][0], s.end, state)
        else:
            out.append((s.start, s.end, state))
    return out


def _reported_once(cands: list[Candidate]) -> list[Candidate]:
    """An intention in reported speech ("announced that it would withdraw") that another rule
    already read as a claim of the same subjects, overlapping it, is that claim."""
    claims = [c for c in cands if c.type == "claim" and c.rule != "claim-reported"]
    return [c for c in cands if c.rule != "claim-reported" or not any(
        o.start < c.end and c.start < o.end
        and sorted(o.data.get("subjects") or []) == sorted(c.data.get("subjects") or [])
        for o in claims)]


def _renewed_once(cands: list[Candidate]) -> list[Candidate]:
    """A renewal ("extended the treaty signed in 2001") is one agreement: the signing the
    agreement rules read in the same words is dropped when a renewal of the same instrument
    and parties overlaps it."""
    renewals = [c for c in cands if c.type == "agreement" and "renewed" in c.data]

    def covered(c: Candidate) -> bool:
        return c.type == "agreement" and "renewed" not in c.data and any(
            r.start < c.end and c.start < r.end
            and r.data["instrument"] == c.data.get("instrument")
            and sorted(r.data["parties"]) == sorted(c.data.get("parties") or [])
            for r in renewals)

    return [c for c in cands if not covered(c)]
