"""Where the project's files live (one place, so tests can point elsewhere)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEODATA = Path(os.environ.get("DALIAN_GEODATA", ROOT / "geodata"))
STATIC = ROOT / "static"
PLAN_TEXT_CANDIDATES = (ROOT / "plan" / "dalian_14th_five_year_plan.txt",
                        ROOT.parent / "shared" / "plan" / "dalian_14th_five_year_plan.txt")
