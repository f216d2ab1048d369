"""Data and URL text never becomes a link or an image: layers.markdown.escape_md, the one escaping function, and
every Markdown sink fed from a crafted file (AppTest, fast; the browser check is in tests/test_hostile.py).

Each payload holds a Markdown image on another host (the browser would fetch it), a bare URL, a www. host and an
e-mail address (GitHub-flavoured Markdown links the last three even when their punctuation is escaped)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from conftest import page_texts, rewrite_json, run_app_page
from inert import GFM_EMAIL, GFM_URL, problems, unescaped, visible
from layers.markdown import escape_md


def payload(sink: str) -> str:
    return f"![i](http://203.0.113.9/{sink}.png) https://203.0.113.9/{sink} www.example.org x@example.org"


@pytest.mark.parametrize("text", [
    payload("unit"), "HTTPS://203.0.113.9/a", "http://a.b", "WWW.Example.org/x", "mailto:x@example.org",
    "xmpp:foo@example.org", "<https://203.0.113.9/e>", "a.b+c@d-e.f.g", "www.a.b www.c.d", "Source: 第九章",
    "[x](javascript:alert(1))", "$x$ :red[!] :material/home:", "line\nbreak\r\nend", "`code` **b** _i_ ~s~ | t |",
])
def test_escape_md_leaves_no_markdown_and_no_autolink_and_reads_the_same(text):
    md = escape_md(text)
    assert problems(md) == [], problems(md)
    assert not GFM_URL.search(unescaped(md)) and not GFM_EMAIL.search(unescaped(md))
    assert visible(md) == " ".join(text.replace("\r\n", "\n").split("\n"))


def _assert_inert(text: str, sink: str) -> None:
    assert problems(text) == [], (sink, text, problems(text))
    assert payload(sink) in visible(text), (sink, visible(text))  # shown literally, as written


def test_search_result_links_show_feature_names_as_text(geodata_copy):
    def craft(data):
        for feat in data["features"]:
            if feat["properties"]["id"] == "zhongshan":
                feat["properties"]["name_en"] = "Zhongshan " + payload("search")
    rewrite_json(geodata_copy / "layers" / "districts.geojson", craft)
    at = run_app_page("pages/overview.py", "en")
    at.text_input(key="place_search").input("zhongshan").run()  # ui/search.py: the box above every map
    assert not at.exception
    # a result is "**<name> · <other name>** — <layer title>": the bold is the app's own markup, the rest is data
    labels = [re.sub(r"^\*\*(.*)\*\* — ", r"\1 — ", str(b.label), flags=re.S)
              for b in at.button if b.key and b.key.startswith("search_pick_")]
    labels += [str(c.value) for c in at.caption]  # why each result matched
    crafted = [label for label in labels if "203.0.113.9" in visible(label)]
    assert crafted, ("the search found the feature", labels)
    assert all(problems(label) == [] for label in labels), labels
    for label in crafted:
        _assert_inert(label, "search")


def test_layer_checkboxes_show_catalog_titles_and_descriptions_as_text(geodata_copy):
    def craft(data):
        entry = next(e for e in data["layers"] if e["id"] == "districts")
        entry.update(title_en="Districts " + payload("checkbox"), description_en=payload("checkbox"))
    rewrite_json(geodata_copy / "catalog.json", craft)
    at = run_app_page("pages/overview.py", "en")
    assert not at.exception
    box = at.sidebar.checkbox(key="layer_districts")
    _assert_inert(box.label, "checkbox")
    _assert_inert(box.help, "checkbox")


def test_tour_title_and_missing_feature_warning_show_tour_text_as_text(tmp_path, monkeypatch):
    from ui import tour

    steps = json.loads(tour.TOUR_FILE.read_text(encoding="utf-8"))["steps"][:1]
    sneaky = "districts/x@example.org_www.example.org_![i](x.png)"  # one "/": a valid select, no such feature
    steps[0] = {**steps[0], "title_en": payload("tour"), "select": sneaky,
                "layers": sorted({*steps[0]["layers"], "districts"})}
    path = tmp_path / "tour.json"
    path.write_text(json.dumps({"steps": steps}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(tour, "TOUR_FILE", path)
    at = run_app_page("pages/tour.py", "en")
    assert not at.exception
    _assert_inert(at.title[0].value, "tour")
    warning = next(w.value for w in at.warning if "x@example.org" in visible(w.value))
    data_part = warning.split("**: ", 1)[1]  # after the bold heading (the app's own Markdown)
    assert problems(data_part) == [] and sneaky in visible(data_part), (warning, problems(data_part))


def test_notices_about_ignored_url_parameters_show_the_value_as_text():
    at = run_app_page("pages/overview.py", "en", layers=payload("notice"))
    assert not at.exception
    notices = [str(t.value) for t in at.toast]
    data_parts = [n.split("layers=", 1)[1] for n in notices if "layers=" in n]
    assert data_parts, notices
    for part in data_parts:
        assert problems(part) == [], (part, problems(part))
    assert any("203.0.113.9/notice" in visible(p) for p in data_parts)


def test_no_sink_shows_unescaped_payload_anywhere_on_a_crafted_page(geodata_copy):
    """Belt and braces: with crafted catalog and feature text, no element of the page carries the raw payload."""
    def craft_catalog(data):
        for entry in data["layers"]:
            if entry["id"] in ("districts", "base_land"):
                entry.update(title_en=payload("any"), description_en=payload("any"))
    rewrite_json(geodata_copy / "catalog.json", craft_catalog)
    at = run_app_page("pages/overview.py", "en")
    assert not at.exception
    raw = [text for text in page_texts(at) if "![i](http://203.0.113.9/any.png)" in text
           and not text.lstrip().startswith(("{", "id:"))]  # the map's own JSON spec is not Markdown
    assert raw == [], raw


def test_static_tables_show_catalog_text_as_text(geodata_copy):
    """The about page's catalog table is an HTML table (ui.tables.html_table): a crafted title and source must show
    literally, as text in their own cells — no element, attribute or link from data, and the columns intact."""
    def craft(data):
        entry = next(e for e in data["layers"] if e["id"] == "districts")
        entry.update(title_en="Districts " + payload("table") + ' <img src="http://203.0.113.9/t.png">',
                     source=payload("table") + " </td><td>x")
    rewrite_json(geodata_copy / "catalog.json", craft)
    at = run_app_page("pages/about.py", "en")
    assert not at.exception
    markup = next(e.proto.body for e in at.get("html") if 'class="pm-datatable"' in e.proto.body)
    table = TableText()
    table.feed(markup)
    assert table.tags <= {"style", "table", "thead", "tbody", "tr", "th", "td"}, table.tags  # no <img>, no <a>
    assert "http://203.0.113.9" not in " ".join(table.attributes), table.attributes
    widths = {len(row) for row in table.rows}
    assert widths == {7}, f"every row has the 7 columns: {widths}"
    row = next(r for r in table.rows if r[0] == "districts")
    assert row[1] == "Districts " + payload("table") + ' <img src="http://203.0.113.9/t.png">', row[1]
    assert row[3].startswith(payload("table") + " </td><td>x"), row[3]


class TableText(HTMLParser):
    """The rows of cell texts of an HTML table, with every tag and attribute value seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: set[str] = set()
        self.attributes: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += [v or "" for _, v in attrs]
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
