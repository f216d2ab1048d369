"""Light, steady pages (issue 15) without a browser: the map's stylesheets travel inline in the map document's
head, map assets carry their content hash, page CSS needs no raw-HTML Markdown, and the indicator cards are plain,
escaped HTML with labels of at least 12 px."""
from __future__ import annotations

import re

from layers.indicator_cards import CSS as CARD_CSS, cards_html
from layers.render import build_map, inline_stylesheets, versioned


def small_spec(clustered: bool = True) -> dict:
    return {"bounds": [121.0, 38.7, 123.0, 40.2], "layers": [{"cluster": clustered}]}


def test_map_stylesheets_are_inlined_with_absolute_image_urls():
    fmap = build_map(small_spec())
    css = inline_stylesheets(fmap)
    assert css.startswith("<style>") and "<link" not in css
    for name in ("vendor/leaflet/leaflet.css", "js/planmap.css", "vendor/markercluster/MarkerCluster.css"):
        assert f"/* {name} */" in css, name
    assert ".leaflet-container" in css and ".pm-legend" in css
    relative = [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
                if not u.startswith(("/", "data:", "#"))]
    assert not relative, f"relative url() would resolve against the map frame, not the stylesheet: {relative}"
    assert 'url("/app/static/vendor/leaflet/images/layers.png")' in css


def test_the_app_map_frame_has_no_stylesheet_links_left(monkeypatch):
    """map_frame.show hands streamlit-folium no stylesheet links (it would add them after the scripts)."""
    from ui import map_frame

    seen = {}
    monkeypatch.setattr(map_frame, "st_folium", lambda fmap, **kw: seen.update(
        css=list(fmap.default_css), header=fmap.get_root().header.render()))
    map_frame.show(build_map(small_spec()), key="m")
    assert seen["css"] == []
    assert ".leaflet-control-zoom" in seen["header"] and "<link" not in seen["header"]


def test_map_assets_carry_their_content_hash(tmp_path):
    (tmp_path / "js").mkdir()
    script = tmp_path / "js" / "a.js"
    script.write_text("one", encoding="utf-8")
    first = versioned("/app/static/", "js/a.js", tmp_path)
    assert re.fullmatch(r"/app/static/js/a\.js\?v=[0-9a-f]{10}", first)
    script.write_text("two", encoding="utf-8")
    import os
    os.utime(script, (1, 1))  # a new mtime: the cached digest is not reused
    assert versioned("/app/static/", "js/a.js", tmp_path) != first
    assert versioned("/app/static/", "js/missing.js", tmp_path) == "/app/static/js/missing.js"
    assert all("?v=" in url for _, url in build_map(small_spec()).default_js)


def test_page_css_is_style_only_html_not_raw_markdown():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for path in [*root.glob("pages/*.py"), *root.glob("ui/*.py"), root / "app.py"]:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), \
            f"{path.name}: st.markdown(unsafe_allow_html=True) loads the raw-HTML Markdown plugin on every page"


def test_indicator_cards_escape_text_and_scale_each_indicator_alone():
    records = [{"indicator": "1. <b>GDP</b>", "series": "2020", "value": 2.0, "text": "2", "attribute": "expected",
                "no": 1},
               {"indicator": "1. <b>GDP</b>", "series": "2025 target", "value": 8.0, "text": ">8", "attribute":
                "expected", "no": 1},
               {"indicator": "2. Forest", "series": "2020", "value": 500.0, "text": "500", "attribute": "binding",
                "no": 2}]
    html = cards_html(records, ["2020", "2025 target"])
    assert "<b>" not in html and "&lt;b&gt;GDP&lt;/b&gt;" in html and "&gt;8" in html
    assert html.count('class="ind-card"') == 2 and html.count("<caption>") == 2
    widths = [float(w) for w in re.findall(r"width:([\d.]+)%", html)]
    assert widths == [18.0, 72.0, 72.0], "each indicator on its own scale (the largest bar of each is full)"


def test_indicator_card_text_is_at_least_12px():
    sizes = [int(s) for s in re.findall(r"font-size:\s*(\d+)px", CARD_CSS)]
    assert sizes and min(sizes) >= 12


# Markers written in each source file (by its authors, not by the bundler), in the order the files must run.
SCRIPT_MARKERS = ("Leaflet 1.9.3, a JS library", "L.MarkerClusterGroup=", "root.PlanGeo = api",
                  "window.SiteTools = { add: add }", "window.PlanMap = { render")


def test_the_app_map_loads_its_scripts_as_one_file_in_their_order(monkeypatch):
    """streamlit-folium loads a map's scripts one after another: the app's map frame gets one bundled file."""
    from layers import paths
    from ui import map_frame

    seen = {}
    monkeypatch.setattr(map_frame, "st_folium", lambda fmap, **kw: seen.update(js=list(fmap.default_js)))
    map_frame.show(build_map(small_spec(clustered=True)), key="m")
    assert len(seen["js"]) == 1, seen["js"]
    url = seen["js"][0][1]
    assert re.fullmatch(r"/app/static/data/map-scripts-[a-z_-]+\.[0-9a-f]{12}\.js", url), url
    text = (paths.STATIC / url.removeprefix("/app/static/")).read_text(encoding="utf-8")
    where = [text.find(marker) for marker in SCRIPT_MARKERS]
    assert -1 not in where and where == sorted(where), dict(zip(SCRIPT_MARKERS, where))
    assert "sourceMappingURL" not in text  # no map is published beside the bundle

    map_frame.show(build_map(small_spec(clustered=False)), key="m")
    text = (paths.STATIC / seen["js"][0][1].removeprefix("/app/static/")).read_text(encoding="utf-8")
    assert "L.MarkerClusterGroup=" not in text and "window.PlanMap = { render" in text


def test_a_changed_script_gives_a_new_bundle_and_the_old_one_goes(tmp_path):
    from layers.script_bundle import published

    src, out = tmp_path / "static", tmp_path / "static" / "data"
    (src / "js").mkdir(parents=True)
    for name, body in (("a", "var a = 1"), ("b", "var b = a + 1 //# not a source map\n//# sourceMappingURL=b.map")):
        (src / "js" / f"{name}.js").write_text(body, encoding="utf-8")
    first = published(["js/a.js", "js/b.js"], src, out)
    text = (src / first).read_text(encoding="utf-8")
    assert text.index("var a = 1") < text.index("var b = a + 1") and "b.map" not in text
    assert "var a = 1\n;" in text  # a file without a final ';' cannot run into the next one
    (src / "js" / "a.js").write_text("var a = 2", encoding="utf-8")
    import os
    os.utime(src / "js" / "a.js", (2, 2))
    second = published(["js/a.js", "js/b.js"], src, out)
    assert second != first and (src / second).is_file() and not (src / first).exists()
    assert published(["js/a.js", "js/missing.js"], src, out) is None


def test_without_a_writable_data_folder_the_map_keeps_its_separate_scripts(tmp_path, monkeypatch, caplog):
    from layers import script_bundle
    from ui import map_frame

    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder would be", encoding="utf-8")  # writing under it fails (OSError)
    rels = ["vendor/leaflet/leaflet.js", "js/planmap.js"]
    assert script_bundle.published(rels, out_dir=blocked) is None
    assert "python -m layers publish" in caplog.text

    monkeypatch.setattr(script_bundle, "published", lambda rels: None)
    seen = {}
    monkeypatch.setattr(map_frame, "st_folium", lambda fmap, **kw: seen.update(js=list(fmap.default_js)))
    map_frame.show(build_map(small_spec()), key="m")
    assert [name for name, _ in seen["js"]] == ["leaflet", "markercluster", "geo", "sitetools", "planmap"]
