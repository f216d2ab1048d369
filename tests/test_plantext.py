"""The plan text page: parsing, source → section, name mentions, safe Markdown, and the page itself (AppTest)."""
from __future__ import annotations

import json
import re

import pytest

from layers import planlinks, plantext
from layers.catalog import catalog
from layers.markdown import escape_md
from layers.planlinks import Feature, mentions, paragraph_markdown
from layers.plantext import Box, Paragraph, SectionRef, find_section

from test_pages_apptest import run_page

MAP_LINK = re.compile(r"^/(?:layout|industry|ecology|infrastructure)?\?select=[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*"
                      r"&lang=(?:zh|en)$")


@pytest.fixture(scope="module")
def doc() -> plantext.Plan:
    return plantext.plan()


@pytest.fixture(scope="module")
def features(doc) -> list[Feature]:
    found, problems = planlinks.feature_index(doc)
    assert not problems
    return found


def all_paragraphs(doc):
    for chapter in doc.chapters:
        for section in chapter.sections:
            for item in section.items:
                yield from (item.paragraphs if isinstance(item, Box) else [item])


def links_in(markdown: str) -> list[str]:
    """Link destinations Markdown would see: escaped characters (\\x) removed first, so escaped text is not a link."""
    bare = re.sub(r"\\.", "", markdown)
    return re.findall(r"\]\(([^\s)]*)", bare)


def catalog_sources() -> dict[str, list[str]]:
    """Every distinct `source` in the plan layers' files → the layers using it."""
    sources: dict[str, list[str]] = {}
    for spec in catalog():
        if spec.is_table or spec.contract != "plan":
            continue
        data = json.loads(spec.path.read_text(encoding="utf-8"))
        for feature in data["features"]:
            source = feature["properties"].get("source")
            if source:
                sources.setdefault(source, []).append(spec.id)
    return sources


# ---------------------------------------------------------------- parsing


def test_all_fifteen_chapters(doc):
    assert [c.number for c in doc.chapters] == list(range(1, 16))
    assert doc.chapter(1).heading == "第一章 奋力攻坚克难 擘画现代化建设新蓝图"
    assert doc.chapter(15).heading == "第十五章 强化规划引领 实现宏伟蓝图"
    assert [s.heading for s in doc.chapter(9).sections if s.number] == [
        "第一节 构建全市空间开发保护新格局", "第二节 扎实推进乡村振兴", "第三节 推动新型城镇化高质量发展",
        "第四节 开创陆海统筹发展新局面"]
    assert len(doc.chapter(12).sections) == 8  # intro + 第一节…第七节


def test_boxes_1_to_25_with_their_bullets(doc):
    assert sorted(doc.boxes) == list(range(1, 26))
    for box in doc.boxes.values():
        assert box.paragraphs and all(p.kind == "bullet" for p in box.paragraphs), box.heading
    assert len(doc.boxes[14].paragraphs) == 16  # the sixteen parks
    assert doc.boxes[14].title == "重点园区产业定位" and doc.boxes[14].section == "ch9-s1"
    assert doc.boxes[14].paragraphs[5].label == "长兴岛经济技术开发区"


def test_anchors_are_unique_and_stable(doc):
    anchors = [p.anchor for p in all_paragraphs(doc)]
    anchors += [s.anchor for c in doc.chapters for s in c.sections] + [b.anchor for b in doc.boxes.values()]
    assert len(anchors) == len(set(anchors))
    assert all(re.match(r"^(?:ch\d+-s\d+(?:-p\d+)?|box\d+(?:-p\d+)?)$", a) for a in anchors)
    assert doc.boxes[14].paragraphs[5].anchor == "box14-p6"


def test_page_breaks_are_joined_and_end_matter_dropped(doc):
    text = "\n".join(p.full for p in all_paragraphs(doc))
    assert "成为第一批全国法治政府建设示范市" in text  # split across a page in the source file
    assert "依托烯烃资源延伸发展下游产业，丰富完善产业链条" in text  # a box bullet split across a page
    assert "抄送" not in text and "**" not in text
    kinds = {p.kind for p in all_paragraphs(doc)}
    assert {"text", "bullet", "subheading", "figure", "table", "note"} <= kinds


def test_chinese_numerals():
    assert [plantext.cn_number(x) for x in ("一", "十", "十五", "二十一", "九")] == [1, 10, 15, 21, 9]
    assert plantext.cn_number("章") is None
    assert [plantext.cn_numeral(n) for n in (1, 10, 15, 21)] == ["一", "十", "十五", "二十一"]


# ---------------------------------------------------------------- sources


def test_find_section_forms(doc):
    assert find_section("专栏14", doc) == SectionRef(9, 1, 14)
    assert find_section("专栏 14", doc) == SectionRef(9, 1, 14)
    assert find_section("第九章第一节", doc) == SectionRef(9, 1)
    assert find_section("第三章", doc) == SectionRef(3)
    assert find_section("专栏14；第九章第一节", doc) == SectionRef(9, 1, 14)  # the first reference wins
    assert find_section("第十三章第四节；专栏24；第六章第四节", doc) == SectionRef(13, 4)
    for bad in ("", "—", "专栏26", "第十六章", "第九章第九节", "<script>", "专栏14)](javascript:alert(1))", "x" * 500):
        assert find_section(bad, doc) is None, bad


def test_every_catalog_source_resolves(doc):
    sources = catalog_sources()
    assert sources, "no sources found in the layer files"
    unresolved = {s: layers for s, layers in sources.items() if find_section(s, doc) is None}
    assert not unresolved, f"sources that do not resolve to a plan section: {unresolved}"
    partly = {s: [p for p in plantext.split_source(s) if plantext.parse_ref(p, doc) is None] for s in sources}
    assert not {s: p for s, p in partly.items() if p}, "every part of every source names a real section"


def test_features_cite_real_anchors(features, doc):
    assert features and all(f.anchors for f in features)
    assert {f.group for f in features} == {"overview", "layout", "industry", "ecology", "infrastructure"}
    assert not any(f.layer.startswith("base_") for f in features)  # the basemap is no map feature


# ---------------------------------------------------------------- mentions


def test_box14_line_links_changxingdao_to_industry(doc, features):
    line = next(p for p in doc.boxes[14].paragraphs if p.label == "长兴岛经济技术开发区")
    found = mentions(line, features)
    assert found[0].text == "长兴岛经济技术开发区" and found[0].start == 0
    assert found[0].feature.key == "ind_parks/changxingdao-etdz"
    assert planlinks.map_url(found[0].feature, "zh") == "/industry?select=ind_parks/changxingdao-etdz&lang=zh"
    markdown = paragraph_markdown(line, features, "en", found)
    assert markdown.startswith("- **[长兴岛经济技术开发区](/industry?select=ind_parks/changxingdao-etdz&lang=en ")
    assert links_in(markdown) == ["/industry?select=ind_parks/changxingdao-etdz&lang=en"]


def test_longest_first_and_non_overlapping(doc, features):
    line = next(p for p in doc.boxes[14].paragraphs if p.label == "旅顺经济技术开发区")
    keys = [m.feature.key for m in mentions(line, features)]
    assert keys[0] == "ind_parks/lvshun-etdz" and "ind_parks/dalian-etdz" not in keys
    a = Feature("layer_a", "a", "大连湾", "", "industry")
    b = Feature("layer_b", "b", "大连湾临海装备制造业聚集区", "", "industry")
    found = mentions("依托大连湾临海装备制造业聚集区和大连湾。", [a, b])
    assert [(m.text, m.feature.id) for m in found] == [("大连湾临海装备制造业聚集区", "b"), ("大连湾", "a")]


def test_short_names_link_only_where_cited(doc, features):
    river = next(f for f in features if f.key == "eco_rivers/river-zhuanghe")
    six_rivers = next(p for p in all_paragraphs(doc) if "六水汇海”即庄河" in p.text)
    assert river in [m.feature for m in mentions(six_rivers, features)]
    elsewhere = Paragraph("x", "庄河核电一期工程和庄河港。", chapter=1, section="ch1-s1")
    assert all(m.text != "庄河" for m in mentions(elsewhere, features))
    bonded = Paragraph("x", "发挥综合保税区制度优势。", chapter=7, section="ch7-s2")
    assert mentions(bonded, features) == []  # 综合保税区 is not the 保税区 of Box 14


def test_aliases_point_at_existing_features(features):
    keys = {f.key for f in features}
    assert not [k for k in planlinks.ALIASES.values() if k and k not in keys]


def test_every_chapter_renders_only_safe_links(doc, features):
    count = 0
    for para in all_paragraphs(doc):
        for url in links_in(paragraph_markdown(para, features, "zh")):
            assert MAP_LINK.match(url), url
            count += 1
    assert count > 200


# ---------------------------------------------------------------- safety


HOSTILE = ["x](javascript:alert(1))", "<script>alert(1)</script>", "[a](http://evil.example)", ":red[x] $x$ **b**"]


def test_hostile_names_are_escaped():
    features = [Feature("ind_parks", f"f{i}", name, name, "industry") for i, name in enumerate(HOSTILE)]
    text = "前" + "、".join(HOSTILE) + "后"
    found = mentions(text, features)
    assert {m.text for m in found} == set(HOSTILE)
    markdown = paragraph_markdown(text, features, "zh", found)
    assert links_in(markdown) == [f"/industry?select=ind_parks/f{i}&lang=zh" for i in range(len(HOSTILE))]
    bare = re.sub(r"\\.", "", markdown)
    for bad in ("<", ">", "javascript:", "http:", ":red[", "$", "**"):
        assert bad not in bare, bad


def test_hostile_ids_and_layers_get_no_link():
    bad = [Feature("ind_parks", "javascript:alert(1)", "甲地", "", "industry"),
           Feature("x](javascript:alert(1))", "ok", "乙地", "", "industry"),
           Feature("ind_parks", "ok", "丙地", "", "nowhere")]
    markdown = paragraph_markdown("甲地、乙地、丙地。", bad, "zh")
    assert links_in(markdown) == []
    assert all(planlinks.map_url(f, "zh") is None for f in bad)
    assert planlinks.map_url(Feature("ind_parks", "ok", "丁地", "", "industry"), "<script>") == \
        "/industry?select=ind_parks/ok&lang=zh"


def test_escape_md_leaves_no_markdown():
    for text in (*HOSTILE, "# 标题", "- 列表", "1. 列表", "`code`", "a\nb\r\nc", "&lt;b&gt;", "www.example.com"):
        bare = re.sub(r"\\.", "", escape_md(text))
        assert not re.search(r"[\[\]()<>`*_#$:&\n\r]", bare), (text, bare)


# ---------------------------------------------------------------- the page


def test_plan_page_runs_in_both_languages():
    for lang, title in (("zh", "规划原文"), ("en", "Plan text")):
        at = run_page("pages/plan.py", lang)
        assert not at.exception, [e.message for e in at.exception]
        assert at.title[0].value == title
        assert at.header[0].value.endswith("第一章 奋力攻坚克难 擘画现代化建设新蓝图")
    assert any("Chinese only" in i.value for i in at.info)  # the English note


def test_plan_page_from_a_map_popup():
    at = run_page("pages/plan.py", "zh", source="专栏14；第九章第一节")
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="plan_chapter").value == 9
    assert any("专栏 14" in i.value for i in at.info)
    markdown = [m.value for m in at.markdown]
    first_box = markdown.index("**专栏 14 重点园区产业定位**")
    assert "长兴岛经济技术开发区" in markdown[first_box + 1]  # the box is shown first …
    assert first_box < min(i for i, m in enumerate(markdown) if "实施“空间优化" in m)  # … before the chapter


def test_plan_page_box_param_alone():
    at = run_page("pages/plan.py", "en", source="专栏14")
    assert not at.exception and at.selectbox(key="plan_chapter").value == 9


def test_plan_page_ignores_bad_parameters_with_a_notice():
    at = run_page("pages/plan.py", "zh", chapter="99")
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="plan_chapter").value == 1
    assert any("chapter" in str(toast.value) for toast in at.toast)
    at = run_page("pages/plan.py", "en", source="<script>alert(1)</script>", section="s9")
    assert not at.exception
    notices = " ".join(str(toast.value) for toast in at.toast)
    assert "source" in notices and "section" in notices


def test_plan_page_section_param():
    at = run_page("pages/plan.py", "zh", chapter="3", section="s3")
    assert not at.exception
    assert at.selectbox(key="plan_chapter").value == 3
    assert any("第三节 壮大重点战略性新兴产业" in i.value for i in at.info)


def test_plan_page_chapter_source():
    at = run_page("pages/plan.py", "zh", source="第三章")
    assert not at.exception
    assert at.selectbox(key="plan_chapter").value == 3
    assert any("来自地图" in i.value and "第三章" in i.value for i in at.info)


def test_choosing_another_chapter_leaves_the_popup_passage():
    at = run_page("pages/plan.py", "zh", source="专栏14")
    at.selectbox(key="plan_chapter").set_value(10).run()
    assert not at.exception
    assert at.header[0].value.endswith("第十章 构建现代化基础设施体系 提升国际化城市品质")
    assert "source" not in at.query_params
    assert at.query_params["chapter"] in ("10", ["10"])
    assert not any("来自地图" in i.value for i in at.info)
    at.button(key="plan_next").click().run()
    assert at.selectbox(key="plan_chapter").value == 11
