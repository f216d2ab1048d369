"""The tour page's cached view of the one tour loader (layers/tour.py): reloaded when content/tour.json or the
catalog changes."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from layers import paths
from layers.tour import TOUR_FILE, Tour, TourStep, load_tour, plan_text

__all__ = ["PAGE_CSS", "TOUR_FILE", "Tour", "TourStep", "cached_tour", "load_tour"]

# The tour page's CSS (constant, no data): large type for a projector; the arrow-key buttons out of sight. Sent with
# the app's CSS (ui/theme.py); it may still arrive after the first elements (st.html loads lazily), so nothing above
# the map is sized here (the title's size is the theme's, .streamlit/config.toml): only the text beside the map.
PAGE_CSS = """
<style>
.st-key-tour_text p { font-size: clamp(1.4rem, 1.6vw, 2.2rem); line-height: 1.75; color: #1d1d1d; }
.st-key-tour_text_en p { font-size: clamp(1.25rem, 1.35vw, 1.85rem); line-height: 1.55; color: #1d1d1d; }
.st-key-tour_meta p { font-size: clamp(1rem, 1vw, 1.35rem); }
.st-key-tour_arrows { position: absolute !important; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
@media (max-width: 640px) {
  .st-key-tour_text p, .st-key-tour_text_en p { font-size: 1.1rem; }
}
</style>
"""


def _stamp(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@st.cache_data(show_spinner=False, max_entries=4)
def _cached(path: str, mtime: float, catalog_mtime: float) -> Tour:
    return load_tour(Path(path), plan=plan_text())


def cached_tour(path: Path | None = None) -> Tour:
    """load_tour (of TOUR_FILE by default), cached until the tour file or the catalog changes."""
    path = path or TOUR_FILE
    return _cached(str(path), _stamp(path), _stamp(paths.GEODATA / "catalog.json"))
