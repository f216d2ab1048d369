"""Download buttons that deliver every file, also under rapid clicks and many sessions, or say why not.

Why downloads got lost (Streamlit 1.67): a download button reruns the script when clicked. The rerun drops the
session's file references and registers the button again under a new id, so the click's own request for the file
it was about to build found "Deferred file … not found", or the built file was collected as an orphan before the
browser fetched it; the more sessions run at once, the more often. Here:
  - every download button is `on_click="ignore"`: a click never reruns the script, so its file stays registered;
  - files that are cheap to build (GeoJSON, CSV) are built once per content and registered with the page (a file
    built on click belongs to no session and could be collected before the browser fetched it);
  - slides (about a second of CPU each, and they can fail) are made by their own button in a normal run, which can
    show an error where the visitor looks; the finished file is kept for the session and offered by a plain download
    button until what the map shows changes.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

import geopandas as gpd
import streamlit as st

from layers.i18n import t
from layers.markdown import escape_md

LOG = logging.getLogger(__name__)
SLIDE_FORMATS = {"png": ("image/png", "download_png", "slide_make_png"),
                 "pdf": ("application/pdf", "download_pdf", "slide_make_pdf")}


def file_button(label: str, build: Callable[[], str | bytes], file_name: str, mime: str, key: str,
                content: str) -> None:
    """A sidebar button for a file of what is shown; the click does not rerun the page. content identifies the
    file's content (content_key with the data files' stamps): the file is built once per content, for every session.
    Built before the click, not when clicked: a file built on click is referenced by no session, and any session's
    next run could collect it as an orphan before the browser fetched it (a canceled download under load)."""
    data = _built(f"{content}:{file_name}", build)
    st.sidebar.download_button(label, data, file_name=file_name, mime=mime, key=key, on_click="ignore")


@st.cache_data(show_spinner=False, max_entries=64)
def _built(content: str, _build: Callable[[], str | bytes]) -> str | bytes:
    return _build()


def data_button(label: str, data: str | bytes, file_name: str, mime: str, key: str) -> None:
    """A button for a file that is already built (e.g. a table on the page); the click does not rerun the page."""
    st.download_button(label, data, file_name=file_name, mime=mime, key=key, on_click="ignore")


def content_key(shown: dict[str, gpd.GeoDataFrame], *parts: object) -> str:
    """Identifies what a slide shows: the layers, their features (after any filter), and the other arguments."""
    digest = hashlib.sha1(repr(parts).encode("utf-8"))
    for layer_id, gdf in shown.items():
        digest.update(f"|{layer_id}:{','.join(map(str, gdf['id']))}".encode("utf-8"))
    return digest.hexdigest()


def slide_font_problem() -> str | None:
    """Why slides cannot be drawn on this server (no CJK font), or None. layers.slide keeps the font it found for
    the process; matplotlib is imported here, when a page with slide buttons is drawn, not at start."""
    from layers.slide import SlideFontError, cjk_font_family

    try:
        cjk_font_family()
    except SlideFontError as exc:
        LOG.warning("slides cannot be made on this server: %s", exc)
        return str(exc)
    return None


def slide_buttons(shown: dict[str, gpd.GeoDataFrame], lang: str, title: str, stem: str,
                  bounds: tuple[float, float, float, float] | None) -> None:
    """For each slide format: a "make" button, then (once made, for as long as the view is the same) its download.
    Without a CJK font on the server the buttons are disabled under a message saying what to install."""
    if slide_font_problem() is not None:
        st.sidebar.warning(t("slide_font_missing", lang), icon="⚠️")
        for fmt, (_, _, make_key) in SLIDE_FORMATS.items():
            st.sidebar.button(t(make_key, lang), key=f"make_{fmt}_{stem}", disabled=True)
        return
    key = content_key(shown, lang, title, bounds)
    for fmt, (mime, download_key, make_key) in SLIDE_FORMATS.items():
        slot_name = f"_slide_{stem}_{fmt}"
        slot = st.session_state.get(slot_name)
        if slot and slot["key"] != key:  # made for another view: not offered any more
            slot = st.session_state[slot_name] = None
        holder = st.sidebar.empty()  # the make button, replaced by the download once the slide is made
        if not (slot and slot["data"]):
            holder.button(t(make_key, lang), key=f"make_{fmt}_{stem}", on_click=_want, args=(slot_name,))
            if st.session_state.get(f"{slot_name}_wanted"):
                # The wish is dropped only once the slide is stored: a run that another rerun interrupts (the map
                # reporting its view, a second click) leaves it for the next run, so no click is lost.
                with st.sidebar, st.spinner(t("slide_drawing", lang)):
                    slot = st.session_state[slot_name] = _make(shown, lang, title, bounds, fmt, key)
                st.session_state.pop(f"{slot_name}_wanted", None)
            if not (slot and slot["data"]):
                if slot:
                    st.sidebar.error(f"**{t('slide_failed', lang)}** {escape_md(slot['error'])}")
                continue
        holder.download_button(t(download_key, lang), slot["data"], file_name=f"{stem}.{fmt}", mime=mime,
                               key=f"dl_{fmt}_{stem}", on_click="ignore", type="primary")


def _want(slot_name: str) -> None:
    st.session_state[f"{slot_name}_wanted"] = True  # a callback: read by the run the click starts


def _make(shown: dict[str, gpd.GeoDataFrame], lang: str, title: str,
          bounds: tuple[float, float, float, float] | None, fmt: str, key: str) -> dict:
    """The slide's bytes, or the reason it cannot be made (for the visitor; the details go to the server log)."""
    from layers.slide import SlideError, SlideFontError, render_slide  # matplotlib only when a slide is asked for

    try:
        data = render_slide(list(shown), lang, bounds=bounds, title=title, fmt=fmt, layers=shown)
    except SlideFontError as exc:  # an operator's problem: the visitor is told what is missing, not server paths
        LOG.error("slide %s could not be made: %s", fmt, exc)
        return {"key": key, "data": None, "error": t("slide_no_font", lang)}
    except SlideError as exc:  # names the layer and file (relative): a data file that does not load, …
        LOG.warning("slide %s could not be made: %s", fmt, exc)
        return {"key": key, "data": None, "error": str(exc)}
    except Exception:  # an error nobody foresaw: logged with its trace, the visitor gets a plain message
        LOG.exception("slide %s could not be made", fmt)
        return {"key": key, "data": None, "error": t("slide_failed_unexpected", lang)}
    return {"key": key, "data": data, "error": None}
