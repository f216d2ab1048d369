"""Load catalog layers as validated GeoDataFrames; one broken file never stops the others."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd

from layers import paths
from layers.catalog import CatalogError, catalog, catalog_problems, get_spec
from layers.validation import Problem, read_geojson, validate_collection, validate_table


class LayerError(Exception):
    """A layer that cannot be shown; the message names the file and the problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def load(layer_id: str) -> gpd.GeoDataFrame:
    """The layer as a GeoDataFrame in EPSG:4326, or LayerError explaining why not."""
    try:
        spec = get_spec(layer_id)
    except (KeyError, CatalogError) as exc:
        raise LayerError([Problem(layer_id, "geodata/catalog.json", str(exc.args[0]))]) from exc
    if spec.is_table:
        raise LayerError([Problem(layer_id, f"geodata/{spec.file}", "is a table, not a map layer")])
    data, problems = read_geojson(spec)
    if data is not None:
        problems = validate_collection(spec, data)
    if problems:
        raise LayerError(problems)
    gdf = gpd.GeoDataFrame.from_features(data["features"], crs="EPSG:4326")
    gdf.attrs["layer_id"] = spec.id
    return gdf


def load_all(layer_ids: Iterable[str] | None = None) -> tuple[dict[str, gpd.GeoDataFrame], list[Problem]]:
    """Every requested layer that loads, and the problems of those that do not."""
    ids = list(layer_ids) if layer_ids is not None else [s.id for s in catalog() if not s.is_table]
    layers: dict[str, gpd.GeoDataFrame] = {}
    problems: list[Problem] = []
    for layer_id in ids:
        try:
            layers[layer_id] = load(layer_id)
        except LayerError as exc:
            problems.extend(exc.problems)
    return layers, problems


def load_table(layer_id: str) -> dict[str, Any]:
    """A catalog entry of geometry 'table' (e.g. the plan's indicator tables) as parsed JSON."""
    spec = get_spec(layer_id)
    problems = validate_table(spec)
    if problems:
        raise LayerError(problems)
    return json.loads(Path(spec.path).read_text(encoding="utf-8"))


def validate_all() -> list[Problem]:
    """Every problem in the catalog and its files, including files the catalog does not list."""
    try:
        specs = catalog()
    except CatalogError as exc:
        return [Problem("catalog", "geodata/catalog.json", str(exc))]
    problems: list[Problem] = [Problem("catalog", "geodata/catalog.json", p) for p in catalog_problems()]
    ids = [s.id for s in specs]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem(dup, "geodata/catalog.json", "id is listed more than once"))
    for spec in specs:
        if spec.is_table:
            problems.extend(validate_table(spec))
            continue
        data, read_problems = read_geojson(spec)
        problems.extend(read_problems if data is None else validate_collection(spec, data))
    listed = {str((paths.GEODATA / s.file).resolve()) for s in specs}
    for path in sorted(paths.GEODATA.rglob("*")):
        if path.suffix in {".geojson", ".json"} and path.name != "catalog.json" and str(path.resolve()) not in listed:
            problems.append(Problem("catalog", str(path.relative_to(paths.GEODATA.parent)), "file is not in the catalog"))
    return problems
