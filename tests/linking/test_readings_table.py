"""The readings table (linking/readings/table.py): one ordered table, every row documented and
callable as the matcher calls it, and no reading of the package left out of it.

Reads the code and the table only (no registry is loaded): ``Matcher.match`` walks the table,
so a method of a reading mixin that is neither in the table nor used by another method would
never run.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from diplograph.linking import readings
from diplograph.linking.matcher import Matcher
from diplograph.linking.readings.table import GIVEN, READINGS, STAGES

LINKING = Path(readings.__file__).resolve().parent.parent
DOCS = LINKING.parent / "docs" / "linking.md"


def _mixins() -> list[type]:
    return [c for c in Matcher.__mro__
            if c.__module__.startswith("diplograph.linking.readings.")]


def test_the_table_is_in_order_of_stages_with_one_fallback():
    stages = [r.stage for r in READINGS]
    assert set(stages) <= set(STAGES)
    assert stages.count("fallback") == 1
    fallback = stages.index("fallback")
    assert all(s == "reading" for s in stages[:fallback])
    assert all(s == "retry" for s in stages[fallback + 1:])
    assert READINGS[0].name == "as-written" and READINGS[fallback].name == "fuzzy"


def test_every_row_is_documented_and_named_once():
    names = [r.name for r in READINGS]
    assert len(names) == len(set(names))
    for r in READINGS:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", r.name), r.name
        assert r.doc.strip() and "\n" not in r.doc, r.name
        assert r.round is None or 5 <= r.round <= 35, r.name
        assert inspect.getdoc(r.read) or r.read.__name__ == "_match", r.name


def test_every_row_is_given_what_its_method_takes():
    """``match`` calls ``read(matcher, *takes)``: the method's parameters after ``self`` that
    have no default are exactly ``takes``, in order, and each is one of :data:`GIVEN`."""
    for r in READINGS:
        params = list(inspect.signature(r.read).parameters.values())[1:]
        required = tuple(p.name for p in params if p.default is inspect.Parameter.empty)
        assert required == r.takes, r.name
        assert set(r.takes) <= set(GIVEN), r.name


def test_every_row_is_the_matchers_own_method():
    """No mixin shadows another: the method the table names is the one the matcher has."""
    for r in READINGS:
        assert getattr(Matcher, r.read.__name__) is r.read, r.name


def test_no_reading_method_is_unreachable():
    """Every method of a reading mixin is a row of the table or used by some code of
    ``linking/`` (``self.<name>`` or ``Class.<name>``, other than its own definition)."""
    in_table = {r.read.__name__ for r in READINGS}
    used: dict[str, int] = {}
    for path in LINKING.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                used[node.attr] = used.get(node.attr, 0) + 1
    mixins = _mixins()
    assert len(mixins) >= 17
    unreachable = []
    for cls in mixins:
        for name, fn in vars(cls).items():
            if not callable(fn) and not isinstance(fn, staticmethod):
                continue
            if name.startswith("__"):
                continue
            if name not in in_table and not used.get(name):
                unreachable.append(f"{cls.__name__}.{name}")
    assert unreachable == []


def test_every_module_of_the_package_has_a_docstring_saying_what_it_reads():
    for path in sorted((LINKING / "readings").glob("*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and "reads" in doc.lower(), path.name


def test_the_docs_table_lists_the_readings_in_order():
    """docs/linking.md "The matcher" lists the table's rows in the same order."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## The matcher", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+) \| `([a-z-]+)` \|", section, flags=re.M)
    assert [name for _, name in rows] == [r.name for r in READINGS]
    assert [int(n) for n, _ in rows] == list(range(1, len(READINGS) + 1))
