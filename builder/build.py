"""The build itself: sources/ → geodata/, with every check; `run()` returns the problems found."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape

from builder import inputs, output, places, references, shapes
from builder.quotes import Quotes
from layers import plantext, schema

FIRST = ("id", "adcode", "name_zh", "name_en", "kind", "function_zh", "function_en", "projects", "source",
         "geometry_basis", "geometry_note_zh", "geometry_note_en", "district")
SOURCE_ONLY = ("geometry", "drawn_datum")
DISTRICT_SLACK_DEG = 0.002  # ~200 m: points on a shore or a simplified border still count as inside


class Build:
    def __init__(self, root: Path):
        self.root = root
        self.head, self.sources = inputs.read_all(root / "sources")
        bounds = json.loads((root / "sources/boundaries/districts.geojson").read_text(encoding="utf-8"))
        self.land = shapes.Land({f["properties"]["adcode"]: shape(f["geometry"]) for f in bounds["features"]})
        self.refs = references.load(root / "sources/reference")
        self.quotes = Quotes(plantext.parse((root / "plan/dalian_14th_five_year_plan.txt").read_text(encoding="utf-8")))
        self.by_layer = {s.id: s for s in self.sources}
        self.geoms: dict[tuple[str, str], shapely.Geometry] = {}
        self.problems: list[str] = []

    # -------------------------------------------------------------- geometry
    def position(self, ref: str) -> tuple[float, float]:
        record = self.refs.get(ref)
        if record is None:
            raise shapes.ShapeError(f"unknown reference '{ref}' (not in sources/reference/)")
        return record.lon, record.lat

    def geometry(self, layer_id: str, fid: str) -> shapely.Geometry:
        key = (layer_id, fid)
        if key not in self.geoms:
            source = self.by_layer.get(layer_id)
            rec = next((r for r in (source.features if source else []) if r["id"] == fid), None)
            if rec is None:
                raise shapes.ShapeError(f"derivation refers to unknown feature '{layer_id}:{fid}'")
            self.geoms[key] = None  # cycle guard
            resolve = lambda ref: self.geometry(*ref.split(":", 1)) if ":" in ref else self.geometry(layer_id, ref)
            spec = rec["geometry"]
            if "drawn_datum" in rec:  # hand coordinates read off a Chinese web map: WGS-84 here, once
                spec = shapes.convert_datum(spec, lambda x, y: references.to_wgs84(x, y, rec["drawn_datum"]))
            self.geoms[key] = shapes.build(spec, self.land, resolve, self.position)
        if self.geoms[key] is None:
            raise shapes.ShapeError(f"derivation cycle at '{layer_id}:{fid}'")
        return self.geoms[key]

    # -------------------------------------------------------------- checks
    def check_record(self, layer_id: str, rec: dict[str, Any], geom: shapely.Geometry) -> list[str]:
        where = f"sources/layers/{layer_id}.yaml [{rec['id']}]"
        problems = []
        if "function_zh" in rec:
            problems += self.quotes.check("……".join(rec["function_zh"]), rec["source"], f"{where} function_zh")
        for i, p in enumerate(rec.get("projects", [])):
            problems += self.quotes.check(p["name_zh"], p["source"], f"{where} projects[{i}]")
        kind = next(iter(rec["geometry"]))
        if rec["geometry_basis"] == "located" and kind not in ("ref", "refs", "derive", "boundary"):
            problems.append(f"{where}: geometry_basis is 'located' but the position has no reference "
                            "(give `ref:` a record of sources/reference/, or make it 'schematic')")
        if kind in ("ref", "refs") and rec["geometry_basis"] != "located":
            problems.append(f"{where}: a position taken from a reference is 'located', not '{rec['geometry_basis']}'")
        if geom.geom_type in ("Point", "MultiPoint"):
            for pt in getattr(geom, "geoms", [geom]):
                on_land = self.land.grown(None, DISTRICT_SLACK_DEG).contains(pt)
                if rec.get("at_sea") and self.land.union.contains(pt):
                    problems.append(f"{where}: marked at_sea but ({pt.x:.4f}, {pt.y:.4f}) is on land")
                district = rec.get("district")
                if district and not rec.get("at_sea"):
                    if not self.land.grown(district, DISTRICT_SLACK_DEG).contains(pt):
                        found = next((c for c, g in self.land.districts.items() if g.contains(pt)), "the sea")
                        problems.append(f"{where}: ({pt.x:.4f}, {pt.y:.4f}) is not in district {district} "
                                        f"(it is in {found})")
                elif (not district and not rec.get("at_sea") and not on_land and layer_id != "ind_bays"
                      and rec.get("kind") not in ("sea", "bay")):
                    problems.append(f"{where}: ({pt.x:.4f}, {pt.y:.4f}) is at sea; say at_sea or fix the position")
        return problems

    # -------------------------------------------------------------- features
    def properties(self, rec: dict[str, Any]) -> dict[str, Any]:
        props = {k: rec[k] for k in FIRST if k in rec}
        if "function_zh" in rec:
            props["function_zh"] = "……".join(rec["function_zh"])
        geometry = rec["geometry"]
        ref = geometry.get("ref") or (geometry.get("refs") or [None])[0]
        if ref:
            record = self.refs[ref]
            props.update(ref=ref if "ref" in geometry else " ".join(geometry["refs"]), ref_name=record.name,
                         ref_datum=record.datum, ref_license=record.license)
        props.update({k: v for k, v in rec.items() if k not in props and k not in SOURCE_ONLY})
        if "ref_check" in rec:
            check = self.refs.get(rec["ref_check"])
            if check is None:
                self.problems.append(f"{rec['id']}: ref_check '{rec['ref_check']}' is not a reference record")
            elif not ref:  # a second source is compared with the first: without a `ref` there is none
                self.problems.append(f"{rec['id']}: ref_check '{rec['ref_check']}' needs the position's own `ref`")
            else:
                props["ref_check_km"] = round(distance_km(self.position(ref), (check.lon, check.lat)), 2)
        return props

    def layer_features(self, source: inputs.LayerSource) -> list[dict[str, Any]]:
        if source.seats:
            source.features = places.seat_records(source.seats, self.root / "sources/reference") + source.features
            source.seats = None
        feats, seen = [], set()
        for rec in source.features:
            if rec["id"] in seen:
                self.problems.append(f"sources/layers/{source.id}.yaml: duplicate id {rec['id']}")
            seen.add(rec["id"])
            try:
                geom = self.geometry(source.id, rec["id"])
            except (shapes.ShapeError, ValueError, TypeError) as exc:
                self.problems.append(f"sources/layers/{source.id}.yaml [{rec['id']}]: {exc}")
                continue
            if geom.is_empty or not geom.is_valid:
                self.problems.append(f"sources/layers/{source.id}.yaml [{rec['id']}]: empty or invalid geometry")
                continue
            self.problems += self.check_record(source.id, rec, geom)
            props = self.properties(rec)
            self.problems += [f"{source.id}/{rec['id']}: {e}" for e in schema.errors("feature", props)]
            feats.append({"type": "Feature", "properties": props, "geometry": shapes.rounded(geom)})
        return feats

    # -------------------------------------------------------------- the whole build
    def run(self, out: Path) -> list[str]:
        entries = []
        for source in self.sources:
            layer = dict(source.layer)
            from_file = layer.pop("from_file", None)
            folder = "tables" if source.table is not None else ("base" if from_file else "layers")
            suffix = "json" if source.table is not None else "geojson"
            if from_file:
                file = f"base/{Path(from_file).name}"
            elif layer.get("contract") == "basemap":
                file = f"base/{layer['id'].removeprefix('base_')}.geojson"
            else:
                file = f"{folder}/{layer['id']}.{suffix}"
            entry = {"id": layer["id"], "file": file}
            entry.update({k: v for k, v in layer.items() if k != "id"})
            self.problems += [f"sources: {layer['id']}: {e}" for e in schema.errors("catalog_entry", entry)]
            entries.append(entry)
            target = out / entry["file"]
            if source.table is not None:
                self.problems += table_problems(layer["id"], source.table, self.quotes)
                output.write(target, output.dumps_json(source.table))
            elif from_file:
                output.write(target, (self.root / "sources" / from_file).read_text(encoding="utf-8"))
            else:
                output.write(target, output.dumps_collection(layer["id"], self.layer_features(source)))
        catalog = {"about": self.head["about"], "layers": entries}
        output.write(out / "catalog.json", output.dumps_json(catalog))
        return self.problems


def table_problems(table_id: str, table: Any, quotes: Quotes) -> list[str]:
    """Quotes in tables: every row with `quote_zh` must quote its own `source` verbatim."""
    rows = table if isinstance(table, list) else []
    return [p for i, row in enumerate(rows) if isinstance(row, dict) and row.get("quote_zh")
            for p in quotes.check(row["quote_zh"], row.get("source", ""), f"sources/tables/{table_id}.yaml [{i}]")]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lon, lat) points."""
    from math import asin, cos, radians, sin, sqrt
    lon1, lat1, lon2, lat2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * asin(sqrt(h))


def run(root: Path, out: Path) -> list[str]:
    return Build(root).run(out)
