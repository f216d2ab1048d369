"""The site report on places whose answer is known from the plan and the data (长兴岛, 老铁山, 大连湾 at sea,
碧流河水库's water-source area, a place far from everything, places outside Dalian), with distances checked by an
independent route (an azimuthal equidistant projection centred on the site, which keeps distances from its centre
true)."""
from __future__ import annotations

import pytest
from shapely.geometry import Point

from layers import load
from layers.notes import InputError
from layers.site_report import point_report
from layers.site_rules import RULES

CHANGXING = (121.45, 39.58)     # 长兴岛, the island of the 长兴岛经济区
LAOTIESHAN = (121.13, 38.74)    # 老铁山, the southern tip of the peninsula
DALIAN_BAY = (121.70, 38.97)    # 大连湾, open water between 甘井子 and the Jinzhou shore
BILIU = (122.51, 39.84)         # 碧流河水库, about 3 km up the reservoir from its dam
FAR = (122.40, 39.00)           # the Yellow Sea between the coast and the Changshan islands


def by_id(report, layer_id):
    return {e.feature_id: e for e in report.elements if e.layer_id == layer_id}


def aeqd_km(lon, lat, layer_id, feature_id):
    """Distance from (lon, lat) to a feature measured in an azimuthal equidistant projection centred there."""
    gdf = load(layer_id)
    crs = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    geom = gdf[gdf["id"] == feature_id].to_crs(crs).geometry.iloc[0]
    return Point(0, 0).distance(geom) / 1000


@pytest.fixture(scope="module")
def changxing():
    return point_report(*CHANGXING)


def test_changxing_island_district_function_and_zone(changxing):
    district = by_id(changxing, "districts")["wafangdian"]
    assert district.relation == "inside" and district.distance_km == 0
    assert district.source == "专栏13" and "轴承制造" in district.function_zh
    assert "轴承制造" in district.details["industries_zh"]
    assert district.certainty == "firm"
    zone = by_id(changxing, "layout_functional_areas")["changxingdao-zone"]
    assert zone.relation == "inside" and "世界级石化基地" in zone.function_zh and zone.source == "专栏13"
    assert zone.certainty == "schematic"  # the plan draws no boundary: the report says so


def test_changxing_island_layout_parks_and_no_conflict(changxing):
    assert by_id(changxing, "layout_areas")["xibu-area"].relation == "inside"
    assert by_id(changxing, "layout_zoning")["urbanisation-zone"].relation == "inside"
    cluster = by_id(changxing, "layout_clusters")["changxingdao-cluster"]
    assert cluster.relation == "nearest" and 0 < cluster.distance_km < 15
    parks = changxing.section("parks")
    assert parks[0].feature_id == "changxingdao-etdz"
    assert "绿色石化" in parks[0].details["leading_zh"] and parks[0].details["featured_zh"] == "大宗商品贸易"
    assert [p.distance_km for p in parks] == sorted(p.distance_km for p in parks)
    assert not changxing.at_sea
    assert not [e for e in changxing.flags if e.flag == "conflict"]


def test_laotieshan_is_flagged_as_a_nature_reserve():
    report = point_report(*LAOTIESHAN)
    assert by_id(report, "districts")["lvshunkou"].relation == "inside"
    assert by_id(report, "layout_areas")["lvshun-area"].relation == "inside"
    reserve = by_id(report, "eco_protected")["reserve-shedao-laotieshan"]
    assert reserve.flag == "conflict" and reserve.relation == "within" and reserve.distance_km < 0.5
    assert reserve.screen_km == 5.0 and reserve.source == "专栏20"
    assert report.flags[0].feature_id == "reserve-shedao-laotieshan"  # conflicts come first


def test_dalian_bay_is_at_sea_in_the_marine_core():
    report = point_report(*DALIAN_BAY)
    assert report.at_sea
    marine = report.section("marine")
    assert [e.feature_id for e in marine] == ["sea-core"] and marine[0].relation == "inside"
    assert "一核两翼一基地" in marine[0].function_zh
    assert by_id(report, "layout_bay_area")["dalianwan-bay-area"].relation == "inside"
    district = report.section("district")
    assert len(district) == 1 and district[0].relation == "nearest"  # at sea: the nearest district, not "inside"
    assert district[0].feature_id == "ganjingzi"


def test_water_source_reservoir_area_is_a_conflict():
    report = point_report(*BILIU)
    flagged = {e.feature_id: e for e in report.flags}
    assert flagged["res-biliuhe"].flag == "conflict" and flagged["res-biliuhe"].screen_km == 5.0
    assert flagged["northern-water-barrier"].flag == "conflict"
    assert by_id(report, "districts")["zhuanghe"].relation == "inside"  # the reservoir straddles 普兰店 and 庄河


def test_far_from_everything_says_so_without_flags():
    report = point_report(*FAR)
    assert report.at_sea and report.flags == ()
    assert not [e for e in report.elements if e.relation != "nearest"]
    ecology = report.section("ecology")
    assert ecology and all(e.distance_km > (e.screen_km or 0) for e in ecology)
    assert min(e.distance_km for e in report.section("parks")) > 25


@pytest.mark.parametrize("lon, lat", [(124.5, 38.0), (122.7, 40.3), (123.8, 38.5)])
def test_outside_dalian_is_refused_with_the_distance(lon, lat):
    with pytest.raises(InputError) as err:
        point_report(lon, lat)
    assert err.value.key == "sr_err_point_outside"
    assert "km" in err.value.message("en") and "公里" in err.value.message("zh")


@pytest.mark.parametrize("where, layer_id, feature_id", [
    (DALIAN_BAY, "districts", "ganjingzi"),
    (DALIAN_BAY, "ind_parks", "dalianwan-marine-equipment-cluster"),
    (CHANGXING, "ind_parks", "puwan-economic-zone"),
    (CHANGXING, "layout_core_cities", "zhizao-xincheng"),
    (BILIU, "eco_reservoirs", "res-biliuhe"),
    (FAR, "infra_towns", "town-chengzitan"),
])
def test_distances_are_true_distances(where, layer_id, feature_id):
    report = point_report(*where)
    element = by_id(report, layer_id)[feature_id]
    expected = aeqd_km(*where, layer_id, feature_id)
    assert element.distance_km == pytest.approx(expected, rel=0.003, abs=0.01)


def test_every_element_carries_what_the_command_prints():
    data = point_report(*CHANGXING).as_dict()
    for entry in data["elements"]:
        assert {"layer", "id", "name_zh", "name_en", "relation", "distance_km", "source"} <= entry.keys()
        assert entry["relation"] in ("inside", "overlaps", "within", "nearest")
    assert data["site"]["crs"].startswith("EPSG:4326")


def test_rules_name_real_layers_and_strings():
    from layers.catalog import get_spec
    from layers.i18n import strings

    for rule in RULES:
        get_spec(rule.layer)
        assert f"sr_section_{rule.section}" in strings()
        assert not rule.label or rule.label in strings()
        assert rule.mode != "within" or rule.distance_km


def test_a_broken_layer_is_named_and_the_rest_still_reported(geodata_copy):
    (geodata_copy / "layers" / "eco_reservoirs.geojson").write_text("{\"type\": \"Feat", encoding="utf-8")
    report = point_report(*BILIU)
    assert not by_id(report, "eco_reservoirs")
    assert by_id(report, "districts")["zhuanghe"].relation == "inside"  # the reservoir straddles 普兰店 and 庄河
    assert any(n.key == "sr_note_layers_missing" and "eco_reservoirs" in n.text("en") for n in report.notes)


def test_point_to_point_distance_is_the_ellipsoidal_geodesic():
    from pyproj import Geod

    park = load("ind_parks").set_index("id").geometry["changxingdao-etdz"]
    _, _, metres = Geod(ellps="WGS84").inv(*CHANGXING, park.x, park.y)
    element = by_id(point_report(*CHANGXING), "ind_parks")["changxingdao-etdz"]
    assert element.distance_km == pytest.approx(metres / 1000, abs=0.001)
