"""Urban layout: 一核四城、四片七组团, the four corridors, Dalian Bay, and a district picker with Box 13 functions."""
from __future__ import annotations

from ui.guard import ensure_navigation

ensure_navigation()

import streamlit as st

from layers.i18n import pick, t
from layers.markdown import escape_md
from layers.sources import source_label
from ui import data, map_page, state

DISTRICT_LAYER = "districts"


def district_picker(lang: str) -> str | None:
    """Sidebar picker (?district=<id>): zooms the map to the district and shows its function beside the map."""
    layers, _ = data.load_layers([data.spec(DISTRICT_LAYER)])
    gdf = layers.get(DISTRICT_LAYER)
    if gdf is None:
        return None
    names = {row["id"]: pick(row, "name", lang) for row in gdf.drop(columns="geometry").to_dict("records")}
    ids = [""] + list(names)
    current = state.choice("district", ids[1:], "")
    picked = st.sidebar.selectbox(t("district_picker", lang), ids, index=ids.index(current), key="district_select",
                                  format_func=lambda i: names.get(i, t("district_none", lang)),
                                  on_change=state.view_cleared_on_change("district", "district_select"))
    state.set_param("district", picked or None)
    return picked or None


def district_panel(picked: str | None):
    def panel(lang: str, layers) -> None:
        st.header(t("layout_structure", lang))
        st.markdown(t("layout_structure_text", lang))
        if not picked:
            st.caption(t("district_hint", lang))
            return
        gdf = data.load_layers([data.spec(DISTRICT_LAYER)])[0].get(DISTRICT_LAYER)
        row = gdf[gdf["id"] == picked].drop(columns="geometry").to_dict("records")[0]
        st.subheader(escape_md(pick(row, "name", lang)))
        st.caption(escape_md(f"{t('entry', lang)}: {pick(row, 'entry', lang)} · {t('source', lang)} "
                             f"{source_label(row.get('source', ''), lang)}"))
        st.markdown(f"**{t('industries', lang)}**")
        st.text(pick(row, "industries", lang))
        st.markdown(f"**{t('col_function', lang)}**")
        st.text(row.get("function_zh", "") if lang == "zh" else f"{row.get('function_en', '')}\n\n{row.get('function_zh', '')}")
        projects = row.get("projects") or []
        if projects:
            st.markdown(f"**{t('projects', lang)} ({len(projects)})**")
            st.text("\n".join(f"• {p.get('name_en') if lang == 'en' and p.get('name_en') else p['name_zh']}"
                              f" — {source_label(p.get('source', ''), lang)}" for p in projects))
    return panel


lang = st.session_state.get("lang", "zh")
picked = district_picker(lang)
map_page.render("layout", "page_layout", intro_key="layout_intro", side_panel=district_panel(picked),
                reference_layers=(DISTRICT_LAYER,), focus=f"{DISTRICT_LAYER}/{picked}" if picked else None)
