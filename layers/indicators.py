"""The plan's indicator tables (十四五 main indicators, 十三五 completion) in chart-ready long form."""
from __future__ import annotations

import re
from typing import Any

UNIT_EN = {"%": "%", "件": "items", "名": "doctors", "万人": "10k people", "个": "places", "岁": "years", "年": "years",
           "亿斤": "100m jin", "万吨标煤": "10k t of standard coal", "亿元": "100m yuan", "万元": "10k yuan",
           "元": "yuan", "套": "homes", "平方公里": "km²", "万亩": "10k mu", "万立方米": "10k m³"}
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def parse_value(text: Any) -> float | None:
    """The number in a table cell ('>6' → 6, '12左右' → 12, '[15]' → 15); None for text such as '完成省下达任务'."""
    if text is None:
        return None
    match = NUMBER.search(str(text))
    if not match or re.search(r"[\u4e00-\u9fff]{3,}", str(text)):
        return None
    return float(match.group())


def _label(row: dict[str, Any], lang: str, name_key: str) -> str:
    name = row.get(f"{name_key}_en") if lang == "en" and row.get(f"{name_key}_en") else row.get(f"{name_key}_zh", "")
    sub = row.get("sub_indicator_en" if lang == "en" else "sub_indicator_zh") or row.get("sub_indicator_zh")
    unit = row.get("unit") or ""
    if lang == "en":
        unit = UNIT_EN.get(unit, unit)
    return f"{row.get('no', '')}. {name}{' · ' + sub if sub else ''}" + (f" ({unit})" if unit else "")


def plan_14th_long(table: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """One record per (indicator, year) with a number: 2020 value and 2025 target."""
    series = (("value_2020", "2020" if lang == "en" else "2020年"),
              ("target_2025", "2025 target" if lang == "en" else "2025年目标"))
    return _long(table["rows"], lang, "name", series)


def completion_13th_long(table: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """One record per (indicator, series) with a number: 2015 value, 2020 target, 2020 actual."""
    series = (("value_2015", "2015" if lang == "en" else "2015年"),
              ("target_2020", "2020 target" if lang == "en" else "2020年目标"),
              ("actual_2020", "2020 actual" if lang == "en" else "2020年实际"))
    return _long(table["rows"], lang, "indicator", series)


def _long(rows: list[dict[str, Any]], lang: str, name_key: str, series) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        values = [(label, row.get(key), parse_value(row.get(key))) for key, label in series]
        if sum(v is not None for _, _, v in values) < 2:
            continue  # a chart needs at least two numbers to compare
        for label, text, value in values:
            if value is not None:
                shown = str(text)
                if lang == "en" and "左右" in shown:
                    shown = "≈" + shown.replace("左右", "").strip()
                out.append({"indicator": _label(row, lang, name_key), "series": label, "value": value,
                            "text": shown, "attribute": row.get("attribute") or "", "no": row.get("no")})
    return out


def unit_label(unit: str | None, lang: str) -> str:
    return UNIT_EN.get(unit or "", unit or "") if lang == "en" else (unit or "")
