"""The sorted lines of a release (``graph/release_files.py``): the sort in runs merged from
disk and the merge of the graphs' files give every line once, in bytewise order, whatever the
runs and blocks; the sort's lists have ``batch`` lines each, so the chunks cut from them (and
the TriG, Turtle and JSON-LD written from the chunks) do not depend on the runs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from diplograph.graph.release_files import merge_sorted_files, sorted_lines


def _lines(rng: random.Random, n: int) -> list[bytes]:
    # long shared starts and lines that are prefixes of others' text, as N-Triples have
    subjects = [f"<http://e/{rng.choice('ab')}{i}>" for i in range(n // 5 + 1)]
    return list({f"{rng.choice(subjects)} <http://e/p{rng.randint(0, 3)}> "
                 f"\"{'x' * rng.randint(0, 3)}{rng.randint(0, 99)}\" .\n".encode()
                 for _ in range(n)})


@pytest.mark.parametrize("sort_bytes", [64, 1000, 10**6])
def test_sorted_lines_in_runs_are_every_line_sorted_in_lists_of_batch_lines(
    tmp_path: Path, sort_bytes: int
) -> None:
    rng = random.Random(sort_bytes)
    lines = _lines(rng, 3000)
    path = tmp_path / "g.nt"
    path.write_bytes(b"".join(lines))
    batches = list(sorted_lines(path, tmp_dir=tmp_path / "sort", sort_bytes=sort_bytes,
                                batch=100))
    assert [x for b in batches for x in b] == sorted(lines)
    if sort_bytes < 10**6:  # in runs: lists of ``batch`` lines, the last one shorter
        assert {len(b) for b in batches[:-1]} == {100} and 0 < len(batches[-1]) <= 100
    assert not list((tmp_path / "sort").glob("*"))  # the runs are removed


@pytest.mark.parametrize("block", [1, 50, 1 << 20])
def test_merged_files_are_every_line_sorted(tmp_path: Path, block: int) -> None:
    import io

    rng = random.Random(block)
    everything = _lines(rng, 5000)
    paths = []
    for k in range(7):  # a file may be empty; the same line may be in two files
        mine = sorted(x for x in everything if rng.random() < 0.3) if k != 3 else []
        paths.append(tmp_path / f"{k}.nq")
        paths[-1].write_bytes(b"".join(mine))
    out = io.BytesIO()
    n = merge_sorted_files(paths, out, block=block)
    want = sorted(x for p in paths for x in p.read_bytes().splitlines(keepends=True))
    assert out.getvalue() == b"".join(want) and n == len(want)
