"""The shared sidebar: language switch (kept in ?lang=) and notices about ignored link parameters."""
from __future__ import annotations

import streamlit as st

from layers.i18n import LANGUAGES, t
from layers.search import build_index, search
from ui import data, state
from ui.navigation import PAGES

LANGUAGE_LABELS = {"zh": "中文", "en": "English"}


def language_switch() -> str:
    """Chinese by default; the choice lives in the URL so links and page changes keep it."""
    lang = state.language()
    picked = st.sidebar.radio(t("language", lang), LANGUAGES, index=LANGUAGES.index(lang),
                              format_func=LANGUAGE_LABELS.get, horizontal=True, key="lang_radio")
    if picked != lang:
        lang = picked
        st.session_state["lang"] = lang
    state.set_param("lang", lang)
    return lang


def show_param_notices(lang: str) -> None:
    for notice in state.pop_notices():
        st.toast(f"{t('unknown_param', lang)}: {notice}")


@st.cache_resource(show_spinner=False)
def _index(stamp: tuple):
    specs = data.all_specs()
    layers, _ = data.load_layers(specs)
    return build_index(specs, layers)


def global_search(lang: str) -> None:
    """One box for every layer: results link to the map page of the feature's group, zoomed to it."""
    query = st.sidebar.text_input(t("search", lang), key="global_search", max_chars=60,
                                  placeholder=t("search_placeholder", lang))
    if not query.strip():
        return
    page_of = {p.group or p.url_path: p.file for p in PAGES}
    stamp = tuple(data.file_stamp(s) for s in data.all_specs())
    results = search(query, _index(stamp))
    if not results:
        st.sidebar.caption(t("search_none", lang))
    for entry in results:
        page = page_of.get(entry.group)
        if page:
            title = data.spec(entry.layer_id).title(lang)
            st.sidebar.page_link(page, label=f"{entry.name(lang)} · {title}",
                                 query_params={"select": entry.key, "lang": lang})
