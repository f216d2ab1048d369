"""Entry point: `streamlit run app.py`. Navigation, language switch and the shared sidebar."""
from __future__ import annotations

import streamlit as st

from layers.catalog import CatalogError, catalog
from layers.i18n import t
from layers.markdown import escape_md
from ui import sidebar, theme
from ui.navigation import listed_pages

st.set_page_config(page_title="大连“十四五”规划空间布局 · Dalian 14th FYP map", page_icon="🗺️",
                   layout="wide", initial_sidebar_state="auto")

theme.apply()
lang = sidebar.language_switch()
try:
    groups = {spec.group for spec in catalog()}
except CatalogError as exc:
    groups = set()
    st.error(escape_md(exc))
pages = [st.Page(p.file, title=t(p.title_key, lang), url_path=p.url_path, default=(p.url_path == "overview"))
         for p in listed_pages(groups)]
current = st.navigation(pages)
sidebar.global_search(lang)
st.sidebar.caption(t("app_title", lang))
current.run()
sidebar.show_param_notices(lang)  # after the page, which validates its own parameters
