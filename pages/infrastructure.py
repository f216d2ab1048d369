"""Key projects and infrastructure: transport, energy, water, key towns, science, culture and heritage."""
from __future__ import annotations

from ui.guard import ensure_navigation

ensure_navigation()

import pandas as pd
import streamlit as st

from layers.i18n import pick, t
from layers.sources import source_label
from ui import data, map_page


def project_table(lang: str, layers) -> None:
    rows = []
    for layer_id, gdf in layers.items():
        for p in gdf.drop(columns="geometry").to_dict("records"):
            rows.append({t("col_name", lang): pick(p, "name", lang),
                         t("col_layer", lang): data.spec(layer_id).title(lang),
                         t("col_type", lang): t(f"ptype_{p.get('project_type') or 'none'}", lang),
                         t("col_source", lang): source_label(p.get("source", ""), lang),
                         t("col_basis", lang): t(f"basis_{p.get('geometry_basis')}", lang)})
    if rows:
        st.header(t("project_list", lang))
        st.caption(t("project_list_hint", lang))
        if st.toggle(t("show_table", lang), key="show_project_table"):  # the data grid loads only when asked for
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


lang = st.session_state.get("lang", "zh")
shown = map_page.render("infrastructure", "page_infrastructure", intro_key="infrastructure_intro")
project_table(lang, shown)
