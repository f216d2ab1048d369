"""User-interface strings in 中文 and English (data in strings.json); Chinese is the default."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
STRINGS_DIR = Path(__file__).with_name("strings")  # one JSON file per part of the app: {key: {zh, en}}


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(STRINGS_DIR.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def duplicate_keys() -> list[str]:
    """Keys defined in more than one strings file (a test keeps this empty)."""
    seen: dict[str, str] = {}
    dups = []
    for path in sorted(STRINGS_DIR.glob("*.json")):
        for key in json.loads(path.read_text(encoding="utf-8")):
            if key in seen:
                dups.append(f"{key} ({seen[key]}, {path.name})")
            seen[key] = path.name
    return dups


def normalise_language(value: object) -> str:
    """A supported language code for any input (unknown values fall back to Chinese)."""
    text = str(value or "").strip().lower()[:8]
    return text if text in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str) -> str:
    """The string for key in lang; the other language (marked) if missing; the key itself as a last resort."""
    entry = strings().get(key, {})
    if entry.get(lang):
        return entry[lang]
    for other in LANGUAGES:
        if entry.get(other):
            return f"{entry[other]} [{other}]"
    return f"[{key}]"


def pick(record: dict, field: str, lang: str) -> str:
    """record[f'{field}_{lang}'], falling back to the other language, or ''."""
    for code in (lang, *[c for c in LANGUAGES if c != lang]):
        value = record.get(f"{field}_{code}")
        if isinstance(value, str) and value.strip():
            return value
    return ""
