"""The measure/locate tools ride along on every map: their scripts are in every map page (app, tour, static
edition), their texts are in both languages, and "report for this place" links only where a server can answer."""
from __future__ import annotations

from layers import catalog, load_all
from layers.i18n import LANGUAGES, t
from layers.mapspec import build_spec
from layers.maptools import PARSE_ERROR_KEYS, TOOL_KEYS, tools_spec
from layers.render import VENDOR_CSS, VENDOR_JS, build_map, map_html, missing_assets


def test_tool_scripts_are_loaded_on_every_map():
    loaded, _ = load_all(["districts"])
    html = map_html(build_map(build_spec([s for s in catalog() if s.id == "districts"], loaded, "zh")))
    for rel in ("js/geo.js", "js/sitetools.js", "js/sitetools.css"):
        assert f"/app/static/{rel}" in html
    assert ("geo", "js/geo.js") in VENDOR_JS and ("sitetools_css", "js/sitetools.css") in VENDOR_CSS
    assert missing_assets() == []


def test_tool_texts_in_both_languages():
    for lang in LANGUAGES:
        spec = tools_spec(lang)
        assert set(spec["text"]) == set(TOOL_KEYS + PARSE_ERROR_KEYS)
        assert all(not v.startswith("[") for v in spec["text"].values())
    assert tools_spec("en")["text"]["sr_tool_distance"] == t("sr_tool_distance", "en") != t("sr_tool_distance", "zh")


def test_site_links_only_where_given():
    loaded, _ = load_all(["districts"])
    specs = [s for s in catalog() if s.id == "districts"]
    assert build_spec(specs, loaded, "en")["tools"]["siteLink"] is None  # static edition, tour
    linked = build_spec(specs, loaded, "en", site_link="/site_report?lang=en&site=")["tools"]
    assert linked["siteLink"] == "/site_report?lang=en&site=" and linked["mode"] == "map"
    assert tools_spec("zh", mode="site")["mode"] == "site"


def test_static_edition_pages_carry_the_tools(tmp_path):
    from layers.site import export_site

    written, problems = export_site(tmp_path)
    assert problems == []
    page = (tmp_path / "en" / "ecology.html").read_text(encoding="utf-8")
    assert "../static/js/sitetools.js" in page and "../static/js/geo.js" in page
    assert (tmp_path / "static" / "js" / "sitetools.js").is_file()
    assert '"siteLink":null' in page  # no server behind the static edition: no report links
