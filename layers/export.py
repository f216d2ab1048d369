"""Export layers for users and other tools: GeoJSON (one file per layer), GPKG, KML and CSV.

Exports carry data into other programs, so each format is neutralised for the program that opens it (the one home
of these rules; the map, the park table and the command line all write through here):
  CSV  a text cell that starts with = + - @ (or their full-width forms), a tab or a carriage return would be run
       as a formula by Excel, WPS or LibreOffice: it gets a leading apostrophe (csv_cell), which those programs
       show as plain text; `uncsv_cell` gives the original back.
  KML  names and descriptions are HTML-escaped before they go into the XML, because KML viewers (Google Earth,
       奥维) render them as HTML: a viewer shows `<b>` as those three characters. `html.unescape` gives it back.
"""
from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import pandas as pd

from layers.catalog import catalog, catalog_problems
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


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
CSV_GUARD = "'"


def _guarded(text: str) -> bool:
    """Would a spreadsheet run it, or is it text that already looks guarded (so the guard stays reversible)?"""
    return text.lstrip(CSV_GUARD).startswith(FORMULA_START)


def csv_cell(value: object) -> object:
    """A CSV cell no spreadsheet runs as a formula: text starting with = + - @ (or full-width), tab or CR gets a
    leading apostrophe (as does text that already starts with apostrophes before one). Numbers stay numbers."""
    if isinstance(value, str) and _guarded(value):
        return CSV_GUARD + value
    return value


def uncsv_cell(text: str) -> str:
    """The original text of a cell written by csv_cell (for tools that read our CSV back)."""
    return text[1:] if text.startswith(CSV_GUARD) and _guarded(text[1:]) else text


def frame_to_csv(df: pd.DataFrame) -> str:
    """A table as CSV for spreadsheets: UTF-8 with BOM (Excel, WPS), every text cell and header through csv_cell,
    CRLF line ends so that a cell holding a CR or LF is quoted (a bare CR would start a new row in Excel)."""
    safe = df.map(csv_cell)
    safe.columns = [csv_cell(str(c)) for c in df.columns]
    return "\ufeff" + safe.to_csv(index=False, lineterminator="\r\n")


def to_csv_text(layers: dict[str, gpd.GeoDataFrame]) -> str:
    """Attributes of all given layers, with a representative point's lon/lat (UTF-8 with BOM for Excel)."""
    frames = []
    for layer_id, gdf in layers.items():
        df = pd.DataFrame(_serialisable(gdf).drop(columns="geometry"))
        point = gdf.geometry.representative_point()
        df.insert(0, "layer", layer_id)
        df["lon"], df["lat"] = point.x.round(5), point.y.round(5)
        frames.append(df)
    return frame_to_csv(pd.concat(frames, ignore_index=True)) if frames else ""


def kml_text(text: str) -> str:
    """Text for a KML name or description: HTML-escaped, since KML viewers render these as HTML."""
    return html.escape(str(text), quote=True)


def to_kml_text(gdf: gpd.GeoDataFrame, name: str) -> str:
    """A minimal KML document (names, descriptions, geometries) — opens in Google Earth, QGIS, 奥维."""
    kml = ET.Element("kml", xmlns="http://www.opengis.net/kml/2.2")
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = kml_text(name)
    for _, row in gdf.iterrows():
        placemark = ET.SubElement(doc, "Placemark")
        ET.SubElement(placemark, "name").text = kml_text(f"{row.get('name_zh', '')} {row.get('name_en', '')}".strip())
        desc = "\n".join(str(row.get(k, "")) for k in ("function_zh", "function_en", "source") if row.get(k))
        ET.SubElement(placemark, "description").text = kml_text(desc)
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
    if not layer_ids:  # exporting everything: say which catalog entries were left out as broken
        problems = [*problems, *catalog_problems()]
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
            path.write_text(to_csv_text({layer_id: gdf}), encoding="utf-8", newline="")  # CRLF as written
        elif fmt == "kml":
            path = out_dir / f"{layer_id}.kml"
            path.write_text(to_kml_text(gdf, layer_id), encoding="utf-8")
        else:
            path = out_dir / "dalian_14th_fyp.gpkg"
            _serialisable(gdf).to_file(path, layer=layer_id, driver="GPKG")
        if path not in written:
            written.append(path)
    return written, [str(p) for p in problems]
