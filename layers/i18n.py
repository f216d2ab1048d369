"""User-interface strings in 中文 and English (data in strings.json); Chinese is the default."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
STRINGS_FILE = Path(__file__).with_name("strings.json")


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    return json.loads(STRINGS_FILE.read_text(encoding="utf-8"))


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
