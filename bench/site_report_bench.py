"""Benchmark the site report's server time: the median of a point report and of a 100 km² polygon report.

Targets (issue 16): point < 150 ms, 100 km² polygon < 500 ms. Timed per report: the report itself
(layers.site_report) plus its Markdown (what the page shows), with the layer index warm — as on the server after
its first request; the index's one-off build is printed too. --page also times warm reruns of the whole page
(Streamlit AppTest: inputs, report, map spec, Markdown) for a ?site= permalink.

    python bench/site_report_bench.py [--runs 30] [--page]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from shapely.geometry import Point  # noqa: E402

from layers.geodesy import area_km2, to_lonlat, to_metric  # noqa: E402
from layers.report_text import to_markdown  # noqa: E402
from layers.site_index import build_index, get_index  # noqa: E402
from layers.site_report import area_report, point_report  # noqa: E402

POINTS = [(121.45, 39.58), (121.13, 38.74), (121.70, 38.97), (122.51, 39.84), (122.40, 39.00), (121.60, 38.91),
          (122.96, 39.68), (121.98, 39.08)]
SQUARES = [(121.60, 39.05), (121.15, 38.77), (122.50, 39.86), (121.45, 39.58), (122.00, 39.60), (121.95, 39.08)]
TARGET_MS = {"point": 150.0, "area": 500.0}


def square(lon: float, lat: float, km: float = 10.0):
    return to_lonlat(to_metric(Point(lon, lat)).buffer(km * 500, cap_style="square"))


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def page_reruns(runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"lang": "zh", "site": "121.45,39.58"})
    at.run()
    at.switch_page("pages/site_report.py")
    at.run()
    return timed(at.run, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--page", action="store_true", help="also time warm reruns of the site report page")
    args = parser.parse_args()

    t0 = time.perf_counter()
    build_index()
    print(f"index build (once per server, loads and validates {len(get_index().layers)} layers): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    index = get_index()
    squares = [square(*c) for c in SQUARES]
    print(f"polygons: {len(squares)} squares of {statistics.mean(area_km2(s) for s in squares):.1f} km² on average")

    def point_once(i=[0]):
        lon, lat = POINTS[i[0] % len(POINTS)]
        i[0] += 1
        to_markdown(point_report(lon, lat, index=index), "zh")

    def area_once(i=[0]):
        geom = squares[i[0] % len(squares)]
        i[0] += 1
        to_markdown(area_report(geom, index=index), "zh")

    point_once(), area_once()  # warm caches (imports, transformers)
    results = {"point": timed(point_once, args.runs), "area": timed(area_once, args.runs)}
    failed = False
    for kind, times in results.items():
        median = statistics.median(times)
        ok = median < TARGET_MS[kind]
        failed |= not ok
        label = "point report" if kind == "point" else "100 km² polygon report"
        print(f"{label:24} median {median:7.1f} ms  (p90 {sorted(times)[int(len(times) * 0.9) - 1]:6.1f} ms, "
              f"n={len(times)})  target < {TARGET_MS[kind]:.0f} ms  {'ok' if ok else 'OVER'}")
    if args.page:
        times = page_reruns(max(5, args.runs // 3))
        print(f"{'page rerun (?site=)':24} median {statistics.median(times):7.1f} ms  (n={len(times)}, AppTest, "
              "includes the map spec and every widget)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
