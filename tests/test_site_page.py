"""The site report page under Streamlit's AppTest: permalinks in both languages, bad ?site= values, typed
coordinates (decimal, DMS, GCJ-02), map clicks and drawings from the browser (checked like any input), and one
session's site never showing in another."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

TIMEOUT = 90


def open_page(lang: str = "zh", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/site_report.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


@pytest.mark.parametrize("lang, district, conflict", [("zh", "旅顺口区", "辽宁蛇岛老铁山国家级自然保护区"),
                                                      ("en", "Lüshunkou District", "Liaoning Snake Island")])
def test_permalink_shows_the_report(lang, district, conflict):
    at = open_page(lang, site="121.13,38.74")
    assert district in text(at)
    assert any(conflict in e.value.replace("\\", "") for e in at.error)
    assert at.query_params["site"] == "121.130000,38.740000"


@pytest.mark.parametrize("value, words", [("abc", "需要两个坐标"), ("116.4,39.9", "不在大连附近"),
                                          ("124.5,38.0", "不在《纲要》覆盖"), ("<script>alert(1)</script>,1", "不是有效数字")])
def test_bad_site_parameter_gets_a_message(value, words):
    at = open_page(site=value)
    messages = " ".join(e.value.replace("\\", "") for e in at.error)
    assert words in messages
    assert "<script>" not in messages.replace("\\", "") or "\\<script" in " ".join(e.value for e in at.error)


def test_swapped_permalink_is_read_and_said():
    at = open_page("en", site="38.74,121.13")
    body = text(at)
    assert "Lüshunkou District" in body and "read as latitude, longitude" in body


def test_typed_dms_and_gcj02_coordinates():
    at = open_page("en")
    assert any("No site yet" in i.value for i in at.info)
    at.radio(key="sr_datum").set_value("gcj02")
    at.text_input(key="sr_coords_text").input("39°34′48″N 121°27′E")
    at.button(key="sr_coords_go").click()
    at.run()
    assert not at.exception
    body = text(at)
    assert "Wafangdian City" in body and "GCJ-02 (AMap/Tencent) and converted" in body
    assert at.query_params["site"].startswith("121.44")  # converted: no longer exactly 121.45


def test_bad_typed_coordinates_leave_the_page_working():
    at = open_page("en")
    at.text_input(key="sr_coords_text").input("121.6, 95")
    at.button(key="sr_coords_go").click()
    at.run()
    assert not at.exception and any("Latitude 95" in e.value for e in at.error)


def test_sessions_do_not_share_a_site():
    first = open_page("en", site="121.13,38.74")
    assert "Lüshunkou District" in text(first)
    second = open_page("en")
    assert "Lüshunkou" not in text(second) and any("No site yet" in i.value for i in second.info)


def _drawing_app(drawing):
    import streamlit as st

    from ui import site_report

    st.session_state["sr_map"] = {"last_active_drawing": drawing}
    site_report.on_map_change()
    site = st.session_state.get("sr_site")
    error = st.session_state.get("sr_error")
    st.write(site.kind if site else "none", site.geometry.wkt if site else "", error.key if error else "")


@pytest.mark.parametrize("drawing, expected", [
    ({"type": "Feature", "properties": {"seq": "1", "zoom": 12, "kind": "site"},
      "geometry": {"type": "Point", "coordinates": [121.45, 39.58]}}, ("point", "POINT (121.45 39.58)", "")),
    ({"type": "Feature", "properties": {"seq": "2", "kind": "area"},
      "geometry": {"type": "Polygon", "coordinates": [[[121.6, 39.0], [121.7, 39.0], [121.7, 39.1], [121.6, 39.0]]]}},
     ("area", "POLYGON ((121.6 39, 121.7 39, 121.7 39.1, 121.6 39))", "")),
    ({"type": "Feature", "properties": {"seq": "3"}, "geometry": {"type": "Point", "coordinates": [500, 39]}},
     ("none", "", "sr_err_lon_range")),
    ({"type": "Feature", "properties": {"seq": "4"}, "geometry": {"type": "Nonsense", "coordinates": "x"}},
     ("none", "", "sr_err_polygon_needed")),
    ("not a feature", ("none", "", "")),
])
def test_map_clicks_and_drawings_are_checked(drawing, expected):
    at = AppTest.from_function(_drawing_app, args=(drawing,), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.markdown[0].value.split() == [part for part in " ".join(expected).split()]
