"""The shared sidebar: language switch (kept in ?lang=) and notices about ignored link parameters.
(The one search box is on the map pages, above the map: ui/search.py.)"""
from __future__ import annotations

import streamlit as st

from layers.i18n import LANGUAGES, t
from ui import state

LANGUAGE_LABELS = {"zh": "中文", "en": "English"}
RADIO_KEY = "lang_radio"


def _switched() -> None:
    """Radio callback (runs before the script): the new language is in the address and the session before the
    page list, the page config and the page are made."""
    lang = st.session_state[RADIO_KEY]
    st.session_state["lang"] = lang
    state.set_param("lang", lang)


def language_switch(lang: str) -> None:
    """Chinese by default; the choice lives in the URL so links and page changes keep it. lang: state.language(),
    read before anything was drawn (the radio shows it, also after a link changed it)."""
    st.session_state[RADIO_KEY] = lang
    st.sidebar.radio(t("language", lang), LANGUAGES, format_func=LANGUAGE_LABELS.get, horizontal=True,
                     key=RADIO_KEY, on_change=_switched)
    state.set_param("lang", lang)


def show_param_notices(lang: str) -> None:
    for notice in state.pop_notices():
        st.toast(f"{t('unknown_param', lang)}: {notice}")
