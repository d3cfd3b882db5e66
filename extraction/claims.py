"""Intentions, considerations and wishes: claims with their modality, never facts ("Tokyo hopes
to expand …", "Hai bên mong muốn …", "the two governments would consider …").

Negations are claims too; the rules of relations, memberships and agreements emit them where
they recognise the negated statement.
"""

from __future__ import annotations

import re

from .context import (
    Candidate,
    Context,
    before_aside,
    group_after,
    group_before,
    keys,
    negated,
    span_of,
)

INTENT = [
    (re.compile(r"\bhopes?\s+to\b|\bwish(?:es)?\s+to\b|\bmong muốn\b|\bmong\b"
                r"|\bwould\s+like\b|\bwants?\s+to\b|\bsaid\s+(?:they|it|he|she)\s+hoped\b"
                # round 20: a hope reported with its clause ("Li said Beijing hoped the
                # relationship would grow …")
                r"|\bhoped\b(?=\s+(?:that\s+)?[^.;]{0,80}?\bwould\b(?!\s+not))"
                r"|(?<!\w)hy vọng(?!\w)|(?<!\w)kỳ vọng(?!\w)"
                # round 23: a confidence reported ("said he was confident that it would be
                # concluded", "bày tỏ tin tưởng … sẽ thành công"): a hope
                r"|\b(?:said|says)\s+(?:that\s+)?(?:he|she|it|they)\s+(?:was|were|is|are)\s+"
                r"confident\b|(?<!\w)bày\s+tỏ\s+(?:tin\s+tưởng|niềm\s+tin)(?!\w)"
                # round 19: "has long sought full membership"
                r"|\b(?:has|have)\s+(?:long\s+|so\s+far\s+)?sought\s+(?=(?:full\s+|formal\s+)?"
                r"(?:membership|accession|admission)\b|to\s+(?:join|become\s+a\s+member)\b)",
                re.I), "hoped"),
    (re.compile(r"\b(?:would|will)\s+consider\b|\bconsider(?:s|ing)?\b|\bplans?\s+to\b"
                r"|\bintends?\s+to\b|\bseeks?\b|\baims?\s+to\b"
                # round 19: a vote for a step still to take effect, an aim set, a plan announced
                r"|\bvoted\s+to\s+(?:withdraw|leave|quit|join|apply)\b"
                r"|\b(?:set|named)\s+(?=[^.;]{0,80}?\bas\s+(?:the|its|their)\s+(?:\w+\s+){0,2}"
                r"(?:aims?|goals?|priorit(?:y|ies)|objectives?)\b)"
                r"|\bannounced\s+(?:a\s+)?plans?\s+to\b|(?<!\w)công\s+bố\s+kế\s+hoạch(?!\w)"
                r"|\bsaid\s+(?:they|it)\s+would\b(?!\s+not)|\bcân nhắc\b|\bxem xét\b"
                # an agreed target: "The two sides agreed that India would import …"
                r"|\bagreed\s+that\b(?=[^.;]{0,60}\bwould\b(?!\s+not))"
                r"|\b(?:is|are|was|were)\s+expected\s+to\b(?!\s+(?:take|enter|come)\b)"
                # an agreement under negotiation: "A and B are still negotiating an agreement",
                # "A và B đang đàm phán hiệp định …"
                r"|\b(?:is|are|was|were)\s+(?:still\s+)?negotiating\s+(?=(?:a|an|the)\s)"
                r"|(?<!\w)(?:vẫn\s+)?đang\s+đàm\s+phán(?=\s+(?:hiệp|thỏa|thoả|về|gia\s+nhập))"
                r"|\bdự kiến\b|\bphấn đấu\b|\bnhất trí nghiên cứu\b|\bnỗ lực\b"
                # round 20: "the two sides agreed to work towards a … Agreement"
                r"|\b(?:agreed|decided|pledged|resolved)\s+to\s+work\s+(?:towards?|for)\b"
                # round 27: "agreed in a joint statement to work together against …"
                r"|\b(?:agreed|pledged)\s+(?:in\s+(?:a|their)\s+joint\s+statement\s+)?to\s+work\s+"
                r"together\b"
                r"|(?<!\w)nhất\s+trí\s+sẽ(?!\w)"
                # round 21: reported intentions, "the two leaders said they wanted to double …",
                # "hai nước dự định tăng gấp đôi …", "hai bên nhất trí tăng cường …"
                r"|\bsaid\s+(?:they|it|he|she)\s+wanted\s+to\b|(?<!\w)dự\s+định(?!\w)"
                # round 23: "said he planned to visit Africa", "Kenya has offered to lead …"
                r"|\bsaid\s+(?:that\s+)?(?:they|it|he|she)\s+planned\s+to\b"
                r"|\b(?:has|have|had)\s+offered\s+to\b"
                # round 24: a step still to take ("Namibia is to launch a payments system"), an
                # invitation to join ("Modi invited it to join the Alliance"), talks to be sped
                # up ("called for the negotiations on … to be speeded up")
                r"|\b(?:is|are)\s+to\s+(?:launch|open|sign|host|build|start|begin|set\s+up"
                r"|introduce)\b|\binvited\s+(?:it|them|(?-i:[A-Z])[\w.'’-]*)\s+to\s+join\b"
                r"|\bcalled\s+for\b(?=[^.;]{0,140}?\bto\s+be\s+(?:speeded|sped|accelerated"
                r"|concluded|completed|expedited)\b)"
                # round 23: negotiations agreed ("they agreed to open negotiations on …"), a
                # request ("Việt Nam đề nghị Slovenia sớm phê chuẩn …"), a step under way ("phía
                # Slovenia đang xúc tiến việc mở …")
                r"|\bagreed\s+to\s+(?:open|start|begin|launch)\s+negotiations\b"
                r"|(?<!\w)nhất\s+trí\s+(?:mở|khởi\s+động|bắt\s+đầu)\s+đàm\s+phán(?!\w)"
                r"|(?<!\w)đề\s+nghị\s+(?=(?-i:[A-ZĐ])[^,.;]{0,30}?\s(?:sớm|xem\s+xét)(?!\w))"
                r"|(?<!\w)đang\s+xúc\s+tiến(?!\w)"
                r"|(?<!\w)nhất\s+trí\s+(?=(?:tăng\s+cường|đẩy\s+mạnh|mở\s+rộng|thúc\s+đẩy)(?!\w))"
                r"|(?<!\w)(?:đặt|đề ra)\s+mục tiêu(?!\w)|\bset\s+(?:a|the|themselves\s+a)\s+"
                r"(?:\w+\s+)?(?:target|goal)\b|(?<!\w)(?<!chưa )(?<!không )có kế hoạch(?!\w)",
                re.I), "intended"),
]


#: reported speech: a verb of saying, then (within the same clause) a future or conditional
#: ("Barcena said on Monday that Mexico would take the case", "announced that they would
#: leave", "Ông Putin cho biết hai bên sẽ …", "tuyên bố sẽ rút"): what is said will happen is
#: an intention, never a fact
REPORTING = re.compile(r"\b(?:said|says|say|announced|announces|declared|stated|told\s+\w+"
                       r"|indicated|confirmed|pledged|promised|vowed)\b"
                       r"|(?<!\w)(?:cho\s+biết|tuyên\s+bố|thông\s+báo|khẳng\s+định|cam\s+kết"
                       r"|nói|phát\s+biểu)(?!\w)", re.I)
FUTURE = re.compile(r"\b(?:would|will)\b(?!\s+not\b)(?!\s+(?:be\s+)?(?:take|enter|come)"
                    r"\s+(?:into\s+)?(?:effect|force)\b)|(?<!\w)sẽ(?!\w)", re.I)


#: a leader's future: "Tổng thống Macron sẽ tiếp tục …", "Prime Minister X will travel on to …"
OFFICE_FUTURE = re.compile(r"(?<!\w)sẽ(?!\w)(?!\s+không)|\bwill\b(?!\s+not\b)"
                           r"|\b(?:is|was|are|were)\s+(?:also\s+)?(?:scheduled|due|expected)\s+to\b"
                           r"|\bwas\s+to\b(?=\s+(?:lay|call|meet|visit|hold|fly|travel|attend)\b)",
                           re.I)


def reported_future(ctx: Context, start: int, end: int) -> list[tuple[int, int, str]]:
    """The futures of reported speech in ``[start, end)``: (start, end, "intended") of the
    future word, whose subject is the nearest name before it."""
    out = []
    for r in REPORTING.finditer(ctx.text, start, end):
        f = FUTURE.search(ctx.text, r.end(), min(end, r.end() + 90))
        if f is None or re.search(r"[.;:]|\s(?:but|nhưng)\s", ctx.text[r.end() : f.start()]):
            continue
        out.append((f.start(), f.end(), "intended"))
    return out


#: an organ of the text's state opening the clause, named without its state
_OWN_ORGAN = re.compile(r"(?:^|[:;,]\s*|\b(?:its|the|every|each|successive)\s+)(?:governments?"
                        r"|parliament|cabinet|leadership)\s+(?:\w+\s+){0,3}$|(?<!\w)(?:Quốc\s+hội|Chính\s+phủ)"
                        r"\s+nước\s+này\s+(?:\w+\s+){0,2}$", re.I)


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        found = []
        for a, b, _ in reported_future(ctx, s.start, s.end):
            found.append((a, b, "reported"))
        for rx, modality in INTENT:
            for m in rx.finditer(ctx.text, s.start, s.end):
                if not any(m.start() < b and a < m.end() for a, b, _ in found):
                    found.append((m.start(), m.end(), modality))
        for m in OFFICE_FUTURE.finditer(ctx.text, s.start, s.end):
            # "Tổng thống Macron sẽ tiếp tục chuyến công du …": a leader's announced plan
            if not any(m.start() < b and a < m.end() for a, b, _ in found):
                found.append((m.start(), m.end(), "future"))
        found.sort()
        # round 23: "said he was confident that it would be concluded": the future is the
        # hope's, not a second (reported) intention
        found = [x for x in found if x[2] != "reported" or not any(
            h[2] == "hoped" and h[1] <= x[0] and not re.search(r"[.;]", ctx.text[h[1] : x[0]])
            for h in found)]
        # round 23: "Kenya has offered to lead … and said it intends to deploy …": the pronoun's
        # coordinated intention is the same claim, told on
        found = [x for i, x in enumerate(found) if not any(
            y[2] == x[2] and y[1] <= x[0] and re.fullmatch(
                r"[^.;]{0,80}?\s(?:and|và)\s+(?:said\s+(?:that\s+)?)?(?:it|they|he|she)\s+(?:\w+\s+)?",
                ctx.text[y[1] : x[0]]) for y in found[:i])]
        prev_subjects: list[str] = []
        prev_end = s.start
        for a, b, modality in found:
            if modality == "future":
                subjects = _office_holders(ctx, s.start, prev_end, a, b)
                # round 23: one office holder's planned attendance ("Trong những ngày tới, Chủ
                # tịch nước sẽ dự Hội nghị …"): an intention of that state alone
                alone = len(subjects) == 1 and re.match(
                    r"\s*(?:(?:also|còn|tiếp\s+tục)\s+)?(?:dự|tham\s+dự|attend)\b",
                    ctx.text[b : b + 30], re.I)
                if (len(subjects) < 2 and not alone) or negated(ctx, a, s.start):
                    continue
                data = {"claim_type": "intention", "modality": "intended",
                        "subjects": [ctx.label(k) for k in subjects]}
                out.append(Candidate("claim", data, a, _clause_end(ctx, b, s.end), 0.6,
                                     "claim-office-future", []))
                prev_end = b
                continue
            subj = group_before(ctx, prev_end, before_aside(ctx, prev_end, a), states_only=False)
            subj = [m for m in subj if m.is_state or m.how in ("capital", "demonym")
                    or m.is_org]
            subj = [m for m in subj if not re.search(
                r"(?:\b(?:in|to|at|from|with|into)|(?<!\w)(?:tại|ở|với|đến|tới|sang))\s+(?:the\s+)?$",
                ctx.text[max(s.start, m.start - 8) : m.start], re.I) or re.search(
                # "Officials in Bishkek said they hoped …": the capital's government
                r"\b(?:[Oo]fficials|[Aa]uthorities|[Dd]iplomats)\s+in\s+$",
                ctx.text[max(s.start, m.start - 16) : m.start]) and m.how == "capital"
                and re.fullmatch(r"\s*(?:said\s+(?:that\s+)?(?:they|it)\s+)?", ctx.text[m.end : a])]
            # round 24: an organisation named as a modifier ("a number of CIS agreements") is
            # no subject
            subj = [m for m in subj if not (m.is_org and (re.match(
                r"\s+(?:agreements?|accords?|treaties|members?|summits?|rules|sanctions"
                r"|institutions|officials|leaders|states|countries)\b",
                ctx.text[m.end : m.end + 16]) or re.search(
                # (nor the body a state is a member of: "is not yet a member of the EU, and …")
                r"\bmembers?\s+of\s+(?:the\s+)?$|(?<!\w)thành\s+viên\s+(?:của\s+)?$",
                ctx.text[max(s.start, m.start - 24) : m.start])))]
            if subj and re.match(r"invited\s", ctx.text[a:b], re.I) and ctx.text[
                    subj[-1].end : a].strip(" ,").lower() not in ("", "also", "has", "had"):
                subj = []  # the inviter is the subject of "invited", not a body named before
            conf, flags = 0.7, []
            if subj and ctx.pair_word_in(subj[-1].end, a):
                # round 27: "… on an expanded UN Security Council, and both leaders agreed to
                # work for …": the pair words are the subject, not the name before them
                subj = []
            subjects = keys(subj)
            if not subjects and re.search(
                    r"\b(?:its|their)\s+(?:leaders|government|governments|president|officials)\s+"
                    r"(?:[^.;,]+\s+)?$|\b(?:and|,)\s+(?:has|have)\s+said\s+that\s+(?:it|they)\s+$",
                    ctx.text[max(s.start, prev_end) : a]):
                # round 24: "Moldova is not yet a member of the EU, and its leaders … hope to
                # join", "the government in Chisinau has withdrawn …, and has said that it
                # intends to …": the state that opens the sentence
                first = [m for m in ctx.mentions_in(s.start, a) if m.key and (
                    m.is_state or m.how == "capital")][:1]
                subjects = keys(first)
            if not subjects and ctx.pair_word_in(max(s.start, prev_end - 1), a) \
                    and len(ctx.pair_near(a)) == 2:
                subjects, conf = ctx.pair_near(a), 0.65
                flags.append("pair-from-document")
            elif not subjects and ctx.pair_word_in(s.start, a) and len(ctx.pair) == 2:
                subjects, conf = list(ctx.pair), 0.6
                flags.append("pair-from-document")
            elif not subjects and ctx.pair_strong and len(ctx.pair) == 2 and re.search(
                    r"(?:^|[,;]\s*(?:and\s+)?|\s)(?:they|They)\s+(?:then\s+|also\s+)?$",
                    ctx.text[max(s.start, a - 20) : a]):
                # round 27: "They said …, and they agreed to work towards doubling trade": in a
                # text on two states, both named often, "they" are the two
                subjects, conf = list(ctx.pair), 0.55
                flags.append("pair-from-document")
            elif not subjects and prev_subjects:
                subjects = prev_subjects
            elif not subjects and ctx.subject and _OWN_ORGAN.search(
                    ctx.text, max(s.start, prev_end, a - 40), a):
                # round 19: "… its governments have set …", "parliament voted to …": the organs
                # of the text's state
                subjects, conf = [ctx.subject], 0.6
                flags.append("subject-from-document")
            if not subjects and modality != "reported":
                subjects = _office_holders(ctx, s.start, prev_end, a, b)
            if not subjects and modality in ("hoped", "intended"):
                subjects = _named_speaker(ctx, max(s.start, prev_end), a)
            if not subjects:
                prev_end = b
                continue
            end = _clause_end(ctx, b, s.end)
            mission = re.search(r"(?:(?<!\w)mở\s+(?:Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán)"
                                r"|\bopen\s+(?:an?\s+|its\s+)?(?:embassy|consulate))\s+(?:tại|ở|in)\s+",
                                ctx.text[b:end], re.I) if modality == "reported" else None
            # (only an announcement names the host: `test11/` writes "Seoul plans to open an
            # embassy in Damascus" as Korea's intention alone, a convention kept)
            where = [x for x in ctx.mentions_in(b + mission.end(), end)
                     if x.start == b + mission.end() and x.key and (x.is_state or x.how in (
                         "capital", "city"))] if mission else []
            if where and where[0].key not in subjects:
                # "Việt Nam sẽ sớm mở Đại sứ quán tại Bồ Đào Nha": the mission's host too
                subjects = [*subjects, where[0].key]
            rule = "claim-reported" if modality == "reported" else f"claim-{modality}"
            modality = "intended" if modality == "reported" else modality
            data: dict = {"claim_type": "intention", "modality": modality,
                          "subjects": [ctx.label(k) for k in subjects]}
            objs = [m.key for m in ctx.mentions_in(b, end) if m.is_org and m.key]
            if objs:
                data["objects"] = [ctx.label(k) for k in dict.fromkeys(objs)]
            start = subj[0].start if subj else a
            pw = ctx.pair_word_in(s.start, a)
            if not subj and pw:
                start = pw[0]
            out.append(Candidate("claim", data, *span_of((start, end)), conf, rule, flags))
            prev_subjects, prev_end = subjects, b
    return out + _programmes(ctx, out) + negations(ctx)


_PROGRAMME_MEET = re.compile(r"(?<!\w)(?:hội\s+kiến|hội\s+đàm|gặp|tiếp\s+kiến)(?!\w)"
                             r"|\b(?:meet|hold\s+talks\s+with|call\s+on)\b", re.I)


def _programmes(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """"Theo chương trình, … Tổng Bí thư còn hội kiến Thủ tướng A và …", "According to the
    schedule, the President will also meet …": the programme's meetings are intentions of the
    office holder's state and of the states of those to be met."""
    from .events import PLANNED

    out: list[Candidate] = []
    for s in ctx.sents:
        plan = PLANNED.search(ctx.text, s.start, s.end)
        if plan is None or any(c.type == "claim" and s.start <= c.start < s.end for c in found):
            continue
        meet = _PROGRAMME_MEET.search(ctx.text, plan.end(), s.end)
        if meet is None or negated(ctx, meet.start(), s.start):
            continue
        holders = ctx.posts_in(plan.end(), meet.start())
        met = ctx.posts_in(meet.end(), s.end)
        if not holders or not met:
            continue
        holder = holders[-1]
        state = holder.state
        if state is None and ctx.lang == "vi":
            state = ctx.other("VNM") if holder.label.startswith("Tổng thống") else "VNM"
        if state is None:
            continue
        others = [p.state or ctx.other(state) for p in met]
        subjects = list(dict.fromkeys([state, *[k for k in others if k]]))
        if len(subjects) < 2:
            continue
        out.append(Candidate("claim", {"claim_type": "intention", "modality": "intended",
                                       "subjects": [ctx.label(k) for k in subjects]},
                             plan.start(), met[-1].end, 0.6, "claim-programme"))
    return out


NOT_RECOGNISE = re.compile(r"\bchưa\s+(?:công nhận|thừa nhận)|\b(?:does|do|has|have)\s+not\s+"
                           r"(?:yet\s+)?recogni[sz]ed?\b"
                           # round 27: "India did not recognise their regime", "it refused to
                           # recognise Belize", "không công nhận", "từ chối công nhận"
                           r"|\b(?:did|had)\s+not\s+recogni[sz]ed?\b|\b(?:refused|declined)\s+to\s+"
                           r"recogni[sz]e\b|\bnever\s+recogni[sz]ed\b"
                           r"|(?<!\w)(?:không|từ chối)\s+(?:công nhận|thừa nhận)(?!\w)", re.I)


REFUSED = re.compile(r"\btừ chối\s+(?:lời mời|tham gia|gia nhập|trở thành)|\bchưa\s+xác nhận\s+"
                     r"(?:việc\s+)?(?:tham gia|gia nhập)|\b(?:declined|refused|rejected|turned\s+"
                     r"down)\s+(?:the|an|its|their)\s+invitation\b|\b(?:declined|refused)\s+to\s+"
                     r"(?:join|take\s+part|participate)\b|\bha(?:s|ve)\s+not\s+(?:yet\s+)?"
                     r"confirmed\s+(?:its|their)\s+(?:participation|membership)\b", re.I)


def refusals(ctx: Context) -> list[Candidate]:
    """"Argentina từ chối lời mời", "Ả Rập Xê Út chưa xác nhận việc tham gia", "declined the
    invitation": no membership, a characterisation of the state's position."""
    out = []
    for s in ctx.sents:
        for m in REFUSED.finditer(ctx.text, s.start, s.end):
            subj = [x for x in group_before(ctx, s.start, m.start()) if x.is_state]
            if not subj:
                continue
            # round 23: a refusal to take part in an action ("từ chối tham gia cuộc can thiệp
            # …", "refused to take part in the invasion") is a position; declining to join a
            # body or an invitation stays a characterisation (the corpus convention)
            action = re.match(r"\s*(?:vào\s+|in\s+)?(?:the\s+|an?\s+)?(?:cuộc|chiến\s+dịch"
                              r"|can\s+thiệp|intervention|invasion|war|operation|boycott)\b",
                              ctx.text[m.end() : m.end() + 30], re.I)
            kind = "position" if action else "characterisation"
            out.append(Candidate("claim", {"claim_type": kind,
                                           "subjects": [ctx.label(k) for k in keys(subj)]},
                                 subj[0].start, _clause_end(ctx, m.end(), s.end), 0.65,
                                 "claim-refused"))
    return out


#: a mission a state does not have: "Việt Nam vẫn chưa có cơ quan đại diện thường trú tại
#: Dublin", "Kenya has no resident embassy in Hanoi"
NO_MISSION = re.compile(r"(?<!\w)(?:chưa|không)\s+có\s+(?:cơ\s+quan\s+đại\s+diện|Đại\s+sứ\s+quán"
                        r"|Tổng\s+Lãnh\s+sự\s+quán)(?:\s+thường\s+trú)?\s+(?:tại|ở)\s+"
                        r"|\bha(?:s|ve)\s+(?:no|not\s+(?:yet\s+)?opened\s+an?)\s+(?:resident\s+)?"
                        r"(?:embassy|mission|consulate)\s+in\s+", re.I)
#: voters who rejected an accession: "cử tri nước này đã hai lần bác bỏ việc gia nhập …"
VOTERS_REJECTED = re.compile(r"(?<!\w)cử\s+tri\b[^.;]{0,30}?(?<!\w)bác\s+bỏ\s+(?:việc\s+)?"
                             r"(?:gia\s+nhập|trở\s+thành\s+thành\s+viên)"
                             r"|\bvoters\b[^.;]{0,30}?\b(?:rejected|voted\s+against)\s+"
                             r"(?:membership|joining|accession)\b", re.I)


#: round 24: an agreement a state has not ("India has no trade agreement with the customs
#: union", "There is no bilateral free trade agreement between the two countries"): a
#: characterisation, never a fact
NO_AGREEMENT = re.compile(r"\b(?:has|have)\s+no\s+(?:[\w-]+\s+){0,3}?(?:agreement|treaty)\s+with\s+"
                          r"|\bthere\s+(?:is|are)\s+no\s+(?:[\w-]+\s+){0,4}?(?:agreements?|treat(?:y|ies))"
                          r"\s+between\s+", re.I)


#: a scheme a state did not join: "Brazil did not sign up to China's Belt and Road Initiative"
NOT_SIGNED_UP = re.compile(r"\b(?:did|does|do|has|have)\s+not\s+(?:yet\s+)?(?:sign(?:ed)?\s+"
                           r"(?:up|on)\s+(?:to|for)|endorse[ds]?)\s+(?:the\s+)?", re.I)


def _stated_absences(ctx: Context) -> list[Candidate]:
    """A mission a state lacks, an accession its voters rejected, a scheme it did not sign up
    to: positions, never facts."""
    out: list[Candidate] = []
    for s in ctx.sents:
        for m in NOT_SIGNED_UP.finditer(ctx.text, s.start, s.end):
            who = [x for x in group_before(ctx, s.start, m.start()) if x.is_state and x.key]
            owner = [x for x in ctx.mentions_in(m.end(), min(s.end, m.end() + 40))
                     if x.is_state and x.key and re.match(r"['’]s\s", ctx.text[x.end : x.end + 3])]
            if not who or not owner or owner[0].key in keys(who):
                continue
            out.append(Candidate("claim", {"claim_type": "characterisation",
                                           "subjects": [ctx.label(k) for k in keys(who)]
                                           + [ctx.label(owner[0].key)]},
                                 who[0].start, _clause_end(ctx, m.end(), s.end), 0.6,
                                 "claim-not-signed-up"))
        for m in NO_AGREEMENT.finditer(ctx.text, s.start, s.end):
            if m.group().lower().startswith("there"):
                who = [x for x in group_after(ctx, m.end(), s.end) if x.is_state and x.key]
                subjects = keys(who) if len(keys(who)) > 1 else list(ctx.pair) if re.match(
                    r"(?:the\s+)?(?:two|both)\s+(?:countries|states|sides)|hai\s+nước",
                    ctx.text[m.end() : m.end() + 20], re.I) and len(ctx.pair) == 2 else []
                start = m.start()
            else:
                who = [x for x in group_before(ctx, s.start, m.start()) if x.is_state and x.key]
                subjects = keys(who)
                start = who[0].start if who else m.start()
            if not subjects:
                continue
            out.append(Candidate("claim", {"claim_type": "characterisation",
                                           "subjects": [ctx.label(k) for k in subjects]},
                                 start, _clause_end(ctx, m.end(), s.end), 0.6,
                                 "claim-no-agreement"))
        for m in NO_MISSION.finditer(ctx.text, s.start, s.end):
            where = [x for x in ctx.mentions_in(m.end(), s.end) if x.start == m.end() and x.key
                     and (x.is_state or x.how in ("capital", "city"))]
            clause = max(s.start, ctx.text.rfind(",", s.start, m.start()) + 1,
                         ctx.text.rfind(";", s.start, m.start()) + 1)
            who = [x for x in group_before(ctx, clause, m.start()) if x.is_state and x.key]
            if not where or not who or where[0].key in keys(who):
                continue
            out.append(Candidate("claim", {"claim_type": "characterisation",
                                           "subjects": [ctx.label(k) for k in keys(who)]
                                           + [ctx.label(where[0].key)]},
                                 who[0].start, where[0].end, 0.6, "claim-no-mission"))
        from .memberships import NEGATIVE

        for m in VOTERS_REJECTED.finditer(ctx.text, s.start, s.end):
            if NEGATIVE.search(ctx.text, m.end(), s.end):
                continue  # "Norway, whose voters rejected membership …, is not a member": one
                # claim, the negation's
            own = re.search(r"(?:nước\s+này|the\s+country['’]s|its)\s+$"
                            r"|(?<!\w)(?:cử\s+tri|voters)\s+(?:nước\s+này|of\s+the\s+country)",
                            ctx.text[max(s.start, m.start() - 20) : m.end()])
            named = [x for x in ctx.mentions_in(max(s.start, m.start() - 30), m.start() + 12)
                     if x.is_state and x.key]
            state = named[-1].key if named else ctx.subject if own else None
            if state is None:
                continue
            objs = [x.key for x in ctx.mentions_in(m.end(), s.end) if x.is_org and x.key][:1]
            data: dict = {"claim_type": "characterisation", "subjects": [ctx.label(state)]}
            if objs:
                data["objects"] = [ctx.label(objs[0])]
            out.append(Candidate("claim", data, m.start(), _clause_end(ctx, m.end(), s.end),
                                 0.6, "claim-voters-rejected"))
    return out


def _named_speaker(ctx: Context, a: int, b: int) -> list[str]:
    """Round 23: "Ruto said he was confident …": a leader named without an office right
    before the claim word; the post that introduced the name gives the state (none when that
    post has no state: nothing is guessed)."""
    from .events import named_post

    name = re.search(r"(?:\b(?:Mr|Ms|Mrs)\.?\s+)?((?-i:[A-Z])[\w'’\-]+)\s*$", ctx.text[a:b])
    if name is None:
        return []
    post = named_post(ctx, a + name.start(1), a + name.end(1) + 1)
    return [post.state] if post is not None and post.state else []


#: round 23: positions told in encyclopedic prose: a neutrality declared ("parliament passed
#: the law declaring the country's permanent neutrality", "proclaimed military neutrality",
#: "tuyên bố trung lập vĩnh viễn"), sanctions not joined ("has not aligned itself with EU
#: sanctions"), a claim said not to hold ("which London says is not on the agenda"), a plan a
#: state backs or opposes ("a plan the United States backs with funding")
_NEUTRALITY = re.compile(r"\b(?:proclaimed|proclaiming|declared|declaring|declares|proclaims)\s+"
                         r"(?:its\s+|the\s+country['’]s\s+|a\s+policy\s+of\s+)?(?:\w+\s+){0,2}?"
                         r"neutrality\b|(?<!\w)tuyên\s+bố\s+(?:chính\s+sách\s+)?trung\s+lập(?!\w)"
                         # round 24: "Its 1994 constitution declares the country permanently
                         # neutral", "declared itself neutral"
                         r"|\b(?:proclaimed|declared|declares|proclaims|declaring)\s+(?:the\s+country|"
                         r"itself|the\s+state)\s+(?:to\s+be\s+)?(?:\w+ly\s+)?neutral\b",
                         re.I)
#: round 24: membership not sought, a position ("successive governments have said that they
#: do not seek membership of the alliance", "không có ý định gia nhập NATO")
#: round 24: support and condemnation stated by a state ("India reaffirmed its support for a
#: settlement of …", "Cyprus … condemned the attack and backed India's position on …",
#: "Nicosia also supported India's bid for …"): positions (one per clause)
_SUPPORTS = re.compile(r"\b(?:reaffirmed|reiterated|expressed|voiced|restated)\s+(?:its|their)\s+"
                       r"(?:full\s+|firm\s+|strong\s+)?support\s+for\b"
                       r"|\b(?:condemned|backed|supported)\s+(?=(?:the\s+|(?-i:[A-Z])[\w.'’-]*['’]s\s+)"
                       r"(?:\w+\s+){0,3}?(?:position|bid|candidacy|stance|proposal|attack|attacks"
                       r"|invasion|efforts?|claim|plan|initiative|settlement)\b)", re.I)
_NOT_SOUGHT = re.compile(r"\b(?:do|does|did)\s+not\s+(?:seek|want|intend\s+to\s+seek"
                         r"|plan\s+to\s+seek)\s+(?:membership|to\s+join)\b"
                         r"|(?<!\w)không\s+(?:có\s+ý\s+định|tìm\s+cách|muốn)\s+gia\s+nhập(?!\w)",
                         re.I)
_NOT_ALIGNED = re.compile(r"\b(?:has|have|had|did|does|do)\s+not\s+(?:aligned|joined)\s+"
                          r"(?:itself\s+|themselves\s+)?(?:with|in)\s+(?:the\s+)?[^.;,]{0,30}?\bsanctions\b"
                          r"|(?<!\w)(?:không|chưa)\s+tham\s+gia\s+(?:các\s+)?(?:lệnh\s+)?trừng\s+phạt"
                          r"(?!\w)", re.I)
_SAYS_NOT = re.compile(r"\b(?:which|that)\s+(?P<who>(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)"
                       r"{0,2})\s+(?:says|said|insists|insisted|maintains|maintained)\s+(?:is|was|are"
                       r"|were)\s+(?:not|no\s+longer)\b")
_BACKS = re.compile(r"\b(?:a|an|the)\s+(?:plan|bid|proposal|effort|mission|deal|initiative"
                    r"|resolution)\s+(?:that\s+)?(?P<who>(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+"
                    r"(?-i:[A-Z])[\w.'’-]*){0,3})\s+(?:backs|supports|opposes|backed|supported"
                    r"|opposed)\b")


def positions(ctx: Context) -> list[Candidate]:
    """Round 23: positions in encyclopedic prose, claims only (never facts), of the state the
    clause names before the words, else (an organ of the state, "the country's") the text's
    state; nothing when neither holds."""
    out: list[Candidate] = []
    for s in ctx.sents:
        for rx in (_NEUTRALITY, _NOT_ALIGNED, _NOT_SOUGHT, _SUPPORTS):
            for m in rx.finditer(ctx.text, s.start, s.end):
                clause = max(s.start, ctx.text.rfind(";", s.start, m.start()) + 1)
                if rx is _SUPPORTS and (negated(ctx, m.start(), s.start) or any(
                        c.start >= s.start and re.fullmatch(
                            r"[^.;]{0,80}?\s(?:and|và)\s+(?:also\s+)?", ctx.text[c.end : m.start()])
                        for c in out if c.rule == "claim-position" and c.end <= m.start())):
                    continue  # "condemned … and backed …": one position
                who = [x for x in ctx.mentions_in(clause, m.start()) if x.key and (
                    x.is_state or x.how in ("capital", "demonym"))]
                # (not a state the clause names after a preposition: "… with Russia")
                who = [x for x in who if not re.search(
                    r"\b(?:with|to|in|from|of|against)\s+$",
                    ctx.text[max(s.start, x.start - 9) : x.start])]
                subject = who[-1].key if who else ctx.subject if ctx.subject and (
                    re.search(r"\b(?:parliament|governments?|the\s+country|its|nước\s+này|Quốc\s+hội"
                              r"|chính\s+phủ)\b", ctx.text[clause : m.end()], re.I)) else None
                if subject is None:
                    continue
                out.append(Candidate("claim", {"claim_type": "position",
                                               "subjects": [ctx.label(subject)]},
                                     who[-1].start if who else m.start(),
                                     _clause_end(ctx, m.end(), s.end), 0.6, "claim-position"))
        for rx in (_SAYS_NOT, _BACKS):
            for m in rx.finditer(ctx.text, s.start, s.end):
                at = m.start("who")
                who = [x for x in ctx.mentions_in(at, m.end("who")) if x.key and (
                    x.is_state or x.how == "capital")]
                if not who or negated(ctx, m.start(), s.start):
                    continue
                out.append(Candidate("claim", {"claim_type": "position",
                                               "subjects": [ctx.label(who[0].key)]},
                                     m.start(), _clause_end(ctx, m.end(), s.end), 0.6,
                                     "claim-position"))
    return out


def negations(ctx: Context) -> list[Candidate]:
    """"Hoa Kỳ chưa công nhận …": a position, negated."""
    out = refusals(ctx) + _stated_absences(ctx) + positions(ctx)
    for s in ctx.sents:
        for m in NOT_RECOGNISE.finditer(ctx.text, s.start, s.end):
            subj = group_before(ctx, s.start, m.start())
            if ctx.subject is not None and re.search(
                    r"(?:^|[,;]\s*|\s)(?:it|It|nước này|Nước này)\s+(?:(?:has|had|also|then|đã"
                    r"|cũng|vẫn)\s+)*$", ctx.text[max(s.start, m.start() - 30) : m.start()]):
                # round 27: "…, and it refused to recognise Belize …": the text's state
                subj = [x for x in ctx.mentions if x.key == ctx.subject][:1]
            if not subj:
                continue
            objs = [x.key for x in ctx.mentions_in(m.end(), s.end) if x.is_state and x.key
                    and x.key not in keys(subj)]
            data = {"claim_type": "position", "subjects": [ctx.label(k) for k in keys(subj)]}
            if objs:
                data["objects"] = [ctx.label(k) for k in dict.fromkeys(objs)]
            out.append(Candidate("claim", data, subj[0].start, _clause_end(ctx, m.end(), s.end),
                                 0.7, "claim-not-recognised"))
    return out


def _office_holders(ctx: Context, floor: int, prev_end: int, a: int, b: int) -> list[str]:
    """"Chủ tịch nước dự kiến hội kiến Nhà vua Naruhito và gặp lãnh đạo Quốc hội Nhật Bản",
    "Tổng thống Macron sẽ tiếp tục chuyến công du … tại Indonesia và Singapore": the state of
    the office holder right before the modal word, then the states its clause names after it
    (the leaders to be met, the countries to be visited)."""
    holders = [p for p in ctx.posts_in(max(floor, prev_end), a)
               if not ctx.text[p.end : a].strip(" ,")
               or re.fullmatch(r"\s*(?:(?:đã|cũng|còn)\s+)?", ctx.text[p.end : a])]
    if not holders:
        # "Lula is scheduled to fly on to …", "ông Modi sẽ gặp …": a leader named again, with
        # the post that introduced the name
        from .events import named_post

        name = re.search(r"(?:(?<!\w)(?:ông|bà)\s+|\b(?:Mr|Ms|Mrs)\.?\s+)?(?-i:[A-ZĐ])[\w'’\-]+"
                         r"(?:\s+(?-i:[A-ZĐ])[\w'’\-]+){0,2}\s*(?:,\s*)?$",
                         ctx.text[max(floor, prev_end) : a])
        again = named_post(ctx, max(floor, prev_end) + name.start(), a) if name and re.match(
            r"\s*(?:is|was|are|were)\s+(?:also\s+)?(?:scheduled|due|expected)\s+to\b|sẽ\s"
            r"|was\s+to\s", ctx.text[a:b + 1]) \
            and (ctx.lang == "en" or re.match(r"(?:ông|bà)\s", name.group())) else None
        opening = re.match(r"\s*((?-i:[A-ZĐ])[\w'’\-]+(?:\s+(?-i:[A-ZĐ])[\w'’\-]+){0,2})\s*,\s*"
                           r"(?:who|người)\s[^;]*,\s*$", ctx.text[max(floor, prev_end) : a])
        if again is None and opening and ctx.lang == "en" and re.match(
                r"\s*(?:is|was|are|were)\s+(?:also\s+)?(?:scheduled|due|expected)\s+to\b",
                ctx.text[a:b + 1]):
            # "Prabowo, who flew in on Friday for a three-day state visit, was also expected
            # to meet …": the name opening the sentence, past its relative clause
            again = named_post(ctx, max(floor, prev_end) + opening.start(1),
                                max(floor, prev_end) + opening.end(1) + 1)
        holders = [again] if again is not None else []
    if not holders:
        return []
    holder = holders[-1]
    state = holder.state or _counterpart_of(ctx, holder)
    if state is None and ctx.lang == "vi":
        # Vietnamese press: "Chủ tịch nước", "Thủ tướng" unqualified are Viet Nam's, "Tổng
        # thống" the other state's
        state = ctx.other("VNM") if holder.label.startswith("Tổng thống") else "VNM"
    if state is None:
        return []
    if ctx.lang == "en":
        # the plan's own clause: "was to lay a wreath … and call on President Duda before
        # boarding a train": its conjoined verbs, not what comes after "before"
        stop = re.search(r"[,;.]|\s(?:before|after|then|but|while)\s", ctx.text[b : ctx.sentence_of(
            a).end])
        end = b + stop.start() if stop else ctx.sentence_of(a).end
    else:
        end = ctx.sentence_of(a).end
    # (never the place left: "sẽ rời Dublin sang Pháp", "will leave Dublin for Paris")
    named = [m.key for m in ctx.mentions_in(b, end) if m.key and m.is_state and not re.search(
        r"(?:(?<!\w)rời(?:\s+khỏi)?|\b(?:leave|leaves|leaving|from))\s+$",
        ctx.text[max(b, m.start - 12) : m.start], re.I)]
    named += [p.state for p in ctx.posts_in(b, end) if p.state]
    if not named and len(ctx.pair) == 2 and ctx.other(state) and any(
            p.state is None and p.office != holder.office or p.state is None and ctx.lang == "en"
            for p in ctx.posts_in(b, end)):
        # an office holder the plan meets without a state ("call on President Andrzej Duda"
        # during a visit to Poland): the other state of the document's pair
        named.append(ctx.other(state))
    if not named:
        from .events import named_post

        other = named_post(ctx, b, end)  # "was due to tour a plant with Wong"
        named += [other.state] if other is not None and other.state else []
    return list(dict.fromkeys([state, *named]))


def _counterpart_of(ctx: Context, holder) -> str | None:  # noqa: ANN001
    """The state of an office holder the text gives none: "Prime Minister Narendra Modi held
    talks with his Polish counterpart Donald Tusk" makes Modi the other state's of the pair."""
    name = re.findall(r"(?-i:[A-ZĐ])[\w'’\-]{2,}", ctx.text[holder.start : holder.end])
    if not name or len(ctx.pair) != 2:
        return None
    for s in ctx.sents:
        if not re.search(rf"(?<!\w){re.escape(name[-1])}(?!\w)", s.text):
            continue
        for m in re.finditer(r"\b(?:his|her)\s+", s.text):
            at = s.start + m.end()
            dem = [x for x in ctx.mentions_in(at, s.end) if x.start == at and x.key
                   and x.is_state and re.match(r"\s+counterpart\b", ctx.text[x.end : x.end + 13])]
            if dem and ctx.other(dem[0].key):
                return ctx.other(dem[0].key)
    return None


def _clause_end(ctx: Context, b: int, limit: int) -> int:
    m = re.search(r"[,;.]|\s(?:and|but|và|nhưng)\s", ctx.text[b:limit])
    return b + m.start() if m else limit
