"""The RDF a checked facts file states (``docs/model.md``): the document, each fact, its
provenance (PROV-O) and its evidence (a Web Annotation with quote and position selectors).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pyoxigraph as ox

from .. import __version__
from ..graph.dates import DateValue
from ..graph.namespaces import (
    DCTERMS,
    DG,
    DGC,
    ID,
    OA,
    ORG,
    PROV,
    QB,
    RDF,
    RDFS,
    SCHEMA,
    SDMX_ATTRIBUTE,
    SDMX_CODE,
    SDMX_DIMENSION,
    SEM,
    TIME,
    XSD,
)
from .facts_schema import CONTEXT_CHARS, Fact, FactsDocument


def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _typed(value: str, dtype: str) -> ox.Literal:
    return ox.Literal(value, datatype=_nn(XSD(dtype)))


class _Writer:
    def __init__(self, graph: str) -> None:
        self.g = _nn(graph)
        self.quads: list[ox.Quad] = []

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = _nn(o) if isinstance(o, str) else o
        self.quads.append(ox.Quad(_nn(s), _nn(p), obj, self.g))

    def text(self, s: str, p: str, value: str | dict[str, str], lang: str) -> None:
        items = value.items() if isinstance(value, dict) else [(lang, value)]
        for lg, v in items:
            self.add(s, p, ox.Literal(v, language=lg))

    def date(self, s: str, prop: str, d: DateValue) -> None:
        """``dg:{prop}`` with its precision and bounds (docs/model.md, "Dates")."""
        self.add(s, DG(prop), _typed(d.lexical, d.datatype))
        self.add(s, DG(prop + "Precision"), DGC(f"precision/{d.precision}"))
        self.add(s, DG(prop + "Earliest"), _typed(d.earliest.isoformat(), "date"))
        self.add(s, DG(prop + "Latest"), _typed(d.latest.isoformat(), "date"))

    def instant(self, s: str, d: DateValue) -> None:
        self.add(s, RDF("type"), TIME("Instant"))
        prop = {"date": "inXSDDate", "gYearMonth": "inXSDgYearMonth", "gYear": "inXSDgYear"}[
            d.datatype
        ]
        self.add(s, TIME(prop), _typed(d.lexical, d.datatype))
        self.add(
            s,
            TIME("unitType"),
            TIME(
                {
                    "day": "unitDay",
                    "month": "unitMonth",
                    "year": "unitYear",
                    "decade": "unitDecade",
                }[d.precision]
            ),
        )


def agent_iri() -> str:
    """The IRI of this version of diplograph as a PROV software agent."""
    return ID(f"agent/diplograph/{__version__}")


def agent_quads(graph: str) -> list[ox.Quad]:
    """The description of the software agent, stated once (in ``dgg:meta``)."""
    w = _Writer(graph)
    w.add(agent_iri(), RDF("type"), PROV("SoftwareAgent"))
    w.add(agent_iri(), RDFS("label"), ox.Literal(f"diplograph {__version__}"))
    return w.quads


def document_quads(doc: FactsDocument, *, loaded_at: dt.datetime | None = None) -> list[ox.Quad]:
    """All quads of the document's named graph (document, facts, provenance)."""
    w = _Writer(doc.graph)
    lang = doc.meta["language"]
    d_iri = doc.iri
    activity = ID(f"activity/load/{doc.id}")
    agent = agent_iri()

    # the document
    for cls in (DG("SourceDocument"), PROV("Entity"), SCHEMA("CreativeWork")):
        w.add(d_iri, RDF("type"), cls)
    w.text(d_iri, DCTERMS("title"), doc.meta["title"], lang)
    w.add(d_iri, DCTERMS("language"), ox.Literal(lang))
    w.add(d_iri, DG("fileName"), ox.Literal(doc.text_path.name))
    w.add(d_iri, DG("sha256"), ox.Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest()))
    w.add(d_iri, DG("characterCount"), _typed(str(len(doc.text)), "integer"))
    # the text itself, so that the document page can show every quote in place (the quotes'
    # offsets count code points of exactly this text)
    w.add(d_iri, SCHEMA("text"), ox.Literal(doc.text, language=lang))
    if doc.meta.get("kind"):
        w.add(d_iri, DG("documentKind"), ox.Literal(doc.meta["kind"]))
    if doc.meta.get("publisher"):
        w.add(d_iri, DCTERMS("publisher"), ox.Literal(doc.meta["publisher"]))
    if doc.meta.get("licence"):
        w.add(d_iri, DCTERMS("license"), ox.Literal(doc.meta["licence"]))
    if doc.meta.get("url"):
        w.add(d_iri, DCTERMS("source"), ox.Literal(doc.meta["url"]))
    if doc.meta.get("note"):
        w.add(d_iri, RDFS("comment"), ox.Literal(doc.meta["note"], language="en"))
    if doc.meta.get("as_of"):
        w.date(d_iri, "asOf", doc.meta["as_of"])
    w.add(d_iri, DG("factCount"), _typed(str(len(doc.facts)), "integer"))

    # the load activity
    w.add(activity, RDF("type"), PROV("Activity"))
    w.add(activity, RDFS("label"), ox.Literal(f"diplograph load of {doc.path.name}", language="en"))
    w.add(activity, PROV("used"), d_iri)
    w.add(activity, PROV("wasAssociatedWith"), agent)
    if loaded_at is not None:
        w.add(activity, PROV("endedAtTime"), _typed(loaded_at.isoformat(), "dateTime"))

    for fact in doc.facts:
        _fact_quads(w, doc, fact, lang, activity)
    return w.quads


def _entity(doc: FactsDocument, name: str) -> str:
    iri: str = doc.entities[name].iri  # a registry Entity
    return iri


def _ref(doc: FactsDocument, value: str) -> str:
    if value.startswith("fact:"):
        return ID(f"fact/{doc.id}/{value[5:]}")
    return _entity(doc, value)


CLASS_OF = {
    "membership": ("Membership", ORG("Membership")),
    "relation": ("DiplomaticRelation", None),
    "agreement": ("Agreement", None),
    "event": ("DiplomaticEvent", SEM("Event")),
    "mechanism": ("BilateralMechanism", ORG("OrganizationalCollaboration")),
    "trade": ("TradeObservation", QB("Observation")),
    "cooperation": ("Cooperation", None),
    "claim": ("Claim", None),
    # partnership frameworks are events of type partnership-upgrade; investment figures are
    # kept as claims (with their quote) until the model has an investment observation
    "partnership": ("DiplomaticEvent", SEM("Event")),
    "investment": ("Claim", None),
    "place": ("PlaceStatement", None),
}


def _fact_quads(w: _Writer, doc: FactsDocument, fact: Fact, lang: str, activity: str) -> None:
    f = ID(f"fact/{doc.id}/{fact.id}")
    v = fact.data
    cls, extra = CLASS_OF[fact.type]
    w.add(f, RDF("type"), DG("Fact"))
    w.add(f, RDF("type"), DG(cls))
    if extra:
        w.add(f, RDF("type"), extra)
    w.add(f, DG("factId"), ox.Literal(fact.id))
    w.add(f, DG("factType"), ox.Literal(fact.type))
    w.add(f, DG("statedIn"), doc.iri)
    w.add(f, DG("quote"), ox.Literal(fact.quote, language=lang))
    w.add(f, DG("quoteStart"), _typed(str(fact.start), "integer"))
    w.add(f, DG("quoteEnd"), _typed(str(fact.end), "integer"))
    w.add(f, PROV("wasDerivedFrom"), doc.iri)
    w.add(f, PROV("wasGeneratedBy"), activity)
    if v.get("note"):
        w.add(f, RDFS("comment"), ox.Literal(v["note"], language="en"))
    # evidence: a Web Annotation with a quote and a position selector
    ann, target, qsel, psel = f + "/annotation", f + "/target", f + "/quote", f + "/position"
    w.add(ann, RDF("type"), OA("Annotation"))
    w.add(ann, OA("motivatedBy"), OA("describing"))
    w.add(ann, OA("hasBody"), f)
    w.add(ann, OA("hasTarget"), target)
    w.add(target, RDF("type"), OA("SpecificResource"))
    w.add(target, OA("hasSource"), doc.iri)
    w.add(target, OA("hasSelector"), qsel)
    w.add(target, OA("hasSelector"), psel)
    w.add(qsel, RDF("type"), OA("TextQuoteSelector"))
    w.add(qsel, OA("exact"), ox.Literal(fact.quote))
    w.add(qsel, OA("prefix"), ox.Literal(doc.text[max(0, fact.start - CONTEXT_CHARS) : fact.start]))
    w.add(qsel, OA("suffix"), ox.Literal(doc.text[fact.end : fact.end + CONTEXT_CHARS]))
    w.add(psel, RDF("type"), OA("TextPositionSelector"))
    w.add(psel, OA("start"), _typed(str(fact.start), "nonNegativeInteger"))
    w.add(psel, OA("end"), _typed(str(fact.end), "nonNegativeInteger"))

    involved: list[str] = []

    def party_list(key: str, prop: str) -> None:
        for name in v.get(key) or []:
            iri = _entity(doc, name)
            w.add(f, prop, iri)
            involved.append(iri)

    def fields() -> None:
        for code in v.get("fields") or []:
            w.add(f, DG("field"), DGC(f"field/{code}"))

    t = fact.type
    if t == "membership":
        member, org = _entity(doc, v["member"]), _entity(doc, v["organization"])
        w.add(f, ORG("member"), member)
        w.add(f, ORG("organization"), org)
        involved += [member, org]
        for role in v.get("roles") or ["full"]:
            w.add(f, ORG("role"), DGC(f"role/{role}"))
        interval = f + "/interval"
        if v.get("start") or v.get("end"):
            w.add(f, ORG("memberDuring"), interval)
            w.add(interval, RDF("type"), TIME("Interval"))
        if v.get("start"):
            w.date(f, "startDate", v["start"])
            w.add(interval, TIME("hasBeginning"), interval + "/beginning")
            w.instant(interval + "/beginning", v["start"])
        if v.get("end"):
            w.date(f, "endDate", v["end"])
            w.add(interval, TIME("hasEnd"), interval + "/end")
            w.instant(interval + "/end", v["end"])
        if v.get("end_reason"):
            w.add(f, DG("membershipEnd"), DGC(f"membership-end/{v['end_reason']}"))
    elif t == "relation":
        party_list("parties", DG("party"))
        w.add(f, DG("relationStatus"), DGC(f"relation-status/{v['status']}"))
        if v.get("date"):
            w.date(f, "date", v["date"])
    elif t == "agreement":
        party_list("parties", DG("party"))
        w.add(f, DG("instrumentType"), DGC(f"instrument/{v['instrument']}"))
        if v.get("title"):
            w.text(f, DG("title"), v["title"], lang)
        if v.get("signed"):
            w.date(f, "signingDate", v["signed"])
        if v.get("renewed"):
            w.date(f, "renewalDate", v["renewed"])
        if v.get("renewed_for"):
            w.add(f, DG("renewalTerm"), _typed(v["renewed_for"], "duration"))
        if v.get("in_force"):
            w.date(f, "entryIntoForceDate", v["in_force"])
        if v.get("signed_at"):
            w.add(f, DG("signedAt"), _ref(doc, v["signed_at"]))
        for code in v.get("obligations") or []:  # shared with ATOP alliance spells
            w.add(f, DG("obligation"), DGC(f"obligation/{code}"))
        q = v.get("quantity")
        if q is not None:
            w.add(
                f, DG("quantity"), ox.Literal("many") if q == "many" else _typed(str(q), "integer")
            )
        fields()
    elif t == "event":
        w.add(f, DG("eventType"), DGC(f"event-type/{v['event_type']}"))
        for n, p in enumerate(v.get("participants") or [], 1):
            node = f"{f}/role/{n}"
            actor = _entity(doc, p["actor"])
            involved.append(actor)
            w.add(f, DG("participation"), node)
            w.add(f, SEM("hasActor"), actor)
            w.add(node, RDF("type"), DG("Participation"))
            w.add(node, DG("actor"), actor)
            w.add(node, DG("participantRole"), DGC(f"participant-role/{p['role']}"))
            if p.get("post"):
                post = f"{f}/post/{n}"
                w.add(node, DG("post"), post)
                w.add(post, RDF("type"), DG("Post"))
                w.add(post, RDF("type"), ORG("Post"))
                w.text(post, RDFS("label"), p["post"]["label"], lang)
                w.add(post, ORG("postIn"), actor)
                if p["post"].get("office"):
                    w.add(post, DG("office"), DGC(f"office/{p['post']['office']}"))
        if v.get("place"):
            place = _entity(doc, v["place"])
            w.add(f, DG("place"), place)
            involved.append(place)
        for key, prop in (("date", "date"), ("start", "startDate"), ("end", "endDate")):
            if v.get(key):
                w.date(f, prop, v[key])
        if v.get("recurrence"):
            w.add(f, DG("recurrence"), ox.Literal(v["recurrence"]))
        if v.get("periodicity"):
            w.add(f, DG("periodicity"), _typed(v["periodicity"], "duration"))
        if v.get("part_of"):
            w.add(f, DG("partOf"), _ref(doc, v["part_of"]))
        if v.get("ordinal") is not None:
            w.add(f, DG("ordinal"), _typed(str(v["ordinal"]), "positiveInteger"))
        if v.get("about"):
            about = _entity(doc, v["about"])
            w.add(f, DG("about"), about)
            involved.append(about)
        fields()
    elif t == "mechanism":
        party_list("parties", DG("party"))
        w.text(f, DG("name"), v["name"], lang)
        w.text(f, RDFS("label"), v["name"], lang)
        if v.get("founded"):
            w.date(f, "foundedDate", v["founded"])
        if v.get("level"):
            w.add(f, DG("level"), DGC(f"level/{v['level']}"))
        for n, c in enumerate(v.get("level_changes") or [], 1):
            node = f"{f}/level-change/{n}"
            w.add(f, DG("levelChange"), node)
            w.add(node, RDF("type"), DG("LevelChange"))
            w.add(node, RDF("type"), ORG("ChangeEvent"))
            if c.get("from"):
                w.add(node, DG("fromLevel"), DGC(f"level/{c['from']}"))
            w.add(node, DG("toLevel"), DGC(f"level/{c['to']}"))
            if c.get("date"):
                w.date(node, "date", c["date"])
        if v.get("periodicity"):
            w.add(f, DG("periodicity"), _typed(v["periodicity"], "duration"))
        if v.get("session_count") is not None:
            w.add(f, DG("sessionCount"), _typed(str(v["session_count"]), "integer"))
            if doc.meta.get("as_of"):
                w.date(f, "countAsOf", doc.meta["as_of"])
        fields()
    elif t == "trade":
        rep, par = _entity(doc, v["reporter"]), _entity(doc, v["partner"])
        involved += [rep, par]
        w.add(f, QB("dataSet"), ID("dataset/bilateral-trade"))
        w.add(f, DG("reporter"), rep)
        w.add(f, DG("partner"), par)
        w.add(f, DG("flow"), DGC(f"trade-flow/{v.get('flow') or 'total'}"))
        a, b = v["period"]
        period = f + "/period"
        w.add(f, SDMX_DIMENSION("refPeriod"), period)
        w.add(period, RDF("type"), TIME("ProperInterval"))
        w.add(period, TIME("hasBeginning"), period + "/beginning")
        w.instant(period + "/beginning", a)
        w.add(period, TIME("hasEnd"), period + "/end")
        w.instant(period + "/end", b)
        precision = a.precision
        w.add(period, DG("periodPrecision"), DGC(f"precision/{precision}"))
        w.add(period, RDFS("label"), ox.Literal(str(a) if a == b else f"{a}/{b}"))
        w.add(f, DG("periodStart"), _typed(a.earliest.isoformat(), "date"))
        w.add(f, DG("periodEnd"), _typed(b.latest.isoformat(), "date"))
        if v.get("partial_period") is not None:
            w.add(
                f,
                DG("partialPeriod"),
                _typed("true" if v["partial_period"] else "false", "boolean"),
            )
        mult = v.get("multiplier") or 0
        w.add(f, SDMX_ATTRIBUTE("unitMeasure"), DGC(f"currency/{v['currency']}"))
        w.add(f, SDMX_ATTRIBUTE("unitMult"), SDMX_CODE(f"unitMult-{mult}"))
        for key, prop, usd in (
            ("value", "tradeValue", "valueUSD"),
            ("value_min", "tradeValueMin", "valueUSDMin"),
            ("value_max", "tradeValueMax", "valueUSDMax"),
        ):
            if v.get(key) is not None:
                w.add(f, DG(prop), _typed(str(v[key]), "decimal"))
                if v["currency"] == "USD":  # no exchange rate is applied to other currencies
                    w.add(f, DG(usd),
                          _typed(format(v[key] * Decimal(10) ** mult, "f"), "decimal"))
    elif t == "cooperation":
        party_list("parties", DG("party"))
        fields()
        for key, prop in (("assessment", "assessment"), ("description", "description")):
            if v.get(key):
                w.text(f, DG(prop), v[key], lang)
        if v.get("start"):
            w.date(f, "startDate", v["start"])
        if v.get("recurrence"):
            w.add(f, DG("recurrence"), ox.Literal(v["recurrence"]))
    elif t == "partnership":
        w.add(f, DG("eventType"), DGC("event-type/partnership-upgrade"))
        w.add(f, DG("partnershipFramework"), DGC(f"partnership-framework/{v['framework']}"))
        for n, name in enumerate(v["parties"], 1):
            node, actor = f"{f}/role/{n}", _entity(doc, name)
            involved.append(actor)
            w.add(f, DG("participation"), node)
            w.add(f, SEM("hasActor"), actor)
            w.add(node, RDF("type"), DG("Participation"))
            w.add(node, DG("actor"), actor)
            w.add(node, DG("participantRole"), DGC("participant-role/participant"))
        if v.get("date"):
            w.date(f, "date", v["date"])
    elif t == "investment":
        w.add(f, DG("claimType"), DGC("claim-type/characterisation"))
        for key, prop in (("investor", "subject"), ("recipient", "object")):
            iri = _entity(doc, v[key])
            w.add(f, DG(prop), iri)
            involved.append(iri)
        w.text(f, DG("statement"), fact.quote, lang)
        w.add(f, DG("modality"), DGC("modality/asserted"))
    elif t == "place":
        for key, prop in (("place", "describedPlace"), ("located_in", "locatedIn"),
                          ("named_after", "namedAfter"), ("capital_of", "capitalOf")):
            if v.get(key):
                iri = _entity(doc, v[key])
                w.add(f, DG(prop), iri)
                involved.append(iri)
    elif t == "claim":
        w.add(f, DG("claimType"), DGC(f"claim-type/{v['claim_type']}"))
        party_list("subjects", DG("subject"))
        party_list("objects", DG("object"))
        if v.get("count") is not None:
            w.add(f, DG("count"), _typed(str(v["count"]), "integer"))
        if v.get("count_scope"):
            scope = _entity(doc, v["count_scope"])
            w.add(f, DG("countScope"), scope)
            involved.append(scope)
        w.text(f, DG("statement"), v.get("statement") or fact.quote, lang)
        w.add(f, DG("modality"), DGC(f"modality/{v.get('modality') or 'asserted'}"))
    for iri in dict.fromkeys(involved):
        w.add(f, DG("involves"), iri)
