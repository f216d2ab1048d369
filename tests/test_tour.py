"""The guided tour: content/tour.json against the catalog and the plan text, the loader's messages for broken
files, and the page (AppTest) for every step in both languages."""
from __future__ import annotations

import json
import re

import geopandas as gpd
import pytest
from streamlit.testing.v1 import AppTest

from layers.catalog import catalog
from ui import tour

from conftest import ROOT
from inert import visible

TOUR_FILE = ROOT / "content" / "tour.json"
PLAN_FILE = ROOT / "plan" / "dalian_14th_five_year_plan.txt"
TIMEOUT = 60
# The story the issue asks for, in this order (a presenter may add steps in between).
STORY = ["总体格局", "一核", "四城", "四片", "七组团", "主廊道", "两岸三湾多园区", "生态网络（陆域）", "生态网络（海洋）",
         "重大项目"]
NUM = "[一二三四五六七八九十]+"
SOURCE_PART = rf"(第{NUM}章(第{NUM}节)?|专栏\d+)"
SOURCE_RE = re.compile(rf"^{SOURCE_PART}(；{SOURCE_PART})*$")
DALIAN_BOX = (120.5, 38.4, 123.8, 40.4)  # lon/lat box around the city region and its sea


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def raw_steps():
    return json.loads(TOUR_FILE.read_text(encoding="utf-8"))["steps"]


@pytest.fixture(scope="module")
def plan():
    return norm(PLAN_FILE.read_text(encoding="utf-8"))


def step_ids():
    return [s["id"] for s in json.loads(TOUR_FILE.read_text(encoding="utf-8"))["steps"]]


# --- the content ------------------------------------------------------------------------------------------------

def test_tour_file_loads_without_a_single_problem(plan):
    loaded = tour.load_tour(TOUR_FILE, plan=plan)
    assert loaded.problems == ()
    assert len(loaded.steps) == len(step_ids()) >= len(STORY)


def test_every_step_layer_is_a_catalog_map_layer(raw_steps):
    map_layers = {s.id for s in catalog() if not s.is_table and s.group != "basemap"}
    for step in raw_steps:
        assert step["layers"], step["id"]
        unknown = [layer for layer in step["layers"] if layer not in map_layers]
        assert not unknown, f"{step['id']}: not in geodata/catalog.json: {unknown}"


def test_every_chinese_fragment_is_verbatim_in_the_plan(raw_steps, plan):
    for step in raw_steps:
        fragments = [f for f in step["text_zh"].split("……") if f.strip()]
        assert fragments, step["id"]
        for fragment in fragments:
            assert norm(fragment) in plan, f"{step['id']}: not verbatim in the plan: {fragment}"


def test_the_story_steps_are_there_in_order(raw_steps):
    titles = [s["title_zh"] for s in raw_steps]
    positions = []
    for keyword in STORY:
        found = [i for i, title in enumerate(titles) if keyword in title and (not positions or i > positions[-1])]
        assert found, f"no step titled “{keyword}” after {titles[positions[-1]] if positions else 'the start'}"
        positions.append(found[0])
    assert positions[0] == 0, "the tour opens with the overall pattern"


def test_steps_are_complete_and_cite_a_section(raw_steps):
    for step in raw_steps:
        for field in ("title_zh", "title_en", "text_zh", "text_en", "source"):
            assert isinstance(step.get(field), str) and step[field].strip(), f"{step['id']}: {field}"
        assert SOURCE_RE.match(step["source"]), f"{step['id']}: source {step['source']!r}"
        assert step["text_en"].count("……") == step["text_zh"].count("……"), \
            f"{step['id']}: the English marks the same omissions as the Chinese"


def test_every_view_looks_at_dalian():
    minx, miny, maxx, maxy = DALIAN_BOX
    for step in tour.load_tour(TOUR_FILE).steps:
        assert step.view or step.bounds, f"{step.id}: give the step a view"
        if step.view:
            lat, lon, zoom = step.view
            assert miny < lat < maxy and minx < lon < maxx and 7 <= zoom <= 14, step.id
        if step.bounds:
            x0, y0, x1, y1 = step.bounds
            assert minx <= x0 < x1 <= maxx and miny <= y0 < y1 <= maxy, step.id


def test_selected_features_exist():
    for step in tour.load_tour(TOUR_FILE).steps:
        if step.select:
            layer_id, feature_id = step.select.split("/", 1)
            spec = next(s for s in catalog() if s.id == layer_id)
            assert feature_id in set(gpd.read_file(spec.path)["id"]), f"{step.id}: {step.select}"


def test_the_strings_file_is_prefixed():
    strings = json.loads((ROOT / "layers" / "strings" / "tour.json").read_text(encoding="utf-8"))
    assert strings and all(key.startswith("tour_") for key in strings)
    assert all(entry.get("zh") and entry.get("en") for entry in strings.values())


# --- the loader: broken files give clear messages, never an exception ------------------------------------------

GOOD = {"id": "good", "title_zh": "一核", "title_en": "One core", "text_zh": "“一核”为城市核心区",
        "text_en": "The “one core” is the urban core area", "source": "第九章第一节",
        "layers": ["layout_core_cities"], "view": {"lat": 38.95, "lon": 121.64, "zoom": 11}}


def write(tmp_path, content) -> object:
    path = tmp_path / "tour.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
                    encoding="utf-8")
    return path


def step(**changes):
    out = {**GOOD, **changes}
    return {k: v for k, v in out.items() if v is not None}


@pytest.mark.parametrize("content,expected", [
    ("{\"steps\": [", "not valid JSON"),
    ("[1, 2]", "must be a JSON object with a \"steps\" list"),
    ({"steps": {"id": "x"}}, "must be a JSON object with a \"steps\" list"),
    ({"steps": []}, "the \"steps\" list is empty"),
])
def test_a_broken_file_gives_a_clear_message(tmp_path, content, expected):
    path = write(tmp_path, content)
    loaded = tour.load_tour(path)
    assert loaded.steps == ()
    assert len(loaded.problems) == 1 and expected in loaded.problems[0] and "tour.json" in loaded.problems[0]


def test_a_missing_file_gives_a_clear_message(tmp_path):
    loaded = tour.load_tour(tmp_path / "nowhere.json")
    assert loaded.steps == () and "nowhere.json: the tour file is missing" in loaded.problems[0]


def test_a_file_that_is_not_utf8_gives_a_clear_message(tmp_path):
    path = tmp_path / "tour.json"
    path.write_bytes("{\"steps\": [\"一核\"]}".encode("gb18030"))
    loaded = tour.load_tour(path)
    assert loaded.steps == () and "not UTF-8" in loaded.problems[0]


@pytest.mark.parametrize("bad,expected", [
    ("just text", "step 2: must be an object"),
    (step(id="Bad Id!"), "is not a slug"),
    (step(id="good"), "step 2 (good): the id is used by an earlier step; skipped"),
    (step(id="x", text_zh=""), "step 2 (x): missing or empty text field(s) text_zh; skipped"),
    (step(id="x", title_en=None), "missing or empty text field(s) title_en"),
    (step(id="x", layers=[]), "\"layers\" must be a non-empty list"),
    (step(id="x", layers=["no_such_layer"]), "step 2 (x): none of its layers is in the catalog; skipped"),
    (step(id="x", layers=["indicators"]), "unknown layer id \"indicators\""),
])
def test_a_bad_step_is_skipped_with_a_message(tmp_path, bad, expected):
    loaded = tour.load_tour(write(tmp_path, {"steps": [GOOD, bad]}))
    assert [s.id for s in loaded.steps] == ["good"]
    assert any(expected in p for p in loaded.problems), loaded.problems
    assert all(p.startswith("tour.json: ") for p in loaded.problems)


def test_an_unknown_layer_is_left_out_and_the_step_kept(tmp_path):
    loaded = tour.load_tour(write(tmp_path, {"steps": [step(layers=["layout_core_cities", "layout_nope"])]}))
    assert loaded.steps[0].layers == ("layout_core_cities",)
    assert loaded.problems == ("tour.json: step 1 (good): unknown layer id \"layout_nope\" (not a map layer in "
                               "geodata/catalog.json); that layer is left out",)


@pytest.mark.parametrize("view,expected", [
    ({"lat": 121.6, "lon": 38.9, "zoom": 11}, "not a place on Earth"),
    ({"lat": 38.9, "lon": 121.6, "zoom": 40}, "zoom 40 is outside"),
    ({"lat": "38.9", "lon": 121.6, "zoom": 11}, "needs numbers"),
    ({"bounds": [123, 38, 121, 40]}, "min < max"),
    ({"bounds": [121, 38]}, "four numbers"),
    ([38.9, 121.6, 11], "must be an object"),
])
def test_a_bad_view_falls_back_to_the_layers_with_a_message(tmp_path, view, expected):
    loaded = tour.load_tour(write(tmp_path, {"steps": [step(view=view)]}))
    assert loaded.steps[0].view is None and loaded.steps[0].bounds is None
    assert any(expected in p and "step 1 (good)" in p for p in loaded.problems), loaded.problems


def test_views_and_bounds_are_read(tmp_path):
    steps = [step(), step(id="b", view={"bounds": [121, 38.7, 123.5, 40.2]}),
             step(id="c", view=None, bounds=[121, 38.7, 123.5, 40.2]), step(id="d", view=None)]
    loaded = tour.load_tour(write(tmp_path, {"steps": steps}))
    assert loaded.problems == ()
    assert [(s.view, s.bounds) for s in loaded.steps] == [
        ((38.95, 121.64, 11.0), None), (None, (121.0, 38.7, 123.5, 40.2)), (None, (121.0, 38.7, 123.5, 40.2)),
        (None, None)]


def test_a_bad_select_is_dropped_with_a_message(tmp_path):
    loaded = tour.load_tour(write(tmp_path, {"steps": [step(select="ind_parks/dalian-etdz")]}))
    assert loaded.steps[0].select is None
    assert "must be \"layer_id/feature_id\" with a layer of this step" in loaded.problems[0]
    ok = tour.load_tour(write(tmp_path, {"steps": [step(select="layout_core_cities/yihe-core")]}))
    assert ok.steps[0].select == "layout_core_cities/yihe-core" and ok.problems == ()


def test_unknown_fields_are_reported(tmp_path):
    loaded = tour.load_tour(write(tmp_path, {"steps": [step(selct="layout_core_cities/yihe-core")]}))
    assert len(loaded.steps) == 1 and "selct: unknown key (misspelt?) — ignored" in loaded.problems[0]


def test_text_that_is_not_in_the_plan_is_flagged(tmp_path, plan):
    loaded = tour.load_tour(write(tmp_path, {"steps": [step(text_zh="“一核”为城市核心区……大连是世界第一")]}),
                            plan=plan)
    assert len(loaded.steps) == 1
    assert loaded.problems == ("tour.json: step 1 (good): text_zh is not verbatim plan text: “大连是世界第一”",)


# --- the page ---------------------------------------------------------------------------------------------------

def url_step(at: AppTest) -> str | None:
    value = at.query_params.get("step")
    return value[0] if isinstance(value, list) else value


def run_tour(lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/tour.py")
    at.run()
    return at


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("step_id", step_ids())
def test_every_step_runs_in_both_languages(step_id, lang):
    at = run_tour(lang, step=step_id)
    assert not at.exception, [e.message for e in at.exception]
    expected = tour.load_tour(TOUR_FILE).step(step_id)
    assert visible(at.title[0].value) == expected.title(lang)  # shown through escape_md
    assert at.selectbox(key="tour_step").value == step_id
    assert url_step(at) == step_id
    assert not at.warning, [w.value for w in at.warning]
    assert not at.toast


def test_unknown_step_is_ignored_with_a_notice():
    at = run_tour("zh", step="<script>alert(1)</script>")
    assert not at.exception
    assert "step" in " ".join(str(toast.value) for toast in at.toast)
    assert visible(at.title[0].value) == tour.load_tour(TOUR_FILE).steps[0].title_zh
    assert url_step(at) == step_ids()[0]


def test_next_previous_and_the_step_list_move_through_the_tour():
    ids = step_ids()
    at = run_tour("en")
    assert at.button(key="tour_prev").disabled and not at.button(key="tour_next").disabled
    at.button(key="tour_next").click().run()
    assert at.selectbox(key="tour_step").value == ids[1] and url_step(at) == ids[1]
    at.selectbox(key="tour_step").select(ids[-1]).run()
    assert url_step(at) == ids[-1] and at.button(key="tour_next").disabled
    at.button(key="tour_prev").click().run()
    assert url_step(at) == ids[-2]
    assert not at.exception


def test_a_broken_tour_file_shows_a_message_not_a_traceback(tmp_path, monkeypatch):
    path = write(tmp_path, "{\"steps\": [")
    monkeypatch.setattr(tour, "TOUR_FILE", path)
    at = run_tour("en")
    assert not at.exception
    assert any("not valid JSON" in visible(w.value) for w in at.warning)
    assert at.error and "content/tour.json" in at.error[0].value


def test_a_bad_step_in_the_tour_file_leaves_the_others(tmp_path, monkeypatch):
    steps = json.loads(TOUR_FILE.read_text(encoding="utf-8"))["steps"]
    steps[1] = {**steps[1], "layers": ["no_such_layer"]}
    monkeypatch.setattr(tour, "TOUR_FILE", write(tmp_path, {"steps": steps}))
    at = run_tour("zh", step=steps[2]["id"])
    assert not at.exception
    assert any(f"({steps[1]['id']}): none of its layers" in visible(w.value) for w in at.warning)
    assert visible(at.title[0].value) == steps[2]["title_zh"]
    options = at.selectbox(key="tour_step").options
    assert len(options) == len(steps) - 1 and not any(steps[1]["title_zh"] in o for o in options)


def test_a_step_that_opens_a_popup_runs_and_a_missing_feature_is_named(tmp_path, monkeypatch):
    steps = [step(id="open", select="layout_core_cities/yihe-core"),
             step(id="gone", select="layout_core_cities/no-such-feature")]
    monkeypatch.setattr(tour, "TOUR_FILE", write(tmp_path, {"steps": steps}))
    at = run_tour("en", step="open")
    assert not at.exception and not at.warning
    at = run_tour("en", step="gone")
    assert not at.exception
    assert any("no-such-feature" in visible(w.value) for w in at.warning)


@pytest.mark.parametrize("step_id", ["four-areas", "major-projects"])
def test_each_step_lists_what_its_map_shows_as_text(step_id):
    """Every map has a keyboard-reachable text list (issue 15): under the step's map, an expander names each
    feature of the step's layers, the highlighted ones included. Expected names from the layer files themselves."""
    at = run_tour("zh", step=step_id)
    assert not at.exception, [e.message for e in at.exception]
    step = tour.load_tour(TOUR_FILE).step(step_id)
    expected = {}
    for layer_id in step.layers:
        layer = json.loads((ROOT / "geodata" / "layers" / f"{layer_id}.geojson").read_text(encoding="utf-8"))
        expected.update({f"{layer_id}/{f['properties']['id']}": f["properties"]["name_zh"] for f in layer["features"]})
    lists = [e for e in at.expander if e.label.startswith("要素列表")]
    assert len(lists) == 1, [e.label for e in at.expander]
    assert lists[0].label.endswith(f" · {len(expected)} 要素"), lists[0].label
    listed = visible("\n".join(m.value for m in lists[0].markdown))
    assert all(expected[key] in listed for key in step.highlight), step.highlight
    assert all(f"**{name}**" in listed for name in expected.values()), listed[:500]
