"""Cut sources/reference/adcode_dalian.csv from Vonng/adcode's data/adcode/2102*.csv files.

Usage:  python cut_adcode.py PATH [PATH ...] > adcode_dalian.csv
        python cut_adcode.py --villages PATH [PATH ...] > adcode_dalian_villages.csv

Each PATH is one of the repository's per-county files (data/adcode/210202.csv, ...) or the folder
data/adcode itself (then every 2102*.csv in it is read). Nothing is downloaded.

Source rows have no header; their columns are (README of Vonng/adcode):
code, parent, name, level, rank, adcode, post_code, area_code, ur_code, municipality, virtual,
dummy, longitude, latitude, center, province, city, county, town, village.

Kept: code starting with 2102, level in {city, county, town} (with --villages: level village), virtual != 't', and both longitude and
latitude present. Coordinates are copied as they stand (GCJ-02, AMap centres), not converted.
Rows are sorted by code.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from cutlib import cli

HEADER = ["ref", "code", "name_zh", "level", "parent_code", "lon", "lat", "datum"]
LEVELS = {"city", "county", "town"}


def source_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("2102*.csv")) if p.is_dir() else [p])
    return files


def cut(paths: list[str], levels: set[str] = LEVELS) -> list[list[str]]:
    rows: dict[str, list[str]] = {}
    for path in source_files(paths):
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.reader(fh):
                if len(rec) < 14:
                    continue
                code, parent, name, level = rec[0], rec[1], rec[2], rec[3]
                virtual, lon, lat = rec[10], rec[12], rec[13]
                if not code.startswith("2102") or level not in levels or virtual == "t":
                    continue
                if not lon or not lat:
                    continue
                rows[code] = [f"adcode:{code}", code, name, level, parent, lon, lat, "GCJ-02"]
    return [rows[c] for c in sorted(rows)]


def rows_of(args: list[str]) -> list[list[str]]:
    return cut(args[1:], {"village"}) if args[0] == "--villages" else cut(args)


def main(argv: list[str]) -> int:
    return cli(__doc__, argv, 1, None, HEADER, rows_of)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
