"""The indicator charts as plain HTML: one small card per indicator, each a table of bars on its own scale.

Lighter than a charting library (no Vega, no canvas: the page needs no script at all), readable by screen readers
(each card is a table with a caption), and sized by CSS: a phone shows one card per row, a desktop four or more.
All text from the data is HTML-escaped; the numbers only set bar widths.
"""
from __future__ import annotations

from html import escape
from typing import Any

ATTRIBUTE_COLOURS = {"binding": "#b2182b", "expected": "#2166ac", "": "#6b6b6b"}

CSS = """<style>
.ind-cards { display: flex; flex-wrap: wrap; gap: 12px 16px; margin: 4px 0 12px; }
.ind-card { flex: 0 1 250px; max-width: 100%; box-sizing: border-box; border: 1px solid #d9dce1; border-radius: 6px;
  padding: 8px 10px; background: #fff; font-size: 13px; color: #1d1d1d; }
.ind-card caption { caption-side: top; text-align: left; font-size: 13px; line-height: 1.35; padding-bottom: 6px;
  color: #1d1d1d; }
.ind-card table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0; }
.ind-card th { width: 34%; font-weight: 400; text-align: left; font-size: 12px; color: #3d3d3d; padding: 2px 6px 2px 0;
  border: 0; }
.ind-card td { padding: 2px 0; border: 0; }
.ind-bar { display: flex; align-items: center; gap: 6px; }
.ind-bar span.ind-fill { display: inline-block; height: 14px; border-radius: 2px; min-width: 2px; }
.ind-bar span.ind-base { opacity: .5; }
.ind-bar span.ind-value { font-size: 12px; white-space: nowrap; color: #1d1d1d; }
</style>"""


def _card(rows: list[dict[str, Any]], series_order: list[str]) -> str:
    """One indicator: a caption and a bar per series, scaled to the largest absolute value of this indicator."""
    rows = sorted(rows, key=lambda r: series_order.index(r["series"]) if r["series"] in series_order else 99)
    top = max((abs(r["value"]) for r in rows), default=0) or 1
    body = []
    for r in rows:
        colour = ATTRIBUTE_COLOURS.get(r.get("attribute") or "", ATTRIBUTE_COLOURS[""])
        width = max(2.0, 100 * abs(r["value"]) / top) * 0.72  # the bar takes at most 72 % of its cell: room for text
        base = " ind-base" if series_order and r["series"] == series_order[0] else ""
        body.append(f'<tr><th scope="row">{escape(str(r["series"]))}</th><td><div class="ind-bar">'
                    f'<span class="ind-fill{base}" style="width:{width:.1f}%;background:{colour}"></span>'
                    f'<span class="ind-value">{escape(str(r["text"]))}</span></div></td></tr>')
    return (f'<div class="ind-card"><table><caption>{escape(str(rows[0]["indicator"]))}</caption>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def cards_html(records: list[dict[str, Any]], series_order: list[str]) -> str:
    """Every indicator of records (plan order), as cards in a wrapping row, with their CSS."""
    by_indicator: dict[str, list[dict[str, Any]]] = {}
    for record in sorted(records, key=lambda r: (r.get("no") or 0)):
        by_indicator.setdefault(record["indicator"], []).append(record)
    cards = "".join(_card(rows, series_order) for rows in by_indicator.values())
    return f'{CSS}<div class="ind-cards">{cards}</div>'
