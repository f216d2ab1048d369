"""Reading the sources: sources/catalog.yaml (catalog preamble and layer order), one YAML file per layer in
sources/layers/ and per table in sources/tables/, each checked against the source schema.

A layer file holds `layer:` (its catalog entry without `file`, which the builder derives) and `features:`
(one record per feature: the feature properties of layers/schemas/feature.schema.json, with `function_zh`
as a list of verbatim plan fragments, and a `geometry` spec, see builder/shapes.py). A basemap layer has
`layer.from_file` (a file of sources/boundaries/) instead of features. A table file holds `layer:` and `table:`.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from layers import schema

GEOMETRY_KINDS = {
    "point": {"$ref": "#/$defs/xy"}, "points": {"type": "array", "items": {"$ref": "#/$defs/xy"}, "minItems": 2},
    "ref": {"$ref": "#/$defs/ref"}, "refs": {"type": "array", "items": {"$ref": "#/$defs/ref"}, "minItems": 2},
    "line": {"$ref": "#/$defs/line"}, "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}},
    "polygon": {"type": "array", "items": {"$ref": "#/$defs/line"}},
    "polygons": {"type": "array", "items": {"type": "array", "items": {"$ref": "#/$defs/line"}}},
    "boundary": {"type": "string", "pattern": "^[0-9]{6}$"},
    "derive": {"type": "object", "required": ["op"], "properties": {"op": {"type": "string"}}},
}


class SourceError(ValueError):
    """A source file that cannot be read or breaks the source schema."""


def _record_schema() -> dict[str, Any]:
    feature = copy.deepcopy(schema.schema("feature"))
    props = feature["properties"]
    props["function_zh"] = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
    props["geometry"] = {"type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": False,
                         "properties": GEOMETRY_KINDS}
    props["drawn_datum"] = {"enum": ["GCJ-02", "BD-09"]}  # hand coordinates read off a Chinese web map
    feature["required"] = list(schema.plan_required()) + ["geometry"]
    feature["$defs"].update({
        "xy": {"type": "array", "prefixItems": [{"type": "number", "minimum": 118, "maximum": 126},
                                                {"type": "number", "minimum": 37, "maximum": 42}],
               "minItems": 2, "maxItems": 2},
        "ref": {"type": "string", "pattern": "^[a-z]+:[A-Za-z0-9/_.-]+$"},
        "line": {"type": "array", "items": {"$ref": "#/$defs/xy"}, "minItems": 2},
    })
    return feature


def _layer_schema() -> dict[str, Any]:
    entry = copy.deepcopy(schema.schema("catalog_entry"))
    entry["required"] = [k for k in entry["required"] if k != "file"]
    del entry["properties"]["file"]
    entry["properties"]["from_file"] = {"type": "string", "pattern": "^boundaries/[a-z0-9_]+\\.geojson$"}
    return entry


def _basemap_record_schema() -> dict[str, Any]:
    record = _record_schema()
    record["required"] = ["id", "name_zh", "name_en", "geometry_basis", "geometry"]
    return record


SEATS_SCHEMA = {  # records generated from a seat table (builder/places.py)
    "type": "object", "additionalProperties": False, "required": ["source", "min_zoom"],
    "properties": {"source": {"type": "string"},
                   "min_zoom": {"type": "object", "additionalProperties": {"type": "number"}},
                   "pinyin": {"type": "object", "additionalProperties": {"type": "string"}}},
}


def _source_schema(records: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object", "additionalProperties": False, "required": ["layer"],
        "properties": {"layer": _layer_schema(), "features": {"type": "array", "minItems": 1, "items": records},
                       "seats": SEATS_SCHEMA, "table": {"type": ["object", "array"]}},
    }


def _validator(source_schema: dict[str, Any], uri: str) -> Draft202012Validator:
    """A validator whose registry is crawled once: the embedded feature schema has its own $id, and without a
    crawled registry every $ref into it crawled the whole schema again (8 of the build's 17 seconds)."""
    document = {**source_schema, "$id": uri}
    registry = Registry().with_resource(uri, DRAFT202012.create_resource(document)).crawl()
    return Draft202012Validator(document, registry=registry)


_PLAN_VALIDATOR = _validator(_source_schema(_record_schema()), "urn:dalian-map:source")
_BASEMAP_VALIDATOR = _validator(_source_schema(_basemap_record_schema()), "urn:dalian-map:basemap-source")
# libyaml's parser when PyYAML has it (ten times faster than the pure-Python one; same safe subset of YAML)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """A YAML document with PyYAML's safe loader (plain data only, no Python objects)."""
    return yaml.load(text, Loader=_YAML_LOADER)  # a safe loader (SafeLoader or its C twin)


@dataclass
class LayerSource:
    path: Path
    layer: dict[str, Any]
    features: list[dict[str, Any]]
    table: Any = None
    seats: dict[str, Any] | None = None

    @property
    def id(self) -> str:
        return self.layer["id"]


def _messages(rel: str, value: Any) -> list[str]:
    out = []
    basemap = isinstance(value, dict) and isinstance(value.get("layer"), dict) and value["layer"].get("contract") == "basemap"
    for err in (_BASEMAP_VALIDATOR if basemap else _PLAN_VALIDATOR).iter_errors(value):
        where = ".".join(str(p) for p in err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            out += [f"{rel}: {where + '.' if where else ''}{key}: unknown key (misspelt?)" for key in extra]
        else:
            out.append(f"{rel}: {where or '(top)'}: {err.message[:200]}")
    return out


def read_source(path: Path, root: Path) -> LayerSource:
    rel = str(path.relative_to(root))
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourceError(f"{rel}: cannot be read ({exc})") from exc
    problems = _messages(rel, raw)
    if problems:
        raise SourceError("\n".join(sorted(problems)))
    if raw["layer"]["id"] != path.stem:
        raise SourceError(f"{rel}: layer id '{raw['layer']['id']}' differs from the file name")
    return LayerSource(path, raw["layer"], raw.get("features", []), raw.get("table"), raw.get("seats"))


def read_all(sources: Path) -> tuple[dict[str, Any], list[LayerSource]]:
    """(catalog preamble, every layer/table source in catalog order)."""
    root = sources.parent
    head = load_yaml((sources / "catalog.yaml").read_text(encoding="utf-8"))
    files = {p.stem: p for p in sorted([*sources.glob("layers/*.yaml"), *sources.glob("tables/*.yaml")])}
    order = head["order"]
    missing = [i for i in order if i not in files]
    unlisted = [i for i in files if i not in order]
    if missing or unlisted:
        raise SourceError(f"sources/catalog.yaml: order lists no file for {missing}; files not in order: {unlisted}")
    read, problems = [], []
    for i in order:
        try:
            read.append(read_source(files[i], root))
        except SourceError as exc:
            problems.append(str(exc))
    if problems:
        raise SourceError("\n".join(problems))
    return head, read
