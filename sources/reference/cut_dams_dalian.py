"""Cut sources/reference/dams_dalian.csv from the GRanD v1.1 dams attribute table.

Usage:  python cut_dams_dalian.py GRAND_DAMS_V1_1_CSV > dams_dalian.csv

GRAND_DAMS_V1_1_CSV  GRanD_dams_v1_1.csv as kept in the repository igseg/water: the attribute table
                 of the GRanD v1.1 dams layer (6,862 dams) written with ';' as field separator,
                 ',' as decimal mark, a UTF-8 BOM and CRLF line ends; LONG_DD / LAT_DD are the dam
                 point. The cutter also reads a ','-separated copy with '.' decimals.
Nothing is downloaded.

Kept: 120.8 <= LONG_DD <= 123.9 and 38.6 <= LAT_DD <= 40.3, bounds inclusive.
lon/lat: the source digits, with a decimal comma written as a decimal point (no rounding).
Numeric attributes (DAM_HGT_M, CAP_MCM, AREA_SKM) likewise; -99 means "no data" in GRanD.
The point is the dam, not the reservoir centre (the reservoir polygons are a separate GRanD layer,
not used here). Rows sorted by GRAND_ID.
"""
from __future__ import annotations

import csv
import sys

from cutlib import cli, inside

HEADER = ["ref", "name", "grand_id", "dam_name", "res_name", "alt_name", "river", "near_city",
          "admin_unit", "year", "dam_hgt_m", "cap_mcm", "area_skm", "quality", "point",
          "lon", "lat", "datum", "source", "licence"]
SOURCE = "GRanD v1.1 dams (Lehner et al. 2011), GRanD_dams_v1_1.csv"
LICENCE = "GWSP; free for non-commercial use (see dams_dalian.md)"


def dot(value: str) -> str:
    return value.strip().replace(",", ".")


def cut(path: str) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    first = text.splitlines()[0] if text else ""
    delim = ";" if first.count(";") > first.count(",") else ","
    rows = []
    for r in csv.DictReader(text.splitlines(), delimiter=delim):
        lon, lat = dot(r["LONG_DD"]), dot(r["LAT_DD"])
        if not inside(lon, lat):
            continue
        name = r["DAM_NAME"] or r["RES_NAME"]
        rows.append([f"grand:{r['GRAND_ID']}", name, r["GRAND_ID"], r["DAM_NAME"], r["RES_NAME"],
                     r["ALT_NAME"], r["RIVER"], r["NEAR_CITY"], r["ADMIN_UNIT"], r["YEAR"],
                     dot(r["DAM_HGT_M"]), dot(r["CAP_MCM"]), dot(r["AREA_SKM"]), r["QUALITY"],
                     "dam", lon, lat, "WGS-84", SOURCE, LICENCE])
    return sorted(rows, key=lambda row: int(row[2]))


def main(argv: list[str]) -> int:
    return cli(__doc__, argv, 1, 1, HEADER, lambda args: cut(args[0]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
