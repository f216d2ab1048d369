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


def bench_module(name: str):
    """A script of bench/ (not a package) as a module, e.g. bench_module("proxy_test")."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run_app_page(page: str, lang: str = "en", timeout: float = 60, **params: str):
    """AppTest of one page as a visitor reaches it: app.py first (navigation, sidebar), then the page."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page)
        at.run()
    return at


def page_texts(at) -> list[str]:
    """Every text an AppTest page shows (values, labels, help, messages, widget arguments), for "never shows" checks."""
    out: list[str] = []

    def walk(node) -> None:
        for attr in ("value", "label", "body", "help", "message", "placeholder"):
            try:
                value = getattr(node, attr, None)
            except Exception:  # some elements compute values lazily and may refuse
                value = None
            if isinstance(value, str) and value:
                out.append(value)
        proto = getattr(node, "proto", None)
        if proto is not None and type(node).__name__ == "UnknownElement":
            out.append(str(proto))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return out


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


@pytest.fixture
def offered_files(monkeypatch):
    """fetch(at, label) -> the bytes an AppTest page's download button with that label delivers (a deferred file is
    built as a click would build it). AppTest gives each run a throw-away media manager: this keeps the last one."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import app_test

    managers: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, storage):
            super().__init__(storage)
            managers.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)

    def fetch(at, label: str) -> bytes:
        button = next(b for b in at.get("download_button") if label in str(b.proto.label))
        url = button.proto.url or managers[-1].execute_deferred(button.proto.deferred_file_id)
        return managers[-1]._storage.get_file(url.rsplit("/", 1)[-1].split(".")[0]).content

    return fetch


# Fixtures that change what a cached function would return: data moved to a copy, code or files patched.
CACHE_SPOILERS = frozenset({"geodata_copy", "monkeypatch"})


@pytest.fixture(autouse=True)
def clear_streamlit_caches(request):
    """Streamlit's caches are process-wide and outlive an AppTest. A test that changes data or patches code
    starts and ends with empty caches; the others share them (the same files give the same results, and clearing
    before every test cost ~40% of the fast loop)."""
    import streamlit as st

    def clear() -> None:
        st.cache_data.clear()
        st.cache_resource.clear()

    spoils = bool(CACHE_SPOILERS & set(request.fixturenames))
    if spoils:
        clear()
    yield
    if spoils:
        clear()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, driven by Playwright) for every browser test in the run."""
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


class LiveApp(str):
    """The base URL (no final /) of a running app; .log holds the server's output so far."""

    log: list[str]


@pytest.fixture(scope="session")
def live_app():
    """The app (this checkout) served once for the browser tests that share it. Its output is read all along (a
    full pipe would stall the server) and kept for tests that check what it logs."""
    import threading

    from browser import start_app, stop_app

    proc, url = start_app(ROOT)
    app = LiveApp(url.rstrip("/"))
    app.log = []
    threading.Thread(target=lambda: app.log.extend(iter(proc.stdout.readline, "")), daemon=True).start()
    yield app
    stop_app(proc)
