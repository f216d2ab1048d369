"""Build the infrastructure layers (infra_*.geojson) of the Dalian 14th Five-Year Plan map.

Sources:
  * words: plan/dalian_14th_five_year_plan.txt -- every function_zh / project name is checked to be a
    verbatim substring of the plan (whitespace ignored; see build/infra_common.py);
  * geometry: hand-placed coordinates and schematic lines from general geographic knowledge, WGS-84
    (EPSG:4326), checked against geodata/layers/districts.geojson (build/boundaries.py); reservoir
    positions are read from geodata/layers/eco_reservoirs.geojson (build/ecology_reservoirs.py).

Writes:
  geodata/layers/infra_{transport_points,transport_lines,energy_points,energy_lines,
                        water_lines,water_points,towns,culture}.geojson

Run (from the repo root, after build/ecology_reservoirs.py):  python build/infra_layers.py
"""
import json
from infra_common import *
from shapely.geometry import LineString

RES = {f['properties']['id']: f['geometry']['coordinates'] for f in json.loads((LAYERS/'eco_reservoirs.geojson').read_text(encoding='utf-8'))['features']}
P = lambda s, en: {"name_zh": s, "name_en": en}

def feat(geom, id, name_zh, name_en, kind, fzh, fen, source, basis, nzh, nen, district=None, projects=(), ptype=None, **extra):
    check_frag(fzh); check_frag(name_zh) if extra.pop('name_verbatim', True) else None
    props = dict(id=id, name_zh=name_zh, name_en=name_en, kind=kind, function_zh=fzh, function_en=fen,
                 projects=[dict(name_zh=a, name_en=b, source=c) for a, b, c in projects], source=source,
                 geometry_basis=basis, geometry_note_zh=nzh, geometry_note_en=nen)
    for a, _, _ in projects: check_frag(a)
    if geom['type'] == 'Point':
        lon, lat = geom['coordinates']
        d = district_of(lon, lat)
        if extra.get('at_sea'):
            assert d is None and not LAND.contains(Point(lon, lat)), (id, d)
        else:
            assert d == district, (id, d, district)
            props['district'] = district
    if ptype: props['project_type'] = ptype
    props.update(extra)
    return {"type": "Feature", "properties": props, "geometry": geom}

def pt(lon, lat): return {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
def ln(*c): return {"type": "LineString", "coordinates": [[round(x, 5), round(y, 5)] for x, y in c]}
def fc(feats): return {"type": "FeatureCollection", "features": feats}
def write(name, feats):
    ids = [f['properties']['id'] for f in feats]; assert len(ids) == len(set(ids))
    (LAYERS/f'{name}.geojson').write_text(json.dumps(fc(feats), ensure_ascii=False, indent=1), encoding='utf-8')
    print(name, len(feats))

S17, S8 = '专栏17', '专栏8'
# ------------------------------------------------------------------ transport points
T = []
T.append(feat(pt(121.58, 39.10), 'new-airport', '大连新机场', 'New Dalian airport (Dalian Jinzhouwan International Airport)', 'airport',
  '开工建设大连新机场工程。……重点建设大连金州湾国际机场枢纽、新机场中线主通道等交通基础设施和冷链物流园、电商物流园、空港产业综合服务中心等产业服务设施。',
  'Start construction of the new Dalian airport project. …… Focus on building transport infrastructure such as the Dalian Jinzhouwan international airport hub and the new-airport central main corridor, and industry service facilities such as a cold-chain logistics park, an e-commerce logistics park and an airport-industry comprehensive service centre.',
  '专栏17；专栏8；第十章第一节', 'schematic', '海上人工岛机场，位置为金州湾海域内的示意点（非跑道精确位置）。',
  'Offshore island airport; placed as an indicative point in the Jinzhou Bay sea area (not the exact runway position).',
  projects=[('开工建设大连新机场工程', 'Start construction of the new Dalian airport project', S17),
            ('大连金州湾国际机场枢纽', 'Dalian Jinzhouwan international airport hub', S8),
            ('科学谋划、建设新机场岛及岸侧交通枢纽', 'Plan and build the new-airport island and its landside transport hub', '第十章第一节')],
  ptype='new', at_sea=True))
T.append(feat(pt(121.598, 38.962), 'north-station-hub', '北站客运枢纽', 'Dalian North Station passenger hub', 'rail_hub',
  '科学谋划、建设新机场岛及岸侧交通枢纽，建成北站客运枢纽，研究大连站枢纽改造，构建中心枢纽的顺畅接驳，实现基础设施多网融合。',
  'Plan and build the new-airport island and its landside hub, complete the North Station passenger hub, study the reconstruction of the Dalian Station hub, build smooth connections between central hubs and integrate the infrastructure networks.',
  '第十章第一节；第一章第一节', 'located', '位于大连北站（甘井子区南关岭）。', 'Placed at Dalian North railway station (Nanguanling, Ganjingzi).',
  district='210211', projects=[('大连北站综合交通枢纽工程', 'Dalian North Station comprehensive transport hub project', '第一章第一节')], ptype='ongoing'))
T.append(feat(pt(121.634, 38.925), 'dalian-station-hub', '大连站枢纽改造', 'Dalian Station hub reconstruction (study)', 'rail_hub',
  '研究大连站枢纽改造', 'Study the reconstruction of the Dalian Station hub', '第十章第一节', 'located',
  '位于大连火车站。', 'Placed at Dalian railway station.', district='210202', ptype='study'))
T.append(feat(pt(121.668, 38.928), 'cruise-terminal', '邮轮码头', 'Cruise terminal', 'port',
  '完成邮轮码头及配套设施建设，增强地区社会效益。', 'Complete the cruise terminal and its supporting facilities to increase regional social benefits.',
  '第十章第一节；第五章第一节', 'located', '位于大连港老港区（港湾广场东侧）国际邮轮中心一带。', 'Placed at the Dalian international cruise centre in the old port area east of Harbour Square.',
  district='210202', projects=[('实施国际航运中心总部大厦及邮轮中心设施建设工程', 'International shipping centre HQ tower and cruise centre facilities', '第五章第一节')], ptype='ongoing'))
T.append(feat(pt(121.81, 40.005), 'taipingwan-port', '太平湾港区', 'Taipingwan port area', 'port',
  '完成太平湾港区泊位工程、航道工程建设……加快推进太平湾港区基础设施及集输运体系建设，培育新的区域经济增长极。',
  'Complete the berth and channel works of the Taipingwan port area …… accelerate the infrastructure and collection-and-distribution system of the Taipingwan port area to foster a new regional growth pole.',
  '专栏17；第十章第一节；第五章第一节', 'schematic', '太平湾位于瓦房店市西北部渤海岸；点为港区示意位置（约±5公里）。',
  'Taipingwan lies on the Bohai coast of north-western Wafangdian; indicative point for the port area (about ±5 km).',
  district='210281', projects=[('完成太平湾港区泊位工程、航道工程建设', 'Complete Taipingwan berth and channel works', S17),
                               ('高质量建设太平湾港区和配套基础设施', 'Build Taipingwan port area and supporting infrastructure to high quality', '第五章第一节')], ptype='new'))
T.append(feat(pt(121.70, 39.36), 'puwan-port', '普湾港区', 'Puwan port area', 'port',
  '推进普湾港区公共航道工程', 'Advance the public channel project of the Puwan port area', S17, 'schematic',
  '普兰店湾内港区的示意位置（规划未给出具体位置）。', 'Indicative point inside Pulandian Bay (the plan gives no exact site).', district='210213', ptype='new'))
T.append(feat(pt(121.84, 39.00), 'dagushan-west-port', '大孤山西港区', 'Dagushan West port area', 'port',
  '大孤山西港区 14#等项目建设', 'Construction of Dagushan West port area berth No. 14 and other projects', S17, 'located',
  '位于金州区大孤山半岛西侧（大连湾东岸），约±2公里。', 'West side of the Dagushan peninsula on the east shore of Dalian Bay (about ±2 km).', district='210213', ptype='new'))
T.append(feat(pt(121.88, 39.035), 'dayaowan-port', '大窑湾港区', 'Dayaowan port area', 'port',
  '推动大窑湾港区和长兴岛经济区高水平发展。', 'Promote high-level development of the Dayaowan port area and the Changxingdao Economic Zone.',
  '第五章第一节；第一章第一节', 'located', '位于金州区大窑湾集装箱码头一带。', 'Placed at the Dayaowan container terminals, Jinzhou.', district='210213',
  projects=[('大窑湾三期、四期', 'Dayaowan phases III and IV (started in the 13th FYP)', '第一章第一节')], ptype='upgrade'))
T.append(feat(pt(121.40, 39.55), 'changxingdao-port', '长兴岛和西中岛港区', 'Changxingdao and Xizhongdao port areas', 'port',
  '完善长兴岛和西中岛港区配套服务功能', 'Improve the supporting service functions of the Changxingdao and Xizhongdao port areas', '第五章第一节', 'schematic',
  '长兴岛上的示意点（代表长兴岛、西中岛两港区）。', 'Indicative point on Changxing Island standing for both the Changxingdao and Xizhongdao port areas.', district='210281', ptype='upgrade'))
T.append(feat(pt(122.58, 39.28), 'changshan-islands-ferry', '长山群岛陆岛交通', 'Changshan Islands island–mainland transport', 'port',
  '实施长山群岛陆岛交通重点项目建设。', 'Carry out key projects for island–mainland transport in the Changshan Islands.', S17, 'schematic',
  '规划未给出具体项目地点；点置于长海县城大长山岛镇。', 'The plan gives no project sites; point placed at Dachangshandao, the Changhai county seat.', district='210224', ptype='new'))
write('infra_transport_points', T)

# ------------------------------------------------------------------ transport lines
L = []
BEIZHAN = (121.598, 38.962); AIRPORT = (121.58, 39.10)
L.append(feat(ln((121.372, 38.985), (121.43, 38.975), (121.50, 38.965), (121.545, 38.955), (121.58, 38.952), (121.632, 38.962)),
  'metro-4-phase1', '地铁4号线一期', 'Metro Line 4, phase 1', 'metro', '实施地铁4号线一期、1号线三期、13号线二期等轨道交通项目。',
  'Implement rail transit projects including Metro Line 4 phase 1, Line 1 phase 3 and Line 13 phase 2.', S17, 'schematic',
  '示意走向：营城子—沿旅顺北路—梭鱼湾（一期起讫点据公开报道）。', 'Schematic: Yingchengzi – along Lüshun North Road – Suoyuwan (phase-1 termini from public reports).', ptype='new'))
L.append(feat(ln((121.565, 38.992), (121.57, 39.04), AIRPORT), 'metro-1-phase3', '1号线三期', 'Metro Line 1, phase 3', 'metro',
  '实施地铁4号线一期、1号线三期、13号线二期等轨道交通项目。', 'Implement rail transit projects including Metro Line 4 phase 1, Line 1 phase 3 and Line 13 phase 2.', S17, 'schematic',
  '示意：自1号线北端姚家向新机场方向延伸（方向据公开报道，规划未给走向）。', 'Schematic: extension from the Yaojia terminus towards the new airport (direction from public reports; the plan gives no route).', ptype='new'))
L.append(feat(ln(BEIZHAN, (121.60, 39.00), (121.64, 39.035), (121.70, 39.08)), 'metro-13-phase2', '13号线二期', 'Metro Line 13, phase 2', 'metro',
  '实施地铁4号线一期、1号线三期、13号线二期等轨道交通项目。', 'Implement rail transit projects including Metro Line 4 phase 1, Line 1 phase 3 and Line 13 phase 2.', S17, 'schematic',
  '示意：大连北站—九里（起讫点据公开报道）。', 'Schematic: Dalian North Station – Jiuli (termini from public reports).', ptype='new'))
L.append(feat(ln((121.69, 38.87), (121.665, 38.89), (121.64, 38.912), (121.634, 38.925), (121.632, 38.955), (121.60, 38.97), (121.575, 38.985)),
  'metro-5', '地铁5号线', 'Metro Line 5', 'metro', '地铁 5 号线开工建设', 'Construction of Metro Line 5 started', '第一章第一节', 'schematic',
  '示意：虎滩新区—火车站—跨大连湾—后关村（起讫点据公开报道）。', 'Schematic: Hutan Xinqu – railway station – across Dalian Bay – Houguancun (termini from public reports).', ptype='ongoing'))
L.append(feat(ln((121.665, 38.930), (121.645, 38.960), (121.665, 38.985), (121.70, 39.01)), 'dalianwan-tunnel-guangminglu', '大连湾海底隧道和光明路延伸工程',
  'Dalian Bay undersea tunnel and Guangming Road extension', 'road', '大连北站综合交通枢纽工程、大连湾海底隧道和光明路延伸工程顺利推进。',
  'The Dalian North Station transport hub, the Dalian Bay undersea tunnel and the Guangming Road extension progressed smoothly.', '第一章第一节', 'schematic',
  '示意：东港（人民路）穿越大连湾至北岸，再沿光明路方向延伸。', 'Schematic: from Donggang (Renmin Road) under Dalian Bay to the north shore, then along the Guangming Road direction.', ptype='ongoing'))
L.append(feat(ln((121.60, 38.92), (121.50, 38.90), (121.40, 38.87), (121.30, 38.84), (121.255, 38.815)), 'dalian-lushun-central-road', '大连至旅顺中部通道工程',
  'Dalian–Lüshun central corridor road', 'road', '建成渤海大道一期工程、大连至旅顺中部通道工程', 'Complete phase 1 of Bohai Avenue and the Dalian–Lüshun central corridor project',
  S17, 'schematic', '示意：大连主城区至旅顺，走半岛中部（规划未给走向）。', 'Schematic: from central Dalian to Lüshun through the middle of the peninsula (the plan gives no route).', ptype='new'))
ZH = (122.99, 39.70)
L.append(feat(ln(ZH, (123.05, 39.85), (123.15, 40.0), (123.25, 40.08)), 'zhuangxiu-expressway', '庄岫高速', 'Zhuanghe–Xiuyan expressway (preparatory work)', 'road',
  '推进庄岫高速等前期工作', 'Advance preparatory work on the Zhuanghe–Xiuyan expressway and others', S17, 'schematic',
  '示意：庄河向北至市界（通往岫岩方向），规划未给走向。', 'Schematic: from Zhuanghe north to the city boundary towards Xiuyan; the plan gives no route.', ptype='study'))
L.append(feat(ln(ZH, (123.06, 39.82), (123.12, 39.95), (123.22, 40.06)), 'haixiu-xiuzhuang-railway', '海岫岫庄铁路电气化改造', 'Haicheng–Xiuyan–Zhuanghe railway electrification', 'railway',
  '协调推进海岫岫庄铁路电气化改造', 'Coordinate and advance the electrification of the Haicheng–Xiuyan and Xiuyan–Zhuanghe railways', S17, 'schematic',
  '示意：仅绘市域内岫庄段（庄河站向北至市界）。', 'Schematic: only the Xiuyan–Zhuanghe section inside Dalian (Zhuanghe station north to the boundary).', ptype='upgrade'))
ZHPORT = (123.02, 39.637)
L.append(feat(ln(ZH, (123.01, 39.67), ZHPORT), 'zhuanghe-port-railway', '庄河港疏港铁路', 'Zhuanghe port access railway', 'railway',
  '实施太平湾疏港铁路、庄河港疏港铁路工程', 'Build the Taipingwan and Zhuanghe port access railways', S17, 'schematic',
  '示意：庄河站至庄河城南海岸港区。', 'Schematic: Zhuanghe station to the port on the coast south of the city.', ptype='new'))
L.append(feat(ln((121.81, 40.005), (121.92, 39.99), (122.05, 39.96), (122.15, 39.93)), 'taipingwan-port-railway', '太平湾疏港铁路', 'Taipingwan port access railway', 'railway',
  '实施太平湾疏港铁路、庄河港疏港铁路工程', 'Build the Taipingwan and Zhuanghe port access railways', S17, 'schematic',
  '示意：太平湾港区向东接入哈大通道（接轨点未知）。', 'Schematic: from Taipingwan port east to the Harbin–Dalian corridor (junction point unknown).', ptype='new'))
write('infra_transport_lines', L)

# ------------------------------------------------------------------ energy
S18 = '专栏18'
E = []
E.append(feat(pt(121.475, 39.80), 'hongyanhe-npp-2', '红沿河核电二期工程', 'Hongyanhe nuclear power plant, phase 2', 'nuclear',
  '建成红沿河核电二期工程', 'Complete phase 2 of the Hongyanhe nuclear power plant', S18, 'located',
  '位于瓦房店市红沿河镇红沿河核电站厂址。', 'Placed at the Hongyanhe NPP site, Hongyanhe town, Wafangdian.', district='210281', ptype='ongoing'))
E.append(feat(pt(122.77, 39.575), 'zhuanghe-npp-1', '庄河核电一期工程', 'Zhuanghe nuclear power plant, phase 1', 'nuclear',
  '力争开工建设庄河核电一期工程', 'Strive to start construction of phase 1 of the Zhuanghe nuclear power plant', S18, 'schematic',
  '厂址据公开报道在庄河市栗子房镇南尖村；点为海岸上的近似位置（约±5公里）。', 'Site reported at Nanjian village, Lizifang town, Zhuanghe; approximate coastal point (about ±5 km).',
  district='210283', ptype='new'))
E.append(feat(pt(121.585, 38.925), 'flow-battery-storage', '大连液流电池储能调峰电站', 'Dalian flow-battery energy-storage peak-shaving station', 'storage',
  '建成大连液流电池储能调峰电站', 'Complete the Dalian flow-battery energy-storage peak-shaving power station', S18, 'schematic',
  '据公开报道位于沙河口区；点为区内示意位置。', 'Reported to lie in Shahekou District; indicative point within the district.', district='210204', ptype='ongoing'))
E.append(feat(pt(123.12, 39.38), 'offshore-wind', '大连海上风电一期规划风电场', 'Dalian offshore wind, phase-1 planned wind farms', 'offshore_wind',
  '建成大连海上风电一期规划风电场，推动大连海上风电二期规划项目建设。……按照“源网荷储”一体化要求积极开发海上风电',
  'Complete the phase-1 planned Dalian offshore wind farms and advance phase-2 projects. …… Actively develop offshore wind under the integrated "source–grid–load–storage" approach.',
  S18 + '；第十章第二节', 'schematic', '庄河以南黄海海域的示意点（规划未给风电场范围；送出工程以庄河Ⅱ号命名）。',
  'Indicative point in the Yellow Sea south of Zhuanghe (the plan gives no wind-farm areas; the grid link is named after Zhuanghe II).',
  projects=[('庄河Ⅱ号海上风电送出工程', 'Zhuanghe II offshore wind grid-connection project', S18),
            ('推动大连海上风电二期规划项目建设', 'Advance phase-2 Dalian offshore wind projects', S18)], ptype='new', at_sea=True))
E.append(feat(pt(122.30, 39.75), 'pulandian-lejia', '普兰店乐甲', 'Pulandian Lejia (wind/solar project)', 'wind_solar',
  '按照“源网荷储”模式推进普兰店乐甲、“渔光互补”、瓦房店风储站荷一体化、庄河永记水库二期、金普新区复州湾、长兴岛风光互补电氢联产等风力发电、太阳能发电项目建设。',
  'Under the "source–grid–load–storage" model, advance wind and solar projects: Pulandian Lejia, "fishery–PV complementarity", Wafangdian wind–storage–station–load integration, Zhuanghe Yongji Reservoir phase 2, Jinpu New Area Fuzhouwan, Changxingdao wind–solar complementary power–hydrogen co-production.',
  S18, 'schematic', '乐甲满族乡一带的示意点（约±5公里）。', 'Indicative point in the Lejia Manchu township area (about ±5 km).', district='210214', ptype='new'))
E.append(feat(pt(121.58, 39.66), 'jinpu-fuzhouwan', '金普新区复州湾', 'Jinpu New Area Fuzhouwan (wind/solar project)', 'wind_solar',
  '按照“源网荷储”模式推进普兰店乐甲、“渔光互补”、瓦房店风储站荷一体化、庄河永记水库二期、金普新区复州湾、长兴岛风光互补电氢联产等风力发电、太阳能发电项目建设。',
  'Under the "source–grid–load–storage" model, advance wind and solar projects including Jinpu New Area Fuzhouwan.',
  S18, 'schematic', '复州湾一带示意点；复州湾由金普新区管理，但在行政区划图上属瓦房店市范围。', 'Indicative point in the Fuzhouwan area, administered by Jinpu New Area but inside the Wafangdian polygon of the administrative map.',
  district='210281', ptype='new'))
E.append(feat(pt(121.45, 39.58), 'changxingdao-power-hydrogen', '长兴岛风光互补电氢联产', 'Changxingdao wind–solar complementary power–hydrogen co-production', 'wind_solar',
  '按照“源网荷储”模式推进普兰店乐甲、“渔光互补”、瓦房店风储站荷一体化、庄河永记水库二期、金普新区复州湾、长兴岛风光互补电氢联产等风力发电、太阳能发电项目建设。',
  'Under the "source–grid–load–storage" model, advance wind and solar projects including Changxingdao wind–solar power–hydrogen co-production.',
  S18, 'schematic', '长兴岛上的示意点。', 'Indicative point on Changxing Island.', district='210281', ptype='new'))
E.append(feat(pt(121.96, 39.39), 'pulandian-chp', '普兰店热电联产项目', 'Pulandian combined heat-and-power project', 'chp',
  '建成华能大连第二热电厂、普兰店等热电联产项目。', 'Complete combined heat-and-power projects such as Huaneng Dalian No. 2 Thermal Power Plant and Pulandian.',
  S18, 'schematic', '规划未给厂址；示意点置于普兰店城区。', 'The plan gives no site; indicative point in Pulandian town.', district='210214', ptype='ongoing', name_verbatim=False))
E.append(feat(pt(121.85, 39.36), 'puwan-gas-storage', '普湾新区天然气储气设施', 'Puwan New District gas storage', 'gas_storage',
  '加快实施天然气高压管道“东北线”、“旅大线”、天然气应急调峰站、“普庄线”等管网工程以及普湾新区、庄河黑岛等天然气储气设施。',
  'Accelerate the high-pressure gas pipelines "Northeast line", "Lü–Da line", the gas emergency peak-shaving station and the "Pu–Zhuang line", and gas storage facilities in Puwan New District and Heidao (Zhuanghe).',
  S18, 'schematic', '普兰店湾北岸普湾新区内的示意点。', 'Indicative point in Puwan New District on Pulandian Bay.', district='210213', ptype='new', name_verbatim=False))
E.append(feat(pt(122.83, 39.62), 'heidao-gas-storage', '庄河黑岛天然气储气设施', 'Heidao (Zhuanghe) gas storage', 'gas_storage',
  '加快实施天然气高压管道“东北线”、“旅大线”、天然气应急调峰站、“普庄线”等管网工程以及普湾新区、庄河黑岛等天然气储气设施。',
  'Accelerate gas pipelines and gas storage facilities in Puwan New District and Heidao (Zhuanghe).',
  S18, 'schematic', '庄河市黑岛镇一带的示意点（约±3公里）。', 'Indicative point in Heidao town, Zhuanghe (about ±3 km).', district='210283', ptype='new', name_verbatim=False))
write('infra_energy_points', E)

EL = []
EL.append(feat(ln((121.475, 39.80), (121.70, 39.72), (121.98, 39.63)), 'hongyanhe-wafangdian-500kv', '红沿河核电站—瓦房店 500 千伏线路新建工程',
  'Hongyanhe NPP – Wafangdian 500 kV line (new)', 'grid', '加快推进红沿河核电站—瓦房店 500 千伏线路新建工程', 'Accelerate the new 500 kV line from the Hongyanhe NPP to Wafangdian',
  S18, 'schematic', '示意：核电站至瓦房店城区方向（变电站位置未知）。', 'Schematic: NPP towards Wafangdian town (substation location unknown).', ptype='new'))
EL.append(feat(ln((122.50, 39.52), (122.55, 39.40), (122.58, 39.28)), 'chengzitan-changhai-66kv', '城子坦—长海 66 千伏海缆改造工程',
  'Chengzitan – Changhai 66 kV submarine cable upgrade', 'grid', '城子坦—长海、石城岛—乌蟒岛—海洋岛 66 千伏海缆改造工程',
  'Upgrade the Chengzitan–Changhai and Shichengdao–Wumangdao–Haiyangdao 66 kV submarine cables', S18, 'schematic',
  '示意：城子坦至长海县城大长山岛（直线连接）。', 'Schematic: straight link from Chengzitan to Dachangshan Island.', ptype='upgrade', name_verbatim=False))
EL.append(feat(ln((122.99, 39.52), (123.06, 39.14), (123.16, 39.06)), 'shichengdao-haiyangdao-66kv', '石城岛—乌蟒岛—海洋岛 66 千伏海缆改造工程',
  'Shichengdao – Wumangdao – Haiyangdao 66 kV submarine cable upgrade', 'grid', '城子坦—长海、石城岛—乌蟒岛—海洋岛 66 千伏海缆改造工程',
  'Upgrade the Chengzitan–Changhai and Shichengdao–Wumangdao–Haiyangdao 66 kV submarine cables', S18, 'schematic',
  '示意：石城岛—乌蟒岛—海洋岛依次直线连接。', 'Schematic: straight links Shichengdao – Wumangdao – Haiyangdao.', ptype='upgrade', name_verbatim=False))
EL.append(feat(ln((121.96, 39.39), (122.25, 39.50), (122.55, 39.58), (122.99, 39.70)), 'puzhuang-gas', '“普庄线”', '"Pu–Zhuang" gas pipeline (Pulandian–Zhuanghe)', 'gas_pipeline',
  '加快实施天然气高压管道“东北线”、“旅大线”、天然气应急调峰站、“普庄线”等管网工程', 'Accelerate the high-pressure gas pipelines "Northeast line", "Lü–Da line", the emergency peak-shaving station and the "Pu–Zhuang line"',
  S18, 'schematic', '示意：普兰店至庄河（线名推断起讫，走向未知）。', 'Schematic: Pulandian to Zhuanghe (termini inferred from the name; route unknown).', ptype='new'))
EL.append(feat(ln((121.255, 38.815), (121.40, 38.86), (121.60, 38.92)), 'lvda-gas', '“旅大线”', '"Lü–Da" gas pipeline (Lüshun–Dalian)', 'gas_pipeline',
  '加快实施天然气高压管道“东北线”、“旅大线”、天然气应急调峰站、“普庄线”等管网工程', 'Accelerate the high-pressure gas pipelines "Northeast line", "Lü–Da line", the emergency peak-shaving station and the "Pu–Zhuang line"',
  S18, 'schematic', '示意：旅顺至大连主城区（线名推断起讫，走向未知）。', 'Schematic: Lüshun to central Dalian (termini inferred from the name; route unknown).', ptype='new'))
write('infra_energy_lines', EL)

# ------------------------------------------------------------------ water
S19, S21 = '专栏19', '专栏21'
WL = [feat(ln(RES['res-zhuanjiaolou'], RES['res-yingnahe']), 'zhuanjiaolou-yingnahe-link', '转角楼水库与英那河水库连通连调改扩建工程',
  'Zhuanjiaolou – Yingnahe reservoirs interconnection (reconstruction and expansion)', 'water_link',
  '加快推动转角楼水库与英那河水库连通连调改扩建工程', 'Accelerate the reconstruction and expansion of the interconnection and joint operation of the Zhuanjiaolou and Yingnahe reservoirs',
  S19, 'schematic', '两端取自eco_reservoirs图层的水库点，中间为直线示意。', 'Ends at the reservoir points of the eco_reservoirs layer; straight schematic link.', ptype='upgrade')]
write('infra_water_lines', WL)

W = []
W.append(feat(pt(121.80, 39.24), 'sanshilipu-water-plant', '三十里堡水厂', 'Sanshilipu water treatment plant', 'water_plant',
  '加快推进三十里堡水厂、登沙河净水厂二期、金普新区农村饮水并网工程、庄河中部供水工程等项目建设。',
  'Accelerate the Sanshilipu water plant, Dengshahe water purification plant phase 2, Jinpu rural drinking-water grid connection and Zhuanghe central water-supply projects.',
  S19, 'schematic', '金州区三十里堡街道一带的示意点（厂址未知）。', 'Indicative point in Sanshilipu subdistrict, Jinzhou (plant site unknown).', district='210213', ptype='new'))
W.append(feat(pt(122.03, 39.18), 'dengshahe-water-plant-2', '登沙河净水厂二期', 'Dengshahe water purification plant, phase 2', 'water_plant',
  '加快推进三十里堡水厂、登沙河净水厂二期、金普新区农村饮水并网工程、庄河中部供水工程等项目建设。',
  'Accelerate the Sanshilipu water plant, Dengshahe water purification plant phase 2 and other projects.',
  S19, 'schematic', '金州区登沙河街道一带的示意点（厂址未知）。', 'Indicative point in Dengshahe subdistrict, Jinzhou (plant site unknown).', district='210213', ptype='upgrade'))
W.append(feat(pt(*RES['res-songshu']), 'songshu-reservoir-reinforcement', '松树水库除险加固工程', 'Songshu Reservoir safety reinforcement', 'flood_control',
  '加快实施松树水库除险加固工程，推进登沙河、大沙河、复州河等河流治理工程。', 'Accelerate the safety reinforcement of Songshu Reservoir and advance river training on the Dengsha, Dasha and Fuzhou rivers.',
  S19, 'located', '与eco_reservoirs图层的松树水库点同位置。', 'Same position as the Songshu Reservoir point of the eco_reservoirs layer.', district='210281', ptype='upgrade'))
W.append(feat(pt(122.73, 39.03), 'zhangzidao-desalination', '獐子岛镇供水（海水淡化）工程', 'Zhangzidao town water supply (desalination)', 'desalination',
  '建设獐子岛镇、海洋岛镇供水（海水淡化）工程。', 'Build water supply (seawater desalination) works for Zhangzidao and Haiyangdao towns.',
  S21, 'located', '置于长海县獐子岛镇（獐子岛）。', 'Placed on Zhangzi Island, Zhangzidao town, Changhai.', district='210224', ptype='new', name_verbatim=False))
W.append(feat(pt(123.17, 39.062), 'haiyangdao-desalination', '海洋岛镇供水（海水淡化）工程', 'Haiyangdao town water supply (desalination)', 'desalination',
  '建设獐子岛镇、海洋岛镇供水（海水淡化）工程。', 'Build water supply (seawater desalination) works for Zhangzidao and Haiyangdao towns.',
  S21, 'located', '置于长海县海洋岛镇（海洋岛）。', 'Placed on Haiyang Island, Haiyangdao town, Changhai.', district='210224', ptype='new', name_verbatim=False))
for id_, nm, en, (x, y), dist, nzh, nen, basis in [
    ('hongling-reclaimed', '红凌路', 'Honglinglu', (121.53, 38.90), None, '高新区红凌路一带的示意点（厂址未确认）。', 'Indicative point near Hongling Road, hi-tech zone (site not confirmed).', 'schematic'),
    ('chunliuhe-reclaimed', '春柳河', 'Chunliuhe', (121.612, 38.952), '210211', '甘井子区春柳河入海口附近（约±1公里）。', 'Near the mouth of the Chunliu River, Ganjingzi (about ±1 km).', 'located'),
    ('malanhe-reclaimed', '马栏河', 'Malanhe', (121.575, 38.877), '210204', '马栏河入海口附近（约±1公里）。', 'Near the mouth of the Malan River (about ±1 km).', 'located')]:
    dist = dist or district_of(x, y)
    W.append(feat(pt(x, y), id_, nm + '再生水厂', f'{en} reclaimed-water plant', 'reclaimed_water', '新改扩建红凌路、春柳河、马栏河等再生水厂。',
      'Build, rebuild or expand reclaimed-water plants such as Honglinglu, Chunliuhe and Malanhe.', S21, basis, nzh, nen, district=dist, ptype='upgrade', name_verbatim=False))
write('infra_water_points', W)

# ------------------------------------------------------------------ key towns (专栏16)
TW = []
TYPES = {
 'tourism': ('旅游型重点镇', 'Tourism-type key town', '依托文化、生态、温泉、滨海等特色旅游资源，重点发展复州城、许屯、李官、谢屯、安波、步云山、仙人洞、城子坦等旅游型重点镇，完善旅游设施，创新旅游业态，提升旅游服务质量效益。',
   'Relying on distinctive cultural, ecological, hot-spring and seaside tourism resources, focus on developing tourism-type key towns such as Fuzhoucheng, Xutun, Liguan, Xietun, Anbo, Buyunshan, Xianrendong and Chengzitan; improve tourism facilities, innovate tourism formats and raise the quality and returns of tourism services.'),
 'industrial': ('工业型重点镇', 'Industrial-type key town', '依托现有工业基础，重点发展青堆、黑岛、大郑等工业型重点镇，推进特色产业集群发展。',
   'Relying on the existing industrial base, focus on developing industrial-type key towns such as Qingdui, Heidao and Dazheng, and promote distinctive industrial clusters.'),
 'commerce': ('商贸型重点镇', 'Commerce-type key town', '依托交通区位优势，重点发展老虎屯、莲山等商贸型重点镇，推进镇区商业综合体、商业特色街、专业特色市场等商贸设施建设，创新商业业态，配套辐射周边乡村的生活商业网点。',
   'Relying on transport and location advantages, focus on developing commerce-type key towns such as Laohutun and Lianshan; build commercial complexes, distinctive shopping streets and specialised markets in the town centres, innovate commercial formats and provide retail outlets serving surrounding villages.')}
TOWNS = [  # name, pinyin, kind, lon, lat, adcode, confidence note
 ('复州城', 'Fuzhoucheng', 'tourism', 121.713, 39.77, '210281', '瓦房店市复州城镇', 'Fuzhoucheng town, Wafangdian'),
 ('许屯', 'Xutun', 'tourism', 122.12, 39.98, '210281', '瓦房店市许屯镇', 'Xutun town, Wafangdian'),
 ('李官', 'Liguan', 'tourism', 121.98, 39.55, '210281', '瓦房店市李官镇', 'Liguan town, Wafangdian'),
 ('谢屯', 'Xietun', 'tourism', 121.70, 39.88, '210281', '瓦房店市谢屯镇', 'Xietun town, Wafangdian'),
 ('安波', 'Anbo', 'tourism', 122.45, 39.83, '210214', '普兰店区安波街道（安波温泉）', 'Anbo (hot springs), Pulandian'),
 ('步云山', 'Buyunshan', 'tourism', 122.80, 40.00, '210283', '庄河市步云山乡（温泉）', 'Buyunshan township (hot springs), Zhuanghe'),
 ('仙人洞', 'Xianrendong', 'tourism', 122.96, 39.97, '210283', '庄河市仙人洞镇', 'Xianrendong town, Zhuanghe'),
 ('城子坦', 'Chengzitan', 'tourism', 122.50, 39.52, '210214', '普兰店区城子坦街道', 'Chengzitan, Pulandian'),
 ('青堆', 'Qingdui', 'industrial', 122.68, 39.62, '210283', '庄河市青堆镇', 'Qingdui town, Zhuanghe'),
 ('黑岛', 'Heidao', 'industrial', 122.83, 39.62, '210283', '庄河市黑岛镇', 'Heidao town, Zhuanghe'),
 ('大郑', 'Dazheng', 'industrial', 122.60, 39.75, '210283', '庄河市大郑镇', 'Dazheng town, Zhuanghe'),
 ('老虎屯', 'Laohutun', 'commerce', 122.05, 39.90, '210281', '瓦房店市老虎屯镇', 'Laohutun town, Wafangdian'),
 ('莲山', 'Lianshan', 'commerce', 122.15, 39.50, '210214', '普兰店区莲山街道', 'Lianshan, Pulandian'),
]
for nm, py, kind, x, y, ad, nzh, nen in TOWNS:
    tzh, ten, fzh, fen = TYPES[kind]
    TW.append(feat(pt(x, y), 'town-' + py.lower(), nm, py, kind, fzh, fen, '专栏16', 'located',
      f'置于{nzh}驻地的近似位置（约±3公里，未经测绘核对）。', f'Placed at the approximate seat of {nen} (about ±3 km, not survey-checked).',
      district=ad, town_type_zh=tzh, town_type_en=ten))
write('infra_towns', TW)

# ------------------------------------------------------------------ science, culture, heritage, consumption
C = []
C.append(feat(pt(121.435, 38.855), 'yinggeshi-science-city', '英歌石科学城', 'Yinggeshi Science City', 'science',
  '聚焦“应用基础研究、科技成果转化、未来产业培育、高端人才集聚”四大功能，建设英歌石科学城策源中心，积极参与国家实验室建设……到 2025 年，科学城主体框架基本建成，集聚一流科研机构达到 30 家以上，集聚各类科研人员 6000 人。……依托英歌石科学城，建设洁净能源研发试验基地。',
  'Focusing on four functions — applied basic research, commercialisation of research results, fostering future industries and attracting top talent — build the Yinggeshi Science City as an innovation source centre and take part in building national laboratories …… By 2025 the main framework of the science city will be basically complete, with more than 30 first-class research institutions and 6,000 researchers. …… Relying on Yinggeshi Science City, build a clean-energy R&D and test base.',
  '第二章第二节；第三章', 'located', '位于高新区英歌石一带（龙王塘以北），点为片区中心近似位置。', 'Placed at the approximate centre of the Yinggeshi area (north of Longwangtang) in the hi-tech zone.',
  district='210212', ptype='new',
  targets=[{"label_zh": "集聚一流科研机构", "label_en": "First-class research institutions", "value": "30 家以上", "unit": "家", "source": "第二章第二节"},
           {"label_zh": "集聚各类科研人员", "label_en": "Researchers", "value": "6000", "unit": "人", "source": "第二章第二节"}]))
C.append(feat(pt(121.585, 38.895), 'dicp-clean-energy-institute', '中国科学院洁净能源创新研究院', 'CAS Dalian Clean Energy Innovation Institute', 'science',
  '加快建设中国科学院洁净能源创新研究院，形成“1（总部大连）+X（区域分部）+N（网络实验室+产业化基地）”开放融合的创新组织体系。',
  'Accelerate building the CAS Clean Energy Innovation Institute, forming an open, integrated "1 (HQ in Dalian) + X (regional branches) + N (networked labs + industrialisation bases)" innovation system.',
  '第二章第二节', 'located', '置于依托单位中国科学院大连化学物理研究所（中山路457号）一带。', 'Placed at its host, the CAS Dalian Institute of Chemical Physics (457 Zhongshan Road).',
  district='210204', ptype='ongoing'))
UNI_F = '对标国际知名大学城，全面优化高新区、金普新区、旅顺口区、庄河等大学城空间和学科专业布局，推动高校集群发展'
UNI_E = 'Benchmarking well-known international university towns, fully optimise the spatial and disciplinary layout of the university-town areas in the hi-tech zone, Jinpu New Area, Lüshunkou District and Zhuanghe, and promote clustered development of universities.'
for id_, nm, en, (x, y), nzh, nen in [
    ('univ-gaoxin', '高新区', 'Hi-tech zone', (121.525, 38.882), '高新区凌水一带高校集中区的示意点。', 'Indicative point at the Lingshui campus cluster in the hi-tech zone.'),
    ('univ-jinpu', '金普新区', 'Jinpu New Area', (121.80, 39.08), '金州区高校集中区（学府大街一带）的示意点。', 'Indicative point at the Jinzhou campus cluster (Xuefu Avenue area).'),
    ('univ-lvshunkou', '旅顺口区', 'Lüshunkou District', (121.33, 38.85), '旅顺南路沿线高校集中区的示意点。', 'Indicative point at the campus cluster along Lüshun South Road.'),
    ('univ-zhuanghe', '庄河', 'Zhuanghe', (122.97, 39.69), '规划未给位置；示意点置于庄河城区。', 'The plan gives no site; indicative point in Zhuanghe town.')]:
    C.append(feat(pt(x, y), id_, nm + '大学城', f'{en} university town', 'university', UNI_F, UNI_E, '第十三章第二节', 'schematic', nzh, nen,
      district=district_of(x, y), name_verbatim=False))
C.append(feat(pt(121.628, 38.963), 'suoyuwan-football-stadium', '梭鱼湾专业足球场', 'Suoyuwan professional football stadium', 'sports',
  '加快推进梭鱼湾专业足球场建设。高水平承办亚洲杯、中超联赛等赛事活动。', 'Accelerate building the Suoyuwan professional football stadium; host the Asian Cup, Chinese Super League and other events at a high level.',
  '第十三章第二节', 'located', '位于甘井子区梭鱼湾（大连湾北岸）。', 'Placed at Suoyuwan on the north shore of Dalian Bay, Ganjingzi.', district='210211', ptype='new'))
HER = '加强对东关街、俄罗斯风情街、中山广场、旅顺太阳沟、旅顺港等文化遗址、古村落、古建筑的保护传承和活化利用'
HER_E = 'Strengthen the protection, transmission and adaptive reuse of cultural sites, old villages and historic buildings such as Dongguan Street, the Russian-style Street, Zhongshan Square, Taiyanggou in Lüshun and Lüshun Port'
S24 = '重点推进东关街、凤鸣街等历史文化街区和历史风貌区保护修复利用，以及巍霸山城、得利寺山城等不可移动文物保护工程'
S24_E = 'Focus on protecting, restoring and using historic districts such as Dongguan Street and Fengming Street, and on protection works for immovable relics such as the Weiba and Delisi mountain fortresses'
C.append(feat(pt(121.628, 38.928), 'dongguan-street', '东关街', 'Dongguan Street', 'heritage',
  HER + '……' + S24 + '……加快东关街改造，打造展示城市“老字号”文化体验、文化博览、休闲娱乐体验、文创商务等多种功能的历史文化老街区。',
  HER_E + ' …… ' + S24_E + ' …… Speed up the renovation of Dongguan Street into an old historic quarter with time-honoured-brand cultural experience, exhibitions, leisure and entertainment, and creative business.',
  '第十三章第四节；专栏24；第六章第四节', 'located', '位于西岗区东关街历史街区。', 'Placed at the Dongguan Street historic quarter, Xigang.', district='210203', ptype='upgrade'))
C.append(feat(pt(121.636, 38.931), 'russian-street', '俄罗斯风情街', 'Russian-style Street', 'heritage',
  HER + '……完善俄罗斯风情街、南山风情一条街功能，打造餐饮、娱乐、旅游等特色街区。',
  HER_E + ' …… Improve the functions of the Russian-style Street and Nanshan Style Street as distinctive dining, entertainment and tourism streets.',
  '第十三章第四节；第六章第四节', 'located', '位于西岗区团结街（胜利桥北）。', 'Placed at Tuanjie Street north of Shengli Bridge, Xigang.', district='210203', ptype='upgrade'))
C.append(feat(pt(121.6446, 38.9208), 'zhongshan-square', '中山广场', 'Zhongshan Square', 'heritage', HER, HER_E, '第十三章第四节', 'located',
  '位于中山区中山广场。', 'Placed at Zhongshan Square, Zhongshan District.', district='210202'))
C.append(feat(pt(121.245, 38.808), 'lushun-taiyanggou', '旅顺太阳沟', 'Taiyanggou, Lüshun', 'heritage', HER, HER_E, '第十三章第四节', 'located',
  '位于旅顺口区太阳沟历史街区。', 'Placed at the Taiyanggou historic area, Lüshunkou.', district='210212'))
C.append(feat(pt(121.262, 38.812), 'lushun-port', '旅顺港', 'Lüshun Port', 'heritage', HER, HER_E, '第十三章第四节', 'located',
  '位于旅顺口区旅顺港北岸。', 'Placed on the north shore of Lüshun harbour.', district='210212'))
C.append(feat(pt(121.655, 38.910), 'fengming-street', '凤鸣街', 'Fengming Street', 'heritage', S24, S24_E, '专栏24', 'schematic',
  '中山区南山一带的近似位置（约±1公里）。', 'Approximate position in the Nanshan area, Zhongshan District (about ±1 km).', district='210202', ptype='upgrade'))
C.append(feat(pt(122.20, 39.60), 'weiba-fortress', '巍霸山城', 'Weiba mountain fortress (Wugu City)', 'heritage', S24, S24_E, '专栏24', 'schematic',
  '普兰店区星台一带山城遗址的近似位置（约±5公里）。', 'Approximate position of the fortress ruins in the Xingtai area, Pulandian (about ±5 km).', district='210214', ptype='upgrade'))
C.append(feat(pt(122.14, 39.86), 'delisi-fortress', '得利寺山城', 'Delisi mountain fortress', 'heritage', S24, S24_E, '专栏24', 'schematic',
  '瓦房店市得利寺镇龙潭山一带的近似位置（约±5公里）。', 'Approximate position on Longtan Mountain, Delisi town, Wafangdian (about ±5 km).', district='210281', ptype='upgrade'))
C.append(feat(pt(121.638, 38.917), 'qingniwa-tianjinjie', '青泥洼-天津街标志性都市商圈', 'Qingniwa–Tianjin Street landmark urban shopping district', 'consumption',
  '进一步优化商圈的空间布局，升级软硬件配套设施，提高商业及服务品质，建设成为体现大连历史文化、引领国际消费时尚的大连标志性都市商圈。',
  "Further optimise the district's spatial layout, upgrade hard and soft facilities, raise commercial and service quality, and build it into Dalian's landmark urban shopping district that reflects the city's history and culture and leads international consumer fashion.",
  '专栏10', 'located', '位于中山区青泥洼桥—天津街一带。', 'Placed at Qingniwa Bridge – Tianjin Street, Zhongshan District.', district='210202', ptype='upgrade'))
C.append(feat(pt(121.24, 38.82), 'lushun-modern-history-centre', '大连近代史体验观光旅游中心', 'Dalian modern-history experience and sightseeing centre', 'consumption',
  '充分发挥旅顺文化旅游资源显著的特点，吸引游客体验观光旅游。', "Make full use of Lüshun's outstanding cultural-tourism resources to attract visitors for experience and sightseeing tourism.",
  '专栏10', 'schematic', '规划仅指明旅顺；示意点置于旅顺老城区。', 'The plan names only Lüshun; indicative point in the old town of Lüshun.', district='210212'))
for id_, nm, en, (x, y), fzh, fen, nzh, nen in [
    ('nanshan-street', '南山风情一条街', 'Nanshan Style Street', (121.648, 38.912), '完善俄罗斯风情街、南山风情一条街功能，打造餐饮、娱乐、旅游等特色街区。',
     'Improve the functions of the Russian-style Street and Nanshan Style Street as distinctive dining, entertainment and tourism streets.', '中山区南山一带（约±1公里）。', 'Nanshan area, Zhongshan District (about ±1 km).'),
    ('xi-an-road', '西安路', 'Xi’an Road', (121.600, 38.912), '鼓励天津街、西安路等商业街开设旗舰店、体验店、集成店、快闪店等，培育老字号新零售集聚区。',
     'Encourage shopping streets such as Tianjin Street and Xi’an Road to open flagship, experience, multi-brand and pop-up stores, and foster clusters of new retail for time-honoured brands.', '沙河口区西安路商圈。', 'Xi’an Road shopping district, Shahekou.'),
    ('dongfang-shuicheng', '东方水城', 'Oriental Venice (Dongfang Shuicheng)', (121.675, 38.930), '提升东方水城、老虎滩渔人码头的旅游、餐饮、文化、消费、体验等功能，打造新的消费体验街区。',
     'Upgrade the tourism, dining, culture, consumption and experience functions of Dongfang Shuicheng and Laohutan Fisherman’s Wharf to create new consumer-experience quarters.', '中山区东港一带。', 'Donggang area, Zhongshan District.'),
    ('laohutan-wharf', '老虎滩渔人码头', 'Laohutan Fisherman’s Wharf', (121.675, 38.868), '提升东方水城、老虎滩渔人码头的旅游、餐饮、文化、消费、体验等功能，打造新的消费体验街区。',
     'Upgrade the tourism, dining, culture, consumption and experience functions of Dongfang Shuicheng and Laohutan Fisherman’s Wharf to create new consumer-experience quarters.', '中山区老虎滩一带。', 'Laohutan area, Zhongshan District.')]:
    C.append(feat(pt(x, y), id_, nm, en, 'consumption', fzh, fen, '第六章第四节', 'located', nzh, nen, district=district_of(x, y), ptype='upgrade'))
write('infra_culture', C)
