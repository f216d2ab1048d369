"""Slides show what they promise as pixels and words: a drawn map (not a blank frame), a legend with ink in it,
plan points named, and basemap place names to orient by."""
from __future__ import annotations

import io

import matplotlib.image
import numpy as np

from layers.catalog import catalog
from layers.slide import render_slide, slide_figure

INFRA = [s.id for s in catalog("infrastructure") if not s.is_table]
ZHUANGHE = (122.55, 39.45, 123.4, 39.95)


def pixels(png: bytes) -> np.ndarray:
    return matplotlib.image.imread(io.BytesIO(png), format="png")[..., :3]


def test_the_map_area_is_drawn_and_the_legend_has_ink():
    img = pixels(render_slide(INFRA, "zh", title="基础设施", bounds=ZHUANGHE))
    h, w, _ = img.shape
    map_area = img[int(h * 0.15): int(h * 0.9), int(w * 0.03): int(w * 0.7)]
    colours = {tuple(c) for c in (map_area[::7, ::7] * 255).astype(int).reshape(-1, 3)}
    assert len(colours) > 60, "the map area is (nearly) one colour"
    sea = np.array([0.81, 0.88, 0.93])
    assert (np.abs(map_area - sea).sum(axis=2) < 0.08).mean() > 0.1, "no sea drawn"
    legend = img[int(h * 0.2): int(h * 0.7), int(w * 0.75): int(w * 0.97)]
    assert (legend.mean(axis=2) < 0.35).mean() > 0.01, "the legend panel has no text"


def test_a_slide_names_plan_points_and_the_places_around_them():
    for lang, plan_name, place in (("zh", "青堆", "庄河市"), ("en", "Qingdui", "Zhuanghe City")):
        fig = slide_figure(INFRA, lang, title="x", bounds=ZHUANGHE)
        texts = {a.get_text() for a in fig.findobj(lambda a: hasattr(a, "get_text")) if (a.get_gid() or "").startswith("label-")}
        assert plan_name in texts and place in texts, sorted(texts)[:40]
