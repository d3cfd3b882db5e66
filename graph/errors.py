"""The one error type of diplograph's core.

Every failure the core reports to a user is a :class:`DiplographError`. Its ``kind`` says
what went wrong, and the server maps ``kind`` to an HTTP status in one place. Its ``details``
carry line-level messages (``file:line: field: what is wrong``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
