"""Uploaded boundaries: each format (GeoJSON, KML, KMZ, GPX, CSV, zipped Shapefile) read from memory into the same
polygon, the coordinate-system choices, and every kind of bad file refused with a message — nothing left on disk
or in GDAL's in-memory files."""
from __future__ import annotations

import io
import json
import zipfile

import geopandas as gpd
import prcoords
import pyogrio
import pytest
import shapely
from shapely.geometry import Polygon, box

from layers.boundary_upload import MAX_BYTES, MAX_FEATURES, MAX_VERTICES, read_boundary
from layers.geodesy import area_km2
from layers.notes import InputError

# a 2 km × 2 km-ish site near the 大连湾 shore (Ganjingzi)
RING = [(121.60, 38.95), (121.625, 38.95), (121.625, 38.968), (121.60, 38.968)]
SITE = Polygon(RING)
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">场地'


def geojson_bytes(geom=SITE, name=HOSTILE, **extra) -> bytes:
    feature = {"type": "Feature", "geometry": shapely.geometry.mapping(geom), "properties": {"name": name}}
    return json.dumps({"type": "FeatureCollection", "features": [feature], **extra}).encode()


def kml_bytes(ring=RING, name="KML 场地 <b>bold</b>") -> bytes:
    coords = " ".join(f"{x},{y},0" for x, y in [*ring, ring[0]])
    return (f'<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f'<Placemark><name>{name.replace("<", "&lt;").replace(">", "&gt;")}</name><Polygon><outerBoundaryIs>'
            f'<LinearRing><coordinates>{coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>'
            f'</Document></kml>').encode()


def gpx_bytes(ring=RING) -> bytes:
    points = "".join(f'<trkpt lat="{y}" lon="{x}"/>' for x, y in ring)
    return (f'<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
            f'<trk><name>track</name><trkseg>{points}</trkseg></trk></gpx>').encode()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def shapefile_zip(tmp_path, crs="EPSG:32651", drop=()) -> bytes:
    gdf = gpd.GeoDataFrame({"name": ["Shapefile site"]}, geometry=[SITE], crs=4326).to_crs(crs)
    gdf.to_file(tmp_path / "site.shp")
    return zip_bytes({p.name: p.read_bytes() for p in tmp_path.glob("site.*") if p.suffix not in drop})


def same_site(geom, tolerance_m=5.0) -> bool:
    return geom.geom_type.endswith("Polygon") and shapely.hausdorff_distance(geom, SITE) < tolerance_m / 111_000


@pytest.fixture(autouse=True)
def nothing_left_behind(tmp_path, monkeypatch):
    """Every test: no temporary files, nothing left in GDAL's /vsimem/."""
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    yield
    assert list(scratch.iterdir()) == []
    assert pyogrio.vsi_listtree("/vsimem/") == []


def test_geojson(tmp_path):
    got = read_boundary(geojson_bytes(), "site.geojson")
    assert same_site(got.geometry) and got.fmt == "GeoJSON" and got.features == 1
    assert got.name == HOSTILE  # kept as plain text; every renderer escapes it
    assert [n.key for n in got.notes] == ["sr_note_wgs84"]


def test_kml_and_kmz():
    kml = read_boundary(kml_bytes(), "site.kml")
    assert same_site(kml.geometry) and kml.name == "KML 场地 <b>bold</b>"
    kmz = read_boundary(zip_bytes({"doc.kml": kml_bytes()}), "site.kmz")
    assert same_site(kmz.geometry) and kmz.fmt == "KMZ"


def test_gpx_track_is_closed_into_an_area():
    got = read_boundary(gpx_bytes(), "walk.gpx")
    assert same_site(got.geometry) and "sr_note_closed_line" in [n.key for n in got.notes]


def test_csv_vertices_in_order():
    text = "lon,lat\n" + "\n".join(f"{x},{y}" for x, y in RING)
    got = read_boundary(text.encode(), "site.csv")
    assert same_site(got.geometry) and "sr_note_points_ring" in [n.key for n in got.notes]


def test_csv_chinese_headers_gbk_and_semicolons():
    text = "名称;经度;纬度\n" + "\n".join(f"角点{i};{x};{y}" for i, (x, y) in enumerate(RING))
    got = read_boundary(text.encode("gb18030"), "角点.csv")
    assert same_site(got.geometry) and got.name == "角点0"


def test_csv_wkt_column():
    got = read_boundary(f'name,wkt\nsite,"{SITE.wkt}"\n'.encode(), "site.csv")
    assert same_site(got.geometry)


def test_csv_single_point_gives_a_point():
    got = read_boundary(b"lat,lon\n39.58,121.45\n", "p.csv")
    assert got.geometry.geom_type == "Point" and (got.geometry.x, got.geometry.y) == (121.45, 39.58)


def test_zipped_shapefile_in_a_projected_crs(tmp_path):
    got = read_boundary(shapefile_zip(tmp_path), "site.zip")
    assert same_site(got.geometry, tolerance_m=1.0) and got.fmt == "Shapefile" and got.name == "Shapefile site"
    assert any(n.key == "sr_note_file_crs" and "32651" in n.text("en") for n in got.notes)


def test_shapefile_in_cgcs2000_is_taken_as_wgs84(tmp_path):
    got = read_boundary(shapefile_zip(tmp_path, crs="EPSG:4490"), "site.zip")
    assert same_site(got.geometry, tolerance_m=0.5) and "sr_note_file_cgcs2000" in [n.key for n in got.notes]


def test_gcj02_boundary_is_converted():
    gcj = [(c.lon, c.lat) for c in (prcoords.wgs_gcj((y, x)) for x, y in RING)]
    got = read_boundary(geojson_bytes(Polygon(gcj)), "amap.geojson", datum="gcj02")
    assert same_site(got.geometry, tolerance_m=1.0) and "sr_note_gcj02" in [n.key for n in got.notes]
    plain = read_boundary(geojson_bytes(Polygon(gcj)), "amap.geojson")
    assert not same_site(plain.geometry, tolerance_m=100)  # without the choice the site would be ~500 m off


def test_lat_lon_order_in_a_file_is_swapped_back():
    got = read_boundary(geojson_bytes(Polygon([(y, x) for x, y in RING])), "swapped.geojson")
    assert same_site(got.geometry) and "sr_note_file_swapped" in [n.key for n in got.notes]


def test_self_intersecting_polygon_is_repaired_and_said():
    bowtie = Polygon([(121.60, 38.95), (121.62, 38.97), (121.62, 38.95), (121.60, 38.97)])
    got = read_boundary(geojson_bytes(bowtie), "bowtie.geojson")
    assert got.geometry.is_valid and got.geometry.geom_type == "MultiPolygon"
    assert any(n.key == "sr_note_repaired" and "Self-intersection" in n.text("en") for n in got.notes)
    assert area_km2(got.geometry) == pytest.approx(area_km2(box(121.60, 38.95, 121.62, 38.97)) / 2, rel=0.01)


@pytest.mark.parametrize("data, name, key", [
    (b"", "site.geojson", "sr_err_file_empty"),
    (b"MZ\x90\x00" * 10, "site.exe", "sr_err_file_type"),
    (b"no extension", "site", "sr_err_file_type"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "photo.geojson", "sr_err_file_content"),
    (b'{"type": "FeatureCollection", "features": [{"type": "Feat', "cut.geojson", "sr_err_file_corrupt"),
    (b'{"type": "FeatureCollection", "features": []}', "none.geojson", "sr_err_file_no_geometry"),
    (b'{"hello": "world"}', "other.json", "sr_err_file_corrupt"),
    (b"<kml><Document><Placemark>", "cut.kml", "sr_err_file_corrupt"),
    (b"<html><body>not a map</body></html>", "page.gpx", "sr_err_file_corrupt"),
    (b"PK\x03\x04 broken zip", "site.zip", "sr_err_file_corrupt"),
    (b"name,size\na,1\n", "table.csv", "sr_err_csv_columns"),
    (b"lon,lat\n121.6,abc\n121.7,38.9\n121.7,39\n", "bad.csv", "sr_err_csv_value"),
    (b"lon,lat\n121.6,38.9\n121.7,38.9\n", "two.csv", "sr_err_too_few_points"),
    (b"lon,lat\n", "header.csv", "sr_err_csv_columns"),
])
def test_bad_files_get_a_clear_message(data, name, key):
    with pytest.raises(InputError) as err:
        read_boundary(data, name)
    assert err.value.key == key
    for lang in ("zh", "en"):
        assert "/vsimem" not in err.value.message(lang) and not err.value.message(lang).startswith("[")


def test_zip_without_a_complete_shapefile(tmp_path):
    with pytest.raises(InputError) as err:
        read_boundary(shapefile_zip(tmp_path, drop=(".dbf",)), "site.zip")
    assert err.value.key == "sr_err_zip_no_shp"
    with pytest.raises(InputError) as err:
        read_boundary(zip_bytes({"readme.txt": b"hello"}), "site.zip")
    assert err.value.key == "sr_err_zip_no_shp"


def test_limits_are_enforced_and_stated():
    with pytest.raises(InputError) as err:
        read_boundary(b" " * (MAX_BYTES + 1), "big.geojson")
    assert err.value.key == "sr_err_file_big" and "5 MB" in err.value.message("en")
    bomb = zip_bytes({"site.shp": b"\x00" * (30 * 1024 * 1024)})  # compresses to ~30 kB
    assert len(bomb) < MAX_BYTES
    with pytest.raises(InputError) as err:
        read_boundary(bomb, "bomb.zip")
    assert err.value.key == "sr_err_zip_big"
    many = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [121.6 + i * 1e-4, 38.9]}}
        for i in range(MAX_FEATURES + 1)]}
    with pytest.raises(InputError) as err:
        read_boundary(json.dumps(many).encode(), "many.geojson")
    assert err.value.key == "sr_err_too_many_features"
    ring = shapely.Point(121.6, 38.9).buffer(0.05, quad_segs=MAX_VERTICES // 4 + 10)
    with pytest.raises(InputError) as err:
        read_boundary(geojson_bytes(ring), "dense.geojson")
    assert err.value.key == "sr_err_too_many_vertices"
    with pytest.raises(InputError) as err:
        read_boundary(geojson_bytes(box(120.0, 38.0, 123.5, 40.5)), "huge.geojson")
    assert err.value.key == "sr_err_polygon_big"


@pytest.mark.parametrize("geom, key", [
    (Polygon([(121.6, 38.9), (121.7, 38.9), (121.8, 38.9)]), "sr_err_polygon_degenerate"),
    (Polygon([(121.6, 95.0), (121.7, 95.0), (121.7, 96.0)]), "sr_err_lat_range"),
])
def test_unusable_polygons(geom, key):
    with pytest.raises(InputError) as err:
        read_boundary(geojson_bytes(geom), "x.geojson")
    assert err.value.key == key


def test_unknown_datum_is_refused():
    with pytest.raises(InputError) as err:
        read_boundary(geojson_bytes(), "site.geojson", datum="bd09")
    assert err.value.key == "sr_err_datum"
