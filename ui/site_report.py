"""The site report page: pick a place (click, coordinates, ?site=lon,lat) or an area (draw it, upload a boundary),
see what the plan says there, download it. The report itself comes from layers.site_report.

The chosen site lives in this session's st.session_state only (uploads are read from memory and never cached
across sessions); a point also lives in the URL (?site=lon,lat) so the link reopens the same report."""
from __future__ import annotations

import json
from dataclasses import dataclass

import shapely
import streamlit as st
from shapely.geometry import mapping, shape

from layers.catalog import LayerSpec
from layers.boundary_upload import MAX_BYTES, MAX_VERTICES, UPLOAD_TYPES, read_boundary
from layers.coords import DATUMS, DEFAULT_DATUM, datum_note, parse, parse_pair, parse_site_param
from layers.i18n import t
from layers.mapspec import build_spec
from layers.maptools import tools_spec
from layers.markdown import escape_md
from layers.notes import InputError, Note
from layers.render import build_map, missing_assets
from layers.site_index import SiteIndex, build_index
from layers.site_report import Report, area_report, point_report
from layers.site_rules import MAX_SITE_AREA_KM2, layers_used
from ui import data, map_frame, report_view, state
from ui.map_page import show_problems

MAP_KEY = "sr_map"
SHOWN_LAYERS = ("districts", "layout_zoning", "eco_sea", "eco_spine", "eco_corridors", "eco_protected",
                "eco_reservoirs", "ind_parks", "infra_towns")
DEFAULT_ZOOM = 11


@dataclass(frozen=True)
class Site:
    """What this session reports on: a point or an area (WGS-84), its own name, and what was assumed about it."""

    kind: str                       # point | area
    geometry: shapely.Geometry
    notes: tuple[Note, ...] = ()
    name: str = ""
    zoom: float | None = None       # the map's zoom when the place was clicked


def _specs(layer_ids: tuple[str, ...]) -> list[LayerSpec]:
    """The catalog entries of these layers that exist (a missing one is reported by the report, not raised)."""
    known = {s.id: s for s in data.all_specs()}
    return [known[i] for i in layer_ids if i in known]


@st.cache_resource(show_spinner=False, max_entries=4)
def _index(stamp: tuple) -> SiteIndex:
    loaded, problems = data.load_layers(_specs(layers_used()))
    return build_index(loaded, problems)


def site_index() -> SiteIndex:
    """The report's index over the page's cached layers (rebuilt when a data file changes)."""
    return _index(tuple(data.file_stamp(s) for s in _specs(layers_used())))


def _set_site(site: Site | None) -> None:
    st.session_state["sr_site"] = site
    st.session_state.pop("sr_error", None)
    if site is not None and site.kind == "point":
        value = f"{site.geometry.x:.6f},{site.geometry.y:.6f}"
        st.session_state["sr_param_seen"] = value
        state.set_param("site", value)
    else:
        st.session_state["sr_param_seen"] = None
        state.set_param("site", None)


def _fail(exc: InputError) -> None:
    st.session_state["sr_error"] = exc


def _point(lon: float, lat: float, notes: tuple[Note, ...], zoom: float | None = None) -> Site:
    return Site("point", shapely.Point(lon, lat), notes, zoom=zoom)


def on_map_change() -> None:
    """A click (report mode) or a drawn polygon arrived from the map (static/js/sitetools.js via streamlit-folium).
    The drawing comes from the browser, so it is checked like any other input."""
    drawing = (st.session_state.get(MAP_KEY) or {}).get("last_active_drawing")
    if not isinstance(drawing, dict):
        return
    props = drawing.get("properties") or {}
    seq = str(props.get("seq", ""))[:40]
    if seq and seq == st.session_state.get("sr_seq"):
        return
    st.session_state["sr_seq"] = seq
    zoom = props.get("zoom") if isinstance(props.get("zoom"), (int, float)) else None
    try:
        geom = shape(drawing.get("geometry") or {})
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, shapely.errors.ShapelyError):
        _fail(InputError("sr_err_polygon_needed"))
        return
    try:
        if geom.geom_type == "Point":
            parsed = parse_pair(geom.x, geom.y)
            _set_site(_point(parsed.lon, parsed.lat, parsed.notes, zoom))
        else:
            _set_site(Site("area", geom, (datum_note(DEFAULT_DATUM),)))
    except InputError as exc:
        _fail(exc)


def _from_url() -> None:
    raw = state.param("site")
    if raw is None or raw == st.session_state.get("sr_param_seen"):
        return
    st.session_state["sr_param_seen"] = raw
    try:
        parsed = parse_site_param(raw)
    except InputError as exc:
        state.note_invalid("site", raw)
        _fail(exc)
        return
    _set_site(_point(parsed.lon, parsed.lat, parsed.notes))


def datum_choice(lang: str) -> str:
    return st.radio(t("sr_datum", lang), DATUMS, index=DATUMS.index(DEFAULT_DATUM), horizontal=True,
                    format_func=lambda d: t(f"sr_datum_{d}", lang), key="sr_datum", help=t("sr_datum_help", lang))


def coordinate_form(lang: str, datum: str) -> None:
    """A position typed or pasted (Enter or the button); the same text is not read twice unless asked again."""
    text = st.text_input(t("sr_coords_label", lang), max_chars=120, placeholder=t("sr_tool_goto_placeholder", lang),
                         key="sr_coords_text")
    clicked = st.button(t("sr_coords_go", lang), key="sr_coords_go")
    entered = (text, datum)
    if not (clicked or (text.strip() and entered != st.session_state.get("sr_coords_seen"))):
        return
    st.session_state["sr_coords_seen"] = entered
    try:
        parsed = parse(text, datum)
    except InputError as exc:
        _fail(exc)
        return
    _set_site(_point(parsed.lon, parsed.lat, parsed.notes))


def upload_box(lang: str, datum: str) -> None:
    generation = st.session_state.get("sr_upload_generation", 0)
    limits = t("sr_upload_limits", lang).format(mb=MAX_BYTES // (1024 * 1024), vertices=f"{MAX_VERTICES:,}",
                                                km2=f"{MAX_SITE_AREA_KM2:,.0f}")
    uploaded = st.file_uploader(t("sr_upload", lang), type=list(UPLOAD_TYPES), key=f"sr_upload_{generation}",
                                help=limits, max_upload_size=MAX_BYTES // (1024 * 1024))
    st.caption(limits)
    if uploaded is None:
        return
    seen = (uploaded.file_id, datum)
    if st.session_state.get("sr_upload_seen") == seen:
        return
    st.session_state["sr_upload_seen"] = seen
    try:
        boundary = read_boundary(uploaded.getvalue(), uploaded.name, datum)
    except InputError as exc:
        _fail(exc)
        return
    if boundary.geometry.geom_type == "Point":
        _set_site(Site("point", boundary.geometry, boundary.notes, boundary.name))
    else:
        _set_site(Site("area", boundary.geometry, boundary.notes, boundary.name))


def clear_button(lang: str) -> None:
    if st.button(t("sr_clear", lang), key="sr_clear"):
        _set_site(None)
        st.session_state["sr_upload_generation"] = st.session_state.get("sr_upload_generation", 0) + 1
        st.session_state.pop("sr_upload_seen", None)
        st.rerun()


def make_report(site: Site, index: SiteIndex) -> Report:
    """The site's report, kept in this session until the site or the data changes (reruns do not redo it)."""
    kept = st.session_state.get("sr_report")
    if kept is not None and kept[0] is site and kept[1] is index:
        return kept[2]
    if site.kind == "point":
        report = point_report(site.geometry.x, site.geometry.y, site.notes, index=index)
    else:
        report = area_report(site.geometry, site.notes, name=site.name, index=index)
    st.session_state["sr_report"] = (site, index, report)
    return report


@st.cache_data(show_spinner=False, max_entries=8)
def _base_spec(lang: str, stamp: tuple) -> str:
    """The page's map spec without the site, as JSON (cached per language and data version)."""
    specs = data.basemap_specs() + _specs(SHOWN_LAYERS)
    layers, _ = data.load_layers(specs)
    urls = {s.id: data.published_url(s.id) for s in specs if s.id in layers}
    spec = build_spec([s for s in specs if s.id in layers], layers, lang, title=t("page_site_report", lang),
                      subtitle=t("app_title", lang), notice=data.site_config().notice(lang),
                      plan_link=f"/plan?lang={lang}&source=", data_urls=urls)
    spec["tools"] = tools_spec(lang, None, mode="site")
    return json.dumps(spec, ensure_ascii=False)


def site_map(lang: str, site: Site | None) -> None:
    missing = missing_assets()
    if missing:
        st.error(f"**{t('assets_missing', lang)}**: {', '.join(missing)}. {t('assets_missing_hint', lang)}")
        return
    specs = data.basemap_specs() + _specs(SHOWN_LAYERS)
    show_problems(data.load_layers(specs)[1], lang)
    spec = json.loads(_base_spec(lang, tuple(data.file_stamp(s) for s in specs)))
    if site is not None:
        spec["site"] = {"kind": site.kind, "geojson": {"type": "Feature", "geometry": mapping(site.geometry),
                                                       "properties": {}}}
        if site.kind == "point":
            spec["view"] = {"lat": site.geometry.y, "lon": site.geometry.x, "zoom": site.zoom or DEFAULT_ZOOM}
        else:
            spec["bounds"] = list(site.geometry.bounds)
    fmap = build_map(spec, basemap="offline")
    map_frame.show(fmap, key=MAP_KEY, returned_objects=("last_active_drawing",), on_change=on_map_change)


def render() -> None:
    lang = st.session_state.get("lang", "zh")
    st.title(t("page_site_report", lang))
    st.caption(t("sr_page_intro", lang))
    _from_url()
    # The typed and uploaded inputs sit in a folded panel: Streamlit loads these widgets lazily and they grow from
    # placeholders, which moved the map below them on every first load (issue 15); folded, nothing visible moves.
    with st.expander(t("sr_input_panel", lang), expanded=False):
        datum = datum_choice(lang)
        col_a, col_b = st.columns([1, 1], gap="medium")
        with col_a:
            coordinate_form(lang, datum)
        with col_b:
            upload_box(lang, datum)
    site: Site | None = st.session_state.get("sr_site")
    error: InputError | None = st.session_state.get("sr_error")
    if error is not None:
        st.error(escape_md(error.message(lang)), icon="⚠️")
    index = site_index()
    report = None
    if site is not None:
        try:
            report = make_report(site, index)
        except InputError as exc:
            st.error(escape_md(exc.message(lang)), icon="⚠️")
    map_col, report_col = st.columns([3, 2], gap="medium")
    with map_col:
        site_map(lang, site if report is not None else None)
        st.caption(t("sr_map_hint", lang))
        if site is not None:
            clear_button(lang)
    with report_col:
        if report is None:
            st.info(t("sr_empty", lang))
        else:
            report_view.show(report, index, lang)

