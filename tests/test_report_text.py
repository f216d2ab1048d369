"""The report's text: both languages, the plan's words and section for each element, schematic shapes said to be
schematic, and data text (including an uploaded file's names) shown as text in Markdown, HTML and the SVG map."""
from __future__ import annotations

import re

import pytest
from shapely.geometry import box

from layers.report_map import report_svg
from layers.report_text import to_html, to_markdown
from layers.site_index import get_index
from layers.site_report import area_report, point_report

HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror=alert(1)>[x](javascript:alert(1))'


@pytest.fixture(scope="module")
def laotieshan():
    return point_report(121.13, 38.74)


def test_both_languages(laotieshan):
    zh, en = to_markdown(laotieshan, "zh"), to_markdown(laotieshan, "en")
    assert zh.startswith("# 选址报告") and "旅顺口区" in zh and "冲突" in zh
    assert en.startswith("# Site report") and "Lüshunkou District" in en and "Conflict" in en
    assert "重点发展生命安全" in en  # the plan's own words stay in the English report


def test_every_element_has_its_words_and_section(laotieshan):
    md = to_markdown(laotieshan, "zh")
    for e in laotieshan.elements:
        assert e.name_zh.replace("(", "\\(") in md or e.name_zh in md
        assert e.source.replace("；", "；") in md.replace("\\", "")
    assert md.count("示意性图形") >= sum(1 for e in laotieshan.elements if e.certainty == "schematic")


def test_method_and_screening_are_stated(laotieshan):
    md = to_markdown(laotieshan, "en").replace("\\", "")
    assert "geodesics on the WGS-84 ellipsoid" in md and "the plan sets none" in md
    assert "within the 5 km screening distance" in md


def test_hostile_names_stay_text():
    report = area_report(box(121.60, 39.00, 121.65, 39.04), name=HOSTILE)
    md = to_markdown(report, "en")
    assert not re.search(r"(?<!\\)[<>\[\]()]", md.split("\n")[0])  # every bracket in the title is escaped
    assert "\\<script\\>" in md and "\\]\\(javascript" in md
    page = to_html(report, "en", report_svg(report, get_index(), "en"))
    assert "<script" not in page.lower() and "<img" not in page and "onerror=" not in page.replace("onerror=alert", "")
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1" in page
    assert "Content-Security-Policy" in page and not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)


def test_html_is_self_contained_with_a_map(laotieshan):
    page = to_html(laotieshan, "zh", report_svg(laotieshan, get_index(), "zh"))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert page.count("<svg") == 1 and "km</text>" in page and ">N</text>" in page
    assert page.count("<ul>") == page.count("</ul>") and len(re.findall(r"<li[\s>]", page)) == page.count("</li>")
