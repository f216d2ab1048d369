"""Page features end to end in AppTest: the industry filter, the district picker, the sidebar search."""
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


def test_sidebar_search_links_to_the_feature_page():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.sidebar.text_input(key="global_search").input("bearing").run()
    assert not at.exception
    labels = " ".join(str(getattr(el, "label", "")) for el in at.get("page_link"))
    assert "Bearing" in labels or "轴承" in labels, labels


def test_slide_download_renders_png_of_the_page():
    at = run("pages/industry.py", lang="en")
    buttons = [b for b in at.get("download_button") if "PNG" in str(b.proto.label)]
    assert buttons, "a PNG slide download is offered"


def test_view_bounds_frames_the_view():
    from ui.map_page import view_bounds

    west, south, east, north = view_bounds({"lat": 39.0, "lon": 121.6, "zoom": 10})
    assert west < 121.6 < east and south < 39.0 < north and 0.5 < east - west < 2.0
