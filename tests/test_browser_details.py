"""A feature's details and its link back to the plan, used as a reader uses them (issue 13, items 1 and 2).

Phone (390×844, touch): the whole map is on the screen, the first tap on a district opens its details in a sheet
that fits the screen, nothing covers the sheet's title or close button, and the page does not jump.
Desktop (1440×900): a popup's close button is not under the map's title box.
Both: “查看规划原文 →” in the details opens the plan text at the passage the feature cites.
(The static edition's link is tested with the other static pages in tests/test_site.py.)
"""
from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, frame_box, map_frame, new_context, settle

pytestmark = pytest.mark.browser


# Whether the element is drawn on top at its centre: every element is made hit-testable for the check, so a box
# that lets clicks through (the map's title box does) still counts when it covers the element.
TOPMOST = """([x, y, sel]) => {
  const probe = document.createElement("style");
  probe.textContent = "* { pointer-events: auto !important; }";
  document.head.appendChild(probe);
  const e = document.elementFromPoint(x, y);
  probe.remove();
  return !!(e && e.closest(sel));
}"""


def topmost(page, frame, selector: str) -> bool:
    """Whether the element matching selector is what the reader sees (and taps) at its own centre."""
    box = frame.locator(selector).first.bounding_box()
    origin = frame_box(page)
    return frame.evaluate(TOPMOST, [box["x"] + box["width"] / 2 - origin["x"], box["y"] + box["height"] / 2 - origin["y"],
                                    selector])


def scroll_top(page) -> float:
    return page.evaluate("() => (document.querySelector('[data-testid=stMain]') || document.scrollingElement).scrollTop")


def label_centre(frame, name: str) -> tuple[float, float]:
    box = frame.locator(".pm-label-text", has_text=name).first.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def open_overview(browser, live_app, device):
    context = new_context(browser, device)
    page = context.new_page()
    page.goto(f"{live_app}/?lang=zh")
    frame = map_frame(page)
    settle(page)
    return context, page, frame


def test_phone_first_tap_opens_details_that_fit_the_screen(browser, live_app):
    context, page, frame = open_overview(browser, live_app, PHONE)
    width, height = PHONE["viewport"]["width"], PHONE["viewport"]["height"]
    box = frame_box(page)
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"the whole map is on the screen: {box}"
    before = scroll_top(page)
    page.touchscreen.tap(*label_centre(frame, "普兰店区"))
    page.wait_for_timeout(800)
    assert scroll_top(page) == before, "the tap did not scroll the page"
    sheet = frame.locator(".pm-sheet")
    assert sheet.is_visible(), "the first tap opened the details"
    assert "普兰店区" in sheet.inner_text()
    shown = sheet.bounding_box()
    assert 0 <= shown["x"] and shown["x"] + shown["width"] <= width and 0 <= shown["y"]
    assert shown["y"] + shown["height"] <= height, f"the details fit the screen: {shown}"
    assert topmost(page, frame, ".pm-sheet .pm-name"), "nothing covers the title"
    assert topmost(page, frame, ".pm-sheet-close"), "nothing covers the close button"
    close = frame.locator(".pm-sheet-close").bounding_box()
    page.touchscreen.tap(close["x"] + close["width"] / 2, close["y"] + close["height"] / 2)
    page.wait_for_timeout(300)
    assert not sheet.is_visible(), "the close button closes the details"
    assert context.outside == []
    context.close()


def test_desktop_popup_close_button_is_not_under_the_title(browser, live_app):
    context, page, frame = open_overview(browser, live_app, DESKTOP)
    origin, title = frame_box(page), frame.locator(".pm-title").bounding_box()
    # a district just below and left of the map's title box: its popup would open up into the corner
    spot = next(((x, y) for dy in range(60, 260, 20) for dx in range(0, 240, 30)
                 for x, y in [(title["x"] + title["width"] / 2 - dx, title["y"] + title["height"] + dy)]
                 if frame.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y);"
                                   " return !!(e && e.matches('path.leaflet-interactive')); }",
                                   [x - origin["x"], y - origin["y"]])), None)
    assert spot, "a district near the title box"
    page.mouse.click(*spot)
    page.wait_for_timeout(800)
    popup = frame.locator(".leaflet-popup")
    assert popup.count() == 1
    assert topmost(page, frame, ".leaflet-popup-close-button"), "the title box does not cover the close button"
    assert topmost(page, frame, ".leaflet-popup .pm-name"), "nor the popup's title"
    shown = popup.bounding_box()
    assert origin["y"] <= shown["y"] and shown["y"] + shown["height"] <= origin["y"] + origin["height"]
    assert context.outside == []
    context.close()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_details_link_opens_the_plan_at_the_passage(browser, live_app, device):
    context, page, frame = open_overview(browser, live_app, device)
    x, y = label_centre(frame, "庄河市")
    if device is PHONE:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)
    page.wait_for_timeout(800)
    link = frame.locator(".pm-link")
    assert link.is_visible()
    if device is PHONE:
        link.scroll_into_view_if_needed()  # the reader scrolls the sheet down to the link
        page.wait_for_timeout(200)
        box = link.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:
        link.click()
    page.wait_for_function("() => [...document.querySelectorAll('h1')].some(h => h.innerText.includes('规划原文'))",
                           timeout=30_000)
    settle(page)
    assert "/plan" in page.url and "source=" in page.url
    assert "专栏 13" in page.locator("[data-testid='stAlert']").first.inner_text(), "the cited passage is shown"
    assert len(context.pages) == 1, "in the same tab"
    assert context.outside == []
    context.close()
