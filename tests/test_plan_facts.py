"""Facts checked by an independent route: each expected value comes from the plan text itself (its boxes and
tables, parsed here with their own small readers) or from a checked table in tests/expected/, never from the
data or the code that built it."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLAN = (ROOT / "plan/dalian_14th_five_year_plan.txt").read_text(encoding="utf-8")
GEO = ROOT / "geodata"


def ns(text: str) -> str:
    return re.sub(r"\s+", "", text)


def features(layer: str) -> dict[str, dict]:
    data = json.loads((GEO / "layers" / f"{layer}.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["id"]: f["properties"] for f in data["features"]}


def box_bullets(number: int) -> dict[str, str]:
    """{label: text} of a box's ◆ bullets, read line by line from the plan."""
    start = re.search(rf"^专栏\s*{number}\s", PLAN, re.M).end()
    end = re.search(r"^专栏\s*\d+\s", PLAN[start:], re.M)
    block = PLAN[start: start + (end.start() if end else len(PLAN))]
    out = {}
    for line in block.splitlines():
        m = re.match(r"^-\s*◆\s*\*\*(.+?)[：:]?\*\*\s*[：:]?\s*(.+)$", line.strip())
        if m:
            out[m.group(1).strip("：: ")] = m.group(2).strip()
    return out


# ---------------------------------------------------------------- 专栏13: each district's own entry

BOX13_UNITS = {  # the entry's label in the plan → where the map carries it
    "中山区、西岗区、沙河口区": [("districts", "zhongshan"), ("districts", "xigang"), ("districts", "shahekou")],
    "甘井子区": [("districts", "ganjingzi")], "金普新区": [("districts", "jinzhou"), ("layout_functional_areas", "jinpu-new-area")],
    "高新区": [("layout_functional_areas", "gaoxin-zone")], "长兴岛经济区": [("layout_functional_areas", "changxingdao-zone")],
    "旅顺口区": [("districts", "lvshunkou")], "普兰店区": [("districts", "pulandian")], "瓦房店市": [("districts", "wafangdian")],
    "庄河市": [("districts", "zhuanghe")], "长海县": [("districts", "changhai")],
}


def test_box13_has_the_ten_entries_the_map_carries():
    assert set(box_bullets(13)) == set(BOX13_UNITS)


@pytest.mark.parametrize("label", sorted(BOX13_UNITS))
def test_each_unit_carries_its_own_box13_entry_word_for_word(label):
    text = box_bullets(13)[label]
    for layer, fid in BOX13_UNITS[label]:
        assert ns(features(layer)[fid]["function_zh"]) == ns(text), (layer, fid)


def test_district_english_functions_are_the_checked_translations():
    with (ROOT / "tests/expected/district_functions_en.csv").open(encoding="utf-8", newline="") as fh:
        expected = {r["adcode"]: r["function_en"] for r in csv.DictReader(fh)}
    got = {p["adcode"]: p["function_en"] for p in features("districts").values()}
    assert got == expected


# ---------------------------------------------------------------- 专栏14: each park's own row

PARK_CATEGORIES = {  # checked by hand against each row of 专栏14 and the “5+4+3+1” list of 第三章第一节
    "经济技术开发区": {"high_end_equipment", "new_gen_it", "new_materials", "life_safety"},
    "保税区": {"logistics", "new_gen_auto", "clean_energy"},
    "金石滩国家旅游度假区": {"culture_tourism"},
    "普湾经济区": {"green_petrochem", "new_gen_it", "logistics"},
    "高新技术产业园区": {"new_gen_it", "high_end_equipment", "life_safety", "clean_energy", "new_materials"},
    "长兴岛经济技术开发区": {"green_petrochem", "high_end_equipment", "commerce"},
    "金州湾临空经济区": {"logistics", "culture_tourism"},
    "大连湾临海装备制造业聚集区": {"high_end_equipment", "logistics"},
    "旅顺经济技术开发区": {"high_end_equipment", "new_materials", "new_gen_it", "logistics"},
    "旅顺太阳沟文化产业园区": {"culture_tourism"},
    "普兰店经济开发区": {"new_gen_auto", "high_end_equipment", "new_gen_it"},
    "皮杨中心产业区": {"consumer_goods"},
    "太平湾合作创新区": {"new_materials", "new_gen_auto", "life_safety", "logistics"},
    "瓦房店轴承产业开发区": {"high_end_equipment"},
    "北黄海经济开发区": {"high_end_equipment", "new_materials", "clean_energy", "life_safety", "culture_tourism"},
    "长山群岛海洋生态经济区": {"urban_agriculture", "consumer_goods", "culture_tourism"},
}


def parks() -> dict[str, dict]:
    return {p["name_zh"]: p for p in features("ind_parks").values()}


def test_every_park_of_box14_is_on_the_map():
    assert set(box_bullets(14)) == set(parks()) == set(PARK_CATEGORIES)


@pytest.mark.parametrize("name", sorted(PARK_CATEGORIES))
def test_each_park_carries_its_own_box14_row(name):
    row, park = box_bullets(14)[name], parks()[name]
    assert ns(park["function_zh"]) == ns(row)
    lead = row.split("重点发展", 1)[1]
    assert ns(park["leading_zh"]) in ns(lead.split("主导产业")[0]), park["leading_zh"]
    if park.get("featured_zh"):
        assert ns(park["featured_zh"]) in ns(lead.split("主导产业", 1)[1].split("特色产业")[0])
    assert set(park["industries"]) == PARK_CATEGORIES[name]


# ---------------------------------------------------------------- indicator table cells

def plan_table_cells(number: int) -> list[str]:
    """The printed cells after the indicator's name, up to its attribute (预期性/约束性), of row `number.`
    in the 14th-FYP table (第一章第三节)."""
    table = PLAN[PLAN.index("“十四五”时期经济社会发展主要指标"):]
    line = next(l for l in table.splitlines() if re.match(rf"^(?:\S+\t)?\s*{number}\.(?=\D)", l.strip()))
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    name_at = next(i for i, c in enumerate(cells) if re.match(rf"^{number}\.(?=\D)", c))
    # rows 14–15 share one target cell that the page break prints as “完成省下” / “达任务”
    return [MERGED_CELL if c in ("完成省下", "达任务") else c for c in cells[name_at + 1:] if c not in ("预期性", "约束性")]


MERGED_CELL = "完成省下达任务"


INDICATORS = json.loads((GEO / "tables/indicators.json").read_text(encoding="utf-8"))["plan_14th"]["rows"]


@pytest.mark.parametrize("row", INDICATORS, ids=[str(r["no"]) for r in INDICATORS])
def test_each_indicator_row_matches_its_printed_cells_in_order(row):
    values = [row[k] for k in ("value_2020", "target_2025", "avg_annual_growth") if row[k] not in (None, "")]
    assert [ns(v) for v in values] == [ns(c) for c in plan_table_cells(row["no"])]


@pytest.mark.parametrize("no,name,v2020,v2025", [
    (8, "城镇登记失业率", "3.4", "<4.5"), (18, "森林覆盖率", "41.5", "41.5"), (1, "地区生产总值增长", "0.9", ">6"),
    (3, "常住人口城镇化率", "78.8", ">80"), (13, "人均预期寿命", "81.5", "≥81.5"),
])
def test_indicator_cells_stated_here(no, name, v2020, v2025):
    row = next(r for r in INDICATORS if r["no"] == no)
    assert (row["name_zh"], row["value_2020"], row["target_2025"]) == (name, v2020, v2025)


# ---------------------------------------------------------------- ecological targets: each in its own sentence

TARGETS = json.loads((GEO / "tables/ecology_targets.json").read_text(encoding="utf-8"))
COMPARATOR_WORDS = [("不低于", "≥"), ("不高于", "≤"), ("以上", "≥"), ("低于", "<")]


def sentence_with(quote: str) -> str:
    flat = ns(PLAN)
    i = flat.index(ns(quote))
    start = max(flat.rfind(c, 0, i) for c in "。\n") + 1
    end = min(j for j in (flat.find("。", i), len(flat)) if j >= 0)
    return flat[start:end]


@pytest.mark.parametrize("target", TARGETS, ids=[t["id"] for t in TARGETS])
def test_each_ecological_target_is_the_number_of_its_own_sentence(target):
    quote = ns(target["quote_zh"])
    assert quote in ns(PLAN)
    number = float(re.findall(r"\d+(?:\.\d+)?", quote)[-1])
    assert target["value"] == number, (target["value"], quote)
    expected = next((sym for word, sym in COMPARATOR_WORDS if word in quote), "=")
    assert target["comparator"] == expected, quote
    assert ns(target["label_zh"])[:2] in sentence_with(target["quote_zh"])


@pytest.mark.parametrize("tid,value", [("forest-cover", 41.5), ("urban-green-cover", 44.9), ("pm25", 32),
                                       ("industrial-shoreline", 33), ("river-water-good", 64.2)])
def test_ecological_targets_stated_here(tid, value):
    assert next(t for t in TARGETS if t["id"] == tid)["value"] == value


# ---------------------------------------------------------------- names and box inventories

def test_every_feature_has_its_checked_english_name():
    with (ROOT / "tests/expected/english_names.csv").open(encoding="utf-8", newline="") as fh:
        expected = {(r["layer"], r["id"]): (r["name_zh"], r["name_en"]) for r in csv.DictReader(fh)}
    got = {}
    for path in sorted((GEO / "layers").glob("*.geojson")):
        for fid, p in features(path.stem).items():
            got[(path.stem, fid)] = (p["name_zh"], p["name_en"])
    missing = sorted(set(expected) - set(got))
    assert not missing, f"features the checked table expects but the data lacks: {missing}"
    wrong = {k: (got[k], expected[k]) for k in expected if got[k] != expected[k]}
    assert not wrong, wrong


@pytest.mark.parametrize("layer,names", [
    ("eco_protected", ["大连斑海豹国家级自然保护区", "辽宁蛇岛老铁山国家级自然保护区", "大连城山头海滨地貌国家级自然保护区",
                       "辽宁仙人洞国家级自然保护区", "三台乡湿地", "英那河湿地"]),
    ("eco_rivers", ["庄河", "碧流河", "英那河", "大沙河", "登沙河", "复州河"]),
    ("layout_clusters", ["旅顺组团", "普湾组团", "瓦房店组团", "长兴岛组团", "皮杨组团", "庄河组团", "长海组团"]),
    ("layout_core_cities", ["城市核心区", "文化老城", "创新新城", "枢纽新城", "智造新城"]),
    ("infra_transport_points", ["大连新机场", "北站客运枢纽", "大连站枢纽改造", "邮轮码头"]),
    ("infra_culture", ["英歌石科学城", "中山广场", "东关街"]),
])
def test_every_place_the_plan_names_is_present(layer, names):
    have = {p["name_zh"] for p in features(layer).values()}
    for name in names:
        assert name in have, name
        assert ns(name.removesuffix("湿地").removesuffix("水库")[:4]) in ns(PLAN), name


def test_schematic_features_say_so_in_both_languages():
    for path in sorted((GEO / "layers").glob("*.geojson")):
        for fid, p in features(path.stem).items():
            if p["geometry_basis"] == "schematic":
                assert p.get("geometry_note_zh") and p.get("geometry_note_en"), (path.stem, fid)


def test_indicator_english_names_are_the_checked_renderings():
    """Each indicator row keeps its own English name (a checked table: tests/expected/indicator_names_en.csv)."""
    tables = json.loads((GEO / "tables/indicators.json").read_text(encoding="utf-8"))
    got = [("plan_14th", str(r["no"]), r["name_zh"], r["name_en"]) for r in tables["plan_14th"]["rows"]]
    got += [("completion_13th", str(r["no"]),
             (r.get("indicator_zh") or "") + ("/" + r["sub_indicator_zh"] if r.get("sub_indicator_zh") else ""),
             (r.get("indicator_en") or "") + ("/" + r["sub_indicator_en"] if r.get("sub_indicator_en") else ""))
            for r in tables["completion_13th"]["rows"]]
    with (ROOT / "tests/expected/indicator_names_en.csv").open(encoding="utf-8", newline="") as fh:
        expected = [(r["table"], r["no"], r["name_zh"], r["name_en"]) for r in csv.DictReader(fh)]
    assert got == expected
