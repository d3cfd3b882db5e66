"""Our ontology's alignments resolve: every term of ORG, OWL-Time, PROV-O, Web Annotation, Data
Cube, SDMX, schema.org and DBpedia that ``ontology/*.ttl`` uses is declared in the bundled copy
of that vocabulary (``data/ontologies/``, see its SOURCE.md), and a class we subclass is a class,
a property we subproperty is a property."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.loaders.registry import default_data_dir
from diplograph.ontology import ONTOLOGY_DIR

VOCABULARIES = default_data_dir() / "ontologies"
#: namespaces whose vocabulary is bundled in data/ontologies/
BUNDLED = (
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/2006/time#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/oa#",
    "http://purl.org/linked-data/cube#",
    "http://purl.org/linked-data/sdmx/2009/",
    "https://schema.org/",
    "http://dbpedia.org/ontology/",
)
#: terms used on purpose although the bundled copy does not declare them, with the reason
NOT_IN_COPY = {
    # schema.org's own meta-vocabulary (the "meta" layer), not part of data/schema.ttl
    "https://schema.org/domainIncludes",
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CLASS_TYPES = {
    "http://www.w3.org/2002/07/owl#Class",
    "http://www.w3.org/2000/01/rdf-schema#Class",
}
PROPERTY_TYPES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
    "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty",
    "http://www.w3.org/2002/07/owl#FunctionalProperty",
}


def _quads(path: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


@pytest.fixture(scope="module")
def declared() -> dict[str, set[str]]:
    """IRI -> its rdf:types in the bundled vocabularies (a declared term has an entry)."""
    out: dict[str, set[str]] = {}
    files = sorted(VOCABULARIES.glob("*.ttl"))
    assert len(files) >= 10, "data/ontologies/ holds the vocabularies we align with"
    for f in files:
        for q in _quads(f):
            if isinstance(q.subject, ox.NamedNode):
                types = out.setdefault(q.subject.value, set())
                if q.predicate.value == RDF_TYPE:
                    types.add(q.object.value)
    return out


@pytest.fixture(scope="module")
def ours() -> list[ox.Quad]:
    return [q for f in sorted(ONTOLOGY_DIR.glob("*.ttl")) for q in _quads(f)]


def _bundled(iri: str) -> bool:
    return iri.startswith(BUNDLED) or iri.startswith("http://schema.org/")


def test_every_aligned_term_is_declared(declared, ours) -> None:
    used = {
        t.value for q in ours for t in (q.subject, q.predicate, q.object)
        if isinstance(t, ox.NamedNode) and _bundled(t.value)
    }
    assert len(used) > 50
    missing = sorted(used - set(declared) - NOT_IN_COPY)
    assert not missing, f"not declared in data/ontologies/: {missing}"


@pytest.mark.parametrize(
    ("predicate", "kinds"),
    [
        ("http://www.w3.org/2000/01/rdf-schema#subClassOf", CLASS_TYPES),
        ("http://www.w3.org/2000/01/rdf-schema#subPropertyOf", PROPERTY_TYPES),
    ],
)
def test_superclasses_and_superproperties_have_the_right_kind(declared, ours, predicate, kinds):
    wrong = sorted(
        {q.object.value for q in ours if q.predicate.value == predicate
         and isinstance(q.object, ox.NamedNode) and _bundled(q.object.value)
         and q.object.value in declared and declared[q.object.value]
         and not declared[q.object.value] & (kinds | _schema_kinds(kinds))}
    )
    assert not wrong, wrong


def _schema_kinds(kinds: set[str]) -> set[str]:
    """schema.org types its terms as schema:Class / rdf:Property."""
    if kinds is CLASS_TYPES:
        return {"https://schema.org/Class", "http://schema.org/Class"}
    return set()
