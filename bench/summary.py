"""Percentiles and summaries of latency samples, shared by the harnesses of bench/.

The nearest-rank percentile (the sample at rank ``ceil(q * n)``, no interpolation): a p99 is
a latency some request really had.

>>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5), percentile([1.0, 2.0], 0.99), percentile([], 0.9)
(3.0, 2.0, 0.0)
>>> summarise([0.2, 0.1, 0.4, 0.3], digits=2)
{'n': 4, 'median': 0.25, 'p90': 0.4, 'p99': 0.4, 'max': 0.4}
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

__all__ = ["percentile", "summarise"]


def percentile(xs: Sequence[float], q: float) -> float:
    """The nearest-rank ``q`` percentile (0 < q <= 1) of ``xs``; 0.0 for no samples."""
    if not xs:
        return 0.0
    s = sorted(xs)
    return s[min(max(math.ceil(q * len(s)) - 1, 0), len(s) - 1)]


def summarise(xs: Sequence[float], digits: int = 3) -> dict[str, Any]:
    """``n``, ``median``, ``p90``, ``p99`` and ``max`` of ``xs`` (None for no samples)."""
    if not xs:
        return {"n": 0, "median": None, "p90": None, "p99": None, "max": None}
    return {"n": len(xs), "median": round(statistics.median(xs), digits),
            "p90": round(percentile(xs, 0.9), digits), "p99": round(percentile(xs, 0.99), digits),
            "max": round(max(xs), digits)}
