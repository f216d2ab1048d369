"""Builds the folium map: local Leaflet assets (no CDN), optional online tiles, and the plan layers."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from layers import paths
from layers.mapspec import to_script_json

DEFAULT_ASSET_BASE = "/app/static/"  # Streamlit's static file server (enableStaticServing)
VENDOR_JS = (("leaflet", "vendor/leaflet/leaflet.js"), ("geo", "js/geo.js"), ("sitetools", "js/sitetools.js"),
             ("planmap", "js/planmap.js"))
VENDOR_CSS = (("leaflet_css", "vendor/leaflet/leaflet.css"), ("planmap_css", "js/planmap.css"),
              ("sitetools_css", "js/sitetools.css"))
CLUSTER_JS = (("markercluster", "vendor/markercluster/leaflet.markercluster.js"),)
CLUSTER_CSS = (("markercluster_css", "vendor/markercluster/MarkerCluster.css"),
               ("markercluster_default_css", "vendor/markercluster/MarkerCluster.Default.css"))


# Shown until planmap.js draws the map; stays (with the reason) when the map scripts cannot be loaded.
ASSET_FALLBACK = (
    '<div class="pm-fallback" role="status" style="position:absolute;top:38%;left:10%;right:10%;z-index:2000;'
    'background:#fff8e1;border:1px solid #d4a017;padding:12px 16px;border-radius:6px;font:14px sans-serif;'
    'color:#333;text-align:center">地图正在加载…… 若此提示一直显示，说明地图脚本（{asset_base}vendor/leaflet/、'
    '{asset_base}js/planmap.js）未能加载。<br>Loading the map… If this message stays, the map scripts '
    '({asset_base}vendor/leaflet/, {asset_base}js/planmap.js) could not be loaded.</div>'
)


@dataclass(frozen=True)
class Basemap:
    """An optional online tile layer; the offline land basemap always lies underneath it."""

    id: str
    url: str
    attribution: str
    max_zoom: int = 18
    needs_key: bool = False

    @property
    def host(self) -> str:
        """The tile server as a visitor would recognise it ("{s}.basemaps.cartocdn.com" → "basemaps.cartocdn.com")."""
        host = urlsplit(self.url).hostname or ""
        return re.sub(r"^[^.]*\{s\}[^.]*\.", "", host)


BASEMAPS = {
    "offline": None,
    "osm": Basemap("osm", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                   "© OpenStreetMap contributors", 19),
    "carto": Basemap("carto", "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
                     "© OpenStreetMap contributors © CARTO", 19),
    "esri": Basemap("esri", "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
                    "Esri, Maxar, Earthstar Geographics", 18),
    # 天地图 is CGCS2000 (≈ WGS-84 at map scale), so the WGS-84 overlays line up; it needs a user key.
    "tianditu": Basemap("tianditu", "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                        "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
                        "&tk={key}", "© 天地图 Tianditu", 18, needs_key=True),
}


def missing_assets(static_dir: Path = paths.STATIC) -> list[str]:
    """The map's own scripts and stylesheets that are not on disk (the map cannot draw without them)."""
    needed = (*VENDOR_JS, *VENDOR_CSS, *CLUSTER_JS, *CLUSTER_CSS)
    return [f"static/{rel}" for _, rel in needed if not (static_dir / rel).is_file()]


@lru_cache(maxsize=64)
def _digest(path: Path, mtime: float) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def versioned(asset_base: str, rel: str, static_dir: Path = paths.STATIC) -> str:
    """The URL of a static asset with its content hash (…/planmap.js?v=1a2b3c4d5e): a new version has a new URL,
    so a proxy may let browsers keep these for a year (deploy/nginx.conf). Unversioned if the file is missing."""
    path = static_dir / rel
    try:
        return f"{asset_base}{rel}?v={_digest(path, path.stat().st_mtime)}"
    except OSError:
        return asset_base + rel


CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


@lru_cache(maxsize=32)
def _css_text(path: Path, mtime: float, url: str) -> str:
    """A stylesheet's text with its relative url(...) made absolute against the URL it would be loaded from."""
    def absolute(match: re.Match) -> str:
        target = match.group(2)
        if target.startswith(("data:", "/", "#")) or "://" in target:
            return match.group(0)
        return f'url("{urljoin(url, target)}")'
    return CSS_URL.sub(absolute, path.read_text(encoding="utf-8"))


def inline_stylesheets(fmap: folium.Map, asset_base: str = DEFAULT_ASSET_BASE,
                       static_dir: Path = paths.STATIC) -> str:
    """The map's own stylesheets (fmap.default_css under asset_base) as one <style> block, in the order listed.

    streamlit-folium adds a map's stylesheet links only after all its scripts have loaded, so the map and its
    controls are first drawn unstyled and then jump; inlined into the map document's head they apply at once."""
    parts = []
    for _, url in fmap.default_css:
        rel = urlsplit(url).path.removeprefix(asset_base)
        path = static_dir / rel
        try:
            parts.append(f"/* {rel} */\n" + _css_text(path, path.stat().st_mtime, urlsplit(url).path))
        except OSError:
            continue  # missing_assets() reports it
    return "<style>\n" + "\n".join(parts) + "\n</style>" if parts else ""


def available_basemaps(tianditu_key: str) -> list[str]:
    return [k for k, b in BASEMAPS.items() if b is None or not b.needs_key or tianditu_key]


class PlanLayers(MacroElement):
    """Calls PlanMap.render(map, spec) with the spec embedded as script-safe JSON."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        PlanMap.render({{ this._parent.get_name() }}, {{ this.spec_json }});
        {% endmacro %}
    """)

    def __init__(self, spec: dict[str, Any]):
        super().__init__()
        self._name = "PlanLayers"
        self.spec_json = to_script_json(spec)


def build_map(spec: dict[str, Any], *, basemap: str = "offline", tianditu_key: str = "",
              asset_base: str = DEFAULT_ASSET_BASE) -> folium.Map:
    """A folium Map that loads only local assets and draws the spec's layers."""
    minx, miny, maxx, maxy = spec["bounds"]
    fmap = folium.Map(location=[(miny + maxy) / 2, (minx + maxx) / 2], zoom_start=8, tiles=None,
                      control_scale=False, zoom_snap=0.25, zoom_delta=0.5, min_zoom=6, max_zoom=18, max_bounds=False)
    clustered = any(layer.get("cluster") for layer in spec["layers"])
    js = VENDOR_JS[:1] + (CLUSTER_JS if clustered else ()) + VENDOR_JS[1:]
    css = VENDOR_CSS + (CLUSTER_CSS if clustered else ())
    # The app's asset URLs carry their content hash (cacheable for a year behind deploy/nginx.conf); the static
    # edition keeps plain relative paths (its hosting decides its caching).
    url = versioned if asset_base == DEFAULT_ASSET_BASE else (lambda base, rel: base + rel)
    fmap.default_js = [(name, url(asset_base, path)) for name, path in js]
    fmap.default_css = [(name, url(asset_base, path)) for name, path in css]
    choice = BASEMAPS.get(basemap)
    if choice is not None and (not choice.needs_key or tianditu_key):
        folium.TileLayer(tiles=choice.url.replace("{key}", tianditu_key), attr=choice.attribution,
                         name=choice.id, max_zoom=choice.max_zoom,
                         subdomains="01234567" if choice.id == "tianditu" else "abc").add_to(fmap)
    PlanLayers(spec).add_to(fmap)
    fmap.get_root().html.add_child(Element(ASSET_FALLBACK.format(asset_base=asset_base)))
    return fmap


def map_html(fmap: folium.Map) -> str:
    """The whole map as one HTML document (for the static edition and tests)."""
    return fmap.get_root().render()
