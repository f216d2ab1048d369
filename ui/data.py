"""Cached access to the layers (reloaded when a file changes) and the site configuration."""
from __future__ import annotations

import logging

import geopandas as gpd
import streamlit as st

from layers import catalog, get_spec, load, paths
from layers.i18n import t
from layers.markdown import escape_md
from layers.catalog import CatalogError, LayerSpec
from layers.config import SiteConfig, load_config
from layers import datafiles
from layers.datafiles import publish
from layers.render import DEFAULT_ASSET_BASE
from layers.loading import LayerError, load_table
from layers.validation import Problem

LOG = logging.getLogger(__name__)


def file_stamp(spec: LayerSpec) -> float:
    """The file's modification time (0 when missing): a cache key that changes when the data does."""
    try:
        return spec.path.stat().st_mtime
    except OSError:
        return 0.0


@st.cache_resource(show_spinner=False, max_entries=256)
def _load_cached(layer_id: str, mtime: float) -> gpd.GeoDataFrame:
    return load(layer_id)


@st.cache_resource(show_spinner=False, max_entries=256)
def _published(layer_id: str, mtime: float) -> tuple[str | None, int]:
    gdf = _load_cached(layer_id, mtime)
    try:
        return DEFAULT_ASSET_BASE + publish(layer_id, gdf), len(gdf)
    except OSError as exc:  # a read-only checkout or an unprivileged server user: embed the data in the map instead
        LOG.warning("cannot write %s (%s): layer %s is sent inside the map page instead; publish the data files "
                    "when building the deployment: python -m layers publish", paths.shown(datafiles.DATA_DIR),
                    type(exc).__name__, layer_id)
        return None, len(gdf)


def published_url(layer_id: str) -> str | None:
    """URL of the layer's data file under /app/static/data/ (written once per content version); None when the
    file cannot be written (the map then carries the layer's data itself)."""
    return _published(layer_id, file_stamp(get_spec(layer_id)))[0]


def feature_count(layer_id: str) -> int:
    return _published(layer_id, file_stamp(get_spec(layer_id)))[1]


def load_layers(specs: list[LayerSpec]) -> tuple[dict[str, gpd.GeoDataFrame], list[Problem]]:
    """The layers that load (cached), and a problem for each that does not — never an exception."""
    layers, problems = {}, []
    for spec in specs:
        try:
            layers[spec.id] = _load_cached(spec.id, file_stamp(spec))
        except LayerError as exc:
            problems.extend(exc.problems)
    return layers, problems


def _catalog(group: str | None = None) -> list[LayerSpec]:
    """Catalog entries; none when the catalog cannot be read (app.py shows that error, naming the file, once)."""
    try:
        return list(catalog(group))
    except CatalogError:
        return []


def specs_for(group: str) -> list[LayerSpec]:
    return [s for s in _catalog(group) if not s.is_table]


def all_specs() -> list[LayerSpec]:
    return [s for s in _catalog() if not s.is_table]


def spec(layer_id: str) -> LayerSpec:
    return get_spec(layer_id)


@st.cache_data(show_spinner=False)
def table(layer_id: str, stamp: float) -> object:
    """A catalog table (parsed JSON); LayerError when broken."""
    return load_table(layer_id)


def load_table_or_warn(layer_id: str, lang: str) -> object | None:
    """The table, or None after a clear warning naming the file and the problem."""
    try:
        return table(layer_id, file_stamp(get_spec(layer_id)))
    except (LayerError, KeyError, CatalogError) as exc:
        st.warning(f"**{t('layer_problem', lang)}** — {escape_md(exc)}", icon="⚠️")
        return None


def basemap_specs() -> list[LayerSpec]:
    return _catalog("basemap")


@st.cache_resource(show_spinner=False)
def site_config() -> SiteConfig:
    return load_config()
