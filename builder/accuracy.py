"""How far each located feature is from its reference record: `python -m builder.accuracy [--geodata DIR]
[--markdown FILE]`.

For every feature whose source takes its position from reference records (`ref:` / `refs:`), this measures the
great-circle distance between the point in a geodata folder (default: geodata/) and the record, prints the
distribution (within 1 / 2 / 5 / 10 km, worse) and, with --markdown, writes the per-feature table (reference,
licence, distance, second source and its distance) that docs/data_notes/references.md carries. Run it on an
old checkout's geodata/ to measure a change: `git worktree add /tmp/old <rev>` then `--geodata /tmp/old/geodata`.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from shapely.geometry import shape

from builder import inputs, references
from builder.build import distance_km

ROOT = Path(__file__).resolve().parents[1]
BANDS = (1, 2, 5, 10)


def measure(geodata: Path) -> list[dict]:
    _, sources = inputs.read_all(ROOT / "sources")
    refs = references.load(ROOT / "sources" / "reference")
    rows = []
    for source in sources:
        path = geodata / "layers" / f"{source.id}.geojson"
        if not source.features or not path.exists():
            continue
        placed = {f["properties"]["id"]: shape(f["geometry"]) for f in json.loads(path.read_text("utf-8"))["features"]}
        for rec in source.features:
            g = rec["geometry"]
            ids = [g["ref"]] if "ref" in g else g.get("refs", [])
            if not ids or rec["id"] not in placed:
                continue
            points = list(getattr(placed[rec["id"]], "geoms", [placed[rec["id"]]]))
            for i, ref in enumerate(ids):
                r = refs[ref]
                pt = points[i] if i < len(points) else points[0]
                check = refs.get(rec.get("ref_check", ""))
                rows.append({"layer": source.id, "id": rec["id"], "name_zh": rec["name_zh"], "ref": ref,
                             "ref_name": r.name, "license": r.license, "datum": r.datum,
                             "tolerance_km": rec.get("tolerance_km", 1.0),
                             "km": distance_km((pt.x, pt.y), (r.lon, r.lat)),
                             "check": check.ref if check else "",
                             "check_km": distance_km((r.lon, r.lat), (check.lon, check.lat)) if check else None})
    return rows


def distribution(rows: list[dict]) -> str:
    kms = [r["km"] for r in rows]
    parts = [f"≤{b} km: {sum(k <= b for k in kms)}" for b in BANDS] + [f">{BANDS[-1]} km: {sum(k > BANDS[-1] for k in kms)}"]
    median = sorted(kms)[len(kms) // 2] if kms else float("nan")
    return f"{len(kms)} positions; " + ", ".join(parts) + f"; median {median:.2f} km, worst {max(kms, default=0):.2f} km"


def markdown(rows: list[dict]) -> str:
    lines = ["| layer | feature | reference | record | datum | licence | km from record | tolerance km | second source | km between sources |",
             "|---|---|---|---|---|---|---:|---:|---|---:|"]
    for r in rows:
        check_km = f"{r['check_km']:.2f}" if r["check_km"] is not None else ""
        lines.append(f"| {r['layer']} | {r['name_zh']} (`{r['id']}`) | `{r['ref']}` | {r['ref_name']} | {r['datum']} | "
                     f"{r['license']} | {r['km']:.2f} | {r['tolerance_km']:g} | {r['check']} | {check_km} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder.accuracy", description=__doc__)
    parser.add_argument("--geodata", type=Path, default=ROOT / "geodata")
    parser.add_argument("--markdown", type=Path, help="write the per-feature table to this file")
    args = parser.parse_args(argv)
    rows = measure(args.geodata)
    print(distribution(rows))
    if args.markdown:
        args.markdown.write_text(markdown(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
