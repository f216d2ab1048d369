"""The map's measure and go-to tools (static/js/geo.js): true lengths and areas against pyproj's ellipsoidal
geodesics, and the same coordinate rules as layers/coords.py (tests/cases/coords.json). Each check runs under Node
when it is installed, and in headless Chromium (marked browser) so a machine without Node still checks it."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from pyproj import Geod
from shapely.geometry import Polygon

from conftest import ROOT
from layers.coords import MAX_TEXT, REGION_BOX

GEO_JS = ROOT / "static" / "js" / "geo.js"
NODE = shutil.which("node") or shutil.which("nodejs")
GEOD = Geod(ellps="WGS84")
PATHS = [[(121.6, 38.9), (121.7, 38.9)], [(121.13, 38.74), (121.45, 39.58), (122.51, 39.84), (123.0, 39.9)],
         [(121.6, 38.9), (121.6000001, 38.9)]]
RINGS = [[(121.6, 38.9), (121.7, 38.9), (121.7, 39.0), (121.6, 39.0)],
         [(121.40, 39.50), (121.55, 39.52), (121.60, 39.65), (121.47, 39.70), (121.38, 39.61)],
         [(122.0, 39.0), (123.2, 39.1), (122.9, 40.1)],
         [(121.60, 38.90), (121.601, 38.90), (121.601, 38.901)]]


@pytest.fixture(params=["node", pytest.param("chromium", marks=pytest.mark.browser)])
def run_js(request):
    """A function that evaluates a JS expression (with geo.js as G) and returns its JSON value."""
    if request.param == "node":
        if NODE is None:
            pytest.skip("node is not installed (the chromium variant checks geo.js)")

        def run(expr: str):
            code = f"const G = require({json.dumps(str(GEO_JS))});\nconsole.log(JSON.stringify({expr}));"
            out = subprocess.run([NODE, "-e", code], capture_output=True, text=True, timeout=60, check=True)
            return json.loads(out.stdout)
        return run
    page = request.getfixturevalue("browser").new_page()
    page.set_content("<!DOCTYPE html><meta charset='utf-8'><title>geo.js</title>")
    page.add_script_tag(path=str(GEO_JS))
    request.addfinalizer(page.close)
    return lambda expr: page.evaluate(f"() => {{ const G = window.PlanGeo; return JSON.parse(JSON.stringify({expr})); }}")


def test_lengths_match_the_ellipsoid(run_js):
    got = run_js(f"{json.dumps(PATHS)}.map(G.pathLength)")
    for path, metres in zip(PATHS, got):
        expected = GEOD.line_length([p[0] for p in path], [p[1] for p in path])
        assert metres == pytest.approx(expected, rel=1e-6, abs=0.01)


def test_areas_match_the_ellipsoid(run_js):
    got = run_js(f"{json.dumps(RINGS)}.map(G.area)")
    for ring, m2 in zip(RINGS, got):
        expected = abs(GEOD.geometry_area_perimeter(Polygon(ring))[0])
        assert m2 == pytest.approx(expected, rel=1e-3)


def test_formats(run_js):
    got = run_js("[G.formatLength(850.4), G.formatLength(12345), G.formatArea(5000), G.formatArea(250000),"
                 " G.formatArea(96235522), G.formatDMS(38.908333, 'lat')]")
    assert got == ["850 m", "12.3 km", "5000 m²", "25.00 ha", "96.24 km²", "38°54′30.0″N"]


def test_parsing_follows_the_python_rules(run_js):
    cases = json.loads((ROOT / "tests" / "cases" / "coords.json").read_text(encoding="utf-8"))
    region = json.dumps(list(REGION_BOX))
    one = f"(t) => {{ try {{ return G.parse(t, {region}, {MAX_TEXT}); }} catch (e) {{ return {{error: e.key}}; }} }}"
    got = run_js(f"(() => {{ const f = {one}; return {{ok: {json.dumps([c['text'] for c in cases['ok']], ensure_ascii=False)}.map(f),"
                 f" refused: {json.dumps([c['text'] for c in cases['refused']], ensure_ascii=False)}.map(f)}}; }})()")
    for case, result in zip(cases["ok"], got["ok"]):
        assert "error" not in result, (case, result)
        assert result["lon"] == pytest.approx(case["lon"], abs=1e-5) and result["lat"] == pytest.approx(case["lat"], abs=1e-5)
        assert result["swapped"] == case.get("swapped", False), case
    assert [r.get("error") for r in got["refused"]] == [c["key"] for c in cases["refused"]]


def test_messages_fill_their_parameters_as_text(run_js):
    got = run_js("G.message({k: 'at {lon} / {lat} {missing}'}, {key: 'k', params: {lon: '<b>1</b>', lat: 2}})")
    assert got == "at <b>1</b> / 2 {missing}"  # plain text: the tool sets it with textContent
