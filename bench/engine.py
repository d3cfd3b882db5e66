"""The engine ceiling: how many requests per second pyoxigraph itself answers, without HTTP.

A mix is run in process by ``processes`` Python processes with ``threads`` threads each, all
in the same wall-clock window; every request is a query plus the serialisation a server
sends (:func:`bench.mixes.answer`, as for the floors). No HTTP, no parsing of requests, no
time limit, no logging, no load generator on the same cores: no server written in Python on
top of pyoxigraph can beat this figure on the same machine. The report divides it by
`oxigraph serve`'s req/s, so a target above that ratio is out of reach for any such server.

Two layouts are measured by ``python -m bench run``:

* one process per CPU, one thread each: the best case for Python (no shared GIL);
* one process with 8 threads: what any threaded Python server pays for sharing one GIL.

A child is ``python -m bench.engine STORE REQUESTS.json THREADS``: it opens the store, runs
every distinct request once (the warm-up), prints ``ready``, reads ``START END`` (``time.time()``
seconds) from standard input, and prints ``{"done": n, "seconds": s}``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .mixes import answer

#: the threads of the one-process layout (diplograph's default per worker on 2+ cores)
THREADS = 8


def _child(store_path: str, requests_file: str, threads: int) -> int:
    """Warm up over every request once, then answer requests in the window read from stdin."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    reqs = [r["sparql"] for r in json.loads(Path(requests_file).read_text())]
    for sparql in dict.fromkeys(reqs):
        answer(store, sparql)
    print("ready", flush=True)
    start, end = (float(x) for x in sys.stdin.readline().split())
    done = [0] * threads
    finished = [start] * threads

    def loop(i: int) -> None:
        k = (i * len(reqs)) // threads  # each thread walks the mix from its own offset
        n = 0
        while time.time() < start:
            time.sleep(0.001)
        while (now := time.time()) < end:
            answer(store, reqs[k % len(reqs)])
            k += 1
            n += 1
        done[i], finished[i] = n, now

    workers = [threading.Thread(target=loop, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(json.dumps({"done": sum(done), "seconds": max(finished) - start}), flush=True)
    return 0


def ceiling(store_path: Path, requests: list[Any], processes: int, threads: int,
            duration: float, scratch: Path) -> dict[str, Any]:
    """Requests per second of ``processes`` × ``threads`` answering ``requests`` in process.

    ``requests`` are :class:`bench.mixes.Request` s. The children open ``store_path``
    read-only, warm up, then run for ``duration`` seconds in a common window.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    req_file = scratch / f"engine-requests-{os.getpid()}.json"
    req_file.write_text(json.dumps([{"sparql": r.sparql} for r in requests]),
                        encoding="utf-8")
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    children = [subprocess.Popen(
        [sys.executable, "-m", "bench.engine", str(store_path), str(req_file), str(threads)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=root)
        for _ in range(processes)]
    try:
        for c in children:  # every child has opened the store and warmed up
            assert c.stdout and c.stdin
            line = c.stdout.readline().strip()
            if line != "ready":
                raise RuntimeError(f"engine child did not start (said {line!r})")
        start = time.time() + 0.2
        window = f"{start!r} {start + duration!r}\n"
        for c in children:
            assert c.stdin
            c.stdin.write(window)
            c.stdin.flush()
        done, seconds = 0, 0.0
        for c in children:
            out, _ = c.communicate(timeout=duration + 600)
            if c.returncode:
                raise RuntimeError(f"engine child exited with {c.returncode}")
            r = json.loads(out.strip().splitlines()[-1])
            done += r["done"]
            seconds = max(seconds, r["seconds"])
    finally:
        for c in children:
            if c.poll() is None:
                c.kill()
                c.wait()
        req_file.unlink(missing_ok=True)
    return {"processes": processes, "threads": threads, "done": done,
            "seconds": round(seconds, 3), "rps": round(done / seconds, 1) if seconds else 0.0}


if __name__ == "__main__":
    a = sys.argv[1:]
    sys.exit(_child(a[0], a[1], int(a[2])))
