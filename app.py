"""Entry point: `streamlit run app.py`. Navigation, language switch and the shared sidebar."""
from __future__ import annotations

import streamlit as st

from layers.catalog import CatalogError, catalog
from layers.i18n import t
from layers.markdown import escape_md
from ui import sidebar, state, theme
from ui.navigation import listed_pages, page_path, sidebar_state

lang = state.language()  # from the address or the last choice (the switch below sets both in its callback)
# The page's whole configuration before anything else, the sidebar's state included (the page is known from the
# address): set after the navigation, the sidebar could open and then animate shut; after a sidebar widget, it did.
guessed = sidebar_state(page_path(st.context.url))
st.set_page_config(page_title="大连“十四五”规划空间布局 · Dalian 14th FYP map", page_icon="🗺️", layout="wide",
                   initial_sidebar_state=guessed)
try:
    groups = {spec.group for spec in catalog()}
    catalog_problem = None
except CatalogError as exc:
    groups, catalog_problem = set(), exc
pages = [st.Page(p.file, title=t(p.title_key, lang), url_path=p.url_path, default=(p.url_path == "overview"))
         for p in listed_pages(groups)]
current = st.navigation(pages)
if sidebar_state(current.url_path) != guessed:  # the address the session began with is not this page's
    st.set_page_config(initial_sidebar_state=sidebar_state(current.url_path))
theme.apply(lang)
sidebar.language_switch(lang)
if catalog_problem is not None:
    st.error(escape_md(catalog_problem))
st.sidebar.caption(t("app_title", lang))
current.run()
sidebar.show_param_notices(lang)  # after the page, which validates its own parameters
