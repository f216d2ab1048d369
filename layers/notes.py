"""Bilingual messages about user input: a Note (what the report assumed or repaired) and an InputError (why input
was refused). Both are a strings key (layers/strings/site_report.json) and parameters, so the page, the command
line and the tests show the same sentence in 中文 or English."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from layers.i18n import t


def _text(key: str, params: dict[str, Any], lang: str) -> str:
    template = t(key, lang)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


@dataclass(frozen=True)
class Note:
    """Something the reader should know about how their input was read."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return _text(self.key, self.params, lang)


class InputError(ValueError):
    """Input that cannot be used; message(lang) says why and what to do instead."""

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params
        super().__init__(_text(key, params, "en"))

    def message(self, lang: str) -> str:
        return _text(self.key, self.params, lang)
