"""Agreements signed: instrument type, title, parties (one agreement per partner of a plural
"signed agreements with A and B"), fields and signing date. Intentions ("dự kiến sớm ký",
"plan to sign") become claims; "no agreement was signed" is a negation claim.

>>> instrument("investment promotion and protection agreements")
'investment-treaty'
>>> instrument("Bản ghi nhớ về hợp tác khoáng sản")
'mou'
"""

from __future__ import annotations

import re

from .context import (
    Candidate,
    Context,
    companion_head,
    group_after,
    group_before,
    keys,
    modal,
    pick_date,
    span_of,
)
from .dates import NUMBERS, DateMention, month_of

_EN = (r"(?-i:(?:[A-Z][\w\-]*(?:\s+-\s+|\s+|-))*?)"  # capitalised words of a title
       r"(?:(?:investment\s+promotion\s+and\s+protection|investment\s+protection|free\s+trade"
       r"|economic\s+cooperation|security\s+cooperation|defen[cs]e\s+cooperation|partnership\s+and"
       r"\s+cooperation|general|cooperation|trade)\s+)?"
       r"(?:agreements?|treaty|treaties|protocols?|memorand(?:um|a)\s+of\s+understanding|MoUs?"
       r"|joint\s+(?:statement|communiqu[eé]|declaration)s?|accords?|pacts?|conventions?|charters?"
       r"|(?-i:Declaration|Statement)s?)")
_VI = (r"(?:hiệp định|thỏa thuận|thoả thuận|bản ghi nhớ|nghị định thư|hiệp ước|tuyên bố chung"
       r"|thông cáo chung|công ước|hiến chương|(?-i:Tuyên bố)|(?-i:Thông cáo))")
INSTRUMENT = re.compile(rf"{_EN}|{_VI}", re.I)
SIGN = re.compile(r"\b(?:signed|signs|sign|signing|concluded|inked)\b|\bký kết\b"
                  r"|(?<!\w)ký(?!\w)(?!\s+tắt)", re.I)  # "ký tắt": initialled, not signed
FIELDS = [
    (r"defen[cs]e|quốc phòng", "defence"),
    (r"security|an ninh", "security"),
    (r"trade|thương mại", "trade"),
    (r"investment|đầu tư", "investment"),
    (r"econom|kinh tế", "economy"),
    (r"training|đào tạo", "training"),
    (r"educat|giáo dục", "education"),
    (r"cultur|văn hóa|văn hoá", "culture"),
    (r"agricultur|nông nghiệp", "agriculture"),
    (r"science|technolog|khoa học", "science-technology"),
    (r"tourism|du lịch", "tourism"),
    (r"labou?r|lao động", "labour"),
]


#: round 27: an organisation the registry names by its founding instrument ("the General
#: Treaty on Central American Economic Integration" for SIECA): in a clause, the instrument
_TREATY_NAMED = re.compile(r"(?:General\s+)?(?:Treaty|Agreement|Convention)\s+(?:on|of|for)\s")



def _span_month(value: object) -> str | None:
    """The month of a day range within one month ({"from": "2010-11-02", "to": "2010-11-07"}:
    "2010-11"), else None."""
    if not isinstance(value, dict):
        return None
    a, b = str(value.get("from") or ""), str(value.get("to") or "")
    return a[:7] if len(a) >= 10 and len(b) >= 10 and a[:7] == b[:7] else None


def instrument(phrase: str) -> str:
    p = phrase.lower()
    if "investment" in p and ("protection" in p or "promotion" in p) or "đầu tư" in p and (
            "bảo hộ" in p or "khuyến khích" in p):
        return "investment-treaty"
    if "memorand" in p or re.search(r"\bmous?\b", p) or "bản ghi nhớ" in p:
        return "mou"
    if "protocol" in p or "nghị định thư" in p:
        return "protocol"
    if "treat" in p or "hiệp ước" in p:
        return "treaty"
    if "hiệp định" in p:
        return "hiep-dinh"
    if "thỏa thuận" in p or "thoả thuận" in p:
        return "thoa-thuan"
    return "agreement"


def _fields(text: str) -> list[str]:
    return [code for rx, code in FIELDS if re.search(rx, text, re.I)]


def _title_end(ctx: Context, a: int, b: int, limit: int) -> int:
    """Extend a Vietnamese instrument noun over its complement ("… hợp tác trong lĩnh vực quốc
    phòng") or an English one over "on …" up to a comma, "with", a date or a verb."""
    m = re.match(r"(?:\s+(?:\([A-Z]+\))|\s+(?:on|về|hợp tác|trong|lĩnh vực|[^\s,.;()]+)){0,8}",
                 ctx.text[b:limit])
    if not m:
        return b
    seg = ctx.text[b : b + m.end()]
    stop = re.search(r"\s(?:with|với|signed|was|were|in|on\s+\d|tại|nhân|vào|ngày|năm|and|và"
                     r"|together|along"
                     r"|được|bởi"
                     r"|giữa|between|by|của|đã|,)\b", seg)
    return b + (stop.start() if stop else len(seg))


#: talks concluded, not an instrument: "concluded (their) negotiations on …"
CONCLUDED_TALKS = re.compile(r"concluded\s+(?:(?:the|their|its|formal)\s+)?(?:negotiations|talks"
                             r"|discussions)\b", re.I)


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        signs = list(SIGN.finditer(ctx.text, s.start, s.end))
        if not signs:
            continue
        # a second name in brackets ("… Cooperation (the Lombok Treaty) was signed") is the
        # same instrument, not another one
        insts = [m for m in INSTRUMENT.finditer(ctx.text, s.start, s.end)
                 if not re.search(r"\(\s*(?:the\s+)?$", ctx.text[max(s.start, m.start() - 6)
                                                                 : m.start()], re.I)]
        # "…; hiệp định có hiệu lực từ …", "; the treaty entered into force …": the instrument
        # just named, not another one
        insts = [m for n, m in enumerate(insts) if not (n and re.fullmatch(
            r"(?:the\s+)?(?:agreement|treaty|hiệp định|hiệp ước)", m.group()) and re.search(
                r";\s*$", ctx.text[max(s.start, m.start() - 4) : m.start()]))]
        # "After signing an accession treaty in December 2014, it became a member of …": a
        # state's accession to an organisation, no agreement between the states named nearby
        insts = [m for m in insts if not re.search(r"\baccession\s+$", ctx.text[
            max(s.start, m.start() - 12) : m.start()], re.I) and not re.match(
                r"\s+(?:of|on)\s+(?:the\s+)?accession\b", ctx.text[m.end() : s.end], re.I)]
        # "the Southeast Asia Treaty Organization": a word of an organisation's name; "…, the
        # founding treaty of what is now the Andean Community": the instrument just named
        orgs = [x for x in ctx.mentions_in(s.start, s.end) if x.is_org and not _TREATY_NAMED.match(
            ctx.text, x.start, x.end)]
        insts = [m for m in insts if not any(x.start <= m.start() and m.end() < x.end for x in orgs)
                 and not re.search(r",\s+(?:the|its)\s+(?:founding|constituent)\s+$",
                                   ctx.text[max(s.start, m.start() - 30) : m.start()], re.I)]
        named_before = _anaphoric_signing(ctx, s, out)
        if named_before is not None:
            if named_before not in out:
                out.append(named_before)
            continue
        if not insts:
            continue
        used: set[int] = set()
        for sg in signs:
            a, b = sg.start(), sg.end()
            if CONCLUDED_TALKS.match(ctx.text, a):
                # "concluded negotiations on a free trade agreement", "kết thúc đàm phán":
                # talks ended, nothing signed
                continue
            window = ctx.text[max(s.start, a - 60) : a]
            negative = re.search(r"\b(?:no|not|never)\b[^.]*$", window, re.I) or re.search(
                r"\bchưa\s+(?:được\s+)?$|\bchưa\s*$", window)
            if negative is not None and re.search(r"\b(?:but|yet)\s+(?:it\s+|they\s+)?(?:\w+\s+)?$"
                                                  r"|(?<!\w)nhưng\s+(?:\S+\s+)?$",
                                                  window[negative.start() :], re.I):
                negative = None  # "it was not represented at the conference, but signed …"
            # reduced relative ("an agreement signed in 2001"): the instrument just before
            before = [m for m in insts if m.end() <= a and (a - m.end() <= 3 or (
                a - m.end() <= 100 and not re.search(r"[.;]|\b(?:signed|ký|and\s+an?)\b",
                                                     ctx.text[m.end() : a])
                and not any(m.end() <= x.start < a and x.is_state for x in ctx.mentions)))]
            reduced = bool(before) and not re.search(r"\b(?:was|were|has|have|been|had)\b",
                                                     ctx.text[before[-1].end() : a])
            passive = bool(re.search(r"\b(?:was|were|been)\s+$|(?<!\w)được\s+$", window)) or bool(
                # the passive with its agent: "được Ngoại trưởng A và Ngoại trưởng B ký"
                re.search(r"(?<!\w)được\s+(?:hai\s+|các\s+)?(?-i:[A-ZĐ])[^.;,]{0,120}$",
                          ctx.text[max(s.start, a - 140) : a]))
            if negative and re.search(r"\bnegotiating\b|(?<!\w)đang\s+đàm\s+phán(?!\w)",
                                      ctx.text[s.start : a], re.I):
                continue  # "are still negotiating an agreement …, and have not signed it": the
                # intention the claims read, not a second claim
            if negative:
                parties = _parties(ctx, s.start, a, b, s.end)
                out.append(Candidate("claim", {"claim_type": "characterisation",
                                               "subjects": [ctx.label(k) for k in parties]},
                                     max(s.start, a - 60), b, 0.6, "agreement-negated"))
                continue
            if not reduced and modal(ctx, a, s.start):
                parties = _parties(ctx, s.start, a, b, s.end)
                if parties:
                    end = min(s.end, b + 80)
                    nxt = [m for m in insts if m.start() >= b]
                    if nxt:
                        end = _title_end(ctx, nxt[0].start(), nxt[0].end(), s.end)
                    out.append(Candidate(
                        "claim", {"claim_type": "intention", "modality": "intended",
                                  "subjects": [ctx.label(k) for k in parties]},
                        _modal_start(ctx, a, s.start), end, 0.6, "agreement-intended"))
                continue
            rel = re.search(r"\s*(?:\([^()]*\))?\s*,\s*(?:which|that|mà)\s+([^;.()]*)$",
                            ctx.text[s.start : a])
            rel_at = s.start + rel.start() if rel else -1
            rel_inst = [m for m in insts if rel and m.end() <= rel_at and m.start() not in used
                        and rel_at - m.end() <= 80
                        and not re.search(r"[,;.]", ctx.text[m.end() : rel_at])]
            if rel and rel_inst and not reduced and not passive:
                # "the Treaty of Asunción, which A, B, C and D signed on 26 March 1991":
                # the parties are the relative clause's subject, the date follows the verb
                who = [x for x in ctx.mentions_in(s.start + rel.start(1), a)
                       if x.key and (x.is_state or x.key == "EU" or x.how == "capital")]
                pair_words = re.search(r"\bthe\s+two\s+(?:governments|countries|sides|states)"
                                       r"|(?<!\w)hai\s+(?:nước|bên|chính phủ)(?!\w)",
                                       ctx.text[s.start + rel.start(1) : a], re.I)
                if not who and pair_words and len(ctx.pair) == 2:
                    who = [next(x for x in ctx.mentions if x.key == k) for k in ctx.pair]
                if len(who) >= 2 or (who and ctx.other(who[0].key)):
                    comma = ctx.text.find(",", b, s.end)
                    limit = comma if comma >= 0 else s.end
                    used.add(rel_inst[-1].start())
                    out += _agreements(ctx, s, sg, rel_inst[-1], limit, True,
                                       [ctx.label(k) for k in keys(who)])
                    continue
            if reduced or passive:
                targets = [m for m in insts if m.end() <= a and m.start() not in used]
                if reduced:
                    targets = targets[-1:]
                elif targets:
                    # "The A (X) and the B (Y) were signed": every instrument of the subject
                    first = targets[-1]
                    chain = [first]
                    for m in reversed(targets[:-1]):
                        if re.fullmatch(r"\s*(?:\([A-Z]+\))?\s*(?:,|and|và)\s*(?:the\s+)?",
                                        ctx.text[m.end() : chain[0].start()], re.I):
                            chain.insert(0, m)
                        else:
                            break
                    targets = chain
            else:
                targets = [m for m in insts if m.start() >= b and m.start() not in used]
                nxt = [x.start() for x in signs if x.start() > a]
                limit = nxt[0] if nxt else s.end
                # "signed the A Pact …, and it joined the B Pact": another clause's verb
                targets = [m for m in targets if m.start() < limit and not re.search(
                    r";|,\s+(?:and|but)\s+(?:it|they)\s|,\s+(?:còn|while|whereas)\s",
                    ctx.text[b : m.start()])]
            for m in targets:
                used.add(m.start())
            inherited: list[str] = []
            for i, m in enumerate(targets):
                limit = targets[i + 1].start() if i + 1 < len(targets) else s.end
                if reduced:
                    at = b
                    # round 46: ", signed by A, B and C on DATE": the agent's list, with its
                    # commas, is the reduced clause's (its date and parties follow it)
                    by = _AGENT.match(ctx.text, b + len(ctx.text[b:limit]) - len(
                        ctx.text[b:limit].lstrip()))
                    group = group_after(ctx, by.end(), limit) if by is not None else []
                    if by is not None and group and not ctx.text[by.end() : group[0].start].strip():
                        at = group[-1].end
                    comma = ctx.text.find(",", at, limit)
                    limit = comma if comma >= 0 else limit
                if passive:
                    limit = s.end  # "The A and the B were signed in Hanoi on …": after the verb
                found = _agreements(ctx, s, sg, m, limit, reduced or passive, inherited)
                if found and not any("pair-from-document" in c.flags for c in found):
                    inherited = [x for x in found[0].data["parties"]]
                out += found
    out += _acronym_signings(ctx, out)
    out += _followed_by(ctx, out)
    return out + _documents(ctx, out)


#: "…, followed on 17 June 1991 by a treaty of good neighbourship": another instrument of the
#: same parties, signed on its own date
FOLLOWED_BY = re.compile(r",?\s+(?:and\s+)?(?:was\s+)?followed\s+"
                         r"(?:(?:on|in)\s+(?P<when>[^,;()]{4,25}?)\s+)?by\s+(?:a|an|the)\s+", re.I)


THEN_FOLLOWED = re.compile(r",?\s+(?:and\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:treaty|agreement"
                           r"|protocol|accord)\s+followed\s+(?:in|on)\s+", re.I)


def _followed_by(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """The instrument that "followed" a signed one in its sentence: its parties, its own date
    (never the first one's)."""
    out: list[Candidate] = []
    for c in found:
        if c.type != "agreement" or len(c.data.get("parties", [])) != 2:
            continue
        s = ctx.sentence_of(c.start)
        m = FOLLOWED_BY.search(ctx.text, c.end, s.end)
        inst = INSTRUMENT.match(ctx.text, m.end()) if m is not None else None
        if m is None:
            # "…, and a supplementary treaty followed in October 2005": the instrument the
            # subject of "followed"
            m = THEN_FOLLOWED.search(ctx.text, c.end, s.end)
            inst = INSTRUMENT.search(ctx.text, m.start(), m.end()) if m is not None else None
        if m is None or inst is None or ctx.text[c.end : m.start()].strip(" ,") and re.search(
                r"[;.]", ctx.text[c.end : m.start()]):
            continue
        end = _title_end(ctx, inst.start(), inst.end(), s.end)
        # the date "followed on DATE by" or "followed in DATE" gives
        ds = [d for d in ctx.dates_in(m.start(), s.end) if isinstance(d.value, str)
              and d.start <= m.end() + 2]
        if not ds:
            continue
        title = _clean_title(re.sub(r"\s+followed\b.*$", "", ctx.text[inst.start() : end],
                                    flags=re.S))
        end = max(end, ds[0].end)
        data: dict = {"instrument": instrument(title), "title": {ctx.lang: title},
                      "parties": list(c.data["parties"]), "signed": ds[0].value}
        out.append(Candidate("agreement", data, m.start() + len(m.group()) - len(
            m.group().lstrip(" ,")), end, round(c.confidence - 0.1, 2),
            f"agreement-{data['instrument']}-followed", [f for f in ds[0].flags
                                                        if f != "unresolved"]))
    return out


#: a count of documents signed or handed over: "signed 12 cooperation documents", "ministers
#: exchanged several memorandums of understanding", "lễ trao 14 văn kiện hợp tác", "việc trao
#: các văn kiện hợp tác"
DOCUMENTS = re.compile(
    r"\b(?:signed|sign|exchanged|exchange|inked|handed\s+over|signing\s+of|exchange\s+of)\s+"
    r"(?P<n>\d{1,3}|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|several|a\s+number\s+of|a\s+series\s+of|a\s+raft\s+of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>documents|memorand(?:ums|a)\s+of\s+understanding|MoUs"
    r"|agreements)\b"
    r"|(?<!\w)(?:ký kết|ký|trao đổi|trao)\s+"
    # round 37: the Vietnamese numerals ("ký năm bản ghi nhớ", "lễ ký ba văn kiện")
    r"(?P<nv>\d{1,3}|các|một số|nhiều|hàng loạt|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
    r"(?P<nounv>văn kiện|bản ghi nhớ|thỏa thuận|thoả thuận)(?:\s+hợp tác)?(?!\w)"
    # round 46: the passive with its count first ("Eight documents were signed once …", "a joint
    # statement and fifteen other documents were signed during the visit")
    r"|\b(?P<np>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:other\s+|more\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<nounp>documents|memorand(?:ums|a)\s+of\s+understanding|MoUs"
    r"|agreements)\s+(?:were|have\s+been|had\s+been)\s+(?:signed|exchanged|inked)\b", re.I)
#: round 46: the counts the passive reads beyond ``dates.NUMBERS``
_TEENS = {w: 13 + i for i, w in enumerate(("thirteen", "fourteen", "fifteen", "sixteen",
                                           "seventeen", "eighteen", "nineteen", "twenty"))}
#: the leaders watching the exchange: "chứng kiến lễ trao …", "looked on as ministers …"
_WITNESSED = re.compile(r"(?<!\w)chứng kiến(?!\w)|\blooked\s+on\b|\bwitness(?:ed|ing)?\b", re.I)
#: round 37: the pair itself as the signers of an uncounted set: "The two governments signed
#: several cooperation documents", "… ended with the signing of several bilateral documents"
_PAIR_SIGNED_SET = re.compile(r"\b(?:the\s+two\s+(?:governments|sides|countries)|both\s+sides)\s+"
                              r"(?:(?:also|then)\s+)?$", re.I)


def _documents(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """Documents signed or handed over as a set, with their count or at a ceremony the leaders
    witnessed: one agreement of the pair, dated by the sentence or the day being narrated, with
    its ``quantity`` (a number, or ``many``). Not when the sentence goes on to name one of them
    ("…, trong đó có Bản ghi nhớ về …", "including …": that one is the fact)."""
    from .partnerships import context_date

    out: list[Candidate] = []
    for s in ctx.sents:
        for m in DOCUMENTS.finditer(ctx.text, s.start, s.end):
            n = (m.group("n") or m.group("nv") or m.group("np") or "").lower()
            counted = n.isdigit() or n in NUMBERS or n in _TEENS
            pair_signed = n == "several" and (bool(_PAIR_SIGNED_SET.search(
                ctx.text[max(s.start, m.start() - 40) : m.start()])) or re.match(
                    r"signing\s+of\b", m.group(), re.I) is not None)
            if not counted and not pair_signed and not _WITNESSED.search(
                    ctx.text, s.start, m.start()):
                continue
            named_one = re.search(r"(?<!\w)trong\s+đó\s+có(?!\w)|\bincluding\b"
                                  r"|\bamong\s+them\b", ctx.text[m.end() : s.end], re.I)
            if named_one is not None and INSTRUMENT.search(ctx.text, m.end() + named_one.end(),
                                                           s.end):
                continue
            if modal(ctx, m.start(), s.start) or re.search(
                    r"\b(?:not|no|never)\b|(?<!\w)(?:chưa|không)(?!\w)",
                    ctx.text[max(s.start, m.start() - 30) : m.start()], re.I):
                continue
            if any(c.type == "agreement" and c.start < m.end() and m.start() < c.end
                   for c in found):
                continue
            named = keys([x for x in ctx.mentions_in(s.start, s.end) if x.is_state
                          and x.how == "name"])
            parties = named if len(named) == 2 else list(ctx.pair)
            if len(parties) != 2:
                continue
            noun = (m.group("noun") or m.group("nounv") or m.group("nounp") or "").lower()
            data: dict = {"instrument": "mou" if re.search(r"memorand|mou|ghi nhớ", noun)
                          else "agreement", "parties": [ctx.label(k) for k in parties]}
            flags = [] if len(named) == 2 else ["pair-from-document"]
            # the sentence's date, else a news article's day (the talks at which they were
            # handed over), else the day the paragraph last named
            # (round 21: a sentence that goes on with the day just told, "The two governments
            # then exchanged …", "sau đó", takes that day, not the dateline's)
            goes_on = re.search(r"\b(?:then|afterwards|after\s+that|subsequently)\b"
                                r"|(?<!\w)(?:sau\s+đó|tiếp\s+đó)(?!\w)",
                                ctx.text[s.start : m.start()], re.I)
            told = context_date(ctx, s) if goes_on else None
            if told is None and not ctx.dates_in(s.start, s.end) and re.search(
                    r"\b(?:once|after|when)\s+[^.;]{0,50}?\b(?:talks|meeting)\b",
                    ctx.text[s.start : s.end], re.I):
                # round 46: "Eight documents were signed once the two presidents had finished
                # their meeting": the day of the talks the text told before
                told = _talks_day(ctx, s)
            d = pick_date(ctx, s.start, s.end, m.start(), kinds=("point",)) or (
                told if told is not None and told is not ctx.dateline
                and told.start > (ctx.dateline.start if ctx.dateline is not None else -1)
                else ctx.dateline if ctx.dateline is not None and ctx.dateline.start < s.start
                else context_date(ctx, s))
            if d is not None and isinstance(d.value, str):
                data["signed"] = d.value
                if not ctx.dates_in(s.start, s.end):
                    flags.append("date-from-context")
            elif pair_signed and not _WITNESSED.search(ctx.text, s.start, m.start()):
                continue  # round 37: an uncounted set the pair signed, undated: left out
            data["quantity"] = int(n) if n.isdigit() else NUMBERS[n] if n in NUMBERS \
                else _TEENS[n] if n in _TEENS else "many"
            out.append(Candidate("agreement", data, m.start(), m.end(), 0.6,
                                 "agreement-documents", flags))
            more = _MORE_DOCUMENTS.match(ctx.text, m.end())
            if more is not None and counted:
                # round 27: "exchange four memoranda of understanding and three agreements":
                # the second count is a set of its own
                m2 = more.group("n").lower()
                again = {**data, "instrument": "mou" if re.search(
                    r"memorand|mou|ghi nhớ", more.group("noun"), re.I) else "agreement",
                    "quantity": int(m2) if m2.isdigit() else NUMBERS[m2]}
                if again["instrument"] != data["instrument"]:
                    out.append(Candidate("agreement", again, m.start(), m.end() + more.end(),
                                         0.55, "agreement-documents", list(flags)))
    return out


#: round 27: a second count coordinated with the first ("… four memoranda of understanding and
#: three agreements", "… bốn bản ghi nhớ và ba thỏa thuận")
_MORE_DOCUMENTS = re.compile(
    r"\s+(?:and|và)\s+(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|hai|ba|bốn|năm"
    r"|sáu|bảy|tám|chín|mười)\s+(?:[\w-]+\s+){0,2}?(?P<noun>documents|memorand(?:ums|a)\s+of\s+"
    r"understanding|MoUs|agreements|văn\s+kiện|bản\s+ghi\s+nhớ|thỏa\s+thuận|thoả\s+thuận)\b",
    re.I)


#: a signing whose subject refers to the instrument the sentence before named ("The Treaty of
#: Peace and Friendship followed six years later. It was signed in Beijing on …", "Hiệp định
#: … có hiệu lực từ hôm nay. Hiệp định được ký ngày 18/2 …")
ANAPHORIC_SIGNING = re.compile(
    r"\s*(?:It|This|The\s+(?:treaty|agreement|accord|pact|protocol|memorandum|communiqu[eé])"
    r"|Hiệp định|Hiệp ước|Thỏa thuận|Thoả thuận|Văn kiện|Bản ghi nhớ)(?:\s+này)?\s+"
    r"(?:was|had\s+been|has\s+been|được|đã\s+được)\s+(?:signed|ký kết|ký)(?!\w)")


def _anaphoric_signing(ctx: Context, s, found: list[Candidate]) -> Candidate | None:
    """The signing of the instrument the sentence before named by its title, stated with "it",
    "the treaty", "hiệp định" as the subject; its date is the one after the verb."""
    m = ANAPHORIC_SIGNING.match(s.text)
    i = ctx.sents.index(s)
    if m is None or i == 0 or ctx.sents[i - 1].paragraph != s.paragraph:
        return None
    prev = ctx.sents[i - 1]
    named = [x for x in INSTRUMENT.finditer(ctx.text, prev.start, prev.end)
             if re.match(r"(?:the\s+|The\s+)?(?-i:[A-ZĐ])", x.group())
             and re.search(r"(?-i:[A-ZĐ])\w*\s+(?-i:[A-Za-zđ])", x.group())]
    if not named:
        return None
    inst_m = named[-1]
    verb_end = s.start + m.end()
    d = pick_date(ctx, verb_end, s.end, verb_end)
    read = [c for c in found if c.type == "agreement" and c.start <= inst_m.start() < c.end]
    if read:
        # the instrument's signing was read without a date ("… sau khi được ký kết"): this
        # sentence gives it
        if "signed" not in read[-1].data and d is not None and isinstance(d.value, str):
            read[-1].data["signed"] = d.value
            return read[-1]
        return None
    start = inst_m.start()
    lead = re.match(r"(?:the|The)\s+", inst_m.group())
    if lead:
        start += lead.end()
    end = _title_end(ctx, start, inst_m.end(), prev.end)
    title = _clean_title(ctx.text[start:end])
    if len(title.split()) < 2:
        return None
    parties = keys([x for x in ctx.mentions_in(start, end) if x.key and x.is_state
                    and x.how not in ("capital", "city")])
    between = re.match(r"\s*(?:\([A-Z]+\)\s*)?(?:between|giữa)\s+", ctx.text[end : prev.end])
    if len(parties) < 2 and between:
        parties = keys([x for x in group_after(ctx, end + between.end(), prev.end,
                                               states_only=False) if x.is_state or x.is_org])
    flags: list[str] = []
    if len(parties) < 2 and len(ctx.pair) == 2:
        parties, flags = list(ctx.pair), ["pair-from-document"]
    if len(parties) < 2:
        return None
    data: dict = {"instrument": instrument(title), "title": {ctx.lang: title},
                  "parties": [ctx.label(k) for k in parties]}
    fields = _fields(title)
    if fields:
        data["fields"] = fields
    if d is not None and isinstance(d.value, str):
        data["signed"] = d.value
        flags += [f for f in d.flags if f != "unresolved"]
    return Candidate("agreement", data, *span_of((s.start, verb_end), d), 0.65,
                     "agreement-named-before", flags)


ACRONYM_SIGNING = re.compile(r"(?:(?<!\w)Lễ\s+ký(?:\s+kết)?|\b[Ss]igning\s+(?:ceremony\s+)?of"
                             r"(?:\s+the)?)\s+([A-Z][A-Za-z]*[A-Z][A-Za-z0-9\-]*)\b"
                             r"(?:\s+(?:and|và)\s+(?:the\s+)?([A-Z][A-Za-z]*[A-Z][A-Za-z0-9\-]*)\b)?")


def _acronym_signings(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """A caption that names an instrument by its acronym only ("Ảnh: Lễ ký VCFTA …, tháng
    11/2011", "Photo: Signing of the ECTA, 2 April 2022"): the signing stated again, with the
    parties and instrument of the agreement the text introduced with that acronym."""
    out = []
    for m in ACRONYM_SIGNING.finditer(ctx.text):
        s = ctx.sentence_of(m.start())
        d = pick_date(ctx, m.end(), s.end, m.end())
        for acr in (x for x in m.groups() if x):
            intro = ctx.text.rfind(f"({acr})", 0, m.start())
            if intro < 0:
                continue
            # the agreement whose title the acronym closes (two instruments may share a quote)
            named = sorted((c for c in found if c.type == "agreement"
                            and c.start <= intro <= c.end + 2),
                           key=lambda c: abs(_title_at(ctx, c, intro)))
            if not named:
                continue
            data: dict = {"instrument": named[0].data["instrument"],
                          "parties": list(named[0].data["parties"])}
            if d is not None and isinstance(d.value, str):
                data["signed"] = d.value
            out.append(Candidate("agreement", data, *span_of(m, d), 0.6, "agreement-acronym",
                                 [f for f in (d.flags if d else ()) if f != "unresolved"]))
    return out


def _title_at(ctx: Context, c: Candidate, pos: int) -> int:
    """How far the end of ``c``'s title (as written in its quote) is from ``pos``."""
    title = next(iter(c.data.get("title", {}).values()), "")
    at = ctx.text.find(title, c.start, c.end + 2) if title else -1
    return pos - (at + len(title)) if at >= 0 else 10**6


def _modal_start(ctx: Context, a: int, floor: int) -> int:
    w = ctx.text[max(floor, a - 40) : a]
    m = re.search(r"(?:dự kiến|sẽ|sớm|would|will|plan|intend|expect)", w, re.I)
    return max(floor, a - 40) + m.start() if m else a


def _parties(ctx: Context, sa: int, a: int, b: int, sb: int) -> list[str]:
    subj = group_before(ctx, sa, a, states_only=False)
    subj = [m for m in subj if m.is_state or m.key == "EU" or m.how == "demonym"]
    out = keys(subj)
    if not out and ctx.pair_word_in(sa, a):
        out = list(ctx.local_pair(a))  # (round 27: "Both countries" under a state's heading)
    elif not out and len(ctx.pair) == 2:
        out = list(ctx.pair)
    return out


#: round 28: a signing told after the talks it followed
_AFTER_TALKS = re.compile(r"\b(?:After|Following|At|During)\s+(?:the|their|these|those)\s+"
                          r"(?:official\s+|bilateral\s+)?talks\b|(?<!\w)(?:Sau|Tại|Trong)\s+"
                          r"(?:khi\s+)?(?:cuộc\s+|buổi\s+)?hội\s+đàm(?!\w)", re.I)
_TALKS = re.compile(r"\btalks\b|(?<!\w)hội\s+đàm(?!\w)", re.I)
#: round 30: a sentence that opens with the pair signing ("The two sides signed …", "Hai bên
#: đã ký …")
_PAIR_SIGNED = re.compile(r"(?:The\s+two\s+sides|Both\s+sides|The\s+two\s+(?:countries|governments"
                          r"|ministers|leaders))\s+(?:also\s+|then\s+)?(?:signed|inked)\b"
                          r"|(?:Hai\s+bên|Hai\s+nước|Hai\s+Bộ\s+trưởng)\s+(?:cũng\s+|đã\s+)*ký(?!\w)")


def _talks_day(ctx: Context, s) -> DateMention | None:  # noqa: ANN001
    """The one day the last sentence before ``s`` that names talks gives them."""
    for p in reversed([p for p in ctx.sents if p.end <= s.start]):
        t = _TALKS.search(ctx.text, p.start, p.end)
        if t is None:
            continue
        days = [x for x in ctx.dates_in(p.start, p.end) if isinstance(x.value, str)
                and len(x.value) == 10 and x is not ctx.dateline]
        # the first day after the word in its clause ("held talks … on Monday, …"), else the
        # last before it ("Hôm nay, tại …, A và B đã hội đàm")
        after = [x for x in days if x.start >= t.end()
                 and not re.search(r"[;,]", ctx.text[t.end() : x.start])]
        before = [x for x in days if x.end <= t.start()]
        day = after[0] if after else before[-1] if before else None
        if day is None:
            return None
        return DateMention(day.start, day.end, day.value, "day", flags=("date-from-context",))
    return None


#: round 28: the state of a place of signing after its city ("On 22 May 2031, in Port Moresby,
#: Papua New Guinea, the two sides signed …"): no signatory
_CITY_STATE = re.compile(r"(?:\b(?:in|at)|(?<!\w)(?:tại|ở))\s+(?-i:[A-ZĐ])[\w.'’-]*"
                         r"(?:\s+(?-i:[A-ZĐ])[\w.'’-]*){0,2}\s*,\s+(?:the\s+)?$")


def _agreements(ctx: Context, s, sg, m, limit: int, before_verb: bool,
                inherited: list[str] | None = None) -> list[Candidate]:
    text = ctx.text
    phrase = m.group()
    start = m.start()
    # strip leading function words from the title
    lead = re.match(r"(?:(?:In|During|a|an|the|The|A|An)\s+)+", phrase)
    if lead:
        start += lead.end()
        phrase = phrase[lead.end():]
    end = _title_end(ctx, start, m.end(), limit)
    more = re.match(r"(?:,\s+(?:[^\s,.;()]+\s+){1,3}|\s+)(?:và|and)\s+(?-i:(?=[a-zđà-ỹ]))"
                    r"(?!(?:hiệp|thỏa|thoả|bản|nghị|the|an?)\s)(?:[^\s,.;()]+\s?){1,4}?"
                    r"(?=\s+(?:giữa|between)\b)", text[end:limit])
    if more and re.search(r"\s(?:về|on)\s", text[start:end]):
        # a coordinated complement: "Hiệp định về tự do hóa, khuyến khích và bảo hộ đầu tư
        # giữa hai nước", "the Agreement on the liberalisation, promotion and protection of
        # investment between …"
        end += more.end()
    title = text[start:end].strip()
    if "văn kiện" in title.lower():
        return []
    if re.search(r"\bwhose\s+$", text[max(s.start, start - 8) : start]):
        return []  # "the Arab League, whose charter it signed …": an organisation's founding
    if re.fullmatch(r"(?i:charter|hiến chương)(?:\s+(?:on|ngày)\s+\d.*)?", title) and any(
            x.is_org for x in ctx.mentions_in(s.start, s.end)):
        return []  # "… original members of the United Nations …, but signed the Charter …"
    if re.search(r"(?i:charter|hiến chương)", title) and any(
            x.is_org for x in ctx.mentions_in(start, end)):
        return []  # "signed the United Nations Charter": an organisation's founding
    if re.match(r"[^.;]{0,40}?(?:\bas\s+(?:a|an|one\s+of\s+the)\s+(?:\w+\s+)?members?\s+of"
                r"|,\s+(?:becoming|trở\s+thành)\s+(?:a\s+)?(?:founding\s+)?(?:member|thành\s+viên))",
                text[end:s.end]) and not re.match(r"\s*(?:with|với|between|giữa)\s",
                                                  text[end:limit]):
        # "signed the Manila Pact in 1954 as a founding member of SEATO", "ký Nghị định thư
        # Alma-Ata, trở thành thành viên sáng lập …": a membership, no agreement of two states
        return []
    if re.search(r"\s(?:founding|establishing|creating|that\s+(?:founded|established|created)"
                 r"|which\s+(?:founded|established|created))\s+(?:the\s+)?(?-i:[A-Z])",
                 text[start:limit]) \
            and re.search(r"\bone\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}(?:states|countries|nations"
                          r"|signatories)\b|\b\w+\s+other\s+(?:states|countries|nations)\b",
                          text[s.start : start]):
        # "it was one of the ten states whose foreign ministers signed the Treaty of London
        # founding the Council of Europe": a founding membership, no agreement of two states
        return []
    inst = instrument(title)
    plural = bool(re.search(r"agreements|treaties|memoranda|protocols|MoUs", title)) or bool(
        re.search(r"nhiều|một số|các", text[max(s.start, start - 12) : start]))
    # parties: the title's own names ("Viet Nam - Korea Free Trade Agreement"), the subject of
    # "signed", the partners after "with"
    # a capital in a title names the place of signing ("Treaty of Asunción"), not a party
    in_title = [x for x in ctx.mentions_in(start, end) if x.key and (x.is_state or x.key == "EU")
                and x.how not in ("capital", "city")]
    subj = [x for x in group_before(ctx, s.start, sg.start(), states_only=False)
            if (x.is_state or x.key == "EU" or x.how == "demonym") and not (
                # round 20: "Ngày …, tại Belgrade, A và B ký …": the place of signing signs nothing
                x.how in ("capital", "city") and re.search(
                    r"(?:\b(?:in|at)|(?<!\w)(?:tại|ở))\s+$", text[max(0, x.start - 5) : x.start]))
                and not (_CITY_STATE.search(text, max(0, x.start - 45), x.start)
                         and re.match(r"\s*,", text[x.end : x.end + 3]))
            ] if not before_verb else []
    if subj:
        # "A cùng B, C và D ký …", "Tổng thống A cùng người đồng cấp B và C ký …": the head
        # signs with its companions
        subj = [x for x in companion_head(ctx, s.start, subj)
                if x.key not in {y.key for y in subj}] + subj
    if not before_verb and len(keys(subj)) == 1 and re.search(
            r"(?:(?<!\w)cùng(?:\s+với)?|\b(?:and|with|together\s+with|along\s+with))\s+(?:\d{1,3}"
            r"|\w+)\s+(?:other\s+)?(?:nước|quốc\s+gia|states|countries|nations)\b[^.;]{0,40}$",
            text[s.start : sg.start()], re.I) and not re.search(r"\s(?:with|với)\s",
                                                                text[end:limit]):
        return []  # "A cùng 14 nước Tây Phi ký Hiệp ước Lagos …": signatories only counted
    # (round 27: also "…, together with A, B and C" after a comma)
    with_m = re.match(r"\s*(?:(?:together|along)\s+)?(?:with|với)\s+"
                      r"|\s*,\s*(?:together|along)\s+with\s+", text[end:limit])
    partners = group_after(ctx, end, limit) if with_m else []
    at = end + with_m.end() if with_m else limit
    first = next((x for x in ctx.mentions_in(at, limit) if x.key), None)
    if first is not None and first.is_org and re.fullmatch(r"(?:the\s+)?", text[at : first.start]):
        # round 36: "A signed a Stabilisation and Association Agreement with the European Union
        # in Luxembourg on …", "ký Hiệp định … với Liên minh châu Âu tại Strasbourg": the
        # organisation after "with" is the partner, never the city of signing after it
        partners = group_after(ctx, at, limit, states_only=False,
                               keep=lambda x: x.is_state or x.is_org)
    flags: list[str] = []
    conf = 0.8
    base = keys(in_title) or keys(subj)
    if not in_title and len(keys(subj)) == 1 and ctx.pair_word_in(subj[-1].end, sg.start()) \
            and keys(subj)[0] in ctx.local_pair(sg.start()):
        # round 27: "Với Bulgaria, nước đầu tiên công nhận … Macedonia, hai chính phủ ký …",
        # "…, the two governments signed …": the pair words are the subject, not the state
        # named before them (when it is one of the pair: "from the United Kingdom, where the
        # two governments signed …" is not)
        base = list(ctx.local_pair(sg.start()))
    if not base and not before_verb and ctx.subject is not None and re.fullmatch(
            r"\s*(?:the\s+)?", text[sg.end() : start]) and re.search(
            r"(?:^|[,;]\s*|\s)(?-i:it|It)\s+(?:(?:also|then|later|had|has)\s+)?$",
            text[max(s.start, sg.start() - 20) : sg.start()]):
        # round 24: "On 26 May 1969 it signed the Cartagena Agreement together with A, B, C and
        # D": the text's state signs with the partners
        base = [ctx.subject]
        flags.append("party-from-document")
    counted = _counted_signatories(ctx, s, sg.start()) if not before_verb else []
    if counted:
        base = counted
    if not base and inherited:
        # "the A Agreement and the B Agreement were signed": B has A's parties
        base = [ctx.gazetteer.registry.resolve(x).key for x in inherited]
    between = re.match(r"\s*(?:between|giữa)\s+", text[end:limit])
    if not base and between:
        # "The X Treaty between A and B was signed", "Hiệp ước X giữa A và B được ký"
        base = keys([x for x in group_after(ctx, end + between.end(), limit, states_only=False)
                     if x.is_state or x.is_org])
    agent = _AGENT.search(text, sg.end(), limit) if before_verb and not base else None
    if agent is not None:
        # the passive with its agent: "was signed in Arusha on 30 November 1999 by Kenya,
        # Tanzania and Uganda", "được ký … bởi các nguyên thủ Nga, Belarus và Kazakhstan"
        group = group_after(ctx, agent.end(), limit)
        if group and not text[agent.end() : group[0].start].strip():
            base = keys(group)
    if before_verb and not base:
        by = re.search(r"\bby\s+the\s+(?:three|two)\s+countries", text[sg.end() : s.end])
        if by and "three" in by.group():
            from collections import Counter

            counts = Counter(x.key for x in ctx.mentions if x.is_state and x.key)
            base = [k for k, _ in counts.most_common(3)]
    if not base and ctx.pair_word_in(s.start, sg.start()):
        base, conf = list(ctx.local_pair(sg.start())), 0.7
        flags.append("pair-from-document")
    if not base and partners and before_verb and ctx.subject is not None \
            and ctx.subject not in keys(partners):
        # round 20: "A treaty on the border with Russia was signed in Moscow on …" in a text
        # on Lithuania: the text's state and the partner after "with"
        base, conf = [ctx.subject], 0.65
        flags.append("party-from-document")
    if not base and not partners and ctx.subject is not None:
        # a text on one state: the subject and the one other state of the sentence
        others = list(dict.fromkeys(x.key for x in ctx.mentions_in(s.start, s.end)
                                    if x.is_state and x.key and x.key != ctx.subject
                                    and x.how == "name"))  # "signed in Madrid": a place
        if len(others) == 1:
            base, conf = [ctx.subject, others[0]], 0.65
            flags.append("party-from-document")
    if not base and not partners:
        # the two states its own sentence names outrank the document's pair: "Washington's
        # bond with Manila is older still: their mutual defence treaty was signed on …" (a
        # place of signing names no party)
        own = list(dict.fromkeys(
            x.key for x in ctx.mentions_in(s.start, s.end) if x.is_state and x.key
            and x.how in ("name", "capital") and not re.search(
                r"(?:\b(?:in|at)|(?<!\w)(?:tại|ở))\s+$",
                text[max(s.start, x.start - 5) : x.start])))
        if len(own) == 2 and set(own) != set(ctx.pair):
            base, conf = own, 0.65
            flags.append("pair-from-sentence")
    if not base and not partners and len(ctx.pair) == 2:
        if re.search(r"\s(?:founding|establishing|creating|that\s+(?:founded|established|created)"
                     r"|which\s+(?:founded|established|created))\s+(?:the\s+)?(?-i:[A-Z])"
                     r"|(?<!\w)(?:thành\s+lập|lập\s+ra)\s+(?-i:[A-ZĐ])", text[start:limit]) \
                and any(x.is_org for x in ctx.mentions_in(start, limit)):
            # round 27: "Hiệp ước Lagos thành lập Cộng đồng Kinh tế các quốc gia Tây Phi
            # (ECOWAS) được ký ngày …": a body's founding treaty with no signatory named is not
            # an agreement of the document's two states
            return []
        base, conf = list(ctx.pair), 0.65
        flags.append("pair-from-document")
    if len(base) == 1 and not partners and ctx.gazetteer.entity(base[0]) is not None and \
            ctx.gazetteer.entity(base[0]).kind in ("organisation", "forum"):
        # round 20: "Hiệp ước gia nhập Liên minh châu Âu của Croatia được ký …", "the Treaty of
        # Accession to the EU of Croatia": the organisation's treaty with the state after "của"
        owner = re.match(r"\s*(?:của|of)\s+", text[end:limit])
        st = [x for x in ctx.mentions_in(end + owner.end(), limit)
              if x.start == end + owner.end() and x.is_state and x.key] if owner else []
        if st and st[0].key not in base:
            base = [*base, st[0].key]
    if len(base) == 1 and not partners and ctx.other(base[0]):
        base.append(ctx.other(base[0]))
        conf -= 0.1
        flags.append("party-from-document")
    timed = re.search(r"(?:\bafter|\bsince|sau khi|kể từ khi)\s+(?:\w+\s+){0,2}$",
                      text[max(s.start, sg.start() - 25) : sg.start()], re.I)
    if timed:
        # "…, chưa đầy ba tháng sau khi được ký kết": a signing in a clause of time has only
        # a date of its own
        cut = re.search(r",\s+(?:and|but|và|nhưng)\s", text[sg.end() : limit])
        d = pick_date(ctx, sg.end(), sg.end() + cut.start() if cut else limit, sg.end())
    else:
        # never past a semicolon: "…signed a treaty …; it entered into force on …"
        semi = text.find(";", sg.end(), limit)
        own = semi if semi >= 0 else limit
        nxt = re.search(r",\s+(?:and|but|và|nhưng)\s", text[sg.end() : own])
        own = sg.end() + nxt.start() if nxt else own  # "…, and readmitted it in May 1989"
        d = pick_date(ctx, end if before_verb else sg.end(), own, sg.end()) or pick_date(
            ctx, s.start, own, sg.end())
    own_date = _bracketed_date(ctx, end)
    if own_date is not None:
        # round 25: "Hai bên đã ký Thỏa thuận khung … (1996) và Bản ghi nhớ … (2013)", "…
        # Hiệp định vận chuyển hàng không (tháng 11/1994) và Hiệp định … (tháng 3/1997)": the
        # date in brackets right after an instrument is its own, not the first of the list's
        d = own_date
    planned = d is not None and d.precision == "year" and 0 <= d.start - end <= 6 and bool(
        re.search(r"(?<!\w)(?:kế hoạch|chương trình)(?!\w)|\b(?:plan|programme|program)\b",
                  title, re.I))
    if planned:
        # "Thỏa thuận về Kế hoạch hợp tác … năm 2025": the year of the plan the title names,
        # not of the signing
        d = None
    during = re.match(r"\s*(?:During|In\s+the\s+course\s+of|Trong)\s+(?:that|this|the|his|her"
                      r"|their)?\s*(?:visit|trip|chuyến\s+thăm(?:\s+(?:này|đó))?)\b", s.text) \
        if d is None else None
    if during is not None:
        # round 24: "… paid a State Visit to Tanzania on 9-10 July 2016 ….During that visit the
        # two sides signed an MoU …": the date of the visit the sentence before dated
        before = [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph]
        ds = [x for x in ctx.dates_in(before[-1].start, before[-1].end)
              if x.value is not None and x is not ctx.dateline] if before else []
        if ds:
            # (a visit of one day gives its day, "on 19 November 2014"; a range its month)
            month = ds[0].value if isinstance(ds[0].value, str) else month_of(ds[0].value)
            if month:
                d = DateMention(ds[0].start, ds[0].end, month, {10: "day", 7: "month"}.get(
                    len(month), "year"), flags=("date-from-context",))
    after_talks = _AFTER_TALKS.search(text, s.start, sg.start()) if d is None else None
    if after_talks is None and d is None and _PAIR_SIGNED.match(text, s.start):
        # round 30: "… held talks with Deputy Prime Minister Pham Binh Minh the same day. The
        # two sides signed …", "… hội đàm với …. Hai bên đã ký …": the sentence right after
        # the dated talks (same paragraph) signs on their day
        before = [p for p in ctx.sents if p.end <= s.start]
        if before and before[-1].paragraph == s.paragraph \
                and _TALKS.search(text, before[-1].start, before[-1].end):
            after_talks = _PAIR_SIGNED.match(text, s.start)
    if after_talks is not None:
        # round 28: "After the talks the two presidents witnessed the signing of …", "Sau hội
        # đàm, hai bên ký …": the day of the talks the text dated before (the last sentence
        # before that names talks and one day)
        d = _talks_day(ctx, s) or d
    if d is None and ctx.dateline is not None and not timed and not planned:
        from .partnerships import context_date

        d = context_date(ctx, s)
        if d is not None:
            flags.append("date-from-context")
            conf -= 0.15
    out = []
    groups = [[*base, p] for p in keys(partners) if p not in base] if partners else [base]
    regional = re.search(r"\b(?:regional|multilateral|plurilateral)\b", text[sg.end() : end],
                         re.I) or re.match(
        r"[^.;]{0,80}?\band\s+(?:\w+\s+){0,3}?other\s+(?:[\w'-]+\s+){0,3}?(?:countries|states"
        r"|nations|members)\b", text[end:limit])
    if partners and len(groups) > 1 and not plural and regional:
        # round 24: "signed the PACER Plus regional trade agreement with Australia, New Zealand
        # and other Pacific island countries": one instrument of all those named
        groups = [list(dict.fromkeys([*base, *keys(partners)]))]
    if partners and len(groups) > 1 and not plural and _named(title):
        # a named instrument signed "with A, B, C and D" (the Cartagena Agreement, a pact, a
        # charter) is one multilateral instrument of all of them, not one per partner
        groups = [list(dict.fromkeys([*base, *keys(partners)]))]
    for parties in groups:
        if len(parties) < 2:
            continue
        data: dict = {"instrument": inst, "title": {ctx.lang: _clean_title(title)},
                      "parties": [ctx.label(k) for k in parties]}
        fl = list(flags)
        if d is not None and isinstance(d.value, str):
            data["signed"] = d.value
            fl += [f for f in d.flags if f != "unresolved"]
        elif d is not None and _span_month(d.value):
            # round 40: signed "during the visit" told with its span ("from 2 to 7 November
            # 2010; during the visit the two sides signed …"): the span's month, as the gold
            # dates it
            data["signed"] = _span_month(d.value)
        fields = _fields(title)
        if fields:
            data["fields"] = fields
        if plural and not partners and len(groups) == 1:
            # "the signing of 15 agreements", "ký 5 hiệp định": the count the text gives
            n = re.search(r"(?:^|\s)(\d{1,3}|" + "|".join(
                k for k in NUMBERS if k not in ("a", "năm", "một")) + r")\s+(?:\S+\s+)?$",
                          text[max(s.start, start - 20) : start], re.I)
            word = n.group(1).lower() if n else ""
            data["quantity"] = int(word) if word.isdigit() else NUMBERS.get(word, "many")
        span = span_of((start, end), sg, d, partners)
        out.append(Candidate("agreement", data, max(span[0], s.start), min(span[1], s.end),
                             round(conf, 2), f"agreement-{inst}", fl))
    return out


#: the agent of a passive signing, before its names
_AGENT = re.compile(r"(?:\bby|(?<!\w)bởi)\s+(?:the\s+|các\s+)?(?:(?:leaders|heads\s+of\s+state"
                    r"|presidents|governments|nguyên\s+thủ|nhà\s+lãnh\s+đạo|lãnh\s+đạo|đại\s+diện)"
                    r"\s+(?:of\s+|của\s+)?)?(?:the\s+)?", re.I)


_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "hai": 2, "ba": 3, "bốn": 4,
          "năm": 5, "sáu": 6}
_COUNTED = re.compile(r"(?:\bthe\s+(two|three|four|five|six)\s+(?:leaders|presidents|heads\s+of"
                      r"\s+state|heads\s+of\s+government|prime\s+ministers)"
                      r"|(?<!\w)(hai|ba|bốn|năm|sáu)\s+nhà\s+lãnh\s+đạo)\s+(?:\w+\s+)?$", re.I)


def _bracketed_date(ctx: Context, end: int):  # noqa: ANN202
    """The one date written in brackets right after an instrument's title ("… (2013)", "…
    (tháng 3/1997)", "… (signed 4 May 2031)"), else None."""
    # (the title may go on past a comma the title reader stopped at: "Hiệp định về thúc đẩy hợp
    # tác kinh tế, thương mại (tháng 3/1997)")
    m = re.match(r"(?:,\s*[^\W\d]+(?:\s+[^\W\d]+){0,2})?\s*\(\s*(?:(?:ký|signed)\s+)?"
                 r"(?:(?:ngày|tháng|năm|on|in)\s+)?", ctx.text[end:])
    if m is None:
        return None
    ds = [d for d in ctx.dates if d.start == end + m.end() or (
        d.start >= end + m.end() - 8 and d.start <= end + m.end())]
    if len(ds) != 1 or ds[0].kind != "point" or not isinstance(ds[0].value, str) \
            or not re.match(r"\s*\)", ctx.text[ds[0].end : ds[0].end + 3]):
        return None
    return ds[0]


def _counted_signatories(ctx: Context, s, verb: int) -> list[str]:
    """"the four presidents signed", "ba nhà lãnh đạo cùng ký": the states of the clause before
    the verb, the text's subject, then those of the paragraph's sentences before, nearest
    first; only when exactly that many are found."""
    m = _COUNTED.search(ctx.text, max(s.start, verb - 40), verb)
    if m is None:
        return []
    n = _COUNT[(m.group(1) or m.group(2)).lower()]
    found = keys([x for x in ctx.mentions_in(s.start, m.start()) if x.is_state and x.key])
    if len(found) < n and ctx.subject and ctx.subject not in found:
        found.append(ctx.subject)
    for p in [p for p in ctx.sents if p.end <= s.start and p.paragraph == s.paragraph][::-1]:
        if len(found) >= n:
            break
        found += [k for k in keys([x for x in ctx.mentions_in(p.start, p.end)
                                   if x.is_state and x.key]) if k not in found]
    return found if len(found) == n else []


def _named(title: str) -> bool:
    """A singular instrument with a proper name: "Cartagena Agreement", "the Manila Pact".

    >>> _named("Cartagena Agreement"), _named("free trade agreement"), _named("agreement")
    (True, False, False)
    >>> _named("treaty of Marrakesh"), _named("treaty of friendship")
    (True, False)
    """
    words = title.split()
    if re.match(r"(?:treaty|agreement|pact|protocol|accord|convention)\s+of\s+(?-i:[A-Z])", title):
        return True  # round 27: "the treaty of Marrakesh", written in lower case
    return len(words) >= 2 and words[0][:1].isupper() and not re.match(
        r"(?i:free|trade|investment|economic|security|defen[cs]e|cooperation|general|a|an|the)$",
        words[0]) and not re.search(r"(?i:memorand|\bMoU)", title)


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" ,.")


#: round 32: agreements listed by their subjects with the preposition repeated: "sign agreements
#: on cooperation in hydrography, on renewable energy, … and on …", "ký các văn kiện hợp tác về
#: A, về B, về C và về D"
_LISTED_HEAD = re.compile(r"\b(?:sign|signed|signing)\s+(?:the\s+)?(?:\w+\s+)?agreements"
                          r"|(?<!\w)ký\s+(?:kết\s+)?(?:các|những)\s+(?:văn\s+kiện|thỏa\s+thuận)"
                          r"(?:\s+hợp\s+tác)?", re.I)
_LISTED_FIRST = re.compile(r"\s+(?:on|về)\s+")
_LISTED_NEXT = re.compile(r"\s*,\s*(?:and\s+|và\s+)?(?:on|về)\s+|\s+(?:and|và)\s+(?:on|về)\s+")


def listed_each(ctx: Context, out: list[Candidate]) -> list[Candidate]:
    """Round 32: agreements a sentence lists one by one by their subjects ("the two leaders
    watched ministers sign agreements on A, on B, on C and on D", "chứng kiến lễ ký các văn kiện
    hợp tác về A, về B, về C và về D") are one agreement each, as the corpus annotates them:
    the candidate the rules read at the head takes the first subject (and no count); each other
    subject is one more candidate of the same parties, instrument and date. A count of as many
    agreements of those parties and that date elsewhere ("India and Seychelles signed four
    agreements on Wednesday") is the same set, and is dropped."""
    text = ctx.text
    added: list[Candidate] = []
    dropped: set[int] = set()
    for s in ctx.sents:
        for h in _LISTED_HEAD.finditer(text, s.start, s.end):
            first = _LISTED_FIRST.match(text, h.end(), s.end)
            if first is None or any(d.start <= first.end() < d.end or first.start() <= d.start
                                    <= first.end() for d in ctx.dates):
                continue  # "signed four agreements on Wednesday": a day, not a subject
            stop = re.search(r"[.;]|,(?!\s*(?:and\s+|và\s+)?(?:on|về)\s)",
                             text[first.end() : s.end])
            end = first.end() + stop.start() if stop else s.end
            cuts = [first] + list(_LISTED_NEXT.finditer(text, first.end(), end))
            if len(cuts) < 2:
                continue
            heads = [i for i, c in enumerate(out) if c.type == "agreement"
                     and c.start < h.end() + 1 and h.start() < c.end]
            if len(heads) != 1:
                continue
            c = out[heads[0]]
            items = [text[x.end() : (cuts[i + 1].start() if i + 1 < len(cuts) else end)].strip()
                     for i, x in enumerate(cuts)]
            noun = "agreement on" if ctx.lang != "vi" else "văn kiện về"
            base = {k: v for k, v in c.data.items() if k not in ("quantity", "title")}
            c.data = {**base, "title": {ctx.lang: f"{noun} {items[0]}"}}
            for i, item in enumerate(items[1:], 1):
                nxt = cuts[i + 1].start() if i + 1 < len(cuts) else end
                added.append(Candidate("agreement", {**base, "title": {ctx.lang: f"{noun} {item}"}},
                                       cuts[i].end(), nxt, c.confidence, "agreement-listed-each",
                                       list(c.flags)))
            for i, o in enumerate(out):
                if o is not c and o.type == "agreement" and o.data.get("quantity") == len(items) \
                        and sorted(o.data.get("parties") or []) == sorted(base.get("parties")
                                                                           or []) \
                        and o.data.get("signed") == base.get("signed"):
                    dropped.add(i)
    return [c for i, c in enumerate(out) if i not in dropped] + added
