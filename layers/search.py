"""Find any feature by Chinese or English name (or partial name), across every map layer."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import geopandas as gpd

from layers.catalog import LayerSpec

MAX_QUERY = 60


@dataclass(frozen=True)
class Entry:
    key: str          # "<layer_id>/<feature_id>", the ?select= value
    layer_id: str
    group: str
    name_zh: str
    name_en: str
    extra: str        # lower-case English/Chinese function text, for weaker matches ("hydrogen", "轴承")

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_zh


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text or "")).casefold().strip()


def build_index(specs: list[LayerSpec], layers: dict[str, gpd.GeoDataFrame]) -> list[Entry]:
    entries = []
    for spec in specs:
        gdf = layers.get(spec.id)
        if gdf is None or spec.group == "basemap":
            continue
        for props in gdf.drop(columns="geometry").to_dict("records"):
            extra = " ".join(str(props.get(k) or "") for k in ("function_zh", "function_en", "leading_en",
                                                                 "leading_zh", "kind"))
            entries.append(Entry(f"{spec.id}/{props['id']}", spec.id, spec.group, str(props.get("name_zh", "")),
                                 str(props.get("name_en", "")), normalise(extra)))
    return entries


def score(query: str, entry: Entry) -> float:
    names = (normalise(entry.name_zh), normalise(entry.name_en))
    if query in names:
        return 4.0
    if any(n.startswith(query) for n in names):
        return 3.0
    if any(query in n for n in names):
        return 2.0
    words = query.split()
    if len(words) > 1 and all(any(w in n for n in names) for w in words):
        return 1.5
    return 0.5 if query in entry.extra else 0.0


def search(query: str, entries: list[Entry], limit: int = 10) -> list[Entry]:
    """Best matches first: exact name, name prefix, name part, then plan text; ties by shorter name."""
    q = normalise(query)[:MAX_QUERY]
    if not q:
        return []
    scored = [(score(q, e), e) for e in entries]
    ranked = sorted((p for p in scored if p[0] > 0), key=lambda p: (-p[0], len(p[1].name_zh), p[1].key))
    return [e for _, e in ranked[:limit]]
