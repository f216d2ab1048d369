"""Ecology: 一脊多廊、六水汇海 on land, 一核两翼一基地 at sea, protected places, reservoirs — with the plan's targets."""
from __future__ import annotations

from ui.guard import ensure_navigation

ensure_navigation()

import streamlit as st

from layers.i18n import pick, t
from layers.markdown import escape_md
from layers.sources import source_label
from ui import data, map_page

COMPARATOR_TEXT = {"=": "", "≤": "≤ ", "<": "< ", "≥": "≥ ", ">": "> "}


def targets_panel(lang: str, layers) -> None:
    targets = data.load_table_or_warn("ecology_targets", lang)
    if not isinstance(targets, list):
        return
    st.header(t("targets", lang))
    for target in targets:
        number = target.get("value")
        number = f"{number:g}" if isinstance(number, (int, float)) else str(number)
        value = f"{COMPARATOR_TEXT.get(target.get('comparator', '='), '')}{number} {target.get('unit', '')}"
        quote = f" — {target['quote_zh']}" if target.get("quote_zh") else ""
        source = source_label(target.get("source", ""), lang)
        st.metric(escape_md(pick(target, "label", lang)), value.strip(),
                  help=escape_md(f"{t('source', lang)} {source}{quote}"))
        st.caption(escape_md(f"{t('source', lang)} {source}"))


map_page.render("ecology", "page_ecology", intro_key="ecology_intro", side_panel=targets_panel)
