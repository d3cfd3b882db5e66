"""Issue 14, defect 8: the loader fuzzer (``bench/fuzz_loader.py``) finds no failure.

Mutants of the two real facts files (structure, tags, aliases, odd dates and numbers,
truncation, random bytes) are loaded into a real on-disk store; each must be accepted or
refused with ``DiplographError`` and ``file:line:`` details, a refusal must leave the store as
it was, and the whole run must stay under an address-space limit (alias bombs and nesting
bombs are among the mutants). The run happens in a subprocess so that the limit applies to
it alone. ``DIPLOGRAPH_FUZZ_EXAMPLES`` sets the number of mutants (default 200: about 20 s
of CPU); ``python -m bench.fuzz_loader --examples 20000`` is the long run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("DIPLOGRAPH_FUZZ_EXAMPLES", "200"))

pytest.importorskip("hypothesis")


@pytest.mark.slow
@pytest.mark.harness
def test_loader_fuzzer_finds_no_failure() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.fuzz_loader", "--examples", str(EXAMPLES),
         "--memory-mb", "2048"],
        cwd=ROOT, capture_output=True, text=True, timeout=max(600, EXAMPLES * 3))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-6000:]
    m = re.search(r"(\d+) mutants in .*: (\d+) accepted, (\d+) refused, 0 failures", out)
    assert m, out[-3000:]
    assert int(m[1]) >= EXAMPLES // 2  # hypothesis may stop a little early
    assert int(m[3]) > EXAMPLES // 2  # most mutants are broken, and were refused cleanly
    assert "anchors and aliases" in out  # the bombs were among them
