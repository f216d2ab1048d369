"""Steady and accessible pages (issue 15), in the browser: no layout shift and no axe-core violations.

Timing stays out of tests (bench/quality.py measures it); what is asserted here is stable from run to run:
- the layout-shift sum of the page (PerformanceObserver, input excluded) from navigation until the map is drawn
  and Streamlit is idle is at most 0.1: the tour on a desktop; map pages, the tour, the indicators, about and
  site-report pages on a phone (a desktop page with an open sidebar still shifts ~0.21 when Streamlit's shell opens
  the sidebar, unless deploy/nginx.conf serves it: tests/test_proxy.py; see README "Quality");
- axe-core (npm package, installed into bench/node/ on first use) finds no violation in the top document or in any
  iframe (the maps are iframes);
- <html lang> is the UI language, in the page and in the map's frame.
"""
from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, map_frame, new_context, settle
from quality_probe import LAYOUT_SHIFT_OBSERVER, axe_source, axe_violations, layout_shift

pytestmark = pytest.mark.browser
CLS_LIMIT = 0.1
CASES = [  # (path, device, has a map, layout shift asserted)
    ("/tour?lang=en", DESKTOP, True, True),
    ("/tour?lang=zh", PHONE, True, True),  # the map drawn before the text below it (0.21 in about half the loads)
    ("/industry?lang=zh", PHONE, True, True),
    ("/indicators?lang=en", DESKTOP, False, False),
    ("/indicators?lang=zh", PHONE, False, True),  # one lazy part at the page's end: nothing is pushed (0.40 before)
    ("/about?lang=en", PHONE, False, True),  # the table brings its own CSS: no reflow (0.22 before)
    ("/site_report?lang=zh", PHONE, True, True),  # typed/uploaded inputs folded: their widgets grow unseen (0.10)
]


@pytest.fixture(scope="module")
def axe(browser, live_app) -> str:
    """axe-core's source; first, one visit to the app, as the benchmark makes: the very first session of a new
    server process is told of the pages/ folder before app.py has run, and its sidebar opens on every page (a
    Streamlit start-up effect, once per process; see README "Quality")."""
    page = browser.new_page()
    page.goto(live_app + "/")
    page.wait_for_selector("h1", timeout=30_000)
    settle(page)
    page.close()
    return axe_source()


def open_measured(browser, url: str, device: dict, has_map: bool):
    context = new_context(browser, device)
    context.add_init_script(LAYOUT_SHIFT_OBSERVER)
    page = context.new_page()
    page.goto(url)
    frame = map_frame(page) if has_map else None
    if not has_map:
        page.wait_for_selector("h1", timeout=30_000)
    settle(page)
    page.wait_for_timeout(1000)  # late shifts (a sidebar closing, a legend sizing itself) still count
    return context, page, frame


@pytest.mark.parametrize("path,device,has_map,steady", CASES,
                         ids=[f"{p}-{'phone' if d is PHONE else 'desktop'}" for p, d, _, _ in CASES])
def test_page_does_not_shift_and_has_no_axe_violations(browser, live_app, axe, path, device, has_map, steady):
    context, page, frame = open_measured(browser, live_app + path, device, has_map)
    if steady:
        total, entries = layout_shift(page)
        moved = [f"{e['value']:.3f}: {'; '.join(e['sources'][:2])}" for e in sorted(entries, key=lambda e: -e["value"])]
        assert total <= CLS_LIMIT, f"layout shift {total:.3f} > {CLS_LIMIT}: {moved[:4]}"
    violations = axe_violations(page, axe)
    assert not violations, {rule: nodes[:3] for rule, nodes in violations.items()}
    lang = "en" if "lang=en" in path else "zh-Hans"
    assert page.evaluate("() => document.documentElement.lang") == lang
    if frame is not None:
        assert frame.evaluate("() => document.documentElement.lang") == lang
    context.close()


def test_site_report_inputs_once_unfolded_have_no_axe_violations(browser, live_app, axe):
    """The file uploader's drop zone is role="presentation" with a name in Streamlit; static/js/aria.js makes it a
    named group (axe: presentation-role-conflict before). Checked with the input panel open, as a user has it."""
    context, page, frame = open_measured(browser, live_app + "/site_report?lang=en", DESKTOP, True)
    page.get_by_test_id("stExpander").locator("summary").click()
    zone = page.get_by_test_id("stFileUploaderDropzone")
    zone.wait_for(state="visible", timeout=10_000)
    page.wait_for_timeout(500)
    assert zone.get_attribute("aria-label") == "Upload a site boundary"
    violations = axe_violations(page, axe)
    assert not violations, {rule: nodes[:3] for rule, nodes in violations.items()}
    context.close()


CARD_CELLS = """() => Array.from(document.querySelectorAll('.pm-datatable td')).filter(td => td.textContent).map(td => {
  const row = td.closest('tr').getBoundingClientRect(), box = td.getBoundingClientRect();
  return { label: td.dataset.label, before: getComputedStyle(td, '::before').content, display: getComputedStyle(td).display,
           share: box.width / row.width, overflow: td.scrollWidth - td.clientWidth, text: td.textContent.slice(0, 30) };
})"""


def table_cells(browser, url: str, device: dict) -> list[dict]:
    """Every non-empty table cell of the page at url, measured as the device shows it (CARD_CELLS)."""
    context = new_context(browser, device)
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector(".pm-datatable td", timeout=30_000)
        return page.evaluate(CARD_CELLS)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/indicators?lang=en", "/about?lang=zh"])
def test_tables_on_a_phone_are_cards_of_labelled_lines(browser, live_app, path):
    """At 390 px each table row is a card: every cell a full-width line that starts with its column's name, and
    no cell's text overflows it (eight columns squeezed into 390 px broke words: 'Indica tor')."""
    cells = table_cells(browser, live_app + path, PHONE)
    assert len(cells) > 10
    for cell in cells:
        assert cell["share"] > 0.9, f"a cell takes {cell['share']:.0%} of its row's width: {cell}"
        assert cell["label"] and cell["label"] in cell["before"], cell
        assert cell["overflow"] <= 1, cell
    cells = table_cells(browser, live_app + path, DESKTOP)  # a wide window keeps the table's columns
    assert {c["display"] for c in cells} == {"table-cell"} and all(c["before"] in ("none", "normal") for c in cells)
