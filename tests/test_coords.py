"""Typed coordinates: decimal degrees and DMS in either order (tests/cases/coords.json, shared with the map's
go-to box in static/js/geo.js), swapped/out of range/not numbers refused or put right with a note, and the
GCJ-02 and CGCS2000 conversions."""
from __future__ import annotations

import json

import prcoords
import pytest

from conftest import ROOT
from layers.coords import format_dms, parse, parse_pair, parse_site_param, to_wgs84
from layers.notes import InputError

CASES = json.loads((ROOT / "tests" / "cases" / "coords.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["ok"], ids=lambda c: c["text"])
def test_accepted(case):
    got = parse(case["text"])
    assert got.lon == pytest.approx(case["lon"], abs=1e-5) and got.lat == pytest.approx(case["lat"], abs=1e-5)
    assert ("sr_note_swapped" in [n.key for n in got.notes]) == case.get("swapped", False)
    assert "sr_note_wgs84" in [n.key for n in got.notes]  # WGS-84 is assumed and said


@pytest.mark.parametrize("case", CASES["refused"], ids=lambda c: c["text"] or "empty")
def test_refused_with_a_message(case):
    with pytest.raises(InputError) as err:
        parse(case["text"])
    assert err.value.key == case["key"]
    for lang in ("zh", "en"):
        assert not err.value.message(lang).startswith("[")  # a real sentence in both languages


def test_swapped_pair_is_put_right_and_said():
    got = parse_pair("38.9", "121.6")
    assert (got.lon, got.lat) == (121.6, 38.9)
    note = next(n for n in got.notes if n.key == "sr_note_swapped")
    assert "121.6" in note.text("en") and "38.9" in note.text("zh")


@pytest.mark.parametrize("lon, lat, key", [("abc", "38.9", "sr_err_coord_number"), ("nan", "38.9", "sr_err_coord_number"),
                                           ("inf", "38.9", "sr_err_coord_number"), ("121.6", "95", "sr_err_lat_range"),
                                           ("121.6", "", "sr_err_coord_number"), (None, "38.9", "sr_err_coord_number"),
                                           ("10", "10", "sr_err_coord_outside")])
def test_bad_pairs(lon, lat, key):
    with pytest.raises(InputError) as err:
        parse_pair(lon, lat)
    assert err.value.key == key


@pytest.mark.parametrize("value", ["121.6", "121.6,38.9,1", "a,b", "121.6,", "1e400,38"])
def test_bad_site_parameter(value):
    with pytest.raises(InputError):
        parse_site_param(value)


def test_gcj02_is_converted_with_prcoords():
    wgs = (121.6, 38.9)
    gcj = prcoords.wgs_gcj((wgs[1], wgs[0]))
    got = parse(f"{gcj.lon}, {gcj.lat}", datum="gcj02")
    assert got.lon == pytest.approx(wgs[0], abs=2e-6) and got.lat == pytest.approx(wgs[1], abs=2e-6)
    assert [n.key for n in got.notes] == ["sr_note_gcj02"]
    assert abs(gcj.lon - wgs[0]) > 0.003  # the offset is real (~500 m), so skipping the conversion would show


def test_cgcs2000_is_taken_as_wgs84_and_said():
    got = to_wgs84(121.6, 38.9, "cgcs2000")
    assert (got.lon, got.lat) == (121.6, 38.9) and [n.key for n in got.notes] == ["sr_note_cgcs2000"]
    with pytest.raises(InputError):
        to_wgs84(121.6, 38.9, "bd09")


def test_dms_formatting_round_trips():
    text = f"{format_dms(38.908333, 'lat')} {format_dms(121.604167, 'lon')}"
    assert text == "38°54′30.0″N 121°36′15.0″E"
    assert parse(text).lat == pytest.approx(38.908333, abs=1e-5)
