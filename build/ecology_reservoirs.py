"""Build the ecology layer eco_reservoirs.geojson (reservoirs named in 专栏19 / 专栏20) of the Dalian
14th Five-Year Plan map.

Sources: plan/dalian_14th_five_year_plan.txt for the wording (verbatim-checked, see
build/ecology_common.py); hand-placed points from general geographic knowledge, WGS-84 (EPSG:4326),
checked to lie in the right district of geodata/layers/districts.geojson (build/boundaries.py).

Writes:  geodata/layers/eco_reservoirs.geojson   (also read by build/infra_layers.py)

Run (from the repo root):  python build/ecology_reservoirs.py
"""
from ecology_common import *
S19 = '专栏19'; S20 = '专栏20'
WSP = '构建水源地水库库滨带生态防护体系，建设水库滨库生态隔离缓冲带，深度净化处理东风、大河、姜屯、九龙、七道房、石门子、獐子岛等水库底泥，改善水库水体水质。'
WSP_EN = ('Build an ecological protection system along the shores of water-source reservoirs and ecological isolation buffer belts '
          'around the reservoirs; deep-clean the bottom sediment of the Dongfeng, Dahe, Jiangtun, Jiulong, Qidaofang, Shimenzi, '
          'Zhangzidao and other reservoirs, improving the reservoirs\' water quality.')
LINK = '加快推动转角楼水库与英那河水库连通连调改扩建工程'
LINK_EN = 'Speed up the reconstruction-and-expansion project linking the Zhuanjiaolou and Yingnahe reservoirs for joint operation'
R = []
def add(id_, zh, en, kind, x, y, fzh, fen, projects, source, basis, nzh, nen, **extra):
    d = district_of(x, y)
    assert d, id_
    props = dict(id=id_, name_zh=zh, name_en=en, kind=kind, function_zh=fzh, function_en=fen, projects=projects,
                 source=source, geometry_basis=basis, geometry_note_zh=nzh, geometry_note_en=nen, district=d)
    props.update(extra)
    R.append({'type': 'Feature', 'properties': props, 'geometry': {'type': 'Point', 'coordinates': [x, y]}})

add('res-biliuhe', '碧流河水库', 'Biliuhe Reservoir', 'water_supply', 122.478, 39.785,
    '引碧暗渠维修改造工程',
    'Maintenance and renovation of the Yinbi (Biliu River diversion) covered conduit',
    [{'name_zh': '引碧暗渠维修改造工程', 'name_en': 'Maintenance and renovation of the Yinbi covered conduit', 'source': S19}],
    S19, 'located',
    '置于碧流河水库库区中部（碧流河干流，普兰店区与庄河市交界）；规划只提到“引碧暗渠”（自碧流河水库引水），未直接点名水库；位置为近似值（约±3公里）。',
    'Placed in the middle of the Biliuhe Reservoir (on the Biliu River main stem, on the Pulandian–Zhuanghe border); the plan names only the "Yinbi" conduit that draws from this reservoir, not the reservoir itself; position approximate (about ±3 km).',
    position_precision='approximate')
add('res-yingnahe', '英那河水库', 'Yingnahe Reservoir', 'water_supply', 123.00, 39.895,
    LINK, LINK_EN,
    [{'name_zh': '转角楼水库与英那河水库连通连调改扩建工程', 'name_en': 'Zhuanjiaolou–Yingnahe reservoirs linking and joint-operation reconstruction and expansion', 'source': S19}],
    S19, 'schematic',
    '示意位置：英那河水库位于庄河市仙人洞镇一带的英那河干流上，点位为大致位置，坝址未逐一核实。',
    'Schematic position: the Yingnahe Reservoir lies on the Yingna River main stem around Xianrendong town, Zhuanghe; the point is approximate and the dam site was not verified.',
    position_precision='town')
add('res-zhuanjiaolou', '转角楼水库', 'Zhuanjiaolou Reservoir', 'water_supply', 123.09, 39.94,
    LINK, LINK_EN,
    [{'name_zh': '转角楼水库与英那河水库连通连调改扩建工程', 'name_en': 'Zhuanjiaolou–Yingnahe reservoirs linking and joint-operation reconstruction and expansion', 'source': S19}],
    S19, 'schematic',
    '示意位置：仅确认该水库在庄河市北部、与英那河水库联调；点位为示意，非实测坝址。',
    'Schematic position: only confirmed to be in northern Zhuanghe and operated jointly with the Yingnahe Reservoir; the point is illustrative, not the surveyed dam site.',
    position_precision='county')
add('res-zhuwei', '朱隈水库', 'Zhuwei Reservoir', 'water_supply', 122.90, 39.84,
    '朱隈水库至沙里涂泵站输水工程……向阳河—朱隈水库联通工程、庄河—朱隈水库联通改造工程',
    'Water conveyance from the Zhuwei Reservoir to the Shalitu pumping station …… the Xiangyang River–Zhuwei Reservoir link, and the reconstruction of the Zhuanghe–Zhuwei Reservoir link',
    [{'name_zh': '朱隈水库至沙里涂泵站输水工程', 'name_en': 'Zhuwei Reservoir to Shalitu pumping station conveyance', 'source': S19},
     {'name_zh': '向阳河—朱隈水库联通工程', 'name_en': 'Xiangyang River–Zhuwei Reservoir link', 'source': S19},
     {'name_zh': '庄河—朱隈水库联通改造工程', 'name_en': 'Zhuanghe–Zhuwei Reservoir link reconstruction', 'source': S19}],
    S19, 'schematic',
    '示意位置：仅确认该水库在庄河市中北部（庄河水系）；点位为示意，非实测坝址。',
    'Schematic position: only confirmed to be in central-northern Zhuanghe (Zhuang River system); the point is illustrative, not the surveyed dam site.',
    position_precision='county')
add('res-songshu', '松树水库', 'Songshu Reservoir', 'flood_control', 122.10, 39.76,
    '加快实施松树水库除险加固工程',
    'Speed up the danger-elimination and reinforcement of the Songshu Reservoir',
    [{'name_zh': '松树水库除险加固工程', 'name_en': 'Songshu Reservoir danger-elimination and reinforcement', 'source': S19}],
    S19, 'schematic',
    '示意位置：松树水库在瓦房店市松树镇一带；点位为镇域大致位置，非实测坝址。',
    'Schematic position: the Songshu Reservoir is around Songshu town, Wafangdian; the point is at the approximate town area, not the surveyed dam site.',
    position_precision='town')
add('res-dongfeng', '东风水库', 'Dongfeng Reservoir', 'water_source_protection', 122.03, 39.70,
    WSP, WSP_EN, [], S20, 'schematic',
    '示意位置：东风水库在瓦房店市境内（大伙房输水入连工程终点附近）；点位为示意，非实测坝址。',
    'Schematic position: the Dongfeng Reservoir is in Wafangdian (near the end of the Dahuofang-to-Dalian water transfer); the point is illustrative, not the surveyed dam site.',
    position_precision='county')
add('res-zhangzidao', '獐子岛水库', 'Zhangzidao Reservoir', 'water_source_protection', 122.728, 39.032,
    WSP, WSP_EN, [], S20, 'schematic',
    '示意位置：置于长海县獐子岛岛内；岛上水库的具体位置未核实。',
    'Schematic position: placed inside Zhangzi Island, Changhai County; the exact site of the island reservoir was not verified.',
    position_precision='island')
write('eco_reservoirs', R)
for f in R: print(f['properties']['id'], f['properties']['district'], f['geometry']['coordinates'])
