"""IRI namespaces used across diplograph (see ``docs/model.md``).

>>> DG("Membership")
'https://diplograph.org/ontology#Membership'
>>> ID("state/MNG")
'https://diplograph.org/id/state/MNG'
>>> GRAPH("source/vn-mn-relations-2023")
'https://diplograph.org/graph/source/vn-mn-relations-2023'
"""

from __future__ import annotations

BASE = "https://diplograph.org/"


class Namespace(str):
    """A string IRI prefix; calling it appends a local name."""

    def __call__(self, local: str) -> str:
        return str(self) + local


DG = Namespace(BASE + "ontology#")
DGC = Namespace(BASE + "id/concept/")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
DGSH = Namespace(BASE + "shapes#")
ONTOLOGY_IRI = BASE + "ontology"
ONTOLOGY_VERSION_IRI = BASE + "ontology/0.2.0"

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SDMX_CODE = Namespace("http://purl.org/linked-data/sdmx/2009/code#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
DBO = Namespace("http://dbpedia.org/ontology/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")

#: Prefixes for Turtle output and for SPARQL queries (``PREFIX`` lines).
PREFIXES: dict[str, str] = {
    "dg": str(DG),
    "dgc": str(DGC),
    "dgr": str(ID),
    "dgg": str(GRAPH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "time": str(TIME),
    "prov": str(PROV),
    "oa": str(OA),
    "qb": str(QB),
    "sdmx-dimension": str(SDMX_DIMENSION),
    "sdmx-measure": str(SDMX_MEASURE),
    "sdmx-attribute": str(SDMX_ATTRIBUTE),
    "sdmx-code": str(SDMX_CODE),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
    "geo": str(GEO),
}


def sparql_prefixes() -> str:
    """``PREFIX`` declarations for every prefix in :data:`PREFIXES`.

    >>> "PREFIX dg: <https://diplograph.org/ontology#>" in sparql_prefixes()
    True
    """
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


#: Wikidata's prefixes, as the Wikidata Query Service predefines them.
WIKIDATA_QUERY_PREFIXES: dict[str, str] = {
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "pqv": "http://www.wikidata.org/prop/qualifier/value/",
    "pr": "http://www.wikidata.org/prop/reference/",
    "wikibase": "http://wikiba.se/ontology#",
}

#: Prefixes every query may use without declaring them (a query's own PREFIX wins):
#: ours and the Wikidata Query Service's, so WDQS queries run unchanged on the
#: Wikidata-shaped view.
QUERY_PREFIXES: dict[str, str] = {**PREFIXES, **WIKIDATA_QUERY_PREFIXES}
