"""Data tests for the urban spatial layout layers (group "layout", files geodata/layers/layout_*.geojson).

Uses json + shapely only. Checks the data contract, that every Chinese quotation is verbatim in the plan,
that the plan's named units are all present, and that points and land features are where they should be.
"""
import json
import re
from pathlib import Path

import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

ROOT = Path(__file__).parents[1]
LAYERS = ROOT / "geodata" / "layers"
PLAN_FILE = ROOT / "plan" / "dalian_14th_five_year_plan.txt"
FILES = sorted(LAYERS.glob("layout_*.geojson"))

REQUIRED = ["id", "name_zh", "name_en", "kind", "function_zh", "function_en", "projects", "source", "geometry_basis"]
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
KIND_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
NUM = "[一二三四五六七八九十]+"
SOURCE_PART = rf"(第{NUM}章(第{NUM}节)?|专栏\d+)"
SOURCE_RE = re.compile(rf"^{SOURCE_PART}(；{SOURCE_PART})*$")
BASIS = {"boundary", "located", "schematic"}
FAMILIES = [{"Point", "MultiPoint"}, {"LineString", "MultiLineString"}, {"Polygon", "MultiPolygon"}]
# Layers whose features are on land (the bay-area polygon deliberately covers water).
LAND_LAYERS = {"layout_core_cities", "layout_areas", "layout_clusters", "layout_corridors", "layout_zoning",
               "layout_bay", "layout_functional_areas"}


def norm(text):
    return re.sub(r"\s+", "", text)


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan():
    if not PLAN_FILE.exists():
        pytest.skip(f"plan text not found at {PLAN_FILE}")
    return norm(PLAN_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def districts():
    fc = load(LAYERS / "districts.geojson")
    return {f["properties"]["adcode"]: shape(f["geometry"]) for f in fc["features"]}


@pytest.fixture(scope="module")
def land(districts):
    return unary_union(list(districts.values()))


def all_features():
    for path in FILES:
        for feat in load(path)["features"]:
            yield path.stem, feat


def names(layer):
    return {f["properties"]["name_zh"] for f in load(LAYERS / f"{layer}.geojson")["features"]}


def coords(geom):
    if isinstance(geom, (int, float)):
        yield geom
    else:
        for item in geom:
            yield from coords(item)


def test_layout_files_exist():
    stems = {p.stem for p in FILES}
    for expected in ["layout_core_cities", "layout_areas", "layout_clusters", "layout_corridors",
                     "layout_zoning", "layout_bay", "layout_functional_areas"]:
        assert expected in stems


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_file_contract(path):
    assert path.stat().st_size < 150_000
    fc = load(path)
    assert fc["type"] == "FeatureCollection"
    assert fc["features"], "empty layer"
    ids = [f["properties"]["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    types = {f["geometry"]["type"] for f in fc["features"]}
    assert any(types <= fam for fam in FAMILIES), f"mixed geometry families {types}"
    text = path.read_text(encoding="utf-8")
    assert "\\u" not in text, "write with ensure_ascii=False"


@pytest.mark.parametrize("layer,feat", list(all_features()), ids=lambda x: x if isinstance(x, str) else x["properties"]["id"])
def test_feature_contract(layer, feat):
    props = feat["properties"]
    for key in REQUIRED:
        assert key in props, f"{layer}/{props.get('id')}: missing {key}"
        if key != "projects":
            assert isinstance(props[key], str) and props[key].strip(), f"{key} empty"
    assert ID_RE.match(props["id"])
    assert KIND_RE.match(props["kind"])
    assert props["geometry_basis"] in BASIS
    assert SOURCE_RE.match(props["source"]), props["source"]
    if props["geometry_basis"] in {"schematic", "boundary"}:
        assert props.get("geometry_note_zh") and props.get("geometry_note_en")
    assert isinstance(props["projects"], list)
    for proj in props["projects"]:
        assert set(proj) >= {"name_zh", "name_en", "source"}
        assert SOURCE_RE.match(proj["source"]), proj["source"]
    if "district" in props:
        assert re.match(r"^2102\d\d$", props["district"])
    geom = shape(feat["geometry"])
    assert geom.is_valid and not geom.is_empty
    for c in coords(feat["geometry"]["coordinates"]):
        assert round(c, 5) == c, "coordinates must be rounded to 5 decimals"
    minx, miny, maxx, maxy = geom.bounds
    assert 120.5 < minx and maxx < 123.8 and 38.5 < miny and maxy < 40.4, "outside Dalian (lon/lat order?)"


@pytest.mark.parametrize("layer,feat", list(all_features()), ids=lambda x: x if isinstance(x, str) else x["properties"]["id"])
def test_quotes_are_verbatim(plan, layer, feat):
    props = feat["properties"]
    for fragment in props["function_zh"].split("……"):
        assert norm(fragment) in plan, f"{props['id']}: not verbatim: {fragment}"
    for proj in props["projects"]:
        assert norm(proj["name_zh"]) in plan, f"{props['id']}: project not verbatim: {proj['name_zh']}"
    assert norm(props["name_zh"]) in plan or props["kind"] in {"park", "renewal", "city-centre", "district-centre"}, \
        f"name not in plan: {props['name_zh']}"


def test_layout_units_present():
    assert {"城市核心区", "文化老城", "创新新城", "枢纽新城", "智造新城"} <= names("layout_core_cities")
    assert {"旅顺历史文化片区", "普湾战略发展片区", "西部产业协同片区", "东部休闲旅游片区"} <= names("layout_areas")
    assert {"旅顺组团", "普湾组团", "瓦房店组团", "长兴岛组团", "皮杨组团", "庄河组团", "长海组团"} <= names("layout_clusters")
    assert {"哈大", "高新—旅顺南路", "甘井子—旅顺北路", "开发区—庄河"} <= names("layout_corridors")
    assert {"梭鱼湾市级中心", "泉水湾区级中心", "和尚岛区级中心"} <= names("layout_bay")
    assert {"金普新区", "高新区", "长兴岛经济区"} <= names("layout_functional_areas")


def test_points_in_their_district(districts):
    checked = 0
    for layer, feat in all_features():
        geom = shape(feat["geometry"])
        if geom.geom_type not in {"Point", "MultiPoint"}:
            continue
        adcode = feat["properties"].get("district")
        assert adcode, f"{feat['properties']['id']}: points need a district"
        for pt in getattr(geom, "geoms", [geom]):
            assert districts[adcode].contains(pt), f"{feat['properties']['id']} not in {adcode}"
            checked += 1
    assert checked >= 10


def test_boundary_features_match_their_district(districts):
    for layer, feat in all_features():
        props = feat["properties"]
        if props["geometry_basis"] == "boundary":
            dist = districts[props["district"]]
            geom = shape(feat["geometry"])
            overlap = geom.intersection(dist).area / geom.area
            assert overlap > 0.97, f"{props['id']}: only {overlap:.2f} inside {props['district']}"


def test_land_features_are_not_at_sea(land):
    for layer, feat in all_features():
        if layer not in LAND_LAYERS:
            continue
        geom = shape(feat["geometry"])
        pid = feat["properties"]["id"]
        if geom.geom_type in {"Point", "MultiPoint"}:
            for pt in getattr(geom, "geoms", [geom]):
                assert land.contains(pt), f"{pid} at sea"
        elif "Line" in geom.geom_type:
            assert geom.intersection(land).length / geom.length > 0.9, f"{pid} mostly at sea"
        else:
            assert geom.intersection(land).area / geom.area > 0.5, f"{pid} mostly at sea"


def test_clusters_in_expected_districts():
    expected = {"旅顺组团": "210212", "瓦房店组团": "210281", "长兴岛组团": "210281", "皮杨组团": "210214",
                "庄河组团": "210283", "长海组团": "210224", "普湾组团": "210213"}
    for feat in load(LAYERS / "layout_clusters.geojson")["features"]:
        p = feat["properties"]
        assert p["district"] == expected[p["name_zh"]]


def test_catalog_lists_layout_layers():
    files = {e["file"] for e in load(ROOT / "geodata" / "catalog.json")["layers"]}
    for path in FILES:
        assert f"layers/{path.name}" in files, f"{path.name} missing from catalog"
