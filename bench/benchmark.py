"""Benchmark every page against the floor (an empty folium map in Streamlit), in one run on this machine.

Prints, per page: time to first drawn map in headless Chromium, time until all features are drawn, bytes sent
to the browser (HTTP transferred/decoded and WebSocket payload, where Streamlit ships the map), server time of a
warm rerun (AppTest), and the server's peak memory. Median of --runs cold page loads (fresh browser context).

    python bench/benchmark.py            # all pages
    python bench/benchmark.py --page /   # the overview only
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser import launch, start_app, stop_app  # noqa: E402
from ui.navigation import current_pages, url_of  # noqa: E402

FLOOR = "floor (empty folium map)"


def page_paths() -> list[tuple[str, str]]:
    return [(url_of(p), p.file) for p in current_pages() if p.has_map]


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_load(browser, url: str, timeout_s: float = 40.0, context=None) -> dict[str, float]:
    """One page load; in a fresh browser context (first visit) unless one is given (repeat visit, warm cache)."""
    own = context is None
    context = context or browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    totals = {"http_transferred": 0, "http_decoded": 0, "ws_payload": 0}
    cdp.on("Network.loadingFinished", lambda e: totals.__setitem__(
        "http_transferred", totals["http_transferred"] + e.get("encodedDataLength", 0)))
    cdp.on("Network.dataReceived", lambda e: totals.__setitem__(
        "http_decoded", totals["http_decoded"] + e.get("dataLength", 0)))
    cdp.on("Network.webSocketFrameReceived", lambda e: totals.__setitem__(
        "ws_payload", totals["ws_payload"] + len(e["response"].get("payloadData", ""))))
    t0 = time.perf_counter()
    page.goto(url)
    first = drawn = None
    while time.perf_counter() - t0 < timeout_s and drawn is None:
        for frame in page.frames:
            try:
                if first is None and frame.query_selector(".leaflet-container .leaflet-map-pane"):
                    first = time.perf_counter() - t0
                if first is not None and frame.evaluate(
                        "() => document.documentElement.getAttribute('data-planmap-features') !== null"
                        " || !window.PlanMap"):
                    drawn = time.perf_counter() - t0
            except Exception:
                pass
        page.wait_for_timeout(20)
    page.wait_for_timeout(500)  # let late responses be counted
    page.close()
    if own:
        context.close()
    return {"first_map_s": first or float("nan"), "all_drawn_s": drawn or float("nan"), **totals}


def warm_rerun_ms(app_file: str, page_file: str | None, runs: int = 5) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / app_file), default_timeout=60)
    at.run()
    if page_file and not page_file.endswith("overview.py"):
        at.switch_page(page_file)
        at.run()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def floor_app_dir() -> Path:
    """A throw-away app folder with the floor page and the same static assets."""
    tmp = Path(tempfile.mkdtemp(prefix="floor_"))
    shutil.copytree(ROOT / "static", tmp / "static")
    shutil.copytree(ROOT / ".streamlit", tmp / ".streamlit")
    shutil.copy(ROOT / "bench" / "empty_map_app.py", tmp / "app.py")
    shutil.copytree(ROOT / "layers", tmp / "layers")
    shutil.copytree(ROOT / "geodata", tmp / "geodata")
    return tmp


def run(args: argparse.Namespace) -> list[dict]:
    from playwright.sync_api import sync_playwright

    pages = [p for p in page_paths() if not args.page or p[0] in args.page]
    rows = []
    with sync_playwright() as pw:
        browser = launch(pw)
        for label, app_dir, targets in ((FLOOR, floor_app_dir(), [("/", None)]), ("app", ROOT, pages)):
            proc, base = start_app(app_dir)
            try:
                for path, page_file in targets:
                    url = base.rstrip("/") + path
                    measure_load(browser, url)  # warm the server's caches once; then measure cold browsers
                    loads = [measure_load(browser, url) for _ in range(args.runs)]
                    row = {"page": FLOOR if label == FLOOR else path}
                    for key in loads[0]:
                        row[key] = statistics.median(x[key] for x in loads)
                    context = browser.new_context(viewport={"width": 1440, "height": 900})
                    measure_load(browser, url, context=context)
                    repeat = measure_load(browser, url, context=context)
                    context.close()
                    row["repeat_http"] = repeat["http_transferred"]
                    row["peak_mem_mb"] = peak_memory_mb(proc.pid)
                    rows.append(row)
            finally:
                stop_app(proc)
            if label == FLOOR:
                rows[-1]["warm_rerun_ms"] = float("nan")
        browser.close()
    for row in rows:
        if row["page"] != FLOOR:
            page_file = dict(page_paths())[row["page"]]
            row["warm_rerun_ms"] = warm_rerun_ms("app.py", page_file)
    return rows


def print_table(rows: list[dict]) -> None:
    floor = next(r for r in rows if r["page"] == FLOOR)
    header = ("| page | first map s | × floor | all drawn s | HTTP KB (wire) | HTTP KB (decoded) | "
              "repeat visit HTTP KB | WS KB | warm rerun ms | server peak MB |")
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ratio = r["first_map_s"] / floor["first_map_s"] if floor["first_map_s"] else float("nan")
        print(f"| {r['page']} | {r['first_map_s']:.2f} | {ratio:.2f} | {r['all_drawn_s']:.2f} | "
              f"{r['http_transferred'] / 1024:.0f} | {r['http_decoded'] / 1024:.0f} | {r['repeat_http'] / 1024:.0f} | "
              f"{r['ws_payload'] / 1024:.0f} | "
              f"{r['warm_rerun_ms']:.0f} | {r['peak_mem_mb']:.0f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", action="append", help="page path to measure, e.g. / or /industry (repeatable)")
    parser.add_argument("--runs", type=int, default=3, help="cold loads per page (median is reported)")
    args = parser.parse_args()
    print_table(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
