"""Entry into force of agreements: "entered into force on 1 August 2020", "took effect",
"came into force", "went into effect", "has been in force since 2008", Vietnamese "có hiệu lực
từ ngày 1/1/2014", "chính thức có hiệu lực". The date becomes the agreement's ``in_force``
(never its ``signed``).

An entry into force is said of an agreement the text has just named: the signing in the same
sentence ("was signed on 5 May 2015 and took effect on 20 December 2015"), the instrument that
is the clause's subject ("The EVFTA entered into force …" names one of the agreements signed
before; "the treaty", "it", "hiệp định" the last one), or, when no signing is read, a new
agreement candidate with the instrument, its parties and a signing date the same sentence gives
("came into force on Saturday, ten months after the two countries signed it on 31 May 2022").
A negated or expected entry into force ("has not yet entered into force", "is expected to take
effect", "chưa có hiệu lực", "dự kiến có hiệu lực") gives nothing; an exit that took effect
(a membership) is not an agreement.

>>> bool(IN_FORCE.search("entered into force on 1 August 2020")), bool(IN_FORCE.search(
...     "có hiệu lực từ ngày 1/1/2014")), bool(IN_FORCE.search("dự án còn hiệu lực"))
(True, True, False)
"""

from __future__ import annotations

import re

from .agreements import INSTRUMENT, _clean_title, _fields, _parties, _title_end, instrument
from .context import Candidate, Context, Sentence
from .dates import DateMention

IN_FORCE = re.compile(
    r"\b(?:enter(?:ed|s|ing)?|c(?:a|o)me(?:s)?|coming|went|go(?:es)?|put)\s+"
    # round 24: "entered fully into force on 1 July 2016"
    r"(?:(?:fully|formally|definitively|finally)\s+)?into\s+(?:force|effect)\b"
    r"|\btook\s+effect\b|\btakes?\s+effect\b|\btaking\s+effect\b|\b(?:has\s+been|have\s+been|"
    r"was|is|are|were|remains?|been)\s+in\s+force\b|\bbecame\s+effective\b"
    r"|(?<!\w)(?:chính thức\s+|bắt đầu\s+)?có hiệu lực(?!\w)", re.I)
#: what stops an entry into force from being a fact
_NOT = re.compile(r"(?:\b(?:not|never|no|yet\s+to|awaits?|awaiting|pending)\b[^.;,]{0,25}"
                  r"|(?<!\w)chưa\s+(?:chính thức\s+)?)$", re.I)
_MODAL = re.compile(r"(?:\b(?:will|would|shall|should|could|may|might|expected\s+to|due\s+to|set"
                    r"\s+to|scheduled\s+to|likely\s+to|to)\s+(?:\w+\s+)?"
                    r"|(?<!\w)(?:sẽ|dự kiến|dự kiến sẽ|có thể|nhằm|để)\s+(?:\w+\s+)?)$", re.I)
#: a subject that refers back to the last agreement named ("the treaty", "it", "hiệp định")
_ANAPHOR = re.compile(r"(?:^|[;,]\s*|\band\s+|\bvà\s+)(?:it|this|(?:the|this|that)\s+(?:[\w-]+\s+)?"
                      r"(?:treaty|agreement|pact|accord|deal|protocol|memorandum)"
                      r"|(?:hiệp định|hiệp ước|thỏa thuận|thoả thuận|văn kiện|nghị định thư)"
                      r"(?:\s+này)?)\s*$", re.I)
_ACRONYM = re.compile(r"\b[A-Z][A-Z\-]{2,}\b")
_CLAUSE_STOP = re.compile(r"[;]|\s(?:but|while|whereas|nhưng|còn)\s")


def _date_after(ctx: Context, s: Sentence, b: int) -> DateMention | None:
    """The first date after the verb, inside its clause ("on 1 August 2020", "từ ngày 1/1/2014";
    "in October 2016"), not one that belongs to a signing later in the clause."""
    stop = _CLAUSE_STOP.search(ctx.text, b, s.end)
    end = stop.start() if stop else s.end
    for d in ctx.dates_in(b, end):
        if d.value is None or not isinstance(d.value, str) or d is ctx.dateline:
            continue
        gap = ctx.text[b : d.start]
        if re.search(r"\b(?:signed|after|before|since\s+the)\b|(?<!\w)(?:ký|sau khi)(?!\w)", gap,
                     re.I):
            return None
        return d
    return None


def _date_before(ctx: Context, s: Sentence, a: int) -> DateMention | None:
    """A date that opens the clause ("In October 2016 the agreement entered into force")."""
    ds = [d for d in ctx.dates_in(s.start, a) if isinstance(d.value, str) and d.value]
    if not ds:
        return None
    d = ds[-1]
    between = ctx.text[d.end : a]
    if re.search(r"\b(?:signed|and)\b|(?<!\w)(?:ký|và)(?!\w)|[;]", between, re.I):
        return None
    return d if re.fullmatch(r"[\s,]*(?:the|this|its|it|hiệp định|[\w\s\-()]{0,80}?)\s*", between,
                             re.I) else None


def attach(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Give the agreements of ``cands`` their entries into force, adding an agreement when the
    text names one only by its entry into force."""
    text = ctx.text
    agreements = sorted((c for c in cands if c.type == "agreement" and "renewed" not in c.data),
                        key=lambda c: c.start)
    added: list[Candidate] = []
    for s in ctx.sents:
        for m in IN_FORCE.finditer(text, s.start, s.end):
            a, b = m.start(), m.end()
            head = text[max(s.start, a - 40) : a]
            if _NOT.search(head) or _MODAL.search(head):
                continue
            if re.search(r"\b(?:exit|withdrawal|membership|suspension|ban|sanctions?|ceasefire"
                         r"|truce)\b[^.;]{0,30}$|(?<!\w)(?:lệnh|việc rút)[^.;]{0,20}$", head, re.I):
                continue
            when = _date_after(ctx, s, b) or _date_before(ctx, s, a)
            if when is None:
                continue
            # (round 28: in the order of the text, so "it" is the agreement named last before,
            # not one added from an earlier sentence's entry into force)
            target = _target(ctx, s, a, sorted(agreements + added, key=lambda c: c.start))
            if target is None and _ANAPHOR.search(text[s.start : a].strip()):
                continue  # "The treaty came into force …" with no treaty read before: no guess
            if target is None:
                c = _new_agreement(ctx, s, a, b, when)
                if c is not None:
                    added.append(c)
                continue
            if "in_force" in target.data:
                continue
            target.data["in_force"] = when.value
            target.flags += [f for f in when.flags if f != "unresolved" and f not in target.flags]
            if target.start >= s.start and target.end <= s.end + 1:
                target.end = max(target.end, when.end)
    return cands + added


def _target(ctx: Context, s: Sentence, a: int, agreements: list[Candidate]) -> Candidate | None:
    text = ctx.text
    # the clause's own subject
    clause_a = s.start
    semi = text.rfind(";", s.start, a)
    if semi >= 0:
        clause_a = semi + 1
    subject = text[clause_a:a].strip()
    # a signing in the same clause ("was signed … and took effect …", "signed in …, entered into
    # force on …"): the last agreement whose span starts before the verb
    same = [c for c in agreements if clause_a <= c.start < a and c.end >= clause_a]
    if same:
        named = _by_name(ctx, subject, same)
        return named or same[-1]
    # an earlier agreement named by its acronym or title ("The EVFTA entered into force")
    earlier = [c for c in agreements if c.start < clause_a and (
        ctx.sentence_of(c.start).paragraph == s.paragraph
        or s.paragraph - ctx.sentence_of(c.start).paragraph <= 1)]
    named = _by_name(ctx, subject, earlier)
    if named is not None:
        return named
    # "Hiệp định … có hiệu lực từ hôm nay. Hiệp định được ký ngày 18/2 …": the signing the
    # next sentence states of the instrument this one names
    i = ctx.sents.index(s)
    nxt = ctx.sents[i + 1] if i + 1 < len(ctx.sents) else None
    later = [c for c in agreements if c.rule == "agreement-named-before" and nxt is not None
             and nxt.start <= c.start < nxt.end]
    if later and INSTRUMENT.search(text, clause_a, a):
        return later[0]
    if _ANAPHOR.search(subject) and earlier:
        return earlier[-1]
    return None


def _by_name(ctx: Context, subject: str, agreements: list[Candidate]) -> Candidate | None:
    """The agreement whose quote or title has the acronym the subject uses ("The EVFTA")."""
    acr = _ACRONYM.findall(subject)
    for c in reversed(agreements):
        title = " ".join(str(v) for v in (c.data.get("title") or {}).values())
        quote = ctx.text[c.start : c.end]
        for x in acr:
            if re.search(rf"\b{re.escape(x)}\b", quote) or re.search(rf"\b{re.escape(x)}\b",
                                                                        title):
                return c
    return None


def _new_agreement(ctx: Context, s: Sentence, a: int, b: int, when: DateMention
                   ) -> Candidate | None:
    """An agreement named only by its entry into force: the instrument that is the subject."""
    text = ctx.text
    insts = [x for x in INSTRUMENT.finditer(text, s.start, a)]
    if not insts:
        return None
    im = insts[-1]
    if re.search(r"[;.]", text[im.end() : a]) or len(text[im.end() : a]) > 90:
        return None
    start = im.start()
    lead = re.match(r"(?:(?:the|The|a|an|its|their)\s+)+", im.group())
    if lead:
        start += lead.end()
    end = _title_end(ctx, start, im.end(), a)
    title = _clean_title(text[start:end])
    between = re.search(r"\b(?:between|giữa)\s+", text[im.end() : a])
    parties: list[str] = []
    if between:
        from .context import group_after

        ms = group_after(ctx, im.end() + between.end(), a, states_only=False)
        parties = [x.key for x in ms if x.key and (x.is_state or x.key == "EU")]
    if len(parties) < 2 and ctx.pair_word_in(s.start, im.start()):
        # round 27: "Both countries are parties to the … Agreement": the pair the words stand
        # for where they stand (a state's section in a text on another)
        parties = list(ctx.local_pair(im.start()))
    if len(parties) < 2:
        parties = _parties(ctx, s.start, a, b, s.end)
    flags: list[str] = []
    if len(parties) < 2 and len(ctx.pair) == 2:
        parties = list(ctx.pair)
        flags.append("pair-from-document")
    if len(parties) < 2:
        return None
    data: dict = {"instrument": instrument(title), "title": {ctx.lang: title},
                  "parties": [ctx.label(k) for k in parties]}
    # a signing date the same sentence gives after "signed (it)"
    hi = max(b, when.end)
    sg = re.search(r"\b(?:signed|concluded)\b|(?<!\w)ký(?!\w)", text[b : s.end], re.I)
    if sg and re.search(r"\b(?:an?|the)\s+(?:new\s+)?(?:protocol|agreement|treaty|memorandum|MoU)"
                        r"\s+$|(?<!\w)(?:một|các)\s+(?:nghị định thư|hiệp định|bản ghi nhớ)\s+$",
                        text[max(b, b + sg.start() - 30) : b + sg.start()], re.I):
        sg = None  # "… and was upgraded by a protocol signed on …": another instrument's signing
    if sg:
        ds = [d for d in ctx.dates_in(b + sg.end(), s.end) if isinstance(d.value, str) and d.value]
        if ds:
            data["signed"] = ds[0].value
            hi = max(hi, ds[0].end)
    signed_before = re.search(r"[,(]\s*(?:signed|concluded)\s+(?=(?:on|in)\s)", text[im.end() : a])
    if not sg and signed_before:
        # round 27: "the … Free Trade Agreement (CAFTA-DR), signed on 5 August 2004, which
        # entered into force …": the signing the reduced relative before the verb dates
        at = im.end() + signed_before.end()
        ds = [d for d in ctx.dates_in(at, a) if isinstance(d.value, str) and d.value
              and re.fullmatch(r"(?:on|in)\s+", text[at : d.start])]
        if ds:
            data["signed"] = ds[0].value
    data["in_force"] = when.value
    fields = _fields(title)
    if fields:
        data["fields"] = fields
    flags += [f for f in when.flags if f != "unresolved"]
    return Candidate("agreement", data, start, min(hi, s.end), 0.7,
                     f"agreement-in-force-{data['instrument']}", flags)
