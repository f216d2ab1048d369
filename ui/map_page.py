"""A map page for one catalog group: layer toggles, basemap, search, the map, a side panel, a text list, downloads.

Pages customise it with two optional hooks:
    controls(lang) -> filter        sidebar widgets returning a function that filters each loaded layer
    side_panel(lang, layers)        content shown beside the map (lists, targets, counts)
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import replace

import geopandas as gpd
import streamlit as st

from layers.catalog import LayerSpec
from layers.export import to_csv_text, to_geojson_text
from layers.i18n import pick, t
from layers.markdown import escape_md
from layers.mapspec import build_spec
from layers.render import build_map, missing_assets
from layers.sources import source_label
from layers.validation import Problem
from ui import data, map_frame, report_view, search, state
from ui.basemap import basemap_choice
from ui.downloads import content_key, file_button, slide_buttons

REFERENCE_STYLE = {"color": "#7a7a7a", "fill_color": "#ffffff", "fill_opacity": 0.0, "weight": 1.0, "dash": "3 3"}


def as_reference(spec: LayerSpec) -> LayerSpec:
    """A layer from another page drawn as a thin outline under this page's layers (still clickable)."""
    return replace(spec, style=REFERENCE_STYLE, style_by={}, labels=False,
                   legend=[{**item, "color": REFERENCE_STYLE["color"], "shape": "line", "dash": "3 3"}
                           for item in spec.legend[:1]])
LayerFilter = Callable[[LayerSpec, gpd.GeoDataFrame], gpd.GeoDataFrame]


def layer_toggles(specs: list[LayerSpec], lang: str) -> list[str]:
    """Sidebar checkboxes; the URL's ?layers= sets the initial choice."""
    ids = [s.id for s in specs]
    defaults = [s.id for s in specs if s.default_visible]
    initial = state.layer_choice(ids, defaults)
    selected = state.param("select") or ""
    if selected != st.session_state.get("_shown_select"):  # a link to a feature turns its layer on, once
        st.session_state["_shown_select"] = selected
        layer = selected.split("/")[0]
        if layer in ids:
            initial = [*initial, layer]
            st.session_state[f"layer_{layer}"] = True
    st.sidebar.header(t("layers", lang))  # h2: sections under the page's h1
    chosen = []
    for spec in specs:
        key = f"layer_{spec.id}"
        if key not in st.session_state:
            st.session_state[key] = spec.id in initial
        description = spec.description(lang)  # labels and help are Markdown: data text goes through escape_md
        if st.sidebar.checkbox(escape_md(spec.title(lang)), key=key,
                               help=escape_md(description) if description else None):
            chosen.append(spec.id)
    state.set_param("layers", ",".join(chosen) if chosen != defaults else None)
    return chosen


def show_problems(problems: list[Problem], lang: str) -> None:
    for problem in problems:
        st.warning(f"**{t('layer_problem', lang)}** — {escape_md(problem)}. {t('layer_problem_rest', lang)}",
                   icon="⚠️")


def feature_index(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> dict[str, str]:
    """'layer/id' → a readable name for every feature shown (for search and the ?select= parameter)."""
    index = {}
    for spec in specs:
        gdf = layers.get(spec.id)
        if gdf is None:
            continue
        for props in gdf.drop(columns="geometry").to_dict("records"):
            other = "en" if lang == "zh" else "zh"
            index[f"{spec.id}/{props['id']}"] = (f"{pick(props, 'name', lang)} · {pick(props, 'name', other)}"
                                                 f" — {spec.title(lang)}")
    return index


def selected_feature(index: dict[str, str]) -> str | None:
    """The feature named by ?select= when it is on this page (an unknown one is reported and dropped)."""
    current = state.param("select")
    if current is not None and current not in index:
        state.note_invalid("select", current)
        state.set_param("select", None)
        return None
    return current


def feature_list(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> list[str]:
    """The map as text (a Markdown list per layer, all data escaped): name, the plan's words, source, basis.
    Plain Markdown keeps the page light (a data grid costs the browser ~1.2 MB of extra scripts)."""
    blocks = []
    for spec in specs:
        gdf = layers.get(spec.id)
        if gdf is None or not len(gdf):
            continue
        lines = [f"**{escape_md(spec.title(lang))}** ({len(gdf)})"]
        for props in gdf.drop(columns="geometry").to_dict("records"):
            basis = t(f"basis_{props.get('geometry_basis')}", lang)
            lines.append(f"- **{escape_md(pick(props, 'name', lang))}** — {escape_md(pick(props, 'function', lang))} "
                         f"({escape_md(source_label(props.get('source', ''), lang))}; {escape_md(basis)})")
        blocks.append("\n".join(lines))
    return blocks


def feature_list_expander(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> None:
    """Below a map: what it shows as a text list, folded, reachable by keyboard and read by screen readers."""
    blocks = feature_list(specs, layers, lang)
    if not blocks:
        return
    count = sum(len(layers[s.id]) for s in specs if s.id in layers)
    with st.expander(f"{t('feature_list', lang)} · {count} {t('features', lang)}"):
        for block in blocks:
            st.markdown(block)


def view_bounds(view: dict[str, float] | None) -> tuple[float, float, float, float] | None:
    """The lon/lat box a ?view= (centre, zoom) shows on a typical 900×640 px map, for the slide export."""
    if not view:
        return None
    half_lon = 450 * 360 / (256 * 2 ** view["zoom"])
    half_lat = 320 * 360 / (256 * 2 ** view["zoom"]) * math.cos(math.radians(view["lat"]))
    return (view["lon"] - half_lon, view["lat"] - half_lat, view["lon"] + half_lon, view["lat"] + half_lat)


def downloads(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str, stem: str,
              title: str = "") -> None:
    """Slides and data files of what is shown (ui/downloads.py: every click delivers its file or says why)."""
    shown = {s.id: layers[s.id] for s in specs if s.id in layers}
    if not shown:
        return
    st.sidebar.header(t("download", lang))
    slide_buttons(shown, lang, title, stem, view_bounds(state.view()))
    content = content_key(shown, tuple(data.file_stamp(s) for s in specs if s.id in shown))
    file_button(t("download_geojson", lang), lambda: to_geojson_text(shown), f"{stem}.geojson",
                "application/geo+json", f"dl_geojson_{stem}", content)
    file_button(t("download_csv", lang), lambda: to_csv_text(shown), f"{stem}.csv", "text/csv", f"dl_csv_{stem}",
                content)


@st.cache_data(show_spinner=False, max_entries=128)
def _spec_json(layer_ids: tuple[str, ...], lang: str, title: str, subtitle: str, notice: str, selected: str | None,
               view: tuple | None, reference: tuple[str, ...], open_popup: bool,
               _layers: dict[str, gpd.GeoDataFrame], stamp: tuple) -> str:
    """The map spec as JSON, cached per (layers, language, selection, view, filter stamp, file times).
    Layer data is not embedded: the browser fetches each layer's published file (ui.data.published_url), unless
    that file cannot be written (a read-only checkout): then the layer's data travels inside the spec."""
    specs = [as_reference(s) if s.id in reference else s for s in data.all_specs() if s.id in layer_ids]
    urls = {layer_id: url for layer_id in layer_ids if (url := data.published_url(layer_id))}  # else: embedded
    only = {layer_id: [str(i) for i in gdf["id"]] for layer_id, gdf in _layers.items()
            if layer_id in urls and len(gdf) < data.feature_count(layer_id)}
    return json.dumps(build_spec(specs, _layers, lang, title=title, subtitle=subtitle, notice=notice,
                                 selected=selected, view=dict(zip(("lat", "lon", "zoom"), view)) if view else None,
                                 plan_link=f"/plan?lang={lang}&source=", data_urls=urls, only=only,
                                 open_popup=open_popup, site_link=report_view.site_link(lang)),
                      ensure_ascii=False)


def draw_map(group: str, title: str, lang: str, all_layers: dict[str, gpd.GeoDataFrame], selected: str | None,
             basemap: str, stamp: tuple, reference: tuple[str, ...] = (), open_popup: bool = True) -> None:
    missing = missing_assets()
    if missing:
        st.error(f"**{t('assets_missing', lang)}**: {', '.join(missing)}. {t('assets_missing_hint', lang)}")
        return
    view = state.view()  # a view from the address wins; the selected feature's details open in it
    spec = json.loads(_spec_json(tuple(all_layers), lang, title, t("app_title", lang),
                                 data.site_config().notice(lang), selected,
                                 tuple(view.values()) if view else None, reference, open_popup,
                                 all_layers, stamp))
    fmap = build_map(spec, basemap=basemap, tianditu_key=data.site_config().tianditu_key)
    map_frame.show(fmap, key=f"map_{group}")


def render(group: str, page_key: str, intro_key: str | None = None,
           controls: Callable[[str], tuple[LayerFilter, str]] | None = None,
           side_panel: Callable[[str, dict[str, gpd.GeoDataFrame]], None] | None = None,
           reference_layers: tuple[str, ...] = (), focus: str | None = None) -> dict[str, gpd.GeoDataFrame]:
    """The whole page for one group of layers; returns the layers shown (after any filter).

    reference_layers: layers of other groups drawn underneath as thin outlines (e.g. district boundaries);
    focus: a "layer/id" to zoom to and open, overriding the search box (e.g. a district picker)."""
    lang = st.session_state.get("lang", "zh")
    search.follow_pick(lang)
    specs = data.specs_for(group)
    st.title(t(page_key, lang))
    if intro_key:
        st.caption(t(intro_key, lang))
    if not specs:
        st.info(t("no_layers_yet", lang))
        return {}
    chosen_ids = layer_toggles(specs, lang)
    keep, filter_stamp = controls(lang) if controls else (None, "")
    basemap = basemap_choice(lang)  # online tiles only after the visitor's own choice (ui/basemap.py)
    chosen = [s for s in specs if s.id in chosen_ids]
    base_layers, base_problems = data.load_layers(data.basemap_specs() + [data.spec(i) for i in reference_layers])
    layers, problems = data.load_layers(chosen)
    if keep is not None:
        layers = {k: keep(data.spec(k), g) for k, g in layers.items()}
    show_problems(base_problems + problems, lang)
    names = feature_index(chosen, layers, lang)
    selected = selected_feature(names)
    search.search_box(group, lang, selected, names)
    selected = focus or selected
    stamp = (filter_stamp, reference_layers,
             *(data.file_stamp(s) for s in data.basemap_specs() + chosen))
    all_layers = {**base_layers, **layers}
    if side_panel:
        map_col, side_col = st.columns([3, 1], gap="medium")
        with map_col:
            draw_map(group, t(page_key, lang), lang, all_layers, selected, basemap, stamp, reference_layers,
                     open_popup=not focus)
        with side_col:
            side_panel(lang, layers)
    else:
        draw_map(group, t(page_key, lang), lang, all_layers, selected, basemap, stamp, reference_layers,
                     open_popup=not focus)
    if not chosen:
        st.info(t("no_layers_selected", lang))
    feature_list_expander(chosen, layers, lang)
    downloads(chosen, layers, lang, stem=f"dalian_{group}", title=t(page_key, lang))
    return layers
