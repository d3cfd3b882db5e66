"""Query threads and worker processes (graph/isolation.py): the time limit answers on time."""

from __future__ import annotations

import threading
import time

import pytest

from diplograph.graph.isolation import Busy, QueryThreads


def test_a_call_returns_its_result_and_its_error() -> None:
    threads = QueryThreads(2)
    try:
        assert threads.run(lambda x: x + 1, 1, timeout=5) == 2
        with pytest.raises(ZeroDivisionError):
            threads.run(lambda: 1 / 0, timeout=5)
    finally:
        threads.stop()


def test_the_limit_answers_on_time_and_the_runaway_holds_its_slot() -> None:
    threads = QueryThreads(1, wait=0.05)
    release = threading.Event()
    try:
        t = time.monotonic()
        with pytest.raises(TimeoutError):
            threads.run(release.wait, 10, timeout=0.3)
        assert 0.25 <= time.monotonic() - t < 1.5
        assert threads.runaways == 1
        with pytest.raises(Busy):  # no waiting behind a runaway
            threads.run(lambda: 1, timeout=1)
        release.set()
        deadline = time.monotonic() + 5
        while threads.runaways and time.monotonic() < deadline:
            time.sleep(0.01)
        assert threads.run(lambda: 1, timeout=1) == 1
    finally:
        release.set()
        threads.stop()


def test_the_limit_counts_from_the_start_of_the_call() -> None:
    """A call that waited for a free thread still gets its whole limit once started."""
    threads = QueryThreads(1, wait=5)
    try:
        first = threading.Thread(target=threads.run, args=(time.sleep, 0.3), kwargs={"timeout": 5})
        first.start()
        time.sleep(0.05)
        t = time.monotonic()
        assert threads.run(lambda: time.sleep(0.4) or "done", timeout=0.6) == "done"
        assert time.monotonic() - t >= 0.6  # waited ~0.25 s, then ran 0.4 s within 0.6
        first.join()
    finally:
        threads.stop()
