"""Shows a site report on the page (the same Markdown as the download) with its permalink and downloads."""
from __future__ import annotations

import json

import streamlit as st

from layers.i18n import t
from layers.markdown import escape_md
from layers.report_map import report_svg
from layers.report_text import to_html, to_markdown
from layers.site_index import SiteIndex
from layers.site_report import Report, report_geojson
from ui.navigation import PAGES, url_of


PAGE_FILE = "pages/site_report.py"


def site_link(lang: str) -> str:
    """The site report page's address up to the coordinates ("…&site=" + "lon,lat"), from the page list."""
    page = next(p for p in PAGES if p.file == PAGE_FILE)
    return f"{url_of(page)}?lang={lang}&site="


def _join(elements, lang: str) -> str:
    return ("; " if lang == "en" else "、").join(e.name(lang) for e in elements)


def _stem(report: Report) -> str:
    return f"dalian_site_{report.lon:.4f}_{report.lat:.4f}".replace(".", "_").replace("-", "m")


def downloads(report: Report, index: SiteIndex, lang: str) -> None:
    """Markdown, HTML (with a small map) and GeoJSON (the site with the whole report), built when clicked."""
    stem = _stem(report)
    st.caption(t("sr_downloads", lang))
    cols = st.columns(3)
    cols[0].download_button(t("sr_download_md", lang), lambda: to_markdown(report, lang), file_name=f"{stem}.md",
                            mime="text/markdown", key="sr_dl_md", width="stretch")
    cols[1].download_button(t("sr_download_html", lang), lambda: to_html(report, lang, report_svg(report, index, lang)),
                            file_name=f"{stem}.html", mime="text/html", key="sr_dl_html", width="stretch")
    cols[2].download_button(t("sr_download_geojson", lang),
                            lambda: json.dumps(report_geojson(report), ensure_ascii=False, indent=1),
                            file_name=f"{stem}.geojson", mime="application/geo+json", key="sr_dl_geojson",
                            width="stretch")


def show(report: Report, index: SiteIndex, lang: str) -> None:
    conflicts = [e for e in report.flags if e.flag == "conflict"]
    cautions = [e for e in report.flags if e.flag == "caution"]
    if conflicts:
        st.error(escape_md(t("sr_summary_conflicts", lang).format(n=len(conflicts),
                                                                  names=_join(conflicts, lang))))
    if cautions:
        st.warning(escape_md(t("sr_summary_cautions", lang).format(n=len(cautions),
                                                                   names=_join(cautions, lang))))
    if report.kind == "point":
        link = f"{site_link(lang)}{report.lon:.6f},{report.lat:.6f}"
        st.caption(f"{t('sr_permalink', lang)}: `{link}`")
    downloads(report, index, lang)
    with st.container(height=620, border=False):
        st.markdown(_markdown(report, lang))


def _markdown(report: Report, lang: str) -> str:
    """The report's Markdown, kept in this session for reruns of the same report and language."""
    kept = st.session_state.get("sr_markdown")
    if kept is not None and kept[0] is report and kept[1] == lang:
        return kept[2]
    text = to_markdown(report, lang)
    st.session_state["sr_markdown"] = (report, lang, text)
    return text
