"""Deployment settings (审图号, data-source notice, map keys) from site.toml and the environment."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass

from layers import paths

CONFIG_FILE = paths.ROOT / "site.toml"


@dataclass(frozen=True)
class SiteConfig:
    review_number: str = ""       # 审图号, e.g. "辽S（2026）000号"; shown on every map and export when set
    notice_zh: str = ""
    notice_en: str = ""
    tianditu_key: str = ""        # 天地图 browser key; the 天地图 basemap is offered only when set

    def notice(self, lang: str) -> str:
        text = self.notice_en if lang == "en" else self.notice_zh
        parts = [p for p in (self.review_number, text) if p]
        return " · ".join(parts)


def load_config() -> SiteConfig:
    """site.toml's [public] table, overridden by DALIAN_MAP_* environment variables; bad files are ignored."""
    values: dict[str, str] = {}
    try:
        with CONFIG_FILE.open("rb") as fh:
            values.update({k: str(v) for k, v in tomllib.load(fh).get("public", {}).items()})
    except (FileNotFoundError, tomllib.TOMLDecodeError):
        pass
    for key in SiteConfig.__dataclass_fields__:
        env = os.environ.get(f"DALIAN_MAP_{key.upper()}")
        if env is not None:
            values[key] = env
    return SiteConfig(**{k: v for k, v in values.items() if k in SiteConfig.__dataclass_fields__})
