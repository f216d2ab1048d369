"""Hostile input: script payloads in feature and catalog text and in URL parameters never run, and are shown as
plain text; Markdown images, bare URLs and e-mail addresses in data never become images or links (no request to
another host); catalog ids that look like paths never make an export write outside its folder."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from browser import start_app, stop_app, visit
from conftest import copy_app, rewrite_json

# Each payload sets window.__pwned if it ever runs (in the top page or in the map's iframe).
P_SCRIPT = "<script>window.__pwned=1</script>"
P_IMG = '<img src=x onerror="window.__pwned=2">'
P_JSURL = "javascript:window.__pwned=3"
P_BREAKOUT = "</script><script>window.__pwned=4</script>"
P_SVG = "<svg onload=window.__pwned=5>"
P_MDLINK = "[click me](javascript:window.__pwned=6)"
P_ATTR = '"><img src=x onerror=window.__pwned=7>'
P_TEMPLATE = "{{ 7*7 }}${7*7}"
PAYLOADS = (P_SCRIPT, P_IMG, P_JSURL, P_BREAKOUT, P_SVG, P_MDLINK, P_ATTR, P_TEMPLATE)
# Markdown that makes the browser fetch from another host (image) or offers a link (GFM autolinks): in layer
# titles and descriptions (checkboxes and their help), a feature name (search results) and the tour (title, the
# warning about a missing feature).
P_MD = "![i](http://203.0.113.9/md.png) https://203.0.113.9/md www.example.org x@example.org"
MD_SELECT = "layout_core_cities/x@example.org_www.example.org_![i](x.png)"
MD_STEP = "four-cities"
MD_FEATURE = "Core"  # what a visitor types to find the crafted feature
LINKS_OR_IMAGES = ("a[href*='203.0.113'], a[href*='example.org'], a[href^='mailto:'], a[href^='http://www'], "
                   "img[src*='203.0.113'], img[src$='x.png']")
HOSTILE_DISTRICT = "zhongshan"
HOSTILE_PARK = "dalian-etdz"
NOTICE = ("Ignored an invalid link parameter", "已忽略无效的链接参数")

# Anything a payload could have turned into: a set flag, or an element created from the payload's markup.
PWNED_JS = """() => ({
    pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:"]').length
})"""


def make_hostile_copy(root: Path) -> Path:
    """A copy of the app whose feature texts and catalog texts are script payloads (ids stay valid slugs)."""
    copy_app(root)
    layers_dir = root / "geodata" / "layers"

    def districts(data):
        for i, feat in enumerate(data["features"]):
            p = feat["properties"]
            # every district gets a hostile name, so any hover or click on the map meets one
            p["name_zh"] = PAYLOADS[i % len(PAYLOADS)] + p["name_zh"]
            p["name_en"] = PAYLOADS[(i + 1) % len(PAYLOADS)] + " " + p["name_en"]
            if p["id"] == HOSTILE_DISTRICT:
                p.update(name_zh=P_SCRIPT + "中山区", name_en=P_IMG + " Zhongshan", function_zh=P_BREAKOUT,
                         function_en=f"{P_JSURL} {P_SVG}", industries_zh=P_MDLINK, industries_en=P_ATTR,
                         entry_zh=P_TEMPLATE, entry_en=P_TEMPLATE, source=P_JSURL,
                         geometry_note_zh=P_SCRIPT, geometry_note_en=P_BREAKOUT,
                         projects=[{"name_zh": P_BREAKOUT, "name_en": P_IMG, "source": P_SCRIPT},
                                   {"name_zh": P_SVG, "name_en": P_MDLINK, "source": P_JSURL}])

    def parks(data):
        for feat in data["features"]:
            p = feat["properties"]
            if p["id"] == HOSTILE_PARK:
                p.update(name_zh=P_IMG + "开发区", name_en=P_BREAKOUT + " ETDZ", function_en=P_SCRIPT,
                         function_zh=P_SVG, leading_en=P_MDLINK, source=P_JSURL,
                         projects=[{"name_zh": P_IMG, "name_en": P_SCRIPT, "source": P_BREAKOUT}])

    def clusters(data):  # an invalid id: the layer is refused, and the problem message quotes the payload
        data["features"][0]["properties"]["id"] = P_IMG

    def catalog(data):
        for entry in data["layers"]:
            if entry["id"] in ("districts", "ind_parks"):
                entry.update(title_zh="图层" + P_SCRIPT, title_en="Layer " + P_IMG, description_zh=P_BREAKOUT,
                             description_en=P_MDLINK, source=P_JSURL)
                for item in entry.get("legend", []):
                    item.update(label_zh=P_SVG, label_en=P_BREAKOUT)
                for field in entry.get("popup_fields", []):
                    field.update(label_zh=P_ATTR, label_en=P_IMG)

    def core_cities(data):
        data["features"][0]["properties"]["name_en"] = f"{MD_FEATURE} {P_MD}"

    def md_catalog(data):
        for entry in data["layers"]:
            if entry["id"] in ("layout_core_cities", "layout_areas"):
                entry.update(title_en=f"Layer {P_MD}", description_en=P_MD)

    def md_tour(data):
        step = next(s for s in data["steps"] if s["id"] == MD_STEP)
        step.update(title_en=P_MD, select=MD_SELECT)

    rewrite_json(layers_dir / "layout_core_cities.geojson", core_cities)
    rewrite_json(root / "geodata" / "catalog.json", md_catalog)
    rewrite_json(root / "content" / "tour.json", md_tour)
    rewrite_json(layers_dir / "districts.geojson", districts)
    rewrite_json(layers_dir / "ind_parks.geojson", parks)
    rewrite_json(layers_dir / "layout_clusters.geojson", clusters)
    rewrite_json(root / "geodata" / "catalog.json", catalog)
    return root


# --- unit tests --------------------------------------------------------------------------------------------------

def test_hostile_copy_still_passes_the_data_contract(tmp_path, monkeypatch):
    """The payloads are valid data (only the refused cluster id is not), so the browser tests really show them."""
    import sys

    from layers import paths, validation
    from layers.loading import load_all, validate_all

    catalog_module = sys.modules["layers.catalog"]
    root = make_hostile_copy(tmp_path / "app")
    monkeypatch.setattr(paths, "GEODATA", root / "geodata")
    catalog_module._cached.cache_clear()
    validation.dalian_extent.cache_clear()
    try:
        layers, _ = load_all(["districts", "ind_parks"])
        assert set(layers) == {"districts", "ind_parks"}
        assert P_SCRIPT + "中山区" in set(layers["districts"]["name_zh"])
        problems = [str(p) for p in validate_all()]
        assert problems and all("layout_clusters" in p for p in problems), problems
    finally:
        catalog_module._cached.cache_clear()
        validation.dalian_extent.cache_clear()


def test_script_json_cannot_close_the_script_element():
    from layers.mapspec import to_script_json

    text = to_script_json({"name": P_BREAKOUT + P_SCRIPT + "\u2028"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == P_BREAKOUT + P_SCRIPT + "\u2028"


BAD_IDS = ["../escape", "../../escape", "sub/escape", "/tmp/hostile-escape-abs", "..", "a/../../b"]


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml", "gpkg"])
def test_export_never_writes_outside_its_folder(geodata_copy, tmp_path, fmt):
    """Catalog ids become file names: ids with '/' or '..' are refused with a problem naming them."""
    from layers.export import export_layers

    def add(data):
        entry = next(e for e in data["layers"] if e["id"] == "districts")
        data["layers"] += [{**entry, "id": bad_id} for bad_id in BAD_IDS]
    rewrite_json(geodata_copy / "catalog.json", add)
    out = tmp_path / "deep" / "out"
    before = set(tmp_path.rglob("*"))
    written, problems = export_layers(out, fmt, ["districts", *BAD_IDS])
    if fmt == "geojson":  # every catalog layer, the bad ones included
        more, problems_all = export_layers(out, fmt)
        written += more
        assert all(any(bad_id in p for p in problems_all) for bad_id in BAD_IDS), problems_all
    for path in written:
        assert Path(path).resolve().is_relative_to(out.resolve()), path
    new = set(tmp_path.rglob("*")) - before
    assert all(p.resolve().is_relative_to(out.resolve()) or p in out.parents for p in new), new
    assert not list(Path("/tmp").glob("hostile-escape-abs*"))
    for bad_id in BAD_IDS:
        # refused with a message naming it: the catalog schema leaves such ids out, export checks again
        assert any(p.startswith(bad_id + ":") and ("not a safe file name" in p or "unknown layer" in p)
                   for p in problems), (bad_id, problems)
    assert any(Path(p).name.startswith(("districts", "dalian_14th_fyp")) for p in written)


# --- browser tests -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = make_hostile_copy(tmp_path_factory.mktemp("hostile") / "app")
    proc, url = start_app(root)
    yield url.rstrip("/")
    stop_app(proc)


def map_frame(page):
    return next((f for f in page.frames if _safe(lambda: f.query_selector(".leaflet-container"))), None)


def _safe(fn):
    try:
        return fn()
    except Exception:  # frames come and go while Streamlit reruns
        return None


def popup_text(page, timeout_ms: int = 20_000) -> str:
    """The open popup's text (the map frame may be replaced while Streamlit reruns, so look again each time)."""
    for _ in range(timeout_ms // 250):
        frame = map_frame(page)
        node = frame and _safe(lambda: frame.query_selector(".leaflet-popup-content"))
        text = node and _safe(node.inner_text)
        if text:
            return text
        page.wait_for_timeout(250)
    return ""


def assert_nothing_ran(page) -> None:
    page.wait_for_timeout(300)  # let onerror/onload handlers of anything injected fire
    for frame in page.frames:
        state = _safe(lambda: frame.evaluate(PWNED_JS))
        if state is None:
            continue
        assert state["pwned"] is None, f"payload ran in frame {frame.url[:80]}: __pwned={state['pwned']}"
        assert state["injected"] == 0, f"payload markup became elements in frame {frame.url[:80]}"


def hover_and_click_the_map(page, frame) -> tuple[list[str], list[str]]:
    """Move over and click a grid of points on the map like a user; the tooltip and popup texts seen."""
    box = frame.frame_element().bounding_box()
    tips, popups = [], []
    for fy in (0.35, 0.5, 0.65):
        for fx in (0.3, 0.45, 0.6):
            x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
            page.mouse.move(x, y, steps=3)
            page.wait_for_timeout(80)
            tips += [t.inner_text() for t in frame.query_selector_all(".pm-tip")]
            page.mouse.click(x, y)
            page.wait_for_timeout(120)
            popups += [p.inner_text() for p in frame.query_selector_all(".leaflet-popup-content")]
    return tips, popups


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_feature_and_catalog_text_is_shown_literally_and_never_runs(browser, hostile_url, lang):
    result, page = visit(browser, f"{hostile_url}/?lang={lang}&select=districts/{HOSTILE_DISTRICT}")
    try:
        assert result.features > 0, "map drawn"
        popup = popup_text(page)  # ?select= opens the hostile feature's popup
        frame = map_frame(page)
        name, other = (P_IMG, P_SCRIPT) if lang == "en" else (P_SCRIPT, P_IMG)
        assert name in popup and other in popup
        assert P_BREAKOUT in popup and P_JSURL in popup
        labels = [el.inner_text() for el in frame.query_selector_all(".pm-label-text")]
        assert any(name in label for label in labels)
        legend = frame.inner_text(".pm-legend")
        assert (P_BREAKOUT if lang == "en" else P_SVG) in legend
        assert name in page.inner_text("body")  # the search box shows the selected feature's name as text
        assert_nothing_ran(page)

        tips, popups = hover_and_click_the_map(page, frame)
        assert tips and popups, "the map answered hover and click"
        assert any(any(p in tip for p in PAYLOADS) for tip in tips), tips
        assert any(any(p in text for p in PAYLOADS) for text in popups), popups
        assert_nothing_ran(page)
        assert page.query_selector_all("[data-testid='stException']") == []
    finally:
        page.close()
    assert result.page_errors == [] and result.exceptions == 0 and result.outside_requests == []


@pytest.mark.browser
def test_hostile_text_on_other_pages_never_runs(browser, hostile_url):
    # industry: clustered points, the hostile park selected; a side panel renders names as Markdown
    result, page = visit(browser, f"{hostile_url}/industry?lang=en&select=ind_parks/{HOSTILE_PARK}")
    try:
        assert result.features > 0
        popup = popup_text(page)  # the cluster zooms to the park before its popup opens
        assert P_BREAKOUT in popup and P_SCRIPT in popup and P_JSURL in popup
        assert P_BREAKOUT + " ETDZ" in result.text  # the side panel's Markdown list shows the name as text
        assert_nothing_ran(page)
    finally:
        page.close()
    assert result.page_errors == [] and result.exceptions == 0 and result.outside_requests == []

    # layout: a layer refused for its hostile id; the warning quotes it without running it
    result, page = visit(browser, f"{hostile_url}/layout?lang=en")
    try:
        assert result.features > 0
        assert "layout_clusters" in result.text and "not a slug" in result.text
        assert_nothing_ran(page)
    finally:
        page.close()
    assert result.page_errors == [] and result.exceptions == 0 and result.outside_requests == []

    # about: the catalog table and the data check list the hostile titles and problems
    result, page = visit(browser, f"{hostile_url}/about?lang=en", wait_s=4)
    try:  # the data check is drawn after the page's first text (slow on a loaded machine): wait for it
        page.wait_for_function("() => document.body.innerText.includes('layout_clusters')", timeout=60_000)
        assert_nothing_ran(page)
    finally:
        page.close()
    assert result.page_errors == [] and result.exceptions == 0 and result.outside_requests == []


def assert_no_link_or_image(page) -> None:
    made = page.query_selector_all(LINKS_OR_IMAGES)
    assert made == [], [el.evaluate("e => e.outerHTML")[:200] for el in made]


@pytest.mark.browser
def test_markdown_images_and_autolinks_in_data_stay_text_in_every_sink(browser, hostile_url):
    # layer checkboxes and their help (/layout), then the search box's results
    result, page = visit(browser, f"{hostile_url}/layout?lang=en")
    try:
        assert result.features > 0
        sidebar = page.locator("[data-testid='stSidebar']")
        box = sidebar.locator("[data-testid='stCheckbox']", has_text="203.0.113.9/md").first
        box.wait_for(timeout=20_000)
        assert "![i](http://203.0.113.9/md.png)" in box.inner_text().replace("\u2060", "")
        box.locator("[data-testid='stTooltipIcon'], [data-testid='stTooltipHoverTarget']").first.hover()
        page.get_by_role("tooltip").first.wait_for(timeout=10_000)  # the help text, rendered as Markdown
        assert "x@example.org" in page.get_by_role("tooltip").first.inner_text().replace("\u2060", "")
        assert_no_link_or_image(page)
        # the search box above the map: each result is a button naming the feature
        search = page.locator("[data-testid='stMain']").get_by_label("Find a place or project")
        search.fill(MD_FEATURE)
        search.press("Enter")
        result_button = page.locator("[data-testid='stMain'] button", has_text="203.0.113.9/md").first
        result_button.wait_for(timeout=20_000)
        assert_no_link_or_image(page)
        assert_nothing_ran(page)
    finally:
        page.close()
    assert result.page_errors == [] and result.exceptions == 0 and result.outside_requests == []

    # the tour: a step title and the warning that names the step's missing feature
    result, page = visit(browser, f"{hostile_url}/tour?lang=en&step={MD_STEP}")
    try:
        page.get_by_text("example.org_www", exact=False).first.wait_for(timeout=30_000)
        text = page.inner_text("body").replace("\u2060", "")
        assert P_MD in text and MD_SELECT in text, text[:2000]
        assert_no_link_or_image(page)
    finally:
        page.close()
    assert result.page_errors == [] and result.exceptions == 0 and result.outside_requests == []


def _quoted_to(payload: str, size: int) -> str:
    """The payload repeated until its URL-encoded form is `size` characters long."""
    text = quote(payload * (size // len(payload) + 1))
    return text[:size].rsplit("%", 1)[0] if "%" in text[size - 2:size] else text[:size]


HOSTILE_PARAMS = {
    "lang": "lang=" + quote("<script>window.__pwned=11</script>"),
    "layers": "layers=" + quote('<img src=x onerror="window.__pwned=12">') + ",districts",
    "select": "select=" + quote("javascript:window.__pwned=13"),
    "select_markdown": "select=" + quote("![i](http://203.0.113.9/t.png)"),  # notices are Markdown
    "lang_markdown": "lang=" + quote("[log in](https://203.0.113.9/) $x$ :red[!]"),
    "layers_markdown": "layers=" + quote("[x](javascript:window.__pwned=14)") + ",districts",
    "basemap": "basemap=" + quote('"><svg onload=window.__pwned=15>'),
    "oversized": "lang=en&select=" + _quoted_to("<script>window.__pwned=16</script>", 100_000),
    "oversized_plain": "layers=" + "x" * 100_000,
}

# Shown literally in the notice, not as an image, link or formula.
LITERAL_IN_NOTICE = {"select_markdown": "![i](http://203.0.113.9/t.png)", "lang_markdown": "[log in](https://203.0.113.9/)",
                     "layers_markdown": "[x](javascript:window.__pwned=14)"}

# Streamlit's toasts last a few seconds, maybe less than the map takes to draw: record every one that appears.
RECORD_TOASTS = """if (window === window.top) {
    window.__toasts = [];
    new MutationObserver(() => document.querySelectorAll('[data-testid="stToast"]').forEach(t => {
        if (!window.__toasts.includes(t.textContent)) window.__toasts.push(t.textContent);
    })).observe(document, {childList: true, subtree: true, characterData: true});
}"""


class ToastRecorder:
    """Looks like a Browser to tests/browser.visit(); its pages record toasts from the first moment."""

    def __init__(self, browser):
        self.browser = browser

    def new_page(self, **kwargs):
        page = self.browser.new_page(**kwargs)
        page.add_init_script(RECORD_TOASTS)
        return page


@pytest.mark.browser
@pytest.mark.parametrize("name", list(HOSTILE_PARAMS))
def test_hostile_url_parameters_are_ignored_with_a_notice(browser, hostile_url, name):
    query = HOSTILE_PARAMS[name]
    assert name not in ("oversized", "oversized_plain") or len(query) > 100_000
    result, page = visit(ToastRecorder(browser), f"{hostile_url}/?{query}")
    try:
        assert result.features > 0, "the page works: map drawn"
        shown = (" ".join(page.evaluate("window.__toasts || []")) + result.text).replace("\u2060", "")  # word joiners
        assert any(n in shown for n in NOTICE), "a notice says the parameter was ignored"
        assert LITERAL_IN_NOTICE.get(name, "") in shown, shown
        assert page.query_selector_all("a[href*='203.0.113'], img[src*='203.0.113']") == []
        assert_nothing_ran(page)
    finally:
        page.close()
    assert result.page_errors == [] and result.exceptions == 0
    assert result.outside_requests == []


@pytest.mark.browser
def test_a_url_beyond_the_server_limit_is_refused_cleanly_and_the_server_keeps_serving(hostile_url):
    """Past ~128 kB the HTTP server answers 400 itself (reverse proxies stop at 8 kB); it must stay up."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{hostile_url}/?select={'x' * 400_000}", timeout=20) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (ConnectionError, urllib.error.URLError):
        status = None  # the server may just drop the connection
    assert status in (None, 200, 400, 414, 431)
    with urllib.request.urlopen(f"{hostile_url}/", timeout=20) as response:
        assert response.status == 200
