"""Page state kept in the URL (?lang=…&layers=…&basemap=…), validated: bad values are dropped with a notice."""
from __future__ import annotations

import re

import streamlit as st

from layers.i18n import DEFAULT_LANGUAGE, LANGUAGES
from layers.markdown import escape_md

MAX_PARAM_LENGTH = 500
LAYER_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _notices() -> list[str]:
    return st.session_state.setdefault("_param_notices", [])


def note_invalid(name: str, value: str) -> None:
    """Remember an ignored parameter for a notice (Markdown: the value is escaped, shown as plain text)."""
    shown = repr(value if len(value) <= 40 else value[:40] + "…")
    _notices().append(f"{name}={escape_md(shown)}")


def pop_notices() -> list[str]:
    notices = list(dict.fromkeys(_notices()))
    st.session_state["_param_notices"] = []
    return notices


def param(name: str) -> str | None:
    """A query parameter, or None when absent or oversized (oversized ones are reported)."""
    value = st.query_params.get(name)
    if value is None:
        return None
    if len(value) > MAX_PARAM_LENGTH:
        note_invalid(name, value)
        return None
    return value


def language() -> str:
    """The language from the URL (or the last choice), written back so it survives page changes."""
    raw = param("lang")
    if raw is not None and raw not in LANGUAGES:
        note_invalid("lang", raw)
        raw = None
    lang = raw or st.session_state.get("lang") or DEFAULT_LANGUAGE
    st.session_state["lang"] = lang
    return lang


def set_param(name: str, value: str | None) -> None:
    if value:
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def set_subject(name: str, value: str | None) -> None:
    """Set what the map is about (?select=, ?district=, ?step=): a new subject is framed afresh, so a ?view= that
    described the old one goes. Also for widget callbacks."""
    if st.query_params.get(name) != value:
        set_param("view", None)
    set_param(name, value)


def clear_subject(name: str) -> None:
    set_subject(name, None)


def view_cleared_on_change(name: str, key: str):
    """A widget on_change callback: the widget (session key) sets ?name=, dropping the old ?view=."""
    def callback() -> None:
        set_subject(name, st.session_state.get(key) or None)
    return callback


def layer_choice(known: list[str], defaults: list[str]) -> list[str]:
    """Layers named in ?layers= that exist; unknown names are reported and ignored."""
    raw = param("layers")
    if raw is None:
        return defaults
    chosen = []
    for name in filter(None, (part.strip() for part in raw.split(","))):
        if name in known and LAYER_ID.match(name):
            chosen.append(name)
        else:
            note_invalid("layers", name)
    return chosen


def choice(name: str, allowed: list[str], default: str) -> str:
    raw = param(name)
    if raw is None:
        return default
    if raw in allowed:
        return raw
    note_invalid(name, raw)
    return default


VIEW_LIMITS = {"lat": (37.0, 41.5), "lon": (119.0, 125.5), "zoom": (6, 18)}


def view() -> dict[str, float] | None:
    """?view=lat,lon,zoom (written by the map's share control) when it is a sensible view of Dalian."""
    raw = param("view")
    if raw is None:
        return None
    try:
        lat, lon, zoom = (float(part) for part in raw.split(","))
    except ValueError:
        note_invalid("view", raw)
        return None
    values = {"lat": lat, "lon": lon, "zoom": zoom}
    if not all(lo <= values[k] <= hi for k, (lo, hi) in VIEW_LIMITS.items()):
        note_invalid("view", raw)
        return None
    return {"lat": round(lat, 5), "lon": round(lon, 5), "zoom": round(zoom * 4) / 4}  # the map zooms in quarters
