"""The plan's indicator tables as charts: 十四五 main indicators (2020 → 2025) and 十三五 completion.

A light page: the charts are plain HTML cards (layers/indicator_cards.py) and the tables HTML tables
(ui/tables.py), so the browser loads neither a charting library nor the data grid. Below the title and intro the
page is one st.html: it loads lazily, and anything drawn below or inside a lazy part before it arrived was pushed
down or reflowed when it came (layout shift 0.40 from the cards, 0.11 from a table that met its phone CSS late);
one part at the end of the page moves nothing. Every text from the data is HTML-escaped.
"""
from __future__ import annotations

from ui.guard import ensure_navigation

ensure_navigation()

from html import escape

import pandas as pd
import streamlit as st

from layers.i18n import t
from layers.indicator_cards import cards_html
from layers.indicators import completion_13th_long, plan_14th_long, unit_label
from layers.sources import source_label
from ui import data
from ui.tables import HTML_TABLE_CSS, html_table_markup

CAPTION = '<p class="pm-ind-caption">{}</p>'
PAGE_CSS = """<style>
.pm-ind h2 { font-size: 1.5rem; font-weight: 600; line-height: 1.3; margin: 1.6rem 0 0.5rem; color: #1d1d1d; }
.pm-ind-caption { font-size: 0.875rem; color: #55585e; margin: 0.4rem 0 0.6rem; line-height: 1.5; }
</style>"""


def section(table: dict, lang: str, frame: pd.DataFrame, key: str, chart_note: str, records: list[dict],
            series_order: list[str]) -> str:
    """One plan table: its title, source, the table, footnotes and the charts, as HTML."""
    title = table.get(f"title_{lang}") or table.get("title_zh", "")
    notes = table.get(f"footnotes_{lang}") or table.get("footnotes_zh", "")
    parts = [f"<h2>{escape(title)}</h2>",
             CAPTION.format(escape(f"{t('source', lang)} {source_label(table.get('source', ''), lang)}")),
             html_table_markup(frame, key), CAPTION.format(escape(notes)), CAPTION.format(escape(chart_note))]
    if records:
        parts.append(cards_html(records, series_order))
    return "".join(parts)


def table_frame(rows: list[dict], columns: list[tuple[str, str]], lang: str) -> pd.DataFrame:
    out = []
    for row in rows:
        record = {}
        for key, label_key in columns:
            value = row.get(key)
            if key == "unit":
                value = unit_label(value, lang)
            elif key == "attribute":
                value = t(f"attr_{value or 'none'}", lang)
            elif key in ("name", "indicator", "sub_indicator"):
                value = row.get(f"{key}_{lang}") or row.get(f"{key}_zh")
            record[t(label_key, lang)] = "" if value is None else str(value)
        out.append(record)
    return pd.DataFrame(out)


lang = st.session_state.get("lang", "zh")
st.title(t("page_indicators", lang))
st.caption(t("indicators_intro", lang))
tables = data.load_table_or_warn("indicators", lang)
if isinstance(tables, dict):
    plan = tables.get("plan_14th", {})
    records = plan_14th_long(plan, lang)
    first = section(plan, lang, table_frame(plan.get("rows", []), [
        ("no", "col_no"), ("category_zh", "col_category"), ("name", "col_indicator"), ("unit", "col_unit"),
        ("value_2020", "col_2020"), ("target_2025", "col_2025"), ("avg_annual_growth", "col_growth"),
        ("attribute", "attribute")], lang), "plan_14th", t("chart_reading_14th", lang), records,
        sorted({r["series"] for r in records}))
    done = tables.get("completion_13th", {})
    order = ["2015", "2020 target", "2020 actual"] if lang == "en" else ["2015年", "2020年目标", "2020年实际"]
    second = section(done, lang, table_frame(done.get("rows", []), [
        ("no", "col_no"), ("category_zh", "col_category"), ("indicator", "col_indicator"),
        ("sub_indicator", "col_sub"), ("unit", "col_unit"), ("value_2015", "col_2015"),
        ("target_2020", "col_target_2020"), ("actual_2020", "col_actual_2020"), ("attribute", "attribute")], lang),
        "completion_13th", t("chart_reading_13th", lang), completion_13th_long(done, lang), order)
    st.html(f'{PAGE_CSS}{HTML_TABLE_CSS}<div class="pm-ind">{first}{second}'
            f'{CAPTION.format(escape(t("indicators_transcription", lang)))}</div>')
