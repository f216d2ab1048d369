"""规划原文 / Plan text: the Outline chapter by chapter; every mapped place is a link to it on the map.

URL: ?chapter=<1..15>, ?section=<s1 | box14> (a 节 of that chapter, or a 专栏), ?source=<a feature's source> (what the
map popups link to: “专栏14；第九章第一节”). Unknown values are ignored with a notice. The target passage is shown first.

Safety: every text from the plan or the data goes through plantext.escape_md; link targets are built only from
validated slugs (planlinks.map_url); nothing is rendered as HTML.
"""
from ui.guard import ensure_navigation

ensure_navigation()

import re

import streamlit as st

from layers import paths, planlinks, plantext
from layers.i18n import t
from layers.markdown import escape_md
from layers.planlinks import Feature
from layers.plantext import Box, Chapter, Paragraph, Section, SectionRef
from ui import data, state

SECTION_PARAM = re.compile(r"^(?:s([0-9]{1,2})|box([0-9]{1,2}))$")  # ASCII digits only: int() refuses "²"
CHAPTER_PARAM = re.compile(r"^[0-9]{1,3}$")


@st.cache_resource(show_spinner=False, max_entries=4)
def _features(stamp: tuple) -> tuple[list[Feature], list[str]]:
    """Every feature of the map layers (reloaded when a data file changes), and the layers that failed."""
    features, problems = planlinks.feature_index()
    return features, [str(p) for p in problems]


def _feature_stamp() -> tuple:
    try:
        return tuple((s.id, data.file_stamp(s)) for s in data.all_specs())
    except Exception:  # a broken catalog: the map pages say so; here the text still reads
        return ()


def _load_features() -> tuple[list[Feature], list[str]]:
    try:
        return _features(_feature_stamp())
    except Exception as exc:  # never let the data stop the text
        return [], [str(exc)]


# ---------------------------------------------------------------- URL state


def _section_ref(raw: str, chapter: Chapter | None, doc: plantext.Plan) -> SectionRef | None:
    match = SECTION_PARAM.fullmatch(raw)
    if not match:
        return None
    if match.group(2):
        return plantext.parse_ref(f"专栏{int(match.group(2))}", doc)
    if chapter is None or chapter.section(int(match.group(1))) is None:
        return None
    return SectionRef(chapter.number, int(match.group(1)))


def read_url(doc: plantext.Plan) -> tuple[int, SectionRef | None, bool]:
    """(chapter number, passage to show first, whether it came from a map popup); bad values are noted."""
    chapters = {c.number: c for c in doc.chapters}
    chapter_no = None
    raw_chapter = state.param("chapter")
    if raw_chapter is not None:
        if CHAPTER_PARAM.fullmatch(raw_chapter) and int(raw_chapter) in chapters:
            chapter_no = int(raw_chapter)
        else:
            state.note_invalid("chapter", raw_chapter)
    target, from_map = None, False
    raw_source = state.param("source")
    if raw_source is not None:
        target = plantext.find_section(raw_source, doc)
        if target is None:
            state.note_invalid("source", raw_source)
            state.set_param("source", None)
        from_map = target is not None
    raw_section = state.param("section")
    if raw_section is not None and target is None:
        target = _section_ref(raw_section, chapters.get(chapter_no or 1), doc)
        if target is None:
            state.note_invalid("section", raw_section)
            state.set_param("section", None)
    if target is not None:
        chapter_no = target.chapter
    return chapter_no or doc.chapters[0].number, target, from_map


def _go_to_chapter(number: int) -> None:
    for name in ("source", "section"):
        if name in st.query_params:
            del st.query_params[name]
    st.query_params["chapter"] = str(number)


def _chapter_picked() -> None:
    _go_to_chapter(st.session_state["plan_chapter"])


def _read_in_order() -> None:
    for name in ("source", "section"):
        if name in st.query_params:
            del st.query_params[name]


# ---------------------------------------------------------------- rendering


class Renderer:
    """Writes one chapter; remembers which features were linked (for the “also on the map” lines)."""

    def __init__(self, features: list[Feature], lang: str):
        self.features = features
        self.lang = lang
        self.linked: set[str] = set()
        self.count = 0

    def _markdown(self, para: Paragraph) -> str:
        found = planlinks.mentions(para, self.features)
        self.linked.update(m.feature.key for m in found)
        self.count += sum(1 for m in found if planlinks.map_url(m.feature, self.lang))
        return planlinks.paragraph_markdown(para, self.features, self.lang, found)

    def paragraphs(self, paras: list[Paragraph]) -> None:
        """Consecutive paragraphs, with figures, tables and notes in between."""
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                st.markdown("\n\n".join(buffer))
                buffer.clear()

        for para in paras:
            if para.kind in ("text", "subheading"):
                buffer.append(self._markdown(para))
            elif para.kind == "bullet":
                line = self._markdown(para)
                if buffer and buffer[-1].startswith("- "):
                    buffer[-1] += "\n" + line
                else:
                    buffer.append(line)
            elif para.kind == "figure":
                flush()
                if para.text.endswith("表"):
                    st.markdown(f"**{escape_md(para.text)}**")
                else:
                    st.caption(escape_md(t("plan_figure", self.lang).format(title=para.text)))
            elif para.kind == "table":
                flush()
                with st.expander(escape_md(t("plan_table", self.lang))):
                    st.code(para.text.replace("\t", " │ "), language=None)
            elif para.kind == "note":
                flush()
                st.caption(escape_md(para.text))
        flush()

    def also_on_map(self, anchors: set[str]) -> None:
        """Features citing this passage that the text does not name verbatim (e.g. 新材料产业一翼（金普新区）)."""
        rest = [f for f in self.features if f.anchors & anchors and f.key not in self.linked]
        seen, links = set(), []
        for feature in sorted(rest, key=lambda f: f.order):
            if feature.name_zh in seen or planlinks.map_url(feature, self.lang) is None:
                continue
            seen.add(feature.name_zh)
            self.linked.add(feature.key)
            links.append(planlinks.link_markdown(feature.name_zh, feature, self.lang))
        if links:
            st.caption(escape_md(t("plan_also_on_map", self.lang)) + " " + " · ".join(links))

    def box(self, box: Box, skip: str | None = None) -> None:
        if box.anchor == skip:
            st.caption(escape_md(t("plan_seen_above", self.lang).format(label=box.heading)))
            return
        with st.container(border=True):
            st.markdown(f"**{escape_md(box.heading)}**")
            self.paragraphs(box.paragraphs)
            self.also_on_map({box.anchor})

    def section(self, section: Section, skip: str | None = None, chapter_level: bool = False) -> None:
        if section.anchor == skip:
            st.caption(escape_md(t("plan_seen_above", self.lang).format(label=section.heading)))
            return
        if section.number:
            st.subheader(escape_md(section.heading), anchor=section.anchor)
        run: list[Paragraph] = []
        for item in section.items:
            if isinstance(item, Box):
                self.paragraphs(run)
                run = []
                self.box(item, skip)
            else:
                run.append(item)
        self.paragraphs(run)
        anchors = {section.anchor} | ({f"ch{section.chapter}"} if chapter_level else set())
        self.also_on_map(anchors)


def contents(chapter: Chapter) -> None:
    links = [f"[{escape_md(s.heading)}](#{s.anchor})" for s in chapter.sections if s.number]
    if links:
        st.markdown("\n".join(f"- {link}" for link in links))


def target_label(doc: plantext.Plan, target: SectionRef) -> str:
    chapter = doc.chapter(target.chapter)
    if target.box is not None:
        return doc.boxes[target.box].heading
    if target.section:
        section = chapter.section(target.section)
        return f"{chapter.heading} · {section.heading}"
    return chapter.heading


def show_chapter(doc: plantext.Plan, chapter: Chapter, target: SectionRef | None, render: Renderer) -> None:
    """The chapter, with the target passage (a section or box) first."""
    skip = None
    if target is not None and (target.box is not None or target.section):
        with st.container(border=True):
            if target.box is not None:
                st.caption(escape_md(chapter.heading + " · " + chapter.section(target.section).heading))
                box = doc.boxes[target.box]
                st.markdown(f"**{escape_md(box.heading)}**")
                render.paragraphs(box.paragraphs)
                render.also_on_map({box.anchor})
                skip = box.anchor
            else:
                st.caption(escape_md(chapter.heading))
                render.section(chapter.section(target.section))
                skip = chapter.section(target.section).anchor
        st.divider()
    st.header(escape_md(chapter.heading), anchor=chapter.anchor)
    if chapter.number == doc.chapters[0].number and doc.preamble:
        render.paragraphs(doc.preamble)
    for section in chapter.sections:
        render.section(section, skip, chapter_level=(section.number == 0))


def main() -> None:
    lang = st.session_state.get("lang", "zh")
    st.title(t("page_plan", lang))
    try:
        doc = plantext.plan()
    except (OSError, UnicodeDecodeError) as exc:  # named relative to the project: no server paths in the page
        problem = "file is missing" if isinstance(exc, FileNotFoundError) else f"cannot be read ({type(exc).__name__})"
        st.error(f"**{escape_md(t('plan_missing', lang))}**: "
                 f"{escape_md(paths.shown(paths.PLAN_TEXT_CANDIDATES[0]))}: {escape_md(problem)}")
        return
    if not doc.chapters:
        st.error(escape_md(t("plan_missing", lang)))
        return
    st.caption(escape_md(f"《{doc.title.replace(' ', '')}》"))
    if lang == "en":
        st.info(escape_md(t("plan_en_note", lang)), icon=":material/translate:")

    chapter_no, target, from_map = read_url(doc)
    url_key = (chapter_no, target)
    if st.session_state.get("_plan_url") != url_key or "plan_chapter" not in st.session_state:
        st.session_state["plan_chapter"] = chapter_no  # the URL moved (a link, a callback): the selector follows
        st.session_state["_plan_url"] = url_key
    numbers = [c.number for c in doc.chapters]
    by_number = {c.number: c for c in doc.chapters}
    features, problems = _load_features()
    text_col, side_col = st.columns([3, 1], gap="large")
    with text_col:
        picked = st.selectbox(t("plan_chapter", lang), numbers, key="plan_chapter", on_change=_chapter_picked,
                              format_func=lambda n: t("plan_chapter_option", lang).format(
                                  number=n, heading=by_number[n].heading))
        state.set_param("chapter", str(picked))
        if target is not None and target.chapter != picked:
            target = None
        if problems:
            st.warning(f"**{escape_md(t('plan_links_unavailable', lang))}**: "
                       + "; ".join(escape_md(p) for p in problems), icon=":material/warning:")
        if target is not None:
            passage = target.box is not None or bool(target.section)
            message = ("plan_from_map" if from_map else "plan_showing") if passage else "plan_from_map_chapter"
            st.info(escape_md(t(message, lang).format(label=target_label(doc, target))),
                    icon=":material/location_on:")
            if passage:
                st.button(t("plan_read_in_order", lang), on_click=_read_in_order, key="plan_in_order")
        render = Renderer(features, lang)
        show_chapter(doc, by_number[picked], target, render)
        st.caption(escape_md(t("plan_linked_count", lang).format(count=render.count)))
        pager(numbers, by_number, picked, lang)
    with side_col:
        st.caption(escape_md(t("plan_intro", lang)))
        st.markdown(f"**{escape_md(t('plan_contents', lang))}**")
        contents(by_number[picked])


def pager(numbers: list[int], by_number: dict[int, Chapter], picked: int, lang: str) -> None:
    index = numbers.index(picked)
    prev_col, _, next_col = st.columns([2, 1, 2])
    if index > 0:
        prev_col.button(t("plan_prev", lang), on_click=_go_to_chapter, args=(numbers[index - 1],), key="plan_prev",
                        help=escape_md(by_number[numbers[index - 1]].heading), width="stretch")
    if index < len(numbers) - 1:
        next_col.button(t("plan_next", lang), on_click=_go_to_chapter, args=(numbers[index + 1],), key="plan_next",
                        help=escape_md(by_number[numbers[index + 1]].heading), width="stretch")


main()
