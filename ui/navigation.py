"""The page list (as data): a map page is listed once its catalog group has layers."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    file: str
    title_key: str
    url_path: str
    group: str | None = None  # None: always listed
    has_map: bool = True
    sidebar: str = "auto"  # initial_sidebar_state: "collapsed" keeps the whole width for the map (the tour)


PAGES = (
    PageEntry("pages/overview.py", "page_overview", "overview"),
    PageEntry("pages/tour.py", "page_tour", "tour", sidebar="collapsed"),
    PageEntry("pages/layout.py", "page_layout", "layout", "layout"),
    PageEntry("pages/industry.py", "page_industry", "industry", "industry"),
    PageEntry("pages/ecology.py", "page_ecology", "ecology", "ecology"),
    PageEntry("pages/infrastructure.py", "page_infrastructure", "infrastructure", "infrastructure"),
    PageEntry("pages/site_report.py", "page_site_report", "site_report"),
    PageEntry("pages/indicators.py", "page_indicators", "indicators", has_map=False),
    PageEntry("pages/plan.py", "page_plan", "plan", has_map=False),
    PageEntry("pages/about.py", "page_about", "about", has_map=False),
)


def listed_pages(groups: set[str]) -> list[PageEntry]:
    return [p for p in PAGES if p.group is None or p.group in groups]


def current_pages() -> list[PageEntry]:
    """Every page that is listed with the current catalog."""
    from layers.catalog import catalog

    return listed_pages({s.group for s in catalog()})


def page_files() -> list[str]:
    return [p.file for p in current_pages()]


def sidebar_state(url_path: str) -> str:
    """The initial sidebar state of the page at url_path ("auto" for an unknown path)."""
    return next((p.sidebar for p in PAGES if p.url_path == url_path), "auto")


def page_path(url: str | None) -> str:
    """The url_path of the page an address opens ("http://host/tour?x=1" → "tour"; the root → "overview")."""
    from urllib.parse import urlsplit

    path = urlsplit(url or "").path.strip("/").split("/")[-1]
    return path or "overview"


def url_of(page: PageEntry) -> str:
    return "/" if page.url_path == "overview" else f"/{page.url_path}"
