"""Checks a layer file against the data contract (layers/schemas/feature.schema.json and its catalog entry) and
returns readable problems."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape

from layers import paths, schema
from layers.catalog import LayerSpec
from layers.mapspec import DALIAN_BOUNDS

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
GEOMETRY_BASES = ("boundary", "located", "schematic")
PLAN_FIELDS = schema.plan_required()
BASEMAP_FIELDS = ("id", "name_zh", "name_en", "geometry_basis")
GEOMETRY_TYPES = {
    "point": {"Point", "MultiPoint"},
    "line": {"LineString", "MultiLineString"},
    "polygon": {"Polygon", "MultiPolygon"},
}
WGS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"}
# Dalian's land and sea: the city outline grown by ~30 km takes in its islands and coastal waters.
DALIAN_MARGIN_DEG = 0.3
MAX_PROBLEMS_PER_LAYER = 20


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one layer (and maybe one feature)."""

    layer_id: str
    file: str
    message: str
    feature_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}" + (f" [feature {self.feature_id}]" if self.feature_id else "")
        return f"{self.layer_id}: {where}: {self.message}"


@lru_cache(maxsize=1)
def dalian_extent() -> shapely.Geometry:
    """The area every feature must touch: the city outline plus a sea margin (a fixed box when the outline file is
    missing or broken, so one bad file never stops every other layer)."""
    path = paths.GEODATA / "base" / "dalian_outline.geojson"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        outline = shapely.union_all([shape(f["geometry"]) for f in data["features"]])
        if outline.is_empty:
            raise ValueError("empty outline")
    except Exception:  # missing, truncated, not GeoJSON, bad geometry: all reported where the file is loaded
        outline = shapely.box(*DALIAN_BOUNDS)  # the file's own catalog entry (base_dalian) names the problem
    return outline.envelope.buffer(DALIAN_MARGIN_DEG)


def read_geojson(spec: LayerSpec) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse the layer file; a problem (not an exception) when it is missing or broken."""
    rel = f"geodata/{spec.file}"
    try:
        text = Path(spec.path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(spec.id, rel, "file is missing")]
    except UnicodeDecodeError:
        return None, [Problem(spec.id, rel, "file is not UTF-8 text")]
    except OSError as exc:  # a folder, no read permission…
        return None, [Problem(spec.id, rel, f"file cannot be read ({type(exc).__name__})")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(spec.id, rel, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}) "
                                            "— the file may be truncated")]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        return None, [Problem(spec.id, rel, "not a GeoJSON FeatureCollection")]
    return data, []


def check_crs(spec: LayerSpec, data: dict[str, Any]) -> list[Problem]:
    crs = data.get("crs")
    if crs is None:
        return []
    name = (crs.get("properties") or {}).get("name", "") if isinstance(crs, dict) else ""
    if name in WGS84_NAMES:
        return []
    return [Problem(spec.id, f"geodata/{spec.file}",
                    f"coordinate system is '{name or crs}', expected WGS-84 (EPSG:4326); convert when building the data")]


def check_properties(spec: LayerSpec, props: dict[str, Any], fid: str) -> list[str]:
    required = BASEMAP_FIELDS if spec.contract == "basemap" else PLAN_FIELDS
    errors = [f"missing property '{name}'" for name in required if name not in props]
    errors += [e for e in schema.errors("feature", props) if "required property" not in e]
    if not ID_PATTERN.match(str(props.get("id", ""))):
        errors.append(f"id '{props.get('id')}' is not a slug (lower-case letters, digits, '-' or '_')")
    if props.get("geometry_basis") not in GEOMETRY_BASES:
        errors.append(f"geometry_basis '{props.get('geometry_basis')}' is not one of {', '.join(GEOMETRY_BASES)}")
    for key in ("name_zh", "name_en"):
        if key in props and not (isinstance(props[key], str) and props[key].strip()):
            errors.append(f"'{key}' is empty")
    if spec.contract != "basemap":
        if not str(props.get("source", "")).strip():
            errors.append("'source' (plan section) is empty")
        projects = props.get("projects", [])
        if not isinstance(projects, list) or not all(isinstance(p, dict) and p.get("name_zh") for p in projects):
            errors.append("'projects' must be a list of objects with name_zh")
    return errors


def check_geometry(spec: LayerSpec, geometry: Any) -> tuple[shapely.Geometry | None, list[str]]:
    if not geometry:
        return None, ["has no geometry"]
    try:
        geom = shape(geometry)
    except Exception as exc:  # shapely raises several types for malformed input
        return None, [f"geometry cannot be read ({exc})"]
    errors = []
    allowed = GEOMETRY_TYPES.get(spec.geometry)
    if allowed and geom.geom_type not in allowed:
        errors.append(f"geometry is {geom.geom_type}, the catalog says {spec.geometry}")
    if geom.is_empty:
        return None, errors + ["geometry is empty"]
    if not geom.is_valid:
        errors.append(f"invalid geometry ({shapely.is_valid_reason(geom)})")
    minx, miny, maxx, maxy = geom.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        errors.append(f"coordinates ({minx:.0f}, {miny:.0f}) are not longitude/latitude — wrong CRS?")
    elif spec.contract != "basemap" and not geom.intersects(dalian_extent()):
        errors.append(f"lies outside Dalian (near {geom.centroid.x:.3f}, {geom.centroid.y:.3f}) — "
                      "swapped coordinates or wrong CRS?")
    return geom, errors


def validate_collection(spec: LayerSpec, data: dict[str, Any]) -> list[Problem]:
    """Every contract problem of one parsed layer (capped, with a count of the rest)."""
    rel = f"geodata/{spec.file}"
    problems = check_crs(spec, data)
    if not data["features"]:
        problems.append(Problem(spec.id, rel, "has no features"))
    seen: set[str] = set()
    for index, feat in enumerate(data["features"]):
        props = feat.get("properties") or {}
        fid = str(props.get("id") or f"#{index}")
        errors = check_properties(spec, props, fid)
        if fid in seen:
            errors.append("duplicate id")
        seen.add(fid)
        _, geom_errors = check_geometry(spec, feat.get("geometry"))
        problems.extend(Problem(spec.id, rel, e, fid) for e in errors + geom_errors)
    if len(problems) > MAX_PROBLEMS_PER_LAYER:
        more = len(problems) - MAX_PROBLEMS_PER_LAYER
        problems = problems[:MAX_PROBLEMS_PER_LAYER] + [Problem(spec.id, rel, f"… and {more} more problems")]
    return problems


def validate_table(spec: LayerSpec) -> list[Problem]:
    rel = f"geodata/{spec.file}"
    try:
        data = json.loads(Path(spec.path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [Problem(spec.id, rel, "file is missing")]
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [Problem(spec.id, rel, f"not valid JSON ({exc})")]
    except OSError as exc:
        return [Problem(spec.id, rel, f"file cannot be read ({type(exc).__name__})")]
    if not isinstance(data, (dict, list)) or not data:
        return [Problem(spec.id, rel, "expected a non-empty JSON object or list")]
    return []
