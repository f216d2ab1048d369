"""The ecology layers of the plan on one map page."""
from ui import map_page

map_page.render("ecology", "page_ecology")
