"""A link copied from one browser session restores the same state in another: page, language, layers,
filter, selected feature and map view all live in the URL."""
from __future__ import annotations

import re

import pytest

from browser import frame_box, map_frame, map_view, settle, start_app, stop_app
from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url():
    proc, url = start_app(ROOT)
    yield url.rstrip("/")
    stop_app(proc)


def test_link_restores_state_in_a_new_session(browser, app_url):
    first = browser.new_context(viewport={"width": 1440, "height": 900})
    page = first.new_page()
    page.goto(f"{app_url}/industry?lang=en")
    map_frame(page)
    page.get_by_test_id("stSidebarUserContent").get_by_text("Three bays", exact=True).click()  # a layer off
    settle(page)
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="Filter by industry")
    box.click()
    page.keyboard.type("Clean energy")
    page.keyboard.press("Enter")                                 # filter by an industry
    settle(page)
    count = page.locator("[data-testid='stMetricValue']").first.inner_text()
    frame = map_frame(page)
    box = frame_box(page)
    page.mouse.move(box["x"] + 300, box["y"] + 300)                   # the reader drags the map and zooms in
    page.mouse.down()
    page.mouse.move(box["x"] + 220, box["y"] + 360, steps=8)
    page.mouse.up()
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(800)
    expected = map_view(frame)
    link = page.url
    assert "lang=en" in link and "industry=clean_energy" in link and "view=" in link
    assert re.search(r"layers=[^&]*ind_parks", link) and "ind_bays" not in link.split("layers=")[1].split("&")[0]
    first.close()

    second = browser.new_context(viewport={"width": 1440, "height": 900})
    page = second.new_page()
    page.goto(link)
    frame = map_frame(page)
    assert page.locator("h1").first.inner_text() == "Industry"
    assert not page.get_by_role("checkbox", name="Three bays").is_checked()
    assert page.get_by_role("checkbox", name="Key industrial parks").is_checked()
    assert page.locator("[data-testid='stMetricValue']").first.inner_text() == count
    center = map_view(frame)
    assert abs(center[0] - expected[0]) < 0.001 and abs(center[1] - expected[1]) < 0.001 and center[2] == expected[2]
    second.close()


def test_selected_feature_link_opens_its_popup(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{app_url}/industry?lang=zh&select=ind_parks/wafangdian-bearing-zone")
    frame = map_frame(page)
    page.wait_for_timeout(800)
    popup = frame.locator(".leaflet-popup-content")
    assert "瓦房店轴承产业开发区" in popup.inner_text()
    context.close()
