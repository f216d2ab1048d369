"""The cut scripts of sources/reference/ keep what their docstrings say, and share one Dalian box.

Each cutter is run as a visitor runs it (`python sources/reference/cut_x.py ...`, a subprocess) on a few
synthetic rows written to tmp_path: one well inside the box, one on each corner of it (bounds are
inclusive), one just outside, one with a coordinate that is not a number. The header must be the one of
the committed extract, so a cutter cannot drift from the CSV the builder reads."""
from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "sources" / "reference"
CUTTERS = sorted(REFERENCE.glob("cut_*.py"))
BOX_CUTTERS = [p for p in CUTTERS if p.name != "cut_adcode.py"]  # adcode is cut by statistical code


def load_cutlib():
    spec = importlib.util.spec_from_file_location("cutlib", REFERENCE / "cutlib.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cut(script: str, *args: Path | str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> list[list[str]]:
    """Run one cutter; its stdout as CSV rows (header first), checked to be UTF-8 with "\\n" line ends."""
    done = subprocess.run([sys.executable, str(REFERENCE / script), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"\r" not in done.stdout
    text = done.stdout.decode("utf-8")
    assert text.endswith("\n")
    return list(csv.reader(text.splitlines()))


def committed_header(extract: str) -> list[str]:
    with (REFERENCE / extract).open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]], encoding: str = "utf-8", **fmt) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.DictWriter(fh, header, restval="", **fmt)
        w.writeheader()
        w.writerows(rows)
    return path


# (lon, lat) as a source writes them: kept, kept, kept, dropped, dropped, dropped.
POINTS = {"in": ("121.6", "38.9"), "sw": ("120.8", "38.6"), "ne": ("123.9", "40.3"),
          "east": ("123.9001", "39.5"), "south": ("121.6", "38.5999"), "nan": ("n/a", "39.0")}
KEPT = ["in", "ne", "sw"]


def test_one_box_lives_in_cutlib_and_no_cutter_redefines_it():
    cutlib = load_cutlib()
    assert (cutlib.LON, cutlib.LAT) == ((120.8, 123.9), (38.6, 40.3))
    assert len(CUTTERS) == 7
    for path in CUTTERS:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(LON|LAT)\s*=", text, re.M), f"{path.name} defines its own box"
        code = text.split('"""', 2)[2]  # past the module docstring, which states the box in words
        assert not re.search(r"\b(LON|LAT)\b|120\.8|123\.9|38\.6|40\.3", code), f"{path.name} keeps a box of its own"
        assert "from cutlib import" in text
    for path in BOX_CUTTERS:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^from cutlib import .*\binside\b", text, re.M), path.name
        # the usage text states the box; it must be cutlib's box
        m = re.search(r"([\d.]+) <= \w+ <= ([\d.]+) and ([\d.]+) <= \w+ <= ([\d.]+)", text)
        assert m, f"{path.name}: docstring does not state the box"
        assert tuple(map(float, m.groups())) == (*cutlib.LON, *cutlib.LAT), f"{path.name}: docstring box is stale"


def test_inside_reads_text_and_numbers_and_includes_the_bounds():
    inside = load_cutlib().inside
    assert inside("121.6", "38.9") and inside(121.6, 38.9) and inside(" 121.6 ", "38.9")
    assert inside(120.8, 38.6) and inside("123.9", "40.3")
    assert not inside(123.9001, 39.5) and not inside("121.6", "38.5999") and not inside(-121.6, 38.9)
    for bad in ("", "n/a", None, "nan", "inf"):
        assert not inside(bad, "39.0") and not inside("121.6", bad)


def test_airports(tmp_path):
    oa_header = ["id", "ident", "type", "name", "latitude_deg", "longitude_deg", "elevation_ft", "municipality",
                 "gps_code", "iata_code"]
    oa = [{"id": str(i), "ident": f"ZY{k.upper()}", "type": "small_airport", "name": f"Field {k}",
           "latitude_deg": lat, "longitude_deg": lon, "municipality": "Dalian", "gps_code": f"ZY{k.upper()}"}
          for i, (k, (lon, lat)) in enumerate(POINTS.items())]
    plain = write_csv(tmp_path / "airports.csv", oa_header, oa)
    packed = tmp_path / "airports.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    ad = write_csv(tmp_path / "ad.csv", ["icao", "iata", "name", "city", "lat", "lon", "elevation"],
                   [{"icao": "ZYTL", "iata": "DLC", "name": "Zhoushuizi", "city": "Dalian", "lat": "38.965667",
                     "lon": "121.538600", "elevation": "107"},
                    {"icao": "ZYTX", "iata": "SHE", "name": "Taoxian", "city": "Shenyang", "lat": "41.6398",
                     "lon": "123.483", "elevation": "198"}])
    rows = cut("cut_airports_dalian.py", packed, ad)
    assert rows[0] == committed_header("airports_dalian.csv")
    assert [r[0] for r in rows[1:]] == ["ourairports:ZYIN", "ourairports:ZYNE", "ourairports:ZYSW",
                                        "airportsdata:ZYTL"]
    assert rows[1][9:11] == ["121.6", "38.9"] and rows[4][9:11] == ["121.538600", "38.965667"]
    assert cut("cut_airports_dalian.py", plain) == rows[:4]


def test_dams(tmp_path):
    # GRanD as igseg/water keeps it: ';' separated, decimal commas, a BOM, CRLF
    header = ["GRAND_ID", "RES_NAME", "DAM_NAME", "ALT_NAME", "RIVER", "NEAR_CITY", "ADMIN_UNIT", "YEAR",
              "DAM_HGT_M", "CAP_MCM", "AREA_SKM", "QUALITY", "LONG_DD", "LAT_DD"]
    recs = [{"GRAND_ID": str(10 - i), "RES_NAME": f"Res {k}", "DAM_NAME": "" if k == "in" else f"Dam {k}",
             "DAM_HGT_M": "50,5", "CAP_MCM": "-99", "LONG_DD": lon.replace(".", ","), "LAT_DD": lat.replace(".", ",")}
            for i, (k, (lon, lat)) in enumerate(POINTS.items())]
    src = write_csv(tmp_path / "GRanD_dams_v1_1.csv", header, recs, encoding="utf-8-sig", delimiter=";",
                    lineterminator="\r\n")
    rows = cut("cut_dams_dalian.py", src)
    assert rows[0] == committed_header("dams_dalian.csv")
    assert [(r[0], r[1], r[15], r[16], r[10]) for r in rows[1:]] == [
        ("grand:8", "Dam ne", "123.9", "40.3", "50.5"),
        ("grand:9", "Dam sw", "120.8", "38.6", "50.5"),
        ("grand:10", "Res in", "121.6", "38.9", "50.5")]


def test_geonames(tmp_path):
    cities = {str(100 + i): {"geonameid": 100 + i, "name": f"Town {k}", "longitude": float(lon) if k != "nan" else lon,
                             "latitude": float(lat), "population": 1000 + i, "alternatenames": ["大连", "Dalian", "大連市x"]}
              for i, (k, (lon, lat)) in enumerate(POINTS.items())}
    src = tmp_path / "cities1000.json"
    src.write_text(json.dumps(cities, ensure_ascii=False), encoding="utf-8")
    txt = tmp_path / "cities1000.txt"
    txt.write_text("100\tTown in\tTown in\t\t38.9\t121.6\tP\tPPLA2\tCN\n", encoding="utf-8")
    rows = cut("cut_geonames.py", src, txt)
    assert rows[0] == committed_header("geonames_dalian.csv")
    assert rows[1:] == [["geonames:100", "100", "Town in", "大连", "121.6", "38.9", "1000", "PPLA2", "WGS-84"],
                        ["geonames:101", "101", "Town sw", "大连", "120.8", "38.6", "1001", "", "WGS-84"],
                        ["geonames:102", "102", "Town ne", "大连", "123.9", "40.3", "1002", "", "WGS-84"]]


def test_nuclear(tmp_path):
    header = ["Id", "Name", "Latitude", "Longitude", "Country", "Status", "ReactorType", "ReactorModel",
              "ConstructionStartAt", "OperationalFrom", "OperationalTo", "Capacity", "LastUpdatedAt", "IAEAId"]
    recs = [{"Id": str(20 - i), "Name": f"Unit {k}", "Latitude": lat, "Longitude": lon, "Capacity": "1061"}
            for i, (k, (lon, lat)) in enumerate(POINTS.items())]
    rows = cut("cut_nuclear_dalian.py", write_csv(tmp_path / "npp.csv", header, recs, encoding="utf-8-sig"))
    assert rows[0] == committed_header("nuclear_dalian.csv")
    assert [(r[0], r[12], r[13]) for r in rows[1:]] == [
        ("geonuclear:18", "123.9", "40.3"), ("geonuclear:19", "120.8", "38.6"), ("geonuclear:20", "121.6", "38.9")]


def test_places(tmp_path):
    header = ["World Port Index Number", "Main Port Name", "Latitude", "Longitude"]
    recs = [{"World Port Index Number": f"{60200 + i}.0", "Main Port Name": f" Port {k} ", "Latitude": lat,
             "Longitude": lon} for i, (k, (lon, lat)) in enumerate(POINTS.items())]
    recs.append({"World Port Index Number": "60250.0", "Main Port Name": "DALIAN",
                 "Latitude": "38.916666666666664", "Longitude": "121.649999999999997"})
    rows = cut("cut_places_dalian.py", write_csv(tmp_path / "WPI.csv", header, recs, encoding="utf-8-sig"),
               cwd=REFERENCE,  # also run from the script's own folder,
               env={**os.environ, "PYTHONIOENCODING": "latin-1"})  # and the CSV is UTF-8 whatever the locale
    assert rows[0] == committed_header("places_dalian.csv")
    assert [r[:6] for r in rows[1:]] == [["wpi:60200", "Port in", "", "port", "121.6", "38.9"],
                                         ["wpi:60201", "Port sw", "", "port", "120.8", "38.6"],
                                         ["wpi:60202", "Port ne", "", "port", "123.9", "40.3"],
                                         ["wpi:60250", "DALIAN", "大连港", "port", "121.65", "38.916667"]]


def test_power_plants(tmp_path):
    header = ["country", "name", "gppd_idnr", "capacity_mw", "latitude", "longitude", "primary_fuel",
              "commissioning_year", "owner", "source", "geolocation_source"]
    recs = [{"country": "CHN", "name": f"Plant {k}", "gppd_idnr": f"WRI10{i}", "capacity_mw": "100",
             "latitude": lat, "longitude": lon} for i, (k, (lon, lat)) in enumerate(POINTS.items())]
    rows = cut("cut_power_plants_dalian.py", write_csv(tmp_path / "gppd.csv", header, recs, encoding="utf-8-sig"))
    assert rows[0] == committed_header("power_plants_dalian.csv")
    assert [(r[0], r[9], r[10]) for r in rows[1:]] == [
        ("gppd:WRI100", "121.6", "38.9"), ("gppd:WRI101", "120.8", "38.6"), ("gppd:WRI102", "123.9", "40.3")]


def test_adcode_cuts_by_code_not_by_box(tmp_path):
    def rec(code: str, level: str, lon: str, lat: str, virtual: str = "f") -> list[str]:
        return [code, code[:6], f"地{code[-3:]}", level, "", "", "", "", "", "", virtual, "", lon, lat] + [""] * 6
    county = tmp_path / "210281.csv"
    with county.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([
            rec("210281101000", "town", "125.0", "39.7"),            # outside the box: kept (cut by code)
            rec("210281100000", "town", "122.0", "39.6"),
            rec("210281102000", "town", "", "39.6"),                 # no position: dropped
            rec("210281103000", "town", "122.0", "39.6", "t"),       # virtual: dropped
            rec("210281100201", "village", "122.1", "39.5"),
            rec("210381100000", "town", "122.0", "40.0")])            # not Dalian's code: dropped
    rows = cut("cut_adcode.py", tmp_path)
    assert rows[0] == committed_header("adcode_dalian.csv")
    assert [r[0] for r in rows[1:]] == ["adcode:210281100000", "adcode:210281101000"]
    assert rows[1] == ["adcode:210281100000", "210281100000", "地000", "town", "210281", "122.0", "39.6", "GCJ-02"]
    villages = cut("cut_adcode.py", "--villages", county)
    assert villages[0] == committed_header("adcode_dalian_villages.csv")
    assert [r[0] for r in villages[1:]] == ["adcode:210281100201"]


@pytest.mark.parametrize("script, args", [("cut_adcode.py", []), ("cut_airports_dalian.py", ["a", "b", "c"]),
                                          ("cut_nuclear_dalian.py", [])])
def test_misuse_prints_the_usage_and_exits_2(script, args):
    done = subprocess.run([sys.executable, str(REFERENCE / script), *args], capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.lstrip().startswith("Cut sources/reference/") and "Usage:" in done.stderr
