"""Streamlit glue shared by the pages: URL state, sidebar, cached data, the map page."""
