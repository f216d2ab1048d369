"""A link copied from one browser session restores the same state in another: page, language, layers,
filter, selected feature and map view all live in the URL."""
from __future__ import annotations

import re

import pytest

from browser import start_app, stop_app
from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url():
    proc, url = start_app(ROOT)
    yield url.rstrip("/")
    stop_app(proc)


def map_frame(page, timeout_ms: int = 40_000):
    """The frame whose map has finished drawing (planmap.js sets data-planmap-features)."""
    for _ in range(timeout_ms // 100):
        for frame in page.frames:
            try:
                if frame.evaluate("() => document.documentElement.hasAttribute('data-planmap-features')"):
                    return frame
            except Exception:
                pass
        page.wait_for_timeout(100)
    raise AssertionError("map never finished drawing")


def settle(page):
    page.wait_for_timeout(400)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(400)


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
    frame.evaluate("() => window.PlanMap.map.setView([39.40, 122.30], 10, {animate: false})")  # pan/zoom
    page.wait_for_timeout(500)
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
    center = frame.evaluate("() => { const c = window.PlanMap.map.getCenter();"
                            " return [c.lat, c.lng, window.PlanMap.map.getZoom()]; }")
    assert abs(center[0] - 39.40) < 0.01 and abs(center[1] - 122.30) < 0.01 and center[2] == 10
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
