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

from diplograph.linking.candidates import MatchResult
from diplograph.linking.evaluate import Evaluation, evaluate, read_list
from diplograph.linking.matcher import Matcher
from diplograph.linking.reference import STORE_DATASETS
from diplograph.loaders.registry import load_registry

EVAL_LISTS = Path(__file__).resolve().parent / "eval"


@pytest.fixture(scope="session")
def matcher(registry):
    return Matcher(registry)


class Remembered:
    """The run's ``matcher`` with each answer (a name with its hints and its ``limit``) computed
    once per run and remembered: the link report (every row of every list of ``eval/``), the
    lists' evaluations and the matcher's reference answers (``test_matcher_reference.py``) ask
    the same names with the same hints (``evaluate`` asks ``limit=10``), and the matcher is the
    group's most costly work (docs/testing.md, "Session 16"). Anything else is the matcher's."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.answers: dict[tuple, MatchResult] = {}

    def match(self, name: str, *, kind=None, lang: str | None = None,  # noqa: ANN001
              limit: int = 5) -> MatchResult:
        key = (name, kind if kind is None or isinstance(kind, str) else tuple(kind), lang, limit)
        if key not in self.answers:
            self.answers[key] = self.matcher.match(name, kind=kind, lang=lang, limit=limit)
        return self.answers[key]

    def __getattr__(self, attr: str):  # noqa: ANN204 - the matcher's other parts
        return getattr(self.matcher, attr)


@pytest.fixture(scope="session")
def remembered(matcher) -> Remembered:
    return Remembered(matcher)


@pytest.fixture(scope="session")
def evaluations(remembered) -> Callable[[str], Evaluation]:
    """``evaluations(name)``: the evaluation list ``eval/NAME`` evaluated by the shared
    ``matcher`` (``linking.evaluate.evaluate``), once per run: several tests assert their
    claims on the same list's evaluation (the targets, a round's development list, a failure's
    details), and the matcher is the run's most costly work (docs/testing.md, "Session 14");
    its answers are the ones the link report asked (``remembered``, "Session 16")."""
    done: dict[str, Evaluation] = {}

    def evaluated(name: str) -> Evaluation:
        if name not in done:
            done[name] = evaluate(remembered, read_list(EVAL_LISTS / name))  # type: ignore[arg-type]
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
def link_report(tmp_path_factory, remembered) -> LinkReport:
    """``diplograph link --report`` run once per run through the real click command: the
    registry's completeness report and the matcher evaluated on every list of ``eval/`` (about
    30 s of CPU), read by the report mode's test and by the tests of each list's published
    figures (``test_matcher.py``). The command's matcher is the run's (``Matcher`` of
    ``load_registry()``, the same construction as the command's own), its answers remembered
    for the lists' evaluations and the reference answers (``remembered``)."""
    from click.testing import CliRunner

    import diplograph.linking.matcher as matcher_module
    from diplograph.cli.link import link

    out = tmp_path_factory.mktemp("link-report") / "report.md"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(matcher_module, "Matcher", lambda registry: remembered)
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
