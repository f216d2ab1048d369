"""The floor for the benchmark: an empty folium map in Streamlit (local Leaflet, no tiles, no data)."""
import folium
import streamlit as st
from streamlit_folium import st_folium

from layers.render import DEFAULT_ASSET_BASE

st.set_page_config(layout="wide")
st.title("Empty map")
fmap = folium.Map(location=[39.2, 122.0], zoom_start=8, tiles=None)
fmap.default_js = [("leaflet", DEFAULT_ASSET_BASE + "vendor/leaflet/leaflet.js")]
fmap.default_css = [("leaflet_css", DEFAULT_ASSET_BASE + "vendor/leaflet/leaflet.css")]
st_folium(fmap, height=640, use_container_width=True, returned_objects=[], key="empty")
