"""Smoke version of bench/load_test.py: 5 concurrent sessions on one server all draw their maps."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from browser import start_app, stop_app
from conftest import ROOT

pytestmark = pytest.mark.browser


def _load_test_module():
    spec = importlib.util.spec_from_file_location("bench_load_test", ROOT / "bench" / "load_test.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_five_concurrent_sessions_all_draw_their_maps():
    load_test = _load_test_module()
    proc, url = start_app(ROOT)
    try:
        report = load_test.run_load_sync(url, proc.pid, sessions=5, timeout_s=90)
    finally:
        stop_app(proc)
    load_test.print_report(report)  # shown with -s or on failure
    assert len(report.loads) == 10 and {x.session for x in report.loads} == set(range(5))
    assert report.failures == [], [(x.session, x.path, x.error, x.page_errors) for x in report.failures]
    assert all(x.features > 0 for x in report.loads)
    assert {x.path for x in report.loads} >= {"/"} and len({x.path for x in report.loads}) > 1
    assert report.pages_per_second > 0 and report.memory["during"]["rss_mb"] > 0
    assert report.blocked == [], "nothing but loopback was asked for"
