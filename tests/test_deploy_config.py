"""deploy/nginx.conf lets every page of the app through (fast; the real nginx runs in tests/test_proxy.py).

The page list lives in ui/navigation.py; the proxy's allow-list is a regular expression in the config, so a page
added to the app without a line in the config would answer 404 behind the proxy only."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, bench_module
from ui.navigation import PAGES, url_of

CONFIG = ROOT / "deploy" / "nginx.conf"


def page_locations() -> list[re.Pattern]:
    """The regex locations that proxy a page (the ones that are neither assets nor Streamlit's own paths)."""
    text = CONFIG.read_text(encoding="utf-8")
    return [re.compile(m.group(1)) for m in re.finditer(r"location ~ (\^/[()a-z_|/?]+\$) \{", text)]


def test_every_page_of_the_app_passes_the_proxy():
    locations = page_locations()
    assert locations, "deploy/nginx.conf has a location listing the app's pages"
    paths = [url_of(page) for page in PAGES]
    blocked = [p for p in paths if not any(loc.match(p) for loc in locations)]
    assert blocked == [], f"pages the proxy would answer with 404: {blocked} (add them to deploy/nginx.conf)"


def test_nginx_accepts_the_shipped_configuration(tmp_path):
    """`nginx -t` on deploy/nginx.conf with only its addresses changed (fast: no app, no browser). A regex with
    "{" must be quoted in nginx; an unquoted one made the whole proxy refuse to start."""
    proxy_test = bench_module("proxy_test")
    if not Path(proxy_test.NGINX).exists():
        pytest.skip("nginx is not installed here (.ci/run installs it; tests/test_proxy.py then requires it)")
    (tmp_path / "cache").mkdir()
    assert proxy_test.write_config(tmp_path, 8080, [8501, 8502])[0] == "-p"  # raises with nginx's message
