"""The infrastructure layers of the plan on one map page."""
from ui import map_page

map_page.render("infrastructure", "page_infrastructure")
