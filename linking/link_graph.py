"""``diplograph link`` without a file: link the store's entities that lack a Wikidata link.

Candidates are the entities the facts refer to (IRIs under ``/id/`` that are not facts,
concepts or documents, used in a source graph) plus any typed actor outside the registry. An
entity that already has ``skos:exactMatch``/``skos:closeMatch`` or a ``dg:WikidataLink`` is left
alone. Each candidate's labels go through the :class:`~.matcher.Matcher`; a match on a registry
entity with a verified or single-source QID is written into ``dgg:links``::

    <e> skos:exactMatch wd:Q711 ;                 # skos:closeMatch for single-source
        dg:wikidataLink <e/wikidata> .
    <e/wikidata> a dg:WikidataLink ; dg:qid "Q711" ; dg:target wd:Q711 ;
        dg:confidence dgc:confidence/verified ; dg:method "label" ; dg:score 100.0 ;
        dg:evidence "…" ; prov:wasDerivedFrom <registry entity>, <data set> ;
        prov:wasGeneratedBy dgr:activity/link .

Registry entities keep their own link node (one per entity, see the shapes); those without a
usable QID are reported, never guessed, except a record of a body the registry holds twice
(:func:`~.names.same_bodies`, e.g. COW's ``org/SPC-org`` beside ``org/SPC``): it gets the QID of
the record that stands for the body, with the join as evidence, in a node of its own (its
registry link node stays as the data sets gave it)::

    <org/SPC-org> skos:exactMatch wd:Q… ; rdfs:seeAlso <org/SPC-org/wikidata/same-body> .
    <org/SPC-org/wikidata/same-body> a dg:WikidataLink ; dg:qid "Q…" ; dg:target wd:Q… ;
        dg:confidence … ; dg:method "same-body" ; dg:evidence "…" ;
        prov:wasDerivedFrom <org/SPC>, <data set> ; prov:wasGeneratedBy dgr:activity/link .
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ..graph.namespaces import DG, DGC, GRAPH, ID, PROV, RDF, RDFS, SKOS, XSD
from ..graph.registry import Entity, Registry, dataset_iri
from .candidates import USABLE_CONFIDENCE
from .matcher import Matcher

LINKS_GRAPH = GRAPH("links")
LINK_ACTIVITY = ID("activity/link")

CANDIDATES = """
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?e WHERE {
  {
    GRAPH ?g { ?f ?p ?e }
    FILTER(STRSTARTS(STR(?g), "https://diplograph.org/graph/source/"))
    FILTER(isIRI(?e) && STRSTARTS(STR(?e), "https://diplograph.org/id/"))
    FILTER(!STRSTARTS(STR(?e), "https://diplograph.org/id/fact/")
        && !STRSTARTS(STR(?e), "https://diplograph.org/id/concept/")
        && !STRSTARTS(STR(?e), "https://diplograph.org/id/source/")
        && !STRSTARTS(STR(?e), "https://diplograph.org/id/activity/")
        && !STRSTARTS(STR(?e), "https://diplograph.org/id/dataset/")
        && !STRSTARTS(STR(?e), "https://diplograph.org/id/agent/"))
    FILTER(?p != dg:statedIn)
  } UNION {
    VALUES ?c { dg:DiplomaticActor dg:State dg:InternationalOrganization dg:Forum
                dg:NonGovernmentalOrganization dg:Person dg:Place dg:EventSeries }
    ?e a ?c .
    FILTER NOT EXISTS { GRAPH <https://diplograph.org/graph/registry> { ?e ?rp ?ro } }
  }
} ORDER BY ?e
"""

HAS_LINK = """
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e WHERE {
  GRAPH ?g { { ?e skos:exactMatch ?w } UNION { ?e skos:closeMatch ?w }
             UNION { ?e dg:wikidataLink ?l } }
  FILTER(?g != <https://diplograph.org/graph/links>)
}
"""

LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?l WHERE {
  { ?e rdfs:label ?l } UNION { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l }
}
"""


@dataclass
class LinkReport:
    """What ``diplograph link`` did."""

    linked: list[tuple[str, str, str, float]] = field(
        default_factory=list
    )  # (iri, qid, method, score)
    unlinked: list[tuple[str, str]] = field(default_factory=list)  # (iri, reason)
    already: int = 0
    quads: int = 0

    def text(self) -> str:
        """A short plain-text summary."""
        out = [
            f"linked {len(self.linked)} entities, {self.already} already had a link, "
            f"{len(self.unlinked)} could not be linked"
        ]
        out += [
            f"  linked {iri} -> {qid} ({method}, {score:g})"
            for iri, qid, method, score in self.linked
        ]
        out += [f"  not linked {iri}: {why}" for iri, why in self.unlinked]
        return "\n".join(out)


def qid_datasets(e: Entity) -> list[str]:
    """Data set names the entity's QID came from (parsed from its evidence), else all its sources.

    >>> e = Entity(key="X", iri="x", kind="state", labels={}, qid="Q1", confidence="verified",
    ...            evidence="owid-countries-regions gives Q1; internacia gives Q1",
    ...            sources=("internacia", "owid-countries-regions", "country-names-vi"))
    >>> qid_datasets(e)
    ['internacia', 'owid-countries-regions']
    """
    found = [
        s
        for s in e.sources
        if f"{s} gives {e.qid}" in e.evidence
        or (s in ("seed-qids", "curated") and e.evidence.startswith(s))
    ]
    if "seed-qids" in e.sources and "seed-qids" in e.evidence and "seed-qids" not in found:
        found.append("seed-qids")
    return sorted(found) or sorted(e.sources)


def _link_node(s: ox.NamedNode, node: ox.NamedNode, via: str, e: Entity, method: str,
               evidence: str, extra: list[ox.Quad] | None = None) -> list[ox.Quad]:
    """The ``dgg:links`` quads saying ``s`` is ``e``'s Wikidata item, with the link node
    ``node`` (reached from ``s`` by ``via``) that holds the method, the evidence and the
    provenance: ``e``'s registry record and the data sets that gave its QID."""
    g = ox.NamedNode(LINKS_GRAPH)
    wd = ox.NamedNode("http://www.wikidata.org/entity/" + str(e.qid))
    rel = SKOS("exactMatch") if e.confidence == "verified" else SKOS("closeMatch")
    q = [
        ox.Quad(s, ox.NamedNode(rel), wd, g),
        ox.Quad(s, ox.NamedNode(via), node, g),
        ox.Quad(node, ox.NamedNode(RDF("type")), ox.NamedNode(DG("WikidataLink")), g),
        ox.Quad(node, ox.NamedNode(DG("qid")), ox.Literal(str(e.qid)), g),
        ox.Quad(node, ox.NamedNode(DG("target")), wd, g),
        ox.Quad(
            node, ox.NamedNode(DG("confidence")), ox.NamedNode(DGC("confidence/" + e.confidence)), g
        ),
        ox.Quad(node, ox.NamedNode(DG("method")), ox.Literal(method), g),
        *[ox.Quad(x.subject, x.predicate, x.object, g) for x in extra or []],
        ox.Quad(node, ox.NamedNode(DG("evidence")), ox.Literal(evidence), g),
        ox.Quad(node, ox.NamedNode(PROV("wasDerivedFrom")), ox.NamedNode(e.iri), g),
        ox.Quad(node, ox.NamedNode(PROV("wasGeneratedBy")), ox.NamedNode(LINK_ACTIVITY), g),
    ]
    for ds in qid_datasets(e):
        q.append(
            ox.Quad(node, ox.NamedNode(PROV("wasDerivedFrom")), ox.NamedNode(dataset_iri(ds)), g)
        )
    return q


def link_quads(iri: str, e: Entity, method: str, score: float, name: str) -> list[ox.Quad]:
    """The ``dgg:links`` quads linking ``iri`` to ``e``'s QID."""
    node = ox.NamedNode(iri + "/wikidata")
    score_quad = ox.Quad(node, ox.NamedNode(DG("score")),
                         ox.Literal(f"{score:.1f}", datatype=ox.NamedNode(XSD("decimal"))))
    return _link_node(
        ox.NamedNode(iri), node, DG("wikidataLink"), e, method,
        f"diplograph link: name {name!r} matched registry entity {e.key} by {method} "
        f"(score {score:g}); QID {e.qid} ({e.confidence}): {e.evidence}",
        [score_quad],
    )


def same_body_quads(record: Entity, head: Entity, evidence: str) -> list[ox.Quad]:
    """The ``dgg:links`` quads giving ``record`` (a record without a usable QID) the QID of
    ``head``, the record that stands for the same body."""
    return _link_node(
        ox.NamedNode(record.iri), ox.NamedNode(record.iri + "/wikidata/same-body"),
        RDFS("seeAlso"), head, "same-body",
        f"diplograph link: {record.key} and {head.key} are records of one body ({evidence}); "
        f"{record.key} takes the QID of {head.key}: {head.qid} ({head.confidence}): "
        f"{head.evidence}",
    )


def link_store(
    store: ox.Store, registry: Registry, matcher: Matcher | None = None, *, dry_run: bool = False
) -> LinkReport:
    """Link every candidate entity of ``store`` that has no Wikidata link; replace ``dgg:links``."""
    m = matcher or Matcher(registry)
    has_link = {s["e"].value for s in store.query(HAS_LINK, use_default_graph_as_union=True)}
    report = LinkReport()
    quads: list[ox.Quad] = []
    for sol in store.query(CANDIDATES, use_default_graph_as_union=True):
        iri = sol["e"].value
        reg = registry.by_iri(iri)
        head, join = m.same_body(iri)
        if (reg is not None and head is not None and head.qid
                and head.confidence in USABLE_CONFIDENCE
                and not (reg.qid and reg.confidence in USABLE_CONFIDENCE)):
            # a record of a body the registry holds twice: the QID of the body's record
            quads += same_body_quads(reg, head, join)
            report.linked.append((iri, str(head.qid), "same-body", 100.0))
            continue
        if iri in has_link:
            if reg is not None and not (reg.qid and reg.confidence in USABLE_CONFIDENCE):
                report.unlinked.append(
                    (iri, f"registry entity {reg.key}: {reg.confidence}, {reg.evidence}")
                )
            else:
                report.already += 1
            continue
        if reg is not None:
            report.unlinked.append(
                (iri, f"registry entity {reg.key}: {reg.confidence}, {reg.evidence}")
            )
            continue
        labels = [
            s["l"].value
            for s in store.query(
                LABELS,
                use_default_graph_as_union=True,
                substitutions={ox.Variable("e"): ox.NamedNode(iri)},
            )
        ]
        names = labels or [iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")]
        done = False
        reasons = []
        for name in dict.fromkeys(names):
            res = m.match(name)
            best = res.best
            if best is None:
                reasons.append(f"{name!r}: {res.note or 'no match'}")
                continue
            if best.qid is None:
                reasons.append(
                    f"{name!r} -> {best.entity.key}, which has no usable QID "
                    f"({best.entity.confidence})"
                )
                continue
            quads += link_quads(iri, best.entity, best.method, best.score, name)
            report.linked.append((iri, best.qid, best.method, best.score))
            done = True
            break
        if not done:
            report.unlinked.append((iri, "; ".join(reasons) or "no label"))
    report.quads = len(quads)
    if not dry_run:
        g = ox.NamedNode(LINKS_GRAPH)
        if store.contains_named_graph(g):
            store.remove_graph(g)
        store.add_graph(g)
        if quads:
            store.extend(quads)
    return report
