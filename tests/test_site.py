"""The static public edition (`python -m layers export --format site`): files, links, escaping, failures, and every
page in headless Chromium served by a plain `python -m http.server` (nothing requested from any other host)."""
from __future__ import annotations

import base64
import json
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser import free_port
from conftest import ROOT
from layers import plantext, site
from layers.__main__ import main
from layers.i18n import LANGUAGES, duplicate_keys

GROUPS = list(site.map_groups())
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&'
HOSTILE_ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;"  # markupsafe
TEMPLATE_TEXT = "{{ 7*7 }}{% if true %}{{ 6*6 }}{% endif %}"  # data is text, never template source
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


class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes), and its text."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.texts.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_every_page_is_written_per_language(exported):
    assert (exported / "index.html").is_file()
    assert {"overview", "layout", "industry", "ecology", "infrastructure"} <= set(GROUPS)
    for lang in LANGUAGES:
        for slug in ["index", "indicators", "plan", *GROUPS]:
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
            if target.startswith("data:"):  # the inline favicon
                continue
            assert not target.startswith("/"), f"{page.name}: absolute path {target} breaks sub-path hosting"
            path = (page.parent / target.split("#")[0].split("?")[0]).resolve()
            assert path.is_file(), f"{page.relative_to(exported)} links to missing {target}"


def test_nothing_is_loaded_from_another_host(exported):
    """Pages and stylesheets reference no http(s):// or protocol-relative resource (URLs in plain text are fine)."""
    for path in [*pages_of(exported), *exported.rglob("*.css")]:
        assert not REMOTE.search(path.read_text(encoding="utf-8")), path.relative_to(exported)
    for page in pages_of(exported):  # and at present no URL at all appears in the pages' text or data
        assert not re.search(r"https?://", page.read_text(encoding="utf-8")), page.name


def test_every_page_has_a_description_an_inline_favicon_and_its_language(exported):
    """Lighthouse's SEO and best-practice checks: a meta description, and no request for /favicon.ico (a 404 in the
    console) because the icon is in the page; <html lang> as in the app (zh-Hans, en)."""
    for path in pages_of(exported):
        page = Elements(path.read_text(encoding="utf-8"))
        rel = path.relative_to(exported).as_posix()
        descriptions = page.find("meta", name="description")
        assert len(descriptions) == 1 and len(descriptions[0]["content"] or "") > 20, rel
        icons = page.find("link", rel="icon")
        assert len(icons) == 1 and icons[0]["href"].startswith("data:image/svg+xml;base64,"), rel
        assert base64.b64decode(icons[0]["href"].split(",", 1)[1]).startswith(b"<svg "), rel
        lang = "en" if rel.startswith("en/") else "zh-Hans"
        assert page.find("html")[0]["lang"] == lang, rel


def test_every_scrolling_table_is_focusable_and_named(exported):
    """A table wider than the screen scrolls in its .site-table box: keyboard users reach it with Tab (axe's
    scrollable-region-focusable), and screen readers announce it by the table's name."""
    seen = set()
    for path in pages_of(exported):
        page = Elements(path.read_text(encoding="utf-8"))
        boxes = [a for t, a in page.tags if "site-table" in (a.get("class") or "").split()]
        assert len(boxes) == len(page.find("table")), path.name
        for box in boxes:
            assert box.get("tabindex") == "0" and box.get("role") == "region", path.name
            assert (box.get("aria-label") or "").strip(), path.name
            seen.add(path.stem)
    assert {"indicators", *GROUPS} <= seen


@pytest.mark.skipif(not site.load_tour(site.TOUR_FILE).steps, reason="no content/tour.json")
def test_only_the_tour_defers_its_map_scripts(exported):
    """The tour's own script waits for DOMContentLoaded, so its map scripts need not block the page; a map page's
    folium script is inline in the body and needs Leaflet loaded before it, so there they stay blocking."""
    for lang in LANGUAGES:
        tour = (exported / lang / "tour.html").read_text(encoding="utf-8")
        scripts = [a for a in Elements(tour).find("script") if a.get("src")]
        assert scripts and all("defer" in a for a in scripts)
        assert 'document.addEventListener("DOMContentLoaded"' in tour
        for group in GROUPS:
            page = Elements((exported / lang / f"{group}.html").read_text(encoding="utf-8"))
            assert not any("defer" in a or "async" in a for a in page.find("script")), group


def test_site_strings_are_prefixed_and_do_not_clash():
    keys = json.loads((ROOT / "layers" / "strings" / "site.json").read_text(encoding="utf-8"))
    assert all(k.startswith("site_") and set(v) == {"zh", "en"} for k, v in keys.items())
    assert duplicate_keys() == []


def test_hostile_text_is_escaped(geodata_copy, tmp_path):
    """Markup in a feature's or a tour step's text is shown as text (autoescape), and template syntax in it is not
    evaluated."""
    path = geodata_copy / "layers" / "districts.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    props = data["features"][0]["properties"]
    for key in ("name_zh", "name_en", "function_zh", "function_en", "source"):
        props[key] = HOSTILE + TEMPLATE_TEXT
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tour = tmp_path / "tour.json"
    hostile = HOSTILE + TEMPLATE_TEXT
    tour.write_text(json.dumps({"steps": [{"id": "x", "title_zh": hostile, "title_en": hostile, "text_zh": hostile,
                                           "text_en": hostile, "source": hostile, "layers": ["districts"],
                                           "view": {"lat": 39.0, "lon": 121.6, "zoom": 9}}]}), encoding="utf-8")
    out = tmp_path / "site"
    _, problems = site.export_site(out, tour_file=tour)
    assert problems == []
    for lang in LANGUAGES:
        for slug in ("overview", "tour"):
            page = (out / lang / f"{slug}.html").read_text(encoding="utf-8")
            assert "<script>alert" not in page and "<img src=x" not in page
            assert HOSTILE_ESCAPED + TEMPLATE_TEXT in page
            assert HOSTILE_ESCAPED + "49" not in page  # what Jinja would make of it
            assert any(HOSTILE + TEMPLATE_TEXT in text for text in Elements(page).texts)  # shown as written
            assert "\\u003cscript\\u003ealert" in page  # the map data: script-safe JSON


def test_hostile_plan_text_is_escaped_at_every_level():
    """The plan page's macro escapes the title, headings, lead-ins and paragraphs of chapters, sections and boxes."""
    para = plantext.Paragraph("p1", HOSTILE, label=HOSTILE)
    box = plantext.Box(1, HOSTILE, 1, "ch1-s1", [plantext.Paragraph("p2", HOSTILE, kind="subheading")])
    section = plantext.Section(1, 1, HOSTILE, [para, box, plantext.Paragraph("p3", TEMPLATE_TEXT, kind="note")])
    doc = plantext.Plan(HOSTILE, [plantext.Paragraph("p0", HOSTILE)], [plantext.Chapter(1, HOSTILE, [section])])
    page_of = site.Page("plan", "page_plan")
    page = site.plan_page("zh", page_of, [page_of], doc, {HOSTILE: "box1"})
    assert "<script>alert" not in page and "<img src=x" not in page
    # contents entry, chapter, section, bullet lead-in and text, box heading, subheading, preamble paragraph
    assert page.count(HOSTILE_ESCAPED) == 8
    assert "<p>《&lt;script&gt;" in page  # the title (its spaces dropped, as the plan's own title is printed)
    assert f'<p class="site-note">{TEMPLATE_TEXT}</p>' in page
    assert '<aside id="box1">' in page and '<section id="ch1-s1">' in page and 'id="ch1" lang="zh-Hans"' in page


def test_a_broken_layer_is_skipped_reported_and_the_rest_is_written(geodata_copy, tmp_path, capsys, monkeypatch):
    target = geodata_copy / "layers" / "ind_parks.geojson"
    target.write_text(target.read_text(encoding="utf-8")[:2000], encoding="utf-8")
    monkeypatch.setattr(site, "TOUR_FILE", tmp_path / "tour.json")
    (tmp_path / "tour.json").write_text("{not json", encoding="utf-8")  # an invalid tour: no tour page, no failure
    out = tmp_path / "site"
    assert main(["export", "--format", "site", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "ind_parks" in err and "ind_parks.geojson" in err and "tour.json: not valid JSON" in err
    for lang in LANGUAGES:
        for slug in ["index", "indicators", *GROUPS]:
            assert (out / lang / f"{slug}.html").is_file()
        assert not (out / lang / "tour.html").exists()
        assert "tour.html" not in (out / lang / "index.html").read_text(encoding="utf-8")
    industry = json.loads((out / "data" / "industry.geojson").read_text(encoding="utf-8"))
    assert industry["features"] and all(f["properties"]["layer"] != "ind_parks" for f in industry["features"])


VALID_STEP = {"id": "a", "title_zh": "甲", "title_en": "A", "text_zh": "甲", "text_en": "A", "source": "第九章",
              "layers": ["districts"], "view": {"bounds": [121.0, 38.7, 123.5, 40.2]}}


@pytest.mark.parametrize("content, steps", [
    ("{not json", 0), ('{"steps": 3}', 0), ("[1, 2]", 0),
    (json.dumps({"steps": [VALID_STEP, {"id": "b", "view": {"lat": "n"}}, {"id": "c", "view": {"bounds": [1, 2]}},
                           {"id": "d", "view": {"lat": 39, "lon": 121.6, "zoom": float("nan")}}, "step"]}), 1),
])
def test_an_invalid_tour_or_step_is_skipped_with_a_note(tmp_path, content, steps, capsys):
    tour = tmp_path / "tour.json"
    tour.write_text(content, encoding="utf-8")
    assert len(site.tour_steps(tour, lambda ids: (121.0, 38.7, 123.5, 40.2))) == steps
    assert "tour.json" in capsys.readouterr().err
    assert site.tour_steps(tmp_path / "absent.json", lambda ids: ()) == []


def test_the_static_edition_shows_exactly_the_steps_the_app_shows():
    """One loader: the site's steps are the app's steps, in order (a step without a view fits its layers)."""
    from ui.tour import load_tour

    app = [s.title_zh for s in load_tour(site.TOUR_FILE).steps]
    static = [s["title_zh"] for s in site.tour_steps(site.TOUR_FILE, lambda ids: (121.0, 38.7, 123.5, 40.2))]
    assert app == static and len(app) >= 10


def test_format_all_does_not_include_the_site(tmp_path):
    assert main(["export", "--format", "all", "--out", str(tmp_path), "--layer", "districts"]) == 0
    assert not (tmp_path / "index.html").exists() and (tmp_path / "districts.geojson").is_file()


# --- in the browser ---------------------------------------------------------------------------------------------

def browser_pages() -> list[str]:
    pages = [f"{lang}/{slug}.html" for lang in LANGUAGES for slug in ["index", *GROUPS, "indicators", "plan"]]
    if site.load_tour(site.TOUR_FILE).steps:
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
@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, {"width": 390, "height": 844}],
                         ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["zh/industry.html", "en/infrastructure.html", "zh/tour.html"])
def test_static_pages_have_no_axe_violations_and_tappable_clusters(browser, served, path, viewport):
    """axe-core with WCAG 2.2's target-size: the map is in the page here, and separate cluster groups per layer drew
    bubbles over each other (1 px of a bubble left to tap; Lighthouse accessibility 96-97 on the industry page)."""
    from quality_probe import axe_violations

    page = browser.new_page(viewport=viewport)
    try:
        page.goto(served + path, wait_until="load")
        page.wait_for_function("document.querySelectorAll('.leaflet-interactive').length > 0", timeout=20000)
        page.wait_for_timeout(800)  # the clusters' own animation
        violations = axe_violations(page)
    finally:
        page.close()
    assert not violations, {rule: nodes[:3] for rule, nodes in violations.items()}


@pytest.mark.browser
def test_a_shared_view_link_opens_at_that_view(browser, served):
    page, errors, _ = open_page(browser, served + "en/layout.html?view=38.95,121.64,11", True)
    try:
        zoom = page.evaluate("Object.keys(window).filter(k => /^map_/.test(k)).map(k => window[k].getZoom())")
    finally:
        page.close()
    assert errors == [] and zoom == [11]


@pytest.mark.browser
@pytest.mark.skipif(not site.load_tour(site.TOUR_FILE).steps, reason="no content/tour.json")
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


@pytest.mark.browser
@pytest.mark.parametrize("lang, name", [("zh", "庄河市"), ("en", "Zhuanghe City")])
def test_a_popup_links_to_the_passage_in_the_sites_plan_text(browser, served, lang, name):
    """Issue 13, item 1: the static edition carries the plan text, and a popup's link opens it at the passage."""
    page, errors, hosts = open_page(browser, served + f"{lang}/overview.html", True)
    try:
        label = page.locator(".pm-label-text", has_text=name).first.bounding_box()
        page.mouse.click(label["x"] + label["width"] / 2, label["y"] + label["height"] / 2)
        page.locator(".leaflet-popup .pm-link").click()
        page.wait_for_url("**/plan.html?source=*", timeout=20_000)
        target = page.locator(".site-target")
        target.wait_for(timeout=10_000)
        anchor = target.get_attribute("id")
        seen = page.evaluate("() => { const r = document.querySelector('.site-target').getBoundingClientRect();"
                             " return r.top >= -1 && r.top < innerHeight; }")
        heading = target.locator("h4").first.inner_text()
    finally:
        page.close()
    assert errors == [] and hosts == {"127.0.0.1"}
    assert anchor == "box13" and seen and "专栏 13" in heading


@pytest.fixture(scope="module")
def browser_with_scrollbars(browser):
    """Chromium with classic scrollbars, as Lighthouse and a desktop browser have them (Playwright hides them).
    Launched from the session's Playwright (a second sync_playwright() inside it is refused)."""
    from browser import CHROMIUM, CHROMIUM_ARGS

    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                           ignore_default_args=["--hide-scrollbars"])
    yield chromium
    chromium.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["en/industry.html", "en/infrastructure.html", "zh/overview.html"])
def test_static_pages_do_not_shift_when_the_scrollbar_appears(browser_with_scrollbars, served, path):
    """At Lighthouse's desktop width (1350 px) the English header fits one line only without a scrollbar: when the
    long page's end arrived and the scrollbar took 15 px, the header wrapped and pushed the page down (CLS 0.593)."""
    from quality_probe import LAYOUT_SHIFT_OBSERVER, layout_shift

    context = browser_with_scrollbars.new_context(viewport={"width": 1350, "height": 940})
    context.add_init_script(LAYOUT_SHIFT_OBSERVER)
    page = context.new_page()
    try:
        page.goto(served + path, wait_until="load")
        page.wait_for_function("document.querySelectorAll('.leaflet-interactive').length > 0", timeout=20000)
        page.wait_for_timeout(1000)
        assert page.evaluate("() => window.innerWidth - document.documentElement.clientWidth") > 0  # a real scrollbar
        total, entries = layout_shift(page)
    finally:
        context.close()
    assert total <= 0.1, [f"{e['value']:.3f}: {'; '.join(e['sources'][:2])}" for e in entries]
