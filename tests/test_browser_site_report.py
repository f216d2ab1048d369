"""The site report in headless Chromium, offline: click a point and see its report; draw a polygon and see the
overlaps; upload a KML (with markup in its name) and see it drawn and reported as text; reload the permalink in a
new session and see the same report; measure a distance and go to DMS coordinates on another map page. No page
errors, no request leaves the machine."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from pyproj import Geod

from browser import start_app, stop_app
from conftest import ROOT

pytestmark = pytest.mark.browser

HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">老铁山场地'
KML = ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
       '<name>&lt;img src=x onerror="window.__pwned=1"&gt;老铁山场地</name><Polygon><outerBoundaryIs><LinearRing>'
       '<coordinates>121.10,38.73,0 121.16,38.73,0 121.16,38.78,0 121.10,38.78,0 121.10,38.73,0</coordinates>'
       '</LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>')


@pytest.fixture(scope="module")
def app_url():
    proc, url = start_app(ROOT)
    yield url.rstrip("/")
    stop_app(proc)


class Watch:
    """Page errors and outside requests of one browser context."""

    def __init__(self, context):
        self.errors: list[str] = []
        self.outside: list[str] = []
        context.on("page", self._attach)

    def _attach(self, page):
        page.on("pageerror", lambda e: self.errors.append(str(e)[:300]))
        page.on("request", lambda r: self.outside.append(r.url)
                if urlparse(r.url).hostname not in ("127.0.0.1", "localhost", None)
                and not r.url.startswith(("data:", "blob:", "about:")) else None)

    def check(self):
        assert self.errors == [] and self.outside == []


def map_frame(page, timeout_ms: int = 60_000, attribute: str = "data-planmap-features"):
    for _ in range(timeout_ms // 100):
        for frame in page.frames:
            try:
                if frame.evaluate(f"() => document.documentElement.hasAttribute('{attribute}')"):
                    return frame
            except Exception:  # frames come and go while Streamlit reruns
                pass
        page.wait_for_timeout(100)
    raise AssertionError(f"no map frame with {attribute}")


def site_frame(page, lat: float, lon: float, timeout_ms: int = 60_000):
    """The map frame whose drawn site (point or boundary) covers lat/lon — the map after the last rerun."""
    probe = (f"() => {{ const s = window.SiteTools && window.SiteTools.siteLayer; if (!s) return false;"
             f" const b = s.getBounds(), e = 0.01; return L.latLngBounds([b.getSouth() - e, b.getWest() - e],"
             f" [b.getNorth() + e, b.getEast() + e]).contains([{lat}, {lon}]); }}")
    for _ in range(timeout_ms // 100):
        for frame in page.frames:
            try:
                if frame.evaluate(probe):
                    return frame
            except Exception:  # frames come and go while Streamlit reruns
                pass
        page.wait_for_timeout(100)
    raise AssertionError(f"no map shows a site at {lat}, {lon}")


def click_at(page, frame, lat: float, lon: float) -> None:
    """A real mouse click where Leaflet draws lat/lon."""
    frame.evaluate(f"() => window.PlanMap.map.setView([{lat}, {lon}], 12, {{animate: false}})")
    page.wait_for_timeout(300)
    x, y = frame.evaluate(f"() => {{ const p = window.PlanMap.map.latLngToContainerPoint([{lat}, {lon}]);"
                          " return [p.x, p.y]; }")
    box = frame.locator(".leaflet-container").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def free_point(frame, offsets) -> tuple[float, float, tuple[float, float]]:
    """The first offset from the map's centre not covered by a control: (x, y) in the map, and its lon/lat."""
    for dx, dy in offsets:
        hit = frame.evaluate(f"""() => {{ const m = window.PlanMap.map, c = m.getSize(), r = m.getContainer()
            .getBoundingClientRect(), x = c.x / 2 + {dx}, y = c.y / 2 + {dy};
            const el = document.elementFromPoint(r.left + x, r.top + y), ll = m.containerPointToLatLng([x, y]);
            return [x, y, [ll.lng, ll.lat], !!(el && el.closest('.leaflet-control'))]; }}""")
        if not hit[3]:
            return hit[0], hit[1], tuple(hit[2])
    raise AssertionError("every point is under a map control")


def report_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def wait_for(page, predicate, timeout_ms: int = 60_000):
    for _ in range(timeout_ms // 200):
        if predicate():
            return
        page.wait_for_timeout(200)
    raise AssertionError("condition not met in time")


def test_click_draw_upload_and_permalink(browser, app_url, tmp_path):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    watch = Watch(context)
    page = context.new_page()
    page.goto(f"{app_url}/site_report?lang=en")
    frame = map_frame(page)
    assert "No site yet" in report_text(page)

    # 1. click a point on 长兴岛: the report names its district, zone and nearest park
    click_at(page, frame, 39.58, 121.45)
    wait_for(page, lambda: "site=121.45" in page.url and "Changxing Island Economic Zone" in report_text(page))
    text = report_text(page)
    assert "Wafangdian City" in text and "Changxing Island Economic and Technological Development Zone" in text
    link = page.url

    # 2. draw a polygon around 碧流河水库's dam: overlaps with areas and the water-source conflict
    frame = site_frame(page, 39.58, 121.45)
    page.wait_for_timeout(500)
    frame.evaluate("() => window.PlanMap.map.setView([39.83, 122.46], 12, {animate: false})")
    frame.locator(".st-draw").click()
    box = frame.locator(".leaflet-container").bounding_box()
    for dx, dy in ((0, -120), (240, -120), (240, 120), (0, 120)):  # right of centre: clear of the tool panel
        page.mouse.click(box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy)
        page.wait_for_timeout(150)
    assert "Area:" in frame.locator(".st-result").inner_text()
    frame.locator(".st-finish").click()
    wait_for(page, lambda: "Area report" in report_text(page))
    text = report_text(page).replace("\\", "")
    assert "overlaps" in text and "% of the site" in text and "Biliuhe Reservoir" in text
    assert "Conflict" in text and "site=" not in page.url  # an area has no point permalink

    # 3. upload a KML whose name carries markup: drawn on the map, reported, the name shown as text
    path = tmp_path / "laotieshan.kml"
    path.write_text(KML, encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for(page, lambda: HOSTILE_NAME in report_text(page))
    frame = site_frame(page, 38.755, 121.13)
    assert frame.evaluate("() => document.documentElement.getAttribute('data-site-drawn')") == "area"
    assert frame.locator("path.st-site").count() >= 1
    text = report_text(page)
    assert "Liaoning Snake Island–Laotie Mountain National Nature Reserve" in text and "Lüshunkou District" in text
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("main img[src='x']").count() == 0
    watch.check()
    context.close()

    # 4. the permalink of the point report, in a new session: the same report
    second = browser.new_context(viewport={"width": 1440, "height": 1000})
    watch = Watch(second)
    page = second.new_page()
    page.goto(link)
    frame = site_frame(page, 39.58, 121.45)
    wait_for(page, lambda: "Changxing Island Economic Zone" in report_text(page))
    assert "Wafangdian City" in report_text(page)
    assert frame.evaluate("() => document.documentElement.getAttribute('data-site-drawn')") == "point"
    watch.check()
    second.close()


def test_measure_and_go_to_on_a_map_page(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    watch = Watch(context)
    page = context.new_page()
    page.goto(f"{app_url}/ecology?lang=en")
    frame = map_frame(page)
    frame.locator(".st-distance").click()
    frame.evaluate("() => window.PlanMap.map.setView([38.95, 121.65], 11, {animate: false})")
    page.wait_for_timeout(300)
    a, b = (free_point(frame, offsets) for offsets in ([(-40, 30), (-80, 60), (0, 0)], [(160, -60), (200, 20), (120, 90)]))
    box = frame.locator(".leaflet-container").bounding_box()
    for x, y, _ in (a, b):
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.wait_for_timeout(300)
    shown = frame.locator(".st-result").inner_text()
    found = re.search(r"([\d.]+) km", shown)
    assert found, shown
    km = float(found.group(1))
    a, b = a[2], b[2]
    expected = Geod(ellps="WGS84").inv(a[0], a[1], b[0], b[1])[2] / 1000
    assert km == pytest.approx(expected, abs=0.06)
    page.wait_for_timeout(400)  # a closed popup fades out for 200 ms
    assert frame.locator(".leaflet-popup").count() == 0  # measuring clicks open no feature popups

    frame.locator(".st-distance").click()  # off again
    frame.locator(".st-goto-input").fill("39°34′48″N 121°27′E")
    frame.locator(".st-goto-input").press("Enter")
    page.wait_for_timeout(400)
    centre = frame.evaluate("() => { const c = window.PlanMap.map.getCenter(); return [c.lat, c.lng]; }")
    assert centre == [pytest.approx(39.58, abs=1e-4), pytest.approx(121.45, abs=1e-4)]
    href = frame.locator(".leaflet-popup .st-report-link").get_attribute("href")
    assert href.startswith("/site_report?lang=en&site=121.45")
    frame.evaluate("""() => { let done = false; window.PlanMap.map.eachLayer(l => {
        if (!done && l.feature && l.getLatLng && l.listens('click')) { l.fire('click', {latlng: l.getLatLng()}); done = true; } }); }""")
    page.wait_for_timeout(300)  # a feature's own popup also offers the report for its place
    feature_link = frame.locator(".leaflet-popup .pm-popup ~ .st-report-link, .leaflet-popup .st-report-link").first
    assert feature_link.get_attribute("href").startswith("/site_report?lang=en&site=")
    assert frame.locator(".leaflet-popup .pm-popup").count() == 1
    frame.locator(".st-goto-input").fill("121.6, 95")
    frame.locator(".st-goto-input").press("Enter")
    assert "Latitude 95" in frame.locator(".st-error").inner_text()
    page.mouse.move(box["x"] + 200, box["y"] + 300)
    assert re.match(r"12\d\.\d{5}, 3\d\.\d{5} +\(3\d°\d\d′[\d.]+″N 12\d°", frame.locator(".st-readout").inner_text())
    watch.check()
    context.close()


def test_every_map_page_has_the_tools(browser, app_url):
    from ui.navigation import current_pages, url_of

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch(context)
    page = context.new_page()
    for entry in (p for p in current_pages() if p.has_map):
        page.goto(f"{app_url}{url_of(entry)}?lang=zh")
        frame = map_frame(page)
        buttons = frame.locator(".st-panel .st-button")
        assert buttons.count() >= 3, entry.url_path  # distance, area, clear (+ report where a server answers)
        assert frame.locator(".st-distance").get_attribute("title") == "量距离"
        assert frame.locator(".st-goto-input").count() == 1 and frame.locator(".st-readout").count() == 1
    watch.check()
    context.close()


def test_tools_fold_away_on_a_phone(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    watch = Watch(context)
    page = context.new_page()
    page.goto(f"{app_url}/ecology?lang=en")
    frame = map_frame(page)
    panel = frame.locator(".st-panel")
    assert "st-collapsed" in panel.get_attribute("class") and not frame.locator(".st-distance").is_visible()
    frame.locator(".st-tools").tap()
    assert "st-collapsed" not in panel.get_attribute("class") and frame.locator(".st-distance").is_visible()
    watch.check()
    context.close()
