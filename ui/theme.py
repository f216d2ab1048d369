"""Page-level CSS and the page's language (constants; no data is ever inserted).

CSS: captions dark enough to read (≥ 4.5:1 on white and on the sidebar's grey), and the map frame's size, reserved
before the map loads: 640 px on a desktop, on a phone the screen below the page heading, so the whole map, legend
button and notice included, is in sight (the map fills its frame, see ui/map_frame.py); the tour's map is taller. Sent with st.html, whose style-only content takes no room in the page and needs none of the
Markdown renderer's raw-HTML plugin (which st.markdown loads when raw HTML is allowed: ~180 KiB).
"""
from __future__ import annotations

import streamlit as st

from layers.render import DEFAULT_ASSET_BASE, versioned

HTML_LANG = {"zh": "zh-Hans", "en": "en"}  # BCP 47 tags for <html lang>

FRAME_HEIGHT = "clamp(320px, calc(100svh - 110px), 640px)"  # a desktop's map frame
PHONE_FRAME_HEIGHT = "clamp(340px, calc(100svh - 300px), 640px)"  # a phone's: the screen below the page heading
TOUR_FRAME_HEIGHT, TOUR_PHONE_FRAME_HEIGHT = "max(70vh, 420px)", "60vh"
# Spacing and heading sizes are in .streamlit/config.toml ([theme]): they apply before any element is drawn. What
# is here may arrive after the first elements (st.html loads lazily), so it changes nothing's size or place above
# the map: colours, and the map's place, which the map's container holds from the moment it exists (its iframe
# only comes later, after a 40 px placeholder).
CSS = """
<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }  /* captions are faded to 60 %: #828180-like, 2.8:1 */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #55585e; }
button kbd { opacity: 1 !important; }  /* a button's shortcut hint, faded by default below 4.5:1 */
iframe[title="streamlit_folium.st_folium"] { display: block; height: FRAME !important; }
[class*="st-key-mapframe_"] { height: FRAME !important; overflow: hidden !important; }
[class*="st-key-mapframe_"] [data-testid="stSkeleton"] { display: none; }  /* the map's place is held already */
.st-key-tour_map iframe[title="streamlit_folium.st_folium"] { height: TOUR !important; }
.st-key-tour_map [class*="st-key-mapframe_"] { height: TOUR !important; }
@media (max-width: 640px) {
  iframe[title="streamlit_folium.st_folium"] { height: PHONE !important; }
  [class*="st-key-mapframe_"] { height: PHONE !important; }
  .st-key-tour_map iframe[title="streamlit_folium.st_folium"] { height: TPHONE !important; }
  .st-key-tour_map [class*="st-key-mapframe_"] { height: TPHONE !important; }
}
</style>
""".replace("TPHONE", TOUR_PHONE_FRAME_HEIGHT).replace("PHONE", PHONE_FRAME_HEIGHT).replace(
    "TOUR", TOUR_FRAME_HEIGHT).replace("FRAME", FRAME_HEIGHT)

# Streamlit's page says <html lang="en"> whatever the UI language; static/js/pagelang.js sets it to the UI language.
# static/js/aria.js repairs the ARIA slip axe finds in Streamlit's file uploader.
PAGE_SCRIPTS = '<script src="{src}" data-lang="{tag}"></script><script src="{aria}"></script>'


def page_scripts(lang: str) -> None:
    """<html lang> = the UI language and the ARIA repair, from scripts in Streamlit's event container (which takes no
    room in the page, as style-only st.html does). Private Streamlit API: if it changes, the attribute stays "en"."""
    try:
        from streamlit.delta_generator_singletons import get_dg_singleton_instance
        from streamlit.proto.Html_pb2 import Html as HtmlProto

        proto = HtmlProto()
        proto.body = PAGE_SCRIPTS.format(src=versioned(DEFAULT_ASSET_BASE, "js/pagelang.js"),
                                         tag=HTML_LANG.get(lang, "zh-Hans"),
                                         aria=versioned(DEFAULT_ASSET_BASE, "js/aria.js"))
        proto.unsafe_allow_javascript = True
        get_dg_singleton_instance().event_dg._enqueue("html", proto)
    except Exception:  # noqa: BLE001 — a missing language attribute or repair must never break a page
        pass


def apply(lang: str) -> None:
    """The app's CSS (with the tour's, whose rules only match on the tour page) and the page's language."""
    from ui.tour import PAGE_CSS as TOUR_CSS

    st.html(CSS + TOUR_CSS)
    page_scripts(lang)
