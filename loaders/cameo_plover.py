"""CAMEO and PLOVER event codes as SKOS concept schemes (graph ``dgg:cameo-plover``).

Reads ``cameo_to_plover_2021.tsv`` (openeventdata/PLOVER, CC BY-SA 4.0) and mints:

* the scheme ``dgc:cameo`` with one concept per CAMEO code, ``dgc:cameo/{code}``, whose
  ``skos:notation`` keeps leading zeros (``"057"``), an English ``skos:prefLabel`` and
  ``skos:broader`` to its parent code (a 2-digit root for 3-digit codes);
* the scheme ``dgc:plover`` (``dgc:plover/{EVENT}``) plus its modes
  (``dgc:plover-mode/{mode}``) and contexts (``dgc:plover-context/{context}``);
* ``skos:closeMatch`` from each CAMEO code to its PLOVER event, and ``skos:relatedMatch``
  to its PLOVER mode and contexts;
* attribution (licence, source, creator) on each scheme. The graph is kept apart from the
  project's own ontology because the licence is ShareAlike.

>>> quads = list(cameo_plover_quads())
>>> any(q.subject.value.endswith("/cameo/057") and q.object == Literal("057") for q in quads)
True
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from ..graph.errors import DiplographError
from ..graph.namespaces import DCTERMS, DGC, GRAPH, PROV, RDF, RDFS, SKOS

TSV_NAME = "cameo_to_plover_2021.tsv"
GRAPH_IRI = GRAPH("cameo-plover")
LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/"
PLOVER_SOURCE = "https://github.com/openeventdata/PLOVER"
ATTRIBUTION = (
    "CAMEO event codes and PLOVER (Political Language Ontology for Verifiable Event Records), "
    "from the CAMEO-to-PLOVER table of the PLOVER manual draft 0.8 (2021), Philip A. Schrodt "
    "and the openeventdata project; CC BY-SA 4.0. Converted to SKOS by diplograph."
)

#: Names of the CAMEO root categories (CAMEO codebook); the table leaves them blank.
CAMEO_ROOTS = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}


def default_data_dir() -> Path:
    """The packaged copy of the data: ``diplograph/data/cameo-plover``."""
    from .. import data

    return Path(data.__file__).parent / "cameo-plover"


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _slug(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", "-").split())


def _parent(code: str, known: set[str]) -> str | None:
    """The nearest shorter code that exists (``0312`` -> ``031`` -> ``03``)."""
    for n in range(len(code) - 1, 1, -1):
        if code[:n] in known:
            return code[:n]
    return None


def cameo_plover_quads(data_dir: Path | None = None) -> Iterator[Quad]:
    """Yield the quads of graph ``dgg:cameo-plover`` from ``{data_dir}/cameo_to_plover_2021.tsv``.

    ``data_dir`` defaults to the package data folder. A missing file raises
    :class:`DiplographError` (kind ``not-found``).
    """
    path = Path(data_dir or default_data_dir()) / TSV_NAME
    if not path.is_file():
        raise DiplographError("not-found", f"CAMEO/PLOVER table not found: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            r for r in csv.DictReader(fh, delimiter="\t") if (r.get("cameo_code") or "").strip()
        ]

    g = _n(GRAPH_IRI)
    a, label, notation = _n(RDF("type")), _n(SKOS("prefLabel")), _n(SKOS("notation"))
    in_scheme, concept = _n(SKOS("inScheme")), _n(SKOS("Concept"))

    def q(s: str, p: NamedNode, o: NamedNode | Literal) -> Quad:
        return Quad(_n(s), p, o, g)

    schemes = {
        "cameo": (
            "CAMEO event codes",
            "Conflict and Mediation Event Observations (CAMEO) event codes.",
        ),
        "plover": ("PLOVER event types", "The 16 event types of PLOVER."),
        "plover-mode": ("PLOVER modes", "PLOVER modes: how an event of a type is carried out."),
        "plover-context": ("PLOVER contexts", "PLOVER contexts: the domain an event belongs to."),
    }
    for key, (name, definition) in schemes.items():
        s = DGC(key)
        yield q(s, a, _n(SKOS("ConceptScheme")))
        yield q(s, label, Literal(name, language="en"))
        yield q(s, _n(SKOS("definition")), Literal(definition, language="en"))
        yield q(s, _n(DCTERMS("license")), _n(LICENSE))
        yield q(s, _n(DCTERMS("source")), _n(PLOVER_SOURCE))
        yield q(s, _n(DCTERMS("creator")), Literal("Philip A. Schrodt; openeventdata"))
        yield q(s, _n(DCTERMS("bibliographicCitation")), Literal(ATTRIBUTION))
        yield q(
            s, _n(PROV("wasDerivedFrom")), _n(PLOVER_SOURCE + "/blob/master/CAMEO2PLOVER-2021.txt")
        )

    codes = {r["cameo_code"].strip() for r in rows}
    events: set[str] = set()
    modes: set[str] = set()
    contexts: set[str] = set()
    for r in rows:
        code = r["cameo_code"].strip()
        c = DGC(f"cameo/{code}")
        name = (r.get("cameo_label") or "").strip() or CAMEO_ROOTS.get(code, f"CAMEO {code}")
        yield q(c, a, concept)
        yield q(c, in_scheme, _n(DGC("cameo")))
        yield q(c, notation, Literal(code))
        yield q(c, label, Literal(name, language="en"))
        parent = _parent(code, codes)
        if parent is None:
            yield q(c, _n(SKOS("topConceptOf")), _n(DGC("cameo")))
            yield q(DGC("cameo"), _n(SKOS("hasTopConcept")), _n(c))
        else:
            yield q(c, _n(SKOS("broader")), _n(DGC(f"cameo/{parent}")))
        event = (r.get("plover_event") or "").strip().upper()
        if event:
            events.add(event)
            yield q(c, _n(SKOS("closeMatch")), _n(DGC(f"plover/{event}")))
        mode = _slug(r.get("plover_mode") or "")
        if mode:
            modes.add(mode)
            yield q(c, _n(SKOS("relatedMatch")), _n(DGC(f"plover-mode/{mode}")))
        for ctx in (r.get("plover_context") or "").split(";"):
            ctx = _slug(ctx)
            if ctx:
                contexts.add(ctx)
                yield q(c, _n(SKOS("relatedMatch")), _n(DGC(f"plover-context/{ctx}")))

    for key, values in (("plover", events), ("plover-mode", modes), ("plover-context", contexts)):
        for v in sorted(values):
            c = DGC(f"{key}/{v}")
            yield q(c, a, concept)
            yield q(c, in_scheme, _n(DGC(key)))
            yield q(c, _n(SKOS("topConceptOf")), _n(DGC(key)))
            yield q(DGC(key), _n(SKOS("hasTopConcept")), _n(c))
            yield q(c, notation, Literal(v))
            yield q(c, label, Literal(v.replace("-", " ").lower(), language="en"))
            yield q(c, _n(RDFS("isDefinedBy")), _n(PLOVER_SOURCE))


__all__ = ["cameo_plover_quads", "default_data_dir"]
