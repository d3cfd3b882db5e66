"""Percentiles and summaries of latency samples, shared by the harnesses of bench/.

The nearest-rank percentile (the sample at rank ``ceil(q * n)``, no interpolation): a p99 is
a latency some request really had.

>>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5), percentile([1.0, 2.0], 0.99), percentile([], 0.9)
(3.0, 2.0, 0.0)
>>> summarise([0.2, 0.1, 0.4, 0.3], digits=2)
{'n': 4, 'median': 0.25, 'p90': 0.4, 'p99': 0.4, 'max': 0.4}
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["median_of", "percentile", "save_results", "summarise"]


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


def median_of(xs: Sequence[float]) -> float:
    """The median of ``xs`` to three decimals; 0.0 for no samples.

    >>> median_of([0.1234, 0.5, 0.2]), median_of([])
    (0.2, 0.0)
    """
    return round(statistics.median(xs), 3) if xs else 0.0


def save_results(out_dir: Path, kind: str, s: dict[str, Any], markdown: str,
                 tag: str = "") -> None:
    """Write a harness's results ``s`` (with its ``date``) and their ``markdown`` table as
    ``<out_dir>/<kind>-<date>[-<tag>].{json,md}``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{kind}-{s['date']}{'-' + tag if tag else ''}"
    (out_dir / f"{name}.json").write_text(json.dumps(s, indent=1), encoding="utf-8")
    (out_dir / f"{name}.md").write_text(markdown, encoding="utf-8")
