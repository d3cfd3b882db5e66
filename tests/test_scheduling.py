"""The way the suite is shared among pytest-xdist's processes (tests/scheduling.py)."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

from .conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scheduling  # noqa: E402


def test_doctests() -> None:
    result = doctest.testmod(scheduling)
    assert result.attempted and not result.failed


def test_every_named_file_and_folder_exists() -> None:
    """A renamed test file would silently leave its group: every name in the tables is real."""
    for prefix in scheduling.GROUPS:
        assert (ROOT / prefix).exists(), prefix
    groups = set(scheduling.GROUPS.values())
    for name in [*scheduling.COSTS, *scheduling.WITHOUT_BUILD]:
        assert name in groups or (ROOT / name).is_file(), name


def test_units_said_to_need_no_build_read_none_of_it() -> None:
    """The second process starts with one of ``WITHOUT_BUILD``: none of its files asks for a
    fixture of the full build (else it would wait for the first process to make it)."""
    files = [p for p in (ROOT / "tests").rglob("test_*.py")
             if scheduling.group_of(p.relative_to(ROOT).as_posix()) in scheduling.WITHOUT_BUILD]
    assert files
    for p in files:
        text = p.read_text(encoding="utf-8")
        for fixture in ("built_store", "store_copy", "sample_store"):
            assert fixture not in text, (p, fixture)


def test_a_group_is_one_unit_and_other_files_their_own() -> None:
    assert scheduling.group_of("tests/engines/test_backends.py") == "engines"
    assert scheduling.group_of("tests/ui/test_browser.py") == "browser"
    assert scheduling.group_of("tests/ui/test_pages.py") == "tests/ui/test_pages.py"
    # a large file not in COSTS (0.3 s a test) that counts a little less than the release
    tests = int(scheduling.COSTS["tests/graph/test_release.py"] / 0.3) - 1
    assert tests > 100
    assert scheduling.order([("x.py", 1), ("tests/graph/test_release.py", 5), ("browser", 9),
                             ("y.py", tests)])[:2] == ["tests/graph/test_release.py", "browser"]
