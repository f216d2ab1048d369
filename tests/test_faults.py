"""Faults end to end in headless Chromium: no network with an online basemap, and broken data — an invalid
geometry, a wrong CRS member, a catalog entry whose file is missing, a file the catalog does not list. Each page
names the file in a clear warning and still draws its other layers. One app copy holds every data fault (each in
a different page's layers, so they do not interfere): a single app start for the whole file. An error nobody
foresaw (a page that raises) shows Streamlit's generic notice, never a stack trace or a server path."""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser import start_app, stop_app, visit
from conftest import copy_app, rewrite_json

pytestmark = pytest.mark.browser
LOOPBACK = ("127.0.0.1", "localhost", "::1", None)
PROBLEM_HEADING = {"en": "This layer cannot be shown right now", "zh": "此图层暂时无法显示"}


def make_faulty_copy(root: Path) -> Path:
    copy_app(root)
    geodata = root / "geodata"

    def bowtie(data):  # (b) layout page (a layer shown by default): a self-intersecting polygon
        data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [
            [[121.5, 38.9], [121.7, 39.1], [121.7, 38.9], [121.5, 39.1], [121.5, 38.9]]]}

    def projected(data):  # (c) industry page: a crs member that is not WGS-84
        data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}

    def missing_entry(data):  # (d) ecology page: a catalog entry whose file does not exist
        entry = next(e for e in data["layers"] if e["id"] == "eco_sea")
        data["layers"].append({**entry, "id": "eco_missing", "file": "layers/eco_missing.geojson",
                               "title_zh": "缺失的图层", "title_en": "Missing layer"})

    rewrite_json(geodata / "layers" / "layout_core_cities.geojson", bowtie)
    rewrite_json(geodata / "layers" / "ind_bays.geojson", projected)
    rewrite_json(geodata / "catalog.json", missing_entry)
    # (e) a data file the catalog does not list
    shutil.copy(geodata / "layers" / "eco_sea.geojson", geodata / "layers" / "stray_extra.geojson")
    # (f) an error nobody foresaw: the indicators page raises, naming a server path in its message
    (root / "pages" / "indicators.py").write_text(
        'from ui.guard import ensure_navigation\n\nensure_navigation()\n'
        'raise RuntimeError(f"unforeseen failure in {__file__}")\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def faulty_url(tmp_path_factory):
    root = make_faulty_copy(tmp_path_factory.mktemp("faults") / "app")
    proc, url = start_app(root)
    yield url.rstrip("/")
    stop_app(proc)


class Offline:
    """Looks like a Browser to tests/browser.visit(); its pages cannot reach anything but this machine."""

    def __init__(self, browser):
        self.browser = browser
        self.blocked: list[str] = []

    def _route(self, route):
        if urlparse(route.request.url).hostname in LOOPBACK or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("internetdisconnected")

    def new_page(self, **kwargs):
        page = self.browser.new_page(**kwargs)
        page.route("**/*", self._route)
        return page


def test_a_link_to_an_online_basemap_asks_first_and_with_the_network_off_the_map_still_draws(browser, faulty_url):
    offline = Offline(browser)
    result, page = visit(offline, f"{faulty_url}/?lang=en&basemap=osm", wait_s=45)
    try:
        assert result.features > 0
        page.wait_for_timeout(1500)  # time for any tile request to be made
        assert offline.blocked == [] and result.outside_requests == [], "no other host is asked before the choice"
        notice = page.get_by_text("This link asks for the online basemap").first
        assert "tile.openstreetmap.org" in notice.inner_text().replace("\u2060", "")
        page.get_by_role("button", name="Load the online basemap").click()
        for _ in range(120):  # the map is drawn again with the tile layer the visitor chose
            if any("openstreetmap.org" in u for u in offline.blocked):
                break
            page.wait_for_timeout(250)
        frame = next(f for f in page.frames if f.query_selector(".leaflet-container .leaflet-tile-pane"))
        page.wait_for_timeout(500)
        land = len(frame.query_selector_all(".leaflet-pm-basemap-pane path"))
        tiles_wanted = len(frame.query_selector_all(".leaflet-tile-pane img"))
        exceptions = len(page.query_selector_all("[data-testid='stException']"))
    finally:
        page.close()
    assert land > 0, "the offline land basemap shows under the missing tiles"
    assert tiles_wanted > 0 and any("openstreetmap.org" in u for u in offline.blocked), "the OSM layer was on"
    assert set(result.outside_requests) <= set(offline.blocked), "every outside request was blocked"
    assert result.page_errors == [] and result.exceptions == 0 and exceptions == 0
    assert "districts.geojson" not in result.text, "no layer problem"


@pytest.mark.parametrize("path, lang, file, message", [
    ("/layout", "zh", "geodata/layers/layout_core_cities.geojson", "invalid geometry"),
    ("/industry", "en", "geodata/layers/ind_bays.geojson", "expected WGS-84"),
    ("/ecology", "en", "geodata/layers/eco_missing.geojson", "file is missing"),
], ids=["invalid-geometry", "wrong-crs", "missing-file"])
def test_broken_layer_is_named_in_a_warning_and_the_others_still_draw(browser, faulty_url, path, lang, file, message):
    result, page = visit(browser, f"{faulty_url}{path}?lang={lang}", wait_s=45)
    page.close()
    warning = next((line for line in result.text.splitlines() if file in line), "")
    assert message in warning and PROBLEM_HEADING[lang] in warning, result.text[:2000]
    assert result.features > 0, "the other layers still draw"
    assert result.page_errors == [] and result.exceptions == 0 and result.outside_requests == []


def test_file_not_in_catalog_is_named_on_the_data_page_and_maps_still_draw(browser, faulty_url):
    result, page = visit(browser, f"{faulty_url}/about?lang=en", wait_s=1)
    try:  # the data check runs after the catalog table is shown
        page.get_by_text("stray_extra.geojson").first.wait_for(timeout=45_000)
        text = page.inner_text("body")
    finally:
        page.close()
    line = next((line for line in text.splitlines() if "stray_extra.geojson" in line), "")
    assert "file is not in the catalog" in line, text[-2000:]
    assert "eco_missing.geojson" in text  # the data check also lists the other faults
    assert result.page_errors == [] and result.exceptions == 0

    result, page = visit(browser, f"{faulty_url}/?lang=zh", wait_s=45)
    page.close()
    assert result.features > 0 and "stray_extra" not in result.text
    assert result.page_errors == [] and result.exceptions == 0


def test_an_unforeseen_error_shows_no_stack_trace_type_or_server_path(browser, faulty_url):
    result, page = visit(browser, f"{faulty_url}/indicators?lang=en", wait_s=1)
    try:
        page.get_by_text("This app has encountered an error").first.wait_for(timeout=45_000)
        text = page.inner_text("body")
    finally:
        page.close()
    for secret in ("unforeseen failure", "RuntimeError", "Traceback", "indicators.py", "/tmp/", "site-packages"):
        assert secret not in text, (secret, text[-1500:])
    assert "Indicators" in text or "主要指标" in text, "the navigation still works around the broken page"
