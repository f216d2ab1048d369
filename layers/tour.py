"""The guided tour (演示模式): its steps are data in content/tour.json; the one loader, used by the app's tour page
(ui/tour.py caches it) and by the static edition (layers/site.py), so both show the same steps.

A broken file or a bad step never raises: `load_tour` returns the steps that are usable and one clear message
for each problem (the file, the step and what is wrong), so the page can show the rest of the tour. The step's
shape is layers/schemas/tour.schema.json (unknown or misspelt fields are reported); the rules it cannot express
(known layer ids, views inside Dalian's zoom range, verbatim plan text) are checked here.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layers import paths, schema

TOUR_FILE = paths.ROOT / "content" / "tour.json"
STEP_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
FRAGMENT_SEP = "……"
TEXT_FIELDS = ("title_zh", "title_en", "text_zh", "text_en", "source")
KNOWN_FIELDS = {"id", *TEXT_FIELDS, "layers", "view", "bounds", "select", "highlight"}
ZOOM_RANGE = (6.0, 18.0)  # the map's min/max zoom (layers/render.py)
MAX_STEPS = 100


@dataclass(frozen=True)
class TourStep:
    id: str
    title_zh: str
    title_en: str
    text_zh: str
    text_en: str
    source: str
    layers: tuple[str, ...]
    view: tuple[float, float, float] | None = None  # lat, lon, zoom
    bounds: tuple[float, float, float, float] | None = None  # minx, miny, maxx, maxy (lon/lat)
    select: str | None = None  # "layer_id/feature_id": open this feature's popup
    highlight: tuple[str, ...] = ()  # "layer_id/feature_id" of what the step talks about: emphasised and labelled

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_zh

    def fragments(self) -> list[str]:
        """The verbatim plan fragments of text_zh (the text is joined with ……)."""
        return [part.strip() for part in self.text_zh.split(FRAGMENT_SEP) if part.strip()]

    def view_dict(self) -> dict[str, float] | None:
        return None if self.view is None else {"lat": self.view[0], "lon": self.view[1], "zoom": self.view[2]}


@dataclass(frozen=True)
class Tour:
    steps: tuple[TourStep, ...]
    problems: tuple[str, ...]

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.steps]

    def step(self, step_id: str) -> TourStep | None:
        return next((s for s in self.steps if s.id == step_id), None)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _view(raw: Any, where: str, problems: list[str]) -> tuple[tuple | None, tuple | None]:
    """(view, bounds) from a step's "view" ({"lat","lon","zoom"} or {"bounds": [...]}) or its own "bounds"."""
    if raw is None:
        return None, None
    if isinstance(raw, dict) and "bounds" in raw:
        return None, _bounds(raw["bounds"], where, problems)
    if not isinstance(raw, dict):
        problems.append(f"{where}: \"view\" must be an object {{\"lat\", \"lon\", \"zoom\"}} or {{\"bounds\": "
                        f"[minx, miny, maxx, maxy]}}; the map shows all of the step's layers instead")
        return None, None
    lat, lon, zoom = (_number(raw.get(k)) for k in ("lat", "lon", "zoom"))
    if lat is None or lon is None or zoom is None:
        problems.append(f"{where}: \"view\" needs numbers \"lat\", \"lon\" and \"zoom\" (got {json.dumps(raw)[:80]}); "
                        f"the map shows all of the step's layers instead")
        return None, None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.append(f"{where}: \"view\" lat {lat} / lon {lon} is not a place on Earth (lat and lon swapped?); "
                        f"the map shows all of the step's layers instead")
        return None, None
    if not ZOOM_RANGE[0] <= zoom <= ZOOM_RANGE[1]:
        problems.append(f"{where}: \"view\" zoom {zoom:g} is outside {ZOOM_RANGE[0]:g}–{ZOOM_RANGE[1]:g}; "
                        f"the map shows all of the step's layers instead")
        return None, None
    return (lat, lon, zoom), None


def _bounds(raw: Any, where: str, problems: list[str]) -> tuple | None:
    values = [_number(v) for v in raw] if isinstance(raw, list) and len(raw) == 4 else None
    if values is None or None in values:
        problems.append(f"{where}: \"bounds\" must be four numbers [minx, miny, maxx, maxy] (lon/lat); "
                        f"the map shows all of the step's layers instead")
        return None
    minx, miny, maxx, maxy = values
    if not (-180 <= minx < maxx <= 180 and -90 <= miny < maxy <= 90):
        problems.append(f"{where}: \"bounds\" {values} is not [minx, miny, maxx, maxy] in lon/lat with min < max; "
                        f"the map shows all of the step's layers instead")
        return None
    return (minx, miny, maxx, maxy)


def _step(raw: Any, index: int, known_layers: dict[str, str], seen: set[str], problems: list[str]) -> TourStep | None:
    """One checked step, or None (with a message) when it cannot be shown."""
    where = f"step {index + 1}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be an object with id, titles, texts, source, layers and view; skipped")
        return None
    step_id = raw.get("id")
    if not isinstance(step_id, str) or not STEP_ID.match(step_id):
        problems.append(f"{where}: \"id\" {json.dumps(step_id, ensure_ascii=False)[:60]} is not a slug "
                        f"(lower-case letters, digits, - and _); skipped")
        return None
    where = f"step {index + 1} ({step_id})"
    if step_id in seen:
        problems.append(f"{where}: the id is used by an earlier step; skipped")
        return None
    missing = [f for f in TEXT_FIELDS if not isinstance(raw.get(f), str) or not raw[f].strip()]
    if missing:
        problems.append(f"{where}: missing or empty text field(s) {', '.join(missing)}; skipped")
        return None
    for error in schema.errors("tour", {"steps": [raw]}):
        problems.append(f"{where}: {error.removeprefix('steps[0].').removeprefix('steps[0]')}"
                        + (f" — ignored (known: {', '.join(sorted(KNOWN_FIELDS))})" if "unknown key" in error else ""))
    raw_layers = raw.get("layers")
    if not isinstance(raw_layers, list) or not raw_layers:
        problems.append(f"{where}: \"layers\" must be a non-empty list of catalog layer ids; skipped")
        return None
    layer_ids = []
    for layer_id in raw_layers:
        if not isinstance(layer_id, str) or layer_id not in known_layers:
            problems.append(f"{where}: unknown layer id {json.dumps(layer_id, ensure_ascii=False)[:60]} "
                            f"(not a map layer in geodata/catalog.json); that layer is left out")
        elif layer_id not in layer_ids:
            layer_ids.append(layer_id)
    if not layer_ids:
        problems.append(f"{where}: none of its layers is in the catalog; skipped")
        return None
    view, bounds = _view(raw.get("view"), where, problems)
    if "bounds" in raw and view is None and bounds is None:
        bounds = _bounds(raw["bounds"], where, problems)
    select = raw.get("select")
    if select is not None:
        if not isinstance(select, str) or select.count("/") != 1 or select.split("/")[0] not in layer_ids:
            problems.append(f"{where}: \"select\" {json.dumps(select, ensure_ascii=False)[:80]} must be "
                            f"\"layer_id/feature_id\" with a layer of this step; no popup is opened")
            select = None
    highlight = _highlight(raw.get("highlight"), layer_ids, where, problems)
    seen.add(step_id)
    return TourStep(id=step_id, title_zh=raw["title_zh"].strip(), title_en=raw["title_en"].strip(),
                    text_zh=raw["text_zh"].strip(), text_en=raw["text_en"].strip(), source=raw["source"].strip(),
                    layers=tuple(layer_ids), view=view, bounds=bounds, select=select, highlight=highlight)


def _highlight(raw: Any, layer_ids: list[str], where: str, problems: list[str]) -> tuple[str, ...]:
    """The step's "highlight" list: each "layer_id/feature_id" with a layer of this step; bad entries are left out."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(f"{where}: \"highlight\" must be a list of \"layer_id/feature_id\"; nothing is highlighted")
        return ()
    out: list[str] = []
    for key in raw:
        if not isinstance(key, str) or key.count("/") != 1 or key.split("/")[0] not in layer_ids:
            problems.append(f"{where}: \"highlight\" entry {json.dumps(key, ensure_ascii=False)[:80]} must be "
                            f"\"layer_id/feature_id\" with a layer of this step; it is left out")
        elif key not in out:
            out.append(key)
    return tuple(out)


def catalog_layers() -> dict[str, str]:
    """Map layers a step may show: catalog id → file (tables have no geometry, so they are not map layers)."""
    from layers.catalog import catalog

    return {s.id: s.file for s in catalog() if not s.is_table}


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def plan_text() -> str | None:
    """The plan text with all whitespace removed (for the verbatim check), or None when it is not there."""
    for candidate in paths.PLAN_TEXT_CANDIDATES:
        if candidate.is_file():
            return normalise(candidate.read_text(encoding="utf-8"))
    return None


def not_verbatim(step: TourStep, plan: str) -> list[str]:
    """The fragments of step.text_zh that are not, whitespace aside, in the plan text."""
    return [f for f in step.fragments() if normalise(f) not in plan]


def load_tour(path: Path | None = None, known_layers: dict[str, str] | None = None,
              plan: str | None = None) -> Tour:
    """The usable steps of a tour file and a message for every problem (never an exception).

    known_layers defaults to the catalog's map layers; plan (whitespace-free plan text), when given, is used to
    flag Chinese text that is not a verbatim quote (the step is still shown).
    """
    path = path or TOUR_FILE
    problems: list[str] = []
    name = rel = paths.shown(path)  # relative to the project: messages never show the server's paths
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Tour((), (f"{rel}: the tour file is missing",))
    except UnicodeDecodeError as exc:
        return Tour((), (f"{rel}: not UTF-8 text ({exc.reason})",))
    except json.JSONDecodeError as exc:
        return Tour((), (f"{rel}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",))
    except OSError as exc:
        return Tour((), (f"{rel}: cannot be read ({exc.strerror})",))
    if not isinstance(raw, dict) or not isinstance(raw.get("steps"), list):
        return Tour((), (f"{rel}: must be a JSON object with a \"steps\" list",))
    if known_layers is None:
        try:
            known_layers = catalog_layers()
        except Exception as exc:  # a broken catalog is reported by the app; say why the tour cannot be checked
            return Tour((), (f"{rel}: the layer catalog cannot be read, so the steps cannot be checked ({exc})",))
    entries = raw["steps"]
    if len(entries) > MAX_STEPS:
        problems.append(f"{name}: {len(entries)} steps; only the first {MAX_STEPS} are used")
        entries = entries[:MAX_STEPS]
    steps: list[TourStep] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        step_problems: list[str] = []
        step = _step(entry, index, known_layers, seen, step_problems)
        if step is not None and plan is not None:
            for fragment in not_verbatim(step, plan):
                step_problems.append(f"step {index + 1} ({step.id}): text_zh is not verbatim plan text: "
                                     f"“{fragment[:40]}{'…' if len(fragment) > 40 else ''}”")
        problems.extend(f"{name}: {p}" for p in step_problems)
        if step is not None:
            steps.append(step)
    if not steps and not problems:
        problems.append(f"{name}: the \"steps\" list is empty")
    return Tour(tuple(steps), tuple(problems))
