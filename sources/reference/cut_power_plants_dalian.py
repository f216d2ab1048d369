"""Cut sources/reference/power_plants_dalian.csv from the WRI Global Power Plant Database v1.3.0.

Usage:  python cut_power_plants_dalian.py GLOBAL_POWER_PLANT_DATABASE_CSV > power_plants_dalian.csv

GLOBAL_POWER_PLANT_DATABASE_CSV  global_power_plant_database.csv, release 1.3.0 (34,936 plants,
                 36 columns: country, country_long, name, gppd_idnr, capacity_mw, latitude, longitude,
                 primary_fuel, ..., commissioning_year, owner, source, url, geolocation_source, ...).
                 Columns are looked up by name, so any file with those column names works
                 (also a partial copy holding only some rows).
Nothing is downloaded.

Kept: 120.8 <= longitude <= 123.9 and 38.6 <= latitude <= 40.3, bounds inclusive.
lon/lat are copied as the source writes them (WGS-84 decimal degrees, 4 decimals in v1.3.0).
Rows are sorted by gppd_idnr.
"""
from __future__ import annotations

import csv
import sys

from cutlib import cli, inside

HEADER = ["ref", "name", "gppd_idnr", "capacity_mw", "primary_fuel", "commissioning_year",
          "owner", "gppd_source", "geolocation_source", "lon", "lat", "datum", "source", "licence"]
SOURCE = "WRI Global Power Plant Database v1.3.0"
LICENCE = "CC BY 4.0"


def cut(path: str) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            lon, lat = r["longitude"], r["latitude"]
            if not inside(lon, lat):
                continue
            rows.append([f"gppd:{r['gppd_idnr']}", r["name"], r["gppd_idnr"], r["capacity_mw"],
                         r["primary_fuel"], r["commissioning_year"], r["owner"], r["source"],
                         r["geolocation_source"], lon, lat, "WGS-84", SOURCE, LICENCE])
    return sorted(rows, key=lambda row: row[2])


def main(argv: list[str]) -> int:
    return cli(__doc__, argv, 1, 1, HEADER, lambda args: cut(args[0]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
