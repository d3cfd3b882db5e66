"""Generate the ontology reference page (``docs/ontology.md``) from the Turtle files.

``python -m diplograph.ontology.reference`` writes the page; with ``--check`` it writes
nothing and exits 1 when the page on disk differs from what the Turtle files give.

>>> text = render_reference()
>>> text.startswith("# diplograph ontology reference")
True
>>> "### dg:Membership" in text and "`full`" in text
True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from ..graph.namespaces import DG, DGC, PREFIXES
from . import CONCEPTS_FILE, ONTOLOGY_DIR, ONTOLOGY_FILE, SHAPES_FILE

DEFAULT_OUTPUT = ONTOLOGY_DIR.parent / "docs" / "ontology.md"

SCHEMA = rdflib.Namespace("https://schema.org/")
QB = rdflib.Namespace("http://purl.org/linked-data/cube#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")

_EXTRA_PREFIXES = {
    "dgsh": "https://diplograph.org/shapes#",
    "dbo": "http://dbpedia.org/ontology/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "wikibase": "http://wikiba.se/ontology#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "lode": "http://linkedevents.org/ontology/",
    "sh": "http://www.w3.org/ns/shacl#",
}
_PREFIXES = sorted({**PREFIXES, **_EXTRA_PREFIXES}.items(), key=lambda kv: -len(kv[1]))
_MATCHES = [
    (OWL.equivalentClass, "≡"),
    (OWL.equivalentProperty, "≡"),
    (SKOS.exactMatch, "exact"),
    (SKOS.closeMatch, "close"),
    (SKOS.broadMatch, "broad"),
    (SKOS.narrowMatch, "narrow"),
    (SKOS.relatedMatch, "related"),
]


def curie(node: rdflib.term.Node | None) -> str:
    """A short name for an IRI (``dg:State``); other nodes as text.

    >>> curie(rdflib.URIRef("https://diplograph.org/ontology#State"))
    'dg:State'
    >>> curie(rdflib.URIRef("https://diplograph.org/id/concept/role/full"))
    'dgc:role/full'
    """
    if node is None:
        return ""
    if isinstance(node, rdflib.URIRef):
        s = str(node)
        for prefix, ns in _PREFIXES:
            if s.startswith(ns) and len(s) > len(ns):
                return f"{prefix}:{s[len(ns) :]}"
        return f"<{s}>"
    if isinstance(node, rdflib.Literal):
        return f'"{node}"' + (f"@{node.language}" if node.language else "")
    return "[]"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _lang(g: rdflib.Graph, s: rdflib.term.Node, p: rdflib.term.Node, lang: str) -> str:
    values = sorted(str(o) for o in g.objects(s, p) if getattr(o, "language", None) == lang)
    return values[0] if values else ""


def _list(items: Iterable[rdflib.term.Node]) -> str:
    return ", ".join(sorted(f"`{curie(i)}`" for i in items))


def _definition(g: rdflib.Graph, s: rdflib.term.Node, lang: str) -> str:
    return _lang(g, s, SKOS.definition, lang) or _lang(g, s, RDFS.comment, lang)


def _alignments(g: rdflib.Graph, s: rdflib.term.Node) -> str:
    parts = []
    for p, word in _MATCHES:
        objs = list(g.objects(s, p))
        if objs:
            parts.append(f"{word}: {_list(objs)}")
    return "; ".join(parts)


def _terms(g: rdflib.Graph, kinds: Iterable[rdflib.URIRef]) -> list[rdflib.URIRef]:
    found = {s for k in kinds for s in g.subjects(RDF.type, k)
             if isinstance(s, rdflib.URIRef) and str(s).startswith(DG)}
    return sorted(found, key=str)


def _shape_line(shapes: rdflib.Graph, ps: rdflib.term.Node) -> str:
    """One property shape as a compact line."""
    path = curie(shapes.value(ps, SH.path))
    bits = []
    lo, hi = shapes.value(ps, SH.minCount), shapes.value(ps, SH.maxCount)
    if lo is not None or hi is not None:
        bits.append(f"[{lo if lo is not None else 0}..{hi if hi is not None else '*'}]")
    for p, word in [
        (SH.datatype, "datatype"),
        (SH.nodeKind, "kind"),
        (SH["class"], "class"),
        (SH.node, "node"),
        (SH.hasValue, "value"),
        (SH.pattern, "pattern"),
        (SH.lessThan, "<"),
        (SH.lessThanOrEquals, "≤"),
        (SH.minInclusive, "≥"),
    ]:
        for o in shapes.objects(ps, p):
            bits.append(f"{word} {curie(o) if not isinstance(o, rdflib.Literal) else o}")
    for o in shapes.objects(ps, SH["in"]):
        bits.append(
            "in (" + " ".join(curie(i) for i in rdflib.collection.Collection(shapes, o)) + ")"
        )
    if (ps, SH["or"], None) in shapes:
        bits.append("datatype one of (…)")
    if (ps, SH.qualifiedMinCount, None) in shapes:
        bits.append(f"at least {shapes.value(ps, SH.qualifiedMinCount)} matching")
    msg = shapes.value(ps, SH.message)
    text = f"`{path}` " + " ".join(bits)
    return text + (f" — {_cell(str(msg))}" if msg else "")


def render_reference() -> str:
    """The Markdown reference page for the ontology, concept schemes and shapes."""
    import rdflib.collection  # noqa: F401 - used by _shape_line

    onto = rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")
    concepts = rdflib.Graph().parse(CONCEPTS_FILE, format="turtle")
    shapes = rdflib.Graph().parse(SHAPES_FILE, format="turtle")
    ont = rdflib.URIRef("https://diplograph.org/ontology")
    out: list[str] = []
    w = out.append

    w("# diplograph ontology reference")
    w("")
    w(
        "<!-- Generated by `python -m diplograph.ontology.reference` from ontology/*.ttl. "
        "Do not edit by hand. -->"
    )
    w("")
    w(f"- Ontology: `{ont}`, version `{onto.value(ont, OWL.versionIRI)}`")
    w(f"- Title: {_lang(onto, ont, DCTERMS.title, 'en')} / {_lang(onto, ont, DCTERMS.title, 'vi')}")
    w(f"- Licence: <{onto.value(ont, DCTERMS.license)}>")
    w(
        "- Namespaces: `dg:` = `https://diplograph.org/ontology#`, "
        "`dgc:` = `https://diplograph.org/id/concept/`, `dgsh:` = `https://diplograph.org/shapes#`"
    )
    w(
        "- Files: `ontology/diplograph.ttl`, `ontology/concepts.ttl` (graph `dgg:ontology`), "
        "`ontology/shapes.ttl` (graph `dgg:shapes`)"
    )
    w("")
    w(_cell(_lang(onto, ont, DCTERMS.description, "en")))
    w("")
    notes = sorted(str(n) for n in onto.objects(ont, SKOS.changeNote))
    if notes:
        w("## Changes")
        w("")
        for n in notes:
            w(f"- {_cell(n)}")
        w("")

    classes = _terms(onto, [OWL.Class])
    props = _terms(onto, [OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property])
    targets: dict[rdflib.term.Node, list[rdflib.term.Node]] = {}
    for shape, cls in shapes.subject_objects(SH.targetClass):
        targets.setdefault(cls, []).append(shape)

    w(f"## Classes ({len(classes)})")
    w("")
    for c in classes:
        w(f"### {curie(c)}")
        w("")
        w(f"**{_lang(onto, c, RDFS.label, 'en')}** / *{_lang(onto, c, RDFS.label, 'vi')}*")
        w("")
        w(f"- en: {_cell(_definition(onto, c, 'en'))}")
        w(f"- vi: {_cell(_definition(onto, c, 'vi'))}")
        supers = list(onto.objects(c, RDFS.subClassOf))
        if supers:
            w(f"- Subclass of: {_list(supers)}")
        subs = list(onto.subjects(RDFS.subClassOf, c))
        if subs:
            w(f"- Subclasses: {_list(subs)}")
        al = _alignments(onto, c)
        if al:
            w(f"- Alignments: {al}")
        used = [
            p for p in props if (p, RDFS.domain, c) in onto or (p, SCHEMA.domainIncludes, c) in onto
        ]
        if used:
            w(f"- Properties: {_list(used)}")
        if c in targets:
            w(f"- Shapes: {_list(targets[c])}")
        w("")

    w(f"## Properties ({len(props)})")
    w("")
    w("| property | label (en / vi) | kind | domain | range | definition | alignments |")
    w("|---|---|---|---|---|---|---|")
    for p in props:
        kinds = [curie(k) for k in onto.objects(p, RDF.type)]
        kind = "object" if "owl:ObjectProperty" in kinds else "datatype"
        extra = [k for k in kinds if k.startswith("qb:")]
        if extra:
            kind += " (" + ", ".join(sorted(extra)) + ")"
        domain = _list(onto.objects(p, RDFS.domain)) or _list(
            onto.objects(p, SCHEMA.domainIncludes)
        )
        rng = _list(onto.objects(p, RDFS.range))
        sup = list(onto.objects(p, RDFS.subPropertyOf))
        al = _alignments(onto, p)
        if sup:
            al = f"⊑ {_list(sup)}" + (f"; {al}" if al else "")
        label = f"{_lang(onto, p, RDFS.label, 'en')} / {_lang(onto, p, RDFS.label, 'vi')}"
        w(
            f"| `{curie(p)}` | {_cell(label)} | {kind} | {domain} | {rng} | "
            f"{_cell(_definition(onto, p, 'en'))} | {al} |"
        )
    w("")

    schemes = sorted(concepts.subjects(RDF.type, SKOS.ConceptScheme), key=str)
    w(f"## Concept schemes ({len(schemes)})")
    w("")
    w(
        "The code of a concept is the last segment of its IRI and its `skos:notation`; "
        "`diplograph.ontology.codes(scheme)` returns them. CAMEO and PLOVER are in "
        "`dgg:cameo-plover` (`loaders/cameo_plover.py`)."
    )
    w("")
    for s in schemes:
        key = str(s)[len(DGC) :]
        members = sorted(concepts.subjects(SKOS.inScheme, s), key=str)
        w(
            f"### {curie(s)} — {_lang(concepts, s, SKOS.prefLabel, 'en')} / "
            f"{_lang(concepts, s, SKOS.prefLabel, 'vi')}"
        )
        w("")
        w(_cell(_lang(concepts, s, SKOS.definition, "en")))
        w("")
        w("| code | en | vi | definition | mappings |")
        w("|---|---|---|---|---|")
        for m in members:
            code = str(m)[len(str(s)) + 1 :]
            maps = _alignments(concepts, m)
            extra = [
                f"{curie(p)} {curie(o)}"
                for p in (
                    rdflib.URIRef(DG("timeUnit")),
                    rdflib.URIRef(DG("wikidataPrecision")),
                    SKOS.broader,
                )
                for o in concepts.objects(m, p)
            ]
            maps = "; ".join(x for x in [maps, *sorted(extra)] if x)
            w(
                f"| `{code}` | {_cell(_lang(concepts, m, SKOS.prefLabel, 'en'))} | "
                f"{_cell(_lang(concepts, m, SKOS.prefLabel, 'vi'))} | "
                f"{_cell(_lang(concepts, m, SKOS.definition, 'en'))} | {maps} |"
            )
        w("")
        del key

    w("## Data sets")
    w("")
    for ds in sorted(concepts.subjects(RDF.type, QB.DataSet), key=str):
        w(f"### `{ds}`")
        w("")
        w(_cell(_lang(concepts, ds, DCTERMS.description, "en")))
        w("")
        dsd = concepts.value(ds, QB.structure)
        w(f"Structure `{dsd}`:")
        w("")
        rows = []
        for comp in concepts.objects(dsd, QB.component):
            for role in ("dimension", "measure", "attribute"):
                for prop in concepts.objects(comp, QB[role]):
                    req = concepts.value(comp, QB.componentRequired)
                    order = concepts.value(comp, QB.order)
                    rows.append((role, int(str(order)) if order is not None else 99, curie(prop),
                                 req))
        for role, _order, name, req in sorted(
            rows, key=lambda r: (["dimension", "measure", "attribute"].index(r[0]), r[1], r[2])
        ):
            required = isinstance(req, rdflib.Literal) and bool(req.toPython())
            note = "" if req is None else (" (required)" if required else " (optional)")
            w(f"- {role}: `{name}`{note}")
        w("")

    node_shapes = sorted(
        (s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, rdflib.URIRef)),
        key=str,
    )
    w(f"## SHACL shapes ({len(node_shapes)})")
    w("")
    w(
        "`diplograph.ontology.shacl.check(graph)` validates a graph against these shapes and "
        "returns messages `focus <iri>: path dg:x: message`."
    )
    w("")
    for s in node_shapes:
        tgts = [f"class `{curie(o)}`" for o in shapes.objects(s, SH.targetClass)]
        tgts += [
            f"subjects of `{curie(o)}`"
            for o in sorted(shapes.objects(s, SH.targetSubjectsOf), key=str)
        ]
        w(f"### {curie(s)}")
        w("")
        w(f"- Targets: {', '.join(tgts) if tgts else '(used through sh:node)'}")
        comment = _lang(shapes, s, RDFS.comment, "en")
        if comment:
            w(f"- {_cell(comment)}")
        for ps in sorted(shapes.objects(s, SH.property), key=lambda n: _shape_line(shapes, n)):
            w(f"- {_shape_line(shapes, ps)}")
        for p, word in ((SH["or"], "one of"), (SH.xone, "exactly one of"), (SH.node, "also")):
            if (s, p, None) in shapes:
                msg = shapes.value(s, SH.message)
                w(f"- node constraint ({word} …)" + (f" — {_cell(str(msg))}" if msg else ""))
        w("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or, with ``--check``, compare) the reference page; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m diplograph.ontology.reference", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is out of date")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the Markdown file")
    args = parser.parse_args(argv)
    text = render_reference()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
        if current != text:
            print(
                f"{args.output} is out of date: run python -m diplograph.ontology.reference",
                file=sys.stderr,
            )
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
