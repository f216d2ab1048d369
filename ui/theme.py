"""Page-level CSS (a constant; no data is ever inserted): tighter top padding, larger type for presenting."""
import streamlit as st

CSS = """
<style>
.block-container { padding-top: 2.2rem; padding-bottom: 2rem; }
h1 { font-size: 2rem !important; }
@media (max-width: 640px) { .block-container { padding-left: .6rem; padding-right: .6rem; } h1 { font-size: 1.5rem !important; } }
</style>
"""


def apply() -> None:
    st.markdown(CSS, unsafe_allow_html=True)
