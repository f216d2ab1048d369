"""Where the project's files live (one place, so tests can point elsewhere), and how a path is named to users."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEODATA = Path(os.environ.get("DALIAN_GEODATA", ROOT / "geodata"))
STATIC = ROOT / "static"
PLAN_TEXT_CANDIDATES = (ROOT / "plan" / "dalian_14th_five_year_plan.txt",
                        ROOT.parent / "shared" / "plan" / "dalian_14th_five_year_plan.txt")


def shown(path: Path | str) -> str:
    """A path as messages show it: relative to the project ("geodata/catalog.json"), never the server's absolute
    path. Data outside the project (DALIAN_GEODATA) is named as if it were geodata/; anything else by its name."""
    path = Path(path)
    for base, prefix in ((GEODATA, "geodata"), (ROOT, "")):
        try:
            rel = path.resolve().relative_to(Path(base).resolve())
        except ValueError:
            continue
        return "/".join(p for p in (prefix, rel.as_posix()) if p and p != ".") or prefix or "."
    return path.name
