"""`python -m layers site --lon LON --lat LAT [--format json|md]` and `python -m layers site --boundary FILE`:
the site report on the command line (the same layers.site_report the map page uses).

Exit status: 0 report printed, 2 input refused (the reason is printed to stderr in the chosen language)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from layers.boundary_upload import MAX_BYTES, read_boundary
from layers.coords import DATUMS, DEFAULT_DATUM, parse, parse_pair
from layers.notes import InputError
from layers.report_text import to_markdown
from layers.site_report import Report, area_report, point_report


def add_parser(sub: argparse._SubParsersAction) -> None:
    site = sub.add_parser("site", help="the site report for a point or a boundary file")
    where = site.add_mutually_exclusive_group(required=True)
    where.add_argument("--lon", help="longitude (with --lat)")
    where.add_argument("--at", help='a position as text: "121.6, 38.9", "38°54′N 121°36′E"')
    where.add_argument("--boundary", help="GeoJSON, KML/KMZ, GPX, CSV or zipped Shapefile")
    site.add_argument("--lat", help="latitude (with --lon)")
    site.add_argument("--crs", choices=DATUMS, default=DEFAULT_DATUM,
                      help="coordinate system of the input (default wgs84; gcj02 = 高德/腾讯; cgcs2000 taken as WGS-84)")
    site.add_argument("--format", choices=("json", "md"), default="json")
    site.add_argument("--lang", choices=("zh", "en"), default="zh")
    site.set_defaults(func=run)


def build(args: argparse.Namespace) -> Report:
    if args.boundary:
        path = Path(args.boundary)
        if not path.is_file():
            raise InputError("sr_err_file_missing", name=path.name)
        if path.stat().st_size > MAX_BYTES:
            raise InputError("sr_err_file_big", limit=MAX_BYTES // (1024 * 1024))
        boundary = read_boundary(path.read_bytes(), path.name, args.crs)
        if boundary.geometry.geom_type == "Point":
            return point_report(boundary.geometry.x, boundary.geometry.y, boundary.notes)
        return area_report(boundary.geometry, boundary.notes, name=boundary.name)
    if args.at is not None:
        parsed = parse(args.at, args.crs)
    else:
        if args.lat is None:
            raise InputError("sr_err_coord_count")
        parsed = parse_pair(args.lon, args.lat, args.crs)
    return point_report(parsed.lon, parsed.lat, parsed.notes)


def run(args: argparse.Namespace) -> int:
    try:
        report = build(args)
    except InputError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    if args.format == "md":
        sys.stdout.write(to_markdown(report, args.lang))
    else:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0
