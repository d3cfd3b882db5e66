"""Place statements: a place the registry knows that the text calls a state's capital ("X, the
capital of Y", "X is the capital of Y", "the capital of Y, X", "Y's capital X", "thủ đô X của Y",
"X, thủ đô của Y", "X là thủ đô của Y"), and a sentence whose state acts "in the capital X"
("Mông Cổ đặt tượng … ở thủ đô Ulaanbaatar": the capital of that state, with lower confidence).

Only places of the registry are described (a city the gazetteer reads as its state's government,
"Riyadh", is not a place entity); a place fact with a name the registry does not know would only
be noise for the curator.
"""

from __future__ import annotations

import re

from .context import Candidate, Context, Sentence
from .names import Mention

CAPITAL = re.compile(r"\bcapital\b|thủ đô", re.I)


def extract(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sents:
        for m in CAPITAL.finditer(ctx.text, s.start, s.end):
            c = _capital(ctx, s, m)
            if c is not None:
                out.append(c)
    return out


def _place(m: Mention) -> bool:
    return bool(m.key) and m.kind == "place"


def _capital(ctx: Context, s: Sentence, m: re.Match) -> Candidate | None:
    text = ctx.text
    a, b = m.start(), m.end()
    after = [x for x in ctx.mentions_in(b, min(s.end, b + 60)) if x.key]
    before = [x for x in ctx.mentions_in(s.start, a) if x.key]
    place = state = None
    conf, flags = 0.8, []
    # "X, the capital of Y" / "X is the capital of Y" / "X, thủ đô của Y" / "X là thủ đô của Y"
    if before and _place(before[-1]) and re.fullmatch(
            r"\s*(?:,|is|was|là|,\s*là)?\s*(?:the\s+|a\s+)?", text[before[-1].end : a], re.I):
        place = before[-1]
        of = re.match(r"\s+(?:of|của)\s+(?:the\s+)?", text[b:])
        nxt = [x for x in after if of and x.start == b + of.end() and x.is_state]
        state = nxt[0] if nxt else None
    # "the capital of Y, X" / "thủ đô X của Y" / "thủ đô của Y là X" / "Y's capital X"
    elif after and _place(after[0]) and re.fullmatch(r"\s*,?\s*", text[b : after[0].start]):
        place = after[0]
        of = re.match(r"\s*(?:\([^)]*\)\s*)?(?:of|của)\s+(?:the\s+)?", text[place.end :])
        nxt = [x for x in ctx.mentions_in(place.end, s.end)
               if of and x.start == place.end + of.end() and x.is_state]
        poss = [x for x in before if x.is_state or x.how == "demonym"]
        if nxt:
            state = nxt[0]
        elif poss and re.fullmatch(r"(?:['’]s)?\s*", text[poss[-1].end : a]):
            state = poss[-1]  # "Mongolia's capital Ulaanbaatar", "the Mongolian capital"
        elif poss and re.search(r"(?:ở|tại|in|at)\s+$", text[max(s.start, a - 6) : a]):
            # "Mông Cổ đặt tượng … ở thủ đô Ulaanbaatar": the capital of the sentence's state
            states = [x for x in before if x.is_state]
            state = states[0] if states and len({x.key for x in states}) == 1 else None
            conf, flags = 0.6, ["state-from-sentence"]
    elif after and after[0].is_state and re.match(r"\s+(?:of|của)\s+(?:the\s+)?", text[b:]):
        # "the capital of Y, X" / "thủ đô của Y là X"
        state = after[0]
        rest = [x for x in ctx.mentions_in(state.end, min(s.end, state.end + 60)) if _place(x)]
        place = rest[0] if rest and re.fullmatch(r"\s*(?:,|là|is)?\s*",
                                                  text[state.end : rest[0].start]) else None
    if place is None or state is None:
        return None
    lo = min(place.start, state.start, a)
    hi = max(place.end, state.end, b)
    return Candidate("place", {"place": ctx.label(place.key), "capital_of": ctx.label(state.key)},
                     lo, hi, conf, "place-capital", flags)
