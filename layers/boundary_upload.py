"""A site boundary from a file someone uploads: GeoJSON, KML/KMZ, GPX, CSV with coordinates, or a zipped Shapefile.

Files are read from memory (pyogrio/GDAL's /vsimem/, removed after each read; CSV with Python's csv module) —
nothing is written to disk and nothing is kept. Limits: MAX_BYTES per file, MAX_UNZIPPED inside a zip, MAX_FEATURES
features, MAX_VERTICES vertices, site_rules.MAX_SITE_AREA_KM2 of area. Coordinates are taken as WGS-84 unless the
file states its own CRS or the reader says they are GCJ-02 (高德/腾讯, converted with prcoords) or CGCS2000
(taken as WGS-84). Lines are closed into polygons, a list of points becomes the polygon through them in order, a
self-intersecting polygon is repaired (shapely.make_valid) — each with a note saying so. Bad files raise
InputError with a message in both languages."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from layers.coords import DATUMS, DEFAULT_DATUM, datum_note, in_region
from layers.geodesy import area_km2
from layers.notes import InputError, Note
from layers.site_rules import MAX_SITE_AREA_KM2

MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED = 20 * 1024 * 1024
MAX_FEATURES = 1000
MAX_VERTICES = 50_000
MAX_NAME = 80
FORMATS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".kml": "KML", ".kmz": "KMZ", ".gpx": "GPX", ".csv": "CSV",
           ".txt": "CSV", ".zip": "Shapefile"}
UPLOAD_TYPES = tuple(ext.lstrip(".") for ext in FORMATS)
NAME_FIELDS = ("name", "Name", "NAME", "名称", "title", "Title")
LON_NAMES = ("lon", "lng", "long", "longitude", "x", "经度", "东经")
LAT_NAMES = ("lat", "latitude", "y", "纬度", "北纬")
WKT_NAMES = ("wkt", "geometry", "geom", "the_geom", "shape")
GPX_LAYERS = ("tracks", "routes", "waypoints")


@dataclass(frozen=True)
class Boundary:
    """What was read: a WGS-84 (multi)polygon (or a single point), its own name, and what was assumed."""

    geometry: shapely.Geometry
    name: str
    fmt: str
    features: int
    notes: tuple[Note, ...]


def _sniff(data: bytes, fmt: str, filename: str) -> None:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    zipped = data[:4] == b"PK\x03\x04"
    ok = {"GeoJSON": head[:1] in (b"{", b"["), "KML": head[:1] == b"<", "GPX": head[:1] == b"<",
          "KMZ": zipped, "Shapefile": zipped, "CSV": b"\x00" not in data[:4096] and not zipped}[fmt]
    if not ok:
        raise InputError("sr_err_file_content", name=_safe_name(filename), fmt=fmt)


def _safe_name(filename: str) -> str:
    return re.sub(r"[\x00-\x1f]", "", str(filename).replace("\\", "/").rsplit("/", 1)[-1])[:MAX_NAME]


def _check_zip(data: bytes, fmt: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise InputError("sr_err_file_corrupt", fmt=fmt, reason="zip") from None
    if sum(i.file_size for i in infos) > MAX_UNZIPPED or len(infos) > 200:
        raise InputError("sr_err_zip_big", limit=MAX_UNZIPPED // (1024 * 1024))
    names = [i.filename.lower() for i in infos]
    if fmt == "Shapefile":
        stems = {n.rsplit(".", 1)[0] for n in names if n.endswith(".shp")}
        if not stems or not any(f"{s}.shx" in names and f"{s}.dbf" in names for s in stems):
            raise InputError("sr_err_zip_no_shp")
    elif not any(n.endswith(".kml") for n in names):
        raise InputError("sr_err_file_corrupt", fmt=fmt, reason="no .kml")


def _gdal_reason(exc: Exception) -> str:
    text = re.sub(r"/vsi\w+/\S*", "", str(exc)).split(";")[0].strip()
    return text[:120] or type(exc).__name__


def _read_gdal(data: bytes, fmt: str) -> tuple[list[shapely.Geometry], list[dict], str | None]:
    import pyogrio

    try:
        # layers by index: a single-layer file's layer is named after its in-memory copy, new on every read
        listed = [str(name) for name, _ in pyogrio.list_layers(data)]
        layers = [listed.index(n) for n in GPX_LAYERS if n in listed] if fmt == "GPX" else range(len(listed))
        geoms, attrs, crs = [], [], None
        for layer in layers:
            meta, _, geometry, field_data = pyogrio.raw.read(data, layer=layer, max_features=MAX_FEATURES + 1)
            crs = crs or meta.get("crs")
            names = list(meta["fields"])
            for k, wkb in enumerate(geometry if geometry is not None else []):
                geoms.append(shapely.from_wkb(wkb) if wkb is not None else None)
                attrs.append({n: field_data[j][k] for j, n in enumerate(names)})
            if fmt == "GPX" and geoms:
                break  # tracks, else routes, else waypoints
    except InputError:
        raise
    except Exception as exc:  # GDAL's many error types: the file is not what it says
        raise InputError("sr_err_file_corrupt", fmt=fmt, reason=_gdal_reason(exc)) from None
    return geoms, attrs, crs


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("sr_err_file_corrupt", fmt="CSV", reason="encoding")


def _read_csv(data: bytes) -> tuple[list[shapely.Geometry], list[dict], None]:
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise InputError("sr_err_csv_columns")
    header = [c.strip().lower() for c in rows[0]]

    def column(names: tuple[str, ...]) -> int | None:
        return next((header.index(n) for n in names if n in header), None)

    lon_col, lat_col, wkt_col = column(LON_NAMES), column(LAT_NAMES), column(WKT_NAMES)
    name_col = column(tuple(n.lower() for n in NAME_FIELDS))
    if len(rows) - 1 > MAX_VERTICES:
        raise InputError("sr_err_too_many_vertices", limit=MAX_VERTICES)
    geoms, attrs = [], []
    for number, row in enumerate(rows[1:], start=2):
        cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""  # noqa: E731
        if wkt_col is not None and cell(wkt_col):
            try:
                geoms.append(shapely.from_wkt(cell(wkt_col)))
            except shapely.errors.GEOSException:
                raise InputError("sr_err_csv_value", row=number, value=cell(wkt_col)[:30]) from None
        elif lon_col is not None and lat_col is not None:
            try:
                geoms.append(Point(float(cell(lon_col)), float(cell(lat_col))))
            except ValueError:
                raise InputError("sr_err_csv_value", row=number,
                                 value=f"{cell(lon_col)[:15]}, {cell(lat_col)[:15]}") from None
        else:
            raise InputError("sr_err_csv_columns")
        attrs.append({"name": cell(name_col)} if name_col is not None else {})
    return geoms, attrs, None


def _name(attrs: list[dict]) -> str:
    for row in attrs:
        for key in NAME_FIELDS:
            value = row.get(key)
            if isinstance(value, str) and value.strip():
                return re.sub(r"[\x00-\x1f\u2028\u2029]+", " ", value.strip())[:MAX_NAME]
    return ""


def _parts(geoms: list[shapely.Geometry]) -> list[shapely.Geometry]:
    out = []
    for g in geoms:
        if g is None or g.is_empty:
            continue
        out.extend(shapely.get_parts(g).tolist() if g.geom_type.startswith(("Multi", "Geometry")) else [g])
    return [shapely.force_2d(g) for g in out]


def _assemble(parts: list[shapely.Geometry]) -> tuple[shapely.Geometry, tuple[Note, ...]]:
    """One geometry from the file's parts: polygons as they are, lines closed, a run of points as a ring."""
    polys = [p for p in parts if p.geom_type == "Polygon"]
    if polys:
        return (polys[0] if len(polys) == 1 else MultiPolygon(polys)), ()
    lines = [p for p in parts if p.geom_type in ("LineString", "LinearRing")]
    if lines:
        rings = []
        for line in lines:
            coords = list(dict.fromkeys(map(tuple, np.asarray(line.coords)[:, :2].tolist())))
            if len(coords) >= 3:
                rings.append(Polygon(coords))
        if not rings:
            raise InputError("sr_err_too_few_points")
        return (rings[0] if len(rings) == 1 else MultiPolygon(rings)), (Note("sr_note_closed_line"),)
    points = [p for p in parts if p.geom_type == "Point"]
    if len(points) == 1:
        return points[0], (Note("sr_note_single_point"),)
    coords = list(dict.fromkeys((p.x, p.y) for p in points))
    if len(coords) < 3:
        raise InputError("sr_err_too_few_points")
    return Polygon(coords), (Note("sr_note_points_ring", {"n": len(coords)}),)


def _crs_notes(geom: shapely.Geometry, crs: str | None, fmt: str) -> tuple[shapely.Geometry, tuple[Note, ...]]:
    """The file's own CRS: none or geographic WGS-84/CGCS2000 stays; anything else is converted to WGS-84."""
    if not crs:
        return geom, ()
    from pyproj import CRS, Transformer

    try:
        source = CRS.from_user_input(crs)
    except Exception:
        raise InputError("sr_err_file_crs", crs=str(crs)[:40]) from None
    epsg = source.to_epsg()
    if epsg == 4490 or (source.is_geographic and "2000" in source.name):
        return geom, (Note("sr_note_file_cgcs2000"),)
    if epsg == 4326 or source.equals("EPSG:4326", ignore_axis_order=True) or fmt in ("KML", "KMZ", "GPX"):
        return geom, ()
    tr = Transformer.from_crs(source, "EPSG:4326", always_xy=True)
    moved = shapely.transform(geom, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))
    return moved, (Note("sr_note_file_crs", {"crs": f"EPSG:{epsg}" if epsg else source.name[:40]}),)


def _fix_order(geom: shapely.Geometry) -> tuple[shapely.Geometry, tuple[Note, ...]]:
    """Coordinates written latitude first (every vertex fits Dalian only when swapped) are put right."""
    xy = shapely.get_coordinates(geom)
    if not len(xy):
        raise InputError("sr_err_too_few_points")
    if not np.isfinite(xy).all():
        raise InputError("sr_err_coord_number", text="NaN")
    if all(in_region(y, x) for x, y in xy[:: max(1, len(xy) // 50)]) and not in_region(*xy[0]):
        return shapely.transform(geom, lambda a: a[:, ::-1]), (Note("sr_note_file_swapped"),)
    return geom, ()


def gcj02_to_wgs84(geom: shapely.Geometry) -> shapely.Geometry:
    """Every vertex from GCJ-02 (高德/腾讯) to WGS-84 with prcoords' iterative inverse."""
    import prcoords

    def convert(xy: np.ndarray) -> np.ndarray:
        out = [prcoords.gcj_wgs_bored((lat, lon)) for lon, lat in xy]
        return np.asarray([(c.lon, c.lat) for c in out], dtype=float).reshape(-1, 2)

    return shapely.transform(geom, convert)


def check_area(geom: shapely.Geometry) -> tuple[shapely.Geometry, tuple[Note, ...]]:
    """A usable WGS-84 site polygon: valid (repaired if it crosses itself), in range, not degenerate or too big."""
    if geom is None or geom.is_empty or not geom.geom_type.endswith("Polygon"):
        raise InputError("sr_err_polygon_needed")
    xy = shapely.get_coordinates(geom)
    if len(xy) > MAX_VERTICES:
        raise InputError("sr_err_too_many_vertices", limit=MAX_VERTICES)
    if not np.isfinite(xy).all():
        raise InputError("sr_err_coord_number", text="NaN")
    if (np.abs(xy[:, 0]) > 180).any() or (np.abs(xy[:, 1]) > 90).any():
        raise InputError("sr_err_lat_range" if (np.abs(xy[:, 1]) > 90).any() else "sr_err_lon_range",
                         lat=f"{xy[:, 1].max():g}", lon=f"{xy[:, 0].max():g}")
    notes: tuple[Note, ...] = ()
    if not shapely.is_valid(geom):
        reason = shapely.is_valid_reason(geom).split("[")[0].strip()
        fixed = shapely.make_valid(geom)
        polys = [p for p in shapely.get_parts(fixed) if p.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polys) if polys else Polygon()
        notes = (Note("sr_note_repaired", {"reason": reason}),)
    area = area_km2(geom) if not geom.is_empty else 0.0
    if area < 1e-6:
        raise InputError("sr_err_polygon_degenerate")
    if area > MAX_SITE_AREA_KM2:
        raise InputError("sr_err_polygon_big", km2=f"{area:,.0f}", limit=f"{MAX_SITE_AREA_KM2:,.0f}")
    return geom, notes


def read_boundary(data: bytes, filename: str, datum: str = DEFAULT_DATUM) -> Boundary:
    """The site in an uploaded file (bytes in memory); InputError says plainly why a file cannot be used."""
    if datum not in DATUMS:
        raise InputError("sr_err_datum", datum=str(datum)[:20])
    if not data:
        raise InputError("sr_err_file_empty")
    if len(data) > MAX_BYTES:
        raise InputError("sr_err_file_big", limit=MAX_BYTES // (1024 * 1024))
    ext = ("." + str(filename).rsplit(".", 1)[-1].lower()) if "." in str(filename) else ""
    fmt = FORMATS.get(ext)
    if fmt is None:
        raise InputError("sr_err_file_type", name=_safe_name(filename), types=", ".join(UPLOAD_TYPES))
    _sniff(data, fmt, filename)
    if fmt in ("Shapefile", "KMZ"):
        _check_zip(data, fmt)
    geoms, attrs, crs = _read_csv(data) if fmt == "CSV" else _read_gdal(data, fmt)
    if len(geoms) > MAX_FEATURES:
        raise InputError("sr_err_too_many_features", limit=MAX_FEATURES)
    parts = _parts(geoms)
    if not parts:
        raise InputError("sr_err_file_no_geometry", fmt=fmt)
    if sum(len(shapely.get_coordinates(p)) for p in parts) > MAX_VERTICES:
        raise InputError("sr_err_too_many_vertices", limit=MAX_VERTICES)
    geom, shape_notes = _assemble(parts)
    geom, crs_notes = _crs_notes(geom, crs, fmt)
    geom, order_notes = _fix_order(geom)
    file_decides = bool(crs_notes)  # a file that states CGCS2000 or a projection: its CRS, not the reader's choice
    if datum == "gcj02" and not file_decides:
        geom = gcj02_to_wgs84(geom)
    notes = (*shape_notes, *crs_notes, *order_notes, *(() if file_decides else (datum_note(datum),)))
    if geom.geom_type.endswith("Polygon"):
        geom, area_notes = check_area(geom)
        notes = (*notes, *area_notes)
    return Boundary(geom, _name(attrs), fmt, len(parts), notes)

