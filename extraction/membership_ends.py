"""Ends and returns of memberships: a member withdrew, left, quit or pulled out (withdrawal),
was suspended (suspension), expelled (expulsion), or its term ran out (expiry); "rejoined",
"was readmitted", "returned" (after a clause that ended the membership) start a new one.
Vietnamese: rút khỏi, rời khỏi, ra khỏi (withdrawal), đình chỉ (suspension), khai trừ
(expulsion), hết nhiệm kỳ (expiry); tái gia nhập, được kết nạp lại, trở lại (a return).

An announced or threatened end ("announced their withdrawal", "threatened to leave", "thông báo
rút khỏi") is an intention claim, not an end; a negated one ("has not left") states nothing.

>>> bool(END.search("Zimbabwe was suspended from the councils")), bool(END.search("bị khai trừ"))
(True, True)
"""

from __future__ import annotations

import re

from .context import (
    ORG_FROM_DOCUMENT,
    Candidate,
    Context,
    Sentence,
    group_after,
    group_before,
    keys,
    modal,
    negated,
    subject_group,
)
from .dates import DateMention
from .memberships import counted_group
from .names import Mention

END = re.compile(
    # the end of a suspension or exclusion is a return: "the suspension was lifted", "lifted
    # Fiji's suspension", "dỡ bỏ lệnh đình chỉ"
    r"(?P<lifted>\b(?:suspension|exclusion|expulsion)\s+(?:\w+\s+){0,3}?(?:was|were|has\s+been"
    r"|had\s+been|is)\s+(?:formally\s+|finally\s+)?(?:lifted|revoked|ended|rescinded)\b"
    r"|\b(?:lifted|revoked|ended|rescinded)\s+(?:the|its|their|\S+['’]s)\s+suspension\b"
    r"|(?:dỡ bỏ|bãi bỏ|chấm dứt)\s+(?:lệnh\s+|quyết định\s+|việc\s+)?đình chỉ"
    # round 24: the Vietnamese passive, "Lệnh đình chỉ được dỡ bỏ ngày 15/8/2013"
    r"|(?:lệnh|quyết định|việc)\s+đình chỉ(?:\s+(?:này|đó|\S+)){0,2}?\s+(?:đã\s+)?được\s+"
    r"(?:dỡ bỏ|bãi bỏ|gỡ bỏ|hủy bỏ))|"
    r"(?P<withdrawal>\bwithdr(?:ew|awn|aws|aw)\b|\bwithdrawal\b|\bexit\b|\bleft\b|\bleaves\b"
    r"|\bquit(?:s)?\b"
    r"|\bpulled\s+out\s+of\b|\bwalked\s+out\s+of\b|\bexited\b|\bceased\s+to\s+be\s+(?:an?\s+)?members?\b"
    r"|rút khỏi|rời khỏi|ra khỏi|rút tên khỏi|\brời\b|\bfollowed\b)"
    r"|(?P<suspension>\bsuspend(?:ed|s)?\b|\bsuspension\b|đình chỉ|\bexcluded\s+from\b"
    r"|tạm (?:ngừng|dừng) tư cách thành viên)"
    r"|(?P<expulsion>\bexpel(?:led|s)?\b|\bexpulsion\b|khai trừ)"
    r"|(?P<expiry>\bterm\b[^.;]{0,60}?\b(?:expired|ended|ran\s+out|lapsed)\b"
    r"|\bmembership\b[^.;]{0,60}?\b(?:expired|lapsed)\b|hết nhiệm kỳ|kết thúc nhiệm kỳ)"
    r"|(?P<ended>\bmembership\b[^.;]{0,80}?\bended\b|chấm dứt tư cách thành viên)"
    r"|(?P<rejoin>\brejoin(?:ed|s)?\b|\bre-joined\b|\breadmitted\b|\breturned\b|\bcame\s+back\b"
    r"|\breactivated\b|\breinstated\b|\brestored\s+(?:its|the|their)\s+membership\b"
    r"|khôi phục tư cách thành viên"
    r"|tái gia nhập|được kết nạp lại|trở lại)",
    re.I,
)
#: what a suspension, withdrawal or exit that is not of a membership is about
NOT_MEMBERSHIP = re.compile(
    r"\s+(?:from\s+(?=(?:the|its|their)\s+(?:\w+\s+)?(?:process|procedure|arbitration)))?"
    r"(?:(?:its|their|the|all|diplomatic|bilateral|direct|most)\s+){0,2}"
    # round 24: the people of a state ("expelled the US ambassador", "expelling Ecuador's
    # envoy", "the expulsion of 45 Russian diplomats and embassy staff")
    r"(?:(?:of\s+)?(?:\d+\s+)?(?-i:[A-Z][\w.]*)(?:['’]s)?\s+(?=(?:ambassador|envoy|diplomat|staff"
    r"|nationals|citizens|personnel)))?"
    r"(?:envoys?|diplomats?|(?:embassy\s+)?staff|nationals|citizens|personnel"
    r"|relations?|ties|talks|negotiations?|aid|flights?|imports?|exports?|trade|cooperation"
    r"|participation|signatures?|chữ\s+ký|ambassadors?|embass(?:y|ies)|missions?|consulates?|troops|forces|recognition|application|candidacy|support"
    r"|sanctions|operations|office|power|behind|open|unchanged|for\b(?!\s+good)|quan hệ|viện trợ"
    r"|đàm phán|hoạt động|đại sứ|hợp tác|(?:việc\s+)?tham gia"
    # round 20: a procedure, not a body ("rút khỏi tiến trình này", "withdrew from the
    # arbitration process")
    r"|tiến\s+trình|quá\s+trình|thủ\s+tục|(?:arbitration\s+|accession\s+|peace\s+)?process"
    r"|procedure|arbitration|trọng\s+tài"
    # a body of the organisation, not the organisation: "rút khỏi Bộ chỉ huy quân sự thống nhất
    # của NATO", "withdrew from NATO's integrated military command"
    r"|(?:the\s+)?(?:\w+['’]s\s+)?(?:integrated\s+)?(?:military\s+)?command|bộ chỉ huy"
    r"|cơ cấu chỉ huy)",
    re.I,
)
#: an end that was announced, threatened or planned: an intention
ANNOUNCED = re.compile(
    r"(?:announc\w*|threaten\w*|plan(?:s|ned)?|intend\w*|notif\w*|signal\w*|vowed|pledged"
    r"|thông báo|tuyên bố|đe dọa|dọa|dự định|có ý định)\s+(?:(?:its|their|to|it|they|would|will"
    r"|the|formal|sẽ|that|country|state|government|rằng|nước\s+này"
    # round 30: "tuyên bố sẽ bắt đầu thủ tục rút khỏi …", "announced it would begin the
    # process to leave …": a procedure begun is no end
    r"|bắt\s+đầu|khởi\s+động|thủ\s+tục|tiến\s+trình|begin|start|process|procedure|of)\s+){0,6}$",
    re.I,
)
RETURN_NEEDS_ORG = ("returned", "trở lại", "came back", "reactivated")


def _named_by_noun(ctx: Context, a: int, b: int) -> str | None:
    """The organisation a bare Vietnamese head noun after the verb stands for ("rút khỏi Phong
    trào", "trở lại Liên minh"): the last one named before with that noun."""
    m = re.match(r"\s*(Phong trào|Liên minh|Hiệp hội|Cộng đồng|Diễn đàn|Khối)(?!\s+(?-i:[A-ZĐ]))",
                 ctx.text[b : b + 30])
    if m is None:
        return None
    named = [x for x in ctx.mentions_in(max(0, a - 400), a) if x.is_org and x.key
             and x.surface.lower().startswith(m.group(1).lower())]
    return named[-1].key if named else None


def _one_org(ctx: Context, a: int, b: int) -> str | None:
    """The one organisation named in ``[a, b)``, if exactly one is."""
    orgs = {x.key for x in ctx.mentions_in(a, b) if x.is_org and x.key}
    return orgs.pop() if len(orgs) == 1 else None


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        out += _sentence(ctx, s)
        out += _seats(ctx, s)
    return _did_the_same(ctx, _two_bodies(ctx, out))


#: round 30: "…, and the Economic Community of Central African States did the same on 4
#: September 2023", "…, và SADC cũng làm như vậy": an organisation repeating the end just told
_SAME = re.compile(r"\s+(?:also\s+|then\s+)?(?:did\s+(?:the\s+)?same|did\s+likewise"
                   r"|followed\s+suit)\b"
                   r"|\s+(?:cũng\s+)?(?:làm\s+(?:như\s+vậy|tương\s+tự|theo))(?!\w)", re.I)


def _did_the_same(ctx: Context, out: list[Candidate]) -> list[Candidate]:
    """An organisation that "did the same" after an end of a membership told just before (in
    its sentence or the one before) ends the same member's membership of it, for the same
    reason, dated by the date after the phrase in its clause."""
    more: list[Candidate] = []
    for m in _SAME.finditer(ctx.text):
        org = next((x for x in ctx.mentions_in(max(0, m.start() - 120), m.start())
                    if x.end == m.start() and x.is_org and x.key), None)
        if org is None:
            continue
        s = ctx.sentence_of(m.start())
        before = [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph]
        lo = before[-1].start if before else s.start
        ends = [c for c in out if c.type == "membership" and "end_reason" in c.data
                and lo <= c.start < org.start]
        if not ends or ends[-1].data["organization"] == ctx.label(org.key):
            continue
        last = ends[-1]
        stop = re.search(r"[,;.]", ctx.text[m.end() : s.end])
        ds = [d for d in ctx.dates_in(m.end(), m.end() + stop.start() if stop else s.end)
              if d.value is not None and isinstance(d.value, str)]
        data = {"member": last.data["member"], "organization": ctx.label(org.key)}
        if ds:
            data["end"] = ds[0].value
        data["end_reason"] = last.data["end_reason"]
        more.append(Candidate("membership", data, org.start, ds[0].end if ds else m.end(), 0.7,
                              "membership-did-the-same", [f for f in (ds[0].flags if ds else ())
                                                          if f != "unresolved"]))
    return out + more


#: round 30: "the two organisations", "both bodies", "hai tổ chức" as the subject of a return
_TWO_BODIES = re.compile(r"\b(?:the\s+two|both)\s+(?:organi[sz]ations|bodies|blocs)\b"
                         r"|(?<!\w)(?:hai|cả\s+hai)\s+(?:tổ\s+chức|khối)(?!\w)", re.I)


def _two_bodies(ctx: Context, out: list[Candidate]) -> list[Candidate]:
    """A return told of "the two organisations" ("AU đình chỉ … Madagascar …, và SADC cũng
    đình chỉ nước này …. Hai tổ chức chỉ khôi phục tư cách thành viên cho Madagascar vào cuối
    tháng 1/2014") is a return to each of the two bodies that ended the member's membership
    just before (in its sentence or the one before): the rules read one, the other is added."""
    more: list[Candidate] = []
    for c in out:
        if c.rule != "membership-rejoin":
            continue
        s = ctx.sentence_of(c.start)
        if not _TWO_BODIES.search(ctx.text, s.start, s.end):
            continue
        before = [p for p in ctx.sents if p.end <= s.start]
        lo = before[-1].start if before else s.start
        ends = [e for e in out if e is not c and "end_reason" in e.data and lo <= e.start < c.start
                and e.data["member"] == c.data["member"]]
        bodies = list(dict.fromkeys(e.data["organization"] for e in ends))[-2:]
        if len(bodies) != 2 or c.data["organization"] not in bodies:
            continue
        other = next(b for b in bodies if b != c.data["organization"])
        more.append(Candidate(c.type, {**c.data, "organization": other}, c.start, c.end,
                              c.confidence, c.rule, list(c.flags)))
    return out + more


#: an elected seat held for a term: "From 2020 to 2021 it held a non-permanent seat on the UN
#: Security Council", "served as a non-permanent member of the Security Council in 2008–2009",
#: "là Ủy viên không thường trực Hội đồng Bảo an nhiệm kỳ 2020-2021"
SEAT = re.compile(r"\b(?:held|occupied|took\s+up|served\s+(?:a\s+term\s+)?(?:on|in)|had)\s+an?\s+"
                  r"(?:non-permanent|elected|rotating)\s+seat\s+(?:on|in|at)\s+(?:the\s+)?"
                  r"|\b(?:was|served\s+as)\s+an?\s+(?:non-permanent|elected)\s+member\s+of\s+(?:the\s+)?"
                  # round 42: "It sat on the UN Security Council as a non-permanent member in 1998
                  # and 1999", "It has sat twice on the United Nations Security Council, in
                  # 1976-1977 and again in 2004-2005", "served a two-year elected term on the UN
                  # Security Council, in 2005 and 2006" (the term is still required below)
                  r"|\b(?:sat|sits|has\s+sat)\s+(?:(?:once|twice|three\s+times|again)\s+)?on\s+"
                  r"(?:the\s+)?"
                  r"|\bserved\s+(?:an?|its|two|three)\s+(?:[\w-]+\s+){0,2}?terms?\s+(?:on|in)\s+"
                  r"(?:the\s+)?"
                  # (round 42: "Ga-na là nước ủy viên không thường trực …", a scraped page)
                  r"|(?<!\w)(?:là|làm|giữ\s+ghế)\s+(?:nước\s+)?(?:Ủy|Uỷ)\s+viên\s+không\s+thường"
                  r"\s+trực\s+(?:của\s+)?",
                  re.I)
_TERM = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|to|đến)\s*((?:19|20)\d\d)(?!\d)"
                   # round 42: a two-year term told by its two years ("in 2005 and 2006"); a
                   # pair of years further apart is two dates, not a term (checked below)
                   r"|(?<!\d)((?:19|20)\d\d)\s+(?:and|và)\s+((?:19|20)\d\d)(?!\d)")


def _term_years(t: re.Match[str]) -> tuple[str, str] | None:
    """The first and last year of a term: "1998-1999", or "1998 and 1999" (consecutive)."""
    if t.group(1):
        return t.group(1), t.group(2)
    if int(t.group(4)) - int(t.group(3)) != 1:
        return None
    return t.group(3), t.group(4)


def _seats(ctx: Context, s) -> list[Candidate]:  # noqa: ANN001
    """A seat held for a term is a membership of the body from the term's first year to its
    last, ended by expiry; the member is the clause's state or the text's for "it"."""
    out: list[Candidate] = []
    text = ctx.text
    for m in SEAT.finditer(text, s.start, s.end):
        org = next((x for x in ctx.mentions_in(m.end(), s.end) if x.is_org and x.key), None)
        if org is None or org.start != m.end() or negated(ctx, m.start(), s.start) \
                or modal(ctx, m.start(), s.start):
            continue
        term = next((t for t in _TERM.finditer(text, s.start, s.end) if _term_years(t)), None)
        if term is None:
            continue
        subj = [x for x in group_before(ctx, s.start, m.start()) if x.is_state and x.key]
        # (round 36: "Nước này từng hai lần là …", "Nước này ba lần làm …": a count of terms
        # between the pronoun and the verb)
        if not subj and ctx.subject is not None and re.search(
                # (round 42: "The country served a two-year elected term on …")
                r"(?:^|\s)(?:it|It|nước này|Nước này|[Tt]he\s+country)\s+(?:\w+\s+){0,3}$",
                text[s.start : m.start()]):
            subj = [x for x in ctx.mentions if x.key == ctx.subject][:1]
        if len(subj) != 1:
            continue
        terms = [term]
        for nxt in _TERM.finditer(text, term.end(), s.end):
            if _term_years(nxt) is None:
                break
            # round 36: the terms listed one after another ("nhiệm kỳ 1982-1983 và 2012-2013",
            # ": 1975-1976, 1982-1983 và 2024-2025", "in 1982–1983 and 2012–2013"): one
            # membership each
            if not _TERM_JOIN.fullmatch(text, terms[-1].end(), nxt.start()):
                break
            terms.append(nxt)
        for t in terms:
            first, last = _term_years(t) or ("", "")
            data = {"member": ctx.label(subj[0].key), "organization": ctx.label(org.key),
                    "start": first, "end": last, "end_reason": "expiry"}
            lead = [subj[0].start] if subj[0].start >= s.start else []
            out.append(Candidate("membership", data, min([m.start(), t.start(), *lead]),
                                 max(org.end, t.end()), 0.7, "membership-seat"))
    return out


_TERM_JOIN = re.compile(r"\s*(?:,\s*(?:(?:và|and)\s+)?|\s(?:và|and)\s+)"
                        # round 42: "in 1976-1977 and again in 2004-2005", "nhiệm kỳ 1976-1977
                        # và nhiệm kỳ 2004-2005"
                        r"(?:(?:again|once\s+more|lại)\s+)?(?:(?:in|nhiệm\s+kỳ)\s+)?")


def _states(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.is_state and m.key]


def _org_after(ctx: Context, b: int, limit: int, words: int = 8) -> Mention | None:
    """An organisation named right after the trigger ("from the Commonwealth", "khỏi ASEAN")."""
    for m in ctx.mentions_in(b, limit):
        if m.is_org and m.key:
            gap = ctx.text[b : m.start]
            if len(gap.split()) <= words and not re.search(r"[,;]", gap):
                return m
            return None
    return None


def _clause_end(ctx: Context, s: Sentence, b: int, nxt: int) -> int:
    # (and a clause of purpose: "rời EFTA để từ ngày 1/1/1986 … trở thành thành viên …")
    m = re.search(r"[;]|,\s+(?:after|while|when|but|which|a\s+year|sau khi|khi)\b|\s+sau khi\b"
                  r"|\s+(?:để|in\s+order\s+to|so\s+as\s+to)\s",
                  ctx.text[b:nxt])
    return b + m.start() if m else nxt


def _date_after(ctx: Context, a: int, b: int) -> DateMention | None:
    """The first date after ``a``, unless a subordinate clause ("after soldiers seized power
    there in July 2023", "sau khi …") comes first: that date is another event's."""
    for d in ctx.dates_in(a, b):
        if re.search(r"\b(?:after|before|following|when|because|as)\s+(?!(?:the\s+)?\d)\w+"
                     r"|(?<!\w)(?:sau khi|trước khi|khi|vì)(?!\w)", ctx.text[a : d.start], re.I):
            return None
        if d.value is not None and isinstance(d.value, str) and d is not ctx.dateline \
                and d.kind in ("point", "asof", "since", "until"):
            return d
    return None


def _date_before(ctx: Context, a: int, b: int) -> DateMention | None:
    """A date opening the clause ("Ngày 16/3/2022, …", "On 7 April 2022 the assembly …")."""
    ds = [d for d in ctx.dates_in(a, b) if d.value is not None and isinstance(d.value, str)
          and d is not ctx.dateline]
    if not ds:
        return None
    # a date that closes an earlier clause ("… Burkina Faso in January 2022 …, and it
    # suspended Niger") is that clause's, not this one's
    if re.search(r"(?:,|;|\band\b|\bvà\b)\s*(?:\w+\s+){0,3}$", ctx.text[ds[-1].end : b]) and \
            re.search(r"\b(?:and|but|while|và|nhưng|còn)\b", ctx.text[ds[-1].end : b]):
        return None
    return ds[-1]


def _sentence(ctx: Context, s: Sentence) -> list[Candidate]:
    text = ctx.text
    out: list[Candidate] = []
    triggers = list(END.finditer(text, s.start, s.end))
    prev_members: list[Mention] = []
    prev_kind: str | None = None
    prev_org: Mention | None = None
    prev_org_key: str | None = None
    prev_from_doc = False  # the previous clause's organisation was the text's most named
    prev_end = s.start
    for n, m in enumerate(triggers):
        from_doc = False
        kind = m.lastgroup or ""
        lifted = kind == "lifted"
        kind = "rejoin" if lifted else kind
        a, b = m.start(), m.end()
        word = m.group().lower()
        nxt = triggers[n + 1].start() if n + 1 < len(triggers) else s.end
        limit = _clause_end(ctx, s, b, nxt)
        if word == "followed" and n == 0 and prev_kind is None \
                and re.match(r"\s+(?:in|on)\s", text[b : b + 5]):
            # "… its withdrawal took effect on 27 October 2017. The Philippines followed on
            # 17 March 2019": the previous sentence's kind of end
            before = [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph]
            ends = [x.lastgroup for x in END.finditer(text, before[-1].start, before[-1].end)
                    if x.group().lower() != "followed"] if before else []
            if ends and ends[-1] in ("withdrawal", "suspension", "expulsion") and not \
                    ANNOUNCED.search(text, before[-1].start, before[-1].end):
                prev_kind = kind = ends[-1]
        if word == "followed" and prev_kind not in ("withdrawal", "suspension", "expulsion"):
            prev_end = b  # "followed" ends a membership only after an end ("… and B followed")
            continue
        if word == "rời" and not _org_after(ctx, b, limit, 1):
            prev_end = b  # bare "rời" ("rời Hà Nội") leaves an organisation only when one follows
            continue
        if kind in ("withdrawal", "suspension", "expulsion", "rejoin") and NOT_MEMBERSHIP.match(
                text, b) and not _org_after(ctx, b, limit, 2):
            prev_end = b
            continue
        refused = re.search(r"(?:(?<!\w)từ chối|\brefused\s+to|\bdeclined\s+to)\s+$",
                            text[max(s.start, a - 14) : a], re.I)
        if refused and kind == "rejoin":
            # "… nhưng Cuba từ chối trở lại": a refusal, never a return
            who = _states(subject_group(ctx, prev_end, max(s.start, a - 14) + refused.start()))
            if who:
                out.append(Candidate("claim", {"claim_type": "characterisation",
                                               "subjects": [ctx.label(x.key) for x in who]},
                                     who[0].start, b, 0.6, "membership-refused"))
            prev_end = b
            continue
        if negated(ctx, a, prev_end):
            prev_end = b
            continue
        if kind != "rejoin" and re.search(
                r"(?:\bduring|\bwhile\s+(?:\w+\s+){1,3}(?:was|were)\s+(?=suspended|excluded)"
                r"|(?<!\w)trong\s+(?:thời\s+gian|lúc))\s+[^,;.]{0,50}$"
                # round 46: an envoy withdrawn ("the Dutch ambassador was withdrawn in 2012")
                r"|\b(?:troops|forces|soldiers|personnel|diplomats|ambassadors?|envoys?"
                r"|the\s+last\s+of\s+them)\s+"
                r"(?:\w+\s+)?$", text[max(prev_end, a - 60) : a], re.I):
            # round 24: a state told as the time of another fact ("Trong thời gian Paraguay bị
            # đình chỉ, Venezuela được kết nạp", "while Fiji was suspended, …"), or people who
            # leave ("the last of them left in September 2006", round 46: "the ambassador was
            # withdrawn"): no end of a membership
            prev_end = b
            continue
        passive = bool(re.search(r"\b(?:was|were|been|be|is|are)\s+$|\bbị\s+$|\bđược\s+$",
                                 text[max(prev_end, a - 8) : a]))
        if passive and re.search(r"\b(?:participation|relations|ties|talks|aid|cooperation|rights"
                                 r"|quan hệ|hoạt động)\s+(?:has\s+|have\s+|had\s+)?(?:been|was|were"
                                 r"|bị)\s+$", text[max(s.start, a - 40) : a], re.I):
            prev_end = b  # "its participation has been suspended": not the membership itself
            continue
        org = _org_after(ctx, b, limit)
        agent = [x for x in ctx.mentions_in(max(s.start, a - 80), a) if x.is_org and x.key
                 and not text[x.end : a].strip()
                 and re.search(r"\bbị\s+$", text[max(s.start, x.start - 4) : x.start])]
        if agent:
            # "Syria bị Tổ chức Hợp tác Hồi giáo đình chỉ": a passive with its agent
            passive, org = True, agent[-1]
            a = agent[-1].start - len(re.search(r"bị\s+$", text[: agent[-1].start]).group())
        if org is None and kind in ("suspension", "expulsion") and not passive:
            # round 30: the organisation right before an active verb is its subject ("AU đình
            # chỉ … Madagascar ngày 20/3/2009, và SADC cũng đình chỉ nước này mười ngày sau",
            # "…, and ECOWAS also suspended it"), not the organisation of the clause before
            subj = [x for x in ctx.mentions_in(max(s.start, prev_end, a - 40), a)
                    if x.is_org and x.key and re.fullmatch(
                        r"\s*(?:(?:also|then|later|in\s+turn|cũng|đã|lại|tiếp\s+đó)\s+)*",
                        text[x.end : a], re.I)]
            org = subj[-1] if subj else None
        members: list[Mention] = []
        shared = False
        dated: list[tuple[Mention, DateMention | None]] = []
        if (kind in ("suspension", "expulsion") or word.startswith(("khôi phục", "restored",
                                                                    "reinstated"))) \
                and not passive and not re.match(
                    # round 19: "It suspended its membership of IGAD in 2007 over Ethiopia's
                    # intervention in Somalia": the subject suspends itself
                    r"\s+(?:its|their)\s+(?:own\s+)?(?:membership|participation)\b", text[b:limit]):
            # active: "ECOWAS suspended Mali in May 2021 and Burkina Faso in January 2022",
            # "khai trừ Nga", "đình chỉ tư cách thành viên của Nga tại Hội đồng Nhân quyền"
            sub = re.search(r"\b(?:after|before|when|because|since)\s|(?<!\w)(?:sau khi|trước khi"
                            r"|vì)\s", text[b:limit])
            until = b + sub.start() if sub else limit  # "… after it signed a treaty with Israel"
            after = _states([x for x in ctx.mentions_in(b, until) if x.is_state and x.key])
            after = [x for x in after if not (org and x.start > org.start
                                                and org.start - b > 40)]
            if after:
                for i, x in enumerate(after):
                    right = after[i + 1].start if i + 1 < len(after) else limit
                    dated.append((x, _date_after(ctx, x.end, right)))
                members = after
                if org is None or org.start < after[0].start:
                    o2 = _org_after(ctx, after[-1].end, limit, 6)
                    org = o2 or org
                if org is None:
                    before = [x for x in ctx.mentions_in(s.start, a) if x.is_org and x.key]
                    org = before[-1] if before else None
        if not members and ctx.subject is not None and re.search(
                r"(?:^|[,;:]\s*|\b(?:and|và|rồi)\s+|\d\s+)(?:it|It|nước này|Nước này)\s+"
                r"(?:(?:also|then|later|had|has|was|đã|cũng|bị|được)\s+)*$",
                text[max(prev_end, a - 25) : a]):
            # "…; a few weeks earlier, on 18 April, it had left the Commonwealth": the pronoun
            # right before the verb is the text's state, not a name earlier in the clause
            members = [x for x in ctx.mentions if x.key == ctx.subject][:1]
            dated = [(x, None) for x in members]
        if len(prev_members) == 1 and re.search(
                r",\s+(?:and|but)\s+(?:(?:on|in)\s[^,;]{2,25}?\s+)?(?:it|It)\s+"
                r"(?:(?:also|then|later|had|has|was)\s+)*$", text[max(prev_end, a - 50) : a]):
            # round 21: "B was suspended from X in 2022, and on 29 January 2025 it left the
            # community": the pronoun of a coordinated clause continues the clause before (its
            # one state), not the text's state
            members = prev_members
            dated = [(x, None) for x in members]
        if members and kind in ("withdrawal", "suspension", "expulsion"):
            # round 21: "… it left the community together with Mali and Niger": the companions
            # named after the verb share the end
            comp = re.search(r",?\s*(?:together|along)\s+with\s+", text[b:limit])
            if comp is not None:
                more = [x for x in _states(group_after(ctx, b + comp.end(), limit))
                        if x.key not in {y.key for y in members}]
                if more and more[0].start == b + comp.end():
                    members = members + more
                    dated = (dated or [(x, None) for x in members[: -len(more)]]) + [
                        (x, None) for x in more]
        if not members:
            members = _states(subject_group(ctx, prev_end, a))
            if members and prev_members and re.search(r",\s+(?:and|và)\s+$", text[
                    members[-1].end : a]) and re.search(r",\s+(?:as|when|while|after|because"
                                                        r"|khi|sau khi)\s[^,;]*$",
                                                        text[prev_end : members[0].start]):
                # "A quit X on …, as several members prepared to recognise B, and came back on
                # …": B is inside the aside; the returning verb is A's
                members = prev_members
            if not members and prev_members and re.search(
                    r"(?:^|,|;)\s*(?:(?:rồi|then|and|và|but|nhưng)\s+)+(?:(?:later|sau đó)\s+)?$",
                    text[max(prev_end, a - 20) : a]):
                members = prev_members  # "Indonesia rút khỏi …, rồi trở lại tổ chức này …"
            while members:
                # "Mali (June 2021), Guinea (September 2021) and Burkina Faso …": a list whose
                # names carry bracketed dates
                gap = re.search(r"(?:,\s*|\s+)\([^()]{1,30}\)\s*(?:,|,?\s+and|,?\s+và)\s*$",
                                text[max(prev_end, members[0].start - 45) : members[0].start])
                if not gap:
                    break
                at = max(prev_end, members[0].start - 45) + gap.start()
                earlier = _states([x for x in ctx.mentions_in(max(prev_end, at - 40), at)
                                   if x.end == at or not text[x.end : at].strip()])
                if not earlier:
                    break
                members = earlier[-1:] + members
            if not members and ctx.subject is not None and re.search(
                    r"(?:^|[,;]\s*|\b(?:and|và|rồi)\s+)(?:it|It|nước này|Nước này)\s+"
                    r"(?:(?:also|then|later|đã|cũng)\s+)?$", text[max(s.start, a - 25) : a]):
                # a text on one state: "…, it left the Commonwealth on 31 May 1961"
                members = [x for x in ctx.mentions if x.key == ctx.subject][:1]
            if not members:
                # "Georgia's membership of the CIS ended": the possessive state
                poss = [x for x in ctx.mentions_in(s.start, a) if x.is_state and x.key
                        and re.match(r"['’]s\b", text[x.end : x.end + 2])
                        # round 21: the possessive of the membership, never of an apposition
                        # ("Burkina Faso, Ghana's northern neighbour, …")
                        and re.match(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:membership|participation"
                                     r"|seat|suspension|withdrawal|exit|expulsion)\b",
                                     text[x.end : x.end + 60])]
                members = poss[-1:]
            if not members and lifted:
                # "Fiji was suspended …; the suspension was lifted in 2014": the state last
                # suspended, in this sentence or the one before
                members = prev_members or _last_suspended(ctx, s)
                shared = bool(members)
            if not members and prev_members and _coordinated(ctx, prev_end, a):
                members = prev_members  # a clause without subject shares the previous one
                shared = True
            if not members and re.search(r"(?:^|[:;,]\s*)(?:it|they|nó|họ)\s+(?:\w+\s+){0,2}$",
                                         text[max(s.start, a - 40) : a], re.I):
                # "Nicaragua followed the same path: it notified its withdrawal": the pronoun
                # is the sentence's state
                states = _states(ctx.mentions_in(s.start, a))
                members = states[:1] if len({x.key for x in states}) == 1 else []
            if not members and re.fullmatch(r"\s*(?-i:It|They|Nước\s+này)\s+(?:(?:also|then|later"
                                            r"|had|has|đã|cũng)\s+)?", text[s.start : a]):
                # round 19: a pronoun opening the sentence is the state opening the sentence
                # before ("Eritrea was admitted to the UN …. It suspended its membership …")
                before = [p for p in ctx.sents if p.end <= s.start]
                first = [x for x in ctx.mentions_in(before[-1].start, before[-1].end)
                         if x.is_state and x.key] if before else []
                if first and not re.search(r"[,;:]", text[before[-1].start : first[0].start]):
                    members = [first[0]]
            if not members and re.search(r"\b(?:that\s+)?the\s+country\s+(?:\w+\s+){0,2}$"
                                         r"|(?<!\w)nước\s+này\s+(?:\w+\s+){0,2}$",
                                         text[max(s.start, a - 40) : a], re.I):
                # "… a year after its president announced that the country would quit": the
                # one state named before in the sentence
                states = _states(ctx.mentions_in(s.start, a))
                members = states[:1] if len({x.key for x in states}) == 1 else []
            if not members:
                members = _states(group_before(ctx, s.start, a)) if kind == "ended" else []
            if not members:
                # "the three military-led governments announced their withdrawal"
                members = counted_group(ctx, s, a, r"(?:\w+\s+){0,2}(?:their|its|sự|việc)?")
            dated = [(x, None) for x in members]
            # "Mali (June 2021), Guinea (September 2021) and Burkina Faso (January 2022) were
            # suspended": each its own bracketed date, or the next one
            own = []
            for i, x in enumerate(members):
                right = members[i + 1].start if i + 1 < len(members) else a
                ds = [d for d in ctx.dates_in(x.end, right) if d.value is not None
                      and "(" in text[max(x.end, d.start - 3) : d.start]]
                own.append(ds[0] if ds else None)
            if len(members) > 1 and any(own):
                for i in range(len(own) - 2, -1, -1):
                    own[i] = own[i] or own[i + 1]
                dated = list(zip(members, own, strict=True))
        if not members:
            prev_end = b
            continue
        if org is None:
            # "Georgia's membership of the CIS ended": the organisation before the verb
            of = [x for x in ctx.mentions_in(max(s.start, prev_end), b) if x.is_org and x.key
                  and re.search(r"\bmembership\s+(?:of|in)\s+(?:the\s+)?$|thành viên\s+"
                                r"(?:của\s+\w+\s+)?(?:tại|ở|trong)\s+$",
                                text[max(s.start, x.start - 30) : x.start], re.I)]
            org = of[-1] if of else None
        if org is None and shared and prev_org is not None:
            org = prev_org
        if org is None and shared and prev_org_key is not None:
            org_key = prev_org_key  # the previous clause's organisation, named or not
            from_doc = prev_from_doc
        elif org is None and _one_org(ctx, s.start, a) is not None and not re.match(
                r"\s+(?:the\s+)?(?-i:[A-ZĐ])", text[b : b + 20]):
            # "Indonesia tham gia OPEC năm 1962, tạm ngừng tư cách thành viên năm 2009, tái gia
            # nhập …": the one organisation the sentence named before
            org_key = _one_org(ctx, s.start, a)
        elif org is None and prev_org_key is not None and re.match(
                r"\s*(?:tổ chức này|this\s+organi[sz]ation|the\s+organi[sz]ation|it\b)",
                text[b : b + 30], re.I):
            org_key = prev_org_key  # "rời Liên Hợp Quốc …, rồi trở lại tổ chức này"
            from_doc = prev_from_doc
        elif org is None and _named_by_noun(ctx, a, b) is not None:
            # "… sáng lập Phong trào Không liên kết năm 1961. Nước này rút khỏi Phong trào năm
            # 1979": the organisation last named with that noun
            org_key = _named_by_noun(ctx, a, b)
        elif org is None:
            # "the bloc", "the organisation", "Hiệp hội" or nothing: the document's organisation
            if re.match(r"\s*(?:the\s+)?(?-i:Hiệp ước|Công ước|Hiệp định|Treaty|Pact|Convention)"
                        r"(?!\w)", text[b : b + 30]):
                # session 13: "Albania chính thức rút khỏi Hiệp ước ngày 13/9/1968" (the Warsaw
                # Pact, by its treaty): a treaty named by its noun is no name of the text's
                # main organisation (the EU of an article on Albania)
                prev_end = b
                continue
            if kind == "rejoin" and word in RETURN_NEEDS_ORG and prev_kind in (None, "rejoin"):
                prev_end = b
                continue
            if kind in ("withdrawal", "rejoin") and word in ("left", "leaves", "quit", "quits",
                                                              "returned", "trở lại"):
                follow = text[b : b + 40]
                if not re.match(r"\s*(?:(?:for\s+good|permanently|altogether|formally)\s*)?"
                                r"(?:(?:on|in|at|the\s+(?:bloc|organi[sz]ation|union|body"
                                r"|group|club|association|court))\b|,|\.|$|\s+and\b)", follow,
                                re.I):
                    prev_end = b
                    continue
            if kind == "withdrawal" and word in ("rời khỏi", "ra khỏi") and not re.match(
                    r"\s*(?:(?:khối|tổ chức|liên minh|hiệp hội|cộng đồng|phong trào)"
                    r"(?:\s+này)?\s*)?(?:(?:ngày|năm|tháng|vào|từ)(?!\w)|[,.;]|$)",
                    text[b : b + 40]):
                # session 13: "yêu cầu nhân viên sứ quán Iran rời khỏi lãnh thổ": leaving a
                # place, not an organisation (as "left" above)
                prev_end = b
                continue
            before = [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph]
            # the one organisation the sentence before names (same paragraph) outranks the
            # document's: "Bolivia, admitted as a full member of Mercosur …. Venezuela has been
            # suspended since August 2017" in an article mostly on the EU
            org_key = _one_org(ctx, before[-1].start, before[-1].end) if before else None
            if org_key is None:
                org_key = ctx.most_named_org("membership-end")
                from_doc = org_key is not None
            if org_key is None:
                # no organisation the text is mainly about: the one its paragraph named last
                # ("Nga gia nhập Hội đồng châu Âu …. Ngày 16/3/2022, Ủy ban Bộ trưởng của tổ
                # chức này quyết định khai trừ Nga")
                para = [p.start for p in ctx.sents if p.paragraph == s.paragraph]
                last = [x for x in ctx.mentions_in(min(para), a) if x.is_org and x.key]
                org_key = last[-1].key if last else None
            if org_key is None:
                prev_end = b
                continue
            noun = re.match(r"\s*the\s+(union|alliance|association|organi[sz]ation|community)\b",
                            text[b : b + 30], re.I)
            if noun:
                # "until it left the Union": the last organisation named with that noun
                named = [x for x in ctx.mentions_in(max(0, a - 300), a) if x.is_org and x.key
                         and noun.group(1).lower()[:8] in ctx.label(x.key).lower()]
                org_key = named[-1].key if named else org_key
                from_doc = from_doc and not named
        else:
            org_key = org.key
        clause_start = prev_end if prev_end > s.start else s.start
        announced = ANNOUNCED.search(text[max(clause_start, a - 50) : a])
        decided = re.search(r"(?:voted|decided|bỏ phiếu|quyết định)\s+(?:to\s+)?$",
                            text[max(s.start, a - 20) : a], re.I)
        if decided and kind == "withdrawal" and re.search(
                r"\bwithdrawal\b[^.;]{0,30}?\b(?:took\s+effect|became\s+effective)"
                r"|(?<!\w)việc\s+rút[^.;]{0,30}?có\s+hiệu\s+lực", text[b:s.end], re.I):
            # round 19: "parliament voted to withdraw on …, and the withdrawal took effect a
            # year later, on …": the vote ends nothing (the claims rule reads it as intended)
            prev_members, prev_kind, prev_end = members, kind, b
            prev_org = org if org is not None else prev_org
            prev_org_key = org_key
            prev_from_doc = from_doc
            continue
        if announced or (modal(ctx, a, prev_end) and not decided):
            subj = members
            start = max(clause_start, a - 50) + announced.start() if announced else a
            out.append(Candidate("claim", {"claim_type": "intention", "modality": "intended",
                                           "subjects": [ctx.label(k) for k in keys(subj)],
                                           "objects": [ctx.label(org_key)]},
                                 start, max(b, _span_end(ctx, b, limit)), 0.6,
                                 "membership-end-announced"))
            prev_members, prev_kind, prev_end = members, kind, b
            prev_org = org if org is not None else prev_org
            prev_org_key = org_key
            prev_from_doc = from_doc
            continue
        if kind == "withdrawal" and word in ("withdrawal", "exit") and not re.search(
                r"took\s+effect|became\s+effective|was\s+completed|có hiệu lực", text[b:s.end]):
            prev_end = b
            continue
        effect = re.match(r"\s+(?:took\s+effect|became\s+effective)\b[^.;]{0,40}",
                          text[b:limit]) if kind == "withdrawal" else None
        if effect:
            # round 19: "the withdrawal took effect a year later, on 18 May 2010": the most
            # precise date of that clause, not the relative one
            ds = [d for d in ctx.dates_in(b, b + effect.end()) if isinstance(d.value, str)
                  and d is not ctx.dateline]
            if ds:
                best = max(ds, key=lambda d: len(d.value))
                dated = [(x, d or best) for x, d in dated]
        for x, d in dated:
            if d is None:
                semi = text.rfind(";", s.start, a)
                d = _date_after(ctx, b, limit) or (
                    None if shared and not (lifted and semi >= clause_start) else _date_before(
                        ctx, max(clause_start, semi + 1),
                        a if shared or lifted or x.start < clause_start else min(x.start, a)))
                # ("…; năm 2009, OAS dỡ bỏ lệnh đình chỉ này": the lifting's own clause)
            data: dict = {"member": ctx.label(x.key), "organization": ctx.label(org_key)}
            flags: list[str] = []
            if d is not None:
                data["start" if kind == "rejoin" else "end"] = d.value
                flags = [f for f in d.flags if f != "unresolved"]
            if from_doc:
                flags.append(ORG_FROM_DOCUMENT)
            if kind not in ("rejoin", "ended"):
                data["end_reason"] = kind
            parts = [(x.start, x.end), (a, b)]
            if org is not None and s.start <= org.start:
                parts.append((org.start, org.end))
            if d is not None and s.start <= d.start < limit + 40:
                parts.append((d.start, d.end))
            lo, hi = min(p[0] for p in parts), max(p[1] for p in parts)
            lo = max(lo, s.start)  # (a pronoun's state named in the title is not quoted)
            out.append(Candidate("membership", data, lo, hi, 0.8, f"membership-{kind}", flags))
        prev_members, prev_kind, prev_end = members, kind, b
        prev_org = org if org is not None else prev_org
        prev_org_key = org_key
        prev_from_doc = from_doc
    return out


def _last_suspended(ctx: Context, s: Sentence) -> list[Mention]:
    """The states of the last suspension in the sentence before ``s`` (same paragraph); round
    30: else of the one before it, when the suspension of the sentence right before names no
    state ("The African Union suspended Gabon the following day …. The Commonwealth placed the
    country under partial suspension later that month. …, and the African Union lifted the
    suspension on 30 April 2025")."""
    before = [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph]
    for p in reversed(before[-2:]):
        hits = [x for x in END.finditer(ctx.text, p.start, p.end)
                if x.lastgroup == "suspension"]
        if not hits:
            return []
        h = hits[-1]
        found = _states(group_before(ctx, p.start, h.start())) or _states(
            [x for x in ctx.mentions_in(h.end(), p.end) if x.is_state and x.key])[:1]
        if found:
            return found
    return []


def _coordinated(ctx: Context, a: int, b: int) -> bool:
    """The text between two triggers ends with a coordination ("… in 1965 and", "…, then")
    and names no state: the second clause has no subject of its own."""
    if any(m.is_state for m in ctx.mentions_in(a, b)):
        return False
    return bool(re.search(r"(?:,|\band|\bvà|\bbut|\bthen|\brồi|\bnhưng|\bwhile)\s+(?:\w+\s+){0,2}$",
                          ctx.text[a:b], re.I))


def _span_end(ctx: Context, b: int, limit: int) -> int:
    ds = [d for d in ctx.dates_in(b, limit) if d.value is not None]
    return ds[0].end if ds else b

