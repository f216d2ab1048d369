"""Shared helpers for build/infra_layers.py and build/indicators_table.py (not a build step itself).

Loads the plan text (plan/dalian_14th_five_year_plan.txt) and the district polygons
(geodata/layers/districts.geojson, built by build/boundaries.py; WGS-84), and provides the
verbatim-wording check and the point-in-district lookup.
"""
import json
from pathlib import Path
from shapely.geometry import shape, Point
ROOT = Path(__file__).resolve().parents[1]
PLAN = (ROOT / 'plan' / 'dalian_14th_five_year_plan.txt').read_text(encoding='utf-8')
NPLAN = ''.join(PLAN.split())
LAYERS = ROOT / 'geodata' / 'layers'
D = json.loads((LAYERS / 'districts.geojson').read_text(encoding='utf-8'))
DIST = {f['properties']['adcode']: shape(f['geometry']) for f in D['features']}
from shapely.ops import unary_union
LAND = unary_union(list(DIST.values()))
def district_of(lon, lat):
    p = Point(lon, lat)
    for k, g in DIST.items():
        if g.contains(p):
            return k
    return None
def check_frag(s):
    for frag in s.split('……'):
        if ''.join(frag.split()) not in NPLAN:
            raise SystemExit('NOT VERBATIM: ' + frag)
