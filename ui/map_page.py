"""A map page for one catalog group: layer toggles, basemap choice, the map, problems, a text list, downloads."""
from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from layers.catalog import LayerSpec
from layers.export import to_csv_text, to_geojson_text
from layers.i18n import pick, t
from layers.mapspec import build_spec
from layers.render import available_basemaps, build_map, missing_assets
from layers.validation import Problem
from ui import data, state

MAP_HEIGHT = 640


def layer_toggles(specs: list[LayerSpec], lang: str) -> list[str]:
    """Sidebar checkboxes; the URL's ?layers= sets the initial choice."""
    ids = [s.id for s in specs]
    initial = state.layer_choice(ids, [s.id for s in specs if s.default_visible])
    st.sidebar.subheader(t("layers", lang))
    chosen = []
    for spec in specs:
        key = f"layer_{spec.id}"
        if key not in st.session_state:
            st.session_state[key] = spec.id in initial
        if st.sidebar.checkbox(spec.title(lang), key=key, help=spec.description(lang) or None):
            chosen.append(spec.id)
    state.set_param("layers", ",".join(chosen) if chosen != [s.id for s in specs if s.default_visible] else None)
    return chosen


def basemap_choice(lang: str) -> str:
    options = available_basemaps(data.site_config().tianditu_key)
    current = state.choice("basemap", options, "offline")
    picked = st.sidebar.selectbox(t("basemap", lang), options, index=options.index(current),
                                  format_func=lambda k: t(f"basemap_{k}", lang), key="basemap_select")
    if picked != "offline":
        st.sidebar.caption(t("basemap_online_note", lang))
    state.set_param("basemap", picked if picked != "offline" else None)
    return picked


def show_problems(problems: list[Problem], lang: str) -> None:
    for problem in problems:
        st.warning(f"**{t('layer_problem', lang)}** — {problem}. {t('layer_problem_rest', lang)}", icon="⚠️")


def feature_table(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> pd.DataFrame:
    rows = []
    for spec in specs:
        gdf = layers.get(spec.id)
        if gdf is None:
            continue
        for props in gdf.drop(columns="geometry").to_dict("records"):
            rows.append({t("col_name", lang): pick(props, "name", lang),
                         t("col_layer", lang): spec.title(lang),
                         t("col_function", lang): pick(props, "function", lang),
                         t("col_source", lang): props.get("source", ""),
                         t("col_basis", lang): t(f"basis_{props.get('geometry_basis')}", lang)})
    return pd.DataFrame(rows)


def downloads(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str, stem: str) -> None:
    shown = {s.id: layers[s.id] for s in specs if s.id in layers}
    if not shown:
        return
    st.sidebar.subheader(t("download", lang))
    st.sidebar.download_button(t("download_geojson", lang), to_geojson_text(shown), file_name=f"{stem}.geojson",
                               mime="application/geo+json", key=f"dl_geojson_{stem}")
    st.sidebar.download_button(t("download_csv", lang), to_csv_text(shown), file_name=f"{stem}.csv",
                               mime="text/csv", key=f"dl_csv_{stem}")


@st.cache_data(show_spinner=False, max_entries=64)
def _spec_json(layer_ids: tuple[str, ...], lang: str, title: str, subtitle: str, notice: str,
               _layers: dict[str, gpd.GeoDataFrame], stamp: tuple) -> str:
    specs = [s for s in data.basemap_specs()] + [s for g in ("overview", "layout", "industry", "ecology",
                                                              "infrastructure") for s in data.specs_for(g)]
    specs = [s for s in specs if s.id in layer_ids]
    return json.dumps(build_spec(specs, _layers, lang, title=title, subtitle=subtitle, notice=notice),
                      ensure_ascii=False)


def render(group: str, page_key: str, intro_key: str | None = None) -> None:
    """The whole page for one group of layers."""
    lang = st.session_state.get("lang", "zh")
    specs = data.specs_for(group)
    st.title(t(page_key, lang))
    if intro_key:
        st.caption(t(intro_key, lang))
    if not specs:
        st.info(t("no_layers_yet", lang))
        return
    chosen_ids = layer_toggles(specs, lang)
    basemap = basemap_choice(lang)
    chosen = [s for s in specs if s.id in chosen_ids]
    base_layers, base_problems = data.load_layers(data.basemap_specs())
    layers, problems = data.load_layers(chosen)
    show_problems(base_problems + problems, lang)
    all_layers = {**base_layers, **layers}
    ids = tuple(all_layers)
    stamp = tuple(data.file_stamp(s) for s in data.basemap_specs() + chosen)
    spec = json.loads(_spec_json(ids, lang, t(page_key, lang), t("app_title", lang),
                                 data.site_config().notice(lang), all_layers, stamp))
    missing = missing_assets()
    if missing:
        st.error(f"**{t('assets_missing', lang)}**: {', '.join(missing)}. {t('assets_missing_hint', lang)}")
    else:
        fmap = build_map(spec, basemap=basemap, tianditu_key=data.site_config().tianditu_key)
        st_folium(fmap, height=MAP_HEIGHT, use_container_width=True, returned_objects=[], key=f"map_{group}")
    if not chosen:
        st.info(t("no_layers_selected", lang))
    table = feature_table(chosen, layers, lang)
    if len(table):
        with st.expander(f"{t('feature_list', lang)} · {len(table)} {t('features', lang)}"):
            st.dataframe(table, hide_index=True, use_container_width=True)
    downloads(chosen, layers, lang, stem=f"dalian_{group}")
