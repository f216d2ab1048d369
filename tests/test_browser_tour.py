"""The guided tour as a presenter uses it, and what its maps show (issue 13, item 5).

Clicking Next through every step never opens the sidebar (the map keeps its width); each step labels what it
talks about (step 10 names 大连新机场, 太平湾港区, 红沿河核电, 庄河核电); marker-cluster bubbles are explained in the
legend while they are on the map; 皮杨组团 reads as one place: its two points joined and labelled once.
"""
from __future__ import annotations

import json

import pytest

from browser import DESKTOP, PHONE, map_frame, new_context, settle
from conftest import ROOT

pytestmark = pytest.mark.browser
STEPS = json.loads((ROOT / "content" / "tour.json").read_text(encoding="utf-8"))["steps"]
# What the tour's texts name, by step: each must be labelled on that step's map (the plan's names, as in the data)
NAMED = {"major-projects": {"大连新机场", "太平湾港区", "红沿河核电二期工程", "庄河核电一期工程"}}
SIDEBAR = "() => { const s = document.querySelector('[data-testid=stSidebar]'); return s ? s.getBoundingClientRect().width : 0; }"


def feature_names() -> dict[str, str]:
    """"layer/id" → name_zh of every feature of the tour's layers."""
    catalog = {c["id"]: c for c in json.loads((ROOT / "geodata" / "catalog.json").read_text(encoding="utf-8"))["layers"]}
    names = {}
    for layer_id in {i for step in STEPS for i in step["layers"]}:
        data = json.loads((ROOT / "geodata" / catalog[layer_id]["file"]).read_text(encoding="utf-8"))
        names.update({f"{layer_id}/{f['properties']['id']}": f["properties"]["name_zh"] for f in data["features"]})
    return names


def visible_labels(frame) -> set[str]:
    """The permanent labels shown on the map (inside it, not faded out at this zoom)."""
    return set(frame.evaluate("""() => {
      const box = document.querySelector('.leaflet-container').getBoundingClientRect();
      return [...document.querySelectorAll('.pm-label-perm')].filter(m => {
        const r = m.firstElementChild.getBoundingClientRect();
        return getComputedStyle(m).opacity !== '0' && r.right > box.left && r.left < box.right &&
               r.bottom > box.top && r.top < box.bottom;
      }).map(m => m.innerText.trim());
    }"""))


def wait_for_step(page, title: str):
    page.wait_for_function("t => [...document.querySelectorAll('h1')].some(h => h.innerText.includes(t))", arg=title,
                           timeout=30_000)
    settle(page)
    frame = map_frame(page)
    page.wait_for_timeout(600)
    return frame


def walk(browser, live_app, check, watch_sidebar: bool = True) -> None:
    """Open the tour on a desktop (a fresh browser: no remembered sidebar state) and click Next through every
    step, calling check(number, step, page, frame) on each; the sidebar is watched all along (watch_sidebar)."""
    context = new_context(browser, DESKTOP)
    page = context.new_page()
    page.goto(f"{live_app}/tour?lang=zh")
    widest = 0.0
    for number, step in enumerate(STEPS, start=1):
        frame = wait_for_step(page, step["title_zh"])
        widest = max(widest, page.evaluate(SIDEBAR))
        check(number, step, page, frame)
        if number < len(STEPS):
            page.locator(".st-key-tour_next button:visible").first.click()
            for _ in range(40):  # watch the sidebar while the next step is drawn
                widest = max(widest, page.evaluate(SIDEBAR))
                page.wait_for_timeout(50)
        assert widest < 60 or not watch_sidebar, f"the sidebar opened by itself by step {number + 1} ({widest:.0f} px)"
    assert context.outside == []
    context.close()


def test_next_through_the_tour_never_opens_the_sidebar(browser, live_app):
    walk(browser, live_app, lambda *args: None)


def test_each_step_labels_what_it_names(browser, live_app):
    names = feature_names()

    def check(number, step, page, frame):
        wanted = {names[key] for key in step.get("highlight", [])} | NAMED.get(step["id"], set())
        missing = wanted - visible_labels(frame)
        assert not missing, f"step {number} ({step['id']}) names but does not label {sorted(missing)}"

    walk(browser, live_app, check, watch_sidebar=False)


def test_cluster_bubbles_are_explained_in_the_legend_while_they_are_shown(browser, live_app):
    context = new_context(browser, DESKTOP)
    page = context.new_page()
    page.goto(f"{live_app}/infrastructure?lang=en")
    frame = map_frame(page)
    settle(page)
    assert frame.locator(".marker-cluster").count() > 0, "bubbles on the map"
    row = frame.locator(".pm-legend-item", has_text="Numbered circle")
    assert row.is_visible(), "the legend explains them"
    for _ in range(8):  # zoom in until the bubbles have opened up (zoom 12)
        frame.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(400)
    if frame.locator(".marker-cluster").count() == 0:
        assert not row.is_visible(), "no bubbles, no legend row"
    context.close()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_piyang_cluster_reads_as_one_labelled_place(browser, live_app, device):
    context = new_context(browser, device)
    page = context.new_page()
    page.goto(f"{live_app}/tour?lang=zh&step=seven-clusters")
    frame = map_frame(page)
    settle(page)
    labels = frame.locator(".pm-label-text", has_text="皮杨组团")
    assert labels.count() == 1
    points = frame.evaluate("""() => {
      const m = window.PlanMap.map, out = [];
      m.eachLayer(l => { if (l.feature && l.feature.properties.id === 'piyang-cluster' && l.getLayers)
        l.getLayers().forEach(p => out.push(m.latLngToContainerPoint(p.getLatLng()))); });
      return out.map(p => [p.x, p.y]);
    }""")
    assert len(points) == 2, "皮口 and 杨树房"
    joined = frame.evaluate("""pts => { const m = window.PlanMap.map; let found = false;
      m.eachLayer(l => { if (l.getLatLngs && !l.feature) {
        const ends = l.getLatLngs().map(ll => m.latLngToContainerPoint(ll));
        found = found || (ends.length === 2 && pts.every(p => ends.some(e => Math.hypot(e.x - p[0], e.y - p[1]) < 2)));
      } });
      return found; }""", points)
    assert joined, "a line joins the two points"
    origin = frame.evaluate("() => { const r = document.querySelector('.leaflet-container').getBoundingClientRect();"
                            " return [r.left, r.top]; }")
    box = labels.first.bounding_box()
    frame_origin = page.locator("iframe[title='streamlit_folium.st_folium']").first.bounding_box()
    middle_x = (points[0][0] + points[1][0]) / 2 + frame_origin["x"] + origin[0]
    assert box["x"] <= middle_x <= box["x"] + box["width"], "the name sits over the middle of the two points"
    context.close()
