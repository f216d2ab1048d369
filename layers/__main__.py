"""Command line: `python -m layers validate`, `python -m layers export --format geojson --out DIR`,
`python -m layers export --format site --out DIR` (the static public edition), `python -m layers publish`
(write the map's data files into static/data/ when a deployment is built, so the app can run read-only) and
`python -m layers site --lon LON --lat LAT` / `--boundary FILE` (the site report, layers/site_cli.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from layers import site_cli
from layers.export import FORMATS, export_layers
from layers.loading import validate_all


def cmd_validate(_: argparse.Namespace) -> int:
    problems = validate_all()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("all layers valid")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "site":  # the static public edition (layers/site.py); not part of "all"
        from layers.site import export_site

        written, problems = export_site(Path(args.out))
        for path in written:
            print(f"wrote {path}")
        for problem in problems:
            print(f"skipped: {problem}", file=sys.stderr)
        return 1 if problems else 0
    formats = FORMATS if args.format == "all" else [args.format]
    failed = False
    for fmt in formats:
        written, problems = export_layers(Path(args.out), fmt, args.layer or None)
        for path in written:
            print(f"wrote {path}")
        for problem in problems:
            print(f"skipped: {problem}", file=sys.stderr)
        failed = failed or bool(problems)
    return 1 if failed else 0


def cmd_publish(_: argparse.Namespace) -> int:
    from layers import paths
    from layers.datafiles import DATA_DIR, publish_all

    written, problems = publish_all()
    for rel in written:
        print(f"published {paths.shown(paths.STATIC / rel)}")
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(f"{len(written)} layer file(s) in {paths.shown(DATA_DIR)}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every catalog entry and file; exit 1 on any problem").set_defaults(
        func=cmd_validate)
    exp = sub.add_parser("export", help="write every layer to a folder")
    exp.add_argument("--format", choices=[*FORMATS, "all", "site"], default="geojson")
    exp.add_argument("--out", required=True, help="output folder")
    exp.add_argument("--layer", action="append", help="only this layer (repeatable)")
    exp.set_defaults(func=cmd_export)
    sub.add_parser("publish", help="write the map's data files into static/data/ (for a read-only deployment)"
                   ).set_defaults(func=cmd_publish)
    site_cli.add_parser(sub)  # the site report (issue 16)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
