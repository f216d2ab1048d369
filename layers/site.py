"""The static public edition: `python -m layers export --format site --out DIR`.

Writes a self-contained website that any plain web server or CDN can serve (no Python at run time):

    DIR/index.html                 language choice
    DIR/{zh,en}/index.html         navigation and page list
    DIR/{zh,en}/<group>.html       one page per catalog map group: map (legend, notice), intro, feature table
    DIR/{zh,en}/indicators.html    the plan's indicator tables
    DIR/{zh,en}/tour.html          the guided tour, when content/tour.json exists and is valid
    DIR/{zh,en}/plan.html          the plan text (Chinese), with the anchors the map popups link to
    DIR/data/<group>.geojson       each map page's data
    DIR/static/{vendor,js}/        Leaflet and planmap.js, referenced by relative paths only

The pages are Jinja2 templates (layers/templates/site/: base.html around one template per page kind, the CSS and the
inline scripts) rendered with autoescape, so every text from data is HTML-escaped; the only markup passed in as
such (markupsafe.Markup) is folium's map and script-safe JSON (layers.mapspec.to_script_json) of the map data.
Every page is self-contained (CSS inline, an inline favicon) and links to its assets by relative paths.
"""
from __future__ import annotations

import base64
import math
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import jinja2
from markupsafe import Markup

from layers import paths, plantext
from layers.catalog import GROUPS, LayerSpec, catalog
from layers.config import load_config
from layers.export import to_geojson_text
from layers.i18n import LANGUAGES, pick, strings, t
from layers.indicators import unit_label
from layers.loading import LayerError, load_all, load_table
from layers.tour import TOUR_FILE, load_tour
from layers.mapspec import bounds_of, build_spec, layer_sources, legend_items, to_script_json
from layers.render import (ASSET_FALLBACK, CLUSTER_CSS, CLUSTER_JS, VENDOR_CSS, VENDOR_JS, build_map, map_html,
                           missing_assets)
from layers.sources import source_label

ASSET_BASE = "../static/"  # pages live one folder down (zh/, en/), so the site works from any path or file://
ASSET_DIRS = ("vendor", "js")
MAP_GROUPS = tuple(g for g in GROUPS if g != "basemap")
HTML_LANG = {"zh": "zh-Hans", "en": "en"}  # BCP 47 tags for lang attributes, as the app (ui/theme.py)
TEMPLATES = Path(__file__).with_name("templates") / "site"
INDICATOR_COLUMNS = {
    "plan_14th": [("no", "col_no"), ("category_zh", "col_category"), ("name", "col_indicator"), ("unit", "col_unit"),
                  ("value_2020", "col_2020"), ("target_2025", "col_2025"), ("avg_annual_growth", "col_growth"),
                  ("attribute", "attribute")],
    "completion_13th": [("no", "col_no"), ("category_zh", "col_category"), ("indicator", "col_indicator"),
                        ("sub_indicator", "col_sub"), ("unit", "col_unit"), ("value_2015", "col_2015"),
                        ("target_2020", "col_target_2020"), ("actual_2020", "col_actual_2020"),
                        ("attribute", "attribute")],
}


@dataclass(frozen=True)
class Page:
    """One page of the site, the same in each language."""

    slug: str  # file name without .html
    title_key: str


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The site's templates (layers/templates/site/). autoescape HTML-escapes every value a template prints unless
    it is a markupsafe.Markup; StrictUndefined makes a misspelt name an error instead of an empty string."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(html_lang=HTML_LANG, languages=LANGUAGES, icon=icon_uri())
    env.tests.update(chapter=lambda node: isinstance(node, plantext.Chapter),
                     section=lambda node: isinstance(node, plantext.Section),
                     box=lambda node: isinstance(node, plantext.Box))
    return env


def icon_uri() -> str:
    """The favicon as a data: URI (base64, so no URL appears in the page), saving browsers a request for one."""
    return "data:image/svg+xml;base64," + base64.b64encode((TEMPLATES / "icon.svg").read_bytes()).decode("ascii")


def render(template: str, lang: str, **context: Any) -> str:
    """A template rendered in lang; t(key[, lang]) in the template is layers.i18n.t bound to lang."""
    def say(key: str, in_lang: str = lang) -> str:
        return t(key, in_lang)

    return environment().get_template(template).render(lang=lang, t=say, **context)


def render_page(template: str, lang: str, page: Page, nav: list[Page], description: str, **context: Any) -> str:
    """A page of one language: base.html's header (navigation, language switch) and footer around the page's own."""
    notice = load_config().notice(lang) or f'{t("map_notice", lang)} · {t("data_source_line", lang)}'
    other = next(code for code in LANGUAGES if code != lang)
    return render(template, lang, page=page, nav=nav, other=other, notice=notice, description=description,
                  **context)


def plain(value: Any) -> str:
    """A cell value as text ('' for missing values and NaN); the template escapes it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def map_fragments(fmap: folium.Map) -> tuple[Markup, Markup]:
    """(head, body) of a folium map, to place it inside a page of our own. Trusted markup: folium renders it from
    our map spec, whose data reaches the page only as script-safe JSON (layers.mapspec.to_script_json)."""
    map_html(fmap)  # renders every element into the figure's header, html and script parts
    fig = fmap.get_root()
    head = re.sub(r'<meta name="viewport"[^>]*>', "", fig.header.render())  # ours lets readers zoom the page
    return Markup(head), Markup(f'{fig.html.render()}<script>{fig.script.render()}</script>')


def feature_rows(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame], lang: str) -> list[list[str]]:
    rows = []
    for spec in specs:
        if spec.id not in layers:
            continue
        for props in layers[spec.id].drop(columns="geometry").to_dict("records"):
            basis = props.get("geometry_basis")
            rows.append([pick(props, "name", lang), spec.title(lang), pick(props, "function", lang),
                         source_label(props.get("source"), lang), t(f"basis_{basis}", lang) if isinstance(basis, str) else ""])
    return rows


def group_intro(slug: str, lang: str) -> str:
    return next((t(k, lang) for k in (f"site_{slug}_intro", f"{slug}_intro") if k in strings()), "")


def group_page(lang: str, page: Page, nav: list[Page], specs: list[LayerSpec], base: list[LayerSpec],
               layers: dict[str, gpd.GeoDataFrame], plan_link: str | None = None) -> str:
    """plan_link: where popups link to the plan text (plan.html?source=), when the site has the plan page."""
    shown = [s for s in base + specs if s.id in layers]
    spec = build_spec(shown, layers, lang, title=t(page.title_key, lang), subtitle=t("app_title", lang),
                      notice=load_config().notice(lang), plan_link=plan_link)
    fmap = build_map(spec, asset_base=ASSET_BASE)
    head, body = map_fragments(fmap)
    intro = group_intro(page.slug, lang)
    headers = [t(k, lang) for k in ("col_name", "col_layer", "col_function", "col_source", "col_basis")]
    return render_page("group.html", lang, page, nav, intro or t("app_subtitle", lang), intro=intro,
                       map_head=head, map_body=body,
                       map_name=Markup(to_script_json(fmap.get_name())),  # trusted: script-safe JSON
                       headers=headers, rows=feature_rows(specs, layers, lang))


def indicator_cell(row: dict[str, Any], key: str, lang: str) -> Any:
    value = row.get(key)
    if key == "unit":
        return unit_label(value, lang)
    if key == "attribute":
        return t(f"attr_{value or 'none'}", lang)
    if key in ("name", "indicator", "sub_indicator"):
        return row.get(f"{key}_{lang}") or row.get(f"{key}_zh")
    return value


def indicator_table(table: dict[str, Any], columns: list[tuple[str, str]], lang: str) -> dict[str, Any]:
    """One indicator table for indicators.html, every cell as text; label names its scrolling box."""
    rows = [[plain(indicator_cell(row, key, lang)) for key, _ in columns]
            for row in table.get("rows", []) if isinstance(row, dict)]
    title = plain(table.get(f"title_{lang}") or table.get("title_zh"))
    return {"title": title, "label": title or t("page_indicators", lang),
            "source": source_label(table.get("source"), lang), "headers": [t(label, lang) for _, label in columns],
            "rows": rows, "footnotes": plain(table.get(f"footnotes_{lang}") or table.get("footnotes_zh"))}


def indicators_page(lang: str, page: Page, nav: list[Page], tables: dict[str, Any]) -> str:
    shown = [indicator_table(tables[key], columns, lang) for key, columns in INDICATOR_COLUMNS.items()
             if isinstance(tables.get(key), dict)]
    return render_page("indicators.html", lang, page, nav, t("site_indicators_intro", lang), tables=shown)


def tour_steps(path: Path, layers_bounds: Callable[[list[str]], Any]) -> list[dict[str, Any]]:
    """The tour's steps as the static edition draws them: the app's own loader (layers/tour.py), so the same steps
    are shown; a step without a view fits its layers (layers_bounds(layer_ids) → [w, s, e, n])."""
    loaded = load_tour(path)
    for problem in loaded.problems:
        print(f"note: {problem}", file=sys.stderr)
    steps = []
    for step in loaded.steps:
        if step.bounds:
            view: dict[str, Any] = {"bounds": list(step.bounds)}
        elif step.view:
            view = step.view_dict()
        else:
            view = {"bounds": list(layers_bounds(step.layers))}
        steps.append({"title_zh": step.title_zh, "title_en": step.title_en, "text_zh": step.text_zh,
                      "text_en": step.text_en, "source": step.source, "layers": list(step.layers), "view": view,
                      "highlight": list(step.highlight)})
    return steps


def tour_map_steps(steps: list[dict[str, Any]], shown: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame],
                   lang: str) -> list[dict[str, Any]]:
    """What tour.js needs of each step: its layers, view, title, legend and highlighted features."""
    data = []
    for step in steps:
        specs = [s for s in shown if s.group == "basemap" or s.id in step["layers"]]
        data.append({"layers": step["layers"], "view": step["view"], "title": pick(step, "title", lang),
                     "legend": legend_items(specs, {s.id: layers[s.id] for s in specs}, lang),
                     "highlight": step["highlight"]})
    return data


def tour_page(lang: str, page: Page, nav: list[Page], steps: list[dict[str, Any]],
              layers: dict[str, gpd.GeoDataFrame]) -> str:
    wanted = {i for step in steps for i in step["layers"]}
    shown = [s for s in catalog() if s.id in layers and (s.group == "basemap" or s.id in wanted)]
    spec = build_spec(shown, layers, lang, subtitle=t(page.title_key, lang), notice=load_config().notice(lang),
                      highlight=sorted({key for step in steps for key in step["highlight"]}))
    clustered = any(layer["cluster"] for layer in spec["layers"])
    scripts = VENDOR_JS[:1] + (CLUSTER_JS if clustered else ()) + VENDOR_JS[1:]
    styles = VENDOR_CSS + (CLUSTER_CSS if clustered else ())
    shown_steps = [{"heading": f'{t("site_step", lang).format(n=n)} · {pick(step, "title", lang)}',
                    "text": pick(step, "text", lang), "source": source_label(step["source"], lang)}
                   for n, step in enumerate(steps, 1)]
    # Trusted markup: to_script_json's output is script-safe (no <, >, &), ASSET_FALLBACK is our own constant.
    data = Markup(to_script_json({"spec": spec, "steps": tour_map_steps(steps, shown, layers, lang)}))
    return render_page("tour.html", lang, page, nav, t("site_tour_intro", lang),
                       scripts=[ASSET_BASE + rel for _, rel in scripts], styles=[ASSET_BASE + rel for _, rel in styles],
                       fallback=Markup(ASSET_FALLBACK.format(asset_base=ASSET_BASE)), tour_data=data, steps=shown_steps)


def plan_page(lang: str, page: Page, nav: list[Page], doc: plantext.Plan, anchors: dict[str, str]) -> str:
    """The whole plan text, with an id on every chapter, section and box; anchors: source → the id it cites."""
    return render_page("plan.html", lang, page, nav, t("site_plan_description", lang), doc=doc,
                       title=doc.title.replace(" ", ""),
                       anchors=Markup(to_script_json(anchors)))  # trusted: script-safe JSON


def plan_anchors(doc: plantext.Plan, layers: dict[str, gpd.GeoDataFrame]) -> dict[str, str]:
    """Every feature source in the exported layers → the anchor of the passage it cites (sources citing nothing
    in the plan are left out)."""
    anchors = {}
    for source in layer_sources(layers.values()):
        ref = plantext.find_section(source, doc)
        if ref is not None:
            anchors[source] = ref.anchor
    return anchors


def index_page(lang: str, page: Page, nav: list[Page]) -> str:
    return render_page("index.html", lang, page, nav, t("app_subtitle", lang))


def root_page() -> str:
    return render("root.html", "zh", description=t("app_subtitle", "zh"))


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
    tour = load_tour(tour_file or TOUR_FILE)
    wanted = [s.id for s in base] + [s.id for specs in groups.values() for s in specs]
    wanted += [i for step in tour.steps for i in step.layers if i not in wanted]
    layers, load_problems = load_all(dict.fromkeys(wanted))
    specs_by_id = {s.id: s for s in catalog() if s.id in layers}
    steps = tour_steps(tour_file or TOUR_FILE, lambda ids: bounds_of(layers, [specs_by_id[i] for i in ids if i in specs_by_id]))
    problems += [str(p) for p in load_problems]
    try:
        tables = load_table("indicators")
    except (LayerError, KeyError, OSError, ValueError) as exc:
        tables = None
        problems.append(f"indicators: {exc}")
    try:
        doc = plantext.plan()
    except (OSError, UnicodeDecodeError) as exc:
        doc = None
        problems.append(f"plan text: {exc}")
    doc = doc if doc is not None and doc.chapters else None

    home = Page("index", "site_home")
    nav = [home, *(Page(g, f"page_{g}") for g in groups)]
    nav += [Page("tour", "page_tour")] if steps else []
    nav += [Page("indicators", "page_indicators")] if isinstance(tables, dict) else []
    nav += [Page("plan", "page_plan")] if doc is not None else []
    plan_link = "plan.html?source=" if doc is not None else None  # popups promise the plan text only when it is here
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
            elif page.slug == "plan":
                content = plan_page(lang, page, nav, doc, plan_anchors(doc, layers))
            else:
                content = group_page(lang, page, nav, groups[page.slug], base, layers, plan_link)
            write(out / lang / f"{page.slug}.html", content)
    return written, problems
