"""Geometry specs of the sources → shapely shapes.

A feature's `geometry` is one of
    point / points / line / lines / polygon / polygons   coordinates (WGS-84 lon/lat), drawn by hand
    ref / refs                                           position(s) of reference records (see references.py)
    boundary: <adcode>                                   a district polygon from sources/boundaries/
    derive: {op: …}                                      a named derivation from the district polygons:

    districts        union of districts (optionally ∩ box, plus more districts ∩ box)
    clip             a hand-drawn polygon ∩ land (or ∩ given districts; `grow` widens the land first)
    land_box         land ∩ box, minus other features of the layer
    circles_on_land  union of circles (lon, lat, radius°) ∩ land
    sea              a hand-drawn polygon minus land, minus other features of the layer
    island_waters    the sea within `buffer`° of a district's convex hull, islands removed
    shared_border    the boundary two districts share, as one line (north → south; optionally ending on the coast)
    coast_between    the mainland coast, `inset`° inland, between two points, on the side of `via`
    union_of         the lines of other features ("layer:id") as one MultiLineString
    island_label     a label point inside the land polygon (an island) that contains `at`
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shapely
from shapely.geometry import (LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, box,
                              shape)
from shapely.ops import linemerge, nearest_points, substring, unary_union

Resolver = Callable[[str], shapely.Geometry]  # "layer:id" or "id" (same layer) → built geometry


class ShapeError(ValueError):
    """A geometry spec that cannot be turned into a shape."""


def clean(geom: shapely.Geometry, tolerance: float) -> shapely.Geometry:
    """Valid, simplified polygon(s) without specks."""
    geom = geom.buffer(0).simplify(tolerance, preserve_topology=True)
    if geom.geom_type == "GeometryCollection":
        geom = unary_union([g for g in geom.geoms if g.area > 0])
    if geom.geom_type == "MultiPolygon":
        parts = [p for p in geom.geoms if p.area > 2e-6]
        geom = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    return geom


class Land:
    """The district polygons and their union, the reference for every derivation and placement check."""

    def __init__(self, districts: dict[str, shapely.Geometry]):
        self.districts = districts
        self.union = unary_union(list(districts.values()))
        self.mainland = max(getattr(self.union, "geoms", [self.union]), key=lambda g: g.area)
        self._grown: dict[tuple[str | None, float], shapely.Geometry] = {}

    def grown(self, code: str | None, slack: float) -> shapely.Geometry:
        """The land (code None) or one district grown by slack degrees, prepared for fast `contains` and kept:
        the placement check asks for the same few shapes for every point (buffering each time took seconds)."""
        key = (code, slack)
        if key not in self._grown:
            self._grown[key] = (self.union if code is None else self.of([code])).buffer(slack)
            shapely.prepare(self._grown[key])
        return self._grown[key]

    def of(self, codes: list[str] | str) -> shapely.Geometry:
        if codes == "land":
            return self.union
        missing = [c for c in codes if c not in self.districts]
        if missing:
            raise ShapeError(f"unknown district adcode(s) {missing}")
        if len(codes) == 1:
            return self.districts[codes[0]]
        return unary_union([self.districts[c] for c in codes])


def _minus(geom: shapely.Geometry, d: dict, resolve: Resolver) -> shapely.Geometry:
    """geom minus each `minus` entry: a feature id, or {feature, buffer} to keep a gap."""
    for other in d.get("minus", []):
        ref, grow = (other, 0) if isinstance(other, str) else (other["feature"], other.get("buffer", 0))
        cut = resolve(ref)
        geom = geom.difference(cut.buffer(grow) if grow else cut)
    return geom


def _districts(land: Land, d: dict, _: Resolver) -> shapely.Geometry:
    geom = land.of(d["adcodes"])
    if "box" in d:
        geom = geom.intersection(box(*d["box"]))
    if "plus" in d:
        geom = unary_union([geom, land.of(d["plus"]["adcodes"]).intersection(box(*d["plus"]["box"]))])
    return clean(geom, d["simplify"])


def _clip(land: Land, d: dict, _: Resolver) -> shapely.Geometry:
    poly = Polygon(d["polygon"])
    if "to" not in d:
        return clean(poly, d["simplify"])
    base = land.of(d["to"])
    if d.get("grow"):
        base = base.buffer(d["grow"])
    return clean(poly.intersection(base), d["simplify"])


def _land_box(land: Land, d: dict, resolve: Resolver) -> shapely.Geometry:
    geom = land.union.intersection(box(*d["box"]))
    return clean(_minus(geom, d, resolve), d["simplify"])


def _circles_on_land(land: Land, d: dict, _: Resolver) -> shapely.Geometry:
    circles = unary_union([Point(x, y).buffer(r) for x, y, r in d["circles"]])
    return clean(circles.intersection(land.union), d["simplify"])


def _sea_parts(geom: shapely.Geometry) -> MultiPolygon:
    parts = [p for p in getattr(geom, "geoms", [geom]) if p.area > 2e-4]
    return MultiPolygon(parts)


def _sea(land: Land, d: dict, resolve: Resolver) -> shapely.Geometry:
    geom = _sea_parts(Polygon(d["polygon"]).difference(land.union.buffer(0.002)).simplify(d["simplify"]))
    return _minus(geom, d, resolve)


def _island_waters(land: Land, d: dict, _: Resolver) -> shapely.Geometry:
    hull = land.of([d["adcode"]]).convex_hull.buffer(d["buffer"])
    return hull.difference(land.union.buffer(0.002)).simplify(d["simplify"])


def _shared_border(land: Land, d: dict, _: Resolver) -> shapely.Geometry:
    a, b = d["adcodes"]
    line = land.of([a]).buffer(0.0005).intersection(land.of([b]).boundary)
    line = linemerge(line) if line.geom_type == "MultiLineString" else line
    line = max(getattr(line, "geoms", [line]), key=lambda g: g.length)
    coords = list(line.coords)
    if coords[0][1] < coords[-1][1]:  # north → south (downstream)
        coords = coords[::-1]
    coords = list(LineString(coords).simplify(d["simplify"]).coords)
    if d.get("drop_last"):
        coords = coords[:-1]
    if d.get("to_coast"):  # end the line on the coast (the river mouth)
        coords.append(nearest_points(land.union.boundary, Point(coords[-1]))[0].coords[0])
    return LineString(coords)


def _coast_between(land: Land, d: dict, _: Resolver) -> shapely.Geometry:
    inner = land.mainland.buffer(-d["inset"]).simplify(d["simplify"])
    inner = max(getattr(inner, "geoms", [inner]), key=lambda g: g.area)
    ring = LineString(inner.exterior.coords)
    lo, hi = sorted((ring.project(Point(d["start"])), ring.project(Point(d["end"]))))
    inside = substring(ring, lo, hi)
    outside = unary_union([substring(ring, hi, ring.length), substring(ring, 0, lo)])
    outside = linemerge(outside) if outside.geom_type == "MultiLineString" else outside
    via = Point(d["via"])
    return inside if inside.distance(via) < outside.distance(via) else outside


def _union_of(_: Land, d: dict, resolve: Resolver) -> shapely.Geometry:
    return MultiLineString([list(resolve(ref).coords) for ref in d["features"]])


def _island_label(land: Land, d: dict, _: Resolver) -> shapely.Geometry:
    at = Point(d["at"])
    for geom in land.districts.values():
        for part in getattr(geom, "geoms", [geom]):
            if part.contains(at):
                return part.representative_point()
    raise ShapeError(f"no island polygon contains {d['at']}")


DERIVATIONS: dict[str, Callable[[Land, dict, Resolver], shapely.Geometry]] = {
    "districts": _districts, "clip": _clip, "land_box": _land_box, "circles_on_land": _circles_on_land,
    "sea": _sea, "island_waters": _island_waters, "shared_border": _shared_border,
    "coast_between": _coast_between, "union_of": _union_of, "island_label": _island_label,
}


def convert_datum(spec: dict[str, Any], convert: Callable[[float, float], tuple[float, float]]) -> dict[str, Any]:
    """The same hand-drawn spec with every coordinate passed through `convert` (lon, lat → lon, lat)."""
    (kind, value), = spec.items()
    if kind not in ("point", "points", "line", "lines", "polygon", "polygons"):
        raise ShapeError(f"drawn_datum applies to hand-drawn coordinates, not to '{kind}'")

    def walk(c: Any) -> Any:
        return list(convert(*c)) if isinstance(c[0], (int, float)) else [walk(v) for v in c]
    return {kind: walk(value)}


def build(spec: dict[str, Any], land: Land, resolve: Resolver, position: Callable[[str], tuple[float, float]]
          ) -> shapely.Geometry:
    """The shape for one feature's geometry spec (exactly one key, checked by the source schema)."""
    (kind, value), = spec.items()
    if kind == "point":
        return Point(value)
    if kind == "points":
        return MultiPoint(value)
    if kind == "ref":
        return Point(position(value))
    if kind == "refs":
        return MultiPoint([position(r) for r in value])
    if kind == "line":
        return LineString(value)
    if kind == "lines":
        return MultiLineString(value)
    if kind == "polygon":
        return Polygon(value[0], value[1:])
    if kind == "polygons":
        return MultiPolygon([Polygon(p[0], p[1:]) for p in value])
    if kind == "boundary":
        return land.of([value])
    if kind == "derive":
        op = DERIVATIONS.get(value.get("op"))
        if op is None:
            raise ShapeError(f"unknown derivation '{value.get('op')}' (known: {', '.join(DERIVATIONS)})")
        return op(land, value, resolve)
    raise ShapeError(f"unknown geometry kind '{kind}'")


def rounded(geom: shapely.Geometry, decimals: int = 5) -> dict[str, Any]:
    """GeoJSON geometry with fixed precision; polygons are snapped to the grid so they stay valid."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        geom = shapely.set_precision(geom, 10 ** -decimals)

    def r(c: Any) -> Any:
        return [r(v) for v in c] if isinstance(c, (list, tuple)) else round(float(c), decimals)

    g = shapely.geometry.mapping(geom)
    return {"type": g["type"], "coordinates": r(g["coordinates"])}


def read_geometry(geojson_geometry: dict[str, Any]) -> shapely.Geometry:
    return shape(geojson_geometry)
