"""The catalog, the loader and the contract checks, including broken files."""
from __future__ import annotations


import pytest

from layers import LayerError, catalog, load, load_all
from layers.loading import validate_all

from conftest import rewrite_json


def test_catalog_lists_every_file_and_every_file_is_valid():
    assert validate_all() == []


def test_every_catalog_entry_has_titles_group_source_and_license():
    for spec in catalog():
        assert spec.title_zh and spec.title_en, spec.id
        assert spec.group in ("basemap", "overview", "layout", "industry", "ecology", "infrastructure"), spec.id
        assert spec.source and spec.license, spec.id


def test_load_returns_wgs84_geodataframe_with_contract_columns():
    gdf = load("districts")
    assert gdf.crs.to_epsg() == 4326
    for column in ("id", "name_zh", "name_en", "kind", "function_zh", "function_en", "projects", "source",
                   "geometry_basis"):
        assert column in gdf.columns
    assert gdf.geometry.is_valid.all()


def test_unknown_layer_is_a_clear_error():
    with pytest.raises(LayerError, match="unknown layer .nope."):
        load("nope")


def test_truncated_file_names_file_and_problem_and_others_still_load(geodata_copy):
    path = geodata_copy / "layers" / "districts.geojson"
    path.write_text(path.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    layers, problems = load_all()
    assert "districts" not in layers and "base_land" in layers
    message = str(problems[0])
    assert "geodata/layers/districts.geojson" in message and "truncated" in message


def test_missing_file_is_reported(geodata_copy):
    (geodata_copy / "layers" / "districts.geojson").unlink()
    with pytest.raises(LayerError, match="file is missing"):
        load("districts")


def test_invalid_geometry_is_reported(geodata_copy):
    def bowtie(data):
        data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [
            [[121.5, 38.9], [121.7, 39.1], [121.7, 38.9], [121.5, 39.1], [121.5, 38.9]]]}
    rewrite_json(geodata_copy / "layers" / "districts.geojson", bowtie)
    with pytest.raises(LayerError, match="invalid geometry"):
        load("districts")


def test_wrong_crs_is_reported(geodata_copy):
    def projected(data):
        data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    rewrite_json(geodata_copy / "layers" / "districts.geojson", projected)
    with pytest.raises(LayerError, match="expected WGS-84"):
        load("districts")


def test_swapped_coordinates_are_reported(geodata_copy):
    def swap(data):
        data["features"][0]["geometry"] = {"type": "Point", "coordinates": [38.9, 121.6]}
    rewrite_json(geodata_copy / "layers" / "districts.geojson", swap)
    with pytest.raises(LayerError) as info:
        load("districts")
    assert "not longitude/latitude" in str(info.value) or "outside Dalian" in str(info.value)


def test_missing_property_and_bad_basis_are_reported(geodata_copy):
    def damage(data):
        del data["features"][0]["properties"]["source"]
        data["features"][1]["properties"]["geometry_basis"] = "guess"
    rewrite_json(geodata_copy / "layers" / "districts.geojson", damage)
    problems = validate_all()
    text = "\n".join(map(str, problems))
    assert "missing property 'source'" in text and "geometry_basis 'guess'" in text


def test_file_not_in_catalog_is_reported(geodata_copy):
    (geodata_copy / "layers" / "stray.geojson").write_text('{"type":"FeatureCollection","features":[]}')
    assert any("not in the catalog" in str(p) for p in validate_all())


def test_broken_catalog_is_a_clear_problem(geodata_copy):
    (geodata_copy / "catalog.json").write_text("{ not json", encoding="utf-8")
    problems = validate_all()
    assert len(problems) == 1 and "catalog.json" in str(problems[0]) and "not valid JSON" in str(problems[0])
