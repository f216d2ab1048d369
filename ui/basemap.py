"""The basemap picker: online tile servers are contacted only after the visitor chooses one in this session.

A link may carry ?basemap=esri (a shared view), but a link is not the visitor's choice: until they pick an online
basemap themselves (in the sidebar, or with the button of the notice such a link shows), the map draws the offline
basemap and the browser asks no other host for anything. The choice lasts for the session (every map page).
"""
from __future__ import annotations

import streamlit as st

from layers.i18n import t
from layers.markdown import escape_md
from layers.render import BASEMAPS, available_basemaps
from ui import data, state

OFFLINE = "offline"
CHOSEN_KEY = "_basemap_chosen"   # what the visitor picked in this session (never set from a URL)
WIDGET_KEY = "basemap_select"


def _choose(basemap: str) -> None:
    """The visitor's own choice (a widget callback); it also answers any request a link made."""
    st.session_state[CHOSEN_KEY] = st.session_state[WIDGET_KEY] = basemap
    if basemap == OFFLINE and "basemap" in st.query_params:
        del st.query_params["basemap"]


def _picked() -> None:
    _choose(st.session_state[WIDGET_KEY])


def basemap_choice(lang: str) -> str:
    """The basemap to draw: the visitor's own choice in this session (offline until they make one)."""
    options = available_basemaps(data.site_config().tianditu_key)
    requested = state.choice("basemap", options, OFFLINE)  # from the link: only ever a suggestion
    chosen = st.session_state.get(CHOSEN_KEY, OFFLINE)
    if chosen not in options:
        chosen = OFFLINE
    if st.session_state.get(WIDGET_KEY) not in options:
        st.session_state[WIDGET_KEY] = chosen  # a new page shows the session's choice, not the link's
    picked = st.sidebar.selectbox(t("basemap", lang), options, key=WIDGET_KEY, on_change=_picked,
                                  format_func=lambda k: t(f"basemap_{k}", lang))
    if picked != chosen:  # set by code other than the visitor (should not happen): stay offline
        picked = chosen
    if picked != OFFLINE:
        st.sidebar.caption(escape_md(t("basemap_tiles_from", lang).format(host=BASEMAPS[picked].host)) + " "
                           + t("basemap_online_note", lang))
    pending = requested if requested not in (OFFLINE, picked) else None
    if pending:
        ask(pending, lang)
    state.set_param("basemap", picked if picked != OFFLINE else pending)  # a pending request stays in the URL
    return picked


def ask(basemap: str, lang: str) -> None:
    """The notice a link to an online basemap shows, with the visitor's two choices."""
    with st.container(key="basemap_ask"):
        st.info(escape_md(t("basemap_link_asks", lang).format(name=t(f"basemap_{basemap}", lang),
                                                             host=BASEMAPS[basemap].host)), icon="🌐")
        accept_col, decline_col, _ = st.columns([1, 1, 2])
        accept_col.button(t("basemap_link_accept", lang), key="basemap_accept", on_click=_choose, args=(basemap,))
        decline_col.button(t("basemap_link_decline", lang), key="basemap_decline", on_click=_choose, args=(OFFLINE,))
