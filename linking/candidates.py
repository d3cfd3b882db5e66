"""What the matcher answers: candidates, a name's result, and the names it indexes.

:class:`Candidate` (an entity proposed for a name, with its score, method and evidence),
:class:`MatchResult` (the candidates for one name, best first), ``_Name`` (one name of an entity
in the matcher's indexes), :func:`describe` (how notes name an entity), the ``kind`` hints
(:data:`KIND_GROUPS`) and the confidences whose QID may be shown (:data:`USABLE_CONFIDENCE`).
Reads no name itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..graph.registry import Entity

#: ``kind`` hints accepted by :meth:`Matcher.match` and the registry kinds they stand for.
KIND_GROUPS: dict[str, frozenset[str]] = {
    "state": frozenset({"state", "historical-state"}),
    "organisation": frozenset({"organisation", "forum", "ngo"}),
    "organization": frozenset({"organisation", "forum", "ngo"}),
    "historical-state": frozenset({"historical-state"}),
    "forum": frozenset({"forum"}),
    "ngo": frozenset({"ngo"}),
    "person": frozenset({"person"}),
    "place": frozenset({"place"}),
    "event-series": frozenset({"event-series"}),
}


#: confidences whose QID may be shown
USABLE_CONFIDENCE = ("verified", "single-source")


@dataclass(frozen=True)
class Candidate:
    """One entity proposed for a name."""

    entity: Entity
    score: float
    match: bool
    method: str
    #: why this entity: the name source, data sets agreeing on an acronym, a rewriting
    evidence: str = ""

    @property
    def qid(self) -> str | None:
        """The entity's QID when it is verified or single-source, else None."""
        e = self.entity
        return e.qid if e.qid and e.confidence in USABLE_CONFIDENCE else None

    @property
    def label(self) -> str:
        """The English label."""
        return self.entity.label


@dataclass(frozen=True)
class MatchResult:
    """The candidates for one name, best first."""

    query: str
    candidates: list[Candidate] = field(default_factory=list)
    ambiguous: bool = False
    note: str = ""

    @property
    def best(self) -> Candidate | None:
        """The matched candidate (``match`` true), or None."""
        return self.candidates[0] if self.candidates and self.candidates[0].match else None


@dataclass(frozen=True)
class _Name:
    entity: Entity
    text: str
    lang: str | None
    method: str
    rank: int  # 0 best
    evidence: str = ""


def describe(entity: Entity) -> str:
    """``Label (KEY, Q123)`` or ``Label (KEY, no QID)`` as used in notes.

    >>> describe(Entity(key="MNG", iri="x", kind="state", labels={"en": "Mongolia"}, qid="Q711",
    ...                 confidence="verified"))
    'Mongolia (MNG, Q711)'
    """
    qid = entity.qid if entity.qid and entity.confidence in USABLE_CONFIDENCE else None
    return f"{entity.label} ({entity.key}, {qid or 'no QID'})"
