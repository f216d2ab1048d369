"""The app's one search box (on every map page, above the map): any place or project of any layer.

Results are ranked by layers.search (exact and whole-word name matches first) and each says why it matched.
Picking one opens it on its own map page with ?select=layer/id, which zooms to it and shows its details; the box
then empties, and a line above the map names what is selected, with a button to clear it.
"""
from __future__ import annotations

import streamlit as st

from layers.i18n import t
from layers.markdown import escape_md
from layers.search import MAX_QUERY, Match, build_index, find
from ui import data, state
from ui.navigation import PAGES

QUERY_KEY = "place_search"
GOTO_KEY = "_search_goto"
LIMIT = 8


@st.cache_resource(show_spinner=False)
def _index(stamp: tuple):
    specs = data.all_specs()
    layers, _ = data.load_layers(specs)
    return build_index(specs, layers)


def index():
    return _index(tuple(data.file_stamp(s) for s in data.all_specs()))


def page_of(group: str) -> str | None:
    """The map page file that shows a catalog group."""
    return next((p.file for p in PAGES if (p.group or p.url_path) == group), None)


def _pick(key: str, group: str) -> None:
    """Button callback: a feature of this page is selected at once (?select=, no old ?view=); one of another
    page is opened by the script run that follows (follow_pick). The box empties."""
    st.session_state[QUERY_KEY] = ""
    entry = next((e for e in index() if e.key == key), None)
    if entry is None:
        return
    if entry.group == group or page_of(entry.group) is None:
        state.set_subject("select", key)
    else:
        st.session_state[GOTO_KEY] = (page_of(entry.group), key)


def follow_pick(lang: str) -> None:
    """Open a feature picked on another page: switch to its page, zoomed to it. Call before drawing the page."""
    goto = st.session_state.pop(GOTO_KEY, None)
    if goto:
        st.switch_page(goto[0], query_params={"select": goto[1], "lang": lang})


def _clear() -> None:
    state.clear_subject("select")


def _label(found: Match, lang: str) -> tuple[str, str]:
    entry = found.entry
    other = entry.name_zh if lang == "en" else entry.name_en
    title = data.spec(entry.layer_id).title(lang)
    label = f"{escape_md(entry.name(lang))}" + (f" · {escape_md(other)}" if other and other != entry.name(lang) else "")
    if found.field == "text":
        why = f"{t('search_why_text', lang)} “{found.snippet}”"
    else:
        why = t(f"search_why_{found.field}", lang)
    return f"**{label}** — {escape_md(title)}", escape_md(f"{t('search_matched', lang)}{why}")


def search_box(group: str, lang: str, selected: str | None = None, names: dict[str, str] | None = None) -> None:
    """The box and its results (group: this page's catalog group). selected: the feature shown now (its name from
    names), offered for clearing."""
    # The label is read out (the input's accessible name) but not shown: Streamlit draws the box lazily from a
    # placeholder as high as the input alone, and a shown label grew it by 28 px, moving the map below (issue 15).
    query = st.text_input(t("search", lang), key=QUERY_KEY, max_chars=MAX_QUERY,
                          placeholder=t("search_placeholder", lang), label_visibility="collapsed")
    if query.strip():
        results = find(query, index(), limit=200, lang=lang)
        if not results:
            st.caption(t("search_none", lang))
        for n, found in enumerate(results[:LIMIT]):
            label, why = _label(found, lang)
            st.button(label, key=f"search_pick_{n}_{found.entry.key}", on_click=_pick, args=(found.entry.key, group),
                      width="stretch")
            st.caption(why)
        if len(results) > LIMIT:
            st.caption(t("search_more", lang).format(n=len(results) - LIMIT))
    if selected and not query.strip():
        name = (names or {}).get(selected, selected)
        text_col, button_col = st.columns([4, 1], vertical_alignment="center")
        text_col.markdown(f"{t('search_showing', lang)}**{escape_md(name)}**")
        button_col.button(t("search_clear", lang), key="search_clear", on_click=_clear, width="stretch")
