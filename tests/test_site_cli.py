"""`python -m layers site`: the same report as the page, as JSON (one entry per element) or Markdown, for a point
or a boundary file; bad input exits 2 with the reason in the chosen language."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from layers.__main__ import main
from layers.coords import parse_pair
from layers.site_report import point_report


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["site", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_point_as_json_matches_the_library(capsys):
    code, out, _ = run(capsys, "--lon", "121.13", "--lat", "38.74")
    assert code == 0
    data = json.loads(out)
    same = point_report(121.13, 38.74, parse_pair("121.13", "38.74").notes).as_dict()
    assert data == json.loads(json.dumps(same, ensure_ascii=False))
    first = data["elements"][0]
    assert (first["layer"], first["id"], first["relation"], first["source"]) == ("districts", "lvshunkou", "inside",
                                                                                 "专栏13")
    assert {"name_zh", "name_en", "distance_km"} <= first.keys()
    assert data["flags"][0]["id"] == "reserve-shedao-laotieshan"


def test_point_as_markdown_in_english(capsys):
    code, out, _ = run(capsys, "--lon", "121.45", "--lat", "39.58", "--format", "md", "--lang", "en")
    assert code == 0 and out.startswith("# Site report")
    assert "Wafangdian City" in out and "Changxing Island Economic Zone" in out


def test_text_position_and_gcj02(capsys):
    code, out, _ = run(capsys, "--at", "39°34′48″N 121°27′E", "--crs", "gcj02")
    assert code == 0 and json.loads(out)["notes"][0]["key"] == "sr_note_gcj02"


def test_boundary_file(capsys, tmp_path):
    path = tmp_path / "site.kml"
    ring = "121.10,38.73 121.16,38.73 121.16,38.78 121.10,38.78 121.10,38.73"
    path.write_text('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>老铁山 site</name><Polygon>'
                    f'<outerBoundaryIs><LinearRing><coordinates>{ring}</coordinates></LinearRing></outerBoundaryIs>'
                    '</Polygon></Placemark></kml>', encoding="utf-8")
    code, out, _ = run(capsys, "--boundary", str(path))
    data = json.loads(out)
    assert code == 0 and data["kind"] == "area" and data["site"]["name"] == "老铁山 site"
    assert any(e["relation"] == "overlaps" and e["area_km2"] > 0 and 0 < e["share"] <= 1 for e in data["elements"])
    assert any(f["id"] == "reserve-shedao-laotieshan" and f["flag"] == "conflict" for f in data["flags"])


@pytest.mark.parametrize("args, words", [
    (("--lon", "abc", "--lat", "38.9"), "不是有效数字"),
    (("--lon", "116.4", "--lat", "39.9"), "不在大连附近"),
    (("--lon", "121.6"), "需要两个坐标"),
    (("--boundary", "/no/such/file.geojson"), "找不到文件"),
])
def test_bad_input_exits_2_with_a_reason(capsys, args, words):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and words in err


def test_swapped_flags_are_put_right_and_said(capsys):
    code, out, _ = run(capsys, "--lon", "38.74", "--lat", "121.13", "--lang", "en")
    data = json.loads(out)
    assert code == 0 and (data["site"]["lon"], data["site"]["lat"]) == (121.13, 38.74)
    assert data["notes"][0]["key"] == "sr_note_swapped"


def test_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "layers", "site", "--lon", "121.70", "--lat", "38.97",
                          "--format", "md"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "一核两翼一基地" in out.stdout and "位于海上" in out.stdout
