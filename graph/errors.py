"""The one error type of diplograph's core.

Every failure the core reports to a user is a :class:`DiplographError`. Its ``kind`` says
what went wrong, and :data:`STATUS` maps ``kind`` to a status in one place, for every face
(the endpoint, the pages, the named-query API, reconciliation; the CLI's exit codes follow
the same split: a 4xx kind is the user's to fix). Its ``details`` carry line-level messages
(``file:line: field: what is wrong``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The status of each error kind, as HTTP says it (anything else is 500).
STATUS: dict[str, int] = {
    "bad-input": 400,
    "syntax": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "not-found": 404,
    "method-not-allowed": 405,
    "not-acceptable": 406,
    "conflict": 409,
    "too-large": 413,
    "unsupported-media-type": 415,
    "result-too-large": 422,
    "storage": 500,
    "internal": 500,
    "timeout": 503,
    "engine": 502,  # an external SPARQL engine failed or answered nonsense (a gateway error)
    "unavailable": 503,
}


def status_for(kind: str) -> int:
    """The status of an error kind.

    >>> status_for("timeout"), status_for("syntax"), status_for("whatever")
    (503, 400, 500)
    """
    return STATUS.get(kind, 500)


@dataclass
class DiplographError(Exception):
    """A failure the user can act on.

    >>> e = DiplographError("bad-input", "facts file refused", ["a.yaml:3: date: not a date"])
    >>> str(e)
    'facts file refused\\na.yaml:3: date: not a date'
    """

    #: bad-input | syntax | not-found | conflict | timeout | too-large | forbidden |
    #: unauthorized | not-acceptable | unsupported-media-type | method-not-allowed |
    #: result-too-large | unavailable | storage | internal
    kind: str
    message: str
    details: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join([self.message, *self.details])

    @property
    def status(self) -> int:
        """The status of this error (:data:`STATUS`).

        >>> DiplographError("syntax", "SPARQL syntax error at line 1, column 8: …").status
        400
        """
        return status_for(self.kind)
