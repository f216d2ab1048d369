"""Area reports: overlaps with true areas and shares, point features inside, lines crossing, conflicts flagged,
and polygons that cannot be used (outside Dalian, too big, crossing themselves) handled with a message."""
from __future__ import annotations

import pytest
from pyproj import Geod
from shapely.geometry import Point, Polygon, box

from layers import load
from layers.geodesy import to_lonlat, to_metric
from layers.notes import InputError
from layers.site_report import area_report

GEOD = Geod(ellps="WGS84")


def square(lon: float, lat: float, km: float = 10.0) -> Polygon:
    """A km × km square (true size, drawn in UTM) centred on lon/lat."""
    return to_lonlat(to_metric(Point(lon, lat)).buffer(km * 500, cap_style="square"))


def elements(report, layer_id):
    return {e.feature_id: e for e in report.elements if e.layer_id == layer_id}


@pytest.fixture(scope="module")
def straddling():
    """100 km² across the 甘井子/金州 line north of the bay, crossing the spine and metro lines."""
    return area_report(square(121.60, 39.05))


def test_site_area_is_the_ellipsoidal_area(straddling):
    expected = abs(GEOD.geometry_area_perimeter(square(121.60, 39.05))[0]) / 1e6
    assert straddling.area_km2 == pytest.approx(expected, rel=1e-9)
    assert straddling.area_km2 == pytest.approx(100.0, rel=0.002)  # UTM's scale error here is ~0.02 %


def test_overlaps_have_area_and_share(straddling):
    districts = elements(straddling, "districts")
    assert set(districts) == {"ganjingzi", "jinzhou"}
    for e in districts.values():
        assert e.relation == "overlaps" and e.share == pytest.approx(e.area_km2 / straddling.area_km2)
    # independent route: the same intersection in an equal-area projection
    laea = "+proj=laea +lat_0=39.05 +lon_0=121.60 +datum=WGS84 +units=m"
    gdf = load("districts").set_index("id").to_crs(laea)
    site = load("districts").iloc[:0].set_geometry([square(121.60, 39.05)], crs=4326).to_crs(laea).geometry.iloc[0]
    for fid, e in districts.items():
        assert e.area_km2 == pytest.approx(gdf.geometry[fid].intersection(site).area / 1e6, rel=0.002)
    land = sum(e.share for e in districts.values())
    assert 0.5 < land < 1.0  # the rest of the square is sea


def test_lines_crossing_and_points_inside(straddling):
    spine = elements(straddling, "eco_spine")["eco-spine"]
    assert spine.relation == "overlaps" and spine.length_km > 0 and spine.flag == "caution"
    metro = [e for e in straddling.section("projects") if e.layer_id == "infra_transport_lines" and e.relation == "overlaps"]
    assert {e.feature_id for e in metro} >= {"metro-1-phase3", "metro-13-phase2"}
    assert all(0 < e.length_km <= 10 * 2 ** 0.5 for e in metro)  # no longer than the square's diagonal
    park = elements(straddling, "ind_parks")["jinzhouwan-airport-economic-zone"]
    assert park.relation == "inside" and park.distance_km == 0


def test_reserve_inside_the_site_is_a_conflict():
    report = area_report(square(121.15, 38.77))
    reserve = elements(report, "eco_protected")["reserve-shedao-laotieshan"]
    assert reserve.relation == "inside" and reserve.flag == "conflict"
    assert report.flags[0] is reserve


def test_water_source_area_overlap_is_a_conflict():
    report = area_report(square(122.50, 39.86))
    zone = elements(report, "layout_zoning")["northern-water-barrier"]
    assert zone.flag == "conflict" and zone.relation == "inside" and zone.share == pytest.approx(1.0)
    assert elements(report, "eco_reservoirs")["res-biliuhe"].flag == "conflict"
    shares = [e.share for e in report.section("district")]
    assert sum(shares) == pytest.approx(1.0, abs=0.01)  # on land, split between 普兰店 and 庄河


def test_site_partly_at_sea_reports_the_marine_structure():
    report = area_report(square(121.15, 38.77))
    marine = report.section("marine")
    assert marine and marine[0].relation == "overlaps" and 0 < marine[0].share < 1


@pytest.mark.parametrize("geom, key", [
    (box(116.3, 39.8, 116.5, 40.0), "sr_err_area_outside"),        # Beijing
    (box(124.4, 37.9, 124.6, 38.1), "sr_err_area_outside"),        # the open Yellow Sea
    (box(120.5, 38.5, 123.5, 40.5), "sr_err_polygon_big"),
    (Point(121.6, 38.9), "sr_err_polygon_needed"),
    (Polygon(), "sr_err_polygon_needed"),
])
def test_unusable_areas(geom, key):
    with pytest.raises(InputError) as err:
        area_report(geom)
    assert err.value.key == key


def test_self_intersecting_drawing_is_repaired():
    bowtie = Polygon([(121.60, 39.00), (121.70, 39.08), (121.70, 39.00), (121.60, 39.08)])
    report = area_report(bowtie)
    assert any(n.key == "sr_note_repaired" for n in report.notes)
    assert report.area_km2 == pytest.approx(abs(GEOD.geometry_area_perimeter(box(121.6, 39.0, 121.7, 39.08))[0])
                                            / 2e6, rel=0.01)
