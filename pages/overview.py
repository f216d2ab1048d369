"""Overview: the ten districts with their Box 13 functions on the offline basemap."""
from ui.guard import ensure_navigation

ensure_navigation()

from ui import map_page

map_page.render("overview", "page_overview", intro_key="overview_intro")
