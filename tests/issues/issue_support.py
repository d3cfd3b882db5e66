"""Helpers for the regression tests of issue 14: the real server as a process, its workers."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server"))

from server_support import AUTH, TOKEN, LiveServer, fill_store, free_port  # noqa: E402

__all__ = ["AUTH", "TOKEN", "LiveServer", "children", "fill_store", "free_port", "open_fds",
           "rss_kb", "wait_for", "worker_pids"]


def children(pid: int) -> list[int]:
    """The live (not zombie) child processes of ``pid`` (Linux ``/proc``)."""
    kids: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    for t in tasks:
        try:
            kids += [int(c) for c in Path(f"/proc/{pid}/task/{t}/children").read_text().split()]
        except OSError:
            continue
    alive = []
    for k in kids:
        try:
            state = Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(k)
    return sorted(set(alive))


def worker_pids(server: LiveServer, n: int = 2, timeout: float = 30.0) -> list[int]:
    """The pids of the server's ``n`` HTTP worker processes, once they are all up (not the
    search index's builder, a short-lived child named ``search-index``)."""
    deadline = time.monotonic() + timeout
    while True:
        kids = [k for k in children(server.proc.pid) if _comm(k) != "search-index"]
        if len(kids) >= n:
            return kids
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(kids)} workers, not {n}")
        time.sleep(0.1)


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def open_fds(pid: int) -> int:
    """How many file descriptors ``pid`` has open."""
    return len(os.listdir(f"/proc/{pid}/fd"))


def rss_kb(pid: int) -> int:
    """The resident memory of ``pid`` in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def wait_for(check: Callable[[], object], timeout: float, step: float = 0.1) -> bool:
    """Whether ``check()`` became true within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return bool(check())
