"""The static public edition: `python -m layers export --format site --out DIR`.

Writes a self-contained website that any plain web server or CDN can serve (no Python at run time):

    DIR/index.html                 language choice
    DIR/{zh,en}/index.html         navigation and page list
    DIR/{zh,en}/<group>.html       one page per catalog map group: map (legend, notice), intro, feature table
    DIR/{zh,en}/indicators.html    the plan's indicator tables
    DIR/{zh,en}/tour.html          the guided tour, when content/tour.json exists and is valid
    DIR/data/<group>.geojson       each map page's data
    DIR/static/{vendor,js}/        Leaflet and planmap.js, referenced by relative paths only

Every text from data goes through html.escape; the map data is embedded as script-safe JSON (layers.mapspec).
"""
from __future__ import annotations

import json
import math
import re
import shutil
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd

from layers import paths
from layers.catalog import GROUPS, LayerSpec, catalog
from layers.config import load_config
from layers.export import to_geojson_text
from layers.i18n import LANGUAGES, pick, strings, t
from layers.indicators import unit_label
from layers.loading import LayerError, load_all, load_table
from layers.mapspec import build_spec, legend_items, to_script_json
from layers.render import (ASSET_FALLBACK, CLUSTER_CSS, CLUSTER_JS, VENDOR_CSS, VENDOR_JS, build_map, map_html,
                           missing_assets)

ASSET_BASE = "../static/"  # pages live one folder down (zh/, en/), so the site works from any path or file://
ASSET_DIRS = ("vendor", "js")
MAP_GROUPS = tuple(g for g in GROUPS if g != "basemap")
TOUR_FILE = paths.ROOT / "content" / "tour.json"
HTML_LANG = {"zh": "zh-CN", "en": "en"}
INDICATOR_COLUMNS = {
    "plan_14th": [("no", "col_no"), ("category_zh", "col_category"), ("name", "col_indicator"), ("unit", "col_unit"),
                  ("value_2020", "col_2020"), ("target_2025", "col_2025"), ("avg_annual_growth", "col_growth"),
                  ("attribute", "attribute")],
    "completion_13th": [("no", "col_no"), ("category_zh", "col_category"), ("indicator", "col_indicator"),
                        ("sub_indicator", "col_sub"), ("unit", "col_unit"), ("value_2015", "col_2015"),
                        ("target_2020", "col_target_2020"), ("actual_2020", "col_actual_2020"),
                        ("attribute", "attribute")],
}
CSS = """
html, body { height: auto; }
body { margin: 0; color: #1d1d1d; background: #fafafa;
  font: 16px/1.6 "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.2rem; padding: .6rem 1rem;
  background: #17466e; color: #fff; }
.site-header a { color: #fff; text-decoration: none; }
.site-brand { font-weight: 700; }
.site-nav { display: flex; flex-wrap: wrap; gap: .2rem 1rem; flex: 1; }
.site-nav a[aria-current] { font-weight: 700; text-decoration: underline; }
.site-lang { border: 1px solid #fff; border-radius: 4px; padding: 0 .5rem; }
main { padding: 0 1rem 2rem; }
.site-text { max-width: 62rem; }
.site-mapbox { position: relative; margin: 0 -1rem; }
.site-mapbox .folium-map { width: 100% !important; height: 70vh !important; }
.site-tour .site-mapbox { position: sticky; top: 0; z-index: 1; }
.site-tour .site-mapbox .folium-map { height: 55vh !important; }
.site-tour .pm-share { display: none; }
.site-step { max-width: 62rem; border-bottom: 1px solid #ddd; padding: .5rem 0; }
.site-table { overflow-x: auto; margin: .5rem 0 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 14px; background: #fff; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef2f5; }
th, td { min-width: 3.5em; }
@media (max-width: 640px) { .site-nav { flex-basis: 100%; order: 3; } }
.site-note { color: #555; font-size: 14px; }
footer { padding: 1rem; font-size: 13px; color: #555; border-top: 1px solid #ddd; }
"""
# planmap.js's share button puts ?view=lat,lon,zoom in the address; a static page applies it itself.
VIEW_SCRIPT = """<script>(function () {
  var map = window["%s"], view = new URLSearchParams(location.search).get("view");
  var v = (view || "").split(",").map(Number);
  if (!map || v.length !== 3 || !v.every(isFinite)) return;
  function apply() { map.setView([v[0], v[1]], v[2], { animate: false }); }
  if (map._animatingZoom) map.once("zoomend", apply); else apply();  // let the first fit finish, then move
})();</script>"""
# The tour draws one step at a time on a fresh Leaflet map: the spec holds every tour layer once, each step names
# its layers, legend and view. Buttons switch steps; without scripts the steps still read as text.
TOUR_SCRIPT = """<script>(function () {
  var box = document.getElementById("site-tour-map");
  if (!box || !window.L || !window.PlanMap) return;  // the fallback message stays and says why
  var data = JSON.parse(document.getElementById("site-tour-data").textContent);
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-step]"));
  var map = null;
  function show(i) {
    var step = data.steps[i], v = step.view;
    if (map) map.remove();
    map = L.map(box, { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 6, maxZoom: 18 });
    PlanMap.render(map, Object.assign({}, data.spec, {
      layers: data.spec.layers.filter(function (l) { return l.role === "basemap" || step.layers.indexOf(l.id) >= 0; }),
      legend: step.legend, title: step.title, view: v.bounds ? null : v, bounds: v.bounds || data.spec.bounds }));
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(Number(b.dataset.step) === i)); });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { show(Number(b.dataset.step)); box.scrollIntoView({ block: "nearest" }); });
  });
  show(0);
})();</script>"""


@dataclass(frozen=True)
class Page:
    """One page of the site, the same in each language."""

    slug: str  # file name without .html
    title_key: str


def text(value: Any) -> str:
    """A cell value as escaped HTML text ('' for missing values and NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return escape(str(value))


def html_table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{text(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<div class="site-table"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def map_fragments(fmap: folium.Map) -> tuple[str, str]:
    """(head, body) of a folium map, to place it inside a page of our own."""
    map_html(fmap)  # renders every element into the figure's header, html and script parts
    fig = fmap.get_root()
    head = re.sub(r'<meta name="viewport"[^>]*>', "", fig.header.render())  # ours lets readers zoom the page
    return head, f'{fig.html.render()}<script>{fig.script.render()}</script>'


def document(lang: str, page: Page, nav: list[Page], body: str, head: str = "") -> str:
    """A complete page: header with navigation and language switch, main content, footer with the notice."""
    other = next(code for code in LANGUAGES if code != lang)
    links = "".join(f'<a href="{p.slug}.html"{" aria-current=page" if p == page else ""}>{text(t(p.title_key, lang))}</a>'
                    for p in nav)
    notice = load_config().notice(lang) or f'{t("map_notice", lang)} · {t("data_source_line", lang)}'
    return f"""<!DOCTYPE html>
<html lang="{HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(t(page.title_key, lang))} · {text(t("app_title", lang))}</title>
{head}
<style>{CSS}</style>
</head>
<body>
<header class="site-header">
<a class="site-brand" href="index.html">{text(t("app_title", lang))}</a>
<nav class="site-nav" aria-label="{text(t("site_nav_label", lang))}">{links}</nav>
<a class="site-lang" lang="{HTML_LANG[other]}" hreflang="{HTML_LANG[other]}" href="../{other}/{page.slug}.html">{text(t("site_language_name", other))}</a>
</header>
<main>
{body}
</main>
<footer><p>{text(notice)}</p><p>{text(t("site_edition_note", lang))}</p></footer>
</body>
</html>
"""


def map_block(spec: dict[str, Any], lang: str) -> tuple[str, str, str]:
    """(head, body, map variable name) for a spec drawn with the site's relative assets."""
    fmap = build_map(spec, asset_base=ASSET_BASE)
    head, body = map_fragments(fmap)
    block = (f'<section class="site-mapbox" id="site-map" aria-label="{text(t("site_map_label", lang))}">'
             f'<noscript><p>{text(t("site_noscript", lang))}</p></noscript>{body}</section>')
    return head, block, fmap.get_name()


def feature_rows(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> list[list[str]]:
    rows = []
    for spec in specs:
        if spec.id not in layers:
            continue
        for props in layers[spec.id].drop(columns="geometry").to_dict("records"):
            basis = props.get("geometry_basis")
            rows.append([pick(props, "name", lang), spec.title(lang), pick(props, "function", lang),
                         props.get("source"), t(f"basis_{basis}", lang) if isinstance(basis, str) else ""])
    return rows


def group_page(lang: str, page: Page, nav: list[Page], specs: list[LayerSpec], base: list[LayerSpec],
               layers: dict[str, gpd.GeoDataFrame]) -> str:
    shown = [s for s in base + specs if s.id in layers]
    spec = build_spec(shown, layers, lang, title=t(page.title_key, lang), subtitle=t("app_title", lang),
                      notice=load_config().notice(lang))
    head, block, map_name = map_block(spec, lang)
    intro = next((t(k, lang) for k in (f"site_{page.slug}_intro", f"{page.slug}_intro") if k in strings()), "")
    rows = feature_rows(specs, layers, lang)
    headers = [t(k, lang) for k in ("col_name", "col_layer", "col_function", "col_source", "col_basis")]
    table = html_table(headers, rows) if rows else f'<p>{text(t("site_no_features", lang))}</p>'
    body = (f'<div class="site-text"><h1>{text(t(page.title_key, lang))}</h1><p>{text(intro)}</p></div>'
            f'{block}{VIEW_SCRIPT % map_name}'
            f'<p><a href="../data/{page.slug}.geojson" download>{text(t("site_download_page", lang))}</a></p>'
            f'<h2>{text(t("feature_list", lang))} · {len(rows)} {text(t("features", lang))}</h2>{table}')
    return document(lang, page, nav, body, head)


def indicator_cell(row: dict[str, Any], key: str, lang: str) -> Any:
    value = row.get(key)
    if key == "unit":
        return unit_label(value, lang)
    if key == "attribute":
        return t(f"attr_{value or 'none'}", lang)
    if key in ("name", "indicator", "sub_indicator"):
        return row.get(f"{key}_{lang}") or row.get(f"{key}_zh")
    return value


def indicators_page(lang: str, page: Page, nav: list[Page], tables: dict[str, Any]) -> str:
    parts = [f'<div class="site-text"><h1>{text(t(page.title_key, lang))}</h1>'
             f'<p>{text(t("site_indicators_intro", lang))}</p></div>']
    for key, columns in INDICATOR_COLUMNS.items():
        table = tables.get(key)
        if not isinstance(table, dict):
            continue
        rows = [[indicator_cell(r, k, lang) for k, _ in columns] for r in table.get("rows", []) if isinstance(r, dict)]
        parts.append(f'<h2>{text(table.get(f"title_{lang}") or table.get("title_zh"))}</h2>'
                     f'<p class="site-note">{text(t("source", lang))} {text(table.get("source"))}</p>'
                     f'{html_table([t(label, lang) for _, label in columns], rows)}'
                     f'<p class="site-note">{text(table.get(f"footnotes_{lang}") or table.get("footnotes_zh"))}</p>')
    parts.append(f'<p class="site-note">{text(t("indicators_transcription", lang))}</p>')
    return document(lang, page, nav, "".join(parts))


def tour_view(raw: dict[str, Any]) -> dict[str, Any]:
    """A step's view as {"lat", "lon", "zoom"} or {"bounds": [west, south, east, north]}; ValueError if invalid."""
    if "bounds" in raw:
        west, south, east, north = (float(v) for v in raw["bounds"])
        view: dict[str, Any] = {"bounds": [west, south, east, north]}
        ok = west < east and south < north
    else:
        view = {k: float(raw[k]) for k in ("lat", "lon", "zoom")}
        south = north = view["lat"]
        west = east = view["lon"]
        ok = 0 <= view["zoom"] <= 20
    if not (ok and -90 <= south <= north <= 90 and -180 <= west <= east <= 180):  # also rejects NaN
        raise ValueError(f"view out of range: {raw}")
    return view


def read_tour(path: Path) -> list[dict[str, Any]]:
    """The valid steps of content/tour.json; [] (with a note on stderr) when it is absent or invalid."""
    if not path.is_file():
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        steps = raw["steps"]
        if not isinstance(steps, list):
            raise TypeError("'steps' is not a list")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"note: {path.name} not used ({exc})", file=sys.stderr)
        return []
    valid = []
    for i, step in enumerate(steps):
        try:
            view = tour_view(step["view"])
            layer_ids = [x for x in step.get("layers", []) if isinstance(x, str)]
            valid.append({**{k: str(step.get(k) or "") for k in ("title_zh", "title_en", "text_zh", "text_en", "source")},
                          "layers": layer_ids, "view": view})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            print(f"note: {path.name}: step {i} skipped ({exc!r})", file=sys.stderr)
    return valid


def tour_page(lang: str, page: Page, nav: list[Page], steps: list[dict[str, Any]],
              layers: dict[str, gpd.GeoDataFrame]) -> str:
    wanted = {i for step in steps for i in step["layers"]}
    shown = [s for s in catalog() if s.id in layers and (s.group == "basemap" or s.id in wanted)]
    spec = build_spec(shown, layers, lang, subtitle=t(page.title_key, lang), notice=load_config().notice(lang))
    step_data = []
    for step in steps:
        specs = [s for s in shown if s.group == "basemap" or s.id in step["layers"]]
        step_data.append({"layers": step["layers"], "view": step["view"], "title": pick(step, "title", lang),
                          "legend": legend_items(specs, {s.id: layers[s.id] for s in specs}, lang)})
    clustered = any(layer["cluster"] for layer in spec["layers"])
    scripts = VENDOR_JS[:1] + (CLUSTER_JS if clustered else ()) + VENDOR_JS[1:]
    styles = VENDOR_CSS + (CLUSTER_CSS if clustered else ())
    head = "".join([*(f'<script src="{ASSET_BASE}{rel}"></script>' for _, rel in scripts),
                    *(f'<link rel="stylesheet" href="{ASSET_BASE}{rel}">' for _, rel in styles)])
    sections = []
    for n, step in enumerate(steps, 1):
        sections.append(
            f'<section class="site-step" id="step-{n}"><h2>{text(t("site_step", lang).format(n=n))} · '
            f'{text(pick(step, "title", lang))}</h2><p>{text(pick(step, "text", lang))}</p>'
            f'<p class="site-note">{text(t("source", lang))} {text(step["source"])}</p>'
            f'<button type="button" data-step="{n - 1}">{text(t("site_show_on_map", lang))}</button></section>')
    body = (f'<div class="site-text"><h1>{text(t(page.title_key, lang))}</h1><p>{text(t("site_tour_intro", lang))}'
            f'</p></div><section class="site-mapbox" aria-label="{text(t("site_map_label", lang))}">'
            f'{ASSET_FALLBACK.format(asset_base=ASSET_BASE)}<div class="folium-map" id="site-tour-map"></div></section>'
            f'<script type="application/json" id="site-tour-data">{to_script_json({"spec": spec, "steps": step_data})}'
            f'</script>{"".join(sections)}{TOUR_SCRIPT}')
    return document(lang, page, nav, f'<div class="site-tour">{body}</div>', head)


def index_page(lang: str, page: Page, nav: list[Page]) -> str:
    items = "".join(f'<li><a href="{p.slug}.html">{text(t(p.title_key, lang))}</a></li>' for p in nav if p != page)
    body = (f'<div class="site-text"><h1>{text(t("app_title", lang))}</h1><p>{text(t("app_subtitle", lang))}</p>'
            f'<p>{text(t("about_intro", lang))}</p><h2>{text(t("site_pages", lang))}</h2><ul>{items}</ul></div>')
    return document(lang, page, nav, body)


def root_page() -> str:
    links = "".join(f'<li><a lang="{HTML_LANG[c]}" href="{c}/index.html">{text(t("site_language_name", c))} · '
                    f'{text(t("app_title", c))}</a></li>' for c in LANGUAGES)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{text(t("app_title", "zh"))}</title>'
            f'<style>{CSS}</style></head><body><main><h1>{text(t("app_title", "zh"))}</h1>'
            f'<p lang="en">{text(t("app_title", "en"))}</p><h2>{text(t("site_choose_language", "zh"))} · '
            f'{text(t("site_choose_language", "en"))}</h2><ul>{links}</ul></main></body></html>\n')


def copy_assets(out: Path) -> list[str]:
    """static/vendor and static/js into out/static/; the missing map assets as problems."""
    for name in ASSET_DIRS:
        if (paths.STATIC / name).is_dir():
            shutil.copytree(paths.STATIC / name, out / "static" / name, dirs_exist_ok=True)
    return [f"{rel}: missing, the maps cannot draw" for rel in missing_assets()]


def map_groups() -> dict[str, list[LayerSpec]]:
    """Each catalog map group that has layers → its default-visible layers (one site page each)."""
    groups = {g: [s for s in catalog(g) if not s.is_table and s.default_visible] for g in MAP_GROUPS}
    return {g: specs for g, specs in groups.items() if specs}


def export_site(out_dir: Path, *, tour_file: Path | None = None) -> tuple[list[Path], list[str]]:
    """Write the static site into out_dir. Returns the pages and data files written, and the problems
    (layers skipped, tables or assets missing); the rest of the site is written regardless."""
    out = Path(out_dir)
    problems = copy_assets(out)
    base = [s for s in catalog("basemap") if not s.is_table]
    groups = map_groups()
    steps = read_tour(tour_file or TOUR_FILE)
    known = {s.id for s in catalog() if not s.is_table}
    wanted = [s.id for s in base] + [s.id for specs in groups.values() for s in specs]
    wanted += [i for step in steps for i in step["layers"] if i in known and i not in wanted]
    layers, load_problems = load_all(dict.fromkeys(wanted))
    problems += [str(p) for p in load_problems]
    try:
        tables = load_table("indicators")
    except (LayerError, KeyError, OSError, ValueError) as exc:
        tables = None
        problems.append(f"indicators: {exc}")

    home = Page("index", "site_home")
    nav = [home, *(Page(g, f"page_{g}") for g in groups)]
    nav += [Page("tour", "page_tour")] if steps else []
    nav += [Page("indicators", "page_indicators")] if isinstance(tables, dict) else []
    written: list[Path] = []

    def write(path: Path, content: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)

    write(out / "index.html", root_page())
    for group, specs in groups.items():
        write(out / "data" / f"{group}.geojson", to_geojson_text({s.id: layers[s.id] for s in specs if s.id in layers}))
    for lang in LANGUAGES:
        for page in nav:
            if page.slug == "index":
                content = index_page(lang, page, nav)
            elif page.slug == "indicators":
                content = indicators_page(lang, page, nav, tables)
            elif page.slug == "tour":
                content = tour_page(lang, page, nav, steps, layers)
            else:
                content = group_page(lang, page, nav, groups[page.slug], base, layers)
            write(out / lang / f"{page.slug}.html", content)
    return written, problems
