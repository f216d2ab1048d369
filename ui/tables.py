"""Static tables of data: a Markdown table, drawn with the page's first elements, safe for data text.

Not st.table: its component loads lazily, so everything below it was drawn first under a 40 px placeholder and then
pushed down when the table arrived (layout shift 0.1–0.3 on the about and indicators pages), and it renders every
cell as Markdown anyway. Here every header and cell goes through layers.markdown.escape_md (the one escaping
function for Markdown sinks: no links, no images, `|` escaped), in a container the page CSS fits to a phone.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from layers.markdown import escape_md


def _cell(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else escape_md(value)


def markdown_table(frame: pd.DataFrame) -> str:
    """The frame as a GitHub-flavoured Markdown table of escaped text, without the index."""
    lines = ["| " + " | ".join(_cell(c) for c in frame.columns) + " |", "|" + " --- |" * len(frame.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False, name=None)]
    return "\n".join(lines)


def static_table(frame: pd.DataFrame, key: str) -> None:
    """A table of data as plain text; key names its container (class st-key-datatable_<key>)."""
    with st.container(key=f"datatable_{key}"):
        st.markdown(markdown_table(frame))
