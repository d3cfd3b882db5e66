"""Trade and investment figures: value (or range), currency, multiplier, period. A change ("up
47%", "tăng 27%") is not a value; a target ("phấn đấu … lên 20 tỷ USD") is an intention; FDI and
registered capital are investment, never trade.

>>> [(m.values, m.multiplier) for m in money("đạt 15,7 tỷ USD, từ mức 5 đến 6 triệu USD")]
[(['15.7'], 9), (['5', '6'], 6)]
>>> [(m.values, m.multiplier) for m in money("USD 87.7billion and 47.6 billion USD")]
[(['87.7'], 9), (['47.6'], 9)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Candidate, Context, modal, span_of

_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(billion|million|bn|tỷ|triệu|nghìn tỷ)"
#: a currency's symbol or code before the number, and its words after the number's scale, by
#: ISO 4217 code (the codes of ``dgc:currency`` in ontology/concepts.ttl). A bare ``$`` or
#: "dollars" is the US dollar, as in the texts read so far; ``A$``, ``S$``, ``C$`` and
#: "Australian dollars" are not.
CURRENCY_BEFORE = (
    ("USD", r"USD|US\$|(?<![A-Za-z])\$"),
    ("EUR", r"EUR|€"),
    ("GBP", r"GBP|£"),
    ("AUD", r"AUD|AU?\$"),
    ("SGD", r"SGD|S\$"),
    ("CAD", r"CAD|CA?\$"),
)
CURRENCY_AFTER = (
    ("AUD", r"AUD|Australian\s+dollars?|đô\s+la\s+(?:Úc|Australia)"),
    ("CAD", r"CAD|Canadian\s+dollars?|đô\s+la\s+Canada"),
    ("SGD", r"SGD|Singapore\s+dollars?|đô\s+la\s+Singapore"),
    ("USD", r"USD|US\s+dollars|dollars|đô\s+la\s+Mỹ|đô\s+la|đồng\s+đô\s+la"),
    ("EUR", r"EUR|euros?|€"),
    ("GBP", r"GBP|pounds?\s+sterling|British\s+pounds?|bảng\s+Anh"),
    ("JPY", r"JPY|yen|yên(?:\s+Nhật)?"),
    ("CNY", r"CNY|RMB|yuan|nhân\s+dân\s+tệ"),
    ("KRW", r"KRW|won(?:\s+Hàn\s+Quốc)?"),
    ("RUB", r"RUB|rubles?|roubles?|rúp(?:\s+Nga)?"),
    ("VND", r"VND|đồng(?:\s+Việt\s+Nam)?"),
)
_BEFORE = "|".join(f"(?P<b{c}>{p})" for c, p in CURRENCY_BEFORE)
_AFTER = "|".join(f"(?P<a{c}>{p})" for c, p in CURRENCY_AFTER)
MONEY = re.compile(
    rf"(?:{_BEFORE})\s?(?P<n>{_NUM})\s*(?P<s>billion|million|bn|tỷ|triệu|nghìn tỷ)"
    rf"|(?P<lo>{_NUM})(?:\s*(?:đến|to|và|and|-|–)\s*(?P<hi>{_NUM}))?\s*"
    rf"(?P<s2>billion|million|bn|tỷ|triệu|nghìn tỷ)\s*(?:{_AFTER})(?!\w)",
    re.I,
)


def _currency(m: re.Match[str]) -> str:
    """The ISO 4217 code of a :data:`MONEY` match.

    >>> [_currency(m) for m in MONEY.finditer("A$500 million, €2 billion, 30 tỷ yên, 5 tỷ đồng")]
    ['AUD', 'EUR', 'JPY', 'VND']
    """
    return next(k[1:] for k, v in m.groupdict().items() if v and k[0] in "ab" and len(k) == 4)
TRADE = re.compile(r"\btrade\b|trade turnover|two-way trade|\bexports?\b|\bimports?\b"
                   r"|kim ngạch|thương mại|xuất khẩu|nhập khẩu|xuất nhập khẩu", re.I)
INVEST = re.compile(r"\binvest\w*|\bFDI\b|registered\s+capital|vốn\s+(?:đầu tư|đăng ký)|đầu tư"
                    r"|nhà đầu tư", re.I)
TARGET = re.compile(r"\b(?:target|aim|goal|to\s+reach|strive)\w*"
                    r"|\b(?:hopes?|plans?|wants?|expects?|seeks?|hoping|planning)\s+to\b"
                    r"|phấn đấu|mục tiêu|đưa\b.*\blên|nỗ lực|vượt mốc"
                    r"|\bwould\s+(?:reach|rise|hit)\b",
                    re.I)
#: "agreed to raise bilateral trade to …", "boost trade to …": the figure is a target
RAISE_TO = re.compile(r"\b(?:rais|increas|boost|lift|doubl|push|bring|expand)\w*\b[^.;:]{0,40}?"
                      r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+)?(?:US\s*)?\$?\s*$", re.I)
#: a figure followed by its horizon ("… 100 billion dollars by 2030") or named a goal ("set
#: $100 billion trade goal"): a target ("by the end of 2022" is the date of a stock)
HORIZON_AFTER = re.compile(r"[^.;,]{0,20}?\bby\s+(?:19|20)\d\d\b"
                           r"|\s*(?:[\w-]+\s+){0,2}(?:goal|target)s?\b", re.I)
#: a trade balance is no value of trade ("thâm hụt thương mại … 123,5 tỷ USD", "a trade
#: deficit of $123.5 billion")
BALANCE = re.compile(r"(?<!\w)(?:thâm\s+hụt|thặng\s+dư|nhập\s+siêu|xuất\s+siêu)(?!\w)"
                     r"|\b(?:deficit|surplus)\b", re.I)
MULT = {"billion": 9, "bn": 9, "tỷ": 9, "million": 6, "triệu": 6, "nghìn tỷ": 12}


@dataclass
class Money:
    start: int
    end: int
    values: list[str]
    multiplier: int
    currency: str = "USD"


#: a bound ("below", "less than", "dưới", "chưa đến") is no value
BOUND = re.compile(r"(?:\b(?:below|under|less\s+than|no\s+more\s+than|at\s+most|short\s+of)"
                   r"|(?<!\w)(?:dưới|chưa\s+đến|chưa\s+tới|không\s+quá|ít\s+hơn))\s*$", re.I)


def _number(s: str, lang: str) -> str:
    if lang == "vi" or re.fullmatch(r"\d+,\d{1,2}", s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return s


def money(text: str, lang: str = "vi", a: int = 0, b: int | None = None) -> list[Money]:
    out = []
    for m in MONEY.finditer(text, a, len(text) if b is None else b):
        if m.group("n"):
            vals, scale = [m.group("n")], m.group("s")
        else:
            vals = [m.group("lo")] + ([m.group("hi")] if m.group("hi") else [])
            scale = m.group("s2")
        lg = "vi" if scale.lower() in ("tỷ", "triệu", "nghìn tỷ") else "en"
        out.append(Money(m.start(), m.end(), [_number(v, lg) for v in vals],
                         MULT[scale.lower()], _currency(m)))
    # a figure whose currency is gapped ("… accounted for 24.7 billion dollars and its imports
    # from Kazakhstan for 16.3 billion"): the currency of the figure just before, in one clause
    for m in re.finditer(rf"(?<![\d.,$])({_NUM})\s*{_SCALE}(?![\w$])", text[: len(text) if b is None
                                                                        else b]):
        if m.start() < a or any(x.start <= m.start() < x.end for x in out):
            continue
        before = [x for x in out if x.end <= m.start()]
        if not before or m.start() - before[-1].end > 80 or re.search(
                r"[;.]\s|\b(?:percent|per\s+cent)\b|%", text[before[-1].end : m.start()]
        ) or re.match(r"\s*(?:%|percent|per\s+cent)", text[m.end() : m.end() + 10]):
            continue
        scale = m.group(2)
        lg = "vi" if scale.lower() in ("tỷ", "triệu", "nghìn tỷ") else "en"
        out.append(Money(m.start(), m.end(), [_number(m.group(1), lg)], MULT[scale.lower()],
                         before[-1].currency))
    out.sort(key=lambda x: x.start)
    return out


def _num_value(v: str) -> int | float:
    f = float(v)
    return int(f) if f.is_integer() else f


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        ms = money(ctx.text, ctx.lang, s.start, s.end)
        prev = s.start
        for i, mo in enumerate(ms):
            right = ms[i + 1].start if i + 1 < len(ms) else s.end
            left_text = ctx.text[s.start : mo.start]
            tr = [x.end() for x in TRADE.finditer(left_text)]
            inv = [x.end() for x in INVEST.finditer(left_text)]
            inv_after = INVEST.search(ctx.text, mo.end, min(right, mo.end + 30))
            if not tr and not inv and not inv_after and TRADE.search(ctx.text, mo.end, right):
                tr = [mo.start]  # "Từ mức 5 đến 6 triệu USD …, kim ngạch thương mại …"
            if not tr and not inv and not inv_after:
                prev = mo.end
                continue
            kind = "investment" if (inv and (not tr or inv[-1] > tr[-1])) or (
                inv_after and not tr) else "trade"
            if TARGET.search(ctx.text, max(prev, mo.start - 60), mo.start) or modal(
                    ctx, mo.start, max(prev, mo.start - 40)) or RAISE_TO.search(
                    ctx.text, max(prev, mo.start - 60), mo.start) or HORIZON_AFTER.match(
                    ctx.text, mo.end, right):
                prev = mo.end
                continue
            if BOUND.search(ctx.text, max(prev, mo.start - 25), mo.start):
                prev = mo.end  # "stayed below USD 2 billion a year": a bound, not a value
                continue
            if BALANCE.search(ctx.text, max(prev, mo.start - 80), mo.start):
                prev = mo.end  # "thâm hụt thương mại … lên tới 123,5 tỷ USD": a balance
                continue
            if kind == "trade":
                out += _trade(ctx, s, mo, prev, right)
            else:
                out += _investment(ctx, s, mo, prev, right)
            prev = mo.end
    return out


_BASE = re.compile(r"(?:so với|compared\s+(?:with|to)|than|%\s+(?:on|over|from)"
                   r"|(?:gấp|bằng)\s+(?:khoảng\s+|hơn\s+|gần\s+)?[\d,.]+\s+lần"
                   r"|\btimes\s+(?:the\s+(?:figure|level)\s+(?:of|in)|that\s+of))\s*"
                   r"(?:cùng kỳ\s+)?(?:năm\s+|the\s+|in\s+)?$", re.I)


def _period(ctx: Context, a: int, b: int, pos: int):
    """The period of a figure, never the base of a comparison ("tăng 27% so với năm 2021")."""
    brk = re.search(r",\s*(?:và|and|còn|while|but|nhưng)\b|;", ctx.text[pos:b])
    b = pos + brk.start() if brk else b  # "…, và riêng chín tháng đầu năm 2024 …" is another's
    ds = [d for d in ctx.dates_in(a, b) if d.value is not None and d is not ctx.dateline
          and not _BASE.search(ctx.text[max(a, d.start - 25) : d.start])]
    if not ds:
        return None
    after = [d for d in ds if d.start >= pos]
    return after[0] if after else ds[-1]


def _keyword(ctx: Context, rx: re.Pattern[str], mo: Money) -> tuple[int, int] | None:
    """The keyword that makes a figure trade or investment, when it is close before it."""
    s = ctx.sentence_of(mo.start)
    found = [m for m in rx.finditer(ctx.text, max(s.start, mo.start - 80), mo.start)]
    if not found:
        return None
    m = found[0]
    # back to the start of the noun phrase ("Kim ngạch thương mại", "Two-way trade")
    start = m.start()
    head = re.search(r"(?:[\w\-]+\s+){0,2}$", ctx.text[max(s.start, start - 25) : start])
    if head and not re.search(r"[,.;]", head.group()):
        start -= len(head.group())
    return (max(start, s.start), m.end())


def _states(ctx: Context, a: int, b: int) -> list[str]:
    # "US$790 million", "US dollars": a currency, not the United States
    return list(dict.fromkeys(m.key for m in ctx.mentions_in(a, b)
                              if m.key and (m.is_state or m.key == "EU") and not re.match(
                                  r"\$|\s*dollars?\b", ctx.text[m.end : m.end + 9], re.I)))


def _trade(ctx: Context, s, mo: Money, prev: int, right: int) -> list[Candidate]:
    states = _states(ctx, s.start, s.end)
    flags: list[str] = []
    conf = 0.85
    if len(states) == 2:
        pair = states
    elif len(states) == 1 and (ctx.other(states[0]) or ctx.subject not in (None, states[0])):
        # "trade with Russia reached …": the document's other state, or the text's subject
        pair, conf = [ctx.other(states[0]) or ctx.subject, states[0]], 0.75
        flags.append("pair-from-document")
    elif len(ctx.pair) == 2:
        pair, conf = list(ctx.pair), 0.75
        flags.append("pair-from-document")
    else:
        return []
    reporter, partner = (pair if "VNM" not in pair or pair[0] == "VNM" else pair[::-1])
    left = ctx.text[max(prev, mo.start - 50) : mo.start].lower()
    flow = ("export" if re.search(r"export|xuất khẩu", left)
            and not re.search(r"import|nhập khẩu", left) else
            "import" if re.search(r"import|nhập khẩu", left)
            and not re.search(r"export|xuất khẩu", left) else "total")
    # "80 và 85 triệu USD vào các năm 2021 và 2022": one value per year
    years = [d for d in ctx.dates_in(mo.end, right) if d.precision == "year" and d.value]
    if len(mo.values) == 2 and re.search(r"\s(?:và|and)\s", ctx.text[mo.start : mo.end]) \
            and len(years) == 2:
        out = []
        for v, d in zip(mo.values, years, strict=True):
            out.append(_trade_cand(ctx, reporter, partner, flow, [v], False, mo, d, conf, flags))
        return out
    d = _period(ctx, max(prev, s.start), right, mo.end)
    if d is None and prev > s.start and re.search(r"(?<!\w)trong đó|\bof\s+which\b|\bincluding\b"
                                                  # "… for 24.7 billion dollars and its imports
                                                  # … for 16.3 billion": the figure before's
                                                  r"|^\s*(?:,\s*)?(?:and|và|while|còn)\s"
                                                  # "…, trong khi xuất khẩu sang Việt Nam chỉ
                                                  # đạt 13,1 tỷ USD": the contrast's
                                                  r"|,\s*(?:trong\s+khi|while|whereas)\s",
                                                  ctx.text[prev : mo.start], re.I):
        d = _period(ctx, s.start, prev, prev)  # "… 16,7 tỷ USD, trong đó Việt Nam xuất khẩu …"
    if d is None:
        d = _previous_period(ctx, s)
        if d is not None:
            flags = [*flags, "period-from-context"]
            conf -= 0.05
    return [_trade_cand(ctx, reporter, partner, flow, mo.values, len(mo.values) == 2, mo, d,
                        conf, flags)]


def _previous_period(ctx: Context, s):  # noqa: ANN001, ANN202
    """The period of the figure the sentence before states, in the same paragraph ("… was $690.6
    billion in 2022. Exports were $153.8 billion and imports $536.8 billion")."""
    before = [p for p in ctx.sents if p.end <= s.start]
    if not before or before[-1].paragraph != s.paragraph:
        return None
    p = before[-1]
    figures = money(ctx.text, ctx.lang, p.start, p.end)
    if not figures:
        return None
    return _period(ctx, p.start, p.end, figures[0].end)


def _trade_cand(ctx, reporter, partner, flow, values, is_range, mo, d, conf, flags) -> Candidate:
    data: dict = {"reporter": ctx.label(reporter), "partner": ctx.label(partner), "flow": flow}
    fl = list(flags)
    if d is not None and d.value is not None:
        data["period"] = d.value
        if d.partial:
            data["partial_period"] = True
        fl += [f for f in d.flags if f != "unresolved"]
    else:
        fl.append("no-period")
        conf -= 0.3
    if is_range:
        data["value_min"], data["value_max"] = _num_value(values[0]), _num_value(values[1])
    else:
        data["value"] = _num_value(values[0])
    data["currency"] = mo.currency
    data["multiplier"] = mo.multiplier
    return Candidate("trade", data, *span_of(mo, d, _keyword(ctx, TRADE, mo)), round(conf, 2),
                     "trade", fl)


#: round 22: "China's investment in the country", "Japan's investments in it"
_POSSESSIVE_INVESTOR = re.compile(r"['’]s\s+(?:direct\s+|total\s+|foreign\s+)?investments?\s+in\s+"
                                  r"(?:the\s+country|it)\b")


def _investment(ctx: Context, s, mo: Money, prev: int, right: int) -> list[Candidate]:
    text = ctx.text
    flags: list[str] = []
    # recipient: the state after "in/into/tại/vào"; investor: the other state of the sentence
    recipient = None
    for m in re.finditer(r"\b(?:in|into)\s+|(?:tại|vào)\s+", text[s.start : s.end]):
        pos = s.start + m.end()
        ms = [x for x in ctx.mentions_in(pos, s.end) if x.start == pos and x.key
              and (x.is_state or x.key == "EU")]
        if ms:
            recipient = ms[0].key
            break
    states = [k for k in _states(ctx, s.start, s.end) if k != recipient]
    investor = states[0] if states else None
    conf = 0.8
    own = _POSSESSIVE_INVESTOR.search(text, s.start, s.end)
    if recipient is None and own is not None and ctx.subject is not None:
        # round 22: "put China's investment in the country at …": the possessive is the
        # investor, "the country" the text's state
        who = [x for x in ctx.mentions_in(s.start, own.start()) if x.key and x.is_state
               and x.end == own.start()]
        if who and who[0].key != ctx.subject:
            investor, recipient = who[0].key, ctx.subject
    if investor is None and recipient and ctx.other(recipient):
        investor, conf = ctx.other(recipient), 0.65
        flags.append("party-from-document")
    if recipient is None and investor and ctx.other(investor):
        recipient, conf = ctx.other(investor), 0.65
        flags.append("party-from-document")
    if investor is None or recipient is None:
        return []
    window = text[s.start : s.end]
    # (round 20: "New" opening a name, "New Zealand có 55 dự án", says nothing of a flow)
    cumulative = not re.search(r"\b[Nn]ew\b(?!\s+[A-Z])|\bNEW\b|\bmới\b", window)
    d = _period(ctx, max(prev, s.start), right, mo.end)
    if d is not None and isinstance(d.value, dict) and d.precision == "year":
        cumulative = False  # "trong giai đoạn 1994-2006 … đầu tư khoảng 22 triệu USD": the flow
        # of an interval
    data: dict = {"investor": ctx.label(investor), "recipient": ctx.label(recipient)}
    if d is not None and d.value is not None:
        data["period"] = d.value
        flags += [f for f in d.flags if f != "unresolved"]
    elif cumulative and re.search(r"\bhiện\b|\bnow\b|\bcurrently\b", window, re.I) \
            and ctx.dateline is not None:
        data["period"] = ctx.dateline.value[:7]
        flags.append("date-from-context")
    data["cumulative"] = cumulative
    if len(mo.values) == 2:
        data["value_min"], data["value_max"] = (_num_value(mo.values[0]),
                                                _num_value(mo.values[1]))
    else:
        data["value"] = _num_value(mo.values[0])
    data["currency"] = mo.currency
    data["multiplier"] = mo.multiplier
    return [Candidate("investment", data, *span_of(mo, d, _keyword(ctx, INVEST, mo),
                                                   _first_state(ctx, s.start, mo.start)),
                      conf, "investment", flags)]


def _first_state(ctx: Context, a: int, b: int):
    ms = [m for m in ctx.mentions_in(a, b) if m.is_state or m.how == "demonym"]
    return ms[0] if ms else None
