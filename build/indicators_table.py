"""Build the indicator table geodata/tables/indicators.json of the Dalian 14th Five-Year Plan map.

Source: plan/dalian_14th_five_year_plan.txt only -- the 14th-FYP main-indicator table (第一章第三节) and
the 13th-FYP completion table (第一章第一节), transcribed by hand below; indicator names are checked to
be verbatim in the plan (whitespace ignored). No geometry.

Writes:  geodata/tables/indicators.json

Run (from the repo root):  python build/indicators_table.py
"""
import json
from infra_common import NPLAN, ROOT
ATTR = {'预期性': 'expected', '约束性': 'binding'}
def chk(s):
    assert ''.join(s.split()) in NPLAN, s
# ---- 十四五 table: (category, no, name_zh, name_en, unit, value_2020, target_2025, growth, attribute_zh, footnote, note)
P14 = [
 ('经济发展', 1, '地区生产总值增长', 'GDP growth', '%', '0.9', '>6', None, '预期性', None, None),
 ('经济发展', 2, '全员劳动生产率增长', 'Growth of overall labour productivity', '%', '6.3', '6', None, '预期性', None, None),
 ('经济发展', 3, '常住人口城镇化率', 'Urbanisation rate of resident population', '%', '78.8', '>80', None, '预期性', None, None),
 ('创新驱动', 4, '研发经费投入增长', 'Growth of R&D expenditure', '%', '2.9', '3.5', '>10', '预期性', None, 'The row has three values (2.9, 3.5, >10) under a name that says "growth"; transcribed in column order.'),
 ('创新驱动', 5, '每万人口高价值发明专利拥有量', 'High-value invention patents per 10,000 people', '件', '—', '12.5', None, '预期性', None, None),
 ('创新驱动', 6, '数字经济核心产业增加值占地区生产总值比重', 'Value added of core digital-economy industries as share of GDP', '%', '7.2', '12左右', None, '预期性', None, None),
 ('民生福祉', 7, '居民人均可支配收入增长', 'Growth of per-capita disposable income', '%', '6', '6左右', None, '预期性', None, None),
 ('民生福祉', 8, '城镇登记失业率', 'Registered urban unemployment rate', '%', '3.4', '<4.5', None, '预期性', '①', None),
 ('民生福祉', 9, '新增劳动年龄人口平均受教育年限', 'Average years of schooling of new working-age population', '年', '15.3', '15.6', None, '约束性', None, None),
 ('民生福祉', 10, '每千人口拥有执业（助理）医师数', 'Practising (assistant) physicians per 1,000 people', '名', '3.8', '4.2', None, '预期性', None, None),
 ('民生福祉', 11, '城镇职工基本养老保险参保人数', 'Urban employees insured by basic pension insurance', '万人', '340.5', '360.5', None, '预期性', None, None),
 ('民生福祉', 12, '每千人口拥有3岁以下婴幼儿托位数', 'Childcare places for under-3s per 1,000 people', '个', '—', '4', None, '预期性', None, None),
 ('民生福祉', 13, '人均预期寿命', 'Life expectancy', '岁', '81.5', '≥81.5', None, '预期性', None, None),
 ('绿色生态', 14, '单位地区生产总值能源消耗降低', 'Reduction of energy consumption per unit of GDP', '%', '[15]', '完成省下达任务', None, '约束性', None,
  'In the text the target cell is split across a page break ("完成省下" / "达任务"); it is read as 完成省下达任务 (fulfil the task assigned by the province).'),
 ('绿色生态', 15, '单位地区生产总值二氧化碳排放降低', 'Reduction of CO2 emissions per unit of GDP', '%', '[18]', '完成省下达任务', None, '约束性', None,
  'The text shows only "达任务" on this row: the merged target cell 完成省下达任务 spans rows 14–15.'),
 ('绿色生态', 16, '空气质量优良天数比率', 'Share of days with good air quality', '%', '91', '完成省下达任务', None, '约束性', None, None),
 ('绿色生态', 17, '地表水达到或好于 III 类水体比例', 'Share of surface water at or better than Class III', '%', '90.5', None, None, '约束性', None,
  'No 2025 value printed on this row in the text (probably the merged 完成省下达任务 cell).'),
 ('绿色生态', 18, '森林覆盖率', 'Forest coverage', '%', '41.5', '41.5', None, '约束性', '②', None),
 ('安全保障', 19, '粮食综合生产能力', 'Comprehensive grain production capacity', '亿斤', '23.7', '≥20', None, '约束性', None, None),
 ('安全保障', 20, '能源综合生产能力', 'Comprehensive energy production capacity', '万吨标煤', '425', '650', None, '约束性', None, None),
]
rows14 = []
for cat, no, nzh, nen, unit, v20, t25, g, a, fn, note in P14:
    for s in (nzh, v20 if v20 != '—' else '', t25 or '', g or ''):
        if s and s != '完成省下达任务': chk(s)
    rows14.append(dict(category_zh=cat, no=no, name_zh=nzh, name_en=nen, unit=unit, value_2020=v20, target_2025=t25,
                       avg_annual_growth=g, attribute_zh=a, attribute=ATTR.get(a), footnote=fn, note=note))
chk('完成省下达任务')
# ---- 十三五 completion table: (category label as printed, no, indicator, sub, unit, cells in printed order, attribute, interpretation)
C13 = [
 ('经济发展', 1, '地区生产总值', None, '亿元', ['7', '7030.4'], '预期性', dict(target_avg_growth='7', actual='7030.4')),
 ('经济发展', 2, '全员劳动生产率', None, '万元', ['6.2', '16.9'], '预期性', dict(target_avg_growth='6.2', actual='16.9')),
 ('经济发展', 3, '一般公共预算收入', None, '亿元', ['579.9', '3.9', '702.7'], '预期性', dict(value_2015='579.9', target_avg_growth='3.9', actual='702.7')),
 ('经济发展', 4, '城镇化率', '常住人口', '%', ['75', '76.5', '78.8'], None, dict(value_2015='75', target='76.5', actual='78.8')),
 ('经济发展', 4, '城镇化率', '户籍人口', '%', ['73.5', '70.2'], None, dict(target='73.5', actual='70.2')),
 ('创新驱动', 5, '服务业增加值比重', None, '%', ['50 左右', '53.5'], '预期性', dict(target='50 左右', actual='53.5')),
 ('创新驱动', 6, '研究与试验发展经费投入强度', None, '%', ['1.9', '2.5', '2.9'], '预期性', dict(value_2015='1.9', target='2.5', actual='2.9')),
 ('创新驱动', 7, '每万人发明专利拥有量', None, '件', ['12.2', '17', '24.3'], '预期性', dict(value_2015='12.2', target='17', actual='24.3')),
 ('创新驱动', 8, '科技进步贡献率', None, '%', ['60', '60'], '预期性', dict(target='60', actual='60')),
 ('创新驱动', 9, '互联网普及率', '固定家庭宽带普及率', '%', ['61', '72', '100'], '预期性', dict(value_2015='61', target='72', actual='100')),
 ('创新驱动', 9, '互联网普及率', '移动宽带用户普及率', '%', ['89', '95', '113.1'], None, dict(value_2015='89', target='95', actual='113.1')),
 ('民生福祉', 10, '居民年人均可支配收入', '城镇常住居民', '元', ['35889', '50336', '5.7', '47380'], '预期性', dict(value_2015='35889', target='50336', target_avg_growth='5.7', actual='47380')),
 ('民生福祉', 10, '居民年人均可支配收入', '农村常住居民', '元', ['14667', '21551', '8', '21558'], None, dict(value_2015='14667', target='21551', target_avg_growth='8', actual='21558')),
 ('民生福祉', 11, '劳动年龄人口平均受教育年限', None, '年', ['14.8', '14.9', '14.9'], '约束性', dict(value_2015='14.8', target='14.9', actual='14.9')),
 ('民生福祉', 12, '城镇就业', '新增就业人数', '万人', ['[40]', '[55]'], '预期性', dict(target='[40]', actual='[55]')),
 ('民生福祉', 12, '城镇就业', '登记失业率', '%', ['2.93', '<3', '<3'], None, dict(value_2015='2.93', target='<3', actual='<3')),
 ('民生福祉', 13, '基本养老保险参保率', None, '%', ['>99', '>99', '>99'], '约束性', dict(value_2015='>99', target='>99', actual='>99')),
 ('民生福祉', 14, '城镇棚户区住房改造', None, '套', ['12425', '[16153]', '[16389]'], '约束性', dict(value_2015='12425', target='[16153]', actual='[16389]')),
 ('生态文明', 15, '人均预期寿命', None, '岁', ['80.76', '81.9', '81.5'], '预期性', dict(value_2015='80.76', target='81.9', actual='81.5')),
 ('生态文明', 16, '耕地保有量', None, '平方公里', ['>3500', '3927', '3927'], '约束性', {}),
 ('生态文明', 17, '新增建设用地规模', None, '万亩', ['1.5', '0.21'], '约束性', dict(target='1.5', actual='0.21')),
 ('生态文明', 18, '万元地区生产总值用水量下降率', None, '%', ['[22.6]'], '约束性', {}),
 ('生态文明', 19, '单位生产总值能源消耗降低', None, '%', ['3.77', '[15]', '[15]'], '约束性', dict(value_2015='3.77', target='[15]', actual='[15]')),
 ('生态文明', 20, '非化石能源(含核电)占一次能源消费比重', None, '%', ['5.5', '10', '10'], '约束性', dict(value_2015='5.5', target='10', actual='10')),
 ('生态文明', 21, '单位生产总值二氧化碳排放降低', None, '%', ['4', '[18]', '[18]'], '约束性', dict(value_2015='4', target='[18]', actual='[18]')),
 ('生态文明', 22, '森林增长', '林木绿化率', '%', ['50', '50', '50'], '约束性', dict(value_2015='50', target='50', actual='50')),
 ('生态文明', 22, '森林增长', '森林蓄积量', '万立方米', ['1280', '1409.4', '1560.4'], None, dict(value_2015='1280', target='1409.4', actual='1560.4')),
 ('生态文明', 23, '空气质量', '城市细颗粒PM2.5浓度下降', '%', ['[23]', '[35]'], '约束性', dict(target='[23]', actual='[35]')),
 ('生态文明', 23, '空气质量', '城市空气质量优良天数比例', '%', ['75', '>80', '>84'], None, dict(value_2015='75', target='>80', actual='>84')),
 ('生态文明', 24, '地表水质量', '达到或好于三类水体比例', '%', ['76', '85', '85'], '约束性', dict(value_2015='76', target='85', actual='85')),
 ('生态文明', 24, '地表水质量', '劣五类水体比例', '%', ['<5', '0', '0'], None, dict(value_2015='<5', target='0', actual='0')),
 ('生态文明', 25, '主要污染物排放总量减少比例', '化学需氧量', '%', ['2.5', '[13.4]', '[14.71]'], '约束性', dict(value_2015='2.5', target='[13.4]', actual='[14.71]')),
 ('生态文明', 25, '主要污染物排放总量减少比例', '氨氮', '%', ['4.1', '[8.8]', '[17.37]'], None, dict(value_2015='4.1', target='[8.8]', actual='[17.37]')),
 ('生态文明', 25, '主要污染物排放总量减少比例', '二氧化硫', '%', ['0', '[16.5]', '[16.5]'], None, dict(value_2015='0', target='[16.5]', actual='[16.5]')),
 ('生态文明', 25, '主要污染物排放总量减少比例', '氮氧化物', '%', ['1.5', '[17.2]', '[17.65]'], None, dict(value_2015='1.5', target='[17.2]', actual='[17.65]')),
]
EN13 = {  # English names of the 十三五 indicators and sub-indicators (the project's rendering)
 '地区生产总值': 'GDP', '全员劳动生产率': 'Overall labour productivity', '一般公共预算收入': 'General public budget revenue',
 '城镇化率': 'Urbanisation rate', '常住人口': 'resident population', '户籍人口': 'registered population',
 '服务业增加值比重': 'Services share of value added', '研究与试验发展经费投入强度': 'R&D spending intensity',
 '每万人发明专利拥有量': 'Invention patents per 10,000 people', '科技进步贡献率': 'Contribution of technological progress',
 '互联网普及率': 'Internet penetration', '固定家庭宽带普及率': 'fixed household broadband',
 '移动宽带用户普及率': 'mobile broadband users', '居民年人均可支配收入': 'Annual disposable income per resident',
 '城镇常住居民': 'urban residents', '农村常住居民': 'rural residents',
 '劳动年龄人口平均受教育年限': 'Average years of schooling of the working-age population', '城镇就业': 'Urban employment',
 '新增就业人数': 'new jobs', '登记失业率': 'registered unemployment rate', '基本养老保险参保率': 'Basic pension insurance coverage',
 '城镇棚户区住房改造': 'Urban shanty-town housing renovation', '人均预期寿命': 'Life expectancy',
 '耕地保有量': 'Cultivated land retained', '新增建设用地规模': 'New construction land',
 '万元地区生产总值用水量下降率': 'Fall in water use per 10,000 yuan of GDP',
 '单位生产总值能源消耗降低': 'Fall in energy use per unit of GDP',
 '非化石能源(含核电)占一次能源消费比重': 'Non-fossil energy (incl. nuclear) share of primary energy',
 '单位生产总值二氧化碳排放降低': 'Fall in CO2 emissions per unit of GDP', '森林增长': 'Forest growth',
 '林木绿化率': 'tree and green cover', '森林蓄积量': 'forest stock volume', '空气质量': 'Air quality',
 '城市细颗粒PM2.5浓度下降': 'fall in urban PM2.5 concentration', '城市空气质量优良天数比例': 'share of good air-quality days',
 '地表水质量': 'Surface water quality', '达到或好于三类水体比例': 'share at Class III or better',
 '劣五类水体比例': 'share worse than Class V', '主要污染物排放总量减少比例': 'Cut in total emissions of major pollutants',
 '化学需氧量': 'chemical oxygen demand', '氨氮': 'ammonia nitrogen', '二氧化硫': 'sulphur dioxide', '氮氧化物': 'nitrogen oxides',
}
ATTR_BY_NO = {no: a for _, no, _, _, _, _, a, _ in reversed(C13) if a}  # merged cells: a group's attribute is printed once
rows13 = []
for cat, no, ind, sub, unit, cells, a, interp in C13:
    a = a or ATTR_BY_NO.get(no)
    chk(ind); sub and chk(sub); [chk(c) for c in cells]
    rows13.append(dict(category_zh=cat, no=no, indicator_zh=ind, indicator_en=EN13[ind], sub_indicator_zh=sub,
                       sub_indicator_en=EN13.get(sub) if sub else None, unit=unit, cells=cells,
                       value_2015=interp.get('value_2015'), target_2020=interp.get('target'), target_avg_growth_pct=interp.get('target_avg_growth'),
                       actual_2020=interp.get('actual'), attribute_zh=a, attribute=ATTR.get(a), completed=None,
                       interpreted=bool(interp)))
out = {
 "source_file": "plan/dalian_14th_five_year_plan.txt",
 "plan_14th": {"title_zh": "“十四五”时期经济社会发展主要指标表", "title_en": "Main economic and social development indicators for the 14th FYP period",
   "source": "第一章第三节", "columns": ["category_zh", "name_zh", "unit", "value_2020", "target_2025", "avg_annual_growth", "attribute"],
   "footnotes_zh": "注：[]为五年累计数；①省 2020 年指标调整基数；②第三次全国国土调查数据公布后进行调整。",
   "footnotes_en": "Note: [ ] = five-year cumulative figure; ① baseline adjusted by the province for 2020; ② to be adjusted after publication of the Third National Land Survey.",
   "transcription_note": "Copied from the plan text; empty cells are lost in the text, so values are assigned to columns in printed order. Values kept as strings.",
   "rows": rows14},
 "completion_13th": {"title_zh": "“十三五”规划纲要主要指标完成情况表", "title_en": "Completion of the main indicators of the 13th FYP outline",
   "source": "第一章第一节", "columns": ["category_zh", "indicator_zh", "sub_indicator_zh", "unit", "value_2015", "target_2020", "target_avg_growth_pct", "actual_2020", "attribute"],
   "footnotes_zh": "注：[]为五年累计数。", "footnotes_en": "Note: [ ] = five-year cumulative figure.",
   "transcription_note": "The plan text lost the empty cells of this table, so `cells` keeps the printed values in order (authoritative). value_2015/target_2020/target_avg_growth_pct/actual_2020 are a best-effort reading by the number of cells; rows 16 and 18 are left uninterpreted (ambiguous). Category labels of merged cells are printed on one row in the text, so a label may be one row off its block. The plan does not state per-indicator completion, so `completed` is null.",
   "rows": rows13}}
(ROOT / 'geodata' / 'tables' / 'indicators.json').write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding='utf-8')
print(len(rows14), len(rows13))
