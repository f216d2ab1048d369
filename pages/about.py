"""About the data: the layer catalog with sources and licenses, and the live data check."""
from ui.guard import ensure_navigation

ensure_navigation()

import pandas as pd
import streamlit as st

from layers.catalog import CatalogError, catalog
from layers.i18n import t
from layers.markdown import escape_md
from layers.loading import validate_all
from layers.sources import source_label
from ui.tables import html_table

lang = st.session_state.get("lang", "zh")


def group_name(group: str) -> str:
    """A catalog group as the page that shows it (“产业布局”); the basemap by name."""
    return t(f"page_{group}" if group != "basemap" else "group_basemap", lang)


st.title(t("page_about", lang))
st.write(t("about_intro", lang))
st.header(t("problems_title", lang))
problems = validate_all()
if problems:
    for problem in problems:
        st.warning(escape_md(problem))
else:
    st.success(t("all_data_ok", lang))
st.header(t("catalog_table", lang))
try:
    rows = [{t("col_id", lang): s.id, t("col_layer", lang): s.title(lang), t("col_group", lang): group_name(s.group),
             t("col_source", lang): source_label(s.source, lang), t("col_license", lang): s.license,
             t("col_built", lang): s.built, t("col_file", lang): f"geodata/{s.file}"} for s in catalog()]
    html_table(pd.DataFrame(rows), key="catalog")  # last on the page: it fits a phone from its first paint
except CatalogError as exc:
    st.error(escape_md(exc))
