"""Cut sources/reference/places_dalian.csv from the NGA World Port Index (Pub. 150).

Usage:  python cut_places_dalian.py WPI_CSV > places_dalian.csv

WPI_CSV  the World Port Index table as CSV (NGA "UpdatedPub150" layout: columns
         "World Port Index Number", "Main Port Name", "Alternate Port Name", "UN/LOCODE",
         "Harbor Size", "Harbor Type", ..., "Latitude", "Longitude"), e.g. WPI.csv in the
         repository JamesRexMiller4/shapely_tut.
Nothing is downloaded.

Kept: 120.8 <= Longitude <= 123.9 and 38.6 <= Latitude <= 40.3, bounds inclusive.
lon/lat: the source value rounded to 6 decimals (this CSV copy writes binary-float noise such as
"121.049999999999997"; rounding to 1e-6 deg, about 0.1 m, only removes that noise). WGS-84 decimal
degrees. WPI positions are given to the nearest arc-minute (about +-1 km) and mark the port as a
whole (its reference point/anchorage), not a terminal.
name = "Main Port Name". name_zh is NOT in the source: it is filled from the small table
NAME_ZH below (an editorial gloss by the extractor) and left empty otherwise.
kind = "port". Rows sorted by World Port Index Number.
"""
from __future__ import annotations

import csv
import sys

from cutlib import cli, inside

HEADER = ["ref", "name", "name_zh", "kind", "lon", "lat", "datum", "source", "licence"]
SOURCE = "NGA World Port Index (Pub. 150)"
LICENCE = "Public domain (US Government work, NGA; approved for public release)"
NAME_ZH = {"60250": "大连港", "60240": "旅顺港", "60230": "鲅鱼圈港"}


def tidy(value: float) -> str:
    return repr(round(value, 6))


def wpi_number(value: str) -> str:
    value = value.strip()
    return value[:-2] if value.endswith(".0") else value


def cut(path: str) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            if not inside(r["Longitude"], r["Latitude"]):
                continue
            lon, lat = tidy(float(r["Longitude"])), tidy(float(r["Latitude"]))
            num = wpi_number(r["World Port Index Number"])
            rows.append([f"wpi:{num}", r["Main Port Name"].strip(), NAME_ZH.get(num, ""), "port",
                         lon, lat, "WGS-84", SOURCE, LICENCE])
    return sorted(rows, key=lambda row: int(row[0].split(":")[1]))


def main(argv: list[str]) -> int:
    return cli(__doc__, argv, 1, 1, HEADER, lambda args: cut(args[0]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
