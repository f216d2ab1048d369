"""Mutation check: do the tests notice realistic mistakes? `python qa/mutation_check.py [--only ID ...] [--list]`

Each entry of MUTATIONS is a mistake a contributor could make in the data sources or the code: a town moved to
another seat, two texts swapped, a number mistyped, a record deleted, a check switched off. For each, the
script copies the repository to its own scratch folder, makes the mistake, rebuilds geodata/ with `python -m builder`
when a source changed (a build that refuses the mistake counts as caught: nothing would be written), then runs
the fast tests (or the browser tests a front-end mistake needs), stopping at the first failure. An unchanged copy
runs the fast tests too (the control): if they fail there, no result counts and the script exits 2. Copies are
tested in parallel (--jobs, one per CPU by default). It prints which
mistakes went unnoticed and the share caught, and exits 1 when that share is below the target (95 %).

The list is meant to be honest: mistakes a reader would make, not ones chosen to be caught.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.95
PYTEST = ["-x", "-q", "-p", "no:cacheprovider"]
# the data checks first (seconds); only a mistake they let through goes on to the whole fast suite
FOCUSED = ["-m", "not browser", *PYTEST, "tests/test_plan_facts.py", "tests/test_ground_truth.py",
           "tests/test_builder.py", "tests/test_data_layout.py", "tests/test_data_industry.py",
           "tests/test_data_ecology.py", "tests/test_data_infra.py", "tests/test_catalog_and_loading.py"]
FAST = ["-m", "not browser", *PYTEST, "tests"]
BROWSER = ["-m", "browser", *PYTEST, "tests/test_browser_places.py"]
IGNORE = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.png", ".pytest_cache", "node_modules")


@dataclass
class Mutation:
    id: str
    what: str
    file: str
    old: str
    new: str
    record: str | None = None  # apply inside the YAML block of this `- id:` record only
    browser: bool = False
    delete: bool = False  # delete the whole record block


def M(id: str, what: str, file: str, old: str = "", new: str = "", **kw) -> Mutation:
    return Mutation(id, what, file, old, new, **kw)


L = "sources/layers/"
T = "sources/tables/"
MUTATIONS = [
    # places
    M("town-other-seat", "李官 given the seat of its neighbour 仙浴湾镇 (ref and note both changed)", L + "infra_towns.yaml",
      "210281115000", "210281116000", record="town-liguan"),
    M("town-ref-only", "谢屯's ref changed to 许屯's seat, note left as it was", L + "infra_towns.yaml",
      "ref: adcode:210281109000", "ref: adcode:210281107000", record="town-xietun"),
    M("town-deleted", "key town 莲山 deleted", L + "infra_towns.yaml", record="town-lianshan", delete=True),
    M("park-proxy-moved", "瓦房店轴承产业开发区 moved to 红沿河镇's seat (30 km, same district)", L + "ind_parks.yaml",
      "ref: adcode:210281000000", "ref: adcode:210281113000", record="wafangdian-bearing-zone"),
    M("park-schematic-moved", "经济技术开发区's schematic point moved ~30 km north inside 金州区", L + "ind_parks.yaml",
      "point: [121.795, 39.055]", "point: [121.9, 39.3]", record="dalian-etdz"),
    M("npp-other-plant", "红沿河核电二期 placed at a coal plant of GPPD", L + "infra_energy_points.yaml",
      "ref: geonuclear:324", "ref: gppd:WRI1070269", record="hongyanhe-npp-2"),
    M("district-wrong", "庄河核电 said to be in 瓦房店", L + "infra_energy_points.yaml",
      "district: '210283'", "district: '210281'", record="zhuanghe-npp-1"),
    M("datum-forgotten", "东关街's web-map position no longer declared GCJ-02", L + "infra_culture.yaml",
      "  drawn_datum: GCJ-02\n", "", record="dongguan-street"),
    M("datum-mislabelled", "an adcode row labelled WGS-84 in the extract", "sources/reference/adcode_dalian.csv",
      "122.004346,40.046613,GCJ-02", "122.004346,40.046613,WGS-84"),
    M("unknown-ref", "a town pointing at a record that does not exist", L + "infra_towns.yaml",
      "ref: adcode:210283101000", "ref: adcode:210283101999", record="town-qingdui"),
    M("located-to-schematic", "a seat-placed town marked schematic", L + "infra_towns.yaml",
      "geometry_basis: located", "geometry_basis: schematic", record="town-heidao"),
    M("river-short", "大沙河 stops 10 km before its mouth", L + "eco_rivers.yaml",
      ", [121.84, 39.375], [121.8025, 39.3675], [121.7675, 39.3625], [121.75, 39.36], [121.71932, 39.36142]]", "]", record="river-dashahe"),
    M("river-outside", "英那河 drawn from its source outside Dalian again", L + "eco_rivers.yaml",
      "line: [[123.04328, 40.05965]", "line: [[123.05, 40.2], [123.04328, 40.05965]", record="river-yingnahe"),
    M("reservoir-other-dam", "碧流河水库 placed at GRanD's Luoquanbei dam (Dandong)", L + "eco_reservoirs.yaml",
      "ref: grand:5913", "ref: grand:5908", record="res-biliuhe"),
    M("place-pinyin", "the reading 长海 → Changhai dropped (pypinyin says Zhanghai)", L + "base_places.yaml",
      "长海: Changhai, ", ""),
    M("place-zoom", "town names shown from zoom 7 (crowding the city view)", L + "base_places.yaml",
      "min_zoom: {county: 9, town: 11}", "min_zoom: {county: 9, town: 7}", browser=True),
    M("airport-land", "the new airport marked at sea", L + "infra_transport_points.yaml",
      "district: '210211'", "at_sea: true", record="new-airport"),
    # words
    M("function-swap", "金州 and 旅顺口 function_zh swapped (金州 gets 旅顺口's)", L + "districts.yaml",
      "- 重点发展新一代汽车、高端装备制造、生命安全等产业，打造大连市经济高质量发展新引擎。",
      "- 重点发展生命安全、高端装备制造、文旅等产业，打造面向东北亚的文化旅游城和生命健康城。", record="jinzhou"),
    M("function-cut", "普兰店's function_zh cut to 12 characters", L + "districts.yaml",
      "- 重点发展服装服饰、电力设备、汽车零配件、食品加工等产业，打造市域都市化发展的副中心。", "- 重点发展服装服饰、电力设备", record="pulandian"),
    M("function-en-invented", "瓦房店's function_en replaced with an invented sentence", L + "districts.yaml",
      "function_en: Focus on", "function_en: Become a world centre of tourism; focus on", record="wafangdian"),
    M("name-en-swap", "two parks' English names swapped", L + "ind_parks.yaml",
      "name_en: Puwan Economic Zone", "name_en: Jinshitan National Tourist Resort", record="puwan-economic-zone"),
    M("name-zh-typo", "大连湾 typed in traditional characters", L + "ind_bays.yaml", "name_zh: 大连湾", "name_zh: 大連灣",
      record="dalian-bay"),
    M("source-wrong-box", "红沿河's source changed from 专栏18 to 专栏3", L + "infra_energy_points.yaml",
      "source: 专栏18\n  geometry_basis", "source: 专栏3\n  geometry_basis", record="hongyanhe-npp-2"),
    M("quote-invented", "a quote with one word changed (二期 → 三期)", L + "infra_energy_points.yaml",
      "建成红沿河核电二期工程", "建成红沿河核电三期工程", record="hongyanhe-npp-2"),
    M("park-row-neighbour", "皮杨中心产业区 given 普兰店经济开发区's row", L + "ind_parks.yaml",
      "- 重点发展服装服饰、海洋食品等主导产业。", "- 重点发展汽车零配件、电力电器和大数据等主导产业。", record="piyang-industrial-area"),
    M("park-industry", "the bearing park's industry set to finance", L + "ind_parks.yaml",
      "  industries:\n  - high_end_equipment\n", "  industries:\n  - finance\n", record="wafangdian-bearing-zone"),
    M("park-deleted", "长山群岛海洋生态经济区 deleted", L + "ind_parks.yaml", record="changshan-islands-marine-eco-zone",
      delete=True),
    M("feature-deleted-ysc", "英歌石科学城 deleted", L + "infra_culture.yaml", record="yinggeshi-science-city", delete=True),
    M("feature-deleted-north", "北站客运枢纽 deleted", L + "infra_transport_points.yaml", record="north-station-hub",
      delete=True),
    M("reserve-deleted", "三台乡湿地 deleted", L + "eco_protected.yaml", record="wetland-santaixiang", delete=True),
    M("project-wrong-box", "a district project cited to the wrong box", L + "districts.yaml",
      "source: 第三章第二节", "source: 专栏5", record="ganjingzi"),
    # numbers
    M("indicator-swap", "居民人均可支配收入增长: 2020 and 2025 values swapped", T + "indicators.yaml",
      "value_2020: '6'\n      target_2025: 6左右", "value_2020: 6左右\n      target_2025: '6'"),
    M("indicator-target", "unemployment target <4.5 typed as 3.4", T + "indicators.yaml",
      "target_2025: <4.5", "target_2025: '3.4'"),
    M("indicator-name-en", "two indicators' English names swapped", T + "indicators.yaml",
      "name_en: Registered urban unemployment rate", "name_en: Growth of per-capita disposable income"),
    M("target-value", "green cover 44.9 typed as 14.9", T + "ecology_targets.yaml", "value: 44.9", "value: 14.9"),
    M("target-comparator", "river water ≥64.2 turned into ≤", T + "ecology_targets.yaml", "value: 64.2\n  comparator: ≥",
      "value: 64.2\n  comparator: ≤"),
    # catalog
    M("catalog-typo", "catalog key misspelt (defualt_visible)", L + "ind_parks.yaml", "  default_visible:", "  defualt_visible:"),
    M("catalog-colour", "a style colour with five hex digits", L + "ind_parks.yaml", "color: '#", "color: '#1"),
    # code
    M("code-dash-off", "schematic dashing switched off in planmap.js", "static/js/planmap.js",
      'style.dashArray = style.dashArray || "7 5";', "", browser=True),
    M("code-no-gcj", "the builder's GCJ-02 conversion skipped", "builder/references.py",
      '    if datum == "WGS-84":\n        return lon, lat', '    if datum in ("WGS-84", "GCJ-02"):\n        return lon, lat'),
    M("code-quotes-off", "the verbatim-quote check switched off", "builder/quotes.py",
      "        texts, unknown = self.cited(source)\n", "        return []\n        texts, unknown = self.cited(source)\n"),
    M("code-precision", "coordinates written with 2 decimals", "builder/shapes.py",
      "def rounded(geom: shapely.Geometry, decimals: int = 5)", "def rounded(geom: shapely.Geometry, decimals: int = 2)"),
    M("code-collision-off", "label collision switched off", "static/js/planmap.js",
      "        if (show) placed.push(box);", "", browser=True),
    M("code-schema-loose", "unknown keys allowed in the feature schema", "layers/schemas/feature.schema.json",
      '"type": "object",\n  "additionalProperties": false,\n  "required": [', '"type": "object",\n  "additionalProperties": true,\n  "required": ['),
    M("code-district-check-off", "the builder's district check switched off", "builder/build.py",
      "                if district and not rec.get(\"at_sea\"):", "                if False:"),
]


def apply(m: Mutation, root: Path) -> None:
    path = root / m.file
    text = path.read_text(encoding="utf-8")
    lo, hi = 0, len(text)
    if m.record:
        start = re.search(rf"^- id: {re.escape(m.record)}\n", text, re.M)
        if not start:
            raise ValueError(f"{m.id}: record {m.record} not in {m.file}")
        nxt = re.compile(r"^- ", re.M).search(text, start.end())
        lo, hi = start.start(), nxt.start() if nxt else len(text)
    block = text[lo:hi]
    if m.delete:
        path.write_text(text[:lo] + text[hi:], encoding="utf-8")
        return
    if block.count(m.old) < 1:
        raise ValueError(f"{m.id}: text to change not found in {m.file}")
    path.write_text(text[:lo] + block.replace(m.old, m.new, 1) + text[hi:], encoding="utf-8")


def run(cmd: list[str], cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def check(m: Mutation) -> tuple[bool, str, float]:
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(ROOT, root, ignore=IGNORE)
        apply(m, root)
        if m.file.startswith(("sources/", "builder/")):
            built = run([sys.executable, "-m", "builder"], root)
            if built.returncode != 0:
                return True, "builder: " + (built.stderr.strip().splitlines() or ["refused"])[0][:110], time.perf_counter() - t0
        stages = [BROWSER] if m.browser else [FOCUSED, FAST]
        for stage in stages:
            try:
                tests = run([sys.executable, "-m", "pytest", *stage], root)
            except subprocess.TimeoutExpired:
                return False, "the tests did not finish in time (counted as not caught)", time.perf_counter() - t0
            if tests.returncode != 0:
                break
        failed = [l for l in tests.stdout.splitlines() if l.startswith(("FAILED", "ERROR"))]
        caught = tests.returncode != 0
        return caught, (failed[0][:130] if failed else ("tests failed" if caught else "")), time.perf_counter() - t0


def control() -> list[str]:
    """The tests that fail on an unchanged scratch copy ([] when the suite is green there). A mutation only counts as
    caught when the same tests pass without it, so this runs first."""
    with tempfile.TemporaryDirectory(prefix="mutation-control-") as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(ROOT, root, ignore=IGNORE)
        tests = run([sys.executable, "-m", "pytest", *[a for a in FAST if a != "-x"]], root, timeout=1800)
        if tests.returncode == 0:
            return []
        return [l for l in tests.stdout.splitlines() if l.startswith(("FAILED", "ERROR"))] or [tests.stdout[-500:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", help="mutation ids to run")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--no-browser", action="store_true", help="skip mutations that need the browser tests")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="scratch copies tested at once (default: one per CPU; each runs one pytest)")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTATIONS if (not args.only or m.id in args.only) and not (args.no_browser and m.browser)]
    if args.list:
        for m in chosen:
            print(f"{m.id:24} {m.what}")
        return 0
    t0 = time.perf_counter()
    missed = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:  # each job is a subprocess: threads suffice
        broken = pool.submit(control)  # the unchanged copy, alongside the first mistakes; judged before the result
        for m, (caught, why, secs) in zip(chosen, pool.map(check, chosen)):
            print(f"{'caught' if caught else 'MISSED'}  {m.id:24} {secs:5.0f}s  {why or m.what}", flush=True)
            if not caught:
                missed.append(m)
        if broken.result():
            print("\nThe fast tests fail on an unchanged copy, so a failure does not show that a mistake was noticed:")
            for line in broken.result()[:20]:
                print("  " + line[:160])
            return 2
    print("control: the fast tests pass on an unchanged copy")
    share = 1 - len(missed) / len(chosen)
    print(f"\n{len(chosen) - len(missed)}/{len(chosen)} mistakes caught ({share:.0%}); target {TARGET:.0%}; "
          f"{time.perf_counter() - t0:.0f} s with {args.jobs} jobs")
    for m in missed:
        print(f"  missed: {m.id}: {m.what}")
    return 0 if share >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
