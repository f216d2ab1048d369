"""Site report: what the plan says about a point or an area (click, coordinates, ?site=lon,lat, drawing, upload)."""
from ui.guard import ensure_navigation

ensure_navigation()

from ui import site_report

site_report.render()
