"""Shows a folium map in the page (streamlit-folium's frame); the one home of how the map fills its frame.

The frame's height is set by the page's CSS (ui/theme.py: 640 px on a desktop, the screen below the page heading
on a phone; the tour's own CSS makes it taller), and the map inside fills the frame whatever its height, so the
legend, scale bar and notice at its bottom are never cut off.
"""
from __future__ import annotations

from collections.abc import Callable

import folium
import streamlit as st
from branca.element import Element
from streamlit_folium import st_folium

from layers.render import inline_stylesheets

FRAME_HEIGHT = 640  # px: the frame's height before the page's CSS applies (and where CSS is not applied)
# Constant CSS inside the map's frame (no data is inserted): the map fills the frame; nothing in it scrolls.
FRAME_CSS = """<style>
html, body { margin: 0; height: 100%; overflow: hidden; }
#map_div { height: 100vh !important; width: 100% !important; }
.pm-fallback { position: fixed !important; }  /* in the frame's viewport: moves nothing while the map is built */
</style>"""


def show(fmap: folium.Map, key: str, extra_css: str = "", *, returned_objects: tuple[str, ...] = (),
         on_change: Callable[[], None] | None = None) -> None:
    """The map filling its frame; extra_css: constant CSS of the page. By default display only (no reruns on pan
    or zoom); returned_objects and on_change as in st_folium for a map that reports back (the site report's drawing).
    The map's stylesheets go inline into the frame's head (layers.render.inline_stylesheets): as links, the
    component would add them only after the scripts, and the map's controls would jump."""
    styles = inline_stylesheets(fmap)
    fmap.default_css = []
    fmap.get_root().header.add_child(Element(styles + FRAME_CSS + extra_css))
    # The container holds the map's place from the moment it exists (a fixed height is part of Streamlit's layout,
    # not of CSS that may come later), while Streamlit shows placeholders for the component: nothing below moves
    # when the map arrives. The page's CSS (ui/theme.py: st-key-mapframe_*) then fits it to a phone or the tour.
    with st.container(key=f"mapframe_{key}", height=FRAME_HEIGHT, border=False, autoscroll=False):
        st_folium(fmap, height=FRAME_HEIGHT, use_container_width=True, returned_objects=list(returned_objects),
                  key=key, on_change=on_change)
