"""End a worker that outlives its server, with no help from the worker's own Python.

Run as a script (``python -I -S worker_watch.py SERVER WORKER GRACE``) by
:func:`diplograph.server.supervisor.die_with_parent`, as a child of the worker: it imports
nothing of diplograph and holds none of the worker's descriptors. It sleeps in ``select`` on
two pidfds, the server's and the worker's. When the worker ends first, so does the watch.
When the server ends first, the worker has ``GRACE`` seconds to end by itself (the kernel's
SIGTERM, the worker's own watchdog and deadline); then the watch sends it SIGKILL and says so
on standard error (the server's log). This covers what the worker's own deadline cannot: a
worker whose threads cannot run because one of them sleeps in a call that holds the GIL (a
worker outlived its server by more than 15 s that way in a fresh-clone CI run, session 25).

Signals go through the pidfd, so a pid reused after the worker ended is never hit. Without
pidfds (Linux before 5.3) the script returns at once and the worker's own deadline is all.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys

#: the name ``ps`` and ``/proc/PID/comm`` show for the watch (at most 15 bytes)
NAME = b"worker-watch"


def _name_self() -> None:
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None).prctl(15, NAME, 0, 0, 0)  # PR_SET_NAME


def watch(server: int, worker: int, grace: float) -> str:
    """Wait for ``server`` or ``worker`` to end; what happened, in a word."""
    if os.getppid() != worker:
        return "worker-gone"  # it ended before the watch began
    try:
        worker_fd = os.pidfd_open(worker)
    except (AttributeError, OSError):
        return "no-pidfd"
    try:
        server_fd: int | None = os.pidfd_open(server)
    except ProcessLookupError:
        server_fd = None  # already gone (and reaped)
    except (AttributeError, OSError):
        return "no-pidfd"
    if server_fd is not None:
        ready, _, _ = select.select([worker_fd, server_fd], [], [])
        if worker_fd in ready:
            return "worker-ended"
    ready, _, _ = select.select([worker_fd], [], [], grace)
    if ready:
        return "worker-ended"
    sys.stderr.write(f"worker-watch: worker {worker} still alive {grace:g} s after its server "
                     f"(pid {server}) ended: SIGKILL\n")
    sys.stderr.flush()
    signal.pidfd_send_signal(worker_fd, signal.SIGKILL)
    return "killed"


def main(argv: list[str]) -> int:
    # a terminal's Ctrl-C reaches the whole process group: the server stops its workers, and
    # the watch must not die of it first with a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    _name_self()
    server, worker, grace = int(argv[1]), int(argv[2]), float(argv[3])
    watch(server, worker, grace)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
