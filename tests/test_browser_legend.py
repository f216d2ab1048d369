"""Legends fit the map and show only what is on it (issue 13, item 6).

Desktop (1440×900): a legend does not cover what the map shows (the first view leaves its corner free), lies
inside its map and clear of the title box, and a row that does not fit can be scrolled to, with the scroll bar
always shown (never silently cut off); the legend follows the industry filter. Phone (390×844): the legend starts folded and, opened, fits the map.
"""
from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, map_frame, new_context, settle, stable_view

pytestmark = pytest.mark.browser

# Boxes of the legend, its rows, the map, the title corner, and the drawn overlay features (frame coordinates).
GEOMETRY = """() => {
  const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const legend = document.querySelector('.pm-legend');
  const list = legend.querySelector('.pm-legend-list');
  const rows = [...legend.querySelectorAll('.pm-legend-item')].filter(e => !e.hidden).map(e => ({box: r(e), text: e.innerText}));
  const features = [...document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive, .leaflet-marker-pane .leaflet-interactive, .leaflet-marker-icon.marker-cluster')].map(r);
  return {legend: r(legend), list: r(list), open: legend.open, rows: rows, map: r(document.querySelector('.leaflet-container')),
          corner: r(document.querySelector('.pm-corner')), features: features,
          scrolls: list.scrollHeight > list.clientHeight + 1, overflow: getComputedStyle(list).overflowY};
}"""


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(a, b, slack: float = 1) -> bool:
    return a[0] >= b[0] - slack and a[1] >= b[1] - slack and a[2] <= b[2] + slack and a[3] <= b[3] + slack


def open_map(browser, url: str, device=DESKTOP):
    context = new_context(browser, device)
    page = context.new_page()
    page.goto(url)
    stable_view(page)
    return context, page, map_frame(page)


def assert_legend_fits(g) -> None:
    assert inside(g["legend"], g["map"]), f"the legend lies inside the map: {g['legend']} in {g['map']}"
    assert not overlap(g["legend"], g["corner"]), "the legend stays clear of the title box"
    if g["scrolls"]:
        assert g["overflow"] == "scroll", "rows that do not fit can be scrolled to, and the scroll bar says so"
    else:
        cut = [row["text"] for row in g["rows"] if not (inside(row["box"], g["list"]) and inside(row["box"], g["legend"]))]
        assert not cut, f"rows cut off: {cut}"


@pytest.mark.parametrize("path", ["/industry?lang=en", "/infrastructure?lang=zh", "/tour?lang=zh&step=major-projects"])
def test_desktop_legend_fits_the_map(browser, live_app, path):
    context, page, frame = open_map(browser, live_app + path)
    g = frame.evaluate(GEOMETRY)
    assert g["open"], "open on a desktop"
    assert_legend_fits(g)
    if g["scrolls"]:  # the last row can be reached
        frame.locator(".pm-legend-item:not([hidden])").last.scroll_into_view_if_needed()
        g = frame.evaluate(GEOMETRY)
        assert inside(g["rows"][-1]["box"], g["list"])
    assert context.outside == []
    context.close()


@pytest.mark.parametrize("path", ["/industry?lang=en", "/infrastructure?lang=zh"])
def test_desktop_legend_does_not_cover_what_the_map_shows(browser, live_app, path):
    context, page, frame = open_map(browser, live_app + path)
    g = frame.evaluate(GEOMETRY)
    covered = [f for f in g["features"] if overlap(f, g["legend"])]
    assert not covered, f"{len(covered)} of the {len(g['features'])} features drawn are under the legend"
    context.close()


def test_legend_follows_the_industry_filter(browser, live_app):
    context, page, frame = open_map(browser, f"{live_app}/industry?lang=en")
    before = [row["text"] for row in frame.evaluate(GEOMETRY)["rows"]]
    assert "Petrochemical base / chemical zone" in before
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="Filter by industry")
    box.click()
    page.keyboard.type("Clean energy")
    page.keyboard.press("Enter")
    stable_view(page)
    frame = map_frame(page)
    after = [row["text"] for row in frame.evaluate(GEOMETRY)["rows"]]
    assert "Clean-energy base" in after and "Key park (Box 14)" in after
    shown_elsewhere = {"Petrochemical base / chemical zone", "Life-safety “three cores”", "Digital-economy twin cores",
                       "Headquarters-economy zone", "Textile and clothing belt along the Pikou–Changxing Island "
                       "expressway (schematic)", "Bohai coast (schematic)"}
    assert not shown_elsewhere & set(after), f"rows for what the filter took off the map: {shown_elsewhere & set(after)}"
    context.close()


@pytest.mark.parametrize("path", ["/industry?lang=zh", "/infrastructure?lang=en"])
def test_phone_legend_starts_folded_and_fits_when_opened(browser, live_app, path):
    context, page, frame = open_map(browser, live_app + path, PHONE)
    g = frame.evaluate(GEOMETRY)
    assert not g["open"], "folded on a phone"
    summary = frame.locator(".pm-legend-title").bounding_box()
    page.touchscreen.tap(summary["x"] + summary["width"] / 2, summary["y"] + summary["height"] / 2)
    page.wait_for_timeout(500)
    g = frame.evaluate(GEOMETRY)
    assert g["open"]
    assert_legend_fits(g)
    context.close()
