"""What changed between two releases (or two stores): facts added, removed and changed.

Both sides are N-Quads with lines sorted bytewise (what a release's ``.nq.gz`` holds; a store
is dumped and sorted first, :func:`~.release_files.write_sorted_nquads`). One merge pass over the
two streams finds the lines only in the old side (removed) and only in the new side (added)
(:func:`diff_sorted`: unchanged runs are skipped a slice at a time): memory grows with the
size of the difference, never with the size of the graphs.

The changed lines are then grouped by named graph (the source: a document or a data set) and
by fact: a triple whose subject is a fact (``dgr:fact/{doc}/{id}``) or one of its sub-nodes
(``…/annotation``, ``…/date``) belongs to that fact. A fact whose ``rdf:type dg:Fact`` was
added is *added*, one whose type was removed is *removed*, any other is *changed*. Each fact
is reported with its type, its quote (document facts) or its data set and rows (reference
facts), read from the side where it exists. Triples of other subjects (the registry, the
ontology, build metadata) are listed per subject.

The report is a dict (written as ``changes.json``), rendered as Markdown and HTML.
"""

from __future__ import annotations

import bisect
import contextlib
import heapq
import html
import itertools
import json
import os
import queue
import re
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import DG, ID, PROV, RDF
from .release_files import MANIFEST, read_release, write_sorted_nquads
from .terms import Term

__all__ = ["diff_nquads", "diff_paths", "render_html", "render_markdown", "write_reports"]

FORMAT_ID = "diplograph-diff/1"
_FACT_NS = ID("fact/")
_FACT_PREFIX = b"<" + _FACT_NS.encode()
_TYPE = RDF("type")
_FACT = DG("Fact")
#: how many facts (or subjects) of one kind the Markdown and HTML reports list in full
LIST_LIMIT = 25


def _gzip_lines(f: IO[bytes], block: int) -> Iterator[list[bytes]]:
    """The lines of the gzip stream ``f`` (every member), in lists of about ``block`` bytes
    or more: zlib inflates large pieces without the GIL, and the lines are split in C (no
    Python step per line, unlike ``gzip.open().readlines()``)."""
    inflate = zlib.decompressobj(31)
    member = False  # inside a member (not at its end)
    rest = b""
    while piece := f.read(block // 16):
        while piece:
            out = inflate.decompress(piece)
            piece, member = inflate.unused_data, not inflate.eof
            if inflate.eof:  # the end of a member: another may follow
                inflate = zlib.decompressobj(31)
            if out:
                out = rest + out
                cut = out.rfind(b"\n") + 1
                rest = out[cut:]
                if cut:
                    yield out[:cut].splitlines(keepends=True)
    if member:
        raise EOFError("compressed file ended before the end-of-stream marker was reached")
    if rest:
        yield [rest]


def _plain_lines(f: IO[bytes], block: int) -> Iterator[list[bytes]]:
    """The lines of the uncompressed file ``f``, in lists of about ``block`` bytes."""
    while lines := f.readlines(block):
        yield lines


class _ReadAhead:
    """The lines of a file read (and, for ``.gz``, decompressed) by a thread of its own, a
    list of about ``block`` bytes at a time, at most ``depth`` lists ahead: zlib releases the
    GIL while it inflates, so the two sides of a diff are decompressed beside the merge."""

    def __init__(self, path: Path, block: int = 1 << 20, depth: int = 4) -> None:
        self._path = path
        self._f = open(path, "rb", buffering=0 if path.name.endswith(".gz") else 1 << 20)  # noqa: SIM115
        self._lines = (_gzip_lines if path.name.endswith(".gz") else _plain_lines)(
            self._f, block)
        self._queue: queue.Queue[list[bytes] | BaseException] = queue.Queue(depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"read-{path.name}",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for lines in self._lines:
                if self._stop.is_set():
                    return
                self._queue.put(lines)
            self._queue.put([])
        except (EOFError, zlib.error) as e:
            self._queue.put(DiplographError(
                "bad-input", f"{self._path}: not a complete gzip file ({e})"))
        except BaseException as e:  # noqa: BLE001 - raised by readlines() below
            self._queue.put(e)

    def readlines(self, _hint: int = -1) -> list[bytes]:
        """The next list of lines ([] at the end); raises what the reading thread met."""
        got = self._queue.get()
        if isinstance(got, BaseException):
            self._queue.put(got)
            raise got
        if not got:
            self._queue.put(got)
        return got

    def __enter__(self) -> _ReadAhead:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.1)
        self._f.close()


def _checked_blocks(
    f: IO[bytes] | _ReadAhead, where: Path, block: int = 1 << 20
) -> Iterator[list[bytes]]:
    """The lines of a sorted file in lists of about ``block`` bytes, leading blank and comment
    lines left out; a file that is not sorted is refused (checked a list at a time: sorting a
    sorted list is linear)."""
    prev: bytes | None = None
    seen = 0
    while lines := f.readlines(block):
        if prev is None:
            start = 0  # blank and comment lines sort first: they can only lead
            while start < len(lines) and (lines[start].startswith(b"#")
                                          or not lines[start].strip()):
                start += 1
            lines = lines[start:]
            seen += start
            if not lines:
                continue
        if (prev is not None and lines[0] < prev) or lines != sorted(lines):
            bad = next(k for k in range(len(lines))
                       if (lines[k] < lines[k - 1] if k else prev is not None
                           and lines[0] < prev))
            raise DiplographError(
                "bad-input", f"{where}:{seen + bad + 1}: the N-Quads are not sorted (a "
                "release's dump is; give a release or a store)")
        seen += len(lines)
        prev = lines[-1]
        yield lines


def diff_sorted(
    old: Iterable[list[bytes]],
    new: Iterable[list[bytes]],
    seen: Callable[[list[bytes]], None] | None = None,
) -> tuple[list[bytes], list[bytes]]:
    """The lines only in ``old`` (removed) and only in ``new`` (added), from two sorted
    streams given as lists of lines. Runs of equal lines are skipped a slice at a time and
    runs of lines on one side only are found by binary search, so an unchanged region costs
    list comparisons in C, not a Python step per line. ``seen`` is called with each run of
    changed lines as the merge meets it (while both sides are still at that place).

    >>> diff_sorted([[b"a", b"b"], [b"d"]], [[b"b", b"c"], [b"d", b"e"]])
    ([b'a'], [b'c', b'e'])
    """
    removed: list[bytes] = []
    added: list[bytes] = []
    ai, bi = iter(old), iter(new)
    a: list[bytes] = []
    b: list[bytes] = []
    i = j = 0
    while True:
        if i == len(a):
            a, i = next(ai, []), 0
            if not a:
                break
        if j == len(b):
            b, j = next(bi, []), 0
            if not b:
                break
        x, y = a[i], b[j]
        if x == y:
            k = min(len(a) - i, len(b) - j)
            if a[i:i + k] == b[j:j + k]:
                i, j = i + k, j + k
                continue
            lo, hi = 1, k  # a[i:i+lo] == b[j:j+lo], a[i:i+hi] != b[j:j+hi]
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if a[i:i + mid] == b[j:j + mid]:
                    lo = mid
                else:
                    hi = mid
            i, j = i + lo, j + lo
        elif x < y:
            cut = bisect.bisect_left(a, y, i)
            removed.extend(run := a[i:cut])
            i = cut
            if seen is not None:
                seen(run)
        else:
            cut = bisect.bisect_left(b, x, j)
            added.extend(run := b[j:cut])
            j = cut
            if seen is not None:
                seen(run)
    for side, lines, k, rest_of in ((removed, a, i, ai), (added, b, j, bi)):
        for run in itertools.chain([lines[k:]], rest_of):
            side.extend(run)
            if seen is not None and run:
                seen(run)
    return removed, added


class _FactRuns:
    """The lines of the wanted facts' own runs (``<fact> …``) on one side of a diff, taken
    from that side's lists of lines as the merge passes them: the details of a changed fact
    (type, quote, rows) are found without reading the file a second time.

    A fact is wanted (:meth:`want`) when the merge meets a changed line of it or of one of its
    sub-nodes. Its run is then in the list being merged or the one before (it began before
    the changed line; a run is a few lines, far less than a list), or ahead (a sub-node's
    lines sort before the fact's own: ``/`` before ``>``): the lists that come later are
    searched as they pass (:meth:`blocks`).
    """

    def __init__(self) -> None:
        self.runs: dict[bytes, list[bytes]] = {}
        self._prev: list[bytes] = []
        self._cur: list[bytes] = []
        self._ahead: list[bytes] = []  # a heap of the keys after the list being merged
        self._open: list[bytes] = []  # the keys whose run reached the end of that list

    def blocks(self, source: Iterable[list[bytes]]) -> Iterator[list[bytes]]:
        """``source``'s lists of lines, passed on after taking the wanted runs from them."""
        for lines in source:
            self._prev, self._cur = self._cur, lines
            self._open = [key for key in self._open if self._take(key, lines, 0)]
            while self._ahead and self._ahead[0] <= lines[-1]:
                key = heapq.heappop(self._ahead)
                if self._take(key, lines, bisect.bisect_left(lines, key)):
                    self._open.append(key)
            yield lines

    def _take(self, key: bytes, lines: list[bytes], i: int) -> bool:
        """Add the lines of ``key``'s run from ``lines[i]`` on; True if it may go on in the
        next list."""
        j, n = i, len(lines)
        while j < n and lines[j].startswith(key):
            j += 1
        self.runs[key].extend(lines[i:j])
        return j == n

    def want(self, key: bytes) -> None:
        """Collect the lines starting with ``key`` (``<fact> ``)."""
        if key in self.runs:
            return
        self.runs[key] = []
        cur, prev = self._cur, self._prev
        if not cur or key > cur[-1]:
            heapq.heappush(self._ahead, key)
            return
        i = bisect.bisect_left(prev, key)
        if i < len(prev) and prev[i].startswith(key):  # the run began in the list before
            if not self._take(key, prev, i):
                return
            i = 0
        else:
            i = bisect.bisect_left(cur, key)
        if self._take(key, cur, i):
            self._open.append(key)


def fact_of(subject: str) -> str | None:
    """The fact a subject belongs to (itself or its sub-nodes), or None.

    >>> fact_of("https://diplograph.org/id/fact/doc/un-member/annotation")
    'https://diplograph.org/id/fact/doc/un-member'
    >>> fact_of("https://diplograph.org/id/state/MNG") is None
    True
    """
    if not subject.startswith(_FACT_NS):
        return None
    parts = subject[len(_FACT_NS):].split("/")
    if len(parts) < 2:
        return None
    return _FACT_NS + parts[0] + "/" + parts[1]


def _term(t: Term) -> str:
    return str(t)


def _short(t: Term) -> str:
    """A term for people: the IRI or the literal's text."""
    return t.value if isinstance(t, ox.NamedNode | ox.Literal) else str(t)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _parse(lines: list[bytes]) -> list[ox.Quad]:
    if not lines:
        return []
    return list(ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS))


_DETAILS = {
    DG("quote"): "quote", DG("statedIn"): "document", PROV("wasDerivedFrom"): "derived_from",
    DG("sourceRow"): "rows", DG("rows"): "rows", DG("factType"): "fact_type",
}


def _details(quads: Iterable[ox.Quad], into: dict[str, dict[str, Any]]) -> None:
    """Fill each fact's type, quote, document, data set and rows from its quads."""
    for q in quads:
        fact = fact_of(q.subject.value) if isinstance(q.subject, ox.NamedNode) else None
        if fact is None or fact not in into:
            continue
        entry = into[fact]
        p = q.predicate.value
        if not isinstance(q.subject, ox.NamedNode) or q.subject.value != fact:
            continue
        if p == _TYPE and isinstance(q.object, ox.NamedNode) and q.object.value != _FACT:
            entry.setdefault("type", _local(q.object.value))
        elif p in _DETAILS:
            key = _DETAILS[p]
            value = _short(q.object)
            if key == "derived_from":
                entry.setdefault("derived_from", [])
                if value not in entry["derived_from"]:
                    entry["derived_from"].append(value)
                    entry["derived_from"].sort()
            elif key == "rows" and "rows" in entry and value not in entry["rows"].split(", "):
                entry["rows"] = ", ".join(sorted({*entry["rows"].split(", "), value}))
            else:
                entry.setdefault(key, value)


def _fact_key(line: bytes) -> bytes | None:
    """The start of the own lines of the fact a line's subject belongs to (``<fact> ``).

    >>> _fact_key(b"<" + _FACT_PREFIX[1:] + b"doc/x/annotation> <p> <o> <g> .\\n")
    b'<https://diplograph.org/id/fact/doc/x> '
    """
    if not line.startswith(_FACT_PREFIX):
        return None
    parts = line[len(_FACT_PREFIX):line.index(b">")].split(b"/", 2)
    if len(parts) < 2:
        return None
    return _FACT_PREFIX + parts[0] + b"/" + parts[1] + b"> "


def _group(quads: Iterable[ox.Quad], key: str,
           facts: dict[str, dict[str, dict[str, Any]]],
           others: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Add the changed ``quads`` (``key``: added or removed) to their graph's facts (or other
    subjects)."""
    for q in quads:
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        s = q.subject.value if isinstance(q.subject, ox.NamedNode) else str(q.subject)
        triple = f"{_term(q.subject)} {_term(q.predicate)} {_term(q.object)}"
        typed = (q.predicate.value == _TYPE and isinstance(q.object, ox.NamedNode)
                 and q.object.value == _FACT)
        _add(g, s, triple, typed, key, facts, others)


def _add(g: str, s: str, triple: str, typed: bool, key: str,
         facts: dict[str, dict[str, dict[str, Any]]],
         others: dict[str, dict[str, dict[str, Any]]]) -> None:
    """File one changed ``triple`` of subject ``s`` in graph ``g`` under its fact (``typed``:
    it says the subject is a ``dg:Fact``, which gives the fact its status) or its subject."""
    fact = fact_of(s)
    if fact is None:
        e = others.setdefault(g, {}).setdefault(s, {"subject": s})
        e.setdefault(key, []).append(triple)
        return
    e = facts.setdefault(g, {}).setdefault(fact, {"fact": fact})
    e.setdefault(key, []).append(triple)
    if s == fact and typed:
        e["status"] = key


#: a line as pyoxigraph writes N-Quads: subject, predicate, object, graph (or none); a line
#: it does not match (another writer's spacing, RDF-star) is parsed instead
_LINE = re.compile(rb"^(<[^>]*>|_:\S+) (<[^>]*>) (.+?)(?: <([^>]*)>)? \.$", re.M)
_TYPE_FACT = (f"<{_TYPE}>", f"<{_FACT}>")


def _group_lines(lines: list[bytes], key: str,
                 facts: dict[str, dict[str, dict[str, Any]]],
                 others: dict[str, dict[str, dict[str, Any]]]) -> None:
    """:func:`_group` on N-Quads lines: the terms are cut from each line as written (one
    regular-expression pass), not parsed into objects; the same entries."""
    text = b"".join(lines)
    rows = _LINE.findall(text)
    if len(rows) != len(lines):
        _group(_parse(lines), key, facts, others)
        return
    for subj, pred, obj, graph in rows:
        s_term = subj.decode()
        s = s_term[1:-1] if subj[0] == 60 else s_term  # 60: "<"
        p_term, o_term = pred.decode(), obj.decode()
        _add(graph.decode(), s, f"{s_term} {p_term} {o_term}", (p_term, o_term) == _TYPE_FACT,
             key, facts, others)


def diff_nquads(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    *,
    old_label: str | None = None,
    new_label: str | None = None,
    tmp_dir: str | os.PathLike[str] | None = None,
    parse_batch: int = 20_000,
) -> dict[str, Any]:
    """Compare two sorted N-Quads files (``.gz`` or not); return the report (module docs).

    One pass reads both files (each decompressed by a thread of its own); the changed facts'
    own lines (for their details) are taken from the same pass (:class:`_FactRuns`). The
    changed lines are parsed ``parse_batch`` at a time, so memory holds the changed lines and
    the report, not a parsed copy of every changed quad."""
    old, new = Path(old), Path(new)
    old_runs, new_runs = _FactRuns(), _FactRuns()
    last: list[bytes | None] = [None]

    def seen(lines: list[bytes]) -> None:
        for line in lines:
            if line.startswith(_FACT_PREFIX) and not (last[0] and line.startswith(last[0])):
                last[0] = k = _fact_key(line)
                if k is not None:
                    old_runs.want(k)
                    new_runs.want(k)

    with _ReadAhead(old) as a, _ReadAhead(new) as b:
        removed_lines, added_lines = diff_sorted(old_runs.blocks(_checked_blocks(a, old)),
                                                 new_runs.blocks(_checked_blocks(b, new)),
                                                 seen)
    # graph -> fact -> entry; graph -> subject -> entry
    facts: dict[str, dict[str, dict[str, Any]]] = {}
    others: dict[str, dict[str, dict[str, Any]]] = {}
    totals = {"facts_added": 0, "facts_removed": 0, "facts_changed": 0,
              "other_subjects_changed": 0, "triples_added": len(added_lines),
              "triples_removed": len(removed_lines)}
    for key, lines in (("removed", removed_lines), ("added", added_lines)):
        for k in range(0, len(lines), parse_batch):
            _group_lines(lines[k:k + parse_batch], key, facts, others)
        lines.clear()
    # details: an added fact's from the new side, a removed one's from the old side, a
    # changed one's from the new side, then (for what it lacks there) from the old side
    by_fact: dict[str, dict[str, Any]] = {}
    for g_facts in facts.values():
        for f, e in g_facts.items():
            e.setdefault("status", "changed")
            by_fact.setdefault(f, e)
    for side, runs in (("new", new_runs.runs), ("old", old_runs.runs)):
        wanted = {f: e for f, e in by_fact.items()
                  if (e["status"] == "added" if side == "new" else e["status"] == "removed")
                  or (e["status"] == "changed" and (side == "new" or "type" not in e))}
        lines = [line for f in sorted(wanted)
                 for line in runs.get(b"<" + f.encode() + b"> ", ())]
        for k in range(0, len(lines), parse_batch):
            _details(_parse(lines[k:k + parse_batch]), wanted)
    graphs = []
    for g in sorted(set(facts) | set(others)):
        types: dict[str, dict[str, list[dict[str, Any]]]] = {}
        counts = {"added": 0, "removed": 0, "changed": 0}
        for f in sorted(facts.get(g, {})):
            e = facts[g][f]
            status = e.pop("status")
            if status != "changed":  # every triple of it: the count says enough
                e[f"triples_{status}"] = len(e.pop(status, []))
                e.pop("removed" if status == "added" else "added", None)
            counts[status] += 1
            totals[f"facts_{status}"] += 1
            t = e.get("type") or e.get("fact_type") or "Fact"
            types.setdefault(t, {"added": [], "removed": [], "changed": []})[status].append(e)
        other = [others[g][s] for s in sorted(others.get(g, {}))]
        totals["other_subjects_changed"] += len(other)
        graphs.append({
            "graph": g, "facts": counts,
            "types": [{"type": t, **types[t]} for t in sorted(types)],
            "other": other,
        })
    return {"format": FORMAT_ID, "old": old_label or str(old), "new": new_label or str(new),
            "summary": totals, "graphs": graphs}


def _source(path: Path, tmp: Path) -> tuple[Path, str]:
    """Sorted N-Quads for a release, a store or an N-Quads file; and a label for it."""
    if (path / MANIFEST).is_file():
        r = read_release(path)
        return r.nquads, f"release {r.version} ({r.date})"
    if path.is_dir():
        try:
            store = ox.Store.read_only(str(path))
        except OSError as e:
            raise DiplographError("bad-input", f"{path}: neither a release nor a store: {e}"
                                  ) from e
        out = tmp / f"{len(list(tmp.iterdir())):02d}.nq"
        with open(out, "wb", buffering=1 << 20) as f:
            write_sorted_nquads(store, f, tmp_dir=tmp / "sort")
        del store
        return out, f"store {path}"
    if path.is_file():
        return path, str(path)
    raise DiplographError("not-found", f"{path}: no such release, store or file")


def diff_paths(old: str | os.PathLike[str], new: str | os.PathLike[str]) -> dict[str, Any]:
    """Compare two releases, two stores or two sorted N-Quads files (any mix)."""
    with tempfile.TemporaryDirectory(prefix="diplograph-diff-") as tmp:
        a, la = _source(Path(old), Path(tmp))
        b, lb = _source(Path(new), Path(tmp))
        return diff_nquads(a, b, old_label=la, new_label=lb, tmp_dir=tmp)


# ---------------------------------------------------------------- reports


def _fact_line(e: dict[str, Any]) -> str:
    bits = [f"`{e['fact'][len(_FACT_NS):]}`"]
    if e.get("quote"):
        bits.append(f"“{e['quote']}”")
    if e.get("document"):
        bits.append(f"(document {e['document']})")
    elif e.get("derived_from"):
        bits.append("(from " + ", ".join(e["derived_from"]) + ")")
    if e.get("rows"):
        bits.append(f"rows {e['rows']}")
    return " ".join(bits)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: dict[str, Any], limit: int = LIST_LIMIT) -> str:
    """The report for people, in Markdown (at most ``limit`` entries per list)."""
    s = report["summary"]
    out = [f"# What changed: {report['old']} → {report['new']}", "",
           f"{s['facts_added']:,} facts added, {s['facts_removed']:,} removed, "
           f"{s['facts_changed']:,} changed; {s['other_subjects_changed']:,} other subjects "
           f"changed ({s['triples_added']:,} triples added, {s['triples_removed']:,} removed).",
           ""]
    if not report["graphs"]:
        out += ["No difference.", ""]
        return "\n".join(out)
    out += ["| graph (source) | facts added | removed | changed | other subjects |",
            "|---|---:|---:|---:|---:|"]
    for g in report["graphs"]:
        c = g["facts"]
        out.append(f"| {_md_escape(g['graph'] or '(default graph)')} | {c['added']:,} | "
                   f"{c['removed']:,} | {c['changed']:,} | {len(g['other']):,} |")
    for g in report["graphs"]:
        out += ["", f"## {g['graph'] or '(default graph)'}"]
        for t in g["types"]:
            for status in ("added", "removed", "changed"):
                items = t[status]
                if not items:
                    continue
                out += ["", f"### {t['type']}: {len(items):,} {status}", ""]
                for e in items[:limit]:
                    out.append(f"- {_md_escape(_fact_line(e))}")
                    if status == "changed":
                        out += [f"  - `−` {_md_escape(x)}" for x in e.get("removed", [])[:10]]
                        out += [f"  - `+` {_md_escape(x)}" for x in e.get("added", [])[:10]]
                if len(items) > limit:
                    out.append(f"- … and {len(items) - limit:,} more (see the JSON report)")
        if g["other"]:
            out += ["", f"### Other subjects: {len(g['other']):,} changed", ""]
            for e in g["other"][:limit]:
                out.append(f"- <{e['subject']}>: {len(e.get('added', [])):,} triples added, "
                           f"{len(e.get('removed', [])):,} removed")
                out += [f"  - `−` {_md_escape(x)}" for x in e.get("removed", [])[:5]]
                out += [f"  - `+` {_md_escape(x)}" for x in e.get("added", [])[:5]]
            if len(g["other"]) > limit:
                out.append(f"- … and {len(g['other']) - limit:,} more (see the JSON report)")
    return "\n".join(out) + "\n"


def render_html(report: dict[str, Any], limit: int = LIST_LIMIT) -> str:
    """The report for people, as one HTML page (every value escaped)."""
    esc = html.escape
    s = report["summary"]
    title = f"What changed: {report['old']} → {report['new']}"
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{esc(title)}</title>",
           "<style>body{font-family:sans-serif;max-width:70em;margin:auto;padding:1em}"
           "td,th{padding:.2em .6em;border-bottom:1px solid #ddd}"
           "td.n{text-align:right}q{color:#333}code{font-size:90%}</style></head><body>",
           f"<h1>{esc(title)}</h1>",
           f"<p>{s['facts_added']:,} facts added, {s['facts_removed']:,} removed, "
           f"{s['facts_changed']:,} changed; {s['other_subjects_changed']:,} other subjects "
           f"changed ({s['triples_added']:,} triples added, {s['triples_removed']:,} "
           "removed).</p>"]
    if report["graphs"]:
        out.append("<table><tr><th>graph (source)</th><th>facts added</th><th>removed</th>"
                   "<th>changed</th><th>other subjects</th></tr>")
        for g in report["graphs"]:
            c = g["facts"]
            out.append(f"<tr><td>{esc(g['graph'] or '(default graph)')}</td>"
                       f"<td class=n>{c['added']:,}</td><td class=n>{c['removed']:,}</td>"
                       f"<td class=n>{c['changed']:,}</td><td class=n>{len(g['other']):,}</td>"
                       "</tr>")
        out.append("</table>")
    for g in report["graphs"]:
        out.append(f"<h2>{esc(g['graph'] or '(default graph)')}</h2>")
        for t in g["types"]:
            for status in ("added", "removed", "changed"):
                items = t[status]
                if not items:
                    continue
                out.append(f"<h3>{esc(t['type'])}: {len(items):,} {status}</h3><ul>")
                for e in items[:limit]:
                    bits = [f"<code>{esc(e['fact'][len(_FACT_NS):])}</code>"]
                    if e.get("quote"):
                        bits.append(f"<q>{esc(e['quote'])}</q>")
                    src = e.get("document") or ", ".join(e.get("derived_from", []))
                    if src:
                        bits.append(f"({esc(src)})")
                    if e.get("rows"):
                        bits.append(f"rows {esc(e['rows'])}")
                    out.append("<li>" + " ".join(bits))
                    if status == "changed":
                        out.append("<ul>" + "".join(
                            f"<li>− <code>{esc(x)}</code></li>" for x in e.get("removed", [])[:10])
                            + "".join(f"<li>+ <code>{esc(x)}</code></li>"
                                      for x in e.get("added", [])[:10]) + "</ul>")
                    out.append("</li>")
                if len(items) > limit:
                    out.append(f"<li>… and {len(items) - limit:,} more (see the JSON report)</li>")
                out.append("</ul>")
        if g["other"]:
            out.append(f"<h3>Other subjects: {len(g['other']):,} changed</h3><ul>")
            for e in g["other"][:limit]:
                out.append(f"<li>{esc(e['subject'])}: {len(e.get('added', [])):,} added, "
                           f"{len(e.get('removed', [])):,} removed</li>")
            out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_reports(report: dict[str, Any], folder: Path, stem: str = "changes") -> list[str]:
    """Write ``{stem}.json``, ``{stem}.md`` and ``{stem}.html`` into ``folder``; return the
    names."""
    files = {
        f"{stem}.json": json.dumps(report, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
        f"{stem}.md": render_markdown(report),
        f"{stem}.html": render_html(report),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(files)
