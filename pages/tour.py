"""演示模式 · Guided tour: steps through the plan's spatial story (content/tour.json), one map view per step.

Built for a meeting room without internet: the same local map rendering as the other pages, large type, the
current step in the URL (?step=<id>), Previous/Next buttons that also answer PageUp/PageDown (presenter clickers).
"""
from ui.guard import ensure_navigation

ensure_navigation()

import json

import geopandas as gpd
import streamlit as st
from branca.element import Element
from streamlit_folium import st_folium

from layers.i18n import t
from layers.markdown import escape_md
from layers.mapspec import build_spec
from layers.render import build_map, missing_assets
from ui import data, state, tour
from ui.map_page import show_problems

MAP_HEIGHT = 620  # px; CSS below stretches the map to 70% of the window height where that is taller
STEP_KEY = "tour_step"
WRITTEN_KEY = "_tour_step_in_url"

# Constant CSS (no data is inserted): large type for a projector, a tall map.
PAGE_CSS = """
<style>
.st-key-tour_head h1 { font-size: clamp(2.2rem, 2.7vw, 3.6rem) !important; line-height: 1.2; padding: 0 0 .2rem 0; }
.st-key-tour_head [data-testid="stCaptionContainer"] p { font-size: 1.05rem; letter-spacing: .02em; }
.st-key-tour_text p { font-size: clamp(1.4rem, 1.6vw, 2.2rem); line-height: 1.75; color: #1d1d1d; }
.st-key-tour_text_en p { font-size: clamp(1.25rem, 1.35vw, 1.85rem); line-height: 1.55; color: #1d1d1d; }
.st-key-tour_meta p { font-size: clamp(1rem, 1vw, 1.35rem); }
.st-key-tour_map iframe { height: max(70vh, 420px) !important; }
.st-key-tour_nav button p { font-size: 1.15rem; font-weight: 600; }
.st-key-tour_arrows { position: absolute !important; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
@media (max-width: 640px) {
  .st-key-tour_head h1 { font-size: 1.8rem !important; }
  .st-key-tour_text p, .st-key-tour_text_en p { font-size: 1.1rem; }
  .st-key-tour_map iframe { height: 60vh !important; }
}
</style>
"""
# Inside the map's frame: fill the frame (whose height the CSS above sets) and enlarge the map's own text.
MAP_CSS = """
<style>
#map_div { height: 100vh !important; }
.pm-title-main { font-size: 20px; } .pm-title-sub { font-size: 13px; }
.pm-title { max-width: 420px; }
.pm-legend { font-size: 14px; max-width: 320px; max-height: 52vh; } .pm-legend-title { font-size: 15px; }
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
    state.set_param("step", step_id)
    st.session_state[WRITTEN_KEY] = step_id
    return step_id


def move(ids: list[str], delta: int) -> None:
    """Button callback: the previous/next step (runs before the widgets are drawn again)."""
    here = st.session_state.get(STEP_KEY)
    index = ids.index(here) if here in ids else 0
    st.session_state[STEP_KEY] = ids[max(0, min(len(ids) - 1, index + delta))]


@st.cache_data(show_spinner=False, max_entries=64)
def spec_json(step: tour.TourStep, lang: str, subtitle: str, notice: str, _layers: dict[str, gpd.GeoDataFrame],
              stamp: tuple) -> str:
    """The step's map spec as JSON, cached per (step, language, data file times)."""
    specs = [s for s in data.all_specs() if s.id in _layers]
    spec = build_spec(specs, _layers, lang, title=step.title(lang), subtitle=subtitle, notice=notice,
                      selected=step.select, view=step.view_dict())
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
    if step.select:
        layer_id, feature_id = step.select.split("/", 1)
        gdf = layers.get(layer_id)
        if gdf is not None and feature_id not in set(gdf["id"]):
            st.warning(f"**{t('tour_select_missing', lang)}**: {step.id} → select = {step.select}", icon="⚠️")
    stamp = tuple(data.file_stamp(s) for s in data.basemap_specs() + chosen)
    spec = json.loads(spec_json(step, lang, t("app_title", lang), data.site_config().notice(lang), all_layers,
                                stamp))
    fmap = build_map(spec, basemap="offline")
    fmap.get_root().header.add_child(Element(MAP_CSS))
    with st.container(key="tour_map"):
        st_folium(fmap, height=MAP_HEIGHT, use_container_width=True, returned_objects=[],
                  key=f"tour_map_{step.id}_{lang}")


def text_panel(step: tour.TourStep, lang: str) -> None:
    with st.container(key="tour_text" if lang == "zh" else "tour_text_en"):
        st.markdown(plain(step.text(lang)))
    with st.container(key="tour_meta"):
        titles = " · ".join(data.spec(layer_id).title(lang) for layer_id in step.layers)
        colon = "：" if lang == "zh" else ": "
        st.markdown(f"**{t('tour_source', lang)}**{colon}{plain(step.source)}  \n"
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
        st.selectbox(t("tour_steps", lang), ids, key=STEP_KEY, format_func=titles.get, label_visibility="collapsed")
    # Arrow keys too (many clickers send them); these buttons are kept out of sight.
    with st.container(key="tour_arrows"):
        st.button("←", key="tour_prev_arrow", on_click=move, args=(ids, -1), disabled=index == 0, shortcut="Left")
        st.button("→", key="tour_next_arrow", on_click=move, args=(ids, 1), disabled=index == len(ids) - 1,
                  shortcut="Right")


def main() -> None:
    lang = st.session_state.get("lang", "zh")
    st.set_page_config(initial_sidebar_state="collapsed")  # full width for the projector; ">" opens it
    st.markdown(PAGE_CSS, unsafe_allow_html=True)
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
        st.title(step.title(lang))
    with nav_col:
        nav(steps, step_id, lang)
    st.progress(number / len(steps))
    map_col, side_col = st.columns([2.1, 1], gap="large")
    with side_col:
        text_panel(step, lang)
    with map_col:
        draw_map(step, lang)


main()
