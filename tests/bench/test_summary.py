"""The percentile helper shared by the soak and the entity-pages harnesses (bench/summary.py)."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench import summary  # noqa: E402


def test_nearest_rank() -> None:
    xs = [float(i) for i in range(1, 101)]  # 1 … 100
    assert summary.percentile(xs, 0.5) == 50.0
    assert summary.percentile(xs, 0.99) == 99.0
    assert summary.percentile(xs, 1.0) == 100.0
    assert summary.percentile([7.0], 0.99) == 7.0
    assert summary.percentile(list(reversed(xs)), 0.9) == 90.0  # order does not matter


def test_summarise_and_examples() -> None:
    assert summary.summarise([]) == {"n": 0, "median": None, "p90": None, "p99": None,
                                     "max": None}
    assert summary.summarise([1.0, 3.0])["median"] == 2.0
    assert doctest.testmod(summary).failed == 0
