"""Every page runs without exception in both languages (AppTest; the map itself is checked in the browser tests)."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ui.navigation import page_files

from conftest import run_app_page

TIMEOUT = 60


def run_page(page: str, lang: str, **params: str) -> AppTest:
    return run_app_page(page, lang, timeout=TIMEOUT, **params)  # conftest's: app.py first, then the page


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", page_files())
def test_page_runs_without_exception(page, lang):
    at = run_page(page, lang)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title, "page has a title"


def test_overview_text_in_both_languages():
    assert run_page("pages/overview.py", "zh").title[0].value == "总览"
    assert run_page("pages/overview.py", "en").title[0].value == "Overview"


def test_unknown_url_parameters_are_ignored_with_a_notice():
    at = run_page("pages/overview.py", "xx", layers="districts,<script>alert(1)</script>", basemap="evil")
    assert not at.exception
    notices = " ".join(str(toast.value) for toast in at.toast)
    assert "lang" in notices and "layers" in notices and "basemap" in notices
    assert at.title[0].value == "总览"  # fell back to Chinese


def test_broken_layer_shows_a_warning_not_a_traceback(monkeypatch, geodata_copy):
    monkeypatch.setenv("DALIAN_GEODATA", str(geodata_copy))
    (geodata_copy / "layers" / "districts.geojson").write_text("{\"type\": \"Featu", encoding="utf-8")
    at = run_page("pages/overview.py", "en")
    assert not at.exception
    assert any("districts.geojson" in w.value.replace("\\", "") for w in at.warning)  # Markdown-escaped
