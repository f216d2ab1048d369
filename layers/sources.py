"""How a `source` (the plan section a feature, table or tour step cites) reads in each language.

    source_label("第九章；第九章第一节", "en")  -> "Chapter 9; Chapter 9, Section 1"
    source_label("专栏14", "en")                -> "Box 14"
    source_label("专栏14", "zh")                -> "专栏14" (the plan's own citation, unchanged)

A part that is not a chapter, section or box citation is kept as written (and so are the separators next to it),
so any text survives unchanged apart from its citations. Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from layers.i18n import t
from layers.plantext import cn_number

_PART_SPLIT = re.compile(r"([；;，,、])")
_BOX = re.compile(r"^专栏\s*(\d+)$")
_CHAPTER = re.compile(r"^第(.+?)章(?:第(.+?)节)?$")


def _part_en(part: str) -> str | None:
    """A chapter, section or box citation in English, or None when the part is not one."""
    text = re.sub(r"\s+", "", part)
    if box := _BOX.match(text):
        return t("source_box", "en").format(box=int(box.group(1)))
    match = _CHAPTER.match(text)
    chapter = cn_number(match.group(1)) if match else None
    if not chapter:
        return None
    if match.group(2) is None:
        return t("source_chapter", "en").format(chapter=chapter)
    section = cn_number(match.group(2))
    if not section:
        return None
    return t("source_chapter_section", "en").format(chapter=chapter, section=section)


def source_label(source: object, lang: str) -> str:
    """The source as a reader of lang cites it ('' for a missing source). Separators are put in English form
    only when every part is a citation; otherwise the text around the translated citations stays as written."""
    if not isinstance(source, str):
        return ""
    if lang != "en":
        return source
    pieces = _PART_SPLIT.split(source)
    parts = [(piece, _part_en(piece.strip())) for piece in pieces if piece.strip() and not _PART_SPLIT.fullmatch(piece)]
    if parts and all(label is not None for _, label in parts):
        out = []
        for piece in pieces:
            if _PART_SPLIT.fullmatch(piece):
                out.append("; " if piece in "；;" else ", ")
            elif piece.strip():
                out.append(_part_en(piece.strip()) or piece)
        return "".join(out).strip()
    return "".join(piece if _PART_SPLIT.fullmatch(piece) or not piece.strip()
                   else (_part_en(piece.strip()) or piece) for piece in pieces)


def source_labels(sources: Iterable[object], lang: str) -> dict[str, str]:
    """{source: label} for the sources whose label differs from the source (none in Chinese)."""
    labels = {}
    for source in sources:
        if isinstance(source, str) and source not in labels:
            label = source_label(source, lang)
            if label != source:
                labels[source] = label
    return labels
