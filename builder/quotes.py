"""Plan quotes: every quoted fragment must stand verbatim in a part of the plan the record cites.

A record's `source` ("专栏14", "第九章第一节", "第九章第一节；专栏13") names one or more parts of the plan; each
fragment of a quote (fragments are joined by “……”) must occur, whitespace ignored, in the text of one of them:
a box's own text, a section's text with the boxes printed in it, or a whole chapter.
"""
from __future__ import annotations

import re

from layers import plantext
from layers.plantext import Plan

OMISSION = "……"


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("*", "")


class Quotes:
    """The plan's parts as normalised text, by anchor (box14, ch9-s1, ch9)."""

    def __init__(self, doc: Plan):
        self.doc = doc
        self.texts: dict[str, str] = {}
        for chapter in doc.chapters:
            chapter_parts = [chapter.heading]
            for section in chapter.sections:
                parts = [section.heading]
                for item in section.items:
                    if isinstance(item, plantext.Box):
                        box_text = item.heading + "".join(p.full for p in item.paragraphs)
                        self.texts[item.anchor] = normalise(box_text)
                        parts.append(box_text)
                    else:
                        parts.append(item.full)
                self.texts[section.anchor] = normalise("".join(parts))
                chapter_parts.extend(parts)
            self.texts[chapter.anchor] = normalise("".join(chapter_parts))
        self.whole = normalise("".join(p.full for p in doc.preamble)) + "".join(
            self.texts[c.anchor] for c in doc.chapters)

    def cited(self, source: str) -> tuple[list[str], list[str]]:
        """(texts of the parts `source` cites, the cited parts that do not exist in the plan)."""
        texts, unknown = [], []
        for part in plantext.split_source(source):
            ref = plantext.parse_ref(part, self.doc)
            (unknown.append(part) if ref is None else texts.append(self.texts[ref.anchor]))
        return texts, unknown

    def check(self, text: str, source: str, what: str) -> list[str]:
        """Problems with one quote: a fragment not verbatim in the cited parts, or a cited part not in the plan."""
        texts, unknown = self.cited(source)
        problems = [f"{what}: source '{part}' is not a part of the plan" for part in unknown]
        if not texts:
            return problems or [f"{what}: no source cited"]
        for fragment in text.split(OMISSION):
            frag = normalise(fragment)
            if frag and not any(frag in t for t in texts):
                found = "it is elsewhere in the plan" if frag in self.whole else "it is nowhere in the plan"
                problems.append(f"{what}: “{fragment.strip()[:40]}” is not in {source} ({found})")
        return problems
