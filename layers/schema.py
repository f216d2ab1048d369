"""The one home of the data schemas: JSON Schema files in layers/schemas/ for catalog entries, feature
properties and tour steps, and a validator that returns readable messages.

Used by the data builder (builder/), `python -m layers validate`, the app, the static edition and the tests.
Unknown or misspelt keys are errors in all three schemas.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
NAMES = ("catalog_entry", "feature", "tour")


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """The parsed schema `layers/schemas/<name>.schema.json`."""
    if name not in NAMES:
        raise KeyError(f"unknown schema '{name}'")
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name))


def _where(path: Any) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def errors(name: str, value: Any) -> list[str]:
    """Every way `value` breaks schema `name`, as short sentences ("style.colr: unknown key"), sorted."""
    out = []
    for err in _validator(name).iter_errors(value):
        where = _where(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            for key in extra:
                out.append(f"{(where + '.') if where else ''}{key}: unknown key (misspelt?)")
            continue
        message = err.message if len(err.message) < 160 else err.message[:157] + "…"
        out.append(f"{where or '(top)'}: {message}")
    return sorted(out)


def plan_required() -> tuple[str, ...]:
    """Feature properties every plan-layer feature must carry (basemap features need only the schema's own)."""
    return ("id", "name_zh", "name_en", "kind", "function_zh", "function_en", "projects", "source", "geometry_basis")
