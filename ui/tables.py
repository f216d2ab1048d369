"""Static tables of data, safe for data text: an HTML table with its own CSS, for the about and indicators pages.

Not st.table or st.dataframe: st.table renders every cell as Markdown (a crafted cell could fetch an image) and
st.dataframe loads the data grid. Not a Markdown table either: it is laid out before the page CSS arrives (st.html
loads lazily), so a wide one first overflowed a phone and then reflowed when its CSS came (layout shift 0.11–0.22).
A table and HTML_TABLE_CSS go into one st.html (html_table; a page with several tables puts the CSS once before
them), so a table is never seen without its CSS; st.html being lazy itself, a page puts it last, where its arrival
pushes nothing down. Every header and cell is
HTML-escaped (st.html does no Markdown: no links, no images).
"""
from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

HTML_TABLE_CSS = """<style>
.pm-datatable { width: 100%; border-collapse: collapse; font-size: 14px; line-height: 1.4; color: #1d1d1d;
  margin: 0.4rem 0 0.8rem; }
.pm-datatable th, .pm-datatable td { border: 1px solid #d9dce1; padding: 0.3rem 0.45rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
.pm-datatable thead th { background: #f4f5f7; font-weight: 600; }
@media (max-width: 640px) { .pm-datatable { table-layout: fixed; font-size: 13px; }
  .pm-datatable th, .pm-datatable td { padding: 0.25rem; } }
</style>"""


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def html_table_markup(frame: pd.DataFrame, key: str) -> str:
    """The frame as an HTML table of escaped text, without the index; key names it (data-key). Its CSS is
    HTML_TABLE_CSS, to go into the same st.html."""
    head = "".join(f'<th scope="col">{escape(_text(c))}</th>' for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(_text(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False, name=None))
    return (f'<table class="pm-datatable" data-key="{escape(key)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def html_table(frame: pd.DataFrame, key: str) -> None:
    """A table of data as plain text, with its own CSS: place it last on its page (see the module's docstring)."""
    st.html(HTML_TABLE_CSS + html_table_markup(frame, key))
