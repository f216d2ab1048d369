"""Helpers for browser tests: start the app on a free port, open pages in Debian's headless Chromium (as a desktop
or as a phone), wait for the map, and record every request that would leave this machine."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def in_own_thread(work):
    """work()'s result, run in a new thread. The session's sync Playwright (the `browser` fixture) keeps an event
    loop running in the main thread, where asyncio.run() and a second sync_playwright() are refused."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(app_dir: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run app.py` in app_dir; returns the process and its base URL once the port answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=app_dir, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc, f"http://127.0.0.1:{port}/"
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read()}")
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not open its port within 60 s")


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@dataclass
class PageVisit:
    """What happened while one page was open."""

    features: int = 0
    seconds_to_map: float | None = None
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    exceptions: int = 0
    text: str = ""


def map_frame_features(page) -> int:
    for frame in page.frames:
        try:
            if frame.query_selector(".leaflet-container"):
                return len(frame.query_selector_all(".leaflet-interactive, .leaflet-marker-icon"))
        except Exception:  # frames come and go while Streamlit reruns
            pass
    return 0


def visit(browser, url: str, *, wait_s: float = 30.0, viewport=(1440, 900), settle_ms: int = 800) -> tuple[PageVisit, object]:
    """Open url, wait for drawn map features, and record errors and any request that leaves this machine."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    result = PageVisit()
    page.on("pageerror", lambda e: result.page_errors.append(str(e)[:300]))
    page.on("request", lambda r: result.outside_requests.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", "localhost", None)
            and not r.url.startswith(("data:", "blob:", "about:")) else None)
    t0 = time.perf_counter()
    page.goto(url)
    while time.perf_counter() - t0 < wait_s:
        n = map_frame_features(page)
        if n:
            result.features, result.seconds_to_map = n, time.perf_counter() - t0
            break
        page.wait_for_timeout(50)
    page.wait_for_timeout(settle_ms)
    result.exceptions = len(page.query_selector_all("[data-testid='stException']"))
    result.text = page.inner_text("body")
    return result, page


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def is_outside(url: str) -> bool:
    return (urlparse(url).hostname not in ("127.0.0.1", "localhost", None)
            and not url.startswith(("data:", "blob:", "about:")))


def new_context(browser, device: dict):
    """A fresh browser context (no cookies, no local storage) as DESKTOP or PHONE; context.outside lists every
    request that tried to leave this machine (they are blocked)."""
    context = browser.new_context(**device)
    context.outside = []

    def guard(route):
        if is_outside(route.request.url):
            context.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    return context


def map_frame(page, timeout_ms: int = 40_000):
    """The frame whose map has finished drawing (planmap.js sets data-planmap-features)."""
    for _ in range(timeout_ms // 100):
        for frame in page.frames:
            try:
                if frame.evaluate("() => document.documentElement.hasAttribute('data-planmap-features')"):
                    return frame
            except Exception:  # frames come and go while Streamlit reruns
                pass
        page.wait_for_timeout(100)
    raise AssertionError("map never finished drawing")


def settle(page):
    """Wait until Streamlit has finished its rerun."""
    page.wait_for_timeout(400)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(400)


def map_view(frame) -> list[float]:
    """[lat, lon, zoom] of the drawn map."""
    return frame.evaluate("() => { const m = window.PlanMap.map, c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; }")


def frame_box(page) -> dict:
    """The map frame's box in the page (px)."""
    return page.locator("iframe[title='streamlit_folium.st_folium']").first.bounding_box()


def stable_view(page, quiet_ms: int = 1500, timeout_ms: int = 40_000) -> list[float]:
    """[lat, lon, zoom] once Streamlit has rerun and the drawn map has stopped moving for quiet_ms (the map frame
    is redrawn after a rerun, and the new map then fits, opens a cluster, pans for a popup...)."""
    settle(page)
    last, since, waited = None, 0, 0
    while waited < timeout_ms:
        try:
            view = map_view(map_frame(page, timeout_ms=timeout_ms))
        except Exception:  # the frame was redrawn while we looked
            view = None
        if view is not None and view == last:
            since += 100
            if since >= quiet_ms:
                return view
        else:
            last, since = view, 0
        page.wait_for_timeout(100)
        waited += 100
    raise AssertionError("the map never settled")
