"""Make sure every page runs inside app.py's navigation, also when a deep link is the server's first request.

Streamlit sees the `pages/` folder and, until the first `st.navigation` call in the process, serves a deep link
such as /industry by running pages/industry.py alone (its old multipage mode): no language switch, no page list.
If that happens, switch the old mode off and rerun, so app.py runs and routes to the same page.
"""
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_navigation() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
