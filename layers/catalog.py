"""The layer catalog: one JSON file in geodata/ that describes every data file."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from layers import paths, schema

CATALOG_FILE = "catalog.json"
GROUPS = ("basemap", "overview", "layout", "industry", "ecology", "infrastructure")
GEOMETRIES = ("point", "line", "polygon", "table")


class CatalogError(Exception):
    """The catalog file itself cannot be read."""


@dataclass(frozen=True)
class LayerSpec:
    """One catalog entry."""

    id: str
    file: str
    title_zh: str
    title_en: str
    group: str
    source: str
    license: str
    geometry: str
    built: str = ""
    style: dict[str, Any] = field(default_factory=dict)
    style_by: dict[str, Any] = field(default_factory=dict)
    legend: list[dict[str, Any]] = field(default_factory=list)
    default_visible: bool = True
    description_zh: str = ""
    description_en: str = ""
    popup_fields: list[dict[str, str]] = field(default_factory=list)  # extra properties shown in popups
    labels: bool = False  # permanent name labels on the map
    cluster: bool = False  # group nearby points into clusters at low zoom (Leaflet.markercluster)
    contract: str = "plan"  # "plan": full feature contract; "basemap": reference geometry only

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_zh

    @property
    def path(self) -> Path:
        return paths.GEODATA / self.file

    @property
    def is_table(self) -> bool:
        return self.geometry == "table"


def _read(geodata: Path) -> tuple[tuple[LayerSpec, ...], tuple[str, ...]]:
    path = geodata / CATALOG_FILE
    shown = paths.shown(path)  # messages name the file relative to the project, never the server's absolute path
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogError(f"{shown}: the layer catalog is missing") from exc
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{shown}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{shown}: cannot be read ({type(exc).__name__})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("layers"), list):
        raise CatalogError(f"{shown}: expected an object with a 'layers' list")
    specs, problems = [], []
    for i, entry in enumerate(raw["layers"]):
        errors = schema.errors("catalog_entry", entry)
        if errors:  # a broken entry is left out (and reported); every other layer still works
            name = entry.get("id", f"#{i}") if isinstance(entry, dict) else f"#{i}"
            problems.extend(f"entry {name}: {e}" for e in errors)
            continue
        specs.append(LayerSpec(**entry))
    return tuple(specs), tuple(problems)


@lru_cache(maxsize=4)
def _cached(geodata: str, mtime: float) -> tuple[tuple[LayerSpec, ...], tuple[str, ...]]:
    return _read(Path(geodata))


def catalog(group: str | None = None) -> tuple[LayerSpec, ...]:
    """All catalog entries (optionally one group), in catalog order."""
    path = paths.GEODATA / CATALOG_FILE
    mtime = path.stat().st_mtime if path.exists() else 0.0
    specs, _ = _cached(str(paths.GEODATA), mtime)
    return tuple(s for s in specs if group is None or s.group == group)


def catalog_problems() -> tuple[str, ...]:
    """Catalog entries that break layers/schemas/catalog_entry.schema.json (unknown keys included)."""
    path = paths.GEODATA / CATALOG_FILE
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _cached(str(paths.GEODATA), mtime)[1]


def get_spec(layer_id: str) -> LayerSpec:
    """The entry for one layer id; KeyError names the unknown id."""
    for spec in catalog():
        if spec.id == layer_id:
            return spec
    raise KeyError(f"unknown layer '{layer_id}'")
