"""Static tables of data, safe for data text: an HTML table with its own CSS, for the about and indicators pages.

Not st.table or st.dataframe: st.table renders every cell as Markdown (a crafted cell could fetch an image) and
st.dataframe loads the data grid. Not a Markdown table either: it is laid out before the page CSS arrives (st.html
loads lazily), so a wide one first overflowed a phone and then reflowed when its CSS came (layout shift 0.11–0.22).
A table and HTML_TABLE_CSS go into one st.html (html_table; a page with several tables puts the CSS once before
them), so a table is never seen without its CSS; st.html being lazy itself, a page puts it last, where its arrival
pushes nothing down. Every header and cell is HTML-escaped (st.html does no Markdown: no links, no images).

On a phone (≤ 640 px) eight columns do not fit without breaking words mid-word, so each row becomes a card: one line
per cell, its column's name before it (data-label, drawn by CSS and not read twice: `content: … / ""`). The roles
are written out because a table drawn as blocks loses its table semantics in some browsers.
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
@media (max-width: 640px) {
  .pm-datatable, .pm-datatable tbody, .pm-datatable tr { display: block; width: 100%; }
  .pm-datatable thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
    white-space: nowrap; }
  .pm-datatable tr { border: 1px solid #d9dce1; border-radius: 4px; margin: 0 0 0.6rem; padding: 0.2rem 0; }
  .pm-datatable td { border: 0; padding: 0.15rem 0.5rem; display: grid; width: 100%; grid-template-columns: 38% 1fr;
    column-gap: 0.5rem; box-sizing: border-box; }
  .pm-datatable td::before { content: attr(data-label); content: attr(data-label) / ""; font-weight: 600;
    color: #3d3d3d; }
  .pm-datatable td:empty { display: none; } }
</style>"""


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def html_table_markup(frame: pd.DataFrame, key: str) -> str:
    """The frame as an HTML table of escaped text, without the index; key names it (data-key). Its CSS is
    HTML_TABLE_CSS, to go into the same st.html."""
    labels = [escape(_text(c)) for c in frame.columns]
    head = "".join(f'<th scope="col" role="columnheader">{label}</th>' for label in labels)
    body = "".join('<tr role="row">' + "".join(f'<td role="cell" data-label="{label}">{escape(_text(v))}</td>'
                                               for label, v in zip(labels, row)) + "</tr>"
                   for row in frame.itertuples(index=False, name=None))
    return (f'<table class="pm-datatable" role="table" data-key="{escape(key)}"><thead role="rowgroup">'
            f'<tr role="row">{head}</tr></thead><tbody role="rowgroup">{body}</tbody></table>')


def html_table(frame: pd.DataFrame, key: str) -> None:
    """A table of data as plain text, with its own CSS: place it last on its page (see the module's docstring)."""
    st.html(HTML_TABLE_CSS + html_table_markup(frame, key))
