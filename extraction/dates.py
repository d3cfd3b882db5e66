"""Dates in English and Vietnamese text, with the precision the text gives.

Every mention is found with its span; a mention without a year ("on 9 December", "chiều 7/3",
"in August"), a weekday ("on Monday") or a relative phrase ("five years later", "hai năm sau",
"the following day") is resolved against its anchor (the nearest explicit date before it, or
the document's dateline) and flagged; without an anchor it stays unresolved (value None).

>>> found = find_dates("ngày 17/11/1954, tháng 11/2019, 23 tháng 9 năm 2024")
>>> [(d.value, d.precision) for d in found]
[('1954-11-17', 'day'), ('2019-11', 'month'), ('2024-09-23', 'day')]
>>> [(d.value, d.precision) for d in find_dates("in the 1990s and since 1992")]
[('1990s', 'decade'), ('1992', 'year')]
>>> d = find_dates("the first eight months of 2023")[0]; d.value, d.partial
({'from': '2023-01', 'to': '2023-08'}, True)
>>> [(d.value, d.flags) for d in find_dates("BEIJING, March 11, 2023 - They agreed on Friday.")]
[('2023-03-11', ()), ('2023-03-10', ('relative',))]
>>> [d.value for d in find_dates("partners in 2009 and upgraded five years later")]
['2009', '2014']
>>> find_dates("They met on Monday.")[0].flags
('relative', 'unresolved')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS = {
    m.lower(): i
    for i, m in enumerate(calendar.month_name)
    if m
} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?!\w))"
)  # (a news agency's "Aug 22, 2024" has no dot)
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10,
}  # fmt: skip
NUM = r"(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
#: Vietnamese counts, compounds first: "bốn mươi hai" (42), "mười lăm" (15), "hai mươi" (20)
NUM_VI = (r"((?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi(?:\s+(?:mốt|hai|ba|bốn|tư|lăm|năm|sáu"
          r"|bảy|tám|chín))?|mười(?:\s+(?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?|\d{1,2}|một|hai"
          r"|ba|bốn|năm|sáu|bảy|tám|chín)")
_UNITS_VI = {"mốt": 1, "tư": 4, "lăm": 5}
YEAR = r"(1[89]\d\d|20\d\d)"
#: the round counts of anniversaries
TENS_WORDS = {"ten": 10, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50,
              "sixty": 60, "seventy": 70, "seventy-five": 75, "eighty": 80, "ninety": 90,
              "a hundred": 100, "one hundred": 100}
TENS = r"(\d{1,3}|" + "|".join(sorted(TENS_WORDS, key=len, reverse=True)) + ")"
#: round 30: a count of years in words up to the round tens ("Thirty years later")
NUM_YEARS = NUM[:-1] + "|" + "|".join(sorted((w for w in TENS_WORDS if " " not in w), key=len,
                                             reverse=True)) + ")"


@dataclass
class DateMention:
    """A date in the text. ``value`` is a facts-format date (``"1954-11-17"``, ``"2019-11"``,
    ``"1991"``, ``"1990s"``) or an interval ``{"from": …, "to": …}``; None when unresolved."""

    start: int
    end: int
    value: str | dict[str, str] | None
    precision: str
    kind: str = "point"  # point | range | period | since | until | asof
    flags: tuple[str, ...] = ()
    partial: bool = False  # a period that is part of a year ("the first 8 months of 2023")
    # for relative and year-less mentions: how to finish them once the anchor is known
    pending: tuple = field(default=(), repr=False)
    # "…, nine days before it re-established …": the date of the clause that follows it
    governs: bool = False

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def explicit(self) -> bool:
        return "relative" not in self.flags and "year-from-context" not in self.flags

    @property
    def year(self) -> int | None:
        v = self.value["to"] if isinstance(self.value, dict) else self.value
        return int(v[:4]) if v else None

    @property
    def first(self) -> str | None:
        """The start of a range or interval, else the value."""
        return self.value["from"] if isinstance(self.value, dict) else self.value


def _num(s: str) -> int:
    """A count in digits or words.

    >>> [_num(x) for x in ("12", "five", "bốn mươi hai", "mười lăm", "hai mươi", "mười", "thirty")]
    [12, 5, 42, 15, 20, 10, 30]
    """
    s = re.sub(r"\s+", " ", s.lower())
    if s.isdigit():
        return int(s)
    if s in TENS_WORDS:
        return TENS_WORDS[s]
    if " " in s or s == "mười":
        words = s.split(" ")
        if words[0] == "mười":
            return 10 + (_UNITS_VI.get(words[1], NUMBERS.get(words[1], 0)) if len(words) > 1 else 0)
        tens = NUMBERS[words[0]] * 10
        return tens + (_UNITS_VI.get(words[2], NUMBERS.get(words[2], 0)) if len(words) > 2 else 0)
    return NUMBERS[s]


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(y: int, m: int) -> str | None:
    return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None


# (regex, handler name) in priority order: a later pattern never overlaps an earlier match
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # round 20: a financial year written with its two calendar years ("in 2024-25", "FY
    # 2023-24"): the first year until the text's state is known (`resolve_financial_years`)
    (re.compile(rf"(?<![\d/.–-]){YEAR}\s*[-–/]\s*(\d{{2}})(?![\d/%–-]|\.\d)"), "financial_short"),
    # a range across two months: "from 29 March to 1 April 2023", "March 29 - April 1, 2023"
    (re.compile(rf"(?:from\s+)?(?<!\d)(\d{{1,2}})\s+{MONTH}\s*(?:to|until|-|–)\s*(\d{{1,2}})\s+{MONTH},?\s+{YEAR}", re.I), "en_range_months"),  # noqa: E501
    (re.compile(rf"(?:from\s+)?{MONTH}\s+(\d{{1,2}})\s*(?:to|until|-|–)\s*{MONTH}\s+(\d{{1,2}}),?\s+{YEAR}", re.I), "en_range_months_md"),  # noqa: E501
    (re.compile(rf"(?:from\s+)?(?<!\d)(\d{{1,2}})\s*(?:to|and|-|–)\s*(\d{{1,2}})\s+{MONTH},?\s*{YEAR}(?!\d)", re.I), "en_range"),  # noqa: E501
    # a range inside one month, US order or without its year: "June 18-19, 2023", "from July 6
    # to 9", "from 6 to 9 July" (the year from the context, like "từ ngày 9 đến 14/6")
    (re.compile(rf"(?:from\s+)?{MONTH}\s+(\d{{1,2}})\s*(?:to|until|-|–)\s*(\d{{1,2}})(?:,?\s+{YEAR})?(?![\d:])", re.I), "en_range_md"),  # noqa: E501
    (re.compile(rf"from\s+(?<!\d)(\d{{1,2}})\s*(?:to|until|-|–)\s*(\d{{1,2}})\s+{MONTH}(?!\s*\d)", re.I), "en_range_dm"),  # noqa: E501
    (re.compile(rf"\bon\s+(\d{{1,2}})\s+and\s+(\d{{1,2}})\s+{MONTH}(?!\s*\d)", re.I), "en_range_dm"),  # noqa: E501
    (re.compile(r"(?:từ\s+)?(?:ngày\s+)?(?<!\d)(\d{1,2})(?:/(\d{1,2}))?\s*(?:đến|và|-|–)\s*(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])", re.I), "vi_range"),  # noqa: E501
    # round 52: a dotted range of days in one month, as European and South Asian pages write
    # them ("06-07.09.2014", "13-18.04.2013", "3-6.11.2015"): never inside a longer run
    (re.compile(r"(?<![\d.])(\d{1,2})\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.((?:1[89]|20)\d\d)(?!\d|\.\d)"),
     "dotted_range"),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s*{MONTH},?\s*{YEAR}(?!\d)", re.I), "en_dmy"),
    (re.compile(rf"{MONTH}\s+(\d{{1,2}}),?\s+{YEAR}(?!\d)", re.I), "en_mdy"),
    (re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])"), "vi_dmy"),
    # round 48: a dotted day, month and year, as European pages write them ("member from
    # 14.5.1993"): never inside a longer run of dotted numbers
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:1[89]|20)\d\d)(?!\d|\.\d)"), "vi_dmy"),
    (re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I), "vi_dmy_words"),
    # an interval of years: "trong giai đoạn 1994-2006", "between 2010 and 2015"
    (re.compile(rf"(?<!\w)(?:giai\s+đoạn|thời\s+kỳ|between|from)\s+{YEAR}\s*(?:-|–|to|and|đến)\s*{YEAR}(?!\d)", re.I), "year_range"),  # noqa: E501
    (re.compile(rf"(?:the\s+)?first\s+{NUM}\s+months\s+of\s+{YEAR}", re.I), "en_first_months"),
    # "in the financial year that ended in March (2024)": the twelve months to that month
    (re.compile(rf"(?:financial|fiscal)\s+year\s+(?:that\s+|which\s+)?(?:ended|ending|to)\s+(?:in\s+)?{MONTH}(?:\s+{YEAR})?(?!\s*\d)", re.I), "fiscal_year"),  # noqa: E501
    (re.compile(rf"(?<!\d){NUM_VI}\s+tháng\s+(?:từ\s+)?đầu\s+năm\s+{YEAR}", re.I), "vi_first_months"),  # noqa: E501
    # a year counted from the dateline: "in February of last year", "tháng 10 năm ngoái",
    # "this year", "năm nay"
    (re.compile(rf"(?:(?<!\d)(\d{{1,2}})\s+)?{MONTH}\s+(?:of\s+)?(last|this|next)\s+year\b", re.I), "en_m_rel_year"),  # noqa: E501
    (re.compile(r"tháng\s+(\d{1,2})\s+(năm\s+ngoái|năm\s+nay|năm\s+tới)(?!\w)", re.I), "vi_m_rel_year"),  # noqa: E501
    # a month of the year just named: "vào tháng 8 cùng năm", "in August of the same year"
    (re.compile(rf"tháng\s+(\d{{1,2}})\s+(?:cùng\s+năm|năm\s+(?:đó|ấy))(?!\w)|\bin\s+{MONTH}\s+(?:of\s+)?(?:the\s+same|that)\s+year\b", re.I), "m_same_year"),  # noqa: E501
    # round 52: "that July", "the same October": the month of the year just named (the month's
    # name capitalised, so "that may" stays a verb; never before a day or a year)
    (re.compile(r"\b(?:that|the\s+same)\s+((?-i:January|February|March|April|May|June|July"
                r"|August|September|October|November|December))\b(?![\s,]*\d)", re.I),
     "m_same_year"),
    (re.compile(r"\b(last|this|next)\s+year\b|(?<!\w)(năm\s+ngoái|năm\s+nay|năm\s+tới)(?!\w)", re.I), "rel_year"),  # noqa: E501
    (re.compile(rf"{MONTH}\s+{YEAR}(?!\d)", re.I), "en_my"),
    (re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.I), "vi_my"),
    # a bare month and year, as ministry pages list them ("Đối tác chiến lược: 6/2013",
    # "(9/2020)"): a month of 1 to 12, never inside a longer number or a fraction
    (re.compile(r"(?<![\d/.,])(0?[1-9]|1[0-2])/((?:19|20)\d\d)(?![\d/])"), "vi_my"),
    (re.compile(r"(?:the\s+)?(1[89]\d0|20\d0)s\b|(?:thập\s+niên|những\s+năm)\s+(1[89]\d0|20\d0)", re.I), "decade"),  # noqa: E501
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s+{MONTH}(?!\s*\d)", re.I), "en_dm"),
    (re.compile(rf"{MONTH}\s+(\d{{1,2}})(?!\d)(?!,\s*\d)", re.I), "en_md"),
    (re.compile(r"(?:ngày|chiều|sáng|tối|trưa|đêm|hôm)\s+(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])", re.I), "vi_dm"),  # noqa: E501
    # round 46: a bracket holding a day and month alone, after an item of a list whose year the
    # sentence gives once ("Năm 1992, nước này gia nhập A (30/1), B (2/3)", "với Liberia (14/7)
    # và Afghanistan (29/7)"), or restating the day of a weekday ("thứ Hai (5/11)")
    (re.compile(r"(?<=\()(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?=\s*\))", re.I), "vi_dm"),
    (re.compile(rf"\bin\s+{MONTH}(?!\s*\d)", re.I), "en_m"),
    # round 19: a Vietnamese month without its year: "Hồi tháng 3, …", "vào tháng 11"
    (re.compile(r"(?<!\w)(?:hồi|vào|trong)\s+(tháng\s+(0?[1-9]|1[0-2]))(?![\d/\w])"
                r"(?!\s*(?:năm|cùng|sau|tới|trước|này|đó|ấy|qua))", re.I), "vi_m"),
    (re.compile(rf"(?<![\d/\-.,]){YEAR}(?![\d/]|\s*(?:billion|million|tỷ|triệu))"), "year"),
    # "which runs from today until Saturday": the dateline's day to the next such weekday
    (re.compile(r"\bfrom\s+today\s+(?:until|till|to|through)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I), "today_until"),  # noqa: E501
    # round 30: "a state visit … that runs from Saturday to Tuesday": two weekdays around the
    # dateline's day
    (re.compile(r"\bfrom\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:to|until|till|through)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I), "weekday_range"),  # noqa: E501
    (re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I), "weekday"),  # noqa: E501
    # counted back from the dateline: "exactly 30 years ago", "cách đây đúng 30 năm"
    (re.compile(r"\b(exactly\s+)?(\d{1,2})\s+years\s+ago\b|(?<!\w)cách\s+đây\s+(đúng\s+)?(\d{1,2})\s+năm(?!\s*(?:sau|trước|nữa))(?!\w)", re.I), "years_ago"),  # noqa: E501
    (re.compile(rf"\b{NUM_YEARS}\s+years?\s+later\b|\bthe\s+following\s+year\b", re.I), "years_later"),  # noqa: E501
    # "two decades later", "a decade later", "hai thập kỷ sau"
    (re.compile(rf"\b{NUM}\s+decades?\s+later\b|(?<!\w){NUM_VI}\s+thập\s+(?:kỷ|niên)\s+sau(?!\s+khi)(?!\w)", re.I), "decades_later"),  # noqa: E501
    (re.compile(r"\bthe\s+(?:previous|preceding)\s+year\b|\bthe\s+year\s+before\b(?!\s+last)", re.I), "year_before"),  # noqa: E501
    # counted back from the date just given: "had agreed a comprehensive partnership nine
    # years before that", "two years earlier"
    (re.compile(rf"\b{NUM_YEARS}\s+years?\s+(?:before\s+that|earlier)\b", re.I), "years_earlier"),  # noqa: E501
    # an anniversary counted back from the dateline: "to mark fifty years since Australia
    # became …" (the clause after "since" happened that many years before the article)
    (re.compile(rf"\b(?:mark(?:s|ed|ing)?|celebrat(?:e|es|ed|ing))\s+{TENS}\s+years\s+since\b", re.I), "years_since_mark"),  # noqa: E501
    (re.compile(r"\b(?:later|earlier)\s+(?:that|the\s+same)\s+year\b|\b(?:cuối|đầu|cùng)\s+năm\s+(?:đó|ấy)\b|(?<!\w)(?:cũng\s+)?trong\s+năm\s+(?:đó|ấy)(?!\w)|\bin\s+that\s+same\s+year\b|\b(?:in\s+)?the\s+same\s+year\b|\bthat\s+same\s+year\b|(?<!\w)cùng\s+năm(?=\s*[,;.)]|\s*$)", re.I), "same_year"),  # noqa: E501
    (re.compile(rf"(?<!\w){NUM_VI}\s+năm\s+sau\b(?!\s+khi)(?!\s+(?-i:[A-ZĐ]))|(?<!\w)năm\s+sau\b(?!\s+khi)(?!\s+(?-i:[A-ZĐ]))", re.I), "years_later_vi"),  # noqa: E501
    (re.compile(r"\b(?:later|earlier)\s+(?:that|the\s+same)\s+month\b|\bthat\s+same\s+month\b|(?<!\w)(?:cuối|đầu|giữa|cùng)\s+tháng\s+(?:đó|ấy)(?!\w)", re.I), "same_month"),  # noqa: E501
    (re.compile(rf"\b{NUM}\s+months?\s+later\b|(?<!\w){NUM_VI}\s+tháng\s+sau(?!\w)(?!\s+khi)(?!\s+(?-i:[A-ZĐ]))", re.I), "months_later"),  # noqa: E501
    # round 28: a month counted back from the dateline: "Last month Riyadh and Tehran agreed",
    # "two months ago", "Ba tháng trước, …", "tháng trước" (never "… tháng trước khi / đó")
    (re.compile(rf"\blast\s+month\b|\b{NUM}\s+months?\s+ago\b|(?<!\w)(?:{NUM_VI}\s+)?tháng\s+trước(?!\w)(?!\s+(?:khi|đó|ấy))", re.I), "months_ago"),  # noqa: E501
    (re.compile(r"\bthe\s+(?:following|next)\s+month\b|(?<!\w)(?:sang\s+)?tháng\s+(?:sau\s+đó|tiếp\s+theo|kế\s+tiếp)(?!\w)", re.I), "next_month"),  # noqa: E501
    (re.compile(r"\bthe\s+(?:following|next)\s+week\b|(?<!\w)tuần\s+(?:sau\s+đó|tiếp\s+theo|kế\s+tiếp)(?!\w)", re.I), "next_week"),  # noqa: E501
    (re.compile(r"\bthe\s+following\s+day\b|\bthe\s+next\s+day\b|\b(?:ngày\s+)?hôm\s+sau\b", re.I), "next_day"),  # noqa: E501
    (re.compile(rf"\b{NUM}\s+(days?|weeks?)\s+later\b|(?<!\w){NUM_VI}\s+(ngày|tuần)\s+sau(?!\s+khi)(?!\w)(?!\s+(?-i:[A-ZĐ]))", re.I), "days_later"),  # noqa: E501
    (re.compile(r"(?<!\w)(?:sáng|chiều|trưa|tối|hôm)\s+nay(?!\w)|\b(?:earlier\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b", re.I), "today"),  # noqa: E501
    # the dateline's day before: "yesterday", "hôm qua", "tối qua", "sáng hôm qua"
    (re.compile(r"\byesterday\b|(?<!\w)(?:(?:sáng|chiều|trưa|tối|đêm)\s+)?hôm\s+qua(?!\w)"
                r"|(?<!\w)(?:sáng|chiều|trưa|tối|đêm)\s+qua(?!\w)", re.I), "yesterday"),
    (re.compile(r"\b(?:on\s+)?the\s+first\s+day\b|(?<!\w)(?:trong\s+)?ngày\s+đầu\s+tiên(?!\w)", re.I), "first_day"),  # noqa: E501
    # the day of arrival of a visit just dated by its range: "ngay tối hôm đến", "on arrival"
    (re.compile(r"(?<!\w)(?:ngay\s+)?(?:(?:sáng|chiều|trưa|tối|đêm)\s+)?hôm\s+đến(?!\w)"
                r"|\b(?:on|upon)\s+(?:(?:his|her|their)\s+)?arrival\b", re.I), "first_day"),
    # "… on the first day and was received by … on the second", "ngày thứ hai"
    (re.compile(r"\bon\s+the\s+(second|third)(?:\s+day)?\b(?!\s+(?:of|time|visit|round|term))|(?<!\w)(?:trong\s+)?ngày\s+thứ\s+(hai|ba)(?!\w)", re.I), "nth_day"),  # noqa: E501
    # the meeting just dated: "Cũng tại hội nghị này", "at the same summit"
    (re.compile(r"(?<!\w)(?:cũng\s+)?tại\s+(?:hội nghị|cuộc họp|phiên họp|hội nghị thượng đỉnh)\s+(?:này|đó|ấy)(?!\w)|\bat\s+the\s+same\s+(?:summit|meeting|conference|session)\b|\bat\s+that\s+(?:summit|meeting|conference|session)\b", re.I), "same_day"),  # noqa: E501
    (re.compile(r"\b(?:on\s+)?that\s+(?:same\s+)?day\b|(?<!\w)(?:trong\s+)?ngày\s+hôm\s+đó(?!\w)|\b(?:on\s+)?the\s+same\s+day\b|(?<!\w)(?:trong\s+)?cùng\s+ngày(?!\s*\d)(?!\w)|(?<!\w)(?:cũng\s+)?trong\s+ngày\s+(?:này|đó|ấy)(?!\w)", re.I), "same_day"),  # noqa: E501
    (re.compile(r"\b(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+day\b|(?<!\w)(?:sáng|chiều|tối)\s+cùng\s+ngày(?!\w)|(?<!\w)(?:cũng\s+)?[Tt]rong\s+ngày(?=\s*,)", re.I), "same_day_main"),  # noqa: E501
    # "on 15 January 2024, nine days before it re-established …": the clause that follows
    # happened N units after (before) the date just given ("a month after the bloc suspended …")
    # "The vote came three days after Swedish Prime Minister … travelled to Budapest": the
    # clause that follows is counted back from the day just dated
    (re.compile(rf"\bcame\s+(?:just\s+|only\s+)?{NUM}\s+(days?|weeks?)\s+(before|after)\b", re.I), "came_offset"),  # noqa: E501
    (re.compile(rf"\b{NUM}\s+(days?|weeks?|months?|years?)\s+(before|after)\b(?!\s+(?:that|this|the\s+(?:signing|visit)))(?!\s+(?-i:[A-Z]))"
                rf"|(?<!\w){NUM_VI}\s+(ngày|tuần|tháng|năm)\s+(trước|sau)\s+khi(?!\w)", re.I), "clause_offset"),  # noqa: E501
]

_GOVERNED_GAP = re.compile(
    r"\)?\s*[,;(–—-]\s*(?:just\s+|only\s+|some\s+|about\s+|hơn\s+|khoảng\s+|chỉ\s+)?", re.I)
_SINCE = re.compile(r"(?:since|từ\s+năm|từ\s+tháng|từ)\s*$", re.I)
_UNTIL = re.compile(r"(?:until|till|cho\s+đến|đến)\s*$", re.I)
_ASOF = re.compile(r"(?:by\s+the\s+end\s+of|as\s+of|by|tính\s+đến|đến\s+cuối|đến\s+hết)\s*$", re.I)


def _handle(kind: str, m: re.Match[str]) -> DateMention | None:
    g = m.groups()
    s, e = m.start(), m.end()
    if kind == "en_range":
        mo, y = MONTHS[g[2].lower().rstrip(".")], int(g[3])
        a, b = _day(y, mo, int(g[0])), _day(y, mo, int(g[1]))
        return DateMention(s, e, {"from": a, "to": b}, "day", "range") if a and b else None
    if kind in ("en_range_months", "en_range_months_md"):
        if kind == "en_range_months":
            d1, m1, d2, m2, y = int(g[0]), g[1], int(g[2]), g[3], int(g[4])
        else:
            m1, d1, m2, d2, y = g[0], int(g[1]), g[2], int(g[3]), int(g[4])
        mo1, mo2 = MONTHS[m1.lower().rstrip(".")], MONTHS[m2.lower().rstrip(".")]
        if mo2 < mo1:  # "from 30 December to 2 January 2024": the first day is the year before
            return None
        a, b = _day(y, mo1, d1), _day(y, mo2, d2)
        return DateMention(s, e, {"from": a, "to": b}, "day", "range") if a and b else None
    if kind in ("en_m_rel_year", "vi_m_rel_year", "rel_year"):
        if kind == "rel_year":
            word, month = (g[0] or g[1]), None
        elif kind == "en_m_rel_year":
            # "on 8 July this year": the day too
            word, month = g[2], MONTHS[g[1].lower().rstrip(".")]
            if g[0] is not None:
                delta = {"last": -1, "next": 1}.get(word.lower(), 0)
                return DateMention(s, e, None, "day", flags=("relative",),
                                   pending=("dateline-year", delta, month, int(g[0])))
        else:
            word, month = g[1], int(g[0])
            if not 1 <= month <= 12:
                return None
        word = " ".join(word.lower().split())
        delta = {"last": -1, "năm ngoái": -1, "next": 1, "năm tới": 1}.get(word, 0)
        return DateMention(s, e, None, "month" if month else "year", flags=("relative",),
                           pending=("dateline-year", delta, month))
    if kind in ("en_range_md", "en_range_dm"):
        if kind == "en_range_md":
            mo, d1, d2, y = MONTHS[g[0].lower().rstrip(".")], int(g[1]), int(g[2]), g[3]
        else:
            d1, d2, mo, y = int(g[0]), int(g[1]), MONTHS[g[2].lower().rstrip(".")], None
        if d2 <= d1:
            return None
        if y is None:
            return DateMention(s, e, None, "day", "range", ("year-from-context",),
                               pending=("range", d1, mo, d2, mo))
        a, b = _day(int(y), mo, d1), _day(int(y), mo, d2)
        return DateMention(s, e, {"from": a, "to": b}, "day", "range") if a and b else None
    if kind == "next_month":
        return DateMention(s, e, None, "month", flags=("relative",), pending=("months", 1))
    if kind == "next_week":
        return DateMention(s, e, None, "day", flags=("relative",), pending=("days", 7))
    if kind == "vi_range":
        d1, m1, d2, m2, y = g
        m1 = m1 or m2
        if y is None:
            return DateMention(s, e, None, "day", "range", ("year-from-context",),
                               pending=("range", int(d1), int(m1), int(d2), int(m2)))
        a, b = _day(int(y), int(m1), int(d1)), _day(int(y), int(m2), int(d2))
        return DateMention(s, e, {"from": a, "to": b}, "day", "range") if a and b else None
    if kind == "dotted_range":
        d1, d2, mo, y = (int(x) for x in g)
        a, b = _day(y, mo, d1), _day(y, mo, d2)
        return DateMention(s, e, {"from": a, "to": b}, "day", "range") if a and b and d1 < d2 \
            else None
    if kind in ("en_dmy", "en_mdy", "vi_dmy", "vi_dmy_words"):
        if kind == "en_dmy":
            d, mo, y = int(g[0]), MONTHS[g[1].lower().rstrip(".")], int(g[2])
        elif kind == "en_mdy":
            mo, d, y = MONTHS[g[0].lower().rstrip(".")], int(g[1]), int(g[2])
        else:
            d, mo, y = int(g[0]), int(g[1]), int(g[2])
        v = _day(y, mo, d)
        return DateMention(s, e, v, "day") if v else None
    if kind in ("en_first_months", "vi_first_months"):
        n, y = _num(g[0]), int(g[1])
        if not 1 <= n <= 12:
            return None
        return DateMention(s, e, {"from": f"{y}-01", "to": f"{y}-{n:02d}"}, "month", "period",
                           partial=n < 12)
    if kind == "fiscal_year":
        mo = MONTHS[g[0].lower().rstrip(".")]
        if g[1] is None:
            return DateMention(s, e, None, "month", "period", flags=("year-from-context",),
                               pending=("fiscal", mo))
        return DateMention(s, e, _fiscal(int(g[1]), mo), "month", "period")
    if kind == "financial_short":
        if int(g[1]) != (int(g[0]) + 1) % 100:
            return None
        return DateMention(s, e, g[0], "year", pending=("financial", int(g[0])))
    if kind == "year_range":
        if int(g[1]) <= int(g[0]):
            return None
        return DateMention(s, e, {"from": g[0], "to": g[1]}, "year", "period")
    if kind == "en_my":
        v = _month(int(g[1]), MONTHS[g[0].lower().rstrip(".")])
        return DateMention(s, e, v, "month") if v else None
    if kind == "vi_my":
        v = _month(int(g[1]), int(g[0]))
        return DateMention(s, e, v, "month") if v else None
    if kind == "decade":
        return DateMention(s, e, f"{g[0] or g[1]}s", "decade")
    if kind == "en_dm":
        return DateMention(s, e, None, "day", flags=("year-from-context",),
                           pending=("day", int(g[0]), MONTHS[g[1].lower().rstrip(".")]))
    if kind == "en_md":
        return DateMention(s, e, None, "day", flags=("year-from-context",),
                           pending=("day", int(g[1]), MONTHS[g[0].lower().rstrip(".")]))
    if kind == "vi_dm":
        if not 1 <= int(g[1]) <= 12:
            return None
        return DateMention(s, e, None, "day", flags=("year-from-context",),
                           pending=("day", int(g[0]), int(g[1])))
    if kind == "m_same_year":
        m = MONTHS[g[0].lower()] if len(g) == 1 else int(g[0]) if g[0] \
            else MONTHS[g[1].lower().rstrip(".")]
        return DateMention(s, e, None, "month", flags=("relative",), pending=("month", m))
    if kind == "en_m":
        return DateMention(s + 3, e, None, "month", flags=("year-from-context",),
                           pending=("month", MONTHS[g[0].lower().rstrip(".")]))
    if kind == "vi_m":
        return DateMention(m.start(1), e, None, "month", flags=("year-from-context",),
                           pending=("month", int(g[1])))
    if kind == "year":
        return DateMention(s, e, g[0], "year")
    if kind == "weekday":
        return DateMention(s, e, None, "day", flags=("relative",),
                           pending=("weekday", WEEKDAYS[g[0].lower()]))
    if kind == "weekday_range":
        return DateMention(s, e, None, "day", "range", flags=("relative",),
                           pending=("weekday-range", WEEKDAYS[g[0].lower()],
                                    WEEKDAYS[g[1].lower()]))
    if kind == "today_until":
        return DateMention(s, e, None, "day", "range", flags=("relative",),
                           pending=("today-until", WEEKDAYS[g[0].lower()]))
    if kind in ("years_later", "years_later_vi"):
        n = _num(g[0]) if g and g[0] else 1
        return DateMention(s, e, None, "year", flags=("relative",), pending=("years", n))
    if kind == "years_ago":
        exact, n = (g[0], g[1]) if g[1] else (g[2], g[3])
        return DateMention(s, e, None, "day" if exact else "year", flags=("relative",),
                           pending=("years-ago", int(n), bool(exact)))
    if kind == "decades_later":
        n = _num(g[0] or g[1])
        return DateMention(s, e, None, "year", flags=("relative",), pending=("years", 10 * n))
    if kind == "years_earlier":
        return DateMention(s, e, None, "year", flags=("relative",), pending=("years", -_num(g[0])))
    if kind == "years_since_mark":
        word = g[0].lower()
        n = int(word) if word.isdigit() else TENS_WORDS[word]
        return DateMention(s, e, None, "year", flags=("relative",), pending=("years-ago", n, False))
    if kind == "year_before":
        return DateMention(s, e, None, "year", flags=("relative",), pending=("years", -1))
    if kind == "same_year":
        return DateMention(s, e, None, "year", flags=("relative",), pending=("years", 0))
    if kind == "same_month":
        return DateMention(s, e, None, "month", flags=("relative",), pending=("months", 0))
    if kind == "months_ago":
        n = g[0] or g[1]
        return DateMention(s, e, None, "month", flags=("relative",),
                           pending=("months-ago", _num(n) if n else 1))
    if kind == "months_later":
        return DateMention(s, e, None, "month", flags=("relative",),
                           pending=("months", _num(g[0] or g[1])))
    if kind == "next_day":
        return DateMention(s, e, None, "day", flags=("relative",), pending=("next-day",))
    if kind == "days_later":
        n, unit = (g[0], g[1]) if g[0] else (g[2], g[3])
        days = _num(n) * (7 if unit.lower().startswith(("week", "tuần")) else 1)
        return DateMention(s, e, None, "day", flags=("relative",), pending=("days", days))
    if kind == "today":
        return DateMention(s, e, None, "day", flags=("relative",), pending=("weekday", None))
    if kind == "yesterday":
        return DateMention(s, e, None, "day", flags=("relative",), pending=("weekday", -1))
    if kind == "first_day":
        return DateMention(s, e, None, "day", flags=("relative",), pending=("first-day",))
    if kind == "nth_day":
        n = {"second": 1, "third": 2, "hai": 1, "ba": 2}[(g[0] or g[1]).lower()]
        return DateMention(s, e, None, "day", flags=("relative",), pending=("first-day", n))
    if kind == "same_day":
        return DateMention(s, e, None, "day", flags=("relative",), pending=("days", 0))
    if kind == "same_day_main":
        # "Earlier in the day": the day of the main event, never a date counted from it
        return DateMention(s, e, None, "day", flags=("relative",), pending=("days", 0, "main"))
    if kind == "came_offset":
        days = _num(g[0]) * (7 if g[1].lower().startswith("week") else 1)
        sign = 1 if g[2].lower() == "before" else -1
        return DateMention(s, e, None, "day", flags=("relative",), pending=("days", sign * days))
    if kind == "clause_offset":
        n, unit, way = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        sign = 1 if way.lower() in ("before", "trước") else -1
        unit = unit.lower()
        n = _num(n) * sign
        if unit.startswith(("day", "ngày")):
            pending: tuple = ("days", n)
        elif unit.startswith(("week", "tuần")):
            pending = ("days", 7 * n)
        elif unit.startswith(("month", "tháng")):
            pending = ("months", n)
        else:
            pending = ("years", n)
        precision = {"days": "day", "months": "month", "years": "year"}[pending[0]]
        return DateMention(s, e, None, precision, flags=("relative",), pending=pending,
                           governs=True)
    raise AssertionError(kind)  # pragma: no cover


def dateline(text: str, mentions: list[DateMention]) -> DateMention | None:
    """The document's own date: a day date opening one of its first lines ("TOKYO, November
    28, 2023 -", "(Canberra, 7/3/2024)", "Thế giới|10/09/2023")."""
    lines_end = 0
    for _ in range(4):
        nxt = text.find("\n", lines_end + 1)
        lines_end = len(text) if nxt < 0 else nxt
    for d in mentions:
        if d.start > lines_end or d.start > 600:
            break
        if d.precision != "day" or d.kind != "point":
            continue
        # round 22: a wire's "MOGADISHU, Feb 27 (2025) -": the day, then its year in brackets
        bracket = re.match(r"\s*\((\d{4})\)", text[d.end : d.end + 10])
        if not d.explicit and bracket and d.value is None and d.pending[:1] == ("day",):
            d.value = _day(int(bracket.group(1)), d.pending[2], d.pending[1])  # before _resolve
        if not d.explicit and not (bracket and isinstance(d.value, str)
                                   and d.value.startswith(bracket.group(1))):
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        after = text[d.end + (bracket.end() if bracket and not d.explicit else 0)
                     : len(text) if line_end < 0 else line_end]
        # (round 25: the agency in brackets before the dash, "NICOSIA, June 16, 2025 (Diplograph
        # News) -", "Baku, ngày 8/5/2025 (Diplograph) -")
        if len(re.findall(r"\w+", text[line_start : d.start])) <= 4 and re.match(
                r"\s*(?:\([^()\n\d]{1,40}\)\s*(?=[-–—|:]))?(?:[-–—)|:]|\d{1,2}:\d{2}|$)", after):
            return d
    return None


#: round 47: ordinals of whole decades, for an anniversary
_TENS_ORDINALS = {"tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                  "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
                  "hundredth": 100}
_TENS_ORDINAL = "|".join(_TENS_ORDINALS)
_COUNT = r"(\d{1,3}|" + "|".join(sorted(TENS_WORDS, key=len, reverse=True)) + "|" + NUM[1:]
#: round 26: time the text says has passed, from a year it names to the article's own:
#: "the first … in four decades", "a 40-year gap", "marking sixty years of diplomatic
#: relations", "after 12 years", "sau 12 năm", "kỷ niệm 50 năm", "two years of frosty relations"
_ELAPSED = re.compile(
    rf"\b(?:in|after|for|of|mark(?:s|ed|ing)?|celebrat(?:e|es|ed|ing))\s+(?:the\s+(?:last|past)\s+)?"
    rf"(?:more\s+than\s+|nearly\s+|almost\s+)?{_COUNT}\s+(years?|decades?)\b"
    rf"|\b{_COUNT}[-\s](year|decade)\s+(?:gap|absence|hiatus|wait)\b"
    rf"|(?<!\w)(?:sau|kỷ\s+niệm|suốt|trong)\s+(?:hơn\s+|gần\s+)?(\d{{1,3}}|{NUM_VI[1:-1]})"
    rf"\s+(năm|thập\s+kỷ|thập\s+niên)(?!\s*(?:sau|trước|tới|nữa|qua\s+đời))(?!\w)"
    # round 47: the English of "kỷ niệm 55 năm": "the 55th anniversary of …", "the fiftieth
    # anniversary of …" (an ordinal of whole years)
    rf"|\bthe\s+(\d{{1,3}}(?:st|nd|rd|th)|{_TENS_ORDINAL})\s+(anniversary)\b", re.I)


def _elapsed_years(m: re.Match[str]) -> int | None:
    g = m.groups()
    count, unit = next((g[i], g[i + 1]) for i in (0, 2, 4, 6) if g[i] is not None)
    word = " ".join(count.lower().split())
    if unit.lower() == "anniversary":
        k = _TENS_ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        return k if 0 < k <= 150 else None
    n = TENS_WORDS.get(word) or (int(word) if word.isdigit() else None)
    if n is None:
        try:
            n = _num(word)
        except (KeyError, IndexError):
            return None
    if unit.lower().startswith(("decade", "thập")):
        n *= 10
    return n if 0 < n <= 150 else None


#: an elapsed time still to come, before it ("will mark", "sẽ kỷ niệm", "chuẩn bị kỷ niệm") or
#: after it ("… quan hệ vào năm tới", "… next year")
_AHEAD_OF_ELAPSED = re.compile(r"(?:\b(?:will|shall|to|prepar\w*|ahead\s+of|upcoming)\s+(?:\w+\s+)?"
                               r"|(?<!\w)(?:sẽ|chuẩn\s+bị|sắp|tiến\s+tới|hướng\s+tới)\s+(?:\w+\s+)?)$",
                               re.I)
_AHEAD_AFTER_ELAPSED = re.compile(r"[^.;\n]{0,40}?(?:\bnext\s+year\b|\bin\s+the\s+coming\b"
                                  r"|(?<!\w)(?:năm\s+tới|năm\s+sau|sắp\s+tới)(?!\w))", re.I)


#: round 27: a first ("the first bilateral visit", "chuyến thăm đầu tiên") before an elapsed time
_FIRST = re.compile(r"\bfirst\b|(?<!\w)đầu\s+tiên(?!\w)", re.I)
#: … and a first counted from a year just before that year ("the first … since 1999", "đầu
#: tiên … kể từ năm 1999")
_FIRST_SINCE = re.compile(r"(?:\bfirst\b|(?<!\w)đầu\s+tiên(?!\w))[^.;\n]{0,120}?"
                          r"(?:\bsince|(?<!\w)kể\s+từ(?:\s+năm)?)\s+$", re.I)


#: round 52: the two ends of an anniversary in brackets right after it, "(4/10/1975 -
#: 4/10/2025)", "(1973–2023)"
_SPAN_AFTER = re.compile(r"[^.;()\n]{0,80}?\(\s*(?:[\d/.]*?)((?:1[89]|20)\d\d)\s*[-–]\s*"
                         r"(?:[\d/.]*?)((?:1[89]|20)\d\d)\s*\)")


def year_from_text(text: str, found: list[DateMention]) -> int | None:
    """Round 26: the year of an article whose dateline gives none ("London, 29/10 -",
    "ATHENS, Aug 25 -"), from what the text says has passed since a year it names, in the same
    sentence or the first of the two after it that names a year ("… the first visit in four
    decades. … The last was in September 1983": 2023; "sau 12 năm, kể từ năm 2013": 2025).
    Each reading needs exactly one year there and votes; a tie, or no reading, gives None.
    A vote for a year after this one is not counted (session 26): an article is not dated in
    the future, and such a vote comes from a year that is the moment of the count, not its
    start ("She last came in April 2018, when the two governments were marking fifty years of
    relations" is not an article of 2068).

    >>> text = ("PRETORIA, Sept 5 - The king arrived on Tuesday. His last visit was in April "
    ...         "2018, marking fifty years of relations.")
    >>> year_from_text(text, find_dates(text)) is None
    True
    >>> text = "PRETORIA, Sept 5 - It is the first visit in five years; the last was in 2018."
    >>> year_from_text(text, find_dates(text))
    2023
    """
    years = [d for d in found if d.explicit and d.value is not None and d.year
             and "year-from-text" not in d.flags
             and d.kind in ("point", "since") and d.precision in ("day", "month", "year")
             and not _HORIZON_BEFORE.search(text, max(0, d.start - 12), d.start)]
    votes: dict[int, int] = {}
    for m in _ELAPSED.finditer(text):
        n = _elapsed_years(m)
        if n is None or _AHEAD_OF_ELAPSED.search(text, max(0, m.start() - 30), m.start()) \
                or _AHEAD_AFTER_ELAPSED.match(text, m.end()):
            continue  # an anniversary still to come: "chuẩn bị kỷ niệm 50 năm … vào năm tới"
        sa, sb = _sentence_bounds(text, m.start())
        span = _SPAN_AFTER.match(text, m.end(), sb)
        if span is not None and int(span.group(2)) - int(span.group(1)) == n:
            # round 52: the anniversary's own two ends in brackets after it ("kỷ niệm 50 năm
            # thiết lập quan hệ ngoại giao (4/10/1975 - 4/10/2025)"): the later is this year,
            # unless the sentence names that year as a time of its own ("nhất là trong năm
            # 2024, khi hai nước kỷ niệm 30 năm … (7/6/1994 - 7/6/2024)": a year ahead)
            told = re.findall(rf"(?<!\d){span.group(2)}(?!\d)", text[sa:sb])
            if int(span.group(2)) <= dt.date.today().year and len(told) == 1:
                votes[int(span.group(2))] = votes.get(int(span.group(2)), 0) + 1
            continue
        base = [d for d in years if sa <= d.start < sb]
        # round 47: an anniversary counts from a year told of what it celebrates: a sentence
        # after it serves only when it shares a common word with the anniversary's object
        # ("the 55th anniversary of Eswatini's independence", then "… in September 1968, days
        # after the protectorate became independent"; not "the 70th anniversary of the end of
        # the Korean War", then another year)
        stems = {w[:6].lower() for w in re.findall(r"\b[a-z]{6,}\b", text[m.end() : m.end() + 60]
                                                   .split(".")[0].split(",")[0])}
        for _ in range(2):  # else the first of the next two sentences that names a year
            if base or sb >= len(text):
                break
            sa, sb = _sentence_bounds(text, min(len(text), sb + 2))
            base = [d for d in years if sa <= d.start < sb]
            if base and m.group(8) and not stems & {w[:6].lower() for w in re.findall(
                    r"\b[a-z]{6,}\b", text[sa:sb])}:
                base = []
                break
        if not base and _FIRST.search(text, sa0 := _sentence_bounds(text, m.start())[0],
                                      m.start()):
            # round 27: "the first visit in 26 years" and, elsewhere, "the first … since 1999":
            # two statements of one first, the year in the one text sentence of the second kind
            since = [d for d in years if _FIRST_SINCE.search(text, _sentence_bounds(
                text, d.start)[0], d.start) and not (sa0 <= d.start < sb)]
            base = since if len({d.year for d in since}) == 1 else []
            base = base[:1]
        if len(base) != 1:
            continue  # no year, or several: which one the time counts from is not said
        y = base[0].year
        assert y is not None
        if y + n > dt.date.today().year:
            continue  # the article would be dated in the future
        votes[y + n] = votes.get(y + n, 0) + 1
    if not votes:
        return None
    best = max(votes.values())
    winners = [y for y, v in votes.items() if v == best]
    return winners[0] if len(winners) == 1 else None


#: a Vietnamese dateline's bare day and month: "London, 29/10 (diplograph) -", "HÀ NỘI, 2/11 -"
_DM_DATELINE = re.compile(r"^[^\W\d][^\n,\d]{1,40},\s*(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])"
                          r"(?=\s*(?:\([^()\n\d]{1,40}\)\s*)?[-–—|:])", re.M)


def yearless_dateline(text: str, found: list[DateMention]) -> DateMention | None:
    """Round 26: a dateline without its year ("London, 29/10 (diplograph) -", "MALE, July 25
    -") given the year the text's elapsed times agree on (``year_from_text``); it is then the
    document's dateline, flagged ``year-from-text``. Without such a year it stays as it was."""
    m = _DM_DATELINE.search(text, 0, 600)
    if m and text.count("\n", 0, m.start()) <= 4 and not any(
            d.start < m.end() and m.start(1) < d.end for d in found):
        year = year_from_text(text, found)
        v = _day(year, int(m.group(2)), int(m.group(1))) if year else None
        if v is None:
            return None
        d = DateMention(m.start(1), m.end(), v, "day", flags=("year-from-text",))
        found.append(d)
        found.sort(key=lambda x: x.start)
        return d
    for d in found:
        if d.start > 600:
            break
        if d.precision != "day" or d.kind != "point" or d.value is not None or d.explicit \
                or d.pending[:1] != ("day",):
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        if line_start > 0 and text.count("\n", 0, line_start) > 4:
            break
        line_end = text.find("\n", d.end)
        after = text[d.end : len(text) if line_end < 0 else line_end]
        if not (len(re.findall(r"\w+", text[line_start : d.start])) <= 4 and re.match(
                r"\s*(?:\([^()\n\d]{1,40}\)\s*(?=[-–—|:]))?(?:[-–—)|:]|$)", after)):
            continue
        year = year_from_text(text, found)
        if year is None:
            return None
        d.value = _day(year, d.pending[2], d.pending[1])
        if d.value is None:
            return None
        d.flags, d.pending = ("year-from-text",), ()
        return d
    return None


def find_dates(text: str, anchor: str | None = None) -> list[DateMention]:
    """Every date mention in ``text``, resolved where it can be (see the module doc)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for rx, kind in _PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            d = _handle(kind, m)
            if d is None:
                continue
            taken.append((m.start(), m.end()))
            if _in_a_name(text, d):
                continue  # "Mục tiêu toàn cầu 2030(P4G)", "Vision 2030": a name, no date
            found.append(d)
    found.sort(key=lambda d: d.start)
    for d in found:
        before = text[max(0, d.start - 20) : d.start]
        if d.kind == "point" and _ASOF.search(before):
            d.kind = "asof"
        elif d.kind == "point" and _SINCE.search(before):
            d.kind = "since"
        elif d.kind == "point" and _UNTIL.search(before):
            d.kind = "until"
    line = dateline(text, found)
    if line is None and anchor is None:
        line = yearless_dateline(text, found)  # round 26
    anchor_day = dt.date.fromisoformat(line.value) if line and isinstance(line.value, str) else None
    if anchor_day is None and anchor and re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor):
        anchor_day = dt.date.fromisoformat(anchor)
    _resolve(text, found, anchor_day)
    return found


#: a year that is part of a name (round 19): a programme's or a forum's title ("Vision 2030",
#: "Agenda 2063", "Tầm nhìn 2045", "Mục tiêu toàn cầu 2030", "Expo 2025") or a year right
#: before a bracketed acronym ("… Goals 2030 (P4G)")
_NAME_YEAR_BEFORE = re.compile(r"(?:\b(?:Vision|Agenda|Goals?|Strategy|Plan|Expo|Horizon)"
                               r"|(?<!\w)(?:Tầm\s+nhìn|Mục\s+tiêu(?:\s+toàn\s+cầu)?"
                               r"|Chương\s+trình\s+(?:[Nn]ghị\s+sự)|Chiến\s+lược|Expo))\s*$")
_NAME_YEAR_AFTER = re.compile(r"\s*\((?-i:[A-Z][A-Z0-9&]{1,9})\)")


def _in_a_name(text: str, d: DateMention) -> bool:
    if not re.fullmatch(r"\d{4}", text[d.start : d.end]):
        return False
    if _NAME_YEAR_BEFORE.search(text, max(0, d.start - 30), d.start):
        return True
    # before an acronym only after a word of the name, never after a date's preposition
    # ("founded in 1963 (OAU)")
    return bool(_NAME_YEAR_AFTER.match(text, d.end)) and bool(re.search(
        r"(?<!\w)(?!(?:in|on|of|since|by|to|until|and|or|from|năm|từ|đến|tới|và|cuối|đầu)\s)"
        r"\w{2,}\s+$", text[max(0, d.start - 20) : d.start], re.I))


#: round 23: a stop whose space a scraped page lost ("… in Riga on 19 October.The two …")
_LOST_STOP = re.compile(r"(?<=[a-zà-ỹđ\d]{2})\.(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    b = min((x for x in (text.find(". ", pos), text.find("\n", pos)) if x >= 0), default=len(text))
    for m in _LOST_STOP.finditer(text, a, pos):
        a = m.end()
    m = _LOST_STOP.search(text, pos, b)
    return a, (m.start() if m else b)


#: a clause about what is still to come, right before a weekday
#: round 28: a past verb before a month without its year; and words of the future
_PAST_BEFORE = re.compile(r"\b(?:restored|established|severed|broke\s+off|signed|joined|met"
                          r"|held|visited|switched|agreed|opened|was|were|had)\b[^.;]{0,50}$"
                          r"|(?<!\w)đã(?!\w)[^.;]{0,50}$", re.I)
_FUTURE_NEAR = re.compile(r"\b(?:will|shall|next|upcoming|coming|ahead|due|plans?|expected)\b"
                          r"|(?<!\w)(?:sẽ|tới|sắp|dự\s+kiến)(?!\w)", re.I)

_AHEAD = re.compile(r"\b(?:will|shall|is\s+due\s+to|are\s+due\s+to|is\s+set\s+to|are\s+set\s+to"
                    r"|is\s+expected\s+to|are\s+expected\s+to|flies\s+home|leaves|returns\s+home"
                    r"|departs)\b[^.;,]{0,40}$", re.I)


#: the words before a horizon year ("by 2030", "đến năm 2030")
_HORIZON_BEFORE = re.compile(r"(?<!mãi\s)(?<!\w)(?:đến|tới)\s+năm\s*$|\b(?:through|towards?)\s+$"
                             r"|\bby\s+(?:the\s+year\s+)?$", re.I)


def resolve_financial_years(found: list[DateMention], start_month: int) -> None:
    """Round 20: "2024-25" in a text of a state whose financial year starts in
    ``start_month`` (India's April): the twelve months from that month of the first year."""
    for d in found:
        if d.pending[:1] == ("financial",) and 1 < start_month <= 12:
            d.value = _fiscal(d.pending[1] + 1, start_month - 1)
            d.precision, d.kind = "month", "period"


def _fiscal(year: int, month: int) -> dict[str, str]:
    """The twelve months ending with ``month`` of ``year``.

    >>> _fiscal(2024, 3)
    {'from': '2023-04', 'to': '2024-03'}
    """
    start_y, start_m = (year, 1) if month == 12 else (year - 1, month + 1)
    return {"from": f"{start_y}-{start_m:02d}", "to": f"{year}-{month:02d}"}


#: a relative clause open before a date: ", which … in"
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who|whose|where)\s[^,;.]*$")


def _resolve(text: str, found: list[DateMention], anchor: dt.date | None) -> None:
    explicit = [d for d in found if d.value is not None]
    for d in found:
        if not d.pending:
            continue
        what = d.pending[0]
        prev = [x for x in explicit if x.end <= d.start and x.value is not None]
        if d.governs:
            # only right after the date it is counted from: "on 15 January 2024, nine days
            # before …"; elsewhere ("Five years after the war, …") its base is not in the text
            if not prev or not _GOVERNED_GAP.fullmatch(text[prev[-1].end : d.start]):
                d.flags = (*d.flags, "unresolved")
                continue
            prev = prev[-1:]
        if what in ("day", "month", "range"):
            # the year: an explicit date later in the same sentence, else before it, else the anchor
            sa, sb = _sentence_bounds(text, d.start)
            # never a horizon later in the sentence ("… lên 18 tỷ USD vào năm 2028", "by
            # 2030"): a year after the document's own, or one a horizon word governs
            # nor, in a dated article, a year in brackets after it ("từ ngày 27 đến 30/11,
            # đúng vào dịp … kỷ niệm 50 năm … (21/9/1973 – 21/9/2023)": an anniversary's)
            after = [x for x in explicit if d.end <= x.start < sb and x.year
                     and x.kind != "since"  # "…in March, …, the first such trip since 2011"
                     and not (anchor is not None and x.year > anchor.year)
                     and not _HORIZON_BEFORE.search(text, max(0, x.start - 12), x.start)
                     and not (anchor is not None and x.year != anchor.year
                              and text.count("(", d.end, x.start)
                              > text.count(")", d.end, x.start))
                     # round 24: nor a year of a relative clause after it ("on 24 January A
                     # and B resumed relations, which had first been established in 2002")
                     and not re.search(r",\s*which\s+(?:had|was|were)\b", text[d.end : x.start])
                     # round 30: nor past a semicolon ("… from 8 to 11 April 1974 and held talks
                     # … on 9 April; Prime Minister B visited Sweden from 26 to 28 May 2019")
                     and ";" not in text[d.end : x.start]
                     # round 25: nor the year of a "since" clause ("…, wrapping up the first
                     # trip … since Indira Gandhi went there in 1981"): the past it counts from
                     and not re.search(r"\bsince\b|(?<!\w)kể\s+từ(?!\w)", text[
                         max(d.end, text.rfind(",", d.end, x.start) + 1) : x.start], re.I)]
            # round 20: nor a "since" year earlier in the sentence ("…, the first trip by an
            # Australian leader since 2016, and the ministers met in March")
            # … nor a year counted from the dateline ("visited Beijing in November last year,
            # …, and the ministers met in March": the dateline's March, as "last year" would
            # otherwise be repeated)
            before = [x for x in prev if x.start >= sa and x.year and x.kind != "since"
                      and not (x.pending[:1] == ("dateline-year",) and x.pending[1])]
            # a sentence before gives its year, but not a "since" year ("the first visit …
            # since 2012. Earlier, from 9 to 11 March, …") nor a horizon ("by 2030")
            # … nor, in a dated article, one of another paragraph (a caption's "sáng 26/5"
            # is the article's day, not a year of its background)
            carried = [x for x in prev if x.year and x.kind != "since"
                       and not (x.pending[:1] == ("dateline-year",) and x.pending[1])
                       and not (anchor is not None and x.year > anchor.year)
                       and not _HORIZON_BEFORE.search(text, max(0, x.start - 12), x.start)
                       and not (anchor is not None and re.search(r"\n\s*\n",
                                                                 text[x.end : d.start]))
                       # round 19: nor, in a dated article, the year of a relative clause of
                       # another sentence ("…, which a commission awarded to Eritrea in April
                       # 2002. On 5 June, …": background, not the story's year)
                       and not (anchor is not None and x.start < sa and _RELATIVE_BEFORE.search(
                           text, _sentence_bounds(text, x.start)[0], x.start))]
            # round 21: a day inside a range named earlier ("paid a visit from 19-21 November
            # 2024, the first since … came in 1968. On 20 November, …") is one of the range's
            # days, whatever year came between
            inside = [x for x in prev if x.kind == "range" and isinstance(x.value, dict)
                      and what == "day" and x.value.get("from") and x.value.get("to")
                      and x.value["from"] <= (_day(int(x.value["from"][:4]), d.pending[2],
                                                   d.pending[1]) or "") <= x.value["to"]]
            # round 46: a day alone in brackets after an item takes the year told before it in
            # its sentence ("Tháng 5/2022, …, sau đó trình Quốc thư … (12/5). … tháng 4/2023"),
            # as a list of items does ("Năm 1992, … gia nhập A (30/1), B (2/3)")
            bracketed = what == "day" and re.search(r"\(\s*$", text[max(0, d.start - 3) : d.start])
            if bracketed and before:
                after = []
            year = (
                after[0].year if after else before[-1].year if before
                else int(inside[-1].value["from"][:4]) if inside
                else carried[-1].year if carried
                else anchor.year if anchor else None
            )
            if year is None:
                d.flags = (*d.flags, "unresolved")
                continue
            dateline_only = anchor is not None and all(
                x.value == anchor.isoformat() for x in before) and not after and not inside \
                and all(x.value == anchor.isoformat() for x in carried)
            if what in ("day", "month") and dateline_only and year == anchor.year \
                    and ((d.pending[2], d.pending[1]) if what == "day" else (d.pending[1], 0)) > (
                        anchor.month, anchor.day if what == "day" else 31) \
                    and _PAST_BEFORE.search(text, max(0, d.start - 60), d.start) \
                    and not _AHEAD.search(text, max(0, d.start - 60), d.start) \
                    and not _FUTURE_NEAR.search(text, max(0, d.start - 60), d.start):
                # round 28: "… since the two countries restored diplomatic relations in
                # September", in an article of January 2020: a past month after the article's
                # own is of the year before, never a date still to come
                year -= 1
            if what == "day" and not after and not before and not inside and carried \
                    and anchor is not None and carried[-1].precision == "day" \
                    and isinstance(carried[-1].value, str) and year < anchor.year:
                # round 22: a story told forwards: "signed … on 11 December 2024. On 11
                # January …", in an article of February 2025: the day after the date carried
                # from a sentence before, not eleven months before it (only up to the article's
                # own day)
                same = _day(year, d.pending[2], d.pending[1])
                nxt = _day(year + 1, d.pending[2], d.pending[1])
                if same and nxt and same < carried[-1].value and nxt <= anchor.isoformat():
                    year += 1
            if what == "day":
                d.value = _day(year, d.pending[2], d.pending[1])
            elif what == "month":
                d.value = _month(year, d.pending[1])
            else:
                a = _day(year, d.pending[2], d.pending[1])
                b = _day(year, d.pending[4], d.pending[3])
                d.value = {"from": a, "to": b} if a and b else None
            if d.value is None:
                d.flags = (*d.flags, "unresolved")
        elif what == "fiscal":
            # the last such month up to the document's day ("the financial year that ended in
            # March", in a July article: April of the year before to March)
            if anchor is None:
                d.flags = (*d.flags, "unresolved")
                continue
            mo = d.pending[1]
            d.value = _fiscal(anchor.year if mo <= anchor.month else anchor.year - 1, mo)
        elif what == "weekday":
            if anchor is None:
                d.flags = (*d.flags, "unresolved")
                continue
            back = 0 if d.pending[1] is None else 1 if d.pending[1] == -1 else (
                anchor.weekday() - d.pending[1]) % 7
            if back and d.pending[1] != -1 and _AHEAD.search(text, max(0, d.start - 60), d.start):
                # "… and flies home on Tuesday", "will sign on Friday": the coming weekday
                back -= 7
            d.value = (anchor - dt.timedelta(days=back)).isoformat()
        elif what == "weekday-range":
            # the first weekday on or before the document's day (the coming one after "will"),
            # the second the next such day after it
            if anchor is None:
                d.flags = (*d.flags, "unresolved")
                continue
            back = (anchor.weekday() - d.pending[1]) % 7
            if back and _AHEAD.search(text, max(0, d.start - 60), d.start):
                back -= 7
            first = anchor - dt.timedelta(days=back)
            last = first + dt.timedelta(days=(d.pending[2] - d.pending[1]) % 7 or 7)
            d.value = {"from": first.isoformat(), "to": last.isoformat()}
        elif what == "today-until":
            if anchor is None:
                d.flags = (*d.flags, "unresolved")
                continue
            ahead = (d.pending[1] - anchor.weekday()) % 7 or 7
            d.value = {"from": anchor.isoformat(),
                       "to": (anchor + dt.timedelta(days=ahead)).isoformat()}
        elif what == "years-ago":
            # "exactly 30 years ago": the dateline's day that many years before; else its year
            if anchor is None:
                d.flags = (*d.flags, "unresolved")
                continue
            year = anchor.year - d.pending[1]
            d.value = _day(year, anchor.month, anchor.day) if d.pending[2] else str(year)
            if d.value is None:
                d.flags = (*d.flags, "unresolved")
                continue
        elif what == "months-ago":
            # round 28: "last month", "ba tháng trước": counted from the document's own date
            if anchor is None:
                d.flags = (*d.flags, "unresolved")
                continue
            y, mo = anchor.year, anchor.month - d.pending[1]
            y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
            d.value = _month(y, mo)
        elif what == "dateline-year":
            # "last year", "năm nay": counted from the document's own date, never guessed
            if anchor is None:
                d.flags = (*d.flags, "unresolved")
                continue
            year = anchor.year + d.pending[1]
            d.value = str(year) if d.pending[2] is None else _month(year, d.pending[2]) \
                if len(d.pending) < 4 else _day(year, d.pending[2], d.pending[3])
            if d.value is None:
                d.flags = (*d.flags, "unresolved")
                continue
        elif what == "years":
            base = next((x for x in reversed(prev) if x.year and x.kind != "range"), None)
            if base is None:
                d.flags = (*d.flags, "unresolved")
                continue
            d.value = str(base.year + d.pending[1])
        elif what == "months":
            base = next((x for x in reversed(prev) if isinstance(x.value, str)
                         and x.precision in ("day", "month")), None)
            if base is None:
                d.flags = (*d.flags, "unresolved")
                continue
            y, mo = int(base.value[:4]), int(base.value[5:7]) + d.pending[1]
            y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
            d.value = _month(y, mo)
        elif what == "days" and len(d.pending) > 2 and anchor is not None:
            # "Earlier in the day" in a news article: its day; round 30: the day its clause
            # has just named ("landed … late on Saturday after a half-day visit to Haiti
            # earlier in the day": Saturday)
            near = [x for x in prev if x.precision == "day" and x.kind == "point"
                    and isinstance(x.value, str) and d.start - x.end < 80
                    and not re.search(r"[.;\n]", text[x.end : d.start])]
            d.value = near[-1].value if near else anchor.isoformat()
        elif what in ("days", "next-day"):
            main = len(d.pending) > 2 and d.pending[2] == "main"
            base = next(
                (x for x in reversed(prev) if x.precision == "day" and isinstance(x.value, str)
                 and not (main and x.governs) and not in_span_bracket(text, x)),
                None,
            )
            if base is None:
                d.flags = (*d.flags, "unresolved")
                continue
            days = d.pending[1] if what == "days" else 1
            d.value = (dt.date.fromisoformat(base.value) + dt.timedelta(days=days)).isoformat()
        elif what == "first-day":
            base = next((x for x in reversed(prev) if x.kind == "range"
                         and isinstance(x.value, dict)), None)
            if base is None:
                d.flags = (*d.flags, "unresolved")
                continue
            first = dt.date.fromisoformat(base.value["from"])
            nth = first + dt.timedelta(days=d.pending[1] if len(d.pending) > 1 else 0)
            if nth.isoformat() > base.value["to"]:
                d.flags = (*d.flags, "unresolved")  # past the range: not one of its days
                continue
            d.value = nth.isoformat()
        if d.value is not None:
            explicit.append(d)
            explicit.sort(key=lambda x: x.start)


#: round 52: the two ends of a span in brackets, "(5/8/1973 - 5/8/2015)", "(1/4/1950 –
#: 1/4/2025)": an anniversary's dates, no day the text narrates
_SPAN_BRACKET = re.compile(r"\(\s*\d{1,2}[/.]\d{1,2}[/.]\d{4}\s*[-–]\s*"
                           r"\d{1,2}[/.]\d{1,2}[/.]\d{4}\s*\)")


def in_span_bracket(text: str, d: DateMention) -> bool:
    """Round 52: a date that is one end of a bracketed span of two dates: "Cùng ngày" after
    "(5/8/1973 - 5/8/2015)" is not 5 August 2015."""
    a = text.rfind("(", max(0, d.start - 14), d.start + 1)
    m = _SPAN_BRACKET.match(text, a) if a >= 0 else None
    return m is not None and m.end() >= d.end


def month_of(value) -> str | None:  # noqa: ANN001
    """Round 24: the month of a date value (the year of a range across months), the precision
    the corpus gives a leg of a tour or a signing dated by the visit it took place in."""
    if isinstance(value, dict):
        a, b = str(value.get("from", "")), str(value.get("to", ""))
        return a[:7] if a[:7] == b[:7] and len(a) >= 7 else a[:4] or None
    return str(value)[:7] if value else None
