"""Load test: one Streamlit server, N browser sessions at once, each opening the overview and another map page.

Every session is its own headless Chromium context (one shared browser, driven by async Playwright) and must draw
each map (features > 0) without a page error. Prints the total time, the throughput (pages/s), time-to-map
percentiles, and the server's memory (VmRSS/VmHWM from /proc) before, during and after, with memory per session.

Loopback only (the browser's proxy for every other host is a closed port), bounded (at most MAX_SESSIONS sessions, a time limit per page
and for the whole run), and it stops by itself.

    python bench/load_test.py                 # 20 sessions
    python bench/load_test.py --sessions 5
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser import CHROMIUM, CHROMIUM_ARGS, start_app, stop_app  # noqa: E402
from ui.navigation import current_pages, url_of  # noqa: E402

MAX_SESSIONS = 100
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class PageLoad:
    session: int
    path: str
    seconds: float | None = None  # until the first features are drawn; None: never drawn
    features: int = 0
    page_errors: list[str] = field(default_factory=list)
    error: str = ""


@dataclass
class Report:
    sessions: int
    loads: list[PageLoad]
    seconds: float
    memory: dict[str, dict[str, float]]  # moment -> {"rss_mb", "hwm_mb"}
    blocked: list[str]  # requests for anything but this machine (sent to a dead proxy, so they fail)
    warmup_seconds: float
    server_cpu_s: float = float("nan")  # CPU seconds the server used while the sessions ran
    load_average: float = float("nan")  # of this machine when the sessions started (other work slows all)

    @property
    def failures(self) -> list[PageLoad]:
        return [x for x in self.loads if not x.features or x.page_errors or x.error]

    @property
    def pages_per_second(self) -> float:
        return sum(1 for x in self.loads if x.features) / self.seconds if self.seconds else 0.0

    @property
    def mb_per_session(self) -> float:
        return (self.memory["during"]["rss_mb"] - self.memory["before"]["rss_mb"]) / max(self.sessions, 1)


def server_memory(pid: int) -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak) of the server process, in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return {"rss_mb": values.get("VmRSS", float("nan")), "hwm_mb": values.get("VmHWM", float("nan"))}


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU time the server process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def map_paths() -> list[str]:
    return [url_of(p) for p in current_pages() if p.has_map]


# Runs in the page (no round trip per poll): the map iframe is served by the same server, so it is readable.
FEATURES_IN_PAGE = """() => {
    for (const frame of document.querySelectorAll('iframe')) {
        try {
            const doc = frame.contentDocument;
            const n = doc ? doc.querySelectorAll('.leaflet-interactive, .leaflet-marker-icon').length : 0;
            if (n) return n;
        } catch (e) { /* not ours or not ready */ }
    }
    return 0;
}"""


async def _open(page, url: str, load: PageLoad, timeout_s: float) -> None:
    t0 = time.perf_counter()
    try:
        await page.goto(url, timeout=timeout_s * 1000, wait_until="domcontentloaded")
        left = max(timeout_s - (time.perf_counter() - t0), 1)
        handle = await page.wait_for_function(FEATURES_IN_PAGE, polling=200, timeout=left * 1000)
        load.features, load.seconds = await handle.json_value(), time.perf_counter() - t0
    except Exception as exc:  # a timeout or a closed page: a failed load, not a crashed test run
        load.error = str(exc).splitlines()[0][:200]


async def _session(browser, base: str, number: int, paths: list[str], timeout_s: float, blocked: list[str],
                   loads: list[PageLoad], start_delay: float, context_args: Callable[[int], dict] | None = None):
    """One visitor: a fresh context that opens each path in turn. Returns the context, still open."""
    await asyncio.sleep(start_delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 800},
                                        **(context_args(number) if context_args else {}))
    page = await context.new_page()
    current: list[PageLoad] = []
    page.on("pageerror", lambda e: current[-1].page_errors.append(str(e)[:300]) if current else None)
    page.on("request", lambda r: blocked.append(r.url) if urlparse(r.url).hostname not in (*LOOPBACK, None)
            and not r.url.startswith(("data:", "blob:", "about:")) else None)
    for path in paths:
        load = PageLoad(number, path)
        current.append(load)
        loads.append(load)
        await _open(page, base + path, load, timeout_s)
    return context


async def run_load(base: str, pid: int, sessions: int = 20, timeout_s: float = 180.0, ramp_s: float = 0.0,
                   paths: list[str] | None = None, context_args: Callable[[int], dict] | None = None) -> Report:
    """N concurrent sessions against the server at base (whose process id is pid); context_args(session number)
    gives extra browser-context options (e.g. headers that make each session a different client to a proxy)."""
    from playwright.async_api import async_playwright

    if not 1 <= sessions <= MAX_SESSIONS:
        raise ValueError(f"sessions must be 1..{MAX_SESSIONS}")
    base = base.rstrip("/")
    all_paths = paths or map_paths()
    first, others = all_paths[0], all_paths[1:] or all_paths[:1]
    blocked: list[str] = []
    async with async_playwright() as pw:
        # Loopback only, at no cost per request: everything else goes to a proxy that is not there (port 9).
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                           proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost"})
        try:
            # one visitor first, so the server's caches are warm and "before" is the memory of a running app
            warm: list[PageLoad] = []
            t0 = time.perf_counter()
            context = await _session(browser, base, -1, all_paths, timeout_s, blocked, warm, 0.0, context_args)
            warmup_seconds = time.perf_counter() - t0
            await context.close()
            await asyncio.sleep(1.0)
            memory = {"before": server_memory(pid)}
            cpu0, load_average = server_cpu_seconds(pid), os.getloadavg()[0]

            loads: list[PageLoad] = []
            t0 = time.perf_counter()
            jobs = [_session(browser, base, i, [first, others[i % len(others)]], timeout_s, blocked, loads,
                             ramp_s * i / sessions, context_args) for i in range(sessions)]
            contexts = await asyncio.wait_for(asyncio.gather(*jobs), timeout=2 * timeout_s + ramp_s + 60)
            seconds = time.perf_counter() - t0
            server_cpu_s = server_cpu_seconds(pid) - cpu0
            await asyncio.sleep(1.0)  # every session is still connected: the server holds all of them
            memory["during"] = server_memory(pid)
            for context in contexts:
                await context.close()
            await asyncio.sleep(3.0)
            memory["after"] = server_memory(pid)
        finally:
            await browser.close()
    return Report(sessions, loads, seconds, memory, blocked, warmup_seconds, server_cpu_s, load_average)


def run_load_sync(base: str, pid: int, **kwargs) -> Report:
    """run_load from synchronous code (also where another event loop may be current: a fresh thread)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run_load(base, pid, **kwargs)).result()


def print_report(report: Report) -> None:
    drawn = [x.seconds for x in report.loads if x.seconds is not None]
    pct = (lambda q: statistics.quantiles(drawn, n=100)[q - 1] if len(drawn) > 1 else drawn[0]) if drawn else None
    print(f"sessions: {report.sessions} concurrent (each: overview + one other map page); "
          f"warm-up visit {report.warmup_seconds:.1f} s; machine load average {report.load_average:.1f} "
          f"on {os.cpu_count()} CPUs")
    print(f"pages drawn: {len(drawn)}/{len(report.loads)} in {report.seconds:.1f} s "
          f"→ throughput {report.pages_per_second:.2f} pages/s")
    if pct:
        print(f"time to map: median {statistics.median(drawn):.1f} s, p90 {pct(90):.1f} s, max {max(drawn):.1f} s")
    print("| path | loads | median s | max s |")
    print("|---|---:|---:|---:|")
    for path in dict.fromkeys(x.path for x in report.loads):
        times = [x.seconds for x in report.loads if x.path == path and x.seconds is not None]
        n = sum(1 for x in report.loads if x.path == path)
        print(f"| {path} | {n} | {statistics.median(times) if times else float('nan'):.1f} | "
              f"{max(times) if times else float('nan'):.1f} |")
    print(f"server CPU: {report.server_cpu_s:.1f} s in {report.seconds:.1f} s "
          f"({100 * report.server_cpu_s / report.seconds:.0f}% of one core; the rest is the browsers)")
    m = report.memory
    print(f"server memory MB: before {m['before']['rss_mb']:.0f} · with all sessions {m['during']['rss_mb']:.0f}"
          f" · after closing {m['after']['rss_mb']:.0f} · peak (VmHWM) {m['after']['hwm_mb']:.0f}"
          f" → {report.mb_per_session:.1f} MB per session")
    if report.blocked:
        print(f"{len(report.blocked)} non-loopback request(s) blocked, e.g. {report.blocked[0][:100]}")
    for x in report.failures:
        print(f"FAILED session {x.session} {x.path}: {x.error or ''} {x.page_errors[:2] or ''}".rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20, help=f"concurrent sessions (1..{MAX_SESSIONS})")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds allowed per page load")
    parser.add_argument("--ramp", type=float, default=0.0, help="spread the session starts over this many seconds")
    args = parser.parse_args()
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be 1..{MAX_SESSIONS}")
    proc, base = start_app(ROOT)
    try:
        report = run_load_sync(base, proc.pid, sessions=args.sessions, timeout_s=args.timeout, ramp_s=args.ramp)
    finally:
        stop_app(proc)
    print_report(report)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
