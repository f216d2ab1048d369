"""Placeholder while the tour page is being built."""
from ui.guard import ensure_navigation

ensure_navigation()

import streamlit as st

from layers.i18n import t

lang = st.session_state.get("lang", "zh")
st.title(t("page_tour", lang))
st.info(t("no_layers_yet", lang))
