"""``diplograph build``: the whole graph from the bundled ontology, reference data and sources.

Each step replaces its own named graph, so a rebuild gives the same IRIs and the same
triples. A facts file that fails is reported and changes nothing. The other steps still run,
and the build ends with an error listing the failures.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..graph.errors import DiplographError
from ..graph.namespaces import GRAPH
from .facts import agent_quads, facts_files, load_facts_file, replace_graph

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    """What a build did, step by step."""

    steps: list[tuple[str, int, float]] = field(default_factory=list)  # (name, triples, seconds)
    failures: list[DiplographError] = field(default_factory=list)


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
    """Replace a (possibly large) reference graph: remove it, then add all quads at once."""
    g = ox.NamedNode(graph)
    items = [ox.Quad(q.subject, q.predicate, q.object, g) for q in quads]
    if store.contains_named_graph(g):
        store.remove_graph(g)
    store.extend(items)
    return len(items)


def build(
    store: ox.Store,
    *,
    sources: Path | None = None,
    with_datasets: bool = True,
    progress: Progress = lambda _msg: None,
) -> BuildReport:
    """Build everything into ``store``. Returns a :class:`BuildReport`. Raises nothing for a bad
    facts file (it is in ``report.failures``)."""
    from ..ontology import files as ontology_files
    from .cameo_plover import cameo_plover_quads
    from .registry import load_registry

    report = BuildReport()
    sources = sources or sources_dir()
    files = facts_files(sources)
    steps: list[tuple[str, Callable[[], int]]] = []

    for graph_iri, paths in ontology_files().items():

        def step(graph_iri: str = graph_iri, paths: list[Path] = paths) -> int:
            quads: list[ox.Quad] = []
            for p in paths:
                quads += skolemize(ox.parse(path=str(p), format=ox.RdfFormat.TURTLE), p.stem)
            return replace_graph(store, graph_iri, quads)

        steps.append((f"ontology <{graph_iri}>", step))
    meta = GRAPH("meta")
    steps.append(("build metadata", lambda: replace_graph(store, meta, agent_quads(meta))))
    steps.append(
        (
            "CAMEO/PLOVER event codes",
            lambda: _replace_large(store, GRAPH("cameo-plover"), cameo_plover_quads()),
        )
    )
    steps.append(
        (
            "registry of states and organisations",
            lambda: _replace_large(store, GRAPH("registry"), load_registry().quads()),
        )
    )
    if with_datasets:
        from .datasets import all_datasets
        from .registry import default_data_dir
        from .state_periods import StatePeriods

        for info, fn in all_datasets():

            def dstep(info=info, fn=fn) -> int:  # noqa: ANN001
                periods = StatePeriods.load()
                return _replace_large(store, info.graph, fn(default_data_dir(), periods, progress))

            steps.append((f"{info.name}: {info.title}", dstep))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    loaded: set[str] = set()  # graphs of the facts files that loaded

    for path in files:

        def fstep(path: Path = path) -> int:
            r = load_facts_file(store, path, load_registry(), loaded_at=now)
            loaded.add(r.graph)
            return r.triples

        steps.append((f"facts {path.name}", fstep))

    def view_step() -> int:
        from ..linking.wikidata_view import write_view

        return write_view(store)

    steps.append(("Wikidata-shaped view of the document facts", view_step))
    total = len(steps)
    for i, (name, fn) in enumerate(steps, 1):
        t0 = time.perf_counter()
        try:
            n = fn()
        except DiplographError as e:
            report.failures.append(e)
            progress(f"[{i}/{total}] {name}: FAILED\n{e}")
            continue
        dt_s = time.perf_counter() - t0
        report.steps.append((name, n, dt_s))
        progress(f"[{i}/{total}] {name}: {n:,} triples in {dt_s:.2f} s")
    # Drop the graphs of source documents no longer in the sources folder. If any facts file
    # failed, nothing is dropped: a broken file must not cost its old graph.
    if len(loaded) == len(files):
        for g in list(store.named_graphs()):
            if g.value.startswith(GRAPH("source/")) and g.value not in loaded:
                store.remove_graph(g)
                progress(f"removed the graph of a deleted source: <{g.value}>")
    return report
