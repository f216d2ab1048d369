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
