"""Quality of every page against the floor (an empty folium map in Streamlit), in one run on this machine.

For each page of the app and for the floor, on Lighthouse's desktop and mobile presets, prints a Markdown table:
Lighthouse performance, CLS, LCP, TBT and accessibility (median of --runs Lighthouse runs), the layout-shift sum
seen by a PerformanceObserver in Playwright (median of --runs loads), axe-core's violations by rule (axe injected
into the top document and every iframe: the maps are iframes), and the time to the first drawn map as a ratio
to the floor's (median of --runs cold loads, same preset's window size).

Lighthouse 12 and axe-core 4 come from the npm registry into bench/node/ (installed on first use, and said so);
both drive Debian's Chromium (/usr/bin/chromium, or $CHROME_PATH). Nothing else is fetched: the app and the floor
run on this machine.

    .venv/bin/python bench/quality.py                      # every page, both presets, median of 3
    .venv/bin/python bench/quality.py --page / --page /tour --preset mobile --runs 1
    .venv/bin/python bench/quality.py --no-lighthouse      # axe, layout shift and first-map times only (quick)
    .venv/bin/python bench/quality.py --via-proxy          # the pages as the public deployment serves them
    .venv/bin/python bench/quality.py --page static        # the static edition's pages only (and the floor)
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from benchmark import FLOOR, floor_app_dir  # noqa: E402
from browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, free_port, launch, start_app, stop_app  # noqa: E402
from quality_probe import (LAYOUT_SHIFT_OBSERVER, LIGHTHOUSE_CLI, axe_source, axe_violations,  # noqa: E402
                           ensure_npm_packages, layout_shift)
from proxy_test import start_proxy, stop_proxy, wait_port  # noqa: E402
from ui.navigation import current_pages, url_of  # noqa: E402

PRESETS = ("desktop", "mobile")
DEVICES = {"desktop": DESKTOP, "mobile": PHONE}  # Playwright windows for the axe, shift and first-map loads
LOAD_TIMEOUT_S = 45.0
MAP_SELECTOR = ".leaflet-container .leaflet-map-pane"


def nan_median(values: list[float]) -> float:
    real = [v for v in values if not math.isnan(v)]
    return statistics.median(real) if real else float("nan")


def lighthouse_once(url: str, preset: str) -> dict:
    """One Lighthouse run (performance and accessibility) in a fresh headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="lh_") as tmp:
        out = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={tmp}/profile"])
        cmd = ["node", str(LIGHTHOUSE_CLI), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility", f"--chrome-flags={flags}",
               "--disable-full-page-screenshot", f"--max-wait-for-load={int(LOAD_TIMEOUT_S * 1000)}"]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
        if not out.is_file():
            return {"error": (done.stderr or done.stdout).strip()[-300:] or f"lighthouse exit {done.returncode}"}
        report = json.loads(out.read_text(encoding="utf-8"))
    audits, cats = report["audits"], report["categories"]

    def score(cat: str) -> float:
        value = cats.get(cat, {}).get("score")
        return float("nan") if value is None else value * 100

    def numeric(audit: str) -> float:
        value = audits.get(audit, {}).get("numericValue")
        return float("nan") if value is None else float(value)

    failed = sorted(ref["id"] for ref in cats.get("accessibility", {}).get("auditRefs", [])
                    if ref.get("weight") and audits.get(ref["id"], {}).get("score") not in (None, 1))
    return {"perf": score("performance"), "cls": numeric("cumulative-layout-shift"),
            "lcp_s": numeric("largest-contentful-paint") / 1000, "tbt_ms": numeric("total-blocking-time"),
            "a11y": score("accessibility"), "a11y_failed": failed,
            "error": (report.get("runtimeError") or {}).get("message")}


def lighthouse_median(url: str, preset: str, runs: int) -> dict:
    results = [lighthouse_once(url, preset) for _ in range(runs)]
    good = [r for r in results if "perf" in r]
    row = {key: nan_median([r[key] for r in good]) for key in ("perf", "cls", "lcp_s", "tbt_ms", "a11y")}
    row["a11y_failed"] = sorted({a for r in good for a in r["a11y_failed"]})
    row["lh_errors"] = [r["error"] for r in results if r.get("error")]
    return row


def load_page(page, url: str, has_map: bool) -> float:
    """Open url and wait until the page is drawn: its maps (planmap.js finished, or Leaflet for the floor) and
    Streamlit idle. Returns the seconds from navigation to the first map pane in any frame (NaN without a map)."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    first = float("nan")
    while has_map and time.perf_counter() - t0 < LOAD_TIMEOUT_S:
        frames = []
        for frame in page.frames:
            try:
                if frame.query_selector(MAP_SELECTOR):
                    frames.append(frame)
            except Exception:  # frames come and go while Streamlit reruns
                pass
        if frames and math.isnan(first):
            first = time.perf_counter() - t0
        try:
            if frames and all(f.evaluate("() => document.documentElement.hasAttribute('data-planmap-features')"
                                         " || !window.PlanMap") for f in frames):
                break
        except Exception:
            pass
        page.wait_for_timeout(20)
    if not has_map:
        page.wait_for_selector("h1", timeout=LOAD_TIMEOUT_S * 1000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=LOAD_TIMEOUT_S * 1000)
    page.wait_for_timeout(1500)  # late shifts (sidebar animation, fonts, legend sizing) still count
    return first


def browser_loads(browser, url: str, preset: str, has_map: bool, runs: int, axe: str) -> dict:
    """--runs cold loads (fresh context each): first-map time and layout-shift sum; axe on the last one."""
    firsts, shifts, violations, worst = [], [], {}, []
    for n in range(runs):
        context = browser.new_context(**DEVICES[preset])
        context.add_init_script(LAYOUT_SHIFT_OBSERVER)
        page = context.new_page()
        firsts.append(load_page(page, url, has_map))
        total, entries = layout_shift(page)
        shifts.append(total)
        if total >= max(shifts):
            worst = sorted(entries, key=lambda e: -e["value"])[:4]
        if n == runs - 1:
            violations = axe_violations(page, axe)
        context.close()
    return {"first_map_s": nan_median(firsts), "shift_sum": nan_median(shifts), "axe": violations,
            "shift_sources": worst}


STATIC_PAGES = (("zh/overview.html", True), ("zh/industry.html", True), ("en/industry.html", True),
                ("zh/tour.html", True), ("zh/indicators.html", False), ("zh/plan.html", False))
STATIC = "static edition "  # label prefix of the static edition's pages


def targets(only: list[str] | None, app_dir: Path, static: bool) -> list[tuple[str, Path | None, str, bool]]:
    """(label, app folder, path, has_map): the floor first, then every listed app page, then (static) pages of the
    static edition (app folder None)."""
    pages = [(url_of(p), app_dir, url_of(p), p.has_map) for p in current_pages()]
    pages = [p for p in pages if not only or p[0] in only]
    extra = [(STATIC + path, None, path, has_map) for path, has_map in STATIC_PAGES] if static else []
    return [(FLOOR, floor_app_dir(), "/", True), *pages, *extra]


def serve_static_edition() -> tuple[subprocess.Popen, str, Path]:
    """This checkout's static edition (`python -m layers export --format site`) in a temporary folder, served by
    `python -m http.server` on loopback: (server, base URL, folder)."""
    folder = Path(tempfile.mkdtemp(prefix="dalian-static-"))
    done = subprocess.run([sys.executable, "-m", "layers", "export", "--format", "site", "--out", str(folder / "site")],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"static edition export failed: {done.stderr[-800:]}")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(folder / "site")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port, proc, "python -m http.server", timeout_s=20)
    return proc, f"http://127.0.0.1:{port}", folder


def run(args: argparse.Namespace) -> list[dict]:
    from playwright.sync_api import sync_playwright

    ensure_npm_packages(("axe-core",) if args.no_lighthouse else ("lighthouse", "axe-core"))
    axe = axe_source()
    rows = []
    servers: dict[Path, tuple] = {}
    proxy = None
    static = None
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            for label, app_dir, path, has_map in targets(args.page, args.app_dir.resolve(),
                                                        not args.no_static and (not args.page or "static" in args.page)):
                if app_dir is None:
                    if static is None:
                        static = serve_static_edition()
                    base = static[1]
                    path = "/" + path
                elif args.via_proxy and label != FLOOR:
                    if proxy is None:
                        proxy = start_proxy()  # a copy of this checkout, two processes, deploy/nginx.conf
                    base = proxy.url
                else:
                    if app_dir not in servers:
                        servers[app_dir] = start_app(app_dir)
                    base = servers[app_dir][1].rstrip("/")
                url = base + path
                warm = browser.new_page()
                load_page(warm, url, has_map)  # the server's caches are warm before anything is measured
                warm.close()
                for preset in args.preset or PRESETS:
                    print(f"measuring {label} ({preset}) ...", file=sys.stderr, flush=True)
                    row = {"page": label, "preset": preset}
                    if not args.no_lighthouse:
                        row.update(lighthouse_median(url, preset, args.runs))
                    row.update(browser_loads(browser, url, preset, has_map, args.runs, axe))
                    rows.append(row)
        finally:
            browser.close()
            if proxy is not None:
                stop_proxy(proxy)
            if static is not None:
                stop_app(static[0])
                shutil.rmtree(static[2], ignore_errors=True)
            for app_dir, (proc, _) in servers.items():
                stop_app(proc)
                if app_dir.name.startswith("floor_"):
                    shutil.rmtree(app_dir, ignore_errors=True)
    return rows


def fmt(value: float, digits: int) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def print_table(rows: list[dict], runs: int) -> None:
    floors = {r["preset"]: r for r in rows if r["page"] == FLOOR}
    print(f"Median of {runs} run(s) per cell; Lighthouse {'' if 'perf' in rows[0] else 'not '}run. "
          "Σ shift: layout-shift sum in the top document (PerformanceObserver). "
          "× floor: first drawn map time / the floor's.\n")
    print("| page | preset | Perf | CLS | LCP s | TBT ms | A11y | Σ shift | first map s | × floor | axe violations |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        floor = floors.get(r["preset"], {}).get("first_map_s", float("nan"))
        ratio = r["first_map_s"] / floor if floor and not math.isnan(floor) else float("nan")
        axe = ", ".join(f"{rule} ×{len(nodes)}" for rule, nodes in sorted(r["axe"].items())) or "0"
        print(f"| {r['page']} | {r['preset']} | {fmt(r.get('perf'), 0)} | {fmt(r.get('cls'), 3)} | "
              f"{fmt(r.get('lcp_s'), 1)} | {fmt(r.get('tbt_ms'), 0)} | {fmt(r.get('a11y'), 0)} | "
              f"{fmt(r['shift_sum'], 3)} | {fmt(r['first_map_s'], 2)} | "
              f"{'–' if r['page'] == FLOOR else fmt(ratio, 2)} | {axe} |")
    print()
    for r in rows:
        notes = []
        if r.get("a11y_failed"):
            notes.append("Lighthouse accessibility fails: " + ", ".join(r["a11y_failed"]))
        if r.get("lh_errors"):
            notes.append("Lighthouse errors: " + "; ".join(r["lh_errors"]))
        for rule, nodes in sorted(r["axe"].items()):
            notes.append(f"axe {rule}: " + "; ".join(nodes[:4]) + (" …" if len(nodes) > 4 else ""))
        for entry in r["shift_sources"]:
            if entry["value"] >= 0.01:
                notes.append(f"shift {entry['value']:.3f} at {entry['t']} ms: " + "; ".join(entry["sources"][:3]))
        if notes:
            print(f"- **{r['page']} ({r['preset']})**: " + "\n  - ".join(["", *notes]).lstrip("\n"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", action="append", help="app page path to measure, e.g. / or /tour (repeatable); "
                                                        "the floor is always measured")
    parser.add_argument("--preset", action="append", choices=PRESETS, help="desktop and/or mobile (default both)")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell (median is reported); default 3")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (axe, shift, times only)")
    parser.add_argument("--app-dir", type=Path, default=ROOT,
                        help="the app to measure (default: this checkout), e.g. an export of an older commit")
    parser.add_argument("--no-static", action="store_true",
                        help="leave out the static edition's pages (measured when no --page is given, or with "
                             "--page static: --format site served by http.server)")
    parser.add_argument("--via-proxy", action="store_true",
                        help="serve the app's pages through deploy/nginx.conf (Debian's nginx, as the public "
                             "deployment does; this checkout only); the floor stays Streamlit's own server")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args()
    rows = run(args)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(rows, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
