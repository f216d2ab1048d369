"""Publish layer data as static, content-addressed GeoJSON files that the browser fetches and caches.

The map page then sends only a small spec over Streamlit's WebSocket; the browser loads each layer's data once
(`/app/static/data/<layer>.<hash>.geojson`, never changing under that name) and reuses it across pages and reruns.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import geopandas as gpd

from layers import paths

DATA_DIR = paths.STATIC / "data"
URL_PREFIX = "data/"


def layer_json(gdf: gpd.GeoDataFrame) -> str:
    return json.dumps(gdf.to_geo_dict(drop_id=True), ensure_ascii=False, separators=(",", ":"))


def publish(layer_id: str, gdf: gpd.GeoDataFrame, out_dir: Path | None = None) -> str:
    """Write the layer once under a name derived from its content; returns its path relative to static/.
    A file already there (e.g. written by `python -m layers publish` when the deployment was built) is not
    written again, so a read-only checkout serves it as is; OSError when it is not there and cannot be written."""
    out_dir = DATA_DIR if out_dir is None else out_dir
    text = layer_json(gdf)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    name = f"{layer_id}.{digest}.geojson"
    target = out_dir / name
    if target.is_file():
        return URL_PREFIX + name
    out_dir.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        tmp = out_dir / f"{name}.{os.getpid()}-{threading.get_ident()}.tmp"  # two app processes may race here
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)  # atomic: a browser never reads half a file
        for old in out_dir.glob(f"{layer_id}.*.geojson"):
            if old != target:
                old.unlink(missing_ok=True)
    return URL_PREFIX + name


def publish_all(out_dir: Path | None = None) -> tuple[list[str], list[str]]:
    """Publish every map layer (run when a deployment is built, so the app can run from a read-only checkout).
    Returns the published paths (relative to static/) and a message for each layer that does not load."""
    from layers.loading import load_all

    layers, problems = load_all()
    return [publish(layer_id, gdf, out_dir) for layer_id, gdf in layers.items()], [str(p) for p in problems]
