"""Pictures of an entity, drawn on the server as SVG from queries over the graph.

- ``/pictures/map/<path>.svg?by=shared-memberships|relations|members|alliances|opponents``: a
  world map coloured by the number of organisations a state shares with each other state, by
  the facts relating it to each (memberships left out), by its allies in a year (``&year=``,
  default the last year of its ATOP spells; the number of obligations), by its opponents in
  militarized disputes and wars (how many), or, for an organisation, by the year each member
  joined; capitals as points where the graph has them (``geo:asWKT``);
- ``/pictures/network/<path>.svg``: the entity and its counterparts in every kind of fact but
  memberships (relations, agreements, events, mechanisms, alliances, disputes …);
- ``/pictures/chart/<path>.svg?series=memberships|trade|alliances|conflicts[&partner=IRI]``:
  memberships in force by year, trade by period with partial periods marked, a state's alliance
  spells in force by year (ATOP), or its militarized disputes (MID) and wars (COW) under way by
  year; the alliance and conflict series are counted in the core (:mod:`diplograph.graph.series`).

The entity is bound as an RDF term (``substitutions``); nothing from the request is pasted into a
query. The page shows these with ``<object>``/``<img>`` so that it does not wait for them.

Each picture is kept in the page cache (:mod:`.page_cache`) until a write touches one of the
predicates (and classes) its queries name: every pattern of these queries has a constant
predicate, so no other quad can change them (:func:`~diplograph.graph.changes.query_predicates`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, request

from ..graph import series as core_series
from ..graph.changes import query_predicates
from ..graph.errors import DiplographError
from . import worldmap
from .charts import Bar, Edge, bar_chart, ego_network, line_chart
from .page_cache import serve_cached
from .ui import base_iri, href, iri_term, select

bp = Blueprint("pictures", __name__)

_P = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
"""

LABEL = ("OPTIONAL { ?{v} rdfs:label ?{v}En FILTER(LANGMATCHES(LANG(?{v}En), \"en\")) }\n"
         "OPTIONAL { ?{v} rdfs:label ?{v}Any }")

# the organisations first (one row each, not one per membership spell), the counts next, the
# codes and labels of the ~200 states last: 0.74 -> 0.25 s of CPU for France on the full graph,
# the same rows (about 0.2 s for any state: ?s is bound after the inner SELECTs)
MAP_SHARED = _P + """SELECT ?s ?code ?other ?n (SAMPLE(?otherEn) AS ?label)
WHERE {
  { SELECT ?s ?other (COUNT(DISTINCT ?o) AS ?n) WHERE {
      { SELECT DISTINCT ?s ?o WHERE { ?m1 org:member ?s ; org:organization ?o } }
      ?m2 org:organization ?o ; org:member ?other .
      FILTER(?other != ?s)
    } GROUP BY ?s ?other }
  ?other dg:iso3166Alpha3 ?code .
  OPTIONAL { ?other rdfs:label ?otherEn FILTER(LANGMATCHES(LANG(?otherEn), "en")) }
} GROUP BY ?s ?code ?other ?n"""

MAP_RELATIONS = _P + """SELECT ?s ?code ?other (COUNT(DISTINCT ?f) AS ?n)
       (SAMPLE(?otherEn) AS ?label)
WHERE {
  ?f dg:involves ?s, ?other .
  FILTER(?other != ?s)
  FILTER NOT EXISTS { ?f a dg:Membership }
  ?other dg:iso3166Alpha3 ?code .
  OPTIONAL { ?other rdfs:label ?otherEn FILTER(LANGMATCHES(LANG(?otherEn), "en")) }
} GROUP BY ?s ?code ?other"""

MAP_MEMBERS = _P + """SELECT ?s ?code ?other (MIN(YEAR(?d)) AS ?since) (COUNT(DISTINCT ?m) AS ?n)
       (SAMPLE(?otherEn) AS ?label)
WHERE {
  ?m org:organization ?s ; org:member ?other .
  ?other dg:iso3166Alpha3 ?code .
  OPTIONAL { ?m dg:startDateEarliest ?d }
  OPTIONAL { ?other rdfs:label ?otherEn FILTER(LANGMATCHES(LANG(?otherEn), "en")) }
} GROUP BY ?s ?code ?other"""

CAPITALS = _P + """SELECT ?s ?x ?wkt (SAMPLE(?l) AS ?label) WHERE {
  { ?s dg:capital ?x } UNION { ?c dg:capitalOf ?s ; dg:city ?x }
  ?x geo:hasGeometry/geo:asWKT ?wkt .
  OPTIONAL { ?x rdfs:label ?l }
} GROUP BY ?s ?x ?wkt"""

NETWORK = _P + """SELECT ?s ?other ?cls (COUNT(DISTINCT ?f) AS ?n) (SAMPLE(?oEn) AS ?label)
       (SAMPLE(?oAny) AS ?anyLabel) (SAMPLE(?cEn) AS ?clsLabel)
WHERE {
  ?f dg:involves ?s, ?other ; a ?cls .
  FILTER(?other != ?s && ?cls != dg:Fact && ?cls != dg:Membership
         && STRSTARTS(STR(?cls), "https://diplograph.org/ontology#"))
  OPTIONAL { ?other rdfs:label ?oEn FILTER(LANGMATCHES(LANG(?oEn), "en")) }
  OPTIONAL { ?other rdfs:label ?oAny }
  OPTIONAL { ?cls rdfs:label ?cEn FILTER(LANGMATCHES(LANG(?cEn), "en")) }
} GROUP BY ?s ?other ?cls"""

# the dates inside each branch: joined after the UNION, pyoxigraph read every membership's
# start date first (0.46-0.93 s on the full graph for the same rows as 0.005 s this way)
SPELLS = _P + """SELECT ?s ?x ?start ?end WHERE {
  { ?m org:member ?s ; org:organization ?x ; dg:startDateEarliest ?start .
    OPTIONAL { ?m dg:endDateLatest ?end } }
  UNION
  { ?m org:organization ?s ; org:member ?x ; dg:startDateEarliest ?start .
    OPTIONAL { ?m dg:endDateLatest ?end } }
}"""

TRADE = _P + """SELECT ?s ?obs ?other ?period ?start ?partial ?usd ?usdMin ?usdMax
       (SAMPLE(?oEn) AS ?label)
WHERE {
  { ?obs dg:reporter ?s ; dg:partner ?other } UNION { ?obs dg:partner ?s ; dg:reporter ?other }
  ?obs a dg:TradeObservation ; sdmx-dimension:refPeriod ?p ; dg:periodStart ?start ;
       sdmx-attribute:unitMeasure <https://diplograph.org/id/concept/currency/USD> .
  ?p rdfs:label ?period .
  OPTIONAL { ?obs dg:partialPeriod ?partial }
  OPTIONAL { ?obs dg:valueUSD ?usd }
  OPTIONAL { ?obs dg:valueUSDMin ?usdMin ; dg:valueUSDMax ?usdMax }
  OPTIONAL { ?other rdfs:label ?oEn FILTER(LANGMATCHES(LANG(?oEn), "en")) }
} GROUP BY ?s ?obs ?other ?period ?start ?partial ?usd ?usdMin ?usdMax ORDER BY ?start"""

#: every state with an ISO alpha-3 code (the map's key), with its English label
STATE_CODES = _P + """SELECT ?x ?code (SAMPLE(?l) AS ?label) WHERE {
  ?x dg:iso3166Alpha3 ?code OPTIONAL { ?x rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }
} GROUP BY ?x ?code"""

LABEL_OF = _P + """SELECT ?s ?l WHERE {
  OPTIONAL { ?s rdfs:label ?en FILTER(LANGMATCHES(LANG(?en), "en")) }
  OPTIONAL { ?s rdfs:label ?any } BIND(COALESCE(?en, ?any) AS ?l) } LIMIT 1"""

MAPS = {"shared-memberships", "relations", "members", "alliances", "opponents"}
SERIES = {"memberships", "trade", "alliances", "conflicts"}
#: counterparts drawn in a network at most (the most connected)
NETWORK_MAX = 40


def _kept(*queries: str) -> Callable[[Callable[[str], Response]], Callable[[str], Response]]:
    """Keep a picture view's SVG in the page cache, with the predicates of ``queries`` (all it
    reads) as its terms."""
    terms = frozenset().union(*(query_predicates(q) for q in queries))

    def wrap(view: Callable[[str], Response]) -> Callable[[str], Response]:
        @functools.wraps(view)
        def kept(path: str) -> Response:
            return _svg(serve_cached(lambda: (view(path).get_data(as_text=True), terms)))
        return kept
    return wrap


def _svg(text: str) -> Response:
    resp = Response(text, mimetype="image/svg+xml")
    resp.headers["Cache-Control"] = "no-cache"
    return resp


def _entity(path: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9._~%/-]+", path) or ".." in path:
        raise DiplographError("not-found", f"no entity at {path!r}")
    return base_iri() + "id/" + path


def _label(iri: str) -> str:
    rows = select(LABEL_OF, {"s": iri_term(iri)})
    if rows and "l" in rows[0]:
        return rows[0]["l"].value
    return iri.rsplit("/", 1)[-1]


def _choice(name: str, allowed: set[str], default: str) -> str:
    value = request.args.get(name, default)
    if value not in allowed:
        raise DiplographError("bad-input",
                              f"'{name}' must be one of {', '.join(sorted(allowed))}")
    return value


_POINT = re.compile(r"POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", re.I)


@bp.get("/pictures/map/<path:path>.svg")
@_kept(LABEL_OF, MAP_MEMBERS, MAP_SHARED, MAP_RELATIONS, CAPITALS, STATE_CODES,
       core_series.ALLIANCE_SPELLS, core_series.OPPONENTS)
def world_map(path: str) -> Any:
    """The world coloured for this entity (see the module's docstring)."""
    if not worldmap.available():
        raise DiplographError("not-found", "the world map's shapes are not installed "
                                           "(run scripts/install_ui.sh)")
    iri = _entity(path)
    by = _choice("by", MAPS, "members" if path.startswith("org/") else "shared-memberships")
    subs = {"s": iri_term(iri)}
    name = _label(iri)
    values: dict[str, worldmap.MapValue] = {}
    unknown: dict[str, worldmap.MapValue] = {}  # members whose first year is not known
    if by in ("alliances", "opponents"):
        values, title, legend = _conflict_map(by, iri, name)
    elif by == "members":
        for r in select(MAP_MEMBERS, subs):
            since = r.get("since")
            if since is None:
                unknown[r["code"].value] = worldmap.MapValue(
                    0, "member (year not known)", href(r["other"].value))
                continue
            values[r["code"].value] = worldmap.MapValue(
                float(since.value), f"member since {since.value}", href(r["other"].value))
        title, legend = f"Members of {name}, by the year they joined", "joined"
    elif by in ("shared-memberships", "relations"):
        query = MAP_SHARED if by == "shared-memberships" else MAP_RELATIONS
        what = "organisations shared" if by == "shared-memberships" else "facts"
        for r in select(query, subs):
            n = int(r["n"].value)
            values[r["code"].value] = worldmap.MapValue(n, f"{n} {what}", href(r["other"].value))
        title = (f"Organisations {name} shares with each state" if by == "shared-memberships"
                 else f"Facts relating {name} to each state")
        legend = what
    points = []
    for r in select(CAPITALS, subs):
        m = _POINT.search(r["wkt"].value)
        if m:
            label = r["label"].value if "label" in r else "capital"
            points.append(worldmap.Point(float(m.group(1)), float(m.group(2)), label,
                                         href(r["x"].value)))
    own = iri.rsplit("/", 1)[-1] if path.startswith("state/") else None
    svg = worldmap.render(values, title=title, legend=legend, highlight=own, points=points,
                          years=by == "members", unknown=unknown,
                          unknown_label="member, year not known")
    return _svg(svg)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _year_arg() -> int | None:
    raw = (request.args.get("year") or "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{4}", raw) or not 1000 <= int(raw) <= 2200:
        raise DiplographError("bad-input", "'year' must be a year (1000 to 2200)")
    return int(raw)


def _conflict_map(by: str, iri: str, name: str,
                  ) -> tuple[dict[str, worldmap.MapValue], str, str]:
    """A state's allies in a year (``?year=``, default the last year of its spells) coloured by
    the number of obligations, or its opponents in disputes and wars coloured by their number
    (:mod:`diplograph.graph.series`): the values by ISO alpha-3 code, the title, the legend."""
    term = iri_term(iri)
    codes = {r["x"].value: (r["code"].value, r["label"].value if "label" in r else None)
             for r in select(STATE_CODES)}
    values: dict[str, worldmap.MapValue] = {}
    if by == "alliances":
        year, partners = core_series.alliance_partners(select, term, _year_arg())
        for p in partners.values():
            if p.iri in codes:
                what = ", ".join(sorted(p.what)) or "obligations not known"
                values[codes[p.iri][0]] = worldmap.MapValue(
                    max(len(p.what), 1), f"allied in {year}: {what}", href(p.iri))
        title = (f"Allies of {name} in {year} (ATOP alliance spells): {len(partners)}"
                 + (f", {len(values)} on today's map" if len(values) != len(partners) else ""))
        return values, title, "obligations"
    found = core_series.opponents(select, term)
    for p in found.values():
        if p.iri in codes:
            text = ", ".join(_count(n, word) for n, word in ((p.disputes, "dispute"),
                                                              (p.wars, "war")) if n)
            values[codes[p.iri][0]] = worldmap.MapValue(p.disputes + p.wars,
                                                        f"opponent in {text}", href(p.iri))
    title = (f"Opponents of {name} in militarized disputes (MID) and wars (COW): {len(found)}"
             + (f", {len(values)} on today's map" if len(values) != len(found) else ""))
    return values, title, "disputes and wars against it"


@bp.get("/pictures/network/<path:path>.svg")
@_kept(LABEL_OF, NETWORK)
def network(path: str) -> Any:
    """The entity and its counterparts, one edge per kind of fact."""
    iri = _entity(path)
    rows = select(NETWORK, {"s": iri_term(iri)})
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        totals[r["other"].value] += int(r["n"].value)
    keep = set(sorted(totals, key=lambda o: (-totals[o], o))[:NETWORK_MAX])
    edges = []
    for r in sorted(rows, key=lambda r: (-totals[r["other"].value], r["other"].value)):
        other = r["other"].value
        if other not in keep:
            continue
        label = (r.get("label") or r.get("anyLabel"))
        kind = r["clsLabel"].value if "clsLabel" in r else r["cls"].value.rsplit("#", 1)[-1]
        edges.append(Edge(label.value if label else other.rsplit("/", 1)[-1], href(other),
                          kind, int(r["n"].value)))
    name = _label(iri)
    if not edges:
        raise DiplographError("not-found", f"{name} has no facts with counterparts to draw")
    title = f"{name} and its counterparts ({len(keep)} of {len(totals)})"
    return _svg(ego_network(name, edges, title=title))


@bp.get("/pictures/chart/<path:path>.svg")
@_kept(LABEL_OF, SPELLS, TRADE, core_series.ALLIANCE_SPELLS, core_series.CONFLICTS)
def chart(path: str) -> Any:
    """A numeric series of the entity: memberships in force by year, trade by period, or (a
    state) alliances in force and disputes and wars under way by year."""
    iri = _entity(path)
    series = _choice("series", SERIES, "memberships")
    subs = {"s": iri_term(iri)}
    name = _label(iri)
    if series in ("alliances", "conflicts"):
        return _svg(_conflict_chart(series, iri, name))
    if series == "memberships":
        spells: dict[str, list[tuple[int, int]]] = defaultdict(list)
        this_year = dt.date.today().year
        for r in select(SPELLS, subs):
            start = int(r["start"].value[:4])
            end = int(r["end"].value[:4]) if "end" in r else this_year
            spells[r["x"].value].append((start, end))
        if not spells:
            raise DiplographError("not-found", f"{name} has no dated memberships")
        first = min(s for sp in spells.values() for s, _ in sp)
        points = [(year, float(sum(1 for sp in spells.values()
                                   if any(s <= year <= e for s, e in sp))))
                  for year in range(first, this_year + 1)]
        unit = "organisations" if path.startswith("state/") else "members"
        return _svg(line_chart(points, title=f"{name}: {unit} in force", unit=unit))
    partner = request.args.get("partner")
    bars: dict[str, list[Bar]] = defaultdict(list)
    labels: dict[str, str] = {}
    for r in select(TRADE, subs):
        other = r["other"].value
        if partner and other != partner:
            continue
        labels[other] = r["label"].value if "label" in r else other.rsplit("/", 1)[-1]
        lo, hi = (float(r["usdMin"].value) / 1e6 if "usdMin" in r else None,
                  float(r["usdMax"].value) / 1e6 if "usdMax" in r else None)
        value = float(r["usd"].value) / 1e6 if "usd" in r else ((lo or 0) + (hi or 0)) / 2
        partial = "partial" in r and r["partial"].value in ("true", "1")
        bars[other].append(Bar(r["period"].value, value, partial, lo, hi,
                               href=href(r["obs"].value)))
    if not bars:
        raise DiplographError("not-found", f"{name} has no trade figures"
                                           + (" with that partner" if partner else ""))
    other = partner if partner in bars else next(iter(bars))
    title = f"Trade {name}–{labels[other]}"
    return _svg(bar_chart(bars[other], title=title, unit="million USD"))


def _conflict_chart(series: str, iri: str, name: str) -> str:
    """The alliances (ATOP spells in force) or the disputes and wars (MID, COW) under way of a
    state, by year, counted by :mod:`diplograph.graph.series`."""
    term = iri_term(iri)
    if series == "alliances":
        points = core_series.alliances_by_year(select, term)
        if not points:
            raise DiplographError("not-found", f"{name} has no dated alliance spells")
        peak = max(points, key=lambda p: (p[1], p[0]))
        title = f"{name}: allies by year (alliance spells in force, ATOP)"
        desc = (f"Alliance spells in force each year from {points[0][0]} to {points[-1][0]}; "
                f"one spell binds one pair of states. Most: {peak[1]} in {peak[0]}"
                + (f"; {points[-1][1]} in {points[-1][0]}." if peak != points[-1] else "."))
        return line_chart([(y, float(n)) for y, n in points], title=title, unit="allies",
                          desc=desc)
    parts = core_series.conflicts_by_year(select, term)
    disputes, wars = parts["disputes"], parts["wars"]
    if not disputes:
        raise DiplographError("not-found", f"{name} has no dated disputes or wars")
    peak = max(disputes, key=lambda p: (p[1], p[0]))
    title = f"{name}: militarized disputes (MID) and wars (COW) under way by year"
    desc = (f"From {disputes[0][0]} to {disputes[-1][0]}: the most disputes under way in one "
            f"year {peak[1]} ({peak[0]}); years with a war: {sum(1 for _, n in wars if n)}.")
    return line_chart([(y, float(n)) for y, n in disputes], title=title, unit="conflicts",
                      desc=desc, name="disputes",
                      more=[("wars", [(y, float(n)) for y, n in wars])])


#: which of the kinds of fact a state's conflict pictures draw it has
_CONFLICT_KINDS = _P + """SELECT DISTINCT ?c WHERE {
  VALUES ?c { dg:AllianceObligation dg:MilitarizedDispute dg:War } ?f dg:involves ?s ; a ?c }"""


def pictures_for(path: str, kinds: set[str] | None = None) -> list[dict[str, str]]:
    """The pictures an entity page embeds (each loads on its own); ``kinds``, the classes
    (local names) of the facts the page lists, saves asking which the entity has."""
    from flask import url_for

    out = []
    if path.startswith("state/"):
        subs = {"s": iri_term(_entity(path))}
        if worldmap.available():
            maps = [("shared-memberships", "Organisations shared, by state"),
                    ("relations", "Facts relating it to each state")]
            if kinds is None:
                kinds = {r["c"].value.rsplit("#", 1)[-1] for r in select(_CONFLICT_KINDS, subs)}
            if "AllianceObligation" in kinds:
                maps.append(("alliances", "Allies, latest year"))
            if kinds & {"MilitarizedDispute", "War"}:
                maps.append(("opponents", "Opponents in disputes and wars"))
            for by, title in maps:
                out.append({"kind": "map", "title": title,
                            "url": url_for("pictures.world_map", path=path, by=by)})
        out.append({"kind": "chart", "title": "Memberships in force by year",
                    "url": url_for("pictures.chart", path=path, series="memberships")})
        if kinds is None:
            kinds = {r["c"].value.rsplit("#", 1)[-1] for r in select(_CONFLICT_KINDS, subs)}
        if "AllianceObligation" in kinds:
            out.append({"kind": "chart", "title": "Alliances in force by year",
                        "url": url_for("pictures.chart", path=path, series="alliances")})
        if kinds & {"MilitarizedDispute", "War"}:
            out.append({"kind": "chart", "title": "Disputes and wars by year",
                        "url": url_for("pictures.chart", path=path, series="conflicts")})
        for r in select(_P + "SELECT DISTINCT ?s ?other WHERE { { ?o dg:reporter ?s ; dg:partner "
                        "?other } UNION { ?o dg:partner ?s ; dg:reporter ?other } ?o a "
                        "dg:TradeObservation }", subs):
            out.append({"kind": "chart", "title": "Trade",
                        "url": url_for("pictures.chart", path=path, series="trade",
                                       partner=r["other"].value)})
    elif path.startswith("org/"):
        if worldmap.available():
            out.append({"kind": "map", "title": "Members, by the year they joined",
                        "url": url_for("pictures.world_map", path=path, by="members")})
        out.append({"kind": "chart", "title": "Members in force by year",
                    "url": url_for("pictures.chart", path=path, series="memberships")})
    if path.startswith(("state/", "org/")):
        out.append({"kind": "network", "title": "Counterparts",
                    "url": url_for("pictures.network", path=path)})
    return out


@bp.post("/pictures/results.svg")
def result_view() -> Any:
    """A picture of a result the query UI already has (``?view=map|timeline|chart|graph``)."""
    from .result_views import VIEWS, draw, parse_results

    view = _choice("view", set(VIEWS), "chart")
    media = (request.mimetype or "").lower()
    body = request.get_data(cache=False)
    return _svg(draw(view, parse_results(body, media), href))
