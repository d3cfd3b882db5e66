"""Helpers that build or reshape a :class:`~..candidates.MatchResult`, shared by the readings.

Reads no name itself: one entity found (``_single``), several (``_ambiguous``), a reading
rescored (``_rescore``) or re-read under another name (``_reread``), a match declined
(``_declined``), and the helpers they use.
"""

from __future__ import annotations

from ...graph.registry import Entity
from ..candidates import Candidate, MatchResult, describe
from .text import _join


def _reread(query: str, r: MatchResult, why: str) -> MatchResult:
    """The answer for ``query`` that another writing of it (``r``) gave: its candidates,
    scored at most 95, with ``why`` before their evidence."""
    cands = [Candidate(c.entity, min(c.score, 95.0), c.match, c.method, _join(why, c.evidence))
             for c in r.candidates]
    return MatchResult(query, cands, r.ambiguous, r.note)


def _declined(r: MatchResult,
              why: str = "a transliteration no state's name sounds like") -> MatchResult:
    """A fuzzy result turned into no match (its candidates kept as the closest names)."""
    cands = [Candidate(c.entity, c.score, False, c.method, c.evidence) for c in r.candidates]
    return MatchResult(
        r.query, cands, False,
        f"no confident match ({why}); closest: "
        + ", ".join(describe(c.entity) for c in cands[:3]),
    )


def _single(
    query: str, e: Entity, score: float, method: str, note: str = "", evidence: str = ""
) -> MatchResult:
    return MatchResult(query, [Candidate(e, score, True, method, evidence)], False, note)


def _ambiguous(query: str, ents: list[Entity], score: float) -> MatchResult:
    cands = [Candidate(e, score - 0.5 * i, False, "ambiguous") for i, e in enumerate(ents)]
    return MatchResult(query, cands, True, "ambiguous: " + ", ".join(describe(e) for e in ents))


def _rescore(r: MatchResult, query: str, delta: float, method: str) -> MatchResult:
    cands = [
        Candidate(
            c.entity, max(0.0, min(90.0, c.score + delta)), c.match, method,
            _join(f"read as {method}", c.evidence),
        )
        for c in r.candidates
    ]
    return MatchResult(query, cands, r.ambiguous, r.note)
