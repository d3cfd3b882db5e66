"""Small charts and networks drawn on the server as SVG (no JavaScript, no external library).

- :func:`bar_chart`: values by period, partial periods hatched and flagged, ranges as whiskers;
- :func:`line_chart`: a count by year (e.g. memberships in force);
- :func:`ego_network`: an entity in the middle, its counterparts around it, one edge per kind of
  fact, its width by the number of facts.

Every text is escaped; every mark has a ``<title>`` (a tooltip, and what a screen reader reads).

>>> svg = bar_chart([Bar("2021", 80.0), Bar("2023-01/08", 75.0, partial=True)], title="t",
...                 unit="million USD")
>>> svg.count("<rect class=\\"bar"), "partial" in svg
(2, True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Bar", "Edge", "bar_chart", "ego_network", "line_chart", "nice_ticks"]

_STYLE = ("<style>text{font:12px system-ui,sans-serif;fill:#444}.axis{stroke:#999}"
          ".grid{stroke:#e3e7eb}.bar{fill:#1f5f8b}.bar.partial{fill:url(#hatch);stroke:#1f5f8b}"
          ".line{fill:none;stroke:#2f7d4f;stroke-width:2}"
          ".line.more{stroke:#a33b2f;stroke-dasharray:5 3}.area{fill:#2f7d4f;opacity:.12}"
          ".edge{stroke-opacity:.7}a:hover circle,a:focus circle{stroke:#000;stroke-width:2}"
          "</style>")
_HATCH = ('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
          'patternTransform="rotate(45)"><rect width="6" height="6" fill="#d6e4f0"/>'
          '<line x1="0" y1="0" x2="0" y2="6" stroke="#1f5f8b" stroke-width="2"/></pattern></defs>')


def safe_href(url: str | None) -> str | None:
    """``url`` if it is a link a picture may carry (this server's paths, http, https), else None.

    >>> safe_href("/id/state/MNG"), safe_href("https://www.wikidata.org/wiki/Q1")
    ('/id/state/MNG', 'https://www.wikidata.org/wiki/Q1')
    >>> safe_href("javascript:alert(1)") is None, safe_href("//evil.example/") is None
    (True, True)
    """
    if not url:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return url
    if url.lower().startswith(("http://", "https://")):
        return url
    return None


def nice_ticks(top: float, n: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``top``.

    >>> nice_ticks(85)
    [0, 20, 40, 60, 80, 100]
    >>> nice_ticks(0)
    [0, 1]
    """
    if top <= 0:
        return [0, 1]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    count = math.ceil(top / step)
    return [round(i * step, 10) if step < 1 else int(i * step) for i in range(count + 1)]


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Bar:
    """One period's value; ``low``/``high`` for a range; ``partial`` for a part of a period."""

    label: str
    value: float
    partial: bool = False
    low: float | None = None
    high: float | None = None
    note: str = ""
    href: str | None = None


def bar_chart(bars: Sequence[Bar], *, title: str, unit: str, width: int = 640,
              height: int = 260) -> str:
    """Bars by period (in the given order)."""
    left, right, top, bottom = 64, 12, 28, 46
    pw, ph = width - left - right, height - top - bottom
    peak = max((max(b.value, b.high or 0) for b in bars), default=0)
    ticks = nice_ticks(peak)
    ymax = ticks[-1]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
           f' role="img" aria-label="{escape(title)}">', _STYLE, _HATCH,
           f'<text x="{left}" y="16" style="font-weight:600">{escape(title)}</text>']
    for t in ticks:
        y = top + ph - t / ymax * ph
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" '
                   f'y2="{y:.1f}"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f'{_fmt(t)}</text>')
    n = max(len(bars), 1)
    slot = pw / n
    bw = min(slot * 0.7, 60)
    for i, b in enumerate(bars):
        x = left + i * slot + (slot - bw) / 2
        h = b.value / ymax * ph
        y = top + ph - h
        tip = f"{b.label}: {_fmt(b.value)} {unit}"
        if b.low is not None and b.high is not None:
            tip += f" (range {_fmt(b.low)}–{_fmt(b.high)})"
        if b.partial:
            tip += " — partial period: not comparable with whole years"
        if b.note:
            tip += f" — {b.note}"
        mark = (f'<rect class="bar{" partial" if b.partial else ""}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{bw:.1f}" height="{max(h, 0.5):.1f}"><title>{escape(tip)}</title></rect>')
        if safe_href(b.href):
            mark = f'<a href="{escape(b.href)}" target="_top">{mark}</a>'
        out.append(mark)
        if b.low is not None and b.high is not None:
            y1 = top + ph - b.low / ymax * ph
            y2 = top + ph - b.high / ymax * ph
            cx = x + bw / 2
            out.append(f'<line class="axis" x1="{cx:.1f}" x2="{cx:.1f}" y1="{y1:.1f}" '
                       f'y2="{y2:.1f}"/>')
        out.append(f'<text x="{x + bw / 2:.1f}" y="{top + ph + 16}" text-anchor="middle">'
                   f'{escape(b.label)}{"*" if b.partial else ""}</text>')
    out.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + ph}" '
               f'y2="{top + ph}"/>')
    foot = unit + ("; * partial period (hatched)" if any(b.partial for b in bars) else "")
    out.append(f'<text x="{left}" y="{height - 8}">{escape(foot)}</text></svg>')
    return "".join(out)


def line_chart(points: Sequence[tuple[int, float]], *, title: str, unit: str,
               width: int = 640, height: int = 220, desc: str | None = None,
               name: str | None = None,
               more: Sequence[tuple[str, Sequence[tuple[int, float]]]] = ()) -> str:
    """A value by year, as a line over a light area.

    ``desc`` adds a ``<title>`` and a ``<desc>`` (the chart's text alternative); ``more`` adds
    further series over the same years, each a dashed line named in a legend with ``name``
    (the first series' name).

    >>> svg = line_chart([(2000, 1), (2001, 3)], title="t", unit="disputes", desc="d",
    ...                  name="disputes", more=[("wars", [(2000, 0), (2001, 1)])])
    >>> svg.count("<polyline"), "<desc>d</desc>" in svg, "2001: 3 disputes, 1 wars" in svg
    (2, True, True)
    """
    left, right, top, bottom = 48, 12, 28, 40
    pw, ph = width - left - right, height - top - bottom
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
           f' role="img" aria-label="{escape(title)}">', _STYLE,
           f'<text x="{left}" y="16" style="font-weight:600">{escape(title)}</text>']
    if desc is not None:
        out.insert(1, f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>")
    if not points:
        out.append(f'<text x="{left}" y="{top + 20}">no data</text></svg>')
        return "".join(out)
    x0, x1 = points[0][0], max(points[-1][0], points[0][0] + 1)
    ticks = nice_ticks(max(v for series in (points, *(p for _, p in more)) for _, v in series))
    ymax = ticks[-1]

    def xy(year: int, v: float) -> tuple[float, float]:
        return left + (year - x0) / (x1 - x0) * pw, top + ph - v / ymax * ph

    for t in ticks:
        y = top + ph - t / ymax * ph
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" '
                   f'y2="{y:.1f}"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f'{_fmt(t)}</text>')
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if (x1 - x0) / s <= 12)
    for year in range(x0 + (-x0) % step, x1 + 1, step):
        x, _ = xy(year, 0)
        out.append(f'<text x="{x:.1f}" y="{top + ph + 16}" text-anchor="middle">{year}</text>')
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(yr, v) for yr, v in points))
    ax, _ = xy(points[0][0], 0)
    bx, _ = xy(points[-1][0], 0)
    out.append(f'<polygon class="area" points="{ax:.1f},{top + ph} {path} {bx:.1f},{top + ph}"/>')
    out.append(f'<polyline class="line" points="{path}"/>')
    for _label, series in more:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(yr, v) for yr, v in series))
        out.append(f'<polyline class="line more" points="{line}"/>')
    tips: dict[int, list[str]] = {}
    for label, series in ((name or unit, points), *more):
        for yr, v in series:
            tips.setdefault(yr, []).append(f"{_fmt(v)} {label}")
    for yr, v in points:
        x, y = xy(yr, v)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="transparent">'
                   f'<title>{yr}: {escape(", ".join(tips[yr]))}</title></circle>')
    out.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + ph}" '
               f'y2="{top + ph}"/><text x="{left}" y="{height - 6}">{escape(unit)} by year'
               f'</text>')
    if more:
        x = width - right - 10 - 90 * (len(more) + 1)
        for i, label in enumerate([name or unit, *(lbl for lbl, _ in more)]):
            cls = "line" if i == 0 else "line more"
            out.append(f'<line class="{cls}" x1="{x}" x2="{x + 18}" y1="{height - 10}" '
                       f'y2="{height - 10}"/><text x="{x + 22}" y="{height - 6}">'
                       f'{escape(label)}</text>')
            x += 90
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Edge:
    """The facts of one kind between the centre and a counterpart."""

    target: str  # the counterpart's label
    href: str | None
    kind: str  # e.g. "diplomatic relation"
    count: int


#: colours of edge kinds, in order of first appearance
EDGE_COLOURS = ("#1f5f8b", "#6b3fa0", "#b5651d", "#2f7d4f", "#a32020", "#6b7785", "#c9a400")


def ego_network(centre: str, edges: Sequence[Edge], *, title: str, size: int = 560) -> str:
    """The centre in the middle, each counterpart on a circle around it, an edge per kind."""
    targets: dict[str, str | None] = {}
    for e in edges:
        targets.setdefault(e.target, e.href)
    kinds = list(dict.fromkeys(e.kind for e in edges))
    colour = {k: EDGE_COLOURS[i % len(EDGE_COLOURS)] for i, k in enumerate(kinds)}
    legend_h = 18 * len(kinds) + 10
    cx = cy = size / 2
    r = size / 2 - 90
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 {size} '
           f'{size + legend_h}" role="img" aria-label="{escape(title)}">', _STYLE]
    pos = {}
    n = max(len(targets), 1)
    for i, name in enumerate(targets):
        a = 2 * math.pi * i / n - math.pi / 2
        pos[name] = (cx + r * math.cos(a), cy + r * math.sin(a), a)
    per_pair: dict[str, int] = {}
    for e in edges:
        x, y, _ = pos[e.target]
        k = per_pair.get(e.target, 0)
        per_pair[e.target] = k + 1
        bend = (k - 0.5 * (sum(1 for f in edges if f.target == e.target) - 1)) * 18
        mx, my = (cx + x) / 2, (cy + y) / 2
        dx, dy = y - cy, cx - x
        norm = math.hypot(dx, dy) or 1
        qx, qy = mx + dx / norm * bend, my + dy / norm * bend
        w = 1 + min(math.log2(e.count + 1) * 1.5, 8)
        out.append(f'<path class="edge" d="M{cx:.1f},{cy:.1f} Q{qx:.1f},{qy:.1f} {x:.1f},{y:.1f}"'
                   f' stroke="{colour[e.kind]}" stroke-width="{w:.1f}" fill="none"><title>'
                   f'{escape(f"{centre} – {e.target}: {e.count} {e.kind}")}</title></path>')
    for name, href in targets.items():
        x, y, a = pos[name]
        anchor = "start" if math.cos(a) >= 0 else "end"
        lx = x + (8 if anchor == "start" else -8)
        node = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#fff" stroke="#1d2733"/>'
                f'<text x="{lx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(name)}</text>')
        if safe_href(href):
            node = f'<a href="{escape(href)}" target="_top">{node}<title>{escape(name)}</title></a>'
        out.append(node)
    out.append(f'<circle cx="{cx}" cy="{cy}" r="10" fill="#1d2733"/><text x="{cx}" '
               f'y="{cy - 16}" text-anchor="middle" style="font-weight:700">{escape(centre)}'
               f'</text>')
    for i, k in enumerate(kinds):
        y = size + 8 + 18 * i
        out.append(f'<line x1="10" x2="34" y1="{y + 6}" y2="{y + 6}" stroke="{colour[k]}" '
                   f'stroke-width="4"/><text x="40" y="{y + 10}">{escape(k)}</text>')
    out.append("</svg>")
    return "".join(out)
