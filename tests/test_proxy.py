"""The shipped reverse-proxy configuration (deploy/nginx.conf) with Debian's nginx in front of two app processes:
headers, blocked paths, CSP in the browser, steady desktop pages, and a few concurrent sessions (bench/proxy_test.py runs 50)."""
from __future__ import annotations

from pathlib import Path

import pytest

from browser import in_own_thread
from conftest import bench_module

pytestmark = pytest.mark.browser


def test_the_proxy_serves_only_what_the_app_needs_with_security_headers_and_sticky_sessions():
    proxy_test = bench_module("proxy_test")
    if not Path(proxy_test.NGINX).exists():
        pytest.fail("nginx is not installed: apt-get install -y nginx (.ci/run installs it)")
    result = proxy_test.Result()

    def run() -> None:  # in its own thread: the session's browser fixture holds this thread's event loop
        proxy = proxy_test.start_proxy()
        try:
            proxy_test.check_headers(proxy, result)
            proxy_test.check_paths(proxy, result)
            proxy_test.check_browser(proxy, result)
            proxy_test.check_steady(proxy, result)
            proxy_test.check_component(proxy, result)
            proxy_test.check_load(proxy, result, sessions=6, timeout_s=180)
        finally:
            proxy_test.stop_proxy(proxy)

    in_own_thread(run)
    proxy_test.print_result(result)  # shown with -s or on failure
    assert result.failures == [], result.failures
