"""The address bar describes what is on the screen, and reloading it shows the same view (issue 13, item 3).

After each thing a reader does — a search pick, a district pick, an industry filter, a tour step, dragging the
map — the URL holds no stale ?view= (no zoom-18 close-up of somewhere else), keeps ?select= while a feature is
picked, and a reload of that URL shows the same centre and zoom (and the same feature's details).
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from browser import DESKTOP, PHONE, frame_box, map_frame, map_view, new_context, settle, stable_view

pytestmark = pytest.mark.browser


def params(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def same_view(a: list[float], b: list[float], px: float = 8) -> bool:
    """The same zoom and a centre within px screen pixels (a fitted view may differ by a pixel or two of text)."""
    tol = px * 360 / (256 * 2 ** b[2])
    return a[2] == b[2] and abs(a[0] - b[0]) < tol and abs(a[1] - b[1]) < tol


def assert_address_matches(page, view: list[float]) -> None:
    """?view=, when present, is the view on the screen (not a stale one)."""
    shown = params(page.url).get("view")
    if shown:
        lat, lon, zoom = (float(v) for v in shown.split(","))
        assert same_view([lat, lon, zoom], view, px=1), (page.url, view)


def assert_reload_shows_the_same(page, view: list[float], popup_text: str | None = None) -> None:
    url = page.url
    page.reload()
    again = stable_view(page)
    assert page.url.split("?")[0] == url.split("?")[0]
    assert same_view(again, view), (url, view, again)
    if popup_text:
        frame = map_frame(page)
        details = frame.locator(".leaflet-popup-content, .pm-sheet:not([hidden])")
        assert popup_text in details.first.inner_text(), f"the picked feature's details after reload of {url}"


def open_page(browser, url: str, device=DESKTOP):
    context = new_context(browser, device)
    page = context.new_page()
    page.goto(url)
    map_frame(page)
    settle(page)
    return context, page


def search_and_pick(page, query: str, result: str) -> None:
    box = page.get_by_label("Find a place or project")
    box.fill(query)
    box.press("Enter")
    settle(page)
    page.locator("[data-testid='stMain'] button", has_text=result).first.click()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_pick_then_reload(browser, live_app, device):
    context, page = open_page(browser, f"{live_app}/industry?lang=en", device)
    search_and_pick(page, "bearing", "Wafangdian Bearing")
    view = stable_view(page)
    assert params(page.url).get("select") == "ind_parks/wafangdian-bearing-zone", page.url
    assert view[2] < 18
    assert_address_matches(page, view)
    assert_reload_shows_the_same(page, view, "Wafangdian Bearing")
    assert context.outside == []
    context.close()


def test_district_pick_then_reload(browser, live_app):
    context, page = open_page(browser, f"{live_app}/layout?lang=en")
    picker = page.locator("[data-testid='stSelectbox']").filter(has_text="District")
    picker.click()
    page.keyboard.type("Zhuanghe")
    page.keyboard.press("Enter")
    view = stable_view(page)
    assert params(page.url).get("district") == "zhuanghe" and view[2] < 18
    assert_address_matches(page, view)
    assert_reload_shows_the_same(page, view)
    context.close()


def test_industry_filter_then_reload(browser, live_app):
    context, page = open_page(browser, f"{live_app}/industry?lang=en")
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="Filter by industry")
    box.click()
    page.keyboard.type("Clean energy")
    page.keyboard.press("Enter")
    view = stable_view(page)
    count = page.locator("[data-testid='stMetricValue']").first.inner_text()
    assert params(page.url).get("industry") == "clean_energy" and view[2] < 18
    assert_address_matches(page, view)
    assert_reload_shows_the_same(page, view)
    assert page.locator("[data-testid='stMetricValue']").first.inner_text() == count
    context.close()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_tour_step_then_reload(browser, live_app, device):
    context, page = open_page(browser, f"{live_app}/tour?lang=en", device)
    stable_view(page)
    next_button = page.locator(".st-key-tour_next button:visible").first
    if device is PHONE:
        next_button.tap()
    else:
        next_button.click()
    page.wait_for_function("() => /step=core/.test(location.search)", timeout=30_000)
    view = stable_view(page)
    assert view[2] < 18
    assert_address_matches(page, view)
    assert_reload_shows_the_same(page, view)
    context.close()


def test_dragged_map_then_reload(browser, live_app):
    context, page = open_page(browser, f"{live_app}/?lang=zh&select=districts/jinzhou")
    frame = map_frame(page)
    stable_view(page)
    box = frame_box(page)
    start = (box["x"] + 120, box["y"] + box["height"] - 120)  # open sea by Lüshun, clear of the popup
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 100, start[1] - 60, steps=10)
    page.mouse.up()
    page.wait_for_timeout(800)
    view = map_view(frame)
    assert re.search(r"view=", page.url) and params(page.url).get("select") == "districts/jinzhou", page.url
    assert_address_matches(page, view)
    assert_reload_shows_the_same(page, view, "金州区")
    context.close()
