"""Export layers for users and other tools: GeoJSON (one file per layer), GPKG, KML and CSV."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import pandas as pd

from layers.catalog import catalog
from layers.loading import load_all

FORMATS = ("geojson", "gpkg", "kml", "csv")
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _serialisable(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Lists/dicts (e.g. projects) as JSON text, for formats without nested values."""
    out = gdf.copy()
    for col in out.columns:
        if col != "geometry" and out[col].map(lambda v: isinstance(v, (list, dict))).any():
            out[col] = out[col].map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
    return out


def to_geojson_text(layers: dict[str, gpd.GeoDataFrame]) -> str:
    """All given layers in one FeatureCollection; each feature says which layer it came from."""
    features = []
    for layer_id, gdf in layers.items():
        for feat in gdf.to_geo_dict(drop_id=True)["features"]:
            feat["properties"] = {"layer": layer_id, **feat["properties"]}
            features.append(feat)
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def to_csv_text(layers: dict[str, gpd.GeoDataFrame]) -> str:
    """Attributes of all given layers, with a representative point's lon/lat (UTF-8 with BOM for Excel)."""
    frames = []
    for layer_id, gdf in layers.items():
        df = pd.DataFrame(_serialisable(gdf).drop(columns="geometry"))
        point = gdf.geometry.representative_point()
        df.insert(0, "layer", layer_id)
        df["lon"], df["lat"] = point.x.round(5), point.y.round(5)
        frames.append(df)
    return "\ufeff" + pd.concat(frames, ignore_index=True).to_csv(index=False) if frames else ""


def to_kml_text(gdf: gpd.GeoDataFrame, name: str) -> str:
    """A minimal KML document (names, descriptions, geometries) — opens in Google Earth, QGIS, 奥维."""
    kml = ET.Element("kml", xmlns="http://www.opengis.net/kml/2.2")
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = name
    for _, row in gdf.iterrows():
        placemark = ET.SubElement(doc, "Placemark")
        ET.SubElement(placemark, "name").text = f"{row.get('name_zh', '')} {row.get('name_en', '')}".strip()
        desc = "\n".join(str(row.get(k, "")) for k in ("function_zh", "function_en", "source") if row.get(k))
        ET.SubElement(placemark, "description").text = desc
        placemark.append(_kml_geometry(row.geometry))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode")


def _coords(seq) -> str:
    return " ".join(f"{x:.5f},{y:.5f}" for x, y, *_ in seq)


def _kml_geometry(geom) -> ET.Element:
    kind = geom.geom_type
    if kind.startswith("Multi") or kind == "GeometryCollection":
        multi = ET.Element("MultiGeometry")
        for part in geom.geoms:
            multi.append(_kml_geometry(part))
        return multi
    if kind == "Point":
        el = ET.Element("Point")
        ET.SubElement(el, "coordinates").text = _coords(geom.coords)
        return el
    if kind == "LineString":
        el = ET.Element("LineString")
        ET.SubElement(el, "coordinates").text = _coords(geom.coords)
        return el
    el = ET.Element("Polygon")
    outer = ET.SubElement(ET.SubElement(el, "outerBoundaryIs"), "LinearRing")
    ET.SubElement(outer, "coordinates").text = _coords(geom.exterior.coords)
    for ring in geom.interiors:
        inner = ET.SubElement(ET.SubElement(el, "innerBoundaryIs"), "LinearRing")
        ET.SubElement(inner, "coordinates").text = _coords(ring.coords)
    return el


def export_layers(out_dir: Path, fmt: str, layer_ids: list[str] | None = None) -> tuple[list[Path], list[str]]:
    """Write one file per layer (GPKG: one file, a table per layer). Returns written paths and problems."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = layer_ids or [s.id for s in catalog() if not s.is_table]
    layers, problems = load_all(ids)
    written: list[Path] = []
    for layer_id, gdf in layers.items():
        if not SAFE_NAME.match(layer_id):  # ids become file names: never leave out_dir
            problems.append(f"{layer_id}: not a safe file name, skipped")
            continue
        if fmt == "geojson":
            path = out_dir / f"{layer_id}.geojson"
            path.write_text(gdf.to_json(drop_id=True, ensure_ascii=False), encoding="utf-8")
        elif fmt == "csv":
            path = out_dir / f"{layer_id}.csv"
            path.write_text(to_csv_text({layer_id: gdf}), encoding="utf-8")
        elif fmt == "kml":
            path = out_dir / f"{layer_id}.kml"
            path.write_text(to_kml_text(gdf, layer_id), encoding="utf-8")
        else:
            path = out_dir / "dalian_14th_fyp.gpkg"
            _serialisable(gdf).to_file(path, layer=layer_id, driver="GPKG")
        if path not in written:
            written.append(path)
    return written, [str(p) for p in problems]
