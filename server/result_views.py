"""Pictures of any query result, as the query UI's result views (like WDQS's): a map, a timeline,
a bar chart and a graph. The query UI posts the result it already has (SPARQL JSON for SELECT,
N-Triples or Turtle for CONSTRUCT/DESCRIBE); nothing is queried again.

How columns are chosen (the first that fits, in the result's column order):

- **map**: points from ``geo:asWKT``/``POINT(lon lat)`` values; countries from IRIs of our
  states (``…/id/state/ISO``), coloured by the first numeric column or by the number of rows;
- **timeline**: the first date or year column is the start, a second one the end, the first
  other column the label;
- **chart**: the first text or IRI column gives the bars' labels, the first numeric column
  their heights;
- **graph**: the triples of a CONSTRUCT/DESCRIBE result (IRIs and blank nodes as nodes,
  literals left out), or the first two IRI columns of a SELECT as edges.

>>> rows = parse_results(b'{"head":{"vars":["c","n"]},"results":{"bindings":['
...     b'{"c":{"type":"literal","value":"A"},"n":{"type":"literal","value":"3",'
...     b'"datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}', "application/json")
>>> rows.variables, rows.rows[0]["n"].value
(['c', 'n'], '3')
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

import pyoxigraph as ox

from ..graph.errors import DiplographError
from . import worldmap
from .charts import Bar, Edge, bar_chart, ego_network

__all__ = ["VIEWS", "Results", "draw", "parse_results"]

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                              "nonNegativeInteger", "positiveInteger")}
DATES = {XSD + t for t in ("date", "dateTime", "gYear", "gYearMonth")}
WKT = "http://www.opengis.net/ont/geosparql#wktLiteral"
#: rows drawn at most (the rest are counted and said)
MAX_ROWS = 5_000
#: the largest result accepted, in bytes
MAX_BYTES = 8 * 2**20

_POINT = re.compile(r"POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", re.I)
_YEAR = re.compile(r"^-?\d{4}")
_STATE = re.compile(r"/id/state/([A-Z]{3})$")


@dataclass(frozen=True)
class Cell:
    """One value of a result: its kind (uri, literal, bnode), text, datatype and language."""

    type: str
    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass
class Results:
    """A SELECT result (variables and rows) or a graph result (triples)."""

    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Cell]] = field(default_factory=list)
    triples: list[tuple[Cell, Cell, Cell]] = field(default_factory=list)


def parse_results(body: bytes, media_type: str) -> Results:
    """Read a posted result: SPARQL JSON, or N-Triples/Turtle."""
    if len(body) > MAX_BYTES:
        raise DiplographError("too-large", f"the result is over {MAX_BYTES // 2**20} MiB; "
                                           "draw a smaller one (LIMIT)")
    if media_type in ("application/json", "application/sparql-results+json"):
        try:
            data = json.loads(body)
            variables = list(data["head"]["vars"])
            bindings = data["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as e:
            raise DiplographError("bad-input", "not a SPARQL JSON SELECT result") from e
        rows = []
        for b in bindings[:MAX_ROWS]:
            rows.append({k: Cell("literal" if v.get("type") == "typed-literal" else v["type"],
                                 str(v["value"]), v.get("datatype"), v.get("xml:lang"))
                         for k, v in b.items() if isinstance(v, dict) and "value" in v})
        return Results(variables, rows)
    formats = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}
    if media_type not in formats:
        raise DiplographError("unsupported-media-type",
                              "post SPARQL JSON results, Turtle or N-Triples")
    triples = []
    try:
        for t in ox.parse(body, format=formats[media_type]):
            triples.append((_cell(t.subject), _cell(t.predicate), _cell(t.object)))
            if len(triples) >= MAX_ROWS:
                break
    except SyntaxError as e:
        raise DiplographError("bad-input", f"the posted graph does not parse: {e}") from e
    return Results(triples=triples)


def _cell(term: object) -> Cell:
    if isinstance(term, ox.NamedNode):
        return Cell("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Cell("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Cell("literal", term.value, term.datatype.value, term.language)
    return Cell("literal", str(term))


def _is_number(c: Cell) -> bool:
    if c.datatype in NUMERIC:
        return True
    return c.type == "literal" and c.datatype is None and re.fullmatch(r"-?\d+(\.\d+)?",
                                                                       c.value) is not None


def _is_date(c: Cell) -> bool:
    return c.datatype in DATES or (c.type == "literal" and bool(
        re.fullmatch(r"-?\d{4}(-\d{2}(-\d{2})?)?", c.value)))


def _column(res: Results, test: Callable[[Cell], bool], skip: set[str] = frozenset()
            ) -> str | None:  # type: ignore[assignment]
    for v in res.variables:
        if v in skip:
            continue
        cells = [r[v] for r in res.rows if v in r]
        if cells and sum(test(c) for c in cells) >= max(1, len(cells) // 2):
            return v
    return None


def _label(c: Cell | None) -> str:
    if c is None:
        return ""
    if c.type == "uri":
        return c.value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return c.value


def _year(c: Cell) -> float | None:
    m = _YEAR.match(c.value)
    if not m:
        return None
    try:
        d = dt.date.fromisoformat(c.value[:10])
        return d.year + (d.timetuple().tm_yday - 1) / 366
    except ValueError:
        return float(m.group())


def draw_map(res: Results, href: Callable[[str], str]) -> str:
    points = []
    countries: Counter[str] = Counter()
    values: dict[str, float] = {}
    num = _column(res, _is_number)
    for r in res.rows:
        label = next((_label(c) for c in r.values() if c.type == "literal" and not _is_number(c)
                      and not _POINT.search(c.value)), "")
        for c in r.values():
            m = _POINT.search(c.value) if c.type == "literal" else None
            if m:
                points.append(worldmap.Point(float(m.group(1)), float(m.group(2)),
                                             label or c.value))
            s = _STATE.search(c.value) if c.type == "uri" else None
            if s:
                countries[s.group(1)] += 1
                if num and num in r:
                    values[s.group(1)] = values.get(s.group(1), 0) + float(r[num].value)
    if not points and not countries:
        raise DiplographError("bad-input", "nothing to map: the result has no POINT(lon lat) "
                                           "values and no state IRIs")
    what = num or "rows"
    shown = {code: worldmap.MapValue(values.get(code, n) if num else n,
                                     f"{values.get(code, n) if num else n:g} {what}",
                                     href(f"https://diplograph.org/id/state/{code}"))
             for code, n in countries.items()}
    return worldmap.render(shown, title="Result on a map", legend=what, points=points)


def draw_timeline(res: Results) -> str:
    start = _column(res, _is_date)
    if start is None:
        raise DiplographError("bad-input", "nothing to put on a timeline: no date or year column")
    end = _column(res, _is_date, {start})
    label_col = next((v for v in res.variables if v not in (start, end)), None)
    items = []
    for r in res.rows:
        if start not in r:
            continue
        s = _year(r[start])
        e = _year(r[end]) if end and end in r else None
        if s is None:
            continue
        items.append((s, e if e is not None and e >= s else s, _label(r.get(label_col or ""))))
    if not items:
        raise DiplographError("bad-input", "no row has a date to draw")
    items.sort()
    lo, hi = int(min(i[0] for i in items)), int(max(i[1] for i in items)) + 1
    span = max(hi - lo, 1)
    width, row_h, left = 960, 18, 260
    height = 40 + row_h * len(items)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           'aria-label="Result on a timeline"><style>text{font:12px system-ui,sans-serif;'
           'fill:#444}</style>']
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if span / s <= 12)
    for y in range(lo + (-lo) % step, hi + 1, step):
        x = left + (y - lo) / span * (width - left - 20)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="20" y2="{height}" stroke="#e3e7eb"/>'
                   f'<text x="{x:.1f}" y="14" text-anchor="middle">{y}</text>')
    for i, (s, e, label) in enumerate(items):
        y = 26 + i * row_h
        x1 = left + (s - lo) / span * (width - left - 20)
        x2 = left + (e - lo) / span * (width - left - 20)
        tip = escape(f"{label}: {int(s)}" + (f"–{int(e)}" if int(e) > int(s) else ""))
        out.append(f'<text x="{left - 6}" y="{y + 10}" text-anchor="end">{escape(label[:40])}'
                   '</text>')
        if x2 - x1 < 2:
            out.append(f'<circle cx="{x1:.1f}" cy="{y + 6}" r="5" fill="#b5651d"><title>{tip}'
                       '</title></circle>')
        else:
            out.append(f'<rect x="{x1:.1f}" y="{y + 1}" width="{x2 - x1:.1f}" height="10" rx="3" '
                       f'fill="#2f7d4f"><title>{tip}</title></rect>')
    out.append("</svg>")
    return "".join(out)


def draw_chart(res: Results) -> str:
    value = _column(res, _is_number)
    if value is None:
        raise DiplographError("bad-input", "nothing to chart: no numeric column")
    label_col = next((v for v in res.variables if v != value), None)
    bars = [Bar(_label(r.get(label_col or "")) or str(i + 1), float(r[value].value))
            for i, r in enumerate(res.rows[:200]) if value in r]
    return bar_chart(bars, title="Result as a chart", unit=value,
                     width=max(640, 28 * len(bars) + 100))


def draw_graph(res: Results, href: Callable[[str], str]) -> str:
    edges: list[tuple[str, str, str]] = []
    if res.triples:
        edges = [(s.value, p.value, o.value) for s, p, o in res.triples if o.type != "literal"]
    else:
        cols = [v for v in res.variables
                if any(r.get(v) is not None and r[v].type == "uri" for r in res.rows)][:2]
        if len(cols) == 2:
            edges = [(r[cols[0]].value, "", r[cols[1]].value) for r in res.rows
                     if cols[0] in r and cols[1] in r]
    if not edges:
        raise DiplographError("bad-input", "nothing to draw as a graph: no links between IRIs")
    degree: Counter[str] = Counter()
    for s, _, o in edges:
        degree[s] += 1
        degree[o] += 1
    centre = degree.most_common(1)[0][0]
    grouped: dict[tuple[str, str], int] = defaultdict(int)
    for s, p, o in edges:
        if centre in (s, o):
            other = o if s == centre else s
            grouped[(other, _label(Cell("uri", p)) if p else "link")] += 1
    shown = sorted(grouped.items(), key=lambda kv: -kv[1])[:60]
    net = [Edge(_label(Cell("uri", other)), href(other), kind, n) for (other, kind), n in shown]
    others = len({o for (o, _), _ in grouped.items()})
    title = (f"{_label(Cell('uri', centre))}: the best-connected node and its {others} "
             f"neighbours ({len(edges)} links in the result)")
    return ego_network(_label(Cell("uri", centre)), net, title=title)


VIEWS = ("map", "timeline", "chart", "graph")


def draw(view: str, res: Results, href: Callable[[str], str]) -> str:
    """The SVG of ``res`` as ``view``."""
    if view == "map":
        if not worldmap.available():
            raise DiplographError("not-found", "the world map's shapes are not installed")
        return draw_map(res, href)
    if view == "timeline":
        return draw_timeline(res)
    if view == "chart":
        return draw_chart(res)
    if view == "graph":
        return draw_graph(res, href)
    raise DiplographError("bad-input", f"'view' must be one of {', '.join(VIEWS)}")
