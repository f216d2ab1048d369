"""A link cannot switch a visitor to a foreign tile server: ?basemap=… only suggests; the map uses an online basemap
after the visitor chooses it in this session (AppTest: the tile URL in the map the page sends to the browser).
The browser side (no request leaves the machine before the choice) is in tests/test_faults.py."""
from __future__ import annotations

import json

import pytest

from conftest import run_app_page

TILE_HOSTS = {"osm": "tile.openstreetmap.org", "carto": "basemaps.cartocdn.com", "esri": "server.arcgisonline.com"}


def map_html(at) -> str:
    """The map document(s) of the page (the st_folium component's arguments)."""
    return " ".join(" ".join(str(v) for v in json.loads(e.proto.json_args).values())
                    for e in at.main if type(e).__name__ == "UnknownElement")


def tile_hosts(at) -> set[str]:
    html = map_html(at)
    assert "PlanMap.render" in html, "a map was drawn"
    return {k for k, host in TILE_HOSTS.items() if host in html}


@pytest.mark.parametrize("basemap", ["esri", "osm", "carto"])
def test_a_link_alone_never_loads_online_tiles(basemap):
    at = run_app_page("pages/overview.py", "en", basemap=basemap)
    assert not at.exception
    assert tile_hosts(at) == set(), "no tile layer before the visitor's choice"
    assert at.sidebar.selectbox(key="basemap_select").value == "offline"
    notice = " ".join(i.value for i in at.info).replace("\\", "")
    assert TILE_HOSTS[basemap] in notice.replace("\u2060", ""), "the notice names the tile server"
    assert at.query_params["basemap"] == basemap, "the link's request stays in the URL until answered"


def test_the_visitor_s_choice_in_the_notice_loads_the_tiles_and_lasts_for_the_session():
    at = run_app_page("pages/overview.py", "en", basemap="esri")
    at.button(key="basemap_accept").click().run()
    assert not at.exception
    assert tile_hosts(at) == {"esri"}
    assert at.sidebar.selectbox(key="basemap_select").value == "esri" and not at.info
    at.switch_page("pages/industry.py").run()  # another map page in the same session: still the visitor's choice
    assert not at.exception and tile_hosts(at) == {"esri"}


def test_staying_offline_drops_the_request_from_the_url():
    at = run_app_page("pages/overview.py", "en", basemap="osm")
    at.button(key="basemap_decline").click().run()
    assert not at.exception
    assert tile_hosts(at) == set() and not at.info and "basemap" not in at.query_params


def test_picking_an_online_basemap_in_the_sidebar_is_a_choice():
    at = run_app_page("pages/overview.py", "en")
    assert tile_hosts(at) == set()
    at.sidebar.selectbox(key="basemap_select").select("osm").run()
    assert not at.exception and tile_hosts(at) == {"osm"}
    assert at.query_params["basemap"] == "osm"  # a shared link suggests it to the next visitor
    at.sidebar.selectbox(key="basemap_select").select("offline").run()
    assert tile_hosts(at) == set() and "basemap" not in at.query_params
