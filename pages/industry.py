"""The industry layers of the plan on one map page."""
from ui import map_page

map_page.render("industry", "page_industry")
