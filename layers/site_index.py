"""The layers the site report reads, loaded once and kept ready for queries: properties as plain values, geometry
in lon/lat and in UTM 51N, the land and the plan's area. Rebuilt when a data file changes."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from layers import paths
from layers.catalog import CatalogError, LayerSpec, get_spec
from layers.geodesy import area_km2, distances_km, to_metric
from layers.loading import load_all
from layers.site_rules import COAST_TOLERANCE_KM, LAND_LAYER, PLAN_AREA_MARGIN_KM, SEA_LAYER, layers_used
from layers.validation import Problem


@dataclass(frozen=True)
class LayerIndex:
    """One layer: catalog entry, feature properties, geometries (lon/lat and metric), polygon flags and areas."""

    spec: LayerSpec
    records: tuple[dict[str, Any], ...]
    lonlat: np.ndarray
    metric: np.ndarray
    kinds: np.ndarray
    polygonal: np.ndarray
    areas_km2: np.ndarray  # geodesic area of each polygonal feature (0 for points and lines)


@dataclass(frozen=True)
class SiteIndex:
    layers: dict[str, LayerIndex]
    problems: tuple[Problem, ...]
    land: shapely.Geometry | None  # metric, prepared
    sea: shapely.Geometry | None   # metric, prepared: the marine-structure polygons

    def layer(self, layer_id: str) -> LayerIndex | None:
        return self.layers.get(layer_id)

    def in_plan_area(self, site_m: shapely.Geometry) -> tuple[bool, float | None]:
        """Whether a (metric) site is in the plan's area — in a district (COAST_TOLERANCE_KM for the generalised
        coast), or at sea within PLAN_AREA_MARGIN_KM of a district or in the marine structure — and its distance
        to the nearest district."""
        districts = self.layer("districts")
        if districts is None or not len(districts.records):
            return True, None  # nothing to judge by: the report will say which layers are missing
        km = float(distances_km(site_m, districts.metric).min())
        if km <= COAST_TOLERANCE_KM:
            return True, km
        off_land = self.land is None or not shapely.contains(self.land, site_m)
        in_sea = self.sea is not None and shapely.intersects(self.sea, site_m)
        return bool(in_sea or (off_land and km <= PLAN_AREA_MARGIN_KM)), km


def _plain(value: Any) -> Any:
    """NaN and numpy scalars as plain JSON values."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _layer_index(spec: LayerSpec, gdf) -> LayerIndex:
    records = tuple({k: _plain(v) for k, v in row.items()} for row in gdf.drop(columns="geometry").to_dict("records"))
    lonlat = np.asarray(gdf.geometry.values, dtype=object)
    metric = to_metric(lonlat)
    shapely.prepare(metric)
    kinds = np.asarray([str(r.get("kind") or "") for r in records], dtype=object)
    polygonal = np.asarray([g.geom_type.endswith("Polygon") for g in lonlat], dtype=bool)
    areas = np.asarray([area_km2(g) if poly else 0.0 for g, poly in zip(lonlat, polygonal)], dtype=float)
    return LayerIndex(spec, records, lonlat, metric, kinds, polygonal, areas)


def _union(layer: LayerIndex | None) -> shapely.Geometry | None:
    if layer is None or not len(layer.records):
        return None
    union = shapely.union_all(layer.metric)
    shapely.prepare(union)
    return union


def build_index(loaded: dict[str, gpd.GeoDataFrame] | None = None,
                problems: list[Problem] | tuple[Problem, ...] = ()) -> SiteIndex:
    """Every layer the report uses that loads (or the already loaded `loaded`, e.g. the page's cached layers);
    problems (not exceptions) for those that do not."""
    if loaded is None:
        loaded, problems = load_all(layers_used())
    layers = {lid: _layer_index(get_spec(lid), gdf) for lid, gdf in loaded.items() if lid in layers_used()}
    land = _union(layers.pop(LAND_LAYER, None))
    return SiteIndex(layers, tuple(problems), land, _union(layers.get(SEA_LAYER)))


def _stamp() -> tuple:
    stamps = []
    for lid in layers_used():
        try:
            stamps.append(get_spec(lid).path.stat().st_mtime)
        except (KeyError, OSError, CatalogError):
            stamps.append(0.0)
    return str(paths.GEODATA), tuple(stamps)


@lru_cache(maxsize=2)
def _cached(stamp: tuple) -> SiteIndex:
    return build_index()


def get_index() -> SiteIndex:
    """The index for the current data files (built on first use, rebuilt when a file changes)."""
    return _cached(_stamp())
