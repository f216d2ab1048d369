"""Data tests for the infrastructure layers (infra_*) and the indicator tables."""
import json
import re
from pathlib import Path

import pytest
from shapely.geometry import Point, shape
from shapely.ops import unary_union

ROOT = Path(__file__).parents[1]
LAYERS = ROOT / "geodata" / "layers"
PLAN_CANDIDATES = [ROOT / "plan" / "dalian_14th_five_year_plan.txt"]
PLAN_PATH = next((p for p in PLAN_CANDIDATES if p.exists()), None)
INFRA = sorted(LAYERS.glob("infra_*.geojson"))
REQUIRED = ["id", "name_zh", "name_en", "kind", "function_zh", "function_en", "projects", "source", "geometry_basis"]
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SOURCE_RE = re.compile(r"^(第[一二三四五六七八九十]+章(第[一二三四五六七八九十]+节)?|专栏\d+)(；(第[一二三四五六七八九十]+章(第[一二三四五六七八九十]+节)?|专栏\d+))*$")
FAMILIES = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line"}


def norm(s):
    return "".join(s.split())


@pytest.fixture(scope="module")
def plan():
    if PLAN_PATH is None:
        pytest.skip("plan text not available")
    return norm(PLAN_PATH.read_text(encoding="utf-8"))


def load(p):
    return json.loads(p.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def districts():
    d = load(LAYERS / "districts.geojson")
    return {f["properties"]["adcode"]: shape(f["geometry"]) for f in d["features"]}


def test_layers_exist():
    names = {p.stem for p in INFRA}
    for n in ["infra_transport_points", "infra_transport_lines", "infra_energy_points", "infra_energy_lines",
              "infra_water_lines", "infra_water_points", "infra_towns", "infra_culture"]:
        assert n in names


@pytest.mark.parametrize("path", INFRA, ids=lambda p: p.stem)
def test_contract(path):
    assert path.stat().st_size < 150_000
    fc = load(path)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    ids, fams = set(), set()
    for f in fc["features"]:
        p = f["properties"]
        for k in REQUIRED:
            assert k in p, (p.get("id"), k)
        assert ID_RE.match(p["id"]) and p["id"] not in ids
        ids.add(p["id"])
        assert p["geometry_basis"] in {"boundary", "located", "schematic"}
        if p["geometry_basis"] in {"boundary", "schematic"}:
            assert p.get("geometry_note_zh") and p.get("geometry_note_en")
        assert SOURCE_RE.match(p["source"]), p["source"]
        assert p.get("project_type") in (None, "new", "upgrade", "study", "ongoing")
        assert isinstance(p["projects"], list)
        for pr in p["projects"]:
            assert pr["name_zh"] and pr["name_en"] and SOURCE_RE.match(pr["source"])
        fams.add(FAMILIES[f["geometry"]["type"]])
        for x, y in (shape(f["geometry"]).coords if f["geometry"]["type"] in ("Point", "LineString") else []):
            assert 120.5 < x < 124 and 38.5 < y < 40.5
            assert round(x, 5) == x and round(y, 5) == y
    assert len(fams) == 1


@pytest.mark.parametrize("path", INFRA, ids=lambda p: p.stem)
def test_wording_verbatim(path, plan):
    for f in load(path)["features"]:
        p = f["properties"]
        for frag in p["function_zh"].split("……"):
            assert norm(frag) in plan, (p["id"], frag)
        for pr in p["projects"]:
            assert norm(pr["name_zh"]) in plan, (p["id"], pr["name_zh"])


@pytest.mark.parametrize("path", [p for p in INFRA if p.stem.endswith(("points", "towns", "culture"))], ids=lambda p: p.stem)
def test_points_in_district_or_sea(path, districts):
    land = unary_union(list(districts.values()))
    for f in load(path)["features"]:
        p, pt = f["properties"], shape(f["geometry"])
        if p.get("at_sea"):
            assert not land.contains(pt), p["id"]
        else:
            assert p.get("district") in districts, p["id"]
            # ~200 m slack for the 70 m display simplification of the boundaries and schematic city points
            slack = 0.002 if p["geometry_basis"] == "schematic" else 0.0
            assert districts[p["district"]].buffer(slack).contains(pt), (p["id"], p["district"])


def test_key_towns_match_plan(plan):
    raw = PLAN_PATH.read_text(encoding="utf-8")
    kinds = {"旅游型": "tourism", "工业型": "industrial", "商贸型": "commerce"}
    expected = {}
    for zh, kind in kinds.items():
        m = re.search(r"重点发展([^。]*?)等" + zh + "重点镇", raw)
        assert m, zh
        for name in m.group(1).split("、"):
            expected[name.strip()] = kind
    assert len(expected) == 13
    assert sum(v == "tourism" for v in expected.values()) == 8
    towns = {f["properties"]["name_zh"]: f["properties"]["kind"] for f in load(LAYERS / "infra_towns.geojson")["features"]}
    assert towns == expected


def test_water_links_meet_reservoirs():
    res = load(LAYERS / "eco_reservoirs.geojson")["features"]
    pts = [Point(f["geometry"]["coordinates"]) for f in res]
    links = [f for f in load(LAYERS / "infra_water_lines.geojson")["features"] if f["properties"]["kind"] == "water_link"]
    assert links
    for f in links:
        c = shape(f["geometry"]).coords
        for end in (Point(c[0]), Point(c[-1])):
            assert min(end.distance(p) for p in pts) < 1e-6, f["properties"]["id"]


def test_lines_are_lines():
    for name in ["infra_transport_lines", "infra_energy_lines", "infra_water_lines"]:
        for f in load(LAYERS / f"{name}.geojson")["features"]:
            assert shape(f["geometry"]).length > 0


def test_indicators_in_plan(plan):
    ind = load(ROOT / "geodata" / "tables" / "indicators.json")
    t14, t13 = ind["plan_14th"], ind["completion_13th"]
    assert len(t14["rows"]) == 20 and [r["no"] for r in t14["rows"]] == list(range(1, 21))
    assert norm(t14["footnotes_zh"]) in plan and norm(t13["footnotes_zh"]) in plan
    assert norm(t14["title_zh"]) in plan and norm(t13["title_zh"]) in plan
    for r in t14["rows"]:
        assert norm(r["name_zh"]) in plan, r["name_zh"]
        for k in ("value_2020", "target_2025", "avg_annual_growth"):
            v = r[k]
            assert v is None or isinstance(v, str)
            if v and v != "—":
                assert norm(v) in plan, (r["name_zh"], v)
        assert r["attribute"] in (None, "binding", "expected")
        assert r["attribute"] == {"约束性": "binding", "预期性": "expected", None: None}[r["attribute_zh"]]
    assert {r["no"] for r in t13["rows"]} == set(range(1, 26))
    for r in t13["rows"]:
        assert norm(r["indicator_zh"]) in plan
        if r["sub_indicator_zh"]:
            assert norm(r["sub_indicator_zh"]) in plan
        # the printed cells appear on the indicator's line, in this order
        line = next(l for l in PLAN_PATH.read_text(encoding="utf-8").splitlines()
                    if "\t" in l and (r["sub_indicator_zh"] or r["indicator_zh"]) in l and r["unit"] in l)
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        pos = [cells.index(c) for c in r["cells"]]
        assert pos == sorted(pos), r
        for k in ("value_2015", "target_2020", "target_avg_growth_pct", "actual_2020"):
            assert r[k] is None or r[k] in r["cells"]
