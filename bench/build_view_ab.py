"""The Wikidata-shaped view's step alone, loaded after it is written (the path before session
13: every line written, then the parts bulk-loaded two at a time) against loaded as it is
written (``write_view``: ``graph.store.LoadAsWritten``), alternated A B, B A, ... on one
on-disk store: wall and CPU seconds, the load average, and the SHA-256 of the view's sorted
N-Triples after each run (the same graph). Between runs, untimed, the view is removed and the
store compacted. The lines are computed from the store alone (``ViewInputs.complete``: more
Python than in a build, which keeps the data sets' lines as they are written).

    .venv/bin/python -m bench.build_view_ab STORE [PAIRS]

STORE: a built store, changed in place (use a copy).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time

import pyoxigraph as ox

from diplograph.graph.store import replace_streamed
from diplograph.loaders import wikidata_view as wv
from diplograph.loaders.build import fewer_collections


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    st = ox.Store(args[0])
    pairs = int(args[1]) if len(args) > 1 else 2
    g = ox.NamedNode(wv.VIEW_GRAPH)

    def after() -> int:  # every line written, then loaded
        return replace_streamed(st, wv.VIEW_GRAPH, wv.wikidata_view_lines(st))

    def as_written() -> int:
        return wv.write_view(st)

    order: list[tuple[str, object]] = []
    for i in range(pairs):
        ab = [("after", after), ("as-written", as_written)]
        order += ab if i % 2 == 0 else ab[::-1]
    res: dict[str, list] = {"after": [], "as-written": []}
    with fewer_collections():
        for name, fn in order:
            st.remove_graph(g)
            st.flush()
            st.optimize()
            load = os.getloadavg()[0]
            t0, c0 = time.perf_counter(), time.process_time()
            n = fn()  # type: ignore[operator]
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            dump = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) or b""
            digest = hashlib.sha256(b"\n".join(sorted(dump.splitlines()))).hexdigest()[:16]
            res[name].append({"wall": round(wall, 2), "cpu": round(cpu, 2),
                              "load": round(load, 1), "lines": n, "sha256": digest})
            print(name, json.dumps(res[name][-1]), flush=True)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
