"""ATOP's fast reading path (#17 build rate): a plain file is split on commas, any other goes
through the CSV reader; both give the same lines, and a malformed row is refused with file,
line and column either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.graph.errors import DiplographError
from diplograph.loaders import atop
from diplograph.loaders.state_periods import StatePeriods

HEADER = ",".join(atop.COLUMNS)
ROWS = [
    "2,20,1942,1,1,0,0,0",
    "20,2,1942,1,0,0,0,0",
    "2,20,1943,1,1,0,0,0",
    "20,2,1943,1,0,0,0,0",
    "2,200,1950,0,0,0,0,1",
    "200,2,1950,0,0,0,0,1",
    "2,200,1951,0,0,0,0,0",
]


@pytest.fixture(scope="module")
def periods() -> StatePeriods:
    return StatePeriods.load()


def _lines(tmp_path: Path, text: str, periods: StatePeriods) -> list[str]:
    path = tmp_path / atop.FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return list(atop.quads(tmp_path, periods, lambda _m: None))


def _csv(rows: list[str], newline: str = "\n") -> str:
    return newline.join([HEADER, *rows]) + newline


def test_plain_quoted_and_crlf_files_give_the_same_lines(tmp_path: Path, periods) -> None:  # noqa: ANN001
    plain = _lines(tmp_path / "plain", _csv(ROWS), periods)
    assert any("/fact/atop/2-20-1942>" in line for line in plain)
    assert any("/fact/atop/2-200-1950>" in line for line in plain)
    # quoted cells: the CSV reader's path
    quoted = [",".join(f'"{c}"' for c in row.split(",")) for row in ROWS]
    assert _lines(tmp_path / "quoted", _csv(quoted), periods) == plain
    assert _lines(tmp_path / "crlf", _csv(ROWS, "\r\n"), periods) == plain


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2,20", ":4: (row): 2 cells where the header has 8"),
        ("", ":4: (row): 0 cells where the header has 8"),
        ("2,20,1944,1,0,0,0,0,1", ":4: (row): 9 cells where the header has 8"),
        ("2,20,1944,1,0,0,0", ":4: (row): 7 cells where the header has 8"),
        ("2,20,1944,1,0,2,0,0", ":4: atop_neutral: '2' is not 0 or 1"),
        ("2,2,1944,1,0,0,0,0", ":4: ccode2: a state allied with itself (2)"),
        ("2,20,19x4,1,0,0,0,0", ":4: year: '19x4' is not a whole number"),
    ],
)
def test_a_malformed_row_is_refused_with_its_line(tmp_path: Path, periods, row: str,  # noqa: ANN001
                                                  message: str) -> None:
    rows = [*ROWS[:2], row, *ROWS[2:]]
    for kind, text in (("plain", _csv(rows)), ("crlf", _csv(rows, "\r\n"))):
        with pytest.raises(DiplographError) as err:
            _lines(tmp_path / kind, text, periods)
        assert err.value.kind == "bad-input"
        assert f"{atop.FILE}{message}" in str(err.value), (kind, str(err.value))
