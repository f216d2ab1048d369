"""Places are where they are on the ground: every located point rests on a cited reference record, and the
records are read here by an independent route (the raw CSV, GCJ-02 checked with the forward formula)."""
from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path

import prcoords
import pytest
from shapely.geometry import Point, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "sources" / "reference"
LAYERS = ROOT / "geodata" / "layers"
SEAT_TOLERANCE_KM = 1.0


def km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def raw_records() -> dict[str, dict[str, str]]:
    rows = {}
    for path in REFERENCE.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if "ref" in row and row.get("lon"):
                    rows[row["ref"]] = row
    return rows


RAW = raw_records()


def distance_to_record(lon: float, lat: float, ref: str) -> float:
    """km from a WGS-84 point to a record, comparing in the record's own datum (GCJ-02 by the forward formula)."""
    row = RAW[ref]
    if row["datum"] == "GCJ-02":
        g = prcoords.wgs_gcj((lat, lon))
        lat, lon = g.lat, g.lon
    else:
        assert row["datum"] == "WGS-84", ref
    return km(lon, lat, float(row["lon"]), float(row["lat"]))


def plan_features():
    catalog = json.loads((ROOT / "geodata/catalog.json").read_text(encoding="utf-8"))
    for entry in catalog["layers"]:
        if entry["file"].startswith("layers/") and entry.get("contract", "plan") == "plan":
            for f in json.loads((ROOT / "geodata" / entry["file"]).read_text(encoding="utf-8"))["features"]:
                yield entry["id"], f


LOCATED_POINTS = [(lid, f) for lid, f in plan_features()
                  if f["properties"]["geometry_basis"] == "located" and f["geometry"]["type"] in ("Point", "MultiPoint")]


def test_there_are_located_points():
    assert len(LOCATED_POINTS) >= 40


@pytest.mark.parametrize("layer,feat", LOCATED_POINTS, ids=[f["properties"]["id"] for _, f in LOCATED_POINTS])
def test_a_located_point_names_its_record_and_sits_within_tolerance(layer, feat):
    p = feat["properties"]
    assert p.get("ref"), f"{layer}/{p['id']} is 'located' but names no reference record"
    assert p.get("ref_datum") in ("WGS-84", "GCJ-02", "BD-09") and p.get("ref_license")
    refs = p["ref"].split()
    coords = [feat["geometry"]["coordinates"]] if feat["geometry"]["type"] == "Point" else feat["geometry"]["coordinates"]
    assert len(coords) == len(refs)
    tolerance = p.get("tolerance_km", SEAT_TOLERANCE_KM)
    for (lon, lat), ref in zip(coords, refs):
        assert ref in RAW, f"{ref} is not a row of sources/reference/*.csv"
        d = distance_to_record(lon, lat, ref)
        assert d <= tolerance, f"{p['id']} is {d:.2f} km from {ref} (tolerance {tolerance} km)"
    if "tolerance_km" in p:  # a proxy says so, in both languages
        assert "代表" in p["geometry_note_zh"] and "proxy" in p["geometry_note_en"].lower()


def box_text(number: int) -> str:
    plan = (ROOT / "plan/dalian_14th_five_year_plan.txt").read_text(encoding="utf-8")
    start = re.search(rf"^专栏\s*{number}\s", plan, re.M).start()
    end = re.search(r"^(专栏\s*\d+|第[一二三四五六七八九十]+[章节])", plan[start + 5:], re.M).start() + start + 5
    return plan[start:end]


def key_towns_of_box16() -> dict[str, str]:
    """{town name: type} read straight from the plan's Box 16."""
    towns = {}
    for names, kind in re.findall(r"重点发展(.+?)等(旅游型|工业型|商贸型)重点镇", re.sub(r"\s+", "", box_text(16))):
        for name in names.split("、"):
            towns[name] = kind
    return towns


def test_box16_names_thirteen_towns():
    assert len(key_towns_of_box16()) == 13


def seat_row(name: str) -> dict[str, str]:
    """The adcode row of a town by its own name (镇, 乡, 满族乡 or 街道), found independently of the data."""
    rows = [r for r in RAW.values() if r["ref"].startswith("adcode:") and r.get("level") == "town"
            and re.fullmatch(re.escape(name) + r"(镇|乡|满族乡|街道|街道办事处|办事处)", r["name_zh"])]
    assert len(rows) == 1, (name, [r["name_zh"] for r in rows])
    return rows[0]


def test_the_thirteen_key_towns_sit_at_their_seats_in_their_districts():
    towns = {f["properties"]["name_zh"]: f for f in
             json.loads((LAYERS / "infra_towns.geojson").read_text(encoding="utf-8"))["features"]}
    expected = key_towns_of_box16()
    assert set(towns) == set(expected)
    for name, kind in expected.items():
        feat, row = towns[name], seat_row(name)
        lon, lat = feat["geometry"]["coordinates"]
        d = distance_to_record(lon, lat, row["ref"])
        assert d <= SEAT_TOLERANCE_KM, f"{name} is {d:.1f} km from the seat of {row['name_zh']}"
        assert feat["properties"]["district"] == row["parent_code"][:6], name
        assert feat["properties"]["town_type_zh"].startswith(kind), name


def test_gcj02_conversion_of_a_known_point():
    """The builder's WGS-84 for a GCJ-02 record, pushed forward through the GCJ-02 formula, gives the record back
    (within 1 m), and the shift is the few hundred metres the formula predicts in Dalian."""
    from builder.references import load

    rec = load(REFERENCE)["adcode:210202000000"]  # 中山区 seat
    raw = RAW["adcode:210202000000"]
    g = prcoords.wgs_gcj((rec.lat, rec.lon))
    assert km(g.lon, g.lat, float(raw["lon"]), float(raw["lat"])) < 0.001
    shift = km(rec.lon, rec.lat, float(raw["lon"]), float(raw["lat"]))
    assert 0.3 < shift < 0.8
    assert rec.lon < float(raw["lon"])  # GCJ-02 is east of WGS-84 here


def test_hand_points_read_off_a_chinese_web_map_were_converted():
    """Central-city points declared GCJ-02 in the sources are shifted west in geodata (≈ 0.4–0.7 km)."""
    import yaml

    recs = yaml.safe_load((ROOT / "sources/layers/infra_culture.yaml").read_text(encoding="utf-8"))["features"]
    square = next(r for r in recs if r["id"] == "zhongshan-square")
    assert square["drawn_datum"] == "GCJ-02"
    gx, gy = square["geometry"]["point"]
    out = next(f for f in json.loads((LAYERS / "infra_culture.geojson").read_text(encoding="utf-8"))["features"]
               if f["properties"]["id"] == "zhongshan-square")
    lon, lat = out["geometry"]["coordinates"]
    assert 0.3 < km(lon, lat, gx, gy) < 0.8 and lon < gx


def land():
    d = json.loads((LAYERS / "districts.geojson").read_text(encoding="utf-8"))
    return unary_union([shape(f["geometry"]) for f in d["features"]])


def test_every_river_runs_inside_dalian_and_reaches_its_coast():
    dalian = land()
    for f in json.loads((LAYERS / "eco_rivers.geojson").read_text(encoding="utf-8"))["features"]:
        line = shape(f["geometry"])
        inside = line.intersection(dalian.buffer(0.001)).length / line.length
        assert inside > 0.99, f"{f['properties']['id']}: {100 * (1 - inside):.0f}% of the line lies outside Dalian"
        mouth = Point(line.coords[-1])
        assert dalian.boundary.distance(mouth) < 0.003, f"{f['properties']['id']} does not end on the coast"


def test_the_biliuhe_reservoir_point_is_its_dam_and_the_lake_lies_upstream():
    feats = {f["properties"]["id"]: f for f in
             json.loads((LAYERS / "eco_reservoirs.geojson").read_text(encoding="utf-8"))["features"]}
    p = feats["res-biliuhe"]
    lon, lat = p["geometry"]["coordinates"]
    assert distance_to_record(lon, lat, "grand:5913") < 0.1
    assert "以北" in p["properties"]["geometry_note_zh"] and "north" in p["properties"]["geometry_note_en"]


PINYIN = {  # checked by hand: the standard romanisation of each seat's proper name (polyphonic 长 = cháng)
    "seat-210281101000": "Fuzhoucheng", "seat-210224000000": "Changhai County", "seat-210212000000": "Lüshunkou District",
    "seat-210224100000": "Dachangshandao", "seat-210224201000": "Xiaochangshan", "seat-210283111000": "Changling",
    "seat-210214209000": "Lejia", "seat-210281009000": "Changxingdao", "seat-210283000000": "Zhuanghe City",
    "seat-210213029000": "Sanshilipu", "seat-210211017000": "Dalianwan",
}


def test_place_names_cover_every_seat_with_chinese_and_pinyin():
    places = {f["properties"]["id"]: f for f in
              json.loads((ROOT / "geodata/base/places.geojson").read_text(encoding="utf-8"))["features"]}
    seats = [r for r in RAW.values() if r["ref"].startswith("adcode:") and r.get("level") in ("county", "town")
             and r["name_zh"].endswith(("镇", "乡", "街道", "办事处", "区", "市", "县"))]
    assert len(seats) >= 140
    for row in seats:
        feat = places[f"seat-{row['code']}"]
        assert feat["properties"]["name_zh"] == row["name_zh"]
        lon, lat = feat["geometry"]["coordinates"]
        assert distance_to_record(lon, lat, row["ref"]) < 0.05
    for fid, name_en in PINYIN.items():
        assert places[fid]["properties"]["name_en"] == name_en
    assert {"黄海", "渤海", "大连湾", "长兴岛"} <= {f["properties"]["name_zh"] for f in places.values()}


def test_a_located_point_names_its_own_record_in_its_notes():
    """A reference swapped without its note (or the other way round) is a mistake: the notes cite the ref ids."""
    for layer, feat in LOCATED_POINTS:
        p = feat["properties"]
        for ref in p["ref"].split():
            assert ref in p["geometry_note_zh"] and ref in p["geometry_note_en"], (layer, p["id"], ref)


def test_reference_extracts_keep_their_sources_datum():
    """Vonng/adcode centres are AMap GCJ-02; the global datasets are WGS-84 (their READMEs say so)."""
    for row in RAW.values():
        expected = "GCJ-02" if row["ref"].startswith("adcode:") else "WGS-84"
        assert row["datum"] == expected, row["ref"]


def test_web_map_positions_are_declared_and_converted_together():
    """A note that says a position was read off a Chinese web map goes with drawn_datum in the source."""
    import yaml

    for path in sorted((ROOT / "sources/layers").glob("*.yaml")):
        for rec in yaml.safe_load(path.read_text(encoding="utf-8")).get("features", []):
            says = "GCJ-02" in rec.get("geometry_note_en", "") and "web map" in rec.get("geometry_note_en", "")
            assert says == ("drawn_datum" in rec), (path.name, rec["id"])
