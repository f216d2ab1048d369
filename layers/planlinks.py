"""Links between the plan text and the map: which mapped features a paragraph names, and the paragraph as safe
Markdown with links to the map pages (the parsing itself is layers/plantext.py).

    feature_index()              every feature of every plan map layer, with its map page and the anchors it cites
    mentions(paragraph, index)   the feature names in a paragraph (longest first, non-overlapping)
    paragraph_markdown(...)      a paragraph as safe Markdown: all text escaped, links only to map pages built
                                 from validated slugs

Aliases (the plan's other words for a feature) are data: content/plan_aliases.json.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from layers import paths
from layers.markdown import escape_md
from layers.plantext import Paragraph, Plan, find_refs, plan

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")  # layer ids and feature ids that may appear in a link
GROUP_PAGES = {"overview": "/", "layout": "/layout", "industry": "/industry", "ecology": "/ecology",
               "infrastructure": "/infrastructure"}
MIN_FREE_NAME = 3  # shorter names (庄河, 许屯, 哈大) are linked only inside the sections their feature cites




@dataclass(frozen=True)
class Feature:
    layer: str
    id: str
    name_zh: str
    name_en: str
    group: str
    layer_title_zh: str = ""
    layer_title_en: str = ""
    source: str = ""
    anchors: frozenset[str] = frozenset()  # the plan anchors its source cites (box14, ch9-s1, ch3)
    order: int = 0  # catalog order (ties between equal names)

    @property
    def key(self) -> str:
        return f"{self.layer}/{self.id}"

    @property
    def linkable(self) -> bool:
        return bool(SLUG.match(self.layer) and SLUG.match(self.id) and self.group in GROUP_PAGES)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    feature: Feature


def _anchors(source: str, text: Plan) -> frozenset[str]:
    found = set()
    for ref in find_refs(source, text):
        found.add(ref.anchor)
        if ref.box is not None:
            found.add(f"ch{ref.chapter}-s{ref.section}")
    return frozenset(found)


def build_features(layers: dict, specs: Iterable, text: Plan | None = None) -> list[Feature]:
    """Features from loaded layers ({layer_id: GeoDataFrame or list of property dicts}) and their catalog specs."""
    doc = text or plan()
    features = []
    for order, spec in enumerate(specs):
        data = layers.get(spec.id)
        if data is None:
            continue
        records = data.drop(columns="geometry").to_dict("records") if hasattr(data, "drop") else list(data)
        for props in records:
            name = props.get("name_zh")
            if not isinstance(name, str) or not name.strip():
                continue
            source = props.get("source") if isinstance(props.get("source"), str) else ""
            features.append(Feature(spec.id, str(props.get("id", "")),
                                    name.strip(), str(props.get("name_en") or ""), spec.group, spec.title_zh,
                                    spec.title_en, source, _anchors(source, doc), order))
    return features


def feature_index(text: Plan | None = None) -> tuple[list[Feature], list]:
    """Every feature of every plan map layer (not tables, not the basemap), and the load problems."""
    from layers.catalog import catalog
    from layers.loading import load_all

    specs = [s for s in catalog() if not s.is_table and s.contract == "plan" and s.group in GROUP_PAGES]
    layers, problems = load_all([s.id for s in specs])
    return build_features(layers, specs, text), problems


ALIASES_FILE = paths.ROOT / "content" / "plan_aliases.json"


def _load_aliases() -> dict[str, str | None]:
    """content/plan_aliases.json; {} (no alias links, everything else works) when it is missing or broken."""
    try:
        raw = json.loads(ALIASES_FILE.read_text(encoding="utf-8"))["aliases"]
        return {str(k): (v if isinstance(v, str) else None) for k, v in raw.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


ALIASES: dict[str, str | None] = _load_aliases()


def _phrases(features: Iterable[Feature]) -> list[tuple[str, list[Feature] | None, bool]]:
    """(phrase, features it may name or None for “never link”, local only), longest first."""
    by_name: dict[str, list[Feature]] = {}
    by_key: dict[str, Feature] = {}
    for feature in features:
        by_name.setdefault(feature.name_zh, []).append(feature)
        by_key.setdefault(feature.key, feature)
    phrases: dict[str, tuple[list[Feature] | None, bool]] = {
        name: (found, len(name) < MIN_FREE_NAME) for name, found in by_name.items() if name}
    for phrase, key in ALIASES.items():
        if phrase in phrases:
            continue
        if key is None:
            phrases[phrase] = (None, False)
        elif key in by_key:
            phrases[phrase] = ([by_key[key]], True)
    return sorted(((p, f, local) for p, (f, local) in phrases.items()), key=lambda item: (-len(item[0]), item[0]))


def mentions(paragraph: Paragraph | str, features: Iterable[Feature]) -> list[Mention]:
    """Feature names (name_zh, and the few ALIASES) in a paragraph: longest first, non-overlapping, in text order.

    A name used by several features goes to the one whose source cites this paragraph's section (else the first
    in catalog order); names shorter than MIN_FREE_NAME and aliases are linked only inside the sections their
    feature cites.
    """
    text = paragraph.full if isinstance(paragraph, Paragraph) else str(paragraph)
    places = paragraph.places if isinstance(paragraph, Paragraph) else frozenset()
    taken = [False] * len(text)
    found: list[Mention] = []
    for phrase, candidates, local_only in _phrases(features):
        if phrase not in text:
            continue
        if candidates is not None:
            local = [f for f in candidates if f.anchors & places]
            candidates = sorted(local or ([] if local_only else candidates), key=lambda f: f.order)
            if not candidates:
                continue
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                if candidates:
                    found.append(Mention(start, end, phrase, candidates[0]))
            start = text.find(phrase, end)
    return sorted(found, key=lambda m: m.start)


# ---------------------------------------------------------------- safe Markdown



def map_url(feature: Feature, lang: str) -> str | None:
    """The map page that shows this feature (zoomed, popup open; the page turns the feature's layer on), or None
    when any part is not a valid slug."""
    if not feature.linkable:
        return None
    lang = lang if lang in ("zh", "en") else "zh"
    return f"{GROUP_PAGES[feature.group]}?select={feature.layer}/{feature.id}&lang={lang}"


def link_markdown(label: str, feature: Feature, lang: str) -> str:
    url = map_url(feature, lang)
    if url is None:
        return escape_md(label)
    title = feature.name_en if lang == "en" and feature.name_en else feature.name_zh
    layer = feature.layer_title_en if lang == "en" else feature.layer_title_zh
    return f'[{escape_md(label)}]({url} "{escape_md(f"{title} — {layer}" if layer else title)}")'


def paragraph_markdown(paragraph: Paragraph | str, features: Iterable[Feature], lang: str,
                       found: list[Mention] | None = None) -> str:
    """A paragraph as Markdown: escaped text, each mention a link to the map (bullets: “- **label**：text”)."""
    para = paragraph if isinstance(paragraph, Paragraph) else Paragraph("", str(paragraph))
    features = list(features)
    label, full = para.label, para.full
    if found is None:
        found = mentions(para, features)
    boundary = len(label) if label else -1
    if any(m.start < boundary < m.end for m in found):
        boundary = -1  # a name runs across the lead-in: no bold rather than a broken one
    out, pos = [], 0

    def text_part(start: int, end: int) -> None:
        if boundary > 0 and start < boundary <= end:
            out.append(escape_md(full[start:boundary]) + "**" + escape_md(full[boundary:end]))
        else:
            out.append(escape_md(full[start:end]))

    for mention in found:
        text_part(pos, mention.start)
        out.append(link_markdown(full[mention.start:mention.end], mention.feature, lang))
        if boundary > 0 and mention.end == boundary:
            out.append("**")
        pos = mention.end
    text_part(pos, len(full))
    body = "".join(out)
    if para.kind == "bullet":
        return f"- **{body}" if boundary > 0 else f"- {body}"
    if para.kind == "subheading":
        return f"**{body}**"
    return body
