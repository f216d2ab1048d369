"""About the data: the layer catalog with sources and licenses, and the live data check."""
from ui.guard import ensure_navigation

ensure_navigation()

import pandas as pd
import streamlit as st

from layers.catalog import CatalogError, catalog
from layers.i18n import t
from layers.markdown import escape_md
from layers.loading import validate_all

lang = st.session_state.get("lang", "zh")
st.title(t("page_about", lang))
st.write(t("about_intro", lang))
st.subheader(t("catalog_table", lang))
try:
    rows = [{"id": s.id, t("col_layer", lang): s.title(lang), "group": s.group, t("col_source", lang): s.source,
             "license": s.license, "built": s.built, "file": f"geodata/{s.file}"} for s in catalog()]
    st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)
except CatalogError as exc:
    st.error(escape_md(exc))
st.subheader(t("problems_title", lang))
problems = validate_all()
if problems:
    for problem in problems:
        st.warning(escape_md(problem))
else:
    st.success(t("all_data_ok", lang))
