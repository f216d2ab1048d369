"""Reference records: the Dalian extracts in sources/reference/ (one CSV per source, each with a README).

Every CSV has the columns `ref`, `lon`, `lat` and `datum`; the index `sources/reference/index.yaml` names each
source's title and licence. Positions in a Chinese web-map datum are converted to WGS-84 here, once:
GCJ-02 with prcoords' iterative inverse (`gcj_wgs_bored`), BD-09 likewise (`bd_wgs_bored`).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import prcoords

from builder.inputs import load_yaml

DATUMS = ("WGS-84", "GCJ-02", "BD-09")


@dataclass(frozen=True)
class Record:
    ref: str
    name: str
    lon: float  # WGS-84
    lat: float  # WGS-84
    datum: str  # the source's own datum
    license: str
    source: str  # CSV stem


def to_wgs84(lon: float, lat: float, datum: str) -> tuple[float, float]:
    """WGS-84 (lon, lat) of a position given in `datum`."""
    if datum == "WGS-84":
        return lon, lat
    if datum == "GCJ-02":
        lat2, lon2 = prcoords.gcj_wgs_bored((lat, lon))
    elif datum == "BD-09":
        lat2, lon2 = prcoords.bd_wgs_bored((lat, lon))
    else:
        raise ValueError(f"unknown datum '{datum}' (known: {', '.join(DATUMS)})")
    return lon2, lat2


def load(folder: Path) -> dict[str, Record]:
    """Every reference record of every extract, by `ref`; ValueError on a broken or duplicate row."""
    index = load_yaml((folder / "index.yaml").read_text(encoding="utf-8"))["sources"]
    records: dict[str, Record] = {}
    for stem, info in index.items():
        path = folder / f"{stem}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                where = f"sources/reference/{path.name}:{line}"
                try:
                    lon, lat = to_wgs84(float(row["lon"]), float(row["lat"]), row["datum"])
                except (KeyError, TypeError, ValueError) as exc:
                    raise ValueError(f"{where}: {exc}") from exc
                ref = row["ref"]
                if ref in records:
                    raise ValueError(f"{where}: duplicate ref {ref}")
                name = row.get("name_zh") or row.get("name") or ""
                records[ref] = Record(ref, name, lon, lat, row["datum"], info["license"], stem)
    return records
