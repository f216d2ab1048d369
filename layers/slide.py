"""Slide-ready map exports drawn on the server: a 16:9 PNG at 1920×1080 px or a vector PDF of the same aspect.

    render_slide(["districts"], "zh")                         -> PNG bytes
    render_slide(ids, "en", title="Industry", fmt="pdf")      -> PDF bytes
    slide_figure(ids, "zh")                                   -> the matplotlib Figure (for tests and callers)

Each slide has a title and subtitle, the map (sea, the offline basemap land, the layers in their catalog styles,
schematic features dashed with a lighter fill as on the web map, name labels), a legend, a north arrow, a scale bar
that is right at the view's latitude, a source line (the plan sections of the layers shown and the basemap source)
and the configured 审图号/notice. All text is set in a CJK font (Noto Sans CJK); without one this fails with
SlideFontError instead of drawing boxes. Text is drawn as written: never read as mathtext ("$5$" stays "$5$"),
and a character no installed font can draw (an emoji) becomes U+FFFD rather than a box or an error. Pure Python and matplotlib (Agg/PDF canvases, no pyplot, no global rcParams
changes); matplotlib shares font objects between figures, so slides are drawn one at a time (a lock), which makes
calls from Streamlit's threads safe.
"""
from __future__ import annotations

import io
import math
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geopandas as gpd
import matplotlib
import matplotlib.text
import numpy as np
import shapely.geometry
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch, Polygon, Rectangle
from matplotlib.lines import Line2D
from matplotlib.path import Path as MplPath
from matplotlib import patheffects
from pyproj import Geod

from layers.catalog import CatalogError, LayerSpec, catalog, get_spec
from layers.config import SiteConfig, load_config
from layers.i18n import LANGUAGES, pick, t
from layers.plantext import cn_number
from layers.loading import load_all
from layers.mapspec import DALIAN_BOUNDS, bounds_of, label_points, leaflet_style, legend_items

WIDTH_PX, HEIGHT_PX, DPI = 1920, 1080, 100
FORMATS = ("png", "pdf")
SEA = "#cfe2ee"
INK = "#1d2731"
MUTED = "#55606b"
ACCENT = "#1f5f8b"
PT_PER_PX = 0.9               # Leaflet style sizes are CSS px; on the slide they are drawn this many points each
BOUNDS_MARGIN = 0.06          # default view: the layers' bounds plus this share of their size on every side
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans CJK TC",
                "Noto Sans CJK HK", "Noto Sans CJK JP", "Noto Sans CJK KR", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "PingFang SC", "SimHei")
FALLBACK_FAMILY = "DejaVu Sans"   # ships with matplotlib; only used for a glyph the CJK font lacks
SCHEMATIC_DASH = "7 5"

# Layout of the 1920×1080 canvas, in px from the bottom-left corner.
MARGIN = 40
HEADER_H = 128
FOOTER_H = 86
MAP_BOX = (MARGIN, FOOTER_H, WIDTH_PX - 2 * MARGIN, HEIGHT_PX - HEADER_H - FOOTER_H)  # x, y, w, h
SCALEBAR_RESERVE = 84         # px kept free of the view box at the bottom of the map for the scale bar
PANEL_PAD = 18                # gap between the map frame and the legend / north arrow / scale bar


_LOCK = threading.RLock()  # matplotlib's cached FT2Font objects are not thread-safe


class SlideError(ValueError):
    """The slide cannot be made; the message says why (unknown layer, bad bounds, broken data file…)."""


class SlideFontError(SlideError):
    """No CJK font is installed, so Chinese text would come out as boxes."""


# ---------------------------------------------------------------------------------------------------- fonts


@lru_cache(maxsize=1)
def cjk_font_family() -> str:
    """The CJK font family used for every text on the slide; SlideFontError if none is installed."""
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            path = font_manager.findfont(FontProperties(family=family), fallback_to_default=False)
            if ord("图") in font_manager.get_font(path).get_charmap():
                return family
    raise SlideFontError(
        "No CJK font found for the slide export (looked for: " + ", ".join(CJK_FAMILIES[:4]) + ", …). "
        "Install Noto Sans CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk) and, if it was installed after "
        f"matplotlib first ran, delete matplotlib's font cache in {matplotlib.get_cachedir()}.")


def _font(size: float, bold: bool = False) -> FontProperties:
    return FontProperties(family=[cjk_font_family(), FALLBACK_FAMILY], size=size,
                          weight="bold" if bold else "normal")


@lru_cache(maxsize=1)
def _charmaps() -> tuple[frozenset[int], ...]:
    out = []
    for family in (cjk_font_family(), FALLBACK_FAMILY):
        path = font_manager.findfont(FontProperties(family=family))
        out.append(frozenset(font_manager.get_font(path).get_charmap()))
    return tuple(out)


REPLACEMENT = "\ufffd"  # what a character no font can draw becomes (DejaVu Sans has it)
_INVISIBLE = {"Mn", "Me", "Cf", "Cc", "Cs", "Co", "Cn"}  # marks, joiners, selectors, controls: dropped if undrawable


def drawable(text: object) -> str:
    """Text as the slide draws it: line breaks and tabs become spaces, a character that neither font can draw becomes
    one U+FFFD (emoji, rare scripts; never a box, never an error), invisible ones it cannot draw are dropped."""
    cmaps = _charmaps()
    out: list[str] = []
    for ch in re.sub(r"\s", " ", str(text)):
        invisible = unicodedata.category(ch) in _INVISIBLE
        if invisible and out and out[-1] == REPLACEMENT:
            continue  # a joiner or selector of the cluster just replaced (👨‍👩‍👧, 🚄️): one replacement in all
        if ch == " " or any(ord(ch) in cm for cm in cmaps):
            out.append(ch)
        elif not invisible and (not out or out[-1] != REPLACEMENT):
            out.append(REPLACEMENT)
    return "".join(out)


def _text(fig: Figure, x: float, y: float, text: str, **kwargs: Any) -> matplotlib.text.Text:
    """fig.text for slide text: drawn as written ("$5$" stays "$5$", never read as mathtext)."""
    return fig.text(x, y, text, parse_math=False, **kwargs)


# ---------------------------------------------------------------------------------------------------- styles


def _dash(value: Any) -> tuple[float, ...] | None:
    if not value:
        return None
    parts = [float(p) for p in re.split(r"[\s,]+", str(value).strip()) if p]
    return tuple(parts) if parts and any(parts) else None


def _linestyle(dash: tuple[float, ...] | None, width_pt: float) -> Any:
    """A matplotlib dash pattern for a CSS px dash array (matplotlib scales dashes by the line width)."""
    if not dash:
        return "solid"
    scale = PT_PER_PX / (width_pt if matplotlib.rcParams["lines.scale_dashes"] and width_pt > 0 else 1.0)
    return (0, tuple(max(d * scale, 0.01) for d in dash))


def feature_style(spec: LayerSpec, props: Mapping[str, Any]) -> dict[str, Any]:
    """One feature's look, exactly as planmap.js styleFor() builds it: mapspec.leaflet_style of the layer style,
    the style_by value on top, the schematic look last; Leaflet's defaults for whatever is left unset."""
    style = leaflet_style(spec.style, spec.geometry)
    if spec.style_by:
        extra = spec.style_by.get("values", {}).get(str(props.get(spec.style_by.get("property", "kind"))))
        if extra:
            style.update(leaflet_style(extra, spec.geometry))
    if props.get("geometry_basis") == "schematic":
        style["dashArray"] = style.get("dashArray") or SCHEMATIC_DASH
        style["fillOpacity"] = min(style.get("fillOpacity", 0.2), 0.18)
    color = style.get("color", "#3388ff")
    return {
        "color": color,
        "opacity": float(style.get("opacity", 1.0)),
        "weight": float(style.get("weight", 3)),
        "fill": style.get("fill", True),
        "fill_color": style.get("fillColor") or color,
        "fill_opacity": float(style.get("fillOpacity", 0.2)),
        "radius": float(style.get("radius") or 7),
        "dash": _dash(style.get("dashArray")),
    }


def _rgba(color: str, alpha: float) -> tuple[float, float, float, float]:
    r, g, b, _ = matplotlib.colors.to_rgba(color)
    return (r, g, b, max(0.0, min(1.0, alpha)))


# ---------------------------------------------------------------------------------------------------- geometry


def _polygon_path(geom) -> MplPath | None:
    verts, codes = [], []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or not poly.geom_type.endswith("Polygon"):
            continue
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            if len(xy) < 3:
                continue
            c = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
            c[0], c[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            verts.append(xy)
            codes.append(c)
    if not verts:
        return None
    return MplPath(np.concatenate(verts), np.concatenate(codes))


def _line_parts(geom) -> list[np.ndarray]:
    return [np.asarray(part.coords)[:, :2] for part in getattr(geom, "geoms", [geom])
            if not part.is_empty and part.geom_type.endswith("LineString")]


def _draw_polygons(ax, spec: LayerSpec, gdf: gpd.GeoDataFrame, zorder: float) -> None:
    paths, faces, edges, widths, styles = [], [], [], [], []
    for geom, props in zip(gdf.geometry, gdf.drop(columns="geometry").to_dict("records")):
        if geom is None or geom.is_empty:
            continue
        path = _polygon_path(geom)
        if path is None:
            continue
        st = feature_style(spec, props)
        width = st["weight"] * PT_PER_PX
        paths.append(path)
        faces.append(_rgba(st["fill_color"], st["fill_opacity"] if st["fill"] else 0.0))
        edges.append(_rgba(st["color"], st["opacity"]))
        widths.append(width)
        styles.append(_linestyle(st["dash"], width))
    if paths:
        ax.add_collection(PathCollection(paths, facecolors=faces, edgecolors=edges, linewidths=widths,
                                         linestyles=styles, joinstyle="round", capstyle="round", zorder=zorder,
                                         gid=f"layer-{spec.id}"), autolim=False)


def _draw_lines(ax, spec: LayerSpec, gdf: gpd.GeoDataFrame, zorder: float) -> None:
    segs, colors, widths, styles = [], [], [], []
    for geom, props in zip(gdf.geometry, gdf.drop(columns="geometry").to_dict("records")):
        if geom is None or geom.is_empty:
            continue
        st = feature_style(spec, props)
        width = st["weight"] * PT_PER_PX
        for part in _line_parts(geom):
            segs.append(part)
            colors.append(_rgba(st["color"], st["opacity"]))
            widths.append(width)
            styles.append(_linestyle(st["dash"], width))
    if segs:
        # a thin white casing under each line keeps it readable over fills, as lines on printed plans are
        ax.add_collection(LineCollection(segs, colors=[(1, 1, 1, 0.7)] * len(segs),
                                         linewidths=[w + 1.6 for w in widths], capstyle="round",
                                         joinstyle="round", zorder=zorder - 0.01), autolim=False)
        ax.add_collection(LineCollection(segs, colors=colors, linewidths=widths, linestyles=styles,
                                         capstyle="round", joinstyle="round", zorder=zorder,
                                         gid=f"layer-{spec.id}"), autolim=False)


def _draw_points(ax, spec: LayerSpec, gdf: gpd.GeoDataFrame, zorder: float) -> None:
    xs, ys, sizes, faces, edges, widths, styles = [], [], [], [], [], [], []
    for geom, props in zip(gdf.geometry, gdf.drop(columns="geometry").to_dict("records")):
        if geom is None or geom.is_empty:
            continue
        st = feature_style(spec, props)
        width = st["weight"] * PT_PER_PX
        for part in getattr(geom, "geoms", [geom]):
            xs.append(part.x)
            ys.append(part.y)
            sizes.append((2 * st["radius"] * PT_PER_PX) ** 2)
            faces.append(_rgba(st["fill_color"], st["fill_opacity"]))
            edges.append(_rgba(st["color"], st["opacity"]))
            widths.append(width)
            styles.append(_linestyle(st["dash"], width))
    if xs:
        ax.scatter(xs, ys, s=sizes, c=faces, edgecolors=edges, linewidths=widths, linestyles=styles,
                   marker="o", zorder=zorder, gid=f"layer-{spec.id}", plotnonfinite=False)


# ---------------------------------------------------------------------------------------------------- text helpers


class _Measure:
    """Text widths in px at the slide's dpi (Agg renderer metrics, cached: shaping CJK text is not free)."""

    def __init__(self):
        self.renderer = FigureCanvasAgg(Figure(dpi=DPI)).get_renderer()
        self.cache: dict[tuple[str, float, bool], float] = {}

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, size, bold)
        if key not in self.cache:
            self.cache[key] = self.renderer.get_text_width_height_descent(text, _font(size, bold), ismath=False)[0]
        return self.cache[key]

    def wrap(self, text: str, size: float, max_px: float) -> list[str]:
        """Lines no wider than max_px: break between words (Latin) or between characters (CJK)."""
        if self.width(text, size) <= max_px:
            return [text]
        tokens = re.findall(r"[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+|.", text)
        lines, line, line_w = [], "", 0.0
        for tok in tokens:
            tok_w = self.width(tok, size)
            if line and line_w + tok_w > max_px:
                lines.append(line.rstrip())
                line, line_w = tok.lstrip(), self.width(tok.lstrip(), size)
            else:
                line, line_w = line + tok, line_w + tok_w
        if line.strip():
            lines.append(line.rstrip())
        return lines

    def fit(self, text: str, max_px: float, size: float, min_size: float, bold: bool = False) -> float:
        """The largest font size up to size (not below min_size) at which text fits in max_px."""
        width = self.width(text, size, bold)
        if width <= max_px:
            return size
        return max(min_size, math.floor(size * max_px / width * 4) / 4)


def _fig_xy(x_px: float, y_px: float) -> tuple[float, float]:
    return x_px / WIDTH_PX, y_px / HEIGHT_PX


# ---------------------------------------------------------------------------------------------------- source line

def _ranges(numbers: list[int], joiner: str) -> str:
    """[8, 10, 16, 17, 18, 19] → '8, 10, 16–19' (runs of three or more become ranges)."""
    out, run = [], []
    for n in sorted(set(numbers)) + [None]:
        if n is not None and run and n == run[-1] + 1:
            run.append(n)
            continue
        if run:
            out.extend([f"{run[0]}–{run[-1]}"] if len(run) > 2 else [str(r) for r in run])
        run = [n]
    return joiner.join(out)


def plan_sections(specs: Sequence[LayerSpec], lang: str) -> str:
    """The plan sections of the given layers, in plan order, e.g. '第三章第一、二节、第九章第一节、专栏13、14' /
    'Ch. 3 Secs. 1, 2; Ch. 9 Sec. 1; Boxes 13, 14'."""
    chapters: dict[int, tuple[str, dict[int, str]]] = {}   # chapter no. → (numeral as written, {section no.: numeral})
    boxes: list[int] = []
    others: list[str] = []
    for spec in specs:
        for raw in re.split(r"[；;,，、]", spec.source or ""):
            item = raw.strip()
            m = re.fullmatch(r"第(.+?)章(?:第(.+?)节)?", item)
            if not item or item in {"—", "-"}:
                continue
            if box := re.fullmatch(r"专栏\s*(\d+)", item):
                boxes.append(int(box.group(1)))
            elif m and cn_number(m.group(1)) is not None and (not m.group(2) or cn_number(m.group(2))):
                _, sections = chapters.setdefault(cn_number(m.group(1)), (m.group(1), {}))
                sections[cn_number(m.group(2)) if m.group(2) else 0] = m.group(2) or ""
            elif item not in others:
                others.append(item)
    parts = []
    for number in sorted(chapters):
        written, sections = chapters[number]
        chapter = written if lang == "zh" else number
        if 0 in sections or not sections:  # the whole chapter
            parts.append(t("slide_chapter", lang).format(chapter=chapter))
        elif lang == "zh":
            parts.append(t("slide_chapter_section", lang).format(
                chapter=chapter, section="、".join(sections[k] for k in sorted(sections))))
        else:
            key = "slide_chapter_section" if len(sections) == 1 else "slide_chapter_sections"
            parts.append(t(key, lang).format(chapter=chapter, section=_ranges(list(sections), ", ")))
    if boxes:
        key = "slide_box" if len(set(boxes)) == 1 else "slide_boxes"
        parts.append(t(key, lang).format(boxes=_ranges(boxes, "、" if lang == "zh" else ", ")))
    parts.extend(others)
    return t("slide_list_sep", lang).join(parts)


def source_line(specs: Sequence[LayerSpec], lang: str) -> str:
    """'来源：《…纲要》第九章第一节、专栏13；底图：…' — the plan sections of the layers shown and the basemap source."""
    overlays = [s for s in specs if s.group != "basemap"]
    plan = t("slide_plan", lang)
    sections = plan_sections(overlays, lang)
    if sections:
        plan = f"{plan}{'' if lang == 'zh' else ', '}{sections}"
    sep = "；" if lang == "zh" else " · "
    return f"{t('slide_source', lang)}{plan}{sep}{t('slide_basemap_source', lang)}"


# ---------------------------------------------------------------------------------------------------- inputs


def _resolve(layer_ids: Sequence[str], lang: str, bounds, fmt: str | None) -> list[LayerSpec]:
    if lang not in LANGUAGES:
        raise SlideError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    if fmt is not None and fmt not in FORMATS:
        raise SlideError(f"unknown slide format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(layer_ids, str):
        raise SlideError("layer_ids must be a list of layer ids, not a string")
    specs = []
    for layer_id in layer_ids:
        try:
            spec = get_spec(layer_id)
        except KeyError:
            known = ", ".join(s.id for s in catalog() if not s.is_table)
            raise SlideError(f"unknown layer id {layer_id!r} (known map layers: {known})") from None
        except CatalogError as exc:
            raise SlideError(str(exc)) from exc
        if spec.is_table:
            raise SlideError(f"layer {layer_id!r} is a table, not a map layer")
        if spec not in specs:
            specs.append(spec)
    if bounds is not None:
        try:
            minx, miny, maxx, maxy = (float(v) for v in bounds)
        except (TypeError, ValueError):
            raise SlideError(f"bounds must be (min_lon, min_lat, max_lon, max_lat), got {bounds!r}") from None
        if not (all(map(math.isfinite, (minx, miny, maxx, maxy))) and -180 <= minx < maxx <= 180
                and -85 <= miny < maxy <= 85):
            raise SlideError(f"bounds {bounds!r} are not a lon/lat box (min_lon < max_lon, min_lat < max_lat)")
    return specs


def _default_bounds(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame]) -> tuple[float, ...]:
    minx, miny, maxx, maxy = bounds_of(layers, specs)
    if (minx, miny, maxx, maxy) == DALIAN_BOUNDS:
        return DALIAN_BOUNDS
    # small layers (one park) still get a readable view: at least ~20 km across
    w, h = max(maxx - minx, 0.25), max(maxy - miny, 0.2)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    w, h = w * (1 + 2 * BOUNDS_MARGIN), h * (1 + 2 * BOUNDS_MARGIN)
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


# ---------------------------------------------------------------------------------------------------- legend


@dataclass
class _LegendRow:
    item: dict[str, Any]
    lines: list[str]
    height: float


LEGEND_TEXT_PT = 12.5
LEGEND_TITLE_PT = 15
LEGEND_LINE_PX = 23
LEGEND_ROW_GAP = 7
LEGEND_SWATCH_W = 34
LEGEND_PAD = 16
LEGEND_LABEL_MAX = 300


def _legend_entries(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> list[dict[str, Any]]:
    """mapspec.legend_items, each symbol drawn the way its features are: a line's dash from its layer style, and
    a point's or area's fill from the style (or style_by value of the same colour) when the item names none."""
    items = legend_items(specs, layers, lang)
    owners = [s for s in specs if s.id in layers for _ in s.legend]
    for item, spec in zip(items, owners):
        if item["shape"] == "line":
            if not item.get("dash") and spec.style.get("dash"):
                item["dash"] = spec.style["dash"]
            continue
        if item.get("fill_color"):
            continue
        prop = spec.style_by.get("property", "kind") if spec.style_by else "kind"
        values = [k for k, v in spec.style_by.get("values", {}).items() if v.get("color") == item.get("color")] \
            if spec.style_by else [None]
        if values:
            look = feature_style(spec, {prop: values[0]})
            item["fill_color"] = look["fill_color"]
            item["fill_opacity"] = look["fill_opacity"]
    return items


def _layout_legend(items, measure: _Measure, max_height: float, lang: str):
    """Rows wrapped to the label width, flowed into as many columns as the height needs."""
    rows = []
    for item in items:
        lines = measure.wrap(item["label"], LEGEND_TEXT_PT, LEGEND_LABEL_MAX)
        rows.append(_LegendRow(item, lines, len(lines) * LEGEND_LINE_PX + LEGEND_ROW_GAP))
    head = LEGEND_PAD + 32
    body_max = max_height - head - LEGEND_PAD
    columns: list[list[_LegendRow]] = [[]]
    total = sum(r.height for r in rows)
    ncols = max(1, math.ceil(total / max(body_max, 1)))
    target = total / ncols
    used = 0.0
    for row in rows:
        if columns[-1] and (used + row.height > body_max or (used + row.height / 2 > target
                                                            and len(columns) < ncols)):
            columns.append([])
            used = 0.0
        columns[-1].append(row)
        used += row.height
    col_widths = [LEGEND_SWATCH_W + 10 + max((measure.width(line, LEGEND_TEXT_PT) for r in col for line in r.lines),
                                             default=0)
                  for col in columns]
    title_w = measure.width(t("slide_legend", lang), LEGEND_TITLE_PT, True)
    width = max(sum(col_widths) + 24 * (len(columns) - 1), title_w) + 2 * LEGEND_PAD
    height = head + max(sum(r.height for r in col) for col in columns) - LEGEND_ROW_GAP + LEGEND_PAD
    return columns, col_widths, width, height


def _draw_swatch(fig: Figure, item: dict[str, Any], x: float, y: float) -> None:
    """One legend symbol with its left edge at x and its middle at y (px), like planmap.js swatch()."""
    color = item.get("color") or "#666666"
    fill = item.get("fill_color") or color
    dash = _dash(item.get("dash"))
    tf = fig.transFigure
    if item["shape"] == "line":
        width = 3.2
        fig.add_artist(Line2D([(x + 1) / WIDTH_PX, (x + LEGEND_SWATCH_W - 1) / WIDTH_PX], [y / HEIGHT_PX] * 2,
                              transform=tf, color=color, linewidth=width, solid_capstyle="butt",
                              dash_capstyle="butt", linestyle=_linestyle(dash, width) if dash else "solid",
                              zorder=12))
    elif item["shape"] == "point":
        r = 7.5
        cx = x + LEGEND_SWATCH_W / 2
        fig.add_artist(Polygon(_circle_px(cx, y, r), closed=True, transform=tf,
                               facecolor=_rgba(fill, item.get("fill_opacity", 1.0)), edgecolor=color,
                               linewidth=1.8, zorder=12))
    else:
        w, h = 28, 17
        x0 = x + (LEGEND_SWATCH_W - w) / 2
        fig.add_artist(Rectangle(_fig_xy(x0, y - h / 2), w / WIDTH_PX, h / HEIGHT_PX, transform=tf,
                                 facecolor=_rgba(fill, max(item.get("fill_opacity", 0.85), 0.35)), edgecolor=color,
                                 linewidth=1.6, linestyle=_linestyle(dash, 1.6) if dash else "solid", zorder=12))


def _circle_px(cx: float, cy: float, r: float, n: int = 40) -> np.ndarray:
    a = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return np.column_stack([(cx + r * np.cos(a)) / WIDTH_PX, (cy + r * np.sin(a)) / HEIGHT_PX])


def _draw_legend(fig: Figure, layout, right: float, top: float, lang: str) -> tuple[float, ...]:
    columns, col_widths, width, height = layout
    left, bottom = right - width, top - height
    fig.add_artist(FancyBboxPatch(_fig_xy(left, bottom), width / WIDTH_PX, height / HEIGHT_PX,
                                  boxstyle="round,pad=0,rounding_size=0.004", transform=fig.transFigure,
                                  facecolor=(1, 1, 1, 0.94), edgecolor="#9aa5ae", linewidth=0.9, zorder=11,
                                  gid="slide-legend"))
    _text(fig, *_fig_xy(left + LEGEND_PAD, top - LEGEND_PAD - 11), t("slide_legend", lang),
             fontproperties=_font(LEGEND_TITLE_PT, True), color=INK, va="center", ha="left", zorder=12,
             gid="slide-legend-title")
    prop = _font(LEGEND_TEXT_PT)
    x = left + LEGEND_PAD
    for col, col_w in zip(columns, col_widths):
        y = top - LEGEND_PAD - 32
        for row in col:
            first_mid = y - LEGEND_LINE_PX / 2
            _draw_swatch(fig, row.item, x, first_mid)
            for i, line in enumerate(row.lines):
                _text(fig, *_fig_xy(x + LEGEND_SWATCH_W + 10, first_mid - i * LEGEND_LINE_PX), line,
                         fontproperties=prop, color="#222222", va="center_baseline", ha="left", zorder=12,
                         gid="slide-legend-item")
            y -= row.height
        x += col_w + 24
    return (left, bottom, right, top)


# ---------------------------------------------------------------------------------------------------- map furniture


def _draw_north_arrow(fig: Figure, cx: float, top: float, lang: str) -> float:
    """A north arrow centred at cx with its top at top (px); returns its bottom."""
    h, w = 58, 34
    tip, base, notch = top, top - h, top - h * 0.78
    tf = fig.transFigure
    fig.add_artist(Polygon([_fig_xy(cx, tip), _fig_xy(cx + w / 2, base), _fig_xy(cx, notch)], closed=True,
                           transform=tf, facecolor=INK, edgecolor=INK, linewidth=1.2, zorder=12,
                           gid="slide-north"))
    fig.add_artist(Polygon([_fig_xy(cx, tip), _fig_xy(cx - w / 2, base), _fig_xy(cx, notch)], closed=True,
                           transform=tf, facecolor="white", edgecolor=INK, linewidth=1.2, zorder=12))
    _text(fig, *_fig_xy(cx, base - 16), t("slide_north", lang), fontproperties=_font(15, True), color=INK,
             ha="center", va="center", zorder=12, gid="slide-north-letter")
    return base - 30


def _nice_length(max_km: float) -> float:
    """The largest 1/2/4/5 × 10^n km not above max_km (so that half of it is a round number too)."""
    if max_km <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(max_km))
    for step in (5, 4, 2, 1):
        if step * exp <= max_km:
            return step * exp
    return exp


_GEOD = Geod(ellps="WGS84")


def km_per_degree_lon(lat: float) -> float:
    """Geodesic length of one degree of longitude at lat, in km (WGS-84)."""
    return _GEOD.inv(0.0, lat, 1.0, lat)[2] / 1000.0


def km_per_degree_lat(lat: float) -> float:
    """Geodesic length of one degree of latitude centred on lat, in km (WGS-84)."""
    return _GEOD.inv(0.0, lat - 0.5, 0.0, lat + 0.5)[2] / 1000.0


def _draw_scale_bar(fig: Figure, ax, lang: str, measure: _Measure) -> tuple[float, float, tuple[float, ...]]:
    """A scale bar in the map's lower-left corner; returns its length in km and px, and its box (px)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    lat = (y0 + y1) / 2
    mx, my, mw, _ = MAP_BOX
    km_per_px = (x1 - x0) * km_per_degree_lon(lat) / mw
    km = _nice_length(260 * km_per_px)
    bar_px = km / km_per_px
    left, y = mx + PANEL_PAD + 16, my + PANEL_PAD + 22
    segments = 4 if bar_px >= 160 else 2
    tf = fig.transFigure
    unit = t("slide_km", lang)
    label_prop = _font(11.5)

    def fmt(v: float) -> str:
        return f"{v:g}"

    end_label = f"{fmt(km)} {unit}"
    end_w = measure.width(end_label, 11.5)
    box = (left - 14, y - 16, left + bar_px + end_w / 2 + 16, y + 42)
    fig.add_artist(FancyBboxPatch(_fig_xy(box[0], box[1]), (box[2] - box[0]) / WIDTH_PX, (box[3] - box[1]) / HEIGHT_PX,
                                  boxstyle="round,pad=0,rounding_size=0.004", transform=tf,
                                  facecolor=(1, 1, 1, 0.88), edgecolor="#9aa5ae", linewidth=0.8, zorder=11,
                                  gid="slide-scalebar"))
    seg = bar_px / segments
    for i in range(segments):
        fig.add_artist(Rectangle(_fig_xy(left + i * seg, y - 4), seg / WIDTH_PX, 8 / HEIGHT_PX, transform=tf,
                                 facecolor=INK if i % 2 == 0 else "white", edgecolor=INK, linewidth=1.0, zorder=12))
    ticks = [(0.0, "0"), (km / 2, fmt(km / 2)), (km, end_label)]
    for value, label in ticks:
        _text(fig, *_fig_xy(left + value / km * bar_px, y + 18), label, fontproperties=label_prop, color=INK,
                 ha="center", va="center", zorder=12, gid="slide-scalebar-label")
    return km, bar_px, box


# ---------------------------------------------------------------------------------------------------- labels


LABEL_PT = 12.5
POINT_LABEL_PT = 11
PX_TO_PT = 72 / DPI
LINE_FRACTIONS = (0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.5)
POLYGON_SHIFTS = ((0, 20), (0, -20), (40, 0), (-40, 0), (0, 40), (0, -40), (60, 20), (-60, -20))


def _label_positions(gdf: gpd.GeoDataFrame) -> list[tuple[float, float, float] | None]:
    """mapspec.label_points for each row, as (lat, lon, min_zoom); accepts its list or its id-keyed form."""
    points = label_points(gdf)
    if isinstance(points, Mapping):
        ids = gdf["id"].astype(str) if "id" in gdf.columns else [str(i) for i in range(len(gdf))]
        rows = [points.get(fid) for fid in ids]
    else:
        rows = list(points)
    return [None if not p else (float(p[0]), float(p[1]), float(p[2]) if len(p) > 2 and p[2] else 0.0)
            for p in rows]


def web_zoom(ax) -> float:
    """The Leaflet zoom level whose detail matches this view (style px are PT_PER_PX points on the slide)."""
    x0, x1 = ax.get_xlim()
    css_px_per_degree = MAP_BOX[2] / (x1 - x0) / (PT_PER_PX * DPI / 72)
    return math.log2(css_px_per_degree * 360 / 256)


@dataclass
class _Label:
    text: str
    spec: LayerSpec
    size: float
    optional: bool                        # placed only where it collides with nothing (web: below its min zoom)
    candidates: list[tuple[tuple[float, float], tuple[float, float], str, str]]  # (xy, offset px, ha, va)
    room: tuple[float, float] | None = None  # an optional area label also needs to fit its feature (w, h px)
    quiet: bool = False                   # a basemap place name: grey, regular weight, placed after the plan's


def _label_candidates(ax, geom, where: tuple[float, float], radius_px: float):
    """Positions to try for one label, best first: beside a point, along a line, inside a polygon."""
    lat, lon = where
    xy = (lon, lat)
    if geom.geom_type.endswith("Point"):
        r = radius_px + 5
        return [(xy, (r, 0), "left", "center"), (xy, (-r, 0), "right", "center"),
                (xy, (0, r - 2), "center", "bottom"), (xy, (0, -r + 2), "center", "top"),
                (xy, (r - 3, r - 3), "left", "bottom"), (xy, (-r + 3, r - 3), "right", "bottom"),
                (xy, (r - 3, -r + 3), "left", "top"), (xy, (-r + 3, -r + 3), "right", "top")]
    out = [(xy, (0, 0), "center", "center")]
    if geom.geom_type.endswith("LineString"):
        longest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.length)
        spots = [xy] + [(p.x, p.y) for p in (longest.interpolate(f, normalized=True) for f in LINE_FRACTIONS)]
        out += [(spot, (0, 0), "center", "center") for spot in spots[1:]]
        out += [(spot, (0, dy), "center", "bottom" if dy > 0 else "top") for dy in (8, -8) for spot in spots]
    elif geom.geom_type.endswith("Polygon"):
        to_data = ax.transData.inverted()
        base = ax.transData.transform(xy)
        for dx, dy in POLYGON_SHIFTS:
            x, y = to_data.transform((base[0] + dx, base[1] + dy))
            if geom.contains(shapely.geometry.Point(x, y)):
                out.append(((x, y), (0, 0), "center", "center"))
    return out


POINT_NAME_ZOOM = 12  # as on the web map: plan points of unlabelled layers are named where there is room


def _collect_labels(ax, spec: LayerSpec, gdf: gpd.GeoDataFrame, lang: str) -> list[_Label]:
    """Name labels of a layer: every feature of a layer with labels: true (at mapspec.label_points), the points of
    other plan layers where there is room, and basemap place names down to the view's zoom (always optional)."""
    zoom = web_zoom(ax)
    quiet = spec.group == "basemap"
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    inset_x, inset_y = (x1 - x0) * 0.02, (y1 - y0) * 0.02
    view = shapely.geometry.box(x0 + inset_x, y0 + inset_y, x1 - inset_x, y1 - inset_y)
    labels = []
    records = gdf.drop(columns="geometry").to_dict("records")
    for where, geom, props in zip(_label_positions(gdf), gdf.geometry, records):
        name = drawable(pick(props, "name", lang)).strip()
        if not name or where is None or geom is None or geom.is_empty:
            continue
        is_point = geom.geom_type.endswith("Point")
        if not view.contains(shapely.geometry.Point(where[1], where[0])):
            # the usual spot is out of view: label the part that is in view, if any (mapspec's rule on it)
            geom = geom.intersection(view)
            if is_point or geom.is_empty or not geom.geom_type.endswith(("Polygon", "LineString")):
                continue
            parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type.endswith(("Polygon", "LineString"))]
            if not parts:
                continue
            if geom.geom_type.endswith("Polygon"):
                spot = max(parts, key=lambda g: g.area).representative_point()
            else:
                spot = max(parts, key=lambda g: g.length).interpolate(0.5, normalized=True)
            geom = shapely.geometry.MultiPolygon(parts) if geom.geom_type.endswith("Polygon") and len(parts) > 1 \
                else parts[0] if len(parts) == 1 else shapely.geometry.MultiLineString(parts)
            where = (spot.y, spot.x, math.inf)  # a cut-off feature's name is shown only where it fits freely
        radius_px = feature_style(spec, props)["radius"] * PT_PER_PX / PX_TO_PT if is_point else 0
        room = None
        if geom.geom_type.endswith("Polygon"):
            largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
            (x0, y0), (x1, y1) = ax.transData.transform([largest.bounds[:2], largest.bounds[2:]])
            room = (x1 - x0, y1 - y0)
        min_zoom = where[2] if spec.labels else POINT_NAME_ZOOM
        if quiet and min_zoom > zoom + 1:
            continue
        labels.append(_Label(name, spec, POINT_LABEL_PT if is_point else LABEL_PT,
                             quiet or min_zoom > zoom + 1e-9,
                             _label_candidates(ax, geom, where[:2], radius_px), room, quiet))
    return labels


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _place_labels(fig: Figure, ax, labels: list[_Label], obstacles: list[tuple], markers: list[tuple]) -> list:
    """Greedy placement: each label takes its first candidate that overlaps no placed label, panel or marker;
    a required label with no free spot takes its least crowded one, an optional one is left out."""
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    halo = [patheffects.withStroke(linewidth=3.2, foreground="white")]
    placed: list[tuple] = []
    artists = []
    order = sorted(range(len(labels)), key=lambda i: (labels[i].quiet, labels[i].optional,
                                                      labels[i].spec.geometry == "point"))
    for i in order:
        label = labels[i]
        ann = ax.annotate(label.text, xy=(0, 0), xytext=(0, 0), textcoords="offset points", parse_math=False,
                          fontproperties=_font(label.size * (0.85 if label.quiet else 1), not label.quiet),
                          color="#555555" if label.quiet else "#262626", zorder=6, path_effects=halo,
                          annotation_clip=True, gid=f"label-{label.spec.id}")
        ann.set_clip_on(True)
        best, best_score = None, math.inf
        if label.optional and label.room is not None:
            ann.xy = label.candidates[0][0]
            bb = ann.get_window_extent(renderer)
            if bb.width > label.room[0] or bb.height > label.room[1]:
                ann.remove()
                continue
        for xy, (dx, dy), ha, va in label.candidates:
            ann.xy = xy
            ann.set_position((dx * PX_TO_PT, dy * PX_TO_PT))
            ann.set_ha(ha)
            ann.set_va(va)
            bb = ann.get_window_extent(renderer)
            box = (bb.x0 - 3, bb.y0 - 2, bb.x1 + 3, bb.y1 + 2)
            outside = (box[2] - box[0]) * (box[3] - box[1]) - _overlap(box, (frame.x0, frame.y0, frame.x1,
                                                                            frame.y1))
            score = (sum(_overlap(box, p) for p in placed) + sum(_overlap(box, o) for o in obstacles)
                     + 0.5 * sum(_overlap(box, m) for m in markers) + outside)
            if score < best_score:
                best, best_score = (xy, (dx, dy), ha, va, box), score
            if score == 0:
                break
        if best is None or (label.optional and best_score > 0):
            ann.remove()
            continue
        xy, (dx, dy), ha, va, box = best
        ann.xy = xy
        ann.set_position((dx * PX_TO_PT, dy * PX_TO_PT))
        ann.set_ha(ha)
        ann.set_va(va)
        placed.append(box)
        artists.append(ann)
    return artists


def _marker_boxes(ax, overlays: list[LayerSpec], data: dict[str, gpd.GeoDataFrame]) -> list[tuple]:
    boxes = []
    for spec in overlays:
        if spec.geometry != "point":
            continue
        gdf = data[spec.id]
        for geom, props in zip(gdf.geometry, gdf.drop(columns="geometry").to_dict("records")):
            if geom is None or geom.is_empty:
                continue
            r = feature_style(spec, props)["radius"] * PT_PER_PX / PX_TO_PT
            for part in getattr(geom, "geoms", [geom]):
                x, y = ax.transData.transform((part.x, part.y))
                boxes.append((x - r, y - r, x + r, y + r))
    return boxes


# ---------------------------------------------------------------------------------------------------- the slide


def _slide_figure(layer_ids: Sequence[str], lang: str, *, bounds: tuple[float, float, float, float] | None,
                  title: str, subtitle: str | None, layers: Mapping[str, gpd.GeoDataFrame] | None,
                  config: SiteConfig | None) -> Figure:
    specs = _resolve(layer_ids, lang, bounds, None)
    cjk_font_family()  # fail early and clearly without a CJK font
    base_specs = [s for s in catalog("basemap") if s not in specs]
    wanted = base_specs + specs
    given = dict(layers or {})
    loaded, problems = load_all([s.id for s in wanted if s.id not in given])
    if problems:
        raise SlideError("cannot draw the slide: " + "; ".join(str(p) for p in problems))
    data = {**loaded, **{k: v for k, v in given.items() if k in {s.id for s in wanted}}}
    ordered = [s for s in wanted if s.id in data]
    overlays = [s for s in ordered if s.group != "basemap"]
    config = config if config is not None else load_config()

    if not title:
        title = t("app_title", lang)
        subtitle = t("app_subtitle", lang) if subtitle is None else subtitle
    elif subtitle is None:
        subtitle = t("app_title", lang)
    notice = config.notice(lang)
    source = source_line(ordered, lang)
    legend = _legend_entries(ordered, data, lang)
    # every text drawn is drawable: data and settings may hold emoji or characters no installed font has
    title, subtitle, notice, source = drawable(title), drawable(subtitle or ""), drawable(notice), drawable(source)
    legend = [{**item, "label": drawable(item["label"])} for item in legend]

    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    measure = _Measure()
    mx, my, mw, mh = MAP_BOX

    # --- header: title and subtitle, top left, beside an accent bar
    fig.add_artist(Rectangle(_fig_xy(MARGIN, HEIGHT_PX - 92), 7 / WIDTH_PX, 62 / HEIGHT_PX,
                             transform=fig.transFigure, facecolor=ACCENT, edgecolor="none"))
    title_size = measure.fit(title, WIDTH_PX - 2 * MARGIN - 30, 32, 20, bold=True)
    _text(fig, *_fig_xy(MARGIN + 24, HEIGHT_PX - 46), title, fontproperties=_font(title_size, True), color=INK,
             ha="left", va="center", gid="slide-title")
    if subtitle:
        sub_size = measure.fit(subtitle, WIDTH_PX - 2 * MARGIN - 30, 15.5, 11)
        _text(fig, *_fig_xy(MARGIN + 24, HEIGHT_PX - 84), subtitle, fontproperties=_font(sub_size), color=MUTED,
                 ha="left", va="center", gid="slide-subtitle")

    # --- legend layout first: the map is fitted into the space left of it
    north_h = 100
    legend_layout = _layout_legend(legend, measure, mh - 2 * PANEL_PAD - north_h, lang) if legend else None
    panel_w = (legend_layout[2] if legend_layout else 60) + 2 * PANEL_PAD

    # --- the map axes: equirectangular at the view's mid-latitude (x: lon, y: lat, aspect 1/cos(lat))
    ax = fig.add_axes((mx / WIDTH_PX, my / HEIGHT_PX, mw / WIDTH_PX, mh / HEIGHT_PX), gid="slide-map")
    ax.set_facecolor(SEA)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#4a5560")
        spine.set_linewidth(1.2)
        spine.set_zorder(20)
    minx, miny, maxx, maxy = bounds if bounds is not None else _default_bounds(overlays, data)
    lat0 = (miny + maxy) / 2
    coslat = km_per_degree_lon(lat0) / km_per_degree_lat(lat0)  # x units per y unit: a km is as long either way
    # the view box is fitted into the part of the frame that the legend panel and scale bar leave free
    inner_w, inner_h = mw - panel_w - 2 * PANEL_PAD, mh - PANEL_PAD - SCALEBAR_RESERVE
    deg_per_px = max((maxx - minx) * coslat / inner_w, (maxy - miny) / inner_h)  # latitude degrees per px
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    x_left = cx - (PANEL_PAD + inner_w / 2) * deg_per_px / coslat
    y_bottom = cy - (SCALEBAR_RESERVE + inner_h / 2) * deg_per_px
    ax.set_xlim(x_left, x_left + mw * deg_per_px / coslat)
    ax.set_ylim(y_bottom, y_bottom + mh * deg_per_px)
    ax.set_aspect("auto")
    ax.set_autoscale_on(False)

    # --- features: basemap, then polygons < lines < points (catalog order within each), then labels
    z_by_geometry = {"polygon": 2, "line": 3, "point": 4}
    for i, spec in enumerate(ordered):
        gdf = data[spec.id]
        if gdf.empty:
            continue
        z = (1 if spec.group == "basemap" else z_by_geometry.get(spec.geometry, 2)) + i / 1000
        if spec.geometry == "polygon":
            _draw_polygons(ax, spec, gdf, z)
        elif spec.geometry == "line":
            _draw_lines(ax, spec, gdf, z)
        elif spec.geometry == "point":
            _draw_points(ax, spec, gdf, z)
    named = [s for s in ordered if (s.labels or s.geometry == "point") and s.contract == "plan" or s.labels]
    labels = [lab for spec in named if not data[spec.id].empty
              for lab in _collect_labels(ax, spec, data[spec.id], lang)]

    # --- map furniture: north arrow and legend on the right, scale bar bottom left; then the labels around them
    right = mx + mw - PANEL_PAD
    north_top = my + mh - PANEL_PAD - 4
    north_bottom = _draw_north_arrow(fig, right - 30, north_top, lang)
    furniture = [(right - 60, north_bottom, right, north_top)]
    if legend_layout:
        furniture.append(_draw_legend(fig, legend_layout, right, north_bottom - 8, lang))
    scale_km, scale_px, scale_box = _draw_scale_bar(fig, ax, lang, measure)
    furniture.append(scale_box)
    _place_labels(fig, ax, labels, [(b[0] - 8, b[1] - 8, b[2] + 8, b[3] + 8) for b in furniture],
                  _marker_boxes(ax, overlays, data))

    # --- footer: source line, then the 审图号 / notice
    foot_w = WIDTH_PX - 2 * MARGIN
    src_size = measure.fit(source, foot_w, 11.5, 8)
    _text(fig, *_fig_xy(MARGIN, FOOTER_H - 30), source, fontproperties=_font(src_size), color=MUTED, ha="left",
             va="center", gid="slide-source")
    if notice:
        notice_size = measure.fit(notice, foot_w, 11.5, 8)
        _text(fig, *_fig_xy(MARGIN, FOOTER_H - 58), notice, fontproperties=_font(notice_size), color=INK,
                 ha="left", va="center", gid="slide-notice")
    if lang == "en":  # proportional quotes, §, · and dashes in Latin text (the CJK font's defaults are full-width)
        for text in fig.findobj(matplotlib.text.Text):
            text.set_fontfeatures(["palt"])
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    fig.slide_info = {"font": cjk_font_family(), "view": (x0, y0, x1, y1), "scale_km": scale_km,
                      "scale_px": scale_px, "title": title, "notice": notice, "source": source}
    return fig


def slide_figure(layer_ids: Sequence[str], lang: str, *, bounds: tuple[float, float, float, float] | None = None,
                 title: str = "", subtitle: str | None = None,
                 layers: Mapping[str, gpd.GeoDataFrame] | None = None,
                 config: SiteConfig | None = None) -> Figure:
    """The slide as a matplotlib Figure (1920×1080 px at 100 dpi) on an Agg canvas.

    layer_ids: overlay layers by catalog id (the basemap land is always drawn under them); bounds: the lon/lat box
    to show (min_lon, min_lat, max_lon, max_lat), all of it visible; default: the layers' bounds with a margin;
    title: default the app title, with the plan's full name as subtitle; subtitle: default the app title when a
    title is given; layers: already loaded (e.g. filtered) GeoDataFrames for some ids, the rest are loaded;
    config: default layers.config.load_config() (审图号 and notice).
    Text artists carry gids (slide-title, slide-subtitle, slide-source, slide-notice, slide-legend-item,
    label-<layer id>, …); fig.slide_info has the font, the view box, the scale bar (km, px), title, source, notice.
    Raises SlideError (unknown layer id, table id, bad bounds or language, a data file that does not load) or
    SlideFontError (no CJK font is installed).
    """
    with _LOCK:
        return _slide_figure(layer_ids, lang, bounds=bounds, title=title, subtitle=subtitle, layers=layers,
                             config=config)


def render_slide(layer_ids: Sequence[str], lang: str, *, bounds: tuple[float, float, float, float] | None = None,
                 title: str = "", subtitle: str | None = None, fmt: str = "png",
                 layers: Mapping[str, gpd.GeoDataFrame] | None = None, config: SiteConfig | None = None) -> bytes:
    """The slide as PNG (1920×1080 px) or PDF (vector, same 16:9 page) bytes. See slide_figure for the arguments."""
    _resolve(layer_ids, lang, bounds, fmt)
    with _LOCK:
        fig = _slide_figure(layer_ids, lang, bounds=bounds, title=title, subtitle=subtitle, layers=layers,
                            config=config)
        buf = io.BytesIO()
        meta = {"Title": fig.slide_info["title"]}
        if fmt == "png":
            fig.savefig(buf, format="png", dpi=DPI, metadata=meta)
        else:
            fig.savefig(buf, format="pdf", metadata={**meta, "Creator": "layers/slide.py (matplotlib)"})
    return buf.getvalue()
