"""Query mixes: light, heavy and named (the bundled ``queries/*.rq``, repeated).

Parameters are random entities of the loaded data, drawn with a fixed seed from the store
itself (:func:`sample_params`), so the same mixes work on the synthetic data and on the real
graph (``--real``). A mix is a list of :class:`Request` s; every load-generator worker walks
it from its own offset.

* light: an entity's label, ASK, a CONSTRUCT of one entity, a state's memberships LIMIT 20.
* heavy: memberships per organisation (aggregate), memberships starting in a date range
  (FILTER on ``dg:startDateEarliest``), 2-hop state → membership → organisation → label,
  CONTAINS and REGEX over labels.
* named: a few fixed parameterisations of each named query, repeated (what a result cache
  sees). diplograph gets ``/queries/<name>?param=IRI``; every server (diplograph included,
  as ``named-sparql``) can get the same text with the parameters inlined as a ``VALUES``
  block at the start of the WHERE clause.
"""

from __future__ import annotations

import random
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

PREFIXES = (
    "PREFIX dg: <https://diplograph.org/ontology#>\n"
    "PREFIX org: <http://www.w3.org/ns/org#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
)
JSON = "application/sparql-results+json"
TURTLE = "text/turtle"


@dataclass(frozen=True)
class Request:
    """One HTTP request of a mix: ``kind`` names its template (for per-query floors)."""

    kind: str
    sparql: str
    accept: str = JSON
    named: str | None = None  # "/queries/<name>?…" path+query for diplograph's named API

    def target(self, path: str) -> str:
        """The GET target on an endpoint ``path`` (e.g. ``/sparql``)."""
        return f"{path}?{urllib.parse.urlencode({'query': self.sparql})}"


@dataclass
class Params:
    """Entities drawn from the store."""

    states: list[str]
    orgs: list[str]
    documents: list[str]
    trade_pairs: list[tuple[str, str]]
    words: list[str]


def _column(store, query: str) -> list[str]:  # noqa: ANN001
    out = []
    for sol in store.query(PREFIXES + query, use_default_graph_as_union=True):
        out.append(sol[0].value)
    return sorted(out)


def sample_params(store, seed: int = 7, k: int = 64) -> Params:  # noqa: ANN001
    """Up to ``k`` states (with memberships), organisations, documents, trade pairs and
    label fragments, drawn with ``seed`` from a pyoxigraph store."""
    rng = random.Random(seed)
    states = _column(store, "SELECT DISTINCT ?s WHERE { ?f org:member ?s . ?s a dg:State }")
    orgs = _column(store, "SELECT DISTINCT ?o WHERE { ?f org:organization ?o }")
    docs = _column(store, "SELECT ?d WHERE { ?d a dg:SourceDocument }")
    pairs = sorted(
        (s[0].value, s[1].value)
        for s in store.query(
            PREFIXES + "SELECT DISTINCT ?a ?b WHERE { ?o dg:reporter ?a ; dg:partner ?b }",
            use_default_graph_as_union=True)
    )
    labels = _column(store, "SELECT ?l WHERE { ?s a dg:State ; rdfs:label ?l "
                            "FILTER(LANGMATCHES(LANG(?l), 'en')) }")

    def pick(xs: list, n: int = k) -> list:  # noqa: ANN001
        return rng.sample(xs, min(n, len(xs))) if xs else []

    words = []
    for lab in pick(labels, 16):
        w = re.sub(r"[^a-z]", "", lab.lower().replace("republic of", ""))
        if len(w) >= 4:
            i = rng.randint(0, len(w) - 4)
            words.append(w[i:i + 4])
    return Params(pick(states), pick(orgs), pick(docs), pick(pairs), words or ["land"])


def _light(rng: random.Random, p: Params) -> Request:
    s = rng.choice(p.states)
    kind = rng.choice(["label", "ask", "construct", "memberships"])
    if kind == "label":
        e = rng.choice(p.states + p.orgs)
        return Request(kind, PREFIXES + f"SELECT ?label WHERE {{ <{e}> rdfs:label ?label }}")
    if kind == "ask":
        return Request(kind, PREFIXES + f"ASK {{ <{s}> a dg:State }}")
    if kind == "construct":
        return Request(kind, f"CONSTRUCT {{ <{s}> ?p ?o }} WHERE {{ <{s}> ?p ?o }}", TURTLE)
    return Request(kind, PREFIXES + "SELECT ?fact ?org ?start WHERE { ?fact org:member "
                   f"<{s}> ; org:organization ?org . OPTIONAL {{ ?fact dg:startDate ?start }} }} "
                   "LIMIT 20")


def _heavy(rng: random.Random, p: Params) -> Request:
    kind = rng.choice(["per-org", "date-range", "two-hop", "contains", "regex"])
    if kind == "per-org":
        return Request(kind, PREFIXES + "SELECT ?org (COUNT(?f) AS ?n) WHERE { ?f a dg:Membership"
                       " ; org:organization ?org } GROUP BY ?org ORDER BY DESC(?n) ?org")
    if kind == "date-range":
        y = rng.randint(1950, 2015)
        return Request(kind, PREFIXES + "SELECT ?f ?member ?start WHERE { ?f org:member ?member"
                       f" ; dg:startDateEarliest ?start FILTER(?start >= \"{y}-01-01\"^^xsd:date"
                       f" && ?start <= \"{y + 4}-12-31\"^^xsd:date) }} ORDER BY ?start ?f")
    if kind == "two-hop":
        s = rng.choice(p.states)
        return Request(kind, PREFIXES + "SELECT ?org ?orgLabel (COUNT(?f) AS ?n) (MIN(?start) AS"
                       f" ?first) WHERE {{ ?f org:member <{s}> ; org:organization ?org . ?org "
                       "rdfs:label ?orgLabel FILTER(LANGMATCHES(LANG(?orgLabel), 'en')) OPTIONAL"
                       " { ?f dg:startDateEarliest ?start } } GROUP BY ?org ?orgLabel "
                       "ORDER BY ?orgLabel")
    w = rng.choice(p.words)
    if kind == "contains":
        return Request(kind, PREFIXES + "SELECT DISTINCT ?s ?label WHERE { ?s rdfs:label ?label "
                       f"FILTER(CONTAINS(LCASE(STR(?label)), \"{w}\")) }} ORDER BY ?label")
    return Request(kind, PREFIXES + "SELECT ?fact ?quote WHERE { ?fact dg:quote ?quote "
                   f"FILTER(REGEX(?quote, \"{w}\", \"i\")) }} LIMIT 100")


def _inline(text: str, bindings: dict[str, str]) -> str:
    """The named query with ``VALUES`` for its parameters at the start of the WHERE group.

    >>> _inline("SELECT * WHERE { ?s ?p ?o }", {"s": "<http://x/a>"})
    'SELECT * WHERE { VALUES (?s) { (<http://x/a>) }\\n ?s ?p ?o }'
    """
    if not bindings:
        return text
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(bindings.values())
    m = re.search(r"\bWHERE\s*\{", text)
    if m is None:
        raise ValueError("no WHERE clause")
    return f"{text[:m.end()]} VALUES ({names}) {{ ({values}) }}\n{text[m.end():]}"


def _xsd(value: str, dtype: str) -> str:
    return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#{dtype}>'


def named_requests(p: Params, rng: random.Random, per_query: int = 3) -> list[Request]:
    """A few fixed parameterisations of each bundled named query (each repeated later)."""
    queries_dir = Path(__file__).resolve().parent.parent / "queries"
    texts = {f.stem: f.read_text(encoding="utf-8") for f in sorted(queries_dir.glob("*.rq"))}
    out: list[Request] = []

    def add(name: str, http: dict[str, str], terms: dict[str, str]) -> None:
        if name not in texts:
            return
        out.append(Request(name, _inline(texts[name], terms),
                           named=f"/queries/{name}?{urllib.parse.urlencode(http)}"))

    for _ in range(per_query):
        s = rng.choice(p.states)
        add("state-memberships", {"state": s}, {"state": f"<{s}>"})
        add("state-relations", {"state": s}, {"state": f"<{s}>"})
        add("entity-facts", {"entity": s}, {"entity": f"<{s}>"})
        add("claims-about", {"actor": s}, {"actor": f"<{s}>"})
        add("wikidata-qid", {"entity": s}, {"entity": f"<{s}>"})
        add("agreements", {"party": s}, {"party": f"<{s}>"})
        if p.documents:
            d = rng.choice(p.documents)
            add("document-facts", {"document": d}, {"document": f"<{d}>"})
        if p.trade_pairs:
            a, b = rng.choice(p.trade_pairs)
            add("trade-series", {"a": a, "b": b}, {"a": f"<{a}>", "b": f"<{b}>"})
        y = rng.randint(1950, 2015)
        add("events-in-range", {"from": str(y), "to": str(y + 2)},
            {"from": _xsd(f"{y}-01-01", "date"), "to": _xsd(f"{y + 2}-12-31", "date")})
    return out


MIXES = ("light", "ask", "heavy", "named")


def build_mix(name: str, p: Params, seed: int = 11, n: int = 500) -> list[Request]:
    """The request list of mix ``name`` (deterministic for a seed)."""
    rng = random.Random(f"{name}:{seed}")
    if name == "light":
        return [_light(rng, p) for _ in range(n)]
    if name == "ask":  # the smallest request: the serving layer's own cost shows most
        return [Request("ask", PREFIXES + f"ASK {{ <{rng.choice(p.states)}> a dg:State }}")
                for _ in range(n)]
    if name == "heavy":
        return [_heavy(rng, p) for _ in range(n)]
    if name == "named":
        base = named_requests(p, rng)
        return [base[i % len(base)] for i in range(max(n, len(base)))]
    raise ValueError(f"unknown mix {name!r}")


def answer(store, sparql: str) -> bytes:  # noqa: ANN001
    """``sparql`` run in process and serialised as a server sends it (JSON results, Turtle
    graphs): what the floors and the engine ceiling (``bench/engine.py``) time."""
    import pyoxigraph as ox

    res = store.query(sparql, use_default_graph_as_union=True)
    if isinstance(res, ox.QueryTriples):
        return res.serialize(format=ox.RdfFormat.TURTLE)
    return res.serialize(format=ox.QueryResultsFormat.JSON)


def floors(store, requests: list[Request], per_kind: int = 5,  # noqa: ANN001
           runs: int = 3) -> dict[str, float]:
    """Median in-process pyoxigraph time (ms) of each request kind: the floor of any server.

    Each query is run to completion and its results serialised (JSON or Turtle), as a
    server must: once to warm the store's caches (not timed), then ``runs`` times.
    """
    import statistics
    import time

    by_kind: dict[str, list[Request]] = {}
    for r in requests:
        if len(by_kind.setdefault(r.kind, [])) < per_kind and r not in by_kind[r.kind]:
            by_kind[r.kind].append(r)
    out: dict[str, float] = {}
    for kind, reqs in by_kind.items():
        times = []
        for r in reqs:
            for i in range(runs + 1):
                t0 = time.perf_counter()
                answer(store, r.sparql)
                if i:  # the first run warms the caches
                    times.append((time.perf_counter() - t0) * 1000)
        out[kind] = round(statistics.median(times), 3)
    return out


def result_size(body: bytes, accept: str) -> int | bool:
    """Rows of a SPARQL JSON result, the boolean of an ASK, or the triples of a Turtle graph."""
    import json

    if accept == JSON:
        data = json.loads(body)
        if "boolean" in data:
            return bool(data["boolean"])
        return len(data["results"]["bindings"])
    import pyoxigraph as ox

    return len(list(ox.parse(body, format=ox.RdfFormat.TURTLE)))


def expected_sizes(store, requests: list[Request]) -> dict[str, int | bool]:  # noqa: ANN001
    """What pyoxigraph answers in process for the first request of each kind."""
    import pyoxigraph as ox

    out: dict[str, int | bool] = {}
    for r in requests:
        if r.kind in out:
            continue
        res = store.query(r.sparql, use_default_graph_as_union=True)
        out[r.kind] = bool(res) if isinstance(res, ox.QueryBoolean) else len(list(res))
    return out
