"""The static public edition (`python -m layers export --format site`): files, links, escaping, failures, and every
page in headless Chromium served by a plain `python -m http.server` (nothing requested from any other host)."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser import free_port
from conftest import ROOT
from layers import site
from layers.__main__ import main
from layers.i18n import LANGUAGES, duplicate_keys

GROUPS = list(site.map_groups())
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&'
LINK = re.compile(r'(?:src|href)="([^"]*)"')
REMOTE = re.compile(r'(?:(?:src|href|action)\s*=\s*["\']?|url\(\s*["\']?|@import\s+["\']?)(?:https?:)?//', re.I)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    written, problems = site.export_site(out)
    assert problems == []
    assert all(path.is_file() for path in written)
    return out


def pages_of(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_every_page_is_written_per_language(exported):
    assert (exported / "index.html").is_file()
    assert {"overview", "layout", "industry", "ecology", "infrastructure"} <= set(GROUPS)
    for lang in LANGUAGES:
        for slug in ["index", "indicators", *GROUPS]:
            assert (exported / lang / f"{slug}.html").is_file(), f"{lang}/{slug}.html"
    for group in GROUPS:
        data = json.loads((exported / "data" / f"{group}.geojson").read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection" and data["features"]
    for rel in ("static/vendor/leaflet/leaflet.js", "static/vendor/leaflet/leaflet.css", "static/js/planmap.js",
                "static/js/planmap.css", "static/vendor/markercluster/leaflet.markercluster.js"):
        assert (exported / rel).is_file(), rel


def test_map_pages_have_map_legend_table_download_and_language_switch(exported):
    for lang in LANGUAGES:
        other = next(c for c in LANGUAGES if c != lang)
        for group in GROUPS:
            page = (exported / lang / f"{group}.html").read_text(encoding="utf-8")
            assert 'class="folium-map"' in page and "PlanMap.render(" in page and '"legend":[{' in page
            assert '<script src="../static/vendor/leaflet/leaflet.js"></script>' in page
            assert f'href="../data/{group}.geojson"' in page and "<table>" in page
            assert f'href="../{other}/{group}.html"' in page


def test_every_local_link_resolves_and_is_relative(exported):
    for page in pages_of(exported):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            assert not target.startswith("/"), f"{page.name}: absolute path {target} breaks sub-path hosting"
            path = (page.parent / target.split("#")[0].split("?")[0]).resolve()
            assert path.is_file(), f"{page.relative_to(exported)} links to missing {target}"


def test_nothing_is_loaded_from_another_host(exported):
    """Pages and stylesheets reference no http(s):// or protocol-relative resource (URLs in plain text are fine)."""
    for path in [*pages_of(exported), *exported.rglob("*.css")]:
        assert not REMOTE.search(path.read_text(encoding="utf-8")), path.relative_to(exported)
    for page in pages_of(exported):  # and at present no URL at all appears in the pages' text or data
        assert not re.search(r"https?://", page.read_text(encoding="utf-8")), page.name


def test_site_strings_are_prefixed_and_do_not_clash():
    keys = json.loads((ROOT / "layers" / "strings" / "site.json").read_text(encoding="utf-8"))
    assert all(k.startswith("site_") and set(v) == {"zh", "en"} for k, v in keys.items())
    assert duplicate_keys() == []


def test_hostile_text_is_escaped(geodata_copy, tmp_path):
    path = geodata_copy / "layers" / "districts.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    props = data["features"][0]["properties"]
    for key in ("name_zh", "name_en", "function_zh", "function_en", "source"):
        props[key] = HOSTILE
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tour = tmp_path / "tour.json"
    tour.write_text(json.dumps({"steps": [{"id": "x", "title_zh": HOSTILE, "title_en": HOSTILE, "text_zh": HOSTILE,
                                           "text_en": HOSTILE, "source": HOSTILE, "layers": ["districts"],
                                           "view": {"lat": 39.0, "lon": 121.6, "zoom": 9}}]}), encoding="utf-8")
    out = tmp_path / "site"
    _, problems = site.export_site(out, tour_file=tour)
    assert problems == []
    for lang in LANGUAGES:
        for slug in ("overview", "tour"):
            page = (out / lang / f"{slug}.html").read_text(encoding="utf-8")
            assert "<script>alert" not in page and "<img src=x" not in page
            assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;" in page
            assert "\\u003cscript\\u003ealert" in page  # the map data: script-safe JSON


def test_a_broken_layer_is_skipped_reported_and_the_rest_is_written(geodata_copy, tmp_path, capsys, monkeypatch):
    target = geodata_copy / "layers" / "ind_parks.geojson"
    target.write_text(target.read_text(encoding="utf-8")[:2000], encoding="utf-8")
    monkeypatch.setattr(site, "TOUR_FILE", tmp_path / "tour.json")
    (tmp_path / "tour.json").write_text("{not json", encoding="utf-8")  # an invalid tour: no tour page, no failure
    out = tmp_path / "site"
    assert main(["export", "--format", "site", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "ind_parks" in err and "ind_parks.geojson" in err and "tour.json not used" in err
    for lang in LANGUAGES:
        for slug in ["index", "indicators", *GROUPS]:
            assert (out / lang / f"{slug}.html").is_file()
        assert not (out / lang / "tour.html").exists()
        assert "tour.html" not in (out / lang / "index.html").read_text(encoding="utf-8")
    industry = json.loads((out / "data" / "industry.geojson").read_text(encoding="utf-8"))
    assert industry["features"] and all(f["properties"]["layer"] != "ind_parks" for f in industry["features"])


VALID_STEP = {"id": "a", "title_zh": "甲", "title_en": "A", "text_zh": "", "text_en": "", "source": "第九章",
              "layers": ["districts"], "view": {"bounds": [121.0, 38.7, 123.5, 40.2]}}


@pytest.mark.parametrize("content, steps", [
    ("{not json", 0), ('{"steps": 3}', 0), ("[1, 2]", 0),
    (json.dumps({"steps": [VALID_STEP, {"id": "b", "view": {"lat": "n"}}, {"id": "c", "view": {"bounds": [1, 2]}},
                           {"id": "d", "view": {"lat": 39, "lon": 121.6, "zoom": float("nan")}}, "step"]}), 1),
])
def test_an_invalid_tour_or_step_is_skipped_with_a_note(tmp_path, content, steps, capsys):
    tour = tmp_path / "tour.json"
    tour.write_text(content, encoding="utf-8")
    assert len(site.read_tour(tour)) == steps
    assert "tour.json" in capsys.readouterr().err
    assert site.read_tour(tmp_path / "absent.json") == []


def test_format_all_does_not_include_the_site(tmp_path):
    assert main(["export", "--format", "all", "--out", str(tmp_path), "--layer", "districts"]) == 0
    assert not (tmp_path / "index.html").exists() and (tmp_path / "districts.geojson").is_file()


# --- in the browser ---------------------------------------------------------------------------------------------

def browser_pages() -> list[str]:
    pages = [f"{lang}/{slug}.html" for lang in LANGUAGES for slug in ["index", *GROUPS, "indicators"]]
    if site.read_tour(site.TOUR_FILE):
        pages += [f"{lang}/tour.html" for lang in LANGUAGES]
    return ["index.html", *pages]


@pytest.fixture(scope="module")
def served(exported):
    port = free_port()
    # serve the folder above the site, so the site is opened from a sub-path (/<name>/...)
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(exported.parent)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("python -m http.server did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/{exported.name}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def open_page(browser, url: str, has_map: bool):
    """(page, errors, hosts requested) after the page loaded and, for map pages, drew its features."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    hosts: set[str] = set()
    page.on("pageerror", lambda e: errors.append(str(e)[:300]))
    page.on("request", lambda r: hosts.add(urlparse(r.url).hostname or "")
            if not r.url.startswith(("data:", "blob:", "about:")) else None)
    page.goto(url, wait_until="load")
    if has_map:
        page.wait_for_function("document.querySelectorAll('.leaflet-interactive').length > 0", timeout=20000)
    page.wait_for_timeout(300)
    return page, errors, hosts


@pytest.mark.browser
@pytest.mark.parametrize("path", browser_pages())
def test_page_works_from_a_plain_web_server(browser, served, path):
    slug = Path(path).stem
    has_map = slug in GROUPS or slug == "tour"
    page, errors, hosts = open_page(browser, served + path, has_map)
    try:
        features = len(page.query_selector_all(".leaflet-interactive"))
        fallback = page.query_selector_all(".pm-fallback")
        legend = page.query_selector_all(".pm-legend")
        text = page.inner_text("body")
    finally:
        page.close()
    assert errors == []
    assert hosts == {"127.0.0.1"}, f"requests to other hosts: {hosts}"
    if has_map:
        assert features > 0 and not fallback and legend
    if slug in GROUPS:
        assert ("Feature list" if path.startswith("en/") else "要素列表") in text


@pytest.mark.browser
def test_a_shared_view_link_opens_at_that_view(browser, served):
    page, errors, _ = open_page(browser, served + "en/layout.html?view=38.95,121.64,11", True)
    try:
        zoom = page.evaluate("Object.keys(window).filter(k => /^map_/.test(k)).map(k => window[k].getZoom())")
    finally:
        page.close()
    assert errors == [] and zoom == [11]


@pytest.mark.browser
@pytest.mark.skipif(not site.read_tour(site.TOUR_FILE), reason="no content/tour.json")
def test_tour_buttons_switch_steps(browser, served):
    page, errors, hosts = open_page(browser, served + "en/tour.html", True)
    try:
        buttons = page.query_selector_all("button[data-step]")
        buttons[-1].click()
        page.wait_for_function("document.querySelectorAll('.leaflet-interactive').length > 0", timeout=20000)
        pressed = buttons[-1].get_attribute("aria-pressed")
        containers = len(page.query_selector_all(".leaflet-container"))
    finally:
        page.close()
    assert errors == [] and hosts == {"127.0.0.1"}
    assert pressed == "true" and containers == 1
