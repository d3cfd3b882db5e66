"""Issue 14, defect 7: no worker outlives its server.

After ``kill -9`` of the server's main process its workers went on serving and accepting
writes, unsupervised, held the store's lock and the port, and later sent SIGHUP to whatever
process had become their parent. Now they die with their parent.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from issue_support import AUTH, LiveServer, children, fill_store, free_port, wait_for, worker_pids  # noqa: E402

pytestmark = pytest.mark.e2e


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _port_free(port: int) -> bool:
    """Nothing listens on ``port`` and a new server can bind it."""
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do
        try:
            s.bind(("127.0.0.1", port))
            s.listen()
        except OSError:
            return False
    return True


def _what_lives(pids: list[int], log: Path) -> str:
    """What a failure must say: which processes live on, in what state, and the server's log
    (the deadline's stack dump names what held an exit up)."""
    lines = []
    for p in pids:
        if _alive(p):
            status = Path(f"/proc/{p}/status").read_text().splitlines()
            lines.append(f"pid {p} alive: " + "; ".join(
                line for line in status if line.split(":")[0] in ("Name", "State", "PPid",
                                                                  "Threads")))
    return "\n".join(["workers still alive:", *lines, "server log (end):",
                      log.read_text(errors="replace")[-4000:]])


def test_workers_die_with_the_main_process(tmp_path: Path) -> None:
    store = tmp_path / "store"
    fill_store(store)
    server = LiveServer(store, timeout=5.0)
    try:
        workers = worker_pids(server)
        r = requests.post(server.url + "/update", data={"update": "INSERT DATA { "
                          "<http://example.org/a> <http://example.org/p> 1 }"}, headers=AUTH,
                          timeout=10)
        assert r.status_code == 204, r.text
        os.kill(server.proc.pid, signal.SIGKILL)
        server.proc.wait(5)
        # a worker ends at once on the kernel's SIGTERM, or its watchdog ends it after a grace
        # of 5 s (server/supervisor.py): 8 s left too little for a loaded machine (session 17,
        # a fresh-clone run with three test processes and two other sessions' work)
        assert wait_for(lambda: not any(_alive(p) for p in workers), timeout=15), \
            _what_lives(workers, server.log)
        assert wait_for(lambda: _port_free(server.port), timeout=5)
        with pytest.raises(requests.ConnectionError):
            requests.post(server.url + "/update", data={"update": "INSERT DATA { "
                          "<http://example.org/b> <http://example.org/p> 2 }"}, headers=AUTH,
                          timeout=5)
    finally:
        server.stop()
        for p in workers if "workers" in locals() else []:  # never leave orphans behind
            if _alive(p):
                os.kill(p, signal.SIGKILL)


def test_workers_die_with_a_server_killed_while_they_start(tmp_path: Path) -> None:
    """A worker is forked with the main process's SIGTERM handler, which only sets a flag of
    the main process's: a server killed while its workers built their apps left them to
    start and serve until their deadline. Now the kernel's SIGTERM ends them at once."""
    store = tmp_path / "store"
    fill_store(store)
    log = tmp_path / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--store",
                                 str(store), "--port", str(free_port()), "--workers", "2"],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    workers: list[int] = []
    try:
        def two_workers() -> bool:
            workers[:] = [k for k in children(proc.pid)
                          if Path(f"/proc/{k}/comm").read_text().strip() != "search-index"]
            return len(workers) >= 2

        assert wait_for(two_workers, timeout=30, step=0.01), log.read_text()
        for p in workers:  # held where they are: still starting, unless the log says not
            os.kill(p, signal.SIGSTOP)
        if b"Started worker-" in log.read_bytes():
            pytest.skip("a worker had started before it could be held: nothing to test")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(5)
        for p in workers:
            os.kill(p, signal.SIGCONT)
        assert wait_for(lambda: not any(_alive(p) for p in workers), timeout=15), \
            _what_lives(workers, log)
        assert "Timeout (" not in log.read_text(), log.read_text()  # not by the deadline
    finally:
        if proc.poll() is None:
            proc.kill()
        for p in workers:
            if _alive(p):
                os.kill(p, signal.SIGCONT)
                os.kill(p, signal.SIGKILL)


#: a stand-in for a worker whose stop hangs once its server is gone: a graceful SIGTERM
#: handler (as granian's) then an exit held up {where}
_HANGING_WORKER = """
import atexit, os, signal, sys, time
from diplograph.server.supervisor import die_with_parent

def hang():
    while True:
        try:
            time.sleep(600)
        except BaseException:  # a second SIGTERM (the watchdog's) stops nothing
            pass

class Slow:
    def __del__(self):
        hang()

if "{where}" == "atexit":
    atexit.register(hang)  # registered first: runs after the deadline is armed
else:
    sys.modules["__main__"].slow = Slow()  # torn down with the modules, when no daemon
                                           # thread runs any more
die_with_parent(os.getppid(), grace=1.0)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # as granian, once the app is built
print("ready", flush=True)
while True:
    time.sleep(1)
"""

_PARENT = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE,
                         stderr=open(sys.argv[2], "wb"))
assert child.stdout.readline() == b"ready\\n"
print(child.pid, flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("where", ["atexit", "teardown"])
def test_a_worker_whose_exit_hangs_still_ends(tmp_path: Path, where: str) -> None:
    """The deadline needs neither the GIL nor a running interpreter: a worker whose exit
    hangs in an ``atexit`` function or in the teardown of the modules (where the watchdog
    thread no longer runs) ends ``grace`` s after its server, and its log names where."""
    err = tmp_path / "worker.err"
    parent = subprocess.Popen([sys.executable, "-c", _PARENT,
                               textwrap.dedent(_HANGING_WORKER).replace("{where}", where),
                               str(err)], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(5)
        t0 = time.monotonic()
        assert wait_for(lambda: not _alive(child), timeout=30), \
            f"the worker lives on:\n{err.read_text()}"
        assert time.monotonic() - t0 < 20
        dump = err.read_text()
        # faulthandler's dump of the stacks names the hang
        assert "Timeout" in dump and "in hang" in dump, dump
    finally:
        if parent.poll() is None:
            parent.kill()
        if "child" in locals() and _alive(child):
            os.kill(child, signal.SIGKILL)


#: a stand-in for a worker one of whose threads waits, holding the GIL, in a call that no
#: signal interrupts when its server dies (a second lock of a held pthread mutex, called
#: through ``ctypes.PyDLL``, which keeps the GIL): no Python code of it runs again, neither
#: a signal handler nor the watchdog, so the worker's own deadline is never armed
_GIL_HELD_WORKER = """
import ctypes, os, signal, sys
from diplograph.server.supervisor import die_with_parent

die_with_parent(os.getppid(), grace=1.0)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # as granian, once the app is built
libc = ctypes.PyDLL(None)
mutex = ctypes.create_string_buffer(64)  # zeros: PTHREAD_MUTEX_INITIALIZER, a normal mutex
assert libc.pthread_mutex_lock(mutex) == 0
print("ready", flush=True)
libc.pthread_mutex_lock(mutex)  # waits for ever, the GIL held; signals do not end the wait
"""


@contextlib.contextmanager
def _gil_held_worker(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int, int, Path]]:
    """The stand-in above, started by a parent process: (parent, worker pid, its watch's pid,
    the worker's log); whatever lives at the end is killed."""
    err = tmp_path / "worker.err"
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, _GIL_HELD_WORKER, str(err)],
                              stdout=subprocess.PIPE)
    child = None
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        watches = children(child)
        assert len(watches) == 1, watches
        yield parent, child, watches[0], err
    finally:
        if parent.poll() is None:
            parent.kill()
        if child is not None and _alive(child):
            os.kill(child, signal.SIGKILL)


def test_a_worker_whose_threads_cannot_run_still_ends(tmp_path: Path) -> None:
    """The watch process needs none of the worker's Python: a worker that holds the GIL in a
    sleeping call ends ``grace`` + ``WATCH_MARGIN`` s after its server, killed by its watch,
    which says so in the log (a worker outlived its server that way in session 25)."""
    from diplograph.server.supervisor import WATCH_MARGIN

    with _gil_held_worker(tmp_path) as (parent, child, watch, err):
        assert wait_for(lambda: Path(f"/proc/{watch}/comm").read_text().strip()
                        == "worker-watch", timeout=10)  # once its interpreter has started
        time.sleep(1.5)  # longer than the grace: the worker's own deadline is not armed
        assert _alive(child)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(5)
        t0 = time.monotonic()
        assert wait_for(lambda: not _alive(child), timeout=30), \
            f"the worker lives on:\n{err.read_text()}"
        took = time.monotonic() - t0
        assert took >= 1.0 + WATCH_MARGIN - 0.5, took  # the watch waited out the grace
        log = err.read_text()
        assert f"worker {child} still alive" in log and "SIGKILL" in log, log
        assert "Timeout" not in log, log  # not the worker's own deadline: it could not run
        assert wait_for(lambda: not _alive(watch), timeout=5)


def test_the_watch_ends_with_its_worker(tmp_path: Path) -> None:
    """A worker that ends normally (replaced, or stopped with its server) takes its watch
    with it at once; the watch never signals anything after that."""
    with _gil_held_worker(tmp_path) as (_parent, child, watch, err):
        os.kill(child, signal.SIGKILL)
        assert wait_for(lambda: not _alive(watch), timeout=5), err.read_text()
        assert "worker-watch" not in err.read_text()
