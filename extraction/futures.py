"""Round 40: an act told in the future or as expected is no fact of it.

"agreement … is expected to be signed on Wednesday", "Tập Cận Bình dự kiến tham dự Hội nghị
thượng đỉnh", "từ đây ông sẽ tới Mauritania", "The two sides agreed to work towards raising
their relationship to a strategic partnership": the rules read the act's verb and propose the
visit, the meeting, the agreement or the partnership; the gold files annotate such a sentence
as an intention (a claim), never as the act (tests/extraction/corpus/README.md, "What the gold
files annotate"). A candidate of those types is left out when every verb of the act in its span
has a word of the future or of expectation at most two words before it; an act told also in
the past in the span ("will sign … signed on Monday") keeps its candidate.
"""

from __future__ import annotations

import re

from .context import Candidate, Context, every_verb_after

#: the verbs of the acts the rules read: visits, meetings, signings, raising a relationship
_ACT = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|travel(?:s|led|ling)?|attend(?:s|ed|ing)?|meet(?:s|ing)?|met"
    r"|hold(?:s|ing)?\s+talks|held\s+talks|sign(?:s|ed|ing)?|conclud(?:e|es|ed|ing)"
    r"|rais(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|establish(?:es|ed|ing)?)\b"
    r"|(?<!\w)(?:thăm|tới|đến|tham\s+dự|dự|hội\s+đàm|hội\s+kiến|gặp|tiếp|ký|nâng\s+cấp|nâng"
    r"|thiết\s+lập)(?!\w)", re.I)
#: a word of the future or of expectation right before the verb
_FUTURE_BEFORE = re.compile(
    r"(?:\bwill|\bshall|\bis\s+expected\s+to|\bare\s+expected\s+to|\bis\s+due\s+to"
    r"|\bare\s+due\s+to|\bis\s+scheduled\s+to|\bis\s+to|\bplans?\s+to|\bagreed\s+to\s+work"
    r"\s+towards|(?<!\w)sẽ|(?<!\w)dự\s+kiến|(?<!\w)dự\s+định|(?<!\w)kế\s+hoạch)"
    r"\W+(?:[\w’'-]+\s+){0,2}$", re.I)
#: the types whose act the guard reads (memberships: round 39's memberships.intended)
_TYPES = ("event", "agreement", "partnership")


def told_as_future(ctx: Context, c: Candidate) -> bool:
    """Every verb of the act in ``c``'s span has a word of the future or of expectation at
    most two words before it (in its sentence)."""
    return c.type in _TYPES and every_verb_after(ctx, c, _ACT, _FUTURE_BEFORE)
