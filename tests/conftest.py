"""Shared fixtures: a throw-away copy of geodata/ to break, and clean Streamlit caches between AppTests."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def copy_app(target: Path) -> Path:
    """A throw-away copy of the app (code, data, assets) for a test to break."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.png", "build"))
    return target


def rewrite_json(path: Path, change) -> None:
    """Load a JSON file, let change(data) edit it in place, write it back."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def geodata_copy(tmp_path, monkeypatch):
    """A copy of geodata/ that the layers package reads instead of the real one."""
    from layers import paths, validation

    catalog = sys.modules["layers.catalog"]  # the module (the package re-exports a function of that name)

    target = tmp_path / "geodata"
    shutil.copytree(ROOT / "geodata", target)
    monkeypatch.setattr(paths, "GEODATA", target)
    catalog._cached.cache_clear()
    validation.dalian_extent.cache_clear()
    yield target
    catalog._cached.cache_clear()
    validation.dalian_extent.cache_clear()


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, driven by Playwright) for every browser test in the run."""
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()
