"""Map rendering (local assets only, script-safe data), translations and exports."""
from __future__ import annotations

import json
import re

import geopandas as gpd
from shapely.geometry import Point

from layers import catalog, load_all
from layers.export import export_layers, to_csv_text, to_geojson_text
from layers.i18n import LANGUAGES, duplicate_keys, pick, strings, t
from layers.mapspec import build_spec, to_script_json
from layers.render import build_map, map_html

FOREIGN = re.compile(r"https?://(?!localhost|127\.0\.0\.1)[^\s\"'<>)]+")
HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def _html(lang="zh", basemap="offline", layers=None):
    specs = list(catalog())
    loaded, _ = load_all()
    if layers is not None:
        loaded.update(layers)
    spec = build_spec(specs, loaded, lang, title="T")
    return map_html(build_map(spec, basemap=basemap))


def test_offline_map_requests_nothing_from_outside():
    html = _html()
    assert FOREIGN.findall(html) == []
    assert "/app/static/vendor/leaflet/leaflet.js" in html and "/app/static/js/planmap.js" in html


def test_online_basemap_is_only_added_when_chosen():
    assert "tile.openstreetmap.org" in _html(basemap="osm")
    assert "tianditu" not in _html(basemap="tianditu")  # no key configured: not offered, not added


def test_hostile_feature_text_cannot_close_the_script_element():
    gdf = gpd.GeoDataFrame([{"id": "x", "name_zh": HOSTILE, "name_en": HOSTILE, "kind": "k", "function_zh": HOSTILE,
                             "function_en": HOSTILE, "projects": [], "source": HOSTILE, "geometry_basis": "located",
                             "geometry": Point(121.6, 38.9)}], crs="EPSG:4326")
    html = _html(layers={"districts": gdf})
    assert "</script><script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert json.loads(to_script_json({"a": HOSTILE}))["a"] == HOSTILE


def test_every_string_has_both_languages():
    missing = [(key, lang) for key, entry in strings().items() for lang in LANGUAGES if not entry.get(lang)]
    assert missing == []


def test_no_string_key_is_defined_twice():
    assert duplicate_keys() == []


def test_missing_translation_falls_back_visibly():
    assert t("definitely_missing_key", "en") == "[definitely_missing_key]"
    assert pick({"name_zh": "大连"}, "name", "en") == "大连"


def test_exports_write_one_file_per_layer(tmp_path):
    written, problems = export_layers(tmp_path, "geojson")
    assert problems == []
    names = {p.name for p in written}
    assert {f"{s.id}.geojson" for s in catalog() if not s.is_table} == names
    data = json.loads((tmp_path / "districts.geojson").read_text(encoding="utf-8"))
    assert len(data["features"]) == 10 and data["features"][0]["properties"]["name_zh"]
    for fmt, suffix in (("gpkg", ".gpkg"), ("kml", ".kml"), ("csv", ".csv")):
        written, problems = export_layers(tmp_path / fmt, fmt)
        assert written and all(p.suffix == suffix for p in written) and not problems


def test_download_texts_carry_layer_and_text():
    layers, _ = load_all(["districts"])
    assert json.loads(to_geojson_text(layers))["features"][0]["properties"]["layer"] == "districts"
    csv = to_csv_text(layers)
    assert "中山区" in csv and "lon" in csv.splitlines()[0]


def test_exported_data_reimports_with_the_same_features(tmp_path):
    layers, _ = load_all()
    export_layers(tmp_path / "geojson", "geojson")
    export_layers(tmp_path / "gpkg", "gpkg")
    for layer_id, gdf in layers.items():
        again = gpd.read_file(tmp_path / "geojson" / f"{layer_id}.geojson")
        assert list(again["id"]) == list(gdf["id"]) and again.crs.to_epsg() == 4326
        packed = gpd.read_file(tmp_path / "gpkg" / "dalian_14th_fyp.gpkg", layer=layer_id)
        assert list(packed["id"]) == list(gdf["id"])
        assert packed.geometry.geom_equals(gdf.geometry).all()  # GPKG may store Polygon as MultiPolygon
