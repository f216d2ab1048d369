""""What does the plan say about this place?" — the site report for a point or an area, one implementation for
the map page and `python -m layers site`.

point_report(lon, lat) and area_report(polygon) apply layers/site_rules.py to the layers in layers/site_index.py
and return a Report: one Element per plan feature that applies (inside / overlaps / within a stated distance /
nearest), each with the plan's words, its section, how its shape was drawn, and true distances and areas
(layers/geodesy.py)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import shapely
import shapely.geometry
from shapely.geometry import Point

from layers.boundary_upload import check_area
from layers.geodesy import area_km2, distances_km, length_km, to_lonlat, to_metric
from layers.notes import InputError, Note
from layers.site_index import LayerIndex, SiteIndex, get_index
from layers.site_rules import EDGE_NOTE_KM, RULES, SECTION_LIMIT, SECTIONS, Rule

DETAIL_FIELDS = ("industries", "leading", "featured", "town_type", "geometry_note", "entry")
MIN_OVERLAP_KM2 = 0.01    # smaller overlaps with generalised boundaries are slivers, not findings
MIN_OVERLAP_SHARE = 0.002


@dataclass(frozen=True)
class Element:
    """One plan feature that applies to the site."""

    section: str
    layer_id: str
    feature_id: str
    name_zh: str
    name_en: str
    relation: str                  # inside | overlaps | within | nearest
    distance_km: float | None
    source: str
    basis: str                     # located | schematic | boundary
    layer_zh: str = ""
    layer_en: str = ""
    function_zh: str = ""
    function_en: str = ""
    area_km2: float | None = None  # area reports: the overlap
    share: float | None = None     # ... as a share of the site
    share_of_feature: float | None = None
    length_km: float | None = None  # lines: length inside the site
    edge_km: float | None = None   # inside a polygon: distance to its edge
    screen_km: float | None = None  # the screening distance that was applied
    flag: str | None = None        # conflict | caution
    flag_what: str = ""            # strings key naming what was screened
    tolerance_km: float | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def certainty(self) -> str:
        """firm (administrative boundary), approximate (a located point), schematic (the plan draws no shape)."""
        return {"boundary": "firm", "located": "approximate"}.get(self.basis, "schematic")

    def name(self, lang: str) -> str:
        return (self.name_en if lang == "en" else self.name_zh) or self.name_zh or self.name_en

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["certainty"] = self.certainty
        return out


@dataclass(frozen=True)
class Report:
    kind: str                      # point | area
    lon: float                     # the point, or a point inside the area
    lat: float
    geometry: shapely.Geometry     # lon/lat, WGS-84
    elements: tuple[Element, ...]
    notes: tuple[Note, ...] = ()
    at_sea: bool = False
    area_km2: float | None = None
    name: str = ""                 # an uploaded boundary's own name (plain text, never markup)
    problems: tuple[str, ...] = () # layers that could not be read (the report says what it could not check)

    @property
    def flags(self) -> tuple[Element, ...]:
        order = {"conflict": 0, "caution": 1}
        return tuple(sorted((e for e in self.elements if e.flag), key=lambda e: (order[e.flag], e.distance_km or 0)))

    def section(self, name: str) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.section == name)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the command line's --format json)."""
        minx, miny, maxx, maxy = self.geometry.bounds
        return {
            "kind": self.kind,
            "site": {"lon": self.lon, "lat": self.lat, "crs": "EPSG:4326 (WGS-84)",
                     "bounds": [round(v, 6) for v in (minx, miny, maxx, maxy)],
                     "area_km2": None if self.area_km2 is None else round(self.area_km2, 4),
                     "at_sea": self.at_sea, "name": self.name},
            "notes": [{"key": n.key, "zh": n.text("zh"), "en": n.text("en")} for n in self.notes],
            "problems": list(self.problems),
            "flags": [{"layer": e.layer_id, "id": e.feature_id, "flag": e.flag, "distance_km": _r(e.distance_km),
                       "screen_km": e.screen_km} for e in self.flags],
            "elements": [_element_json(e) for e in self.elements],
        }


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(float(value), digits)


def _element_json(e: Element) -> dict[str, Any]:
    out = e.as_dict()
    out = {"layer": out.pop("layer_id"), "id": out.pop("feature_id"), **out}
    for key in ("distance_km", "area_km2", "length_km", "edge_km"):
        out[key] = _r(out[key])
    for key in ("share", "share_of_feature"):
        out[key] = _r(out[key], 4)
    return out


def _element(rule: Rule, layer: LayerIndex, i: int, relation: str, distance: float | None,
             flagged: bool = False, **extra: Any) -> Element:
    rec = layer.records[i]
    details = {f"{k}_{lang}": str(rec[f"{k}_{lang}"]) for k in DETAIL_FIELDS for lang in ("zh", "en")
               if rec.get(f"{k}_{lang}")}
    tolerance = rec.get("tolerance_km")
    return Element(
        section=rule.section, layer_id=layer.spec.id, feature_id=str(rec.get("id", "")),
        name_zh=str(rec.get("name_zh") or ""), name_en=str(rec.get("name_en") or ""), relation=relation,
        distance_km=distance, source=str(rec.get("source") or ""), basis=str(rec.get("geometry_basis") or ""),
        layer_zh=layer.spec.title_zh, layer_en=layer.spec.title_en,
        function_zh=str(rec.get("function_zh") or ""), function_en=str(rec.get("function_en") or ""),
        screen_km=rule.distance_km, flag=rule.flag if flagged else None, flag_what=rule.label if flagged else "",
        tolerance_km=float(tolerance) if isinstance(tolerance, (int, float)) else None, details=details, **extra)


def _candidates(rule: Rule, layer: LayerIndex) -> np.ndarray:
    if not rule.kinds:
        return np.arange(len(layer.records))
    return np.flatnonzero(np.isin(layer.kinds, rule.kinds))


def _flag_feature(rule: Rule, layer: LayerIndex, i: int) -> bool:
    return bool(rule.flag) and (not rule.flag_ids or str(layer.records[i].get("id")) in rule.flag_ids)


class _Site:
    """The site in both coordinate systems, with what area reports need."""

    def __init__(self, geom_lonlat: shapely.Geometry):
        self.lonlat = geom_lonlat
        self.metric = to_metric(geom_lonlat)
        shapely.prepare(self.metric)
        self.is_area = geom_lonlat.geom_type.endswith("Polygon")
        self.area = area_km2(geom_lonlat) if self.is_area else None


def _apply(rule: Rule, layer: LayerIndex, site: _Site) -> list[Element]:
    idx = _candidates(rule, layer)
    if not len(idx):
        return []
    near = {int(i): float(d) for i, d in zip(idx, distances_km(site.metric, layer.metric[idx]))}
    touching = [i for i, d in near.items() if d == 0.0]
    if rule.mode in ("contains", "inside"):
        out = [e for i in touching for e in _touching(rule, layer, i, site, _flag_feature(rule, layer, i))]
        if not out and rule.mode == "contains":
            i = min(near, key=near.get)
            out.append(_element(rule, layer, i, "nearest", near[i]))
        return out
    if rule.mode == "within":
        chosen = sorted((i for i, d in near.items() if d <= (rule.distance_km or 0)), key=near.get)
        out = [e for i in chosen for e in _near(rule, layer, i, site, near[i], "within", flagged=True)]
        if not out:
            i = min(near, key=near.get)
            out.append(_element(rule, layer, i, "nearest", near[i]))
        return out
    ranked = sorted(near, key=near.get)[: rule.count]
    return [e for i in ranked for e in _near(rule, layer, i, site, near[i], "nearest")]


def _near(rule: Rule, layer: LayerIndex, i: int, site: _Site, distance: float, relation: str,
          flagged: bool = False) -> list[Element]:
    """A feature at some distance; one the site touches is described like an overlap (area, length, inside)."""
    if distance == 0.0 and (site.is_area or layer.polygonal[i]):
        return _touching(rule, layer, i, site, flagged)
    return [_element(rule, layer, i, relation, distance, flagged)]


def _touching(rule: Rule, layer: LayerIndex, i: int, site: _Site, flagged: bool) -> list[Element]:
    """A feature the site lies in (point) or overlaps (area), with area and share, or length for lines."""
    geom_m = layer.metric[i]
    if not site.is_area:
        edge = float(distances_km(site.metric, np.asarray([shapely.boundary(geom_m)]))[0]) \
            if layer.polygonal[i] else None
        return [_element(rule, layer, i, "inside", 0.0, flagged, edge_km=edge)]
    if layer.polygonal[i]:
        piece = to_lonlat(shapely.intersection(site.metric, geom_m))
        area = area_km2(piece)
        share = min(1.0, area / site.area) if site.area else 0.0
        if area < MIN_OVERLAP_KM2 and share < MIN_OVERLAP_SHARE:
            return []
        whole = float(layer.areas_km2[i])
        relation = "inside" if share >= 0.999 else "overlaps"
        return [_element(rule, layer, i, relation, 0.0, flagged, area_km2=area, share=share,
                         share_of_feature=min(1.0, area / whole) if whole else None)]
    if layer.metric[i].geom_type.endswith("LineString"):
        inside = length_km(to_lonlat(shapely.intersection(site.metric, geom_m)))
        return [_element(rule, layer, i, "overlaps", 0.0, flagged, length_km=inside)]
    return [_element(rule, layer, i, "inside", 0.0, flagged)]


def _limit(elements: list[Element]) -> list[Element]:
    """Sections with a shared limit keep their nearest elements across layers; order follows SECTIONS."""
    out = []
    for section in SECTIONS:
        items = [e for e in elements if e.section == section]
        limit = SECTION_LIMIT.get(section)
        if limit:
            items = sorted(items, key=lambda e: (e.distance_km or 0.0))[:limit]
        out.extend(items)
    return out


def _check_plan_area(index: SiteIndex, site: _Site) -> None:
    inside, km = index.in_plan_area(site.metric)
    if not inside:
        raise InputError("sr_err_area_outside" if site.is_area else "sr_err_point_outside", km=f"{km:.0f}")


def _report(site: _Site, index: SiteIndex, notes: tuple[Note, ...], name: str = "") -> Report:
    _check_plan_area(index, site)
    elements: list[Element] = []
    for rule in RULES:
        layer = index.layer(rule.layer)
        if layer is not None:
            elements.extend(_apply(rule, layer, site))
    rep = site.lonlat.representative_point() if site.is_area else site.lonlat
    at_sea = index.land is not None and not shapely.intersects(index.land, site.metric)
    extra: list[Note] = []
    for e in elements:
        if e.edge_km is not None and e.edge_km < EDGE_NOTE_KM and e.section in ("district", "functional", "layout",
                                                                              "zoning"):
            extra.append(Note("sr_note_near_edge", {"name_zh": e.name_zh, "name_en": e.name_en,
                                                    "km": f"{e.edge_km:.2f}"}))
    missing = tuple(f"{p.layer_id}: {p.message}" for p in index.problems)
    if missing:
        extra.append(Note("sr_note_layers_missing", {"layers": ", ".join(p.layer_id for p in index.problems)}))
    return Report(kind="area" if site.is_area else "point", lon=round(rep.x, 6), lat=round(rep.y, 6),
                  geometry=site.lonlat, elements=tuple(_limit(elements)), notes=(*notes, *extra), at_sea=at_sea,
                  area_km2=site.area, name=name, problems=missing)


def point_report(lon: float, lat: float, notes: tuple[Note, ...] = (), index: SiteIndex | None = None) -> Report:
    """The report for one WGS-84 point; InputError when it lies outside the plan's area."""
    return _report(_Site(Point(float(lon), float(lat))), index or get_index(), tuple(notes))


def area_report(geom_lonlat: shapely.Geometry, notes: tuple[Note, ...] = (), name: str = "",
                index: SiteIndex | None = None) -> Report:
    """The report for a WGS-84 (multi)polygon (checked and repaired by layers/boundary_upload.check_area)."""
    geom, repair_notes = check_area(geom_lonlat)
    return _report(_Site(geom), index or get_index(), (*notes, *repair_notes), name=name)



def report_geojson(report: Report) -> dict[str, Any]:
    """The site (point or boundary, WGS-84) as a GeoJSON FeatureCollection carrying the whole report."""
    summary = report.as_dict()
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": shapely.geometry.mapping(report.geometry),
                          "properties": {"name": report.name, "kind": report.kind, "report": summary}}]}
