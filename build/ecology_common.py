"""Shared helpers for the ecology build scripts (build/ecology_layers.py, build/ecology_reservoirs.py,
build/ecology_meta.py); not a build step itself.

Loads the plan text (plan/dalian_14th_five_year_plan.txt) and the district polygons
(geodata/layers/districts.geojson, built by build/boundaries.py; WGS-84), and provides the verbatim-wording
check, point-in-district lookup, 5-decimal rounding and the GeoJSON writer (geodata/layers/<name>.geojson).
"""
import json
from pathlib import Path
from shapely.geometry import shape, Point, mapping
from shapely.ops import unary_union
ROOT = Path(__file__).resolve().parents[1]
LAYERS = ROOT / 'geodata' / 'layers'
OUT_DIR = ROOT / 'build' / 'out'
PLAN = (ROOT / 'plan' / 'dalian_14th_five_year_plan.txt').read_text(encoding='utf-8')
PLAN_N = ''.join(PLAN.split())
DIST = {f['properties']['adcode']: shape(f['geometry']) for f in json.loads((LAYERS / 'districts.geojson').read_text(encoding='utf-8'))['features']}
LAND = unary_union(list(DIST.values()))

def in_plan(s):
    for frag in s.split('……'):
        if ''.join(frag.split()) not in PLAN_N:
            raise ValueError('not verbatim: ' + frag)
    return True

def district_of(x, y):
    p = Point(x, y)
    for k, g in DIST.items():
        if g.contains(p):
            return k
    return None

def rnd(o):
    if isinstance(o, (list, tuple)):
        return [rnd(v) for v in o]
    return round(o, 5)

def write(name, feats):
    for f in feats:
        pr = f['properties']
        in_plan(pr['function_zh'])
        for p in pr.get('projects', []):
            in_plan(p['name_zh'])
        f['geometry']['coordinates'] = rnd(f['geometry']['coordinates'])
    fc = {'type': 'FeatureCollection', 'features': feats}
    p = LAYERS / f'{name}.geojson'
    p.write_text(json.dumps(fc, ensure_ascii=False, separators=(',', ':')), encoding='utf-8')
    print(name, len(feats), p.stat().st_size, 'bytes')
