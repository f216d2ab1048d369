"""Writing geodata/: GeoJSON layers (one feature per line, 5 decimals), JSON tables and the generated catalog."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def dumps_collection(name: str, features: list[dict[str, Any]]) -> str:
    """A FeatureCollection with one feature per line, so that a change shows as a one-line diff."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return ('{"type":"FeatureCollection","name":' + json.dumps(name) + ',"features":[\n'
            + ",\n".join(lines) + "\n]}\n")


def dumps_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
