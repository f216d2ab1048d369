"""The shared sidebar: language switch (kept in ?lang=) and notices about ignored link parameters."""
from __future__ import annotations

import streamlit as st

from layers.i18n import LANGUAGES, t
from ui import state

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
