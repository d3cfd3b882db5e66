"""What the name-class tests of each linking round check of one answer of the matcher (the
rounds' files list the names; these say what a right answer is)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


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


def beyond_the_list_tests(matches: list[tuple[str, str, str]],
                          ambiguous: list[tuple[str, Any]],
                          no_match: list[str],
                          later_lists: frozenset[str],
                          guard: Callable[[Any, str], None] = assert_no_match,
                          ) -> tuple[Callable[..., None], ...]:
    """The four tests a round file (rounds 15-18 and 28-32) makes of the names it tries
    beyond the lists, for its module to bind under their names (pytest collects them there,
    with their parameters as ids):

    - the names are in no evaluation list but those ``later_lists`` written after them;
    - each of ``matches`` ``(name, key, method)`` is matched (:func:`assert_matches`);
    - each of ``ambiguous`` ``(name, keys)`` is reported ambiguous (:func:`assert_ambiguous`);
    - each of ``no_match`` passes ``guard`` (:func:`assert_no_match` unless the round says
      otherwise).
    """
    def test_the_names_tried_beyond_the_list_are_in_no_list() -> None:
        names = list_names(later_lists)
        tried = [n for n, _, _ in matches] + [n for n, _ in ambiguous] + list(no_match)
        assert not [n for n in tried if n.lower() in names]

    @pytest.mark.parametrize(("name", "key", "method"), matches)
    def test_the_classes_match_names_beyond_the_list(matcher: Any, name: str, key: str,
                                                     method: str) -> None:
        assert_matches(matcher, name, key, method)

    @pytest.mark.parametrize(("name", "keys"), ambiguous)
    def test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all(
            matcher: Any, name: str, keys: Any) -> None:
        assert_ambiguous(matcher, name, keys)

    @pytest.mark.parametrize("name", no_match)
    def test_the_guards_leave_these_unmatched(matcher: Any, name: str) -> None:
        guard(matcher, name)

    return (test_the_names_tried_beyond_the_list_are_in_no_list,
            test_the_classes_match_names_beyond_the_list,
            test_names_of_several_entities_beyond_the_list_are_ambiguous_with_all,
            test_the_guards_leave_these_unmatched)
