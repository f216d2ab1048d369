"""Every page in headless Chromium: map drawn, no page errors, no app exceptions, nothing leaves the machine.
Plus the faults: a broken data file and a missing map asset give a clear message and the rest keeps working."""
from __future__ import annotations


import pytest

from browser import start_app, stop_app, visit
from conftest import ROOT, copy_app
from ui.navigation import current_pages, url_of

pytestmark = pytest.mark.browser
PAGE_PATHS = [url_of(p) for p in current_pages()]
MAP_PAGES = [url_of(p) for p in current_pages() if p.has_map]


@pytest.fixture(scope="module")
def app_url():
    proc, url = start_app(ROOT)
    yield url
    stop_app(proc)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_renders_offline(browser, app_url, path, lang):
    result, page = visit(browser, f"{app_url.rstrip('/')}{path}?lang={lang}", wait_s=30 if path in MAP_PAGES else 4)
    page.close()
    assert result.page_errors == []
    assert result.exceptions == 0
    assert result.outside_requests == []
    if path in MAP_PAGES:
        assert result.features > 0, "map features drawn"


def test_overview_shows_districts_with_popup_text(browser, app_url):
    result, page = visit(browser, f"{app_url}?lang=en")
    frame = next(f for f in page.frames if f.query_selector(".leaflet-container"))
    labels = [el.inner_text() for el in frame.query_selector_all(".pm-label-text:not(.pm-place)")]
    assert "Zhongshan District" in labels and len(labels) == 10
    frame.click(".pm-legend")  # the legend is present and clickable without closing the page
    assert "Legend" in frame.inner_text(".pm-legend")
    page.close()


@pytest.fixture
def broken_copy(tmp_path):
    """A fresh copy of the app for a test to break."""
    root = tmp_path / "app"
    copy_app(root)
    return root


def test_corrupted_data_file_gives_a_message_and_the_map_still_draws(browser, broken_copy):
    target = broken_copy / "geodata" / "layers" / "districts.geojson"
    target.write_text(target.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    proc, url = start_app(broken_copy)
    try:
        result, page = visit(browser, f"{url}?lang=en")
        page.close()
    finally:
        stop_app(proc)
    assert "districts.geojson" in result.text and "truncated" in result.text
    assert result.features == 0 or result.exceptions == 0
    assert result.exceptions == 0 and result.page_errors == []


def test_missing_map_asset_gives_a_message_and_the_page_still_works(browser, broken_copy):
    (broken_copy / "static" / "js" / "planmap.js").unlink()
    proc, url = start_app(broken_copy)
    try:
        result, page = visit(browser, f"{url}?lang=en", wait_s=5)
        page.close()
    finally:
        stop_app(proc)
    assert "map asset files are missing" in result.text and "static/js/planmap.js" in result.text
    assert "Overview" in result.text and "Feature list" in result.text
    assert result.exceptions == 0 and result.page_errors == []


def test_tour_runs_start_to_end_offline(browser, app_url):
    """Step through every tour step with the Next button: each step draws its map, nothing leaves the machine."""
    import json

    steps = json.loads((ROOT / "content" / "tour.json").read_text(encoding="utf-8"))["steps"]
    result, page = visit(browser, f"{app_url}tour?lang=en")
    assert result.features > 0 and not result.page_errors and not result.outside_requests
    for number, step in enumerate(steps, start=1):
        page.wait_for_function(
            "title => document.querySelector('h1') && document.querySelector('h1').innerText.includes(title)",
            arg=step["title_en"], timeout=30_000)
        drawn = 0
        for _ in range(300):
            for frame in page.frames:
                try:
                    value = frame.evaluate("() => document.documentElement.getAttribute('data-planmap-features')")
                except Exception:
                    value = None
                if value and int(value) > 0:
                    drawn = int(value)
            if drawn:
                break
            page.wait_for_timeout(100)
        assert drawn, f"step {number} ({step['id']}) drew no map"
        if number < len(steps):
            page.locator(".st-key-tour_next button").first.click()
    assert result.page_errors == [] and result.outside_requests == []
    page.close()
