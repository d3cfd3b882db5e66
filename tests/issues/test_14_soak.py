"""Issue 14: a short soak of the real service (the harness of ``python -m bench soak``).

Eight clients for 20 s on a copy of the real graph, with a write every second and the busiest
entity pages fetched in turn: no error, no acknowledged write lost, the server up at the end.
Latency and memory are reported, not asserted (speed targets live in bench/, with the 10-minute
soak's published figures in docs/benchmarks.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("psutil")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench import soak  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.harness]


def test_short_soak_loses_nothing(built_store_path: Path, tmp_path: Path) -> None:
    s = soak.run_soak(built_store_path, duration=20, clients=8, write_every=1.0,
                      sample_every=2.0, workers=2, threads=None, out_dir=tmp_path / "out",
                      tag="test", work_dir=tmp_path / "work")
    assert s["light_requests"] > 100
    assert s["errors"] == 0, s["statuses"]
    assert s["writes_acknowledged"] >= 10 and not s["writes_failed"], s["writes_failed"]
    assert s["acknowledged_writes_lost"] == []
    assert s["page_errors"] == [] and all(p["n"] >= 1 for p in s["pages"].values())
    assert s["server_alive_at_end"] and s["worker_crashes_logged"] == 0
    md = (tmp_path / "out" / f"{s['name']}.md").read_text()
    assert "no acknowledged write lost" in md and "| holds |" in md
    assert (tmp_path / "out" / f"{s['name']}.csv").read_text().startswith("t_s,rss_mb")
