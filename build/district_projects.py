"""Put the key projects the whole plan places in each district into districts.geojson's `projects` property.

Reads build/out/layout_district_projects.json (written by build/layout_layers.py: verbatim plan wording, English,
section, per adcode) and rewrites only the `projects` property of geodata/layers/districts.geojson — the geometry is
untouched. The joint Box 13 entry of 中山区·西岗区·沙河口区 is filed under 210202 and shown for all three.

Run after build/boundaries.py and build/layout_layers.py:  python build/district_projects.py
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = ROOT / "build" / "out" / "layout_district_projects.json"
DISTRICTS = ROOT / "geodata" / "layers" / "districts.geojson"
SHARED_ENTRY = {"210203": "210202", "210204": "210202"}


def main() -> None:
    projects = json.loads(PROJECTS.read_text(encoding="utf-8"))
    data = json.loads(DISTRICTS.read_text(encoding="utf-8"))
    for feature in data["features"]:
        code = feature["properties"]["adcode"]
        feature["properties"]["projects"] = projects.get(SHARED_ENTRY.get(code, code), [])
    DISTRICTS.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print({f["properties"]["name_zh"]: len(f["properties"]["projects"]) for f in data["features"]})


if __name__ == "__main__":
    main()
