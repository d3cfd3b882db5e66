"""Fixtures for the linking tests: the real registry, a matcher, and a real on-disk store.

The store is built with the lead's pipeline (``diplograph.loaders.build.build``) when it works;
while that pipeline is being written, the fallback loads the same registry and the bundled facts
files with the real loaders (``Registry.quads`` + ``load_facts_file``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # reconcile_checks

from diplograph.linking.evaluate import Evaluation, evaluate, read_list
from diplograph.linking.matcher import Matcher
from diplograph.linking.reference import STORE_DATASETS
from diplograph.loaders.registry import load_registry

EVAL_LISTS = Path(__file__).resolve().parent / "eval"


@pytest.fixture(scope="session")
def matcher(registry):
    return Matcher(registry)


@pytest.fixture(scope="session")
def evaluations(matcher) -> Callable[[str], Evaluation]:
    """``evaluations(name)``: the evaluation list ``eval/NAME`` evaluated by the shared
    ``matcher`` (``linking.evaluate.evaluate``), once per run: several tests assert their
    claims on the same list's evaluation (the targets, a round's development list, a failure's
    details), and the matcher is the run's most costly work (docs/testing.md, "Session 14")."""
    done: dict[str, Evaluation] = {}

    def evaluated(name: str) -> Evaluation:
        if name not in done:
            done[name] = evaluate(matcher, read_list(EVAL_LISTS / name))
        return done[name]

    return evaluated


@dataclass(frozen=True)
class LinkReport:
    """One run of ``diplograph link --report -o FILE`` through the real click command."""

    exit_code: int
    output: str
    text: str  # what it wrote to FILE ("" when it wrote nothing)

    def list_line(self, name: str) -> str | None:
        """The row of the evaluation list ``name`` in the report's table of lists, if one."""
        rows = [line for line in self.text.splitlines() if line.startswith(f"| `{name}` | ")]
        assert len(rows) <= 1, rows
        return rows[0] if rows else None


@pytest.fixture(scope="session")
def link_report(tmp_path_factory) -> LinkReport:
    """``diplograph link --report`` run once per run: the registry's completeness report and
    the matcher evaluated on every list of ``eval/`` (about 18 s of CPU), read by the report
    mode's test and by the tests of each list's published figures (``test_matcher.py``)."""
    from click.testing import CliRunner

    from diplograph.cli.link import link

    out = tmp_path_factory.mktemp("link-report") / "report.md"
    r = CliRunner().invoke(link, ["--report", "-o", str(out)], catch_exceptions=False)
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    return LinkReport(r.exit_code, r.output, text)


def _build(path) -> ox.Store:
    store = ox.Store(str(path))
    try:
        from diplograph.loaders.build import build

        # the registry, the documents' facts, the COW capitals (scored by reconciliation), the
        # state lists, OWID's places, the adjectives, the same-body pairs and SupraVerden's
        # records (the matcher's reference tables: linking/reference.py)
        report = build(store, with_datasets=True, datasets=list(STORE_DATASETS))
        if not report.failures:
            return store
    except Exception:  # noqa: BLE001 - the pipeline is still being written
        pass
    from diplograph.loaders.build import sources_dir
    from diplograph.loaders.facts import facts_files, load_facts_file

    reg = load_registry()
    store.extend(list(reg.quads()))
    for p in facts_files(sources_dir()):
        load_facts_file(store, p, reg)
    return store


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("linking-store") / "store"
    s = _build(d)
    s.flush()
    s.optimize()  # compacted, as the run's full build (tests/conftest.py)
    del s
    return d
