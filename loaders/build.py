"""``diplograph build``: the whole graph from the bundled ontology, reference data and sources.

Each step replaces its own named graph, so a rebuild gives the same IRIs and the same
triples. A facts file or a data set that fails is reported and changes nothing: its graph
stays as it was. The other steps still run, and the build ends with an error listing the
failures.

**Incremental.** Every step has a fingerprint of its inputs: the SHA-256 of its input files
(data files, Turtle files, facts files), of the source of the code that reads them (the
loader's version), and the ontology's version IRI. After a step writes its graph, the build
records the fingerprint in the graph ``dgg:build`` (``<graph> dg:inputFingerprint "…" ;
dg:buildStep "…" ; dg:inputManifest "{json}"``). The next build skips every step whose
fingerprint is unchanged and says so; ``force=True`` rebuilds them all.

**Data sets** (``loaders/datasets.py``) write N-Triples lines (``loaders/tables.py``) into
parts held in memory (up to ``graph.store.MEMORY_BYTES``, then temporary files); only when the
whole data set has been read without error do the parts replace its graph, so a refused data
set keeps its previous graph and the memory needed does not grow with the size of the data set.
The replacement is atomic (``graph.store.replace_graph_atomically``): an existing graph gets
the difference in one transaction (nothing when the data did not change), so a build killed at
any moment (SIGKILL, power loss) leaves every graph as it was or as the build made it, never
empty or half written. A new graph of at most ``graph.store.SMALL_GRAPH_LINES`` triples is
written in one transaction (a bulk load's tables would make RocksDB rewrite its subject-,
predicate- and object-keyed indexes whole for a few thousand triples); a larger new graph is
bulk-loaded: in one atomic ingestion up to ``graph.store.PART_LINES`` triples, a larger one in
several, two at a time; a crash between them leaves part of a graph that did not exist, with no
fingerprint, which the next build completes. The registry and the Wikidata view are replaced
the same way; the ontology, the shapes and the facts graphs are small and replaced in one
SPARQL update.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..graph.errors import DiplographError
from ..graph.namespaces import DG, GRAPH, ONTOLOGY_VERSION_IRI, PROV, XSD
from ..graph.store import (  # noqa: F401 - the build's names
    MEMORY_BYTES,
    discard,
    replace_graph_atomically,
    replace_streamed,
    write_ntriples,
    write_parts,
)
from ..graph.terms import to_bytes, value
from .facts import agent_quads, facts_files, load_facts_file, replace_graph

if TYPE_CHECKING:
    from .datasets import DatasetInfo

Progress = Callable[[str], None]

log = logging.getLogger(__name__)

#: The code that turns a facts file into triples (part of a facts graph's fingerprint).
FACTS_CODE = ("loaders/facts.py", "loaders/facts_rdf.py", "loaders/facts_schema.py",
              "loaders/yaml_lines.py")
#: The graph that records what each graph was built from.
BUILD_GRAPH = GRAPH("build")


@dataclass
class BuildReport:
    """What a build did, step by step."""

    steps: list[tuple[str, int, float]] = field(default_factory=list)  # (name, triples, seconds)
    failures: list[DiplographError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # steps whose inputs did not change

    @property
    def rebuilt(self) -> list[str]:
        return [name for name, _, _ in self.steps]


def sources_dir() -> Path:
    """The bundled ``sources/`` folder."""
    from .. import sources

    return Path(sources.__file__).parent


GENID = "https://diplograph.org/.well-known/genid/"


def skolemize(quads: Iterable[ox.Quad], scope: str) -> Iterator[ox.Quad]:
    """Replace blank nodes by IRIs numbered in order of first appearance (RDF 1.1, 3.5).

    Parsing the same file gives the same IRIs, so a rebuild gives identical triples.

    >>> q = next(iter(ox.parse(b"[] <http://e/p> 1 .", format=ox.RdfFormat.TURTLE)))
    >>> next(skolemize([q], "demo")).subject.value
    'https://diplograph.org/.well-known/genid/demo/1'
    """
    names: dict[str, ox.NamedNode] = {}

    def fix(term):  # noqa: ANN001, ANN202
        if isinstance(term, ox.BlankNode):
            if term.value not in names:
                names[term.value] = ox.NamedNode(f"{GENID}{scope}/{len(names) + 1}")
            return names[term.value]
        return term

    for q in quads:
        yield ox.Quad(fix(q.subject), q.predicate, fix(q.object), q.graph_name)


def _replace_large(store: ox.Store, graph: str, quads: Iterable[ox.Quad]) -> int:
    """Replace a (possibly large) graph atomically: after a crash at any moment the store
    holds either the whole previous graph or the whole new one (:func:`replace_streamed`).
    Blank nodes are refused (the reference graphs are skolemised).

    >>> store = ox.Store()
    >>> q = lambda o: ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal(o))
    >>> _replace_large(store, "http://e/g", [q("a"), q("b")])
    2
    >>> _replace_large(store, "http://e/g", [q("b"), q("c")])
    2
    >>> sorted(t.object.value for t in store.quads_for_pattern(None, None, None, None))
    ['b', 'c']
    """
    return replace_streamed(store, graph, quads)


# -- fingerprints ------------------------------------------------------------------------------

_HASHES: dict[tuple[str, int, int], str] = {}


def _file_hash(path: Path) -> str:
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _HASHES:
        from .datasets import file_sha256

        _HASHES[key] = file_sha256(path)
    return _HASHES[key]


def _package_root() -> Path:
    from .. import data

    return Path(data.__file__).resolve().parent.parent


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(_package_root()))
    except ValueError:
        return str(path)


def fingerprint(
    step: str, files: Iterable[Path], extra: dict[str, str] | None = None
) -> tuple[str, str]:
    """``(sha256, manifest)`` of a step's inputs: the files' hashes, the ontology version and
    the diplograph version (plus ``extra``, e.g. the fingerprints a step depends on)."""
    from .. import __version__

    manifest = {
        "step": step,
        "ontology": ONTOLOGY_VERSION_IRI,
        "diplograph": __version__,
        "files": {_rel(p): _file_hash(p) for p in sorted(set(files))},
        **({"depends": dict(sorted(extra.items()))} if extra else {}),
    }
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest(), text


def _code(*modules: str) -> list[Path]:
    """Source files of the code a step runs (its loader's version)."""
    root = _package_root()
    return [root / m for m in modules]


def _registry_inputs(data_dir: Path) -> list[Path]:
    from .registry import registry_inputs

    return registry_inputs(data_dir)


def recorded(store: ox.Store) -> dict[str, tuple[str, str]]:
    """``{step: (graph, fingerprint)}`` as the store records them (``dgg:build``)."""
    g = ox.NamedNode(BUILD_GRAPH)
    steps: dict[str, str] = {}
    fps: dict[str, str] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(DG("buildStep")), None, g):
        steps[value(q.subject)] = value(q.object)
    for q in store.quads_for_pattern(None, ox.NamedNode(DG("inputFingerprint")), None, g):
        fps[value(q.subject)] = value(q.object)
    return {step: (graph, fps.get(graph, "")) for graph, step in steps.items()}


def facts_fingerprint(path: Path) -> tuple[str, str, str]:
    """``(step, fingerprint, manifest)`` of a facts file, as :func:`build` computes them (so a
    file loaded with ``diplograph load`` counts as current for the next build)."""
    from ..ontology import files as ontology_files
    from .registry import default_data_dir

    reg, _ = fingerprint("registry", _registry_inputs(default_data_dir()))
    key = f"facts {path.name}"
    fp, manifest = fingerprint(
        key, [path, *ontology_files()[GRAPH("shapes")], *_code(*FACTS_CODE)], {"registry": reg}
    )
    return key, fp, manifest


def record_graph(store: ox.Store, step: str, graph: str, fp: str, manifest: str) -> None:
    """Record in ``dgg:build`` that ``graph`` was built by ``step`` from inputs ``fp``."""
    _record(store, step, graph, fp, manifest)


def _record(store: ox.Store, step: str, graph: str, fp: str, manifest: str) -> None:
    g = ox.NamedNode(BUILD_GRAPH)
    s = ox.NamedNode(graph)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    triples = [
        ox.Triple(s, ox.NamedNode(DG("buildStep")), ox.Literal(step)),
        ox.Triple(s, ox.NamedNode(DG("inputFingerprint")), ox.Literal(fp)),
        ox.Triple(s, ox.NamedNode(DG("inputManifest")), ox.Literal(manifest)),
        ox.Triple(s, ox.NamedNode(PROV("generatedAtTime")),
                  ox.Literal(now, datatype=ox.NamedNode(XSD("dateTime")))),
    ]
    body = to_bytes(triples, ox.RdfFormat.N_TRIPLES).decode("utf-8")
    # one update, so a kill leaves the old record or the new one
    store.update(f"DELETE WHERE {{ GRAPH {g} {{ {s} ?p ?o }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {g} {{\n{body}}} }}")


def _forget(store: ox.Store, graph: str) -> None:
    g = ox.NamedNode(BUILD_GRAPH)
    for q in list(store.quads_for_pattern(ox.NamedNode(graph), None, None, g)):
        store.remove(q)


# -- the build ---------------------------------------------------------------------------------


@dataclass
class _Step:
    name: str
    key: str  # stable id of the step in dgg:build
    graph: str | None  # known before running (None for facts files: the document decides)
    inputs: Callable[[], tuple[str, str]]  # -> (fingerprint, manifest)
    run: Callable[[], tuple[int, str]]  # -> (triples, graph written)
    #: the step in two halves: its graph written to files here, loaded on the loader thread
    prepare: Callable[[], _Prepared] | None = None


@dataclass
class _Prepared:
    """A step's graph written to temporary files, ready to replace its graph."""

    triples: int
    graph: str
    load: Callable[[], object]  # replaces the graph (on the loader thread)
    done: Callable[[], object]  # after the load succeeded (on the build's thread)
    discard: Callable[[], object]  # removes the files
    cpu: float  # CPU seconds of the build's thread to write the files
    seconds: float  # wall seconds to write them


class _Loader:
    """One thread that loads the data sets' graphs while the build's thread reads and writes
    the next data set (pyoxigraph's bulk loader releases the GIL): the two CPUs work at once.
    A step is settled (its graph recorded, its progress line written) on the build's thread,
    in order; the build waits for every load before a step that reads the store."""

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        # the CPU clock of the build's thread, to tell the loads' CPU time from the rest
        self.clock = time.pthread_getcpuclockid(threading.get_ident())
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="build-loader")

    def submit(self, prep: _Prepared) -> Future[tuple[float, float]]:
        def job() -> tuple[float, float]:  # -> (CPU seconds, wall seconds) of the load
            t0, c0, m0 = time.perf_counter(), time.process_time(), time.clock_gettime(self.clock)
            prep.load()
            cpu = time.process_time() - c0 - (time.clock_gettime(self.clock) - m0)
            return max(cpu, 0.0), time.perf_counter() - t0

        return self.pool.submit(job)

    def close(self) -> None:
        self.pool.shutdown(wait=True)

    @staticmethod
    def available() -> bool:
        """Whether this platform gives a thread's CPU clock (else the build loads inline)."""
        return hasattr(time, "pthread_getcpuclockid")


#: The cyclic garbage collector's first threshold during a build (CPython's default is 700
#: allocations): the data-set loaders and the view allocate millions of small containers
#: (rows, cells, the view's tables) that live to the end of their step, and a young
#: collection every 700 of them cost about 0.6 s of CPU over a full build (measured by
#: pairs of the data sets' Python alone: 3.06-3.27 s against 2.50-2.58 s). With this
#: threshold the young collections still cost about 0.2 s of a build (nine of them, timed
#: with ``gc.callbacks``) and found almost nothing to free: during a build the collector
#: does not run at all (:func:`fewer_collections`); the threshold applies to code that asks
#: for fewer collections without pausing them.
GC_THRESHOLD = 100_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """No cyclic garbage collection in the block (the build's objects are freed by their
    reference counts as before; the few cycles wait for the next collection after it), and
    the first threshold at least :data:`GC_THRESHOLD`; both restored after it, whatever
    happens.

    >>> before, enabled = gc.get_threshold(), gc.isenabled()
    >>> with fewer_collections():
    ...     gc.isenabled(), gc.get_threshold()[0]
    (False, 100000)
    >>> gc.get_threshold() == before and gc.isenabled() == enabled
    True
    """
    old = gc.get_threshold()
    enabled = gc.isenabled()
    gc.set_threshold(max(old[0], GC_THRESHOLD), *old[1:])
    gc.disable()
    try:
        yield
    finally:
        gc.set_threshold(*old)
        if enabled:
            gc.enable()


def build(
    store: ox.Store,
    *,
    sources: Path | None = None,
    with_datasets: bool = True,
    datasets: Iterable[str] | None = None,
    force: bool = False,
    data_dir: Path | None = None,
    progress: Progress = lambda _msg: None,
) -> BuildReport:
    """Build everything into ``store`` (only what changed, unless ``force``). Returns a
    :class:`BuildReport`. Raises nothing for a bad facts file or data set (it is in
    ``report.failures``). ``datasets``: the names of the data sets to build (default: all);
    an unknown name raises ``DiplographError("not-found")``. ``data_dir``: the reference data
    (default: the bundled ``data/``)."""
    with fewer_collections():
        return _build(store, sources=sources, with_datasets=with_datasets, datasets=datasets,
                      force=force, data_dir=data_dir, progress=progress)


def _build(
    store: ox.Store,
    *,
    sources: Path | None,
    with_datasets: bool,
    datasets: Iterable[str] | None,
    force: bool,
    data_dir: Path | None,
    progress: Progress,
) -> BuildReport:
    from ..ontology import files as ontology_files
    from .registry import default_data_dir, load_registry

    report = BuildReport()
    data_dir = Path(data_dir or default_data_dir())
    sources = sources or sources_dir()
    files = facts_files(sources)
    steps: list[_Step] = []
    fps: dict[str, str] = {}  # step key -> fingerprint, for steps that depend on others

    def inputs(key: str, paths: Callable[[], list[Path]], depends: tuple[str, ...] = ()):  # noqa: ANN202
        def compute() -> tuple[str, str]:
            fp, manifest = fingerprint(key, paths(), {d: fps.get(d, "") for d in depends})
            fps[key] = fp
            return fp, manifest

        return compute

    for graph_iri, paths in ontology_files().items():

        def step(graph_iri: str = graph_iri, paths: list[Path] = paths) -> tuple[int, str]:
            quads: list[ox.Quad] = []
            for p in paths:
                quads += skolemize(ox.parse(path=str(p), format=ox.RdfFormat.TURTLE), p.stem)
            return replace_graph(store, graph_iri, quads), graph_iri

        key = "ontology " + graph_iri.rsplit("/", 1)[1]
        steps.append(_Step(f"ontology <{graph_iri}>", key, graph_iri,
                           inputs(key, functools.partial(list, paths)), step))
    meta = GRAPH("meta")
    steps.append(_Step(
        "build metadata", "meta", meta, inputs("meta", lambda: _code("loaders/facts_rdf.py")),
        lambda: (replace_graph(store, meta, agent_quads(meta)), meta),
    ))

    def cameo() -> tuple[int, str]:
        from .cameo_plover import cameo_plover_quads

        g = GRAPH("cameo-plover")
        return _replace_large(store, g, cameo_plover_quads()), g

    steps.append(_Step(
        "CAMEO/PLOVER event codes", "cameo-plover", GRAPH("cameo-plover"),
        inputs("cameo-plover", lambda: [*sorted((data_dir / "cameo-plover").glob("*.tsv")),
                                         *_code("loaders/cameo_plover.py")]),
        cameo,
    ))
    steps.append(_Step(
        "registry of states and organisations", "registry", GRAPH("registry"),
        inputs("registry", lambda: _registry_inputs(data_dir)),
        lambda: (replace_streamed(store, GRAPH("registry"), load_registry(data_dir).quads()),
                 GRAPH("registry")),
    ))
    from .wikidata_view import VIEW_GRAPH, ViewInputs, write_view

    #: the data sets' triples the view reads, kept as their steps write them
    view_inputs = ViewInputs()
    if with_datasets:
        from .catalogue import all_datasets
        from .catalogue import dataset as find_dataset
        from .state_periods import StatePeriods

        chosen = (
            [find_dataset(n) for n in dict.fromkeys(datasets)] if datasets else all_datasets()
        )
        for info, fn in chosen:

            def dprepare(info=info, fn=fn) -> _Prepared:  # noqa: ANN001
                t0, c0 = time.perf_counter(), time.thread_time()
                periods = StatePeriods.load(data_dir)
                part = view_inputs.part()  # what the view reads, kept as it is written
                files, n = write_parts(info.graph, fn(data_dir, periods, progress),
                                       tap=functools.partial(view_inputs.collect_chunk, part),
                                       memory=MEMORY_BYTES)
                return _Prepared(
                    n, info.graph,
                    # lenient: loaders/tables.py's text, parsed strictly by its tests
                    load=functools.partial(replace_graph_atomically, store, info.graph,
                                           files, n, lenient=True),
                    done=functools.partial(view_inputs.keep, info.graph, part),
                    discard=functools.partial(discard, files),
                    cpu=time.thread_time() - c0, seconds=time.perf_counter() - t0,
                )

            def dstep(dprepare=dprepare) -> tuple[int, str]:  # noqa: ANN001
                prep = dprepare()
                try:
                    prep.load()
                finally:
                    prep.discard()
                prep.done()
                return prep.triples, prep.graph

            key = "dataset " + info.name
            mod = fn.__module__.rsplit(".", 1)[1]

            def dinputs(info: DatasetInfo = info, mod: str = mod) -> list[Path]:
                return [
                    *(data_dir / f for f in info.files),
                    *_code(f"loaders/{mod}.py", "loaders/datasets.py", "loaders/tables.py",
                           "loaders/state_periods.py"),
                ]

            steps.append(_Step(
                f"{info.name}: {info.title}", key, info.graph,
                inputs(key, dinputs, ("registry",)),
                dstep, dprepare,
            ))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    loaded: set[str] = set()  # graphs of the facts files that loaded or are current
    facts_keys: list[str] = []

    for path in files:

        def fstep(path: Path = path) -> tuple[int, str]:
            r = load_facts_file(store, path, load_registry(data_dir), loaded_at=now)
            loaded.add(r.graph)
            return r.triples, r.graph

        key = f"facts {path.name}"
        facts_keys.append(key)

        def finputs(path: Path = path) -> list[Path]:
            return [path, *ontology_files()[GRAPH("shapes")], *_code(*FACTS_CODE)]

        steps.append(_Step(
            f"facts {path.name}", key, None,
            inputs(key, finputs, ("registry",)),
            fstep,
        ))

    def view_step() -> tuple[int, str]:
        return write_view(store, view_inputs), VIEW_GRAPH

    steps.append(_Step(
        "Wikidata-shaped view of the facts and reference data", "wikidata-view", VIEW_GRAPH,
        inputs("wikidata-view", lambda: _code("loaders/wikidata_view.py"),
               ("registry", *facts_keys, *(s.key for s in steps
                                          if s.key.startswith("dataset ")))),
        view_step,
    ))

    done = {} if force else recorded(store)
    total = len(steps)
    loader = _Loader() if _Loader.available() else None
    #: steps whose graph is being loaded: (number, step, fingerprint, manifest, files
    #: written, the load)
    pending: list[tuple[int, _Step, str, str, _Prepared, Future[tuple[float, float]]]] = []

    def failed(i: int, st: _Step, e: Exception) -> None:
        fps[st.key] = "failed"
        if isinstance(e, DiplographError):
            report.failures.append(e)
            progress(f"[{i}/{total}] {st.name}: FAILED (its graph is left as it was)\n{e}")
            return
        log.error("build step %s failed", st.name, exc_info=e)
        err = DiplographError(
            "internal", f"{st.name}: unexpected failure ({type(e).__name__}: {e}); its "
            "graph is left as it was; please report it")
        report.failures.append(err)
        progress(f"[{i}/{total}] {st.name}: FAILED\n{err}")

    def finished(i: int, st: _Step, n: int, graph: str, fp: str, manifest: str,
                 dt_s: float, cpu_s: float) -> None:
        _record(store, st.key, graph, fp, manifest)
        report.steps.append((st.name, n, dt_s))
        progress(
            f"[{i}/{total}] {st.name}: {n:,} triples in {dt_s:.2f} s "
            f"({n / max(dt_s, 1e-9):,.0f}/s; {cpu_s:.2f} s CPU)"
        )

    def settle() -> None:
        """Wait for the loads under way and record them, in order. A step's time is the time
        to write its files plus the time of its load (not the wait for the one before)."""
        while pending:
            i, st, fp, manifest, prep, future = pending.pop(0)
            try:
                load_cpu, load_s = future.result()
                prep.done()
            except Exception as e:  # noqa: BLE001 - one step's bug must not stop the others
                failed(i, st, e)
                continue
            finally:
                prep.discard()
            finished(i, st, prep.triples, prep.graph, fp, manifest, prep.seconds + load_s,
                     prep.cpu + load_cpu)

    try:
        for i, st in enumerate(steps, 1):
            if st.prepare is None or loader is None:
                settle()  # the step may read what the loads write
            try:
                fp, manifest = st.inputs()
            except OSError as e:
                err = DiplographError("bad-input", f"{st.name}: cannot read its inputs: {e}")
                report.failures.append(err)
                progress(f"[{i}/{total}] {st.name}: FAILED\n{err}")
                continue
            old = done.get(st.key)
            if old and old[1] == fp and store.contains_named_graph(ox.NamedNode(old[0])):
                report.skipped.append(st.name)
                if st.key.startswith("facts "):
                    loaded.add(old[0])
                progress(f"[{i}/{total}] {st.name}: up to date")
                continue
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                if st.prepare is not None and loader is not None:
                    prep = st.prepare()
                    settle()  # one load at a time: the previous one, then this one
                    pending.append((i, st, fp, manifest, prep, loader.submit(prep)))
                    continue
                n, graph = st.run()
            except Exception as e:  # noqa: BLE001 - one step's bug must not stop the others
                failed(i, st, e)
                continue
            finished(i, st, n, graph, fp, manifest, time.perf_counter() - t0,
                     time.process_time() - c0)
        settle()
    finally:
        if loader is not None:
            settle()
            loader.close()
    # Drop the graphs of source documents no longer in the sources folder. If any facts file
    # failed, nothing is dropped: a broken file must not cost its old graph.
    failed_facts = any(k in fps and fps[k] == "failed" for k in facts_keys)
    if not failed_facts and len(loaded) == len(files):
        for g in list(store.named_graphs()):
            if g.value.startswith(GRAPH("source/")) and g.value not in loaded:
                store.remove_graph(g)
                _forget(store, g.value)
                progress(f"removed the graph of a deleted source: <{g.value}>")
    return report
