"""Build the ecology layers eco_{rivers,spine,corridors,sea,protected}.geojson of the Dalian 14th
Five-Year Plan map (the reservoirs layer is built by build/ecology_reservoirs.py).

Sources:
  * words: plan/dalian_14th_five_year_plan.txt (第十一章第一节, 专栏19-21) -- every function_zh / project
    name is checked to be verbatim in the plan (whitespace ignored; see build/ecology_common.py);
  * geometry: hand-placed coordinates and schematic lines/areas from general geographic knowledge,
    WGS-84 (EPSG:4326), plus geometry derived from geodata/layers/districts.geojson (build/boundaries.py):
    the Biliu River follows the Pulandian/Zhuanghe boundary, sea areas have the land removed.

Writes:  geodata/layers/eco_{rivers,spine,corridors,sea,protected}.geojson

Run (from the repo root):  python build/ecology_layers.py
"""
from ecology_common import *
from shapely.geometry import LineString, Polygon, MultiPolygon, box
from shapely.ops import nearest_points, linemerge
S1 = '第十一章第一节'
def feat(geom, **p):
    return {'type': 'Feature', 'properties': p, 'geometry': mapping(geom)}
def chaikin(coords, n=1):
    for _ in range(n):
        out = [coords[0]]
        for (x0, y0), (x1, y1) in zip(coords, coords[1:]):
            out += [(0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1), (0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1)]
        out.append(coords[-1])
        coords = out
    return coords
def to_coast(coords):
    """append the nearest point of the land boundary to the last given vertex"""
    last = Point(coords[-1])
    q = nearest_points(LAND.boundary, last)[0]
    return coords + [(q.x, q.y)]

# ---------------- rivers ----------------
LUSHUI = '“六水汇海”即庄河、碧流河、英那河、大沙河、登沙河、复州河六条入海河流'
LUSHUI_EN = '"Six rivers flowing into the sea" means the six rivers that enter the sea: the Zhuang, Biliu, Yingna, Dasha, Dengsha and Fuzhou rivers'
# Biliu: shared Pulandian/Zhuanghe boundary (follows the river below the reservoir), north -> south to the coast
pz = DIST['210214'].buffer(0.0005).intersection(DIST['210283'].boundary)
pz = linemerge(pz) if pz.geom_type == 'MultiLineString' else pz
pz = max(getattr(pz, 'geoms', [pz]), key=lambda g: g.length)
bl = list(pz.coords)
if bl[0][1] < bl[-1][1]:
    bl = bl[::-1]
bl = list(LineString(bl).simplify(0.0025).coords)
rivers = {
 'zhuanghe': ('庄河', 'Zhuang River', [(122.86, 40.06), (122.88, 39.98), (122.90, 39.92), (122.91, 39.86), (122.93, 39.80), (122.95, 39.75), (122.96, 39.71), (122.965, 39.68), (122.972, 39.645)],
     'schematic', '示意走向：自庄河市北部山区向南经庄河城区入黄海；河口取庄河城区以南海岸，中上游走向为示意。',
     'Schematic course: from the hills of northern Zhuanghe south through Zhuanghe city to the Yellow Sea; the mouth is on the coast south of the city, the upper and middle course is illustrative.',
     '开展庄河、鲍马河治理及入海口橡胶坝工程等工程建设。', 'Carry out projects such as the regulation of the Zhuang and Baoma rivers and rubber dams at their estuaries.', '专栏21'),
 'biliuhe': ('碧流河', 'Biliu River', bl[:-1], 'located',
     '沿普兰店区与庄河市的行政界线绘制（该界线沿碧流河干流，经碧流河水库至城子坦附近入黄海）；仅画大连市境内河段，界线经简化。',
     'Drawn along the Pulandian–Zhuanghe administrative boundary, which follows the Biliu River main stem through the Biliuhe Reservoir to the Yellow Sea near Chengzitan; only the reach inside Dalian, boundary simplified.',
     None, None, None),
 'yingnahe': ('英那河', 'Yingna River', [(123.05, 40.10), (123.04, 40.04), (123.02, 39.98), (123.01, 39.93), (123.00, 39.895), (123.02, 39.85), (123.04, 39.80), (123.05, 39.75), (123.06, 39.71), (123.07, 39.68)],
     'schematic', '示意走向：自庄河市北部（步云山一带）向南经英那河水库、于庄河城区以东入黄海；走向为示意。',
     'Schematic course: from northern Zhuanghe (around Buyun Mountain) south through the Yingnahe Reservoir to the Yellow Sea east of Zhuanghe city; illustrative.',
     None, None, None),
 'dashahe': ('大沙河', 'Dasha River', [(122.30, 39.80), (122.25, 39.74), (122.19, 39.67), (122.12, 39.60), (122.06, 39.53), (122.01, 39.46), (121.97, 39.41), (121.90, 39.39), (121.82, 39.37), (121.75, 39.36)],
     'schematic', '示意走向：自普兰店区北部山区向西南经普兰店城区一带注入普兰店湾（渤海）；普兰店湾内湾在行政区划面中计入陆域，故线段延伸至区划面海岸；入海位置存疑。',
     'Schematic course: from the hills of northern Pulandian south-west past Pulandian town into Pulandian Bay (Bohai); the inner bay is inside the administrative polygons, so the line runs on to their coastline; the mouth is uncertain.',
     '推进登沙河、大沙河、复州河等河流治理工程。', 'Advance river regulation projects on the Dengsha, Dasha, Fuzhou and other rivers.', '专栏19'),
 'dengshahe': ('登沙河', 'Dengsha River', [(121.82, 39.27), (121.86, 39.25), (121.90, 39.24), (121.95, 39.22), (122.00, 39.21), (122.05, 39.20), (122.09, 39.19)],
     'schematic', '示意走向：金州区（金普新区）东部，自西部山地向东于登沙河街道附近入黄海；走向为示意。',
     'Schematic course: eastern Jinzhou (Jinpu New Area), from the western hills east to the Yellow Sea near Dengshahe; illustrative.',
     '推进登沙河、大沙河、复州河等河流治理工程。', 'Advance river regulation projects on the Dengsha, Dasha, Fuzhou and other rivers.', '专栏19'),
 'fuzhouhe': ('复州河', 'Fuzhou River', [(122.17, 39.86), (122.12, 39.82), (122.06, 39.79), (121.99, 39.76), (121.92, 39.75), (121.85, 39.74), (121.78, 39.73), (121.71, 39.72), (121.64, 39.71), (121.57, 39.705)],
     'schematic', '示意走向：自瓦房店市东北部向西南经复州城一带注入复州湾（渤海）；走向为示意。',
     'Schematic course: from north-eastern Wafangdian south-west past Fuzhoucheng into Fuzhou Bay (Bohai); illustrative.',
     '推进登沙河、大沙河、复州河等河流治理工程。', 'Advance river regulation projects on the Dengsha, Dasha, Fuzhou and other rivers.', '专栏19'),
}
RIV = []
for rid, (zh, en, coords, basis, nzh, nen, pzh, pen, psrc) in rivers.items():
    c = to_coast(list(coords) if basis == 'located' else chaikin(list(coords)))
    projects = [{'name_zh': pzh, 'name_en': pen, 'source': psrc}] if pzh else []
    src = S1 + ('；' + psrc if psrc else '')
    RIV.append(feat(LineString(c), id=f'river-{rid}', name_zh=zh, name_en=en, kind='river', function_zh=LUSHUI,
                    function_en=LUSHUI_EN, projects=projects, source=src, geometry_basis=basis,
                    geometry_note_zh=nzh, geometry_note_en=nen))
write('eco_rivers', RIV)
print({f['properties']['id']: len(f['geometry']['coordinates']) for f in RIV})
RIVER_LINES = {f['properties']['id']: shape(f['geometry']) for f in RIV}

# ---------------- spine ----------------
spine = LineString([(122.38, 39.93), (122.31, 39.84), (122.22, 39.72), (122.10, 39.58), (122.00, 39.45), (121.90, 39.30),
                    (121.80, 39.15), (121.70, 39.03), (121.58, 38.97), (121.45, 38.92), (121.32, 38.85), (121.22, 38.78), (121.13, 38.74)])
assert LAND.contains(spine), 'spine off land'
write('eco_spine', [feat(spine, id='eco-spine', name_zh='生态控制中脊', name_en='Central ecological control ridge (spine)', kind='spine',
      function_zh='构建“一脊多廊、六水汇海”的陆域生态网络格局，“一脊”即贯穿南北的生态控制中脊',
      function_en='Build a land ecological network of "one spine, many corridors, six rivers flowing into the sea"; the "one spine" is the ecological control ridge running north–south',
      projects=[], source=S1, geometry_basis='schematic',
      geometry_note_zh='示意线：沿辽东半岛中部丘陵（千山山脉余脉）自瓦房店、普兰店、庄河交界一带向西南经金州大黑山一带至旅顺老铁山；未按实际山脊线绘制。',
      geometry_note_en='Schematic line along the central hills of the Liaodong Peninsula (the tail of the Qianshan range), from the Wafangdian–Pulandian–Zhuanghe border area south-west past Dahei Mountain (Jinzhou) to Laotie Mountain (Lüshun); not traced along real ridge lines.')])

# ---------------- corridors ----------------
DUOLANG = '“多廊”即以河流生态廊道和道路生态廊道组成的廊道网络'
DUOLANG_EN = '"Many corridors" means a corridor network made up of river ecological corridors and road ecological corridors'
from shapely.geometry import MultiLineString
river_ml = MultiLineString([list(g.coords) for g in RIVER_LINES.values()])
road_ml = MultiLineString([
    [(121.61, 38.93), (121.58, 39.00), (121.66, 39.06), (121.74, 39.10), (121.85, 39.25), (121.97, 39.42), (122.02, 39.62), (122.10, 39.85), (122.16, 40.01)],
    [(121.80, 39.08), (122.05, 39.28), (122.35, 39.45), (122.60, 39.57), (122.97, 39.70), (123.30, 39.80), (123.48, 39.82)],
    [(121.61, 38.93), (121.45, 38.88), (121.25, 38.81)],
])
assert LAND.buffer(0.003).contains(road_ml), 'road corridor off land'
write('eco_corridors', [
    feat(river_ml, id='corridor-river', name_zh='河流生态廊道', name_en='River ecological corridors', kind='river_corridor',
         function_zh=DUOLANG, function_en=DUOLANG_EN, projects=[], source=S1, geometry_basis='schematic',
         geometry_note_zh='示意：以“六水汇海”六条入海河流的走向表示河流生态廊道；规划未列出廊道名单。',
         geometry_note_en='Schematic: the river corridors are shown by the six rivers of "six rivers flowing into the sea"; the plan lists no corridors by name.'),
    feat(road_ml, id='corridor-road', name_zh='道路生态廊道', name_en='Road ecological corridors', kind='road_corridor',
         function_zh=DUOLANG, function_en=DUOLANG_EN, projects=[], source=S1, geometry_basis='schematic',
         geometry_note_zh='示意：规划未指明道路生态廊道的具体道路，此处仅沿市域南北向（沈大方向）、沿黄海东西向（丹大方向）及旅顺方向主干交通走廊示意。',
         geometry_note_en='Schematic: the plan names no specific roads for the road ecological corridors; the lines only illustrate the main north–south (Shenyang–Dalian), Yellow-Sea coast (Dandong–Dalian) and Lüshun transport axes.'),
])

# ---------------- sea ----------------
def sea(poly):
    g = Polygon(poly).difference(LAND.buffer(0.002))
    g = g.simplify(0.003)
    if g.geom_type == 'Polygon':
        g = MultiPolygon([g])
    g = MultiPolygon([p for p in g.geoms if p.area > 2e-4])
    return g
ch = DIST['210224']
base = ch.convex_hull.buffer(0.05).difference(LAND.buffer(0.002)).simplify(0.003)
core = sea([(121.62, 38.99), (121.70, 38.90), (121.90, 38.86), (122.15, 38.95), (122.30, 39.12), (122.30, 39.27), (122.05, 39.22), (121.90, 39.08), (121.70, 39.06)]).difference(base.buffer(0.01))
west = sea([(121.30, 38.70), (121.05, 38.66), (120.88, 38.78), (120.88, 39.00), (121.05, 39.20), (121.05, 39.45), (121.20, 39.75), (121.40, 40.00), (121.62, 40.20), (121.90, 40.20), (121.70, 39.95), (121.55, 39.55), (121.60, 39.35), (121.55, 39.10), (121.40, 38.90), (121.30, 38.78)])
east = sea([(122.28, 39.30), (122.50, 39.50), (122.90, 39.66), (123.30, 39.80), (123.55, 39.88), (123.58, 39.70), (123.30, 39.58), (122.95, 39.47), (122.75, 39.38), (122.55, 39.33), (122.40, 39.28)]).difference(base.buffer(0.01)).difference(core)
for n, g in [('core', core), ('west', west), ('east', east), ('base', base)]:
    print(n, g.geom_type, round(g.area, 4), 'land overlap', round(g.intersection(LAND).area / g.area, 4))
SEA_TXT = '构建“一核两翼一基地”海洋生态环境空间布局'
SEA_EN = 'Build a marine eco-environment layout of "one core, two wings, one base"'
SHORE = '实施岸线“保护优先”，严格保护自然生态岸线，适度扩大城镇生活及旅游岸线，公众亲海空间质量提升，逐步减少养殖岸线，保持港口岸线适度规模，严控工业岸线和围填海建设。市域工业岸线比重低于33%。'
SHORE_EN = ('Put "protection first" for the shoreline: strictly protect natural ecological shoreline, moderately expand urban-living and tourism shoreline, '
            'improve the quality of public sea-access spaces, gradually reduce aquaculture shoreline, keep port shoreline at a moderate scale, and strictly control '
            'industrial shoreline and sea reclamation. Industrial shoreline below 33% of the city\'s shoreline.')
TGT = [{'label_zh': '市域工业岸线比重', 'label_en': 'Share of industrial shoreline in the city', 'value': 33, 'comparator': '<', 'unit': '%', 'source': S1}]
SN_ZH = '示意范围：规划未给出边界；按所述海域方位绘制，已扣除陆域（行政区划面）。'
SN_EN = 'Schematic extent: the plan gives no boundary; drawn from the sea area it names, with land (administrative polygons) removed.'
write('eco_sea', [
    feat(core, id='sea-core', name_zh='一核：金普新区以南周边海域', name_en='One core: the sea around and south of Jinpu New Area', kind='core',
         function_zh=SEA_TXT + '，“一核”即金普新区以南周边海域……' + SHORE,
         function_en=SEA_EN + '; the "core" is the sea area around and south of Jinpu New Area …… ' + SHORE_EN,
         projects=[], source=S1, geometry_basis='schematic', geometry_note_zh=SN_ZH, geometry_note_en=SN_EN, targets=TGT),
    feat(west, id='sea-wing-bohai', name_zh='西部渤海屏障带', name_en='Western Bohai barrier belt', kind='wing',
         function_zh='“两翼”即西部渤海屏障带和东部黄海屏障带……' + SHORE,
         function_en='The "two wings" are the western Bohai barrier belt and the eastern Yellow Sea barrier belt …… ' + SHORE_EN,
         projects=[], source=S1, geometry_basis='schematic', geometry_note_zh=SN_ZH + '沿渤海一侧（旅顺西北至瓦房店）近岸约15公里宽。',
         geometry_note_en=SN_EN + ' About 15 km wide along the Bohai coast (north-west Lüshun to Wafangdian).', targets=TGT),
    feat(east, id='sea-wing-huanghai', name_zh='东部黄海屏障带', name_en='Eastern Yellow Sea barrier belt', kind='wing',
         function_zh='“两翼”即西部渤海屏障带和东部黄海屏障带……' + SHORE,
         function_en='The "two wings" are the western Bohai barrier belt and the eastern Yellow Sea barrier belt …… ' + SHORE_EN,
         projects=[], source=S1, geometry_basis='schematic', geometry_note_zh=SN_ZH + '沿黄海北岸（金普新区东北至庄河东界）近岸海域。',
         geometry_note_en=SN_EN + ' The inshore sea along the northern Yellow Sea coast (north-east Jinpu to the eastern edge of Zhuanghe).', targets=TGT),
    feat(base, id='sea-base-changhai', name_zh='一基地：长海县绿色基地、生态海岛', name_en='One base: Changhai County green base and ecological islands', kind='base',
         function_zh='“一基地”即长海县绿色基地、生态海岛。……加强海岛生态环境保护，合理开发利用海岛。',
         function_en='The "base" is Changhai County as a green base and ecological islands. …… Strengthen the protection of island eco-environments and develop and use islands rationally.',
         projects=[], source=S1, geometry_basis='schematic',
         geometry_note_zh='示意范围：长海县诸岛凸包外扩约5公里的海域，扣除岛屿陆域。',
         geometry_note_en='Schematic extent: the sea within about 5 km of the convex hull of the Changhai islands, islands removed.'),
])

# ---------------- protected ----------------
from shapely.geometry import MultiPoint
BIO = '重点开展针对大连斑海豹、辽宁蛇岛老铁山、大连城山头海滨地貌、辽宁仙人洞等国家级自然保护区生物多样性调查和保护。'
BIO_EN = ('Focus on biodiversity surveys and protection for national nature reserves such as Dalian Spotted Seal, Liaoning Snake Island–Laotie Mountain, '
          'Dalian Chengshantou Coastal Landform and Liaoning Xianrendong.')
WET = '加大退耕还湖、还湿力度，推进三台乡湿地、英那河湿地等退化湿地恢复，恢复海岸、滩涂、海域的自然面貌。'
WET_EN = ('Step up returning farmland to lakes and wetlands, restore degraded wetlands such as the Santai Township wetland and the Yingna River wetland, '
          'and restore the natural face of coasts, tidal flats and sea areas.')
S20 = '专栏20'
P = []
def prot(id_, zh, en, kind, geom, fzh, fen, basis, nzh, nen, district, at_sea=False):
    P.append(feat(geom, id=id_, name_zh=zh, name_en=en, kind=kind, function_zh=fzh, function_en=fen, projects=[], source=S20,
                  geometry_basis=basis, geometry_note_zh=nzh, geometry_note_en=nen, district=district, at_sea=at_sea))
prot('reserve-banhaibao', '大连斑海豹国家级自然保护区', 'Dalian Spotted Seal National Nature Reserve', 'reserve_marine', Point(121.18, 39.50), BIO, BIO_EN,
     'schematic', '示意点：保护区为大连西部渤海海域（旅顺口区至瓦房店市以西近海）的大片海域，点位置于其中部海上，不代表边界。',
     'Schematic point: the reserve is a large sea area in the Bohai off western Dalian (from Lüshunkou to Wafangdian); the point is set at sea in its middle and does not show its boundary.',
     None, at_sea=True)
prot('reserve-shedao-laotieshan', '辽宁蛇岛老铁山国家级自然保护区', 'Liaoning Snake Island–Laotie Mountain National Nature Reserve', 'reserve', MultiPoint([(120.9765, 38.9483), (121.13, 38.74)]), BIO, BIO_EN,
     'located', '两个点：蛇岛（旅顺口区西北渤海中的小岛）与旅顺老铁山。', 'Two points: Snake Island (a small island in the Bohai north-west of Lüshunkou) and Laotie Mountain in Lüshun.', '210212')
prot('reserve-chengshantou', '大连城山头海滨地貌国家级自然保护区', 'Dalian Chengshantou Coastal Landform National Nature Reserve', 'reserve', Point(121.98, 39.075), BIO, BIO_EN,
     'located', '位于金州区（金普新区）大李家街道城山头一带海滨；点位为近似位置（约±3公里）。', 'On the coast at Chengshantou, Dalijia, Jinzhou (Jinpu New Area); the point is approximate (about ±3 km).', '210213')
prot('reserve-xianrendong', '辽宁仙人洞国家级自然保护区', 'Liaoning Xianrendong National Nature Reserve', 'reserve', Point(122.95, 39.98), BIO, BIO_EN,
     'located', '位于庄河市仙人洞镇（冰峪沟一带）；点位为保护区大致中心（约±5公里）。', 'In Xianrendong town, Zhuanghe (Bingyu valley area); the point is the approximate centre of the reserve (about ±5 km).', '210283')
prot('wetland-santaixiang', '三台乡湿地', 'Santai Township wetland', 'wetland', Point(121.62, 39.83), WET, WET_EN,
     'schematic', '示意点：三台乡（瓦房店市三台满族乡）一带；湿地具体范围未核实。', 'Schematic point: around Santai (Santai Manchu Township, Wafangdian); the wetland\'s extent was not verified.', '210281')
yn_mouth = list(RIVER_LINES['river-yingnahe'].coords)[-2]
prot('wetland-yingnahe', '英那河湿地', 'Yingna River wetland', 'wetland', Point(yn_mouth), WET, WET_EN,
     'schematic', '示意点：置于英那河下游近河口处（庄河市）；湿地具体范围未核实。', 'Schematic point: set on the lower Yingna River near its mouth (Zhuanghe); the wetland\'s extent was not verified.', '210283')
for f in P:
    g = shape(f['geometry']); d = f['properties']['district']
    for pt in getattr(g, 'geoms', [g]):
        if f['properties']['at_sea']:
            assert not LAND.contains(pt)
        else:
            assert DIST[d].buffer(0.002).contains(pt), f['properties']['id']
write('eco_protected', P)
