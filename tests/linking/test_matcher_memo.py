"""Session 25 (issues #11, #15): the matcher remembers its answers (``Matcher.match``), keyed by
the arguments and the reading's context (``CONTEXT``), and the memo changes no answer.

* every piece of the matcher's state that a reading sets while it reads a part of a name, and
  restores in a ``finally``, is in ``CONTEXT`` (read from the source: a reading that adds such
  state without naming it would make the memo give one context's answer in another);
* names read under a year (whose heads are read with the context set) and the same names
  without it get, in any order and from threads at once, the answers each gets from an empty
  memo;
* a full memo is forgotten, not grown; a pickled matcher carries no memo and answers alike.
"""

from __future__ import annotations

import ast
import pickle
import random
import re
import threading
from pathlib import Path

import pytest

import diplograph.linking.matcher as matcher_module
from diplograph.linking.evaluate import default_lists, read_list
from diplograph.linking.matcher import CONTEXT

LINKING = Path(matcher_module.__file__).resolve().parent
_YEAR = re.compile(r"\b1[5-9]\d\d\b|\b20[0-2]\d\b")


def _restored_in_finally(path: Path) -> set[str]:
    """The attributes of ``self`` assigned (or changed in place by ``+=``) inside a
    ``finally`` of the module at ``path``."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Try):
            continue
        for stmt in node.finalbody:
            for sub in ast.walk(stmt):
                targets = (sub.targets if isinstance(sub, ast.Assign)
                           else [sub.target] if isinstance(sub, ast.AugAssign | ast.AnnAssign)
                           else [])
                out |= {t.attr for t in targets if isinstance(t, ast.Attribute)
                        and isinstance(t.value, ast.Name) and t.value.id == "self"}
    return out


def test_every_state_a_reading_sets_and_restores_is_part_of_the_key() -> None:
    restored: set[str] = set()
    for path in sorted(LINKING.rglob("*.py")):
        restored |= _restored_in_finally(path)
    assert restored == set(CONTEXT), (
        "a reading sets and restores state the memo's key does not hold (or CONTEXT names "
        f"state no reading sets): restored {sorted(restored)}, CONTEXT {sorted(CONTEXT)}")


#: capitals whose state changed over the years the names give (their governments are read in
#: those years only when the context is kept: a memo without it answers a year's state for the
#: plain name, or today's for the name with its year)
CAPITALS = ("Hanoi", "Belgrade", "Berlin", "Vienna", "Moscow", "Prague", "Saigon", "Bonn",
            "Sanaa", "Aden")
YEARS = (1900, 1918, 1950, 1976, 1985, 1990, 2006)


def _names_with_years() -> list[tuple[str, str | None]]:
    """Capitals' governments in a year and without one (English and Vietnamese), and 20 names
    of the evaluation lists with a year, each also without its year."""
    out: list[tuple[str, str | None]] = []
    for c in CAPITALS:
        out += [(f"the {c} government", "en"), (c, "en"), (f"chính phủ {c}", "vi")]
        out += [(f"the {c} government in {y}", "en") for y in YEARS]
        out += [(f"{c} in {y}", "en") for y in YEARS[::2]]
        out += [(f"chính quyền {c} năm {y}", "vi") for y in YEARS[1::2]]
    rows = [r for p in default_lists() for r in read_list(p) if _YEAR.search(r.name)]
    for r in random.Random(25).sample(rows, 20):
        lang = r.lang if r.lang in ("en", "vi") else None
        out.append((r.name, lang))
        head = _YEAR.split(r.name)[0].strip(" ,(")
        for word in (" in", " năm", " of", " from", " until", " trong"):
            head = head.removesuffix(word)
        if head and head != r.name:
            out.append((head, lang))
    return list(dict.fromkeys(out))


@pytest.fixture(scope="module")
def names() -> list[tuple[str, str | None]]:
    return _names_with_years()


def _answer(result) -> tuple:  # noqa: ANN001
    return (result.query, [(c.entity.iri, c.score, c.match, c.method, c.evidence)
                           for c in result.candidates], result.ambiguous, result.note)


@pytest.fixture(scope="module")
def alone(matcher, names) -> dict[tuple[str, str | None], tuple]:
    """Each name's answer from an empty memo (what a matcher without one answers: the
    name's own parts are still remembered while it is read, which the readings' context
    keys)."""
    out = {}
    for name, lang in names:
        matcher._answers.clear()
        out[(name, lang)] = _answer(matcher.match(name, lang=lang, limit=10))
    return out


def test_years_and_heads_in_any_order_answer_as_alone(matcher, names, alone) -> None:
    assert len(names) >= 150
    for order in (names, names[::-1], random.Random(7).sample(names, len(names))):
        matcher._answers.clear()
        got = {(n, lang): _answer(matcher.match(n, lang=lang, limit=10)) for n, lang in order}
        assert got == alone


def test_threads_at_once_answer_as_alone(matcher, names, alone) -> None:
    matcher._answers.clear()
    got: list[dict] = []
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            order = random.Random(seed).sample(names, len(names))
            got.append({(n, lang): _answer(matcher.match(n, lang=lang, limit=10))
                        for n, lang in order})
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(got) == 4 and all(g == alone for g in got)


def test_a_full_memo_is_forgotten(matcher, names, alone, monkeypatch) -> None:
    monkeypatch.setattr(matcher_module, "ANSWERS_KEPT", 5)
    matcher._answers.clear()
    for name, lang in names:
        assert _answer(matcher.match(name, lang=lang, limit=10)) == alone[(name, lang)]
        assert len(matcher._answers) <= 5


def test_a_pickled_matcher_carries_no_memo_and_answers_alike(matcher, names, alone) -> None:
    for name, lang in names[:10]:
        matcher.match(name, lang=lang, limit=10)
    assert matcher._answers
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy._answers == {}
    assert not copy.__dict__.get("_fuzzy_near")
    assert matcher._answers  # the pickled matcher's own memo is kept
    for name, lang in names[:10]:
        assert _answer(copy.match(name, lang=lang, limit=10)) == alone[(name, lang)]


def test_forget_empties_the_memo_and_answers_alike(matcher, names, alone) -> None:
    """``Matcher.forget`` (used by bench/reconcile_bench.py, so that a warm batch measures
    matching, not remembering) leaves no answer behind and changes none."""
    for name, lang in names[:10]:
        matcher.match(name, lang=lang, limit=10)
    assert matcher._answers
    matcher._fuzzy("x", "Mongolai", None)  # (session 26: near forms remembered per name)
    assert matcher.__dict__["_fuzzy_near"]
    matcher.forget()
    assert matcher._answers == {}
    assert not matcher.__dict__.get("_fuzzy_near")
    for name, lang in names[:10]:
        assert _answer(matcher.match(name, lang=lang, limit=10)) == alone[(name, lang)]
