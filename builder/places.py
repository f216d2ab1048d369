"""Place-name records generated from a seat table: one point per town, township and subdistrict seat (and the
county-level seats) of an adcode extract, named in Chinese and in pinyin (pypinyin, with the layer's own
readings for polyphonic names such as 长海 Changhai)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from pypinyin import Style, lazy_pinyin

SUFFIXES = {  # longest first: the English word for the kind of unit
    "街道办事处": "subdistrict", "满族乡": "township", "办事处": "subdistrict", "街道": "subdistrict",
    "镇": "town", "乡": "township", "区": "district", "市": "city", "县": "county",
}


def split_name(name: str) -> tuple[str, str] | None:
    """(proper name, kind) — None for a unit that is not a seat (e.g. a state farm)."""
    for suffix, kind in SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], kind
    return None


def pinyin(name: str, readings: dict[str, str]) -> str:
    """“Fuzhoucheng” for 复州城; a reading given for a part of the name wins over the library's guess."""
    for part, reading in sorted(readings.items(), key=lambda kv: -len(kv[0])):
        if part in name:
            before, after = name.split(part, 1)
            return (pinyin(before, readings) + reading.lower() + pinyin(after, readings).lower()).capitalize()
    text = "".join(lazy_pinyin(name, style=Style.NORMAL, v_to_u=True))
    return text.capitalize()


def seat_records(config: dict[str, Any], folder: Path) -> list[dict[str, Any]]:
    records = []
    with (folder / f"{config['source']}.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] not in config["min_zoom"]:
                continue
            parts = split_name(row["name_zh"])
            if parts is None:
                continue
            proper, kind = parts
            name_en = pinyin(proper, config.get("pinyin", {}))
            if row["level"] == "county":
                name_en = f"{name_en} {kind.capitalize()}"
            records.append({"id": f"seat-{row['code']}", "name_zh": row["name_zh"], "name_en": name_en,
                            "kind": f"{row['level']}_seat", "min_zoom": config["min_zoom"][row["level"]],
                            "geometry_basis": "located", "geometry": {"ref": row["ref"]},
                            "district": row["code"][:6] if row["level"] == "county" else row["parent_code"][:6]})
    return records
