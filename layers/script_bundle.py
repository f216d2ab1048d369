"""The map's scripts as one content-addressed file for the app's map frame.

streamlit-folium loads a map's scripts one after another (each request waits for the one before), so the app's
map waited for five round trips — Leaflet, the cluster plugin, geo.js, sitetools.js, planmap.js — where an empty
folium map waits for one. The same files joined in the same order (static/data/map-scripts….<hash>.js, written
once like the layer files and cached for a year behind deploy/nginx.conf) arrive in one request. A checkout that
cannot write static/data/ keeps the separate files (nothing breaks, the map is only slower to appear).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from layers import paths
from layers.datafiles import write_once

LOG = logging.getLogger(__name__)
STEM = "map-scripts"
SOURCE_MAP = "//# sourceMappingURL="


def bundle_text(rels: Sequence[str], static_dir: Path = paths.STATIC) -> str:
    """The scripts under static_dir joined in order, each after a comment naming it; source-map comments are
    dropped (they would point next to the bundle, where no map is). OSError when one cannot be read."""
    parts = []
    for rel in rels:
        text = (static_dir / rel).read_text(encoding="utf-8")
        kept = "\n".join(line for line in text.splitlines() if not line.startswith(SOURCE_MAP))
        parts.append(f"/* ---- {rel} ---- */\n{kept}\n;")  # ';' ends a file whose last statement has none
    return "\n".join(parts) + "\n"


def stem(rels: Sequence[str]) -> str:
    """The bundle's name before its hash: which scripts it holds ("map-scripts-leaflet-geo-…"), so the bundles of
    maps with and without clusters live side by side and only a bundle's own older versions are removed."""
    return "-".join([STEM, *(Path(rel).stem.replace(".", "_") for rel in rels)])


@lru_cache(maxsize=8)
def _published(rels: tuple[str, ...], stamps: tuple[float, ...], static_dir: Path, out_dir: Path | None) -> str | None:
    try:
        return write_once(stem(rels), ".js", bundle_text(rels, static_dir), out_dir)
    except OSError as exc:
        LOG.warning("cannot write the map's script bundle into %s (%s): the map loads its %d scripts one by one; "
                    "build it with the deployment: python -m layers publish",
                    paths.shown(out_dir or static_dir / "data"), type(exc).__name__, len(rels))
        return None


def published(rels: Sequence[str], static_dir: Path = paths.STATIC, out_dir: Path | None = None) -> str | None:
    """The bundle of these scripts (paths under static/), written when missing: its path relative to static/
    (data/map-scripts-….<hash>.js), or None when a script is missing or the bundle cannot be written."""
    try:
        stamps = tuple((static_dir / rel).stat().st_mtime for rel in rels)
    except OSError:
        return None  # render.missing_assets() names the missing file to the user
    return _published(tuple(rels), stamps, static_dir, out_dir)


def publish_both(out_dir: Path | None = None) -> list[str]:
    """Write the bundles of maps with and without clusters (when the deployment is built: `python -m layers
    publish`); their paths relative to static/. OSError when one cannot be written."""
    from layers.render import map_scripts

    written = []
    for clustered in (True, False):
        rels = [rel for _, rel in map_scripts(clustered)]
        written.append(write_once(stem(rels), ".js", bundle_text(rels), out_dir))
    return written
