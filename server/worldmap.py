"""A world map drawn on the server as SVG: country shapes coloured by a number, points on top.

The shapes are Natural Earth's 1:110m countries as packaged by the npm registry package
``world-atlas`` 2.0.2 (ISC licence; Natural Earth is in the public domain), vendored by
``scripts/install_ui.sh`` into ``server/static/vendor/world-atlas/``. Nothing is fetched at run
time; without the file the pages say the map is not installed. Countries are keyed by ISO 3166
numeric codes there, and mapped to our ISO alpha-3 codes with the ISO table of
``data/country-names-vi`` (pycountry's ISO 3166 data), which the server reads from its store
(the ``iso3166-numeric`` table the build wrote from it, ``loaders/lookup_tables.py``:
:func:`store_codes`).

The projection is Equal Earth (Šavrič, Patterson and Jenny 2018), an equal-area projection, so
that areas compare fairly.

>>> x, y = equal_earth(0.0, 0.0)
>>> (round(x, 6), round(y, 6))
(0.0, 0.0)
>>> [round(v, 4) for v in equal_earth(180.0, 0.0)]
[2.7066, 0.0]
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .charts import safe_href

__all__ = ["MapValue", "Point", "available", "equal_earth", "render", "ATLAS_FILE"]

ATLAS_FILE = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"

WIDTH = 960.0
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_XMAX, _YMAX = 2.7066297319, 1.3173627

#: sequential colours (light to dark) for the classes of values, and the colour of no value
PALETTE = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#e6e6e6"
UNKNOWN = "#c7b8e0"


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Project a longitude and latitude (degrees) with Equal Earth; unit coordinates."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def _to_svg(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    scale = WIDTH / (2 * _XMAX)
    return (x + _XMAX) * scale, (_YMAX - y) * scale


def height() -> float:
    """The map's height for :data:`WIDTH`."""
    return 2 * _YMAX * WIDTH / (2 * _XMAX)


def available() -> bool:
    """True when the shapes are installed."""
    return ATLAS_FILE.is_file()


def numeric_to_alpha3(rows: Iterable[tuple[int, Mapping[str, str]]]) -> dict[str, str]:
    """ISO numeric code (without leading zeros) -> alpha-3, from the rows of the
    ``iso3166-numeric`` table (``alpha_3``, ``numeric``)."""
    return {row["numeric"].lstrip("0") or "0": row["alpha_3"] for _, row in rows
            if row.get("numeric") and row.get("alpha_3")}


def store_codes() -> Mapping[str, str]:
    """:func:`numeric_to_alpha3` of the table the app's store holds, read again after a
    write (empty when the store lacks it: the shapes are then named, not coded)."""
    from flask import current_app

    from ..loaders.lookup_tables import read_rows

    qs = current_app.extensions["diplograph"]
    generation = qs.generation
    kept = current_app.extensions.get("diplograph.worldmap.codes")
    if kept is None or kept[0] != generation:
        kept = (generation, numeric_to_alpha3(read_rows(qs.read_store(), "iso3166-numeric")))
        current_app.extensions["diplograph.worldmap.codes"] = kept
    return kept[1]  # type: ignore[no-any-return]


def shapes(codes: Mapping[str, str] | None = None) -> dict[str, tuple[str, str]]:
    """ISO alpha-3 (or the shape's name where it has no code) -> (name, SVG path data);
    ``codes``: ISO numeric -> alpha-3 (default: :func:`store_codes`, in a request)."""
    codes = store_codes() if codes is None else codes
    return {codes.get(number, name): (name, path) for number, name, path in _shapes()}


@functools.cache
def _shapes() -> list[tuple[str, str, str]]:
    """(ISO numeric code without leading zeros, name, SVG path data) of each shape."""
    topo = json.loads(ATLAS_FILE.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []  # (longitude, latitude)
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: Sequence[int]) -> str:
        pts: list[tuple[float, float]] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            pts.extend(arc if not pts else arc[1:])
        # A ring that crosses the antimeridian (Russia, Fiji) jumps from +180 to -180: draw
        # each side as its own closed piece instead of a stripe across the map.
        parts: list[list[tuple[float, float]]] = [[]]
        for k, (lon, lat) in enumerate(pts):
            if k and abs(lon - pts[k - 1][0]) > 180:
                parts.append([])
            parts[-1].append(_to_svg(lon, lat))
        return "".join("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in part) + "Z"
                       for part in parts if len(part) > 2)

    out: list[tuple[str, str, str]] = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        polygons = geom.get("arcs", [])
        if geom["type"] == "Polygon":
            polygons = [polygons]
        path = "".join(ring(r) for poly in polygons for r in poly)
        out.append((str(geom.get("id", "")).lstrip("0"), name, path))
    return out


@dataclass(frozen=True)
class MapValue:
    """The value of one country: a number, what to say about it, and where it links."""

    value: float
    text: str
    href: str | None = None


@dataclass(frozen=True)
class Point:
    """A point (e.g. a capital) with its label and link."""

    lon: float
    lat: float
    text: str
    href: str | None = None


def classes(values: Iterable[float], n: int = len(PALETTE)) -> list[float]:
    """Upper bounds of ``n`` classes of equal count (quantiles) of ``values``.

    >>> classes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)
    [2, 4, 6, 8, 10]
    >>> classes([3, 3, 3], 5)
    [3]
    """
    ordered = sorted(values)
    if not ordered:
        return []
    bounds = []
    for k in range(1, n + 1):
        b = ordered[min(len(ordered) - 1, math.ceil(k * len(ordered) / n) - 1)]
        if not bounds or b > bounds[-1]:
            bounds.append(b)
    return bounds


def render(values: Mapping[str, MapValue], *, title: str, legend: str,
           highlight: str | None = None, points: Sequence[Point] = (),
           years: bool = False, unknown: Mapping[str, MapValue] | None = None,
           unknown_label: str = "value unknown") -> str:
    """The SVG of the world with ``values`` by ISO alpha-3 code; ``highlight`` is drawn dark;
    ``unknown`` countries are in the data but without a number (drawn in their own colour)."""
    unknown = unknown or {}
    w, h = WIDTH, height()
    bounds = classes(v.value for v in values.values())

    def colour(v: float) -> str:
        for i, b in enumerate(bounds):
            if v <= b:
                return PALETTE[i + len(PALETTE) - len(bounds)]
        return PALETTE[-1]

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="worldmap" viewBox="0 0 {w:.0f} '
        f'{h + 40:.0f}" role="img" aria-labelledby="map-title">',
        f'<title id="map-title">{escape(title)}</title>',
        '<style>path{stroke:#fff;stroke-width:0.5}a:hover path,a:focus path{stroke:#000;'
        'stroke-width:1.2}text{font:12px system-ui,sans-serif;fill:#444}</style>',
        f'<path d="{_outline()}" fill="#f7fbff" stroke="#ccc"/>',
    ]
    for code, (name, path) in sorted(shapes().items()):
        v = values.get(code)
        if code == highlight:
            fill, text = "#b5651d", f"{name}: this page's state"
        elif v is not None:
            fill, text = colour(v.value), f"{name}: {v.text}"
        elif code in unknown:
            v = unknown[code]
            fill, text = UNKNOWN, f"{name}: {v.text}"
        else:
            fill, text = NO_DATA, f"{name}: none"
        shape = f'<path d="{path}" fill="{fill}"><title>{escape(text)}</title></path>'
        if v is not None and safe_href(v.href):
            shape = f'<a href="{escape(v.href)}" target="_top">{shape}</a>'
        parts.append(shape)
    for p in points:
        x, y = _to_svg(p.lon, p.lat)
        dot = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#b5651d" stroke="#fff">'
               f'<title>{escape(p.text)}</title></circle>')
        if safe_href(p.href):
            dot = f'<a href="{escape(p.href)}" target="_top">{dot}</a>'
        parts.append(dot)
    # legend
    y0 = h + 12
    parts.append(f'<text x="10" y="{y0 + 11:.0f}">{escape(legend)}:</text>')
    x = 10 + 7 * len(legend) + 20
    lo = min((v.value for v in values.values()), default=0)
    for i, b in enumerate(bounds):
        fill = PALETTE[i + len(PALETTE) - len(bounds)]
        fmt = (lambda v: str(int(v))) if years else _num
        label = f"{fmt(lo)}–{fmt(b)}" if lo != b else fmt(b)
        parts.append(f'<rect x="{x:.0f}" y="{y0:.0f}" width="14" height="14" fill="{fill}"/>'
                     f'<text x="{x + 18:.0f}" y="{y0 + 11:.0f}">{escape(label)}</text>')
        x += 30 + 8 * len(label)
        lo = b
    if unknown:
        parts.append(f'<rect x="{x:.0f}" y="{y0:.0f}" width="14" height="14" fill="{UNKNOWN}"/>'
                     f'<text x="{x + 18:.0f}" y="{y0 + 11:.0f}">{escape(unknown_label)}</text>')
        x += 30 + 7 * len(unknown_label)
    parts.append(f'<rect x="{x:.0f}" y="{y0:.0f}" width="14" height="14" fill="{NO_DATA}"/>'
                 f'<text x="{x + 18:.0f}" y="{y0 + 11:.0f}">none</text>')
    parts.append("</svg>")
    return "".join(parts)


def _num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


@functools.cache
def _outline() -> str:
    """The outline of the whole projected sphere."""
    pts = [_to_svg(-180, lat) for lat in range(-90, 91, 5)]
    pts += [_to_svg(180, lat) for lat in range(90, -91, -5)]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"
