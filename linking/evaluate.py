"""Evaluate the matcher on a list of names: precision, recall and how ambiguity is reported.

A list is a CSV file with the columns ``name, lang, expected, kind, category``. ``expected`` is

* an entity id (the path of its IRI under ``https://diplograph.org/id/``, e.g. ``state/MNG``), or
  several separated by ``|`` when any of them is right (``state/SUN|state/USSR``: the IRI of a
  historical state before and after a registry change);
* ``AMBIGUOUS:id|id…``: the name must not be a match and must be reported ambiguous with (at
  least) these candidates;
* ``NONE``: the name must not be a match (unknown, or a body the registry does not hold).

An optional ``note`` column says why a gold row was corrected (round 10: the conventions of
``docs/linking.md``, "Conventions every list follows"); it is not read.

Counting: a right match is a true positive; a wrong match is a false positive (and a false
negative when an entity was expected); no match where one was expected is a false negative;
any match of an ``AMBIGUOUS`` or ``NONE`` name is a false positive.

The project keeps its lists in ``tests/linking/eval/``: ``names_dev.csv`` (tuned on),
``names_test.csv`` to ``names_test8.csv`` (each written before a round of changes and run once
at its end; :data:`LIST_STATUS` says which were tuned on since), round 7's own
``names_dev7.csv`` (tuned on) and ``names_dev7_held.csv`` (held out while tuning), and
``names_test9.csv`` (an independent writer's, unseen in round 7, round 8's development list),
``names_test10.csv`` (a third writer's, unseen in round 8, round 9's development list) and
``names_test11.csv`` (a fourth writer's, unseen in round 9, round 10's development list).
``diplograph link --evaluate
FILE`` prints the figures.

>>> row = EvalRow("Congo", "en", "AMBIGUOUS:state/COG|state/COD", "", "ambiguous", 2)
>>> row.ambiguous, row.ids
(True, ('state/COG', 'state/COD'))
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..graph.errors import DiplographError
from ..graph.namespaces import ID
from .candidates import MatchResult
from .matcher import Matcher

COLUMNS = ("name", "lang", "expected", "kind", "category")


@dataclass(frozen=True)
class EvalRow:
    """One name of an evaluation list."""

    name: str
    lang: str
    expected: str
    kind: str
    category: str
    line: int

    @property
    def ambiguous(self) -> bool:
        """True when the name must be reported ambiguous."""
        return self.expected.startswith("AMBIGUOUS:")

    @property
    def none(self) -> bool:
        """True when the name must not be matched at all."""
        return self.expected == "NONE"

    @property
    def ids(self) -> tuple[str, ...]:
        """The acceptable entity ids (or the ambiguous candidates)."""
        if self.none:
            return ()
        return tuple(x.strip() for x in self.expected.split(":", 1)[-1].split("|") if x.strip())


@dataclass
class Outcome:
    """The matcher's answer for one row and how it was counted."""

    row: EvalRow
    got: str | None
    verdict: str  # tp | fp | fn | fp+fn | tn
    ambiguity_reported: bool | None = None
    note: str = ""


@dataclass
class Evaluation:
    """Totals of one evaluation run."""

    outcomes: list[Outcome] = field(default_factory=list)

    def _count(self, what: str) -> int:
        return sum(1 for o in self.outcomes if what in o.verdict.split("+"))

    @property
    def tp(self) -> int:
        """True positives."""
        return self._count("tp")

    @property
    def fp(self) -> int:
        """False positives."""
        return self._count("fp")

    @property
    def fn(self) -> int:
        """False negatives."""
        return self._count("fn")

    @property
    def precision(self) -> float:
        """tp / (tp + fp) (1.0 when nothing was matched)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn) (1.0 when no entity was expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def ambiguous_total(self) -> int:
        """Rows that must be reported ambiguous."""
        return sum(1 for o in self.outcomes if o.row.ambiguous)

    @property
    def ambiguous_reported(self) -> int:
        """Ambiguous rows reported ambiguous with all their expected candidates."""
        return sum(1 for o in self.outcomes if o.row.ambiguous and o.ambiguity_reported)

    def failures(self) -> list[Outcome]:
        """Rows counted wrong (or ambiguous rows not reported as such)."""
        return [
            o
            for o in self.outcomes
            if o.verdict not in ("tp", "tn") or (o.row.ambiguous and not o.ambiguity_reported)
        ]

    def by_category(self) -> dict[str, tuple[int, int]]:
        """category -> (right, total)."""
        total: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for o in self.outcomes:
            total[o.row.category] += 1
            ok = o.verdict in ("tp", "tn") and (not o.row.ambiguous or o.ambiguity_reported)
            right[o.row.category] += ok
        return {c: (right[c], total[c]) for c in sorted(total)}

    def summary(self) -> str:
        """A few lines of figures."""
        return (
            f"names: {len(self.outcomes)}\n"
            f"precision: {self.precision:.3f} (tp {self.tp}, fp {self.fp})\n"
            f"recall: {self.recall:.3f} (fn {self.fn})\n"
            f"ambiguous names reported as ambiguous: "
            f"{self.ambiguous_reported}/{self.ambiguous_total}"
        )


def read_list(path: Path) -> list[EvalRow]:
    """Read an evaluation list; a bad row names the file, line and field."""
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as e:
        raise DiplographError("bad-input", f"cannot read {path}: {e}") from e
    rows: list[EvalRow] = []
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise DiplographError(
                "bad-input", f"{path}: line 1: missing column(s) {', '.join(missing)}"
            )
        for i, r in enumerate(reader, start=2):
            if not (r.get("name") or "").strip():
                raise DiplographError("bad-input", f"{path}: line {i}: field 'name' is empty")
            exp = (r.get("expected") or "").strip()
            if not exp:
                raise DiplographError("bad-input", f"{path}: line {i}: field 'expected' is empty")
            rows.append(
                EvalRow(
                    r["name"],
                    (r.get("lang") or "").strip(),
                    exp,
                    (r.get("kind") or "").strip(),
                    (r.get("category") or "").strip(),
                    i,
                )
            )
    return rows


def _id(iri: str) -> str:
    return iri[len(ID("")) :] if iri.startswith(ID("")) else iri


def judge(row: EvalRow, res: MatchResult, body: Callable[[str], str] = str) -> Outcome:
    """Count one answer. ``body`` maps an entity id to the id of the record that stands for its
    body (:meth:`Matcher.stands_for`): a list written when the registry held a body twice
    (``org/SPC`` beside ``org/SPC-org``) names either record."""
    best = res.best
    got = _id(best.entity.iri) if best else None
    if row.ambiguous:
        cands = {_id(c.entity.iri) for c in res.candidates}
        reported = res.ambiguous and {body(i) for i in row.ids} <= cands
        return Outcome(row, got, "fp" if best else "tn", reported, res.note)
    if row.none:
        return Outcome(row, got, "fp" if best else "tn", None, res.note)
    if got is None:
        return Outcome(row, None, "fn", None, res.note)
    ok = got in row.ids or got in {body(i) for i in row.ids}
    return Outcome(row, got, "tp" if ok else "fp+fn", None, res.note)


def evaluate(matcher: Matcher, rows: Iterable[EvalRow]) -> Evaluation:
    """Run the matcher on every row (with its ``kind`` and ``lang`` hints), with up to ten
    candidates as the reconciliation service asks (round 14: a generic name of six bodies,
    "EU executive agency", lists all six)."""
    ev = Evaluation()
    for row in rows:
        lang = row.lang if row.lang in ("en", "vi") else None
        res = matcher.match(row.name, kind=row.kind or None, lang=lang, limit=10)
        ev.outcomes.append(judge(row, res, lambda i: _id(matcher.stands_for(ID(i)))))
    return ev


def render(ev: Evaluation, *, failures: bool = True, categories: bool = False) -> str:
    """The figures, then (optionally) the rows counted wrong and the per-category table."""
    lines = [ev.summary()]
    if categories:
        lines.append("by category (right/total):")
        for cat, (ok, n) in ev.by_category().items():
            lines.append(f"  {cat}: {ok}/{n}")
    if failures:
        fails = ev.failures()
        lines.append(f"rows counted wrong: {len(fails)}")
        for o in fails:
            lines.append(
                f"  line {o.row.line}: {o.row.name!r} expected {o.row.expected}, "
                f"got {o.got or '(no match)'}; {o.note}"
            )
    return "\n".join(lines)


def default_lists() -> list[Path]:
    """The project's evaluation lists (``tests/linking/eval/``) when run from a checkout."""
    folder = Path(__file__).resolve().parents[1] / "tests" / "linking" / "eval"
    return [folder / n for n in LIST_STATUS if (folder / n).is_file()]


#: each list and whether the matcher was tuned on it (its errors looked at) or not: a test list
#: is unseen until its errors are looked at; only its unseen runs measure new names
LIST_STATUS = {
    "names_dev.csv": "tuned on",
    "names_test.csv": "tuned on (held out in round 1)",
    "names_test2.csv": "tuned on (held out in round 2)",
    "names_test3.csv": "tuned on (held out in round 3)",
    "names_test4.csv": "tuned on (round 4's development list)",
    "names_test5.csv": "tuned on after its unseen run at the end of round 4",
    "names_test6.csv": "round 5's development list (after its unseen run)",
    "names_test7.csv": "round 6's development list (after its unseen run)",
    "names_test8.csv": "round 7's development list (after its unseen run)",
    "names_dev7.csv": "round 7's own development list (written before its changes)",
    "names_dev7_held.csv": "round 7's own held-out list (not tuned on)",
    "names_test9.csv": "round 8's development list (after its unseen run)",
    "names_test10.csv": "round 9's development list (after its unseen run)",
    "names_test11.csv": "round 10's development list (after its unseen run)",
    "names_test12.csv": "round 11's development list (after its unseen run)",
    "names_test13.csv": "round 12's development list (after its unseen run)",
    "names_test14.csv": "round 13's development list (after its unseen run)",
    "names_test15.csv": "round 14's development list (after its unseen run)",
    "names_test16.csv": "round 15's development list (after its unseen run)",
    "names_test17.csv": "round 16's development list (after its unseen run)",
    "names_test18.csv": "round 17's development list (after its unseen run)",
    "names_test19.csv": "round 18's development list (after its unseen run)",
    "names_test20.csv": "round 20's development list (after its unseen run)",
    "names_test21.csv": "round 21's development list (after its unseen run)",
    "names_test22.csv": "round 21's development list (after its unseen run)",
    "names_test23.csv": "round 22's development list (after its unseen run)",
    "names_test24.csv": "round 22's development list (after its unseen run)",
    "names_test25.csv": "round 23's development list (after its unseen run)",
    "names_test26.csv": "round 23's development list (after its unseen run)",
    "names_test27.csv": "round 24's development list (after its unseen run)",
    "names_test28.csv": "round 24's development list (after its unseen run)",
    "names_test29.csv": "round 25's development list (after its unseen run)",
    "names_test30.csv": "round 25's development list (after its unseen run)",
    "names_test31.csv": "round 26's development list (after its unseen run)",
    "names_test32.csv": "round 26's development list (after its unseen run)",
    "names_test33.csv": "round 27's development list (after its unseen run)",
    "names_test34.csv": "round 27's development list (after its unseen run)",
    "names_test35.csv": "round 28's development list (after its unseen run)",
    "names_test36.csv": "round 28's development list (after its unseen run)",
    "names_test37.csv": "round 29's development list (after its unseen run)",
    "names_test38.csv": "round 29's development list (after its unseen run)",
    "names_test39.csv": "round 30's development list (after its unseen run)",
    "names_test40.csv": "round 30's development list (after its unseen run)",
    "names_test41.csv": "round 31's development list (after its unseen run)",
    "names_test42.csv": "round 31's development list (after its unseen run)",
    "names_test43.csv": "round 32's development list (after its unseen run)",
    "names_test44.csv": "round 32's development list (after its unseen run)",
    "names_test45.csv": "round 33's development list (after its unseen run)",
    "names_test46.csv": "round 33's development list (after its unseen run)",
    "names_test47.csv": "round 34's development list (after its unseen run)",
    "names_test48.csv": "round 34's development list (after its unseen run)",
    "names_test49.csv": "round 35's development list (after its unseen run)",
    "names_test50.csv": "round 35's development list (after its unseen run)",
    "names_test51.csv": "round 36's development list (after its unseen run)",
    "names_test52.csv": "round 36's development list (after its unseen run)",
    "names_test53.csv": "round 37's development list (after its unseen run)",
    "names_test54.csv": "round 37's development list (after its unseen run)",
    "names_test55.csv": "round 37's development list (after its unseen run)",
    "names_test56.csv": "round 37's development list (after its unseen run)",
    "names_test57.csv": "round 38's development list (after its unseen run)",
    "names_test58.csv": "round 38's development list (after its unseen run)",
    "names_test59.csv": "round 39's development list (after its unseen run)",
    "names_test60.csv": "round 39's development list (after its unseen run)",
    "names_test61.csv": "round 40's development list (after its unseen run)",
    "names_test62.csv": "round 40's development list (after its unseen run)",
    "names_test63.csv": "round 41's development list (after its unseen run)",
    "names_test64.csv": "round 41's development list (after its unseen run)",
    "names_test65.csv": "round 42's development list (after its unseen run)",
    "names_test66.csv": "round 42's development list (after its unseen run)",
    "names_test67.csv": "round 43's development list (after its unseen run)",
    "names_test68.csv": "round 43's development list (after its unseen run)",
    "names_test69.csv": "round 44's development list (after its unseen run)",
    "names_test70.csv": "round 44's development list (after its unseen run)",
    "names_test71.csv": "round 45's development list (after its unseen run)",
    "names_test72.csv": "round 45's development list (after its unseen run)",
    "names_test73.csv": "round 46's development list (after its unseen run)",
    "names_test74.csv": "round 46's development list (after its unseen run)",
    "names_test75.csv": "round 47's development list (after its unseen run)",
    "names_test76.csv": "round 47's development list (after its unseen run)",
    "names_test77.csv": "round 48's development list (after its unseen run)",
    "names_test78.csv": "round 48's development list (after its unseen run)",
    "names_test79.csv": "round 49's development list (after its unseen run)",
    "names_test80.csv": "round 49's development list (after its unseen run)",
    "names_test81.csv": "round 50's development list (after its unseen run)",
    "names_test82.csv": "round 50's development list (after its unseen run)",
    "names_test83.csv": "round 51's development list (after its unseen run)",
    "names_test84.csv": "round 51's development list (after its unseen run)",
    "names_test85.csv": "round 52's development list (after its unseen run)",
    "names_test86.csv": "round 52's development list (after its unseen run)",
    "names_test87.csv": "round 53's development list (after its unseen run)",
    "names_test88.csv": "round 53's development list (after its unseen run)",
    "names_test89.csv": "round 54's development list (after its unseen run)",
    "names_test90.csv": "round 54's development list (after its unseen run)",
    "names_test91.csv": "the next round's development list (round 54's unseen list)",
    "names_test92.csv": "the next round's development list (round 54's unseen list)",
}

#: the runs of each list while it was unseen (precision | recall | ambiguous reported)
UNSEEN_RUNS = {
    "names_test3.csv": "end of round 3: 0.957 / 0.904 / 2/5",
    "names_test4.csv": "round-3 matcher: 0.985 / 0.831 / 4/4",
    "names_test5.csv": (
        "round-3 matcher: 0.984 / 0.851 / 4/5; **end of round 4: 0.971 / 0.919 / 4/5** "
        "(re-scored under round 10's conventions, same matcher: 0.943 / 0.917 / 4/5)"
    ),
    "names_test6.csv": "round-4 matcher: 0.984 / 0.824 / 5/5",
    "names_test7.csv": (
        "**end of round 5: 0.971 / 0.895 / 5/5** (re-scored under round 10's conventions, "
        "same matcher: 0.943 / 0.892 / 5/5)"
    ),
    "names_test8.csv": (
        "round-5 matcher: 0.986 / 0.919 / 3/5; **end of round 6: 0.986 / 0.946 / 3/5**"
    ),
    "names_dev7.csv": "round-6 matcher: 0.959 / 0.723 / 2/6",
    "names_dev7_held.csv": (
        "round-6 matcher: 1.000 / 0.837 / 2/4; mid-round 7 (one run by mistake, not tuned on): "
        "1.000 / 0.980 / 4/4; **end of round 7: 1.000 / 1.000 / 4/4** (re-scored under round "
        "10's conventions, same matchers: round-6 0.927 / 0.826 / 2/4, end of round 7 "
        "0.939 / 1.000 / 4/4)"
    ),
    "names_test9.csv": (
        "**end of round 7: 0.989 / 0.859 / 3/8** (re-scored under round 10's conventions, "
        "same matcher: 0.978 / 0.857 / 3/8)"
    ),
    "names_test10.csv": (
        "**end of round 8: 0.964 / 0.947 / 4/10** (re-scored under round 10's conventions, "
        "same matcher: 0.929 / 0.945 / 4/10)"
    ),
    "names_test11.csv": (
        "**end of round 9: 0.939 / 0.919 / 1/9** (re-scored under round 10's conventions, "
        "same matcher: 0.924 / 0.931 / 1/9)"
    ),
    "names_test12.csv": "**end of round 10: 0.962 / 0.841 / 7/10**",
    "names_test13.csv": "**end of round 11: 0.983 / 0.862 / 6/13**",
    "names_test14.csv": "**end of round 12: 0.984 / 0.815 / 4/10**",
    "names_test15.csv": "**end of round 13: 0.992 / 0.806 / 5/11**",
    "names_test16.csv": "**end of round 14: 0.984 / 0.721 / 2/11**",
    "names_test17.csv": "**end of round 15: 0.969 / 0.599 / 7/12**",
    "names_test18.csv": "**end of round 16: 0.961 / 0.633 / 3/14**",
    "names_test19.csv": "**end of round 17: 0.967 / 0.544 / 4/15**",
    "names_test20.csv": "**end of round 18: 0.977 / 0.577 / 4/9**",
    "names_test21.csv": ("end of round 19: 0.994 / 0.796 / 5/9; "
                         "**end of round 20: 0.995 / 0.809 / 5/9** (re-scored under round "
                         "24's decisions, same matchers: round 19 1.000 / 0.796 / 5/9, end of "
                         "round 20 1.000 / 0.810 / 5/9)"),
    "names_test22.csv": ("end of round 19: 0.975 / 0.529 / 3/13; "
                         "**end of round 20: 0.975 / 0.538 / 3/13**"),
    "names_test23.csv": ("end of round 20: 0.957 / 0.505 / 6/13; "
                         "**end of round 21: 0.967 / 0.665 / 6/13** (re-scored under round "
                         "24's decisions, same matchers: round 20 0.965 / 0.507 / 6/13, end of "
                         "round 21 0.973 / 0.667 / 6/13)"),
    "names_test24.csv": ("end of round 20: 0.991 / 0.530 / 4/14; "
                         "**end of round 21: 0.993 / 0.667 / 4/14**"),
    "names_test25.csv": ("end of round 21: 0.974 / 0.670 / 4/12; "
                         "**end of round 22: 0.982 / 0.733 / 7/12**"),
    "names_test26.csv": ("end of round 21: 0.985 / 0.614 / 2/12; "
                         "**end of round 22: 0.986 / 0.641 / 6/12**"),
    "names_test27.csv": ("end of round 22: 0.968 / 0.705 / 7/11; "
                         "**end of round 23: 0.971 / 0.779 / 7/11**"),
    "names_test28.csv": ("end of round 22: 0.975 / 0.688 / 5/11; "
                         "**end of round 23: 0.976 / 0.741 / 5/11**"),
    "names_test29.csv": ("end of round 23: 0.962 / 0.582 / 7/10; "
                         "**end of round 24: 0.966 / 0.655 / 7/10**"),
    "names_test30.csv": ("end of round 23: 0.993 / 0.658 / 2/11; "
                         "**end of round 24: 1.000 / 0.680 / 3/11**"),
    "names_test31.csv": ("end of round 24: 0.973 / 0.664 / 4/10; "
                         "**end of round 25: 0.976 / 0.727 / 5/10** (re-scored after the "
                         "lead's correction of line 116, same matchers: round 24 0.973 / "
                         "0.661 / 4/10, end of round 25 0.976 / 0.724 / 5/10; and after "
                         "session 17's convention E, lines 39 and 95: 0.973 / 0.667, "
                         "0.976 / 0.731)"),
    "names_test32.csv": ("end of round 24: 0.988 / 0.752 / 6/10; "
                         "**end of round 25: 0.983 / 0.775 / 6/10**"),
    "names_test33.csv": ("end of round 25: 0.969 / 0.684 / 2/10; "
                         "**end of round 26: 0.977 / 0.747 / 3/10** (re-scored after "
                         "session 17's convention E, lines 33-35 and 79-80: round 25 0.969 / "
                         "0.700, round 26 0.977 / 0.764)"),
    "names_test34.csv": ("end of round 25: 0.994 / 0.714 / 6/11; "
                         "**end of round 26: 0.994 / 0.736 / 6/11**"),
    "names_test35.csv": ("end of round 26: 0.968 / 0.702 / 3/10; "
                         "**end of round 27: 0.968 / 0.712 / 3/10** (re-scored after "
                         "session 17's convention E, lines 41, 249 and 250: round 26 0.968 / "
                         "0.712, round 27 0.968 / 0.722)"),
    "names_test36.csv": ("end of round 26: 0.987 / 0.693 / 5/8; "
                         "**end of round 27: 0.987 / 0.697 / 5/8**"),
    "names_test37.csv": ("end of round 27: 0.985 / 0.598 / 4/11; "
                         "**end of round 28: 0.993 / 0.710 / 4/11**"),
    "names_test38.csv": ("end of round 27: 0.974 / 0.659 / 6/10; "
                         "**end of round 28: 0.976 / 0.722 / 6/10**"),
    "names_test39.csv": ("end of round 28: 0.978 / 0.592 / 4/9; "
                         "**end of round 29: 0.978 / 0.610 / 4/9**"),
    "names_test40.csv": ("end of round 28: 0.993 / 0.648 / 7/11; "
                         "**end of round 29: 0.987 / 0.689 / 7/11**"),
    "names_test41.csv": ("end of round 29: 0.949 / 0.661 / 3/10; "
                         "**end of round 30: 0.957 / 0.692 / 3/10**"),
    "names_test42.csv": ("end of round 29: 0.977 / 0.590 / 6/10; "
                         "**end of round 30: 0.977 / 0.594 / 6/10**"),
    "names_test43.csv": ("end of round 30: 0.946 / 0.552 / 2/11; "
                         "**end of round 31: 0.951 / 0.614 / 2/11**"),
    "names_test44.csv": ("end of round 30: 0.966 / 0.505 / 4/11; "
                         "**end of round 31: 0.977 / 0.586 / 5/11** (re-scored after "
                         "session 18's dominion decision, line 48: round 30 0.974 / 0.507, "
                         "round 31 0.985 / 0.587)"),
    "names_test45.csv": ("end of round 31: 0.970 / 0.601 / 3/10; "
                         "**end of round 32: 0.978 / 0.601 / 3/10**"),
    "names_test46.csv": ("end of round 31: 0.981 / 0.456 / 3/11; "
                         "**end of round 32: 1.000 / 0.461 / 5/11**"),
    "names_test47.csv": ("end of round 32: 0.981 / 0.464 / 0/9; "
                         "**end of round 33: 0.982 / 0.482 / 0/9**"),
    "names_test48.csv": ("end of round 32: 0.983 / 0.548 / 4/12; "
                         "**end of round 33: 0.984 / 0.571 / 4/12**"),
    "names_test49.csv": ("end of round 33: 0.992 / 0.547 / 4/13; "
                         "**end of round 34: 0.993 / 0.664 / 6/13**"),
    "names_test50.csv": ("end of round 33: 0.977 / 0.552 / 3/9; "
                         "**end of round 34: 0.987 / 0.665 / 6/9**"),
    "names_test51.csv": ("end of round 34: 0.957 / 0.678 / 3/12; "
                         "**end of round 35: 0.958 / 0.709 / 3/12**"),
    "names_test52.csv": ("end of round 34: 1.000 / 0.683 / 3/9; "
                         "**end of round 35: 1.000 / 0.683 / 3/9**"),
    "names_test53.csv": ("end of round 35: 0.989 / 0.741 / 2/9; "
                         "**end of round 36: 0.989 / 0.762 / 3/9**"),
    "names_test54.csv": ("end of round 35: 0.965 / 0.620 / 4/10; "
                         "**end of round 36: 0.974 / 0.670 / 4/10**"),
    "names_test55.csv": ("end of round 35: 0.978 / 0.606 / 2/10; "
                         "**end of round 36: 0.985 / 0.619 / 2/10**"),
    "names_test56.csv": ("end of round 35: 0.975 / 0.689 / 3/10; "
                         "**end of round 36: 0.976 / 0.728 / 3/10**"),
    "names_test57.csv": ("end of round 36: 0.994 / 0.737 / 2/10; "
                         "**end of round 37: 0.994 / 0.737 / 2/10**"),
    "names_test58.csv": ("end of round 36: 0.993 / 0.650 / 4/10; "
                         "**end of round 37: 0.993 / 0.650 / 4/10**"),
    "names_test59.csv": ("end of round 37: 0.982 / 0.468 / 4/11; "
                         "**end of round 38: 0.988 / 0.677 / 4/11**"),
    "names_test60.csv": ("end of round 37: 0.993 / 0.602 / 7/11; "
                         "**end of round 38: 0.989 / 0.787 / 7/11**"),
    "names_test61.csv": ("end of round 38: 0.994 / 0.801 / 4/10; "
                         "**end of round 39: 0.995 / 0.842 / 4/10**"),
    "names_test62.csv": ("end of round 38: 0.989 / 0.853 / 5/9; "
                         "**end of round 39: 0.990 / 0.876 / 5/9**"),
    "names_test63.csv": ("end of round 39: 0.984 / 0.835 / 4/10; "
                         "**end of round 40: 0.984 / 0.858 / 5/10**"),
    "names_test64.csv": ("end of round 39: 0.995 / 0.815 / 4/10; "
                         "**end of round 40: 0.995 / 0.824 / 5/10**"),
    "names_test65.csv": ("end of round 40: 0.995 / 0.863 / 4/10; "
                         "**end of round 41: 0.995 / 0.867 / 4/10**"),
    "names_test66.csv": ("end of round 40: 0.994 / 0.782 / 9/9; "
                         "**end of round 41: 0.994 / 0.786 / 9/9**"),
    "names_test67.csv": ("end of round 41: 0.994 / 0.784 / 2/9; "
                         "**end of round 42: 0.994 / 0.797 / 2/9**"),
    "names_test68.csv": ("end of round 41: 0.994 / 0.716 / 1/10; "
                         "**end of round 42: 0.994 / 0.743 / 1/10**"),
    "names_test69.csv": ("end of round 42: 0.982 / 0.748 / 2/9; "
                         "**end of round 43: 0.982 / 0.748 / 2/9**"),
    "names_test70.csv": ("end of round 42: 0.994 / 0.805 / 0/10; "
                         "**end of round 43: 0.994 / 0.805 / 6/10**"),
    "names_test71.csv": ("end of round 43: 0.981 / 0.702 / 5/11; "
                         "**end of round 44: 0.975 / 0.716 / 5/11**"),
    "names_test72.csv": ("end of round 43: 0.987 / 0.688 / 0/7; "
                         "**end of round 44: 0.981 / 0.701 / 0/7**"),
    "names_test73.csv": ("end of round 44: 0.950 / 0.530 / 0/11; "
                         "**end of round 45: 0.950 / 0.530 / 0/11**"),
    "names_test74.csv": ("end of round 44: 0.980 / 0.664 / 2/10; "
                         "**end of round 45: 0.980 / 0.664 / 3/10**"),
    "names_test75.csv": ("end of round 44: 0.943 / 0.224 / 1/10; "
                         "end of round 45: 0.945 / 0.233 / 1/10; "
                         "**end of round 46: 0.948 / 0.247 / 2/10**"),
    "names_test76.csv": ("end of round 44: 0.962 / 0.470 / 2/10; "
                         "end of round 45: 0.962 / 0.474 / 2/10; "
                         "**end of round 46: 0.973 / 0.502 / 2/10**"),
    "names_test77.csv": ("end of round 46: 1.000 / 0.408 / 5/10; "
                         "**end of round 47: 1.000 / 0.418 / 5/10**"),
    "names_test78.csv": ("end of round 46: 1.000 / 0.286 / 0/10; "
                         "**end of round 47: 1.000 / 0.323 / 0/10**"),
    "names_test79.csv": ("end of round 47: 0.988 / 0.368 / 0/10; "
                         "**end of round 48: 0.989 / 0.400 / 0/10**"),
    "names_test80.csv": ("end of round 47: 0.937 / 0.273 / 0/10; "
                         "**end of round 48: 0.952 / 0.370 / 0/10**"),
    "names_test81.csv": ("end of round 48: 0.988 / 0.377 / 0/10; "
                         "**end of round 49: 0.988 / 0.377 / 0/10**"),
    "names_test82.csv": ("end of round 48: 0.984 / 0.573 / 3/12; "
                         "**end of round 49: 0.984 / 0.573 / 3/12**"),
    "names_test83.csv": ("end of round 49: 0.993 / 0.659 / 0/10; "
                         "**end of round 50: 0.993 / 0.659 / 0/10**"),
    "names_test84.csv": ("end of round 49: 0.977 / 0.616 / 6/9; "
                         "**end of round 50: 0.977 / 0.616 / 6/9**"),
    "names_test85.csv": ("end of round 50: 0.971 / 0.463 / 4/10; "
                         "**end of round 51: 0.971 / 0.477 / 4/10**"),
    "names_test86.csv": ("end of round 50: 0.992 / 0.538 / 0/9; "
                         "**end of round 51: 0.993 / 0.624 / 0/9**"),
    "names_test87.csv": ("end of round 51: 0.977 / 0.578 / 2/10; "
                         "**end of round 52: 0.977 / 0.592 / 2/10**"),
    "names_test88.csv": ("end of round 51: 0.993 / 0.688 / 2/10; "
                         "**end of round 52: 0.993 / 0.688 / 2/10**"),
    "names_test89.csv": ("end of round 52: 0.979 / 0.438 / 0/10; "
                         "**end of round 53: 0.979 / 0.438 / 0/10**"),
    "names_test90.csv": ("end of round 52: 0.971 / 0.466 / 1/8; "
                         "**end of round 53: 0.971 / 0.466 / 1/8**"),
    "names_test91.csv": ("end of round 53: 0.983 / 0.493 / 0/11; "
                         "**end of round 54: 0.985 / 0.559 / 0/11**"),
    "names_test92.csv": ("end of round 53: 1.000 / 0.518 / 6/10; "
                         "**end of round 54: 1.000 / 0.523 / 6/10**"),
}


def markdown_section(matcher: Matcher, lists: Iterable[Path]) -> str:
    """The "Matcher evaluation" section of ``docs/linking-report.md``."""
    from .names import future_targets

    out = [
        "## Matcher evaluation",
        "",
        "Generated by `diplograph link --report` from the evaluation lists in",
        "`tests/linking/eval/` (run one with `diplograph link --evaluate FILE --failures`).",
        "`names_dev.csv` is the list the changes are tuned on. Each test list was written before",
        "a round of changes, from the data sets and public sources (never from the matcher's",
        "output), and run once at the round's end; the next round looked at its errors, so only",
        "the newest test list measures names the matcher has never seen. In round 6,",
        "`names_test8.csv` (90 names) was written before any change and run once at the round's",
        "end (**0.986 / 0.946 / 3 of 5**); in round 7 it became a development list. Round 7",
        "wrote two lists of its own before any change (every class of the issue in both",
        "languages, none of an earlier list, each expected id checked against the registry's",
        "records): `names_dev7.csv` (81 names, tuned on; the round-6 matcher scored 0.959 / 0.723",
        "/ 2 of 6 on it) and `names_dev7_held.csv` (60 names, held out: run with the round-6",
        "matcher for figures only, once mid-round by mistake, and once at the end; 8 of its",
        "names were looked at while tuning, see docs/linking.md). The same writer wrote both,",
        "so the held-out figure is weaker evidence than an independent list: `names_test9.csv`,",
        "written meanwhile by another writer and never seen, was the round's unseen figure",
        "(**0.989 / 0.859 / 3 of 8**); in round 8 it became the development list (its errors",
        "read and fixed by class; figures after that are \"after reading its errors\"), and",
        "a list written meanwhile by another independent writer, never seen here, is round 8's",
        "unseen list.",
        "Round 10: every list's gold follows the conventions of docs/linking.md (\"Conventions",
        "every list follows\": a three-letter code two code systems give to different states is",
        "ambiguous; a former regime the registry has no record of is no match); rows corrected",
        "to them carry a `note`, and an unseen run re-scored under them is labelled so beside",
        "its published figure (re-run with the matcher of that run, where it reproduces the",
        "published figure).",
        "A list written when the registry held a body twice may name either record",
        "(`org/SPC` or `org/SPC-org`): the evaluation compares bodies.",
        "`unseen runs` gives each list's figures while it was unseen (precision / recall /",
        "ambiguous reported).",
        "An ambiguous name counts as reported when it is not matched, is flagged ambiguous and",
        "lists every expected candidate.",
        "",
        "| list | status | names | precision | recall | ambiguous reported | unseen runs |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    evs = []
    for path in lists:
        ev = evaluate(matcher, read_list(path))
        evs.append((path, ev))
        out.append(
            f"| `{path.name}` | {LIST_STATUS.get(path.name, '')} | {len(ev.outcomes)} | "
            f"{ev.precision:.3f} | {ev.recall:.3f} | "
            f"{ev.ambiguous_reported}/{ev.ambiguous_total} | {UNSEEN_RUNS.get(path.name, '')} |"
        )
    for path, ev in evs:
        out += ["", f"### `{path.name}` by category (right/total)", ""]
        out.append(", ".join(f"{c} {ok}/{n}" for c, (ok, n) in ev.by_category().items()))
        fails = ev.failures()
        out += ["", f"Rows counted wrong in `{path.name}`: {len(fails)}", ""]
        for o in fails:
            out.append(
                f"- `{o.row.name}` expected `{o.row.expected}`, got `{o.got or 'no match'}`"
                + (f": {o.note}" if o.note else "")
            )
    out += [
        "",
        "## Names that point at IRIs of the reference-data branch",
        "",
        "These names (in `linking/names/predecessors.yaml`) name the ISO 3166-3 based IRI of a",
        "historical state first; until that IRI exists in the registry they resolve to the older",
        "IRI named after it. Pending names (no IRI exists; no match, never another entity: "
        "regimes the registry does not hold): "
        + (", ".join(f"`{r.text}`" for r in matcher.pending_names) or "none") + ".",
        "",
    ]
    for text, iri in future_targets():
        exists = matcher.registry.by_iri(ID(iri)) is not None
        out.append(f"- `{text}` -> `{iri}`" + ("" if exists else " (not yet in the registry)"))
    out.append("")
    return "\n".join(out)
