"""The data builder: geodata/ is exactly what the sources build, and broken sources are refused with a message."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from layers import schema

ROOT = Path(__file__).resolve().parents[1]


def run_builder(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=root, capture_output=True, text=True,
                          timeout=300)


def test_geodata_is_what_the_sources_build():
    result = run_builder(ROOT, "--check")
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture
def scratch(tmp_path):
    for name in ("builder", "layers", "sources", "plan", "geodata"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old,new,message", [
    ("  default_visible: true", "  defualt_visible: true", "defualt_visible: unknown key"),
    ("  style:\n", "  styel:\n", "styel: unknown key"),
    ("  source: 专栏18\n  geometry_basis", "  source: 专栏3\n  geometry_basis", "is not in 专栏3"),
    ("- 建成红沿河核电二期工程", "- 建成红沿河核电三期工程", "nowhere in the plan"),
    ("    ref: geonuclear:324\n", "    point: [121.30, 39.80]\n", "'located' but the position has no reference"),
    ("  district: '210281'\n  projects: []\n  geometry_note_zh: 位置取红沿河核电站", "  district: '210283'\n  projects: []\n"
     "  geometry_note_zh: 位置取红沿河核电站", "is not in district 210283"),
])
def test_a_broken_source_is_refused_and_nothing_is_written(scratch, old, new, message):
    target = scratch / "sources/layers/infra_energy_points.yaml"
    edit(target, old, new)
    before = (scratch / "geodata/layers/infra_energy_points.geojson").read_bytes()
    result = run_builder(scratch)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr[-2000:]
    assert (scratch / "geodata/layers/infra_energy_points.geojson").read_bytes() == before


def test_the_catalog_schema_rejects_misspelt_keys():
    entry = json.loads((ROOT / "geodata/catalog.json").read_text(encoding="utf-8"))["layers"][5]
    assert schema.errors("catalog_entry", entry) == []
    entry["styel"] = entry.pop("style")
    assert any("styel: unknown key" in e for e in schema.errors("catalog_entry", entry))


def test_python_m_layers_validate_reports_a_misspelt_catalog_key(geodata_copy):
    from layers.loading import validate_all
    from tests.conftest import rewrite_json

    rewrite_json(geodata_copy / "catalog.json", lambda c: c["layers"][5].update(defualt_visible=True))
    problems = [str(p) for p in validate_all()]
    assert any("defualt_visible: unknown key" in p for p in problems), problems


def test_python_m_layers_validate_reports_a_misspelt_feature_key(geodata_copy):
    from layers.loading import validate_all
    from tests.conftest import rewrite_json

    path = geodata_copy / "layers" / "infra_towns.geojson"
    rewrite_json(path, lambda fc: fc["features"][0]["properties"].update(geometry_not_zh="x"))
    problems = [str(p) for p in validate_all()]
    assert any("geometry_not_zh: unknown key" in p for p in problems), problems
