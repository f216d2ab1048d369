"""Browser: the offline basemap carries place names people can orient on, in both languages, without overlaps."""
from __future__ import annotations

import pytest

from browser import start_app, stop_app, visit
from conftest import ROOT

pytestmark = pytest.mark.browser

VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('.pm-label-perm'))
  .filter(m => parseFloat(m.style.opacity || '1') > 0.5)
  .map(m => { const r = m.firstChild.getBoundingClientRect();
              return {text: m.innerText, place: m.firstChild.classList.contains('pm-place'),
                      l: r.left, r: r.right, t: r.top, b: r.bottom}; })"""


@pytest.fixture(scope="module")
def app_url():
    proc, url = start_app(ROOT)
    yield url
    stop_app(proc)


def labels(page):
    frame = next(f for f in page.frames if f.query_selector(".leaflet-container"))
    return frame.evaluate(VISIBLE_LABELS)


@pytest.mark.parametrize("lang,expected", [("zh", {"庄河市", "黑岛镇", "大郑镇", "石城岛"}),
                                           ("en", {"Zhuanghe City", "Heidao", "Dazheng", "Shicheng Island"})])
def test_zhuanghe_zoomed_in_shows_named_places_that_do_not_overlap(browser, app_url, lang, expected):
    result, page = visit(browser, f"{app_url}infrastructure?view=39.68,122.96,11&lang={lang}")
    shown = labels(page)
    texts = {s["text"] for s in shown}
    assert expected <= texts, sorted(texts)
    assert sum(s["place"] for s in shown) >= 12
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            overlap = a["l"] < b["r"] and a["r"] > b["l"] and a["t"] < b["b"] and a["b"] > b["t"]
            assert not overlap, (a["text"], b["text"])
    assert not result.outside_requests and not result.page_errors
    page.close()


def test_at_city_scale_only_seas_and_county_seats_are_named(browser, app_url):
    result, page = visit(browser, f"{app_url}ecology")
    places = {s["text"] for s in labels(page) if s["place"]}
    assert {"黄海", "渤海"} <= places, places
    assert not any(t.endswith(("街道", "镇", "乡")) for t in places), places
    page.close()


DASHES = """() => Array.from(document.querySelectorAll('path.leaflet-interactive'))
  .map(p => p.getAttribute('stroke-dasharray') || '')"""


def test_schematic_shapes_are_drawn_dashed_and_boundaries_solid(browser, app_url):
    """The layout page's corridors and four cities are schematic (dashed); districts are real boundaries."""
    result, page = visit(browser, f"{app_url}layout")
    frame = next(f for f in page.frames if f.query_selector(".leaflet-container"))
    dashes = frame.evaluate(DASHES)
    assert sum(1 for d in dashes if d) >= 8, dashes  # 4 corridors + 5 core/city shapes, at least
    assert any(not d for d in dashes)  # something drawn solid
    page.close()


def test_schematic_features_without_a_dash_of_their_own_are_dashed_by_their_basis(browser, app_url):
    """Rivers and sea areas have no dash in their style: the schematic ones are dashed because they are schematic."""
    result, page = visit(browser, f"{app_url}ecology")
    frame = next(f for f in page.frames if f.query_selector(".leaflet-container"))
    dashed = [d for d in frame.evaluate(DASHES) if d]
    assert len(dashed) >= 10, dashed  # 5 schematic rivers + 4 sea areas + the spine, at least
    page.close()
