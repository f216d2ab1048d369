"""Data checks for the ecology layers (eco_*) — json + shapely only."""
import json
import re
from pathlib import Path

import pytest
from shapely.geometry import shape, Point, box
from shapely.ops import unary_union

ROOT = Path(__file__).parents[1]
LAYERS = ROOT / "geodata" / "layers"
PLAN_CANDIDATES = [ROOT / "plan" / "dalian_14th_five_year_plan.txt"]
PLAN_PATH = next((p for p in PLAN_CANDIDATES if p.exists()), None)
ECO = ["eco_spine", "eco_corridors", "eco_rivers", "eco_sea", "eco_protected", "eco_reservoirs"]
REQUIRED = ["id", "name_zh", "name_en", "kind", "function_zh", "function_en", "projects", "source", "geometry_basis"]
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SRC_RE = re.compile(r"^(第[一二三四五六七八九十]+章(第[一二三四五六七八九十]+节)?|专栏\d+)$")
FAMILY = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
          "Polygon": "polygon", "MultiPolygon": "polygon"}
KM = 1 / 111.0  # degrees per km (latitude); longitude degrees are shorter, so this is conservative


def load(name):
    return json.loads((LAYERS / f"{name}.geojson").read_text(encoding="utf-8"))


def norm(s):
    return "".join(s.split())


@pytest.fixture(scope="module")
def plan():
    if PLAN_PATH is None:
        pytest.skip("plan text not available")
    return norm(PLAN_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def districts():
    fc = json.loads((LAYERS / "districts.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["adcode"]: shape(f["geometry"]) for f in fc["features"]}


@pytest.fixture(scope="module")
def land(districts):
    return unary_union(list(districts.values()))


def feats(name):
    return load(name)["features"]


@pytest.mark.parametrize("name", ECO)
def test_contract(name):
    fc = load(name)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    assert (LAYERS / f"{name}.geojson").stat().st_size < 150_000
    fams = {FAMILY[f["geometry"]["type"]] for f in fc["features"]}
    assert len(fams) == 1, fams
    ids = [f["properties"]["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids))
    for f in fc["features"]:
        p = f["properties"]
        for k in REQUIRED:
            assert k in p, (p.get("id"), k)
        assert ID_RE.match(p["id"]), p["id"]
        assert p["geometry_basis"] in {"boundary", "located", "schematic"}
        if p["geometry_basis"] != "located":
            assert p.get("geometry_note_zh") and p.get("geometry_note_en"), p["id"]
        for s in p["source"].split("；"):
            assert SRC_RE.match(s), (p["id"], s)
        assert isinstance(p["projects"], list)
        for pr in p["projects"]:
            assert pr["name_zh"] and pr["name_en"] and SRC_RE.match(pr["source"])
        assert p["name_en"] and p["function_en"]


@pytest.mark.parametrize("name", ECO)
def test_function_text_verbatim(name, plan):
    for f in feats(name):
        p = f["properties"]
        texts = [p["function_zh"]] + [pr["name_zh"] for pr in p["projects"]]
        for t in texts:
            for frag in t.split("……"):
                assert norm(frag) in plan, (p["id"], frag)


def names(name):
    return {f["properties"]["name_zh"] for f in feats(name)}


def test_named_items_present():
    assert {"庄河", "碧流河", "英那河", "大沙河", "登沙河", "复州河"} == names("eco_rivers")
    prot = " ".join(names("eco_protected"))
    for n in ["大连斑海豹", "辽宁蛇岛老铁山", "大连城山头海滨地貌", "辽宁仙人洞", "三台乡湿地", "英那河湿地"]:
        assert n in prot, n
    res = names("eco_reservoirs")
    # reservoirs that could be placed; the others named in 专栏19/20 are listed as unplaced in the notes
    for n in ["碧流河水库", "英那河水库", "转角楼水库", "朱隈水库", "松树水库", "东风水库", "獐子岛水库"]:
        assert n in res, n
    sea = " ".join(names("eco_sea"))
    for n in ["金普新区以南周边海域", "西部渤海屏障带", "东部黄海屏障带", "长海县"]:
        assert n in sea, n
    assert len(feats("eco_spine")) == 1
    assert {f["properties"]["kind"] for f in feats("eco_corridors")} == {"river_corridor", "road_corridor"}


def test_reservoir_ids_and_kinds():
    for f in feats("eco_reservoirs"):
        p = f["properties"]
        assert p["id"].startswith("res-")
        assert p["kind"] in {"water_supply", "water_source_protection", "flood_control"}


def test_rivers_reach_coast_and_lie_on_land(land):
    # "coast": the land boundary south of 39.9°N and west of 123.45°E; further north/east the land boundary is the
    # inland border with Yingkou, Anshan and Dandong, which is no coast (all six mouths lie inside this box)
    coast = land.boundary.intersection(box(120.5, 38.5, 123.45, 39.9))
    for f in feats("eco_rivers"):
        line = shape(f["geometry"])
        assert line.geom_type == "LineString"
        assert 15 <= len(line.coords) <= 40, f["properties"]["id"]
        end = Point(line.coords[-1])
        assert end.distance(coast) <= 1.5 * KM, f["properties"]["id"]
        on_land = line.intersection(land.buffer(0.5 * KM)).length / line.length
        assert on_land > 0.9, (f["properties"]["id"], on_land)
        # source end is inland
        assert Point(line.coords[0]).distance(coast) > 2 * KM


def test_spine_and_corridors_on_land(land):
    for name in ["eco_spine", "eco_corridors"]:
        for f in feats(name):
            g = shape(f["geometry"])
            assert g.intersection(land.buffer(0.5 * KM)).length / g.length > 0.97, f["properties"]["id"]


def test_sea_polygons_do_not_cover_land(land):
    for f in feats("eco_sea"):
        g = shape(f["geometry"])
        assert g.is_valid and g.area > 0
        assert g.intersection(land).area / g.area < 0.01, f["properties"]["id"]


def test_sea_shoreline_policy_present():
    txt = " ".join(f["properties"]["function_zh"] for f in feats("eco_sea"))
    assert "市域工业岸线比重低于33%" in txt


def test_points_on_land_and_in_district(districts, land):
    for name in ["eco_protected", "eco_reservoirs"]:
        for f in feats(name):
            p = f["properties"]
            g = shape(f["geometry"])
            pts = list(getattr(g, "geoms", [g]))
            if p.get("at_sea"):
                for q in pts:
                    assert not land.contains(q), p["id"]
                continue
            assert p.get("district") in districts, p["id"]
            for q in pts:
                assert districts[p["district"]].buffer(0.2 * KM).contains(q), p["id"]


def test_targets_numbers_in_plan(plan):
    targets = json.loads((ROOT / "geodata" / "tables" / "ecology_targets.json").read_text(encoding="utf-8"))
    for f in feats("eco_sea"):
        targets += f["properties"].get("targets", [])
    assert targets
    for t in targets:
        v = t["value"]
        s = ("%g" % v) if isinstance(v, (int, float)) else str(v)
        assert s in plan, t
        if "quote_zh" in t:
            assert norm(t["quote_zh"]) in plan and s in norm(t["quote_zh"]), t
        assert SRC_RE.match(t["source"]), t
