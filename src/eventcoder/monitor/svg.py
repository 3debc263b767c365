"""Inline SVG charts for the situation report (offline): a timeline and a map of the stories."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

BASEMAP = Path(__file__).resolve().parents[1] / "web" / "static" / "vendor" / "countries-110m.json"
QUAD_COLOURS = {
    "verbal_cooperation": "#66c2a5",
    "material_cooperation": "#1b7837",
    "verbal_conflict": "#fdae61",
    "material_conflict": "#b2182b",
}


@cache
def _rings() -> list[list[tuple[float, float]]]:
    """Every ring of the Natural Earth 110m countries (lon, lat), decoded from TopoJSON."""
    if not BASEMAP.exists():
        return []
    topo = json.loads(BASEMAP.read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            out.extend(pts[1:] if out else pts)
        return out

    rings = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            rings.extend(ring(r) for r in poly)
    return rings


def map_svg(points: list[dict[str, Any]], width: int = 640, height: int = 360) -> str:
    """Stories as circles (area ~ mentions, colour = quad class) on the basemap around them."""
    located = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if not located:
        return ""
    lats = [p["lat"] for p in located]
    lons = [p["lon"] for p in located]
    pad = 4.0
    west, east = min(lons) - pad, max(lons) + pad
    south, north = min(lats) - pad, max(lats) + pad
    # keep the aspect ratio of the box
    span_x, span_y = east - west, north - south
    if span_x / span_y < width / height:
        extra = span_y * width / height - span_x
        west, east = west - extra / 2, east + extra / 2
    else:
        extra = span_x * height / width - span_y
        south, north = south - extra / 2, north + extra / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) / (east - west) * width, (north - lat) / (north - south) * height

    paths = []
    for ring in _rings():
        if not any(west - 20 <= x <= east + 20 and south - 20 <= y <= north + 20 for x, y in ring):
            continue
        d = "M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in (xy(x, y) for x, y in ring)) + "Z"
        paths.append(f'<path d="{d}"/>')
    circles = []
    for p in located:
        cx, cy = xy(p["lon"], p["lat"])
        r = 4 + 3 * (p.get("mentions") or 1) ** 0.5
        colour = QUAD_COLOURS.get(p.get("quad") or "", "#888")
        label = escape(str(p.get("label") or ""))
        circles.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{colour}" '
            f'fill-opacity="0.8" stroke="#222"><title>{label}</title></circle>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-map" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}" role="img" aria-label="map">'
        f'<rect width="{width}" height="{height}" fill="#eef3f7"/>'
        f'<g fill="#f7f4ea" stroke="#9aa" stroke-width="0.6">{"".join(paths)}</g>'
        f"{''.join(circles)}</svg>"
    )


def timeline_svg(days: dict[str, dict[str, int]], width: int = 640, height: int = 180) -> str:
    """Bars per day: stories (height) and dead (label), continuous from first to last day."""
    if not days:
        return ""
    first = dt.date.fromisoformat(min(days))
    last = dt.date.fromisoformat(max(days))
    n = (last - first).days + 1
    top = max(v["stories"] for v in days.values()) or 1
    bw = min(40.0, (width - 40) / n)
    bars = []
    for i in range(n):
        day = (first + dt.timedelta(days=i)).isoformat()
        value = days.get(day, {"stories": 0, "dead": 0})
        h = (height - 50) * value["stories"] / top
        x = 30 + i * bw
        y = height - 25 - h
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(1.0, bw * 0.8):.1f}" height="{h:.1f}" '
            f'fill="#b2182b"><title>{day}: {value["stories"]} stories, {value["dead"]} dead'
            "</title></rect>"
        )
        if value.get("dead"):
            bars.append(f'<text x="{x:.1f}" y="{y - 3:.1f}" font-size="10">†{value["dead"]}</text>')
        if i == 0 or i == n - 1 or n <= 10:
            bars.append(f'<text x="{x:.1f}" y="{height - 8}" font-size="10">{day}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-timeline" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}" role="img" aria-label="timeline">'
        f'<line x1="28" y1="{height - 25}" x2="{width - 5}" y2="{height - 25}" stroke="#444"/>'
        f'<text x="2" y="14" font-size="10">{top}</text>{"".join(bars)}</svg>'
    )
