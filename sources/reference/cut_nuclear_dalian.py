"""Cut sources/reference/nuclear_dalian.csv from GeoNuclearData.

Usage:  python cut_nuclear_dalian.py NUCLEAR_POWER_PLANTS_CSV > nuclear_dalian.csv

NUCLEAR_POWER_PLANTS_CSV  data/csv/denormalized/nuclear_power_plants.csv of the repository
                 cristianst85/GeoNuclearData (one row per reactor unit; columns Id, Name, Latitude,
                 Longitude, Country, CountryCode, Status, ReactorType, ReactorModel,
                 ConstructionStartAt, OperationalFrom, OperationalTo, Capacity, LastUpdatedAt, Source,
                 IAEAId).
Nothing is downloaded.

Kept: 120.8 <= Longitude <= 123.9 and 38.6 <= Latitude <= 40.3, bounds inclusive.
lon/lat are copied as the source writes them (WGS-84 decimal degrees). Rows sorted by Id.
"""
from __future__ import annotations

import csv
import sys

from cutlib import cli, inside

HEADER = ["ref", "name", "geonuclear_id", "status", "reactor_type", "reactor_model",
          "capacity_mw", "construction_start", "operational_from", "operational_to", "iaea_id",
          "last_updated", "lon", "lat", "datum", "source", "licence"]
SOURCE = "GeoNuclearData (cristianst85/GeoNuclearData) data/csv/denormalized/nuclear_power_plants.csv"
LICENCE = "ODbL 1.0 (database) / DbCL 1.0 (contents)"


def cut(path: str) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            lon, lat = r["Longitude"], r["Latitude"]
            if not inside(lon, lat):
                continue
            rows.append([f"geonuclear:{r['Id']}", r["Name"], r["Id"], r["Status"], r["ReactorType"],
                         r["ReactorModel"], r["Capacity"], r["ConstructionStartAt"],
                         r["OperationalFrom"], r["OperationalTo"], r["IAEAId"], r["LastUpdatedAt"],
                         lon, lat, "WGS-84", SOURCE, LICENCE])
    return sorted(rows, key=lambda row: int(row[2]))


def main(argv: list[str]) -> int:
    return cli(__doc__, argv, 1, 1, HEADER, lambda args: cut(args[0]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
