"""演示模式 · Guided tour: steps through the plan's spatial story (content/tour.json), one map view per step.

Built for a meeting room without internet: the same local map rendering as the other pages, large type, the
current step in the URL (?step=<id>), Previous/Next buttons that also answer PageUp/PageDown (presenter clickers).
"""
from ui.guard import ensure_navigation

ensure_navigation()

import json

import geopandas as gpd
import streamlit as st
from layers.i18n import t
from layers.markdown import escape_md
from layers.mapspec import build_spec
from layers.render import build_map, missing_assets
from layers.sources import source_label
from ui import data, map_frame, state, tour
from ui.map_page import feature_list_expander, show_problems

STEP_KEY = "tour_step"
WRITTEN_KEY = "_tour_step_in_url"

# Inside the map's frame (which the map fills, ui/map_frame.py): enlarge the map's own text.
MAP_CSS = """
<style>
.pm-title-main { font-size: 20px; } .pm-title-sub { font-size: 13px; }
.pm-title { max-width: 420px; }
.pm-legend { font-size: 14px; max-width: 320px; } .pm-legend-title { font-size: 15px; }
.pm-legend-cols { max-width: 560px; }
.pm-label-text { font-size: 14px; }
</style>
"""
def plain(text: str) -> str:
    """Text shown through st.markdown exactly as written (markdown, colour and emoji syntax escaped)."""
    return escape_md(text)


def current_step(ids: list[str]) -> str:
    """The step from ?step= (when the link changed it) or the last choice; unknown ids are ignored with a notice."""
    raw = state.param("step")
    if raw is not None and raw != st.session_state.get(WRITTEN_KEY):
        if raw in ids:
            st.session_state[STEP_KEY] = raw
        else:
            state.note_invalid("step", raw)
    if st.session_state.get(STEP_KEY) not in ids:
        st.session_state[STEP_KEY] = ids[0]
    step_id = st.session_state[STEP_KEY]
    state.set_subject("step", step_id)
    st.session_state[WRITTEN_KEY] = step_id
    return step_id


def move(ids: list[str], delta: int) -> None:
    """Button callback: the previous/next step (runs before the widgets are drawn again)."""
    here = st.session_state.get(STEP_KEY)
    index = ids.index(here) if here in ids else 0
    st.session_state[STEP_KEY] = ids[max(0, min(len(ids) - 1, index + delta))]
    state.set_subject("step", st.session_state[STEP_KEY])  # a new step is framed afresh: the old ?view= goes


@st.cache_data(show_spinner=False, max_entries=64)
def spec_json(step: tour.TourStep, lang: str, subtitle: str, notice: str, view: tuple | None,
              _layers: dict[str, gpd.GeoDataFrame], stamp: tuple) -> str:
    """The step's map spec as JSON, cached per (step, language, view from the address, data file times).
    What the step talks about (its "highlight") is drawn emphasised and labelled."""
    specs = [s for s in data.all_specs() if s.id in _layers]
    shared = dict(zip(("lat", "lon", "zoom"), view)) if view else None
    spec = build_spec(specs, _layers, lang, title=step.title(lang), subtitle=subtitle, notice=notice,
                      selected=step.select, view=shared or step.view_dict(), highlight=step.highlight)
    if step.bounds is not None and step.view is None:
        spec["bounds"] = list(step.bounds)
    return json.dumps(spec, ensure_ascii=False)


def draw_map(step: tour.TourStep, lang: str) -> None:
    missing = missing_assets()
    if missing:
        st.error(f"**{t('assets_missing', lang)}**: {', '.join(missing)}. {t('assets_missing_hint', lang)}")
        return
    chosen = [data.spec(layer_id) for layer_id in step.layers]
    base_layers, base_problems = data.load_layers(data.basemap_specs())
    layers, problems = data.load_layers(chosen)
    show_problems(base_problems + problems, lang)
    all_layers = {**base_layers, **layers}
    for field, keys in (("select", [step.select] if step.select else []), ("highlight", step.highlight)):
        for key in keys:
            layer_id, feature_id = key.split("/", 1)
            gdf = layers.get(layer_id)
            if gdf is not None and feature_id not in set(gdf["id"]):
                st.warning(f"**{t('tour_select_missing', lang)}**: {plain(step.id)} → {field} = {plain(key)}",
                           icon="⚠️")
    stamp = tuple(data.file_stamp(s) for s in data.basemap_specs() + chosen)
    view = state.view()
    spec = json.loads(spec_json(step, lang, t("app_title", lang), data.site_config().notice(lang),
                                tuple(view.values()) if view else None, all_layers, stamp))
    fmap = build_map(spec, basemap="offline")
    with st.container(key="tour_map"):
        map_frame.show(fmap, key=f"tour_map_{step.id}_{lang}", extra_css=MAP_CSS)
    feature_list_expander(chosen, layers, lang)


def text_panel(step: tour.TourStep, lang: str) -> None:
    with st.container(key="tour_text" if lang == "zh" else "tour_text_en"):
        st.markdown(plain(step.text(lang)))
    with st.container(key="tour_meta"):
        titles = " · ".join(data.spec(layer_id).title(lang) for layer_id in step.layers)
        colon = "：" if lang == "zh" else ": "
        st.markdown(f"**{t('tour_source', lang)}**{colon}{plain(source_label(step.source, lang))}  \n"
                    f"**{t('tour_layers', lang)}**{colon}{plain(titles)}")
        if lang == "en":
            with st.expander(t("tour_plan_wording", lang)):
                st.markdown(plain(step.text_zh))
        st.caption(t("tour_quote_note", lang))


def nav(steps: list[tour.TourStep], step_id: str, lang: str) -> None:
    ids = [s.id for s in steps]
    index = ids.index(step_id)
    titles = {s.id: f"{n}. {s.title(lang)}" for n, s in enumerate(steps, start=1)}
    with st.container(key="tour_nav"):
        prev_col, next_col = st.columns(2)
        prev_col.button(f"‹ {t('tour_prev', lang)}", key="tour_prev", on_click=move, args=(ids, -1),
                        disabled=index == 0, shortcut="PageUp", help=t("tour_keys_help", lang),
                        width="stretch")
        next_col.button(f"{t('tour_next', lang)} ›", key="tour_next", on_click=move, args=(ids, 1),
                        disabled=index == len(ids) - 1, shortcut="PageDown", help=t("tour_keys_help", lang),
                        type="primary", width="stretch")
        st.selectbox(t("tour_steps", lang), ids, key=STEP_KEY, format_func=titles.get, label_visibility="collapsed",
                     on_change=lambda: state.set_subject("step", st.session_state[STEP_KEY]))


def arrow_keys(steps: list[tour.TourStep], step_id: str, lang: str) -> None:
    """Arrow keys too (many clickers send them): two buttons kept out of sight, drawn last in the page, in a
    container 1 px high (a layout property, there before any CSS), so nothing visible moves when the page's CSS,
    which may arrive after them, puts them off screen (on a phone they were in view for a moment: a 0.12 shift)."""
    ids = [s.id for s in steps]
    index = ids.index(step_id)
    with st.container(key="tour_arrows", height=1, border=False):
        st.button(f"← {t('tour_prev', lang)}", key="tour_prev_arrow", on_click=move, args=(ids, -1),
                  disabled=index == 0, shortcut="Left")
        st.button(f"{t('tour_next', lang)} →", key="tour_next_arrow", on_click=move, args=(ids, 1),
                  disabled=index == len(ids) - 1, shortcut="Right")


def main() -> None:
    lang = st.session_state.get("lang", "zh")  # the sidebar starts folded here (ui/navigation.py): a full-width map
    # the page's CSS (large type for a projector) comes with the app's, before any element: ui/tour.py PAGE_CSS
    loaded = tour.cached_tour()
    for problem in loaded.problems:
        st.warning(f"**{t('tour_problem', lang)}** — {plain(problem)}. {t('tour_problem_rest', lang)}", icon="⚠️")
    steps = list(loaded.steps)
    if not steps:
        st.title(t("page_tour", lang))
        st.error(t("tour_empty", lang))
        return
    ids = [s.id for s in steps]
    step_id = current_step(ids)
    step = steps[ids.index(step_id)]
    number = ids.index(step_id) + 1
    head_col, nav_col = st.columns([3, 2], gap="large", vertical_alignment="bottom")
    with head_col, st.container(key="tour_head"):
        st.caption(f"{t('page_tour', lang)} · "
                   f"{t('tour_step_of', lang).format(n=number, total=len(steps))}")
        st.title(plain(step.title(lang)))
    with nav_col:
        nav(steps, step_id, lang)
    st.progress(number / len(steps))
    map_col, side_col = st.columns([2.1, 1], gap="large")
    with map_col:  # first: on a phone the text stacks below the map, and drawn first it was pushed out of view
        draw_map(step, lang)
    with side_col:
        text_panel(step, lang)
    arrow_keys(steps, step_id, lang)


main()
