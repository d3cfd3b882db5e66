"""Fuzz the facts loader: mutated copies of the real facts files must be refused cleanly.

Each example takes one of the bundled ``sources/*.facts.yaml`` files and mutates it, first as
data (drop, duplicate, rename or retype keys; swap scalars for lists and maps; odd dates and
numbers), then as text (inject YAML tags, anchors and aliases, unquoted odd scalars, nesting
bombs, truncation, random bytes, duplicated or deleted lines). It is then loaded into a real
on-disk store. The property: the loader either accepts the file or raises
``DiplographError`` whose every detail reads ``file:line: ...``, and a refused load leaves the
store exactly as it was. Any other exception is a bug.

The test suite runs a short pass (``tests/issues/test_14_facts_fuzz.py``, 200 examples by
default, ``DIPLOGRAPH_FUZZ_EXAMPLES`` to change it). A maintainer runs a long one with::

    .venv/bin/python -m bench.fuzz_loader --examples 20000 [--seed N] [--memory-mb 2048]

which prints how many mutants were accepted and refused, the most common messages, the
examples per second and the peak RSS, under an address-space limit (``--memory-mb``), and
exits 1 on the first failure (with the file that caused it). Needs the ``test`` extra
(hypothesis).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml
from hypothesis import strategies as st

from diplograph.graph.errors import DiplographError
from diplograph.loaders.facts import load_facts_file

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
REAL_FILES = sorted(p.name for p in SOURCES.glob("*.facts.yaml"))
LOADED_AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

ODD_STRINGS = [
    "2020-02-31", "2021-02-29", "1954-13-01", "0000", "0000-01-01", "1990s", "199s", "2023-1",
    "NaN", "nan", "Infinity", "-Infinity", "1e999999", "85 million", "-5", "0", "", " ",
    "fact:", "fact:nowhere", "../x.txt", "/etc/hostname", ".", "..", "a\\b", "USD", "EUR",
    "many", "P2Y", "P", "relation", "established", "Mongolia", "Mông Cổ", "nowhere-land",
    "x" * 300, "\u202e", "\ufeff", "<script>", "' OR 1=1", "en-abcdefghijk", "vi", "e",
]
ODD_PLAIN = [  # written unquoted into the YAML text
    "2020-02-31", "2020-02-31 10:00:00", "2001-12-14t21:59:43.10-05:00", ".nan", "NaN", ".inf",
    "-.inf", "Infinity", "1e400", "1.0e+400", "0x1F", "0o17", "0b101", "1_000", "190:20:30",
    "=", "<<", "~", "null", "yes", "no", "on", "off", "true", "-0", "+12", "007", "1.5",
    "'unclosed", '"unclosed', '"\\ud800"', '"\\x00"', '"\\U0001F600"', "|", ">", "{", "[", "]",
    "}", ",", "?", "- ", "%", "@", "`", "!", "&", "*", "#", "9" * 5000, "[" * 60 + "]" * 60,
    "{a: " * 60 + "}" * 60, "[[[[[[[[", "{x: [1, {y: [2, {z: 3}]}]}",
]
TAGS = ["!!int ", "!!float ", "!!str ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ",
        "!!set ", "!!omap ", "!!pairs ", "!!map ", "!!seq ", "!!python/object/apply:os.system ",
        "!!python/name:os.system ", "!local ", "! ", "!<tag:yaml.org,2002:str> "]


def real_data() -> dict[str, Any]:
    """The real facts files, parsed (plain YAML, read once)."""
    return {name: yaml.safe_load((SOURCES / name).read_text(encoding="utf-8"))
            for name in REAL_FILES}


_DATA = real_data()
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``data`` (map keys and list indices)."""
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*path, i))
    return out


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        data = data[p]
    return data


def odd_values() -> st.SearchStrategy[Any]:
    """Values of the wrong kind, or of the right kind with an odd value."""
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(-(2**70), 2**70),
        st.integers(-3, 20), st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from(ODD_STRINGS), st.text(max_size=12),
        st.dates().map(lambda d: d.isoformat()),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=3),
                                st.dictionaries(st.sampled_from(["from", "to", "en", "vi", "x",
                                                                 "actor", "role", "label"]),
                                                inner, max_size=3)),
        max_leaves=6,
    )


KEYS = ["id", "type", "quote", "occurrence", "note", "member", "organization", "roles",
        "start", "end", "parties", "status", "date", "instrument", "title", "signed",
        "fields", "signed_at", "quantity", "event_type", "participants", "place", "value",
        "value_min", "value_max", "multiplier", "currency", "period", "partial_period",
        "count", "count_scope", "claim_type", "file", "language", "format", "document",
        "facts", "as_of", "kind", "x-unknown", "<<", "1", ""]


@st.composite
def structural_mutation(draw: st.DrawFn, data: Any) -> Any:
    """One mutation of the parsed data, in place."""
    paths = [p for p in _paths(data) if p]
    path = draw(st.sampled_from(paths))
    parent, key = _get(data, path[:-1]), path[-1]
    action = draw(st.sampled_from(["drop", "retype", "wrap-list", "wrap-map", "unwrap",
                                   "duplicate", "rename", "add"]))
    value = parent[key]
    if action == "drop":
        del parent[key]
    elif action == "retype":
        parent[key] = draw(odd_values())
    elif action == "wrap-list":
        parent[key] = [value]
    elif action == "wrap-map":
        parent[key] = {draw(st.sampled_from(KEYS)): value}
    elif action == "unwrap":
        if isinstance(value, list) and value:
            parent[key] = value[0]
        elif isinstance(value, dict) and value:
            parent[key] = next(iter(value.values()))
        else:
            parent[key] = draw(odd_values())
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(value))
    elif action in ("rename", "duplicate") and isinstance(parent, dict):
        new = draw(st.sampled_from(KEYS))
        del parent[key]
        parent[new] = value
    else:  # add
        target = value if isinstance(value, dict) else parent
        if isinstance(target, dict):
            target[draw(st.sampled_from(KEYS))] = draw(odd_values())
        else:
            target.append(draw(odd_values()))
    return data


def _value_line(draw: st.DrawFn, lines: list[str]) -> int | None:
    candidates = [i for i, line in enumerate(lines) if re.match(r"\s*(- )?[\w-]+: \S", line)]
    return draw(st.sampled_from(candidates)) if candidates else None


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> str:
    """One mutation of the YAML text."""
    lines = text.split("\n")
    action = draw(st.sampled_from(["tag", "anchor-alias", "odd-plain", "truncate", "bytes",
                                   "delete-line", "duplicate-line", "indent", "bomb",
                                   "nest"]))
    if action in ("tag", "odd-plain", "nest"):
        i = _value_line(draw, lines)
        if i is not None:
            key, _, value = lines[i].partition(": ")
            if action == "tag":
                lines[i] = f"{key}: {draw(st.sampled_from(TAGS))}{value}"
            elif action == "odd-plain":
                lines[i] = f"{key}: {draw(st.sampled_from(ODD_PLAIN))}"
            else:
                n = draw(st.integers(1, 3000))
                lines[i] = f"{key}: {'[' * n}{value}{']' * n}"
    elif action == "anchor-alias":
        i, j = _value_line(draw, lines), _value_line(draw, lines)
        if i is not None and j is not None and i != j:
            key, _, value = lines[i].partition(": ")
            lines[i] = f"{key}: &a {value}"
            key, _, _ = lines[j].partition(": ")
            lines[j] = f"{key}: *a"
    elif action == "bomb":
        bomb = ["laugh0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        bomb += [f"laugh{k}: &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, 9)]
        lines[1:1] = bomb
    elif action == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    elif action == "delete-line" and len(lines) > 1:
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif action == "duplicate-line":
        i = draw(st.integers(0, len(lines) - 1))
        lines.insert(i, lines[i])
    elif action == "indent":
        i = draw(st.integers(0, len(lines) - 1))
        lines[i] = draw(st.sampled_from([" ", "\t", "   ", ""])) + lines[i].lstrip(" ")
    return "\n".join(lines)


@st.composite
def mutated_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(the real file it came from, the mutated bytes)."""
    name = draw(st.sampled_from(REAL_FILES))
    data = copy.deepcopy(_DATA[name])
    for _ in range(draw(st.integers(0, 3))):
        data = draw(structural_mutation(data))
    try:
        text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    except yaml.YAMLError:  # a value PyYAML cannot write: keep the file as it was
        text = (SOURCES / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(0, 2))):
        text = draw(text_mutation(text))
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # random bytes somewhere
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    return name, raw


class LoaderTarget:
    """A folder with the real document texts and a real on-disk store to load into."""

    def __init__(self, folder: Path) -> None:
        from diplograph.loaders.registry import load_registry

        self.folder = folder
        for p in SOURCES.glob("*.txt"):
            shutil.copy(p, folder / p.name)
        self.store = ox.Store(str(folder / "store"))
        self.registry = load_registry()
        for name in REAL_FILES:  # the store starts with both real graphs
            shutil.copy(SOURCES / name, folder / name)
            load_facts_file(self.store, folder / name, self.registry, loaded_at=LOADED_AT)
        self.path = folder / "mutant.facts.yaml"

    def state(self) -> str:
        """A digest of every quad in the store (N-Quads are in index order: stable)."""
        return hashlib.sha256(self.store.dump(format=ox.RdfFormat.N_QUADS)).hexdigest()

    def check(self, raw: bytes) -> str:
        """Load ``raw``; return "accepted" or the refusal's first detail. Raise AssertionError
        if the property is broken (any exception but DiplographError propagates as is)."""
        self.path.write_bytes(raw)
        before = self.state()
        try:
            load_facts_file(self.store, self.path, self.registry, loaded_at=LOADED_AT)
        except DiplographError as e:
            assert self.state() == before, "a refused load changed the store"
            assert str(self.path) in e.message, e.message
            assert e.details, f"no file:line detail: {e}"
            for d in e.details:
                assert re.match(re.escape(str(self.path)) + r":\d+: \S", d), d
            return e.details[0]
        return "accepted"


def message_class(detail: str) -> str:
    """A detail with the file, line and quoted values removed (to count kinds of refusal)."""
    text = re.sub(r"^.*?:\d+: ", "", detail)
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", text)
    return text[:90]


def run(examples: int, seed: int | None, report: Callable[[str], None]) -> int:
    """The long run: ``examples`` mutants; returns the exit status."""
    from hypothesis import HealthCheck, given, settings

    counts: Counter[str] = Counter()
    failure: list[bytes] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fuzz-loader-") as tmp:
        target = LoaderTarget(Path(tmp))

        @settings(max_examples=examples, deadline=None, database=None, derandomize=seed is None,
                  suppress_health_check=list(HealthCheck))
        @given(mutated_file())
        def prop(case: tuple[str, bytes]) -> None:
            try:
                outcome = target.check(case[1])
            except BaseException:
                failure[:] = [case[1]]
                raise
            counts["accepted" if outcome == "accepted" else "refused"] += 1
            if outcome != "accepted":
                counts["msg: " + message_class(outcome)] += 1

        if seed is not None:
            from hypothesis import seed as hseed

            prop = hseed(seed)(prop)
        try:
            prop()
        except Exception as e:  # noqa: BLE001 - reported with the input that caused it
            bad = Path(tempfile.gettempdir()) / "fuzz-loader-failure.facts.yaml"
            if failure:
                bad.write_bytes(failure[0])
            import traceback

            report(f"FAILED: {type(e).__name__}: {e}\n{traceback.format_exc()}\n"
                   f"the input is in {bad}")
            return 1
    dt_s = time.perf_counter() - t0
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = counts["accepted"] + counts["refused"]
    report(f"{n} mutants in {dt_s:.1f} s ({n / max(dt_s, 1e-9):.1f}/s): "
           f"{counts['accepted']} accepted, {counts['refused']} refused, 0 failures; "
           f"peak RSS {rss:.0f} MB")
    for msg, k in counts.most_common(25):
        if msg.startswith("msg: "):
            report(f"{k:6d}  {msg[5:]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fuzz_loader", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=None, help="a random seed (default: fixed)")
    ap.add_argument("--memory-mb", type=int, default=2048,
                    help="address-space limit of this process (0: none)")
    args = ap.parse_args(argv)
    if args.memory_mb:
        import resource

        limit = args.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return run(args.examples, args.seed, lambda m: print(m, flush=True))


if __name__ == "__main__":
    sys.exit(main())
