"""Search finds features by Chinese, English and partial names across all layers."""
import pytest

from layers import catalog, load_all
from layers.search import build_index, search


@pytest.fixture(scope="module")
def index():
    layers, problems = load_all()
    assert not problems
    return build_index(list(catalog()), layers)


@pytest.mark.parametrize("query, expected_name_zh", [
    ("长兴岛", "长兴岛"),
    ("bearing", "瓦房店轴承产业开发区"),
    ("机场", "大连新机场"),
    ("airport", "大连新机场"),
    ("旅顺组团", "旅顺组团"),
    ("Biliu", "碧流河"),
    ("中山区", "中山区"),
    ("zhuanghe", "庄河"),
    ("斑海豹", "大连斑海豹"),
    ("英歌石", "英歌石科学城"),
])
def test_search_finds_the_feature(index, query, expected_name_zh):
    names = [e.name_zh for e in search(query, index)]
    assert any(expected_name_zh in n for n in names[:5]), names


def test_search_ignores_empty_and_is_bounded(index):
    assert search("   ", index) == []
    assert len(search("区", index, limit=7)) == 7
    assert search("x" * 10_000, index) == []
