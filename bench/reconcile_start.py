"""Benchmark: time from ``diplograph serve`` to its first reconciliation answer.

    .venv/bin/python bench/reconcile_start.py --store DIR [--runs 5] [--package-root DIR]

Starts the real server (one worker) on a copy of ``--store``, sends one Reconciliation API
query as soon as the port answers ("Yemen (Aden)": the request that loads the registry and
builds the name matcher) and prints the wall time from the start of the process to that answer
and to the first answer of the manifest (the server up), one line per run, then the medians.
``--package-root`` runs another copy of the package (a folder holding ``diplograph/``), with
``python -S`` so that the editable install does not shadow it: two versions compared in
interleaved runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .servers import free_port


def _post(url: str, name: str) -> dict:
    body = urllib.parse.urlencode({"queries": json.dumps({"q": {"query": name}})}).encode()
    with urllib.request.urlopen(url + "/reconcile", body, timeout=120) as r:  # noqa: S310
        return json.loads(r.read())


def one_run(store: Path, package_root: Path | None) -> tuple[float, float, str]:
    """(seconds to the server up, seconds to the first reconciliation answer, its top id)."""
    tmp = Path(tempfile.mkdtemp(prefix="reconcile-start-"))
    try:
        copy = tmp / "store"
        shutil.copytree(store, copy, ignore=shutil.ignore_patterns("LOCK"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
        cmd = [sys.executable]
        if package_root is not None:
            paths = [str(package_root), sysconfig.get_paths()["purelib"],
                     sysconfig.get_paths()["platlib"]]
            env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
            cmd.append("-S")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        cmd += ["-m", "diplograph", "serve", "--store", str(copy), "--port", str(port),
                "--workers", "1", "--threads", "2"]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=env, cwd=tmp)
        try:
            while True:
                try:
                    with urllib.request.urlopen(url + "/reconcile", timeout=5):  # noqa: S310
                        break
                except (urllib.error.URLError, ConnectionError, OSError):
                    if proc.poll() is not None or time.perf_counter() - t0 > 120:
                        raise RuntimeError("the server did not start") from None
                    time.sleep(0.05)
            up = time.perf_counter() - t0
            res = _post(url, "Yemen (Aden)")
            first = time.perf_counter() - t0
            top = res["q"]["result"][0]["id"] if res["q"]["result"] else "-"
            return up, first, top
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", required=True, type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--package-root", type=Path, default=None)
    args = ap.parse_args()
    ups, firsts = [], []
    for i in range(args.runs):
        up, first, top = one_run(args.store, args.package_root)
        ups.append(up)
        firsts.append(first)
        print(f"run {i + 1}: up {up:.2f} s, first reconciliation answer {first:.2f} s "
              f"({first - up:.2f} s after up; top {top})", flush=True)
    after = statistics.median(f - u for f, u in zip(firsts, ups, strict=True))
    print(f"median: up {statistics.median(ups):.2f} s, first answer "
          f"{statistics.median(firsts):.2f} s, first answer after up {after:.2f} s")


if __name__ == "__main__":
    main()
