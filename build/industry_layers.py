"""Build the industry layers (ind_*.geojson) of the Dalian 14th FYP map.

Sources:
  * words: plan/dalian_14th_five_year_plan.txt -- each function_zh fragment must be a verbatim substring
    of the plan (whitespace ignored);
  * geometry: hand-placed WGS-84 (EPSG:4326) lon/lat from general geographic knowledge, checked against
    geodata/layers/districts.geojson (built by build/boundaries.py; point-in-district, land/sea). Coastal
    belt lines are derived from the district polygons (inner offset of the mainland outline).

Writes:
  geodata/layers/ind_{parks,coasts,bays,bases,textile_belt,services}.geojson
  geodata/tables/industry_categories.json   (industry category slugs, names and colours)

Run (from the repo root):  python build/industry_layers.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from shapely.geometry import LineString, Point, mapping, shape
from shapely.ops import substring, unary_union

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plan" / "dalian_14th_five_year_plan.txt"
OUT = ROOT / "geodata" / "layers"
OUT_DIR = ROOT / "build" / "out"

PLAN_TEXT = PLAN.read_text(encoding="utf-8")
PLAN_NS = re.sub(r"\s+", "", PLAN_TEXT)

DIST = json.loads((OUT / "districts.geojson").read_text(encoding="utf-8"))
DIST_SHAPES = {f["properties"]["adcode"]: shape(f["geometry"]) for f in DIST["features"]}
LAND = unary_union(list(DIST_SHAPES.values()))


def v(*frags: str) -> str:
    """Join verbatim plan fragments with '……' after checking each one."""
    for f in frags:
        if re.sub(r"\s+", "", f) not in PLAN_NS:
            raise ValueError(f"not verbatim in plan: {f}")
    return "……".join(frags)


def adcode_of(x: float, y: float) -> str | None:
    p = Point(x, y)
    for a, g in DIST_SHAPES.items():
        if g.contains(p):
            return a
    return None


def rnd(geom):
    def r(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], 5), round(c[1], 5)]
        return [r(x) for x in c]
    g = mapping(geom)
    return {"type": g["type"], "coordinates": r(g["coordinates"])}


def feature(geom, **props):
    base = {"projects": []}
    base.update(props)
    if geom.geom_type == "Point" and "district" not in base and base.get("kind") != "bay":
        base["district"] = adcode_of(geom.x, geom.y)
    return {"type": "Feature", "properties": base, "geometry": rnd(geom)}


def write(layer_id: str, feats: list):
    fc = {"type": "FeatureCollection", "name": layer_id, "features": feats}
    (OUT / f"{layer_id}.geojson").write_text(json.dumps(fc, ensure_ascii=False, indent=1), encoding="utf-8")
    print(layer_id, len(feats))


# --------------------------------------------------------------------------------------------------
# 专栏14 parsing (same rule as the test)
def zhuanlan14_lines() -> dict[str, str]:
    start = PLAN_TEXT.index("专栏 14")
    block = PLAN_TEXT[start:]
    block = block[: block.index("着力推进国际性活力湾区建设")]
    out = {}
    for line in block.splitlines():
        m = re.match(r"^\s*-?\s*◆\*\*(.+?)(?:：\*\*|\*\*\s*[:：])\s*(.+?)\s*$", line)
        if m:
            out[m.group(1).strip()] = m.group(2).strip()
    return out


def parse_industries(text: str) -> tuple[str, str]:
    body = text[len("重点发展"):] if text.startswith("重点发展") else text
    clause = re.split(r"[，。]", body)[0]
    featured = ""
    if "主导产业" in clause:
        lead, rest = clause.split("主导产业", 1)
        if "特色产业" in rest:
            featured = rest[:rest.index("特色产业")]
            featured = featured[1:] if featured.startswith("和") else featured
    elif "等" in clause:
        lead = clause[: clause.index("等")]
    else:
        lead = clause
    lead = lead[:-1] if lead.endswith("等") else lead
    featured = featured[:-1] if featured.endswith("等") else featured
    return lead, featured


# --------------------------------------------------------------------------------------------------
# categories
CATS = [
    ("green_petrochem", "绿色石化", "Green petrochemicals", "制造业", "Manufacturing", "第三章第一节", "#7f3b08"),
    ("high_end_equipment", "高端装备制造", "High-end equipment manufacturing", "制造业", "Manufacturing", "第三章第一节", "#b35806"),
    ("new_gen_it", "新一代信息技术产业", "New-generation information technology", "制造业", "Manufacturing", "第三章第一节", "#e08214"),
    ("new_gen_auto", "新一代汽车", "New-generation vehicles", "制造业", "Manufacturing", "第三章第一节", "#fdb863"),
    ("consumer_goods", "中高端消费品工业", "Mid- to high-end consumer goods", "制造业", "Manufacturing", "第三章第一节", "#a6761d"),
    ("finance", "现代金融", "Modern finance", "现代服务业", "Modern services", "第三章第二节", "#cc3311"),
    ("logistics", "物流", "Logistics", "现代服务业", "Modern services", "第三章第二节", "#332288"),
    ("commerce", "商贸", "Commerce and trade", "现代服务业", "Modern services", "第三章第二节", "#ee3377"),
    ("culture_tourism", "文旅", "Culture and tourism", "现代服务业", "Modern services", "第三章第二节", "#aa4499"),
    ("life_safety", "生命安全", "Life safety (life sciences and health)", "战略性新兴产业", "Strategic emerging industries", "第三章第三节", "#009988"),
    ("clean_energy", "洁净能源", "Clean energy", "战略性新兴产业", "Strategic emerging industries", "第三章第三节", "#0077bb"),
    ("new_materials", "新材料", "New materials", "战略性新兴产业", "Strategic emerging industries", "第三章第三节", "#33bbee"),
    ("urban_agriculture", "都市现代农业", "Modern urban agriculture", "都市型现代农业", "Modern urban-type agriculture", "第三章第四节", "#228833"),
]
for c in CATS:  # each category name is the plan's own wording
    v(c[1])
CAT_IDS = {c[0] for c in CATS}


def terms(*pairs):
    """industry_terms: [{term_zh, category}] (category None = the plan's term fits no 5+4+3+1 slug)."""
    out = []
    for t, c in pairs:
        assert c is None or c in CAT_IDS, c
        v(t)
        out.append({"term_zh": t, "category": c})
    return out


def cats_of(ts):
    seen = []
    for t in ts:
        if t["category"] and t["category"] not in seen:
            seen.append(t["category"])
    return seen


# --------------------------------------------------------------------------------------------------
def build_parks():
    lines = zhuanlan14_lines()
    assert len(lines) == 16, lines.keys()
    P = {
        "经济技术开发区": dict(id="dalian-etdz", en="Dalian Economic and Technological Development Zone",
            xy=(121.795, 39.055), dist="210213",
            lead_en="High-end equipment manufacturing, new-generation information technology, new materials, biomedicine",
            feat_en="",
            fn_en="Focus on high-end equipment manufacturing, new-generation information technology, new materials, biomedicine and other leading industries.",
            terms=[("高端装备制造", "high_end_equipment"), ("新一代信息技术", "new_gen_it"), ("新材料", "new_materials"), ("生物医药", "life_safety")],
            note=("位置取自金普新区开发区（金马路一带）城区中心。", "Placed at the centre of the Development Zone town (Jinma Road area), Jinpu New Area.")),
        "保税区": dict(id="dalian-ftz-bonded", en="Dalian Bonded Zone (Free Trade Zone)",
            xy=(121.87, 39.08), dist="210213",
            lead_en="Modern logistics, manufacturing of complete vehicles and auto parts, new energy", feat_en="",
            fn_en="Focus on modern logistics, manufacturing and processing of complete vehicles and parts, new energy and other leading industries.",
            terms=[("现代物流", "logistics"), ("汽车整车及零部件加工制造", "new_gen_auto"), ("新能源", "clean_energy")],
            note=("近似位置：开发区以东、大窑湾以北的保税区片区；园区有多个片区，点位仅示意其主体所在。", "Approximate: the bonded-zone area east of the Development Zone and north of Dayao Bay; the zone has several parcels, the point marks its main area only.")),
        "金石滩国家旅游度假区": dict(id="jinshitan-resort", en="Jinshitan National Tourist Resort",
            xy=(121.985, 39.075), dist="210213",
            lead_en="Culture and tourism", feat_en="",
            fn_en="Focus on culture and tourism and other leading industries.",
            terms=[("文化旅游", "culture_tourism")],
            note=("位置取自金石滩度假区（金普新区东部海滨）。", "Placed at the Jinshitan resort on the east coast of Jinpu New Area.")),
        "普湾经济区": dict(id="puwan-economic-zone", en="Puwan Economic Zone",
            xy=(121.82, 39.31), dist="210213",
            lead_en="Fine chemicals, manufacture of new-type electronic components",
            feat_en="Education, culture and sports; modern logistics",
            fn_en="Focus on the leading industries of fine chemicals and new-type component manufacturing, and the featured industries of education, culture and sports, and modern logistics.",
            terms=[("精细化工", "green_petrochem"), ("新型元器件制造", "new_gen_it"), ("教育文化体育", None), ("现代物流", "logistics")],
            note=("近似位置：普兰店湾东端湾头一带（普湾新区，跨湾南北两岸）；规划未给出园区边界。", "Approximate: around the head of Pulandian Bay (Puwan new district, on both shores); the plan gives no boundary.")),
        "高新技术产业园区": dict(id="dalian-hi-tech-zone", en="Dalian Hi-tech Industrial Zone",
            xy=(121.525, 38.875), dist="210211",
            lead_en="New-generation information technology, intelligent manufacturing, life and health, clean energy, new materials, digital culture and creative industries",
            feat_en="",
            fn_en="Focus on new-generation information technology, intelligent manufacturing, life and health, clean energy, new materials, digital culture and creativity and other leading industries.",
            terms=[("新一代信息技术", "new_gen_it"), ("智能制造", "high_end_equipment"), ("生命健康", "life_safety"), ("洁净能源", "clean_energy"), ("新材料", "new_materials"), ("数字文创", None)],
            note=("位置取自高新区凌水—七贤岭一带（甘井子区）。", "Placed in the Lingshui–Qixianling area of the Hi-tech Zone (Ganjingzi District).")),
        "长兴岛经济技术开发区": dict(id="changxingdao-etdz", en="Changxing Island Economic and Technological Development Zone",
            xy=(121.43, 39.57), dist="210281",
            lead_en="Green petrochemicals, high-tech ships and offshore engineering, port-side equipment manufacturing",
            feat_en="Bulk-commodity trade",
            fn_en="Focus on the leading industries of green petrochemicals, high-tech ships and offshore engineering, and port-side equipment manufacturing, and the featured industry of bulk-commodity trade.",
            terms=[("绿色石化", "green_petrochem"), ("高技术船舶及海洋工程", "high_end_equipment"), ("临港装备制造", "high_end_equipment"), ("大宗商品贸易", "commerce")],
            note=("位置取自长兴岛岛上中部（瓦房店市）。", "Placed in the middle of Changxing Island (Wafangdian City).")),
        "金州湾临空经济区": dict(id="jinzhouwan-airport-economic-zone", en="Jinzhou Bay Airport Economic Zone",
            xy=(121.63, 39.05), dist="210211",
            lead_en="Aviation services, modern logistics, conventions and exhibitions, and culture and tourism", feat_en="",
            fn_en="Focus on aviation services, modern logistics, conventions and exhibitions, and culture and tourism.",
            terms=[("航空服务", None), ("现代物流", "logistics"), ("会展", None), ("文化旅游", "culture_tourism")],
            note=("近似位置：金州湾东岸、新机场人工岛连岸处的陆域；规划未给出边界。", "Approximate: the shore of Jinzhou Bay where the new-airport island joins the land; the plan gives no boundary.")),
        "大连湾临海装备制造业聚集区": dict(id="dalianwan-marine-equipment-cluster", en="Dalian Bay Seaside Equipment Manufacturing Cluster",
            xy=(121.69, 39.015), dist="210211",
            lead_en="Major equipment manufacturing, cold-chain logistics", feat_en="",
            fn_en="Focus on major equipment manufacturing, cold-chain logistics and other leading industries.",
            terms=[("重大装备制造", "high_end_equipment"), ("冷链物流", "logistics")],
            note=("近似位置：大连湾北岸（甘井子区大连湾街道一带）。", "Approximate: the north shore of Dalian Bay (Dalianwan subdistrict, Ganjingzi District).")),
        "旅顺经济技术开发区": dict(id="lvshun-etdz", en="Lüshun Economic and Technological Development Zone",
            xy=(121.25, 38.86), dist="210212",
            lead_en="Advanced rail-transit equipment, intelligent manufacturing, new materials, digital economy",
            feat_en="Port and shipping logistics",
            fn_en="Focus on the leading industries of advanced rail-transit equipment, intelligent manufacturing, new materials and the digital economy, and the featured industry of port and shipping logistics.",
            terms=[("先进轨道交通装备", "high_end_equipment"), ("智能制造", "high_end_equipment"), ("新材料", "new_materials"), ("数字经济", "new_gen_it"), ("港航物流", "logistics")],
            note=("近似位置：旅顺城区以北、旅顺新港方向的开发区一带；具体园界未核实。", "Approximate: north of Lüshun town towards Lüshun New Port; the exact zone boundary was not verified.")),
        "旅顺太阳沟文化产业园区": dict(id="lvshun-taiyanggou-culture-park", en="Lüshun Taiyanggou Cultural Industry Park",
            xy=(121.225, 38.81), dist="210212",
            lead_en="Film, television and media; culture and tourism", feat_en="Cultural exhibitions and museums",
            fn_en="Focus on the leading industries of film, TV and media, and culture and tourism, and featured industries such as cultural exhibitions.",
            terms=[("影视传媒", "culture_tourism"), ("文化旅游", "culture_tourism"), ("文化博览", "culture_tourism")],
            note=("位置取自旅顺太阳沟历史街区（旅顺港西侧）。", "Placed at the Taiyanggou historic quarter west of Lüshun harbour.")),
        "普兰店经济开发区": dict(id="pulandian-edz", en="Pulandian Economic Development Zone",
            xy=(121.97, 39.41), dist="210214",
            lead_en="Auto parts, electric power equipment and appliances, big data", feat_en="",
            fn_en="Focus on auto parts, electric power equipment and appliances, big data and other leading industries.",
            terms=[("汽车零配件", "new_gen_auto"), ("电力电器", "high_end_equipment"), ("大数据", "new_gen_it")],
            note=("近似位置：普兰店城区（普兰店区政府驻地一带）。", "Approximate: Pulandian town, near the district seat.")),
        "皮杨中心产业区": dict(id="piyang-industrial-area", en="Pikou–Yangshufang Central Industrial Area",
            xy=(122.22, 39.43), dist="210214",
            lead_en="Clothing and apparel, marine foods", feat_en="",
            fn_en="Focus on clothing and apparel, marine foods and other leading industries.",
            terms=[("服装服饰", "consumer_goods"), ("海洋食品", "consumer_goods")],
            geometry_basis="schematic",
            note=("示意位置：皮口与杨树房之间（“皮杨”取二者首字），规划未给出具体地点。", "Schematic: between Pikou and Yangshufang (\"Piyang\" joins the two names); the plan gives no site.")),
        "太平湾合作创新区": dict(id="taipingwan-cooperation-innovation-zone", en="Taiping Bay Cooperation and Innovation Zone",
            xy=(121.90, 40.05), dist="210281",
            lead_en="Advanced manufacturing, new materials, new-energy vehicles, nutrition and health, and biomedicine (the four port-side manufacturing pillars)",
            feat_en="",
            fn_en="Focus on four port-side manufacturing pillar industries — advanced manufacturing, new materials, new-energy vehicles, and nutrition, health and biomedicine — and cultivate shipping trade, logistics and related industries.",
            terms=[("先进制造业", None), ("新材料", "new_materials"), ("新能源汽车", "new_gen_auto"), ("营养健康及生物医药", "life_safety"), ("航运贸易", "logistics"), ("物流", "logistics")],
            related_zh="航运贸易、物流", related_en="Shipping trade, logistics (to be cultivated as related industries)",
            note=("近似位置：瓦房店市西北端渤海沿岸（大连市域西北端）的太平湾一带。", "Approximate: Taiping Bay on the Bohai coast at the north-western tip of Wafangdian (and of Dalian).")),
        "瓦房店轴承产业开发区": dict(id="wafangdian-bearing-zone", en="Wafangdian Bearing Industry Development Zone",
            xy=(121.99, 39.64), dist="210281",
            lead_en="Bearings and related supporting products", feat_en="",
            fn_en="Focus on the leading industry of bearings and related supporting products.",
            terms=[("轴承", "high_end_equipment")],
            note=("近似位置：瓦房店城区。", "Approximate: Wafangdian town.")),
        "北黄海经济开发区": dict(id="beihuanghai-edz", en="North Yellow Sea Economic Development Zone",
            xy=(122.62, 39.55), dist="210283",
            lead_en="High-end equipment manufacturing, new materials, new energy",
            feat_en="Biopharmaceuticals, education and sci-tech innovation, tourism and wellness",
            fn_en="Focus on the leading industries of high-end equipment manufacturing, new materials and new energy, and featured industries of biopharmaceuticals, education and sci-tech innovation, and tourism and wellness.",
            terms=[("高端装备制造", "high_end_equipment"), ("新材料", "new_materials"), ("新能源", "clean_energy"), ("生物制药", "life_safety"), ("教育科创", None), ("文旅康养", "culture_tourism")],
            note=("近似位置：庄河市西部花园口一带（原花园口经济区，大连新材料产业基地核心区）；开发区范围未核实。", "Approximate: the Huayuankou area of western Zhuanghe (former Huayuankou Economic Zone, a core of Dalian's new-materials base); the zone's extent was not verified.")),
        "长山群岛海洋生态经济区": dict(id="changshan-islands-marine-eco-zone", en="Changshan Islands Marine Ecological Economic Zone",
            xy=(122.62, 39.275), dist="210224",
            lead_en="Aquaculture and stock enhancement, and deep processing of aquatic products", feat_en="Archipelago tourism",
            fn_en="Focus on the leading industry of aquaculture and deep processing of aquatic products, and the featured industry of archipelago tourism.",
            terms=[("水产品增养殖及精深加工", "urban_agriculture"), ("精深加工", "consumer_goods"), ("群岛旅游", "culture_tourism")],
            note=("位置取自长海县政府驻地大长山岛。", "Placed on Dachangshan Island, seat of Changhai County.")),
    }
    assert set(P) == set(lines), set(P) ^ set(lines)
    feats = []
    for name, line in lines.items():
        d = P[name]
        lead, featd = parse_industries(line)
        ts = terms(*d["terms"])
        props = dict(
            id=d["id"], name_zh=name, name_en=d["en"], kind="park",
            function_zh=v(line), function_en=d["fn_en"],
            leading_zh=lead, featured_zh=featd, leading_en=d["lead_en"], featured_en=d["feat_en"],
            industries=cats_of(ts), industry_terms=ts,
            source="专栏14；第九章第一节",
            geometry_basis=d.get("geometry_basis", "located"),
            geometry_note_zh=d["note"][0], geometry_note_en=d["note"][1],
            district=d["dist"],
        )
        if "related_zh" in d:
            props["related_zh"] = v(d["related_zh"])
            props["related_en"] = d["related_en"]
        got = adcode_of(*d["xy"])
        assert got == d["dist"], (name, got)
        feats.append(feature(Point(*d["xy"]), **props))
    write("ind_parks", feats)


# --------------------------------------------------------------------------------------------------
def build_coasts_bays():
    mainland = max(LAND.geoms, key=lambda g: g.area) if LAND.geom_type == "MultiPolygon" else LAND
    inner = mainland.buffer(-0.02).simplify(0.006)
    if inner.geom_type == "MultiPolygon":
        inner = max(inner.geoms, key=lambda g: g.area)
    ring = LineString(inner.exterior.coords)

    def between(a, b, via):
        da, db = ring.project(Point(a)), ring.project(Point(b))
        lo, hi = sorted((da, db))
        s1 = substring(ring, lo, hi)
        s2 = unary_union([substring(ring, hi, ring.length), substring(ring, 0, lo)])
        from shapely.ops import linemerge
        s2 = linemerge(s2) if s2.geom_type == "MultiLineString" else s2
        return s1 if s1.distance(Point(via)) < s2.distance(Point(via)) else s2

    laotieshan = (121.13, 38.74)          # SW tip of the peninsula, the Bohai / Yellow Sea divide
    zh_east = (123.50, 39.80)             # Zhuanghe's coast at the Dandong border
    yk_border = (121.95, 40.12)           # Wafangdian's coast at the Yingkou border
    yellow = between(laotieshan, zh_east, via=(122.35, 39.40))
    bohai = between(laotieshan, yk_border, via=(121.45, 39.75))
    common = "围绕黄海和渤海沿岸打造“两岸三湾多园区”的产业空间格局"
    feats = [
        feature(yellow, id="huanghai-coast", name_zh="黄海沿岸", name_en="Yellow Sea coast", kind="yellow_sea_coast",
                function_zh=v(common, "黄海沿岸重点发展新能源、新材料、海洋经济、纺织服装、食品加工、旅游休闲等特色产业", "增强黄海渤海两岸协同能力"),
                function_en="Build an industrial spatial pattern of \"two coasts, three bays and many parks\" around the Yellow Sea and Bohai coasts …… the Yellow Sea coast focuses on featured industries such as new energy, new materials, the marine economy, textiles and clothing, food processing, and tourism and leisure …… strengthen the coordination of the two coasts.",
                industries=cats_of(terms(("新能源", "clean_energy"), ("新材料", "new_materials"), ("海洋经济", None), ("纺织服装", "consumer_goods"), ("食品加工", "consumer_goods"), ("旅游休闲", "culture_tourism"))),
                industry_terms=terms(("新能源", "clean_energy"), ("新材料", "new_materials"), ("海洋经济", None), ("纺织服装", "consumer_goods"), ("食品加工", "consumer_goods"), ("旅游休闲", "culture_tourism")),
                source="第九章第一节", geometry_basis="schematic",
                geometry_note_zh="示意线：沿大连市黄海一侧海岸（老铁山至庄河东界）向陆地内缩约2公里绘制，规划未划定范围。",
                geometry_note_en="Schematic line about 2 km inland along Dalian's Yellow Sea coast (Laotieshan to Zhuanghe's eastern border); the plan draws no extent."),
        feature(bohai, id="bohai-coast", name_zh="渤海沿岸", name_en="Bohai Sea coast", kind="bohai_coast",
                function_zh=v(common, "渤海沿岸重点发展绿色石化、高端轴承、电力装备等先进制造业", "增强黄海渤海两岸协同能力"),
                function_en="Build an industrial spatial pattern of \"two coasts, three bays and many parks\" around the Yellow Sea and Bohai coasts …… the Bohai coast focuses on advanced manufacturing such as green petrochemicals, high-end bearings and power equipment …… strengthen the coordination of the two coasts.",
                industries=["green_petrochem", "high_end_equipment"],
                industry_terms=terms(("绿色石化", "green_petrochem"), ("高端轴承", "high_end_equipment"), ("电力装备", "high_end_equipment")),
                source="第九章第一节", geometry_basis="schematic",
                geometry_note_zh="示意线：沿大连市渤海一侧海岸（老铁山至瓦房店与营口交界）向陆地内缩约2公里绘制，规划未划定范围。",
                geometry_note_en="Schematic line about 2 km inland along Dalian's Bohai coast (Laotieshan to the Wafangdian–Yingkou border); the plan draws no extent."),
    ]
    for f in feats:
        g = shape(f["geometry"])
        assert g.within(LAND.buffer(0.002)), f["properties"]["id"]
    write("ind_coasts", feats)

    three = "强化“三湾”示范引领功能，带动其他湾区“一湾一策”联动发展"
    bays = [
        ("dalian-bay", "大连湾", "Dalian Bay", (121.70, 38.957),
         v("围绕大连湾建设国际活力湾区", three, "重点发展总部经济、现代金融、科技服务、滨海旅游、娱乐体验、文化创意等多元业态"),
         "Build an international vibrant bay area around Dalian Bay …… strengthen the demonstrating and leading role of the \"three bays\" and drive the linked development of the other bays under \"one bay, one policy\" …… focus on diverse activities: headquarters economy, modern finance, technology services, coastal tourism, entertainment experiences and cultural creativity.",
         "国际活力湾区", "International vibrant bay area",
         terms(("总部经济", None), ("现代金融", "finance"), ("科技服务", None), ("滨海旅游", "culture_tourism"), ("文化创意", None)),
         "第九章第一节", ("位置取自大连湾水域中部。", "Placed in the middle of the waters of Dalian Bay.")),
        ("jinzhou-bay", "金州湾", "Jinzhou Bay", (121.52, 39.12),
         v("金州湾打造东北亚空港商务区", three),
         "Build Jinzhou Bay into a Northeast Asian airport business district …… strengthen the demonstrating and leading role of the \"three bays\" and drive the linked development of the other bays under \"one bay, one policy\".",
         "东北亚空港商务区", "Northeast Asian airport business district", [], "第九章第一节",
         ("位置取自金州湾水域（金州以西，渤海一侧）。", "Placed in the waters of Jinzhou Bay (west of Jinzhou, Bohai side).")),
        ("taiping-bay", "太平湾", "Taiping Bay", (121.86, 40.08),
         v("太平湾构建东北亚“新蛇口”的功能定位", three),
         "Position Taiping Bay as Northeast Asia's \"new Shekou\" …… strengthen the demonstrating and leading role of the \"three bays\" and drive the linked development of the other bays under \"one bay, one policy\".",
         "东北亚“新蛇口”", "Northeast Asia's \"new Shekou\"", [], "第九章第一节",
         ("近似位置：瓦房店市西北端近海水域（太平湾港区附近）。", "Approximate: coastal waters off the north-western tip of Wafangdian, near the Taiping Bay port area.")),
    ]
    feats = []
    for bid, zh, en, xy, fzh, fen, role_zh, role_en, ts, src, note in bays:
        p = Point(*xy)
        assert not LAND.contains(p), bid
        feats.append(feature(p, id=bid, name_zh=zh, name_en=en, kind="bay", function_zh=fzh, function_en=fen,
                             role_zh=role_zh, role_en=role_en, industries=cats_of(ts), industry_terms=ts,
                             source=src, geometry_basis="located", geometry_note_zh=note[0], geometry_note_en=note[1]))
    write("ind_bays", feats)


# --------------------------------------------------------------------------------------------------
def build_bases():
    S1, S3, S4 = "第三章第一节", "第三章第三节", "第四章第一节"
    sanxin = "围绕“三芯十园”空间布局"
    nm = "以长兴岛经济区、北黄海经济开发区为新材料产业发展核心区域，以旅顺北路为中心、金普新区和高新区为两翼"
    nm_en = "Take Changxing Island Economic Zone and the North Yellow Sea Economic Development Zone as the core areas of the new-materials industry, with Lüshun North Road as the centre and Jinpu New Area and the Hi-tech Zone as the two wings"
    dig = "着力构建以金普新区和高新区为引领的“双核驱动、多区协同、多点发展”的数字经济产业布局"
    dig_en = "Build a digital-economy layout led by Jinpu New Area and the Hi-tech Zone: \"twin-core drive, multi-zone coordination, multi-point development\""
    B = [
        dict(id="changxingdao-xizhongdao-petrochem-base", zh="长兴岛（西中岛）石化产业基地", en="Changxing Island (Xizhong Island) petrochemical industry base",
             kind="petrochem_base", xy=(121.37, 39.60), dist="210281", src=S1, basis="located",
             fzh=v("建设长兴岛（西中岛）石化产业基地，重点打造以有机原料、合成材料、清洁油品为主体，以化工新材料、专用化学品为特色的石油化工精深加工产业集群"),
             fen="Build the Changxing Island (Xizhong Island) petrochemical industry base, focusing on a deep-processing petrochemical cluster centred on organic feedstocks, synthetic materials and clean oil products, and featuring new chemical materials and speciality chemicals.",
             terms=[("绿色石化", "green_petrochem")],
             note=("近似位置：长兴岛北部西中岛方向（瓦房店市）。", "Approximate: northern Changxing Island towards Xizhong Island (Wafangdian City).")),
        dict(id="songmudao-chemical-zone", zh="松木岛化工区", en="Songmudao chemical zone",
             kind="chemical_zone", xy=(121.66, 39.41), dist="210213", src=S1, basis="located",
             fzh=v("松木岛化工区适度可控发展，突出发展精细化工"),
             fen="The Songmudao chemical zone develops moderately and under control, with emphasis on fine chemicals.",
             terms=[("精细化工", "green_petrochem")], development="moderate_controlled",
             note=("近似位置：普兰店湾北侧松木岛一带（金普新区）；园界未核实。", "Approximate: the Songmudao area north of Pulandian Bay (Jinpu New Area); boundary not verified.")),
        dict(id="dagushan-petrochem-cluster", zh="大孤山石化集聚区", en="Dagushan petrochemical cluster",
             kind="petrochem_cluster", xy=(121.855, 38.975), dist="210213", src=S1, basis="located",
             fzh=v("大孤山石化集聚区严控产业发展规模，危化品总量不增加，强化风险管控"),
             fen="The Dagushan petrochemical cluster strictly controls the scale of industrial development, with no increase in the total of hazardous chemicals and stronger risk control.",
             terms=[("绿色石化", "green_petrochem")], development="strictly_controlled",
             note=("位置取自大孤山半岛（大连湾与大窑湾之间）。", "Placed on the Dagushan peninsula between Dalian Bay and Dayao Bay.")),
        dict(id="life-safety-zhizao-core", zh="智造之芯（金普新区）", en="\"Smart-manufacturing core\" (Jinpu New Area)",
             kind="life_safety_core", xy=(121.76, 39.085), dist="210213", src=S3, basis="schematic",
             fzh=v(sanxin, "将金普新区打造成以智能化、高端化生命健康与防疫防护全产业链为核心的“智造之芯”"),
             fen="Following the \"three cores, ten parks\" layout …… make Jinpu New Area a \"smart-manufacturing core\" centred on an intelligent, high-end whole industrial chain of life and health and epidemic prevention and protection.",
             terms=[("生命健康", "life_safety")],
             note=("示意位置：规划只指定金普新区，点位置于其城区附近。", "Schematic: the plan names only Jinpu New Area; the point sits near its urban area.")),
        dict(id="life-safety-health-core", zh="健康之芯（旅顺口区）", en="\"Health core\" (Lüshunkou District)",
             kind="life_safety_core", xy=(121.27, 38.835), dist="210212", src=S3, basis="schematic",
             fzh=v(sanxin, "旅顺口区打造成以生物药研发转化、高端食品保健品研发制造、活力康养为核心的“健康之芯”"),
             fen="Following the \"three cores, ten parks\" layout …… make Lüshunkou District a \"health core\" centred on biopharmaceutical R&D and translation, R&D and manufacture of high-end foods and health products, and active wellness.",
             terms=[("生物药", "life_safety")],
             note=("示意位置：规划只指定旅顺口区，点位置于旅顺城区附近。", "Schematic: the plan names only Lüshunkou District; the point sits near Lüshun town.")),
        dict(id="life-safety-innovation-core", zh="创新之芯（高新区）", en="\"Innovation core\" (Hi-tech Zone)",
             kind="life_safety_core", xy=(121.505, 38.885), dist="210211", src=S3, basis="schematic",
             fzh=v(sanxin, "高新区打造成生命科学前沿领域的“创新之芯”"),
             fen="Following the \"three cores, ten parks\" layout …… make the Hi-tech Zone an \"innovation core\" in frontier fields of the life sciences.",
             terms=[("生命科学", "life_safety")],
             note=("示意位置：规划只指定高新区，点位置于高新区内。", "Schematic: the plan names only the Hi-tech Zone; the point sits inside it.")),
        dict(id="clean-energy-rd-base-yinggeshi", zh="洁净能源研发试验基地（英歌石科学城）", en="Clean-energy R&D and testing base (Yinggeshi Science City)",
             kind="clean_energy_base", xy=(121.435, 38.855), dist=None, src=S3, basis="located",
             fzh=v("依托英歌石科学城，建设洁净能源研发试验基地"),
             fen="Relying on Yinggeshi Science City, build a clean-energy R&D and testing base.",
             terms=[("洁净能源", "clean_energy")],
             note=("近似位置：英歌石科学城一带（高新区以西、旅顺南路以北）；科学城范围未核实。", "Approximate: the Yinggeshi Science City area (west of the Hi-tech Zone, north of Lüshun South Road); the city's extent was not verified.")),
        dict(id="clean-energy-equipment-base-puwan", zh="氢能、储能等洁净能源设备生产基地（普湾经济区）", en="Hydrogen, energy-storage and other clean-energy equipment production base (Puwan Economic Zone)",
             kind="clean_energy_base", xy=(121.85, 39.34), dist="210213", src=S3, basis="schematic",
             fzh=v("以普湾经济区为核心，建设氢能、储能等洁净能源设备生产基地"),
             fen="With Puwan Economic Zone as the core, build a production base for hydrogen, energy-storage and other clean-energy equipment.",
             terms=[("洁净能源", "clean_energy")],
             note=("示意位置：规划只指定普湾经济区，点位置于该区内。", "Schematic: the plan names only Puwan Economic Zone; the point sits inside it.")),
        dict(id="new-materials-core-changxingdao", zh="新材料产业发展核心区域（长兴岛经济区）", en="New-materials core area (Changxing Island Economic Zone)",
             kind="new_materials_core", xy=(121.47, 39.54), dist="210281", src=S3, basis="schematic",
             fzh=v(nm), fen=nm_en, terms=[("新材料", "new_materials")],
             note=("示意位置：置于长兴岛经济区内，规划未给出地块。", "Schematic: placed inside Changxing Island Economic Zone; the plan gives no site.")),
        dict(id="new-materials-core-beihuanghai", zh="新材料产业发展核心区域（北黄海经济开发区）", en="New-materials core area (North Yellow Sea Economic Development Zone)",
             kind="new_materials_core", xy=(122.66, 39.57), dist="210283", src=S3, basis="schematic",
             fzh=v(nm), fen=nm_en, terms=[("新材料", "new_materials")],
             note=("示意位置：置于庄河市北黄海经济开发区点位旁，规划未给出地块。", "Schematic: placed beside the North Yellow Sea Economic Development Zone point in Zhuanghe; the plan gives no site.")),
        dict(id="new-materials-centre-lvshun-beilu", zh="新材料产业中心（旅顺北路）", en="New-materials centre (Lüshun North Road)",
             kind="new_materials_centre", xy=(121.36, 38.95), dist=None, src=S3, basis="schematic",
             fzh=v(nm), fen=nm_en, terms=[("新材料", "new_materials")],
             note=("示意位置：旅顺北路为一条道路，点位置于其中段附近。", "Schematic: Lüshun North Road is a road; the point sits near its middle section.")),
        dict(id="new-materials-wing-jinpu", zh="新材料产业一翼（金普新区）", en="New-materials wing (Jinpu New Area)",
             kind="new_materials_wing", xy=(121.74, 39.05), dist="210213", src=S3, basis="schematic",
             fzh=v(nm), fen=nm_en, terms=[("新材料", "new_materials")],
             note=("示意位置：规划只指定金普新区。", "Schematic: the plan names only Jinpu New Area.")),
        dict(id="new-materials-wing-hi-tech", zh="新材料产业一翼（高新区）", en="New-materials wing (Hi-tech Zone)",
             kind="new_materials_wing", xy=(121.49, 38.87), dist="210211", src=S3, basis="schematic",
             fzh=v(nm), fen=nm_en, terms=[("新材料", "new_materials")],
             note=("示意位置：规划只指定高新区。", "Schematic: the plan names only the Hi-tech Zone.")),
        dict(id="digital-core-jinpu", zh="数字经济核心（金普新区）", en="Digital-economy core (Jinpu New Area)",
             kind="digital_core", xy=(121.82, 39.06), dist="210213", src=S4, basis="schematic",
             fzh=v(dig), fen=dig_en, terms=[("数字经济", "new_gen_it")],
             note=("示意位置：规划只指定金普新区。", "Schematic: the plan names only Jinpu New Area.")),
        dict(id="digital-core-hi-tech", zh="数字经济核心（高新区）", en="Digital-economy core (Hi-tech Zone)",
             kind="digital_core", xy=(121.53, 38.893), dist="210211", src=S4, basis="schematic",
             fzh=v(dig), fen=dig_en, terms=[("数字经济", "new_gen_it")],
             note=("示意位置：规划只指定高新区。", "Schematic: the plan names only the Hi-tech Zone.")),
    ]
    feats = []
    for b in B:
        got = adcode_of(*b["xy"])
        assert got is not None, b["id"]
        if b["dist"]:
            assert got == b["dist"], (b["id"], got)
        ts = terms(*b["terms"])
        props = dict(id=b["id"], name_zh=b["zh"], name_en=b["en"], kind=b["kind"], function_zh=b["fzh"],
                     function_en=b["fen"], industries=cats_of(ts), industry_terms=ts, source=b["src"],
                     geometry_basis=b["basis"], geometry_note_zh=b["note"][0], geometry_note_en=b["note"][1],
                     district=got)
        if "development" in b:
            props["development"] = b["development"]
        feats.append(feature(Point(*b["xy"]), **props))
    write("ind_bases", feats)


# --------------------------------------------------------------------------------------------------
def build_textile_belt():
    pts = [(122.35, 39.42), (122.18, 39.45), (121.98, 39.45), (121.82, 39.43), (121.66, 39.41),
           (121.56, 39.46), (121.47, 39.52), (121.43, 39.57)]
    line = LineString(pts)
    assert line.within(LAND), "belt leaves land"
    ts = terms(("纺织服装", "consumer_goods"))
    f = feature(line, id="pichang-textile-belt", name_zh="纺织服装产业带（皮长高速公路沿线）",
                name_en="Textile and clothing industry belt along the Pikou–Changxing Island expressway",
                kind="industry_belt",
                function_zh=v("依托长兴岛经济区、普兰店皮口和金普新区", "松木岛，沿皮长高速公路打造纺织服装产业带"),
                function_en="Relying on Changxing Island Economic Zone, Pikou in Pulandian and Songmudao in Jinpu New Area, build a textile and clothing industry belt along the Pikou–Changxing Island expressway.",
                industries=cats_of(ts), industry_terms=ts, source="第三章第一节", geometry_basis="schematic",
                geometry_note_zh="示意线：依次连接普兰店皮口、普兰店城区以北、金普新区松木岛和长兴岛，大致沿皮长高速公路走向，并非道路实测线形。",
                geometry_note_en="Schematic line linking Pikou (Pulandian), north of Pulandian town, Songmudao (Jinpu New Area) and Changxing Island, roughly along the Pikou–Changxing Island expressway; not the surveyed road alignment.",
                anchors_zh=["长兴岛经济区", "普兰店皮口", "金普新区松木岛"])
    write("ind_textile_belt", [f])


# --------------------------------------------------------------------------------------------------
def build_services():
    S2 = "第三章第二节"
    cl_head = "进一步完善中山广场—人民路—东港高端服务业集聚区、星海湾现代金融集聚区、七贤岭软件和信息技术服务集聚区、大窑湾航运物流集聚区、旅顺南路生命健康服务业集聚区的功能"
    cl_en_head = "Further improve the functions of the Zhongshan Square–Renmin Road–Donggang high-end services cluster, the Xinghai Bay modern finance cluster, the Qixianling software and IT services cluster, the Dayao Bay shipping and logistics cluster and the Lüshun South Road life-and-health services cluster"
    hq = "高水平规划建设梭鱼湾商务区、凌水湾总部经济区、金州湾临空经济区等总部经济区，引进创新型研发设计、枢纽型营销、融资结算、信息服务等功能性总部"
    hq_en = "Plan and build to a high standard headquarters-economy zones such as the Suoyu Bay business district, the Lingshui Bay headquarters-economy zone and the Jinzhou Bay airport economic zone, attracting functional headquarters for innovative R&D and design, hub-type marketing, financing and settlement, and information services"
    cc = "建设青泥洼一天津街步行街与西安路 2 个都市级商业中心，培育金普新区开发区与中华路 2 个城市级商业中心"
    cc_en = "Build two metropolitan-level commercial centres — the Qingniwa–Tianjin Street pedestrian street and Xi'an Road — and cultivate two city-level commercial centres — the Development Zone in Jinpu New Area and Zhonghua Road"
    S = [
        ("zhongshan-square-renmin-road-donggang", "中山广场—人民路—东港高端服务业集聚区", "Zhongshan Square–Renmin Road–Donggang high-end services cluster",
         "cluster", (121.658, 38.922), "210202", "located", cl_head, cl_en_head, [("高端服务业", None)],
         ("位置取自人民路中段（中山广场与东港之间）。", "Placed on the middle of Renmin Road, between Zhongshan Square and Donggang."), {}),
        ("xinghaiwan-finance", "星海湾现代金融集聚区", "Xinghai Bay modern finance cluster",
         "cluster", (121.585, 38.885), "210204", "located", cl_head, cl_en_head, [("现代金融", "finance")],
         ("位置取自星海湾商务区（星海广场北侧）。", "Placed at the Xinghai Bay business district north of Xinghai Square."), {}),
        ("qixianling-software", "七贤岭软件和信息技术服务集聚区", "Qixianling software and IT services cluster",
         "cluster", (121.51, 38.865), "210211", "located", cl_head, cl_en_head, [("软件和信息技术服务", "new_gen_it")],
         ("位置取自高新区七贤岭一带。", "Placed in the Qixianling area of the Hi-tech Zone."), {}),
        ("dayaowan-shipping-logistics", "大窑湾航运物流集聚区", "Dayao Bay shipping and logistics cluster",
         "cluster", (121.885, 39.045), "210213", "located", cl_head, cl_en_head, [("航运物流", "logistics")],
         ("位置取自大窑湾港区后方陆域。", "Placed on the land behind the Dayao Bay port area."), {}),
        ("lvshun-nanlu-life-health", "旅顺南路生命健康服务业集聚区", "Lüshun South Road life-and-health services cluster",
         "cluster", (121.40, 38.82), "210212", "schematic", cl_head, cl_en_head, [("生命健康服务业", "life_safety")],
         ("示意位置：旅顺南路为一条道路，点位置于其沿线中段附近。", "Schematic: Lüshun South Road is a road; the point sits near its middle section."), {}),
        ("suoyuwan-business-district", "梭鱼湾商务区", "Suoyu Bay business district",
         "hq_zone", (121.64, 38.962), None, "located", hq, hq_en, [],
         ("近似位置：梭鱼湾北岸（甘井子区一侧）。", "Approximate: the north shore of Suoyu Bay (Ganjingzi side)."), {}),
        ("lingshuiwan-hq-zone", "凌水湾总部经济区", "Lingshui Bay headquarters-economy zone",
         "hq_zone", (121.535, 38.858), "210211", "located", hq, hq_en, [],
         ("近似位置：高新区南部凌水湾沿岸。", "Approximate: the Lingshui Bay shore in the south of the Hi-tech Zone."), {}),
        ("jinzhouwan-airport-hq-zone", "金州湾临空经济区", "Jinzhou Bay airport economic zone",
         "hq_zone", (121.635, 39.06), None, "located", hq, hq_en, [],
         ("近似位置：金州湾东岸、新机场人工岛连岸处的陆域。", "Approximate: the shore of Jinzhou Bay where the new-airport island joins the land."), {}),
        ("qingniwa-tianjinjie", "青泥洼—天津街", "Qingniwa–Tianjin Street",
         "commercial_centre", (121.641, 38.917), None, "located", cc, cc_en, [("商业", "commerce")],
         ("位置取自青泥洼桥至天津街步行街一带。", "Placed between Qingniwa Bridge and the Tianjin Street pedestrian street."), {"level": "metropolitan", "level_zh": "都市级"}),
        ("xi-an-road", "西安路", "Xi'an Road",
         "commercial_centre", (121.59, 38.91), "210204", "located", cc, cc_en, [("商业", "commerce")],
         ("位置取自西安路商圈。", "Placed at the Xi'an Road shopping district."), {"level": "metropolitan", "level_zh": "都市级"}),
        ("kaifaqu-commercial-centre", "金普新区开发区", "Development Zone (Jinpu New Area)",
         "commercial_centre", (121.785, 39.062), "210213", "located", cc, cc_en, [("商业", "commerce")],
         ("近似位置：开发区金马路商圈。", "Approximate: the Jinma Road shopping district of the Development Zone."), {"level": "city", "level_zh": "城市级"}),
        ("zhonghua-road", "中华路", "Zhonghua Road",
         "commercial_centre", (121.595, 38.965), "210211", "located", cc, cc_en, [("商业", "commerce")],
         ("近似位置：甘井子区中华路（华南）商圈。", "Approximate: the Zhonghua Road (Huanan) shopping district in Ganjingzi District."), {"level": "city", "level_zh": "城市级"}),
    ]
    feats = []
    for sid, zh, en, kind, xy, dist, basis, fzh, fen, tpairs, note, extra in S:
        got = adcode_of(*xy)
        assert got is not None, sid
        if dist:
            assert got == dist, (sid, got)
        ts = [{"term_zh": t, "category": c} for t, c in tpairs]
        for t, _ in tpairs:
            if t != "商业":
                v(t)
        props = dict(id=sid, name_zh=zh, name_en=en, kind=kind, function_zh=v(fzh), function_en=fen,
                     industries=cats_of(ts), industry_terms=ts, source=S2, geometry_basis=basis,
                     geometry_note_zh=note[0], geometry_note_en=note[1], district=got)
        props.update(extra)
        feats.append(feature(Point(*xy), **props))
    write("ind_services", feats)


def write_categories():
    out = []
    for cid, zh, en, fzh, fen, src, col in CATS:
        out.append({"id": cid, "name_zh": zh, "name_en": en, "family_zh": fzh, "family_en": fen,
                    "source": src, "color": col})
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (ROOT / "geodata" / "tables" / "industry_categories.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    write_categories()
    build_parks()
    build_coasts_bays()
    build_bases()
    build_textile_belt()
    build_services()
