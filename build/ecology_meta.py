"""Build the ecology side tables: the plan's ecological targets and the catalog entries of the eco_* layers.

Source: plan/dalian_14th_five_year_plan.txt (第一章第三节, 第十一章) -- every quoted target is checked to be
verbatim in the plan (whitespace ignored). No geometry.

Writes (reference material, not read by the app; the catalog entries are the original drafts --
geodata/catalog.json holds the maintained, hand-edited versions):
  geodata/tables/ecology_targets.json
  build/out/ecology_catalog.json

Run (from the repo root):  python build/ecology_meta.py
"""
import json
from ecology_common import in_plan, PLAN_N, OUT_DIR, ROOT
OUT_DIR.mkdir(parents=True, exist_ok=True)
T = [
 ('forest-cover', '森林覆盖率', 'Forest cover', '41.5', '%', '第一章第三节', '“十四五”时期经济社会发展主要指标表第18项（约束性），2020年与2025年均为41.5', '18.森林覆盖率（%） ^②\t41.5'),
 ('urban-green-cover', '主城区绿化覆盖率', 'Green cover of the main urban area', '44.9', '%', '第十一章第二节', None, '主城区绿化覆盖率达44.9%'),
 ('park-green-per-capita', '人均公园绿地面积', 'Park green space per person', '13.1', 'm²', '第十一章第二节', None, '人均公园绿地面积达13.1平方米'),
 ('park-service-radius', '公园绿地服务半径', 'Service radius of park green space', '500', 'm', '第十一章第二节', '推进500米服务半径公园绿地建设', '推进500米服务半径公园绿地建设'),
 ('coastal-water-good', '近岸海域和重点海湾优良（一、二类）比例', 'Share of good (class I–II) water in coastal waters and key bays', '96.5', '%', '第十一章第二节', None, '点海湾优良（一、二类）比例达到96.5%'),
 ('river-water-good', '河流水质优良比例', 'Share of rivers with good water quality', '≥64.2', '%', '第十一章第二节', '不低于64.2%', '河流水质优良比例不低于64.2%'),
 ('pm25', '细颗粒物（PM2.5）浓度', 'PM2.5 concentration', '≤32', 'μg/m³', '第十一章第二节', '不高于32微克/立方米', '细颗粒物（PM2.5）浓度不高于32微克/立方米'),
 ('industrial-shoreline', '市域工业岸线比重', 'Share of industrial shoreline in the city', '<33', '%', '第十一章第一节', '低于33%', '市域工业岸线比重低于33%'),
 ('safe-use-land', '受污染耕地安全利用率、污染地块安全利用率', 'Safe-use rate of polluted farmland and of polluted plots', '≥92', '%', '第十一章第二节', '均达到92%以上', '污染地块安全利用率均达到92%以上'),
 ('reclaimed-water', '再生水利用率', 'Reclaimed-water use rate', '40', '%', '第十一章第三节', None, '再生水利用率达到40%'),
 ('green-building', '绿色建筑占新建建筑比例', 'Green buildings as share of new buildings', '80', '%', '第十一章第三节', None, '绿色建筑占新建建筑比例达到80%'),
 ('public-transport-share', '城市建成区公共交通出行分担率', 'Public-transport share of trips in built-up areas', '≥63', '%', '第十一章第三节', '达到63%以上', '公共交通出行分担率达到63%以上'),
]
out = []
for id_, zh, en, v, u, src, note, quote in T:
    in_plan(quote)
    cmp = v[0] if v[0] in '<≤≥' else '='
    num = float(v.lstrip('<≤≥'))
    d = {'id': id_, 'label_zh': zh, 'label_en': en, 'value': num, 'comparator': cmp, 'unit': u, 'source': src, 'quote_zh': quote}
    if note: d['note_zh'] = note
    out.append(d)
(ROOT / 'geodata' / 'tables' / 'ecology_targets.json').write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding='utf-8')
LIC = 'CC BY 4.0 — compiled from the plan text; geometry by the project'
C = [
 {'id': 'eco_spine', 'file': 'layers/eco_spine.geojson', 'title_zh': '生态控制中脊（一脊）', 'title_en': 'Central ecological ridge (one spine)', 'group': 'ecology',
  'source': '第十一章第一节', 'license': LIC, 'geometry': 'line',
  'style': {'color': '#2e7d32', 'weight': 6, 'dash': '10 6', 'fill_color': None, 'fill_opacity': 0, 'radius': None},
  'legend': [{'label_zh': '生态控制中脊（示意）', 'label_en': 'Ecological control ridge (schematic)', 'color': '#2e7d32', 'shape': 'line'}],
  'default_visible': True, 'description_zh': '“一脊”：贯穿南北的生态控制中脊（示意线）。', 'description_en': 'The "one spine": the north–south ecological control ridge (schematic line).'},
 {'id': 'eco_corridors', 'file': 'layers/eco_corridors.geojson', 'title_zh': '生态廊道（多廊）', 'title_en': 'Ecological corridors (many corridors)', 'group': 'ecology',
  'source': '第十一章第一节', 'license': LIC, 'geometry': 'line',
  'style': {'color': '#68b167', 'weight': 4, 'dash': '6 4', 'fill_color': None, 'fill_opacity': 0, 'radius': None},
  'style_by': {'property': 'kind', 'values': {'river_corridor': {'color': '#338ec0'}, 'road_corridor': {'color': '#68b167'}}},
  'legend': [{'label_zh': '河流生态廊道（示意）', 'label_en': 'River ecological corridor (schematic)', 'color': '#338ec0', 'shape': 'line'},
             {'label_zh': '道路生态廊道（示意）', 'label_en': 'Road ecological corridor (schematic)', 'color': '#68b167', 'shape': 'line'}],
  'default_visible': False, 'description_zh': '“多廊”：河流生态廊道和道路生态廊道组成的廊道网络（规划未给出具体线路，示意）。',
  'description_en': 'The "many corridors": a network of river and road ecological corridors (no routes given in the plan; schematic).'},
 {'id': 'eco_rivers', 'file': 'layers/eco_rivers.geojson', 'title_zh': '六水汇海', 'title_en': 'Six rivers flowing into the sea', 'group': 'ecology',
  'source': '第十一章第一节', 'license': LIC, 'geometry': 'line',
  'style': {'color': '#338ec0', 'weight': 3, 'dash': None, 'fill_color': None, 'fill_opacity': 0, 'radius': None},
  'legend': [{'label_zh': '入海河流', 'label_en': 'River entering the sea', 'color': '#338ec0', 'shape': 'line'}],
  'default_visible': True, 'description_zh': '庄河、碧流河、英那河、大沙河、登沙河、复州河六条入海河流（除碧流河外走向为示意）。',
  'description_en': 'The six rivers entering the sea; courses are schematic except the Biliu River.'},
 {'id': 'eco_sea', 'file': 'layers/eco_sea.geojson', 'title_zh': '海洋生态格局（一核两翼一基地）', 'title_en': 'Marine eco layout (one core, two wings, one base)', 'group': 'ecology',
  'source': '第十一章第一节', 'license': LIC, 'geometry': 'polygon',
  'style': {'color': '#1f5f8b', 'fill_color': '#6baed6', 'fill_opacity': 0.3, 'weight': 1.5, 'radius': None, 'dash': None},
  'style_by': {'property': 'kind', 'values': {'core': {'color': '#08519c', 'fill_color': '#3182bd'}, 'wing': {'color': '#2b8cbe', 'fill_color': '#9ecae1'},
                                              'base': {'color': '#1b7837', 'fill_color': '#a6dba0'}}},
  'legend': [{'label_zh': '一核：金普新区以南周边海域', 'label_en': 'Core: sea south of Jinpu', 'color': '#3182bd', 'shape': 'polygon'},
             {'label_zh': '两翼：渤海/黄海屏障带', 'label_en': 'Wings: Bohai / Yellow Sea barrier belts', 'color': '#9ecae1', 'shape': 'polygon'},
             {'label_zh': '一基地：长海县绿色基地、生态海岛', 'label_en': 'Base: Changhai green base, ecological islands', 'color': '#a6dba0', 'shape': 'polygon'}],
  'default_visible': True, 'description_zh': '“一核两翼一基地”海洋生态环境空间布局（示意范围）；市域工业岸线比重低于33%。',
  'description_en': 'The "one core, two wings, one base" marine layout (schematic extents); industrial shoreline below 33%.'},
 {'id': 'eco_protected', 'file': 'layers/eco_protected.geojson', 'title_zh': '自然保护区与湿地', 'title_en': 'Nature reserves and wetlands', 'group': 'ecology',
  'source': '专栏20', 'license': LIC, 'geometry': 'point',
  'style': {'color': '#1b5e20', 'fill_color': '#68b167', 'fill_opacity': 0.9, 'weight': 2, 'radius': 7, 'dash': None},
  'style_by': {'property': 'kind', 'values': {'reserve': {'color': '#1b5e20', 'fill_color': '#68b167'}, 'reserve_marine': {'color': '#08519c', 'fill_color': '#6baed6'},
                                              'wetland': {'color': '#00695c', 'fill_color': '#80cbc4'}}},
  'legend': [{'label_zh': '国家级自然保护区', 'label_en': 'National nature reserve', 'color': '#68b167', 'shape': 'point'},
             {'label_zh': '海洋自然保护区（示意）', 'label_en': 'Marine reserve (schematic)', 'color': '#6baed6', 'shape': 'point'},
             {'label_zh': '湿地恢复（示意）', 'label_en': 'Wetland restoration (schematic)', 'color': '#80cbc4', 'shape': 'point'}],
  'default_visible': True, 'description_zh': '专栏20：四处国家级自然保护区的生物多样性保护与两处退化湿地恢复。',
  'description_en': 'Box 20: biodiversity protection in four national reserves and restoration of two degraded wetlands.'},
 {'id': 'eco_reservoirs', 'file': 'layers/eco_reservoirs.geojson', 'title_zh': '水源地与供水水库', 'title_en': 'Water-source and supply reservoirs', 'group': 'ecology',
  'source': '专栏19；专栏20', 'license': LIC, 'geometry': 'point',
  'style': {'color': '#1f5f8b', 'fill_color': '#338ec0', 'fill_opacity': 0.9, 'weight': 2, 'radius': 6, 'dash': None},
  'style_by': {'property': 'kind', 'values': {'water_supply': {'color': '#1f5f8b', 'fill_color': '#338ec0'}, 'water_source_protection': {'color': '#00695c', 'fill_color': '#4db6ac'},
                                              'flood_control': {'color': '#4a148c', 'fill_color': '#9e9ac8'}}},
  'legend': [{'label_zh': '水系连通/供水水库', 'label_en': 'Reservoir in water-link / supply works', 'color': '#338ec0', 'shape': 'point'},
             {'label_zh': '水源地保护水库', 'label_en': 'Reservoir under water-source protection', 'color': '#4db6ac', 'shape': 'point'},
             {'label_zh': '除险加固水库', 'label_en': 'Reservoir safety reinforcement', 'color': '#9e9ac8', 'shape': 'point'}],
  'default_visible': True, 'description_zh': '专栏19、专栏20点名的水库（多数为示意位置，见各点说明）。',
  'description_en': 'Reservoirs named in Boxes 19 and 20 (most positions schematic; see each popup).'},
]
(OUT_DIR / 'ecology_catalog.json').write_text(json.dumps(C, ensure_ascii=False, indent=1), encoding='utf-8')
print(len(out), 'targets', len(C), 'catalog')
