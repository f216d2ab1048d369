"""What the site report looks up, in which layers, and the screening distances it states — the report's rules as data.

The plan gives no buffer distances. The distances below are this map's screening distances: a site within them
is flagged so the reader checks the official boundary (保护区、水源保护区 are drawn here as points, see each
feature's geometry note). Every report repeats the distance it used.

mode:
    contains   the feature(s) the site lies in; when none, the nearest one (point reports) or the overlaps and the
               nearest one (area reports)
    inside     only features the site lies in or overlaps (nothing is said when there are none)
    within     every feature within distance_km (flagged), and the nearest one even if farther (not flagged)
    nearest    the `count` nearest features, with their distance
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    section: str                 # report section (strings key sr_section_<section>)
    layer: str                   # catalog layer id
    mode: str                    # contains | inside | within | nearest
    kinds: tuple[str, ...] = ()  # only features of these kinds ("" = all)
    distance_km: float | None = None
    count: int = 1
    flag: str | None = None      # "conflict" (red) or "caution" (amber) when the rule applies
    flag_ids: tuple[str, ...] = ()  # for contains/inside rules: only these features raise the flag
    label: str = ""              # strings key naming what is screened (e.g. sr_what_reserve)


SECTIONS = ("district", "functional", "layout", "zoning", "ecology", "marine", "parks", "projects", "towns")

RULES: tuple[Rule, ...] = (
    Rule("district", "districts", "contains"),
    Rule("functional", "layout_functional_areas", "inside"),
    Rule("layout", "layout_core_cities", "contains"),
    Rule("layout", "layout_areas", "contains"),
    Rule("layout", "layout_clusters", "nearest"),
    Rule("layout", "layout_bay_area", "inside"),
    Rule("zoning", "layout_zoning", "contains", flag="conflict", flag_ids=("northern-water-barrier",),
         label="sr_what_water_barrier"),
    Rule("ecology", "eco_protected", "within", kinds=("reserve",), distance_km=5.0, flag="conflict",
         label="sr_what_reserve"),
    Rule("ecology", "eco_protected", "within", kinds=("reserve_marine",), distance_km=10.0, flag="conflict",
         label="sr_what_marine_reserve"),
    Rule("ecology", "eco_protected", "within", kinds=("wetland",), distance_km=3.0, flag="caution",
         label="sr_what_wetland"),
    Rule("ecology", "eco_reservoirs", "within", kinds=("water_supply", "water_source_protection"), distance_km=5.0,
         flag="conflict", label="sr_what_water_source"),
    Rule("ecology", "eco_reservoirs", "within", kinds=("flood_control",), distance_km=3.0, flag="caution",
         label="sr_what_reservoir"),
    Rule("ecology", "eco_spine", "within", distance_km=2.0, flag="caution", label="sr_what_spine"),
    Rule("ecology", "eco_corridors", "within", distance_km=1.0, flag="caution", label="sr_what_corridor"),
    Rule("marine", "eco_sea", "inside"),
    Rule("parks", "ind_parks", "nearest", count=3),
    Rule("projects", "infra_transport_points", "nearest", count=5),
    Rule("projects", "infra_transport_lines", "nearest", count=5),
    Rule("projects", "infra_energy_points", "nearest", count=5),
    Rule("projects", "infra_energy_lines", "nearest", count=5),
    Rule("projects", "infra_water_points", "nearest", count=5),
    Rule("projects", "infra_water_lines", "nearest", count=5),
    Rule("projects", "infra_culture", "nearest", count=5),
    Rule("towns", "infra_towns", "nearest", count=3),
)

SECTION_LIMIT = {"projects": 5}  # the projects section keeps the 5 nearest across all its layers

# A site is in the plan's area when it lies in a district (within COAST_TOLERANCE_KM: the coast is generalised),
# or at sea within PLAN_AREA_MARGIN_KM of a district, or touches the marine structure (SEA_LAYER); anything else
# (other cities' land, the open sea) is refused as outside Dalian.
PLAN_AREA_MARGIN_KM = 20.0
COAST_TOLERANCE_KM = 1.0
SEA_LAYER = "eco_sea"
LAND_LAYER = "base_land"     # a point outside it is at sea
EDGE_NOTE_KM = 1.0           # "inside, but x km from the edge": the edge is generalised or schematic

# Area reports: the limits said on the page and enforced by layers/boundary_upload.py and the report.
MAX_SITE_AREA_KM2 = 5000.0


def layers_used() -> tuple[str, ...]:
    """Every layer the report reads (the rules' layers, the plan area's and the land), in a stable order."""
    ids = [r.layer for r in RULES] + ["districts", SEA_LAYER, LAND_LAYER]
    return tuple(dict.fromkeys(ids))
