"""The diplograph ontology, its SKOS concept schemes and its SHACL shapes (Turtle files).

The Turtle files in this folder are the source of truth; ``docs/ontology.md`` is generated
from them (``python -m diplograph.ontology.reference``).

>>> sorted(files())
['https://diplograph.org/graph/ontology', 'https://diplograph.org/graph/shapes']
>>> "defence" in codes("field")
True
>>> sorted(codes("precision"))
['day', 'decade', 'month', 'year']
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..graph.errors import DiplographError
from ..graph.namespaces import DGC, GRAPH, RDF, SKOS

#: The folder holding the Turtle files.
ONTOLOGY_DIR = Path(__file__).resolve().parent

ONTOLOGY_FILE = ONTOLOGY_DIR / "diplograph.ttl"
CONCEPTS_FILE = ONTOLOGY_DIR / "concepts.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def files() -> dict[str, list[Path]]:
    """Map each named-graph IRI to the Turtle files that make it up.

    >>> [p.name for p in files()["https://diplograph.org/graph/ontology"]]
    ['diplograph.ttl', 'concepts.ttl']
    """
    return {
        GRAPH("ontology"): [ONTOLOGY_FILE, CONCEPTS_FILE],
        GRAPH("shapes"): [SHAPES_FILE],
    }


@cache
def _scheme_codes() -> dict[str, frozenset[str]]:
    """Read concepts.ttl once: scheme key -> codes (the last segment of each concept IRI)."""
    import pyoxigraph as ox

    in_scheme = ox.NamedNode(str(SKOS("inScheme")))
    concept = ox.NamedNode(str(SKOS("Concept")))
    rdf_type = ox.NamedNode(str(RDF("type")))
    concepts: set[str] = set()
    schemes: dict[str, str] = {}
    for t in ox.parse(path=str(CONCEPTS_FILE), format=ox.RdfFormat.TURTLE):
        if t.predicate == rdf_type and t.object == concept:
            concepts.add(t.subject.value)
        elif t.predicate == in_scheme:
            schemes[t.subject.value] = t.object.value
    out: dict[str, set[str]] = {}
    for iri in concepts:
        scheme = schemes.get(iri, "")
        if not scheme.startswith(DGC) or not iri.startswith(scheme + "/"):
            continue
        out.setdefault(scheme[len(DGC) :], set()).add(iri[len(scheme) + 1 :])
    return {k: frozenset(v) for k, v in out.items()}


def schemes() -> frozenset[str]:
    """The keys of every concept scheme in concepts.ttl (``field``, ``role``, …).

    >>> {"role", "event-type", "trade-flow"} <= schemes()
    True
    """
    return frozenset(_scheme_codes())


def codes(scheme: str) -> frozenset[str]:
    """The valid codes of one concept scheme, read from concepts.ttl (cached).

    ``scheme`` is the scheme key, the path segment after ``dgc:`` (``field``,
    ``event-type``, ``role``, ``office``, ``level``, ``instrument``, …). An unknown scheme
    raises :class:`DiplographError` (kind ``not-found``).

    >>> sorted(codes("role"))
    ['associate', 'founding', 'full', 'observer', 'participant']
    >>> codes("nope")
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: unknown concept scheme 'nope'...
    """
    try:
        return _scheme_codes()[scheme]
    except KeyError:
        raise DiplographError(
            "not-found",
            f"unknown concept scheme {scheme!r}",
            [f"known schemes: {', '.join(sorted(_scheme_codes()))}"],
        ) from None


__all__ = ["ONTOLOGY_DIR", "codes", "files", "schemes"]
