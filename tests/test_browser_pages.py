"""What a careful reader notices on the pages (issue 13, items 4, 7 and 9), checked in the browser.

- Slide export without a CJK font on the server: a clear message and disabled buttons, not a silent failure (4).
- Indicator charts fit a 390 px phone screen (7).
- English pages cite the plan in English; the data page's headers follow the language; one search box, whose
  results put exact and whole-word name matches first and say why each matched; no deprecation warnings (9).
"""
from __future__ import annotations

import re

import pytest

from browser import DESKTOP, PHONE, map_frame, new_context, settle, start_app, stop_app
from conftest import copy_app

pytestmark = pytest.mark.browser
CJK = re.compile(r"[\u4e00-\u9fff]")


def open_page(browser, url: str, device=DESKTOP, has_map: bool = True):
    context = new_context(browser, device)
    page = context.new_page()
    page.goto(url)
    if has_map:
        map_frame(page)
    else:
        page.wait_for_selector("h1", timeout=30_000)
    settle(page)
    return context, page


# ------------------------------------------------------------------------------------------------ item 4


@pytest.fixture
def app_without_cjk_font(tmp_path):
    """A copy of the app whose slide module finds no CJK font (as on a server without fonts-noto-cjk)."""
    root = copy_app(tmp_path / "app")
    slide = root / "layers" / "slide.py"
    text, count = re.subn(r"^CJK_FAMILIES = \(.*?\)\n", 'CJK_FAMILIES = ("No Such CJK Font",)\n',
                          slide.read_text(encoding="utf-8"), count=1, flags=re.S | re.M)
    assert count == 1, "layers/slide.py still names its fonts in CJK_FAMILIES"
    slide.write_text(text, encoding="utf-8")
    proc, url = start_app(root)
    yield url.rstrip("/")
    stop_app(proc)


def test_slide_export_without_a_cjk_font_says_so(browser, app_without_cjk_font):
    context, page = open_page(browser, f"{app_without_cjk_font}/industry?lang=en")
    sidebar = page.get_by_test_id("stSidebarUserContent")
    assert "Slide export is unavailable" in sidebar.inner_text(), "a clear message where the buttons are"
    assert "fonts-noto-cjk" in sidebar.inner_text()
    png = sidebar.get_by_role("button", name="Make a slide image (PNG, 16:9)")
    assert png.is_disabled(), "no button that silently does nothing"
    assert sidebar.get_by_role("button", name="GeoJSON").is_enabled(), "the other downloads still work"
    context.close()


def test_slide_export_with_the_font_delivers_a_png(browser, live_app):
    context, page = open_page(browser, f"{live_app}/industry?lang=en")
    sidebar = page.get_by_test_id("stSidebarUserContent")
    assert "Slide export is unavailable" not in sidebar.inner_text()
    sidebar.get_by_role("button", name="Make a slide image (PNG, 16:9)").click()  # drawn on the server, then offered
    with page.expect_download(timeout=90_000) as download:
        sidebar.get_by_role("button", name="Slide image (PNG, 16:9)", exact=True).click(timeout=90_000)
    assert download.value.suggested_filename.endswith(".png")
    context.close()


# ------------------------------------------------------------------------------------------------ item 7


def test_phone_indicator_charts_fit_the_screen(browser, live_app):
    context, page = open_page(browser, f"{live_app}/indicators?lang=zh", PHONE, has_map=False)
    page.wait_for_selector(".ind-card", timeout=30_000)
    width = PHONE["viewport"]["width"]
    boxes = page.evaluate("() => [...document.querySelectorAll('.ind-card')].map(e => {"
                          " const r = e.getBoundingClientRect(); return [r.left, r.right]; })")
    assert len(boxes) >= 10, "the charts are drawn"
    wide = [b for b in boxes if b[0] < 0 or b[1] > width]
    assert not wide, f"{len(wide)} of {len(boxes)} charts are wider than the {width} px screen: {wide[:3]}"
    overflow = page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]');"
                             " return m.scrollWidth - m.clientWidth; }")
    assert overflow <= 1, "the page does not scroll sideways"
    small = page.evaluate("() => [...document.querySelectorAll('.ind-card caption, .ind-card th, .ind-value')]"
                          ".filter(e => parseFloat(getComputedStyle(e).fontSize) < 12).length")
    assert small == 0, "chart labels are at least 12 px"
    context.close()


def test_desktop_indicator_charts_sit_side_by_side_without_chart_library_or_data_grid(browser, live_app):
    context, page = open_page(browser, f"{live_app}/indicators?lang=en", DESKTOP, has_map=False)
    page.wait_for_selector(".ind-card", timeout=30_000)
    tops = page.evaluate("() => [...document.querySelectorAll('.ind-card')]"
                         ".map(e => Math.round(e.getBoundingClientRect().top))")
    assert tops.count(tops[0]) >= 3, "a desktop shows several charts in a row"
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                           ".filter(n => /vega|glide|DataFrame|rehype/i.test(n))")  
    assert not loaded, f"the light page loads no chart library, data grid or raw-HTML Markdown: {loaded}"
    page.wait_for_selector(".pm-datatable th", state="attached", timeout=30_000)
    assert page.locator(".pm-datatable th").count() > 5, "the tables are static tables (ui/tables.py)"
    context.close()


# ------------------------------------------------------------------------------------------------ item 9


def test_english_pages_cite_the_plan_in_english(browser, live_app):
    context, page = open_page(browser, f"{live_app}/?lang=en")
    frame = map_frame(page)
    label = frame.locator(".pm-label-text", has_text="Zhuanghe").first.bounding_box()
    page.mouse.click(label["x"] + label["width"] / 2, label["y"] + label["height"] / 2)
    page.wait_for_timeout(800)
    source = frame.locator(".leaflet-popup .pm-source").inner_text()
    assert "Box 13" in source and not CJK.search(source), source
    projects = frame.locator(".leaflet-popup .pm-projects").inner_text()
    assert "Box 14" in projects and "专栏" not in projects
    page.get_by_text("Feature list").first.click()
    settle(page)
    listed = page.get_by_test_id("stExpander").first.inner_text()
    assert "(Box 13;" in listed and "专栏" not in listed
    context.close()
    context, page = open_page(browser, f"{live_app}/tour?lang=en&step=major-projects")
    meta = page.locator(".st-key-tour_meta").inner_text()
    assert "Chapter 10, Section 1; Box 17; Box 18" in meta, meta
    context.close()


def test_data_page_headers_follow_the_language(browser, live_app):
    context, page = open_page(browser, f"{live_app}/about?lang=zh", has_map=False)
    page.wait_for_selector(".pm-datatable thead th", state="attached", timeout=30_000)  # ui/tables.html_table
    headers = [h.strip() for h in page.locator(".pm-datatable thead th").all_inner_texts()]
    headers = [h for h in headers if h]
    assert headers and all(CJK.search(h) for h in headers), f"Chinese headers in the Chinese UI: {headers}"
    context.close()


@pytest.mark.parametrize("path", ["/", "/industry", "/infrastructure"])
def test_one_search_box(browser, live_app, path):
    context, page = open_page(browser, f"{live_app}{path}?lang=zh")
    boxes = page.get_by_label("查找地点或项目")
    assert boxes.count() == 1, f"{boxes.count()} search boxes with the same label"
    context.close()


def test_search_ranks_names_first_and_says_why(browser, live_app):
    context, page = open_page(browser, f"{live_app}/?lang=en")
    box = page.get_by_label("Find a place or project")
    box.fill("airport")
    box.press("Enter")
    settle(page)
    main = page.get_by_test_id("stMainBlockContainer")
    main.locator("button", has_text="—").first.wait_for(timeout=30_000)
    results = [b.strip() for b in main.locator("button").all_inner_texts() if "—" in b]
    reasons = [c.strip() for c in main.locator("[data-testid='stCaptionContainer']").all_inner_texts()
               if c.strip().startswith("matched")]
    assert results and "Airport" in results[0], results
    by_text = [i for i, r in enumerate(results) if "Jinzhou Bay ·" in r or "Lingshuiwan" in r or "Lingshui" in r]
    by_name = [i for i, r in enumerate(results) if re.search(r"\bairport\b", r.split("—")[0], re.I)]
    assert by_text and by_name and max(by_name) < min(by_text), f"names before plan wording: {results}"
    assert len(reasons) == len(results) and all(r.startswith("matched: ") for r in reasons)
    assert any("plan wording" in r and "airport" in r for r in reasons), reasons
    context.close()


def test_no_deprecation_warnings_in_the_server_log(browser, live_app):
    for path, has_map in (("/indicators?lang=zh", False), ("/about?lang=en", False), ("/industry?lang=zh", True),
                          ("/infrastructure?lang=en", True), ("/tour?lang=zh", True)):
        context, page = open_page(browser, live_app + path, has_map=has_map)
        for toggle in page.get_by_text(re.compile("^(显示可排序表格|Show sortable table)$")).all():  # the data grids
            toggle.click()
            settle(page)
        context.close()
    log = "".join(live_app.log)
    assert "use_container_width" not in log and "will be removed" not in log, log[-2000:]
