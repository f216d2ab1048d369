"""The indicator tables: parsing of the plan's cells and chart records that keep the plan's own values."""
from layers.indicators import completion_13th_long, parse_value, plan_14th_long
from layers.loading import load_table


def test_parse_value_reads_numbers_and_leaves_text():
    assert parse_value(">6") == 6 and parse_value("12左右") == 12 and parse_value("[15]") == 15
    assert parse_value("≥81.5") == 81.5 and parse_value("完成省下达任务") is None and parse_value("—") is None


def test_chart_records_keep_plan_values_and_attributes():
    tables = load_table("indicators")
    records = plan_14th_long(tables["plan_14th"], "zh")
    gdp = [r for r in records if r["indicator"].startswith("1. ")]
    assert [(r["series"], r["text"], r["attribute"]) for r in gdp] == [("2020年", "0.9", "expected"),
                                                                        ("2025年目标", ">6", "expected")]
    forest = [r for r in records if r["indicator"].startswith("18. ")]
    assert {r["attribute"] for r in forest} == {"binding"}
    assert all("完成" not in r["text"] for r in records)


def test_english_labels_exist_for_both_tables():
    tables = load_table("indicators")
    for records in (plan_14th_long(tables["plan_14th"], "en"), completion_13th_long(tables["completion_13th"], "en")):
        assert records
        assert not any("\u4e00" <= ch <= "\u9fff" for r in records for ch in r["indicator"])
