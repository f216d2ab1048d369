"""The plan's indicator tables as charts: 十四五 main indicators (2020 → 2025) and 十三五 completion."""
from __future__ import annotations

from ui.guard import ensure_navigation

ensure_navigation()

import altair as alt
import pandas as pd
import streamlit as st

from layers.i18n import t
from layers.markdown import escape_md
from layers.indicators import completion_13th_long, plan_14th_long, unit_label
from ui import data

ATTRIBUTE_COLOURS = {"binding": "#b2182b", "expected": "#2166ac", "": "#888888"}


def small_multiples(records: list[dict], lang: str, series_order: list[str]) -> alt.Chart:
    """One small bar chart per indicator (each with its own scale): values compared within an indicator only."""
    frame = pd.DataFrame(records)
    frame["attribute_label"] = frame["attribute"].map(lambda a: t(f"attr_{a or 'none'}", lang))
    base = alt.Chart(frame).encode(
        x=alt.X("series:N", sort=series_order, title=None, axis=alt.Axis(labelAngle=0, labelFontSize=11)),
        y=alt.Y("value:Q", title=None, axis=alt.Axis(labelFontSize=10, tickCount=3)),
    )
    bars = base.mark_bar(size=26).encode(
        color=alt.Color("attribute_label:N", title=t("attribute", lang),
                        scale=alt.Scale(domain=[t("attr_binding", lang), t("attr_expected", lang), t("attr_none", lang)],
                                        range=[ATTRIBUTE_COLOURS["binding"], ATTRIBUTE_COLOURS["expected"], "#888888"])),
        opacity=alt.condition(alt.datum.series == series_order[0], alt.value(0.45), alt.value(1.0)),
        tooltip=["indicator:N", "series:N", "text:N", "attribute_label:N"],
    )
    labels = base.mark_text(dy=-7, fontSize=11).encode(text="text:N")
    return (bars + labels).properties(width=150, height=120).facet(
        facet=alt.Facet("indicator:N", title=None, header=alt.Header(labelFontSize=11, labelLimit=230),
                        sort=alt.SortField("no")),
        columns=4).resolve_scale(y="independent")


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
    st.caption(escape_md(f"{t('source', lang)} {plan.get('source', '')}"))
    records = plan_14th_long(plan, lang)
    st.caption(t("chart_reading_14th", lang))
    st.altair_chart(small_multiples(records, lang, sorted({r["series"] for r in records})), use_container_width=False)
    st.dataframe(table_frame(plan.get("rows", []), [("no", "col_no"), ("category_zh", "col_category"),
                                                   ("name", "col_indicator"), ("unit", "col_unit"),
                                                   ("value_2020", "col_2020"), ("target_2025", "col_2025"),
                                                   ("avg_annual_growth", "col_growth"), ("attribute", "attribute")],
                             lang), hide_index=True, use_container_width=True)
    st.caption(escape_md(plan.get(f"footnotes_{lang}") or plan.get("footnotes_zh", "")))

    done = tables.get("completion_13th", {})
    st.header(escape_md(done.get(f"title_{lang}") or done.get("title_zh", "")))
    st.caption(escape_md(f"{t('source', lang)} {done.get('source', '')}"))
    records = completion_13th_long(done, lang)
    order = [s for s in (["2015", "2020 target", "2020 actual"] if lang == "en" else ["2015年", "2020年目标", "2020年实际"])]
    st.caption(t("chart_reading_13th", lang))
    st.altair_chart(small_multiples(records, lang, order), use_container_width=False)
    st.dataframe(table_frame(done.get("rows", []), [("no", "col_no"), ("category_zh", "col_category"),
                                                   ("indicator", "col_indicator"), ("sub_indicator", "col_sub"),
                                                   ("unit", "col_unit"), ("value_2015", "col_2015"),
                                                   ("target_2020", "col_target_2020"),
                                                   ("actual_2020", "col_actual_2020"), ("attribute", "attribute")],
                             lang), hide_index=True, use_container_width=True)
    st.caption(escape_md(done.get(f"footnotes_{lang}") or done.get("footnotes_zh", "")))
    st.caption(t("indicators_transcription", lang))
