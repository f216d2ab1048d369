"""Find any feature by Chinese or English name (or partial name), across every map layer; say why it matched."""
from __future__ import annotations

import re
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
    extra: str        # lower-case English/Chinese function text, one field a line, for weaker matches ("hydrogen", "轴承")

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
            extra = "\n".join(str(props.get(k) or "") for k in ("function_zh", "function_en", "leading_en",
                                                                  "leading_zh", "kind"))
            entries.append(Entry(f"{spec.id}/{props['id']}", spec.id, spec.group, str(props.get("name_zh", "")),
                                 str(props.get("name_en", "")), normalise(extra)))
    return entries


WORD = re.compile(r"[a-z0-9]+")
SNIPPET = 24  # characters of plan wording shown either side of a match


@dataclass(frozen=True)
class Match:
    """A search result and why it matched: field is "name" (the reader's language), "name_other" or "text"."""

    entry: Entry
    score: float
    field: str
    snippet: str = ""


def _is_word(query: str, text: str) -> bool:
    """query is a whole word of text (for Latin text); any part of a CJK name counts, as CJK has no spaces."""
    if not query.isascii():
        return query in text
    words = query.split()
    found = WORD.findall(text)
    return any(found[i:i + len(words)] == words for i in range(len(found)))


def _snippet(query: str, text: str) -> str:
    """The words around the match, within the one field (line) it is in."""
    at = text.find(query)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    text, at = text[line_start:line_end if line_end >= 0 else len(text)], at - line_start
    start, end = max(0, at - SNIPPET), min(len(text), at + len(query) + SNIPPET)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def match(query: str, entry: Entry, lang: str = "zh") -> Match | None:
    """How well entry matches a normalised query: exact name 5, name prefix 4, whole word of a name 3, part of a
    name 2, every word in the names 1.5, whole word of the plan wording 1, part of it 0.5; None for no match."""
    own, other = (entry.name_en, entry.name_zh) if lang == "en" else (entry.name_zh, entry.name_en)
    for field, name in (("name", normalise(own)), ("name_other", normalise(other))):
        if not name:
            continue
        if query == name:
            return Match(entry, 5.0, field)
    best = None
    for field, name in (("name", normalise(own)), ("name_other", normalise(other))):
        if not name:
            continue
        if name.startswith(query):
            score = 4.0
        elif _is_word(query, name):
            score = 3.0
        elif query in name:
            score = 2.0
        else:
            continue
        if best is None or score > best.score:
            best = Match(entry, score, field)
    if best:
        return best
    names = f"{normalise(own)} {normalise(other)}"
    words = query.split()
    if len(words) > 1 and all(w in names for w in words):
        return Match(entry, 1.5, "name")
    if query in entry.extra:
        return Match(entry, 1.0 if _is_word(query, entry.extra) else 0.5, "text", _snippet(query, entry.extra))
    return None


def find(query: str, entries: list[Entry], limit: int = 10, lang: str = "zh") -> list[Match]:
    """The best matches first (see match), ties by shorter name; at most limit."""
    q = normalise(query)[:MAX_QUERY]
    if not q:
        return []
    found = [m for m in (match(q, e, lang) for e in entries) if m is not None]
    found.sort(key=lambda m: (-m.score, len(m.entry.name_zh), m.entry.key))
    return found[:limit]


def search(query: str, entries: list[Entry], limit: int = 10) -> list[Entry]:
    """The entries of find(), best first."""
    return [m.entry for m in find(query, entries, limit)]
