"""What static/js/sitetools.js needs on every map: its texts in the page's language, the coordinate rules it
shares with layers/coords.py, and where "report for this place" links go (none in the static edition)."""
from __future__ import annotations

from typing import Any

from layers.coords import MAX_TEXT, REGION_BOX
from layers.i18n import t

TOOL_KEYS = ("sr_tool_title", "sr_tool_distance", "sr_tool_area", "sr_tool_report", "sr_tool_draw", "sr_tool_clear",
             "sr_tool_finish", "sr_tool_goto", "sr_tool_goto_placeholder", "sr_tool_hint_distance",
             "sr_tool_hint_area", "sr_tool_hint_report", "sr_tool_hint_draw", "sr_tool_report_here",
             "sr_tool_length", "sr_tool_area_value", "sr_tool_perimeter", "sr_tool_readout", "sr_tool_sending")
PARSE_ERROR_KEYS = ("sr_err_coord_empty", "sr_err_coord_long", "sr_err_coord_text", "sr_err_coord_count",
                    "sr_err_coord_dms", "sr_err_coord_minutes", "sr_err_coord_number", "sr_err_coord_axes",
                    "sr_err_lat_range", "sr_err_lon_range", "sr_err_coord_outside", "sr_note_swapped")


def tools_spec(lang: str, site_link: str | None = None, mode: str = "map") -> dict[str, Any]:
    """The `tools` entry of a map spec. mode "site": clicks and drawings make reports (the site report page)."""
    return {"text": {k: t(k, lang) for k in TOOL_KEYS + PARSE_ERROR_KEYS}, "region": list(REGION_BOX),
            "maxText": MAX_TEXT, "siteLink": site_link, "mode": mode, "lang": lang}
