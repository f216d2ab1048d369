"""The site report as text: one list of blocks per language, rendered as Markdown (the page and the .md download)
or as HTML (the .html download). Data text is escaped by the renderer: layers.markdown.escape_md for Markdown,
html.escape for HTML — never inserted as markup."""
from __future__ import annotations

import html
from dataclasses import dataclass

from layers.coords import format_dms
from layers.i18n import t
from layers.markdown import escape_md
from layers.site_report import Element, Report
from layers.site_rules import SECTIONS


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    kind: str                     # h1 | h2 | p | li | li2 | note | flag_conflict | flag_caution | hr
    spans: tuple[Span, ...] = ()


def _b(kind: str, *parts: str | Span) -> Block:
    return Block(kind, tuple(p if isinstance(p, Span) else Span(p) for p in parts))


def km(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f} km" if value < 10 else f"{value:.1f} km"


def pct(value: float | None) -> str:
    return "—" if value is None else (f"{value * 100:.1f}%" if value < 0.995 else "100%")


def names(e: Element, lang: str) -> tuple[str, str]:
    """(the name in the page's language, the other name)."""
    other = e.name_zh if lang == "en" else e.name_en
    return e.name(lang), other if other and other != e.name(lang) else ""


def relation_text(e: Element, report: Report, lang: str) -> str:
    """How the feature relates to the site, with true distances and areas."""
    if e.relation == "overlaps" and e.length_km is not None:
        return t("sr_rel_crosses", lang).format(length=km(e.length_km))
    if e.relation == "overlaps":
        return t("sr_rel_overlaps", lang).format(area=f"{e.area_km2:.2f}", share=pct(e.share),
                                                 feature_share=pct(e.share_of_feature))
    if e.relation == "inside":
        if report.kind == "area" and e.area_km2 is not None:
            return t("sr_rel_site_inside", lang).format(area=f"{e.area_km2:.2f}", feature_share=pct(e.share_of_feature))
        if report.kind == "area":
            return t("sr_rel_in_site", lang)
        if e.edge_km is not None:
            return t("sr_rel_inside_edge", lang).format(edge=km(e.edge_km))
        return t("sr_rel_inside", lang)
    if e.relation == "within":
        return t("sr_rel_within", lang).format(distance=km(e.distance_km), screen=f"{e.screen_km:g} km")
    return t("sr_rel_nearest", lang).format(distance=km(e.distance_km))


def certainty_text(e: Element, lang: str) -> str:
    if e.certainty == "approximate" and e.tolerance_km:
        return t("sr_cert_approximate_km", lang).format(km=f"{e.tolerance_km:g}")
    return t(f"sr_cert_{e.certainty}", lang)


def _element_blocks(e: Element, report: Report, lang: str) -> list[Block]:
    name, other = names(e, lang)
    head = [Span(name, bold=True)]
    if other:
        head.append(Span(f" {other}"))
    head.append(Span(f" — {relation_text(e, report, lang)}"))
    if e.flag:
        head.append(Span(f" · {t(f'sr_flag_{e.flag}', lang)}", bold=True))
    blocks = [Block("li", tuple(head))]
    words = e.function_en if lang == "en" and e.function_en else e.function_zh
    if words:
        blocks.append(_b("li2", Span(f"{t('col_function', lang)}: ", True), words))
    if lang == "en" and e.function_zh and e.function_en:
        blocks.append(_b("li2", Span(f"{t('sr_plan_original', lang)}: ", True), e.function_zh))
    for key, label in (("industries", "industries"), ("leading", "col_leading"), ("featured", "col_featured"),
                       ("town_type", "sr_town_type")):
        value = e.details.get(f"{key}_{lang}") or e.details.get(f"{key}_zh")
        if value:
            blocks.append(_b("li2", Span(f"{t(label, lang)}: ", True), value))
    basis = f"{e.layer_en if lang == 'en' else e.layer_zh} · {e.source} · {certainty_text(e, lang)}"
    blocks.append(_b("li2", Span(f"{t('col_source', lang)}: ", True), basis))
    return blocks


def site_line(report: Report, lang: str) -> str:
    where = f"{report.lon:.6f}, {report.lat:.6f} (WGS-84) · {format_dms(report.lat, 'lat')} {format_dms(report.lon, 'lon')}"
    if report.kind == "area":
        return t("sr_site_area_line", lang).format(area=f"{report.area_km2:.2f}", where=where)
    return t("sr_site_point_line", lang).format(where=where)


def report_blocks(report: Report, lang: str) -> list[Block]:
    """Everything the report says, in reading order."""
    title = t("sr_title_area" if report.kind == "area" else "sr_title_point", lang)
    blocks = [_b("h1", title + (f" · {report.name}" if report.name else "")), _b("p", site_line(report, lang))]
    blocks.append(_b("p", t("sr_at_sea" if report.at_sea else "sr_on_land", lang)))
    for note in report.notes:
        blocks.append(_b("note", note.text(lang)))
    flags = report.flags
    blocks.append(_b("h2", t("sr_flags_title", lang)))
    if not flags:
        blocks.append(_b("p", t("sr_flags_none", lang)))
    for e in flags:
        what = t(e.flag_what, lang) if e.flag_what else ""
        name, _ = names(e, lang)
        blocks.append(_b(f"flag_{e.flag}", Span(f"{t(f'sr_flag_{e.flag}', lang)}: ", True),
                         f"{what} — {name} — {relation_text(e, report, lang)} ({certainty_text(e, lang)})"))
    for section in SECTIONS:
        items = report.section(section)
        if not items:
            continue
        blocks.append(_b("h2", t(f"sr_section_{section}", lang)))
        for e in items:
            blocks.extend(_element_blocks(e, report, lang))
    blocks.append(Block("hr"))
    blocks.append(_b("note", t("sr_method", lang)))
    blocks.append(_b("note", t("sr_screening", lang)))
    return blocks


def _md_spans(spans: tuple[Span, ...]) -> str:
    parts = (f"**{escape_md(s.text.strip())}**" if s.bold else escape_md(s.text.strip()) for s in spans)
    return " ".join(p for p in parts if p)


def to_markdown(report: Report, lang: str) -> str:
    """The report as Markdown, every data text escaped (layers.markdown.escape_md)."""
    lines = []
    prefix = {"h1": "# ", "h2": "\n## ", "li": "- ", "li2": "  - ", "p": "", "note": "> ", "flag_conflict": "- 🔴 ",
              "flag_caution": "- 🟠 "}
    for block in report_blocks(report, lang):
        if block.kind == "hr":
            lines.append("\n---\n")
            continue
        text = _md_spans(block.spans)
        lines.append(prefix[block.kind] + text + ("\n" if block.kind in ("p", "note", "h1") else ""))
    return "\n".join(lines).replace("\n\n\n", "\n\n").strip() + "\n"


def _html_spans(spans: tuple[Span, ...]) -> str:
    return "".join(f"<strong>{html.escape(s.text)}</strong>" if s.bold else html.escape(s.text) for s in spans)


HTML_STYLE = """body{font:15px/1.55 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:860px;margin:2em auto;
padding:0 1em;color:#222}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.4em;border-bottom:1px solid #ddd}
.note{color:#555;font-size:.92em;border-left:3px solid #ccc;padding-left:.6em}.flag_conflict{color:#a40000}
.flag_caution{color:#8a5300}ul{padding-left:1.2em}li li{list-style:circle;color:#333}svg{max-width:100%;height:auto;
border:1px solid #ccc}"""


def _html_body(blocks: list[Block], svg_map: str) -> list[str]:
    out: list[str] = []
    in_list = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        is_item = block.kind in ("li", "flag_conflict", "flag_caution")
        if is_item != in_list:
            out.append("<ul>" if is_item else "</ul>")
            in_list = is_item
        if is_item:
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "li2":
                j += 1
            subs = "".join(f"<li>{_html_spans(b.spans)}</li>" for b in blocks[i + 1:j])
            cls = f' class="{block.kind}"' if block.kind != "li" else ""
            out.append(f"<li{cls}>{_html_spans(block.spans)}{f'<ul>{subs}</ul>' if subs else ''}</li>")
            i = j
            continue
        if block.kind == "hr":
            out.append("<hr>")
        elif block.kind in ("h1", "h2"):
            out.append(f"<{block.kind}>{_html_spans(block.spans)}</{block.kind}>")
            if block.kind == "h1" and svg_map:
                out.append(svg_map)
        else:
            out.append(f'<p class="{block.kind}">{_html_spans(block.spans)}</p>')
        i += 1
    if in_list:
        out.append("</ul>")
    return out


def to_html(report: Report, lang: str, svg_map: str = "") -> str:
    """A self-contained HTML page (no scripts, no outside links); svg_map is markup from layers.report_map."""
    title = html.escape(t("sr_title_area" if report.kind == "area" else "sr_title_point", lang))
    body = _html_body(report_blocks(report, lang), svg_map)
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
            f'img-src data:"><title>{title}</title><style>{HTML_STYLE}</style></head><body>\n'
            + "\n".join(body) + "\n</body></html>\n")
