"""Data tests for the industry layers (geodata/layers/ind_*.geojson).

Checks the data contract, that every function_zh fragment is verbatim plan text, that all 16 parks of
专栏14 are present with the plan's own 主导产业 / 特色产业 wording (parsed from the plan here, not
hard-coded), that points lie in their stated district (and bays in the sea), and that industry slugs
are valid.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

ROOT = Path(__file__).parents[1]
LAYERS = ROOT / "geodata" / "layers"
PLAN_CANDIDATES = [ROOT / "plan" / "dalian_14th_five_year_plan.txt"]
PLAN_PATH = next((p for p in PLAN_CANDIDATES if p.exists()), None)
IND_FILES = sorted(LAYERS.glob("ind_*.geojson"))

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SOURCE_RE = re.compile(r"^(第[一二三四五六七八九十]+章(第[一二三四五六七八九十]+节)?|专栏\d+)(；(第[一二三四五六七八九十]+章(第[一二三四五六七八九十]+节)?|专栏\d+))*$")
REQUIRED = ["id", "name_zh", "name_en", "kind", "function_zh", "function_en", "projects", "source", "geometry_basis"]
BASIS = {"boundary", "located", "schematic"}
CATEGORY_SLUGS = {
    "green_petrochem", "high_end_equipment", "new_gen_it", "new_gen_auto", "consumer_goods",
    "finance", "logistics", "commerce", "culture_tourism",
    "life_safety", "clean_energy", "new_materials", "urban_agriculture",
}
FAMILIES = {
    "Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
    "Polygon": "polygon", "MultiPolygon": "polygon",
}

needs_plan = pytest.mark.skipif(PLAN_PATH is None, reason="plan text not found beside the repo")


def ns(s: str) -> str:
    return re.sub(r"\s+", "", s)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def all_features():
    for path in IND_FILES:
        for f in load(path)["features"]:
            yield path.name, f


@pytest.fixture(scope="module")
def plan_text() -> str:
    return PLAN_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def districts() -> dict:
    d = load(LAYERS / "districts.geojson")
    return {f["properties"]["adcode"]: shape(f["geometry"]) for f in d["features"]}


def zhuanlan14(plan: str) -> dict[str, str]:
    start = plan.index("专栏 14") if "专栏 14" in plan else plan.index("专栏14")
    block = plan[start:]
    end = block.find("专栏 15") if "专栏 15" in block else len(block)
    block = block[:end]
    out: dict[str, str] = {}
    for line in block.splitlines():
        m = re.match(r"^\s*-?\s*◆\*\*(.+?)(?:：\*\*|\*\*\s*[:：])\s*(.+?)\s*$", line)
        if m:
            out[m.group(1).strip()] = m.group(2).strip()
    return out


def parse_industries(text: str) -> tuple[str, str]:
    """主导产业 / 特色产业 as written: '重点发展A、B等主导产业和C等特色产业。' -> ('A、B', 'C')."""
    body = text[len("重点发展"):] if text.startswith("重点发展") else text
    clause = re.split(r"[，。]", body)[0]
    featured = ""
    if "主导产业" in clause:
        lead, rest = clause.split("主导产业", 1)
        if "特色产业" in rest:
            featured = rest[: rest.index("特色产业")]
            featured = featured[1:] if featured.startswith("和") else featured
    elif "等" in clause:
        lead = clause[: clause.index("等")]
    else:
        lead = clause
    lead = lead[:-1] if lead.endswith("等") else lead
    featured = featured[:-1] if featured.endswith("等") else featured
    return lead, featured


def test_industry_files_exist():
    names = {p.stem for p in IND_FILES}
    for required in ("ind_parks", "ind_bases", "ind_services", "ind_textile_belt"):
        assert required in names
    assert ({"ind_coasts", "ind_bays"} <= names) or ("ind_coasts_bays" in names)


@pytest.mark.parametrize("path", IND_FILES, ids=lambda p: p.name)
def test_layer_contract(path):
    assert path.stat().st_size < 150_000
    fc = load(path)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    fams = {FAMILIES[f["geometry"]["type"]] for f in fc["features"]}
    assert len(fams) == 1, f"mixed geometry families {fams}"
    ids = [f["properties"]["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for f in fc["features"]:
        p = f["properties"]
        for k in REQUIRED:
            assert k in p, f"{p.get('id')}: missing {k}"
        for k in ("name_zh", "name_en", "kind", "function_zh", "function_en"):
            assert isinstance(p[k], str) and p[k].strip(), f"{p['id']}: empty {k}"
        assert ID_RE.match(p["id"]), p["id"]
        assert ID_RE.match(p["kind"]), p["kind"]
        assert p["geometry_basis"] in BASIS, p["geometry_basis"]
        if p["geometry_basis"] in ("schematic", "boundary"):
            assert p.get("geometry_note_zh") and p.get("geometry_note_en"), p["id"]
        assert SOURCE_RE.match(p["source"]), p["source"]
        assert isinstance(p["projects"], list)
        for pr in p["projects"]:
            assert {"name_zh", "name_en", "source"} <= set(pr)
        g = shape(f["geometry"])
        assert g.is_valid and not g.is_empty
        minx, miny, maxx, maxy = g.bounds
        assert 120.5 < minx and maxx < 124.0 and 38.5 < miny and maxy < 40.5, p["id"]


@pytest.mark.parametrize("path", IND_FILES, ids=lambda p: p.name)
def test_coordinates_rounded(path):
    def walk(c):
        if isinstance(c, (int, float)):
            assert round(c, 5) == c
        else:
            for x in c:
                walk(x)
    for f in load(path)["features"]:
        walk(f["geometry"]["coordinates"])


@needs_plan
def test_function_zh_verbatim(plan_text):
    plan = ns(plan_text)
    for fname, f in all_features():
        p = f["properties"]
        for frag in p["function_zh"].split("……"):
            assert ns(frag) and ns(frag) in plan, f"{fname}/{p['id']}: not verbatim: {frag}"
        for pr in p["projects"]:
            assert ns(pr["name_zh"]) in plan
        for t in p.get("industry_terms", []):
            assert ns(t["term_zh"]) in plan, f"{p['id']}: term {t['term_zh']}"


@needs_plan
def test_all_zhuanlan14_parks(plan_text):
    lines = zhuanlan14(plan_text)
    assert len(lines) == 16, sorted(lines)
    parks = {f["properties"]["name_zh"]: f["properties"] for f in load(LAYERS / "ind_parks.geojson")["features"]}
    assert set(parks) == set(lines)
    for name, line in lines.items():
        p = parks[name]
        lead, featured = parse_industries(line)
        assert lead, name
        assert p["leading_zh"] == lead, name
        assert p["featured_zh"] == featured, name
        assert ns(p["function_zh"]) == ns(line), name
        assert p["leading_en"].strip(), name
        assert isinstance(p["featured_en"], str) and (bool(p["featured_en"].strip()) == bool(featured)), name
        assert "专栏14" in p["source"].split("；")
        assert p["kind"] == "park"


def test_points_in_stated_district(districts):
    land = unary_union(list(districts.values()))
    for fname, f in all_features():
        g = shape(f["geometry"])
        p = f["properties"]
        if g.geom_type != "Point":
            continue
        if p["kind"] == "bay":
            assert not land.contains(g), f"{p['id']}: bay point on land"
            continue
        assert p.get("district") in districts, f"{fname}/{p['id']}: district missing"
        assert districts[p["district"]].contains(g), f"{fname}/{p['id']}: not inside {p['district']}"


def test_lines_on_land(districts):
    land = unary_union(list(districts.values())).buffer(0.003)
    for fname, f in all_features():
        g = shape(f["geometry"])
        if g.geom_type in ("LineString", "MultiLineString"):
            assert g.within(land), f"{fname}/{f['properties']['id']}: leaves the land"


def test_parks_in_expected_districts():
    """Parks whose county-level division is unambiguous from their name."""
    expected = {
        "长兴岛经济技术开发区": "210281", "瓦房店轴承产业开发区": "210281", "太平湾合作创新区": "210281",
        "旅顺经济技术开发区": "210212", "旅顺太阳沟文化产业园区": "210212",
        "普兰店经济开发区": "210214", "皮杨中心产业区": "210214",
        "北黄海经济开发区": "210283", "长山群岛海洋生态经济区": "210224",
        "经济技术开发区": "210213", "保税区": "210213", "金石滩国家旅游度假区": "210213", "普湾经济区": "210213",
        "高新技术产业园区": "210211", "大连湾临海装备制造业聚集区": "210211",
    }
    parks = {f["properties"]["name_zh"]: f["properties"] for f in load(LAYERS / "ind_parks.geojson")["features"]}
    for name, code in expected.items():
        assert parks[name]["district"] == code, name


def test_industry_slugs_valid():
    for fname, f in all_features():
        p = f["properties"]
        inds = p.get("industries", [])
        assert isinstance(inds, list)
        assert set(inds) <= CATEGORY_SLUGS, f"{p['id']}: {set(inds) - CATEGORY_SLUGS}"
        for t in p.get("industry_terms", []):
            assert t["category"] is None or t["category"] in CATEGORY_SLUGS
        mapped = {t["category"] for t in p.get("industry_terms", []) if t["category"]}
        if "industry_terms" in p:
            assert mapped == set(inds), p["id"]
    for layer in ("ind_parks", "ind_bases"):
        for f in load(LAYERS / f"{layer}.geojson")["features"]:
            assert f["properties"]["industries"], f["properties"]["id"]


@needs_plan
def test_category_names_in_plan(plan_text):
    """The 5+4+3+1 system: every category name is the plan's wording."""
    assert "“5+4+3+1”现代产业体系" in plan_text
    for name in ("绿色石化", "高端装备制造", "新一代信息技术产业", "新一代汽车", "中高端消费品工业",
                 "现代金融", "物流", "商贸", "文旅", "生命安全", "洁净能源", "新材料", "都市现代农业"):
        assert name in plan_text
