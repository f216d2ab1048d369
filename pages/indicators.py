"""The plan's indicator tables as charts: 十四五 main indicators (2020 → 2025) and 十三五 completion.

A light page: the charts are plain HTML cards (layers/indicator_cards.py) and the tables Markdown tables (ui/tables.py), so the
browser loads neither a charting library nor the data grid."""
from __future__ import annotations

from ui.guard import ensure_navigation

ensure_navigation()

import pandas as pd
import streamlit as st

from layers.i18n import t
from layers.indicator_cards import cards_html
from layers.indicators import completion_13th_long, plan_14th_long, unit_label
from layers.markdown import escape_md
from layers.sources import source_label
from ui import data
from ui.tables import static_table


def small_multiples(records: list[dict], series_order: list[str]) -> None:
    """One small bar chart per indicator, in plan order, on its own scale, in a row that wraps to the screen."""
    if records:
        st.html(cards_html(records, series_order))


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
    st.header(escape_md(plan.get(f"title_{lang}") or plan.get("title_zh", "")))
    st.caption(escape_md(f"{t('source', lang)} {source_label(plan.get('source', ''), lang)}"))
    records = plan_14th_long(plan, lang)
    st.caption(t("chart_reading_14th", lang))
    small_multiples(records, sorted({r["series"] for r in records}))
    static_table(table_frame(plan.get("rows", []), [("no", "col_no"), ("category_zh", "col_category"),
                                                   ("name", "col_indicator"), ("unit", "col_unit"),
                                                   ("value_2020", "col_2020"), ("target_2025", "col_2025"),
                                                   ("avg_annual_growth", "col_growth"), ("attribute", "attribute")],
                             lang), key="plan_14th")
    st.caption(escape_md(plan.get(f"footnotes_{lang}") or plan.get("footnotes_zh", "")))

    done = tables.get("completion_13th", {})
    st.header(escape_md(done.get(f"title_{lang}") or done.get("title_zh", "")))
    st.caption(escape_md(f"{t('source', lang)} {source_label(done.get('source', ''), lang)}"))
    records = completion_13th_long(done, lang)
    order = [s for s in (["2015", "2020 target", "2020 actual"] if lang == "en" else ["2015年", "2020年目标", "2020年实际"])]
    st.caption(t("chart_reading_13th", lang))
    small_multiples(records, order)
    static_table(table_frame(done.get("rows", []), [("no", "col_no"), ("category_zh", "col_category"),
                                                   ("indicator", "col_indicator"), ("sub_indicator", "col_sub"),
                                                   ("unit", "col_unit"), ("value_2015", "col_2015"),
                                                   ("target_2020", "col_target_2020"),
                                                   ("actual_2020", "col_actual_2020"), ("attribute", "attribute")],
                             lang), key="completion_13th")
    st.caption(escape_md(done.get(f"footnotes_{lang}") or done.get("footnotes_zh", "")))
    st.caption(t("indicators_transcription", lang))
