"""Every kind of page on the full graph: cold after a start, cold after a write, warm; HTML size.

``python -m bench.pages [--store DIR] [--rounds 3] [--top 5]`` serves a scratch copy of a store
(by default the real graph, built once into ``bench/work/``) with ``diplograph serve`` and an
update token, finds its heaviest pages of each kind and fetches each:

- **after start**: the first request for it after the server started (``--rounds`` starts; the
  pages in the same order each time, so the first one also pays the first touch of the store);
- **cold**: right after a write that says nothing of what it touched (a ``DELETE … WHERE`` on a
  scratch graph), which empties every cache (pages, responses, the search index);
- **warm**: the same page again, twice.

The kinds: entity pages (the busiest states and organisations, and UN, USA, USSR, Russia,
France), concept pages (the concepts most facts point at: ``precision/year`` …), the index of
each kind (plain, filtered, its last page), search results and autocompletion for common
prefixes, the longest source document, data-set pages, a document fact and a reference fact,
the named queries (the list and each with its default parameters), the world maps, networks
and charts of the busiest state and organisation, an entity's data (Turtle) and the query UI.

Medians and maxima per page and per kind go to ``--out`` (default ``bench/results/``)
``pages-<date>.json`` and ``.md``, against the target of issue 12: every page <= 0.5 s and
<= 2 MB of HTML. Server CPU (user + system of its processes) is given besides wall time:
on a shared machine it is what the page costs whatever else runs.

``--kind entity`` (repeatable) measures the pages of those kinds only. ``--code DIR``
(repeatable; ``.`` is this checkout) serves the code of each checkout in turn, one server
start per round and code, interleaved (A, B, A, B …), with ``python -m diplograph serve`` (a
``DIR`` is a folder holding a ``diplograph`` package, as ``bench.first_page`` takes it); the
report then gives each code's figures and, per page, the median over the rounds of each
code's cold time over the first code's in the same round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import time
import urllib.parse
from pathlib import Path
from typing import Any

from .entity_pages import BUSIEST, cpu_seconds
from .soak import (
    RESULTS,
    WORK,
    _request,
    empty_caches,
    real_store,
    say,
    scratch_copy,
    start_checkout,
    start_server,
)
from .summary import median_of, save_results

TARGET_S = 0.5
TARGET_BYTES = 2_000_000
BASE = "https://diplograph.org/id/"

#: named pages asked for by issues 12 and 17 besides the busiest found by query
NAMED_ENTITIES = ["/page/org/UN", "/page/state/USA", "/page/state/SUN", "/page/state/RUS",
                  "/page/state/FRA", "/page/state/GBR", "/page/state/CHN", "/page/state/DEU"]

#: the IRIs (not states, organisations, documents or data sets) most facts point at
BUSIEST_CONCEPTS = """PREFIX dg: <https://diplograph.org/ontology#>
SELECT ?e (COUNT(?f) AS ?n) WHERE {
  ?f a dg:Fact ; ?p ?e .
  FILTER(isIRI(?e) && STRSTARTS(STR(?e), "https://diplograph.org/id/")
         && !CONTAINS(STR(?e), "/id/state/")
         && !CONTAINS(STR(?e), "/id/org/") && !CONTAINS(STR(?e), "/id/document/")
         && !CONTAINS(STR(?e), "/id/dataset/") && !CONTAINS(STR(?e), "/id/fact/"))
} GROUP BY ?e ORDER BY DESC(?n) LIMIT %d"""

LONGEST_DOCUMENT = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?d WHERE { ?d a dg:SourceDocument ; schema:text ?t } ORDER BY DESC(STRLEN(?t)) LIMIT 1"""

#: the reference data sets (the nodes their facts and source rows derive from)
DATASETS = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?d WHERE { ?r a dg:SourceRows ; prov:wasDerivedFrom ?d }"""

FACTS = """PREFIX dg: <https://diplograph.org/ontology#>
SELECT ?f WHERE { ?f a dg:Fact . %s } LIMIT 1"""


def _select(port: int, query: str) -> list[dict[str, Any]]:
    status, body = _request(port, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                            headers={"Accept": "application/sparql-results+json"}, timeout=600)
    if status != 200:
        raise RuntimeError(f"{query[:80]}…: {status} {body[:300]!r}")
    return json.loads(body)["results"]["bindings"]  # type: ignore[no-any-return]


def _page(iri: str) -> str:
    return "/page/" + iri.split("/id/", 1)[1]


def _exists(port: int, path: str) -> bool:
    status, _ = _request(port, "GET", path, headers={"Accept": "text/html"}, timeout=300)
    return status == 200


def targets(port: int, top: int) -> list[tuple[str, str]]:
    """``(kind, path)`` of every page measured."""
    out: list[tuple[str, str]] = []
    busiest = [_page(r["e"]["value"]) for r in _select(port, BUSIEST % top)]
    for p in dict.fromkeys(busiest + NAMED_ENTITIES):
        out.append(("entity", p))
    for r in _select(port, BUSIEST_CONCEPTS % top):
        out.append(("concept", _page(r["e"]["value"])))
    from diplograph.linking.search import kinds

    for k in kinds():
        if k.segment:
            out.append(("index", f"/page/{k.segment}/"))
    out += [("index", "/page/state/?q=a"), ("index", "/page/org/?q=un"),
            ("index", "/page/org/?page=last")]
    for q in ("a", "un", "việt", "viet", "united"):
        out.append(("search", "/search?" + urllib.parse.urlencode({"q": q})))
    for q in ("a", "un", "việt", "v"):
        out.append(("autocomplete", "/search.json?" + urllib.parse.urlencode({"q": q})))
    for r in _select(port, LONGEST_DOCUMENT):
        out.append(("document", _page(r["d"]["value"])))
    for r in _select(port, DATASETS):
        if r["d"]["value"].startswith(BASE):
            out.append(("dataset", _page(r["d"]["value"])))
    for pattern in ("?f dg:statedIn ?d", "FILTER NOT EXISTS { ?f dg:statedIn ?d }"):
        for r in _select(port, FACTS % pattern):
            out.append(("fact", _page(r["f"]["value"])))
    out.append(("named query", "/queries?format=html"))
    status, body = _request(port, "GET", "/queries", headers={"Accept": "application/json"})
    for q in json.loads(body)["queries"]:
        out.append(("named query", f"/queries/{q['name']}?format=html"))
    state = next((p for p in busiest if p.startswith("/page/state/")), "/page/state/USA")
    org = next((p for p in busiest if p.startswith("/page/org/")), "/page/org/UN")
    for page in (state, org):
        rest = page.removeprefix("/page/")
        bys = ("shared-memberships", "relations") if rest.startswith("state/") else ("members",)
        for by in bys:
            out.append(("map", f"/pictures/map/{rest}.svg?by={by}"))
        out.append(("network", f"/pictures/network/{rest}.svg"))
        out.append(("chart", f"/pictures/chart/{rest}.svg?series=memberships"))
        out.append(("data", f"/data/{rest}.ttl"))
    out.append(("chart", "/pictures/chart/state/MNG.svg?series=trade"))
    out.append(("query UI", "/"))
    return _resolve_last(port, out)


def _resolve_last(port: int, pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``page=last`` -> the number of the last page (read from the first page's links)."""
    import re

    out = []
    for kind, p in pages:
        if p.endswith("page=last"):
            first = p.split("?", 1)[0]
            _, body = _request(port, "GET", first, headers={"Accept": "text/html"})
            numbers = [int(n) for n in re.findall(rb"[?&;]page=(\d+)", body)] or [1]
            p = f"{first}?page={max(numbers)}"
        out.append((kind, p))
    return out


def _tree_cpu(pids: list[int]) -> float:
    """The CPU of ``pids`` (the server's main process first), and of the main process's
    children that ended and were reaped (the search index's builder after a start): a
    process that ends during a request does not take its CPU out of the count."""
    import psutil

    total = cpu_seconds(pids)
    try:
        t = psutil.Process(pids[0]).cpu_times()
        total += t.children_user + t.children_system
    except (psutil.Error, IndexError):
        pass
    return total


def _get(port: int, page: str, pids: list[int]) -> tuple[float, int, float, int]:
    """Wall time, bytes, the server's CPU time and the status of one page."""
    accept = "application/json" if ".json" in page else (
        "text/turtle" if page.startswith("/data/") else "text/html")
    cpu0 = _tree_cpu(pids)
    t0 = time.perf_counter()
    status, body = _request(port, "GET", page, headers={"Accept": accept}, timeout=300)
    secs = time.perf_counter() - t0
    return secs, len(body), _tree_cpu(pids) - cpu0, status


def _empty() -> dict[str, list[float]]:
    return {k: [] for k in ("start", "start_cpu", "cold", "cold_cpu", "warm", "warm_cpu",
                            "bytes", "status")}


def _serve(store: Path, log: Path, workers: int | None, code: str | None) -> Any:
    """``diplograph serve`` of this checkout (``code`` None), else ``python -m diplograph
    serve`` of the checkout ``code`` (``.``: this one), as :mod:`.first_page` starts it
    (:func:`.soak.start_checkout`)."""
    if code is None:
        return start_server(store, log, workers=workers)
    return start_checkout(store, None if code == "." else code, log)[0]


def run(store: Path, *, rounds: int, top: int, out_dir: Path, workers: int | None,
        tag: str = "", only: list[str] | None = None,
        codes: list[str] | None = None, settle: float = 0.0) -> dict[str, Any]:
    scratch = scratch_copy(store, "all-pages-store")
    log = WORK / "all-pages-server.log"
    by_code: dict[str, dict[str, dict[str, list[float]]]] = {}
    kinds: dict[str, str] = {}
    load0 = os.getloadavg()[0]
    pages: list[tuple[str, str]] = []
    for r in range(rounds):
        for code in codes or [None]:  # results by the checkout's folder name, not its path
            name = "this checkout" if code in (None, ".") else Path(code).name
            data = by_code.setdefault(name, {})
            pages = _one_round(scratch, log, workers, code, r, pages, top, only, data, kinds,
                               settle)
        say(f"round {r + 1} of {rounds} done")
    load = f"{load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    s = {"date": dt.date.today().isoformat(), "rounds": rounds, "workers": workers,
         "load": load, "kinds": kinds}
    if codes:
        s["codes"] = {c: {"runs": d, "summary": summarise(d, kinds)} for c, d in by_code.items()}
        s["ratios"] = ratios(by_code, list(by_code))
    else:
        s["runs"] = by_code["this checkout"]
        s["summary"] = summarise(by_code["this checkout"], kinds)
    save_results(out_dir, "pages", s, markdown(s), tag)
    return s


def _one_round(scratch: Path, log: Path, workers: int | None, code: str | None, r: int,
               pages: list[tuple[str, str]], top: int, only: list[str] | None,
               data: dict[str, dict[str, list[float]]], kinds: dict[str, str],
               settle: float = 0.0) -> list[tuple[str, str]]:
    """One server start: every page after the start, then (``settle`` seconds later) cold
    and warm; the pages."""
    server = _serve(scratch, log, workers, code)
    try:
        pids = server.pids()
        if not pages:  # found with the first server; its first fetches are not measured
            pages = [(k, p) for k, p in targets(server.port, top) if not only or k in only]
            say(f"{len(pages)} pages: " + ", ".join(p for _, p in pages))
            server.stop()
            server = _serve(scratch, log, workers, code)
            pids = server.pids()
        for kind, p in pages:
            kinds[p] = kind
            d = data.setdefault(p, _empty())
            secs, size, cpu, status = _get(server.port, p, pids)
            d["start"].append(secs)
            d["start_cpu"].append(cpu)
        time.sleep(settle)  # the search index's build after a start is done: not in "cold"
        for i, (_, p) in enumerate(pages):
            d = data[p]
            empty_caches(server.port, r * 10_000 + i)
            secs, size, cpu, status = _get(server.port, p, pids)
            d["cold"].append(secs)
            d["cold_cpu"].append(cpu)
            d["bytes"] = [size]
            d["status"] = [status]
            for _ in range(2):
                secs, _, cpu, _ = _get(server.port, p, pids)
                d["warm"].append(secs)
                d["warm_cpu"].append(cpu)
    finally:
        server.stop()
    return pages


def ratios(by_code: dict[str, dict[str, dict[str, list[float]]]], codes: list[str]
           ) -> list[dict[str, Any]]:
    """Per page and code after the first: the median, over the rounds, of the code's cold
    wall time and cold server CPU divided by the first code's in the same round.

    >>> ratios({"a": {"/p": {"cold": [1.0, 2.0], "cold_cpu": [0.5, 0.5]}},
    ...         "b": {"/p": {"cold": [0.5, 1.5], "cold_cpu": [0.25, 0.5]}}}, ["a", "b"])
    [{'page': '/p', 'code': 'b', 'vs': 'a', 'cold_wall_ratio': 0.625, 'cold_cpu_ratio': 0.75}]
    """
    out = []
    first = by_code[codes[0]]
    for code in codes[1:]:
        for page, d in by_code[code].items():
            base = first.get(page)
            if base is None:
                continue
            row: dict[str, Any] = {"page": page, "code": code, "vs": codes[0]}
            for key, name in (("cold", "cold_wall_ratio"), ("cold_cpu", "cold_cpu_ratio")):
                pairs = [b / a for a, b in zip(base[key], d[key], strict=False) if a > 0]
                row[name] = round(statistics.median(pairs), 3) if pairs else None
            out.append(row)
    return out


def summarise(data: dict[str, dict[str, list[float]]], kinds: dict[str, str]) -> dict[str, Any]:
    """One row per page and one per kind (medians, and the maximum of the medians)."""
    rows = []
    for p, d in data.items():
        rows.append({"kind": kinds[p], "page": p, "status": int(d["status"][0]),
                     "bytes": int(d["bytes"][0]),
                     "start_median_s": median_of(d["start"]), "cold_median_s": median_of(d["cold"]),
                     "warm_median_s": median_of(d["warm"]), "cold_max_s": round(max(d["cold"]), 3),
                     "start_cpu_median_s": median_of(d["start_cpu"]),
                     "cold_cpu_median_s": median_of(d["cold_cpu"]),
                     "warm_cpu_median_s": median_of(d["warm_cpu"])})
    per_kind = []
    for kind in dict.fromkeys(kinds.values()):
        mine = [r for r in rows if r["kind"] == kind]
        worst = max(mine, key=lambda r: r["cold_cpu_median_s"])
        per_kind.append({
            "kind": kind, "pages": len(mine),
            "start_median_s": median_of([r["start_median_s"] for r in mine]),
            "start_max_s": max(r["start_median_s"] for r in mine),
            "cold_median_s": median_of([r["cold_median_s"] for r in mine]),
            "cold_max_s": max(r["cold_median_s"] for r in mine),
            "cold_cpu_max_s": worst["cold_cpu_median_s"], "slowest": worst["page"],
            "warm_max_s": max(r["warm_median_s"] for r in mine),
            "bytes_max": max(r["bytes"] for r in mine)})

    def within(r: dict[str, Any]) -> bool:
        return (r["status"] == 200 and r["bytes"] <= TARGET_BYTES
                and max(r["start_median_s"], r["cold_median_s"], r["warm_median_s"]) <= TARGET_S)

    return {"rows": rows, "per_kind": per_kind,
            "over_target": [r["page"] for r in rows if not within(r)],
            "all_within_target": all(within(r) for r in rows)}


def markdown(s: dict[str, Any]) -> str:
    """The report: one code's tables, or each code's and the paired ratios (``--code``)."""
    if "codes" not in s:
        return _markdown_one(s, s["summary"])
    lines = [f"# Every kind of page on the full graph, code against code ({s['date']})", "",
             f"{s['rounds']} rounds, one server start per round and code, interleaved · "
             f"load average {s['load']}", "",
             f"Cold time of each page over that of `{next(iter(s['codes']))}` in the same "
             "round, medians over the rounds:", "",
             "| page | code | cold wall ratio | cold server CPU ratio |", "|---|---|---:|---:|"]
    for r in s["ratios"]:
        lines.append(f"| `{r['page']}` | `{r['code']}` | {r['cold_wall_ratio']} | "
                     f"{r['cold_cpu_ratio']} |")
    lines.append("")
    for code, c in s["codes"].items():
        one = _markdown_one(s, c["summary"]).split("\n", 1)[1]
        lines += [f"## Code `{code}`", one]
    return "\n".join(lines)


def _markdown_one(s: dict[str, Any], summary: dict[str, Any]) -> str:
    lines = [f"# Every kind of page on the full graph ({s['date']})", "",
             f"`diplograph serve` ({s['workers'] or 'default'} workers) · {s['rounds']} rounds · "
             f"target <= {TARGET_S} s and <= {TARGET_BYTES // 1_000_000} MB · load average "
             f"{s['load']}", "",
             "After start: the first request after the server started; cold: right after a "
             "write that empties every cache; warm: the same page again. Medians of the rounds "
             "(wall time; server CPU in brackets); per kind, the median and the maximum of the "
             "pages' medians.", "",
             "| kind | pages | after start (median / max) | cold (median / max) | cold CPU, "
             "slowest page | warm max | largest |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for k in summary["per_kind"]:
        lines.append(f"| {k['kind']} | {k['pages']} | {k['start_median_s']} / "
                     f"{k['start_max_s']} s | {k['cold_median_s']} / {k['cold_max_s']} s | "
                     f"{k['cold_cpu_max_s']} s `{k['slowest']}` | {k['warm_max_s']} s | "
                     f"{k['bytes_max'] / 1e6:.2f} MB |")
    lines += ["", "| page | status | size | after start | cold | warm |",
              "|---|---:|---:|---:|---:|---:|"]
    for r in summary["rows"]:
        lines.append(f"| `{r['page']}` | {r['status']} | {r['bytes'] / 1e3:.0f} KB | "
                     f"{r['start_median_s']} s ({r['start_cpu_median_s']}) | "
                     f"{r['cold_median_s']} s ({r['cold_cpu_median_s']}) | "
                     f"{r['warm_median_s']} s ({r['warm_cpu_median_s']}) |")
    over = summary["over_target"]
    lines += ["", "Over the target: " + (", ".join(f"`{p}`" for p in over) or "none"), ""]
    return "\n".join(lines)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The options of ``python -m bench.pages``."""
    ap.add_argument("--store", default=None, help="a store to copy and serve [the real graph]")
    ap.add_argument("--rounds", type=int, default=3, help="server starts, one cold fetch "
                                                          "per page each [3]")
    ap.add_argument("--top", type=int, default=5,
                    help="how many of the busiest entities and concepts [5]")
    ap.add_argument("--workers", type=int, default=None, help="diplograph serve --workers")
    ap.add_argument("--out", default=str(RESULTS), help="where the results go")
    ap.add_argument("--tag", default="", help="appended to the result file names")
    ap.add_argument("--kind", action="append", default=None,
                    help="measure the pages of this kind only (entity, concept, index …)")
    ap.add_argument("--settle", type=float, default=0.0,
                    help="seconds to wait after the first pages of a start before the cold "
                         "ones (the search index is built at a start, in a process of the "
                         "server, whose CPU counts) [0]")
    ap.add_argument("--code", action="append", default=None,
                    help="serve the code of this checkout ('.': this one), interleaved with "
                         "the other --code ones; ratios against the first")


def cmd_pages(args: argparse.Namespace) -> int:
    """Exit status 1 if a page is over the target (or not a 200)."""
    WORK.mkdir(parents=True, exist_ok=True)
    store = Path(args.store) if args.store else real_store()
    s = run(store, rounds=args.rounds, top=args.top, out_dir=Path(args.out),
            workers=args.workers, tag=args.tag, only=args.kind, codes=args.code,
            settle=args.settle)
    print(markdown(s))
    summaries = [c["summary"] for c in s["codes"].values()] if "codes" in s else [s["summary"]]
    return 0 if all(x["all_within_target"] for x in summaries) else 1


if __name__ == "__main__":
    import sys

    p = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__)
    add_arguments(p)
    sys.exit(cmd_pages(p.parse_args()))
