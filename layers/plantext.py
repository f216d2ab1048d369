"""The plan text as a structure: chapters → sections → paragraphs and boxes (专栏), with stable anchors.

Pure Python (no Streamlit). Used by the “规划原文 / Plan text” page:

    plan()                       the parsed plan (cached per file modification time)
    find_section(source)         a feature's `source` (“第九章第一节”, “专栏14”, “第三章”, “专栏14；第九章第一节”) →
                                 the SectionRef to show, or None

Links from the text to the map are layers/planlinks.py.

Anchors: chapter “ch9”, section “ch9-s1”, chapter intro “ch9-s0”, box “box14”, paragraph “ch9-s1-p3” / “box14-p2”.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from layers import paths


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零一二两三四五六七八九十"
CHAPTER_RE = re.compile(rf"^第([{_CN}]+)章\s*(.*)$")
SECTION_RE = re.compile(rf"^第([{_CN}]+)节\s*(.*)$")
BOX_RE = re.compile(r"^专栏\s*(\d+)\s*(.*)$")
SUBHEADING_RE = re.compile(rf"^(?:[{_CN}]+、|[（(][{_CN}]+[)）])\s*\S")
BULLET_RE = re.compile(r"^(?:-\s*)?◆\s*")
LABEL_RE = re.compile(r"^(.{1,40}?)([：:])\s*")
END_MATTER = ("抄送：", "抄送:")
TERMINAL = "。！？；：:!?;"

# One source reference: 专栏14 | 第九章第一节 | 第三章
_REF_RE = re.compile(rf"^(?:专栏\s*(\d+)|第([{_CN}]+)章(?:第([{_CN}]+)节)?)$")


def cn_number(text: str) -> int | None:
    """A Chinese numeral up to 99 (“十五” → 15, “二十一” → 21), or Arabic digits; None when not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text)) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


CN_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def cn_numeral(n: int) -> str:
    """1..99 as a Chinese numeral (15 → 十五)."""
    if n <= 10:
        return CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (CN_NUMERALS[tens] if tens > 1 else "") + "十" + CN_NUMERALS[ones]


# ---------------------------------------------------------------- structure


@dataclass(frozen=True)
class Paragraph:
    """One paragraph. kind: text | bullet | subheading | figure | table | note."""

    anchor: str
    text: str
    kind: str = "text"
    label: str = ""  # bullets: the lead-in before “：” (shown bold)
    chapter: int = 0
    section: str = ""  # the section anchor it sits in (ch9-s1; ch9-s0 for a chapter's intro)
    box: str = ""  # the box anchor (box14) when inside a box

    @property
    def full(self) -> str:
        """The paragraph as printed: “label：text” for a bullet with a lead-in."""
        return f"{self.label}：{self.text}" if self.label else self.text

    @property
    def places(self) -> frozenset[str]:
        """Every anchor this paragraph lies within (chapter, section, box)."""
        return frozenset(a for a in (f"ch{self.chapter}" if self.chapter else "", self.section, self.box) if a)


@dataclass
class Box:
    number: int
    title: str
    chapter: int
    section: str  # anchor of the section the box sits in
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"box{self.number}"

    @property
    def heading(self) -> str:
        return f"专栏 {self.number} {self.title}".strip()


@dataclass
class Section:
    """A 节 (number ≥ 1) or a chapter's introduction before its first 节 (number 0)."""

    chapter: int
    number: int
    title: str
    items: list[Paragraph | Box] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"ch{self.chapter}-s{self.number}"

    @property
    def heading(self) -> str:
        return f"第{cn_numeral(self.number)}节 {self.title}".strip() if self.number else ""

    @property
    def boxes(self) -> list[Box]:
        return [item for item in self.items if isinstance(item, Box)]


@dataclass
class Chapter:
    number: int
    title: str
    sections: list[Section] = field(default_factory=list)  # sections[0] is the intro (number 0), maybe empty

    @property
    def anchor(self) -> str:
        return f"ch{self.number}"

    @property
    def heading(self) -> str:
        return f"第{cn_numeral(self.number)}章 {self.title}".strip()

    @property
    def boxes(self) -> list[Box]:
        return [box for section in self.sections for box in section.boxes]

    def section(self, number: int) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)


@dataclass
class Plan:
    title: str
    preamble: list[Paragraph]
    chapters: list[Chapter]

    def chapter(self, number: int) -> Chapter | None:
        return next((c for c in self.chapters if c.number == number), None)

    @property
    def boxes(self) -> dict[int, Box]:
        return {box.number: box for chapter in self.chapters for box in chapter.boxes}


@dataclass(frozen=True)
class SectionRef:
    """What to show for a source: a chapter, a section in it, or a box (which lies in a section)."""

    chapter: int
    section: int | None = None
    box: int | None = None

    @property
    def anchor(self) -> str:
        if self.box is not None:
            return f"box{self.box}"
        if self.section is not None:
            return f"ch{self.chapter}-s{self.section}"
        return f"ch{self.chapter}"

    @property
    def label(self) -> str:
        """“第九章第一节”, “第九章 · 专栏 14”, “第三章” — how the plan itself cites it."""
        text = f"第{cn_numeral(self.chapter)}章"
        if self.box is not None:
            return f"{text} · 专栏 {self.box}"
        if self.section:
            return f"{text}第{cn_numeral(self.section)}节"
        return text


# ---------------------------------------------------------------- parsing


def _clean(line: str) -> str:
    return line.replace("**", "").replace("\u3000", " ").strip()


def _is_caption(line: str) -> bool:
    return len(line) <= 30 and line[-1] in "图表" and not any(ch in line for ch in "。，；：")


def _join(a: str, b: str) -> str:
    """Glue a paragraph broken by a page break; keep a space only between two Latin/digit characters."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _blocks(lines: Iterable[str]) -> list[tuple[str, str]]:
    """(kind, text) for every paragraph, with page-break splits joined and tables kept together."""
    blocks: list[tuple[str, str]] = []
    for raw in lines:
        if not raw.strip():
            continue
        if "\t" in raw:
            if blocks and blocks[-1][0] == "table":
                blocks[-1] = ("table", blocks[-1][1] + "\n" + raw.strip().replace("**", ""))
            else:
                blocks.append(("table", raw.strip().replace("**", "")))
            continue
        line = _clean(raw)
        if not line:
            continue
        if line.startswith(END_MATTER):
            break
        if CHAPTER_RE.match(line):
            kind = "chapter"
        elif SECTION_RE.match(line):
            kind = "section"
        elif BOX_RE.match(line):
            kind = "box"
        elif BULLET_RE.match(line):
            kind, line = "bullet", BULLET_RE.sub("", line)
        elif line.startswith(("注：", "注:")):
            kind = "note"
        elif SUBHEADING_RE.match(line) and len(line) <= 30 and "。" not in line:
            kind = "subheading"
        elif _is_caption(line):
            kind = "figure"
        else:
            kind = "text"
        previous = blocks[-1] if blocks else None
        if (kind == "text" and previous and previous[0] in ("text", "bullet")
                and previous[1] and previous[1][-1] not in TERMINAL):
            blocks[-1] = (previous[0], _join(previous[1], line))
            continue
        blocks.append((kind, line))
    return blocks


def parse(text: str) -> Plan:
    """The plan's structure from its text (see the module docstring for the anchors)."""
    title = ""
    preamble: list[Paragraph] = []
    chapters: list[Chapter] = []
    chapter: Chapter | None = None
    section: Section | None = None
    box: Box | None = None

    def add(kind: str, body: str) -> None:
        nonlocal box
        label = ""
        if kind == "bullet":
            match = LABEL_RE.match(body)
            if match:
                label, body = match.group(1).strip(), body[match.end():]
        elif box is not None and box.paragraphs:
            box = None  # anything but a bullet after a box's bullets: the section continues
        if chapter is None or section is None:
            preamble.append(Paragraph(f"pre-p{len(preamble) + 1}", body, kind, label))
            return
        if box is not None:
            box.paragraphs.append(Paragraph(f"{box.anchor}-p{len(box.paragraphs) + 1}", body, kind, label,
                                            chapter.number, section.anchor, box.anchor))
            return
        count = sum(1 for item in section.items if isinstance(item, Paragraph)) + 1
        section.items.append(Paragraph(f"{section.anchor}-p{count}", body, kind, label, chapter.number,
                                       section.anchor))

    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if first < len(lines) and not CHAPTER_RE.match(_clean(lines[first])):
        title, lines = _clean(lines[first]), lines[first + 1:]
    for kind, body in _blocks(lines):
        if kind == "chapter":
            match = CHAPTER_RE.match(body)
            chapter = Chapter(cn_number(match.group(1)) or len(chapters) + 1, match.group(2).strip())
            section = Section(chapter.number, 0, "")
            chapter.sections.append(section)
            chapters.append(chapter)
            box = None
        elif kind == "section" and chapter is not None:
            match = SECTION_RE.match(body)
            section = Section(chapter.number, cn_number(match.group(1)) or len(chapter.sections), match.group(2).strip())
            chapter.sections.append(section)
            box = None
        elif kind == "box" and section is not None:
            match = BOX_RE.match(body)
            box = Box(int(match.group(1)), match.group(2).strip(), chapter.number, section.anchor)
            section.items.append(box)
        else:
            add(kind, body)
    return Plan(title, preamble, chapters)


def plan_path() -> Path:
    for candidate in paths.PLAN_TEXT_CANDIDATES:
        if candidate.exists():
            return candidate
    raise FileNotFoundError("the plan text is missing: " + ", ".join(map(str, paths.PLAN_TEXT_CANDIDATES)))


@lru_cache(maxsize=2)
def _parsed(path: str, mtime: float) -> Plan:
    return parse(Path(path).read_text(encoding="utf-8"))


def plan() -> Plan:
    """The parsed plan text (re-read when the file changes)."""
    path = plan_path()
    return _parsed(str(path), path.stat().st_mtime)


# ---------------------------------------------------------------- sources → sections


def parse_ref(part: str, text: Plan | None = None) -> SectionRef | None:
    """One reference (“专栏14”, “第九章第一节”, “第三章”) that exists in the plan, or None."""
    doc = text or plan()
    match = _REF_RE.match(re.sub(r"\s+", "", part))
    if not match:
        return None
    box_no, chapter_cn, section_cn = match.groups()
    if box_no:
        box = doc.boxes.get(int(box_no))
        if box is None:
            return None
        return SectionRef(box.chapter, int(box.section.rsplit("-s", 1)[1]), box.number)
    chapter = doc.chapter(cn_number(chapter_cn) or 0)
    if chapter is None:
        return None
    if section_cn is None:
        return SectionRef(chapter.number)
    number = cn_number(section_cn)
    if not number or chapter.section(number) is None:
        return None
    return SectionRef(chapter.number, number)


def split_source(source: str) -> list[str]:
    return [part.strip() for part in re.split(r"[；;，,、]", source or "") if part.strip()]


def find_refs(source: str, text: Plan | None = None) -> list[SectionRef]:
    """Every reference in a source string that exists in the plan, in order."""
    refs = [parse_ref(part, text) for part in split_source(source)]
    return [ref for ref in refs if ref is not None]


def find_section(source: str, text: Plan | None = None) -> SectionRef | None:
    """The chapter/section to show for a feature's `source` (its first reference that exists), or None."""
    if not isinstance(source, str) or len(source) > 200:
        return None
    refs = find_refs(source, text)
    return refs[0] if refs else None
