"""Turns loaded layers into the JSON "map spec" that static/js/planmap.js draws (pure data, no HTML)."""
from __future__ import annotations

import json
from typing import Any

import geopandas as gpd

from layers.catalog import LayerSpec
from layers.i18n import t
from layers.maptools import tools_spec
from layers.sources import source_labels

STYLE_KEYS = {"color": "color", "fill_color": "fillColor", "fill_opacity": "fillOpacity", "weight": "weight",
              "opacity": "opacity", "radius": "radius", "dash": "dashArray"}
POPUP_TEXT_KEYS = ("plan_wording", "projects", "source", "read_plan", "legend", "north", "share", "data_failed",
                   "basis_boundary", "basis_located", "basis_schematic", "close", "details", "cluster_legend",
                   "zoom_in", "zoom_out")
LEGEND_SHAPES = {"fill": "fill", "polygon": "fill", "area": "fill", "line": "line", "point": "point"}
DALIAN_BOUNDS = (120.9, 38.65, 123.35, 40.2)  # lon/lat box that frames the whole city region


def leaflet_style(style: dict[str, Any], geometry: str) -> dict[str, Any]:
    """Catalog style keys → Leaflet path options."""
    out = {STYLE_KEYS[k]: v for k, v in style.items() if k in STYLE_KEYS and v is not None}
    if geometry == "line":
        out["fill"] = False
    elif geometry == "point":
        out.setdefault("fillColor", out.get("color", "#333"))
        out.setdefault("fillOpacity", 0.85)
        out.setdefault("weight", 1.5)
    return out


def layer_entry(spec: LayerSpec, gdf: gpd.GeoDataFrame, lang: str, data_url: str | None = None,
                only: list[str] | None = None, highlight: frozenset[str] = frozenset()) -> dict[str, Any]:
    """One layer for planmap.js: embedded data, or a URL to fetch (optionally showing only some feature ids).
    highlight: "layer/id" keys to label even when the layer has no labels (what a tour step talks about)."""
    labelled = gdf
    if not spec.labels:
        labelled = gdf[[f"{spec.id}/{i}" in highlight for i in gdf["id"]]] if highlight and len(gdf) else gdf.iloc[:0]
    style_by = {}
    if spec.style_by:
        style_by = {"property": spec.style_by.get("property", "kind"),
                    "values": {k: leaflet_style(v, spec.geometry)
                               for k, v in spec.style_by.get("values", {}).items()}}
    return {
        "id": spec.id,
        "title": spec.title(lang),
        "role": "basemap" if spec.group == "basemap" else "overlay",
        "style": leaflet_style(spec.style, spec.geometry),
        "styleBy": style_by,
        "labels": spec.labels,
        "cluster": spec.cluster and spec.geometry == "point",
        "extraFields": [{"key": f["key"], "label": f.get(f"label_{lang}") or f.get("label_zh", f["key"])}
                        for f in spec.popup_fields],
        "data": None if data_url else gdf.to_geo_dict(drop_id=True),
        "dataUrl": data_url,
        "only": only,
        "labelPoints": label_points(labelled) if len(labelled) else None,
    }


SMALL_EXTENT_DEG2 = 0.03  # polygons whose bounding box is smaller (≈ 250 km² here) are labelled from zoom 10 on


def label_points(gdf: gpd.GeoDataFrame) -> dict[str, list[float]]:
    """feature id → [lat, lon, min_zoom] for each feature's name: inside its largest part (polygons), half-way along (lines),
    on it (points), in the middle of a group of points (one place drawn as several, such as 皮杨组团); small polygons
    are labelled only when zoomed in, so city-centre names do not pile up."""
    out = {}
    zooms = gdf["min_zoom"] if "min_zoom" in gdf.columns else [None] * len(gdf)
    for fid, geom, own_zoom in zip(gdf["id"], gdf.geometry, zooms):
        parts = list(getattr(geom, "geoms", [geom]))
        min_zoom = 0
        if geom.geom_type.endswith("Polygon"):
            largest = max(parts, key=lambda g: g.area)
            point = largest.representative_point()
            min_zoom = 10 if geom.envelope.area < SMALL_EXTENT_DEG2 else 0
        elif geom.geom_type.endswith("LineString"):
            longest = max(parts, key=lambda g: g.length)
            point = longest.interpolate(0.5, normalized=True)
        elif geom.geom_type == "MultiPoint" and len(parts) > 1:
            point = geom.centroid
        else:
            point = parts[0]
        if own_zoom is not None and own_zoom == own_zoom:  # a place name's own zoom (not NaN)
            min_zoom = float(own_zoom)
        out[str(fid)] = [round(point.y, 5), round(point.x, 5), min_zoom]
    return out


def _colours(style: dict[str, Any]) -> set[str]:
    return {str(style[k]).lower() for k in ("color", "fill_color") if style.get(k)}


def shown_legend(spec: LayerSpec, gdf: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """The layer's legend items that some feature shown is drawn with (a legend lists only what is on the map).

    An item stands for the style_by values whose colours it shares; an item that matches no value (or a layer
    without style_by) is shown whenever the layer has features."""
    if not len(gdf):
        return []
    values = (spec.style_by or {}).get("values") or {}
    prop = (spec.style_by or {}).get("property", "kind")
    if not values or prop not in gdf.columns:
        return list(spec.legend)
    drawn = set().union(*(_colours({**spec.style, **values.get(v, {})}) for v in set(gdf[prop].astype(str))))
    out = []
    for item in spec.legend:
        mine = _colours(item)
        stands_for = [v for v, style in values.items() if mine & _colours({**spec.style, **style})]
        if not stands_for or mine & drawn:
            out.append(item)
    return out


def legend_items(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> list[dict[str, Any]]:
    """Legend rows for what is drawn: each layer's items that its (possibly filtered) features use, and the
    schematic-shape row when a schematic feature is shown."""
    items = []
    for spec in specs:
        if spec.id not in layers:
            continue
        for item in shown_legend(spec, layers[spec.id]):
            items.append({"label": item.get(f"label_{lang}") or item.get("label_zh", spec.title(lang)),
                          "color": item.get("color"), "fill_color": item.get("fill_color"),
                          "shape": LEGEND_SHAPES.get(item.get("shape", "fill"), "fill"), "dash": item.get("dash")})
    if any("geometry_basis" in g and (g["geometry_basis"] == "schematic").any() for g in layers.values()):
        items.append({"label": t("schematic_legend", lang), "color": "#7a6a3a", "fill_color": "#fff6d8",
                      "shape": "fill", "dash": "7 5"})
    return items


def bounds_of(layers: dict[str, gpd.GeoDataFrame], specs: list[LayerSpec]) -> tuple[float, ...]:
    overlays = [layers[s.id] for s in specs if s.id in layers and s.group != "basemap" and len(layers[s.id])]
    if not overlays:
        return DALIAN_BOUNDS
    minx = min(g.total_bounds[0] for g in overlays)
    miny = min(g.total_bounds[1] for g in overlays)
    maxx = max(g.total_bounds[2] for g in overlays)
    maxy = max(g.total_bounds[3] for g in overlays)
    return (float(minx), float(miny), float(maxx), float(maxy))


def build_spec(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str, *, title: str = "",
               subtitle: str = "", notice: str = "", selected: str | None = None,
               view: dict[str, float] | None = None, plan_link: str | None = None,
               data_urls: dict[str, str] | None = None, only: dict[str, list[str]] | None = None,
               open_popup: bool = True, site_link: str | None = None,
               highlight: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """Everything planmap.js needs, in draw order (basemap first).

    data_urls: layers whose data the browser fetches (see layers/datafiles.py) instead of embedded data;
    only: for such layers, the feature ids to show (a filtered view of the published layer);
    site_link: where "report for this place" links go (".../site_report?site="; None, e.g. the static edition: none);
    highlight: "layer/id" keys drawn emphasised and always labelled (what a tour step talks about)."""
    data_urls, only = data_urls or {}, only or {}
    ordered = sorted((s for s in specs if s.id in layers), key=lambda s: s.group != "basemap")
    marked = frozenset(highlight)
    return {
        "lang": lang,
        "title": title,
        "subtitle": subtitle,
        "notice": notice,
        "text": {k: t(k, lang) for k in POPUP_TEXT_KEYS},
        "layers": [layer_entry(s, layers[s.id], lang, data_urls.get(s.id), only.get(s.id), marked) for s in ordered],
        "legend": legend_items(ordered, layers, lang),
        "bounds": bounds_of(layers, ordered),
        "selected": selected,
        "openPopup": open_popup,
        "view": view,
        "planLink": plan_link,
        "tools": tools_spec(lang, site_link),
        "highlight": sorted(marked),
        "sourceLabels": source_labels(layer_sources(layers[s.id] for s in ordered), lang),
    }


def layer_sources(frames) -> list[str]:
    """Every `source` of the features (and of their projects) in the given layers."""
    found: dict[str, None] = {}
    for gdf in frames:
        if "source" in gdf.columns:
            found.update(dict.fromkeys(str(v) for v in gdf["source"] if isinstance(v, str)))
        if "projects" in gdf.columns:
            for projects in gdf["projects"]:
                for p in projects if isinstance(projects, (list, tuple)) else ():
                    if isinstance(p, dict) and isinstance(p.get("source"), str):
                        found[p["source"]] = None
    return list(found)


def to_script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators survive as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text
