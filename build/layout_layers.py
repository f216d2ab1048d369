"""Build the spatial-layout layers (layout_*.geojson) of the Dalian 14th Five-Year Plan map.

Sources:
  * words: plan/dalian_14th_five_year_plan.txt -- every function_zh / project name is checked to be a
    verbatim substring of the plan (whitespace ignored);
  * geometry: geodata/layers/districts.geojson (built by build/boundaries.py) for boundary-based areas,
    plus hand-placed coordinates / schematic shapes from general geographic knowledge, WGS-84 (EPSG:4326).

Writes:
  geodata/layers/layout_{core_cities,areas,clusters,corridors,zoning,bay,bay_area,functional_areas}.geojson
  build/out/layout_district_projects.json   (projects per district/functional area, for reference)

Run (from the repo root):  python build/layout_layers.py
"""
import json, re
from pathlib import Path
from shapely.geometry import shape, mapping, Point, Polygon, MultiPolygon, LineString, MultiPoint, box
from shapely.ops import unary_union
from shapely import set_precision

ROOT = Path(__file__).resolve().parents[1]
PLAN = (ROOT / 'plan' / 'dalian_14th_five_year_plan.txt').read_text(encoding='utf-8')
OUT_DIR = ROOT / 'build' / 'out'
def norm(s): return re.sub(r'\s+', '', s)
NP = norm(PLAN)
def V(*frags):
    for f in frags:
        assert norm(f) in NP, f
    return '……'.join(frags)

D = {f['properties']['adcode']: shape(f['geometry']) for f in json.load(open(ROOT/'geodata/layers/districts.geojson'))['features']}
LAND = unary_union(list(D.values()))

def rnd(geom):
    g = set_precision(geom, 1e-5)
    return json.loads(json.dumps(mapping(g)), parse_float=lambda x: round(float(x), 5))

def clean(g, tol=0.002):
    g = g.buffer(0).simplify(tol, preserve_topology=True)
    if g.geom_type == 'GeometryCollection':
        g = unary_union([p for p in g.geoms if p.area > 0])
    if g.geom_type == 'MultiPolygon':  # drop specks
        parts = [p for p in g.geoms if p.area > 2e-6]
        g = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    return g

# ---------------- district projects ----------------
def P(name_zh, name_en, source, check=None):
    assert norm(check or name_zh) in NP, name_zh
    return {"name_zh": name_zh, "name_en": name_en, "source": source}

PROJ = {
 "210202": [
  P("中山广场—人民路—东港高端服务业集聚区", "Zhongshan Square–Renmin Road–Donggang high-end services cluster", "第三章第二节"),
  P("星海湾现代金融集聚区", "Xinghai Bay modern finance cluster", "第三章第二节"),
  P("星海湾金融城", "Xinghai Bay Financial City (futures-focused)", "第五章第四节"),
  P("青泥洼-天津街标志性都市商圈", "Qingniwa–Tianjin Street landmark metropolitan shopping district", "专栏10"),
  P("西安路", "Xi'an Road (metropolitan-level commercial centre)", "第三章第二节", "西安路2个都市级商业中心"),
  P("东关街", "Dongguan Street historic quarter (renovation)", "第六章第四节；专栏24", "加快东关街改造"),
  P("俄罗斯风情街", "Russian Style Street", "第六章第四节；第十三章第四节"),
  P("南山风情一条街", "Nanshan style street", "第六章第四节"),
  P("老虎滩渔人码头", "Laohutan Fisherman's Wharf", "第六章第四节"),
  P("中山广场", "Zhongshan Square (heritage protection)", "第十三章第四节", "俄罗斯风情街、中山广场"),
  P("凤鸣街", "Fengming Street historic quarter", "专栏24", "东关街、凤鸣街等历史文化街区"),
  P("机车厂", "Locomotive works relocation (industrial heritage reuse)", "第十三章第三节", "推动机车厂、华润棒棰岛啤酒有限公司搬迁腾退"),
  P("大连站枢纽改造", "Study of Dalian Station hub reconstruction", "第十章第一节", "研究大连站枢纽改造"),
 ],
 "210211": [
  P("梭鱼湾商务区", "Suoyuwan business district", "第三章第二节"),
  P("梭鱼湾市级中心", "Suoyuwan city-level centre", "第九章第一节", "打造梭鱼湾市级中心"),
  P("梭鱼湾专业足球场", "Suoyuwan professional football stadium", "第十三章第二节"),
  P("泉水湾、和尚岛两个区级中心", "Quanshuiwan and Heshangdao district-level centres", "第九章第一节"),
  P("原大钢、大化厂区", "Renewal of the former Dalian Steel and Dalian Chemical plant sites", "第九章第一节", "改造更新原大钢、大化厂区等重点区块"),
  P("围绕石灰石矿规划建设大型文旅商务设施", "Large culture-tourism-business facilities around the limestone quarry", "第九章第一节"),
  P("大连湾临海装备制造业聚集区", "Dalian Bay coastal equipment-manufacturing cluster", "专栏14"),
  P("北站客运枢纽", "Dalian North Station passenger hub", "第十章第一节", "建成北站客运枢纽"),
  P("周水子机场", "Zhoushuizi Airport (safety, efficiency and capacity upgrade)", "第十章第一节", "提高周水子机场安全、效率、容量水平"),
  P("中华路", "Zhonghua Road (city-level commercial centre)", "第三章第二节", "培育金普新区开发区与中华路2个城市级商业中心"),
 ],
 "210212": [
  P("旅顺经济技术开发区", "Lüshun Economic and Technological Development Zone", "专栏14"),
  P("旅顺太阳沟文化产业园区", "Lüshun Taiyanggou cultural industry park", "专栏14"),
  P("健康之芯", "'Health Core' of the life-safety industry", "第三章第三节", "旅顺口区打造成以生物药研发转化、高端食品保健品研发制造、活力康养为核心的“健康之芯”"),
  P("旅顺太阳沟、旅顺港", "Lüshun Taiyanggou and Lüshun Port (heritage protection and reuse)", "第十三章第四节"),
  P("支持旅顺口区创建国家文物保护利用示范区", "Support Lüshunkou in becoming a national cultural-relics protection and use demonstration area", "专栏24"),
  P("旅顺博物馆", "Lüshun Museum (preventive and digital protection of collections)", "专栏24"),
  P("大连近代史体验观光旅游中心", "Dalian modern-history experience and sightseeing centre", "专栏10"),
  P("旅顺500千伏输变电工程", "Lüshun 500 kV transmission and substation project", "专栏18", "旅顺 500 千伏输变电工程"),
  P("辽宁蛇岛老铁山", "Liaoning Snake Island–Laotieshan national nature reserve", "专栏20"),
  P("大学城", "University town (Lüshunkou)", "第十三章第二节", "全面优化高新区、金普新区、旅顺口区、庄河等大学城空间"),
 ],
 "210213": [
  P("经济技术开发区", "Economic and Technological Development Zone", "专栏14"),
  P("保税区", "Free Trade (Bonded) Zone", "专栏14"),
  P("金石滩国家旅游度假区", "Jinshitan national tourist resort", "专栏14"),
  P("大窑湾航运物流集聚区", "Dayaowan shipping and logistics cluster", "第三章第二节"),
  P("大孤山石化集聚区", "Dagushan petrochemical cluster (scale strictly controlled)", "第三章第一节"),
  P("大孤山西港区14#", "Dagushan West port area berth 14#", "专栏17", "大孤山西港区 14#"),
  P("三十里堡水厂", "Sanshilipu water plant", "专栏19"),
  P("登沙河净水厂二期", "Dengshahe water purification plant phase II", "专栏19"),
  P("大连城山头海滨地貌", "Dalian Chengshantou coastal landform national nature reserve", "专栏20"),
 ],
 "210214": [
  P("普兰店经济开发区", "Pulandian Economic Development Zone", "专栏14"),
  P("皮杨中心产业区", "Piyang central industrial area", "专栏14"),
  P("普兰店皮口", "Pikou (Pulandian) — textile and apparel belt along the Pizhuang expressway", "第三章第一节"),
  P("普兰店鑫玉龙国家农村产业融合发展示范园", "Pulandian Xinyulong national rural industry-integration demonstration park", "专栏4"),
  P("普兰店乐甲", "Pulandian Lejia wind/solar project", "专栏18"),
  P("普兰店等热电联产项目", "Pulandian combined heat and power project", "专栏18"),
  P("安波", "Anbo (tourism-type key town)", "专栏16", "谢屯、安波、步云山"),
  P("城子坦", "Chengzitan (tourism-type key town)", "专栏16", "仙人洞、城子坦等旅游型重点镇"),
  P("莲山", "Lianshan (commerce-type key town)", "专栏16", "老虎屯、莲山等商贸型重点镇"),
 ],
 "210224": [
  P("长山群岛海洋生态经济区", "Changshan Islands marine eco-economic zone", "专栏14"),
  P("长山群岛陆岛交通重点项目", "Changshan Islands land–island transport projects", "专栏17"),
  P("建设獐子岛镇、海洋岛镇供水（海水淡化）工程", "Water supply (desalination) for Zhangzidao and Haiyangdao towns", "专栏21"),
  P("长海县绿色基地、生态海岛", "Changhai green base and ecological islands", "第十一章第一节"),
  P("现代海洋牧场建设", "Modern marine ranching (Changhai and Zhuanghe as focus)", "第三章第四节", "加快以长海县、庄河市为重点的现代海洋牧场建设"),
 ],
 "210281": [
  P("瓦房店轴承产业开发区", "Wafangdian bearing industry development zone", "专栏14"),
  P("太平湾合作创新区", "Taipingwan cooperation and innovation zone", "专栏14"),
  P("太平湾港区泊位工程、航道工程", "Taipingwan port area berth and channel works", "专栏17", "完成太平湾港区泊位工程、航道工程建设"),
  P("太平湾疏港铁路", "Taipingwan port railway", "专栏17"),
  P("太平湾经济区等区域供水工程", "Regional water supply for Taipingwan economic zone", "专栏19", "瓦房店、太平湾经济区等区域供水工程"),
  P("长兴岛（西中岛）石化产业基地", "Changxing Island (Xizhong Island) petrochemical base", "第三章第一节"),
  P("长兴岛经济技术开发区", "Changxing Island Economic and Technological Development Zone", "专栏14"),
  P("长兴岛和西中岛港区", "Changxing Island and Xizhong Island port areas", "第五章第一节"),
  P("长兴岛风光互补电氢联产", "Changxing Island wind–solar hybrid power and hydrogen co-production", "专栏18"),
  P("红沿河核电二期工程", "Hongyanhe nuclear power plant phase II", "专栏18"),
  P("红沿河核电站—瓦房店500千伏线路新建工程", "New Hongyanhe NPP–Wafangdian 500 kV line", "专栏18", "红沿河核电站—瓦房店 500 千伏线路新建工程"),
  P("瓦房店500千伏变电站扩建工程", "Wafangdian 500 kV substation extension", "专栏18", "瓦房店 500 千伏变电站扩建工程"),
  P("瓦房店风储站荷一体化", "Wafangdian integrated wind–storage project", "专栏18"),
  P("瓦房店市国家现代农业产业园", "Wafangdian national modern agricultural industrial park", "专栏4"),
  P("复州城、许屯、李官、谢屯", "Fuzhoucheng, Xutun, Liguan, Xietun (tourism-type key towns)", "专栏16"),
  P("老虎屯", "Laohutun (commerce-type key town)", "专栏16"),
  P("得利寺山城", "Delisi mountain fortress (heritage protection)", "专栏24"),
 ],
 "210283": [
  P("北黄海经济开发区", "North Yellow Sea Economic Development Zone", "专栏14"),
  P("力争开工建设庄河核电一期工程", "Start construction of Zhuanghe nuclear power plant phase I", "专栏18"),
  P("庄河抽水蓄能电站", "Zhuanghe pumped-storage power station", "专栏18"),
  P("庄河永记水库二期", "Zhuanghe Yongji reservoir phase II (solar)", "专栏18"),
  P("庄河Ⅱ号海上风电送出工程", "Zhuanghe II offshore wind transmission project", "专栏18"),
  P("庄河千万千瓦级清洁能源基地", "Zhuanghe 10-GW-class clean energy base", "第十章第二节"),
  P("庄河市智慧城市试点", "Zhuanghe smart-city pilot", "第十章第二节"),
  P("庄河港疏港铁路", "Zhuanghe port railway", "专栏17"),
  P("庄河黑岛等天然气储气设施", "Zhuanghe Heidao natural-gas storage", "专栏18", "普湾新区、庄河黑岛等天然气储气设施"),
  P("庄河市农产品、水产品电商服务中心", "Zhuanghe farm- and aquatic-product e-commerce service centre", "专栏8"),
  P("庄河进口木材检疫处理区", "Zhuanghe imported-timber quarantine area (northern China timber base)", "专栏8"),
  P("庄河富谷", "Zhuanghe Fugu national rural industry-integration demonstration park", "专栏4"),
  P("庄河中部供水工程", "Zhuanghe central water-supply project", "专栏19"),
  P("转角楼水库与英那河水库连通连调改扩建工程", "Zhuanjiaolou–Yingnahe reservoir interconnection", "专栏19"),
  P("庄河、鲍马河治理及入海口橡胶坝工程", "Zhuanghe and Baoma rivers: treatment and estuary rubber dams", "专栏21"),
  P("步云山康养文旅", "Buyunshan wellness and culture-tourism project", "专栏15"),
  P("步云山、仙人洞", "Buyunshan, Xianrendong (tourism-type key towns)", "专栏16"),
  P("青堆、黑岛、大郑", "Qingdui, Heidao, Dazheng (industry-type key towns)", "专栏16"),
  P("辽宁仙人洞", "Liaoning Xianrendong national nature reserve", "专栏20"),
  P("英那河湿地", "Yingnahe wetland restoration", "专栏20"),
  P("大学城", "University town (Zhuanghe)", "第十三章第二节", "全面优化高新区、金普新区、旅顺口区、庄河等大学城空间"),
 ],
}
PROJ["gaoxin"] = [
  P("高新技术产业园区", "High-tech Industrial Zone", "专栏14"),
  P("创新之芯", "'Innovation Core' of the life-safety industry", "第三章第三节", "高新区打造成生命科学前沿领域的“创新之芯”"),
  P("七贤岭软件和信息技术服务集聚区", "Qixianling software and IT services cluster", "第三章第二节"),
  P("凌水湾总部经济区", "Lingshuiwan headquarters economy zone", "第三章第二节"),
  P("高新区国家知识产权服务业聚集试验区", "Gaoxin national IP-services cluster pilot zone", "第二章第五节"),
  P("英歌石科学城", "Yinggeshi Science City", "第二章第二节"),
  P("大学城", "University town (Gaoxin)", "第十三章第二节", "全面优化高新区、金普新区、旅顺口区、庄河等大学城空间"),
]
PROJ["jinpu"] = [
  P("智造之芯", "'Smart-manufacturing Core' of the life-safety industry", "第三章第三节", "将金普新区打造成以智能化、高端化生命健康与防疫防护全产业链为核心的“智造之芯”"),
  P("普湾经济区", "Puwan Economic Zone (hydrogen and energy-storage equipment base)", "专栏14；第三章第三节"),
  P("松木岛化工区", "Songmudao chemical zone", "第三章第一节"),
  P("金普新区松木岛", "Songmudao (Jinpu) — textile and apparel belt", "第三章第一节", "普兰店皮口和金普新区松木岛"),
  P("金普新区开发区", "Jinpu New Area development-zone commercial centre", "第三章第二节"),
  P("金普新区复州湾", "Fuzhouwan (Jinpu) wind/solar project", "专栏18"),
  P("金普新区农村饮水并网工程", "Jinpu rural drinking-water grid connection", "专栏19"),
  P("金普新区、西中岛区域危废处置工程", "Jinpu and Xizhong Island hazardous-waste disposal", "专栏21"),
  P("普湾新区", "Puwan New Area natural-gas storage", "专栏18", "普湾新区、庄河黑岛等天然气储气设施"),
  P("大学城", "University town (Jinpu)", "第十三章第二节", "全面优化高新区、金普新区、旅顺口区、庄河等大学城空间"),
] + PROJ["210213"]
PROJ["changxingdao"] = [p for p in PROJ["210281"] if '长兴岛' in p['name_zh']] + [PROJ["jinpu"][7]]

def feat(geom, **props):
    props.setdefault('projects', [])
    return {"type": "Feature", "properties": props, "geometry": rnd(geom)}

def write(name, feats):
    fc = {"type": "FeatureCollection", "features": feats}
    p = ROOT/'geodata/layers'/f'{name}.geojson'
    p.write_text(json.dumps(fc, ensure_ascii=False, separators=(',', ':')), encoding='utf-8')
    print(name, len(feats), p.stat().st_size)

SRC_L = '第九章第一节'
LAYOUT_SENT = '坚持“强湾聚心、廊道生长”空间发展策略，以建设大连湾国际化高端功能集聚区为目标'
FOUR = '“四城”为文化老城、创新新城、枢纽新城、智造新城'
Z13 = {
 '210202': '推动金融、物流、商贸、文旅等服务业集群式发展，大力发展战略性新兴产业，建设中央活力区，打造历史文脉的传承区、城市更新的示范区。',
 '210211': '重点发展高端装备制造、生物医药、商贸物流、文创旅游等产业，打造经济发展和城市全面振兴的重要增长极、发展新动能承载区和大枢纽链接区。',
 'jinpu': '重点发展新一代汽车、高端装备制造、生命安全等产业，打造大连市经济高质量发展新引擎。',
 'gaoxin': '重点发展新一代信息技术等主导产业和培育智能制造、洁净能源、生命安全、新材料和数字文创等新兴产业。',
 'changxingdao': '重点发展绿色石化、船舶和海洋工程、临港装备制造、港口物流等产业，打造世界级石化基地。',
}
Z13_EN = {
 '210202': 'Develop finance, logistics, commerce, culture and tourism services as clusters, vigorously develop strategic emerging industries, build a Central Activity District, and become a place that carries on the historical heritage and a demonstration area for urban renewal.',
 '210211': 'Focus on high-end equipment manufacturing, biomedicine, commerce and logistics, and cultural-creative tourism; become an important growth pole for the economy and the city\'s full revitalisation, a home for new growth drivers, and a link area of the major transport hub.',
 'jinpu': 'Focus on new-generation vehicles, high-end equipment manufacturing and life safety; become a new engine of Dalian\'s high-quality economic development.',
 'gaoxin': 'Focus on new-generation information technology as the leading industry and foster emerging industries: smart manufacturing, clean energy, life safety, new materials and digital creative industries.',
 'changxingdao': 'Focus on green petrochemicals, ships and offshore engineering, port-side equipment manufacturing and port logistics; build a world-class petrochemical base.',
}
for v in Z13.values(): V(v)
EN_LAYOUT = 'Adhere to the spatial strategy of "strengthening the bay and concentrating the core, growing along corridors", aiming to build an internationalised cluster of high-end functions around Dalian Bay'
EN_FOUR = 'The "four cities" are the Cultural Old City, the Innovation New City, the Hub New City and the Smart-manufacturing New City'

def clip(poly, districts=None, tol=0.002):
    base = LAND if districts is None else unary_union([D[a] for a in districts])
    return clean(poly.intersection(base), tol)

# ---------------- 1. core + four cities ----------------
core_ring = Polygon([(121.600,38.925),(121.625,38.940),(121.610,38.962),(121.625,38.985),(121.650,39.005),(121.690,39.020),(121.735,39.012),(121.760,38.995),(121.745,38.960),(121.720,38.925),(121.690,38.910),(121.655,38.905),(121.625,38.910)])
core = clean(core_ring.intersection(LAND.buffer(0.012)), 0.001)  # bay shores + inner water of Dalian Bay
old_city = clean(unary_union([D['210202'], D['210203'], D['210204']]).intersection(box(121.52,38.84,121.70,38.96)), 0.003)
innov = clip(Polygon([(121.40,38.80),(121.56,38.84),(121.565,38.875),(121.545,38.905),(121.50,38.92),(121.44,38.91),(121.40,38.87)]), ['210211','210212'])
hub = clip(Polygon([(121.53,38.945),(121.60,38.948),(121.66,38.965),(121.68,39.03),(121.62,39.06),(121.55,39.05),(121.52,39.00)]), ['210211'])
smart = clip(Polygon([(121.66,39.03),(121.76,39.00),(121.86,38.98),(122.06,39.00),(122.08,39.10),(121.96,39.16),(121.80,39.18),(121.68,39.13)]), ['210213'])
note_core_zh = '示意范围：环大连湾两岸（中山区北部、甘井子区沿湾地带、梭鱼湾—泉水—和尚岛）及湾内水域；规划未划定边界。'
note_core_en = 'Schematic: the shores around Dalian Bay (northern Zhongshan, the Ganjingzi bay front, Suoyuwan–Quanshui–Heshangdao) and the inner bay; the plan draws no boundary.'
core_feats = [
 feat(core, id='yihe-core', name_zh='城市核心区', name_en='Urban core (Dalian Bay)', kind='core',
      function_zh=V(LAYOUT_SENT, '实现城市核心功能从大连湾向外拓展', '“一核”为城市核心区'),
      function_en=EN_LAYOUT + ' …… extend the city\'s core functions outward from Dalian Bay …… The "one core" is the urban core area.',
      source=SRC_L, geometry_basis='schematic', geometry_note_zh=note_core_zh, geometry_note_en=note_core_en,
      projects=[p for p in PROJ['210211'] if p['source']=='第九章第一节']),
 feat(old_city, id='wenhua-laocheng', name_zh='文化老城', name_en='Cultural Old City', kind='city',
      function_zh=V(FOUR, Z13['210202']),
      function_en=EN_FOUR + ' …… [专栏13, Zhongshan, Xigang and Shahekou districts — the districts this schematic shape covers:] ' + Z13_EN['210202'],
      source=SRC_L+'；专栏13', geometry_basis='schematic',
      geometry_note_zh='示意范围：取中山区、西岗区、沙河口区建成区（老城区）轮廓；规划只列名称，未划定边界，对应关系为本项目判断。',
      geometry_note_en='Schematic: the built-up old city of Zhongshan, Xigang and Shahekou districts; the plan only names the city, the match is our reading.',
      projects=PROJ['210202']),
 feat(innov, id='chuangxin-xincheng', name_zh='创新新城', name_en='Innovation New City', kind='city',
      function_zh=V(FOUR, Z13['gaoxin']),
      function_en=EN_FOUR + ' …… [专栏13, Gaoxin (high-tech) zone — which this schematic shape covers:] ' + Z13_EN['gaoxin'],
      source=SRC_L+'；专栏13', geometry_basis='schematic',
      geometry_note_zh='示意范围：高新区一带（星海湾以西、凌水、七贤岭、软件园、黄泥川至旅顺南路方向）；规划未划定边界，对应关系为本项目判断。',
      geometry_note_en='Schematic: the Gaoxin zone west of Xinghai Bay (Lingshui, Qixianling, software park, Huangnichuan, towards Lüshun South Road); no boundary in the plan, the match is our reading.',
      projects=PROJ['gaoxin']),
 feat(hub, id='shuniu-xincheng', name_zh='枢纽新城', name_en='Hub New City', kind='city',
      function_zh=V(FOUR, Z13['210211']),
      function_en=EN_FOUR + ' …… [专栏13, Ganjingzi District — host of this area:] ' + Z13_EN['210211'],
      source=SRC_L+'；专栏13', geometry_basis='schematic',
      geometry_note_zh='示意范围：甘井子区北部枢纽地区（大连北站、周水子机场、南关岭、泉水一带）；规划未划定边界，对应关系为本项目判断。',
      geometry_note_en='Schematic: the northern Ganjingzi hub area (Dalian North Station, Zhoushuizi Airport, Nanguanling, Quanshui); no boundary in the plan, the match is our reading.',
      projects=[p for p in PROJ['210211'] if p['name_zh'] in ('北站客运枢纽','周水子机场','中华路')]),
 feat(smart, id='zhizao-xincheng', name_zh='智造新城', name_en='Smart-manufacturing New City', kind='city',
      function_zh=V(FOUR, Z13['jinpu']),
      function_en=EN_FOUR + ' …… [专栏13, Jinpu New Area — host of this area:] ' + Z13_EN['jinpu'],
      source=SRC_L+'；专栏13', geometry_basis='schematic',
      geometry_note_zh='示意范围：金州城区与金州开发区（经济技术开发区、大孤山、小窑湾一带）；规划未划定边界，对应关系为本项目判断。',
      geometry_note_en='Schematic: Jinzhou town and the Jinzhou development zone (ETDZ, Dagushan, Xiaoyaowan); no boundary in the plan, the match is our reading.',
      projects=[p for p in PROJ['jinpu'] if p['name_zh'] in ('智造之芯','经济技术开发区','保税区','金普新区开发区','大孤山石化集聚区','大窑湾航运物流集聚区')]),
]
write('layout_core_cities', core_feats)

# ---------------- 2. four areas ----------------
AREAS = '“四片”即旅顺历史文化片区、普湾战略发展片区、西部产业协同片区、东部休闲旅游片区'
EN_AREAS = 'The "four areas" are the Lüshun historical-cultural area, the Puwan strategic development area, the western industrial-coordination area and the eastern leisure-tourism area'
puwan_area = clean(unary_union([D['210213'].intersection(box(121.4,39.19,122.4,39.6)), D['210214']]), 0.003)
area_feats = [
 feat(clean(D['210212'], 0.002), id='lvshun-area', name_zh='旅顺历史文化片区', name_en='Lüshun historical-cultural area', kind='area',
      function_zh=V(AREAS), function_en=EN_AREAS + '.', source=SRC_L, geometry_basis='boundary', district='210212',
      geometry_note_zh='取旅顺口区行政界线（简化）；片区与旅顺口区同名对应。', geometry_note_en='Lüshunkou District boundary (simplified); the area is named after the district.',
      projects=PROJ['210212']),
 feat(puwan_area, id='puwan-area', name_zh='普湾战略发展片区', name_en='Puwan strategic development area', kind='area',
      function_zh=V(AREAS), function_en=EN_AREAS + '.', source=SRC_L, geometry_basis='schematic',
      geometry_note_zh='示意范围：金州区北部（北纬39.19°以北，普兰店湾南岸三十里堡、石河、炮台、复州湾一带）与普兰店区；规划未划定边界。',
      geometry_note_en='Schematic: northern Jinzhou (north of 39.19°N: Sanshilipu, Shihe, Paotai, Fuzhouwan around Pulandian Bay) plus Pulandian District; the plan draws no boundary.',
      projects=PROJ['210214'] + [p for p in PROJ['jinpu'] if p['name_zh'] in ('普湾经济区','松木岛化工区','金普新区复州湾','普湾新区')]),
 feat(clean(D['210281'], 0.003), id='xibu-area', name_zh='西部产业协同片区', name_en='Western industrial-coordination area', kind='area',
      function_zh=V(AREAS), function_en=EN_AREAS + '.', source=SRC_L, geometry_basis='schematic',
      geometry_note_zh='示意范围：以瓦房店市界（含长兴岛、太平湾）近似；规划未说明片区所含区市县。',
      geometry_note_en='Schematic: approximated by Wafangdian City (incl. Changxing Island and Taipingwan); the plan does not say which divisions the area contains.',
      projects=PROJ['210281']),
 feat(clean(unary_union([D['210283'], D['210224']]), 0.003), id='dongbu-area', name_zh='东部休闲旅游片区', name_en='Eastern leisure-tourism area', kind='area',
      function_zh=V(AREAS), function_en=EN_AREAS + '.', source=SRC_L, geometry_basis='schematic',
      geometry_note_zh='示意范围：以庄河市与长海县界近似（庄河、长海两组团）；规划未说明片区所含区市县。',
      geometry_note_en='Schematic: approximated by Zhuanghe City and Changhai County (the Zhuanghe and Changhai clusters); the plan does not say which divisions the area contains.',
      projects=PROJ['210283'] + PROJ['210224']),
]
write('layout_areas', area_feats)

# ---------------- 3. seven clusters ----------------
CL = '“七组团”包括旅顺组团、普湾组团、瓦房店组团、长兴岛组团、皮杨组团、庄河组团、长海组团'
EN_CL = 'The "seven clusters" are Lüshun, Puwan, Wafangdian, Changxingdao, Piyang, Zhuanghe and Changhai'
def cl(id_, zh, en, geom, adc, nzh, nen, projects, basis='located'):
    return feat(geom, id=id_, name_zh=zh, name_en=en, kind='cluster', function_zh=V(CL), function_en=EN_CL + '.',
                source=SRC_L, geometry_basis=basis, district=adc, geometry_note_zh=nzh, geometry_note_en=nen, projects=projects)
cl_feats = [
 cl('lvshun-cluster','旅顺组团','Lüshun cluster',Point(121.262,38.813),'210212','位置取旅顺口区老城区（旅顺港一带）中心，坐标为近似值。','Placed at the centre of Lüshun old town (Lüshun Port); approximate.',PROJ['210212'][:5]),
 cl('puwan-cluster','普湾组团','Puwan cluster',Point(121.80,39.245),'210213','位置取三十里堡街道（普湾经济区）一带，坐标为近似值；规划未给出组团中心。','Placed at Sanshilipu subdistrict (Puwan Economic Zone), approximate; the plan gives no cluster centre.',[p for p in PROJ['jinpu'] if p['name_zh'] in ('普湾经济区','松木岛化工区','普湾新区')]+[PROJ['210213'][6]]),
 cl('wafangdian-cluster','瓦房店组团','Wafangdian cluster',Point(122.008,39.627),'210281','位置取瓦房店市城区中心，坐标为近似值。','Placed at the centre of Wafangdian city proper; approximate.',[p for p in PROJ['210281'] if '长兴岛' not in p['name_zh'] and '太平湾' not in p['name_zh']][:3]),
 cl('changxingdao-cluster','长兴岛组团','Changxingdao cluster',Point(121.45,39.58),'210281','位置取长兴岛中部，坐标为近似值。','Placed in the middle of Changxing Island; approximate.',PROJ['changxingdao']),
 cl('piyang-cluster','皮杨组团','Piyang cluster',MultiPoint([(122.36,39.42),(122.27,39.47)]),'210214','两点分别取皮口街道与杨树房街道驻地，坐标为近似值。','Two points: the seats of Pikou and Yangshufang subdistricts; approximate.',[PROJ['210214'][1],PROJ['210214'][2]]),
 cl('zhuanghe-cluster','庄河组团','Zhuanghe cluster',Point(122.965,39.68),'210283','位置取庄河市城区中心，坐标为近似值。','Placed at the centre of Zhuanghe city proper; approximate.',PROJ['210283'][:6]),
 cl('changhai-cluster','长海组团','Changhai cluster',Point(122.588,39.276),'210224','位置取长海县城大长山岛镇，坐标为近似值。','Placed at Dachangshandao town, the county seat of Changhai; approximate.',PROJ['210224']),
]
write('layout_clusters', cl_feats)

# ---------------- 4. corridors ----------------
COR = '以哈大、高新—旅顺南路、甘井子—旅顺北路、开发区—庄河四条主廊道为骨架，以快速交通串联城市四大板块'
EN_COR = 'Taking the four main corridors — Harbin–Dalian, Gaoxin–Lüshun South Road, Ganjingzi–Lüshun North Road and Development Zone–Zhuanghe — as the skeleton, linking the city\'s four major sectors with rapid transport'
cor_note_zh = '示意走向：按途经城镇（坐标为近似值）连线绘制，大致沿{}，并非实测道路线位。'
cor_note_en = 'Schematic alignment through the towns it passes (approximate coordinates), roughly following {}; not a surveyed road alignment.'
CORS = [
 ('hada-corridor','哈大','Harbin–Dalian corridor',[(121.64,38.92),(121.605,38.935),(121.595,38.962),(121.62,39.00),(121.66,39.04),(121.71,39.09),(121.76,39.17),(121.80,39.245),(121.86,39.32),(121.96,39.395),(121.99,39.50),(122.005,39.62),(122.05,39.75),(122.10,39.87),(122.14,39.99)],
  '哈大铁路／沈大高速（大连—金州—普兰店—瓦房店）','the Harbin–Dalian railway / Shenyang–Dalian expressway (Dalian–Jinzhou–Pulandian–Wafangdian)'),
 ('gaoxin-lvshun-south-corridor','高新—旅顺南路','Gaoxin–Lüshun South Road corridor',[(121.585,38.875),(121.555,38.875),(121.53,38.87),(121.51,38.865),(121.48,38.855),(121.45,38.845),(121.42,38.835),(121.39,38.83),(121.36,38.825),(121.33,38.82),(121.30,38.815),(121.27,38.815)],
  '旅顺南路（星海湾—凌水—黄泥川—龙王塘—旅顺）','Lüshun South Road (Xinghai Bay–Lingshui–Huangnichuan–Longwangtang–Lüshun)'),
 ('ganjingzi-lvshun-north-corridor','甘井子—旅顺北路','Ganjingzi–Lüshun North Road corridor',[(121.59,38.965),(121.56,38.955),(121.52,38.945),(121.48,38.95),(121.44,38.955),(121.40,38.96),(121.36,38.955),(121.33,38.94),(121.30,38.92),(121.28,38.895),(121.265,38.865),(121.255,38.84),(121.255,38.82)],
  '旅顺北路（甘井子—革镇堡—营城子—三涧堡—水师营—旅顺）','Lüshun North Road (Ganjingzi–Gezhenpu–Yingchengzi–Sanjianpu–Shuishiying–Lüshun)'),
 ('kaifaqu-zhuanghe-corridor','开发区—庄河','Development Zone–Zhuanghe corridor',[(121.80,39.05),(121.87,39.09),(121.94,39.13),(122.02,39.18),(122.10,39.24),(122.18,39.31),(122.26,39.37),(122.36,39.42),(122.45,39.47),(122.53,39.51),(122.62,39.55),(122.72,39.59),(122.82,39.63),(122.90,39.66),(122.965,39.68)],
  '黄海沿岸丹大高速走廊（开发区—登沙河—杏树屯—皮口—城子坦—花园口—庄河）','the Yellow Sea coast Dandong–Dalian expressway corridor (Development Zone–Dengshahe–Xingshutun–Pikou–Chengzitan–Huayuankou–Zhuanghe)'),
]
cor_feats = [feat(LineString(c), id=i, name_zh=zh, name_en=en, kind='main-corridor', function_zh=V(COR), function_en=EN_COR + '.',
                  source=SRC_L, geometry_basis='schematic', geometry_note_zh=cor_note_zh.format(rz), geometry_note_en=cor_note_en.format(re_))
             for i, zh, en, c, rz, re_ in CORS]
write('layout_corridors', cor_feats)

# ---------------- 5. zoning ----------------
seats = [(121.64,38.92,0.10),(121.71,39.08,0.08),(121.26,38.82,0.04),(121.97,39.40,0.04),(122.008,39.627,0.045),(122.965,39.68,0.05),(121.80,39.245,0.04),(121.45,39.58,0.05),(122.588,39.276,0.02)]
urban = clean(unary_union([Point(x,y).buffer(r) for x,y,r in seats]).intersection(LAND), 0.004)
north = clean(LAND.intersection(box(121.0,39.80,123.6,40.3)), 0.005)
agri = clean(LAND.intersection(box(121.0,39.05,123.6,39.80)).difference(urban), 0.005)
ZU = '支持主城区、新市区、县城等城市化发展区高效集聚人口和经济，成为高质量发展的主要动力源'
ZA = '支持市域中部地区、沿海低地、农业商品基地等农产品主产区增强农业生产能力，建设农产品加工、生态产业和县域特色经济示范区'
ZE = '支持北部水源生态屏障区、沿海自然岸线保护区、重要生态廊道等生态功能区保障生态安全，维护生态系统服务功能，提高生态产品供给能力'
ZO = '逐步形成城镇化发展区、农产品主产区、重点生态功能区'
zn_note = '示意：{}；规划未给出主体功能区图，仅示意大致方位。'
zn_note_en = 'Schematic: {}; the plan gives no zoning map, this only shows the general location.'
zone_feats = [
 feat(urban, id='urbanisation-zone', name_zh='城镇化发展区', name_en='Urbanisation development zone', kind='urban',
      function_zh=V(ZO, ZU), function_en='Gradually form urbanisation development zones, main agricultural production zones and key ecological function zones …… support the main urban area, new urban districts, county towns and other urbanisation zones in efficiently concentrating population and economic activity, becoming the main source of momentum for high-quality development.',
      source=SRC_L, geometry_basis='schematic', geometry_note_zh=zn_note.format('以主城区、金州、旅顺及各区市县城区为圆心的缓冲区'), geometry_note_en=zn_note_en.format('buffers around the main city, Jinzhou, Lüshun and the county-level towns')),
 feat(agri, id='agricultural-zone', name_zh='农产品主产区', name_en='Main agricultural production zone', kind='agriculture',
      function_zh=V(ZA), function_en='Support the central part of the city region, coastal lowlands, commodity-farming bases and other main agricultural production zones in strengthening farm output, building demonstration zones for agro-processing, eco-industries and county-level specialty economies.',
      source=SRC_L, geometry_basis='schematic', geometry_note_zh=zn_note.format('市域中部（约北纬39.05°—39.80°）除城镇化缓冲区外的陆域'), geometry_note_en=zn_note_en.format('land in the middle of the city region (about 39.05°–39.80°N) outside the urban buffers')),
 feat(north, id='northern-water-barrier', name_zh='北部水源生态屏障区', name_en='Northern water-source ecological barrier zone', kind='ecology',
      function_zh=V(ZE), function_en='Support the northern water-source ecological barrier zone, the coastal natural-shoreline protection zone, important ecological corridors and other ecological function zones in safeguarding ecological security, maintaining ecosystem services and increasing the supply of ecological products.',
      source=SRC_L, geometry_basis='schematic', geometry_note_zh=zn_note.format('市域北部山区（约北纬39.80°以北）'), geometry_note_en=zn_note_en.format('the northern hills of the city region (north of about 39.80°N)')),
]
write('layout_zoning', zone_feats)

# ---------------- 6. bay ----------------
BAY1 = '打造梭鱼湾市级中心与泉水湾、和尚岛两个区级中心'
BAY_EN1 = 'Build the Suoyuwan city-level centre and the two district-level centres of Quanshuiwan and Heshangdao'
def bp(id_, zh, en, kind, x, y, fz, fe, nzh, nen, projects=(), src=SRC_L):
    return feat(Point(x,y), id=id_, name_zh=zh, name_en=en, kind=kind, function_zh=V(*fz), function_en=fe, source=src,
                geometry_basis='located', district='210211', geometry_note_zh=nzh, geometry_note_en=nen, projects=list(projects))
pj = {p['name_zh']: p for p in PROJ['210211']}
bay_feats = [
 bp('suoyuwan-centre','梭鱼湾市级中心','Suoyuwan city-level centre','city-centre',121.622,38.952,[BAY1,'高水平规划建设梭鱼湾商务区、凌水湾总部经济区、金州湾临空经济区等总部经济区'],
    BAY_EN1 + ' …… plan and build, to a high standard, headquarters-economy zones such as the Suoyuwan business district, the Lingshuiwan HQ zone and the Jinzhouwan airport-economy zone.',
    '位置取梭鱼湾西岸（甘井子区，梭鱼湾足球场以西），坐标为近似值。','Placed on the west shore of Suoyuwan (Ganjingzi, west of the Suoyuwan stadium); approximate.',
    [pj['梭鱼湾商务区'], pj['梭鱼湾专业足球场']], SRC_L+'；第三章第二节'),
 bp('quanshuiwan-centre','泉水湾区级中心','Quanshuiwan district-level centre','district-centre',121.640,38.988,[BAY1],BAY_EN1+'.',
    '位置取大连湾西北岸泉水一带，坐标为近似值（误差约1—2公里）。','Placed at Quanshui on the north-west shore of Dalian Bay; approximate (±1–2 km).'),
 bp('heshangdao-centre','和尚岛区级中心','Heshangdao district-level centre','district-centre',121.664,39.008,[BAY1],BAY_EN1+'.',
    '位置取大连湾北岸和尚岛一带，坐标为近似值（误差约1—2公里）。','Placed at Heshangdao on the north shore of Dalian Bay; approximate (±1–2 km).'),
 bp('suoyuwan-park','梭鱼湾公园','Suoyuwan Park (city-level high-quality park)','park',121.612,38.951,['重点打造梭鱼湾、龙头山、东山三大市级高品质公园，形成碧海青山、开放共享的湾区风景体系'],
    'Focus on building three city-level high-quality parks — Suoyuwan, Longtoushan and Dongshan — forming an open, shared bay landscape of blue sea and green hills.',
    '位置取梭鱼湾公园（甘井子区、西岗区、沙河口区交界处），坐标为近似值。','Placed at Suoyuwan Park, where Ganjingzi, Xigang and Shahekou meet; approximate.'),
 bp('former-dagang','原大钢厂区','Former Dalian Steel plant site','renewal',121.628,38.958,['加快环湾地区城市更新，推动石化、造船等企业搬迁，改造更新原大钢、大化厂区等重点区块，加强工业遗产保护与利用，使昔日重工湾区成为精致的城市魅力湾区'],
    'Speed up urban renewal around the bay, relocate petrochemical, shipbuilding and other firms, redevelop key blocks such as the former Dalian Steel and Dalian Chemical plant sites, protect and reuse industrial heritage, and turn the former heavy-industry bay into a refined, attractive urban bay.',
    '位置为梭鱼湾北侧旧钢厂区一带的近似位置（误差约1—2公里），规划未给出地块范围。','Approximate position of the old steelworks north of Suoyuwan (±1–2 km); the plan gives no site boundary.'),
 bp('former-dahua','原大化厂区','Former Dalian Chemical plant site','renewal',121.645,38.972,['加快环湾地区城市更新，推动石化、造船等企业搬迁，改造更新原大钢、大化厂区等重点区块，加强工业遗产保护与利用，使昔日重工湾区成为精致的城市魅力湾区'],
    'Speed up urban renewal around the bay, relocate petrochemical, shipbuilding and other firms, redevelop key blocks such as the former Dalian Steel and Dalian Chemical plant sites, protect and reuse industrial heritage, and turn the former heavy-industry bay into a refined, attractive urban bay.',
    '位置为大连湾西岸旧大化厂区一带的近似位置（误差约1—2公里），规划未给出地块范围。','Approximate position of the old Dalian Chemical works on the west shore of Dalian Bay (±1–2 km); the plan gives no site boundary.'),
 bp('limestone-quarry','石灰石矿','Limestone quarry (culture, tourism and business facilities)','renewal',121.585,38.975,['挖掘独具地方特色的坑体、山体等景观风貌，围绕石灰石矿规划建设大型文旅商务设施'],
    'Make use of distinctive local landscapes such as pits and hills, and plan large culture, tourism and business facilities around the limestone quarry.',
    '位置取甘井子石灰石矿采坑一带，坐标为近似值（误差约1—2公里）。','Placed at the Ganjingzi limestone quarry pit; approximate (±1–2 km).'),
]
write('layout_bay', bay_feats)
BAYA = '对标国际一流湾区，高起点做好大连湾湾区规划，打造支撑建设世界海湾名城的标志性湾区。重点发展总部经济、现代金融、科技服务、滨海旅游、娱乐体验、文化创意等多元业态'
bay_area = [feat(clean(core_ring, 0.001), id='dalianwan-bay-area', name_zh='国际性活力湾区', name_en='International vibrant bay area (Dalian Bay)', kind='bay-area',
     function_zh=V('着力推进国际性活力湾区建设', BAYA), function_en='Push forward the international vibrant bay area …… benchmark against world-class bay areas, plan the Dalian Bay area from a high starting point and build a landmark bay supporting a world-famous bay city; focus on headquarters economy, modern finance, technology services, coastal tourism, entertainment and cultural creativity.',
     source=SRC_L, geometry_basis='schematic', geometry_note_zh='示意范围：大连湾内湾水域及两岸；规划未划定边界。', geometry_note_en='Schematic: the inner waters of Dalian Bay and its shores; the plan draws no boundary.',
     projects=[p for p in PROJ['210211'] if p['source'] in ('第九章第一节',)] + [pj['梭鱼湾商务区']])]
write('layout_bay_area', bay_area)

# ---------------- 7. functional areas ----------------
gx = clip(Polygon([(121.42,38.81),(121.565,38.845),(121.57,38.875),(121.55,38.90),(121.50,38.905),(121.45,38.895),(121.41,38.86)]), ['210211','210212'])
cxd = clip(Polygon([(121.22,39.53),(121.25,39.585),(121.31,39.605),(121.40,39.615),(121.445,39.625),(121.50,39.60),(121.515,39.56),(121.49,39.50),(121.42,39.465),(121.33,39.40),(121.27,39.37),(121.23,39.40),(121.23,39.47)]), ['210281'])
fa_feats = [
 feat(clean(D['210213'], 0.003), id='jinpu-new-area', name_zh='金普新区', name_en='Jinpu New Area', kind='functional-area',
      function_zh=V(Z13['jinpu']), function_en=Z13_EN['jinpu'], source='专栏13', geometry_basis='boundary', district='210213',
      geometry_note_zh='取金州区行政界线（简化）；该数据中金州区已含北部炮台、复州湾等原普湾新区地域。金普新区官方范围另含普兰店区部分地区，未能逐一划出。',
      geometry_note_en='Jinzhou District boundary (simplified), which in this data already includes the former Puwan areas in the north (Paotai, Fuzhouwan); parts of Pulandian that officially belong to Jinpu are not drawn.',
      projects=PROJ['jinpu']),
 feat(gx, id='gaoxin-zone', name_zh='高新区', name_en='Dalian High-tech Zone (Gaoxin)', kind='functional-area',
      function_zh=V(Z13['gaoxin']), function_en=Z13_EN['gaoxin'], source='专栏13', geometry_basis='schematic',
      geometry_note_zh='示意范围：星海湾以西的凌水、七贤岭、软件园、黄泥川至龙王塘一带；高新区无独立行政界线，主要位于甘井子区。',
      geometry_note_en='Schematic: Lingshui, Qixianling, the software park and Huangnichuan to Longwangtang west of Xinghai Bay; the zone has no administrative boundary of its own and lies mostly in Ganjingzi.',
      projects=PROJ['gaoxin']),
 feat(cxd, id='changxingdao-zone', name_zh='长兴岛经济区', name_en='Changxing Island Economic Zone', kind='functional-area',
      function_zh=V(Z13['changxingdao']), function_en=Z13_EN['changxingdao'], source='专栏13', geometry_basis='schematic', district='210281',
      geometry_note_zh='示意范围：长兴岛及西中岛（瓦房店市西部海岛），按岛屿大致轮廓与瓦房店市陆域相交绘制。',
      geometry_note_en='Schematic: Changxing and Xizhong islands (western Wafangdian), a rough island outline intersected with the Wafangdian land polygon.',
      projects=PROJ['changxingdao']),
]
write('layout_functional_areas', fa_feats)

OUT_DIR.mkdir(parents=True, exist_ok=True)
(OUT_DIR / 'layout_district_projects.json').write_text(json.dumps(PROJ, ensure_ascii=False, indent=1), encoding='utf-8')
print({k: len(v) for k, v in PROJ.items()})
