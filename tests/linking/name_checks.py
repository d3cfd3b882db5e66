"""What the name-class tests of each linking round check of one answer of the matcher (the
rounds' files list the names; these say what a right answer is)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def key_of(res: Any) -> str | None:
    """The registry key of the matcher's match, or None."""
    return res.best.entity.key if res.best else None


def candidates(res: Any) -> list[tuple[str, str]]:
    return [(c.entity.key, c.method) for c in res.candidates]


def assert_matches(matcher: Any, name: str, key: str, method: str) -> None:
    """``name`` is matched to ``key`` (not ambiguous) by ``method``, with its evidence."""
    res = matcher.match(name)
    assert key_of(res) == key, (name, res.note, candidates(res))
    assert not res.ambiguous, (name, res.note)
    assert res.best.method == method, (name, res.best.method, res.best.evidence)
    assert res.best.evidence, name


def assert_ambiguous(matcher: Any, name: str, keys: Any) -> None:
    """``name`` is reported ambiguous, matched to nothing, with ``keys`` among its candidates
    (a list: those first, in that order; a set: in any order)."""
    res = matcher.match(name)
    assert res.best is None and res.ambiguous, (name, res.note)
    assert res.note.startswith("ambiguous: "), res.note
    got = [c.entity.key for c in res.candidates]
    if isinstance(keys, list):
        assert got[: len(keys)] == keys, (name, got)
    else:
        assert set(keys) <= set(got), (name, got)


def assert_no_match(matcher: Any, name: str) -> None:
    """``name`` is neither matched nor reported ambiguous."""
    res = matcher.match(name)
    assert res.best is None and not res.ambiguous, (name, res.note)


EVAL_LISTS = Path(__file__).parent / "eval"


def list_names(written_after: frozenset[str] = frozenset()) -> set[str]:
    """The names of every evaluation list (``eval/*.csv`` and ``names_eval.csv``), lower-cased,
    but those of the lists ``written_after`` the names a round test checks against them (an
    independent writer may have met the same names since)."""
    out = set()
    for path in [*EVAL_LISTS.glob("*.csv"), EVAL_LISTS.parent / "names_eval.csv"]:
        if path.name in written_after:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            out.add(line.split(",")[0].strip().lower())
    return out
