"""The layout layers of the plan on one map page."""
from ui.guard import ensure_navigation

ensure_navigation()

from ui import map_page

map_page.render("layout", "page_layout")
