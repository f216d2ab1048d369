"""A small SVG map for the downloaded report: land, district lines, the plan features the report names, the site,
a scale bar and a north arrow — drawn in UTM 51N (true scale), no scripts, every label escaped."""
from __future__ import annotations

import html

import numpy as np
import shapely

from layers.geodesy import to_metric
from layers.site_index import SiteIndex
from layers.site_report import Report

WIDTH, HEIGHT = 640, 420
MIN_HALF_M = 12_000     # a point report shows at least 24 km across
COLOURS = {"conflict": "#c0392b", "caution": "#d68910", None: "#1f5f8b"}


def _path(geom: shapely.Geometry, to_px) -> str:
    parts = []
    for part in shapely.get_parts(geom):
        rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
        for ring in rings:
            xy = to_px(np.asarray(ring.coords)[:, :2])
            if len(xy) < 2:
                continue
            d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in xy)
            parts.append(d + (" Z" if part.geom_type == "Polygon" else ""))
    return " ".join(parts)


def _scale_bar(metres_per_px: float) -> str:
    target = metres_per_px * 120
    nice = max(v for v in (500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000) if v <= max(target, 500))
    px = nice / metres_per_px
    label = f"{nice / 1000:g} km"
    y = HEIGHT - 18
    return (f'<g font-size="12" fill="#222"><rect x="14" y="{y - 4}" width="{px:.1f}" height="5" fill="#222"/>'
            f'<text x="14" y="{y - 9}">{label}</text></g>')


NORTH = ('<g transform="translate({x},30)"><polygon points="0,-16 7,8 0,3 -7,8" fill="#222"/>'
         '<text y="22" text-anchor="middle" font-size="12" font-weight="700">N</text></g>')


def report_svg(report: Report, index: SiteIndex, lang: str) -> str:
    """The map as an <svg> element (UTF-8 text)."""
    site_m = to_metric(report.geometry)
    minx, miny, maxx, maxy = site_m.bounds
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    half = max(MIN_HALF_M, (maxx - minx) * 0.8, (maxy - miny) * 0.8 * WIDTH / HEIGHT)
    mpp = 2 * half / WIDTH
    box = (cx - half, cy - mpp * HEIGHT / 2, cx + half, cy + mpp * HEIGHT / 2)

    def to_px(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(((xy[:, 0] - box[0]) / mpp, (box[3] - xy[:, 1]) / mpp))

    def clip(geom: shapely.Geometry) -> shapely.Geometry:
        return shapely.simplify(shapely.clip_by_rect(geom, *box), mpp)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
           f' role="img" font-family="sans-serif"><rect width="{WIDTH}" height="{HEIGHT}" fill="#dfeef7"/>']
    if index.land is not None:
        out.append(f'<path d="{_path(clip(index.land), to_px)}" fill="#f4f1e6" stroke="#b8b09a" stroke-width="0.6"/>')
    districts = index.layer("districts")
    if districts is not None:
        for geom in districts.metric:
            out.append(f'<path d="{_path(shapely.boundary(clip(geom)), to_px)}" fill="none" stroke="#8a8a8a" '
                       f'stroke-width="0.8" stroke-dasharray="3 2"/>')
    labels = []
    for e in report.elements:
        layer = index.layer(e.layer_id)
        if layer is None or e.section == "district":
            continue
        i = next((k for k, r in enumerate(layer.records) if str(r.get("id")) == e.feature_id), None)
        if i is None or not shapely.intersects(layer.metric[i], shapely.box(*box)):
            continue
        colour = COLOURS.get(e.flag, COLOURS[None])
        geom = clip(layer.metric[i])
        if geom.is_empty:
            continue
        if layer.polygonal[i]:
            out.append(f'<path d="{_path(geom, to_px)}" fill="{colour}" fill-opacity="0.08" stroke="{colour}" '
                       f'stroke-width="1" stroke-dasharray="5 3"/>')
        elif geom.geom_type.endswith("LineString"):
            out.append(f'<path d="{_path(geom, to_px)}" fill="none" stroke="{colour}" stroke-width="1.6"/>')
        else:
            for x, y in to_px(shapely.get_coordinates(geom)):
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" stroke="#fff"/>')
                labels.append((x, y, e.name(lang)))
    if report.kind == "area":
        out.append(f'<path d="{_path(site_m, to_px)}" fill="#e74c3c" fill-opacity="0.25" stroke="#b03a2e" '
                   f'stroke-width="2"/>')
    else:
        (x, y), = to_px(np.asarray(site_m.coords))
        out.append(f'<g stroke="#b03a2e" stroke-width="2.5"><line x1="{x - 9:.1f}" y1="{y:.1f}" x2="{x + 9:.1f}" '
                   f'y2="{y:.1f}"/><line x1="{x:.1f}" y1="{y - 9:.1f}" x2="{x:.1f}" y2="{y + 9:.1f}"/></g>')
    for x, y, name in labels[:12]:
        out.append(f'<text x="{x + 6:.1f}" y="{y - 5:.1f}" font-size="11" fill="#222" stroke="#fff" '
                   f'stroke-width="3" paint-order="stroke">{html.escape(name)}</text>')
    out.append(_scale_bar(mpp))
    out.append(NORTH.format(x=WIDTH - 24))
    out.append("</svg>")
    return "".join(out)
