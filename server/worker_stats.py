"""Counters of all worker processes, summed for ``/health``.

Under ``diplograph serve`` each worker process has its own caches, so the ``/health`` of one
worker would show a fraction of the traffic. Each worker therefore writes its counters to
``<dir>/<pid>.json`` (atomically, at most four times a second, from a daemon thread, and at once
when it answers ``/health``), and ``/health`` sums the files of the live processes.

>>> import tempfile, subprocess
>>> d = Path(tempfile.mkdtemp())
>>> pub = StatsPublisher(d, lambda: {"cache": {"hits": 2, "misses": 1}})
>>> pub.publish_now()
>>> gone = subprocess.Popen(["true"]); _ = gone.wait()
>>> _ = (d / f"{gone.pid}.json").write_text('{"cache": {"hits": 5, "misses": 0}}')
>>> aggregate(d)
{'cache': {'hits': 2, 'misses': 1}, 'processes': 1}
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["StatsPublisher", "aggregate"]

Stats = dict[str, dict[str, int]]


class StatsPublisher:
    """Write this process's counters (``collect()``) to ``directory/<pid>.json``."""

    def __init__(self, directory: Path, collect: Callable[[], Stats],
                 interval: float = 0.25) -> None:
        self.directory = Path(directory)
        self.collect = collect
        self.interval = interval
        self._last = ""
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Publish every ``interval`` seconds from a daemon thread."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="diplograph-stats",
                                            daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while True:
            time.sleep(self.interval)
            with contextlib.suppress(OSError):
                self.publish_now()

    def publish_now(self) -> None:
        """Write the counters if they changed since the last write."""
        text = json.dumps(self.collect(), sort_keys=True)
        if text == self._last:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        pid = os.getpid()
        tmp = self.directory / f".{pid}.json.tmp"
        tmp.write_text(text)
        os.replace(tmp, self.directory / f"{pid}.json")
        self._last = text


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def aggregate(directory: Path) -> dict[str, Any]:
    """The counters of the live processes that published in ``directory``, summed per
    section, and how many processes were counted."""
    total: dict[str, dict[str, int]] = {}
    n = 0
    for f in sorted(Path(directory).glob("*.json")):
        try:
            pid = int(f.stem)
        except ValueError:
            continue
        if not _alive(pid):
            continue
        try:
            stats = json.loads(f.read_text())
        except (OSError, ValueError):
            continue
        n += 1
        for section, values in stats.items():
            into = total.setdefault(section, {})
            for k, v in values.items():  # max_bytes too: the budgets add up
                into[k] = into.get(k, 0) + int(v)
    return {**total, "processes": n}
