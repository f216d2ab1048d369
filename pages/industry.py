"""Industry: 两岸三湾多园区, the 16 parks of Box 14, sector bases and service clusters, filterable by industry."""
from __future__ import annotations

from ui.guard import ensure_navigation

ensure_navigation()

import geopandas as gpd
import pandas as pd
import streamlit as st

from layers.catalog import LayerSpec
from layers.export import frame_to_csv
from layers.i18n import pick, t
from layers.markdown import escape_md
from layers.sources import source_label
from ui import data, map_page, state
from ui.downloads import data_button


def district_names(lang: str) -> dict[str, str]:
    """adcode → district name, from the district layer (one source for names, not a second copy here)."""
    gdf = data.load_layers([data.spec("districts")])[0].get("districts")
    if gdf is None:
        return {}
    return {str(r["adcode"]): pick(r, "name", lang) for r in gdf.drop(columns="geometry").to_dict("records")}


def categories(lang: str) -> list[dict]:
    table = data.load_table_or_warn("industry_categories", lang)
    return table if isinstance(table, list) else []


def industry_controls(lang: str):
    cats = categories(lang)
    by_id = {c["id"]: c for c in cats}
    ids = [""] + list(by_id)
    current = state.choice("industry", ids[1:], "") if cats else ""
    picked = st.sidebar.selectbox(t("industry_filter", lang), ids, index=ids.index(current), key="industry_select",
                                  format_func=lambda i: (f"{pick(by_id[i], 'family', lang)} · {pick(by_id[i], 'name', lang)}"
                                                         if i else t("industry_all", lang)))
    state.set_param("industry", picked or None)
    st.session_state["industry_picked"] = picked

    def keep(spec: LayerSpec, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        if not picked or "industries" not in gdf.columns:
            return gdf
        mask = gdf["industries"].map(lambda v: isinstance(v, (list, tuple)) and picked in v)
        return gdf[mask]

    return keep, picked


def results_panel(lang: str, layers: dict[str, gpd.GeoDataFrame]) -> None:
    picked = st.session_state.get("industry_picked")
    by_id = {c["id"]: c for c in categories(lang)}
    total = sum(len(g) for g in layers.values())
    heading = pick(by_id[picked], "name", lang) if picked in by_id else t("industry_all", lang)
    st.metric(escape_md(heading), f"{total} {t('places', lang)}")
    for layer_id, gdf in layers.items():
        if not len(gdf):
            continue
        st.markdown(f"**{escape_md(data.spec(layer_id).title(lang))}** ({len(gdf)})")
        st.markdown("\n".join(f"- {escape_md(pick(p, 'name', lang))}"
                               for p in gdf.drop(columns='geometry').to_dict('records')))


def parks_table(lang: str, layers: dict[str, gpd.GeoDataFrame]) -> None:
    parks = layers.get("ind_parks")
    if parks is None or not len(parks):
        return
    st.header(t("parks_table", lang))
    by_id = {c["id"]: c for c in categories(lang)}
    names = district_names(lang)
    rows = []
    for p in parks.drop(columns="geometry").to_dict("records"):
        district = names.get(str(p.get("district")), "")
        rows.append({t("col_name", lang): pick(p, "name", lang),
                     t("col_district", lang): district,
                     t("col_leading", lang): pick(p, "leading", lang),
                     t("col_featured", lang): pick(p, "featured", lang),
                     t("col_categories", lang): "、".join(pick(by_id[c], "name", lang) for c in p.get("industries", [])
                                                          if c in by_id),
                     t("col_source", lang): source_label(p.get("source", ""), lang)})
    table = pd.DataFrame(rows)
    # The data grid costs the browser ~1.2 MB of scripts: load it when asked for, not with the map.
    if st.toggle(t("show_table", lang), key="show_parks_table"):
        st.dataframe(table, hide_index=True, width="stretch")
    data_button(t("download_table", lang), frame_to_csv(table), "dalian_parks.csv", "text/csv", "dl_parks")


lang = st.session_state.get("lang", "zh")
shown = map_page.render("industry", "page_industry", intro_key="industry_intro", controls=industry_controls,
                        side_panel=results_panel)
parks_table(lang, shown)
