"""Page features end to end in AppTest: the industry filter, the district picker, the search box."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from layers import catalog, load
from layers.loading import load_table

INDUSTRY_LAYERS = [s.id for s in catalog("industry") if not s.is_table and s.default_visible]


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def expected_places(category: str) -> set[str]:
    names = set()
    for layer_id in INDUSTRY_LAYERS:
        gdf = load(layer_id)
        if "industries" in gdf:
            names |= {n for n, inds in zip(gdf.name_zh, gdf.industries) if isinstance(inds, list) and category in inds}
    return names


@pytest.mark.parametrize("category", [c["id"] for c in load_table("industry_categories")])
def test_industry_filter_shows_exactly_the_places_the_plan_assigns(category):
    expected = expected_places(category)
    at = run("pages/industry.py", lang="zh", industry=category)
    assert at.metric[0].value == f"{len(expected)} 处"
    listed = "\n".join(m.value for m in at.markdown)
    for name in expected:
        assert f"- {name}" in listed, name


def test_district_picker_shows_function_and_projects():
    at = run("pages/layout.py", lang="en", district="zhuanghe")
    subheaders = [s.value for s in at.subheader]
    assert "Zhuanghe City" in subheaders
    texts = "\n".join(t.value for t in at.text)
    assert "重点发展洁净能源" in texts and "Zhuanghe" in texts


def test_search_box_opens_a_feature_of_another_page():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.text_input(key="place_search").input("bearing").run()
    assert not at.exception
    picks = [b for b in at.button if "Bearing" in str(b.label)]
    assert picks, [str(b.label) for b in at.button]
    picks[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.query_params["select"] == "ind_parks/wafangdian-bearing-zone"
    assert at.title[0].value == "Industry"


def test_slide_is_made_on_request_then_offered_until_the_view_changes(offered_files):
    at = run("pages/industry.py", lang="en")
    assert not [b for b in at.get("download_button") if "PNG" in str(b.proto.label)], "nothing is drawn on page load"
    at.sidebar.button(key="make_png_dalian_industry").click().run()
    assert not at.exception and not at.sidebar.error
    png = offered_files(at, "Slide image (PNG")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 50_000
    at.run()  # another rerun (any widget): the slide stays on offer
    assert [b for b in at.get("download_button") if "PNG" in str(b.proto.label)]
    at.sidebar.selectbox(key="industry_select").select_index(1).run()  # the map changed: make it again
    assert not [b for b in at.get("download_button") if "PNG" in str(b.proto.label)]
    assert at.sidebar.button(key="make_png_dalian_industry")


def test_a_slide_click_survives_a_run_that_is_interrupted_while_drawing(monkeypatch, offered_files):
    """Another rerun (the map reporting its view, a second click) can stop the run that draws the slide; the click
    must not be lost: the next run makes the slide. (Found by ten sessions at once: one never got its slide.)"""
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException

    from ui import downloads

    real = downloads._make
    at = run("pages/industry.py", lang="en")

    def interrupted(*args, **kwargs):
        raise StopException()  # what Streamlit raises in a run it stops

    monkeypatch.setattr(downloads, "_make", interrupted)
    at.sidebar.button(key="make_png_dalian_industry").click().run()
    assert not [b for b in at.get("download_button") if "PNG" in str(b.proto.label)]
    monkeypatch.setattr(downloads, "_make", real)
    at.run()  # the next run, started by anything
    png = offered_files(at, "Slide image (PNG")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 50_000


def test_without_a_cjk_font_the_slide_buttons_say_why_and_are_disabled(monkeypatch):
    from layers import slide

    monkeypatch.setattr(slide, "CJK_FAMILIES", ("No Such CJK Font",))
    slide.cjk_font_family.cache_clear()
    slide._charmaps.cache_clear()
    try:
        at = run("pages/industry.py", lang="en")
    finally:
        slide.cjk_font_family.cache_clear()
        slide._charmaps.cache_clear()
    assert not at.exception
    warnings = " ".join(w.value for w in at.sidebar.warning).replace("\\", "")
    assert "Slide export is unavailable" in warnings and "fonts-noto-cjk" in warnings, warnings
    assert "/" not in warnings.replace("fonts-noto-cjk", "").replace("Debian/Ubuntu", ""), "no server path"
    assert at.sidebar.button(key="make_pdf_dalian_industry").disabled
    assert at.sidebar.button(key="make_png_dalian_industry").disabled
    assert not [b for b in at.get("download_button") if "PDF" in str(b.proto.label)]


def test_a_slide_that_cannot_be_made_says_why(monkeypatch):
    """The font is there when the page is drawn but the slide still fails (here: the renderer raises): the visitor
    gets a message, no traceback, no server path."""
    from layers import slide

    def broken(*args, **kwargs):
        raise slide.SlideError("layer 'x' (geodata/layers/x.geojson) cannot be read")

    at = run("pages/industry.py", lang="en")
    monkeypatch.setattr(slide, "render_slide", broken)
    at.sidebar.button(key="make_pdf_dalian_industry").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.sidebar.error).replace("\\", "")
    assert "The slide could not be made" in errors and "cannot be read" in errors, errors
    assert not [b for b in at.get("download_button") if "PDF" in str(b.proto.label)]


def test_view_bounds_frames_the_view():
    from ui.map_page import view_bounds

    west, south, east, north = view_bounds({"lat": 39.0, "lon": 121.6, "zoom": 10})
    assert west < 121.6 < east and south < 39.0 < north and 0.5 < east - west < 2.0
