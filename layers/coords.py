"""Coordinates typed or pasted by people: decimal degrees or degrees-minutes-seconds, in either order, in WGS-84,
GCJ-02 (高德/腾讯) or CGCS2000 — parsed, checked and converted to WGS-84 longitude/latitude.

Rules (static/js/geo.js follows the same ones for the map's go-to box; tests/cases/coords.json checks both):
- two numbers separated by a comma, semicolon, slash or space, or two degree groups ("121°36′30″E 38°54′N");
- N/S/E/W (also 北纬/南纬/东经/西经) before or after a group decide which number is latitude;
- without letters the order is longitude, latitude; a pair that only makes sense the other way round in the
  Dalian region (REGION_BOX) is read as latitude, longitude, and the reader is told;
- minutes and seconds must be below 60; latitude within ±90°, longitude within ±180°.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from layers.notes import InputError, Note

REGION_BOX = (119.0, 37.0, 126.0, 42.0)  # lon/lat box around Dalian used to tell longitude from latitude
DATUMS = ("wgs84", "gcj02", "cgcs2000")
DEFAULT_DATUM = "wgs84"
MAX_TEXT = 120

_WORDS = (("东经", "E"), ("西经", "W"), ("北纬", "N"), ("南纬", "S"), ("度", "°"), ("分", "′"), ("秒", "″"))
_UNIT = {"°": "d", "º": "d", "˚": "d", "′": "m", "'": "m", "’": "m", "″": "s", '"': "s", "”": "s"}
_TOKEN = re.compile(r"\s*(?:(?P<num>[-+]?\d+(?:\.\d*)?|[-+]?\.\d+)|(?P<unit>°|º|˚|′′|''|′|'|’|″|\"|”)"
                    r"|(?P<hemi>[NSEWnsew])(?![a-z])|(?P<sep>[,;/])|(?P<other>\S))")


@dataclass(frozen=True)
class Parsed:
    """A WGS-84 position and what was assumed on the way (strings keys, shown to the reader)."""

    lon: float
    lat: float
    notes: tuple[Note, ...] = ()


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).strip()  # full-width digits and commas become ASCII
    for word, letter in _WORDS:
        text = text.replace(word, f" {letter} " if letter in "NSEW" else letter)
    return text.replace("′′", "″").replace("''", "″")


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "other":
            raise InputError("sr_err_coord_text", text=text[:40])
        if kind == "unit":
            value = _UNIT.get(value, "s")
        out.append((kind, value.upper() if kind == "hemi" else value))
    return out


def _split(tokens: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Two groups of tokens, one per coordinate."""
    seps = [i for i, (k, _) in enumerate(tokens) if k == "sep"]
    if seps:
        if len(seps) != 1:
            raise InputError("sr_err_coord_count")
        i = seps[0]
        return [tokens[:i], tokens[i + 1:]]
    hemis = [i for i, (k, _) in enumerate(tokens) if k == "hemi"]
    if len(hemis) == 2:
        if hemis[0] == 0:  # letters in front: "N38 54 E121 36"
            return [tokens[:hemis[1]], tokens[hemis[1]:]]
        return [tokens[:hemis[0] + 1], tokens[hemis[0] + 1:]]  # letters behind: "38 54 N 121 36 E"
    if hemis:
        raise InputError("sr_err_coord_count")
    nums = [i for i, (k, _) in enumerate(tokens) if k == "num"]
    degrees = [i for i in nums if i + 1 < len(tokens) and tokens[i + 1] == ("unit", "d")]
    if len(degrees) == 2:
        return [tokens[:degrees[1]], tokens[degrees[1]:]]
    if len(nums) in (2, 4, 6) and not degrees:
        half = nums[len(nums) // 2]
        return [tokens[:half], tokens[half:]]
    raise InputError("sr_err_coord_count")


def _value(group: list[tuple[str, str]]) -> tuple[float, str | None]:
    """One coordinate in decimal degrees, and its N/S/E/W letter if any."""
    hemi = [v for k, v in group if k == "hemi"]
    parts: list[float] = []
    units: list[str | None] = []
    for kind, value in group:
        if kind == "num":
            parts.append(float(value))
            units.append(None)
        elif kind == "unit":
            if not units or units[-1] is not None:
                raise InputError("sr_err_coord_text", text="".join(v for _, v in group)[:40])
            units[-1] = value
    if not parts or len(parts) > 3 or len(hemi) > 1:
        raise InputError("sr_err_coord_count")
    order = ["d", "m", "s"]
    named = [u or order[i] for i, u in enumerate(units)]
    if named != order[:len(named)]:
        raise InputError("sr_err_coord_dms", text=" ".join(f"{p:g}{u}" for p, u in zip(parts, named)))
    degrees, minutes, seconds = (parts + [0.0, 0.0])[:3]
    if len(parts) > 1 and (degrees != int(degrees) or any(p < 0 for p in parts[1:])):
        raise InputError("sr_err_coord_dms", text=" ".join(f"{p:g}" for p in parts))
    if minutes >= 60 or seconds >= 60:
        raise InputError("sr_err_coord_minutes", value=f"{max(minutes, seconds):g}")
    first = next(v for k, v in group if k == "num")
    sign = -1.0 if first.startswith("-") else 1.0
    value = sign * (abs(degrees) + minutes / 60 + seconds / 3600)
    letter = hemi[0] if hemi else None
    if letter in ("S", "W"):
        value = -abs(value)
    return value, letter


def in_region(lon: float, lat: float) -> bool:
    """Inside REGION_BOX, the lon/lat box around Dalian."""
    x0, y0, x1, y1 = REGION_BOX
    return x0 <= lon <= x1 and y0 <= lat <= y1


def order_pair(first: float, second: float) -> tuple[float, float, tuple[Note, ...]]:
    """(lon, lat, notes) from two numbers meant as longitude, latitude; swapped when only the other order fits."""
    for value in (first, second):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError("sr_err_coord_number", text=str(value))
    if in_region(first, second):
        return first, second, ()
    if in_region(second, first):
        return second, first, (Note("sr_note_swapped", {"lon": f"{second:g}", "lat": f"{first:g}"}),)
    check_range(first, second)
    raise InputError("sr_err_coord_outside", lon=f"{first:.5f}", lat=f"{second:.5f}")


def check_range(lon: float, lat: float) -> None:
    if not -90 <= lat <= 90:
        raise InputError("sr_err_lat_range", lat=f"{lat:g}")
    if not -180 <= lon <= 180:
        raise InputError("sr_err_lon_range", lon=f"{lon:g}")


def parse(text: str, datum: str = DEFAULT_DATUM) -> Parsed:
    """A typed or pasted position (decimal or DMS, any order) as WGS-84 lon/lat; InputError explains a refusal."""
    raw = "" if text is None else str(text)
    if not raw.strip():
        raise InputError("sr_err_coord_empty")
    if len(raw) > MAX_TEXT:
        raise InputError("sr_err_coord_long", limit=MAX_TEXT)
    tokens = _tokens(_normalise(raw))
    if not any(k == "num" for k, _ in tokens):
        raise InputError("sr_err_coord_text", text=raw.strip()[:40])
    (a, la), (b, lb) = (_value(g) for g in _split(tokens))
    if la or lb:
        axes = {("N", "S"): "lat", ("E", "W"): "lon"}
        axis_a = next((v for k, v in axes.items() if la in k), None)
        axis_b = next((v for k, v in axes.items() if lb in k), None)
        if axis_a and axis_a == axis_b:
            raise InputError("sr_err_coord_axes")
        lat_first = axis_a == "lat" or axis_b == "lon"
        lon, lat = (b, a) if lat_first else (a, b)
        check_range(lon, lat)
        if not in_region(lon, lat):
            raise InputError("sr_err_coord_outside", lon=f"{lon:.5f}", lat=f"{lat:.5f}")
        notes: tuple[Note, ...] = ()
    else:
        lon, lat, notes = order_pair(a, b)
    return to_wgs84(lon, lat, datum, notes)


def parse_pair(lon: object, lat: object, datum: str = DEFAULT_DATUM) -> Parsed:
    """Two separate values (command line --lon/--lat, ?site=lon,lat) as WGS-84; swapped values are put right."""
    values = []
    for value in (lon, lat):
        try:
            values.append(float(str(value).strip()))
        except (TypeError, ValueError):
            raise InputError("sr_err_coord_number", text=str(value)[:40]) from None
    first, second, notes = order_pair(*values)
    return to_wgs84(first, second, datum, notes)


def parse_site_param(value: str) -> Parsed:
    """?site=lon,lat (WGS-84)."""
    parts = str(value).split(",")
    if len(parts) != 2:
        raise InputError("sr_err_coord_count")
    return parse_pair(parts[0], parts[1])


def to_wgs84(lon: float, lat: float, datum: str, notes: tuple[Note, ...] = ()) -> Parsed:
    """Convert from the stated datum: GCJ-02 by prcoords' iterative inverse; CGCS2000 is taken as WGS-84 (they
    differ by centimetres here, far below the plan's precision)."""
    if datum not in DATUMS:
        raise InputError("sr_err_datum", datum=str(datum)[:20])
    if datum == "gcj02":
        import prcoords

        wgs = prcoords.gcj_wgs_bored((lat, lon))
        return Parsed(round(wgs.lon, 6), round(wgs.lat, 6), (*notes, Note("sr_note_gcj02")))
    return Parsed(round(lon, 6), round(lat, 6), (*notes, datum_note(datum)))


def datum_note(datum: str) -> Note:
    """What the report says about the coordinate system it assumed."""
    return Note({"gcj02": "sr_note_gcj02", "cgcs2000": "sr_note_cgcs2000"}.get(datum, "sr_note_wgs84"))


def format_dms(value: float, axis: str) -> str:
    """38.9 → 38°54′00.0″N (axis 'lat' or 'lon')."""
    letter = ("N" if value >= 0 else "S") if axis == "lat" else ("E" if value >= 0 else "W")
    total = round(abs(value) * 3600, 1)
    d, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{int(d)}°{int(m):02d}′{s:04.1f}″{letter}"
