"""Synthetic, domain-shaped N-Quads for the benchmarks (shaped like docs/model.md).

The data mirrors what ``loaders/facts.py`` and the registry write: states and organisations
with English and Vietnamese labels in ``dgg:registry``; then one named graph per synthetic
source document (``dgg:source/{doc}``) holding the document node, its load activity and its
facts (memberships with roles and dated intervals, relations, agreements, events with
participations, trade observations, mechanisms, cooperation, claims), each with the full
provenance (quote, Web Annotation, quote and position selectors).

It is streamed: one document is built and written at a time, so memory stays flat whatever
the size. Deterministic: the same seed and size give the same bytes.

>>> import io
>>> buf = io.StringIO()
>>> stats = write_nquads(buf, triples=400, seed=1)
>>> stats.quads >= 400 and stats.quads == buf.getvalue().count("\\n")
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

BASE = "https://diplograph.org/"
DG = BASE + "ontology#"
DGC = BASE + "id/concept/"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
QB = "http://purl.org/linked-data/cube#"
SDMX_DIM = "http://purl.org/linked-data/sdmx/2009/dimension#"
SDMX_ATT = "http://purl.org/linked-data/sdmx/2009/attribute#"
SDMX_CODE = "http://purl.org/linked-data/sdmx/2009/code#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"

SYLLABLES = (
    "ka ro vi na lo ta mi su an el or ba de zu ri po la ne mo ha ki tu sa ve ga lu ma "
    "do fi ze ny th ar is en ul vo ce pa qu wa yo"
).split()
FIELDS = ("defence security economy trade science-technology culture arts education training "
          "agriculture immigration labour tourism people-to-people local-cooperation investment "
          "development-aid media").split()
EVENT_TYPES = ("visit high-level-contact delegation-exchange meeting committee-session signing "
               "festival-participation performance opening").split()
INSTRUMENTS = "treaty agreement mou protocol investment-treaty hiep-dinh thoa-thuan".split()
RELATION_STATUS = "established suspended severed restored maintained".split()
PARTICIPANT_ROLES = "visitor host participant organiser sender".split()
CLAIM_TYPES = "count characterisation position intention assessment causal".split()
MODALITIES = "asserted intended hoped".split()
ROLES = "full associate observer participant".split()
# fact type -> weight (memberships dominate, as in the real documents)
FACT_WEIGHTS = {"membership": 30, "relation": 14, "agreement": 10, "event": 16, "trade": 10,
                "mechanism": 4, "cooperation": 8, "claim": 8}
CONTEXT_CHARS = 32
# bump when the output changes, so cached files (bench/work/) are regenerated
GENERATOR_VERSION = 2


def _esc(s: str) -> str:
    return (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r"))


def lit(value: str, lang: str | None = None, dtype: str | None = None) -> str:
    """An N-Quads literal.

    >>> lit('a "b"', lang="en"), lit("3", dtype="integer")
    ('"a \\\\"b\\\\""@en', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    if lang:
        return f'"{_esc(value)}"@{lang}'
    if dtype:
        return f'"{_esc(value)}"^^<{XSD}{dtype}>'
    return f'"{_esc(value)}"'


def _iri(x: str) -> str:
    return f"<{x}>"


@dataclass(frozen=True)
class Entity:
    """An actor of the synthetic registry."""

    iri: str
    name: str
    kind: str  # state | org | person | place


@dataclass
class GenStats:
    """What a generation wrote."""

    quads: int = 0
    documents: int = 0
    facts: int = 0
    entities: int = 0
    fact_types: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DateValue:
    """A date with its precision (docs/model.md, "Dates and precision")."""

    lexical: str
    datatype: str
    precision: str
    earliest: dt.date
    latest: dt.date


def random_date(rng: random.Random, lo: int = 1945, hi: int = 2025) -> DateValue:
    """A date between ``lo`` and ``hi`` at a random precision, with its bounds."""
    y = rng.randint(lo, hi)
    r = rng.random()
    if r < 0.4:
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        day = dt.date(y, m, d)
        return DateValue(day.isoformat(), "date", "day", day, day)
    if r < 0.6:
        m = rng.randint(1, 12)
        last = calendar.monthrange(y, m)[1]
        return DateValue(f"{y:04d}-{m:02d}", "gYearMonth", "month", dt.date(y, m, 1),
                         dt.date(y, m, last))
    if r < 0.95:
        return DateValue(f"{y:04d}", "gYear", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))
    y0 = y - y % 10
    return DateValue(f"{y0:04d}", "gYear", "decade", dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31))


class _Out:
    """Collects the N-Quads lines of one graph."""

    def __init__(self, graph: str) -> None:
        self.g = f" <{graph}> .\n"
        self.lines: list[str] = []

    def add(self, s: str, p: str, o: str) -> None:
        """``o`` is already an N-Quads term (use :func:`_iri` or :func:`lit`)."""
        self.lines.append(f"<{s}> <{p}> {o}{self.g}")

    def iri(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"<{s}> <{p}> <{o}>{self.g}")

    def date(self, s: str, prop: str, d: DateValue) -> None:
        self.add(s, DG + prop, lit(d.lexical, dtype=d.datatype))
        self.iri(s, DG + prop + "Precision", f"{DGC}precision/{d.precision}")
        self.add(s, DG + prop + "Earliest", lit(d.earliest.isoformat(), dtype="date"))
        self.add(s, DG + prop + "Latest", lit(d.latest.isoformat(), dtype="date"))

    def instant(self, s: str, d: DateValue) -> None:
        self.iri(s, RDF_TYPE, TIME + "Instant")
        prop = {"date": "inXSDDate", "gYearMonth": "inXSDgYearMonth", "gYear": "inXSDgYear"}
        self.add(s, TIME + prop[d.datatype], lit(d.lexical, dtype=d.datatype))
        unit = {"day": "unitDay", "month": "unitMonth", "year": "unitYear",
                "decade": "unitDecade"}[d.precision]
        self.iri(s, TIME + "unitType", TIME + unit)


def _alpha_code(n: int, width: int) -> str:
    out = ""
    for _ in range(width):
        n, r = divmod(n, 26)
        out = chr(65 + r) + out
    return out


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        n = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if n not in used:
            used.add(n)
            return n


@dataclass
class Registry:
    """The synthetic actors (sized from the triple budget)."""

    states: list[Entity]
    orgs: list[Entity]
    persons: list[Entity]
    places: list[Entity]


def make_registry(rng: random.Random, triples: int) -> Registry:
    """States, organisations, persons and places; more of each for bigger sizes."""
    def clamp(v: int, lo: int, hi: int) -> int:
        return max(lo, min(hi, v))

    used: set[str] = set()
    n_states = clamp(triples // 1000, 30, 5000)
    n_orgs = clamp(triples // 4000, 10, 2500)
    n_persons = clamp(triples // 2000, 10, 5000)
    n_places = clamp(triples // 4000, 10, 2500)
    codes = rng.sample(range(26 ** 3), n_states)
    states = [Entity(f"{ID}state/{_alpha_code(c, 3)}", _name(rng, used), "state") for c in codes]
    orgs = [Entity(f"{ID}org/{_alpha_code(i, 2)}{i}", _name(rng, used), "org")
            for i in range(n_orgs)]
    persons = []
    for _ in range(n_persons):
        first, last = _name(rng, used), _name(rng, used)
        persons.append(Entity(f"{ID}person/{first.lower()}-{last.lower()}", f"{first} {last}",
                              "person"))
    places = [Entity(f"{ID}place/{(n := _name(rng, used)).lower()}", n, "place")
              for _ in range(n_places)]
    return Registry(states, orgs, persons, places)


def _registry_quads(rng: random.Random, reg: Registry) -> list[str]:
    o = _Out(GRAPH + "registry")
    for i, s in enumerate(reg.states):
        code = s.iri.rsplit("/", 1)[1]
        o.iri(s.iri, RDF_TYPE, DG + "State")
        for p in (RDFS + "label", SKOS + "prefLabel"):
            o.add(s.iri, p, lit(f"Republic of {s.name}", lang="en"))
            o.add(s.iri, p, lit(f"Nước {s.name}", lang="vi"))
        o.add(s.iri, SKOS + "altLabel", lit(s.name, lang="en"))
        o.add(s.iri, DG + "iso3166Alpha2", lit(code[:2]))
        o.add(s.iri, DG + "iso3166Alpha3", lit(code))
        o.add(s.iri, DG + "cowCode", lit(str(100 + i), dtype="integer"))
        o.add(s.iri, DG + "cowAbbrev", lit(code))
        o.iri(s.iri, DG + "unStatus", DGC + "un-status/" + rng.choice(["member"] * 9 + ["none"]))
        _wikidata(o, rng, s, 100_000 + i)
    for i, g in enumerate(reg.orgs):
        key = g.iri.rsplit("/", 1)[1]
        o.iri(g.iri, RDF_TYPE, DG + rng.choice(["InternationalOrganization"] * 4 + ["Forum"]))
        for p in (RDFS + "label", SKOS + "prefLabel"):
            o.add(g.iri, p, lit(f"{g.name} Organization", lang="en"))
            o.add(g.iri, p, lit(f"Tổ chức {g.name}", lang="vi"))
        o.add(g.iri, DG + "acronym", lit(key))
        _wikidata(o, rng, g, 200_000 + i)
    for e in reg.persons:
        o.iri(e.iri, RDF_TYPE, DG + "Person")
        o.add(e.iri, RDFS + "label", lit(e.name, lang="en"))
        o.add(e.iri, RDFS + "label", lit(e.name, lang="vi"))
    for e in reg.places:
        o.iri(e.iri, RDF_TYPE, DG + "Place")
        o.iri(e.iri, RDF_TYPE, DG + "City")
        o.add(e.iri, RDFS + "label", lit(e.name, lang="en"))
        o.add(e.iri, RDFS + "label", lit(f"Thành phố {e.name}", lang="vi"))
    return o.lines


def _wikidata(o: _Out, rng: random.Random, e: Entity, qnum: int) -> None:
    link = e.iri + "/wikidata"
    o.iri(e.iri, DG + "wikidataLink", link)
    o.iri(link, RDF_TYPE, DG + "WikidataLink")
    if rng.random() < 0.85:
        qid = f"Q{qnum}"
        o.iri(e.iri, SKOS + "exactMatch", WD + qid)
        o.add(link, DG + "qid", lit(qid))
        o.iri(link, DG + "target", WD + qid)
        o.iri(link, DG + "confidence", DGC + "confidence/verified")
        o.add(link, DG + "evidence", lit("synthetic; bench"))
    else:
        o.iri(link, DG + "confidence", DGC + "confidence/unverified")


class _Doc:
    """One synthetic source document being written."""

    def __init__(self, rng: random.Random, reg: Registry, n: int) -> None:
        self.rng = rng
        self.reg = reg
        self.id = f"synthetic-{n:06d}"
        self.iri = f"{ID}source/{self.id}"
        self.lang = "vi" if rng.random() < 0.5 else "en"
        self.out = _Out(f"{GRAPH}source/{self.id}")
        self.activity = f"{ID}activity/load/{self.id}"
        self.pos = rng.randint(0, 200)
        # a document is about one state, mostly: its facts name it often
        self.focus = rng.choice(reg.states)

    def label(self, e: Entity) -> str:
        return e.name

    def state(self) -> Entity:
        return self.focus if self.rng.random() < 0.5 else self.rng.choice(self.reg.states)

    def filler(self, k: int) -> str:
        return " ".join(self.rng.choice(SYLLABLES) for _ in range(k))[:CONTEXT_CHARS]


def _document(rng: random.Random, reg: Registry, n: int, n_facts: int,
              counter: Callable[[list[str]], object]) -> list[str]:
    d = _Doc(rng, reg, n)
    o = d.out
    for cls in (DG + "SourceDocument", PROV + "Entity", SCHEMA + "CreativeWork"):
        o.iri(d.iri, RDF_TYPE, cls)
    o.add(d.iri, DCTERMS + "title",
          lit(f"Relations of {d.focus.name} ({n})" if d.lang == "en"
              else f"Quan hệ với {d.focus.name} ({n})", lang=d.lang))
    o.add(d.iri, DCTERMS + "language", lit(d.lang))
    o.add(d.iri, DG + "fileName", lit(f"{n:06d}_{d.id}.txt"))
    o.add(d.iri, DG + "sha256", lit(f"{rng.getrandbits(256):064x}"))
    o.add(d.iri, DCTERMS + "publisher", lit("Synthetic Ministry of Foreign Affairs"))
    o.add(d.iri, DCTERMS + "license", lit("CC0-1.0"))
    o.date(d.iri, "asOf", random_date(rng, 2000, 2025))
    o.add(d.iri, DG + "factCount", lit(str(n_facts), dtype="integer"))
    o.iri(d.activity, RDF_TYPE, PROV + "Activity")
    o.add(d.activity, RDFS + "label", lit(f"diplograph load of {d.id}.facts.yaml", lang="en"))
    o.iri(d.activity, PROV + "used", d.iri)
    o.iri(d.activity, PROV + "wasAssociatedWith", f"{ID}agent/diplograph/0.1.0")
    kinds = list(FACT_WEIGHTS)
    weights = list(FACT_WEIGHTS.values())
    for i in range(n_facts):
        kind = rng.choices(kinds, weights)[0]
        counter([kind])
        _fact(d, f"{kind}-{i + 1}", kind)
    o.add(d.iri, DG + "characterCount", lit(str(d.pos + 100), dtype="integer"))
    return o.lines


def _fact(d: _Doc, fid: str, kind: str) -> None:
    rng, o, reg = d.rng, d.out, d.reg
    f = f"{ID}fact/{d.id}/{fid}"
    involved: list[str] = []
    quote_parts: list[str] = []
    cls, extra = {
        "membership": ("Membership", ORG + "Membership"), "relation": ("DiplomaticRelation", None),
        "agreement": ("Agreement", None), "event": ("DiplomaticEvent", SEM + "Event"),
        "mechanism": ("BilateralMechanism", ORG + "OrganizationalCollaboration"),
        "trade": ("TradeObservation", QB + "Observation"), "cooperation": ("Cooperation", None),
        "claim": ("Claim", None),
    }[kind]
    o.iri(f, RDF_TYPE, DG + "Fact")
    o.iri(f, RDF_TYPE, DG + cls)
    if extra:
        o.iri(f, RDF_TYPE, extra)

    def parties(prop: str, k: int) -> list[Entity]:
        ps = [d.focus] + rng.sample(reg.states, k - 1) if rng.random() < 0.6 else \
            rng.sample(reg.states, k)
        ps = list(dict.fromkeys(ps))
        for p in ps:
            o.iri(f, prop, p.iri)
            involved.append(p.iri)
        return ps

    def fields(k: int) -> None:
        for code in rng.sample(FIELDS, k):
            o.iri(f, DG + "field", f"{DGC}field/{code}")

    if kind == "membership":
        member, org = d.state(), rng.choice(reg.orgs)
        o.iri(f, ORG + "member", member.iri)
        o.iri(f, ORG + "organization", org.iri)
        involved += [member.iri, org.iri]
        roles = [rng.choice(ROLES)]
        if roles[0] == "full" and rng.random() < 0.2:
            roles.append("founding")
        for r in roles:
            o.iri(f, ORG + "role", f"{DGC}role/{r}")
        start = random_date(rng, 1945, 2020)
        interval = f + "/interval"
        o.iri(f, ORG + "memberDuring", interval)
        o.iri(interval, RDF_TYPE, TIME + "Interval")
        o.date(f, "startDate", start)
        o.iri(interval, TIME + "hasBeginning", interval + "/beginning")
        o.instant(interval + "/beginning", start)
        if rng.random() < 0.15:
            end = random_date(rng, min(start.latest.year, 2025), 2025)
            o.date(f, "endDate", end)
            o.iri(interval, TIME + "hasEnd", interval + "/end")
            o.instant(interval + "/end", end)
        quote_parts = [member.name, "joined" if d.lang == "en" else "gia nhập", org.name,
                       start.lexical]
    elif kind == "relation":
        ps = parties(DG + "party", 2)
        o.iri(f, DG + "relationStatus", f"{DGC}relation-status/{rng.choice(RELATION_STATUS)}")
        o.date(f, "date", random_date(rng))
        quote_parts = [p.name for p in ps] + ["established relations"]
    elif kind == "agreement":
        ps = parties(DG + "party", rng.choice([2, 2, 2, 3]))
        o.iri(f, DG + "instrumentType", f"{DGC}instrument/{rng.choice(INSTRUMENTS)}")
        title = f"Agreement on {rng.choice(FIELDS)} between " + " and ".join(p.name for p in ps)
        o.add(f, DG + "title", lit(title, lang=d.lang))
        o.date(f, "signingDate", random_date(rng))
        if rng.random() < 0.1:
            o.add(f, DG + "quantity", lit("many") if rng.random() < 0.5
                  else lit(str(rng.randint(2, 30)), dtype="integer"))
        fields(rng.randint(1, 3))
        quote_parts = [title]
    elif kind == "event":
        o.iri(f, DG + "eventType", f"{DGC}event-type/{rng.choice(EVENT_TYPES)}")
        for n in range(1, rng.randint(1, 3) + 1):
            node = f"{f}/role/{n}"
            actor = d.state() if n == 1 else rng.choice(reg.states + reg.orgs)
            involved.append(actor.iri)
            o.iri(f, DG + "participation", node)
            o.iri(f, SEM + "hasActor", actor.iri)
            o.iri(node, RDF_TYPE, DG + "Participation")
            o.iri(node, DG + "actor", actor.iri)
            o.iri(node, DG + "participantRole",
                  f"{DGC}participant-role/{rng.choice(PARTICIPANT_ROLES)}")
            if rng.random() < 0.3:
                post = f"{f}/post/{n}"
                o.iri(node, DG + "post", post)
                o.iri(post, RDF_TYPE, DG + "Post")
                o.iri(post, RDF_TYPE, ORG + "Post")
                o.add(post, RDFS + "label", lit(f"Minister of Defence of {actor.name}",
                                                lang=d.lang))
                o.iri(post, ORG + "postIn", actor.iri)
                o.iri(post, DG + "office", f"{DGC}office/minister-of-defence")
            quote_parts.append(actor.name)
        if rng.random() < 0.6:
            place = rng.choice(reg.places)
            o.iri(f, DG + "place", place.iri)
            involved.append(place.iri)
        if rng.random() < 0.1:
            o.date(f, "startDate", random_date(rng))
            o.add(f, DG + "recurrence", lit("regularly"))
            o.add(f, DG + "periodicity", lit("P2Y", dtype="duration"))
        else:
            o.date(f, "date", random_date(rng))
        if rng.random() < 0.1:
            about = rng.choice(reg.persons)
            o.iri(f, DG + "about", about.iri)
            involved.append(about.iri)
        fields(rng.randint(0, 2))
        quote_parts.append("visited" if d.lang == "en" else "thăm")
    elif kind == "mechanism":
        ps = parties(DG + "party", 2)
        name = f"Joint Committee {ps[0].name}-{ps[-1].name}"
        o.add(f, DG + "name", lit(name, lang=d.lang))
        o.add(f, RDFS + "label", lit(name, lang=d.lang))
        o.date(f, "foundedDate", random_date(rng))
        o.iri(f, DG + "level", f"{DGC}level/minister")
        node = f"{f}/level-change/1"
        o.iri(f, DG + "levelChange", node)
        o.iri(node, RDF_TYPE, DG + "LevelChange")
        o.iri(node, RDF_TYPE, ORG + "ChangeEvent")
        o.iri(node, DG + "fromLevel", f"{DGC}level/vice-minister")
        o.iri(node, DG + "toLevel", f"{DGC}level/minister")
        o.date(node, "date", random_date(rng))
        o.add(f, DG + "periodicity", lit("P1Y", dtype="duration"))
        o.add(f, DG + "sessionCount", lit(str(rng.randint(1, 40)), dtype="integer"))
        fields(rng.randint(1, 3))
        quote_parts = [name]
    elif kind == "trade":
        rep, par = d.focus, rng.choice(reg.states)
        involved += [rep.iri, par.iri]
        o.iri(f, QB + "dataSet", ID + "dataset/bilateral-trade")
        o.iri(f, DG + "reporter", rep.iri)
        o.iri(f, DG + "partner", par.iri)
        o.iri(f, DG + "flow", f"{DGC}trade-flow/total")
        y = rng.randint(1990, 2024)
        a = DateValue(str(y), "gYear", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))
        period = f + "/period"
        o.iri(f, SDMX_DIM + "refPeriod", period)
        o.iri(period, RDF_TYPE, TIME + "ProperInterval")
        o.iri(period, TIME + "hasBeginning", period + "/beginning")
        o.instant(period + "/beginning", a)
        o.iri(period, TIME + "hasEnd", period + "/end")
        o.instant(period + "/end", a)
        o.iri(period, DG + "periodPrecision", f"{DGC}precision/year")
        o.add(period, RDFS + "label", lit(str(y)))
        o.add(f, DG + "periodStart", lit(a.earliest.isoformat(), dtype="date"))
        o.add(f, DG + "periodEnd", lit(a.latest.isoformat(), dtype="date"))
        o.iri(f, SDMX_ATT + "unitMeasure", f"{DGC}currency/USD")
        o.iri(f, SDMX_ATT + "unitMult", SDMX_CODE + "unitMult-6")
        value = rng.randint(1, 50_000) / 10
        o.add(f, DG + "tradeValue", lit(f"{value:.1f}", dtype="decimal"))
        o.add(f, DG + "valueUSD", lit(str(int(value * 10) * 100_000), dtype="decimal"))
        quote_parts = [rep.name, par.name, f"{value:.1f} million USD", str(y)]
    elif kind == "cooperation":
        ps = parties(DG + "party", 2)
        fields(rng.randint(1, 4))
        o.add(f, DG + "assessment", lit("phát triển tích cực" if d.lang == "vi"
                                         else "developing positively", lang=d.lang))
        o.date(f, "startDate", random_date(rng))
        quote_parts = [p.name for p in ps] + ["cooperate"]
    else:  # claim
        o.iri(f, DG + "claimType", f"{DGC}claim-type/{rng.choice(CLAIM_TYPES)}")
        subj = d.state()
        o.iri(f, DG + "subject", subj.iri)
        involved.append(subj.iri)
        if rng.random() < 0.5:
            obj = rng.choice(reg.states + reg.orgs)
            o.iri(f, DG + "object", obj.iri)
            involved.append(obj.iri)
        if rng.random() < 0.3:
            scope = rng.choice(reg.orgs)
            o.add(f, DG + "count", lit(str(rng.randint(2, 193)), dtype="integer"))
            o.iri(f, DG + "countScope", scope.iri)
            involved.append(scope.iri)
        statement = f"{subj.name} is a traditional friend"
        o.add(f, DG + "statement", lit(statement, lang=d.lang))
        o.iri(f, DG + "modality", f"{DGC}modality/{rng.choice(MODALITIES)}")
        quote_parts = [statement]

    quote = " ".join(quote_parts) + "."
    start = d.pos + rng.randint(1, 80)
    end = start + len(quote)
    d.pos = end
    o.add(f, DG + "factId", lit(fid))
    o.add(f, DG + "factType", lit(kind))
    o.iri(f, DG + "statedIn", d.iri)
    o.add(f, DG + "quote", lit(quote, lang=d.lang))
    o.add(f, DG + "quoteStart", lit(str(start), dtype="integer"))
    o.add(f, DG + "quoteEnd", lit(str(end), dtype="integer"))
    o.iri(f, PROV + "wasDerivedFrom", d.iri)
    o.iri(f, PROV + "wasGeneratedBy", d.activity)
    if rng.random() < 0.1:
        o.add(f, RDFS + "comment", lit("curator's note: synthetic", lang="en"))
    ann, target, qsel, psel = f + "/annotation", f + "/target", f + "/quote", f + "/position"
    o.iri(ann, RDF_TYPE, OA + "Annotation")
    o.iri(ann, OA + "motivatedBy", OA + "describing")
    o.iri(ann, OA + "hasBody", f)
    o.iri(ann, OA + "hasTarget", target)
    o.iri(target, RDF_TYPE, OA + "SpecificResource")
    o.iri(target, OA + "hasSource", d.iri)
    o.iri(target, OA + "hasSelector", qsel)
    o.iri(target, OA + "hasSelector", psel)
    o.iri(qsel, RDF_TYPE, OA + "TextQuoteSelector")
    o.add(qsel, OA + "exact", lit(quote))
    o.add(qsel, OA + "prefix", lit(d.filler(12)))
    o.add(qsel, OA + "suffix", lit(d.filler(12)))
    o.iri(psel, RDF_TYPE, OA + "TextPositionSelector")
    o.add(psel, OA + "start", lit(str(start), dtype="nonNegativeInteger"))
    o.add(psel, OA + "end", lit(str(end), dtype="nonNegativeInteger"))
    for iri in dict.fromkeys(involved):
        o.iri(f, DG + "involves", iri)


def iter_chunks(triples: int, seed: int = 42) -> Iterator[tuple[str, list[str]]]:
    """``(what, lines)`` chunks: the registry, then one source document at a time.

    Stops at the first document boundary at or past ``triples`` lines.
    """
    rng = random.Random(seed)
    reg = make_registry(rng, triples)
    lines = _registry_quads(rng, reg)
    n = len(lines)
    n_entities = len(reg.states) + len(reg.orgs) + len(reg.persons) + len(reg.places)
    yield f"registry:{n_entities}", lines
    doc = 0
    while n < triples:
        doc += 1
        counts: Counter[str] = Counter()
        lines = _document(rng, reg, doc, rng.randint(10, 70), counts.update)
        n += len(lines)
        yield "document:" + ",".join(f"{k}={v}" for k, v in counts.items()), lines


def write_nquads(out: TextIO, triples: int, seed: int = 42,
                 progress: Callable[[str], None] | None = None) -> GenStats:
    """Stream about ``triples`` quads (a little more: whole documents) to ``out``."""
    stats = GenStats()
    next_report = 1_000_000
    for what, lines in iter_chunks(triples, seed):
        out.write("".join(lines))
        stats.quads += len(lines)
        if what.startswith("registry:"):
            stats.entities = int(what.split(":", 1)[1])
        else:
            stats.documents += 1
            for kv in what.split(":", 1)[1].split(","):
                if kv:
                    k, v = kv.split("=")
                    stats.fact_types[k] = stats.fact_types.get(k, 0) + int(v)
                    stats.facts += int(v)
        if progress and stats.quads >= next_report:
            progress(f"  generated {stats.quads:,} quads ({stats.documents:,} documents)")
            next_report += 1_000_000
    return stats


def generate_file(path: str | Path, triples: int, seed: int = 42,
                  progress: Callable[[str], None] | None = None) -> GenStats:
    """Write the synthetic N-Quads to ``path`` (UTF-8), atomically (``.part`` then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as f:
        stats = write_nquads(f, triples, seed, progress)
    tmp.replace(path)
    return stats


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.generate --triples N -o FILE [--seed S]``."""
    import argparse

    from . import parse_size

    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    ap.add_argument("--triples", "--size", default="100k", help="100k, 1m, 10m or a number")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args(argv)
    stats = generate_file(a.output, parse_size(a.triples), a.seed, print)
    print(f"wrote {a.output}: {stats.quads:,} quads, {stats.documents:,} documents, "
          f"{stats.facts:,} facts, {stats.entities:,} registry entities")


if __name__ == "__main__":  # pragma: no cover
    main()

__all__ = ["generate_file", "write_nquads", "iter_chunks", "lit", "random_date", "GenStats"]
