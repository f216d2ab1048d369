"""Publish layer data as static, content-addressed GeoJSON files that the browser fetches and caches.

The map page then sends only a small spec over Streamlit's WebSocket; the browser loads each layer's data once
(`/app/static/data/<layer>.<hash>.geojson`, never changing under that name) and reuses it across pages and reruns.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd

from layers import paths

DATA_DIR = paths.STATIC / "data"
URL_PREFIX = "data/"


def layer_json(gdf: gpd.GeoDataFrame) -> str:
    return json.dumps(gdf.to_geo_dict(drop_id=True), ensure_ascii=False, separators=(",", ":"))


def publish(layer_id: str, gdf: gpd.GeoDataFrame, out_dir: Path = DATA_DIR) -> str:
    """Write the layer once under a name derived from its content; returns its path relative to static/."""
    text = layer_json(gdf)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    name = f"{layer_id}.{digest}.geojson"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / name
    if not target.exists():
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)  # atomic: a browser never reads half a file
        for old in out_dir.glob(f"{layer_id}.*.geojson"):
            if old != target:
                old.unlink(missing_ok=True)
    return URL_PREFIX + name
